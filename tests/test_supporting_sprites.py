"""Irina in Berlin, the man in the grey coat in Paris and Frank Halloran (in Berlin at thirty, in the lane at
sixty-four) are shown while they speak, never two people on one place, from sprite sets that are whole.

The scenes are walked every way through their menus by the same Runner walker as the Berlin flashbacks'.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.story import load_story
from test_young_sprites import assert_whole_pictures, every_way_through, shown_as

ROOT = Path(__file__).resolve().parent.parent
SUPPORTING = {"irina": ("provence.berlin_street",), "grey_coat": ("paris.grey_coat", "paris.terrace"),   # who: the scenes
              "halloran": ("provence.berlin", "provence.last")}                                         # they speak in
SCENES = {"provence.berlin_street": "provence", "paris.grey_coat": "paris", "paris.terrace": "paris",    # scene: the route
          "provence.berlin": "provence", "provence.last": "provence"}                                    # it is in
MOMENT = {"provence.last": {"danger": 7}}   # the meters a scene needs for them to come: Frank comes up the lane
EXPRESSIONS = {"neutral", "guarded", "sad", "surprised", "smiling"}


@pytest.fixture(scope="module")
def story():
    return load_story()


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_every_speaker_is_on_stage_and_nobody_shares_a_place(story, scene):
    spoken = Counter()
    for choices, line, on_stage in every_way_through(story, scene, SCENES[scene], MOMENT.get(scene)):
        places = Counter(place for place in on_stage.values())
        crowded = [place for place, n in places.items() if n > 1]
        assert not crowded, f"{scene} (answers {list(choices)}) at {line.text!r}: two on {crowded}: {on_stage}"
        if line.speaker is None or not shown_as(story, line.speaker):
            continue
        spoken[line.speaker] += 1
        assert shown_as(story, line.speaker) & on_stage.keys(), (
            f"{scene} (answers {list(choices)}): {line.speaker} says {line.text!r} "
            f"while the stage shows only {sorted(on_stage) or 'nobody'}")
    for who, scenes in SUPPORTING.items():
        if scene in scenes:
            assert spoken[who], f"{scene}: {who} never speaks"


def test_the_supporting_characters_can_be_shown(story):
    for who in SUPPORTING:
        assert story.characters[who].sprites == who
        assert EXPRESSIONS <= set(story.characters[who].expressions)


@pytest.mark.parametrize("who", sorted(SUPPORTING))
def test_supporting_sprite_sets_are_whole(who):
    folder = ROOT / "assets" / "characters" / who
    assert EXPRESSIONS <= {p.stem for p in folder.glob("*.png")}
    assert_whole_pictures(folder)
