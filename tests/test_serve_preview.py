"""`./site-build.sh serve` previews the Code's data: saving a version file rebuilds the site,
a broken file is reported in one line while the last good site stays served, and fixing it
rebuilds without a restart."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from recordkit import edit
from testkit import FIXTURES, ROOT

from macros.adapters.preview import data_paths
from macros.compute.downloads import BEING_MADE

DEADLINE = 90  # seconds for one rebuild to show, on two busy cores


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Preview:
    """A running `./site-build.sh serve` of a copy of the mini fixture."""

    def __init__(self, root: Path, port: int, log: Path, process: subprocess.Popen[bytes]):
        self.root, self.port, self.log, self.process = root, port, log, process
        self.version = root / "content" / "data" / "versions" / "1.0.yaml"

    def page(self) -> str:
        """The version page as the server gives it now ('' while it cannot)."""
        url = f"http://127.0.0.1:{self.port}/code/1.0/"
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                body: bytes = response.read()
                return body.decode("utf-8")
        except (urllib.error.URLError, OSError):
            return ""

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, what: str, found: Callable[[], bool]) -> None:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            assert self.process.poll() is None, f"the server stopped:\n{self.output()}"
            if found():
                return
            time.sleep(0.3)
        pytest.fail(f"no {what} within {DEADLINE} s:\n{self.output()[-3000:]}")


@contextmanager
def serving(tmp_path: Path, fixture: str) -> Iterator[Preview]:
    """`./site-build.sh serve` of a copy of `fixture`, stopped afterwards."""
    root = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture, root, ignore=shutil.ignore_patterns(".cache"))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT}/"),
                      encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(ROOT / "site-build.sh"), "serve", "-a", f"127.0.0.1:{port}"],
            env={**os.environ, "SITE_CONFIG": str(config)}, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield Preview(root, port, log, process)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    with serving(tmp_path, "mini") as started:
        yield started


def test_a_site_with_a_record_of_published_urls_previews_at_the_local_address(
        tmp_path: Path) -> None:
    """`serve` sets site_url to its own address; the record is still checked against the
    site_url mkdocs.yml gives, so it is not taken for another site's."""
    with serving(tmp_path, "two-versions") as started:
        started.wait_for("first build",
                         lambda: "This Code applies to every councillor." in started.page())
        assert "the record was made for" not in started.output()


def test_saving_the_data_rebuilds_and_a_broken_file_keeps_the_last_good_site(
        preview: Preview) -> None:
    preview.wait_for("first build", lambda: "Alpha clause. See" in preview.page())

    edit(preview.version, "text: Alpha clause. See", "text: Alpha clause, reworded. See")
    preview.wait_for("rebuild", lambda: "Alpha clause, reworded. See" in preview.page())

    edit(preview.version, "text: Alpha clause, reworded. See [[gamma]].", "text: [Alpha")
    preview.wait_for("report of the problem",
                     lambda: "The site was not rebuilt" in preview.output())
    said = preview.output().splitlines()
    problem = next(line for line in said if line.startswith("content/data/versions/1.0.yaml:"))
    assert "malformed YAML" in problem and "Fix:" in problem
    assert said[said.index(problem) - 1] == "The Code's data has 1 problem:"
    assert preview.process.poll() is None
    assert "Alpha clause, reworded. See" in preview.page()  # the last good site, at once

    edit(preview.version, "text: [Alpha", "text: Alpha mended.")
    preview.wait_for("recovery", lambda: "Alpha mended." in preview.page())


def test_serve_watches_the_data_folder_and_files_the_manifest_names_elsewhere(
        tmp_path: Path) -> None:
    data = tmp_path / "content" / "data"
    data.mkdir(parents=True)
    (tmp_path / "shared").mkdir()
    manifest = data / "code.yaml"
    manifest.write_text("versions:\n  - versions/1.0.yaml\n  - ../../shared/2.0.yaml\n"
                        "guidance: guidance.yaml\n", encoding="utf-8")
    record = tmp_path / "published-urls.txt"
    assert data_paths(manifest, [data / "glossary.md", record]) == [
        (data.resolve(), True), ((tmp_path / "shared").resolve(), False),
        (tmp_path.resolve(), False)]


def test_an_edit_is_shown_before_its_pdf_is_made_and_the_pdf_follows(
        preview: Preview) -> None:
    """A rebuild after an edit shows the page first; the version's PDF, made after it, is then
    offered with its size, as a build offers it."""
    preview.wait_for("first build", lambda: "Alpha clause. See" in preview.page())
    edit(preview.version, "text: Alpha clause. See", "text: Alpha clause, reworded. See")
    preview.wait_for("rebuild", lambda: "Alpha clause, reworded. See" in preview.page())
    preview.wait_for("the PDF's size", lambda: BEING_MADE not in preview.page()
                     and re.search(r"Download PDF \(\d+ KB\)", preview.page()) is not None)
    url = f"http://127.0.0.1:{preview.port}/code/1.0/code-1.0.pdf"
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.read(5) == b"%PDF-"
    assert "could not be made" not in preview.output()
