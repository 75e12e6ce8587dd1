"""The starter pack's pictures, drawn by code: a harbour at night and the keeper's sprites (`python -m game new`)."""
from __future__ import annotations

import random
from pathlib import Path

from .png import write_png

BACKGROUND_SIZE = (1280, 720)  # the game's canvas
SPRITE_SIZE = (460, 640)       # the size of the game's own sprites
EXPRESSIONS = ("neutral", "smiling")


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> bytes:
    return bytes(round(x + (y - x) * t) for x, y in zip(a, b))


def harbour_rows(seed: int = 7) -> list[bytes]:
    """A night sky over a dark sea, with stars and a lighthouse on the horizon."""
    width, height = BACKGROUND_SIZE
    horizon = height * 2 // 3
    stars = random.Random(seed)
    rows = []
    for y in range(height):
        if y < horizon:
            row = bytearray(_mix((10, 14, 38), (52, 58, 96), y / horizon) * width)
            for _ in range(3):
                x = stars.randrange(width)
                if stars.random() < 0.5:
                    row[x * 3:x * 3 + 3] = b"\xf0\xe6\xd2"
        else:
            row = bytearray(_mix((20, 26, 44), (6, 8, 16), (y - horizon) / (height - horizon)) * width)
            if (y - horizon) % 9 == 0:  # a glint of the lamp on the water
                for x in range(1000 - (y - horizon), 1000 + (y - horizon)):
                    if 0 <= x < width and (x * 7 + y) % 5 == 0:
                        row[x * 3:x * 3 + 3] = b"\xc9\xa8\x5c"
        tower_top = horizon - 170
        if tower_top <= y < horizon:  # the lighthouse, narrower towards the lamp
            half = 10 + (y - tower_top) * 14 // 170
            colour = b"\xf0\xd0\x80" if y < tower_top + 22 else b"\x1a\x1c\x28"
            row[(1000 - half) * 3:(1000 + half) * 3] = colour * (2 * half)
        rows.append(bytes(row))
    return rows


def keeper_rows(expression: str) -> list[bytes]:
    """A figure in a dark coat, face and all: 'neutral' with a straight mouth, 'smiling' with a curved one."""
    width, height = SPRITE_SIZE
    cx, head_y, head_r = width // 2, 160, 72
    coat, skin, ink = b"\x2c\x34\x4a\xff", b"\xe8\xc4\xa0\xff", b"\x30\x22\x1c\xff"
    rows = []
    for y in range(height):
        row = bytearray(width * 4)  # transparent
        if head_y + 40 <= y < 260:  # the neck
            row[(cx - 24) * 4:(cx + 24) * 4] = skin * 48
        if y >= 250:  # shoulders, then a coat widening to the bottom
            half = min(170, 90 + (y - 250) * 2) if y < 300 else min(200, 170 + (y - 300) // 10)
            row[(cx - half) * 4:(cx + half) * 4] = coat * (2 * half)
        dy = y - head_y
        if abs(dy) <= head_r:
            half = int((head_r * head_r - dy * dy) ** 0.5 * 0.85)
            row[(cx - half) * 4:(cx + half) * 4] = skin * (2 * half)
            if -22 <= dy <= -12:  # eyes
                for ex in (cx - 28, cx + 18):
                    row[ex * 4:(ex + 10) * 4] = ink * 10
            for x in range(cx - 26, cx + 26):  # the mouth: a line, or a curve when smiling
                bend = (x - cx) ** 2 // 60 if expression == "smiling" else 0
                if dy == 34 - bend or dy == 35 - bend:
                    row[x * 4:x * 4 + 4] = ink
        rows.append(bytes(row))
    return rows


def draw_pictures(root: Path) -> list[Path]:
    """Write the pack's background and sprites under root/assets; the files written."""
    made = [root / "assets" / "backgrounds" / "harbour_night.png"]
    write_png(made[0], *BACKGROUND_SIZE, harbour_rows())
    for expression in EXPRESSIONS:
        path = root / "assets" / "characters" / "keeper" / f"{expression}.png"
        write_png(path, *SPRITE_SIZE, keeper_rows(expression), alpha=True)
        made.append(path)
    return made
