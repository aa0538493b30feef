#!/usr/bin/env bash
# Runs the repository's Cake build. Usage: ./build.sh [Target] [--option value ...]
#   ./build.sh                      build and run every test
#   ./build.sh VerifyCertCoverage --iis-config F --sslcert F --certs DIR
#   ./build.sh --help-targets       list the targets and their options
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Cake runs with the script's folder as working directory; relative paths given here are relative to the caller.
export IIS_SSL_CALLER_DIR="$PWD"

cd "$root"
dotnet tool restore >/dev/null
# The Cake script loads the addin from artifacts/, so the addin (and the engine) are built first.
if ! log=$(dotnet build src/IisSsl.Cake/IisSsl.Cake.csproj -c Release -o artifacts/cake-addin --nologo -v quiet 2>&1); then
  echo "$log" >&2
  exit 1
fi

target="Default"
if [[ $# -gt 0 && "$1" != -* ]]; then
  target="$1"
  shift
fi
exec dotnet cake build/build.cake --target="$target" "$@"
