"""How the story's words are shown, from the player's settings: their size, their face, the text box's opacity,
high contrast and reduced motion. The text box, the choice menus and the stage read one of these."""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from . import theme

# The faces a player may read the story in: (fontpkg face, what the Settings screen calls it).
FACES = (
    (theme.TEXT_FACE, "Lora (serif)"),
    ("atkinson-hyperlegible", "Atkinson Hyperlegible (sans)"),
)
HIGH_CONTRAST_INK = (255, 255, 255)   # on the opaque INK box: about 18:1
HIGH_CONTRAST_BACK = (0, 0, 0)


def face_name(face: str) -> str:
    return dict(FACES).get(face, face)


def usable(face: str) -> bool:
    """The face's package is installed and its file is there."""
    try:
        theme.font_path(face)
        return True
    except theme.FontMissing:
        return False


@dataclass(frozen=True)
class Reading:
    scale: float = 1.0                # text size: 1.0 to 2.0
    face: str = theme.TEXT_FACE       # the story's words
    box_alpha: int = 230              # the text box's opacity, 0-255 (Settings' 90%)
    high_contrast: bool = False
    reduced_motion: bool = False

    @classmethod
    def of(cls, settings) -> Reading:
        """The reading the player's settings ask for; a face whose package is gone falls back to Lora."""
        face = settings.text_face if usable(settings.text_face) else theme.TEXT_FACE
        return cls(settings.text_size / 100, face, round(settings.box_opacity * 2.55),
                   settings.high_contrast, settings.reduced_motion)

    def size(self, points: int) -> int:
        return round(points * self.scale)

    def text_font(self, points: int = theme.DIALOGUE_SIZE, italic: bool = False) -> pygame.font.Font:
        return theme.font(self.face, self.size(points), italic)

    def name_font(self) -> pygame.font.Font:
        return theme.display_font(self.size(theme.NAME_SIZE))

    def hint_font(self) -> pygame.font.Font:
        return theme.ui_font(self.size(theme.SMALL_SIZE), bold=True)

    @property
    def box_opacity(self) -> int:
        return 255 if self.high_contrast else self.box_alpha

    def ink(self, narration: bool) -> tuple[int, int, int]:
        if self.high_contrast:
            return HIGH_CONTRAST_INK
        return (232, 224, 210) if narration else theme.PAPER

    def name_ink(self, colour: tuple[int, int, int]) -> tuple[int, int, int]:
        """A name in its speaker's colour; in high contrast, white (the plate's rule keeps the colour)."""
        return HIGH_CONTRAST_INK if self.high_contrast else colour

    @property
    def shadowed(self) -> bool:
        """Words over a box thin enough for the picture to show through get a shadow to stand on."""
        return not self.high_contrast and self.box_alpha < 160
