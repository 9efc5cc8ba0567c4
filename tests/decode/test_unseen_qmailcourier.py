"""Unseen formats, qmail-send (netqmail), Courier and OpenSMTPD in variants the other groups do not
cover.

qmail (qmail-send's and qmail-remote's sentences): a chkuser refusal at RCPT ("511 sorry, no
mailbox here by that name (#5.1.1 - chkuser)") beside a multi-line refusal after the message was
sent, saved with CRLF line ends; a connection that died until the queue lifetime ran out
("Connected to IP but connection died. (#4.4.2)" then "I'm not going to try again"), a greeting
refused for a listed client and a HELO name refused ("Connected to IP but my name was
rejected."); local deliveries: maildrop's "maildir over quota." from a .qmail program and
qmail-local's "Unable to chdir to maildir. (#4.2.1)" until it gave up.

Courier (its DSN texts): the "UNDELIVERABLE MAIL" notice with its RFC 3464 part (Status 5.0.0
for every recipient) and text/rfc822-headers, one refusal at RCPT and a multi-line one at DATA;
a "DELAYS IN DELIVERING YOUR MESSAGE" warning for a local mailbox, maildrop's "maildir over
quota." logged after Courier's "<<< " with no remote host.

OpenSMTPD (bounce.c): the notices a sender who asked for them (NOTIFY=SUCCESS) gets, "Your message
was successfully delivered to these recipients." with its RFC 3464 part (6.x and later), and
5.x's indented "Your message was relayed to these recipients." with no MIME at all.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('qmailcourier/qmail-chkuser-and-data-crlf.eml', [
        ('anna@example.net', '5.1.1', '511', 'RCPT', 'userunknown', True),
        ('bert@example.com', '5.7.1', '550', 'DATA', 'spamdetected', False),
    ]),
    ('qmailcourier/qmail-connection-died-and-helo.eml', [
        ('carl@example.net', '4.4.2', '', '', 'expired', False),
        ('dina@example.org', '', '554', 'CONN', 'blocked', False),
        ('egon@example.info', '5.7.1', '550', 'HELO', 'blocked', False),
    ]),
    ('qmailcourier/qmail-local-maildrop-and-chdir.eml', [
        ('frank@example.org', '', '', '', 'mailboxfull', False),
        ('gina@example.org', '4.2.1', '', '', 'expired', False),
    ]),
    ('qmailcourier/courier-undeliverable-with-dsn.eml', [
        ('kim@example.net', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('lea@example.com', '5.7.1', '554', 'DATA', 'spamdetected', False),
    ]),
    ('qmailcourier/courier-local-quota-delay.eml', [
        ('otto@example.org', '4.0.0', '', '', 'mailboxfull', False),
    ]),
    ('qmailcourier/opensmtpd-success-dsn.eml', [
        ('uwe@example.net', '2.0.0', '250', '', 'delivered', False),
    ]),
    ('qmailcourier/opensmtpd5-relayed-plain.eml', [
        ('wanda@example.net', '2.0.0', '250', '', 'delivered', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


def test_remote_host_is_the_one_each_mta_names():
    assert [r.rhost for r in records('qmailcourier/qmail-connection-died-and-helo.eml')] == [
        '', '203.0.113.61', '198.51.100.93']
    assert [r.rhost for r in records('qmailcourier/courier-undeliverable-with-dsn.eml')] == [
        'mx.example.net', 'mail.example.com']


@pytest.mark.parametrize(("name", "actions"), [
    ('qmailcourier/opensmtpd-success-dsn.eml', ['delivered']),
    ('qmailcourier/opensmtpd5-relayed-plain.eml', ['relayed']),   # no RFC 3464 part: the notice's words
    ('qmailcourier/qmail-local-maildrop-and-chdir.eml', ['failed', 'failed']),
])
def test_the_action_is_what_the_notice_says_happened(name: str, actions: list[str]) -> None:
    got = records(name)
    assert [r.action for r in got] == actions
    assert {r.decodedby for r in got} == {'OpenSMTPD' if 'opensmtpd' in name else 'qmail'}


def test_a_success_notice_keeps_the_last_reply():
    (record,) = records('qmailcourier/opensmtpd5-relayed-plain.eml')
    assert record.diagnosticcode == '250 2.0.0 OK 1796373930 5a9b8c7d6e5f-4a3b2c1d0e9f.12 - gsmtp'
    assert record.subject == 'Tickets'


def test_couriers_own_log_line_is_the_diagnostic_without_its_marker():
    (record,) = records('qmailcourier/courier-local-quota-delay.eml')
    assert (record.action, record.diagnosticcode) == ('delayed', 'maildrop: maildir over quota.')
