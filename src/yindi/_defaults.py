"""Constants shared by the library, the study and the CLI (no imports: the CLI loads this at start-up)."""

from __future__ import annotations

#: The one default seed of every stochastic routine run from a study or the command line.
DEFAULT_SEED = 20240305

#: Adcode used for the nation (全国): national totals in data, and results that belong to no single region.
NATION_CODE = "100000"
