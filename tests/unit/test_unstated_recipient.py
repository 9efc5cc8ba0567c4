"""A complaint report that redacts the recipient is listed, and says the recipient is not stated."""

from __future__ import annotations

import dataclasses
import io
import json

from bouncetui import decode
from bouncetui.formats import NOT_STATED, write_jsonl, write_table
from bouncetui.tui.columns import BY_KEY
from bouncetui.tui.widgets.details import FIELDS

_COMPLAINT = """\
From: <fbl@isp.example.net>
To: <abuse@sender.example.org>
Subject: Abuse report
Date: Wed, 04 Mar 2026 09:00:00 +0000
Message-ID: <fbl-7@isp.example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="B"

--B
Content-Type: text/plain; charset=us-ascii

This is an abuse report for a message received from IP 192.0.2.7.

--B
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: Example-FBL/1.0
Version: 1
Source-IP: 192.0.2.7

--B
Content-Type: message/rfc822

From: Newsletter <news@sender.example.org>
To: undisclosed-recipients:;
Subject: Our spring offers
Message-ID: <offer-42@sender.example.org>
Date: Wed, 04 Mar 2026 08:00:00 +0000

Hello
--B--
"""


def _record():
    records = decode(_COMPLAINT.replace("\n", "\r\n").encode(), "hand-written")
    assert len(records) == 1
    return records[0]


def test_the_complaint_is_kept_with_an_empty_recipient_in_the_data():
    """The record is there (the complaint and the message it is about), and the machine-readable
    output does not invent an address: the recipient stays empty."""
    record = _record()
    assert record.reason == "feedback"
    assert record.messageid == "offer-42@sender.example.org"
    out = io.StringIO()
    write_jsonl([record], out)
    assert json.loads(out.getvalue())["recipient"] == ""


def test_a_person_reads_that_the_recipient_is_not_stated():
    """The table, the explorer's list and its detail pane show "(not stated)", not an empty cell,
    and the table marks the row a complaint ("cmpl") as the explorer does, not a soft bounce."""
    record = _record()
    out = io.StringIO()
    write_table([record], out, width=120)
    row = out.getvalue().splitlines()[1]
    assert NOT_STATED in row
    assert " cmpl " in row and " soft " not in row
    assert BY_KEY["recipient"].value(record) == NOT_STATED
    assert dict(FIELDS)["Recipient"](record) == NOT_STATED


def test_a_stated_recipient_is_shown_as_it_is():
    record = dataclasses.replace(_record(), recipient="a@example.net")
    assert BY_KEY["recipient"].value(record) == "a@example.net"
    assert dict(FIELDS)["Recipient"](record) == "a@example.net"
