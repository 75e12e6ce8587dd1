"""French typography on screen: the no-break spaces French sets before : ; ! ? and inside « » (U+202F, U+00A0)
stay as they are written and hold their neighbours on one line, so no line of the text box, a choice or a
dialog starts with a stop or a closing guillemet. Checked on every French text of the game that has one."""
from __future__ import annotations

from pathlib import Path

import polib
import pygame
import pytest

from game.ui import theme
from game.ui.text import words, wrap

ROOT = Path(__file__).resolve().parents[1]
NO_BREAK = ("\u202f", "\u00a0")
NEVER_FIRST = tuple("?!:;»") + NO_BREAK
NEVER_LAST = ("«",) + NO_BREAK


def _french_texts() -> list[str]:
    texts = []
    for po in sorted((ROOT / "translations" / "fr").rglob("*.po")):
        texts += [e.msgstr for e in polib.pofile(str(po)) if e.msgstr and any(s in e.msgstr for s in NO_BREAK)]
    return texts


def test_a_no_break_space_stays_inside_its_word():
    assert words("De qui\u202f? De vous,\u00a0monsieur\u202f!") == ["De", "qui\u202f?", "De", "vous,\u00a0monsieur\u202f!"]
    assert words("«\u202fBonjour\u202f»  dit-elle\tpuis\npartit") == ["«\u202fBonjour\u202f»", "dit-elle", "puis", "partit"]


def test_the_french_translation_uses_no_break_spaces():
    texts = _french_texts()
    assert len(texts) > 300   # the translation's questions and exclamations, at least
    assert not [t for t in texts if " ?" in t or " !" in t or " :" in t or " ;" in t][:5]


@pytest.mark.parametrize("italic", [False, True], ids=["dialogue", "narration"])
def test_no_line_starts_with_a_stop_or_a_no_break_space_at_any_width(dummy_display, italic):
    pygame.font.init()
    font = theme.text_font(theme.DIALOGUE_SIZE, italic=italic)
    texts = _french_texts()
    checked = 0
    for width in range(260, 1100, 37):     # every French line with a no-break space, broken at many widths
        for text in texts:
            lines = wrap(text, font, width)
            assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")   # nothing lost
            for line in lines:
                if font.size(line)[0] > width:
                    continue   # a word longer than the line, broken by letters: nothing to hold
                assert not line.startswith(NEVER_FIRST), (text, width, lines)
                assert not line.endswith(NEVER_LAST), (text, width, lines)
            checked += 1
    assert checked > 5000
