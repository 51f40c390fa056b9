"""Shared and synced folders are detected from the mount table and folder names."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import sharedfolder
from app.core.sharedfolder import Mount, detect_risks

PROC_MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
server:/export/home /mnt/team nfs4 rw,vers=4.2 0 0
//srv/Delegation\\040Files /mnt/smb\\040share cifs rw 0 0
me@host:/data /home/me/remote fuse.sshfs rw 0 0
lxcfs /var/lib/lxcfs fuse.lxcfs rw 0 0
tmpfs /mnt/team/local tmpfs rw 0 0
"""

MAC_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//ana@fileserver/Delegation on /Volumes/Delegation (smbfs, nodev, nosuid, mounted by ana)
"""


def test_mount_tables_are_parsed() -> None:
    mounts = sharedfolder.parse_proc_mounts(PROC_MOUNTS)
    assert Mount("/mnt/smb share", "cifs", "//srv/Delegation Files") in mounts
    mac = sharedfolder.parse_mount_output(MAC_MOUNT)
    assert mac[1] == Mount("/Volumes/Delegation", "smbfs", "//ana@fileserver/Delegation")


@pytest.mark.parametrize(
    ("folder", "warned"),
    [
        ("/mnt/team/wgec", "nfs4"),
        ("/mnt/smb share/x", "cifs"),
        ("/home/me/remote/p", "fuse.sshfs"),
        ("/mnt/team/local/p", None),
        ("/var/lib/lxcfs/p", None),
        ("/mnt/teamwork/p", None),
        ("/home/me/work", None),
    ],
)
def test_network_mounts(tmp_path: Path, folder: str, warned: str | None) -> None:
    mounts = sharedfolder.parse_proc_mounts(PROC_MOUNTS)
    found = sharedfolder.mount_of(Path(folder), mounts)
    assert found is not None
    assert (found.fstype if sharedfolder.is_network_fs(found.fstype) else None) == warned


def test_detect_risks_on_a_network_mount(tmp_path: Path) -> None:
    mounts = [Mount("/", "ext4", "/dev/sda1"), Mount(str(tmp_path), "nfs", "srv:/x")]
    (warning,) = detect_risks(tmp_path / "p.rejoinder", mounts=mounts)
    assert "network" in warning and "nfs" in warning and "Merge a colleague's copy" in warning
    mac = sharedfolder.parse_mount_output(MAC_MOUNT)
    (mac_warning,) = detect_risks(Path("/Volumes/Delegation/p.rejoinder"), mounts=mac)
    assert "smbfs" in mac_warning


@pytest.mark.parametrize(
    ("path", "provider"),
    [
        ("~/Dropbox/WGEC/p.rejoinder", "Dropbox"),
        ("~/Dropbox (Personal)/p.rejoinder", "Dropbox"),
        ("~/OneDrive - Ministry of Foreign Affairs/p.rejoinder", "OneDrive"),
        ("~/Library/CloudStorage/GoogleDrive-ana@example.org/My Drive/p.rejoinder", "Google"),
        ("~/Google Drive/p.rejoinder", "Google Drive"),
        ("~/Library/Mobile Documents/com~apple~CloudDocs/p.rejoinder", "iCloud"),
        ("~/Nextcloud/p.rejoinder", "Nextcloud"),
        ("~/ownCloud/p.rejoinder", "ownCloud"),
        ("~/Box Sync/p.rejoinder", "Box"),
        ("~/pCloud Drive/p.rejoinder", "pCloud"),
        ("~/Sync/p.rejoinder", "Sync"),
    ],
)
def test_cloud_folders(path: str, provider: str) -> None:
    warnings = detect_risks(Path(path), mounts=[])
    assert len(warnings) == 1
    assert provider in warnings[0] and "Merge a colleague's copy" in warnings[0]


def test_ordinary_local_folder_has_no_warning(tmp_path: Path) -> None:
    assert detect_risks(tmp_path / "dropboxes-are-fine" / "p.rejoinder", mounts=[]) == []
    assert detect_risks(tmp_path, mounts=[Mount("/", "ext4", "/dev/sda1")]) == []
    # the real mount table of this machine is read without failing
    assert isinstance(detect_risks(tmp_path), list)


def test_unc_paths_are_network_drives() -> None:
    (warning,) = detect_risks(Path("//fileserver/share/p.rejoinder"), mounts=[])
    assert "network drive" in warning
