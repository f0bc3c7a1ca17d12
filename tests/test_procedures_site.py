"""The procedure catalogue as readers and re-users see it: pages, open data, feeds, print and JSON-LD."""

import csv
import io
import json
import tempfile
from dataclasses import replace
from datetime import date

import jsonschema
import pytest
import yaml
from conftest import REPO, Site
from procedure_helpers import procedure_data, with_catalogue_menu, write_procedure

from cchc.core.errors import ErrorLog
from cchc.core.reading import SourceFile
from cchc.core.text import fold_diacritics
from cchc.kinds.procedures.load import load_procedures
from cchc.kinds.procedures.opendata import procedure_from_dict, schema_bytes
from cchc.kinds.procedures.pages import search_text

CATALOGUE = "thu-tuc-hanh-chinh/"


@pytest.fixture(scope="module")
def catalogue_site(tmp_path_factory) -> Site:
    """Built once for the module: its tests only read it."""
    site = with_catalogue_menu(Site(tmp_path_factory.mktemp("catalogue")))
    write_procedure(site, "cap-ban-sao")
    write_procedure(site, "thanh-lap-trung-tam", code="1.000001", name="Thành lập trung tâm ngoại ngữ, tin học",
                    field="BGD-GD15", levels=["tinh"], online_level="mot_phan", time_limit=14, fees=None,
                    history=[{"date": "2020-03-05", "document": "Thông báo 371/TB-SGDĐT",
                              "change": "Rút ngắn thời hạn từ 15 xuống 14 ngày làm việc"},
                             {"date": "2021-06-01", "change": "Bổ sung nộp hồ sơ trực tuyến"}])
    write_procedure(site, "chuyen-truong", code=None, local_symbol=None, name="Chuyển trường đối với học sinh THPT",
                    field="G03-GD10", online_level="none", portal_url=None, time_limit="Ngay trong ngày",
                    history=None, published_by={"number": "12/QĐ-UBND", "date": "2019-01-02"})
    write_procedure(site, "day-them", code="1.000002", name="Cấp giấy phép dạy thêm", field="G03-GD10",
                    status="abolished", abolished_on="2023-02-14", history=None)
    site.build_ok()
    return site


def test_folding_matches_queries_typed_without_diacritics():
    assert fold_diacritics("Cấp bản sao").lower() == "cap ban sao"
    assert fold_diacritics("ĐĂNG KÝ dự thi").lower() == "dang ky du thi"
    procedure = load_one(procedure_data(name="Thành lập  trung tâm ngoại ngữ, tin học", code="1.005074"))
    assert search_text(procedure) == ("thanh lap trung tam ngoai ngu, tin hoc 1.005074 1.006388.000.00.00.h99 "
                                      "van bang, chung chi")


def test_catalogue_groups_procedures_in_force_by_field_in_national_order(catalogue_site):
    page = catalogue_site.html(CATALOGUE)
    groups = [(g["data-field"], [a.get_text() for a in g.select(".cchc-tthc__name")])
              for g in page.select(".cchc-tthc-group")]
    assert groups == [
        ("g03-gd10", ["Chuyển trường đối với học sinh THPT"]),
        ("g03-gd14", ["Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"]),
        ("bgd-gd15", ["Thành lập trung tâm ngoại ngữ, tin học"]),
    ]
    assert [a.get_text() for a in page.select(".cchc-tthc-abolished a")] == ["Cấp giấy phép dạy thêm"]
    assert "bãi bỏ từ 14/02/2023" in page.select_one(".cchc-tthc-abolished").get_text()


def test_catalogue_row_shows_name_code_time_fee_and_online_badge(catalogue_site):
    row = catalogue_site.html(CATALOGUE).select_one('.cchc-tthc[data-field="g03-gd14"]')
    facts = {dt.get_text(): dd.get_text(" ", strip=True) for dt, dd in zip(row.select("dt"), row.select("dd"))}
    assert facts == {"Mã": "1.006388", "Thời hạn": "14 ngày làm việc", "Phí, lệ phí": "10.000 đồng/bản",
                     "Cấp": "Cấp tỉnh, Cấp huyện", "DVCTT": "Toàn trình"}
    assert row.select_one(".cchc-online")["class"] == ["cchc-online", "cchc-online--toan_trinh"]
    assert row["data-search"] == "cap ban sao van bang, chung chi tu so goc 1.006388 1.006388.000.00.00.h99 van bang, chung chi"
    assert row["data-levels"] == "tinh huyen" and row["data-online"] == "toan_trinh"
    assert row.a["href"] == "cap-ban-sao/"


def test_catalogue_works_without_javascript(catalogue_site):
    page = catalogue_site.html(CATALOGUE)
    form = page.select_one("form.cchc-tthc-filter")
    assert form.has_attr("data-cchc-needs-js")  # not shown without script (see the browser test of pages without it)
    assert form.select_one("[data-cchc-count]").get_text() == "Hiển thị 3/3 thủ tục"  # as the script writes it
    assert not any(row.has_attr("hidden") for row in page.select(".cchc-tthc"))
    assert page.select_one('script[src$="assets/javascripts/thu-tuc.js"]') is not None
    assert (catalogue_site.site_dir / "assets/javascripts/thu-tuc.js").exists()
    menu = [a.get_text(strip=True) for a in page.select(".md-nav--primary .md-nav__link")]
    assert "Thủ tục hành chính" in menu


def test_field_page_lists_only_its_field(catalogue_site):
    page = catalogue_site.html(CATALOGUE + "linh-vuc/g03-gd10/")
    assert page.h1.get_text() == "Lĩnh vực Giáo dục trung học"
    assert [a.get_text() for a in page.select(".cchc-tthc__name")] == ["Chuyển trường đối với học sinh THPT"]


def test_procedure_files_are_not_published_as_they_are(catalogue_site):
    assert list((catalogue_site.site_dir / "thu-tuc-hanh-chinh").glob("*.yaml")) == []


def test_detail_page_follows_the_legal_order_and_lettering(catalogue_site):
    page = catalogue_site.html(CATALOGUE + "cap-ban-sao/")
    headings = [h.get_text() for h in page.select(".cchc-procedure h2")]
    assert headings == [
        "a) Trình tự thực hiện", "b) Cách thức thực hiện", "c) Thành phần, số lượng hồ sơ", "d) Thời hạn giải quyết",
        "đ) Đối tượng thực hiện thủ tục hành chính", "e) Cơ quan thực hiện thủ tục hành chính",
        "g) Kết quả thực hiện thủ tục hành chính", "h) Phí, lệ phí", "i) Tên mẫu đơn, mẫu tờ khai",
        "k) Yêu cầu, điều kiện thực hiện thủ tục hành chính", "l) Căn cứ pháp lý của thủ tục hành chính",
        "Lịch sử thay đổi", "Tiếp nhận phản ánh, kiến nghị về quy định hành chính"]
    channels = [[td.get_text() for td in tr.select("td")] for tr in page.select(".cchc-channels tbody tr")]
    assert channels == [
        ["Trực tiếp", "14 ngày làm việc (kể từ ngày nhận đủ hồ sơ hợp lệ)", "10.000 đồng/bản", "Giờ hành chính"],
        ["Trực tuyến", "3 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Miễn phí khi nộp trực tuyến", ""],
        ["Dịch vụ bưu chính", "5 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (tính cả thời gian chuyển phát)",
         "10.000 đồng/bản", ""]]
    assert [li.get_text(" ", strip=True) for li in page.select(".cchc-steps li")] == [
        "Bước 1: Nộp hồ sơ Tại Bộ phận một cửa.", "Bước 2: Nhận kết quả"]
    history = [li.get_text() for li in page.select(".cchc-history li")]
    assert history == ["05/11/2018: công bố tại 2922/QĐ-UBND.",
                       "05/03/2020: Rút ngắn thời hạn từ 15 xuống 14 ngày làm việc (Thông báo 371/TB-SGDĐT)."]
    assert page.select_one(".cchc-example") is not None  # example data is said to be so


def test_detail_page_has_government_service_json_ld(catalogue_site):
    page = catalogue_site.html(CATALOGUE + "cap-ban-sao/")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "GovernmentService" and data["@context"] == "https://schema.org"
    assert data["identifier"] == "1.006388" and data["name"] == "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"
    assert data["url"] == "https://cchc.example.gov.vn/thu-tuc-hanh-chinh/cap-ban-sao/"
    assert [c["name"] for c in data["availableChannel"]] == ["Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"]
    assert data["availableChannel"][1]["serviceUrl"] == "https://dichvucong.example.gov.vn/thu-tuc/1.006388"


def test_print_stylesheet_puts_the_procedure_on_a4_without_navigation(catalogue_site):
    page = catalogue_site.html(CATALOGUE + "cap-ban-sao/")
    link = page.select_one('link[rel="stylesheet"][media="print"]')
    assert link["href"].endswith("assets/stylesheets/cchc-print.css")
    css = (catalogue_site.site_dir / "assets/stylesheets/cchc-print.css").read_text(encoding="utf-8")
    assert "size: A4" in css
    hidden = css.split("{ display: none !important; }")[0]
    for navigation in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".cchc-tthc-filter"):
        assert navigation in hidden
    assert ".cchc-print-header { display: block !important;" in css
    header = page.select_one(".cchc-print-header").get_text(" ", strip=True)
    assert "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm" in header
    footer = page.select_one(".cchc-print-footer").get_text(" ", strip=True)
    assert "0299.3000003" in footer and "Cập nhật ngày 05/03/2020" in footer


def test_json_validates_against_its_published_schema_and_round_trips_every_field(catalogue_site):
    data = json.loads((catalogue_site.site_dir / "thu-tuc-hanh-chinh/thu-tuc.json").read_text(encoding="utf-8"))
    schema = json.loads((catalogue_site.site_dir / "thu-tuc-hanh-chinh/thu-tuc.schema.json").read_text("utf-8"))
    assert schema == json.loads(schema_bytes())  # made from the procedure declaration
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["$schema"] == "https://cchc.example.gov.vn/thu-tuc-hanh-chinh/thu-tuc.schema.json"
    assert data["count"] == 4 == len(data["procedures"])
    by_slug = {p["slug"]: p for p in data["procedures"]}
    loaded = load_one(procedure_data(), "cap-ban-sao")
    assert procedure_from_dict(by_slug["cap-ban-sao"]) == replace(loaded, src_uri="")
    record = by_slug["cap-ban-sao"]
    assert record["time_limit"] == {"days": 14, "unit": "working_days", "text": None,
                                    "note": "kể từ ngày nhận đủ hồ sơ hợp lệ", "from_complete_dossier": True}
    assert record["legal_bases"][0]["date"] == "2019-11-29" and record["levels"] == ["tinh", "huyen"]
    assert by_slug["chuyen-truong"]["time_limit"]["text"] == "Ngay trong ngày"
    assert by_slug["day-them"]["abolished_on"] == "2023-02-14"


def test_schema_rejects_what_the_loader_rejects():
    schema = json.loads(schema_bytes())
    validator = jsonschema.Draft202012Validator(schema["$defs"]["procedure"] | {"$defs": schema["$defs"]})
    assert list(validator.iter_errors({}))  # required fields
    bad_code = {"code": "1.00638"}
    assert any(e.path and e.path[0] == "code" for e in validator.iter_errors(bad_code))


def test_csv_has_a_bom_and_one_row_per_procedure(catalogue_site):
    raw = (catalogue_site.site_dir / "thu-tuc-hanh-chinh/thu-tuc.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 4
    row = next(r for r in rows if r["code"] == "1.006388")
    assert row["name"] == "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc" and row["field_code"] == "G03-GD14"
    assert row["steps"] == "Bước 1: Nộp hồ sơ – Tại Bộ phận một cửa.\nBước 2: Nhận kết quả"
    assert row["history"] == "2020-03-05: Rút ngắn thời hạn từ 15 xuống 14 ngày làm việc (Thông báo 371/TB-SGDĐT)"


def test_feeds_announce_new_changed_and_abolished_procedures_newest_first(catalogue_site):
    for name in ("rss.xml", "atom.xml"):
        feed = catalogue_site.feed(CATALOGUE + name)
        assert feed.bozo == 0, feed.get("bozo_exception")
    feed = catalogue_site.feed(CATALOGUE + "rss.xml")
    assert [e.title for e in feed.entries] == [
        "Bãi bỏ: Cấp giấy phép dạy thêm",
        "Sửa đổi: Thành lập trung tâm ngoại ngữ, tin học",
        "Sửa đổi: Thành lập trung tâm ngoại ngữ, tin học",
        "Sửa đổi: Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
        "Công bố: Chuyển trường đối với học sinh THPT",
        "Công bố: Thành lập trung tâm ngoại ngữ, tin học",  # same day: by key, descending
        "Công bố: Cấp giấy phép dạy thêm",
        "Công bố: Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
    ]
    assert feed.entries[1].published == "Tue, 01 Jun 2021 00:00:00 +0700"
    assert feed.entries[1].link == "https://cchc.example.gov.vn/thu-tuc-hanh-chinh/thanh-lap-trung-tam/"
    assert feed.feed.updated == "Tue, 14 Feb 2023 00:00:00 +0700"
    page = catalogue_site.html(CATALOGUE)
    hrefs = [link["href"] for link in page.select('link[rel="alternate"]')]
    assert "atom.xml" in hrefs  # relative to the catalogue: thu-tuc-hanh-chinh/atom.xml


def test_future_abolition_is_not_announced_yet(site):
    write_procedure(site, "sap-bo", status="abolished", abolished_on="2030-01-01")
    site.build_ok()
    assert not [e for e in site.feed(CATALOGUE + "rss.xml").entries if e.title.startswith("Bãi bỏ")]


def test_empty_catalogue_still_builds(site):
    with_catalogue_menu(site).build_ok()
    assert "Chưa có thủ tục hành chính nào." in site.html(CATALOGUE).get_text()
    assert json.loads((site.site_dir / "thu-tuc-hanh-chinh/thu-tuc.json").read_text("utf-8"))["procedures"] == []


def load_one(data: dict, slug: str = "thu-tuc"):
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/{slug}.yaml"
        with open(path, "w", encoding="utf-8") as stream:
            yaml.safe_dump(data, stream, allow_unicode=True, sort_keys=False)
        log = ErrorLog()
        [procedure] = load_procedures([SourceFile(f"thu-tuc-hanh-chinh/{slug}.yaml", path, "x.yaml")],
                                      date(2023, 11, 15), log)
    assert log.errors == []
    return procedure


def test_guide_example_procedure_is_valid():
    guide = (REPO / "docs" / "bien-tap" / "thu-tuc-hanh-chinh.md").read_text(encoding="utf-8")
    example = yaml.safe_load(guide.split("```yaml\n", 1)[1].split("```", 1)[0])
    procedure = load_one(example, "chinh-sua")
    assert procedure.applicants == ("Người được cấp văn bằng, chứng chỉ",)
    assert str(procedure.time_limit) == "5 ngày làm việc" and procedure.history[0].document == "Thông báo 371/TB-SGDĐT"
