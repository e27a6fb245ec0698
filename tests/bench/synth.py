"""Synthetic Codes for the benchmark: many clauses, several versions, realistic churn.

A synthetic Code is written as the same YAML files an editor writes, so the
benchmark measures the whole pipeline: load, validate, number, diff, render.
Between consecutive versions a seeded random share of clauses is reworded,
moved to another section, inserted or deleted (with a recorded reason), and
clause text carries cross-references to other clauses of the same version.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_WORDS = (
    "councillor council social media post comment public account page group message reply "
    "resident officer member committee meeting debate decision policy personal official "
    "private information publish share delete report abuse threat safety record photograph "
    "video consent election campaign party ward constituent complaint standard conduct "
    "respect openness honesty accountability integrity leadership advice guidance monitoring "
    "responsible reasonable promptly clearly always never should must may carefully online"
)
WORDS = _WORDS.split()

# Share of clauses changed between one version and the next.
REWORD = 0.08
MOVE = 0.03
INSERT = 0.04
DELETE = 0.04
XREF = 0.25  # share of clauses whose text cross-references another clause
SEE_ALSO = 0.10  # share with a "see also" list
ITEMS = 0.15  # share with lettered items
GUIDANCE = 0.05  # share citing guidance
CLAUSES_PER_SECTION = 12
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)



@dataclass
class SynthClause:
    key: str
    words: list[str]
    xrefs: list[str] = field(default_factory=list)  # keys named in the text
    see_also: list[str] = field(default_factory=list)
    items: list[tuple[str, list[str]]] = field(default_factory=list)
    guidance: list[str] = field(default_factory=list)
    drafted: bool = False
    number: int = 0  # the order it was made in, whatever its key


@dataclass
class SynthSection:
    key: str
    title: str
    clauses: list[str]  # clause keys, in order


HOME_CLAUSE = "acting-officially"  # the clause content/pages/index.md shows

@dataclass
class SynthCode:
    """The evolving state of a synthetic Code while its versions are written."""

    rng: random.Random
    guidance_ids: tuple[str, ...] = ()
    clauses: dict[str, SynthClause] = field(default_factory=dict)
    sections: list[SynthSection] = field(default_factory=list)
    next_id: int = 0

    def sentence(self, low: int = 12, high: int = 40) -> list[str]:
        return [self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high))]

    def new_clause(self, drafted: bool) -> SynthClause:
        self.next_id += 1
        # The real home page shows this clause of the version in force.
        key = HOME_CLAUSE if self.next_id == 1 else f"c{self.next_id}"
        clause = SynthClause(key, self.sentence(), drafted=drafted, number=self.next_id)
        if self.rng.random() < ITEMS:
            clause.items = [(f"{key}-i{n}", self.sentence(5, 15))
                            for n in range(1, self.rng.randint(2, 4) + 1)]
        if self.guidance_ids and self.rng.random() < GUIDANCE:
            clause.guidance = [self.rng.choice(self.guidance_ids)]
        self.clauses[key] = clause
        return clause

    def live_keys(self) -> list[str]:
        return [k for s in self.sections for k in s.clauses]

    def add_references(self, keys: list[str]) -> None:
        """Give some of `keys` cross-references to other live clauses."""
        live = self.live_keys()
        for key in keys:
            clause = self.clauses[key]
            if self.rng.random() < XREF:
                clause.xrefs = [self.rng.choice(live) for _ in range(self.rng.randint(1, 2))]
            if self.rng.random() < SEE_ALSO:
                clause.see_also = [self.rng.choice(live) for _ in range(self.rng.randint(1, 3))]


def _first_version(code: SynthCode, n_clauses: int) -> None:
    n_sections = max(3, round(n_clauses / CLAUSES_PER_SECTION))
    for s in range(n_sections):
        code.sections.append(SynthSection(f"s{s + 1}", f"Section {s + 1} " +
                                          " ".join(code.sentence(2, 4)).capitalize(), []))
    for i in range(n_clauses):
        clause = code.new_clause(drafted=False)
        code.sections[i * n_sections // n_clauses].clauses.append(clause.key)
    code.add_references(code.live_keys())


def _churn(code: SynthCode) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Change the Code in place; return (why each changed clause changed, removals)."""
    rng = code.rng
    live = code.live_keys()
    n = len(live)
    reasons: dict[str, str] = {}
    removed: list[tuple[str, str]] = []
    deletable = [key for key in live if key != HOME_CLAUSE]
    for key in rng.sample(deletable, max(1, round(n * DELETE))):
        for section in code.sections:
            if key in section.clauses and len(section.clauses) > 1:
                section.clauses.remove(key)
                removed.append((key, "Repeated elsewhere in the Code; removed to shorten it."))
    for key in rng.sample(code.live_keys(), max(1, round(n * MOVE))):
        source = next(s for s in code.sections if key in s.clauses)
        if len(source.clauses) < 2:
            continue
        # Far enough (two sections or more) that the move is unambiguous in the changelog.
        here = code.sections.index(source)
        far = [s for i, s in enumerate(code.sections) if abs(i - here) >= 2]
        if not far:
            continue
        source.clauses.remove(key)
        target = rng.choice(far)
        target.clauses.insert(rng.randint(0, len(target.clauses)), key)
        reasons[key] = "Moved next to the clauses on the same subject."
    for key in rng.sample(code.live_keys(), max(1, round(n * REWORD))):
        words = code.clauses[key].words
        for at in rng.sample(range(len(words)), min(len(words), rng.randint(1, 4))):
            words[at] = rng.choice([w for w in WORDS if w != words[at]])
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(WORDS))
        reasons[key] = "Reworded in plain English, as members asked."
    inserted = []
    for _ in range(max(1, round(n * INSERT))):
        clause = code.new_clause(drafted=True)
        target = rng.choice(code.sections)
        target.clauses.insert(rng.randint(0, len(target.clauses)), clause.key)
        reasons[clause.key] = "New clause answering a member's comment."
        inserted.append(clause.key)
    code.add_references(inserted)
    # References to a deleted clause are redirected, as an editor would do.
    live_set = set(code.live_keys())
    live_now = code.live_keys()
    for key in live_now:
        clause = code.clauses[key]
        clause.see_also = [k if k in live_set else rng.choice(live_now) for k in clause.see_also]
        if any(k not in live_set for k in clause.xrefs):
            clause.xrefs = [k if k in live_set else rng.choice(live_now) for k in clause.xrefs]
            reasons.setdefault(key, "Cross-reference updated after a clause was removed.")
    return reasons, removed


def _text(clause: SynthClause) -> str:
    words = list(clause.words)
    words[0] = words[0].capitalize()
    text = " ".join(words)
    if len(words) > 6:
        text = text.replace(f" {words[3]} ", f" **{words[3]}** ", 1)
    refs = "".join(f" See [[{k}]]." for k in clause.xrefs if k != clause.key)
    return f"{text}.{refs}"


def _clause_yaml(clause: SynthClause, reason: str | None) -> dict:
    data: dict = {"key": clause.key, "text": _text(clause)}
    if clause.drafted:
        data["provenance"] = {"kind": "drafted"}
    else:
        kind = "verbatim" if clause.number % 3 else "reconstructed"
        data["provenance"] = {"kind": kind,
                              "source": {"document": "committee-report", "at": "paragraph 2.2"}}
    if clause.items:
        data["items"] = [{"key": k, "text": " ".join(w) + ";"} for k, w in clause.items]
    see_also = list(dict.fromkeys(k for k in clause.see_also if k != clause.key))
    if see_also:
        data["refs"] = see_also
    if clause.guidance:
        data["guidance"] = clause.guidance
    if reason:
        data["change"] = {"reason": reason}
    return data


def _version_yaml(code: SynthCode, index: int, count: int, reasons: dict[str, str],
                  removed: list[tuple[str, str]]) -> dict:
    date = dt.date(2019, 6, 27) + dt.timedelta(days=120 * index)
    if index == count - 1 and count > 1:
        status = "draft"
    elif index == count - 2 or count == 1:
        status = "adopted"
    else:
        status = "superseded"
    data: dict = {
        "id": f"{index + 1}.0",
        "title": "Benchmark Code",
        "status": status,
        "body": "Benchmark Committee",
        "prepared_for" if status == "draft" else "approved_on": date,
    }
    if status == "superseded":
        data["superseded_on"] = date + dt.timedelta(days=120)
    data["summary"] = f"Synthetic version {index + 1} of the benchmark Code."
    data["sections"] = [
        {"key": s.key, "title": s.title,
         "clauses": [_clause_yaml(code.clauses[k], reasons.get(k)) for k in s.clauses]}
        for s in code.sections if s.clauses
    ]
    if removed:
        data["removed"] = [{"key": k, "reason": r} for k, r in removed]
    return data


def _consultation(code: SynthCode, versions: list[dict], reasons: dict[str, str]) -> dict:
    """Members' comments on the version before last, answered by the last version's changes."""
    reviewed, answering = versions[-2], versions[-1]
    reviewed_keys = [c["key"] for s in reviewed["sections"] for c in s["clauses"]]
    clauses = {c["key"]: c for s in answering["sections"] for c in s["clauses"]}
    changed = [k for k in reasons if k in clauses]
    comments = []
    for n, key in enumerate(code.rng.sample(changed, min(len(changed), max(3, len(clauses) // 50))),
                            start=1):
        cid = f"m{n}"
        clauses[key]["change"]["answers"] = [cid]
        comments.append({
            "id": cid, "member": f"Cllr Member {n}", "topic": f"Comment {n} on the Code",
            "paragraph": "2.2", "kind": "summarised",
            "words": " ".join(code.sentence(15, 40)).capitalize() + ".",
            "concerns": code.rng.sample(reviewed_keys, 2),
            "response": {"status": "addressed", "text": "The revised clause answers this.",
                         "clauses": [key]},
        })
    return {"rounds": [{"reviewed_version": reviewed["id"], "answered_by": answering["id"],
                        "source": "the synthetic report", "comments": comments}]}


def _dump(data: dict, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100)


def write_code(data_dir: Path, n_clauses: int, n_versions: int, guidance: Path,
               seed: int = 2019) -> list[str]:
    """Write manifest, versions, consultation and guidance under `data_dir`.

    `guidance` is a guidance file to copy (clauses cite its ids). Returns the version ids.
    """
    text = guidance.read_text(encoding="utf-8")
    ids_cited = tuple(g["id"] for g in yaml.safe_load(text)["guidance"])
    code = SynthCode(random.Random(f"{seed}-{n_clauses}-{n_versions}"), ids_cited)
    (data_dir / "versions").mkdir(parents=True, exist_ok=True)
    (data_dir / "guidance.yaml").write_text(text, encoding="utf-8")
    _first_version(code, n_clauses)
    versions: list[dict] = []
    reasons: dict[str, str] = {}
    for index in range(n_versions):
        removed: list[tuple[str, str]] = []
        if index:
            reasons, removed = _churn(code)
        versions.append(_version_yaml(code, index, n_versions, reasons, removed))
    manifest: dict = {"title": "Benchmark Code",
                      "documents": [{"id": "committee-report", "title": "the benchmark report"}],
                      "versions": [f"versions/{v['id']}.yaml" for v in versions],
                      "guidance": "guidance.yaml"}
    if n_versions > 1:
        _dump(_consultation(code, versions, reasons), data_dir / "consultation.yaml")
        manifest["consultation"] = "consultation.yaml"
    for version, name in zip(versions, manifest["versions"], strict=True):
        _dump(version, data_dir / name)
    _dump(manifest, data_dir / "code.yaml")
    return [v["id"] for v in versions]
