"""Sophia: early thirties, dark auburn hair tied back, cream trench coat, burgundy scarf, notebook in hand."""
from __future__ import annotations

import math

from art_common import Shape, alpha_stencil, catmull, ellipse_pts, hexc, mix, poly, pygame, stroke_pts
from figure import EyeStyle, Expression, brow, eye, mouth

SKIN, SKIN_SH, SKIN_DEEP = hexc("efc3a4"), hexc("d29a7e"), hexc("b0735e")
HAIR, HAIR_SH, HAIR_HI = hexc("74301f"), hexc("4e1d15"), hexc("9c4a2e")
COAT, COAT_SH, COAT_DEEP, COAT_HI = hexc("e9dabb"), hexc("c8b28b"), hexc("a38a66"), hexc("f6ecd6")
SCARF, SCARF_SH, SCARF_HI = hexc("7c1e2f"), hexc("571321"), hexc("9d3345")
BUTTON = hexc("5e4834")
NOTEBOOK, NOTEBOOK_SH, PAGES = hexc("4a2b27"), hexc("33201d"), hexc("efe4cc")

EYES = EyeStyle(half_w=23, lid_h=14, low_h=7, iris_r=10.2, white=hexc("f4eee5"), iris=hexc("7a5630"),
                pupil=hexc("1f1410"), lid=hexc("2a1816"), crease=hexc("c28670"), lash_w=6.0, flick=9)

EXPRESSIONS = {
    "neutral": Expression(mouth_curve=1.5, mouth_w=0.9),
    "smiling": Expression(brow_in=4, brow_out=2, lid=0.88, low=0.6, mouth="smile", mouth_curve=8, mouth_w=1.05,
                          mouth_open=3, blush=0.7),
    "sad": Expression(brow_in=16, brow_out=-6, lid=0.72, gaze=(-0.1, 0.55), mouth_curve=-7, mouth_w=0.8),
    "surprised": Expression(brow_in=17, brow_out=16, lid=1.25, low=1.1, mouth="open", mouth_open=10, mouth_w=0.9),
    "guarded": Expression(brow_in=-5, brow_out=1, brow_knit=4, lid=0.62, gaze=(-0.6, 0.0), mouth="tight",
                          mouth_curve=-1.5, mouth_w=0.75),
    "curious": Expression(brow_in=3, brow_out=4, brow_in_r=12, brow_out_r=16, lid=1.06, lid_r=1.12,
                          gaze=(0.35, -0.1), mouth_curve=3, mouth_w=0.85, mouth_shift=3, mouth_tilt=6),
}


def mirror(points):
    return [(920 - x, y) for x, y in points]


def coat(surf: pygame.Surface) -> None:
    body = catmull([(410, 432), (330, 456), (272, 486), (254, 540), (252, 700), (268, 870), (258, 1060),
                    (244, 1280), (676, 1280), (662, 1060), (652, 870), (668, 700), (666, 540), (648, 486),
                    (590, 456), (510, 432)], steps=8)
    c = Shape(body, COAT)
    c.tone(catmull([(540, 420), (700, 420), (700, 1290), (560, 1290), (556, 1060), (546, 880), (550, 700)],
                   steps=6), COAT_SH)
    c.tone([(240, 480), (300, 470), (292, 1290), (240, 1290)], COAT_HI, 160)
    # Double-breasted front edge, belt and the skirt's pleat shadow.
    c.tone(stroke_pts([(512, 700), (516, 900), (522, 1100), (530, 1284)], 5), COAT_DEEP)
    c.tone([(240, 858), (680, 858), (680, 908), (240, 908)], COAT_SH)
    c.tone([(240, 858), (680, 858), (680, 866), (240, 866)], COAT_DEEP, 140)
    c.tone([(512, 908), (560, 908), (580, 1284), (528, 1284)], COAT_SH, 200)
    c.tone([(240, 1220), (680, 1220), (680, 1290), (240, 1290)], COAT_SH, 90)
    # Gun flap across the right breast (viewer's left), a classic trench detail.
    c.tone(catmull([(300, 520), (420, 520), (430, 640), (310, 620)], steps=4), COAT_HI, 130)
    c.tone(stroke_pts([(306, 622), (430, 642)], 4), COAT_DEEP, 140)
    c.draw(surf)
    # Belt buckle.
    poly(surf, [(400, 852), (452, 852), (452, 914), (400, 914)], COAT_DEEP)
    poly(surf, [(410, 862), (442, 862), (442, 904), (410, 904)], COAT_SH)
    poly(surf, [(452, 872), (476, 872), (476, 894), (452, 894)], COAT_SH)
    for x, y in ((400, 760), (500, 760), (400, 980), (500, 980), (400, 1110), (500, 1110)):
        pygame.draw.circle(surf, BUTTON, (x, y), 11)
        pygame.draw.circle(surf, mix(BUTTON, COAT, 0.35), (x - 3, y - 3), 4)


def lapels(surf: pygame.Surface) -> None:
    left = catmull([(412, 440), (350, 470), (318, 520), (352, 540), (330, 580), (420, 700), (462, 722),
                    (440, 640), (420, 540)], steps=6)
    lp = Shape(left, COAT_HI)
    lp.tone([(300, 560), (470, 560), (470, 730), (300, 730)], COAT)
    lp.draw(surf)
    rp = Shape(mirror(left), COAT_SH)
    rp.tone(mirror([(300, 560), (470, 560), (470, 730), (300, 730)]), COAT_DEEP, 150)
    rp.draw(surf)
    for pts in (left, mirror(left)):
        poly(surf, stroke_pts(pts[len(pts) // 3: len(pts) // 3 + 6], 3), COAT_DEEP, 120)
    # Epaulettes.
    for side in (-1, 1):
        ep = [(460 + side * 110, 448), (460 + side * 196, 480), (460 + side * 192, 504), (460 + side * 108, 472)]
        poly(surf, ep, COAT_HI if side < 0 else COAT_DEEP, 255 if side < 0 else 130)
        pygame.draw.circle(surf, BUTTON, (460 + side * 124, 464), 7)


def scarf(surf: pygame.Surface) -> None:
    tail = catmull([(420, 520), (452, 520), (466, 640), (470, 760), (440, 772), (420, 650)], steps=6)
    t = Shape(tail, SCARF)
    t.tone([(452, 500), (500, 500), (500, 800), (454, 800)], SCARF_SH)
    t.tone([(418, 756), (474, 756), (474, 776), (418, 776)], SCARF_SH)
    t.draw(surf)
    loop = catmull([(392, 410), (460, 436), (528, 410), (548, 450), (536, 508), (470, 540), (400, 520),
                    (372, 470)], steps=8)
    lp = Shape(loop, SCARF)
    lp.tone([(490, 380), (580, 380), (580, 560), (470, 560)], SCARF_SH)
    lp.tone(catmull([(384, 450), (450, 480), (520, 462), (450, 500)], steps=6), SCARF_HI, 150)
    lp.tone(stroke_pts([(390, 490), (460, 512), (530, 480)], 5), SCARF_SH, 200)
    lp.draw(surf)
    knot = Shape(ellipse_pts(440, 526, 30, 26, angle=0.3, n=24), SCARF)
    knot.tone(ellipse_pts(458, 540, 26, 26, n=20), SCARF_SH)
    knot.draw(surf)


def arms(surf: pygame.Surface) -> None:
    # Viewer's left: hangs straight, hand holding the notebook against the thigh.
    left = catmull([(272, 486), (244, 520), (230, 640), (218, 800), (214, 940), (222, 1000), (286, 1004),
                    (290, 940), (288, 800), (288, 660), (282, 560)], steps=8)
    poly(surf, [(x + 12, y + 4) for x, y in left], COAT_DEEP, 130)
    a = Shape(left, COAT)
    a.tone([(200, 480), (246, 480), (236, 1010), (200, 1010)], COAT_HI)
    a.tone([(262, 560), (300, 560), (300, 1010), (270, 1010)], COAT_SH, 180)
    a.tone([(200, 950), (300, 950), (300, 974), (200, 974)], COAT_SH)
    a.draw(surf)
    nb = [(-52, -100), (56, -100), (56, 100), (-52, 100)]
    ang = -0.06
    ca, sa = math.cos(ang), math.sin(ang)
    book = [(250 + x * ca - y * sa, 1110 + x * sa + y * ca) for x, y in nb]
    pages = [(250 + x * ca - y * sa, 1110 + x * sa + y * ca) for x, y in
             ((-46, -96), (54, -96), (54, 96), (-46, 96))]
    poly(surf, [(x + 6, y) for x, y in pages], PAGES)
    b = Shape(book, NOTEBOOK)
    b.tone([(p[0] + 84, p[1]) for p in book], NOTEBOOK_SH)
    b.tone(stroke_pts([(290, 1000), (298, 1220)], 7), hexc("201412"))
    b.draw(surf)
    hand = catmull([(222, 994), (284, 996), (300, 1030), (296, 1062), (268, 1070), (236, 1060), (220, 1030)],
                   steps=6)
    h = Shape(hand, SKIN)
    h.tone([(262, 990), (310, 990), (310, 1080), (266, 1080)], SKIN_SH)
    for y in (1036, 1052):
        h.tone(stroke_pts([(244, y), (292, y - 2)], 3), SKIN_DEEP, 150)
    h.draw(surf)
    # Viewer's right: bent a little, hand out of sight in the coat pocket.
    right = catmull([(648, 486), (674, 540), (688, 680), (694, 830), (680, 930), (646, 990), (610, 994),
                     (606, 962), (630, 900), (638, 780), (636, 640), (630, 540)], steps=8)
    poly(surf, [(x - 12, y + 4) for x, y in right], COAT_DEEP, 110)
    a = Shape(right, COAT_SH)
    a.tone([(600, 500), (640, 500), (632, 1000), (600, 1000)], COAT_DEEP, 70)
    a.tone(catmull([(700, 900), (640, 985), (600, 1000), (600, 960), (630, 930), (700, 860)], steps=4),
           COAT_DEEP, 110)
    a.draw(surf)
    poly(surf, [(596, 986), (664, 960), (668, 972), (600, 1000)], mix(COAT_DEEP, (0, 0, 0), 0.2))


def neck(surf: pygame.Surface) -> None:
    n = Shape([(424, 330), (496, 330), (504, 444), (416, 444)], SKIN)
    n.tone([(410, 330), (510, 330), (512, 400), (410, 372)], SKIN_SH)
    n.draw(surf)


def head(surf: pygame.Surface) -> None:
    for x in (362, 558):
        side = -1 if x < 460 else 1
        ear = Shape(ellipse_pts(x, 268, 14, 28, angle=side * 0.12, n=24), SKIN if side < 0 else SKIN_SH)
        ear.tone(ellipse_pts(x + side * 2, 270, 6, 15, n=16), SKIN_DEEP, 150)
        ear.draw(surf)
        pygame.draw.circle(surf, hexc("e8d8b0"), (int(x - side * 1), 298), 5)
    face = catmull([(460, 112), (520, 120), (552, 160), (560, 226), (554, 290), (530, 344), (492, 378),
                    (460, 390), (428, 378), (390, 344), (366, 290), (360, 226), (368, 160), (400, 120)], steps=8)
    f = Shape(face, SKIN)
    f.tone(catmull([(520, 100), (600, 100), (600, 420), (470, 420), (508, 364), (534, 300), (534, 230),
                    (540, 170)], steps=6), SKIN_SH)
    for ex in (-1, 1):
        f.tone(ellipse_pts(460 + ex * 40, 250, 32, 18, n=24), SKIN_SH, 70)
    f.draw(surf)
    poly(surf, catmull([(466, 248), (476, 300), (468, 314), (458, 304)], steps=6), SKIN_SH, 170)
    poly(surf, catmull([(446, 310), (460, 318), (476, 310), (468, 320), (452, 320)], steps=6), SKIN_DEEP, 150)


def hair_back(surf: pygame.Surface) -> None:
    """The tied-back tail, brought forward over the shoulder so the tie reads from the front."""
    tail = catmull([(536, 330), (574, 372), (598, 440), (604, 520), (594, 600), (574, 664), (566, 610),
                    (570, 530), (562, 450), (534, 396)], steps=8)
    t = Shape(tail, HAIR)
    t.tone(catmull([(580, 360), (610, 440), (612, 560), (590, 680), (640, 680), (640, 360)], steps=6), HAIR_SH)
    t.tone(stroke_pts([(562, 420), (580, 500), (578, 590)], 8), HAIR_HI, 150)
    t.tone(stroke_pts([(548, 396), (594, 376)], 12), hexc("3a1410"))
    t.draw(surf)


def hair_front(surf: pygame.Surface) -> None:
    cap = catmull([(358, 262), (350, 190), (366, 130), (410, 96), (466, 86), (522, 96), (560, 130), (574, 190),
                   (566, 262), (556, 250), (550, 196), (530, 158), (496, 140), (448, 146), (414, 160), (382, 190),
                   (370, 250)], steps=7)
    h = Shape(cap, HAIR)
    h.tone(catmull([(520, 80), (560, 110), (580, 200), (566, 280), (620, 280), (620, 80)], steps=6), HAIR_SH)
    # Side part sweeping back; light catches the crown.
    h.tone(stroke_pts([(430, 150), (450, 110), (500, 92)], 10), HAIR_SH, 180)
    h.tone(catmull([(380, 140), (420, 106), (450, 100), (410, 126)], steps=5), HAIR_HI)
    h.tone(stroke_pts([(372, 200), (392, 160), (440, 138)], 7), HAIR_HI, 140)
    h.draw(surf)
    # One loose strand at the temple.
    poly(surf, stroke_pts([(384, 170), (368, 220), (374, 276), (386, 300)], 5, 3), HAIR)


def features(surf: pygame.Surface, ex: Expression) -> None:
    if ex.blush:
        g = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
        g.fill((232, 120, 120, 0))  # constant colour under the blur so the edges do not grey out
        for side in (-1, 1):
            pygame.draw.ellipse(g, (232, 120, 120, int(80 * ex.blush)), (460 + side * 50 - 34, 296 - 20, 68, 40))
        g = pygame.transform.gaussian_blur(g, 10)
        g.blit(alpha_stencil(surf), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        surf.blit(g, (0, 0))
    lid_r = ex.lid if ex.lid_r is None else ex.lid_r
    eye(surf, 420, 256, EYES, -1, ex.lid, ex.low, ex.gaze, tilt=2)
    eye(surf, 500, 256, EYES, 1, lid_r, ex.low, ex.gaze, tilt=2)
    bi_r = ex.brow_in if ex.brow_in_r is None else ex.brow_in_r
    bo_r = ex.brow_out if ex.brow_out_r is None else ex.brow_out_r
    brow(surf, 418, 224, 27, 8.5, hexc("5a261b"), -1, ex.brow_in, ex.brow_out, ex.brow_knit, arch=8)
    brow(surf, 502, 224, 27, 8.5, hexc("4e2018"), 1, bi_r, bo_r, ex.brow_knit, arch=8)
    mouth(surf, 460, 344, 24, ex, hexc("7a2c32"), hexc("bf5a62"), hexc("4a1a20"), hexc("f7f1e8"), lip_h=9)


def draw(surf: pygame.Surface) -> None:
    """The figure without a face; features() adds the expression."""
    coat(surf)
    lapels(surf)
    arms(surf)
    neck(surf)
    scarf(surf)
    hair_back(surf)
    head(surf)
    hair_front(surf)
