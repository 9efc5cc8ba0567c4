"""Apache James, MailFoundry and MailMarshal SMTP bounces (formats absent from the dev corpus)."""

from __future__ import annotations

from bouncetui import decode

JAMES = b"""\
From: postmaster@james.example.org
To: me@example.com
Subject: [BOUNCE]
Content-Type: text/plain

Hi. This is the James mail server at james.example.org.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.  Below
I include the list of recipients and the reason why I was unable to deliver
your message.

Failed recipient(s):
    nobody@example.net

Error message:
    550 5.1.1 <nobody@example.net>... User Unknown

Message details:
  Subject: hello
  MAIL FROM: me@example.com
  RCPT TO: nobody@example.net
  From: Me <me@example.com>
  To: nobody@example.net
"""

MAILFOUNDRY = b"""\
From: MAILER-DAEMON@filter.example.jp
Subject: Message delivery has failed
Content-Type: text/plain

Unable to deliver message to: <nobody@example.net>
Delivery failed for the following reason:
Server mx.example.net[192.0.2.22] failed with: 550 <nobody@example.net> No such user here

This has been a permanent failure.  No further delivery attempts will be made.
"""

MAILMARSHAL = b"""\
From: postmaster@gw.example.jp
Subject: Undeliverable Mail: "hello"
Content-Type: text/plain

Your message:
   From:    me@example.jp
   Subject: hello

Could not be delivered because of

550 5.1.1 User unknown

The following recipients were affected:
   nobody@example.com

Additional Information
======================

Remote-MTA:         <192.0.2.222>
Reporting-MTA:      <gw.example.jp>

Original message follows.

From: me@example.jp
To: nobody@example.com
Subject: hello
"""


def test_apache_james():
    (rec,) = decode(JAMES)
    assert (rec.decodedby, rec.recipient, rec.replycode, rec.deliverystatus) == (
        "ApacheJames", "nobody@example.net", "550", "5.1.1")
    assert rec.diagnosticcode == "550 5.1.1 <nobody@example.net>... User Unknown"
    assert (rec.lhost, rec.addresser) == ("james.example.org", "me@example.com")


def test_mailfoundry():
    (rec,) = decode(MAILFOUNDRY)
    assert (rec.decodedby, rec.recipient, rec.rhost, rec.replycode) == (
        "MailFoundry", "nobody@example.net", "mx.example.net", "550")
    assert rec.diagnosticcode == "550 <nobody@example.net> No such user here"


def test_mailmarshal():
    (rec,) = decode(MAILMARSHAL)
    assert (rec.decodedby, rec.recipient, rec.deliverystatus, rec.replycode) == (
        "MailMarshalSMTP", "nobody@example.com", "5.1.1", "550")
    assert (rec.rhost, rec.lhost, rec.addresser) == ("192.0.2.222", "gw.example.jp", "me@example.jp")
