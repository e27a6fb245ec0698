"""The council's own settings, from the `extra` block of mkdocs.yml.

Everything that makes the site one council's rather than another's (its name,
who to contact, what its accessibility statement says) is held here, once, and
checked when the build starts. Nothing else in the generator names a council.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from macros.model.problems import Problem
from macros.model.shape import Invalid, field, field_keys, record, validate

EMAIL_PATTERN = r"^[^@\s<>\"']+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ]{6,}[0-9]$"


@record
class Council:
    name: str = field(min_length=1, description="The council's name, e.g. 'Anyshire County "
                      "Council'.")


@record
class Contact:
    """An office the public can write to or call."""

    post: str = field(min_length=1, description="The office, e.g. 'Monitoring Officer'.")
    name: str | None = field(default=None, min_length=1)
    email: str | None = field(default=None, pattern=EMAIL_PATTERN)
    phone: str | None = field(default=None, pattern=PHONE_PATTERN,
                              description="Digits and spaces, e.g. '01733 452361'.")
    address: str | None = field(default=None, min_length=1, description="Postal address.")

    def _check(self) -> None:
        if not (self.email or self.phone or self.address):
            raise ValueError("give at least one of 'email', 'phone' or 'address'")


class Compliance(StrEnum):
    fully = "fully"
    partially = "partially"
    not_compliant = "not"


class Enforcement(StrEnum):
    great_britain = "great-britain"
    northern_ireland = "northern-ireland"


@record
class Accessibility:
    """What the accessibility statement says, in the form the 2018 Regulations expect."""

    compliance: Compliance = field(description="fully, partially or not (compliant with WCAG "
                                   "2.2 AA).")
    non_accessible: tuple[str, ...] = field(
        default=(), description="Each known failure, in plain words, with what it affects.")
    out_of_scope: tuple[str, ...] = field(
        default=(), description="Content the regulations do not cover, e.g. linked third-party "
        "pages.")
    improving: str | None = field(default=None, min_length=1,
                                  description="What the council is doing to improve.")
    prepared: dt.date = field(description="Date the statement was first prepared.")
    reviewed: dt.date | None = field(default=None, description="Date it was last reviewed.")
    tested: dt.date = field(description="Date the website was last tested.")
    tested_by: str | None = field(default=None, min_length=1)
    method: str = field(min_length=1, description="How the website was tested.")
    enforcement: Enforcement = Enforcement.great_britain
    contact: Contact | None = field(
        default=None, description="Who to tell about accessibility problems; the Monitoring "
        "Officer's office when left out.")

    def _check(self) -> None:
        if self.compliance is Compliance.fully and self.non_accessible:
            raise ValueError("a fully compliant site lists no 'non_accessible' content; set "
                             "'compliance: partially' or empty the list")
        if self.compliance is not Compliance.fully and not self.non_accessible:
            raise ValueError(f"'compliance: {self.compliance.value}' needs 'non_accessible': "
                             "the failures, one line each")
        if self.reviewed and self.reviewed < self.prepared:
            raise ValueError("'reviewed' is before 'prepared'")


@record
class Settings:
    council: Council
    monitoring_officer: Contact = field(
        description="Where complaints about a councillor's conduct go.")
    accessibility: Accessibility

    @property
    def accessibility_contact(self) -> Contact:
        return self.accessibility.contact or self.monitoring_officer


class SettingsError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _where(loc: tuple[Any, ...]) -> str:
    return "extra." + ".".join(str(p) for p in loc)


_FIXES = {
    "missing": "add it under 'extra:' in mkdocs.yml",
    "extra_forbidden": "remove it, or check its spelling against macros/settings.py",
}


def read_settings(extra: Mapping[str, Any], config_file: str) -> Settings:
    """Validate the council's settings; raise SettingsError naming every wrong key."""
    wanted = {k: extra[k] for k in field_keys(Settings) if k in extra}
    try:
        return validate(Settings, wanted)
    except Invalid as err:
        problems = []
        for fault in err.faults:
            if fault.kind == "missing":
                message = "missing"
            elif fault.kind == "extra_forbidden":
                message = "is not a setting this site knows"
            elif fault.kind == "string_pattern_mismatch":
                message = f"'{fault.input}' is not a valid {fault.loc[-1]}"
            else:
                message = fault.message
            fix = _FIXES.get(fault.kind, "correct the value in mkdocs.yml")
            problems.append(Problem(config_file, None, _where(fault.loc), message, fix))
        raise SettingsError(problems) from None
