"""Every check a build makes before it writes anything, in one place: the Code's data, the
record of published URLs, the glossary, mkdocs.yml and the council's settings in it.

The `clauses` plugin runs them when a build starts; `python -m macros check` (and each
command that changes the data) runs the same checks without building, so both report the
same problems, in the same order: a lost published URL first, then the data's problems, the
glossary's, the configuration's, and last what could not be checked because of the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from mkdocs.config import config_options, load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from macros.adapters.version_site import RecordCheck, check_record_against
from macros.compute.code import Code, CodeCheck, check_code
from macros.load.configfile import ConfigCheck, check_config
from macros.load.glossary import EMPTY as EMPTY_GLOSSARY
from macros.load.glossary import Glossary, load_glossary
from macros.load.settings import (
    DEFAULT_DOCUMENT,
    Locate,
    Settings,
    SettingsError,
    read_council,
    read_settings,
)
from macros.model.problems import Problem, shown_path

DEFAULT_MANIFEST = "content/data/code.yaml"
DEFAULT_GLOSSARY = "content/data/glossary.md"
DEFAULT_RECORD = "published-urls.txt"


class ClausesOptions(Config):
    """The options of the `clauses` plugin in mkdocs.yml."""

    manifest = config_options.Type(str, default=DEFAULT_MANIFEST)
    # Abbreviations (*[LGA]: ...); see macros/load/glossary.py. The default is optional.
    glossary = config_options.Type(str, default=DEFAULT_GLOSSARY)
    # The record of published URLs the build checks (see macros/compute/urlrecord.py); none
    # if unset.
    url_record = config_options.Optional(config_options.Type(str))
    # Rendered PDFs are kept here by content, so a rebuild renders only what changed.
    pdf_cache = config_options.Type(str, default=".cache/pdf")
    # Compiled templates are kept here by their source, so a rebuild need not compile them.
    template_cache = config_options.Type(str, default=".cache/templates")
    # false leaves the PDF downloads out (the benchmark's synthetic Codes); the site needs them.
    pdf = config_options.Type(bool, default=True)


def record_path(options: ClausesOptions, base: Path) -> Path | None:
    """The record of published URLs the build checks, if the plugin's options name one."""
    return base / options.url_record if options.url_record else None


def glossary_required(options: ClausesOptions) -> bool:
    """Whether the glossary must exist: it may be missing only where the options do not name
    one, at its usual place."""
    return bool(options.glossary != DEFAULT_GLOSSARY)


class BuildChecks(NamedTuple):
    """What the checks found, and what the build goes on to use when they found nothing."""

    problems: tuple[Problem, ...]  # every problem, as the build reports them
    glossary: Glossary
    settings: Settings | None
    site_url: str
    council: str
    document: str  # the document's own name (extra.council.document): "Code", "Protocol"
    record_said: str  # what to do with a record that holds no URL yet


def check_build(config: MkDocsConfig, checked: CodeCheck, record: Path | None, glossary: Path,
                glossary_required: bool) -> BuildChecks:
    """Check everything a build checks besides the data (`checked`, from `check_code`): the
    record of published URLs against it, the glossary, the configuration file and the
    council's settings; and order every problem as the build reports them."""
    config_path = Path(config.config_file_path)
    base = config_path.parent
    config_file = check_config(config_path, base)
    # The record is compared with site_url as mkdocs.yml sets it: `serve` puts its own
    # address (http://127.0.0.1:8000/...) in config.site_url.
    found = (check_record_against(checked, record, base, config_file.text("site_url"))
             if record is not None else RecordCheck([], []))
    loaded, glossary_problems = read_glossary(glossary, base, glossary_required)
    settings, settings_problems = _council_settings(config, config_file)
    document, document_problems = _document_name(config, settings, config_file.locate)
    settings_problems += document_problems
    site_url, council, unset = _download_settings(config)
    said = tuple(p.key for p in settings_problems if p.key)
    problems = (*found.problems, *checked.problems, *glossary_problems, *config_file.problems,
                *settings_problems, *(p for p in unset if not (p.key or "").startswith(said)),
                *found.unchecked)
    return BuildChecks(problems, loaded, settings, site_url, council, document, found.said)


def read_glossary(path: Path, base: Path, required: bool) -> tuple[Glossary, list[Problem]]:
    """The glossary, or its problems; an empty one when an optional glossary is missing."""
    if not path.is_file() and not required:
        return EMPTY_GLOSSARY, []
    loaded = load_glossary(path, shown_path(path, base))
    if isinstance(loaded, list):
        return EMPTY_GLOSSARY, loaded
    return loaded, []


def _download_settings(config: MkDocsConfig) -> tuple[str, str, list[Problem]]:
    """site_url and extra.council.name: the PDF and JSON print full URLs and the council."""
    problems = []
    shown = Path(config.config_file_path).name
    site_url = config.site_url or ""
    if not site_url.startswith(("https://", "http://")):
        problems.append(Problem(shown, None, "site_url", "is not set",
                                "set it to the site's public address; the PDF and JSON print "
                                "each clause's full URL"))
    council = (config.extra.get("council") or {}).get("name") or ""
    if not council:
        problems.append(Problem(shown, None, "extra.council.name", "is not set",
                                "add 'extra: council: name: ...'; the PDF and JSON name the "
                                "council"))
    return site_url, council, problems


def _council_settings(config: MkDocsConfig, config_file: ConfigCheck
                      ) -> tuple[Settings | None, list[Problem]]:
    """The council's settings (extra.council, extra.monitoring_officer, extra.accessibility).

    Checked whenever any of them is given; pages that need them fail clearly without them.
    """
    if not any(k in config.extra for k in ("monitoring_officer", "accessibility")):
        return None, []
    locate: Locate = config_file.locate
    try:
        return read_settings(config.extra, Path(config.config_file_path).name, locate), []
    except SettingsError as err:
        return None, err.problems


def _document_name(config: MkDocsConfig, settings: Settings | None, locate: Locate
                   ) -> tuple[str, list[Problem]]:
    """The document's own name (extra.council.document), checked with the council's settings
    or, on a site without them, alone."""
    if settings is not None:
        return settings.council.document, []
    others = any(k in config.extra for k in ("monitoring_officer", "accessibility"))
    if others or not isinstance(config.extra.get("council"), dict):
        return DEFAULT_DOCUMENT, []  # already checked with the other settings, or not set
    try:
        return read_council(config.extra, Path(config.config_file_path).name,
                            locate).document, []
    except SettingsError as err:
        return DEFAULT_DOCUMENT, err.problems


class SiteCheck(NamedTuple):
    """What `check_site` found: the Code when nothing is wrong, else every problem."""

    code: Code | None
    problems: tuple[Problem, ...]
    record: Path | None  # the record of published URLs it checked, if any


def check_site(config_path: Path, manifest: Path | None = None,
               record: Path | None = None, with_record: bool = True) -> SiteCheck:
    """Every check a build of `config_path` makes, without building: the data the `clauses`
    plugin names (or `manifest`), the record of published URLs (`record`, else the one the
    plugin names, else published-urls.txt beside the configuration if there is one), the
    glossary, the configuration file and the council's settings.

    Without a configuration file, the data, the record and the usual glossary are checked.
    `with_record=False` leaves the record out (`record-urls` checks it as it writes it).
    """
    base = config_path.parent
    config_file = check_config(config_path, base) if config_path.is_file() else None
    config = options = None
    problems: list[Problem] = list(config_file.problems) if config_file else []
    if config_file is not None and not problems:
        try:
            config = load_config(str(config_path))
        except (ConfigurationError, Abort) as err:
            problems.append(Problem(shown_path(config_path, base), None, None, str(err),
                                    "correct the setting MkDocs names"))
        else:
            options = next((p.config for p in config.plugins.values()
                            if isinstance(getattr(p, "config", None), ClausesOptions)), None)
    manifest = manifest or base / (options.manifest if options else DEFAULT_MANIFEST)
    if record is None and options is not None:
        record = record_path(options, base)
    if record is None and (base / DEFAULT_RECORD).is_file():
        record = base / DEFAULT_RECORD
    if not with_record:
        record = None
    glossary = base / (options.glossary if options else DEFAULT_GLOSSARY)
    required = options is not None and glossary_required(options)
    checked = check_code(manifest, base)
    if config is not None:
        found = check_build(config, checked, record, glossary, required).problems
    else:
        recorded = (check_record_against(checked, record, base) if record is not None
                    else RecordCheck([], []))
        found = (*recorded.problems, *checked.problems,
                 *read_glossary(glossary, base, required)[1], *problems, *recorded.unchecked)
    return SiteCheck(checked.code if not found else None, tuple(found), record)
