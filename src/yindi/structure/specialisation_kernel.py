"""Specialisation, concentration and similarity indices of a region × activity matrix (pure NumPy).

专业化、集中度与结构相似度指标（区位商、Hachman、Krugman、Hoover、HHI、熵、结构相似系数）。

Every function takes ``x`` of shape (R, A): non-negative values with positive row and column totals (the
model layer enforces that with an explicit policy). ``s_ra = x_ra / Σ_a x_ra`` is the region's activity share and
``s_a = Σ_r x_ra / Σ_ra x_ra`` the reference (national) share.
"""

from __future__ import annotations

import numpy as np

from yindi._typing import FloatArray

__all__ = [
    "entropy",
    "hachman",
    "herfindahl",
    "hoover",
    "krugman",
    "krugman_pairwise",
    "location_quotient",
    "shares",
    "structural_similarity",
]


def shares(x: FloatArray) -> FloatArray:
    """Row shares ``s_ra = x_ra / Σ_a x_ra``, shape (R, A)."""
    out: FloatArray = x / x.sum(axis=1, keepdims=True)
    return out


def location_quotient(x: FloatArray) -> FloatArray:
    """Location quotient = Balassa RCA, shape (R, A).

    Notes
    -----
    ``LQ_ra = (x_ra / Σ_a x_ra) / (Σ_r x_ra / Σ_ra x_ra) = s_ra / s_a`` (Balassa 1965; EconGeo
    ``location_quotient``). EconGeo replaces an undefined quotient (0/0) with 0; here rows and columns with a
    zero total are excluded before (reported), so no quotient is undefined.
    """
    col = x.sum(axis=0)
    out: FloatArray = shares(x) / (col / col.sum())[None, :]
    return out


def hachman(x: FloatArray) -> FloatArray:
    """Hachman index per region, shape (R,), in (0, 1]; 1 = the region's structure equals the nation's.

    Notes
    -----
    ``HI_r = 1 / Σ_a LQ_ra s_ra = 1 / Σ_a s_ra² / s_a`` (Hachman 1994; EconGeo ``hachman``).
    """
    out: FloatArray = 1.0 / (location_quotient(x) * shares(x)).sum(axis=1)
    return out


def krugman(x: FloatArray, reference: str = "nation") -> FloatArray:
    """Krugman specialisation index per region, shape (R,), in [0, 2).

    Parameters
    ----------
    x : (R, A) float
    reference : {"nation", "rest"}
        ``"nation"`` compares each region with the whole country including itself (EconGeo, Krugman 1991);
        ``"rest"`` compares it with the rest of the country (all other regions), as Midelfart-Knarvik et al.
        (2000) do for European countries and as many Chinese regional-specialisation studies do for provinces
        (地区专业化指数：本地区与其余地区之比较). Needs R ≥ 2.

    Notes
    -----
    ``K_r = Σ_a |s_ra − s_a|`` with ``s_a = Σ_q x_qa / Σ_qa x_qa`` (``"nation"``), or
    ``K_r = Σ_a |s_ra − s_a^{(−r)}|`` with ``s_a^{(−r)} = Σ_{q≠r} x_qa / Σ_{q≠r} Σ_a x_qa`` (``"rest"``).
    The two differ most for large regions, whose own weight pulls the national shares towards themselves.

    References
    ----------
    Krugman, P. (1991). *Geography and Trade*. MIT Press.
    Midelfart-Knarvik, K. H., Overman, H. G., Redding, S. J., Venables, A. J. (2000). The location of European
    industry. *European Commission Economic Papers* 142.
    """
    col = x.sum(axis=0)
    if reference == "nation":
        out: FloatArray = np.abs(shares(x) - (col / col.sum())[None, :]).sum(axis=1)
        return out
    rest = col[None, :] - x  # (R, A): the other regions' totals per activity
    rest_shares = rest / rest.sum(axis=1, keepdims=True)
    out = np.abs(shares(x) - rest_shares).sum(axis=1)
    return out


def krugman_pairwise(x: FloatArray) -> FloatArray:
    """Pairwise Krugman dissimilarity ``K_rq = Σ_a |s_ra − s_qa|``, shape (R, R), symmetric, zero diagonal, in [0, 2]."""
    from scipy.spatial.distance import cdist

    out: FloatArray = cdist(shares(x), shares(x), metric="cityblock")  # R × R memory, not R × R × A
    return out


def hoover(x: FloatArray, reference: FloatArray | None = None) -> FloatArray:
    """Hoover localisation index per activity, shape (A,), in [0, 1).

    Parameters
    ----------
    x : (R, A) float
    reference : (R,) float, optional
        The distribution the activity is compared with (population, area, ...). Default: the regions' totals
        over all activities (Hoover 1936's localisation of an industry relative to all industry).

    Notes
    -----
    ``H_a = ½ Σ_r |x_ra / Σ_r x_ra − ref_r / Σ_r ref_r|``. EconGeo's ``hoover_index(mat, pop)`` is the same
    formula × 100 rounded to two decimals, with an equal distribution as the default reference.
    """
    ref = x.sum(axis=1) if reference is None else np.asarray(reference, dtype=np.float64)
    out: FloatArray = 0.5 * np.abs(x / x.sum(axis=0, keepdims=True) - (ref / ref.sum())[:, None]).sum(axis=0)
    return out


def herfindahl(x: FloatArray) -> FloatArray:
    """Herfindahl–Hirschman index of each region's activity shares, shape (R,), in [1/A, 1].

    Notes
    -----
    ``HHI_r = Σ_a s_ra²`` (EconGeo ``herfindahl``).
    """
    out: FloatArray = (shares(x) ** 2).sum(axis=1)
    return out


def entropy(x: FloatArray, base: float = 2.0) -> FloatArray:
    """Shannon entropy of each region's activity shares (diversity), shape (R,), in [0, log_base A].

    Notes
    -----
    ``E_r = −Σ_a s_ra log_b s_ra`` with ``0 log 0 = 0`` (Frenken et al. 2007). EconGeo ``entropy`` uses base 2,
    adds 1e-9 inside the log and rounds to 3 decimals; we do neither.
    """
    s = shares(x)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(s > 0, s * np.log(s), 0.0)
    out: FloatArray = -terms.sum(axis=1) / np.log(base)
    return out


def structural_similarity(x: FloatArray) -> FloatArray:
    """Structural similarity coefficient (UNIDO) between every pair of regions, shape (R, R), in [0, 1].

    Notes
    -----
    ``S_rq = Σ_a s_ra s_qa / sqrt(Σ_a s_ra² Σ_a s_qa²)``, the cosine of the two share vectors (UNIDO 1979;
    in Chinese practice 产业结构相似系数). ``S_rr = 1``; 1 means identical structures, 0 no common activity.
    """
    s = shares(x)
    norm = np.sqrt((s**2).sum(axis=1))
    u = s / norm[:, None]
    out: FloatArray = np.clip(u @ u.T, 0.0, 1.0)
    np.fill_diagonal(out, 1.0)
    return out
