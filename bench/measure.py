"""Measure the build of a generated department side by side with plain Material (run by hand).

    python bench/generate.py /tmp/cchc-bench
    python bench/generate.py /tmp/cchc-bench-x2 --scale 2
    python bench/measure.py /tmp/cchc-bench --double /tmp/cchc-bench-x2

Every build runs in a fresh process (``python -m mkdocs build``) so its wall time and peak
memory are its own. Peak memory is the largest sum, sampled ten times a second, over the build
and the processes it starts (cchc's Pagefind runs beside MkDocs). Builds are interleaved and
repeated (``--repeat``); the fastest run of each counts, since the machine is shared and noise
only ever adds time. The median of each round's ratio is printed too. Compare the ratios,
which come from one run, not the absolute seconds.

Builds write into a folder under ``TMPDIR``. On a small VM the disk's write-back made the
same build vary from 20 to 32 s; ``TMPDIR=/dev/shm`` (memory) takes that noise out of both
sides alike, and the README's figures are measured so.

Phases:

- plain Material (same Markdown, no hooks) without and with its lunr search plugin;
- the cchc project without and with its Pagefind index (``CCHC_SEARCH_INDEX=off``); the
  difference is the search indexing time;
- the cchc project at twice the content (``--double``);
- ``mkdocs serve`` and ``mkdocs serve --dirty``: seconds from saving the newest article to the
  edit being served on the article, the news listing, its category and year listings, the
  older neighbour's page and ``/rss.xml``. The save comes once the first build's search index
  (written in the background) is served.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import BUILD_EPOCH  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}


@dataclass
class Run:
    seconds: float
    peak_mb: float
    cpu_seconds: float = 0.0
    """User and system time of the build and the processes it waited for (Pagefind's threads included).
    On the project's VM it varied with the wall time: no quieter a measure, but it shows Pagefind's share."""


PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants now (cchc's Pagefind processes run beside MkDocs)."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stream:
                    fields = stream.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue  # the process ended meanwhile
            parents[int(entry)], rss[int(entry)] = int(fields[1]), int(fields[21]) * PAGE_MB
    tree, grew = {root}, True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= found
        grew = bool(found)
    return sum(rss.get(pid, 0.0) for pid in tree)


class PeakMemory(threading.Thread):
    """Samples a process tree's memory ten times a second; ``peak_mb`` is the largest sum seen."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self.done = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            self.peak_mb = max(self.peak_mb, tree_rss_mb(self.pid))


def variant_config(project: Path, search: bool) -> Path:
    """mkdocs.yml of ``project``, or a copy next to it without the search plugin (plain Material).

    cchc indexes with Pagefind from its hooks; its "no search" variant is the same config built
    with ``CCHC_SEARCH_INDEX=off`` (see ``build``).
    """
    config = project / "mkdocs.yml"
    if search:
        return config
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["plugins"] = []
    copy = project / "mkdocs.nosearch.yml"
    copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return copy


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env={**ENV, **(env or {})}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    sampler = PeakMemory(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    sampler.done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()[-3000:]}")
    return Run(seconds, max(sampler.peak_mb, usage.ru_maxrss / 1024),  # max RSS: the largest single process
               usage.ru_utime + usage.ru_stime)


def build(config: Path, site_dir: Path) -> Run:
    env = {"CCHC_SEARCH_INDEX": "off"} if config.name == "mkdocs.nosearch.yml" else {}
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
                 config.parent, env)


def measure_builds(root: Path, double: Path | None, repeat: int, work: Path) -> tuple[dict[str, Run], list[dict[str, Run]]]:
    """The fastest run of each build, and every round's runs (see ``median_ratio``)."""
    variants = {
        "plain Material, no search": variant_config(root / "plain", search=False),
        "plain Material + search": variant_config(root / "plain", search=True),
        "cchc, no search": variant_config(root / "cchc", search=False),
        "cchc + search": variant_config(root / "cchc", search=True),
    }
    if double:
        variants["plain Material + search, 2× content"] = variant_config(double / "plain", search=True)
        variants["cchc + search, 2× content"] = variant_config(double / "cchc", search=True)
    best: dict[str, Run] = {}
    rounds: list[dict[str, Run]] = []
    for round_number in range(repeat):
        rounds.append({})
        for name, config in variants.items():
            run = build(config, work / name.replace(" ", "_"))
            print(f"  round {round_number + 1}: {name}: {run.seconds:.1f} s ({run.cpu_seconds:.1f} s CPU), "
                  f"{run.peak_mb:.0f} MB", flush=True)
            rounds[-1][name] = run
            if name not in best or run.seconds < best[name].seconds:
                best[name] = Run(run.seconds, max(run.peak_mb, best.get(name, run).peak_mb), run.cpu_seconds)
    return best, rounds


def median_ratio(rounds: list[dict[str, Run]], ours: str, theirs: str, measure: str = "seconds") -> float:
    """The median over rounds of ours / theirs, each pair built minutes apart.

    A burst of load on a shared machine slows a few builds; the fastest runs may then come from
    different minutes for the two sides, while a round's two builds share theirs.
    """
    ratios = sorted(getattr(r[ours], measure) / getattr(r[theirs], measure) for r in rounds)
    middle = len(ratios) // 2
    return ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(urls: dict[str, str], text: str, timeout: float) -> dict[str, float | None]:
    """Seconds until each URL serves ``text`` (None if it never did within ``timeout``)."""
    start, seen = time.monotonic(), {}
    while len(seen) < len(urls) and time.monotonic() - start < timeout:
        for name, url in urls.items():
            if name not in seen and text in fetch(url):
                seen[name] = time.monotonic() - start
        time.sleep(0.05)
    return {name: seen.get(name) for name in urls}


def newest_article(project: Path) -> tuple[Path, Path]:
    """The newest article and the one before it (whose page links to the newest as "Tin mới hơn")."""
    files = sorted((project / "content" / "tin-tuc").glob("*.md"))
    return files[-1], files[-2]


def measure_serve(project: Path, dirty: bool, timeout: float) -> dict[str, float | None]:
    article, older = newest_article(project)
    original = article.read_text(encoding="utf-8")
    meta = yaml.safe_load(original.split("---\n")[1])
    year, category = str(meta["date"])[:4], meta["category"]
    from cchc.core.text import slugify  # the project's own slug rules for the category URL
    slug = article.stem[11:]
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, cwd=project, env=ENV, stdout=log, stderr=log)
    try:
        start = time.monotonic()
        first = wait_until({"article": f"{base}tin-tuc/{slug}/"}, meta["title"], timeout * 10)
        if first["article"] is None:
            log.seek(0)
            raise SystemExit(f"mkdocs serve never served the article:\n{log.read().decode()[-3000:]}")
        initial = time.monotonic() - start
        # The first build's search index is written in the background after the pages are served;
        # an editor's first save comes later than that, so do not time an edit against it.
        wait_until({"search index": f"{base}pagefind/pagefind-entry.json"}, "languages", timeout * 10)
        time.sleep(2)  # let the watcher settle after the first build
        marker = f"Tiêu đề đã sửa {int(time.time())}"
        article.write_text(original.replace(f"title: {meta['title']}", f"title: {marker}", 1), encoding="utf-8")
        urls = {
            "article": f"{base}tin-tuc/{slug}/",
            "news listing": f"{base}tin-tuc/",
            "category listing": f"{base}tin-tuc/chuyen-muc/{slugify(category)}/",
            "year listing": f"{base}tin-tuc/{year}/",
            "older neighbour": f"{base}tin-tuc/{older.stem[11:]}/",
            "rss.xml": f"{base}rss.xml",
        }
        seen = wait_until(urls, marker, timeout)
        return {"first build (serve start)": initial, **seen}
    finally:
        article.write_text(original, encoding="utf-8")
        process.send_signal(signal.SIGINT)  # as Ctrl+C: serve then removes its temporary site folder
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def show(value: float | None, unit: str = "s") -> str:
    return "never" if value is None else f"{value:.1f} {unit}"


def report(builds: dict[str, Run], rounds: list[dict[str, Run]], serves: dict[str, dict[str, float | None]]) -> None:
    print("\n| Phase | Wall time | CPU time | Peak memory |\n|---|---:|---:|---:|")
    for name, run in builds.items():
        print(f"| {name} | {run.seconds:.1f} s | {run.cpu_seconds:.1f} s | {run.peak_mb:.0f} MB |")
    for mode, figures in serves.items():
        for name, seconds in figures.items():
            print(f"| {mode}: {name} | {show(seconds)} | | |")
    plain, ours = builds["plain Material + search"], builds["cchc + search"]
    ratios = [
        ("cchc / plain Material (both with search), fastest runs; goal ≤ 1.10", ours.seconds / plain.seconds),
        ("the same, median of the rounds' ratios", median_ratio(rounds, "cchc + search", "plain Material + search")),
        ("cchc / plain Material (both without search), fastest runs",
         builds["cchc, no search"].seconds / builds["plain Material, no search"].seconds),
        ("the same, median of the rounds' ratios", median_ratio(rounds, "cchc, no search", "plain Material, no search")),
    ]
    for side, one in (("cchc", "cchc + search"), ("plain Material", "plain Material + search")):
        two = f"{one}, 2× content"
        if two in builds:
            goal = "; goal ≤ 2.0" if side == "cchc" else ""
            ratios += [(f"{side} at 2× content / 1× content, fastest runs{goal}", builds[two].seconds / builds[one].seconds),
                       ("the same, median of the rounds' ratios", median_ratio(rounds, two, one)),
                       ("the same in CPU time, median of the rounds' ratios",
                        median_ratio(rounds, two, one, "cpu_seconds"))]
    print("\n| Ratio | Value |\n|---|---:|")
    for name, value in ratios:
        print(f"| {name} | {value:.2f} |")
    print("\n| Derived | Value |\n|---|---:|")
    print(f"| search indexing (Pagefind), cchc: build with − without the index | "
          f"{ours.seconds - builds['cchc, no search'].seconds:.1f} s |")
    print(f"| search indexing (Material lunr), plain: build with − without search | "
          f"{plain.seconds - builds['plain Material, no search'].seconds:.1f} s |")
    print(f"| peak memory of the cchc build (MkDocs and Pagefind together); goal < 1024 MB | {ours.peak_mb:.0f} MB |")
    for mode, figures in serves.items():
        edits = [v for k, v in figures.items() if k != "first build (serve start)"]
        worst = None if None in edits else max(edits)
        print(f"| {mode}: save → edit served everywhere; goal ≤ 3 s | {show(worst)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="a folder written by bench/generate.py")
    parser.add_argument("--double", type=Path, help="the same generated with --scale 2")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each build; the fastest counts")
    parser.add_argument("--no-builds", action="store_true", help="only measure mkdocs serve")
    parser.add_argument("--no-serve", action="store_true", help="only measure the builds")
    parser.add_argument("--serve-timeout", type=float, default=60, help="seconds to wait for an edit")
    args = parser.parse_args()
    root = args.root.resolve()
    work = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    try:
        builds, rounds = ({}, []) if args.no_builds else measure_builds(root, args.double and args.double.resolve(),
                                                                      args.repeat, work)
        serves = {}
        if not args.no_serve:
            for dirty in (False, True):
                mode = "mkdocs serve --dirty" if dirty else "mkdocs serve"
                serves[mode] = measure_serve(root / "cchc", dirty, args.serve_timeout)
                print(f"  {mode}: {serves[mode]}", flush=True)
        if builds:
            report(builds, rounds, serves)
        else:
            for mode, figures in serves.items():
                print(mode, {k: show(v) for k, v in figures.items()})
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
