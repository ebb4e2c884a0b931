"""Batched revised simplex for many small DEA linear programmes sharing one set of reference columns.

Every DEA model here is, for each evaluated unit ``b``, an LP in standard form

    min  c_ref · λ + c_own[b] · w   s.t.  A_ref λ + A_own[b] w = rhs[b],  λ ≥ 0, w ≥ 0

with few rows ``r`` (inputs + outputs + convexity/normalisation), the *same* reference columns ``A_ref``
(one per reference unit) for every ``b``, and a handful of unit-specific columns (``θ``, slacks, ``t``).
HiGHS spends about 0.1 ms of fixed work per call, which is the whole budget at n = 2,850, so the LPs are
solved together: one revised simplex whose pricing step for all units is a single matrix product.

Two devices keep the work small and the answers exact:

* **reduced reference set** — only the columns in ``candidates`` take part in the simplex; at the end the
  duals of every unit are priced against *all* reference columns, and any column with a negative reduced
  cost is added and the unit re-optimised from its current basis (column generation). A unit is accepted only
  with an optimality certificate against the full set (primal feasible, no negative reduced cost), so the
  result equals the full-set LP whatever the candidate set was;
* **fallback** — any unit that does not converge, loses its certificate, or ends with a positive artificial
  (possibly infeasible) is re-solved from scratch with HiGHS (``highspy``) on the full LP; infeasibility is then
  reported.

References
----------
Barr, R. S. & Durchholz, M. L. (1997). Parallel and hierarchical decomposition approaches for solving
large-scale data envelopment analysis models. *Annals of Operations Research* 73, 339-372.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

from yindi._typing import BoolArray, FloatArray, IntArray

OPTIMAL, INFEASIBLE, UNBOUNDED = 0, 1, 2
_BIG_M = 1e5
_RC_TOL = 1e-9
_CERT_TOL = 1e-8
_PIV_TOL = 1e-9
_BLAND_AFTER = 60
_CHUNK_ELEMS = 1_000_000  # units per simplex chunk × candidate columns: bounds the pricing buffer (8 MB)
_MEMO_SIZE = 32  # solutions of small problems kept (see solve_batch)
_MEMO_BYTES = 1 << 20  # a problem is remembered only when its arrays take at most this many bytes


_CONTROLLER: list[ThreadpoolController] = []
_MEMO: OrderedDict[str, BatchSolution] = OrderedDict()


def _blas_controller() -> ThreadpoolController:
    """One controller per process: scanning the loaded libraries costs milliseconds on every new one."""
    if not _CONTROLLER:
        _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0]


@dataclass(frozen=True)
class BatchLP:
    """Data of ``B`` LPs with ``r`` rows sharing ``n_ref`` reference columns.

    Attributes
    ----------
    a_ref : (r, n_ref) float array — reference columns (one per reference unit).
    c_ref : (n_ref,) float array — their costs.
    a_own : (B, r, p) float array — unit-specific columns.
    c_own : (B, p) float array — their costs.
    rhs : (B, r) float array.
    exclude : (B,) int array — reference column barred for each unit (super-efficiency), ``-1`` for none.
    price : int array or None — reference columns the optimality certificate prices (None: all). A subset is
        valid only for the radial models (input rows with a +1 slack, output rows with a −1 surplus, zero
        costs on λ) when every other reference column is dominated by a convex combination of the subset
        (more of every input, less of every output): then, with the own-column reduced costs certified
        non-negative (input duals ≤ 0, output duals ≥ 0), a dominated column's reduced cost is at least the
        convex combination of its dominators', hence ≥ 0. The complete VRS-efficient set has that property.
    """

    a_ref: FloatArray
    c_ref: FloatArray
    a_own: FloatArray
    c_own: FloatArray
    rhs: FloatArray
    exclude: IntArray
    price: IntArray | None = None


@dataclass(frozen=True)
class BatchSolution:
    """Solutions of a :class:`BatchLP`.

    Attributes
    ----------
    status : (B,) int array — 0 optimal, 1 infeasible, 2 unbounded.
    objective : (B,) float array — optimal value (NaN unless optimal).
    x_ref : (B, n_ref) sparse CSR matrix — reference weights λ.
    x_own : (B, p) float array — unit-specific variables.
    n_fallback : int — units solved by the HiGHS fallback.
    n_candidates : int — reference columns finally in the candidate set.
    candidates : int array — that set.
    """

    status: IntArray
    objective: FloatArray
    x_ref: sp.csr_matrix
    x_own: FloatArray
    n_fallback: int
    n_candidates: int
    candidates: IntArray


@dataclass
class _State:
    binv: FloatArray  # (B, r, r)
    codes: IntArray  # (B, r) basic variable codes
    cb: FloatArray  # (B, r) costs of basic variables
    xb: FloatArray  # (B, r) values of basic variables
    sign: FloatArray  # (B, r) sign of the artificial column of each row


def _initial_state(lp: BatchLP, art_cost: float = _BIG_M) -> _State:
    nb, r = lp.rhs.shape
    n_ref, p = lp.a_ref.shape[1], lp.a_own.shape[2]
    sign = np.where(lp.rhs < 0, -1.0, 1.0)
    binv = np.zeros((nb, r, r))
    idx = np.arange(r)
    binv[:, idx, idx] = sign
    codes = np.broadcast_to(n_ref + p + idx, (nb, r)).copy()
    return _State(binv, codes, np.full((nb, r), art_cost), np.abs(lp.rhs), sign)


def _simplex(lp: BatchLP, st: _State, units: IntArray, cand: IntArray, max_iter: int) -> BoolArray:
    """Run the revised simplex on ``units`` against reference columns ``cand``; return converged flags."""
    n_ref = lp.a_ref.shape[1]
    a_k = lp.a_ref[:, cand]
    neg_a_k = np.ascontiguousarray(-a_k)
    c_nonzero = bool(np.any(lp.c_ref[cand]))
    buf = np.empty((len(units), len(cand)))
    c_k = lp.c_ref[cand]
    ncand = len(cand)
    pos = np.full(n_ref, -1)
    pos[cand] = np.arange(ncand)
    binv, codes, cb, xb = st.binv[units], st.codes[units], st.cb[units], st.xb[units]
    a_own, c_own = lp.a_own[units], lp.c_own[units]
    excl = pos[lp.exclude[units]]
    excl[lp.exclude[units] < 0] = -1
    has_excl = np.nonzero(excl >= 0)[0]
    live = np.arange(len(units))
    converged = np.zeros(len(units), dtype=bool)
    for it in range(max_iter):
        bland = it >= _BLAND_AFTER  # anti-cycling: Bland's rule once Dantzig has had its chance
        if live.size == 0:
            break
        bi, cbl = binv[live], cb[live]
        pi = np.einsum("br,brs->bs", cbl, bi)
        d_ref = np.matmul(pi, neg_a_k, out=buf[: live.size])
        if c_nonzero:
            d_ref += c_k
        ex_rows = np.nonzero(np.isin(live, has_excl))[0] if has_excl.size else has_excl
        if ex_rows.size:
            d_ref[ex_rows, excl[live[ex_rows]]] = np.inf
        d_own = c_own[live] - np.einsum("br,brp->bp", pi, a_own[live])
        rows_all = np.arange(live.size)
        q_ref = np.argmin(d_ref, axis=1)
        q_own = np.argmin(d_own, axis=1)
        v_ref = d_ref[rows_all, q_ref]
        v_own = d_own[rows_all, q_own]
        if bland:
            neg_ref = d_ref < -_RC_TOL
            q_ref = np.where(neg_ref.any(axis=1), np.argmax(neg_ref, axis=1), q_ref)
            v_ref = d_ref[rows_all, q_ref]
            neg_own = d_own < -_RC_TOL
            q_own = np.where(neg_own.any(axis=1), np.argmax(neg_own, axis=1), q_own)
            v_own = d_own[rows_all, q_own]
            use_own = (v_own < -_RC_TOL) & ~(v_ref < -_RC_TOL)
        else:
            use_own = v_own < v_ref
        q = np.where(use_own, ncand + q_own, q_ref)
        dmin = np.where(use_own, v_own, v_ref)
        done = dmin >= -_RC_TOL
        converged[live[done]] = True
        go = ~done
        live, q, bi = live[go], q[go], bi[go]
        if live.size == 0:
            break
        col = np.empty((live.size, lp.rhs.shape[1]))
        is_ref = q < ncand
        col[is_ref] = a_k[:, q[is_ref]].T
        own_rows = np.nonzero(~is_ref)[0]
        col[own_rows] = a_own[live[own_rows], :, q[own_rows] - ncand]
        u = np.einsum("brs,bs->br", bi, col)
        x = xb[live]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(u > _PIV_TOL, x / u, np.inf)
        rmin = ratio.min(axis=1)
        unb = ~np.isfinite(rmin)
        if unb.any():  # leave to the fallback, which reports unboundedness
            live, q, bi, u, x, rmin, col = (a[~unb] for a in (live, q, bi, u, x, rmin, col))
        tie = ratio[~unb] <= (rmin * (1 + 1e-12) + 1e-14)[:, None]
        if bland:
            leave = np.argmin(np.where(tie, codes[live], np.iinfo(np.int64).max), axis=1)
        else:
            leave = np.argmax(np.where(tie, u, -np.inf), axis=1)
        rows = np.arange(live.size)
        piv = u[rows, leave]
        step = x[rows, leave] / piv
        x = x - step[:, None] * u
        x[rows, leave] = step
        np.maximum(x, 0.0, out=x)
        lrow = bi[rows, leave, :] / piv[:, None]
        bi = bi - u[:, :, None] * lrow[:, None, :]
        bi[rows, leave, :] = lrow
        binv[live], xb[live] = bi, x
        new_code = np.where(q < ncand, cand[np.minimum(q, ncand - 1)], n_ref + q - ncand)
        codes[live, leave] = new_code
        cb[live, leave] = np.where(
            q < ncand, c_k[np.minimum(q, ncand - 1)], c_own[live, np.maximum(q - ncand, 0)]
        )
    st.binv[units], st.codes[units], st.cb[units], st.xb[units] = binv, codes, cb, xb
    return converged


def _basis_columns(lp: BatchLP, st: _State, units: IntArray) -> FloatArray:
    """Basis matrices ``(len(units), r, r)`` rebuilt from the original data."""
    n_ref, p = lp.a_ref.shape[1], lp.a_own.shape[2]
    codes = st.codes[units]
    r = codes.shape[1]
    cols = np.zeros((len(units), r, r))
    is_ref = codes < n_ref
    cols[is_ref] = lp.a_ref.T[codes[is_ref]]
    bi, ki = np.nonzero((codes >= n_ref) & (codes < n_ref + p))
    cols[bi, ki] = lp.a_own[units[bi], :, codes[bi, ki] - n_ref]
    bi, ki = np.nonzero(codes >= n_ref + p)
    ai = codes[bi, ki] - n_ref - p
    cols[bi, ki, ai] = st.sign[units[bi], ai]
    return cols.transpose(0, 2, 1)


def _certify(
    lp: BatchLP, st: _State, units: IntArray, *, phase1: bool = False
) -> tuple[BoolArray, BoolArray, list[IntArray]]:
    """Recompute the basis inverse exactly and price every reference column.

    Returns ``ok`` (certified optimal), ``bad`` (needs the fallback) and, for the others, the violating
    reference columns to add.
    """
    n_ref, p = lp.a_ref.shape[1], lp.a_own.shape[2]
    bmat = _basis_columns(lp, st, units)
    try:
        binv = np.linalg.inv(bmat)
    except np.linalg.LinAlgError:
        return np.zeros(len(units), dtype=bool), np.ones(len(units), dtype=bool), []
    xb = np.einsum("brs,bs->br", binv, lp.rhs[units])
    pi = np.einsum("br,brs->bs", st.cb[units], binv)
    st.binv[units], st.xb[units] = binv, np.maximum(xb, 0.0)
    scale = 1.0 + np.abs(lp.rhs[units]).max(axis=1)
    bad = (xb.min(axis=1) < -_CERT_TOL * scale) | ~np.isfinite(xb).all(axis=1)
    art_pos = ((st.codes[units] >= n_ref + p) & (xb > _CERT_TOL * scale[:, None])).any(axis=1)
    if not phase1:
        bad |= art_pos
    d_own = lp.c_own[units] - np.einsum("br,brp->bp", pi, lp.a_own[units])
    bad |= d_own.min(axis=1, initial=0.0) < -_CERT_TOL
    add: list[IntArray] = []
    viol = np.zeros(len(units), dtype=bool)
    price = np.arange(n_ref) if lp.price is None else lp.price
    n_price = price.size
    pos = np.full(n_ref, -1)
    pos[price] = np.arange(n_price)
    chunk = max(1, _CHUNK_ELEMS // max(n_price, 1))
    a_t = np.ascontiguousarray(lp.a_ref[:, price].T)
    c_p = lp.c_ref[price]
    for s in range(0, len(units), chunk):
        sl = slice(s, s + chunk)
        d = (a_t @ -pi[sl].T).T
        d += c_p
        ex = lp.exclude[units[sl]]
        rows = np.nonzero(ex >= 0)[0]
        cols = pos[ex[rows]]
        keep = cols >= 0
        d[rows[keep], cols[keep]] = np.inf
        vrows = np.nonzero(d.min(axis=1) < -_CERT_TOL)[0]
        viol[s + vrows] = True
        if vrows.size:
            dv = d[vrows]
            k = min(3, n_price)
            best = np.argpartition(dv, k - 1, axis=1)[:, :k]
            picked = best[np.take_along_axis(dv, best, axis=1) < -_CERT_TOL]
            add.append(price[np.unique(picked)])
    ok = ~bad & ~viol
    return ok, bad, add


def _fallback(lp: BatchLP, b: int) -> tuple[int, float, FloatArray, FloatArray]:
    """Solve unit ``b`` on the full LP with HiGHS (``highspy``, the solver SciPy's ``linprog(method="highs")``
    wraps, without SciPy's 0.5 s ``scipy.optimize`` import); returns status, objective, λ, w."""
    import highspy

    n_ref, p = lp.a_ref.shape[1], lp.a_own.shape[2]
    a = sp.csc_matrix(np.hstack([lp.a_ref, lp.a_own[b]]))
    n = n_ref + p
    ub = np.full(n, highspy.kHighsInf)
    if lp.exclude[b] >= 0:
        ub[lp.exclude[b]] = 0.0
    model = highspy.HighsLp()
    model.num_col_, model.num_row_ = n, a.shape[0]
    model.col_cost_ = np.concatenate([lp.c_ref, lp.c_own[b]])
    model.col_lower_, model.col_upper_ = np.zeros(n), ub
    model.row_lower_ = model.row_upper_ = np.asarray(lp.rhs[b], dtype=np.float64)
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.start_, model.a_matrix_.index_, model.a_matrix_.value_ = a.indptr, a.indices, a.data
    solver = _highs()
    solver.passModel(model)
    solver.run()
    status = solver.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        x = np.asarray(solver.getSolution().col_value, dtype=np.float64)
        return OPTIMAL, float(solver.getInfo().objective_function_value), x[:n_ref], x[n_ref:]
    bad = INFEASIBLE if status == highspy.HighsModelStatus.kInfeasible else UNBOUNDED
    return bad, np.nan, np.zeros(n_ref), np.full(p, np.nan)


_HIGHS = threading.local()


def _highs() -> Any:
    """This thread's HiGHS solver, silent: made once (HiGHS prints its banner on stdout when a solver is made,
    before any option can be set, so standard output is pointed at the null device for that moment), then
    emptied and reused."""
    solver = getattr(_HIGHS, "solver", None)
    if solver is None:
        import highspy

        with _stdout_silenced():
            solver = highspy.Highs()  # type: ignore[no-untyped-call]
        solver.setOptionValue("output_flag", False)
        _HIGHS.solver = solver
    else:
        solver.clearModel()
        solver.clearSolver()
    return solver


@contextlib.contextmanager
def _stdout_silenced() -> Iterator[None]:
    """Standard output (file descriptor 1) to the null device for the block; unchanged if it cannot be."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stdout.flush()
    try:
        saved = os.dup(1)
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        yield
        return
    try:
        os.dup2(null, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(null)


def _column_generation(
    lp: BatchLP, cand: IntArray, max_iter: int, art_cost: float, *, phase1: bool = False
) -> tuple[_State, BoolArray, BoolArray, IntArray]:
    """Simplex rounds with pricing against every reference column until each unit is certified.

    Returns the state, the certified and the fallback flags, and the candidate set grown by pricing.
    """
    nb = lp.rhs.shape[0]
    st = _initial_state(lp, art_cost)
    open_units = np.arange(nb)
    final = np.zeros(nb, dtype=bool)
    need_fb = np.zeros(nb, dtype=bool)
    for _round in range(50):
        if open_units.size == 0:
            break
        conv = _simplex(lp, st, open_units, cand, max_iter)
        need_fb[open_units[~conv]] = True
        check = open_units[conv]
        if check.size == 0:
            break
        ok, bad, add = _certify(lp, st, check, phase1=phase1)
        final[check[ok]] = True
        need_fb[check[bad]] = True
        open_units = check[~ok & ~bad]
        if add:
            cand = np.union1d(cand, np.concatenate(add))
    need_fb[open_units] = True
    need_fb &= ~final
    return st, final, need_fb, cand


def _copy(sol: BatchSolution) -> BatchSolution:
    return BatchSolution(
        sol.status.copy(),
        sol.objective.copy(),
        sp.csr_matrix(sol.x_ref, copy=True),
        sol.x_own.copy(),
        sol.n_fallback,
        sol.n_candidates,
        sol.candidates.copy(),
    )


def _problem_key(lp: BatchLP, cand: IntArray, max_iter: int, chunk_elems: int) -> str | None:
    """A digest of everything :func:`solve_batch` reads, or None for a problem too large to remember."""
    arrays = [lp.a_ref, lp.c_ref, lp.a_own, lp.c_own, lp.rhs, lp.exclude, cand]
    if lp.price is not None:
        arrays.append(lp.price)
    if sum(a.nbytes for a in arrays) > _MEMO_BYTES:
        return None
    h = hashlib.sha256(f"{max_iter}|{chunk_elems}|{lp.price is None}".encode())
    for a in arrays:
        c = np.ascontiguousarray(a)
        h.update(f"{c.dtype.str}{c.shape}".encode())
        h.update(c.tobytes())
    return h.hexdigest()


def solve_batch(
    lp: BatchLP, candidates: IntArray, *, max_iter: int = 150, chunk_elems: int = _CHUNK_ELEMS
) -> BatchSolution:
    """Solve every LP of ``lp`` exactly (see :func:`_solve_batch`), with BLAS held to one thread.

    The matrix products here are small (a few rows); multi-threaded BLAS only adds contention on them. The
    units are solved in chunks of at most ``chunk_elems / len(candidates)`` (at least 256), so memory stays
    linear in the number of units; each chunk starts from the candidate set the previous one ended with
    (a warm start: columns found by pricing are not searched for again).

    The solution is a function of the problem alone, and analyses solve the same small problem more than
    once (the CRS and VRS frontiers of one period, the period again in a Malmquist index): the last
    :data:`_MEMO_SIZE` small problems' solutions are kept (by a digest of every array read) and a copy is
    returned.
    """
    cand = np.unique(np.asarray(candidates, dtype=np.int64))
    key = _problem_key(lp, cand, max_iter, chunk_elems)
    if key is not None and key in _MEMO:
        _MEMO.move_to_end(key)
        return _copy(_MEMO[key])
    sol = _solve_chunks(lp, cand, max_iter=max_iter, chunk_elems=chunk_elems)
    if key is not None:
        _MEMO[key] = _copy(sol)
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return sol


def _solve_chunks(lp: BatchLP, cand: IntArray, *, max_iter: int, chunk_elems: int) -> BatchSolution:
    nb = lp.rhs.shape[0]
    with _blas_controller().limit(limits=1, user_api="blas"):
        size = max(256, chunk_elems // max(cand.size, 1))
        if nb <= size:
            return _solve_batch(lp, cand, max_iter=max_iter)
        parts: list[BatchSolution] = []
        start = 0
        while start < nb:
            rows = np.arange(start, min(nb, start + size))
            start += rows.size
            sub = BatchLP(
                lp.a_ref, lp.c_ref, lp.a_own[rows], lp.c_own[rows], lp.rhs[rows], lp.exclude[rows], lp.price
            )
            parts.append(_solve_batch(sub, cand, max_iter=max_iter))
            cand = parts[-1].candidates
            size = max(256, chunk_elems // max(cand.size, 1))
    return BatchSolution(
        np.concatenate([p_.status for p_ in parts]),
        np.concatenate([p_.objective for p_ in parts]),
        sp.csr_matrix(sp.vstack([p_.x_ref for p_ in parts], format="csr")),
        np.vstack([p_.x_own for p_ in parts]),
        sum(p_.n_fallback for p_ in parts),
        int(cand.size),
        cand,
    )


def _solve_batch(lp: BatchLP, candidates: IntArray, *, max_iter: int = 150) -> BatchSolution:
    """Solve every LP of ``lp`` exactly, starting from the reference columns ``candidates``.

    Parameters
    ----------
    lp : BatchLP
    candidates : int array
        Initial reference columns (e.g. the efficient units); more are added by pricing when needed.
    max_iter : int
        Simplex iterations per round before a unit is handed to the fallback.

    Returns
    -------
    BatchSolution
    """
    nb = lp.rhs.shape[0]
    n_ref, p = lp.a_ref.shape[1], lp.a_own.shape[2]
    cand = np.unique(np.asarray(candidates, dtype=np.int64))
    if cand.size == 0:
        cand = np.arange(min(n_ref, 1))
    st, final, need_fb, cand = _column_generation(lp, cand, max_iter, _BIG_M)
    # a positive artificial at the Big-M optimum: decide feasibility with a certified phase-1 run
    art = final & ((st.codes >= n_ref + p) & (st.xb > _CERT_TOL)).any(axis=1)
    art |= need_fb
    infeasible = np.zeros(nb, dtype=bool)
    if art.any():
        sub = np.nonzero(art)[0]
        lp1 = BatchLP(
            lp.a_ref,
            np.zeros(n_ref),
            lp.a_own[sub],
            np.zeros((sub.size, p)),
            lp.rhs[sub],
            lp.exclude[sub],
            lp.price,
        )
        st1, fin1, _fb1, _c1 = _column_generation(lp1, cand, max_iter, 1.0, phase1=True)
        infeas1 = fin1 & (np.einsum("br,br->b", st1.cb, st1.xb) > 1e-7)
        infeasible[sub[infeas1]] = True
        final[sub] = False
        need_fb[sub] = ~infeas1
    status = np.where(infeasible, INFEASIBLE, OPTIMAL).astype(np.int64)
    x_own = np.zeros((nb, p))
    codes, xb = st.codes, st.xb
    rows, cols = np.nonzero(codes < n_ref)
    ok_rows = final[rows]
    rows, cols = rows[ok_rows], cols[ok_rows]
    vals = xb[rows, cols]
    ref_r, ref_c, ref_v = [rows], [codes[rows, cols]], [vals]
    orow, ocol = np.nonzero((codes >= n_ref) & (codes < n_ref + p))
    keep = final[orow]
    x_own[orow[keep], codes[orow[keep], ocol[keep]] - n_ref] = xb[orow[keep], ocol[keep]]
    objective = np.full(nb, np.nan)
    fb_units = np.nonzero(need_fb)[0]
    for b in fb_units:
        s, f, lam, w = _fallback(lp, int(b))
        status[b], objective[b], x_own[b] = s, f, w
        nz = np.nonzero(lam > 0)[0]
        ref_r.append(np.full(nz.size, b))
        ref_c.append(nz)
        ref_v.append(lam[nz])
    fin = np.nonzero(final)[0]
    objective[fin] = np.einsum("br,br->b", st.cb[fin], st.xb[fin])
    x_ref = sp.csr_matrix(
        (np.concatenate(ref_v), (np.concatenate(ref_r), np.concatenate(ref_c))), shape=(nb, n_ref)
    )
    x_ref.eliminate_zeros()
    return BatchSolution(status, objective, x_ref, x_own, int(fb_units.size), int(cand.size), cand)
