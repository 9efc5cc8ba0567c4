"""Unseen formats, Exim 4.69-4.96 and the DragonFly Mail Agent (dma) in variants the other groups
do not cover.

Exim (deliver.c and moan.c's texts, and the spec's chapter on customizing bounce messages): a
bounce_message_file in German around the list Exim still writes itself (and the
X-Failed-Recipients header it always adds), with the older "host NAME [IP]: reply" lines; a
bounce sent to an errors_to address ("A message sent by <...> could not be delivered"), one of
whose addresses is "an undisclosed address" (hide_child_in_errmsg) that the remote refusal names
in its RCPT TO; a forwarder's pipe ("local delivery failed", the program's output under "The
following text was generated during the delivery attempt"), a Dovecot LMTP refusal ("LMTP error
after RCPT TO:") and a redirect router's ":fail: No Such User Here"; the pre-multipart delay
warning with two addresses; a warn_message_file in French (UTF-8, 8bit, an encoded subject),
with neither Exim's sentences nor any X-Failed-Recipients header; a null MX ("an MX or SRV record indicated no SMTP service", RFC 7505)
beside a sender refused at MAIL FROM over IPv6.

dma (net.c and mail.c): the FULLBOUNCE form ("Original message follows."), its own errors "DNS
lookup failure: host H not found" and "SMTP login to H failed" (its smarthost refused the
credentials), a refusal at MAIL FROM and a multi-line refusal at RCPT TO saved with CRLF line ends.
"""

from __future__ import annotations

import pytest

from bouncetui import decode
from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('eximdma/exim-german-bounce-message-file.eml', [
        ('bernd@example.net', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('carla@example.org', '4.2.2', '452', 'RCPT', 'mailboxfull', False),
    ]),
    ('eximdma/exim-errors-to-undisclosed.eml', [
        ('gus@example.net', '5.2.1', '550', 'RCPT', 'suspend', False),
        ('rolf@example.com', '5.7.1', '554', 'DATA', 'spamdetected', False),
    ]),
    ('eximdma/exim-pipe-lmtp-and-fail.eml', [
        ('support@example.com', '5.0.0', '', '', 'mailererror', False),
        ('ines@example.com', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
        ('jonas@example.com', '5.0.0', '', '', 'userunknown', True),
    ]),
    ('eximdma/exim-old-delay-two-addresses.eml', [
        ('mona@example.net', '4.2.2', '452', 'RCPT', 'mailboxfull', False),
        ('nils@example.com', '4.3.0', '451', 'DATA', 'systemerror', False),
    ]),
    ('eximdma/exim-french-warn-message-file.eml', [
        ('yvonne@example.net', '4.2.0', '450', 'RCPT', 'blocked', False),
        ('zoe@example.org', '4.7.0', '421', 'CONN', 'ratelimited', False),
    ]),
    ('eximdma/exim-null-mx-and-rejected-sender.eml', [
        ('info@null-mx.example', '5.0.0', '', '', 'notaccept', True),
        ('paul@example.net', '5.7.1', '553', 'MAIL', 'rejected', False),
    ]),
    ('eximdma/dma-fullbounce-final-data.eml', [
        ('quentin@example.com', '5.7.1', '550', 'DATA', 'spamdetected', False),
    ]),
    ('eximdma/dma-dns-lookup-failure.eml', [
        ('alerts@monitoring.example.invalid', '', '', '', 'hostunknown', True),
    ]),
    ('eximdma/dma-mail-from-rejected.eml', [
        ('rosa@example.net', '5.7.1', '553', 'MAIL', 'rejected', False),
    ]),
    ('eximdma/dma-smtp-login-failed.eml', [
        ('sota@example.jp', '', '', '', 'securityerror', False),
    ]),
    ('eximdma/dma-rcpt-multiline-crlf.eml', [
        ('tove@example.org', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


@pytest.mark.parametrize(("name", "actions"), [
    ('eximdma/exim-german-bounce-message-file.eml', ['failed', 'failed']),  # a 4xx Exim gave up on
    ('eximdma/exim-old-delay-two-addresses.eml', ['delayed', 'delayed']),
    # a warn_message_file in French: its "Delay reason:" lines are Exim's, and only warnings have them
    ('eximdma/exim-french-warn-message-file.eml', ['delayed', 'delayed']),
])
def test_a_bounce_fails_and_a_warning_delays(name: str, actions: list[str]) -> None:
    assert [r.action for r in records(name)] == actions


def test_a_customized_template_is_still_exims_list():
    got = records('eximdma/exim-german-bounce-message-file.eml')
    assert {r.decodedby for r in got} == {'Exim'}
    assert [r.rhost for r in got] == ['mx01.example.net', 'mail.example.org']
    # each address keeps its own reply, and the copy after the template's own dashed line is read
    assert got[1].diagnosticcode == '452 4.2.2 <carla@example.org>: Mailbox full: retry timeout exceeded'
    assert got[0].subject == 'Angebot 2027'


def test_an_undisclosed_address_keeps_the_alias_that_generated_it():
    got = records('eximdma/exim-errors-to-undisclosed.eml')
    assert [r.alias for r in got] == ['staff@lists.example.org', 'staff@lists.example.org']


def test_dma_full_bounce_keeps_the_original_out_of_the_diagnostic():
    (record,) = records('eximdma/dma-fullbounce-final-data.eml')
    assert record.diagnosticcode.endswith('550 5.7.1 message has been blocked.')
    assert (record.subject, record.messageid) == ('Nightly backup report', '5f3e.1a2b3c@nas.example.org')
    assert (record.rhost, record.lhost) == ('mx1.example.com', 'nas.example.org')


EXIM_ROUTER = (
    "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n"
    "To: a@example.org\nSubject: Mail delivery failed: returning message to sender\n"
    "X-Failed-Recipients: {addr}\n\n"
    "This message was created automatically by mail delivery software.\n\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n\n"
    "  {addr}\n    {said}\n"
)


@pytest.mark.parametrize(("said", "reason"), [
    ("No Such User Here", "userunknown"),        # a redirect's :fail: text: this server's verdict
    ("Unknown user", "userunknown"),
    ("550 Unknown user", "filtered"),            # a bare SMTP reply with no stage is still a filter's
    ("Unrouteable address", "hostunknown"),      # Exim's own words keep their meaning
])
def test_a_routers_own_refusal_is_no_filters_reply(said: str, reason: str) -> None:
    (record,) = decode(EXIM_ROUTER.format(addr="b@mx.example.org", said=said).encode(), "router")
    assert record.reason == reason


DMA = (
    "From: MAILER-DAEMON <>\nTo: root@host.example.org\nSubject: Mail delivery failed\n\n"
    "This is the DragonFly Mail Agent v0.13 at host.example.org.\n\n"
    "There was an error delivering your mail to <c@example.net>.\n\n{said}\n\nMessage headers follow.\n\n"
    "From: root@host.example.org\nSubject: test\n"
)


@pytest.mark.parametrize(("said", "reason"), [
    ("DNS lookup failure: host example.net not found", "hostunknown"),
    ("SMTP login to smtp.example.org failed", "securityerror"),
    ("Could not deliver for the last 432000 seconds. Giving up.", "expired"),
])
def test_dma_own_errors_name_their_reason(said: str, reason: str) -> None:
    (record,) = decode(DMA.format(said=said).encode(), "dma")
    assert (record.reason, record.diagnosticcode) == (reason, said)
