"""The checks a build makes before it reads any page, without building: for commands that
must change nothing while the build would fail (`record-urls`).

MkDocs reads the configuration as a build does, then the `clauses` plugin checks the data,
the glossary and the council's settings (`ClausesPlugin.on_config`); the record of published
URLs is left to the command, which checks it itself, and no PDF is made.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from macros.adapters.mkdocs_plugin import ClausesPlugin


def site_problems(config_file: Path) -> str | None:
    """What would stop a build of `config_file` before it reads the pages, or None."""
    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        config = load_config(str(config_file))
        plugin = config.plugins.get("clauses")
        if not isinstance(plugin, ClausesPlugin):
            return (f"{config_file}: the 'clauses' plugin is not listed under 'plugins'. "
                    "Fix: add '- clauses' under 'plugins:'")
        plugin.config.url_record = None
        plugin.config.pdf = False
        plugin.on_config(config)
    except (Abort, ConfigurationError) as err:
        return str(err).strip()
    finally:
        quiet.setLevel(level)
    return None
