#!/usr/bin/env bash
# Runs Roster on Payara Micro in the foreground, as the README's run command does (exec:exec@run in pom.xml):
#   run.sh JAVA PAYARA_MICRO_JAR WAR ROOT_FOLDER PORT "JVM OPTIONS" [more Payara Micro options...]
#
# Payara Micro runs from a root folder it keeps (`--rootdir`, `--outputlauncher`) rather than unpacking itself into
# a new temporary folder at every start. Its runtime jars then keep their paths, so the JVM can map their classes
# from a class-data-sharing archive instead of reading, parsing and verifying some 16,000 of them at every start
# (docs/benchmarks.md, issue 20: a start to a healthy /health takes about a quarter less time on two cores).
#
# - The root folder is made once per Payara Micro jar and JDK; a different one of either makes it again.
# - The archive is made once per root folder, by one training start on a throwaway Derby database in the root
#   folder (about a minute), which deploys the WAR and stops. It holds the JDK's and Payara's classes only, never
#   the WAR's, so a rebuilt WAR keeps it. Should the training fail, or the JVM refuse the archive, Roster starts
#   without it (a failed training is not tried again until the root folder is made again).
# - Every start deploys the WAR afresh: the configuration is put back as Payara Micro first wrote it, so no
#   deployment persisted by an earlier start is deployed a second time.
# - A port in use (an instance still stopping, say) is waited for, up to ROSTER_PORT_WAIT_SECONDS (30); a port still
#   taken then ends the start with status 1 and a message, rather than Payara Micro's failure on the bind.
set -euo pipefail
java=$1 payara=$2 war=$3 root=$4 port=$5 jvm=$6
shift 6
wait_seconds=${ROSTER_PORT_WAIT_SECONDS:-30}
if ! [[ $wait_seconds =~ ^[0-9]+$ ]]; then
    echo "Roster: ROSTER_PORT_WAIT_SECONDS must be a whole number of seconds, not '$wait_seconds'" >&2
    exit 1
fi
options=(--port "$port" --nohazelcast --disablephonehome "$@")
jdk=$(dirname "$(dirname "$(readlink -f "$java")")")
stamp="$payara; $jdk; $(cksum < "$jdk/release" 2>/dev/null || true)"

if [ "$(cat "$root/roster-stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$root"
    mkdir -p "$root"
    "$java" -jar "$payara" --rootdir "$root" --outputlauncher > "$root/unpack.log" 2>&1
    cp -p "$root/config/domain.xml" "$root/domain.xml.first"
    echo "$stamp" > "$root/roster-stamp"
fi

fresh_configuration() {
    cp -p "$root/domain.xml.first" "$root/config/domain.xml"
    rm -rf "$root/applications" "$root/generated" "$root/config/domain.xml.bak"
}

archive=$root/payara-classes.jsa
if [ ! -f "$archive" ] && [ ! -f "$root/training-failed" ]; then
    echo "Roster: making a class-data-sharing archive of Payara's classes in $root (once; about a minute)"
    fresh_configuration
    rm -rf "$root/training-data"
    # not on Roster's port: nothing may take the training instance, on its throwaway database, for Roster
    training=(--port $((20000 + RANDOM % 20000)) --autobindhttp --autobindrange 200 --nohazelcast --disablephonehome
        "$@")
    # $jvm word-splits on purpose: it is the pom's roster.jvm.options
    # shellcheck disable=SC2086
    if ! env -i PATH="$PATH" ROSTER_DATA_DIR="$root/training-data" \
            ROSTER_BOOTSTRAP_ADMIN_PASSWORD="training-$RANDOM$RANDOM$RANDOM" \
            "$java" $jvm -XX:ArchiveClassesAtExit="$archive" -jar "$root/launch-micro.jar" \
            --deploy "$war" "${training[@]}" --warmup > "$root/training.log" 2>&1; then
        echo "Roster: the training start failed (see $root/training.log); starting without the archive"
        rm -f "$archive"
        touch "$root/training-failed"
    fi
    rm -rf "$root/training-data"
fi

# On a taken port Payara Micro fails on the bind with a stack trace or, as seen while an instance on the port was
# still stopping, deploys Roster without an HTTP listener and says so only in its log ("GrizzlyProxy is NULL"). So
# the port is waited for (ROSTER_PORT_WAIT_SECONDS, 30 by default); a port still taken after that ends this start.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2> /dev/null; }
if port_taken; then
    echo "Roster: port $port is in use; waiting up to $wait_seconds s for it to be free"
    for ((waited = 0; waited < wait_seconds; waited++)); do
        sleep 1
        port_taken || break
    done
    if port_taken; then
        echo "Roster: port $port is still in use by another process; not starting" >&2
        exit 1
    fi
fi

fresh_configuration
sharing=()
[ -f "$archive" ] && sharing=(-XX:SharedArchiveFile="$archive" -Xshare:auto)
# shellcheck disable=SC2086
exec "$java" $jvm "${sharing[@]}" -jar "$root/launch-micro.jar" --deploy "$war" "${options[@]}"
