"""The thin MkDocs layer: load the Code once per build and add its pages.

Everything MkDocs-specific lives here and in `define_env`; the rest of the
package knows nothing of MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .code import Code, build_code
from .downloads import Download, build_downloads, schema_files
from .pages import generated_pages
from .problems import CodeDataError
from .theme_html import fix_theme_html


class ClausesConfig(Config):
    manifest = config_options.Type(str, default="content/data/code.yaml")


class ClausesPlugin(BasePlugin[ClausesConfig]):
    """Loads, validates and numbers the Code; adds the version pages."""

    code: Code | None = None
    downloads: Mapping[str, tuple[Download, ...]] = MappingProxyType({})

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path).parent
        try:
            self.code = build_code(base / self.config.manifest, base)
        except CodeDataError as err:
            raise Abort(str(err)) from None
        self.downloads = build_downloads(self.code, *_download_settings(config))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.code is not None
        for page in generated_pages(self.code):
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        for download in (d for ds in self.downloads.values() for d in ds):
            files.append(File.generated(config, download.path, content=download.content))
        for schema, text in schema_files():
            if files.get_file_from_path(schema) is None:  # a site without content/pages/schema/
                files.append(File.generated(config, schema, content=text))
        return files

    def on_post_page(self, output: str, page: object, config: MkDocsConfig) -> str:
        return fix_theme_html(output)

    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str:
        return fix_theme_html(output_content)  # 404.html is a template, not a page


def _download_settings(config: MkDocsConfig) -> tuple[str, str]:
    """site_url and extra.council.name: the PDF and JSON print full URLs and the council."""
    problems = []
    site_url = config.site_url or ""
    if not site_url.startswith(("https://", "http://")):
        problems.append(f"{config.config_file_path}: site_url is not set: set it to the site's "
                        "public address; the PDF and JSON print each clause's full URL")
    council = (config.extra.get("council") or {}).get("name") or ""
    if not council:
        problems.append(f"{config.config_file_path}: extra.council.name is not set: add "
                        "'extra: council: name: ...'; the PDF and JSON name the council")
    if problems:
        raise Abort("\n".join(problems))
    return site_url, council
