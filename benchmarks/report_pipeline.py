"""The national report built cold (every analysis node computed) vs rebuilt from stored results (every node read
back from the DuckDB workspace), side by side in one run; the ratio is printed.

Two measurements:

1. **in process** — one warm-up build first (imports and the map geometry cache warm, nothing stored), then a
   cold build into an empty workspace and a rebuild from it. This isolates what storing results saves.
2. **end to end** — ``python -m yindi report`` in a fresh process: cold (empty workspace) and from stored
   results, as a user sees it (imports and map geometry included).

Run: ``PYTHONPATH=src python benchmarks/report_pipeline.py [DATA_DIR]`` (default ../shared/data/cn-provinces).
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
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    for parent in REPO.parents:
        candidate = parent / "shared" / "data" / "cn-provinces"
        if (candidate / "panel.csv").exists():
            return candidate
    raise SystemExit("cn-provinces data not found; pass its folder")


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


def end_to_end(data: Path, tmp: Path) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "YINDI_WORKSPACE": str(tmp / "e2e.duckdb")}

    def once(out: str) -> float:
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "yindi", "report", "--data", str(data), "--out", str(tmp / out)],
            check=True,
            env=env,
            capture_output=True,
        )
        return time.perf_counter() - t0

    return once("e2e-cold"), once("e2e-stored")


def main() -> None:
    data = _data_dir()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        t_cold, t_stored, cold_t, stored_t = in_process(data, tmp)
        print("national report, 31 provinces, 7 sections")
        print(
            f"in process (warm imports):  cold {t_cold:6.2f} s   from stored results {t_stored:6.2f} s   "
            f"ratio {t_cold / t_stored:5.1f}x"
        )
        nodes_cold = sum(v for k, v in cold_t.items() if k.startswith("node:"))
        nodes_stored = sum(v for k, v in stored_t.items() if k.startswith("node:"))
        render_cold = sum(v for k, v in cold_t.items() if not k.startswith("node:") and k != "load")
        render_stored = sum(v for k, v in stored_t.items() if not k.startswith("node:") and k != "load")
        print(
            f"  analyses: computed {nodes_cold:6.2f} s   read back {nodes_stored:6.2f} s   "
            f"ratio {nodes_cold / max(nodes_stored, 1e-9):5.1f}x"
        )
        print(f"  sections (render only): {render_cold:6.2f} s / {render_stored:6.2f} s")
        e_cold, e_stored = end_to_end(data, tmp)
        print(
            f"end to end (fresh process): cold {e_cold:6.2f} s   from stored results {e_stored:6.2f} s   "
            f"ratio {e_cold / e_stored:5.1f}x"
        )


if __name__ == "__main__":
    main()
