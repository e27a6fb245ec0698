"""While serving, a rebuild writes only the files whose bytes changed.

MkDocs's `serve` rebuilds into the folder it serves: it empties the folder, then writes every
file again. For a Code of thousands of clauses that is thousands of pages and tens of
megabytes per save, most of them byte for byte what the folder already holds, and removing
and creating them again cost more than the pages that did change. `UnchangedFiles` wraps
`serve`'s rebuilds (not its first build) so that MkDocs's own helpers leave a file alone when
it already holds the bytes to be written, and the folder is not emptied first: once the
rebuild is done, the files it neither wrote nor found unchanged (a removed clause's page, say)
are removed. The served folder then holds what a build writes, file for file.

MkDocs answers no request while it rebuilds, so no half-written site is served. The helpers
are MkDocs's (`mkdocs.utils.clean_directory`, `write_file`, `copy_file` and
`File.copy_file`), replaced only while a rebuild runs; a version of MkDocs without them, or
another engine, rebuilds as it always does.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.structure.files import File

Builder = Callable[..., Any]


def _holds(path: Path, content: bytes) -> bool:
    """Whether the file at `path` holds exactly `content`."""
    try:
        return path.stat().st_size == len(content) and path.read_bytes() == content
    except OSError:
        return False


def _files_in(folder: Path) -> list[Path]:
    """Every file under `folder`, except under its hidden entries (MkDocs leaves those)."""
    found: list[Path] = []
    for entry in folder.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            found.extend(Path(root, name) for root, _, names in os.walk(entry) for name in names)
        else:
            found.append(entry)
    return found


class UnchangedFiles:
    """Rebuilds of one served folder that write only what changed."""

    def __init__(self, site_dir: Path) -> None:
        self.site = Path(site_dir).absolute()  # as MkDocs names its files: not resolved
        self.written = 0  # files this rebuild wrote (or removed)
        self.unchanged = 0  # files it found holding the bytes already

    def builder(self, builder: Builder) -> Builder:
        """`builder`, with MkDocs's helpers writing only what changed while it runs."""
        if not all(hasattr(utils, name) for name in ("clean_directory", "write_file",
                                                     "copy_file")):
            return builder

        def build(*args: Any, **kwargs: Any) -> Any:
            with self._rebuild():
                return builder(*args, **kwargs)
        return build

    @contextmanager
    def _rebuild(self) -> Iterator[None]:
        started = time.time_ns()
        self.written = self.unchanged = 0
        kept: set[Path] = set()
        before: list[Path] = []
        clean, write, copy = utils.clean_directory, utils.write_file, utils.copy_file
        copy_file = File.copy_file

        def clean_directory(directory: str) -> None:
            if Path(directory).absolute() != self.site:
                clean(directory)
            elif self.site.is_dir():
                before.extend(_files_in(self.site))

        def unchanged(path: str, content: bytes) -> bool:
            if _holds(Path(path), content):
                kept.add(Path(path).absolute())
                self.unchanged += 1
                return True
            self.written += 1
            return False

        def write_file(content: bytes, output_path: str) -> None:
            if not unchanged(output_path, content):
                write(content, output_path)

        def copy_file_to(source_path: str, output_path: str) -> None:
            target = Path(output_path)
            if target.is_dir():
                target = target / Path(source_path).name
            try:
                content = Path(source_path).read_bytes()
            except OSError:
                content = None
            if content is None or not unchanged(str(target), content):
                copy(source_path, output_path)

        def copy_generated(file: File, dirty: bool = False) -> None:
            # A file with a source is copied through `copy_file_to`.
            if file.abs_src_path is not None or not unchanged(file.abs_dest_path,
                                                              file.content_bytes):
                copy_file(file, dirty)

        utils.clean_directory, utils.write_file = clean_directory, write_file
        utils.copy_file = copy_file_to
        setattr(File, "copy_file", copy_generated)  # noqa: B010 (mypy: a method replaced)
        try:
            yield
        finally:
            utils.clean_directory, utils.write_file, utils.copy_file = clean, write, copy
            setattr(File, "copy_file", copy_file)  # noqa: B010
        self._remove_stale(before, kept, started)

    def _remove_stale(self, before: list[Path], kept: set[Path], started: int) -> None:
        """Remove what the last build wrote and this one did not: files it neither found
        unchanged nor wrote (by any means, so not newer than the rebuild), then the folders
        left empty."""
        folders: set[Path] = set()
        for path in before:
            try:
                if path in kept or path.stat().st_mtime_ns >= started:
                    continue
                path.unlink()
            except OSError:
                continue
            self.written += 1
            folders.add(path.parent)
        for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
            while folder != self.site and folder.is_relative_to(self.site):
                try:
                    folder.rmdir()  # only if empty
                except OSError:
                    break
                folder = folder.parent
