"""Load test of the HTTP API: 50 concurrent clients for 30 s against ``yindi serve`` on 127.0.0.1.

Starts ``yindi serve`` in a subprocess (results read back from the workspace; the first start computes and stores
them), then runs two phases with the same client machinery, side by side:

1. reference: ``GET /api/study`` (a constant, tiny JSON document) — the cost of the server and client stack alone;
2. region profiles: ``GET /api/regions/{code}/profile`` cycling through every analysed region.

Prints p50/p95/p99 latency, requests per second, errors, the server's CPU time per request and peak resident
memory, and the ratio of the profile figures to the reference. The load comes from ``wrk`` when it is installed
(a C client: little CPU taken from the server on a small machine), else from httpx/asyncio in this process.
Only loopback addresses are used.

    python benchmarks/api_load.py --data ../shared/data/cn-provinces [--clients 50] [--seconds 30] [--client wrk]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psutil

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(data: str, workspace: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    cmd = [
        sys.executable,
        "-m",
        "yindi",
        "serve",
        "--data",
        data,
        "--workspace",
        workspace,
        "--port",
        str(port),
    ]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 900) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(base + "/api/study", timeout=2).status_code == 200:
                return time.perf_counter() - t0
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("server did not start in time")


class PeakMemory:
    """Samples the server's resident memory every 100 ms."""

    def __init__(self, pid: int) -> None:
        self.proc = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                rss = self.proc.memory_info().rss + sum(c.memory_info().rss for c in self.proc.children(True))
            except psutil.Error:
                break
            self.peak = max(self.peak, rss)
            time.sleep(0.1)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


async def phase(base: str, paths: list[str], clients: int, seconds: float) -> tuple[list[float], int, int]:
    """Each client requests the next path as soon as its previous answer arrived; returns latencies (s), error
    count and request count."""
    latencies: list[float] = []
    errors = 0
    counter = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker(k: int) -> None:
            nonlocal errors, counter
            i = k
            while time.perf_counter() < deadline:
                path = paths[i % len(paths)]
                i += clients
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - t0)
                counter += 1
                errors += not ok

        await asyncio.gather(*(worker(k) for k in range(clients)))
    return latencies, errors, counter


_LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(s, latency, requests)
  local e = s.errors
  io.write(string.format("WRK %%d %%d %%.3f %%.3f %%.3f\\n", s.requests,
    e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def wrk_phase(base: str, paths: list[str], clients: int, seconds: float) -> dict[str, float]:
    """One phase with wrk (2 threads, ``clients`` connections); latencies from wrk's histogram."""
    script = _LUA % ", ".join(f'"{p}"' for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
    try:
        cmd = ["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "--timeout", "10s", "-s", f.name, base]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    line = next(x for x in out.splitlines() if x.startswith("WRK "))
    n, errors, p50, p95, p99 = line.split()[1:]
    return {"n": int(n), "errors": int(errors), "p50": float(p50), "p95": float(p95), "p99": float(p99)}


def httpx_phase(base: str, paths: list[str], clients: int, seconds: float) -> dict[str, float]:
    """One phase with httpx/asyncio clients in this process."""
    lat, errors, n = asyncio.run(phase(base, paths, clients, seconds))
    q = statistics.quantiles(lat, n=100)
    return {"n": n, "errors": errors, "p50": q[49] * 1e3, "p95": q[94] * 1e3, "p99": q[98] * 1e3}


def summary(name: str, row: dict[str, float], seconds: float, cpu: float) -> dict[str, float]:
    out = {**row, "rps": row["n"] / seconds, "cpu_ms": 1e3 * cpu / max(row["n"], 1)}
    print(
        f"{name:<16} requests {int(out['n']):>6}  {out['rps']:7.0f}/s  p50 {out['p50']:6.1f} ms  "
        f"p95 {out['p95']:6.1f} ms  p99 {out['p99']:6.1f} ms  errors {int(out['errors'])}  "
        f"server CPU {out['cpu_ms']:.2f} ms/request"
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_data = Path(__file__).resolve().parents[2] / "shared" / "data" / "cn-provinces"
    ap.add_argument("--data", default=str(default_data))
    ap.add_argument("--workspace", default=os.environ.get("YINDI_WORKSPACE", "yindi-bench.duckdb"))
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--reference-seconds", type=float, default=10.0)
    ap.add_argument("--client", choices=("auto", "wrk", "httpx"), default="auto")
    args = ap.parse_args()
    port = free_port()
    base = f"http://{HOST}:{port}"
    proc = start_server(args.data, args.workspace, port)
    try:
        ready = wait_ready(base, proc)
        codes = [r["code"] for r in httpx.get(base + "/api/regions").json()]
        paths = [f"/api/regions/{c}/profile" for c in codes]
        client = args.client if args.client != "auto" else ("wrk" if shutil.which("wrk") else "httpx")
        run_phase = wrk_phase if client == "wrk" else httpx_phase
        print(
            f"server ready in {ready:.1f} s; {len(codes)} regions; {args.clients} clients ({client}); "
            f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}"
        )
        server = psutil.Process(proc.pid)
        for p in paths:  # each profile is assembled once, then served from the server's cache
            httpx.get(base + p)

        def cpu() -> float:
            t = server.cpu_times()
            return float(t.user + t.system)

        with PeakMemory(proc.pid) as mem:
            c0 = cpu()
            ref_row = run_phase(base, ["/api/study"], args.clients, args.reference_seconds)
            ref = summary("reference /study", ref_row, args.reference_seconds, cpu() - c0)
            c0 = cpu()
            prof_row = run_phase(base, paths, args.clients, args.seconds)
            prof = summary("region profile", prof_row, args.seconds, cpu() - c0)
        print(f"peak server memory {mem.peak / 2**20:.0f} MiB")
        print(
            f"ratio profile / reference: p50 {prof['p50'] / ref['p50']:.2f}×, p95 {prof['p95'] / ref['p95']:.2f}×, "
            f"server CPU {prof['cpu_ms'] / ref['cpu_ms']:.2f}×"
        )
        verdict = "met" if prof["p95"] < 100 and prof["errors"] == 0 else "NOT met"
        print(f"target p95 < 100 ms and 0 errors for region profiles: {verdict}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
