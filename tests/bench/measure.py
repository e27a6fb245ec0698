"""Measuring one MkDocs build: wall time, peak memory, output size, search index size."""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sites import ROOT

MKDOCS = Path(sys.executable).parent / "mkdocs"


class BuildFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Build:
    seconds: float  # wall-clock
    cpu: float  # user + system CPU seconds of the build process
    peak_mib: float  # maximum resident set size of the build process
    output_bytes: int
    files: int
    pages: int
    search_bytes: int
    search_gzip: int


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> Build:
    """Run `mkdocs build --strict` as its own process, from the repository root."""
    log = site_dir.with_name(site_dir.name + ".log")
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [str(MKDOCS), "build", "--strict", "--clean", "-q", "-f", str(config), "-d",
             str(site_dir)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BuildFailed(f"build of {config} failed ({proc.returncode}):\n{tail}")
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    search = site_dir / "search" / "search_index.json"
    data = search.read_bytes() if search.exists() else b""
    return Build(
        seconds=seconds,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mib=usage.ru_maxrss / 1024,
        output_bytes=sum(p.stat().st_size for p in files),
        files=len(files),
        pages=sum(1 for p in files if p.suffix == ".html"),
        search_bytes=len(data),
        search_gzip=gzip_size(data) if data else 0,
    )


def median(values: list[float]) -> float:
    return statistics.median(values)
