// The site's browser form (Decap CMS), set up by cchc: Vietnamese words, the build's own messages for what the
// form checks, a preview drawn with the site's stylesheets, and a plain notice where the form cannot save.
// Decap itself (decap/decap-cms.js) and its Vietnamese words (decap/vi.js) come from npm at pinned versions;
// config.yml and thong-bao.js are made at each build from the content kinds' declarations (cchc/cms/).
import vi from "./decap/vi.js";
import messages from "./thong-bao.js";

const CMS = window.CMS;
const h = window.h;
const createClass = window.createClass;

function merged(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = value && typeof value === "object" ? merged(base[key] || {}, value) : value;
  }
  return out;
}

// Where no Git host is set in mkdocs.yml, only the local server of "cchc edit" can save: elsewhere the page
// says so instead of trying an address on the reader's own machine. "cchc edit" serves plain http on this
// machine; a published site is served over https, even when a test reaches it at 127.0.0.1.
function savesHere() {
  const local = ["localhost", "127.0.0.1"].includes(window.location.hostname) && window.location.protocol === "http:";
  return local || document.body.dataset.gitHost === "yes";
}

// The site's own stylesheets, as its home page links them (Material names them by a hash of their bytes).
async function siteStylesheets() {
  const home = new URL("../", window.location.href);
  const response = await fetch(home, { credentials: "same-origin" });
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  return [...page.querySelectorAll('link[rel="stylesheet"]')].map((link) => new URL(link.getAttribute("href"), home).href);
}

function text(entry, name) {
  const value = entry.getIn(["data", name]);
  return value === undefined || value === null ? "" : String(value);
}

function shownDate(value, withTime) {
  // "2023-06-01 08:30" or "2023-06-01" as dd/mm/yyyy (HH:mm), as the site shows dates.
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?/.exec(value || "");
  if (!match) return value || "";
  const day = `${match[3].padStart(2, "0")}/${match[2].padStart(2, "0")}/${match[1]}`;
  return withTime && match[4] ? `${day} ${match[4].padStart(2, "0")}:${match[5]}` : day;
}

function page(...children) {
  // The attributes Material's stylesheets read from the <body> of every page of the site.
  const scheme = { "data-md-color-scheme": "default", "data-md-color-primary": "indigo", "data-md-color-accent": "indigo" };
  return h("div", { ...scheme, className: "md-main__inner md-grid" },
    h("div", { className: "md-content" }, h("article", { className: "md-content__inner md-typeset" }, ...children)));
}

function listOf(entry, name, show) {
  const items = entry.getIn(["data", name]);
  if (!items || !items.map) return [];
  return items.map((item, index) => show(item && item.toJS ? item.toJS() : item, index)).toArray();
}

const ArticlePreview = createClass({
  render() {
    const { entry, widgetFor, getAsset } = this.props;
    const image = text(entry, "image");
    const draft = entry.getIn(["data", "draft"]);
    return page(
      h("div", { className: "cchc-article" },
        draft ? h("p", { className: "cchc-draft", role: "note" }, "Bản nháp: chỉ hiện khi xem trước, không được đăng công khai.") : null,
        h("p", { className: "cchc-meta" }, `${text(entry, "category")} · Đăng lúc ${shownDate(text(entry, "date"), true)}`),
        h("h1", {}, text(entry, "title")),
        h("p", { className: "cchc-lead" }, text(entry, "summary")),
        image ? h("figure", { className: "cchc-cover" },
          h("img", { src: getAsset(image).toString(), alt: text(entry, "image_alt") }),
          text(entry, "image_caption") ? h("figcaption", {}, text(entry, "image_caption")) : null) : null,
        widgetFor("body"),
        text(entry, "source") ? h("p", { className: "cchc-source" }, text(entry, "source")) : null));
  },
});

const QuestionPreview = createClass({
  render() {
    const { entry, widgetFor } = this.props;
    return page(
      h("h1", {}, text(entry, "title")),
      h("section", { className: "cchc-question" },
        h("h2", {}, "Câu hỏi"),
        h("p", { className: "cchc-meta" }, `${text(entry, "asker")} hỏi ngày ${shownDate(text(entry, "asked"))}`),
        h("blockquote", { className: "cchc-question__text" }, h("p", {}, text(entry, "question")))),
      h("section", { className: "cchc-answer" },
        h("h2", {}, "Trả lời"),
        h("p", { className: "cchc-meta" }, `${text(entry, "answered_by")} trả lời ngày ${shownDate(text(entry, "answered"))}`),
        widgetFor("body")));
  },
});

const ProcedurePreview = createClass({
  render() {
    const { entry } = this.props;
    const limit = entry.getIn(["data", "time_limit"]);
    const limitText = limit && limit.get ? (limit.get("text") || `${limit.get("days") || ""} ngày làm việc`) : String(limit || "");
    return page(
      h("article", { className: "cchc-procedure" },
        h("h1", {}, text(entry, "name")),
        h("h2", {}, "a) Trình tự thực hiện"),
        h("ol", { className: "cchc-steps" }, ...listOf(entry, "steps", (step, i) =>
          h("li", { key: i }, h("strong", {}, `Bước ${i + 1}: `), step.title || ""))),
        h("h2", {}, "c) Thành phần, số lượng hồ sơ"),
        h("ul", {}, ...listOf(entry, "documents", (doc, i) => h("li", { key: i }, doc.name || ""))),
        h("h2", {}, "d) Thời hạn giải quyết"),
        h("p", {}, limitText),
        h("h2", {}, "đ) Đối tượng thực hiện thủ tục hành chính"),
        h("ul", {}, ...listOf(entry, "applicants", (who, i) => h("li", { key: i }, String(who)))),
        h("h2", {}, "g) Kết quả thực hiện"),
        h("p", {}, text(entry, "result")),
        h("h2", {}, "l) Căn cứ pháp lý"),
        h("ul", {}, ...listOf(entry, "legal_bases", (law, i) => h("li", { key: i }, `${law.number || ""} ${law.title || ""}`)))));
  },
});

async function start() {
  if (!savesHere()) {
    document.getElementById("cchc-no-host").hidden = false;
    return;
  }
  CMS.registerLocale("vi", merged(vi, messages));
  try {
    for (const href of await siteStylesheets()) CMS.registerPreviewStyle(href);
  } catch (error) {
    console.warn("cchc: không đọc được kiểu trình bày của trang cho khung xem trước", error);
  }
  CMS.registerPreviewStyle("cchc-cms.css");
  CMS.registerPreviewTemplate("news", ArticlePreview);
  CMS.registerPreviewTemplate("questions", QuestionPreview);
  CMS.registerPreviewTemplate("procedures", ProcedurePreview);
  CMS.init();
}

start();
