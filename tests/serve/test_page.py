"""The real page in headless Chromium (Debian's, through Python playwright; no browser is
downloaded) over a real server holding the bundled example: map, timeline, date filter,
brushing, evidence, review (keys and form) changing the export, upload, injection, language.
Writes a screenshot to out/screenshot.png."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from cronica.record import Actor
from cronica.store import Store
from tests.conftest import run_cli
from tests.serve.conftest import EXAMPLE, KEY, REPO, XSS_ACTOR, XSS_TEXT, serving
from tests.store.test_store import make_event

CHROMIUM = Path("/usr/bin/chromium")
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="Python playwright not installed")
expect = playwright_api.expect
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian chromium not installed (requirements/debian.txt)")
VENDOR = REPO / "src" / "cronica" / "serve" / "static" / "vendor"
SCREENSHOT = REPO / "out" / "screenshot.png"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not (VENDOR / "leaflet" / "leaflet.js").exists():
        pytest.skip("page assets not built (make web)")
    db = tmp_path_factory.mktemp("page") / "example.duckdb"
    run = run_cli("ingest", EXAMPLE, "--db", db, "--date", "2020-02-08")
    assert run.returncode == 0, str(run)
    with Store(str(db)) as store:  # an event whose actor name is markup
        [doc] = store.documents()
        row = store._con.execute(
            "SELECT min(sentence_index) FROM sentences WHERE document = ?", [doc["id"]]
        ).fetchone()
        hostile = make_event("xss-actor", doc["id"], row[0], date_="2020-02-05",
                             actor1=Actor(XSS_ACTOR, XSS_ACTOR, "Rebel group", "Syria"))
        store._con.execute("BEGIN TRANSACTION")
        store._insert_events([hostile], lambda ev: [])  # no place names to match
        store._con.execute("COMMIT")
    with serving(db, "--read-rate", "100000", "--write-rate", "1000") as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="es-ES")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30000)
    yield page
    assert not [e for e in errors if "401" not in e], errors  # no script error, no CSP refusal
    assert page.evaluate("window.__pwned") is None
    context.close()


def api_get(server, path: str, **params) -> dict:
    return httpx.get(server.url + path, params=params, timeout=30).json()


def list_ids(page) -> list[str]:
    return page.eval_on_selector_all("#list li", "els => els.map(e => e.dataset.id)")


def test_events_on_the_map_and_the_timeline(page, server):
    events = api_get(server, "/api/events", limit=5000)["items"]
    assert len(events) >= 5
    assert list_ids(page) == [e["event_id"] for e in events]
    placed = sum(1 for e in events if e["location"] and e["location"]["lat"] is not None)
    singles = page.locator(".leaflet-marker-icon.ev").count()
    clustered = sum(int(t) for t in page.locator(".marker-cluster span").all_inner_texts())
    assert singles + clustered == placed
    assert page.locator("path.country").count() > 100  # the Natural Earth basemap
    page.wait_for_selector("body[data-admin1=loaded]", state="attached", timeout=30000)
    assert page.locator("path.admin1").count() == 1  # admin-1 boundaries
    days = api_get(server, "/api/timeline")["days"]
    bars = page.locator("#timeline rect.bar")
    assert bars.count() == len(days)
    assert sum(int(b.get_attribute("data-count")) for b in bars.all()) == sum(
        d["count"] for d in days)


def test_filter_by_date_and_brush_the_timeline(page, server):
    page.fill("#since", "2020-02-04")
    page.fill("#until", "2020-02-04")
    page.dispatch_event("#filters", "change")
    expected = api_get(server, "/api/events", since="2020-02-04", until="2020-02-04")["items"]
    expect(page.locator("#list li")).to_have_count(len(expected))
    assert list_ids(page) == [e["event_id"] for e in expected]
    assert all(e["date"] == "2020-02-04" for e in expected) and expected

    page.fill("#since", "")
    page.fill("#until", "")
    page.dispatch_event("#filters", "change")
    everything = api_get(server, "/api/events")["items"]
    expect(page.locator("#list li")).to_have_count(len(everything))
    days = api_get(server, "/api/timeline")["days"]  # the timeline redrawn for every day
    expect(page.locator("#timeline rect.bar")).to_have_count(len(days))
    first = page.locator("#timeline rect.bar").first
    expect(first).to_be_visible()
    day = first.get_attribute("data-day")
    box = first.bounding_box()
    assert box is not None, "the first bar of the timeline is not laid out"
    page.mouse.move(box["x"] - 3, box["y"] + 5)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] + 3, box["y"] + 5, steps=5)
    page.mouse.up()
    on_day = [e["event_id"] for e in everything if (e["date"] or "")[:10] == day]
    expect(page.locator("#list li")).to_have_count(len(on_day))
    assert list_ids(page) == on_day
    assert page.inner_text("#brush-label") == f"{day} – {day}"


def test_open_an_event_and_see_its_evidence(page, server):
    first = api_get(server, "/api/events")["items"][0]
    page.click(f"#list li[data-id='{first['event_id']}']")
    page.wait_for_selector("#detail mark.hl-trigger")
    assert page.inner_text("#detail mark.hl-trigger") == first["evidence"]["trigger"]
    assert page.inner_text("#detail .sentence >> nth=0") == first["evidence"]["sentence"]
    assert page.locator("#detail .claim").count() == len(first["claims"])
    page.wait_for_selector("body[data-admin1=loaded]", state="attached", timeout=30000)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))


def exported(server) -> dict[str, dict]:
    text = httpx.get(server.url + "/api/export", params={"format": "jsonl"}, timeout=30).text
    return {r["event_id"]: r for r in map(json.loads, text.splitlines())}


def test_review_from_the_page_changes_the_export(page, server):
    events = api_get(server, "/api/events", review="unreviewed")["items"]
    target, fix = events[0]["event_id"], events[1]["event_id"]
    assert target in exported(server)
    page.fill("#api-key", KEY)
    page.dispatch_event("#api-key", "change")
    page.click(f"#list li[data-id='{target}']")
    page.wait_for_selector("#detail .review-buttons")
    page.keyboard.press("r")
    page.wait_for_selector(f"#list li.rev-reject[data-id='{target}']")
    assert target not in exported(server)

    page.click(f"#list li[data-id='{fix}']")
    page.wait_for_selector("#detail .review-buttons")
    page.keyboard.press("c")
    page.fill("#c-fatalities", "41")
    page.fill("#c-note", "corrected in the page test")
    page.click("#correct-send")
    page.wait_for_selector(f"#list li.rev-correct[data-id='{fix}']")
    row = exported(server)[fix]
    assert row["fatalities"]["best"] == 41 and row["review"] == "correct"
    history = api_get(server, f"/api/events/{fix}")["reviews"]
    assert history[-1]["note"] == "corrected in the page test"


def test_upload_a_document_and_injection_stays_text(page, server):
    before = api_get(server, "/api/health")["documents"]
    page.fill("#api-key", KEY)
    page.click("#open-upload")
    page.fill("#upload-text", XSS_TEXT)
    page.fill("#upload-date", "2020-02-05")
    page.select_option("#upload-lang", "es")
    page.click("#upload-send")
    page.wait_for_selector("#upload-result .upload-count", timeout=120000)
    assert "encontrados" in page.inner_text("#upload-result .upload-count")
    assert api_get(server, "/api/health")["documents"] == before + 1
    found = page.locator("#upload-result li").count()
    assert found >= 1
    page.click("#upload button[value=cancel]")
    page.click("#list li[data-id='xss-actor']")
    page.wait_for_selector("#detail .facts")
    assert XSS_ACTOR in page.inner_text("#detail .facts")  # shown as text
    assert page.locator("#detail img, #list img, #upload-result img").count() == 0
    assert page.locator("script:not([src])").count() == 0


def test_language_switch(page):
    assert page.inner_text("[data-i18n=since]") == "Desde"
    page.click("#lang-switch")
    assert page.inner_text("[data-i18n=since]") == "From"
    assert "shown" in page.inner_text("#status")
    page.click("#lang-switch")
    assert page.inner_text("[data-i18n=since]") == "Desde"


def test_api_docs_page_renders_offline(browser, server):
    page = browser.new_page()
    page.goto(server.url + "/docs")
    page.wait_for_selector(".opblock-summary-path[data-path='/api/events']", timeout=30000)
    page.close()

