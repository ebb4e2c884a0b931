"""The national report built cold (every analysis node computed) vs rebuilt from stored results (every node read
back from the DuckDB workspace), side by side in one run; the ratios are printed.

Two measurements:

1. **in process** — one warm-up build first (imports and the map geometry cache warm, nothing stored), then a
   cold build into an empty workspace and a rebuild from it (the panel is passed in, so the rendered-report
   cache is not used: this isolates what storing the node results saves).
2. **end to end, fresh processes** (``python -m yindi report``), best of ``--repeat`` rounds, each round with a new
   empty workspace: cold; the same command again (the rendered report copied from the workspace,
   :mod:`yindi.report.cache`); and, for reference, a rebuild that renders every section again from the stored
   results (``build_report(..., reuse_report=False)``).

Run: ``PYTHONPATH=src python benchmarks/report_pipeline.py [DATA_DIR] [--repeat 3]`` (default
../shared/data/cn-provinces). The load average is printed before and after: other jobs on the machine inflate
every figure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _data_dir() -> Path:
    args = [a for a in sys.argv[1:] if not a.startswith("--") and not a.isdigit()]
    if args:
        return Path(args[0])
    for parent in REPO.parents:
        candidate = parent / "shared" / "data" / "cn-provinces"
        if (candidate / "panel.csv").exists():
            return candidate
    raise SystemExit("cn-provinces data not found; pass its folder")


def _repeat() -> int:
    return int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3


def _loadavg() -> str:
    try:
        return Path("/proc/loadavg").read_text().strip()
    except OSError:
        return "n/a"


def _strip(html: str) -> str:
    import re

    return re.sub(r'<span id="generated">.*?</span>', "", html)


def in_process(data: Path, tmp: Path) -> tuple[float, float, dict[str, float], dict[str, float]]:
    from yindi.data import load_pack
    from yindi.report.national import build_report
    from yindi.study import Study

    panel = load_pack(data)
    ws = tmp / "bench.duckdb"
    study = Study(data=str(data), workspace=str(ws))
    build_report(study, tmp / "warm", panel=panel, store=False)  # warm-up: imports, geometry cache
    t0 = time.perf_counter()
    cold = build_report(study, tmp / "cold", panel=panel)
    t_cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    stored = build_report(study, tmp / "stored", panel=panel)
    t_stored = time.perf_counter() - t0
    assert set(stored.reused) == set(cold.computed) and not stored.computed, (stored.reused, stored.computed)
    same = _strip(cold.html.read_text(encoding="utf-8")) == _strip(stored.html.read_text(encoding="utf-8"))
    assert same, "the rebuilt report differs from the cold one"
    return t_cold, t_stored, cold.timings, stored.timings


RERENDER = """
import sys
from yindi.report.national import build_report
from yindi.study import Study
study = Study(data=sys.argv[1], workspace=sys.argv[2])
build_report(study, sys.argv[3], reuse_report=False)
"""


def end_to_end(data: Path, tmp: Path, rounds: int) -> tuple[float, float, float]:
    """Best of ``rounds`` fresh-process timings: cold, the same command again, and a re-render from results."""
    cold: list[float] = []
    stored: list[float] = []
    rerender: list[float] = []
    for r in range(rounds):
        ws = tmp / f"e2e-{r}.duckdb"  # a new, empty workspace each round: the cold build is really cold
        env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "YINDI_WORKSPACE": str(ws)}

        def once(args: list[str], env: dict[str, str] = env) -> float:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, *args], check=True, env=env, capture_output=True)
            return time.perf_counter() - t0

        report = ["-m", "yindi", "report", "--data", str(data), "--out"]
        cold.append(once([*report, str(tmp / f"cold-{r}")]))
        stored.append(once([*report, str(tmp / f"stored-{r}")]))
        rerender.append(once(["-c", RERENDER, str(data), str(ws), str(tmp / f"rerender-{r}")]))
        a, b, c = (
            _strip((tmp / f"{k}-{r}" / "report.html").read_text(encoding="utf-8"))
            for k in ("cold", "stored", "rerender")
        )
        assert a == b == c, "the rebuilt reports differ from the cold one"
        assert all(
            (tmp / f"{k}-{r}" / "report.xlsx").read_bytes()
            == (tmp / f"cold-{r}" / "report.xlsx").read_bytes()
            for k in ("stored", "rerender")
        ), "the rebuilt workbooks differ from the cold one"
    return min(cold), min(stored), min(rerender)


def main() -> None:
    data = _data_dir()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        t_cold, t_stored, cold_t, stored_t = in_process(data, tmp)
        print(
            f"national report, 31 provinces, {len(cold_t) and sum(1 for k in cold_t if not k.startswith('node:') and k != 'load')} sections"
        )
        print(
            f"in process (warm imports):  cold {t_cold:6.2f} s   from stored results {t_stored:6.2f} s   "
            f"ratio {t_cold / t_stored:5.1f}x"
        )
        nodes_cold = sum(v for k, v in cold_t.items() if k.startswith("node:"))
        nodes_stored = sum(v for k, v in stored_t.items() if k.startswith("node:"))
        render_cold = sum(v for k, v in cold_t.items() if not k.startswith("node:") and k != "load")
        render_stored = sum(v for k, v in stored_t.items() if not k.startswith("node:") and k != "load")
        print(
            f"  analyses, sum of node seconds (computed ones ran in parallel workers): computed {nodes_cold:6.2f} s"
            f"   read back {nodes_stored:6.2f} s   ratio {nodes_cold / max(nodes_stored, 1e-9):5.1f}x"
        )
        print(f"  sections (render only): {render_cold:6.2f} s / {render_stored:6.2f} s")
        rounds = _repeat()
        print(f"load average before the fresh-process runs: {_loadavg()}")
        e_cold, e_stored, e_rerender = end_to_end(data, tmp, rounds)
        print(f"end to end, fresh processes, best of {rounds} (each round a new empty workspace):")
        print(f"  cold (empty workspace)                    {e_cold:6.2f} s")
        print(
            f"  same command again (stored report)        {e_stored:6.2f} s   ratio {e_cold / e_stored:5.1f}x"
            "   target >= 5x"
        )
        print(
            f"  re-rendered from stored results           {e_rerender:6.2f} s   ratio {e_cold / e_rerender:5.1f}x"
        )
        print(f"load average after: {_loadavg()}")


if __name__ == "__main__":
    main()
