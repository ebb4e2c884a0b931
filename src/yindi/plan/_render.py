"""Render reason flags as machine-readable codes with numbers and as sentences (zh/en).

把理由标记渲染为带数值的机器可读代码与中英文句子。Vectorised: each template is split once into literal pieces and
fields; each field is formatted once per cell; pieces are joined with element-wise string addition. Only the cells
asked for are rendered (the lists render their few rows, not the whole region × industry matrix).
"""

from __future__ import annotations

import string
from typing import Any

import numpy as np

from yindi.plan._text import DECISION_LEAD, LEVEL_ZH, REASON_TEXT
from yindi.plan.kernels import REASON_CODES

__all__ = ["render_reasons"]

_FMT = string.Formatter()


def _fields(p: Any, cells: np.ndarray) -> dict[str, np.ndarray]:
    """Per-cell raw values of the template fields, for the flat cell indices ``cells``."""
    ev = p.evidence
    i_n = p.decision.shape[1]
    r, i = np.divmod(cells, i_n)
    rt = ev.region_table
    inds = ev.industry_frame()
    lvl = inds["level_003"].to_numpy(dtype=object)[i]
    ei = inds["energy_intensive"].to_numpy(dtype=bool)[i]
    opts = p.options
    n = len(cells)

    def const(v: float) -> np.ndarray:
        return np.full(n, v)

    return {
        "cap": p.capability.reshape(-1)[cells],
        "dens": ev.measures["density"].reshape(-1)[cells],
        "qlv": p.q_low[i],
        "qgv": p.q_grow[i],
        "rd": rt["rd_intensity"].to_numpy(dtype=np.float64)[r],
        "co2": rt["co2_intensity"].to_numpy(dtype=np.float64)[r],
        "cr": rt["carbon_rank"].to_numpy(dtype=np.float64)[r],
        "mk": rt["market_score"].to_numpy(dtype=np.float64)[r],
        "er": (rt["energy_rank"] if "energy_rank" in rt else rt["market_score"] * np.nan).to_numpy(
            dtype=np.float64
        )[r],
        "lvl": np.asarray([x or "-" for x in lvl], dtype=object),
        "lvl_zh": np.asarray([LEVEL_ZH.get(x, x) for x in lvl], dtype=object),
        "ei": np.where(ei, "yes", "no").astype(object),
        "ei_zh": np.where(ei, "属高耗能行业", "地区碳排放强度较高").astype(object),
        "ei_en": np.where(ei, "an energy-intensive industry", "a carbon-intensive region").astype(object),
        "base": const(float(opts["base_threshold"])),
        "near": const(float(opts["near_base_margin"])),
        "sb": const(float(opts["strong_base_threshold"])),
        "rs": const(float(opts["research_strong_rd"])),
        "rm": const(float(opts["research_middle_rd"])),
        "ql": const(100 * float(opts["density_low_quantile"])),
        "qg": const(100 * float(opts["density_grow_quantile"])),
        "mq": const(float(opts["market_quantile"])),
        "cq": const(float(opts["carbon_quantile"])),
        "eq": const(float(opts["energy_quantile"])),
    }


def _fill(
    template: str, fields: dict[str, np.ndarray], rows: np.ndarray, cache: dict[tuple[str, str], np.ndarray]
) -> np.ndarray:
    """The template filled for ``rows`` (indices into the field arrays), as an object array of str."""
    out = np.full(len(rows), "", dtype=object)
    for literal, name, spec, _ in _FMT.parse(template):
        if literal:
            out = out + literal
        if name is None:
            continue
        vals = fields[name][rows]
        out = out + np.asarray([format(v, spec or "") for v in vals.tolist()], dtype=object)
    return out


def render_reasons(
    p: Any, lang: str = "zh", cells: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, sentences)`` for the flat cell indices ``cells`` (default every cell): per cell
    ``"code(...); code(...)"`` and a sentence in ``lang``."""
    r_n, i_n = p.decision.shape
    cells = np.arange(r_n * i_n) if cells is None else np.asarray(cells, dtype=np.int64)
    n = len(cells)
    fields = _fields(p, cells)
    cache: dict[tuple[str, str], np.ndarray] = {}
    codes = np.full(n, "", dtype=object)
    words = np.full(n, "", dtype=object)
    k_lang = 2 if lang == "en" else 1
    sep = "; " if k_lang == 2 else "；"
    flags = p.reasons.reshape(len(REASON_CODES), -1)[:, cells]
    for k, code in enumerate(REASON_CODES):
        rows = np.flatnonzero(flags[k])
        if rows.size == 0:
            continue
        machine, zh, en = REASON_TEXT[code]
        codes[rows] = codes[rows] + _fill(machine, fields, rows, cache) + "; "
        words[rows] = words[rows] + _fill(en if k_lang == 2 else zh, fields, rows, cache) + sep
    from yindi.plan.portfolio import decision_labels

    labels = decision_labels(p.decision.reshape(-1)[cells])
    lead = np.asarray([DECISION_LEAD[d][k_lang - 1] for d in labels], dtype=object)
    colon, end = (": ", ".") if k_lang == 2 else ("：", "。")
    body = np.asarray([w[: -len(sep)] if w else "" for w in words], dtype=object)
    has = body != ""
    sentences = np.where(has, lead + colon + body + end, lead + end)
    codes = np.asarray([c[:-2] if c else "" for c in codes], dtype=object)
    return codes, sentences
