#!/usr/bin/env bash
# System packages the test suite needs beyond npm: none yet.
set -euo pipefail
