"""Saves made by this version keep loading: the committed corpus in tests/saves/ resumes exactly, and after
edits to the story a save finds the nearest line that still exists, or says plainly why it cannot be played.

The corpus (saves, their story and expected.json) is made by tests/saves/make_saves.py and is never regenerated
to make these tests pass: a failure here means players' saves would break.
"""
from __future__ import annotations

import io
import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.slots import SaveSlots
from game.story import End, Line, Menu, Runner, SaveError, State, load_story
from game.story.model import EnterOp, SayOp
from game.story.timeline import Timeline, earlier_entries

SAVES = Path(__file__).resolve().parent / "saves"
STORY = SAVES / "story"
EXPECTED: dict[str, dict[str, Any]] = json.loads((SAVES / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(p.stem for p in SAVES.glob("*.json") if p.name != "expected.json")
LINE_SAVES = [n for n in NAMES if EXPECTED[f"{n}.json"]["shows"]["kind"] == "line"]
MENU_SAVES = [n for n in NAMES if EXPECTED[f"{n}.json"]["shows"]["kind"] == "menu"]

# The line each line-save resumes at when the text of its own line is edited: the one shown just before it
# on the path played (None: it stands on the first line of its scene, so it resumes at the scene's start).
NEAREST = {
    "slot-01": "You'll be the man from the mainland, then.",
    "slot-03": "The seal is my father's. He wrote this before he died.",
    "slot-04": None,
    "slot-05": "There. Now they can see the reef.",
    "quick": "Tell me how he was, at the end. The truth, please.",
}
NEAREST_NOTE = "The story has changed since this save: it resumes at the nearest earlier line."
START_NOTE = "The story has changed since this save: it resumes at the start of the scene."


def expected(name: str) -> dict[str, Any]:
    return EXPECTED[f"{name}.json"]


@pytest.fixture(scope="module")
def story():
    return load_story(STORY)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A copy of the committed story (pack/story) and saves (pack/saves) that a test may edit."""
    shutil.copytree(STORY, tmp_path / "story")
    (tmp_path / "saves").mkdir()
    for name in NAMES:
        shutil.copy2(SAVES / f"{name}.json", tmp_path / "saves" / f"{name}.json")
    return tmp_path


def slots_of(pack: Path) -> SaveSlots:
    return SaveSlots(pack / "saves", load_story(pack / "story"))


def first_shown(story, state: State) -> Line | Menu:
    """What the game shows first when it plays on from `state` (left as it is): its first line or menu."""
    return next_shown(Runner(story, state.copy()))


def next_shown(runner: Runner) -> Line | Menu:
    while True:
        event = runner.advance()
        if isinstance(event, (Line, Menu)):
            return event
        assert not isinstance(event, End), f"the story ended ({event.ending}) before showing anything"


def scene_file(pack: Path, scene_id: str) -> Path:
    return pack / "story" / "scenes" / (scene_id.replace(".", "/") + ".yaml")


def edit(pack: Path, scene_id: str, old: str, new: str, count: int = 1) -> None:
    path = scene_file(pack, scene_id)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, f"{old!r} is in {path.name} {text.count(old)} times, not {count}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def revised(text: str) -> str:
    return f"{text} Or so it seemed."


def edit_manifest(pack: Path, change) -> None:
    path = pack / "story" / "scenes" / "story.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def lines_up_to(story, name: str) -> list[str]:
    """The texts of the lines of the save's scene, in the order written, up to and including its own."""
    exp = expected(name)
    texts = []
    for op in story.scenes[exp["scene"]].ops:
        if isinstance(op, SayOp):
            texts.append(op.text)
            if op.line_id == exp["shows"]["id"]:
                return texts
    raise AssertionError(f"{name}: line {exp['shows']['id']} is not in scene {exp['scene']}")


# --- the committed corpus ---
def test_the_corpus_covers_what_it_promises() -> None:
    assert set(EXPECTED) == {f"{n}.json" for n in NAMES}
    kinds = {expected(n)["shows"]["kind"] for n in NAMES}
    routes = {expected(n)["route"] for n in NAMES}
    assert kinds == {"line", "menu"} and routes == {"harbour", "lamp"}
    assert any(expected(n)["history"] for n in NAMES) and any(expected(n)["thumbnail"] for n in NAMES)
    assert any(expected(n)["flags"] for n in NAMES) and set(NEAREST) == set(LINE_SAVES)
    assert {"slot-01", "slot-02", "slot-03", "slot-04", "slot-05", "quick", "auto-1"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_committed_save_resumes_exactly_where_it_was_made(story, name: str) -> None:
    exp = expected(name)
    loaded = SaveSlots(SAVES, story).load(name)
    assert loaded.note == ""
    state = loaded.state
    assert (state.route, state.scene, state.ending) == (exp["route"], exp["scene"], None)
    assert state.meters == exp["meters"] and state.flags == exp["flags"] and state.visits == exp["visits"]
    assert [list(c) for c in state.choices] == exp["choices"]
    event = first_shown(story, state)
    shows = exp["shows"]
    assert event.id == shows["id"]
    if shows["kind"] == "line":
        assert isinstance(event, Line) and (event.speaker, event.text) == (shows["speaker"], shows["text"])
    else:
        assert isinstance(event, Menu) and [o.text for o in event.options] == shows["options"]
    history = earlier_entries(story, loaded.log)
    assert [[e.speaker, e.text, e.choice] for e in history] == (exp["history"] or [])


@pytest.mark.parametrize("name", NAMES)
def test_every_committed_save_shows_its_route_words_date_and_picture(story, name: str) -> None:
    exp = expected(name)
    info = SaveSlots(SAVES, story).info(name)
    assert info is not None and info.usable, info and info.error
    assert info.route_title == exp["route_title"] and info.words == exp["words"] and info.words
    assert info.saved_at == datetime.fromisoformat(exp["saved_at"])
    if exp["thumbnail"] is None:
        assert info.thumbnail is None
    else:
        import pygame
        picture = pygame.image.load(io.BytesIO(info.thumbnail), "thumb.png")
        assert list(picture.get_size()) == exp["thumbnail"]


def test_continue_picks_the_latest_committed_save(story) -> None:
    latest = max(NAMES, key=lambda n: expected(n)["saved_at"])
    assert SaveSlots(SAVES, story).newest() == latest


# --- the nearest-line rule, on a copy of the story ---
@pytest.mark.parametrize("name", LINE_SAVES)
def test_a_save_whose_line_was_reworded_resumes_at_the_nearest_earlier_line(story, pack, name: str) -> None:
    exp = expected(name)
    edit(pack, exp["scene"], exp["shows"]["text"], revised(exp["shows"]["text"]))
    edited = load_story(pack / "story")
    loaded = SaveSlots(pack / "saves", edited).load(name)
    event = first_shown(edited, loaded.state)
    nearest = NEAREST[name]
    if nearest is None:  # nothing before it in its scene: the start of the scene, after its header
        assert loaded.note == START_NOTE and loaded.state.pc == 1
        assert isinstance(event, Line) and event.text == revised(exp["shows"]["text"])
    else:
        assert loaded.note == NEAREST_NOTE
        assert isinstance(event, Line) and event.text == nearest
        assert event.id in {op.line_id for op in story.scenes[exp["scene"]].ops if isinstance(op, SayOp)}
    assert loaded.state.scene == exp["scene"]
    assert loaded.state.meters == exp["meters"] and loaded.state.flags == exp["flags"]
    assert loaded.state.visits == exp["visits"]


@pytest.mark.parametrize("name", LINE_SAVES)
def test_a_save_whose_scene_was_reworded_up_to_its_line_resumes_at_the_scene_start(story, pack, name: str) -> None:
    exp = expected(name)
    texts = lines_up_to(story, name)
    for text in texts:
        edit(pack, exp["scene"], text, revised(text))
    edited = load_story(pack / "story")
    loaded = SaveSlots(pack / "saves", edited).load(name)
    assert loaded.note == START_NOTE
    assert isinstance(edited.scenes[exp["scene"]].ops[0], EnterOp) and loaded.state.pc == 1
    assert loaded.state.meters == exp["meters"] and loaded.state.flags == exp["flags"]
    runner = Runner(edited, loaded.state)
    event = next_shown(runner)
    assert isinstance(event, Line) and event.text == revised(texts[0])
    assert runner.state.visits == exp["visits"]  # its header is not played again: the scene is not entered twice


@pytest.mark.parametrize("name", MENU_SAVES)
def test_a_save_at_a_menu_survives_its_options_and_lines_being_reworded(story, pack, name: str) -> None:
    exp = expected(name)
    for option in exp["shows"]["options"]:
        edit(pack, exp["scene"], f"text: {option}", f"text: {revised(option)}")
    scene = story.scenes[exp["scene"]]
    for op in scene.ops:
        if isinstance(op, SayOp):
            edit(pack, exp["scene"], op.text, revised(op.text))
    edited = load_story(pack / "story")
    loaded = SaveSlots(pack / "saves", edited).load(name)
    assert loaded.note == ""
    event = first_shown(edited, loaded.state)
    assert isinstance(event, Menu) and event.id == exp["shows"]["id"]
    assert [o.text for o in event.options] == [revised(o) for o in exp["shows"]["options"]]


def save_at(pack: Path, route: str, text: str, picks: list[int]) -> list[str]:
    """Play `route` on a copy of the story, answering menus with `picks`, and save in slot-09 when the line
    `text` is on screen, as the window does (with the trail of lines shown in the scene, from a Timeline);
    the texts of the lines shown, up to that one."""
    story = load_story(pack / "story")
    runner, picks, shown, timeline = Runner.new(story, route), list(picks), [], Timeline()
    while not shown or shown[-1] != text:
        event = runner.advance()
        if isinstance(event, Menu):
            timeline.record(runner.checkpoint, event)
            runner.choose(picks.pop(0))
        elif isinstance(event, Line):
            timeline.record(runner.checkpoint, event)
            shown.append(event.text)
    SaveSlots(pack / "saves", story).write("slot-09", runner.checkpoint, text, trail=timeline.trail())
    return shown


def test_a_reworded_line_in_a_branch_never_resumes_in_a_branch_not_taken(pack) -> None:
    shown = save_at(pack, "harbour", "Perhaps it can wait until we are out of the wind.", [1])  # keep the letter
    edit(pack, "harbour.quay", shown[-1], revised(shown[-1]))
    loaded = slots_of(pack).load("slot-09")
    event = first_shown(load_story(pack / "story"), loaded.state)
    assert event.text in shown  # not "He asked me to bring it by hand…", from the option not taken


def test_a_save_resumed_at_an_earlier_line_does_not_apply_effects_twice(pack) -> None:
    save_at(pack, "lamp", "Then count with me.", [])  # after '- effects: {nerve: +1}': nerve 3 when saved
    edit(pack, "lamp.stairs", "Then count with me.", "Then count with me, slowly.")
    edited = load_story(pack / "story")
    loaded = slots_of(pack).load("slot-09")
    # back at the earlier line, as things stood there: before the effect
    assert loaded.note == NEAREST_NOTE and loaded.state.meters["nerve"] == 2
    runner = Runner(edited, loaded.state)
    while next_shown(runner).text != "Then count with me, slowly.":
        pass
    assert runner.state.meters["nerve"] == 3  # the effect applied once, not twice


# --- saves that cannot be played say why, as a SaveError naming the file ---
def load_error(slots: SaveSlots, name: str) -> SaveError:
    with pytest.raises(SaveError) as caught:
        slots.load(name)
    error = caught.value
    assert type(error) is SaveError and "\n" not in str(error)
    assert error.path == str(slots.path(name)) and str(error).startswith(str(slots.path(name)))
    info = slots.info(name)
    assert info is not None and not info.usable and info.error == error.reason
    return error


def test_a_save_in_a_deleted_scene_is_refused_naming_the_scene_and_the_file(pack) -> None:
    assert expected("quick")["scene"] == "harbour.supper"
    scene_file(pack, "harbour.supper").unlink()
    edit(pack, "harbour.cottage", "goto: harbour.supper", "goto: harbour.ferry", count=2)
    slots = slots_of(pack)
    error = load_error(slots, "quick")
    assert "harbour.supper" in error.reason and "quick.json" in str(error)
    for name in NAMES:  # the saves elsewhere play on as before
        if name != "quick":
            assert slots.load(name).note == "", name


def test_a_save_in_a_deleted_route_start_scene_is_refused(pack) -> None:
    assert expected("slot-04")["scene"] == "lamp.stairs"
    scene_file(pack, "lamp.stairs").unlink()
    edit_manifest(pack, lambda data: data["routes"]["lamp"].update(start="lamp.gallery"))
    slots = slots_of(pack)
    error = load_error(slots, "slot-04")
    assert "lamp.stairs" in error.reason and "slot-04.json" in str(error)
    assert slots.load("slot-05").note == ""


def test_a_save_for_a_renamed_route_is_refused_naming_the_route(pack) -> None:
    def rename(data: dict) -> None:
        data["routes"] = {("beacon" if k == "lamp" else k): v for k, v in data["routes"].items()}
        for ending in data["endings"].values():
            if ending["route"] == "lamp":
                ending["route"] = "beacon"
    edit_manifest(pack, rename)
    slots = slots_of(pack)
    for name in NAMES:
        if expected(name)["route"] == "lamp":
            error = load_error(slots, name)
            assert "route 'lamp'" in error.reason
        else:
            assert slots.load(name).note == ""


def test_a_save_for_a_removed_route_is_refused(pack) -> None:
    def remove(data: dict) -> None:
        del data["routes"]["lamp"]
        data["endings"] = {k: v for k, v in data["endings"].items() if v["route"] != "lamp"}
    edit_manifest(pack, remove)
    shutil.rmtree(pack / "story" / "scenes" / "lamp")
    slots = slots_of(pack)
    lamp = [n for n in NAMES if expected(n)["route"] == "lamp"]
    assert lamp
    for name in lamp:
        error = load_error(slots, name)
        assert "lamp" in error.reason


@pytest.mark.parametrize("where", ["save", "state"])
def test_a_save_from_a_newer_version_says_so_and_can_be_deleted(pack, where: str) -> None:
    data = json.loads((pack / "saves" / "slot-01.json").read_text(encoding="utf-8"))
    target = data if where == "save" else data["state"]
    target["version"] += 1
    path = pack / "saves" / "slot-07.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    slots = slots_of(pack)
    info = slots.info("slot-07")
    assert info is not None and not info.usable and "newer version" in info.error
    assert "newer version" in load_error(slots, "slot-07").reason
    assert slots.newest() != "slot-07"
    slots.delete("slot-07")
    assert not path.exists() and slots.info("slot-07") is None
    assert slots.load("slot-01").note == ""
