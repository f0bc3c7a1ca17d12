"""One declaration per content kind, and everything derived from it: schemas, the guide's tables, the load order,
``cchc new``, and a kind registered in one place reaching check, the build, search, new and the guide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from jsonschema import Draft202012Validator

from cchc.core.declaration import Field, Kind, NewFile, load_order
from cchc.core.schema import kind_schema
from cchc.kinds import registry
from cchc.site.guide import field_table, guide_page

CATEGORIES = [c["name"] for c in yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["news"]
              ["categories"]]


def example_files(kind: Kind) -> list[Path]:
    if not kind.in_content:
        return sorted((REPO / kind.folder).glob("*.yaml"))
    content = REPO / "content"
    return sorted(p for p in content.rglob("*") if p.is_file() and kind.owns(p.relative_to(content).as_posix()))


def front_or_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n")[1] if path.suffix == ".md" else text)
    return json.loads(json.dumps(data, default=str))  # dates as the editor wrote them


@pytest.mark.parametrize("kind", registry.KINDS, ids=lambda kind: kind.name)
def test_every_example_file_passes_its_kinds_schema(kind):
    schema = kind_schema(kind, "https://cchc.example.gov.vn/", {"categories": CATEGORIES})
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    files = example_files(kind)
    assert files, kind.name
    for path in files:
        problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(front_or_data(path))]
        assert problems == [], path


def test_a_schema_names_what_the_loader_also_refuses():
    schema = kind_schema(registry.by_name("documents"), "https://x/")
    wrong = {"number": "290-KH", "type": "XX", "date": "hôm qua", "issuer": "Sở", "unknown": 1}
    messages = " ".join(e.message for e in Draft202012Validator(schema).iter_errors(wrong))
    for words in ("'summary' is a required property", "'290-KH' does not match", "'XX' is not one of",
                  "'hôm qua' does not match", "('unknown' was unexpected)"):
        assert words in messages


@pytest.mark.parametrize("kind", registry.KINDS, ids=lambda kind: kind.name)
def test_the_guides_field_tables_are_those_the_declarations_give(kind):
    page = (REPO / guide_page(kind)).read_text(encoding="utf-8")
    assert field_table(kind) in page, f"run python -m cchc.site.guide to rewrite {guide_page(kind)}"


def test_the_settings_table_is_fresh():
    from cchc.site.guide import SETTINGS_PAGE, settings_table
    assert settings_table() in (REPO / SETTINGS_PAGE).read_text(encoding="utf-8")


def test_kinds_load_after_the_kinds_they_depend_on():
    order = [kind.name for kind in registry.in_load_order()]
    for kind in registry.KINDS:
        assert all(order.index(needed) < order.index(kind.name) for needed in kind.depends_on), kind.name


def test_a_cycle_or_an_unknown_dependency_is_refused():
    def kind(name, *needs):
        return Kind(name, name, name, "yaml", (), "", lambda uri: False, lambda context: None, depends_on=needs)
    with pytest.raises(ValueError, match="cycle"):
        load_order([kind("a", "b"), kind("b", "a")])
    with pytest.raises(ValueError, match="not declared"):
        load_order([kind("a", "c")])


def test_a_field_type_must_be_known():
    with pytest.raises(ValueError, match="unknown field type"):
        Field("x", "money", "tiền")


# --- a kind registered in one place ---------------------------------------------------------------------

ANNOUNCEMENT_TEMPLATE = ('{% extends "main.html" %}{% block content %}<div data-pagefind-body>'
                         "<h1>{{ item.title }}</h1>{{ page.content | safe }}</div>{% endblock %}")


def announcements_kind(templates: Path) -> Kind:
    """A small extra kind, as a department's developer would add one: announcements (thông báo)."""
    from types import SimpleNamespace

    from cchc.core.declaration import Published
    from cchc.core.declared import read, reject_unknown
    from cchc.core.fields import Fields
    from cchc.core.pages import ContentPage
    from cchc.core.reading import guarded, read_markdown

    fields = (Field("title", "text", "tiêu đề", "Tiêu đề thông báo.", required=True, example="Lịch tiếp dân"),
              Field("date", "date", "ngày thông báo", "", required=True, example="2022-01-05"))

    def load_one(source, log):
        front = read_markdown(source, log)
        if front is None:
            return None
        f = Fields(front.meta, source.shown_path, log)
        reject_unknown(f, fields)
        values = {spec.name: read(f, spec) for spec in fields}
        slug = source.src_uri.rsplit("/", 1)[1].removesuffix(".md")
        return SimpleNamespace(src_uri=source.src_uri, slug=slug, **values) if all(values.values()) else None

    def load(context):
        items = [guarded(s, context.log, lambda s=s: load_one(s, context.log))() for s in context.sources]
        return Published([item for item in items if item is not None])

    return Kind(
        name="announcements", label="Thông báo", folder="thong-bao", file_format="markdown", fields=fields,
        accepts="mỗi thông báo một tệp đuôi .md",
        owns=lambda uri: uri.startswith("thong-bao/") and uri.endswith(".md") and not uri.endswith("index.md"),
        load=load, templates=str(templates), searchable_templates=frozenset({"thong-bao.html"}),
        pages=lambda site: [ContentPage(a.src_uri, f"thong-bao/{a.slug}/", "thong-bao.html", {"item": a})
                            for a in site.announcements],
        body=Field("body", "paragraphs", "nội dung thông báo", "Viết bằng Markdown."),
        new=NewFile("thong-bao", lambda slug, moment: f"{slug}.md", "title", "(thông báo)."),
        guide="Mỗi thông báo một tệp content/thong-bao/<tên-tệp>.md.",
    )


@pytest.fixture
def with_announcements(tmp_path, monkeypatch):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "thong-bao.html").write_text(ANNOUNCEMENT_TEMPLATE, encoding="utf-8")
    kind = announcements_kind(templates)
    monkeypatch.setattr(registry, "KINDS", [*registry.KINDS, kind])  # the one place a kind is named
    return kind


def test_a_kind_registered_in_one_place_is_checked_built_searched_started_and_documented(site, with_announcements,
                                                                                        monkeypatch, capsys):
    from conftest import FIXED_EPOCH, search_fragments
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from cchc.cli.main import main
    from cchc.site.guide import write_tables
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    monkeypatch.chdir(site.root)
    site.write("content/thong-bao/lich-tiep-dan.md", "---\ntitle: Lịch tiếp dân tháng 1\ndate: 2022-01-05\n---\n\n"
               "Giám đốc Sở tiếp dân vào thứ Năm.\n")
    site.write("content/thong-bao/thieu.md", "---\ndate: 2022-01-06\n---\n\nThiếu tiêu đề.\n")
    site.write("content/thong-bao/ghi-chu.markdown", "Sai đuôi tệp.\n")
    site.write_config()

    assert main(["check"]) == 1  # cchc check: its fields and its folder
    report = capsys.readouterr().out
    assert 'content/thong-bao/thieu.md:2: title: thiếu tiêu đề (trường bắt buộc)' in report
    assert "content/thong-bao/ghi-chu.markdown: tệp này nằm trong thong-bao/ nhưng" in report
    assert "mỗi thông báo một tệp đuôi .md" in report

    (site.root / "content/thong-bao/thieu.md").unlink()
    (site.root / "content/thong-bao/ghi-chu.markdown").unlink()
    build(load_config(str(site.root / "mkdocs.yml")))  # the build, with search, in this process
    page = (site.site_dir / "thong-bao/lich-tiep-dan/index.html").read_text(encoding="utf-8")
    assert "<h1>Lịch tiếp dân tháng 1</h1>" in page and "Giám đốc Sở tiếp dân vào thứ Năm." in page
    assert "/thong-bao/lich-tiep-dan/" in [fragment["url"] for fragment in search_fragments(site.site_dir)]
    schema = json.loads((site.site_dir / "schemas/thong-bao.schema.json").read_text(encoding="utf-8"))
    assert schema["required"] == ["title", "date"]

    assert main(["new", "thong-bao", "Lịch tiếp dân tháng 2"]) == 0  # cchc new
    started = (site.root / "content/thong-bao/lich-tiep-dan-thang-2.md").read_text(encoding="utf-8")
    assert started.startswith('---\ntitle: "Lịch tiếp dân tháng 2"') and "\ndate: 2023-11-15" in started

    write_tables(site.root)  # the editors' guide
    guide = (site.root / "docs/bien-tap/thong-bao.md").read_text(encoding="utf-8")
    assert "| `title` | có | một dòng chữ | Tiêu đề. Tiêu đề thông báo. |" in guide


def guide_examples(kind: Kind) -> list[dict]:
    """The examples an editor copies from the kind's guide page: YAML blocks, or Markdown blocks' front matter."""
    page = (REPO / guide_page(kind)).read_text(encoding="utf-8")
    examples = []
    for block in page.split("\n```")[1::2]:
        language, _, text = block.partition("\n")
        if language == "markdown":
            text = text.split("---\n")[1]
        if language in ("yaml", "markdown"):
            examples.append(json.loads(json.dumps(yaml.safe_load(text), default=str)))
    return examples


@pytest.mark.parametrize("kind", registry.KINDS, ids=lambda kind: kind.name)
def test_the_guides_examples_pass_the_kinds_schema(kind):
    validator = Draft202012Validator(kind_schema(kind, "https://cchc.example.gov.vn/", {"categories": CATEGORIES}))
    examples = guide_examples(kind)
    assert examples, guide_page(kind)
    for example in examples:
        problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(example)]
        assert problems == [], guide_page(kind)
