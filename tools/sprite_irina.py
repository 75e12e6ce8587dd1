"""Irina: an East German courier of about forty in Berlin, November 1989: dark blonde hair pinned up, a red
woollen scarf wound high round her throat, a plain grey winter coat, tired eyes, a handbag held in both hands."""
from __future__ import annotations

from art_common import Shape, catmull, ellipse_pts, hexc, mix, poly, pygame, stroke_pts
from figure import Coat, EyeStyle, Expression, FaceLayout, coat, coat_cuffs, ears, face, face_shape, hand, nose

SKIN, SKIN_SH, SKIN_DEEP = hexc("e4bea4"), hexc("c39680"), hexc("9f6f5e")
HAIR, HAIR_SH, HAIR_HI = hexc("96784c"), hexc("6b5333"), hexc("b99a68")
SCARF, SCARF_SH, SCARF_DEEP, SCARF_HI = hexc("b3262f"), hexc("88171f"), hexc("5f0f16"), hexc("cf4045")
BAG, BAG_SH, BAG_HI, CLASP = hexc("3b2d27"), hexc("271d19"), hexc("56443b"), hexc("b7a172")
BLOUSE, BLOUSE_SH = hexc("d9d2c2"), hexc("b3aa98")
# A mouse-grey coat from the Konsum, a size too big in the shoulders; her hands are out, on the bag.
WINTER_COAT = Coat(cloth=hexc("6c6862"), shade=hexc("54514c"), lit=hexc("858079"), deep=hexc("393733"), top=440,
                   neck=44, shoulder=184, waist=168, flare=22, v_bottom=640, lapel=0.0,
                   buttons=(700, 830, 960), button=hexc("2c2a27"), pockets=False)

EYES = EyeStyle(half_w=21, lid_h=12.5, low_h=7, iris_r=9.4, white=hexc("ede6dc"), iris=hexc("6d8494"),
                pupil=hexc("171c22"), lid=hexc("33282a"), crease=hexc("b17e6c"), lash_w=5.0, flick=4)

LAYOUT = FaceLayout(eyes=EYES, eye_y=262, eye_dx=39, brow_y=230, brow_dx=41, brow_half_w=25, brow_thick=7.5,
                    brow=hexc("7d6444"), brow_sh=hexc("6a5439"), mouth_y=346, mouth_half_w=22,
                    mouth_line=hexc("7a3c38"), lip=hexc("b87a70"), inside=hexc("44191d"), teeth=hexc("eee6da"),
                    lip_h=7.5, eye_tilt=-0.5, brow_arch=5, crinkle=SKIN_DEEP, blush=(222, 118, 112), blush_dx=50)

# Her resting face is tiredness held in check: heavy lids, brows a little raised in the middle.
EXPRESSIONS = {
    "neutral": Expression(brow_in=4, brow_out=-1, lid=0.8, mouth_curve=-1, mouth_w=0.85),
    "guarded": Expression(brow_in=-4, brow_out=1, brow_knit=5, lid=0.6, gaze=(-0.6, 0.0), mouth="tight",
                          mouth_curve=-2, mouth_w=0.74),
    "sad": Expression(brow_in=15, brow_out=-6, lid=0.62, gaze=(0.1, 0.6), mouth_curve=-6, mouth_w=0.8),
    "surprised": Expression(brow_in=15, brow_out=13, lid=1.16, low=1.05, mouth="open", mouth_open=8, mouth_w=0.85),
    "smiling": Expression(brow_in=8, brow_out=0, lid=0.7, low=0.6, mouth="smile", mouth_curve=6, mouth_w=0.95,
                          mouth_open=1, blush=0.35, extras=("crinkle",)),
    "thoughtful": Expression(brow_in=9, brow_out=2, brow_in_r=2, brow_out_r=-2, lid=0.74, gaze=(-0.6, -0.45),
                             mouth_curve=-1, mouth_w=0.72, mouth_shift=-4, mouth_tilt=-3),
}


def features(surf: pygame.Surface, ex: Expression) -> None:
    """The expression on the face that draw() leaves blank."""
    face(surf, LAYOUT, ex)


def under_coat(surf: pygame.Surface, opening: list) -> None:
    """A faded blouse at the throat, mostly hidden by the scarf."""
    o = Shape(opening, BLOUSE)
    o.tone([(466, 400), (560, 400), (560, 700), (466, 700)], BLOUSE_SH)
    o.draw(surf)


def scarf(surf: pygame.Surface) -> None:
    """Thick red wool wound twice round the neck, knotted on her right, one end down over the coat."""
    end = catmull([(372, 490), (422, 500), (430, 600), (438, 706), (382, 718), (368, 610)], steps=6)
    e = Shape(end, SCARF_SH)
    e.tone([(404, 460), (450, 460), (450, 730), (410, 730)], SCARF_DEEP, 150)
    e.tone(stroke_pts([(378, 520), (386, 620), (388, 690)], 5), SCARF_HI, 110)
    e.draw(surf)
    for i in range(6):
        x = 380 + i * 9
        poly(surf, stroke_pts([(x, 706), (x + 2, 734)], 4), SCARF_DEEP)
    for top, bottom, lit in ((390, 462, SCARF), (432, 504, SCARF_SH)):
        band = catmull([(374, top + 6), (460, top - 6), (548, top + 6), (560, (top + bottom) / 2),
                        (546, bottom), (460, bottom + 10), (372, bottom), (358, (top + bottom) / 2)], steps=6)
        b = Shape(band, lit)
        b.tone([(486, top - 20), (580, top - 20), (580, bottom + 20), (478, bottom + 20)], SCARF_DEEP, 120)
        for k in range(4):
            y = top + 10 + k * (bottom - top - 12) / 3
            b.tone(stroke_pts([(378, y), (460, y - 6), (540, y)], 3), SCARF_DEEP, 70)
        b.draw(surf)
    # The loose knot where the end is tucked through, a fold of wool falling over it.
    knot = Shape(catmull([(368, 462), (404, 450), (434, 470), (428, 512), (400, 528), (372, 506)], steps=6), SCARF)
    knot.tone(stroke_pts([(380, 474), (404, 492), (424, 486)], 4), SCARF_DEEP, 170)
    knot.tone(stroke_pts([(376, 500), (398, 514)], 3), SCARF_DEEP, 120)
    knot.tone([(410, 440), (450, 440), (450, 530), (414, 530)], SCARF_SH, 150)
    knot.draw(surf)


def handbag(surf: pygame.Surface) -> None:
    """A stiff imitation-leather bag, clutched against her in both hands: forty-one names are in it."""
    poly(surf, stroke_pts(catmull([(398, 1052), (410, 988), (460, 970), (510, 988), (522, 1052)], closed=False,
                                  steps=6), 9), BAG_SH)
    body = [(364, 1050), (556, 1050), (570, 1200), (350, 1200)]
    b = Shape(body, BAG)
    b.tone([(480, 1040), (580, 1040), (580, 1210), (492, 1210)], BAG_SH)
    b.tone([(350, 1044), (570, 1044), (570, 1080), (350, 1080)], BAG_HI, 170)
    b.tone(stroke_pts([(362, 1080), (560, 1080)], 3), BAG_SH, 200)
    b.tone(stroke_pts([(356, 1186), (566, 1186)], 3), BAG_SH, 160)
    b.draw(surf)
    poly(surf, [(448, 1072), (472, 1072), (472, 1092), (448, 1092)], CLASP)
    poly(surf, [(452, 1076), (468, 1076), (468, 1082), (452, 1082)], mix(CLASP, (255, 255, 255), 0.4))
    left, right = coat_cuffs(WINTER_COAT)
    hand(surf, left[0] + 10, left[1] - 8, 52, 86, -0.85, SKIN, SKIN_SH, SKIN_DEEP)
    hand(surf, right[0] - 10, right[1] - 8, 52, 86, 0.85, SKIN_SH, SKIN_DEEP, SKIN_DEEP)


def head(surf: pygame.Surface) -> None:
    neck = Shape([(428, 330), (492, 330), (498, 440), (422, 440)], SKIN)
    neck.tone([(410, 330), (510, 330), (510, 410), (410, 380)], SKIN_SH)
    neck.draw(surf)
    ears(surf, 92, 274, 12, 25, SKIN, SKIN_SH, SKIN_DEEP, tilt=0.1)
    # A narrower jaw than the young women's, cheeks a little hollow.
    f = face_shape([(460, 118), (516, 126), (548, 166), (556, 230), (550, 294), (526, 348), (490, 382), (460, 392),
                    (430, 382), (394, 348), (370, 294), (364, 230), (372, 166), (404, 126)], SKIN,
                   [(518, 100), (600, 100), (600, 420), (470, 420), (506, 368), (532, 304), (532, 236), (538, 172)],
                   SKIN_SH)
    for side in (-1, 1):
        x = 460 + side * 39
        f.tone(ellipse_pts(x, 256, 30, 17, n=24), SKIN_SH, 70)
        # Tired eyes: the shadow under each, and a line under that.
        f.tone(ellipse_pts(x, 280, 22, 7, n=20), SKIN_DEEP, 38)
        f.tone(stroke_pts([(x - side * 16, 286), (x + side * 2, 292), (x + side * 20, 288)], 2.4), SKIN_DEEP, 70)
        f.tone(stroke_pts([(460 + side * 26, 320), (460 + side * 33, 336)], 2.4), SKIN_DEEP, 60)
    f.draw(surf)
    nose(surf, [(466, 254), (476, 304), (470, 318), (459, 310)],
         [(444, 314), (460, 322), (478, 314), (470, 326), (450, 326)], [(446, 306), (454, 296), (462, 304), (454, 312)],
         SKIN, SKIN_SH, SKIN_DEEP, alpha=(180, 150, 130))

def hair(surf: pygame.Surface) -> None:
    """Dark blonde, pulled back off the face and pinned up at the back, a few strands come loose."""
    bun = Shape(ellipse_pts(520, 118, 56, 46, angle=0.3, n=36), HAIR_SH)
    bun.tone(ellipse_pts(506, 104, 30, 20, angle=0.3, n=24), HAIR, 200)
    bun.tone(stroke_pts([(480, 110), (516, 92), (556, 104)], 4), HAIR_SH, 200)
    bun.draw(surf)
    cap = catmull([(366, 250), (358, 186), (378, 130), (420, 98), (468, 90), (520, 100), (556, 136), (566, 190),
                   (558, 250), (548, 214), (532, 172), (496, 150), (460, 144), (422, 152), (390, 176), (376, 214)],
                  steps=7)
    h = Shape(cap, HAIR)
    h.tone(catmull([(520, 84), (566, 120), (584, 200), (576, 270), (640, 270), (640, 84)], steps=6), HAIR_SH)
    for x0, bend in ((404, -10), (436, -4), (470, 6), (504, 12)):
        h.tone(stroke_pts([(x0, 154), (x0 + bend, 120), (x0 + bend * 2 + 14, 96)], 4, 2), HAIR_SH, 140)
    h.tone(catmull([(380, 170), (402, 122), (446, 100), (424, 128), (394, 164)], steps=5), HAIR_HI, 200)
    h.draw(surf)
    for pts in ([(376, 196), (366, 250), (372, 300)], [(548, 186), (558, 236), (552, 278)]):
        poly(surf, stroke_pts(pts, 3.4, 1.2), HAIR_SH if pts[0][0] > 460 else HAIR, 220)


def draw(surf: pygame.Surface) -> None:
    """The figure without a face; features() adds the expression."""
    coat(surf, WINTER_COAT, under_coat)
    handbag(surf)
    head(surf)
    hair(surf)
    scarf(surf)
