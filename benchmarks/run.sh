#!/usr/bin/env bash
# The hosting-provider scale benchmark, end to end (issue 6). Builds the CLI in Release (ReadyToRun), writes
# synthetic server states of 100, 1,000 and 10,000 sites, and times cold `iis-ssl verify` runs (a new process each
# time) against the two-site sample, which is the fixed start-up cost. Prints the median of REPS runs, the peak RSS
# and how cost grows with size; see BENCHMARKS.md for what the goals are and what was measured.
#
#   benchmarks/run.sh [--reps N] [--sizes "100 1000 10000"] [--shapes "wildcard san"] [--formats "text json"] [--startup] [--phases] [--engine] [--work DIR]
#     --shapes  the shared IPs' certificates: wildcard (one *.poolN name each) and san (one SAN certificate naming every
#               host on the address, about 700 names); each size is written in each shape
#     --formats the report formats to time, one table each: text (the default format) and json (the largest report);
#               the tables also give the report's size against its inputs (applicationHost.config + HTTP.SYS text)
#     --startup also compare start-up options on the 2-site verify: ReadyToRun vs IL-only, TieredPGO, GC mode
#     --phases  also time each engine stage in-process on the largest state (stopwatch): the cold round as the CLI
#               runs it (ReadyToRun, first call, no collection, TieredPGO off) and the warm rounds (tier-1 JIT code,
#               default GC, TieredPGO off as in the CLI), with allocations and GCs
#     --engine  also compare the engine with a bare XmlReader pass: cold (one of each per fresh ReadyToRun process,
#               as a pipeline run meets them; the engine with the CLI's GC setting and with the default GC, as a
#               Cake or Nuke build runs it) and warm (the BenchmarkDotNet job, ShortRun; about a minute)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reps=7
sizes="100 1000 10000"
formats="text json"
shapes="wildcard san"
startup_options=false
phases=false
engine=false
work="$root/artifacts/bench"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reps) reps=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --shapes) shapes=$2; shift 2 ;;
    --startup) startup_options=true; shift ;;
    --phases) phases=true; shift ;;
    --engine) engine=true; shift ;;
    --work) work=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time for peak RSS..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

rid="linux-x64"
cli="$work/cli/iis-ssl"
bench_dll="$root/benchmarks/IisSsl.Benchmarks/bin/Release/net10.0/IisSsl.Benchmarks.dll"
mkdir -p "$work"
echo "building the CLI (Release, $rid, ReadyToRun) and the benchmark tool..." >&2
quietly() { "$@" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }; }
quietly dotnet publish "$root/src/IisSsl.Cli" -c Release -r "$rid" --self-contained false -o "$work/cli" -nologo
quietly dotnet build "$root/benchmarks/IisSsl.Benchmarks" -c Release -nologo

# State rows: name, config, sslcert, certs, sites, https bindings, HTTP.SYS records.
sample="$root/samples/seed-two-sites"
rows=("2-site-sample	$sample/applicationHost.config	$sample/sslcert.txt	$sample/certs	2	2	1")
for shape in $shapes; do
  prefix=""
  [[ $shape == wildcard ]] || prefix="$shape-"
  # shellcheck disable=SC2086
  while IFS=$'\t' read -r dir n https records _certs; do
    rows+=("$prefix$n-sites	$dir/applicationHost.config	$dir/sslcert.txt	$dir/certs	$n	$https	$records")
  done < <(dotnet "$bench_dll" generate "$work/states" --shape "$shape" $sizes)
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run_once CONFIG SSLCERT CERTS -> "wall_us cpu_us peak_rss_kib exit_code report_bytes input_bytes" (the CLI is $cli)
# CPU time (user + system) is reported beside wall time because the machine may be shared: it moves less with load.
run_once() {
  local start end code user sys kib
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S %M' -o "$work/rss" "$cli" verify --config "$1" --sslcert "$2" --certs "$3" --format "$format" \
    >"$work/report.$format" 2>"$work/stderr" && code=0 || code=$?
  end=$(date +%s%N)
  if [[ $code -ne 0 && $code -ne 1 ]]; then
    echo "iis-ssl verify failed with exit code $code on $1:" >&2; cat "$work/stderr" >&2; exit 1
  fi
  read -r user sys kib < <(tail -n 1 "$work/rss")
  echo "$(((end - start) / 1000)) $(echo "($user + $sys) * 1000000 / 1" | bc) $kib $code $(stat -c %s "$work/report.$format") $(($(stat -c %s "$1") + $(stat -c %s "$2")))"
}

# measure CONFIG SSLCERT CERTS -> "median_us min_us median_cpu_us" of $reps runs of one state
measure() {
  local walls=() cpus=() wall cpu
  run_once "$1" "$2" "$3" >/dev/null # page cache, not JIT
  for ((i = 0; i < reps; i++)); do
    read -r wall cpu _ < <(run_once "$1" "$2" "$3")
    walls+=("$wall"); cpus+=("$cpu")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${walls[@]}" | sort -n | head -n 1) $(printf '%s\n' "${cpus[@]}" | median)"
}

startup_times=()
for ((i = 0; i < reps; i++)); do
  start=$(date +%s%N); "$cli" --help >/dev/null; end=$(date +%s%N); startup_times+=($(((end - start) / 1000)))
done
startup=$(printf '%s\n' "${startup_times[@]}" | median)

for format in $formats; do
echo
echo "iis-ssl verify --format $format (report written to a file), cold process per run, $reps rounds of every state, medians ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d))"
printf '%-18s %7s %8s %8s %10s %10s %9s %9s %8s %9s %9s %10s %9s %5s\n' state sites https http.sys "median ms" "min ms" "x 2-site" "paired x" "cpu ms" "cpu x 2" "peak MiB" "report MiB" "x inputs" exit
# Rounds, not one state after the other: each round runs every state once, so a shared host's slow and fast spells
# fall on all of them alike, and "paired x" is the median of each round's ratio to that round's 2-site run.
declare -A walls cpus peak code_of report_of input_of median_of
for row in "${rows[@]}"; do
  IFS=$'\t' read -r name config sslcert certs _ <<<"$row"
  run_once "$config" "$sslcert" "$certs" >/dev/null # page cache, not JIT
done
for ((i = 0; i < reps; i++)); do
  for row in "${rows[@]}"; do
    IFS=$'\t' read -r name config sslcert certs _ <<<"$row"
    read -r wall cpu kib code report_bytes input_bytes < <(run_once "$config" "$sslcert" "$certs")
    walls[$name]+="$wall "; cpus[$name]+="$cpu "
    ((kib > ${peak[$name]:-0})) && peak[$name]=$kib
    code_of[$name]=$code; report_of[$name]=$report_bytes; input_of[$name]=$input_bytes
  done
done
base_name=""
for row in "${rows[@]}"; do
  IFS=$'\t' read -r name config sslcert certs n https records <<<"$row"
  [[ -z $base_name ]] && base_name=$name
  med=$(printf '%s\n' ${walls[$name]} | median)
  min=$(printf '%s\n' ${walls[$name]} | sort -n | head -n 1)
  cpu=$(printf '%s\n' ${cpus[$name]} | median)
  base=$(printf '%s\n' ${walls[$base_name]} | median)
  cpu_base=$(printf '%s\n' ${cpus[$base_name]} | median)
  paired=$(paste -d' ' <(printf '%s\n' ${walls[$name]}) <(printf '%s\n' ${walls[$base_name]}) | awk '{ print $1 / $2 }' | median)
  median_of[$name]=$med
  printf '%-18s %7s %8s %8s %10.1f %10.1f %9.2f %9.2f %8.0f %9.2f %9.1f %10.2f %9.2f %5s\n' "$name" "$n" "$https" "$records" \
    "$(echo "$med / 1000" | bc -l)" "$(echo "$min / 1000" | bc -l)" "$(echo "$med / $base" | bc -l)" "$paired" \
    "$(echo "$cpu / 1000" | bc -l)" "$(echo "$cpu / $cpu_base" | bc -l)" "$(echo "${peak[$name]} / 1024" | bc -l)" \
    "$(echo "${report_of[$name]} / 1048576" | bc -l)" "$(echo "${report_of[$name]} / ${input_of[$name]}" | bc -l)" "${code_of[$name]}"
done
unset walls cpus peak code_of report_of input_of

# Growth: the cost above the 2-site run per https binding should stay flat from size to size (linear);
# a quadratic step would multiply it by the size ratio.
for shape in $shapes; do
  prefix=""
  [[ $shape == wildcard ]] || prefix="$shape-"
  echo "growth ($shape): cost above the 2-site run, per https binding:$(for n in $sizes; do
    printf '  %s sites %.2f us' "$n" "$(echo "(${median_of[$prefix$n-sites]} - $base) / ($n * 4)" | bc -l)"
  done)"
done
done
echo
printf 'start-up: %.1f ms (iis-ssl --help: the process start-up alone)\n' "$(echo "$startup / 1000" | bc -l)"

if $startup_options; then
  format=text
  echo
  echo "start-up options, 2-site verify --format text (median of $reps cold runs):"
  quietly dotnet publish "$root/src/IisSsl.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=false -o "$work/cli-il" -nologo
  r2r_cli=$cli
  IFS=$'\t' read -r _ config sslcert certs _ <<<"${rows[0]}"
  for spec in "ReadyToRun (default)|$r2r_cli|" "IL only (JIT everything)|$work/cli-il/iis-ssl|" \
    "ReadyToRun, TieredPGO=1|$r2r_cli|DOTNET_TieredPGO=1" "ReadyToRun, TieredCompilation=0|$r2r_cli|DOTNET_TieredCompilation=0" \
    "ReadyToRun, gcConcurrent=0|$r2r_cli|DOTNET_gcConcurrent=0"; do
    IFS='|' read -r name cli envs <<<"$spec"
    read -r med _ cpu _ _ < <([[ -n $envs ]] && export "${envs?}"; measure "$config" "$sslcert" "$certs")
    printf '  %-34s %8.1f ms wall %8.0f ms cpu\n' "$name" "$(echo "$med / 1000" | bc -l)" "$(echo "$cpu / 1000" | bc -l)"
  done
  cli=$r2r_cli
fi

# The benchmark tool as the CLI ships: ReadyToRun (published again on every run, so it is never an older build).
if $phases || $engine; then
  quietly dotnet publish "$root/benchmarks/IisSsl.Benchmarks" -c Release -r "$rid" --self-contained false \
    -p:PublishReadyToRun=true -o "$work/phases-r2r" -nologo
fi

if $phases; then
  largest=${sizes##* }
  echo
  echo "engine stages in-process on $largest sites (stopwatch):"
  state="$work/states/sites-$largest"
  # TieredPGO off, as in the CLI: with it on, the warm rounds of some stages took twice as long in one build as in the
  # next (which methods had been re-jitted with their profile by then), whatever the code.
  echo "cold: ReadyToRun, as the CLI runs (its batch GC setting: no collection); warm: 20 rounds of JIT-compiled code, default GC (best of rounds 2-20)"
  DOTNET_TieredPGO=0 "$work/phases-r2r/IisSsl.Benchmarks" phases "$state/applicationHost.config" "$state/sslcert.txt" "$state/certs" 1 | head -n 9
  DOTNET_TieredPGO=0 dotnet "$bench_dll" phases "$state/applicationHost.config" "$state/sslcert.txt" "$state/certs" 20
fi

if $engine; then
  echo
  echo "engine vs a bare XmlReader pass, cold: one of each per fresh ReadyToRun process, median of $reps (ms, no process start-up);"
  echo "the engine with the CLI's GC setting, and with the default GC as a Cake or Nuke build process runs it"
  printf '%-8s %12s %12s %8s %12s %8s\n' sites "xml pass" "engine (CLI)" ratio "default GC" ratio
  once() { "$work/phases-r2r/IisSsl.Benchmarks" once "$1" "$state/applicationHost.config" "$state/sslcert.txt" "$state/certs" "${@:2}"; }
  for n in $sizes; do
    state="$work/states/sites-$n"
    xml=() verify=() library=()
    for ((i = 0; i < reps; i++)); do
      xml+=("$(once xml)")
      verify+=("$(once engine)")
      library+=("$(once engine --default-gc)")
    done
    x=$(printf '%s\n' "${xml[@]}" | median)
    v=$(printf '%s\n' "${verify[@]}" | median)
    l=$(printf '%s\n' "${library[@]}" | median)
    printf '%-8s %12.1f %12.1f %8.2f %12.1f %8.2f\n' "$n" "$x" "$v" "$(echo "$v / $x" | bc -l)" "$l" "$(echo "$l / $x" | bc -l)"
  done
  echo
  (cd "$work" && dotnet "$bench_dll" --filter '*VerifyBenchmarks*' --job short --inProcess)
fi
