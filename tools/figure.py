"""Face features for the poster-style character sprites: eyes, brows and mouths driven by a few numbers."""
from __future__ import annotations

from dataclasses import dataclass, field

from art_common import Color, Point, Shape, catmull, ellipse_pts, mix, poly, pygame, stroke_pts


@dataclass(frozen=True)
class EyeStyle:
    half_w: float
    lid_h: float          # height of the upper lid arc when fully open
    low_h: float          # depth of the lower lid arc
    iris_r: float
    white: Color
    iris: Color
    pupil: Color
    lid: Color            # lash line
    crease: Color
    lash_w: float
    flick: float = 0.0    # outer lash flick length (0 for none)


@dataclass(frozen=True)
class Expression:
    """Everything that changes on a face between moods; positive brow values raise the brow."""
    brow_in: float = 0.0
    brow_out: float = 0.0
    brow_in_r: float | None = None     # right brow (viewer's right) when asymmetric
    brow_out_r: float | None = None
    brow_knit: float = 0.0             # inner ends pulled toward the nose
    lid: float = 1.0                   # upper lid openness
    lid_r: float | None = None
    low: float = 1.0                   # lower lid openness (smaller = cheeks pushed up)
    gaze: Point = (0.0, 0.0)
    mouth: str = "line"
    mouth_curve: float = 0.0           # corners up (+) or down (-)
    mouth_w: float = 1.0
    mouth_open: float = 0.0
    mouth_shift: float = 0.0           # sideways, for lopsided mouths
    mouth_tilt: float = 0.0            # right corner higher (+)
    blush: float = 0.0
    extras: tuple[str, ...] = field(default_factory=tuple)


def eye(surf: pygame.Surface, cx: float, cy: float, st: EyeStyle, side: int, openness: float = 1.0,
        low: float = 1.0, gaze: Point = (0.0, 0.0), tilt: float = 0.0) -> None:
    """An almond eye; side is -1 for the eye on the viewer's left, +1 for the right, so corners mirror."""
    w = st.half_w
    inner = (cx - side * w, cy + 2)
    outer = (cx + side * w, cy - tilt)
    top = max(0.08, openness)
    upper = catmull([inner, (cx - side * w * 0.45, cy - st.lid_h * top * 0.92),
                     (cx + side * w * 0.2, cy - st.lid_h * top), outer], closed=False, steps=8)
    lower = catmull([outer, (cx + side * w * 0.35, cy + st.low_h * low),
                     (cx - side * w * 0.35, cy + st.low_h * low * 0.95), inner], closed=False, steps=8)
    white = Shape(upper + lower[1:-1], st.white)
    ix = cx + gaze[0] * w * 0.5
    iy = cy - st.lid_h * 0.18 + gaze[1] * st.lid_h * 0.45
    white.tone(ellipse_pts(ix, iy, st.iris_r, st.iris_r * 1.02, n=32), st.iris)
    white.tone(ellipse_pts(ix, iy, st.iris_r * 0.62, st.iris_r * 0.62, n=24), mix(st.iris, st.pupil, 0.55))
    white.tone(ellipse_pts(ix, iy, st.iris_r * 0.42, st.iris_r * 0.44, n=24), st.pupil)
    # Shadow the upper lid casts on the eyeball: gives the eye depth without outlines.
    white.tone(upper + [(p[0], p[1] + st.lid_h * 0.42) for p in upper[::-1]], st.lid, 70)
    white.tone(ellipse_pts(ix - st.iris_r * 0.35, iy - st.iris_r * 0.4, st.iris_r * 0.24, st.iris_r * 0.24, n=16),
               (255, 255, 255), 230)
    white.draw(surf)
    # Lash line along the top, with a small flick past the outer corner.
    lash = [inner, (cx - side * w * 0.45, cy - st.lid_h * top * 0.92), (cx + side * w * 0.2, cy - st.lid_h * top),
            outer]
    if st.flick:
        lash.append((outer[0] + side * st.flick, outer[1] - st.flick * 0.45))
    poly(surf, stroke_pts(lash, st.lash_w, st.lash_w * 0.9), st.lid)
    poly(surf, stroke_pts([(cx - side * w * 0.6, cy + st.low_h * low * 0.9 + 2),
                           (cx + side * w * 0.55, cy + st.low_h * low * 0.95 + 1)], st.lash_w * 0.35), st.crease, 150)
    # Lid crease: sits higher when the eye opens wide, lower when the lid is heavy.
    cr = st.lid_h * (0.55 + 0.6 * openness)
    poly(surf, stroke_pts([(cx - side * w * 0.7, cy - cr * 0.7), (cx + side * w * 0.05, cy - cr - 2),
                           (cx + side * w * 0.8, cy - cr * 0.55 - tilt)], st.lash_w * 0.45), st.crease, 170)


def brow(surf: pygame.Surface, cx: float, cy: float, half_w: float, thick: float, color: Color, side: int,
         raise_in: float, raise_out: float, knit: float = 0.0, arch: float = 6.0) -> None:
    inner = (cx - side * (half_w - knit), cy - raise_in)
    mid = (cx + side * half_w * 0.15, cy - arch - (raise_in + raise_out) * 0.55)
    outer = (cx + side * half_w * 1.05, cy + arch * 0.6 - raise_out)
    poly(surf, stroke_pts([inner, mid, outer], thick, thick * 0.55, steps=10), color)


def mouth(surf: pygame.Surface, cx: float, cy: float, half_w: float, ex: Expression, line: Color, lip: Color,
          inside: Color, teeth: Color, lip_h: float = 10.0) -> None:
    """Mouth shapes by kind: 'line' (closed, curved), 'smile' (open grin), 'open' (round), 'tight'."""
    cx += ex.mouth_shift
    w = half_w * ex.mouth_w
    c = ex.mouth_curve
    left = (cx - w, cy - c - ex.mouth_tilt * 0.5)
    right = (cx + w, cy - c + ex.mouth_tilt * 0.5)
    if ex.mouth == "smile":
        depth = lip_h * 1.6 + ex.mouth_open
        lower = catmull([right, (cx + w * 0.45, cy + depth * 0.85), (cx - w * 0.45, cy + depth * 0.85), left],
                        closed=False, steps=8)
        upper = catmull([left, (cx - w * 0.4, cy - c * 0.15 - 1), (cx + w * 0.4, cy - c * 0.15 - 1), right],
                        closed=False, steps=8)
        hole = Shape(upper + lower[1:-1], inside)
        hole.tone([(cx - w, cy - c - 4), (cx + w, cy - c - 4), (cx + w, cy + depth * 0.32),
                   (cx - w, cy + depth * 0.32)], teeth)
        hole.draw(surf)
        poly(surf, catmull([(cx - w * 0.55, cy + depth * 0.92), (cx, cy + depth * 0.98 + lip_h * 0.7),
                            (cx + w * 0.55, cy + depth * 0.92), (cx, cy + depth * 1.0)], steps=8), lip, 200)
        for sx in (-1, 1):
            corner = left if sx < 0 else right
            poly(surf, stroke_pts([(corner[0] - sx * 2, corner[1] + 2), (corner[0] + sx * 6, corner[1] - 6)], 4),
                 line, 160)
        return
    if ex.mouth == "open":
        h = lip_h * 1.2 + ex.mouth_open
        ow = w * 0.5
        mid = cy + h * 0.3
        poly(surf, ellipse_pts(cx, mid, ow + lip_h * 0.45, h * 0.62 + lip_h * 0.5, n=40), lip)
        hole = Shape(ellipse_pts(cx, mid, ow, h * 0.62, n=40), inside)
        hole.tone([(cx - ow, mid - h), (cx + ow, mid - h), (cx + ow, mid - h * 0.42), (cx - ow, mid - h * 0.42)],
                  teeth)
        hole.draw(surf)
        return
    # Closed mouths: a soft lower lip and a tapered line whose corners carry the mood.
    sag = 3.0 + c * 0.5
    poly(surf, catmull([(cx - w * 0.6, cy + 3), (cx, cy + lip_h * 1.1 + max(0.0, -c) * 0.3),
                        (cx + w * 0.6, cy + 3), (cx, cy + 4)], steps=8), lip, 220)
    thick = 6.0 if ex.mouth != "tight" else 7.5
    pts = [left, (cx - w * 0.45, cy + sag * 0.6 - ex.mouth_tilt * 0.2), (cx, cy + sag - c * 0.2),
           (cx + w * 0.45, cy + sag * 0.6 + ex.mouth_tilt * 0.2), right]
    poly(surf, stroke_pts(pts, thick, thick, steps=8), line)
