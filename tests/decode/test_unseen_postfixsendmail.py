"""Unseen formats, Postfix and Sendmail in other versions and configurations, and the small MTAs
around them (PowerMTA, Apache James, hMailServer, MDaemon).

Postfix: the 2.0-2.2 template ("This is the Postfix program at host", "Status: 5.0.0" with the
whole "host H said: ..." in an X-Postfix Diagnostic-Code, the remote's 5.1.1 winning); a
delay notice ("Delayed Mail (still being retried)", Action: delayed) with a connection timeout,
a 421 "refused to talk to me" and "lost connection ... while sending MAIL FROM"; pipe(8)'s
sysexits wording ("user unknown. Command output: ...", "service unavailable. Command output:
..."), virtual(8)'s "cannot update mailbox ... File too large" and local(8)'s "maildir delivery
failed: ... Disk quota exceeded"; a bounce_template_file translated into German (UTF-8,
quoted-printable, an encoded Subject) whose recipient paragraphs Postfix still writes itself;
CRLF line ends with text/rfc822-headers (PTR refusal, sender domain refused at RCPT, a "delivery
temporarily suspended: lost connection" that expired); milter refusals relayed from the remote
(OpenDMARC's "rejected by DMARC policy", Rspamd's "Spam message rejected", amavisd-new's
"INFECTED"); a "Successful Mail Delivery Report" (delivered, relayed); a "Postmaster Copy: Undelivered Mail"
("Enclosed is the mail delivery report that you requested") with Exchange Online's directory
refusal "Access denied. AS(201806281)"; the remote's reject_unlisted_sender ("550 5.1.0 <sender>:
Sender address rejected: User unknown in virtual mailbox table", at RCPT) next to a recipient's.

Sendmail: a program alias refused by smrsh ('554 5.0.0 "|prog"... Service unavailable'), a local
"User unknown" and a remote "Mailbox disabled for this recipient" in one transcript; the
"Warning: could not send message for past 4 hours" notice (transient non-fatal errors, Deferred:
Connection refused/timed out, greylisting); "Cannot send message for 5 days" where one transcript
line names a batch of recipients ('<a>,<b>... Deferred: ...', as Sendmail writes the recipients
it delivered together); a plain-text bounce (SendMimeErrors off) with Sendmail's own "Message is
too large; N bytes max" and a DATA refusal followed by its addressless "554 5.0.0 Service
unavailable"; a plain-text bounce where a greeting refusal's "554 5.0.0 Service unavailable"
closes that connection before another recipient's own "Host unknown (Name server: ...)" line (which
is not the refused greeting's); procmail as the local mailer ("procmail: Quota exceeded while writing ...", "550
5.0.0 <a>... Can't create output", X-Unix; 73) next to a local "User unknown"; an 8.12 warning in
CRLF for a remote "452 4.2.2 Mailbox full". Sendmail 8.6 / V5: bare addresses without angle brackets. PowerMTA's bounce
categories; hMailServer's MAIL FROM and RCPT refusals; MDaemon's DATA refusal after the transfer.
"""

from __future__ import annotations

import pytest

from bouncetui import decode
from bouncetui.classify import Evidence, classify
from tests.decode.unseen import FIXTURES, Expected, check, records

G = "postfixsendmail/"

CASES: list[tuple[str, list[Expected]]] = [
    (G + 'postfix22-status-5-0-0.eml', [
        ('ann@example.org', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('bob@example.org', '5.2.2', '552', 'DATA', 'mailboxfull', False),
        ('carol@example.net', '5.0.0', '', '', 'userunknown', True),
    ]),
    (G + 'postfix-pipe-virtual-maildir.eml', [
        # pipe(8) reports maildrop's EX_NOUSER as 5.1.1, yet the diagnostic is the program's (x-unix)
        ('ann@example.com', '5.1.1', '', '', 'mailererror', False),
        ('ben@example.com', '5.3.0', '', '', 'mailererror', False),
        ('carl@example.net', '5.2.2', '', '', 'mailboxfull', False),
        ('dora@example.com', '5.2.2', '', '', 'mailboxfull', False),
    ]),
    (G + 'postfix-delay-three-ways.eml', [
        ('accounts@example.org', '4.4.1', '', 'CONN', 'expired', False),
        ('invoices@example.info', '4.7.0', '421', 'CONN', 'ratelimited', False),
        ('ledger@example.net', '4.4.2', '', 'MAIL', 'networkerror', False),
    ]),
    (G + 'postfix-template-de-utf8.eml', [
        ('petra@example.org', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('stefan@example.at', '5.7.1', '554', 'RCPT', 'norelaying', False),
        ('ute@exampel.de', '5.4.4', '', '', 'hostunknown', True),
    ]),
    (G + 'postfix-crlf-refusals.eml', [
        ('olga@example.org', '5.7.25', '550', 'RCPT', 'requireptr', False),
        ('pavel@example.net', '5.1.8', '553', 'RCPT', 'rejected', False),
        ('quinn@example.info', '4.4.2', '', 'RCPT', 'networkerror', False),
    ]),
    (G + 'postfix-milter-refusals.eml', [
        ('rita@example.org', '5.7.1', '550', 'DATA', 'authfailure', False),
        ('sam@example.net', '5.7.1', '554', 'DATA', 'spamdetected', False),
        ('tina@example.edu', '5.7.0', '554', 'DATA', 'virusdetected', False),
    ]),
    (G + 'postfix-success-notify.eml', [
        ('partner@example.com', '2.0.0', '', '', 'delivered', False),
        ('client@example.org', '2.0.0', '250', '', 'delivered', False),
    ]),
    (G + 'sendmail-program-local-disabled.eml', [
        ('ann@example.com', '5.0.0', '554', '', 'mailererror', False),
        ('carl@example.com', '5.1.1', '550', '', 'userunknown', True),
        ('dan@example.net', '5.2.1', '550', 'RCPT', 'suspend', False),
    ]),
    (G + 'sendmail-warning-deferred.eml', [
        ('yui@example.org', '4.0.0', '', 'CONN', 'networkerror', False),
        ('zen@example.net', '4.0.0', '', 'CONN', 'expired', False),
        ('aoi@example.info', '4.7.1', '451', 'RCPT', 'blocked', False),
    ]),
    (G + 'sendmail-expired-batch.eml', [
        ('kim@example.org', '4.4.7', '', 'CONN', 'networkerror', False),
        ('lee@example.org', '4.4.7', '', 'CONN', 'networkerror', False),
        ('max@example.net', '4.3.0', '451', 'DATA', 'systemerror', False),
    ]),
    (G + 'sendmail-plain-text-size.eml', [
        ('mia@example.net', '5.2.3', '552', '', 'emailtoolarge', False),
        ('noa@example.org', '5.2.2', '552', 'DATA', 'mailboxfull', False),
    ]),
    (G + 'powermta-four-categories.eml', [
        ('olive@example.org', '5.1.1', '550', '', 'userunknown', True),
        ('piet@example.net', '5.7.1', '554', '', 'norelaying', False),
        ('quin@example.info', '5.1.8', '553', '', 'rejected', False),
        ('rosa@example.edu', '4.4.0', '421', '', 'expired', False),
    ]),
    (G + 'postfix-sender-unlisted.eml', [
        ('sales@example.com', '5.1.0', '550', 'RCPT', 'rejected', False),
        ('ops@example.net', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
    (G + 'postfix-postmaster-copy.eml', [
        ('zora@example.com', '5.7.1', '550', 'RCPT', 'userunknown', True),
    ]),
    (G + 'sendmail-plain-three-hosts.eml', [
        ('uta@example.org', '5.7.1', '550', 'RCPT', 'norelaying', False),
        ('uri@example.net', '5.7.1', '554', 'CONN', 'blocked', False),
        ('ume@example.com', '5.1.2', '550', '', 'hostunknown', True),
    ]),
    (G + 'sendmail-procmail-local.eml', [
        ('tomo@example.jp', '5.0.0', '550', '', 'mailboxfull', False),
        ('yuka@example.jp', '5.1.1', '550', '', 'userunknown', True),
    ]),
    (G + 'sendmail-warning-over-quota.eml', [
        ('student.one@example.com', '4.2.2', '452', 'RCPT', 'mailboxfull', False),
    ]),
    (G + 'v5sendmail-bare-addresses.eml', [
        ('rin@example.org', '', '550', 'RCPT', 'userunknown', True),
        ('sora@example.net', '', '550', '', 'hostunknown', True),
    ]),
    (G + 'apachejames-dsn-no-dns.eml', [
        ('ken@no-such-domain.example.org', '5.4.4', '', '', 'hostunknown', True),
        ('mari@no-such-domain.example.org', '5.4.4', '', '', 'hostunknown', True),
    ]),
    (G + 'hmailserver-two-stages.eml', [
        ('lena@example.org', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
        ('moritz@example.net', '5.7.1', '553', 'MAIL', 'rejected', False),
    ]),
    (G + 'mdaemon-data-size.eml', [
        ('print@example.com', '5.3.4', '552', 'DATA', 'emailtoolarge', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


def test_delay_notice_records_are_delayed() -> None:
    for name in ('postfix-delay-three-ways.eml', 'sendmail-warning-deferred.eml', 'sendmail-warning-over-quota.eml'):
        assert {r.action for r in records(G + name)} == {'delayed'}


def test_success_report_actions() -> None:
    assert [r.action for r in records(G + 'postfix-success-notify.eml')] == ['delivered', 'relayed']


def test_sendmail_batch_line_is_each_recipients_own() -> None:
    """'<a>,<b>... Deferred: ...' names both recipients: each takes that line, none another's."""
    got = [(r.recipient, r.diagnosticcode) for r in records(G + 'sendmail-expired-batch.eml')]
    assert got == [
        ('kim@example.org', 'Deferred: Connection refused by mx.example.org.'),
        ('lee@example.org', 'Deferred: Connection refused by mx.example.org.'),
        ('max@example.net', '451 4.3.0 Mail server temporarily rejected message.'),
    ]


def test_sendmail_recipient_without_a_line_takes_only_the_message_lines() -> None:
    """With no transcript line of its own (and no Diagnostic-Code), a recipient is explained by
    what the transcript says of the whole message, never by the lines of other recipients."""
    data = (FIXTURES / G / 'sendmail-expired-batch.eml').read_bytes()
    cut = data.replace(b"<kim@example.org>,<lee@example.org>... Deferred: Connection refused by mx.example.org.\n", b"")
    assert cut != data
    got = {r.recipient: r.diagnosticcode for r in decode(cut, "cut")}
    assert got['kim@example.org'] == got['lee@example.org'] == (
        'Message could not be delivered for 5 days Message will be deleted from queue')
    assert got['max@example.net'] == '451 4.3.0 Mail server temporarily rejected message.'


def test_sendmail_local_mailer_output_stays_with_its_program() -> None:
    """smrsh's line explains the program's failure, not the local user's line after it; also when
    Sendmail's failure line does not name the program."""
    data = (FIXTURES / G / 'sendmail-program-local-disabled.eml').read_bytes()
    bare = data.replace(b'554 5.0.0 "|/usr/local/bin/procmail -t"... Service unavailable', b'554 5.0.0 Service unavailable')
    assert bare != data
    for mail in (data, bare):
        got = {r.recipient: (r.reason, r.diagnosticcode) for r in decode(mail, "m")}
        assert got['carl@example.com'] == ('userunknown', '550 5.1.1 <carl@example.com>... User unknown')
        reason, diagnostic = got['ann@example.com']
        assert reason == 'mailererror'
        assert diagnostic.startswith('smrsh: "procmail" not available for sendmail programs')
        assert 'carl' not in diagnostic


def test_sendmail_reason_finds_its_transcript_step() -> None:
    """A recipient named only in "(reason: ...)" takes the host and the command of the transcript
    step whose reply that is, not those of another recipient's."""
    got = [(r.recipient, r.rhost, r.command) for r in records(G + 'sendmail-plain-text-size.eml')]
    assert got == [('mia@example.net', 'mx.example.net', ''), ('noa@example.org', 'mail.example.org', 'DATA')]


def test_postfix_remote_hosts() -> None:
    assert [r.rhost for r in records(G + 'postfix-delay-three-ways.eml')] == [
        'mx.example.org', 'mx.example.info', 'mx2.example.net']


def test_james_wording_alone_names_the_missing_domain() -> None:
    """Without its DSN part (James's older notifier), the words "There are no DNS entries for the
    hostname" still say the domain has no host to deliver to."""
    data = (FIXTURES / G / 'apachejames-dsn-no-dns.eml').read_bytes()
    head, _, rest = data.partition(b"Content-Type: message/delivery-status")
    plain = head.rsplit(b"------=_Part_77", 1)[0] + b"------=_Part_77" + rest.partition(b"------=_Part_77")[2]
    plain = plain.replace(b"multipart/report; report-type=delivery-status;", b"multipart/mixed;")
    assert b"delivery-status" not in plain
    got = [(r.recipient, r.deliverystatus, r.reason, r.hardbounce) for r in decode(plain, "plain")]
    assert got == [('ken@no-such-domain.example.org', '', 'hostunknown', True),
                   ('mari@no-such-domain.example.org', '', 'hostunknown', True)]


def test_v5_reply_and_host_of_a_bare_address() -> None:
    (rin, sora) = records(G + 'v5sendmail-bare-addresses.eml')
    assert (rin.rhost, rin.diagnosticcode) == ('mail.example.org', '550 rin@example.org... User unknown')
    assert sora.diagnosticcode == '550 Host unknown (Authoritative answer from name server)'


@pytest.mark.parametrize(("diagtype", "reason"), [("X-Postfix", "userunknown"), ("SMTP", "filtered"), ("", "filtered")])
def test_unknown_user_under_5_0_0_is_a_filter_only_when_relayed(diagtype: str, reason: str) -> None:
    """With no stage and an undefined 5.0.0, "unknown user" is a receive filter's reply when relayed
    from a server; Postfix's own local(8) lookup (X-Postfix) says the mailbox does not exist."""
    ev = Evidence(action="failed", status="5.0.0", diagnostic='unknown user: "carol"', diagnostictype=diagtype)
    assert classify(ev)[0] == reason


@pytest.mark.parametrize(("words", "reason"), [
    ("Sender address rejected: User unknown in local recipient table", "rejected"),
    ("Sender address rejected: Domain not found", "rejected"),
    ("Recipient address rejected: User unknown in local recipient table", "userunknown"),
])
def test_postfix_prefix_says_whose_address(words: str, reason: str) -> None:
    """Postfix's "Sender address rejected:" prefix: the missing user or domain after it is the
    sender's (checked at RCPT under smtpd_delay_reject), so the sender is rejected."""
    ev = Evidence(action="failed", status="5.1.0", replycode="550", command="RCPT",
                  diagnostic="550 5.1.0 <x@example.com>: " + words, diagnostictype="SMTP")
    assert classify(ev)[0] == reason


def test_sendmail_line_after_a_closed_connection_is_not_its_reply() -> None:
    got = [(r.recipient, r.rhost, r.diagnosticcode) for r in records(G + 'sendmail-plain-three-hosts.eml')]
    assert got[2] == ('ume@example.com', '', '550 5.1.2 <ume@example.com>... Host unknown (Name server: example.com: '
                                             'host not found)')


def _without_dsn_part(name: str, boundary: bytes) -> bytes:
    data = (FIXTURES / G / name).read_bytes()
    start = data.index(b"--" + boundary + b"\nContent-Description: Delivery")
    end = data.index(b"--" + boundary + b"\nContent-Description: Undelivered Message\n")
    return data[:start] + data[end:]


@pytest.mark.parametrize(("name", "boundary"), [
    ('postfix22-status-5-0-0.eml', b'3F2A41C8044.1795594442/mail.example.net'),
    ('postfix-pipe-virtual-maildir.eml', b'4H0cT91kVfz1x2y.1795728669/mx.example.com'),
])
def test_postfix_paragraphs_alone_read_as_the_dsn_does(name: str, boundary: bytes) -> None:
    """Postfix before 2.3 wrote no delivery-status part (and a gateway may drop it): its own words
    (local, virtual) are X-Postfix, pipe(8)'s "... Command output: X" is the program's X (x-unix),
    and each recipient gets the reason the DSN form gets."""
    plain = _without_dsn_part(name, boundary)
    assert b"message/delivery-status" not in plain
    got = [(r.recipient, r.reason, r.hardbounce) for r in decode(plain, "plain")]
    assert got == [(r.recipient, r.reason, r.hardbounce) for r in records(G + name)]
    types = {r.recipient: (r.diagnostictype, r.diagnosticcode) for r in decode(plain, "plain")}
    if name.startswith('postfix-pipe'):
        assert types['ann@example.com'] == ('X-Unix', 'Invalid user specified.')
        assert types['carl@example.net'][0] == 'X-Postfix'
