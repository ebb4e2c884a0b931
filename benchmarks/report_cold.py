"""Cold national report: total time and the three start-up costs removed in issue 9, side by side.

Each measurement runs in a fresh Python process (cold imports and caches), with ``src`` first on the path:

1. province geometry for the maps: one GeoJSON file per region (``geometry(code)``, what the report did) vs the
   per-level WKB cache (``level_geometries``, what it does now);
2. the region registry: building every unit's pinyin name up front (as before) vs lazily;
3. the tail probabilities: importing ``scipy.stats`` vs ``scipy.special`` (after NumPy and ``scipy.optimize``,
   which the report needs anyway);
4. the whole cold ``yindi report`` on the real provincial pack (needs /work/shared/data or ``YINDI_DATA``), each run
   in a fresh process with a new, empty workspace (``YINDI_WORKSPACE``); the user cache of map geometry
   (``~/.cache/yindi``) is warm, as on any machine that has drawn a map once.

Run: ``python benchmarks/report_cold.py [--repeat 3] [--before-src DIR] [--one-process] [--sections maps index …]``.
``--one-process`` also times every run with ``YINDI_WORKERS=1`` (no forked workers) and compares the reports. Prints the best of ``repeat`` runs and
ratios. With ``--before-src`` (the ``src`` folder of an older checkout, e.g. ``git archive ea8b0e7 src | tar -x
-C /tmp/before``) the cold report of that version is timed in the same run, alternating with this one, and the
two reports are compared (HTML apart from the generation time, every workbook sheet).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("YINDI_DATA", "/work/shared/data")) / "cn-provinces"

TIMED = """
import time
{setup}
t0 = time.perf_counter()
{body}
print(time.perf_counter() - t0)
"""

CASES: dict[str, tuple[str, str, str]] = {
    # name: (setup, before, after); the setup is not timed
    "province geometry": (
        "from yindi.regions import registry\nfrom yindi.regions import geometry as g\n"
        "codes = [r.adcode for r in registry().at_level('province', mainland=False)]\n"
        "g.level_geometries('province'); g.level_geometries.cache_clear()  # make sure the WKB cache exists",
        "[g.geometry(c) for c in codes]",
        "g.level_geometries('province')",
    ),
    "region registry": (
        "import yindi.regions.registry as R\nfrom yindi.regions.registry import registry",
        "reg = registry(); [r.name_en for r in reg]",
        "reg = registry()",
    ),
    "tail-probability import": (
        "import numpy, scipy.optimize",
        "import scipy.stats",
        "import scipy.special",
    ),
}


def _run(code: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


SECTIONS: list[str] = []  # --sections: only these (e.g. the seven the issue measured)


def _report_seconds(src: Path = ROOT / "src", keep: Path | None = None, workers: str | None = None) -> float:
    """One cold ``yindi report`` in a fresh process, into an empty workspace of its own (``keep``: copy the
    report there for comparison; ``workers``: ``YINDI_WORKERS`` for this run)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        env = {**os.environ, "PYTHONPATH": str(src), "YINDI_WORKSPACE": str(Path(tmp) / "ws.duckdb")}
        env.pop("YINDI_WORKERS", None)
        if workers is not None:
            env["YINDI_WORKERS"] = workers
        chosen = [arg for name in SECTIONS for arg in ("-s", name)]
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "yindi", "report", "--data", str(DATA), "--out", str(out), *chosen],
            env=env,
            capture_output=True,
            check=True,
        )
        seconds = time.perf_counter() - t0
        if keep is not None and not keep.exists():
            shutil.copytree(out, keep)
        return seconds


def same_report(a: Path, b: Path) -> list[str]:
    """Differences between two reports: the HTML apart from its generation time, and every workbook sheet
    (read back with pandas, compared with ``assert_frame_equal``)."""
    import re

    import pandas as pd

    def body(p: Path) -> str:
        return re.sub(r'<span id="generated">.*?</span>', "", (p / "report.html").read_text(encoding="utf-8"))

    problems = [] if body(a) == body(b) else ["report.html"]
    sa = pd.read_excel(a / "report.xlsx", sheet_name=None)
    sb = pd.read_excel(b / "report.xlsx", sheet_name=None)
    if list(sa) != list(sb):
        problems.append(f"sheet names: {list(sa)} vs {list(sb)}")
    for name in set(sa) & set(sb):
        try:
            pd.testing.assert_frame_equal(sa[name], sb[name])
        except AssertionError:
            problems.append(f"sheet {name}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-report", action="store_true", help="skip the whole-report timing")
    parser.add_argument("--before-src", type=Path, help="src folder of an older version to time side by side")
    parser.add_argument("--sections", nargs="+", default=[], help="only these sections (default: all)")
    parser.add_argument(
        "--one-process",
        action="store_true",
        help="also time YINDI_WORKERS=1 (no forked workers) side by side",
    )
    args = parser.parse_args()
    SECTIONS.extend(args.sections)
    print(f"{'step':<26}{'before':>10}{'after':>10}{'saved':>10}{'ratio':>8}")
    for name, (setup, before, after) in CASES.items():
        b = min(_run(TIMED.format(setup=setup, body=before)) for _ in range(args.repeat))
        a = min(_run(TIMED.format(setup=setup, body=after)) for _ in range(args.repeat))
        ratio = f"{b / a:>7.1f}×" if a > 1e-3 else "      —"  # scipy.special is already loaded
        print(f"{name:<26}{b:>9.3f}s{a:>9.3f}s{b - a:>9.3f}s{ratio}")
    if not args.no_report:
        if not DATA.is_dir():
            print(f"cold report: skipped ({DATA} not found)")
            return
        now: list[float] = []
        before: list[float] = []
        single: list[float] = []
        keep = Path(tempfile.mkdtemp())
        for _ in range(args.repeat):  # alternate, so that load from other jobs hits both alike
            if args.before_src is not None:
                before.append(_report_seconds(args.before_src, keep / "before"))
            if args.one_process:
                single.append(_report_seconds(keep=keep / "single", workers="1"))
            now.append(_report_seconds(keep=keep / "after"))
        if single:
            s1, a = min(single), min(now)
            print(
                f"{'cold report, 1 process':<26}{s1:>9.2f}s{a:>9.2f}s{s1 - a:>9.2f}s{s1 / a:>7.1f}×   (YINDI_WORKERS=1 vs default)"
            )
            problems = same_report(keep / "single", keep / "after")
            print("same report with and without workers:", problems or "yes")
        if before:
            b, a = min(before), min(now)
            print(
                f"{'cold report (total)':<26}{b:>9.2f}s{a:>9.2f}s{b - a:>9.2f}s{b / a:>7.1f}×   target ≤ 4 s"
            )
            problems = same_report(keep / "before", keep / "after")
            print("same report before/after (HTML minus generation time, every sheet):", problems or "yes")
        else:
            print(f"{'cold report (total)':<26}{'':>10}{min(now):>9.2f}s   target ≤ 4 s")
        shutil.rmtree(keep, ignore_errors=True)


if __name__ == "__main__":
    main()
