"""Unseen formats, Sendmail 8.17: the sender's domain refused at MAIL FROM ("553 5.1.8 ... Domain of
sender address ... does not exist", then Sendmail's own "554 5.0.0 Service unavailable") and
relaying refused at RCPT, each in its own "... while talking to HOST.:" transcript; its own
"Host unknown (Name server: ...: host not found)" and "Too many hops 26 (25 max)" (a loop,
networkerror as 5.4.6 is).

A refused sender is the sender's problem (rejected, soft), not the recipient's.
"""

from __future__ import annotations

from bouncetui import decode
from tests.decode.unseen import FIXTURES, check, records


def test_decodes_every_field() -> None:
    check('sendmail817/sender-domain-and-relaying.eml', [
        ('kai@example.com', '5.1.8', '553', 'MAIL', 'rejected', False),
        ('lars@example.net', '5.7.1', '550', 'RCPT', 'norelaying', False),
    ])


def test_own_errors() -> None:
    check('sendmail817/host-unknown-and-hops.eml', [
        ('yuki@no-such-host.example', '5.1.2', '550', '', 'hostunknown', True),
        ('zeno@lists.example.org', '5.4.6', '554', '', 'networkerror', False),
    ])


def test_remote_host_of_each_transcript() -> None:
    assert [r.rhost for r in records('sendmail817/sender-domain-and-relaying.eml')] == [
        'mail.example.com', 'smtp.example.net']


def test_reason_wrapped_over_lines_stays_its_recipients() -> None:
    """A "(reason: ...)" line wrapped onto the indented lines below it, addresses among them (as a
    relay re-wrapping the text writes it): the reason is the whole of it, its addresses no entries
    of their own, and the recipient does not take another's transcript line."""
    data = (FIXTURES / 'sendmail817/host-unknown-and-hops.eml').read_bytes()
    wrapped = data.replace(b"    (reason: 554 5.4.6 Too many hops 26 (25 max): from <otto@example.org> via localhost, to "
                           b"<zeno@lists.example.org>)\n",
                           b"    (reason: 554 5.4.6 Too many hops 26\n    (25 max): from <otto@example.org>\n"
                           b"    via localhost, to\n    <zeno@lists.example.org>)\n")
    assert wrapped != data
    got = [(r.recipient, r.reason, r.diagnosticcode) for r in decode(wrapped, "wrapped")]
    assert got == [(r.recipient, r.reason, r.diagnosticcode) for r in records('sendmail817/host-unknown-and-hops.eml')]
    assert got[1][1:] == ('networkerror', '554 5.4.6 Too many hops 26 (25 max): from <otto@example.org> via '
                                          'localhost, to <zeno@lists.example.org>')
