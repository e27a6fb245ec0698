"""Lighthouse on the built pages, served the way a host serves them.

Lighthouse is the version package.json pins (`npm ci` installs it; no browser is
downloaded: it drives Debian's Chromium through CHROME_PATH), with its defaults: a
mobile phone, simulated slow 4G and a 4x slower processor. The site is served from
127.0.0.1 by `HostServer`: text compressed with gzip when the browser accepts it, as
every web host does, pages revalidated after 10 minutes and the theme's assets kept for a
year (`Cache-Control`).
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import subprocess
import threading
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sites import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        page = self.path.split("?", 1)[0]
        if page.endswith((".html", "/")):
            self.send_header("Cache-Control", "public, max-age=600")
        else:
            self.send_header("Cache-Control", "public, max-age=31536000")
        super().end_headers()

    def send_head(self) -> Any:
        """Text compressed with gzip when the browser accepts it; anything else as it is."""
        address = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not address.endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or path.suffix not in COMPRESSED):
            return super().send_head()
        data = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


class HostServer:
    """`folder` served on 127.0.0.1 as a host serves it, under `mount` (e.g. '/code-site/')."""

    def __init__(self, folder: Path, mount: str) -> None:
        self.root = folder.parent / (folder.name + ".served")
        # The site's own address has a path (site_url); serve it there.
        target = self.root / mount.strip("/") if mount.strip("/") else self.root
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.symlink_to(folder.resolve(), target_is_directory=True)
        handler = partial(_Handler, directory=str(self.root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/{mount.strip('/')}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> HostServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Score:
    page: str
    scores: dict[str, float]
    failed: list[str] = field(default_factory=list)  # audits that lost points, worst first
    metrics: dict[str, str] = field(default_factory=dict)
    html_kb: float = 0.0
    elements: int = 0


def run(url: str, page: str, out: Path) -> Score:
    """Lighthouse's report on `url`, with its defaults (mobile)."""
    report = out / f"{page.strip('/').replace('/', '-').replace('.', '_') or 'home'}.json"
    out.mkdir(parents=True, exist_ok=True)
    flags = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
             "--disable-background-networking --disable-component-update --no-first-run "
             "--disable-sync --disable-extensions")
    subprocess.run([str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}",
                    "--quiet", f"--chrome-flags={flags}"], check=True, timeout=600,
                   env={**os.environ, "CHROME_PATH": CHROMIUM})
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    failed = []
    for category in CATEGORIES:
        for ref in data["categories"][category]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight", 0) == 0 and category != "performance":
                continue
            if audit.get("score") is not None and audit["score"] < 0.9 and \
                    audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
                shown = audit.get("displayValue", "")
                failed.append(f"{category}: {audit['title']}" + (f" ({shown})" if shown else ""))
    metrics = {}
    for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index"):
        if key in data["audits"]:
            metrics[key] = data["audits"][key].get("displayValue", "")
    elements = data["audits"].get("dom-size", {}).get("numericValue") or 0
    return Score(page, scores, sorted(set(failed)), metrics, 0.0, int(elements))


def available() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if not LIGHTHOUSE.exists():
        return "Lighthouse is not installed (npm ci)"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None
