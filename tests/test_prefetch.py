"""No stall on a scene change: caches bounded in bytes, loads prepared ahead while the player reads, maps baked
once and drawn the same as layer by layer, and a whole route that never decodes a background on its frame."""
from __future__ import annotations

import threading
from pathlib import Path

import pygame
import pytest

from game.story import Runner, State, load_story
from game.story.lookahead import Need, upcoming
from game.ui.audio import MIXER_SETTINGS, Audio
from game.ui.backgrounds import MapBackground, cover
from game.ui.lru import SizedLRU
from game.ui.prefetch import Job, Prefetcher
from game.ui.tiled import read_tmx
from picture_checks import largest_difference, layers_drawn
from ui_helpers import make_app, plan

ROOT = Path(__file__).resolve().parents[1]
MAPS = sorted((ROOT / "assets" / "backgrounds").glob("*.tmx"))
CANVAS = (1280, 720)


@pytest.fixture(scope="module", autouse=True)
def display(dummy_display):
    """Maps are converted for the display: the shared dummy display (conftest.py)."""


# ---------------------------------------------------------------- the cache

def test_the_cache_forgets_the_least_recently_used_and_stays_in_its_budget() -> None:
    cache: SizedLRU[str, int] = SizedLRU(10, lambda size: size)
    assert cache.put("a", 4) == [] and cache.put("b", 4) == []
    assert cache.get("a") == 4                     # a is now the most recently used
    assert cache.put("c", 4) == ["b"]              # so b goes
    assert list(cache) == ["a", "c"] and cache.total == 8 <= cache.budget
    assert cache.peek("a") == 4 and list(cache) == ["a", "c"]   # peeking is not using
    for step in range(50):
        cache.put(f"k{step}", 1 + step % 5)
        assert cache.total <= cache.budget and cache.total == sum(cache.peek(k) for k in cache)
    assert cache.evicted > 0


def test_what_is_shown_is_kept_even_alone_over_budget_but_an_offer_must_fit() -> None:
    cache: SizedLRU[str, int] = SizedLRU(10, lambda size: size)
    cache.put("a", 4)
    cache.put("b", 4)
    assert cache.put("huge", 12) == ["a", "b"] and list(cache) == ["huge"]   # the stage needs it now
    cache.clear()
    cache.put("shown", 4)
    cache.put("old", 4)
    assert cache.offer("next", 4, keep={"shown", "next"}) == ["old"]         # the old one makes room
    assert cache.offer("later", 4, keep={"shown", "next"}) is None           # not by pushing out what is near
    assert list(cache) == ["shown", "next"] and cache.total == 8
    assert cache.offer("too big", 11) is None and "too big" not in cache


# ---------------------------------------------------------------- the prefetcher

def test_headless_nothing_loads_until_the_player_has_had_time() -> None:
    done: list[str] = []
    prefetch = Prefetcher(threaded=False)
    prefetch.want([Job(name, lambda n=name: n.upper(), done.append) for name in ("a", "b")])
    assert done == [] and not prefetch.idle and prefetch.pending() == ["a", "b"]
    prefetch.want([Job("c", lambda: "C", done.append)])          # new wishes replace the old
    assert prefetch.run_pending() == 1 and done == ["C"] and prefetch.idle


def test_the_worker_loads_off_the_main_thread_and_a_frame_that_needs_it_waits_for_the_rest() -> None:
    started, release = threading.Event(), threading.Event()
    threads: list[str] = []
    adopted: list[str] = []

    def slow() -> str:
        threads.append(threading.current_thread().name)
        started.set()
        release.wait(5)
        return "map"
    prefetch = Prefetcher(threaded=True)
    try:
        prefetch.want([Job("bg", slow, adopted.append)])
        assert started.wait(5)
        assert adopted == []                        # still loading: nothing adopted yet
        threading.Timer(0.05, release.set).start()
        assert prefetch.finish("bg") is True        # waited for it, and adopted it on this thread
        assert adopted == ["map"] and threads == ["prefetch"]
        assert prefetch.finish("other") is False
    finally:
        release.set()
        prefetch.close()


def test_the_worker_says_when_a_load_is_done_so_a_sleeping_loop_need_not_ask() -> None:
    told: list[tuple[str, int]] = []
    done = threading.Event()
    prefetch: Prefetcher

    def on_done() -> None:
        told.append((threading.current_thread().name, prefetch.ready))
        done.set()
    prefetch = Prefetcher(threaded=True, on_done=on_done)
    try:
        prefetch.want([Job("bg", lambda: "map", lambda value: None)])
        assert done.wait(5)
        assert told == [("prefetch", 1)]    # told on the worker, with the load already waiting to be adopted
    finally:
        prefetch.close()


def test_a_load_wished_for_while_a_frame_is_made_starts_once_it_is_on_screen() -> None:
    started = threading.Event()
    prefetch = Prefetcher(threaded=True)
    try:
        prefetch.frame(True)      # the frame's events are handled: the next line's look-ahead wishes for a map
        prefetch.want([Job("bg", lambda: started.set() or "map", lambda value: None)])
        assert not started.wait(0.3)          # (never a false failure: only a start would set it)
        assert prefetch.pending() == ["bg"]
        prefetch.frame(False)     # presented
        assert started.wait(5)
    finally:
        prefetch.close()


def test_a_failed_load_is_dropped_quietly() -> None:
    adopted: list[object] = []
    prefetch = Prefetcher(threaded=False)
    prefetch.want([Job("broken", lambda: 1 / 0, adopted.append)])
    prefetch.run_pending()
    assert adopted == [None] and prefetch.loaded == 0


# ---------------------------------------------------------------- baked maps look like the layers drawn one by one

def layer_by_layer(path: Path, time_us: int) -> pygame.Surface:
    """The map drawn the slow way (picture_checks.layers_drawn), then scaled to cover the canvas."""
    picture = layers_drawn(path, time_us)
    scale, scaled, (x, y) = cover(picture.get_size(), CANVAS)
    assert scale == 1.0, "every map of the game is made at the canvas's scale"
    return picture.subsurface((x, y, *CANVAS)).copy()


@pytest.mark.parametrize("path", MAPS, ids=[p.stem for p in MAPS])
def test_a_baked_map_looks_the_same_as_its_layers_drawn_one_by_one(path: Path) -> None:
    background = MapBackground(read_tmx(path), CANVAS)
    for steps in (0, 20, 58):     # at 0 s, 2.5 s and 7.25 s, in steps of 1/8 s as the stage's clock moves
        for _ in range(steps):
            background.update(0.125)
        seconds = background._time_us / 1_000_000
        shown = pygame.Surface(CANVAS)
        background.draw(shown)
        # Premultiplied blending regroups the still layers into runs: each channel may round one step apart.
        assert largest_difference(shown, layer_by_layer(path, round(seconds * 1_000_000))) <= 2, seconds


def test_a_map_keeps_only_the_part_of_its_base_that_animated_tiles_repaint() -> None:
    for path in MAPS:
        background = MapBackground(read_tmx(path), CANVAS)
        full = 2 * CANVAS[0] * CANVAS[1] * 4   # a whole base and a whole canvas
        assert background.nbytes < full + 6 * 1024 * 1024, path.name
        assert background.nbytes >= CANVAS[0] * CANVAS[1] * 4


# ---------------------------------------------------------------- a whole route, headless

def play_route(name: str, had_time: bool) -> tuple:
    """Play a route's playthrough file as the play screen does; with had_time, the prefetcher runs at every
    line and menu (the player read it). Returns the app's asset cache, its audio, and how many lines."""
    story = load_story()
    app = make_app(story)
    route = plan(name)
    app.prepare(upcoming(story, State.start(story, route["route"])))
    if had_time:
        app.prefetch.run_pending()        # on the route's card, before it is chosen
    screen = app.make("play", Runner.new(story, route["route"]))
    screen.started = True
    app.stack = [screen]
    choices, lines = list(route["choose"]), 0
    transition = screen.pump()
    while transition is None:
        if had_time:
            app.prefetch.run_pending()
        if screen.menu is not None:
            transition = screen.choose(choices.pop(0) - 1)
        else:
            lines += 1
            screen.stage.finish()
            screen.box.complete()
            transition = screen.pump()
        app.step(1 / 60)
    assert type(transition.screen).__name__ == "EndingScreen"
    return app, lines


@pytest.mark.parametrize("name", ["vineyard_found", "provence_found", "paris_together", "epilogue_same_stars"])
def test_a_whole_route_never_decodes_a_background_on_the_frame_that_shows_it(name: str) -> None:
    app, lines = play_route(name, had_time=True)
    assert lines > 20
    assert app.assets.on_demand == [] and app.assets.decoded["background", "on demand"] == 0
    assert app.assets.decoded["background", "ahead"] >= 2
    assert app.assets.kept_bytes["backgrounds"] <= app.assets._backgrounds.budget


def test_without_time_to_read_the_counter_sees_the_decodes_on_the_frame() -> None:
    app, _ = play_route("vineyard_found", had_time=False)
    assert app.assets.decoded["background", "ahead"] == 0
    assert app.assets.on_demand[:2] == ["vineyard_dusk", "vineyard_terrace"]


# ---------------------------------------------------------------- sounds

def test_sounds_are_kept_at_the_mixers_rate_and_prepared_ahead() -> None:
    pygame.mixer.quit()
    files = {("music", "vineyard_waltz"): ROOT / "assets" / "music" / "vineyard_waltz.wav",
             ("ambience", "evening_crickets"): ROOT / "assets" / "ambience" / "evening_crickets.wav"}
    prefetch = Prefetcher(threaded=False)
    audio = Audio(lambda kind, name: files.get((kind, name)), prefetch=prefetch)
    if not audio.available:
        pytest.skip("the dummy audio driver gave no mixer on this machine")
    try:
        assert pygame.mixer.get_init()[0] == MIXER_SETTINGS[0] == 22050   # the rate the game's sounds are made at
        prefetch.want(audio.jobs([Need("music", "vineyard_waltz"), Need("ambience", "evening_crickets")]))
        prefetch.run_pending()
        audio.music("vineyard_waltz")
        audio.ambience("evening_crickets")
        assert audio.decoded == {"ahead": 2, "on demand": 0}
    finally:
        audio.close()
        pygame.mixer.quit()


# ---------------------------------------------------------------- the title's first picture

def test_the_titles_map_shows_from_its_kept_first_picture_then_moves(tmp_path) -> None:
    from game.paths import cache_dir
    from game.ui.backgrounds import PictureBackground
    from game.ui.stills import still_file
    app = make_app()
    name = app.story.title_background
    first = app.assets.first_picture(name)              # nothing kept yet: the map, its picture kept for next time
    assert isinstance(first, MapBackground) and len(list(cache_dir().glob("still-*.rgbx"))) == 1
    expected = pygame.Surface(CANVAS)
    first.draw(expected)
    again = make_app()
    title = again.make("title")
    backdrop = title.backdrop
    assert isinstance(backdrop.background, PictureBackground) and backdrop.waiting
    shown = pygame.Surface(CANVAS)
    backdrop.background.draw(shown)
    assert largest_difference(shown, expected) == 0     # the same picture, without reading the map
    assert again.assets.decoded["background", "on demand"] == 0
    again.frames = 1                                    # on screen: now the map is read on the worker
    backdrop.update(0)
    again.prefetch.run_pending()
    backdrop.update(0)
    assert not backdrop.waiting and isinstance(backdrop.background, MapBackground)
    # A changed file of the map's folder is a different picture's name, so a stale one is never shown.
    tmx = Path(again.story.assets[f"backgrounds/{name}"])
    before = still_file(cache_dir(), tmx, CANVAS)
    copy = tmp_path / "maps"
    import shutil
    shutil.copytree(tmx.parent, copy)
    assert still_file(cache_dir(), copy / tmx.name, CANVAS) == before   # same sizes and times: same name
    (copy / tmx.name).write_text((copy / tmx.name).read_text() + "\n")
    assert still_file(cache_dir(), copy / tmx.name, CANVAS) != before
