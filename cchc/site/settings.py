"""Site settings: the department's identity, news categories and feed options.

They live in one place, ``extra:`` of mkdocs.yml, and are validated here with
line numbers, so a typo in the footer data stops the build with a clear message.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cchc.cms.hosts import GitHost, load_git_host
from cchc.core.declaration import Field
from cchc.core.declared import read, reject_unknown
from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.text import NotUtf8, read_utf8, slugify
from cchc.core.yamlmarks import MarkedDict, YamlProblem, load_marked_yaml
from cchc.site.contacts import Contact, load_feedback, load_one_stop
from cchc.site.material_settings import check_what_material_prints, site_url_is_safe
from cchc.site.options import OPTIONS
from cchc.site.rules import DEFAULT_RULES, Rules, load_rules

PAKN_PORTAL = "https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html"
"""The national portal's form for feedback on administrative rules (phản ánh, kiến nghị)."""


@dataclass(frozen=True)
class Department:
    """Who publishes the site, shown in the footer as Vietnamese government sites do."""

    name: str
    short_name: str
    parent: str
    address: str
    phone: str
    fax: str | None
    email: str
    feedback_hotline: str
    national_portal: str
    provincial_portal: str
    feedback_portal: str
    """Where citizens send feedback on administrative rules (PAKN) online."""
    reuse_notice: str
    share_image: str | None = None
    """The picture of a page's share card when the page has none of its own: a path under content/."""
    real_data: bool = False
    """True once the procedures are checked against their decisions: no "example data" notice is shown or printed."""
    share_image_line: int | None = None
    tv_site: str | None = None
    """The province's television site: a link to a video there, alone on its line, becomes a card."""


@dataclass(frozen=True)
class Category:
    """A news category (chuyên mục) from the fixed list in the settings."""

    slug: str
    name: str
    description: str | None

    @property
    def url(self) -> str:
        return f"tin-tuc/chuyen-muc/{self.slug}/"


@dataclass(frozen=True)
class Settings:
    site_url: str
    department: Department
    categories: tuple[Category, ...]
    news_per_page: int
    feed_limit: int
    feedback: Contact | None = None
    """Who receives feedback on administrative rules (``extra: feedback:``); the department when not set."""
    one_stop: Contact | None = None
    """The one-stop desk (``extra: one_stop:``)."""
    rules: Rules = DEFAULT_RULES
    """How the law is read where it could not be verified (``extra: rules:``, ``cchc.site.rules``)."""
    git_host: GitHost | None = None
    """Where the browser form saves (``extra: cms:``, ``cchc.cms.hosts``); None: only ``cchc edit`` saves."""

    def category(self, written: str) -> Category | None:
        """Find a category by its name or its slug, ignoring case and diacritics."""
        wanted = slugify(written)
        return next((c for c in self.categories if wanted in (c.slug, slugify(c.name))), None)


DEPARTMENT_FIELDS = (
    Field("name", "text", "tên cơ quan", "Hiện ở chân trang và trong luồng tin.", required=True,
          example="Sở Giáo dục và Đào tạo tỉnh Sóc Trăng"),
    Field("short_name", "text", "tên viết tắt", "Hiện ở đầu trang trên điện thoại; mặc định là tên cơ quan.",
          example="Sở GDĐT Sóc Trăng"),
    Field("parent", "text", "cơ quan chủ quản", "", required=True, example="Ủy ban nhân dân tỉnh Sóc Trăng"),
    Field("address", "text", "địa chỉ", "", required=True, example="Số 48 Lê Duẩn, phường 3, thành phố Sóc Trăng"),
    Field("phone", "text", "số điện thoại", "", required=True, example="02993.616042"),
    Field("fax", "text", "số fax", "", example="02993.824074"),
    Field("email", "email", "email", "Cũng là địa chỉ tác giả của các luồng tin.", required=True,
          example="vanphong.sosoctrang@moet.edu.vn"),
    Field("feedback_hotline", "text", "số điện thoại tiếp nhận phản ánh, kiến nghị về quy định hành chính", "",
          required=True, example="02993.616042"),
    Field("national_portal", "url", "địa chỉ Cổng Dịch vụ công quốc gia", "", required=True,
          example="https://dichvucong.gov.vn/"),
    Field("provincial_portal", "url", "địa chỉ Cổng Dịch vụ công của tỉnh", "", required=True,
          example="https://dichvucong.soctrang.gov.vn/"),
    Field("feedback_portal", "url", "địa chỉ gửi phản ánh, kiến nghị trực tuyến", "Mặc định là trang phản ánh, kiến "
          "nghị của Cổng Dịch vụ công quốc gia.", example=PAKN_PORTAL),
    Field("reuse_notice", "text", "lời ghi nguồn khi phát hành lại thông tin", "Mặc định: Ghi rõ nguồn \"<tên cơ "
          "quan>\" khi phát hành lại thông tin từ trang này."),
    Field("share_image", "image", "ảnh khi chia sẻ trang", "Ảnh hiện khi một trang không có ảnh riêng được chia sẻ "
          "qua Zalo, Facebook: đường dẫn trong content/, ảnh JPEG hoặc PNG rộng ít nhất 600 điểm ảnh (nên 1200 × 630).",
          example="anh/chia-se.jpg"),
    Field("tv_site", "url", "địa chỉ trang web của đài truyền hình tỉnh", "Liên kết tới một video trên trang này, "
          "viết riêng một dòng trong bài, hiện thành thẻ video như liên kết YouTube, VTV.",
          example="https://truyenhinh.example.vn/"),
    Field("real_data", "boolean", "dữ liệu thật", "true khi các thủ tục đã được đối chiếu với quyết định công bố: "
          "trang không còn hiện và in dòng \"Dữ liệu ví dụ\".", example=True),
)
"""``extra: department:`` of mkdocs.yml, stated once."""
CATEGORY_FIELDS = (
    Field("name", "text", "tên chuyên mục", "", required=True, example="Hoạt động cải cách hành chính"),
    Field("slug", "text", "đường dẫn", "Mặc định lấy từ tên.", example="hoat-dong-cchc"),
    Field("description", "text", "mô tả", "Hiện ở trang chuyên mục và trong luồng tin của chuyên mục."),
)
_DEPARTMENT = {spec.name: spec for spec in DEPARTMENT_FIELDS}


def load_settings(config_path: str, site_url: str | None, project_dir: str, log: ErrorLog) -> Settings | None:
    """Read and validate ``extra:`` of mkdocs.yml; None when it has errors (logged)."""
    shown_path = os.path.relpath(config_path, project_dir)
    try:
        config = load_marked_yaml(read_utf8(config_path), allow_tags=True)
    except (YamlProblem, NotUtf8) as problem:
        log.add(shown_path, problem.line, None, problem.message)
        return None
    extra = _section(config, "extra", shown_path, log, "")
    check_what_material_prints(config, extra, shown_path, log)
    department = _load_department(_section(extra, "department", shown_path, log, "extra."), shown_path, log)
    news = _fields(extra, "news", shown_path, log)
    feeds = _fields(extra, "feeds", shown_path, log)
    _check_options(_fields(extra, "cchc", shown_path, log))
    categories = _load_categories(news, log)
    git_host = load_git_host(_fields(extra, "cms", shown_path, log))
    per_page = news.integer("per_page", "số tin mỗi trang", default=10)
    feed_limit = feeds.integer("limit", "số mục tối đa của mỗi luồng tin", default=20)
    rules = load_rules(_fields(extra, "rules", shown_path, log))
    if not site_url:
        log.add(shown_path, config.line_of("site_url") if config else 1, "site_url",
                'thiếu địa chỉ trang (site_url); thêm dòng "site_url: https://cchc.sogddt.example.gov.vn/" '
                "vì luồng RSS/Atom và sitemap cần địa chỉ tuyệt đối (site_url is required for feeds)")
    if site_url and not site_url_is_safe(site_url, config, shown_path, log):
        return None
    if department is None or not site_url:
        return None
    feedback = load_feedback(_fields(extra, "feedback", shown_path, log), department)
    one_stop = load_one_stop(_fields(extra, "one_stop", shown_path, log), department)
    return Settings(site_url if site_url.endswith("/") else site_url + "/", department,
                    categories, per_page or 10, feed_limit or 20, feedback, one_stop, rules, git_host)


def _fields(extra: MarkedDict, name: str, path: str, log: ErrorLog) -> Fields:
    """An optional section of ``extra:`` (``extra: rules:``), to read with its declared fields."""
    return Fields(_section(extra, name, path, log, "extra.", required=False), path, log, f"extra.{name}.")


def _check_options(options: Fields) -> None:
    """``extra: cchc:`` holds only the declared build options (``cchc.site.options``), each true or false."""
    options.reject_unknown(option.name for option in OPTIONS)
    for option in OPTIONS:
        options.flag(option.name, f"tùy chọn {option.name}")


def _section(parent: MarkedDict | None, name: str, path: str, log: ErrorLog, prefix: str,
             required: bool = True) -> MarkedDict:
    value = parent.get(name) if isinstance(parent, MarkedDict) else None
    if isinstance(value, MarkedDict):
        return value
    line = parent.line_of(name) if isinstance(parent, MarkedDict) else 1
    if value is not None or required:
        log.add(path, line, prefix + name, f'thiếu mục "{name}:" hoặc mục này không phải bảng '
                                           "khóa: giá trị; xem mẫu trong docs/bien-tap/ (missing or not a mapping)")
    empty = MarkedDict()
    empty.line, empty.key_lines = line, {}
    return empty


def _load_department(data: MarkedDict, path: str, log: ErrorLog) -> Department | None:
    errors_before = len(log.errors)
    f = Fields(data, path, log, "extra.department.")
    reject_unknown(f, DEPARTMENT_FIELDS)
    values = {spec.name: read(f, spec) for spec in DEPARTMENT_FIELDS}
    values["short_name"] = values["short_name"] or values["name"]
    values["feedback_portal"] = values["feedback_portal"] or PAKN_PORTAL
    values["reuse_notice"] = (values["reuse_notice"]
                              or f'Ghi rõ nguồn "{values["name"]}" khi phát hành lại thông tin từ trang này.')
    values["real_data"] = bool(values["real_data"])
    values["share_image_line"] = data.line_of("share_image") if values["share_image"] else None
    return None if len(log.errors) > errors_before else Department(**values)


def _load_categories(news: Fields, log: ErrorLog) -> tuple[Category, ...]:
    categories: dict[str, Category] = {}
    for prefix, item, line in news.records("categories", "danh sách chuyên mục"):
        if isinstance(item, str):
            item = MarkedDict(name=item)
            item.line, item.key_lines = line, {}
        f = news.item(item, prefix)
        reject_unknown(f, CATEGORY_FIELDS)
        name = read(f, CATEGORY_FIELDS[0])
        if name is None:
            continue
        slug = slugify(read(f, CATEGORY_FIELDS[1]) or name)
        if slug in categories:
            f.error("name", f'chuyên mục "{name}" trùng đường dẫn "{slug}" với "{categories[slug].name}"; '
                            "đổi tên hoặc đặt slug khác (duplicate category)")
            continue
        categories[slug] = Category(slug, name, read(f, CATEGORY_FIELDS[2]))
    if not news.data.get("categories"):
        news.error("categories", 'cần ít nhất một chuyên mục tin, ví dụ "- name: Hoạt động CCHC" '
                                 "(at least one news category is required)")
    return tuple(categories.values())
