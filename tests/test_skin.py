"""The interface skin (assets/ui/, from tools/make_ui.py): stretched without blur, tinted exactly, never fatal."""
from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.ui import theme
from game.ui.skin import CORNER, FOLDER, PANEL_RULE, Skin, nine_slice

ROOT = Path(__file__).resolve().parents[1]
PIECES = ("panel_fill", "panel_rule", "panel_rule_plain", "button_idle", "button_hover", "button_disabled",
          "cursor_continue", "cursor_focus", "cursor_more", "title_flourish")


def colour(surface: pygame.Surface, pos: tuple[int, int]) -> tuple[int, int, int]:
    return tuple(surface.get_at(pos))[:3]


def test_every_piece_is_shipped_and_loads() -> None:
    skin = Skin()
    for name in PIECES:
        assert skin.piece(name) is not None, name


def test_nine_slice_keeps_corners_and_stretches_edges_along_their_length() -> None:
    source = pygame.Surface((64, 64), pygame.SRCALPHA)
    source.fill((255, 0, 0, 255), pygame.Rect(0, 0, CORNER, CORNER))        # top-left corner red
    source.fill((0, 0, 255, 255), pygame.Rect(CORNER, 0, 64 - 2 * CORNER, 2))  # top edge's rule blue
    out = nine_slice(source, (500, 90))
    assert out.get_size() == (500, 90)
    assert colour(out, (0, 0)) == colour(out, (CORNER - 1, CORNER - 1)) == (255, 0, 0)
    assert colour(out, (CORNER, 0)) == colour(out, (480 - 1, 1)) == (0, 0, 255)   # the rule stays 2 px
    assert out.get_at((250, 2)).a == 0
    small = nine_slice(source, (30, 24))                                        # smaller than two corners
    assert small.get_size() == (30, 24)


def test_panels_carry_the_rule_colour_exactly_and_the_asked_alpha() -> None:
    skin = Skin()
    plate = skin.panel((200, 46), alpha=245, rule=(217, 140, 95))
    assert colour(plate, (100, 0)) == colour(plate, (100, 45)) == (217, 140, 95)
    assert plate.get_at((100, 23)) == pygame.Color(*theme.INK, 245)
    box = skin.panel((1160, 196))
    assert colour(box, (600, 195)) == PANEL_RULE and box.get_at((600, 100)).a == theme.INK_ALPHA
    assert skin.panel((1160, 196)) is box                                      # made once per look and size


@pytest.mark.parametrize("state, rule", [("idle", (110, 96, 82)), ("hover", theme.GOLD),
                                         ("disabled", (70, 64, 62))])
def test_button_states_have_their_own_rule(state: str, rule: tuple[int, int, int]) -> None:
    button = Skin().button((800, 60), state)
    assert colour(button, (0, 30)) == colour(button, (1, 30)) == rule
    # the middle is even: the varnish fades out inside the top corner band
    assert button.get_at((400, 25)) == button.get_at((400, 45))


def test_a_missing_skin_is_drawn_plainly_with_a_note(tmp_path, caplog) -> None:
    skin = Skin(tmp_path)
    with caplog.at_level(logging.WARNING):
        box = skin.panel((300, 120))
        button = skin.button((300, 52), "hover")
        canvas = pygame.Surface((40, 40))
        skin.mark(canvas, "cursor_continue", (20, 20))
    assert colour(box, (150, 0)) == PANEL_RULE and colour(button, (150, 0)) == theme.GOLD
    assert colour(canvas, (20, 20)) == theme.GOLD
    assert "make_ui.py" in caplog.text


def test_the_generator_rewrites_the_shipped_pictures_byte_for_byte(tmp_path) -> None:
    done = subprocess.run([sys.executable, "tools/make_ui.py", str(tmp_path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for name in PIECES:
        assert (tmp_path / f"{name}.png").read_bytes() == (FOLDER / f"{name}.png").read_bytes(), name
