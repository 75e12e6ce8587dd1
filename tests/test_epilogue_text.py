"""An epilogue written as a `|` block reads the same in the window and in `play`'s transcript: a blank line
starts a paragraph, a single line break is a space."""
from __future__ import annotations

import pytest

from game.cli import main
from storyfixtures import ASSETS, MANIFEST

EPILOGUE = ("    epilogue: |\n      She left before it was light,\n      and left a card on the table.\n\n"
            "      It stayed there   through the harvest.\n")
LINES = ["She left before it was light, and left a card on the table.", "", "It stayed there through the harvest."]


@pytest.fixture
def story(story_dir):
    manifest = MANIFEST.replace("  plain: {title: Plain, route: main}\n",
                                "  plain:\n    title: Plain\n    route: main\n" + EPILOGUE)
    return story_dir(manifest, {"a.yaml": "steps:\n  - Hello.\n  - ending: plain\n"}, ASSETS)


def test_the_transcript_joins_single_line_breaks_and_keeps_paragraphs(story, capsys):
    assert main(["play", "--story", str(story), "--route", "main"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[out.index("*** ENDING: Plain ***") + 1:] == LINES


def test_the_ending_screen_shows_the_same_lines(story, dummy_display):
    import pygame

    from game.story import load_story
    from game.ui.text import fit_epilogue
    pygame.font.init()
    epilogue = load_story(story).endings["plain"].epilogue
    _, lines = fit_epilogue(epilogue, 2000, 1000)
    assert lines == LINES
