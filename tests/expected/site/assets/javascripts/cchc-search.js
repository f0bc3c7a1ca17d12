/* The search page (search.html): a search box, results and filters over Pagefind's own JavaScript API.

   Pagefind's ready-made UI weighed 30 KB on a phone, more than this whole page; this one draws only what the page
   needs, in Vietnamese. The first bundle (procedures, Q&A, documents, plans) is searched at once; the news
   articles have a bundle of their own (cchc/search/index.py), searched too when the reader asks ("Tìm cả trong tin
   tức") or when none of the first results is about what was typed (``isAbout``): at 2,000 articles their index
   alone doubled what a first search fetched. The query stays in the address (?q=thu+tuc, as the header box sends
   it; &tin=1 with the news), so a search can be shared and the Back button returns to it. */
(function () {
  "use strict";

  var root = document.querySelector("[data-cchc-search]");
  if (!root) { return; }
  var box = root.querySelector("input[name=q]");
  var status = root.querySelector("[data-cchc-search-status]");
  var list = root.querySelector("[data-cchc-search-results]");
  var panel = root.querySelector("[data-cchc-search-filters]");
  var moreButton = root.querySelector("[data-cchc-search-more]");
  var newsButton = root.querySelector("[data-cchc-search-news]");
  var bundles = root.getAttribute("data-cchc-bundles").split(" ");
  var base = window.location.pathname.replace(/tim-kiem\/(index\.html)?$/, "");
  // What a page is about comes first: the name of a procedure, answer, article, document, of the catalogue or the
  // Q&A list (their "ten" meta, weighed 8) counts more than the plan month that mentions it in its title (0.5);
  // and a long procedure is not pushed down for its length (pageLength 0.1).
  var ranking = { metaWeights: { title: 0.5, ten: 8 }, pageLength: 0.1 };
  var FIRST = 5, MORE = 10, MIN_LENGTH = 2;
  var engine = null, filtersRead = null, withNews = false, latest = 0, timer = null;
  var chosen = {};  // filter name → the values ticked
  var shown = { results: [], count: 0 };

  function pagefind() {
    if (!engine) {
      engine = import(new URL(base + bundles[0] + "/pagefind.js", window.location.href).href).then(function (module) {
        return module.options({ baseUrl: base, ranking: ranking }).then(function () { return module; });
      });
    }
    return engine;
  }

  function addNews() {
    withNews = true;
    filtersRead = null;
    return pagefind().then(function (module) {
      return Promise.all(bundles.slice(1).map(function (bundle) {
        return module.mergeIndex(base + bundle + "/", { baseUrl: base, ranking: ranking });
      }));
    });
  }

  function keepInAddress(term) {
    var params = new URLSearchParams(window.location.search);
    if (term) { params.set("q", term); } else { params.delete("q"); }
    if (withNews) { params.set("tin", "1"); } else { params.delete("tin"); }
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  function filterQuery() {
    var filters = {};
    Object.keys(chosen).forEach(function (name) {
      if (chosen[name].length) { filters[name] = { any: chosen[name] }; }
    });
    return filters;
  }

  function search() {
    var term = box.value.trim(), id = ++latest;
    keepInAddress(term);
    if (term.length < MIN_LENGTH) {
      clear(term ? "Gõ ít nhất " + MIN_LENGTH + " chữ cái." : "");
      return;
    }
    status.textContent = "Đang tìm…";
    var found;
    pagefind().then(function (module) {
      // The filters' files are read once per bundle: without them a search counts no filter values.
      filtersRead = filtersRead || module.filters();
      return filtersRead.then(function () { return module.search(term, { filters: filterQuery() }); });
    }).then(function (result) {
      found = result;
      return Promise.all(found.results.slice(0, FIRST).map(function (r) { return r.data(); }));
    }).then(function (first) {
      if (id !== latest) { return; }
      if (!withNews && newsButton && !first.some(function (page) { return isAbout(page, term); })) {
        return addNews().then(search);  // nothing here is about it: the news articles may be
      }
      show(term, found, first);
    }).catch(function () {
      if (id === latest) { failed(); }  // a newer search is under way: it says how it went
    });
  }

  function failed() {
    clear("Không tải được công cụ tìm kiếm. Kiểm tra kết nối mạng rồi thử lại.");
  }

  /* A page is about what was typed when the name of its subject holds every word of it, with or without diacritics:
     a procedure, answer, article or document, the catalogue or the Q&A list (their data-pagefind-meta "ten"); a
     plan month only mentions things in passing. */
  function isAbout(page, term) {
    var name = " " + words(page.meta.ten || "").join(" ") + " ";
    return words(term).every(function (word) { return name.indexOf(" " + word + " ") >= 0; });
  }

  function words(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase()
      .split(/[^0-9a-z]+/).filter(Boolean);
  }

  function clear(message) {
    status.textContent = message;
    list.textContent = "";
    panel.textContent = "";
    moreButton.hidden = true;
    if (newsButton) { newsButton.hidden = true; }
    shown = { results: [], count: 0 };
  }

  function show(term, found, first) {
    var count = found.results.length;
    var said = count ? "Có " + count + " kết quả cho “" + term + "”" : "Không tìm thấy kết quả nào cho “" + term + "”";
    status.textContent = said + (withNews || !newsButton ? "." : ", chưa gồm tin tức.");
    if (newsButton) { newsButton.hidden = withNews; }
    showFilters(found);
    list.textContent = "";
    shown = { results: found.results, count: first.length };
    first.forEach(function (page) { list.appendChild(resultItem(page)); });
    moreButton.hidden = shown.count >= count;
  }

  function showMore(count) {
    var batch = shown.results.slice(shown.count, shown.count + count), results = shown.results;
    shown.count += batch.length;
    moreButton.hidden = shown.count >= results.length;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (results !== shown.results) { return; }  // a newer search has been shown meanwhile
      pages.forEach(function (page) { list.appendChild(resultItem(page)); });
    }).catch(failed);
  }

  function resultItem(page) {
    var item = document.createElement("li"), title = document.createElement("h2"), link = document.createElement("a");
    item.className = "cchc-search__result";
    title.className = "cchc-search__title";
    link.className = "cchc-search__link";
    link.href = page.url;
    link.textContent = page.meta.title || page.url;
    title.appendChild(link);
    item.appendChild(title);
    var kinds = (page.filters || {})["Loại"];
    if (kinds && kinds.length) {
      item.appendChild(paragraph("cchc-search__kind", document.createTextNode(kinds.join(", "))));
    }
    item.appendChild(paragraph("cchc-search__excerpt", excerpt(page.excerpt)));
    return item;
  }

  function paragraph(className, content) {
    var p = document.createElement("p");
    p.className = className;
    p.appendChild(content);
    return p;
  }

  /* Pagefind's excerpt is the page's text as HTML with the words found in <mark>. Read in an inert <template> (no
     script runs, nothing loads) and rebuilt from its text and marks only, whatever an editor's text held. */
  function excerpt(html) {
    var template = document.createElement("template"), out = document.createDocumentFragment();
    template.innerHTML = html || "";
    Array.prototype.forEach.call(template.content.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  /* A group of boxes per filter (its name and values are fixed words of cchc, see cchc/search/index.py), with the
     number of results each leaves. Drawn again after each search; the box that had the focus gets it back. */
  function showFilters(found) {
    var active = document.activeElement, focused = active && panel.contains(active) ? active.value : null;
    panel.textContent = "";
    Object.keys(found.totalFilters || {}).sort().forEach(function (name) {
      var values = Object.keys(found.totalFilters[name]).sort(function (a, b) { return a.localeCompare(b, "vi"); });
      var group = document.createElement("fieldset"), legend = document.createElement("legend");
      legend.textContent = name;
      group.appendChild(legend);
      values.forEach(function (value) {
        var left = (found.filters[name] || {})[value] || 0, ticked = (chosen[name] || []).indexOf(value) >= 0;
        if (!left && !ticked) { return; }
        var label = document.createElement("label"), tick = document.createElement("input");
        tick.type = "checkbox";
        tick.value = value;
        tick.checked = ticked;
        tick.addEventListener("change", function () { choose(name, value, tick.checked); });
        label.appendChild(tick);
        label.appendChild(document.createTextNode(" " + value + " (" + left + ")"));
        group.appendChild(label);
        if (value === focused) { window.setTimeout(function () { tick.focus(); }, 0); }
      });
      if (group.children.length > 1) { panel.appendChild(group); }
    });
  }

  function choose(name, value, ticked) {
    var values = (chosen[name] || []).filter(function (v) { return v !== value; });
    chosen[name] = ticked ? values.concat([value]) : values;
    search();
  }

  box.form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search();
  });
  box.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 300);
  });
  moreButton.addEventListener("click", function () { showMore(MORE); });
  if (newsButton) {
    newsButton.addEventListener("click", function () {
      newsButton.hidden = true;
      status.textContent = "Đang tìm cả trong tin tức…";
      addNews().then(search, failed);
    });
  }
  var toggle = root.querySelector("[data-cchc-filters-toggle]");
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    root.classList.toggle("cchc-search--filters-open", open);
  });

  var params = new URLSearchParams(window.location.search), initial = params.get("q");
  var header = document.getElementById("cchc-header-q");
  if (initial) {
    box.value = initial;
    if (header) { header.value = initial; }
    (params.get("tin") === "1" && newsButton ? addNews() : Promise.resolve()).then(search, failed);
  } else {
    box.focus();
  }
})();
