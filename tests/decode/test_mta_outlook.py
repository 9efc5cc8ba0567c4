"""Outlook.com / Hotmail DSNs: the fields, and the notice's sentence when there is no diagnostic."""

from __future__ import annotations

from bouncetui import decode

DSN = b"""\
From: postmaster@mail.hotmail.com
To: yuri@hotmail.example
Subject: Delivery Status Notification (Failure)
Date: Fri, 13 Nov 2026 08:00:00 -0800
X-Message-Delivery: Vj0xLjE7dXM9MDtsPTA7YT0wO0Q9MQ==
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="H"

--H
Content-Type: text/plain; charset=unicode-1-1-utf-7

This is an automatically generated Delivery Status Notification.

Unable to deliver message to the following recipients, due to being unable to connect successfully to the destination mail server.

       zoe@far.example

--H
Content-Type: message/delivery-status

Reporting-MTA: dns;BAY004-OMC1S10.hotmail.com
Arrival-Date: Fri, 13 Nov 2026 07:00:00 -0800

Final-Recipient: rfc822;zoe@far.example
Action: failed
Status: 4.4.7

--H
Content-Type: message/rfc822

From: Yuri <yuri@hotmail.example>
To: zoe@far.example
Subject: Hello
Message-ID: <hello-77@hotmail.example>

Hi
--H--
"""


def test_hotmail_dsn_without_diagnostic_uses_the_notice_sentence():
    (record,) = decode(DSN, "outlook.eml")
    assert record.decodedby == "Outlook"
    assert record.recipient == "zoe@far.example"
    assert record.deliverystatus == "4.4.7"
    assert "unable to connect successfully" in record.diagnosticcode
    assert record.lhost == "bay004-omc1s10.hotmail.com"
    assert record.messageid == "hello-77@hotmail.example"


def test_with_a_diagnostic_code_it_is_kept():
    coded = DSN.replace(b"Status: 4.4.7\n", b"Status: 5.1.1\nDiagnostic-Code: smtp;550 5.1.1 <zoe@far.example>... User Unknown\n")
    (record,) = decode(coded, "outlook.eml")
    assert record.diagnosticcode == "550 5.1.1 <zoe@far.example>... User Unknown"
    assert (record.deliverystatus, record.replycode, record.reason) == ("5.1.1", "550", "userunknown")


def test_another_servers_dsn_received_at_hotmail_is_not_claimed():
    other = DSN.replace(b"From: postmaster@mail.hotmail.com", b"From: postmaster@iis.example.org").replace(
        b"Reporting-MTA: dns;BAY004-OMC1S10.hotmail.com", b"Reporting-MTA: dns;iis.example.org"
    )
    assert all(r.decodedby != "Outlook" for r in decode(other, "x.eml"))


def test_hotmail_server_name_with_its_header_is_enough():
    renamed = DSN.replace(b"From: postmaster@mail.hotmail.com", b"From: postmaster@mail.partner.example").replace(
        b"Reporting-MTA: dns;BAY004-OMC1S10.hotmail.com", b"Reporting-MTA: dns;BAY004-OMC1S10.partner.example"
    )
    (record,) = decode(renamed, "outlook.eml")
    assert record.decodedby == "Outlook"
