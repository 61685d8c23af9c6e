#!/usr/bin/env bash
# Times one bulk job of N user creates, and single reads while it runs (docs/benchmarks.md, "A bulk job of 100,000
# users"), against a running Roster whose operator password is in ROSTER_BOOTSTRAP_ADMIN_PASSWORD:
#   src/test/bench/bulk.sh [URL] [N] [TENANT]
# TENANT names an existing tenant to add the users to (the operator acts in it); without it, each run makes a fresh
# tenant. Each user has names, an e-mail address and the USER role. While the job runs, ab -k -c 4 reads one user
# again and again (GET /users/{username} with a bearer token) and reports its latency percentiles; READS=0 leaves
# the reads out, to time the job alone.
set -euo pipefail
url=${1:-http://localhost:8080}; n=${2:-100000}; tenant=${3:-}
api=$url/api/v1
token=$(curl -sf "$api/provisioning/token" -d grant_type=password -d username="${ROSTER_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
        --data-urlencode password="$ROSTER_BOOTSTRAP_ADMIN_PASSWORD" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
run=$(date +%s%N | tail -c 9)
if [[ -z $tenant ]]; then
  tenant=bulk-$run
  curl -sf -o /dev/null "${auth[@]}" -d "{\"label\": \"$tenant\", \"name\": \"Bulk bench\"}" "$api/tenants"
fi
curl -sf -o /dev/null -X PUT "${auth[@]}" -d '{"enabled": true}' "$api/tenants/$tenant/services/bulk"
curl -sf -o /dev/null -X PUT "${auth[@]}" -H "X-Tenant: $tenant" \
     -d "{\"email\": \"reader-$run@bulk.example\", \"tenantUserPrivileges\": [{\"role\": \"USER\"}]}" \
     "$api/provisioning/users/reader-$run"
body=$(mktemp)
{
  printf '{"operations": ['
  for ((i = 0; i < n; i++)); do
    ((i > 0)) && printf ', '
    printf '{"op": "create", "user": {"username": "b%s-%d", "email": "b%s-%d@bulk.example", "firstName": "First%d", ' \
           "$run" "$i" "$run" "$i" "$i"
    printf '"lastName": "Last%d", "tenantUserPrivileges": [{"role": "USER"}]}}' "$i"
  done
  printf ']}'
} > "$body"
start=$(date +%s%N)
job=$(curl -sf "${auth[@]}" -H "X-Tenant: $tenant" --data-binary @"$body" "$api/provisioning/bulk" \
      | sed 's/.*"id":"\([^"]*\)".*/\1/')
accepted=$(date +%s%N)
reads=$(mktemp)
reader=
if [[ ${READS:-1} != 0 ]]; then ab -k -c 4 -t 600 -n 10000000 -H "Authorization: Bearer $token" -H "X-Tenant: $tenant" \
   "$api/provisioning/users/reader-$run" > "$reads" 2>&1 &
  reader=$!
fi
while :; do
  state=$(curl -sf "${auth[@]}" -H "X-Tenant: $tenant" "$api/provisioning/jobs/$job")
  case $state in *'"status":"queued"'*|*'"status":"running"'*) sleep 0.2 ;; *) break ;; esac
done
end=$(date +%s%N)
if [[ -n $reader ]]; then
  kill -INT "$reader" 2>/dev/null || true # ab prints what it measured so far
  wait "$reader" 2>/dev/null || true
fi
echo "job of $n creates ($(wc -c < "$body") bytes): 202 in $(( (accepted - start) / 1000000 )) ms, ended after" \
     "$(( (end - start) / 1000000 )) ms: $state"
[[ ${READS:-1} == 0 ]] || grep -E "Requests per second|Complete requests|Non-2xx|  50%|  95%|  99%" "$reads" \
  || cat "$reads"
rm -f "$body" "$reads"
