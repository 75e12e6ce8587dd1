"""Draws the game's icon, a gold four-pointed star over a night-blue disc, in every form it is needed in:

    assets/ui/icon.png       64 px, the window's icon
    assets/ui/icon-256.png   256 px, the desktop entry's icon (the build's install-desktop-entry.sh)
    assets/ui/icon.ico       Windows: the built executable's icon (16-256 px, PNG entries)

The ICO file holds PNG pictures, which the format allows since Windows Vista, so pygame's PNG writer is enough.
"""
from __future__ import annotations

import io
import math
import os
import struct
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402

UI = Path(__file__).resolve().parents[1] / "assets" / "ui"
OUT = UI / "icon.png"
SIZE, BIG = 64, 1024
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def star(surface: pygame.Surface, centre: tuple[float, float], outer: float, inner: float, colour) -> None:
    cx, cy = centre
    points = []
    for i in range(8):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 4
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    pygame.draw.polygon(surface, colour, points)


def draw(big: int = BIG) -> pygame.Surface:
    """The icon drawn large, to be scaled down to each size."""
    art = pygame.Surface((big, big), pygame.SRCALPHA)
    centre = big / 2
    for r in range(int(centre), 0, -1):  # a night sky disc, lighter towards the middle
        t = r / centre
        colour = (int(18 + 30 * (1 - t)), int(24 + 34 * (1 - t)), int(66 + 60 * (1 - t)), 255)
        pygame.draw.circle(art, colour, (centre, centre), r)
    ring = big / 512
    pygame.draw.circle(art, (224, 178, 92, 255), (centre, centre), int(centre - 6 * ring), width=round(14 * ring))
    for x, y, s in ((0.28, 0.30, 0.05), (0.74, 0.26, 0.04), (0.70, 0.72, 0.035), (0.30, 0.70, 0.03)):
        star(art, (big * x, big * y), big * s, big * s * 0.3, (240, 230, 205, 255))
    star(art, (centre, centre), big * 0.34, big * 0.08, (236, 190, 100, 255))
    star(art, (centre, centre), big * 0.20, big * 0.05, (255, 236, 190, 255))
    return art


def scaled(art: pygame.Surface, size: int) -> pygame.Surface:
    """Halved step by step (each step averages, so thin lines keep their weight), then to the size."""
    while art.get_width() >= size * 2:
        art = pygame.transform.smoothscale(art, (art.get_width() // 2, art.get_height() // 2))
    return pygame.transform.smoothscale(art, (size, size))


def png_bytes(picture: pygame.Surface) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "icon.png"
        pygame.image.save(picture, str(path))
        return path.read_bytes()


def ico(pictures: dict[int, bytes]) -> bytes:
    """An ICO file of PNG entries: the header, one 16-byte entry per size (0 stands for 256), then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(pictures))
    offset = len(header) + 16 * len(pictures)
    entries, data = io.BytesIO(), io.BytesIO()
    for size, png in sorted(pictures.items()):
        side = 0 if size >= 256 else size
        entries.write(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + data.tell()))
        data.write(png)
    return header + entries.getvalue() + data.getvalue()


def main() -> int:
    art = draw()
    UI.mkdir(parents=True, exist_ok=True)
    pygame.image.save(scaled(art, SIZE), str(OUT))
    pygame.image.save(scaled(art, 256), str(UI / "icon-256.png"))
    (UI / "icon.ico").write_bytes(ico({size: png_bytes(scaled(art, size)) for size in ICO_SIZES}))
    for name in ("icon.png", "icon-256.png", "icon.ico"):
        print(f"wrote {UI / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
