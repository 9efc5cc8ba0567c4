"""Sendmail and Exim logs: the shapes of tests/fixtures/maillog/sendmail.log and exim_mainlog,
and Exim lines sent to syslog (timestamps.log)."""

from __future__ import annotations

import calendar
import os
import shutil
from pathlib import Path

import pytest

from bouncetui.maillog import read_logs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "maillog"


pytestmark = pytest.mark.usefixtures("utc")  # log times are local time


def read(tmp_path: Path, name: str, include_sent=True):
    target = tmp_path / name
    shutil.copyfile(FIXTURES / name, target)
    stamp = calendar.timegm((2026, 11, 30, 12, 0, 0))
    os.utime(target, (stamp, stamp))
    return read_logs(str(target), include_sent=include_sent)


def one(scan, recipient):
    found = [r for r in scan.records if r.recipient == recipient]
    assert len(found) == 1, (recipient, found)
    return found[0]


# -- Sendmail ---------------------------------------------------------------------------------------

def test_sendmail_failure_with_sender_and_msgid(tmp_path):
    r = one(read(tmp_path, "sendmail.log"), "nobody@example.org")
    b = r.bounce
    assert (r.logstatus, r.queueid, r.notification) == ("bounced", "5A68000a001234", "5A68000b001235")
    assert (b.deliverystatus, b.diagnosticcode, b.reason, b.hardbounce) == ("5.1.1", "User unknown", "userunknown", True)
    assert (b.addresser, b.messageid, b.rhost, b.decodedby) == ("news@example.jp", "sm-one@example.jp", "mx.example.org", "Sendmail log")


def test_sendmail_recipient_list_on_one_line(tmp_path):
    scan = read(tmp_path, "sendmail.log")
    assert one(scan, "ok@example.org").logstatus == "sent"
    assert one(scan, "ok2@example.org").logstatus == "sent"


def test_sendmail_deferral_expires_with_cannot_send_dsn(tmp_path):
    r = one(read(tmp_path, "sendmail.log"), "later@example.net")
    assert (r.logstatus, r.notification) == ("expired", "5A68000c001236")  # not the 4-hour warning
    assert r.bounce.diagnosticcode == "Connection refused by mx.example.net."
    assert r.bounce.timestamp == calendar.timegm((2026, 11, 11, 8, 0, 5))


def test_sendmail_ruleset_reject_and_message_too_large(tmp_path):
    scan = read(tmp_path, "sendmail.log")
    relay = one(scan, "someone@elsewhere.example")
    assert (relay.logstatus, relay.bounce.replycode, relay.bounce.reason) == ("rejected", "550", "norelaying")
    assert relay.bounce.rhost == "bad.example"
    assert one(scan, "toolong@example.com").bounce.reason == "emailtoolarge"


def test_sendmail_line_counts_and_queue_only_mode(tmp_path):
    scan = read(tmp_path, "sendmail.log")
    stats = scan.files[0]
    assert (stats.lines, stats.ignored, stats.unknown) == (13, 1, 0)  # the STARTTLS line is ignored
    assert not [r for r in scan.records if r.recipient == "queued@example.org"]  # stat=queued: no attempt


# -- Exim -------------------------------------------------------------------------------------------

def test_exim_failure_after_rcpt(tmp_path):
    r = one(read(tmp_path, "exim_mainlog"), "nobody@example.org")
    b = r.bounce
    assert (r.logstatus, r.queueid, r.notification) == ("bounced", "1vAbCd-000123-Xy", "1vAbCe-000456-Zz")
    assert b.diagnosticcode.startswith("550 5.1.1 <nobody@example.org>")
    assert (b.command, b.replycode, b.rhost, b.reason) == ("RCPT", "550", "mx.example.org", "userunknown")
    assert (b.addresser, b.messageid, b.decodedby) == ("news@example.jp", "exim-one@example.jp", "Exim log")
    assert b.timestamp == calendar.timegm((2026, 11, 26, 8, 0, 1))


def test_exim_deliveries_and_extra_addresses(tmp_path):
    scan = read(tmp_path, "exim_mainlog")
    assert one(scan, "alice@example.org").logstatus == "sent"   # =>
    assert one(scan, "alice2@example.org").logstatus == "sent"  # ->


def test_exim_original_address_and_unrouteable(tmp_path):
    r = one(read(tmp_path, "exim_mainlog"), "nosuch@example.jp")
    assert (r.bounce.alias, r.bounce.diagnosticcode) == ("list@example.jp", "Unrouteable address")


def test_exim_deferral_then_retry_timeout_is_one_expired_record(tmp_path):
    r = one(read(tmp_path, "exim_mainlog"), "slow@example.com")
    assert (r.logstatus, r.notification) == ("expired", "1vAbCf-000789-Aa")
    assert r.bounce.diagnosticcode == "Connection timed out"  # not "retry time not reached"
    assert r.bounce.timestamp == calendar.timegm((2026, 11, 30, 8, 0, 5))


def test_exim_long_ids_fraction_zone_and_pid(tmp_path):
    r = one(read(tmp_path, "exim_mainlog"), "deep@example.net")
    assert r.queueid == "1vAbCg-00000000ABC-0001"
    assert (r.bounce.timestamp, r.bounce.timezoneoffset) == (calendar.timegm((2026, 11, 26, 9, 0, 2)), "+0100")
    assert (r.bounce.command, r.bounce.reason, r.bounce.messageid) == ("DATA", "emailtoolarge", "exim-two@example.jp")


def test_exim_rcpt_reject(tmp_path):
    r = one(read(tmp_path, "exim_mainlog"), "someone@elsewhere.example")
    assert (r.logstatus, r.bounce.addresser, r.bounce.rhost) == ("rejected", "spammer@bad.example", "203.0.113.9")
    assert r.bounce.diagnosticcode == "relay not permitted"


def test_exim_failures_only_by_default(tmp_path):
    scan = read(tmp_path, "exim_mainlog", include_sent=False)
    assert sorted(r.recipient for r in scan.records) == [
        "deep@example.net", "nobody@example.org", "nosuch@example.jp", "slow@example.com",
        "someone@elsewhere.example"]


# -- every timestamp shape, and Exim through syslog ---------------------------------------------------

def test_every_timestamp_shape_in_one_log(tmp_path):
    scan = read(tmp_path, "timestamps.log")
    instant = calendar.timegm((2026, 11, 5, 1, 15, 30))
    assert len(scan.records) == 11
    assert {r.bounce.timestamp for r in scan.records} == {instant}
    assert {r.bounce.decodedby for r in scan.records} == {"Postfix log", "Exim log"}
    assert one(scan, "eximnotime@example.org").queueid == "1vAbCi-000998-Bc"
    assert one(scan, "nohost@example.org").bounce.lhost == ""  # a syslog line without a host
    assert scan.files[0].unknown == 2  # journalctl's "-- Logs begin" and "-- Boot" lines
