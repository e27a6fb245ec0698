"""A preview shows an edit before it renders the edited version's PDFs.

Each version's page states the size of its PDF and committee paper, so a build renders them
before the pages. Rendering is most of a preview's rebuild after an edit to a draft (WeasyPrint
takes about a second for each), and the editor saves to see the page. While serving, the
plugin hands `PdfsLater` the PDFs it did not find made already: the page says that each is
being made, and a thread renders them once the pages are written and served (a tenth of a
second after the rebuild asked for them), into the PDF cache folder, which `serve` watches.
Writing there starts a rebuild that finds them made, so the page then gives their sizes and
offers them, as a build does. A `build` renders every PDF first.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable


class PdfsLater:
    """Renders a preview's PDFs in one thread, after the rebuild that asked for them."""

    def __init__(self, make: Callable[[str], None], delay: float = 0.1) -> None:
        self._make = make  # renders the PDF of an HTML document and keeps it
        # Seconds to wait before rendering: the rebuild ends and the page asked for while it
        # ran is served first. Not longer: a save soon after should find the render done.
        self._delay = delay
        self._lock = threading.Lock()
        self._pending: list[str] = []
        self._thread: threading.Thread | None = None

    def start(self, pending: list[str]) -> None:
        """Render `pending` (HTML documents) in the background; they replace what an earlier
        rebuild asked for and is not rendered yet, which the data no longer says."""
        with self._lock:
            self._pending = list(pending)
            if self._pending and self._thread is None:
                self._thread = threading.Thread(target=self._run, name="clauses-pdf",
                                                daemon=True)
                self._thread.start()

    def _run(self) -> None:
        time.sleep(self._delay)
        while True:
            with self._lock:
                if not self._pending:
                    self._thread = None
                    return
                html = self._pending.pop(0)
            try:
                self._make(html)
            except Exception as err:  # one line, and the preview goes on
                # Not a logged warning: `serve --strict` would stop the rebuild under way.
                print(f"A PDF of the preview could not be made ({err}); its page says it is "
                      "being made. ./site-build.sh reports why.", file=sys.stderr)
