"""Benchmark of the site generator: build cost, growth with the Code's size, page weight.

Run from the repository root with ./bench-run.sh (see README). In one run on
one machine it:

1. builds the real site and the plain-MkDocs floor (the same pages already
   rendered to static Markdown, built by MkDocs + Material alone) several
   times each, alternately, and compares their medians;
2. builds synthetic Codes of 50, 500 and 5,000 clauses with 2, 5 and 10
   versions and reports time, peak memory, output and search index size, and
   time per clause;
3. opens each version page in Chromium and counts the bytes it downloads,
   before and after search loads, against a stock Material page holding the
   same content;
4. prints PASS/FAIL for each target and writes tests/bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

import lighthouse
import measure
import preview
import sites
import synth
from measure import Build, build, median
from sites import ROOT

TARGET_FLOOR = 1.35  # real build / floor build, for the real site and the synthetic one
TARGET_GROWTH = 1.0  # time per clause at 5,000 clauses / at 500
TARGET_SCALE = (5000, 10, 60.0, 600.0)  # clauses, versions: at most CPU seconds, peak MiB
TARGET_PREVIEW_REAL = 1.0  # seconds from saving a clause to the served page showing it
TARGET_PREVIEW_SYNTHETIC = 2.0  # the same for the synthetic Code of --preview-synthetic
# Lighthouse (mobile) scores: performance for the synthetic Codes' version pages by size;
# every other category, and every category of the real pages, 100.
TARGET_LIGHTHOUSE = {500: 95, 1000: 90}
TARGET_WEIGHT = 1.10  # version page bytes / stock Material page with the same content
PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "mkdocs-macros-plugin",
            "Markdown", "Jinja2", "PyYAML", "pydantic", "weasyprint", "playwright")


def say(text: str = "") -> None:
    print(text, flush=True)


@dataclass
class Results:
    started: str
    machine: dict[str, str]
    floors: list[FloorRun] = field(default_factory=list)
    synthetic: list[dict] = field(default_factory=list)
    weights: list[dict] = field(default_factory=list)
    pdf: list[dict] = field(default_factory=list)
    previews: list[preview.PreviewRun] = field(default_factory=list)
    lighthouse: list[tuple[str, lighthouse.Score]] = field(default_factory=list)
    imports: dict[str, float] = field(default_factory=dict)
    targets: list[tuple[str, bool, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


# --- machine --------------------------------------------------------------------------------

def machine() -> dict[str, str]:
    info = {"python": platform.python_version(), "os": platform.platform(),
            "cores": str(os.cpu_count())}
    try:
        cpu = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpu.splitlines()
                           if line.startswith("model name"))
        mem = Path("/proc/meminfo").read_text().split()[1]
        info["memory"] = f"{int(mem) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, IndexError, ValueError):
        pass
    for name in PACKAGES:
        try:
            info[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            info[name] = "not installed"
    try:
        info["chromium"] = subprocess.run(["chromium", "--version"], capture_output=True,
                                          text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        info["chromium"] = "not found"
    try:
        lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
        info["lighthouse"] = lock["packages"]["node_modules/lighthouse"]["version"]
    except (OSError, KeyError, ValueError):
        info["lighthouse"] = "not installed"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
        info["commit"] = commit + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        pass
    return info


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# --- 1. real site against the floor ---------------------------------------------------------

@dataclass
class FloorRun:
    site: str
    real: list[Build]
    floor: list[Build]

    def ratio(self, attr: str) -> float:
        return (median([getattr(b, attr) for b in self.real]) /
                median([getattr(b, attr) for b in self.floor]))


def against_floor(name: str, config: Path, work: Path, reps: int) -> tuple[FloorRun, Path, Path]:
    """Capture the rendered pages of `config`, then build it and its floor alternately."""
    capture = work / "capture"
    captured_site = work / "captured-site"
    build(sites.capture_config(capture, config), captured_site,
          {"BENCH_CAPTURE_DIR": str(capture)})
    floor = sites.floor_config(capture, captured_site, config)
    # One untimed build of each first, so that every timed build is a rebuild (PDFs cached,
    # files in the page cache), in a fresh clone as much as anywhere.
    build(config, work / "real-site")
    build(floor, work / "floor-site")
    run = FloorRun(name, [], [])
    for i in range(reps):
        for label, cfg, into in (("real", config, run.real), ("floor", floor, run.floor)):
            b = build(cfg, work / f"{label}-site")
            into.append(b)
            say(f"  {label:5} run {i + 1}/{reps}: {b.cpu:6.2f} s CPU, {b.seconds:6.2f} s wall, "
                f"{b.peak_mib:5.0f} MiB, {b.pages} pages")
    say(f"  {name}: median CPU ratio {run.ratio('cpu'):.2f}, wall ratio {run.ratio('seconds'):.2f}")
    return run, capture, work / "real-site"


def real_and_floor(work: Path, reps: int, res: Results) -> tuple[Path, Path]:
    say("== Real site against the plain-MkDocs floor")
    run, capture, real_site = against_floor("real site", ROOT / "mkdocs.yml", work, reps)
    res.floors.append(run)
    start_up(max(reps, 5), res)
    floor_target("real site build", run, res)
    return capture, real_site


def floor_target(what: str, run: FloorRun, res: Results) -> None:
    r = median([b.cpu for b in run.real])
    f = median([b.cpu for b in run.floor])
    res.targets.append((
        f"{what} <= {TARGET_FLOOR}x the plain-MkDocs floor (median CPU time)",
        r / f <= TARGET_FLOOR,
        f"{r:.2f} s / {f:.2f} s = {r / f:.3f}x (wall clock {run.ratio('seconds'):.2f}x)"))


BASELINE_IMPORTS = ("mkdocs.commands.build, mkdocs.structure.nav, material, markdown, jinja2, "
                    "mkdocs.contrib.search, material.plugins.search.plugin, pymdownx.snippets")


def start_up(reps: int, res: Results) -> None:
    """CPU time a build spends importing the generator and mkdocs-macros-plugin, which the
    floor does not import: the part of the difference that does not depend on the pages."""
    def cpu(extra: str) -> float:
        times = []
        for _ in range(reps):
            proc = subprocess.Popen([sys.executable, "-c", f"import {BASELINE_IMPORTS}{extra}"])
            _, _, usage = os.wait4(proc.pid, 0)
            times.append(usage.ru_utime + usage.ru_stime)
        return median(times)

    base = cpu("")
    generator = cpu(", macros.adapters.mkdocs_plugin") - base
    # in the build's order
    both = cpu(", macros.adapters.mkdocs_plugin, mkdocs_macros.plugin") - base
    res.imports = {
        "the generator (macros/)": generator,
        "mkdocs-macros-plugin, loaded after it": both - generator,
        "both": both,
    }
    say("  importing, beyond what the floor imports: " + ", ".join(
        f"{k} {v:.2f} s CPU" for k, v in res.imports.items()))


def synthetic_floor(work: Path, n: int, v: int, reps: int, res: Results) -> None:
    """The same comparison for a synthetic Code, where per-page costs outweigh start-up."""
    say(f"== Synthetic Code of {n} clauses x {v} versions against its floor")
    folder = work / f"floor-synthetic-{n}x{v}"
    synth.write_code(folder / "data", n, v, ROOT / "content" / "data" / "guidance.yaml")
    config = sites.synthetic_config(folder, pdf=False)
    run, _, _ = against_floor(f"synthetic {n:,} clauses x {v} versions", config, folder, reps)
    res.floors.append(run)
    floor_target(f"synthetic {n:,} clauses x {v} versions build", run, res)
    shutil.rmtree(folder, ignore_errors=True)


# --- 2. synthetic Codes ---------------------------------------------------------------------

def synthetic(work: Path, sizes: list[int], versions: list[int], pdf: bool, res: Results,
              reps_small: int) -> None:
    say("== Synthetic Codes")
    guidance = ROOT / "content" / "data" / "guidance.yaml"
    for n in sizes:
        for v in versions:
            folder = work / f"synthetic-{n}x{v}"
            synth.write_code(folder / "data", n, v, guidance)
            config = sites.synthetic_config(folder, pdf)
            runs = reps_small if n < max(sizes) else 1
            builds = [build(config, folder / "site") for _ in range(runs)]
            cpu = median([b.cpu for b in builds])
            wall = median([b.seconds for b in builds])
            b = builds[-1]
            row = {"clauses": n, "versions": v, "runs": runs, "cpu": cpu, "seconds": wall,
                   "ms_per_clause": cpu / n * 1000, "wall_ms_per_clause": wall / n * 1000,
                   "peak_mib": max(x.peak_mib for x in builds),
                   "pages": b.pages, "output_bytes": b.output_bytes,
                   "search_bytes": b.search_bytes, "search_gzip": b.search_gzip}
            res.synthetic.append(row)
            say(f"  {n:>5} clauses x {v:>2} versions: {cpu:7.2f} s CPU, {wall:7.2f} s wall "
                f"({row['ms_per_clause']:.2f} ms CPU/clause), {row['peak_mib']:.0f} MiB, "
                f"{b.pages} pages, output {b.output_bytes / 1e6:.1f} MB, "
                f"search index {b.search_bytes / 1e6:.2f} MB")
            shutil.rmtree(folder / "site", ignore_errors=True)
    by = {(r["clauses"], r["versions"]): r for r in res.synthetic}
    if 500 in sizes and 5000 in sizes:
        for v in versions:
            small, large = by[(500, v)], by[(5000, v)]
            ratio = large["ms_per_clause"] / small["ms_per_clause"]
            wall = large["wall_ms_per_clause"] / small["wall_ms_per_clause"]
            res.targets.append((
                f"time per clause at 5,000 clauses <= {TARGET_GROWTH}x that at 500 "
                f"({v} versions, CPU time)", ratio <= TARGET_GROWTH,
                f"{large['ms_per_clause']:.2f} / {small['ms_per_clause']:.2f} ms = {ratio:.3f}x "
                f"(wall clock {wall:.2f}x)"))
            memory = large["peak_mib"] / small["peak_mib"]
            output = large["output_bytes"] / small["output_bytes"]
            res.targets.append((
                f"peak memory grows no faster than the output from 500 to 5,000 clauses "
                f"({v} versions)", memory <= output,
                f"{large['peak_mib']:.0f} / {small['peak_mib']:.0f} MiB = {memory:.2f}x, "
                f"output {large['output_bytes'] / 1e6:.0f} / "
                f"{small['output_bytes'] / 1e6:.0f} MB = {output:.2f}x"))
    n, v, most_cpu, most_mib = TARGET_SCALE
    if (n, v) in by:
        row = by[(n, v)]
        res.targets.append((
            f"synthetic {n:,} clauses x {v} versions build in <= {most_cpu:.0f} s CPU and "
            f"<= {most_mib:.0f} MiB peak", row["cpu"] <= most_cpu and row["peak_mib"] <= most_mib,
            f"{row['cpu']:.1f} s CPU ({row['seconds']:.1f} s wall), {row['peak_mib']:.0f} MiB"))


# --- Lighthouse -----------------------------------------------------------------------------

def lighthouse_scores(work: Path, real_site: Path | None, sizes: list[int], res: Results) -> None:
    """Lighthouse on the real site's pages and on the synthetic Codes' version pages."""
    say("== Lighthouse (mobile), pages served with gzip and cache headers")
    why = lighthouse.available()
    if why:
        res.notes.append(f"Lighthouse was not run: {why}.")
        say(f"  not run: {why}")
        return
    mount = urlsplit(sites.load_config().get("site_url") or "/").path
    if real_site is None:
        real_site = work / "lighthouse-real"
        build(ROOT / "mkdocs.yml", real_site)
    histories = sorted(p.parent.name for p in (real_site / "clause").glob("*/index.html"))
    sets = [("real site", real_site, ["code/1.0/", "changes/",
                                      *(f"clause/{k}/" for k in histories[:1])], None)]
    for n in sizes:
        folder = work / f"lighthouse-{n}"
        synth.write_code(folder / "data", n, 2, ROOT / "content" / "data" / "guidance.yaml")
        build(sites.synthetic_config(folder, pdf=False), folder / "site")
        sets.append((f"synthetic {n:,} clauses", folder / "site", ["code/1.0/"], n))
    for name, site, pages, size in sets:
        with lighthouse.HostServer(site, mount) as host:
            for page in pages:
                score = lighthouse.run(host.base + page, page, work / "lighthouse" /
                                       name.replace(" ", "-").replace(",", ""))
                score.html_kb = (site / page / "index.html").stat().st_size / 1024
                res.lighthouse.append((name, score))
                say(f"  {name} /{page}: " + ", ".join(f"{k} {v:.0f}" for k, v in
                                                    score.scores.items()))
                least = dict.fromkeys(lighthouse.CATEGORIES, 100)
                if size is not None:
                    least["performance"] = TARGET_LIGHTHOUSE.get(size, 90)
                ok = all(score.scores[c] >= least[c] for c in least)
                res.targets.append((
                    f"Lighthouse (mobile) on the {name}'s /{page}: performance >= "
                    f"{least['performance']}, accessibility, best practices and SEO 100", ok,
                    ", ".join(f"{k} {v:.0f}" for k, v in score.scores.items())))


# --- preview latency ------------------------------------------------------------------------

def preview_latency(work: Path, edits: int, spec: str, res: Results) -> None:
    """`./site-build.sh serve`: from saving an edit to one clause to the page showing it."""
    say("== Preview: saving an edit to one clause, until the served page shows it")
    root, config, version_file = preview.real_copy(work)
    page = f"code/{version_file.stem}/"
    runs = [(preview.measure("real site", root, config, version_file, page, edits, work),
             TARGET_PREVIEW_REAL)]
    if spec:
        n, v = (int(x) for x in spec.split("x"))
        root, config, version_file, last = preview.synthetic_copy(work, n, v)
        runs.append((preview.measure(f"synthetic {n:,} clauses x {v} versions", root, config,
                                     version_file, f"code/{last}/", edits, work),
                     TARGET_PREVIEW_SYNTHETIC))
    for run, target in runs:
        res.previews.append(run)
        wall, cpu = median(run.walls), median(run.cpus)
        say(f"  {run.site}: median {wall:.2f} s wall, {cpu:.2f} s server CPU "
            f"({len(run.walls)} edits)")
        res.targets.append((
            f"preview of the {run.site}: an edited clause shown <= {target:.1f} s after the save "
            f"(median of {len(run.walls)} edits, wall clock)", wall <= target,
            f"{wall:.2f} s (range {min(run.walls):.2f}-{max(run.walls):.2f} s; server CPU "
            f"{cpu:.2f} s)"))


def pdf_cost(work: Path, sizes: list[int], res: Results) -> None:
    """Rendering each PDF from scratch (the build keeps them in a cache between builds)."""
    from macros.compute.code import build_code
    from macros.export.pdf import render_pdf, version_html
    from macros.render.environment import Templates

    say("== PDF rendering, from scratch")
    templates = Templates()
    codes = [("real", ROOT / "content" / "data")]
    for n in sizes:
        folder = work / f"pdf-{n}"
        synth.write_code(folder / "data", n, 2, ROOT / "content" / "data" / "guidance.yaml")
        codes.append((f"synthetic {n:,}", folder / "data"))
    for name, data in codes:
        code = build_code(data / "code.yaml", data.parent)
        for version in code.versions if name == "real" else code.versions[-1:]:
            html = version_html(templates, code, version, "https://example.org/",
                                "Benchmark Council")
            wall, cpu = time.perf_counter(), time.process_time()
            pdf = render_pdf(html)
            row = {"code": name, "version": version.id, "clauses": len(version.clauses()),
                   "seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                   "bytes": len(pdf)}
            res.pdf.append(row)
            say(f"  {name} version {version.id}: {row['clauses']} clauses, {row['cpu']:.2f} s "
                f"CPU, {row['bytes'] / 1024:.0f} KB")


# --- 3. page weight -------------------------------------------------------------------------

def page_weight(work: Path, capture: Path, real_site: Path, res: Results) -> None:
    import pageweight

    say("== Bytes to open a version page")
    captured = json.loads((capture / "capture.json").read_text(encoding="utf-8"))
    version_pages = sorted(p for p in captured["all_pages"] if sites.VERSION_PAGE.match(p))
    stock_dir = work / "stock"
    config = sites.load_config()
    docs = stock_dir / "docs"
    for src in version_pages:
        text = (capture / "docs" / src).read_text(encoding="utf-8")
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    final = captured["config"]
    config["markdown_extensions"] = [{n: final["mdx_configs"].get(n, {})}
                                     for n in final["markdown_extensions"]]
    stock_cfg = sites.stock_config(stock_dir, config)
    stock_site = stock_dir / "site"
    build(stock_cfg, stock_site)
    urls = [src.removesuffix("index.md") for src in version_pages]
    real = pageweight.measure_pages(real_site, urls)
    stock = pageweight.measure_pages(stock_site, urls)
    worst = 0.0
    for r, s in zip(real, stock, strict=True):
        row = {"page": r.page}
        for label, weight in (("real", r), ("stock", s)):
            for when in ("before", "after"):
                w = getattr(weight, when)
                row[f"{label}_{when}_raw"] = w.raw
                row[f"{label}_{when}_gzip"] = w.gzip
                row[f"{label}_{when}_files"] = len(w.files)
            for kind, suffixes in (("html", (".html", "/")), ("css", (".css",)),
                                   ("js", (".js",))):
                row[f"{label}_{kind}_raw"], row[f"{label}_{kind}_gzip"] = \
                    weight.before.kind(suffixes)
        row["third_party"] = r.third_party
        row["real_files"] = [f[0] for f in r.after.files]
        res.weights.append(row)
        ratio_gz = row["real_before_gzip"] / row["stock_before_gzip"]
        ratio_raw = row["real_before_raw"] / row["stock_before_raw"]
        worst = max(worst, ratio_gz, ratio_raw)
        say(f"  /{r.page}: {row['real_before_gzip'] / 1024:.1f} KB gzip "
            f"({row['real_before_raw'] / 1024:.1f} KB raw) before search, "
            f"{row['real_after_gzip'] / 1024:.1f} KB gzip after; stock page with the same "
            f"content {row['stock_before_gzip'] / 1024:.1f} KB gzip "
            f"({row['stock_before_raw'] / 1024:.1f} KB raw); "
            f"ratio {ratio_gz:.3f}x gzip, {ratio_raw:.3f}x raw")
        res.targets.append((
            f"/{r.page} bytes before search <= {TARGET_WEIGHT}x a stock Material page with "
            "the same content", max(ratio_gz, ratio_raw) <= TARGET_WEIGHT,
            f"{ratio_gz:.3f}x gzip, {ratio_raw:.3f}x raw"))
        if r.third_party:
            res.notes.append(f"/{r.page} requested third-party hosts: {r.third_party}")


# --- report ---------------------------------------------------------------------------------

def kb(n: float) -> str:
    return f"{n / 1024:,.1f}"


def report(res: Results, path: Path | None, argv: list[str]) -> None:
    say("== Targets")
    for name, ok, detail in res.targets:
        say(f"{'PASS' if ok else 'FAIL'}: {name}: {detail}")
    if path is None:
        return
    lines = [
        "# Benchmark results",
        "",
        f"Measured {res.started} by `{' '.join(['./bench-run.sh', *argv])}`" +
        f" in {res.seconds / 60:.1f} minutes. How to read them: see the end of this file.",
        "",
        "## Targets",
        "",
    ]
    lines += [f"- **{'PASS' if ok else 'FAIL'}**: {name}: {detail}" for name, ok, detail in
              res.targets]
    lines += ["", "## Machine and versions", "", "| | |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in res.machine.items()]
    if res.floors:
        lines += [
            "", "## Against the plain-MkDocs floor", "",
            "Builds of each site and of its floor, alternately. CPU is the user + system time "
            "of the `mkdocs build --strict` process (and of anything it runs); wall is the "
            "elapsed time; memory is the build process's peak resident set.", "",
            "| site | builds | median CPU s | median wall s | min-max wall s | peak MiB | pages | "
            "output MB | search index KB |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for run in res.floors:
            for name, builds in ((run.site, run.real), ("its floor", run.floor)):
                walls = [b.seconds for b in builds]
                b = builds[-1]
                lines.append(
                    f"| {name} | {len(builds)} | {median([x.cpu for x in builds]):.2f} | "
                    f"{median(walls):.2f} | {min(walls):.2f}-{max(walls):.2f} | "
                    f"{max(x.peak_mib for x in builds):.0f} | {b.pages:,} | "
                    f"{b.output_bytes / 1e6:.2f} | {kb(b.search_bytes)} |")
            lines.append(f"| **ratio** | | **{run.ratio('cpu'):.2f}x** | "
                         f"**{run.ratio('seconds'):.2f}x** | | | | | |")
        if res.imports:
            real = res.floors[0]
            extra = (median([b.cpu for b in real.real]) - median([b.cpu for b in real.floor]))
            lines += ["", f"Of the real site's extra {extra:.2f} s CPU, start-up imports that "
                      "the floor does not need take (median of separate runs): " +
                      "; ".join(f"{k} {v:.2f} s" for k, v in res.imports.items()) + "."]
    if res.synthetic:
        lines += [
            "", "## Synthetic Codes", "",
            "Generated by `tests/bench/synth.py`: about 12 clauses a section; between "
            f"versions {synth.REWORD:.0%} of clauses reworded, {synth.MOVE:.0%} moved to "
            f"another section, {synth.INSERT:.0%} inserted and {synth.DELETE:.0%} deleted "
            f"(with reasons); {synth.XREF:.0%} of clauses cross-reference others in their "
            f"text, {synth.SEE_ALSO:.0%} have a 'see also' list, {synth.ITEMS:.0%} have "
            "lettered items; members' comments on the last version but one, answered by the "
            "last. Each is built with the real mkdocs.yml, hand pages and theme.", "",
            "| clauses | versions | builds | CPU s | wall s | CPU ms per clause | peak MiB | "
            "pages | output MB | search index MB (gzip) |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for row in res.synthetic:
            lines.append(
                f"| {row['clauses']:,} | {row['versions']} | {row['runs']} | {row['cpu']:.2f} | "
                f"{row['seconds']:.2f} | {row['ms_per_clause']:.2f} | {row['peak_mib']:.0f} | "
                f"{row['pages']:,} | {row['output_bytes'] / 1e6:.1f} | "
                f"{row['search_bytes'] / 1e6:.2f} ({row['search_gzip'] / 1e6:.2f}) |")
    if res.pdf:
        lines += ["", "## PDF rendering", "",
                  "Each PDF rendered from scratch by WeasyPrint. Builds keep rendered PDFs in "
                  "`.cache/pdf/` by content, so a build renders only the PDFs whose version "
                  "changed: the real-site builds above are such rebuilds. Synthetic builds "
                  "leave PDFs out (`pdf: false`; `--pdf` keeps them).", "",
                  "| Code | version | clauses | CPU s | wall s | PDF KB |",
                  "| --- | --- | --- | --- | --- | --- |"]
        lines += [f"| {p['code']} | {p['version']} | {p['clauses']:,} | {p['cpu']:.2f} | "
                  f"{p['seconds']:.2f} | {kb(p['bytes'])} |" for p in res.pdf]
    if res.previews:
        lines += [
            "", "## Preview: from saving an edit to seeing it", "",
            "`./site-build.sh serve` of a copy of the site; each save puts a new word in one "
            "clause of the last version (a draft), and the version page is fetched every 20 ms "
            "until it shows the word. The first save is not counted. Wall is from the save to "
            "the page showing it; CPU is what the server used meanwhile.", "",
            "| site | page | edits | median wall s | min-max wall s | median server CPU s | "
            "first save s | start to first page s |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for p in res.previews:
            lines.append(
                f"| {p.site} | /{p.page} | {len(p.walls)} | {median(p.walls):.2f} | "
                f"{min(p.walls):.2f}-{max(p.walls):.2f} | {median(p.cpus):.2f} | "
                f"{p.warmup:.2f} | {p.first_build:.1f} |")
    if res.lighthouse:
        lines += [
            "", "## Lighthouse", "",
            "Lighthouse " + res.machine.get("lighthouse", "") + " with its defaults (a mobile "
            "phone, simulated slow 4G, a 4x slower processor), Chromium as above, each page "
            "served as a host serves it: gzip, `Cache-Control`. Scores out of 100; the "
            "audits listed lost points (below 90 of 100).", "",
            "| site | page | HTML KB | elements | performance | accessibility | best practices "
            "| SEO | FCP | LCP | TBT | audits that lost points |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for name, sc in res.lighthouse:
            m = sc.metrics
            lines.append(
                f"| {name} | /{sc.page} | {sc.html_kb:,.0f} | {sc.elements:,} | "
                + " | ".join(f"{sc.scores[c]:.0f}" for c in lighthouse.CATEGORIES) +
                f" | {m.get('first-contentful-paint', '')} | "
                f"{m.get('largest-contentful-paint', '')} | {m.get('total-blocking-time', '')} | "
                + ("; ".join(sc.failed) or "none") + " |")
    if res.weights:
        lines += [
            "", "## Bytes to open a version page", "",
            "Every file the browser fetched from the site, as sent (raw) and gzip-compressed "
            "(level 6) as a server would send it, in KB. *Before search*: the page opened and "
            "settled, without the theme's search worker and index. *After search*: the search box "
            "opened and a word typed. The stock page is Material with this site's theme "
            "options and none of its overrides, with the same content at the same path.",
            "",
            "| page | site | before search raw | gzip | HTML gzip | CSS gzip | JS gzip | "
            "after search raw | gzip | files |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for w in res.weights:
            for label, name in (("real", "this site"), ("stock", "stock Material")):
                lines.append(
                    f"| /{w['page']} | {name} | {kb(w[f'{label}_before_raw'])} | "
                    f"{kb(w[f'{label}_before_gzip'])} | {kb(w[f'{label}_html_gzip'])} | "
                    f"{kb(w[f'{label}_css_gzip'])} | {kb(w[f'{label}_js_gzip'])} | "
                    f"{kb(w[f'{label}_after_raw'])} | {kb(w[f'{label}_after_gzip'])} | "
                    f"{w[f'{label}_after_files']} |")
    if res.notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in res.notes]
    lines += ["", PROFILE, "", HOW_TO_READ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    say(f"Results written to {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


PROFILE = """\
## Where a large build's time goes

Written by hand from CPU times by build stage (a MkDocs hook noting the process's CPU time
at each event, the stages below) of `mkdocs build` of the synthetic Code of 5,000 clauses x
10 versions, and from profiles (`python -m cProfile`) of the same Code at 1,000 clauses.
Before is commit 62ac464 on this machine while other work loaded it (load average 5 to 6,
92 s CPU), after is this commit on an idle one (45 s CPU): compare the shares. Both write
the same site (compared file by file at 1,000 x 10 and 5,000 x 10, and the real site), and
the whole-build figures in Targets above come from the benchmark itself. Rerun them after a
change that moves these costs.

| stage of a 5,000 x 10 build (share of its CPU) | before (62ac464) | after |
| --- | --- | --- |
| the theme's search parsing the ten version pages' HTML | 29 % | 1 % |
| the theme laying out the 6,800 clause histories (main.html, its navigation) | 15 % | 13 % |
| the Code's templates laying out the ten version pages | 13 % | 24 % |
| the Code's templates laying out the clause histories | 11 % | 15 % |
| loading, validating and checking the Code (10 version files) | 9 % | 15 % |
| writing each clause history, and its context for the theme | 6 % | 6 % |
| the theme's search parsing the changes page (14 MB) | 4 % | 8 % |
| MkDocs reading each clause history (its front matter, a Markdown converter) | 3 % | 2 % |
| after the pages: the search index reshaped, and its copies for the version folders | 3 % | 3 % |
| whole build, CPU and peak memory (benchmark, idle machine) | 79.5 s, 806 MiB | 50.7 s, 557 MiB |

What moved, and what stands in the way of the targets still failing:

- **5,000 x 10 in 60 s CPU and 600 MiB**: the theme's search parsed each version page's
  megabytes of HTML for entries that were then replaced by ones computed from the data; it
  now reads the page's title in their place (`index_stand_in` in
  `macros/adapters/search_index.py`). The theme's navigation, the same for every page it
  does not list, is laid out once per folder for the clause histories
  (`macros/adapters/nav_once.py`); a clause history is a MkDocs page with its settings
  given, so MkDocs neither parses its front matter nor makes a Markdown converter for it
  (`macros/adapters/data_pages.py`); the changelog compares a clause word by word only when
  its text differs from the version before; the version folders' copies of the search index
  are made from its text. Memory: each version file's YAML nodes (kept for the lines of
  problems) and its data as plain YAML were kept after validation; now the nodes are made
  again from the file's text only when a problem needs a line, and the plain data is
  dropped (loading's peak 588 -> 395 MiB at 5,000 x 10). And MkDocs holds every page's
  content from reading it to writing it, over 300 MB of HTML for this Code; a generated
  page's is now held compressed (`macros/adapters/held_pages.py`, zlib at its fastest,
  about a tenth of the size). The peak is now laying out the changes page. What is left
  is mostly the Code's own templates: each clause of a version page lists the clause in
  every other version (nine links at 10 versions), then loading and checking the data.
- **Preview of 1,000 x 5 in 2 s** (1.58 s wall, 1.40 s server CPU in this run, on an idle
  machine; 6.84 s and 6.33 s before): profiled, a save's rebuild was the
  Code's templates laying out every page only to fingerprint it (49 %), search parsing
  the pages laid out anew (20 %), loading and checking the whole Code again (9 %) and a
  Markdown converter made for each page (6 %); unprofiled, MkDocs emptying the served
  folder and writing its 1,256 files again took 1.6-3 s of wall on this disk. Now each
  page is fingerprinted from the records it shows before it is laid out
  (`macros/render/page_inputs.py`: a version's page from that version whole and the
  others' numbering and statuses, a clause's history from that clause in each version);
  each version file's records, checks, numbering, comparison, JSON and search words are
  kept by its bytes (`macros/load/kept.py`); a reused page's front matter is not parsed
  nor its empty Markdown converted; a page laid out anew is indexed for search part by
  part, each section element the last build parsed alike taken from it
  (`macros/adapters/search_chunks.py`); and a rebuild writes only the files whose bytes
  changed (`macros/adapters/serve_files.py`). A profiled rebuild now (1.46 s CPU
  unprofiled, in-process): laying out the changed pages' content, the 2 MB version page
  (15 %) and the 1.3 MB changes page (10 %); search parsing their changed parts (18 %,
  mostly the edited version's changes); loading and checking the edited file (9 %);
  fingerprints (7 %); MkDocs listing the theme's templates (5 %); the search indexes'
  reshaping (4 %). The rest of the wall: MkDocs's `serve` notices a save by polling every
  0.5 s (0.25 s on average) and waits 0.1 s more before it rebuilds. Next: the changes
  page laid out version by version, so that an edit lays out only its version's changes.
  Since then a version page is no longer parsed for search in a preview either (its
  stand-in, as in a build): 2.16 s before that, at load average 1 to 2.
- **Preview of the real site in 1 s** (0.50 s wall, 0.29 s server CPU in this run; 1.50 s
  and 1.00 s before): a save to a draft rendered its PDF and committee paper
  (WeasyPrint, most of that CPU) before the pages, because each version page states its
  downloads' sizes. While serving, the page now says each is being made, and a thread
  renders them a tenth of a second after the rebuild, into the PDF cache folder, which
  `serve` watches: that rebuilds the site with their sizes (a `build` renders them first,
  as before). Of a profiled rebuild now (0.40 s CPU in-process), MkDocs listing every
  theme template to find static files is 27 %, the plugins' `on_config` 24 % (Material's
  search reading its translations 9 %), search 14 %; mkdocs-macros-plugin's twelve `git`
  runs are 4 % (0.04 s), left as they are.
- **Lighthouse on long version pages**: style and layout were most of the main thread
  (2.1 s of 3.9 s on the 500-clause page, total blocking 760 ms, performance 80);
  `content-visibility: auto` on each section brought them to 0.3 s and 100 ms
  (performance 98). "About this clause" then took a clause to about 25 elements (12,646 on
  the 500-clause page, performance 93, 85 at 1,000 clauses); its link, summary and citation
  in fewer elements, and the citation's copy button made by the script only where a
  citation is shown, bring that to about 20 (10,143). On a loaded machine (load average
  3.5 to 6) single runs of the 500-clause page then scored 97, 97 and 83 (92 before), of
  the 1,000-clause page 91, 83 and 84 (87 before); in alternate runs of the pages before
  and after, the 500-clause page's median was 94 against 81 (three of each, total blocking
  265 against 719 ms) and the 1,000-clause page's 84.5 against 71 (six of each, 551
  against 989 ms).
  Most of what remains is the theme's script: it subscribes to every link and `<details>`
  in the content (about 4,000 and 1,000 at 1,000 clauses) as the page loads, reads the
  search index (0.9 MB at 1,000 clauses, every version's clauses), and, because each page
  links the feed with `rel="alternate"`, which the theme takes for a page in another
  language, fetches and parses `sitemap.xml`. On an idle machine (this run) the 500-clause
  page scores 99 and the 1,000-clause page 96 (total blocking 80 and 180 ms). The real
  version page moved on a phone (layout shift 0.042, performance 99 in some runs): the
  theme's script adds the version selector, on a row of its own under the title, after the
  page is drawn, and everything moved down 36 px. The row is now kept for it until it comes
  (`smc-header--versioned`, only where scripts run): 0.0004.
- **Page weight**: each page fetched the package's three stylesheets, its generated print
  stylesheet, four scripts and the theme's content-tabs script, as separate readable files
  (16 files before search, 79.0 KB gzip, 1.15x). The build now joins the styles into one
  stylesheet and the scripts into one script, without comments and spare spaces, from the
  same readable sources (`macros/render/minify.py`), and leaves out the tabs script where
  content tabs are off: 10 files, 74.9 KB gzip, 1.09x. The rest is the version selector's
  list (`code/versions.json`), the sitemap the feed link makes the theme fetch, and the
  Code's own styles and scripts.
"""


HOW_TO_READ = """\
## How to read these results

- **Times.** Each build is a separate `mkdocs build --strict` process. *CPU* is
  the user + system time of that process and of anything it runs; *wall* is
  the elapsed time. The targets use CPU time: on a shared machine wall time
  also counts the time other work held the processor, which is noise here.
  On an idle machine the two agree (builds are single-threaded).
- **Real against floor.** The floor is what MkDocs and Material alone cost for
  exactly these pages: each page's Markdown is captured after the macros have
  run (`tests/bench/capture_hook.py`) and built again with the same theme,
  navigation and Markdown settings, without the `clauses` and `macros`
  plugins; files the generator adds (downloads, schemas, the version list) are
  copied in as they are. The ratio is what the generator adds: importing it,
  loading and checking the data, the changelog, the downloads, the macros. The
  start-up line says how much of the difference is only importing code, which
  does not grow with the Code (the macros plugin is imported after the
  generator, as in a build; what it does at start that no setting turns off,
  importing `requests` and running `git` twelve times, is measured under
  "Start-up cost of mkdocs-macros-plugin" in `macros/DESIGN.md`). The
  synthetic comparison shows the same ratio where pages, not start-up,
  dominate. The real site and the synthetic Code have the same target (see
  Targets), which leaves room for that fixed start-up. Both builds run from
  compiled bytecode: the run compiles `macros/` first, as pip compiled MkDocs
  and the theme when it installed them.
- **Growth.** *CPU ms per clause* is a build's CPU time divided by the number
  of clauses in each version. A fixed start-up cost makes it fall as the Code
  grows; a step that grew faster than the Code (comparing every clause with
  every other, say) would make it rise at 5,000 clauses. It rises with the
  number of versions because each version has its own page and each clause's
  history page shows every version. The target compares 5,000 with 500
  clauses at the same number of versions.
- **Page weight.** Measured in Chromium from a local server that logs every
  file it sends. *Before search* is everything the page fetched except the
  theme's search worker and index, which Material fetches as soon as the page
  is idle; *after search* includes them (this site gives each version its own
  index). The stock page is Material with this site's theme options (palette,
  features, fonts off) but none of its template overrides, CSS or JavaScript,
  holding the same content at the same path. Third-party requests are blocked
  and would be listed under Notes.
- **PDF.** Rendering PDFs is most of a cold build (see its table); builds keep
  them in `.cache/pdf/` by content, so the real-site builds measured here are
  rebuilds that render nothing new, as after any edit that leaves a version's
  text alone.
- **Preview.** `./site-build.sh serve` of a copy of the site (the real one with a draft
  2.1 made by `new-version`, so that no published wording changes), timed from saving a
  version file to the served page showing the new word, as the editor waits. MkDocs waits
  0.1 s after a change before rebuilding and answers no request until the rebuild is
  done. The server's CPU is the steadier figure on a shared machine.
- **Lighthouse.** One run per page; its performance score moves by a few points between
  runs, the more so on a loaded machine (Lighthouse simulates a slow phone from what it
  measured on this one). Reports are kept in the run's folder (`--work`).
- **Noise.** Other work ran on this machine during the run (load averages in the
  machine table). Real and floor builds alternate so that noise falls on both;
  ratios are steadier than seconds. Rerun with `./bench-run.sh` when the
  machine is quiet to check a figure.
"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="./bench-run.sh", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=9,
                        help="builds of the real site and of the floor (default 9)")
    parser.add_argument("--sizes", default="50,500,5000", help="synthetic clause counts")
    parser.add_argument("--versions", default="2,5,10", help="synthetic version counts")
    parser.add_argument("--small-reps", type=int, default=3,
                        help="builds of each synthetic Code smaller than the largest (median)")
    parser.add_argument("--pdf", action="store_true",
                        help="render PDFs in synthetic builds too (slow: minutes at 5,000 "
                        "clauses); by default they are left out and PDF cost is reported apart")
    parser.add_argument("--quick", action="store_true",
                        help="a short trial: 3 builds each, 50 and 500 clauses, 2 and 5 versions")
    parser.add_argument("--skip", default="", help="comma-separated parts to leave out: "
                        "real (the real site against its floor, and with it weight), floor "
                        "(the synthetic one), weight, synthetic, pdf, preview, lighthouse")
    parser.add_argument("--lighthouse-sizes", default="500,1000",
                        help="synthetic Codes (clauses, 2 versions) whose version page "
                        "Lighthouse scores (default 500,1000)")
    parser.add_argument("--preview-edits", type=int, default=5,
                        help="edits timed in each preview (default 5; one more is not counted)")
    parser.add_argument("--preview-synthetic", default="1000x5", metavar="NxV",
                        help="the synthetic Code whose preview is timed (default 1000x5; "
                        "empty for none)")
    parser.add_argument("--floor-synthetic", default="500x2", metavar="NxV",
                        help="also compare this synthetic Code with its floor (default 500x2)")
    parser.add_argument("--pdf-max", type=int, default=500,
                        help="largest synthetic Code whose PDF is rendered (default 500)")
    parser.add_argument("--results", help="where to write the results (default "
                        "tests/bench/RESULTS.md; a --quick run writes none unless given)")
    parser.add_argument("--no-results", action="store_true", help="print only")
    parser.add_argument("--work", help="folder for the builds (default: a new temporary one)")
    args = parser.parse_args(argv)
    if args.quick:
        args.reps, args.sizes, args.versions, args.small_reps = 3, "50,500", "2,5", 1
        args.floor_synthetic, args.pdf_max = "50x2", 50
    if args.results is None and not args.quick:
        args.results = str(Path(__file__).with_name("RESULTS.md"))
    skip = {s for s in args.skip.split(",") if s}
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="smc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    res = Results(dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), machine())
    res.machine["load average at start"] = load()
    say(f"Benchmark in {work} (load average {load()})")
    # Builds run from compiled bytecode, as MkDocs and the theme do,
    # whatever PYTHONDONTWRITEBYTECODE says.
    compileall.compile_dir(ROOT / "macros", quiet=1)
    sizes = [int(x) for x in args.sizes.split(",")]
    try:
        if "real" not in skip:
            capture, real_site = real_and_floor(work, args.reps, res)
            if "weight" not in skip:
                page_weight(work, capture, real_site, res)
        if "lighthouse" not in skip:
            lighthouse_scores(work, None if "real" in skip else work / "real-site",
                              [int(x) for x in args.lighthouse_sizes.split(",") if x], res)
        if "preview" not in skip:
            preview_latency(work, args.preview_edits, args.preview_synthetic, res)
        if "floor" not in skip and args.floor_synthetic:
            n, v = (int(x) for x in args.floor_synthetic.split("x"))
            synthetic_floor(work, n, v, max(args.small_reps, 5), res)
        if "synthetic" not in skip:
            synthetic(work, sizes, [int(x) for x in args.versions.split(",")], args.pdf, res,
                      args.small_reps)
        if "pdf" not in skip:
            pdf_cost(work, [n for n in sizes if n <= args.pdf_max], res)
    except measure.BuildFailed as err:
        say(str(err))
        return 2
    res.machine["load average at end"] = load()
    res.seconds = time.perf_counter() - started
    report(res, None if args.no_results or not args.results else Path(args.results), argv)
    say(f"Done in {res.seconds / 60:.1f} minutes.")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(ok for _, ok, _ in res.targets) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
