"""Draw every character sprite (one figure, several expressions each) into assets/characters/."""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

from types import ModuleType

from art_common import ASSETS, downscale_alpha, init, pygame, save_png

import sprite_marco
import sprite_sophia
import sprite_sophie
import sprite_sophie_carter
import sprite_stephane
import sprite_vitaliy

CANVAS = (920, 1280)   # drawn at twice the final size
FINAL = (460, 640)
CHARACTERS: dict[str, ModuleType] = {
    "vitaliy": sprite_vitaliy, "sophia": sprite_sophia,
    "stephane": sprite_stephane, "sophie_carter": sprite_sophie_carter,
    "marco": sprite_marco, "sophie": sprite_sophie,
}


def render(module: ModuleType) -> dict[str, pygame.Surface]:
    base = pygame.Surface(CANVAS, pygame.SRCALPHA)
    base.fill((0, 0, 0, 0))
    module.draw(base)
    out = {}
    for name, expression in module.EXPRESSIONS.items():
        canvas = base.copy()
        module.features(canvas, expression)
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
