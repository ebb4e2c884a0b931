"""A panel read by the streamed importer, held as codes until its frame is asked for.

The streamed reader (:mod:`yindi.data._stream`) ends with each text column as int32 ids into its few distinct
texts. Building the panel's string columns from them costs ~63 bytes a row (pandas stores ``str`` as Arrow
``large_string``: the texts plus an 8-byte offset a row), more than the rest of a large import together. A
:class:`CodedPanel` keeps the ids (~28 bytes a row with ``year`` and ``value``) and builds
:attr:`~yindi.data.panel.Panel.frame` on first access, exactly as the reader built it before (same texts,
order, dtypes); :meth:`arrow_table` hands the rows to the workspace as dictionary-encoded Arrow columns, so
``yindi data import`` never builds the string columns at all. Everything else is an ordinary
:class:`~yindi.data.panel.Panel`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from yindi.data.panel import Indicator, Panel, Repair
from yindi.data.validate import take_strings

#: The text columns of the frame, each as ``(distinct texts, row ids)``; ids are in the frame's row order.
Codes = dict[str, tuple[list[str], np.ndarray]]


class CodedPanel(Panel):
    """A :class:`~yindi.data.panel.Panel` whose ``frame`` is built from codes on first access."""

    @classmethod
    def of(
        cls,
        columns: Codes,
        years: np.ndarray,
        values: np.ndarray,
        indicators: Mapping[str, Indicator],
        repairs: Sequence[Repair],
        sources: tuple[str, ...],
    ) -> CodedPanel:
        """A panel of ``columns`` (region_code, region, indicator, unit), ``years`` and ``values``, all in
        the frame's row order."""
        panel = object.__new__(cls)
        for name, value in (
            ("indicators", indicators),
            ("repairs", tuple(repairs)),
            ("sources", sources),
            ("units", None),
            ("origin", None),
            ("_codes", (columns, years.astype(np.int64, copy=False), values)),
        ):
            object.__setattr__(panel, name, value)
        return panel

    def __getattr__(self, name: str) -> Any:
        # called only for attributes not set: ``frame`` before its first use
        if name != "frame" or "_codes" not in self.__dict__:
            raise AttributeError(name)
        from yindi.data._stream import release_memory

        columns, years, values = self.__dict__["_codes"]

        def text(name: str) -> pd.Series:
            out = take_strings(*columns[name])
            release_memory()  # Arrow's take grows its buffers; give the spare back before the next column
            return out

        data = {c: text(c) for c in ("region_code", "region", "indicator", "unit")}
        data["year"] = pd.Series(years)
        data["value"] = pd.Series(values)
        frame = pd.DataFrame(data, copy=False)[
            ["region_code", "region", "year", "indicator", "value", "unit"]
        ]
        object.__setattr__(self, "frame", frame)
        del self.__dict__["_codes"]  # the frame holds the rows now
        return frame

    def check_rows(self, indicators: set[str]) -> pd.DataFrame | None:
        """The rows the plausibility checks read (``indicators``' rows and every negative value, values present),
        built as strings for those rows only; None once the frame is built (the checks then read it).

        :func:`yindi.data.checks.check_panel` looks only at the indicators its rules name and at negative
        values, so the whole frame need not be built to check a large import.
        """
        codes = self.__dict__.get("_codes")
        if codes is None:
            return None
        columns, years, values = codes
        uniques, ind = columns["indicator"]
        wanted = np.array([k for k, u in enumerate(uniques) if str(u) in indicators], dtype=np.int64)
        keep = (np.isin(ind, wanted) | (values < 0)) & ~np.isnan(values)
        rows = np.flatnonzero(keep)
        data = {
            c: take_strings(columns[c][0], columns[c][1][rows])
            for c in ("region_code", "region", "indicator", "unit")
        }
        data["year"] = pd.Series(years[rows])
        data["value"] = pd.Series(values[rows])
        return pd.DataFrame(data, copy=False)[["region_code", "region", "year", "indicator", "value", "unit"]]

    def __len__(self) -> int:
        codes = self.__dict__.get("_codes")
        return len(codes[2]) if codes is not None else len(self.frame)

    def arrow_table(self) -> Any:
        """The rows as an Arrow table (dictionary-encoded text columns) while the frame is not built; None
        once it is (the frame is then the one to write)."""
        import pyarrow as pa

        codes = self.__dict__.get("_codes")
        if codes is None:
            return None
        columns, years, values = codes

        def text(name: str) -> Any:
            uniques, idx = columns[name]
            table = [*map(str, uniques), ""]
            safe = np.where(idx < 0, len(table) - 1, idx) if (idx < 0).any() else idx
            return pa.DictionaryArray.from_arrays(
                pa.array(safe.astype(np.int32, copy=False)), pa.array(table, type=pa.string())
            )

        return pa.table(
            {
                "region_code": text("region_code"),
                "region": text("region"),
                "year": pa.array(years),
                "indicator": text("indicator"),
                "value": pa.array(values),
                "unit": text("unit"),
            }
        )
