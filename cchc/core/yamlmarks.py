"""YAML loading that remembers line numbers, refuses duplicate keys and normalizes to NFC.

PyYAML drops node positions once it builds Python objects; error messages need
them, so mappings and lists loaded here carry the line of each key and item.

It is also the one bounded loader for every file an editor writes: before anything is built,
``_refuse_what_could_hurt`` reads the file's tokens and refuses, with the line, what a careless
or hostile file could do to a build: aliases (a "billion laughs" file expands without bound
wherever the data is walked), explicit tags (``!!binary``, ``!!python/...``), complex keys,
nesting deeper than any content needs, and characters YAML itself rejects. Dates stay text:
the loaders parse them, so "2023-02-30" is an error with its field, not a crash in PyYAML.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from cchc.core.text import nfc


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


MAX_DEPTH = 32
"""Deepest nesting of lists and mappings a file may have (a procedure needs five levels)."""
_FORBIDDEN_CHARACTER = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What the YAML 1.1 specification does not allow in a file (PyYAML stops at it without a line)."""


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


class _ComplexKey(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _construct_mapping(loader: _MarkedLoader, node: yaml.MappingNode) -> MarkedDict:
    loader.flatten_mapping(node)
    result = MarkedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _ComplexKey(key_node.start_mark.line + 1)
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
    # Dates stay as written: the loaders parse them and name the field of "2023-02-30".
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_str)
    _loader.add_constructor("tag:yaml.org,2002:float",
                            _number_constructor(MarkedFloat, yaml.SafeLoader.construct_yaml_float))
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG, _construct_str)
    # Tags such as Material's !!python/name are not ours to interpret: keep them as None.
    _loader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_marked_yaml(text: str, first_line: int = 1, *, allow_tags: bool = False) -> Any:
    """Parse YAML text; lines in the result and in errors count from ``first_line``.

    ``allow_tags`` is for mkdocs.yml only, where MkDocs' and Material's own tags (``!ENV``,
    ``!!python/name:``) are theirs to read; here they load as None.
    """
    try:
        _refuse_what_could_hurt(text, allow_tags)
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
    except _ComplexKey as complex_key:
        raise YamlProblem(_shift(complex_key.line, first_line),
                          "khóa phải là một chữ, không phải danh sách hay nhóm (khóa phức hợp \"? ...\"); "
                          'viết "tên_trường: giá trị" (complex key)') from None
    except _Refused as refused:
        raise YamlProblem(_shift(refused.line, first_line), refused.message) from None
    except yaml.MarkedYAMLError as error:
        # The context mark is where the broken construct began: where the editor must look.
        mark = error.context_mark or error.problem_mark
        line = mark.line + 1 if mark else None
        raise YamlProblem(_shift(line, first_line), _describe(error)) from None
    _shift_marks(data, first_line - 1)
    return data


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


_OPENING_TOKENS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
                   yaml.FlowSequenceStartToken)
_CLOSING_TOKENS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _refuse_what_could_hurt(text: str, allow_tags: bool) -> None:
    """Raise ``_Refused`` at the first thing no editor's file needs and a hostile one could use.

    It reads tokens, not nodes: the scanner is linear in the file's size whatever its aliases would
    expand to, and tokens keep the line of each alias and tag as written.
    """
    bad = _FORBIDDEN_CHARACTER.search(text)
    if bad:
        raise _Refused(text.count("\n", 0, bad.start()) + 1,
                       f"có ký tự điều khiển U+{ord(bad.group()):04X} mà YAML không cho phép; chạy \"cchc check --fix\" "
                       "để xóa, hoặc gõ lại dòng này (control character)")
    depth = 0
    try:
        for token in yaml.scan(text, Loader=_FAST_BASE):
            line = token.start_mark.line + 1
            if isinstance(token, yaml.AliasToken):
                raise _Refused(line, f'không dùng bí danh YAML ("*{token.value}"); viết đầy đủ giá trị ở mỗi chỗ cần '
                                     "(YAML alias refused)")
            if isinstance(token, yaml.TagToken) and not allow_tags:
                handle, suffix = token.value
                raise _Refused(line, f'không dùng thẻ kiểu YAML "{handle or ""}{suffix}"; xóa thẻ, chỉ giữ giá trị '
                                     "(đặt trong dấu ngoặc kép nếu là chữ) (explicit YAML tag refused)")
            if isinstance(token, yaml.KeyToken) and _is_explicit_key(text, token.start_mark.index):
                raise _ComplexKey(line)
            depth += isinstance(token, _OPENING_TOKENS) - isinstance(token, _CLOSING_TOKENS)
            if depth > MAX_DEPTH:
                raise _too_deep(line)
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in str(error.problem):  # libyaml stops at 1,000 "[" before giving the first token
            raise _too_deep(error.problem_mark.line + 1) from None
        return  # a syntax error: the parse that follows reports it in PyYAML's words


def _too_deep(line: int) -> _Refused:
    return _Refused(line, f"lồng danh sách, nhóm quá {MAX_DEPTH} cấp; kiểm tra thụt lề và dấu ngoặc (nesting too deep)")


def _is_explicit_key(text: str, index: int) -> bool:
    """"? " opens an explicit (complex) key; a plain key may itself begin with "?" ("?abc: 1")."""
    return text[index:index + 1] == "?" and text[index + 1:index + 2] in ("", " ", "\t", "\n")


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
