#!/usr/bin/env bash
# Runs every test, from a fresh clone too: checks the prerequisites (scripts/prerequisites.sh; as root it installs
# Chromium with apt-get when missing, and says so), installs Azurite from package-lock.json, restores, builds with
# warnings as errors, runs the xunit suite (it starts its own Azurite), and prints the totals from the results.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/prerequisites.sh --tests
if [ ! -x node_modules/.bin/azurite-blob ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
dotnet restore Archiver.sln
dotnet build Archiver.sln --no-restore -c Debug -warnaserror

results=TestResults
rm -rf "$results"
status=0
# A test that hangs fails the run after 5 quiet minutes, named in the output, instead of holding CI until its limit.
dotnet test Archiver.sln --no-build -c Debug --blame-hang-timeout 5m --blame-hang-dump-type none \
  --logger "trx;LogFilePrefix=archiver" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

# Totals from the trx files, so a run that executed nothing shows as 0 passed.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
line = f"{passed} passed, {failed} failed"
print(line + (f", {skipped} skipped" if skipped else ""))
PY
exit $status
