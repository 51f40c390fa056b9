"""Warn when a project lives where SQLite files get damaged or silently forked.

Delegations like to keep "the" project on a shared drive or in Dropbox so
that everyone works on one file. With SQLite that is how work is lost: a
network file system may not honour the locks SQLite relies on, and a sync
client copies a file while it is being written, or keeps "conflicted copies"
of which only one is ever opened again. Rejoinder's answer is to work on a
copy each and merge the copies; these checks point users there.

Detection is best effort and never fails: an unreadable mount table just
means no warning. A project file replaced or changed on disk while it is open
is caught before the next write by :mod:`app.core.diskguard`.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app.core.i18n import N_, _

logger = logging.getLogger(__name__)

MERGE_ADVICE = N_(
    "Work on a copy on this computer, and combine colleagues' work with "
    "“Merge a colleague's copy” (rejoinder merge)."
)

NETWORK_FS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smbfs",
        "smb3",
        "sshfs",
        "afs",
        "ncpfs",
        "9p",
        "ceph",
        "glusterfs",
        "davfs",
        "webdav",
        "afpfs",
    }
)
# FUSE file systems that are local: the kernel's view of containers, the
# desktop portal, local NTFS/exFAT drivers and encrypted local folders.
LOCAL_FUSE = frozenset(
    {"fuse.lxcfs", "fuse.portal", "fuse.gocryptfs", "fuse.encfs", "fuse.cryfs", "fuse.bindfs"}
)

_CLOUD = (
    ("Dropbox", re.compile(r"dropbox( \(.*\))?")),
    ("OneDrive", re.compile(r"onedrive( ?- ?.*)?")),
    ("Google Drive", re.compile(r"google ?drive([ -].*)?|googledrive-.*")),
    ("iCloud Drive", re.compile(r"icloud ?drive|mobile documents|com~apple~clouddocs")),
    ("Nextcloud", re.compile(r"nextcloud")),
    ("ownCloud", re.compile(r"owncloud")),
    ("Box", re.compile(r"box( sync)?")),
    ("pCloud", re.compile(r"pcloud( ?drive)?")),
    ("Sync (Sync.com or Syncthing)", re.compile(r"sync")),
    ("cloud storage", re.compile(r"cloudstorage")),
)


@dataclass(frozen=True)
class Mount:
    point: str
    fstype: str
    source: str


def _unescape(field: str) -> str:
    """``/proc/self/mounts`` writes space, tab, newline and backslash as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_proc_mounts(text: str) -> list[Mount]:
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append(Mount(_unescape(fields[1]), fields[2], _unescape(fields[0])))
    return mounts


_MOUNT_LINE = re.compile(r"\A(?P<source>.+?) on (?P<point>/.*?) \((?P<fstype>[^,)]+)")


def parse_mount_output(text: str) -> list[Mount]:
    """Lines of macOS/BSD ``mount``: ``//u@srv/share on /Volumes/share (smbfs, nodev, …)``."""
    mounts = []
    for line in text.splitlines():
        match = _MOUNT_LINE.match(line.strip())
        if match:
            mounts.append(Mount(match["point"], match["fstype"].strip(), match["source"]))
    return mounts


def is_network_fs(fstype: str) -> bool:
    kind = fstype.lower()
    if kind in NETWORK_FS or kind.startswith(("nfs", "smb", "cifs")):
        return True
    return kind.startswith("fuse.") and kind not in LOCAL_FUSE


def mount_of(folder: Path, mounts: list[Mount]) -> Mount | None:
    """The mount a folder lives on: the longest mount point that contains it."""
    best: Mount | None = None
    text = str(folder)
    for mount in mounts:
        point = mount.point.rstrip("/") or "/"
        inside = point == "/" or text == point or text.startswith(point + "/")
        if inside and (best is None or len(point) > len(best.point.rstrip("/") or "/")):
            best = mount
    return best


def _system_mounts() -> list[Mount]:
    try:
        if sys.platform.startswith("linux"):
            return parse_proc_mounts(Path("/proc/self/mounts").read_text(errors="replace"))
        if sys.platform == "darwin" or "bsd" in sys.platform:
            done = subprocess.run(["mount"], capture_output=True, text=True, timeout=2, check=False)
            return parse_mount_output(done.stdout)
    except (OSError, subprocess.SubprocessError):
        return []
    return []


def _windows_network(folder: Path) -> str | None:
    """UNC paths and mapped network drives on Windows; None elsewhere."""
    text = str(folder)
    if text.startswith(("\\\\", "//")):
        return text
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(text)[0]
        if drive:
            drive_remote = 4
            kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")
            if kind == drive_remote:
                return drive
    return None


def cloud_provider(folder: Path) -> str | None:
    """The sync service whose folder holds ``folder``, judged by the folders' names."""
    for part in folder.parts:
        name = part.strip().casefold()
        for provider, pattern in _CLOUD:
            if pattern.fullmatch(name):
                return provider
    return None


def detect_risks(path: Path, mounts: list[Mount] | None = None) -> list[str]:
    """Human warnings about where a project file is kept; empty when nothing is known wrong.

    ``path`` is the project file (or its folder). ``mounts`` replaces the
    system's mount table, for tests.
    """
    path = Path(path).expanduser()
    try:
        folder = path if path.is_dir() else path.parent
        folder = folder.resolve()
    except OSError:
        folder = path.parent.absolute()
    warnings: list[str] = []
    share = _windows_network(path) or _windows_network(folder)
    mount = mount_of(folder, _system_mounts() if mounts is None else mounts)
    if share is not None:
        warnings.append(
            _(
                "The project is on a network drive ({share}). A project file can be damaged "
                "when the connection drops or two computers write to it at once. {advice}"
            ).format(share=share, advice=_(MERGE_ADVICE))
        )
    elif mount is not None and is_network_fs(mount.fstype):
        warnings.append(
            _(
                "The project is on a network or remote drive ({fstype} at “{point}”). "
                "A project file can be damaged when the connection drops or two computers "
                "write to it at once. {advice}"
            ).format(fstype=mount.fstype, point=mount.point, advice=_(MERGE_ADVICE))
        )
    provider = cloud_provider(folder)
    if provider is not None:
        warnings.append(
            _(
                "The project is in a {provider} folder (“{folder}”). Sync services may copy "
                "the file while it is being saved, or keep two versions of which only one is "
                "opened again. {advice}"
            ).format(provider=provider, folder=folder, advice=_(MERGE_ADVICE))
        )
    return warnings
