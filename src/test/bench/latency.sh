#!/usr/bin/env bash
# Latency of the reads the million-user targets name (docs/benchmarks.md), against a running Roster and a tenant
# that already holds its users (for example ten runs of `READS=0 src/test/bench/bulk.sh URL 100000 TENANT`):
#   src/test/bench/latency.sh URL TENANT USERNAME [SECONDS]
# USERNAME is a user of the tenant to read. Each row is first run unmeasured for WARMUP seconds (default 20) at
# concurrency 4, so that the JIT has compiled its path, the database has read its pages and, for the deep page, the
# list's remembered positions are in use (the first deep page after a start begins a walk of the list in the
# background; at a million users they served after about 13 s). Then it is measured with `ab -k` for SECONDS (default
# 8) at concurrency 1, then 4, with the operator's bearer token (password in ROSTER_BOOTSTRAP_ADMIN_PASSWORD); every
# answer must be a 200.
# Prints a Markdown table: requests/s and p50 / p95 / p99 in ms.
set -euo pipefail
url=${1:?Roster URL} tenant=${2:?tenant label} user=${3:?a username of the tenant} secs=${4:-8} warmup=${WARMUP:-20}
for n in "$secs" "$warmup"; do # ab -t 0 would run without a time limit
  if ! [[ $n =~ ^[1-9][0-9]*$ ]]; then
    echo "SECONDS and WARMUP must be whole numbers of seconds above 0, not '$n'" >&2
    exit 1
  fi
done
api=$url/api/v1/provisioning
token() {
  curl -sf "$api/token" -d grant_type=password -d username="${ROSTER_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
       --data-urlencode password="$ROSTER_BOOTSTRAP_ADMIN_PASSWORD" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
measure() { # path concurrency [seconds] -> "rate p50 p95 p99"
  local out
  out=$(ab -k -c "$2" -t "${3:-$secs}" -n 10000000 -H "Authorization: Bearer $(token)" -H "X-Tenant: $tenant" \
        "$api$1" 2>&1)
  if grep -q 'Non-2xx' <<< "$out"; then echo "non-2xx answers for $1" >&2; exit 1; fi
  awk '/Requests per second/{r=$4} /^  50%/{a=$2} /^  95%/{b=$2} /^  99%/{c=$2}
       END {printf "%.0f/s, %s / %s / %s", r, a, b, c}' <<< "$out"
}
echo "| request | c=1: requests/s, p50 / p95 / p99 ms | c=4: requests/s, p50 / p95 / p99 ms |"
echo "|---|---:|---:|"
while IFS='|' read -r label path; do
  measure "$path" 4 "$warmup" > /dev/null
  one=$(measure "$path" 1) # an assignment, so that a failed measurement ends the script (set -e)
  four=$(measure "$path" 4)
  echo "| $label | $one | $four |"
done <<ROWS
read a user|/users/$user
q=${Q_ALL:-b}: a prefix many users share|/users?q=${Q_ALL:-b}
q=${Q_SOME:-first12}|/users?q=${Q_SOME:-first12}
q= the whole username|/users?q=$user
page 0 of 25|/users?size=25&page=0
page ${DEEP_PAGE:-20000} of 25|/users?size=25&page=${DEEP_PAGE:-20000}
ROWS
