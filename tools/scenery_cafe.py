"""Marco's café on the Left Bank, by morning light and after closing: one room, drawn once, lit twice."""
from __future__ import annotations

import math
import random

from art_common import bbox, ellipse_pts, glow, hexc, mix, pygame, vgradient
from scenery_cafe_props import (BAYS, CEIL, COUNTER_H, DEPTH, HX, ROOM, back_bar, banquette, bistro, cabinet, chair,
                                chalkboard,
                                counter, espresso_machine, pendant, record_player)
from scenery_room import H, W, Camera, dim_band, fill, oval_glow, rect, relight, vignette, window_light
from tiled_layers import Strata, cut, finish, note

STREET_DAY = {
    "sky": [(0.0, hexc("a8c8e0")), (1.0, hexc("e8e4d4"))], "stone": hexc("ecd8b4"), "stone_shade": hexc("c8ae8c"),
    "window": hexc("5a6a78"), "window_hi": hexc("a8b8c4"), "iron": hexc("2a2a2e"), "roof": hexc("6a7a8a"),
    "pavement": hexc("c8c0b0"), "road": hexc("8a8a88"), "awning": hexc("2e6a4a"), "awning_b": hexc("f0e8d4"),
    "tree": hexc("5a7a3a"), "tree_hi": hexc("8aaa4a"), "trunk": hexc("8a8070"), "lamp": hexc("2a2a2e"),
    "light": None,
}

STREET_NIGHT = {
    "sky": [(0.0, hexc("0a1230")), (1.0, hexc("1c2a52"))], "stone": hexc("24305a"), "stone_shade": hexc("1a2448"),
    "window": hexc("141c3a"), "window_hi": hexc("ffc060"), "iron": hexc("0c1024"), "roof": hexc("121a38"),
    "pavement": hexc("2a3660"), "road": hexc("1a2448"), "awning": hexc("142a30"), "awning_b": hexc("2a3450"),
    "tree": hexc("121c34"), "tree_hi": hexc("1e2c4a"), "trunk": hexc("1a2240"), "lamp": hexc("0c1024"),
    "light": hexc("ffd488"),
}


# ---------------------------------------------------------------- the street seen through the glass

def street_view(cam: Camera, st: dict, rng: random.Random) -> pygame.Surface:
    """The far side of the street as one picture, later shown only through the panes."""
    s = pygame.Surface((W, H))
    vgradient(s, pygame.Rect(0, 0, W, cam.hy), st["sky"])
    zf = 22.0
    # The opposite facade: cut stone, tall windows with iron balconies, a zinc mansard roof.
    top_h = 17.0
    (x0, y_top), (x1, y_base) = cam.p(-30, top_h, zf), cam.p(30, 0, zf)
    fill(s, rect(x0, y_top, x1, y_base), st["stone"])
    fill(s,
         [cam.p(-30, top_h, zf), cam.p(30, top_h, zf), cam.p(30, top_h + 2.8, zf + 2), cam.p(-30, top_h + 2.8, zf + 2)],
         st["roof"])
    k = cam.k(zf)
    for floor in range(5):
        h = 4.4 + floor * 2.9
        fill(s, rect(x0, cam.p(0, h - 0.2, zf)[1], x1, cam.p(0, h - 0.35, zf)[1]), st["stone_shade"])
        for i in range(-12, 13):
            wx = i * 2.4
            (a, b), (c, d) = cam.p(wx - 0.55, h + 2.1, zf), cam.p(wx + 0.55, h, zf)
            lit = st["light"] is not None and rng.random() < 0.25
            fill(s, rect(a, b, c, d), st["window_hi"] if lit else st["window"])
            if not lit:
                fill(s, rect(a, b, a + (c - a) * 0.3, d), mix(st["window"], st["window_hi"], 0.35))
            if floor in (0, 3):
                fill(s, rect(a - 0.15 * k, d - 0.7 * k, c + 0.15 * k, d - 0.62 * k), st["iron"])
                for j in range(7):
                    bx = a - 0.1 * k + j * (c - a + 0.2 * k) / 6
                    fill(s, rect(bx, d - 0.7 * k, bx + 0.04 * k, d), st["iron"])
    # Ground floor: a shop with a striped awning.
    fill(s, rect(x0, cam.p(0, 4.2, zf)[1], x1, y_base), st["stone_shade"])
    for i in range(-6, 7):
        (a, b), (c, d) = cam.p(i * 4.8 - 1.6, 3.4, zf), cam.p(i * 4.8 + 1.6, 0.3, zf)
        fill(s, rect(a, b, c, d), st["window"])
        if st["light"] is not None and i % 4 == 1:
            fill(s, rect(a, b, c, d), mix(st["window"], st["light"], 0.3))
            for j in range(1, 4):
                fill(s, rect(a + (c - a) * j / 4 - 2, b, a + (c - a) * j / 4 + 2, d), st["window"])
    for i in range(-10, 10):
        aw = [cam.p(i * 0.8, 3.8, zf - 1.6), cam.p(i * 0.8 + 0.8, 3.8, zf - 1.6), cam.p(i * 0.8 + 0.8, 4.3, zf),
              cam.p(i * 0.8, 4.3, zf)]
        fill(s, aw, st["awning"] if i % 2 else st["awning_b"])
    # Pavement and road.
    fill(s, [cam.p(-30, 0, zf), cam.p(30, 0, zf), cam.p(30, 0, 12), cam.p(-30, 0, 12)], st["pavement"])
    fill(s, [cam.p(-30, 0, 16.5), cam.p(30, 0, 16.5), cam.p(30, 0, 7.5), cam.p(-30, 0, 7.5)], st["road"])
    fill(s, [cam.p(-30, 0, 10), cam.p(30, 0, 10), cam.p(30, 0, 7.0), cam.p(-30, 0, 7.0)], st["pavement"])
    # A plane tree and a lamp post on our pavement, just outside.
    tx, ty = cam.p(1.6, 0, 9.5)
    kk = cam.k(9.5)
    fill(s, [(tx - 0.18 * kk, ty), (tx - 0.14 * kk, ty - 4 * kk), (tx + 0.14 * kk, ty - 4 * kk), (tx + 0.18 * kk, ty)],
         st["trunk"])
    for _ in range(30):
        cx, cy = tx + rng.uniform(-2.5, 2.5) * kk, ty - rng.uniform(4.2, 7.0) * kk
        r = rng.uniform(0.6, 1.1) * kk
        fill(s, ellipse_pts(cx, cy, r, r * 0.8, n=16), mix(st["tree"], st["tree_hi"], rng.random()))
    lx, ly = cam.p(-1.6, 0, 17.5)
    kk = cam.k(17.5)
    fill(s, rect(lx - 0.06 * kk, ly - 3.6 * kk, lx + 0.06 * kk, ly), st["lamp"])
    fill(s, [(lx - 0.25 * kk, ly - 3.6 * kk), (lx + 0.25 * kk, ly - 3.6 * kk), (lx + 0.15 * kk, ly - 4.2 * kk),
             (lx - 0.15 * kk, ly - 4.2 * kk)], st["lamp"])
    if st["light"] is not None:
        fill(s, rect(lx - 0.16 * kk, ly - 4.1 * kk, lx + 0.16 * kk, ly - 3.7 * kk), st["light"])
        glow(s, (lx, ly - 3.9 * kk), int(2.2 * kk), st["light"], 130, add=True)
        oval_glow(s, (lx, ly), 2.5 * kk, 0.5 * kk, st["light"], 80)
    return s


# ---------------------------------------------------------------- the room

def shell(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """Ceiling, floor of small chequered tiles, the side walls with their wainscot and the cornice."""
    zn = 1.0
    ceiling = pygame.Rect(0, 0, W, int(cam.p(0, CEIL, DEPTH)[1]) + 2)
    vgradient(surf, ceiling, [(0.0, pal["ceiling"]), (1.0, pal["ceiling_far"])])
    fill(surf, cam.ps([(-HX, CEIL, zn), (-HX, CEIL, DEPTH), (-HX, 0, DEPTH), (-HX, 0, zn)]), pal["plaster"])
    fill(surf, cam.ps([(HX, CEIL, zn), (HX, CEIL, DEPTH), (HX, 0, DEPTH), (HX, 0, zn)]), pal["plaster"])
    # Chequered floor.
    t = 0.32
    fill(surf, cam.ps([(-HX, 0, zn), (HX, 0, zn), (HX, 0, DEPTH), (-HX, 0, DEPTH)]), pal["tile_a"])
    zi = 0
    z = DEPTH
    while z > zn:
        x = -HX
        xi = 0
        while x < HX:
            if (xi + zi) % 2:
                fill(surf, cam.ps([(x, 0, z - t), (x + t, 0, z - t), (x + t, 0, z), (x, 0, z)]), pal["tile_b"])
            x += t
            xi += 1
        z -= t
        zi += 1
    # A moulded frame on the ceiling, and the cornice where the walls meet it.
    for inset, col in ((0.45, pal["cornice"]), (0.55, pal["ceiling"])):
        fill(surf, cam.ps([(-HX + inset, CEIL, zn), (HX - inset, CEIL, zn), (HX - inset, CEIL, DEPTH - inset),
                           (-HX + inset, CEIL, DEPTH - inset)]), col)
    fill(surf, cam.ps([(-HX + 0.55, CEIL, zn), (HX - 0.55, CEIL, zn), (HX - 0.55, CEIL, DEPTH - 0.55),
                       (-HX + 0.55, CEIL, DEPTH - 0.55)]), mix(pal["ceiling"], pal["ceiling_far"], 0.3))
    for side in (-1, 1):
        fill(surf, cam.ps([(side * HX, CEIL, zn), (side * HX, CEIL, DEPTH), (side * HX, CEIL - 0.25, DEPTH),
                           (side * HX, CEIL - 0.25, zn)]), pal["cornice"])
    # Right wall: dark wood wainscot under cream plaster, a mirror strip and the banquette against it.
    fill(surf, cam.ps([(HX, 0, zn), (HX, 1.15, zn), (HX, 1.15, DEPTH), (HX, 0, DEPTH)]), pal["wood"])
    fill(surf, cam.ps([(HX, 1.15, zn), (HX, 1.22, zn), (HX, 1.22, DEPTH), (HX, 1.15, DEPTH)]), pal["wood_lit"])
    for z0 in (1.2, 2.4, 3.6, 4.8, 6.0):
        fill(surf, cam.ps([(HX, 1.45, z0 + 0.1), (HX, 2.6, z0 + 0.1), (HX, 2.6, z0 + 1.0), (HX, 1.45, z0 + 1.0)]),
             pal["wood_dark"])
        fill(surf, cam.ps([(HX, 1.5, z0 + 0.14), (HX, 2.55, z0 + 0.14), (HX, 2.55, z0 + 0.96), (HX, 1.5, z0 + 0.96)]),
             pal["mirror"])
        fill(surf, cam.ps([(HX, 1.5, z0 + 0.5), (HX, 2.55, z0 + 0.7), (HX, 2.55, z0 + 0.8), (HX, 1.5, z0 + 0.6)]),
             mix(pal["mirror"], (255, 255, 255), 0.35))


def show_through(surf: pygame.Surface, view: pygame.Surface, q: list) -> None:
    """Copy the part of another picture that shows through a polygon (a pane of glass)."""
    r = bbox(q, pad=1).clip(surf.get_rect())
    cut = pygame.Surface(r.size, pygame.SRCALPHA)
    cut.blit(view, (0, 0), r)
    mask = pygame.Surface(r.size, pygame.SRCALPHA)
    pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - r.x, y - r.y) for x, y in q])
    cut.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    surf.blit(cut, r.topleft)


def back_wall(surf: pygame.Surface, cam: Camera, pal: dict, view: pygame.Surface) -> list[list]:
    """The shopfront seen from inside: painted wood piers round three tall panes and a glazed door."""
    z = DEPTH
    fill(surf, cam.ps([(-HX, 0, z), (HX, 0, z), (HX, CEIL, z), (-HX, CEIL, z)]), pal["front"])
    panes = []
    bays = BAYS
    for i, (a, b) in enumerate(bays):
        h0 = 0.05 if i == 2 else 0.75
        q = cam.ps([(a, h0, z), (b, h0, z), (b, 3.1, z), (a, 3.1, z)])
        panes.append(q)
        show_through(surf, view, q)
        # Glazing bars, and a transom over each.
        fill(surf, cam.ps([(a, 2.55, z), (b, 2.55, z), (b, 2.62, z), (a, 2.62, z)]), pal["front"])
        if i == 2:
            fill(surf, cam.ps([(a, 1.0, z), (b, 1.0, z), (b, 1.08, z), (a, 1.08, z)]), pal["front"])
            hx, hy = cam.p(a + 0.12, 1.2, z)
            fill(surf, rect(hx - 4, hy - 30, hx + 4, hy + 30), pal["brass"])
        fill(surf, cam.ps([(a - 0.05, h0 - 0.05, z), (b + 0.05, h0 - 0.05, z), (b + 0.05, h0, z), (a - 0.05, h0, z)]),
             pal["front_lit"])
    # The lower panels under the windows, moulded.
    for i, (a, b) in enumerate(bays):
        if i == 2:
            continue
        fill(surf, cam.ps([(a + 0.1, 0.12, z), (b - 0.1, 0.12, z), (b - 0.1, 0.62, z), (a + 0.1, 0.62, z)]),
             pal["front_dark"])
    fill(surf, cam.ps([(-HX, 3.1, z), (HX, 3.1, z), (HX, 3.2, z), (-HX, 3.2, z)]), pal["front_lit"])
    fill(surf, cam.ps([(-HX, CEIL - 0.25, z), (HX, CEIL - 0.25, z), (HX, CEIL, z), (-HX, CEIL, z)]), pal["cornice"])
    return panes


def cafe(night: bool, strata: Strata | None = None) -> pygame.Surface:
    rng = random.Random(9909)
    pal = ROOM
    surf = pygame.Surface((W, H))
    cam = Camera(1180, 760, 1000, 1.55)
    view = street_view(cam, STREET_NIGHT if night else STREET_DAY, random.Random(9910))
    if strata is not None:  # the street as a layer of its own, seen through the glass of the room's layer
        surf.blit(view, (0, 0))
        cut(strata, "street", surf)
    shell(surf, cam, pal, rng)
    panes = back_wall(surf, cam, pal, view)
    back_bar(surf, cam, pal, rng)
    banquette(surf, cam, pal)
    chalkboard(surf, cam, pal, rng)
    cabinet(surf, cam, pal, 0.7, 1.7, 6.5, 0.8)
    cut(strata, "room", surf)
    tables = [(2.5, 5.6), (0.4, 4.9), (2.45, 3.6), (-0.6, 3.4)]
    for i, (tx, tz) in enumerate(sorted(tables, key=lambda t: -t[1])):
        if night:
            bistro(surf, cam, pal, tx, tz)
            chair(surf, cam, pal, tx - 0.05, tz + 0.08, math.pi / 2 + 0.3 * (i % 2), on_table=0.74)
            chair(surf, cam, pal, tx + 0.1, tz - 0.1, -math.pi / 2 + 0.2, on_table=0.74)
        else:
            chair(surf, cam, pal, tx + 0.15, tz + 0.5, -math.pi / 2 + 0.35 * (1 if i % 2 else -1))
            bistro(surf, cam, pal, tx, tz)
            chair(surf, cam, pal, tx - 0.2, tz - 0.55, math.pi / 2 - 0.3)
            if i % 2 == 0:
                cx, cy = cam.p(tx + 0.08, 0.74, tz - 0.05)
                k = cam.k(tz)
                fill(surf, ellipse_pts(cx, cy, 0.07 * k, 0.02 * k, n=16), pal["cup"])
                fill(surf, rect(cx - 0.035 * k, cy - 0.07 * k, cx + 0.035 * k, cy - 0.01 * k), pal["cup"])
                note(strata, "steam", cx, cy - 0.07 * k, 0.07 * k)
    cut(strata, "tables", surf)
    counter(surf, cam, pal)
    espresso_machine(surf, cam, pal, 5.0)
    mx, my = cam.p(-3.05, COUNTER_H, 5.0)
    mk = cam.k(5.0) * 1.35   # as espresso_machine draws it; the cup under its right-hand group head
    note(strata, "steam", mx + 0.15 * mk, my - 0.1 * mk, 0.07 * mk)
    record_player(surf, cam, pal, -2.95, 3.6, COUNTER_H)
    lamps = [(-2.9, 4.3), (0.6, 4.6), (2.4, 3.0)]
    globes = [pendant(surf, cam, pal, x, z, 0.95, lit=night and i == 0) for i, (x, z) in enumerate(lamps)]
    gx, gy = globes[0]
    note(strata, "globe", gx, gy)

    def after_closing(s: pygame.Surface) -> None:
        relight(s, hexc("46506e"), [((gx, gy + 260), 1300, 900, hexc("ffb060"), 255),
                                    ((gx - 120, gy + 420), 700, 360, hexc("ffc070"), 160),
                                    (cam.p(-1.0, 0, 9.0), 1400, 500, hexc("303c66"), 120)], keep=panes)
        glow(s, (gx, gy), 260, pal["globe_glow"], 150, falloff=2.0, add=True)
        glow(s, (gx, gy), 70, pal["globe"], 200, falloff=1.4, add=True)
        dim_band(s, 1100, H, hexc("0a0c18"), 0, 110)
        vignette(s, 0.55, center=(gx + 200, gy + 300), reach=1.1, tint=hexc("101428"))

    def morning(s: pygame.Surface) -> None:
        # Morning sun comes in low through the street windows and lays bright panes across the tiles.
        def floor_hit(x: float, h: float) -> tuple:
            t = h / 0.75
            return (x + 0.3 * t, 0.0, DEPTH - t)

        for (a, b), h0 in zip(BAYS, (0.75, 0.75, 0.05, 0.75)):
            sh = cam.ps([floor_hit(a, h0), floor_hit(b, h0), floor_hit(b, 3.1), floor_hit(a, 3.1)])
            window_light(s, sh, hexc("fff0c8"), 110)
        relight(s, hexc("fff4e4"), [])
        dim_band(s, 1150, H, hexc("3a2a20"), 0, 70)
        vignette(s, 0.3, center=(1300, 600), reach=1.1, tint=hexc("5a4030"))
    return finish(strata, "counter", surf, after_closing if night else morning)


def paris_cafe_day(strata: Strata | None = None) -> pygame.Surface:
    return cafe(night=False, strata=strata)


def paris_cafe_night(strata: Strata | None = None) -> pygame.Surface:
    return cafe(night=True, strata=strata)
