"""What a reader downloads to open a page, measured in a real browser (Debian's Chromium).

The built site is served locally by a server that logs every file it sends.
The page is opened and left to settle; then the search box is opened with the
keyboard and a word typed. "Before search" counts every file the page fetched
except the theme's search worker and index (which Material fetches as soon as
the page is idle, not only when search is used); "after search" counts them
too. Sizes are of the files as sent (raw) and as a server would send them
gzip-compressed (level 6).
"""

from __future__ import annotations

import http.server
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from measure import gzip_size

CHROMIUM = "/usr/bin/chromium"
# The theme's search: its worker, language support and index. Material starts loading them
# as soon as the page is idle; "before search" leaves them out, "after search" counts them.
SEARCH = re.compile(r"/workers/search\.|/lunr/|search_index\.json$")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-extensions"]


@dataclass
class Weight:
    files: list[tuple[str, int, int]] = field(default_factory=list)  # path, raw, gzip

    @property
    def raw(self) -> int:
        return sum(f[1] for f in self.files)

    @property
    def gzip(self) -> int:
        return sum(f[2] for f in self.files)

    def kind(self, suffixes: tuple[str, ...]) -> tuple[int, int]:
        chosen = [f for f in self.files if f[0].endswith(suffixes)]
        return sum(f[1] for f in chosen), sum(f[2] for f in chosen)


@dataclass
class PageWeight:
    page: str
    before: Weight
    after: Weight  # everything, after search has loaded
    third_party: list[str]


class _Log:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.paths: list[str] = []
        self.lock = threading.Lock()

    def add(self, path: str) -> None:
        with self.lock:
            self.paths.append(path)

    def weight(self, since: int = 0, search: bool = True) -> Weight:
        weight = Weight()
        with self.lock:
            paths = self.paths[since:]
        for url_path in paths:
            if not search and SEARCH.search(url_path):
                continue
            local = self.root / unquote(url_path).lstrip("/")
            if local.is_dir():
                local = local / "index.html"
            if local.is_file():
                data = local.read_bytes()
                weight.files.append((url_path, len(data), gzip_size(data)))
        return weight


def _handler(log: _Log, root: Path) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def do_GET(self) -> None:
            log.add(urlsplit(self.path).path)
            super().do_GET()

        def log_message(self, *args) -> None:
            pass

    return Handler


def measure_pages(site: Path, pages: list[str]) -> list[PageWeight]:
    """Open each page (site-relative, e.g. 'code/1.0/') in a fresh browser context."""
    from playwright.sync_api import sync_playwright

    log = _Log(site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(log, site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page_path in pages:
                context = browser.new_context()
                third_party: list[str] = []

                def route(r, third_party=third_party):
                    if r.request.url.startswith(base) or r.request.url.startswith("data:"):
                        r.continue_()
                    else:
                        third_party.append(r.request.url)
                        r.abort()

                context.route("**/*", route)
                page = context.new_page()
                start = len(log.paths)
                page.goto(base + page_path, wait_until="networkidle")
                before = log.weight(start, search=False)
                page.keyboard.press("s")
                page.keyboard.type("social")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(1000)
                after = log.weight(start)
                if not any(SEARCH.search(f[0]) for f in after.files):
                    raise RuntimeError(f"search did not load on {page_path}")
                results.append(PageWeight(page_path, before, after, third_party))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return results
