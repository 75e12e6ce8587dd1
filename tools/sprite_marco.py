"""Marco Kowalska ("Marc Dupont"): mid fifties, stocky, dark curls greying at the temples, stubble, brown eyes,
a café owner's white shirt with rolled sleeves, dark waistcoat and a tea towel over one shoulder; and in his
twenties, a KGB lieutenant in plain clothes in Berlin in 1989 (young=True): dark curls with no grey, a
lighter shadow of stubble, a plain grey overcoat over a shirt and tie."""
from __future__ import annotations

import math
import random

from art_common import Shape, catmull, ellipse_pts, hexc, mix, poly, pygame, stroke_pts
from figure import Coat, EyeStyle, Expression, FaceLayout, coat, face, hand, mirror

SKIN, SKIN_SH, SKIN_DEEP = hexc("d39c78"), hexc("b27b5e"), hexc("8e5a45")
HAIR, HAIR_SH, HAIR_HI, HAIR_GREY = hexc("3a302b"), hexc("241d1a"), hexc("5a4b43"), hexc("8f8a84")
STUBBLE = hexc("4a3a33")
SHIRT, SHIRT_SH, SHIRT_DEEP = hexc("f1ede5"), hexc("cdc5b7"), hexc("a89f91")
VEST, VEST_SH, VEST_HI, VEST_DEEP = hexc("33302f"), hexc("242221"), hexc("4a4644"), hexc("171616")
TROUSERS, TROUSERS_SH = hexc("4b4540"), hexc("36312d")
TOWEL, TOWEL_SH, TOWEL_STRIPE = hexc("f3efe4"), hexc("d2cab9"), hexc("b23a33")
# 1989: the plain clothes of a man who should not be noticed.
GREY_COAT = Coat(cloth=hexc("6d6e6a"), shade=hexc("555652"), lit=hexc("878883"), deep=hexc("3b3c39"), top=456,
                 neck=56, shoulder=240, waist=206, v_bottom=720, lapel=1.1, buttons=(770, 900, 1030, 1160),
                 button=hexc("2e2f2c"))
TIE, TIE_SH = hexc("4a3b34"), hexc("33281f")

EYES = EyeStyle(half_w=22, lid_h=12.5, low_h=6.5, iris_r=9.6, white=hexc("f0e8da"), iris=hexc("6e4426"),
                pupil=hexc("1c120d"), lid=hexc("2c201c"), crease=hexc("9a6650"), lash_w=5.5)

LAYOUT = FaceLayout(eyes=EYES, eye_y=272, eye_dx=44, brow_y=238, brow_dx=46, brow_half_w=29, brow_thick=13,
                    brow=hexc("3b2e28"), brow_sh=hexc("2f2520"), mouth_y=364, mouth_half_w=27,
                    mouth_line=hexc("5e3028"), lip=hexc("a8675a"), inside=hexc("3e1d1f"), teeth=hexc("efe8dc"),
                    lip_h=8, eye_tilt=0.0, brow_arch=4, crinkle=SKIN_DEEP)

EXPRESSIONS = {
    "neutral": Expression(brow_in=1, lid=0.95, mouth_curve=2, mouth_w=0.9),
    "smiling": Expression(brow_in=4, brow_out=2, lid=0.72, low=0.5, mouth="smile", mouth_curve=8, mouth_w=1.1,
                          mouth_open=4, extras=("crinkle",)),
    "sad": Expression(brow_in=12, brow_out=-5, lid=0.7, gaze=(-0.1, 0.55), mouth_curve=-8, mouth_w=0.85),
    "surprised": Expression(brow_in=16, brow_out=15, lid=1.25, low=1.1, mouth="open", mouth_open=12, mouth_w=0.9),
    "guarded": Expression(brow_in=-6, brow_out=1, brow_knit=5, lid=0.6, gaze=(0.6, 0.05), mouth="tight",
                          mouth_curve=-2, mouth_w=0.8),
    "thoughtful": Expression(brow_in=9, brow_out=3, brow_in_r=1, brow_out_r=-2, lid=0.82, gaze=(-0.6, -0.5),
                             mouth_curve=0, mouth_w=0.75, mouth_shift=-6, mouth_tilt=-5),
}


def shirt(surf: pygame.Surface) -> None:
    poly(surf, [(270, 1110), (650, 1110), (660, 1280), (260, 1280)], TROUSERS)
    poly(surf, [(452, 1170), (468, 1170), (472, 1280), (448, 1280)], TROUSERS_SH)
    poly(surf, [(560, 1110), (650, 1110), (660, 1280), (580, 1280)], TROUSERS_SH, 160)
    poly(surf, [(262, 1112), (658, 1112), (658, 1134), (262, 1134)], hexc("2a2522"))
    torso = catmull([(400, 452), (300, 476), (226, 508), (212, 570), (228, 700), (244, 860), (252, 1000),
                     (262, 1124), (460, 1130), (658, 1124), (668, 1000), (676, 860), (692, 700), (708, 570),
                     (694, 508), (620, 476), (520, 452)], steps=8)
    t = Shape(torso, SHIRT)
    t.tone([(520, 430), (740, 430), (740, 1200), (540, 1200)], SHIRT_SH)
    t.draw(surf)


def waistcoat(surf: pygame.Surface) -> None:
    vest = catmull([(410, 456), (330, 476), (290, 520), (300, 620), (284, 700), (270, 860), (272, 1000),
                    (284, 1100), (300, 1150), (460, 1194), (620, 1150), (636, 1100), (648, 1000), (650, 860),
                    (634, 700), (620, 620), (630, 520), (590, 476), (510, 456)], steps=8)
    v = Shape(vest, VEST)
    v.tone([(500, 430), (700, 430), (700, 1220), (520, 1220), (500, 900)], VEST_SH)
    v.tone([(270, 480), (320, 470), (320, 1200), (270, 1200)], VEST_HI, 150)
    # Welt pockets at breast and hip.
    for pts in ([(320, 900), (396, 892), (398, 904), (322, 912)], [(330, 700), (392, 694), (394, 704), (332, 710)]):
        v.tone(pts, VEST_DEEP, 200)
        v.tone(mirror(pts), VEST_DEEP, 230)
    v.draw(surf)
    # The open V: shirt front with its placket, then the collar spread over the waistcoat.
    poly(surf, [(404, 452), (516, 452), (502, 560), (462, 760), (418, 560)], SHIRT)
    poly(surf, [(462, 760), (500, 560), (514, 452), (498, 500)], SHIRT_SH, 170)
    poly(surf, stroke_pts([(458, 560), (460, 660), (462, 756)], 5), SHIRT_DEEP, 160)
    # The waistcoat's front edges, buttoned from the chest down.
    for pts, col in (([(404, 452), (418, 560), (460, 760), (456, 1180)], VEST_HI),
                     ([(516, 452), (502, 560), (464, 760), (468, 1180)], VEST_DEEP)):
        poly(surf, stroke_pts(pts, 6, 6, steps=2), col, 200)
    throat = catmull([(420, 452), (500, 452), (484, 500), (460, 540), (436, 500)], steps=5)
    n = Shape(throat, SKIN_SH)
    n.tone([(400, 430), (520, 430), (520, 470), (400, 470)], SKIN_DEEP, 110)
    n.draw(surf)
    tip = [(414, 446), (386, 474), (384, 528), (440, 506), (446, 484)]
    poly(surf, catmull(tip, steps=5), SHIRT)
    poly(surf, catmull(mirror(tip), steps=5), SHIRT_SH)
    for y in (800, 870, 940, 1010, 1080):
        pygame.draw.circle(surf, hexc("8c7a5c"), (462, y), 8)
        pygame.draw.circle(surf, hexc("b8a47e"), (460, y - 2), 3)


def arm(side: int) -> tuple[list, list, list]:
    """Sleeve, rolled cuff and forearm outlines for one arm (side -1: viewer's left)."""
    def m(pts):
        return pts if side < 0 else mirror(pts)
    sleeve = catmull(m([(226, 508), (196, 548), (180, 650), (172, 780), (176, 830), (262, 834), (262, 780),
                        (272, 660), (282, 560)]), steps=8)
    cuff = catmull(m([(168, 790), (264, 790), (268, 852), (170, 852)]), steps=4)
    forearm = catmull(m([(178, 840), (178, 940), (190, 1050), (244, 1054), (258, 940), (258, 840)]), steps=6)
    return sleeve, cuff, forearm


def arms(surf: pygame.Surface) -> None:
    for side in (-1, 1):
        sleeve, cuff, forearm = arm(side)
        lit = side < 0
        fa = Shape(forearm, SKIN if lit else SKIN_SH)
        fa.tone(mirror([(236, 830), (270, 830), (270, 1060), (230, 1060)]) if not lit else
                [(228, 830), (270, 830), (270, 1060), (232, 1060)], SKIN_SH if lit else SKIN_DEEP, 200)
        # A few dark hairs on the forearm.
        for i in range(5):
            x = 196 + i * 11 + (i % 2) * 4
            y = 890 + (i * 37) % 110
            pts = [(x, y), (x + 4, y + 10)] if lit else mirror([(x, y), (x + 4, y + 10)])
            fa.tone(stroke_pts(pts, 2.2), STUBBLE, 120)
        fa.draw(surf)
        s = Shape(sleeve, SHIRT if lit else SHIRT_SH)
        folds = [[(200, 600), (230, 640), (238, 700)], [(190, 720), (226, 750), (250, 760)]]
        for f in folds:
            s.tone(stroke_pts(f if lit else mirror(f), 5), SHIRT_SH if lit else SHIRT_DEEP, 180)
        inner = [(246, 560), (290, 560), (290, 840), (250, 840)]
        s.tone(inner if lit else mirror(inner), SHIRT_SH if lit else SHIRT_DEEP, 150)
        s.draw(surf)
        c = Shape(cuff, SHIRT if lit else SHIRT_SH)
        c.tone(stroke_pts([(170, 822), (266, 818)] if lit else mirror([(170, 822), (266, 818)]), 4), SHIRT_DEEP, 190)
        c.draw(surf)
        x = 216 if lit else 920 - 216
        hand(surf, x, 1036, 66, 100, -side * 0.05, SKIN if lit else SKIN_SH, SKIN_SH if lit else SKIN_DEEP,
             SKIN_DEEP)


def towel(surf: pygame.Surface) -> None:
    """A striped torchon over his left shoulder, hanging down his chest."""
    over = catmull([(560, 470), (616, 472), (684, 500), (704, 536), (660, 540), (606, 520), (566, 520)], steps=6)
    t = Shape(over, TOWEL_SH)
    t.tone([(660, 480), (720, 480), (720, 560), (660, 560)], mix(TOWEL_SH, SHIRT_DEEP, 0.5))
    t.draw(surf)
    hang = catmull([(560, 480), (634, 500), (640, 600), (644, 720), (650, 800), (562, 812), (560, 700),
                    (556, 580)], steps=6)
    poly(surf, [(x - 8, y + 6) for x, y in hang], VEST_DEEP, 110)
    h = Shape(hang, TOWEL)
    h.tone([(610, 480), (680, 480), (680, 830), (616, 830)], TOWEL_SH)
    for y in (726, 758):
        h.tone([(540, y), (680, y - 4), (680, y + 12), (540, y + 16)], TOWEL_STRIPE)
    h.tone(stroke_pts([(580, 520), (590, 620), (596, 700)], 4), TOWEL_SH, 170)
    h.tone([(540, 796), (680, 790), (680, 830), (540, 830)], TOWEL_SH, 160)
    h.draw(surf)


def shirt_and_tie(surf: pygame.Surface, opening: list) -> None:
    o = Shape(opening, SHIRT_SH)
    o.tone([(466, 400), (560, 400), (560, 800), (466, 800)], SHIRT_DEEP)
    o.tone(catmull([(448, 470), (472, 470), (482, 640), (462, 740), (442, 640)], steps=5), TIE)
    o.tone([(462, 460), (500, 460), (500, 760), (466, 760)], TIE_SH, 150)
    o.draw(surf)
    poly(surf, catmull([(444, 456), (476, 456), (470, 482), (450, 482)], steps=4), TIE_SH)
    tip = [(414, 446), (390, 470), (392, 508), (446, 484), (448, 466)]
    poly(surf, catmull(tip, steps=5), SHIRT)
    poly(surf, catmull(mirror(tip), steps=5), SHIRT_SH)


def inside(poly_pts: list, x: float, y: float) -> bool:
    """Even-odd point-in-polygon test, to keep the stubble's speckle on the jaw."""
    hit = False
    for (x0, y0), (x1, y1) in zip(poly_pts, poly_pts[1:] + poly_pts[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def curls(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int, amp: float) -> list:
    """A scalloped arc: the outline of a head of curls, one bump per curl."""
    pts = []
    steps = n * 6
    for i in range(steps + 1):
        t = i / steps
        a = a0 + (a1 - a0) * t
        bump = amp * abs(math.sin(t * n * math.pi)) ** 0.6
        pts.append((cx + (rx + bump) * math.cos(a), cy + (ry + bump) * math.sin(a)))
    return pts


def head(surf: pygame.Surface, young: bool = False) -> None:
    neck = Shape([(400, 340), (520, 340), (530, 470), (460, 486), (390, 470)], SKIN)
    neck.tone([(380, 340), (540, 340), (540, 440), (380, 410)], SKIN_SH)
    neck.tone([(498, 340), (545, 340), (545, 490), (504, 490)], SKIN_DEEP, 130)
    neck.draw(surf)
    for x in (338, 582):
        side = -1 if x < 460 else 1
        ear = Shape(ellipse_pts(x, 280, 17, 33, angle=side * 0.12, n=28), SKIN if side < 0 else SKIN_SH)
        ear.tone(ellipse_pts(x + side * 2, 282, 8, 19, n=20), SKIN_DEEP, 160)
        ear.draw(surf)
    outline = catmull([(460, 128), (528, 136), (566, 176), (578, 240), (576, 304), (562, 360), (524, 402),
                       (460, 418), (396, 402), (358, 360), (344, 304), (342, 240), (354, 176), (392, 136)], steps=8)
    f = Shape(outline, SKIN)
    f.tone(catmull([(530, 110), (610, 110), (610, 440), (470, 440), (524, 380), (548, 320), (548, 250),
                    (552, 180)], steps=6), SKIN_SH)
    for ex in (-1, 1):
        f.tone(ellipse_pts(460 + ex * 45, 264, 34, 20, n=24), SKIN_SH, 80)
    f.tone(ellipse_pts(398, 322, 26, 16, n=20), (214, 130, 110), 50)   # a café owner's ruddy cheek
    # Short dark stubble over jaw, chin and upper lip: a flat tone plus a fine, fixed speckle.
    jaw = catmull([(344, 292), (350, 340), (372, 382), (410, 410), (460, 424), (510, 410), (548, 382), (570, 340),
                   (576, 292), (560, 330), (530, 352), (500, 344), (470, 336), (450, 336), (420, 344), (390, 352),
                   (360, 330)], steps=6)
    # At twenty-five, shaved that morning: only the shadow of it.
    f.tone(jaw, STUBBLE, 36 if young else 70)
    f.tone(catmull([(420, 346), (460, 336), (500, 346), (500, 352), (460, 346), (420, 352)], steps=4), STUBBLE,
           26 if young else 50)
    rng = random.Random(1989)
    for _ in range(900):
        x, y = rng.uniform(346, 574), rng.uniform(290, 424)
        if inside(jaw, x, y) and not young:
            f.tone(ellipse_pts(x, y, 1.1, 1.1, n=5), STUBBLE, 60)
    f.tone(catmull([(560, 110), (620, 110), (620, 440), (520, 440), (556, 360), (568, 300)], steps=4), SKIN_DEEP, 50)
    f.draw(surf)
    # A broad nose.
    poly(surf, catmull([(468, 262), (486, 320), (480, 336), (464, 326)], steps=6), SKIN_SH, 200)
    poly(surf, catmull([(430, 328), (460, 342), (492, 328), (480, 346), (440, 346)], steps=6), SKIN_DEEP, 170)
    poly(surf, catmull([(432, 322), (446, 310), (458, 318)], closed=False, steps=5) + [(446, 330)],
         mix(SKIN, (255, 220, 190), 0.25), 90)


def hair(surf: pygame.Surface, young: bool = False) -> None:
    outer = curls(460, 246, 132, 136, math.pi * 0.96, math.pi * 2.04, 13, 12)
    line = catmull([(588, 258), (578, 222), (560, 190), (530, 174), (500, 182), (472, 172), (444, 180),
                    (414, 172), (386, 186), (362, 216), (338, 258)], closed=False, steps=6)
    h = Shape(outer + line, HAIR)
    h.tone(catmull([(520, 80), (570, 110), (600, 200), (600, 260), (660, 260), (660, 80)], steps=6), HAIR_SH)
    # Grey at the temples, more on the side the light falls on (none yet in 1989).
    if not young:
        h.tone(catmull([(314, 214), (346, 196), (366, 222), (352, 270), (314, 270)], steps=5), HAIR_GREY, 210)
        h.tone(catmull([(606, 214), (574, 196), (554, 222), (568, 270), (606, 270)], steps=5), HAIR_GREY, 160)
    # Curl marks: small arcs, lit on the left, deep on the right.
    rng = random.Random(54)
    for _ in range(46):
        a = rng.uniform(math.pi * 1.08, math.pi * 1.92)
        r = rng.uniform(0.45, 0.95)
        x, y = 460 + 124 * r * math.cos(a), 236 + 124 * r * math.sin(a)
        if y > 200 and 380 < x < 540:
            continue
        col = HAIR_HI if x < 480 else HAIR_SH
        arc = ellipse_pts(x, y, 11, 9, start=math.pi * 0.9, end=math.pi * 2.1, n=8)
        h.tone(stroke_pts(arc, 3.4), col, 200)
    h.draw(surf)


def features(surf: pygame.Surface, ex: Expression, young: bool = False) -> None:
    face(surf, LAYOUT, ex)


def draw(surf: pygame.Surface, young: bool = False) -> None:
    """The figure without a face; features() adds the expression."""
    if young:
        coat(surf, GREY_COAT, shirt_and_tie)
    else:
        shirt(surf)
        waistcoat(surf)
        arms(surf)
        towel(surf)
    head(surf, young)
    hair(surf, young)
