"""What a node returns and what a run returns.

节点的结果（若干命名的表 + 说明 + 标量元数据）与一次运行的全部结果。
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from yindi.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class NodeResult:
    """The result of one analysis node: named tables, scalar metadata and notes.

    Attributes
    ----------
    node : str
        Name of the node that computed it.
    tables : Mapping[str, DataFrame]
        Named tables (string column names; stored as Arrow, served as JSON). New tables follow the result
        schema (``yindi.schema``: ``region_code, region, level, year, measure, value`` + key columns).
    meta : Mapping[str, Any]
        JSON-serialisable scalars and small lists (the year used, counts, region codes …).
    notes : tuple of str
        Method notes and caveats in the study's language, including the warnings the methods raised.
    """

    node: str
    tables: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "tables", MappingProxyType(dict(self.tables)))
        object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))
        object.__setattr__(self, "notes", tuple(self.notes))

    def __reduce__(self) -> tuple[Any, ...]:  # the read-only mappings do not pickle; rebuild from plain ones
        return (NodeResult, (self.node, dict(self.tables), dict(self.meta), self.notes))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (what the HTTP API serves): meta, notes and every table as a list of records,
        missing values as ``None``."""
        import numpy as np
        import pandas as pd

        def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
            flat = frame.reset_index(
                drop=frame.index.name is None and not isinstance(frame.index, pd.MultiIndex)
            )
            clean = flat.astype(object).where(flat.notna(), None)
            rows = clean.to_dict(orient="records")
            return [
                {str(k): (v.item() if isinstance(v, np.generic) else v) for k, v in r.items()} for r in rows
            ]

        return {
            "node": self.node,
            "meta": dict(self.meta),
            "notes": list(self.notes),
            "tables": {name: records(t) for name, t in self.tables.items()},
        }

    def table(self, name: str) -> pd.DataFrame:
        """A copy of one table (callers may reshape it freely)."""
        try:
            return self.tables[name].copy()
        except KeyError:
            raise ParameterError(
                f"The result of {self.node!r} has no table {name!r}; it has {', '.join(self.tables)}.",
                zh=f"{self.node!r} 的结果中没有表 {name!r}；现有：{', '.join(self.tables)}。",
            ) from None


@dataclass(frozen=True)
class StudyResults:
    """Every node's result for one study.

    Attributes
    ----------
    results : Mapping[str, NodeResult or None]
        By node name; ``None`` when the data lack what the node needs (e.g. no CEADs file for ``structure``).
    failures : Mapping[str, str]
        Nodes that raised a user-facing error (message in the study's language), and nodes skipped because an
        input failed.
    reused : tuple of str
        Nodes read back from the store instead of computed.
    computed : tuple of str
        Nodes computed in this run.
    year : int
        The report year used.
    codes : tuple of str
        The analysis set (adcodes), whether or not the data cover them.
    covered : tuple of str
        The units of the analysis set that the data cover.
    digest : str
        SHA-256 of the data.
    timings : Mapping[str, float]
        Seconds per node (computing or reading back), plus ``load``.
    year_complete : bool
        Whether the key indicators cover every analysed unit in ``year``.
    notices : tuple of str
        Things the user should know about the run (e.g. results could not be stored).
    keys : Mapping[str, str]
        Each node's store key (the digest of everything it read).
    """

    results: Mapping[str, NodeResult | None]
    failures: Mapping[str, str]
    reused: tuple[str, ...]
    computed: tuple[str, ...]
    year: int
    codes: tuple[str, ...]
    covered: tuple[str, ...]
    digest: str
    timings: Mapping[str, float] = field(default_factory=dict)
    year_complete: bool = True
    notices: tuple[str, ...] = ()
    keys: Mapping[str, str] = field(default_factory=dict)

    def get(self, node: str) -> NodeResult | None:
        """The node's result, ``None`` when it is absent or failed."""
        return self.results.get(node)

    def __getitem__(self, node: str) -> NodeResult:
        res = self.results.get(node)
        if res is None:
            why = self.failures.get(node, "the data lack what it needs")
            raise ParameterError(f"No result for {node!r}: {why}.", zh=f"没有 {node!r} 的结果：{why}。")
        return res
