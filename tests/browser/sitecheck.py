"""Checking a built site in a real browser: serve it, find its pages, measure them.

The functions here are used both on the real site and on deliberately broken
fixture sites, so a test can prove that each check catches the fault it is for.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Route

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--no-first-run",
    "--disable-sync", "--disable-extensions",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
# 200% zoom of a 1280 px window: half as many CSS pixels, each drawn twice as large.
ZOOM_200 = {"width": 640, "height": 400}


def site_url(config: Path) -> str:
    """The `site_url` of an MkDocs configuration file."""
    found = re.search(r"^site_url:\s*(\S+)", config.read_text(encoding="utf-8"), re.MULTILINE)
    assert found, f"{config} has no site_url"
    return found.group(1)


def site_prefix(config: Path) -> str:
    """The path the site is published under, from `site_url`, e.g. '/social-media-code/'.

    The site is served under the same path in tests, so pages that use absolute
    URLs (the theme's 404 page) load their styles as they will when published.
    """
    path = urlsplit(site_url(config)).path
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def discover_pages(site: Path) -> list[str]:
    """Every HTML page the build wrote, as a path relative to the site root ('' is home)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        pages.append(rel.removesuffix("index.html") if path.name == "index.html" else rel)
    return pages


@dataclass
class Served:
    """A built site served on 127.0.0.1 under its published path."""

    origin: str
    prefix: str
    site: Path
    pages: list[str]

    def url(self, page: str) -> str:
        return f"{self.origin}{self.prefix}{page}"

    def page_of(self, url: str) -> str | None:
        """The site page a URL of this server points to, or None if it points elsewhere."""
        start = self.origin + self.prefix
        if not url.startswith(start):
            return None
        return url[len(start):].split("#", 1)[0].split("?", 1)[0]


@contextmanager
def serve(site: Path, prefix: str = "/") -> Iterator[Served]:
    """Serve `site` with `python -m http.server` on a free port of 127.0.0.1."""
    with tempfile.TemporaryDirectory(prefix="served-") as tmp:
        root = Path(tmp)
        parts = [p for p in prefix.split("/") if p]
        if parts:
            parent = root.joinpath(*parts[:-1])
            parent.mkdir(parents=True, exist_ok=True)
            (parent / parts[-1]).symlink_to(site.resolve(), target_is_directory=True)
        else:
            root = site
        server = subprocess.Popen(
            [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
             "--directory", str(root)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        try:
            assert server.stdout is not None
            banner = server.stdout.readline()
            port = re.search(r"port (\d+)", banner)
            assert port, f"http.server did not start: {banner!r}"
            yield Served(f"http://127.0.0.1:{port.group(1)}", prefix, site, discover_pages(site))
        finally:
            server.terminate()
            server.wait(timeout=10)


def build_with_site_build(site_dir: Path, config: Path | None = None) -> None:
    """Build as a maintainer does: ./site-build.sh into `site_dir` (fails the test if it fails)."""
    env = {**os.environ, "SITE_DIR": str(site_dir), "NO_MKDOCS_2_WARNING": "1"}
    if config is not None:
        env["SITE_CONFIG"] = str(config)
    result = subprocess.run([str(ROOT / "site-build.sh")], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise AssertionError(f"site-build.sh failed:\n{result.stdout}\n{result.stderr}")


def launch(playwright) -> Browser:  # type: ignore[no-untyped-def]
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# --- requests and Content-Security-Policy -------------------------------------------------


@dataclass
class Traffic:
    """Every request a browser context made, and every CSP violation its pages reported."""

    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)


_CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline")
    + " in " + e.documentURI);
});
"""


def watch(context: BrowserContext) -> Traffic:
    """Record every request of `context`; any not to 127.0.0.1 is recorded and blocked."""
    traffic = Traffic()

    def route(route: Route) -> None:
        url = route.request.url
        traffic.requests.append(url)
        if urlsplit(url).hostname != "127.0.0.1" and not url.startswith(("data:", "blob:")):
            traffic.outside.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", route)
    context.on("response", lambda r: r.status >= 400 and traffic.failed.append(
        f"{r.status} {r.url}"))
    context.add_init_script(_CSP_LISTENER)
    return traffic


def csp_violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__cspViolations || []"))


# --- axe-core ----------------------------------------------------------------------------


@dataclass
class AxeRun:
    violations: list[str]
    rules: set[str]


def run_axe(page: Page) -> AxeRun:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page as it is now."""
    result = Axe().run(page, options={
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "resultTypes": ["violations"],
    }).response
    rules = {r["id"] for kind in ("violations", "passes", "incomplete", "inapplicable")
             for r in result.get(kind, [])}
    violations = []
    for v in result["violations"]:
        for node in v["nodes"]:
            detail = (node.get("any") or node.get("all") or node.get("none") or [{}])[0]
            violations.append(f"{v['id']} ({v['impact']}) at {' '.join(node['target'])}: "
                              f"{detail.get('message', v['help'])}")
    return AxeRun(violations, rules)


# --- layout and focus ----------------------------------------------------------------------


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return int(page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"))


_FOCUS = """
async () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Let transitions finish before measuring (the skip link and the drawer slide in).
  await Promise.all(document.getAnimations()
    .filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity)
    .map((a) => a.finished));
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), cls: el.className && String(el.className),
    text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
    outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
    outlineColor: s.outlineColor, boxShadow: s.boxShadow,
    width: r.width, height: r.height, top: r.top, left: r.left,
    inViewport: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    opacity: parseFloat(s.opacity), visibility: s.visibility,
    focusVisible: el.matches(":focus-visible"),
  };
}
"""


@dataclass(frozen=True)
class Focus:
    tag: str
    cls: str
    text: str
    outline: float
    visible: bool
    problem: str | None


def focused(page: Page) -> Focus | None:
    """The focused element and whether a user can see it has focus (a 2 px outline or more)."""
    info = page.evaluate(_FOCUS)
    if info is None:
        return None
    problem = None
    if not info["focusVisible"]:
        problem = "does not match :focus-visible"
    elif info["outlineStyle"] == "none" or info["outlineWidth"] < 2:
        problem = f"focus outline is {info['outlineStyle']} {info['outlineWidth']}px"
    elif info["width"] < 1 or info["height"] < 1 or not info["inViewport"]:
        problem = "the focused element is off screen or has no size"
    elif info["opacity"] < 0.5 or info["visibility"] != "visible":
        problem = "the focused element is transparent or hidden"
    return Focus(info["tag"], info["cls"] or "", info["text"], info["outlineWidth"],
                 problem is None, problem)


def tab_until(page: Page, selector: str, limit: int = 60) -> Focus | None:
    """Press Tab until the focused element matches `selector`; its focus, or None."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement?.matches(s)", selector):
            return focused(page)
    return None


# --- static HTML -----------------------------------------------------------------------


@dataclass
class HeadAndLinks(HTMLParser):
    """What the security checks need from a page: its CSP, scripts and links."""

    csp: list[tuple[str, int]] = field(default_factory=list)  # (policy, order in head)
    head_order: list[str] = field(default_factory=list)
    inline_scripts: list[str] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    _in_head: bool = False
    _in_inline_script: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "head":
            self._in_head = True
        if self._in_head:
            loads = tag in ("script", "style") or (
                tag == "link" and "stylesheet" in a.get("rel", "").split())
            self.head_order.append("loads" if loads else tag)
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append((a.get("content", ""), len(self.head_order)))
        if tag == "script" and "src" not in a and a.get("type", "") != "application/json":
            self._in_inline_script = True
            self.inline_scripts.append("")
        if tag == "a" and "href" in a:
            self.links.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        if tag == "script":
            self._in_inline_script = False

    def handle_data(self, data: str) -> None:
        if self._in_inline_script:
            self.inline_scripts[-1] += data


def read_page(path: Path) -> HeadAndLinks:
    parser = HeadAndLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_file(site: Path, page: str) -> Path:
    return site / page / "index.html" if page == "" or page.endswith("/") else site / page


def external_links_without_noopener(site: Path, pages: list[str], site_url: str) -> list[str]:
    """Every link to another host whose rel lacks 'noopener', as 'page: href'."""
    own = urlsplit(site_url).hostname
    missing = []
    for page in pages:
        for link in read_page(page_file(site, page)).links:
            href = urljoin(site_url + page, link["href"])
            parts = urlsplit(href)
            external = parts.scheme in ("http", "https") and parts.hostname != own
            if external and "noopener" not in link.get("rel", "").split():
                missing.append(f"{page or 'home'}: {link['href']}")
    return missing


def csp_problems(site: Path, pages: list[str]) -> list[str]:
    """Pages whose Content-Security-Policy is missing, late, loose, or has inline scripts."""
    problems = []
    for page in pages:
        parsed = read_page(page_file(site, page))
        name = page or "home"
        if len(parsed.csp) != 1:
            problems.append(f"{name}: {len(parsed.csp)} CSP meta elements, expected 1")
            continue
        policy, position = parsed.csp[0]
        directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
        before = parsed.head_order[:position]
        if "loads" in before:
            problems.append(f"{name}: the CSP meta comes after a script or style")
        problems.extend(f"{name}: {directive} is {directives.get(directive)}, "
                        "expected only 'self'"
                        for directive in ("default-src", "script-src", "style-src")
                        if directives.get(directive) != ["'self'"])
        if "unsafe-inline" in policy or "unsafe-eval" in policy or "*" in policy:
            problems.append(f"{name}: the policy allows unsafe sources: {policy}")
        problems.extend(f"{name}: inline script {script.strip()[:60]!r}"
                        for script in parsed.inline_scripts)
    return problems


# --- Nu HTML checker -------------------------------------------------------------------


@dataclass(frozen=True)
class Suppression:
    pattern: re.Pattern[str]
    reason: str


def read_suppressions(path: Path) -> list[Suppression]:
    """`pattern<TAB>reason` lines; '#' starts a comment."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, sep, reason = line.partition("\t")
        assert sep and reason.strip(), f"{path.name}:{number}: a suppression needs a reason"
        found.append(Suppression(re.compile(pattern), reason.strip()))
    return found


def vnu_errors(site: Path, suppressions: list[Suppression]) -> tuple[list[str], list[int]]:
    """The validator's errors over every page, less suppressed ones, and how many messages
    each suppression matched."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "json",
         str(site)],
        capture_output=True, text=True, check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors: list[str] = []
    matched = [0] * len(suppressions)
    for m in messages:
        text = m.get("message", "")
        hits = [i for i, s in enumerate(suppressions) if s.pattern.search(text)]
        for i in hits:
            matched[i] += 1
        if hits:
            continue
        where = m.get("url", "").replace(f"file:{site.resolve()}/", "")
        errors.append(f"{where}:{m.get('lastLine', '?')}: {m.get('type')}: {text}")
    return errors, matched
