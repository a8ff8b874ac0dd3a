#!/usr/bin/env bash
# Builds the deployment package: publishes the isolated worker (framework-dependent for linux-x64, ReadyToRun) into a
# worker root — host.json, functions.metadata, worker.config.json, extensions.json, .azurefunctions/ and the app — checks
# that root, and zips its contents.
#
#   scripts/package.sh [zip]        default: artifacts/archiver.zip
#
# ARCHIVER_PACKAGE_WORK is where the build's obj/bin and the worker root go (default artifacts/package): apart from the
# tree's own obj/bin, so packaging never races a build or test run of the working tree.
set -euo pipefail
cd "$(dirname "$0")/.."

zip_path="${1:-artifacts/archiver.zip}"
work="${ARCHIVER_PACKAGE_WORK:-artifacts/package}"
command -v zip >/dev/null || { echo "package.sh: 'zip' is required (apt-get install zip)" >&2; exit 1; }

mkdir -p "$(dirname "$zip_path")" "$work"
zip_path="$(cd "$(dirname "$zip_path")" && pwd)/$(basename "$zip_path")"
root="$work/root"
rm -rf "$root" "$zip_path"

dotnet publish functions/Archiver.Functions -c Release -r linux-x64 --self-contained false \
  --artifacts-path "$work/build" -o "$root" --nologo -v quiet

for file in host.json functions.metadata worker.config.json extensions.json; do
  [ -f "$root/$file" ] || { echo "package.sh: the worker root lacks $file" >&2; exit 1; }
done
[ -d "$root/.azurefunctions" ] || { echo "package.sh: the worker root lacks .azurefunctions/" >&2; exit 1; }
worker="$(sed -n 's/.*"defaultWorkerPath": *"\([^"]*\)".*/\1/p' "$root/worker.config.json")"
[ -f "$root/$worker" ] || { echo "package.sh: worker.config.json names '$worker', which is not in $root" >&2; exit 1; }

# -X leaves out uid/gid, which mean nothing in Azure; dot files (.azurefunctions/) are included by -r.
(cd "$root" && zip -q -r -X "$zip_path" .)
echo "$zip_path"
