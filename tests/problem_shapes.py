"""The catalogue of problem messages the loader may give for a data file.

Every problem line has the shape `file[:line]: [label:] message. Fix: fix`. The
message must match one of SHAPES: the bad-input catalogue test checks each of its
exact lines against them, and the fuzz test checks every line it provokes. A new
kind of message is added here, with a catalogue case that shows it.
"""

from __future__ import annotations

import re

LINE = re.compile(
    r"^(?P<file>[^\s:][^:]*?)(?::(?P<line>\d+))?:"
    r"(?: (?P<label>(?:section|clause|item|version|guidance|removed|comment|round) "
    r"(?:'.*?'|\d+)|versions|guidance|consultation|[a-z_]+(?:\.[a-z_0-9]+)*):)?"
    r" (?P<message>.+?)[.?] Fix: (?P<fix>\S.*)$"
)

_K = r"'.*'"  # a quoted key or value (which may itself hold a quote)
_MEAN = r"(?:\. Did you mean '.*')?"  # its '?' ends the message

SHAPES = [re.compile(f"^{s}$") for s in (
    # reading the file
    r"malformed YAML at column \d+: a tab character is used for indentation",
    r"malformed YAML at column \d+: [^\n]+",
    r"malformed YAML: [^\n]+",
    r"contains a control character \(U\+[0-9A-F]{4,}\) that YAML does not allow",
    r"not UTF-8 text \(byte 0x[0-9a-f]{2} cannot be read\)",
    r"is a directory, not a YAML file",
    r"file not found",
    r"file is (?:more than )?[\d,]+ bytes; the limit is [\d,]+",
    r"is not a regular file \(it is a (?:named pipe|socket|device|special file)\)",
    r"cannot be (?:opened|read) \(.+\)",
    # the files the manifest lists
    f"{_K} is outside the data folder",
    f"{_K} is a link to .+, outside the data folder",
    f"{_K} is not a file name the data folder can hold",
    # the settings in mkdocs.yml
    f"{_K} is given twice, at lines \\d+ and \\d+; MkDocs would silently keep only the second",
    f"{_K} is not a real date",
    f"{_K} is not a valid [a-z_]+",
    r"is nested too deeply to read",
    r"the file does not hold a mapping of fields",
    f"{_K} is given twice in the same place \\(first at line \\d+\\); "
    r"YAML would silently keep only the second",
    f"{_K} is not a real date \\([^)]*\\)",
    f"the value {_K} cannot be read",
    r"the YAML tag '.+' is not allowed",
    # the shape of each field
    f"unknown field {_K}{_MEAN}",
    f"missing required field {_K}",
    f"{_K} is not a valid key",
    r"field '[^']+' must be a version number such as 2\.1, not .+",
    r"field '[^']+' must be text, not the number .+",
    r"(?:field|each entry of) '[^']+' is empty",
    r"(?:field|each entry of) '[^']+' must be text, not .+",
    r"(?:field|each entry of) '[^']+' must be a set of fields \(name: value lines\), not .+",
    r"(?:field|each entry of) '[^']+' must be a list \(lines starting with '- '\), not .+",
    r"(?:field|each entry of) '[^']+' must be a date written YYYY-MM-DD, not .+",
    r"field '[^']+' is [\d,]+ characters long; the limit is [\d,]+",
    r"field '[^']+': [A-Za-z].+",
    # clause text
    r"HTML is not allowed in clause text \(found '.*'\)",
    r"link address '.*' is not allowed",
    r"a cross-reference is not closed \('\[\[' without '\]\]'\)",
    r"an empty cross-reference '\[\[\]\]'",
    # keys, references and versions
    f"key {_K} starts with a reserved prefix",
    f"duplicate key {_K} \\(already used by a (?:section|clause|item) at line \\d+\\)",
    r"the section has no clauses",
    r"the version has no sections",
    f"refers to itself \\({_K}\\)",
    f"cross-reference to unknown key {_K}{_MEAN}",
    f"unknown guidance id {_K}{_MEAN}",
    f"version id {_K} is also used by .+",
    r"dated \d{4}-\d\d-\d\d, before version \S+ \(\d{4}-\d\d-\d\d\) listed above it",
    r"is marked adopted but a later version \(\S+\) is adopted too",
    # what changed between versions, and why
    r"has a 'change', but version \S+ is the first version: there is nothing it changed from",
    r"lists 'removed' clauses, but version \S+ is the first version",
    r"clause \S+ of version \S+ is missing from version \S+ and not listed under 'removed'",
    r"(?:is new|is reworded|has moved) .+ but has no 'change' saying why",
    r"has a 'change' but is the same as in version \S+",
    r"is listed twice under 'removed'",
    r"is listed under 'removed' but version \S+ still has it",
    f"is not a clause of version \\S+{_MEAN}",
    # the members' comments, round by round, and the versions that answer them
    r"the comments are not in rounds",
    f"duplicate comment id {_K} \\(already used at line \\d+, in round \\d+\\)",
    f"(?:reviewed_version|answered_by) {_K} is not a version of the Code",
    f"answered_by {_K} is not a version after reviewed_version {_K}",
    f"concerns unknown key {_K} of version \\S+{_MEAN}",
    f"response names unknown clause {_K} of version \\S+{_MEAN}",
    r"response names clauses, but round \d+ has no answering version",
    r"has no response, but version \S+ answers round \d+",
    r"a comment's words cannot hold a cross-reference",
    f"answers unknown comment {_K}{_MEAN}",
    f"answers comment {_K}, a comment on version \\S+, which does not come before version \\S+",
    f"answers comment {_K} but \\S+ lists no consultation file",
    # the documents wording comes from and guidance is cited in
    f"unknown source document {_K}{_MEAN}",
    f"cited in unknown document {_K}{_MEAN}",
    f"duplicate document id {_K} \\(already used at line \\d+\\)",
    f"(?:source|cited_in) {_K} names a place but not the document it is in \\(the old form\\)",
    r"'source_document' is the old form: documents are now listed under 'documents:' and "
    r"named by id",
    f"(?:{_K}|a value that is not text) is not a short name for the document",
)]


def unexplained(problem_line: str) -> str | None:
    """Why a problem line is not in the catalogue, or None when it is."""
    if "\n" in problem_line or "Traceback" in problem_line:
        return "not one line"
    found = LINE.match(problem_line)
    if not found:
        return "not shaped 'file[:line]: [label:] message. Fix: fix'"
    if not any(shape.match(found["message"]) for shape in SHAPES):
        return f"message not in the catalogue: {found['message']!r}"
    return None
