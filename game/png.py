"""A small PNG writer for pictures made by code, so that tools without pygame can still draw (`new`'s pack)."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Iterable


def png_bytes(width: int, height: int, rows: Iterable[bytes], alpha: bool = False) -> bytes:
    """A PNG of 8-bit RGB (or RGBA) rows, top to bottom, each width * 3 (or 4) bytes long."""
    depth = 4 if alpha else 3
    raw = bytearray()
    count = 0
    for row in rows:
        if len(row) != width * depth:
            raise ValueError(f"row {count} is {len(row)} bytes, not {width * depth}")
        raw += b"\x00" + row  # filter type 0: the row as it is
        count += 1
    if count != height:
        raise ValueError(f"{count} rows given for a picture {height} high")

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + chunk(b"IEND", b""))


def write_png(path: Path, width: int, height: int, rows: Iterable[bytes], alpha: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png_bytes(width, height, rows, alpha))
