"""Every word of the interface, by key, and the lookup each screen shows them through.

The table is what `python -m game translate extract` writes into translations/LANG/interface.po (the key is the
msgctxt, the English the msgid), so a string a screen shows must be here to be translated. Values in braces
({name}) are filled in by the screen; a translation that lacks one, or names another, is reported by
`translate check` and never shown (the English is).
"""
from __future__ import annotations

import re
from typing import Mapping

from ..playerfiles import NOTES
from .controls import control_words

BRACES = re.compile(r"\{[^{}]*\}")   # as game/i18n/check.py finds them

WORDS: dict[str, str] = {
    # the title screen
    "title.new": "New game",
    "title.continue": "Continue",
    "title.load": "Load",
    "title.settings": "Settings",
    "title.endings": "Endings",
    "title.quit": "Quit",
    "title.keys": "Arrows and Return, or the mouse.  F11: full screen.",
    "title.quit_question": "Quit the game?",
    "title.goodbye": "See you under the stars.",
    # overlays: confirmations, notices and the game menu
    "confirm.yes": "Yes",
    "confirm.no": "No",
    "notice.back": "Back",
    "notice.ok": "OK",
    "menu.title": "Menu",
    "menu.save": "Save",
    "menu.load": "Load",
    "menu.history": "History",
    "menu.settings": "Settings",
    "menu.main_menu": "Main menu",
    "menu.quit": "Quit",
    "menu.leave_note": "Your place is kept: Continue on the title brings you back.",
    "menu.return_question": "Return to the title?",
    "menu.quit_question": "Quit the game?",
    # the route cards
    "routes.title": "Choose a story",
    "routes.back": "Back",
    "routes.endings_one": "{count} of 1 ending",
    "routes.endings": "{count} of {total} endings",
    "routes.finished": "Finished · {endings}",
    "routes.not_played": "Not yet played",
    # playing: the quick menu under the text box, the mode shown, and the notes
    "play.back": "Back",
    "play.history": "History",
    "play.skip": "Skip",
    "play.auto": "Auto",
    "play.save": "Save",
    "play.qsave": "Q.Save",
    "play.qload": "Q.Load",
    "play.prefs": "Prefs",
    "play.skipping": "Skipping",
    "play.as_far_back": "This is as far back as it goes",
    "play.quick_saved": "Quick saved",
    "play.no_quick_save": "No quick save yet: F5 makes one",
    "play.quick_loaded": "Quick loaded",
    "play.screenshot": "Screenshot saved: {name}",
    "play.skip_waits": "Skip waits for your choice",
    "play.nothing_to_skip": "Nothing seen to skip: unseen text (Settings can allow it)",
    "play.skip_stopped": "Skip stopped at unseen text",
    "play.meters": "Meters (M)",
    "play.meter_rose": "{meter} rose",
    "play.meter_fell": "{meter} fell",
    # the history
    "history.title": "History",
    "history.back": "Back",
    "history.your_choice": "Your choice",
    "history.empty": "Nothing has been said yet.",
    "history.help": "Click a line to return to it.  Wheel or arrows to scroll.",
    # saving and loading
    "saves.save": "Save",
    "saves.load": "Load",
    "saves.back": "Back",
    "saves.auto_tab": "Auto",
    "saves.quick_tab": "Quick",
    "saves.quick": "Quick save",
    "saves.autosave": "Autosave {number}",
    "saves.slot": "Slot {number}",
    "saves.empty": "Empty slot",
    "saves.damaged": "Damaged save",
    "saves.help_save": "Click a slot to save here.  Del: delete.  Page Up / Down: pages.",
    "saves.help_load": "Click a save to play on from there.  Del: delete.  Page Up / Down: pages.",
    "saves.help_auto": "The game saves here by itself, at each choice and when you leave.",
    "saves.overwrite_question": "Overwrite this save?",
    "saves.replace_question": "Replace this damaged save?",
    "saves.overwrite": "Overwrite",
    "saves.replaced": "{route} will be replaced by this moment.",
    "saves.replaced_unknown": "It will be replaced by this moment.",
    "saves.delete_question": "Delete this save?",
    "saves.delete_detail": "It cannot be brought back.",
    "saves.delete": "Delete",
    "saves.delete_hint": "{slot}  ·  Del or × to delete",
    "saves.deleted": "Deleted",
    "saves.not_deleted": "The system would not let it be deleted",
    "saves.saved": "Saved",
    "saves.not_saved": "Could not save: {reason}",
    "saves.cannot_load": "This save cannot be loaded",
    "saves.about_data": "About your saved data",
    # endings
    "ending.continue": "Continue",
    "ending.new": "A new ending",
    "ending.again": "An ending",
    "ending.stopped": "The story stopped here",
    "ending.stopped_help": "Press any key to go back to the title",
    "endings.title": "Endings",
    "endings.back": "Back",
    "endings.not_reached": "Not yet reached",
    "endings.reached": "{count} of {total} reached",
    # settings
    "settings.title": "Settings",
    "settings.back": "Back",
    "settings.language": "Language",
    "settings.text_speed": "Text speed",
    "settings.instant": "Instant",
    "settings.letters": "{count} letters a second",
    "settings.auto_delay": "Auto-forward wait",
    "settings.seconds": "{seconds} s",
    "settings.music_volume": "Music volume",
    "settings.ambience_volume": "Ambience volume",
    "settings.sound_volume": "Sound volume",
    "settings.skip_unseen": "Skip",
    "settings.skip_all": "All text",
    "settings.skip_seen": "Seen text only",
    "settings.show_meters": "Meters during play",
    "settings.shown": "Shown",
    "settings.hidden": "Hidden",
    "settings.fullscreen": "Full screen (F11)",
    "settings.on": "On",
    "settings.off": "Off",
    "settings.text_size": "Text size",
    "settings.text_face": "Font",
    "settings.box_opacity": "Text box opacity",
    "settings.high_contrast": "High contrast",
    "settings.reduced_motion": "Reduced motion",
    "settings.self_voicing": "Self-voicing (V)",
    "settings.clipboard_voicing": "Copy lines (Shift+C)",
    "settings.keys": "Keys",
    "settings.show_all": "Show all",
    # what the player is told about their own files (game/playerfiles.py)
    **NOTES,
    # the Keys screen: each section's name, and each key with what it does (game/ui/controls.py)
    **control_words(),
    # why a save cannot be used (game/story/saves.py, WHY), on its card and when it is chosen
    "saves.why.missing": "The file is gone.",
    "saves.why.not_file": "Something that is not a save file is in its place.",
    "saves.why.too_large": "The file is far too large to be a save.",
    "saves.why.unreadable": "The system would not let the game read it.",
    "saves.why.damaged": "The file is damaged or was cut short.",
    "saves.why.not_save": "This is not a save of this game.",
    "saves.why.newer": "A newer version of the game made this save.",
    "saves.why.story": "The story has changed, and the place this save kept is no longer in it.",
    # V and Shift+C (game/ui/voice.py, clipboard.py)
    "voicing.on": "Self-voicing on",
    "voicing.off": "Self-voicing off",
    "voicing.missing": "Self-voicing needs espeak-ng, which is not installed (Debian: apt install espeak-ng)",
    "clipboard.on": "Clipboard voicing on",
    "clipboard.off": "Clipboard voicing off",
    "clipboard.missing": "Clipboard voicing is off: there is no clipboard here",
    # when a save was made, on its card: 3 Dec 2026, 14:05
    "saves.when": "{day} {month} {year}, {time}",
    **{f"month.{n}": name for n, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)},
}


class Words:
    """The interface's words in one language: words('title.new') -> 'New game', or its translation.

    translations maps a key to (the English it was made for, its text); a key missing, a translation made for
    English that has changed since, or one whose {values} differ from the English gives the English.
    """

    def __init__(self, translations: Mapping[str, tuple[str, str]] | None = None):
        self.translations = dict(translations or {})

    def __call__(self, key: str, **values: object) -> str:
        source = WORDS[key]   # an unknown key is a bug in the screen that asks: it fails loudly, in the tests
        made_for, text = self.translations.get(key, (source, ""))
        if text and made_for == source and sorted(BRACES.findall(text)) == sorted(BRACES.findall(source)):
            try:
                return text.format(**values) if values else text
            except (KeyError, IndexError, ValueError):
                pass
        return source.format(**values) if values else source
