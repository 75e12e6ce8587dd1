"""Draws the window icon, assets/ui/icon.png: a gold four-pointed star over a night-blue disc."""
from __future__ import annotations

import math
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "assets" / "ui" / "icon.png"
SIZE, SCALE = 64, 8


def star(surface: pygame.Surface, centre: tuple[float, float], outer: float, inner: float, colour) -> None:
    cx, cy = centre
    points = []
    for i in range(8):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 4
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    pygame.draw.polygon(surface, colour, points)


def main() -> int:
    big = SIZE * SCALE
    art = pygame.Surface((big, big), pygame.SRCALPHA)
    centre = big / 2
    for r in range(int(centre), 0, -1):  # a night sky disc, lighter towards the middle
        t = r / centre
        colour = (int(18 + 30 * (1 - t)), int(24 + 34 * (1 - t)), int(66 + 60 * (1 - t)), 255)
        pygame.draw.circle(art, colour, (centre, centre), r)
    pygame.draw.circle(art, (224, 178, 92, 255), (centre, centre), int(centre) - 6, width=14)
    for x, y, s in ((0.28, 0.30, 0.05), (0.74, 0.26, 0.04), (0.70, 0.72, 0.035), (0.30, 0.70, 0.03)):
        star(art, (big * x, big * y), big * s, big * s * 0.3, (240, 230, 205, 255))
    star(art, (centre, centre), big * 0.34, big * 0.08, (236, 190, 100, 255))
    star(art, (centre, centre), big * 0.20, big * 0.05, (255, 236, 190, 255))
    icon = pygame.transform.smoothscale(art, (SIZE, SIZE))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(icon, str(OUT))
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
