"""One call for the whole lay-out: evidence → portfolio (with stability) → herding → lists → modes.

一次完成布局分析：证据 → 组合（含稳定性）→ “一哄而上”预警 → “有所为有所不为”清单 → 发展与转化模式。
Compute-ready for the pipeline: panel, sources and resolved options in; an immutable result out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from yindi.data.panel import Panel
from yindi.plan.evidence import Evidence, build_evidence, evidence_paths
from yindi.plan.herding import Herding, herding
from yindi.plan.lists import Lists, do_dont_lists
from yindi.plan.modes import Modes, development_modes
from yindi.plan.portfolio import Portfolio, plan_portfolio

__all__ = ["PlanResults", "compute_plan"]


@dataclass(frozen=True)
class PlanResults:
    """Everything the lay-out layer produces (each part has ``to_frame()``)."""

    evidence: Evidence
    portfolio: Portfolio
    herding: Herding
    lists: Lists
    modes: Modes

    def notes(self, lang: str = "en") -> tuple[str, ...]:
        """Caveats, years, attribution and every missing piece of evidence, in words, in ``lang``.

        The development-mode notes are in the language the plan was computed in (``compute_plan(lang=)``).
        """
        m = self.evidence.missing
        zh = lang == "zh"
        reasons = m["reason_zh"] if zh and "reason_zh" in m.columns else m["reason"]
        sources = m["source"].map(_SOURCE_ZH).fillna(m["source"]) if zh else m["source"]
        head = "缺少证据 — " if zh else "missing evidence — "
        missing = [
            f"{head}{src}{' ' + _named(str(code), lang) if code else ''}{'：' if zh else ': '}{reason}"
            for src, code, reason in zip(sources, m["region_code"], reasons, strict=True)
        ]
        origin = _ORIGIN_ZH.get(self.herding.origin, self.herding.origin)
        return (
            *self.evidence.notes_in(lang),
            *missing,
            *self.modes.notes,
            f"扎堆预警的目标产业来自{origin}" if zh else f"herding targets from {self.herding.origin}",
        )


def _named(code: str, lang: str) -> str:
    """``西藏 (540000)``: the region's name beside its code (:func:`yindi.schema.region_labels`)."""
    from yindi.schema import region_labels

    names, _ = region_labels([code], "en" if lang == "en" else "zh")
    return f"{names[0]} ({code})" if names[0] != code else code


#: Chinese names of the evidence sources and of the origins of herding targets, for the notes.
_SOURCE_ZH = {"electricity": "用电", "firms": "上市公司", "census": "普查", "panel": "面板"}
_ORIGIN_ZH = {"recommendations": "布局建议", "ambitions": "各地规划"}


def compute_plan(
    panel: Panel,
    *,
    data_dir: str | Path | None = None,
    electricity: Any = None,
    firms: Any = None,
    census: Any = None,
    year: int | None = None,
    options: Mapping[str, Any] | None = None,
    ambitions: str | Path | pd.DataFrame | None = None,
    growth: pd.DataFrame | None = None,
    malmquist: pd.DataFrame | None = None,
    lang: str = "zh",
) -> PlanResults:
    """Run the lay-out layer.

    Parameters
    ----------
    panel : Panel
        Provincial panel (national total and other regions are left out: the mainland provinces are used).
    data_dir : path, optional
        The provincial pack folder; ``electricity``, ``firms`` and ``census`` default to the files beside it
        (``sector_electricity.csv``, ``../cn-firms/listed_firms.csv``, ``../cn-counties/census2020.csv.gz``)
        when they exist; a missing file is reported as missing evidence.
    electricity, firms, census : optional
        Tables or paths (override ``data_dir``).
    year : int, optional
    options : mapping, optional
        ``plan`` options.
    ambitions : path or DataFrame, optional
        Declared targets for the herding alerts; default: Yindi's own recommendations.
    growth, malmquist : DataFrame, optional
        Productivity results for the development mode.
    """
    from yindi._typing import LANGS
    from yindi.errors import check_option

    check_option("lang", lang, LANGS, where="compute_plan()")
    paths = evidence_paths(data_dir)
    electricity = electricity if electricity is not None else paths.get("electricity")
    firms = firms if firms is not None else paths.get("firms")
    census = census if census is not None else paths.get("census")
    prov = panel.mainland()
    ev = build_evidence(prov, electricity=electricity, firms=firms, census=census, year=year, options=options)
    pf = plan_portfolio(ev)
    hd = herding(pf, ambitions, lang=lang)
    md = development_modes(pf, growth=growth, malmquist=malmquist, lang=lang)  # renders the whole table once
    ls = do_dont_lists(pf, hd, lang=lang)  # takes its rows from it
    return PlanResults(evidence=ev, portfolio=pf, herding=hd, lists=ls, modes=md)
