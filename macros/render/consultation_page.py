"""The consultation record: its page, and the comment links on each clause.

Each comment has the anchor `consultation/#ID`. On the reviewed version's page a
clause lists the comments about it; on the answering version's page, the comments it
answers. Rendering only reads what `consultation.load_consultation` computed; the page is
laid out by `consultation.html.jinja`, with `members.html.jinja` (the list of members)
and `comment.html.jinja` (each comment and its response), and every piece of data is
escaped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from markupsafe import Markup

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.consultation import ConsultationRecord
from macros.compute.versions import status_text, status_words
from macros.compute.views import Link, RichText
from macros.model.records import Comment, CommentKind, ResponseStatus
from macros.render.environment import Templates

STATUS_LABELS = {
    ResponseStatus.addressed: "Addressed",
    ResponseStatus.partly_addressed: "Partly addressed",
    ResponseStatus.not_addressed: "Not addressed",
    ResponseStatus.for_committee: "For the Committee to decide",
}


def member_anchor(member: str) -> str:
    """'Cllr A Taylor' -> 'member-a-taylor'."""
    name = re.sub(r"^(Cllr|Councillor)\s+", "", member)
    return "member-" + "-".join(re.findall(r"[a-z0-9]+", name.lower()))


class CommentView(NamedTuple):
    """One comment and the response to it, as comment.html.jinja shows it."""

    id: str
    topic: str
    paragraph: str
    quoted: bool  # the member's own words, or else a summary of them
    words: RichText
    reviewed: str  # the id of the version commented on
    concerns: tuple[Link, ...]  # the clauses it is about; none: the version as a whole
    status: str  # the response's status ("addressed", ...), for its class
    status_label: str  # and in words ("Addressed", ...)
    response: str
    answering: str  # the id of the version that answers it
    answering_status: str  # its standing, from its data: 'draft, not adopted', 'in force', ...
    answered_by: tuple[Link, ...]  # the clauses that answer it
    options: tuple[str, ...]  # the options before the Committee


class Member(NamedTuple):
    """A member who commented, and their comments, in the members' list."""

    name: str
    anchor: str
    paragraphs: str  # the report's paragraphs that record the member's comments, "5.2, 5.4"
    comments: tuple[CommentView, ...]


def _clause_links(code: Code, version_id: str, keys: tuple[str, ...],
                  page: str) -> tuple[Link, ...]:
    version = code.version(version_id)
    links = []
    for key in keys:
        target = version.targets[key]
        href = urls.relative(page, urls.anchored(urls.version_path(version_id), target.anchor))
        links.append(Link(href, target.label))
    return tuple(links)


def _no_xref(key: str) -> Link:
    """Comments hold no cross-references (the loader refuses them)."""
    raise ValueError(f"a comment cannot cross-reference '{key}'")


def comment_view(code: Code, record: ConsultationRecord, comment: Comment,
                 page: str) -> CommentView:
    """A comment as `comment.html.jinja` shows it, with links from `page`."""
    reviewed, answering = record.reviewed_version, record.answered_by
    response = comment.response
    words = RichText(record.words[comment.id], _no_xref)
    return CommentView(
        comment.id, comment.topic, comment.paragraph, comment.kind is CommentKind.quoted,
        words, reviewed, _clause_links(code, reviewed, comment.concerns, page),
        response.status.value, STATUS_LABELS[response.status], response.text, answering,
        status_words(code, code.version(answering)),
        _clause_links(code, answering, response.clauses, page), response.options)


def render_comment(templates: Templates, code: Code, record: ConsultationRecord,
                   comment: Comment, page: str) -> Markup:
    """One comment, its words and the response to it."""
    return templates.render("comment.html.jinja",
                            comment=comment_view(code, record, comment, page))


def render_consultation(templates: Templates, code: Code, page: str) -> Markup:
    """The whole consultation page: introduction, members, and every comment."""
    record = code.consultation
    if record is None:
        raise RuntimeError("the manifest lists no consultation file")
    groups = record.by_member()
    paragraphs = sorted({c.paragraph for c in record.comments},
                        key=lambda p: tuple(int(n) for n in p.split(".") if n.isdigit()))
    span = paragraphs[0] if len(paragraphs) == 1 else f"{paragraphs[0]} to {paragraphs[-1]}"
    members = tuple(
        Member(member, member_anchor(member),
               ", ".join(dict.fromkeys(c.paragraph for c in comments)),
               tuple(comment_view(code, record, c, page) for c in comments))
        for member, comments in groups)
    return templates.render(
        "consultation.html.jinja",
        reviewed=Link(urls.relative(page, urls.version_path(record.reviewed_version)),
                      record.reviewed_version),
        answering=Link(urls.relative(page, urls.version_path(record.answered_by)),
                       record.answered_by),
        status=status_text(code, code.version(record.answered_by)),
        span=span, source=code.source_document, count=len(record.comments), members=members)
