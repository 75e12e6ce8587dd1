"""Writes one benchmark's section of docs/performance.md between its markers, leaving the rest as it is."""
from __future__ import annotations

from pathlib import Path


def write_section(path: Path, section: str, start: str, end: str, heading: str, after: str | None = None,
                  new_file: str = "# Performance\n") -> None:
    """Replace the text between `start` and `end`; without them, add the heading and markers after `after`
    (another section's end marker) or at the end of the file."""
    block = f"{start}\n{section.rstrip(chr(10))}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else new_file
    if start in text and end in text and text.index(start) < text.index(end):
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    elif after is not None and after in text:
        head, rest = text.split(after, 1)
        rest = rest.lstrip("\n")
        text = head + after + f"\n\n{heading}\n\n{block}\n" + ("\n" + rest if rest else "")
    else:
        text = text.rstrip("\n") + f"\n\n{heading}\n\n{block}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
