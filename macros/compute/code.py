"""The whole Code, loaded once per build: load, validate, number, resolve.

`build_code` is the one entry point of the pipeline. It raises CodeDataError
with every problem found, or returns a `Code` that rendering only reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from macros.compute import changelog as changes
from macros.compute.consultation import ConsultationRecord, load_consultation
from macros.compute.documents import check_documents
from macros.compute.guidance import check_guidance
from macros.compute.numbering import NumberedVersion, number_version
from macros.load.kept import Kept
from macros.load.loader import Loaded, load_code
from macros.load.validate import VersionCheck, check_version, check_versions
from macros.model.problems import CodeDataError, Problem
from macros.model.records import Document, Guidance, Status, Version


@dataclass(frozen=True, slots=True)
class Code:
    """The whole Code, loaded, checked and numbered: every version, guidance and changes."""

    title: str
    # The documents wording comes from and guidance is cited in, by id.
    documents: Mapping[str, Document]
    versions: tuple[NumberedVersion, ...]
    guidance: Mapping[str, Guidance]
    # What changed from each version to the next, and each clause's history.
    changelog: changes.Changelog = field(default_factory=lambda: changes.build_changelog(()))
    # Members' comments on a version and the answers to them, if the manifest lists them.
    consultation: ConsultationRecord | None = None
    # Where each guidance entry is: (file, line of its id), for problems that name it.
    guidance_at: Mapping[str, tuple[str, int | None]] = field(
        default_factory=lambda: MappingProxyType({}))

    def version(self, version_id: str) -> NumberedVersion:
        """The version with this id; KeyError naming the known ids if there is none."""
        for version in self.versions:
            if version.id == version_id:
                return version
        known = ", ".join(v.id for v in self.versions)
        raise KeyError(f"no version '{version_id}' (versions: {known})")

    @property
    def current(self) -> NumberedVersion | None:
        """The version in force: the newest adopted one."""
        adopted = [v for v in self.versions if v.version.status is Status.adopted]
        return adopted[-1] if adopted else None

    @property
    def drafts(self) -> tuple[NumberedVersion, ...]:
        """The versions still in draft, oldest first."""
        return tuple(v for v in self.versions if v.version.status is Status.draft)

    def previous(self, version_id: str) -> NumberedVersion | None:
        """The version listed before this one; None for the first."""
        ids = [v.id for v in self.versions]
        index = ids.index(version_id)
        return self.versions[index - 1] if index else None


class CodeCheck(NamedTuple):
    """What loading and checking the Code's data found: the Code, or every problem and what
    could be numbered in spite of them."""

    code: Code | None  # the whole Code; None when the data has a problem
    problems: tuple[Problem, ...]  # every problem, causes before what they affect
    # The versions whose own data is fine, numbered (the whole Code when `code` is set):
    # enough to check what was published of them while other files have problems.
    # None when the manifest itself cannot be read.
    numbered: Code | None
    # The version files the manifest lists that are not in `numbered`.
    unnumbered: tuple[str, ...] = ()
    # Whether the consultation record the manifest lists could not be loaded and checked.
    consultation_failed: bool = False

    @property
    def every_version(self) -> bool:
        """Whether every version is in `numbered`, with the changes between them."""
        return self.numbered is not None and not self.unnumbered


def build_code(manifest_path: Path, base: Path | None = None) -> Code:
    """Load and check everything the manifest lists; raise CodeDataError on any problem."""
    checked = check_code(manifest_path, base)
    if checked.code is None:
        raise CodeDataError(checked.problems)
    return checked.code


def check_code(manifest_path: Path, base: Path | None = None,
               kept: Kept | None = None) -> CodeCheck:
    """Load and check everything the manifest lists, and number what can be numbered.

    Every check whose input is sound runs, so one build reports every problem that does
    not follow from another: the changes between versions are checked whenever every
    version is, whatever the guidance or the consultation record says.

    With `kept` (a preview), what a file unchanged since the last load made is not made
    again: its records, its checks and numbering, its comparison with the version before.
    """
    base = base or manifest_path.parent
    raw = load_code(manifest_path, base, kept)
    if isinstance(raw, list):
        return CodeCheck(None, tuple(raw), None, ())
    guidance = {g.id: g for g in raw.guidance.model.guidance} if raw.guidance else {}
    guidance_at = {g.id: (raw.guidance.doc.file, raw.guidance.doc.line(("guidance", i, "id")))
                   for i, g in reversed(list(enumerate(raw.guidance.model.guidance)))
                   } if raw.guidance else {}
    # If the guidance file itself failed, do not also report every citation of it.
    guidance_failed = raw.manifest.guidance is not None and raw.guidance is None
    guidance_ids = None if guidance_failed else frozenset(guidance)
    across = check_versions(raw)
    problems = [*raw.problems, *across]
    if raw.guidance:
        problems.extend(check_guidance(raw.guidance))
    problems.extend(check_documents(raw))
    documents = {d.id: d for d in raw.manifest.documents}
    consultation, consultation_problems = load_consultation(raw)
    problems.extend(consultation_problems)
    numbered: list[NumberedVersion] = []
    docs = []
    unnumbered = list(raw.failed_versions)
    for loaded in raw.versions:
        checked, number = _checked_version(loaded, guidance_ids, frozenset(documents), kept)
        problems.extend(checked.problems)
        if number is None:
            unnumbered.append(loaded.doc.file)
        else:
            numbered.append(number)
            docs.append(loaded.doc)
    # Versions with the same id cannot be compared; nor can versions while one is missing.
    ids = [v.id for v in numbered]
    comparable = not unnumbered and len(set(ids)) == len(ids)
    changelog = changes.build_changelog(numbered if comparable else (), kept)
    if comparable:
        problems.extend(changes.check(changelog, list(zip(numbered, docs, strict=True))))
    manifest = raw.manifest
    whole = Code(manifest.title, MappingProxyType(documents), tuple(numbered),
                 MappingProxyType(guidance), changelog=changelog, consultation=consultation,
                 guidance_at=MappingProxyType(guidance_at))
    consultation_failed = manifest.consultation is not None and consultation is None
    if problems:
        return CodeCheck(None, tuple(problems), whole, tuple(unnumbered),
                         consultation_failed)
    return CodeCheck(whole, (), whole)


def _checked_version(loaded: Loaded[Version], guidance_ids: frozenset[str] | None,
                     document_ids: frozenset[str], kept: Kept | None
                     ) -> tuple[VersionCheck, NumberedVersion | None]:
    """A version's problems, and the version numbered when it has none."""
    def make() -> tuple[VersionCheck, NumberedVersion | None]:
        checked = check_version(loaded, guidance_ids, document_ids)
        if checked.problems:
            return checked, None
        return checked, number_version(loaded.model, loaded.doc.file, checked.texts)
    if kept is None:
        return make()
    return kept.get(("version", loaded.doc.file), (loaded, guidance_ids, document_ids), make)
