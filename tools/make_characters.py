"""Draw every character sprite (one figure, several expressions each) into assets/characters/, the three men
also as they were in Berlin in 1989 (the *_young sets), and the supporting figures: Irina, the man in the grey
coat, and Frank Halloran now and in 1989."""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

from dataclasses import dataclass
from types import ModuleType

from art_common import ASSETS, downscale_alpha, init, pygame, save_png

import sprite_grey_coat
import sprite_halloran
import sprite_irina
import sprite_marco
import sprite_sophia
import sprite_sophie
import sprite_sophie_carter
import sprite_stephane
import sprite_vitaliy

CANVAS = (920, 1280)   # drawn at twice the final size
FINAL = (460, 640)


@dataclass(frozen=True)
class Sprites:
    """One set of sprites: the module that draws the figure, and whether as he was in Berlin in 1989."""
    module: ModuleType
    young: bool = False


CHARACTERS: dict[str, Sprites] = {
    "vitaliy": Sprites(sprite_vitaliy), "sophia": Sprites(sprite_sophia),
    "stephane": Sprites(sprite_stephane), "sophie_carter": Sprites(sprite_sophie_carter),
    "marco": Sprites(sprite_marco), "sophie": Sprites(sprite_sophie),
    "vitaliy_young": Sprites(sprite_vitaliy, young=True),
    "stephane_young": Sprites(sprite_stephane, young=True),
    "marco_young": Sprites(sprite_marco, young=True),
    "irina": Sprites(sprite_irina), "grey_coat": Sprites(sprite_grey_coat),
    "halloran": Sprites(sprite_halloran), "halloran_young": Sprites(sprite_halloran, young=True),
}


def render(sprites: Sprites) -> dict[str, pygame.Surface]:
    module = sprites.module
    age = {"young": True} if sprites.young else {}   # the other figures have only one age
    base = pygame.Surface(CANVAS, pygame.SRCALPHA)
    base.fill((0, 0, 0, 0))
    module.draw(base, **age)
    out = {}
    for name, expression in module.EXPRESSIONS.items():
        canvas = base.copy()
        module.features(canvas, expression, **age)
        # Same grain seed for every mood so only the face differs between files.
        out[name] = downscale_alpha(canvas, FINAL, grain_seed=sum(map(ord, module.__name__)))
    return out


def main(names: list[str]) -> None:
    init()
    for who in names or list(CHARACTERS):
        for mood, sprite in render(CHARACTERS[who]).items():
            path = ASSETS / "characters" / who / f"{mood}.png"
            save_png(sprite, path)
            print("wrote", path)


if __name__ == "__main__":
    main(sys.argv[1:])
