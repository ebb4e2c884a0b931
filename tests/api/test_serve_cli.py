"""``yindi serve``: binds 127.0.0.1 by default and hands the app to uvicorn; the real pipeline behind the API."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the HTTP API needs the 'serve' extra (pip install 'yindi[serve]')")

from typer.testing import CliRunner


def test_serve_binds_loopback_by_default(monkeypatch):
    import uvicorn

    import yindi.api
    from yindi.cli import app

    calls: dict[str, object] = {}
    monkeypatch.setattr(yindi.api, "create_app", lambda data, workspace=None: ("app", data), raising=False)
    monkeypatch.setattr(
        uvicorn, "run", lambda app, host, port, log_level: calls.update(app=app, host=host, port=port)
    )
    result = CliRunner().invoke(app, ["serve", "--data", "somewhere"])
    assert result.exit_code == 0, result.output
    assert calls == {"app": ("app", "somewhere"), "host": "127.0.0.1", "port": 8000}
    result = CliRunner().invoke(app, ["serve", "--data", "x", "--host", "0.0.0.0", "--port", "9001"])
    assert calls["host"] == "0.0.0.0" and calls["port"] == 9001
    assert "其他计算机可以访问" in result.output


@pytest.mark.slow
@pytest.mark.realdata
def test_api_on_the_real_pipeline(provinces_dir, tmp_path):
    from fastapi.testclient import TestClient

    from yindi.api import create_app

    ws = tmp_path / "ws.duckdb"
    client = TestClient(create_app(provinces_dir, workspace=ws, nodes=["index", "typology"]))
    ranking = client.get("/api/results/index/ranking", params={"region_code": "浙江"}).json()
    p = client.get("/api/regions/330000/profile").json()
    assert p["index"]["rank"] == ranking["rows"][0]["rank"]
    assert p["index"]["interval"]["rank_low"] <= p["index"]["rank"] <= p["index"]["interval"]["rank_high"]
    assert p["type"]["type"] in {"I", "II", "III", "IV"}
    assert p["portfolio"]["status"] == "not_computed"
    for layer in client.get("/api/layers").json():  # every map layer has a Chinese name
        assert any("\u4e00" <= ch <= "\u9fff" for ch in layer["name_zh"]), layer
    # a second start reads the stored results back
    again = create_app(provinces_dir, workspace=ws, nodes=["index", "typology"])
    assert set(again.state.yindi.results.reused) >= {"index", "typology"}
