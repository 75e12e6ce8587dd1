"""Property tests of read_yaml: any text, YAML token soup and mutated real scenes give a StoryError or data."""
from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from game.story import StoryError
from game.story.yamlsource import read_yaml
from robust_helpers import ROBUST, YAML_TOKENS, assert_placed, mutated, no_hang, real_story

# Explicit standard tags: they reach PyYAML's own constructors, which reject odd scalars in many ways.
YAML_TAGS = ("!!int ", "!!float ", "!!bool ", "!!null ", "!!str ", "!!timestamp ", "!!binary ", "!!set ",
             "!!omap ", "!!pairs ", "!!seq ", "!!map ", "!!merge ", "!!value ", '""', "''")


def token_soup(tokens: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens) | st.text(max_size=3), max_size=40).map("".join)


def real_scene_texts() -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(real_story().scenes.values()))


def read_yaml_safely(text: str) -> None:
    with no_hang():
        try:
            read_yaml(text, "scenes/fuzz.yaml")
        except StoryError as exc:
            assert_placed(exc)


@ROBUST
@given(st.text())
def test_read_yaml_on_any_text_returns_or_raises_story_error(text: str) -> None:
    read_yaml_safely(text)


@ROBUST
@given(token_soup(YAML_TOKENS))
def test_read_yaml_on_yaml_token_soup_returns_or_raises_story_error(text: str) -> None:
    read_yaml_safely(text)


@ROBUST
@given(mutated(st.deferred(real_scene_texts)))
def test_read_yaml_on_mutated_real_scenes_returns_or_raises_story_error(text: str) -> None:
    read_yaml_safely(text)


@ROBUST
@example('!!int ""')  # once let IndexError out of PyYAML's constructor
@given(token_soup(YAML_TOKENS + YAML_TAGS))
def test_read_yaml_on_tagged_token_soup_returns_or_raises_story_error(text: str) -> None:
    read_yaml_safely(text)


@pytest.mark.parametrize("text", [
    # PyYAML's constructors raise IndexError, KeyError and AttributeError for these, not only ValueError.
    '!!int ""', "a: !!float ''", '!!int "-"', "!!bool maybe", '!!timestamp ""',
    "!!int 0x", "!!timestamp 2001-02-30", "!!binary ab", "a: !!python/name:os.system x", "a: &x [*x]",
])
def test_read_yaml_tagged_scalar_pyyaml_cannot_construct_is_a_story_error(text: str) -> None:
    with pytest.raises(StoryError) as info:
        read_yaml(text, "scenes/x.yaml")
    assert_placed(info.value)


def test_read_yaml_on_text_with_a_lone_surrogate_is_a_story_error() -> None:
    """The C loader encodes the text as it is made, so this once raised UnicodeEncodeError."""
    with pytest.raises(StoryError) as info:
        read_yaml("a: \ud800", "scenes/x.yaml")
    assert_placed(info.value)
