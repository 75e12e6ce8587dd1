"""Where the player's saves, settings and records live (platformdirs, or the UTSS_* variables for tests)."""
from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

from .digest import blake2s

APP = "under-the-same-stars"


def data_dir() -> Path:
    """Saves, screenshots and the record of endings reached."""
    override = os.environ.get("UTSS_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    """The player's settings."""
    override = os.environ.get("UTSS_CONFIG_DIR")
    return Path(override) if override else platformdirs.user_config_path(APP, appauthor=False)


def cache_dir() -> Path:
    """Things the game can make again (the first picture of the title's map): UTSS_CACHE_DIR; else, when the
    player's folders were moved (UTSS_DATA_DIR: tests, benchmarks), beside them; else the system's cache folder."""
    override = os.environ.get("UTSS_CACHE_DIR")
    if override:
        return Path(override)
    if os.environ.get("UTSS_DATA_DIR"):
        return data_dir() / "cache"
    return platformdirs.user_cache_path(APP, appauthor=False)


def story_key(title: str, root: Path | str, default_root: Path | str) -> str:
    """The folder name of one story's saves and records: the game's own story by its title, any other
    story pack by its title and where it lives, so that two packs never share saves, seen lines or unlocks."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "story"
    root, default_root = Path(root).resolve(), Path(default_root).resolve()
    if root == default_root:
        return slug
    digest = blake2s(str(root).encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
    return f"{slug}-{digest}"


def story_data_dir(title: str, root: Path | str, default_root: Path | str) -> Path:
    """Saves, records of endings and seen lines of one story."""
    return data_dir() / "stories" / story_key(title, root, default_root)
