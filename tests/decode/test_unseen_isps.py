"""Unseen formats, ISPs' and webmail providers' replies: Comcast (DNSBL, not our customer), AT&T (DNSBL code),
GMX, T-Online (block list), Mail.ru, QQ Mail and NetEase (spam code), as Postfix reports them.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('isps/postfix-to-isps.eml', [
        ('ann@comcast.net', '5.0.0', '554', 'RCPT', 'blocked', False),
        ('ben@comcast.net', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('cat@att.net', '5.3.0', '553', 'MAIL', 'blocked', False),
        ('dom@gmx.net', '5.0.0', '550', 'RCPT', 'userunknown', True),
        ('eva@t-online.de', '5.0.0', '554', 'MAIL', 'blocked', False),
        ('fox@mail.ru', '5.0.0', '550', 'RCPT', 'userunknown', True),
        ('gus@qq.com', '5.0.0', '550', 'RCPT', 'userunknown', True),
        ('hao@163.com', '5.0.0', '554', 'DATA', 'spamdetected', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
