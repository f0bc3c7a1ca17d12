"""The yearly propaganda plan (kế hoạch tuyên truyền CCHC), declared once: one file per year in plans/."""

from __future__ import annotations

from pathlib import Path

from cchc.core.declaration import Kind
from cchc.kinds.plans.fields import FIELDS
from cchc.kinds.plans.load import PLANS_DIR, load_plan_kind
from cchc.kinds.plans.pages import build_plan_pages, current_month

TEMPLATES = str(Path(__file__).parent / "templates")
"""The kind\'s page templates (the theme finds them after overrides/)."""

KIND = Kind(
    templates=TEMPLATES,
    name="plans", label="Kế hoạch tuyên truyền", folder=PLANS_DIR, file_format="yaml", fields=FIELDS,
    in_content=False, owns=lambda src_uri: False, load=load_plan_kind, file_name_field="year",
    accepts="mỗi năm một tệp <năm>.yaml",
    pages=lambda site: build_plan_pages(site.plans, site.news.public, site.built_at.date(), site.settings.site_url),
    template_globals=lambda site: {"plan_month_now": current_month(site.plans, site.news.public,
                                                                   site.built_at.date())},
    searchable_templates=frozenset({"plan-calendar.html", "plan-month.html"}),
    guide=("Mỗi năm một tệp plans/<năm>.yaml (thư mục plans/ cạnh content/); mỗi tháng từ 1 đến 12 cần ít nhất một "
           'nhiệm vụ. Một tin phục vụ nhiệm vụ của tháng nào thì thêm dòng "plan_month: 2022-06" vào phần đầu tin. '
           "Trạng thái mỗi tháng được tính theo ngày dựng trang: Đã thực hiện, Đang thực hiện, Chưa đến, Chưa thực hiện."),
)
