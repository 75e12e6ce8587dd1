"""Every line and every menu of the game's story, laid out at the largest text size, fits: each page in the text
box, each name on its plate, each option's words in its button, each menu above the text box."""
from __future__ import annotations

import pygame
import pytest

from game.story import Option, load_story
from game.story.model import MenuOp, SayOp
from game.ui import choice_layout, choice_menu
from game.ui.reading import Reading
from game.ui.textbox import BOX, PLATE_BOTTOM, TEXT_LEFT, TEXT_TOP, TEXT_WIDTH, TextBox, plate_rect
from game.ui.widgets import label_lines

SIZES = (1.0, 1.25, 1.5, 1.75, 2.0)
FACES = ("lora", "atkinson-hyperlegible")
CURSOR = 18 + 12   # the gap before the continue/more mark, and the mark's half width


@pytest.fixture(scope="module")
def story(dummy_display):
    pygame.font.init()
    return load_story()


def ops(story, kind):
    return [op for scene in story.scenes.values() for op in scene.ops if isinstance(op, kind)]


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("scale", (1.5, 2.0))
def test_every_line_of_the_story_pages_within_the_box(story, scale, face) -> None:
    reading = Reading(scale=scale, face=face)
    box = TextBox(0, reading)
    said = ops(story, SayOp)
    assert len(said) > 500
    paged = 0
    for op in said:
        name = story.characters[op.speaker].name if op.speaker else None
        box.show(op.text, name)
        font = box.font
        assert font.get_height() >= round(28 * scale) - 2   # the words really are larger
        for page in box.pages:
            assert len(page) <= box.lines_per_page, op.line_id
            assert TEXT_TOP + len(page) * font.get_linesize() <= BOX.bottom - 8, op.line_id
            for row in page:
                assert TEXT_LEFT + font.size(row)[0] + CURSOR <= BOX.right, (op.line_id, row)
        assert " ".join(" ".join(p) for p in box.pages).split() == op.text.split(), op.line_id
        paged += len(box.pages) > 1
    if scale == 2.0:
        assert paged > len(said) // 3   # long lines became more pages, not a taller box


@pytest.mark.parametrize("scale", SIZES)
def test_name_plates_grow_upward_and_stay_clear_of_the_words(story, scale) -> None:
    reading = Reading(scale=scale)
    font = reading.name_font()
    for character in story.characters.values():
        width, height = font.size(character.name)
        plate = plate_rect(reading, width + 48)
        assert plate.height >= height and plate.bottom == PLATE_BOTTOM <= TEXT_TOP
        assert plate.right <= BOX.right and plate.top > choice_menu.bottom(reading) > 0


def _menus(story):
    """Each menu of the story twice: every option open, and every option with a reason greyed (the tallest)."""
    for op in ops(story, MenuOp):
        yield op.menu_id, tuple(Option(o.text, True) for o in op.options)
        if any(o.hint for o in op.options):
            yield op.menu_id, tuple(Option(o.text, not o.hint, o.hint) for o in op.options)


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("scale", SIZES)
def test_every_menu_of_the_story_fits_above_the_text_box_with_its_words_in_its_buttons(story, scale, face) -> None:
    reading = Reading(scale=scale, face=face)
    menus = list(_menus(story))
    assert len(menus) > 50
    grown = 0
    for menu_id, options in menus:
        # with nothing in the way the menu stands centred; choice_layout only ever picks a place that fits as
        # well as this one, so this fitting means every menu fits whatever faces are on stage
        rects, clear, sized = choice_menu.place(options, reading, [])
        font, small = choice_menu.fonts(sized)
        assert 1.0 <= sized.scale <= scale and sized.face == face
        grown += sized.scale == scale
        assert clear and rects[0].top >= choice_layout.TOP, menu_id
        assert rects[-1].bottom <= choice_menu.bottom(reading) < BOX.y, menu_id
        for option, rect in zip(options, rects):
            words = label_lines(option.text, font, rect.width)
            hints = label_lines(option.hint, small, rect.width) if option.hint and not option.available else []
            assert all(font.size(w)[0] <= rect.width - 64 for w in words), (menu_id, option.text)
            assert all(small.size(h)[0] <= rect.width - 64 for h in hints), (menu_id, option.hint)
            assert len(words) * font.get_linesize() + len(hints) * small.get_linesize() <= rect.height, menu_id
    # most menus take the player's size whole; the few long ones are set smaller, never below the usual size
    assert grown >= len(menus) * (0.9 if scale <= 1.5 else 0.5), (grown, len(menus))
