"""The published JSON Schemas (content/pages/schema/) accept what the build accepts: every
data file of the real Code and of the test fixtures passes its schema, checked with
jsonschema as an editor's tools check it, and the faults of shape in the bad-input
catalogues are refused by the schema as by the build."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import test_bad_input_catalogue as catalogue
import test_validation_messages as messages
import yaml
from pydantic import ValidationError
from testkit import FIXTURES, ROOT

from macros.export.schema import SCHEMAS
from macros.load.yamlfile import read_yaml
from macros.model.comments import Consultation
from macros.model.problems import Problem
from macros.model.records import GuidanceList, Manifest, Version, validate

SCHEMA_FOLDER = ROOT / "content" / "pages" / "schema"
SCHEMA_OF = {record: name for name, record in SCHEMAS.items()}
MANIFESTS = [ROOT / "content" / "data" / "code.yaml", *sorted(FIXTURES.rglob("code.yaml"))]

# The catalogue cases whose fault is in the data's shape, which the schema states. The other
# cases are faults of YAML (the file cannot be read) or of meaning the schema cannot state
# (a duplicate key, an unknown cross-reference, HTML, a rule across fields, ...).
SHAPE_FAULTS = {"unknown field", "missing field", "a clause of 1 MB", "a version id that is a path",
                "an over-long section title",
                "a source in the old form, a paragraph without its document"}
# And those whose fault is in the shape of the consultation record.
RECORD_SHAPE_FAULTS = {"comments not in rounds"}
MESSAGE_SHAPE_FAULTS = {"unknown field", "missing field", "version id as a number",
                        "version id that is a path", "over-long section title",
                        "over-long item text"}


def published(record: type) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_FOLDER / SCHEMA_OF[record]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    # Formats checked too ('date'), as an editor's tools check them.
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def as_json(value: Any) -> Any:
    """YAML data as a JSON Schema checker sees it: dates are text."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()))


def data_files() -> Iterator[tuple[Path, type]]:
    """Each manifest and every file it lists, with the record that file holds."""
    for manifest in MANIFESTS:
        listed = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        yield manifest, Manifest
        for name in listed["versions"]:
            yield (manifest.parent / name).resolve(), Version
        if listed.get("guidance"):
            yield (manifest.parent / listed["guidance"]).resolve(), GuidanceList
        if listed.get("consultation"):
            yield (manifest.parent / listed["consultation"]).resolve(), Consultation


# A file two manifests list (a fixture may reuse another's versions) is checked once.
FILES = list(dict.fromkeys(data_files()))


def test_every_data_file_is_checked() -> None:
    every = {*(ROOT / "content" / "data").rglob("*.yaml"), *FIXTURES.rglob("*.yaml")}
    assert every == {path for path, _ in FILES}


@pytest.mark.parametrize(("path", "record"), FILES,
                         ids=[str(p.relative_to(ROOT)) for p, _ in FILES])
def test_data_file_passes_its_published_schema_and_the_build(path: Path, record: type) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    published(record).validate(as_json(data))
    validate(record, data)


def schema_faults(data: Any) -> list[str]:
    return [e.message for e in published(Version).iter_errors(as_json(data))]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> catalogue.Project:
    return catalogue.Project(tmp_path_factory.mktemp("schema-catalogue") / "project")


@pytest.mark.parametrize("name", catalogue.CATALOGUE)
def test_catalogue_faults_of_shape_are_refused_by_the_schema(
    project: catalogue.Project, name: str,
) -> None:
    project.reset()
    catalogue.CATALOGUE[name].break_data(project)
    for path in sorted((project.data / "versions").glob("*.yaml")):
        doc = read_yaml(path, path.name)
        if isinstance(doc, Problem):  # a fault of YAML: there is no data to check
            assert name not in SHAPE_FAULTS
            continue
        refused = schema_faults(doc.data)
        assert bool(refused) == (name in SHAPE_FAULTS), refused
        if refused:
            with pytest.raises(ValidationError):
                validate(Version, doc.data)
    record = project.data / "consultation.yaml"
    if record.is_file():
        doc = read_yaml(record, record.name)
        assert not isinstance(doc, Problem)
        refused = [e.message for e in published(Consultation).iter_errors(as_json(doc.data))]
        assert bool(refused) == (name in RECORD_SHAPE_FAULTS), refused
        if refused:
            with pytest.raises(ValidationError):
                validate(Consultation, doc.data)


@pytest.mark.parametrize("name", messages.CASES)
def test_message_cases_of_shape_are_refused_by_the_schema(tmp_path: Path, name: str) -> None:
    text, _ = messages.CASES[name]
    (tmp_path / "v.yaml").write_text(text, encoding="utf-8")
    doc = read_yaml(tmp_path / "v.yaml", "v.yaml")
    if isinstance(doc, Problem):  # a fault of YAML
        assert name not in MESSAGE_SHAPE_FAULTS
        return
    refused = schema_faults(doc.data)
    assert bool(refused) == (name in MESSAGE_SHAPE_FAULTS), refused
    if refused:
        with pytest.raises(ValidationError):
            validate(Version, doc.data)


def test_schema_and_build_agree_on_the_forms_of_values() -> None:
    """Text, dates, choices, keys and lists: what the one refuses, the other refuses."""
    good = yaml.safe_load(messages.GOOD)
    assert schema_faults(good) == []
    clause = good["sections"][0]["clauses"][0]
    wrong_values: list[dict[str, Any]] = [
        {"approved_on": "01/10/2019"}, {"approved_on": 20191001}, {"id": 1.0}, {"id": "one"},
        {"status": "in force"}, {"title": ""}, {"title": None}, {"sections": "none"},
        {"removed": [{"key": "gone"}]},
    ]
    wrong_clauses: list[dict[str, Any]] = [
        {"key": "Not A Key"}, {"text": ["a"]}, {"provenance": "drafted"},
        {"provenance": {"kind": "copied"}}, {"refs": "beta"}, {"items": [{"key": "a"}]},
        {"text": "x" * 20_001}, {"colour": "red"},
    ]
    variants = [{**good, **change} for change in wrong_values] + [
        {**good, "sections": [{**good["sections"][0], "clauses": [{**clause, **change}]}]}
        for change in wrong_clauses]
    for data in variants:
        assert schema_faults(data), data
        with pytest.raises(ValidationError):
            validate(Version, data)
