"""What was learnt and made of each image, kept between builds under the project's ``.cache/cchc-images/``.

Decoding a 4000 px photo and writing its seven variants takes about a second; a site has hundreds of photos
and ``mkdocs serve`` rebuilds on every save. Everything is kept under the hash of the image's bytes (and of
``RECIPE``, the way variants are made), never under a name or a time: a photo replaced by another of the same
name is made again, an unchanged one never. The folder is git-ignored, and deleting it only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile

from cchc.core.images import RECIPE, ImageInfo, ImagePlan, ImageProblem, inspect_image, render_variants

CACHE_FOLDER = os.path.join(".cache", "cchc-images")
"""Under the project's folder (beside mkdocs.yml)."""


class ImageCache:
    """Images' sizes and variants by the hash of their bytes: in memory for this process, on disk for the next."""

    def __init__(self, folder: str | None) -> None:
        self.folder = folder
        self._infos: dict[str, ImageInfo | str] = {}
        self.rendered = 0
        """How many images this process decoded and encoded again (a rebuild of unchanged photos makes none)."""

    @classmethod
    def of_project(cls, project_dir: str) -> ImageCache:
        return cls(os.path.join(project_dir, CACHE_FOLDER))

    def info(self, path: str, extension: str) -> ImageInfo:
        """The image's size and format (``ImageProblem`` if it is none): remembered, a broken file's answer too."""
        key = self._key(path)
        if key not in self._infos:
            self._infos[key] = self._read_info(key) or self._inspect(key, path, extension)
        found = self._infos[key]
        if isinstance(found, str):
            raise ImageProblem(found)
        return found

    def files(self, path: str, plan: ImagePlan) -> dict[str, str]:
        """Where on disk each file of ``plan`` is (by its address in the site), made now if not kept yet."""
        if plan.info.as_it_is:
            return {plan.src_uri: path}
        folder = os.path.join(self._folder(), self._key(path))
        wanted = {variant.uri: os.path.join(folder, f"{variant.width}.{variant.format.lower()}")
                  for variant in plan.files}
        if not all(os.path.isfile(target) for target in wanted.values()):
            self.rendered += 1
            os.makedirs(folder, exist_ok=True)
            for uri, data in render_variants(path, plan).items():
                _write_atomically(wanted[uri], data)
        return wanted

    def _key(self, path: str) -> str:
        digest = hashlib.blake2b(RECIPE.encode(), digest_size=16)
        with open(path, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()

    def _folder(self) -> str:
        if self.folder is None:  # no project folder (a test of the domain alone): a cache for this process
            self.folder = tempfile.mkdtemp(prefix="cchc-images-")
        return self.folder

    def _info_path(self, key: str) -> str | None:
        return os.path.join(self.folder, key, "info.json") if self.folder else None

    def _read_info(self, key: str) -> ImageInfo | str | None:
        path = self._info_path(key)
        try:
            with open(path, encoding="utf-8") as stream:
                data = json.load(stream)
        except (OSError, TypeError, ValueError):
            return None
        return data["problem"] if "problem" in data else ImageInfo(**data)

    def _inspect(self, key: str, path: str, extension: str) -> ImageInfo | str:
        try:
            found: ImageInfo | str = inspect_image(path, extension)
            data = found.__dict__
        except ImageProblem as problem:
            found = str(problem)
            data = {"problem": found}
        target = self._info_path(key)
        if target:
            try:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                _write_atomically(target, json.dumps(data, ensure_ascii=False).encode("utf-8"))
            except OSError:
                pass  # a read-only project still builds; it only decodes its images again next time
        return found


def _write_atomically(target: str, data: bytes) -> None:
    """Write beside ``target`` and rename: a build running at the same time never reads half a file."""
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".part-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)
