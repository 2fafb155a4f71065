#!/usr/bin/env bash
# Builds the RedYellow installers with the JDK's jlink and jpackage, into target/packaging/:
#   runtime/              a jlink runtime with exactly the modules in packaging/runtime-modules.txt
#   RedYellow/            the app-image (bin/RedYellow launcher, lib/app/redyellow.jar, lib/runtime)
#   redyellow_*_amd64.deb on Linux (needs fakeroot and dpkg-deb; installed here when missing)
#
# Usage: packaging/build.sh [--no-jar] [--app-image-only]
#   --no-jar          reuse target/redyellow.jar instead of running ./mvnw package first
#   --app-image-only  stop after the app-image (no installer)
# Windows (.msi) and macOS (.dmg) use the same steps; see packaging/windows and packaging/macos.
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

: "${JAVA_HOME:=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
for tool in jlink jpackage; do
  if [ ! -x "$JAVA_HOME/bin/$tool" ]; then
    echo "$JAVA_HOME/bin/$tool not found: set JAVA_HOME to a full JDK 17 or later" >&2
    exit 1
  fi
done

out=target/packaging
version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
# jpackage wants a purely numeric version (1 to 3 dot-separated numbers)
app_version=$(echo "$version" | sed 's/[^0-9.].*//; s/\.$//')

if [ "$build_jar" = 1 ]; then
  echo "== jar"
  ./mvnw -q -B -DskipTests package
fi
test -f target/redyellow.jar || { echo "target/redyellow.jar missing; run without --no-jar" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/input"
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) sqlite_native=Linux/x86_64 ;;
  Linux/aarch64) sqlite_native=Linux/aarch64 ;;
  *) sqlite_native= ;;
esac
if [ -n "$sqlite_native" ]; then
  echo "== jar for $sqlite_native"
  "$JAVA_HOME/bin/java" packaging/TrimNatives.java target/redyellow.jar "$out/input/redyellow.jar" "$sqlite_native"
else
  cp target/redyellow.jar "$out/input/"
fi

echo "== runtime (jlink)"
modules=$(grep -v '^\s*#' packaging/runtime-modules.txt | grep -v '^\s*$' | paste -sd, -)
# Keep bin/java: the junit test kind starts the JUnit console launcher in a second JVM from java.home.
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-header-files --no-man-pages --compress=2

echo "== app-image (jpackage)"
"$JAVA_HOME/bin/jpackage" @packaging/common.jpackage @packaging/app-image.jpackage \
  --app-version "$app_version" --input "$out/input" --runtime-image "$out/runtime" \
  --icon icons/redyellow-256.png --dest "$out"

if [ "$installer" = 0 ]; then
  echo "app-image: $out/RedYellow (took $(( $(date +%s) - started )) s)"
  exit 0
fi

case "$(uname -s)" in
  Linux)
    if ! command -v fakeroot >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1 \
        || ! command -v objdump >/dev/null 2>&1; then
      echo "== installing fakeroot and binutils (jpackage needs them for a .deb)"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q
      apt-get install -y -q --no-install-recommends fakeroot binutils
    fi
    echo "== deb (jpackage)"
    # The payload is mostly already compressed (the jar, jlink's compressed modules): xz -6 made the
    # .deb 6 % smaller than gzip (66.7 vs 71.0 MB) but took 180 s instead of 4 s here.
    export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
    "$JAVA_HOME/bin/jpackage" @packaging/common.jpackage @packaging/linux/deb.jpackage \
      --app-version "$app_version" --app-image "$out/RedYellow" --dest "$out"
    ls -l "$out"/*.deb
    ;;
  *)
    echo "no installer for $(uname -s) in this script; see packaging/windows or packaging/macos" >&2
    ;;
esac
echo "packaging took $(( $(date +%s) - started )) s"
