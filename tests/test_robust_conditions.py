"""Property tests of conditions: any text raises only ConditionError; generated ones match a reference evaluation."""
from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.story import conditions
from game.story.conditions import ConditionError
from robust_helpers import ENDINGS, FLAGS, METERS, ROBUST, SCENES, Env, Gen, json_like, no_hang, number_expr, truth_expr

WORDY = re.compile(r"[A-Za-z0-9_.]")


@st.composite
def spelled(draw: st.DrawFn, gen: Gen) -> str:
    """The tokens as an author might type them: any spacing, but words kept apart."""
    text = gen.tokens[0]
    for token in gen.tokens[1:]:
        gap = draw(st.sampled_from(("", " ", " ", "  ", "\t", "\n")))
        if not gap and WORDY.match(text[-1]) and WORDY.match(token[0]):
            gap = " "
        text += gap + token
    return draw(st.sampled_from(("", " ", "\n"))) + text + draw(st.sampled_from(("", " ", "\n")))


# Small values first, so that comparisons often meet equal sides (where < and <= differ).
envs = st.builds(Env, st.fixed_dictionaries({m: st.integers(-3, 4) | st.integers(-10**6, 10**6) for m in METERS}),
                 st.dictionaries(st.sampled_from(FLAGS), st.booleans()),
                 st.dictionaries(st.sampled_from(SCENES), st.integers(0, 3)),
                 st.frozensets(st.sampled_from(ENDINGS)))


def parse_check_and_run(text: Any, env: Env) -> None:
    """Only ConditionError may come out; a condition that checks gives true/false."""
    with no_hang():
        try:
            expr = conditions.parse(text)
            conditions.check(expr, dict.fromkeys(METERS, None), set(FLAGS), set(SCENES), ENDINGS)
        except ConditionError as exc:
            assert isinstance(exc.message, str) and exc.message
            assert 0 <= exc.offset <= (len(text) if isinstance(text, str) else 0), (exc.offset, text)
            return
        result = conditions.compile_expr(expr)(env.meters, env.flags, env.visits, env.past)
    assert isinstance(result, bool), (text, result)


CONDITION_TOKENS = ("trust", "told", "nobody", "visits", "visited", "(", ")", "and", "or", "not", "&&", "||", "!",
                    "=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "0", "7", "12", "true", "false", " ",
                    "vineyard.terrace", "stars", "ended", "paris.friends", "x.", ".y", "١", "²", "#", ",", "'", "\n")


@ROBUST
@given(text=st.text() | st.lists(st.sampled_from(CONDITION_TOKENS), max_size=25).map(" ".join)
       | st.lists(st.sampled_from(CONDITION_TOKENS), max_size=25).map("".join) | json_like, env=envs)
def test_conditions_on_any_text_raise_only_condition_error(text: Any, env: Env) -> None:
    parse_check_and_run(text, env)


@settings(ROBUST, max_examples=200)
@given(data=st.data(), several=st.lists(envs, min_size=6, max_size=6))
def test_conditions_on_generated_truth_expressions_match_a_reference_evaluation(data: st.DataObject,
                                                                                several: list[Env]) -> None:
    gen = data.draw(st.integers(1, 4).flatmap(truth_expr))
    text = data.draw(spelled(gen), label="condition")
    expr = conditions.parse(text)
    conditions.check(expr, dict.fromkeys(METERS, None), set(FLAGS), set(SCENES), ENDINGS)
    assert conditions.names(expr) == gen.names
    assert conditions.visited_scenes(expr) == gen.scenes
    test = conditions.compile_expr(expr)
    for env in several:  # one expression, several states: most slips show only for some values
        result = test(env.meters, env.flags, env.visits, env.past)
        assert isinstance(result, bool)
        assert result == gen.value(env), (text, env)


@ROBUST
@given(data=st.data(), several=st.lists(envs, min_size=3, max_size=3))
def test_conditions_on_generated_number_expressions_compute_the_number_but_do_not_check(
        data: st.DataObject, several: list[Env]) -> None:
    gen = data.draw(st.integers(1, 4).flatmap(number_expr))
    text = data.draw(spelled(gen), label="expression")
    expr = conditions.parse(text)
    for env in several:
        result = conditions.compile_expr(expr)(env.meters, env.flags, env.visits, env.past)
        assert not isinstance(result, bool) and result == gen.value(env), (text, env)
    with pytest.raises(ConditionError, match="gives a number"):
        conditions.check(expr, dict.fromkeys(METERS, None), set(FLAGS), set(SCENES), ENDINGS)


def _both(a: bool, b: bool) -> bool:
    return a and b


def _either(a: bool, b: bool) -> bool:
    return a or b


@pytest.mark.parametrize("first", ["and", "or"])
@pytest.mark.parametrize("second", ["and", "or"])
@pytest.mark.parametrize("negate", ["", "not "])
def test_conditions_and_binds_tighter_than_or_and_not_tighter_than_both(first: str, second: str,
                                                                        negate: str) -> None:
    """Every mix of three flags, two of and/or and a leading 'not', against the rules written out by hand."""
    ops = {"and": _both, "or": _either}
    test = conditions.compile_expr(conditions.parse(f"{negate}a {first} b {second} c"))
    for a in (False, True):
        for b in (False, True):
            for c in (False, True):
                x = (not a) if negate else a
                if first == "or" and second == "and":
                    expected = x or (b and c)
                else:  # and before or; the same word twice groups from the left
                    expected = ops[second](ops[first](x, b), c)
                assert test({}, {"a": a, "b": b, "c": c}, {}, frozenset()) == expected, (negate, first, second, a, b, c)


@pytest.mark.parametrize("text", [
    # once ValueError: int() of a number past Python's 4300-digit limit
    pytest.param("trust > " + "9" * 5000, id="a 5000-digit number"),
    # once RecursionError: flat chains parsed, then check() and compile_expr() recursed once per term
    pytest.param(" + ".join(["trust"] * 1200) + " > 0", id="1200 terms joined by +"),
    pytest.param(" and ".join(["told"] * 1200), id="1200 terms joined by and"),
    "not " * 2000 + "told", "(" * 600 + "told" + ")" * 600, "- " * 2000 + "1 > 0",
])
def test_conditions_that_are_too_big_raise_condition_error(text: str) -> None:
    env = Env(dict.fromkeys(METERS, 1), {}, {})
    parse_check_and_run(text, env)
