"""Runs one job of a GitHub Actions workflow here, as its runner would: the release workflow's Linux build.

    python tools/run_workflow.py                 # .github/workflows/release.yml, job build, as on Linux
    python tools/run_workflow.py --dry-run       # only say what would run
    python tools/run_workflow.py --skip "X tools for the window smoke test"    # a step by its name

Each `run:` step runs in this checkout with bash -eo pipefail, as on GitHub's runners, with the job's and the
step's env; a step whose `if:` asks for another system is passed over. The actions (`uses:`) are stood in for:
checkout is this checkout, setup-python the python running this tool, and upload-artifact checks that its
paths find files, as the workflow asks (if-no-files-found: error). Run it in a clean clone, with a fresh
virtual environment first on PATH, to see what a runner would see.
"""
from __future__ import annotations

import argparse
import glob
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
SYSTEMS = ("Linux", "Windows", "macOS")
CONDITION = re.compile(r"^\s*runner\.os\s*==\s*'(\w+)'\s*$")


class WorkflowError(Exception):
    """What this tool cannot stand in for, said in one line with the step it is in."""


def load(path: Path) -> dict:
    try:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise WorkflowError(f"{path}: cannot read the workflow ({exc})") from None
    if not isinstance(workflow, dict) or not isinstance(workflow.get("jobs"), dict):
        raise WorkflowError(f"{path}: no jobs: mapping")
    return workflow


def applies(step: dict, system: str, where: str) -> bool:
    """Whether a step runs on `system`: no if:, or if: runner.os == '...'. Other conditions are refused."""
    condition = step.get("if")
    if condition is None:
        return True
    found = CONDITION.match(str(condition))
    if found is None:
        raise WorkflowError(f"{where}: if: {condition!r}: only runner.os == '...' can be judged here")
    return found.group(1) == system


def stand_in(step: dict, root: Path, where: str) -> str:
    """What an action's step comes to here, or a WorkflowError if it is one this tool does not know."""
    action = step["uses"].split("@")[0]
    if action == "actions/checkout":
        return f"checkout: this checkout, {root}"
    if action == "actions/setup-python":
        wanted = (step.get("with") or {}).get("python-version", "")
        return f"setup-python {wanted}: the Python here, {sys.version.split()[0]}"
    if action == "actions/upload-artifact":
        patterns = [p for p in str((step.get("with") or {}).get("path", "")).splitlines() if p.strip()]
        files = sorted({f for p in patterns for f in glob.glob(str(root / p.strip()))})
        if not files and (step.get("with") or {}).get("if-no-files-found") == "error":
            raise WorkflowError(f"{where}: upload-artifact finds no files for {', '.join(patterns)}")
        return "upload-artifact: would upload " + ", ".join(Path(f).name for f in files)
    raise WorkflowError(f"{where}: uses {action}, which this tool cannot stand in for")


def steps(workflow: dict, job_id: str, system: str, path: Path) -> tuple[dict, list[tuple[str, dict]]]:
    """The job and its steps that apply on `system`, each with a label."""
    job = workflow["jobs"].get(job_id)
    if not isinstance(job, dict):
        raise WorkflowError(f"{path}: no job {job_id!r} (the jobs are: {', '.join(workflow['jobs'])})")
    chosen = []
    for number, step in enumerate(job.get("steps") or [], 1):
        label = f"step {number}" + (f" ({step['name']})" if step.get("name") else f" ({step.get('uses', 'run')})")
        if applies(step, system, f"{path}: job {job_id}, {label}"):
            chosen.append((label, step))
    return job, chosen


def _python_on_path(env: dict[str, str], root: Path) -> str:
    """Which python the steps will run (a version manager's shim started this tool may have put its own first)."""
    done = subprocess.run(["bash", "--noprofile", "--norc", "-c", "command -v python && python -c "
                           "'import sys; print(sys.prefix)'"], cwd=root, env=env, capture_output=True, text=True)
    found = done.stdout.split()
    return f"{found[0]} (prefix {found[1]})" if done.returncode == 0 and len(found) == 2 else "none found on PATH"


def run(path: Path, job_id: str, system: str, skip: list[str], dry_run: bool, root: Path = ROOT) -> int:
    workflow = load(path)
    job, chosen = steps(workflow, job_id, system, path)
    shell = ((job.get("defaults") or {}).get("run") or {}).get("shell", "bash")
    if shell != "bash":
        raise WorkflowError(f"{path}: job {job_id} runs its steps with {shell}; this tool runs bash")
    base_env = {**os.environ, **{k: str(v) for k, v in (job.get("env") or {}).items()},
                "RUNNER_OS": system, "CI": "true"}
    print(f"== the steps' python: {_python_on_path(base_env, root)}", flush=True)
    for label, step in chosen:
        where = f"{path.name}: job {job_id}, {label}"
        if step.get("name") in skip:
            print(f"== {label}: skipped (--skip)")
            continue
        if "uses" in step:
            print(f"== {label}: {stand_in(step, root, where) if not dry_run else step['uses']}")
            continue
        command = str(step.get("run", ""))
        if "${{" in command or any("${{" in str(v) for v in (step.get("env") or {}).values()):
            raise WorkflowError(f"{where}: an expression (${{{{ ... }}}}) this tool cannot evaluate")
        print(f"== {label}\n{command.rstrip()}", flush=True)
        if dry_run:
            continue
        started = time.monotonic()
        env = {**base_env, **{k: str(v) for k, v in (step.get("env") or {}).items()}}
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command], cwd=root, env=env)
        print(f"-- {label}: exit {done.returncode} after {time.monotonic() - started:.1f} s", flush=True)
        if done.returncode != 0:
            return done.returncode
    print(f"== job {job_id} on {system}: {'would run' if dry_run else 'done'}, {len(chosen)} steps")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workflow", type=Path, default=WORKFLOW)
    parser.add_argument("--job", default="build")
    parser.add_argument("--os", default="Linux", choices=SYSTEMS, help="the runner's system (default: Linux)")
    parser.add_argument("--skip", action="append", default=[], metavar="NAME", help="leave out the step so named")
    parser.add_argument("--dry-run", action="store_true", help="say what would run, run nothing")
    args = parser.parse_args(argv)
    try:
        return run(args.workflow, args.job, args.os, args.skip, args.dry_run)
    except WorkflowError as exc:
        print(f"run_workflow: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
