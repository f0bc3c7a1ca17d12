/* The search page: Pagefind's UI (its Vietnamese strings follow <html lang="vi">), started with the
   query of the address (?q=thu+tuc, as the header box sends it) and kept in the address while typing,
   so a search can be shared and the Back button returns to it. */
(function () {
  "use strict";

  var element = document.querySelector("[data-cchc-search]");
  if (!element || typeof PagefindUI === "undefined") { return; }
  var baseUrl = window.location.pathname.replace(/tim-kiem\/(index\.html)?$/, "");
  // What a page is about comes first: the name of a procedure, answer, article, document, of the catalogue or the
  // Q&A list (their "ten" meta, weighed 8) counts more than the plan month that mentions it in its title (0.5);
  // and a long procedure is not pushed down for its length (pageLength 0.1).
  var ranking = { metaWeights: { title: 0.5, ten: 8 }, pageLength: 0.1 };
  // The news articles have a bundle of their own (pagefind-tin-tuc/): one list of results from both.
  var merged = (element.getAttribute("data-cchc-merge") || "").split(" ").filter(Boolean).map(function (bundle) {
    return { bundlePath: baseUrl + bundle + "/", baseUrl: baseUrl, ranking: ranking };
  });
  var ui = new PagefindUI({
    element: "#" + element.id,
    baseUrl: baseUrl,
    mergeIndex: merged,
    ranking: ranking,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    autofocus: false,
    translations: { search_label: "Tìm kiếm trên chuyên trang" },
    processResult: function (result) {
      delete result.meta.ten;  // for ranking only: the result shows its title and excerpt
      return result;
    },
    processTerm: function (term) {
      var params = new URLSearchParams(window.location.search);
      if (term) { params.set("q", term); } else { params.delete("q"); }
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
      return term;
    }
  });
  var toggle = document.querySelector("[data-cchc-filters-toggle]");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      element.classList.toggle("cchc-search--filters-open", open);
    });
  }
  var initial = new URLSearchParams(window.location.search).get("q");
  var header = document.getElementById("cchc-header-q");
  if (initial) {
    ui.triggerSearch(initial);
    if (header) { header.value = initial; }
  } else {
    var box = element.querySelector("input");
    if (box) { box.focus(); }
  }
})();
