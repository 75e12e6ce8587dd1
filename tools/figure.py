"""Face features for the poster-style character sprites: eyes, brows and mouths driven by a few numbers,
whole-face layouts, and the small parts the figures share (mirroring, hands)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from art_common import Color, Point, Shape, alpha_stencil, catmull, ellipse_pts, mix, poly, pygame, stroke_pts


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


# ---------------------------------------------------------------- whole faces and shared figure parts
# Used by the later sprites (stephane, sophie_carter, marco, sophie); vitaliy and sophia place their features
# by hand and are left as they were so their files stay byte-identical.

def mirror(points: list[Point], axis: float = 460.0) -> list[Point]:
    """Points reflected across the figure's centre line (x = 460 on the 2x canvas)."""
    return [(2 * axis - x, y) for x, y in points]


@dataclass(frozen=True)
class FaceLayout:
    """Where one figure's eyes, brows and mouth sit and how they are coloured; face() draws them."""
    eyes: EyeStyle
    eye_y: float
    eye_dx: float                      # half the distance between the eye centres
    brow_y: float
    brow_dx: float
    brow_half_w: float
    brow_thick: float
    brow: Color                        # lit brow (viewer's left)
    brow_sh: Color                     # shaded brow
    mouth_y: float
    mouth_half_w: float
    mouth_line: Color
    lip: Color
    inside: Color
    teeth: Color
    lip_h: float = 9.0
    eye_tilt: float = 1.0
    brow_arch: float = 6.0
    crinkle: Color | None = None       # smile lines at the outer eye corners when "crinkle" is in extras
    blush: Color = (232, 120, 120)
    blush_dx: float = 50.0
    blush_y: float = 0.0               # 0: a little below the eyes
    cx: float = 460.0


def blush(surf: pygame.Surface, lay: FaceLayout, amount: float) -> None:
    """Soft cheek colour, clipped to what is already drawn so it never spills past the face."""
    g = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
    g.fill((*lay.blush, 0))  # constant colour under the blur so the edges do not grey out
    y = lay.blush_y or lay.eye_y + 42
    for side in (-1, 1):
        x = lay.cx + side * lay.blush_dx
        pygame.draw.ellipse(g, (*lay.blush, int(80 * amount)), (x - 34, y - 20, 68, 40))
    g = pygame.transform.gaussian_blur(g, 10)
    g.blit(alpha_stencil(surf), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    surf.blit(g, (0, 0))


def eyes_and_brows(surf: pygame.Surface, lay: FaceLayout, ex: Expression) -> None:
    lid_r = ex.lid if ex.lid_r is None else ex.lid_r
    eye(surf, lay.cx - lay.eye_dx, lay.eye_y, lay.eyes, -1, ex.lid, ex.low, ex.gaze, tilt=lay.eye_tilt)
    eye(surf, lay.cx + lay.eye_dx, lay.eye_y, lay.eyes, 1, lid_r, ex.low, ex.gaze, tilt=lay.eye_tilt)
    if "crinkle" in ex.extras and lay.crinkle is not None:
        for side in (-1, 1):
            x = lay.cx + side * (lay.eye_dx + lay.eyes.half_w + 10)
            for dy, ln in ((-4, 11), (6, 13)):
                poly(surf, stroke_pts([(x, lay.eye_y + 4 + dy * 0.5), (x + side * ln, lay.eye_y + dy)], 3.0),
                     lay.crinkle, 160)
    bi_r = ex.brow_in if ex.brow_in_r is None else ex.brow_in_r
    bo_r = ex.brow_out if ex.brow_out_r is None else ex.brow_out_r
    brow(surf, lay.cx - lay.brow_dx, lay.brow_y, lay.brow_half_w, lay.brow_thick, lay.brow, -1,
         ex.brow_in, ex.brow_out, ex.brow_knit, arch=lay.brow_arch)
    brow(surf, lay.cx + lay.brow_dx, lay.brow_y, lay.brow_half_w, lay.brow_thick, lay.brow_sh, 1,
         bi_r, bo_r, ex.brow_knit, arch=lay.brow_arch)


def face(surf: pygame.Surface, lay: FaceLayout, ex: Expression) -> None:
    """Blush, eyes, brows and mouth for one expression, in that order."""
    if ex.blush:
        blush(surf, lay, ex.blush)
    eyes_and_brows(surf, lay, ex)
    mouth(surf, lay.cx, lay.mouth_y, lay.mouth_half_w, ex, lay.mouth_line, lay.lip, lay.inside, lay.teeth,
          lip_h=lay.lip_h)


def hand(surf: pygame.Surface, cx: float, cy: float, w: float, h: float, angle: float, skin: Color,
         shade: Color, deep: Color, fingers: int = 3) -> None:
    """A simple mitten hand hanging from (cx, cy) along angle (0 = straight down): a rounded palm, its far side
    shaded, and a few lines between the fingers."""
    ca, sa = math.cos(angle), math.sin(angle)

    def at(x: float, y: float) -> Point:
        return (cx + x * ca - y * sa, cy + x * sa + y * ca)

    outline = [at(x * w, y * h) for x, y in ((-0.5, 0.0), (-0.56, 0.35), (-0.52, 0.7), (-0.36, 0.96), (0.0, 1.02),
                                             (0.34, 0.96), (0.5, 0.72), (0.56, 0.36), (0.5, 0.0))]
    hd = Shape(catmull(outline, steps=6), skin)
    hd.tone([at(0.12 * w, -0.1 * h), at(0.7 * w, -0.1 * h), at(0.7 * w, 1.1 * h), at(0.18 * w, 1.1 * h)], shade)
    for i in range(fingers):
        x = (-0.5 + (i + 1) / (fingers + 1)) * w * 0.9
        hd.tone(stroke_pts([at(x, 0.5 * h), at(x, 0.92 * h)], 3.0), deep, 150)
    hd.draw(surf)



def ears(surf: pygame.Surface, dx: float, y: float, rx: float, ry: float, skin: Color, shade: Color, deep: Color,
         tilt: float = 0.12, cx: float = 460.0) -> None:
    """Both ears, dx either side of the centre line, the far one in shade, each with its hollow."""
    for side in (-1, 1):
        x = cx + side * dx
        ear = Shape(ellipse_pts(x, y, rx, ry, angle=side * tilt, n=26), skin if side < 0 else shade)
        ear.tone(ellipse_pts(x + side * rx * 0.18, y + 2, rx * 0.45, ry * 0.56, n=18), deep, 150)
        ear.draw(surf)


def face_shape(outline: list[Point], skin: Color, shadow: list[Point], shade: Color) -> Shape:
    """The face as a Shape to be toned further: a smooth outline through the points, the shadow side laid on."""
    f = Shape(catmull(outline, steps=8), skin)
    f.tone(catmull(shadow, steps=6), shade)
    return f


def nose(surf: pygame.Surface, ridge: list[Point], nostrils: list[Point], glint: list[Point], skin: Color,
         shade: Color, deep: Color, alpha: tuple[int, int, int] = (200, 160, 130)) -> None:
    """A nose in three flat tones: the shaded ridge, the shadow under the tip, a light on the tip's near side
    (glint is an open curve, closed by its last point)."""
    poly(surf, catmull(ridge, steps=6), shade, alpha[0])
    poly(surf, catmull(nostrils, steps=6), deep, alpha[1])
    poly(surf, catmull(glint[:-1], closed=False, steps=5) + glint[-1:], mix(skin, (255, 228, 208), 0.35), alpha[2])

# ---------------------------------------------------------------- outer clothes for the 1989 figures

@dataclass(frozen=True)
class Coat:
    """A coat or jacket over the figure's shoulders, hands in its pockets: its cut and its cloth.
    Heights are on the 2x canvas; widths are half-widths from the centre line."""
    cloth: Color
    shade: Color
    lit: Color
    deep: Color
    top: float                          # where the collar meets the neck
    neck: float = 54.0
    shoulder: float = 220.0
    waist: float = 190.0
    hem: float = 1290.0                 # past the bottom edge: a long coat
    flare: float = 16.0
    v_bottom: float = 760.0             # where the front closes below the open neck
    lapel: float = 1.0                  # notched lapels this much wider than a jacket's; 0 for a plain collar
    buttons: tuple[float, ...] = ()
    button: Color = (30, 30, 30)
    front: float = 10.0                 # the closing edge sits this far to the viewer's right
    hem_band: float = 0.0               # a knitted or stitched band at the hem (a jacket), this tall
    zip: Color | None = None
    pockets: bool = True                # hands in the hip pockets; False: no pocket mouths, hands drawn at coat_cuffs()


def coat_opening(c: Coat, cx: float = 460.0) -> list[Point]:
    """The V at the throat where what is worn underneath shows; the inner layer fills it."""
    return catmull([(cx - c.neck - 8, c.top - 10), (cx + c.neck + 8, c.top - 10), (cx + c.neck * 0.7, c.top + 80),
                    (cx + c.front, c.v_bottom), (cx - c.neck * 0.7, c.top + 80)], steps=6)


def _coat_arm(c: Coat, cx: float) -> list[Point]:
    """The viewer's left sleeve, hanging and bending in to a hip pocket."""
    s, t = cx - c.shoulder, c.top
    return catmull([(s, t + 62), (s - 34, t + 98), (s - 50, t + 198), (s - 60, t + 338), (s - 64, t + 438),
                    (s - 42, t + 518), (s + 26, t + 588), (s + 80, t + 592), (s + 84, t + 560), (s + 38, t + 508),
                    (s + 24, t + 438), (s + 28, t + 318), (s + 34, t + 198), (s + 26, t + 118)], steps=8)


def coat_cuffs(c: Coat, cx: float = 460.0) -> tuple[Point, Point]:
    """Where the sleeves end (viewer's left, then right), for hands drawn out of the pockets."""
    s = cx - c.shoulder
    left = (s + 54, c.top + 588)
    return left, mirror([left], cx)[0]


def coat(surf: pygame.Surface, c: Coat, inner=None, cx: float = 460.0) -> None:
    """Body, what shows at the throat (inner(surf, opening) draws it), lapels or collar, sleeves, pockets."""
    def m(pts: list[Point]) -> list[Point]:
        return mirror(pts, cx)
    t = c.top
    half = [(cx - c.neck, t), (cx - c.shoulder * 0.62, t + 18), (cx - c.shoulder, t + 62),
            (cx - c.shoulder - 8, t + 150), (cx - c.waist - 6, 800), (cx - c.waist, 950),
            (cx - c.waist - c.flare * 0.5, c.hem - 100), (cx - c.waist - c.flare, c.hem),
            (cx - c.waist - c.flare, c.hem)]
    body = Shape(catmull(half + m(half)[::-1], steps=8), c.cloth)
    body.tone([(cx + 40, t - 20), (cx + 300, t - 20), (cx + 300, c.hem + 20), (cx + 60, c.hem + 20),
               (cx + 46, 900)], c.shade)
    body.tone([(cx - c.shoulder - 20, t + 40), (cx - c.shoulder + 44, t + 40), (cx - c.waist + 40, c.hem + 20),
               (cx - c.waist - 40, c.hem + 20)], c.lit, 120)
    # The closing edge below the V, and the fold it throws.
    body.tone(stroke_pts([(cx + c.front, c.v_bottom), (cx + c.front + 4, (c.v_bottom + c.hem) / 2),
                          (cx + c.front + 10, c.hem + 10)], 5), c.deep, 210)
    body.tone([(cx + c.front + 2, c.v_bottom), (cx + c.front + 30, c.v_bottom + 40),
               (cx + c.front + 40, c.hem + 10), (cx + c.front + 8, c.hem + 10)], c.deep, 70)
    if c.hem_band:
        body.tone([(cx - 300, c.hem - c.hem_band), (cx + 300, c.hem - c.hem_band), (cx + 300, c.hem + 20),
                   (cx - 300, c.hem + 20)], c.deep, 150)
        for i in range(-9, 10):
            x = cx + i * 22
            body.tone(stroke_pts([(x, c.hem - c.hem_band + 6), (x, c.hem - 4)], 3), c.shade, 150)
    # Drag lines from the shoulders toward the front.
    for pts in ([(cx - c.shoulder + 40, t + 160), (cx - 90, t + 300), (cx - 50, t + 420)],
                [(cx - c.waist + 20, 860), (cx - 70, 900)]):
        body.tone(stroke_pts(pts, 4), c.shade, 150)
        body.tone(stroke_pts(m(pts), 4), c.deep, 130)
    body.draw(surf)
    if c.zip is not None:
        poly(surf, stroke_pts([(cx + c.front, c.v_bottom), (cx + c.front + 2, c.hem - c.hem_band)], 5), c.zip, 220)
        pull = Shape([(cx + c.front - 5, c.v_bottom - 4), (cx + c.front + 7, c.v_bottom - 4),
                      (cx + c.front + 6, c.v_bottom + 34), (cx + c.front - 4, c.v_bottom + 34)], c.zip)
        pull.tone([(cx + c.front, c.v_bottom - 10), (cx + c.front + 10, c.v_bottom - 10),
                   (cx + c.front + 10, c.v_bottom + 40), (cx + c.front, c.v_bottom + 40)], c.deep, 90)
        pull.draw(surf)
    if inner is not None:
        inner(surf, coat_opening(c, cx))
    if c.lapel:
        k = c.lapel
        lapel = catmull([(cx - c.neck, t - 2), (cx - c.neck - 50 * k, t + 20), (cx - c.neck - 74 * k, t + 66),
                         (cx - c.neck - 60 * k, t + 104), (cx - c.neck - 82 * k, t + 124), (cx - 44, c.v_bottom - 90),
                         (cx + c.front - 4, c.v_bottom + 4), (cx - 14, c.v_bottom - 100),
                         (cx - c.neck + 8, t + 140)], steps=6)
        notch = stroke_pts([(cx - c.neck - 78 * k, t + 122), (cx - c.neck - 58 * k, t + 104)], 5)
    else:
        lapel = catmull([(cx - c.neck, t - 4), (cx - c.neck - 84, t + 30), (cx - c.neck - 74, t + 92),
                         (cx - 40, t + 200), (cx + 2, t + 222), (cx - 40, t + 122), (cx - c.neck - 12, t + 62)],
                        steps=6)
        notch = None
    lp = Shape(lapel, c.lit)
    lp.tone([(cx - 300, t + 140), (cx + 20, t + 160), (cx + 20, c.hem), (cx - 300, c.hem)], c.cloth)
    if notch:
        lp.tone(notch, c.deep, 200)
    lp.draw(surf)
    rp = Shape(m(lapel), c.shade)
    rp.tone(m([(cx - 300, t + 140), (cx + 20, t + 160), (cx + 20, c.hem), (cx - 300, c.hem)]), c.deep, 110)
    if notch:
        rp.tone(m(notch), c.deep, 230)
    rp.draw(surf)
    for y in c.buttons:
        pygame.draw.circle(surf, c.button, (int(cx + c.front + 20), int(y)), 10)
        pygame.draw.circle(surf, mix(c.button, (255, 255, 255), 0.25), (int(cx + c.front + 18), int(y - 2)), 4)
    arm = _coat_arm(c, cx)
    poly(surf, [(x + 14, y + 4) for x, y in arm], c.deep, 150)
    poly(surf, [(x - 14, y + 4) for x, y in m(arm)], c.deep, 110)
    s = cx - c.shoulder
    for side, pts in ((-1, arm), (1, m(arm))):
        a = Shape(pts, c.cloth if side < 0 else c.shade)
        hi = [(s - 74, t + 40), (s - 10, t + 40), (s - 20, t + 620), (s - 74, t + 620)]
        inner_edge = [(s + 8, t + 60), (s + 90, t + 60), (s + 100, t + 620), (s + 22, t + 620), (s + 20, t + 440)]
        cuff = [(s + 16, t + 556), (s + 96, t + 546), (s + 96, t + 620), (s + 16, t + 620)]
        if side < 0:
            a.tone(hi, c.lit)
            a.tone(inner_edge, c.shade, 170)
            a.tone(cuff, c.deep, 150)
        else:
            a.tone(m(inner_edge), c.deep, 120)
            a.tone(m(cuff), c.deep, 150)
        a.tone(stroke_pts([(s - 48, t + 360), (s - 16, t + 372), (s + 10, t + 366)] if side < 0 else
                          m([(s - 48, t + 360), (s - 16, t + 372), (s + 10, t + 366)]), 4), c.deep, 140)
        a.draw(surf)
    if not c.pockets:
        return
    # Pocket mouths over the cuffs: the hands are in them, out of the cold.
    mouth_pts = [(s + 30, t + 580), (s + 84, t + 572), (s + 160, t + 556), (s + 162, t + 568), (s + 84, t + 588),
                 (s + 30, t + 594)]
    poly(surf, mouth_pts, c.deep)
    poly(surf, m(mouth_pts), mix(c.deep, (0, 0, 0), 0.3))
