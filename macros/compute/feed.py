"""The feed of versions: one entry per version, newest first, for readers who follow changes.

An entry's id is the version's lasting URL (`<site_url>code/<id>/`). That address is part of
the URL contract and never changes, whatever happens to the version later (adopted,
superseded), so a feed reader keeps one entry per version for ever and shows it as updated,
not as new, when its status changes.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.numbering import NumberedVersion
from macros.compute.versions import (
    changes_anchor,
    count_sentence,
    status_heading,
    status_text,
    version_label,
)
from macros.model.records import Status

FEED_PATH = "feed.xml"


class FeedEntry(NamedTuple):
    """One version in the feed."""

    id: str  # the version's lasting URL: never changes
    title: str  # 'Version 2.0 (draft, not adopted)'
    status: str  # 'draft', 'adopted' or 'superseded'
    status_label: str  # 'Draft, not adopted', 'In force', 'Superseded'
    updated: str  # when its status last changed, as an Atom date (RFC 3339)
    published: str  # its date: approved, or the meeting a draft is prepared for
    summary: str  # its status, what it is, and what changed from the version before
    href: str  # the version's page
    changes_href: str | None  # what changed from the version before, if there is one
    changes_title: str | None


class Feed(NamedTuple):
    """The whole feed: its own address, title and entries, newest first."""

    id: str  # the feed's own address
    title: str
    subtitle: str
    author: str  # the council
    updated: str
    href: str  # the site's page of what changed
    entries: tuple[FeedEntry, ...]


def atom_date(day: dt.date) -> str:
    """A day as an Atom date: midnight UTC at its start, e.g. '2019-06-27T00:00:00Z'."""
    return f"{day.isoformat()}T00:00:00Z"


def _updated(version: NumberedVersion) -> dt.date:
    v = version.version
    return v.superseded_on if v.status is Status.superseded and v.superseded_on else v.status_date


def feed_entry(code: Code, version: NumberedVersion, site_url: str) -> FeedEntry:
    """A version's entry: its status said first (a draft's says it is a draft)."""
    v = version.version
    changes = code.changelog.for_version(v.id)
    summary = [status_text(code, version), v.summary]
    changes_href = changes_title = None
    if changes is not None:
        counts = count_sentence(changes)
        summary.append(f"What changed from version {changes.previous.id}: {counts}")
        changes_href = urls.absolute(site_url, urls.anchored(urls.changes_path(),
                                                             changes_anchor(v.id)))
        changes_title = f"What changed in version {v.id}"
    else:
        summary.append("The first version on this site.")
    href = urls.absolute(site_url, urls.version_path(v.id))
    return FeedEntry(href, version_label(code, version), v.status.value,
                     status_heading(code, version),
                     atom_date(_updated(version)), atom_date(v.status_date), " ".join(summary),
                     href,
                     changes_href, changes_title)


def version_feed(code: Code, site_url: str, council: str) -> Feed:
    """Every version of the Code, newest first, with the site's full addresses."""
    entries = tuple(feed_entry(code, v, site_url) for v in reversed(code.versions))
    updated = max((_updated(v) for v in code.versions), default=dt.date(1970, 1, 1))
    return Feed(urls.absolute(site_url, FEED_PATH), f"{code.title}: new versions",
                f"Each version of the {code.title} of {council}, its status and what changed.",
                council, atom_date(updated), urls.absolute(site_url, urls.changes_path()),
                entries)
