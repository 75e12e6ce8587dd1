"""The player's comforts in a real window (Xvfb): save and load across a restart, rolling back to a choice and
taking another, skip stopping at a choice, the history returning to a line, and Continue after quitting.

What the game shows is read from its trace (UTSS_TRACE, game/ui/app.py: one JSON line per screen, line and menu
shown), which the tests poll after each input; screenshots show each screen is really drawn. The player folders
hold settings with the text shown at once (text_speed 0), so that one Return is one line; a Return that only ends
a stage transition is pressed again, which is why a key is pressed "until" something is traced.
"""
from __future__ import annotations

import time
from pathlib import Path

import pygame

from game.ui import theme
from game.ui.screens.history import AREA, NAME_W, Row
from game.ui.screens.saves import card_rect
from game.ui.text import wrap
from test_window_e2e import TEXT_BOX, display, options  # noqa: F401 - display is a fixture
from window_game import (MAIN_MENU, MARGIN, Entry, after_last, first_slot_saved, is_line, is_menu,  # noqa: F401
                         launch, line_is, menu_is, screen_is)  # launch is a fixture
from xvfb_helpers import share_of


def test_a_save_made_before_quitting_loads_the_same_line_after_a_restart(launch, tmp_path: Path) -> None:
    game = launch()
    game.new_game()
    game.read_lines(4)
    game.player.key("Escape")
    game.screen("GameMenu")
    saved = [e for e in game.since(screen_is("GameMenu")) if is_line(e)][-1]
    game.player.key("Return")            # Save, the focused first button
    game.screen("SaveLoad")
    game.click(card_rect(0).center)      # the first card of page 1, empty: saved at once
    deadline = time.monotonic() + 15
    while not first_slot_saved(tmp_path / "data"):
        if game.player.dead() or time.monotonic() > deadline:
            raise game.fail("the first slot to be saved after a click on its card")
        time.sleep(0.02)
    game.shot("save-screen")
    game.player.key("Escape")
    game.screen("GameMenu")
    game.player.key("Escape")
    game.screen("PlayScreen")
    later = game.read_lines(2)           # the autosave made on quitting holds a later line than the save
    game.quit()

    again = launch()
    again.player.key("Down")             # Continue (enabled: there are saves)
    again.player.key("Down")             # Load
    again.player.key("Return")
    again.screen("SaveLoad")             # on the Auto page: the newest save is the autosave made on quitting
    again.player.key("Next")             # Page Down: Quick
    again.player.key("Next")             # Page Down: page 1, whose first card holds the save
    again.click(card_rect(0).center)
    shown = again.wait(is_line, "a line after loading the save")
    again.screen("PlayScreen")
    again.shot("loaded", lambda p: share_of(p.subsurface(TEXT_BOX), (0, 0, 0), tolerance=12) < 0.9)
    assert shown["line"] == saved["line"], (
        f"saved at {saved['line']} ({saved['text'][:50]!r}), the load shows {shown['line']} "
        f"({shown['text'][:50]!r}); the autosave was at {later[-1]['line']}")


def test_rolling_back_through_a_choice_and_choosing_otherwise_changes_what_follows(launch) -> None:
    game = launch()
    game.new_game()
    menu = game.read_to_menu()
    before = [e for e in game.since(is_menu) if is_line(e)]
    game.pick(1)
    game.read_lines(2)
    first = after_last(game.shown(), is_menu)
    assert len(first) >= 3 and all(map(is_line, first)), first

    # Back along the same path, one step a press: the lines after the choice, newest first, then the menu itself,
    # then the line before it; the wheel and Page Up alike.
    for step, line in enumerate(reversed(first[:-1])):
        if step == 0:
            game.wheel(up=True)
        else:
            game.player.key("Prior")
        game.wait(line_is(line), f"line {line['line']} again after rolling back")
    game.player.key("Prior")
    game.wait(menu_is(menu), "the menu again after rolling back through it")
    game.player.key("Prior")
    game.wait(line_is(before[-1]), "the line before the menu, rolled back to")
    game.player.key("Next")              # Page Down: forward again, to the menu
    game.wait(menu_is(menu), "the menu after rolling forward")
    game.shot("menu-rolled-back-to", lambda p: bool(options(p)), "the choice buttons after rolling back")

    game.pick(2)
    game.read_lines(2)
    second = after_last(game.shown(), is_menu)
    assert [e["line"] for e in second][:3] != [e["line"] for e in first][:3]
    assert second[0]["text"] != first[0]["text"], "the second option begins as the first did"
    assert not {e["line"] for e in second[:3]} & {e["line"] for e in first[:3]}, (first[:3], second[:3])


def test_skip_runs_through_lines_read_before_and_stops_at_the_next_choice(launch) -> None:
    game = launch()
    opening = game.new_game()
    menu = game.read_to_menu()
    read = [e["line"] for e in game.since(is_menu) if is_line(e)]
    after = game.pick(1)
    game.read_lines(2)                   # seen too: a skip that went on past the choice would run through them

    game.player.key("Escape")
    game.screen("GameMenu")
    game.click(MAIN_MENU)
    game.screen("Confirm")
    game.player.key("Left")
    game.player.key("Return")
    game.screen("TitleScreen")
    again = game.new_game()
    assert again["line"] == opening["line"]

    game.player.key("Tab")
    stopped = game.wait(is_menu, "skip to reach the next choice")
    assert stopped["menu"] == menu["menu"]
    skipped = [e["line"] for e in game.since(is_menu, start=lambda e: e == again) if is_line(e)]
    assert [again["line"]] + skipped == read, "skip did not show every line on the way to the choice"
    game.shot("skip-stopped-at-menu", lambda p: bool(options(p)), "the choice buttons after skipping")

    shown = game.pick(1)
    assert shown["line"] == after["line"]
    game.player.settled(TEXT_BOX, "the line after the choice, at rest")
    carried_on = [e for e in game.entries()[game.mark:] if is_line(e) or is_menu(e)]
    assert not carried_on, f"skip went on after the choice: {carried_on}"


def history_rows(lines: list[Entry]) -> list[tuple[Entry, pygame.font.Font, list[str], int]]:
    """Each row of the history (history.py HistoryScreen.row) for lines read without a choice: the line, its
    font, its words as wrapped, its height."""
    pygame.font.init()
    rows = []
    for entry in lines:
        narration = entry["speaker"] is None
        font = theme.text_font(22, italic=narration)
        words = wrap(entry["text"], font, AREA.width - NAME_W - 30)
        rows.append((entry, font, words, Row("", theme.PAPER, words, narration, False, None).height))
    return rows


def visible_rows(heights: list[int]) -> list[tuple[int, int]]:
    """(row, y) of the rows shown when the history opens: scrolled to the end (HistoryScreen.scroll_to_end, then
    visible)."""
    top, used = len(heights), 0
    while top > 0 and used + heights[top - 1] <= AREA.height:
        top -= 1
        used += heights[top]
    out, y = [], AREA.y
    for index in range(top, len(heights)):
        out.append((index, y))
        y += heights[index]
    return out


def words_drawn(picture: pygame.Surface, font: pygame.font.Font, words: str, ink: tuple[int, int, int],
                at: tuple[int, int]) -> bool:
    """Whether `words` are drawn at `at` in `ink`: the solid pixels of the letters are that colour, and few
    pixels of that colour lie outside the letters, up to a little way past their end."""
    letters = font.render(words, True, ink)
    solid = pygame.mask.from_surface(letters, 254)
    width, height = letters.get_width() + MARGIN, letters.get_height()
    covered = pygame.mask.Mask((width, height))
    covered.draw(pygame.mask.from_surface(letters, 0), (0, 0))
    area = pygame.Rect(at, (width, height))
    if not picture.get_rect().contains(area) or solid.count() == 0:
        return False
    inked = pygame.mask.from_threshold(picture.subsurface(area), ink, (4, 4, 4, 255))
    return (solid.overlap_area(inked, (0, 0)) >= 0.98 * solid.count() and
            inked.count() - covered.overlap_area(inked, (0, 0)) <= 0.02 * inked.count())


def test_the_history_shows_the_lines_read_and_a_click_returns_to_one(launch) -> None:
    game = launch()
    game.new_game()
    game.read_lines(8)
    game.player.key("l")
    game.screen("HistoryScreen")
    lines = [e for e in game.since(screen_is("HistoryScreen")) if is_line(e)]
    rows = history_rows(lines)
    shown = visible_rows([height for *_, height in rows])
    assert len(shown) >= 4, "the test wants four rows on the history's first screen"

    def all_rows_drawn(picture: pygame.Surface) -> bool:
        for index, y in shown:
            entry, font, words, _ = rows[index]
            current, narration = index == len(rows) - 1, entry["speaker"] is None
            ink = theme.PAPER_DIM if current and narration else theme.PAPER
            if not all(words_drawn(picture, font, part, ink, (AREA.x + NAME_W, y + 6 + 30 * k))
                       for k, part in enumerate(words)):
                return False
        return True
    game.shot("history", all_rows_drawn, "the words of the lines read, row under row, in the history")

    target, y = shown[-4]                # three lines before the one on screen
    height = rows[target][3]
    game.click((AREA.centerx, y + height // 2))
    back = game.wait(is_line, "a line after clicking a row of the history")
    game.screen("PlayScreen")
    assert back["line"] == lines[target]["line"], (
        f"clicked {lines[target]['text'][:50]!r}, the game shows {back['text'][:50]!r}")
    game.shot("returned-from-history", lambda p: share_of(p.subsurface(TEXT_BOX), (0, 0, 0), tolerance=12) < 0.9)
    # It was a rollback: Return walks on along the same lines.
    game.press_until("Return", line_is(lines[target + 1]), "the next line, replayed")


def test_continue_after_quitting_and_starting_again_resumes_at_the_same_line(launch) -> None:
    game = launch()
    game.new_game()
    game.read_lines(5)
    left_at = game.shown()[-1]
    game.quit()                          # no save but the one quitting makes

    again = launch()
    again.shot("title-with-continue")
    again.player.key("Down")             # Continue: enabled only when a save exists; else Down lands on Load
    again.player.key("Return")
    shown = again.wait(lambda e: is_line(e) or e.get("screen") == "SaveLoad", "a line after Continue")
    assert is_line(shown), "Down, Return on the title opened Load: Continue was not enabled after quitting"
    again.screen("PlayScreen")
    again.shot("continued", lambda p: share_of(p.subsurface(TEXT_BOX), (0, 0, 0), tolerance=12) < 0.9)
    assert shown["line"] == left_at["line"], (
        f"left at {left_at['line']} ({left_at['text'][:50]!r}), Continue shows {shown['line']} "
        f"({shown['text'][:50]!r})")


def test_return_on_the_save_screen_saves_into_the_focused_card(launch, tmp_path: Path) -> None:
    game = launch()
    game.new_game()
    game.player.key("Escape")
    game.screen("GameMenu")
    game.player.key("Return")            # Save, the focused first button
    game.screen("SaveLoad")
    game.shot("save-screen-before-return")
    game.player.key("Return")            # the focused card: the first of page 1, empty
    game.player.key("Escape")
    game.screen("GameMenu")              # so the Return has been handled
    assert first_slot_saved(tmp_path / "data"), "Return on the save screen's focused (empty) first card saved nothing"
