"""Unseen formats, Sendmail 8.17: the sender's domain refused at MAIL FROM ("553 5.1.8 ... Domain of
sender address ... does not exist", then Sendmail's own "554 5.0.0 Service unavailable") and
relaying refused at RCPT, each in its own "... while talking to HOST.:" transcript.

A refused sender is the sender's problem (rejected, soft), not the recipient's.
"""

from __future__ import annotations

from tests.decode.unseen import check, records


def test_decodes_every_field() -> None:
    check('sendmail817/sender-domain-and-relaying.eml', [
        ('kai@example.com', '5.1.8', '553', 'MAIL', 'rejected', False),
        ('lars@example.net', '5.7.1', '550', 'RCPT', 'norelaying', False),
    ])


def test_remote_host_of_each_transcript() -> None:
    assert [r.rhost for r in records('sendmail817/sender-domain-and-relaying.eml')] == [
        'mail.example.com', 'smtp.example.net']
