"""Unseen formats, RFC 5965 feedback reports (and RFC 6591 authentication failure reports):

- Yahoo's complaint feedback loop (User-Agent Yahoo!-Mail-Feedback/2.0): no Original-Rcpt-To, so
  the recipient is the returned message's To; the VERP Original-Mail-From;
- a Return Path-style feedback loop whose returned message has its To redacted ("[redacted]"):
  the complaint is kept with the recipient empty, as the report names nobody (DISAGREEMENTS.md);
- a DMARC forensic report: Feedback-Type auth-failure, Auth-Failure dmarc, Delivery-Result,
  Original-Rcpt-To, the original as text/rfc822-headers;
- a phishing report: Feedback-Type fraud with two Original-Rcpt-To fields and an undisclosed To;
- a virus report whose Feedback-Type is capitalized ("Virus");
- a not-spam report (a message moved out of the spam folder);
- Outlook.com's JMRP: multipart/mixed, "complaint about message from IP", the returned message
  carrying X-HmXmrOriginalRecipient, which names the complainer where To is a sub-address.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('feedback/comcast-redacted-recipient.eml', [
        ('', '', '', '', 'feedback', False),
    ]),
    ('feedback/dmarc-auth-failure-headers.eml', [
        ('yvonne@example.org', '', '', '', 'feedback', False),
    ]),
    ('feedback/fraud-phishing-report.eml', [
        ('zoe@example.net', '', '', '', 'feedback', False),
        ('adam@example.net', '', '', '', 'feedback', False),
    ]),
    ('feedback/not-spam-report.eml', [
        ('dmitri@example.net', '', '', '', 'feedback', False),
    ]),
    ('feedback/outlook-jmrp.eml', [
        ('carl.e@hotmail.com', '', '', '', 'feedback', False),
    ]),
    ('feedback/virus-report-uppercase-type.eml', [
        ('bella@example.org', '', '', '', 'feedback', False),
    ]),
    ('feedback/yahoo-abuse-without-rcpt-to.eml', [
        ('xavier@example.net', '', '', '', 'feedback', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


@pytest.mark.parametrize(("name", "feedbacktype"), [
    ("feedback/comcast-redacted-recipient.eml", "abuse"),
    ("feedback/dmarc-auth-failure-headers.eml", "auth-failure"),
    ("feedback/fraud-phishing-report.eml", "fraud"),
    ("feedback/not-spam-report.eml", "not-spam"),
    ("feedback/outlook-jmrp.eml", "abuse"),
    ("feedback/virus-report-uppercase-type.eml", "virus"),
    ("feedback/yahoo-abuse-without-rcpt-to.eml", "abuse"),
])
def test_feedback_type_is_read_lowered(name: str, feedbacktype: str) -> None:
    assert {(r.feedbacktype, r.decodedby) for r in records(name)} == {(feedbacktype, "ARF")}


@pytest.mark.parametrize(("name", "addresser", "messageid"), [
    ("feedback/comcast-redacted-recipient.eml", "news@example.com", "last-chance.1187@mailer.example.com"),
    ("feedback/dmarc-auth-failure-headers.eml", "ceo@example.com", "wire-0042@example.com"),
    ("feedback/outlook-jmrp.eml", "news@example.com", "weekend-deals.1187@mailer.example.com"),
])
def test_the_complained_about_message_is_identified(name: str, addresser: str, messageid: str) -> None:
    (rec,) = records(name)
    assert (rec.addresser, rec.messageid) == (addresser, messageid)
