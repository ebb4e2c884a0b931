"""Charts as inline SVG for the offline HTML report (Chinese text rendered by the browser).

CONTRACT (implemented by the charts work; sections call only these functions; every function returns one
``<svg>`` string and takes ``title=""``):

- ``bar_chart(labels, values, *, title="", unit="", horizontal=True, errors=None, highlight=None)``
  ``values``: a sequence (one series) or a mapping name → sequence (grouped bars); ``errors``: optional
  ``(low, high)`` sequences drawn as whiskers.
- ``stacked_bar_chart(labels, parts, *, title="", unit="", horizontal=True)``: ``parts`` name → sequence.
- ``line_chart(x, series, *, title="", xlabel="", ylabel="")``: ``series`` name → sequence aligned with x.
- ``heatmap(matrix, row_labels, col_labels, *, title="", palette="YlOrRd", annotate=False, vmin=None,
  vmax=None, center=None)``.
- ``radar_chart(axes, series, *, title="")``: ``series`` name → values in [0, 1] per axis.
- ``interval_chart(labels, point, low, high, *, title="", xlabel="")``: dot-and-whisker (rank intervals, CIs).
- ``scatter_chart(x, y, *, labels=None, title="", xlabel="", ylabel="")``.
"""

from __future__ import annotations
