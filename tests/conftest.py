"""Shared fixtures. Real data are read from ../shared/data at run time, never copied into the repository.

The location can be overridden with the environment variable ``YINDI_SHARED_DATA`` (the folder that holds
``cn-provinces``). When the folder is absent, tests that need it are skipped with a reason — except under CI
(``CI`` set), where a missing folder is an error, so that a green CI always means the real-data tests ran.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_data_root() -> Path:
    """``$YINDI_SHARED_DATA``, else the nearest ``shared/data`` beside the checkout or beside one of its
    parent folders (a git worktree may live one level deeper than the main checkout)."""
    env = os.environ.get("YINDI_SHARED_DATA")
    if env:
        return Path(env)
    for parent in REPO.parents:
        candidate = parent / "shared" / "data"
        if (candidate / "cn-provinces" / "panel.csv").exists():
            return candidate
    return REPO.parent / "shared" / "data"


@pytest.fixture(scope="session", autouse=True)
def _scratch_workspace(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Stored results and default-workspace imports go to a scratch file, never ./yindi.duckdb in the checkout."""
    if "YINDI_WORKSPACE" not in os.environ:
        os.environ["YINDI_WORKSPACE"] = str(tmp_path_factory.mktemp("workspace") / "yindi.duckdb")


@pytest.fixture(scope="session")
def provinces_dir() -> Path:
    """``../shared/data/cn-provinces``."""
    path = shared_data_root() / "cn-provinces"
    if not (path / "panel.csv").exists():
        if os.environ.get("CI"):
            pytest.fail(f"real data not found at {path}; CI must run with ../shared beside the checkout")
        pytest.skip(f"real data not found at {path} (set YINDI_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def nbs_dir(provinces_dir: Path) -> Path:
    return provinces_dir / "nbs_exports"


@pytest.fixture(scope="session")
def panel(provinces_dir: Path):  # type: ignore[no-untyped-def]
    """The real provincial panel, loaded once per test session (read-only: Panel is immutable)."""
    from yindi.data import load_pack

    return load_pack(provinces_dir)


def _pack_dir(name: str, data_file: str) -> Path:
    path = shared_data_root() / name
    if not (path / data_file).exists():
        if os.environ.get("CI"):
            pytest.fail(f"real data not found at {path}; CI must run with ../shared beside the checkout")
        pytest.skip(f"real data not found at {path} (set YINDI_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def cities_dir() -> Path:
    """``../shared/data/cn-cities`` (prefecture-level city panel)."""
    return _pack_dir("cn-cities", "panel.csv")


@pytest.fixture(scope="session")
def counties_dir() -> Path:
    """``../shared/data/cn-counties`` (2020 census by county)."""
    return _pack_dir("cn-counties", "census2020.csv.gz")


@pytest.fixture(scope="session")
def city_panel(cities_dir: Path):  # type: ignore[no-untyped-def]
    """The real city panel, loaded once per session."""
    from yindi.data import load_pack

    return load_pack(cities_dir)


@pytest.fixture(scope="session")
def county_panel(counties_dir: Path):  # type: ignore[no-untyped-def]
    """The real county census, loaded once per session."""
    from yindi.data import load_pack

    return load_pack(counties_dir)


# Property tests: derandomised under CI so that a green run is reproducible; random locally to keep exploring.
try:
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
    settings.register_profile("dev", deadline=None, print_blob=True)
    settings.load_profile("ci" if os.environ.get("CI") else "dev")
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass
