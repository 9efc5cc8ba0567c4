"""Unseen formats, Exim 4.96-4.98's current wording: "SMTP error from remote mail server after
pipelined RCPT TO:<...>" and "after pipelined MAIL FROM:<...> SIZE=N" (PIPELINING's batched
replies), a refusal after the greeting ("after initial connection"), a content filter's refusal
"after end of data", "retry time not reached for any host after a long failure period", and the
last temporary error with Exim's ": retry timeout exceeded" after it (expired; the 451 of a
failed delivery, whose class contradicts it, is no reply code).

The stage comes from the command Exim names ("pipelined" is only how it was sent), the remote host
from its "host NAME [IP]" line.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('exim49/pipelined-rcpt-two-recipients.eml', [
        ('sven@example.net', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('tara@example.net', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
    ]),
    ('exim49/pipelined-mail-from-and-size.eml', [
        ('vera@example.com', '5.7.1', '553', 'MAIL', 'rejected', False),
        ('wim@example.net', '5.3.4', '552', 'MAIL', 'emailtoolarge', False),
    ]),
    ('exim49/connect-and-data-refusals.eml', [
        ('yusuf@example.com', '5.7.1', '554', 'CONN', 'blocked', False),
        ('zora@example.net', '5.7.1', '550', 'DATA', 'spamdetected', False),
        ('abel@example.info', '5.0.0', '', '', 'expired', False),
    ]),
    ('exim49/retry-timeout-after-4xx.eml', [
        ('dirk@example.net', '5.0.0', '', 'RCPT', 'expired', False),
        ('edda@example.com', '5.0.0', '', 'CONN', 'expired', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


def test_remote_host_of_each_recipient() -> None:
    assert [r.rhost for r in records('exim49/pipelined-mail-from-and-size.eml')] == [
        'mx2.example.com', 'mail.example.net']
    assert [r.rhost for r in records('exim49/connect-and-data-refusals.eml')] == [
        'mx.example.com', 'in.example.net', '']
