"""A clean lint means every background draws: lint makes, without pygame, every check drawing a Tiled map
makes, each reported at its place in the map (or tileset) file, and warns of points the canvas crops away."""
from __future__ import annotations

import pytest

from game.cli import main
from mapfixtures import plain, sheet_tileset, tile_layer, tiled_map, write_png
from storyfixtures import ASSETS, MANIFEST

SCENE = "background: room\nsteps:\n  - Hello.\n  - ending: plain\n"
TILE = (32, 32)
GREEN = plain((20, 160, 40, 255))


def good_map(orientation: str = "orthogonal", body_extra: str = "", size: tuple[int, int] = (40, 22),
             encoding: str = "csv") -> str:
    width, height = size
    body = (sheet_tileset("tiles.png", TILE, 2, 2) + tile_layer(width, height, [1, 2] * (width * height // 2), encoding)
            + body_extra)
    return tiled_map(width, height, TILE, body, orientation)


@pytest.fixture
def lint(story_dir, monkeypatch, capsys):
    """lint(map text, {file: bytes}) -> (exit code, stdout lines, stderr lines), run in the story folder."""
    def run(tmx: str, files: dict[str, bytes] | None = None, scene: str = SCENE):
        root = story_dir(MANIFEST, {"a.yaml": scene}, ASSETS)
        write_png(root / "assets" / "backgrounds" / "tiles.png", 64, 32, GREEN)
        (root / "assets" / "backgrounds" / "room.tmx").write_text(tmx, encoding="utf-8")
        for name, data in (files or {}).items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        monkeypatch.chdir(root)
        code = main(["lint", "--story", "."])
        out, err = capsys.readouterr()
        return code, out.splitlines(), err.splitlines()
    return run


MAP = "assets/backgrounds/room.tmx"


def test_a_good_map_lints_clean(lint):
    code, out, err = lint(good_map())
    assert (code, err) == (0, []), err
    assert out[0].startswith("Test Story: clean. ")


@pytest.mark.parametrize("orientation", ["staggered", "hexagonal"])
def test_an_orientation_the_game_cannot_draw_is_named_at_the_map(lint, orientation):
    code, _, err = lint(good_map(orientation))
    assert code == 1
    assert err == [f"{MAP}:2:1: error: {orientation} maps are not supported, only orthogonal and isometric ones "
                   "(make the map again as an orthogonal or isometric map in Tiled (File > New > New Map))",
                   "1 problem in ."]


def test_isometric_maps_lint_clean(lint):
    code, _, err = lint(good_map("isometric", size=(20, 20)))
    assert code == 0
    assert err == [f"{MAP}:2:1: note: the map is 640x640 pixels, not 16:9: scaled by 2 to cover 1280x720, "
                   "280 pixels at the top and 280 at the bottom are cut off (to show all of it, make it 16:9, as "
                   "1280x720 pixels is)"]


def test_an_infinite_map(lint):
    code, _, err = lint(good_map().replace('infinite="0"', 'infinite="1"'))
    assert (code, err[0]) == (1, f"{MAP}:2:1: error: infinite maps are not supported "
                                 "(in Tiled, untick Map > Map Properties > Infinite)")


def test_malformed_xml_has_its_line_and_column(lint):
    code, _, err = lint(good_map().replace("<layer ", "<layer <"))
    assert code == 1
    assert err[0] == (f"{MAP}:6:9: error: malformed XML (not well-formed (invalid token)) "
                      "(open the file in Tiled and save it again)")


def test_a_missing_tileset_picture(lint):
    code, _, err = lint(good_map().replace("tiles.png", "gone.png"))
    assert (code, err[0]) == (1, f"{MAP}:4:3: error: tileset image (of an embedded tileset) gone.png is missing "
                                 "(put gone.png there, or point Tiled at it again)")


def test_a_tileset_picture_that_is_no_picture(lint):
    code, _, err = lint(good_map(), {"assets/backgrounds/tiles.png": b"GIF89a, not a PNG"})
    assert (code, err[0]) == (1, f"{MAP}:4:3: error: tileset image (of an embedded tileset) tiles.png is not a "
                                 "picture the game can read (its bytes are not those of a PNG file) "
                                 "(export it again as PNG)")


def test_a_missing_and_a_malformed_tsx(lint):
    external = good_map().replace(sheet_tileset("tiles.png", TILE, 2, 2), ' <tileset firstgid="1" source="t.tsx"/>\n')
    code, _, err = lint(external)
    assert (code, err[0]) == (1, f"{MAP}:3:2: error: tileset t.tsx is missing (put t.tsx next to the map, or in "
                                 "Tiled re-add the tileset (Map > Add External Tileset))")
    code, _, err = lint(external, {"assets/backgrounds/t.tsx": b'<tileset name="t">\n<image source="tiles.png"\n'})
    assert (code, err[0]) == (1, "assets/backgrounds/t.tsx:2:1: error: malformed XML (unclosed token) "
                                 "(open the file in Tiled and save it again)")
    code, _, err = lint(external, {"assets/backgrounds/t.tsx": b'<tileset name="t" tilecount="2">\n'
                                                               b' <image source="nothing.png"/>\n</tileset>\n'})
    assert (code, err[0]) == (1, "assets/backgrounds/t.tsx:2:2: error: tileset image (of t.tsx) nothing.png is "
                                 "missing (put nothing.png there, or point Tiled at it again)")


def test_tile_data_the_game_cannot_read(lint):
    zstd = good_map().replace('<data encoding="csv">', '<data encoding="base64" compression="zstd">')
    code, _, err = lint(zstd)
    assert (code, err[0]) == (1, f"{MAP}:7:3: error: tile layer 'ground' is compressed with 'zstd', which the game "
                                 "cannot read (in Tiled, set Map > Map Properties > Tile Layer Format to CSV, "
                                 "Base64 (gzip) or Base64 (zlib))")
    code, _, err = lint(good_map(encoding="gzip").replace('compression="gzip">', 'compression="gzip">AAAA'))
    assert (code, err[0]) == (1, f"{MAP}:7:3: error: tile layer 'ground': its gzip data does not uncompress "
                                 "(open the map in Tiled and save it again)")
    code, _, err = lint(good_map().replace('<data encoding="csv">1,', '<data encoding="csv">9,'))
    assert (code, err[0]) == (1, f"{MAP}:7:3: error: tile layer 'ground' uses tile 9, which no tileset of the map "
                                 "has (they end at 2) (in Tiled, erase the tiles of a removed tileset)")


@pytest.mark.parametrize("encoding", ["csv", "base64", "gzip", "zlib"])
def test_every_encoding_pytmx_reads_lints_clean(lint, encoding):
    assert lint(good_map(encoding=encoding))[0] == 0


def test_tiles_as_xml_elements_which_pytmx_no_longer_reads(lint):
    code, _, err = lint(good_map(encoding="xml"))
    assert (code, err[0]) == (1, f"{MAP}:7:3: error: tile layer 'ground' is stored as XML <tile> elements, which "
                                 "the game cannot read (in Tiled, set Map > Map Properties > Tile Layer Format to "
                                 "CSV, Base64 (gzip) or Base64 (zlib))")


def test_a_point_off_the_canvas_is_a_warning_naming_map_and_point(lint):
    points = (' <objectgroup id="2" name="stage">\n  <object id="1" name="bench" x="600" y="700"><point/></object>\n'
              '  <object id="2" name="far_door" x="1400" y="300" width="40" height="80"/>\n </objectgroup>\n')
    code, out, err = lint(good_map(body_extra=points))
    assert code == 0
    assert err == [f"{MAP}:11:1: warning: point 'far_door' lands off the 1280x720 canvas, at (1438, 389), once the "
                   "map is scaled to cover it (move it inside the part of the map the canvas shows)"]
    assert out[0].startswith("Test Story: clean but for 1 warning. ")


def test_a_map_not_16_9_says_how_it_is_cropped(lint):
    code, _, err = lint(good_map(size=(20, 20)))
    assert (code, err) == (0, [f"{MAP}:2:1: note: the map is 640x640 pixels, not 16:9: scaled by 2 to cover "
                               "1280x720, 280 pixels at the top and 280 at the bottom are cut off (to show all of "
                               "it, make it 16:9, as 1280x720 pixels is)"])


def test_a_map_picture_named_as_a_background_is_part_of_the_map(lint):
    code, _, err = lint(good_map(), scene=SCENE.replace("background: room", "background: tiles"))
    assert (code, err[0]) == (1, "scenes/a.yaml:1:13: error: background 'tiles' is part of map "
                                 "assets/backgrounds/room.tmx, not a background (name the map instead: "
                                 "'background: room')")


def test_problems_of_a_map_no_scene_names_are_not_reported(lint):
    code, _, err = lint(good_map("staggered"), scene=SCENE.replace("background: room", "background: bg"))
    assert (code, err) == (0, [])


def test_json_lists_warnings_apart_from_errors(story_dir, monkeypatch, capsys):
    import json
    root = story_dir(MANIFEST, {"a.yaml": SCENE}, ASSETS)
    write_png(root / "assets" / "backgrounds" / "tiles.png", 64, 32, GREEN)
    (root / "assets" / "backgrounds" / "room.tmx").write_text(good_map(size=(20, 20)), encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["lint", "--story", ".", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["errors"] == []
    assert [(w["path"], w["line"], w["col"], w["severity"]) for w in data["warnings"]] == [(MAP, 2, 1, "note")]
    (root / "scenes" / "a.yaml").write_text(SCENE.replace("ending: plain", "ending: nowhere"), encoding="utf-8")
    assert main(["lint", "--story", ".", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(e["path"], e["line"], e["severity"]) for e in data["errors"]] == [("scenes/a.yaml", 4, "error")]
    assert [w["severity"] for w in data["warnings"]] == ["note"]


def with_light(value: str) -> str:
    return good_map().replace("<map ", "<map ", 1).replace(
        'infinite="0">\n', f'infinite="0">\n <properties>\n  <property name="light" type="color" value="{value}"/>\n'
        ' </properties>\n', 1)


@pytest.mark.parametrize("value", ["#a4acd4", "#ffa4acd4"])
def test_a_maps_light_as_tiled_writes_a_colour_lints_clean(lint, value):
    code, _, err = lint(with_light(value))
    assert (code, err) == (0, [])


def test_a_maps_light_that_is_no_colour_is_named_at_its_line(lint):
    code, _, err = lint(with_light("moonlight"))
    assert code == 1
    assert err[0] == (f"{MAP}:4:3: error: the map's 'light' property is 'moonlight', not a colour (give it a colour "
                      "as Tiled writes one, such as #a4acd4 (in Tiled: Map > Map Properties, add a property of "
                      "type color))")
