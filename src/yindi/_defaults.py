"""Constants shared by the library, the study and the CLI (no imports: the CLI loads this at start-up)."""

from __future__ import annotations

#: The one default seed of every stochastic routine run from a study or the command line.
DEFAULT_SEED = 20240305

#: Adcode used for the nation (全国): national totals in data, and results that belong to no single region.
NATION_CODE = "100000"

#: Environment variable naming the default workspace, and the workspace file used when it is not set.
WORKSPACE_ENV = "YINDI_WORKSPACE"
WORKSPACE_FILE = "yindi.duckdb"


def default_workspace() -> str:
    """The default workspace file: ``$YINDI_WORKSPACE``, else ``./yindi.duckdb`` (as given, not resolved)."""
    import os

    return os.environ.get(WORKSPACE_ENV, WORKSPACE_FILE)
