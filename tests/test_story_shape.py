"""The story as a game: each route long enough, with enough choices and endings, and no strategy that wins everywhere.

Everything here plays the real story with the game's own Runner and play() (game/story/playthrough.py); nothing
re-implements the rules of the scene format. That explore finds every ending with no dead end and no unreached
scene is tested in tests/test_cli.py (test_explore_json_reaches_every_ending).

The balance (issue 10): 10,000 seeded random playthroughs per route share out its endings with none above 45% and
none below 2%; no fixed policy (always option k, always a tag, always the untagged option, always the warmest option)
earns the best ending on more than one route; the best ending cannot be reached without a choice that costs
something; and every playthrough shows at least 3,000 words. The epilogue, for every combination of the endings the
three routes reached last: 1,500-2,500 words and three menus in every playthrough, a different telling for each
route's ending, and its own endings shared out as the routes' are.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from game.story import Runner, load_story
from game.story import conditions
from game.story.events import Line, Menu
from game.story.model import EndingOp, MenuOp, OptionSpec, StageOp
from game.story.playthrough import Playthrough, play
from game.story.state import State
from game.story.stats import story_stats

ROUTES = ("vineyard", "provence", "paris")  # the epilogue has its own tests at the end of this file
BEST = {  # each route's best ending: the one a strategy must not win on more than one route
    "vineyard": "vineyard.everything",
    "provence": "provence.peace",
    "paris": "paris.together",
}
MIN_MENUS = 8
MIN_ROUTE_WORDS = 7000      # words in a route's scenes, as `python -m game stats` counts them
MIN_PLAY_WORDS = 3000       # words of the lines one playthrough shows
RANDOM_PLAYS = 10_000       # seeded random playthroughs per route, seeds 0..RANDOM_PLAYS-1
MAX_SHARE, MIN_SHARE = 0.45, 0.02   # of the random playthroughs, per ending
WORSE_WHEN_HIGHER = {"danger"}      # a choice costs if it raises one of these, or lowers any other meter
PLAYTHROUGHS = Path(__file__).parent / "playthroughs"


@pytest.fixture(scope="module")
def story():
    return load_story()


def route_scenes(story, route: str):
    return [scene for scene_id, scene in story.scenes.items() if scene_id.startswith(route + ".")]


def meters_read(story, ending) -> set[str]:
    return conditions.names(conditions.parse(ending.when.text)) & set(story.meters) if ending.when else set()


# ----- walking the story with the game's runner -----

def start(story, route: str) -> Runner:
    """A runner at the beginning of the route: every playthrough of the three routes in this file begins here."""
    return Runner.new(story, route)


def words(events) -> int:
    """Words of the lines shown, counted as story_stats counts a line's words."""
    return sum(len(event.text.split()) for event in events if isinstance(event, Line))


def first_menu(story, route: str) -> Playthrough:
    result = play(story, start(story, route), [])
    assert result.stopped == "menu", f"{route} ends before its first menu"
    return result


def answer(story, state: State, number: int) -> Playthrough:
    """From a state waiting at a menu, pick option `number` (from 1, as shown) and play on to the next menu."""
    return play(story, Runner(story, state.copy()), [number])


def available(menu: Menu) -> list[int]:
    return [i for i, option in enumerate(menu.options, 1) if option.available]


def state_key(state: State) -> tuple:
    return (state.scene, state.pc, tuple(sorted(state.meters.items())),
            tuple(sorted(k for k, v in state.flags.items() if v)), tuple(sorted(state.visits.items())))


def endings_from(story, result: Playthrough, wanted=lambda found: False, follow=None) -> tuple[set[str], int]:
    """(endings, states): the endings reachable from where `result` stopped, depth first, until wanted(found) holds
    or all are found, and how many states waited at a menu. follow(state, number) plays an answer on to the next
    menu or ending, or gives None for an answer not to follow (default: every answer, with answer())."""
    follow = follow or (lambda state, number: answer(story, state, number))
    found: set[str] = set()
    done: set[tuple] = set()
    stack = [result]
    while stack and not wanted(found):
        here = stack.pop()
        if here.stopped == "ending":
            found.add(here.ending)
            continue
        state = here.runner.state
        if state_key(state) in done:
            continue
        done.add(state_key(state))
        for number in available(here.events[-1]):
            after = follow(state, number)
            if after is not None:
                stack.append(after)
    return found, len(done)


# ----- size -----

def test_each_route_is_long_enough_with_menus_and_endings(story) -> None:
    stats = story_stats(story)
    for route in ROUTES:
        assert stats["routes"][route]["words"] >= MIN_ROUTE_WORDS, (route, stats["routes"][route]["words"])
        assert stats["routes"][route]["menus"] >= MIN_MENUS, route
        assert len(story.endings_of(route)) >= 3, route
    assert sum(stats["routes"][r]["words"] for r in ROUTES) >= 12000


@pytest.mark.parametrize("route", ROUTES)
def test_every_complete_path_passes_at_least_eight_menus(story, route) -> None:
    """Every way of answering the first seven menus still leaves the player at a menu: no path ends sooner."""
    frontier = [first_menu(story, route)]
    for depth in range(1, MIN_MENUS):  # the menu waiting in each frontier entry is the depth-th of its path
        following = []
        for here in frontier:
            for number in available(here.events[-1]):
                after = answer(story, here.runner.state, number)
                assert after.stopped == "menu", (f"{route}: a path reaches {after.ending} after only {depth} "
                                                 f"menus (its last choice: {number} at {here.events[-1].id})")
                following.append(after)
        frontier = following
    assert frontier


# ----- endings -----

def test_best_endings_are_the_best_the_manifest_offers(story) -> None:
    """Exposure (danger) outranks everything, so it has the highest priority; the best ending is the next one."""
    for route, best in BEST.items():
        assert story.endings[best].route == route
        happy = [e for e in story.endings_of(route) if "danger" not in meters_read(story, e)]
        assert max(happy, key=lambda e: e.priority).id == best, route


@pytest.mark.parametrize("route", ROUTES)
def test_at_least_three_endings_are_decided_by_the_meters(story, route) -> None:
    decided = [e.id for e in story.endings_of(route) if meters_read(story, e)]
    assert len(decided) >= 3, f"{route}: only {decided} read a meter"


@pytest.mark.parametrize("route", ROUTES)
def test_endings_are_earned_never_named_by_a_menu(story, route) -> None:
    """Every route ends with 'ending: best': the meters and flags pick the ending, never an option."""
    named = [(scene.id, op.ending) for scene in route_scenes(story, route) for op in scene.ops
             if isinstance(op, EndingOp) and op.ending is not None]
    assert named == [], f"{route} names its endings directly: {named}"
    assert any(isinstance(op, EndingOp) for scene in route_scenes(story, route) for op in scene.ops)


@pytest.mark.parametrize("route", ROUTES)
def test_the_first_menu_does_not_settle_the_ending(story, route) -> None:
    """Whatever the player answers first, the best ending and at least one other are still to be earned."""
    start = first_menu(story, route)
    for number in available(start.events[-1]):
        after = answer(story, start.runner.state, number)
        reachable, _ = endings_from(story, after, lambda found: len(found) >= 2 and BEST[route] in found)
        assert len(reachable) >= 2 and BEST[route] in reachable, (
            f"{route}: after option {number} of the first menu only {reachable} can still be reached")


def test_every_ending_has_a_playthrough_file(story) -> None:
    plans = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(PLAYTHROUGHS.glob("*.yaml"))]
    for route in ROUTES:
        covered = {plan["ending"] for plan in plans if plan.get("route") == route}
        missing = {e.id for e in story.endings_of(route)} - covered
        assert not missing, f"{route}: endings without a playthrough under tests/playthroughs/: {missing}"


# ----- strategies -----

def shown_specs(story, here: Playthrough) -> list[OptionSpec]:
    """The authored options behind the menu `here` waits at, in the order shown (matched by their text)."""
    menu, state = here.events[-1], here.runner.state
    op = story.scenes[state.scene].ops[state.pc]
    assert isinstance(op, MenuOp) and op.menu_id == menu.id, (state.scene, state.pc, menu.id)
    specs = []
    for option in menu.options:
        matching = [spec for spec in op.options if spec.text == option.text]
        assert len(matching) == 1, f"{menu.id}: {len(matching)} options read '{option.text}'"
        specs.append(matching[0])
    return specs


def strategy(tag: str | None):
    """Answer each menu with the first available option carrying the tag (or the first available one)."""
    def pick(menu: Menu, specs: list[OptionSpec]) -> int:
        options = available(menu)
        tagged = [i for i in options if tag and tag in menu.options[i - 1].tags]
        return (tagged or options)[0]
    return pick


def option_number(k: int):
    """Always the k-th available option, or the last available one when fewer are available."""
    def pick(menu: Menu, specs: list[OptionSpec]) -> int:
        options = available(menu)
        return options[min(k, len(options)) - 1]
    return pick


def untagged(menu: Menu, specs: list[OptionSpec]) -> int:
    """Always the first available option with no tags (neither the plain truth nor a lie), else the first."""
    options = available(menu)
    return ([i for i in options if not menu.options[i - 1].tags] or options)[0]


def warmth(spec: OptionSpec) -> int:
    return sum(c.value for c in spec.effects if c.kind == "add" and c.name in ("trust", "affection"))


def warmest(menu: Menu, specs: list[OptionSpec]) -> int:
    """Always the available option whose effects add the most to trust plus affection; ties to the first."""
    options = available(menu)
    return max(options, key=lambda i: warmth(specs[i - 1]))  # max keeps the first of equals


@dataclass
class Played:
    ending: str
    words: int
    choices: list[int]


def play_with(story, route: str, pick) -> Played:
    here = first_menu(story, route)
    shown, choices = words(here.events), []
    for _ in range(200):
        number = pick(here.events[-1], shown_specs(story, here))
        choices.append(number)
        here = answer(story, here.runner.state, number)
        shown += words(here.events)
        if here.stopped == "ending":
            return Played(here.ending, shown, choices)
    raise AssertionError(f"{route}: no ending after 200 choices")


STRATEGIES = [("always the first option", None), ("always the truth", "truth"), ("always a lie", "lie")]


@pytest.mark.parametrize("name, tag", STRATEGIES)
def test_no_single_strategy_wins_more_than_one_route(story, name, tag) -> None:
    endings = {route: play_with(story, route, strategy(tag)).ending for route in ROUTES}
    wins = [route for route, ending in endings.items() if ending == BEST[route]]
    assert len(wins) <= 1, f"{name} earns the best ending on {wins}: {endings}"


def story_tags(story) -> list[str]:
    """Every tag an option of the routes' menus carries."""
    return sorted({tag for route in ROUTES for scene in route_scenes(story, route) for op in scene.ops
                   if isinstance(op, MenuOp) for option in op.options for tag in option.tags})


def policies(story) -> dict[str, object]:
    chosen = {f"always option {k}": option_number(k) for k in (1, 2, 3, 4)}
    chosen.update({f"always '{tag}'": strategy(tag) for tag in story_tags(story)})
    chosen["always the untagged option"] = untagged
    chosen["always the most trust + affection"] = warmest
    return chosen


@pytest.fixture(scope="module")
def policy_plays(story) -> dict[str, dict[str, Played]]:
    return {name: {route: play_with(story, route, pick) for route in ROUTES}
            for name, pick in policies(story).items()}


def table(plays: dict[str, dict[str, Played]]) -> str:
    return "\n".join(f"  {name}: " + ", ".join(f"{p.ending} ({p.words} words)" for p in by_route.values())
                     for name, by_route in plays.items())


def test_no_fixed_policy_wins_more_than_one_route(story, policy_plays) -> None:
    assert {"truth", "lie"} <= set(story_tags(story))
    winners = {name: [route for route, played in by_route.items() if played.ending == BEST[route]]
               for name, by_route in policy_plays.items()}
    greedy = {name: routes for name, routes in winners.items() if len(routes) > 1}
    assert not greedy, f"policies that earn the best ending on more than one route: {greedy}\n{table(policy_plays)}"
    print(table(policy_plays))


# ----- random play -----

@dataclass
class RandomPlays:
    endings: Counter
    fewest_words: int
    fewest_seed: int

    def shares(self) -> dict[str, float]:
        return {ending: count / RANDOM_PLAYS for ending, count in self.endings.most_common()}


@pytest.fixture(scope="module")
def random_plays(story):
    """random_plays(route): RANDOM_PLAYS playthroughs answered by play()'s own seeded die, played once per module."""
    done: dict[str, RandomPlays] = {}

    def plays(route: str) -> RandomPlays:
        if route not in done:
            endings: Counter = Counter()
            fewest = (float("inf"), -1)
            for seed in range(RANDOM_PLAYS):
                result = play(story, start(story, route), seed=seed)
                assert result.stopped == "ending", f"{route}: seed {seed} stopped at a menu"
                endings[result.ending] += 1
                fewest = min(fewest, (words(result.events), seed))
            done[route] = RandomPlays(endings, int(fewest[0]), fewest[1])
        return done[route]
    return plays


def shown_shares(shares: dict[str, float]) -> str:
    return ", ".join(f"{ending} {share:.1%}" for ending, share in shares.items())


@pytest.mark.parametrize("route", ROUTES)
def test_random_play_shares_out_the_endings(story, random_plays, route) -> None:
    """Uniformly random choices: no ending takes more than 45% of the playthroughs, and every ending at least 2%."""
    counted = random_plays(route)
    shares = {e.id: counted.endings[e.id] / RANDOM_PLAYS for e in story.endings_of(route)}
    assert set(counted.endings) <= set(shares)
    message = f"{route}, {RANDOM_PLAYS} random playthroughs: {shown_shares(counted.shares())}"
    print(message)
    assert max(shares.values()) <= MAX_SHARE, message
    assert min(shares.values()) >= MIN_SHARE, message


# ----- the best ending costs something -----

def test_the_meters_worse_when_higher_are_the_manifests(story) -> None:
    """What costs the player here is what the game's notes tell as a loss (the meter's `higher: worse`)."""
    assert {m.id for m in story.meters.values() if m.higher == "worse"} == WORSE_WHEN_HIGHER


def costs(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """The meters a choice moved the wrong way: raised, if higher is worse (danger), else lowered."""
    return [name for name in before
            if (after[name] > before[name] if name in WORSE_WHEN_HIGHER else after[name] < before[name])]


def choose(story, state: State, number: int) -> tuple[list[str], Playthrough]:
    """Like answer(), and also what the choice cost when it was made (its effects, as the runner applied them)."""
    runner = Runner(story, state.copy())
    menu = runner.advance()  # the menu the state waits at, shown again
    assert isinstance(menu, Menu), menu
    before = dict(runner.state.meters)
    runner.choose(number - 1)
    return costs(before, runner.state.meters), play(story, runner, [])


def endings_without_cost(story, route: str) -> tuple[set[str], int]:
    """(endings, states): every ending reachable making only choices that cost nothing, searched over every state
    such play reaches (as endings_from does), and how many states waited at a menu."""
    def free(state: State, number: int) -> Playthrough | None:
        cost, after = choose(story, state, number)
        return None if cost else after
    return endings_from(story, first_menu(story, route), follow=free)


@pytest.mark.parametrize("route", ROUTES)
def test_the_best_ending_costs_something(story, route) -> None:
    """Every path to the best ending makes at least one choice that lowers trust or affection or raises danger.

    Today no ending at all is reached without a cost: cost-free play always comes to a menu where every available
    option costs something (vineyard: terrace, stars or headlights; provence: nightingale or the garden's second
    menu; paris: the sketchbook's second menu), so the second assertion checks the search is not cut short at once.
    """
    free, states = endings_without_cost(story, route)
    assert BEST[route] not in free, f"{route}: {BEST[route]} is reached with no choice that costs anything"
    assert states > MIN_MENUS, f"{route}: cost-free play stops after {states} menus: is every choice counted a cost?"
    print(f"{route}: cost-free play passes {states} states at menus and reaches {sorted(free) or 'no ending'}")


# ----- length of a playthrough -----

@pytest.mark.parametrize("route", ROUTES)
def test_every_playthrough_shows_enough_words(story, random_plays, policy_plays, route) -> None:
    """The random playthroughs and every fixed policy's each show at least 3,000 words of the route."""
    counted = random_plays(route)
    assert counted.fewest_words >= MIN_PLAY_WORDS, (
        f"{route}: random playthrough with seed {counted.fewest_seed} shows only {counted.fewest_words} words")
    by_policy = {name: by_route[route].words for name, by_route in policy_plays.items()}
    short = {name: n for name, n in by_policy.items() if n < MIN_PLAY_WORDS}
    assert not short, f"{route}: policies whose playthrough is short: {short}"
    print(f"{route}: fewest words in {RANDOM_PLAYS} random playthroughs {counted.fewest_words} "
          f"(seed {counted.fewest_seed}); policies at least {min(by_policy.values())}")


def test_routes_offer_truth_and_lies(story) -> None:
    for route in ROUTES:
        tags = {tag for scene in route_scenes(story, route)
                for op in scene.ops if isinstance(op, MenuOp) for option in op.options for tag in option.tags}
        assert {"truth", "lie"} <= tags, route


@pytest.mark.parametrize("route", ROUTES)
def test_the_truth_costs_and_a_lie_keeps_her_away(story, route) -> None:
    """The trade-off in the meters: a truth never lowers danger, a lie never raises trust."""
    for scene in route_scenes(story, route):
        for op in scene.ops:
            if not isinstance(op, MenuOp):
                continue
            for option in op.options:
                moves = {c.name: c.value for c in option.effects if c.kind == "add"}
                if "truth" in option.tags:
                    assert moves.get("danger", 0) >= 0 and moves.get("trust", 0) >= 0, (op.menu_id, option.text)
                if "lie" in option.tags:
                    assert moves.get("trust", 0) <= 0, (op.menu_id, option.text)


# ----- what the scenes name exists -----

@pytest.mark.parametrize("route", ROUTES)
def test_the_backgrounds_and_characters_each_scene_names_exist(story, route) -> None:
    for scene in route_scenes(story, route):
        for op in scene.ops:
            if isinstance(op, StageOp) and op.kind in ("scene", "background"):
                assert f"backgrounds/{op.name}" in story.assets, (scene.id, op.name)
            elif isinstance(op, StageOp) and op.kind == "show":
                character = story.characters[op.name]
                assert character.sprites, (scene.id, op.name)
                assert op.expression is None or op.expression in character.expressions, (scene.id, op.expression)


# ----- the epilogue: the payoff, read from the endings each route reached last -----

EPILOGUE = "epilogue"
EPILOGUE_WORDS = (1500, 2500)   # words one playthrough of the epilogue shows, whatever the past and the answers
EPILOGUE_MENUS = 3


@pytest.fixture(scope="module")
def epilogue_pasts(story) -> list[frozenset[str]]:
    """Every combination of the routes' last endings: the epilogue comes after all three routes."""
    from game.story.explore import pasts
    found = pasts(story, EPILOGUE)
    assert len(found) == len(story.endings_of("vineyard")) * len(story.endings_of("provence")) \
        * len(story.endings_of("paris")), "the epilogue should read one ending of each of the three routes"
    return found


def every_epilogue(story, past: frozenset[str]) -> list[Playthrough]:
    """Every playthrough of the epilogue with this past: each answer to each menu, depth first."""
    done, stack = [], [(play(story, Runner.new(story, EPILOGUE, past), []), [])]
    while stack:
        here, picks = stack.pop()
        if here.stopped == "ending":
            done.append(here)
            continue
        for number in available(here.events[-1]):
            stack.append((play(story, Runner.new(story, EPILOGUE, past), picks + [number]), picks + [number]))
    return done


def test_every_epilogue_is_the_payoff_size_with_three_menus(story, epilogue_pasts) -> None:
    """Whatever the routes ended with and whatever the player answers: 1,500-2,500 words and three menus."""
    low, high = EPILOGUE_WORDS
    plays = 0
    for past in epilogue_pasts:
        for result in every_epilogue(story, past):
            plays += 1
            shown = words(result.events)
            menus = sum(isinstance(event, Menu) for event in result.events)
            assert low <= shown <= high, f"{sorted(past)}, answers {result.choices}: {shown} words"
            assert menus >= EPILOGUE_MENUS, f"{sorted(past)}, answers {result.choices}: {menus} menus"
    print(f"epilogue: {plays} playthroughs over {len(epilogue_pasts)} pasts, each {low}-{high} words")


def test_the_epilogue_reads_each_routes_last_ending(story, epilogue_pasts) -> None:
    """Change one route's last ending and keep the rest: the epilogue tells a different story each time."""
    for route in ("vineyard", "provence", "paris"):
        others = {e.id for e in story.endings_of(route)}
        base = next(past for past in epilogue_pasts)
        rest = base - others
        texts = {}
        for ending in sorted(others):
            result = play(story, Runner.new(story, EPILOGUE, rest | {ending}), [1, 1, 1])
            texts[ending] = tuple(event.text for event in result.events if isinstance(event, Line))
        assert len(set(texts.values())) == len(others), f"{route}: some last endings read the same epilogue"


def test_every_epilogue_ending_is_earned_with_random_answers(story, epilogue_pasts) -> None:
    """RANDOM_PLAYS random playthroughs, the past cycling through every combination: each ending 2-45%."""
    endings: Counter = Counter()
    for seed in range(RANDOM_PLAYS):
        past = epilogue_pasts[seed % len(epilogue_pasts)]
        result = play(story, Runner.new(story, EPILOGUE, past), seed=seed)
        assert result.stopped == "ending", f"epilogue: seed {seed} stopped at a menu"
        endings[result.ending] += 1
    shares = {e.id: endings[e.id] / RANDOM_PLAYS for e in story.endings_of(EPILOGUE)}
    message = f"epilogue, {RANDOM_PLAYS} random playthroughs: {shown_shares(shares)}"
    print(message)
    assert max(shares.values()) <= MAX_SHARE, message
    assert min(shares.values()) >= MIN_SHARE, message
