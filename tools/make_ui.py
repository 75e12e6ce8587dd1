"""Draws the interface skin in assets/ui/: panels, buttons in their three states, the title flourish, the cursors.

Each piece is drawn at four times its size and scaled down, so corners are smooth. Panels and buttons are
nine-slice pictures: the game keeps their corners (CORNER pixels square) and stretches the edges and the middle,
so one small picture serves a name plate and a whole text box. The panel rules are white: the game tints them
(a speaker's colour on the name plate, gold on a chosen card), and uses the plain one on small panels. Run: `python tools/make_ui.py`.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from art_common import save_png  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "assets" / "ui"
SCALE = 4
SIZE, CORNER = 64, 20          # nine-slice pictures: 64 px square, corners of 20 px kept as they are
RULE = 2                       # the outer rule, in final pixels
INK = (24, 22, 30)
GOLD = (224, 178, 92)
BUTTONS = {                    # fill, alpha, rule: the looks of widgets.Button, and of the window test's checks
    "idle": (INK, 232, (110, 96, 82)),
    "hover": ((72, 56, 40), 232, GOLD),
    "disabled": ((40, 36, 42), 232, (70, 64, 62)),
}


def big(size: tuple[int, int]) -> pygame.Surface:
    return pygame.Surface((size[0] * SCALE, size[1] * SCALE), pygame.SRCALPHA)


def down(art: pygame.Surface) -> pygame.Surface:
    return pygame.transform.smoothscale(art, (art.get_width() // SCALE, art.get_height() // SCALE))


def rounded(art: pygame.Surface, colour: tuple[int, ...], radius: int, width: int = 0, inset: int = 0) -> None:
    rect = art.get_rect().inflate(-2 * inset * SCALE, -2 * inset * SCALE)
    pygame.draw.rect(art, colour, rect, width=width * SCALE, border_radius=radius * SCALE)


def corner_ticks(art: pygame.Surface, colour: tuple[int, ...], inset: int, length: int) -> None:
    """Small right-angled ticks inside each corner, as on the frame of an old travel poster."""
    w, h = art.get_size()
    i, n, t = inset * SCALE, length * SCALE, SCALE
    for x, dx in ((i, 1), (w - i - t, -1)):
        for y, dy in ((i, 1), (h - i - t, -1)):
            pygame.draw.rect(art, colour, pygame.Rect(min(x, x + dx * n), y, n + t, t))
            pygame.draw.rect(art, colour, pygame.Rect(x, min(y, y + dy * n), t, n + t))


def panel_fill() -> pygame.Surface:
    art = big((SIZE, SIZE))
    rounded(art, (*INK, 255), 14)
    return down(art)


def panel_rule(framed: bool = True) -> pygame.Surface:
    """The panel's frame in white: an outer rule and, on a large panel, a faint inner hairline and corner ticks."""
    art = big((SIZE, SIZE))
    rounded(art, (255, 255, 255, 255), 14, width=RULE)
    if framed:
        rounded(art, (255, 255, 255, 46), 10, width=1, inset=6)
        corner_ticks(art, (255, 255, 255, 120), inset=9, length=7)
    return down(art)


def button(fill: tuple[int, int, int], alpha: int, rule: tuple[int, int, int]) -> pygame.Surface:
    art = big((SIZE, SIZE))
    rounded(art, (*fill, alpha), 10)
    # a soft light along the top edge, like varnish on a printed card; it fades out inside the corner band,
    # so the stretched middle of the button stays even
    sheen = big((SIZE, SIZE))
    rounded(sheen, (255, 255, 255, 255), 10)
    fade = big((SIZE, SIZE))
    for y in range(fade.get_height()):
        t = max(0.0, 1 - y / ((CORNER - 4) * SCALE))
        pygame.draw.line(fade, (255, 255, 255, int(22 * t)), (0, y), (fade.get_width(), y))
    sheen.blit(fade, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    art.blit(sheen, (0, 0))
    rounded(art, (*rule, 255), 10, width=RULE)
    return down(art)


def star_points(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    w = max(2 * SCALE, r / 3)
    return [(cx, cy - r), (cx + w, cy - w), (cx + r, cy), (cx + w, cy + w),
            (cx, cy + r), (cx - w, cy + w), (cx - r, cy), (cx - w, cy - w)]


def star(radius: int, colour: tuple[int, int, int]) -> pygame.Surface:
    """The game's mark for focus and 'click to continue': a four-pointed star with a faint glow."""
    size = 2 * radius + 6
    art = big((size, size))
    c = art.get_width() / 2
    for k in range(6, 0, -1):
        pygame.draw.circle(art, (*colour, 10 + 4 * (6 - k)), (c, c), (radius * 0.55 + k) * SCALE)
    pygame.draw.polygon(art, (*colour, 255), star_points(c, c, radius * SCALE))
    return down(art)


def more(colour: tuple[int, int, int]) -> pygame.Surface:
    """A small downward triangle: the line goes on over another page."""
    art = big((16, 14))
    w, h = art.get_size()
    pygame.draw.polygon(art, (*colour, 255), [(SCALE, SCALE * 2), (w - SCALE, SCALE * 2), (w / 2, h - SCALE)])
    return down(art)


def flourish(colour: tuple[int, int, int]) -> pygame.Surface:
    """The rule under the title: a gold line with a star at its middle and a diamond at each end."""
    width, height = 360, 26
    art = big((width, height))
    mid = height * SCALE // 2
    pygame.draw.rect(art, (*colour, 255), pygame.Rect(10 * SCALE, mid - SCALE, (width - 20) * SCALE, 2 * SCALE))
    for x in (8 * SCALE, (width - 8) * SCALE):
        d = 5 * SCALE
        pygame.draw.polygon(art, (*colour, 255), [(x - d, mid), (x, mid - d), (x + d, mid), (x, mid + d)])
    c = width * SCALE / 2
    pygame.draw.polygon(art, (*colour, 255), star_points(c, mid, 12 * SCALE))
    return down(art)


def pieces() -> dict[str, pygame.Surface]:
    made = {"panel_fill": panel_fill(), "panel_rule": panel_rule(), "panel_rule_plain": panel_rule(framed=False)}
    made.update({f"button_{state}": button(*look) for state, look in BUTTONS.items()})
    made.update({"cursor_continue": star(8, GOLD), "cursor_focus": star(6, GOLD), "cursor_more": more(GOLD),
                 "title_flourish": flourish(GOLD)})
    return made


def main(out: Path = OUT) -> int:
    pygame.init()
    out.mkdir(parents=True, exist_ok=True)
    for name, surface in pieces().items():
        save_png(surface, out / f"{name}.png")
        print(f"wrote {out / name}.png ({surface.get_width()}x{surface.get_height()})")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
