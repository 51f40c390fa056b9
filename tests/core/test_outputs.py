"""Output paths: what may never be replaced, and writes that are all or nothing."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest

from app.core import dump, outputs
from app.core.errors import OutputFailedError, OutputRefusedError
from app.core.store import ProjectStore
from tests.core.factories import make_project, populated

Make = Callable[[Path, Path], Path]  # (folder, project) -> target


def _hard_link(folder: Path, project: Path) -> Path:
    target = folder / "innocent.json"
    os.link(project, target)
    return target


def _symlink_to_project(folder: Path, project: Path) -> Path:
    target = folder / "innocent.json"
    target.symlink_to(project)
    return target


def _symlink_to_document(folder: Path, _project: Path) -> Path:
    real = folder / "real.json"
    real.write_text("{}")
    target = folder / "link.json"
    target.symlink_to(real)
    return target


def _renamed_project(folder: Path, project: Path) -> Path:
    target = folder / "renamed.json"
    shutil.copy(project, target)
    return target


def _fifo(folder: Path, _project: Path) -> Path:
    target = folder / "pipe.json"
    os.mkfifo(target)
    return target


def _folder(folder: Path, _project: Path) -> Path:
    target = folder / "folder.json"
    target.mkdir()
    return target


def _socket(folder: Path, _project: Path) -> Path:
    target = folder / "s.json"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(target))
    sock.close()
    return target


def _dev_null(_folder: Path, _project: Path) -> Path:
    return Path("/dev/null")


REFUSED: dict[str, tuple[Make, str]] = {
    "hard link to the open project": (_hard_link, "open project"),
    "symlink to the open project": (_symlink_to_project, "link to another file"),
    "symlink to an ordinary file": (_symlink_to_document, "link to another file"),
    "another project under a .json name": (_renamed_project, "Rejoinder project file"),
    "FIFO": (_fifo, "not an ordinary file"),
    "folder": (_folder, "is a folder"),
    "socket": (_socket, "not an ordinary file"),
    "/dev/null": (_dev_null, "not an ordinary file"),
}


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    out = {}
    for p in sorted(folder.iterdir()):
        st = os.lstat(p)
        data = p.read_bytes() if stat.S_ISREG(st.st_mode) else None
        out[p.name] = (st.st_mode, data)
    return out


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_dump_refuses_targets_that_must_not_be_replaced(tmp_path: Path, case: str) -> None:
    make, message = REFUSED[case]
    store, *_ = populated(tmp_path / "p.rejoinder")
    with store:
        target = make(tmp_path, store.path)
        before = _snapshot(tmp_path)
        with pytest.raises(OutputRefusedError, match=message):
            dump.dump(store, target)
        assert _snapshot(tmp_path) == before
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_the_open_project_itself_is_refused_for_every_kind(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    with store:
        before = store.path.read_bytes()
        for kind in (outputs.DOCX, outputs.DUMP, outputs.PROJECT):
            with pytest.raises(OutputRefusedError, match="open project"):
                outputs.check_target(store.path, kind, protect=[store.path])
        with pytest.raises(OutputRefusedError, match="open project"):
            store.save_copy(store.path)
        with pytest.raises(OutputRefusedError, match="open project"):
            dump.dump(store, store.path)
        assert store.path.read_bytes() == before


def test_a_closed_project_is_recognised_by_its_content(tmp_path: Path) -> None:
    make_project(tmp_path / "other.rejoinder").close()
    with pytest.raises(OutputRefusedError, match="Rejoinder project file"):
        outputs.check_target(tmp_path / "other.rejoinder", outputs.PROJECT)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a device node")
def test_a_device_node_is_refused(tmp_path: Path) -> None:
    node = tmp_path / "null.docx"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    with pytest.raises(OutputRefusedError, match="not an ordinary file"):
        outputs.check_target(node, outputs.DOCX)
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_a_device_is_refused_whoever_runs_it(tmp_path: Path) -> None:
    fake = os.stat_result((stat.S_IFCHR | 0o666, 1, 5, 1, 0, 0, 0, 0, 0, 0))
    with mock.patch("os.lstat", return_value=fake), pytest.raises(OutputRefusedError):
        outputs.check_target(tmp_path / "x.docx", outputs.DOCX)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("x.pdf", outputs.DOCX),
        ("x", outputs.DOCX),
        ("x.doc", outputs.DOCX),
        ("x.docx", outputs.DUMP),
        ("x.rejoinder", outputs.DUMP),
        ("x.json", outputs.PROJECT),
        ("x.rejoinder-wal", outputs.PROJECT),
    ],
)
def test_an_extension_that_does_not_match_the_format_is_refused(
    tmp_path: Path, name: str, kind: outputs.OutputKind
) -> None:
    with pytest.raises(OutputRefusedError, match="does not end in"):
        outputs.check_target(tmp_path / name, kind)
    assert list(tmp_path.iterdir()) == []


def test_the_extension_may_be_in_capitals(tmp_path: Path) -> None:
    assert outputs.check_target(tmp_path / "X.DOCX", outputs.DOCX) == tmp_path / "X.DOCX"


@pytest.mark.parametrize(
    ("name", "lock", "program"),
    [
        ("contribution.docx", "~$ntribution.docx", "Microsoft Word"),
        ("contrib.docx", "~$ntrib.docx", "Microsoft Word"),
        ("short.docx", "~$short.docx", "Microsoft Word"),
        ("a.docx", "~$a.docx", "Microsoft Word"),
        ("contribution.docx", ".~lock.contribution.docx#", "LibreOffice"),
        ("a.docx", ".~lock.a.docx#", "LibreOffice"),
    ],
)
def test_a_document_open_in_word_or_libreoffice_is_refused(
    tmp_path: Path, name: str, lock: str, program: str
) -> None:
    target = tmp_path / name
    target.write_bytes(b"the colleague's open document")
    (tmp_path / lock).write_bytes(b"owner")
    with pytest.raises(OutputRefusedError, match=f"open in {program}.*{lock.replace('$', '.')}"):
        outputs.write_atomically(target, outputs.DOCX, b"new")
    assert target.read_bytes() == b"the colleague's open document"


def test_another_documents_lock_does_not_block(tmp_path: Path) -> None:
    (tmp_path / "~$other.docx").write_bytes(b"owner")
    (tmp_path / "mine.docx").write_bytes(b"old")
    outputs.write_atomically(tmp_path / "mine.docx", outputs.DOCX, b"new")
    assert (tmp_path / "mine.docx").read_bytes() == b"new"


def test_a_write_replaces_an_ordinary_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    outputs.write_atomically(target, outputs.DUMP, b"new" * 1_000_000)
    assert target.read_bytes() == b"new" * 1_000_000
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


@pytest.mark.parametrize("patched", ["os.write", "os.fsync", "os.replace", "os.chmod"])
def test_a_full_disk_leaves_the_target_untouched_and_no_temporary_file(
    tmp_path: Path, patched: str
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"older dump")
    full = OSError(errno.ENOSPC, "No space left on device")
    with (
        mock.patch(patched, side_effect=full),
        pytest.raises(OutputFailedError, match="disk is full"),
    ):
        outputs.write_atomically(target, outputs.DUMP, b"x" * 3_000_000)
    assert target.read_bytes() == b"older dump"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_an_interrupted_write_removes_its_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with mock.patch("os.write", side_effect=KeyboardInterrupt), pytest.raises(KeyboardInterrupt):
        outputs.write_atomically(target, outputs.DUMP, b"x")
    assert list(tmp_path.iterdir()) == []


def test_a_target_swapped_for_a_link_during_the_write_is_refused(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    with store:
        target = tmp_path / "out.json"

        def swap(_fd: int) -> None:
            target.symlink_to(store.path)

        with mock.patch("os.fsync", side_effect=swap), pytest.raises(OutputRefusedError):
            dump.dump(store, target)
        assert target.is_symlink()
        assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []
    with ProjectStore.open(tmp_path / "p.rejoinder"):
        pass


def test_save_a_copy_goes_through_the_same_checks(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    with store:
        with pytest.raises(OutputRefusedError, match="does not end in"):
            store.save_copy(tmp_path / "copy.docx")
        (tmp_path / "link.rejoinder").symlink_to(store.path)
        with pytest.raises(OutputRefusedError, match="link"):
            store.save_copy(tmp_path / "link.rejoinder")
        store.save_copy(tmp_path / "copy.rejoinder")
    with ProjectStore.open(tmp_path / "copy.rejoinder") as copy:
        assert copy.project().title
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
