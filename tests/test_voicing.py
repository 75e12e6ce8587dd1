"""Self-voicing (V) and clipboard voicing (Shift+C): what is spoken or copied, in what order, and how espeak-ng
is started; a missing espeak-ng or clipboard is told once."""
from __future__ import annotations

import json
import shutil
import wave

import pygame
import pytest

from game.story import load_story
from game.ui.app import App
from game.ui.clipboard import UNAVAILABLE, ClipboardVoicing
from game.ui.prefs import Records, Settings
from game.ui.screen import Push, apply
from game.ui.screens.menus import GameMenu, Notice
from game.ui.words import WORDS
from game.ui.screens.play import PlayScreen
from game.ui.screens.title import TitleScreen
from game.ui.voice import MISSING, Espeak, Voicing
from speech_double import FakeProcess, SaidAloud
from ui_helpers import feed as feed_once, key, settle

SHIFT = pygame.KMOD_LSHIFT


def feed(app, *events) -> None:
    """As ui_helpers.feed, then one more pass of the loop: a focus moved by a key is spoken from the event it
    posts, which the main loop reads on its next pass."""
    feed_once(app, *events)
    feed_once(app)


def voiced_app(speech=None, **settings) -> App:
    settings.setdefault("self_voicing", True)
    app = App(load_story(), Settings(**settings), Records(), headless=True, audio=False,
              speech=speech or SaidAloud())
    pygame.event.clear()   # what earlier tests left in the queue is not this game's
    app.stack = [TitleScreen(app)]
    app.stack[0].on_enter()
    feed(app)
    return app


def to_first_line(app) -> PlayScreen:
    feed(app, key(pygame.K_RETURN))   # New game
    feed(app, key(pygame.K_RETURN))   # the first route
    settle(app)
    play = app.stack[-1]
    assert isinstance(play, PlayScreen)
    return play


def spoken_line(app, play: PlayScreen, line=None) -> str:
    """A line as self-voicing says it: its speaker's name first, if it has a speaker."""
    line = line or play.line
    character = app.story.characters.get(line.speaker) if line.speaker else None
    return f"{character.name}: {line.text}" if character else line.text


def to_menu(app, play: PlayScreen) -> None:
    for _ in range(200):
        if play.menu is not None:
            settle(app, 1.0)
            return
        feed(app, key(pygame.K_RETURN))
        settle(app, 1.0)
    raise AssertionError("no menu reached")


@pytest.fixture
def app():
    app = voiced_app()
    yield app
    app.audio.close()


def test_the_title_speaks_its_focused_button_and_each_focus_move(app) -> None:
    speech = app.voice.speech
    assert speech.said == ["New game"]
    title = app.stack[-1]
    enabled = [b.label for b in title.buttons.buttons if b.enabled]
    feed(app, key(pygame.K_DOWN))
    feed(app, key(pygame.K_DOWN))
    assert speech.said[1:] == enabled[1:3]
    feed(app, key(pygame.K_UP))
    assert speech.said[-1] == enabled[1]


def test_each_line_is_spoken_with_its_speaker_and_replaces_the_one_before(app) -> None:
    play = to_first_line(app)
    speech = app.voice.speech
    first = spoken_line(app, play)
    assert speech.said[-1] == first
    lines = [first]
    for _ in range(6):
        feed(app, key(pygame.K_RETURN))   # completes the line, or shows the next
        settle(app, 1.0)
        if play.menu is None and spoken_line(app, play) != lines[-1]:
            lines.append(spoken_line(app, play))
    said_lines = [s for s in speech.said if s in lines]
    assert said_lines == lines and len(lines) > 2
    names = [c.name for c in app.story.characters.values()]
    assert any(line.startswith(f"{name}: ") for line in lines for name in names)   # a speaker is named


def test_a_menu_speaks_the_line_then_each_option_as_it_takes_the_focus(app) -> None:
    play = to_first_line(app)
    to_menu(app, play)
    speech = app.voice.speech
    options = [b.label for b in play.menu.buttons]
    before = len(speech.said)
    feed(app, key(pygame.K_DOWN))
    feed(app, key(pygame.K_DOWN))
    focused = [options[play.menu.focus - 1], options[play.menu.focus]]
    assert speech.said[before:] == focused
    assert speech.said[before - 1] == options[0]          # the first option, focused when the menu came
    assert speech.said[before - 2] == spoken_line(app, play, play.timeline.steps[-2].line)   # the line that asked


def test_the_game_menu_and_its_dialog_speak_their_buttons(app) -> None:
    play = to_first_line(app)
    speech = app.voice.speech
    feed(app, key(pygame.K_ESCAPE))
    assert isinstance(app.stack[-1], GameMenu)
    feed(app, key(pygame.K_DOWN))
    assert speech.said[-2:] == ["Save", "Load"]
    for _ in range(4):
        feed(app, key(pygame.K_DOWN))
    assert speech.said[-1] == "Quit"
    feed(app, key(pygame.K_RETURN))       # Quit the game? No is focused, the safe answer
    assert speech.said[-1] == f"Quit the game? {WORDS['menu.leave_note']} No"   # the question, then the button
    feed(app, key(pygame.K_LEFT))
    assert speech.said[-1] == "Yes"
    assert play is app.stack[0]


def test_the_settings_screen_speaks_its_focus(app) -> None:
    title = app.stack[-1]
    enabled = [b.key for b in title.buttons.buttons if b.enabled]
    feed(app, *[key(pygame.K_DOWN)] * enabled.index("settings"), key(pygame.K_RETURN))
    screen = app.stack[-1]
    speech = app.voice.speech
    assert speech.said[-2:] == ["Settings", screen.rows.buttons[0].label]
    auto = [b.key for b in screen.rows.buttons].index("auto_delay")
    feed(app, *[key(pygame.K_DOWN)] * auto)
    assert speech.said[-1] == screen.rows.buttons[auto].label
    app.settings.auto_delay = 1.5
    feed(app, key(pygame.K_RIGHT))          # a change says the new value
    assert speech.said[-1] == "Auto-forward wait: 2.0 s"


def test_nothing_is_spoken_with_voicing_off() -> None:
    app = voiced_app(self_voicing=False)
    to_first_line(app)
    feed(app, key(pygame.K_ESCAPE), key(pygame.K_DOWN))
    assert app.voice.speech.said == []


def test_v_turns_voicing_on_and_off_and_the_setting_is_kept() -> None:
    app = voiced_app(self_voicing=False)
    speech = app.voice.speech
    feed(app, key(pygame.K_v))
    assert app.settings.self_voicing and speech.said == ["Self-voicing on"]
    assert Settings.load().self_voicing
    feed(app, key(pygame.K_DOWN))
    assert speech.said[-1] == [b.label for b in app.stack[-1].buttons.buttons if b.enabled][1]
    stops = speech.stops
    feed(app, key(pygame.K_v))
    assert not app.settings.self_voicing and speech.stops == stops + 1
    assert not Settings.load().self_voicing
    feed(app, key(pygame.K_DOWN))
    assert len(speech.said) == 2
    feed(app, key(pygame.K_v, pygame.KMOD_LCTRL))    # Ctrl+V is not V
    assert not app.settings.self_voicing


def test_v_in_play_says_so_in_a_note() -> None:
    app = voiced_app(self_voicing=False)
    play = to_first_line(app)
    feed(app, key(pygame.K_v))
    assert [t.words for t in play.toasts.items][-1] == "Self-voicing on"
    assert app.voice.speech.said[0] == "Self-voicing on"
    feed(app, key(pygame.K_RETURN))
    settle(app, 1.0)
    feed(app, key(pygame.K_RETURN))
    assert app.voice.speech.said[-1] == spoken_line(app, play)


def test_without_espeak_ng_v_says_so_once_and_nothing_else() -> None:
    app = voiced_app(SaidAloud(available=False), self_voicing=False)
    feed(app, key(pygame.K_v))
    notice = app.stack[-1]
    assert isinstance(notice, Notice) and " ".join(notice.lines) == MISSING
    assert not app.settings.self_voicing
    feed(app, key(pygame.K_RETURN))       # OK
    assert isinstance(app.stack[-1], TitleScreen)
    assert app.voice.speech.said == []    # (a notice speaks its words and its button, with voicing on)
    feed(app, key(pygame.K_v))
    assert isinstance(app.stack[-1], TitleScreen) and len(app.stack) == 1
    assert not app.settings.self_voicing and app.voice.speech.said == []


def test_a_notice_speaks_its_title_and_words_before_its_button(app) -> None:
    apply(app.stack, Push(app.make("notice", "About your saved data", "A damaged file was set aside.", button="OK")))
    feed(app)
    assert app.voice.speech.said[-1] == "About your saved data. A damaged file was set aside. OK"


def test_a_settings_file_from_before_voicing_still_loads(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"text_speed": 30, "show_meters": True}), encoding="utf-8")
    old = Settings.load(path)
    assert old.text_speed == 30 and old.show_meters and not old.self_voicing and not old.clipboard_voicing
    old.self_voicing = True
    old.save()
    assert Settings.load(path).self_voicing and Settings.load(path).text_speed == 30


# --- espeak-ng ---
def recording_spawn(calls: list, running: bool = False):
    def spawn(args, **kwargs):
        process = FakeProcess(args, running=running, **kwargs)
        calls.append(process)
        return process
    return spawn


def test_espeak_ng_is_started_with_an_argument_list_never_a_shell(tmp_path) -> None:
    calls: list[FakeProcess] = []
    espeak = Espeak("/usr/bin/espeak-ng", folder=tmp_path, spawn=recording_spawn(calls))
    words = '-v en "quoted"; rm -rf ~ $(reboot) `id`'
    assert not espeak.render(words, tmp_path / "out.wav")   # the fake writes no file: not made
    assert calls[0].args == ["/usr/bin/espeak-ng", "-w", str(tmp_path / "out.wav"), "--", words]
    assert not calls[0].kwargs.get("shell")
    assert pygame.mixer.get_init() is None
    espeak.say(words)                      # no mixer: espeak-ng speaks itself, on the worker
    assert espeak.wait()
    assert calls[1].args == ["/usr/bin/espeak-ng", "--", words] and not calls[1].kwargs.get("shell")
    espeak.close()


def test_the_next_line_stops_the_one_being_spoken(tmp_path) -> None:
    calls: list[FakeProcess] = []
    espeak = Espeak("/usr/bin/espeak-ng", folder=tmp_path, spawn=recording_spawn(calls, running=True))
    voicing = Voicing(Settings(self_voicing=True), espeak)
    voicing.line("Sophia", "Since the tomatoes.")
    assert espeak.wait()
    assert calls[0].args[-1] == "Sophia: Since the tomatoes." and not calls[0].killed
    voicing.line(None, "A recorder. Of course.")
    assert espeak.wait()
    assert calls[0].killed and calls[1].args[-1] == "A recorder. Of course." and not calls[1].killed
    espeak.stop()
    assert calls[1].killed
    espeak.close()


def test_a_missing_espeak_ng_is_not_available_and_starts_nothing(tmp_path) -> None:
    calls: list = []
    espeak = Espeak.find(path=str(tmp_path), spawn=recording_spawn(calls))
    assert not espeak.available
    espeak.say("Hello")
    assert espeak.wait() and calls == [] and espeak.spoken == 0


ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed (Debian: apt install espeak-ng)")


@needs_espeak
def test_espeak_ng_makes_a_real_wav(tmp_path) -> None:
    wav = tmp_path / "hello.wav"
    assert Espeak.find().render("Under the same stars", wav)
    with wave.open(str(wav)) as sound:
        assert sound.getnframes() > sound.getframerate() // 4   # more than a quarter of a second of speech


@needs_espeak
def test_speech_is_played_through_the_mixer_when_it_is_open(tmp_path) -> None:
    pygame.mixer.init(22050, -16, 2, 512)
    try:
        espeak = Espeak.find(folder=tmp_path)
        espeak.say("Self-voicing on")
        assert espeak.wait()
        assert espeak.spoken == 1
        wavs = list(tmp_path.glob("*.wav"))
        assert len(wavs) == 1 and wavs[0].stat().st_size > 1000
        espeak.close()
    finally:
        pygame.mixer.quit()


# --- clipboard voicing ---
def test_shift_c_copies_each_line_to_the_clipboard(app) -> None:
    play = to_first_line(app)
    feed(app, key(pygame.K_c, SHIFT))
    assert app.settings.clipboard_voicing and play.toasts.items[-1].words == "Clipboard voicing on"
    assert Settings.load().clipboard_voicing
    feed(app, key(pygame.K_RETURN))
    settle(app, 1.0)
    feed(app, key(pygame.K_RETURN))
    settle(app, 1.0)
    assert pygame.scrap.get_text() == spoken_line(app, play)
    feed(app, key(pygame.K_c))             # c alone does nothing
    assert app.settings.clipboard_voicing
    feed(app, key(pygame.K_c, SHIFT))
    assert not app.settings.clipboard_voicing
    copied = pygame.scrap.get_text()
    feed(app, key(pygame.K_RETURN))
    settle(app, 1.0)
    feed(app, key(pygame.K_RETURN))
    assert pygame.scrap.get_text() == copied


def test_without_a_clipboard_shift_c_says_so_once(app) -> None:
    def refuse(words: str) -> None:
        raise pygame.error("no clipboard")
    app.clipboard = ClipboardVoicing(app.settings, put=refuse)
    feed(app, key(pygame.K_c, SHIFT))
    assert isinstance(app.stack[-1], Notice) and not app.settings.clipboard_voicing
    assert " ".join(app.stack[-1].lines) == UNAVAILABLE
    feed(app, key(pygame.K_RETURN))
    feed(app, key(pygame.K_c, SHIFT))
    assert isinstance(app.stack[-1], TitleScreen) and not app.settings.clipboard_voicing


def test_the_settings_rows_turn_voicing_and_clipboard_copying_on_as_the_keys_do() -> None:
    from game.ui.screens.settings import ROWS, SettingsScreen
    app = voiced_app(self_voicing=False)
    screen = SettingsScreen(app)
    apply(app.stack, Push(screen))
    voicing = [row.key for row in ROWS].index("self_voicing")
    copying = [row.key for row in ROWS].index("clipboard_voicing")
    screen.change(voicing, 1)
    assert app.settings.self_voicing and app.voice.speech.said[-2:] == ["Self-voicing on", "Self-voicing (V): On"]
    screen.change(voicing, 1)
    assert not app.settings.self_voicing
    screen.change(copying, 1)
    assert app.settings.clipboard_voicing or app.clipboard.broken


def test_an_ending_is_read_aloud_with_its_title_and_words() -> None:
    from game.story import End
    app = voiced_app()
    speech = app.voice.speech
    ending = next(e for e in app.story.endings.values() if e.route == "vineyard")
    screen = app.make("ending", End(ending.id, ending.title, ending.epilogue), "vineyard")
    app.stack = [screen]
    screen.on_enter()
    said = speech.said[-1]
    assert said.startswith(f"A new ending. {ending.title}. ") and ending.epilogue.split()[0] in said


def test_in_french_the_notes_are_french_and_espeak_speaks_with_its_french_voice(tmp_path) -> None:
    app = voiced_app(self_voicing=False)
    app.set_language("fr")
    speech = app.voice.speech
    feed(app, key(pygame.K_v))
    assert speech.said == ["Lecture vocale activée"]
    spawned = []
    espeak = Espeak("/usr/bin/espeak-ng", folder=tmp_path,
                    spawn=lambda args, **kw: spawned.append(args) or FakeProcess(args))
    espeak._voices["fr"] = ["-v", "fr"]          # as `espeak-ng --voices=fr` answers where French is installed
    voicing = Voicing(app.settings, espeak)
    voicing.set_language(app.words, "fr")
    assert espeak.language == "fr" and espeak._voice() == ["-v", "fr"]
    espeak.render("Oui\u202f?", tmp_path / "line.wav")
    assert spawned[-1][:3] == ["/usr/bin/espeak-ng", "-v", "fr"]
    espeak.language = "en"
    espeak.render("Yes?", tmp_path / "line.wav")
    assert spawned[-1][1:3] == ["-w", str(tmp_path / "line.wav")]     # English: espeak-ng's own default voice
