"""The dashboard in a real headless Chromium (system browser through Playwright): load, search, profile."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the HTTP API needs the 'serve' extra (pip install 'yindi[serve]')")

import re

import api_fakes as fakes
from api_browser import browser_page, need_browser, serving

pytestmark = pytest.mark.slow

#: Latin words allowed on a Chinese page: file formats and method acronyms.
ALLOWED = {"EN", "CSV", "Excel", "CRS", "VRS", "SBM", "HHI", "api", "docs", "I", "II", "III", "IV"}


@pytest.fixture(scope="module")
def base_url():  # type: ignore[no-untyped-def]
    need_browser()
    from yindi.api import create_app

    with serving(create_app(fakes.results(), panel=fakes.panel())) as url:
        yield url


def _open(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)


def test_dashboard_map_search_and_profile(base_url):
    with browser_page() as page:
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: errors.append(r.url) if not r.url.startswith(base_url) else None)
        _open(page, base_url + "/")
        assert page.locator("#map svg g.regions path").count() == 34
        coloured = page.eval_on_selector_all(
            "#map svg g.regions path", "ps => ps.filter(p => p.getAttribute('fill') !== '#d9d9d9').length"
        )
        assert coloured == 31  # the mainland provinces have values; Taiwan, Hong Kong, Macao are grey
        assert page.locator("#map .inset text").text_content() == "南海诸岛"
        page.fill("#search", "zhejiang")
        page.click("#search-results li[data-code='330000']")
        page.wait_for_selector("#profile h2")
        assert page.inner_text("#profile h2") == "浙江"
        assert page.locator("#portfolio tbody tr").count() >= 1
        assert page.locator("#partners tbody tr").count() >= 1
        assert page.locator("#dont tbody tr").count() >= 0
        page.screenshot(path="/tmp/yindi-dashboard-zh.png", full_page=True)
        text = page.inner_text("body")
        stray = {w for w in re.findall(r"[A-Za-z]+", text) if w not in ALLOWED}
        assert not stray, f"English words on the Chinese page: {sorted(stray)}"
        page.click("#lang")
        page.wait_for_function("document.querySelector('#profile h2').textContent === 'Zhejiang'")
        assert "Industry portfolio" in page.inner_text("#portfolio h3")
        page.screenshot(path="/tmp/yindi-dashboard-en.png", full_page=True)
        assert not errors, errors


def test_dashboard_search_in_chinese_and_map_click(base_url):
    with browser_page() as page:
        _open(page, base_url + "/")
        page.fill("#search", "广")
        names = page.locator("#search-results li").all_inner_texts()
        assert any(n.startswith("广东") for n in names) and any(n.startswith("广西") for n in names)
        page.press("#search", "Enter")
        page.wait_for_selector("#profile h2")
        page.click("#map svg g.regions path[data-code='510000']")
        page.wait_for_function("document.querySelector('#profile h2').textContent === '四川'")


def test_dashboard_layer_choice_and_downloads(base_url):
    with browser_page() as page:
        _open(page, base_url + "/")
        page.select_option("#layer", "data:panel:gdp")
        page.wait_for_function("document.querySelector('#dl-layer-csv').href.includes('data%3Apanel%3Agdp')")
        assert page.input_value("#year") == "2023"
        href = page.get_attribute("#dl-layer-csv", "href")
        body = page.request.get(base_url + href if href.startswith("/") else href)
        assert body.ok
        rows = [line.split(",") for line in body.text().lstrip("\ufeff").splitlines()]
        header, data = rows[0], {r[0]: r for r in rows[1:]}
        p = fakes.panel().frame
        want = p[(p["indicator"] == "gdp") & (p["year"] == 2023) & (p["region_code"] == "330000")]["value"]
        assert float(data["330000"][header.index("value")]) == pytest.approx(float(want.iloc[0]))


def test_dashboard_not_computed_state():
    need_browser()
    from yindi.api import create_app

    with serving(create_app(fakes.results(with_plan=False))) as url, browser_page() as page:
        _open(page, url + "/")
        page.fill("#search", "浙江")
        page.press("#search", "Enter")
        page.wait_for_selector("#portfolio[data-status='not_computed']")
        assert "未计算" in page.inner_text("#portfolio")
        assert "未计算" in page.inner_text("#partners")
        assert "未计算" in page.inner_text("#herding")
        page.screenshot(path="/tmp/yindi-dashboard-bare.png", full_page=True)
