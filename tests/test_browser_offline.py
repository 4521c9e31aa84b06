"""Offline in Chromium, as a reader on a phone notices it: pages read before, and the pages on
when to get help, open with no signal and say they are a saved copy; ticks, the checker and
search work; a corrected page shows at the next online load, and a page of a new version opened
by instant navigation comes with that version's styles; the removal setting empties the store;
the same under a sub-path; and with storage blocked the site still works online."""

from __future__ import annotations

import re
import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from causepages import load_site
from conftest import DATA, FIXTURE_DATA, ROOT, build, serve
from playwright.sync_api import Browser, BrowserContext, Page, expect

pytestmark = pytest.mark.browser

SITE = load_site(DATA)
CAUSE = next(iter(SITE.causes.values()))
PHONE = {"width": 390, "height": 844}
NOTICE = re.compile(r"You are offline\. This copy was saved on \d{1,2} [A-Z][a-z]+ \d{4}\.")
STORED = """async (url) => {
  for (const name of await caches.keys()) {
    if (await (await caches.open(name)).match(url, { ignoreSearch: true })) return true;
  }
  return false;
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ready_offline(page: Page) -> None:
    """Wait until the service worker runs the page: the first visit's files are stored then."""
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=20_000)


def wait_stored(page: Page, url: str) -> None:
    """Pages read are stored just after they show; wait for that, as a reader's phone does."""
    deadline = time.monotonic() + 10
    while not page.evaluate(STORED, url):
        assert time.monotonic() < deadline, f"{url} was not stored"
        page.wait_for_timeout(100)


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


def test_pages_read_and_help_pages_open_offline_with_a_notice(
    phone: BrowserContext, served_site: str
) -> None:
    page = phone.new_page()
    page.goto(served_site)
    ready_offline(page)
    cause = f"{served_site}causes/{CAUSE.id}/"
    checklist = f"{served_site}checklists/{CAUSE.id}/"
    for url in (cause, checklist):
        page.goto(url)
        wait_stored(page, url)
    expect(page.locator(".offline-notice")).to_have_count(0)

    phone.set_offline(True)
    page.goto(cause)
    expect(page.locator("h1")).to_contain_text(CAUSE.title)
    expect(page.get_by_role("status").filter(has_text="You are offline")).to_have_text(NOTICE)

    # Never opened, but stored on the first visit.
    page.goto(f"{served_site}when-to-see-a-doctor/")
    expect(page.locator("h1")).to_contain_text(re.compile("when to see a doctor", re.I))
    expect(page.locator(".offline-notice")).to_have_text(NOTICE)

    page.goto(checklist)
    first = page.get_by_label(CAUSE.prevention[0].text, exact=True)
    first.check()
    page.reload()
    expect(first).to_be_checked()

    page.goto(f"{served_site}check/")
    expect(page.locator(".checker__step, .checker__result").first).to_be_visible()

    page.goto(served_site)
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator(".md-search__input").press_sequentially("cramp", delay=10)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching"))


def test_instant_navigation_works_offline(phone: BrowserContext, served_site: str) -> None:
    page = phone.new_page()
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(served_site)
    ready_offline(page)
    phone.set_offline(True)
    page.evaluate("window.sameDocument = true")
    page.locator('a[href$="what-counts-as-weakness/"]').first.click()
    expect(page).to_have_url(f"{served_site}what-counts-as-weakness/")
    expect(page.locator(".offline-notice")).to_have_text(NOTICE)
    assert page.evaluate("window.sameDocument") is True, "the page was reloaded, not swapped"


def test_a_page_never_opened_says_it_is_not_saved(phone: BrowserContext, served_site: str) -> None:
    page = phone.new_page()
    page.goto(served_site)
    ready_offline(page)
    phone.set_offline(True)
    page.goto(f"{served_site}glossary/")
    expect(page.get_by_text("this page is not saved on this device yet")).to_be_visible()


def test_save_the_whole_site_shows_the_size_then_a_count(
    phone: BrowserContext, served_site: str
) -> None:
    page = phone.new_page()
    page.goto(f"{served_site}about/")
    ready_offline(page)
    status = page.locator("[data-offline-status]")
    expect(status).to_have_text(re.compile(r"is \d+ files \(\d+\.\d MB\)\."))
    page.get_by_role("button", name="Save the whole site for offline reading").click()
    expect(status).to_have_text("Done. The whole site is saved on this device.", timeout=60_000)
    phone.set_offline(True)
    page.goto(f"{served_site}glossary/")
    expect(page.locator(".offline-notice")).to_have_text(NOTICE)
    pdf = page.evaluate(STORED, f"{served_site}checklists/{CAUSE.id}.pdf")
    assert pdf, "the checklist PDFs are saved too"


# Sites built from the small fixture data, each for one address, so one phone can see a site
# replaced by its next version on the same address.


def fixture_copy(tmp: Path, sentence: str | None = None) -> Path:
    data = tmp / "data"
    shutil.copytree(FIXTURE_DATA, data)
    if sentence:
        alpha = data / "causes" / "alpha.yaml"
        alpha.write_text(alpha.read_text().replace("A common trigger.", sentence))
    return data


def built(
    tmp: Path, site_url: str, sentence: str | None = None, root: Path = ROOT, **env: str
) -> Path:
    site = tmp / "site"
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        result = build(site, fixture_copy(tmp, sentence), site_url, root)
    assert result.returncode == 0, result.stderr
    return site


def test_a_corrected_page_shows_at_the_next_online_load(phone: BrowserContext, tmp_path: Path):
    port = free_port()
    address = f"http://127.0.0.1:{port}/"
    old = built(tmp_path / "old", address)
    new = built(tmp_path / "new", address, "A common trigger, corrected.")
    page = phone.new_page()
    with serve(old, port):
        page.goto(f"{address}causes/alpha/")
        ready_offline(page)
        page.reload()
        wait_stored(page, f"{address}causes/alpha/")
    phone.set_offline(True)
    page.reload()
    expect(page.locator(".offline-notice")).to_have_text(NOTICE)
    phone.set_offline(False)
    with serve(new, port):
        page.reload()
        expect(page.get_by_text("A common trigger, corrected.").first).to_be_visible()
        expect(page.locator(".offline-notice")).to_have_count(0)
        # The new version takes over without reloading the page again and again.
        page.wait_for_timeout(1000)
        assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
        page.goto(f"{address}causes/alpha/")
        expect(page.get_by_text("A common trigger, corrected.").first).to_be_visible()


def project_with_css(tmp: Path, rule: str) -> Path:
    """A copy of the project whose docs/assets/site.css ends with one more rule."""
    copy = tmp / "project"
    ignored = shutil.ignore_patterns(".venv", "node_modules", ".git", ".cache")
    shutil.copytree(ROOT, copy, ignore=ignored)
    css = copy / "docs" / "assets" / "site.css"
    css.write_text(css.read_text() + rule)
    return copy


def test_a_new_version_opened_by_instant_navigation_loads_its_own_css(
    phone: BrowserContext, tmp_path: Path
) -> None:
    port = free_port()
    address = f"http://127.0.0.1:{port}/sub/"
    old = built(tmp_path / "old", address)
    new_project = project_with_css(tmp_path / "new", ".md-typeset h1 { word-spacing: 3px; }\n")
    new = built(tmp_path / "new", address, "A common trigger, corrected.", new_project)
    folder = tmp_path / "root" / "sub"
    shutil.copytree(old, folder)
    page = phone.new_page()
    heading = page.locator(".md-typeset h1").first
    with serve(folder.parent, port):
        page.goto(address)
        ready_offline(page)
        page.goto(f"{address}causes/")
        wait_stored(page, f"{address}causes/")
        expect(heading).not_to_have_css("word-spacing", "3px")
        phone.set_offline(True)
        shutil.rmtree(folder)
        shutil.copytree(new, folder)
        phone.set_offline(False)
        page.evaluate("window.sameDocument = true")
        page.locator('.md-content a[href$="alpha/"]').first.click()
        expect(page).to_have_url(f"{address}causes/alpha/")
        # The new page with the new version's CSS, not the one the last full load brought.
        expect(heading).to_have_css("word-spacing", "3px")
        expect(page.get_by_text("A common trigger, corrected.").first).to_be_visible()
        assert page.evaluate("window.sameDocument") is None, "the new version was not loaded"


def test_the_removal_setting_clears_the_store(phone: BrowserContext, tmp_path: Path) -> None:
    port = free_port()
    address = f"http://127.0.0.1:{port}/"
    keeping = built(tmp_path / "keeping", address)
    removing = built(tmp_path / "removing", address, OFFLINE="remove")
    page = phone.new_page()
    with serve(keeping, port):
        page.goto(address)
        ready_offline(page)
        assert page.evaluate("caches.keys().then(k => k.length)") > 0
    with serve(removing, port):
        page.goto(address)
        page.wait_for_function(
            "navigator.serviceWorker.getRegistrations().then(r => r.length === 0)"
        )
        page.wait_for_function("caches.keys().then(k => k.length === 0)")
    phone.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(address)


def test_offline_under_a_sub_path(phone: BrowserContext, tmp_path: Path) -> None:
    port = free_port()
    address = f"http://127.0.0.1:{port}/twitching/"
    built(tmp_path, address)
    (tmp_path / "root" / "twitching").parent.mkdir()
    (tmp_path / "site").rename(tmp_path / "root" / "twitching")
    page = phone.new_page()
    with serve(tmp_path / "root", port):
        page.goto(address)
        ready_offline(page)
        scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
        assert scope == address
    phone.set_offline(True)
    page.goto(f"{address}when-to-see-a-doctor/")
    expect(page.locator(".offline-notice")).to_have_text(NOTICE)


def test_with_storage_blocked_the_site_still_works_online(
    browser: Browser, served_site: str
) -> None:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.add_init_script(
        "for (const name of ['localStorage', 'caches']) Object.defineProperty(window, name, "
        "{get() { throw new DOMException('blocked', 'SecurityError'); }});"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{served_site}about/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    expect(
        page.get_by_role("button", name="Save the whole site for offline reading")
    ).to_be_hidden()
    page.goto(f"{served_site}checklists/{CAUSE.id}/")
    first = page.get_by_label(CAUSE.prevention[0].text, exact=True)
    first.check()
    expect(first).to_be_checked()
    assert errors == []
    context.close()
