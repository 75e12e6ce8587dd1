"""The man in the grey coat: Moscow's man in Paris, heavy-set, in his late fifties, a grey felt hat over thinning
grey hair, a long grey overcoat buttoned over a shirt and a dark knitted tie, and a face like a closed file."""
from __future__ import annotations

from art_common import Shape, catmull, ellipse_pts, hexc, mix, poly, pygame, stroke_pts
from figure import Coat, EyeStyle, Expression, FaceLayout, coat, ears, face, face_shape, nose

SKIN, SKIN_SH, SKIN_DEEP = hexc("d6ad94"), hexc("b78a74"), hexc("936656")
HAIR, HAIR_SH = hexc("a7a6a2"), hexc("7f7e7a")
FELT, FELT_SH, FELT_HI, FELT_BAND = hexc("6b6e70"), hexc("525557"), hexc("85888a"), hexc("2c2e30")
SHIRT, SHIRT_SH = hexc("e6e3dc"), hexc("bdb9b0")
TIE, TIE_SH = hexc("3a3d45"), hexc("262830")
# Cooler and darker than a young lieutenant's: good cloth, cut wide for a heavy man, buttoned to the top.
OVERCOAT = Coat(cloth=hexc("74787b"), shade=hexc("5a5e61"), lit=hexc("8c9093"), deep=hexc("3d4043"), top=468,
                neck=66, shoulder=256, waist=236, flare=10, v_bottom=690, lapel=1.25,
                buttons=(750, 880, 1010, 1140), button=hexc("2f3134"))

EYES = EyeStyle(half_w=19, lid_h=10, low_h=5.5, iris_r=8.2, white=hexc("ebe4d8"), iris=hexc("717c82"),
                pupil=hexc("161a1d"), lid=hexc("3a2c28"), crease=hexc("946452"), lash_w=5.0)

LAYOUT = FaceLayout(eyes=EYES, eye_y=276, eye_dx=46, brow_y=246, brow_dx=48, brow_half_w=30, brow_thick=12,
                    brow=hexc("8a8884"), brow_sh=hexc("6f6d69"), mouth_y=374, mouth_half_w=26,
                    mouth_line=hexc("6a3c34"), lip=hexc("a87666"), inside=hexc("3a1c1c"), teeth=hexc("e4dccd"),
                    lip_h=5, eye_tilt=-1.0, brow_arch=3, crinkle=SKIN_DEEP)

# A face that gives nothing away: every mood is a small move off the same heavy-lidded calm.
EXPRESSIONS = {
    "neutral": Expression(brow_in=0, lid=0.66, mouth_curve=0, mouth_w=0.8),
    "smiling": Expression(brow_in=2, brow_out=1, lid=0.56, low=0.7, mouth_curve=5, mouth_w=0.92,
                          extras=("crinkle",)),
    "guarded": Expression(brow_in=-5, brow_out=1, brow_knit=4, lid=0.48, gaze=(-0.55, 0.05), mouth="tight",
                          mouth_curve=-1, mouth_w=0.74),
    "sad": Expression(brow_in=7, brow_out=-4, lid=0.56, gaze=(-0.2, 0.55), mouth_curve=-4, mouth_w=0.78),
    "surprised": Expression(brow_in=9, brow_out=9, lid=0.92, low=1.0, mouth="open", mouth_open=3, mouth_w=0.62),
    "thoughtful": Expression(brow_in=1, brow_out=-1, brow_in_r=6, brow_out_r=7, lid=0.6, gaze=(-0.6, -0.35),
                             mouth_curve=1, mouth_w=0.72, mouth_shift=5, mouth_tilt=3),
}


def shirt_front(surf: pygame.Surface, opening: list) -> None:
    """A white shirt and a narrow dark tie, knotted tight under a heavy chin."""
    o = Shape(opening, SHIRT)
    o.tone([(470, 420), (580, 420), (580, 760), (470, 760)], SHIRT_SH)
    o.tone([(446, 474), (474, 474), (484, 690), (438, 690)], TIE)
    o.tone([(462, 474), (484, 474), (486, 690), (462, 690)], TIE_SH, 160)
    o.draw(surf)
    poly(surf, [(442, 462), (478, 462), (472, 490), (448, 490)], TIE_SH)


def head(surf: pygame.Surface) -> None:
    neck = Shape([(398, 380), (522, 380), (530, 484), (460, 496), (390, 484)], SKIN_SH)
    neck.tone([(500, 360), (560, 360), (560, 500), (506, 500)], SKIN_DEEP, 150)
    neck.draw(surf)
    ears(surf, 124, 290, 16, 32, SKIN, SKIN_SH, SKIN_DEEP, tilt=0.14)
    # Broad and heavy: the jaw wider than the temples, jowls over the collar.
    f = face_shape([(460, 150), (526, 158), (568, 196), (580, 262), (582, 330), (572, 386), (540, 424), (496, 442),
                    (460, 446), (424, 442), (380, 424), (348, 386), (338, 330), (340, 262), (352, 196), (394, 158)],
                   SKIN, [(526, 130), (620, 130), (620, 470), (470, 470), (530, 410), (556, 340), (556, 260),
                          (552, 190)], SKIN_SH)
    f.tone(catmull([(356, 380), (400, 420), (460, 436), (520, 420), (564, 380), (560, 430), (460, 460),
                    (360, 430)], steps=5), SKIN_DEEP, 70)
    for side in (-1, 1):
        x = 460 + side * 46
        f.tone(ellipse_pts(x, 272, 32, 18, n=24), SKIN_SH, 90)
        # Pouches under the eyes and the long folds from nose to jowl.
        f.tone(stroke_pts([(x - side * 18, 294), (x, 302), (x + side * 20, 296)], 3), SKIN_DEEP, 120)
        f.tone(stroke_pts([(460 + side * 30, 334), (460 + side * 44, 366), (460 + side * 48, 400)], 3.2),
               SKIN_DEEP, 105)
        f.tone(stroke_pts([(460 + side * 78, 392), (460 + side * 70, 420)], 3), SKIN_DEEP, 90)
    # Two lines across the forehead, below the hat brim.
    for y, w in ((212, 44), (226, 36)):
        f.tone(stroke_pts([(460 - w, y + 3), (460, y - 1), (460 + w, y + 3)], 3), SKIN_SH, 150)
    f.draw(surf)
    # A heavy nose, broken once, long ago.
    nose(surf, [(470, 272), (490, 334), (484, 350), (466, 342)], [(430, 340), (460, 354), (494, 340), (482, 358),
         (440, 358)], [(434, 334), (446, 322), (458, 330), (446, 342)], SKIN, SKIN_SH, SKIN_DEEP,
         alpha=(210, 170, 110))

def hat(surf: pygame.Surface) -> None:
    """Thin grey hair over the ears, then a grey felt hat with a pinched crown, set straight, brim level."""
    for side in (-1, 1):
        tuft = [(460 + side * 104, 190), (460 + side * 126, 214), (460 + side * 122, 262), (460 + side * 112, 272),
                (460 + side * 108, 226)]
        poly(surf, catmull(tuft, steps=5), HAIR if side < 0 else HAIR_SH)
    crown = catmull([(348, 190), (352, 120), (372, 68), (420, 48), (460, 62), (500, 48), (548, 68), (568, 120),
                     (572, 190)], steps=7)
    c = Shape(crown, FELT)
    c.tone([(500, 30), (600, 30), (600, 200), (510, 200)], FELT_SH)
    c.tone(stroke_pts([(460, 66), (456, 104), (460, 140)], 8, 4), FELT_SH, 200)
    c.tone(stroke_pts([(380, 82), (372, 130), (376, 170)], 6, 3), FELT_HI, 160)
    c.tone([(340, 150), (580, 150), (580, 192), (340, 192)], FELT_BAND)
    c.tone([(340, 150), (580, 150), (580, 156), (340, 156)], FELT_HI, 90)
    c.draw(surf)
    brim = catmull([(288, 196), (340, 176), (460, 170), (580, 176), (632, 196), (602, 210), (460, 206),
                    (318, 210)], steps=7)
    b = Shape(brim, FELT)
    b.tone([(500, 160), (650, 160), (650, 220), (500, 220)], FELT_SH)
    b.tone(stroke_pts([(300, 200), (460, 202), (620, 200)], 3), FELT_BAND, 140)
    b.draw(surf)
    # The brim's shadow across the forehead.
    poly(surf, catmull([(352, 206), (460, 210), (568, 206), (566, 226), (460, 232), (354, 226)], steps=5),
         SKIN_DEEP, 90)


def features(surf: pygame.Surface, ex: Expression) -> None:
    face(surf, LAYOUT, ex)


def draw(surf: pygame.Surface) -> None:
    """The figure without a face; features() adds the expression."""
    coat(surf, OVERCOAT, shirt_front)
    head(surf)
    hat(surf)
