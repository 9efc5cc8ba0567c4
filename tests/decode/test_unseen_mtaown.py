"""Unseen formats, mail servers' own errors (not a remote server's reply): OpenSMTPD's loop, routing,
"reject all mails" and credential errors, and Exim's forbidden pipe delivery, failed host lookups
and quota error.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('mtaown/exim-own-errors.eml', [
        ('robot@mail.example.net', '', '', '', 'mailererror', False),
        ('neko@nohost.example', '', '', '', 'hostunknown', True),
        ('tama@example.net', '', '', '', 'mailboxfull', False),
    ]),
    ('mtaown/opensmtpd-own-errors.eml', [
        ('loop@example.net', '', '', '', 'networkerror', False),
        ('cedar@reject-all.example', '', '', '', 'notaccept', True),
        ('dove@v6only.example', '', '', '', 'networkerror', False),
        ('elm@norelay.example', '', '', '', 'networkerror', False),
        ('fern@smarthost.example', '', '', '', 'securityerror', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
