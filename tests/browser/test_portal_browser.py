"""The portal in a real browser: Debian's Chromium driven by Playwright, every page from file:// with no network.

One browser for the module; the portal is exported once from the hand-made store of ``portal_data``. Expected
map colours are worked by hand from the quantile classes of the zone values (see ``test_map``).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from portal_data import TOWNSHIPS, make_store

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".build" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def portal(tmp_path_factory, sdg_provider):
    import processing

    folder = tmp_path_factory.mktemp("portal")
    store, _ = make_store(folder, lambda alg, params: processing.run(alg, params))
    processing.run("sdg:export_portal", {"RESULTS": str(store), "OUTPUT": str(folder / "site")})
    return folder / "site"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Debian's chromium is missing: make setup installs it"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A tab with every console error and every request that is not file: recorded; :meth:`go` opens a page."""

    def __init__(self, browser, url: str = ""):
        self.errors, self.requests = [], []
        self.page = browser.new_page(viewport={"width": 1200, "height": 900})
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error"
                     else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: None if request.url.startswith("file:")
                     else self.requests.append(request.url))
        if url:
            self.go(url)

    def go(self, url: str) -> None:
        self.errors.clear()
        self.requests.clear()
        self.page.goto(url, wait_until="load")

    def __enter__(self):
        return self.page

    def __exit__(self, *exc):
        self.page.close()


def test_every_page_loads_offline_without_errors(browser, portal):
    pages = sorted(portal.glob("*.html"))
    assert len(pages) == 2 * (1 + 17 + 3)
    visit = Visit(browser)
    with visit:
        for path in pages:
            visit.go(path.as_uri())
            assert visit.errors == [], path.name
            assert visit.requests == [], path.name


def test_chart_and_map_of_15_1_1(browser, portal):
    with Visit(browser, (portal / "indicator-15-1-1.html").as_uri()) as page:
        painted = page.evaluate("""() => {
            const canvas = document.querySelector('canvas');
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let n = 0;
            for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { n += 1; } }
            return n;
        }""")
        assert painted > 2000  # axes, the values' line and the target line
        polygons = page.locator("#s0-map svg path.leaflet-interactive")
        assert polygons.count() == len(TOWNSHIPS)
        # Quantile classes over all years' zone values 10 12 30 33 50 52 70 71: breaks 10|12|33|50|70|71.
        assert fills(page) == ["#ffffcc", "#a1dab4", "#2c7fb8", "#253494"]  # 2020: 12 33 52 71
        page.select_option("#s0-year", "2015")
        assert fills(page) == ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8"]  # 2015: 10 30 50 70
        polygons.nth(0).hover()
        assert "武康街道: 10 percent" in page.locator(".leaflet-tooltip").inner_text()
        rows = page.locator("table.zones tbody tr").all_inner_texts()
        assert [row.split("\t") for row in rows][2] == ["乾元镇", "50"]


def fills(page) -> list[str]:
    return page.eval_on_selector_all("#s0-map svg path.leaflet-interactive",
                                     "paths => paths.map(p => p.getAttribute('fill'))")


def test_breakdown_selector_changes_the_values(browser, portal):
    with Visit(browser, (portal / "indicator-11-2-1.html").as_uri()) as page:
        values = page.locator("table.values tbody td").first
        assert values.inner_text() == "80"
        page.select_option("#s0-breakdown", "location=rural")
        assert values.inner_text() == "60"


def test_language_switch_keeps_the_page(browser, portal):
    with Visit(browser, (portal / "goal-15.html").as_uri()) as page:
        page.get_by_role("link", name="中文").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/goal-15.zh.html")
        assert page.locator("html").get_attribute("lang") == "zh-Hans"
        assert CJK.search(page.locator("h1").inner_text())
        assert CJK.search(page.locator("table").inner_text())


def test_keyboard_reaches_the_skip_link_and_sorts(browser, portal):
    with Visit(browser, (portal / "index.html").as_uri()) as page:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        button = page.locator("table.sortable thead button").nth(3)  # the latest value
        button.focus()
        page.keyboard.press("Enter")
        column = page.locator("table.sortable tbody tr td:nth-child(4)").all_inner_texts()
        assert [float(v) for v in column] == sorted(float(v) for v in column)
        assert button.locator("xpath=..").get_attribute("aria-sort") == "ascending"


@pytest.mark.parametrize("name", ["index.html", "goal-15.html", "indicator-15-1-1.html", "index.zh.html"])
def test_axe_finds_no_serious_violation(browser, portal, name):
    with Visit(browser, (portal / name).as_uri()) as page:
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document)).violations"
                                   ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))")
        assert [v for v in violations if v["impact"] in ("serious", "critical")] == []
