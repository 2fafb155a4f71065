#!/usr/bin/env bash
# CI smoke test of the installers, run by .ci/run after the tests (which built target/redyellow.jar):
# builds the app-image and the .deb with packaging/build.sh, runs the app-image's launcher, installs
# the .deb with dpkg, runs the installed launcher, and removes the package again.
# Works on a bare Debian machine with a JDK 17 as root: installs fakeroot, binutils and the
# package's dependencies (GTK 3, xdg-utils) with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
export DEBIAN_FRONTEND=noninteractive

step() { echo; echo "== $* ($(( $(date +%s) - started )) s)"; }
expect() { # expect TEXT COMMAND...: runs the command, fails unless it exits 0 and prints TEXT
  local text=$1 said
  shift
  said=$("$@" 2>&1) || { echo "$said"; echo "FAILED (exit code): $*" >&2; exit 1; }
  echo "$said" | tail -n 5
  grep -qF -- "$text" <<<"$said" || { echo "$said"; echo "FAILED: $* did not print '$text'" >&2; exit 1; }
}

apt_updated=0
apt_install() {
  [ "$apt_updated" = 1 ] || { apt-get update -q; apt_updated=1; }
  apt-get install -y -q --no-install-recommends "$@"
}

if ! command -v fakeroot >/dev/null || ! command -v objdump >/dev/null; then
  step "installing fakeroot and binutils"
  apt_install fakeroot binutils
fi

step "packaging"
if [ -f target/redyellow.jar ]; then
  packaging/build.sh --no-jar
else
  packaging/build.sh
fi

launcher=target/packaging/RedYellow/bin/RedYellow
step "app-image: the launcher starts the JVM with the app's options"
[ -f target/packaging/RedYellow/lib/runtime/lib/server/classes.jsa ] \
  || { echo "FAILED: the runtime has no class-data archive (jlink --generate-cds-archive)" >&2; exit 1; }
grep -qx 'java-options=-XX:TieredStopAtLevel=1' target/packaging/RedYellow/lib/app/RedYellow.cfg \
  || { cat target/packaging/RedYellow/lib/app/RedYellow.cfg; echo "FAILED: the launcher lacks -XX:TieredStopAtLevel=1" >&2; exit 1; }
grep -qx 'java-options=--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED' target/packaging/RedYellow/lib/app/RedYellow.cfg \
  || { cat target/packaging/RedYellow/lib/app/RedYellow.cfg; echo "FAILED: the launcher does not export javac's task pool" >&2; exit 1; }
grep -qx 'java-options=-XX:SharedArchiveFile=$APPDIR/../runtime/lib/server/classes.jsa:$APPDIR/redyellow.jsa' target/packaging/RedYellow/lib/app/RedYellow.cfg \
  || { cat target/packaging/RedYellow/lib/app/RedYellow.cfg; echo "FAILED: the launcher names no class-data archive" >&2; exit 1; }
uses_archive() { # uses_archive LAUNCHER: its JVM maps RedYellow's classes from the app's class-data archive
  local said
  said=$(JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info" "$1" --version 2>&1) \
    || { echo "$said" | tail -n 5; echo "FAILED: $1 does not start with its class-data archive" >&2; exit 1; }
  grep -q "dev.redyellow.Main source: shared objects file (top)" <<<"$said" \
    || { echo "$said" | grep dev.redyellow.Main; echo "FAILED: $1 loads RedYellow's classes from the jar" >&2; exit 1; }
}
step "app-image: --version without the app's class-data archive (silent, the runtime's archive still mapped)"
said=$("$launcher" --version 2>&1)
[ "$(echo "$said" | head -1 | cut -c1-10)" = "RedYellow " ] || { echo "$said"; echo "FAILED: a missing archive is not silent" >&2; exit 1; }
JAVA_TOOL_OPTIONS="-Xlog:class+load=info" "$launcher" --version 2>&1 | grep -q "java.lang.Object source: shared objects file" \
  || { echo "FAILED: without the app's archive the runtime's own is not mapped either" >&2; exit 1; }
step "app-image: lib/app/redyellow-cds.sh makes the class-data archive"
target/packaging/RedYellow/lib/app/redyellow-cds.sh
uses_archive "$launcher"
rm -f target/packaging/RedYellow/lib/app/redyellow.jsa
step "app-image: --version"
expect "RedYellow " "$launcher" --version
step "app-image: plan samples/string-tools/manifest.json"
expect "Critical path" "$launcher" plan samples/string-tools/manifest.json

# lib/app/redyellow-cli.sh (the installed `redyellow`) starts the runtime's JVM with the launcher's options:
# an argument with spaces stays one argument, the exit code comes through, the options are the launcher's.
cli=target/packaging/RedYellow/lib/app/redyellow-cli.sh
step "app-image: redyellow-cli.sh plan, a manifest path with spaces"
spaced=$(mktemp -d)/"a folder with spaces"
mkdir -p "$spaced"
cp -r samples/string-tools/. "$spaced/"
expect "Critical path" "$cli" plan "$spaced/manifest.json"
set +e
"$cli" plan "$spaced/no such manifest.json" >/dev/null 2>&1
code=$?
set -e
[ "$code" = 2 ] || { echo "FAILED: redyellow-cli.sh plan of a missing manifest exited $code, not 2" >&2; exit 1; }
said=$(JAVA_TOOL_OPTIONS="-XX:+PrintCommandLineFlags" "$cli" --version 2>&1)
grep -q -- "-XX:TieredStopAtLevel=1" <<<"$said" \
  || { echo "$said"; echo "FAILED: redyellow-cli.sh does not pass the launcher's JVM options" >&2; exit 1; }
grep -q -- "-XX:+UseSerialGC" <<<"$said" \
  || { echo "$said"; echo "FAILED: the command line does not run with the serial collector" >&2; exit 1; }
case "$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true)" in
  *'[madvise]'* | *'[always]'*)
    grep -q -- "-XX:+UseTransparentHugePages" <<<"$said" \
      || { echo "$said"; echo "FAILED: the kernel lends huge pages, the command line does not ask for them" >&2; exit 1; } ;;
  *)
    ! grep -q -- "-XX:+UseTransparentHugePages" <<<"$said" \
      || { echo "$said"; echo "FAILED: the command line asks for huge pages the kernel does not lend" >&2; exit 1; } ;;
esac
rm -rf "$(dirname "$spaced")"
step "app-image: redyellow-cli.sh in a folder whose name holds &, | and a backslash"
odd=$(mktemp -d)/'odd & | \ name'
mkdir -p "$odd"
cp -a target/packaging/RedYellow "$odd/"
expect "RedYellow " "$odd/RedYellow/lib/app/redyellow-cli.sh" --version
rm -rf "$(dirname "$odd")"

# The junit test kind needs what a jlink runtime could lack: javac in process (jdk.compiler) and
# a second JVM (bin/java) running the JUnit console launcher. One small feature proves both.
# packaging/junit-check.json: the feature the class-data archive is made with, too (redyellow-cds.sh)
step "app-image: run a junit feature (compiler and test JVM of the jlink runtime)"
expect "1 of 1 features GREEN" "$launcher" run packaging/junit-check.json --no-cache

deb=$(ls target/packaging/redyellow_*.deb)
step "installing $deb"
missing=()
for dep in $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//; s/[[:space:]]//g'); do
  dpkg -s "$dep" >/dev/null 2>&1 || missing+=("$dep")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "dependencies to install first: ${missing[*]}"
  apt_install "${missing[@]}"
fi
dpkg -i "$deb"
trap 'dpkg -r redyellow >/dev/null 2>&1 || true' EXIT

step "installed: --version"
expect "RedYellow " /opt/redyellow/bin/RedYellow --version
test -f /opt/redyellow/lib/app/redyellow.jsa || { echo "FAILED: postinst made no class-data archive" >&2; exit 1; }
uses_archive /opt/redyellow/bin/RedYellow
expect "RedYellow " redyellow --version
[ "$(readlink -f "$(command -v redyellow)")" = /opt/redyellow/lib/app/redyellow-cli.sh ] \
  || { echo "FAILED: redyellow is $(readlink -f "$(command -v redyellow)"), not the command script" >&2; exit 1; }
uses_archive redyellow
step "installed: run samples/reasons/error.json (fails by design: the test program does not exist)"
set +e
said=$(redyellow run samples/reasons/error.json --no-cache 2>&1)
code=$?
set -e
echo "$said" | tail -n 3
[ "$code" = 1 ] && grep -q "PENDING -> FAILED" <<<"$said" || { echo "FAILED: expected exit code 1 and a FAILED feature, got $code" >&2; exit 1; }
test -f /opt/redyellow/lib/redyellow-RedYellow.desktop
grep -q "MimeType=application/x-redyellow-manifest;" /opt/redyellow/lib/redyellow-RedYellow.desktop
if [ -d /usr/share/applications ]; then
  test -f /usr/share/applications/redyellow-RedYellow.desktop || echo "note: the desktop entry was not registered"
fi

step "removing the package"
dpkg -r redyellow
trap - EXIT
test ! -e /opt/redyellow/bin/RedYellow
test ! -e /usr/bin/redyellow
test ! -e /opt/redyellow/lib/app/redyellow.jsa || { echo "FAILED: the class-data archive outlived the package" >&2; exit 1; }

echo
echo "packaging smoke test passed in $(( $(date +%s) - started )) s"
