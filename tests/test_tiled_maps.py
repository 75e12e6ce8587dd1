"""The Tiled backgrounds under assets/: every scene's background loads as the game loads it, every map uses
image, tile and object layers with the stage points, its files stay inside assets/, and the generators
rewrite the same bytes."""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pygame
import pytest

from game.story.assets import BUILTIN_POSITIONS
from game.story.loader import load_story
from game.ui.backgrounds import MapBackground, load_background

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
BACKGROUNDS = ASSETS / "backgrounds"
MAPS = sorted(BACKGROUNDS.glob("*.tmx"))
CANVAS = (1280, 720)
LIMIT_MB = 60
ANIMATED_AT_LEAST = 10


@pytest.fixture(scope="module", autouse=True)
def display(dummy_display):
    """Every test here draws: the shared dummy display (conftest.py)."""


def scene_backgrounds() -> dict[str, Path]:
    story = load_story(ROOT)
    found = {key.split("/", 1)[1]: Path(path) for key, path in story.assets.items() if key.startswith("backgrounds/")}
    assert found, "the story names no backgrounds"
    return found


def tileset_roots(tmx: Path) -> list[tuple[Path, ElementTree.Element, ElementTree.Element]]:
    """Each tileset of a map: the file it lives in, its element, and its <tileset> in the map."""
    out = []
    for ts in ElementTree.parse(tmx).getroot().findall("tileset"):
        source = ts.get("source")
        if source:
            out.append((tmx.parent / source, ElementTree.parse(tmx.parent / source).getroot(), ts))
        else:
            out.append((tmx, ts, ts))
    return out


def animated_gids(tmx: Path) -> set[int]:
    gids = set()
    for _, tileset, in_map in tileset_roots(tmx):
        first = int(in_map.get("firstgid"))
        gids |= {first + int(tile.get("id")) for tile in tileset.findall("tile") if tile.find("animation") is not None}
    return gids


def used_gids(tmx: Path) -> set[int]:
    root = ElementTree.parse(tmx).getroot()
    gids = {int(obj.get("gid")) & 0x1FFFFFFF for obj in root.iter("object") if obj.get("gid")}
    for data in root.iter("data"):
        assert data.get("encoding") == "csv", f"{tmx.name}: tile data should be CSV"
        gids |= {int(v) & 0x1FFFFFFF for v in data.text.replace("\n", "").split(",") if v.strip() and int(v)}
    return gids


def test_there_are_maps():
    assert len(MAPS) >= 11, [m.name for m in MAPS]


@pytest.mark.parametrize("name", sorted(scene_backgrounds()))
def test_every_background_the_scenes_name_loads_as_a_tiled_map(name):
    path = scene_backgrounds()[name]
    assert path.suffix == ".tmx", f"{name} is a flat picture ({path.name}), not a Tiled map"
    background = load_background(path, CANVAS)
    assert isinstance(background, MapBackground)
    for point in BUILTIN_POSITIONS:
        x, y = background.positions[point]
        assert 0 <= x <= CANVAS[0] and 0 <= y <= CANVAS[1], (name, point, x, y)
    canvas = pygame.Surface(CANVAS)
    background.draw(canvas)
    assert len(set(pygame.image.tobytes(canvas.subsurface((0, 0, 1280, 8)), "RGB"))) > 1  # painted, not blank


@pytest.mark.parametrize("tmx", MAPS, ids=lambda p: p.stem)
def test_each_map_uses_image_tile_and_object_layers(tmx):
    root = ElementTree.parse(tmx).getroot()
    assert root.get("orientation") == "orthogonal" and root.get("infinite") == "0"
    assert int(root.get("width")) * int(root.get("tilewidth")) >= CANVAS[0]
    images = root.findall(".//imagelayer")
    tiles = [layer for layer in root.findall(".//layer") if any(v.strip() not in ("", "0")
             for v in layer.find("data").text.replace("\n", "").split(","))]
    assert images and tiles, f"{tmx.name}: {len(images)} image layers, {len(tiles)} tile layers with tiles"
    for layer in images:
        image = layer.find("image")
        assert image.get("width") and image.get("height"), f"{tmx.name}: image layer {layer.get('name')}"
    stage = root.find("objectgroup[@name='stage']")
    assert stage is not None, f"{tmx.name}: no object layer named 'stage'"
    names = {obj.get("name") for obj in stage.findall("object")}
    assert set(BUILTIN_POSITIONS) <= names, f"{tmx.name}: stage has {sorted(n for n in names if n)}"


def test_most_maps_animate_tiles():
    moving = [tmx.stem for tmx in MAPS if animated_gids(tmx) & used_gids(tmx)]
    assert len(moving) >= ANIMATED_AT_LEAST, moving


@pytest.mark.parametrize("tmx", MAPS, ids=lambda p: p.stem)
def test_every_path_is_relative_and_inside_assets(tmx):
    files = [(tmx, ElementTree.parse(tmx).getroot())] + [(f, t) for f, t, _ in tileset_roots(tmx) if f != tmx]
    for file, root in files:
        sources = [e.get("source") for e in root.iter() if e.tag in ("image", "tileset") and e.get("source")]
        for source in sources:
            assert not os.path.isabs(source) and "\\" not in source, f"{file.name}: {source}"
            target = (file.parent / source).resolve()
            assert target.is_file(), f"{file.name}: {source} is missing"
            assert target.is_relative_to(ASSETS.resolve()), f"{file.name}: {source} leaves assets/"


def test_no_background_is_claimed_twice():
    stems = [p.stem for p in BACKGROUNDS.iterdir() if p.is_file()]
    doubles = sorted({s for s in stems if stems.count(s) > 1})
    assert not doubles, f"a .tmx and a flat picture share these names: {doubles}"


def test_assets_stay_under_the_size_limit():
    total = sum(p.stat().st_size for p in ASSETS.rglob("*") if p.is_file())
    assert total < LIMIT_MB * 1024 * 1024, f"assets/ is {total / 2 ** 20:.1f} MB"


@pytest.mark.parametrize("name", ["vineyard_stars", "vineyard_dusk"])
def test_the_generator_rewrites_the_same_bytes(tmp_path, name):
    """Made twice into fresh folders, a map and every file it uses come out byte for byte as committed."""
    runs = []
    for i in range(2):
        out = tmp_path / f"run{i}"
        subprocess.run([sys.executable, str(ROOT / "tools" / "make_tiled_maps.py"), name, "--out", str(out)],
                       check=True, capture_output=True, cwd=ROOT, timeout=600)
        runs.append(out)
    made = sorted(p.relative_to(runs[0]) for p in runs[0].rglob("*") if p.is_file())
    assert Path(f"{name}.tmx") in made
    for rel in made:
        assert filecmp.cmp(runs[0] / rel, runs[1] / rel, shallow=False), f"{rel} differs between two runs"
        assert filecmp.cmp(runs[0] / rel, BACKGROUNDS / rel, shallow=False), f"{rel} differs from assets/"


def test_an_animated_tile_over_a_still_layer_keeps_that_layer_when_redrawn():
    """Two animated layers, the upper one away from the lower: redrawing the upper tile repaints the still layer
    between them too (a map with stars in the sky and glints on the water)."""
    from game.ui.backgrounds import AnimatedTile, LayeredMap, MapLayer

    def picture(size, colour):
        surf = pygame.Surface(size, pygame.SRCALPHA)
        surf.fill(colour)
        return surf

    clear_a, clear_b = picture((16, 16), (0, 0, 0, 0)), picture((16, 16), (0, 0, 0, 0))
    star = AnimatedTile((0, 0), ((clear_a, 100), (picture((16, 16), (255, 255, 255, 255)), 100)), 1)
    glint = AnimatedTile((110, 110), ((clear_b, 50), (picture((16, 16), (0, 0, 0, 0)), 50)), 2)
    tile_map = LayeredMap((320, 180), (
        MapLayer(1.0, ((picture((320, 180), (200, 0, 0, 255)), (0, 0)),)),
        MapLayer(1.0, (), (star,)),
        MapLayer(1.0, ((picture((60, 60), (0, 200, 0, 255)), (90, 90)),)),
        MapLayer(1.0, (), (glint,)),
    ), {})
    background = MapBackground(tile_map, (320, 180))
    canvas = pygame.Surface((320, 180))
    background.draw(canvas)
    assert canvas.get_at((118, 118))[:3] == (0, 200, 0)
    assert background.update(0.06)  # the glint's frame changes
    background.draw(canvas)
    assert canvas.get_at((118, 118))[:3] == (0, 200, 0)
