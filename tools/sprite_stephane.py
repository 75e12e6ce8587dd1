"""Stéphane Balode: early sixties, tall and slim, silver hair swept back, navy linen jacket, pale blue shirt;
and at twenty-nine, in Berlin in 1989 (young=True): dark hair, a long charcoal overcoat and a camel scarf."""
from __future__ import annotations

from dataclasses import replace

from art_common import Shape, catmull, ellipse_pts, hexc, mix, poly, pygame, stroke_pts
from figure import Coat, EyeStyle, Expression, FaceLayout, coat, face, mirror

SKIN, SKIN_SH, SKIN_DEEP = hexc("dcab8a"), hexc("bb8669"), hexc("9a6552")
HAIR, HAIR_SH, HAIR_HI = hexc("cfd0cd"), hexc("9ea1a3"), hexc("eeeeea")
JACKET, JACKET_SH, JACKET_HI, JACKET_DEEP = hexc("2e3d60"), hexc("212c48"), hexc("40527a"), hexc("182036")
SHIRT, SHIRT_SH = hexc("cddff0"), hexc("9fb6cf")
TROUSERS, TROUSERS_SH = hexc("c9bfa8"), hexc("a69b84")
SQUARE = hexc("efe9da")
# 1989: dark brown hair, an attaché's overcoat over a suit, a camel scarf against the cold.
HAIR_1989 = (hexc("3a2a22"), hexc("241a15"), hexc("5b4536"))
SCARF, SCARF_SH, SCARF_DEEP = hexc("c49a66"), hexc("9c7548"), hexc("7a5836")
OVERCOAT = Coat(cloth=hexc("2b3246"), shade=hexc("1f2433"), lit=hexc("3d4660"), deep=hexc("151823"), top=420,
                neck=50, shoulder=200, waist=170, v_bottom=800, lapel=1.2, buttons=(880, 1010, 1140),
                button=hexc("141720"))

EYES = EyeStyle(half_w=21, lid_h=11.5, low_h=6.0, iris_r=8.6, white=hexc("efe8dc"), iris=hexc("5f84a6"),
                pupil=hexc("18202a"), lid=hexc("35292a"), crease=hexc("a87560"), lash_w=5.0)

LAYOUT = FaceLayout(eyes=EYES, eye_y=226, eye_dx=42, brow_y=194, brow_dx=44, brow_half_w=27, brow_thick=9.5,
                    brow=hexc("85837e"), brow_sh=hexc("74726e"), mouth_y=322, mouth_half_w=23,
                    mouth_line=hexc("6e3c34"), lip=hexc("b27a66"), inside=hexc("3e1d1f"), teeth=hexc("f1ebdf"),
                    lip_h=6, eye_tilt=0.0, brow_arch=5, crinkle=SKIN_DEEP)
LAYOUT_1989 = replace(LAYOUT, brow=hexc("3b2b23"), brow_sh=hexc("2e221c"))

# His resting face is a thin, lopsided smile (right corner up, one brow a touch higher): irony, not warmth.
EXPRESSIONS = {
    "neutral": Expression(brow_in_r=2, brow_out_r=5, lid=0.86, mouth_curve=2, mouth_w=0.92, mouth_shift=3,
                          mouth_tilt=5, extras=("smirk",)),
    "smiling": Expression(brow_in=3, brow_out=2, lid=0.76, low=0.6, mouth="smile", mouth_curve=7, mouth_w=1.0,
                          mouth_open=0, mouth_tilt=3, extras=("crinkle",)),
    "sad": Expression(brow_in=12, brow_out=-5, lid=0.64, gaze=(0.1, 0.55), mouth_curve=-7, mouth_w=0.82),
    "surprised": Expression(brow_in=16, brow_out=14, lid=1.26, low=1.1, mouth="open", mouth_open=10, mouth_w=0.85),
    "guarded": Expression(brow_in=-5, brow_out=1, brow_knit=4, lid=0.56, gaze=(-0.55, 0.05), mouth="tight",
                          mouth_curve=-1.5, mouth_w=0.78),
    "thoughtful": Expression(brow_in=2, brow_out=0, brow_in_r=9, brow_out_r=12, lid=0.84, gaze=(0.6, -0.55),
                             mouth_curve=-1, mouth_w=0.72, mouth_shift=5, mouth_tilt=3),
}


def trousers(surf: pygame.Surface) -> None:
    poly(surf, [(306, 1120), (614, 1120), (622, 1280), (298, 1280)], TROUSERS)
    poly(surf, [(452, 1190), (466, 1190), (470, 1280), (448, 1280)], TROUSERS_SH)
    poly(surf, [(540, 1120), (614, 1120), (622, 1280), (556, 1280)], TROUSERS_SH, 170)


def arms(surf: pygame.Surface) -> None:
    """Hands clasped behind his back: the sleeves hang, then turn in behind the hips."""
    arm = catmull([(262, 462), (232, 500), (222, 600), (218, 740), (220, 860), (234, 960), (268, 1030),
                   (330, 1040), (330, 980), (300, 900), (294, 760), (300, 600), (300, 520)], steps=8)
    a = Shape(arm, JACKET)
    a.tone([(200, 440), (244, 440), (240, 1060), (200, 1060)], JACKET_HI)
    a.tone([(270, 520), (340, 520), (340, 1060), (276, 1060), (270, 880)], JACKET_SH, 170)
    # Linen creases at the elbow.
    a.tone(stroke_pts([(232, 800), (262, 812), (286, 806)], 4), JACKET_SH, 200)
    a.tone(stroke_pts([(236, 840), (268, 846)], 3), JACKET_SH, 160)
    a.draw(surf)
    a = Shape(mirror(arm), JACKET_SH)
    a.tone(mirror([(270, 520), (340, 520), (340, 1060), (276, 1060), (270, 880)]), JACKET_DEEP, 130)
    a.tone(stroke_pts(mirror([(232, 800), (262, 812), (286, 806)]), 4), JACKET_DEEP, 170)
    a.draw(surf)


def jacket(surf: pygame.Surface) -> None:
    torso = catmull([(408, 418), (330, 436), (262, 462), (252, 520), (262, 620), (284, 780), (290, 900),
                     (286, 1020), (292, 1150), (460, 1166), (628, 1150), (634, 1020), (630, 900), (636, 780),
                     (658, 620), (668, 520), (658, 462), (590, 436), (512, 418)], steps=8)
    t = Shape(torso, JACKET)
    t.tone([(500, 400), (720, 400), (720, 1200), (520, 1200), (506, 900), (500, 700)], JACKET_SH)
    t.tone([(240, 460), (300, 440), (304, 1200), (240, 1200)], JACKET_HI, 110)
    # Front edges meet at the one button, then part over the trousers.
    t.tone([(452, 870), (470, 870), (520, 1170), (404, 1170)], TROUSERS)
    t.tone([(462, 900), (474, 900), (520, 1170), (470, 1170)], TROUSERS_SH, 200)
    t.tone(stroke_pts([(452, 870), (436, 1000), (404, 1160)], 4), JACKET_DEEP, 200)
    t.tone(stroke_pts([(470, 870), (492, 1000), (520, 1160)], 4), JACKET_DEEP, 200)
    # Hip pocket flaps and the breast pocket with its square.
    t.tone([(310, 960), (404, 952), (406, 980), (312, 988)], JACKET_DEEP, 150)
    t.tone(mirror([(310, 960), (404, 952), (406, 980), (312, 988)]), JACKET_DEEP, 170)
    t.tone([(520, 640), (602, 632), (604, 648), (522, 656)], JACKET_DEEP, 170)
    # Soft linen wrinkles pulling from the button.
    for pts in ([(420, 860), (380, 820), (330, 800)], [(500, 860), (540, 826), (590, 812)],
                [(430, 900), (380, 930)]):
        t.tone(stroke_pts(pts, 4), JACKET_SH if pts[0][0] < 460 else JACKET_DEEP, 150)
    t.draw(surf)
    sq = Shape([(528, 642), (546, 618), (562, 630), (578, 614), (596, 638)], SQUARE)
    sq.tone([(560, 600), (600, 600), (600, 650), (566, 650)], mix(SQUARE, SHIRT_SH, 0.5))
    sq.draw(surf)
    pygame.draw.circle(surf, JACKET_DEEP, (461, 870), 10)
    pygame.draw.circle(surf, JACKET_HI, (459, 868), 4)


def collar(surf: pygame.Surface) -> None:
    # Pale blue shirt in the V, open at the throat, its collar points spread over the lapels' base.
    poly(surf, catmull([(410, 412), (510, 412), (504, 520), (462, 860), (416, 520)], steps=6), SHIRT)
    poly(surf, [(462, 860), (504, 520), (510, 412), (496, 470)], SHIRT_SH, 170)
    neck_v = catmull([(428, 420), (492, 420), (480, 470), (462, 520), (442, 470)], steps=5)
    n = Shape(neck_v, SKIN_SH)
    n.tone([(400, 400), (520, 400), (520, 440), (400, 440)], SKIN_DEEP, 120)
    n.draw(surf)
    pts = [(412, 404), (394, 440), (404, 500), (446, 470), (436, 436)]
    poly(surf, catmull(pts, steps=5), SHIRT)
    poly(surf, catmull(mirror(pts), steps=5), SHIRT_SH)
    # Notched lapels, narrow as he is.
    lapel = catmull([(406, 420), (352, 440), (330, 480), (344, 520), (326, 540), (420, 760), (454, 860),
                     (448, 760), (412, 560)], steps=6)
    lp = Shape(lapel, JACKET_HI)
    lp.tone([(300, 560), (470, 600), (470, 880), (300, 880)], JACKET)
    lp.tone(stroke_pts([(332, 536), (352, 516)], 5), JACKET_DEEP, 200)
    lp.draw(surf)
    rp = Shape(mirror(lapel), JACKET_SH)
    rp.tone(mirror([(300, 560), (470, 600), (470, 880), (300, 880)]), JACKET_DEEP, 120)
    rp.tone(stroke_pts(mirror([(332, 536), (352, 516)]), 5), JACKET_DEEP, 220)
    rp.draw(surf)


def under_coat(surf: pygame.Surface, opening: list) -> None:
    """A white shirt and a dark tie in the coat's V; the scarf hides most of it."""
    o = Shape(opening, SHIRT)
    o.tone([(466, 380), (560, 380), (560, 900), (466, 900)], SHIRT_SH)
    o.tone(catmull([(450, 430), (472, 430), (478, 700), (462, 820), (446, 700)], steps=5), hexc("26202a"))
    o.draw(surf)


def scarf(surf: pygame.Surface) -> None:
    """Wound once round the neck, both ends hanging down the front of the coat."""
    for pts, col, shade in (([(390, 470), (448, 478), (454, 640), (452, 790), (386, 796), (386, 640)], SCARF,
                             SCARF_SH),
                            ([(476, 478), (534, 466), (540, 600), (546, 736), (482, 742), (478, 600)], SCARF_SH,
                             SCARF_DEEP)):
        end = Shape(catmull(pts, steps=6), col)
        x0 = min(x for x, _ in pts)
        end.tone([(x0 + 40, 420), (x0 + 90, 420), (x0 + 90, 920), (x0 + 44, 920)], shade, 150)
        y1 = max(y for _, y in pts)
        end.tone([(x0 - 10, y1 - 60), (x0 + 90, y1 - 62), (x0 + 90, y1 - 50), (x0 - 10, y1 - 48)], SCARF_DEEP, 170)
        end.draw(surf)
        for i in range(7):
            x = x0 + 6 + i * 9.5
            poly(surf, stroke_pts([(x, y1 - 4), (x + 1, y1 + 20)], 4), shade)
    wrap = catmull([(384, 408), (430, 424), (490, 424), (536, 408), (554, 446), (538, 484), (490, 496),
                    (432, 496), (382, 484), (366, 446)], steps=6)
    w = Shape(wrap, SCARF)
    w.tone([(480, 380), (580, 380), (580, 510), (470, 510)], SCARF_SH)
    for pts in ([(378, 462), (440, 474), (500, 472)], [(440, 446), (500, 454), (546, 440)]):
        w.tone(stroke_pts(pts, 5), SCARF_DEEP, 150)
    w.draw(surf)


def head(surf: pygame.Surface, young: bool = False) -> None:
    neck = Shape([(414, 290), (506, 290), (512, 430), (460, 444), (408, 430)], SKIN)
    neck.tone([(400, 290), (520, 290), (520, 396), (400, 366)], SKIN_SH)
    neck.tone([(486, 290), (525, 290), (525, 440), (490, 440)], SKIN_DEEP, 130)
    neck.draw(surf)
    for x in (364, 556):
        side = -1 if x < 460 else 1
        ear = Shape(ellipse_pts(x, 238, 14, 31, angle=side * 0.12, n=24), SKIN if side < 0 else SKIN_SH)
        ear.tone(ellipse_pts(x + side * 2, 240, 6, 17, n=16), SKIN_DEEP, 150)
        ear.draw(surf)
    outline = catmull([(460, 68), (520, 78), (550, 122), (557, 194), (552, 262), (534, 320), (500, 362),
                       (460, 382), (420, 362), (386, 320), (368, 262), (363, 194), (370, 122), (400, 78)], steps=8)
    f = Shape(outline, SKIN)
    f.tone(catmull([(520, 60), (600, 60), (600, 420), (470, 420), (508, 354), (532, 290), (530, 220),
                    (540, 150)], steps=6), SKIN_SH)
    for ex in (-1, 1):
        f.tone(ellipse_pts(460 + ex * 42, 218, 32, 19, n=24), SKIN_SH, 90)
    # Lean cheeks: a soft hollow under each cheekbone, and (not yet at twenty-nine) the lines a long habit of
    # irony leaves.
    f.tone(catmull([(384, 276), (402, 296), (400, 324), (388, 308)], steps=5), SKIN_SH, 60)
    if not young:
        for side in (-1, 1):
            f.tone(stroke_pts([(460 + side * 26, 284), (460 + side * 36, 306), (460 + side * 34, 326)], 3.2),
                   SKIN_DEEP, 110)
        for y, w in ((136, 38), (152, 30)):
            f.tone(stroke_pts([(460 - w, y + 2), (460, y - 2), (460 + w, y + 2)], 3.2), SKIN_SH, 140)
    f.draw(surf)
    # A long, straight nose.
    poly(surf, catmull([(466, 208), (480, 268), (474, 290), (461, 280)], steps=6), SKIN_SH, 200)
    poly(surf, catmull([(440, 286), (460, 296), (482, 286), (472, 300), (448, 300)], steps=6), SKIN_DEEP, 160)
    poly(surf, catmull([(442, 280), (452, 268), (462, 276)], closed=False, steps=5) + [(452, 286)],
         mix(SKIN, (255, 224, 196), 0.4), 150)


def hair(surf: pygame.Surface, young: bool = False) -> None:
    """Silver, combed straight back from a high forehead, full on top, short over the ears; in 1989 dark brown,
    the hairline lower and the top fuller."""
    base, shade, light = HAIR_1989 if young else (HAIR, HAIR_SH, HAIR_HI)
    drop, lift = (12, 8) if young else (0, 0)
    cap = catmull([(368, 206), (358, 150), (366, 94 - lift), (398, 52 - lift), (446, 32 - lift), (502, 34 - lift),
                   (542, 56 - lift), (564, 98 - lift), (564, 150), (554, 206), (546, 200), (544, 156),
                   (532, 118 + drop), (500, 104 + drop), (468, 110 + drop), (432, 104 + drop), (400, 114 + drop),
                   (382, 150), (378, 202)], steps=7)
    h = Shape(cap, base)
    h.tone(catmull([(520, 30), (560, 70), (574, 150), (566, 240), (620, 240), (620, 30)], steps=6), shade)
    # Comb lines sweeping back from the hairline, the light along the crown.
    for x0 in (404, 436, 470, 504):
        h.tone(stroke_pts([(x0, 112), (x0 + 6, 80), (x0 + 26, 54)], 4.5, 2.5), shade, 150)
    h.tone(stroke_pts([(376, 200), (372, 150), (390, 110)], 5, 3), shade, 130)
    h.tone(catmull([(372, 130), (396, 78), (440, 52), (420, 76), (392, 112)], steps=5), light)
    h.tone(catmull([(450, 50), (492, 46), (468, 60)], steps=5), light, 200)
    h.draw(surf)


def features(surf: pygame.Surface, ex: Expression, young: bool = False) -> None:
    face(surf, LAYOUT_1989 if young else LAYOUT, ex)
    if "smirk" in ex.extras:
        # The dimple at the raised corner that makes the resting smile read as irony.
        x = LAYOUT.cx + ex.mouth_shift + LAYOUT.mouth_half_w * ex.mouth_w + 6
        poly(surf, stroke_pts([(x - 2, LAYOUT.mouth_y - 12), (x + 4, LAYOUT.mouth_y - 4), (x + 1, LAYOUT.mouth_y + 2)],
                              3.4), SKIN_DEEP, 190)


def draw(surf: pygame.Surface, young: bool = False) -> None:
    """The figure without a face; features() adds the expression."""
    if young:
        coat(surf, OVERCOAT, under_coat)
        head(surf, young=True)
        hair(surf, young=True)
        scarf(surf)
        return
    trousers(surf)
    arms(surf)
    jacket(surf)
    collar(surf)
    head(surf)
    hair(surf)
