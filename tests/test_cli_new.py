"""``cchc new thu-tuc | hoi-dap | van-ban``: templates whose placeholders ``cchc check`` names until filled."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from conftest import REPO, Site, copy_example
from test_cli import CLEAN, cchc, cchc_in

from cchc.kinds.procedures.fields import FIELDS as PROCEDURE_FIELDS

PROCEDURE = "content/thu-tuc-hanh-chinh/cap-ban-sao-van-bang-chung-chi-tu-so-goc.yaml"
PLACEHOLDER = re.compile(r'"CẦN BỔ SUNG: ([^"]*)"')


def errors(result) -> list[str]:
    return [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]


def placeholder_error(path: str, line: int, field: str, text: str) -> str:
    return (f'{path}:{line}: {field}: chưa điền: "CẦN BỔ SUNG: {text}"; thay cả dòng chữ này bằng nội dung thật '
            "(xem docs/bien-tap/) (placeholder to fill)")


def fill(site: Site, rel: str, values: dict[str, str]) -> None:
    fill_file(site.root / rel, values)


def fill_file(path: Path, values: dict[str, str]) -> None:
    """Replace each quoted placeholder by the value an editor would type (keyed by the placeholder's hint)."""
    text = path.read_text(encoding="utf-8")
    text = PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)  # "…" of the header stays
    path.write_text(text.replace("  CẦN BỔ SUNG: câu hỏi nguyên văn của người dân",
                                 values.get("question", "")), encoding="utf-8")


def placeholders_in(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every placeholder in a file, in order: what check must name, line by line."""
    return [(number, match.group(1)) for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if not line.lstrip().startswith("#") for match in PLACEHOLDER.finditer(line)]


def test_new_procedure_has_every_component_and_check_names_each_placeholder(site):
    result = cchc(site, "new", "thu-tuc", "Cấp bản sao văn bằng,  chứng chỉ từ sổ gốc")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (f"Đã tạo {PROCEDURE} (thủ tục hành chính); thay mọi chữ \"CẦN BỔ SUNG\" rồi chạy "
                             '"cchc check" để xem còn thiếu gì.\n')
    path = site.root / PROCEDURE
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=https://cchc.example.gov.vn/schemas/"
                           "thu-tuc-hanh-chinh.schema.json\n"
                           '# Thủ tục hành chính, tạo bằng "cchc new thu-tuc" ngày 15/11/2023.\n')
    data = yaml.safe_load(text)
    required = [spec.name for spec in PROCEDURE_FIELDS if spec.required]
    assert [name for name in data if name in required] == required  # every mandatory part, in the law's order
    assert data["name"] == "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"
    assert data["agencies"]["handling"] == "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm"  # from mkdocs.yml

    check = cchc(site, "check")
    assert check.returncode == 1
    found = placeholders_in(path)
    assert len(found) == 11
    assert [error.split(": ", 2)[1] for error in errors(check)] == [
        "field", "applicants[1]", "steps[1].title", "channels[1].via", "documents[1].name", "time_limit", "result",
        "legal_bases[1].number", "legal_bases[1].title", "published_by.number", "published_by.date"]
    assert errors(check) == [placeholder_error(PROCEDURE, line, error.split(": ", 2)[1], hint)
                             for (line, hint), error in zip(found, errors(check))]

    fill(site, PROCEDURE, {hint: value for (_, hint), value in zip(found, (
        "G03-GD14", "Người được cấp văn bằng", "Nộp đơn tại Bộ phận một cửa", "in_person", "Đơn đề nghị cấp bản sao",
        "Ngay trong ngày", "Bản sao văn bằng", "21/2019/TT-BGDĐT", "Quy chế quản lý văn bằng", "2922/QĐ-UBND",
        "2018-11-05"))})
    assert cchc(site, "check").stdout == CLEAN.format(n=3)


def test_a_placeholder_hides_the_other_errors_of_its_field_only(site):
    cchc(site, "new", "thu-tuc", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc")
    path = site.root / PROCEDURE
    text = path.read_text(encoding="utf-8")
    sets_line = text[:text.index("\nsets: 1 ")].count("\n") + 2
    path.write_text(text.replace("\nsets: 1 ", "\nsets: 0 "), encoding="utf-8")
    found = errors(cchc(site, "check"))
    assert len(found) == 12
    assert (f'{PROCEDURE}:{sets_line}: sets: số lượng hồ sơ phải là số nguyên từ 1 trở lên, không phải "0" '
            "(expected a whole number)") in found
    assert not any("không đúng dạng ngày" in line or "không hợp lệ" in line for line in found)


def test_new_question_is_unpublished_until_answered_and_passes_once_filled(site):
    result = cchc(site, "new", "hoi-dap", "Xin cấp bản sao bằng tốt nghiệp ở đâu?")
    rel = "content/hoi-dap/xin-cap-ban-sao-bang-tot-nghiep-o-dau.md"
    assert result.stdout == (f'Đã tạo {rel} (câu hỏi, chưa trả lời nên chưa đăng); thay mọi chữ "CẦN BỔ SUNG" '
                             'rồi chạy "cchc check" để xem còn thiếu gì.\n')
    text = (site.root / rel).read_text(encoding="utf-8")
    assert "\nasked: 2023-11-15\n" in text  # SOURCE_DATE_EPOCH 1700000000 is 15/11 in Vietnam, 14/11 in UTC
    assert '\nchannel: "website"\n' in text
    found = placeholders_in(site.root / rel)
    assert errors(cchc(site, "check")) == [placeholder_error(rel, line, field, hint)
                                           for (line, hint), field in zip(found, ("question", "asker"))]
    fill(site, rel, {found[0][1]: "Tôi bị mất bằng tốt nghiệp THPT. Xin bản sao ở đâu?", found[1][1]: "Trần Thị H."})
    assert cchc(site, "check").stdout == CLEAN.format(n=3)
    answered = (site.root / rel).read_text(encoding="utf-8").replace("# answered", "answered")
    (site.root / rel).write_text(answered + "\nBạn nộp đơn tại Sở.\n", encoding="utf-8")
    assert cchc(site, "check").stdout == CLEAN.format(n=3)


def test_new_document_takes_its_type_from_the_number(site):
    result = cchc(site, "new", "van-ban", "993/SGDĐT-TCCB")
    rel = "content/van-ban/993-sgddt-tccb.yaml"
    assert result.stdout.startswith(f"Đã tạo {rel} (văn bản);")
    data = yaml.safe_load((site.root / rel).read_text(encoding="utf-8"))
    assert (data["number"], data["type"], str(data["date"])) == ("993/SGDĐT-TCCB", "CV", "2023-11-15")
    assert data["issuer"] == "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm"
    [(line, hint)] = placeholders_in(site.root / rel)
    assert errors(cchc(site, "check")) == [placeholder_error(rel, line, "summary", hint)]
    fill(site, rel, {hint: "Tăng cường cải cách hành chính"})
    assert cchc(site, "check").stdout == CLEAN.format(n=3)

    cchc(site, "new", "van-ban", "290/KH-SGDĐT")
    assert yaml.safe_load((site.root / "content/van-ban/290-kh-sgddt.yaml").read_text(encoding="utf-8"))["type"] == "KH"


def test_new_document_refuses_a_malformed_number(site):
    result = cchc(site, "new", "van-ban", "290-KH")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ('cchc: số, ký hiệu "290-KH" không đúng dạng; ví dụ "290/KH-SGDĐT", "993/SGDĐT-TCCB", '
                             '"63/2010/NĐ-CP" (invalid number-symbol)\n')
    assert not (site.root / "content/van-ban").exists()


def test_new_procedure_refuses_to_overwrite_and_cuts_long_names(site):
    path = site.write(PROCEDURE, "name: đã có\n")
    result = cchc(site, "new", "thu-tuc", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc")
    assert (result.returncode, result.stderr) == (1, f"cchc: tệp {PROCEDURE} đã có, không ghi đè; mở tệp đó để sửa, "
                                                     "hoặc đặt tiêu đề khác (file exists)\n")
    assert path.read_text(encoding="utf-8") == "name: đã có\n"
    long_name = ("Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục trở lại sau khi bị đình chỉ hoạt động "
                 "giáo dục theo quy định")
    result = cchc(site, "new", "thu-tuc", long_name)
    assert result.stdout.split()[2] == ("content/thu-tuc-hanh-chinh/cho-phep-trung-tam-ngoai-ngu-tin-hoc-hoat-dong-"
                                        "giao-duc-tro-lai-sau-khi-bi-dinh.yaml")  # 80 characters, cut at a word


GUIDE = REPO / "docs" / "bien-tap" / "lenh-cchc.md"
README_COMMAND = re.compile(r'`cchc new van-ban "([^"]+)"` — tạo `([^`]+)`')
README_ERROR = re.compile(r"`(content/van-ban/[^`]+: summary: chưa điền: [^`]+)`")


def test_the_guides_document_example_works_in_the_example_project(tmp_path):
    """The guide's command, run in a copy of the example, makes the file it names, with the error it shows;
    once the summary is filled the check passes (the example number must not be a plan's or a document's)."""
    readme = GUIDE.read_text(encoding="utf-8")  # the editors' guide to the commands
    [(number, rel)] = README_COMMAND.findall(readme)
    [shown_error] = README_ERROR.findall(readme)
    example = copy_example(tmp_path)

    created = cchc_in(example, "new", "van-ban", number, script=True)
    assert (created.returncode, created.stderr) == (0, "")
    assert created.stdout.startswith(f"Đã tạo {rel} (văn bản);")
    check = cchc_in(example, "check")
    assert (check.returncode, errors(check)) == (1, [shown_error])
    [(_, hint)] = placeholders_in(example / rel)
    fill_file(example / rel, {hint: "Kế hoạch thực hiện công tác cải cách hành chính năm 2023"})
    check = cchc_in(example, "check", "--format", "json")
    assert (check.returncode, json.loads(check.stdout)) == (0, [])


def test_a_duplicate_number_is_reported_at_its_line_in_json(site):
    site.plan(2022)
    cchc(site, "new", "van-ban", "290/KH-SGDĐT")
    [(_, hint)] = placeholders_in(site.root / "content/van-ban/290-kh-sgddt.yaml")
    fill(site, "content/van-ban/290-kh-sgddt.yaml", {hint: "Tuyên truyền CCHC"})
    result = cchc(site, "check", "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == [{
        "path": "content/van-ban/290-kh-sgddt.yaml", "line": 4, "field": "number", "severity": "error",
        "message": 'văn bản "290/KH-SGDĐT" đã có ở plans/2022.yaml:2; mỗi văn bản chỉ ghi một lần (kế hoạch tuyên '
                   "truyền trong plans/ tự có trong danh sách văn bản) (duplicate document)"}]
