"""Finds the files a story names under its assets/ folder, and nothing outside it."""
from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from .problems import did_you_mean

EXTENSIONS = {
    "backgrounds": (".tmx", ".png", ".jpg", ".jpeg"),
    "music": (".ogg", ".wav"),
    "ambience": (".ogg", ".wav"),
    "sounds": (".ogg", ".wav"),
    "characters": (".png",),
}
SINGULAR = {"backgrounds": "background", "music": "music", "ambience": "ambience",
            "sounds": "sound", "characters": "sprite"}
BUILTIN_POSITIONS = ("left", "center", "right")
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*(/[A-Za-z0-9_][A-Za-z0-9_\-]*)*(\.[A-Za-z0-9]+)?$")


class AssetCatalog:
    """An index of assets/ made once: kind -> name (without extension) -> file path."""

    def __init__(self, root: Path):
        self.root = root
        self.folder = root / "assets"
        self.files: dict[str, dict[str, Path]] = {kind: {} for kind in EXTENSIONS}
        self.exact: dict[str, dict[str, Path]] = {kind: {} for kind in EXTENSIONS}  # 'name.ext' -> file
        self.sprites: dict[str, dict[str, Path]] = {}
        self._positions: set[str] | None = None
        self.outside: set[Path] = set()  # files whose real place (through links) is not inside assets/
        self.broken: dict[Path, str] = {}  # maps whose tilesets cannot be read -> why
        if self.folder.is_dir():
            self._scan()

    def _scan(self) -> None:
        self._folder_resolved = self.folder.resolve()
        backgrounds = self.folder / "backgrounds"
        parts: set[Path] = set()
        if backgrounds.is_dir():
            for tmx in backgrounds.rglob("*.tmx"):
                images, problem = tmx_parts(tmx)
                parts |= images
                if problem:
                    self.broken[tmx.resolve()] = problem
        for kind, extensions in EXTENSIONS.items():
            base = self.folder / kind
            if not base.is_dir():
                continue
            for folder, _dirs, names in os.walk(base):
                real_folder = Path(folder).resolve()  # once a folder: resolving each file was most of a scan
                for filename in sorted(names):
                    stem, ext = os.path.splitext(filename)
                    if ext.lower() not in extensions:
                        continue
                    path = Path(folder) / filename
                    real = path.resolve() if os.path.islink(path) else real_folder / filename
                    rel = path.relative_to(base).with_suffix("").as_posix()
                    if kind == "backgrounds" and parts and real in parts:
                        continue  # a layer or tile sheet of a Tiled map
                    if not real.is_relative_to(self._folder_resolved):
                        self.outside.add(path)
                    if kind == "characters":
                        sprite_set, _, expression = rel.rpartition("/")
                        if sprite_set:
                            self.sprites.setdefault(sprite_set, {})[expression] = path
                    else:
                        self.exact[kind][rel + ext.lower()] = path
                        best = self.files[kind].get(rel)
                        rank = extensions.index(ext.lower())
                        if best is None or rank < extensions.index(best.suffix.lower()):
                            self.files[kind][rel] = path  # a name without extension: the first listed wins

    def find(self, kind: str, name: str) -> tuple[Path | None, str, str]:
        """(file, message, hint): the file, or None with why it is not there and a remedy."""
        where = f"assets/{kind}/"
        if not isinstance(name, str) or not _NAME.match(name) or ".." in name:
            return None, (f"{SINGULAR[kind]} name {name!r} is not a plain name inside {where}"), \
                "use letters, digits, _ and - with / between folders, for example 'vineyard_dusk'"
        key = name
        stem, ext = os.path.splitext(name)
        if ext and ext.lower() in EXTENSIONS[kind]:
            key = stem
            path = self.exact[kind].get(stem + ext.lower())
        else:
            path = self.files[kind].get(key)
        if path is None:
            return None, f"{SINGULAR[kind]} '{name}' not found in {where}", \
                did_you_mean(key, self.files[kind]) or f"add {where}{key}{EXTENSIONS[kind][0 if kind != 'backgrounds' else 1]}"
        if path in self.outside:
            return None, f"{SINGULAR[kind]} '{name}' resolves outside assets/", "keep asset files inside assets/"
        if kind == "backgrounds" and path.resolve() in self.broken:
            return None, f"background '{name}': {self.broken[path.resolve()]}", \
                "in Tiled, add the tileset with Map > Add External Tileset, choosing a .tsx file"
        return path, "", ""

    def sprite_set(self, name: str) -> tuple[dict[str, Path] | None, str, str]:
        if not isinstance(name, str) or not _NAME.match(name) or ".." in name:
            return None, f"sprite set {name!r} is not a plain folder name inside assets/characters/", ""
        found = self.sprites.get(name)
        if found is None:
            return None, f"sprite folder 'assets/characters/{name}/' not found", \
                did_you_mean(name, self.sprites) or f"add PNGs such as assets/characters/{name}/neutral.png"
        if any(p in self.outside for p in found.values()):
            return None, f"sprite set '{name}' resolves outside assets/", "keep asset files inside assets/"
        return found, "", ""

    def _inside(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self._folder_resolved)
            return True
        except ValueError:
            return False

    def positions(self) -> set[str]:
        """Built-in stage positions plus every point named in a Tiled map's object layers."""
        if self._positions is None:
            found = set(BUILTIN_POSITIONS)
            for name, path in self.files["backgrounds"].items():
                if path.suffix.lower() == ".tmx":
                    found |= tmx_point_names(path)
            self._positions = found
        return self._positions


def tmx_point_names(path: Path) -> set[str]:
    """Names of the points and rectangles in a Tiled map's object layers (where characters may stand)."""
    try:
        tree = ElementTree.parse(path)
    except (OSError, ElementTree.ParseError):
        return set()
    return {obj.get("name") for group in tree.iter("objectgroup") for obj in group.iter("object")
            if obj.get("name") and obj.get("gid") is None
            and obj.find("polygon") is None and obj.find("polyline") is None}


def tmx_parts(path: Path) -> tuple[set[Path], str]:
    """The pictures a Tiled map draws from (its image layers and its tilesets' sheets: parts, not backgrounds),
    and what is wrong with its tilesets ('' if nothing). A tileset file is read but never followed further:
    a .tsx holds its tileset itself, so a file naming another (or the map) is an error, not a loop to walk."""
    found: set[Path] = set()
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return found, ""
    for image in root.iter("image"):
        if image.get("source"):
            found.add((path.parent / image.get("source")).resolve())
    problem = ""
    for tileset in root.findall("tileset"):
        source = tileset.get("source")
        if not source:
            continue
        tsx = (path.parent / source).resolve()
        try:
            sheet = ElementTree.parse(tsx).getroot()
        except (OSError, ElementTree.ParseError):
            continue  # missing or malformed: the game says so when it draws the map
        if sheet.tag != "tileset":
            problem = problem or f"its tileset {source} is a <{sheet.tag}>, not a tileset (.tsx) file"
            continue
        if sheet.get("source"):
            problem = problem or f"its tileset {source} names another file ({sheet.get('source')}) instead of " \
                                 "holding the tileset"
            continue
        found |= {(tsx.parent / image.get("source")).resolve() for image in sheet.iter("image")
                  if image.get("source")}
    return found, problem
