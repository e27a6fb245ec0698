"""A clause cited in one line, as a committee paper or a resident would quote it.

"Any District Council, Social Media Code for Councillors, version 1.0 (adopted 27 June
2019), clause 3.2, https://.../code/1.0/#clause-3.2": who publishes the Code, its
title, the version and its standing, the clause's number, and the clause's lasting address
in that version (the number anchor, which never changes meaning on that page).
"""

from __future__ import annotations

from macros.compute import urls
from macros.compute.numbering import NumberedVersion
from macros.model.dates import long_date


def standing(version: NumberedVersion) -> str:
    """How a citation dates a version: 'adopted 27 June 2019', or for a draft 'draft for
    1 October 2019, not adopted'. It does not change when a later version is adopted."""
    v = version.version
    if not v.status.approved:
        return f"draft for {long_date(v.status_date)}, not adopted"
    return f"adopted {long_date(v.status_date)}"


def clause_citation(council: str, title: str, version: NumberedVersion, number: str,
                    anchor: str, site_url: str) -> str:
    """The one-line citation of clause `number` (at `anchor`) of `version`.

    The address is in full when the site's address is known, else the site path."""
    path = urls.anchored(urls.version_path(version.id), anchor)
    address = urls.absolute(site_url, path) if site_url else path
    parts = [council] if council else []
    parts += [title, f"version {version.id} ({standing(version)})", f"clause {number}", address]
    return ", ".join(parts)
