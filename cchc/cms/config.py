"""Decap CMS's configuration (``/quan-tri/config.yml``), made at each build from the content kinds' declarations
(``cchc.kinds.registry``) and the settings: a collection per kind, the Git host of ``extra: cms:``, the local
server of ``cchc edit``, Vietnamese words and the build's own messages for what the form checks.

The domain's part, without MkDocs: the build and the tests call ``cms_config`` with the settings they have.
"""

from __future__ import annotations

from typing import Any

from cchc.cms.collections import SLUG_SETTINGS, collection, known_values
from cchc.cms.hosts import LOCAL_PROXY, GitHost, backend_config
from cchc.cms.widgets import FormContext
from cchc.cms.words import WORDS
from cchc.core.declaration import Kind
from cchc.core.fields import required_message

ADMIN_FOLDER = "quan-tri"
"""Where the form is published: /quan-tri/."""


def cms_config(kinds: list[Kind], categories: list[str], git_host: GitHost | None, site_url: str,
               department_name: str | None = None, docs_dir: str = "content",
               local_proxy: str = LOCAL_PROXY) -> dict[str, Any]:
    """The whole configuration, in the order Decap's documentation lists it."""
    known = known_values(department_name)
    collections = [collection(kind, _context(kind, categories, docs_dir), known) for kind in kinds]
    return {
        "locale": "vi",
        **backend_config(git_host, local_proxy),
        "local_backend": {"url": local_proxy},
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": f"{docs_dir}/tep",
        "public_folder": "/tep",
        "slug": dict(SLUG_SETTINGS),
        "collections": collections,
    }


def _context(kind: Kind, categories: list[str], docs_dir: str) -> FormContext:
    """Paths of uploads are written from the kind's folder; a plan's, outside content/, from content/."""
    return FormContext({"categories": categories}, kind.folder if kind.in_content else "", docs_dir)


def form_messages() -> dict[str, Any]:
    """Decap's Vietnamese words that cchc says otherwise or adds (``cchc.cms.words``): a required field left empty is
    told as the build tells it."""
    editor = {**WORDS["editor"], "editorControlPane": {"widget": {"required": required_message("%{fieldLabel}")}}}
    return {**WORDS, "editor": editor}
