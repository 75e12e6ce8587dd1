"""The soak: 10,000 seeded random playthroughs across all routes, with saves, loads, rollbacks and
roll-forwards at random points; no exception, and every interrupted playthrough's transcript (lines, menus,
stage, meter changes, ending, final meters and flags) the same as the one played straight through.

Most saves go through JSON in memory (save_data, json, save_from_data); every 40th playthrough saves once
through SaveSlots on disk instead, history included. Seeded: a failure names its seed, route and step, and
`soak_one(story, seed, ...)` plays that one again.
"""
from __future__ import annotations

import os
import time

import pytest

from game.slots import SaveSlots
from game.story import load_story

from soak_helpers import Mismatch, Tally, soak_one

PLAYTHROUGHS = int(os.environ.get("UTSS_SOAK_PLAYTHROUGHS", "10000"))
ON_DISK_EVERY = 40       # 250 saves through SaveSlots files: each write syncs the disk, ~10 ms
SHOWN_FAILURES = 10


@pytest.fixture(scope="module")
def story():
    return load_story()


def test_ten_thousand_interrupted_playthroughs_match_the_straight_ones(story, tmp_path, capsys) -> None:
    routes = tuple(story.routes)   # the epilogue too: the runner starts any route, offered or not
    slots = SaveSlots(tmp_path / "saves", story)
    tally = Tally()
    failures: list[str] = []
    failed = 0
    started = time.perf_counter()
    for seed in range(PLAYTHROUGHS):
        try:
            soak_one(story, seed, routes, tally, slots if seed % ON_DISK_EVERY == 0 else None)
        except Mismatch as exc:
            failed += 1
            if len(failures) < SHOWN_FAILURES:
                failures.append(str(exc))
    seconds = time.perf_counter() - started
    with capsys.disabled():
        print(f"\nsoak: {tally.playthroughs} playthroughs ({', '.join(f'{r} {n}' for r, n in tally.routes.items())}), "
              f"{tally.events} events, {tally.saves} saves ({tally.slot_saves} on disk), {tally.loads} loads, "
              f"{tally.rollbacks} rollbacks ({tally.steps_back} steps back, {tally.forwards} forward), "
              f"{len(tally.endings)} endings, {failed} failures, {seconds:.1f} s")
    assert not failures, f"{failed} of {PLAYTHROUGHS} playthroughs parted or raised:\n" + "\n".join(failures)
    assert tally.playthroughs == PLAYTHROUGHS
    assert set(tally.routes) == set(routes)
    if PLAYTHROUGHS >= 1000:  # seed 398 meets the last of them
        assert set(tally.endings) == set(story.endings), "the random answers no longer reach every ending"
    assert tally.slot_saves >= PLAYTHROUGHS // ON_DISK_EVERY

