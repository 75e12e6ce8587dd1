"""Puts one Tiled background together: the painting's layers, tilesets, tile layers, animated objects, stage."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from art_common import pygame, save_png
from tiled_layers import Cutout, Strata, layers
from tiled_motion import FLAME_CENTRE, FLAME_TILE, HALO_TILE, STEAM_TILE, Sheet
from tiled_tiles import STAR_FRAMES, STAR_KINDS, star_sheet
from tiled_xml import ImageLayer, Layer, MapObject, ObjectGroup, TileLayer, Tileset, tmx_text, tsx_text, write_text

FINAL = (1280, 720)
# Where characters stand unless a map says otherwise: the stage's own slots (game/ui/stage.py), feet on the
# bottom edge, so a figure stands where it stood on the flat picture.
STAGE = (("left", 307, 720), ("center", 640, 720), ("right", 973, 720))
# Every star rests, then flares through three frames of a quarter of a second each. All of its times are whole
# quarters, so however many stars twinkle, the sky changes at most four times a second: each change is a step
# of the game's loop, and a step costs the same for one star as for several (docs/performance.md, "Idle"). No
# two of the 24 tiles rest as long, so no two keep step. REST[kind][phase], in quarters of a second.
QUARTER = 250
REST = ((7, 12, 17, 22), (9, 14, 19, 24), (5, 10, 15, 20), (11, 16, 21, 26), (8, 13, 18, 23), (6, 25, 27, 28))


def star_animations() -> dict[int, list[tuple[int, int]]]:
    animations = {}
    for kind in range(STAR_KINDS):
        first = kind * STAR_FRAMES
        for phase in range(STAR_FRAMES):
            animations[first + phase] = [(first, REST[kind][phase] * QUARTER), (first + 1, QUARTER),
                                         (first + 2, QUARTER), (first + 3, QUARTER)]
    return animations


@dataclass
class Build:
    """A map being made: where it goes, its grid, its painted layers and what the map adds over them."""

    name: str
    out: Path                          # the backgrounds folder the .tmx goes in
    tile: tuple[int, int]
    cutouts: list[Cutout] = field(default_factory=list)
    notes: dict[str, list[tuple[float, ...]]] = field(default_factory=dict)
    standins: dict[str, Callable[[pygame.Surface], None]] = field(default_factory=dict)
    tilesets: list[tuple[int, str]] = field(default_factory=list)
    inserts: dict[str, list[Layer]] = field(default_factory=dict)
    lights: list[MapObject] = field(default_factory=list)
    stage: list[MapObject] = field(default_factory=lambda: [MapObject(x, y, n, point=True) for n, x, y in STAGE])
    next_gid: int = 1
    pictures: dict[int, tuple[pygame.Surface, tuple[int, int], int]] = field(default_factory=dict)

    @property
    def grid(self) -> tuple[int, int]:
        return FINAL[0] // self.tile[0], FINAL[1] // self.tile[1]

    def empty(self) -> list[list[int]]:
        return [[0] * self.grid[0] for _ in range(self.grid[1])]

    def paint(self, painter: Callable[[Strata], object], seed: int) -> None:
        """Paint the background into strata (with this map's stand-ins) and cut its layers."""
        strata = Strata(standins=self.standins)
        painter(strata)
        self.cutouts, self.notes = layers(strata, FINAL, seed), strata.notes

    def add_tileset(self, file: str, picture: pygame.Surface, tile: tuple[int, int],
                    animations: Optional[dict[int, list[tuple[int, int]]]] = None) -> int:
        """Write tiles/<file>.png and .tsx and give the tileset its first gid in this map."""
        save_png(picture, self.out / "tiles" / f"{file}.png")
        ts = Tileset(file, tile, f"{file}.png", picture.get_size(), animations or {})
        write_text(self.out / "tiles" / f"{file}.tsx", tsx_text(ts))
        first = self.next_gid
        self.tilesets.append((first, f"tiles/{file}.tsx"))
        self.next_gid += ts.tilecount
        self.pictures[first] = (picture, tile, ts.columns)
        return first

    def rendered(self, layer: TileLayer) -> pygame.Surface:
        """A tile layer drawn as Tiled draws it (each tile on its cell's bottom edge), at the map's size."""
        surf = pygame.Surface(FINAL, pygame.SRCALPHA)
        surf.fill((0, 0, 0, 0))
        for r, row in enumerate(layer.grid):
            for c, gid in enumerate(row):
                if not gid:
                    continue
                first = max(f for f in self.pictures if f <= gid)
                picture, (tw, th), columns = self.pictures[first]
                index = gid - first
                source = pygame.Rect((index % columns) * tw, (index // columns) * th, tw, th)
                pos = (c * self.tile[0] + layer.offset[0], (r + 1) * self.tile[1] - th + layer.offset[1])
                surf.blit(picture, pos, source)
        return surf

    def stand_in(self, name: str, layer: TileLayer) -> None:
        """Let the painter draw this tile layer where it would paint that part itself (see Strata.stand_in)."""
        def draw(surf: pygame.Surface) -> None:
            surf.blit(pygame.transform.smoothscale(self.rendered(layer), surf.get_size()), (0, 0))
        self.standins[name] = draw

    def add_sheet(self, sheet: Sheet) -> int:
        return self.add_tileset(f"{self.name}_{sheet.name}", sheet.picture, sheet.tile, sheet.animations)

    def add_stars(self) -> int:
        return self.add_tileset("stars", star_sheet(), (32, 32), star_animations())

    def above(self, layer: str, new: Layer) -> None:
        """Put a tile layer right above the painted layer of that name."""
        self.inserts.setdefault(layer, []).append(new)

    def clear(self, rect: pygame.Rect, under: str) -> bool:
        """Whether no painted layer above `under` covers rect (so a tile there is not hidden); a faint glow
        or haze over it does not count."""
        names = [c.name for c in self.cutouts]
        for cut in self.cutouts[names.index(under) + 1:]:
            area = rect.move(-cut.offset[0], -cut.offset[1]).clip(cut.picture.get_rect())
            if area.width and area.height:
                if pygame.mask.from_surface(cut.picture.subsurface(area), 60).count():
                    return False
        return True

    # ---------------------------------------------------------------- things that move

    def flame(self, gid: int, x2: float, y2: float, height2: float, clock: int) -> None:
        """A candle flame tile over a painted one (noted at the painting's double size), a little larger."""
        scale = height2 / 2 * 1.25 / 14
        w, h = FLAME_TILE[0] * scale, FLAME_TILE[1] * scale
        self.lights.append(MapObject(round(x2 / 2 - FLAME_CENTRE[0] * scale, 1),
                                     round(y2 / 2 + (FLAME_TILE[1] - FLAME_CENTRE[1]) * scale, 1),
                                     width=round(w, 1), height=round(h, 1), gid=gid + clock % 3, class_="flame"))

    def halo(self, gid: int, x2: float, y2: float, radius2: float, clock: int = 0) -> None:
        scale = radius2 / 2 / (HALO_TILE[0] * 0.48)
        size = HALO_TILE[0] * scale
        self.lights.append(MapObject(round(x2 / 2 - size / 2, 1), round(y2 / 2 + size / 2, 1), width=round(size, 1),
                                     height=round(size, 1), gid=gid + clock % 2, class_="halo"))

    def steam(self, gid: int, x2: float, y2: float, width2: float, clock: int) -> None:
        scale = max(0.6, width2 / 2 / 9)
        w, h = STEAM_TILE[0] * scale, STEAM_TILE[1] * scale
        self.lights.append(MapObject(round(x2 / 2 - w / 2, 1), round(y2 / 2 + 5 * scale, 1), width=round(w, 1),
                                     height=round(h, 1), gid=gid + clock % 2, class_="steam"))

    # ---------------------------------------------------------------- tile layers by scattering

    def scatter(self, name: str, under: str, gids: Callable[[int], int], cells: list[tuple[int, int]],
                count: int, rng: random.Random, size: tuple[int, int] = (32, 32), apart: int = 1,
                opacity: float = 1.0) -> TileLayer:
        """Up to count tiles on the given cells, never side by side and never where a layer above hides them."""
        cells = list(cells)
        rng.shuffle(cells)
        chosen: list[tuple[int, int]] = []
        for c, r in cells:
            if any(abs(c - c2) <= apart and abs(r - r2) <= apart for c2, r2 in chosen):
                continue
            rect = pygame.Rect(c * self.tile[0], (r + 1) * self.tile[1] - size[1], size[0], size[1])
            if not self.clear(rect, under):
                continue
            chosen.append((c, r))
            if len(chosen) == count:
                break
        grid = self.empty()
        for i, (c, r) in enumerate(sorted(chosen)):
            grid[r][c] = gids(i)
        layer = TileLayer(name, grid, opacity=opacity)
        self.above(under, layer)
        return layer

    def cells(self, box: tuple[int, int, int, int]) -> list[tuple[int, int]]:
        """The grid cells whose tiles would sit inside a box of map pixels (x0, y0, x1, y1)."""
        x0, y0, x1, y1 = box
        return [(c, r) for r in range(self.grid[1]) for c in range(self.grid[0])
                if x0 <= c * self.tile[0] and (c + 1) * self.tile[0] <= x1
                and y0 <= r * self.tile[1] and (r + 1) * self.tile[1] <= y1]

    # ---------------------------------------------------------------- the file

    def write(self, background: str, light: str | None = None) -> Path:
        layers_: list[Layer] = []
        for cut in self.cutouts:
            rel = f"layers/{self.name}/{cut.name}.png"
            save_png(cut.picture, self.out / rel)
            layers_.append(ImageLayer(cut.name, rel, cut.picture.get_size(), offset=cut.offset))
            layers_ += self.inserts.get(cut.name, [])
        if self.lights:
            layers_.append(ObjectGroup("lights", self.lights))
        layers_.append(ObjectGroup("stage", self.stage))
        path = self.out / f"{self.name}.tmx"
        write_text(path, tmx_text(self.grid, self.tile, self.tilesets, layers_, background=background,
                                     light=light))
        return path

