"""Where the player's saves, settings and records live (platformdirs, or the UTSS_* variables for tests)."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "under-the-same-stars"


def data_dir() -> Path:
    """Saves, screenshots and the record of endings reached."""
    override = os.environ.get("UTSS_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    """The player's settings."""
    override = os.environ.get("UTSS_CONFIG_DIR")
    return Path(override) if override else platformdirs.user_config_path(APP, appauthor=False)
