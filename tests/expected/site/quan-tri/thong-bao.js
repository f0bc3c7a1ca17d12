export default {
  "auth": {
    "loginWithForgejo": "Đăng nhập bằng Forgejo"
  },
  "collection": {
    "collectionTop": {
      "viewAsList": "Xem dạng danh sách",
      "viewAsGrid": "Xem dạng lưới",
      "groupBy": "Nhóm theo",
      "newButton": "Thêm %{collectionLabel}"
    },
    "entries": {
      "unpublishedHeader": "Bài chưa đăng"
    },
    "groups": {
      "other": "Khác"
    }
  },
  "editor": {
    "editorInterface": {
      "togglePreview": "Bật, tắt khung xem trước",
      "toggleScrollSync": "Cuộn cùng khung xem trước"
    },
    "editorToolbar": {
      "statusInfoTooltipDraft": "Bài đang là bản nháp. Khi viết xong, chuyển sang “Đang chờ duyệt”.",
      "statusInfoTooltipInReview": "Bài đang chờ duyệt; vẫn sửa thêm được trong lúc chờ."
    },
    "editorWidgets": {
      "markdown": {
        "bold": "Đậm",
        "italic": "Nghiêng",
        "strikethrough": "Gạch ngang",
        "code": "Mã",
        "link": "Liên kết",
        "linkPrompt": "Nhập địa chỉ của liên kết",
        "headings": "Tiêu đề mục",
        "quote": "Trích dẫn",
        "bulletedList": "Danh sách gạch đầu dòng",
        "numberedList": "Danh sách đánh số",
        "addComponent": "Chèn thành phần",
        "toggleMode": {
          "rich": "Chuyển sang soạn thảo định dạng",
          "markdown": "Chuyển sang Markdown"
        }
      },
      "image": {
        "chooseMultiple": "Chọn các hình ảnh",
        "addMore": "Thêm hình ảnh",
        "removeAll": "Xóa mọi hình ảnh"
      },
      "file": {
        "chooseMultiple": "Chọn các tập tin",
        "addMore": "Thêm tập tin",
        "removeAll": "Xóa mọi tập tin"
      },
      "datetime": {
        "setToNow": "Đặt %{fieldLabel} là lúc này"
      },
      "list": {
        "add": "Thêm %{item}",
        "addType": "Thêm %{item}"
      },
      "object": {
        "expand": "Mở ra",
        "collapse": "Thu gọn"
      }
    },
    "editorControlPane": {
      "widget": {
        "required": "thiếu %{fieldLabel} (trường bắt buộc)"
      }
    }
  },
  "mediaLibrary": {
    "mediaLibraryCard": {
      "copy": "Chép",
      "copyUrl": "Chép địa chỉ",
      "copyPath": "Chép đường dẫn",
      "copyName": "Chép tên",
      "copied": "Đã chép"
    },
    "mediaLibraryModal": {
      "close": "Đóng"
    }
  },
  "ui": {
    "settingsDropdown": {
      "account": "Tài khoản"
    }
  }
};
