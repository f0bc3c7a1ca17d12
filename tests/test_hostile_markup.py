"""Editors' and the public's words never run as code: every text field of the example site, fuzzed.

A payload from the OWASP XSS filter-evasion classes is appended to every text value of every
content file (front matter and YAML), of the yearly plans and of mkdocs.yml's department texts.
Values the loaders refuse with a payload (codes, dates, categories, e-mails) are put back, from the
errors ``cchc check`` reports, until the content passes; the rest is built with the real MkDocs and
every page is parsed as a browser parses it (html5lib), every feed as a reader and as raw XML.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXED_EPOCH, REPO, build_here
from icalendar import Calendar
from lxml import etree

from cchc.cli.check import ERROR, run_check
from cchc.core.safe_html import unsafe_scheme
from cchc.site.project import load_project

MARK = "XSS"
PAYLOADS = (
    f'</title><script>alert("{MARK}")</script>',
    f'"><img src=x onerror=alert("{MARK}")>',
    f"'><svg onload=alert('{MARK}')>",
    f'</script><script>alert("{MARK}")</script><!--',
    f'<a href="javascript:alert(\'{MARK}\')">{MARK}</a>',
    f'&lt;script&gt;alert("{MARK}")&lt;/script&gt;',
    f'<iframe src="//evil.example/{MARK}"></iframe>',
    f'<style>body{{display:none}}</style><base href="//evil.example/{MARK}/">',
    f'{{{{ 7*7 }}}}{MARK}{{% raw %}}',
    f'\u2028{MARK}\u2029<!-- --!> <math><mi xlink:href="javascript:alert(1)">{MARK}</mi></math>',
    f'<meta http-equiv="refresh" content="0;url=//evil.example/{MARK}">',
    f'<IMG SRC=JaVaScRiPt:alert("{MARK}")><BODY ONLOAD=alert("{MARK}")>',
)
DEPARTMENT_TEXTS = ("name", "short_name", "parent", "address", "reuse_notice")
EXAMPLE_FILES = ("mkdocs.yml", "content", "overrides", "hooks", "plans")
SCRIPT_LIKE = ("script", "style", "iframe", "frame", "frameset", "object", "embed", "base", "form", "math",
               "template")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href")


class Injector:
    """Appends a payload to text values, remembering each by the file and field name an error would give."""

    def __init__(self) -> None:
        self.count = 0
        self.injected: dict[tuple[str, str], tuple[list | dict, object, str]] = {}

    def walk(self, path: str, node, field: str = "") -> None:
        items = enumerate(node) if isinstance(node, list) else list(node.items())
        for key, value in items:
            if key == "slug":
                continue  # addresses stay as they are: the tests below look pages up by them
            name = f"{field}[{key + 1}]" if isinstance(node, list) else (f"{field}.{key}" if field else str(key))
            if isinstance(value, str):
                node[key] = f"{value} {PAYLOADS[self.count % len(PAYLOADS)]}"
                self.injected[(path, name)] = (node, key, value)
                self.count += 1
            elif isinstance(value, (list, dict)):
                self.walk(path, value, name)

    def put_back(self, path: str, field: str | None) -> bool:
        """Restore what an error names: the field and what is under it, or the whole file when no field."""
        chosen = [k for k in self.injected if k[0] == path and (field is None or k[1] == field
                                                                or k[1].startswith((f"{field}.", f"{field}[")))]
        for key in chosen:
            node, name, original = self.injected.pop(key)
            node[name] = original
        return bool(chosen)


def fuzz_example(root: Path) -> Injector:
    """Copy the example project to ``root`` and fill it with payloads until ``cchc check`` passes."""
    for name in EXAMPLE_FILES:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    injector, documents = Injector(), {}
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".md", ".yaml") and p.parts[-2] != "overrides"):
        shown = path.relative_to(root).as_posix()
        if shown.startswith(("content/", "plans/")) and path.name != "README.md":
            documents[shown] = read_document(path)
            injector.walk(shown, documents[shown][0])
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    fuzz_config(config, injector)
    for _ in range(6):
        write_all(root, documents, config)
        errors = [r.problem for r in run_check(load_project(str(root / "mkdocs.yml")), fix=False) if r.severity == ERROR]
        if not errors:
            return injector
        for path, field in {(error.path, error.field) for error in errors}:
            if not injector.put_back(path, field):
                injector.put_back(path, None)  # an error with no field of its own (a clash, a duplicate)
    raise AssertionError(f"the fuzzed example still has errors: {errors}")


def read_document(path: Path) -> tuple[dict, str | None]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        _, header, body = text.split("---\n", 2)
        return yaml.safe_load(header), body
    return yaml.safe_load(text), None


def fuzz_config(config: dict, injector: Injector) -> None:
    department = config["extra"]["department"]
    for key in DEPARTMENT_TEXTS:
        department[key] += " " + PAYLOADS[injector.count % len(PAYLOADS)]
        injector.count += 1
    for index, category in enumerate(config["extra"]["news"]["categories"]):
        category["description"] = category.get("description", "") + " " + PAYLOADS[index % len(PAYLOADS)]
    for key in ("site_name", "site_description", "copyright"):
        config[key] += " " + PAYLOADS[injector.count % len(PAYLOADS)]
        injector.count += 1
    config["nav"] = [{f"{name} {PAYLOADS[index % len(PAYLOADS)]}": target for name, target in entry.items()}
                     for index, entry in enumerate(config["nav"])]


def write_all(root: Path, documents: dict, config: dict) -> None:
    for shown, (data, body) in documents.items():
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        (root / shown).write_text(f"---\n{text}---\n\n{body}" if body is not None else text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory) -> tuple[Path, Injector]:
    root = tmp_path_factory.mktemp("fuzzed")
    injector = fuzz_example(root)
    result = build_here(root, ["--strict"], {"SOURCE_DATE_EPOCH": FIXED_EPOCH})  # MkDocs' own command line
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    return root / "site", injector


def test_payloads_reach_every_kind_of_content(fuzzed):
    _, injector = fuzzed
    files = {path for path, _ in injector.injected}
    for folder in ("content/tin-tuc/", "content/hoi-dap/", "content/thu-tuc-hanh-chinh/", "content/van-ban/",
                   "content/thong-ke/", "plans/"):
        assert any(path.startswith(folder) for path in files), folder
    assert len(injector.injected) >= 300


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def parsed(fuzzed) -> dict[Path, BeautifulSoup]:
    """Every page of the fuzzed site, parsed once as a browser parses it."""
    site, _ = fuzzed
    return {page: BeautifulSoup(page.read_text(encoding="utf-8"), "html5lib") for page in html_pages(site)}


def test_no_payload_is_live_markup_in_any_page(fuzzed, parsed):
    site, _ = fuzzed
    for page, soup in parsed.items():
        for element in soup.find_all(True):
            where = f"{page.relative_to(site)}: <{element.name} {element.attrs}>"
            assert not [a for a in element.attrs if a.lower().startswith("on")], where
            for attribute in URL_ATTRIBUTES:
                value = element.get(attribute)
                assert not (isinstance(value, str) and unsafe_scheme(value)), where
            if element.name == "script" and element.get("type") == "application/ld+json":
                json.loads(element.string)  # still one JSON document: nothing closed the element
            elif element.name in SCRIPT_LIKE:
                assert MARK not in str(element), where
            assert not (element.name == "meta" and element.get("http-equiv")), where
            assert not (element.name == "link" and MARK in element.get("href", "")), where
            assert not (element.name == "svg" and MARK in str(element) and element.find(["script", "foreignobject"])), where


def test_titles_descriptions_and_headings_show_the_payload_as_text(fuzzed, parsed):
    site, _ = fuzzed
    article = parsed[site / "tin-tuc/duong-day-nong/index.html"]
    title = article.find("title").string
    assert PAYLOADS[0] in title or any(p in title for p in PAYLOADS)  # the whole payload, as characters
    assert any(p in article.find("h1").get_text() for p in PAYLOADS)
    description = article.find("meta", attrs={"name": "description"})["content"]
    assert MARK in description
    question = parsed[site / "hoi-dap/chuyen-truong-giua-nam-hoc/index.html"]
    assert MARK in question.select_one(".cchc-question__text").get_text()
    assert any("{{ 7*7 }}" in soup.get_text() for soup in parsed.values())  # shown as written, not evaluated


def feeds_of(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.xml") if p.name in ("rss.xml", "atom.xml"))


def test_feeds_carry_text_as_text(fuzzed):
    site, _ = fuzzed
    atom = "{http://www.w3.org/2005/Atom}"
    assert len(feeds_of(site)) >= 16
    for path in feeds_of(site):
        tree = etree.parse(str(path))
        if path.name == "rss.xml":
            texts = tree.xpath("//title | //description")
            assert all("<" not in (t.text or "") for t in texts), path  # HTML-escaped: shown, never parsed
        else:
            for element in tree.iter(f"{atom}title", f"{atom}summary", f"{atom}subtitle"):
                assert element.get("type", "text") == "text", path
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.bozo_exception)
        for entry in parsed.entries:
            for detail in (entry.title_detail, entry.summary_detail):
                if detail.type == "text/html":  # what a reader renders, as a browser would parse it
                    rendered = BeautifulSoup(detail.value, "html5lib").body
                    assert not rendered.find_all(True), (path, detail.value)  # text only, not one element
                else:
                    assert detail.type == "text/plain", (path, detail)


def test_open_data_and_calendars_still_parse(fuzzed):
    site, _ = fuzzed
    catalogue = json.loads((site / "thu-tuc-hanh-chinh/thu-tuc.json").read_text(encoding="utf-8"))
    assert any(MARK in json.dumps(item, ensure_ascii=False) for item in catalogue["procedures"])
    rows = list(csv.reader(io.StringIO((site / "thu-tuc-hanh-chinh/thu-tuc.csv").read_text(encoding="utf-8-sig"))))
    assert len({len(row) for row in rows}) == 1  # no payload broke a row
    for path in site.rglob("*.ics"):
        assert Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_json_ld_escapes_what_could_close_its_script():
    from cchc.core.escaping import json_for_script
    text = json_for_script({"name": "</script><script>alert(1)</script><!-- \u2028 & '\""})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script><!-- \u2028 & '\""


def test_every_text_file_of_the_built_site_names_no_other_host_it_loads(parsed):
    for page, soup in parsed.items():
        for element in soup.find_all(["img", "script", "iframe", "link", "source", "video", "audio"]):
            url = element.get("src") or (element.get("href") if element.name == "link"
                                         and "stylesheet" in element.get("rel", []) else None)
            assert not (url and re.match(r"^(https?:)?//", url)), f"{page}: {element}"
