"""Preview sheets for review (not game assets): each character's expressions side by side over a background."""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
from pathlib import Path

from art_common import ASSETS, ROOT, init, pygame, save_png


# Each set over the backgrounds it is seen against; the faces sheet uses the first.
SHEETS = {
    "vitaliy": ("vineyard_terrace", "vineyard_night"), "sophia": ("vineyard_terrace", "vineyard_night"),
    "vitaliy_young": ("berlin_1989",), "stephane_young": ("berlin_1989",), "marco_young": ("berlin_1989",),
    "irina": ("berlin_1989",), "grey_coat": ("paris_cafe_night", "seine_quays"),
    "halloran_young": ("berlin_1989",), "halloran": ("provence_garden",),
}


def background_picture(name: str) -> pygame.Surface:
    """A background as the game shows it: its Tiled map drawn by the game's own loader."""
    sys.path.insert(0, str(ROOT))
    from game.ui.backgrounds import load_background
    surf = pygame.Surface((1280, 720))
    load_background(ASSETS / "backgrounds" / f"{name}.tmx").draw(surf)
    return surf


def sheet(who: str, background: str, out: Path, face_zoom: bool = False) -> None:
    files = sorted((ASSETS / "characters" / who).glob("*.png"))
    sprites = [(f.stem, pygame.image.load(str(f))) for f in files]
    bg = background_picture(background)
    if face_zoom:
        # Head and shoulders at 2x so expression details can be judged.
        tiles = [pygame.transform.scale_by(s.subsurface((110, 20, 240, 200)), 2) for _, s in sprites]
        w, h = tiles[0].get_size()
        surf = pygame.transform.smoothscale(bg, (w * len(tiles), h))
        for i, t in enumerate(tiles):
            surf.blit(t, (i * w, 0))
    else:
        w, h = 460, 640
        surf = pygame.transform.smoothscale(bg, (w * len(sprites), int(w * len(sprites) * 720 / 1280)))
        surf = surf.subsurface((0, surf.get_height() - h, surf.get_width(), h)).copy()
        for i, (_, s) in enumerate(sprites):
            surf.blit(s, (i * w, 0))
    font = pygame.font.Font(None, 28)
    for i, (name, _) in enumerate(sprites):
        surf.blit(font.render(name, True, (255, 255, 255)), (i * w + 8, 8))
    save_png(surf, out)
    print("wrote", out)


def main() -> None:
    init()
    pygame.font.init()
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/sheets")
    for who, backgrounds in SHEETS.items():
        if not (ASSETS / "characters" / who).exists():
            continue
        for bg in backgrounds:
            sheet(who, bg, out / f"{who}_{bg}.png")
        sheet(who, backgrounds[0], out / f"{who}_faces.png", face_zoom=True)


if __name__ == "__main__":
    main()
