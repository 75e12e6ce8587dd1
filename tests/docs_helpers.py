"""docs/scene-format.md read into its marked blocks, and the guide's example story built from them.

The guide marks its code blocks (see the HTML comment at its top): `# file: PATH` blocks are one runnable
story, `# mistake: PATH` blocks replace a file of it and are followed by what the checker prints,
`$ python -m game ...` blocks are transcripts, and the catalogue tables list every message the checker has.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DOC = Path(__file__).resolve().parents[1] / "docs" / "scene-format.md"
FENCE = re.compile(r"^```(\w*)[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
HEADING = re.compile(r"^#{1,6} ", re.M)
MARK = re.compile(r"^(?:#|<!--)\s*(file|mistake):\s*(\S+?)\s*(?:-->)?\s*$")
COMMAND = "$ python -m game "
# Without libyaml, PyYAML words its syntax errors differently; the rest of every message is the engine's own.
LIBYAML = hasattr(yaml, "CSafeLoader")


@dataclass
class Block:
    lang: str
    text: str
    line: int                   # where the block starts in the guide
    kind: str = ""              # 'file', 'mistake', 'expected', 'transcript' or '' (a fragment)
    path: str = ""
    expected: list[Block] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.kind or 'block'} at docs/scene-format.md:{self.line}" + (f" ({self.path})" if self.path else "")


def read_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    mistake: Block | None = None
    prose_start = 0
    for match in FENCE.finditer(text):
        if HEADING.search(text, prose_start, match.start()):
            mistake = None
        prose_start = match.end()
        block = Block(match.group(1), match.group(2), text.count("\n", 0, match.start()) + 1)
        first = block.text.split("\n", 1)[0]
        mark = MARK.match(first)
        if mark and block.lang in ("yaml", "xml"):
            block.kind, block.path = mark.groups()
            mistake = block if block.kind == "mistake" else None
        elif block.lang == "text" and mistake is not None:
            block.kind = "expected"
            mistake.expected.append(block)
        else:
            mistake = None
            if block.lang == "text" and first.startswith(COMMAND):
                block.kind = "transcript"
        blocks.append(block)
    return blocks


GUIDE = DOC.read_text(encoding="utf-8")
BLOCKS = read_blocks(GUIDE)
FILES = {b.path: b.text for b in BLOCKS if b.kind == "file"}
MISTAKES = [b for b in BLOCKS if b.kind == "mistake"]
TRANSCRIPTS = [b for b in BLOCKS if b.kind == "transcript"]


def assets_named(files: dict[str, str]) -> set[str]:
    """Asset files (under assets/) for every name the example files use, as empty-file stand-ins."""
    manifest = yaml.safe_load(files["scenes/story.yaml"])
    sprites = {cid: (data or {}).get("sprites") for cid, data in manifest["characters"].items()}
    named: set[tuple[str, str]] = set()
    expressions: dict[str, set[str]] = {cid: set() for cid, folder in sprites.items() if folder}

    def background(value: str) -> None:
        named.add(("backgrounds", value.partition(" with ")[0].strip()))

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                key = str(key)
                words = key.split()
                if key == "background":
                    background(value)
                elif key in ("music", "ambience") and value != "stop":
                    named.add((key, value))
                elif key == "sound":
                    named.add(("sounds", value))
                elif key == "show":
                    shown = value.split()
                    shown = shown[:shown.index("at")] if "at" in shown else shown
                    if len(shown) == 2 and shown[0] in expressions:
                        expressions[shown[0]].add(shown[1])
                elif len(words) == 2 and words[0] in expressions:
                    expressions[words[0]].add(words[1])
                walk(value)

    for route in manifest["routes"].values():
        if route.get("picture"):
            background(route["picture"])
    for path, text in files.items():
        if path.startswith("scenes/") and path != "scenes/story.yaml":
            walk(yaml.safe_load(text))
    given = {path.removeprefix("assets/").rsplit(".", 1)[0] for path in files if path.startswith("assets/")}
    out = set()
    for kind, name in named:
        if f"{kind}/{name}" not in given:
            out.add(f"{kind}/{name}" + (".png" if kind == "backgrounds" else ".ogg"))
    for cid, used in expressions.items():
        for expression in used or {"neutral"}:
            out.add(f"characters/{sprites[cid]}/{expression}.png")
    return out


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    """Write each file under root, making its folders: text as UTF-8, bytes as they are."""
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def build_example(root: Path, replace: dict[str, str] | None = None) -> Path:
    write_files(root, FILES)
    write_files(root / "assets", dict.fromkeys(assets_named(FILES), b""))
    write_files(root, replace or {})
    return root


def comparable(line: str) -> str:
    return line.split("malformed YAML:")[0] if not LIBYAML else line
