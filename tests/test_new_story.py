"""`python -m game new DIR`: the starter pack lints clean, plays to both endings, passes its own playthroughs,
shows pictures made by code, and is only ever written into a new or empty folder."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from game.cli import main
from game.newstory import SCHEMA_HEADER, new_story
from game.story import Runner, StoryError, load_story
from game.story.model import MenuOp
from game.story.playtests import playthrough_files, run_playthrough, unreached_lines
from game.story.playthrough import play


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    new_story(tmp_path / "pack")
    return tmp_path / "pack"


def test_the_pack_lints_clean_and_every_way_through_it_ends(pack: Path) -> None:
    story = load_story(pack)
    assert len(story.routes) == 1 and 2 <= len(story.scenes) <= 3 and len(story.endings) == 2
    assert story.meters and any(isinstance(op, MenuOp) for s in story.scenes.values() for op in s.ops)
    endings = set()
    for first in (1, 2, 3):
        for second in (1, 2, 3):
            if second == 3 and first != 3:  # asking on the stairs needs the courage that asking on the quay gives
                with pytest.raises(StoryError, match="is shown but not available"):
                    play(story, Runner.new(story, "harbour"), [first, second])
                continue
            result = play(story, Runner.new(story, "harbour"), [first, second])
            assert result.stopped == "ending"
            endings.add(result.ending)
    assert endings == set(story.endings)


def test_the_pack_passes_its_own_playthroughs_and_they_reach_every_line(pack: Path) -> None:
    story = load_story(pack)
    files = playthrough_files(pack)
    assert len(files) >= 2
    results = [run_playthrough(story, path) for path in files]
    assert all(r.ok for r in results), [str(p) for r in results for p in r.failures]
    assert {r.ending for r in results} == set(story.endings)
    assert unreached_lines(story, set().union(*(r.seen for r in results))) == []


def test_the_pack_plays_from_the_command_line(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--story", str(pack), "--route", "harbour", "--choose", "1,1"]) == 0
    out = capsys.readouterr().out
    assert "THE KEEPER (smiling): Honest." in out and "*** ENDING: The Lamp Is Lit ***" in out


def test_every_picture_the_pack_shows_is_in_it(pack: Path) -> None:
    import pygame
    story = load_story(pack)
    shown = [story.assets[key] for key in story.assets]
    assert any("backgrounds/" in key for key in story.assets) and any("characters/" in key for key in story.assets)
    for path in shown:
        assert Path(path).is_relative_to(pack) and Path(path).stat().st_size > 0
    background = pygame.image.load(str(pack / "assets" / "backgrounds" / "harbour_night.png"))
    assert background.get_size() == (1280, 720)
    sprite = pygame.image.load(str(pack / "assets" / "characters" / "keeper" / "smiling.png"))
    assert sprite.get_size() == (460, 640)
    assert sprite.get_at((0, 0)).a == 0 and sprite.get_at((230, 500)).a == 255  # a figure on clear ground
    neutral = pygame.image.load(str(pack / "assets" / "characters" / "keeper" / "neutral.png"))
    assert pygame.image.tobytes(neutral, "RGBA") != pygame.image.tobytes(sprite, "RGBA")


def test_each_story_file_names_its_schema_in_its_first_line(pack: Path) -> None:
    expected = {"scenes/story.yaml": "story.schema.json", "scenes/harbour/story.yaml": "story-part.schema.json",
                "scenes/harbour/quay.yaml": "scene.schema.json", "scenes/harbour/stairs.yaml": "scene.schema.json",
                **{f"tests/playthroughs/{name}.yaml": "playthrough.schema.json"
                   for name in ("asked", "climbed", "dark", "lit")}}
    found = {}
    for path in sorted(pack.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith(SCHEMA_HEADER), path
        schema = Path(unquote(urlparse(first[len(SCHEMA_HEADER):]).path))
        assert schema.is_file()
        found[path.relative_to(pack).as_posix()] = schema.name
    assert found == expected


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["new", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{folder}: the folder is not empty") and "choose another name" in err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_new_refuses_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.txt"
    path.write_text("x", encoding="utf-8")
    assert main(["new", str(path)]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "x"


def test_new_fills_an_empty_folder_and_says_what_next(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    assert main(["new", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"python -m game test --story {folder}" in out and "docs/authoring.md" in out
    assert (folder / "scenes" / "story.yaml").is_file()
    story = load_story(folder)
    assert play(story, Runner.new(story, "harbour"), [2, 2]).ending == "harbour.dark"
