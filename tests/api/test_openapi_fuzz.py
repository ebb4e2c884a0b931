"""OpenAPI fuzzing with schemathesis: no request generated from the spec makes the server fail (5xx).

Bounded: a few derandomised examples per operation (the whole run takes well under a minute). The cases are
drawn through Hypothesis directly (schemathesis' own pytest plugin is not used).
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the HTTP API needs the 'serve' extra (pip install 'yindi[serve]')")

import api_fakes as fakes
from hypothesis import HealthCheck, given, settings

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is in the 'test' extra")

pytestmark = pytest.mark.slow

EXAMPLES = 5


def test_no_server_errors_on_any_operation():
    from yindi.api import create_app

    app = create_app(fakes.results(), panel=fakes.panel())
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    seen: list[str] = []
    failures: list[str] = []
    for result in schema.get_all_operations():
        op = result.ok()
        seen.append(op.path)

        @settings(
            max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
        )
        @given(case=op.as_strategy())
        def check(case):  # type: ignore[no-untyped-def]
            response = case.call()
            if response.status_code >= 500:
                failures.append(f"{case.path} {case.path_parameters} {case.query} → {response.status_code}")
            elif response.status_code >= 400:
                err = response.json()["error"]
                assert err["message_zh"] and err["message_en"], response.text

        check()
    assert len(seen) >= 14
    assert not failures, failures[:10]
