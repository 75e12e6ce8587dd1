"""The whole game driven by posted keyboard and mouse events: title, route, lines, choices, ending, title."""
from __future__ import annotations

import pygame
import pytest

from game.ui.screens.ending import EndingScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.routes import RouteSelect
from game.ui.screens.title import TitleScreen
from ui_helpers import click, feed, key, make_app, plan, settle, wheel


@pytest.fixture
def app():
    app = make_app()
    yield app
    app.audio.close()


def start(app) -> None:
    app.stack = [TitleScreen(app)]
    app.stack[0].on_enter()
    feed(app)


def test_two_clicks_from_title_to_the_first_line(app) -> None:
    start(app)
    new_game = app.stack[-1].buttons.buttons[0]
    feed(app, click(new_game.rect.center))
    assert isinstance(app.stack[-1], RouteSelect)
    card = app.stack[-1].cards.buttons[0]
    feed(app, click(card.rect.center))
    play = app.stack[-1]
    assert isinstance(play, PlayScreen) and len(app.stack) == 1
    settle(app)
    assert play.box.pages[0][0].startswith("The sun was going down behind the hill")


def play_with_keys(app, choices: list[int]) -> EndingScreen:
    """Return to advance; at each menu, Down from the focused (first available) option to the one wanted, and Return."""
    start(app)
    feed(app, key(pygame.K_RETURN))          # New game (focused)
    feed(app, key(pygame.K_RETURN))          # the first route (focused)
    queue = list(choices)
    for _ in range(500):
        top = app.stack[-1]
        if isinstance(top, EndingScreen):
            return top
        settle(app, 2.0)
        if isinstance(top, PlayScreen) and top.menu is not None:
            number = queue.pop(0)
            feed(app, *[key(pygame.K_DOWN)] * (number - 1 - top.menu.focus), key(pygame.K_RETURN))
        else:
            feed(app, key(pygame.K_RETURN))
    raise AssertionError("no ending reached")


def test_a_whole_route_by_keyboard_then_back_to_the_title(app) -> None:
    everything = plan("vineyard_everything")
    ending = play_with_keys(app, everything["choose"])
    assert ending.ending.ending == everything["ending"] == "vineyard.everything"
    assert "vineyard.everything" in app.records.endings and "vineyard" in app.records.routes_finished
    settle(app, 2.0)  # the ending ignores input for its first moments, then Continue takes Return
    feed(app, key(pygame.K_RETURN))
    assert isinstance(app.stack[-1], TitleScreen) and len(app.stack) == 1


def test_a_whole_route_by_mouse(app) -> None:
    start(app)
    feed(app, click(app.stack[-1].buttons.buttons[0].rect.center))
    feed(app, click(app.stack[-1].cards.buttons[0].rect.center))
    closed_door = plan("vineyard_closed_door")
    choices = list(closed_door["choose"])
    for _ in range(500):
        top = app.stack[-1]
        if isinstance(top, EndingScreen):
            break
        settle(app, 2.0)
        if top.menu is not None:
            option = top.menu.buttons[choices.pop(0) - 1]
            feed(app, click(option.rect.center))
        else:
            feed(app, click((640, 300)))
    assert isinstance(app.stack[-1], EndingScreen)
    assert app.stack[-1].ending.ending == closed_door["ending"] == "vineyard.closed_door"


def test_first_click_completes_the_line_second_advances(app) -> None:
    app.stack = [PlayScreen(app, make_runner(app))]
    app.stack[0].on_enter()
    play = app.stack[0]
    settle(app, 1.5)                          # the fade in ends; text starts to appear
    app.step(0.05)
    assert not play.box.done
    line_id = play.runner.checkpoint.pc
    feed(app, key(pygame.K_SPACE))
    assert play.box.done and play.runner.checkpoint.pc == line_id
    feed(app, wheel(-1))                      # wheel down advances too
    assert play.runner.checkpoint.pc != line_id


def test_text_never_advances_by_itself(app) -> None:
    app.stack = [PlayScreen(app, make_runner(app))]
    app.stack[0].on_enter()
    play = app.stack[0]
    settle(app, 2.0)
    where = (play.runner.state.scene, play.runner.state.pc)
    settle(app, 120.0, dt=0.5)
    assert (play.runner.state.scene, play.runner.state.pc) == where
    assert app.step(0.1) is False             # and nothing is drawn while the player reads


def test_unavailable_options_cannot_be_chosen(app) -> None:
    app.stack = [PlayScreen(app, make_runner(app))]
    app.stack[0].on_enter()
    play = app.stack[0]
    for _ in range(100):                      # to the first menu, then card check (2), then the terrace menu
        settle(app, 2.0)
        if play.menu is not None:
            break
        feed(app, key(pygame.K_RETURN))
    feed(app, click(play.menu.buttons[1].rect.center))
    for _ in range(100):
        settle(app, 2.0)
        if play.menu is not None:
            break
        feed(app, key(pygame.K_RETURN))
    locked = play.menu.buttons[2]
    assert not locked.enabled and locked.hint
    feed(app, click(locked.rect.center))
    assert play.menu is not None and play.runner.status == "menu"


def test_escape_opens_the_game_menu_and_quit_asks_first(app) -> None:
    from game.ui.screens.menus import Confirm, GameMenu
    app.stack = [PlayScreen(app, make_runner(app))]
    app.stack[0].on_enter()
    feed(app, key(pygame.K_ESCAPE))
    assert isinstance(app.stack[-1], GameMenu)
    menu = app.stack[-1]
    quit_button = next(b for b in menu.buttons.buttons if b.key == "quit")
    feed(app, click(quit_button.rect.center))
    assert isinstance(app.stack[-1], Confirm)
    feed(app, key(pygame.K_ESCAPE))           # no: back to the menu
    assert isinstance(app.stack[-1], GameMenu)
    feed(app, click(quit_button.rect.center))
    yes = app.stack[-1].buttons.buttons[0]
    feed(app, click(yes.rect.center))
    assert app.stack == []


def test_hide_interface_and_bring_it_back(app) -> None:
    app.stack = [PlayScreen(app, make_runner(app))]
    app.stack[0].on_enter()
    settle(app)
    with_ui = pygame.image.tobytes(app.canvas, "RGB")
    feed(app, key(pygame.K_h))
    assert app.stack[0].hidden and pygame.image.tobytes(app.canvas, "RGB") != with_ui
    where = app.stack[0].runner.state.pc
    feed(app, click((640, 300)))              # the click only brings the interface back
    assert not app.stack[0].hidden and app.stack[0].runner.state.pc == where


def test_back_at_the_first_line_stays_and_says_so_and_prefs_opens_settings(app) -> None:
    from game.ui.screens.settings import SettingsScreen
    app.stack = [PlayScreen(app, make_runner(app))]
    app.stack[0].on_enter()
    settle(app)
    play = app.stack[0]
    where = play.runner.state.pc
    back = next(b for b in play.quick.buttons if b.key == "back")
    feed(app, click(back.rect.center))
    assert app.stack == [play] and play.runner.state.pc == where
    assert [t.words for t in play.toasts.items] == ["This is as far back as it goes"]
    prefs = next(b for b in play.quick.buttons if b.key == "prefs")
    feed(app, click(prefs.rect.center))
    assert isinstance(app.stack[-1], SettingsScreen)


def make_runner(app):
    from game.story import Runner
    return Runner.new(app.story, "vineyard")


def test_meter_changes_are_announced_in_words(app) -> None:
    app.stack = [PlayScreen(app, make_runner(app))]
    app.stack[0].on_enter()
    play = app.stack[0]
    for _ in range(100):
        settle(app, 2.0)
        if play.menu is not None:
            break
        feed(app, key(pygame.K_RETURN))
    feed(app, click(play.menu.buttons[0].rect.center))   # invite her in: trust and affection rise
    words = [t.words for t in play.toasts.items]
    assert "Trust rose" in words and "Affection rose" in words
    assert all(t.direction != 0 for t in play.toasts.items)


def test_closing_the_window_during_play_keeps_the_place_and_quits_without_asking(app) -> None:
    app.autosaves = True
    app.stack = [PlayScreen(app, make_runner(app))]
    app.stack[0].on_enter()
    settle(app)
    line = app.stack[0].line
    assert app.slots.newest() is None
    feed(app, pygame.event.Event(pygame.QUIT, {}))
    assert app.stack == []
    newest = app.slots.newest()
    assert newest is not None and newest.startswith("auto-")
    from game.slots import first_words
    assert app.slots.info(newest).words == first_words(line.text)


def test_closing_the_window_at_the_title_quits(app) -> None:
    start(app)
    feed(app, pygame.event.Event(pygame.QUIT, {}))
    assert app.stack == []


def test_the_epilogue_is_offered_once_every_route_is_finished(app) -> None:
    start(app)
    keys = [b.key for b in app.stack[-1].buttons.buttons]
    assert "route:epilogue" not in keys
    app.records.routes_finished = ["vineyard", "provence", "paris"]
    start(app)
    epilogue = next(b for b in app.stack[-1].buttons.buttons if b.key == "route:epilogue")
    assert epilogue.label == "Epilogue"
    feed(app, click(epilogue.rect.center))
    assert isinstance(app.stack[-1], PlayScreen) and app.stack[-1].runner.state.route == "epilogue"
    feed(app, click(app.stack[-1].quick.buttons[0].rect.center))   # and the route menu never lists it
    assert all(r.id != "epilogue" for r in RouteSelect(app).routes)


class HeardSounds:
    """Stands in for the app's Audio: remembers the effects asked for."""

    def __init__(self, audio):
        self.audio, self.heard = audio, []

    def sound(self, name: str) -> None:
        self.heard.append(name)

    def __getattr__(self, name):
        return getattr(self.audio, name)


def test_buttons_click_when_they_act_and_not_when_disabled(app) -> None:
    start(app)
    app.audio = HeardSounds(app.audio)
    title = app.stack[-1]
    continue_ = next(b for b in title.buttons.buttons if b.key == "continue")
    assert not continue_.enabled
    feed(app, click(continue_.rect.center))
    feed(app)
    assert app.audio.heard == []
    new_game = next(b for b in title.buttons.buttons if b.key == "new")
    feed(app, click(new_game.rect.center))     # a click, then the route select
    feed(app)
    assert app.audio.heard == ["ui_click"] and isinstance(app.stack[-1], RouteSelect)


def test_a_story_folder_without_the_interface_sounds_uses_the_games_own(story_dir) -> None:
    from game.story import load_story
    from game.ui.assets import GAME_ASSETS, AssetCache
    from storyfixtures import ASSETS, MANIFEST
    story = load_story(story_dir(MANIFEST, {"a.yaml": "steps:\n  - Hello.\n  - ending: good\n"}, ASSETS))
    assert AssetCache(story).find_sound("sounds", "ui_click") == GAME_ASSETS / "sounds" / "ui_click.wav"
    assert AssetCache(story).find_sound("sounds", "nowhere") is None
