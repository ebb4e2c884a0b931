"""The NQPF composite index (新质生产力综合指数): normalisation, weights, aggregation, uncertainty, diagnostics.

Kernels (pure NumPy): :func:`entropy_weights`, :func:`critic_weights`, :func:`cv_weights`, :func:`pca_weights`,
:func:`equal_weights`, :func:`combine_weights`, :func:`ahp_weights`, :func:`topsis`, :func:`weighted_sum`,
:func:`grey_relational`, :func:`obstacle_degree`, :func:`coupling_coordination`, :func:`normalize`.

Models: :func:`evaluate` → :class:`IndexResult`; :func:`rank_intervals`, :func:`leave_one_out`,
:func:`method_sensitivity`; presets :func:`load_preset`, :func:`available_presets`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yindi._lazy import lazy_package

if TYPE_CHECKING:
    from yindi.index.aggregate import TopsisResult, grey_relational, topsis, weighted_sum
    from yindi.index.ahp import SAATY_RI, AHPResult, ahp_weights
    from yindi.index.diagnostics import (
        COORDINATION_GRADES_EN,
        COORDINATION_GRADES_ZH,
        CouplingResult,
        ObstacleResult,
        coupling_coordination,
        obstacle_degree,
    )
    from yindi.index.evaluate import evaluate
    from yindi.index.normalize import normalize
    from yindi.index.presets import Preset, available_presets, load_preset
    from yindi.index.result import IndexResult, coupling_between
    from yindi.index.uncertainty import leave_one_out, method_sensitivity, rank_intervals
    from yindi.index.weights import (
        combine_weights,
        critic_weights,
        cv_weights,
        entropy_weights,
        equal_weights,
        pca_weights,
    )

# Public names load on first use: importing the package (e.g. for its option table) stays cheap.
lazy_package(
    __name__,
    {
        "TopsisResult": "yindi.index.aggregate",
        "grey_relational": "yindi.index.aggregate",
        "topsis": "yindi.index.aggregate",
        "weighted_sum": "yindi.index.aggregate",
        "SAATY_RI": "yindi.index.ahp",
        "AHPResult": "yindi.index.ahp",
        "ahp_weights": "yindi.index.ahp",
        "COORDINATION_GRADES_EN": "yindi.index.diagnostics",
        "COORDINATION_GRADES_ZH": "yindi.index.diagnostics",
        "CouplingResult": "yindi.index.diagnostics",
        "ObstacleResult": "yindi.index.diagnostics",
        "coupling_coordination": "yindi.index.diagnostics",
        "obstacle_degree": "yindi.index.diagnostics",
        "evaluate": "yindi.index.evaluate",
        "normalize": "yindi.index.normalize",
        "Preset": "yindi.index.presets",
        "available_presets": "yindi.index.presets",
        "load_preset": "yindi.index.presets",
        "IndexResult": "yindi.index.result",
        "coupling_between": "yindi.index.result",
        "leave_one_out": "yindi.index.uncertainty",
        "method_sensitivity": "yindi.index.uncertainty",
        "rank_intervals": "yindi.index.uncertainty",
        "combine_weights": "yindi.index.weights",
        "critic_weights": "yindi.index.weights",
        "cv_weights": "yindi.index.weights",
        "entropy_weights": "yindi.index.weights",
        "equal_weights": "yindi.index.weights",
        "pca_weights": "yindi.index.weights",
    },
)


__all__ = [
    "COORDINATION_GRADES_EN",
    "COORDINATION_GRADES_ZH",
    "SAATY_RI",
    "AHPResult",
    "CouplingResult",
    "IndexResult",
    "ObstacleResult",
    "Preset",
    "TopsisResult",
    "ahp_weights",
    "available_presets",
    "combine_weights",
    "coupling_between",
    "coupling_coordination",
    "critic_weights",
    "cv_weights",
    "entropy_weights",
    "equal_weights",
    "evaluate",
    "grey_relational",
    "leave_one_out",
    "load_preset",
    "method_sensitivity",
    "normalize",
    "obstacle_degree",
    "pca_weights",
    "rank_intervals",
    "topsis",
    "weighted_sum",
]
