"""The news section as a reader sees it: URLs, listings, article pages, drafts and future posts."""

import json

from conftest import image_bytes
from test_cli import cchc


def test_article_url_comes_from_file_name_without_date_prefix(site):
    site.article("2022-02-24-hoi-nghi-cchc", title="Hội nghị CCHC")
    site.build_ok()
    page = site.html("tin-tuc/hoi-nghi-cchc/")
    assert page.h1.get_text(strip=True) == "Hội nghị CCHC"


def test_explicit_slug_folds_vietnamese(site):
    site.article("bai-1", title="Đường dây nóng", slug="Đường dây nóng")
    site.build_ok()
    assert (site.site_dir / "tin-tuc/duong-day-nong/index.html").exists()


def test_article_page_shows_date_category_source_attachments_and_tags(site):
    site.write("content/tin-tuc/tep/ke-hoach.pdf", b"%PDF-1.4\n" + b"x" * 2039)
    site.article("ke-hoach", title="Kế hoạch 290", date="2022-02-24 17:05", source="Tin, ảnh: Thanh Bình",
                 tags=["kế hoạch", "tuyên truyền"],
                 attachments=[{"file": "tep/ke-hoach.pdf", "title": "Kế hoạch số 290/KH-SGDĐT"}])
    site.build_ok()
    page = site.html("tin-tuc/ke-hoach/")
    meta = page.select_one(".cchc-meta").get_text(" ", strip=True)
    assert "24/02/2022 17:05" in meta and "Hoạt động CCHC" in meta
    assert page.select_one("time")["datetime"] == "2022-02-24T17:05:00+07:00"
    assert page.select_one(".cchc-source").get_text(strip=True) == "Tin, ảnh: Thanh Bình"
    attachments = page.select_one(".cchc-attachments")
    assert attachments.h2.get_text() == "Tập tin đính kèm"
    link = attachments.a
    assert link.get_text() == "Kế hoạch số 290/KH-SGDĐT"
    assert link["href"] == "../tep/ke-hoach.pdf"
    assert attachments.select_one(".cchc-file-info").get_text() == "(ke-hoach.pdf, PDF, 2,0 KB)"
    assert [t.get_text() for t in page.select(".cchc-tag")] == ["kế hoạch", "tuyên truyền"]
    assert (site.site_dir / "tin-tuc/tep/ke-hoach.pdf").exists()


def test_an_attachment_written_on_one_line_is_shown_and_warned_about_for_the_browser_form(site):
    site.write("content/tin-tuc/tep/ke-hoach.pdf", b"%PDF-1.4\n")
    path = site.article("ke-hoach", attachments=["tep/ke-hoach.pdf"])
    line = path.read_text("utf-8").splitlines().index("- tep/ke-hoach.pdf") + 1
    site.write_config()
    reports = json.loads(cchc(site, "check", "--format", "json").stdout)
    assert [(r["severity"], r["path"], r["line"], r["field"], r["message"]) for r in reports] == [
        ("warning", "content/tin-tuc/ke-hoach.md", line, "attachments[1]",
         'mục viết gọn một dòng; viết "- file: tep/ke-hoach.pdf" để mở được tệp trong trang soạn bài trên trình '
         "duyệt (/quan-tri/) (short item)")]
    site.build_ok()
    assert site.html("tin-tuc/ke-hoach/").select_one(".cchc-attachments a")["href"] == "../tep/ke-hoach.pdf"


def test_cover_image_has_alt_text_and_resolves(site):
    site.write("content/tin-tuc/anh/hoi-nghi.png", image_bytes(800, 600))
    site.article("co-anh", image="anh/hoi-nghi.png", image_alt="Toàn cảnh hội nghị", image_caption="Ảnh: Văn phòng")
    site.build_ok()
    img = site.html("tin-tuc/co-anh/").select_one(".cchc-cover picture img")
    assert img["alt"] == "Toàn cảnh hội nghị"
    assert img["src"] == "../anh/hoi-nghi.png"
    assert (img["width"], img["height"]) == ("800", "600")


def test_listing_is_newest_first_and_paginated(site):
    site.config["extra"]["news"]["per_page"] = 2
    for day in range(1, 6):
        site.article(f"tin-{day}", title=f"Tin ngày {day}", date=f"2022-03-0{day} 08:00")
    site.build_ok()
    first = site.html("tin-tuc/")
    assert [a.get_text() for a in first.select(".cchc-card__title a")] == ["Tin ngày 5", "Tin ngày 4"]
    assert first.select_one('.cchc-pager a[rel="next"]')["href"] == "trang-2/"
    third = site.html("tin-tuc/trang-3/")
    assert [a.get_text() for a in third.select(".cchc-card__title a")] == ["Tin ngày 1"]
    assert third.select_one(".cchc-pager span").get_text() == "Trang 3/3"
    assert not (site.site_dir / "tin-tuc/trang-4").exists()


def test_category_and_year_pages(site):
    site.article("a", title="Tin thủ tục", category="Thủ tục hành chính", date="2021-05-01")
    site.article("b", title="Tin hoạt động", date="2022-05-01")
    site.build_ok()
    category = site.html("tin-tuc/chuyen-muc/thu-tuc-hanh-chinh/")
    assert [a.get_text() for a in category.select(".cchc-card__title a")] == ["Tin thủ tục"]
    year = site.html("tin-tuc/2022/")
    assert year.h1.get_text() == "Tin tức năm 2022"
    assert [a.get_text() for a in year.select(".cchc-card__title a")] == ["Tin hoạt động"]
    assert "Thủ tục hành chính" in site.html("tin-tuc/chuyen-muc/").get_text()


def test_newer_older_and_related_by_tag(site):
    site.article("cu", title="Cũ", date="2022-01-01", tags=["một cửa"])
    site.article("giua", title="Giữa", date="2022-02-01", tags=["một cửa", "dịch vụ công"])
    site.article("moi", title="Mới", date="2022-03-01", tags=["khác"])
    site.build_ok()
    page = site.html("tin-tuc/giua/")
    assert page.select_one('.cchc-neighbours a[rel="prev"]')["href"] == "../moi/"
    assert page.select_one('.cchc-neighbours a[rel="next"]')["href"] == "../cu/"
    assert [a.get_text() for a in page.select(".cchc-related a")] == ["Cũ"]


def test_drafts_and_future_posts_are_absent_everywhere(site):
    site.article("cong-khai", title="Tin công khai", date="2023-01-01")
    site.article("ban-nhap", title="Tin nháp bí mật", date="2023-01-02", draft=True)
    site.article("tuong-lai", title="Tin tương lai bí mật", date="2030-01-01")  # after the fixed build date
    site.build_ok()
    assert not (site.site_dir / "tin-tuc/ban-nhap").exists()
    assert not (site.site_dir / "tin-tuc/tuong-lai").exists()
    everything = "\n".join(p.read_text(encoding="utf-8", errors="ignore")
                           for p in site.site_dir.rglob("*") if p.is_file() and p.suffix in {".html", ".xml", ".json"})
    assert "Tin công khai" in everything
    assert "bí mật" not in everything
    assert "ban-nhap" not in everything and "tuong-lai" not in everything


def test_future_post_appears_once_its_date_has_come(site):
    site.article("sap-dang", title="Sắp đăng", date="2030-01-01")
    site.build_ok(epoch="1893456000")  # 2030-01-01 00:00 UTC = 07:00 in Vietnam
    assert (site.site_dir / "tin-tuc/sap-dang/index.html").exists()


def test_text_is_normalized_to_nfc(site):
    decomposed_title = "Ho\u0309i đa\u0301p"  # "Hỏi đáp" as macOS writes it
    site.article("nfd", title=decomposed_title, body="Thu\u0309 tu\u0323c\n")
    site.build_ok()
    html = (site.site_dir / "tin-tuc/nfd/index.html").read_text(encoding="utf-8")
    assert "Hỏi đáp" in html and "Thủ tục" in html
    assert "\u0309" not in html and "\u0323" not in html


def test_material_ui_is_vietnamese(site):
    site.article("a")
    site.build_ok()
    page = site.html("tin-tuc/a/")
    assert page.html["lang"] == "vi"
    box = page.select_one('form[role="search"] input[name="q"]')
    assert box["placeholder"] == "Tìm kiếm"
    assert page.select_one(f'label[for="{box["id"]}"]').get_text().startswith("Tìm kiếm trên trang")


def test_footer_shows_the_department(site):
    site.build_ok()
    footer = site.html("/").select_one("footer.cchc-footer")
    text = footer.get_text(" ", strip=True)
    for value in ("Ủy ban nhân dân tỉnh Thử Nghiệm", "Số 1 Đường Thử, phường 1", "0299.3000002",
                  "vanphong@example.edu.vn", "Số điện thoại tiếp nhận phản ánh, kiến nghị về quy định hành chính",
                  "0299.3000003", "Cổng Dịch vụ công quốc gia", "Cổng Dịch vụ công tỉnh"):
        assert value in text
    assert footer.select_one('a[href="tel:02993000003"]')
    assert footer.select_one('a[href="https://dichvucong.gov.vn/"]')


def test_home_page_lists_latest_news(site):
    site.article("moi-nhat", title="Tin mới nhất", date="2023-01-01")
    site.build_ok()
    home = site.html("/")
    assert home.select_one(".cchc-home-news h3 a").get_text() == "Tin mới nhất"


def test_articles_stay_out_of_the_navigation(site):
    site.article("a", title="Không nằm trong menu")
    site.build_ok()
    nav = site.html("/").select_one("nav.md-nav--primary")
    assert "Không nằm trong menu" not in nav.get_text()


def test_editor_text_is_escaped_in_templates(site):
    site.article("html", title="Tin <b>đậm</b>", summary='Tóm tắt <script>alert("x")</script>')
    site.build_ok()
    html = (site.site_dir / "tin-tuc/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_phone_numbers_written_without_quotes_keep_their_leading_zero(site):
    config = site.root / "mkdocs.yml"
    site.write_config()
    text = config.read_text(encoding="utf-8").replace("'0299.3000001'", "0299.3000001")
    assert "phone: 0299.3000001\n" in text  # YAML alone would read this as the number 299.3000001
    site.write_config(text)
    site.build_ok()
    footer = site.html("/").select_one("footer.cchc-footer")
    assert footer.select_one('a[href="tel:02993000001"]').get_text() == "0299.3000001"
