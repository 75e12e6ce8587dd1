"""Property tests of load_story: story folders with wrong types and mutated real files give a placed StoryError."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from game.story import Story, StoryError, load_story
from game.story.compiler import STEP_WORDS
from robust_helpers import (ASSETS, MANIFEST, ODD_TEXT, ROBUST_IO, assert_placed, dump, json_like, keys, mutated,
                            no_hang, real_story, scalars, tally)
from robust_helpers import story_folder  # noqa: F401  (a fixture)

SCENE = "steps:\n  - a: Hello.\n  - ending: e\n"


def load_safely(root: Path) -> Story | None:
    with no_hang():
        try:
            story = load_story(root)
        except StoryError as exc:
            tally("load_story: StoryError")
            assert_placed(exc)
            return None
    tally("load_story: a Story")
    return story


@st.composite
def fields(draw: st.DrawFn, spec: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """A mapping with some of the given fields, each holding a sensible value or any JSON-like value."""
    out: dict[str, Any] = {}
    for name, sensible in spec.items():
        if draw(st.integers(0, 4)):  # most fields are present
            out[name] = draw(st.one_of(sensible, json_like))
    if not draw(st.integers(0, 6)):
        out[draw(keys)] = draw(json_like)  # and now and then a field nobody asked for
    return out


def entry(spec: dict[str, st.SearchStrategy[Any]], ids: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.dictionaries(st.sampled_from(ids) | keys, fields(spec) | json_like, min_size=1, max_size=3)


manifests = fields({
    "title": st.just("Fuzz"),
    "characters": entry({"name": st.just("Anna"), "color": st.just("#c98a6b"), "sprites": st.just("a")},
                        ("a", "b", "if", "x.y")),
    "meters": entry({"label": st.just("Trust"), "min": st.integers(-3, 3), "max": st.integers(-3, 12),
                     "start": st.integers(-3, 12), "visible": st.booleans()}, ("trust", "t.x")),
    "routes": entry({"title": st.just("R"), "blurb": st.just("B"), "start": st.sampled_from(("s", "t", "x")),
                     "picture": st.just("bg"), "after": st.sampled_from(("r", "q")) | st.lists(keys, max_size=3)},
                    ("r", "q")),
    "endings": entry({"title": st.just("E"), "route": st.just("r"), "when": st.sampled_from(ODD_TEXT),
                      "priority": st.integers(-2, 2), "epilogue": st.just("The end.")}, ("e", "best", "f")),
})
effects = st.dictionaries(st.sampled_from(("trust", "told", "x y", "1")) | keys,
                          st.booleans() | st.integers(-20, 20) | st.sampled_from(ODD_TEXT) | json_like, max_size=3)
flow = st.sampled_from(("s", "t", "e", "best", "nowhere"))
steps = st.deferred(lambda: st.lists(step, max_size=5))
option = fields({"text": st.just("Go"), "if": st.sampled_from(ODD_TEXT), "requires": st.sampled_from(ODD_TEXT),
                 "hint": st.just("Later."), "effects": effects, "then": steps, "goto": flow})
step = st.one_of(
    st.text(max_size=10), scalars,
    st.builds(lambda key, value: {key: value}, st.sampled_from(("a", "a happy", "b", "a x y", "narrate")),
              scalars | json_like),
    st.builds(lambda key, value: {key: value}, st.sampled_from(STEP_WORDS), json_like | st.sampled_from(ODD_TEXT)),
    st.builds(lambda value: {"effects": value}, effects),
    st.builds(lambda value: {"hide": value}, json_like),
    st.builds(lambda value: {"goto": value}, flow), st.builds(lambda value: {"ending": value}, flow),
    st.builds(lambda options: {"choice": options}, st.lists(option, max_size=3) | json_like),
    fields({"if": st.sampled_from(ODD_TEXT), "then": steps}),
    fields({"elif": st.sampled_from(ODD_TEXT), "then": steps}),
    st.builds(lambda body: {"else": body}, steps | json_like),
)
scene_files = fields({"id": st.sampled_from(("s", "t", "x.y", "1x")), "background": st.just("bg"),
                      "music": st.sampled_from(("m", "stop")), "ambience": st.just("m"), "steps": steps})


@ROBUST_IO
@given(scene=st.text(), other=json_like.map(dump))
def test_load_story_with_random_scene_files_raises_story_error(story_folder, scene: str, other: str) -> None:
    load_safely(story_folder().write(MANIFEST, {"s.yaml": SCENE, "t.yaml": scene, "sub/u.yml": other}))


@ROBUST_IO
@example(manifest=yaml.safe_load(MANIFEST), scenes=[{"steps": [{"hide": ["a"]}, {"ending": "e"}]}])
@example(manifest=yaml.safe_load(MANIFEST), scenes=[{"steps": [{"effects": {"trust": "+-5"}}, {"ending": "e"}]}])
@given(manifest=manifests, scenes=st.lists(scene_files | json_like, min_size=1, max_size=3))
def test_load_story_with_wrong_types_in_every_field_raises_story_error(story_folder, manifest: Any,
                                                                       scenes: list[Any]) -> None:
    files = {f"{name}.yaml": dump(data) for name, data in zip(("s", "t", "x/y"), scenes)}
    load_safely(story_folder().write(dump(manifest), files))


@ROBUST_IO
@given(manifest=manifests | json_like | scene_files)
def test_load_story_with_a_wrong_manifest_raises_story_error(story_folder, manifest: Any) -> None:
    load_safely(story_folder().write(dump(manifest), {"s.yaml": SCENE}))


@ROBUST_IO
@given(data=st.data())
def test_load_story_with_mutated_real_files_raises_story_error(story_folder, data: st.DataObject) -> None:
    real = real_story()
    folder = story_folder(real.assets, real.maps)
    manifest = real.manifest
    scenes = dict(real.scenes)
    if data.draw(st.booleans(), label="mutate the manifest"):
        manifest = data.draw(mutated(st.just(manifest)), label="manifest")
    for name in data.draw(st.lists(st.sampled_from(sorted(scenes)), min_size=1, max_size=2), label="scenes"):
        scenes[name] = data.draw(mutated(st.just(scenes[name])), label=name)
    load_safely(folder.write(manifest, scenes))


def test_the_real_story_loads_when_its_assets_exist(story_folder) -> None:
    """The mutation test above starts from a story that loads, so its mutations are near misses."""
    real = real_story()
    assert isinstance(load_safely(story_folder(real.assets, real.maps).write(real.manifest, real.scenes)), Story)


@pytest.mark.parametrize("step", [
    "hide: [a]", "hide: {a: 1}",  # once a TypeError: a YList/YMap looked up in the characters dict
    "effects: {trust: '+-5'}", "effects: {trust: '=+-5'}", "effects: {trust: '²'}", "effects: {trust: '=²'}",
    # once a RecursionError: a flat chain parsed fine, then check() and compile_expr() recursed per term
    pytest.param("if: " + " + ".join(["trust"] * 1200) + " > 0\n    then: [Hi.]", id="if: a 1200-term sum"),
    "hide: nobody", "effects: {trust: 'x'}", "effects: {trust: '=x'}", "effects: {trust: 1.5}",
])
def test_load_story_step_with_a_bad_value_is_a_story_error(story_dir, step: str) -> None:
    root = story_dir(MANIFEST, {"s.yaml": f"steps:\n  - {step}\n  - ending: e\n"}, ASSETS)
    with pytest.raises(StoryError) as info:
        load_story(root)
    assert_placed(info.value)
