"""Self-voicing (V, as in Ren'Py): each line with its speaker, and each button as it takes the focus, spoken by
espeak-ng. The one module that starts espeak-ng; the rest of the game sees say(text) and stop()."""
from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Protocol

import pygame

from .audio import EFFECT_CHANNELS, RESERVED
from .words import WORDS, Words

if TYPE_CHECKING:
    import subprocess   # imported where espeak-ng is started, on the worker: not before the title's first frame

log = logging.getLogger(__name__)

VOICE_CHANNEL = RESERVED + EFFECT_CHANNELS   # after the effects' channels: speech never cuts a sound short
MISSING = WORDS["voicing.missing"]           # in English; told in the player's words (Voicing.words)
SYNTH_TIMEOUT = 20.0                         # seconds: a stuck espeak-ng is given up, never waited on for ever


class Speech(Protocol):
    """What speaks: available says whether it can; say() replaces whatever is being said; stop() silences it."""

    available: bool

    def say(self, text: str) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


Spawn = Callable[..., "subprocess.Popen"]


class Espeak:
    """espeak-ng, started with an argument list (never a shell) on a worker thread, so no frame waits for it.

    With pygame's mixer open, espeak-ng writes a WAV (`-w FILE -- TEXT`) that is played on a channel of its own;
    without one, espeak-ng speaks itself. Only the newest request is spoken: lines skipped past are never said.
    """

    def __init__(self, program: Optional[str], folder: Optional[Path] = None, spawn: Optional[Spawn] = None):
        """spawn: what starts espeak-ng (subprocess.Popen unless a test gives another)."""
        self.program = program
        self.available = program is not None
        self._spawn = spawn
        self._folder = folder
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._wanted: Optional[tuple[int, str]] = None
        self._generation = 0
        self._process: Optional[subprocess.Popen] = None
        self._worker: Optional[threading.Thread] = None
        self._closing = False
        self._idle = threading.Event()
        self._idle.set()
        self.spoken = 0   # requests carried out (synthesised and played, or handed to espeak-ng to speak)
        self.language = "en"   # espeak-ng's voice: the game's language (fr, pt_BR -> pt-br), its default for en
        self._voices: dict[str, list[str]] = {"": [], "en": []}

    def _voice(self) -> list[str]:
        """The arguments choosing the language's voice; none (espeak-ng's default) when it has no such voice,
        asked once per language, on the worker thread (espeak-ng refuses to speak with a voice it lacks)."""
        import subprocess
        language = self.language
        if language not in self._voices:
            voice = language.lower().replace("_", "-")
            try:
                listed = subprocess.run([self.program, f"--voices={voice}"], capture_output=True, text=True,
                                        timeout=SYNTH_TIMEOUT).stdout.splitlines()[1:]
                self._voices[language] = ["-v", voice] if listed else []
                if not listed:
                    log.warning("espeak-ng has no voice for %s: it speaks with its default voice", language)
            except (OSError, subprocess.SubprocessError):
                self._voices[language] = ["-v", voice]
        return self._voices[language]

    @classmethod
    def find(cls, path: Optional[str] = None, **kwargs) -> Espeak:
        """espeak-ng from the PATH (or `path`); one that is not there is not available and says nothing."""
        return cls(shutil.which("espeak-ng", path=path), **kwargs)

    # --- what the game calls ---
    def say(self, text: str) -> None:
        text = " ".join(text.split())
        if not self.available or not text:
            return
        self._silence()
        with self._wake:
            self._generation += 1
            self._wanted = (self._generation, text)
            self._idle.clear()
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="espeak-ng", daemon=True)
                self._worker.start()
            self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._generation += 1
            self._wanted = None
        self._silence()

    def close(self) -> None:
        self.stop()
        with self._wake:
            self._closing = True
            self._wake.notify()
        if self._worker is not None:
            self._worker.join(timeout=SYNTH_TIMEOUT)

    def wait(self, timeout: float = SYNTH_TIMEOUT) -> bool:
        """Until every request so far is carried out (tests and the screenshot tool); True if it was."""
        return self._idle.wait(timeout)

    def render(self, text: str, wav: Path) -> bool:
        """Write `text` spoken to `wav`; True if espeak-ng made it."""
        import subprocess
        try:
            process = self._start("-w", str(wav), "--", text)
        except OSError as exc:
            log.warning("cannot start espeak-ng: %s", exc)
            return False
        with self._lock:
            self._process = process
        try:
            return process.wait(timeout=SYNTH_TIMEOUT) == 0 and wav.is_file()
        except subprocess.TimeoutExpired:
            process.kill()
            return False

    # --- inside ---
    def _start(self, *args: str) -> subprocess.Popen:
        """espeak-ng started with the language's voice and these arguments, its output thrown away."""
        import subprocess   # here, on the worker: not before the title's first frame
        spawn = self._spawn or subprocess.Popen
        return spawn([self.program, *self._voice(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def _silence(self) -> None:
        with self._lock:
            process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
        if pygame.mixer.get_init() and pygame.mixer.get_num_channels() > VOICE_CHANNEL:
            pygame.mixer.Channel(VOICE_CHANNEL).stop()

    def _work(self) -> None:
        while True:
            with self._wake:
                while self._wanted is None and not self._closing:
                    self._idle.set()
                    self._wake.wait()
                if self._closing:
                    self._idle.set()
                    return
                generation, words = self._wanted
                self._wanted = None
            try:
                self._speak(generation, words)
            except (OSError, pygame.error) as exc:
                log.warning("self-voicing could not speak: %s", exc)

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def _speak(self, generation: int, words: str) -> None:
        if not pygame.mixer.get_init():   # no mixer (no audio device, or not open yet): espeak-ng speaks itself
            process = self._start("--", words)
            with self._lock:
                current = generation == self._generation
                self._process = process if current else self._process
            if not current:   # stopped, or replaced, while it was starting
                process.kill()
                return
            self.spoken += 1
            return
        if self._folder is None:
            import tempfile
            self._folder = Path(tempfile.mkdtemp(prefix="utss-voice-"))
        wav = self._folder / f"line-{generation % 2}.wav"   # two, so one can be written while one is read
        if not self.render(words, wav) or not self._current(generation):
            return
        sound = pygame.mixer.Sound(str(wav))
        with self._lock:
            if generation != self._generation:
                return
            if pygame.mixer.get_num_channels() <= VOICE_CHANNEL:
                pygame.mixer.set_num_channels(VOICE_CHANNEL + 1)
            pygame.mixer.Channel(VOICE_CHANNEL).play(sound)
        self.spoken += 1


class Voicing:
    """Whether the game speaks (the self_voicing setting), and what: a line with its speaker, a focused button."""

    def __init__(self, settings, speech: Speech):
        self.settings = settings
        self.speech = speech
        self._told_missing = False
        self.words = Words()   # the interface's words in the player's language (App.set_language)

    def set_language(self, words: Words, language: str) -> None:
        """Notes in the player's words, and speech in their language's voice where the speech has voices."""
        self.words = words
        if hasattr(self.speech, "language"):
            self.speech.language = language

    @property
    def on(self) -> bool:
        return bool(self.settings.self_voicing) and self.speech.available

    def toggle(self) -> Optional[str]:
        """V: voicing on or off; the note to show, if any. Without espeak-ng, the note saying so, once."""
        if not self.speech.available:
            if self._told_missing:
                return None
            self._told_missing = True
            return self.words("voicing.missing")
        self.settings.self_voicing = not self.settings.self_voicing
        self.settings.save()
        if self.settings.self_voicing:
            self.speech.say(self.words("voicing.on"))
            return self.words("voicing.on")
        self.speech.stop()
        return self.words("voicing.off")

    def line(self, speaker: Optional[str], words: str) -> None:
        """A new line: whatever was being said stops, and this is said, its speaker first."""
        if self.on:
            self.speech.say(f"{speaker}: {words}" if speaker else words)

    def focused(self, words: str) -> None:
        if self.on:
            self.speech.say(words)

    def close(self) -> None:
        self.speech.close()
