"""The history reads as the text box does: its words grow with the player's text size (names stand above the
words from 150%), stay inside the list at every size, turn white in high contrast, and self-voicing reads the
line in focus."""
from __future__ import annotations

import pygame
import pytest

from game.ui.screens.history import AREA, HistoryScreen
from speech_double import SaidAloud
from ui_helpers import feed, key, make_app, settle


def history_after_lines(lines: int = 40, **settings) -> HistoryScreen:
    app = make_app(**settings)
    app.voice.speech = SaidAloud()
    app.voice.settings.self_voicing = True
    play = app.make("play", app.start_route("provence"))
    app.stack = [play]
    play.on_enter()
    settle(app)
    for _ in range(lines):
        if play.menu is not None:
            feed(app, key(pygame.K_1))
        feed(app, key(pygame.K_RETURN))
        settle(app, 0.5)
    screen = HistoryScreen(app, play)
    app.stack = [play, screen]
    screen.on_enter()
    return screen


@pytest.mark.parametrize("size", [100, 150, 200])
def test_the_words_grow_with_the_text_size_and_fit_the_list(size) -> None:
    screen = history_after_lines(120, text_size=size)
    font, italic, names = screen.fonts()
    assert font.get_height() >= round(28 * size / 100) - 2
    assert len(screen.rows) > 15 and any(row.speaker for row in screen.rows)
    for row in screen.rows:
        face = italic if row.italic else font
        for line in row.lines:
            assert AREA.x + screen.name_width + face.size(line)[0] <= AREA.right - 30 + 1, (size, line)
        if row.speaker:
            width = names.size(row.speaker)[0]
            assert width <= AREA.width if screen.stacked else width <= screen.name_width - 8, (size, row.speaker)
    assert screen.stacked == (size >= 150)
    shown = screen.visible()
    assert shown and shown[-1][1] + screen.rows[shown[-1][0]].height <= AREA.bottom
    screen.draw(screen.app.canvas)


def test_high_contrast_history_words_are_white() -> None:
    screen = history_after_lines(12, high_contrast=True)
    canvas = screen.app.canvas
    canvas.fill((0, 0, 0))
    screen.focus = None
    screen.draw(canvas)
    index, y = screen.visible()[-1]
    row = screen.rows[index]
    band = canvas.subsurface(pygame.Rect(AREA.x + screen.name_width, y + row.name_line + 6, 600, row.line))
    colours = {band.get_at((x, yy))[:3] for x in range(0, 600, 2) for yy in range(0, row.line, 2)}
    assert (255, 255, 255) in colours


def test_self_voicing_reads_the_line_in_focus() -> None:
    screen = history_after_lines(20)
    said = screen.app.voice.speech.said
    last = screen.rows[-1]
    assert said[-1] == f"History. {last.spoken()}"
    feed(screen.app, key(pygame.K_UP))
    row = screen.rows[screen.focus]
    assert said[-1] == row.spoken() and (row.speaker == "" or said[-1].startswith(f"{row.speaker}: "))


def test_self_voicing_reads_each_save_card_as_the_focus_comes_to_it(tmp_path) -> None:
    from game.ui.session import write_slot
    screen = history_after_lines(8)
    app, play = screen.app, screen.play
    write_slot(app, "slot-01", play.snapshot())
    app.slots.path("slot-02").write_text("{ damaged", encoding="utf-8")
    saves = app.make("saves", "load")
    app.stack = [play, saves]
    saves.on_enter()
    said = app.voice.speech.said
    first = said[-1]
    assert first.startswith("Load. Slot 1: The House in Provence, ") and first.endswith(play.snapshot().words)
    feed(app, key(pygame.K_RIGHT))
    assert said[-1] == "Slot 2: Damaged save. The file is damaged or was cut short."
    feed(app, key(pygame.K_RIGHT))
    assert said[-1] == "Slot 3: Empty slot"
    app.set_language("fr")
    feed(app, key(pygame.K_LEFT))
    assert said[-1] == "Emplacement 2: Sauvegarde abîmée. Le fichier est endommagé ou incomplet."   # spoken
