"""A pytest plugin: `pytest` run in a story folder plays its playthrough files (tests/playthroughs/*.yaml), one
test each, reporting a failure as `python -m game test` does: the file, the line and what differed.

Registered in pyproject.toml under [project.entry-points.pytest11], so an installed game brings it to pytest.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .story import StoryError, load_story
from .story.model import Story
from .story.playtests import PLAYTHROUGH_FOLDER, PlaythroughResult, run_playthrough

_STORIES = pytest.StashKey[dict]()  # story folder -> its Story or its StoryError, loaded once a session


def story_root(path: Path) -> Path | None:
    """The story folder a playthrough file belongs to, or None when the file is not one."""
    depth = len(PLAYTHROUGH_FOLDER.parts)
    if path.suffix not in (".yaml", ".yml") or len(path.parents) <= depth:
        return None
    root = path.parents[depth]
    if path.parent != root / PLAYTHROUGH_FOLDER or not (root / "scenes" / "story.yaml").is_file():
        return None
    return root


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if story_root(file_path) is not None:
        return PlaythroughFile.from_parent(parent, path=file_path)
    return None


class PlaythroughFile(pytest.File):
    def collect(self):
        yield PlaythroughItem.from_parent(self, name=self.path.stem)


class PlaythroughFailed(Exception):
    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


class PlaythroughItem(pytest.Item):
    def _story(self) -> Story:
        stories = self.config.stash.setdefault(_STORIES, {})
        root = story_root(self.path)
        if root not in stories:
            try:
                stories[root] = load_story(root)
            except StoryError as exc:
                stories[root] = exc
        found = stories[root]
        if isinstance(found, StoryError):
            raise PlaythroughFailed([f"the story in {root} has problems (see `python -m game lint`):"]
                                    + [str(p) for p in found.problems])
        return found

    def runtest(self) -> None:
        result: PlaythroughResult = run_playthrough(self._story(), self.path)
        if not result.ok:
            raise PlaythroughFailed([str(p) for p in result.failures])

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, PlaythroughFailed):
            return "\n".join(excinfo.value.lines)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, None, f"playthrough {self.path.name}"
