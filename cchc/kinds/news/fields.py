"""The fields of a news article, stated once (see ``cchc.core.declaration``): the loader, ``cchc new``, the JSON
Schema, the editors' guide and the browser forms read them from here."""

from __future__ import annotations

from cchc.core.declaration import Field
from cchc.kinds.news.model import NEWS_DIR

FIELDS = (
    Field("title", "text", "tiêu đề", "Tiêu đề của tin, hiện ở đầu bài, trong danh sách và trong RSS.", required=True,
          example="Sở GDĐT ban hành Kế hoạch tuyên truyền CCHC năm 2022"),
    Field("date", "datetime", "ngày giờ đăng", "Giờ Việt Nam; tin có ngày trong tương lai chỉ hiện khi trang được "
          "dựng lại sau ngày đó.", required=True, example="2022-02-24 17:00"),
    Field("updated", "datetime", "ngày giờ cập nhật", "Ghi khi sửa nội dung tin đã đăng.", example="2022-03-01 08:00"),
    Field("summary", "text", "tóm tắt", "Một hai câu, hiện ở danh sách tin và trong RSS.", required=True,
          example="Kế hoạch đặt chủ đề tuyên truyền cho từng tháng trong năm."),
    Field("category", "choice", "chuyên mục", "Một chuyên mục có trong mkdocs.yml (extra: news: categories:), "
          "viết tên hoặc đường dẫn của chuyên mục.", required=True, choices="categories",
          example="Hoạt động cải cách hành chính"),
    Field("tags", "texts", "từ khóa", "Dùng để gợi ý tin liên quan.", example=["kế hoạch", "tuyên truyền CCHC"]),
    Field("source", "text", "nguồn tin (Tin, ảnh: ...)", "Dòng nguồn tin cuối bài.", example="Tin, ảnh: Thanh Bình"),
    Field("image", "image", "ảnh đại diện", f"Ảnh trong content/{NEWS_DIR}/anh/, đường dẫn tính từ tệp tin.",
          example="anh/ten-anh.jpg", upload_folder=f"{NEWS_DIR}/anh"),
    Field("image_alt", "text", "mô tả ảnh cho người khiếm thị", "Bắt buộc khi có ảnh: trình đọc màn hình đọc dòng này.",
          example="Quang cảnh hội nghị"),
    Field("image_caption", "text", "chú thích ảnh", "Hiện dưới ảnh.", example="Ảnh: Văn phòng Sở"),
    Field("attachments", "records", "tập tin đính kèm", f"Tệp trong content/{NEWS_DIR}/tep/; mỗi tệp một mục "
          "gồm hai dòng file: và title:.", item_text="file", fields=(
              Field("file", "file", "đường dẫn tập tin", "Tính từ tệp tin.", required=True,
                    example="tep/ke-hoach-290.pdf", upload_folder=f"{NEWS_DIR}/tep"),
              Field("title", "text", "tên hiển thị", "Tên người đọc thấy; để trống thì dùng tên tệp.",
                    example="Kế hoạch số 290/KH-SGDĐT"),
          )),
    Field("draft", "boolean", "bản nháp", "true: chỉ hiện khi xem trước, không được đăng; xóa dòng khi muốn đăng.",
          example=True),
    Field("slug", "text", "đường dẫn", "Đặt đường dẫn khác tên tệp (không bắt buộc).", example="ke-hoach-tuyen-truyen"),
    Field("plan_month", "month", "tháng của kế hoạch tuyên truyền", "Tin phục vụ nhiệm vụ của tháng nào trong kế "
          "hoạch tuyên truyền.", example="2022-06"),
)
BY_NAME = {spec.name: spec for spec in FIELDS}
THEME_KEYS = ("description", "hide", "search")
"""Front-matter keys MkDocs or Material read themselves; editors may use them (an article keeps its template)."""
