"""Builds the game for players without Python: a one-folder PyInstaller build and its archive with a sha256 file.

    python -m pip install -e .[build]      # PyInstaller
    python tools/build.py                  # dist/under-the-same-stars/ and
                                           # dist/under-the-same-stars-VERSION-PLATFORM.tar.gz (+ .sha256)
    python tools/build.py --out /tmp/b     # elsewhere (the smoke test, tests/test_build.py)

The folder holds the executable and _internal/: the Python runtime, the game's modules, pygame-ce, and the
story (scenes/, assets/, translations/) and the fonts as data, where game/story/home.py looks in a built program.
Beside the executable: README.txt, and on Linux the desktop entry, its icon and install-desktop-entry.sh
(tools/package/). On Windows the archive is a .zip, which Windows opens by itself. See docs/building.md.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "under-the-same-stars"
STORY_DATA = ("scenes", "assets", "translations")   # the game's own story, beside the modules in _internal/
FONT_PACKAGES = ("fontpkg-lora", "fontpkg-cinzel", "fontpkg-josefin-sans", "fontpkg-atkinson-hyperlegible")
# not needed by the game, and large or pulled in only by optional imports (pygame's surfarray pulls numpy);
# multiprocessing would also bring a runtime hook that imports it at every start (about 10 ms)
EXCLUDED = ("numpy", "tkinter", "unittest", "pytest", "_pytest", "hypothesis", "pydoc_data", "pygame.tests",
            "pygame.examples", "pygame.docs", "tests", "bench", "tools", "multiprocessing", "concurrent", "asyncio")
PACKAGE = ROOT / "tools" / "package"       # what stands beside the executable for players
ICON_ICO = ROOT / "assets" / "ui" / "icon.ico"
FOLDER_LIMIT, ARCHIVE_LIMIT = 90 * 2**20, 70 * 2**20   # the sizes issue 15 allows; the build warns past them


def version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The project's version, from pyproject.toml (Python 3.10 has no tomllib: the one line is enough)."""
    found = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"), re.MULTILINE)
    if found is None:
        raise SystemExit(f"{pyproject}: no version = \"...\" line")
    return found.group(1)


def platform_tag() -> str:
    """linux-x86_64, macos-arm64, windows-amd64...: the system and machine the build runs on (and runs on)."""
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    return f"{system}-{platform.machine().lower() or 'unknown'}"


def pyinstaller_args(out: Path) -> list[str]:
    work = out / "build"
    args = ["--noconfirm", "--clean", "--onedir", "--name", NAME, "--log-level", "WARN",
            "--distpath", str(out), "--workpath", str(work), "--specpath", str(work),
            "--paths", str(ROOT),
            # the modules as .pyc files in _internal/, read by Python's own importer, rather than one archive
            # whose every module is decompressed on import: the title comes about 20 ms sooner, as soon as
            # under `python main.py` (docs/performance.md), for 5 MB more on disk and 1 MB in the archive
            "--debug", "noarchive"]
    if sys.platform != "win32" and shutil.which("strip"):
        args.append("--strip")   # a self-built Python keeps its debug symbols: libpython alone is 23 MB of 104
    if sys.platform == "win32":
        # the executable's icon in Explorer; it stays a console program so that its commands print (lint, play):
        # started from Explorer it lets go of the console it was given (game/console.py)
        args += ["--icon", str(ICON_ICO)]
    for folder in STORY_DATA:
        args += ["--add-data", f"{ROOT / folder}{os.pathsep}{folder}"]
    # the command line imports most of its modules inside the commands that need them: take them all
    args += ["--collect-submodules", "game", "--collect-data", "game"]
    for package in FONT_PACKAGES:
        module = package.replace("-", "_")
        args += ["--hidden-import", module, "--collect-data", module, "--copy-metadata", package]
    # fontpkg finds the families through its entry points, read from the packages' metadata
    args += ["--hidden-import", "fontpkg", "--collect-submodules", "fontpkg", "--copy-metadata", "fontpkg"]
    args += ["--hidden-import", "polib", "--hidden-import", "yaml", "--hidden-import", "platformdirs",
             "--collect-submodules", "pytmx"]
    for module in EXCLUDED:
        args += ["--exclude-module", module]
    return args + [str(ROOT / "main.py")]


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def add_player_files(folder: Path) -> None:
    """README.txt (with the version) beside the executable; on Linux also the desktop entry, its icon and the
    script that installs both (the README says how)."""
    readme = (PACKAGE / "README.txt").read_text(encoding="utf-8").replace("@VERSION@", version())
    (folder / "README.txt").write_text(readme, encoding="utf-8", newline="\r\n" if sys.platform == "win32" else "\n")
    if sys.platform.startswith("linux"):
        for name in (f"{NAME}.desktop", "install-desktop-entry.sh"):
            shutil.copy2(PACKAGE / name, folder / name)
        (folder / "install-desktop-entry.sh").chmod(0o755)
        shutil.copy2(ROOT / "assets" / "ui" / "icon-256.png", folder / f"{NAME}.png")


def archive_name() -> str:
    """NAME-VERSION-PLATFORM.tar.gz, or .zip on Windows (which opens a zip by itself, and no tar.gz)."""
    return f"{NAME}-{version()}-{platform_tag()}" + (".zip" if sys.platform == "win32" else ".tar.gz")


def _entries(folder: Path) -> list[tuple[Path, str]]:
    """The folder and everything in it, sorted, with the names they take in the archive."""
    return [(folder, folder.name)] + [(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
                                      for path in sorted(folder.rglob("*"))]


def write_archive(folder: Path, archive: Path) -> None:
    """The folder as a tar.gz (a .zip for a name ending so), entries sorted and owned by nobody in particular,
    so that it unpacks the same anywhere; the modes are kept (the executable stays executable)."""
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
            for path, name in _entries(folder):
                zipped.write(path, name)
        return

    def plain(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        for path, name in _entries(folder):
            tar.add(path, arcname=name, recursive=False, filter=plain)


def write_sha256(archive: Path) -> Path:
    """ARCHIVE.sha256 beside it, in the format `sha256sum -c` reads."""
    digest = hashlib.sha256()
    with open(archive, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    checksum = archive.with_name(archive.name + ".sha256")
    checksum.write_text(f"{digest.hexdigest()}  {archive.name}\n", encoding="utf-8")
    return checksum


def build(out: Path, archive: bool = True) -> dict:
    """Builds into out/NAME/ (and the archive in out/); returns what was made, with sizes and seconds."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("PyInstaller is not installed (install it: python -m pip install -e .[build])") from None
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "PyInstaller", *pyinstaller_args(out)], cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"PyInstaller failed (exit code {result.returncode})")
    folder = out / NAME
    shutil.rmtree(out / "build", ignore_errors=True)
    add_player_files(folder)
    report = {"folder": folder, "executable": folder / (NAME + (".exe" if sys.platform == "win32" else "")),
              "folder_bytes": folder_size(folder), "build_seconds": time.monotonic() - started}
    if archive:
        path = out / archive_name()
        write_archive(folder, path)
        report.update(archive=path, archive_bytes=path.stat().st_size, sha256=write_sha256(path),
                      total_seconds=time.monotonic() - started)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where to build (default: dist/)")
    parser.add_argument("--no-archive", action="store_true", help="only the folder, no archive")
    args = parser.parse_args(argv)
    report = build(args.out, archive=not args.no_archive)
    mb = 2**20
    print(f"{report['folder']}: {report['folder_bytes'] / mb:.1f} MB, built in {report['build_seconds']:.0f} s")
    warnings = []
    if report["folder_bytes"] > FOLDER_LIMIT:
        warnings.append(f"the folder is over {FOLDER_LIMIT // mb} MB")
    if "archive" in report:
        print(f"{report['archive']}: {report['archive_bytes'] / mb:.1f} MB ({report['sha256'].name} beside it)")
        if report["archive_bytes"] > ARCHIVE_LIMIT:
            warnings.append(f"the archive is over {ARCHIVE_LIMIT // mb} MB")
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
