"""Site paths of versions, clauses and clause histories, and relative links between them.

Paths are site-relative with no leading slash ("code/1.0/"), as MkDocs uses
them with directory URLs. These paths are the URL contract: changing one
breaks links in committee papers.
"""

from __future__ import annotations

CODE_ROOT = "code/"
HISTORY_ROOT = "clause/"


def version_path(version_id: str) -> str:
    """Lasting site path of a version's page, e.g. 'code/1.0/'."""
    return f"{CODE_ROOT}{version_id}/"


def current_path() -> str:
    """Site path of the page showing the version in force."""
    return CODE_ROOT


def history_path(key: str) -> str:
    """Lasting site path of a clause's history page, e.g. 'clause/purpose/'."""
    return f"{HISTORY_ROOT}{key}/"


def changes_path() -> str:
    """The changelog: what changed in each version, and why."""
    return "changes/"


def versions_json_path() -> str:
    """The list of versions the theme's version selector reads (see versions.py)."""
    return f"{CODE_ROOT}versions.json"


def clauses_json_path() -> str:
    """Where each clause stands in every version, for the version selector's script."""
    return f"{CODE_ROOT}clauses.json"


CONSULTATION_PATH = "consultation/"
GUIDANCE_PATH = "guidance/"
SCHEMA_ROOT = "schema/"
VERSION_SCHEMA_NAME = "code-version.schema.json"
CHANGES_SCHEMA_NAME = "code-changes.schema.json"


def comment_path(comment_id: str) -> str:
    """Site path of a comment on the consultation page: `consultation/#<id>`."""
    return anchored(CONSULTATION_PATH, comment_id)


def download_name(version_id: str, ext: str) -> str:
    """File name of a version's download, e.g. 'code-1.0.pdf'."""
    return f"code-{version_id}.{ext}"


def download_path(version_id: str, ext: str) -> str:
    """Lasting site path of a version's download, e.g. 'code/1.0/code-1.0.pdf'."""
    return version_path(version_id) + download_name(version_id, ext)


def changes_json_path(version_id: str) -> str:
    """Lasting site path of the changes into a version, e.g. 'code/2.0/changes-2.0.json'."""
    return f"{version_path(version_id)}changes-{version_id}.json"


def changes_pdf_path(version_id: str) -> str:
    """Lasting site path of the committee paper of the changes into a version (tracked
    changes, as a PDF), e.g. 'code/2.0/changes-2.0.pdf'."""
    return f"{version_path(version_id)}changes-{version_id}.pdf"


def schema_path(name: str = VERSION_SCHEMA_NAME) -> str:
    """Site path of a published JSON Schema."""
    return f"{SCHEMA_ROOT}{name}"


def anchored(path: str, anchor: str) -> str:
    """`path` with `#anchor` added."""
    return f"{path}#{anchor}"


def relative(from_page: str, to: str) -> str:
    """A link from the page at `from_page` (a directory URL) to `to` (path, maybe with #)."""
    path, _, fragment = to.partition("#")
    if path == from_page:
        rel = ""
    else:
        rel = _relpath(path, from_page)
        if (path.endswith("/") or not path) and rel != ".":
            rel += "/"
        elif rel == ".":
            rel = "./"
    return f"{rel}#{fragment}" if fragment else (rel or "./")


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for clean site paths (no '.' or '..' segments), several times faster:
    a version page links to every clause's history, so this runs thousands of times."""
    to_parts = [p for p in path.split("/") if p]
    from_parts = [p for p in start.split("/") if p]
    common = 0
    for a, b in zip(to_parts, from_parts, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


def absolute(site_url: str, path: str) -> str:
    """The full public URL of a site path, for copying and printing."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")
