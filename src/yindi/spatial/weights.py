"""The spatial weights object: immutable, keyed by adcode, built by the named constructors in
:mod:`yindi.spatial.build`.

空间权重矩阵：不可变对象，以行政区划代码为键。
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from yindi._typing import FloatArray, IntArray, Lang
from yindi.errors import DataValidationError, ParameterError

if TYPE_CHECKING:
    import pandas as pd


def _frozen(a: Any, dtype: Any) -> Any:
    out = np.array(a, dtype=dtype, copy=True)
    out.setflags(write=False)
    return out


@dataclass(frozen=True, eq=False)
class Weights:
    """Spatial weights between regions, stored as a sparse row structure (CSR).

    Build one with :func:`~yindi.spatial.contiguity`, :func:`~yindi.spatial.knn`,
    :func:`~yindi.spatial.distance_band`, :func:`~yindi.spatial.inverse_distance`,
    :func:`~yindi.spatial.economic_distance` or :meth:`Weights.from_neighbors`. Every method returns a new
    object; the arrays are read-only.

    Attributes
    ----------
    ids : tuple of str
        Region codes, in the order of rows and columns (n).
    indptr : int64 array, shape (n + 1,)
    indices : int64 array, shape (nnz,)
        Column positions of row ``i`` are ``indices[indptr[i]:indptr[i + 1]]``.
    values : float64 array, shape (nnz,)
    kind : str
        How the weights were built (``"queen"``, ``"knn(k=4)"``, ...).
    transform : {"binary", "row", "original"}
        ``"row"`` after :meth:`row_standardised`.
    attached : tuple of (str, str)
        Links added to attach islands to their nearest neighbour (empty unless asked for).
    """

    ids: tuple[str, ...]
    indptr: IntArray
    indices: IntArray
    values: FloatArray
    kind: str
    transform: str = "binary"
    attached: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        n = len(self.ids)
        if len(set(self.ids)) != n:
            raise DataValidationError(
                "Spatial weights need unique region codes; some codes appear twice.",
                zh="空间权重要求地区代码唯一；有代码出现了两次。",
            )
        object.__setattr__(self, "indptr", _frozen(self.indptr, np.int64))
        object.__setattr__(self, "indices", _frozen(self.indices, np.int64))
        object.__setattr__(self, "values", _frozen(self.values, np.float64))
        if self.indptr.shape != (n + 1,) or self.indices.shape != self.values.shape:
            raise DataValidationError(
                "Weights arrays are inconsistent: indptr must have n + 1 entries.",
                zh="权重数组不一致：indptr 须有 n + 1 个元素。",
            )

    # --- construction -----------------------------------------------------------------------------------
    @classmethod
    def from_neighbors(
        cls,
        neighbors: Mapping[str, Iterable[str]],
        weights: Mapping[str, Iterable[float]] | None = None,
        *,
        kind: str = "custom",
    ) -> Weights:
        """Weights from ``{code: [neighbour codes]}`` (and optionally ``{code: [weights]}`` in the same order).

        Every neighbour must itself be a key; binary weights (1.0) unless ``weights`` is given.
        """
        ids = tuple(str(k) for k in neighbors)
        pos = {c: i for i, c in enumerate(ids)}
        indptr: list[int] = [0]
        indices: list[int] = []
        values: list[float] = []
        for code in ids:
            nb = [str(x) for x in neighbors[code]]
            unknown = [x for x in nb if x not in pos]
            if unknown:
                raise DataValidationError(
                    f"Neighbour(s) {unknown} of region {code!r} are not regions of these weights; "
                    "every neighbour must also be a key of `neighbors`.",
                    zh=f"地区 {code!r} 的邻居 {unknown} 不是该空间权重中的地区；"
                    "每个邻居也须是 `neighbors` 的键。",
                )
            if len(set(nb)) != len(nb):
                dup = sorted({x for x in nb if nb.count(x) > 1})
                raise DataValidationError(
                    f"Region {code!r} lists neighbour(s) {dup} more than once.",
                    zh=f"地区 {code!r} 多次列出邻居 {dup}。",
                )
            wv = [1.0] * len(nb) if weights is None else [float(v) for v in weights[code]]
            if len(wv) != len(nb):
                raise DataValidationError(
                    f"Region {code!r} has {len(nb)} neighbours but {len(wv)} weights.",
                    zh=f"地区 {code!r} 有 {len(nb)} 个邻居，却有 {len(wv)} 个权重。",
                )
            order = np.argsort([pos[x] for x in nb], kind="stable")
            indices.extend(pos[nb[o]] for o in order)
            values.extend(wv[o] for o in order)
            indptr.append(len(indices))
        transform = "binary" if weights is None else "original"
        return cls(
            ids, np.array(indptr), np.array(indices, dtype=np.int64), np.array(values), kind, transform
        )

    @classmethod
    def from_pairs(cls, ids: Iterable[str], i: IntArray, j: IntArray, *, kind: str) -> Weights:
        """Symmetric binary weights from index pairs (each pair gives both links; repeated pairs count once)."""
        ids_t = tuple(ids)
        n = len(ids_t)
        rows = np.concatenate([i, j]).astype(np.int64)
        cols = np.concatenate([j, i]).astype(np.int64)
        links = np.unique(rows * n + cols)  # sorted by row, then column
        indptr = np.concatenate([[0], np.cumsum(np.bincount(links // n, minlength=n))])
        return cls(ids_t, indptr, links % n, np.ones(links.size), kind, "binary")

    # --- views ------------------------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of regions."""
        return len(self.ids)

    @cached_property
    def cardinalities(self) -> IntArray:
        """Number of neighbours of each region, shape (n,)."""
        out = np.diff(self.indptr)
        out.setflags(write=False)
        return out

    @cached_property
    def neighbors(self) -> dict[str, tuple[str, ...]]:
        """``{code: (neighbour codes, ...)}`` in column order."""
        return {
            code: tuple(self.ids[j] for j in self.indices[self.indptr[i] : self.indptr[i + 1]])
            for i, code in enumerate(self.ids)
        }

    @cached_property
    def weights(self) -> dict[str, tuple[float, ...]]:
        """``{code: (weights, ...)}`` in the order of :attr:`neighbors`."""
        return {
            code: tuple(float(v) for v in self.values[self.indptr[i] : self.indptr[i + 1]])
            for i, code in enumerate(self.ids)
        }

    @cached_property
    def islands(self) -> tuple[str, ...]:
        """Regions without any neighbour (e.g. 海南 under contiguity)."""
        return tuple(c for c, k in zip(self.ids, self.cardinalities, strict=True) if k == 0)

    @cached_property
    def components(self) -> tuple[tuple[str, ...], ...]:
        """Connected components (largest first); an island is a component of its own."""
        from scipy.sparse.csgraph import connected_components

        _, labels = connected_components(self.sparse(), directed=True, connection="weak")
        groups: dict[int, list[str]] = {}
        for code, lab in zip(self.ids, labels, strict=True):
            groups.setdefault(int(lab), []).append(code)
        return tuple(tuple(g) for g in sorted(groups.values(), key=lambda g: (-len(g), g[0])))

    @property
    def s0(self) -> float:
        """Sum of all weights."""
        return float(self.values.sum())

    def sparse(self) -> Any:
        """The weights as a ``scipy.sparse.csr_matrix`` (a copy), shape (n, n)."""
        from scipy import sparse

        return sparse.csr_matrix(
            (self.values.copy(), self.indices.copy(), self.indptr.copy()), shape=(self.n, self.n)
        )

    def dense(self) -> FloatArray:
        """The weights as a dense array, shape (n, n)."""
        return np.asarray(self.sparse().toarray(), dtype=np.float64)

    def is_symmetric(self) -> bool:
        m = self.sparse()
        return bool(abs(m - m.T).max() < 1e-12) if m.nnz else True

    # --- new objects ------------------------------------------------------------------------------------
    def row_standardised(self) -> Weights:
        """A new object whose rows sum to 1 (islands keep an empty row). The original is unchanged."""
        rows = np.repeat(np.arange(self.n), self.cardinalities)  # empty rows (islands) anywhere, even last
        sums = np.bincount(rows, weights=self.values, minlength=self.n)
        sums = np.where(self.cardinalities > 0, sums, 1.0)
        if np.any(sums[self.cardinalities > 0] <= 0):
            raise ParameterError(
                "Cannot row-standardise: some row has non-positive total weight.",
                zh="无法行标准化：某行的权重合计不为正。",
            )
        vals = self.values / np.repeat(sums, self.cardinalities)
        return Weights(self.ids, self.indptr, self.indices, vals, self.kind, "row", self.attached)

    def subset(self, codes: Iterable[str]) -> Weights:
        """Weights among ``codes`` only (links to other regions dropped), rows in the order given."""
        wanted = [str(c) for c in codes]
        pos = {c: i for i, c in enumerate(self.ids)}
        missing = [c for c in wanted if c not in pos]
        if missing:
            raise DataValidationError(
                f"Region(s) {missing[:5]} are not in these weights ({self.kind}).",
                zh=f"地区 {missing[:5]} 不在该空间权重（{self.kind}）中。",
            )
        idx = np.array([pos[c] for c in wanted], dtype=np.int64)
        m = self.sparse()[idx][:, idx].tocsr()
        m.sort_indices()
        attached = tuple(p for p in self.attached if p[0] in wanted and p[1] in wanted)
        return Weights(tuple(wanted), m.indptr, m.indices, m.data, self.kind, self.transform, attached)

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema, one row per link: ``measure`` ``weight`` from ``region_code`` to ``partner_code``
        (with ``partner``, its name)."""
        import pandas as pd

        from yindi.schema import region_labels, tidy

        rows = np.repeat(np.arange(self.n), self.cardinalities)
        ids = np.array(self.ids)
        partners = ids[self.indices]
        frame = pd.DataFrame(
            {
                "region_code": ids[rows],
                "partner_code": partners,
                "partner": region_labels(list(partners), lang)[0],
                "measure": "weight",
                "value": self.values,
            }
        )
        return tidy(frame, keys=["partner_code", "partner"], lang=lang)

    def summary(self) -> str:
        card = self.cardinalities
        lines = [
            f"Spatial weights: {self.kind}, {self.transform}; {self.n} regions, {len(self.values)} links",
            f"neighbours per region: min {card.min() if self.n else 0}, mean {card.mean() if self.n else 0:.2f}, "
            f"max {card.max() if self.n else 0}",
            f"islands: {', '.join(self.islands) or 'none'}; components: {len(self.components)}",
        ]
        if self.attached:
            lines.append("attached: " + ", ".join(f"{a}→{b}" for a, b in self.attached))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        return (
            f"<Weights {self.kind}, {self.transform}: {self.n} regions, {len(self.values)} links, "
            f"{len(self.islands)} island(s)>"
        )
