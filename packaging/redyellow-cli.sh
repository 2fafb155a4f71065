#!/bin/sh
# The `redyellow` command of the installed application (the .deb links /usr/bin/redyellow here): starts
# the bundled runtime's JVM directly, with the options, class path and main class of the jpackage
# launcher's configuration (RedYellow.cfg beside this script), read each time, so the two never differ.
# Why not the jpackage launcher itself: on Linux, Java 17's launcher asks rpm and dpkg which package owns
# it on every start (rpm -qf, dpkg -S, dpkg -L, twice over), about 0.4 s of each command on the machines
# here, against 0.5 s for the whole JVM start and `--version`. The desktop entry still uses the launcher.
set -eu
self=$(readlink -f "$0")
app=$(dirname "$self")
cfg=$app/RedYellow.cfg
[ -f "$cfg" ] || { echo "redyellow: $cfg is missing; reinstall RedYellow" >&2; exit 3; }
main=
classpath=
# expand TEXT: TEXT with each $APPDIR replaced by the app folder (no sed: a folder may hold & | or \)
expand() {
  rest=$1
  expanded=
  while :; do
    case "$rest" in
      *'$APPDIR'*)
        expanded=$expanded${rest%%\$APPDIR*}$app
        rest=${rest#*\$APPDIR}
        ;;
      *)
        printf '%s' "$expanded$rest"
        return
        ;;
    esac
  done
}
# Each "java-options=..." line is one option, each "app.classpath=..." line one entry; $APPDIR is the folder
# of the jar, as jpackage expands it.
# They go on the positional parameters after the user's arguments (rotated below), so each stays one word.
count=$#
while IFS= read -r line; do
  case "$line" in
    app.mainclass=*) main=${line#app.mainclass=} ;;
    app.classpath=*) classpath=${classpath:+$classpath:}$(expand "${line#app.classpath=}") ;;
    java-options=*) set -- "$@" "$(expand "${line#java-options=}")" ;;
  esac
done < "$cfg"
[ -n "$main" ] && [ -n "$classpath" ] || { echo "redyellow: $cfg names no main class or class path" >&2; exit 3; }
# The command line (not the window: no arguments, or one existing .json or .redyellow file, as
# DesktopLauncher.wantsWindow decides) runs with the serial collector and a small first heap that grows as
# needed: on 2 cores a cached re-run of 261 features took 1.78-2.11 s against 2.14-2.36 s with G1 (6 runs each, side
# by side); the window keeps G1's short pauses. Where the kernel lends transparent huge pages on request
# ("madvise", Debian's default) or always, the heap asks for them: a fresh 4 KB page costs a fault each, a
# 2 MB page one for 512 of them, and that re-run took 24,000 faults without and 10,000 with (median 1.53 s
# against 1.68 s, 10 runs each, side by side; README, "Huge pages for the command line").
window=no
if [ "$count" -eq 0 ]; then
  window=yes
elif [ "$count" -eq 1 ] && [ -f "$1" ]; then
  case "$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')" in *.json|*.redyellow) window=yes ;; esac
fi
if [ "$window" = no ]; then
  set -- "$@" -XX:+UseSerialGC -Xms64m
  case "$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true)" in
    *'[madvise]'* | *'[always]'*) set -- "$@" -XX:+UseTransparentHugePages ;;
  esac
fi
set -- "$@" -cp "$classpath" "$main"
# rotate the user's arguments from the front to the end: options, -cp, class path, main class, arguments
i=0
while [ "$i" -lt "$count" ]; do
  arg=$1
  shift
  set -- "$@" "$arg"
  i=$((i + 1))
done
exec "$app/../runtime/bin/java" "$@"
