"""Cuts a painting into Tiled image layers: snapshots taken between drawing steps become layers, bottom first.

A painter given a Strata calls `strata.cut(name, surf)` after each group of steps (the sky, the far hills, the
room...). Each layer keeps only the pixels its steps changed, so the layers laid over each other give back the
painting exactly; effects over the whole picture (a vignette, a shadow along the foot) go through
`strata.finish`, which applies them to every snapshot. Painters also note where things are that a map animates
or marks (`strata.note`): a candle flame, a lamp, a cup. Where a map lays a part of the picture in tiles (a
wall's face), the painter calls `strata.stand_in(name, surf)` there instead of painting it: the map's tiles are
drawn in as a stand-in, so light painted over them later (a lantern's glow) falls on stone, and that snapshot
is left out of the layers, the tile layer taking its place.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from art_common import downscale, downscale_alpha, grain, pygame

Fx = Callable[[pygame.Surface], None]


@dataclass
class Strata:
    """A painting recorded at its cuts: (name, snapshot) pairs and named points, all at the painting's scale."""

    shots: list[tuple[str, pygame.Surface]] = field(default_factory=list)
    notes: dict[str, list[tuple[float, ...]]] = field(default_factory=dict)
    standins: dict[str, Callable[[pygame.Surface], None]] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)

    def cut(self, name: str, surf: pygame.Surface) -> None:
        self.shots.append((name, surf.copy()))

    def stand_in(self, name: str, surf: pygame.Surface) -> None:
        """Draw the map's tiles for this part in place of the painting, as a snapshot the layers leave out."""
        self.standins[name](surf)
        self.hidden.add(name)
        self.cut(name, surf)

    def note(self, kind: str, *values: float) -> None:
        self.notes.setdefault(kind, []).append(tuple(values))

    def finish(self, name: str, surf: pygame.Surface, fx: Optional[Fx] = None) -> pygame.Surface:
        """The last cut; then the effects over the whole picture go on every snapshot and on the painting."""
        self.cut(name, surf)
        if fx:
            for _, shot in self.shots:
                fx(shot)
            fx(surf)
        return surf


def cut(strata: Optional[Strata], name: str, surf: pygame.Surface) -> None:
    """A cut when the painting is being recorded; nothing when it is painted as one picture."""
    if strata is not None:
        strata.cut(name, surf)


def note(strata: Optional[Strata], kind: str, *values: float) -> None:
    if strata is not None:
        strata.note(kind, *values)


def finish(strata: Optional[Strata], name: str, surf: pygame.Surface, fx: Optional[Fx] = None) -> pygame.Surface:
    if strata is not None:
        return strata.finish(name, surf, fx)
    if fx:
        fx(surf)
    return surf


@dataclass(frozen=True)
class Cutout:
    """One layer at final size: its picture (cropped to what it covers) and where that crop sits."""

    name: str
    picture: pygame.Surface
    offset: tuple[int, int]


def _changed(before: pygame.Surface, after: pygame.Surface) -> pygame.mask.Mask:
    """Pixels that differ in any channel: |after - before| per channel, then everything but black."""
    up, down = after.copy(), before.copy()
    up.blit(before, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    down.blit(after, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    up.blit(down, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    same = pygame.mask.from_threshold(up, (0, 0, 0, 255), (1, 1, 1, 255))
    same.invert()
    return same


def _grain_field(size: tuple[int, int], seed: int, amp: int, mottle: int) -> tuple[pygame.Surface, pygame.Surface]:
    """The grain a whole painting gets, as what it adds and what it takes away, so every layer gets the same."""
    grey = pygame.Surface(size)
    grey.fill((128, 128, 128))
    grained = grey.copy()
    grain(grained, seed, amp=amp, mottle=mottle)
    plus, minus = grained.copy(), grey
    plus.blit(grey, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    minus.blit(grained, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    return plus, minus


def layers(strata: Strata, size: tuple[int, int], seed: int, amp: int = 7, mottle: int = 4) -> list[Cutout]:
    """The recorded painting as layers at final size: the first opaque, the rest transparent and cropped."""
    plus, minus = _grain_field(size, seed, amp, mottle)
    out: list[Cutout] = []
    previous = None
    for name, shot in strata.shots:
        if previous is None:
            base = downscale(shot, size)
            base.blit(plus, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
            base.blit(minus, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
            out.append(Cutout(name, base, (0, 0)))
        elif name not in strata.hidden:
            mask = _changed(previous, shot)
            if mask.count():
                out.append(_cutout(name, shot, mask, size, plus, minus))
        previous = shot
    return out


def _cutout(name: str, shot: pygame.Surface, mask: pygame.mask.Mask, size: tuple[int, int],
            plus: pygame.Surface, minus: pygame.Surface) -> Cutout:
    rgba = _rgba(shot)
    big = pygame.Surface(shot.get_size(), rgba.get_flags(), rgba)
    big.fill((0, 0, 0, 0))
    mask.to_surface(big, setsurface=rgba, unsetcolor=(0, 0, 0, 0))
    small = downscale_alpha(big, size)
    small.blit(plus, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    small.blit(minus, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    seen = pygame.mask.from_surface(small, 0)
    box = seen.get_bounding_rects()
    crop = box[0].unionall(box[1:]) if box else pygame.Rect(0, 0, 1, 1)
    clean = small.copy()  # the grain stays off the clear pixels
    clean.blit(seen.to_surface(setcolor=(255, 255, 255, 255), unsetcolor=(0, 0, 0, 0)), (0, 0),
               special_flags=pygame.BLEND_RGBA_MULT)
    return Cutout(name, clean.subsurface(crop).copy(), crop.topleft)


def _rgba(shot: pygame.Surface) -> pygame.Surface:
    rgba = pygame.Surface(shot.get_size(), pygame.SRCALPHA)
    rgba.blit(shot, (0, 0))
    return rgba
