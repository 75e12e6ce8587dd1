"""Shared drawing helpers for the asset generators: colours, curves, gradients, grain and PNG output."""
from __future__ import annotations

import math
import os
import random
import struct
import sys
import zlib
from pathlib import Path
from typing import Iterable, Sequence

# Headless: no window is ever opened, and the banner is noise in build logs.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"

Color = tuple[int, int, int]
Point = tuple[float, float]


def init() -> None:
    """Start just enough of pygame to build surfaces and smoothscale them."""
    pygame.display.init()


# ---------------------------------------------------------------- colours

def hexc(code: str) -> Color:
    code = code.lstrip("#")
    return (int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16))


def mix(a: Sequence[int], b: Sequence[int], t: float) -> Color:
    t = max(0.0, min(1.0, t))
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))  # type: ignore[return-value]


def with_alpha(c: Sequence[int], a: int) -> tuple[int, int, int, int]:
    return (c[0], c[1], c[2], max(0, min(255, int(a))))


def ramp(stops: Sequence[tuple[float, Sequence[int]]], t: float) -> Color:
    """Colour at t along a list of (position, colour) stops, smoothstepped between stops."""
    if t <= stops[0][0]:
        return tuple(stops[0][1])  # type: ignore[return-value]
    for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
        if t <= p1:
            u = (t - p0) / (p1 - p0) if p1 > p0 else 1.0
            u = u * u * (3 - 2 * u)
            return mix(c0, c1, u)
    return tuple(stops[-1][1])  # type: ignore[return-value]


# ---------------------------------------------------------------- geometry

def catmull(points: Sequence[Point], closed: bool = True, steps: int = 10) -> list[Point]:
    """A smooth curve through the given points (Catmull-Rom); repeat a point to make a corner."""
    pts = list(points)
    n = len(pts)
    out: list[Point] = []
    segs = n if closed else n - 1
    for i in range(segs):
        p0 = pts[(i - 1) % n] if closed else pts[max(i - 1, 0)]
        p1 = pts[i % n]
        p2 = pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed else pts[min(i + 2, n - 1)]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            x = 0.5 * ((2 * p1[0]) + (-p0[0] + p2[0]) * t + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2
                       + (-p0[0] + 3 * p1[0] - 3 * p2[0] + p3[0]) * t3)
            y = 0.5 * ((2 * p1[1]) + (-p0[1] + p2[1]) * t + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2
                       + (-p0[1] + 3 * p1[1] - 3 * p2[1] + p3[1]) * t3)
            out.append((x, y))
    if not closed:
        out.append(pts[-1])
    return out


def ellipse_pts(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0, n: int = 64,
                start: float = 0.0, end: float = 2 * math.pi) -> list[Point]:
    ca, sa = math.cos(angle), math.sin(angle)
    out = []
    for i in range(n + 1 if end - start < 2 * math.pi else n):
        a = start + (end - start) * i / n
        x, y = rx * math.cos(a), ry * math.sin(a)
        out.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return out


def stroke_pts(path: Sequence[Point], w0: float, w1: float | None = None, steps: int = 8) -> list[Point]:
    """A tapered ribbon polygon along a smooth open path (brows, lids, mouths, creases)."""
    w1 = w0 if w1 is None else w1
    spine = catmull(path, closed=False, steps=steps)
    left, right = [], []
    n = len(spine)
    for i, (x, y) in enumerate(spine):
        ax, ay = spine[max(i - 1, 0)]
        bx, by = spine[min(i + 1, n - 1)]
        dx, dy = bx - ax, by - ay
        ln = math.hypot(dx, dy) or 1.0
        t = i / (n - 1)
        # Taper to round-ish tips at both ends for a brush-like stroke.
        w = (w0 + (w1 - w0) * t) * (0.35 + 0.65 * math.sin(math.pi * min(1.0, max(0.0, t))) ** 0.5)
        nx, ny = -dy / ln * w / 2, dx / ln * w / 2
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    return left + right[::-1]


def bbox(points: Iterable[Point], pad: int = 2) -> pygame.Rect:
    xs, ys = zip(*points)
    x0, y0 = int(math.floor(min(xs))) - pad, int(math.floor(min(ys))) - pad
    x1, y1 = int(math.ceil(max(xs))) + pad, int(math.ceil(max(ys))) + pad
    return pygame.Rect(x0, y0, x1 - x0, y1 - y0)


def shift(points: Iterable[Point], dx: float, dy: float) -> list[Point]:
    return [(x + dx, y + dy) for x, y in points]


# ---------------------------------------------------------------- layered shapes

def alpha_stencil(layer: pygame.Surface) -> pygame.Surface:
    """White copy of a layer keeping only its alpha, for multiplying other layers into its shape."""
    st = layer.copy()
    st.fill((255, 255, 255, 0), special_flags=pygame.BLEND_RGBA_MAX)
    return st


class Shape:
    """One flat shape plus tones (shadow, light) that are clipped to its silhouette."""

    def __init__(self, points: Sequence[Point], color: Sequence[int]):
        self.rect = bbox(points)
        self.layer = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        pygame.draw.polygon(self.layer, color, shift(points, -self.rect.x, -self.rect.y))
        self._stencil: pygame.Surface | None = None

    def tone(self, points: Sequence[Point], color: Sequence[int], alpha: int = 255) -> "Shape":
        if self._stencil is None:
            self._stencil = alpha_stencil(self.layer)
        s = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        pygame.draw.polygon(s, with_alpha(color, alpha), shift(points, -self.rect.x, -self.rect.y))
        s.blit(self._stencil, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        self.layer.blit(s, (0, 0))
        return self

    def tone_surface(self, surf: pygame.Surface, pos: tuple[int, int] = (0, 0)) -> "Shape":
        """Clip a ready-made surface (in canvas coordinates) into the shape."""
        if self._stencil is None:
            self._stencil = alpha_stencil(self.layer)
        s = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        s.blit(surf, (pos[0] - self.rect.x, pos[1] - self.rect.y))
        s.blit(self._stencil, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        self.layer.blit(s, (0, 0))
        return self

    def draw(self, target: pygame.Surface) -> None:
        target.blit(self.layer, self.rect.topleft)


def poly(target: pygame.Surface, points: Sequence[Point], color: Sequence[int], alpha: int = 255) -> None:
    """Polygon with optional transparency (pygame.draw has no blending of its own)."""
    if alpha >= 255 and target.get_flags() & pygame.SRCALPHA == 0:
        pygame.draw.polygon(target, color, points)
        return
    r = bbox(points)
    s = pygame.Surface(r.size, pygame.SRCALPHA)
    pygame.draw.polygon(s, with_alpha(color, alpha), shift(points, -r.x, -r.y))
    target.blit(s, r.topleft)


# ---------------------------------------------------------------- gradients and light

def vgradient(target: pygame.Surface, rect: pygame.Rect, stops: Sequence[tuple[float, Sequence[int]]]) -> None:
    for y in range(rect.height):
        c = ramp(stops, y / max(1, rect.height - 1))
        pygame.draw.line(target, c, (rect.x, rect.y + y), (rect.right - 1, rect.y + y))


def radial(radius: int, color: Sequence[int], peak: int, falloff: float = 2.0) -> pygame.Surface:
    """A soft round glow: alpha goes from peak at the centre to 0 at radius."""
    size = radius * 2 + 2
    s = pygame.Surface((size, size), pygame.SRCALPHA)
    for r in range(radius, 0, -1):
        a = peak * (1 - r / radius) ** falloff
        pygame.draw.circle(s, with_alpha(color, a), (radius + 1, radius + 1), r)
    return pygame.transform.gaussian_blur(s, 3)


def glow(target: pygame.Surface, center: Point, radius: int, color: Sequence[int], peak: int,
         falloff: float = 2.0, add: bool = False) -> None:
    g = radial(radius, color, peak, falloff)
    pos = (int(center[0]) - radius - 1, int(center[1]) - radius - 1)
    if add:
        # Premultiply so the glow lightens like light does instead of painting over.
        flat = pygame.Surface(g.get_size())
        flat.fill((0, 0, 0))
        flat.blit(g, (0, 0))
        target.blit(flat, pos, special_flags=pygame.BLEND_RGB_ADD)
    else:
        target.blit(g, pos)


# ---------------------------------------------------------------- texture

def _noise_surface(size: tuple[int, int], rng: random.Random, amp: int) -> pygame.Surface:
    w, h = size
    p = pygame.image.frombytes(rng.randbytes(w * h), size, "P")
    p.set_palette([(v, v, v) for v in ((i * (amp + 1)) >> 8 for i in range(256))])
    out = pygame.Surface(size, 0, 24)
    out.blit(p, (0, 0))
    return out


def grain(target: pygame.Surface, seed: int, amp: int = 6, mottle: int = 5) -> None:
    """Fine film grain plus a soft, blotchy paper mottle, both zero-mean, in place."""
    rng = random.Random(seed)
    size = target.get_size()
    # Mottle: coarse noise blown up smoothly, like uneven ink on poster paper.
    small = (max(2, size[0] // 48), max(2, size[1] // 48))
    for flag in (pygame.BLEND_RGB_ADD, pygame.BLEND_RGB_SUB):
        m = pygame.transform.smoothscale(_noise_surface(small, rng, mottle * 2), size)
        target.blit(m, (0, 0), special_flags=flag)
    for flag in (pygame.BLEND_RGB_ADD, pygame.BLEND_RGB_SUB):
        target.blit(_noise_surface(size, rng, amp), (0, 0), special_flags=flag)


def downscale(surface: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    return pygame.transform.smoothscale(surface, size)


# ---------------------------------------------------------------- output

def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def save_png(surface: pygame.Surface, path: Path) -> None:
    """Write a PNG with our own encoder so the bytes never depend on timestamps or library builds."""
    alpha = bool(surface.get_flags() & pygame.SRCALPHA)
    mode, bpp, ctype = ("RGBA", 4, 6) if alpha else ("RGB", 3, 2)
    w, h = surface.get_size()
    raw = pygame.image.tobytes(surface, mode)
    stride = w * bpp
    rows = []
    prev = bytes(stride)
    for y in range(h):
        row = raw[y * stride:(y + 1) * stride]
        # "Up" filter: cheap in pure Python and good for flat art and vertical gradients.
        up = bytes((a - b) & 0xFF for a, b in zip(row, prev))
        rows.append(b"\x02" + up)
        prev = row
    data = zlib.compress(b"".join(rows), 9)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(_png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, ctype, 0, 0, 0)))
        f.write(_png_chunk(b"IDAT", data))
        f.write(_png_chunk(b"IEND", b""))


def downscale_alpha(surface: pygame.Surface, size: tuple[int, int], grain_seed: int | None = None,
                    grain_amp: int = 4) -> pygame.Surface:
    """Smoothscale a transparent sprite without dark fringes (scale premultiplied, then un-premultiply),
    optionally adding the same fine grain the backgrounds carry; clear pixels are left all zero."""
    small = pygame.transform.smoothscale(surface.premul_alpha(), size)
    data = bytearray(pygame.image.tobytes(small, "RGBA"))
    noise = random.Random(grain_seed).randbytes(len(data) // 4) if grain_seed is not None else None
    span = 2 * grain_amp + 1
    for p in range(len(data) // 4):
        i = p * 4
        a = data[i + 3]
        if a == 0:
            data[i] = data[i + 1] = data[i + 2] = 0
            continue
        n = (noise[p] * span >> 8) - grain_amp if noise is not None else 0
        for j in (i, i + 1, i + 2):
            v = data[j] if a == 255 else (data[j] * 255 + a // 2) // a
            data[j] = max(0, min(255, v + n))
    return pygame.image.frombytes(bytes(data), size, "RGBA")


def take_out(args: list[str], default: Path | None = None) -> Path | None:
    """Remove `--out DIR` from a script's arguments and return DIR (or `default`); exits 2 if DIR is missing."""
    if "--out" not in args:
        return default
    i = args.index("--out")
    if i + 1 >= len(args):
        print("--out needs a folder", file=sys.stderr)
        raise SystemExit(2)
    out = Path(args[i + 1])
    del args[i:i + 2]
    return out
