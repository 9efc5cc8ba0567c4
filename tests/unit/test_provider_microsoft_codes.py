"""Exchange Online's own status codes mean what Microsoft documents, however the reply reaches us.

Each documented code's reply (the wording of Microsoft's "Email non-delivery reports and SMTP
errors in Exchange Online") is read three ways: as Exchange Online writes it, with its host tag
("[AM9PR01MB7777.eurprd01.prod.outlook.com ...]") and from its host; the same reply without the tag
from a host that is not Microsoft's (an NDR whose reply omits it, a gateway in front of it); and as
another MTA relays it (a Postfix DSN's "host ... said: ..."). A code with a three-digit detail is
Microsoft's own extension and names it; so does its documented sentence. A whole Postfix DSN
carrying such a reply is decoded too, end to end.
"""

from __future__ import annotations

import re

import pytest

from bouncetui.classify import Evidence, classify
from bouncetui.classify.providers.microsoft import CODES
from bouncetui.decode import decode

TAG = " [AM9PR01MB7777.eurprd01.prod.outlook.com 2026-11-28T10:00:00.000Z 08DD0000AAAA0000]"
EXO_HOST = "example-org.mail.protection.outlook.com"

# (status, reply code, Microsoft's documented text, the reason it means)
DOCUMENTED = [
    ("4.4.316", "450", "Connection refused [Message=Socket error code 10061] "
                       "[LastAttemptedServerName=mx.example.org] [LastAttemptedIP=192.0.2.1:25]", "networkerror"),
    ("4.7.500", "451", "Server busy. Please try again later from [192.0.2.1]. (S77714)", "ratelimited"),
    ("4.7.606", "451", "Access denied, please try again later", "blocked"),
    ("4.7.650", "451", "The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation.",
     "badreputation"),
    ("4.7.850", "451", "Access denied, please try again later", "blocked"),
    ("5.0.350", "550", "Generic error, x-dg-ref header is too long", "policyviolation"),
    ("5.0.350", "550", "Requested action not taken: policy violation", "policyviolation"),
    ("5.1.8", "550", "Access denied, bad outbound sender", "rejected"),
    ("5.1.10", "550", "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "userunknown"),
    ("5.1.90", "550", "Your message can't be sent because you've reached your daily limit for message "
                      "recipients", "ratelimited"),
    ("5.2.121", "550", "Recipient's per hour message receive limit from specific sender exceeded.", "ratelimited"),
    ("5.2.122", "550", "Recipient's per hour message receive limit exceeded.", "ratelimited"),
    ("5.4.1", "550", "Recipient address rejected: Access denied", "userunknown"),
    ("5.4.1", "550", "Relay Access Denied", "norelaying"),
    ("5.4.6", "554", "Routing loop detected", "networkerror"),
    ("5.4.14", "554", "Hop count exceeded - possible mail loop", "networkerror"),
    ("5.4.300", "550", "Message expired", "expired"),
    ("5.4.310", "550", "DNS domain example.org does not exist", "hostunknown"),
    ("5.4.312", "550", "DNS query failed", "networkerror"),
    ("5.4.316", "550", "Message expired, connection refused", "expired"),
    ("5.7.12", "550", "Sender was not authenticated by organization", "rejected"),
    ("5.7.124", "550", "Sender not in allowed-senders list", "rejected"),
    ("5.7.13", "550", "RESOLVER.RST.AuthRequired; Sender not in allowed-senders list", "rejected"),
    ("5.7.133", "550", "RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery "
                       "restriction check failed because the sender was not authenticated when sending to this "
                       "group", "rejected"),
    ("5.7.134", "550", "RESOLVER.RST.SenderNotAuthenticatedForMailbox; authentication required; Delivery "
                       "restriction check failed because the sender was not authenticated when sending to this "
                       "mailbox", "rejected"),
    ("5.7.135", "550", "RESOLVER.RST.SenderNotAuthenticatedForPublicFolder; authentication required",
     "rejected"),
    ("5.7.136", "550", "RESOLVER.RST.SenderNotAuthenticatedForMailUser; authentication required", "rejected"),
    ("5.7.23", "550", "The message was rejected because of Sender Policy Framework violation", "authfailure"),
    ("5.7.25", "550", "Access denied, the sending IPv6 address [2001:db8::1] must have a reverse DNS record",
     "requireptr"),
    ("4.7.26", "451", "Access denied, a message sent over IPv6 [2001:db8::1] must pass either SPF or DKIM "
                      "validation, this message is not signed", "authfailure"),
    ("5.7.501", "550", "Access denied, spam abuse detected", "rejected"),
    ("5.7.502", "550", "Access denied, spam abuse detected", "rejected"),
    ("5.7.503", "550", "Access denied, spam abuse detected", "rejected"),
    ("5.7.505", "550", "Access denied, banned recipient", "suspend"),
    ("5.7.506", "550", "Access Denied, Bad HELO", "blocked"),
    ("5.7.507", "550", "Access denied, rejected by recipient", "blocked"),
    ("5.7.508", "550", "Access denied, [192.0.2.1] has exceeded permitted limits within 192.0.2.0/24 range",
     "ratelimited"),
    ("5.7.509", "550", "Access denied, sending domain [example.com] does not pass DMARC verification and has a "
                       "DMARC policy of reject.", "authfailure"),
    ("5.7.510", "550", "Access denied, [example.org] does not accept email over IPv6", "blocked"),
    ("5.7.520", "550", "Access denied, Your organization does not allow external forwarding. Please contact "
                       "your administrator for further assistance. AS(7555)", "policyviolation"),
    ("5.7.57", "530", "Client not authenticated to send anonymous mail during MAIL FROM", "securityerror"),
    ("5.7.64", "550", "TenantAttribution; Relay Access Denied", "norelaying"),
    ("5.7.606", "550", "Access denied, banned sending IP [192.0.2.1]. To request removal from this list "
                       "please visit https://sender.office.com", "blocked"),
    ("5.7.700", "550", "Access denied, tenant has exceeded threshold", "ratelimited"),
    ("5.7.705", "550", "Access denied, tenant has exceeded threshold", "ratelimited"),
    ("5.7.708", "550", "Access denied, traffic not accepted from this IP", "blocked"),
    ("5.7.750", "550", "Service unavailable. Client blocked from sending from unregistered domains", "rejected"),
]

CASES = [pytest.param(*row, id="%s-%d" % (row[0], n)) for n, row in enumerate(DOCUMENTED)]


def reason(status: str, reply: str, diagnostic: str, rhost: str, destination: str = "example.org") -> str:
    got, _why = classify(Evidence(action="failed", status=status, replycode=reply, diagnostic=diagnostic,
                                  rhost=rhost, destination=destination))
    return got


@pytest.mark.parametrize(("status", "reply", "text", "expected"), CASES)
def test_as_exchange_online_writes_it_with_its_host_tag(status, reply, text, expected):
    assert reason(status, reply, f"{reply} {status} {text}{TAG}", EXO_HOST) == expected


@pytest.mark.parametrize(("status", "reply", "text", "expected"), CASES)
def test_without_the_host_tag_from_a_host_that_is_not_microsofts(status, reply, text, expected):
    assert reason(status, reply, f"{reply} {status} {text}", "mx.example.org") == expected


@pytest.mark.parametrize(("status", "reply", "text", "expected"), CASES)
def test_relayed_by_postfix(status, reply, text, expected):
    said = f"host relay.example.net[192.0.2.7] said: {reply} {status} {text} (in reply to end of DATA command)"
    assert reason(status, reply, said, "relay.example.net") == expected


@pytest.mark.parametrize(("status", "text", "expected"), [
    # the documented sentences alone, under a relay's generic status: they are Microsoft's
    ("5.0.0", "550 Access denied, please try again later", "blocked"),
    ("5.0.0", "550 Recipient's per hour message receive limit exceeded.", "ratelimited"),
    ("5.0.0", "550 Generic error, x-dg-ref header is too long", "policyviolation"),
    ("5.0.0", "550 Access denied, [example.org] does not accept email over IPv6", "blocked"),
    ("5.0.0", "550 Access denied, tenant has exceeded threshold", "ratelimited"),
    ("5.0.0", "550 Access denied, rejected by recipient", "blocked"),
    ("5.0.0", "550 Access denied, banned recipient", "suspend"),
    ("5.0.0", "550 Access denied, banned sender[192.0.2.1]", "blocked"),  # 5.7.511: the IP
    ("5.0.0", "550 Access denied, banned sender", "rejected"),  # older Exchange: the account
    ("5.0.0", "550 Access denied, sending domain example.com doesn't meet the required authentication level",
     "authfailure"),
    ("5.0.0", "550 Delivery restriction check failed because the sender was not authenticated when sending to "
              "this group", "rejected"),
])
def test_microsofts_documented_wording_alone_names_it(status, text, expected):
    assert reason(status, text[:3], text, "relay.example.net") == expected


@pytest.mark.parametrize(("status", "text", "expected"), [
    # Microsoft's own words under a standard code, from a host that is not Microsoft's
    ("5.2.2", "554 5.2.2 Submission quota exceeded", "ratelimited"),  # the sender's quota, no full mailbox
    ("5.7.1", "530 5.7.1 Client was not authenticated", "norelaying"),
    ("5.7.51", "550 5.7.51 TenantInboundAttribution; Rejecting mail from IP 192.0.2.1", "blocked"),
])
def test_microsofts_own_words_under_a_standard_code_name_it(status, text, expected):
    assert reason(status, text[:3], text, "mx.example.org") == expected


def test_a_standard_code_without_microsofts_words_keeps_its_generic_reading():
    assert reason("5.2.2", "552", "552 5.2.2 Mailbox full", "mx.example.org") == "mailboxfull"


def test_the_per_hour_limits_are_no_held_message_nor_a_full_mailbox():
    # 5.2.121 / 5.2.122 read generically would be x.2.x mailbox statuses (onhold, mailboxfull)
    for status in ("5.2.121", "5.2.122"):
        assert reason(status, "550", "550 %s Recipient's limit reached" % status, "mx.example.org") == "ratelimited"


def test_a_three_digit_code_inside_an_ip_address_or_a_version_names_no_one():
    # "10.5.2.121" is an address, "5.7.510.2" a version: the reply stays a generic 5.0.0
    generic = reason("5.0.0", "550", "550 5.0.0 Message refused by 10.5.2.121", "mx.example.org")
    assert generic == reason("5.0.0", "550", "550 5.0.0 Message refused by 10.0.0.1", "mx.example.org")
    assert reason("4.0.0", "451", "451 4.0.0 Temporary failure (filter 4.7.606.2)", "mx.example.org") != "blocked"


def test_a_code_other_mtas_share_is_read_as_microsofts_only_from_microsoft():
    # 5.4.8: a loop to Exchange Online (the MX points back); from anyone else the code says nothing
    assert reason("5.4.8", "554", "554 5.4.8 Hop count exceeded" + TAG, EXO_HOST) == "networkerror"
    assert reason("5.4.8", "554", "554 5.4.8 Temporary failure", "mx.example.org") != "networkerror"


# the codes read by a rule of their own before the table: Outlook.com's "Server busy", its IP reputation
READ_BEFORE_THE_TABLE = {"4.7.500": "ratelimited", "4.7.650": "badreputation"}


def test_every_own_code_of_the_table_names_microsoft_without_its_host():
    # every code a row of Microsoft's own stands for, alone in a reply from a host that is not
    # Microsoft's, gets that row's reason (the first row that has it, as the table is read)
    own = [(re.compile("(?:%s)$" % row.codes), row.reason) for row in CODES if row.own]
    checked = 0
    for code in ("%d.%d.%d" % (c, s, d) for c in (4, 5) for s in range(8) for d in range(100, 1000)):
        expected = READ_BEFORE_THE_TABLE.get(code) or next((r for p, r in own if p.match(code)), None)
        if expected is None:
            continue
        checked += 1
        assert reason(code, "550" if code[0] == "5" else "451", "%s %s Refused" % (code[0] + "50", code),
                      "mx.example.org") == expected, code
    assert checked > 300  # the ranges 4.7.500-699, 4.7.850-899, 5.7.600-649 and 5.7.700-749 among them


POSTFIX_DSN = b"""\
From: MAILER-DAEMON@relay.example.net (Mail Delivery System)
To: sender@example.com
Subject: Undelivered Mail Returned to Sender
Date: Sat, 28 Nov 2026 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

--B1
Content-Type: text/plain; charset=us-ascii

This is the mail system at host relay.example.net.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<rcpt@example.org>: host relay2.example.net[192.0.2.7] said: 550 5.2.121
    Recipient's per hour message receive limit from specific sender exceeded.
    (in reply to end of DATA command)

--B1
Content-Type: message/delivery-status

Reporting-MTA: dns; relay.example.net

Final-Recipient: rfc822; rcpt@example.org
Original-Recipient: rfc822;rcpt@example.org
Action: failed
Status: 5.2.121
Remote-MTA: dns; relay2.example.net
Diagnostic-Code: smtp; 550 5.2.121 Recipient's per hour message receive limit
    from specific sender exceeded.

--B1
Content-Type: message/rfc822

From: sender@example.com
To: rcpt@example.org
Subject: hello
Message-ID: <m1@example.com>

hello
--B1--
"""


def test_a_postfix_dsn_relaying_a_per_hour_limit_is_rate_limited():
    (bounce,) = decode(POSTFIX_DSN)
    assert (bounce.recipient, bounce.deliverystatus, bounce.reason) == ("rcpt@example.org", "5.2.121", "ratelimited")
    assert not bounce.hardbounce


@pytest.mark.parametrize("status", ["5.2.2", "5.2.0"])
def test_the_store_drivers_quota_exception_is_a_full_mailbox(status):
    """Exchange's store driver refuses a mailbox over its shut-off quota with QuotaExceededException,
    under 5.2.2 or (Exchange 2010 and 2013) the undefined 5.2.0; its submission quota is the sender's."""
    text = ("554 %s STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to "
            "process message due to a permanent exception with message Cannot open mailbox" % status)
    assert reason(status, "554", text, "exch13.corp-example.com", "corp-example.com") == "mailboxfull"
    text = "554 5.2.2 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message"
    assert reason("5.2.2", "554", text, "exch13.corp-example.com", "corp-example.com") == "ratelimited"
