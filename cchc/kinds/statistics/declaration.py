"""Statistics (thống kê): dossier figures per period and satisfaction surveys, declared once."""

from __future__ import annotations

from pathlib import Path

from cchc.core.declaration import Kind
from cchc.kinds.statistics.fields import FIELDS
from cchc.kinds.statistics.load import load_statistics_kind
from cchc.kinds.statistics.model import PERIODS_URI, STATISTICS_SECTION, SURVEYS_URI
from cchc.kinds.statistics.pages import build_statistics_pages

TEMPLATES = str(Path(__file__).parent / "templates")
"""The kind\'s page templates (the theme finds them after overrides/)."""

KIND = Kind(
    templates=TEMPLATES,
    name="statistics", label="Thống kê", folder=STATISTICS_SECTION, file_format="yaml", fields=FIELDS,
    accepts=f"hai tệp {PERIODS_URI.split('/')[-1]} và {SURVEYS_URI.split('/')[-1]}",
    owns=lambda src_uri: src_uri in (PERIODS_URI, SURVEYS_URI), load=load_statistics_kind,
    fixed_files=(("periods", PERIODS_URI), ("surveys", SURVEYS_URI)),
    pages=lambda site: build_statistics_pages(site.statistics),
    template_globals=lambda site: {"stats_latest": site.statistics.latest,
                                   "survey_latest": site.statistics.surveys[0] if site.statistics.surveys else None},
    guide=(f"Kết quả giải quyết hồ sơ theo kỳ trong content/{PERIODS_URI} (mục periods:), kết quả đo lường sự hài lòng "
           f"trong content/{SURVEYS_URI} (mục surveys:)."),
)
