"""Unseen formats, legacy servers and Japanese filters: Lotus Notes R5's "Failure Reasons" with two
recipients failing for different reasons (each address after its own reason lines) and R4.6's with
two addresses under one reason (CRLF), Domino's German template ("wurde nicht zugestellt an:" /
"weil:", "nicht im Domino-Verzeichnis aufgeführt", quoted-printable Latin-1), Domino 9's multipart/report (its X-Notes Diagnostic-Code folded mid-word; CRLF),
1&1's "SMTP error from remote server for RCPT TO command", Exchange 2003 SP2's text-only notice
named only by "X-MimeOLE: Produced By Microsoft Exchange V6.5" ("<host #5.1.1>", a remote reply
after the status, a 4.4.7 expiry; CRLF), fml 4's status report of a loop it detected (a duplicated
Message-ID), Mail.ru's bilingual Exim notice with a quota refusal and a retry timeout, m-FILTER's
ISO-2022-JP notice of a refusal at connection, SendGrid's report of two failures at two stages (RCPT, DATA)
with text/rfc822-headers, and X3's "was aborted after 48 hour(s)" expiry (CRLF).
"""

from __future__ import annotations

import re

import pytest

from bouncetui import decode
from tests.decode.unseen import FIXTURES, Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('legacyjp/notes-r5-two-reasons.eml', [
        ('tanaka@example.com', '', '', '', 'userunknown', True),
        ('suzuki@example.com', '', '', '', 'networkerror', False),
    ]),
    ('legacyjp/domino-german.eml', [
        ('hans.mueller@example.de', '', '', '', 'userunknown', True),
    ]),
    ('legacyjp/domino9-dsn-crlf.eml', [
        ('lisa.ng@example.com', '5.0.0', '', '', 'userunknown', True),
    ]),
    ('legacyjp/einsundeins-rcpt-refused.eml', [
        ('tobias@example.org', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
    ('legacyjp/exchange2003-sp2-three-recipients.eml', [
        ('anna@example.org', '5.1.1', '', '', 'userunknown', True),
        ('bert@example.net', '5.2.2', '552', '', 'mailboxfull', False),
        ('carl@example.com', '4.4.7', '', '', 'expired', False),
    ]),
    ('legacyjp/fml-loop-condition.eml', [
        ('neko@lists.example.jp', '', '', '', 'systemerror', False),
    ]),
    ('legacyjp/mailru-two-recipients.eml', [
        ('olga@example.org', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
        ('ivan@example.net', '', '', '', 'expired', False),
    ]),
    ('legacyjp/mfilter-iso2022jp-refused-at-connect.eml', [
        ('yamada@example.co.jp', '5.7.1', '554', 'CONN', 'blocked', False),
    ]),
    ('legacyjp/notes-r46-shared-reason-crlf.eml', [
        ('ono@example.co.jp', '', '', '', 'userunknown', True),
        ('mori@example.co.jp', '', '', '', 'userunknown', True),
        ('kudo@example.co.jp', '', '', '', 'networkerror', False),
    ]),
    ('legacyjp/sendgrid-two-stages.eml', [
        ('nagisa@example.com', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
        ('hotaru@example.org', '5.7.1', '554', 'DATA', 'spamdetected', False),
    ]),
    ('legacyjp/x3-aborted-after-hours-crlf.eml', [
        ('kuro@example.net', '4.3.0', '451', 'RCPT', 'expired', False),
        ('mike@example.org', '', '', '', 'expired', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


def test_notes_gives_each_address_its_own_reason_lines() -> None:
    """The second address's diagnostic is its own reason, not the first one's as well."""
    diagnostics = [r.diagnosticcode for r in records("legacyjp/notes-r5-two-reasons.eml")]
    assert diagnostics == ["User not listed in public Name & Address Book",
                           "Message has exceeded maximum hop count (25)"]


def test_exchange2003_is_named_by_its_mimeole_header() -> None:
    """A notice with no X-Mailer is Exchange 2003's by X-MimeOLE, and its diagnostic is its own text."""
    recs = records("legacyjp/exchange2003-sp2-three-recipients.eml")
    assert {r.decodedby for r in recs} == {"Exchange2003"}
    assert recs[0].diagnosticcode.startswith("The e-mail account does not exist")


def test_exchange2003_is_known_by_its_status_lines_without_its_header() -> None:
    """Without X-MimeOLE, the '<host #5.1.1>' lines under the recipients still name Exchange 2003;
    without them too, the same 'could not be reached' text is not taken for Exchange's."""
    data = (FIXTURES / "legacyjp/exchange2003-sp2-three-recipients.eml").read_bytes()
    bare = data.replace(b"X-MimeOLE: Produced By Microsoft Exchange V6.5\r\n", b"")
    assert bare != data
    assert {r.decodedby for r in decode(bare, "bare")} == {"Exchange2003"}
    plain = re.sub(rb"\r\n +<[^>\r\n]+>", b"", bare)
    assert plain.count(b" #") == 0
    assert all(r.decodedby != "Exchange2003" for r in decode(plain, "plain"))
