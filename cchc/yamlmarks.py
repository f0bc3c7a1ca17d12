"""YAML loading that remembers line numbers, refuses duplicate keys and normalizes to NFC.

PyYAML drops node positions once it builds Python objects; error messages need
them, so mappings and lists loaded here carry the line of each key and item.
"""

from __future__ import annotations

from typing import Any

import yaml

from cchc.text import nfc


class MarkedDict(dict):
    """A YAML mapping that knows the line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class MarkedList(list):
    """A YAML sequence that knows the line of itself and of each item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class YamlProblem(Exception):
    """YAML that cannot be read, with the (1-based) line where the parser stopped."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class MarkedInt(int):
    """An integer that remembers how it was written ("0299" is a phone prefix, not 299)."""

    raw: str


class MarkedFloat(float):
    """A float that remembers how it was written ("02993.616042" is a phone number)."""

    raw: str


def written_text(value: Any) -> str:
    """The value as the editor typed it, for fields that are text even when they look numeric."""
    if isinstance(value, (MarkedInt, MarkedFloat)):
        return value.raw
    return str(value)


class _DuplicateKey(Exception):
    def __init__(self, key: Any, first_line: int, line: int) -> None:
        super().__init__(key)
        self.key, self.first_line, self.line = key, first_line, line


class _MarkedLoader(yaml.SafeLoader):
    """SafeLoader whose mappings and lists keep their line numbers."""


_FAST_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastMarkedLoader(_FAST_BASE):  # type: ignore[misc, valid-type]
    """The same constructors on libyaml's parser, about ten times faster than PyYAML's own.

    libyaml words syntax errors differently, so a file it rejects is parsed again with
    ``_MarkedLoader`` and the message editors see (and the tests pin) stays PyYAML's.
    """


def _construct_mapping(loader: _MarkedLoader, node: yaml.MappingNode) -> MarkedDict:
    loader.flatten_mapping(node)
    result = MarkedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result.key_lines:
            raise _DuplicateKey(key, result.key_lines[key], key_node.start_mark.line + 1)
        value = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
        if isinstance(value, (MarkedDict, MarkedList)):
            value.line = result.key_lines[key]  # "department:" introduces the mapping below it
        result[key] = value
    return result


def _construct_sequence(loader: _MarkedLoader, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_str(loader: _MarkedLoader, node: yaml.ScalarNode) -> str:
    return nfc(loader.construct_scalar(node))


def _number_constructor(kind: type, base: Any) -> Any:
    def construct(loader: _MarkedLoader, node: yaml.ScalarNode) -> Any:
        number = kind(base(loader, node))
        number.raw = node.value
        return number
    return construct


for _loader in (_MarkedLoader, _FastMarkedLoader):
    _loader.add_constructor("tag:yaml.org,2002:int", _number_constructor(MarkedInt, yaml.SafeLoader.construct_yaml_int))
    _loader.add_constructor("tag:yaml.org,2002:float",
                            _number_constructor(MarkedFloat, yaml.SafeLoader.construct_yaml_float))
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG, _construct_str)
    # Tags such as Material's !!python/name are not ours to interpret: keep them as None.
    _loader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_marked_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML text; lines in the result and in errors count from ``first_line``."""
    try:
        try:
            data = yaml.load(text, Loader=_FastMarkedLoader)  # noqa: S506 - a SafeLoader subclass
        except yaml.YAMLError:
            data = yaml.load(text, Loader=_MarkedLoader)  # noqa: S506 - PyYAML's wording of the error
    except _DuplicateKey as dup:
        raise YamlProblem(
            _shift(dup.line, first_line),
            f'khóa "{dup.key}" bị lặp lại (đã có ở dòng {_shift(dup.first_line, first_line)}); '
            "hãy xóa một trong hai (duplicate key)",
        ) from None
    except yaml.MarkedYAMLError as error:
        # The context mark is where the broken construct began: where the editor must look.
        mark = error.context_mark or error.problem_mark
        line = mark.line + 1 if mark else None
        raise YamlProblem(_shift(line, first_line), _describe(error)) from None
    _shift_marks(data, first_line - 1)
    return data


def _shift(line: int | None, first_line: int) -> int | None:
    return None if line is None else line + first_line - 1


def _shift_marks(data: Any, offset: int) -> None:
    if not offset:
        return
    if isinstance(data, MarkedDict):
        data.line += offset
        data.key_lines = {k: v + offset for k, v in data.key_lines.items()}
        children = data.values()
    elif isinstance(data, MarkedList):
        data.line += offset
        data.item_lines = [v + offset for v in data.item_lines]
        children = data
    else:
        return
    for child in children:
        _shift_marks(child, offset)


def _describe(error: yaml.MarkedYAMLError) -> str:
    english = " ".join(part for part in (error.context, error.problem) if part)
    return (
        "YAML viết sai cú pháp; kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép "
        f"quanh giá trị có dấu ':' hoặc '#' ({english})"
    )
