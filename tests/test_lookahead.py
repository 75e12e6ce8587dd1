"""upcoming(): the assets the next ops may ask for, read from the story without playing it."""
from __future__ import annotations

import pytest

from game.story import Line, Menu, Runner, Stage, State, load_story
from game.story.lookahead import Need, upcoming
from storyfixtures import MANIFEST

ASSETS = ("backgrounds/bg.png", "backgrounds/night.jpg", "backgrounds/dawn.png", "backgrounds/rain.png",
          "backgrounds/far.png", "characters/sophie/neutral.png", "characters/sophie/happy.png",
          "music/theme.ogg", "music/storm.ogg", "ambience/wind.ogg", "sounds/knock.wav")

A = """\
background: bg
music: theme
steps:
  - show: sophie happy at left
  - sophie: Hello.
  - if: trust > 3
    then:
      - background: dawn
      - Dawn.
  - else:
      - background: rain
      - Rain.
  - choice:
      - text: Hidden unless danger.
        if: danger > 0
        then:
          - music: storm
          - Storm.
        goto: b
      - text: Stay.
        then:
          - sound: knock
          - Knock.
        goto: b
"""
B = """\
background: night
ambience: wind
steps:
  - Night.
  - goto: c
"""
C = """\
background: far
steps:
  - Far.
  - ending: plain
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(MANIFEST, {"a.yaml": A, "b.yaml": B, "c.yaml": C}, ASSETS))


def kinds(needs: tuple[Need, ...], kind: str) -> list[str]:
    return [n.name for n in needs if n.kind == kind]


def test_from_the_start_nearest_first_both_sides_of_a_condition_and_every_option(story) -> None:
    needs = upcoming(story, State.start(story, "main"))
    assert kinds(needs, "background")[0] == "bg" and set(kinds(needs, "background")) == \
        {"bg", "dawn", "rain", "night", "far"}
    assert kinds(needs, "background").index("night") > kinds(needs, "background").index("rain")
    assert kinds(needs, "music") == ["theme", "storm"]          # the hidden option's music too
    assert kinds(needs, "sound") == ["knock"]
    assert kinds(needs, "ambience") == ["wind"]
    assert Need("sprite", "sophie", "happy", needs[[n.kind for n in needs].index("sprite")].distance) in needs
    distances = [n.distance for n in needs]
    assert distances == sorted(distances)
    assert len({(n.kind, n.name, n.expression) for n in needs}) == len(needs)  # each asset once


def test_the_bounds_on_scenes_and_ops(story) -> None:
    start = State.start(story, "main")
    assert set(kinds(upcoming(story, start, scenes=0), "background")) == {"bg", "dawn", "rain"}
    assert set(kinds(upcoming(story, start, scenes=1), "background")) == {"bg", "dawn", "rain", "night"}
    assert kinds(upcoming(story, start, ops=2), "background") == ["bg"]
    assert upcoming(story, start, ops=0) == ()


def test_from_a_menu_and_after_the_end(story) -> None:
    runner = Runner.new(story, "main")
    while not isinstance(runner.advance(), Menu):
        pass
    needs = upcoming(story, runner.state)
    assert kinds(needs, "background") == ["night", "far"]        # what is behind is not listed
    assert set(kinds(needs, "music")) == {"storm"}
    runner.choose(0)
    while runner.status != "ended":
        runner.advance() if runner.status == "ready" else runner.choose(0)
    assert upcoming(story, runner.state) == ()


def test_the_state_is_only_read(story) -> None:
    state = State.start(story, "main")
    before = state.to_json()
    upcoming(story, state)
    assert state.to_json() == before


PAST = """\
steps:
  - if: ended(plain)
    then:
      - background: dawn
  - elif: ended(good)
    then:
      - background: night
  - else:
      - background: rain
  - if: ended(plain) and trust > 3
    then:
      - music: storm
  - ending: plain
"""


@pytest.mark.parametrize("past, backgrounds", [((), {"rain"}), (("plain",), {"dawn"}), (("good",), {"night"})])
def test_a_condition_of_ended_alone_is_followed_only_where_the_past_leads(story_dir, past, backgrounds) -> None:
    """The past is fixed for a playthrough, so only the side it takes is prepared; a condition that also reads a
    meter is followed both ways."""
    story = load_story(story_dir(MANIFEST, {"a.yaml": PAST}, ASSETS))
    needs = upcoming(story, State.start(story, "main", past))
    assert set(kinds(needs, "background")) == backgrounds
    assert kinds(needs, "music") == ["storm"]


@pytest.mark.parametrize("pick", ["first", "last"])
def test_on_the_games_story_every_background_and_music_asked_for_soon_was_listed(pick) -> None:
    """At every line of every route, the next background or music the runner shows within a scene change
    was in the list made at that line."""
    story = load_story()
    for route in story.routes:
        runner = Runner.new(story, route)
        pending: list[set[str]] = []   # what was listed at each line since the last change
        checked = 0
        while runner.status != "ended":
            if runner.status == "menu":
                options = runner.current_menu().options
                open_ = [i for i, o in enumerate(options) if o.available]
                runner.choose(open_[0] if pick == "first" else open_[-1])
                continue
            event = runner.advance()
            if isinstance(event, Stage) and event.kind in ("scene", "background", "music") and event.name:
                for listed in pending:
                    assert event.name in listed, (route, runner.state.scene, event)
                    checked += 1
                pending = []
            if isinstance(event, (Line, Menu)):
                needs = upcoming(story, runner.state)
                pending.append({n.name for n in needs if n.kind in ("background", "music")})
        assert checked > 0
