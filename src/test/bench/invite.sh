#!/usr/bin/env bash
# Times one call that invites N users (docs/benchmarks.md, "Inviting 1,000 users in one call"), against a running
# Roster whose operator password is in ROSTER_BOOTSTRAP_ADMIN_PASSWORD:
#   src/test/bench/invite.sh [URL] [N] [INVALID_EVERY]
# Each run makes a fresh tenant with invitations switched on and one organization; every user gets the role USER and
# that organization; with INVALID_EVERY=k every k-th address is invalid.
set -euo pipefail
url=${1:-http://localhost:8080}; n=${2:-1000}; invalid=${3:-0}
api=$url/api/v1
token=$(curl -sf "$api/provisioning/token" -d grant_type=password -d username="${ROSTER_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
        --data-urlencode password="$ROSTER_BOOTSTRAP_ADMIN_PASSWORD" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
tenant=invite-$(date +%s%N | tail -c 9)
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
curl -sf -o /dev/null "${auth[@]}" -d "{\"label\": \"$tenant\", \"name\": \"Invite bench\"}" "$api/tenants"
curl -sf -o /dev/null -X PUT "${auth[@]}" -d '{"enabled": true}' "$api/tenants/$tenant/services/invitations"
org=$(curl -sf "${auth[@]}" -H "X-Tenant: $tenant" -d '{"name": "Bench"}' "$api/provisioning/organizations" \
      | sed 's/.*"id":"\([^"]*\)".*/\1/')
body=$(mktemp)
{
  printf '{"users": ['
  for ((i = 0; i < n; i++)); do
    email="user$i@$tenant.example"
    if ((invalid > 0 && i % invalid == 0)); then email="broken$i"; fi
    ((i > 0)) && printf ', '
    printf '{"email": "%s", "firstName": "First%d", "roles": ["USER"], "organizationIds": ["%s"]}' "$email" "$i" "$org"
  done
  printf ']}'
} > "$body"
out=$(mktemp)
start=$(date +%s%N)
status=$(curl -s -o "$out" -w '%{http_code}' "${auth[@]}" -H "X-Tenant: $tenant" --data-binary @"$body" \
         "$api/provisioning/invitations")
end=$(date +%s%N)
echo "HTTP $status in $(( (end - start) / 1000000 )) ms: $(grep -o '"outcome":"invited"' "$out" | wc -l) invited," \
     "$(grep -o '"outcome":"failed"' "$out" | wc -l) failed"
rm -f "$body" "$out"
