"""An idle window does only what changes the picture: a map says when its next frame is due, a still screen is
not stepped before then, and a redraw under a twinkling star draws only what lies under it."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.ui.backgrounds import load_background
from game.ui.tiled import read_tmx
from mapfixtures import write_png

ROOT = Path(__file__).resolve().parents[1]
STARS = ROOT / "assets" / "backgrounds" / "vineyard_stars.tmx"


@pytest.fixture(scope="module", autouse=True)
def display(dummy_display):
    """Maps are converted for the display: the shared dummy display (conftest.py)."""


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


# ---------------------------------------------------------------- a map knows when its next frame is due


def test_a_map_changes_exactly_when_it_says_its_next_frame_is_due() -> None:
    background = load_background(STARS)
    changes = 0
    for _ in range(40):
        due = background.due_in()
        assert 0 < due < 10
        assert background.update(due - 0.001) == []          # a millisecond early: nothing moves
        rects = background.update(0.001)
        changes += bool(rects)
        assert background.due_in() > 0
    assert changes >= 30    # some frames show the same picture as the one before: no rect for those


OVERLAPPING = """<?xml version="1.0" encoding="UTF-8"?>
<map version="1.10" orientation="orthogonal" renderorder="right-down" width="4" height="4"
     tilewidth="8" tileheight="8" infinite="0" nextlayerid="5" nextobjectid="1">
 <tileset firstgid="1" name="glass" tilewidth="8" tileheight="8" tilecount="2" columns="2">
  <image source="glass.png" width="16" height="8"/>
  <tile id="0"><animation><frame tileid="0" duration="100"/><frame tileid="1" duration="300"/></animation></tile>
  <tile id="1"><animation><frame tileid="1" duration="150"/><frame tileid="0" duration="150"/></animation></tile>
 </tileset>
 <imagelayer id="1" name="ground"><image source="green.png" width="32" height="32"/></imagelayer>
 <layer id="2" name="panes" width="4" height="4"><data encoding="csv">
0,0,0,0,
0,1,0,1,
0,0,0,0,
0,0,0,0
</data></layer>
 <imagelayer id="3" name="veil" opacity="0.5" offsetx="16"><image source="white.png" width="32" height="32"/></imagelayer>
 <layer id="4" name="more" width="4" height="4"><data encoding="csv">
0,0,0,0,
0,2,0,0,
0,0,0,0,
0,0,0,0
</data></layer>
</map>
"""


def tiled_frame(durations: list[int], ms: int) -> int:
    """Tiled's rule: a frame stays until strictly more than its duration has passed."""
    total = sum(durations)
    into = (ms - 1) % total + 1 if ms > 0 else 0
    end = 0
    for index, duration in enumerate(durations):
        end += duration
        if into <= end:
            return index
    return 0


def one_by_one(path: Path, ms: int) -> pygame.Surface:
    """The map drawn the slow way at `ms`: each layer's pictures and tiles' current frames, premultiplied."""
    tile_map = read_tmx(path)
    picture = pygame.Surface(tile_map.size, 0, 32)
    picture.fill(tile_map.background)
    for layer in tile_map.layers:
        drawn = list(layer.sprites) + [(tile.frames[tiled_frame([d for _, d in tile.frames], ms)][0], tile.pos)
                                       for tile in layer.animated]
        for surface, pos in drawn:
            flat = pygame.Surface(surface.get_size(), pygame.SRCALPHA, 32)
            flat.blit(surface, (0, 0))
            flat = flat.premul_alpha()
            if layer.opacity < 1:
                alpha = round(layer.opacity * 255)
                flat.fill((alpha,) * 4, special_flags=pygame.BLEND_RGBA_MULT)
            picture.blit(flat, pos, special_flags=pygame.BLEND_PREMULTIPLIED)
    return picture


def test_tiles_alone_and_tiles_over_one_another_are_redrawn_as_their_layers_drawn_one_by_one(tmp_path) -> None:
    """A pane on its own is redrawn from its baked frames; two panes in one cell, on two clocks, with a veil
    between the layers, are composed again: either way the picture is the map's at that moment."""
    write_png(tmp_path / "glass.png", 16, 8, lambda x, y: (255, 0, 0, 128) if x < 8 else (0, 0, 255, 128))
    write_png(tmp_path / "green.png", 32, 32, lambda x, y: (0, 255, 0, 255))
    write_png(tmp_path / "white.png", 32, 32, lambda x, y: (255, 255, 255, 255))
    (tmp_path / "panes.tmx").write_text(OVERLAPPING, encoding="utf-8")
    background = load_background(tmp_path / "panes.tmx", (32, 32))
    shown = pygame.Surface((32, 32))
    background.draw(shown)
    ms, redrawn = 0, set()
    for step in [40, 70, 1, 39, 60, 90, 200, 33, 17, 150, 301, 99] * 3:
        rects = background.update(step / 1000)
        ms += step
        background.draw(shown, rects)
        redrawn |= {tuple(rect) for rect in rects}
        expected = one_by_one(tmp_path / "panes.tmx", ms)
        difference = max(abs(a - b) for a, b in zip(pixels(shown), pixels(expected)))
        assert difference <= 2, ms
    assert redrawn == {(8, 8, 8, 8), (24, 8, 8, 8)}
