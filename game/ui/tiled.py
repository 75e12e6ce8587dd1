"""Reads a Tiled .tmx map into a LayeredMap through pytmx: the one module of the game that imports pytmx."""
from __future__ import annotations

import math
import os
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import pygame
import pytmx
from pytmx.util_pygame import handle_transformation

from ..story.mapfile import isometric_point, read_map
from .tilemap import AnimatedTile, BackgroundError, LayeredMap, MapLayer, Sprite, one_line

Frames = tuple[tuple[pygame.Surface, int], ...]
# A layer element in document order with what its groups add up to: visible, opacity, offset x, offset y.
Leaf = tuple[ElementTree.Element, bool, float, float, float]
_KINDS = {"layer": pytmx.TiledTileLayer, "imagelayer": pytmx.TiledImageLayer,
          "objectgroup": pytmx.TiledObjectGroup}


def read_tmx(path: Path, late: bool = False) -> LayeredMap:
    """Read a map and every picture it uses; any problem becomes one BackgroundError that names the file.
    late: an image layer's picture is read from its file only when it is painted (a function that reads it
    stands in the layer's sprites, see backgrounds._paint): load_background paints the layers one at a time,
    so a load holds one full-size picture, not all four of a map at once (12 MB more at the peak)."""
    root = _xml(path, str(path))
    _check(path, root)
    pictures = _Pictures(path, _layer_only_files(path, root) if late else frozenset())
    try:
        tmx = pytmx.TiledMap(str(path), image_loader=pictures)
    except BackgroundError as exc:
        raise BackgroundError(f"{path}: {exc}") from exc
    except Exception as exc:
        raise BackgroundError(f"{path}: pytmx cannot read this map ({one_line(exc)})") from exc
    try:
        return _convert(tmx, root, pictures)
    except Exception as exc:
        raise BackgroundError(f"{path}: {one_line(exc)}") from exc
    finally:
        _let_go(tmx, pictures)


def _let_go(tmx: pytmx.TiledMap, pictures: _Pictures) -> None:
    """pytmx's map and its layers point at each other, so it lives until the cycle collector runs, with every
    picture of the map (4 MB an image layer): drop the pictures now; the LayeredMap holds what it uses."""
    tmx.images = []
    tmx.image_loader = None
    pictures.loaded.clear()


# ---------------------------------------------------------------- checks pytmx would answer with a traceback

def _xml(file: Path, where: str) -> ElementTree.Element:
    try:
        return ElementTree.parse(file).getroot()
    except ElementTree.ParseError as exc:
        raise BackgroundError(f"{where}: malformed XML ({exc})") from exc
    except OSError as exc:
        raise BackgroundError(f"{where}: cannot be read ({exc.strerror or exc})") from exc


def _check(path: Path, root: ElementTree.Element) -> None:
    """Every check lint makes of a map (game/story/mapfile.py): the first error found stops the drawing."""
    if root.tag != "map":
        raise BackgroundError(f"{path}: not a Tiled map (its root element is <{root.tag}>, not <map>)")
    for found in read_map(path).findings:
        if found.severity == "error":
            where = f"{found.path}:{found.line}" if found.line else str(found.path)
            raise BackgroundError(f"{where}: {found.message}" if found.path == path else
                                  f"{path}: {where}: {found.message}")


def _layer_only_files(path: Path, root: ElementTree.Element) -> frozenset[str]:
    """The files that only image layers show, named as pytmx names them: never a tile's picture (in the map or
    in a tileset file of its own), so they may be read late. Nothing, if a tileset file cannot be read."""
    folder = os.path.dirname(str(path))
    shown = root.findall(".//imagelayer/image")
    ids = {id(image) for image in shown}
    tiles = {os.path.normpath(os.path.join(folder, image.get("source", "")))
             for image in root.iter("image") if id(image) not in ids}
    for tileset in root.iter("tileset"):
        if tileset.get("source"):
            tsx = os.path.join(folder, tileset.get("source", ""))
            try:
                images = list(ElementTree.parse(tsx).getroot().iter("image"))
            except (ElementTree.ParseError, OSError):
                return frozenset()
            for image in images:   # as pytmx joins them (to the map's folder) and as Tiled does (the tileset's)
                for base in (folder, os.path.dirname(tsx)):
                    tiles.add(os.path.normpath(os.path.join(base, image.get("source", ""))))
    layers = {os.path.join(folder, image.get("source", "")) for image in shown}
    return frozenset(name for name in layers if os.path.normpath(name) not in tiles)


class _Pictures:
    """pytmx's image loader hook: straight-alpha surfaces, no display needed (load_pygame's loader calls
    convert()), and each file's picture kept by its path, for image layers (see _convert). A file in `late`
    is kept as a function that reads it, called when its layer is painted (pytmx is handed a stand-in)."""

    def __init__(self, path: Path, late: frozenset[str] = frozenset()) -> None:
        self.path = path
        self.late = late
        self.loaded: dict[str, Any] = {}

    def __call__(self, filename: str, colorkey: Optional[str], **_: Any) -> Callable[..., pygame.Surface]:
        if filename in self.late:
            self.loaded[filename] = lambda: self._read(filename, colorkey, str(self.path) + ": ")
            return _stand_in
        sheet = self._read(filename, colorkey)
        self.loaded[filename] = sheet

        def load(rect: Any = None, flags: Any = None) -> pygame.Surface:
            # The whole picture is handed over as it is (an image layer; nothing draws into it), a tile as
            # a copy of its part, so that the sheet can go once the map is read.
            tile = sheet.subsurface(rect).copy() if rect else sheet
            return handle_transformation(tile, flags) if flags else tile
        return load

    def _read(self, filename: str, colorkey: Optional[str], where: str = "") -> pygame.Surface:
        """The file's picture as straight 32-bit RGBA; BackgroundError naming it (after `where`) if it cannot be."""
        try:
            picture = pygame.image.load(filename)
        except (pygame.error, OSError, ValueError) as exc:
            name = os.path.relpath(filename, self.path.parent)
            raise BackgroundError(f"{where}{name} is not a picture pygame can read ({one_line(exc)})") from exc
        if colorkey:
            picture.set_colorkey(pygame.Color("#" + colorkey.lstrip("#")))
        if colorkey or not picture.get_flags() & pygame.SRCALPHA or picture.get_bitsize() != 32:
            sheet = pygame.Surface(picture.get_size(), pygame.SRCALPHA, 32)
            sheet.blit(picture, (0, 0))
        else:
            sheet = picture   # already straight 32-bit RGBA: no second copy of a 4 MB layer
        return sheet


def _stand_in(rect: Any = None, flags: Any = None) -> pygame.Surface:
    """What pytmx keeps for a layer read late: the game takes the layer's picture by its path (_convert)."""
    return pygame.Surface((1, 1), pygame.SRCALPHA, 32)


# ---------------------------------------------------------------- pytmx's map as plain layers

@dataclass(frozen=True)
class _Grid:
    """Where a map's tiles and objects go in map pixels: square cells (orthogonal) or diamonds (isometric)."""
    tmx: Any
    isometric: bool

    def size(self) -> tuple[int, int]:
        t = self.tmx
        if self.isometric:
            return ((t.width + t.height) * t.tilewidth // 2, (t.width + t.height) * t.tileheight // 2)
        return (t.width * t.tilewidth, t.height * t.tileheight)

    def cell_bottom_left(self, x: int, y: int) -> tuple[float, float]:
        """The bottom-left corner a cell's tile stands on (a tile taller than the grid rises above its cell)."""
        t = self.tmx
        if self.isometric:   # as Tiled's IsometricRenderer: the diamond's top at (x - y) * w/2 + origin
            return ((x - y) * t.tilewidth / 2 + (t.height - 1) * t.tilewidth / 2, (x + y + 2) * t.tileheight / 2)
        return (x * t.tilewidth, (y + 1) * t.tileheight)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """An object layer's point in map pixels."""
        if self.isometric:
            return isometric_point(x, y, self.tmx.tilewidth, self.tmx.tileheight, self.tmx.height)
        return (x, y)


def _convert(tmx: pytmx.TiledMap, root: ElementTree.Element, pictures: _Pictures) -> LayeredMap:
    grid = _Grid(tmx, root.get("orientation", "orthogonal") == "isometric")
    size = grid.size()
    if size[0] <= 0 or size[1] <= 0:
        raise ValueError(f"the map has no size ({tmx.width}x{tmx.height} tiles of {tmx.tilewidth}x{tmx.tileheight})")
    found = _match(tmx, root)
    layers: list[MapLayer] = []
    positions: dict[str, tuple[float, float]] = {}
    frames: dict[int, Frames] = {}
    for element, visible, opacity, dx, dy in _leaves(root):
        layer = found[id(element)]
        if element.tag == "objectgroup":
            _positions(grid, layer, dx, dy, positions)  # where characters stand does not depend on visibility
        if not visible or opacity <= 0:
            continue
        if element.tag == "layer":
            sprites, animated = _tiles(grid, layer, dx, dy, frames)
        elif element.tag == "imagelayer":
            # Not layer.image: pytmx can give an image layer the gid of a tile (pytmx 3.32 registers the
            # layer's gid as if len(images) were a Tiled gid), so take the picture by its path.
            picture = pictures.loaded.get(os.path.join(os.path.dirname(tmx.filename), layer.source or ""))
            sprites, animated = ([(picture, (round(dx), round(dy)))] if picture else []), []
        else:
            sprites, animated = _tile_objects(grid, layer, dx, dy, frames)
        if sprites or animated:
            layers.append(MapLayer(min(1.0, opacity), tuple(sprites), tuple(animated)))
    return LayeredMap(size, tuple(layers), positions, _colour(root.get("backgroundcolor")), _light(root))


def _match(tmx: pytmx.TiledMap, root: ElementTree.Element) -> dict[int, Any]:
    """Pair each layer element with pytmx's layer. pytmx lists layers by kind (all tile layers, then image
    layers, then object groups), not in drawing order, so the order comes from the document instead."""
    found: dict[int, Any] = {}
    for tag, kind in _KINDS.items():
        ours = root.findall(f".//{tag}")   # the same search pytmx makes, so the two lists line up
        theirs = [layer for layer in tmx.layers if isinstance(layer, kind)]
        if len(ours) != len(theirs):
            raise ValueError(f"found {len(ours)} <{tag}> elements but pytmx read {len(theirs)}")
        found.update((id(element), layer) for element, layer in zip(ours, theirs))
    return found


def _leaves(node: ElementTree.Element, visible: bool = True, opacity: float = 1.0,
            dx: float = 0.0, dy: float = 0.0) -> Iterator[Leaf]:
    """Layers in drawing order, bottom first, with their groups' visibility, opacity and offsets folded in.
    Read from the XML because pytmx keeps image layers' visible and opacity as strings ("0" is true)."""
    for child in node:
        if child.tag not in ("layer", "imagelayer", "objectgroup", "group"):
            continue
        shown = visible and child.get("visible", "1") != "0"
        alpha = opacity * float(child.get("opacity", "1"))
        if child.tag == "imagelayer" and "offsetx" not in child.attrib:  # as Tiled reads maps from before 0.15
            x, y = dx + float(child.get("x", "0")), dy + float(child.get("y", "0"))
        else:
            x, y = dx + float(child.get("offsetx", "0")), dy + float(child.get("offsety", "0"))
        if child.tag == "group":
            yield from _leaves(child, shown, alpha, x, y)
        else:
            yield child, shown, alpha, x, y


def _frames(tmx: pytmx.TiledMap, gid: int, cache: dict[int, Frames]) -> Frames:
    """A tile's animation frames; pytmx renumbers gids, so each frame's picture is found by frame.gid."""
    if gid not in cache:
        properties = tmx.get_tile_properties_by_gid(gid) or {}
        cache[gid] = tuple((tmx.images[frame.gid], int(frame.duration)) for frame in properties.get("frames", ())
                           if tmx.images[frame.gid] is not None)
    return cache[gid]


def _tiles(grid: _Grid, layer: Any, dx: float, dy: float,
           cache: dict[int, Frames]) -> tuple[list[Sprite], list[AnimatedTile]]:
    tmx = grid.tmx
    sprites: list[Sprite] = []
    animated: list[AnimatedTile] = []
    for x, y, gid in layer.iter_data():
        picture = tmx.images[gid] if gid else None
        if picture is None:
            continue
        # A tile taller than the grid stands on its cell's bottom edge, as Tiled draws it.
        left, bottom = grid.cell_bottom_left(x, y)
        pos = (round(left + dx), round(bottom - picture.get_height() + dy))
        frames = _frames(tmx, gid, cache)
        if frames:
            animated.append(AnimatedTile(pos, frames, gid))
        else:
            sprites.append((picture, pos))
    return sprites, animated


def _tile_objects(grid: _Grid, group: Any, dx: float, dy: float,
                  cache: dict[int, Frames]) -> tuple[list[Sprite], list[AnimatedTile]]:
    """Tile objects, stretched to their object's size and turned by their rotation; pytmx has already moved y to
    the top. As in Tiled, a tile object stands on its point by its bottom-left corner (orthogonal) or its bottom
    centre (isometric, the point projected), and turns about that point."""
    tmx = grid.tmx
    sprites: list[Sprite] = []
    animated: list[AnimatedTile] = []
    for obj in group:
        picture = tmx.images[obj.gid] if obj.gid else None
        if picture is None or not obj.visible:
            continue
        size = (round(obj.width) or picture.get_width(), round(obj.height) or picture.get_height())
        top = obj.y if obj.height else obj.y - picture.get_height()
        if grid.isometric:
            origin = grid.point(obj.x, top + size[1])
            centre = (0.0, -size[1] / 2)           # from the bottom centre
        else:
            origin = (obj.x, top + size[1])
            centre = (size[0] / 2, -size[1] / 2)   # from the bottom-left corner
        place = _placer((origin[0] + dx, origin[1] + dy), centre, obj.rotation or 0.0)
        frames = _frames(tmx, obj.gid, cache)
        if frames:
            turned = [(_turned(_fit(p, size), obj.rotation), ms) for p, ms in frames]
            animated.append(AnimatedTile(place(turned[0][0]), tuple(turned), obj.gid))
        else:
            shown = _turned(_fit(picture, size), obj.rotation)
            sprites.append((shown, place(shown)))
    return sprites, animated


def _turned(picture: pygame.Surface, degrees: Optional[float]) -> pygame.Surface:
    """Turned clockwise by Tiled's degrees (pygame turns the other way)."""
    return pygame.transform.rotate(picture, -degrees) if degrees else picture


def _placer(origin: tuple[float, float], centre: tuple[float, float], degrees: float
            ) -> Callable[[pygame.Surface], tuple[int, int]]:
    """Where a picture turned about `origin` goes: its centre, `centre` away from the origin before the turn,
    turned with it (clockwise, y down), and the turned picture's box around that."""
    turn = math.radians(degrees)
    cx = origin[0] + centre[0] * math.cos(turn) - centre[1] * math.sin(turn)
    cy = origin[1] + centre[0] * math.sin(turn) + centre[1] * math.cos(turn)
    return lambda shown: (round(cx - shown.get_width() / 2), round(cy - shown.get_height() / 2))


def _fit(picture: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    return picture if picture.get_size() == size else pygame.transform.smoothscale(picture, size)


def _positions(grid: _Grid, group: Any, dx: float, dy: float, out: dict[str, tuple[float, float]]) -> None:
    """Named points and rectangles: a point where it is, a rectangle at its bottom centre (the feet)."""
    for obj in group:
        if obj.gid or not obj.name or hasattr(obj, "points"):
            continue
        turn = math.radians(obj.rotation or 0.0)  # Tiled turns an object about its top-left corner
        bx, by = obj.width / 2, obj.height
        x, y = grid.point(obj.x + bx * math.cos(turn) - by * math.sin(turn),
                          obj.y + bx * math.sin(turn) + by * math.cos(turn))
        out.setdefault(obj.name, (x + dx, y + dy))


LIGHT = re.compile(r"^#([0-9A-Fa-f]{2})?[0-9A-Fa-f]{6}$")


def _light(root: ElementTree.Element) -> Optional[tuple[int, int, int]]:
    """The map's own 'light' property (a Tiled colour, or #RRGGBB text): the colour the stage multiplies the
    characters' sprites by, so that daylight colours do not glow on a night map. Lint checks its form."""
    for prop in root.findall("./properties/property"):
        if prop.get("name") == "light":
            value = prop.get("value") or prop.text or ""
            return _colour(value) if LIGHT.match(value.strip()) else None
    return None


def _colour(text: Optional[str]) -> tuple[int, int, int]:
    """Tiled writes #RRGGBB or #AARRGGBB."""
    if not text:
        return (0, 0, 0)
    digits = text.lstrip("#")[-6:]
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
