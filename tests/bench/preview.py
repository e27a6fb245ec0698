"""How long the editor waits: `./site-build.sh serve` running, one clause edited and saved,
the time until the served version page holds the new words.

Each site is previewed from a copy in the benchmark's folder, so the repository is never
edited: the real site as an editor previews a revision (a draft 2.1 started from the latest
version with `python -m macros new-version`, one clause reworded with a reason), and a
synthetic Code (its last version, a draft, one clause reworded). The first save after the
server starts is not counted; then each save puts a new word in the clause, and the page is
fetched every 20 ms until it shows it. *Wall* is the time from the save to that moment
(MkDocs waits 0.1 s after a change before it rebuilds, and counts here as it does for the
editor); *CPU* is what the server process used meanwhile.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import sites
import synth
from sites import ROOT

MARK = "benchmarkedit{}x"
REASON = "Reworded while the benchmark times the preview."
START_DEADLINE = 900  # seconds for the first build (a 1,000-clause Code of 5 versions: ~10 s)
EDIT_DEADLINE = 120


@dataclass
class PreviewRun:
    site: str
    page: str
    first_build: float  # seconds from start to the page being served
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    warmup: float = 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _cpu(pid: int) -> float:
    """User + system CPU seconds of process `pid` and its waited-for children."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(x) for x in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (http, local)
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return ""


class ClauseEdit:
    """Rewords one clause of a version file: first with a reason, then a new word a save."""

    def __init__(self, path: Path) -> None:
        self.path = path
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        at = self._clause_without_change(lines)
        indent, value = re.match(r"^(\s*)text: (.*?)\n?$", lines[at]).groups()  # type: ignore
        if value[:1] in ">|":  # a block: the words start on the next line
            first = lines[at + 1]
            inner = len(first) - len(first.lstrip())
            lines[at + 1] = f"{first[:inner]}{MARK.format(0)} {first[inner:]}"
        else:
            quote = value[:1] if value[:1] in "\"'" else ""
            lines[at] = f"{indent}text: {quote}{MARK.format(0)} {value[len(quote):]}\n"
        after = at + 1
        while after < len(lines) and (not lines[after].strip() or
                                      len(lines[after]) - len(lines[after].lstrip()) > len(indent)):
            after += 1
        lines.insert(after, f"{indent}change: {{reason: {REASON}}}\n")
        self.text = "".join(lines)
        self.count = 0
        path.write_text(self.text, encoding="utf-8")

    @staticmethod
    def _clause_without_change(lines: list[str]) -> int:
        """The line of the text of the first clause with no 'change' (a plain `text:` line)."""
        for i, line in enumerate(lines[:-1]):
            key = re.match(r"^(\s*)- key: \S+\s*$", line)
            text = re.match(r"^(\s*)text: \S", lines[i + 1])
            if not key or not text or len(text.group(1)) != len(key.group(1)) + 2:
                continue
            depth = len(text.group(1))
            block = []
            for after in lines[i + 1:]:
                if after.strip() and len(after) - len(after.lstrip()) < depth:
                    break
                block.append(after)
            if not any(b.startswith(" " * depth + "change:") for b in block):
                return i + 1
        raise ValueError("no clause without a 'change' to edit")

    def save_next(self) -> str:
        """Save the file with the next new word in the clause; return the word."""
        old, self.count = MARK.format(self.count), self.count + 1
        new = MARK.format(self.count)
        self.text = self.text.replace(old, new, 1)
        self.path.write_text(self.text, encoding="utf-8")
        return new


def _wait_idle(pid: int, quiet: float = 0.5, limit: float = 120) -> None:
    """Until the server has used no CPU for `quiet` seconds (the rebuild has ended)."""
    end = time.monotonic() + limit
    last = _cpu(pid)
    while time.monotonic() < end:
        time.sleep(quiet)
        now = _cpu(pid)
        if now - last < 0.02:
            return
        last = now


def measure(name: str, root: Path, config: Path, version_file: Path, page: str, edits: int,
            log_dir: Path) -> PreviewRun:
    """Serve `config` (from `root`), then save `edits` + 1 edits of `version_file` and time
    each until the version page at site path `page` shows it."""
    edit = ClauseEdit(version_file)
    port = free_port()
    mount = urlsplit(sites.load_config(config).get("site_url") or "/").path
    url = f"http://127.0.0.1:{port}{mount.rstrip('/')}/{page}"
    log = log_dir / f"preview-{name.replace(' ', '-')}.log"
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [str(ROOT / "site-build.sh"), "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
            stdout=out, stderr=subprocess.STDOUT, process_group=0,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_CONFIG": str(config)})
    try:
        run = PreviewRun(name, page, 0.0)
        end = time.monotonic() + START_DEADLINE
        while MARK.format(0) not in _fetch(url):
            if process.poll() is not None or time.monotonic() > end:
                raise RuntimeError(f"the preview of {name} did not start; see {log}")
            time.sleep(0.2)
        run.first_build = time.perf_counter() - started
        _wait_idle(process.pid)
        for n in range(edits + 1):
            cpu = _cpu(process.pid)
            word = edit.save_next()
            saved = time.perf_counter()
            end = time.monotonic() + EDIT_DEADLINE
            while word not in _fetch(url):
                if process.poll() is not None or time.monotonic() > end:
                    raise RuntimeError(f"the preview of {name} did not show edit {n}; see {log}")
                time.sleep(0.02)
            wall, used = time.perf_counter() - saved, _cpu(process.pid) - cpu
            if n == 0:
                run.warmup = wall
            else:
                run.walls.append(wall)
                run.cpus.append(used)
            print(f"  {name} edit {n}{' (not counted)' if n == 0 else ''}: shown after "
                  f"{wall:.2f} s, server CPU {used:.2f} s", flush=True)
            _wait_idle(process.pid)
        return run
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server as Ctrl+C does (it runs in its own process group)."""
    try:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def real_copy(work: Path) -> tuple[Path, Path, Path]:
    """A copy of the real site with a draft 2.1 to edit: (folder, config, version file)."""
    root = work / "preview-real"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in ("mkdocs.yml", "published-urls.txt"):
        shutil.copy2(ROOT / name, root / name)
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    pdfs = ROOT / ".cache" / "pdf"
    if pdfs.is_dir():  # the published versions' PDFs, rendered already
        shutil.copytree(pdfs, root / ".cache" / "pdf")
    latest = sorted((root / "content" / "data" / "versions").glob("*.yaml"))[-1]
    date = re.search(r"^date: (\S+)", latest.read_text(encoding="utf-8"), re.MULTILINE)
    number = latest.stem.split(".")
    new_id = f"{number[0]}.{int(number[1]) + 1}"
    made = subprocess.run([sys.executable, "-m", "macros", "new-version", new_id, "--date",
                           date.group(1) if date else "2030-01-01"], cwd=root,
                          capture_output=True, text=True, env={**os.environ,
                                                               "PYTHONPATH": str(ROOT)})
    if made.returncode:
        raise RuntimeError(f"new-version failed: {made.stdout}{made.stderr}")
    return root, root / "mkdocs.yml", root / "content" / "data" / "versions" / f"{new_id}.yaml"


def synthetic_copy(work: Path, clauses: int, versions: int) -> tuple[Path, Path, Path, str]:
    """A synthetic Code to edit: (folder, config, its last version's file, that version)."""
    site = work / f"preview-synthetic-{clauses}x{versions}"
    if site.exists():
        shutil.rmtree(site)
    ids = synth.write_code(site / "data", clauses, versions, ROOT / "content" / "data" /
                           "guidance.yaml")
    config = sites.synthetic_config(site, pdf=False)
    return ROOT, config, site / "data" / "versions" / f"{ids[-1]}.yaml", ids[-1]
