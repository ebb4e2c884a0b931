"""Data: the Panel, importers with validation, and the DuckDB workspace.

数据：面板、导入与校验、DuckDB 工作区。
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from yindi.data.nbs import is_nbs_export, read_nbs_export
from yindi.data.pack import load_pack
from yindi.data.panel import COLUMNS, Indicator, Panel, Repair, make_panel
from yindi.data.table import read_table

__all__ = [
    "COLUMNS",
    "Indicator",
    "Panel",
    "Repair",
    "load",
    "load_pack",
    "make_panel",
    "read_nbs_export",
    "read_table",
]


def load(
    source: str | Path,
    *,
    region: str | None = None,
    year: str | None = None,
    indicator: str | None = None,
    value: str | None = None,
    unit: str | None = None,
    indicator_id: str | None = None,
    unit_label: str | None = None,
    data_year: int | None = None,
    sheet: str | None = None,
    region_fixes: Mapping[str, str] | None = None,
    workspace: str | Path | None = None,
    level: str | None = None,
    within: str | None = None,
    special: str = "error",
) -> Panel:
    """Load a panel from any source Yindi reads, choosing the importer by what the source is.

    - ``workspace:NAME``: a dataset of the DuckDB workspace (``workspace`` path, else ``$YINDI_WORKSPACE``,
      else ``./yindi.duckdb``);
    - a folder, a ``panel.csv`` or a ``*.csv.gz`` in the pack layout: a data pack (:func:`load_pack`; packs of
      cities and counties resolve codes first and describe every unit in ``Panel.units``);
    - a ``.csv`` that starts like an NBS website export: :func:`read_nbs_export` (``indicator_id``,
      ``unit_label`` and ``data_year`` apply);
    - any other CSV, Excel or Parquet table: :func:`read_table` with the column roles ``region``, ``year`` and,
      for tidy tables, ``indicator``, ``value``, ``unit``.

    ``level``, ``within`` and ``special`` are the region-membership choices of the name-based importers
    (see :func:`read_table`).
    """
    from yindi.errors import DataFormatError

    text = str(source)
    if text.startswith("workspace:"):
        from yindi.data.workspace import Workspace

        ws = Workspace(workspace) if workspace is not None else Workspace.open_default()
        return ws.load(text.split(":", 1)[1])
    path = Path(text)
    if not path.exists():
        raise DataFormatError(
            f"{path}: no such file or folder. Give a data pack folder (e.g. ../shared/data/cn-provinces), a file, "
            "or workspace:NAME for an imported dataset.",
            zh=f"{path}：文件或文件夹不存在。请给出数据包文件夹（如 ../shared/data/cn-provinces）、一个文件，"
            "或用 workspace:NAME 指定已导入的数据集。",
        )
    if path.is_dir() or path.name == "panel.csv" or path.name.lower().endswith(".csv.gz"):
        return load_pack(path, region_fixes=region_fixes)
    if path.suffix.lower() == ".csv" and is_nbs_export(path):
        return read_nbs_export(
            path,
            indicator=indicator_id,
            unit=unit_label,
            year=data_year,
            region_fixes=region_fixes,
            level=level,
            within=within,
            special=special,
        )
    return read_table(
        path,
        region=region or "region",
        year=year or "year",
        indicator=indicator,
        value=value,
        unit=unit,
        sheet=sheet,
        region_fixes=region_fixes,
        level=level,
        within=within,
        special=special,
    )
