"""`python -m game analyze --html F.html`: one self-contained page that a headless Chromium renders, charts and all."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from analysis_pack import MANIFEST, SCENES
from game.analysis_html import page
from game.cli import main
from game.story import load_story
from game.story.analysis import analyze

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium to render the page in (Debian: "
                                    "apt-get install chromium; .ci/run installs it)")


@pytest.fixture
def written(story_dir, tmp_path) -> Path:
    root = story_dir(MANIFEST, SCENES)
    out = tmp_path / "analysis.html"
    assert main(["analyze", "--story", str(root), "--plays", "200", "--html", str(out)]) == 0
    return out


def test_the_page_fetches_nothing(written) -> None:
    html = written.read_text(encoding="utf-8")
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(|src=", html, re.I)
    assert set(re.findall(r"https?://[^\"' )]+", html)) <= {"http://www.w3.org/2000/svg"}  # the SVG namespace


def test_the_page_holds_charts_endings_strategies_and_the_graph(written) -> None:
    html = written.read_text(encoding="utf-8")
    # a chart for each meter that moves on a route: trust on all three, danger on main only
    assert len(re.findall(r'<svg class="chart" data-meter="trust"', html)) == 3
    assert len(re.findall(r'<svg class="chart" data-meter="danger"', html)) == 1
    assert "Unchanged all through this route: Danger 0, Spare 4." in html
    assert '<section class="warn" id="dominant">' in html and "<b>always tag truth</b>" in html
    assert html.count('<section class="route"') == 3
    assert html.count("Scene graph") == 3 and "vineyard" not in html
    assert "A line nobody sees." in html and "noted" in html


def test_a_page_without_a_dominant_strategy_says_so(story_dir) -> None:
    story = load_story(story_dir(MANIFEST, SCENES))
    html = page(story, analyze(story, "main", plays=10).to_json())
    assert '<section class="ok" id="dominant"><h2>No dominant strategy</h2>' in html


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=180,
                          check=False)


@needs_chromium
def test_chromium_renders_the_page(written, tmp_path) -> None:
    dom = _chromium(tmp_path, "--dump-dom", written.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.count('class="chart"') == 4
    assert "Dominant strategies" in dom.stdout and "Second good" in dom.stdout
    shot = tmp_path / "shot.png"
    done = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", written.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    import pygame
    picture = pygame.image.load(str(shot))
    width, height = picture.get_size()
    assert (width, height) == (1280, 2000)
    colours = {tuple(picture.get_at((x, y)))[:3] for x in range(0, width, 7) for y in range(0, height, 7)}
    assert len(colours) > 50  # text, bars, charts: not a blank or one-colour page
    header = picture.get_at((640, 20))[:3]
    assert header == (0x27, 0x32, 0x4a)  # the page's own header colour: its CSS applied
