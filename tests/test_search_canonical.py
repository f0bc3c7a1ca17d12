"""Pagefind's filter files are rewritten in one order, so two builds give the same search index bytes."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pagefind_bin import get_executable

from cchc.search.canonical import (
    ENTRY,
    MARKER,
    UnexpectedBundle,
    canonicalize_bundle,
    decode_cbor,
    encode_cbor,
    pagefind_hash,
)
from cchc.search.input import stage_page

FIELDS = ["Đào tạo với nước ngoài", "Giáo dục trung học", "Thi, tuyển sinh", "Văn bằng, chứng chỉ",
          "Giáo dục thường xuyên", "Giáo dục mầm non", "Giáo dục tiểu học", "Quy chế thi"]
KINDS = ["Thủ tục", "Hỏi đáp", "Văn bản"]
PAGE = ('<article data-pagefind-body><h1>Trang {n}</h1><p data-pagefind-filter="Loại">{kind}</p>'
        '<p data-pagefind-filter="Lĩnh vực">{field}</p><p>Nội dung trang số {n}.</p></article>')


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> Path:
    """Pages with two filters and eleven values between them, as cchc stages them for Pagefind."""
    staging = tmp_path_factory.mktemp("staging")
    for n in range(24):
        region = PAGE.format(n=n, kind=KINDS[n % len(KINDS)], field=FIELDS[n % len(FIELDS)])
        stage_page(f"trang-{n}/index.html", region, str(staging))
    return staging


def run_pagefind(staged: Path, output: Path) -> Path:
    subprocess.run([str(get_executable()), "--site", str(staged), "--output-path", str(output),
                    "--force-language", "vi", "--quiet"], check=True, capture_output=True, timeout=120)
    return output


def files(bundle: Path) -> dict[str, bytes]:
    return {path.relative_to(bundle).as_posix(): path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()}


def read_cbor(path: Path) -> list:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(MARKER)
    value, end = decode_cbor(data[len(MARKER):])
    assert end == len(data) - len(MARKER)
    return value


def test_pagefind_runs_differ_but_their_canonical_bundles_are_identical(staged, tmp_path):
    raw = [run_pagefind(staged, tmp_path / "raw-0")]
    while len(raw) < 6 and files(raw[-1]) == files(raw[0]):
        raw.append(run_pagefind(staged, tmp_path / f"raw-{len(raw)}"))
    assert files(raw[-1]) != files(raw[0]), "Pagefind now writes one order: cchc.search.canonical may go"
    canonical = []
    for run in (raw[0], raw[-1]):
        canonical.append(shutil.copytree(run, tmp_path / f"canonical-{len(canonical)}"))
        canonicalize_bundle(str(canonical[-1]))
    assert files(canonical[0]) == files(canonical[1])
    changed = {name for name, data in files(raw[0]).items() if files(canonical[0]).get(name) != data}
    assert all(name == ENTRY or name.startswith("filter/") or name.endswith(".pf_meta") for name in changed)


def test_filters_are_sorted_by_name_and_values_by_value_and_named_by_their_hash(staged, tmp_path):
    bundle = run_pagefind(staged, tmp_path / "bundle")
    canonicalize_bundle(str(bundle))
    meta_hash = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))["languages"]["vi"]["hash"]
    meta = read_cbor(bundle / f"pagefind.{meta_hash}.pf_meta")
    assert [name for name, _ in meta[3]] == ["Loại", "Lĩnh vực"]
    assert sorted(path.name for path in (bundle / "filter").iterdir()) == sorted(f"{h}.pf_filter" for _, h in meta[3])
    urls = [fragment_url(bundle, page_hash) for page_hash, _ in meta[1]]  # by page number
    for name, filter_hash in meta[3]:
        path = bundle / "filter" / f"{filter_hash}.pf_filter"
        assert filter_hash == "vi_" + pagefind_hash(gzip.decompress(path.read_bytes())[len(MARKER):])[:7]
        assert path.read_bytes()[4:8] == b"\0\0\0\0"  # gzip's time stamp: none
        filter_name, values = read_cbor(path)
        assert filter_name == name
        names = FIELDS if name == "Lĩnh vực" else KINDS
        assert [value for value, _ in values] == sorted(names)
        for value, pages in values:  # each value still leads to its own pages
            assert {urls[page] for page in pages} == {f"/trang-{n}/" for n in range(24) if names[n % len(names)] == value}


def fragment_url(bundle: Path, page_hash: str) -> str:
    return json.loads(gzip.decompress((bundle / "fragment" / f"{page_hash}.pf_fragment").read_bytes())[len(MARKER):])["url"]


def test_a_bundle_in_another_format_is_left_as_pagefind_wrote_it(staged, tmp_path):
    bundle = run_pagefind(staged, tmp_path / "bundle")
    meta = next(bundle.glob("*.pf_meta"))
    meta.write_bytes(gzip.compress(MARKER + b"\xa0"))  # a CBOR map: not what Pagefind 1.5 writes
    before = files(bundle)
    with pytest.raises(UnexpectedBundle):
        canonicalize_bundle(str(bundle))
    assert files(bundle) == before


@pytest.mark.parametrize("value", [0, 23, 24, 255, 256, 65535, 65536, 2**32, "", "Lĩnh vực", [], [1, ["a", [2**40]]]])
def test_cbor_values_encode_with_the_shortest_head_and_decode_back(value):
    data = encode_cbor(value)
    assert decode_cbor(data) == (value, len(data))
    if isinstance(value, int):
        assert len(data) == 1 + {0: 0, 23: 0, 24: 1, 255: 1, 256: 2, 65535: 2, 65536: 4, 2**32: 8}[value]


@pytest.mark.parametrize("data", [b"\x18\x05", b"\x19\x00\x05", b"\x9f\x01\xff", b"\xa0", b"\x61"])
def test_cbor_that_pagefind_does_not_write_is_refused(data):
    """A number in a longer head than needed, an indefinite array, a map, a text cut short."""
    with pytest.raises(UnexpectedBundle):
        decode_cbor(data)
