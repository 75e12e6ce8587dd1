"""An idle window does only what changes the picture: a map says when its next frame is due, a still screen is
not stepped before then, and a redraw under a twinkling star draws only what lies under it."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

import game.ui.app as app_module
from game.ui import widgets
from game.story import Runner
from game.ui.backgrounds import load_background
from game.ui.prefetch import Job
from game.ui.screen import Screen, draw_stack
from game.ui.screens.play import QUICK_BAND, PlayScreen
from game.ui.screens.title import TitleScreen
from game.ui.stage import AmbientClock
from mapfixtures import write_png
from picture_checks import layers_drawn
from ui_helpers import key, make_app

ROOT = Path(__file__).resolve().parents[1]
STARS = ROOT / "assets" / "backgrounds" / "vineyard_stars.tmx"


@pytest.fixture(scope="module", autouse=True)
def display(dummy_display):
    """Maps are converted for the display: the shared dummy display (conftest.py)."""


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def full_draw(app) -> pygame.Surface:
    expected = pygame.Surface(app.canvas.get_size())
    draw_stack(app.stack, expected, app.dim)
    return expected


# ---------------------------------------------------------------- a map knows when its next frame is due


def test_a_map_changes_exactly_when_it_says_its_next_frame_is_due() -> None:
    background = load_background(STARS)
    changes = 0
    for _ in range(40):
        due = background.due_in()
        assert 0 < due < 10
        assert background.update(due - 0.001) == []          # a millisecond early: nothing moves
        rects = background.update(0.001)
        changes += bool(rects)
        assert background.due_in() > 0
    assert changes >= 30    # some frames show the same picture as the one before: no rect for those


OVERLAPPING = """<?xml version="1.0" encoding="UTF-8"?>
<map version="1.10" orientation="orthogonal" renderorder="right-down" width="4" height="4"
     tilewidth="8" tileheight="8" infinite="0" nextlayerid="5" nextobjectid="1">
 <tileset firstgid="1" name="glass" tilewidth="8" tileheight="8" tilecount="2" columns="2">
  <image source="glass.png" width="16" height="8"/>
  <tile id="0"><animation><frame tileid="0" duration="100"/><frame tileid="1" duration="300"/></animation></tile>
  <tile id="1"><animation><frame tileid="1" duration="150"/><frame tileid="0" duration="150"/></animation></tile>
 </tileset>
 <imagelayer id="1" name="ground"><image source="green.png" width="32" height="32"/></imagelayer>
 <layer id="2" name="panes" width="4" height="4"><data encoding="csv">
0,0,0,0,
0,1,0,1,
0,0,0,0,
0,0,0,0
</data></layer>
 <imagelayer id="3" name="veil" opacity="0.5" offsetx="16"><image source="white.png" width="32" height="32"/></imagelayer>
 <layer id="4" name="more" width="4" height="4"><data encoding="csv">
0,0,0,0,
0,2,0,0,
0,0,0,0,
0,0,0,0
</data></layer>
</map>
"""


def one_by_one(path: Path, ms: int) -> pygame.Surface:
    """The map drawn the slow way at `ms`: each layer's pictures and tiles' current frames, premultiplied."""
    return layers_drawn(path, ms * 1000)


def test_tiles_alone_and_tiles_over_one_another_are_redrawn_as_their_layers_drawn_one_by_one(tmp_path) -> None:
    """A pane on its own is redrawn from its baked frames; two panes in one cell, on two clocks, with a veil
    between the layers, are composed again: either way the picture is the map's at that moment."""
    write_png(tmp_path / "glass.png", 16, 8, lambda x, y: (255, 0, 0, 128) if x < 8 else (0, 0, 255, 128))
    write_png(tmp_path / "green.png", 32, 32, lambda x, y: (0, 255, 0, 255))
    write_png(tmp_path / "white.png", 32, 32, lambda x, y: (255, 255, 255, 255))
    (tmp_path / "panes.tmx").write_text(OVERLAPPING, encoding="utf-8")
    background = load_background(tmp_path / "panes.tmx", (32, 32))
    shown = pygame.Surface((32, 32))
    background.draw(shown)
    ms, redrawn = 0, set()
    for step in [40, 70, 1, 39, 60, 90, 200, 33, 17, 150, 301, 99] * 3:
        rects = background.update(step / 1000)
        ms += step
        background.draw(shown, rects)
        redrawn |= {tuple(rect) for rect in rects}
        expected = one_by_one(tmp_path / "panes.tmx", ms)
        difference = max(abs(a - b) for a, b in zip(pixels(shown), pixels(expected)))
        assert difference <= 2, ms
    assert redrawn == {(8, 8, 8, 8), (24, 8, 8, 8)}


def test_the_ambient_clock_steps_a_map_when_its_frame_is_due_whatever_steps_come_between() -> None:
    """Steps brought by events (a mouse moving) come at any time: the map is stepped once, when its frame is
    due, with all the time gone by, not earlier (which would leave the rest owed and show the frame late)."""
    background = load_background(STARS, (1280, 720))
    clock = AmbientClock()
    for _ in range(12):
        due = clock.still_for(background)
        assert due >= AmbientClock.STEP
        for _ in range(5):   # a fifth at a time, each short of the frame: nothing moves, nothing is spent
            assert clock.update(background, due / 5 - 0.0002) == []
        assert clock.still_for(background) == pytest.approx(0.001)
        assert clock.update(background, 0.001)   # due: the stars whose frame changes
        assert clock.owed == 0.0

# ---------------------------------------------------------------- the main loop, on a clock of its own


class FakeTime:
    """The loop's clock: each sleep moves it on at once, and after `ticks` sleeps the window is closed."""

    def __init__(self, ticks: int, events: dict[int, pygame.event.Event] | None = None):
        self.now, self.ticks, self.slept, self.events = 100.0, ticks, 0, events or {}

    def perf_counter(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += 1
        if self.slept in self.events:
            pygame.event.post(self.events[self.slept])
        if self.slept == self.ticks:
            pygame.event.post(pygame.event.Event(pygame.QUIT))


class Counting(Screen):
    """A screen that counts its updates and says how long it stays still."""

    def __init__(self, app, still: float):
        super().__init__(app)
        self.still, self.steps = still, []

    def update(self, dt: float) -> bool:
        self.steps.append(dt)
        return False

    def still_for(self) -> float:
        return self.still

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((10, 20, 30))


def run_loop(monkeypatch, screen: Counting, clock: FakeTime) -> None:
    monkeypatch.setattr(app_module, "time", clock)
    pygame.event.clear()
    assert screen.app.run(screen) == 0


def test_a_screen_that_never_changes_by_itself_is_still_until_an_event(monkeypatch) -> None:
    app = make_app()

    class Plain(Screen):
        def draw(self, canvas: pygame.Surface) -> None:
            canvas.fill((10, 20, 30))
    assert Plain(app).still_for() == float("inf")
    assert Counting(app, 0.0).still_for() == 0.0


def test_the_loop_steps_a_screen_that_is_never_still_at_every_pass(monkeypatch) -> None:
    app = make_app()
    screen = Counting(app, 0.0)
    run_loop(monkeypatch, screen, FakeTime(60))
    assert len(screen.steps) == 60


def test_the_loop_does_not_step_a_still_screen_until_an_event_arrives(monkeypatch) -> None:
    app = make_app()
    screen = Counting(app, float("inf"))
    run_loop(monkeypatch, screen, FakeTime(90, {45: key(pygame.K_a)}))
    assert len(screen.steps) == 2       # its first frame, and the key 45 passes (1.5 s) later
    assert screen.steps[1] == pytest.approx(1.5)    # handed all the time gone by


def test_a_load_done_on_the_worker_wakes_a_still_screen_and_is_adopted_at_that_step(monkeypatch) -> None:
    app = make_app()
    screen = Counting(app, float("inf"))
    adopted: list[int] = []

    class Worker(FakeTime):
        def sleep(self, seconds: float) -> None:
            if self.slept == 44:   # as the worker does: the load waits to be adopted, then it says so
                app.prefetch._done.append((Job("bg", lambda: "map", lambda _: adopted.append(len(screen.steps))),
                                           "map"))
                pygame.event.post(pygame.event.Event(app_module.LOADED))
            super().sleep(seconds)
    run_loop(monkeypatch, screen, Worker(90))
    assert len(screen.steps) == 2      # its first frame, and the pass after the worker said so
    assert adopted == [1]              # adopted at that step, before the screen's update
    assert app.frames == 1             # a load adopted is not a change on screen by itself


def test_the_loop_steps_a_screen_when_it_said_it_would_change_with_all_the_time_gone_by(monkeypatch) -> None:
    app = make_app()
    screen = Counting(app, 0.5)
    clock = FakeTime(90)     # 3 s of passes, 1/30 s apart
    run_loop(monkeypatch, screen, clock)
    assert 5 <= len(screen.steps) <= 7
    assert all(0.5 <= dt < 0.5 + 1 / 30 + 1e-9 for dt in screen.steps[1:])
    assert sum(screen.steps) == pytest.approx(clock.now - 100.0, abs=0.5 + 1 / 30)


# ---------------------------------------------------------------- the title, left alone


def still_title(app) -> TitleScreen:
    """The title with its map read and its look-ahead started, as after its first frames in the window."""
    title = TitleScreen(app)
    app.stack = [title]
    title.on_enter()
    app.step(0, force=True)
    app.prefetch.run_pending()
    app.step(0)
    app.prefetch.run_pending()
    app.step(0, force=True)
    assert not title.backdrop.waiting and title.backdrop.background.animated
    return title


def test_a_still_title_is_redrawn_only_when_a_star_changes_and_looks_as_drawn_whole() -> None:
    app = make_app()
    title = still_title(app)
    drawn = 0
    for _ in range(30):
        wait = title.still_for()
        assert 0 < wait < 10
        frames = app.frames
        # Stepped as the loop may step it before then: nothing is drawn.
        assert not app.step(wait / 3) and not app.step(wait / 3 - 0.001)
        assert app.frames == frames
        app.step(wait / 3 + 0.001)         # due: the star's new frame is drawn, and only its rects
        drawn += app.frames - frames
        assert pixels(app.canvas) == pixels(full_draw(app))
    assert drawn >= 20


def test_reduced_motion_leaves_the_title_still_for_good() -> None:
    app = make_app(reduced_motion=True)
    title = still_title(app)
    assert title.still_for() == float("inf")


# ---------------------------------------------------------------- the play screen at a menu, left alone


def at_first_menu(app) -> PlayScreen:
    """The vineyard route's first menu, its line shown, over the dusk map's birds."""
    play = PlayScreen(app, Runner.new(app.story, "vineyard"))
    app.stack = [play]
    play.on_enter()
    while play.menu is None:
        play.stage.finish()
        play.box.complete()
        play.advance()
    play.stage.finish()
    for _ in range(20):
        app.step(0.05)
    app.step(0, force=True)
    assert play.stage.background.animated
    return play


def test_a_note_on_the_play_screen_ends_its_stillness_when_it_is_due_to_go() -> None:
    app = make_app()
    play = at_first_menu(app)
    play.tell("Saved.")
    app.step(0, force=True)
    assert play.still_for() <= 2.8
    play.stage.still = True        # reduced motion: only the note is left to change
    app.step(0.01)
    assert play.still_for() == pytest.approx(2.8 - 0.01)


# ---------------------------------------------------------------- a redraw draws what lies under what changed

def test_a_redraw_under_a_star_draws_the_title_once_a_star_not_every_word_again(monkeypatch) -> None:
    app = make_app()
    title = still_title(app)
    render = widgets._cache.render
    looked_up = []
    monkeypatch.setattr(widgets._cache, "render", lambda font, words, colour: (looked_up.append(words),
                                                                               render(font, words, colour))[1])
    for _ in range(20):
        app.step(title.still_for() + 0.001)
    # The title, its tagline and its keys were laid out once, with its menu (a button under a star is drawn).
    labels = {button.label for button in title.buttons.buttons}
    assert app.frames > 10 and set(looked_up) <= labels


def test_a_redraw_under_a_bird_does_not_draw_the_text_box_or_the_menu_and_looks_as_drawn_whole(monkeypatch) -> None:
    app = make_app()
    play = at_first_menu(app)
    box_draws, option_draws = [], []
    box_draw, button_draw = play.box.draw, type(play.menu.buttons[0]).draw
    monkeypatch.setattr(play.box, "draw", lambda canvas: (box_draws.append(canvas.get_clip()), box_draw(canvas)))
    monkeypatch.setattr(type(play.menu.buttons[0]), "draw",
                        lambda self, canvas, *args: (option_draws.append((self.rect, canvas.get_clip())),
                                                     button_draw(self, canvas, *args)))
    redrawn = []
    for _ in range(40):
        wait = play.still_for()
        assert 0 < wait < 10
        assert not app.step(wait - 0.001)
        if app.step(0.002):     # due (a frame may show the same picture as the one before: no redraw then)
            redrawn += play.dirty_rects()
    assert len(redrawn) >= 20 and all(not rect.colliderect(play.box.area) for rect in redrawn)
    assert box_draws == []
    assert all(rect.colliderect(clip) for rect, clip in option_draws)   # an option only under what changed
    assert pixels(app.canvas) == pixels(full_draw(app))


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_the_text_box_says_where_it_draws_its_name_plate_at_every_text_size(scale) -> None:
    """A redraw skips the box where the clip misses its area: the area must hold the plate, however tall."""
    from game.ui.reading import Reading
    from game.ui.textbox import BOX, TextBox, plate_rect
    reading = Reading(scale=scale)
    box = TextBox(0, reading)
    box.show("Bonsoir.", "Sophia-Marguerite", (200, 180, 255))
    label = reading.name_font().render("Sophia-Marguerite", True, (0, 0, 0))
    assert box.area.contains(plate_rect(reading, label.get_width() + 48)) and box.area.contains(BOX)
    box.show("Narration.")
    assert box.area == BOX


def test_at_a_line_a_bird_where_nothing_is_over_the_stage_is_drawn_as_the_background_alone(monkeypatch) -> None:
    app = make_app()
    play = PlayScreen(app, Runner.new(app.story, "vineyard"))
    app.stack = [play]
    play.on_enter()
    while not play.stage.actors:         # on to the first line with a character on the stage
        play.stage.finish()
        play.box.complete()
        play.advance()
    assert play.menu is None
    play.stage.finish()
    play.box.complete()
    play.toasts.note("Saved.", seconds=60)    # a note at the top right, over the sky, all along
    for _ in range(20):
        app.step(0.05)
    app.step(0, force=True)
    assert play.stage.background.animated
    clips = []
    draw = play.draw
    monkeypatch.setattr(play, "draw", lambda canvas: (clips.append(canvas.get_clip()), draw(canvas)))
    redrawn = []
    for _ in range(40):
        wait = play.still_for()
        assert 0 < wait < 10
        if app.step(wait + 0.001):
            redrawn += play.dirty_rects()
    over = play.stage.actor_rects() + [play.box.area] + [rect for _, _, rect in play.toasts.layout()]
    alone = [rect for rect in redrawn if rect.collidelist(over) < 0]
    assert len(redrawn) >= 20 and alone
    assert all(clip.collidelist(over) >= 0 or clip.collidelist(redrawn) < 0 for clip in clips)
    assert len(clips) <= len(redrawn) - len(alone)
    assert pixels(app.canvas) == pixels(full_draw(app))


def test_with_every_volume_at_nought_the_mixer_stays_shut_until_one_is_raised(monkeypatch) -> None:
    """The mixer's thread mixes silence 40 times a second: a player who turned everything down does not pay it."""
    app = make_app(music_volume=0.0, ambience_volume=0.0, sound_volume=0.0)
    app.wants_audio = True            # as in a window (headless, the app never opens the mixer)
    title = Counting(app, float("inf"))
    app.audio.music("vineyard_waltz")
    run_loop(monkeypatch, title, FakeTime(10))
    assert app.frames >= 1 and not app.audio.available and app.wants_audio
    app.settings.music_volume = 0.5
    app.volumes_changed()
    try:
        assert app.audio.available and not app.wants_audio
        assert app.audio.now_playing["music"] == "vineyard_waltz" and app.audio.volumes["music"] == 0.5
    finally:
        app.audio.close()


def test_a_twinkle_behind_a_character_draws_the_stage_alone_there_and_looks_as_drawn_whole(monkeypatch) -> None:
    """The cellar's dust and candle behind Vitaliy: where no box, note or panel is over a tile, its rect is the
    background's and the character's part over it, blitted, not the whole screen drawn under a clip; the tiles
    under the text box are drawn in one pass clipped to the box that holds them."""
    from game.story.warp import warp
    app = make_app()
    play = PlayScreen(app, Runner(app.story, warp(app.story, "vineyard.cellar/819dc61a").state), resume=True)
    app.stack = [play]
    play.on_enter()
    while not play.stage.actors:
        play.stage.finish()
        play.box.complete()
        play.advance()
    play.stage.finish()
    play.box.complete()
    for _ in range(20):
        app.step(0.05)
    app.step(0, force=True)
    clips = []
    draw = play.draw
    monkeypatch.setattr(play, "draw", lambda canvas: (clips.append(canvas.get_clip()), draw(canvas)))
    actors = play.stage.actor_rects()
    panels = [play.box.area, QUICK_BAND]
    behind, steps, stepped = [], 0, []
    for _ in range(40):
        wait = play.still_for()
        assert 0 < wait < 10
        clips.clear()
        if app.step(wait + 0.001):
            steps += 1
            stepped += clips
            assert len(clips) <= 1                                    # one clipped pass at most, a step
            rects = play.dirty_rects()
            behind += [rect for rect in rects if rect.collidelist(actors) >= 0 and rect.collidelist(panels) < 0]
            assert pixels(app.canvas) == pixels(full_draw(app))
    assert steps >= 20 and len(behind) >= 20
    assert all(clip.collidelist(panels) >= 0 for clip in stepped)  # clipped only where a panel is over a tile
