"""Unseen formats, Sendmail 8.17 bounces: pipelined refusals reported at DATA, a multi-line Gmail reply in the transcript,
a deferral that expired after five days, and the four-hour warning.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('sendmail/data-user-unknown.eml', [
        ('suzuki@example.net', '5.1.1', '550', 'DATA', 'userunknown', True),
    ]),
    ('sendmail/deferred-expired.eml', [
        ('yamada@example.com', '4.4.7', '', 'CONN', 'expired', False),
    ]),
    ('sendmail/rcpt-user-unknown.eml', [
        ('victor@example.com', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('wendy@example.net', '5.7.1', '554', 'RCPT', 'blocked', False),
    ]),
    ('sendmail/warning-4-hours.eml', [
        ('mori@example.com', '4.7.0', '421', '', 'ratelimited', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
