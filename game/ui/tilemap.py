"""A map as plain data: what tiled.py reads from a .tmx and backgrounds.py draws (neither imports the other's
reader or drawer through this module, so the two stay one-way: backgrounds -> tiled -> tilemap)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

import pygame

Size = tuple[int, int]
Sprite = tuple[pygame.Surface, tuple[int, int]]           # a picture and its top-left corner in map pixels


class BackgroundError(Exception):
    """A background that cannot be shown; the one-line message names the file and what is wrong with it."""


def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


@dataclass(frozen=True)
class AnimatedTile:
    """One animated tile: its frames as (picture, milliseconds); tiles with the same key share one clock."""
    pos: tuple[int, int]
    frames: tuple[tuple[pygame.Surface, int], ...]
    key: int


@dataclass(frozen=True)
class MapLayer:
    """One visible layer in draw order: still pictures and animated tiles, drawn at one opacity."""
    opacity: float
    sprites: tuple[Sprite, ...] = ()
    animated: tuple[AnimatedTile, ...] = ()


@dataclass(frozen=True)
class LayeredMap:
    """A map reduced to what drawing needs: its size in pixels, its layers bottom first, its named points."""
    size: Size
    layers: tuple[MapLayer, ...]
    positions: Mapping[str, tuple[float, float]]
    background: tuple[int, int, int] = (0, 0, 0)
    light: Optional[tuple[int, int, int]] = None   # the map's 'light' property: what the characters are lit by
