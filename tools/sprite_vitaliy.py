"""Vitaliy Petersen: late fifties, grey crop and beard, green eyes, olive work jacket over a pale shirt; and at
twenty-four, a courier in Berlin in 1989 (young=True): dark hair, a short dark beard, a brown leather jacket
zipped over a cream fisherman's sweater."""
from __future__ import annotations

from art_common import Shape, catmull, ellipse_pts, hexc, mix, poly, pygame, stroke_pts
from figure import Coat, EyeStyle, Expression, brow, coat, eye, mouth

SKIN, SKIN_SH, SKIN_DEEP = hexc("d9a988"), hexc("b57f66"), hexc("96604e")
HAIR, HAIR_SH, HAIR_HI = hexc("a3a19c"), hexc("7f7d79"), hexc("c8c6c0")
BEARD, BEARD_SH = hexc("9a9792"), hexc("77746f")
JACKET, JACKET_SH, JACKET_HI, JACKET_SEAM = hexc("4f5634"), hexc("373c24"), hexc("69704a"), hexc("2b2f1d")
SHIRT, SHIRT_SH = hexc("e4ddcc"), hexc("bdb39e")
TROUSERS, TROUSERS_SH = hexc("3d3934"), hexc("2a2724")
BROW, BROW_SH = hexc("6c6964"), hexc("5e5b57")
BEARD_HI = hexc("b4b1ab")
# 1989: everything that is grey now was dark brown, and the beard was a young man's, short.
HAIR_1989 = (hexc("3d2f26"), hexc("2a201a"), hexc("5e4a3b"))
BEARD_1989 = (hexc("3f3129"), hexc("2c221c"), hexc("564539"))
BROW_1989 = (hexc("3a2c24"), hexc("2e231d"))
YOUNG_BEARD = 165          # how much of the short beard covers the skin
JEANS, JEANS_SH = hexc("34405a"), hexc("252e42")
SWEATER, SWEATER_SH, SWEATER_DEEP = hexc("e6dcc4"), hexc("c4b89c"), hexc("a3967a")
LEATHER = Coat(cloth=hexc("5a3a28"), shade=hexc("40281b"), lit=hexc("7a5238"), deep=hexc("2c1b12"), top=444,
               neck=58, shoulder=236, waist=204, hem=1150, flare=6, v_bottom=640, lapel=0, front=4,
               hem_band=46, zip=hexc("b7a27a"))

EYES = EyeStyle(half_w=22, lid_h=12.5, low_h=6.5, iris_r=8.8, white=hexc("eee6d8"), iris=hexc("4f8c58"),
                pupil=hexc("1b241d"), lid=hexc("3b2924"), crease=hexc("a0705c"), lash_w=5.0)

EXPRESSIONS = {
    "neutral": Expression(lid=0.92, mouth_curve=0.0, mouth_w=0.9),
    "smiling": Expression(brow_in=3, brow_out=1, lid=0.8, low=0.55, mouth="smile", mouth_curve=7,
                          mouth_w=1.0, mouth_open=2, extras=("crinkle",)),
    "sad": Expression(brow_in=11, brow_out=-5, lid=0.68, gaze=(0.1, 0.5), mouth_curve=-8, mouth_w=0.85),
    "surprised": Expression(brow_in=17, brow_out=15, lid=1.28, low=1.15, mouth="open", mouth_open=12, mouth_w=0.9),
    "guarded": Expression(brow_in=-6, brow_out=1, brow_knit=4, lid=0.58, gaze=(0.55, 0.05), mouth="tight",
                          mouth_curve=-2, mouth_w=0.8),
    "thoughtful": Expression(brow_in=7, brow_out=10, brow_in_r=-2, brow_out_r=-1, lid=0.85, gaze=(-0.6, -0.55),
                             mouth_curve=-1, mouth_w=0.7, mouth_shift=-6, mouth_tilt=-4),
}


def mirror(points):
    return [(920 - x, y) for x, y in points]


def body(surf: pygame.Surface) -> None:
    poly(surf, [(262, 1100), (658, 1100), (664, 1280), (256, 1280)], TROUSERS)
    poly(surf, [(452, 1160), (468, 1160), (474, 1280), (446, 1280)], TROUSERS_SH)
    poly(surf, [(560, 1100), (658, 1100), (664, 1280), (580, 1280)], TROUSERS_SH, 150)

    torso = catmull([(400, 442), (300, 468), (224, 504), (214, 560), (218, 640), (236, 820), (246, 1000),
                     (252, 1150), (460, 1162), (668, 1150), (674, 1000), (684, 820), (702, 640), (706, 560),
                     (696, 504), (620, 468), (520, 442)], steps=8)
    t = Shape(torso, JACKET)
    t.tone([(520, 420), (760, 420), (760, 1200), (560, 1200), (540, 900), (540, 700)], JACKET_SH)
    t.tone([(200, 500), (300, 470), (300, 1200), (200, 1200)], JACKET_HI, 120)
    # Hem band and placket seam.
    t.tone([(240, 1110), (680, 1110), (680, 1170), (240, 1170)], JACKET_SEAM, 110)
    t.tone(stroke_pts([(462, 640), (464, 900), (466, 1162)], 5), JACKET_SEAM)
    # Pockets: chest patch with flap, hip patches the hands sit in.
    t.tone([(298, 660), (388, 654), (392, 742), (302, 748)], JACKET_SH, 120)
    t.tone([(294, 650), (392, 644), (394, 676), (296, 682)], JACKET_SEAM, 140)
    for pts in ([(262, 1000), (372, 990), (378, 1120), (266, 1128)],):
        t.tone(pts, JACKET_SH, 160)
        t.tone(mirror(pts), JACKET_SEAM, 130)
    t.draw(surf)
    for y in (690, 800, 910, 1030):
        pygame.draw.circle(surf, JACKET_SEAM, (470, y), 8)
        pygame.draw.circle(surf, JACKET_HI, (468, y - 2), 3)

    # Open collar: pale shirt in the V, the jacket's fold-down collar over it.
    poly(surf, catmull([(404, 436), (516, 436), (500, 520), (462, 632), (424, 520)], steps=6), SHIRT)
    poly(surf, [(462, 560), (500, 520), (516, 436), (500, 470)], SHIRT_SH, 160)
    poly(surf, [(424, 452), (460, 510), (462, 632), (452, 600)], SHIRT_SH, 120)
    shirt_l = catmull([(410, 430), (370, 470), (388, 548), (456, 560), (444, 500)], steps=5)
    poly(surf, shirt_l, SHIRT)
    poly(surf, mirror(shirt_l), SHIRT_SH)
    collar_l = catmull([(404, 438), (320, 470), (330, 530), (420, 640), (462, 660), (420, 560), (392, 500)], steps=6)
    c = Shape(collar_l, JACKET_HI)
    c.tone([(300, 600), (470, 560), (470, 680), (300, 680)], JACKET)
    c.draw(surf)
    c = Shape(mirror(collar_l), JACKET)
    c.tone(mirror([(300, 600), (470, 560), (470, 680), (300, 680)]), JACKET_SH)
    c.draw(surf)

    # Arms hang and bend in, hands out of sight in the hip pockets.
    arm = catmull([(224, 504), (190, 540), (174, 640), (164, 780), (160, 880), (182, 960), (250, 1030),
                   (304, 1034), (308, 1002), (262, 950), (248, 880), (252, 760), (258, 640), (250, 560)], steps=8)
    poly(surf, [(x + 14, y + 4) for x, y in arm], JACKET_SEAM, 150)
    poly(surf, [(920 - x - 14, y + 4) for x, y in arm], JACKET_SEAM, 110)
    a = Shape(arm, JACKET)
    a.tone([(150, 480), (215, 480), (205, 1060), (150, 1060)], JACKET_HI)
    a.tone([(232, 500), (300, 500), (320, 1060), (246, 1060), (244, 880)], JACKET_SH, 170)
    a.tone([(240, 1000), (320, 990), (320, 1060), (240, 1060)], JACKET_SEAM, 150)
    a.draw(surf)
    a = Shape(mirror(arm), JACKET_SH)
    a.tone(mirror([(232, 500), (300, 500), (320, 1060), (246, 1060), (244, 880)]), JACKET_SEAM, 120)
    a.tone(mirror([(240, 1000), (320, 990), (320, 1060), (240, 1060)]), JACKET_SEAM, 150)
    a.draw(surf)
    # Pocket mouths over the cuffs.
    for pts in ([(258, 1022), (306, 1016), (380, 1002), (382, 1014), (306, 1030), (258, 1036)],):
        poly(surf, pts, JACKET_SEAM)
        poly(surf, mirror(pts), mix(JACKET_SEAM, (0, 0, 0), 0.3))


def courier(surf: pygame.Surface) -> None:
    """Jeans, the leather jacket zipped half way, the sweater's roll collar filling the opening."""
    poly(surf, [(262, 1100), (658, 1100), (664, 1280), (256, 1280)], JEANS)
    poly(surf, [(452, 1160), (468, 1160), (474, 1280), (446, 1280)], JEANS_SH)
    poly(surf, [(560, 1100), (658, 1100), (664, 1280), (580, 1280)], JEANS_SH, 150)
    coat(surf, LEATHER, sweater)


def sweater(surf: pygame.Surface, opening: list) -> None:
    s = Shape(opening, SWEATER)
    s.tone([(470, 380), (560, 380), (560, 700), (470, 700)], SWEATER_SH)
    for i in range(-4, 5):      # the ribs of the knit
        s.tone(stroke_pts([(460 + i * 16, 470), (460 + i * 15, 660)], 3.5), SWEATER_DEEP, 110)
    s.draw(surf)
    roll = catmull([(396, 410), (460, 424), (524, 410), (536, 452), (520, 484), (460, 496), (400, 484),
                    (384, 452)], steps=6)
    r = Shape(roll, SWEATER)
    r.tone([(474, 400), (560, 400), (560, 500), (474, 500)], SWEATER_SH)
    for i in range(-5, 6):
        r.tone(stroke_pts([(460 + i * 13, 426 - abs(i) * 2), (460 + i * 14, 490 - abs(i) * 2)], 3.2), SWEATER_DEEP,
               120)
    r.draw(surf)


def head(surf: pygame.Surface, young: bool = False) -> None:
    # Neck with the jaw's shadow across it.
    neck = Shape([(398, 318), (522, 318), (534, 450), (460, 466), (386, 450)], SKIN)
    neck.tone([(380, 318), (540, 318), (540, 420), (380, 390)], SKIN_SH)
    neck.tone([(500, 318), (545, 318), (545, 470), (506, 470)], SKIN_DEEP, 140)
    neck.draw(surf)
    for x in (344, 576):
        side = -1 if x < 460 else 1
        ear = Shape(ellipse_pts(x, 262, 17, 35, angle=side * 0.12, n=28), SKIN if side < 0 else SKIN_SH)
        ear.tone(ellipse_pts(x + side * 2, 264, 8, 20, n=20), SKIN_DEEP, 160)
        ear.draw(surf)
    face = catmull([(460, 92), (532, 104), (566, 150), (574, 222), (570, 290), (552, 342), (514, 380), (460, 394),
                    (406, 380), (368, 342), (350, 290), (346, 222), (354, 150), (388, 104)], steps=8)
    f = Shape(face, SKIN)
    # Shade side of the face (light comes from the viewer's left, like the sunset).
    f.tone(catmull([(528, 80), (600, 80), (600, 420), (470, 420), (520, 360), (540, 300), (536, 240), (548, 160)],
                   steps=6), SKIN_SH)
    # Brow ridge, eye sockets and cheekbones as soft planes.
    for ex in (-1, 1):
        f.tone(ellipse_pts(460 + ex * 43, 244, 34, 20, n=24), SKIN_SH, 90)
    f.tone(catmull([(372, 278), (410, 268), (430, 290), (400, 300)], steps=5), mix(SKIN, (240, 190, 160), 0.5), 120)
    # Forehead lines: just two, faint (none at twenty-four).
    if not young:
        for y, w in ((168, 40), (184, 34)):
            f.tone(stroke_pts([(460 - w, y + 2), (460, y - 2), (460 + w, y + 2)], 3.5), SKIN_SH, 150)
    f.draw(surf)
    # Nose: a shaded plane down the bridge and a soft underside.
    poly(surf, catmull([(468, 236), (482, 292), (474, 312), (462, 300)], steps=6), SKIN_SH, 200)
    poly(surf, catmull([(438, 306), (460, 318), (484, 306), (474, 322), (448, 322)], steps=6), SKIN_DEEP, 170)
    poly(surf, catmull([(440, 300), (452, 288), (462, 296)], closed=False, steps=5) + [(452, 306)],
         mix(SKIN, (255, 220, 190), 0.4), 150)

    # Close-cropped grey hair, a little thinner at the temples (dark and fuller at the temples in 1989).
    hair_c, hair_sh, hair_hi = HAIR_1989 if young else (HAIR, HAIR_SH, HAIR_HI)
    beard_c, beard_sh, beard_hi = BEARD_1989 if young else (BEARD, BEARD_SH, BEARD_HI)
    hair = catmull([(346, 240), (342, 172), (362, 116), (408, 82), (460, 72), (514, 82), (558, 114), (578, 172),
                    (574, 240), (562, 230), (558, 176), (534, 140), (496, 132), (460, 142), (424, 132), (388, 140),
                    (364, 176), (358, 230)], steps=7)
    h = Shape(hair, hair_c)
    h.tone(catmull([(500, 62), (530, 64), (552, 120), (556, 200), (548, 262), (610, 262), (610, 62)], steps=6),
           hair_sh)
    h.tone(catmull([(352, 176), (370, 118), (412, 86), (460, 76), (430, 96), (392, 126), (368, 180)], steps=6),
           mix(hair_hi, (255, 214, 170), 0.2), 170)
    h.draw(surf)

    # Short beard along the jaw with a moustache; the mouth is drawn over it per expression.
    beard = catmull([(350, 252), (356, 304), (372, 350), (410, 386), (460, 404), (510, 386), (548, 350), (564, 304),
                     (570, 252), (560, 262), (552, 300), (530, 326), (500, 332), (460, 330), (420, 332), (390, 326),
                     (368, 300), (360, 262)], steps=7)
    b = Shape(beard, beard_c)
    b.tone(catmull([(540, 240), (542, 300), (524, 356), (490, 410), (470, 430), (610, 430), (610, 240)], steps=6),
           beard_sh)
    b.tone(catmull([(386, 300), (400, 340), (430, 370), (410, 350)], steps=5), beard_hi, 150)
    b.tone(ellipse_pts(460, 374, 34, 16, n=20), beard_sh, 70)
    if young:
        # Kept short: the skin shows through on the cheeks.
        b.layer.fill((255, 255, 255, YOUNG_BEARD), special_flags=pygame.BLEND_RGBA_MULT)
    b.draw(surf)


def moustache(surf: pygame.Surface, ex: Expression, young: bool = False) -> None:
    lift = ex.mouth_curve * 0.4 if ex.mouth != "open" else -2
    beard_c, beard_sh, _ = BEARD_1989 if young else (BEARD, BEARD_SH, BEARD_HI)
    m = Shape(catmull([(414, 332 - lift), (436, 318), (460, 316), (484, 318), (506, 332 - lift), (484, 330),
                       (460, 326), (436, 330)], steps=6), beard_c)
    m.tone([(470, 300), (520, 300), (520, 350), (470, 350)], beard_sh)
    if young:
        m.layer.fill((255, 255, 255, YOUNG_BEARD), special_flags=pygame.BLEND_RGBA_MULT)
    m.draw(surf)


def features(surf: pygame.Surface, ex: Expression, young: bool = False) -> None:
    lid_r = ex.lid if ex.lid_r is None else ex.lid_r
    eye(surf, 417, 252, EYES, -1, ex.lid, ex.low, ex.gaze, tilt=1)
    eye(surf, 503, 252, EYES, 1, lid_r, ex.low, ex.gaze, tilt=1)
    if "crinkle" in ex.extras:
        for side in (-1, 1):
            x = 460 + side * 76
            for dy, ln in ((-4, 12), (6, 14)):
                poly(surf, stroke_pts([(x, 256 + dy * 0.5), (x + side * ln, 252 + dy)], 3.2), SKIN_DEEP, 170)
    bi_r = ex.brow_in if ex.brow_in_r is None else ex.brow_in_r
    bo_r = ex.brow_out if ex.brow_out_r is None else ex.brow_out_r
    brow_c, brow_sh = BROW_1989 if young else (BROW, BROW_SH)
    brow(surf, 414, 222, 30, 12, brow_c, -1, ex.brow_in, ex.brow_out, ex.brow_knit, arch=4)
    brow(surf, 506, 222, 30, 12, brow_sh, 1, bi_r, bo_r, ex.brow_knit, arch=4)
    if ex.mouth in ("open",):
        # An open mouth parts the beard: lower it a little and keep the moustache above.
        mouth(surf, 460, 346, 22, ex, hexc("5a302b"), hexc("a8705f"), hexc("3e1d1f"), hexc("efe8dc"), lip_h=7)
        moustache(surf, ex, young)
    else:
        mouth(surf, 460, 342, 24, ex, hexc("5a302b"), hexc("a8705f"), hexc("3e1d1f"), hexc("efe8dc"), lip_h=7)
        moustache(surf, ex, young)


def draw(surf: pygame.Surface, young: bool = False) -> None:
    """The figure without a face; features() adds the expression."""
    if young:
        courier(surf)
    else:
        body(surf)
    head(surf, young)
