"""Region codes and names of a pack below the province: codes first, every unit's status reported.

A city or county table mixes current units with units the registry does not have as such: municipalities
under their province code (city tables list 北京 as 110000; the registry's city level uses 110100), historical
units (莱芜市 371200, merged into 济南 in 2019), functional zones (苏州工业园区 320571, 开发区 …), grouping rows
(重庆 市辖区 500100) and census rows without a code. :func:`resolve_units` resolves each distinct
``(code, name, parent)`` once — the code first, so 朝阳区 with its code is never "ambiguous" — keeps every row
under its own code, and returns a unit table (:data:`UNIT_COLUMNS`) that says what each unit is. Nothing is
remapped to a successor; a row without a code is keyed ``parent:name`` and reported.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from yindi.data.panel import Repair
from yindi.data.validate import NATIONAL_CODE, NATIONAL_NAMES, RowSource
from yindi.errors import DataValidationError, RegionNotFoundError

if TYPE_CHECKING:
    from yindi.data.panel import Panel
    from yindi.regions.registry import Registry

#: Columns of :attr:`Panel.units <yindi.data.panel.Panel.units>`.
UNIT_COLUMNS: tuple[str, ...] = (
    "region_code",
    "region",
    "level",
    "parent_code",
    "status",
    "note_zh",
    "note_en",
)

#: Status values: ``current`` (a registry unit), ``municipality`` (a province code standing for the city-level
#: unit), ``historical``, ``functional_zone``, ``grouping``, ``uncoded`` (no code in the source), ``national``.
STATUSES: tuple[str, ...] = (
    "current",
    "municipality",
    "historical",
    "functional_zone",
    "grouping",
    "uncoded",
    "national",
)

_FILE_LEVEL = {
    "nation": "nation",
    "province": "province",
    "prefecture": "city",
    "city": "city",
    "county": "county",
}


@dataclass(frozen=True)
class _Unit:
    code: str
    name: str
    level: str
    parent: str
    status: str
    note_zh: str = ""
    note_en: str = ""


def resolve_units(
    codes: pd.Series,
    names: pd.Series,
    src: RowSource,
    *,
    levels: pd.Series | None = None,
    parents: pd.Series | None = None,
    region_fixes: Mapping[str, str] | None = None,
) -> tuple[pd.Series, pd.Series, list[Repair], pd.DataFrame]:
    """Codes and short names of every row, the repairs made, and the unit table.

    Parameters
    ----------
    codes, names : pandas.Series
        The ``region_code`` and ``region`` columns as text (same index).
    src : RowSource
        File and file rows, for messages.
    levels, parents : pandas.Series, optional
        The ``level`` and ``parent_code`` columns of a census-style pack (``nation``/``province``/
        ``prefecture``/``county``). With them, a row without a code whose name is not a unit of the registry is
        kept under the key ``parent:name`` (reported); without them such a row is an error.
    region_fixes : mapping, optional
        Explicit name fixes (name → name), each use reported.

    Returns
    -------
    codes, names : pandas.Series
        The code (as given; ``parent:name`` for an uncoded row) and display name of each row.
    repairs : list of Repair
    units : pandas.DataFrame
        One row per unit, columns :data:`UNIT_COLUMNS`.
    """
    from yindi.regions import registry

    reg = registry()
    fixes = dict(region_fixes or {})
    n = len(codes)
    lv = (
        levels.fillna("").astype(str).str.strip()
        if levels is not None
        else pd.Series([""] * n, index=codes.index)
    )
    pa = (
        parents.fillna("").astype(str).str.strip()
        if parents is not None
        else pd.Series([""] * n, index=codes.index)
    )
    key = pd.DataFrame(
        {
            "code": codes.fillna("").astype(str).str.strip().to_numpy(),
            "name": names.fillna("").astype(str).str.strip().to_numpy(),
            "level": lv.to_numpy(),
            "parent": pa.to_numpy(),
        }
    )
    first = key.drop_duplicates()
    resolved: dict[tuple[str, str, str, str], _Unit] = {}
    repairs: list[Repair] = []
    for i, (code, name, level, parent) in zip(first.index, first.itertuples(index=False), strict=True):
        row = src.row(int(i))
        if not name and not code:
            raise DataValidationError(
                f"{src.file}, row {row}, column 'region': the region is empty. Fill in the region or delete the row.",
                zh=f"{src.file} 第 {row} 行 'region' 列：地区为空。请填写地区或删除该行。",
            )
        given = name
        if name in fixes:
            repairs.append(Repair(src.file, row, "region", "region name fixed as asked", name, fixes[name]))
            name = fixes[name]
        unit = _resolve_one(reg, code, name, level, parent, src, row, census=levels is not None)
        if unit.status == "uncoded" or (not code and unit.status != "national"):
            repairs.append(
                Repair(
                    src.file, row, "region_code", f"no code in the source; {unit.note_en}", given, unit.code
                )
            )
        resolved[(code, given, level, parent)] = unit
    units = [resolved[(c, n, lv_, p)] for c, n, lv_, p in key.itertuples(index=False)]
    out_code = pd.Series([u.code for u in units], index=codes.index)
    out_name = pd.Series([u.name for u in units], index=codes.index)
    table = _unit_table(list(resolved.values()))
    return out_code, out_name, repairs, table


def _resolve_one(
    reg: Registry, code: str, name: str, level: str, parent: str, src: RowSource, row: int, *, census: bool
) -> _Unit:
    from yindi.regions.names import normalise_key, short_name
    from yindi.regions.units import former_names, historical, special_unit

    file_level = _FILE_LEVEL.get(level, "")
    if code == NATIONAL_CODE or (not code and name in NATIONAL_NAMES) or file_level == "nation":
        return _Unit(NATIONAL_CODE, "全国", "nation", "", "national")
    if code in reg:
        region = reg.get(code)
        former = former_names().get(code)
        is_former = former is not None and former[0] == name
        if not (is_former or _name_agrees(reg, code, name) or special_unit(None, name) is not None):
            raise DataValidationError(
                f"{src.file}, row {row}: region_code {code!r} is {region.name_zh} but the region column says "
                f"{name!r}. Correct one of the two (codes are read first).",
                zh=f"{src.file} 第 {row} 行：代码 {code} 是{region.name_zh}，但地区列写的是“{name}”。请修正其一（以代码为准读取）。",
            )
        up = parent or (region.parent or "")
        lvl = file_level or region.level
        if former is not None and is_former:
            return _Unit(code, region.short_zh, lvl, up, "current", former[1], former[2])
        renamed = name and normalise_key(name) not in {
            normalise_key(region.name_zh),
            normalise_key(region.short_zh),
        }
        if renamed and short_name(name, region.level) == region.short_zh:
            return _Unit(
                code, region.short_zh, lvl, up, "current",
                f"源数据名称“{name}”，现名{region.name_zh}", f"named {name} in the source, now {region.name_zh}",
            )  # fmt: skip
        return _Unit(code, region.short_zh, file_level or region.level, up, "current")
    past = historical(code) if code else None
    if past is not None:
        return _Unit(
            code, short_name(name or past.name_zh, past.level), file_level or past.level,
            parent or past.parent, "historical", past.describe("zh"), past.describe("en"),
        )  # fmt: skip
    special = special_unit(code or None, name, parent or None)
    if special is not None:
        key = code or f"{special.parent or parent}:{name}"
        return _Unit(
            key, name, file_level or "county", special.parent or parent, special.kind,
            special.describe("zh"), special.describe("en"),
        )  # fmt: skip
    if not code:
        try:
            region = reg.resolve(name, within=parent or None)
            return _Unit(
                region.adcode, region.short_zh, file_level or region.level, parent or (region.parent or ""),
                "current", f"代码按名称补全为 {region.adcode}", f"code filled from the name as {region.adcode}",
            )  # fmt: skip
        except RegionNotFoundError as exc:
            if not census:
                raise DataValidationError(
                    f"{src.file}, row {row}, column 'region': {exc}",
                    zh=f"{src.file} 第 {row} 行：{exc.zh or exc}",
                ) from None
        return _Unit(
            f"{parent}:{name}", name, file_level or "county", parent, "uncoded",
            f"源数据无代码，以“{parent}:{name}”为键保留", f"kept under the key '{parent}:{name}'",
        )  # fmt: skip
    hint = ""
    with contextlib.suppress(RegionNotFoundError):
        hint = f" The name {name!r} is {reg.resolve(name).adcode} in the registry."
    raise DataValidationError(
        f"{src.file}, row {row}, column 'region_code': unknown adcode {code!r} ({name}); it is neither a current "
        f"unit, a known historical unit nor a functional-zone code.{hint} Check the code (GB/T 2260).",
        zh=f"{src.file} 第 {row} 行 'region_code' 列：未知代码 {code}（{name}），既非现行、历史区划，也非功能区代码。",
    )


def _name_agrees(reg: Registry, code: str, name: str) -> bool:
    """True when ``name`` is one of the names of unit ``code`` (full, short, English, or an alias of it)."""
    from yindi.regions.names import normalise_key

    if not name:
        return True
    from yindi.regions.names import short_name

    region = reg.get(code)
    key = normalise_key(name)
    if short_name(name, region.level) == region.short_zh:
        return True
    if key in {normalise_key(region.name_zh), normalise_key(region.short_zh), normalise_key(region.name_en)}:
        return True
    try:
        return reg.resolve(name, within=code).adcode == code or reg.resolve(name).adcode == code
    except RegionNotFoundError:
        return False


def _unit_table(units: list[_Unit]) -> pd.DataFrame:
    rows: dict[str, _Unit] = {}
    for u in units:
        rows.setdefault(u.code, u)
    frame = pd.DataFrame(
        [(u.code, u.name, u.level, u.parent, u.status, u.note_zh, u.note_en) for u in rows.values()],
        columns=list(UNIT_COLUMNS),
    )
    return frame.sort_values("region_code", kind="stable").reset_index(drop=True)


def mark_municipalities(units: pd.DataFrame) -> pd.DataFrame:
    """In a table of cities (no ``level`` column in the file), municipalities given by their province code are
    the city-level units: mark them ``municipality`` with a note naming the registry's city-level code."""
    from yindi.regions.units import MUNICIPALITY_CITY_CODE

    city_like = units["level"].eq("city").any()
    is_muni = units["region_code"].isin(list(MUNICIPALITY_CITY_CODE)) & units["level"].eq("province")
    if not city_like or not is_muni.any():
        return units
    out = units.copy()
    for i in out.index[is_muni]:
        code = str(out.at[i, "region_code"])
        city = MUNICIPALITY_CITY_CODE[code]
        out.at[i, "level"] = "city"
        out.at[i, "status"] = "municipality"
        out.at[i, "note_zh"] = f"直辖市按省级代码 {code} 列在城市数据中（区划库城市级代码为 {city}）"
        out.at[i, "note_en"] = (
            f"municipality listed under its province code {code} among the cities (the registry's city-level "
            f"code is {city})"
        )
    return out


def panel_units(
    panel: Panel,
    level: str,
    *,
    within: str | None = None,
    statuses: tuple[str, ...] = ("current", "municipality"),
) -> tuple[list[str], pd.DataFrame]:
    """The analysis set of a city or county panel: codes at ``level`` (``"city"``/``"county"``), optionally
    inside ``within`` (a province or city as people write it), and the units left out with the reason.

    Units whose status is not in ``statuses`` (historical units, functional zones, grouping rows, uncoded rows
    by default) are left out and listed — never dropped silently. Returns ``(codes, excluded)`` with
    ``excluded`` columns ``region_code, region, status, reason_zh, reason_en``.
    """
    from yindi.regions import resolve
    from yindi.regions.groupings import city_of, province_of

    units = panel.units
    if units is None:
        raise DataValidationError(
            "panel_units() needs a panel of cities or counties read with load_pack (it has no unit table).",
            zh="panel_units() 需要用 load_pack 读取的城市或县域面板（该面板没有单位表）。",
        )
    at = units[units["level"] == level]
    if within is not None:
        anchor = resolve(within)
        key = province_of if anchor.level == "province" else city_of
        target = anchor.adcode
        if anchor.level == "city":
            from yindi.regions.units import CITY_CODE_MUNICIPALITY

            target = CITY_CODE_MUNICIPALITY.get(target, target)
        inside = [
            key(str(c)) == target or str(p) == anchor.adcode
            for c, p in zip(at["region_code"], at["parent_code"], strict=True)
        ]
        at = at[inside]
    keep = at["status"].isin(statuses)
    left = at[~keep]
    excluded = pd.DataFrame(
        {
            "region_code": left["region_code"].to_numpy(),
            "region": left["region"].to_numpy(),
            "status": left["status"].to_numpy(),
            "reason_zh": [n or s for n, s in zip(left["note_zh"], left["status"], strict=True)],
            "reason_en": [n or s for n, s in zip(left["note_en"], left["status"], strict=True)],
        }
    )
    return at.loc[keep, "region_code"].astype(str).tolist(), excluded
