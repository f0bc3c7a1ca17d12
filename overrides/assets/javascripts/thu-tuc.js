/* Filters the procedure catalogue in the browser. Without JavaScript the form is not shown
   (data-cchc-needs-js) and the whole list shows. Rows carry data-search, folded at build time by
   cchc.core.text.fold_diacritics(...).lower(); the query is folded the same way here. */
(function () {
  "use strict";

  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setUp(form) {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".cchc-tthc"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".cchc-tthc-group"));
    var count = form.querySelector("[data-cchc-count]");
    var none = document.querySelector("[data-cchc-none]");
    function value(name) {
      var control = form.elements[name];
      return control ? control.value : "";
    }
    function apply() {
      var words = fold(value("q")).split(" ").filter(Boolean);
      var field = value("field"), level = value("level"), online = value("online");
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-search");
        var match = words.every(function (word) { return text.indexOf(word) !== -1; })
          && (!field || row.getAttribute("data-field") === field)
          && (!level || row.getAttribute("data-levels").split(" ").indexOf(level) !== -1)
          && (!online || row.getAttribute("data-online") === online);
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".cchc-tthc:not([hidden])");
      });
      var text = "Hiển thị " + shown + "/" + rows.length + " thủ tục";
      if (count.textContent !== text) { count.textContent = text; }  // the page has it already: read out changes only
      if (none) { none.hidden = shown !== 0; }
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  document.documentElement.setAttribute("data-cchc-js", "");  // as in <head>, in case a policy blocked that script
  var form = document.querySelector("[data-cchc-filter]");
  if (form) { setUp(form); }
})();
