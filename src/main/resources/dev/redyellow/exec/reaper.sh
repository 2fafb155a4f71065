# The reaper of one RedYellow JVM (see dev.redyellow.exec.ProcessReaper). POSIX sh, /proc and kill only.
# Arguments: TOKEN RECORD. Standard input: lines "+ PID STARTTIME" for every process the JVM starts.
# When standard input closes (the JVM exited, normally or by SIGKILL) it kills, whatever process group
# or session they moved to:
#   - every process whose environment holds REDYELLOW_REAP=TOKEN-... (everything the JVM started, and
#     their descendants, double-forked setsid daemons included: the environment is inherited);
#   - every recorded process whose start time (field 22 of /proc/PID/stat) still matches;
#   - every descendant of those.
# Signals from the terminal are ignored: only the JVM's end may end the reaper.
token=$1
record=$2
trap '' INT HUP TERM QUIT

while IFS= read -r line; do
    case $line in
        "+ "*) printf '%s\n' "${line#+ }" >> "$record" ;;
    esac
done

# Start time of PID, from field 22 of its stat; empty when it is gone or a zombie.
start_of() {
    stat=
    read -r stat < "/proc/$1/stat" 2>/dev/null || return 0
    rest=${stat##*) }
    # shellcheck disable=SC2086
    set -- $rest
    [ "$1" = Z ] && return 0
    shift 19
    printf '%s' "$1"
}

targets() {
    found=" "
    for f in $(grep -l -F -e "REDYELLOW_REAP=$token-" /proc/[0-9]*/environ 2>/dev/null); do
        p=${f#/proc/}
        p=${p%/environ}
        [ "$p" = "$$" ] && continue
        [ -n "$(start_of "$p")" ] && found="$found$p "
    done
    if [ -f "$record" ]; then
        while read -r p s; do
            case $p in ''|*[!0-9]*) continue ;; esac
            [ "$(start_of "$p")" = "$s" ] || continue
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
