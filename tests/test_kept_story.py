"""The window's start reads the checked story from the cache folder (game/story/kept.py) only while it matches."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from game.story import StoryError, load_story
from game.story.kept import load_kept
from game.story.loader import default_root
from game.story.playthrough import play
from game.story.runner import Runner
from storyfixtures import ASSETS, MANIFEST

SCENE = """\
steps:
  - Morning.
  - ending: plain
"""


class Counting:
    """load_story, counting the times the story was read from its files."""

    def __init__(self):
        self.reads = 0

    def __call__(self, root):
        self.reads += 1
        return load_story(root)


def test_the_games_story_kept_is_the_story_read(tmp_path) -> None:
    load = Counting()
    fresh = load_kept(default_root(), tmp_path, load)
    kept = load_kept(default_root(), tmp_path, load)
    assert load.reads == 1 and kept is not fresh
    assert kept == fresh and kept.scenes == fresh.scenes and kept.endings == fresh.endings
    for route in fresh.routes:
        for seed in range(5):
            past = frozenset(e.id for e in fresh.endings.values() if e.id.endswith(".found"))
            a = play(fresh, Runner.new(fresh, route, past), seed=seed)
            b = play(kept, Runner.new(kept, route, past), seed=seed)
            assert a.events == b.events and a.ending == b.ending


def test_a_changed_scene_is_read_again(story_dir, tmp_path) -> None:
    root = story_dir(MANIFEST, {"a.yaml": SCENE}, ASSETS)
    load = Counting()
    load_kept(root, tmp_path / "cache", load)
    scene = root / "scenes" / "a.yaml"
    scene.write_text(SCENE.replace("Morning.", "Evening, a longer line."), encoding="utf-8")
    later = time.time() + 5
    os.utime(scene, (later, later))   # a new size and a new time, as an editor's save gives
    story = load_kept(root, tmp_path / "cache", load)
    assert load.reads == 2
    assert "Evening, a longer line." in [line.text for line in play(story, Runner.new(story, "main")).lines()]
    assert len(list((tmp_path / "cache").glob("story-*.json"))) == 1   # the old one is gone


def test_a_new_asset_is_seen(story_dir, tmp_path) -> None:
    root = story_dir(MANIFEST, {"a.yaml": SCENE}, ASSETS)
    load = Counting()
    assert "backgrounds/dusk" not in load_kept(root, tmp_path, load).assets
    (root / "assets" / "backgrounds" / "dusk.png").write_bytes(b"")
    assert "backgrounds/dusk" in load_kept(root, tmp_path, load).assets and load.reads == 2


@pytest.mark.parametrize("damage", [b"", b"not JSON", b"\x80\x05garbage", b'{"$": "tuple"}', None])
def test_a_damaged_kept_file_is_read_past_and_replaced(story_dir, tmp_path, damage) -> None:
    root = story_dir(MANIFEST, {"a.yaml": SCENE}, ASSETS)
    load = Counting()
    first = load_kept(root, tmp_path, load)
    [kept] = tmp_path.glob("story-*.json")
    if damage is None:
        kept.write_bytes(kept.read_bytes()[: len(kept.read_bytes()) // 2])   # cut off half-way
    else:
        kept.write_bytes(damage)
    again = load_kept(root, tmp_path, load)
    assert load.reads == 2 and again == first
    assert load_kept(root, tmp_path, load) == first and load.reads == 2     # kept again, whole


def test_a_story_with_problems_is_never_kept(story_dir, tmp_path) -> None:
    root = story_dir(MANIFEST, {"a.yaml": "steps:\n  - goto: nowhere\n"}, ASSETS)
    with pytest.raises(StoryError):
        load_kept(root, tmp_path, load_story)
    assert not list(Path(tmp_path).glob("story-*"))


def test_an_unwritable_cache_folder_only_costs_the_time(story_dir, tmp_path) -> None:
    root = story_dir(MANIFEST, {"a.yaml": SCENE}, ASSETS)
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    assert load_kept(root, blocked / "story", load_story).title


PLANTED = ['{"$": "system", "f": ["echo planted"]}',          # names that are not the story model's
           '{"$": "Path", "f": ["/etc/passwd"]}', '{"$": "__class__", "f": []}',
           '{"$": "Story", "f": [{"$": "os.system", "f": ["echo planted"]}]}']


@pytest.mark.parametrize("planted", PLANTED)
def test_a_kept_file_naming_anything_but_the_story_model_is_refused_and_replaced(story_dir, tmp_path,
                                                                                  planted) -> None:
    root = story_dir(MANIFEST, {"a.yaml": SCENE}, ASSETS)
    load = Counting()
    first = load_kept(root, tmp_path, load)
    [kept] = tmp_path.glob("story-*.json")
    kept.write_text(planted, encoding="utf-8")
    assert load_kept(root, tmp_path, load) == first and load.reads == 2    # refused: read from the files
    assert load_kept(root, tmp_path, load) == first and load.reads == 2    # and kept again, whole
