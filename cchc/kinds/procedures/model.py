"""Administrative procedures (thủ tục hành chính, TTHC): the model and the catalogue's queries.

One procedure is one YAML file under ``content/thu-tuc-hanh-chinh/``; it is read and
checked by ``cchc.kinds.procedures.load``. The fields follow the published order of a
"Quyết định công bố" (Thông tư 02/2017/TT-VPCP) and the national database (CSDL
quốc gia về TTHC), so the detail page can be printed for the notice board as is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from cchc.core.text import fold_diacritics, months_before
from cchc.kinds.procedures.vocabulary import (  # noqa: F401 (the model's vocabulary, imported from here too)
    CHANNELS,
    FIELD_LABELS,
    FROM_COMPLETE_DOSSIER,
    LEVELS,
    NO_FEE,
    ONLINE_LEVELS,
    STATUSES,
    TIME_UNITS,
)

PROCEDURES_DIR = "thu-tuc-hanh-chinh"
FIELDS_DIR = f"{PROCEDURES_DIR}/linh-vuc"


@dataclass(frozen=True)
class Field:
    code: str
    label: str

    @property
    def slug(self) -> str:
        return self.code.lower()

    @property
    def url(self) -> str:
        return f"{FIELDS_DIR}/{self.slug}/"


@dataclass(frozen=True)
class TimeLimit:
    """A number of (working) days, or a text when the law sets no number ("Ngay trong ngày")."""

    days: int | None
    unit: str | None
    text: str | None
    note: str | None = None
    from_complete_dossier: bool | None = None
    """Counted "kể từ ngày nhận đủ hồ sơ hợp lệ" (None for a limit written as text)."""

    @property
    def brief(self) -> str:
        """Without the note: what a catalogue row shows."""
        return self.text if self.days is None else f"{self.days} {TIME_UNITS[self.unit]}"

    def __str__(self) -> str:
        return f"{self.brief} ({self.note})" if self.note else self.brief

    @property
    def shown(self) -> str:
        """As the notice board states it: "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (ghi chú)"."""
        counted = (self.from_complete_dossier and FROM_COMPLETE_DOSSIER not in (self.note or "")
                   and "kể từ" not in (self.note or ""))
        text = f"{self.brief} {FROM_COMPLETE_DOSSIER}" if counted else self.brief
        return f"{text} ({self.note})" if self.note else text


@dataclass(frozen=True)
class CommittedTimeLimit:
    """A shorter time the department commits to than the law's, and the document that commits it."""

    days: int
    unit: str
    document: str

    @property
    def brief(self) -> str:
        return f"{self.days} {TIME_UNITS[self.unit]}"


@dataclass(frozen=True)
class FormFile:
    """A form's file to download: where it is published and what it is."""

    url: str
    file_name: str
    kind: str
    size: int


@dataclass(frozen=True)
class Form:
    """A form (mẫu đơn, tờ khai) by name, with its file when the department publishes one."""

    name: str
    file: FormFile | None = None


@dataclass(frozen=True)
class Agencies:
    handling: str
    """Cơ quan trực tiếp thực hiện."""
    deciding: str | None
    """Cơ quan có thẩm quyền quyết định."""
    cooperating: str | None


@dataclass(frozen=True)
class Step:
    title: str
    description: str | None


@dataclass(frozen=True)
class Channel:
    via: str
    time_limit: TimeLimit
    fee: str | None
    notes: str | None

    @property
    def label(self) -> str:
        return CHANNELS[self.via]


@dataclass(frozen=True)
class Document:
    """One component of the dossier: a paper with its form and how many originals and copies."""

    name: str
    form: str | None
    originals: int
    copies: int
    notes: str | None


@dataclass(frozen=True)
class LegalBasis:
    number: str
    title: str
    date: date | None
    issuer: str | None


@dataclass(frozen=True)
class Publication:
    """The "Quyết định công bố" that published the procedure."""

    number: str
    date: date


@dataclass(frozen=True)
class Change:
    date: date
    document: str | None
    change: str


@dataclass(frozen=True)
class Procedure:
    slug: str
    src_uri: str
    code: str | None
    local_symbol: str | None
    name: str
    field: Field
    levels: tuple[str, ...]
    kind: str | None
    agencies: Agencies
    address: str | None
    applicants: tuple[str, ...]
    steps: tuple[Step, ...]
    channels: tuple[Channel, ...]
    documents: tuple[Document, ...]
    sets: int
    time_limit: TimeLimit
    result: str
    fees: str | None
    forms: tuple[str, ...]
    requirements: tuple[str, ...]
    legal_bases: tuple[LegalBasis, ...]
    online_level: str
    portal_url: str | None
    published_by: Publication
    status: str
    abolished_on: date | None
    history: tuple[Change, ...]
    example: bool
    notes: str | None
    fee: str | None = None
    """Phí, apart from the charge (lệ phí) as the national database records them."""
    charge: str | None = None
    committed_time_limit: CommittedTimeLimit | None = None
    checked_on: date | None = None
    """When the editor last checked the procedure against the national database (CSDL quốc gia về TTHC)."""
    national_url: str | None = None
    """The procedure's own page on the national portal, made from its code (``extra: rules:``)."""
    warnings: tuple[tuple[int | None, str, str], ...] = field(default=(), compare=False)
    """(line, field, message) of what ``cchc check`` warns about in the file; not part of the published data."""

    @property
    def url(self) -> str:
        return f"{PROCEDURES_DIR}/{self.slug}/"

    @property
    def in_force(self) -> bool:
        return self.status == "in_force"

    @property
    def online_label(self) -> str:
        return ONLINE_LEVELS[self.online_level]

    @property
    def level_labels(self) -> tuple[str, ...]:
        return tuple(LEVELS[level] for level in self.levels)

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    @property
    def fees_split(self) -> bool:
        """Phí and lệ phí written apart (not the older single "fees" line)."""
        return self.fees is None

    @property
    def fee_shown(self) -> str:
        return self.fee or NO_FEE

    @property
    def charge_shown(self) -> str:
        return self.charge or NO_FEE

    @property
    def fees_shown(self) -> str:
        return fees_line(self.fee, self.charge, self.fees)

    def check_overdue(self, today: date, months: int) -> bool:
        """The last check against the national database is more than ``months`` old (or never written)."""
        return self.checked_on is None or self.checked_on < months_before(today, months)

    @property
    def last_updated(self) -> date:
        """The newest of publication, changes and abolition: the "cập nhật" date of the notice."""
        dates = [self.published_by.date, *(c.date for c in self.history)]
        return max(dates + ([self.abolished_on] if self.abolished_on else []))


def fees_line(fee: str | None, charge: str | None, combined: str | None) -> str:
    """One line for a catalogue row: "Không", "Phí: 10.000 đồng; lệ phí: Không", or the older combined text."""
    if combined:
        return combined
    fee, charge = fee or NO_FEE, charge or NO_FEE
    return NO_FEE if fee == charge == NO_FEE else f"Phí: {fee}; lệ phí: {charge}"


@dataclass(frozen=True)
class Catalogue:
    """Every procedure, sorted by field (national order) then name, and the groupings pages need."""

    procedures: tuple[Procedure, ...]
    unpublished: frozenset[str] = frozenset()
    """The procedure files (YAML data, published as pages instead)."""

    @classmethod
    def of(cls, procedures: list[Procedure], unpublished: frozenset[str] = frozenset()) -> Catalogue:
        order = list(FIELD_LABELS)
        def key(p: Procedure) -> tuple:
            return (order.index(p.field.code), fold_diacritics(p.name).lower(), p.name, p.slug)
        return cls(tuple(sorted(procedures, key=key)), unpublished)

    @cached_property
    def in_force(self) -> tuple[Procedure, ...]:
        return tuple(p for p in self.procedures if p.in_force)

    @cached_property
    def abolished(self) -> tuple[Procedure, ...]:
        return tuple(p for p in self.procedures if not p.in_force)

    @cached_property
    def fields(self) -> tuple[Field, ...]:
        """The fields that have at least one procedure, in national order."""
        return tuple(dict.fromkeys(p.field for p in self.procedures))

    def in_field(self, field: Field) -> tuple[Procedure, ...]:
        return tuple(p for p in self.in_force if p.field == field)

    @property
    def last_updated(self) -> date | None:
        return max((p.last_updated for p in self.procedures), default=None)
