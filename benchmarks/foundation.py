"""Foundation benchmarks: CLI start-up, loading the real pack, and the national report.

Run: ``python benchmarks/foundation.py [--data ../shared/data/cn-provinces]``. Each figure is printed next to a
reference measured in the same run (a bare interpreter importing Typer; pandas reading the same CSV without
validation), with the ratio. Targets from issue 2: ``yindi --help`` < 1 s; national report < 30 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _time_cmd(args: list[str], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(
            args, check=True, capture_output=True, cwd=REPO, env={"PYTHONPATH": str(REPO / "src"), "PATH": ""}
        )
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "cn-provinces"))
    args = parser.parse_args()

    help_t = _time_cmd([sys.executable, "-m", "yindi", "--help"])
    base_t = _time_cmd([sys.executable, "-c", "import typer, rich.console"])
    print(
        f"yindi --help            {help_t:6.3f} s   (python + import typer/rich: {base_t:.3f} s; ratio {help_t / base_t:.2f})"
    )

    sys.path.insert(0, str(REPO / "src"))
    import pandas as pd

    from yindi.data import load_pack

    t = time.perf_counter()
    pd.read_csv(Path(args.data) / "panel.csv")
    raw_t = time.perf_counter() - t
    t = time.perf_counter()
    load_pack(args.data)
    pack_t = time.perf_counter() - t
    print(
        f"load_pack (validated)   {pack_t:6.3f} s   (pandas.read_csv alone: {raw_t:.3f} s; ratio {pack_t / raw_t:.1f})"
    )

    from yindi.report.national import build_report
    from yindi.study import Study

    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        result = build_report(Study(data=args.data), out)
        total = time.perf_counter() - t
    print(f"national report         {total:6.2f} s   (target < 30 s)")
    for name, secs in result.timings.items():
        print(f"  {name:<22}{secs:6.2f} s")


if __name__ == "__main__":
    main()
