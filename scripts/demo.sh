#!/usr/bin/env bash
# Set up and run the main job on the bundled demo corpus: extract events, quotes, actors and dates
# from examples/ into demo.duckdb and print the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/env.sh runtime
.venv/bin/detente ingest examples/ --db demo.duckdb "$@"
