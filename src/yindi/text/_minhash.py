"""Kernels of text reuse: hashed character shingles, exact Jaccard and containment, MinHash and LSH banding.

Pure NumPy on arrays (no pandas, no I/O). Hashes are computed from Unicode code points with fixed constants,
so they are the same in every process (Python's ``hash`` of a string is not).

Notes
-----
A text's shingles are its overlapping character ``k``-grams after removing whitespace and punctuation. Each
shingle is hashed to 64 bits by a polynomial over its code points (mod 2**64) followed by the splitmix64
finaliser. For sets A, B of hashed shingles:

- Jaccard ``J = |A ∩ B| / |A ∪ B|``; containment of A in B ``C = |A ∩ B| / |A|``.
- MinHash (Broder 1997): with ``m`` independent hash functions ``h_i``, ``sig_i(A) = min_{a∈A} h_i(a)`` and
  ``P[sig_i(A) = sig_i(B)] = J``; the estimate ``Ĵ = mean_i [sig_i(A) = sig_i(B)]`` has standard error
  ``sqrt(J(1 − J)/m)``. Here ``h_i(a) = mix(a XOR s_i)`` with seeded 64-bit salts ``s_i``.
- LSH banding (Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3): ``b`` bands of ``r`` rows;
  a pair is a candidate when all rows of at least one band agree, with probability ``1 − (1 − J^r)^b``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

U64 = NDArray[np.uint64]
_SKIP = re.compile(r"[\s\W_]+", flags=re.UNICODE)
_P = np.uint64(0x100000001B3)  # FNV-64 prime as the polynomial base


def _mix(x: U64) -> U64:
    """splitmix64 finaliser (wrapping uint64 arithmetic)."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(30))
        x = x * np.uint64(0xBF58476D1CE4E5B9)
        x = x ^ (x >> np.uint64(27))
        x = x * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def clean(text: str) -> str:
    """The characters shingles are taken from: ``text`` without whitespace and punctuation."""
    return _SKIP.sub("", text)


def shingles(text: str, k: int = 5) -> U64:
    """Hashes of the overlapping ``k``-character shingles of ``clean(text)`` (with repeats, in order); a text
    shorter than ``k`` gives one shingle of the whole text, an empty text none."""
    s = clean(text)
    if not s:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < k:
        k = len(codes)
    n = len(codes) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _P + codes[j : j + n]
    return _mix(h)


def shingle_set(text: str, k: int = 5) -> U64:
    """Sorted unique shingle hashes of ``text``."""
    return np.unique(shingles(text, k))


def contains(sorted_set: U64, items: U64) -> NDArray[np.bool_]:
    """For each of ``items``, whether it is in ``sorted_set`` (sorted, unique)."""
    if sorted_set.size == 0:
        return np.zeros(items.shape, dtype=bool)
    pos = np.searchsorted(sorted_set, items)
    pos[pos == sorted_set.size] = 0
    found: NDArray[np.bool_] = sorted_set[pos] == items
    return found


def jaccard(a: U64, b: U64) -> float:
    """Exact Jaccard similarity of two sets of hashes (duplicates ignored); 0 for two empty sets."""
    ua, ub = np.unique(a), np.unique(b)
    union = np.union1d(ua, ub).size
    return float(np.intersect1d(ua, ub, assume_unique=True).size / union) if union else 0.0


def containment(a: U64, b_sorted: U64) -> float:
    """Share of the distinct shingles of ``a`` that are in ``b_sorted`` (sorted, unique); 0 when ``a`` is
    empty."""
    ua = np.unique(a)
    return float(contains(b_sorted, ua).mean()) if ua.size else 0.0


@dataclass(frozen=True)
class MinHasher:
    """``num_perm`` seeded hash functions for MinHash signatures.

    Attributes
    ----------
    salts : ndarray of uint64, shape (num_perm,)
    """

    salts: U64

    @classmethod
    def make(cls, num_perm: int = 128, seed: int = 0) -> MinHasher:
        rng = np.random.default_rng(seed)
        return cls(rng.integers(0, np.iinfo(np.uint64).max, size=num_perm, dtype=np.uint64, endpoint=True))

    def signature(self, hashes: U64, chunk: int = 4096) -> U64:
        """MinHash signature (shape ``(num_perm,)``) of a set of shingle hashes; all ones (max uint64) for an
        empty set."""
        sig = np.full(self.salts.size, np.iinfo(np.uint64).max, dtype=np.uint64)
        u = np.unique(hashes)
        for start in range(0, u.size, chunk):
            block = _mix(u[start : start + chunk, None] ^ self.salts[None, :])
            sig = np.minimum(sig, block.min(axis=0))
        return sig

    def signatures(self, sets: list[U64]) -> U64:
        """Signatures of several sets, shape ``(len(sets), num_perm)``."""
        return (
            np.stack([self.signature(s) for s in sets]) if sets else np.zeros((0, self.salts.size), np.uint64)
        )


def estimate_jaccard(sigs: U64) -> NDArray[np.float64]:
    """Pairwise MinHash estimates of Jaccard similarity, shape ``(n, n)``, from signatures ``(n, num_perm)``."""
    n = sigs.shape[0]
    out = np.ones((n, n))
    for i in range(n):
        out[i, i + 1 :] = (sigs[i + 1 :] == sigs[i]).mean(axis=1)
        out[i + 1 :, i] = out[i, i + 1 :]
    return out


def lsh_candidates(sigs: U64, bands: int) -> set[tuple[int, int]]:
    """Pairs ``(i, j)`` with ``i < j`` whose signatures agree on every row of at least one band (``bands``
    must divide the signature length)."""
    n, m = sigs.shape
    if m % bands:
        raise ValueError(f"bands={bands} must divide the signature length {m}")
    rows = m // bands
    out: set[tuple[int, int]] = set()
    for b in range(bands):
        buckets: dict[bytes, list[int]] = {}
        for i in range(n):
            buckets.setdefault(sigs[i, b * rows : (b + 1) * rows].tobytes(), []).append(i)
        for members in buckets.values():
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    out.add((members[x], members[y]))
    return out
