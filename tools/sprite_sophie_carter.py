"""Sophie Carter: American journalist, early thirties, dark-blonde bob, mustard cardigan, satchel across her chest."""
from __future__ import annotations

from art_common import Shape, catmull, ellipse_pts, hexc, mix, poly, pygame, stroke_pts
from figure import EyeStyle, Expression, FaceLayout, face, hand, mirror

SKIN, SKIN_SH, SKIN_DEEP = hexc("f1c9ae"), hexc("d6a088"), hexc("b57a66")
HAIR, HAIR_SH, HAIR_HI = hexc("a47c46"), hexc("7a5a30"), hexc("c7a066")
KNIT, KNIT_SH, KNIT_DEEP, KNIT_HI = hexc("d2a035"), hexc("ab7c22"), hexc("86601a"), hexc("e4b955")
BLOUSE, BLOUSE_SH = hexc("f5f2ea"), hexc("cfc8ba")
JEANS, JEANS_SH = hexc("3c4b6a"), hexc("2b3650")
LEATHER, LEATHER_SH, LEATHER_HI, LEATHER_DEEP = hexc("7a4a2a"), hexc("583419"), hexc("9a643c"), hexc("3e2412")
BRASS = hexc("c9a45a")

EYES = EyeStyle(half_w=22, lid_h=13.5, low_h=7, iris_r=10, white=hexc("f5efe6"), iris=hexc("4f7fae"),
                pupil=hexc("161c24"), lid=hexc("2e2220"), crease=hexc("c58c76"), lash_w=5.5, flick=6)

LAYOUT = FaceLayout(eyes=EYES, eye_y=258, eye_dx=40, brow_y=226, brow_dx=42, brow_half_w=26, brow_thick=8,
                    brow=hexc("7c5b33"), brow_sh=hexc("6b4c29"), mouth_y=344, mouth_half_w=23,
                    mouth_line=hexc("823a36"), lip=hexc("c97a72"), inside=hexc("4a1a20"), teeth=hexc("f7f1e8"),
                    lip_h=9, eye_tilt=1.0, brow_arch=7, crinkle=SKIN_DEEP, blush=(236, 130, 120), blush_dx=52)

EXPRESSIONS = {
    "neutral": Expression(brow_in=1, mouth_curve=1, mouth_w=0.9),
    "smiling": Expression(brow_in=5, brow_out=3, lid=0.86, low=0.6, mouth="smile", mouth_curve=8, mouth_w=1.1,
                          mouth_open=4, blush=0.5),
    "sad": Expression(brow_in=15, brow_out=-5, lid=0.7, gaze=(0.15, 0.55), mouth_curve=-7, mouth_w=0.82),
    "surprised": Expression(brow_in=17, brow_out=15, lid=1.25, low=1.1, mouth="open", mouth_open=11, mouth_w=0.9),
    "guarded": Expression(brow_in=-5, brow_out=2, brow_knit=4, lid=0.6, gaze=(0.6, 0.0), mouth="tight",
                          mouth_curve=-1.5, mouth_w=0.72),
    "curious": Expression(brow_in=12, brow_out=15, brow_in_r=2, brow_out_r=3, lid=1.1, lid_r=1.02,
                          gaze=(-0.4, -0.1), mouth_curve=3, mouth_w=0.8, mouth_shift=-3, mouth_tilt=-6),
}


def jeans(surf: pygame.Surface) -> None:
    poly(surf, [(296, 1080), (624, 1080), (634, 1280), (286, 1280)], JEANS)
    poly(surf, [(452, 1150), (466, 1150), (470, 1280), (448, 1280)], JEANS_SH)
    poly(surf, [(540, 1080), (624, 1080), (634, 1280), (560, 1280)], JEANS_SH, 170)


def cardigan(surf: pygame.Surface) -> None:
    body = catmull([(412, 430), (340, 450), (286, 480), (272, 540), (276, 700), (290, 860), (288, 1000),
                    (286, 1150), (460, 1164), (634, 1150), (632, 1000), (630, 860), (644, 700), (648, 540),
                    (634, 480), (580, 450), (508, 430)], steps=8)
    c = Shape(body, KNIT)
    c.tone(catmull([(530, 420), (700, 420), (700, 1200), (550, 1200), (540, 1000), (530, 800), (536, 620)],
                   steps=6), KNIT_SH)
    c.tone([(260, 470), (312, 460), (316, 1200), (260, 1200)], KNIT_HI, 130)
    # Ribbed hem, and the knit's faint vertical ribs.
    c.tone([(270, 1090), (650, 1090), (650, 1170), (270, 1170)], KNIT_SH, 170)
    for x in range(300, 640, 18):
        c.tone(stroke_pts([(x, 1094), (x, 1162)], 3), KNIT_DEEP, 90)
    c.draw(surf)
    # The blouse in the V, its collar laid over the cardigan's edge.
    v = catmull([(414, 428), (506, 428), (500, 520), (462, 760), (420, 520)], steps=6)
    poly(surf, v, BLOUSE)
    poly(surf, [(462, 760), (500, 520), (506, 428), (490, 480)], BLOUSE_SH, 150)
    throat = catmull([(426, 432), (494, 432), (476, 480), (460, 506), (444, 480)], steps=5)
    n = Shape(throat, SKIN_SH)
    n.tone([(400, 400), (520, 400), (520, 450), (400, 450)], SKIN_DEEP, 110)
    n.draw(surf)
    tip = [(424, 424), (400, 452), (396, 498), (444, 486), (452, 470)]
    poly(surf, catmull(tip, steps=5), BLOUSE)
    poly(surf, catmull(mirror(tip), steps=5), BLOUSE_SH)
    # Button bands up each edge of the V, then down the front.
    for pts, col in (([(412, 430), (418, 520), (456, 760), (456, 1160)], KNIT_HI),
                     ([(508, 430), (502, 520), (468, 760), (468, 1160)], KNIT_DEEP)):
        poly(surf, stroke_pts(pts, 12, 12), col, 200)
    for y in (800, 880, 960, 1040, 1120):
        pygame.draw.circle(surf, hexc("6a4a1c"), (462, y), 8)
        pygame.draw.circle(surf, hexc("9a7434"), (460, y - 2), 3)


def arms(surf: pygame.Surface) -> None:
    left = catmull([(286, 480), (258, 520), (246, 640), (236, 800), (232, 940), (236, 1080), (296, 1086),
                    (300, 960), (300, 800), (302, 660), (298, 560)], steps=8)
    poly(surf, [(x + 10, y + 4) for x, y in left], KNIT_DEEP, 120)
    a = Shape(left, KNIT)
    a.tone([(220, 470), (262, 470), (252, 1090), (220, 1090)], KNIT_HI)
    a.tone([(278, 560), (320, 560), (320, 1090), (284, 1090)], KNIT_SH, 180)
    a.tone([(220, 1030), (320, 1030), (320, 1090), (220, 1090)], KNIT_SH)
    for x in range(240, 300, 14):
        a.tone(stroke_pts([(x, 1034), (x + 1, 1086)], 3), KNIT_DEEP, 90)
    a.draw(surf)
    hand(surf, 266, 1078, 54, 92, 0.04, SKIN, SKIN_SH, SKIN_DEEP)
    right = catmull([(634, 480), (662, 520), (676, 640), (688, 790), (690, 930), (680, 1040), (624, 1046),
                     (622, 940), (620, 800), (618, 660), (622, 560)], steps=8)
    poly(surf, [(x - 10, y + 4) for x, y in right], KNIT_DEEP, 110)
    a = Shape(right, KNIT_SH)
    a.tone([(600, 520), (636, 520), (630, 1050), (600, 1050)], KNIT_DEEP, 70)
    a.tone([(600, 990), (700, 990), (700, 1050), (600, 1050)], KNIT_DEEP, 120)
    a.draw(surf)


def satchel(surf: pygame.Surface) -> None:
    """Worn across the body: strap from her right shoulder to the bag on her left hip, her hand on its flap."""
    strap = [(372, 440), (420, 560), (500, 760), (576, 930), (618, 1040)]
    poly(surf, stroke_pts(strap, 30, 30, steps=10), LEATHER_DEEP, 120)
    poly(surf, stroke_pts([(x - 4, y - 3) for x, y in strap], 28, 28, steps=10), LEATHER)
    poly(surf, stroke_pts([(x - 10, y + 1) for x, y in strap], 3, 3, steps=10), LEATHER_HI, 160)
    poly(surf, stroke_pts([(x + 4, y - 7) for x, y in strap], 3, 3, steps=10), LEATHER_SH, 200)
    # A brass buckle where the strap's length is set.
    poly(surf, [(476, 676), (506, 664), (520, 700), (490, 712)], BRASS)
    poly(surf, [(484, 680), (504, 672), (512, 696), (492, 704)], LEATHER)
    bag = [(560, 1040), (716, 1030), (724, 1280), (566, 1280)]
    b = Shape(bag, LEATHER)
    b.tone([(650, 1020), (740, 1020), (740, 1290), (660, 1290)], LEATHER_SH)
    flap = [(556, 1036), (720, 1026), (722, 1150), (640, 1170), (560, 1154)]
    b.draw(surf)
    f = Shape(flap, LEATHER_HI)
    f.tone([(650, 1000), (740, 1000), (740, 1200), (660, 1200)], LEATHER)
    f.tone(stroke_pts([(568, 1142), (640, 1158), (712, 1140)], 3), LEATHER_DEEP, 150)
    f.draw(surf)
    poly(surf, stroke_pts([(556, 1040), (720, 1030)], 8), LEATHER_DEEP, 200)
    poly(surf, [(628, 1140), (652, 1140), (652, 1186), (628, 1186)], BRASS)
    poly(surf, [(634, 1148), (646, 1148), (646, 1178), (634, 1178)], LEATHER_SH)
    hand(surf, 652, 1036, 52, 88, 0.22, SKIN, SKIN_SH, SKIN_DEEP)


def hair_back(surf: pygame.Surface) -> None:
    back = catmull([(460, 80), (530, 90), (576, 134), (592, 210), (594, 300), (588, 370), (568, 414),
                    (460, 420), (352, 414), (332, 370), (326, 300), (328, 210), (344, 134), (390, 90)], steps=8)
    h = Shape(back, HAIR_SH)
    h.tone([(330, 380), (600, 380), (600, 430), (330, 430)], mix(HAIR_SH, (0, 0, 0), 0.2))
    h.draw(surf)


def head(surf: pygame.Surface) -> None:
    neck = Shape([(426, 330), (494, 330), (500, 440), (420, 440)], SKIN)
    neck.tone([(410, 330), (510, 330), (512, 404), (410, 374)], SKIN_SH)
    neck.draw(surf)
    outline = catmull([(460, 116), (518, 124), (550, 162), (558, 226), (552, 290), (528, 344), (492, 378),
                       (460, 390), (428, 378), (392, 344), (368, 290), (362, 226), (370, 162), (402, 124)], steps=8)
    f = Shape(outline, SKIN)
    f.tone(catmull([(520, 100), (600, 100), (600, 420), (470, 420), (508, 366), (534, 300), (534, 230),
                    (540, 170)], steps=6), SKIN_SH)
    for ex in (-1, 1):
        f.tone(ellipse_pts(460 + ex * 40, 252, 31, 17, n=24), SKIN_SH, 60)
    f.draw(surf)
    # A short, slightly upturned nose and a light scatter of freckles across it.
    poly(surf, catmull([(466, 256), (474, 300), (468, 314), (458, 306)], steps=6), SKIN_SH, 170)
    poly(surf, catmull([(446, 310), (460, 318), (476, 310), (468, 320), (452, 320)], steps=6), SKIN_DEEP, 150)
    for x, y in ((416, 294), (428, 302), (438, 290), (482, 290), (494, 302), (506, 294), (448, 282), (472, 281)):
        poly(surf, ellipse_pts(x, y, 2.6, 2.4, n=10), SKIN_DEEP, 110)


def hair_front(surf: pygame.Surface) -> None:
    """The bob: a side part on her right, the fringe swept across, the ends turning in at the jaw."""
    cap = catmull([(352, 300), (348, 200), (362, 138), (410, 96), (466, 86), (526, 96), (566, 136), (578, 200),
                   (574, 300), (560, 300), (556, 232), (546, 196), (520, 206), (486, 192), (452, 166),
                   (424, 140), (400, 160), (382, 200), (374, 300)], steps=7)
    h = Shape(cap, HAIR)
    h.tone(catmull([(528, 80), (572, 120), (590, 210), (584, 320), (640, 320), (640, 80)], steps=6), HAIR_SH)
    h.tone(stroke_pts([(424, 140), (436, 112), (470, 94)], 6), HAIR_SH, 200)
    h.tone(catmull([(440, 150), (480, 120), (530, 118), (552, 150), (520, 140), (480, 140)], steps=6), HAIR_HI, 200)
    h.tone(stroke_pts([(372, 250), (368, 180), (392, 130)], 7, 4), HAIR_HI, 150)
    h.draw(surf)
    # Side pieces over the ears, curling in under the jaw.
    side = catmull([(352, 260), (346, 330), (352, 396), (376, 420), (398, 408), (384, 380), (378, 320),
                    (376, 250)], steps=7)
    s = Shape(side, HAIR)
    s.tone(stroke_pts([(366, 270), (362, 340), (374, 400)], 6, 3), HAIR_SH, 170)
    s.tone(stroke_pts([(356, 280), (354, 350)], 5, 3), HAIR_HI, 130)
    s.draw(surf)
    s = Shape(mirror(side), mix(HAIR, HAIR_SH, 0.6))
    s.tone(stroke_pts(mirror([(366, 270), (362, 340), (374, 400)]), 6, 3), HAIR_SH, 200)
    s.draw(surf)


def features(surf: pygame.Surface, ex: Expression) -> None:
    face(surf, LAYOUT, ex)


def draw(surf: pygame.Surface) -> None:
    """The figure without a face; features() adds the expression."""
    jeans(surf)
    cardigan(surf)
    arms(surf)
    satchel(surf)
    hair_back(surf)
    head(surf)
    hair_front(surf)
