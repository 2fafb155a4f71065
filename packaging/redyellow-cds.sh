#!/bin/sh
# Makes the installed application's class-data archive (AppCDS): the launcher's JVM maps RedYellow's
# classes (and picocli's, Jackson's, SQLite's, JGraphT's) from it instead of reading, verifying and
# linking them from the jar on every start. The launcher's options name it
# (-XX:SharedArchiveFile=$APPDIR/redyellow.jsa); while it is missing, or made for another install
# folder, the JVM starts without it and says nothing. Java 17 records the jar's absolute path in the
# archive, so it is made where the application is installed: the package's postinst runs this script.
#
# It runs one small junit feature through the whole cycle (RED proof, attempt, a cache in SQLite) in a
# temporary folder, as its own user home, and keeps the classes that run loaded. Nothing else is kept.
# Usage: lib/app/redyellow-cds.sh   (from any folder; writes lib/app/redyellow.jsa beside itself)
set -eu
app=$(cd "$(dirname "$0")" && pwd -P)
java=$app/../runtime/bin/java
[ -x "$java" ] || { echo "redyellow-cds: no runtime at $app/../runtime" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
manifest=$app/redyellow-cds.json  # packaging/junit-check.json, which the CI smoke test runs too
[ -f "$manifest" ] || { echo "redyellow-cds: $manifest is missing" >&2; exit 1; }
# The same options as the launcher's (RedYellow.cfg), the archive written beside the jar under a
# temporary name and moved into place whole, so a failed dump leaves no half archive to be mapped.
# The run's own outcome does not matter: the JVM writes the archive as it exits.
"$java" -XX:ArchiveClassesAtExit="$work/redyellow.jsa" -XX:TieredStopAtLevel=1 \
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED -Duser.home="$work" \
  -cp "$app/redyellow.jar" dev.redyellow.Main run "$manifest" --cache-db "$work/cache.db" \
  --runs-dir "$work/runs" >"$work/run.log" 2>&1 || true
if [ ! -s "$work/redyellow.jsa" ]; then
  echo "redyellow-cds: the JVM wrote no archive; its output:" >&2
  tail -n 20 "$work/run.log" >&2
  exit 1
fi
cp "$work/redyellow.jsa" "$app/redyellow.jsa.new"
chmod 644 "$app/redyellow.jsa.new"
mv -f "$app/redyellow.jsa.new" "$app/redyellow.jsa"
echo "redyellow-cds: $app/redyellow.jsa ($(wc -c < "$app/redyellow.jsa") bytes)"
