"""Make the Tiled map assets/backgrounds/vineyard_stars.tmx with its tilesets and image layers."""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

import math
import random

from art_common import ASSETS, init, save_png
from tiled_art import hills, lantern_post, mist, sky
from tiled_tiles import (COLUMNS, FIREFLIES, ROWS, STAR_FRAMES, STAR_KINDS, VARIANTS, star_sheet, tile_id,
                         vine_sheet)
from tiled_xml import (ImageLayer, MapObject, ObjectGroup, TileLayer, Tileset, tmx_text, tsx_text,
                       write_text)

OUT = ASSETS / "backgrounds"
TILE = 32
GRID = (40, 23)                   # 1280 x 736: covering a 1280x720 canvas crops 8 px at the top and bottom
MAP = (GRID[0] * TILE, GRID[1] * TILE)
MOON = (1050, 115)
SKY_SIZE, HILLS_SIZE, MIST_SIZE = (1280, 520), (1280, 406), (1280, 240)
HILLS_TOP, MIST_TOP = 330, 400    # image layer offsets
VINES, STARS, PROPS = 1, 49, 73   # firstgid of each tileset
LANTERN = (128, 160)
# Each row of vines: its top tile row, and the columns where the track passes through it (first, after).
ROW_LAYOUT = {"far": (15, 19, 21), "mid": (17, 17, 23), "near": (20, 15, 25)}
TRACK = [(634, 486), (646, 486), (700, 600), (792, 736), (488, 736), (584, 600)]
# Star kinds rest for REST ms, then flare through three frames; every tile of the 24 rests a little
# longer than the one before, so no two clocks keep step.
REST = (1700, 2300, 1300, 2900, 1900, 3400)
TWINKLE = ((120, 160, 120), (90, 140, 110), (150, 90, 150), (110, 180, 130), (80, 120, 200), (140, 100, 140))


def star_animations() -> dict[int, list[tuple[int, int]]]:
    animations = {}
    for kind in range(STAR_KINDS):
        first = kind * STAR_FRAMES
        for phase in range(STAR_FRAMES):
            a, b, c = TWINKLE[kind]
            animations[first + phase] = [(first, REST[kind] + 610 * phase), (first + 1, a), (first + 2, b),
                                         (first + 3, c)]
    return animations


def empty() -> list[list[int]]:
    return [[0] * GRID[0] for _ in range(GRID[1])]


def vine_grid(rng: random.Random) -> list[list[int]]:
    grid = empty()
    for name, (top, gap, after) in ROW_LAYOUT.items():
        last = -1
        for col in range(GRID[0]):
            if gap <= col < after:
                continue
            if col == gap - 1:
                column = VARIANTS            # the row ends at the track...
            elif col == after:
                column = VARIANTS + 1        # ...and starts again on the other side
            else:
                column = rng.choice([v for v in range(VARIANTS) if v != last])
                last = column
            for level in range(ROWS[name].tiles):
                grid[top + level][col] = VINES + tile_id(name, column, level)
    return grid


def star_grid(rng: random.Random, count: int = 48) -> list[list[int]]:
    """Twinkling stars scattered over the sky, never side by side and clear of the moon."""
    candidates = [(c, r) for r in range(12) for c in range(GRID[0])]
    rng.shuffle(candidates)
    cells: list[tuple[int, int]] = []
    for c, r in candidates:
        if math.hypot(c * TILE + 16 - MOON[0], r * TILE + 16 - MOON[1]) < 100:
            continue
        if any(abs(c - c2) <= 1 and abs(r - r2) <= 1 for c2, r2 in cells):
            continue
        cells.append((c, r))
        if len(cells) == count:
            break
    grid = empty()
    clocks = STAR_KINDS * STAR_FRAMES
    for i, (c, r) in enumerate(sorted(cells)):
        grid[r][c] = STARS + (i * 7) % clocks
    return grid


def firefly_grid(rng: random.Random) -> list[list[int]]:
    grid = empty()
    for _ in range(14):
        grid[rng.randrange(14, 22)][rng.randrange(GRID[0])] = VINES + rng.choice(FIREFLIES)
    return grid


def write_png(surface, rel: str) -> None:
    save_png(surface, OUT / rel)
    print("wrote", OUT / rel)


def main() -> None:
    init()
    write_png(vine_sheet(seed=4404), "tiles/vines.png")
    write_png(star_sheet(), "tiles/stars.png")
    write_png(lantern_post(LANTERN), "tiles/props.png")
    write_png(sky(SKY_SIZE, MOON, seed=5505), "layers/sky.png")
    write_png(hills(HILLS_SIZE, HILLS_TOP, TRACK, seed=6606), "layers/hills.png")
    write_png(mist(MIST_SIZE, seed=7707), "layers/mist.png")
    tilesets = [
        Tileset("vines", (TILE, TILE), "vines.png", (COLUMNS * TILE, 6 * TILE)),
        Tileset("stars", (TILE, TILE), "stars.png", (STAR_FRAMES * TILE, STAR_KINDS * TILE), star_animations()),
        Tileset("props", LANTERN, "props.png", LANTERN),
    ]
    for ts in tilesets:
        write_text(OUT / "tiles" / f"{ts.name}.tsx", tsx_text(ts))
    assert VINES + tilesets[0].tilecount == STARS and STARS + tilesets[1].tilecount == PROPS
    rng = random.Random(8808)
    layers = [
        ImageLayer("sky", "layers/sky.png", SKY_SIZE),
        TileLayer("stars", star_grid(rng)),
        ImageLayer("hills", "layers/hills.png", HILLS_SIZE, offset=(0, HILLS_TOP)),
        ImageLayer("mist", "layers/mist.png", MIST_SIZE, opacity=0.55, offset=(0, MIST_TOP)),
        TileLayer("vines", vine_grid(rng)),
        TileLayer("fireflies", firefly_grid(rng), visible=False),
        ObjectGroup("props", [MapObject(700, 716, width=LANTERN[0], height=LANTERN[1], gid=PROPS,
                                        class_="lantern")]),
        ObjectGroup("stage", [MapObject(330, 712, "left", point=True), MapObject(640, 716, "center", point=True),
                              MapObject(960, 712, "right", point=True),
                              MapObject(730, 650, "by_the_lantern", width=60, height=66)]),
    ]
    text = tmx_text(GRID, (TILE, TILE), [(VINES, "tiles/vines.tsx"), (STARS, "tiles/stars.tsx"),
                                         (PROPS, "tiles/props.tsx")], layers, background="#060a20")
    write_text(OUT / "vineyard_stars.tmx", text)


if __name__ == "__main__":
    main()
