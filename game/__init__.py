"""Under the Same Stars: a visual novel and the small engine it runs on."""
from __future__ import annotations

__version__ = "0.1.0"
