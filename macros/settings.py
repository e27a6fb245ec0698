"""The council's own settings, from the `extra` block of mkdocs.yml.

Everything that makes the site one council's rather than another's (its name,
who to contact, what its accessibility statement says) is held here, once, and
checked when the build starts. Nothing else in the generator names a council.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .problems import Problem

EMAIL_PATTERN = r"^[^@\s<>\"']+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ]{6,}[0-9]$"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Council(_Strict):
    name: str = Field(min_length=1, description="The council's name, e.g. 'Anyshire County "
                      "Council'.")


class Contact(_Strict):
    """An office the public can write to or call."""

    post: str = Field(min_length=1, description="The office, e.g. 'Monitoring Officer'.")
    name: str | None = Field(default=None, min_length=1)
    email: str | None = Field(default=None, pattern=EMAIL_PATTERN)
    phone: str | None = Field(default=None, pattern=PHONE_PATTERN,
                              description="Digits and spaces, e.g. '01733 452361'.")
    address: str | None = Field(default=None, min_length=1, description="Postal address.")

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.email or self.phone or self.address):
            raise ValueError("give at least one of 'email', 'phone' or 'address'")
        return self


class Compliance(StrEnum):
    fully = "fully"
    partially = "partially"
    not_compliant = "not"


class Enforcement(StrEnum):
    great_britain = "great-britain"
    northern_ireland = "northern-ireland"


class Accessibility(_Strict):
    """What the accessibility statement says, in the form the 2018 Regulations expect."""

    compliance: Compliance = Field(description="fully, partially or not (compliant with WCAG "
                                   "2.2 AA).")
    non_accessible: tuple[str, ...] = Field(
        default=(), description="Each known failure, in plain words, with what it affects.")
    out_of_scope: tuple[str, ...] = Field(
        default=(), description="Content the regulations do not cover, e.g. linked third-party "
        "pages.")
    improving: str | None = Field(default=None, min_length=1,
                                  description="What the council is doing to improve.")
    prepared: dt.date = Field(description="Date the statement was first prepared.")
    reviewed: dt.date | None = Field(default=None, description="Date it was last reviewed.")
    tested: dt.date = Field(description="Date the website was last tested.")
    tested_by: str | None = Field(default=None, min_length=1)
    method: str = Field(min_length=1, description="How the website was tested.")
    enforcement: Enforcement = Enforcement.great_britain
    contact: Contact | None = Field(
        default=None, description="Who to tell about accessibility problems; the Monitoring "
        "Officer's office when left out.")

    @model_validator(mode="after")
    def _consistent(self) -> Accessibility:
        if self.compliance is Compliance.fully and self.non_accessible:
            raise ValueError("a fully compliant site lists no 'non_accessible' content; set "
                             "'compliance: partially' or empty the list")
        if self.compliance is not Compliance.fully and not self.non_accessible:
            raise ValueError(f"'compliance: {self.compliance.value}' needs 'non_accessible': "
                             "the failures, one line each")
        if self.reviewed and self.reviewed < self.prepared:
            raise ValueError("'reviewed' is before 'prepared'")
        return self


class Settings(_Strict):
    council: Council
    monitoring_officer: Contact = Field(
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
    wanted = {k: extra[k] for k in Settings.model_fields if k in extra}
    try:
        return Settings.model_validate(wanted)
    except ValidationError as err:
        problems = []
        for e in err.errors():
            loc = tuple(e["loc"])
            kind = e["type"]
            if kind == "missing":
                message = "missing"
            elif kind == "extra_forbidden":
                message = "is not a setting this site knows"
            elif kind == "string_pattern_mismatch":
                message = f"'{e['input']}' is not a valid {loc[-1]}"
            else:
                message = re.sub(r"^Value error, ", "", e["msg"])
            fix = _FIXES.get(kind, "correct the value in mkdocs.yml")
            problems.append(Problem(config_file, None, _where(loc), message, fix))
        raise SettingsError(problems) from None
