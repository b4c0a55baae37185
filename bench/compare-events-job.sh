#!/usr/bin/env bash
# Runs the nightly events job of two turnout.jar builds in alternating order over the same
# lake day and prints, for each, the median job wall time and the process's CPU during the
# job (read from /proc, so Linux only; needs bash, awk and bc).
#
#   bench/compare-events-job.sh <jar A> <jar B> <pairs> <home with lake/events/dt=DAY> <DAY> [java options...]
#
# The lake day of `java -jar bench/target/turnout-bench.jar batch` is in
# bench/target/runs/batch-*/ (day 2026-09-01). The home's warehouse and control database
# are deleted before every run.
set -euo pipefail
jar_a=$1 jar_b=$2 pairs=$3 home=$4 day=$5
shift 5
java_options=("$@")
tick=$(getconf CLK_TCK)

# Waits for a line of the run's log; fails when the job's JVM ends first.
await() {
  until grep -q "$1" "$home/run.log" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || { echo "the job ended before '$1'; see $home/run.log" >&2; exit 1; }
    sleep 0.05
  done
}

run() {
  local jar=$1
  rm -rf "$home"/warehouse.duckdb* "$home"/control.* "$home"/run.log
  java ${java_options[@]+"${java_options[@]}"} -jar "$jar" job run events --date="$day" --turnout.home="$home" > "$home/run.log" 2>&1 &
  local pid=$! c0 c1 t0 t1
  await 'launched with' $pid
  c0=$(awk '{print $14+$15}' /proc/$pid/stat); t0=$(date +%s.%N)
  await 'and the following status' $pid
  c1=$(awk '{print $14+$15}' /proc/$pid/stat); t1=$(date +%s.%N)
  wait $pid
  printf "%.2f %.2f\n" "$(echo "$t1 - $t0" | bc)" "$(echo "($c1 - $c0) / $tick" | bc -l)"
}

results=$(mktemp)
for _ in $(seq "$pairs"); do
  echo "A $(run "$jar_a" "$@")" | tee -a "$results"
  echo "B $(run "$jar_b" "$@")" | tee -a "$results"
done
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
for side in A B; do
  wall=$(grep "^$side " "$results" | awk '{print $2}' | median)
  cpu=$(grep "^$side " "$results" | awk '{print $3}' | median)
  printf "%s: median job %.2f s (%.0f messages/s for a million), median CPU during the job %.2f s, %d runs\n" \
    "$side" "$wall" "$(echo "1000000 / $wall" | bc -l)" "$cpu" "$pairs"
done
rm -f "$results"
