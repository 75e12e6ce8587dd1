"""The release workflow (.github/workflows/release.yml) cannot run here: it is read as GitHub would read it and
checked step by step, and tools/run_workflow.py, which runs its Linux steps locally, is tested on small
workflows of its own."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from toolfiles import load_tool

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


run_workflow = load_tool("run_workflow")


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _runs(job: dict) -> list[str]:
    return [str(step["run"]) for step in job["steps"] if "run" in step]


def test_it_runs_on_a_version_tag_or_by_hand(workflow):
    triggers = workflow[True]   # YAML 1.1 reads the key `on` as true, as PyYAML does
    assert triggers["push"]["tags"] == ["v*"] and "workflow_dispatch" in triggers


def test_it_builds_on_linux_windows_and_macos_each_to_the_end(workflow):
    build = workflow["jobs"]["build"]
    systems = build["strategy"]["matrix"]["os"]
    assert sorted(re.match(r"[a-z]+", s).group() for s in systems) == ["macos", "ubuntu", "windows"]
    assert build["runs-on"] == "${{ matrix.os }}" and build["strategy"]["fail-fast"] is False
    assert build["defaults"]["run"]["shell"] == "bash"   # the same commands on Windows too


def test_it_builds_and_smoke_tests_the_build_it_uploads(workflow):
    steps = workflow["jobs"]["build"]["steps"]
    actions = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert actions == ["actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    runs = _runs(workflow["jobs"]["build"])
    install = next(i for i, r in enumerate(runs) if "pip install" in r)
    extras = re.search(r"\.\[([\w,]+)\]", runs[install]).group(1).split(",")
    declared = re.findall(r"^(\w+) = \[", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)
    assert set(extras) == {"build", "test"} <= set(declared)
    build = runs.index("python tools/build.py --out dist")
    smoke = next(i for i, r in enumerate(runs) if "tests/test_build.py" in r)
    assert install < build < smoke   # installed, built, then tested
    assert runs[smoke].startswith("UTSS_BUILT=dist python -m pytest")
    for test_file in re.findall(r"tests/\S+\.py", runs[smoke]):
        assert (ROOT / test_file).is_file(), test_file
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    paths = upload["with"]["path"].split()
    assert paths == ["dist/*.tar.gz", "dist/*.zip", "dist/*.sha256"] and upload["with"]["if-no-files-found"] == "error"
    assert steps.index(upload) > max(i for i, s in enumerate(steps) if "sha256" in str(s.get("run", "")))


def test_a_tag_attaches_every_archive_to_a_release(workflow):
    release = workflow["jobs"]["release"]
    assert release["needs"] == "build" and "refs/tags/v" in release["if"]
    assert release["permissions"] == {"contents": "write"} and workflow["permissions"] == {"contents": "read"}
    download = next(s for s in release["steps"] if "uses" in s)
    assert download["uses"].startswith("actions/download-artifact") and download["with"]["merge-multiple"] is True
    assert any(r.startswith('gh release create "$GITHUB_REF_NAME" dist/*') for r in _runs(release))


@pytest.mark.parametrize("system, apt", [("Linux", True), ("Windows", False), ("macOS", False)])
def test_the_tool_picks_each_systems_steps(system, apt, capsys):
    assert run_workflow.run(WORKFLOW, "build", system, [], dry_run=True) == 0
    out = capsys.readouterr().out
    assert ("apt-get install" in out) is apt
    assert "python tools/build.py --out dist" in out and f"job build on {system}: would run" in out


def _workflow(tmp_path: Path, steps: str) -> Path:
    path = tmp_path / "w.yml"
    path.write_text("on: push\njobs:\n  build:\n    runs-on: x\n    env:\n      FROM_JOB: job\n    steps:\n"
                    + steps, encoding="utf-8")
    return path


def test_the_tool_runs_steps_in_order_with_their_env_and_stops_at_a_failure(tmp_path: Path, capsys):
    path = _workflow(tmp_path, """      - run: echo "one $FROM_JOB $FROM_STEP" > out.txt
        env:
          FROM_STEP: step
      - if: runner.os == 'Windows'
        run: echo windows >> out.txt
      - name: fails
        run: |
          echo two >> out.txt
          false
          echo never >> out.txt
      - run: echo three >> out.txt
""")
    assert run_workflow.run(path, "build", "Linux", [], dry_run=False, root=tmp_path) == 1
    assert (tmp_path / "out.txt").read_text() == "one job step\ntwo\n"
    assert "step 3 (fails): exit 1" in capsys.readouterr().out
    (tmp_path / "out.txt").unlink()
    assert run_workflow.run(path, "build", "Linux", ["fails"], dry_run=False, root=tmp_path) == 0
    assert (tmp_path / "out.txt").read_text() == "one job step\nthree\n"


@pytest.mark.parametrize("steps, said", [
    ("      - if: github.event_name == 'push'\n        run: true\n", "only runner.os == '...' can be judged"),
    ("      - uses: someone/deploy@v1\n", "uses someone/deploy, which this tool cannot stand in for"),
    ("      - run: echo ${{ secrets.KEY }}\n", "an expression"),
    ("      - uses: actions/upload-artifact@v4\n        with:\n          path: dist/*.zip\n"
     "          if-no-files-found: error\n", "upload-artifact finds no files for dist/*.zip"),
])
def test_the_tool_refuses_what_it_cannot_stand_in_for(tmp_path: Path, capsys, steps, said, monkeypatch):
    path = _workflow(tmp_path, steps)
    monkeypatch.setattr(run_workflow, "ROOT", tmp_path)
    monkeypatch.setattr(sys, "argv", ["run_workflow"])
    assert run_workflow.main(["--workflow", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("run_workflow: ") and said in err and err.count("\n") == 1
