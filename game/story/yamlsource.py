"""Reads YAML safely into plain values that remember where each came from."""
from __future__ import annotations

from typing import Any

import yaml

from .problems import Problem, StoryError, Where

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"


class YMap(dict):
    """A mapping read from YAML, with the place of the mapping and of each key."""

    __slots__ = ("where", "key_where", "value_where", "raw")

    def place(self, key: str) -> Where:
        """Where a key's value starts (the key itself if the value has no place)."""
        return self.value_where.get(key) or self.key_where.get(key, self.where)

    def text(self, key: str) -> object:
        """The value as the author typed it, when YAML read plain text as a number or yes/no."""
        return self.raw.get(key, self.get(key))


class YList(list):
    """A sequence read from YAML, with the place of the sequence and of each item."""

    __slots__ = ("where", "item_where", "raw")

    def text(self, index: int) -> object:
        """The item as the author typed it, when YAML read plain text as a number or yes/no."""
        return self.raw.get(index, self[index])


def _where(path: str, node: yaml.Node) -> Where:
    mark = node.start_mark
    quoted = isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')
    return Where(path, mark.line + 1, mark.column + 1 + quoted)  # a quoted text starts after its quote


def read_yaml(text: str, path: str) -> Any:
    """Parse one YAML document into YMap/YList/scalars; raises StoryError with the place."""
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            return None
        problems: list[Problem] = []
        value = _Converter(path, loader, problems).convert(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Where(path, mark.line + 1, mark.column + 1) if mark else Where(path)
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        hint = ""
        if isinstance(exc, (yaml.scanner.ScannerError, yaml.parser.ParserError)):
            hint = "check the indentation, and quote text that contains ': ' or starts with a symbol"
        raise StoryError([Problem(where, f"malformed YAML: {message}", hint)]) from None
    except yaml.YAMLError as exc:
        raise StoryError([Problem(Where(path), f"malformed YAML: {exc}")]) from None
    except UnicodeError:
        raise StoryError([Problem(Where(path), "the text holds characters that are not valid Unicode",
                                  "save the file as UTF-8")]) from None
    except RecursionError:
        raise StoryError([Problem(Where(path), "the YAML is nested too deeply")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if problems:
        raise StoryError(problems)
    return value


class _Converter:
    """Turns composed nodes into values; an alias becomes the same value, never a copy."""

    def __init__(self, path: str, loader: Any, problems: list[Problem]):
        self.path, self.loader, self.problems = path, loader, problems
        self.done: dict[int, Any] = {}
        self.busy: set[int] = set()

    def convert(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                return node.value
            try:
                return self.loader.construct_object(node, deep=True)
            except (ValueError, TypeError, OverflowError, IndexError, KeyError, AttributeError) as exc:
                # PyYAML's constructors fail this way on values such as the date 2024-13-45 or !!int "".
                raise StoryError([Problem(_where(self.path, node), f"malformed YAML value: {exc}",
                                          "put the value in quotes if it is text")]) from None
        key = id(node)
        if key in self.done:
            return self.done[key]
        if key in self.busy:
            raise StoryError([Problem(_where(self.path, node), "a YAML alias refers to itself")])
        self.busy.add(key)
        value = self._collection(node)
        self.busy.discard(key)
        self.done[key] = value
        return value

    def _collection(self, node: yaml.Node) -> Any:
        path, problems = self.path, self.problems
        if isinstance(node, yaml.SequenceNode):
            out = YList(self.convert(item) for item in node.value)
            out.where = _where(path, node)
            out.item_where = [_where(path, item) for item in node.value]
            out.raw = {i: item.value for i, item in enumerate(node.value)
                       if isinstance(item, yaml.ScalarNode) and item.tag != _STR and item.value}
            return out
        if isinstance(node, yaml.MappingNode):
            out = YMap()
            out.where = _where(path, node)
            out.key_where = {}
            out.value_where = {}
            out.raw = {}
            for key_node, value_node in node.value:
                # A key is a name as typed: 'on' or 'yes' stays text, not true.
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else self.convert(key_node)
                place = _where(path, key_node)
                if isinstance(key, (YMap, YList)):
                    problems.append(Problem(place, "a key must be a plain name, not a list or mapping"))
                    continue
                key = key if isinstance(key, str) else str(key)
                if key in out:
                    problems.append(Problem(place, f"duplicate key '{key}'",
                                            f"it is already given at line {out.key_where[key].line}"))
                    continue
                out[key] = self.convert(value_node)
                out.key_where[key] = place
                out.value_where[key] = _where(path, value_node)
                if isinstance(value_node, yaml.ScalarNode) and value_node.tag != _STR and value_node.value:
                    out.raw[key] = value_node.value
            return out
        raise StoryError([Problem(_where(path, node), "unsupported YAML node")])
