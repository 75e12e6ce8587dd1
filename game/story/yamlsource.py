"""Reads YAML safely into plain values that remember where each came from."""
from __future__ import annotations

import re
from typing import Any, Iterator

import yaml

from .problems import Problem, StoryError, Where

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
MAX_REPEATS = 20_000   # values that aliases repeat in one file: a real scene has a few hundred values in all
MAX_DEPTH = 100        # lists and mappings inside one another: a real scene goes about 10 deep
MAX_NUMBER_TEXT = 100  # a plain number longer than this stays the text typed (Python reads 4,300 digits at most)
# What YAML refuses in a file (its printable set is tab, line breaks and the rest of Unicode but surrogates and
# U+FFFE/U+FFFF); found here first, so that the place is a line and column rather than PyYAML's byte offset.
_UNREADABLE = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# What a value may not hold once escapes such as "\0" or "\e" are read: control characters but tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "backspace", 11: "vertical tab", 12: "form feed", 13: "carriage return",
                  27: "ESC", 127: "DEL", 0x85: "NEL"}


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


def _place(path: str, text: str, offset: int) -> Where:
    """The line and column of a character offset in the text."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Where(path, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _character(char: str) -> str:
    name = _CONTROL_NAMES.get(ord(char))
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def _unreadable(text: str, path: str) -> list[Problem]:
    """A problem for each character YAML refuses (the first ten), placed by line and column."""
    problems = []
    for match in _UNREADABLE.finditer(text):
        char = match.group()
        if "\ud800" <= char <= "\udfff":
            what, hint = f"half of a character (U+{ord(char):04X}, a lone surrogate)", "save the file as UTF-8"
        else:
            what, hint = f"the control character {_character(char)}", \
                "delete it: most editors do not show it, and the game cannot draw it"
        problems.append(Problem(_place(path, text, match.start()), f"the file holds {what}", hint))
        if len(problems) == 10:
            break
    return problems


def read_yaml(text: str, path: str) -> Any:
    """Parse one YAML document into YMap/YList/scalars; raises StoryError with the place."""
    unreadable = _unreadable(text, path)
    if unreadable:
        raise StoryError(unreadable)
    loader = None
    try:
        _check_depth(text, path)
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
    except yaml.reader.ReaderError as exc:
        # Not expected after _unreadable(); its position counts bytes of UTF-8 with the C loader.
        offset = len(text.encode("utf-8", "surrogatepass")[:exc.position].decode("utf-8", "ignore"))
        raise StoryError([Problem(_place(path, text, offset), f"malformed YAML: {exc.reason}")]) from None
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
        raise StoryError(dict.fromkeys(problems))  # a text used through an alias is reported once
    return value


def _check_depth(text: str, path: str) -> None:
    """Refuse deep nesting before composing: libyaml's composer recurses in C, and a few hundred thousand
    brackets would overflow the stack (a crash, not an exception). Reading events alone does not recurse."""
    try:
        _walk_depth(yaml.parse(text, Loader=_Loader), path)
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" not in str(exc.problem):
            raise
        # Newer libyaml refuses more than 1,000 levels itself, while scanning ahead of the events read here;
        # the pure-Python reader, which does not, finds the place where the story passed its own limit.
        _walk_depth(yaml.parse(text, Loader=yaml.SafeLoader), path)
        raise


def _walk_depth(events: Iterator[yaml.Event], path: str) -> None:
    depth = 0
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise StoryError([Problem(Where(path, mark.line + 1, mark.column + 1),
                                          "the YAML is nested too deeply",
                                          f"more than {MAX_DEPTH} lists and mappings inside one another")])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Converter:
    """Turns composed nodes into values; an alias becomes the same value, never a copy.

    The compiler walks a value at each place it is used, so each alias counts all that it repeats: a chain
    of aliases that doubles at every link ("billion laughs") is refused here, before it is walked."""

    def __init__(self, path: str, loader: Any, problems: list[Problem]):
        self.path, self.loader, self.problems = path, loader, problems
        self.done: dict[int, Any] = {}
        self.busy: set[int] = set()
        self.size: dict[int, int] = {}  # values in a collection, with the aliases in it written out
        self.repeats = 0

    def convert(self, node: yaml.Node, at: Where | None = None) -> Any:
        """The value of a node; `at` is where this use of it is written (an alias's own place is not kept)."""
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                self.check_text(node.value, node)
                return node.value
            if node.tag == _INT and len(node.value) > MAX_NUMBER_TEXT:
                return node.value  # too long for a number; where one is wanted, it is reported as too large
            try:
                return self.loader.construct_object(node, deep=True)
            except (ValueError, TypeError, OverflowError, IndexError, KeyError, AttributeError) as exc:
                # PyYAML's constructors fail this way on values such as the date 2024-13-45 or !!int "".
                raise StoryError([Problem(_where(self.path, node), f"malformed YAML value: {exc}",
                                          "put the value in quotes if it is text")]) from None
        key = id(node)
        if key in self.done:  # an alias
            self.repeats += self.size[key]
            if self.repeats > MAX_REPEATS:
                raise StoryError([Problem(at or _where(self.path, node),
                                          f"by here, aliases repeat over {MAX_REPEATS:,} values of this file",
                                          "an alias (*name) repeats all that its anchor (&name) holds, aliases "
                                          "included; write the steps out, or use fewer aliases of aliases")])
            return self.done[key]
        if key in self.busy:
            raise StoryError([Problem(_where(self.path, node), "a YAML alias refers to itself")])
        self.busy.add(key)
        value = self._collection(node)
        self.busy.discard(key)
        self.done[key] = value
        self.size[key] = 1 + sum(self.size.get(id(child), 1) for child in _children(node))
        return value

    def check_text(self, text: str, node: yaml.Node) -> None:
        """Escapes in quotes ("\\0", "\\e") can make characters that no file may hold: refuse them too."""
        found = _CONTROL.search(text)
        if found:
            self.problems.append(Problem(_where(self.path, node),
                                         f"the text holds the control character {_character(found.group())}",
                                         "remove the escape that makes it; use \\n for a new line"))

    def _collection(self, node: yaml.Node) -> Any:
        path, problems = self.path, self.problems
        if isinstance(node, yaml.SequenceNode):
            where = _where(path, node)
            out = YList(self.convert(item, where) for item in node.value)
            out.where = where
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
                place = _where(path, key_node)
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else self.convert(key_node, place)
                if isinstance(key_node, yaml.ScalarNode):
                    self.check_text(key, key_node)
                if isinstance(key, (YMap, YList)):
                    problems.append(Problem(place, "a key must be a plain name, not a list or mapping"))
                    continue
                key = key if isinstance(key, str) else str(key)
                if key in out:
                    problems.append(Problem(place, f"duplicate key '{key}'",
                                            f"it is already given at line {out.key_where[key].line}"))
                    continue
                out[key] = self.convert(value_node, place)
                out.key_where[key] = place
                out.value_where[key] = _where(path, value_node)
                if isinstance(value_node, yaml.ScalarNode) and value_node.tag != _STR and value_node.value:
                    out.raw[key] = value_node.value
            return out
        raise StoryError([Problem(_where(path, node), "unsupported YAML node")])


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return list(node.value)
