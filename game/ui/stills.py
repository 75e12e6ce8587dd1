"""A map's first picture kept on disk, so the title shows at once while its map is read behind it.

Reading and baking the title's map takes 40-60 ms before the first frame; the picture it makes at time 0 is
the same at every start until the map or its pictures change. It is kept as raw pixels (a 1280x720 read is
about a millisecond) under a name made of what it was made from: the game's version of this file, the canvas
size, and the name, size and modification time of every file in the map's folder.
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Optional

import pygame

log = logging.getLogger(__name__)
FORMAT = 1          # raise when the way maps are drawn changes
LIMIT = 64          # files in the folder: more than this and the key would cost more than it saves
PIXELS = "RGBX"


def still_file(folder: Path, tmx: Path, canvas: tuple[int, int]) -> Optional[Path]:
    """Where the first picture of this map, at this canvas size, is kept; None if its folder is too big."""
    digest = hashlib.blake2s(f"{FORMAT}|{canvas[0]}x{canvas[1]}|{tmx.name}".encode(), digest_size=12)
    count = 0
    try:
        for root, dirs, files in os.walk(tmx.parent):
            dirs.sort()
            for name in sorted(files):
                count += 1
                if count > LIMIT * 4:
                    return None
                stat = os.stat(os.path.join(root, name))
                digest.update(f"|{os.path.relpath(os.path.join(root, name), tmx.parent)}|{stat.st_size}|"
                              f"{stat.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    except OSError:
        return None
    return folder / f"still-{tmx.stem[:40]}-{digest.hexdigest()}.rgbx"


def read_still(path: Optional[Path], canvas: tuple[int, int]) -> Optional[pygame.Surface]:
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) != canvas[0] * canvas[1] * 4:
        return None
    return pygame.image.frombytes(data, canvas, PIXELS)


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
        aside = path.with_suffix(f".{os.getpid()}.part")
        aside.write_bytes(pygame.image.tobytes(picture, PIXELS))
        os.replace(aside, path)
    except OSError as exc:
        log.info("cannot keep the first picture of the title in %s: %s", path.parent, exc.strerror or exc)
