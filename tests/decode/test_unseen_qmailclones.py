"""Unseen formats, qmail-based servers with their own openers ("This is the machine generated
message from mail service", "This is the mail delivery agent at", Spanish, "We're sorry.",
"Your message to the following addresses"): qmail-remote's stage sentences, qmail-ldap's own
refusals and qmail-send giving up on a message too long in the queue.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('qmailclones/x4-machine-generated.eml', [
        ('kijitora@example.org', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('mike@example.org', '5.7.1', '554', 'DATA', 'spamdetected', False),
    ]),
    ('qmailclones/x4-mail-delivery-agent.eml', [
        ('tama@example.net', '5.1.1', '', '', 'userunknown', True),
        ('pochi@example.net', '5.2.1', '', '', 'suspend', False),
        ('hachi@example.net', '5.2.3', '', '', 'emailtoolarge', False),
    ]),
    ('qmailclones/x4-queue-too-long.eml', [
        ('far@example.com', '', '', '', 'expired', False),
    ]),
    ('qmailclones/x4-spanish.eml', [
        ('luis@example.es', '', '', '', 'mailboxfull', False),
        ('ana@nowhere.example', '5.1.2', '', '', 'hostunknown', True),
    ]),
    ('qmailclones/x4-were-sorry.eml', [
        ('old.user@example.com', '', '550', 'RCPT', 'userunknown', True),
        ('slow@example.com', '5.1.8', '553', 'MAIL', 'rejected', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
