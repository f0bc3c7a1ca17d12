"""The public on a cheap phone, measured (run by hand, never in the test suite): Lighthouse over every page type.

    npm install --no-save --no-audit --no-fund --prefix .cache/npm lighthouse@12.2.3
    python bench/lighthouse.py                          # the example site, three runs of each page type
    python bench/lighthouse.py --search-site /tmp/b     # also: a first search at 2,000 articles (bench/generate.py)

Builds the example site (and, with ``--search-site``, the generated department of bench/generate.py), serves it
on 127.0.0.1 with gzip as a web server set up for the site would, and runs Lighthouse 12 (npm ``lighthouse``,
pinned; 12.x runs on Node 20) with Debian's Chromium, mobile preset (a mid-range phone on a slow 4G network,
simulated), three runs per page type. Prints the median of each figure and checks them against the goals:

- performance ≥ 95, accessibility 100, best practices 100, SEO 100, CLS ≤ 0.05 on every page type;
- the first visit of an article ≤ 60 KB over the network (gzip);
- a first search ≤ 300 KB over the network at the benchmark's 2,000 articles.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from conftest import build_copied_example, build_here, copy_example, epoch_of  # noqa: E402
from example_site import PAGE_TYPES  # noqa: E402

LIGHTHOUSE = REPO / ".cache" / "npm" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CLS_GOAL, ARTICLE_KB_GOAL, SEARCH_KB_GOAL = 0.05, 60, 300
ARTICLE = "tin"
SEARCH_PATH = "/tim-kiem/?q=thu+tuc"
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".ics", ".pagefind")
"""What the server gzips, as nginx's ``gzip_types`` would; Pagefind's index files are gzipped already."""


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it; 404.html for a missing address."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = os.path.join(path, "index.html")
        status = 200
        if not os.path.isfile(path):
            path, status = os.path.join(self.directory, "404.html"), 404
        with open(path, "rb") as stream:
            body = stream.read()
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and path.endswith(COMPRESSED)
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=3600")
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def copyfile(self, source, outputfile) -> None:
        outputfile.write(source.data)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def close(self) -> None:
        pass


class Server:
    """A built site on 127.0.0.1, gzipped, in a thread (``with`` starts and stops it)."""

    def __init__(self, site_dir: Path) -> None:
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site_dir)))

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}"

    def __enter__(self) -> Server:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run (mobile preset, simulated throttling) with Debian's Chromium; the figures kept."""
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run"]
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": shutil.which("chromium") or ""},
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    figures = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    figures.update(cls=audits["cumulative-layout-shift"]["numericValue"],
                   lcp=audits["largest-contentful-paint"]["numericValue"] / 1000,
                   tbt=audits["total-blocking-time"]["numericValue"],
                   kb=audits["total-byte-weight"]["numericValue"] / 1024)
    figures["failed"] = sorted({ref["id"] for name in CATEGORIES[1:] for ref in report["categories"][name]["auditRefs"]
                                if ref.get("weight") and (audits[ref["id"]].get("score") or 0) < 1})
    figures["requests"] = {item["url"].split("/", 3)[-1]: round(item.get("transferSize", 0) / 1024, 1)
                           for item in audits["network-requests"]["details"]["items"]}
    return figures


def medians(runs: list[dict]) -> dict:
    keys = ("performance", "accessibility", "best-practices", "seo", "cls", "lcp", "tbt", "kb")
    found = {key: statistics.median(run[key] for run in runs) for key in keys}
    found["failed"] = sorted({audit for run in runs for audit in run["failed"]})
    return found


def measure(base_url: str, paths: dict[str, str], runs: int, folder: Path) -> dict[str, dict]:
    results = {}
    for name, path in paths.items():
        done = [lighthouse(base_url + path, folder / f"{name}-{run}.json") for run in range(runs)]
        results[name] = medians(done)
        print(f"  {name}: {fmt(results[name])}", flush=True)
    return results


def fmt(m: dict) -> str:
    return (f"perf {m['performance']:.0f}, a11y {m['accessibility']:.0f}, bp {m['best-practices']:.0f}, "
            f"seo {m['seo']:.0f}, CLS {m['cls']:.3f}, LCP {m['lcp']:.1f} s, TBT {m['tbt']:.0f} ms, {m['kb']:.0f} KB")


def table(results: dict[str, dict]) -> str:
    lines = ["| Page type | Address | Performance | Accessibility | Best practices | SEO | CLS | LCP | TBT | Transfer |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, m in results.items():
        lines.append(f"| {name} | `{PAGES.get(name, SEARCH_PATH)}` | {m['performance']:.0f} | {m['accessibility']:.0f} "
                     f"| {m['best-practices']:.0f} | {m['seo']:.0f} | {m['cls']:.3f} | {m['lcp']:.1f} s "
                     f"| {m['tbt']:.0f} ms | {m['kb']:.0f} KB |")
    return "\n".join(lines)


def misses(results: dict[str, dict]) -> list[str]:
    found = []
    for name, m in results.items():
        found += [f"{name}: {key} {m[key]:.0f} < {goal}" for key, goal in GOALS.items() if m[key] < goal]
        if m["cls"] > CLS_GOAL:
            found.append(f"{name}: CLS {m['cls']:.3f} > {CLS_GOAL}")
        if m["failed"]:
            found.append(f"{name}: audits not passed: {', '.join(m['failed'])}")
    return found


PAGES = {name: path for name, path in PAGE_TYPES.items() if name != "go-tim-kiem"}
PAGES["404"] = "/404.html"
"""Every page type of the example; the search typed into Pagefind's own box is the same page as ``tim-kiem``.
Lighthouse stops at a document answered 404, so the not-found page is measured at its own file."""


def build_example(target: Path) -> Path:
    target.mkdir(parents=True)
    return build_copied_example(copy_example(target), SOURCE_DATE_EPOCH=epoch_of("2022-11-15"))


def build_project(project: Path) -> Path:
    result = build_here(project, [], {"SOURCE_DATE_EPOCH": "1705276800"})
    if result.returncode != 0:
        raise SystemExit(result.output)
    return project / "site"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--search-site", type=Path, help="a folder bench/generate.py wrote (its cchc/ is built)")
    parser.add_argument("--only", nargs="*", help="page types to measure (default: all)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"Lighthouse is missing: {__doc__.splitlines()[2].strip()}")
    with tempfile.TemporaryDirectory(prefix="cchc-lighthouse-") as temporary:
        folder = Path(temporary)
        site = build_example(folder / "example")
        paths = {name: PAGES[name] for name in (args.only or PAGES)}
        print(f"Lighthouse {args.runs}× per page type, mobile preset, medians:", flush=True)
        with Server(site) as server:
            results = measure(server.base_url, paths, args.runs, folder)
        search = None
        if args.search_site:
            big = build_project(args.search_site / "cchc")
            with Server(big) as server:
                search = measure(server.base_url, {"tim-kiem (2 000 tin)": SEARCH_PATH}, args.runs, folder)
    print("\n" + table({**results, **(search or {})}))
    article_kb = results[ARTICLE]["kb"] if ARTICLE in results else None
    problems = misses(results)
    if article_kb is not None:
        print(f"\nFirst visit of an article ({PAGES[ARTICLE]}): {article_kb:.0f} KB (goal ≤ {ARTICLE_KB_GOAL} KB)")
        if article_kb > ARTICLE_KB_GOAL:
            problems.append(f"article first visit {article_kb:.0f} KB > {ARTICLE_KB_GOAL} KB")
    if search:
        kb = next(iter(search.values()))["kb"]
        print(f"First search at 2,000 articles ({SEARCH_PATH}): {kb:.0f} KB (goal ≤ {SEARCH_KB_GOAL} KB)")
        if kb > SEARCH_KB_GOAL:
            problems.append(f"first search {kb:.0f} KB > {SEARCH_KB_GOAL} KB")
    print("\nGoals met." if not problems else "\nGoals missed:\n- " + "\n- ".join(problems))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
