"""Unseen formats, hosted providers: Zoho's line without a reply code ("Host not reachable"), Google
Workspace's DNS failures (NXDOMAIN, a null MX) and SendGrid's report whose Diagnostic-Code has no
type.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('webproviders/gworkspace-null-mx.eml', [
        ('neko@nullmx.example', '5.0.0', '', '', 'notaccept', True),
    ]),
    ('webproviders/gworkspace-nxdomain.eml', [
        ('neko@nxdomain.example', '5.0.0', '', '', 'hostunknown', True),
    ]),
    ('webproviders/sendgrid-expired-and-full.eml', [
        ('late@example.org', '4.4.1', '451', '', 'expired', False),
        ('full@example.org', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('webproviders/zoho-two-recipients.eml', [
        ('kijitora@example.co.jp', '5.1.1', '550', '', 'userunknown', True),
        ('mike@unreachable.example', '', '', '', 'expired', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
