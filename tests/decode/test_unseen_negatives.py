"""Ordinary mail that talks about bounces is not a bounce: a reply discussing one, a postmaster's
own answer about delivery problems, a newsletter about hard and soft bounces, a read receipt, a
person quoting a Sieve rejection, a person pasting the texts of five MTAs' bounces, Japanese mail
about an undelivered message (one with a bounce-like subject), and DMARC and TLS-RPT aggregate
reports. None gives a record."""

from __future__ import annotations

import pytest

from tests.decode.unseen import FIXTURES, records

NEGATIVES = sorted(str(p.relative_to(FIXTURES)) for p in (FIXTURES / "negatives").glob("*.eml"))


def test_there_are_negatives() -> None:
    assert len(NEGATIVES) >= 5


@pytest.mark.parametrize("name", NEGATIVES)
def test_ordinary_mail_gives_no_record(name: str) -> None:
    assert records(name) == []
