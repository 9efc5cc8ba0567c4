"""Postfix logs: every line shape of tests/fixtures/maillog/postfix.log read into LogRecords."""

from __future__ import annotations

import calendar
import os
import shutil
from pathlib import Path

import pytest

from bouncetui.maillog import read_logs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "maillog"


pytestmark = pytest.mark.usefixtures("utc")  # log times are local time


def copy_log(tmp_path: Path, name: str, mtime=(2026, 11, 30)) -> str:
    target = tmp_path / name
    shutil.copyfile(FIXTURES / name, target)
    stamp = calendar.timegm(mtime + (12, 0, 0))
    os.utime(target, (stamp, stamp))
    return str(target)


@pytest.fixture
def scan(tmp_path):
    return read_logs(copy_log(tmp_path, "postfix.log"), include_sent=True)


def by_recipient(scan, recipient):
    found = [r for r in scan.records if r.recipient == recipient]
    assert found, recipient
    return found


def test_smtp_refusal_with_every_field(scan):
    r = by_recipient(scan, "nobody@example.org")[0]
    b = r.bounce
    assert (r.logstatus, r.queueid, r.notification) == ("bounced", "4P1AbC0DEF", "4P1AbD1GHI")
    assert (b.deliverystatus, b.replycode, b.command) == ("5.1.1", "550", "RCPT")
    assert b.diagnosticcode.startswith("550 5.1.1 <nobody@example.org>: Recipient address rejected")
    assert not b.diagnosticcode.endswith("command)")
    assert (b.rhost, b.lhost, b.alias) == ("mx.example.org", "mail", "old-nobody@example.jp")
    assert (b.addresser, b.senderdomain) == ("news@example.jp", "example.jp")
    assert b.messageid == "20261105100000.4P1AbC0DEF@mail.example.jp"
    assert (b.reason, b.hardbounce, b.action, b.decodedby) == ("userunknown", True, "failed", "Postfix log")
    assert b.timestamp == calendar.timegm((2026, 11, 5, 10, 0, 1))
    assert b.origin.endswith("postfix.log") and b.position == 7
    assert r.logline.startswith("Nov  5 10:00:01 mail postfix/smtp[104]: 4P1AbC0DEF: to=<nobody")


def test_unknown_key_value_fields_are_tolerated(scan):
    # the line carries conn_use=, tls= and an invented future_field=42
    assert by_recipient(scan, "nobody@example.org")[0].bounce.deliverystatus == "5.1.1"


@pytest.mark.parametrize("recipient, command, reason, rhost", [
    ("bob@example.net", "DATA", "spamdetected", "mx.example.net"),      # smtp, end of DATA
    ("carol@example.jp", "DATA", "mailboxfull", "mail.example.jp"),     # lmtp over a unix socket
    ("dave@example.jp", "", "userunknown", ""),                         # local
    ("erin@example.jp", "", "mailboxfull", ""),                         # virtual
    ("gone@example.invalid", "", "hostunknown", ""),                    # error (DNS)
    ("listed@example.net", "CONN", "blocked", "mx.example.net"),        # refused at the greeting
    ("flaky@example.org", "RCPT", "networkerror", "mx.example.org"),    # lost connection while ...
])
def test_delivery_agents(scan, recipient, command, reason, rhost):
    b = by_recipient(scan, recipient)[0].bounce
    assert (b.command, b.reason, b.rhost) == (command, reason, rhost)


def test_deferred_then_delivered_is_one_sent_record(scan):
    frank = by_recipient(scan, "frank@example.jp")  # pipe: deferred, then delivered
    assert [r.logstatus for r in frank] == ["sent"]
    grey = by_recipient(scan, "grey@example.com")
    assert [r.logstatus for r in grey] == ["sent"]


def test_deferred_then_expired_is_reported_once_as_expired(scan):
    slow = by_recipient(scan, "slow@example.com")
    assert len(slow) == 1
    r = slow[0]
    assert (r.logstatus, r.bounce.action, r.notification) == ("expired", "failed", "4P2BcF0UVW")
    assert r.bounce.timestamp == calendar.timegm((2026, 11, 10, 11, 0, 40))  # when it expired
    assert "Connection timed out" in r.bounce.diagnosticcode  # why, from the last deferral
    assert r.bounce.rhost == "mx.example.com" and r.bounce.messageid == "msg-two@example.jp"


def test_probe_and_softbounce_statuses(scan):
    assert by_recipient(scan, "probe@example.net")[0].logstatus == "bounced"  # undeliverable
    soft = by_recipient(scan, "soft@example.org")[0]
    assert soft.logstatus == "deferred" and soft.bounce.action == "delayed"  # SOFTBOUNCE


def test_smtpd_and_cleanup_rejects(scan):
    relay = by_recipient(scan, "someone@elsewhere.example")[0]
    assert (relay.logstatus, relay.queueid, relay.bounce.reason) == ("rejected", "", "norelaying")
    assert (relay.bounce.addresser, relay.bounce.rhost) == ("spammer@bad.example", "203.0.113.9")
    submission = by_recipient(scan, "nouser@example.jp")[0]  # postfix/submission/smtpd
    assert (submission.bounce.reason, submission.bounce.rhost) == ("userunknown", "client.example.net")
    milter = by_recipient(scan, "y@example.jp")[0]
    assert (milter.queueid, milter.bounce.command, milter.bounce.deliverystatus) == ("4P5EfG0HIJ", "DATA", "5.7.1")
    header = by_recipient(scan, "z@example.jp")[0]
    assert header.bounce.diagnosticcode == "5.7.1 message content rejected"
    # a MAIL FROM reject names no recipient: no record
    assert not [r for r in scan.records if r.bounce.addresser == "spammer@bad.example"
                and r.recipient != "someone@elsewhere.example"]


def test_reused_queue_id_starts_a_new_message(scan):
    first, second = by_recipient(scan, "nobody@example.org")
    assert first.bounce.messageid != second.bounce.messageid
    assert (second.bounce.messageid, second.bounce.addresser) == ("reused-queue-id@example.jp", "other@example.jp")
    assert second.notification == ""


def test_failures_only_by_default(tmp_path):
    scan = read_logs(copy_log(tmp_path, "postfix.log"))
    assert {r.logstatus for r in scan.records} == {"bounced", "expired", "deferred", "rejected"}
    assert len(scan.records) == 17


def test_a_success_notice_is_not_the_bounce(scan):
    # "sender delivery status notification" (NOTIFY=SUCCESS) comes first; the bounce is the next
    assert by_recipient(scan, "typo@example.com")[0].notification == "4P7GhK0PQR"
    assert by_recipient(scan, "partner@example.com")[0].notification == ""


def test_line_counts(scan):
    stats = scan.files[0]
    assert stats.lines == 54
    assert stats.unknown == 3  # dovecot without a PID, CRON, a line that is no log line
    assert stats.used + stats.ignored + stats.unknown == stats.lines
