"""Every content kind of the site, in the order their pages are listed; ``in_load_order`` for loading.

Adding a kind is declaring it (``cchc/kinds/<kind>/declaration.py``) and naming it here: the loader,
``cchc check``, the build, search, ``cchc new``, the JSON Schemas and the editors' guide all read this list.
"""

from __future__ import annotations

from cchc.core.declaration import Kind, load_order
from cchc.kinds.documents.declaration import KIND as DOCUMENTS
from cchc.kinds.news.declaration import KIND as NEWS
from cchc.kinds.plans.declaration import KIND as PLANS
from cchc.kinds.procedures.declaration import KIND as PROCEDURES
from cchc.kinds.questions.declaration import KIND as QUESTIONS
from cchc.kinds.statistics.declaration import KIND as STATISTICS

KINDS: list[Kind] = [NEWS, PLANS, PROCEDURES, DOCUMENTS, QUESTIONS, STATISTICS]


def kinds() -> list[Kind]:
    """Every kind, in the order their pages are listed (read at each call, so a kind added to ``KINDS`` counts)."""
    return KINDS


def in_load_order() -> list[Kind]:
    return load_order(KINDS)


def template_dirs() -> list[str]:
    """The folders of the kinds' own page templates, which the theme looks in after its custom_dir."""
    return [kind.templates for kind in KINDS if kind.templates]


def by_name(name: str) -> Kind:
    return next(kind for kind in KINDS if kind.name == name)
