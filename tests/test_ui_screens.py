"""Every screen draws headless, and the play screen's words are legible: size, contrast, pages."""
from __future__ import annotations

import pygame
import pytest

from game.story import End, Runner
from game.ui import theme
from game.ui.screen import Pop, Push, Replace, Screen, apply, draw_stack
from game.ui.screens.ending import EndingScreen, StoryStopped
from game.ui.screens.endings import EndingsScreen
from game.ui.screens.menus import Confirm, GameMenu, Notice
from game.ui.screens.play import PlayScreen
from game.ui.screens.routes import RouteSelect
from game.ui.screens.settings import SettingsScreen
from game.ui.screens.title import TitleScreen
from game.ui.text import paginate, wrap
from game.ui.textbox import BOX, LINES_PER_PAGE, TEXT_TOP, TEXT_WIDTH, TextBox
from ui_helpers import feed, key, make_app, settle


@pytest.fixture
def app():
    app = make_app()
    yield app
    app.audio.close()


def picture(app, stack: list[Screen]) -> bytes:
    draw_stack(stack, app.canvas, app.dim)
    return pygame.image.tobytes(app.canvas, "RGB")


def test_every_screen_draws(app) -> None:
    play = PlayScreen(app, Runner.new(app.story, "vineyard"))
    app.stack = [play]
    play.on_enter()
    settle(app, 2.0)  # past the opening fade, so the picture is there
    end = End("vineyard.found", "Found", "A line of epilogue.\n\nAnother paragraph.")
    screens = [[TitleScreen(app)], [RouteSelect(app)], [SettingsScreen(app)], [EndingsScreen(app)], [play],
               [play, GameMenu(app)], [play, Confirm(app, "Quit?", "Sure?", lambda: Pop())],
               [play, Notice(app, "Save", "Soon.")],
               [EndingScreen(app, end, "vineyard", app.assets.background("vineyard_night"))],
               [StoryStopped(app, "scenes/x.yaml:3:5: error: something")]]
    seen = set()
    for stack in screens:
        image = picture(app, stack)
        assert len(set(image[::997])) > 20, f"{type(stack[-1]).__name__} looks blank"
        seen.add(image)
    assert len(seen) == len(screens)


def test_an_overlay_dims_the_screen_beneath(app) -> None:
    play = PlayScreen(app, Runner.new(app.story, "vineyard"))
    play.on_enter()
    settle(app)
    alone = picture(app, [play])
    under_menu = picture(app, [play, GameMenu(app)])
    corner = slice(0, 3 * 40)  # the top-left pixels: outside the menu panel, so only dimmed
    assert sum(under_menu[corner]) < sum(alone[corner])


def test_the_stack_applies_returned_transitions(app) -> None:
    a, b, c = TitleScreen(app), SettingsScreen(app), EndingsScreen(app)
    stack = [a]
    assert apply(stack, Push(b)) and stack == [a, b]
    assert apply(stack, Replace(c)) and stack == [a, c]
    assert apply(stack, Pop()) and stack == [a]
    assert apply(stack, Replace(b, clear=True)) and stack == [b]
    assert not apply(stack, None) and stack == [b]


def test_dialogue_is_large_enough_and_contrasted() -> None:
    pygame.font.init()
    for italic in (False, True):
        font = theme.text_font(theme.DIALOGUE_SIZE, italic)
        assert font.get_ascent() - font.get_descent() >= 24
    assert theme.contrast(theme.PAPER, theme.INK) >= 4.5
    assert theme.contrast(theme.PAPER_DIM, theme.INK) >= 4.5
    # the box is translucent: even over white its blended colour keeps the contrast
    alpha = theme.INK_ALPHA / 255
    over_white = tuple(int(c * alpha + 255 * (1 - alpha)) for c in theme.INK)
    assert theme.contrast(theme.PAPER, over_white) >= 4.5


def test_a_long_line_continues_on_a_new_page_instead_of_overflowing(app) -> None:
    box = TextBox(speed=0)
    long_text = " ".join(["Vitaliy watched the headlights crawl along the road below the vines."] * 12)
    box.show(long_text)
    assert len(box.pages) > 1 and all(len(page) <= LINES_PER_PAGE for page in box.pages)
    font = box.font
    assert TEXT_TOP + LINES_PER_PAGE * font.get_linesize() <= BOX.bottom - 8
    assert all(font.size(line)[0] <= TEXT_WIDTH for page in box.pages for line in page)
    words = [w for page in box.pages for line in page for w in line.split()]
    assert words == long_text.split()
    turns = 0
    while box.advance():
        turns += 1
    assert turns == len(box.pages) - 1 and box.done


def test_wrap_breaks_a_word_too_long_for_a_line() -> None:
    pygame.font.init()
    font = theme.text_font()
    lines = wrap("a " + "x" * 400 + " b", font, 300)
    assert all(font.size(line)[0] <= 300 for line in lines) and "".join(lines).replace(" ", "") == "a" + "x" * 400 + "b"
    assert paginate([], 4) == [[]]


def test_narration_and_dialogue_look_different(app) -> None:
    italic = theme.text_font(theme.DIALOGUE_SIZE, italic=True)
    box = TextBox(speed=0)
    box.show("Three knocks.")
    assert box.narration and box.name is None and box.font is italic
    box.show("Oui?", "Vitaliy", (224, 178, 92))
    assert not box.narration and box.font is not italic


def test_settings_change_with_arrows_and_are_kept(app, tmp_path) -> None:
    screen = SettingsScreen(app)
    app.stack = [screen]
    screen.rows.focus = [b.key for b in screen.rows.buttons].index("text_speed")
    before = app.settings.text_speed
    feed(app, key(pygame.K_RIGHT))
    assert app.settings.text_speed == before + 15
    from game.ui.prefs import Settings
    assert Settings.load().text_speed == before + 15


def test_ambient_redraw_only_where_the_background_changed(app) -> None:
    """A still line on an animated map redraws only the rects the map reports, and draws nothing in between."""
    play = PlayScreen(app, Runner.new(app.story, "vineyard"))
    app.stack = [play]
    play.on_enter()
    settle(app)
    play.stage.set_background("vineyard_stars", "cut")
    assert play.stage.background.animated
    app.step(0.0, force=True)
    frames, partial = app.frames, []
    for _ in range(200):
        drawn = app.step(0.05)
        rects = play.dirty_rects()
        if drawn:
            partial.append(rects)
    assert partial and all(r is not None and 0 < len(r) < 40 for r in partial)
    assert app.frames - frames == len(partial) < 200  # some steps drew nothing at all


def test_a_sprite_keeps_its_transparency_after_fading_in(app) -> None:
    """A fade must not leave the cached sprite drawn on a black box afterwards."""
    play = PlayScreen(app, Runner.new(app.story, "vineyard"))
    app.stack = [play]
    play.on_enter()
    while "vitaliy" not in play.stage.actors:  # on to the line where he comes out
        settle(app, 2.0)
        feed(app, key(pygame.K_RETURN))
    assert play.stage.actors["vitaliy"].alpha < 255
    for _ in range(100):                      # step through his fade-in, drawing every frame
        app.step(0.02, force=True)
    assert not play.stage.busy
    actor = play.stage.actors["vitaliy"]
    x, y = play.stage.position(actor.position)
    corner = actor.surface.get_rect(midbottom=(x, y)).topleft
    sprite_corner = actor.surface.get_at((0, 0))
    assert sprite_corner.a == 0               # the sprite's corner is see-through...
    app.step(0.0, force=True)
    background = pygame.Surface(theme.CANVAS)
    play.stage.background.draw(background)
    assert app.canvas.get_at(corner)[:3] == background.get_at(corner)[:3]  # ...so the picture shows there


def test_long_options_wrap_inside_their_buttons_above_the_text_box(app) -> None:
    from game.story.events import Menu, Option
    from game.ui.widgets import label_lines
    play = PlayScreen(app, Runner.new(app.story, "vineyard"))
    long = "Tell her everything: Berlin, the copy, the names, and the night in Marseille when it all came back"
    play.show_menu(Menu("m", (Option(long, True), Option("Say nothing.", True),
                              Option("Ask her to switch off the recorder first.", False, "Not yet."))))
    font = play.menu.font
    for button in play.menu.buttons:
        lines = label_lines(button.label, font, button.rect.width)
        assert all(font.size(line)[0] <= button.rect.width - 64 for line in lines)
        assert len(lines) * font.get_linesize() <= button.rect.height
        assert button.rect.bottom < BOX.y
    assert len(label_lines(long, font, play.menu.buttons[0].rect.width)) == 2


def test_the_endings_list_stays_inside_its_panel_above_back(app) -> None:
    from game.ui.screens.endings import GAP, HEADING, ROW, fitted
    screen = EndingsScreen(app)
    columns = screen.sections()
    listed = [route.id for column in columns for _, route in column]
    assert listed == list(app.story.routes) and len(columns) >= 2  # 15 endings do not fit in one column
    back = screen.back.buttons[0].rect
    for column in columns:
        top, route = column[-1]
        bottom = screen.box.y + 120 + top + HEADING + ROW * len(app.story.endings_of(route.id)) + GAP
        assert bottom <= back.top
    font = theme.text_font(24)
    assert fitted("A Chapter on Cultural Attachés", font, 2000) == "A Chapter on Cultural Attachés"
    short = fitted("A Chapter on Cultural Attachés", font, 150)
    assert short.endswith("…") and font.size(short)[0] <= 150
