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
step "app-image: --version"
expect "RedYellow " "$launcher" --version
step "app-image: plan samples/string-tools/manifest.json"
expect "Critical path" "$launcher" plan samples/string-tools/manifest.json

# The junit test kind needs what a jlink runtime could lack: javac in process (jdk.compiler) and
# a second JVM (bin/java) running the JUnit console launcher. One small feature proves both.
junit_check=$(mktemp -d)
cat > "$junit_check/manifest.json" <<'JSON'
{ "version": 1, "name": "jlink-check", "test": { "kind": "junit", "timeoutSeconds": 120 },
  "features": [ { "id": "greet",
    "tests": { "src/test/java/check/GreetTest.java": "package check;\nimport static org.junit.jupiter.api.Assertions.assertEquals;\nimport org.junit.jupiter.api.Test;\nclass GreetTest {\n  @Test void greetsByName() { assertEquals(\"Hello, Ada\", Greet.hello(\"Ada\")); }\n}\n" },
    "attempts": [ { "files": { "src/main/java/check/Greet.java": "package check;\npublic class Greet {\n  public static String hello(String name) { return \"Hello, \" + name; }\n}\n" } } ] } ] }
JSON
step "app-image: run a junit feature (compiler and test JVM of the jlink runtime)"
expect "1 of 1 features GREEN" "$launcher" run "$junit_check/manifest.json" --no-cache

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
expect "RedYellow " redyellow --version
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

rm -rf "$junit_check"
echo
echo "packaging smoke test passed in $(( $(date +%s) - started )) s"
