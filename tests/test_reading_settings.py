"""The reading settings (issue 13): text size, font, text box opacity, high contrast, reduced motion. Each is kept
in settings.json, changed in the Settings screen by keys and mouse, and applied at once in a headless App."""
from __future__ import annotations

import json

import pygame
import pytest

from game.story import Line, Stage
from game.ui import theme
from game.ui.prefs import Settings
from game.ui.reading import Reading
from game.ui.screens.backdrop import Backdrop
from game.ui.screens.play import PlayScreen
from game.ui.screens.settings import ROWS, SettingsScreen
from game.ui.stage import StageView
from game.ui.textbox import BOX, TEXT_LEFT, TEXT_TOP, TextBox
from game.ui.widgets import Button, ButtonList
from ui_helpers import click, feed, key, make_app, settle

LONG = ("Vitaliy had spent the afternoon on the old Grenache, lifting leaves so the sun could reach the bunches. "
        "His hands smelt of sap, and his back had an opinion about it. A good year, if the hail stayed in the "
        "mountains.")


@pytest.fixture
def app():
    app = make_app()
    yield app
    app.audio.close()


def row(name: str) -> int:
    return next(i for i, r in enumerate(ROWS) if r.key == name)


# --- kept in settings.json ---

def test_the_reading_settings_are_kept_and_an_old_or_damaged_file_still_loads(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"text_speed": 30, "music_volume": 0.4}), "utf-8")   # from before these settings
    old = Settings.load(path)
    assert old.text_speed == 30 and (old.text_size, old.text_face, old.box_opacity) == (100, "lora", 90)
    assert not old.high_contrast and not old.reduced_motion
    old.text_size, old.text_face, old.box_opacity, old.high_contrast, old.reduced_motion = \
        175, "atkinson-hyperlegible", 40, True, True
    old.save()
    again = Settings.load(path)
    assert (again.text_size, again.text_face, again.box_opacity, again.high_contrast, again.reduced_motion) == \
        (175, "atkinson-hyperlegible", 40, True, True) and again.text_speed == 30
    path.write_text(json.dumps({"text_size": 900, "box_opacity": -5, "text_face": "comic-sans",
                                "high_contrast": "yes", "reduced_motion": 1}), "utf-8")
    odd = Settings.load(path)
    assert (odd.text_size, odd.box_opacity, odd.text_face) == (200, 0, "lora")
    assert odd.high_contrast is False and odd.reduced_motion is False


# --- changed in the Settings screen, by keys and by mouse ---

def test_each_reading_setting_changes_by_keys_and_mouse_and_is_saved(app) -> None:
    screen = SettingsScreen(app)
    app.stack = [screen]
    screen.rows.focus = row("text_size")
    for _ in range(5):
        feed(app, key(pygame.K_RIGHT))
    assert app.settings.text_size == 200                       # 100, 125, 150, 175, 200, and no further
    feed(app, key(pygame.K_LEFT))
    assert app.settings.text_size == 175
    less, more = screen.arrows(row("box_opacity"))
    feed(app, click(less.center))
    assert app.settings.box_opacity == 80
    for _ in range(10):
        feed(app, click(less.center))
    assert app.settings.box_opacity == 0
    feed(app, click(more.center))
    assert app.settings.box_opacity == 10
    screen.rows.focus = row("high_contrast")
    feed(app, key(pygame.K_RETURN))
    assert app.settings.high_contrast
    screen.rows.focus = row("reduced_motion")
    feed(app, key(pygame.K_RIGHT))
    assert app.settings.reduced_motion
    screen.rows.focus = row("text_face")
    feed(app, key(pygame.K_RIGHT))
    assert app.settings.text_face == "atkinson-hyperlegible"
    feed(app, key(pygame.K_RIGHT))
    assert app.settings.text_face == "lora"
    feed(app, key(pygame.K_LEFT))
    kept = Settings.load()   # the app's settings file, written at each change
    assert (kept.text_size, kept.box_opacity, kept.high_contrast, kept.reduced_motion, kept.text_face) == \
        (175, 10, True, True, "atkinson-hyperlegible")


def test_a_text_size_from_a_hand_edited_file_steps_to_the_next_size(app) -> None:
    app.settings.text_size = 130
    screen = SettingsScreen(app)
    app.stack = [screen]
    screen.rows.focus = row("text_size")
    feed(app, key(pygame.K_RIGHT))
    assert app.settings.text_size == 150
    app.settings.text_size = 130
    feed(app, key(pygame.K_LEFT))
    assert app.settings.text_size == 125


# --- applied at once ---

def playing(app, route: str = "vineyard") -> PlayScreen:
    play = PlayScreen(app, app.start_route(route))
    app.stack = [play]
    play.on_enter()
    settle(app)
    return play


def test_a_larger_text_size_chosen_during_play_pages_the_line_again_at_once(app) -> None:
    play = playing(app)
    for _ in range(3):
        if play.line.text != LONG:
            feed(app, key(pygame.K_RETURN))
            settle(app, 5.0)
    assert play.line.text == LONG and len(play.box.pages) == 1
    feed(app, key(pygame.K_ESCAPE))                 # the game menu, then its Settings
    menu = app.stack[-1]
    menu.buttons.focus = next(i for i, b in enumerate(menu.buttons.buttons) if b.key == "settings")
    feed(app, key(pygame.K_RETURN))
    settings = app.stack[-1]
    assert isinstance(settings, SettingsScreen)
    settings.rows.focus = row("text_size")
    for _ in range(4):
        feed(app, key(pygame.K_RIGHT))
    feed(app, key(pygame.K_ESCAPE))
    feed(app, key(pygame.K_ESCAPE))
    assert app.stack == [play]
    assert play.box.reading.scale == 2.0 and play.box.font.get_height() > 60
    assert len(play.box.pages) == 3 and play.box.page == 0 and play.box.done is False
    for _ in range(2):
        feed(app, key(pygame.K_RETURN))
        settle(app, 5.0)
    assert play.box.done and play.line.text == LONG        # the pages turn; the line is the same
    feed(app, key(pygame.K_RETURN))
    assert play.line.text != LONG


def test_changing_the_size_keeps_the_reader_on_the_words_they_were_reading() -> None:
    box = TextBox(0, Reading(scale=2.0))
    box.show(LONG * 2)
    box.advance()
    box.advance()
    reading = " ".join(box.pages[box.page]).split()[0:3]
    box.restyle(Reading(scale=1.0))
    assert " ".join(reading) in " ".join(" ".join(box.pages[box.page]).split())
    assert box.reveal.done


def test_a_menu_shown_at_the_larger_size_has_larger_words_and_stays_above_the_box(app) -> None:
    def menu_font_height(size: int) -> tuple[int, list[pygame.Rect]]:
        app.settings.text_size = size
        play = playing(app)
        for _ in range(60):
            if play.menu is not None:
                break
            feed(app, key(pygame.K_RETURN))
            settle(app)
        assert play.menu is not None
        return play.menu.font.get_height(), [b.rect for b in play.menu.buttons]
    small, _ = menu_font_height(100)
    large, rects = menu_font_height(175)
    assert large >= small * 1.5
    assert all(r.bottom < BOX.y - 20 and r.top >= 16 for r in rects)


# --- opacity and high contrast, measured in pixels ---

def box_over(reading: Reading, under: tuple[int, int, int], words: str = "") -> pygame.Surface:
    canvas = pygame.Surface(theme.CANVAS)
    canvas.fill(under)
    box = TextBox(0, reading)
    box.show(words or " ")
    box.draw(canvas)
    return canvas


def box_inside(canvas: pygame.Surface) -> pygame.Surface:
    """A stretch of the box with no words on it."""
    return canvas.subsurface(pygame.Rect(BOX.x + 30, BOX.bottom - 40, BOX.width - 60, 20))


def test_the_box_opacity_lets_the_picture_through_as_much_as_asked(app) -> None:
    def spread(percent: int) -> int:
        reading = Reading.of(Settings(box_opacity=percent))
        white, black = box_inside(box_over(reading, (255, 255, 255))), box_inside(box_over(reading, (0, 0, 0)))
        return max(abs(a - b) for a, b in zip(white.get_at((100, 10))[:3], black.get_at((100, 10))[:3]))
    assert spread(100) == 0
    assert 100 < spread(50) < 160
    assert spread(0) == 255
    assert spread(90) < spread(60) < spread(30)


def luminance_contrast(surface: pygame.Surface) -> float:
    """The contrast of the words' strokes (the pixels farthest from the box's own colour) with the box."""
    raw = pygame.image.tobytes(surface, "RGB")         # pygame alone: surfarray would need numpy
    colours = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
    counts: dict[tuple, int] = {}
    for c in colours:
        counts[c] = counts.get(c, 0) + 1
    back = max(counts, key=counts.get)
    strokes = sorted(colours, key=lambda c: theme.contrast(tuple(c), back))
    stroke = tuple(strokes[int(len(strokes) * 0.995)])       # a stroke's core, not one stray pixel
    return theme.contrast(stroke, back)


def test_high_contrast_makes_an_opaque_box_with_words_at_seven_to_one_over_any_picture(app) -> None:
    reading = Reading.of(Settings(high_contrast=True, box_opacity=20))
    over_white, over_black = box_over(reading, (255, 255, 255), LONG), box_over(reading, (0, 0, 0), LONG)
    assert pygame.image.tobytes(box_inside(over_white), "RGB") == pygame.image.tobytes(box_inside(over_black), "RGB")
    for canvas in (over_white, over_black):
        words = canvas.subsurface(pygame.Rect(TEXT_LEFT, TEXT_TOP, 900, 100))
        assert luminance_contrast(words) >= 7.0
    assert box_inside(over_white).get_at((100, 10))[:3] == theme.INK


def test_high_contrast_choice_buttons_are_opaque(app) -> None:
    def button_over(under, opaque: bool) -> bytes:
        canvas = pygame.Surface((400, 100))
        canvas.fill(under)
        ButtonList([Button("Stay", pygame.Rect(20, 20, 360, 60))], opaque=opaque).draw(canvas)
        return pygame.image.tobytes(canvas.subsurface(pygame.Rect(60, 30, 280, 40)), "RGB")
    assert button_over((255, 255, 255), True) == button_over((0, 0, 0), True)
    assert button_over((255, 255, 255), False) != button_over((0, 0, 0), False)
    app.settings.high_contrast = True
    play = playing(app)
    for _ in range(60):
        if play.menu is not None:
            break
        feed(app, key(pygame.K_RETURN))
        settle(app)
    assert play.menu is not None and play.menu.opaque


# --- reduced motion ---

def test_reduced_motion_shows_each_page_whole(app) -> None:
    box = TextBox(45, Reading(reduced_motion=True))
    box.show(LONG * 3)
    assert box.reveal.done and not box.busy
    box.advance()
    assert box.page == 1 and box.reveal.done
    typed = TextBox(45, Reading())
    typed.show(LONG)
    assert typed.busy


def test_reduced_motion_cuts_instead_of_fading_and_keeps_the_tiles_still(app) -> None:
    def run(still: bool) -> tuple[StageView, int]:
        stage = StageView(app.assets)
        stage.still = still
        stage.apply(Stage("scene", "vineyard_stars", transition="fade"))
        stage.apply(Stage("show", "sophia", expression=None, position="left"))
        busy = stage.busy
        moved = 0
        for _ in range(40):
            stage.update(0.2)
            moved += len(stage.ambient_rects)
        return stage, busy, moved
    still, busy, moved = run(True)
    assert not busy and still.transition is None and still.actors["sophia"].alpha == 255 and moved == 0
    _, busy, moved = run(False)
    assert busy and moved > 0


def test_reduced_motion_chosen_in_play_takes_at_once(app) -> None:
    play = playing(app)
    app.settings.reduced_motion = True
    play.on_enter()                      # as when Settings closes over it
    assert play.stage.still and play.box.reading.reduced_motion
    feed(app, key(pygame.K_RETURN))
    assert play.box.reveal.done


def test_reduced_motion_keeps_the_title_sky_from_twinkling(app) -> None:
    sky = Backdrop(app)
    sky.background = app.assets.background(app.story.title_background)
    app.frames = 1
    app.settings.reduced_motion = True
    assert not any(sky.update(0.2) for _ in range(40))
    app.settings.reduced_motion = False
    assert any(sky.update(0.2) for _ in range(40))


# --- the font ---

def test_the_chosen_font_sets_the_story_words_and_a_missing_one_falls_back(app, monkeypatch) -> None:
    atkinson = Reading.of(Settings(text_face="atkinson-hyperlegible"))
    assert atkinson.face == "atkinson-hyperlegible"
    assert atkinson.text_font().size("Grenache") != Reading().text_font().size("Grenache")
    monkeypatch.setattr("game.ui.reading.usable", lambda face: face == "lora")
    assert Reading.of(Settings(text_face="atkinson-hyperlegible")).face == "lora"
