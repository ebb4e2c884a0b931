"""Where the evidence side files of a provincial pack are (no NumPy/pandas: the report cache hashes them).

证据文件的位置：省级数据包旁的企业、普查数据包及其行业用电文件。
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["evidence_paths"]


def evidence_paths(data: str | Path | None) -> dict[str, Path]:
    """Sibling packs of a provincial pack folder (``../cn-firms``, ``../cn-counties``) and its electricity file."""
    if data is None:
        return {}
    root = Path(data)
    return {
        "electricity": root / "sector_electricity.csv",
        "firms": root.parent / "cn-firms" / "listed_firms.csv",
        "census": root.parent / "cn-counties" / "census2020.csv.gz",
    }
