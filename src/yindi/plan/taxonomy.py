"""The three-tier industry taxonomy of the lay-out layer, shipped as versioned bilingual data.

三层产业分类（传统产业 / 战略性新兴产业 / 未来产业），以带版本号的中英文数据文件发布。

``yindi/plan/data/taxonomy.csv`` has one row per industry:

- ``traditional``: the 41 GB/T 4754-2017 divisions of mining (06–12), manufacturing (13–43) and utilities
  (44–46), each with source 003's tier (``level_003``: primary/low/mid/high, note ①) and whether it is one of
  NBS's six energy-intensive industries (``energy_intensive``);
- ``emerging``: the 9 sectors of the NBS Strategic Emerging Industries Classification (2018), the 8 fields of
  source 001 §2.2 (merged where they coincide; 民用航空 and 船舶与海洋工程装备 as children of 高端装备), and
  commonly named emerging industries (集成电路, 人工智能, 算力, 低空经济, 商业航天 …);
- ``future``: the six directions of the MIIT 2024 opinion (工信部联科〔2024〕12号), the 9 directions of source 001
  §2.2 and the six of the 15th Five-Year Plan proposal (量子科技, 生物制造, 氢能和核聚变能, 脑机接口, 具身智能,
  第六代移动通信).

``gbt4754`` lists GB/T 4754-2017 codes written from the standard (2-, 3- or 4-digit); ``gbt_tag`` points an NBS
sector to its classes in the shared taxonomy pack's tags file (a third party's transcription, read at run time
by :func:`emerging_classes`, never copied here). ``base`` lists the industries whose capability evidence an
industry without its own statistics borrows; ``enabling`` marks technologies a region can *apply* without
building their core industry (source 000's chip example); ``maturity`` drives the transfer mode (source 003 §3.2).
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from io import StringIO
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from yindi.errors import DataFormatError, MissingDataError, YindiError

__all__ = [
    "TAXONOMY_VERSION",
    "TIERS",
    "Industry",
    "IndustryNotFoundError",
    "Taxonomy",
    "emerging_classes",
    "load_taxonomy",
]

Tier = Literal["traditional", "emerging", "future"]
TIERS: tuple[Tier, ...] = ("traditional", "emerging", "future")
#: Chinese and English tier names.
TIER_NAMES: dict[str, tuple[str, str]] = {
    "traditional": ("传统产业", "traditional industry"),
    "emerging": ("战略性新兴产业", "strategic emerging industry"),
    "future": ("未来产业", "future industry"),
}
#: Version of the shipped data files (bump when a row changes; results record it).
TAXONOMY_VERSION = "2026.11-2"

COLUMNS = (
    "industry_id",
    "tier",
    "name_zh",
    "name_en",
    "parent_id",
    "gbt4754",
    "gbt_tag",
    "level_003",
    "energy_intensive",
    "maturity",
    "enabling",
    "base",
    "endowment",
    "aliases_zh",
    "sources",
)
_SUFFIXES = ("产业集群", "产业", "行业", "制造业", "业", "领域", "赛道")


class IndustryNotFoundError(YindiError, LookupError, ValueError):
    """A free industry name matches no industry of the taxonomy."""


def _split(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in str(text).split(";") if s.strip())


def normalise(name: str) -> str:
    """NFKC (full-width → half-width), lower case, no spaces or quotes: the key free names are matched on."""
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    for ch in " \t\u3000\"'“”‘’《》「」":
        text = text.replace(ch, "")
    return text


@dataclass(frozen=True)
class Industry:
    """One industry of the taxonomy (see the module docstring for the fields)."""

    industry_id: str
    tier: Tier
    name_zh: str
    name_en: str
    parent_id: str
    gbt4754: tuple[str, ...]
    gbt_tag: str
    level_003: str
    energy_intensive: bool
    maturity: str
    enabling: bool
    base: tuple[str, ...]
    endowment: str
    aliases_zh: tuple[str, ...]
    sources: tuple[str, ...]

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh


@dataclass(frozen=True)
class Taxonomy:
    """The taxonomy: ``frame`` (one row per industry, columns :data:`COLUMNS`) and lookups.

    Attributes
    ----------
    frame : DataFrame
        The data file as read (text columns; lists are ``;``-separated).
    version : str
        :data:`TAXONOMY_VERSION`.
    """

    frame: pd.DataFrame
    version: str
    industries: dict[str, Industry] = field(repr=False)
    _terms: dict[str, str] = field(repr=False)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.industries)

    def __getitem__(self, industry_id: str) -> Industry:
        try:
            return self.industries[industry_id]
        except KeyError:
            raise IndustryNotFoundError(
                f"{industry_id!r} is not an industry id of taxonomy {self.version}.",
                zh=f"{industry_id!r} 不是产业分类 {self.version} 中的产业编号。",
            ) from None

    def tier_ids(self, tier: str) -> tuple[str, ...]:
        return tuple(k for k, v in self.industries.items() if v.tier == tier)

    def terms(self) -> dict[str, str]:
        """Every surface form (Chinese name, alias, English name, id) → ``industry_id`` (for a word segmenter)."""
        return dict(self._terms)

    def resolve(self, name: str) -> Industry:
        """The industry a free name means ("人工智能", "新能源车", "芯片", "算力", "gbt39", "Quantum technology").

        Matching: exact surface form after :func:`normalise`; then the form without a generic suffix
        (产业, 行业, 业 …); then a unique surface form contained in the name or containing it. Otherwise
        :class:`IndustryNotFoundError` naming the closest candidates.
        """
        key = normalise(name)
        if not key:
            raise IndustryNotFoundError("An industry name is empty.", zh="产业名称为空。")
        hit = self._terms.get(key)
        if hit is None:
            for suffix in _SUFFIXES:
                if key.endswith(suffix) and len(key) > len(suffix) + 1:
                    hit = self._terms.get(key[: -len(suffix)])
                    if hit is not None:
                        break
        if hit is None and len(key) >= 2:
            inside = {v for k, v in self._terms.items() if len(k) >= 2 and (k in key or key in k)}
            if len(inside) == 1:
                hit = inside.pop()
        if hit is not None:
            return self.industries[hit]
        near = difflib.get_close_matches(key, list(self._terms), n=5, cutoff=0.3)
        shown = ", ".join(f"{k} ({self._terms[k]})" for k in near) or "(none)"
        raise IndustryNotFoundError(
            f"No industry of taxonomy {self.version} is called {name!r}. Closest: {shown}. "
            "Use a name or id from `yindi.plan.load_taxonomy().frame`.",
            zh=f"产业分类 {self.version} 中没有名为 {name!r} 的产业。最接近的：{shown}。"
            "请使用 yindi.plan.load_taxonomy().frame 中的名称或编号。",
        )


def _read(name: str) -> pd.DataFrame:
    text = resources.files("yindi.plan").joinpath("data", name).read_text(encoding="utf-8")
    return pd.read_csv(StringIO(text), dtype=str, keep_default_na=False)


def _records(frame: pd.DataFrame) -> list[dict[str, str]]:
    """The rows of a text frame as plain dicts (column → cell), without a pandas Series a row."""
    columns = [str(c) for c in frame.columns]
    cells = [frame[c].tolist() for c in frame.columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*cells, strict=True)]


def _industry(row: Mapping[str, Any]) -> Industry:
    return Industry(
        industry_id=row["industry_id"],
        tier=row["tier"],
        name_zh=row["name_zh"],
        name_en=row["name_en"],
        parent_id=row["parent_id"],
        gbt4754=_split(row["gbt4754"]),
        gbt_tag=row["gbt_tag"],
        level_003=row["level_003"],
        energy_intensive=row["energy_intensive"] == "true",
        maturity=row["maturity"],
        enabling=row["enabling"] == "true",
        base=_split(row["base"]),
        endowment=row["endowment"],
        aliases_zh=_split(row["aliases_zh"]),
        sources=_split(row["sources"]),
    )


@cache
def load_taxonomy() -> Taxonomy:
    """The shipped taxonomy (read once, cached). Raises :class:`DataFormatError` if the file is inconsistent."""
    frame = _read("taxonomy.csv")
    if tuple(frame.columns) != COLUMNS:
        raise DataFormatError(
            f"taxonomy.csv: columns {list(frame.columns)}, expected {list(COLUMNS)}.",
            zh=f"taxonomy.csv：列为 {list(frame.columns)}，应为 {list(COLUMNS)}。",
        )
    industries = {str(r["industry_id"]): _industry(r) for r in _records(frame)}
    terms: dict[str, str] = {}
    for ind in industries.values():
        forms = (ind.industry_id, ind.name_zh, ind.name_en, *ind.aliases_zh)
        for form in forms:
            key = normalise(form)
            if terms.get(key, ind.industry_id) != ind.industry_id:
                raise DataFormatError(
                    f"taxonomy.csv: the name {form!r} is used by {terms[key]!r} and {ind.industry_id!r}.",
                    zh=f"taxonomy.csv：名称 {form!r} 同时被 {terms[key]!r} 和 {ind.industry_id!r} 使用。",
                )
            terms[key] = ind.industry_id
    return Taxonomy(frame=frame, version=TAXONOMY_VERSION, industries=industries, _terms=terms)


def emerging_classes(data_root: str | Path) -> pd.DataFrame:
    """The 4-digit GB/T 4754-2017 classes of each NBS strategic-emerging sector, read at run time.

    Reads ``<data_root>/taxonomy/gbt4754_2017_tags.csv`` (a third party's transcription of the NBS 2018
    classification, not checked against the official table — see that pack's README) and returns columns
    ``industry_id, code, name_zh, partial`` for the industries whose ``gbt_tag`` names a sector.
    """
    path = Path(data_root) / "taxonomy" / "gbt4754_2017_tags.csv"
    if not path.exists():
        raise MissingDataError(
            f"{path} not found: the strategic-emerging classes come from the shared taxonomy pack.",
            zh=f"未找到 {path}：战略性新兴产业的行业小类来自共享数据中的 taxonomy 数据包。",
        )
    tags = pd.read_csv(path, dtype=str, keep_default_na=False)
    tax = load_taxonomy()
    parts = []
    for ind in tax.industries.values():
        if not ind.gbt_tag:
            continue
        tag, _, top = ind.gbt_tag.partition(":")
        hit = tags[(tags["tag"] == tag) & (tags["category_path"].str.split(" > ").str[0] == top)]
        hit = hit.drop_duplicates("code")
        parts.append(
            pd.DataFrame(
                {
                    "industry_id": ind.industry_id,
                    "code": hit["code"].to_numpy(),
                    "name_zh": hit["name_zh"].to_numpy(),
                    "partial": (hit["partial"] == "true").to_numpy(),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)
