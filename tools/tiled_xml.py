"""Writes Tiled .tmx maps and .tsx tilesets as text laid out the way the Tiled editor saves them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence, Union
from xml.sax.saxutils import quoteattr

VERSION = 'version="1.10" tiledversion="1.10.2"'


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _attrs(**values: object) -> str:
    """Attributes in the order given, leaving out the ones left at None."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        text = _num(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
        parts.append(f"{key.rstrip('_')}={quoteattr(text)}")
    return " ".join(parts)


# ---------------------------------------------------------------- tilesets

@dataclass
class Tileset:
    """A tileset cut from one picture; animations map a tile id to its (tile id, milliseconds) frames."""

    name: str
    tile_size: tuple[int, int]
    image: str                 # path of the picture, relative to the .tsx
    image_size: tuple[int, int]
    animations: dict[int, Sequence[tuple[int, int]]] = field(default_factory=dict)

    @property
    def columns(self) -> int:
        return self.image_size[0] // self.tile_size[0]

    @property
    def tilecount(self) -> int:
        return self.columns * (self.image_size[1] // self.tile_size[1])


def tsx_text(ts: Tileset) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<tileset {VERSION} ' + _attrs(name=ts.name, tilewidth=ts.tile_size[0], tileheight=ts.tile_size[1],
                                             tilecount=ts.tilecount, columns=ts.columns) + ">",
             f" <image {_attrs(source=ts.image, width=ts.image_size[0], height=ts.image_size[1])}/>"]
    for tile_id in sorted(ts.animations):
        lines += [f' <tile id="{tile_id}">', "  <animation>"]
        lines += [f'   <frame tileid="{frame}" duration="{ms}"/>' for frame, ms in ts.animations[tile_id]]
        lines += ["  </animation>", " </tile>"]
    lines.append("</tileset>")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- maps

@dataclass
class TileLayer:
    name: str
    grid: list[list[int]]      # global tile ids, rows top first; 0 is empty
    visible: bool = True
    opacity: float = 1.0
    offset: tuple[float, float] = (0, 0)


@dataclass
class ImageLayer:
    name: str
    source: str                # relative to the .tmx
    size: tuple[int, int]
    visible: bool = True
    opacity: float = 1.0
    offset: tuple[float, float] = (0, 0)


@dataclass
class MapObject:
    """A point (no size), a rectangle, or a tile object (gid; x, y is its bottom-left corner, as in Tiled)."""

    x: float
    y: float
    name: str | None = None
    width: float = 0
    height: float = 0
    point: bool = False
    gid: int | None = None
    class_: str | None = None


@dataclass
class ObjectGroup:
    name: str
    objects: list[MapObject]
    visible: bool = True
    offset: tuple[float, float] = (0, 0)


Layer = Union[TileLayer, ImageLayer, ObjectGroup]


def _layer_attrs(layer: Layer, layer_id: int) -> str:
    opacity = getattr(layer, "opacity", 1.0)
    # Both or neither: Tiled reads an image layer without offsetx at its old x, y, dropping offsety.
    moved = layer.offset != (0, 0)
    return _attrs(id=layer_id, name=layer.name,
                  visible=None if layer.visible else 0,
                  opacity=None if opacity >= 1 else round(opacity, 3),
                  offsetx=layer.offset[0] if moved else None, offsety=layer.offset[1] if moved else None)


def tmx_text(size: tuple[int, int], tile: tuple[int, int], tilesets: Sequence[tuple[int, str]],
             layers: Sequence[Layer], background: str | None = None, light: str | None = None) -> str:
    """A whole map; tilesets are (firstgid, path of the .tsx relative to the .tmx); light, the colour the
    characters are lit by on this map (a Tiled colour property the game multiplies their sprites by)."""
    objects = sum(len(layer.objects) for layer in layers if isinstance(layer, ObjectGroup))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f"<map {VERSION} " + _attrs(orientation="orthogonal", renderorder="right-down", width=size[0],
                                         height=size[1], tilewidth=tile[0], tileheight=tile[1], infinite=0,
                                         backgroundcolor=background, nextlayerid=len(layers) + 1,
                                         nextobjectid=objects + 1) + ">"]
    if light:
        lines += [" <properties>", f'  <property name="light" type="color" value="{light}"/>', " </properties>"]
    lines += [f' <tileset firstgid="{first}" source={quoteattr(source)}/>' for first, source in tilesets]
    next_object = 1
    for layer_id, layer in enumerate(layers, 1):
        if isinstance(layer, TileLayer):
            extra = _attrs(width=size[0], height=size[1])
            lines.append(f" <layer {_layer_attrs(layer, layer_id)} {extra}>")
            rows = [",".join(str(gid) for gid in row) for row in layer.grid]
            lines.append('  <data encoding="csv">\n' + ",\n".join(rows) + "\n</data>")
            lines.append(" </layer>")
        elif isinstance(layer, ImageLayer):
            lines.append(f" <imagelayer {_layer_attrs(layer, layer_id)}>")
            lines.append(f"  <image {_attrs(source=layer.source, width=layer.size[0], height=layer.size[1])}/>")
            lines.append(" </imagelayer>")
        else:
            lines.append(f" <objectgroup {_layer_attrs(layer, layer_id)}>")
            for obj in layer.objects:
                attrs = _attrs(id=next_object, name=obj.name, class_=obj.class_, gid=obj.gid, x=obj.x, y=obj.y,
                               width=obj.width or None, height=obj.height or None)
                next_object += 1
                lines.append(f"  <object {attrs}>\n   <point/>\n  </object>" if obj.point else f"  <object {attrs}/>")
            lines.append(" </objectgroup>")
    lines.append("</map>")
    return "\n".join(lines) + "\n"


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))  # bytes, so the line endings are the same on every system
    print("wrote", path)
