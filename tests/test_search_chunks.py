"""A preview indexes a page for search part by part, keeping the parts a save left alone;
the sections it finds are those Material's search parser finds in the whole page."""

from __future__ import annotations

from material.plugins.search.plugin import Parser, Section

from macros.adapters.search_chunks import SearchChunks


def _clause(number: str, words: str) -> str:
    return (f'<div class="smc-clause" id="k{number}">\n'
            f'<h3 class="smc-clause__number" id="clause-{number}">'
            f'<span class="smc-visually-hidden">Clause </span>{number}</h3>\n'
            f'<div class="smc-clause__text"><p>{words} &amp; more</p>\n<ul><li> </li>'
            f'<li>item {number}</li></ul></div>\n'
            f'<p class="smc-clause__actions" data-search-exclude=""><a href="#c">Link</a></p>\n'
            f'<details><summary>About</summary><p>Worded in 1.0.</p></details>\n</div>')


def _page(words: dict[str, str]) -> str:
    """HTML shaped as a version page's content: a preface, then sections of clauses."""
    parts = ['<div class="smc-code">\n<div class="smc-status"><p>Draft.</p></div>\n'
             '<nav data-search-exclude=""><ol><li><a href="#s1">1</a></li></ol></nav>']
    for s in range(1, 4):
        clauses = "".join(_clause(f"{s}.{c}", words.get(f"{s}.{c}", f"Clause {s}.{c} says."))
                          for c in range(1, 4))
        parts.append(f'<section class="smc-section" id="s{s}">\n'
                     f'<h2 id="section-{s}" data-search-exclude="">Section {s}</h2>\n'
                     f'{clauses}</section>\n')
    return "".join(parts) + "<script>var x = '<section>';</script></div>\n"


def _whole(html: str) -> list[tuple[object, ...]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return _shown(parser.data)


def _shown(sections: list[Section]) -> list[tuple[object, ...]]:
    return [(s.el.tag, s.el.attrs, s.id, s.title, s.text, s.is_excluded()) for s in sections]


def test_a_page_indexed_part_by_part_has_the_sections_of_the_whole_page() -> None:
    chunks = SearchChunks()
    pages = [_page({}), _page({}), _page({"2.2": "Reworded <strong>now</strong>."}),
             _page({"2.2": "Reworded <strong>now</strong>.", "3.1": "Also reworded."})]
    for n, html in enumerate(pages):
        chunks.start()
        assert _shown(chunks.sections(html)) == _whole(html), n
        chunks.finish()
        # Each section but the last, which ends the page and is always parsed.
        if n == 1:
            assert chunks.reused == 2  # as the last build had them
        if n == 2:
            assert chunks.reused == 1  # all but the section of the edited clause


def _changes(words: str) -> str:
    """HTML shaped as the changes page's content: headings that stay open between parts."""
    parts = ['<p>What changed.</p>']
    for v in range(4, 0, -1):
        entries = "".join(f'<li class="smc-change"><h4>Clause {v}.{n}</h4>'
                          f'<p>{words if n == 2 and v == 3 else "Old words"} {v}.{n}</p></li>'
                          for n in range(1, 4))
        parts.append(f'<section class="smc-version-changes" id="changes-{v}.0">'
                     f'<h2 id="changes-{v}.0-title">Version {v}.0</h2><p>Counts.</p>'
                     f'<h3 id="changes-{v}.0-added">Added</h3><ol>{entries}</ol>'
                     f'<h3 id="changes-{v}.0-reworded">Reworded</h3><ol>{entries}</ol></section>')
    return "".join(parts) + "\n"


def test_a_page_whose_headings_stay_open_is_indexed_part_by_part_as_a_whole() -> None:
    chunks = SearchChunks()
    for n, html in enumerate([_changes("Old words"), _changes("Old words"),
                              _changes("New words"), _changes("New words")]):
        chunks.start()
        assert _shown(chunks.sections(html)) == _whole(html), n
        chunks.finish()
        assert chunks.reused == [0, 4, 3, 4][n]  # all but the edited version's part


def test_html_without_parts_or_in_another_shape_is_parsed_whole() -> None:
    chunks = SearchChunks()
    for html in ("<p>No sections here.</p>", "<section><h2 id=a>A</h2><p>open",
                 "<pre><section>\n  code\n</section></pre><h2 id=b>B</h2>",
                 "<section><p>One</p></section>\n<section><p>Two</p></section>"):
        for _ in range(2):
            chunks.start()
            assert _shown(chunks.sections(html)) == _whole(html), html
            chunks.finish()
