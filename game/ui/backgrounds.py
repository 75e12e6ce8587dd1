"""Scene backgrounds: a picture or a Tiled map, scaled to cover the canvas, with animated tiles redrawn in place."""
from __future__ import annotations

import bisect
import heapq
import itertools
import math
import pathlib
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping, Optional, Protocol, Sequence

import pygame

from .tilemap import AnimatedTile, BackgroundError, LayeredMap, MapLayer, Size, Sprite, one_line

__all__ = ["AnimatedTile", "Background", "BackgroundError", "LayeredMap", "MapBackground", "MapLayer",
           "PictureBackground", "Sprite", "load_background", "one_line"]
_Cache = dict[tuple[int, Size, float], tuple[pygame.Surface, pygame.Surface]]  # premultiplied copies
PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tga", ".webp"})
_PREMULTIPLIED = pygame.BLEND_PREMULTIPLIED
ONCE_PIXELS = 256 * 256   # a still picture this big is an image layer, drawn once: not kept while baking


class Background(Protocol):
    """What the stage needs from a background: its pixels, its animation, where characters stand, and the light
    they stand in (None: as drawn)."""
    size: tuple[int, int]
    positions: Mapping[str, tuple[int, int]]
    animated: bool
    light: Optional[tuple[int, int, int]]

    def update(self, dt: float) -> list[pygame.Rect]: ...

    def due_in(self) -> float: ...

    def draw(self, target: pygame.Surface, rects: list[pygame.Rect] | None = None) -> None: ...


# ---------------------------------------------------------------- loading

def load_background(path: pathlib.Path, canvas_size: Size = (1280, 720), convert: bool = True) -> Background:
    """Load a picture (.png, .jpg) or a Tiled map (.tmx) made to fill a canvas of canvas_size pixels.
    convert=False leaves the pixels in the format they were made in, touching no display: for a worker thread
    (the game's surfaces are 32-bit XRGB, the window's own format, either way)."""
    path = pathlib.Path(path)
    size = (int(canvas_size[0]), int(canvas_size[1]))
    if size[0] <= 0 or size[1] <= 0:
        raise ValueError(f"canvas size must be positive, not {canvas_size}")
    if not path.is_file():
        raise BackgroundError(f"{path}: no such file")
    kind = path.suffix.lower()
    if kind != ".tmx" and kind not in PICTURE_SUFFIXES:
        raise BackgroundError(f"{path}: not a background (use a .png or .jpg picture or a Tiled .tmx map)")
    try:
        if kind == ".tmx":
            # Imported here: pytmx and the map checks load with the first map read, after the title's first frame.
            from .tiled import read_tmx
            return MapBackground(read_tmx(path, late=True), size, convert, consume=True)
        try:
            picture = pygame.image.load(path)
        except (pygame.error, OSError, ValueError) as exc:
            raise BackgroundError(f"{path}: not a picture pygame can read ({one_line(exc)})") from exc
        return PictureBackground(picture, size, convert)
    except BackgroundError:
        raise
    except Exception as exc:  # whatever pygame or pytmx raise, the caller gets one kind of error
        raise BackgroundError(f"{path}: {one_line(exc)}") from exc


def cover(size: Size, canvas: Size) -> tuple[float, Size, tuple[int, int]]:
    """Scale, scaled size and crop offset that make a picture of `size` fill `canvas`: aspect kept, centred."""
    (w, h), (cw, ch) = size, canvas
    scale = max(cw / w, ch / h)
    scaled = (max(cw, round(w * scale)), max(ch, round(h * scale)))
    return scale, scaled, ((scaled[0] - cw) // 2, (scaled[1] - ch) // 2)


def cover_surface(surface: pygame.Surface, canvas: Size) -> pygame.Surface:
    """The surface scaled (smoothly) to cover the canvas and cropped evenly to exactly its size: the surface
    itself when it already has that size (callers hand over surfaces of their own making)."""
    _, scaled, (x, y) = cover(surface.get_size(), canvas)
    if scaled == canvas and surface.get_size() == canvas:
        return surface
    if scaled != surface.get_size():
        surface = pygame.transform.smoothscale(surface, scaled)
    return surface.subsurface((x, y, canvas[0], canvas[1])).copy()


def _fast(surface: pygame.Surface) -> pygame.Surface:
    """The display's pixel format when there is a display, for quick blits; the surface itself otherwise, or
    when it has that format already."""
    shown = pygame.display.get_surface()
    if shown is None or _same_format(surface, shown):
        return surface
    try:
        return surface.convert()
    except pygame.error:
        return surface


def _same_format(a: pygame.Surface, b: pygame.Surface) -> bool:
    return (a.get_bitsize(), a.get_masks(), a.get_flags() & pygame.SRCALPHA) == \
        (b.get_bitsize(), b.get_masks(), b.get_flags() & pygame.SRCALPHA)


def _plain(picture: pygame.Surface, canvas_size: Size) -> bool:
    """Already what a PictureBackground keeps: the canvas's size, 32-bit XRGB, nothing transparent."""
    return picture.get_size() == tuple(canvas_size) and picture.get_bitsize() == 32 \
        and picture.get_masks() == (0xFF0000, 0xFF00, 0xFF, 0) and not picture.get_flags() & pygame.SRCALPHA \
        and picture.get_colorkey() is None and picture.get_alpha() is None


def _bytes(surface: pygame.Surface) -> int:
    return surface.get_pitch() * surface.get_height()


def _blit(target: pygame.Surface, canvas: pygame.Surface, rects: Sequence[pygame.Rect] | None) -> None:
    if rects is None:
        target.blit(canvas, (0, 0))
    else:
        target.blits([(canvas, rect, rect) for rect in rects], doreturn=False)


# ---------------------------------------------------------------- a still picture

class PictureBackground:
    """A still picture that covers the canvas (aspect kept, overflow cropped evenly)."""
    animated = False
    light = None

    def __init__(self, picture: pygame.Surface, canvas_size: Size, convert: bool = True) -> None:
        self.size = canvas_size
        self.positions: Mapping[str, tuple[int, int]] = MappingProxyType({})
        if _plain(picture, canvas_size):   # the game's own (a kept still): shown as it is, not copied
            self._canvas = picture
        else:
            flat = pygame.Surface(picture.get_size(), 0, 32)  # palette or alpha pictures: plain RGB on black
            flat.blit(picture, (0, 0))
            self._canvas = cover_surface(flat, canvas_size)
        if convert:
            self._canvas = _fast(self._canvas)
        self.nbytes = _bytes(self._canvas)

    def update(self, dt: float) -> list[pygame.Rect]:
        return []

    def due_in(self) -> float:
        return math.inf

    def draw(self, target: pygame.Surface, rects: list[pygame.Rect] | None = None) -> None:
        _blit(target, self._canvas, rects)


# ---------------------------------------------------------------- a layered map

@dataclass(eq=False)
class _Clock:
    """The shared clock of one animated tile: cumulative frame end times in microseconds."""
    ends: list[int]
    current: int = 0
    # What update() reads of each tile it moves, once they are baked: (rect's key, rect, pictures, baked). After
    # the loop's sleep each attribute read is a cache miss; one tuple a tile is read at once.
    views: list[tuple[tuple[int, int, int, int], pygame.Rect, tuple[pygame.Surface, ...], bool]] = \
        field(default_factory=list)

    def frame_at(self, time_us: int) -> int:
        # As Tiled does (Tile::advanceAnimation), a frame stays until strictly more than its duration passed.
        if time_us <= 0:
            return 0
        return bisect.bisect_left(self.ends, (time_us - 1) % self.ends[-1] + 1)

    def next_change(self, time_us: int) -> int:
        """The first time after `time_us` at which frame_at may give another frame."""
        if time_us <= 0:
            return self.ends[0] + 1
        into = (time_us - 1) % self.ends[-1] + 1
        return time_us + self.ends[bisect.bisect_left(self.ends, into)] - into + 1


@dataclass(eq=False)
class _Tile:
    """One animated tile on the canvas, its frames and the clock that moves them."""
    band: int                     # drawn after still run `band`, before run `band + 1`
    pos: tuple[int, int]          # canvas position of its scaled frames
    rect: pygame.Rect             # what it covers, clipped to the canvas
    frames: tuple[pygame.Surface, ...]
    clock: _Clock
    # An animated tile that no other overlaps: each frame baked with the still pixels under and over it, in the
    # canvas's format, so a repaint is one opaque blit (frames: the premultiplied pictures, then let go).
    baked: tuple[pygame.Surface, ...] = ()


class MapBackground:
    """A layered map. Still layers are baked once at map size and scaled to cover the canvas; an animated
    tile is redrawn only where and when its frame changes. A tile no other animated tile overlaps (nearly all
    of them) has each of its frames baked with the still pixels under and over it, so a redraw is one blit;
    where animated tiles overlap, the layers between them are kept apart and the rect is composed again from
    the still pixels under it, the tiles' frames, and the still pixels over them."""

    def __init__(self, tile_map: LayeredMap, canvas_size: Size, convert: bool = True,
                 consume: bool = False) -> None:
        """consume: the map was read for this background alone (load_background), so its pictures may be
        premultiplied in place and let go as soon as they are painted: a load then holds one image layer at
        a time, not all of them and a copy."""
        self.size = canvas_size
        self._scale, _, self._crop = cover(tile_map.size, canvas_size)
        self.positions: Mapping[str, tuple[int, int]] = MappingProxyType(
            {name: self._point(x, y) for name, (x, y) in tile_map.positions.items()})
        self.light = tile_map.light
        cache: _Cache = {}
        layers = [(layer, *_split(layer)) for layer in tile_map.layers]
        live = [(band, tile, layer.opacity) for band, tile, layer in _bands(layers)]
        self._bands = sum(1 for _, _, moving in layers if moving)
        self._tiles = self._place(live, cache)
        self._clocks = list({id(t.clock): t.clock for t in self._tiles}.values())
        self.animated = bool(self._tiles)
        self._time_us = 0
        # The clocks by the time each may next show another frame: an update looks only at those due.
        self._due = [(clock.next_change(0), n, clock) for n, clock in enumerate(self._clocks)]
        heapq.heapify(self._due)
        # Only the rects of animated tiles are ever repainted: of the base and of each still run above it,
        # only the part under them is kept once the canvas is painted.
        box = self._animated_box()
        self._base, self._base_at = None, box.topleft if box else (0, 0)
        self._overlays: dict[int, tuple[pygame.Surface, tuple[int, int]]] = {}
        self._canvas: pygame.Surface | None = None
        # The still layers are painted run by run, bottom up, each run put on the canvas (with the animated
        # tiles' first frames between runs) as soon as it is done: one run at map size alive at a time.
        base = pygame.Surface(tile_map.size, 0, 32)
        base.fill(tile_map.background)
        run: pygame.Surface | None = base
        band = 0
        for layer, still, moving in layers:
            if still and layer.opacity > 0:
                if run is None:
                    run = pygame.Surface(tile_map.size, pygame.SRCALPHA, 32)
                _paint(run, still, layer.opacity, cache, consume)
            if consume:
                still.clear()   # painted: not held while the layers above are read and painted
                object.__setattr__(layer, "sprites", ())   # painted: the map's own copy can go
            if moving:
                self._finish(run, band, box, convert)
                band, run = band + 1, None
        self._finish(run, band, box, convert)
        self._loose = self._bake()
        self._loose_rects = {tuple(tile.rect) for tile in self._loose}
        for tile in self._tiles:
            tile.clock.views.append((tuple(tile.rect), tile.rect, tile.baked or tile.frames, bool(tile.baked)))
        frames = {id(frame): frame for tile in self._tiles for frame in tile.frames + tile.baked}
        kept = [self._canvas, *(surface for surface, _ in self._overlays.values()), *frames.values()]
        self.nbytes = sum(_bytes(surface) for surface in kept) + (_bytes(self._base) if self._base else 0)

    def _bake(self) -> list[_Tile]:
        """Bake every frame of each tile that no other animated tile overlaps; keep the base and the still
        runs only under the others, which are returned (they are composed as they change)."""
        loose = [tile for tile in self._tiles if any(other is not tile and other.rect.colliderect(tile.rect)
                                                     for other in self._tiles)]
        for tile in self._tiles:
            if tile in loose:
                continue
            made: dict[int, pygame.Surface] = {}
            for frame in tile.frames:
                if id(frame) not in made:
                    made[id(frame)] = self._baked(tile, frame)
            tile.baked, tile.frames = tuple(made[id(frame)] for frame in tile.frames), ()
        box = loose[0].rect.unionall([tile.rect for tile in loose[1:]]) if loose else None
        if box is None:
            self._base, self._overlays = None, {}
            return loose
        self._base = self._base.subsurface(box.move(-self._base_at[0], -self._base_at[1])).copy()
        self._base_at = box.topleft
        self._overlays = {band: (surface.subsurface(box.move(-at[0], -at[1])).copy(), box.topleft)
                          for band, (surface, at) in self._overlays.items()}
        return loose

    def _baked(self, tile: _Tile, frame: pygame.Surface) -> pygame.Surface:
        """The tile's rect as the canvas shows it with this frame: _compose's blits, into a surface of its own."""
        rect = tile.rect
        out = self._base.subsurface(rect.move(-self._base_at[0], -self._base_at[1])).copy()
        for band in range(self._bands):
            if band == tile.band:
                out.blit(frame, (tile.pos[0] - rect.x, tile.pos[1] - rect.y), special_flags=_PREMULTIPLIED)
            overlay = self._overlays.get(band + 1)
            if overlay is not None:
                out.blit(overlay[0], (overlay[1][0] - rect.x, overlay[1][1] - rect.y), special_flags=_PREMULTIPLIED)
        return out

    def _finish(self, run: pygame.Surface | None, band: int, box: pygame.Rect | None, convert: bool) -> None:
        """Put one finished run on the canvas: the base (band 0) becomes the canvas; above it, the animated
        tiles of the band below are drawn at their first frame, then the run. Keep what repaints need."""
        if band == 0:
            base = cover_surface(run, self.size)
            if convert:
                base = _fast(base)
            self._canvas = base.copy()
            self._base = base.subsurface(box).copy() if box else None
            return
        canvas = self._canvas
        for tile in self._tiles:
            if tile.band == band - 1:
                canvas.blit(tile.frames[tile.clock.current], tile.pos, special_flags=_PREMULTIPLIED)
        if run is not None:
            overlay = cover_surface(run, self.size)
            canvas.blit(overlay, (0, 0), special_flags=_PREMULTIPLIED)
            if box:
                self._overlays[band] = (overlay.subsurface(box).copy(), box.topleft)

    def update(self, dt: float) -> list[pygame.Rect]:
        if not self.animated or dt <= 0:
            return []
        self._time_us = now = self._time_us + round(dt * 1_000_000)
        due = self._due
        if now < due[0][0]:
            return []     # no tile's frame changes before then
        before = []
        while due[0][0] <= now:
            _, n, clock = due[0]
            index = clock.frame_at(now)
            if index != clock.current:
                before.append((clock, clock.current))
                clock.current = index
            heapq.heapreplace(due, (clock.next_change(now), n, clock))
        dirty: dict[tuple[int, int, int, int], pygame.Rect] = {}
        baked = []
        for clock, old in before:
            new = clock.current
            for key, rect, pictures, alone in clock.views:
                shown = pictures[new]
                if pictures[old] is shown:
                    continue
                if alone:
                    baked.append((shown, rect))
                dirty[key] = rect
        self._canvas.blits(baked, doreturn=False)
        if self._loose_rects:
            for key, rect in dirty.items():
                if key in self._loose_rects:
                    self._compose(rect)
        return [rect.copy() for rect in dirty.values()]

    def due_in(self) -> float:
        """Seconds of update() from now before any tile's frame changes (0: at the next update)."""
        return max(0, self._due[0][0] - self._time_us) / 1_000_000 if self.animated else math.inf

    def draw(self, target: pygame.Surface, rects: list[pygame.Rect] | None = None) -> None:
        _blit(target, self._canvas, rects)

    @property
    def picture(self) -> pygame.Surface:
        """What the map shows now (at time 0 until update() moves it on); not to be drawn into."""
        return self._canvas

    def _point(self, x: float, y: float) -> tuple[int, int]:
        return round(x * self._scale) - self._crop[0], round(y * self._scale) - self._crop[1]

    def _place(self, live: list[tuple[int, AnimatedTile, float]], cache: _Cache) -> list[_Tile]:
        """Put the animated tiles on the canvas with their frames scaled to fit; drop the ones cropped away."""
        screen = pygame.Rect((0, 0), self.size)
        clocks: dict[int, _Clock] = {}
        tiles = []
        for band, tile, opacity in live:
            w, h = tile.frames[0][0].get_size()
            (x0, y0), (x1, y1) = self._point(*tile.pos), self._point(tile.pos[0] + w, tile.pos[1] + h)
            rect = pygame.Rect(x0, y0, x1 - x0, y1 - y0).clip(screen)
            if rect.width <= 0 or rect.height <= 0:
                continue
            if tile.key not in clocks:
                clocks[tile.key] = _Clock(list(itertools.accumulate(max(0, ms) * 1000 for _, ms in tile.frames)))
            frames = tuple(_prepared(cache, picture, (x1 - x0, y1 - y0), opacity) for picture, _ in tile.frames)
            tiles.append(_Tile(band, (x0, y0), rect, frames, clocks[tile.key]))
        return tiles

    def _animated_box(self) -> pygame.Rect | None:
        """The smallest rect holding every animated tile. Every animated tile is repainted from the base up, so
        the base and each run above it are needed over all of them, not only over the tiles below it."""
        under = [tile.rect for tile in self._tiles]
        return under[0].unionall(under[1:]) if under else None

    def _compose(self, rect: pygame.Rect) -> None:
        """Repaint one canvas rect from the still base, the animated frames and the still runs above them."""
        canvas = self._canvas
        canvas.set_clip(rect)
        canvas.blit(self._base, rect, rect.move(-self._base_at[0], -self._base_at[1]))
        for band in range(self._bands):
            for tile in self._loose:
                if tile.band == band and tile.rect.colliderect(rect):
                    canvas.blit(tile.frames[tile.clock.current], tile.pos, special_flags=_PREMULTIPLIED)
            overlay = self._overlays.get(band + 1)
            if overlay is not None:
                canvas.blit(overlay[0], overlay[1], special_flags=_PREMULTIPLIED)
        canvas.set_clip(None)


def _split(layer: MapLayer) -> tuple[list[Sprite], list[AnimatedTile]]:
    """A layer's still pictures (its animated tiles that never change among them) and its moving tiles."""
    still, moving = list(layer.sprites), []
    for tile in layer.animated:
        if len({id(p) for p, _ in tile.frames}) > 1 and sum(max(0, ms) for _, ms in tile.frames) > 0:
            moving.append(tile)
        else:
            still.append((tile.frames[0][0], tile.pos))
    return still, moving


def _bands(layers: list[tuple[MapLayer, list[Sprite], list[AnimatedTile]]]):
    """Each moving tile with the band it is drawn in: after still run `band`, before run `band + 1`."""
    band = 0
    for layer, _, moving in layers:
        for tile in moving:
            yield band, tile, layer
        band += bool(moving)


def _paint(run: pygame.Surface, still: list[Sprite], opacity: float, cache: _Cache, consume: bool) -> None:
    for picture, pos in still:  # Tiled, too, applies a layer's opacity to each tile as it draws it
        if callable(picture):   # an image layer read late (tiled.read_tmx): read now, let go once drawn
            picture = picture()
        # A picture drawn once (an image layer, 4 MB) is premultiplied (in place, when it is ours), drawn
        # and let go; tiles drawn many times are premultiplied once and kept while baking.
        if picture.get_width() * picture.get_height() < ONCE_PIXELS:
            ready = _prepared(cache, picture, picture.get_size(), opacity)
        elif consume and picture.get_flags() & pygame.SRCALPHA and picture.get_bitsize() == 32:
            picture.premul_alpha_ip()
            if opacity < 1:
                alpha = round(max(0.0, opacity) * 255)
                picture.fill((alpha, alpha, alpha, alpha), special_flags=pygame.BLEND_RGBA_MULT)
            ready = picture
        else:
            ready = _premultiplied(picture, picture.get_size(), opacity)
        run.blit(ready, pos, special_flags=_PREMULTIPLIED)
        del ready


def _prepared(cache: _Cache, picture: pygame.Surface, size: Size, opacity: float) -> pygame.Surface:
    """A premultiplied-alpha copy at the given size and opacity, for BLEND_PREMULTIPLIED blits; made once."""
    key = (id(picture), size, opacity)
    if key not in cache:
        cache[key] = (picture, _premultiplied(picture, size, opacity))  # the picture too, so that its id is
    return cache[key][1]                                               # not reused while the cache lives


def _premultiplied(picture: pygame.Surface, size: Size, opacity: float) -> pygame.Surface:
    if picture.get_flags() & pygame.SRCALPHA and picture.get_bitsize() == 32:
        out = picture.premul_alpha()   # a copy already: no flat copy first
    else:
        flat = pygame.Surface(picture.get_size(), pygame.SRCALPHA, 32)
        flat.blit(picture, (0, 0))
        out = flat.premul_alpha()
    if opacity < 1:
        alpha = round(max(0.0, opacity) * 255)
        out.fill((alpha, alpha, alpha, alpha), special_flags=pygame.BLEND_RGBA_MULT)
    if size != out.get_size():
        out = pygame.transform.smoothscale(out, size)  # premultiplied, so edges keep their colour
    return out
