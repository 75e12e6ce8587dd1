"""BLAKE2, for the names of what the game keeps between starts (the kept story, the title's first picture, a story
pack's data folder), without loading OpenSSL before the title's first frame.

`import hashlib` loads OpenSSL's libcrypto for its other digests (2.5 ms of a start of about 160); hashlib's own
blake2b and blake2s are these very functions, CPython's built-in module _blake2. The save files' sha256 still
comes from hashlib, imported when a save is written or read (story/saves.py).
"""
from __future__ import annotations

try:
    from _blake2 import blake2b, blake2s
except ImportError:   # a Python without the built-in module: hashlib has them all the same
    from hashlib import blake2b, blake2s

__all__ = ["blake2b", "blake2s"]
