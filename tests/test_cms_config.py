"""The browser form's configuration (/quan-tri/config.yml), made from the kinds' declarations: every declared field
of every kind is in it, as declared, and nothing else; file names as ``cchc new`` makes them; each Git host's
backend; the admin page is no content (noindex, not in the sitemap, feeds or search index) and loads nothing
from another host; a missing or altered npm package stops the build with a Vietnamese message."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
import yaml
from conftest import REPO, Site, environment, search_fragments
from test_declarations import CATEGORIES

from cchc.cms.collections import slug_template
from cchc.cms.config import cms_config
from cchc.cms.hosts import GitHost, backend_config
from cchc.core.declaration import Field, Kind
from cchc.core.declared import pattern_message
from cchc.core.fields import required_message
from cchc.core.text import short_slug, slugify
from cchc.kinds import registry

DECAP_WIDGETS = {"text": {"string", "text"}, "paragraphs": {"list"}, "texts": {"list"}, "date": {"datetime"},
                 "datetime": {"datetime"}, "month": {"string"}, "integer": {"number"}, "boolean": {"boolean"},
                 "url": {"string"}, "email": {"string"}, "choice": {"select"}, "choices": {"select"}, "file": {"file"},
                 "image": {"image"}, "record": {"object"}, "records": {"list"}, "time_limit": {"object"}}


def config() -> dict:
    return cms_config(registry.KINDS, CATEGORIES, None, "https://cchc.example.gov.vn/", "Sở GDĐT Thử Nghiệm")


def collection_of(kind: Kind) -> dict:
    return next(c for c in config()["collections"] if c["name"] == kind.name)


def form_fields(kind: Kind) -> list[dict]:
    found = collection_of(kind)
    if "files" in found:
        return [field for file in found["files"] for field in file["fields"]]
    return [field for field in found["fields"] if field["name"] != "body"]


def assert_same_field(spec: Field, field: dict, where: str, within_optional: bool = False) -> None:
    """One declared field and its form field: name, label, help, required, widget, allowed values, sub-fields.
    Inside an optional object nothing is required in the form (Decap would refuse the object left empty)."""
    assert field["name"] == spec.name, where
    assert field["label"] == spec.label, where
    assert field.get("hint", "") == spec.help, where
    assert field["required"] == (spec.required and not within_optional), where
    assert field["widget"] in DECAP_WIDGETS[spec.type], where
    if isinstance(spec.choices, dict):
        assert [option["value"] for option in field["options"]] == list(spec.choices), where
        assert all(label in option["label"] for option, label in zip(field["options"], spec.choices.values()))
        assert field["multiple"] == (spec.type == "choices"), where
    if spec.choices == "categories":
        assert field["options"] == CATEGORIES, where
    if spec.pattern:
        assert field["pattern"] == [f"^({spec.pattern})$", pattern_message(spec)], where
        assert re.fullmatch(field["pattern"][0], str(spec.example)), where
    if spec.fields:
        assert [sub["name"] for sub in field["fields"]] == [sub.name for sub in spec.fields], where
        optional_object = field["widget"] == "object" and not field["required"]
        for sub, sub_field in zip(spec.fields, field["fields"]):
            assert_same_field(sub, sub_field, f"{where}.{sub.name}", within_optional or optional_object)


@pytest.mark.parametrize("kind", registry.KINDS, ids=lambda kind: kind.name)
def test_every_declared_field_of_every_kind_is_in_the_form_as_declared_and_nothing_else(kind):
    fields = form_fields(kind)
    assert [field["name"] for field in fields] == [spec.name for spec in kind.fields]
    for spec, field in zip(kind.fields, fields):
        assert_same_field(spec, field, f"{kind.name}.{spec.name}")


def test_a_collection_per_kind_and_markdown_bodies_as_markdown():
    collections = config()["collections"]
    assert [c["name"] for c in collections] == [kind.name for kind in registry.KINDS]
    for kind in registry.KINDS:
        body = [f for f in collection_of(kind).get("fields", []) if f["name"] == "body"]
        if kind.body is None:
            assert body == []
        else:
            assert body[0]["widget"] == "markdown" and body[0]["label"] == kind.body.label
            assert collection_of(kind)["format"] == "yaml-frontmatter"


def test_dates_are_stored_as_the_loader_reads_them_and_new_files_start_with_what_cchc_new_fills_in():
    news = {f["name"]: f for f in collection_of(registry.by_name("news"))["fields"]}
    assert news["date"]["format"] == "YYYY-MM-DD HH:mm" and news["date"]["default"] == "{{now}}"
    assert "default" not in news["updated"]  # optional: empty until the editor fills it
    assert news["draft"]["default"] is True  # cchc new starts an article as a draft
    question = {f["name"]: f for f in collection_of(registry.by_name("questions"))["fields"]}
    assert question["asked"]["date_format"] == "YYYY-MM-DD" and question["asked"]["time_format"] is False
    assert question["channel"]["default"] == "website"
    assert question["question"]["widget"] == "text"  # several lines
    procedure = {f["name"]: f for f in collection_of(registry.by_name("procedures"))["fields"]}
    handling = next(f for f in procedure["agencies"]["fields"] if f["name"] == "handling")
    assert handling["default"] == "Sở GDĐT Thử Nghiệm"
    assert "default" not in procedure["published_by"]["fields"][1]  # a decision's date is not today's
    assert not [f for f in procedure["history"]["fields"] if "default" in f]  # no empty item to start with


def test_uploads_go_into_the_kinds_folders_and_the_field_holds_the_path_the_loader_reads():
    news = {f["name"]: f for f in collection_of(registry.by_name("news"))["fields"]}
    assert (news["image"]["media_folder"], news["image"]["public_folder"]) == ("/content/tin-tuc/anh", "anh")
    attachment = news["attachments"]["fields"][0]
    assert (attachment["media_folder"], attachment["public_folder"]) == ("/content/tin-tuc/tep", "tep")
    assert (collection_of(registry.by_name("news"))["media_folder"]) == "anh"  # images put in the body
    document = {f["name"]: f for f in collection_of(registry.by_name("documents"))["fields"]}
    assert (document["file"]["media_folder"], document["file"]["public_folder"]) == ("/content/van-ban/tep", "tep")
    plan = {f["name"]: f for f in collection_of(registry.by_name("plans"))["fields"]}
    assert (plan["attachment"]["media_folder"], plan["attachment"]["public_folder"]) == ("/content/ke-hoach/tep",
                                                                                         "ke-hoach/tep")


DECAP_DATE = {"{{year}}": "%Y", "{{month}}": "%m", "{{day}}": "%d"}


@pytest.mark.parametrize("kind", [k for k in registry.KINDS if k.new], ids=lambda kind: kind.name)
def test_a_new_file_is_named_as_cchc_new_names_it(kind):
    template, extension, identifier = slug_template(kind)
    title = "Đăng ký dự thi tốt nghiệp THPT năm 2023"
    moment = datetime(2023, 6, 1, 8, 30)
    decap_name = template.replace("{{slug}}", short_slug(slugify(title)))
    for placeholder, code in DECAP_DATE.items():
        decap_name = decap_name.replace(placeholder, moment.strftime(code))
    assert f"{decap_name}.{extension}" == kind.new.file_name(short_slug(slugify(title)), moment)
    assert identifier == kind.new.title_field
    assert collection_of(kind)["slug"] == template and collection_of(kind)["identifier_field"] == identifier


def test_plans_are_named_by_their_year_and_statistics_are_their_three_fixed_files():
    assert collection_of(registry.by_name("plans"))["slug"] == "{{fields.year}}"
    assert collection_of(registry.by_name("plans"))["folder"] == "plans"
    files = collection_of(registry.by_name("statistics"))["files"]
    assert [(f["name"], f["file"]) for f in files] == [("ho-so", "content/thong-ke/ho-so.yaml"),
                                                       ("hai-long", "content/thong-ke/hai-long.yaml"),
                                                       ("chi-so", "content/thong-ke/chi-so.yaml")]


HOSTS = {
    "github": (GitHost("github", "so-gddt/cchc", auth_url="https://dang-nhap.example.vn/", editorial_workflow=True),
               {"name": "github", "repo": "so-gddt/cchc", "branch": "main", "base_url": "https://dang-nhap.example.vn",
                "auth_endpoint": "auth"}),
    "gitlab": (GitHost("gitlab", "so-gddt/cchc", app_id="abc", editorial_workflow=True),
               {"name": "gitlab", "repo": "so-gddt/cchc", "branch": "main", "auth_type": "pkce", "app_id": "abc",
                "base_url": "https://gitlab.com", "api_root": "https://gitlab.com/api/v4",
                "auth_endpoint": "oauth/authorize"}),
    "gitea": (GitHost("gitea", "so-gddt/cchc", host="https://git.example.vn/", app_id="abc"),
              {"name": "gitea", "repo": "so-gddt/cchc", "branch": "main", "app_id": "abc",
               "base_url": "https://git.example.vn", "api_root": "https://git.example.vn/api/v1",
               "auth_endpoint": "https://git.example.vn/login/oauth/authorize"}),
    "forgejo": (GitHost("forgejo", "so-gddt/cchc", branch="xuat-ban", host="https://git.example.vn", app_id="abc",
                        editorial_workflow=True),
                {"name": "forgejo", "repo": "so-gddt/cchc", "branch": "xuat-ban", "app_id": "abc",
                 "base_url": "https://git.example.vn", "api_root": "https://git.example.vn/api/v1",
                 "auth_endpoint": "https://git.example.vn/login/oauth/authorize"}),
}


@pytest.mark.parametrize("name", HOSTS)
def test_each_git_hosts_backend_has_the_keys_its_decap_backend_reads(name):
    host, backend = HOSTS[name]
    made = backend_config(host)
    assert made["backend"] == backend
    assert made.get("publish_mode") == ("editorial_workflow" if host.editorial_workflow else None)


def test_without_a_git_host_the_form_saves_through_the_local_server_only():
    made = config()
    assert made["backend"] == {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1", "branch": "main"}
    assert made["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
    assert "publish_mode" not in made


def write_cms(site: Site, cms: dict) -> None:
    site.config["extra"]["cms"] = cms
    site.write_config()


@pytest.mark.parametrize("name", HOSTS)
def test_the_git_host_chosen_in_mkdocs_yml_is_the_built_forms_backend(site, name):
    host, backend = HOSTS[name]
    written = {"backend": host.backend, "repo": host.repo, "branch": host.branch, "host": host.host,
               "app_id": host.app_id, "auth_url": host.auth_url, "editorial_workflow": host.editorial_workflow}
    write_cms(site, {key: value for key, value in written.items() if value})
    site.build_ok()
    built = yaml.safe_load((site.site_dir / "quan-tri/config.yml").read_text(encoding="utf-8"))
    assert built["backend"] == backend
    assert 'data-git-host="yes"' in (site.site_dir / "quan-tri/index.html").read_text(encoding="utf-8")


def test_what_a_git_host_needs_is_asked_for_by_name_in_check_and_build(site):
    write_cms(site, {"backend": "gitea", "repo": "so-gddt", "editorial_workflow": True, "colour": "red"})
    errors = site.build_failed()
    assert any('extra.cms.repo: kho nội dung "so-gddt" không đúng dạng chủ/tên-kho' in e for e in errors), errors
    assert any("extra.cms.colour" in e for e in errors), errors
    write_cms(site, {"backend": "gitea", "repo": "so-gddt/cchc", "editorial_workflow": True})
    errors = site.build_failed()
    assert any('extra.cms.app_id: máy chủ Gitea (máy chủ riêng) cần mã ứng dụng OAuth (Client ID)' in e for e in errors)
    assert any("extra.cms.host: máy chủ Gitea (máy chủ riêng) cần địa chỉ máy chủ Git" in e for e in errors)
    assert any("extra.cms.editorial_workflow: Gitea (máy chủ riêng) chưa có quy trình duyệt bài" in e for e in errors)


def test_the_form_says_a_missing_required_field_as_the_build_does(site):
    site.build_ok()
    messages = (site.site_dir / "quan-tri/thong-bao.js").read_text(encoding="utf-8")
    assert f'"required": "{required_message("%{fieldLabel}")}"' in messages
    site.article("thieu", title=None)
    assert any(f"title: {required_message('tiêu đề')}" in e for e in site.build_failed())


def test_the_built_config_is_the_one_made_from_the_declarations(built_example):
    built = yaml.safe_load((built_example / "quan-tri/config.yml").read_text(encoding="utf-8"))
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    expected = cms_config(registry.KINDS, CATEGORIES, None, settings["site_url"],
                          settings["extra"]["department"]["name"])
    assert built == expected


def test_the_admin_is_not_content(built_example):
    page = (built_example / "quan-tri/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    for sitemap in built_example.rglob("sitemap.xml"):
        assert "quan-tri" not in sitemap.read_text(encoding="utf-8"), sitemap
    for feed in [*built_example.rglob("rss.xml"), *built_example.rglob("atom.xml")]:
        assert "quan-tri" not in feed.read_text(encoding="utf-8"), feed
    assert not [f["url"] for f in search_fragments(built_example) if "quan-tri" in f["url"]]


def test_the_admin_page_and_its_scripts_load_nothing_from_another_host(built_example):
    admin = built_example / "quan-tri"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'(?:src|href)="([^"]+)"', page) == ["config.yml", "decap/decap-cms.js", "cchc-cms.js"]
    script = (admin / "cchc-cms.js").read_text(encoding="utf-8")
    assert re.findall(r'from "([^"]+)"', script) == ["./decap/vi.js", "./thong-bao.js"]
    assert re.findall(r"\w+://", script) == []  # no address of its own: the page's, Decap's config's
    assert (admin / "decap/decap-cms.js").stat().st_size > 1_000_000 and (admin / "decap/vi.js").exists()
    assert not list(admin.rglob("*.map"))


def test_an_editors_file_cannot_take_the_forms_address(site):
    site.write("content/quan-tri/decap/decap-cms.js.txt", "x")
    site.write("content/quan-tri.md", "# Quản trị\n")
    errors = site.build_failed()
    assert any("content/quan-tri.md: tệp này trùng địa chỉ /quan-tri/ với trang do cchc tạo tự động" in e
               for e in errors), errors
    assert any("content/quan-tri/decap/decap-cms.js.txt: tệp này trùng địa chỉ" in e and "Decap CMS" in e
               for e in errors), errors


def test_a_missing_npm_package_stops_the_build_with_what_to_run(site, tmp_path):
    site.write_config()
    result = site.build(CCHC_CMS_PACKAGES=str(tmp_path / "khong-co"))
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "thiếu gói npm decap-cms@3.16.3 của trang soạn bài /quan-tri/" in result.output
    assert "chạy lệnh cài đặt trong README (mục Set-up)" in result.output


def test_an_altered_npm_package_is_refused(site, tmp_path):
    from cchc.cms.package import DECAP, LOCALES, package_folder
    real = package_folder(str(REPO))
    (tmp_path / DECAP.tarball).write_bytes((real / DECAP.tarball).read_bytes()[:-1] + b"\0")
    (tmp_path / LOCALES.tarball).write_bytes((real / LOCALES.tarball).read_bytes())
    site.write_config()
    result = site.build(CCHC_CMS_PACKAGES=str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "không đúng bản 3.16.3 đã kiểm định" in result.output and "integrity mismatch" in result.output


def test_the_unpacked_files_kept_beside_a_tarball_are_its_own_and_a_damaged_copy_is_made_again(tmp_path):
    from cchc.cms.package import DECAP, LOCALES, _members, package_folder, vendor_files
    real = package_folder(str(REPO))
    for package in (DECAP, LOCALES):
        (tmp_path / package.tarball).write_bytes((real / package.tarball).read_bytes())
    with environment(CCHC_CMS_PACKAGES=str(tmp_path)):
        _members.cache_clear()
        unpacked = vendor_files(".")
        [kept] = tmp_path.glob(f"{DECAP.tarball}.decap.*.tar")
        _members.cache_clear()
        assert vendor_files(".") == unpacked  # read from the kept copy
        kept.write_bytes(kept.read_bytes()[:-512])  # its last file's end lost: still a readable tar
        _members.cache_clear()
        assert vendor_files(".") == unpacked  # not the damaged copy: the tarball unpacked again, and kept again
        assert kept.stat().st_size > 1_000_000
    assert "decap-cms.js" in unpacked and "vi.js" in unpacked
    assert not list(tmp_path.glob("*.partial"))


def test_both_setup_commands_fetch_the_pinned_cms_packages():
    from test_project import readme_commands

    from cchc.cms.package import DECAP, LOCALES, SERVER
    step = (f"mkdir -p .cache/cms && npm pack --silent --pack-destination .cache/cms {DECAP.name}@{DECAP.version} "
            f"{LOCALES.name}@{LOCALES.version} && npm install --no-save --no-audit --no-fund --prefix .cache/cms "
            f"{SERVER.name}@{SERVER.version}")
    first, second = readme_commands()
    assert step in first and first.index(step) < first.index("mkdocs build")
    assert step in second and second.index(step) < second.index("pytest")
    publishing = (REPO / ".ci" / "publish").read_text(encoding="utf-8")  # the build needs the form's files too
    assert step.split(" && npm install")[0] in publishing


def test_cchc_edit_without_the_local_server_says_what_to_run(site, tmp_path):
    from test_cli import cchc

    with environment(CCHC_CMS_PACKAGES=str(tmp_path / "khong-co")):
        result = cchc(site, "edit", "--cong", "8765")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cchc: thiếu máy chủ soạn bài decap-server@3.11.3" in result.stderr
    assert "chạy lệnh cài đặt trong README (mục Set-up)" in result.stderr
