"""Where Rejoinder keeps its settings, backups and logs, and the settings themselves.

platformdirs fills the folders in production. Tests (and anyone running
several identities on one machine) point them elsewhere with the environment
variables ``REJOINDER_CONFIG_DIR``, ``REJOINDER_DATA_DIR`` and
``REJOINDER_LOG_DIR``; a subprocess started by a test inherits them.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

logger = logging.getLogger(__name__)

APP_NAME = "Rejoinder"
MAX_RECENT = 10


def _resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


RESOURCES = _resources_dir()


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"


def paths() -> Paths:
    return Paths(
        config_dir=Path(
            os.environ.get("REJOINDER_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME)
        ),
        data_dir=Path(os.environ.get("REJOINDER_DATA_DIR") or platformdirs.user_data_dir(APP_NAME)),
        log_dir=Path(os.environ.get("REJOINDER_LOG_DIR") or platformdirs.user_log_dir(APP_NAME)),
    )


@dataclass
class Identity:
    """The local member: who "I" am in every project this machine opens."""

    member_id: str = ""
    name: str = ""
    initials: str = ""
    organisation: str = ""


@dataclass
class Settings:
    identity: Identity = field(default_factory=Identity)
    recent_files: list[str] = field(default_factory=list)
    template: str = ""
    language: str = "en"
    snippets: list[str] = field(default_factory=list)  # the user's own standard sentences
    interface_language: str = ""  # "" follows the system's language
    recent_titles: dict[str, str] = field(default_factory=dict)  # path → project title
    mark_cuts: bool = True  # Cite adds "…" where the quote cuts a sentence

    def add_recent(self, path: Path | str, title: str = "") -> None:
        """Remember a project file (by its full path) or a team server's address (as given)."""
        text = str(path) if "://" in str(path) else str(Path(path).resolve())
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]
        if title:
            self.recent_titles[text] = title
        self.recent_titles = {p: t for p, t in self.recent_titles.items() if p in self.recent_files}


def load_settings() -> Settings:
    """Read the settings; a missing or damaged file gives the defaults (never an error)."""
    try:
        raw = json.loads(paths().settings_file.read_text(encoding="utf-8"))
        identity = Identity(**{k: str(v) for k, v in raw.get("identity", {}).items()})
        return Settings(
            identity=identity,
            recent_files=[str(p) for p in raw.get("recent_files", [])][:MAX_RECENT],
            template=str(raw.get("template", "")),
            language=str(raw.get("language", "en")),
            snippets=[str(s) for s in raw.get("snippets", []) if str(s).strip()],
            interface_language=str(raw.get("interface_language", "")),
            recent_titles={str(k): str(v) for k, v in dict(raw.get("recent_titles", {})).items()},
            mark_cuts=raw.get("mark_cuts", True) is not False,
        )
    except (OSError, ValueError, TypeError, AttributeError):
        return Settings()


def save_settings(settings: Settings) -> None:
    """Write the settings atomically (a crash never leaves half a file)."""
    target = paths().settings_file
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(target)


def account_name() -> str:
    """The person's name as the operating system knows it, else the login.

    A review copy's comments and the journal show this name, so "Ana Pérez" (the
    account's full name, as Word takes it) reads better than the login "aperez".
    """
    try:
        login = getpass.getuser()
    except (OSError, KeyError):
        return "me"
    try:
        import pwd  # POSIX only; Windows has no account database here

        full = pwd.getpwnam(login).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError, OSError):
        full = ""
    return full or login


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if len(words) >= 2:
        return (words[0][0] + words[-1][0]).upper()
    return name[:2].upper()


def local_identity() -> Identity:
    """The local member, created with the account's name on first use."""
    settings = load_settings()
    identity = settings.identity
    if not identity.member_id:
        from app.core.ids import new_id

        name = account_name()
        identity.member_id = new_id()
        identity.name = identity.name or name
        identity.initials = identity.initials or _initials(name)
        save_settings(settings)
    return identity
