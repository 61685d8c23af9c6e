#!/usr/bin/env bash
# The browser of the admin console's tests (ConsoleIT): Debian's chromium and its chromium-driver, installed from
# Debian's packages when either is missing (as root; the build runs this before the system tests, pom.xml).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "Chromium is not installed: run 'sudo apt-get install -y chromium chromium-driver' (Debian) and try again" >&2
    exit 1
fi
echo "Installing chromium and chromium-driver from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium chromium-driver >/dev/null
