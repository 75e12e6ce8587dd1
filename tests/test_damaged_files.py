"""Thousands of seeded damages of the player's files, each of which must end cleanly: settings load valid and
clamped, no ending reached or line read in the last good copy is lost, a damaged save says why (or plays) and
never breaks the Save/Load screen, and what could not be read is set aside or left exactly as it was.

Damages (tests/damage_helpers.py): truncation at every 5%, seeded byte flips, each field of the wrong type or
gone, huge numbers, NaN and Infinity, 100,000 nested lists and nesting just short of the recursion limit, bytes
that are not UTF-8, lone surrogates, and special things in place of the file (devices, a pipe, a folder,
symlinks that lead nowhere or to themselves, a 5 GB file, a file or folder that cannot be written or read).
Each file kind is damaged once per run (module fixtures); the tests then look at what became of it.
"""
from __future__ import annotations

import io
import json
import math
import os
import sys
import time
import traceback
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Optional

import pygame
import pytest

from damage_helpers import (KINDS, Damage, Results, case_folder, chattr_works, check_kept, damages, field_paths,
                            in_time, outcome_of, placed, raised, same_json, strict_json, thing_at)
from game.playerfiles import PlayerFile
from game.slots import SaveSlots
from game.story import Line, Menu, Runner, SaveError, default_root, load_story
from game.story.saves import checksum
from game.story.timeline import Timeline
from game.ui.prefs import CHOICES, RANGES, TEXTS, Records, SeenLines, Settings, player_notes
from ui_helpers import key, make_app

SEED = 20260501
NEW_ENDING, NEW_LINE = "epilogue.dawn", "epilogue.berlin/new-line"


def known_bug(exc: BaseException) -> Optional[str]:
    """Which of the game bugs the bulk tests tolerate raised this (each is shown by a strict xfail test below:
    once it is fixed, that test passes, strict xfail fails it, and its line here goes too)."""
    frames = {(Path(f.filename).name, f.name) for f in traceback.extract_tb(exc.__traceback__)}
    if isinstance(exc, OverflowError) and ("prefs.py", "_fill") in frames:
        return "overflow"
    if isinstance(exc, RecursionError) and ("saves.py", "checksum") in frames:
        return "recursion"
    if isinstance(exc, OSError) and ("slots.py", "delete") in frames:
        return "delete"
    return None


def caught(results, damage, exc: BaseException) -> str:
    """An exception out of a damage: a failure, unless it is one of the known bugs (none are left open)."""
    bug = known_bug(exc)
    if bug is None:
        results.fail(damage, raised(exc))
    else:
        results.bug(bug, damage, raised(exc))
    return "known bug" if bug else "raised"


@pytest.fixture(scope="module")
def story():
    return load_story()


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """Where every case gets a folder of its own; the game's own folders point here while damages run."""
    folder = tmp_path_factory.mktemp("damaged")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UTSS_DATA_DIR", str(folder / "data"))
        patch.setenv("UTSS_CONFIG_DIR", str(folder / "config"))
        yield folder


@pytest.fixture(scope="module")
def immutable(root) -> bool:
    return chattr_works(root)


# --------------------------------------------------------------------------- settings

def expected_settings(data: Any) -> Settings:
    """What a file that parses must give: each valid value clamped to the Settings screen, defaults for the rest."""
    want = Settings()
    for f in fields(Settings):
        if f.name == "file" or not isinstance(data, dict) or f.name not in data:
            continue
        value, default = data[f.name], getattr(want, f.name)
        if isinstance(default, bool):
            if isinstance(value, bool):
                setattr(want, f.name, value)
        elif isinstance(default, str):
            if isinstance(value, str) and (value in CHOICES.get(f.name, ())
                                           or (f.name in TEXTS and TEXTS[f.name].fullmatch(value))):
                setattr(want, f.name, value)
        elif type(value) is int or type(value) is float and math.isfinite(value):   # a whole number is finite
            low, high = RANGES[f.name]
            setattr(want, f.name, type(default)(min(high, max(low, value))))
    return want


def valid_settings(settings: Settings) -> list[str]:
    problems = []
    for f in fields(Settings):
        value, default = getattr(settings, f.name), getattr(Settings(), f.name)
        if f.name != "file" and type(value) is not type(default):
            problems.append(f"{f.name} is {value!r}")
        elif f.name in RANGES and not RANGES[f.name][0] <= value <= RANGES[f.name][1]:
            problems.append(f"{f.name} is {value!r}, outside {RANGES[f.name]}")
        elif f.name in CHOICES and value not in CHOICES[f.name]:
            problems.append(f"{f.name} is {value!r}, not one of {CHOICES[f.name]}")
    return problems


@pytest.fixture(scope="module")
def settings_results(root, immutable) -> Results:
    started, good = time.perf_counter(), root / "settings-good"
    good.mkdir()
    first = Settings.load(good / "settings.json")
    first.text_speed, first.music_volume, first.show_meters = 30, 0.4, True
    first.save()
    first.text_speed, first.auto_delay, first.fullscreen = 80, 2.5, True
    first.save()
    main, bak = (good / "settings.json").read_bytes(), (good / "settings.json.bak").read_bytes()
    last_good = Settings.load(good / "settings.json.bak")
    results = Results("settings.json")
    with pytest.MonkeyPatch.context() as patch:
        data = json.loads(main)
        for n, damage in enumerate(damages(data, SEED, flips=80, string_paths=[(name,) for name in sorted(data)])):
            folder = case_folder(root / "settings", n)
            (folder / "settings.json.bak").write_bytes(bak)
            outcome = check_settings(damage, folder, last_good, patch, immutable, results)
            results.count(damage, outcome)
    results.seconds = time.perf_counter() - started
    return results


def check_settings(damage: Damage, folder: Path, last_good: Settings, patch, immutable: bool,
                   results: Results) -> str:
    path = folder / "settings.json"
    try:
        with placed(damage, path, patch, immutable):
            before = thing_at(path)
            settings = in_time(damage, lambda: Settings.load(path))
            notes = [str(note) for note in settings.file.notes]
            outcome = outcome_of(path, notes, damage)
            problems = valid_settings(settings)
            if outcome == "salvaged" and not damage.near_limit and \
                    settings != expected_settings(strict_json(damage.raw)[1]):
                problems.append(f"read as {settings}, not {expected_settings(strict_json(damage.raw)[1])}")
            elif outcome != "salvaged" and damage.special != "unreadable!" and settings != last_good:
                problems.append(f"the last good copy was not used: {settings}")
            settings.text_speed = 99
            in_time(damage, settings.save)
            notes += player_notes(settings)
        problems += check_kept(path, damage, outcome, before, notes)
        if settings.file.writable and not any("could not" in n for n in notes):
            again = in_time(damage, lambda: Settings.load(path))
            if again != settings:
                problems.append(f"saved {settings}, read back {again}")
    except Exception as exc:  # noqa: BLE001 - every damage must end cleanly; say which did not
        return caught(results, damage, exc)
    for problem in problems:
        results.fail(damage, problem)
    return outcome


def test_damaged_settings_load_valid_and_clamped_and_are_set_aside_or_left_alone(settings_results) -> None:
    assert not settings_results.failures, settings_results.shown()
    assert settings_results.outcomes["set aside"] and settings_results.outcomes["left alone"]
    assert settings_results.outcomes["salvaged"]


def test_a_settings_number_too_large_for_a_float_is_clamped(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"text_speed": 1%s, "music_volume": -1%s}' % ("0" * 400, "0" * 400), "utf-8")
    settings = Settings.load(path)
    assert settings.text_speed == 150 and settings.music_volume == 0.0


# --------------------------------------------------------------------------- records of endings, seen lines

@dataclass(frozen=True)
class Lasting:
    """A file that only grows (endings reached, lines read): what is in its last good copy is never lost."""
    name: str
    load: Callable[[Path], Any]
    items: Callable[[Any], set]
    put: Callable[[Any, str], None]
    new: str
    other: str          # a field that holds none of the items


RECORDS = Lasting("records.json", Records.load, lambda r: set(r.endings),
                  lambda r, ending: r.reached(ending, ending.split(".")[0]), NEW_ENDING, "routes_finished")
SEEN = Lasting("seen.json", SeenLines.load, lambda s: set(s.ids), lambda s, line: s.ids.add(line), NEW_LINE,
               "version")


def lasting_results(kind: Lasting, root: Path, immutable: bool) -> Results:
    """Make a good file and its .bak through the game (two saves), then damage the file every way."""
    started, good = time.perf_counter(), root / f"{kind.name}-good"
    good.mkdir()
    held = kind.load(good / kind.name)
    for batch in (("vineyard.found", "paris.friends"), ("provence.peace",)):
        for item in batch:
            kind.put(held, item)
        held.save()
    main, bak = (good / kind.name).read_bytes(), (good / f"{kind.name}.bak").read_bytes()
    last_good = kind.items(kind.load(good / f"{kind.name}.bak"))
    assert len(last_good) == 2 and kind.items(kind.load(good / kind.name)) > last_good
    data = json.loads(main)
    results = Results(kind.name)
    with pytest.MonkeyPatch.context() as patch:
        for n, damage in enumerate(damages(data, SEED, flips=80, near_limit=(kind.other,))):
            folder = case_folder(root / kind.name, n)
            (folder / f"{kind.name}.bak").write_bytes(bak)
            outcome = check_lasting(kind, damage, folder, last_good, patch, immutable, results)
            results.count(damage, outcome)
    results.seconds = time.perf_counter() - started
    return results


def check_lasting(kind: Lasting, damage: Damage, folder: Path, last_good: set, patch, immutable: bool,
                  results: Results) -> str:
    path = folder / kind.name

    def play() -> Any:
        held = kind.load(path)
        kind.put(held, kind.new)
        held.save()
        return held
    try:
        with placed(damage, path, patch, immutable):
            before = thing_at(path)
            held = in_time(damage, play)
            notes = player_notes(held)
            writable = held.file.writable and not any("could not" in n for n in notes)
        outcome = outcome_of(path, notes, damage)
        problems = check_kept(path, damage, outcome, before, notes)
        lost = set()
        if damage.special != "unreadable!":          # there even the last good copy cannot be read, for now
            lost = last_good - kind.items(held)
            if kind.new not in kind.items(held):
                problems.append(f"{kind.new} was not added")
        again = kind.items(in_time(damage, lambda: kind.load(path)))   # the next start, whatever was in the way gone
        lost |= last_good - again
        if writable and kind.new not in again:
            lost.add(kind.new)
        if outcome == "salvaged" and not damage.near_limit:            # the damaged content is kept as the .bak
            kept = [same_json(p.read_bytes()) for p in (path, folder / f"{kind.name}.bak") if p.is_file()]
            if same_json(damage.raw) not in kept:
                problems.append("the damaged file that was read is kept nowhere")
    except Exception as exc:  # noqa: BLE001 - every damage must end cleanly; say which did not
        results.fail(damage, raised(exc))
        return "raised"
    for problem in problems:
        results.fail(damage, problem)
    if lost and outcome == "salvaged":
        results.bug("believed", damage, f"lost {sorted(lost)}")
        return "known bug"
    if lost:
        results.fail(damage, f"lost {sorted(lost)} ({outcome})")
    return outcome


@pytest.fixture(scope="module")
def records_results(root, immutable) -> Results:
    return lasting_results(RECORDS, root, immutable)


@pytest.fixture(scope="module")
def seen_results(root, immutable) -> Results:
    return lasting_results(SEEN, root, immutable)


@pytest.mark.parametrize("which", ["records", "seen"])
def test_no_ending_reached_or_line_read_in_the_last_good_copy_is_lost(which, request) -> None:
    results = request.getfixturevalue(f"{which}_results")
    assert not results.failures, results.shown()
    assert results.outcomes["set aside"] and results.outcomes["left alone"]


BELIEVED = ("Records.load and SeenLines.load believe a damaged file that still parses as JSON over the last "
            "good copy: when 'endings' (or 'seen') is not a list, is missing, holds another type, or a flipped "
            "byte changes an ending's id or the key, what the .bak held is dropped, and the next save writes the "
            "damaged content over the .bak, so it is gone for good")


@pytest.mark.parametrize("which", ["records", "seen"])
def test_a_damaged_file_that_still_parses_loses_nothing_of_the_last_good_copy(which, request) -> None:
    results = request.getfixturevalue(f"{which}_results")
    assert not results.known.get("believed"), "\n".join(results.known["believed"][:10])


# --------------------------------------------------------------------------- save slots and the Save/Load screen

@pytest.fixture(scope="module")
def good_save(story, root) -> bytes:
    """A slot as the window writes it: twelve lines into Provence, past a menu, with a trail, a history and a
    picture."""
    runner, timeline, lines = Runner.new(story, "provence"), Timeline(), []
    while len(lines) < 12 or not runner.checkpoint.choices:
        event = runner.advance()
        if isinstance(event, (Line, Menu)):
            timeline.record(runner.checkpoint, event)
        if isinstance(event, Line):
            lines.append(event)
        elif isinstance(event, Menu):
            runner.choose(0)
            timeline.chose(0, event.options[0].text, runner.state.choices[-1][1])
    picture, png = pygame.Surface((32, 18)), io.BytesIO()
    picture.fill((200, 120, 60))
    pygame.image.save(picture, png, "thumb.png")
    slots = SaveSlots(root / "save-good", story)
    slots.write("slot-01", runner.checkpoint, lines[-1].text, png.getvalue(), timeline.log(),
                now=datetime(2026, 5, 1, 12, 0), trail=timeline.trail())
    raw = slots.path("slot-01").read_bytes()
    assert json.loads(raw)["state"]["at"]["states"] and json.loads(raw)["state"]["choices"]
    return raw


def body(data: Any) -> Any:
    return {k: v for k, v in data.items() if k != "checksum"} if isinstance(data, dict) else data


@pytest.fixture(scope="module")
def save_results(story, root, immutable, good_save) -> Results:
    started = time.perf_counter()
    data = json.loads(good_save)
    original = data["checksum"]

    def redo_checksum(text: str) -> str:
        """As an editor that knows the format would: the checksum made again for the edited content."""
        try:
            return text.replace(json.dumps(original), json.dumps(checksum(json.loads(text))), 1)
        except (ValueError, RecursionError, UnicodeError):
            return text
    every = damages(data, SEED, flips=250, finish=redo_checksum, paths=field_paths(data, depth=6),
                    deep_paths=field_paths(data, depth=2), stale=True, near_limit=("log",))
    app = make_app(story)
    results = Results("saves/slot-01.json")
    with pytest.MonkeyPatch.context() as patch:
        for n, damage in enumerate(every):
            folder = case_folder(root / "saves", n)
            (folder / "slot-02.json").write_bytes(good_save)
            os.utime(folder / "slot-02.json", (1e9, 1e9))      # older than the damaged slot-01
            outcome = check_save(app, story, damage, folder, original, body(data), patch, immutable, results)
            results.count(damage, outcome)
    app.audio.close()
    results.seconds = time.perf_counter() - started
    return results


def check_save(app, story, damage: Damage, folder: Path, original: str, good_body: Any, patch, immutable: bool,
               results: Results) -> str:
    path, slots = folder / "slot-01.json", SaveSlots(folder, story)
    problems: list[str] = []

    def read() -> tuple[Any, str, Optional[str]]:
        info = slots.info("slot-01")
        try:
            state = slots.load("slot-01").state
            runner = Runner(story, state)
            if runner.status == "ready":
                runner.advance()
            played = "playable"
        except SaveError as exc:
            played = "refused"
            if "\n" in str(exc) or not exc.reason:
                problems.append(f"refused without one plain line: {str(exc)!r}")
        return info, played, slots.newest()
    try:
        with placed(damage, path, patch, immutable):
            info, outcome, newest = in_time(damage, read)
            if info is None:
                outcome = "empty"
                if damage.special not in ("dangling symlink", "symlink loop"):   # a link to nothing: empty
                    problems.append("a damaged slot shows as empty")
            elif info.usable != (outcome == "playable"):
                problems.append(f"the slot shows {'usable' if info.usable else info.error!r}, yet it is {outcome}")
            parses, parsed = strict_json(damage.raw)
            if (parses and isinstance(parsed, dict) and parsed.get("checksum") == original
                    and body(parsed) != good_body and outcome == "playable"):
                problems.append("its content no longer matches its checksum, yet it plays")
            want = "slot-01" if outcome == "playable" else None if damage.special == "unreadable!" else "slot-02"
            if newest != want:
                problems.append(f"Continue picks {newest}, not {want}")
            # the screen reads the file deeper down the stack: nesting near the limit may go either way there
            problems += drive_save_load(app, slots, info, None if damage.near_limit else outcome, path)
    except Exception as exc:  # noqa: BLE001 - every damage must end cleanly; say which did not
        return caught(results, damage, exc)
    finally:
        app.stack = []
    for problem in problems:
        results.fail(damage, problem)
    return outcome


def drive_save_load(app, slots: SaveSlots, info, outcome: Optional[str], path: Path) -> list[str]:
    """The Load screen over the folder: drawn, Delete then No, Return (plays or does nothing), then Delete, Yes.
    outcome: what Return must do (playable: play on; else nothing), None if either will do."""
    app.slots = slots
    app.stack = [app.make("saves", "load")]
    app.step(0, force=True)
    for k in (pygame.K_DELETE, pygame.K_RETURN, pygame.K_RETURN):   # the confirm's default is No
        app.handle(key(k))
    top = type(app.stack[-1]).__name__
    if outcome is not None and top != ("PlayScreen" if outcome == "playable" else "SaveLoad"):
        return [f"Return on a slot that is {outcome} led to {top}"]
    if top == "PlayScreen":
        app.step(0.05, force=True)
        return []
    for k in (pygame.K_DELETE, pygame.K_LEFT, pygame.K_RETURN):      # Delete, then Yes
        app.handle(key(k))
    app.step(0, force=True)
    if info is not None and os.path.lexists(path):
        screen = app.stack[-1]
        if getattr(screen, "message", "") != "The system would not let it be deleted":   # immutable: say so
            return [f"the damaged slot was not deleted, and the screen did not say why: {thing_at(path)} is still there"]
    return []


def test_damaged_saves_show_why_or_play_and_never_break_the_save_load_screen(save_results) -> None:
    assert not save_results.failures, save_results.shown()
    assert save_results.outcomes["refused"] and save_results.outcomes["playable"]


def test_a_damaged_slot_that_is_a_folder_can_be_deleted_from_the_save_load_screen(story, tmp_path) -> None:
    app = make_app(story)
    app.slots = SaveSlots(tmp_path, story)
    (tmp_path / "slot-01.json").mkdir()
    app.stack = [app.make("saves", "load")]
    try:
        for k in (pygame.K_DELETE, pygame.K_LEFT, pygame.K_RETURN):
            app.handle(key(k))
        app.step(0, force=True)
        assert type(app.stack[-1]).__name__ == "SaveLoad"
    finally:
        app.audio.close()


def test_a_save_nested_just_short_of_the_recursion_limit_is_refused(story, tmp_path) -> None:
    slots, limit = SaveSlots(tmp_path, story), sys.getrecursionlimit()
    for depth in range(limit - 300, limit + 1):
        nested = "[" * depth + "]" * depth
        slots.path("slot-01").write_text('{"format": "under-the-same-stars/save", "version": 1, "checksum": "x", '
                                         f'"log": {nested}}}', "utf-8")
        info = slots.info("slot-01")
        assert info is not None and not info.usable, depth


# --------------------------------------------------------------------------- all of them, and the window

def test_over_a_thousand_damages_each_with_a_clean_outcome(settings_results, records_results, seen_results,
                                                           save_results, capsys) -> None:
    every = (settings_results, records_results, seen_results, save_results)
    with capsys.disabled():
        print()
        for results in every:
            print(f"damaged files: {results.report()}")
    assert sum(r.total for r in every) >= 1000
    for results in every:
        assert set(results.kinds) == set(KINDS), results.report()


def damage_all_three(story) -> tuple[Path, Path]:
    """Good settings, records and seen lines with their .bak, then each file cut short, as a crash would leave it."""
    from game.paths import config_dir, story_data_dir
    folder = story_data_dir(story.title, story.root, default_root())
    settings = Settings.load()
    records, seen = Records.load(folder / "records.json"), SeenLines.load(folder / "seen.json")
    for ending, line in (("vineyard.found", "a/1"), ("paris.friends", "b/2")):
        settings.text_speed += 10
        settings.save()
        records.reached(ending, ending.split(".")[0])
        records.save()
        seen.ids.add(line)
        seen.save()
    for path in (config_dir() / "settings.json", folder / "records.json", folder / "seen.json"):
        path.write_bytes(path.read_bytes()[:-4])
    return config_dir(), folder


def start_the_game(story, monkeypatch) -> tuple[Any, Path, Path]:
    """The real App, headless, run through its main loop until the first frame is on screen, then closed."""
    from game.ui.app import App
    config, folder = damage_all_three(story)
    monkeypatch.setenv("UTSS_EXIT_AFTER_FIRST_FRAME", "1")
    app = App(story, headless=True, audio=False)
    assert app.run(app.make("title")) == 0
    return app, config, folder


def test_the_game_starts_with_all_three_player_files_damaged_and_says_so(story, monkeypatch) -> None:
    app, config, folder = start_the_game(story, monkeypatch)
    notice = app.stack[-1]
    assert type(notice).__name__ == "Notice" and notice.title == "About your saved data"
    assert "settings file" in " ".join(notice.lines)
    for name, where in (("settings.json", config), ("records.json", folder), ("seen.json", folder)):
        assert len(list(where.glob(f"{name}.bad-*"))) == 1, name
    assert app.settings.text_speed == Settings().text_speed + 10      # the last good copy, not the defaults
    assert app.records.endings == ["vineyard.found"] and app.seen.ids == {"a/1"}
    assert Settings.load(config / "settings.json") == app.settings    # written again on closing


def test_the_notice_names_all_three_damaged_player_files(story, monkeypatch) -> None:
    app, _, _ = start_the_game(story, monkeypatch)
    shown = " ".join(app.stack[-1].lines)
    for what in ("settings file", "record of endings reached", "record of lines read"):
        assert what in shown, f"{what!r} is not in the notice: {shown!r}"


def test_two_damaged_files_set_aside_in_one_second_are_both_kept(tmp_path) -> None:
    path = tmp_path / "settings.json"
    for text in ('{"text_speed": 1', '{"text_speed": 2'):
        path.write_text(text, "utf-8")
        PlayerFile(path, "the settings file").read()
    kept = sorted(p.read_text("utf-8") for p in tmp_path.glob("settings.json.bad-*"))
    assert kept == ['{"text_speed": 1', '{"text_speed": 2']
