"""Fixtures of the text tests: the real corpora (skipped with a reason when ../shared is absent, an error under
CI) and one extractor per session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


def shared_data_root() -> Path:
    """The root conftest's ``shared_data_root`` (loaded by path: this file is also called conftest)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "_root_conftest", Path(__file__).resolve().parents[1] / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.shared_data_root()  # type: ignore[no-any-return]


def _need(path: Path) -> Path:
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"real data not found at {path}; CI must run with ../shared beside the checkout")
        pytest.skip(f"real data not found at {path} (set YINDI_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def reports_path() -> Path:
    return _need(shared_data_root() / "cn-texts" / "national_government_work_reports.jsonl")


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    return _need(shared_data_root().parent / "domain" / "sources")


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    pytest.importorskip("jieba")
    from yindi.text.pipeline import default_extractor

    return default_extractor()
