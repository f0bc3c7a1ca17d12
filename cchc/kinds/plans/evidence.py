"""Evidence of a plan's task done outside the website (minutes, photos, a video's address): one link or one file
under content/ each, so the yearly report and an inspector can follow them."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from datetime import date

from cchc.core.fields import Fields
from cchc.core.reading import SourceFile, resolve_content_file
from cchc.core.yamlmarks import MarkedDict
from cchc.kinds.plans.fields import EVIDENCE_FIELDS, TASK

_LABEL = {spec.name: spec.label for spec in EVIDENCE_FIELDS}


@dataclass(frozen=True)
class Evidence:
    title: str
    url: str | None
    """A web address, or the file's path under content/ (``file`` set)."""
    file: bool
    size: int | None
    day: date | None

    @property
    def file_name(self) -> str | None:
        return posixpath.basename(self.url) if self.file else None


def read_evidence(t: Fields, source: SourceFile, docs_dir: str) -> tuple[Evidence, ...]:
    """The task's evidence; each item a title and exactly one of ``url:`` or ``file:``."""
    found = []
    for prefix, item, line in t.records("evidence", TASK["evidence"].label):
        if not isinstance(item, MarkedDict):
            t.log.add(t.path, line, prefix.rstrip("."), 'mỗi minh chứng gồm dòng "title:" và một dòng "url:" hoặc '
                                                        '"file:" (expected a mapping)')
            continue
        e = t.item(item, prefix)
        e.reject_unknown(_LABEL)
        title = e.text("title", _LABEL["title"], required=True)
        url, written = e.url("url", _LABEL["url"]), e.text("file", _LABEL["file"])
        day = e.day("date", _LABEL["date"])
        if ("url" in item) == ("file" in item):
            e.error("title", 'mỗi minh chứng ghi đúng một trong hai: "url:" (địa chỉ web) hoặc "file:" (tệp trong '
                             "content/) (one of url or file)", line)
            continue
        if written is not None:
            from_content = SourceFile("", source.abs_path, source.shown_path)  # written from content/, as attachments
            uri = resolve_content_file(written, from_content, docs_dir, lambda message: e.error("file", message))
            if title and uri:
                found.append(Evidence(title, uri, True, os.path.getsize(os.path.join(docs_dir, uri)), day))
        elif title and url:
            found.append(Evidence(title, url, False, None, day))
    return tuple(found)


def evidence_files(tasks: tuple, docs_dir: str) -> tuple[str, ...]:
    """The evidence files on disk: a plan is loaded again when one of them changes."""
    return tuple(os.path.join(docs_dir, e.url) for task in tasks for e in task.evidence if e.file)
