"""The JSON Schemas shipped in game/story/schema/ are true to the loader: every field it accepts is in them and
nothing else, and the real story, the saves' test story, the guide's example and `new`'s pack all conform."""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from docs_helpers import build_example
from game.newstory import SCHEMAS, new_story
from game.story import StoryError, load_story
from game.story.compiler import STEP_WORDS
from game.story.playtests import PLAYTHROUGH_FIELDS, playthrough_files, run_playthrough
from schema_check import Schemas

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = Schemas(SCHEMAS)
UNKNOWN = "zzq_unknown"
MANIFEST = """title: T
characters:
  ann: {name: Ann}
meters:
  trust: {max: 5}
routes:
  r: {start: a}
endings:
  r.end: {route: r}
"""
SCENE = """steps:
  - ann: Hello.
  - choice:
      - text: Go on.
  - ending: best
"""


def accepted(story_dir, manifest: str, scenes: dict[str, str]) -> list[str]:
    """The fields the loader lists when it meets an unknown one (its hint: 'the fields are a, b, c')."""
    with pytest.raises(StoryError) as caught:
        load_story(story_dir(manifest, scenes))
    hints = [p.hint for p in caught.value.problems if f"unknown field '{UNKNOWN}'" in p.message]
    assert len(hints) == 1, [str(p) for p in caught.value.problems]
    return hints[0].removeprefix("the fields are ").split(", ")


def properties(schema_file: str, *pointer: str) -> list[str]:
    node = SCHEMA.files[schema_file]
    for part in pointer:
        node = node[part]
    return list(node["properties"])


PLACES = {  # where an unknown field goes, and the schema's mapping of that place
    "manifest": (MANIFEST + f"{UNKNOWN}: 1\n", {}, ("story.schema.json",)),
    "part": (MANIFEST, {"r/story.yaml": f"{UNKNOWN}: 1\n"}, ("story-part.schema.json",)),
    "character": (MANIFEST.replace("{name: Ann}", f"{{name: Ann, {UNKNOWN}: 1}}"), {},
                  ("story.schema.json", "$defs", "characters", "additionalProperties")),
    "meter": (MANIFEST.replace("{max: 5}", f"{{max: 5, {UNKNOWN}: 1}}"), {},
              ("story.schema.json", "$defs", "meters", "additionalProperties")),
    "route": (MANIFEST.replace("{start: a}", f"{{start: a, {UNKNOWN}: 1}}"), {},
              ("story.schema.json", "$defs", "routes", "additionalProperties")),
    "ending": (MANIFEST.replace("{route: r}", f"{{route: r, {UNKNOWN}: 1}}"), {},
               ("story.schema.json", "$defs", "endings", "additionalProperties")),
    "scene": (MANIFEST, {"a.yaml": f"{UNKNOWN}: 1\n" + SCENE}, ("scene.schema.json",)),
    "option": (MANIFEST, {"a.yaml": SCENE.replace("- text: Go on.", f"- {{text: Go on., {UNKNOWN}: 1}}")},
               ("scene.schema.json", "$defs", "option")),
}


@pytest.mark.parametrize("place", PLACES)
def test_the_schema_has_exactly_the_fields_the_loader_accepts(story_dir, place: str) -> None:
    manifest, scenes, pointer = PLACES[place]
    scenes = {"a.yaml": SCENE, **scenes}
    assert sorted(properties(*pointer)) == sorted(accepted(story_dir, manifest, scenes))


def test_the_schema_knows_every_step_and_only_those() -> None:
    forms = SCHEMA.files["scene.schema.json"]["$defs"]["step"]["anyOf"]
    single = next(f for f in forms if f.get("maxProperties") == 1)
    branches = {key for f in forms if "required" in f for key in f["required"] if key != "then"}
    assert set(single["properties"]) | branches == set(STEP_WORDS)
    assert branches == {"if", "elif", "else"}
    dialogue = re.compile(next(iter(single["patternProperties"])))
    for word in [*STEP_WORDS, "then", "text", "narrator"]:  # the loader's reserved words are not characters
        assert not dialogue.search(word), word
    assert dialogue.search("keeper") and dialogue.search("keeper smiling") and not dialogue.search("a b c")


def test_the_playthrough_schema_has_exactly_the_fields_playthrough_files_take() -> None:
    assert list(properties("playthrough.schema.json")) == list(PLAYTHROUGH_FIELDS)


@pytest.mark.parametrize("text", ["route: r\nchoose: [0]\n", "route: r\nchoose: [1]\nending: r.end\nmeter: {}\n",
                                  "choose: [1]\n", "route: r\nchoose: [1]\nstopped: done\n",
                                  "route: r\nchoose: [1]\nflags: {x: 1}\n"])
def test_the_playthrough_schema_refuses_what_a_playthrough_refuses(story_dir, tmp_path: Path, text: str) -> None:
    assert SCHEMA.errors(yaml.safe_load(text), "playthrough.schema.json")
    story = load_story(story_dir(MANIFEST, {"a.yaml": SCENE}))
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("route: r\nchoose: [1]\nending: r.end\nflags: {x: false}\n", encoding="utf-8")
    bad.write_text(text, encoding="utf-8")
    assert run_playthrough(story, good).ok and not run_playthrough(story, bad).ok


def _conforms(root: Path) -> list[str]:
    errors = []
    for path in playthrough_files(root):
        errors += [f"{path}: {e}" for e in SCHEMA.errors(yaml.safe_load(path.read_text(encoding="utf-8")),
                                                          "playthrough.schema.json")]
    scenes = root / "scenes"
    for path in sorted(scenes.rglob("*.yaml")):
        if path.name == "story.yaml":
            schema = "story.schema.json" if path.parent == scenes else "story-part.schema.json"
        else:
            schema = "scene.schema.json"
        errors += [f"{path}: {e}" for e in SCHEMA.errors(yaml.safe_load(path.read_text(encoding="utf-8")), schema)]
    return errors


def test_the_real_story_conforms() -> None:
    assert len(list((ROOT / "scenes").rglob("*.yaml"))) > 30 and len(playthrough_files(ROOT)) > 20
    assert _conforms(ROOT) == []


def test_the_other_stories_conform(tmp_path: Path) -> None:
    new_story(tmp_path / "pack")
    for root in (tmp_path / "pack", ROOT / "tests" / "saves" / "story", build_example(tmp_path / "example")):
        load_story(root)  # each is a clean story...
        assert _conforms(root) == [], root  # ...and the schema agrees


MISTAKES = [  # each is refused by the loader, and must be by the schema
    ("story.schema.json", MANIFEST.replace("routes:", "route:")),
    ("story.schema.json", MANIFEST.replace("{max: 5}", "{max: five}")),
    ("story.schema.json", MANIFEST.replace("{name: Ann}", "{name: Ann, color: red}")),
    ("story.schema.json", MANIFEST.replace("r.end: {route: r}", "best: {route: r}")),
    ("story-part.schema.json", "title: A part has no title\n"),
    ("scene.schema.json", SCENE.replace("steps:", "step:")),
    ("scene.schema.json", SCENE.replace("- text: Go on.", "- txt: Go on.")),
    ("scene.schema.json", SCENE.replace("- ann: Hello.", "- ann very happy: Hello.")),
    ("scene.schema.json", SCENE.replace("- ann: Hello.", "- {ann: Hello., goto: a}")),
    ("scene.schema.json", SCENE.replace("- ann: Hello.", "- if: trust > 1")),
    ("scene.schema.json", SCENE.replace("- ann: Hello.", "- effects: {trust: lots}")),
    ("scene.schema.json", SCENE.replace("- ann: Hello.", "- background: night with wipe")),
]


@pytest.mark.parametrize("schema, text", MISTAKES)
def test_the_schema_refuses_what_the_loader_refuses(story_dir, schema: str, text: str) -> None:
    assert SCHEMA.errors(yaml.safe_load(text), schema)
    manifest, scenes = MANIFEST, {"a.yaml": SCENE}
    if schema == "story.schema.json":
        manifest = text
    elif schema == "story-part.schema.json":
        scenes["r/story.yaml"] = text
    else:
        scenes["a.yaml"] = text
    load_story(story_dir(MANIFEST, {"a.yaml": SCENE}))  # the story the mistake is made in is clean
    with pytest.raises(StoryError):
        load_story(story_dir(manifest, scenes))


def test_the_schemas_are_draft_2020_12_and_shipped_with_the_package() -> None:
    for name, schema in SCHEMA.files.items():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema" and schema["$id"] == name
        json.dumps(schema)
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["game"]
    shipped = {p for pattern in patterns for p in (ROOT / "game").glob(pattern) if p.is_file()}
    assert set(SCHEMAS.glob("*.json")) <= shipped
    assert {p for p in (ROOT / "game" / "starter").rglob("*") if p.is_file()} <= shipped
