from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the HTTP API needs the 'serve' extra (pip install 'yindi[serve]')")

import api_fakes as fakes


@pytest.fixture(scope="session")
def client():  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from yindi.api import create_app

    return TestClient(create_app(fakes.results(), panel=fakes.panel()))


@pytest.fixture(scope="session")
def bare_client():  # type: ignore[no-untyped-def]
    """Results without the lay-out and coordination nodes (their 'not computed' state)."""
    from fastapi.testclient import TestClient

    from yindi.api import create_app

    return TestClient(create_app(fakes.results(with_plan=False)))
