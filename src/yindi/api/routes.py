"""The API's routes (all GET, read-only). Each route reads the state built at start-up; nothing is computed.

接口路由（均为只读 GET）。
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from yindi.api.state import ApiState
from yindi.api.tables import (
    ResultNotFoundError,
    csv_bytes,
    filter_table,
    node_result,
    page,
    result_table,
    xlsx_bytes,
)
from yindi.errors import RegionNotFoundError
from yindi.report.profile import records

if TYPE_CHECKING:
    import pandas as pd

router = APIRouter(prefix="/api")

LangQ = Query("zh", description="语言 / Language: zh or en.")
NAME = r"^[^/\\]{1,120}$"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _state(request: Request) -> ApiState:
    state: ApiState = request.app.state.yindi
    return state


def _code(state: ApiState, text: str) -> str:
    """An analysed region's adcode from any name or code (404 otherwise)."""
    from yindi.regions import registry

    code = registry().resolve(text).adcode
    if code not in state.codes:
        raise RegionNotFoundError(
            f"{text!r} ({code}) is not among the analysed regions of these results.",
            zh=f"{text!r}（{code}）不在本次结果的分析范围内。",
        )
    return code


@router.get("/study", summary="本次结果的概况 / About the loaded results")
async def study(request: Request) -> dict[str, Any]:
    """Report year, analysed units, data digest, computed/reused/failed nodes and notices."""
    res = _state(request).results
    return {
        "year": res.year,
        "n_regions": len(res.codes),
        "digest": res.digest,
        "lang": _state(request).lang,
        "nodes": [n for n, r in res.results.items() if r is not None],
        "failures": dict(res.failures),
        "reused": list(res.reused),
        "computed": list(res.computed),
        "notices": list(res.notices),
    }


@router.get("/regions", summary="地区列表 / Regions")
async def regions(
    request: Request,
    q: str | None = Query(
        None, max_length=100, description="按中文、英文或拼音搜索 / Search: Chinese, English, pinyin."
    ),
) -> list[dict[str, Any]]:
    """The analysed regions: code, short and full Chinese names, English name, pinyin and initials, level,
    parent. ``q`` keeps those whose names, pinyin or code contain it (case-insensitive)."""
    rows = _state(request).regions
    if not q:
        return rows
    key = q.strip().lower().replace(" ", "")
    fields = ("code", "name_zh", "full_name_zh", "name_en", "pinyin", "initials")
    return [r for r in rows if any(key in str(r[f]).lower().replace(" ", "") for f in fields)]


@router.get("/indicators", summary="指标 / Indicators of the data")
def indicators(request: Request) -> list[dict[str, Any]]:
    """Every indicator of the loaded data: id, names zh/en, unit, direction, source, years with values."""
    state = _state(request)
    out = []
    for layer in state.layers.values():
        if layer.kind != "indicator" or state.panel is None:
            continue
        meta = state.panel.indicators[layer.column]
        out.append(
            {
                "id": meta.id,
                "name_zh": meta.name_zh,
                "name_en": meta.name_en,
                "unit": meta.unit,
                "direction": meta.direction,
                "source": meta.source,
                "years": list(layer.years),
            }
        )
    return out


def _node_doc(name: str, res: Any, failures: dict[str, str]) -> dict[str, Any]:
    if res is None:
        return {
            "node": name,
            "status": "failed" if name in failures else "absent",
            "reason": failures.get(name),
        }
    return {
        "node": name,
        "status": "ok",
        "tables": [
            {"name": t, "rows": len(f), "columns": [str(c) for c in f.columns]} for t, f in res.tables.items()
        ],
        "meta": {k: v for k, v in res.meta.items()},
        "notes": list(res.notes),
    }


@router.get("/results", summary="分析节点列表 / Analysis nodes")
def results(request: Request) -> list[dict[str, Any]]:
    """Every node of the run: status (ok, failed, absent), its tables with row counts and columns."""
    res = _state(request).results
    return [_node_doc(n, r, dict(res.failures)) for n, r in res.results.items()]


@router.get("/results/{node}", summary="一个节点的结果 / One node's result")
def result(request: Request, node: str = Path(..., pattern=NAME)) -> dict[str, Any]:
    """The node's tables (names, sizes, columns), metadata and notes."""
    res = _state(request).results
    return _node_doc(node, node_result(res, node), dict(res.failures))


def _filtered(
    state: ApiState, node: str, table: str, region_code: str | None, year: int | None, measure: str | None
) -> Any:
    frame = result_table(state.results, node, table)
    code = _code(state, region_code) if region_code else None
    return filter_table(frame, region_code=code, year=year, measure=measure)


RegionQ = Query(None, max_length=60, description="地区代码或名称 / Region code or name.")
YearQ = Query(None, ge=1900, le=2200, description="年份 / Year.")
MeasureQ = Query(None, max_length=120, description="度量 / Measure.")


@router.get("/results/{node}/{table}.csv", summary="下载表格（CSV） / Download a table (CSV)")
def table_csv(
    request: Request,
    node: str = Path(..., pattern=NAME),
    table: str = Path(..., pattern=NAME),
    region_code: str | None = RegionQ,
    year: int | None = YearQ,
    measure: str | None = MeasureQ,
) -> Response:
    """The table (filtered) as UTF-8 CSV with BOM; text cells a spreadsheet would run as formulas are
    neutralised."""
    frame = _filtered(_state(request), node, table, region_code, year, measure)
    headers = {"Content-Disposition": f'attachment; filename="{node}-{table}.csv"'}
    return Response(csv_bytes(frame), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/results/{node}/{table}.xlsx", summary="下载表格（Excel） / Download a table (Excel)")
def table_xlsx(
    request: Request,
    node: str = Path(..., pattern=NAME),
    table: str = Path(..., pattern=NAME),
    region_code: str | None = RegionQ,
    year: int | None = YearQ,
    measure: str | None = MeasureQ,
) -> Response:
    """The table (filtered) as an Excel workbook, formula-injection safe."""
    frame = _filtered(_state(request), node, table, region_code, year, measure)
    headers = {"Content-Disposition": f'attachment; filename="{node}-{table}.xlsx"'}
    return Response(xlsx_bytes(frame, table), media_type=XLSX, headers=headers)


@router.get("/results/{node}/{table}", summary="结果表 / A result table")
def result_rows(
    request: Request,
    node: str = Path(..., pattern=NAME),
    table: str = Path(..., pattern=NAME),
    region_code: str | None = RegionQ,
    year: int | None = YearQ,
    measure: str | None = MeasureQ,
    offset: int = Query(0, ge=0, le=10_000_000, description="起始行 / First row."),
    limit: int = Query(1000, ge=1, le=10_000, description="行数上限 / Rows per page."),
) -> dict[str, Any]:
    """Rows of one table (filters: region code or name, year, measure), paginated: ``columns``, ``total``,
    ``offset``, ``limit``, ``next_offset``, ``rows``."""
    frame = _filtered(_state(request), node, table, region_code, year, measure)
    return page(frame, offset, limit)


@router.get("/regions/{code}/profile", summary="地区档案（一地一策） / Region profile")
async def profile(
    request: Request,
    code: str = Path(..., max_length=60, description="地区代码或名称 / Region code or name."),
    lang: Literal["zh", "en"] = LangQ,
) -> Response:
    """Everything stored about one region: index score and rank interval, type, efficiency, strengths and
    obstacles, portfolio, don't list, herding exposure, partners, development and transfer modes. Each part
    has ``status`` (ok, not_computed, failed, no_row) and ``source`` (node and table)."""
    state = _state(request)
    body = state.profile_json(_code(state, code), lang)  # cached bytes: the results never change
    return Response(body, media_type="application/json")


@router.get("/herding", summary="一哄而上预警 / Herding alerts")
def herding(request: Request) -> dict[str, Any]:
    """The herding table of the lay-out node (one row per industry), or ``status = not_computed``."""
    res = _state(request).results
    plan = res.results.get("plan")
    if plan is None or "herding" not in plan.tables:
        why = res.failures.get("plan")
        return {"status": "failed" if why else "not_computed", "reason": why, "rows": []}
    return {
        "status": "ok",
        "source": {"node": "plan", "table": "herding"},
        "rows": records(plan.tables["herding"]),
    }


@router.get("/layers", summary="可上图的指标与结果 / Map layers")
def layers(request: Request) -> list[dict[str, Any]]:
    """Every series that can colour the map: data indicators and numeric result measures/columns."""
    return [layer.as_dict() for layer in _state(request).layers.values()]


def _layer_frame(state: ApiState, layer: str, year: int | None) -> tuple[Any, int | None, pd.DataFrame]:
    """The layer, the year used (default: its latest) and ``region_code, name_zh, name_en, value`` rows."""
    import pandas as pd

    item = state.layers.get(layer)
    if item is None:
        raise ResultNotFoundError(
            f"No map layer {layer!r}; see /api/layers.", zh=f"没有图层 {layer!r}；见 /api/layers。"
        )
    if year is None and item.years:
        year = item.years[-1]
    if item.kind == "indicator" and state.panel is not None:
        f = state.panel.frame
        frame = f[(f["indicator"] == item.column) & (f["year"] == year)][["region_code", "value"]]
    else:
        frame = result_table(state.results, item.node, item.table)
        if item.measure is not None:
            frame = frame[frame["measure"] == item.measure]
        if year is not None and "year" in frame.columns:
            frame = frame[frame["year"] == year]
        frame = frame[["region_code", item.column]].rename(columns={item.column: "value"})
    names = pd.DataFrame(state.regions)[["code", "name_zh", "name_en"]].rename(
        columns={"code": "region_code"}
    )
    frame = frame.assign(region_code=frame["region_code"].astype(str))
    out = frame.merge(names, on="region_code", how="left")[["region_code", "name_zh", "name_en", "value"]]
    return item, year, out


@router.get("/layers/{layer}.csv", summary="下载图层数值（CSV） / Download a map layer (CSV)")
def layer_csv(request: Request, layer: str = Path(..., pattern=NAME), year: int | None = YearQ) -> Response:
    """The values shown on the map, one row per region, as CSV (injection safe)."""
    item, used, frame = _layer_frame(_state(request), layer, year)
    frame = frame.assign(layer=item.id, year=used)
    headers = {"Content-Disposition": f'attachment; filename="layer-{used or "all"}.csv"'}
    return Response(csv_bytes(frame), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/layers/{layer}.xlsx", summary="下载图层数值（Excel） / Download a map layer (Excel)")
def layer_xlsx(request: Request, layer: str = Path(..., pattern=NAME), year: int | None = YearQ) -> Response:
    """The values shown on the map, one row per region, as an Excel workbook (injection safe)."""
    item, used, frame = _layer_frame(_state(request), layer, year)
    frame = frame.assign(layer=item.id, year=used)
    headers = {"Content-Disposition": f'attachment; filename="layer-{used or "all"}.xlsx"'}
    return Response(xlsx_bytes(frame, "layer"), media_type=XLSX, headers=headers)


@router.get("/layers/{layer}", summary="图层数值 / Values of a map layer")
def layer_values(
    request: Request, layer: str = Path(..., pattern=NAME), year: int | None = YearQ
) -> dict[str, Any]:
    """One value per region for ``year`` (default: the latest year of the layer)."""
    item, used, frame = _layer_frame(_state(request), layer, year)
    return {**item.as_dict(), "year": used, "values": records(frame)}


@router.get("/labels", summary="界面用语 / Labels of measures, decisions, roles, alerts, tiers")
def labels() -> dict[str, dict[str, dict[str, str]]]:
    """Chinese and English labels of the ids that appear in results (``{"decision": {"grow": {"zh", "en"}}}``)."""
    from yindi.report import labels as lb

    tables = {
        "measure": lb.MEASURES,
        "decision": lb.DECISIONS,
        "role": lb.ROLES,
        "alert": lb.ALERTS,
        "tier": lb.TIERS,
    }
    return {k: {i: {"zh": zh, "en": en} for i, (zh, en) in t.items()} for k, t in tables.items()}


@router.get("/geometry/{level}", summary="地图几何（SVG 路径） / Map geometry (SVG paths)")
def geometry(request: Request, level: Literal["province", "city", "county"]) -> Response:
    """Pre-projected, simplified SVG paths of every region of ``level`` with the South China Sea inset
    (the report's map layout)."""
    from yindi.api.geometry import geometry_json

    state = _state(request)
    body = state.geometry.get(level)
    if body is None:
        body = geometry_json(level)
        with state.lock:
            state.geometry[level] = body
    return Response(body, media_type="application/json", headers={"Cache-Control": "max-age=3600"})
