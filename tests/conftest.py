"""Test set-up: no display, no audio device, and save/settings folders in a temporary directory."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _player_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the game's save and settings folders at a fresh temporary folder."""
    folder = tmp_path_factory.mktemp("player")
    monkeypatch.setenv("UTSS_DATA_DIR", str(folder / "data"))
    monkeypatch.setenv("UTSS_CONFIG_DIR", str(folder / "config"))
    return folder


@pytest.fixture(autouse=True)
def _system_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system's language is the story's own, whatever the machine running the tests speaks: the game follows
    the system's language until the player chooses one (catalog.system_language)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def story_dir(tmp_path: Path):
    """Make a small story folder from a manifest and scene files: story_dir(manifest, {name: yaml})."""
    def make(manifest: str, scenes: dict[str, str], assets: tuple[str, ...] = ()) -> Path:
        root = tmp_path / "story"
        if root.exists():
            shutil.rmtree(root)
        (root / "scenes").mkdir(parents=True)
        (root / "scenes" / "story.yaml").write_text(manifest, encoding="utf-8")
        for name, text in scenes.items():
            path = root / "scenes" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for asset in assets:
            path = root / "assets" / asset
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"")
        return root
    return make


@pytest.fixture(scope="module")
def dummy_display():
    """A (dummy) display, as in the game, unless one is already up; left as it was found.

    Converting pictures and loading Tiled maps (pytmx's load_pygame) need a display mode set first.
    """
    import pygame
    if pygame.display.get_surface() is not None:
        yield
        return
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    yield
    pygame.display.quit()
