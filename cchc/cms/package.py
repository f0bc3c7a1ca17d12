"""Decap CMS's own files, taken at build time from the npm packages the README's set-up commands fetch.

``npm pack`` puts each package's tarball in ``.cache/cms/`` (it verifies the registry's hash as it downloads);
cchc checks it again against the hash pinned here before reading a byte, so a different or altered package never
reaches the site. Only what the browser loads is published: the bundle, its lazy chunks and WebAssembly, its
licence, and the Vietnamese words (an ES module, imported as it is). Nothing is loaded from a CDN.

Where the tarballs are: ``CCHC_CMS_PACKAGES`` if set, else the project's ``.cache/cms/``, else that of the
checkout cchc is installed from (the tests build copies of the example site in temporary folders).
"""

from __future__ import annotations

import base64
import glob
import hashlib
import io
import os
import tarfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

VENDOR_FOLDER = "decap"
"""Under /quan-tri/: the npm packages' files, as they are."""
CACHE = os.path.join(".cache", "cms")
SETUP_HINT = ("chạy lệnh cài đặt trong README (mục Set-up), lệnh đó tải gói bằng "
              '"npm pack --pack-destination .cache/cms ..."')


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    integrity: str
    """The npm registry's ``dist.integrity`` of the tarball (sha512, base64)."""

    @property
    def tarball(self) -> str:
        return f"{self.name}-{self.version}.tgz"


DECAP = NpmPackage("decap-cms", "3.16.3",
                   "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==")
LOCALES = NpmPackage("decap-cms-locales", "3.8.2",
                     "sha512-ATsQ1bxPNQe5kQy4aB3rQmJEDiNi6I05lVaTENgQOz9eI8RnPLJQQTxnvQKCn9aYCHC0/yxrNmdm8903mEBEZg==")
SERVER = NpmPackage("decap-server", "3.11.3", "")
"""Decap's local server, installed by npm into .cache/cms/node_modules (``cchc edit`` runs it)."""


class CmsPackageProblem(Exception):
    """The CMS's npm package is missing or not the pinned one; the message says what to do, in Vietnamese."""


def package_folder(project_dir: str) -> Path:
    """Where the packages' tarballs are (see the module's docstring)."""
    chosen = os.environ.get("CCHC_CMS_PACKAGES")
    if chosen:
        return Path(chosen)
    own = Path(project_dir) / CACHE
    if (own / DECAP.tarball).exists():
        return own
    return Path(__file__).resolve().parents[2] / CACHE


def vendor_files(project_dir: str) -> dict[str, bytes]:
    """The published files, by their path under /quan-tri/decap/; ``CmsPackageProblem`` when a package is missing."""
    folder = package_folder(project_dir)
    files = dict(_read(folder / DECAP.tarball, DECAP, "decap"))
    files.update(("vi.js", data) for _, data in _read(folder / LOCALES.tarball, LOCALES, "vi"))
    return files


def _is_published(name: str) -> bool:
    """dist/decap-cms.js, its chunks (dist/123.decap-cms.js), WebAssembly and licence; not the maps or cms.js copies."""
    if not name.startswith("dist/") or "/" in name[5:]:
        return False
    base = name[5:]
    return base.endswith(("decap-cms.js", ".wasm")) or base == "decap-cms.js.LICENSE.txt"


def _read_verified(path: str, package: NpmPackage) -> bytes:
    """The tarball's bytes, once its hash is the pinned one."""
    data = Path(path).read_bytes()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != package.integrity:
        raise CmsPackageProblem(
            f"gói npm {package.name} trong {path} không đúng bản {package.version} đã kiểm định (mã băm {digest[:20]}… "
            f"khác mã ghi trong cchc/cms/package.py); xóa tệp đó rồi {SETUP_HINT} (integrity mismatch)")
    return data


@lru_cache(maxsize=4)
def _members(path: str, stamp: tuple[int, int], package: NpmPackage, wanted: str) -> tuple[tuple[str, bytes], ...]:
    """The wanted files of a verified tarball: read once per process while the file is unchanged (``stamp``: its
    modification time and size), since the suite builds hundreds of sites.

    Unpacking the 16 MB tarball takes half a second, so the wanted files are also kept beside it, unpacked, in a
    file named by the verified tarball's hash and by its own: every build still checks the tarball (0.03 s), and
    takes the kept files only when they were made from exactly those bytes and are whole."""
    verified = _read_verified(path, package)
    prefix = f"{package.tarball}.{wanted}.{_short_hash(verified)}."
    for kept in Path(path).parent.glob(f"{glob.escape(prefix)}*.tar"):
        data = kept.read_bytes()
        if kept.name == f"{prefix}{_short_hash(data)}.tar":
            return _tar_members(data, _WANTED[wanted])
    members = _tar_members(verified, _WANTED[wanted])
    _keep(Path(path).parent, prefix, members)
    return members


def _short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _tar_members(data: bytes, wanted: Callable[[str], bool]) -> tuple[tuple[str, bytes], ...]:
    members = []
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:  # gzipped or not
        for member in archive.getmembers():
            name = member.name.removeprefix("package/")
            if member.isfile() and wanted(name):
                members.append((name, archive.extractfile(member).read()))
    return tuple(sorted(members))


def _keep(folder: Path, prefix: str, members: tuple[tuple[str, bytes], ...]) -> None:
    """Write the unpacked files for the next build; a folder that cannot be written only costs that time again."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    data = buffer.getvalue()
    partial = folder / f"{prefix}{os.getpid()}.partial"
    try:
        partial.write_bytes(data)
        os.replace(partial, folder / f"{prefix}{_short_hash(data)}.tar")  # a build beside never reads half a file
    except OSError:
        partial.unlink(missing_ok=True)


_WANTED = {"decap": _is_published, "vi": lambda name: name == "dist/esm/vi/index.js"}


def _read(path: Path, package: NpmPackage, wanted: str) -> tuple[tuple[str, bytes], ...]:
    """The wanted files of a package's tarball, by their path under dist/."""
    try:
        stat = os.stat(path)
    except OSError:
        raise CmsPackageProblem(
            f"thiếu gói npm {package.name}@{package.version} của trang soạn bài /quan-tri/ (không có {path}); "
            f"{SETUP_HINT} (CMS package missing)") from None
    members = _members(str(path), (stat.st_mtime_ns, stat.st_size), package, wanted)
    return tuple((name.removeprefix("dist/"), data) for name, data in members)


def server_script(project_dir: str) -> Path:
    """decap-server's entry point (``cchc edit``); ``CmsPackageProblem`` when it is not installed."""
    script = package_folder(project_dir) / "node_modules" / "decap-server" / "dist" / "index.js"
    if not script.exists():
        raise CmsPackageProblem(f"thiếu máy chủ soạn bài decap-server@{SERVER.version} (không có {script}); "
                                f"{SETUP_HINT} (decap-server missing)")
    return script
