"""The city report built cold, as a user runs it: ``python -m yindi report`` in a fresh process with an empty
workspace, for all cities and for 广东's cities, side by side with the province report in the same run; the
ratios to the province report are printed, with the slowest steps of each build (in-process timings).

Run: ``PYTHONPATH=src python benchmarks/report_city.py [SHARED_DATA_DIR]`` (default ../shared/data).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _data_root() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    for parent in REPO.parents:
        candidate = parent / "shared" / "data"
        if (candidate / "cn-cities" / "panel.csv").exists():
            return candidate
    raise SystemExit("shared data not found; pass the folder holding cn-provinces and cn-cities")


def cold_cli(args: list[str], tmp: Path, name: str) -> float:
    """Seconds of one cold ``yindi report`` in a fresh process (empty workspace, nothing stored)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "YINDI_WORKSPACE": str(tmp / f"{name}.duckdb")}
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "yindi", "report", *args, "--out", str(tmp / name)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"{name} failed:\n{done.stderr[-2000:]}")
    return elapsed


def slowest(data: Path, tmp: Path, **study: object) -> str:
    """The five slowest steps of one in-process cold build (loading, nodes, sections)."""
    from yindi.report.national import build_report
    from yindi.study import Study

    out = build_report(Study(data=str(data), **study), tmp / "steps", store=False)  # type: ignore[arg-type]
    top = sorted(out.timings.items(), key=lambda kv: -kv[1])[:5]
    return ", ".join(f"{k} {v:.1f}s" for k, v in top)


def main() -> None:
    root = _data_root()
    provinces, cities = root / "cn-provinces", root / "cn-cities"
    runs = {
        "province report (31 provinces)": ["--data", str(provinces)],
        "city report, all cities": ["--data", str(cities), "--level", "city"],
        "city report, --within 广东": ["--data", str(cities), "--level", "city", "--within", "广东"],
    }
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        times = {label: cold_cli(args, tmp, f"r{k}") for k, (label, args) in enumerate(runs.items())}
        base = times["province report (31 provinces)"]
        print(f"{'cold report, fresh process':40s} {'seconds':>8s} {'× province':>11s}")
        for label, t in times.items():
            print(f"{label:40s} {t:8.1f} {t / base:11.2f}")
        print("slowest steps, in process (cold, nothing stored):")
        print("  all cities:", slowest(cities, tmp / "a", level="city"))
        print("  广东:      ", slowest(cities, tmp / "g", level="city", within="广东"))
    print("load:", Path("/proc/loadavg").read_text().strip() if Path("/proc/loadavg").exists() else "n/a")


if __name__ == "__main__":
    main()
