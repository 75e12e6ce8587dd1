"""Shared pieces for the rooms and streets: a pinhole camera, projected planes, light pools, beams and shadow."""
from __future__ import annotations

import math
import random
from typing import Callable, Sequence

from art_common import Color, Point, Shape, bbox, ellipse_pts, mix, poly, pygame, radial, shift, with_alpha

W, H = 2560, 1440          # every background is drawn at twice its final size
Vec = tuple[float, float, float]


class Camera:
    """A level pinhole camera: x across (right is +), h up from the floor, z away from the viewer, in metres."""

    def __init__(self, vx: float, hy: float, f: float, cam_h: float):
        self.vx, self.hy, self.f, self.cam_h = vx, hy, f, cam_h

    def p(self, x: float, h: float, z: float) -> Point:
        return (self.vx + self.f * x / z, self.hy + self.f * (self.cam_h - h) / z)

    def ps(self, pts: Sequence[Vec]) -> list[Point]:
        return [self.p(*q) for q in pts]

    def k(self, z: float) -> float:
        """Pixels per metre at depth z."""
        return self.f / z

    def quad(self, surf: pygame.Surface, pts: Sequence[Vec], color: Sequence[int], alpha: int = 255) -> None:
        poly(surf, self.ps(pts), color, alpha)


# ---------------------------------------------------------------- light and shade

def _lighten(surf: pygame.Surface, layer: pygame.Surface, pos: tuple[int, int]) -> None:
    """Add a premultiplied glow layer so it brightens like light instead of painting over."""
    flat = pygame.Surface(layer.get_size())
    flat.fill((0, 0, 0))
    flat.blit(layer, (0, 0))
    surf.blit(flat, pos, special_flags=pygame.BLEND_RGB_ADD)


def oval_glow(surf: pygame.Surface, center: Point, rx: float, ry: float, color: Sequence[int], peak: int,
              falloff: float = 2.0) -> None:
    """A soft elliptical pool of light, added."""
    r = int(max(rx, ry))
    g = pygame.transform.smoothscale(radial(r, color, peak, falloff), (max(2, int(rx * 2)), max(2, int(ry * 2))))
    _lighten(surf, g, (int(center[0] - rx), int(center[1] - ry)))


def beam(surf: pygame.Surface, pts: Sequence[Point], color: Sequence[int], peak: int, blur: int = 12,
         fade_to: Point | None = None, fade_len: float = 0.0) -> None:
    """A soft shaft of light: a polygon blurred at quarter size and added; optionally fading away from a point."""
    r = bbox(pts, pad=blur * 8)
    small = pygame.Surface((max(2, r.width // 4), max(2, r.height // 4)), pygame.SRCALPHA)
    pygame.draw.polygon(small, with_alpha(color, peak), [((x - r.x) / 4, (y - r.y) / 4) for x, y in pts])
    if fade_to is not None and fade_len > 0:
        # Fade by distance from the source, a ring at a time.
        mask = pygame.Surface(small.get_size(), pygame.SRCALPHA)
        mask.fill((255, 255, 255, 0))
        cx, cy = (fade_to[0] - r.x) / 4, (fade_to[1] - r.y) / 4
        steps = 40
        for i in range(steps, 0, -1):
            rad = fade_len / 4 * i / steps
            a = 255 * (1 - i / steps) ** 1.3
            pygame.draw.circle(mask, (255, 255, 255, int(a)), (int(cx), int(cy)), int(rad))
        small.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    small = pygame.transform.gaussian_blur(small, blur)
    _lighten(surf, pygame.transform.smoothscale(small, r.size), r.topleft)


def vignette(surf: pygame.Surface, strength: float, center: Point | None = None, reach: float = 1.0,
             power: float = 2.0, tint: Sequence[int] = (0, 0, 0)) -> None:
    """Darken towards the edges (multiply), leaving the centre as it is."""
    w, h = surf.get_size()
    cx, cy = center or (w / 2, h / 2)
    sw, sh = 80, 45
    small = pygame.Surface((sw, sh))
    diag = math.hypot(w, h) / 2 * reach
    for j in range(sh):
        for i in range(sw):
            x, y = (i + 0.5) * w / sw, (j + 0.5) * h / sh
            d = min(1.0, math.hypot(x - cx, y - cy) / diag)
            t = strength * d ** power
            small.set_at((i, j), mix((255, 255, 255), tint, t))
    surf.blit(pygame.transform.smoothscale(small, (w, h)), (0, 0), special_flags=pygame.BLEND_RGB_MULT)


def dim_band(surf: pygame.Surface, top: int, bottom: int, color: Sequence[int], a0: int, a1: int) -> None:
    """A vertical gradient of translucent colour laid over a band (shadow at the foot of a scene, mist)."""
    layer = pygame.Surface((surf.get_width(), bottom - top), pygame.SRCALPHA)
    n = bottom - top
    for y in range(n):
        t = y / max(1, n - 1)
        t = t * t * (3 - 2 * t)
        pygame.draw.line(layer, with_alpha(color, a0 + (a1 - a0) * t), (0, y), (layer.get_width(), y))
    surf.blit(layer, (0, top))


def reflections(surf: pygame.Surface, rng: random.Random, x: float, top: float, bottom: float, width: float,
                color: Sequence[int], alpha: int, count: int = 14, thick: float = 5.0) -> None:
    """Broken horizontal dashes under a light on water, narrowing and thinning with distance below it."""
    for i in range(count):
        t = (i + rng.random()) / count
        y = top + (bottom - top) * t
        ln = width * (0.35 + 0.65 * rng.random()) * (1 - 0.5 * t)
        cx = x + rng.gauss(0, width * 0.12)
        th = thick * (0.6 + 0.8 * rng.random())
        poly(surf, [(cx - ln / 2, y), (cx + ln / 2, y - th * 0.2), (cx + ln / 2 - th, y + th),
                    (cx - ln / 2 + th, y + th)], color, int(alpha * (1 - 0.6 * t)))


def blocks(shape: Shape, cam: Camera, plane: Callable[[float, float], Vec], u0: float, u1: float, v0: float,
           v1: float, rng: random.Random, course: tuple[float, float], length: tuple[float, float],
           base: Color, var: Color, gap: float = 0.03) -> None:
    """Rounded stone blocks in courses over a plane given by plane(u, v) -> 3D point, toned into a shape."""
    v = v0
    while v < v1:
        ch = rng.uniform(*course)
        u = u0 - rng.uniform(0, length[1])
        while u < u1:
            bw = rng.uniform(*length)
            col = mix(base, var, rng.random())
            a, b = max(u, u0) + gap, min(u + bw, u1) - gap
            c, d = v + gap, min(v + ch, v1) - gap
            if b > a and d > c:
                rr = min(b - a, d - c) * 0.25
                pts3 = [(a + rr, c), (b - rr, c), (b, c + rr), (b, d - rr), (b - rr, d), (a + rr, d), (a, d - rr),
                        (a, c + rr)]
                shape.tone(cam.ps([plane(pu, pv) for pu, pv in pts3]), col)
            u += bw
        v += ch


def rounded_rect(x0: float, y0: float, x1: float, y1: float, r: float, n: int = 5) -> list[Point]:
    """Screen-space rounded rectangle outline."""
    out: list[Point] = []
    for cx, cy, a0 in ((x1 - r, y0 + r, -math.pi / 2), (x1 - r, y1 - r, 0.0), (x0 + r, y1 - r, math.pi / 2),
                       (x0 + r, y0 + r, math.pi)):
        out += ellipse_pts(cx, cy, r, r, n=n, start=a0, end=a0 + math.pi / 2)
    return out


def rect(x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def window_light(surf: pygame.Surface, pts: Sequence[Point], color: Sequence[int], alpha: int) -> None:
    """A patch of sunlight thrown through a window onto a floor or wall, soft at the edges."""
    r = bbox(pts, pad=24)
    s = pygame.Surface(r.size, pygame.SRCALPHA)
    pygame.draw.polygon(s, with_alpha(color, alpha), shift(pts, -r.x, -r.y))
    s = pygame.transform.gaussian_blur(s, 6)
    surf.blit(s, r.topleft)


def hull(points: Sequence[Point]) -> list[Point]:
    """Convex hull (monotone chain), for the outline of a projected round body."""
    pts = sorted(set((round(x, 2), round(y, 2)) for x, y in points))
    if len(pts) < 3:
        return list(pts)

    def cross(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def fill(surf: pygame.Surface, pts: Sequence[Point], color: Sequence[int]) -> None:
    """Opaque polygon straight onto the canvas (no blending needed, and big shapes stay cheap)."""
    pygame.draw.polygon(surf, color, pts)


def relight(surf: pygame.Surface, ambient: Sequence[int],
            lights: Sequence[tuple[Point, float, float, Sequence[int], int]],
            keep: Sequence[Sequence[Point]] = ()) -> None:
    """Light a scene painted in full daylight: multiply it by a light map of ambient colour plus soft pools.

    lights are (centre, rx, ry, colour, peak); keep lists polygons (windows onto another light) left as painted.
    """
    w, h = surf.get_size()
    lm = pygame.Surface((w // 4, h // 4))
    lm.fill(ambient)
    for (cx, cy), rx, ry, col, peak in lights:
        r = int(max(rx, ry) / 4)
        g = pygame.transform.smoothscale(radial(r, col, peak, 1.6), (max(2, int(rx / 2)), max(2, int(ry / 2))))
        flat = pygame.Surface(g.get_size())
        flat.fill((0, 0, 0))
        flat.blit(g, (0, 0))
        lm.blit(flat, (int(cx / 4 - rx / 4), int(cy / 4 - ry / 4)), special_flags=pygame.BLEND_RGB_ADD)
    for pts in keep:
        pygame.draw.polygon(lm, (255, 255, 255), [(x / 4, y / 4) for x, y in pts])
    lm = pygame.transform.smoothscale(pygame.transform.gaussian_blur(lm, 2), (w, h))
    surf.blit(lm, (0, 0), special_flags=pygame.BLEND_RGB_MULT)


def depths(z0: float, z1: float, n: int) -> list[float]:
    """n + 1 distances from z0 to z1, evenly spaced on screen rather than in the world (geometric)."""
    return [z0 * (z1 / z0) ** (i / n) for i in range(n + 1)]
