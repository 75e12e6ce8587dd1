"""Writes a small story folder whose one scene stands on an isometric Tiled map, drawn here tile by tile: the
example of docs/assets.md, and a map to try `python -m game shot` on.

    python tools/isometric_story.py OUT_DIR
    python -m game lint --story OUT_DIR
    python -m game shot --story OUT_DIR --route square --out square.png
"""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pygame

ROOT = Path(__file__).resolve().parents[1]
TILE = (64, 36)            # (20 + 20) tiles x 64/2 = 1280 wide, 40 x 36/2 = 720 high: 16:9, nothing cropped
SIZE = 20
TREE = (64, 96)
# gids: 1-4 ground tiles (grass, grass, cobbles, water); 5 a tree, taller than its cell
GRASS, GRASS2, COBBLES, WATER, TREE_GID = 1, 2, 3, 4, 5
COLOURS = {GRASS: (74, 120, 60), GRASS2: (86, 134, 66), COBBLES: (150, 138, 118), WATER: (52, 92, 150)}

MANIFEST = """\
title: A Square in Isometric
characters:
  sophie: {name: Sophie, color: "#c98a6b", sprites: sophie}
meters: {}
routes:
  square: {title: The Square, start: square, blurb: An isometric map as a background.}
endings:
  square.end: {title: Evening, route: square}
"""
SCENE = """\
background: village_square
steps:
  - The square was empty but for the trees around it.
  - show: sophie curious at in_the_square
  - sophie: The pond must freeze over in winter.
  - ending: best
"""


def diamond(surface: pygame.Surface, colour: tuple[int, int, int], x: int, rng: random.Random) -> None:
    w, h = TILE
    points = [(x + w // 2, 0), (x + w - 1, h // 2), (x + w // 2, h - 1), (x, h // 2)]
    pygame.draw.polygon(surface, colour, points)
    for _ in range(18):   # a little texture, inside the diamond
        u, v = rng.uniform(-0.8, 0.8), rng.uniform(-0.8, 0.8)
        if abs(u) + abs(v) < 0.8:
            shade = tuple(max(0, min(255, c + rng.randint(-18, 18))) for c in colour)
            surface.set_at((int(x + w / 2 + u * w / 2), int(h / 2 + v * h / 2)), shade)
    pygame.draw.lines(surface, tuple(c // 2 for c in colour), True, points)


def ground_sheet(path: Path) -> None:
    rng = random.Random(12)
    sheet = pygame.Surface((TILE[0] * 4, TILE[1]), pygame.SRCALPHA, 32)
    for gid, colour in COLOURS.items():
        diamond(sheet, colour, (gid - 1) * TILE[0], rng)
    pygame.image.save(sheet, str(path))


def tree_sheet(path: Path) -> None:
    w, h = TREE
    tree = pygame.Surface(TREE, pygame.SRCALPHA, 32)
    pygame.draw.ellipse(tree, (0, 0, 0, 70), (12, h - 22, 40, 16))            # shadow on its cell
    pygame.draw.rect(tree, (92, 64, 40), (w // 2 - 4, h - 44, 8, 30))         # trunk
    for dx, dy, r, colour in ((0, 30, 24, (40, 92, 44)), (-10, 42, 16, (52, 108, 50)), (10, 40, 16, (46, 100, 48))):
        pygame.draw.circle(tree, colour, (w // 2 + dx, dy), r)
    pygame.image.save(tree, str(path))


def ground() -> list[int]:
    rng = random.Random(3)
    cells = []
    for y in range(SIZE):
        for x in range(SIZE):
            if (x - 9.5) ** 2 + (y - 9.5) ** 2 < 9:
                cells.append(COBBLES)
            elif x in (9, 10) or y in (9, 10):
                cells.append(COBBLES)
            elif x > 15 and y < 5:
                cells.append(WATER)
            else:
                cells.append(rng.choice((GRASS, GRASS, GRASS2)))
    return cells


def trees() -> list[int]:
    spots = {(3, 3), (5, 2), (2, 6), (14, 14), (16, 12), (13, 17), (4, 15), (6, 17), (15, 7)}
    return [TREE_GID if (x, y) in spots else 0 for y in range(SIZE) for x in range(SIZE)]


def csv(cells: list[int]) -> str:
    rows = [",".join(map(str, cells[y * SIZE:(y + 1) * SIZE])) for y in range(SIZE)]
    return "\n" + ",\n".join(rows) + "\n"


def point(name: str, cell_x: float, cell_y: float, object_id: int) -> str:
    """A point at the middle of a cell: an isometric map's objects count tile_height pixels a cell."""
    x, y = (cell_x + 0.5) * TILE[1], (cell_y + 0.5) * TILE[1]
    return f'  <object id="{object_id}" name="{name}" x="{x:g}" y="{y:g}"><point/></object>\n'


def tmx() -> str:
    w, h = TILE
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<map version="1.10" orientation="isometric" renderorder="right-down" width="{SIZE}" height="{SIZE}" '
            f'tilewidth="{w}" tileheight="{h}" infinite="0" backgroundcolor="#1c2433" nextlayerid="4" '
            f'nextobjectid="5">\n'
            f' <tileset firstgid="1" name="ground" tilewidth="{w}" tileheight="{h}" tilecount="4" columns="4">\n'
            f'  <image source="village/ground.png" width="{w * 4}" height="{h}"/>\n </tileset>\n'
            f' <tileset firstgid="5" name="trees" tilewidth="{TREE[0]}" tileheight="{TREE[1]}" tilecount="1" '
            f'columns="1">\n  <image source="village/tree.png" width="{TREE[0]}" height="{TREE[1]}"/>\n'
            f' </tileset>\n'
            f' <layer id="1" name="ground" width="{SIZE}" height="{SIZE}">\n'
            f'  <data encoding="csv">{csv(ground())}</data>\n </layer>\n'
            f' <layer id="2" name="trees" width="{SIZE}" height="{SIZE}">\n'
            f'  <data encoding="csv">{csv(trees())}</data>\n </layer>\n'
            f' <objectgroup id="3" name="stage">\n'
            + point("in_the_square", 9.5, 9.5, 1) + point("left", 9, 16, 2) + point("center", 15, 15, 3)
            + point("right", 16, 9, 4) +
            ' </objectgroup>\n</map>\n')


def write(out: Path) -> None:
    pygame.init()
    backgrounds = out / "assets" / "backgrounds"
    (backgrounds / "village").mkdir(parents=True, exist_ok=True)
    ground_sheet(backgrounds / "village" / "ground.png")
    tree_sheet(backgrounds / "village" / "tree.png")
    (backgrounds / "village_square.tmx").write_text(tmx(), encoding="utf-8")
    sprites = out / "assets" / "characters" / "sophie"
    if not sprites.exists():
        shutil.copytree(ROOT / "assets" / "characters" / "sophie", sprites)
    (out / "scenes").mkdir(parents=True, exist_ok=True)
    (out / "scenes" / "story.yaml").write_text(MANIFEST, encoding="utf-8")
    (out / "scenes" / "square.yaml").write_text(SCENE, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    write(Path(sys.argv[1]))
