#!/usr/bin/env bash
# Times one Kore.ai bulk user creation call (docs/benchmarks.md, "Creating 10,000 users through Kore.ai's API")
# against a running Roster whose operator password is in ROSTER_BOOTSTRAP_ADMIN_PASSWORD:
#   src/test/bench/kore.sh [URL] [N] [TENANT]
# TENANT names an existing tenant to add the users to (the operator acts in it); without it, each run makes a fresh
# tenant. The service kore is switched on, and a group and a role are made; every user gets the whole userInfo of
# seed 002, that group, that role on one bot, a bot task, and (sendEmail by default) the activation e-mail.
set -euo pipefail
url=${1:-http://localhost:8080}; n=${2:-10000}; tenant=${3:-}
api=$url/api/v1
token=$(curl -sf "$api/provisioning/token" -d grant_type=password -d username="${ROSTER_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
        --data-urlencode password="$ROSTER_BOOTSTRAP_ADMIN_PASSWORD" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
run=$(date +%s%N | tail -c 9)
if [[ -z $tenant ]]; then
  tenant=kore-$run
  curl -sf -o /dev/null "${auth[@]}" -d "{\"label\": \"$tenant\", \"name\": \"Kore bench\"}" "$api/tenants"
fi
curl -sf -o /dev/null -X PUT "${auth[@]}" -d '{"enabled": true}' "$api/tenants/$tenant/services/kore"
group=$(curl -sf "${auth[@]}" -H "X-Tenant: $tenant" -d "{\"displayName\": \"Kore bench $run\"}" \
        "$api/provisioning/groups" | sed 's/.*"id":"\([^"]*\)".*/\1/')
role=$(curl -sf "${auth[@]}" -H "X-Tenant: $tenant" -d "{\"name\": \"Kore bench $run\", \"weight\": 5}" \
       "$api/provisioning/roles" | sed 's/.*"id":"\([^"]*\)".*/\1/')
body=$(mktemp)
{
  printf '{"users": ['
  for ((i = 0; i < n; i++)); do
    ((i > 0)) && printf ', '
    printf '{"userInfo": {"emailId": "k%s-%d@kore.example", "orgUserId": "E%s-%d", "firstName": "First%d", ' \
           "$run" "$i" "$run" "$i" "$i"
    printf '"lastName": "Last%d", "companyName": "Acme", "dept": "Support", "companyContactPhone": "+1 555 0100", ' "$i"
    printf '"worknumber": "+1 555 %04d", "street": "1 Main St", "suiteNo": "200", "city": "Springfield", ' \
           "$((i % 10000))"
    printf '"zip": "12345", "state": "IL", "country": "US"}, "groups": ["%s"], ' "$group"
    printf '"roles": [{"roleId": "%s", "botId": "st-bench-bot"}], "assignBotTasks": ["st-bench-bot"]}' "$role"
  done
  printf ']}'
} > "$body"
out=$(mktemp)
start=$(date +%s%N)
status=$(curl -s -o "$out" -w '%{http_code}' -H "auth: $token" -H 'Content-Type: application/json' -H "X-Tenant: $tenant" \
         --data-binary @"$body" "$url/api/public/users")
end=$(date +%s%N)
failed=$({ grep -o '"status":"failure"' "$out" || true; } | wc -l)
echo "HTTP $status in $(( (end - start) / 1000000 )) ms: $n users sent, $failed failed ($(wc -c < "$body") bytes)"
rm -f "$body" "$out"
