"""HTML for the consultation record: its page, and the comment links on each clause.

Each comment has the anchor `consultation/#<comment id>`. On the reviewed
version's page a clause lists the comments about it; on the answering
version's page, the comments it answers. Rendering only reads what
`consultation.load_consultation` computed; every piece of data is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from macros.compute import urls
from macros.compute.versions import status_text
from macros.compute.views import Link
from macros.model import inline
from macros.model.records import Comment, CommentKind, ResponseStatus

if TYPE_CHECKING:
    from macros.compute.code import Code
    from macros.compute.consultation import ConsultationRecord
    from macros.compute.numbering import NumberedClause
    from macros.render.code_page import PageContext

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


def comment_label(comment: Comment) -> str:
    return f"{comment.member}: {comment.topic}"


@dataclass(frozen=True, slots=True)
class ClauseComments:
    """The comments a clause is about (on the reviewed version) or answers (on the answering
    version's page), as `comments.html.jinja` lists them under the clause."""

    answers: bool  # the clause is in the version that answers the comments
    links: tuple[Link, ...]  # each comment's anchor on the consultation page, and its label


def clause_comments(ctx: PageContext, clause: NumberedClause) -> ClauseComments | None:
    """The comments to list under a clause, or None when there are none."""
    record = ctx.code.consultation
    if record is None:
        return None
    comments = record.comments_on(ctx.version.id, clause.key)
    if not comments:
        return None
    return ClauseComments(
        ctx.version.id == record.answered_by,
        tuple(Link(urls.relative(ctx.page, urls.comment_path(c.id)), comment_label(c))
              for c in comments))


def _clause_links(code: Code, version_id: str, keys: tuple[str, ...], page: str) -> str:
    version = code.version(version_id)
    links = []
    for key in keys:
        target = version.targets[key]
        href = urls.relative(page, urls.anchored(urls.version_path(version_id), target.anchor))
        links.append(f'<a href="{escape(href)}">{escape(target.label)}</a>')
    return ", ".join(links)


def _words(record: ConsultationRecord, comment: Comment) -> str:
    text = inline.render(record.words[comment.id], lambda key: escape(key))
    if comment.kind is CommentKind.quoted:
        return (f'<blockquote class="smc-comment__words">{text}</blockquote>')
    return (f'<div class="smc-comment__words smc-comment__words--summary">'
            f"<p><strong>Summary</strong> (not the member's own words):</p>{text}</div>")


def render_comment(code: Code, record: ConsultationRecord, comment: Comment, page: str) -> str:
    reviewed, answering = record.reviewed_version, record.answered_by
    kind = "quoted" if comment.kind is CommentKind.quoted else "summarised"
    meta = (f'<p class="smc-comment__meta">Report paragraph {escape(comment.paragraph)}, '
            f"{kind}.</p>")
    if comment.concerns:
        about = (f"<p>About version {escape(reviewed)}: "
                 f"{_clause_links(code, reviewed, comment.concerns, page)}.</p>")
    else:
        about = f"<p>About version {escape(reviewed)} as a whole.</p>"
    response = comment.response
    status = STATUS_LABELS[response.status]
    answered = ""
    if response.clauses:
        answered = (f"<p>Answered in draft version {escape(answering)} by "
                    f"{_clause_links(code, answering, response.clauses, page)}.</p>")
    options = ""
    if response.options:
        rows = "".join(f"<li>{escape(o)}</li>" for o in response.options)
        options = f"<p>The options before the Committee:</p><ol>{rows}</ol>"
    return (f'<article class="smc-comment" id="{escape(comment.id)}" '
            f'aria-labelledby="{escape(comment.id)}-title">'
            f'<h3 id="{escape(comment.id)}-title">{escape(comment.topic)}</h3>{meta}'
            f"{_words(record, comment)}{about}"
            f'<div class="smc-response smc-response--{response.status.value}">'
            f'<p class="smc-response__status"><strong>Response: {escape(status)}.</strong> '
            f"{escape(response.text)}</p>{answered}{options}</div></article>")


def render_consultation(code: Code, page: str) -> str:
    """The whole consultation page: introduction, members, and every comment."""

    record = code.consultation
    if record is None:
        raise RuntimeError("the manifest lists no consultation file")
    groups = record.by_member()
    paragraphs = sorted({c.paragraph for c in record.comments},
                        key=lambda p: tuple(int(n) for n in p.split(".") if n.isdigit()))
    span = paragraphs[0] if len(paragraphs) == 1 else f"{paragraphs[0]} to {paragraphs[-1]}"
    reviewed = urls.relative(page, urls.version_path(record.reviewed_version))
    answering = urls.relative(page, urls.version_path(record.answered_by))
    count = len(record.comments)
    intro = (f'<p>Members\' comments on <a href="{escape(reviewed)}">version '
             f"{escape(record.reviewed_version)}</a> of the Code, as recorded in paragraphs "
             f"{escape(span)} of {escape(code.source_document)}, and how "
             f'<a href="{escape(answering)}">version {escape(record.answered_by)}</a> '
             f"answers each one: {count} comment{'s' if count != 1 else ''} from "
             f"{len(groups)} member{'s' if len(groups) != 1 else ''}. Quoted comments are "
             "given exactly as the report prints them.</p>")
    answering_version = code.version(record.answered_by)
    notice = (f'<div class="admonition note smc-status" role="note" '
              f'aria-label="Status of version {escape(record.answered_by)}">'
              f"<p>{escape(status_text(code, answering_version))}</p></div>")
    contents = "".join(
        f'<li><a href="#{member_anchor(member)}">{escape(member)}</a> '
        f"({len(comments)} comment{'s' if len(comments) != 1 else ''})</li>"
        for member, comments in groups)
    nav = (f'<nav class="smc-contents" aria-label="Members"><p class="smc-contents__title">'
           f"Members</p><ul>{contents}</ul></nav>")
    sections = []
    for member, comments in groups:
        paras = ", ".join(dict.fromkeys(c.paragraph for c in comments))
        body = "".join(render_comment(code, record, c, page) for c in comments)
        sections.append(f'<section class="smc-member" aria-labelledby="{member_anchor(member)}">'
                        f'<h2 id="{member_anchor(member)}">{escape(member)} '
                        f'<span class="smc-span">(paragraph {escape(paras)})</span></h2>'
                        f"{body}</section>")
    return (f'<div class="smc-consultation">{notice}{intro}{nav}{"".join(sections)}</div>')
