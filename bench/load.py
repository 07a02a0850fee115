"""A bounded load test of `detente serve`, on this machine only (127.0.0.1).

Starts the server in a subprocess on a free port over a database (default: a demo database built
from examples/ with `detente ingest`), sends 2,000 GET requests from 20 concurrent clients over
the API endpoints and the pages, and prints the error count and p50/p95/p99 latency. Exits 1 when
any request failed.

    python bench/load.py [--db FILE] [--requests 2000] [--clients 20]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
PATHS = (  # a mix of the API and the pages, the filters included
    "/api/summary", "/api/facets", "/api/articles?limit=50", "/api/events?limit=100", "/api/events?country=RUS",
    "/api/events?dyad=USA-RUS&since=2000&until=2020", "/api/events?q=sanctions", "/api/events/folded?limit=50",
    "/api/quotes?limit=50", "/api/speakers", "/api/actors?limit=50", "/api/dyads", "/api/dyads/USA/RUS?by=quarter",
    "/api/network", "/api/search?q=Putin", "/", "/events", "/events?country=USA&root=04", "/articles", "/quotes",
    "/dyads/USA/RUS", "/static/style.css",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _demo_db(folder: Path) -> Path:
    db = folder / "demo.duckdb"
    subprocess.run([sys.executable, "-m", "detente", "ingest", str(REPO / "examples"), "--db", str(db)],
                   check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return db


def _wait_until_up(base: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited (code {server.returncode}) before answering")
        try:
            if httpx.get(base + "/api/summary", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer at {base} within {seconds:.0f} s")


async def _load(base: str, requests: int, clients: int) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for n in range(requests):
        queue.put_nowait(PATHS[n % len(PATHS)])

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            while not queue.empty():
                path = queue.get_nowait()
                started = time.perf_counter()
                try:
                    response = await http.get(path)
                    if response.status_code != 200:
                        errors.append(f"{path}: {response.status_code}")
                except httpx.HTTPError as exc:
                    errors.append(f"{path}: {type(exc).__name__}")
                latencies.append(time.perf_counter() - started)

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors


def _percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description="Bounded load test of detente serve on 127.0.0.1.")
    parser.add_argument("--db", type=Path, help="database to serve (default: the demo, built from examples/)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _demo_db(Path(tmp))
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "detente", "serve", "--db", str(db), "--port", str(port)],
                                  cwd=REPO, stderr=subprocess.DEVNULL)
        try:
            _wait_until_up(base, server)
            started = time.perf_counter()
            latencies, errors = asyncio.run(_load(base, args.requests, args.clients))
            wall = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    ms = [1000 * v for v in latencies]
    print(f"{len(latencies)} requests, {args.clients} clients, {len(PATHS)} paths, {wall:.1f} s "
          f"({len(latencies) / wall:.0f} requests/s), {len(errors)} errors")
    print(f"latency ms: p50 {_percentile(ms, 50):.0f}, p95 {_percentile(ms, 95):.0f}, "
          f"p99 {_percentile(ms, 99):.0f}, max {max(ms):.0f}")
    for error in errors[:10]:
        print(f"  {error}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
