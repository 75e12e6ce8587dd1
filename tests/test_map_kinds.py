"""Maps of every kind pytmx reads draw as Tiled draws them: tile data as CSV, base64, gzip and zlib, a
colour-keyed tile sheet, flipped tile objects, and isometric maps; maps made here, pixel by pixel."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.ui.backgrounds import load_background
from mapfixtures import sheet_tileset, tile_layer, tiled_map, write_png
from storyfixtures import ASSETS, MANIFEST

ROOT = Path(__file__).resolve().parents[1]
RED, BLUE, WHITE, BLACK, GREEN, YELLOW = ((220, 30, 30), (30, 30, 220), (250, 250, 250), (0, 0, 0),
                                          (0, 200, 0), (230, 220, 20))
KEY = (255, 0, 255)


@pytest.fixture(scope="module", autouse=True)
def display(dummy_display):
    """Drawing needs pygame's (dummy) display (conftest.py)."""


def sheet(path: Path) -> None:
    """Three 8x8 tiles: red; blue with its left half the key colour (see-through); white left, black right."""
    def pixel(x: int, y: int) -> tuple[int, int, int, int]:
        tile, u = divmod(x, 8)
        colour = [RED, KEY if u < 4 else BLUE, WHITE if u < 4 else BLACK][tile]
        return (*colour, 255)
    write_png(path, 24, 8, pixel)


def at(background, x: int, y: int) -> tuple[int, int, int]:
    target = pygame.Surface(background.size)
    background.draw(target)
    return tuple(target.get_at((x, y)))[:3]


@pytest.mark.parametrize("encoding", ["csv", "base64", "gzip", "zlib"])
def test_each_tile_data_encoding_draws_the_same_tiles(tmp_path, encoding):
    sheet(tmp_path / "tiles.png")
    body = sheet_tileset("tiles.png", (8, 8), 3, 3, trans="ff00ff") + tile_layer(2, 2, [1, 2, 2, 1], encoding)
    (tmp_path / "m.tmx").write_text(tiled_map(2, 2, (8, 8), body, extra=' backgroundcolor="#00c800"'))
    background = load_background(tmp_path / "m.tmx", (16, 16))
    assert at(background, 4, 4) == RED and at(background, 12, 12) == RED
    assert at(background, 14, 4) == BLUE
    assert at(background, 10, 4) == GREEN   # the key colour is see-through: the map's background shows


def test_flipped_tile_objects_draw_mirrored(tmp_path):
    sheet(tmp_path / "tiles.png")
    flipped_h, flipped_v = 3 | 0x80000000, 3 | 0x40000000
    objects = (' <objectgroup id="2" name="things">\n'
               f'  <object id="1" gid="3" x="0" y="8" width="8" height="8"/>\n'
               f'  <object id="2" gid="{flipped_h}" x="8" y="8" width="8" height="8"/>\n'
               f'  <object id="3" gid="{flipped_v}" x="0" y="16" width="8" height="8"/>\n </objectgroup>\n')
    body = sheet_tileset("tiles.png", (8, 8), 3, 3) + objects
    (tmp_path / "m.tmx").write_text(tiled_map(2, 2, (8, 8), body))
    background = load_background(tmp_path / "m.tmx", (16, 16))
    assert (at(background, 1, 4), at(background, 6, 4)) == (WHITE, BLACK)       # as drawn
    assert (at(background, 9, 4), at(background, 14, 4)) == (BLACK, WHITE)      # mirrored left to right
    assert (at(background, 1, 12), at(background, 6, 12)) == (WHITE, BLACK)     # upside down: same halves


def diamonds(path: Path) -> None:
    """Four 16x8 isometric tiles, each a diamond of one colour, see-through around it."""
    colours = [RED, BLUE, YELLOW, WHITE]

    def pixel(x: int, y: int) -> tuple[int, int, int, int]:
        tile, u = divmod(x, 16)
        inside = abs(u - 7.5) / 8 + abs(y - 3.5) / 4 <= 1
        return (*colours[tile], 255) if inside else (0, 0, 0, 0)
    write_png(path, 64, 8, pixel)


def test_an_isometric_map_draws_its_diamonds_and_projects_its_points(tmp_path):
    diamonds(tmp_path / "iso.png")
    stage = (' <objectgroup id="2" name="stage">\n  <object id="1" name="middle" x="8" y="8"><point/></object>\n'
             '  <object id="2" name="top" x="0" y="0"><point/></object>\n </objectgroup>\n')
    body = sheet_tileset("iso.png", (16, 8), 4, 4) + tile_layer(2, 2, [1, 2, 3, 4]) + stage
    (tmp_path / "iso.tmx").write_text(tiled_map(2, 2, (16, 8), body, "isometric"))
    background = load_background(tmp_path / "iso.tmx", (32, 16))
    # Tiled's layout: cell (x, y) has its top corner at ((x - y) * 8 + 16, (x + y) * 4)
    assert at(background, 16, 4) == RED        # cell (0, 0)
    assert at(background, 24, 8) == BLUE       # cell (1, 0)
    assert at(background, 8, 8) == YELLOW      # cell (0, 1)
    assert at(background, 16, 12) == WHITE     # cell (1, 1)
    assert at(background, 1, 1) == BLACK       # outside the diamond of cells
    assert dict(background.positions) == {"middle": (16, 8), "top": (16, 0)}


def test_shot_exits_non_zero_when_a_map_does_not_draw(story_dir, tmp_path, monkeypatch, capsys):
    """A tile sheet that starts as a PNG but is not one passes lint's look at its first bytes; drawing it fails,
    and shot says so instead of quietly drawing the scene without its background."""
    root = story_dir(MANIFEST, {"a.yaml": "background: room\nsteps:\n  - Hello.\n  - ending: plain\n"}, ASSETS)
    folder = root / "assets" / "backgrounds"
    (folder / "tiles.png").write_bytes(b"\x89PNG\r\n\x1a\n and then nothing of a picture")
    body = sheet_tileset("tiles.png", (8, 8), 3, 3) + tile_layer(2, 2, [1, 2, 2, 1])
    (folder / "room.tmx").write_text(tiled_map(2, 2, (8, 8), body))
    monkeypatch.chdir(root)
    assert main(["lint", "--story", "."]) == 0
    capsys.readouterr()
    code = main(["shot", "--story", ".", "--route", "main", "--out", str(tmp_path / "shot.png")])
    out, err = capsys.readouterr()
    assert code == 1 and (tmp_path / "shot.png").is_file()
    assert err.startswith("assets/backgrounds/room.tmx: tiles.png is not a picture pygame can read (")
    assert err.rstrip().endswith(") (drawn without it)")


def test_the_isometric_example_story_lints_clean_and_stands_sophie_in_the_middle(tmp_path, monkeypatch, capsys):
    """tools/isometric_story.py, the example docs/assets.md points to: a 16:9 isometric map, nothing cropped."""
    from toolfiles import load_tool
    tool = load_tool("isometric_story")
    tool.write(tmp_path / "iso")
    monkeypatch.chdir(tmp_path / "iso")
    assert main(["lint", "--story", "."]) == 0
    assert capsys.readouterr().err == ""
    background = load_background(tmp_path / "iso" / "assets" / "backgrounds" / "village_square.tmx")
    assert background.positions["in_the_square"] == (640, 360)
    assert at(background, 640, 380) != at(background, 2, 2)   # cobbles at the middle, the map's colour outside


def test_a_maps_light_tints_the_characters_and_a_picture_leaves_them_as_drawn(tmp_path):
    """The night maps' 'light' property: the stage multiplies each sprite by it (its outline's alpha kept)."""
    from game.ui.stage import StageView
    sheet(tmp_path / "tiles.png")
    body = sheet_tileset("tiles.png", (8, 8), 3, 3) + tile_layer(2, 2, [1, 1, 1, 1], "csv")
    props = ' <properties>\n  <property name="light" type="color" value="#ff8080c0"/>\n </properties>\n'
    (tmp_path / "m.tmx").write_text(tiled_map(2, 2, (8, 8), props + body))
    background = load_background(tmp_path / "m.tmx", (16, 16))
    assert background.light == (0x80, 0x80, 0xc0)
    sprite = pygame.Surface((4, 4), pygame.SRCALPHA)
    sprite.fill((200, 100, 40, 255))
    sprite.set_at((0, 0), (200, 100, 40, 0))
    stage = StageView.__new__(StageView)
    import weakref
    stage._lights = weakref.WeakKeyDictionary()
    lit = stage._lit(sprite, background.light)
    assert tuple(lit.get_at((2, 2))) == (200 * 128 // 255, 100 * 128 // 255, 40 * 192 // 255, 255)
    assert lit.get_at((0, 0))[3] == 0 and tuple(sprite.get_at((2, 2))) == (200, 100, 40, 255)
    assert stage._lit(sprite, background.light) is lit            # made once
    write_png(tmp_path / "p.png", 16, 16, lambda x, y: (*RED, 255))
    assert load_background(tmp_path / "p.png", (16, 16)).light is None


def test_a_rotated_tile_object_turns_about_its_corner_as_in_tiled(tmp_path):
    """A 16x8 tile object turned 90 degrees clockwise about its bottom-left corner (Tiled's origin for tile objects
    on an orthogonal map) stands 8 wide and 16 tall, to the right of and below that corner; its left half (red)
    ends up on top."""
    write_png(tmp_path / "bar.png", 16, 8, lambda x, y: (*(RED if x < 8 else BLUE), 255))
    tileset = (' <tileset firstgid="1" name="bar" tilewidth="16" tileheight="8" tilecount="1" columns="1">\n'
               '  <image source="bar.png" width="16" height="8"/>\n </tileset>\n')
    objects = (' <objectgroup id="2" name="things">\n'
               '  <object id="1" gid="1" x="8" y="8" width="16" height="8" rotation="90"/>\n'
               '  <object id="2" gid="1" x="0" y="32" width="16" height="8"/>\n </objectgroup>\n')
    (tmp_path / "m.tmx").write_text(tiled_map(4, 4, (8, 8), tileset + objects, extra=' backgroundcolor="#00c800"'))
    background = load_background(tmp_path / "m.tmx", (32, 32))
    assert at(background, 11, 11) == RED and at(background, 11, 19) == BLUE    # x 8-16, y 8-24: turned
    assert at(background, 4, 11) == GREEN and at(background, 20, 11) == GREEN and at(background, 11, 4) == GREEN
    assert at(background, 3, 28) == RED and at(background, 12, 28) == BLUE     # unturned: as drawn


def image_layers(names: list[str], size: tuple[int, int]) -> str:
    return "".join(f' <imagelayer id="{10 + n}" name="{name}">\n  <image source="{name}.png" width="{size[0]}" '
                   f'height="{size[1]}"/>\n </imagelayer>\n' for n, name in enumerate(names))


def test_a_map_load_reads_each_image_layer_only_when_it_paints_it(tmp_path, monkeypatch):
    """A map's image layers are full-size pictures (4 MB each in the game): load_background reads one, paints it
    and lets it go before reading the next, so a load never holds them all at once; the picture is the same."""
    import weakref

    from game.ui import tiled
    colours = {"sky": (20, 30, 90, 255), "hills": (40, 120, 40, 255), "mist": (200, 200, 200, 100)}
    for name, colour in colours.items():
        write_png(tmp_path / f"{name}.png", 256, 256, lambda x, y, c=colour: c if y >= 80 or c[1] == 30 else (0, 0, 0, 0))
    (tmp_path / "room.tmx").write_text(tiled_map(32, 32, (8, 8), image_layers(list(colours), (256, 256))))
    alive: list[weakref.ref] = []
    most = []
    read = tiled._Pictures._read

    def counted(self, filename, colorkey, where=""):
        most.append(sum(ref() is not None for ref in alive))
        picture = read(self, filename, colorkey, where)
        alive.append(weakref.ref(picture))
        return picture
    monkeypatch.setattr(tiled._Pictures, "_read", counted)
    late = load_background(tmp_path / "room.tmx", (256, 256))
    assert len(most) == 3 and max(most) == 0, f"pictures still held when the next was read: {most}"
    alive.clear()
    most.clear()
    from game.ui.backgrounds import MapBackground
    at_once = MapBackground(tiled.read_tmx(tmp_path / "room.tmx"), (256, 256))   # read_tmx as tools read it
    assert most == [0, 1, 2]
    for x, y in [(5, 5), (5, 100), (200, 250)]:
        assert at(late, x, y) == at(at_once, x, y)
    assert at(late, 5, 5) == (20, 30, 90) and at(late, 5, 100) != (20, 30, 90)


def test_an_image_layer_that_is_not_a_picture_is_named_with_its_map_when_read_late(tmp_path):
    from game.ui.backgrounds import BackgroundError
    write_png(tmp_path / "sky.png", 16, 16, lambda x, y: (1, 2, 3, 255))
    (tmp_path / "mist.png").write_bytes(b"\x89PNG\r\n\x1a\n and then nothing of a picture")
    (tmp_path / "room.tmx").write_text(tiled_map(2, 2, (8, 8), image_layers(["sky", "mist"], (16, 16))))
    with pytest.raises(BackgroundError) as caught:
        load_background(tmp_path / "room.tmx", (16, 16))
    assert str(caught.value).startswith(f"{tmp_path / 'room.tmx'}: mist.png is not a picture pygame can read (")


def test_a_picture_that_is_both_a_tile_sheet_and_an_image_layer_is_read_at_once(tmp_path):
    from game.ui import tiled
    write_png(tmp_path / "both.png", 16, 16, lambda x, y: (200, 10, 10, 255))
    body = sheet_tileset("both.png", (8, 8), 2, 4) + tile_layer(2, 2, [1, 2, 3, 4]) + image_layers(["both"], (16, 16))
    (tmp_path / "room.tmx").write_text(tiled_map(2, 2, (8, 8), body))
    root = tiled._xml(tmp_path / "room.tmx", "room.tmx")
    assert tiled._layer_only_files(tmp_path / "room.tmx", root) == frozenset()
    assert at(load_background(tmp_path / "room.tmx", (16, 16)), 4, 4) == (200, 10, 10)
