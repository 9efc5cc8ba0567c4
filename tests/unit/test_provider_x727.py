"""x.7.27: one code, three meanings, told apart by the words (classify/statuscodes.py says so).

- RFC 7505 registers X.7.27 as "Sender address has null MX": the receiver refused the envelope
  sender because the sender's own domain receives no mail (bounces could not come back). The
  taxonomy calls a refused envelope sender `rejected`; the recipient is fine, so it is soft: a
  list that suppressed the recipient would lose a working address over the sender's DNS.
- Sendmail reports the recipient's domain's null MX with 5.7.27 and "550 Host does not accept
  mail": that is the taxonomy's `notaccept`, the recipient's domain taking no mail, hard.
- Gmail uses 5.7.27 (and 4.7.27) for the sending domain's SPF failure: `authfailure`, soft, the
  sender's authentication to fix; relays (smarthosts, ESPs) report it without Gmail's sentences.

With no telling words, 5.7.27 is read as RFC 7505 registered it, 4.7.27 as Gmail uses it.
"""

from __future__ import annotations

import pytest

from bouncetui.classify import Evidence, classify
from bouncetui.model import is_hard

RELAY = ("smarthost.example.net", "example.org")  # a relay that lost the receiving host
GMAIL = ("gmail-smtp-in.l.google.com", "gmail.com")
ORG = ("mx.example.org", "example.org")  # an ordinary receiver (Postfix, Sendmail, ...)


def _case(where, status, command, diagnostic, reason, hard, name):
    return pytest.param(where, status, command, diagnostic, reason, hard, id=name)


CASES = [
    # RFC 7505 null MX of the sender's domain: the envelope sender refused, soft
    _case(ORG, "5.7.27", "RCPT", "550 5.7.27 <news@nomail.example>: Sender address rejected: Domain nomail.example "
          "does not accept mail (nullMX)", "rejected", False, "postfix-sender-nullmx-at-rcpt"),
    _case(ORG, "5.7.27", "MAIL", "550 5.7.27 <news@nomail.example>: Sender address rejected: Domain nomail.example "
          "does not accept mail (nullMX)", "rejected", False, "postfix-sender-nullmx-at-mail"),
    _case(ORG, "5.7.27", "MAIL", "550 5.7.27 Sender address has null MX", "rejected", False, "rfc7505-wording"),
    _case(RELAY, "5.7.27", "", "host mx.example.org[192.0.2.7] said: 550 5.7.27 The sender's domain nomail.example "
          "has a null MX record (in reply to MAIL FROM command)", "rejected", False, "relayed-sender-nullmx"),
    _case(ORG, "5.7.27", "", "550 5.7.27", "rejected", False, "bare-code"),
    # null MX of the recipient's domain: the destination takes no mail, hard
    _case(ORG, "5.7.27", "", "550 Host does not accept mail", "notaccept", True, "sendmail-recipient-nullmx"),
    _case(ORG, "5.7.27", "RCPT", "556 5.7.27 <reader@nomail.example>: Recipient address rejected: Domain "
          "nomail.example does not accept mail (nullMX)", "notaccept", True, "recipient-nullmx-under-5.7.27"),
    _case(ORG, "5.1.10", "RCPT", "556 5.1.10 <reader@nomail.example>: Recipient address rejected: Domain "
          "nomail.example does not accept mail (nullMX)", "notaccept", True, "postfix-recipient-nullmx-5.1.10"),
    # Gmail's SPF failure of the sending domain: authentication, soft
    _case(GMAIL, "5.7.27", "DATA", "550-5.7.27 Your email has been blocked because SPF authentication didn't pass "
          "for this message. Gmail requires all bulk email senders to authenticate with SPF. Authentication "
          "results: SPF [example.com] with ip: [192.0.2.1] = did not pass. - gsmtp", "authfailure", False,
          "gmail-direct"),
    _case(RELAY, "5.7.27", "DATA", "550 5.7.27 Your email has been blocked because SPF authentication didn't pass "
          "for this message.", "authfailure", False, "gmail-relayed-first-sentence-only"),
    _case(RELAY, "5.7.27", "DATA", "550 5.7.27 The sending domain example.com does not pass SPF for 192.0.2.1",
          "authfailure", False, "relayed-does-not-pass-spf"),
    _case(RELAY, "5.7.27", "", "bounce: 550 5.7.27 SPF check failed for example.com", "authfailure", False,
          "esp-summary"),
    _case(RELAY, "4.7.27", "DATA", "421 4.7.27 Your email has been rate limited because SPF authentication didn't "
          "pass for this message.", "authfailure", False, "gmail-relayed-rate-limit"),
    _case(RELAY, "4.7.27", "DATA", "421 4.7.27", "authfailure", False, "bare-4.7.27"),
]


@pytest.mark.parametrize("where,status,command,diagnostic,reason,hard", CASES)
def test_x727_gets_the_reason_and_hardness_its_words_mean(where, status, command, diagnostic, reason, hard):
    rhost, destination = where
    action = "delayed" if status.startswith("4") else "failed"
    replycode = diagnostic[:3] if diagnostic[:3].isdigit() else "550"
    got, why = classify(Evidence(action=action, rhost=rhost, destination=destination, status=status,
                                 command=command, diagnostic=diagnostic, replycode=replycode))
    assert got == reason, why
    assert is_hard(got, status, replycode) is hard


# The whole way through the decoder: a Postfix DSN for a receiver that refused the sender's
# null-MX domain. The recipient is no hard bounce: only the sender's domain needs fixing.
_POSTFIX_SENDER_NULLMX = """\
From: MAILER-DAEMON@mail.nomail.example (Mail Delivery System)
To: news@nomail.example
Subject: Undelivered Mail Returned to Sender
Date: Mon, 3 Mar 2025 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

This is the mail system at host mail.nomail.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<reader@example.org>: host mx.example.org[192.0.2.7] said: 550 5.7.27
    <news@nomail.example>: Sender address rejected: Domain nomail.example does
    not accept mail (nullMX) (in reply to RCPT TO command)

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.nomail.example
Arrival-Date: Mon, 3 Mar 2025 09:59:58 +0000

Final-Recipient: rfc822; reader@example.org
Original-Recipient: rfc822;reader@example.org
Action: failed
Status: 5.7.27
Remote-MTA: dns; mx.example.org
Diagnostic-Code: smtp; 550 5.7.27 <news@nomail.example>: Sender address
    rejected: Domain nomail.example does not accept mail (nullMX)

--B
Content-Type: text/rfc822-headers

From: news@nomail.example
To: reader@example.org
Subject: Our news
Message-ID: <news-1@nomail.example>

--B--
"""


def test_a_postfix_report_of_a_null_mx_sender_is_a_soft_sender_rejection():
    from bouncetui import decode

    records = decode(_POSTFIX_SENDER_NULLMX.replace("\n", "\r\n").encode(), "sender-nullmx.eml")
    assert [(r.recipient, r.deliverystatus, r.reason, r.hardbounce) for r in records] == [
        ("reader@example.org", "5.7.27", "rejected", False)]
