#!/bin/bash
# The inherited-environment reproduction: the same manifest on one cache file, three environments.
J=$1; M=${2:-manifest-named.json}; D=$(mktemp -d); cd "$(dirname "$0")"
for env in "TZ=UTC MY_FLAG=on" "TZ=Asia/Tokyo MY_FLAG=on" "TZ=UTC MY_FLAG=off"; do
  echo "== $env: java -jar $J run $M --cache-db $D/c.db"
  env $env java -jar $J run $M --cache-db $D/c.db --runs-dir $D/runs --report $D/r.json > $D/out.txt 2>&1
  python3 -c "
import json; r=json.load(open('$D/r.json'))
print('   ', ', '.join(f\"{f['id']} {f['state']} ({f['cacheHits']} hits)\" for f in r['features']))"
  echo "   plain run of the same (--no-cache):"
  env $env java -jar $J run $M --no-cache --runs-dir $D/runs --report $D/p.json > /dev/null 2>&1
  python3 -c "
import json; r=json.load(open('$D/p.json'))
print('   ', ', '.join(f\"{f['id']} {f['state']}\" for f in r['features']))"
done
rm -rf $D
