"""The immutable result of :func:`yindi.index.evaluate`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import Lang
from yindi.index.diagnostics import (
    COORDINATION_GRADES_EN,
    COORDINATION_GRADES_ZH,
    coupling_coordination,
    obstacle_degree,
)
from yindi.index.presets import Preset


def _region_name(code: str, lang: str) -> str:
    from yindi.regions import registry

    try:
        return registry().get(code).name(lang)  # type: ignore[arg-type]
    except Exception:  # a user's own region code that the registry does not know
        return code


@dataclass(frozen=True)
class IndexResult:
    """Composite index of every region-year, with weights, dimension scores and ranks.

    Attributes
    ----------
    preset : Preset
        The index definition used.
    options : dict
        ``weighting``, ``aggregation``, ``scope``, ``normalization``, ``missing`` as run.
    raw : DataFrame
        Index ``(region_code, year)``; one column per preset indicator (derived ratios computed).
    normalized : DataFrame
        Min–max normalised ``raw`` (bounds over all region-years for ``scope="panel"``, per year otherwise);
        larger is better in every column. Used for obstacle degrees and Monte Carlo.
    weights : DataFrame
        Index: indicator; one column ``"panel"`` (scope panel) or one column per year (scope year).
    scores : DataFrame
        Index ``(region_code, year)``; columns ``score``, ``rank`` (1 = best within the year) and one column per
        dimension id.
    actions : tuple of str
        What the missing-value policy and input checks did (empty when nothing was needed).
    """

    preset: Preset
    options: dict[str, Any]
    raw: pd.DataFrame
    normalized: pd.DataFrame
    weights: pd.DataFrame
    scores: pd.DataFrame
    actions: tuple[str, ...] = ()

    # ---- facts -----------------------------------------------------------------------------------------
    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.scores.index.get_level_values("year").unique())

    @property
    def regions(self) -> list[str]:
        return sorted(str(r) for r in self.scores.index.get_level_values("region_code").unique())

    def weight_vector(self, year: int | None = None) -> np.ndarray[Any, np.dtype[np.float64]]:
        """Weights of the preset indicators (the panel set, or the set of ``year`` for scope "year")."""
        col: Any = (
            "panel" if "panel" in self.weights.columns else (year if year is not None else self.years[-1])
        )
        return np.asarray(self.weights[col].to_numpy(dtype=np.float64), dtype=np.float64)

    # ---- tables ----------------------------------------------------------------------------------------
    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema: ``measure`` ``score``, ``rank`` and each dimension's score (its id) per region-year."""
        from yindi.schema import tidy

        wide = self.scores.reset_index()
        long = wide.melt(id_vars=["region_code", "year"], var_name="measure", value_name="value")
        long = long.sort_values(["measure", "year", "region_code"], kind="stable")
        return tidy(long, lang=lang)

    def ranking(self, year: int | None = None, lang: str = "zh") -> pd.DataFrame:
        """One year's table sorted by rank: region, score, rank and dimension scores."""
        y = self.years[-1] if year is None else int(year)
        frame = self.to_frame()
        sub = frame[frame["year"] == y].pivot_table(index="region_code", columns="measure", values="value")
        dims = [d.id for d in self.preset.dimensions]
        sub = sub[["rank", "score", *dims]].sort_values("rank")
        sub["rank"] = sub["rank"].astype(int)
        sub.insert(0, "region", [_region_name(c, lang) for c in sub.index])
        return sub.rename(columns={d.id: d.name(lang) for d in self.preset.dimensions}).reset_index()

    def weight_table(self, lang: str = "zh") -> pd.DataFrame:
        """Indicator weights with their dimension and each dimension's total weight."""
        t = self.preset.table(lang)[["dimension", "indicator", "name", "direction"]]
        out = t.join(self.weights.reset_index(drop=True))
        return out

    def obstacles(self, year: int | None = None, lang: str = "zh") -> pd.DataFrame:
        """Obstacle degree (%, METHODS §3.11) per region and indicator for ``year``, long format.

        Columns: ``region_code, region, year, dimension, indicator, obstacle``; per region the obstacles sum
        to 100 (unless the region is best on every indicator).
        """
        y = self.years[-1] if year is None else int(year)
        R = self.normalized.xs(y, level="year")
        res = obstacle_degree(R.to_numpy(), self.weight_vector(y), self.preset.dimension_index)
        dims = {d.id: d.name(lang) for d in self.preset.dimensions}
        ind_dim = [dims[i.dimension] for i in self.preset.indicators]
        rows = []
        for r, code in enumerate(R.index):
            for j, ind in enumerate(self.preset.indicator_ids):
                rows.append((code, _region_name(code, lang), y, ind_dim[j], ind, float(res.indicator[r, j])))
        return pd.DataFrame(
            rows, columns=["region_code", "region", "year", "dimension", "indicator", "obstacle"]
        )

    def coupling(self, year: int | None = None, lang: str = "zh") -> pd.DataFrame:
        """Coupling-coordination degree between the dimension scores (equal α), one row per region-year."""
        if self.options["normalization"] == "zscore":
            from yindi.errors import ParameterError

            raise ParameterError(
                "coupling() needs dimension scores in [0, 1]; z-score sums are not. Use normalization='minmax'.",
                zh="coupling() 需要 [0, 1] 内的维度得分，z-score 之和不满足。请使用 normalization='minmax'。",
            )
        sub = self.scores if year is None else self.scores.xs(int(year), level="year", drop_level=False)
        dims = [d.id for d in self.preset.dimensions]
        res = coupling_coordination(np.clip(sub[dims].to_numpy(), 0.0, 1.0))
        grades = COORDINATION_GRADES_EN if lang == "en" else COORDINATION_GRADES_ZH
        out = pd.DataFrame(
            {
                "coupling": res.coupling,
                "development": res.development,
                "coordination": res.coordination,
                "grade": [grades[g] for g in res.grade],
            },
            index=sub.index,
        ).reset_index()
        out.insert(1, "region", [_region_name(c, lang) for c in out["region_code"]])
        return out

    # ---- text ------------------------------------------------------------------------------------------
    def summary(self, lang: str = "zh", top: int = 10) -> str:
        """Plain-text summary rendered from :meth:`to_frame` / :meth:`ranking`."""
        o = self.options
        en = lang == "en"
        head = (
            f"{self.preset.name(lang)} — {o['weighting']} + {o['aggregation']}, scope={o['scope']}, "
            f"{len(self.regions)} {'regions' if en else '个地区'}, {self.years[0]}–{self.years[-1]}"
        )
        rank = self.ranking(lang=lang).head(top)
        lines = [head, "", rank.to_string(index=False, float_format=lambda v: f"{v:.3f}")]
        if self.actions:
            lines += ["", *self.actions]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        o = self.options
        head = (
            f"<p><b>{self.preset.name_zh}</b> — {o['weighting']} + {o['aggregation']}, scope={o['scope']}</p>"
        )
        return head + self.ranking().head(10).to_html(index=False, float_format=lambda v: f"{v:.3f}")


def coupling_between(
    *results: IndexResult, alpha: Any = None, lang: str = "zh", names: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """Coupling-coordination degree between the overall scores of two or more index results.

    The results are aligned on ``(region_code, year)`` (only pairs present in all are kept); each score must lie
    in [0, 1] (TOPSIS closeness or min–max weighted sums do). ``alpha`` weights the subsystems in T.
    """
    if len(results) < 2:
        from yindi.errors import ParameterError

        raise ParameterError(
            "coupling_between() needs at least two index results.",
            zh="coupling_between() 至少需要两个指数结果。",
        )
    cols = list(names) if names else [r.preset.id for r in results]
    if len(set(cols)) < len(cols):
        cols = [f"index{k + 1}" for k in range(len(results))]
    joined = pd.concat(
        [r.scores["score"].rename(c) for r, c in zip(results, cols, strict=True)], axis=1, join="inner"
    )
    res = coupling_coordination(np.clip(joined.to_numpy(), 0.0, 1.0), alpha)
    grades = COORDINATION_GRADES_EN if lang == "en" else COORDINATION_GRADES_ZH
    out = joined.assign(
        coupling=res.coupling,
        development=res.development,
        coordination=res.coordination,
        grade=[grades[g] for g in res.grade],
    ).reset_index()
    out.insert(1, "region", [_region_name(c, lang) for c in out["region_code"]])
    return out
