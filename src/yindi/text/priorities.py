"""The priorities result: the mention table, the declared-ambitions table and the tidy result frame.

抽取结果：逐条提及表（含证据原句）、“宣示的发展方向”表（供 ``yindi plan herding --ambitions`` 直接读取）、
以及统一结构的结果长表。
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from yindi._typing import Lang
from yindi.errors import ParameterError
from yindi.options import Option, OptionTable, register
from yindi.schema import NATIONAL_CODE, region_labels, tidy

if TYPE_CHECKING:
    from yindi.text.documents import Document
    from yindi.text.extract import Mention
    from yindi.text.lexicon import Lexicon

TABLE = register(
    OptionTable(
        "text",
        "政策文本",
        "Policy texts",
        (
            Option(
                "min_strength",
                1,
                "计入重点产业的最低承诺强度（-1 限制，0 无动词，1 布局，2 积极，3 加快，4 主攻）",
                "Lowest commitment strength that makes a mention a stated priority "
                "(-1 restrict, 0 no cue, 1 pre-position, 2 promote, 3 accelerate, 4 flagship)",
                low=-1,
                high=4,
            ),
            Option(
                "exclude_inherited",
                False,
                "计算同质化时是否排除照抄中央文件的语句",
                "Leave sentences copied from central documents out of homogeneity measures",
            ),
            Option(
                "reuse_threshold",
                0.5,
                "判定语句照抄中央文件的字符 5-gram 包含度阈值",
                "Share of a sentence's character 5-grams found in a central document above which the sentence "
                "counts as inherited",
                low=0.0,
                high=1.0,
            ),
            Option(
                "shingle",
                5,
                "文本复用检测的字符 n-gram 长度",
                "Character n-gram length for text reuse",
                low=2,
                high=12,
            ),
        ),
    )
)


def _provinces(codes: pd.Series) -> list[str]:
    """The province adcode of every code (the national code and unknown codes kept as they are)."""
    from yindi.regions import registry

    reg = registry()
    return [reg.get(c).province if c in reg and c != NATIONAL_CODE else c for c in codes]


_UNSPECIFIED = {"zh": "（未指定地区）", "en": "(region not given)"}


@dataclass(frozen=True)
class Priorities:
    """Industry mentions of a set of documents.

    Attributes
    ----------
    mentions : DataFrame
        One row per (sentence, industry, region): columns of :data:`yindi.text.extract.MENTION_COLUMNS`
        plus ``tier`` and ``inherited`` (True when the sentence was copied from a central document; see
        :mod:`yindi.text.reuse`; False until :meth:`with_inherited` is applied).
    labels : dict
        industry_id → (name_zh, name_en, tier).
    """

    mentions: pd.DataFrame
    labels: dict[str, tuple[str, str, str]]

    @classmethod
    def from_mentions(
        cls, mentions: Sequence[Mention], lexicon: Lexicon, documents: Sequence[Document] = ()
    ) -> Priorities:
        from yindi.text.extract import MENTION_COLUMNS, mentions_to_rows

        frame = pd.DataFrame(mentions_to_rows(mentions), columns=list(MENTION_COLUMNS))
        frame["year"] = frame["year"].astype("Int64")
        frame["strength"] = frame["strength"].astype(int)
        labels = {k: (v.name_zh, v.name_en, v.tier) for k, v in lexicon.industries.items()}
        frame["tier"] = [labels[i][2] for i in frame["industry_id"]]
        frame["inherited"] = False
        return cls(frame, labels)

    def with_inherited(self, flags: pd.DataFrame) -> Priorities:
        """A copy whose ``inherited`` column is True for the ``(document, sentence)`` pairs of ``flags`` that are
        marked inherited (``flags`` has columns document, sentence, inherited)."""
        hit = flags.loc[flags["inherited"], ["document", "sentence"]]
        keys = set(zip(hit["document"], hit["sentence"], strict=True))
        frame = self.mentions.copy()
        frame["inherited"] = [
            (d, s) in keys for d, s in zip(frame["document"], frame["sentence"], strict=True)
        ]
        return Priorities(frame, self.labels)

    # --- tables ---------------------------------------------------------------------------------------------
    def table(self, lang: Lang = "zh") -> pd.DataFrame:
        """The mention table for people: document, region_code, region, industry_id, industry, tier, cue,
        strength, inherited, evidence (plus year, sentence, surface, attributed_by)."""
        f = self.mentions
        names, _ = region_labels(f["region_code"].tolist(), lang)
        names = [n if c else _UNSPECIFIED[lang] for n, c in zip(names, f["region_code"], strict=True)]
        k = 1 if lang == "en" else 0
        out = pd.DataFrame(
            {
                "document": f["document"],
                "year": f["year"],
                "region_code": f["region_code"],
                "region": names,
                "industry_id": f["industry_id"],
                "industry": [self.labels[i][k] for i in f["industry_id"]],
                "tier": f["tier"],
                "cue": f["cue"],
                "strength": f["strength"],
                "inherited": f["inherited"],
                "surface": f["surface"],
                "attributed_by": f["attributed_by"],
                "sentence": f["sentence"],
                "evidence": f["evidence"],
            }
        )
        return out.reset_index(drop=True)

    def stated(self, *, min_strength: int = 1, exclude_inherited: bool = False) -> pd.DataFrame:
        """Mentions that count as stated priorities: a region is known, the cue's strength is at least
        ``min_strength``, and (optionally) the sentence is not copied from a central document."""
        f = self.mentions
        keep = (f["region_code"] != "") & (f["strength"] >= min_strength)
        if exclude_inherited:
            keep &= ~f["inherited"]
        return f.loc[keep]

    def ambitions(
        self,
        *,
        min_strength: int = 1,
        exclude_inherited: bool = False,
        level: str = "province",
        include_national: bool = False,
        lang: Lang = "zh",
    ) -> pd.DataFrame:
        """The declared-ambitions table read by ``yindi plan herding --ambitions``: one row per region and
        industry with columns ``region, industry, source`` (the document) and ``region_code, industry_id,
        tier, cue, strength, mentions, inherited, evidence`` (the strongest cue and its sentence).

        ``level="province"`` (default) counts a city's statement for its province, as the herding alert
        compares provinces; ``"as_named"`` keeps cities. National rows (100000) are left out unless
        ``include_national`` (herding compares regions, and 全国 is not one of them)."""
        f = self.stated(min_strength=min_strength, exclude_inherited=exclude_inherited)
        if level == "province":
            f = f.assign(region_code=_provinces(f["region_code"]))
        elif level != "as_named":
            raise ParameterError(
                "The 'level' parameter of ambitions() must be one of 'province', 'as_named'. "
                f"Got {level!r} instead.",
                zh=f"ambitions() 的参数 'level' 须为 'province'、'as_named' 之一，收到的是 {level!r}。",
            )
        if not include_national:
            f = f.loc[f["region_code"] != NATIONAL_CODE]
        cols = [
            "region",
            "industry",
            "source",
            "region_code",
            "industry_id",
            "tier",
            "cue",
            "strength",
            "mentions",
            "inherited",
            "evidence",
        ]
        if f.empty:
            return pd.DataFrame(columns=cols)
        f = f.sort_values(
            ["region_code", "industry_id", "strength"], ascending=[True, True, False], kind="stable"
        )
        grouped = f.groupby(["region_code", "industry_id"], sort=True)
        best = grouped.head(1).set_index(["region_code", "industry_id"])
        counts = grouped.size()
        all_inherited = grouped["inherited"].all()
        sources = grouped["document"].agg(lambda s: "; ".join(dict.fromkeys(s)))
        idx = counts.index
        codes = [c for c, _ in idx]
        ids = [i for _, i in idx]
        names, _ = region_labels(codes, lang)
        k = 1 if lang == "en" else 0
        return pd.DataFrame(
            {
                "region": names,
                "industry": [self.labels[i][k] for i in ids],
                "source": sources.to_numpy(),
                "region_code": codes,
                "industry_id": ids,
                "tier": [self.labels[i][2] for i in ids],
                "cue": best.loc[idx, "cue"].to_numpy(),
                "strength": best.loc[idx, "strength"].to_numpy(),
                "mentions": counts.to_numpy(),
                "inherited": all_inherited.to_numpy(),
                "evidence": best.loc[idx, "evidence"].to_numpy(),
            }
        )

    def summary(self, lang: Lang = "zh", top: int = 10) -> str:
        """A few lines for people: documents, mentions, stated priorities and the industries most often stated
        (rendered from :meth:`to_frame`)."""
        frame = self.to_frame(lang)
        stated = frame.loc[(frame["measure"] == "stated") & (frame["value"] > 0)]
        k = 1 if lang == "en" else 0
        counts = (
            stated.groupby("industry_id")["region_code"].nunique().sort_values(ascending=False, kind="stable")
        )
        best = ", ".join(f"{self.labels[str(i)][k]} ({n})" for i, n in counts.head(top).items())
        docs = self.mentions["document"].nunique()
        if lang == "en":
            return (
                f"{docs} documents, {len(self.mentions)} industry mentions, {len(stated)} stated "
                f"(region, year, industry) priorities.\nMost often stated (regions): {best or '-'}"
            )
        return f"{docs} 份文档，{len(self.mentions)} 处产业提及，{len(stated)} 项（地区、年份、产业）重点。\n被最多地区列为重点：{best or '无'}"

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Tidy result frame: per region, year and industry the measures ``mentions`` (all mentions),
        ``stated`` (mentions with a commitment cue, strength ≥ 1) and ``max_strength``."""
        f = self.mentions.loc[self.mentions["region_code"] != ""].copy()
        if f.empty:
            return tidy(
                pd.DataFrame(columns=["region_code", "year", "industry_id", "measure", "value"]),
                keys=["industry_id"],
                lang=lang,
            )
        f["stated"] = (f["strength"] >= 1).astype(float)
        g = f.groupby(["region_code", "year", "industry_id"], dropna=False)
        wide = pd.DataFrame(
            {
                "mentions": g.size().astype(float),
                "stated": g["stated"].sum(),
                "max_strength": g["strength"].max().astype(float),
            }
        ).reset_index()
        long = wide.melt(
            id_vars=["region_code", "year", "industry_id"], var_name="measure", value_name="value"
        )
        return tidy(long, keys=["industry_id"], lang=lang)
