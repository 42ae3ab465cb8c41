#!/usr/bin/env bash
# System packages the test suite needs beyond npm, installed only when missing (CI runs it as root).
# - chromium: the headless browser the api-http tests drive (playwright-core, executablePath /usr/bin/chromium)
#   to check that /docs renders the OpenAPI document offline.
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ERROR: /usr/bin/chromium is missing; run this script as root (apt-get install chromium)" >&2
    exit 1
  fi
  echo "installing chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'installed')"
