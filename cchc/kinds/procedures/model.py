"""Administrative procedures (thủ tục hành chính, TTHC): the model and the catalogue's queries.

One procedure is one YAML file under ``content/thu-tuc-hanh-chinh/``; it is read and
checked by ``cchc.kinds.procedures.load``. The fields follow the published order of a
"Quyết định công bố" (Thông tư 02/2017/TT-VPCP) and the national database (CSDL
quốc gia về TTHC), so the detail page can be printed for the notice board as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from cchc.core.text import fold_diacritics

PROCEDURES_DIR = "thu-tuc-hanh-chinh"
FIELDS_DIR = f"{PROCEDURES_DIR}/linh-vuc"

FIELD_LABELS: dict[str, str] = {
    "G03-GD01": "Cơ sở vật chất và thiết bị trường học",
    "G03-GD02": "Đào tạo với nước ngoài",
    "G03-GD03": "Giáo dục chuyên nghiệp",
    "G03-GD04": "Giáo dục đại học",
    "G03-GD05": "Giáo dục dân tộc",
    "G03-GD06": "Giáo dục mầm non",
    "G03-GD07": "Giáo dục quốc phòng",
    "G03-GD08": "Giáo dục thường xuyên",
    "G03-GD09": "Giáo dục tiểu học",
    "G03-GD10": "Giáo dục trung học",
    "G03-GD11": "Giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân",
    "G03-GD12": "Thi, tuyển sinh",
    "G03-GD13": "Tiêu chuẩn nhà giáo, cán bộ quản lý giáo dục",
    "G03-GD14": "Văn bằng, chứng chỉ",
    "BGD-GD15": "Giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân và các cơ sở giáo dục khác",
}
"""Education fields (mã lĩnh vực) of the national TTHC system, in its order.

A fixed list, not a setting: the codes are national and the same in every province,
and a closed list is what lets a typo such as "G03-GD1O" stop the build."""

LEVELS = {"tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã"}
CHANNELS = {"in_person": "Trực tiếp", "online": "Trực tuyến", "postal": "Dịch vụ bưu chính"}
ONLINE_LEVELS = {"toan_trinh": "Toàn trình", "mot_phan": "Một phần", "none": "Không có DVCTT"}
"""Online public-service levels of NĐ 42/2022/NĐ-CP; "none" = information only."""
TIME_UNITS = {"working_days": "ngày làm việc", "days": "ngày"}
STATUSES = {"in_force": "Đang có hiệu lực", "abolished": "Đã bãi bỏ"}


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

    @property
    def brief(self) -> str:
        """Without the note: what a catalogue row shows."""
        return self.text if self.days is None else f"{self.days} {TIME_UNITS[self.unit]}"

    def __str__(self) -> str:
        return f"{self.brief} ({self.note})" if self.note else self.brief


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
    def fees_shown(self) -> str:
        return self.fees or "Không"

    @property
    def last_updated(self) -> date:
        """The newest of publication, changes and abolition: the "cập nhật" date of the notice."""
        dates = [self.published_by.date, *(c.date for c in self.history)]
        return max(dates + ([self.abolished_on] if self.abolished_on else []))


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
