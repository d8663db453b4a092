#!/usr/bin/env bash
# Runs the coverage-guided fuzz targets (cargo-fuzz, nightly) one after the
# other, one libFuzzer process at a time, under `nice -n 19`, and prints per
# target: runs, seconds, execs/s, coverage (cov = edges, ft = features),
# corpus size and crashes. Called by `./build.sh fuzz`; usable alone.
#
#   fuzz/run.sh [TARGET...]      default: every target in fuzz/fuzz_targets
#
# Environment: FUZZ_RUNS (runs per target, default 20000), FUZZ_SECONDS (cap
# per target in seconds, 0 = none), FUZZ_LOGS (default target/fuzz-logs),
# FUZZ_MAX_LEN (largest input, bytes, default 8192).
# Exit status: 0 when no target crashed, 1 otherwise.
set -uo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$FUZZ_DIR")"
RUNS="${FUZZ_RUNS:-20000}"
SECONDS_CAP="${FUZZ_SECONDS:-0}"
MAX_LEN="${FUZZ_MAX_LEN:-8192}"
LOGS="${FUZZ_LOGS:-$ROOT/target/fuzz-logs}"
# The build flags every run uses (the binaries are built once with them).
BUILD_FLAGS=(--sanitizer none --no-trace-compares)

mkdir -p "$LOGS"
cd "$FUZZ_DIR"

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for f in fuzz_targets/*.rs; do
        targets+=("$(basename "$f" .rs)")
    done
fi

# Seeds from the project's fixtures, written once (the corpus then grows).
if [ ! -d corpus/read ] || [ -z "$(ls -A corpus/read 2>/dev/null)" ]; then
    echo "writing seed corpora from tests/fixtures"
    cargo run --quiet --release --example seed -- "$ROOT/tests/fixtures" corpus || exit 1
fi

echo "building ${targets[*]} (cargo +nightly fuzz build ${BUILD_FLAGS[*]})"
nice -n 19 cargo +nightly fuzz build "${BUILD_FLAGS[@]}" || exit 1

stat_of() { sed -n "s/^stat::$1: *//p" "$2" | tail -n1; }

crashed=0
summary=()
for t in "${targets[@]}"; do
    log="$LOGS/$t.log"
    mkdir -p "corpus/$t" "artifacts/$t"
    before="$(ls "artifacts/$t" | wc -l)"
    extra=()
    [ -f "corpus/$t.dict" ] && extra+=("-dict=corpus/$t.dict")
    [ "$SECONDS_CAP" != 0 ] && extra+=("-max_total_time=$SECONDS_CAP")
    echo "fuzzing $t: $RUNS runs (log: $log)"
    start="$(date +%s)"
    nice -n 19 cargo +nightly fuzz run "${BUILD_FLAGS[@]}" "$t" -- \
        -runs="$RUNS" -max_len="$MAX_LEN" -print_final_stats=1 \
        "${extra[@]}" >"$log" 2>&1
    code=$?
    secs=$(( $(date +%s) - start ))
    after="$(ls "artifacts/$t" | wc -l)"
    crashes=$(( after - before ))
    if [ "$code" -ne 0 ] && [ "$crashes" -eq 0 ]; then
        crashes="? (exit $code, see $log)"
    fi
    [ "$code" -ne 0 ] || [ "$crashes" != 0 ] && crashed=1
    runs="$(stat_of number_of_executed_units "$log")"
    eps="$(stat_of average_exec_per_sec "$log")"
    cov="$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -n1)"
    line="$t: runs ${runs:-?}, ${secs} s, ${eps:-?} execs/s, ${cov:-cov ?}, crashes $crashes"
    echo "$line"
    summary+=("$line")
done

echo
echo "cargo-fuzz campaign (FUZZ_RUNS=$RUNS per target):"
printf '  %s\n' "${summary[@]}"
exit "$crashed"
