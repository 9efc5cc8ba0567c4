"""Unseen formats, qmail-send's own sentences in netqmail, vpopmail and qmail-ldap installations:
"Connected to IP but sender was rejected." (MAIL), "IP does not like recipient." (RCPT), its loop
("it already has my Delivered-To line", #5.4.6), vpopmail's missing mailbox, qmail-ldap's
"The users mailfolder is over the allowed quota" and the best-preference MX that is not in
control/locals (a routing error, networkerror).
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('qmailvariants/netqmail-sender-rejected-and-loop.eml', [
        ('nico@example.com', '5.7.1', '553', 'MAIL', 'rejected', False),
        ('olaf@example.org', '5.4.6', '', '', 'networkerror', False),
        ('pia@example.net', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
    ('qmailvariants/vpopmail-over-quota-and-ldap.eml', [
        ('rosa@example.org', '5.1.1', '', '', 'userunknown', True),
        ('stef@example.org', '5.2.2', '', '', 'mailboxfull', False),
        ('tom@example.org', '5.4.6', '', '', 'networkerror', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


def test_remote_host_is_the_address_qmail_names() -> None:
    assert [r.rhost for r in records('qmailvariants/netqmail-sender-rejected-and-loop.eml')] == [
        '198.51.100.8', '', '203.0.113.61']
