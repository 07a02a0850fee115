#!/usr/bin/env bash
# Create (or reuse) .venv and install detente with its locked, hash-checked dependencies.
# Usage: bash scripts/env.sh [runtime|test]
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-runtime}
lock=requirements.lock
[ "$kind" = test ] && lock=requirements-test.lock
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=".venv/.installed-$kind-$(sha256sum "$lock" pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet --require-hashes -r "$lock"
  .venv/bin/python -m pip install -qq --no-deps --no-build-isolation -e . 2>/dev/null || .venv/bin/python -m pip install --no-deps --no-build-isolation -e .
  touch "$stamp"
fi
