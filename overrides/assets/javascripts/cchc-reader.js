/* Reader controls: font size A- / A / A+ and high contrast, remembered in localStorage.
   The inline script in <head> (main.html) applies the saved choice before the page is drawn;
   this script shows the controls and handles them. Font sizes are levels -1 … 3 (0 = theme default),
   set as data-cchc-font on <html>; high contrast is data-cchc-contrast="high". */
(function () {
  "use strict";

  var MIN = -1, MAX = 3;
  var root = document.documentElement;
  // The script in <head> sets this before drawing; a Content-Security-Policy without inline scripts stops it.
  root.setAttribute("data-cchc-js", "");

  function save(key, value) {
    try { if (value === null) { localStorage.removeItem(key); } else { localStorage.setItem(key, value); } }
    catch (error) { /* private mode: the choice lasts for this page only */ }
  }

  function fontLevel() {
    var level = parseInt(root.getAttribute("data-cchc-font") || "0", 10);
    return isNaN(level) ? 0 : Math.max(MIN, Math.min(MAX, level));
  }

  function setUp(bar) {
    var buttons = bar.querySelectorAll("[data-cchc-font-step]");
    var contrast = bar.querySelector("[data-cchc-contrast]");
    var status = bar.querySelector("[data-cchc-reader-status]");

    function show() {
      var level = fontLevel();
      Array.prototype.forEach.call(buttons, function (button) {
        var step = parseInt(button.getAttribute("data-cchc-font-step"), 10);
        if (step === 0) {
          button.setAttribute("aria-pressed", String(level === 0));
        } else {
          var atEnd = (step < 0 && level <= MIN) || (step > 0 && level >= MAX);
          button.setAttribute("aria-disabled", String(atEnd));
        }
      });
      contrast.setAttribute("aria-pressed", String(root.getAttribute("data-cchc-contrast") === "high"));
    }

    function setFont(level) {
      if (level === 0) { root.removeAttribute("data-cchc-font"); save("cchc-font", null); }
      else { root.setAttribute("data-cchc-font", String(level)); save("cchc-font", String(level)); }
      status.textContent = level === 0 ? "Cỡ chữ mặc định" : "Cỡ chữ mức " + (level > 0 ? "+" : "") + level;
      show();
    }

    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        var step = parseInt(button.getAttribute("data-cchc-font-step"), 10);
        setFont(step === 0 ? 0 : Math.max(MIN, Math.min(MAX, fontLevel() + step)));
      });
    });
    contrast.addEventListener("click", function () {
      var on = root.getAttribute("data-cchc-contrast") !== "high";
      if (on) { root.setAttribute("data-cchc-contrast", "high"); save("cchc-contrast", "high"); }
      else { root.removeAttribute("data-cchc-contrast"); save("cchc-contrast", null); }
      status.textContent = on ? "Đã bật tương phản cao" : "Đã tắt tương phản cao";
      show();
    });
    show();
  }

  /* Printing writes each link's address after it (cchc-print.css); links inside the site are relative,
     so give them their absolute address to print: on the public site (site_url, which the page's canonical
     address starts with), never the host that served this copy (a preview, a staging server, an intranet). */
  var canonical = document.querySelector("link[rel='canonical']");
  var printBase = canonical ? canonical.href : window.location.href;
  Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) !== "#" && !/^[a-z]+:/i.test(href)) {
      link.setAttribute("data-print-url", new URL(href, printBase).href);
    }
  });

  /* A table wider than the screen scrolls sideways in its box: a fading edge with an arrow shows there is more on
     that side, until the reader has scrolled to the end. The box goes into a frame that holds the mark; the frame
     adds no room of its own, so nothing moves. */
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap[role='region']"), function (region) {
    var frame = document.createElement("div");
    frame.className = "cchc-scroll-frame";
    region.parentNode.insertBefore(frame, region);
    frame.appendChild(region);
    function show() {
      var more = region.scrollWidth - region.clientWidth - region.scrollLeft > 2;
      if (more) { frame.setAttribute("data-cchc-more", ""); } else { frame.removeAttribute("data-cchc-more"); }
    }
    region.addEventListener("scroll", show, { passive: true });
    window.addEventListener("resize", show);
    show();
  });

  /* A print button (the procedure's notice-board sheet) works only with script (data-cchc-needs-js): its handler
     is set here, not inline, so the pages need no inline handler (Content-Security-Policy). */
  Array.prototype.forEach.call(document.querySelectorAll("[data-cchc-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  var bar = document.querySelector("[data-cchc-reader]");
  if (bar) { setUp(bar); }
})();
