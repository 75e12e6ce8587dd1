"""The Berlin flashbacks show the young men: each one on stage while he speaks, from sprite sets that are whole.

The scenes are played with the game's own Runner, every way through their menus, and the stage is followed from
the Stage events it hands out, as the front end follows it.
"""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.story import Runner, load_story
from game.story.events import Line, Menu, SceneStart, Stage
from game.story.state import State

ROOT = Path(__file__).resolve().parent.parent
BERLIN = {"provence.berlin": "provence", "provence.berlin_street": "provence",   # scene: the route it is played in
          "epilogue.berlin": "epilogue", "epilogue.stairs": "epilogue", "epilogue.bridge": "epilogue"}
YOUNG = ("stephane_young", "vitaliy_young", "marco_young", "halloran_young")
EXPRESSIONS = {"neutral", "guarded", "thoughtful", "surprised", "sad"}
SIZE = (460, 640)


@pytest.fixture(scope="module")
def story():
    return load_story()


def walk(story, scene: str, route: str, choices: tuple[int, ...], meters: dict[str, int] | None = None):
    """Play one scene from its first step with these answers (from 0) to its menus, the meters set as given; yield
    each line with the characters on stage when it is shown (each with the place it stands on), then the menu that
    the answers ran out at, if any."""
    state = State.start(story, route)
    state.scene = scene
    state.meters.update(meters or {})
    runner = Runner(story, state)
    on_stage: dict[str, str | None] = {}
    answers = list(choices)
    while runner.status != "ended":   # a scene may end the story (paris.terrace leads to the endings)
        event = runner.advance()
        if isinstance(event, SceneStart) and event.scene != scene:
            return
        if isinstance(event, Stage):
            if event.kind == "scene":
                on_stage.clear()
            elif event.kind == "show":
                on_stage[event.name] = event.position or on_stage.get(event.name)
            elif event.kind == "hide":
                on_stage.pop(event.name, None)
        elif isinstance(event, Line):
            yield event, dict(on_stage)
        elif isinstance(event, Menu):
            if not answers:
                yield event, dict(on_stage)
                return
            runner.choose(answers.pop(0))


def every_way_through(story, scene: str, route: str, meters: dict[str, int] | None = None):
    """Every line of the scene on every path through its menus, with who is on stage at the time."""
    pending = [()]
    while pending:
        choices = pending.pop()
        for event, on_stage in walk(story, scene, route, choices, meters):
            if isinstance(event, Menu):
                pending.extend(choices + (i,) for i, option in enumerate(event.options) if option.available)
            else:
                yield choices, event, on_stage


def shown_as(story, speaker: str) -> set[str]:
    """Who stands for a speaker on stage: the character, or in a flashback the young man he was."""
    return {who for who in (speaker, f"{speaker}_young")
            if who in story.characters and story.characters[who].sprites}


@pytest.mark.parametrize("scene", sorted(BERLIN))
def test_every_berlin_speaker_with_sprites_is_on_stage_while_speaking(story, scene):
    spoken = 0
    for choices, line, on_stage in every_way_through(story, scene, BERLIN[scene]):
        if line.speaker is None:
            continue
        shown = shown_as(story, line.speaker)
        if not shown:
            continue   # a voice only: nobody to show
        spoken += 1
        assert shown & on_stage.keys(), (f"{scene} (answers {list(choices)}): {line.speaker} says {line.text!r} "
                                  f"while the stage shows only {sorted(on_stage) or 'nobody'}")
    assert spoken, f"{scene}: no line by anyone who can be shown"


def test_the_young_men_can_be_shown(story):
    for who in YOUNG:
        assert story.characters[who].sprites == who
        assert EXPRESSIONS <= set(story.characters[who].expressions)


@pytest.mark.parametrize("who", YOUNG)
def test_young_sprite_sets_are_whole(who):
    folder = ROOT / "assets" / "characters" / who
    assert EXPRESSIONS <= {p.stem for p in folder.glob("*.png")}
    old = {p.stem for p in (ROOT / "assets" / "characters" / who.removesuffix("_young")).glob("*.png")}
    assert {p.stem for p in folder.glob("*.png")} == old, "the young set has the same expressions as the older man"
    assert_whole_pictures(folder)


def assert_whole_pictures(folder: Path) -> None:
    """Every PNG in a sprite folder is 460x640 with alpha, clear at the top corners, standing on the bottom edge."""
    for path in sorted(folder.glob("*.png")):
        picture = pygame.image.load(str(path))
        assert picture.get_size() == SIZE, path.name
        assert picture.get_flags() & pygame.SRCALPHA, f"{path.name} has no alpha channel"
        w, h = SIZE
        assert picture.get_at((0, 0)).a == 0 and picture.get_at((w - 1, 0)).a == 0, f"{path.name}: corners"
        # Feet (or the coat's hem) on the bottom edge, where the stage stands them.
        assert any(picture.get_at((x, h - 1)).a == 255 for x in range(0, w, 4)), f"{path.name}: bottom edge"
