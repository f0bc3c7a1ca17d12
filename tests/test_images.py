"""Photos that fit a phone (cchc/core/images.py): a phone photo dropped into an article is published at a few
widths, WebP and JPEG, upright and without its EXIF data; a rebuild takes them from the cache; an image that
cannot be shown is an error naming the file and the field."""

from __future__ import annotations

import functools
import io
import os
from pathlib import Path

import pytest
from conftest import Site, image_bytes
from PIL import Image

from cchc.core.images import ImageInfo, plan_for, widths_for

GPS_IFD, ORIENTATION, MAKE = 0x8825, 0x0112, 0x010F


@functools.cache
def phone_photo() -> bytes:
    """4000×3000 px as the sensor wrote it, to be turned a quarter (EXIF orientation 6), with its GPS position."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = "Điện thoại"
    exif[GPS_IFD] = {1: "N", 2: (9.0, 36.0, 10.0), 3: "E", 4: (105.0, 58.0, 20.0)}
    return image_bytes(4000, 3000, "JPEG", quality=90, exif=exif)


def build_photo_site(site: Site) -> Site:
    site.write("content/tin-tuc/anh/hoi-nghi.jpg", phone_photo())
    site.article("co-anh", body="Đoạn mở đầu.\n\n![Đại biểu dự hội nghị](anh/hoi-nghi.jpg)\n",
                 image="anh/hoi-nghi.jpg", image_alt="Toàn cảnh hội nghị")
    site.build_ok()
    return site


@pytest.fixture(scope="module")
def built_photo_site(tmp_path_factory):
    """The article with the phone photo, built once for the tests that only read what came out."""
    return build_photo_site(Site(tmp_path_factory.mktemp("photo")))


@pytest.fixture
def photo_site(site):
    """The same, for a test that changes it and builds again."""
    return build_photo_site(site)


def published(site, name: str) -> Image.Image:
    return Image.open(io.BytesIO((site.site_dir / "tin-tuc/anh" / name).read_bytes()))


def test_a_phone_photo_is_published_at_a_few_widths_upright_and_without_exif(built_photo_site):
    folder = built_photo_site.site_dir / "tin-tuc/anh"
    expected = {  # the photo stands upright: 3000×4000
        "hoi-nghi-480.webp": ("WEBP", 480, 640), "hoi-nghi-960.webp": ("WEBP", 960, 1280),
        "hoi-nghi-1600.webp": ("WEBP", 1600, 2133), "hoi-nghi-480.jpg": ("JPEG", 480, 640),
        "hoi-nghi-960.jpg": ("JPEG", 960, 1280), "hoi-nghi.jpg": ("JPEG", 1600, 2133),
        "hoi-nghi-1200.jpg": ("JPEG", 1200, 1600),
    }
    assert sorted(os.listdir(folder)) == sorted(expected)
    for name, (fmt, width, height) in expected.items():
        image = published(built_photo_site, name)
        assert (image.format, image.width, image.height) == (fmt, width, height), name
        assert not image.getexif() and "exif" not in image.info and "xmp" not in image.info, name
        assert b"Exif" not in (folder / name).read_bytes() and "Điện thoại".encode() not in (folder / name).read_bytes()
    assert os.path.getsize(folder / "hoi-nghi.jpg") < len(phone_photo()) / 2  # the original is not published


def test_the_article_shows_picture_elements_with_srcset_sizes_and_the_room_they_take(built_photo_site):
    page = built_photo_site.html("tin-tuc/co-anh/")
    cover, body = page.select("picture")
    for picture in (cover, body):
        webp, jpeg = picture.select("source")
        assert webp["type"] == "image/webp" and jpeg["type"] == "image/jpeg"
        assert webp["srcset"] == "../anh/hoi-nghi-480.webp 480w, ../anh/hoi-nghi-960.webp 960w, ../anh/hoi-nghi-1600.webp 1600w"
        assert jpeg["srcset"] == "../anh/hoi-nghi-480.jpg 480w, ../anh/hoi-nghi-960.jpg 960w, ../anh/hoi-nghi.jpg 1600w"
        assert webp["sizes"] == jpeg["sizes"] and "100vw" in webp["sizes"]
        img = picture.img
        assert (img["src"], img["width"], img["height"]) == ("../anh/hoi-nghi.jpg", "1600", "2133")
    assert cover.img["alt"] == "Toàn cảnh hội nghị" and not cover.img.get("loading")  # at the top: loaded at once
    assert body.img["alt"] == "Đại biểu dự hội nghị" and body.img["loading"] == "lazy"  # below: when scrolled to


def test_a_rebuild_takes_the_variants_from_the_cache_instead_of_resizing_again(photo_site):
    cache = photo_site.root / ".cache" / "cchc-images"
    cached = sorted(cache.rglob("480.webp"))
    assert len(cached) == 1
    cached[0].write_bytes(b"from the cache")  # what a new resize would overwrite
    photo_site.build_ok()
    assert (photo_site.site_dir / "tin-tuc/anh/hoi-nghi-480.webp").read_bytes() == b"from the cache"


def test_a_replaced_photo_of_the_same_name_is_made_again(photo_site):
    photo_site.write("content/tin-tuc/anh/hoi-nghi.jpg", image_bytes(1000, 800, "JPEG"))
    photo_site.build_ok()
    assert published(photo_site, "hoi-nghi.jpg").size == (1000, 800)
    assert not (photo_site.site_dir / "tin-tuc/anh/hoi-nghi-1600.webp").exists()


def test_a_transparent_png_keeps_png_for_its_fallback_and_a_small_one_is_not_enlarged(site):
    site.write("content/anh/so-do.png", image_bytes(700, 400, "PNG", alpha=True))
    site.write("content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\n![Sơ đồ bộ máy](anh/so-do.png)\n")
    site.build_ok()
    names = sorted(os.listdir(site.site_dir / "anh"))
    assert names == ["so-do-480.png", "so-do-480.webp", "so-do-700.webp", "so-do.png"]
    assert Image.open(site.site_dir / "anh/so-do.png").mode == "RGBA"
    img = site.html("gioi-thieu/").select_one("picture img")
    assert (img["src"], img["width"], img["height"]) == ("../anh/so-do.png", "700", "400")


@pytest.mark.parametrize("width, widths", [(300, (300,)), (480, (480,)), (700, (480, 700)), (1000, (480, 960, 1000)),
                                           (1600, (480, 960, 1600)), (5000, (480, 960, 1600))])
def test_the_widths_an_image_is_published_at(width, widths):
    assert widths_for(width) == widths


def test_a_share_card_image_is_made_only_from_a_wide_enough_picture():
    assert plan_for("a.jpg", ImageInfo(2000, 1000, "JPEG")).share.width == 1200
    assert plan_for("a.jpg", ImageInfo(800, 600, "JPEG")).share.uri == "a.jpg"
    assert plan_for("a.jpg", ImageInfo(500, 400, "JPEG")).share is None


# --- what an editor is told --------------------------------------------------------------------------------------

def test_an_image_that_cannot_be_shown_is_an_error_naming_the_file_and_the_field(site):
    site.write("content/tin-tuc/anh/nho.jpg", image_bytes(320, 240, "JPEG"))
    site.write("content/tin-tuc/anh/khong-phai-anh.jpg", b"<html>trang web</html>")
    site.write("content/tin-tuc/anh/that-la-png.jpg", image_bytes(800, 600, "PNG"))
    site.write("content/tin-tuc/anh/bieu-tuong.png", image_bytes(40, 40))
    site.article("anh-nho", image="anh/nho.jpg", image_alt="Ảnh nhỏ")
    site.article("anh-hong", image="anh/khong-phai-anh.jpg", image_alt="Ảnh hỏng")
    site.article("trong-bai", body="Chữ.\n\n![Biểu tượng](anh/bieu-tuong.png)\n")
    errors = site.build_failed()
    assert len(errors) == 5, errors
    by_start = {line.split(": ", 1)[0]: line for line in errors}
    assert by_start["content/tin-tuc/anh-nho.md:8"].startswith('content/tin-tuc/anh-nho.md:8: image: ảnh "anh/nho.jpg" '
                                                               "chỉ rộng 320 điểm ảnh; ảnh đại diện cần rộng ít nhất 600")
    assert by_start["content/tin-tuc/anh-hong.md:8"].startswith('content/tin-tuc/anh-hong.md:8: image: ảnh '
                                                                '"anh/khong-phai-anh.jpg": tệp này không phải ảnh')
    assert "chỉ rộng 40 điểm ảnh; ảnh trong bài cần rộng ít nhất 100" in by_start["content/tin-tuc/trong-bai.md:12"]
    assert "thực ra là ảnh PNG" in by_start["content/tin-tuc/anh/that-la-png.jpg"]
    assert "không phải ảnh" in by_start["content/tin-tuc/anh/khong-phai-anh.jpg"]


def test_a_cut_off_photo_is_an_error_not_a_published_file_with_its_gps(site):
    photo = phone_photo()
    site.write("content/tin-tuc/anh/cat-cut.jpg", photo[:len(photo) // 2])
    errors = site.build_failed()
    assert errors == [errors[0]] and errors[0].startswith("content/tin-tuc/anh/cat-cut.jpg: ảnh bị cắt cụt"), errors
