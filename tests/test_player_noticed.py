"""What a new player noticed (issue 13): a bad meter change never looks like a good one and no note covers a
face; a resting pointer does not steal the keys' focus; the quick menu reads clearly and lets go of its hover."""
from __future__ import annotations

import pygame
import pytest

from game.story import Changed, MeterChange, StoryError, load_story
from game.ui.screens.hud import BAD, GOOD, ROW_Y, TOP_ROWS, Toasts
from storyfixtures import ASSETS, MANIFEST
from ui_helpers import make_app

FACES_TOP = 100   # the highest a character's head reaches on the stage (the tallest sprite at its place)


@pytest.fixture
def story():
    return make_app().story


def notes(story, *moves: tuple[str, int, int]) -> Toasts:
    toasts = Toasts()
    toasts.add(story, Changed(meters=tuple(MeterChange(m, before, after) for m, before, after in moves)))
    return toasts


def test_a_meter_the_player_wants_low_is_told_as_a_loss_when_it_rises(story) -> None:
    assert story.meters["danger"].higher == "worse" and story.meters["trust"].higher == "better"
    toasts = notes(story, ("trust", 2, 3), ("danger", 1, 3), ("affection", 4, 3), ("danger", 3, 2))
    told = [(t.words, t.direction, t.good) for t in toasts.items]
    assert told == [("Trust rose", 1, True), ("Danger of exposure rose", 1, False), ("Affection fell", -1, False),
                    ("Danger of exposure fell", -1, True)]


def pixels(toasts: Toasts) -> pygame.Surface:
    canvas = pygame.Surface((1280, 720))
    canvas.fill((0, 0, 0))
    toasts.draw(canvas)
    return canvas


def count(canvas: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int]) -> int:
    return sum(canvas.get_at((x, y))[:3] == colour for x in range(rect.left, rect.right)
               for y in range(rect.top, rect.bottom))


def outline(canvas: pygame.Surface, centre: tuple[int, int], colour: tuple[int, int, int]) -> set[tuple[int, int]]:
    """The mark's pixels around its arrow: those of that colour between 9 and 15 px from the centre."""
    cx, cy = centre
    return {(dx, dy) for dx in range(-15, 16) for dy in range(-15, 16)
            if 81 < dx * dx + dy * dy <= 225 and canvas.get_at((cx + dx, cy + dy))[:3] == colour}


def test_a_gain_and_a_loss_differ_in_shape_not_only_in_colour(story) -> None:
    """Drawn in one colour, the two marks would still differ: a ring is not a diamond."""
    gain, loss = notes(story, ("trust", 2, 3)), notes(story, ("danger", 1, 3))
    (_, _, gain_box), (_, _, loss_box) = gain.layout()[0], loss.layout()[0]
    ring = outline(pixels(gain), (gain_box.x + 28, gain_box.centery), GOOD)
    diamond = outline(pixels(loss), (loss_box.x + 28, loss_box.centery), BAD)
    assert len(ring) > 40 and len(diamond) > 40
    assert len(ring & diamond) < 0.4 * min(len(ring), len(diamond))
    # the loss's whole box is edged in its colour too; the gain's box is not
    edge = pygame.Rect(loss_box.x, loss_box.y, loss_box.width, 2)
    assert count(pixels(loss), edge, BAD) > loss_box.width // 2
    assert count(pixels(gain), pygame.Rect(gain_box.x, gain_box.y, gain_box.width, 2), GOOD) == 0


def test_notes_stay_above_the_faces_and_clear_of_the_meters_panel(story) -> None:
    toasts = notes(story, ("trust", 2, 3), ("affection", 1, 2), ("danger", 1, 3))
    toasts.note("Screenshot saved: screenshot-2026-12-03-02-59-59.png")
    boxes = [rect for _, _, rect in toasts.layout()]
    assert len(boxes) == 4
    assert all(rect.bottom <= FACES_TOP and rect.right <= 1256 and rect.left >= 400 for rect in boxes)
    assert not any(a.colliderect(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert min(rect.top for rect in boxes) == ROW_Y and len({rect.top for rect in boxes}) <= TOP_ROWS


def test_a_note_longer_than_the_screen_is_shortened_not_cut(story) -> None:
    toasts = Toasts()
    toasts.note("This save was made with an older story: " + "the lines it stood on have changed, " * 8)
    [(_, words, rect)] = toasts.layout()
    assert words.endswith("…") and rect.left >= 0 and rect.right <= 1256


def test_higher_must_be_better_or_worse(story_dir) -> None:
    manifest = MANIFEST.replace("trust: {", "trust: {higher: wrose, ")
    assert "higher: wrose" in manifest
    with pytest.raises(StoryError) as caught:
        load_story(story_dir(manifest, {"a.yaml": "steps:\n  - Hello.\n  - ending: plain\n"}, ASSETS))
    [problem] = caught.value.problems
    assert str(problem).endswith("error: 'higher' in meter 'trust' is 'wrose' (did you mean 'worse'?)")


def test_a_resting_pointer_does_not_take_the_focus_the_keys_start_from() -> None:
    """SDL reports where the pointer rests when a window opens: Return must still act on the first button."""
    from game.ui.widgets import Button, ButtonList
    make_app()
    buttons = ButtonList([Button(label, pygame.Rect(100, 100 + 60 * i, 200, 50), key=label)
                          for i, label in enumerate(("new", "epilogue", "load"))])
    buttons.focus = 0
    buttons.rest = (200, 175)                     # the pointer sat over "epilogue" when the list appeared
    buttons.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=(200, 175), rel=(0, 0), buttons=(0, 0, 0)))
    assert buttons.focus == 0
    chosen = buttons.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))
    assert chosen is not None and chosen.key == "new"
    buttons.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=(201, 176), rel=(1, 1), buttons=(0, 0, 0)))
    assert buttons.focus == 1                     # once it moves, it points


def test_the_quick_menus_highlight_goes_when_the_pointer_leaves_it() -> None:
    from game.ui.screens.play import quick_menu
    make_app()
    quick = quick_menu()
    quick.rest = None
    first = quick.buttons[0].rect.center
    quick.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=first, rel=(3, 0), buttons=(0, 0, 0)))
    assert quick.focus == 0
    quick.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=(640, 300), rel=(0, -300), buttons=(0, 0, 0)))
    assert quick.focus is None


def luminance(colour) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = colour[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("under", [(255, 255, 255), (200, 170, 120), (0, 0, 0)])
def test_the_quick_menus_words_read_at_4_5_to_1_over_any_picture(under) -> None:
    from game.ui.screens.play import BOX, quick_band, quick_menu
    make_app()
    canvas = pygame.Surface((1280, 720))
    canvas.fill(under)
    canvas.blit(quick_band(), (0, BOX.bottom))
    quick = quick_menu()
    quick.draw(canvas)
    for button in quick.buttons:
        word = button.rect.clip(canvas.get_rect())
        shades = sorted(luminance(canvas.get_at((x, y))) for x in range(word.left, word.right)
                        for y in range(word.top, word.bottom))
        ink, ground = shades[-len(shades) // 50], shades[len(shades) // 2]   # the strokes, and the band between
        assert (ink + 0.05) / (ground + 0.05) >= 4.5, (button.label, under)


@pytest.mark.parametrize("route", ["vineyard", "provence", "paris", "epilogue"])
@pytest.mark.parametrize("pick", ["first", "last"])
def test_no_choice_covers_a_face_on_any_menu_of_a_route(route, pick) -> None:
    """Every menu met answering always the first (or last) available option: its buttons sit above the text
    box and leave every head on the stage uncovered, or (where no place can, as on the bench in Paris, four
    long options between two faces) the stage is dimmed under the menu; that stays the exception."""
    from game.story import Runner
    from game.ui.screens.play import BOX, PlayScreen
    app = make_app()
    past = sorted(e.id for e in app.story.endings.values() if e.id.endswith(".found"))
    screen = PlayScreen(app, Runner.new(app.story, route, past))
    screen.started = True
    app.stack = [screen]
    menus, dimmed, transition = 0, 0, screen.pump(instant=True)
    while transition is None:
        if screen.menu is not None:
            menus += 1
            screen.stage.finish()
            faces = screen.stage.faces()
            covered = any(button.rect.colliderect(face) for button in screen.menu.buttons for face in faces)
            assert covered == screen.menu_dims, screen.runner.state.scene
            dimmed += covered
            for button in screen.menu.buttons:
                assert button.rect.bottom <= BOX.y and button.rect.top >= 16
            available = [i for i, b in enumerate(screen.menu.buttons) if b.enabled]
            transition = screen.choose(available[0 if pick == "first" else -1], instant=True)
            continue
        transition = screen.pump(instant=True)
    assert menus >= 3 and dimmed <= 1, (menus, dimmed)


@pytest.mark.parametrize("under", [(255, 255, 255), (230, 190, 120), (20, 20, 30)])
def test_a_greyed_options_reason_reads_at_4_5_to_1_over_any_picture(under) -> None:
    from game.ui.widgets import Button
    make_app()
    canvas = pygame.Surface((1280, 720))
    canvas.fill(under)
    reason = "She has no reason yet to give you a straight answer, and she says so plainly."
    button = Button("Ask her who gave her that word.", pygame.Rect(400, 200, 480, 120), False, reason)
    button.draw(canvas, False, pygame.font.Font(None, 30))
    lines = [pygame.Rect(420, y, 440, 22) for y in range(262, 312, 2)]
    shades = sorted(luminance(canvas.get_at((x, y))) for rect in lines for x in range(rect.left, rect.right, 2)
                    for y in (rect.top,))
    ink, ground = shades[-len(shades) // 100], shades[len(shades) // 2]
    assert (ink + 0.05) / (ground + 0.05) >= 4.5, under
