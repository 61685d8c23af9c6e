#!/usr/bin/env bash
# The stack's own floor (docs/benchmarks.md): builds src/test/bench/floor, a WAR that answers ProvisionBench's
# requests with one table and nothing else, and runs it on the Payara Micro jar that Roster's build fetched, with
# Roster's JVM options (pom.xml), its Derby database in a new folder under /tmp:
#   src/test/bench/floor.sh [PORT]          (default 8090; runs in the foreground)
# FLOOR_OPTS adds JVM options: -Dfloor.jdbc=true makes a create one JDBC insert instead of JPA's persist.
# then, for example: bash ../shared/bench/side-by-side.sh http://127.0.0.1:8090 admin any 5000 4
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
port=${1:-8090}
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }
mvn -q -f "$root/src/test/bench/floor/pom.xml" package
payara=$(prop payara.version)
jar=$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara/payara-micro-$payara.jar
work=$(mktemp -d /tmp/roster-floor.XXXXXX)
echo "floor on port $port; its database and Payara's files in $work"
cd "$work"
# shellcheck disable=SC2046 # the options are words
exec java $(prop roster.jvm.memory) $(prop roster.jvm.compiler) ${FLOOR_OPTS:-} -jar "$jar" --nohazelcast --disablephonehome \
     --port "$port" --deploy "$root/src/test/bench/floor/target/floor.war"
