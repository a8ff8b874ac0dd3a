#!/usr/bin/env bash
# Checks what scripts/start-local.sh and scripts/test.sh need, and says what is missing and how to get it:
# the .NET SDK global.json names, Node.js 20 or later with npm (Azurite), and with --tests also Python 3 (the totals
# line) and Chromium for the browser tests (at $ARCHIVER_CHROMIUM, /usr/bin/chromium by default). As root, or under
# CI with sudo, a missing Chromium is installed with apt-get (Debian's chromium package), and the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."

tests=false
[ "${1:-}" = "--tests" ] && tests=true
missing=0
fail() { echo "prerequisites: $*" >&2; missing=1; }

sdk=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' global.json)
if ! command -v dotnet >/dev/null 2>&1; then
  fail "the .NET SDK is missing: install .NET SDK ${sdk} or a later ${sdk%.*} feature band (https://dot.net), then run this again."
elif ! dotnet --version >/dev/null 2>&1; then
  fail "no installed .NET SDK satisfies global.json (${sdk}, later feature bands allowed); installed: $(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')"
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  fail "Node.js 20 or later with npm is missing (it runs Azurite, the storage emulator): install it, then run this again."
elif [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  fail "Node.js $(node --version) is too old: Azurite here needs Node.js 20 or later."
fi

if $tests; then
  command -v python3 >/dev/null 2>&1 || fail "python3 is missing: scripts/test.sh uses it to print the totals from the test results."

  chromium="${ARCHIVER_CHROMIUM:-/usr/bin/chromium}"
  if [ ! -x "$chromium" ]; then
    sudo=""
    if [ "$(id -u)" != 0 ] && [ -n "${CI:-}" ] && command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    fi
    if [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; then
      echo "prerequisites: $chromium is missing; installing Debian's chromium package with apt-get (the browser tests drive it headless)."
      if ! command -v apt-get >/dev/null 2>&1; then
        fail "apt-get is not available here, so Chromium cannot be installed: install Chromium and set ARCHIVER_CHROMIUM to its path."
      elif ! { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }; then
        fail "apt-get could not install chromium (see above): install Chromium yourself and set ARCHIVER_CHROMIUM to its path."
      elif [ ! -x "$chromium" ]; then
        fail "apt-get installed chromium, but $chromium is still missing: set ARCHIVER_CHROMIUM to the browser's path."
      fi
    else
      fail "$chromium is missing and only root may install it: run 'sudo apt-get install -y chromium' (Debian, Ubuntu), or set ARCHIVER_CHROMIUM to an installed Chromium."
    fi
  fi
fi

exit "$missing"
