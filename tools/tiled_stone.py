"""Masonry tiles for the Tiled backgrounds: courses of dressed stone that tile along a wall face.

A sheet has one row per course kind (the top course in the coping's shadow, middle courses, the foot in the
shadow of the ground) and, in each row, a block's first tile and a middle tile for each of three tones. A wall
is a run of blocks two to six tiles long; the block's first tile carries the joint, so any run joins up.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from art_common import Color, downscale_alpha, mix, pygame

K = 2
TONES = (0.15, 0.5, 0.85)      # how far each tone goes from the stone colour to its variant
COURSES = ("top", "middle", "foot")


@dataclass(frozen=True)
class Stone:
    """The colours of a wall: stone, its lighter variant, the mortar, and the shadow under a coping."""

    stone: Color
    variant: Color
    mortar: Color
    shadow: Color


def tile_index(course: str, tone: int, first: bool) -> int:
    """Tile id in a course sheet: row by course, then (tone, first) pairs across."""
    return COURSES.index(course) * len(TONES) * 2 + tone * 2 + (0 if first else 1)


def course_sheet(colours: Stone, tile: tuple[int, int], seed: int) -> pygame.Surface:
    """The sheet: 6 tiles across (3 tones, each a first and a middle tile), 3 course kinds down."""
    rng = random.Random(seed)
    w, h = tile[0] * K, tile[1] * K
    sheet = pygame.Surface((w * 2 * len(TONES), h * len(COURSES)), pygame.SRCALPHA)
    for row, course in enumerate(COURSES):
        for tone, t in enumerate(TONES):
            for first in (True, False):
                cell = pygame.Rect((tone * 2 + (0 if first else 1)) * w, row * h, w, h)
                _stone_tile(sheet, cell, colours, mix(colours.stone, colours.variant, t), course, first, rng)
    return downscale_alpha(sheet, (tile[0] * 2 * len(TONES), tile[1] * len(COURSES)), grain_seed=seed, grain_amp=3)


def _stone_tile(surf: pygame.Surface, cell: pygame.Rect, colours: Stone, face: Color, course: str, first: bool,
                rng: random.Random) -> None:
    surf.fill(colours.mortar, cell)
    joint = 3 * K
    left = cell.x + (joint if first else 0)
    block = pygame.Rect(left, cell.y + joint, cell.right - left, cell.height - 2 * joint)
    radius = 5 * K if first else 0
    pygame.draw.rect(surf, face, block, border_top_left_radius=radius, border_bottom_left_radius=radius)
    # The stone's top catches the light, its foot falls into shade; the coping and the ground darken their courses.
    lit = pygame.Rect(block.x + (radius // 2), block.y, block.width - radius // 2, max(1, K))
    surf.fill(mix(face, (255, 255, 255), 0.12), lit)
    foot = pygame.Rect(block.x + radius // 2, block.bottom - block.height // 4, block.width - radius // 2,
                       block.height // 4)
    surf.fill(mix(face, colours.mortar, 0.25), foot)
    shade = {"top": (0, 0.45), "middle": None, "foot": (1, 0.35)}[course]
    if shade:
        side, strength = shade
        band = pygame.Surface((cell.width, cell.height // 2), pygame.SRCALPHA)
        for y in range(band.get_height()):
            t = y / max(1, band.get_height() - 1)
            a = strength * (1 - t) if side == 0 else strength * t
            pygame.draw.line(band, (*colours.shadow, int(255 * a)), (0, y), (cell.width, y))
        surf.blit(band, (cell.x, cell.y if side == 0 else cell.centery))
    # A few flecks and pits in the stone.
    for _ in range(5):
        x = rng.uniform(block.x + 4, block.right - 4)
        y = rng.uniform(block.y + 4, block.bottom - 4)
        pygame.draw.circle(surf, mix(face, colours.mortar, rng.uniform(0.2, 0.4)), (x, y), rng.uniform(1.0, 2.2))


def wall_grid(size: tuple[int, int], rows: list[tuple[int, str]], columns: tuple[int, int], firstgid: int,
              rng: random.Random, lengths: tuple[int, int] = (2, 5)) -> list[list[int]]:
    """A tile layer's grid with courses of stone on the given rows, blocks of random length and tone, each
    course starting part-way into a block so the joints do not line up."""
    grid = [[0] * size[0] for _ in range(size[1])]
    for row, course in rows:
        col, left, tone = columns[0], rng.randint(1, lengths[1]), rng.randrange(len(TONES))
        first = False
        while col < columns[1]:
            grid[row][col] = firstgid + tile_index(course, tone, first)
            col += 1
            left -= 1
            first = False
            if left == 0:
                left = rng.randint(*lengths)
                tone = rng.choice([t for t in range(len(TONES)) if t != tone])
                first = True
    return grid
