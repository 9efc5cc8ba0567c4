"""Correlation of log records with bounce records: each key, the time windows, silent failures,
bounce mails without a log entry, and the queue IDs read from a raw bounce."""

from __future__ import annotations

import os
from pathlib import Path

from bouncetui.maillog.correlate import MailKeys, correlate, correlate_paths, keys_of, silent_failures
from bouncetui.maillog.record import make_record
from bouncetui.model import Bounce

T0 = 1793872800  # 2026-11-05 10:00:00 UTC


def logged(recipient, logstatus="bounced", queueid="4P1AbC0DEF", at=T0, messageid="m1@example.jp",
           notification="", alias=""):
    return make_record(origin="maillog", lineno=1, logline="", logstatus=logstatus,
                       decodedby="Postfix log", stamp=(at, "+0000"), recipient=recipient,
                       queueid=queueid, alias=alias, addresser="news@example.jp",
                       messageid=messageid, status="5.1.1", diagnostic="550 5.1.1 User unknown",
                       notification=notification)


def bounce(recipient, at=T0 + 5, messageid="", origin="mail.eml", position=1, reason="userunknown"):
    return Bounce(origin=origin, position=position, timestamp=at, recipient=recipient,
                  messageid=messageid, reason=reason, action="failed")


def test_queue_id_links_the_nearest_message_of_a_reused_id():
    old = logged("a@example.org", at=T0)
    new = logged("a@example.org", at=T0 + 3600, messageid="m2@example.jp")
    mail = bounce("a@example.org", at=T0 + 3605)
    result = correlate([old, new], [mail], {("mail.eml", 1): MailKeys(queueid="4P1AbC0DEF")})
    assert [(link.outcome, link.matchedby) for link in result.links] == [("silent", ""), ("returned", "queueid")]


def test_queue_id_outside_the_window_does_not_link():
    record = logged("a@example.org", at=T0)
    mail = bounce("a@example.org", at=T0 + 30 * 86400)
    result = correlate([record], [mail], {("mail.eml", 1): MailKeys(queueid="4P1AbC0DEF")}, window=86400)
    assert result.links[0].outcome == "silent" and result.orphan_mails == 1


def test_notification_queue_id_links():
    record = logged("a@example.org", notification="4P1AbD1GHI", messageid="")
    result = correlate([record], [bounce("a@example.org")], {("mail.eml", 1): MailKeys(notification="4P1AbD1GHI")})
    assert result.links[0].matchedby == "notification"


def test_message_id_links_across_any_time_and_the_alias_counts_as_the_recipient():
    record = logged("final@example.org", alias="listed@example.jp", at=T0)
    mail = bounce("listed@example.jp", at=T0 + 40 * 86400, messageid="m1@example.jp")
    result = correlate([record], [mail])
    assert (result.links[0].matchedby, result.links[0].mails()) == ("messageid", ["mail.eml"])


def test_recipient_and_time_window_prefer_a_failure_over_a_delivery():
    sent = logged("a@example.org", logstatus="sent", at=T0, messageid="")
    failed = logged("a@example.org", at=T0 + 600, messageid="", queueid="4P9")
    result = correlate([sent, failed], [bounce("a@example.org", at=T0 + 700)])
    assert [link.matchedby for link in result.links] == ["", "recipient"]


def test_a_delivery_can_come_back_later_as_a_bounce():
    sent = logged("a@example.org", logstatus="sent", messageid="")
    result = correlate([sent], [bounce("a@example.org", at=T0 + 1800)])
    assert (result.links[0].outcome, result.failures, result.silent) == ("returned", 0, 0)


def test_silent_failures_and_orphans():
    records = [logged("a@example.org"), logged("b@example.org"), logged("c@example.org", logstatus="deferred"),
               logged("d@example.org", logstatus="rejected", queueid="", messageid="")]
    mails = [bounce("a@example.org", origin="one.eml"),
             bounce("x@example.org", origin="mbox", position=3),
             bounce("y@example.org", origin="mbox", position=3),
             bounce("d@example.org", origin="two.eml"),  # an smtpd reject is never our bounce
             bounce("a@example.org", origin="arf.eml", reason="feedback")]  # a complaint is not a bounce
    result = correlate(records, mails)
    assert [link.outcome for link in result.links] == ["returned", "silent", "", ""]
    assert [r.recipient for r in silent_failures(result)] == ["b@example.org"]
    assert (result.failures, result.silent, result.returned) == (4, 1, 1)
    assert [b.recipient for b in result.orphans] == ["x@example.org", "y@example.org", "d@example.org"]
    assert result.orphan_mails == 2


def test_a_recipient_outside_the_window_is_not_linked():
    result = correlate([logged("a@example.org", messageid="")], [bounce("a@example.org", at=T0 + 10 * 86400)])
    assert result.links[0].outcome == "silent"


def test_keys_of_a_postfix_bounce():
    raw = (b"Date: Thu, 5 Nov 2026 10:00:03 +0000\r\nMessage-Id: <20261105100003.4P1AbD1GHI@mail.example.jp>\r\n"
           b"Content-Type: multipart/report\r\n\r\nReporting-MTA: dns; mail.example.jp\r\n"
           b"X-Postfix-Queue-ID: 4P1AbC0DEF\r\n\r\nMessage-Id: <20261105100000.4P1AbC0DEF@mail.example.jp>\r\n")
    assert keys_of(raw) == MailKeys(queueid="4P1AbC0DEF", notification="4P1AbD1GHI")
    assert keys_of(b"Message-ID: <abc@example.com>\n\nbody") == MailKeys()


def test_by_bounce_maps_each_linked_bounce_to_its_log_record():
    record = logged("a@example.org")
    mail = Bounce(origin="one.eml", recipient="a@example.org", timestamp=T0 + 5, token="t1", reason="userunknown")
    other = Bounce(origin="two.eml", recipient="x@example.org", timestamp=T0 + 5, token="t2", reason="userunknown")
    links = correlate([record], [mail, other]).by_bounce()
    assert list(links) == ["t1"] and links["t1"].record is record


def test_correlate_paths_reads_logs_and_mail(tmp_path):
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "maillog"
    log = tmp_path / "maillog"
    log.write_text((fixtures / "postfix.log").read_text(encoding="utf-8"), encoding="utf-8")
    os.utime(log, (T0 + 86400 * 20,) * 2)  # the syslog year comes from the file's time
    result, errors = correlate_paths([str(log)], [str(fixtures / "bounces")])
    assert errors == [] and result.orphan_mails == 1
    assert {link.record.recipient for link in result.links if link.outcome == "returned"} >= {
        "bob@example.net", "slow@example.com"}


def test_verp_return_path_names_the_recipient_a_report_does_not():
    raw = (b"Delivered-To: news+lost=example.net@shop.example.jp\nTo: news+lost=example.net@shop.example.jp\n"
           b"Subject: failure notice\n\nSorry, I couldn't deliver your message.\n")
    keys = keys_of(raw)
    assert keys.verp == "lost@example.net"
    record = logged("lost@example.net", messageid="")
    result = correlate([record, logged("other@example.net", messageid="")],
                       [bounce("", at=T0 + 60)], {("mail.eml", 1): keys})
    assert [(link.outcome, link.matchedby) for link in result.links] == [("returned", "recipient"), ("silent", "")]
