"""Statistics (thống kê): dossier figures per period, satisfaction surveys and index results, declared once."""

from __future__ import annotations

from pathlib import Path

from cchc.core.declaration import Kind
from cchc.kinds.statistics.fields import FIELDS
from cchc.kinds.statistics.indicators import catalogue_indicators
from cchc.kinds.statistics.load import load_statistics_kind
from cchc.kinds.statistics.model import DATA_URIS, PERIODS_URI, RESULTS_URI, STATISTICS_SECTION, SURVEYS_URI
from cchc.kinds.statistics.pages import build_statistics_pages

TEMPLATES = str(Path(__file__).parent / "templates")
"""The kind\'s page templates (the theme finds them after overrides/)."""
FILE_NAMES = [uri.split("/")[-1] for uri in DATA_URIS]


def publicity(site) -> tuple:
    """Group 1 of the service index (công khai, minh bạch) as the procedure catalogue stands today."""
    catalogue, rules, today = site.procedures, site.settings.rules, site.built_at.date()
    coded = [p for p in catalogue.in_force if p.code]
    recent = [p for p in coded if p.checked_on and not p.check_overdue(today, rules.national_check_months)]
    return catalogue_indicators(len(catalogue.in_force), len(coded), len(recent), rules.national_check_months)


KIND = Kind(
    templates=TEMPLATES,
    name="statistics", label="Thống kê", folder=STATISTICS_SECTION, file_format="yaml", fields=FIELDS,
    accepts=f"ba tệp {', '.join(FILE_NAMES[:-1])} và {FILE_NAMES[-1]}",
    owns=lambda src_uri: src_uri in DATA_URIS, load=load_statistics_kind,
    fixed_files=(("periods", PERIODS_URI), ("surveys", SURVEYS_URI), ("results", RESULTS_URI)),
    pages=lambda site: build_statistics_pages(site.statistics, publicity(site), site.built_at.date()),
    template_globals=lambda site: {"stats_latest": site.statistics.latest,
                                   "survey_latest": site.statistics.surveys[0] if site.statistics.surveys else None},
    guide=(f"Kết quả giải quyết hồ sơ theo kỳ trong content/{PERIODS_URI} (mục periods:), kết quả đo lường sự hài lòng "
           f"trong content/{SURVEYS_URI} (mục surveys:), kết quả Chỉ số CCHC của Sở theo năm trong "
           f"content/{RESULTS_URI} (mục results:). Số liệu nào chưa có thì bỏ trống: trang ghi "
           '"chưa có số liệu", không bao giờ ghi 0.'),
)
