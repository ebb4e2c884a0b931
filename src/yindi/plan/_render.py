"""Render reason flags as machine-readable codes with numbers and as sentences (zh/en).

把理由标记渲染为带数值的机器可读代码与中英文句子。Only flagged cells are formatted (one pass per reason code).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from yindi.plan._text import DECISION_LEAD, LEVEL_ZH, REASON_TEXT
from yindi.plan.kernels import REASON_CODES

__all__ = ["cell_values", "render_reasons"]


def cell_values(p: Any) -> dict[str, np.ndarray]:
    """Per-cell numbers the templates use, each broadcast to (R, I)."""
    ev = p.evidence
    r_n, i_n = p.decision.shape
    rt = ev.region_table
    opts = p.options
    inds = ev.industry_frame()
    lvl = inds["level_003"].to_numpy(dtype=object)
    ei = inds["energy_intensive"].to_numpy(dtype=bool)

    def reg(col: str) -> np.ndarray:
        return np.broadcast_to(rt[col].to_numpy(dtype=np.float64)[:, None], (r_n, i_n))

    def ind(a: np.ndarray) -> np.ndarray:
        return np.broadcast_to(a[None, :], (r_n, i_n))

    return {
        "cap": p.capability,
        "dens": ev.measures["density"],
        "qlv": ind(p.q_low),
        "qgv": ind(p.q_grow),
        "rd": reg("rd_intensity"),
        "co2": reg("co2_intensity"),
        "cr": reg("carbon_rank"),
        "mk": reg("market_score"),
        "lvl": ind(lvl),
        "ei": ind(ei),
        "_scalars": np.asarray(
            [
                float(opts["base_threshold"]),
                float(opts["strong_base_threshold"]),
                float(opts["research_strong_rd"]),
                float(opts["research_middle_rd"]),
                100 * float(opts["density_low_quantile"]),
                100 * float(opts["density_grow_quantile"]),
                float(opts["market_quantile"]),
                float(opts["carbon_quantile"]),
            ]
        ),
    }


def _format(code: str, template: str, v: dict[str, Any]) -> str:
    ei = bool(v["ei"])
    lvl = str(v["lvl"])
    fields = {
        **v,
        "ei": "yes" if ei else "no",
        "ei_zh": "属高耗能行业" if ei else "地区碳排放强度较高",
        "ei_en": "an energy-intensive industry" if ei else "a carbon-intensive region",
        "lvl": lvl or "-",
        "lvl_zh": LEVEL_ZH.get(lvl, lvl),
    }
    return template.format(**fields)


def render_reasons(
    p: Any, lang: str = "zh", extra: dict[str, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, sentences)``: for every cell, ``"code(...); code(...)"`` and a sentence in ``lang``.

    ``extra`` maps an added reason code (e.g. ``crowded``) to an (R, I) object array of its rendered
    machine text or None (lists add herding this way); its sentence uses the same template family.
    """
    r_n, i_n = p.decision.shape
    vals = cell_values(p)
    base, sbase, rs, rm, ql, qg, mq, cq = vals.pop("_scalars")
    consts = {"base": base, "sb": sbase, "rs": rs, "rm": rm, "ql": ql, "qg": qg, "mq": mq, "cq": cq}
    codes = np.full(r_n * i_n, "", dtype=object)
    words = np.full(r_n * i_n, "", dtype=object)
    k_lang = 2 if lang == "en" else 1
    flat = {k: np.asarray(v).reshape(-1) for k, v in vals.items()}
    for k, code in enumerate(REASON_CODES):
        idx = np.flatnonzero(p.reasons[k].reshape(-1))
        if idx.size == 0:
            continue
        machine, *_ = REASON_TEXT[code]
        human = REASON_TEXT[code][k_lang]
        cols = {name: arr[idx] for name, arr in flat.items()}
        rows = [{name: cols[name][j] for name in cols} | consts for j in range(idx.size)]
        codes[idx] = codes[idx] + np.asarray([_format(code, machine, v) + "; " for v in rows], dtype=object)
        words[idx] = words[idx] + np.asarray(
            [_format(code, human, v) + ("；" if k_lang == 1 else "; ") for v in rows], dtype=object
        )
    if extra:
        for arr in extra.values():
            flat_arr = np.asarray(arr, dtype=object).reshape(-1)
            idx = np.flatnonzero(np.asarray([x is not None for x in flat_arr]))
            for j in idx:
                machine, human = flat_arr[j]
                codes[j] += machine + "; "
                words[j] += human + ("；" if k_lang == 1 else "; ")
    from yindi.plan.portfolio import decision_labels

    labels = decision_labels(p.decision.reshape(-1))
    leads = {d: DECISION_LEAD[d][k_lang - 1] for d in DECISION_LEAD}
    sep = "：" if k_lang == 1 else ": "
    end = "。" if k_lang == 1 else "."
    sentences = np.asarray(
        [leads[d] + (sep + w.rstrip("；; ") if w else "") + end for d, w in zip(labels, words, strict=True)],
        dtype=object,
    )
    codes = np.asarray([c.rstrip("; ") for c in codes], dtype=object)
    return codes, sentences
