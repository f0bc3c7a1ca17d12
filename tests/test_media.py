"""Video clips without a third party (cchc/core/media.py): a clip kept with the article plays in an HTML5 <video>
that loads nothing before play, with its size and a poster; a link to YouTube or the province's television,
alone on its line, becomes a card with a local picture, so that nothing comes from that site until clicked."""

from __future__ import annotations

import struct

from conftest import image_bytes

from cchc.core.media import site_name, video_size


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4_bytes(width: int, height: int) -> bytes:
    """The boxes of an MP4 a phone writes, as far as its size goes: ftyp, then moov → trak → tkhd."""
    tkhd = bytes(4) + bytes(72) + struct.pack(">II", width << 16, height << 16)  # version/flags … width, height
    return box(b"ftyp", b"isom" + bytes(4) + b"isommp41") + box(b"moov", box(b"trak", box(b"tkhd", tkhd)))


def ebml(element: int, payload: bytes) -> bytes:
    identifier = element.to_bytes((element.bit_length() + 7) // 8, "big")
    return identifier + bytes([0x80 | len(payload)]) + payload if len(payload) < 127 else \
        identifier + (0x4000 | len(payload)).to_bytes(2, "big") + payload


def webm_bytes(width: int, height: int) -> bytes:
    video = ebml(0xE0, ebml(0xB0, width.to_bytes(2, "big")) + ebml(0xBA, height.to_bytes(2, "big")))
    tracks = ebml(0x1654AE6B, ebml(0xAE, ebml(0xD7, b"\x01") + video))
    return ebml(0x1A45DFA3, ebml(0x4282, b"webm")) + ebml(0x18538067, ebml(0x1549A966, b"\x00" * 4) + tracks)


def test_the_size_of_a_clip_is_read_from_its_file(tmp_path):
    (tmp_path / "a.mp4").write_bytes(mp4_bytes(1280, 720))
    (tmp_path / "b.webm").write_bytes(webm_bytes(640, 360))
    (tmp_path / "c.mp4").write_bytes(b"not a video")
    assert video_size(str(tmp_path / "a.mp4")) == (1280, 720)
    assert video_size(str(tmp_path / "b.webm")) == (640, 360)
    assert video_size(str(tmp_path / "c.mp4")) is None


def test_a_clip_kept_with_the_article_plays_in_the_page_and_loads_nothing_before_play(site):
    site.write("content/tin-tuc/video/hoi-thi.mp4", mp4_bytes(1280, 720))
    site.write("content/tin-tuc/video/hoi-thi.jpg", image_bytes(1280, 720, "JPEG"))
    site.write("content/tin-tuc/video/khong-anh.webm", webm_bytes(640, 360))
    site.article("hoi-thi", body="![Hội thi tìm hiểu CCHC](video/hoi-thi.mp4)\n\n![Clip](video/khong-anh.webm)\n")
    site.build_ok()
    with_poster, placeholder = site.html("tin-tuc/hoi-thi/").select("video")
    assert with_poster["preload"] == "none" and with_poster.has_attr("controls")
    assert (with_poster["width"], with_poster["height"]) == ("1280", "720")
    assert with_poster["poster"] == "../video/hoi-thi-960.jpg" and with_poster["title"] == "Hội thi tìm hiểu CCHC"
    assert with_poster.source["src"] == "../video/hoi-thi.mp4" and with_poster.source["type"] == "video/mp4"
    assert with_poster.a["href"] == "../video/hoi-thi.mp4"  # without <video>: a download
    assert (placeholder["width"], placeholder["height"]) == ("640", "360")
    assert placeholder["poster"] == "../../assets/images/cchc-video.svg" and placeholder.source["type"] == "video/webm"
    assert (site.site_dir / "tin-tuc/video/hoi-thi.mp4").read_bytes() == mp4_bytes(1280, 720)


def test_a_link_to_a_video_elsewhere_alone_on_its_line_becomes_a_card_that_loads_nothing_from_there(site):
    site.config["extra"]["department"]["tv_site"] = "https://truyenhinh.example.vn/"
    site.article("co-video", body=(
        "Xem lại buổi phát sóng:\n\n"
        "[Phóng sự: Cải cách hành chính ở trường học](https://www.youtube.com/watch?v=abc123)\n\n"
        "<https://youtu.be/abc123>\n\n"
        "[Bản tin tỉnh](https://truyenhinh.example.vn/video/ban-tin-cchc)\n\n"
        "Một [liên kết YouTube](https://www.youtube.com/watch?v=x) giữa câu thì giữ nguyên.\n"))
    site.build_ok()
    page = site.html("tin-tuc/co-video/")
    cards = page.select(".cchc-video-card a")
    assert [c["href"] for c in cards] == ["https://www.youtube.com/watch?v=abc123", "https://youtu.be/abc123",
                                          "https://truyenhinh.example.vn/video/ban-tin-cchc"]
    titles = [c.select_one(".cchc-video-card__title").get_text() for c in cards]
    assert titles == ["Phóng sự: Cải cách hành chính ở trường học", "Video trên YouTube", "Bản tin tỉnh"]
    assert cards[2].select_one(".cchc-video-card__site").get_text().startswith("Xem trên Đài truyền hình tỉnh")
    assert all(c.img["src"] == "../../assets/images/cchc-video.svg" for c in cards)  # the site's own picture
    assert not page.select("iframe") and "youtube.com/embed" not in str(page) and "ytimg" not in str(page)
    assert page.find("a", string="liên kết YouTube")["href"] == "https://www.youtube.com/watch?v=x"


def test_known_video_sites():
    assert site_name("https://m.youtube.com/watch?v=1") == "YouTube"
    assert site_name("https://vtv.vn/video/ban-tin.htm") == "VTV"
    assert site_name("https://example.com/youtube.com") is None
