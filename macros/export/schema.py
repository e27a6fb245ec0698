"""JSON Schemas of the data files, generated from the models that validate them."""

from __future__ import annotations

import json
from pathlib import Path

from macros.export.changes_json import CHANGES_SCHEMA_NAME, ChangesDocument
from macros.export.version_json import SCHEMA_NAME, VersionDocument
from macros.model.records import Consultation, GuidanceList, Manifest, Version
from macros.model.shape import json_schema

SCHEMA_BASE = "schema/"

SCHEMAS: dict[str, type] = {
    "version.schema.json": Version,
    "guidance.schema.json": GuidanceList,
    "manifest.schema.json": Manifest,
    "consultation.schema.json": Consultation,
    SCHEMA_NAME: VersionDocument,  # the published JSON of each version
    CHANGES_SCHEMA_NAME: ChangesDocument,  # the published changes into each version
}


def schema_text(name: str) -> str:
    model = SCHEMAS[name]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              **json_schema(model)}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = folder / name
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written
