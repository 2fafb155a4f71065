#!/usr/bin/env bash
# Measures the time from starting a command to its RedYellow window being shown (mapped and
# viewable), under a private Xvfb display, N times. Needs Xvfb and xwininfo (x11-utils).
# Prints the wall time and the CPU time the process had used by then (user + system, all its
# threads), which varies much less than the wall time on a loaded machine.
# Usage: packaging/measure-startup.sh N COMMAND [ARGS...]
#   e.g. packaging/measure-startup.sh 5 /opt/redyellow/bin/RedYellow
#        packaging/measure-startup.sh 5 java -jar target/redyellow.jar
set -euo pipefail
runs=$1
shift
# -displayfd: Xvfb picks a free display number itself and writes it once it is ready
numbers=$(mktemp)
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$numbers" >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -f "$numbers"' EXIT
for _ in $(seq 100); do [ -s "$numbers" ] && break; sleep 0.1; done
display=:$(head -1 "$numbers")

shown_window() { # the id of a viewable top-level window whose name holds RedYellow, if any
  local id
  for id in $(xwininfo -display "$display" -root -tree 2>/dev/null | grep -i '"[^"]*redyellow' | awk '{print $1}'); do
    if xwininfo -display "$display" -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then
      echo "$id"
      return 0
    fi
  done
  return 1
}

for run in $(seq "$runs"); do
  start=$(date +%s%N)
  DISPLAY=$display "$@" >/dev/null 2>&1 &
  app=$!
  shown=
  while kill -0 "$app" 2>/dev/null; do
    if shown_window >/dev/null; then
      shown=$(date +%s%N)
      # fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks
      cpu_ticks=$(awk '{print $14 + $15}' "/proc/$app/stat" 2>/dev/null || echo 0)
      break
    fi
    sleep 0.05
  done
  if [ -n "$shown" ]; then
    printf 'run %d: window shown after %d ms (%d ms of CPU)\n' "$run" $(( (shown - start) / 1000000 )) \
      $(( cpu_ticks * 1000 / $(getconf CLK_TCK) ))
  else
    echo "run $run: the process ended without showing a window" >&2
  fi
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
done
