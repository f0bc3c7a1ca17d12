"""The yearly report's figures laid out as its sections: paragraphs and tables to read and paste, and one fact per
figure (Phần, Mục, Giá trị, Ghi chú) for the CSV. Every renderer (``cchc.cli.report_render``) writes these same
sections, so the Markdown, the text, the CSV and the Word file cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from cchc.cli.report import YearReport
from cchc.core.text import format_count, format_date
from cchc.kinds.statistics.indicators import Indicator, period_indicators
from cchc.kinds.statistics.model import DossierPeriod, format_rate, rate_number
from cchc.site.rules import period_text


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()
    """The columns holding numbers (right-aligned)."""


@dataclass
class Section:
    title: str
    parts: list[str | Table] = field(default_factory=list)
    """Paragraphs and tables, in reading order; a paragraph of lines starting "- " is a list."""
    facts: list[tuple[str, str, object, str]] = field(default_factory=list)
    """(Phần, Mục, Giá trị, Ghi chú): every figure once, numbers without grouping, rates with a decimal comma."""

    def table(self, header: tuple[str, ...], rows: list[tuple], numeric: tuple[int, ...] = ()) -> None:
        if rows:
            self.parts.append(Table(header, tuple(tuple(str(c) for c in row) for row in rows), numeric))


def percent(part: int, whole: int) -> str:
    """"41,7%" of tasks done; "chưa có số liệu" when there is no whole."""
    return format_rate(Fraction(part, whole)) if whole else "chưa có số liệu"


def _number(part: int, whole: int) -> str:
    return rate_number(Fraction(part, whole)) if whole else ""


def report_sections(report: YearReport) -> list[Section]:
    return [_documents(report), _propaganda(report), _procedures(report), _dossiers(report), _indicators(report),
            _satisfaction(report), _results(report)]


def heading_lines(report: YearReport) -> list[str]:
    return [f"Kỳ báo cáo: {period_text(report.starts, report.ends)} (thời gian chốt số liệu báo cáo năm, extra: rules: "
            f"report_period_start). Số liệu tính đến ngày {format_date(report.as_of)}."]


def _documents(report: YearReport) -> Section:
    s = Section("1. Công tác chỉ đạo, điều hành: văn bản")
    part = "Văn bản"
    for label, documents in (("Văn bản do Sở ban hành", report.issued), ("Văn bản của cơ quan cấp trên", report.received),
                             ("Văn bản của cơ quan khác (tham khảo)", report.others)):
        s.parts.append(f"{label}: {format_count(len(documents))} văn bản.")
        s.facts.append((part, label, len(documents), ""))
        s.table(("Số, ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu"),
                [(d.number, format_date(d.issued), d.issuer, d.summary) for d in documents])
        s.facts += [(label, d.number, format_date(d.issued), f"{d.summary} ({d.issuer})") for d in documents]
    return s


def _propaganda(report: YearReport) -> Section:
    s = Section("2. Công tác tuyên truyền cải cách hành chính")
    plan, part = report.plan, "Kế hoạch tuyên truyền"
    if plan is None:
        s.parts.append(f"Chưa có kế hoạch năm {report.year} (plans/{report.year}.yaml).")
        return s
    done, total = report.done_share
    s.parts.append(f"Kế hoạch số {plan.plan.number} ngày {format_date(plan.plan.issued)}: {plan.headline}; tỷ lệ nhiệm "
                   f"vụ đã thực hiện {percent(done, total)}.")
    s.facts += [(part, "Số, ký hiệu", plan.plan.number, format_date(plan.plan.issued)),
                (part, "Nhiệm vụ đã thực hiện", done, ""), (part, "Tổng số nhiệm vụ", total, ""),
                (part, "Tỷ lệ nhiệm vụ đã thực hiện (%)", _number(done, total), ""),
                (part, "Tin bài theo kế hoạch", plan.article_count, "")]
    y = plan.plan.year
    s.table(("Tháng", "Chủ đề", "Tin bài dự kiến", "Tin bài đã đăng", "Trạng thái"),
            [(f"{m.month:02d}/{y}", "; ".join(t.theme for t in m.tasks), m.expected_articles, len(m.articles),
              m.state.label) for m in plan.months], (2, 3))
    s.facts += [("Kế hoạch tuyên truyền theo tháng", f"{m.month:02d}/{y}", len(m.articles), m.state.label)
                for m in plan.months]
    s.parts.append("Theo hình thức tuyên truyền:")
    s.table(("Hình thức", "Nhiệm vụ theo kế hoạch", "Nhiệm vụ đã thực hiện"),
            [(c.label, c.planned, c.done) for c in report.form_counts], (1, 2))
    s.facts += [("Hình thức tuyên truyền", c.label, c.done, f"{c.done}/{c.planned} nhiệm vụ") for c in report.form_counts]
    _evidence(s, report)
    _articles(s, report)
    return s


def _evidence(s: Section, report: YearReport) -> None:
    s.parts.append("Nhiệm vụ thực hiện ngoài chuyên trang và minh chứng:")
    rows, y = [], report.year
    for item in report.offline_tasks:
        proofs = "; ".join(f"{e.title} ({e.url})" for e in item.task.evidence) or "chưa có minh chứng"
        rows.append((f"{item.month:02d}/{y}", item.task.theme, ", ".join(item.task.form_labels),
                     "Đã thực hiện" if item.done else "Chưa xong", proofs))
        s.facts.append(("Minh chứng", f"{item.month:02d}/{y}: {item.task.theme}", len(item.task.evidence), proofs))
    s.table(("Tháng", "Nhiệm vụ", "Hình thức", "Trạng thái", "Minh chứng"), rows)
    if not rows:
        s.parts.append("Kế hoạch không có nhiệm vụ nào ngoài tin, bài trên chuyên trang.")


def _articles(s: Section, report: YearReport) -> None:
    s.parts.append(f"Tin bài đăng trên chuyên trang trong kỳ báo cáo: {format_count(len(report.articles))} tin bài.")
    s.facts.append(("Tin bài", "Tổng số", len(report.articles), period_text(report.starts, report.ends)))
    months = report.articles_per_month()
    s.table(("Tháng", "Số tin bài"), [(f"{m:02d}/{y}", format_count(n)) for y, m, n in months], (1,))
    s.facts += [("Tin bài theo tháng", f"{m:02d}/{y}", n, "") for y, m, n in months]
    s.table(("Chuyên mục", "Số tin bài"), [(name, format_count(n)) for name, n in report.categories], (1,))
    s.facts += [("Tin bài theo chuyên mục", name, n, "") for name, n in report.categories]


def _procedures(report: YearReport) -> Section:
    s = Section("3. Cải cách thủ tục hành chính")
    part = "Thủ tục hành chính"
    counts = (("Công bố mới", len(report.published), "thủ tục"), ("Sửa đổi, bổ sung", len(report.changes), "lần"),
              ("Bãi bỏ", len(report.abolished), "thủ tục"),
              (f"Đang có hiệu lực trên chuyên trang (ngày {format_date(report.today)})", report.in_force, "thủ tục"))
    items = [f"- {label}: {format_count(n)} {unit}" for label, n, unit in counts]
    s.facts += [(part, label.split(" (")[0] if label.startswith("Đang") else label, n, "") for label, n, _ in counts]
    events = _procedure_events(report)
    s.table(("Ngày", "Thủ tục", "Mã", "Nội dung", "Văn bản"), events)
    s.facts += [("Thủ tục hành chính – sự kiện", name, day, " – ".join(x for x in (code, what, doc) if x))
                for day, name, code, what, doc in events]
    for indicator in report.publicity:
        items.append(f"- {indicator.label}: {indicator.value_text}" + (f" ({indicator.detail})" if indicator.detail else ""))
        s.facts.append((part, indicator.label, indicator.value_number, indicator.detail or indicator.unit))
    s.parts.insert(0, "\n".join(items))
    s.parts.append(f"Hỏi – đáp: đã trả lời {format_count(len(report.questions))} câu hỏi.")
    s.facts.append(("Hỏi – đáp", "Câu hỏi đã trả lời", len(report.questions), ""))
    return s


def _procedure_events(report: YearReport) -> list[tuple[str, str, str, str, str]]:
    events = [(p.published_by.date, p.name, p.code or "", "Công bố", p.published_by.number) for p in report.published]
    events += [(c.date, p.name, p.code or "", c.change, c.document or "") for p, c in report.changes]
    events += [(p.abolished_on, p.name, p.code or "", "Bãi bỏ", "") for p in report.abolished]
    return [(format_date(day), *rest) for day, *rest in sorted(events, key=lambda e: (e[0], e[1]))]


DOSSIER_HEADER = ("Kỳ", "Thời gian", "Kỳ trước chuyển sang", "Tiếp nhận", "Giải quyết trước hạn", "Giải quyết đúng hạn",
                  "Giải quyết quá hạn", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn", "Tỷ lệ đúng hạn")


def dossier_counts(p: DossierPeriod) -> tuple[int, ...]:
    return (p.carried_over, p.received.total, p.resolved.early, p.resolved.on_time, p.resolved.late,
            p.in_progress.within_limit, p.in_progress.overdue)


def _dossiers(report: YearReport) -> Section:
    s = Section("4. Kết quả giải quyết hồ sơ thủ tục hành chính")
    if not report.periods:
        s.parts.append(f"Chưa có số liệu kỳ nào của năm {report.year} (content/thong-ke/ho-so.yaml).")
        return s
    shown = list(report.periods) + ([report.quarters_total] if report.quarters_total else [])
    rows = []
    for p in shown:
        label = p.note if p is report.quarters_total else p.name.label
        rows.append((label, p.dates, *(format_count(n) for n in dossier_counts(p)), p.on_time_rate_text))
        s.facts += [(f"Hồ sơ {label}", name, n, p.dates) for name, n in zip(DOSSIER_HEADER[2:9], dossier_counts(p))]
        s.facts.append((f"Hồ sơ {label}", "Tỷ lệ đúng hạn (%)",
                        "" if p.on_time_rate is None else rate_number(p.on_time_rate), p.dates))
    s.table(DOSSIER_HEADER, rows, (2, 3, 4, 5, 6, 7, 8))
    late = [p for p in report.periods if p.ends > report.ends]
    if late:
        s.parts.append("Lưu ý: " + "; ".join(f"{p.name.label} tính đến {format_date(p.ends)}" for p in late)
                       + f", sau ngày chốt số liệu {format_date(report.ends)}.")
    rule = "cộng số hồ sơ đang giải quyết đã quá hạn" if report.periods[0].overdue_is_late else "chỉ tính hồ sơ đã giải quyết"
    s.parts.append(f"Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / (đã giải quyết, {rule}).")
    return s


def _indicators(report: YearReport) -> Section:
    s = Section("5. Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)")
    if not report.periods:
        s.parts.append("Chưa có số liệu.")
        return s
    for p in report.periods:
        s.parts.append(f"{p.name.label} ({p.dates}):")
        indicators = period_indicators(p)
        s.table(("Nhóm chỉ số", "Chỉ số", "Giá trị", "Số liệu"), [_indicator_row(i) for i in indicators])
        s.facts += [(f"Chỉ số {p.name.label}", i.label, i.value_number, i.detail if i.known else i.why_missing)
                    for i in indicators]
    return s


def _indicator_row(i: Indicator) -> tuple[str, str, str, str]:
    return (i.group.label, i.label, i.value_text, i.detail)


def _satisfaction(report: YearReport) -> Section:
    s = Section("6. Sự hài lòng")
    s.parts.append("Sự hài lòng về giải quyết thủ tục hành chính (tính riêng với khảo sát dịch vụ giáo dục công):")
    rows = [(p.name.label, "Đánh giá khi nhận kết quả", p.satisfaction.text, format_rate(p.satisfaction.rate))
            for p in report.periods if p.satisfaction and p.satisfaction.whole]
    rows += [(format_date(v.day), v.title, format_count(v.sample), v.percent_text) for v in report.surveys
             if v.subject == "tthc"]
    if rows:
        s.table(("Kỳ, ngày", "Nguồn", "Số lượt, số phiếu", "Tỷ lệ hài lòng"), rows)
    else:
        s.parts.append("Chưa có số liệu.")
    education = [v for v in report.surveys if v.subject == "giao_duc_cong"]
    s.parts.append("Sự hài lòng về dịch vụ giáo dục công:")
    if education:
        s.table(("Ngày", "Cuộc khảo sát", "Số phiếu", "Tỷ lệ hài lòng"),
                [(format_date(v.day), v.title, format_count(v.sample), v.percent_text) for v in education], (2, 3))
    else:
        s.parts.append("Chưa có cuộc khảo sát nào công bố trong kỳ báo cáo (content/thong-ke/hai-long.yaml).")
    s.facts += [("Sự hài lòng", v.title, str(v.satisfied_percent).replace(".", ","),
                 f"{format_date(v.day)}; {v.subject_label}") for v in report.surveys]
    return s


def _results(report: YearReport) -> Section:
    s = Section("7. Kết quả Chỉ số cải cách hành chính")
    if not report.results:
        s.parts.append("Chưa có kết quả (content/thong-ke/chi-so.yaml).")
        return s
    s.table(("Năm", "Bộ chỉ số", "Điểm", "Xếp hạng", "Văn bản công bố"),
            [(r.year, r.index_label, r.score_text, r.rank_text, r.document or "") for r in report.results])
    s.facts += [("Chỉ số CCHC", f"{r.year}: {r.index_label}", r.score_text, r.rank_text) for r in report.results]
    return s

