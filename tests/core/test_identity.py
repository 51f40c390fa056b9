"""The local member's default name: the account's full name, as Word takes it."""

from __future__ import annotations

import getpass
import pwd
from types import SimpleNamespace

import pytest

from app.core import config


def _account(monkeypatch: pytest.MonkeyPatch, login: str, gecos: str) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: login)
    monkeypatch.setattr(pwd, "getpwnam", lambda name: SimpleNamespace(pw_gecos=gecos))


def test_a_new_member_is_named_after_the_account_full_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _account(monkeypatch, "aperez", "Ana Pérez,Room 4,,")
    identity = config.local_identity()
    assert (identity.name, identity.initials) == ("Ana Pérez", "AP")
    assert config.load_settings().identity.name == "Ana Pérez"  # remembered


def test_without_a_full_name_the_login_is_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    _account(monkeypatch, "delegate", "")
    identity = config.local_identity()
    assert (identity.name, identity.initials) == ("delegate", "DE")


def test_a_name_already_chosen_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    _account(monkeypatch, "aperez", "Ana Pérez")
    first = config.local_identity()
    _account(monkeypatch, "aperez", "Someone Else")
    assert config.local_identity() == first
