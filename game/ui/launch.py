"""Starting the game in a window, and taking headless screenshots of any moment of play."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from ..story import Story, default_root
from .prefs import Records, Settings

if TYPE_CHECKING:   # a state comes with --at or a save, after the story model; the title needs none
    from ..story import State

log = logging.getLogger(__name__)


def play_in_window(story: Story, route: Optional[str] = None, start: Optional[State] = None,
                   lang: Optional[str] = None) -> int:
    """Open the window at the title (or straight into a route, or at `start`: a state just before a line, from
    game.story.warp) and run until the player quits; in `lang` for this time, when given (not kept in settings)."""
    from .app import App
    app = App(story)
    if lang:
        app.set_language(lang)
    if start is not None or route:
        from ..story.runner import Runner
        from .screens.play import PlayScreen
        first = PlayScreen(app, Runner(story, start), resume=True) if start is not None else \
            PlayScreen(app, app.start_route(route))
    else:   # the title: the play screen's module is imported when a game starts (5 ms less before its frame)
        from .screens.title import TitleScreen
        first = TitleScreen(app)
    try:
        return app.run(first)
    except KeyboardInterrupt:  # Ctrl+C in the terminal: close the window and stop, without a traceback
        app.close()
        return 130


def player_past(story: Story) -> frozenset[str]:
    """Each route's latest ending in the player's records of this story: what ended() reads in a playthrough
    begun now (App.start_route gives a new playthrough the same)."""
    from ..paths import story_data_dir
    records = Records.load(story_data_dir(story.title, story.root, default_root()) / "records.json")
    return records.ended({e.id: e.route for e in story.endings.values()})


MENU_SCREENS = ("title", "routes", "settings", "endings")


def shot_screen(story: Story, screen: str, out: Path) -> dict:
    """Render one of the menu screens (title, routes, settings, endings) without a window."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    import pygame

    from .app import App
    from .screen import draw_stack
    from .screens.endings import EndingsScreen
    from .screens.routes import RouteSelect
    from .screens.settings import SettingsScreen
    from .screens.title import TitleScreen
    app = App(story, Settings(), Records(), headless=True, audio=False)
    made = {"title": TitleScreen, "routes": RouteSelect, "settings": SettingsScreen, "endings": EndingsScreen}
    app.stack = [made[screen](app)]
    draw_stack(app.stack, app.canvas, app.dim)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(app.canvas, str(out))
    app.audio.close()
    return {"out": str(out), "shows": screen, "line": 0, "failed": list(app.assets.failed.values())}


def shot(story: Story, route: Optional[str], choices: list[int], line: Optional[int], out: Path,
         past: Sequence[str] = (), start: Optional[State] = None) -> dict:
    """Render, without a window, what the player sees at the Nth line (or where the choices run out);
    past gives the endings ended() reads, as the player's records would. From `start` (a state just before a
    line: game.story.warp) instead of the route's start, the line itself unless choices or a line are given.

    Returns what was shown: {"out", "shows": "line"|"menu"|"ending", "line": lines shown so far}.
    Raises StoryError for a route or a choice that does not exist.
    """
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    from .app import App
    from .screen import Replace, draw_stack
    from ..story.runner import Runner
    from ..story.state import check_past
    from .screens.play import PlayScreen
    app = App(story, Settings(), Records(), headless=True, audio=False)
    if start is not None:
        runner = Runner(story, start)
        line = 1 if line is None and not choices else line
    else:
        runner = Runner.new(story, route, check_past(story, past))
    screen = PlayScreen(app, runner)
    screen.started = True
    if start is not None:
        screen.set_stage(start.stage)   # the picture, characters and music as the path left them
    app.stack = [screen]
    queue = list(choices)
    shown, what = 0, "line"
    transition = screen.pump(instant=True)
    while transition is None:
        # Notes of meter changes last a few seconds: the picture shows only those made just now.
        if screen.menu is not None:
            if not queue:
                what = "menu"
                break
            screen.toasts.items.clear()
            transition = _choose(screen, queue.pop(0))
            continue
        shown += 1
        if line is not None and shown >= line:
            break
        screen.toasts.items.clear()
        transition = screen.pump(instant=True)
    if isinstance(transition, Replace):
        what = "ending" if isinstance(runner.state.ending, str) else "stopped"
        app.stack = [transition.screen]
    screen.stage.finish()
    screen.box.complete()
    draw_stack(app.stack, app.canvas, app.dim)
    out.parent.mkdir(parents=True, exist_ok=True)
    import pygame
    pygame.image.save(app.canvas, str(out))
    app.audio.close()
    return {"out": str(out), "shows": what, "line": shown, "failed": list(app.assets.failed.values())}


def _choose(screen, number: int):
    from ..story import StoryError
    options = screen.runner.current_menu().options
    if not 1 <= number <= len(options):
        raise StoryError(f"choice {number} does not exist: the menu shows {len(options)} options")
    if not options[number - 1].available:
        raise StoryError(f"choice {number} is shown but not available: '{options[number - 1].text}'")
    return screen.choose(number - 1, instant=True)

