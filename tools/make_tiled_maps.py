"""Make the Tiled backgrounds in assets/backgrounds/: every scene's map with its tilesets and image layers.

    python tools/make_tiled_maps.py                      # all of them
    python tools/make_tiled_maps.py seine_bench          # the ones named
    python tools/make_tiled_maps.py --out /tmp/maps      # somewhere else (layers/ and tiles/ go there too)
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

import math
import random
from pathlib import Path
from typing import Callable

from art_common import ASSETS, init, save_png, take_out
from tiled_build import star_animations
from tiled_scenes import MAPS, MOONLIGHT
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


def vineyard_stars(out: Path) -> Path:
    """The title art and the vineyard under the stars: image layers drawn for the map, vine rows as tiles."""
    def write_png(surface, rel: str) -> None:  # noqa: ANN001
        save_png(surface, out / rel)

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
        write_text(out / "tiles" / f"{ts.name}.tsx", tsx_text(ts))
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
        ObjectGroup("stage", [MapObject(330, 720, "left", point=True), MapObject(640, 720, "center", point=True),
                              MapObject(960, 720, "right", point=True),
                              MapObject(730, 650, "by_the_lantern", width=60, height=66)]),
    ]
    text = tmx_text(GRID, (TILE, TILE), [(VINES, "tiles/vines.tsx"), (STARS, "tiles/stars.tsx"),
                                         (PROPS, "tiles/props.tsx")], layers, background="#060a20",
                    light=MOONLIGHT)
    write_text(out / "vineyard_stars.tmx", text)
    return out / "vineyard_stars.tmx"


ALL: dict[str, Callable[[Path], Path]] = {"vineyard_stars": vineyard_stars, **MAPS}


def main(argv: list[str]) -> int:
    args = list(argv)
    out = take_out(args, OUT)
    unknown = [a for a in args if a not in ALL]
    if unknown:
        print(f"unknown map(s): {', '.join(unknown)}; choose from {', '.join(ALL)}", file=sys.stderr)
        return 2
    init()
    for name in args or list(ALL):
        ALL[name](out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
