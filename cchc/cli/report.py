"""``cchc report <year>``: the figures of the department's yearly CCHC report, from the site's own model.

Everything comes from ``load_site`` and the summaries the pages use (``plan_pages.summarize``
with the public news, ``DossierPeriod.on_time_rate``), so the report never says something the
site does not. Markdown is for reading and pasting into the report; CSV is one long table
(Phần, Mục, Giá trị, Ghi chú) in UTF-8 with BOM, which Excel opens with its diacritics.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date

from cchc.core.text import format_count, format_date
from cchc.kinds.documents.load import Document
from cchc.kinds.news.model import Article
from cchc.kinds.plans.pages import PlanReport, summarize
from cchc.kinds.procedures.model import Change, Procedure
from cchc.kinds.questions.load import Question
from cchc.kinds.statistics.model import DossierPeriod, Survey, rate_number
from cchc.site.content import SiteContent

CSV_HEADER = ("Phần", "Mục", "Giá trị", "Ghi chú")


@dataclass(frozen=True)
class YearReport:
    year: int
    today: date
    plan: PlanReport | None
    articles: tuple[Article, ...]
    """Public articles published in the year, oldest first."""
    categories: tuple[tuple[str, int], ...]
    """Every news category with its number of articles in the year, in the settings' order."""
    documents: tuple[Document, ...]
    """Guiding documents (the yearly plans included) issued in the year, oldest first."""
    published: tuple[Procedure, ...]
    changes: tuple[tuple[Procedure, Change], ...]
    abolished: tuple[Procedure, ...]
    in_force: int
    questions: tuple[Question, ...]
    """Questions answered in the year, oldest first."""
    periods: tuple[DossierPeriod, ...]
    """Dossier reporting periods of the year (a year, its quarters, its months), oldest first."""
    surveys: tuple[Survey, ...]

    def articles_per_month(self) -> list[tuple[int, int]]:
        counted = Counter(a.published.month for a in self.articles)
        return [(month, counted[month]) for month in range(1, 13)]


def build_year_report(site: SiteContent, year: int) -> YearReport:
    today = site.built_at.date()
    procedures = site.procedures.procedures
    articles = tuple(sorted((a for a in site.news.public.articles if a.year == year), key=lambda a: a.published))
    counted = Counter(a.category.slug for a in articles)
    return YearReport(
        year=year, today=today,
        plan=summarize(site.plans[year], site.news.public, today) if year in site.plans else None,
        articles=articles,
        categories=tuple((c.name, counted[c.slug]) for c in site.settings.categories),
        documents=tuple(sorted((d for d in site.documents if d.issued.year == year), key=lambda d: (d.issued, d.number))),
        published=tuple(sorted((p for p in procedures if p.published_by.date.year == year),
                               key=lambda p: (p.published_by.date, p.name))),
        changes=tuple(sorted(((p, c) for p in procedures for c in p.history if c.date.year == year),
                             key=lambda pc: (pc[1].date, pc[0].name))),
        abolished=tuple(p for p in procedures if p.abolished_on and p.abolished_on.year == year),
        in_force=len(site.procedures.in_force),
        questions=tuple(sorted((q for q in site.questions if q.answered.year == year), key=lambda q: q.answered)),
        periods=tuple(sorted((p for p in site.statistics.periods if p.name.year == year),
                             key=lambda p: (p.starts, -p.ends.toordinal()))),
        surveys=tuple(sorted((s for s in site.statistics.surveys if s.day.year == year), key=lambda s: s.day)),
    )


def no_plan_message(year: int, plan_years: list[int]) -> str:
    """Why ``cchc report <year>`` refuses a year without a plan: its figures would be all zeros,
    or "năm 22" when the editor meant 2022."""
    if not plan_years:
        return ('chưa có kế hoạch tuyên truyền năm nào trong thư mục plans/; thêm kế hoạch của năm, ví dụ '
                'plans/2022.yaml (xem docs/bien-tap/), rồi chạy lại (no plans)')
    years = ", ".join(str(y) for y in plan_years)
    return (f"không có kế hoạch tuyên truyền năm {year} (plans/{year}.yaml) nên không lập được báo cáo năm đó; "
            f'chọn một năm có kế hoạch: {years}, ví dụ "cchc report {plan_years[-1]}" (no plan for that year)')


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _table(header: tuple[str, ...], rows: list[tuple], numeric: tuple[int, ...] = ()) -> list[str]:
    align = ["---:" if i in numeric else "---" for i in range(len(header))]
    lines = [f"| {' | '.join(header)} |", f"|{'|'.join(align)}|"]
    return lines + [f"| {' | '.join(_cell(c) for c in row)} |" for row in rows]


def render_markdown(report: YearReport) -> str:
    y = report.year
    lines = [f"# Số liệu cải cách hành chính năm {y}", "",
             f'Tổng hợp từ nội dung chuyên trang CCHC, tính đến ngày {format_date(report.today)} ("cchc report").', ""]
    lines += _plan_markdown(report) + _news_markdown(report) + _documents_markdown(report)
    lines += _procedures_markdown(report) + _questions_markdown(report) + _dossiers_markdown(report)
    return "\n".join(lines).rstrip("\n") + "\n"


def _plan_markdown(report: YearReport) -> list[str]:
    lines = ["## 1. Kế hoạch tuyên truyền cải cách hành chính", ""]
    plan = report.plan
    if plan is None:
        return lines + [f"Chưa có kế hoạch năm {report.year} (plans/{report.year}.yaml).", ""]
    lines += [f"Kế hoạch số {plan.plan.number} ngày {format_date(plan.plan.issued)}: {plan.headline}.", ""]
    rows = [(f"{m.month:02d}/{report.year}", "; ".join(t.theme for t in m.tasks), m.expected_articles,
             len(m.articles), m.state.label) for m in plan.months]
    return lines + _table(("Tháng", "Chủ đề", "Tin bài dự kiến", "Tin bài đã đăng", "Trạng thái"), rows, (2, 3)) + [""]


def _news_markdown(report: YearReport) -> list[str]:
    lines = ["## 2. Tin bài trên chuyên trang", "", f"Tổng số: {format_count(len(report.articles))} tin bài.", ""]
    months = [(f"{m:02d}/{report.year}", format_count(n)) for m, n in report.articles_per_month()]
    lines += _table(("Tháng", "Số tin bài"), months, (1,)) + [""]
    categories = [(name, format_count(n)) for name, n in report.categories]
    return lines + _table(("Chuyên mục", "Số tin bài"), categories, (1,)) + [""]


def _documents_markdown(report: YearReport) -> list[str]:
    lines = ["## 3. Văn bản chỉ đạo, điều hành đã ban hành", "",
             f"Tổng số: {format_count(len(report.documents))} văn bản.", ""]
    if not report.documents:
        return lines
    rows = [(d.number, format_date(d.issued), d.issuer, d.summary) for d in report.documents]
    return lines + _table(("Số, ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu"), rows) + [""]


def _procedures_markdown(report: YearReport) -> list[str]:
    lines = ["## 4. Thủ tục hành chính", "",
             f"- Công bố mới: {format_count(len(report.published))} thủ tục",
             f"- Sửa đổi, bổ sung: {format_count(len(report.changes))} lần",
             f"- Bãi bỏ: {format_count(len(report.abolished))} thủ tục",
             f"- Đang có hiệu lực trên chuyên trang (ngày {format_date(report.today)}): "
             f"{format_count(report.in_force)} thủ tục", ""]
    rows = _procedure_events(report)
    if not rows:
        return lines
    return lines + _table(("Ngày", "Thủ tục", "Mã", "Nội dung", "Văn bản"), rows) + [""]


def _procedure_events(report: YearReport) -> list[tuple[str, str, str, str, str]]:
    events = [(p.published_by.date, p.name, p.code or "", "Công bố", p.published_by.number) for p in report.published]
    events += [(c.date, p.name, p.code or "", c.change, c.document or "") for p, c in report.changes]
    events += [(p.abolished_on, p.name, p.code or "", "Bãi bỏ", "") for p in report.abolished]
    return [(format_date(day), *rest) for day, *rest in sorted(events, key=lambda e: (e[0], e[1]))]


def _questions_markdown(report: YearReport) -> list[str]:
    return ["## 5. Hỏi – đáp", "", f"Đã trả lời: {format_count(len(report.questions))} câu hỏi.", ""]


def _dossiers_markdown(report: YearReport) -> list[str]:
    lines = ["## 6. Kết quả giải quyết hồ sơ thủ tục hành chính", ""]
    if not report.periods:
        lines += [f"Chưa có số liệu kỳ nào của năm {report.year} (content/thong-ke/ho-so.yaml).", ""]
    else:
        rows = [(p.name.label, p.dates, *(format_count(n) for n in _dossier_counts(p)), p.on_time_rate_text)
                for p in report.periods]
        lines += _table(("Kỳ", "Thời gian", "Kỳ trước chuyển sang", "Tiếp nhận", "Giải quyết trước hạn",
                         "Giải quyết đúng hạn", "Giải quyết quá hạn", "Đang giải quyết", "Tỷ lệ đúng hạn"),
                        rows, (2, 3, 4, 5, 6, 7, 8)) + [""]
    lines += ["## 7. Đo lường sự hài lòng", ""]
    if not report.surveys:
        return lines + [f"Chưa có cuộc khảo sát nào công bố trong năm {report.year} (content/thong-ke/hai-long.yaml).",
                        ""]
    rows = [(format_date(s.day), s.title, format_count(s.sample), s.percent_text) for s in report.surveys]
    return lines + _table(("Ngày", "Cuộc khảo sát", "Số phiếu", "Tỷ lệ hài lòng"), rows, (2, 3)) + [""]


def _dossier_counts(p: DossierPeriod) -> tuple[int, ...]:
    return (p.carried_over, p.received.total, p.resolved.early, p.resolved.on_time, p.resolved.late,
            p.in_progress.total)


def render_csv(report: YearReport) -> bytes:
    """One long table: a row per figure or per listed item; numbers without grouping, rates with a comma."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(_csv_rows(report))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_rows(report: YearReport) -> list[tuple[str, str, object, str]]:
    y, rows = report.year, []
    plan = report.plan
    if plan is not None:
        part = "Kế hoạch tuyên truyền"
        rows += [(part, "Số, ký hiệu", plan.plan.number, format_date(plan.plan.issued)),
                 (part, "Nhiệm vụ đã thực hiện", plan.done_tasks, ""), (part, "Tổng số nhiệm vụ", plan.total_tasks, ""),
                 (part, "Tin bài theo kế hoạch", plan.article_count, "")]
        rows += [("Kế hoạch tuyên truyền theo tháng", f"{m.month:02d}/{y}", len(m.articles), m.state.label)
                 for m in plan.months]
    rows.append(("Tin bài", "Tổng số", len(report.articles), ""))
    rows += [("Tin bài theo tháng", f"{m:02d}/{y}", n, "") for m, n in report.articles_per_month()]
    rows += [("Tin bài theo chuyên mục", name, n, "") for name, n in report.categories]
    rows.append(("Văn bản đã ban hành", "Tổng số", len(report.documents), ""))
    rows += [("Văn bản đã ban hành", d.number, format_date(d.issued), f"{d.summary} ({d.issuer})")
             for d in report.documents]
    rows += [("Thủ tục hành chính", label, n, "") for label, n in (
        ("Công bố mới", len(report.published)), ("Sửa đổi, bổ sung", len(report.changes)),
        ("Bãi bỏ", len(report.abolished)), ("Đang có hiệu lực", report.in_force))]
    rows += [("Thủ tục hành chính – sự kiện", name, day, " – ".join(x for x in (code, what, document) if x))
             for day, name, code, what, document in _procedure_events(report)]
    rows.append(("Hỏi – đáp", "Câu hỏi đã trả lời", len(report.questions), ""))
    for p in report.periods:
        part = f"Hồ sơ {p.name.label}"
        labels = ("Kỳ trước chuyển sang", "Tiếp nhận", "Giải quyết trước hạn", "Giải quyết đúng hạn",
                  "Giải quyết quá hạn", "Đang giải quyết")
        rows += [(part, label, n, p.dates) for label, n in zip(labels, _dossier_counts(p))]
        rows.append((part, "Tỷ lệ đúng hạn (%)", "" if p.on_time_rate is None else rate_number(p.on_time_rate), p.dates))
    rows += [("Sự hài lòng", s.title, str(s.satisfied_percent).replace(".", ","), format_date(s.day))
             for s in report.surveys]
    return rows

