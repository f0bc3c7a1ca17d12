"""Pagefind's bundle made reproducible: its filter files rewritten in one order, whatever the run.

Pagefind (1.5.2) gathers each filter's values in a hash map seeded at random in every run and
writes them, and the list of filters in its metadata file, in that map's order. No option changes
it and the order of the input pages does not matter. So the bytes of ``filter/*.pf_filter`` change
from build to build, and with them their names (a hash of their bytes), the metadata file that
names them (``pagefind.<language>_<hash>.pf_meta``, named by a hash too) and ``pagefind-entry.json``,
which names the metadata file. Everything else Pagefind writes is the same from run to run.

``canonicalize_bundle`` runs after Pagefind: it sorts the filters by name and each filter's values
by value (Unicode code point; the order Pagefind's own later fix, pull request #1124, writes), and
writes the files again, gzipped with no time stamp and named by Pagefind's own hash of their bytes.
Searching is unchanged: Pagefind reads a filter's values into a sorted map anyway.

The files are gzipped CBOR (https://www.rfc-editor.org/rfc/rfc8949) after a 12-byte marker. Pagefind
writes only unsigned integers, text and arrays in them, each in its shortest form; the small codec
below reads and writes just those, so what it reads it writes back byte for byte. A bundle holding
anything else is left as Pagefind wrote it (``UnexpectedBundle``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os

ENTRY = "pagefind-entry.json"
MARKER = b"pagefind_dcd"
"""What Pagefind puts before the CBOR in each file, to tell its decompressed bytes from gzip."""
META_FILTERS, META_SORTS = 3, 4
"""Fields of the metadata file (an array): version, pages, index chunks, filters, sorts, meta fields."""

_UNSIGNED, _TEXT, _ARRAY = 0, 3, 4
_SMALLEST = {1: 24, 2: 1 << 8, 4: 1 << 16, 8: 1 << 32}
"""The smallest number a head of 1, 2, 4 or 8 more bytes holds in CBOR's shortest form."""


class UnexpectedBundle(Exception):
    """The bundle is not in the format this module knows (another Pagefind version): left as written."""


def canonicalize_bundle(bundle_dir: str) -> None:
    """Rewrite the bundle's filter, metadata and entry files in canonical order (see the module).

    Every file is read and checked before any is written, so an ``UnexpectedBundle`` leaves the
    bundle whole. Files are written with ``open``, so they get the umask's mode like MkDocs' own.
    """
    entry, rewrites = _plan(bundle_dir)
    for old_path in rewrites:
        os.remove(old_path)
    for new_path, data in rewrites.values():
        _write_gzipped(new_path, data)
    with open(os.path.join(bundle_dir, ENTRY), "w", encoding="utf-8") as stream:
        stream.write(_entry_json(entry))


def _plan(bundle_dir: str) -> tuple[dict, dict[str, tuple[str, bytes]]]:
    """The new entry file, and each file to rewrite: old path → (new path, CBOR bytes)."""
    try:
        with open(os.path.join(bundle_dir, ENTRY), encoding="utf-8") as stream:
            entry_text = stream.read()
        entry = json.loads(entry_text)
        if _entry_json(entry) != entry_text:
            raise UnexpectedBundle(f"{ENTRY} is not written as Pagefind 1.5 writes it")
        rewrites: dict[str, tuple[str, bytes]] = {}
        for language, details in entry["languages"].items():
            details["hash"] = _canonical_language(bundle_dir, language, details["hash"], rewrites)
        entry["languages"] = dict(sorted(entry["languages"].items()))
        return entry, rewrites
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        raise UnexpectedBundle(f"{bundle_dir}: {error!r}") from None


def _canonical_language(bundle_dir: str, language: str, meta_hash: str,
                        rewrites: dict[str, tuple[str, bytes]]) -> str:
    """Plan the rewrite of one language's metadata and filter files (old path → new path, bytes);
    return the metadata file's new hash."""
    meta_path = os.path.join(bundle_dir, f"pagefind.{meta_hash}.pf_meta")
    meta, meta_bytes = _read_fields(meta_path)
    taken: set[str] = set()
    filters = []
    for name, filter_hash in sorted(meta[META_FILTERS], key=lambda pair: pair[0]):
        old_path = os.path.join(bundle_dir, "filter", f"{filter_hash}.pf_filter")
        filter_name, values = _read_fields(old_path)[0]
        data = encode_cbor([filter_name, sorted(values, key=lambda value: value[0])])
        new_hash = _short_hash(language, data, taken)
        rewrites[old_path] = (os.path.join(bundle_dir, "filter", f"{new_hash}.pf_filter"), data)
        filters.append([name, new_hash])
    meta_bytes[META_FILTERS] = encode_cbor(filters)
    meta_bytes[META_SORTS] = encode_cbor(sorted(meta[META_SORTS], key=lambda sort: sort[0]))
    data = _encode_head(_ARRAY, len(meta_bytes)) + b"".join(meta_bytes)  # the pages' list is kept as written
    new_hash = f"{language}_{pagefind_hash(data)[:len(language) + 8]}"
    rewrites[meta_path] = (os.path.join(bundle_dir, f"pagefind.{new_hash}.pf_meta"), data)
    return new_hash


def pagefind_hash(data: bytes) -> str:
    """Pagefind's name for bytes: their SHA-1, each byte in hex without its leading zero (as Pagefind
    prints it), so a rewritten file is named as Pagefind would name it."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def _short_hash(language: str, data: bytes, taken: set[str]) -> str:
    """A filter file's name: as Pagefind does, seven characters of its hash, more if another file has them."""
    full = f"{language}_{pagefind_hash(data)}"
    length = len(language) + 8
    while full[:length] in taken and length < len(full):
        length += 1
    taken.add(full[:length])
    return full[:length]


def _entry_json(entry: dict) -> str:
    """``pagefind-entry.json`` as Pagefind writes it (compact, non-ASCII characters as they are)."""
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def _read_fields(path: str) -> tuple[list, list[bytes]]:
    """The fields of the array one of Pagefind's files holds, and each field's bytes as written."""
    try:
        with open(path, "rb") as stream:
            data = gzip.decompress(stream.read())
    except EOFError as error:  # a truncated file (BadGzipFile is an OSError)
        raise UnexpectedBundle(f"{path}: {error}") from None
    if not data.startswith(MARKER):
        raise UnexpectedBundle(f"{path} does not start with {MARKER!r}")
    major, length, at = _head(data, len(MARKER))
    if major != _ARRAY:
        raise UnexpectedBundle(f"{path} does not hold an array")
    fields, field_bytes = [], []
    for _ in range(length):
        field, end = decode_cbor(data, at)
        fields.append(field)
        field_bytes.append(data[at:end])
        at = end
    if at != len(data):
        raise UnexpectedBundle(f"{path} has bytes after its array")
    return fields, field_bytes


def _write_gzipped(path: str, data: bytes) -> None:
    """Gzip at Pagefind's level (best) and with no time stamp, so the same bytes compress the same."""
    with open(path, "wb") as stream:
        stream.write(gzip.compress(MARKER + data, compresslevel=9, mtime=0))


def decode_cbor(data: bytes, at: int = 0) -> tuple[object, int]:
    """The CBOR value at ``at`` (an unsigned integer, text or array) and where it ends."""
    try:
        major, argument, at = _head(data, at)
        if major == _UNSIGNED:
            return argument, at
        if major == _TEXT:
            if at + argument > len(data):
                raise IndexError("text cut short")
            return data[at:at + argument].decode("utf-8"), at + argument
        if major == _ARRAY:
            items = []
            for _ in range(argument):
                item, at = decode_cbor(data, at)
                items.append(item)
            return items, at
    except (IndexError, UnicodeDecodeError) as error:
        raise UnexpectedBundle(f"CBOR: {error}") from None
    raise UnexpectedBundle(f"CBOR: major type {major} is not one Pagefind 1.5 writes")


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """A CBOR item's major type and argument (a number, or a length), and where its content starts."""
    initial = data[at]
    major, info = initial >> 5, initial & 0x1F
    if info < 24:
        return major, info, at + 1
    if info > 27:
        raise UnexpectedBundle("CBOR: a reserved or indefinite length, not written by Pagefind 1.5")
    size = 1 << (info - 24)
    if at + 1 + size > len(data):
        raise IndexError("truncated")
    argument = int.from_bytes(data[at + 1:at + 1 + size], "big")
    if argument < _SMALLEST[size]:  # then every item encodes back to its very bytes
        raise UnexpectedBundle("CBOR: a number not written in its shortest form, as Pagefind 1.5 writes it")
    return major, argument, at + 1 + size


def encode_cbor(value: object) -> bytes:
    """``value`` as CBOR with the shortest heads, as Pagefind's encoder (minicbor) writes it."""
    if isinstance(value, bool) or not isinstance(value, (int, str, list)):
        raise UnexpectedBundle(f"CBOR: cannot write {type(value).__name__}")
    if isinstance(value, int):
        return _encode_head(_UNSIGNED, value)
    if isinstance(value, str):
        text = value.encode("utf-8")
        return _encode_head(_TEXT, len(text)) + text
    return _encode_head(_ARRAY, len(value)) + b"".join(encode_cbor(item) for item in value)


def _encode_head(major: int, argument: int) -> bytes:
    if argument < 0:
        raise UnexpectedBundle("CBOR: negative numbers are not written by Pagefind 1.5")
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise UnexpectedBundle("CBOR: number too large")
