"""Everything stored about one region, assembled from the pipeline's tables (read only, nothing computed).

一地一策：从已存储的分析结果中汇集某一地区的全部信息（指数与排名区间、类型、效率、优势与障碍、产业组合、
“不为”清单、一哄而上风险、协同伙伴、发展与转化模式）。只读取、筛选和排序结果表，不做任何计算。

The HTTP API (``/api/regions/{code}/profile``), the dashboard and the per-region report all read this one
structure, so the three show the same numbers. Every part names the node and table its rows come from
(``source``), so each number can be traced to a sheet of the Excel twin, and says whether it was computed:

- ``status = "ok"``: rows found;
- ``"not_computed"``: the node did not run (or is not wired into the pipeline yet);
- ``"failed"``: the node ran and raised a user-facing error (``reason`` gives it);
- ``"no_row"``: the node ran but has no row for this region.

Expected tables of the lay-out and coordination nodes (see docs/api.md): node ``plan`` — ``portfolio``
(``region_code, region, tier, industry_id, industry, decision, score, reasons`` …), ``lists`` (``list`` =
``do``/``dont``), ``herding`` (one row per industry: ``industry_id, level, targets, capable`` …), ``modes`` (one row
per region: ``driver`` …), ``transfer`` (``industry_id, transfer_mode`` …); node ``coordinate`` — ``roles`` (one row
per region: ``role`` …) and ``pairs`` (``source_code, source, carrier_code, carrier, industry_id, score, reasons``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import pandas as pd

from yindi._typing import Lang

#: Decisions of the portfolio (what to build), in display order; ``avoid`` goes to the don't list.
BUILD_DECISIONS: tuple[str, ...] = ("upgrade", "grow", "preposition", "apply")
#: Herding alert levels that count as an exposure (the plan's level names: none, watch, high).
ALERT_LEVELS: tuple[str, ...] = ("high", "watch")
#: How many strengths/obstacles and partners the summary lists.
TOP_N = 5


class NodeLike(Protocol):
    """What the profile reads of a node result (:class:`yindi.study.result.NodeResult`)."""

    @property
    def tables(self) -> Mapping[str, pd.DataFrame]: ...

    @property
    def meta(self) -> Mapping[str, Any]: ...


class ResultsLike(Protocol):
    """What the profile reads of a run (:class:`yindi.study.result.StudyResults`)."""

    @property
    def results(self) -> Mapping[str, Any]: ...

    @property
    def failures(self) -> Mapping[str, str]: ...


def jsonable(value: Any) -> Any:
    """A cell as JSON: NaN/NA → ``None``, NumPy scalars → Python scalars."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of ``frame`` as JSON-able dicts (column names as text)."""
    cols = [str(c) for c in frame.columns]
    return [
        {c: jsonable(v) for c, v in zip(cols, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


class _Reader:
    """Finds a node's table and this region's rows in it, recording where each part came from."""

    def __init__(self, results: ResultsLike, code: str) -> None:
        self.results = results
        self.code = code

    def table(self, node: str, name: str) -> tuple[pd.DataFrame | None, dict[str, Any]]:
        res = self.results.results.get(node)
        src = {"node": node, "table": name}
        if res is None:
            why = self.results.failures.get(node)
            if why:
                return None, {"status": "failed", "reason": why, "source": src}
            return None, {"status": "not_computed", "source": src}
        frame = res.tables.get(name)
        if frame is None:
            return None, {"status": "not_computed", "source": src}
        return frame, {"status": "ok", "source": src}

    def rows(
        self, node: str, name: str, column: str = "region_code"
    ) -> tuple[pd.DataFrame | None, dict[str, Any]]:
        frame, part = self.table(node, name)
        if frame is None:
            return None, part
        if column not in frame.columns:
            return None, {**part, "status": "no_row"}
        sub = frame[frame[column].astype(str) == self.code]
        if sub.empty:
            return None, {**part, "status": "no_row"}
        return sub, part


def _sorted(frame: pd.DataFrame, column: str, ascending: bool) -> pd.DataFrame:
    if column not in frame.columns:
        return frame
    return frame.sort_values(column, ascending=ascending, kind="stable", na_position="last")


def _index_part(rd: _Reader) -> dict[str, Any]:
    row, part = rd.rows("index", "ranking")
    if row is None:
        return part
    res = rd.results.results["index"]
    out = {**part, "year": jsonable(res.meta.get("year")), "of": jsonable(res.meta.get("n_regions"))}
    first = records(row.head(1))[0]
    out["rank"] = first.get("rank")
    out["score"] = first.get("score")
    dims = [str(d) for d in res.meta.get("dimensions", [])]
    out["dimensions"] = [{"name": d, "score": first.get(d)} for d in dims if d in first]
    iv, ipart = rd.rows("index", "intervals")
    if iv is not None:
        r = records(iv.head(1))[0]
        out["interval"] = {k: r.get(k) for k in ("rank_low", "rank_median", "rank_high", "top5_share")}
        out["interval_source"] = ipart["source"]
    cp, cpart = rd.rows("index", "coupling")
    if cp is not None:
        r = records(cp.head(1))[0]
        out["coupling"] = {k: r.get(k) for k in ("coupling", "coordination", "grade")}
        out["coupling_source"] = cpart["source"]
    return out


def _obstacles_part(rd: _Reader) -> dict[str, Any]:
    rows, part = rd.rows("index", "obstacles")
    if rows is None:
        return part
    if "year" in rows.columns and rows["year"].notna().any():
        rows = rows[rows["year"] == rows["year"].max()]
    weights, _ = rd.table("index", "weights")  # the preset's indicator names (the obstacles table has ids)
    if weights is not None and {"indicator", "name"} <= set(weights.columns) and "name" not in rows.columns:
        names = dict(zip(weights["indicator"].astype(str), weights["name"].astype(str), strict=False))
        rows = rows.assign(name=[names.get(str(i), str(i)) for i in rows["indicator"]])
    keep = [c for c in ("dimension", "indicator", "name", "obstacle", "year") if c in rows.columns]
    ranked = _sorted(rows, "obstacle", ascending=False)[keep]
    return {
        **part,
        "obstacles": records(ranked.head(TOP_N)),
        "strengths": records(ranked.iloc[::-1].head(TOP_N)),
    }


def _type_part(rd: _Reader) -> dict[str, Any]:
    row, part = rd.rows("typology", "types")
    if row is None:
        return part
    r = records(row.head(1))[0]
    out = {
        **part,
        **{k: r.get(k) for k in ("type", "rule", "note", "year", "rd_intensity", "gdp_per_capita")},
    }
    cl, _ = rd.rows("typology", "clusters")
    if cl is not None:
        out["cluster"] = records(cl.head(1))[0].get("cluster")
    return out


def _efficiency_part(rd: _Reader) -> dict[str, Any]:
    found: list[dict[str, Any]] = []
    first: dict[str, Any] | None = None
    for name in ("efficiency", "cumulative", "green_sbm"):
        rows, part = rd.rows("productivity", name)
        first = first or part
        if rows is not None and {"measure", "value"} <= set(rows.columns):
            keep = [c for c in ("year", "measure", "value") if c in rows.columns]
            found += [{**r, "table": name} for r in records(rows[keep])]
    if not found:
        return first or {}
    return {"status": "ok", "source": {"node": "productivity", "table": "efficiency"}, "measures": found}


def _plan_parts(rd: _Reader) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    pf, part = rd.rows("plan", "portfolio")
    if pf is None:
        out["portfolio"] = part
        out["dont"] = dict(part)
        targets: set[str] = set()
    else:
        build = pf[pf["decision"].isin(BUILD_DECISIONS)] if "decision" in pf.columns else pf
        order = {d: i for i, d in enumerate(BUILD_DECISIONS)}
        # the best of each decision first, then the second best of each …: a short summary shows a mix of
        # upgrade / grow / pre-position / apply, not only the first decision's list
        build = build.sort_values("score", ascending=False, kind="stable")
        build = build.assign(
            _o=build["decision"].map(order), _r=build.groupby("decision", sort=False).cumcount()
        ).sort_values(["_r", "_o"], kind="stable")
        out["portfolio"] = {**part, "rows": records(build.drop(columns=["_o", "_r"]))}
        targets = {str(i) for i in build.get("industry_id", pd.Series(dtype=str))}
        lists, lpart = rd.rows("plan", "lists")
        if lists is not None and "list" in lists.columns:
            dont = lists[lists["list"] == "dont"]
            dont = _sorted(dont, "rank", ascending=True)
            out["dont"] = {**lpart, "rows": records(dont)}
        else:
            avoid = pf[pf["decision"] == "avoid"] if "decision" in pf.columns else pf.iloc[:0]
            out["dont"] = {**part, "rows": records(_sorted(avoid, "score", ascending=True))}
    hd, hpart = rd.table("plan", "herding")
    if hd is None:
        out["herding"] = hpart
    else:
        exposed = hd[hd["industry_id"].astype(str).isin(targets)] if "industry_id" in hd.columns else hd
        if "level" in exposed.columns:
            exposed = exposed[exposed["level"].isin(ALERT_LEVELS)]
        out["herding"] = {**hpart, "rows": records(exposed)}
    md, mpart = rd.rows("plan", "mode_regions")  # the plan node: mode_regions = Modes.regions
    out["modes"] = mpart if md is None else {**mpart, **records(md.head(1))[0]}
    tr, tpart = rd.rows(
        "plan", "modes"
    )  # the plan node: modes = Modes.industries (transfer mode per industry)
    out["transfer"] = tpart if tr is None else {**tpart, "rows": records(tr)}
    return out


def _coordinate_parts(rd: _Reader, lang: Lang) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    role, rpart = rd.rows("coordinate", "roles")
    if role is None:
        out["role"] = rpart
    else:
        r = records(role.head(1))[0]
        reason = r.get("reason") or r.get("reason_en" if lang == "en" else "reason_zh") or r.get("reasons")
        out["role"] = {**rpart, "role": r.get("role"), "reason": reason}
    pairs, ppart = rd.table("coordinate", "pairs")
    if pairs is None:
        out["partners"] = ppart
        return out
    need = {"source_code", "carrier_code"}
    if not need <= set(pairs.columns):
        out["partners"] = {**ppart, "status": "no_row"}
        return out
    mine = pairs[
        (pairs["source_code"].astype(str) == rd.code) | (pairs["carrier_code"].astype(str) == rd.code)
    ]
    if mine.empty:
        out["partners"] = {**ppart, "status": "no_row"}
        return out
    mine = _sorted(mine, "score", ascending=False)
    rows = []
    for r in records(mine):
        as_source = str(r.get("source_code")) == rd.code
        r["partner_code"] = r.get("carrier_code") if as_source else r.get("source_code")
        r["partner"] = r.get("carrier") if as_source else r.get("source")
        r["as"] = "source" if as_source else "carrier"
        r["reason"] = (
            r.get("reason") or r.get("reason_en" if lang == "en" else "reason_zh") or r.get("reasons")
        )
        rows.append(r)
    out["partners"] = {**ppart, "rows": rows}
    return out


def region_profile(results: ResultsLike, code: str, lang: Lang = "zh") -> dict[str, Any]:
    """The profile of region ``code`` (an adcode in the analysis set).

    Parameters
    ----------
    results : StudyResults
        A pipeline run (computed or read back from the store).
    code : str
        Six-digit adcode.
    lang : {"zh", "en"}
        Language of the region's names and of reasons where a table has both.

    Returns
    -------
    dict
        JSON-able: ``region`` (code, names, level, parent), ``index``, ``obstacles`` (with ``strengths``),
        ``type``, ``efficiency``, ``portfolio``, ``dont``, ``herding``, ``modes``, ``transfer``, ``role``,
        ``partners``; each part has ``status`` and ``source`` (node and table).
    """
    from yindi.regions import registry

    reg = registry().get(code)
    rd = _Reader(results, code)
    out: dict[str, Any] = {
        "region": {
            "code": reg.adcode,
            "name": reg.name(lang),
            "name_zh": reg.short_zh,
            "name_en": reg.name_en,
            "level": reg.level,
            "parent": reg.parent,
        },
        "index": _index_part(rd),
        "obstacles": _obstacles_part(rd),
        "type": _type_part(rd),
        "efficiency": _efficiency_part(rd),
    }
    out.update(_plan_parts(rd))
    out.update(_coordinate_parts(rd, lang))
    return out


def computed_parts(profile: Mapping[str, Any]) -> Sequence[str]:
    """Names of the parts of ``profile`` whose status is ``ok``."""
    return [k for k, v in profile.items() if isinstance(v, Mapping) and v.get("status") == "ok"]
