"""Save and Load: pages of slots, each with a picture of the scene, the date, the story and its first words."""
from __future__ import annotations

import io
from typing import Optional

import pygame

from ...slots import AUTO_NAMES, PAGES, PER_PAGE, QUICK, SlotInfo, slot_name
from .. import theme
from ..screen import Pop, Push, Screen, Transition
from ..session import load_slot, write_slot
from ..text import fitted, wrap
from ..widgets import Button, ButtonList, panel, text
from .menus import is_back

TABS = ["saves.auto_tab", "saves.quick_tab"] + [str(n) for n in range(1, PAGES + 1)]  # words.py keys, numbers
CARD_W, CARD_H, GAP_X, GAP_Y = 352, 252, 22, 14
THUMB_SHOWN = (320, 180)
GRID_LEFT, GRID_TOP = 640 - (3 * CARD_W + 2 * GAP_X) // 2, 128
DELETE_SIZE = 30


def slot_names(tab: int) -> list[str]:
    """The slots on tab `tab`: the autosaves, the quick save, or a page of six numbered slots."""
    if tab == 0:
        return list(AUTO_NAMES)
    if tab == 1:
        return [QUICK]
    return [slot_name(tab - 2, i) for i in range(PER_PAGE)]


def card_rect(index: int) -> pygame.Rect:
    row, col = divmod(index, 3)
    return pygame.Rect(GRID_LEFT + col * (CARD_W + GAP_X), GRID_TOP + row * (CARD_H + GAP_Y), CARD_W, CARD_H)


def delete_rect(card: pygame.Rect) -> pygame.Rect:
    return pygame.Rect(card.right - DELETE_SIZE - 8, card.y + 8, DELETE_SIZE, DELETE_SIZE)


def when(info: SlotInfo, words) -> str:
    """3 Dec 2026, 14:05, the month in the player's words (the system's locale is not asked)."""
    if info.saved_at is None:
        return ""
    at = info.saved_at
    return words("saves.when", day=at.day, month=words(f"month.{at.month}"), year=at.year, time=f"{at:%H:%M}")


class SaveLoad(Screen):
    """mode 'save' (from play: play is the play screen whose moment is kept) or 'load'."""

    overlay = True

    def __init__(self, app, mode: str = "load", play=None):
        super().__init__(app)
        self.mode, self.play = mode, play
        self.box = pygame.Rect(40, 18, 1200, 684)
        self.tab = self.first_tab()
        self.focus = 0
        self.message = ""
        tab_font = theme.ui_font(theme.SMALL_SIZE)
        labels = [app.words(t) if t.startswith("saves.") else t for t in TABS]
        x, buttons = 640 - sum(tab_font.size(t)[0] + 34 for t in labels) // 2, []
        for i, label in enumerate(labels):
            width = tab_font.size(label)[0] + 34
            buttons.append(Button(label, pygame.Rect(x, 82, width, 34), key=str(i)))
            x += width
        self.tabs = ButtonList(buttons, tab_font, horizontal=True, flat=True)
        self.back = ButtonList([Button(app.words("saves.back"), pygame.Rect(self.box.x + 26, self.box.y + 22, 140, 44),
                                       key="back")])
        self.infos: list[Optional[SlotInfo]] = []
        self.thumbs: dict[str, pygame.Surface] = {}
        self.read_page()

    def first_tab(self) -> int:
        """Load opens on the page of the newest save; Save on the page the player last used (or the first)."""
        remembered = getattr(self.app, "save_tab", None)
        if self.mode == "save":
            return remembered if isinstance(remembered, int) and remembered >= 2 else 2
        newest = self.app.slots.newest()
        for tab in range(len(TABS)):
            if newest in slot_names(tab):
                return tab
        return remembered if isinstance(remembered, int) else 2

    # --- the slots of this page ---
    def read_page(self) -> None:
        self.names = slot_names(self.tab)
        self.infos = [self.app.slots.info(name) for name in self.names]
        self.thumbs = {}
        for name, info in zip(self.names, self.infos):
            if info is not None and info.thumbnail:
                try:
                    picture = pygame.image.load(io.BytesIO(info.thumbnail), "thumb.png")
                    if picture.get_size() != THUMB_SHOWN:
                        picture = pygame.transform.smoothscale(picture, THUMB_SHOWN)
                    self.thumbs[name] = picture.convert() if pygame.display.get_surface() else picture
                except (pygame.error, ValueError):
                    pass
        self.focus = min(self.focus, len(self.names) - 1)

    def set_tab(self, tab: int) -> None:
        self.tab = tab % len(TABS)
        self.app.save_tab = self.tab
        self.message = ""
        self.read_page()

    def can_pick(self, index: int) -> bool:
        info = self.infos[index]
        if self.mode == "save":
            return self.tab >= 1 and self.play is not None  # autosaves are written by the game alone
        return info is not None and info.usable

    # --- acting on a slot ---
    def pick(self, index: int) -> Optional[Transition]:
        if not self.can_pick(index):
            return None
        name, info = self.names[index], self.infos[index]
        if self.mode == "load":
            if self.play is not None and self.app.autosaves:
                self.play.suspend()  # the place being left is kept in an autosave
            return load_slot(self.app, name)
        if info is None:
            self.save(name)
            return None
        w = self.app.words
        question = w("saves.overwrite_question" if info.usable else "saves.replace_question")
        title = self.route_title(info)
        detail = w("saves.replaced", route=title) if title else w("saves.replaced_unknown")
        return Push(self.app.make("confirm", question, detail, lambda: self._save_and_close(name),
                                  yes=w("saves.overwrite")))

    def _save_and_close(self, name: str) -> Transition:
        self.save(name)
        return Pop()

    def save(self, name: str) -> None:
        self.message = write_slot(self.app, name, self.play.snapshot())
        self.read_page()

    def ask_delete(self, index: int) -> Optional[Transition]:
        name, info = self.names[index], self.infos[index]
        if info is None:
            return None

        def delete() -> Transition:
            self.message = self.app.words("saves.deleted" if self.app.slots.delete(name) else "saves.not_deleted")
            self.read_page()
            return Pop()
        w = self.app.words
        return Push(self.app.make("confirm", w("saves.delete_question"), w("saves.delete_detail"), delete,
                                  yes=w("saves.delete")))

    # --- input ---
    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event):
            return Pop()
        if event.type == pygame.KEYDOWN:  # the cards take the keys; Back and the tabs answer the mouse
            return self.key(event.key)
        if self.back.handle(event) is not None:
            return Pop()
        tab = self.tabs.handle(event)
        if tab is not None:
            self.set_tab(int(tab.key))
            return None
        if event.type == pygame.MOUSEMOTION:
            for i in range(len(self.names)):
                if card_rect(i).collidepoint(event.pos) and self.focus != i:
                    self.focus = i
                    self.say_focus()
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for i in range(len(self.names)):
                card = card_rect(i)
                if self.infos[i] is not None and delete_rect(card).collidepoint(event.pos):
                    return self.ask_delete(i)
                if card.collidepoint(event.pos):
                    self.focus = i
                    return self.pick(i)
        elif event.type == pygame.MOUSEWHEEL:
            self.set_tab(self.tab - event.y)
        return None

    def key(self, key: int) -> Optional[Transition]:
        count = len(self.names)
        moves = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1, pygame.K_UP: -3, pygame.K_DOWN: 3}
        if key in moves:
            target = self.focus + moves[key]
            if 0 <= target < count:
                self.focus = target
                self.say_focus()
        elif key in (pygame.K_PAGEUP, pygame.K_q):
            self.set_tab(self.tab - 1)
            self.say_focus()
        elif key in (pygame.K_PAGEDOWN, pygame.K_e):
            self.set_tab(self.tab + 1)
            self.say_focus()
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return self.pick(self.focus)
        elif key in (pygame.K_DELETE, pygame.K_BACKSPACE):
            return self.ask_delete(self.focus)
        return None

    # --- drawing ---
    def draw(self, canvas: pygame.Surface) -> None:
        panel(canvas, self.box)
        title = self.app.words("saves.save" if self.mode == "save" else "saves.load")
        text(canvas, theme.display_font(38), title, theme.GOLD, (640, 50), "center")
        self.tabs.focus = self.tab
        self.tabs.draw(canvas)
        for i, name in enumerate(self.names):
            self.draw_card(canvas, i, name, self.infos[i])
        self.back.draw(canvas)
        small = theme.ui_font(theme.SMALL_SIZE)
        hint = self.app.words("saves.help_save" if self.mode == "save" else "saves.help_load")
        if self.mode == "save" and self.tab == 0:
            hint = self.app.words("saves.help_auto")
        text(canvas, small, self.message or hint, theme.GOLD if self.message else theme.PAPER_DIM,
             (640, self.box.bottom - 26), "center")

    def draw_card(self, canvas: pygame.Surface, index: int, name: str, info: Optional[SlotInfo]) -> None:
        card = card_rect(index)
        focused = index == self.focus
        pickable = self.can_pick(index)
        border = theme.GOLD if focused and pickable else (92, 80, 70)
        panel(canvas, card, alpha=240, border=border)
        if focused and pickable:
            pygame.draw.rect(canvas, theme.GOLD, card.inflate(6, 6), width=2, border_radius=14)
        small, words_font = theme.ui_font(theme.SMALL_SIZE), theme.text_font(20, italic=True)
        label_font = theme.ui_font(18)
        picture = pygame.Rect(card.x + 16, card.y + 12, *THUMB_SHOWN)
        label = self.slot_label(name)
        below = picture.bottom + 8
        if info is None:
            pygame.draw.rect(canvas, (34, 31, 40), picture, border_radius=6)
            text(canvas, theme.display_font(24), self.app.words("saves.empty"), theme.PAPER_DIM, picture.center,
                 "center")
            text(canvas, small, label, theme.PAPER_DIM, (card.x + 16, below))
            return
        if not info.usable:
            pygame.draw.rect(canvas, (52, 28, 30), picture, border_radius=6)
            text(canvas, theme.display_font(24), self.app.words("saves.damaged"), (236, 150, 130),
                 (picture.centerx, picture.y + 40),
                 "center")
            y = picture.y + 76
            for line in wrap(self.app.words(f"saves.why.{info.why or 'damaged'}"), small, picture.width - 24)[:3]:
                text(canvas, small, line, theme.PAPER_DIM, (picture.centerx, y), "midtop")
                y += small.get_linesize()
            hint = fitted(self.app.words("saves.delete_hint", slot=label), small, card.width - 32)
            text(canvas, small, hint, theme.PAPER_DIM, (card.x + 16, below))
        else:
            thumb = self.thumbs.get(name)
            if thumb is not None:
                canvas.blit(thumb, picture.topleft)
            else:
                pygame.draw.rect(canvas, (34, 31, 40), picture, border_radius=6)
            badge = pygame.Rect(picture.x + 6, picture.y + 6, label_font.size(label)[0] + 16, 26)
            panel(canvas, badge, alpha=200, border=None)
            text(canvas, label_font, label, theme.PAPER, badge.center, "center")
            stamp = when(info, self.app.words)
            stamp_rect = text(canvas, label_font, stamp, theme.PAPER_DIM, (picture.right, below + 2), "topright")
            room = stamp_rect.left - picture.x - 14
            text(canvas, small, fitted(self.route_title(info), small, room), theme.GOLD, (picture.x, below))
            text(canvas, words_font, fitted(info.words, words_font, picture.width), theme.PAPER,
                 (picture.x, below + 26))
        cross = delete_rect(card)
        pygame.draw.rect(canvas, (24, 22, 30), cross, border_radius=8)
        pygame.draw.rect(canvas, (150, 130, 120), cross, width=1, border_radius=8)
        c = cross.center
        for dx in (-1, 1):
            pygame.draw.line(canvas, theme.PAPER, (c[0] - 7, c[1] - 7 * dx), (c[0] + 7, c[1] + 7 * dx), 2)

    def spoken(self, index: int) -> str:
        """What self-voicing says of a card: its slot, then what it holds (or that it is empty, or damaged, and why)."""
        name, info, say = self.names[index], self.infos[index], self.app.words
        label = self.slot_label(name)
        if info is None:
            return f"{label}: {say('saves.empty')}"
        if not info.usable:
            why = say(f"saves.why.{info.why or 'damaged'}")
            return f"{label}: {say('saves.damaged')}. {why}"
        return f"{label}: {self.route_title(info)}, {when(info, say)}. {info.words}"

    def say_focus(self, before: str = "") -> None:
        if self.names:
            self.app.voice.focused(before + self.spoken(self.focus))

    def on_enter(self) -> None:
        """Self-voicing says which screen this is, then the card in focus."""
        self.say_focus(self.app.words("saves.save" if self.mode == "save" else "saves.load") + ". ")

    def route_title(self, info: SlotInfo) -> str:
        """The route's title in the player's language; the save keeps it as it was written when saved."""
        route = self.app.story.routes.get(info.meta.get("route")) if isinstance(info.meta.get("route"), str) else None
        return route.title if route is not None else info.route_title

    def slot_label(self, name: str) -> str:
        if name == QUICK:
            return self.app.words("saves.quick")
        if name.startswith("auto-"):
            return self.app.words("saves.autosave", number=name.split('-')[1])
        return self.app.words("saves.slot", number=int(name.split('-')[1]))

