"""Data: the Panel, importers with validation, and the DuckDB workspace.

数据：面板、导入与校验、DuckDB 工作区。
"""

from __future__ import annotations

from pathlib import Path

from yindi.data.pack import load_pack
from yindi.data.panel import COLUMNS, Indicator, Panel, Repair, make_panel

__all__ = ["COLUMNS", "Indicator", "Panel", "Repair", "load", "load_pack", "make_panel"]


def load(source: str | Path) -> Panel:
    """Load a panel from a pack folder, a pack's ``panel.csv``, an NBS export or ``workspace:NAME``.

    For other tables (your own CSV/Excel/Parquet) use :func:`yindi.data.read_table` with a column mapping.
    """
    text = str(source)
    if text.startswith("workspace:"):
        from yindi.data.workspace import Workspace

        name = text.split(":", 1)[1]
        return Workspace.open_default().load(name)
    path = Path(text)
    if path.is_dir() or path.name == "panel.csv":
        return load_pack(path)
    from yindi.data.nbs import is_nbs_export, read_nbs_export

    if path.suffix.lower() == ".csv" and is_nbs_export(path):
        return read_nbs_export(path)
    from yindi.errors import DataFormatError

    raise DataFormatError(
        f"{path}: not a data pack folder, a panel.csv or an NBS export. Import other tables with "
        "`yindi data import FILE --region COL --year COL ...` (see docs/importers.md)."
    )
