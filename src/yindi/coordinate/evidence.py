"""The plan layer's capability evidence for the pairing: region × industry capability in [0, 1].

产业能力证据（来自布局层）：供配对的“产业基础匹配”分项使用。
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from yindi.data.panel import Panel


def pack_capability(
    panel: Panel, pack_dir: str | Path, year: int | None = None
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """``Evidence.capability`` of :func:`yindi.plan.evidence.build_evidence` for a provincial pack folder, with
    the sibling packs found beside it (``sector_electricity.csv``, ``../cn-firms``, ``../cn-counties``); returns
    the matrix (index adcodes, columns taxonomy ids) and the evidence notes. Missing packs are missing evidence
    (reported by the plan layer), not errors."""
    from yindi.errors import DataRepairWarning
    from yindi.plan.evidence import build_evidence, evidence_paths

    paths = evidence_paths(pack_dir)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataRepairWarning)  # the plan layer reports its exclusions in notes
        ev = build_evidence(
            panel,
            electricity=paths.get("electricity"),
            firms=paths.get("firms"),
            census=paths.get("census"),
            year=year,
        )
    return ev.capability, tuple(ev.notes)
