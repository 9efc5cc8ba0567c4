"""A report's time is the same after more hops: a relay or a fetchmail adds a Received on top."""

from __future__ import annotations

from bouncetui import decode

NOTICE = b"""\
Received: from mx.example.net (mx.example.net [192.0.2.25]) by mail.example.com with ESMTP id 3B4C5D;
	Tue, 11 Mar 2014 22:31:57 +0900
Received: by mx.example.net (Postfix) id 9F8E7D; Tue, 11 Mar 2014 22:30:00 +0900 (JST)
From: MAILER-DAEMON@mx.example.net
To: owner@example.com
Subject: failure notice

Hi. This is the qmail-send program at mx.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<missing@example.net>:
Sorry, no mailbox here by that name. (#5.1.1)
"""
HOP = b"""\
Received: from mail.example.com (mail.example.com [198.51.100.7]) by pop.example.org (fetchmail-6.4.37)
	for <owner@localhost> (single-drop); Sat, 28 Nov 2026 06:00:00 +0000 (UTC)
"""


def test_a_report_without_date_is_dated_by_its_oldest_received():
    (record,) = decode(NOTICE)
    assert (record.timestamp, record.timezoneoffset) == (1394544600, "+0900")  # 22:30:00 +0900
    (relayed,) = decode(HOP + NOTICE)
    assert (relayed.timestamp, relayed.timezoneoffset, relayed.token) == (
        record.timestamp, record.timezoneoffset, record.token)
