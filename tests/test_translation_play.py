"""Playing in another language: the Language setting, the story and the interface in French where a usable
translation exists, the source where none does, and a switch in the middle of a line."""
from __future__ import annotations

import json
from pathlib import Path

import polib
import pygame
import pytest

from game.i18n.extract import extract
from game.story.loader import load_story
from game.ui.prefs import Settings
from game.ui.screens.settings import ROWS, SettingsScreen
from game.ui.words import WORDS, Words
from translationpack import make_pack
from ui_helpers import feed, key, make_app, settle

FRENCH = {
    "night.cafe/c7c0868e": "Le café était vide.",
    "night.cafe#menu1/option-1": "Dire oui.",
    "night.cafe#menu1/option-2/hint": "Elle ne le croirait pas.",
    "route:night/title": "La Nuit",
    "ending:night.dawn/title": "L'aube",
    "ending:night.dawn/text": "Le soleil se leva.",
    "character:ana/name": "Anne",
    "meter:trust/label": "Confiance",
    "story/title": "Petites Heures",
    "title.new": "Nouvelle partie",
    "history.title": "Historique",
    "settings.language": "Langue",
}
FUZZY = {"night.cafe/987d8f92": "Toujours ouvert ?"}   # Ana's line: translated, but marked fuzzy


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = make_pack(tmp_path / "pack")
    extract(load_story(root), "fr", WORDS)
    for path in (root / "translations" / "fr").rglob("*.po"):
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            entry.msgstr = FRENCH.get(entry.msgctxt, FUZZY.get(entry.msgctxt, ""))
            if entry.msgctxt in FUZZY:
                entry.flags.append("fuzzy")
        catalogue.save()
    return root


def playing(app):
    play = app.make("play", app.start_route("night"))
    app.stack = [play]
    play.on_enter()
    settle(app)
    return play


def shown(play) -> str:
    return " ".join(line for page in play.box.pages for line in page)


def test_the_story_and_interface_show_the_translation_or_else_the_source(pack: Path) -> None:
    app = make_app(load_story(pack), language="fr")
    assert app.languages() == ["en", "fr"] and app.language == "fr"
    assert app.story.title == "Petites Heures" and app.story.routes["night"].title == "La Nuit"
    assert app.story.routes["night"].blurb == "One night."       # not translated: the source
    assert app.words("title.new") == "Nouvelle partie" and app.words("title.quit") == "Quitter"
    play = playing(app)
    assert shown(play) == "Le café était vide."
    play.advance()
    settle(app)
    assert shown(play) == "Still open?" and play.box.name == "Anne"   # a fuzzy translation is never shown
    play.advance()
    settle(app)
    options = [b.label for b in play.menu.buttons]
    assert options == ["Dire oui.", "Say no."]
    assert play.menu.buttons[1].hint == "Elle ne le croirait pas."


def test_saves_hold_ids_whatever_the_language(pack: Path) -> None:
    french, english = make_app(load_story(pack), language="fr"), make_app(load_story(pack))
    a, b = playing(french), playing(english)
    assert a.snapshot().state.to_json(french.source_story) == b.snapshot().state.to_json(english.source_story)
    assert french.folder == english.folder        # the same saves and records, under the story's own title


def test_the_language_setting_switches_the_line_on_screen_and_the_history(pack: Path) -> None:
    app = make_app(load_story(pack))
    play = playing(app)
    assert shown(play) == "The café was empty."
    play.advance()
    settle(app)
    settings = SettingsScreen(app)
    app.stack = [play, settings]
    row = [r.key for r in ROWS].index("language")
    settings.rows.focus = row
    feed(app, key(pygame.K_RIGHT))
    assert app.language == "fr" and app.settings.language == "fr"
    assert Settings.load().language == "fr"                    # kept for the next start
    assert settings.rows.buttons[row].label == "Langue"        # the settings screen itself, in French at once
    feed(app, key(pygame.K_ESCAPE))
    assert app.stack == [play]
    assert play.box.name == "Anne" and shown(play) == "Still open?"   # the same moment, in the new words
    history = app.make("history", play)
    assert [" ".join(r.lines) for r in history.rows] == ["Le café était vide.", "Still open?"]
    play.advance()
    settle(app)
    assert [b.label for b in play.menu.buttons] == ["Dire oui.", "Say no."]
    settings.rows.focus = row
    app.stack = [play, settings]
    feed(app, key(pygame.K_RIGHT))                              # round again: back to English
    assert app.language == "en" and app.words("settings.language") == "Language"
    feed(app, key(pygame.K_ESCAPE))
    assert [b.label for b in play.menu.buttons] == ["Say yes.", "Say no."]


def test_the_ending_and_the_meters_speak_the_language(pack: Path) -> None:
    app = make_app(load_story(pack), language="fr")
    play = playing(app)
    play.advance()
    settle(app)
    play.advance()
    settle(app)
    transition = play.choose(0)
    ending = transition.screen
    assert (ending.ending.title, ending.ending.epilogue) == ("L'aube", "Le soleil se leva.")
    assert [t.words for t in play.toasts.items] == ["Confiance en hausse"]   # the game's interface.po


def test_a_language_the_story_lacks_falls_back_to_the_source(pack: Path) -> None:
    app = make_app(load_story(pack), language="de")
    assert app.language == "en" and app.story.title == "Small Hours"


def test_old_settings_files_load_and_a_bad_language_value_is_ignored(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"text_speed": 60, "music_volume": 0.5}), encoding="utf-8")
    settings = Settings.load(old)
    assert (settings.text_speed, settings.music_volume, settings.language) == (60, 0.5, "")
    for bad in (["fr"], 3, "français", "../fr", "fr\n"):
        old.write_text(json.dumps({"text_speed": 60, "language": bad}), encoding="utf-8")
        assert Settings.load(old).language == ""
    old.write_text(json.dumps({"language": "pt_BR"}), encoding="utf-8")
    assert Settings.load(old).language == "pt_BR"


def test_words_fall_back_to_english_for_a_changed_source_or_a_wrong_placeholder() -> None:
    words = Words({"play.screenshot": ("Screenshot saved: {name}", "Capture enregistrée : {nom}"),
                   "title.new": ("New play", "Nouvelle partie"),
                   "title.load": ("Load", "Charger")})
    assert words("play.screenshot", name="a.png") == "Screenshot saved: a.png"
    assert words("title.new") == "New game"
    assert words("title.load") == "Charger"
    with pytest.raises(KeyError):
        words("no.such.key")


def test_every_interface_string_has_a_natural_french_translation() -> None:
    from game.story.home import default_root
    po = polib.pofile(str(default_root() / "translations" / "fr" / "interface.po"))
    entries = {e.msgctxt: e for e in po if not e.obsolete}
    assert sorted(entries) == sorted(WORDS)
    assert all(e.msgid == WORDS[k] and e.msgstr and not e.fuzzy for k, e in entries.items())
    french = Words({k: (e.msgid, e.msgstr) for k, e in entries.items()})
    assert (french("menu.save"), french("menu.load"), french("history.title"), french("play.skip")) == (
        "Sauvegarder", "Charger", "Historique", "Passer")


def test_a_save_card_names_its_route_in_the_language_shown_now(pack: Path) -> None:
    english = make_app(load_story(pack))
    play = playing(english)
    english.slots.write("slot-01", play.snapshot().state, "The café was empty.")
    french = make_app(load_story(pack), language="fr")
    saves = french.make("saves", "load")
    info = french.slots.info("slot-01")
    assert info.route_title == "The Night" and saves.route_title(info) == "La Nuit"
    # the pack's interface.po translates a few words; the game's own gives the rest
    assert french.words("title.new") == "Nouvelle partie" and french.words("title.load") == "Charger"


def test_the_title_and_the_game_menu_beneath_settings_take_the_new_language(pack: Path) -> None:
    app = make_app(load_story(pack))
    row = [r.key for r in ROWS].index("language")

    def change_language_over(beneath, arrow: int) -> None:
        settings = SettingsScreen(app)
        app.stack = [beneath, settings]
        settings.rows.focus = row
        feed(app, key(arrow))
        feed(app, key(pygame.K_ESCAPE))
        assert app.stack == [beneath]
    title = app.make("title")
    assert [b.label for b in title.buttons.buttons][:2] == ["New game", "Continue"]
    change_language_over(title, pygame.K_RIGHT)
    assert [b.label for b in title.buttons.buttons][:2] == ["Nouvelle partie", "Continuer"]
    menu = app.make("game_menu", None)
    assert [b.label for b in menu.buttons.buttons][:2] == ["Sauvegarder", "Charger"]
    change_language_over(menu, pygame.K_LEFT)
    assert app.language == "en" and [b.label for b in menu.buttons.buttons][:2] == ["Save", "Load"]


def test_a_translation_that_drops_or_renames_a_value_in_braces_is_never_shown() -> None:
    words = Words({"play.screenshot": ("Screenshot saved: {name}", "Capture enregistrée"),
                   "play.meter_rose": ("{meter} rose", "{meter} en hausse")})
    assert words("play.screenshot", name="a.png") == "Screenshot saved: a.png"
    assert words("play.meter_rose", meter="Confiance") == "Confiance en hausse"


@pytest.mark.parametrize("environ, found", [
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LANG": "fr_CA.UTF-8@euro"}, "fr"),
    ({"LANGUAGE": "de:fr", "LANG": "de_DE.UTF-8"}, "fr"),     # the first language of the list the story has
    ({"LC_ALL": "de_DE.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),  # LC_ALL is set: LANG is not looked at
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "pt_BR.UTF-8"}, "pt_BR"),
    ({"LANG": "pt_PT.UTF-8"}, "pt"),
])
def test_the_system_language_is_found_as_gettext_finds_it(environ, found):
    from game.i18n.catalog import system_language
    assert system_language(["en", "fr", "pt", "pt_BR"], environ) == found


def test_until_the_player_chooses_a_language_the_game_speaks_the_systems(pack: Path, monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    story = load_story(pack)
    app = make_app(story)
    assert app.language == "fr" and app.story.title == "Petites Heures" and app.words("title.new") == "Nouvelle partie"
    chosen = make_app(story, language="en")      # a language chosen in Settings is kept, whatever the system's
    assert chosen.language == "en" and chosen.words("title.new") == "New game"
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")    # a system language the story lacks: the story's own
    assert make_app(story).language == "en"


def test_lang_opens_the_window_in_that_language_for_this_time(pack: Path, monkeypatch, capsys):
    from game import cli
    import game.ui.launch as launch
    opened = []
    monkeypatch.setattr(launch, "play_in_window", lambda story, route, start, lang: opened.append(lang) or 0)
    monkeypatch.setattr(cli, "_window_problem", lambda: None)
    assert cli.main(["--story", str(pack), "--lang", "fr"]) == 0 and opened == ["fr"]
    assert cli.main(["--story", str(pack), "--lang", "xx"]) == 2 and opened == ["fr"]
    err = capsys.readouterr().err
    assert "no translation 'xx'" in err and "the story's languages are: en, fr" in err
    assert Settings.load().language == ""      # nothing kept: the next start follows Settings again


def test_lang_before_play_prints_the_transcript_in_that_language(pack: Path, capsys):
    from game import cli
    assert cli.main(["--story", str(pack), "--lang", "fr", "play", "--route", "night", "--choose", "1"]) == 0
    assert "Le café était vide." in capsys.readouterr().out


def _french_words():
    from game.i18n.catalog import interface_texts
    from game.story.home import default_root
    return Words(interface_texts("fr", default_root(), default_root()))


def test_the_window_title_is_the_storys_in_the_players_language(pack: Path):
    app = make_app(load_story(pack))
    assert pygame.display.get_caption()[0] == "Small Hours"
    app.set_language("fr")
    assert pygame.display.get_caption()[0] == "Petites Heures"


def test_what_happened_to_the_players_files_is_told_in_their_language(tmp_path: Path):
    from game.ui.prefs import Records, player_notes
    path = tmp_path / "records.json"
    Records(path=path).save()
    path.with_name("records.json.bak").write_bytes(path.read_bytes())     # the last good copy
    path.write_text("{ damaged", encoding="utf-8")
    records = Records.load(path)
    english = [str(note) for note in records.file.notes]
    french = player_notes(records, say=_french_words())
    assert english[0].startswith("The record of endings reached was damaged; it is kept as records.json.bad-")
    assert french[0].startswith("Le registre des fins atteintes était endommagé\u202f; il est conservé sous le nom "
                                "records.json.bad-")
    assert french[1] == "Pour le registre des fins atteintes, la dernière bonne copie a été reprise à sa place."


def test_a_save_card_tells_its_date_and_why_it_cannot_be_used_in_the_players_words(tmp_path: Path):
    from datetime import datetime
    from game.slots import SlotInfo
    from game.story.saves import WHY, SaveError, read_json
    from game.ui.screens.saves import when
    french, english = _french_words(), Words()
    info = SlotInfo("slot-01", saved_at=datetime(2026, 12, 3, 14, 5))
    assert when(info, english) == "3 Dec 2026, 14:05" and when(info, french) == "3 déc. 2026 à 14:05"
    broken = tmp_path / "slot.json"
    broken.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(SaveError) as raised:
        read_json(broken)
    assert raised.value.kind == "damaged" and "invalid JSON" in raised.value.reason
    assert french(f"saves.why.{raised.value.kind}") == "Le fichier est endommagé ou incomplet."
    for kind in WHY:     # every reason a save can be refused for has its words, in both languages
        assert english(f"saves.why.{kind}") != french(f"saves.why.{kind}")


def test_the_title_shows_the_storys_own_tagline_or_none(pack: Path, story_dir) -> None:
    """The line under the title is the manifest's tagline:, translated with the story; a story without one shows
    none (never the game's own "a visual novel in three confessions")."""
    from game.story.loader import load_story as load
    own = load()
    assert own.tagline == "a visual novel in three confessions"
    french = make_app(own, language="fr")
    assert french.story.tagline == "un roman visuel en trois confessions"
    app = make_app(load_story(pack))
    assert app.story.tagline == ""
    title = app.make("title")
    app.stack = [title]
    title.on_enter()
    settle(app, 0.2)
    app.step(0.05, force=True)
    band = app.canvas.subsurface(pygame.Rect(340, 240, 600, 32))
    bright = sum(1 for x in range(0, 600, 2) for y in range(0, 32, 2) if sum(band.get_at((x, y))[:3]) > 600)
    assert bright == 0      # nothing written where a tagline would be
