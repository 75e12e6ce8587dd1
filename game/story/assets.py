"""Finds the files a story names under its assets/ folder, and nothing outside it."""
from __future__ import annotations

import os
import re
from pathlib import Path

from .mapfile import MapFile, read_map
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
        self.maps: dict[Path, MapFile] = {}  # every map under assets/backgrounds/ by its real path
        self.part_of: dict[str, Path] = {}  # a layer picture or tile sheet, by its name as a background -> its map
        self.used: dict[Path, MapFile] = {}  # the maps the story names, in the order first named
        if self.folder.is_dir():
            self._scan()

    def _scan(self) -> None:
        self._folder_resolved = self.folder.resolve()
        backgrounds = self.folder / "backgrounds"
        parts: set[Path] = set()
        self._owners: dict[Path, Path] = {}
        if backgrounds.is_dir():
            for tmx in sorted(backgrounds.rglob("*.tmx")):
                found = self.maps[tmx.resolve()] = read_map(tmx)
                parts |= found.parts
                for part in found.parts:
                    self._owners.setdefault(part, tmx)
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
                        self.part_of.setdefault(rel, self._owners[real])
                        self.part_of.setdefault(rel + ext.lower(), self._owners[real])
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
        if path is None and kind == "backgrounds" and (key in self.part_of or name in self.part_of):
            owner = self.part_of.get(name) or self.part_of[key]
            shown = owner.relative_to(self.root).as_posix()
            return None, f"background '{name}' is part of map {shown}, not a background", \
                f"name the map instead: 'background: {owner.relative_to(self.folder / kind).with_suffix('').as_posix()}'"
        if path is None:
            return None, f"{SINGULAR[kind]} '{name}' not found in {where}", \
                did_you_mean(key, self.files[kind]) or f"add {where}{key}{EXTENSIONS[kind][0 if kind != 'backgrounds' else 1]}"
        if path in self.outside:
            return None, f"{SINGULAR[kind]} '{name}' resolves outside assets/", "keep asset files inside assets/"
        if kind == "backgrounds" and path.resolve() in self.maps:
            self.used.setdefault(path.resolve(), self.maps[path.resolve()])
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
                if path.resolve() in self.maps:
                    found |= self.maps[path.resolve()].places
            self._positions = found
        return self._positions
