"""Generate a large, deterministic department for the benchmark (run by hand, not in CI).

    python bench/generate.py /tmp/cchc-bench            # 2,000 articles, 150 procedures, ...
    python bench/generate.py /tmp/cchc-bench-x2 --scale 2

Writes two projects side by side:

- ``<out>/cchc/``: a cchc project (mkdocs.yml using this repository's hooks and overrides,
  content/, plans/) with the articles, procedures, Q&A, documents, 5 yearly plans and
  5 years of statistics;
- ``<out>/plain/``: the same Markdown files (articles, Q&A, home page) as plain MkDocs pages
  with the same theme, Markdown extensions and search plugin, but no hooks and a small nav.

The same seed and scale always give the same bytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
YEARS = (2019, 2020, 2021, 2022, 2023)
BUILD_EPOCH = "1705276800"
"""SOURCE_DATE_EPOCH for measuring: 2024-01-15, after every generated article."""

SIZES = {"articles": 2000, "procedures": 150, "questions": 500, "documents": 300}
CATEGORIES = ("Hoạt động cải cách hành chính", "Cải cách thủ tục hành chính", "Chuyển đổi số", "Văn hóa công vụ")
FIELD_CODES = tuple(f"G03-GD{n:02d}" for n in range(1, 15)) + ("BGD-GD15",)
TAGS = ("CCHC", "tuyên truyền CCHC", "dịch vụ công trực tuyến", "một cửa", "chuyển đổi số", "kế hoạch",
        "hội nghị", "kiểm tra", "văn bằng, chứng chỉ", "tuyển sinh", "thi tốt nghiệp", "sự hài lòng",
        "khảo sát", "chữ ký số", "bưu chính công ích", "văn hóa công vụ", "đường dây nóng", "kỷ cương",
        "thanh toán trực tuyến", "cơ sở dữ liệu", "hồ sơ điện tử", "tập huấn", "báo cáo", "tổng kết",
        "năm học mới", "giáo dục thường xuyên", "mầm non", "trung học", "ngoại ngữ, tin học", "nhà giáo")
SYLLABLES = ("cải", "cách", "hành", "chính", "thủ", "tục", "giáo", "dục", "đào", "tạo", "người", "dân",
             "hồ", "sơ", "trực", "tuyến", "công", "chức", "viên", "kế", "hoạch", "thực", "hiện", "nhiệm",
             "vụ", "năm", "học", "trường", "phụ", "huynh", "học", "sinh", "giải", "quyết", "đúng", "hạn",
             "tiếp", "nhận", "kết", "quả", "đơn", "vị", "trực", "thuộc", "chuyển", "đổi", "số", "dịch",
             "vụ", "tỉnh", "Sở", "phòng", "ban", "hướng", "dẫn", "triển", "khai", "nâng", "cao", "chất",
             "lượng", "phục", "vụ", "minh", "bạch", "công", "khai", "rút", "ngắn", "thời", "gian", "và",
             "các", "của", "trong", "được", "cho", "với", "theo", "quy", "định", "văn", "bản", "tổ")
DOC_TYPES = ("KH", "QĐ", "TB", "HD", "BC", "CV")


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(SYLLABLES) for _ in range(count))


def sentence(rng: random.Random, low: int = 8, high: int = 20) -> str:
    text = words(rng, rng.randint(low, high))
    return text[0].upper() + text[1:] + "."


def paragraphs(rng: random.Random, word_count: int) -> str:
    """Vietnamese-looking prose of about ``word_count`` words, with a heading and a list."""
    out, written = [], 0
    while written < word_count:
        sentences = [sentence(rng) for _ in range(rng.randint(3, 6))]
        written += sum(len(s.split()) for s in sentences)
        out.append(" ".join(sentences))
    out.insert(len(out) // 2, "## " + sentence(rng, 4, 8).rstrip("."))
    out.insert(len(out) // 2 + 1, "\n".join(f"- {sentence(rng, 5, 10)}" for _ in range(3)))
    return "\n\n".join(out) + "\n"


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def article_text(rng: random.Random, number: int, count: int) -> tuple[str, str]:
    """(file name, Markdown) of article ``number`` of ``count``, spread evenly over the five years."""
    day_index = number * (len(YEARS) * 360) // count
    year = YEARS[0] + day_index // 360
    month, day = 1 + (day_index % 360) // 30, 1 + day_index % 28
    title = f"{sentence(rng, 6, 12).rstrip('.')} (tin số {number + 1})"
    meta = {
        "title": title,
        "date": f"{year}-{month:02d}-{day:02d} {8 + number % 9:02d}:{number % 60:02d}",
        "summary": sentence(rng, 15, 30),
        "category": CATEGORIES[rng.randrange(len(CATEGORIES))],
        "tags": sorted(set(rng.sample(TAGS, rng.randint(1, 4)))),
    }
    if rng.random() < 0.3:
        meta["source"] = f"Tin: {words(rng, 3).title()}"
    if rng.random() < 0.15:
        meta["plan_month"] = f"{year}-{month:02d}"
    body = paragraphs(rng, rng.randint(400, 800))
    return f"{year}-{month:02d}-{day:02d}-tin-{number + 1:05d}.md", f"---\n{dump(meta)}---\n\n{body}"


def procedure_data(rng: random.Random, number: int) -> dict:
    name = f"{sentence(rng, 6, 12).rstrip('.')} (thủ tục {number + 1})"
    return {
        "code": f"2.{number + 100000:06d}",
        "name": name,
        "field": FIELD_CODES[number % len(FIELD_CODES)],
        "levels": ["tinh"],
        "agencies": {"deciding": "Giám đốc Sở Giáo dục và Đào tạo",
                     "handling": "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm"},
        "address": "Trung tâm Phục vụ hành chính công tỉnh",
        "applicants": [sentence(rng, 4, 8) for _ in range(rng.randint(1, 3))],
        "steps": [sentence(rng, 10, 25) for _ in range(rng.randint(2, 5))],
        "channels": [{"via": "in_person"}, {"via": "online", "notes": "Nộp trên Cổng Dịch vụ công."}],
        "documents": [{"name": sentence(rng, 5, 10), "originals": 1} for _ in range(rng.randint(1, 5))],
        "sets": 1,
        "time_limit": rng.choice((5, 10, 15, 20, 30)),
        "result": sentence(rng, 5, 10),
        "fees": "Không",
        "legal_bases": [{"number": f"{10 + number % 40}/2019/TT-BGDĐT", "title": sentence(rng, 8, 16),
                         "date": "2019-11-29", "issuer": "Bộ Giáo dục và Đào tạo"}],
        "online_level": "mot_phan",
        "portal_url": "https://dichvucong.example.gov.vn/",
        "published_by": {"number": "2922/QĐ-UBND", "date": "2018-11-05"},
    }


def question_text(rng: random.Random, number: int, procedure_slugs: list[str]) -> str:
    year = YEARS[number % len(YEARS)]
    month, day = 1 + number % 12, 1 + number % 25
    meta = {
        "title": f"{sentence(rng, 6, 12).rstrip('.')} (câu hỏi {number + 1})?",
        "question": "\n".join(sentence(rng) for _ in range(rng.randint(1, 3))) + "\n",
        "asker": f"Nguyễn Văn {chr(65 + number % 26)}.",
        "asked": f"{year}-{month:02d}-{day:02d}",
        "channel": "website",
        "answered_by": "Văn phòng Sở",
        "answered": f"{year}-{month:02d}-{day + 2:02d}",
        "field": FIELD_CODES[number % len(FIELD_CODES)],
        "procedures": [procedure_slugs[number % len(procedure_slugs)]],
    }
    return f"---\n{dump(meta)}---\n\n{paragraphs(rng, rng.randint(80, 200))}"


def document_data(rng: random.Random, number: int, count: int) -> tuple[str, dict]:
    kind = DOC_TYPES[number % len(DOC_TYPES)]
    year = YEARS[number * len(YEARS) // count]
    symbol = f"{number + 1000}/SGDĐT-VP" if kind == "CV" else f"{number + 1000}/{kind}-SGDĐT"
    data = {"number": symbol, "type": kind, "date": f"{year}-{1 + number % 12:02d}-{1 + number % 28:02d}",
            "issuer": "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm", "summary": sentence(rng, 8, 20).rstrip(".")}
    slug = symbol.replace("/", "-").replace("Đ", "d").lower()
    return slug, data


def plan_data(year: int) -> dict:
    return {
        "year": year, "number": f"{200 + year % 100}/KH-SGDĐT", "date": f"{year}-02-20",
        "title": f"Kế hoạch tuyên truyền cải cách hành chính năm {year}",
        "issuer": "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm",
        "tasks": [{"month": m, "theme": f"Chủ đề tuyên truyền tháng {m} năm {year}", "forms": ["website"],
                   "lead": "Văn phòng Sở"} for m in range(1, 13)],
    }


def statistics_data() -> tuple[dict, dict]:
    periods = []
    for year in YEARS:
        received = 500 + (year - YEARS[0]) * 120
        periods.append({"period": str(year), "from": f"{year}-01-01", "to": f"{year}-12-15",
                        "received": {"in_person": received // 2, "online": received - received // 2 - 20,
                                     "postal": 20},
                        "resolved": {"early": received - 40, "on_time": 30, "late": 2},
                        "in_progress": {"within_limit": 8}})
    surveys = [{"date": f"{year}-06-30", "title": f"Đo lường sự hài lòng về dịch vụ giáo dục công năm {year}",
                "scope": "Phụ huynh học sinh", "sample": 1000 + year % 100, "satisfied_percent": 85 + year % 10}
               for year in YEARS]
    return {"periods": periods}, {"surveys": surveys}


def config(plain: bool) -> dict:
    base = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    data = {
        "site_name": "Chuyên trang CCHC – Sở GDĐT Thử Nghiệm (benchmark)",
        "site_url": "https://cchc.example.gov.vn/",
        "docs_dir": "content" if not plain else "docs",
        "theme": {"name": "material", "language": "vi", "font": False,
                  "features": ["navigation.tabs"]},
        "plugins": [{"search": {"lang": "vi"}}],
        "markdown_extensions": base["markdown_extensions"],
    }
    if not plain:
        data["plugins"] = []  # cchc searches with Pagefind, run by its hooks after the build
    if plain:
        data["nav"] = [{"Trang chủ": "index.md"}]
        data["not_in_nav"] = "/tin-tuc/\n/hoi-dap/\n"
        return data
    data["theme"]["custom_dir"] = str(REPO / "overrides")
    data["hooks"] = [str(REPO / "hooks" / "cchc_site.py")]
    data["watch"] = ["plans"]
    for key in ("nav", "not_in_nav"):
        data[key] = base[key]
    data["extra"] = {
        "generator": False,
        "department": {**base["extra"]["department"], "name": "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm",
                       "short_name": "Sở GDĐT Thử Nghiệm", "parent": "Ủy ban nhân dân tỉnh Thử Nghiệm"},
        "news": {"per_page": 10, "categories": [{"name": name} for name in CATEGORIES]},
        "feeds": {"limit": 20},
    }
    return data


def generate(out: Path, scale: int, seed: int) -> None:
    rng = random.Random(seed)
    sizes = {kind: count * scale for kind, count in SIZES.items()}
    project, plain = out / "cchc", out / "plain"
    for folder in (project, plain):
        if folder.exists():
            shutil.rmtree(folder)
    content = project / "content"
    write(project / "mkdocs.yml", dump(config(plain=False)))
    write(plain / "mkdocs.yml", dump(config(plain=True)))
    home = "# Chuyên trang Cải cách hành chính\n\nTrang thử hiệu năng với dữ liệu sinh tự động.\n"
    write(content / "index.md", f"---\ntitle: Trang chủ\ntemplate: home.html\n---\n\n{home}")
    share_image = config(plain=False)["extra"]["department"].get("share_image")
    if share_image:  # the department's share-card picture, as in the example
        (content / share_image).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "content" / share_image, content / share_image)
    write(plain / "docs" / "index.md", f"---\ntitle: Trang chủ\n---\n\n{home}")
    for number in range(sizes["articles"]):
        name, text = article_text(rng, number, sizes["articles"])
        for docs in (content, plain / "docs"):
            write(docs / "tin-tuc" / name, text)
    slugs = []
    for number in range(sizes["procedures"]):
        slug = f"thu-tuc-{number + 1:04d}"
        slugs.append(slug)
        write(content / "thu-tuc-hanh-chinh" / f"{slug}.yaml", dump(procedure_data(rng, number)))
    for number in range(sizes["questions"]):
        text = question_text(rng, number, slugs)
        for docs in (content, plain / "docs"):
            write(docs / "hoi-dap" / f"cau-hoi-{number + 1:04d}.md", text)
    for number in range(sizes["documents"]):
        slug, data = document_data(rng, number, sizes["documents"])
        write(content / "van-ban" / f"{slug}.yaml", dump(data))
    for year in YEARS:
        write(project / "plans" / f"{year}.yaml", dump(plan_data(year)))
    periods, surveys = statistics_data()
    write(content / "thong-ke" / "ho-so.yaml", dump(periods))
    write(content / "thong-ke" / "hai-long.yaml", dump(surveys))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write <out>/cchc and <out>/plain into")
    parser.add_argument("--scale", type=int, default=1, help="multiply every count (2 = twice the content)")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    generate(args.out.resolve(), args.scale, args.seed)
    print(f"{args.out}/cchc and {args.out}/plain written (scale {args.scale})")


if __name__ == "__main__":
    main()
