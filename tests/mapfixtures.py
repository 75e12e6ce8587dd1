"""Tiled maps and pictures made by the tests themselves: PNG files written byte by byte, and .tmx maps of every
kind the game draws (orthogonal or isometric; CSV, base64, gzip and zlib tile data; colour-keyed tile sheets;
flipped tile objects)."""
from __future__ import annotations

import base64
import gzip
import struct
import zlib
from pathlib import Path

Colour = tuple[int, int, int, int]


def png(width: int, height: int, pixel) -> bytes:
    """An RGBA PNG; pixel(x, y) gives each pixel's (r, g, b, a)."""
    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def write_png(path: Path, width: int, height: int, pixel) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png(width, height, pixel))
    return path


def plain(colour: Colour):
    return lambda x, y: colour


def tile_data(gids: list[int], encoding: str) -> str:
    """A layer's <data> element in one of the encodings Tiled writes: csv, base64, gzip, zlib or xml."""
    if encoding == "csv":
        return f'<data encoding="csv">{",".join(map(str, gids))}</data>'
    if encoding == "xml":
        return "<data>" + "".join(f'<tile gid="{g}"/>' for g in gids) + "</data>"
    raw = b"".join(struct.pack("<I", g) for g in gids)
    if encoding == "base64":
        return f'<data encoding="base64">{base64.b64encode(raw).decode()}</data>'
    packed = gzip.compress(raw) if encoding == "gzip" else zlib.compress(raw)
    return f'<data encoding="base64" compression="{encoding}">{base64.b64encode(packed).decode()}</data>'


def tiled_map(width: int, height: int, tile: tuple[int, int], body: str, orientation: str = "orthogonal",
              extra: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" orientation="{orientation}" '
            f'renderorder="right-down" width="{width}" height="{height}" tilewidth="{tile[0]}" '
            f'tileheight="{tile[1]}" infinite="0"{extra}>\n{body}</map>\n')


def sheet_tileset(image: str, tile: tuple[int, int], columns: int, count: int, first: int = 1,
                  trans: str = "") -> str:
    """An embedded tileset cut from one picture; trans: the colour (rrggbb) drawn as see-through."""
    key = f' trans="{trans}"' if trans else ""
    return (f' <tileset firstgid="{first}" name="sheet{first}" tilewidth="{tile[0]}" tileheight="{tile[1]}" '
            f'tilecount="{count}" columns="{columns}">\n  <image source="{image}"{key} '
            f'width="{tile[0] * columns}" height="{tile[1] * ((count + columns - 1) // columns)}"/>\n </tileset>\n')


def tile_layer(width: int, height: int, gids: list[int], encoding: str = "csv", name: str = "ground") -> str:
    return f' <layer id="1" name="{name}" width="{width}" height="{height}">\n  {tile_data(gids, encoding)}\n </layer>\n'
