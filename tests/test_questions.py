"""Hỏi – đáp: questions from the public are shown as text, never markup; personal data is refused."""

import json

import pytest
import yaml
from conftest import Site
from procedure_helpers import write_procedure

HOSTILE_QUESTIONS = [
    '<script>alert("xss")</script>Xin hỏi thủ tục?',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">bấm vào đây</a>',
    "[bấm vào đây](javascript:alert(1)) và ![ảnh](javascript:alert(2))",
    "<b>đậm</b> <iframe src=\"https://evil.example\"></iframe>",
    '<div onclick="steal()">Hỏi</div><style>body{display:none}</style>',
    "**Markdown** _không_ được hiểu\n# Không phải tiêu đề\n<!-- chú thích -->",
    "</script><script>alert(3)</script>",
    '"><svg onload=alert(4)>',
]


def question(site: Site, name: str, body: str = "Câu trả lời của Sở.\n", **fields) -> None:
    data = {"title": "Câu hỏi về bản sao văn bằng", "question": "Tôi xin bản sao ở đâu?", "asker": "Trần Thị H.",
            "locality": "phường 2", "asked": "2022-03-14", "channel": "website", "answered_by": "Văn phòng Sở",
            "answered": "2022-03-16"}
    data.update(fields)
    data = {k: v for k, v in data.items() if v is not None}
    header = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    site.write(f"content/hoi-dap/{name}.md", f"---\n{header}---\n\n{body}")



@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Site:
    """One build holding every hostile question (one build instead of one per question)."""
    site = Site(tmp_path_factory.mktemp("hostile"))
    for n, hostile in enumerate(HOSTILE_QUESTIONS):
        question(site, f"tan-cong-{n}", question=hostile, asker=hostile[:40], title=f"Câu hỏi có ký tự lạ {n}",
                 answered=f"2022-04-{n + 1:02d}")
    site.build_ok()
    return site


@pytest.mark.parametrize("n", range(len(HOSTILE_QUESTIONS)))
def test_hostile_question_survives_only_as_text(hostile_site, n):
    hostile = HOSTILE_QUESTIONS[n]
    for url in (f"hoi-dap/tan-cong-{n}/", "hoi-dap/"):
        page = hostile_site.html(url)
        main = page.select_one("article")
        # No element or attribute from the question becomes markup anywhere in the page.
        for tag in ("script", "img", "iframe", "svg", "style", "b", "strong", "em", "h1"):
            for element in main.find_all(tag):
                assert "alert" not in str(element) and "evil" not in str(element) and "đậm" not in element.get_text()
        assert not page.select('[onerror], [onclick], [onload]')
        assert not [a for a in page.find_all("a") if a.get("href", "").lower().startswith("javascript:")]
        inline_scripts = [s.string or "" for s in page.find_all("script") if not s.get("src")]
        assert not any("alert" in s for s in inline_scripts if "@context" not in s)
    shown = hostile_site.html(f"hoi-dap/tan-cong-{n}/").select_one(".cchc-question__text").get_text()
    assert shown.replace("\n", "") == hostile.replace("\n", "")


def test_question_line_breaks_are_kept(site):
    question(site, "nhieu-dong", question="Dòng một\nDòng hai <b>x</b>\nDòng ba")
    site.build_ok()
    text = site.html("hoi-dap/nhieu-dong/").select_one(".cchc-question__text p")
    assert [br.name for br in text.find_all("br")] == ["br", "br"]
    assert "&lt;b&gt;x&lt;/b&gt;" in str(text)


def test_json_ld_cannot_be_broken_out_of(site):
    question(site, "json", question="</script><script>alert(1)</script>", title="Tiêu đề </script>")
    site.build_ok()
    page = site.html("hoi-dap/json/")
    blocks = page.select('script[type="application/ld+json"]')
    assert len(blocks) == 1
    data = json.loads(blocks[0].string)
    assert data["@type"] == "FAQPage"
    entity = data["mainEntity"][0]
    assert entity["text"] == "</script><script>alert(1)</script>"
    assert entity["acceptedAnswer"]["text"] == "Câu trả lời của Sở."
    assert "</script><script>" not in str(blocks[0])


def test_feeds_parse_whatever_the_question_contains(site):
    for n, hostile in enumerate(HOSTILE_QUESTIONS + ["Ký tự\x0bWord\x0c"]):
        question(site, f"q{n}", question=hostile, answered=f"2022-04-{n + 1:02d}")
    site.build_ok()
    for path in ("hoi-dap/rss.xml", "hoi-dap/atom.xml"):
        feed = site.feed(path)
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert len(feed.entries) == len(HOSTILE_QUESTIONS) + 1


def test_personal_data_fields_are_refused(site):
    question(site, "ca-nhan", phone="0912345678", email="a@b.vn")
    assert site.build_failed() == [
        "content/hoi-dap/ca-nhan.md:10: phone: không đăng số điện thoại, email, địa chỉ hay giấy tờ của người hỏi "
        '(dữ liệu cá nhân); xóa dòng này, chỉ giữ "asker" (tên) và "locality" (địa phương) (personal data refused)',
        "content/hoi-dap/ca-nhan.md:11: email: không đăng số điện thoại, email, địa chỉ hay giấy tờ của người hỏi "
        '(dữ liệu cá nhân); xóa dòng này, chỉ giữ "asker" (tên) và "locality" (địa phương) (personal data refused)',
    ]


def test_contact_data_inside_the_question_is_refused(site):
    question(site, "so-dien-thoai", question="Gọi cho tôi theo số 0912 345 678 nhé")
    assert site.build_failed() == [
        'content/hoi-dap/so-dien-thoai.md:3: question: câu hỏi chứa thông tin liên hệ cá nhân "0912 345 678"; xóa '
        'hoặc thay bằng "***" trước khi đăng (personal contact data in the question)'
    ]


def test_unknown_procedure_code_is_an_error(site):
    question(site, "ma-la", procedures=["9.999999"])
    assert site.build_failed() == [
        'content/hoi-dap/ma-la.md:10: procedures: không có thủ tục mã "9.999999" trong danh mục thủ tục; ghi mã '
        "thủ tục (ví dụ 1.005142) hoặc tên tệp thủ tục (unknown procedure code)"
    ]


def test_unknown_channel_and_field(site):
    question(site, "kenh", channel="zalo", field="G03-GD99")
    assert site.build_failed() == [
        'content/hoi-dap/kenh.md:7: channel: kênh "zalo" không có trong danh sách; chọn một trong: website, '
        "duong_day_nong, dan_hoi_giam_doc_tra_loi, cong_dvc, email (unknown channel)",
        'content/hoi-dap/kenh.md:10: field: mã lĩnh vực "G03-GD99" không có trong danh sách; dùng mã như G03-GD12 '
        "(Thi, tuyển sinh) hoặc G03-GD14 (Văn bằng, chứng chỉ) (unknown field code)",
    ]


def test_answer_without_date(site):
    question(site, "thieu-ngay", answered=None)
    assert site.build_failed() == [
        'content/hoi-dap/thieu-ngay.md:2: answered: đã có câu trả lời nhưng thiếu ngày trả lời; thêm dòng '
        '"answered: 2022-06-01" (answer date missing)'
    ]


def test_unanswered_questions_are_not_published(site):
    question(site, "chua-tra-loi", body="", answered=None, answered_by=None, title="Câu hỏi chưa trả lời")
    question(site, "da-tra-loi", title="Câu hỏi đã trả lời")
    site.build_ok()
    assert not (site.site_dir / "hoi-dap/chua-tra-loi").exists()
    everything = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in site.site_dir.rglob("*")
                         if p.suffix in {".html", ".xml", ".json"})
    assert "Câu hỏi chưa trả lời" not in everything and "Câu hỏi đã trả lời" in everything


def test_list_newest_first_field_filter_ask_box_and_procedure_link(site):
    write_procedure(site, "cap-ban-sao")
    question(site, "cu", title="Câu cũ", answered="2022-03-16", field="G03-GD14", procedures=["1.006388"])
    question(site, "moi", title="Câu mới", answered="2022-05-01", field="G03-GD12")
    site.build_ok()
    listing = site.html("hoi-dap/")
    assert [a.get_text() for a in listing.select(".cchc-card__title a")] == ["Câu mới", "Câu cũ"]
    field_page = site.html("hoi-dap/linh-vuc/g03-gd14/")
    assert [a.get_text() for a in field_page.select(".cchc-card__title a")] == ["Câu cũ"]
    ask = listing.select_one(".cchc-ask")
    assert ask.select_one('a[href^="tel:"]')["href"] == "tel:02993000003"
    mailto = ask.select_one('a[href^="mailto:"]')["href"]
    assert mailto.startswith("mailto:vanphong@example.edu.vn?subject=H%E1%BB%8Fi")
    assert ask.select_one('a[href^="https://dichvucong.gov.vn/p/phananhkiennghi/"]')
    procedure = site.html("thu-tuc-hanh-chinh/cap-ban-sao/")
    assert [a.get_text() for a in procedure.select(".cchc-procedure-questions a")] == ["Câu cũ"]
    related = site.html("hoi-dap/cu/").select_one('a[href="../../thu-tuc-hanh-chinh/cap-ban-sao/"]')
    assert related.get_text() == "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"
    data = json.loads(listing.select_one('script[type="application/ld+json"]').string)
    assert [q["name"] for q in data["mainEntity"]] == ["Câu mới", "Câu cũ"]


def test_an_answer_dated_after_the_build_waits_like_a_future_article(site):
    question(site, "sap-tra-loi", title="Trả lời hẹn ngày", answered="2030-01-01")
    site.build_ok()
    assert not (site.site_dir / "hoi-dap/sap-tra-loi").exists()
    assert "Trả lời hẹn ngày" not in (site.site_dir / "hoi-dap/rss.xml").read_text(encoding="utf-8")
