"""The game's screens: title, route select, play, menus, settings, endings."""
