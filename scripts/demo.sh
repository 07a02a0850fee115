#!/usr/bin/env bash
# Set up and run the main job on the bundled demo corpus: extract events, quotes, actors and dates
# from examples/ into demo.duckdb, print the summary and the US–Russia series, and draw its chart.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/env.sh runtime
.venv/bin/detente ingest examples/ --db demo.duckdb "$@"
.venv/bin/detente dyad USA RUS --db demo.duckdb --plot demo-usa-rus.png
echo "The US–Russia chart is in $(pwd)/demo-usa-rus.png"
