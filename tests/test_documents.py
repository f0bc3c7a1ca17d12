"""Guiding documents: validation, the list and its filters, a page per document, the feed, plans as documents."""

import pytest
import yaml
from conftest import Site


def document(site: Site, name: str, **fields) -> None:
    data = {"number": "993/SGDĐT-TCCB", "type": "CV", "date": "2020-06-05",
            "issuer": "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm",
            "summary": "Tăng cường thực hiện nhiệm vụ cải cách hành chính năm 2020"}
    data.update(fields)
    data = {k: v for k, v in data.items() if v is not None}
    site.write(f"content/van-ban/{name}.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))



@pytest.mark.parametrize("number", ["290/KH-SGDĐT", "993/SGDĐT-TCCB", "2922/QĐ-UBND", "63/2010/NĐ-CP"])
def test_valid_number_symbols(site, number):
    kind = {"290/KH-SGDĐT": "KH", "993/SGDĐT-TCCB": "CV", "2922/QĐ-UBND": "QĐ", "63/2010/NĐ-CP": "NĐ"}[number]
    document(site, "van-ban", number=number, type=kind)
    site.build_ok()


def test_malformed_number_symbol(site):
    document(site, "sai-so", number="KH 290 SGDĐT", type="KH")
    assert site.build_failed() == [
        'content/van-ban/sai-so.yaml:1: number: số, ký hiệu "KH 290 SGDĐT" không đúng dạng; ví dụ "290/KH-SGDĐT", '
        '"993/SGDĐT-TCCB", "63/2010/NĐ-CP" (invalid number-symbol)'
    ]


def test_type_must_match_the_symbol(site):
    document(site, "sai-loai", number="290/KH-SGDĐT", type="QĐ")
    assert site.build_failed() == [
        'content/van-ban/sai-loai.yaml:2: type: loại "QĐ" không khớp với ký hiệu "290/KH-SGDĐT" (ký hiệu cho thấy '
        'loại "KH"); sửa loại hoặc số, ký hiệu (type and number disagree)'
    ]


def test_unknown_type_and_status(site):
    document(site, "la", type="XYZ", status="dang_xet")
    lines = site.build_failed()
    assert lines[0].startswith('content/van-ban/la.yaml:2: type: loại "XYZ" không có trong danh sách; chọn một trong: NQ, QĐ,')
    assert lines[1] == ('content/van-ban/la.yaml:6: status: tình trạng "dang_xet" không hợp lệ; chọn con_hieu_luc, '
                        "het_hieu_luc hoặc bi_thay_the (unknown status)")


def test_replaced_document_needs_an_existing_replacement(site):
    document(site, "cu", number="76/KH-SGDĐT", type="KH", status="bi_thay_the")
    document(site, "cu2", number="77/KH-SGDĐT", type="KH", status="bi_thay_the", replaced_by="999/KH-SGDĐT")
    assert site.build_failed() == [
        'content/van-ban/cu.yaml:1: replaced_by: văn bản "bi_thay_the" cần ghi số ký hiệu văn bản thay thế ở '
        '"replaced_by:" (replacement missing)',
        'content/van-ban/cu2.yaml: replaced_by: không có văn bản "999/KH-SGDĐT" trong content/van-ban/; thêm văn bản '
        "thay thế hoặc sửa số, ký hiệu (unknown replacement)",
    ]


def test_a_plan_typed_again_as_a_document_is_a_duplicate(site):
    site.plan(2022)
    document(site, "290", number="290/KH-SGDĐT", type="KH")
    assert site.build_failed() == [
        'content/van-ban/290.yaml:1: number: văn bản "290/KH-SGDĐT" đã có ở plans/2022.yaml:2; mỗi văn bản chỉ ghi '
        "một lần (kế hoạch tuyên truyền trong plans/ tự có trong danh sách văn bản) (duplicate document)"
    ]


def test_a_number_written_twice_names_both_lines(site):
    document(site, "a", number="993/SGDĐT-TCCB")
    site.write("content/van-ban/b.yaml", "# Chép lại từ a.yaml\ntype: CV\ndate: 2020-06-05\nnumber: 993/sgdđt-tccb\n"
                                         "issuer: Sở GDĐT\nsummary: Bản chép\n")
    assert site.build_failed() == [
        'content/van-ban/b.yaml:4: number: văn bản "993/sgdđt-tccb" đã có ở content/van-ban/a.yaml:1; mỗi văn bản chỉ '
        "ghi một lần (kế hoạch tuyên truyền trong plans/ tự có trong danh sách văn bản) (duplicate document)"
    ]


def test_missing_file(site):
    document(site, "thieu", file="tep/khong-co.pdf")
    assert site.build_failed() == [
        'content/van-ban/thieu.yaml:6: file: không tìm thấy tập tin "tep/khong-co.pdf" (tìm ở '
        "content/van-ban/tep/khong-co.pdf); kiểm tra tên tệp và thư mục (file not found)"
    ]


@pytest.fixture(scope="module")
def documents_site(tmp_path_factory) -> Site:
    """Built once for the module: its tests only read it."""
    site = Site(tmp_path_factory.mktemp("documents"))
    site.plan(2022)
    site.write("content/van-ban/tep/371.pdf", b"%PDF-1.4\n" + b"0" * 3000)
    document(site, "371", number="371/TB-SGDĐT", type="TB", date="2020-03-05", file="tep/371.pdf",
             summary="Rút ngắn thời gian giải quyết thủ tục hành chính")
    document(site, "76", number="76/KH-SGDĐT", type="KH", date="2020-01-14", summary="Thực hiện CCHC năm 2020",
             status="bi_thay_the", replaced_by="77/KH-SGDĐT", signer="Nguyễn Văn A")
    document(site, "77", number="77/KH-SGDĐT", type="KH", date="2020-02-01", summary="Thực hiện CCHC năm 2020 (thay thế)",
             effective="2030-01-01")
    site.build_ok()
    return site


def test_list_is_newest_first_and_includes_the_plans(documents_site):
    rows = documents_site.html("van-ban/").select("tbody tr")
    assert [r.th.get_text(strip=True) for r in rows] == ["290/KH-SGDĐT", "371/TB-SGDĐT", "77/KH-SGDĐT", "76/KH-SGDĐT"]
    assert [r.select("td")[3].get_text(strip=True) for r in rows] == [
        "Còn hiệu lực", "Còn hiệu lực", "Chưa có hiệu lực", "Bị thay thế"]


def test_filters_by_year_and_type(documents_site):
    year = documents_site.html("van-ban/2020/").select("tbody th")
    assert [th.get_text(strip=True) for th in year] == ["371/TB-SGDĐT", "77/KH-SGDĐT", "76/KH-SGDĐT"]
    plans = documents_site.html("van-ban/loai/kh/").select("tbody th")
    assert [th.get_text(strip=True) for th in plans] == ["290/KH-SGDĐT", "77/KH-SGDĐT", "76/KH-SGDĐT"]
    assert documents_site.html("van-ban/loai/kh/").h1.get_text() == "Kế hoạch"


def test_document_page_links_replacement_file_and_plan(documents_site):
    old = documents_site.html("van-ban/76-kh-sgddt/")
    assert old.h1.get_text() == "Kế hoạch số 76/KH-SGDĐT"
    fields = old.select_one("dl").get_text(" ", strip=True)
    assert "14/01/2020" in fields and "Nguyễn Văn A" in fields
    assert old.select_one('a[href="../77-kh-sgddt/"]').get_text() == "Kế hoạch số 77/KH-SGDĐT"
    notice = documents_site.html("van-ban/371-tb-sgddt/")
    assert notice.select_one(".cchc-attachments a")["href"] == "../tep/371.pdf"
    assert notice.select_one(".cchc-file-info").get_text() == "(2,9 KB)"
    plan = documents_site.html("van-ban/290-kh-sgddt/")
    assert plan.select_one('a[href="../../ke-hoach/2022/"]')
    assert not (documents_site.site_dir / "van-ban/371.yaml").exists()


def test_documents_feed(documents_site):
    feed = documents_site.feed("van-ban/rss.xml")
    assert feed.bozo == 0
    assert [e.link for e in feed.entries][:2] == ["https://cchc.example.gov.vn/van-ban/290-kh-sgddt/",
                                                  "https://cchc.example.gov.vn/van-ban/371-tb-sgddt/"]
    assert feed.entries[1].title == "Thông báo số 371/TB-SGDĐT: Rút ngắn thời gian giải quyết thủ tục hành chính"
    assert feed.entries[1].published == "Thu, 05 Mar 2020 00:00:00 +0700"
