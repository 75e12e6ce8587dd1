"""Backgrounds: pictures cover the canvas; Tiled maps draw their layers, animate their tiles, name their points."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from itertools import accumulate
from pathlib import Path

import pygame
import pytest

from game.ui.backgrounds import BackgroundError, load_background

ROOT = Path(__file__).resolve().parents[1]
BACKGROUNDS = ROOT / "assets" / "backgrounds"
VINEYARD = BACKGROUNDS / "vineyard_stars.tmx"
CANVAS = (1280, 720)


@pytest.fixture(scope="module", autouse=True)
def display(dummy_display):
    """Every test here draws: the shared dummy display (conftest.py)."""


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def drawn(background, rects=None, onto: pygame.Surface | None = None) -> pygame.Surface:
    target = onto if onto is not None else pygame.Surface(background.size)
    background.draw(target, rects)
    return target


def near(a, b, tolerance: int = 3) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a[:3], b[:3]))


# ---------------------------------------------------------------- an independent reading of the map, for the oracle

def stage_points(canvas: tuple[int, int]) -> dict[str, tuple[int, int]]:
    """The stage layer's points in canvas pixels, worked out here from the XML and the cover rule."""
    root = ElementTree.parse(VINEYARD).getroot()
    w, h = int(root.get("width")) * 32, int(root.get("height")) * 32
    scale = max(canvas[0] / w, canvas[1] / h)
    crop = ((round(w * scale) - canvas[0]) // 2, (round(h * scale) - canvas[1]) // 2)
    out = {}
    for obj in root.find("objectgroup[@name='stage']"):
        x, y = float(obj.get("x")), float(obj.get("y"))
        x, y = x + float(obj.get("width", 0)) / 2, y + float(obj.get("height", 0))
        out[obj.get("name")] = (round(x * scale) - crop[0], round(y * scale) - crop[1])
    return out


def layer_cells(root: ElementTree.Element, name: str) -> dict[tuple[int, int], int]:
    layer = root.find(f"layer[@name='{name}']")
    rows = layer.find("data").text.strip().split("\n")
    return {(c, r): int(v) for r, row in enumerate(rows) for c, v in enumerate(row.strip(",").split(",")) if v != "0"}


def star_schedule() -> dict[tuple[int, int], tuple[list[int], list[int]]]:
    """Each star cell's frames (tile ids) and their cumulative end times in ms, from the .tmx and stars.tsx."""
    root = ElementTree.parse(VINEYARD).getroot()
    first = int(root.find("tileset[@source='tiles/stars.tsx']").get("firstgid"))
    animations = {}
    for tile in ElementTree.parse(BACKGROUNDS / "tiles" / "stars.tsx").getroot().iter("tile"):
        frames = tile.find("animation").findall("frame")
        animations[first + int(tile.get("id"))] = ([int(f.get("tileid")) for f in frames],
                                                   list(accumulate(int(f.get("duration")) for f in frames)))
    return {cell: animations[gid] for cell, gid in layer_cells(root, "stars").items()}


def frame_at(schedule: tuple[list[int], list[int]], ms: int) -> int:
    """The frame Tiled shows after ms: one frame stays until strictly more than its duration has passed."""
    ids, ends = schedule
    t = (ms - 1) % ends[-1] + 1 if ms > 0 else 0
    return ids[next(i for i, end in enumerate(ends) if t <= end)]


def copy_vineyard(folder: Path, edit=None) -> Path:
    """The vineyard map and its files copied into folder, with the map's XML optionally edited first."""
    for sub in ("tiles", "layers"):
        shutil.copytree(BACKGROUNDS / sub, folder / sub)
    tree = ElementTree.parse(VINEYARD)
    if edit:
        edit(tree.getroot())
    tree.write(folder / "vineyard_stars.tmx", encoding="UTF-8", xml_declaration=True)
    return folder / "vineyard_stars.tmx"


# ---------------------------------------------------------------- pictures

def write_gradient(path: Path, size: tuple[int, int]) -> None:
    """Red rises left to right, green top to bottom: any pixel tells where in the picture it came from."""
    w, h = size
    surface = pygame.Surface(size)
    for x in range(w):
        for y in range(h):
            surface.set_at((x, y), (x * 255 // (w - 1), y * 255 // (h - 1), 90))
    pygame.image.save(surface, str(path))


@pytest.mark.parametrize("size, canvas", [((400, 100), (160, 90)), ((100, 400), (160, 90))])
def test_picture_covers_the_canvas_keeping_its_aspect_and_cropping_evenly(tmp_path, size, canvas):
    write_gradient(tmp_path / "wide.png", size)
    background = load_background(tmp_path / "wide.png", canvas)
    assert background.size == canvas and not background.animated and dict(background.positions) == {}
    assert background.update(0.5) == []
    scale = max(canvas[0] / size[0], canvas[1] / size[1])
    crop = ((round(size[0] * scale) - canvas[0]) / 2, (round(size[1] * scale) - canvas[1]) / 2)
    image = drawn(background)
    for x, y in ((5, 5), (80, 45), (150, 80), (40, 70)):
        sx, sy = (x + crop[0] + 0.5) / scale - 0.5, (y + crop[1] + 0.5) / scale - 0.5
        expected = (sx * 255 / (size[0] - 1), sy * 255 / (size[1] - 1), 90)
        assert near(image.get_at((x, y)), expected, 5), (x, y, image.get_at((x, y)), expected)


def test_picture_draws_only_the_rects_asked_for(tmp_path):
    write_gradient(tmp_path / "p.png", (64, 36))
    background = load_background(tmp_path / "p.png", (64, 36))
    target = drawn(background, [pygame.Rect(10, 10, 5, 5)], onto=pygame.Surface((64, 36)))
    assert target.get_at((0, 0))[:3] == (0, 0, 0) and target.get_at((12, 12))[:3] != (0, 0, 0)


# ---------------------------------------------------------------- the vineyard map

def test_vineyard_map_loads_with_its_stage_points_in_canvas_pixels():
    for canvas in (CANVAS, (1920, 1080), (853, 480)):
        background = load_background(VINEYARD, canvas)
        assert background.size == canvas and background.animated
        assert dict(background.positions) == stage_points(canvas)
    assert {"left", "center", "right", "by_the_lantern"} <= set(stage_points(CANVAS))


def test_vineyard_map_draws_its_layers_in_document_order():
    image = drawn(load_background(VINEYARD, CANVAS))
    assert pixels(image) != pixels(pygame.Surface(CANVAS))
    assert len(set(image.get_at((x, y))[:3] for x in range(0, 1280, 16) for y in range(0, 720, 16))) > 500
    sky, ground = image.get_at((200, 200)), image.get_at((200, 700))
    assert sky[2] > sky[0] and ground[2] > ground[0]    # the sky picture, not pytmx's order (tiles under the sky)
    lantern = [image.get_at((x, y))[0] for x in range(744, 760) for y in range(614, 630)]
    assert max(lantern) > 200                             # the lantern (a tile object) is lit


def test_a_hidden_layer_draws_nothing(tmp_path):
    def shown(root):
        root.find("layer[@name='fireflies']").attrib.pop("visible")

    def removed(root):
        root.remove(root.find("layer[@name='fireflies']"))

    real = drawn(load_background(VINEYARD, CANVAS))
    with_it = drawn(load_background(copy_vineyard(tmp_path / "a", shown), CANVAS))
    without_it = drawn(load_background(copy_vineyard(tmp_path / "b", removed), CANVAS))
    assert pixels(real) == pixels(without_it)
    cells = layer_cells(ElementTree.parse(VINEYARD).getroot(), "fireflies")
    assert cells
    for c, r in cells:
        rect = pygame.Rect(c * 32, r * 32 - 8, 32, 32)
        assert pixels(real.subsurface(rect)) != pixels(with_it.subsurface(rect)), (c, r)


def test_update_returns_exactly_the_stars_whose_frame_changed():
    background = load_background(VINEYARD, CANVAS)
    schedule = star_schedule()
    assert background.update(0) == [] and background.update(0.05) == []   # every star rests for over a second
    screen = pygame.Rect((0, 0), CANVAS)
    changes = quiet = 0
    for step in range(2, 120):                                            # 50 ms steps, up to 6 s
        rects = background.update(0.05)
        expected = {tuple(pygame.Rect(c * 32, r * 32 - 8, 32, 32).clip(screen))
                    for (c, r), s in schedule.items() if frame_at(s, step * 50) != frame_at(s, (step - 1) * 50)}
        assert sorted(tuple(r) for r in rects) == sorted(expected), step * 50
        changes, quiet = changes + bool(rects), quiet + (not rects)
    assert changes > 10 and quiet > 10


@pytest.mark.parametrize("canvas", [CANVAS, (1920, 1080), (853, 480)])
def test_drawing_the_changed_rects_over_the_last_frame_equals_a_full_draw(canvas):
    background = load_background(VINEYARD, canvas)
    frame = drawn(background)
    seen = 0
    for dt in [0.05] * 60 + [0.37, 1.9, 0.013, 2.5]:
        before = frame.copy()
        rects = background.update(dt)
        drawn(background, rects, onto=frame)
        full = drawn(background)
        assert pixels(frame) == pixels(full)
        if rects:
            seen += 1
            assert pixels(before) != pixels(full)                         # a changed frame changes pixels
            assert all(pygame.Rect((0, 0), canvas).contains(r) and r.width and r.height for r in rects)
    assert seen > 5


@pytest.mark.parametrize("canvas", [CANVAS, (1920, 1080)])
def test_many_small_updates_end_where_one_large_update_does(canvas):
    stepped, jumped = load_background(VINEYARD, canvas), load_background(VINEYARD, canvas)
    for _ in range(73):
        stepped.update(0.05)
    jumped.update(73 * 0.05)
    assert pixels(drawn(stepped)) == pixels(drawn(jumped))


@pytest.mark.parametrize("canvas", [CANVAS, (1920, 1080)])
def test_when_every_star_is_back_at_rest_the_picture_is_the_first_one_again(canvas):
    """Redrawn rects restore the still layers under and over each star (the hills hide the low ones)."""
    schedule = star_schedule()
    at_rest = [ms for ms in range(3000, 120000, 50) if all(frame_at(s, ms) == s[0][0] for s in schedule.values())]
    flared = [ms for ms in at_rest if any(frame_at(s, t) != s[0][0] for s in schedule.values()
                                          for t in range(ms - 400, ms, 50))]
    assert flared, "some time when every star rests just after some flared"
    background = load_background(VINEYARD, canvas)
    first = pixels(drawn(background))
    for _ in range(flared[0] // 50):
        background.update(0.05)
    assert pixels(drawn(background)) == first


def test_maps_and_pictures_load_without_a_display_mode():
    code = ("import pygame; from pathlib import Path; from game.ui.backgrounds import load_background\n"
            f"assert load_background(Path({str(VINEYARD)!r}), (640, 360)).animated\n"
            f"assert load_background(Path({str(BACKGROUNDS / 'layers' / 'vineyard_night' / 'sky.png')!r}), (64, 36)).size == (64, 36)\n"
            "assert pygame.display.get_surface() is None\n")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------- a small hand-written map

SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<map version="1.10" orientation="orthogonal" renderorder="right-down" width="4" height="4"
     tilewidth="8" tileheight="8" infinite="0" nextlayerid="9" nextobjectid="4">
 <tileset firstgid="1" source="tiles.tsx"/>
 <imagelayer id="1" name="ground"><image source="green.png" width="32" height="32"/></imagelayer>
 <layer id="2" name="blue" width="4" height="4"><data encoding="csv">
0,0,0,0,
0,0,0,0,
0,0,2,0,
0,0,0,0
</data></layer>
 <layer id="3" name="half" width="4" height="4" opacity="0.5"><data encoding="csv">
1,0,0,0,
0,0,0,0,
0,0,0,0,
0,0,0,0
</data></layer>
 <layer id="4" name="shifted" width="4" height="4" offsetx="3" offsety="2"><data encoding="csv">
0,0,0,0,
0,1,0,0,
0,0,0,0,
0,0,0,0
</data></layer>
 <imagelayer id="5" name="hidden" visible="0"><image source="red.png" width="32" height="32"/></imagelayer>
 <objectgroup id="6" name="stage">
  <object id="1" name="a" x="5" y="6"><point/></object>
  <object id="2" name="b" x="8" y="8" width="8" height="16"/>
 </objectgroup>
 <group id="7" name="moved" offsetx="2" offsety="3">
  <objectgroup id="8" name="inner" offsetx="1"><object id="3" name="c" x="10" y="10"><point/></object></objectgroup>
 </group>
</map>
"""
TSX = """<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" name="t" tilewidth="8" tileheight="8" tilecount="2" columns="2">
 <image source="tiles.png" width="16" height="8"/>
</tileset>
"""
RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)


@pytest.fixture
def small_map(tmp_path: Path) -> Path:
    sheet = pygame.Surface((16, 8))
    sheet.fill(RED, (0, 0, 8, 8))
    sheet.fill(BLUE, (8, 0, 8, 8))
    pygame.image.save(sheet, str(tmp_path / "tiles.png"))
    for name, colour in (("green.png", GREEN), ("red.png", RED)):
        plain = pygame.Surface((32, 32))
        plain.fill(colour)
        pygame.image.save(plain, str(tmp_path / name))
    (tmp_path / "tiles.tsx").write_text(TSX, encoding="utf-8")
    (tmp_path / "small.tmx").write_text(SMALL, encoding="utf-8")
    return tmp_path / "small.tmx"


def test_small_map_opacity_offset_order_and_hidden_image_layer(small_map):
    background = load_background(small_map, (32, 32))
    image = drawn(background)
    assert not background.animated and background.update(1.0) == []
    assert image.get_at((20, 20))[:3] == BLUE                              # a tile layer over an earlier image layer
    assert near(image.get_at((2, 2)), (128, 127, 0), 2)                   # red at half opacity over green
    for inside in ((11, 10), (18, 10), (11, 17)):
        assert image.get_at(inside)[:3] == RED, inside                    # offset by (3, 2)
    for outside in ((10, 10), (19, 10), (11, 9), (30, 30)):
        assert image.get_at(outside)[:3] == GREEN, outside                # ...and the hidden red layer is not drawn
    assert dict(background.positions) == {"a": (5, 6), "b": (12, 24), "c": (13, 13)}
    assert dict(load_background(small_map, (64, 64)).positions) == {"a": (10, 12), "b": (24, 48), "c": (26, 26)}


ANIMATED = """<?xml version="1.0" encoding="UTF-8"?>
<map version="1.10" orientation="orthogonal" renderorder="right-down" width="4" height="4"
     tilewidth="8" tileheight="8" infinite="0" nextlayerid="4" nextobjectid="1">
 <tileset firstgid="1" name="glass" tilewidth="8" tileheight="8" tilecount="2" columns="2">
  <image source="glass.png" width="16" height="8"/>
  <tile id="0"><animation><frame tileid="0" duration="100"/><frame tileid="1" duration="300"/></animation></tile>
 </tileset>
 <imagelayer id="1" name="ground"><image source="green.png" width="32" height="32"/></imagelayer>
 <layer id="2" name="panes" width="4" height="4"><data encoding="csv">
0,0,0,0,
0,1,0,1,
0,0,0,0,
0,0,0,0
</data></layer>
 <imagelayer id="3" name="veil" opacity="0.5" offsetx="16"><image source="white.png" width="32" height="32"/></imagelayer>
</map>
"""


@pytest.mark.parametrize("zoom", [1, 2])
def test_animated_tiles_blend_like_tiled_under_the_layers_above_them(tmp_path, zoom):
    """Half-transparent panes over green, the right one under a half-opaque white veil: red, then blue."""
    glass = pygame.Surface((16, 8), pygame.SRCALPHA)
    glass.fill((255, 0, 0, 128), (0, 0, 8, 8))
    glass.fill((0, 0, 255, 128), (8, 0, 8, 8))
    pygame.image.save(glass, str(tmp_path / "glass.png"))
    for name, colour in (("green.png", GREEN), ("white.png", (255, 255, 255))):
        plain = pygame.Surface((32, 32))
        plain.fill(colour)
        pygame.image.save(plain, str(tmp_path / name))
    (tmp_path / "panes.tmx").write_text(ANIMATED, encoding="utf-8")
    background = load_background(tmp_path / "panes.tmx", (32 * zoom, 32 * zoom))
    open_pane, veiled_pane, veil = (12 * zoom, 12 * zoom), (28 * zoom, 12 * zoom), (28 * zoom, 28 * zoom)
    image = drawn(background)
    assert background.animated and background.update(0.05) == [] and background.update(0.05) == []
    assert near(image.get_at(open_pane), (128, 127, 0)) and near(image.get_at(veiled_pane), (191, 191, 127))
    assert near(image.get_at(veil), (127, 255, 127))
    rects = background.update(0.001)                                      # 101 ms: more than the first frame's 100
    assert sorted(tuple(r) for r in rects) == [(8 * zoom, 8 * zoom, 8 * zoom, 8 * zoom),
                                               (24 * zoom, 8 * zoom, 8 * zoom, 8 * zoom)]
    drawn(background, rects, onto=image)
    assert near(image.get_at(open_pane), (0, 127, 128)) and near(image.get_at(veiled_pane), (127, 191, 191))
    assert background.update(0.299) == [] and len(background.update(0.001)) == 2   # at 400 ms, then 401 ms


# ---------------------------------------------------------------- broken inputs

@pytest.mark.parametrize("name, content", [("tiles.png", None), ("tiles.png", b"not a picture at all"),
                                           ("tiles.tsx", None), ("tiles.tsx", b"<tileset><image"),
                                           ("small.tmx", SMALL.replace("0,0,2,0,", "0,0,x,0,").encode())])
def test_a_broken_map_raises_one_background_error_naming_the_files(small_map, name, content):
    broken = small_map.parent / name
    if content is None:
        broken.unlink()
    else:
        broken.write_bytes(content)
    with pytest.raises(BackgroundError) as caught:
        load_background(small_map)
    message = str(caught.value)
    assert "small.tmx" in message and name in message and "\n" not in message


@pytest.mark.parametrize("name, content", [("missing.tmx", None), ("missing.png", None),
                                           ("malformed.tmx", b"<map><layer"), ("fake.png", b"this is no PNG"),
                                           ("empty.jpg", b""), ("notes.txt", b"hello"),
                                           ("tileset.tmx", b"<tileset/>")])
def test_bad_files_raise_one_background_error_naming_the_file(tmp_path, name, content):
    if content is not None:
        (tmp_path / name).write_bytes(content)
    with pytest.raises(BackgroundError) as caught:
        load_background(tmp_path / name)
    assert name in str(caught.value) and "\n" not in str(caught.value)


def test_only_the_tiled_module_imports_pytmx():
    users = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "game").rglob("*.py")
                   if "import pytmx" in p.read_text(encoding="utf-8") or "from pytmx" in p.read_text(encoding="utf-8"))
    assert users == ["game/ui/tiled.py"]


def test_the_map_reader_and_the_drawer_import_one_way():
    """backgrounds.py reads maps through tiled.py; tiled.py hands back plain data (tilemap.py) and never
    imports backgrounds.py, so the two form no import circle."""
    import ast
    ui = ROOT / "game" / "ui"

    def imports(name: str) -> set[str]:
        tree = ast.parse((ui / f"{name}.py").read_text(encoding="utf-8"))
        return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert "backgrounds" not in imports("tiled") and "backgrounds" not in imports("tilemap")
    assert "tiled" not in imports("tilemap")
