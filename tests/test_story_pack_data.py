"""A story pack played with --story keeps its saves, records of endings and seen lines in a folder of its own
(paths.story_data_dir), apart from the game's own story: played through in one App, then the game's own App
finds none of it, and the files on disk are all under the pack's folder. The settings (text speed, volumes, full
screen) are the player's, one file for every story, as a player's preferences go with the player."""
from __future__ import annotations

import pygame

from authorpack import ASSETS, MANIFEST, scenes
from game.paths import data_dir, story_data_dir
from game.story import default_root, load_story
from game.ui.app import App
from game.ui.prefs import Settings
from game.ui.screens.play import PlayScreen
from ui_helpers import feed, key, settle


def files_under(folder) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def test_a_packs_saves_records_and_seen_lines_never_reach_the_games_own(story_dir) -> None:
    pack = load_story(story_dir(MANIFEST, scenes(), ASSETS))
    game_folder = story_data_dir(load_story().title, default_root(), default_root())
    pack_folder = story_data_dir(pack.title, pack.root, default_root())
    assert pack_folder != game_folder and pack_folder.parent == game_folder.parent

    app = App(pack, Settings(text_speed=0), headless=True, audio=False)
    screen = PlayScreen(app, app.start_route("main"))
    app.stack = [screen]
    screen.on_enter()
    settle(app)
    feed(app, key(pygame.K_F5))                             # a quick save
    for _ in range(12):                                     # read on, taking the first option, to the ending
        if type(app.stack[-1]).__name__ != "PlayScreen":
            break
        settle(app, seconds=1.0)
        feed(app, key(pygame.K_1) if screen.menu is not None else key(pygame.K_RETURN))
    assert type(app.stack[-1]).__name__ == "EndingScreen"
    app.suspend()                                           # what closing the window keeps: seen lines
    app.audio.close()

    written = files_under(data_dir())
    assert written, "the pack wrote nothing"
    assert all(name.startswith(str(pack_folder.relative_to(data_dir()))) for name in written), written
    assert {"saves/quick.json", "records.json", "seen.json"} <= files_under(pack_folder)

    game = App(load_story(), Settings(), headless=True, audio=False)
    assert game.slots.filled() == [] and not game.slots.exists("quick")
    assert game.records.endings == [] and game.records.routes_finished == []
    assert not any(line.startswith(("a/", "b/")) for line in game.seen.ids)
    game.audio.close()
    again = App(pack, Settings(), headless=True, audio=False)       # and the pack finds its own again
    assert again.slots.exists("quick") and again.records.endings == ["good"]
    assert any(line.startswith("a/") for line in again.seen.ids)
    again.audio.close()
