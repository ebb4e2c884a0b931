"""Result object of :func:`yindi.productivity.dea`."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from yindi._typing import FloatArray, Lang


@dataclass(frozen=True)
class DEAResult:
    """Result of :func:`dea` for ``n`` units, ``m`` inputs, ``s`` outputs and ``k`` undesirable outputs.

    Attributes
    ----------
    efficiency : (n,) float — 1 = efficient; θ (input), 1/φ (output) or ρ (SBM); super-efficiency may
        exceed 1; NaN where the LP is infeasible (see ``feasible``).
    lambdas : (n, n) sparse CSR — intensity weights; the peers of unit ``i`` are the non-zero columns of row i.
    slack_in, target_in : (n, m) float — input slacks and projected inputs.
    slack_out, target_out : (n, s) float — output slacks and projected outputs.
    slack_bad, target_bad : (n, k) float — undesirable-output slacks and targets (SBM only; k may be 0).
    feasible : (n,) bool — False where the LP has no solution (super-efficiency under VRS can be infeasible).
    units, inputs, outputs, undesirable : labels of rows and columns.
    options : dict — the model options used.
    dropped : tuple of str — units left out for missing values (``dea_frame(..., missing="drop")``).
    """

    efficiency: FloatArray
    lambdas: sp.csr_matrix
    slack_in: FloatArray
    slack_out: FloatArray
    slack_bad: FloatArray
    target_in: FloatArray
    target_out: FloatArray
    target_bad: FloatArray
    feasible: np.ndarray
    units: tuple[str, ...]
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    undesirable: tuple[str, ...]
    options: dict[str, object] = field(default_factory=dict)
    dropped: tuple[str, ...] = ()

    @property
    def infeasible_units(self) -> tuple[str, ...]:
        """Units whose LP is infeasible (reported, never hidden)."""
        return tuple(u for u, ok in zip(self.units, self.feasible, strict=True) if not ok)

    def peers(self, unit: int | str) -> dict[str, float]:
        """Peer units and their λ weights for one unit."""
        i = self.units.index(unit) if isinstance(unit, str) else int(unit)
        row = self.lambdas.getrow(i)
        return {self.units[j]: float(w) for j, w in zip(row.indices, row.data, strict=True) if w > 1e-12}

    def scores(self) -> pd.DataFrame:
        """One row per unit: efficiency, feasibility, number and names of peers."""
        peers = [";".join(self.peers(i)) for i in range(len(self.units))]
        return pd.DataFrame(
            {
                "unit": list(self.units),
                "efficiency": self.efficiency,
                "feasible": self.feasible,
                "efficient": self.efficiency >= 1 - 1e-9,
                "peers": peers,
            }
        )

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema: ``measure`` ``efficiency``, ``slack`` or ``target`` per unit (``region_code``; units
        that are not adcodes keep their label, level ``unknown``), key ``variable`` (the input/output of a slack
        or target); ``year`` is the cross-section's year when :func:`dea_frame` read a Panel."""
        from yindi.schema import tidy

        parts = [
            pd.DataFrame(
                {"unit": self.units, "quantity": "efficiency", "variable": "", "value": self.efficiency}
            )
        ]
        blocks = (
            ("slack", self.inputs, self.slack_in),
            ("slack", self.outputs, self.slack_out),
            ("slack", self.undesirable, self.slack_bad),
            ("target", self.inputs, self.target_in),
            ("target", self.outputs, self.target_out),
            ("target", self.undesirable, self.target_bad),
        )
        for quantity, names, arr in blocks:
            for j, name in enumerate(names):
                parts.append(
                    pd.DataFrame(
                        {"unit": self.units, "quantity": quantity, "variable": name, "value": arr[:, j]}
                    )
                )
        long = pd.concat(parts, ignore_index=True).rename(
            columns={"unit": "region_code", "quantity": "measure"}
        )
        year = self.options.get("year")
        long["year"] = pd.NA if year is None else int(str(year))
        return tidy(long, keys=["variable"], lang=lang)

    def summary(self) -> str:
        """Short text summary rendered from :meth:`to_frame`."""
        eff = pd.Series(self.efficiency)
        opts = ", ".join(f"{k}={val}" for k, val in self.options.items())
        lines = [
            f"DEA ({opts}): {len(self.units)} units, {len(self.inputs)} inputs, {len(self.outputs)} outputs"
            + (f", {len(self.undesirable)} undesirable" if self.undesirable else ""),
            f"  efficient: {int((eff >= 1 - 1e-9).sum())}  mean: {eff.mean():.4f}  min: {eff.min():.4f}",
        ]
        if self.infeasible_units:
            lines.append(f"  infeasible LPs: {', '.join(self.infeasible_units)}")
        if self.dropped:
            lines.append(f"  left out for missing values: {', '.join(self.dropped)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()
