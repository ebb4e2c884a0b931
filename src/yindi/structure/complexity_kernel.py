"""Economic complexity and relatedness for one period: pure NumPy/SciPy on a region × activity matrix.

This is the kernel behind :func:`yindi.structure.complexity`. It follows the definitions of the Growth Lab's
``ecomplexity`` 0.5.3 (Hidalgo & Hausmann 2009; Hausmann et al. 2014) term by term, so that results agree with
it to rounding; where we differ (zero-diversity rows, the eigenproblem we solve), the docstring says so.

Notation: ``X`` is R × A (regions × activities), ``M`` the binary presence matrix, ``d = M 1`` diversity,
``u = Mᵀ 1`` ubiquity, ``φ`` the A × A proximity matrix.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from yindi._typing import FloatArray
from yindi.errors import ComputationError, MethodWarning

#: Float arrays in the working precision (float64, or float32 for the large products when asked).
Floating = npt.NDArray[np.floating[Any]]

#: Above this many activities the second eigenvector is found by Lanczos iteration (ARPACK, SciPy), below by
#: LAPACK through ``numpy.linalg.eigh`` (importing ``scipy.linalg`` costs more than the small problem).
_DENSE_EIGEN_MAX = 200

__all__ = ["ComplexityArrays", "complexity_arrays", "presence", "proximity_matrix", "rca_matrix"]


@dataclass(frozen=True, eq=False)
class ComplexityArrays:
    """Complexity measures of one period.

    Attributes
    ----------
    rca : (R, A) float
        Balassa RCA / location quotient.
    m : (R, A) float
        Presence, 1.0 where ``rca >= rca_threshold`` else 0.0 (in the working precision, like ``density``
        and ``cog``: float32 when the kernel ran with ``dtype="float32"``).
    diversity : (R,) float
        ``d_r = Σ_a M_ra``.
    ubiquity : (A,) float
        ``u_a = Σ_r M_ra``.
    eci : (R,) float
        Economic complexity index, z-scored over the regions (population std); NaN where diversity is 0.
    pci : (A,) float
        Product (activity) complexity index, on the ECI scale: ``(k_a − mean(k_r)) / std(k_r)``.
    proximity : (A, A) float
        ``φ_ab = C_ab / max(u_a, u_b)`` with ``C = MᵀM``; 1 on the diagonal.
    density : (R, A) float
        ``ω_ra = Σ_b M_rb φ_ab / Σ_b φ_ab`` in [0, 1]; ``distance`` (a property) is ``1 − ω_ra``.
    coi : (R,) float
        Complexity outlook index, z-scored over the regions.
    cog : (R, A) float
        Complexity outlook gain, divided by the std of the raw ECI (the ``ecomplexity`` scale).
    eigenvalue : float
        The second-largest eigenvalue of ``M̃ = U⁻¹ Mᵀ D⁻¹ M`` (the largest is 1).
    """

    rca: FloatArray
    m: Floating
    diversity: FloatArray
    ubiquity: FloatArray
    eci: FloatArray
    pci: FloatArray
    proximity: FloatArray
    density: Floating
    coi: FloatArray
    cog: Floating
    eigenvalue: float

    @property
    def distance(self) -> Floating:
        """``1 − density``, shape (R, A) (computed on access)."""
        out: Floating = 1.0 - self.density
        return out


def rca_matrix(x: FloatArray) -> FloatArray:
    """Balassa RCA (location quotient) of an R × A matrix with positive row and column totals.

    ``RCA_ra = (x_ra / Σ_a x_ra) / (Σ_r x_ra / Σ_ra x_ra)``.
    """
    row = x.sum(axis=1, keepdims=True)
    col = x.sum(axis=0, keepdims=True)
    total = col.sum()
    out: FloatArray = x / row
    out *= total / col  # in place: one temporary for the whole R × A matrix
    return out


def presence(rca: FloatArray, threshold: float = 1.0) -> npt.NDArray[np.bool_]:
    """Binary presence ``M = 1[RCA ≥ threshold]`` (the ``ecomplexity`` rule: ``>=``)."""
    return rca >= threshold


def proximity_matrix(m: npt.NDArray[np.floating], ubiquity: npt.NDArray[np.floating]) -> FloatArray:
    """Co-occurrence proximity, minimum of the two conditional probabilities (Hidalgo et al. 2007).

    ``φ_ab = min(P(a | b), P(b | a)) = C_ab / max(u_a, u_b)`` with ``C = MᵀM``. Activities with zero ubiquity
    get proximity 0 to every other activity (and NaN on the diagonal is avoided by defining it as 0/0 → 0).
    """
    c = m.T @ m
    denom = np.maximum.outer(ubiquity, ubiquity)
    with np.errstate(divide="ignore", invalid="ignore"):
        phi = np.where(denom > 0, c / denom, 0.0)
    return np.asarray(phi, dtype=np.float64)


def _second_eigenvector(
    m: npt.NDArray[np.floating], d: FloatArray, u: FloatArray
) -> tuple[FloatArray, float]:
    """Eigenvector ``k`` of ``M̃ = U⁻¹ Mᵀ D⁻¹ M`` for its second-largest eigenvalue.

    ``M̃`` is similar to the symmetric ``S = BᵀB`` with ``B = D^{-1/2} M U^{-1/2}``, so we solve the symmetric
    A × A problem with ``eigh`` (real eigenvalues, stable) and map back with ``k = U^{-1/2} v``.
    """
    b = m * (1.0 / np.sqrt(d))[:, None].astype(m.dtype)  # D^{-1/2} M; the U^{-1/2} scaling is done on A × A
    s = np.asarray(b.T @ b, dtype=np.float64)
    s *= np.outer(1.0 / np.sqrt(u), 1.0 / np.sqrt(u))
    n = s.shape[0]
    if n < 2:
        raise ComputationError(
            f"ECI/PCI need at least 2 activities with presence in some region; got {n}. "
            "Lower rca_threshold or add activities.",
            zh=f"ECI/PCI 至少需要 2 个在某一地区具有显性比较优势（presence）的产业，实际为 {n}。请降低 rca_threshold 或增加产业。",
        )
    if n <= _DENSE_EIGEN_MAX:  # NumPy's LAPACK: no SciPy import for the small problems
        vals, vecs = np.linalg.eigh(s)
        vals, vecs = vals[n - 2 :], vecs[:, n - 2 :]
    else:
        from scipy.sparse import linalg as sparse_linalg

        try:  # Lanczos on the A x A matrix: a few dozen mat-vecs instead of an O(A^3) tridiagonalisation
            vals, vecs = sparse_linalg.eigsh(s, k=2, which="LA", tol=0.0, v0=np.ones(n))
        except sparse_linalg.ArpackNoConvergence:  # pragma: no cover - dense fallback
            vals, vecs = np.linalg.eigh(s)
            vals, vecs = vals[n - 2 :], vecs[:, n - 2 :]
        order = np.argsort(vals)
        vals, vecs = vals[order], vecs[:, order]
    v = vecs[:, 0]
    k: FloatArray = v / np.sqrt(u)
    return k, float(vals[0])


def complexity_arrays(
    x: FloatArray, *, rca_threshold: float = 1.0, dtype: str = "float64"
) -> ComplexityArrays:
    """All complexity and relatedness measures of one period.

    Parameters
    ----------
    x : (R, A) float
        Non-negative values; every row and column must have a positive total (the model layer enforces this
        with an explicit, reported policy).
    rca_threshold : float
        Presence threshold on RCA (``M = 1[RCA ≥ threshold]``).
    dtype : {"float64", "float32"}
        Precision of the large matrix products (``MᵀM``, ``M φ``). ``M`` is binary, so co-occurrence counts are
        exact in float32 up to 2²⁴ regions; densities then carry ~1e-7 relative rounding. Eigenproblems are
        always solved in float64.

    Returns
    -------
    ComplexityArrays

    Notes
    -----
    Following ``ecomplexity`` 0.5.3 (``calc_eci_pci``, ``calc_density``, ``calc_coi_cog``):

    * ``k_a`` is the eigenvector of ``M̃ = U⁻¹ Mᵀ D⁻¹ M`` for the second-largest eigenvalue; ``k_r = D⁻¹ M k``
      (the mean ``k_a`` of a region's activities). Sign: chosen so that ``corr(k_r, d) > 0``.
    * ``ECI = (k_r − mean k_r) / std k_r``; ``PCI = (k_a − mean k_r) / std k_r`` (population std), which keeps
      ``ECI_r = mean of PCI over the activities present in r``.
    * ``ω_ra = Σ_b M_rb φ_ab / Σ_b φ_ab``; distance ``1 − ω``.
    * ``COI_r = Σ_a ω_ra (1 − M_ra) k_a`` (raw, signed ``k_a``), then z-scored over regions.
    * ``COG_ra = (1 − M_ra) Σ_b (1 − M_rb) φ_ab k_b / Σ_c φ_bc``, divided by ``std k_r``.

    Regions with zero diversity (possible only with ``rca_threshold > 1``) get NaN ECI and COI and are left out
    of the means and standard deviations; ``ecomplexity`` returns NaN for every region in that case. Activities
    with zero ubiquity likewise get NaN PCI and take no part in the eigenproblem.

    References
    ----------
    Hidalgo, C. A., Klinger, B., Barabási, A.-L., Hausmann, R. (2007). The product space conditions the
    development of nations. Science 317, 482–487.
    Hidalgo, C. A., Hausmann, R. (2009). The building blocks of economic complexity. PNAS 106, 10570–10575.
    Hausmann, R., Hidalgo, C. A., et al. (2014). The Atlas of Economic Complexity. MIT Press.
    """
    x64 = np.asarray(x, dtype=np.float64)
    rca = rca_matrix(x64)
    work = np.float32 if dtype == "float32" else np.float64
    mw: npt.NDArray[np.floating[Any]] = presence(rca, rca_threshold).astype(work, copy=False)
    m = mw
    d = mw.sum(axis=1, dtype=np.float64)
    u = mw.sum(axis=0, dtype=np.float64)
    rows = d > 0
    cols = u > 0
    if rows.sum() < 2:
        raise ComputationError(
            f"ECI needs at least 2 regions with some activity at RCA ≥ {rca_threshold}; got {int(rows.sum())}. "
            "Lower rca_threshold or add regions.",
            zh=f"ECI 至少需要 2 个有 RCA ≥ {rca_threshold} 产业的地区，"
            f"实际为 {int(rows.sum())}。请降低 rca_threshold 或增加地区。",
        )
    if not rows.all() or not cols.all():
        warnings.warn(
            MethodWarning(
                f"{int((~rows).sum())} region(s) have no activity and {int((~cols).sum())} activity(ies) no region "
                f"with RCA ≥ {rca_threshold:g}; their ECI/COI (PCI) are NaN and they take no part in the "
                "eigenproblem (ecomplexity would return NaN for every region). Lower rca_threshold to include them.",
                zh=f"{int((~rows).sum())} 个地区没有 RCA ≥ {rca_threshold:g} 的产业，{int((~cols).sum())} 个产业"
                "没有这样的地区；它们的 ECI/COI（PCI）为 NaN，不参与特征值计算（ecomplexity 会对所有地区返回 NaN）。"
                "请降低 rca_threshold 以纳入它们。",
            ),
            stacklevel=2,
        )
    all_valid = bool(rows.all() and cols.all())
    mv = mw if all_valid else mw[np.ix_(rows, cols)]
    kp_v, lam = _second_eigenvector(mv, d[rows], u[cols])
    kc_v = (mv @ kp_v.astype(work)).astype(np.float64) / d[rows]
    with np.errstate(invalid="ignore"):
        r = np.corrcoef(d[rows], kc_v)[0, 1]
    sign = 1.0
    if np.isfinite(r) and r != 0:
        sign = float(np.sign(r))
    else:
        warnings.warn(
            MethodWarning(
                "ECI sign: diversity does not vary (or ECI does not correlate with it); the sign convention "
                "'corr(ECI, diversity) > 0' cannot be applied and +1 was used.",
                zh="ECI 符号：多样性没有变化（或 ECI 与之不相关），无法按 'corr(ECI, diversity) > 0' 定号，已取 +1。",
            ),
            stacklevel=2,
        )
    kp = np.full(m.shape[1], np.nan)
    kc = np.full(m.shape[0], np.nan)
    kp[cols] = sign * kp_v
    kc[rows] = sign * kc_v
    mu, sd = float(kc_v.mean()) * sign, float(kc_v.std())
    if sd == 0:
        raise ComputationError(
            "ECI is constant across regions (std 0); the regions' structures cannot be ranked.",
            zh="ECI 在各地区间为常数（标准差为 0），无法对地区结构排序。",
        )

    phi = proximity_matrix(mw, u.astype(work))
    rs = phi.sum(axis=1)
    kp0 = np.where(cols, kp, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(rs[None, :] > 0, phi / rs[None, :], 0.0)  # z[b, a] = φ_ab / Σ_c φ_ac (φ symmetric)
        w = np.where(rs[:, None] > 0, phi * (kp0 / rs)[:, None], 0.0)  # w[b, a] = φ_ba k_b / Σ_c φ_bc
    both: npt.NDArray[np.floating[Any]] = np.concatenate([z, w], axis=1).astype(work)
    prod = mw @ both  # (R, 2A) in the working precision: [M φ/rs | M W]
    a = m.shape[1]
    density = prod[:, :a]
    not_m = 1.0 - mw
    cog = np.subtract(w.sum(axis=0).astype(work)[None, :], prod[:, a:], out=prod[:, a:])
    cog *= not_m
    cog *= 1.0 / sd
    cog += 0.0  # no negative zeros
    coi_raw = np.asarray((density * not_m) @ kp0.astype(work), dtype=np.float64)
    coi_raw = np.where(rows, coi_raw, np.nan)
    coi_sd = float(np.nanstd(coi_raw))
    if coi_sd > 1e-12 * max(1.0, float(np.nanmax(np.abs(coi_raw)))):
        coi = (coi_raw - np.nanmean(coi_raw)) / coi_sd
    else:  # ecomplexity divides 0 by 0 here too; we say why the column is NaN
        coi = np.full_like(coi_raw, np.nan)
        warnings.warn(
            MethodWarning(
                "COI is the same for every region (std 0 up to rounding), so its z-score is undefined and COI is NaN.",
                zh="各地区的 COI 相同（舍入误差内标准差为 0），其 z 分数无定义，COI 记为 NaN。",
            ),
            stacklevel=2,
        )
    return ComplexityArrays(
        rca=rca,
        m=mw,
        diversity=d,
        ubiquity=u,
        eci=(kc - mu) / sd,
        pci=(kp - mu) / sd,
        proximity=phi,
        density=density,
        coi=coi,
        cog=cog,
        eigenvalue=lam,
    )
