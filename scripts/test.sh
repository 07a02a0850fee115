#!/usr/bin/env bash
# Set up and run the whole test suite (unit tests, model-backed integration tests, quality gates).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/env.sh test
.venv/bin/python -m pytest "$@"
