"""Vietnamese for the words of Decap CMS that its Vietnamese locale (npm decap-cms-locales 3.8.2) leaves in English,
among them those an editor sees on every form: the list's "Add", the Markdown toolbar, the image and file
buttons; and the "new" button, whose full-width "＋" most fonts of Vietnamese offices lack. Merged over Decap's
own Vietnamese by /quan-tri/cchc-cms.js (keys as in Decap's English locale)."""

from __future__ import annotations

from typing import Any

WORDS: dict[str, Any] = {
    "auth": {"loginWithForgejo": "Đăng nhập bằng Forgejo"},
    "collection": {"collectionTop": {"viewAsList": "Xem dạng danh sách", "viewAsGrid": "Xem dạng lưới",
                                     "groupBy": "Nhóm theo", "newButton": "Thêm %{collectionLabel}"},
                   "entries": {"unpublishedHeader": "Bài chưa đăng"}, "groups": {"other": "Khác"}},
    "editor": {
        "editorInterface": {"togglePreview": "Bật, tắt khung xem trước", "toggleScrollSync": "Cuộn cùng khung xem trước"},
        "editorToolbar": {
            "statusInfoTooltipDraft": "Bài đang là bản nháp. Khi viết xong, chuyển sang \u201cĐang chờ duyệt\u201d.",
            "statusInfoTooltipInReview": "Bài đang chờ duyệt; vẫn sửa thêm được trong lúc chờ."},
        "editorWidgets": {
            "markdown": {"bold": "Đậm", "italic": "Nghiêng", "strikethrough": "Gạch ngang", "code": "Mã",
                         "link": "Liên kết", "linkPrompt": "Nhập địa chỉ của liên kết", "headings": "Tiêu đề mục",
                         "quote": "Trích dẫn", "bulletedList": "Danh sách gạch đầu dòng",
                         "numberedList": "Danh sách đánh số", "addComponent": "Chèn thành phần",
                         "toggleMode": {"rich": "Chuyển sang soạn thảo định dạng", "markdown": "Chuyển sang Markdown"}},
            "image": {"chooseMultiple": "Chọn các hình ảnh", "addMore": "Thêm hình ảnh", "removeAll": "Xóa mọi hình ảnh"},
            "file": {"chooseMultiple": "Chọn các tập tin", "addMore": "Thêm tập tin", "removeAll": "Xóa mọi tập tin"},
            "datetime": {"setToNow": "Đặt %{fieldLabel} là lúc này"},
            "list": {"add": "Thêm %{item}", "addType": "Thêm %{item}"},
            "object": {"expand": "Mở ra", "collapse": "Thu gọn"},
        },
    },
    "mediaLibrary": {"mediaLibraryCard": {"copy": "Chép", "copyUrl": "Chép địa chỉ", "copyPath": "Chép đường dẫn",
                                          "copyName": "Chép tên", "copied": "Đã chép"},
                     "mediaLibraryModal": {"close": "Đóng"}},
    "ui": {"settingsDropdown": {"account": "Tài khoản"}},
}
