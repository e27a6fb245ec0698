"""The running header and footer of a printed version page.

Browsers print page margins only from CSS, and a stylesheet cannot read the
page it prints. So the generator writes, once per build, one rule per version
that sets custom properties when the page shows that version (at the end of the
stylesheet pages load, assets/smc.css); print.css puts them in the margins of
every printed page (title and version, status, URL).
"""

from __future__ import annotations

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.numbering import NumberedVersion
from macros.compute.versions import printed_status
from macros.model.dates import long_date
from macros.model.records import Status


def css_string(text: str) -> str:
    """`text` as a CSS string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + " ".join(escaped.split()) + '"'


def print_status(code: Code, version: NumberedVersion) -> str:
    """The status as the margin of every printed page gives it."""
    v = version.version
    status = printed_status(code, version)
    if not v.status.approved:
        return f"{status} (prepared for {long_date(v.status_date)})"
    if v.status is Status.superseded:
        since = f" on {long_date(v.superseded_on)}" if v.superseded_on else ""
        return f"{status}{since} (approved {long_date(v.status_date)})"
    return f"{status} (approved {long_date(v.status_date)})"


def running_css(code: Code, site_url: str) -> str:
    """The stylesheet that puts each version's title, status and address in the printed margins
    (for print only, so that a screen never matches its rules against the page)."""
    rules = ["/* Generated from the Code's data at each build. */", "@media print {"]
    for version in code.versions:
        title = f"{code.title}, version {version.id}"
        url = urls.absolute(site_url, urls.version_path(version.id)) if site_url else ""
        rules.append(
            f':root:has(.smc-code[data-smc-version="{version.id}"]) {{\n'
            f"  --smc-print-title: {css_string(title)};\n"
            f"  --smc-print-status: {css_string(print_status(code, version))};\n"
            f"  --smc-print-url: {css_string(url)};\n}}")
    return "\n".join([*rules, "}"]) + "\n"
