#!/usr/bin/env bash
# Builds the deployment package: publishes the handler self-contained for linux-x64 with ReadyToRun into a Functions
# script root (host.json, one folder per function with its function.json, the handler host.json names) and zips that
# folder's contents with their Unix modes, so the handler keeps its execute bit when Azure runs from the package.
#
#   scripts/package.sh [zip]        default: artifacts/archiver.zip
#
# ARCHIVER_PACKAGE_WORK is where the build's obj/bin and the script root go (default artifacts/package): apart from the
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

dotnet publish functions/Archiver.Functions -c Release -r linux-x64 --self-contained \
  --artifacts-path "$work/build" -o "$root" --nologo -v quiet

handler="$(sed -n 's/.*"defaultExecutablePath": *"\([^"]*\)".*/\1/p' "$root/host.json")"
if [ ! -x "$root/$handler" ]; then
  echo "package.sh: host.json names '$handler', which is not an executable file in $root" >&2
  exit 1
fi

# zip stores each file's Unix mode (external attributes); -X leaves out uid/gid, which mean nothing in Azure.
(cd "$root" && zip -q -r -X "$zip_path" .)
if ! unzip -Z "$zip_path" "$handler" | grep -q '^-rwx'; then
  echo "package.sh: $handler lost its execute bit in $zip_path" >&2
  exit 1
fi
echo "$zip_path"
