# The reaper of one RedYellow JVM (see dev.redyellow.exec.ProcessReaper). POSIX sh, /proc and kill only.
# Arguments: TOKEN RECORD JVM_PID JVM_START. It is detached from the JVM (not its descendant) and
# watches it: once the JVM is gone (normal exit, crash or SIGKILL alike) it kills, whatever process
# group or session they moved to:
#   - every process whose environment holds REDYELLOW_REAP=TOKEN-... (everything the JVM started, and
#     their descendants, double-forked setsid daemons included: the environment is inherited);
#   - every process listed in RECORD ("PID STARTTIME" lines the JVM appends) whose start time
#     (field 22 of /proc/PID/stat) still matches;
#   - every descendant of those.
# Signals from the terminal are ignored: only the JVM's end may end the reaper.
token=$1
record=$2
jvm=$3
jvm_start=$4
trap '' INT HUP TERM QUIT

# Sets START to the start time of PID (field 22 of its stat); empty when it is gone or a zombie.
# A function setting a variable, not a command substitution: the watch loop forks nothing but sleep.
start_of() {
    START=
    stat=
    read -r stat < "/proc/$1/stat" 2>/dev/null || return 0
    rest=${stat##*) }
    # shellcheck disable=SC2086
    set -- $rest
    [ "$1" = Z ] && return 0
    shift 19
    START=$1
}

targets() {
    found=" "
    for f in $(grep -l -F -e "REDYELLOW_REAP=$token-" /proc/[0-9]*/environ 2>/dev/null); do
        p=${f#/proc/}
        p=${p%/environ}
        [ "$p" = "$$" ] && continue
        start_of "$p"
        [ -n "$START" ] && found="$found$p "
    done
    if [ -f "$record" ]; then
        while read -r p s; do
            case $p in ''|*[!0-9]*) continue ;; esac
            start_of "$p"
            [ "$START" = "$s" ] || continue
            case $found in *" $p "*) ;; *) found="$found$p " ;; esac
        done < "$record"
    fi
    # Descendants of what was found, however deep: a pass per generation.
    passes=0
    while [ $passes -lt 32 ]; do
        passes=$((passes + 1))
        added=0
        for s in /proc/[0-9]*/stat; do
            stat=
            read -r stat < "$s" 2>/dev/null || continue
            p=${s#/proc/}
            p=${p%/stat}
            case $found in *" $p "*) continue ;; esac
            [ "$p" = "$$" ] && continue
            rest=${stat##*) }
            # shellcheck disable=SC2086
            set -- $rest
            [ "$1" = Z ] && continue
            case $found in *" $2 "*) found="$found$p "; added=1 ;; esac
        done
        [ $added = 0 ] && break
    done
    printf '%s' "$found"
}

pause() {
    sleep "$1" 2>/dev/null || sleep 1
}

while :; do
    start_of "$jvm"
    [ "$START" = "$jvm_start" ] || break
    pause 0.25
done

# A polite round first (tests may clean up), then stop-and-kill rounds: a stopped process cannot fork.
pids=$(targets)
if [ -n "${pids# }" ]; then
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null
    pause 0.3
fi
round=0
while [ $round -lt 10 ]; do
    round=$((round + 1))
    pids=$(targets)
    [ -z "${pids# }" ] && break
    # shellcheck disable=SC2086
    kill -STOP $pids 2>/dev/null
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null
    pause 0.1
done
rm -f "$record"
