"""A least-recently-used cache bounded in bytes: backgrounds, sprites and sounds are kept while they fit."""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Generic, Hashable, Iterable, Iterator, Optional, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SizedLRU(Generic[K, V]):
    """Entries with a size each; adding one past the budget forgets the least recently used others.

    put() always keeps the entry it is given, even when it alone is over the budget: what the stage shows now
    must be kept. offer() keeps one only if it fits (for what is prepared ahead). Sizes are whatever size_of
    says (bytes of pixels or samples)."""

    def __init__(self, budget: int, size_of: Callable[[V], int]):
        if budget < 0:
            raise ValueError(f"budget must not be negative, not {budget}")
        self.budget = budget
        self._size_of = size_of
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self.total = 0
        self.evicted = 0   # entries forgotten to stay in budget, over the cache's life

    def get(self, key: K) -> Optional[V]:
        """The entry, now the most recently used; None if it is not kept."""
        found = self._entries.get(key)
        if found is None:
            return None
        self._entries.move_to_end(key)
        return found[0]

    def peek(self, key: K) -> Optional[V]:
        """The entry without counting it as used."""
        found = self._entries.get(key)
        return None if found is None else found[0]

    def put(self, key: K, value: V) -> list[K]:
        """Keep value as the most recently used; returns the keys forgotten to make room."""
        self.discard(key)
        size = max(0, int(self._size_of(value)))
        gone = self._make_room(size, frozenset())
        self._entries[key] = (value, size)
        self.total += size
        return gone

    def offer(self, key: K, value: V, keep: Iterable[K] = ()) -> Optional[list[K]]:
        """Keep value only if it fits once entries that are not in `keep` are forgotten (what is prepared
        ahead must not push out what is needed sooner); returns the keys forgotten, or None if declined."""
        size = max(0, int(self._size_of(value)))
        keep = frozenset(keep)
        others = sum(entry[1] for k, entry in self._entries.items() if k in keep and k != key)
        if key not in keep and others + size > self.budget:
            return None
        if key in keep and size > self.budget:
            return None
        self.discard(key)
        gone = self._make_room(size, keep)
        if self.total + size > self.budget:
            return None
        self._entries[key] = (value, size)
        self.total += size
        return gone

    def _make_room(self, size: int, keep: frozenset) -> list[K]:
        gone = []
        for victim in list(self._entries):
            if self.total + size <= self.budget:
                break
            if victim in keep:
                continue
            self.total -= self._entries.pop(victim)[1]
            self.evicted += 1
            gone.append(victim)
        return gone

    def keep_only(self, keep: Iterable[K]) -> list[K]:
        """Forget every entry not in keep; returns the keys forgotten."""
        keep = frozenset(keep)
        gone = [key for key in self._entries if key not in keep]
        for key in gone:
            self.discard(key)
        self.evicted += len(gone)
        return gone

    def room_for(self, size: int) -> bool:
        """Whether an entry of this size fits beside everything kept, without forgetting anything."""
        return self.total + size <= self.budget

    def discard(self, key: K) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self.total -= old[1]

    def clear(self) -> None:
        self._entries.clear()
        self.total = 0

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[K]:
        """Keys, least recently used first."""
        return iter(list(self._entries))
