"""What a command prints: its text for people, or with --json one JSON object for machines."""
from __future__ import annotations

import json
import sys
from typing import Any


def print_json(data: Any) -> None:
    """Accents as they are, or as \\u escapes where the output's encoding lacks them."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, ensure_ascii=True, indent=1)
    print(text)


def print_out(args: Any, data: Any, text: str) -> None:
    """The text, or with --json (args.json) the data as one JSON object."""
    if getattr(args, "json", False):
        print_json(data)
    else:
        print(text)
