"""Reading an editor's file once, the same way for every content kind.

Every loader gets text that is UTF-8, NFC and "\\n"-terminated, or one clean
error naming the file and line (a file saved as Windows-1258, YAML that does
not parse, front matter that is not closed), never a traceback.
"""

from __future__ import annotations

import logging
import os
import posixpath
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from cchc.core.errors import ErrorLog
from cchc.core.frontmatter import FrontMatter, FrontMatterProblem, split_front_matter
from cchc.core.images import MIN_BODY_WIDTH
from cchc.core.responsive import site_address
from cchc.core.safe_html import body_problems, image_sources
from cchc.core.text import NotUtf8, nfc, read_utf8
from cchc.core.yamlmarks import MarkedDict, YamlProblem, load_marked_yaml

T = TypeVar("T")
log = logging.getLogger("mkdocs.plugins.cchc")


@dataclass(frozen=True)
class SourceFile:
    """A content file as the loaders see it: where it is in the docs and on disk."""

    src_uri: str
    abs_path: str
    shown_path: str
    """The path printed in error messages, relative to the project (content/tin-tuc/x.md)."""


NOT_A_MAPPING = 'phải gồm các dòng "tên_trường: giá trị", xem mẫu trong docs/bien-tap/ (expected a mapping)'


def guarded(source: SourceFile, errors: ErrorLog, load: Callable[[], T | None]) -> Callable[[], T | None]:
    """``load`` of one file, with a last net: a bug met while reading it becomes an error naming the file.

    Without it, one file that trips the code would end the build with a traceback and hide every
    other error of the content; with it, the editor still sees all of them and whom to ask.
    """
    def load_or_report() -> T | None:
        try:
            return load()
        except Exception as error:  # noqa: BLE001 - the point is to catch what nobody foresaw
            log.debug("cchc: unexpected error while loading %s", source.shown_path, exc_info=True)
            errors.add(source.shown_path, None, None, unexpected_error_message(error))
            return None
    return load_or_report


def unexpected_error_message(error: BaseException) -> str:
    return ("chương trình gặp lỗi không lường trước khi đọc tệp này; kiểm tra lại các trường của tệp, và báo cho "
            "bộ phận kỹ thuật kèm tệp và dòng thông báo này "
            f"(unexpected error: {type(error).__name__}: {error})")


def read_text(source: SourceFile, log: ErrorLog) -> str | None:
    try:
        return nfc(read_utf8(source.abs_path))
    except NotUtf8 as problem:
        log.add(source.shown_path, problem.line, None, problem.message)
        return None


def read_front_matter(source: SourceFile, log: ErrorLog) -> FrontMatter | None:
    """A Markdown file's front matter and body; None (after logging why) if it cannot be read."""
    text = read_text(source, log)
    if text is None:
        return None
    try:
        return split_front_matter(text)
    except FrontMatterProblem as problem:
        log.add(source.shown_path, problem.line, None, problem.message)
        return None


def read_markdown(source: SourceFile, log: ErrorLog, images: Any = None) -> FrontMatter | None:
    """A Markdown page's front matter and body, with what its body must not hold logged line by line
    (see ``cchc.core.safe_html``), and its pictures that cannot be shown (``images``: ``cchc.site.images.SiteImages``);
    None if it cannot be read at all."""
    front = read_front_matter(source, log)
    if front is None:
        return None
    images_folder = f"{posixpath.dirname(source.shown_path)}/anh/"
    for line, message in body_problems(front.body, front.body_line, images_folder):
        log.add(source.shown_path, line, None, message)
    if images is not None:
        for line, message in body_image_problems(front.body, source.src_uri, images):
            log.add(source.shown_path, line + front.body_line - 1, None, message)
    return front


def body_image_problems(body: str, src_uri: str, images: Any) -> list[tuple[int, str]]:
    """(line in the body, message) for each picture of content/ that is not an image or is too small to show."""
    found = []
    folder = posixpath.dirname(src_uri)
    for line, written in image_sources(body):
        uri = site_address(written, f"{folder}/" if folder else "")
        problem = images.problem(uri, written, MIN_BODY_WIDTH, "ảnh trong bài") if uri else None
        if problem:
            found.append((line, problem))
    return found


def read_yaml_mapping(source: SourceFile, log: ErrorLog, kind: str, shape: str = NOT_A_MAPPING) -> MarkedDict | None:
    """A YAML file holding one mapping ("tệp thủ tục", "tệp kế hoạch"...); None after logging a problem."""
    text = read_text(source, log)
    if text is None:
        return None
    try:
        data = load_marked_yaml(text)
    except YamlProblem as problem:
        log.add(source.shown_path, problem.line, None, problem.message)
        return None
    if not isinstance(data, MarkedDict):
        log.add(source.shown_path, 1, None, f"{kind} {shape}")
        return None
    return data


def resolve_content_file(written: str, source: SourceFile, docs_dir: str,
                         report: Callable[[str], None]) -> str | None:
    """A file an editor names (attachment, image, PDF): relative to ``source``, or to content/ with a
    leading "/". Its src_uri, or None after reporting that it is missing."""
    base = "" if written.startswith("/") else posixpath.dirname(source.src_uri)
    uri = posixpath.normpath(posixpath.join(base, written.lstrip("/")))
    if uri == ".." or uri.startswith("../"):
        report(f'tập tin "{written}" nằm ngoài thư mục content/, nên không được đăng; chép tệp vào content/ '
               "rồi ghi đường dẫn tới đó (file outside content/)")
        return None
    if not os.path.isfile(os.path.join(docs_dir, uri)):
        report(f'không tìm thấy tập tin "{written}" (tìm ở content/{uri}); kiểm tra tên tệp và thư mục '
               "(file not found)")
        return None
    return uri
