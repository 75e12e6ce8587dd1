"""A map's first picture kept on disk, so the title shows at once while its map is read behind it.

Reading and baking the title's map takes 40-60 ms before the first frame; the picture it makes at time 0 is
the same at every start until the map or its pictures change. It is kept as the raw pixels of the game's
surfaces (32-bit XRGB in this machine's byte order, the window's own format), read straight into the surface
that shows them: one copy, no conversion (about 2.5 ms of the first frame, where decoding and converting
took 8). Its name is made of what it was made from: the game's version of this file, the pixel format, the
canvas size, and the name, size and modification time of every file in the map's folder.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Optional

import pygame

from ..digest import blake2s

log = logging.getLogger(__name__)
FORMAT = 2          # raise when the way maps are drawn or pictures are kept changes (1: RGBX bytes)
LIMIT = 64          # files in the folder: more than this and the key would cost more than it saves


def still_file(folder: Path, tmx: Path, canvas: tuple[int, int]) -> Optional[Path]:
    """Where the first picture of this map, at this canvas size, is kept; None if its folder is too big."""
    masks = ",".join(f"{m:x}" for m in _surface((1, 1)).get_masks())
    digest = blake2s(f"{FORMAT}|{sys.byteorder}|{masks}|{canvas[0]}x{canvas[1]}|{tmx.name}".encode(),
                             digest_size=12)
    files: list[tuple[str, str]] = []
    if not _walk(tmx.parent, "", files):
        return None
    for relative, path in sorted(files):
        try:
            stat = os.stat(path)
        except OSError:
            return None
        digest.update(f"|{relative}|{stat.st_size}|{stat.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    return folder / f"still-{tmx.stem[:40]}-{digest.hexdigest()}.rgbx"


def _walk(folder: Path | str, prefix: str, files: list[tuple[str, str]]) -> bool:
    """Every file under folder as (its path from there, with '/', its path): False past LIMIT * 4, or unreadable."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    if not _walk(entry.path, f"{prefix}{entry.name}/", files):
                        return False
                else:
                    files.append((prefix + entry.name, entry.path))
                    if len(files) > LIMIT * 4:
                        return False
    except OSError:
        return False
    return True


def _surface(size: tuple[int, int]) -> pygame.Surface:
    return pygame.Surface(size, 0, 32)   # 32-bit XRGB: the game's surfaces, and the window's


def read_still(path: Optional[Path], canvas: tuple[int, int]) -> Optional[pygame.Surface]:
    """The kept picture, or None when there is none or it is not whole."""
    if path is None:
        return None
    picture = _surface(canvas)
    size = picture.get_pitch() * canvas[1]
    try:
        with open(path, "rb") as file:
            if os.fstat(file.fileno()).st_size != size:
                return None
            pixels = picture.get_view("1")
            read = file.readinto(pixels)
            del pixels   # the surface stays locked while a view of it lives
    except OSError:
        return None
    return picture if read == size else None


def write_still(path: Optional[Path], picture: pygame.Surface) -> None:
    """Keep the picture (written aside, then renamed: never half a file under the name)."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stem = path.name[:-len("-" + "0" * 24 + ".rgbx")]
        for old in path.parent.glob(f"{stem}-*.rgbx"):
            if old != path and len(old.name) == len(path.name):
                old.unlink(missing_ok=True)   # the picture of an older version of the same map
        kept = _surface(picture.get_size())
        kept.blit(picture, (0, 0))
        aside = path.with_suffix(f".{os.getpid()}.part")
        aside.write_bytes(kept.get_view("1").raw)
        os.replace(aside, path)
    except OSError as exc:
        log.info("cannot keep the first picture of the title in %s: %s", path.parent, exc.strerror or exc)
