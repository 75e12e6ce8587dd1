"""Every playthrough file under tests/playthroughs/ played on the real story: choices in, ending and meters out."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.story import Line, Runner, load_story
from game.story.playthrough import play
from game.story.state import check_past

HERE = Path(__file__).parent / "playthroughs"
FILES = sorted(HERE.glob("*.yaml"))


@pytest.fixture(scope="module")
def story():
    return load_story()


def _as_text(line: Line) -> str:
    return f"{line.speaker}: {line.text}" if line.speaker else line.text


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_playthrough(story, path: Path) -> None:
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    # ended: each route's latest ending as the player's records would give it (what ended() reads)
    result = play(story, Runner.new(story, plan["route"], check_past(story, plan.get("ended", []))), plan["choose"])
    assert result.stopped == plan.get("stopped", "ending"), f"{path.name}: stopped at a {result.stopped}"
    assert result.ending == plan.get("ending")
    for meter, value in plan.get("meters", {}).items():
        assert result.runner.state.meters[meter] == value, f"{path.name}: meter {meter}"
    for flag, value in plan.get("flags", {}).items():
        assert result.runner.state.flags.get(flag, False) == value, f"{path.name}: flag {flag}"
    shown = [_as_text(line) for line in result.lines()]
    position = 0
    for expected in plan.get("lines", []):
        assert expected in shown[position:], f"{path.name}: line not shown (in this order): {expected}"
        position = shown.index(expected, position) + 1


def test_every_ending_has_a_playthrough(story) -> None:
    covered = {yaml.safe_load(p.read_text(encoding="utf-8")).get("ending") for p in FILES}
    assert set(story.endings) <= covered, f"endings without a playthrough: {set(story.endings) - covered}"
