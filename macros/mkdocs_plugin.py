"""The thin MkDocs layer: load the Code once per build and add its pages.

Everything MkDocs-specific lives here and in `define_env`; the rest of the
package knows nothing of MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .code import Code, build_code
from .pages import generated_pages
from .problems import CodeDataError


class ClausesConfig(Config):
    manifest = config_options.Type(str, default="content/data/code.yaml")


class ClausesPlugin(BasePlugin[ClausesConfig]):
    """Loads, validates and numbers the Code; adds the version pages."""

    code: Code | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path).parent
        try:
            self.code = build_code(base / self.config.manifest, base)
        except CodeDataError as err:
            raise Abort(str(err)) from None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.code is not None
        for page in generated_pages(self.code):
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        return files
