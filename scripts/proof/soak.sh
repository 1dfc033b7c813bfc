#!/usr/bin/env bash
# scripts/proof/soak.sh: mixed reads and writes at 64 connections for a while; the server must
# answer everything with 2xx/3xx, with no socket errors, no file-descriptor growth and RSS
# growth under 10 % after warm-up.
#
# Starts its own server (ephemeral loopback port, temporary database), seeds spec "soak" with
# 20 revisions, runs wrk with scripts/proof/soak.lua (see it for the mix), and samples the
# server's open descriptors, VmRSS and threads every --interval seconds.
# Needs wrk (apt-get install wrk).
#
# Usage: scripts/proof/soak.sh [--bin PATH] [--seconds N | --minutes N] [--connections N]
#                              [--interval S] [--write-percent P]
set -euo pipefail
cd "$(dirname "$0")/../.."

bin=""
seconds=60
connections=64
interval=5
write_percent=10
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --write-percent) write_percent=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "soak.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
source scripts/proof/lib.sh
bin=$(resolve_bin soak.sh "$bin") || exit 2
command -v wrk >/dev/null || { echo "soak.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

# Warm-up: a separate wrk run before the measured one (a fifth of its length, 10-60 s), so the
# database's connection pool, caches and allocator arenas are warm when the baselines are taken:
# descriptors idle after warm-up vs idle at the end, RSS one interval into the measured run vs
# the rest of it.
warmup=$(( seconds / 5 ))
[ "$warmup" -lt 10 ] && warmup=10
[ "$warmup" -gt 60 ] && warmup=60

work=$(mktemp -d -t trafficspec-soak-XXXXXX)
server_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_server soak.sh "$work" soak || exit 1

seeded=20
spec() {
  printf 'version: trafficspec/v1\nname: soak\ngateway:\n  listeners:\n    - {name: http, protocol: HTTP, port: 80}\nroutes:\n  - name: main\n    pathPrefix: /seed%d\n    backends: [{service: soak, port: 8000}]\n' "$1"
}
spec 1 | curl -fsS -o /dev/null -X POST "$base/v1/specs" -H "$auth" -H 'Content-Type: application/yaml' --data-binary @-
for n in $(seq 2 "$seeded"); do
  spec "$n" | curl -fsS -o /dev/null -X POST "$base/v1/specs/soak/revisions" -H "$auth" \
    -H 'Content-Type: application/yaml' --data-binary @-
done

sample() {  # epoch fds rss_kib threads rss_anon_kib rss_file_kib rss_shmem_kib
  if [ ! -d "/proc/$server_pid" ]; then echo "$(date +%s) 0 0 0 0 0 0"; return; fi
  printf '%s %s %s %s %s\n' "$(date +%s)" "$(ls "/proc/$server_pid/fd" | wc -l)" \
    "$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status")" "$(ls "/proc/$server_pid/task" | wc -l)" \
    "$(awk '/^RssAnon|^RssFile|^RssShmem/ {printf "%s ", $2}' "/proc/$server_pid/status")"
}
echo "soak: $bin, warm-up ${warmup}s, then ${seconds}s at $connections connections (${write_percent}% writes), sample every ${interval}s"
run_wrk() {  # seconds output
  SOAK_SEEDED=$seeded SOAK_WRITE_PERCENT=$write_percent wrk -t2 -c"$connections" -d"$1s" --timeout 10s --latency \
    -s scripts/proof/soak.lua "$base" > "$2" 2>&1
}
: > "$work/samples"
idle_cold=$(sample)
run_wrk "$warmup" "$work/warmup.out" || { echo "soak.sh: the warm-up run failed" >&2; cat "$work/warmup.out" >&2; exit 1; }
sleep 2  # let the server close the warm-up connections
idle_start=$(sample)
start_epoch=$(date +%s)
(
  while kill -0 "$server_pid" 2>/dev/null; do sample >> "$work/samples" 2>/dev/null || true; sleep "$interval"; done
) &
sampler_pid=$!

set +e
run_wrk "$seconds" "$work/wrk.out"
wrk_status=$?
set -e
kill "$sampler_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
sampler_pid=""
sleep 2  # let the server close the connections wrk left
idle_end=$(sample)

sed 's/^/  wrk | /' "$work/wrk.out" | grep -v soak-status
failures=()
[ "$wrk_status" -eq 0 ] || failures+=("wrk exited $wrk_status")
curl -fsS "$base/healthz" >/dev/null 2>&1 || failures+=("/healthz does not answer after the run")

requests=$(awk '/requests in/ {print $1}' "$work/wrk.out")
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
non2xx=$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$work/wrk.out")
non2xx=${non2xx:-0}
socket_errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/wrk.out")
socket_errors=${socket_errors:-0}
statuses=$(awk '/^soak-status/ {printf "%s%s:%s", sep, $2, $3; sep=" "}' "$work/wrk.out")
created=$(awk '/^soak-status 201/ {print $3}' "$work/wrk.out")
[ -n "$requests" ] && [ "${requests:-0}" -gt 0 ] || failures+=("wrk made no requests")
[ "$non2xx" -eq 0 ] || failures+=("$non2xx responses were not 2xx/3xx")
[ "$socket_errors" -eq 0 ] || failures+=("$socket_errors socket errors")

read -r _ fd_cold rss_cold _ <<<"$idle_cold"
read -r _ fd_idle_start rss_idle_start _ <<<"$idle_start"
read -r _ fd_idle_end rss_idle_end threads_idle_end _ <<<"$idle_end"
# Figures from the samples: descriptors during load; RSS from one interval into the run.
read -r fd_min fd_max rss_warm rss_max rss_last samples_after <<<"$(awk -v since=$((start_epoch + interval)) '
  { if (NR == 1 || $2 < fmin) fmin = $2; if ($2 > fmax) fmax = $2 }
  $1 >= since { n++; if (n == 1) warm = $3; if ($3 > rmax) rmax = $3; last = $3 }
  END { printf "%d %d %d %d %d %d\n", fmin, fmax, warm, rmax, last, n }' "$work/samples")"
if [ "$samples_after" -lt 2 ]; then
  failures+=("fewer than 2 samples after the first interval (run longer than 3 intervals)")
else
  growth=$(awk -v a="$rss_warm" -v b="$rss_max" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
  awk -v g="$growth" 'BEGIN { exit !(g < 10) }' || failures+=("RSS grew ${growth}% after warm-up (limit 10%)")
fi
# Idle to idle after warm-up, the same descriptors (listener, database files of every pooled
# connection, pipes) must be open; under load, at most one per connection more, plus a few
# connections being recycled.
[ "$fd_idle_end" -le $((fd_idle_start + 2)) ] || failures+=("open descriptors grew from $fd_idle_start to $fd_idle_end (idle)")
[ "$fd_max" -le $((fd_idle_start + connections + 8)) ] || failures+=("$fd_max descriptors open under load (idle $fd_idle_start + $connections connections)")

mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
echo
echo "requests: $requests ($rps/s), statuses: $statuses, revisions written: ${created:-0}"
echo "errors: non-2xx/3xx $non2xx, socket $socket_errors"
echo "descriptors: cold $fd_cold, idle after warm-up $fd_idle_start, under load $fd_min-$fd_max, idle at the end $fd_idle_end"
echo "RSS: cold $(mb "$rss_cold"), idle after warm-up $(mb "$rss_idle_start"), under load from $(mb "$rss_warm") to max $(mb "$rss_max") (last $(mb "$rss_last")), idle at the end $(mb "$rss_idle_end"); growth ${growth:-?}%"
echo "threads after the run: $threads_idle_end; samples: $samples_after after the first interval"
# The RSS curve, one point a minute (or ten points for a shorter run): MB total / anonymous / file / shm.
awk -v start="$start_epoch" -v seconds="$seconds" '
  BEGIN { step = seconds >= 600 ? 60 : (seconds >= 10 ? int(seconds / 10) : 1) }
  { t = $1 - start; if (t >= next_t) { printf "%s%ds %.1f/%.1f/%.1f/%.1f", sep, t, $3/1024, $5/1024, $6/1024, $7/1024; sep = ", "; next_t = t + step } }
  END { print "" }' "$work/samples" | sed 's/^/RSS curve (MB total\/anon\/file\/shm): /'
[ -n "${SOAK_KEEP_SAMPLES:-}" ] && cp "$work/samples" "$SOAK_KEEP_SAMPLES"
if [ ${#failures[@]} -gt 0 ]; then
  printf 'FAIL  %s\n' "${failures[@]}"
  echo "soak: 0 passed, 1 failed"
  exit 1
fi
echo "soak: 1 passed, 0 failed"
