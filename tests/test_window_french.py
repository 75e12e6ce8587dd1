"""French in a real window (Xvfb): a player reading in English opens Settings from the game menu, turns Language
to Français, and comes back to the same moment in French: the line on screen, the menu and its choices, as the
game traces what it shows (UTSS_TRACE) and as the window's pixels show them."""
from __future__ import annotations

import polib
import pygame

from game.story.home import default_root
from game.ui import theme
from game.ui.text import wrap
from game.ui.textbox import TEXT_LEFT, TEXT_TOP, TEXT_WIDTH
from test_window_comforts import words_drawn
from test_window_e2e import TEXT_BOX, display  # noqa: F401 - display is a fixture
from window_game import is_line, is_menu, launch  # noqa: F401 - launch is a fixture
from xvfb_helpers import changed_pixels

SETTINGS = (640, 90 + 92 + 3 * (52 + 14) + 26)   # the game menu's fourth button (menus.py GameMenu)


def french() -> dict[str, str]:
    texts = {}
    for path in (default_root() / "translations" / "fr").rglob("*.po"):
        texts.update({e.msgctxt: e.msgstr for e in polib.pofile(str(path)) if e.msgstr and not e.obsolete})
    return texts


def test_switching_to_french_in_settings_retells_the_line_the_menu_and_its_choices(launch) -> None:
    fr = french()
    game = launch()
    game.new_game()
    menu = game.read_to_menu()
    spoken = [e for e in game.entries()[: game.mark] if is_line(e)][-1]
    assert spoken["text"] != fr[spoken["line"]]          # read in English so far
    game.player.settled(TEXT_BOX, "the line under the menu, at rest")
    english = game.player.look()

    game.player.key("Escape")
    game.screen("GameMenu")
    game.click(SETTINGS)
    game.screen("SettingsScreen")
    game.player.key("Right")                              # the first row, Language: English -> Français
    game.player.key("Escape")
    game.screen("GameMenu")
    game.player.key("Escape")
    again = game.wait(is_menu, "the same menu, in French")   # told again as the play screen comes back on top
    game.screen("PlayScreen")
    assert again["menu"] == menu["menu"]
    assert again["options"] == [fr[f"{menu['menu']}/option-{i}"] for i in range(1, len(menu["options"]) + 1)]
    assert again["options"] != menu["options"]
    game.player.settled(TEXT_BOX, "the French line at rest")
    shown = game.player.look()
    assert changed_pixels(shown.subsurface(TEXT_BOX), english.subsurface(TEXT_BOX)) > 500   # other words drawn
    pygame.font.init()
    font = theme.text_font(theme.DIALOGUE_SIZE)
    first = wrap(fr[spoken["line"]], font, TEXT_WIDTH)[0]    # the line under the menu, as the box sets it
    assert words_drawn(shown, font, first, theme.PAPER, (TEXT_LEFT, TEXT_TOP)), first
    game.shot("french")
    game.quit()
