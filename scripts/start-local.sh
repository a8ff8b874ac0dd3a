#!/usr/bin/env bash
# Starts Archiver locally: Azurite (from the repo's node_modules, data kept in .azurite/) and the app on
# http://127.0.0.1:7071, both stopped together on Ctrl-C. Sets itself up on a fresh machine (npm ci, restore, build).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/prerequisites.sh

port="${ARCHIVER_PORT:-7071}"
blob_port="${AZURITE_BLOB_PORT:-10000}"

if [ ! -x node_modules/.bin/azurite-blob ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
dotnet build functions/Archiver.Functions -c Debug --nologo -v quiet

mkdir -p .azurite
node node_modules/azurite/dist/src/blob/main.js --blobHost 127.0.0.1 --blobPort "$blob_port" \
  --location .azurite --silent --disableTelemetry --skipApiVersionCheck --loose &
azurite=$!
cleanup() { kill "$app" "$azurite" 2>/dev/null || true; wait 2>/dev/null || true; }
app=""
trap cleanup EXIT INT TERM

export Archiver__Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${blob_port}/devstoreaccount1;"
# Standalone: the built app itself (with the Worker SDK, `dotnet run` would mean `func start`, which needs Core Tools).
dotnet functions/Archiver.Functions/bin/Debug/net10.0/Archiver.Functions.dll --urls "http://127.0.0.1:${port}" &
app=$!
echo "Archiver: http://127.0.0.1:${port}  (Azurite blob on ${blob_port}; Ctrl-C stops both)"
wait -n "$app" "$azurite"
