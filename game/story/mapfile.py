"""A Tiled .tmx map as lint sees it, read with the standard library: what the game needs to draw it (every file
there and readable, a supported orientation and tile data encoding), the pictures it is made of, and where its
named points land on the canvas. Every finding has its file and line."""
from __future__ import annotations

import base64
import gzip
import math
import re
import xml.parsers.expat
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

CANVAS = (1280, 720)   # the game's canvas: every background is scaled to cover it, aspect kept, centred
ORIENTATIONS = ("orthogonal", "isometric")
ENCODINGS = ("csv", "base64")
COMPRESSIONS = ("gzip", "zlib")
GID_MASK = 0x0FFFFFFF  # the flip flags sit in the top bits of a gid
# The first bytes of the pictures pygame reads (a .tga has none to check).
MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
         ".bmp": (b"BM",), ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",)}
TILED_LAYER_FORMAT = "in Tiled, set Map > Map Properties > Tile Layer Format to CSV, Base64 (gzip) or Base64 (zlib)"


@dataclass(frozen=True)
class Finding:
    """One thing wrong with (or worth knowing about) a map: the file it is in (the map or a tileset), the
    line and column there, what, and the remedy."""
    path: Path
    line: int
    col: int
    message: str
    hint: str = ""
    severity: str = "error"


@dataclass
class Node:
    """An XML element with the line and column where it starts (ElementTree keeps neither)."""
    tag: str
    attrib: dict[str, str]
    line: int
    col: int
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def get(self, key: str, default: Optional[str] = None) -> Optional[str]:
        return self.attrib.get(key, default)

    def find(self, tag: str) -> Optional[Node]:
        return next((child for child in self.children if child.tag == tag), None)

    def findall(self, tag: str) -> list[Node]:
        return [child for child in self.children if child.tag == tag]

    def iter(self, tag: str) -> Iterator[Node]:
        if self.tag == tag:
            yield self
        for child in self.children:
            yield from child.iter(tag)


class XmlProblem(Exception):
    def __init__(self, line: int, col: int, message: str):
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def parse_xml(path: Path) -> Node:
    """The file's elements with their places; XmlProblem (with line and column) when it is not XML."""
    data = path.read_bytes()
    parser = xml.parsers.expat.ParserCreate()
    stack: list[Node] = []
    top: list[Node] = []

    def start(tag: str, attrib: dict[str, str]) -> None:
        node = Node(tag, attrib, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        (stack[-1].children if stack else top).append(node)
        stack.append(node)

    def end(_tag: str) -> None:
        stack.pop()

    def text(chunk: str) -> None:
        if stack:
            stack[-1].text += chunk

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise XmlProblem(exc.lineno, exc.offset + 1, xml.parsers.expat.ErrorString(exc.code)) from None
    return top[0]


@dataclass
class MapFile:
    """What lint found in one map: its problems, its parts (pictures it draws from), its size in pixels and
    its named points (name -> map pixels and the line of the object)."""
    path: Path
    findings: list[Finding] = field(default_factory=list)
    parts: set[Path] = field(default_factory=set)
    size: tuple[float, float] = (0, 0)
    points: dict[str, tuple[float, float, int]] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)   # the points and rectangles, where characters may stand

    @property
    def broken(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def error(self, where: Path, node: Optional[Node], message: str, hint: str = "") -> None:
        self.findings.append(Finding(where, node.line if node else 0, node.col if node else 0, message, hint))


def read_map(path: Path) -> MapFile:
    """Every check drawing the map makes, without drawing it."""
    found = MapFile(path)
    root = _xml(found, path, path, None)
    if root is None:
        return found
    if root.tag != "map":
        found.error(path, root, f"not a Tiled map (its root element is <{root.tag}>, not <map>)",
                    "save it from Tiled as a map (.tmx)")
        return found
    for image in root.iter("image"):
        if image.get("source"):
            found.parts.add((path.parent / image.get("source", "")).resolve())
    orientation = root.get("orientation", "orthogonal")
    if orientation not in ORIENTATIONS:
        found.error(path, root, f"{orientation} maps are not supported, only orthogonal and isometric ones",
                    "make the map again as an orthogonal or isometric map in Tiled (File > New > New Map)")
        return found
    if root.get("infinite", "0") != "0":
        found.error(path, root, "infinite maps are not supported",
                    "in Tiled, untick Map > Map Properties > Infinite")
        return found
    numbers = [_int(root.get(key)) for key in ("width", "height", "tilewidth", "tileheight")]
    if any(n is None or n <= 0 for n in numbers):
        found.error(path, root, "the map has no size (width, height, tilewidth and tileheight must be whole "
                                "numbers above 0)", "set its size in Tiled: Map > Resize Map")
        return found
    width, height, tile_w, tile_h = numbers  # type: ignore[misc]
    if orientation == "isometric":
        found.size = ((width + height) * tile_w / 2, (width + height) * tile_h / 2)
    else:
        found.size = (width * tile_w, height * tile_h)
    last_gid = _tilesets(found, root)
    for layer in root.iter("layer"):
        _layer(found, layer, last_gid)
    for image_layer in root.iter("imagelayer"):
        picture = image_layer.find("image")
        if picture is not None:
            _picture(found, path, path.parent, picture, "image layer picture")
    _points(found, root, orientation, tile_w, tile_h, height)
    _light(found, root)
    if not found.broken:
        _fit_warnings(found, root, (tile_w, tile_h))
    return found


def _xml(found: MapFile, file: Path, shown: Path, at: Optional[Node]) -> Optional[Node]:
    try:
        return parse_xml(file)
    except XmlProblem as exc:
        found.findings.append(Finding(file, exc.line, exc.col, f"malformed XML ({exc.message})",
                                      "open the file in Tiled and save it again"))
    except OSError as exc:
        found.error(shown, at, f"{file.name} cannot be read ({exc.strerror or exc})")
    return None


def _int(text: Optional[str]) -> Optional[int]:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _tilesets(found: MapFile, root: Node) -> int:
    """Check each tileset and its pictures; the highest gid they give tiles (0 when not known)."""
    path, last, known = found.path, 0, True
    for tileset in root.findall("tileset"):
        source, node, folder, file = tileset.get("source"), tileset, path.parent, path
        if source:
            file = path.parent / source
            if not file.is_file():
                found.error(path, tileset, f"tileset {source} is missing",
                            f"put {source} next to the map, or in Tiled re-add the tileset (Map > Add External "
                            "Tileset)")
                continue
            sheet = _xml(found, file, path, tileset)
            if sheet is None:
                continue
            found.parts.update((file.parent / i.get("source", "")).resolve() for i in sheet.iter("image")
                               if i.get("source"))
            # A .tsx holds its tileset; one naming another file (or a map naming itself) is not followed.
            if sheet.tag != "tileset":
                found.error(path, tileset, f"tileset {source} is a <{sheet.tag}>, not a tileset (.tsx) file",
                            "in Tiled, add the tileset with Map > Add External Tileset, choosing a .tsx file")
                continue
            if sheet.get("source"):
                found.error(path, tileset, f"tileset {source} names another file ({sheet.get('source')}) "
                                           "instead of holding the tileset",
                            "in Tiled, add the tileset with Map > Add External Tileset, choosing a .tsx file")
                continue
            node, folder = sheet, file.parent
        what = f"tileset image (of {source or 'an embedded tileset'})"
        for image in node.iter("image"):
            _picture(found, file, folder, image, what)
        first, count = _int(tileset.get("firstgid")), _int(node.get("tilecount"))
        if first is not None and count is not None:
            last = max(last, first + count - 1)
        else:
            known = False
    return last if known else 0


def _picture(found: MapFile, file: Path, folder: Path, image: Node, what: str) -> None:
    source = image.get("source")
    if not source:
        return
    picture = folder / source
    if not picture.is_file():
        found.error(file, image, f"{what} {source} is missing", f"put {source} there, or point Tiled at it again")
        return
    try:
        with open(picture, "rb") as handle:
            head = handle.read(12)
    except OSError as exc:
        found.error(file, image, f"{what} {source} cannot be read ({exc.strerror or exc})")
        return
    magic = MAGIC.get(picture.suffix.lower())
    if magic is not None and not any(head.startswith(m) for m in magic) or (magic is None and not head):
        found.error(file, image, f"{what} {source} is not a picture the game can read "
                                 f"(its bytes are not those of a {picture.suffix.lstrip('.').upper()} file)",
                    "export it again as PNG")


def _layer(found: MapFile, layer: Node, last_gid: int) -> None:
    path, name = found.path, layer.get("name", "")
    data = layer.find("data")
    if data is None:
        return
    encoding, compression = data.get("encoding"), data.get("compression")
    if encoding is None:
        found.error(path, data, f"tile layer '{name}' is stored as XML <tile> elements, which the game cannot "
                                "read", TILED_LAYER_FORMAT)
        return
    if encoding not in ENCODINGS:
        found.error(path, data, f"tile layer '{name}' is encoded as {encoding!r}, which the game cannot read",
                    TILED_LAYER_FORMAT)
        return
    if compression is not None and (encoding != "base64" or compression not in COMPRESSIONS):
        found.error(path, data, f"tile layer '{name}' is compressed with {compression!r}, which the game "
                                "cannot read", TILED_LAYER_FORMAT)
        return
    try:
        gids = _gids(data, encoding, compression)
    except ValueError as exc:
        found.error(path, data, f"tile layer '{name}': {exc}", "open the map in Tiled and save it again")
        return
    cells = (_int(layer.get("width")) or 0) * (_int(layer.get("height")) or 0)
    if len(gids) != cells:
        found.error(path, data, f"tile layer '{name}' holds {len(gids)} tiles, not its width x height "
                                f"({cells})", "open the map in Tiled and save it again")
        return
    if last_gid:
        stray = next((g & GID_MASK for g in gids if g & GID_MASK > last_gid), None)
        if stray is not None:
            found.error(path, data, f"tile layer '{name}' uses tile {stray}, which no tileset of the map has "
                                    f"(they end at {last_gid})", "in Tiled, erase the tiles of a removed tileset")


def _gids(data: Node, encoding: Optional[str], compression: Optional[str]) -> list[int]:
    if encoding == "csv":
        try:
            return [int(value) for value in data.text.replace("\n", "").split(",") if value.strip()]
        except ValueError:
            raise ValueError("its CSV data holds something that is not a tile number") from None
    try:
        raw = base64.b64decode(data.text.strip(), validate=True)
    except ValueError:
        raise ValueError("its base64 data is not base64") from None
    try:
        if compression == "gzip":
            raw = gzip.decompress(raw)
        elif compression == "zlib":
            raw = zlib.decompress(raw)
    except (OSError, EOFError, zlib.error):
        raise ValueError(f"its {compression} data does not uncompress") from None
    if len(raw) % 4:
        raise ValueError("its data is not a whole number of tiles (4 bytes each)")
    return [int.from_bytes(raw[i:i + 4], "little") for i in range(0, len(raw), 4)]


def _points(found: MapFile, root: Node, orientation: str, tile_w: int, tile_h: int, height: int) -> None:
    """Named objects (points, rectangles, tile objects) at their feet, in map pixels, as the game places them."""
    for group, dx, dy in _groups(root, 0.0, 0.0):
        for obj in group.findall("object"):
            name = obj.get("name")
            if not name or obj.find("polygon") is not None or obj.find("polyline") is not None:
                continue
            x, y = float(obj.get("x", "0")), float(obj.get("y", "0"))
            w, h = float(obj.get("width", "0")), float(obj.get("height", "0"))
            if obj.get("gid"):   # a tile object's y is its bottom; on an isometric map, x is its middle
                feet = (0.0 if orientation == "isometric" else w / 2, 0.0)
            else:
                feet = (w / 2, h)
                found.places.add(name)
            turn = math.radians(float(obj.get("rotation", "0")))
            fx = x + feet[0] * math.cos(turn) - feet[1] * math.sin(turn)
            fy = y + feet[0] * math.sin(turn) + feet[1] * math.cos(turn)
            if orientation == "isometric":
                fx, fy = isometric_point(fx, fy, tile_w, tile_h, height)
            found.points.setdefault(name, (fx + dx, fy + dy, obj.line))


LIGHT = re.compile(r"^#([0-9A-Fa-f]{2})?[0-9A-Fa-f]{6}$")


def _light(found: MapFile, root: Node) -> None:
    """The map's 'light' property, the colour the characters are lit by, must be a colour."""
    properties = root.find("properties")
    for prop in properties.findall("property") if properties is not None else []:
        if prop.get("name") == "light":
            value = (prop.get("value") or prop.text or "").strip()
            if not LIGHT.match(value):
                found.error(found.path, prop, f"the map's 'light' property is {value!r}, not a colour",
                            "give it a colour as Tiled writes one, such as #a4acd4 (in Tiled: Map > Map "
                            "Properties, add a property of type color)")


def isometric_point(x: float, y: float, tile_w: float, tile_h: float, rows: int) -> tuple[float, float]:
    """Where a point of an isometric map's object layer is drawn: Tiled keeps objects in a square space of
    tile_h pixels a tile along both axes and projects them as it projects tiles."""
    across, down = x / tile_h, y / tile_h
    return (across - down) * tile_w / 2 + rows * tile_w / 2, (across + down) * tile_h / 2


def _groups(node: Node, dx: float, dy: float) -> Iterator[tuple[Node, float, float]]:
    for child in node.children:
        if child.tag in ("objectgroup", "group"):
            x, y = dx + float(child.get("offsetx", "0")), dy + float(child.get("offsety", "0"))
            if child.tag == "group":
                yield from _groups(child, x, y)
            else:
                yield child, x, y


def cover(size: tuple[float, float], canvas: tuple[int, int] = CANVAS) -> tuple[float, tuple[int, int]]:
    """The scale and crop that make a map of `size` cover the canvas (as game/ui/backgrounds.py's cover)."""
    (w, h), (cw, ch) = size, canvas
    scale = max(cw / w, ch / h)
    scaled = (max(cw, round(w * scale)), max(ch, round(h * scale)))
    return scale, ((scaled[0] - cw) // 2, (scaled[1] - ch) // 2)


def _fit_warnings(found: MapFile, root: Node, tile: tuple[int, int]) -> None:
    w, h = found.size
    cw, ch = CANVAS
    scale, (crop_x, crop_y) = cover(found.size)
    # A map is a whole number of tiles, so 1280x736 (40x23 tiles of 32) is as near 16:9 as its tiles go:
    # less than half a tile cut off at each side is not worth a note.
    if crop_x >= tile[0] * scale / 2 or crop_y >= tile[1] * scale / 2:
        scaled = (round(w * scale), round(h * scale))
        cut = (f"{crop_x} pixels at the left and {scaled[0] - cw - crop_x} at the right are cut off" if crop_x
               else f"{crop_y} pixels at the top and {scaled[1] - ch - crop_y} at the bottom are cut off")
        found.findings.append(Finding(found.path, root.line, root.col,
                                      f"the map is {w:g}x{h:g} pixels, not 16:9: scaled by {scale:.3g} to cover "
                                      f"{cw}x{ch}, {cut}", "to show all of it, make it 16:9, as 1280x720 pixels "
                                      "is", "note"))
    for name, (x, y, line) in found.points.items():
        px, py = round(x * scale) - crop_x, round(y * scale) - crop_y
        if not (0 <= px <= cw and 0 <= py <= ch):
            found.findings.append(Finding(found.path, line, 1,
                                          f"point '{name}' lands off the {cw}x{ch} canvas, at ({px}, {py}), once "
                                          "the map is scaled to cover it",
                                          "move it inside the part of the map the canvas shows", "warning"))
