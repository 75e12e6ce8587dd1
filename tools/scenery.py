"""Landscape pieces shared by the vineyard backgrounds: skies, hills, vine rows, the farmhouse, the sky at night."""
from __future__ import annotations

import math
import random
from typing import Sequence

from art_common import (Color, Point, Shape, catmull, ellipse_pts, glow, mix, poly, pygame, vgradient,
                        with_alpha)


# ---------------------------------------------------------------- sky

def sun(surf: pygame.Surface, center: Point, r: int, disc: Color, halo: Color) -> None:
    glow(surf, center, r * 9, halo, 120, falloff=2.2, add=True)
    glow(surf, center, r * 3, halo, 150, falloff=1.6, add=True)
    pygame.draw.circle(surf, disc, (int(center[0]), int(center[1])), r)


def cloud_streak(surf: pygame.Surface, x: float, y: float, length: float, thick: float, color: Color,
                 alpha: int, rng: random.Random) -> None:
    """A long flat-bottomed poster cloud with a gently lumpy top."""
    n = 7
    top = []
    for i in range(n + 1):
        t = i / n
        bump = math.sin(math.pi * t) ** 0.8 * thick * (0.7 + 0.5 * rng.random())
        top.append((x + length * t, y - bump))
    pts = catmull([(x - 10, y)] + top + [(x + length + 10, y)], closed=False, steps=8)
    pts += [(x + length * 0.8, y + thick * 0.18), (x + length * 0.2, y + thick * 0.18)]
    poly(surf, pts, color, alpha)


# ---------------------------------------------------------------- hills

def ridge(x0: int, x1: int, base: float, bumps: Sequence[tuple[float, float, float]],
          waves: Sequence[tuple[float, float, float]] = (), step: int = 6) -> list[Point]:
    """Ridge line: gaussian hill tops (centre, height, width) plus gentle sine swell."""
    pts = []
    for x in range(x0, x1 + step, step):
        y = base
        for c, h, w in bumps:
            y -= h * math.exp(-((x - c) / w) ** 2)
        for a, wl, ph in waves:
            y -= a * math.sin(2 * math.pi * x / wl + ph)
        pts.append((float(x), y))
    return pts


def hill(surf: pygame.Surface, line: list[Point], top: Color, base: Color, bottom: int,
         trees: tuple[random.Random, Color, int, float] | None = None) -> list[Point]:
    """A hill layer filled with a ridge-to-valley gradient; optional dotted trees along the crest."""
    pts = line + [(line[-1][0], bottom), (line[0][0], bottom)]
    shape = Shape(pts, top)
    ymin = min(p[1] for p in line)
    grad = pygame.Surface((shape.rect.width, bottom - int(ymin) + 2), pygame.SRCALPHA)
    vgradient(grad, grad.get_rect(), [(0.0, top), (0.45, top), (1.0, base)])
    shape.tone_surface(grad, (shape.rect.x, int(ymin)))
    if trees:
        rng, col, count, size = trees
        for _ in range(count):
            i = rng.randrange(len(line))
            x, y = line[i]
            s = size * (0.6 + 0.7 * rng.random())
            depth = rng.random() * size * 3
            shape.tone(ellipse_pts(x, y + depth + s * 0.3, s * 0.8, s, n=20), col)
    shape.draw(surf)
    return line


# ---------------------------------------------------------------- vine rows in perspective

class Ground:
    """A pinhole camera over flat ground; x is across the rows, z is distance, heights in metres."""

    def __init__(self, vx: float, hy: float, cam_h: float, near_z: float, bottom: float):
        self.vx, self.hy, self.cam_h = vx, hy, cam_h
        self.f = (bottom - hy) * near_z / cam_h

    def project(self, x: float, z: float, h: float = 0.0) -> Point:
        return (self.vx + self.f * x / z, self.hy + self.f * (self.cam_h - h) / z)


def vine_rows(surf: pygame.Surface, g: Ground, xs: Sequence[float], z0: float, z1: float,
              leaf: Color, leaf_dark: Color, rim: Color, soil_line: Color | None, rng: random.Random,
              height: float = 1.15, width: float = 0.7) -> None:
    """Hedge-like vine rows running away from the viewer, drawn outermost first so nearer rows overlap.

    The crown is scalloped into one rounded clump per vine stock; the face turned to the viewer is in
    shade and the crown catches the low sun.
    """
    zs = [z0 * (z1 / z0) ** (i / 160) for i in range(161)]
    for x in sorted(xs, key=lambda v: -abs(v)):
        side = 1.0 if x >= 0 else -1.0
        inner, outer = x - side * width / 2, x + side * width / 2
        phase = rng.random() * 6.28
        tops, grounds, rims, shades = [], [], [], []
        for z in zs:
            clump = abs(math.sin(z * math.pi / 1.25 + phase)) ** 0.6
            h = height * (0.78 + 0.22 * clump)
            tops.append(g.project(outer, z, h))
            rims.append(g.project(outer, z, h - 0.2 - 0.08 * clump))
            shades.append(g.project(inner, z, height * 0.45))
            grounds.append(g.project(inner, z, 0.0))
        if soil_line is not None:
            # Shadow thrown across the soil away from the low sun (always to the right).
            far = [g.project(x + 0.95, z, 0.0) for z in zs]
            poly(surf, [g.project(x, z, 0.0) for z in zs] + far[::-1], soil_line, 110)
        shape = Shape(tops + grounds[::-1], leaf)
        shape.tone(shades + grounds[::-1], leaf_dark)
        shape.tone(tops + rims[::-1], rim)
        shape.draw(surf)


def haze(surf: pygame.Surface, top: int, bottom: int, color: Color, peak: int, fade_in: int = 60) -> None:
    """Aerial perspective: distant ground fades into the sky colour; soft at the top so it leaves no seam."""
    layer = pygame.Surface((surf.get_width(), bottom - top), pygame.SRCALPHA)
    h = bottom - top
    for y in range(h):
        rise = min(1.0, y / fade_in) if fade_in else 1.0
        rise = rise * rise * (3 - 2 * rise)
        a = peak * rise * (1 - y / h) ** 2.2
        pygame.draw.line(layer, with_alpha(color, a), (0, y), (layer.get_width(), y))
    surf.blit(layer, (0, top))


# ---------------------------------------------------------------- buildings and trees

def cypress(surf: pygame.Surface, x: float, base: float, h: float, w: float, color: Color, shade: Color) -> None:
    pts = catmull([(x, base - h), (x + w * 0.32, base - h * 0.7), (x + w * 0.5, base - h * 0.3),
                   (x + w * 0.3, base), (x - w * 0.3, base), (x - w * 0.5, base - h * 0.3),
                   (x - w * 0.32, base - h * 0.7)], steps=8)
    s = Shape(pts, color)
    s.tone([(x + w * 0.05, base - h * 1.1), (x + w, base - h), (x + w, base + 5), (x + w * 0.1, base + 5)], shade)
    s.draw(surf)


def farmhouse(surf: pygame.Surface, x: float, base: float, k: float, pal: dict, rng: random.Random) -> None:
    """A Provençal mas: sunlit gable end on the left, shaded long front, a lower barn wing to the right."""
    def P(px: float, py: float) -> Point:
        return (x + px * k, base - py * k)

    gw, fw, wall_h, roof_h = 150, 300, 190, 70
    # Gable end (sunlit) and its triangle.
    gable = [P(0, 0), P(0, wall_h), P(gw / 2, wall_h + roof_h), P(gw, wall_h + 8), P(gw, 0)]
    front = [P(gw, 0), P(gw, wall_h + 8), P(gw + fw, wall_h + 8), P(gw + fw, 0)]
    barn_w, barn_h = 170, 130
    barn = [P(gw + fw, 0), P(gw + fw, barn_h), P(gw + fw + barn_w, barn_h - 6), P(gw + fw + barn_w, 0)]
    for pts, col in ((barn, pal["wall_shade"]), (gable, pal["wall_lit"]), (front, pal["wall_shade"])):
        s = Shape(pts, col)
        for _ in range(26):
            bx, by = rng.uniform(0, gw + fw + barn_w), rng.uniform(6, wall_h)
            s.tone(ellipse_pts(*P(bx, by), 13 * k, 6 * k, n=12), mix(col, pal["stone_fleck"], 0.35))
        s.draw(surf)
    # Roofs: terracotta slope on the long side, a shadow line under the eaves.
    poly(surf, [P(gw - 6, wall_h + 4), P(gw / 2, wall_h + roof_h), P(gw / 2 + fw, wall_h + roof_h),
                P(gw + fw + 10, wall_h + 4)], pal["roof"])
    poly(surf, [P(gw / 2, wall_h + roof_h), P(gw / 2 + fw, wall_h + roof_h), P(gw / 2 + fw + 4, wall_h + roof_h - 10),
                P(gw / 2 + 4, wall_h + roof_h - 10)], pal["roof_lit"])
    poly(surf, [P(gw, wall_h + 6), P(gw + fw, wall_h + 6), P(gw + fw, wall_h - 10), P(gw, wall_h - 10)],
         pal["eave"], 150)
    poly(surf, [P(-6, wall_h - 2), P(gw / 2, wall_h + roof_h + 4), P(gw / 2 + 4, wall_h + roof_h - 6),
                P(0, wall_h - 12)], pal["roof_lit"])
    poly(surf, [P(gw + fw - 8, barn_h + 4), P(gw + fw + barn_w + 10, barn_h - 4), P(gw + fw + barn_w + 10, barn_h - 18),
                P(gw + fw - 8, barn_h - 10)], pal["roof"])
    # Chimney.
    poly(surf, [P(gw + fw * 0.72, wall_h + roof_h - 4), P(gw + fw * 0.72, wall_h + roof_h + 34),
                P(gw + fw * 0.72 + 22, wall_h + roof_h + 34), P(gw + fw * 0.72 + 22, wall_h + roof_h - 4)],
         pal["wall_shade"])
    # Windows with shutters; one lit.
    for i, (wx, wy) in enumerate(((gw + 50, 110), (gw + 150, 110), (gw + 250, 110), (gw + 100, 30),
                                  (gw / 2 - 12, 120))):
        lit = i == pal.get("lit_window", 1)
        ww, wh = 26, 38
        poly(surf, [P(wx, wy), P(wx + ww, wy), P(wx + ww, wy + wh), P(wx, wy + wh)],
             pal["window_lit"] if lit else pal["window"])
        if i < 4:
            for sx in (wx - 17, wx + ww + 1):
                poly(surf, [P(sx, wy), P(sx + 16, wy), P(sx + 16, wy + wh), P(sx, wy + wh)], pal["shutter"])
        if lit:
            glow(surf, P(wx + ww / 2, wy + wh / 2), int(60 * k), pal["window_lit"], 70, add=True)
    # Arched door under the middle.
    door = [P(gw + 190, 0), P(gw + 190, 44)] + ellipse_pts(*P(gw + 210, 44), 20 * k, 20 * k, n=16,
                                                              start=math.pi, end=2 * math.pi) + [P(gw + 230, 0)]
    poly(surf, door, pal["window"])
    poly(surf, [P(gw + fw + 50, 0), P(gw + fw + 50, 70), P(gw + fw + 110, 70), P(gw + fw + 110, 0)], pal["window"])


# ---------------------------------------------------------------- terrace objects

def wine_glass(surf: pygame.Surface, x: float, base: float, k: float, pal: dict, wine: float = 0.45,
               tilt: float = 0.0) -> None:
    """A stemmed glass: foot, stem and a tulip bowl with a little wine and a bright edge."""
    foot = ellipse_pts(x, base - 3 * k, 22 * k, 5 * k, n=24)
    poly(surf, foot, pal["glass_edge"], pal.get("glass_alpha", 200))
    poly(surf, [(x - 2.2 * k, base - 4 * k), (x - 2.2 * k, base - 48 * k), (x + 2.2 * k, base - 48 * k),
                (x + 2.2 * k, base - 4 * k)], pal["glass_edge"], pal.get("glass_alpha", 200))
    top = base - 118 * k
    bowl_half = [(x, base - 48 * k), (x + 16 * k, base - 56 * k), (x + 27 * k, base - 78 * k),
                 (x + 26 * k, base - 102 * k), (x + 21 * k, top)]
    bowl = catmull([(x + tilt, top)] + bowl_half[::-1] + [(px - 2 * (px - x), py) for px, py in bowl_half][1:],
                   steps=6)
    b = Shape(bowl, pal["glass_body"])
    lvl = base - (48 + 54 * wine) * k
    b.tone([(x - 40 * k, lvl), (x + 40 * k, lvl), (x + 40 * k, base), (x - 40 * k, base)], pal["wine"])
    b.tone(ellipse_pts(x, lvl, 27 * k, 4 * k, n=20), pal["wine_top"])
    b.tone([(x - 20 * k, top), (x - 15 * k, top), (x - 17 * k, base - 60 * k), (x - 22 * k, base - 66 * k)],
           pal["glass_hi"])
    layer = b.layer
    layer.set_alpha(pal.get("glass_alpha", 200))
    surf.blit(layer, b.rect.topleft)
    poly(surf, ellipse_pts(x, top, 21 * k, 3.2 * k, n=24), pal["glass_edge"], 120)


def bottle(surf: pygame.Surface, x: float, base: float, k: float, pal: dict) -> None:
    half = [(x, base - 300 * k), (x + 11 * k, base - 300 * k), (x + 11 * k, base - 290 * k),
            (x + 10 * k, base - 220 * k), (x + 30 * k, base - 170 * k), (x + 34 * k, base - 140 * k),
            (x + 34 * k, base - 4 * k), (x + 30 * k, base)]
    pts = half + [(2 * x - px, py) for px, py in half[::-1]]
    s = Shape(pts, pal["bottle"])
    s.tone([(x + 14 * k, base - 310 * k), (x + 40 * k, base - 310 * k), (x + 40 * k, base), (x + 14 * k, base)],
           pal["bottle_dark"])
    s.tone([(x - 26 * k, base - 150 * k), (x - 20 * k, base - 160 * k), (x - 20 * k, base - 20 * k),
            (x - 26 * k, base - 20 * k)], pal["bottle_hi"])
    s.tone([(x - 40 * k, base - 120 * k), (x + 40 * k, base - 120 * k), (x + 40 * k, base - 50 * k),
            (x - 40 * k, base - 50 * k)], pal["label"])
    s.tone([(x - 40 * k, base - 300 * k), (x + 40 * k, base - 300 * k), (x + 40 * k, base - 262 * k),
            (x - 40 * k, base - 262 * k)], pal["foil"])
    s.tone([(x - 18 * k, base - 100 * k), (x + 18 * k, base - 100 * k), (x + 18 * k, base - 94 * k),
            (x - 18 * k, base - 94 * k)], pal["foil"])
    s.draw(surf)


def bistro_table(surf: pygame.Surface, x: float, top_y: float, floor_y: float, k: float, pal: dict) -> None:
    rx, ry = 210 * k, 46 * k
    leg = [(x - 12 * k, top_y), (x + 12 * k, top_y), (x + 10 * k, floor_y - 40 * k), (x + 90 * k, floor_y),
           (x + 70 * k, floor_y + 4 * k), (x, floor_y - 26 * k), (x - 70 * k, floor_y + 4 * k),
           (x - 90 * k, floor_y), (x - 10 * k, floor_y - 40 * k)]
    poly(surf, leg, pal["iron"])
    poly(surf, ellipse_pts(x, top_y + 40 * k, rx * 0.25, ry * 0.25, n=20), pal["iron"])
    rim = ellipse_pts(x, top_y + 12 * k, rx, ry, n=64)
    poly(surf, rim, pal["table_edge"])
    poly(surf, ellipse_pts(x, top_y, rx, ry, n=64), pal["table_top"])
    s = Shape(ellipse_pts(x, top_y, rx, ry, n=64), pal["table_top"])
    s.tone(ellipse_pts(x - rx * 0.35, top_y - ry * 0.2, rx * 0.55, ry * 0.45, n=32), pal["table_hi"])
    s.draw(surf)


def lantern(surf: pygame.Surface, x: float, base: float, k: float, pal: dict) -> None:
    """A small iron lantern with a candle; the glow is what makes it read at night."""
    glow(surf, (x, base - 70 * k), int(260 * k), pal["flame_glow"], pal.get("glow_peak", 110), falloff=2.0, add=True)
    body_w, body_h = 34 * k, 80 * k
    poly(surf, [(x - body_w - 6 * k, base), (x + body_w + 6 * k, base), (x + body_w + 2 * k, base - 12 * k),
                (x - body_w - 2 * k, base - 12 * k)], pal["iron"])
    pane = [(x - body_w, base - 12 * k), (x + body_w, base - 12 * k), (x + body_w, base - 12 * k - body_h),
            (x - body_w, base - 12 * k - body_h)]
    s = Shape(pane, pal["pane"])
    s.tone(ellipse_pts(x, base - 50 * k, 26 * k, 34 * k, n=24), pal["pane_glow"])
    s.draw(surf)
    poly(surf, [(x - 7 * k, base - 12 * k), (x + 7 * k, base - 12 * k), (x + 7 * k, base - 40 * k),
                (x - 7 * k, base - 40 * k)], pal["candle"])
    poly(surf, catmull([(x, base - 68 * k), (x + 6 * k, base - 50 * k), (x, base - 42 * k),
                        (x - 6 * k, base - 50 * k)], steps=6), pal["flame"])
    for bx in (x - body_w, x - 2 * k, x + body_w - 4 * k):
        poly(surf, [(bx, base - 12 * k), (bx + 5 * k, base - 12 * k), (bx + 5 * k, base - 12 * k - body_h),
                    (bx, base - 12 * k - body_h)], pal["iron"])
    roof_y = base - 12 * k - body_h
    poly(surf, [(x - body_w - 10 * k, roof_y), (x + body_w + 10 * k, roof_y), (x, roof_y - 40 * k)], pal["iron"])
    pygame.draw.circle(surf, pal["iron"], (int(x), int(roof_y - 48 * k)), int(10 * k), int(4 * k))


# ---------------------------------------------------------------- night sky

def stars(surf: pygame.Surface, rng: random.Random, count: int, area: pygame.Rect,
          band: tuple[Point, Point, float] | None = None, tints: Sequence[Color] = ((255, 255, 255),)) -> None:
    """Stars of many sizes; with a band, positions crowd around the line between two points."""
    for _ in range(count):
        if band:
            (ax, ay), (bx, by), spread = band
            t = rng.random()
            off = rng.gauss(0, spread)
            dx, dy = bx - ax, by - ay
            ln = math.hypot(dx, dy)
            px, py = ax + dx * t - dy / ln * off, ay + dy * t + dx / ln * off
        else:
            px, py = area.x + rng.random() * area.width, area.y + rng.random() * area.height
        if not area.collidepoint(px, py):
            continue
        m = rng.random() ** 3.2
        r = 1.1 + 3.4 * m
        tint = tints[rng.randrange(len(tints))]
        fade = 1 - 0.55 * max(0.0, (py - area.y) / area.height) ** 1.5
        a = int((70 + 185 * m ** 0.6) * fade)
        col = mix((0, 0, 0), tint, a / 255)
        s = pygame.Surface((int(r * 2 + 4), int(r * 2 + 4)))
        s.fill((0, 0, 0))
        pygame.draw.circle(s, col, (int(r + 2), int(r + 2)), max(1, int(round(r))))
        surf.blit(s, (int(px - r - 2), int(py - r - 2)), special_flags=pygame.BLEND_RGB_ADD)
        if m > 0.7:
            glow(surf, (px, py), int(r * 6), tint, int(90 * m * fade), falloff=2.4, add=True)
            sp = r * 5.5 * m
            for (ux, uy) in ((1, 0), (0, 1)):
                ray = [(px - ux * sp, py - uy * sp), (px + uy * 1.2, py + ux * 1.2), (px + ux * sp, py + uy * sp),
                       (px - uy * 1.2, py - ux * 1.2)]
                poly(surf, ray, tint, int(150 * fade))


def milky_way(surf: pygame.Surface, rng: random.Random, a: Point, b: Point, width: float,
              glow_col: Color, dust_col: Color) -> None:
    """A faint cloudy band with darker dust lanes, blurred so it reads as light, not as shapes."""
    w, h = surf.get_size()
    small = pygame.Surface((w // 4, h // 4))
    small.fill((0, 0, 0))
    dx, dy = b[0] - a[0], b[1] - a[1]
    ln = math.hypot(dx, dy)
    nx, ny = -dy / ln, dx / ln
    for _ in range(420):
        t = rng.random()
        off = rng.gauss(0, width * 0.35)
        cx, cy = (a[0] + dx * t + nx * off) / 4, (a[1] + dy * t + ny * off) / 4
        r = rng.uniform(6, 22) * (1 - abs(off) / (width * 1.4))
        if r <= 1:
            continue
        s = pygame.Surface((int(r * 2 + 2), int(r * 2 + 2)))
        s.fill((0, 0, 0))
        pygame.draw.circle(s, mix((0, 0, 0), glow_col, rng.uniform(0.05, 0.12)), (int(r + 1), int(r + 1)), int(r))
        small.blit(s, (int(cx - r - 1), int(cy - r - 1)), special_flags=pygame.BLEND_RGB_ADD)
    for _ in range(60):
        t = rng.random()
        off = rng.gauss(0, width * 0.12)
        cx, cy = (a[0] + dx * t + nx * off) / 4, (a[1] + dy * t + ny * off) / 4
        r = rng.uniform(4, 12)
        s = pygame.Surface((int(r * 2 + 2), int(r * 2 + 2)))
        s.fill((0, 0, 0))
        pygame.draw.ellipse(s, dust_col, s.get_rect().inflate(0, -int(r * 0.8)))
        small.blit(s, (int(cx - r - 1), int(cy - r - 1)), special_flags=pygame.BLEND_RGB_SUB)
    small = pygame.transform.gaussian_blur(small, 9)
    surf.blit(pygame.transform.smoothscale(small, (w, h)), (0, 0), special_flags=pygame.BLEND_RGB_ADD)


def crescent(surf: pygame.Surface, center: Point, r: int, color: Color, halo: Color, phase: float = 0.42,
             angle: float = -0.5) -> None:
    glow(surf, center, r * 7, halo, 60, falloff=2.5, add=True)
    glow(surf, center, r * 2, halo, 70, falloff=1.5, add=True)
    s = pygame.Surface((r * 2 + 4, r * 2 + 4), pygame.SRCALPHA)
    c = (r + 2, r + 2)
    pygame.draw.circle(s, color, c, r)
    off = r * phase * 2
    pygame.draw.circle(s, (0, 0, 0, 0), (int(c[0] + off * math.cos(angle)), int(c[1] + off * math.sin(angle))),
                       int(r * 0.98))
    surf.blit(s, (int(center[0] - c[0]), int(center[1] - c[1])))


def flat_sky(surf: pygame.Surface, stops: Sequence[tuple[float, Color]], height: int) -> None:
    vgradient(surf, pygame.Rect(0, 0, surf.get_width(), height), stops)
