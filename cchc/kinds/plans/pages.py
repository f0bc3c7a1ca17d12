"""Pages and downloads of the yearly plans: the 12-month calendar, month pages, results, CSV, iCalendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from cchc.core.pages import GeneratedFile, GeneratedPage
from cchc.core.spreadsheet import SpreadsheetWriter
from cchc.core.text import VN_TZ, format_date
from cchc.kinds.news.model import Article, News
from cchc.kinds.plans.load import PLAN_SECTION, MonthState, Plan, Task, month_state, month_url

MONTH_NAMES = tuple(f"Tháng {m}" for m in range(1, 13))


@dataclass(frozen=True)
class MonthSummary:
    """One month of a plan as the calendar shows it."""

    plan: Plan
    month: int
    tasks: tuple[Task, ...]
    articles: tuple[Article, ...]
    state: MonthState
    is_current: bool

    @property
    def url(self) -> str:
        return month_url(self.plan.year, self.month)

    @property
    def expected_articles(self) -> int:
        return sum(t.expected_articles for t in self.tasks)


@dataclass(frozen=True)
class PlanReport:
    """Plan versus done for one year, the figures the yearly CCHC report quotes."""

    plan: Plan
    months: tuple[MonthSummary, ...]

    @property
    def total_tasks(self) -> int:
        return len(self.plan.tasks)

    @property
    def done_tasks(self) -> int:
        return sum(len(m.tasks) for m in self.months if m.state is MonthState.DONE)

    @property
    def article_count(self) -> int:
        return sum(len(m.articles) for m in self.months)

    @property
    def headline(self) -> str:
        return f"{self.done_tasks}/{self.total_tasks} nhiệm vụ đã thực hiện, {self.article_count} tin bài"


def summarize(plan: Plan, news: News, today: date) -> PlanReport:
    by_month: dict[int, list[Article]] = {m: [] for m in range(1, 13)}
    for article in news.articles:
        if article.plan_month and article.plan_month[0] == plan.year:
            by_month[article.plan_month[1]].append(article)
    months = tuple(
        MonthSummary(plan, m, plan.tasks_in(m), tuple(by_month[m]),
                     month_state(plan, m, len(by_month[m]), today), (today.year, today.month) == (plan.year, m))
        for m in range(1, 13)
    )
    return PlanReport(plan, months)


def current_month(plans: dict[int, Plan], news: News, today: date) -> MonthSummary | None:
    """This month of this year's plan, for the home page."""
    plan = plans.get(today.year)
    return summarize(plan, news, today).months[today.month - 1] if plan else None


def build_plan_pages(plans: dict[int, Plan], news: News, today: date,
                     site_url: str) -> list[GeneratedPage | GeneratedFile]:
    reports = [summarize(plans[year], news, today) for year in sorted(plans, reverse=True)]
    pages: list[GeneratedPage | GeneratedFile] = [GeneratedPage(
        f"{PLAN_SECTION}/index.md", "Kế hoạch tuyên truyền cải cách hành chính", "plan-index.html",
        {"reports": reports}, "Kế hoạch tuyên truyền CCHC theo năm, lịch 12 chủ đề và kết quả thực hiện")]
    for report in reports:
        pages += _year_pages(report, site_url)
    return pages


def _year_pages(report: PlanReport, site_url: str) -> list[GeneratedPage | GeneratedFile]:
    plan = report.plan
    base = f"{PLAN_SECTION}/{plan.year}"
    data = {"report": report, "plan": plan, "csv_url": f"{base}/ket-qua.csv", "ics_url": f"{base}.ics"}
    pages: list[GeneratedPage | GeneratedFile] = [
        GeneratedPage(f"{base}/index.md", f"Lịch tuyên truyền CCHC năm {plan.year}", "plan-calendar.html", data,
                      f"{plan.title} ({plan.number}): 12 chủ đề theo tháng", hide=("navigation", "toc")),
        GeneratedPage(f"{base}/ket-qua/index.md", f"Kết quả thực hiện kế hoạch tuyên truyền CCHC năm {plan.year}",
                      "plan-results.html", data, report.headline, hide=("navigation", "toc")),
        GeneratedFile(f"{base}/ket-qua.csv", render_results_csv(report), f"Kết quả năm {plan.year} (CSV)"),
        GeneratedFile(f"{base}.ics", render_ics(plan, site_url), f"Lịch năm {plan.year} (iCalendar)"),
    ]
    for summary in report.months:
        pages.append(GeneratedPage(f"{summary.url}index.md", f"{MONTH_NAMES[summary.month - 1]}/{plan.year}: "
                                   f"{summary.tasks[0].theme}", "plan-month.html", {**data, "summary": summary}))
    return pages


CSV_HEADER = ("Tháng", "Chủ đề", "Hình thức", "Đơn vị chủ trì", "Tin bài dự kiến", "Tin bài đã đăng",
              "Kết quả khác", "Trạng thái")


def render_results_csv(report: PlanReport) -> bytes:
    """Per-month plan versus done, with a total row; UTF-8 with BOM so Excel reads the diacritics."""
    writer = SpreadsheetWriter()
    writer.writerow(CSV_HEADER)
    for m in report.months:
        writer.writerow((f"{m.month:02d}/{report.plan.year}", "; ".join(t.theme for t in m.tasks),
                         "; ".join(label for t in m.tasks for label in t.form_labels),
                         "; ".join(t.lead for t in m.tasks), m.expected_articles, len(m.articles),
                         "; ".join(t.result for t in m.tasks if t.result), m.state.label))
    writer.writerow(("Tổng cộng", f"{report.done_tasks}/{report.total_tasks} nhiệm vụ đã thực hiện", "", "",
                     sum(m.expected_articles for m in report.months), report.article_count, "", ""))
    return writer.getvalue()


def render_ics(plan: Plan, site_url: str) -> bytes:
    """One all-day event per task spanning its month; UIDs and stamps derive from the plan, not the clock."""
    host = urlsplit(site_url).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", "-//cchc//Ke hoach tuyen truyen CCHC//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", " ".join(f"{plan.title} ({plan.number})".split()))  # one line, as iCalendar needs
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    stamp = datetime.combine(plan.issued, time(0, 0), tzinfo=VN_TZ)
    for index, task in enumerate(plan.tasks, start=1):
        calendar.add_component(_task_event(plan, task, index, host, site_url, stamp))
    return calendar.to_ical()


def _task_event(plan: Plan, task: Task, index: int, host: str, site_url: str, stamp: datetime) -> Event:
    next_month = date(plan.year + (task.month == 12), task.month % 12 + 1, 1)
    event = Event()
    event.add("uid", f"ke-hoach-{plan.year}-thang-{task.month:02d}-{index}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", date(plan.year, task.month, 1))
    event.add("dtend", next_month)
    event.add("summary", task.theme)
    details = [task.content or "", f"Hình thức: {', '.join(task.form_labels)}", f"Chủ trì: {task.lead}"]
    if task.cooperating:
        details.append(f"Phối hợp: {', '.join(task.cooperating)}")
    details.append(f"Theo {plan.number} ngày {format_date(plan.issued)}")
    event.add("description", "\n".join(d for d in details if d))
    event.add("url", site_url + month_url(plan.year, task.month))
    return event
