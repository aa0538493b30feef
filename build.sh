#!/usr/bin/env bash
# Runs the repository's Cake build (build/build.cake, Cake 7 as a local tool).
# Usage: ./build.sh [TARGET] [--option value ...]
#   ./build.sh                      builds the solution and runs every test
#   ./build.sh VerifyCertCoverage --iis-config F --sslcert F --certs DIR
#   ./build.sh --help               lists the targets, the options each one takes, and examples
# The targets and their options are listed in build/targets.txt; an unknown target or option fails at once, before
# anything is built. Exit codes: 0 holds, 1 findings (or apply refused, or the build or a test failed), 2 bad input
# (usage, missing or malformed file), as the iis-ssl command line.
set -euo pipefail
# Only bash builtins until the options are checked: a refusal needs nothing else, not even dotnet.
script="${BASH_SOURCE[0]}"
[[ "$script" == */* ]] && root="${script%/*}" || root=.
root="$(cd "$root" && pwd)"
table="$root/build/targets.txt"

targets=()
declare -A target_description=() option_targets=() option_argument=() option_description=()
options=()
examples=()
trim() { local s="$1"; s="${s#"${s%%[![:space:]]*}"}"; printf '%s' "${s%"${s##*[![:space:]]}"}"; }
while IFS= read -r line || [[ -n "$line" ]]; do
  [[ -z "$(trim "$line")" || "$line" == \#* ]] && continue
  IFS='|' read -r kind first second third <<<"$line"
  kind="$(trim "$kind")"
  case "$kind" in
    target) name="$(trim "$first")"; targets+=("$name"); target_description[$name]="$(trim "$second")" ;;
    option)
      spec="$(trim "$second")"; name="${spec%% *}"; options+=("$name")
      option_targets[$name]="$(trim "$first")"
      option_argument[$name]="$(trim "${spec#"$name"}")"
      option_description[$name]="$(trim "$third")" ;;
    example) examples+=("$(trim "$first")") ;;
  esac
done <"$table"

takes() { # takes OPTION TARGET: whether TARGET accepts OPTION
  local list=",${option_targets[$1]}," ; [[ "$list" == ",*," || "$list" == *",$2,"* ]]
}

usage() {
  echo "Usage: ./build.sh [TARGET] [--option value ...]"
  echo
  echo "Targets:"
  local t o
  for t in "${targets[@]}"; do printf '  %-22s %s\n' "$t" "${target_description[$t]}"; done
  for t in "${targets[@]}"; do
    local lines=()
    for o in "${options[@]}"; do
      [[ "${option_targets[$o]}" == "*" ]] && continue
      takes "$o" "$t" && lines+=("$(printf '    %-30s %s' "$o ${option_argument[$o]}" "${option_description[$o]}")")
    done
    [[ ${#lines[@]} -eq 0 ]] && continue
    echo
    echo "  $t options:"
    printf '%s\n' "${lines[@]}"
  done
  echo
  echo "  Options of every target:"
  for o in "${options[@]}"; do
    [[ "${option_targets[$o]}" == "*" ]] && printf '    %-30s %s\n' "$o ${option_argument[$o]}" "${option_description[$o]}"
  done
  echo "    --help                         this text"
  echo
  echo "  A list option (ARG...) repeats (--certs a --certs b) or takes commas (--certs a,b); --name=value works too."
  echo "  Relative paths start at the folder you run ./build.sh from."
  echo
  echo "Examples:"
  printf '  %s\n' "${examples[@]}"
  echo
  echo "Exit codes: 0 holds, 1 findings (or apply refused, or the build or a test failed), 2 bad input."
}

fail() { echo "build.sh: $*" >&2; echo "Run './build.sh --help' for the targets and their options." >&2; exit 2; }

for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" || "$arg" == "-?" ]]; then usage; exit 0; fi
done

target="Default"
if [[ $# -gt 0 && "$1" != -* ]]; then
  target=""
  for t in "${targets[@]}"; do [[ "${1,,}" == "${t,,}" ]] && target="$t"; done
  [[ -n "$target" ]] || fail "unknown target '$1' (targets: ${targets[*]})."
  shift
fi

accepted() { local o list=(); for o in "${options[@]}"; do takes "$o" "$target" && list+=("$o"); done; echo "${list[*]}"; }
rest=("$@")
i=0
while [[ $i -lt ${#rest[@]} ]]; do
  arg="${rest[$i]}"
  case "$arg" in
    --*=*) name="${arg%%=*}"; inline=1 ;;
    --*) name="$arg"; inline=0 ;;
    *) fail "unexpected argument '$arg' (the target comes first; options start with --)." ;;
  esac
  if [[ -z "${option_targets[$name]+set}" ]]; then
    fail "unknown option '$name' for $target (it takes: $(accepted))."
  fi
  takes "$name" "$target" || fail "'$name' is not an option of $target (it takes: $(accepted))."
  if [[ -n "${option_argument[$name]}" && $inline -eq 0 ]]; then
    next=$((i + 1))
    if [[ $next -ge ${#rest[@]} || "${rest[$next]}" == --* ]]; then
      fail "'$name' needs a value (${option_argument[$name]})."
    fi
    i=$next
  fi
  i=$((i + 1))
done

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

exec dotnet cake build/build.cake --target="$target" "$@"
