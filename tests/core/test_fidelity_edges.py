"""Spaces and sentence punctuation at a quote's ends are not a fidelity problem (issue 10 §5)."""

from __future__ import annotations

import pytest

from app.core.fidelity import check_fidelity

EXACT = "Capacity building should be demand-driven. "


@pytest.mark.parametrize(
    "printed",
    [
        "Capacity building should be demand-driven",
        "Capacity building should be demand-driven.",
        " Capacity building should be demand-driven;",
        ". Capacity building should be demand-driven",
    ],
)
def test_trimmed_ends_are_faithful(printed: str) -> None:
    assert check_fidelity(printed, EXACT) == []


def test_a_missing_word_is_still_reported() -> None:
    assert check_fidelity("Capacity building should be demand", EXACT)


def test_an_elision_at_the_end_is_kept() -> None:
    assert check_fidelity("Capacity building ...", EXACT) == []
    assert check_fidelity("Capacity building", EXACT)
