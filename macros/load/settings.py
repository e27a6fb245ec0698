"""The council's own settings, from the `extra` block of mkdocs.yml.

Everything that makes the site one council's rather than another's (its name,
who to contact, what its accessibility statement says) is held here, once, and
checked when the build starts. Nothing else in the generator names a council.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import Field, ValidationError, with_config

from macros.load.loader import UNKNOWN_FIELD, fault_message, faults
from macros.model.problems import Problem
from macros.model.records import RECORD, validate

# What a council calls its document when its settings do not say.
DEFAULT_DOCUMENT = "Code"

T = TypeVar("T")

# Where a setting is: (file, line) from its path, e.g. ('extra', 'council', 'name').
Locate = Callable[[Sequence[str | int]], tuple[str, int | None]]
EMAIL_PATTERN = r"^[^@\s<>\"']+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ]{6,}[0-9]$"
DOCUMENT_PATTERN = r"^[A-Z][A-Za-z'-]*( [A-Za-z'-]+){0,3}$"


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Council:
    name: Annotated[str, Field(
        min_length=1, description="The council's name, e.g. 'Anyshire County Council'.",
    )]
    document: Annotated[str, Field(
        pattern=DOCUMENT_PATTERN,
        max_length=40,
        description="The document's own short name, as 'the ... in force' says it: 'Code', "
        "'Protocol'.",
    )] = DEFAULT_DOCUMENT


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """An office the public can write to or call."""

    post: Annotated[str, Field(min_length=1, description="The office, e.g. 'Monitoring Officer'.")]
    name: Annotated[str | None, Field(min_length=1)] = None
    email: Annotated[str | None, Field(pattern=EMAIL_PATTERN)] = None
    phone: Annotated[str | None, Field(
        pattern=PHONE_PATTERN,
        description="Digits and spaces, e.g. '01733 452361'.",
    )] = None
    address: Annotated[str | None, Field(min_length=1, description="Postal address.")] = None

    def __post_init__(self) -> None:
        if not (self.email or self.phone or self.address):
            raise ValueError("give at least one of 'email', 'phone' or 'address'")


class Compliance(StrEnum):
    fully = "fully"
    partially = "partially"
    not_compliant = "not"


class Enforcement(StrEnum):
    great_britain = "great-britain"
    northern_ireland = "northern-ireland"


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Accessibility:
    """What the accessibility statement says, in the form the 2018 Regulations expect."""

    compliance: Annotated[Compliance, Field(
        description="fully, partially or not (compliant with WCAG 2.2 AA).",
    )]
    non_accessible: Annotated[tuple[str, ...], Field(
        description="Each known failure, in plain words, with what it affects.",
    )] = ()
    out_of_scope: Annotated[tuple[str, ...], Field(
        description="Content the regulations do not cover, e.g. linked third-party pages.",
    )] = ()
    improving: Annotated[str | None, Field(
        min_length=1,
        description="What the council is doing to improve.",
    )] = None
    prepared: Annotated[dt.date, Field(description="Date the statement was first prepared.")]
    reviewed: Annotated[dt.date | None, Field(description="Date it was last reviewed.")] = None
    tested: Annotated[dt.date, Field(description="Date the website was last tested.")]
    tested_by: Annotated[str | None, Field(min_length=1)] = None
    method: Annotated[str, Field(min_length=1, description="How the website was tested.")]
    enforcement: Enforcement = Enforcement.great_britain
    contact: Annotated[Contact | None, Field(
        description="Who to tell about accessibility problems; the Monitoring "
        "Officer's office when left out.",
    )] = None

    def __post_init__(self) -> None:
        if self.compliance is Compliance.fully and self.non_accessible:
            raise ValueError("a fully compliant site lists no 'non_accessible' content; set "
                             "'compliance: partially' or empty the list")
        if self.compliance is not Compliance.fully and not self.non_accessible:
            raise ValueError(f"'compliance: {self.compliance.value}' needs 'non_accessible': "
                             "the failures, one line each")
        if self.reviewed and self.reviewed < self.prepared:
            raise ValueError("'reviewed' is before 'prepared'")


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    council: Council
    monitoring_officer: Annotated[Contact, Field(
        description="Where complaints about a councillor's conduct go.",
    )]
    accessibility: Accessibility

    @property
    def accessibility_contact(self) -> Contact:
        return self.accessibility.contact or self.monitoring_officer


class SettingsError(Exception):
    """Raised with every wrong setting; its message is one line per problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _shown(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else "a value that is not text"


def _where(loc: tuple[Any, ...]) -> str:
    return "extra." + ".".join(str(p) for p in loc)


DOCUMENT_FIX = ("write the name the council gives the document, as 'the ... in force' would "
               "say it: one to four words, the first with a capital letter, e.g. 'Code' or "
               "'Protocol'")
_FIXES = {
    "missing": "add it under 'extra:' in mkdocs.yml",
    **dict.fromkeys(UNKNOWN_FIELD, "remove it, or check its spelling against macros/settings.py"),
}


def read_settings(extra: Mapping[str, Any], config_file: str,
                  locate: Locate | None = None) -> Settings:
    """Validate the council's settings; raise SettingsError naming every wrong key.

    `locate` gives the file and line of a setting, from its path under mkdocs.yml's top.
    """
    wanted = {f.name: extra[f.name] for f in dataclasses.fields(Settings) if f.name in extra}
    return _read(Settings, wanted, (), config_file, locate)


def read_council(extra: Mapping[str, Any], config_file: str,
                 locate: Locate | None = None) -> Council:
    """Validate `extra.council` alone (for a site without the other settings)."""
    return _read(Council, extra.get("council"), ("council",), config_file, locate)


def _read(record: type[T], data: Any, at: tuple[str, ...], config_file: str,
          locate: Locate | None) -> T:
    """`data` (the settings at `at` under `extra`) as a `record`, or SettingsError."""
    try:
        return validate(record, data)
    except ValidationError as err:
        problems = []
        for fault in faults(err):
            kind, loc = fault["type"], (*at, *fault["loc"])
            if kind == "missing":
                message = "missing"
            elif kind in UNKNOWN_FIELD:
                message = "is not a setting this site knows"
            elif loc[-1:] == ("document",):
                message = f"{_shown(fault['input'])} is not a short name for the document"
            elif kind == "string_pattern_mismatch":
                message = f"'{fault['input']}' is not a valid {loc[-1]}"
            else:
                message = fault_message(fault)
            fix = (DOCUMENT_FIX if loc[-1:] == ("document",) and kind != "missing"
                   else _FIXES.get(kind, "correct the value in mkdocs.yml"))
            file, line = locate(("extra", *loc)) if locate else (config_file, None)
            problems.append(Problem(file or config_file, line, _where(loc), message, fix))
        raise SettingsError(problems) from None
