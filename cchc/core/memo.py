"""What a load remembers of each content file for the next load in the same process (``mkdocs serve``).

``FileMemo`` keeps each file's model (an article, a procedure, ...) under the hash of the file's bytes and
of everything else it was made from (settings, plans, the files it links to). A changed, added or removed
file, or a changed setting, gives a new key; nothing is reused on a guess such as a modification time.
It is plain Python, so the loaders need nothing of MkDocs (see ``cchc.mkdocs_adapter.rebuilds``).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def file_digest(path: str) -> bytes:
    with open(path, "rb") as stream:
        return digest(stream.read())


def sizes_of(paths: tuple[str, ...]) -> tuple[int | None, ...]:
    """Sizes of files a model links to (attachments): a model is reused only if they are unchanged."""
    return tuple(os.path.getsize(p) if os.path.isfile(p) else None for p in paths)


@dataclass
class FileMemo:
    """Models loaded from files in the previous build, by kind of content."""

    contexts: dict[str, Any] = field(default_factory=dict)
    entries: dict[str, dict[Any, tuple[Any, tuple[int | None, ...], Any]]] = field(default_factory=dict)
    digests: dict[str, bytes] = field(default_factory=dict)
    """The digest of each file this build loaded, by path: a page's need to be rendered again is
    judged without reading its file a second time."""

    def begin_build(self) -> None:
        self.digests = {}

    def start(self, kind: str, context: Any) -> None:
        """Begin loading ``kind``; forget its models if what they depend on changed."""
        if kind not in self.contexts or self.contexts[kind] != context:
            self.entries[kind] = {}
        self.contexts[kind] = context

    def load(self, kind: str, path: str, load: Callable[[], T | None],
             links: Callable[[T], tuple[str, ...]] = lambda value: ()) -> T | None:
        """The model of the file at ``path``: remembered if its bytes and linked files are the same."""
        digest = self.digests[path] = file_digest(path)
        remembered = self.entries[kind].get(path)
        if remembered and remembered[0] == digest and sizes_of(links(remembered[2])) == remembered[1]:
            return remembered[2]
        value = load()
        if value is None:
            self.entries[kind].pop(path, None)
        else:
            self.entries[kind][path] = (digest, sizes_of(links(value)), value)
        return value

    def derive(self, kind: str, origin: Any, make: Callable[[], T]) -> T:
        """A value made from a remembered model (a plan's document entry), kept while the model is."""
        store = self.entries.setdefault(kind, {})
        remembered = store.get(id(origin))
        if remembered is None or remembered[0] is not origin:
            remembered = (origin, (), make())
        store[id(origin)] = remembered
        return remembered[2]

    def sweep(self, kind: str, kept: list[Any]) -> None:
        """Forget derived values whose model is gone."""
        alive = {id(k) for k in kept}
        store = self.entries.get(kind, {})
        for key in [k for k in store if k not in alive]:
            del store[key]
