"""The consultation record: its page, round by round, and the comment links on each clause.

Each comment has the anchor `consultation/#ID`, whatever its round. On a round's reviewed
version's page a clause lists the comments about it; on a later version's page, the
comments it answers. Rendering only reads what `consultation.load_consultation` computed;
the page is laid out by `consultation.html.jinja`, each round by
`consultation-round.html.jinja`, with `members.html.jinja` (the round's list of members)
and `comment.html.jinja` (each comment and its response), and every piece of data is
escaped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from markupsafe import Markup

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.consultation import ConsultationRecord, RoundRecord
from macros.compute.versions import status_text, status_words
from macros.compute.views import Link, RichText
from macros.model.comments import Comment, CommentKind, ResponseStatus
from macros.render.environment import Templates

STATUS_LABELS = {
    ResponseStatus.addressed: "Addressed",
    ResponseStatus.partly_addressed: "Partly addressed",
    ResponseStatus.not_addressed: "Not addressed",
    ResponseStatus.for_committee: "For the Committee to decide",
}


def member_anchor(member: str, round_number: int = 1) -> str:
    """'Cllr A Taylor' -> 'member-a-taylor' in the first round, 'round-2-member-a-taylor' in
    the second."""
    name = re.sub(r"^(Cllr|Councillor)\s+", "", member)
    anchor = "member-" + "-".join(re.findall(r"[a-z0-9]+", name.lower()))
    return anchor if round_number == 1 else f"{round_anchor(round_number)}-{anchor}"


def round_anchor(round_number: int) -> str:
    """The anchor of a round's heading on the consultation page: 'round-2'."""
    return f"round-{round_number}"


class CommentView(NamedTuple):
    """One comment and the response to it, as comment.html.jinja shows it."""

    id: str
    topic: str
    paragraph: str
    quoted: bool  # the member's own words, or else a summary of them
    words: RichText
    reviewed: str  # the id of the version commented on
    concerns: tuple[Link, ...]  # the clauses it is about; none: the version as a whole
    status: str | None  # the response's status ("addressed", ...), for its class; None: none
    status_label: str | None  # and in words ("Addressed", ...)
    response: str | None  # the response; None while there is none
    answering: str | None  # the id of the version that answers it; None while none does
    answering_status: str | None  # its standing: 'draft, not adopted', 'in force', ...
    answered_by: tuple[Link, ...]  # the clauses that answer it
    options: tuple[str, ...]  # the options before the Committee


class Member(NamedTuple):
    """A member who commented in a round, and their comments, in the round's members' list."""

    name: str
    anchor: str
    paragraphs: str  # the source's paragraphs that record the member's comments, "5.2, 5.4"
    comments: tuple[CommentView, ...]


class RoundView(NamedTuple):
    """One round of comments, as consultation-round.html.jinja shows it."""

    number: int
    anchor: str  # its heading's anchor, 'round-1'
    title: str  # 'Round 1: comments on version 1.0, answered by version 2.0'
    source: str  # where the comments are recorded, with its date when its name lacks it
    reviewed: Link  # the version commented on (text: its id)
    answering: Link | None  # the version that answers them (text: its id); None: none yet
    status: str | None  # a sentence saying whether the answering version is in force
    span: str  # the source's paragraphs that record them: "paragraphs 5.1 to 5.9", "paragraph 5.1"
    total: int  # the number of comments
    members: tuple[Member, ...]
    members_label: str  # the name of the round's list of members: 'Members', or with the round


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
    found = record.round_of(comment.id)
    reviewed, answering = found.reviewed_version, found.answered_by
    words = RichText(record.words[comment.id], _no_xref)
    concerns = _clause_links(code, reviewed, comment.concerns, page)
    quoted = comment.kind is CommentKind.quoted
    response = comment.response
    standing = status_words(code, code.version(answering)) if answering else None
    if response is None:
        return CommentView(comment.id, comment.topic, comment.paragraph, quoted, words,
                           reviewed, concerns, None, None, None, answering, standing, (), ())
    answered_by = _clause_links(code, answering, response.clauses, page) if answering else ()
    return CommentView(
        comment.id, comment.topic, comment.paragraph, quoted, words, reviewed, concerns,
        response.status.value, STATUS_LABELS[response.status], response.text, answering,
        standing, answered_by, response.options)


def _paragraph_key(paragraph: str) -> tuple[int, ...]:
    return tuple(int(n) for n in paragraph.split(".") if n.isdigit())


def round_view(code: Code, record: ConsultationRecord, found: RoundRecord,
               page: str) -> RoundView:
    """A round as `consultation-round.html.jinja` shows it, with links from `page`."""
    paragraphs = sorted({c.paragraph for c in found.comments}, key=_paragraph_key)
    span = (f"paragraph {paragraphs[0]}" if len(paragraphs) == 1
            else f"paragraphs {paragraphs[0]} to {paragraphs[-1]}")
    members = tuple(
        Member(member, member_anchor(member, found.number),
               ", ".join(dict.fromkeys(c.paragraph for c in comments)),
               tuple(comment_view(code, record, c, page) for c in comments))
        for member, comments in found.by_member())
    reviewed, answering = found.reviewed_version, found.answered_by
    answered = f"answered by version {answering}" if answering else "not yet answered"
    several = len(record.rounds) > 1
    return RoundView(
        found.number, round_anchor(found.number),
        f"Round {found.number}: comments on version {reviewed}, {answered}", found.source,
        Link(urls.relative(page, urls.version_path(reviewed)), reviewed),
        Link(urls.relative(page, urls.version_path(answering)), answering) if answering else None,
        status_text(code, code.version(answering)) if answering else None,
        span, len(found.comments), members,
        f"Members in round {found.number}" if several else "Members")


def render_consultation(templates: Templates, code: Code, page: str) -> Markup:
    """The whole consultation page: each round, with its members and every comment."""
    record = code.consultation
    if record is None:
        raise RuntimeError("the manifest lists no consultation file")
    return templates.render(
        "consultation.html.jinja",
        rounds=tuple(round_view(code, record, found, page) for found in record.rounds))
