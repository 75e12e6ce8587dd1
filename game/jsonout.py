"""One JSON object on standard output, as every command's --json prints it."""
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
