"""What each folder of content/ accepts, so that no file is published wrongly or left out without a word.

MkDocs publishes every file under content/: a Markdown file as a page, anything else as it is.
A section's loader reads only its own files (``*.md`` articles, ``*.yaml`` procedures...), so a
file saved as ``.markdown``, ``.MD`` or ``.md.txt``, or a procedure put in a subfolder, was
published unchecked (the raw YAML as a download) or not at all, and nobody was told. Files that
would run as code on the site's own address (HTML, JavaScript, an SVG with a script) are refused
wherever they are.
"""

from __future__ import annotations

import os
import posixpath
from typing import Callable

from cchc.core.active_xml import ACTIVE, NOT_UTF8, UNREADABLE, xml_problem
from cchc.core.declaration import Kind
from cchc.core.errors import ContentError
from cchc.kinds.registry import kinds

MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
"""What MkDocs converts as a page (``mkdocs.utils.markdown_extensions``), whatever the case."""
ASSET_EXTENSIONS = frozenset({
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".pdf", ".doc", ".docx", ".xls", ".xlsx",
    ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf", ".txt", ".csv", ".zip", ".rar", ".7z", ".mp4", ".webm",
    ".mp3", ".m4a", ".ogg",
})
"""Files a section publishes as they are: photos, attachments, forms, clips."""
CODE_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs", ".cjs", ".css", ".php",
                             ".swf", ".jar", ".exe", ".bat", ".sh"})
"""Files a browser (or a server) would run: an editor's content never is code."""


def extension_of(src_uri: str) -> str:
    return posixpath.splitext(src_uri)[1].lower()


def is_markdown(src_uri: str) -> bool:
    return src_uri.lower().endswith(MARKDOWN_EXTENSIONS)


def section_of(src_uri: str) -> Kind | None:
    """The kind whose folder under content/ holds the file, if any."""
    return next((kind for kind in kinds() if kind.in_content and src_uri.startswith(f"{kind.folder}/")), None)


def is_plain_page(src_uri: str) -> bool:
    """A Markdown page no kind reads (the home page, an "about" page)."""
    return is_markdown(src_uri) and section_of(src_uri) is None


def misplaced_files(src_uris: list[str], docs_dir: str, shown: Callable[[str], str]) -> list[ContentError]:
    """An error for each file under content/ that would be published as code, or that its folder does not take."""
    errors = []
    for src_uri in src_uris:
        message = _code_problem(src_uri, docs_dir) or _folder_problem(src_uri)
        if message:
            errors.append(ContentError(shown(src_uri), None, None, message))
    return errors


def _code_problem(src_uri: str, docs_dir: str) -> str | None:
    extension = extension_of(src_uri)
    if extension in CODE_EXTENSIONS:
        return (f"tệp {extension} là mã chạy trong trình duyệt hoặc máy chủ, không đăng từ thư mục nội dung; "
                "xóa tệp này, hoặc đổi thành PDF nếu là văn bản cần đăng (code file in content)")
    if extension in (".svg", ".xml"):
        problem = _xml_problem(os.path.join(docs_dir, *src_uri.split("/")))
        return _XML_MESSAGES[problem].format(extension) if problem else None
    return None


_XML_MESSAGES = {
    ACTIVE: "tệp {} này chứa mã chạy được (script, on...=, javascript:); lưu lại ảnh dạng PNG hoặc JPEG, hoặc xuất "
            "lại SVG không kèm mã (active content in an image)",
    NOT_UTF8: "tệp {} này không lưu dạng UTF-8 nên không kiểm tra được; xuất lại tệp dạng UTF-8, hoặc lưu ảnh dạng PNG "
              "(XML not in UTF-8)",
    UNREADABLE: "tệp {} này không đọc được (XML hỏng); xuất lại tệp từ chương trình vẽ, hoặc lưu ảnh dạng PNG "
                "(malformed XML)",
}


def _xml_problem(path: str) -> str | None:
    with open(path, "rb") as stream:
        return xml_problem(stream.read())


def _folder_problem(src_uri: str) -> str | None:
    """The file does not fit the folder of the kind it lies in (or is YAML data outside every kind's folder)."""
    section = section_of(src_uri)
    if section is None:
        if extension_of(src_uri) in (".yaml", ".yml"):
            folders = ", ".join(f"{kind.folder}/" for kind in kinds() if kind.in_content and kind.file_format == "yaml")
            return ("tệp YAML này không thuộc mục nào nên sẽ bị đăng nguyên văn; chuyển vào thư mục của mục "
                    f"({folders}) hoặc xóa (data file outside a section)")
        return None
    if section.owns(src_uri) or src_uri.endswith("/index.md"):
        return None  # an editor's index.md at a generated page's place is reported as a clash
    if extension_of(src_uri) in ASSET_EXTENSIONS and not _looks_like_markdown(src_uri):
        return None
    return (f"tệp này nằm trong {section.folder}/ nhưng sẽ không được đăng đúng cách: thư mục chỉ nhận "
            f"{section.accepts}; {_fix_hint(src_uri, section)} (file not accepted by its folder)")


def _looks_like_markdown(src_uri: str) -> bool:
    """"bai.MD", "bai.markdown", or "bai.md.txt" as a text editor on Windows saves it."""
    return is_markdown(src_uri) or is_markdown(src_uri.lower().removesuffix(".txt"))


def _fix_hint(src_uri: str, section: Kind) -> str:
    if _looks_like_markdown(src_uri):
        return 'đổi tên tệp cho có đuôi ".md" (chữ thường)'
    if extension_of(src_uri) in (".yaml", ".yml"):
        return f"chuyển tệp ra ngay thư mục {section.folder}/"
    return "đổi tên, chuyển hoặc xóa tệp này"


def link_problems(project_dir: str, roots: list[str]) -> tuple[list[ContentError], frozenset[str]]:
    """Symbolic links under content/ and plans/ that lead outside the project or into a loop.

    MkDocs follows links, so a link to /etc or to a home folder would be read and published as if it
    were content. Returns the errors and the absolute paths not to read (the links, and so what is
    under a linked folder).
    """
    project = os.path.realpath(project_dir)
    errors, refused = [], set()
    for root in roots:
        for link in _symlinks_under(root):
            message = _link_message(link, project)
            if message:
                errors.append(ContentError(os.path.relpath(link, project_dir).replace(os.sep, "/"), None, None, message))
                refused.add(link)
    return errors, frozenset(refused)


def is_refused(path: str, refused: frozenset[str]) -> bool:
    return any(path == link or path.startswith(link + os.sep) for link in refused)


def _symlinks_under(root: str) -> list[str]:
    """Every link under ``root``, not followed (each is judged by itself); one directory read per folder."""
    found, folders = [], [root] if os.path.isdir(root) else []
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    found.append(entry.path)
                elif entry.is_dir():
                    folders.append(entry.path)
    return sorted(found)


def _link_message(link: str, project: str) -> str | None:
    target = os.path.realpath(link)
    if not os.path.exists(link):
        return (f'đây là liên kết (symbolic link) tới "{target}", nhưng tệp đó không có; xóa liên kết hoặc chép tệp '
                "vào đây (broken link)")
    if target != project and not target.startswith(project + os.sep):
        return (f'đây là liên kết (symbolic link) tới "{target}", nằm ngoài dự án, nên không được đọc hay đăng; '
                "chép tệp vào thư mục này thay cho liên kết (link outside the project)")
    if os.path.isdir(target) and (os.path.dirname(link) + os.sep).startswith(target + os.sep):
        return ("đây là liên kết tới một thư mục chứa chính nó (liên kết vòng); xóa liên kết này "
                "(symbolic link loop)")
    return None
