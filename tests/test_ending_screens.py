"""The ending screen waits before it can be left, epilogues never run into the buttons, the gallery opens each
reached ending's epilogue, and the route cards say how far the player has got."""
from __future__ import annotations

import dataclasses

import pygame
import pytest

from game.story import End
from game.ui.screen import draw_stack
from game.ui.screens.ending import TEXT_TOP, TEXT_WIDTH, EndingScreen
from game.ui.screens.endings import EndingsScreen, EndingText
from game.ui.screens.play import PlayScreen
from game.ui.screens.routes import BLURB_TOP, CARD_W, RouteSelect, blurb
from game.ui.screens.title import TitleScreen
from game.ui import theme
from game.ui.text import wrap
from ui_helpers import click, feed, key, make_app

# Longer than any epilogue the story has (the longest is about 600 characters), in four paragraphs.
LONG = "\n\n".join(["The car came back the next night, and the night after, and never once turned on its lights. "
                    "On the fourth morning Vitaliy packed one bag and left the key under the rosemary."] * 4)


@pytest.fixture
def app():
    app = make_app()
    yield app
    app.audio.close()


def ending_screen(app, epilogue: str = "A line of epilogue.\n\nAnother paragraph.") -> EndingScreen:
    app.stack = [EndingScreen(app, End("vineyard.found", "Found", epilogue), "vineyard",
                              app.assets.background("vineyard_night"))]
    app.stack[0].on_enter()
    feed(app)
    return app.stack[0]


def with_epilogue(app, ending_id: str, epilogue: str) -> None:
    """The app's story with one ending's epilogue rewritten (the story itself is read-only)."""
    endings = dict(app.story.endings)
    endings[ending_id] = dataclasses.replace(endings[ending_id], epilogue=epilogue)
    app.story = dataclasses.replace(app.story, endings=endings)


# --- the ending screen ---

def test_the_ending_ignores_every_input_at_first(app) -> None:
    screen = ending_screen(app)
    button = screen.buttons.buttons[0].rect
    for moment in range(3):                   # at once, after 0.7 s, after 1.4 s
        for event in (key(pygame.K_RETURN), key(pygame.K_SPACE), key(pygame.K_KP_ENTER), key(pygame.K_ESCAPE),
                      click(button.center), click((640, 400)), click((640, 400), button=3)):
            feed(app, event)
            assert app.stack == [screen], (moment, event)
        app.step(0.7)
    assert "vineyard.found" in app.records.endings and screen.new


def test_the_continue_button_appears_after_the_wait_and_is_drawn(app) -> None:
    screen = ending_screen(app)
    button = screen.buttons.buttons[0].rect
    before = pygame.image.tobytes(app.canvas.subsurface(button), "RGB")
    assert app.step(1.0) is False             # nothing new to draw yet
    assert app.step(0.6) is True              # the button appears: a frame is drawn
    after = pygame.image.tobytes(app.canvas.subsurface(button), "RGB")
    assert before != after and screen.ready
    assert app.step(0.5) is False             # and nothing more while the player reads


@pytest.mark.parametrize("k", [pygame.K_RETURN, pygame.K_SPACE, pygame.K_KP_ENTER])
def test_after_the_wait_return_space_or_enter_go_to_the_title(app, k) -> None:
    screen = ending_screen(app)
    screen.update(1.6)
    feed(app, key(k))
    assert isinstance(app.stack[-1], TitleScreen) and len(app.stack) == 1


def test_after_the_wait_only_a_click_on_the_button_goes_to_the_title(app) -> None:
    screen = ending_screen(app)
    screen.update(1.6)
    button = screen.buttons.buttons[0].rect
    for event in (click((640, 400)), click((button.left - 20, button.centery)), click(button.center, button=3),
                  key(pygame.K_ESCAPE), key(pygame.K_a)):
        feed(app, event)
        assert app.stack == [screen], event
    feed(app, click(button.center))
    assert isinstance(app.stack[-1], TitleScreen) and len(app.stack) == 1


def test_a_click_begun_during_the_wait_does_not_count(app) -> None:
    screen = ending_screen(app)
    down, motion, up = click(screen.buttons.buttons[0].rect.center)
    feed(app, motion, down)
    app.step(1.6)
    feed(app, up)
    assert app.stack == [screen]


def test_a_short_epilogue_keeps_the_largest_type(app) -> None:
    screen = ending_screen(app)
    assert screen.font is theme.text_font(26, italic=True)
    assert screen.lines == ["A line of epilogue.", "", "Another paragraph."]


def test_a_long_epilogue_shrinks_until_it_ends_above_the_button(app) -> None:
    screen = ending_screen(app, LONG)
    button = screen.buttons.buttons[0].rect
    assert theme.text_font(18, italic=True).get_height() <= screen.font.get_height() \
        < theme.text_font(26, italic=True).get_height()
    assert TEXT_TOP + len(screen.lines) * screen.font.get_linesize() <= button.top
    assert all(screen.font.size(line)[0] <= TEXT_WIDTH for line in screen.lines)
    words = [w for line in screen.lines for w in line.split()]
    assert words == LONG.split()              # it shrank; nothing was left out


def test_an_epilogue_too_long_for_the_smallest_type_is_cut_short_above_the_button(app) -> None:
    screen = ending_screen(app, LONG * 3)
    button = screen.buttons.buttons[0].rect
    assert screen.font is theme.text_font(18, italic=True)
    assert TEXT_TOP + len(screen.lines) * screen.font.get_linesize() <= button.top
    assert screen.lines[-1].endswith("…") and screen.font.size(screen.lines[-1])[0] <= TEXT_WIDTH


# --- the endings gallery ---

def gallery(app, reached: list[str]) -> EndingsScreen:
    app.records.endings = list(reached)
    app.stack = [TitleScreen(app), EndingsScreen(app)]
    feed(app)
    return app.stack[-1]


def test_a_reached_ending_opens_its_epilogue_by_mouse_and_back_closes_it(app) -> None:
    screen = gallery(app, ["vineyard.found"])
    row = next(rect for ending, rect in screen.rows() if ending.id == "vineyard.found")
    feed(app, click(row.center))
    top = app.stack[-1]
    assert isinstance(top, EndingText) and top.ending.id == "vineyard.found" and top.overlay
    assert top.route == app.story.routes["vineyard"].title
    feed(app, click(top.buttons.buttons[0].rect.center))
    assert app.stack[-1] is screen
    feed(app, click(row.center))
    feed(app, click((640, 300), button=3))    # a right click goes back too
    assert app.stack[-1] is screen
    feed(app, click(row.center), key(pygame.K_ESCAPE))
    assert app.stack[-1] is screen


def test_an_unreached_ending_cannot_be_opened(app) -> None:
    screen = gallery(app, ["vineyard.found"])
    for ending, rect in screen.rows():
        if ending.id != "vineyard.found":
            feed(app, click(rect.center))
            assert app.stack[-1] is screen, ending.id
    assert [b.key for b in screen.buttons.buttons] == ["vineyard.found", "back"]


def test_the_keys_run_through_the_reached_endings_then_back(app) -> None:
    screen = gallery(app, ["provence.found", "vineyard.found"])
    assert [b.key for b in screen.buttons.buttons] == ["vineyard.found", "provence.found", "back"]  # as shown
    feed(app, key(pygame.K_DOWN), key(pygame.K_RETURN))
    assert isinstance(app.stack[-1], EndingText) and app.stack[-1].ending.id == "provence.found"
    feed(app, key(pygame.K_RETURN))           # Back is focused on the epilogue
    assert app.stack[-1] is screen
    feed(app, key(pygame.K_DOWN), key(pygame.K_RETURN))
    assert isinstance(app.stack[-1], TitleScreen)


def test_with_nothing_reached_return_leaves_the_gallery(app) -> None:
    screen = gallery(app, [])
    assert [b.key for b in screen.buttons.buttons] == ["back"]
    feed(app, key(pygame.K_RETURN))
    assert isinstance(app.stack[-1], TitleScreen)


def test_the_epilogue_overlay_shows_the_whole_text_in_paragraphs(app) -> None:
    ending = app.story.endings["vineyard.found"]
    screen = EndingText(app, "vineyard.found")
    paragraphs = [p for p in ending.epilogue.split("\n\n") if p.strip()]
    assert screen.lines.count("") == len(paragraphs) - 1
    assert [w for line in screen.lines for w in line.split()] == ending.epilogue.split()
    assert screen.top + len(screen.lines) * screen.font.get_linesize() <= screen.buttons.buttons[0].rect.top


def test_the_epilogue_overlay_shrinks_a_long_epilogue_above_back(app) -> None:
    with_epilogue(app, "vineyard.found", LONG)
    screen = EndingText(app, "vineyard.found")
    back = screen.buttons.buttons[0].rect
    assert screen.font.get_height() < theme.text_font(26, italic=True).get_height()
    assert screen.top + len(screen.lines) * screen.font.get_linesize() <= back.top
    assert all(screen.font.size(line)[0] <= screen.width for line in screen.lines)


# --- the route cards ---

def test_the_route_cards_say_what_is_finished_and_how_many_endings(app) -> None:
    screen = RouteSelect(app)
    assert screen.progress("vineyard") == "Not yet played"
    app.records.reached("vineyard.found", "vineyard")
    app.records.reached("vineyard.everything", "vineyard")
    total = len(app.story.endings_of("vineyard"))
    assert screen.progress("vineyard") == f"Finished · 2 of {total} endings"
    assert screen.progress("paris") == "Not yet played"


def test_a_card_blurb_never_runs_into_the_line_beneath_it(app) -> None:
    body = theme.text_font(21)
    words = " ".join(["A journalist knocks on his door with a question."] * 8)
    lines = blurb(words, body, 140)
    assert len(lines) * body.get_linesize() <= 140 and lines[-1].endswith("…")
    assert all(body.size(line)[0] <= CARD_W - 40 for line in lines)
    assert len(blurb(words, body, 1000)) == 6
    app.records.reached("vineyard.found", "vineyard")
    screen = RouteSelect(app)
    for card, route in zip(screen.cards.buttons, screen.routes):
        foot = screen.foot(card.rect, screen.progress(route.id))
        assert card.rect.contains(foot)
        room = foot.top - 6 - (card.rect.y + BLURB_TOP)
        assert blurb(route.blurb, body, room) == wrap(route.blurb, body, CARD_W - 40), route.id  # shown whole


def test_a_card_starts_its_route_through_the_registry(app) -> None:
    app.stack = [TitleScreen(app), RouteSelect(app)]
    feed(app, click(app.stack[-1].cards.buttons[0].rect.center))
    assert isinstance(app.stack[-1], PlayScreen) and len(app.stack) == 1


# --- how they look ---

def test_the_new_screens_draw(app, tmp_path) -> None:
    app.records.reached("vineyard.found", "vineyard")
    ending = EndingScreen(app, End("vineyard.found", "Found", LONG), "vineyard",
                          app.assets.background("vineyard_night"))
    ending.update(1.6)
    stacks = {"ending": [ending], "endings": [EndingsScreen(app)],
              "ending_text": [EndingsScreen(app), EndingText(app, "vineyard.found")], "routes": [RouteSelect(app)]}
    for name, stack in stacks.items():
        draw_stack(stack, app.canvas, app.dim)
        pygame.image.save(app.canvas, str(tmp_path / f"{name}.png"))
        assert len(set(pygame.image.tobytes(app.canvas, "RGB")[::997])) > 20, f"{name} looks blank"
