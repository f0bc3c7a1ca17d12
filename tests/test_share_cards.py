"""Share cards (cchc/site/share.py): what Zalo's and Facebook's crawlers read of every page type of the example,
and of an article with its own photo: Open Graph and Twitter tags, absolute addresses, a picture ≥ 600 px wide."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import image_bytes
from example_site import PAGE_TYPES
from PIL import Image

SITE_URL = "https://cchc.sogddt.soctrang.example.vn/"
ARTICLES = {"tin", "tin-co-anh", "tin-co-bang"}


def tags_of(html: str) -> dict[str, str]:
    head = BeautifulSoup(html, "lxml").head
    tags = {m.get("property") or m.get("name"): m.get("content") for m in head.find_all("meta")
            if (m.get("property") or m.get("name") or "").startswith(("og:", "twitter:", "article:", "description"))}
    canonical = head.find("link", rel="canonical")
    tags["canonical"] = canonical["href"] if canonical else None
    return tags


def page_file(site_dir: Path, path: str) -> Path:
    path = urlsplit(path).path
    return site_dir / "404.html" if path == PAGE_TYPES["404"] else site_dir / path.strip("/") / "index.html"


@pytest.mark.parametrize("name", [name for name in PAGE_TYPES if name != "go-tim-kiem"])
def test_every_page_type_has_a_share_card_crawlers_can_read(example_site_dir, name):
    tags = tags_of(page_file(example_site_dir, PAGE_TYPES[name]).read_text(encoding="utf-8"))
    assert tags["og:locale"] == "vi_VN" and tags["og:site_name"].startswith("Chuyên trang")
    assert tags["og:title"] and tags["og:title"] == tags["twitter:title"]
    assert 20 <= len(tags["og:description"]) <= 200 and tags["og:description"] == tags["description"]
    assert tags["og:url"].startswith(SITE_URL) and tags["og:url"] == (tags["canonical"] or SITE_URL)
    image = tags["og:image"]
    assert image.startswith(SITE_URL) and tags["twitter:image"] == image and tags["og:image:alt"]
    assert tags["twitter:card"] == "summary_large_image"
    with Image.open(example_site_dir / image.removeprefix(SITE_URL)) as published:
        assert published.size == (int(tags["og:image:width"]), int(tags["og:image:height"]))
        assert published.width >= 600 and published.format in ("JPEG", "PNG")
    if name in ARTICLES:
        assert tags["og:type"] == "article"
        assert tags["article:published_time"].endswith("+07:00") and tags["article:modified_time"]
    else:
        assert tags["og:type"] == "website" and "article:published_time" not in tags


def test_an_article_with_a_photo_shares_it_at_1200_px(site):
    site.write("content/tin-tuc/anh/hoi-nghi.jpg", image_bytes(2400, 1600, "JPEG"))
    site.article("co-anh", title="Hội nghị", summary="Tóm tắt hội nghị.", image="anh/hoi-nghi.jpg",
                 image_alt="Toàn cảnh hội nghị", updated="2022-03-01 09:00")
    site.build_ok()
    tags = tags_of((site.site_dir / "tin-tuc/co-anh/index.html").read_text(encoding="utf-8"))
    assert tags["og:image"] == "https://cchc.example.gov.vn/tin-tuc/anh/hoi-nghi-1200.jpg"
    assert (tags["og:image:width"], tags["og:image:height"], tags["og:image:alt"]) == ("1200", "800", "Toàn cảnh hội nghị")
    assert tags["og:description"] == "Tóm tắt hội nghị."
    assert tags["article:modified_time"] == "2022-03-01T09:00:00+07:00"


def test_without_any_picture_the_card_is_a_small_one(site):
    site.article("khong-anh", title="Tin không ảnh")
    site.build_ok()
    tags = tags_of((site.site_dir / "tin-tuc/khong-anh/index.html").read_text(encoding="utf-8"))
    assert tags["twitter:card"] == "summary" and "og:image" not in tags


def test_the_share_image_of_the_settings_must_be_a_picture_wide_enough(site):
    site.config["extra"]["department"]["share_image"] = "anh/nho.png"
    site.write("content/anh/nho.png", image_bytes(300, 200))
    errors = site.build_failed()
    assert len(errors) == 1 and errors[0].startswith("mkdocs.yml:")
    assert ": extra.department.share_image: ảnh \"anh/nho.png\" chỉ rộng 300 điểm ảnh; ảnh chia sẻ" in errors[0]
    site.config["extra"]["department"]["share_image"] = "anh/khong-co.jpg"
    site.write_config()
    assert "không tìm thấy ảnh \"anh/khong-co.jpg\"" in site.build_failed()[0]
