"""The Tiled backgrounds of every scene: what each map adds over its painted layers.

Each recipe paints its background into layers (the painters in make_backgrounds.py and scenery_*.py cut their
work at each stage) and adds what Tiled does best: stone courses as tile layers, stars, glints and dust as
animated tile layers, candle flames, lamp halos and steam as animated tile objects in a `lights` layer, and the
`stage` object layer naming where characters stand.
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Callable

import make_backgrounds as mb
from art_common import hexc, mix
from scenery_berlin import berlin_1989
from scenery_cafe import paris_cafe_day, paris_cafe_night
from scenery_cellar import CELLAR, vineyard_cellar
from scenery_garden import provence_garden
from scenery_lane import vineyard_lane
from scenery_provence import DINNER, provence_dinner
from scenery_seine import BENCH, QUAYS, seine_bench, seine_quays
from tiled_build import Build
from tiled_motion import bird_sheet, dust_sheet, flame_sheet, glint_sheet, halo_sheet, steam_sheet
from tiled_stone import Stone, course_sheet, wall_grid
from tiled_xml import TileLayer

STAR_CLOCKS = 24     # animated star tiles in stars.tsx


# The light the characters stand in on a night map (the map's 'light' property: the game multiplies their
# sprites by it, so daylight colours do not glow in the dark).
MOONLIGHT = "#a4acd4"      # outdoors at night: cool, dimmer
STREETLIGHT = "#b4b6c2"    # Berlin's sodium and neon, washed grey
LAMPLIGHT = "#e6cca6"      # the café after closing, by its lamps
CANDLELIGHT = "#dcb48a"    # the cellar, by candles


def _stars(b: Build, under: str, box: tuple[int, int, int, int], count: int, seed: int) -> None:
    first = b.add_stars()
    b.scatter("stars", under, lambda i: first + (i * 7) % STAR_CLOCKS, b.cells(box), count, random.Random(seed),
              apart=2)


def _flames(b: Build, flame: tuple[int, int, int], halo: tuple[int, int, int]) -> None:
    gid = b.add_sheet(flame_sheet(flame, halo))
    for i, (x, y, h) in enumerate(b.notes.get("flame", [])):
        b.flame(gid, x, y, h, i)


def _wall(b: Build, under: str, colours: Stone, rows: list[tuple[int, str]], columns: tuple[int, int],
          offset: tuple[float, float], seed: int, lengths: tuple[int, int] = (2, 5)) -> None:
    first = b.add_tileset(f"{b.name}_stone", course_sheet(colours, b.tile, seed), b.tile)
    layer = TileLayer("stone", wall_grid(b.grid, rows, columns, first, random.Random(seed), lengths), offset=offset)
    b.above(under, layer)
    b.stand_in("stone", layer)


# ---------------------------------------------------------------- the vineyard

def _terrace(name: str, out: Path, night: bool) -> Path:
    pal, seed, grain = (mb.TERRACE_NIGHT, 3303, 33) if night else (mb.TERRACE_DUSK, 2202, 22)
    # 30 px rows: the parapet's face, from under its capstone to the floor, is three courses of stone.
    b = Build(name, out, (32, 30))
    colours = Stone(pal["wall"], pal["wall_var"], pal["mortar"], pal["wall_foot"])
    _wall(b, "vineyard", colours, [(17, "top"), (18, "middle"), (19, "foot")], (0, b.grid[0]), (0, 13), seed)
    b.paint(lambda s: mb.terrace_view(pal, random.Random(seed), night, s), grain)
    if night:
        _stars(b, "sky", (0, 0, 1280, 400), 34, 9101)
    else:
        birds = b.add_sheet(bird_sheet(hexc("5a3a52")))
        b.scatter("swifts", "sky", lambda i: birds + i % 3, b.cells((620, 180, 1100, 380)), 5,
                  random.Random(9102), size=(32, 16), apart=2)
    _flames(b, pal["flame"], pal["flame_glow"])
    return b.write("#060a20" if night else "#34325f", MOONLIGHT if night else None)


def vineyard_terrace_map(out: Path) -> Path:
    return _terrace("vineyard_terrace", out, night=False)


def vineyard_night_map(out: Path) -> Path:
    return _terrace("vineyard_night", out, night=True)


def vineyard_dusk_map(out: Path) -> Path:
    b = Build("vineyard_dusk", out, (16, 16))
    b.paint(mb.vineyard_dusk, 11)
    birds = b.add_sheet(bird_sheet(hexc("4a2e48")))
    b.scatter("swifts", "sky", lambda i: birds + i % 3, b.cells((460, 140, 980, 360)), 6, random.Random(9103),
              size=(32, 16), apart=3)
    return b.write("#34325f")


def vineyard_lane_map(out: Path) -> Path:
    b = Build("vineyard_lane", out, (16, 16))
    b.paint(vineyard_lane, 55)
    _stars(b, "sky", (0, 0, 1280, 330), 30, 9104)
    return b.write("#060a20", MOONLIGHT)


def vineyard_cellar_map(out: Path) -> Path:
    b = Build("vineyard_cellar", out, (16, 16))
    b.paint(vineyard_cellar, 44)
    _flames(b, CELLAR["flame"], CELLAR["flame_glow"])
    _dust(b, "lamp", b.notes["flame"][0][:2], (260, 120, 320, 220), hexc("ffd8a0"), 150, 14, 9105)
    return b.write("#120c08", CANDLELIGHT)


def _dust(b: Build, under: str, centre: tuple[float, ...], reach: tuple[int, int, int, int],
          colour: tuple[int, int, int], alpha: int, count: int, seed: int) -> None:
    """Motes turning in the light round a point noted at the painting's double size."""
    first = b.add_sheet(dust_sheet(colour, alpha, seed))
    x, y = centre[0] / 2, centre[1] / 2
    box = (int(x) - reach[0], int(y) - reach[1], int(x) + reach[2], int(y) + reach[3])
    b.scatter("dust", under, lambda i: first + (i % 2) * 6 + i % 3, b.cells(box), count, random.Random(seed + 1),
              apart=2)


# ---------------------------------------------------------------- Provence

def provence_dinner_map(out: Path) -> Path:
    pal = DINNER
    # 20 px rows: the low wall behind the table is two courses of honey-coloured stone.
    b = Build("provence_dinner", out, (32, 20))
    colours = Stone(pal["plaster"], mix(pal["plaster"], pal["cap"], 0.6), pal["plaster_shade"],
                    mix(pal["plaster_shade"], (60, 30, 40), 0.4))
    _wall(b, "field", colours, [(23, "top"), (24, "foot")], (13, b.grid[0]), (2, 12), 6607)
    b.paint(provence_dinner, 66)
    _flames(b, pal["flame"], pal["flame_glow"])
    return b.write("#5a4a7a")


def provence_garden_map(out: Path) -> Path:
    b = Build("provence_garden", out, (16, 16))
    b.paint(provence_garden, 77)
    _stars(b, "sky", (0, 0, 1280, 380), 36, 9107)
    flies = b.add_sheet(dust_sheet(hexc("d8f08a"), 190, 9108))
    b.scatter("fireflies", "field", lambda i: flies + (i % 2) * 6 + i % 3, b.cells((560, 410, 1280, 560)), 12,
              random.Random(9109), apart=3)
    return b.write("#0a0a28", MOONLIGHT)


# ---------------------------------------------------------------- Berlin

def berlin_1989_map(out: Path) -> Path:
    b = Build("berlin_1989", out, (16, 16))
    b.paint(berlin_1989, 88)
    _stars(b, "sky", (440, 0, 720, 280), 8, 9110)
    halo = b.add_sheet(halo_sheet(hexc("e8ecf4"), 120))
    for i, (x, y, r) in enumerate(b.notes.get("halo", [])):
        b.halo(halo, x, y, r * 0.9, i)
    return b.write("#0e1014", STREETLIGHT)


# ---------------------------------------------------------------- Marco's café

def _cafe(name: str, out: Path, night: bool) -> Path:
    b = Build(name, out, (16, 16))
    b.paint(paris_cafe_night if night else paris_cafe_day, 110 if night else 99)
    steam = b.add_sheet(steam_sheet(hexc("fff8f0"), 150 if night else 120))
    notes = b.notes.get("steam", [])
    for i, (x, y, w) in enumerate(notes[-1:] if night else notes):
        b.steam(steam, x, y, w, i)
    if night:
        _dust(b, "counter", b.notes["globe"][0], (170, 40, 200, 200), hexc("ffd890"), 130, 12, 9111)
    else:
        _dust(b, "counter", (1300, 420), (360, 120, 360, 60), hexc("fff4d8"), 110, 16, 9112)
    return b.write("#1a1420" if night else "#e8d8b8", LAMPLIGHT if night else None)


def paris_cafe_day_map(out: Path) -> Path:
    return _cafe("paris_cafe_day", out, night=False)


def paris_cafe_night_map(out: Path) -> Path:
    return _cafe("paris_cafe_night", out, night=True)


# ---------------------------------------------------------------- the Seine

def _glints(b: Build, under: str, colours: list, alpha: int, columns: list[tuple[int, int]], rows: range,
            count: int, seed: int) -> None:
    first = b.add_sheet(glint_sheet(colours, alpha, seed))
    cells = [(c, r) for r in rows for c0, c1 in columns for c in range(c0, c1)]
    kinds = len(colours)
    b.scatter("glints", under, lambda i: first + (i % kinds) * 4 + i % 3, cells, count, random.Random(seed + 1),
              size=(64, 16), apart=1)


def seine_quays_map(out: Path) -> Path:
    pal = QUAYS
    # 36 px rows: the river wall under our coping is one course of long dressed blocks.
    b = Build("seine_quays", out, (32, 36))
    colours = Stone(pal["parapet"], mix(pal["parapet"], pal["parapet_top"], 0.5), pal["parapet_shade"],
                    pal["parapet_shade"])
    _wall(b, "river", colours, [(14, "foot")], (0, b.grid[0]), (0, 16), 9115, lengths=(4, 6))
    b.paint(seine_quays, 121)
    # Sun on the water: glints thickest under the sun and scattered up and down the river.
    first = b.add_sheet(glint_sheet([pal["glint"], mix(pal["glint"], pal["ripple"], 0.5)], 200, 9113))
    rng = random.Random(9114)
    grid = b.empty()
    for r in range(10, 13):
        for c in range(0, b.grid[0], 2):
            near = abs(c * 32 - 1125) < 160
            if rng.random() < (0.8 if near else 0.18):
                grid[r][c] = first + rng.randrange(2) * 4 + rng.randrange(3)
    b.inserts["river"].insert(0, TileLayer("glints", grid, offset=(0, 4)))  # on the water, under the wall
    return b.write("#5f8cbc")


def seine_bench_map(out: Path) -> Path:
    b = Build("seine_bench", out, (16, 16))
    b.paint(seine_bench, 132)
    _stars(b, "sky", (0, 0, 1280, 280), 30, 9116)
    first = b.add_sheet(glint_sheet([BENCH["reflect"], BENCH["window_lit"], BENCH["reflect_cool"]], 210, 9117))
    rng = random.Random(9118)
    grid = b.empty()
    lamps = [x / 2 for x, _ in b.notes.get("far_lamp", [])]
    for r in range(24, 31):
        for c in range(0, b.grid[0], 4):
            near = any(abs(c * 16 + 32 - lx) < 36 for lx in lamps)
            if rng.random() < (0.75 if near else 0.08):
                grid[r][c] = first + (0 if near else rng.randrange(1, 3)) * 4 + rng.randrange(3)
    b.above("river", TileLayer("glints", grid))
    halo = b.add_sheet(halo_sheet(BENCH["lamp_glow"], 110))
    for i, (x, y, r) in enumerate(b.notes.get("halo", [])):
        b.halo(halo, x, y, r, i)
    return b.write("#040818", MOONLIGHT)


MAPS: dict[str, Callable[[Path], Path]] = {
    "vineyard_dusk": vineyard_dusk_map,
    "vineyard_terrace": vineyard_terrace_map,
    "vineyard_night": vineyard_night_map,
    "vineyard_cellar": vineyard_cellar_map,
    "vineyard_lane": vineyard_lane_map,
    "provence_dinner": provence_dinner_map,
    "provence_garden": provence_garden_map,
    "berlin_1989": berlin_1989_map,
    "paris_cafe_day": paris_cafe_day_map,
    "paris_cafe_night": paris_cafe_night_map,
    "seine_quays": seine_quays_map,
    "seine_bench": seine_bench_map,
}
