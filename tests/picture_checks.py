"""Pictures worked out the slow way, to hold the game's fast drawing to: a Tiled map's layers drawn one by one at a
moment of its animation, and the largest difference between two pictures (pygame alone: no numpy)."""
from __future__ import annotations

from itertools import accumulate
from pathlib import Path

import pygame

from game.ui.tiled import read_tmx


def frame_at(durations: list[int], time_us: int) -> int:
    """Tiled's rule, worked out here: a frame stays until strictly more than its duration (ms) has passed."""
    ends = list(accumulate(max(0, ms) * 1000 for ms in durations))
    if time_us <= 0 or not ends[-1]:
        return 0
    into = (time_us - 1) % ends[-1] + 1
    return next(i for i, end in enumerate(ends) if end >= into)


def layers_drawn(path: Path, time_us: int) -> pygame.Surface:
    """The map at its own size, every picture and every tile's current frame, layer after layer, premultiplied
    and at the layer's opacity, over the map's background colour."""
    tile_map = read_tmx(path)
    picture = pygame.Surface(tile_map.size, 0, 32)
    picture.fill(tile_map.background)
    for layer in tile_map.layers:
        drawn = list(layer.sprites)
        for tile in layer.animated:
            index = frame_at([ms for _, ms in tile.frames], time_us)
            drawn.append((tile.frames[index][0], tile.pos))
        for surface, pos in drawn:
            flat = pygame.Surface(surface.get_size(), pygame.SRCALPHA, 32)
            flat.blit(surface, (0, 0))
            flat = flat.premul_alpha()
            if layer.opacity < 1:
                alpha = round(layer.opacity * 255)
                flat.fill((alpha, alpha, alpha, alpha), special_flags=pygame.BLEND_RGBA_MULT)
            picture.blit(flat, pos, special_flags=pygame.BLEND_PREMULTIPLIED)
    return picture


def largest_difference(a: pygame.Surface, b: pygame.Surface) -> int:
    """The largest difference of one colour channel between two pictures of one size, pixel by pixel."""
    first, second = pygame.image.tobytes(a, "RGB"), pygame.image.tobytes(b, "RGB")
    return max(abs(p - q) for p, q in zip(first, second)) if first != second else 0
