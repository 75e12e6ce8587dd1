"""A small validator for the part of JSON Schema (2020-12) the story's schemas use, for the tests.

It knows type, enum, const, not, pattern, minimum, maximum, properties, required, additionalProperties,
patternProperties, propertyNames, minProperties, maxProperties, items, minItems, anyOf and $ref (inside a
file or to a sibling file, 'story.schema.json#/$defs/id'). Any other keyword is refused, so a schema cannot
quietly use one this validator would ignore.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

KNOWN = {"$schema", "$id", "$defs", "title", "description", "type", "enum", "const", "not", "pattern", "minimum",
         "maximum", "properties", "required", "additionalProperties", "patternProperties", "propertyNames",
         "minProperties", "maxProperties", "items", "minItems", "anyOf", "$ref"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


class Schemas:
    """The schema files of one folder, by file name."""

    def __init__(self, folder: Path):
        self.files = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}

    def resolve(self, ref: str, base: str) -> tuple[dict, str]:
        name, _, pointer = ref.partition("#")
        name = name or base
        node = self.files[name]
        for part in [p for p in pointer.split("/") if p]:
            node = node[part]
        return node, name

    def errors(self, value: Any, schema_file: str) -> list[str]:
        out: list[str] = []
        self._check(value, self.files[schema_file], schema_file, "", out)
        return out

    def _check(self, value: Any, schema: dict, base: str, at: str, out: list[str]) -> None:
        unknown = set(schema) - KNOWN
        if unknown:
            raise ValueError(f"{base}: keywords this validator does not know: {sorted(unknown)}")
        if "$ref" in schema:
            target, name = self.resolve(schema["$ref"], base)
            self._check(value, target, name, at, out)
        if "type" in schema:
            kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_is(value, k) for k in kinds):
                out.append(f"{at or '/'}: {value!r} is not of type {kinds}")
                return
        if "enum" in schema and value not in schema["enum"]:
            out.append(f"{at}: {value!r} not one of {schema['enum']}")
        if "const" in schema and value != schema["const"]:
            out.append(f"{at}: {value!r} is not {schema['const']!r}")
        if "not" in schema and not self._sub(value, schema["not"], base, at):
            out.append(f"{at}: {value!r} must not match {schema['not']}")
        if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
            out.append(f"{at}: {value!r} does not match {schema['pattern']}")
        if _is(value, "number"):
            if "minimum" in schema and value < schema["minimum"]:
                out.append(f"{at}: {value} < {schema['minimum']}")
            if "maximum" in schema and value > schema["maximum"]:
                out.append(f"{at}: {value} > {schema['maximum']}")
        if isinstance(value, dict):
            self._object(value, schema, base, at, out)
        if isinstance(value, list):
            if len(value) < schema.get("minItems", 0):
                out.append(f"{at}: fewer than {schema['minItems']} items")
            if "items" in schema:
                for i, item in enumerate(value):
                    self._check(item, schema["items"], base, f"{at}/{i}", out)
        if "anyOf" in schema and all(self._sub(value, alt, base, at) for alt in schema["anyOf"]):
            out.append(f"{at}: {value!r} matches none of the {len(schema['anyOf'])} forms")

    def _object(self, value: dict, schema: dict, base: str, at: str, out: list[str]) -> None:
        for key in schema.get("required", ()):
            if key not in value:
                out.append(f"{at}: missing '{key}'")
        if len(value) < schema.get("minProperties", 0) or len(value) > schema.get("maxProperties", len(value)):
            out.append(f"{at}: {len(value)} fields")
        for key, item in value.items():
            if "propertyNames" in schema:
                self._check(key, schema["propertyNames"], base, f"{at}/{key} (name)", out)
            matched = False
            if key in schema.get("properties", {}):
                matched = True
                self._check(item, schema["properties"][key], base, f"{at}/{key}", out)
            for pattern, sub in schema.get("patternProperties", {}).items():
                if re.search(pattern, key):
                    matched = True
                    self._check(item, sub, base, f"{at}/{key}", out)
            extra = schema.get("additionalProperties", True)
            if not matched:
                if extra is False:
                    out.append(f"{at}: unknown field '{key}'")
                elif isinstance(extra, dict):
                    self._check(item, extra, base, f"{at}/{key}", out)

    def _sub(self, value: Any, schema: dict, base: str, at: str) -> list[str]:
        found: list[str] = []
        self._check(value, schema, base, at, found)
        return found


def _is(value: Any, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, TYPES[kind])
