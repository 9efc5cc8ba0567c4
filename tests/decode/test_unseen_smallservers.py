"""Unseen formats, OpenSMTPD 7 and Courier in their other notices: OpenSMTPD's warning ("A message
is delayed for more than 4 hours for the following list of recipients", "Delivery status
notification: delayed") and an error notice with two recipients, each "address: reply" line its
own; Courier's "DELAYS IN DELIVERING YOUR MESSAGE" warning with a multi-line "<<< 450-4.2.1"
reply in its transcript.

A delay is a delay (action delayed, soft), its reason read from the reply it keeps getting.

The notices' sentences are these servers' templates as known (OpenSMTPD's bounce.c, Courier's
DSN texts); not verified word for word against every release.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('smallservers/opensmtpd7-delay-warning.eml', [
        ('hana@example.net', '4.7.0', '421', '', 'ratelimited', False),
    ]),
    ('smallservers/opensmtpd7-two-errors.eml', [
        ('ivan@example.com', '5.3.4', '552', '', 'emailtoolarge', False),
        ('jill@example.net', '5.7.1', '550', '', 'blocked', False),
    ]),
    ('smallservers/courier-delay-and-multiline.eml', [
        ('kurt@example.net', '4.2.1', '450', 'RCPT', 'ratelimited', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


@pytest.mark.parametrize(("name", "actions"), [
    ('smallservers/opensmtpd7-delay-warning.eml', ['delayed']),
    ('smallservers/opensmtpd7-two-errors.eml', ['failed', 'failed']),
    ('smallservers/courier-delay-and-multiline.eml', ['delayed']),
])
def test_warning_is_a_delay(name: str, actions: list[str]) -> None:
    assert [r.action for r in records(name)] == actions
