"""Fixtures of the text tests, imported by the test modules (not a conftest.py: a second conftest module would
shadow the root one that other tests import by name): the real corpora (skipped with a reason when ../shared is
absent, an error under CI) and one extractor per process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import shared_data_root


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
