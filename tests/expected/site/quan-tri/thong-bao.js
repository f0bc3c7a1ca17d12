export default {
  "editor": {
    "editorControlPane": {
      "widget": {
        "required": "thiếu %{fieldLabel} (trường bắt buộc)"
      }
    }
  }
};
