"""site-build.sh publishes a site in one step: readers always find a whole site (the previous
one until the swap), killed builds leave nothing behind once the next build has run,
builds run one at a time, the published files are readable by everyone, and a failed build
changes nothing. Each test builds the small fixture Code into its own temporary folder."""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from testkit import FIXTURES, ROOT

SEED = 20240611
KILL_ROUNDS = 6
MARKER = re.compile(r"build-marker-(\d+)")
WAITING = "another build is publishing into"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


def _modes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): stat.S_IMODE(p.lstat().st_mode)
            for p in [site, *site.rglob("*")]}


@dataclass
class Project:
    """A copy of the mini fixture in tmp_path/mini, published to tmp_path/site."""

    tmp: Path
    config: Path
    site: Path
    index_md: Path

    def mark(self, n: int) -> None:
        """Make the next build's home page say build-marker-n."""
        self.index_md.write_text(f"# Fixture Code\n\nbuild-marker-{n}\n", encoding="utf-8")

    def start(self, umask: int | None = None) -> subprocess.Popen[str]:
        """Start ./site-build.sh in its own process group."""
        env = {**os.environ, "SITE_CONFIG": str(self.config), "SITE_DIR": str(self.site),
               "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.Popen(
            [str(ROOT / "site-build.sh")], cwd=ROOT, env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
            umask=-1 if umask is None else umask)

    def build(self, umask: int | None = None) -> tuple[int, str]:
        process = self.start(umask)
        out, err = process.communicate(timeout=60)
        return process.returncode, out + err

    def leftovers(self) -> list[str]:
        """What the tmp folder holds besides the fixture and the site."""
        return sorted(p.name for p in self.tmp.iterdir() if p.name not in ("mini", "site"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A whole site of the mini fixture marked 0, published where there was none."""
    project = _project(tmp_path_factory.mktemp("reference"))
    project.mark(0)
    code, output = project.build(umask=0o077)
    assert code == 0, output
    assert project.leftovers() == []
    return project.site


def _project(tmp: Path) -> Project:
    shutil.copytree(FIXTURES / "mini", tmp / "mini")
    config = tmp / "mini" / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT}/"),
                      encoding="utf-8")
    return Project(tmp, config, tmp / "site", tmp / "mini" / "content" / "pages" / "index.md")


@pytest.fixture
def project(tmp_path: Path, reference: Path) -> Project:
    """A project whose site is already published (a copy of the reference, marked 0)."""
    made = _project(tmp_path)
    made.mark(0)
    shutil.copytree(reference, made.site)
    return made


@dataclass
class Poller:
    """Reads the site as a web server would, as often as it can, on a thread; records every
    moment the site was missing or incomplete, and the sequence of markers it served."""

    site: Path
    names: frozenset[str]
    problems: list[str] = field(default_factory=list)
    markers: list[int] = field(default_factory=list)
    polls: int = 0
    whole_trees: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        try:
            while not self.stop.wait(0.001):  # a breath between polls leaves the build a core
                self.poll()
        except Exception as error:  # a dead poller would otherwise pass every test
            self.problems.append(f"the poller failed: {error!r}")

    def poll(self) -> None:
        self.polls += 1
        try:
            home = (self.site / "index.html").read_text(encoding="utf-8")
        except OSError as error:
            self.problems.append(f"index.html unreadable: {error}")
            return
        found = MARKER.search(home)
        if found is None:
            self.problems.append("index.html without a marker")
        elif not self.markers or self.markers[-1] != int(found.group(1)):
            self.markers.append(int(found.group(1)))
        self.check_tree()

    def check_tree(self) -> None:
        """Walk one published tree through a handle on its folder; judge it only if it was
        still the published one when the walk ended (the old tree is deleted after a swap)."""
        try:
            fd = os.open(self.site, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as error:
            self.problems.append(f"site unopenable: {error}")
            return
        try:
            names = {str(Path(top, name))
                     for top, _dirs, files, _fd in os.fwalk(".", dir_fd=fd) for name in files}
        except OSError as error:
            names = {f"(walk failed: {error})"}
        finally:
            swapped = _inode(self.site) != os.fstat(fd).st_ino
            os.close(fd)
        if swapped:
            return
        self.whole_trees += 1
        if names != self.names:
            self.problems.append(f"incomplete site: missing {sorted(self.names - names)[:3]}, "
                                 f"extra {sorted(names - self.names)[:3]}")


@pytest.fixture
def poller(project: Project, reference: Path) -> Iterator[Poller]:
    watcher = Poller(project.site, frozenset(_files(reference)))
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    yield watcher
    watcher.stop.set()
    thread.join(timeout=10)


def _assert_whole(project: Project, reference: Path, marker: int) -> None:
    files = _files(project.site)
    assert set(files) == set(_files(reference))
    assert f"build-marker-{marker}".encode() in files["index.html"]
    assert not [p for p in project.site.rglob("*") if ".building." in p.name
                or ".old." in p.name], "a build folder inside the published site"


def test_readers_always_find_a_whole_site(project: Project, poller: Poller,
                                          reference: Path) -> None:
    for n in (1, 2):
        project.mark(n)
        code, output = project.build()
        assert code == 0, output
        _assert_whole(project, reference, n)
    assert poller.problems == []
    assert poller.markers == [0, 1, 2], "each site is served until the next replaces it"
    assert poller.whole_trees > 10, f"the poller judged only {poller.whole_trees} trees"
    assert project.leftovers() == []


def _moments(project: Project, before_inode: int | None) -> dict[str, Callable[[], bool]]:
    """Moments of a build to kill it at: as it starts, once its folder exists, once it has
    written the home page, once it has swapped the sites (while removing the old one)."""
    return {
        "start": lambda: True,
        "building": lambda: any(project.tmp.glob("site.building.*")),
        "pages": lambda: any(project.tmp.glob("site.building.*/index.html")),
        "swap": lambda: _inode(project.site) != before_inode,
    }


def test_a_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up(
        project: Project, poller: Poller, reference: Path,
        record_property: Callable[[str, object], None]) -> None:
    rng = random.Random(SEED)
    stages = list(_moments(project, None))
    rounds = rng.sample(stages, len(stages)) + rng.choices(stages, k=KILL_ROUNDS - len(stages))
    swapped = 0
    for n, stage in enumerate(rounds, start=1):
        before = _files(project.site)
        served_before = MARKER.search(before["index.html"].decode())
        assert served_before is not None
        project.mark(n)
        reached = _moments(project, _inode(project.site))[stage]
        process = project.start()
        while process.poll() is None and not reached():
            time.sleep(0.001)
        time.sleep(rng.uniform(0.0, 0.3 if stage in ("start", "building") else 0.01))
        with contextlib.suppress(ProcessLookupError):  # it may have finished
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)
        after = _files(project.site)
        if after != before:  # killed after the swap: then the whole new site is served
            _assert_whole(project, reference, n)
            swapped += 1
        served = MARKER.search(after["index.html"].decode())
        assert served is not None
        assert int(served.group(1)) in (int(served_before.group(1)), n)

    (project.tmp / "site.building.a1b2c3").mkdir()
    (project.tmp / "site.building.a1b2c3" / "index.html").write_text("half", encoding="utf-8")
    (project.tmp / "site.old.123").mkdir()
    project.mark(KILL_ROUNDS + 1)
    code, output = project.build()
    assert code == 0, output
    _assert_whole(project, reference, KILL_ROUNDS + 1)
    assert project.leftovers() == []
    assert poller.problems == []
    assert poller.markers == sorted(poller.markers)
    record_property("summary", f"site-build.sh killed {KILL_ROUNDS} times ({', '.join(rounds)}; "
                    f"{swapped} after the swap); {poller.polls} reads of the site meanwhile, "
                    "none failed")


def test_builds_at_once_take_turns(project: Project, poller: Poller,
                                   reference: Path) -> None:
    project.mark(1)
    processes = [project.start() for _ in range(3)]
    results = [(p.communicate(timeout=60), p.returncode) for p in processes]
    for (out, err), code in results:
        assert code == 0, out + err
        assert f"Built {project.site}/" in out
    waited = [err for (_out, err), _code in results if WAITING in err]
    assert waited, "no build waited for the lock"
    assert all(f"{WAITING} {project.tmp.resolve()}/; waiting for it to finish." in e
               for e in waited)
    _assert_whole(project, reference, 1)
    assert project.leftovers() == []
    assert poller.problems == []
    assert poller.markers == [0, 1]


def test_the_published_site_is_readable_by_everyone(project: Project,
                                                   reference: Path) -> None:
    """Folders 0755 and files 0644 under a umask of 077, the first time (the reference) and
    when a site replaces another."""
    project.mark(1)
    code, output = project.build(umask=0o077)
    assert code == 0, output
    for site in (reference, project.site):
        assert {name: oct(mode) for name, mode in _modes(site).items()
                if mode != (0o755 if (site / name).is_dir() else 0o644)} == {}


def test_a_failed_build_leaves_the_previous_site_byte_identical(project: Project) -> None:
    before = _files(project.site), _modes(project.site), project.site.stat().st_ino
    data = project.tmp / "mini" / "content" / "data" / "versions" / "1.0.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("key: beta\n", "key: alpha\n"),
                    encoding="utf-8")
    project.mark(1)
    code, output = project.build()
    assert code != 0
    assert "duplicate key 'alpha'" in output
    assert "Built" not in output
    assert (_files(project.site), _modes(project.site), project.site.stat().st_ino) == before
    assert project.leftovers() == []
