"""Sophie Moreau: art student, early twenties, long black hair loose under a beret, an oversized grey coat over
a striped top, a sketchbook held in paint-stained fingers."""
from __future__ import annotations

from art_common import Shape, catmull, ellipse_pts, hexc, mix, poly, pygame, stroke_pts
from figure import EyeStyle, Expression, FaceLayout, face, hand, mirror

SKIN, SKIN_SH, SKIN_DEEP = hexc("e6b593"), hexc("c79273"), hexc("a36c55")
HAIR, HAIR_SH, HAIR_HI = hexc("211d22"), hexc("131115"), hexc("3d3844")
BERET, BERET_SH, BERET_HI = hexc("b0452c"), hexc("873220"), hexc("c9603f")
COAT, COAT_SH, COAT_DEEP, COAT_HI = hexc("8e9195"), hexc("717478"), hexc("575a5f"), hexc("a7aaae")
STRIPE, STRIPE_BG = hexc("2a3354"), hexc("eee8da")
BOOK, BOOK_SH, PAPER = hexc("2f4a3e"), hexc("22362d"), hexc("f1ead8")
PAINT = (hexc("2f62b8"), hexc("e2a62e"), hexc("d6452c"))

EYES = EyeStyle(half_w=23, lid_h=14.5, low_h=7, iris_r=10.4, white=hexc("f5eee4"), iris=hexc("4a2d1c"),
                pupil=hexc("140d0a"), lid=hexc("1d1517"), crease=hexc("b98068"), lash_w=6.0, flick=10)

LAYOUT = FaceLayout(eyes=EYES, eye_y=258, eye_dx=40, brow_y=224, brow_dx=42, brow_half_w=26, brow_thick=8,
                    brow=hexc("2a2225"), brow_sh=hexc("221b1e"), mouth_y=346, mouth_half_w=21,
                    mouth_line=hexc("7a2e33"), lip=hexc("bb6062"), inside=hexc("4a1a20"), teeth=hexc("f7f1e8"),
                    lip_h=10, eye_tilt=2.0, brow_arch=7, crinkle=SKIN_DEEP, blush=(226, 112, 108), blush_dx=50)

EXPRESSIONS = {
    "neutral": Expression(mouth_curve=0.5, mouth_w=0.9, gaze=(0.0, 0.05)),
    "smiling": Expression(brow_in=5, brow_out=2, lid=0.82, low=0.55, mouth="smile", mouth_curve=8, mouth_w=1.05,
                          mouth_open=3, blush=0.6),
    "sad": Expression(brow_in=16, brow_out=-6, lid=0.7, gaze=(-0.15, 0.6), mouth_curve=-7, mouth_w=0.78),
    "surprised": Expression(brow_in=18, brow_out=16, lid=1.26, low=1.1, mouth="open", mouth_open=10, mouth_w=0.88),
    "guarded": Expression(brow_in=-5, brow_out=1, brow_knit=4, lid=0.6, gaze=(-0.6, 0.1), mouth="tight",
                          mouth_curve=-2, mouth_w=0.7),
    "curious": Expression(brow_in=2, brow_out=3, brow_in_r=12, brow_out_r=17, lid=1.1, lid_r=1.16,
                          gaze=(0.5, -0.2), mouth_curve=2, mouth_w=0.7, mouth_shift=5, mouth_tilt=5),
}


def hair_back(surf: pygame.Surface) -> None:
    back = catmull([(460, 96), (544, 112), (588, 180), (600, 280), (604, 420), (600, 520), (460, 540),
                    (320, 520), (316, 420), (320, 280), (332, 180), (376, 112)], steps=8)
    h = Shape(back, HAIR_SH)
    h.draw(surf)


def neck(surf: pygame.Surface) -> None:
    n = Shape([(428, 330), (492, 330), (500, 460), (420, 460)], SKIN)
    n.tone([(410, 330), (510, 330), (512, 404), (410, 372)], SKIN_SH)
    n.draw(surf)


def coat(surf: pygame.Surface) -> None:
    """Borrowed-looking: dropped shoulders, wide lapels, worn open over a Breton top."""
    body = catmull([(404, 440), (320, 462), (236, 500), (210, 580), (208, 760), (222, 960), (226, 1120),
                    (220, 1280), (700, 1280), (694, 1120), (698, 960), (712, 760), (710, 580), (684, 500),
                    (600, 462), (516, 440)], steps=8)
    c = Shape(body, COAT)
    c.tone(catmull([(540, 420), (760, 420), (760, 1290), (560, 1290), (560, 1000), (548, 700)], steps=6), COAT_SH)
    c.tone([(190, 480), (262, 470), (256, 1290), (190, 1290)], COAT_HI, 140)
    # The Breton top down the open front: cream with navy bands, a boat neck.
    top = [(396, 446), (524, 446), (540, 700), (548, 1290), (372, 1290), (380, 700)]
    stripes = pygame.Surface((920, 1280), pygame.SRCALPHA)
    pygame.draw.polygon(stripes, STRIPE_BG, top)
    for y in range(470, 1290, 30):
        pygame.draw.polygon(stripes, STRIPE, [(360, y), (560, y), (560, y + 13), (360, y + 13)])
    c.tone_surface(stripes)
    c.tone([(470, 446), (560, 446), (560, 1290), (480, 1290)], COAT_DEEP, 60)
    c.draw(surf)


def lapels(surf: pygame.Surface) -> None:
    left = catmull([(398, 442), (330, 468), (292, 520), (318, 548), (296, 580), (356, 820), (388, 1000),
                    (380, 1280), (350, 1280), (330, 1000), (300, 760), (270, 560)], steps=6)
    lp = Shape(left, COAT_HI)
    lp.tone([(280, 580), (420, 580), (420, 1290), (280, 1290)], COAT)
    lp.tone(stroke_pts([(300, 556), (322, 540)], 5), COAT_DEEP, 200)
    lp.draw(surf)
    poly(surf, stroke_pts([(398, 446), (366, 640), (384, 900), (384, 1280)], 5, steps=6), COAT_DEEP, 150)
    rp = Shape(mirror(left), COAT_SH)
    rp.tone(stroke_pts(mirror([(300, 556), (322, 540)]), 5), COAT_DEEP, 220)
    rp.draw(surf)
    poly(surf, stroke_pts(mirror([(398, 446), (366, 640), (384, 900), (384, 1280)]), 5, steps=6), COAT_DEEP, 190)


def arms(surf: pygame.Surface) -> None:
    """Both arms bend in to hold the sketchbook against her front; big sleeves swallow the wrists."""
    left = catmull([(236, 500), (204, 560), (190, 700), (188, 840), (206, 930), (268, 968), (350, 960),
                    (356, 890), (300, 870), (270, 820), (270, 700), (276, 580)], steps=8)
    poly(surf, [(x + 10, y + 6) for x, y in left], COAT_DEEP, 130)
    a = Shape(left, COAT)
    a.tone([(170, 480), (220, 480), (214, 960), (170, 960)], COAT_HI)
    a.tone(stroke_pts([(214, 820), (248, 880), (300, 900)], 5), COAT_SH, 200)
    a.tone([(320, 860), (370, 860), (370, 980), (320, 980)], COAT_SH)
    a.draw(surf)
    poly(surf, stroke_pts([(276, 600), (270, 720), (276, 830), (310, 872), (350, 884)], 4, steps=6), COAT_DEEP, 170)
    right = mirror(left)
    poly(surf, [(x - 10, y + 6) for x, y in right], COAT_DEEP, 110)
    a = Shape(right, COAT_SH)
    a.tone(stroke_pts(mirror([(214, 820), (248, 880), (300, 900)]), 5), COAT_DEEP, 200)
    a.tone(mirror([(320, 860), (370, 860), (370, 980), (320, 980)]), COAT_DEEP, 200)
    a.draw(surf)
    poly(surf, stroke_pts(mirror([(276, 600), (270, 720), (276, 830), (310, 872), (350, 884)]), 4, steps=6),
         COAT_DEEP, 230)


def sketchbook(surf: pygame.Surface) -> None:
    book = [(318, 930), (604, 920), (612, 1120), (326, 1132)]
    poly(surf, [(x + 8, y + 8) for x, y in book], COAT_DEEP, 150)
    poly(surf, [(322, 922), (600, 912), (602, 932), (324, 942)], PAPER)
    b = Shape(book, BOOK)
    b.tone([(520, 900), (640, 900), (640, 1140), (530, 1140)], BOOK_SH)
    # Spiral binding along the top and a few stray brush marks on the cover.
    for x in range(340, 600, 22):
        b.tone(ellipse_pts(x, 934, 5, 7, n=10), mix(BOOK, PAPER, 0.5))
    b.tone(ellipse_pts(404, 1064, 17, 10, angle=-0.5, n=16), PAINT[1], 210)
    b.tone(stroke_pts([(420, 1040), (446, 1012)], 6), PAINT[1], 190)
    b.tone(stroke_pts([(500, 1000), (540, 1010)], 6), PAINT[0], 200)
    b.tone(ellipse_pts(566, 1080, 8, 6, n=12), PAINT[2], 220)
    b.draw(surf)
    hand(surf, 368, 914, 60, 88, -0.1, SKIN, SKIN_SH, SKIN_DEEP)
    hand(surf, 552, 906, 60, 88, 0.1, SKIN_SH, SKIN_DEEP, SKIN_DEEP)
    # Paint that did not wash off: smears across the fingers rather than neat dabs on the nails.
    for pts, w, col in (([(352, 966), (366, 978), (378, 972)], 9, PAINT[0]), ([(384, 950), (392, 964)], 7, PAINT[1]),
                        ([(540, 948), (556, 958)], 8, PAINT[2]), ([(566, 972), (578, 962)], 7, PAINT[0]),
                        ([(350, 930), (358, 938)], 6, PAINT[2])):
        poly(surf, stroke_pts(pts, w, w * 0.7, steps=4), col, 215)
    # The cuffs over the wrists.
    for pts, col in (([(312, 872), (366, 864), (378, 924), (320, 934)], COAT),
                     (mirror([(312, 872), (366, 864), (378, 924), (320, 934)]), COAT_SH)):
        poly(surf, catmull(pts, steps=4), col)
        poly(surf, stroke_pts([pts[3], pts[2]], 5), COAT_DEEP, 200)


def head(surf: pygame.Surface) -> None:
    for x in (362, 558):
        side = -1 if x < 460 else 1
        ear = Shape(ellipse_pts(x, 266, 14, 28, angle=side * 0.12, n=24), SKIN if side < 0 else SKIN_SH)
        ear.draw(surf)
    outline = catmull([(460, 118), (516, 126), (548, 164), (556, 226), (548, 292), (522, 344), (488, 380),
                       (460, 392), (432, 380), (398, 344), (372, 292), (364, 226), (372, 164), (404, 126)], steps=8)
    f = Shape(outline, SKIN)
    f.tone(catmull([(520, 100), (600, 100), (600, 420), (470, 420), (506, 366), (530, 300), (532, 230),
                    (540, 170)], steps=6), SKIN_SH)
    for ex in (-1, 1):
        f.tone(ellipse_pts(460 + ex * 40, 252, 31, 18, n=24), SKIN_SH, 60)
    f.draw(surf)
    poly(surf, catmull([(465, 252), (474, 300), (467, 314), (458, 305)], steps=6), SKIN_SH, 170)
    poly(surf, catmull([(446, 310), (460, 318), (474, 310), (467, 320), (452, 320)], steps=6), SKIN_DEEP, 150)


def hair_front(surf: pygame.Surface) -> None:
    """Parted in the middle and left loose: two long curtains over the shoulders and down the coat."""
    left = catmull([(462, 122), (420, 132), (386, 168), (370, 230), (374, 320), (392, 400), (400, 480),
                    (398, 580), (390, 680), (368, 720), (340, 690), (322, 600), (318, 480), (322, 360),
                    (326, 240), (344, 160), (396, 108), (456, 98)], steps=8)
    h = Shape(left, HAIR)
    h.tone(stroke_pts([(440, 112), (392, 140), (358, 220), (348, 340), (350, 480), (356, 620)], 9, 5), HAIR_HI)
    h.tone(stroke_pts([(380, 420), (378, 560), (370, 690)], 5, 3), HAIR_SH, 200)
    h.draw(surf)
    r = Shape(mirror(left), HAIR)
    r.tone(mirror([(320, 80), (420, 80), (420, 740), (300, 740)]), HAIR_SH, 150)
    r.tone(stroke_pts(mirror([(440, 112), (392, 140), (358, 220), (348, 340), (350, 480), (356, 620)]), 7, 4),
           HAIR_HI, 140)
    r.draw(surf)


def beret(surf: pygame.Surface) -> None:
    """Pulled down at her right and puffed up to her left, the way it slips when she bends over a drawing."""
    crown = catmull([(338, 152), (352, 104), (404, 68), (480, 52), (562, 62), (614, 90), (630, 122),
                     (604, 140), (540, 130), (470, 122), (404, 130), (356, 154)], steps=8)
    b = Shape(crown, BERET)
    b.tone(catmull([(520, 40), (640, 60), (660, 150), (560, 150), (520, 110), (560, 80)], steps=6), BERET_SH)
    b.tone(catmull([(372, 104), (420, 74), (480, 62), (440, 84), (400, 112)], steps=5), BERET_HI, 220)
    b.tone(stroke_pts([(344, 150), (404, 128), (470, 120), (540, 128), (608, 138)], 9, 7), BERET_SH, 230)
    b.draw(surf)
    poly(surf, stroke_pts([(484, 56), (490, 40)], 8, 6), BERET_SH)


def features(surf: pygame.Surface, ex: Expression) -> None:
    face(surf, LAYOUT, ex)


def draw(surf: pygame.Surface) -> None:
    """The figure without a face; features() adds the expression."""
    hair_back(surf)
    neck(surf)
    coat(surf)
    lapels(surf)
    arms(surf)
    sketchbook(surf)
    head(surf)
    hair_front(surf)
    beret(surf)
