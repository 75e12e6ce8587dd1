"""Frank Halloran: sixty-four, retired from the Agency, sandy hair gone grey and thin at the temples, a stone
cotton jacket with a tartan lining over a pressed white shirt; and at thirty, the Americans' man in Berlin in
1989 (young=True): short ginger-brown hair with a crown that will not lie down, freckles, a tan parka over a
navy sweater and a button-down collar. A broad, open Boston face: the only one in the street who said please."""
from __future__ import annotations

import random
from dataclasses import replace

from art_common import Shape, catmull, ellipse_pts, hexc, mix, poly, pygame, stroke_pts
from figure import Coat, EyeStyle, Expression, FaceLayout, coat, ears, face, face_shape, mirror, nose

SKIN, SKIN_SH, SKIN_DEEP = hexc("e6b494"), hexc("c58e73"), hexc("a06955")
RUDDY = hexc("d98470")                  # the cold, and a Dorchester complexion
FRECKLE = hexc("b77a55")
HAIR, HAIR_SH, HAIR_HI = hexc("b5a893"), hexc("8b7f6c"), hexc("d2c8b6")
# 1989: the sandy red of a bus driver's son, cut short by a barber who was not trying very hard.
HAIR_1989 = (hexc("955a33"), hexc("6a3d22"), hexc("bb7b4b"))
SWEATER, SWEATER_SH, SWEATER_DEEP = hexc("2f3a58"), hexc("222a41"), hexc("171d2e")
OXFORD, OXFORD_SH = hexc("c8d6e8"), hexc("9db0c8")
SHIRT, SHIRT_SH, SHIRT_DEEP = hexc("f1f0ea"), hexc("cfcdc4"), hexc("aeaba0")
TARTAN, TARTAN_DARK, TARTAN_LINE = hexc("a8322e"), hexc("23382e"), hexc("e2cf8a")
TROUSERS, TROUSERS_SH = hexc("45495a"), hexc("323542")
# A tan parka from the PX, the hood folded down behind the collar, zipped half way over the sweater.
PARKA = Coat(cloth=hexc("a99468"), shade=hexc("86734f"), lit=hexc("c1ad82"), deep=hexc("5d4e34"), top=452,
             neck=60, shoulder=238, waist=218, flare=8, v_bottom=664, lapel=0, front=4, zip=hexc("7c6c4a"))
# Today: a stone Harrington jacket, open, its short collar up, over a shirt pressed that morning in Aix.
HARRINGTON = Coat(cloth=hexc("c8b98f"), shade=hexc("a3936b"), lit=hexc("dbcea8"), deep=hexc("6f6347"), top=446,
                  neck=56, shoulder=228, waist=208, hem=1184, flare=4, v_bottom=780, lapel=0, front=6,
                  hem_band=44, zip=hexc("9a8a63"))

EYES = EyeStyle(half_w=21, lid_h=12, low_h=6.5, iris_r=9.2, white=hexc("efe7db"), iris=hexc("8a7142"),
                pupil=hexc("1d160f"), lid=hexc("3d2b24"), crease=hexc("ac7560"), lash_w=5.0)

LAYOUT = FaceLayout(eyes=EYES, eye_y=272, eye_dx=45, brow_y=238, brow_dx=47, brow_half_w=28, brow_thick=10,
                    brow=hexc("a39684"), brow_sh=hexc("8d8170"), mouth_y=366, mouth_half_w=27,
                    mouth_line=hexc("6f3a32"), lip=hexc("bb7c68"), inside=hexc("3e1c1d"), teeth=hexc("f0e9dc"),
                    lip_h=7, eye_tilt=-0.5, brow_arch=5, crinkle=SKIN_DEEP, blush=(214, 118, 104), blush_dx=58)
LAYOUT_1989 = replace(LAYOUT, brow=hexc("8c5532"), brow_sh=hexc("744428"))

# His resting face is friendly and tired: brows a little up in the middle, a lopsided half smile from the gum.
EXPRESSIONS = {
    "neutral": Expression(brow_in=4, brow_out=0, lid=0.84, mouth_curve=3, mouth_w=0.88, mouth_shift=-4,
                          mouth_tilt=-4),
    "smiling": Expression(brow_in=5, brow_out=2, lid=0.74, low=0.55, mouth="smile", mouth_curve=8, mouth_w=1.08,
                          mouth_open=3, mouth_shift=-2, extras=("crinkle",)),
    "sad": Expression(brow_in=14, brow_out=-5, lid=0.64, gaze=(-0.15, 0.55), mouth_curve=-6, mouth_w=0.84),
    "surprised": Expression(brow_in=15, brow_out=14, lid=1.2, low=1.08, mouth="open", mouth_open=8, mouth_w=0.86),
    "guarded": Expression(brow_in=-6, brow_out=1, brow_knit=5, lid=0.58, gaze=(-0.6, 0.05), mouth="tight",
                          mouth_curve=-1.5, mouth_w=0.8),
    "thoughtful": Expression(brow_in=2, brow_out=-1, brow_in_r=9, brow_out_r=11, lid=0.78, gaze=(-0.6, -0.5),
                             mouth_curve=0, mouth_w=0.7, mouth_shift=-7, mouth_tilt=-4),
}


def hood(surf: pygame.Surface) -> None:
    """The parka's hood, folded down and bunched behind the neck; the collar and the neck cover the rest."""
    c = PARKA
    h = Shape(catmull([(314, 520), (324, 462), (372, 418), (460, 402), (548, 418), (596, 462), (606, 520),
                       (548, 486), (460, 476), (372, 486)], steps=6), c.cloth)
    h.tone([(470, 380), (640, 380), (640, 540), (470, 540)], c.shade)
    h.tone(catmull([(340, 470), (392, 432), (460, 422), (528, 432), (580, 470), (528, 454), (460, 446),
                    (392, 454)], steps=5), c.deep, 150)
    for pts in ([(350, 500), (372, 470), (410, 450)], [(510, 450), (548, 470), (570, 500)]):
        h.tone(stroke_pts(pts, 4), c.deep, 120)
    h.draw(surf)


def sweater(surf: pygame.Surface, opening: list) -> None:
    """Navy wool in the parka's open zip, a little pilled: it has done several winters."""
    s = Shape(opening, SWEATER)
    s.tone([(470, 380), (560, 380), (560, 720), (470, 720)], SWEATER_SH)
    for i in range(-3, 4):
        s.tone(stroke_pts([(460 + i * 18, 520), (460 + i * 17, 680)], 3), SWEATER_DEEP, 90)
    s.draw(surf)


def parka_details(surf: pygame.Surface) -> None:
    """Chest pockets with snapped flaps, and the drawstring gathered at the waist, its toggles hanging."""
    c = PARKA
    for side in (-1, 1):
        body, flap = (c.cloth, c.lit) if side < 0 else (c.shade, c.cloth)
        pocket = [(330, 736), (420, 730), (424, 850), (334, 856)]
        p = Shape(pocket if side < 0 else mirror(pocket), body)
        p.tone(stroke_pts([(334, 852), (424, 846)] if side < 0 else mirror([(334, 852), (424, 846)]), 4), c.deep, 140)
        p.draw(surf)
        f = [(322, 724), (428, 716), (430, 760), (378, 770), (326, 766)]
        fl = Shape(f if side < 0 else mirror(f), flap)
        fl.tone(stroke_pts([(326, 764), (378, 768), (430, 758)] if side < 0
                           else mirror([(326, 764), (378, 768), (430, 758)]), 5), c.deep, 170)
        fl.draw(surf)
        x = 378 if side < 0 else 920 - 378
        pygame.draw.circle(surf, c.deep, (x, 752), 7)
        pygame.draw.circle(surf, mix(c.zip, (255, 255, 255), 0.3), (x - 1, 750), 3)
    # The waist, drawn in: a channel of stitching and small gathers either side of the zip.
    poly(surf, stroke_pts([(300, 968), (460, 980), (620, 968)], 3), c.deep, 140)
    poly(surf, stroke_pts([(300, 994), (460, 1006), (620, 994)], 3), c.deep, 110)
    for x in (330, 360, 392, 528, 560, 590):
        poly(surf, stroke_pts([(x, 972), (x + 4, 1000)], 3), c.shade, 150)
    for x, dx in ((446, -6), (474, 8)):
        poly(surf, stroke_pts([(x, 990), (x + dx, 1050), (x + dx * 1.5, 1080)], 3), c.deep, 200)
        toggle = Shape(ellipse_pts(x + dx * 1.5, 1090, 7, 12, n=16), c.deep)
        toggle.tone(ellipse_pts(x + dx * 1.5 - 2, 1086, 3, 5, n=10), c.shade, 200)
        toggle.draw(surf)


def crew_and_collar(surf: pygame.Surface) -> None:
    """The sweater's ribbed crew neck, and over it the points of a button-down collar, one not quite flat."""
    poly(surf, catmull([(404, 448), (460, 462), (516, 448), (520, 462), (460, 478), (400, 462)], steps=5), OXFORD_SH)
    band = catmull([(394, 458), (460, 476), (526, 458), (532, 480), (460, 504), (388, 480)], steps=6)
    b = Shape(band, SWEATER)
    b.tone([(468, 430), (560, 430), (560, 520), (468, 520)], SWEATER_SH)
    for i in range(-6, 7):
        x = 460 + i * 10
        y = 486 - abs(i) * 3.0
        b.tone(stroke_pts([(x, y - 9), (x, y + 10)], 2.6), SWEATER_DEEP, 120)
    b.draw(surf)
    left = [(456, 474), (420, 462), (424, 504)]
    right = [(466, 474), (502, 460), (506, 494)]   # a little up: he slept in it
    poly(surf, catmull(left + [(446, 490)], steps=4), OXFORD)
    poly(surf, catmull(right + [(478, 488)], steps=4), OXFORD_SH)
    pygame.draw.circle(surf, mix(OXFORD, (255, 255, 255), 0.4), (426, 496), 3)
    pygame.draw.circle(surf, OXFORD, (502, 488), 3)


def trousers(surf: pygame.Surface) -> None:
    poly(surf, [(272, 1130), (648, 1130), (656, 1280), (264, 1280)], TROUSERS)
    poly(surf, [(452, 1190), (468, 1190), (472, 1280), (448, 1280)], TROUSERS_SH)
    poly(surf, [(560, 1130), (648, 1130), (656, 1280), (580, 1280)], TROUSERS_SH, 160)


def pressed_shirt(surf: pygame.Surface, opening: list) -> None:
    """A white shirt with the iron's creases still in it, and the jacket's tartan lining along the open front."""
    s = Shape(opening, SHIRT)
    s.tone([(468, 380), (600, 380), (600, 1200), (468, 1200)], SHIRT_SH)
    s.tone(stroke_pts([(458, 540), (460, 680), (462, 790)], 4), SHIRT_DEEP, 150)
    for y in (600, 720):
        s.tone(ellipse_pts(450, y, 4.5, 4.5, n=10), SHIRT_DEEP, 220)
    s.tone(stroke_pts([(428, 520), (436, 640)], 3), SHIRT_SH, 170)   # the iron's crease
    s.draw(surf)
    # The lining, a finger's width of it showing inside the collar where the fronts fall open.
    for side in (-1, 1):
        edge = [(460 + side * 66, 444), (460 + side * 54, 500), (460 + side * 42, 560), (460 + side * 36, 590)]
        inner = [(x - side * 10, y + 4) for x, y in edge[::-1]]
        lining = Shape(catmull(edge + inner, steps=4), TARTAN if side < 0 else mix(TARTAN, (0, 0, 0), 0.25))
        for k in range(4):
            y = 452 + k * 44
            lining.tone([(300, y), (620, y + 4), (620, y + 14), (300, y + 10)], TARTAN_DARK, 190)
            lining.tone([(300, y + 26), (620, y + 30), (620, y + 33), (300, y + 29)], TARTAN_LINE, 150)
        lining.draw(surf)


def open_collar(surf: pygame.Surface) -> None:
    """The shirt's collar, open at the throat (no tie since 1998), over the base of the neck."""
    throat = catmull([(424, 448), (496, 448), (484, 500), (460, 548), (436, 500)], steps=5)
    t = Shape(throat, SKIN_SH)
    t.tone([(400, 430), (520, 430), (520, 468), (400, 468)], SKIN_DEEP, 110)
    t.draw(surf)
    left = [(422, 438), (404, 468), (414, 518), (452, 496), (440, 458)]
    poly(surf, catmull(left, steps=5), SHIRT)
    poly(surf, catmull(mirror(left), steps=5), SHIRT_SH)
    poly(surf, stroke_pts([(404, 470), (414, 520)], 2.5), SHIRT_DEEP, 120)


def head(surf: pygame.Surface, young: bool = False) -> None:
    neck = Shape([(404, 344), (516, 344), (526, 474), (460, 488), (394, 474)], SKIN)
    neck.tone([(390, 344), (530, 344), (530, 440), (390, 410)], SKIN_SH)
    neck.tone([(494, 344), (540, 344), (540, 490), (500, 490)], SKIN_DEEP, 120)
    if not young:
        neck.tone(stroke_pts([(430, 430), (460, 440), (490, 430)], 3), SKIN_DEEP, 100)
    neck.draw(surf)
    # Ears that stand out a little from a short back and sides.
    ears(surf, 121, 282, 19, 33, SKIN, SKIN_SH, SKIN_DEEP, tilt=0.16)
    # A broad, open face, wider at the cheekbones than Stéphane's, the jaw square with soft corners.
    f = face_shape([(460, 122), (526, 130), (564, 168), (576, 232), (574, 300), (562, 352), (532, 394), (494, 414),
                    (460, 420), (426, 414), (388, 394), (358, 352), (346, 300), (344, 232), (356, 168), (394, 130)],
                   SKIN, [(526, 104), (610, 104), (610, 440), (470, 440), (526, 386), (548, 326), (548, 250),
                          (552, 180)], SKIN_SH)
    for side in (-1, 1):
        x = 460 + side * 45
        f.tone(ellipse_pts(x, 266, 33, 19, n=24), SKIN_SH, 85)
        # Tired: the shadow under each eye goes further in with him.
        f.tone(ellipse_pts(x, 290, 22, 7, n=20), SKIN_DEEP, 40 if young else 60)
    f.tone(ellipse_pts(398, 322, 34, 22, n=24), RUDDY, 26)
    f.tone(ellipse_pts(398, 322, 22, 14, n=20), RUDDY, 24)
    f.tone(ellipse_pts(524, 322, 30, 20, n=24), RUDDY, 22)
    f.tone(catmull([(420, 406), (460, 414), (500, 406), (494, 420), (460, 426), (426, 420)], steps=4), SKIN_SH, 90)
    f.tone(stroke_pts([(460, 398), (460, 410)], 3), SKIN_SH, 120)   # the cleft in the chin
    if not young:
        for side in (-1, 1):
            f.tone(stroke_pts([(460 + side * 28, 330), (460 + side * 44, 360), (460 + side * 48, 390)], 3),
                   SKIN_DEEP, 85)
            f.tone(stroke_pts([(460 + side * 30, 294), (460 + side * 46, 301), (460 + side * 62, 295)], 2.4),
                   SKIN_DEEP, 60)
            f.tone(stroke_pts([(460 + side * 96, 370), (460 + side * 92, 394)], 3), SKIN_DEEP, 55)
        for y, w in ((180, 44), (196, 36)):
            f.tone(stroke_pts([(460 - w, y + 3), (460, y - 1), (460 + w, y + 3)], 3), SKIN_SH, 150)
    # Freckles across the nose and the tops of the cheeks, faded with the years.
    rng = random.Random(1959)
    for _ in range(44):
        x, y = rng.uniform(388, 532), rng.uniform(288, 334)
        if abs(x - 460) > 40 and y < 296:
            continue
        if ((x - 460) / 72) ** 2 + ((y - 312) / 26) ** 2 > 1:
            continue
        r = rng.uniform(1.6, 2.8)
        f.tone(ellipse_pts(x, y, r, r * 0.9, n=8), FRECKLE, rng.randint(55, 95) if young else rng.randint(25, 50))
    f.draw(surf)
    # A short nose with a soft, slightly turned-up tip.
    nose(surf, [(468, 262), (484, 318), (478, 334), (464, 326)],
         [(434, 330), (460, 342), (488, 330), (478, 346), (442, 346)], [(438, 322), (448, 310), (460, 318),
         (448, 330)], SKIN, SKIN_SH, SKIN_DEEP, alpha=(190, 160, 150))


def hair(surf: pygame.Surface, young: bool = False) -> None:
    """Parted on his right, combed across, short over the ears; in 1989 ginger-brown, a crown that sticks up and a
    lock that falls on his forehead; now sandy grey and gone back at the temples."""
    base, shade, light = HAIR_1989 if young else (HAIR, HAIR_SH, HAIR_HI)
    if young:
        line = [(562, 254), (562, 210), (552, 178), (526, 162), (492, 160), (458, 154), (430, 150), (414, 146),
                (398, 158), (376, 180), (364, 212), (360, 254)]
        top = 0
    else:
        line = [(564, 250), (560, 212), (548, 190), (540, 156), (516, 144), (490, 150), (462, 146), (432, 142),
                (412, 142), (394, 154), (382, 192), (374, 212), (366, 250)]
        top = 10
    cap = [(352, 254), (344, 198), (350, 142), (378, 104 + top), (422, 82 + top), (470, 76 + top),
           (516, 84 + top), (552, 106 + top), (572, 144), (578, 198), (574, 254)] + line
    h = Shape(catmull(cap, steps=7), base)
    h.tone(catmull([(522, 70), (566, 104), (586, 170), (586, 260), (640, 260), (640, 70)], steps=6), shade)
    # The parting, and the comb's strokes sweeping across from it.
    h.tone(stroke_pts([(414, 148), (406, 116), (404, 90 + top)], 4, 2), shade, 200)
    for y0, y1 in ((108, 126), (126, 140), (92, 112)):
        h.tone(stroke_pts([(420, y0 + top), (470, y0 - 6 + top), (530, y1 + 4), (558, y1 + 30)], 4, 2.5), shade, 130)
    h.tone(stroke_pts([(364, 230), (356, 180), (372, 130)], 5, 2), shade, 120)
    h.tone(catmull([(362, 170), (376, 124), (404, 98 + top), (394, 124), (374, 160)], steps=5), light)
    h.tone(catmull([(424, 96 + top), (470, 86 + top), (508, 92 + top), (470, 100 + top)], steps=5), light, 170)
    h.draw(surf)
    if young:
        # A lock come loose over the forehead, and the crown that no comb has ever flattened.
        lock = Shape(catmull([(474, 150), (502, 148), (520, 162), (524, 184), (514, 192), (504, 174), (488, 162)],
                             steps=5), base)
        lock.tone(stroke_pts([(496, 156), (512, 168), (516, 186)], 3, 1.5), shade, 190)
        lock.draw(surf)
        for pts in ([(494, 84), (506, 52), (514, 86)], [(510, 86), (532, 62), (530, 94)],
                    [(478, 82), (482, 60), (494, 80)]):
            tuft = Shape(catmull(pts, steps=4), base)
            tuft.tone([(pts[1][0], 40), (560, 40), (560, 100), (pts[1][0], 100)], shade, 160)
            tuft.draw(surf)


def features(surf: pygame.Surface, ex: Expression, young: bool = False) -> None:
    """The expression on the face that draw() leaves blank."""
    face(surf, LAYOUT_1989 if young else LAYOUT, ex)


def draw(surf: pygame.Surface, young: bool = False) -> None:
    """The figure without a face; features() adds the expression."""
    if young:
        hood(surf)
        coat(surf, PARKA, sweater)
        parka_details(surf)
        head(surf, young=True)
        crew_and_collar(surf)
    else:
        trousers(surf)
        coat(surf, HARRINGTON, pressed_shirt)
        head(surf)
        open_collar(surf)
    hair(surf, young)

