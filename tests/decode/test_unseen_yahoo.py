"""Unseen formats, Yahoo and AOL: their current replies: [TSS04], [TSS09], 5.7.9 policy, "552 1 ... mailbox full" and
"dd This user doesn't have a ... account".
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('yahoo/postfix-to-yahoo-aol.eml', [
        ('amy.reader@yahoo.com', '5.7.9', '554', 'DATA', 'policyviolation', False),
        ('ben.reader@aol.com', '5.7.2', '553', 'MAIL', 'blocked', False),
        ('cara.reader@yahoo.com', '5.0.0', '552', 'RCPT', 'mailboxfull', False),
        ('dan.reader@yahoo.co.uk', '5.0.0', '554', 'DATA', 'userunknown', True),
    ]),
    ('yahoo/postfix-to-yahoo-deferred.eml', [
        ('eve.reader@yahoo.com', '4.7.0', '421', 'MAIL', 'badreputation', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
