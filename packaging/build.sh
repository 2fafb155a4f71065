#!/usr/bin/env bash
# Builds the RedYellow installers with the JDK's jlink and jpackage, into target/packaging/:
#   runtime/     a jlink runtime with exactly the modules in packaging/runtime-modules.txt
#   RedYellow/   the app-image (Linux: bin/RedYellow, lib/app/redyellow.jar, lib/runtime)
#   installers   Linux: redyellow_VERSION-1_amd64.deb (needs fakeroot and dpkg-deb, installed
#                here with apt-get when missing); macOS: .dmg and .pkg; Windows (Git Bash, WiX 3
#                on the PATH): .msi. jpackage cannot cross-build: run this on each platform.
#
# Usage: packaging/build.sh [--no-jar] [--app-image-only]
#   --no-jar          reuse target/redyellow.jar instead of running ./mvnw package first
#   --app-image-only  stop after the app-image (no installer)
# The options of each step are in the *.jpackage files next to this script.
set -euo pipefail
started=$(date +%s)
cd "$(dirname "$0")/.."

build_jar=1
installer=1
for arg in "$@"; do
  case "$arg" in
    --no-jar) build_jar=0 ;;
    --app-image-only) installer=0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux) platform=linux; exe= ;;
  Darwin) platform=macos; exe= ;;
  MINGW*|MSYS*|CYGWIN*) platform=windows; exe=.exe ;;
  *) echo "unsupported platform $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) arch=$(uname -m) ;;
esac

if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
for tool in java jlink jpackage; do
  if [ ! -x "$JAVA_HOME/bin/$tool$exe" ]; then
    echo "$JAVA_HOME/bin/$tool$exe not found: set JAVA_HOME to a full JDK 17 or later" >&2
    exit 1
  fi
done

out=target/packaging
version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
# jpackage wants a purely numeric version (one to three dot-separated numbers)
app_version=$(echo "$version" | sed 's/[^0-9.].*//; s/\.$//')

if [ "$build_jar" = 1 ]; then
  echo "== jar (./mvnw package)"
  ./mvnw -q -B -DskipTests package
fi
test -f target/redyellow.jar || { echo "target/redyellow.jar missing; run without --no-jar" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/input"
# sqlite-jdbc's folder names for this platform's native library
case "$platform" in
  linux) sqlite_native=Linux/$arch ;;
  macos) sqlite_native=Mac/$arch ;;
  windows) sqlite_native=Windows/$arch ;;
esac
echo "== jar for $sqlite_native"
"$JAVA_HOME/bin/java" packaging/TrimNatives.java target/redyellow.jar "$out/input/redyellow.jar" "$sqlite_native"
if [ "$platform" = linux ]; then
  # makes the class-data archive where the app is installed (the .deb's postinst runs it); see the script
  install -m 755 packaging/redyellow-cds.sh "$out/input/redyellow-cds.sh"
  install -m 644 packaging/junit-check.json "$out/input/redyellow-cds.json"
  # the `redyellow` command: the runtime's JVM with the launcher's options, without its package queries
  install -m 755 packaging/redyellow-cli.sh "$out/input/redyellow-cli.sh"
fi

echo "== runtime (jlink)"
# Every module of the JDK but the incubators, not only what the app needs (packaging/runtime-modules.txt,
# checked to be there): the junit test kind compiles a user's project in process and runs its tests
# in JVMs of this runtime, and a project may use any of the JDK's API, as under a plain `mvn test`.
# With the app's modules only, the unchanged re-run of the 215-feature real-code case ended 0 of 215
# GREEN through the app-image (commons-text uses javax.script, in java.scripting), 202 with `java -jar`.
modules=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//' | grep -v '^jdk\.incubator\.' | sort)
for needed in $(grep -v '^[[:space:]]*#' packaging/runtime-modules.txt | grep -v '^[[:space:]]*$'); do
  grep -qx "$needed" <<<"$modules" || { echo "the JDK at $JAVA_HOME has no module $needed" >&2; exit 1; }
done
modules=$(paste -sd, - <<<"$modules")
# No --strip-native-commands: the junit test kind starts the JUnit console launcher in a second
# JVM with java.home's bin/java. --generate-cds-archive: the runtime gets the JDK's own class-data
# archive, as a JDK has it (a jlink image has none by default); an unchanged re-run of the 215-feature
# real-code case through the app-image's launcher took 1.71-1.77 s without it, 1.63-1.67 s with it.
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive

echo "== app-image (jpackage)"
"$JAVA_HOME/bin/jpackage" @packaging/common.jpackage @packaging/app-image.jpackage \
  @"packaging/$platform/app-image.jpackage" \
  --app-version "$app_version" --input "$out/input" --runtime-image "$out/runtime" --dest "$out"

if [ "$installer" = 0 ]; then
  echo "app-image in $out (took $(( $(date +%s) - started )) s)"
  exit 0
fi

app_image=$(ls -d "$out"/RedYellow*)
installer() { # installer OPTIONS-FILE: one installer from the app-image
  echo "== $(basename "$1" .jpackage) (jpackage)"
  "$JAVA_HOME/bin/jpackage" @packaging/common.jpackage @"$1" \
    --app-version "$app_version" --app-image "$app_image" --dest "$out"
}
case "$platform" in
  linux)
    if ! command -v fakeroot >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1 \
        || ! command -v objdump >/dev/null 2>&1; then
      echo "== installing fakeroot and binutils (jpackage needs them for a .deb)"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q
      apt-get install -y -q --no-install-recommends fakeroot binutils
    fi
    # The payload is mostly compressed already (the jar, jlink's compressed modules): xz -6 made
    # the .deb 6 % smaller than gzip (66.7 vs 71.0 MB) but took 180 s instead of 4 s here.
    export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
    installer packaging/linux/deb.jpackage
    ;;
  macos)
    installer packaging/macos/dmg.jpackage
    installer packaging/macos/pkg.jpackage
    ;;
  windows)
    installer packaging/windows/msi.jpackage
    ;;
esac
ls -l "$out"/*.deb "$out"/*.dmg "$out"/*.pkg "$out"/*.msi 2>/dev/null || true
echo "packaging took $(( $(date +%s) - started )) s"
