"""``cchc new <kind> "Title"``: start a content file from a template.

Each kind is one ``Template`` in ``TEMPLATES``: where its files go, how they are named,
what they start with and what the editor does next. A news article starts as a draft
(``draft: true``); a procedure, a question or a document starts with placeholders
"CẦN BỔ SUNG: …" (``cchc.core.placeholders``) wherever only the editor knows the content:
``cchc check`` and the build report each one as an error until it is filled, so a
half-written file is never published.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from cchc.kinds.documents.load import DOCUMENTS_DIR, NUMBER_HINT, symbol_type, type_of
from cchc.kinds.news.load import NEWS_DIR
from cchc.core.placeholders import placeholder
from cchc.kinds.procedures.model import PROCEDURES_DIR
from cchc.site.project import Project
from cchc.kinds.questions.load import QUESTIONS_DIR
from cchc.core.text import format_date, nfc, short_slug, slugify


class NewProblem(Exception):
    """The file cannot be created; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Template:
    folder: str
    """Under docs_dir, '/'-separated."""
    file_name: Callable[[str, datetime], str]
    render: Callable[[str, datetime, Project], str]
    next_step: str
    """Printed after "Đã tạo <file>": what the editor does now."""


def _news_file_name(slug: str, moment: datetime) -> str:
    return f"{moment:%Y-%m-%d}-{slug}.md"


def _news_article(title: str, moment: datetime, project: Project) -> str:
    categories = project.extra("news", "categories")
    first = categories[0] if isinstance(categories, list) and categories else None
    category = first.get("name") if isinstance(first, dict) else first
    if not category:
        raise NewProblem('mkdocs.yml chưa có chuyên mục tin nào ("extra: news: categories:"); '
                         "thêm ít nhất một chuyên mục rồi chạy lại (no news category)")
    return (
        "---\n"
        f"title: {_quoted(title)}\n"
        f"date: {moment:%Y-%m-%d %H:%M}\n"
        "summary: Viết một hai câu tóm tắt ở đây; dòng này hiện ở danh sách tin và trong RSS.\n"
        f"category: {_quoted(str(category))}   # một chuyên mục trong mkdocs.yml\n"
        "tags: []                  # từ khóa, ví dụ [kế hoạch, tuyên truyền CCHC]\n"
        "draft: true               # bản nháp: xóa dòng này khi muốn đăng\n"
        "---\n"
        "\n"
        "Nội dung bài viết, viết bằng Markdown.\n"
    )


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML): safe for ':' '#' and quotes."""
    return json.dumps(text, ensure_ascii=False)


def _todo(what: str) -> str:
    return _quoted(placeholder(what))


def _department(project: Project) -> str:
    name = project.extra("department", "name")
    return _quoted(str(name)) if name else _todo("cơ quan ban hành")


def _yaml_file_name(slug: str, moment: datetime) -> str:
    return f"{slug}.yaml"


def _procedure(name: str, moment: datetime, project: Project) -> str:
    """Every part of Nghị định 63/2010/NĐ-CP, Điều 8, in the order a)…l) of a Quyết định công bố."""
    return (
        f'# Thủ tục hành chính, tạo bằng "cchc new thu-tuc" ngày {format_date(moment)}.\n'
        '# Thay mọi chữ "CẦN BỔ SUNG: …" (cả dấu ngoặc kép) bằng nội dung của Quyết định công bố; "cchc check"\n'
        "# liệt kê những chỗ còn thiếu. Hướng dẫn: README, mục \"Thêm hoặc sửa một thủ tục hành chính\".\n"
        '# code: "1.000000"             # mã thủ tục quốc gia d.dddddd: bỏ dấu # ở đầu dòng khi có mã\n'
        f"name: {_quoted(name)}\n"
        f"field: {_todo('mã lĩnh vực, ví dụ G03-GD14 (Văn bằng, chứng chỉ)')}\n"
        "levels: [tinh]                 # cấp thực hiện: tinh, huyen, xa\n"
        "agencies:                      # e) cơ quan thực hiện\n"
        f"  deciding: {_todo('cơ quan có thẩm quyền quyết định, ví dụ Giám đốc Sở Giáo dục và Đào tạo')}\n"
        f"  handling: {_department(project)}   # cơ quan trực tiếp thực hiện\n"
        "applicants:                    # đ) đối tượng thực hiện\n"
        f"  - {_todo('đối tượng thực hiện, ví dụ Công dân Việt Nam')}\n"
        "steps:                         # a) trình tự thực hiện, mỗi bước một dòng\n"
        f"  - {_todo('bước 1, ví dụ Nộp hồ sơ tại Bộ phận một cửa')}\n"
        "channels:                      # b) cách thức thực hiện, mỗi cách một dòng\n"
        f"  - via: {_todo('in_person (trực tiếp), online (trực tuyến) hoặc postal (bưu chính)')}\n"
        "documents:                     # c) thành phần hồ sơ, mỗi giấy tờ một mục\n"
        f"  - name: {_todo('tên giấy tờ, ví dụ Đơn đề nghị')}\n"
        "    originals: 1               # số bản chính\n"
        "    copies: 0                  # số bản sao\n"
        "sets: 1                        # số lượng hồ sơ (bộ)\n"
        f"time_limit: {_todo('số ngày làm việc, ví dụ 15')}   # d) thời hạn giải quyết\n"
        f"result: {_todo('kết quả, ví dụ Quyết định cho phép hoạt động')}   # g) kết quả thực hiện\n"
        f"fees: {_todo('phí, lệ phí, hoặc Không')}   # h) phí, lệ phí\n"
        "forms: []                      # i) mẫu đơn, mẫu tờ khai, ví dụ [Mẫu số 01 ban hành kèm theo …]\n"
        "requirements: []               # k) yêu cầu, điều kiện thực hiện (nếu có)\n"
        "legal_bases:                   # l) căn cứ pháp lý, mỗi văn bản một mục\n"
        f"  - number: {_todo('số ký hiệu, ví dụ 21/2019/TT-BGDĐT')}\n"
        f"    title: {_todo('trích yếu văn bản')}\n"
        f"    date: {_todo('ngày ban hành, ví dụ 2019-11-29')}\n"
        f"    issuer: {_todo('cơ quan ban hành, ví dụ Bộ Giáo dục và Đào tạo')}\n"
        "online_level: none             # toan_trinh, mot_phan hoặc none; khác none thì thêm portal_url: https://…\n"
        "published_by:                  # quyết định công bố thủ tục\n"
        f"  number: {_todo('số quyết định công bố, ví dụ 2922/QĐ-UBND')}\n"
        f"  date: {_todo('ngày công bố, ví dụ 2018-11-05')}\n"
    )


def _question_file_name(slug: str, moment: datetime) -> str:
    return f"{slug}.md"


def _question(title: str, moment: datetime, project: Project) -> str:
    return (
        "---\n"
        f"title: {_quoted(title)}\n"
        "question: |                    # câu hỏi nguyên văn của người dân, có thể nhiều dòng\n"
        f"  {placeholder('câu hỏi nguyên văn của người dân')}\n"
        f"asker: {_todo('tên người hỏi, ví dụ Trần Thị H.')}   # chỉ tên; KHÔNG ghi điện thoại, email, địa chỉ\n"
        "# locality: phường 2, TP Sóc Trăng   # địa phương của người hỏi (không bắt buộc)\n"
        f"asked: {moment:%Y-%m-%d}              # ngày hỏi\n"
        "channel: website               # website | duong_day_nong | dan_hoi_giam_doc_tra_loi | cong_dvc | email\n"
        "# field: G03-GD14              # mã lĩnh vực (không bắt buộc)\n"
        "# procedures: []               # mã thủ tục liên quan, ví dụ [1.005142] (không bắt buộc)\n"
        "# Khi trả lời: bỏ dấu # ở hai dòng dưới và viết câu trả lời bằng Markdown sau dòng --- cuối.\n"
        "# Câu hỏi chưa có câu trả lời thì chưa được đăng.\n"
        "# answered_by: Văn phòng Sở\n"
        f"# answered: {moment:%Y-%m-%d}\n"
        "---\n"
    )


def _document(number: str, moment: datetime, project: Project) -> str:
    if symbol_type(number) is None:
        raise NewProblem(f'số, ký hiệu "{number}" không đúng dạng; {NUMBER_HINT} (invalid number-symbol)')
    return (
        f'# Văn bản chỉ đạo, điều hành, tạo bằng "cchc new van-ban" ngày {format_date(moment)}.\n'
        '# Thay mọi chữ "CẦN BỔ SUNG: …"; hướng dẫn: README, mục "Văn bản chỉ đạo, điều hành".\n'
        f"number: {_quoted(number)}\n"
        f"type: {type_of(number)}                       # loại văn bản, khớp với ký hiệu (CV: công văn)\n"
        f"date: {moment:%Y-%m-%d}               # ngày ban hành: sửa nếu không phải hôm nay\n"
        f"issuer: {_department(project)}\n"
        "# signer: Nguyễn Văn A         # người ký (không bắt buộc)\n"
        f"summary: {_todo('trích yếu văn bản')}\n"
        "status: con_hieu_luc           # con_hieu_luc | het_hieu_luc | bi_thay_the (khi đó ghi replaced_by)\n"
        f"# file: tep/{slugify(number)}.pdf   # tệp văn bản, tính từ thư mục content/van-ban/\n"
    )


_FILL = '; thay mọi chữ "CẦN BỔ SUNG" rồi chạy "cchc check" để xem còn thiếu gì.'
TEMPLATES: dict[str, Template] = {
    NEWS_DIR: Template(NEWS_DIR, _news_file_name, _news_article,
                       '(bản nháp); điền tóm tắt, nội dung rồi xóa dòng "draft: true" khi muốn đăng.'),
    "thu-tuc": Template(PROCEDURES_DIR, _yaml_file_name, _procedure, f"(thủ tục hành chính){_FILL}"),
    QUESTIONS_DIR: Template(QUESTIONS_DIR, _question_file_name, _question,
                            f"(câu hỏi, chưa trả lời nên chưa đăng){_FILL}"),
    DOCUMENTS_DIR: Template(DOCUMENTS_DIR, _yaml_file_name, _document, f"(văn bản){_FILL}"),
}


def create(project: Project, kind: str, title: str, moment: datetime) -> str:
    """Write the new file and return its path; refuse to overwrite anything."""
    template = TEMPLATES.get(kind)
    if template is None:
        raise NewProblem(_unsupported(kind))
    title = nfc(" ".join(title.split()))
    slug = short_slug(slugify(title))
    if not slug:
        raise NewProblem(f'tiêu đề "{title}" không có chữ hay số nào để đặt tên tệp; '
                         "viết tiêu đề bằng chữ (title gives an empty file name)")
    text = template.render(title, moment, project)
    folder = os.path.join(project.paths.docs_dir, *template.folder.split("/"))
    path = os.path.join(folder, template.file_name(slug, moment))
    os.makedirs(folder, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        raise NewProblem(f"tệp {project.shown(path)} đã có, không ghi đè; mở tệp đó để sửa, hoặc "
                         "đặt tiêu đề khác (file exists)") from None
    return path


def _unsupported(kind: str) -> str:
    return f'không có loại nội dung "{kind}"; chọn một trong: {", ".join(TEMPLATES)} (unknown kind)'
