"""The HTTP API on synthetic results (tests/api/api_fakes.py): every route, filters, pagination, errors."""

from __future__ import annotations

import io

import pandas as pd
import pytest

pytest.importorskip("fastapi", reason="the HTTP API needs the 'serve' extra (pip install 'yindi[serve]')")

import api_fakes as fakes

RESULTS = fakes.results()


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from yindi.api import create_app

    return TestClient(create_app(fakes.results(), panel=fakes.panel()))


@pytest.fixture(scope="module")
def bare_client():  # type: ignore[no-untyped-def]
    """Results without the lay-out and coordination nodes (their 'not computed' state)."""
    from fastapi.testclient import TestClient

    from yindi.api import create_app

    return TestClient(create_app(fakes.results(with_plan=False)))


def test_study_summary(client):
    body = client.get("/api/study").json()
    assert body["year"] == fakes.YEAR
    assert body["n_regions"] == 31
    assert body["failures"] == {"structure": "没有行业用电数据"}
    assert "index" in body["nodes"] and "structure" not in body["nodes"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("浙江", "330000"),
        ("Zhejiang", "330000"),
        ("zhejiang", "330000"),
        ("zj", "330000"),
        ("内蒙", "150000"),
        ("inner mongolia", "150000"),
        ("neimenggu", "150000"),
        ("330000", "330000"),
    ],
)
def test_region_search_by_chinese_english_pinyin(client, query, code):
    rows = client.get("/api/regions", params={"q": query}).json()
    assert code in [r["code"] for r in rows]


def test_regions_list_the_analysed_units_with_names_and_pinyin(client):
    rows = client.get("/api/regions").json()
    assert [r["code"] for r in rows] == list(fakes.codes())
    gx = next(r for r in rows if r["code"] == "450000")
    assert (gx["name_zh"], gx["full_name_zh"], gx["name_en"], gx["pinyin"]) == (
        "广西",
        "广西壮族自治区",
        "Guangxi",
        "guangxi",
    )
    assert gx["level"] == "province" and gx["parent"] is None


def test_indicators(client):
    rows = {r["id"]: r for r in client.get("/api/indicators").json()}
    assert rows["gdp"]["name_zh"] == "地区生产总值" and rows["gdp"]["unit"] == "亿元"
    assert rows["gdp"]["years"] == [2022, 2023]


def test_results_list_every_node_with_status(client):
    nodes = {n["node"]: n for n in client.get("/api/results").json()}
    assert nodes["structure"]["status"] == "failed"
    assert nodes["index"]["status"] == "ok"
    tables = {t["name"]: t["rows"] for t in nodes["index"]["tables"]}
    assert tables == {"ranking": 31, "intervals": 31, "obstacles": 31 * 4}
    one = client.get("/api/results/index").json()
    assert one["meta"]["n_regions"] == 31


def test_table_rows_match_the_stored_table(client):
    body = client.get("/api/results/index/ranking", params={"limit": 1000}).json()
    frame = RESULTS["index"].tables["ranking"]
    assert body["total"] == len(frame) and body["columns"] == list(frame.columns)
    got = pd.DataFrame(body["rows"])
    pd.testing.assert_frame_equal(got, frame.reset_index(drop=True), check_dtype=False)


def test_filters_region_by_name_year_and_measure(client):
    body = client.get(
        "/api/results/productivity/efficiency",
        params={"region_code": "浙江", "measure": "scale", "year": 2023},
    ).json()
    eff = RESULTS["productivity"].tables["efficiency"]
    want = eff[(eff["region_code"] == "330000") & (eff["measure"] == "scale")]
    assert body["total"] == 1
    assert body["rows"][0]["value"] == pytest.approx(float(want["value"].iloc[0]))
    none = client.get("/api/results/productivity/efficiency", params={"year": 1999}).json()
    assert none["total"] == 0 and none["rows"] == []


def test_pagination_walks_every_row_once(client):
    seen, offset = [], 0
    while offset is not None:
        body = client.get("/api/results/index/obstacles", params={"offset": offset, "limit": 50}).json()
        seen += body["rows"]
        offset = body["next_offset"]
    assert len(seen) == len(RESULTS["index"].tables["obstacles"]) == 124
    assert len({(r["region_code"], r["indicator"]) for r in seen}) == 124


def test_profile_assembles_the_stored_rows(client):
    p = client.get("/api/regions/330000/profile").json()
    ranking = RESULTS["index"].tables["ranking"].set_index("region_code")
    intervals = RESULTS["index"].tables["intervals"].set_index("region_code")
    assert p["region"]["name"] == "浙江"
    assert p["index"]["rank"] == ranking.at["330000", "rank"]
    assert p["index"]["score"] == pytest.approx(ranking.at["330000", "score"])
    assert p["index"]["interval"]["rank_high"] == intervals.at["330000", "rank_high"]
    assert p["index"]["source"] == {"node": "index", "table": "ranking"}
    obs = RESULTS["index"].tables["obstacles"]
    mine = obs[obs["region_code"] == "330000"]
    assert p["obstacles"]["obstacles"][0]["obstacle"] == pytest.approx(mine["obstacle"].max())
    assert p["obstacles"]["strengths"][0]["obstacle"] == pytest.approx(mine["obstacle"].min())
    assert (
        p["type"]["type"] == RESULTS["typology"].tables["types"].set_index("region_code").at["330000", "type"]
    )
    assert {m["measure"] for m in p["efficiency"]["measures"]} == {"te_crs", "pte_vrs", "scale"}


def test_profile_portfolio_dont_list_herding_and_partners(client):
    p = client.get("/api/regions/浙江/profile").json()
    pf = RESULTS["plan"].tables["portfolio"]
    mine = pf[pf["region_code"] == "330000"]
    build = mine[mine["decision"] != "avoid"]
    assert sorted(r["industry_id"] for r in p["portfolio"]["rows"]) == sorted(build["industry_id"])
    assert [r["industry_id"] for r in p["dont"]["rows"]] == list(
        mine.loc[mine["decision"] == "avoid", "industry_id"]
    )
    hd = RESULTS["plan"].tables["herding"]
    exposed = set(hd.loc[hd["level"].isin(["high", "watch"]), "industry_id"]) & set(build["industry_id"])
    assert {r["industry_id"] for r in p["herding"]["rows"]} == exposed
    pairs = RESULTS["coordinate"].tables["pairs"]
    n = ((pairs["source_code"] == "330000") | (pairs["carrier_code"] == "330000")).sum()
    assert len(p["partners"]["rows"]) == n > 0
    assert all(r["partner_code"] != "330000" for r in p["partners"]["rows"])
    scores = [r["score"] for r in p["partners"]["rows"]]
    assert scores == sorted(scores, reverse=True)
    en = client.get("/api/regions/330000/profile", params={"lang": "en"}).json()
    assert en["region"]["name"] == "Zhejiang"
    assert en["partners"]["rows"][0]["reason"] == "complementary, close"


def test_profile_says_not_computed_without_plan_and_coordinate(bare_client):
    p = bare_client.get("/api/regions/330000/profile").json()
    for part in ("portfolio", "dont", "herding", "modes", "role", "partners"):
        assert p[part]["status"] == "not_computed", part
    assert p["index"]["status"] == "ok"
    assert bare_client.get("/api/herding").json()["status"] == "not_computed"


def test_herding_view(client):
    body = client.get("/api/herding").json()
    assert body["status"] == "ok" and len(body["rows"]) == len(fakes.INDUSTRIES)


def test_layers_give_one_value_per_region(client):
    layers = {x["id"]: x for x in client.get("/api/layers").json()}
    assert {"data:panel:gdp", "index:ranking:score", "productivity:efficiency:te_crs"} <= set(layers)
    assert "index:obstacles:obstacle" not in layers  # several rows per region: not a map layer
    body = client.get("/api/layers/productivity:efficiency:te_crs").json()
    assert body["year"] == 2023 and len(body["values"]) == 31
    gdp = client.get("/api/layers/data:panel:gdp", params={"year": 2022}).json()
    p = fakes.panel().frame
    want = p[(p["indicator"] == "gdp") & (p["year"] == 2022)].set_index("region_code")["value"]
    got = {v["region_code"]: v["value"] for v in gdp["values"]}
    assert got == pytest.approx(want.to_dict())


def test_csv_and_xlsx_downloads(client):
    r = client.get("/api/results/productivity/efficiency.csv", params={"region_code": "330000"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(r.content), encoding="utf-8-sig", dtype={"region_code": str})
    assert len(frame) == 3 and set(frame["region_code"]) == {"330000"}
    x = client.get("/api/results/index/ranking.xlsx")
    assert x.status_code == 200
    book = pd.read_excel(io.BytesIO(x.content), dtype={"region_code": str})
    assert len(book) == 31 and list(book.columns) == list(RESULTS["index"].tables["ranking"].columns)


def test_downloads_are_formula_injection_safe():
    from fastapi.testclient import TestClient

    from yindi.api import create_app
    from yindi.study.result import NodeResult, StudyResults

    evil = pd.DataFrame({"region_code": ["330000"], "note": ['=HYPERLINK("http://x","y")'], "value": [-1.5]})
    res = StudyResults(
        results={"x": NodeResult("x", {"t": evil})},
        failures={},
        reused=(),
        computed=(),
        year=2023,
        codes=("330000",),
        covered=("330000",),
        digest="0",
    )
    c = TestClient(create_app(res))
    text = c.get("/api/results/x/t.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ",-1.5" in text
    book = pd.read_excel(io.BytesIO(c.get("/api/results/x/t.xlsx").content))
    assert book.at[0, "note"].startswith("'=") and book.at[0, "value"] == -1.5


@pytest.mark.parametrize(
    ("url", "status", "kind"),
    [
        ("/api/results/nope", 404, "ResultNotFoundError"),
        ("/api/results/index/nope", 404, "ResultNotFoundError"),
        ("/api/results/structure", 404, "ResultNotFoundError"),
        ("/api/results/index/ranking.csv?year=2023", 422, "ParameterError"),
        ("/api/results/index/ranking?limit=0", 422, "RequestValidationError"),
        ("/api/results/index/ranking?year=abc", 422, "RequestValidationError"),
        ("/api/regions/内蒙占/profile", 404, "RegionNotFoundError"),
        ("/api/regions/710000/profile", 404, "RegionNotFoundError"),
        ("/api/regions/330000/profile?lang=fr", 422, "RequestValidationError"),
        ("/api/layers/nope", 404, "ResultNotFoundError"),
        ("/api/geometry/village", 422, "RequestValidationError"),
        ("/api/no/such/route", 404, "HTTPException"),
    ],
)
def test_errors_are_bilingual_json_with_a_status(client, url, status, kind):
    r = client.get(url)
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert err["type"] == kind and err["status"] == status
    assert err["message_en"] and err["message_zh"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err["message_zh"])


def test_every_route_is_read_only(client):
    assert client.post("/api/results").status_code == 405
    assert client.delete("/api/regions/330000/profile").status_code == 405
    spec = client.get("/api/openapi.json").json()
    methods = {m for ops in spec["paths"].values() for m in ops}
    assert methods == {"get"}


def test_openapi_documents_every_route_in_both_languages(client):
    spec = client.get("/api/openapi.json").json()
    assert len(spec["paths"]) >= 12
    for path, ops in spec["paths"].items():
        summary = ops["get"]["summary"]
        zh, _, en = summary.partition(" / ")
        assert en and any("\u4e00" <= ch <= "\u9fff" for ch in zh), (path, summary)


@pytest.mark.parametrize(
    "url",
    [
        "/..%2F..%2Fpyproject.toml",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/../../../../etc/passwd",
        "/static/..%2F..%2F..%2Fapi%2Fapp.py",
        "/api/results/..%2F..%2Fetc/passwd",
        "/api/results/index/..%2F..%2F..%2Fetc%2Fpasswd.csv",
        "/api/geometry/..%2F..%2Fetc%2Fpasswd",
        "/api/layers/..%2F..%2F..%2Fetc%2Fpasswd",
        "/..%5C..%5Cpyproject.toml",
        "/app.js/../../api/app.py",
    ],
)
def test_no_request_reaches_files_outside_the_dashboard(client, url):
    r = client.get(url)
    assert r.status_code in (404, 422), (url, r.status_code)
    assert b"root:" not in r.content and b"[project]" not in r.content and b"def create_app" not in r.content


def test_geometry_has_every_province_and_the_south_china_sea_inset(client):
    g = client.get("/api/geometry/province").json()
    codes = {r["code"] for r in g["regions"]}
    assert len(codes) == 34 and {"460000", "710000", "810000"} <= codes
    hainan = next(r for r in g["regions"] if r["code"] == "460000")
    assert hainan["inset"].startswith("M") and g["maritime"]["inset"]
    assert g["inset_label"]["zh"] == "南海诸岛"


def test_dashboard_is_served_at_root(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]


def test_missing_extra_names_it(monkeypatch):
    import builtins

    from yindi.api import app as app_mod
    from yindi.errors import ParameterError

    real = builtins.__import__

    def fake(name, *a, **k):  # type: ignore[no-untyped-def]
        if name == "fastapi":
            raise ImportError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(ParameterError, match=r"yindi\[serve\]"):
        app_mod._require_fastapi()
