#!/usr/bin/env bash
# Times SCIM's lookups and pages in a tenant of many users (docs/benchmarks.md, "SCIM in a tenant of a million
# users"), against a running Roster whose operator password is in ROSTER_BOOTSTRAP_ADMIN_PASSWORD:
#   src/test/bench/scim.sh [URL] TENANT
# It switches SCIM on for TENANT, makes an administrator with an API key (the Bearer secret, as an identity
# provider is set up), gives one user an externalId, and runs ab at concurrency 1 (latency) and 4 (rate) for:
# filter=userName eq "…", filter=externalId eq "…", the first page of 100, a page of 100 in the middle of the list
# and the last one, asked for alone; then it reads 200 pages of 100 one after another from the middle of the list,
# as a client paging through it does, and reports their latency.
set -euo pipefail
url=${1:-http://localhost:8080}; tenant=${2:?name a tenant that holds many users}
api=$url/api/v1
token=$(curl -sf "$api/provisioning/token" -d grant_type=password -d username="${ROSTER_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
        --data-urlencode password="$ROSTER_BOOTSTRAP_ADMIN_PASSWORD" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
run=$(date +%s%N | tail -c 9)
curl -sf -o /dev/null -X PUT "${auth[@]}" -d '{"enabled": true}' "$api/tenants/$tenant/services/scim"
curl -sf -o /dev/null -X PUT "${auth[@]}" -H "X-Tenant: $tenant" \
     -d "{\"email\": \"scim-$run@bench.example\", \"password\": \"scim-bench-password\",
          \"tenantUserPrivileges\": [{\"role\": \"ADMINISTRATOR\"}]}" "$api/provisioning/users/scim-$run"
admin=$(curl -sf "$api/provisioning/token" -d grant_type=password -d username="scim-$run" -d tenant="$tenant" \
        -d password=scim-bench-password | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
key=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{"name": "scim bench"}' \
      "$api/provisioning/api-keys" | sed 's/.*"apiToken":"\([^"]*\)".*/\1/')
scim=(-H "Authorization: Bearer $key")
total=$(curl -sf "${scim[@]}" "$url/scim/v2/Users?count=0" | sed 's/.*"totalResults":\([0-9]*\).*/\1/')
middle=$(( total / 2 ))
picked=$(curl -sf "${scim[@]}" "$url/scim/v2/Users?startIndex=$middle&count=1&attributes=userName")
id=$(sed 's/.*"id":"\([^"]*\)".*/\1/' <<< "$picked"); name=$(sed 's/.*"userName":"\([^"]*\)".*/\1/' <<< "$picked")
curl -sf -o /dev/null -X PATCH "${scim[@]}" -H 'Content-Type: application/scim+json' \
     -d "{\"Operations\": [{\"op\": \"add\", \"path\": \"externalId\", \"value\": \"ext-$run\"}]}" \
     "$url/scim/v2/Users/$id"
echo "tenant $tenant: $total users; user $name (externalId ext-$run), in the middle of the list"
measure() { # label, requests, path
  for c in 1 4; do
    out=$(ab -k -c $c -n "$2" "${scim[@]}" "$url$3" 2>&1)
    printf '%-34s c=%s  %8s/s  p50 %4s ms  p95 %4s ms  p99 %4s ms  non-2xx %s\n' "$1" $c \
      "$(awk '/Requests per second/ {print $4}' <<< "$out")" "$(awk '$1 == "50%" {print $2}' <<< "$out")" \
      "$(awk '$1 == "95%" {print $2}' <<< "$out")" "$(awk '$1 == "99%" {print $2}' <<< "$out")" \
      "$(awk '/Non-2xx/ {print $3}' <<< "$out" | grep . || echo 0)"
  done
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1" 2>/dev/null \
        || jq -rn --arg v "$1" '$v|@uri'; }
measure 'filter=userName eq' 2000 "/scim/v2/Users?filter=$(enc "userName eq \"$name\"")"
measure 'filter=externalId eq' 2000 "/scim/v2/Users?filter=$(enc "externalId eq \"ext-$run\"")"
measure 'first page, count=100' 300 "/scim/v2/Users?startIndex=1&count=100"
measure "page at $middle, count=100" 100 "/scim/v2/Users?startIndex=$middle&count=100"
measure "last page, count=100" 50 "/scim/v2/Users?startIndex=$(( total - 50 ))&count=100"
sweep=$(mktemp)
for ((p = 0; p < 200; p++)); do
  curl -sf -o /dev/null -w '%{time_total}\n' "${scim[@]}" "$url/scim/v2/Users?startIndex=$(( middle + p * 100 ))&count=100" \
    >> "$sweep"
done
sort -n "$sweep" | awk '{ t[NR] = $1 * 1000 } END { printf "%-34s 200 pages in turn: first %.0f ms; p50 %.0f ms  p95 %.0f ms  max %.0f ms\n", \
  "sweep from the middle, count=100", first, t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR] }' first="$(head -1 "$sweep" | awk '{ print $1 * 1000 }')"
rm -f "$sweep"
