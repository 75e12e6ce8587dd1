"""Every background map opens in the Tiled editor itself: Tiled reads it and finds the layers and tilesets we wrote.

Tiled's command line (Debian's package `tiled`, run on Qt's offscreen platform) loads each map and exports it
as JSON with its tilesets embedded; a map it cannot parse makes it fail. Missing images do not (Tiled only
warns in its window), so tests/test_tiled_maps.py checks that every referenced file is there.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAPS = sorted((ROOT / "assets" / "backgrounds").glob("*.tmx"))
LAYER_TYPES = {"imagelayer": "imagelayer", "layer": "tilelayer", "objectgroup": "objectgroup", "group": "group"}

pytestmark = pytest.mark.skipif(shutil.which("tiled") is None,
                                reason="the Tiled editor is not installed (apt package tiled; .ci/run installs it)")


def exported(path: Path, tmp_path: Path) -> dict:
    out = tmp_path / f"{path.stem}.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path / "xdg"))
    (tmp_path / "xdg").mkdir(mode=0o700, exist_ok=True)
    done = subprocess.run(["tiled", "--export-map", "json", "--embed-tilesets", str(path), str(out)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"Tiled cannot open {path.name}: {done.stdout}{done.stderr}"
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", MAPS, ids=[p.stem for p in MAPS])
def test_tiled_opens_the_map_and_sees_what_we_wrote(path: Path, tmp_path: Path) -> None:
    written = ElementTree.parse(path).getroot()
    seen = exported(path, tmp_path)
    # The map covers the canvas (vineyard_stars runs 16 px below it, which the engine crops).
    assert seen["width"] * seen["tilewidth"] >= 1280 and seen["height"] * seen["tileheight"] >= 720
    ours = [(LAYER_TYPES[e.tag], e.get("name")) for e in written if e.tag in LAYER_TYPES]
    assert [(layer["type"], layer["name"]) for layer in seen["layers"]] == ours
    assert len(seen["tilesets"]) == len(written.findall("tileset"))
    for tileset in seen["tilesets"]:
        assert tileset.get("image"), f"{path.name}: tileset {tileset.get('name')} has no image for Tiled"
    animated = sum(1 for ts in seen["tilesets"] for tile in ts.get("tiles", []) if tile.get("animation"))
    assert animated > 0, f"{path.name}: Tiled sees no animated tile"
    stage = next(layer for layer in seen["layers"] if layer["name"] == "stage")
    assert {o["name"] for o in stage["objects"]} >= {"left", "center", "right"}
