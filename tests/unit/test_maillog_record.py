"""LogRecord: the merged dict form, the expired form, and classification shared between lines
that differ only in the recipient or a server's session ID."""

from __future__ import annotations

from bouncetui.maillog import RECORD_FIELDS, record
from bouncetui.maillog.record import expire, make_record


def build(recipient, diagnostic, logstatus="bounced", status=""):
    return make_record(origin="maillog", lineno=3, logline="the line", logstatus=logstatus,
                       decodedby="Postfix log", stamp=(1793872800, "+0900"), recipient=recipient,
                       queueid="4P1", status=status, diagnostic=diagnostic, rhost="gmail-smtp-in.l.google.com")


def test_to_dict_merges_the_bounce_and_the_log_fields():
    r = build("<a@example.com>", "550 5.1.1 <a@example.com>: User unknown")
    data = r.to_dict()
    assert tuple(data) == RECORD_FIELDS
    assert (data["recipient"], data["destination"], data["deliverystatus"], data["replycode"]) == (
        "a@example.com", "example.com", "5.1.1", "550")
    assert (data["logstatus"], data["queueid"], data["logline"], data["position"]) == ("bounced", "4P1", "the line", 3)
    assert r.failed and not build("b@example.com", "250 ok", "sent").failed


def test_expired_keeps_the_deferral_and_fails():
    deferred = build("a@example.com", "connect to mx.example.com[192.0.2.1]:25: Connection timed out",
                     "deferred", "4.4.1")
    assert deferred.bounce.action == "delayed"
    gone = expire(deferred, (1794304800, "+0900"))
    assert (gone.logstatus, gone.bounce.action, gone.bounce.timestamp) == ("expired", "failed", 1794304800)
    assert gone.bounce.diagnosticcode == deferred.bounce.diagnosticcode and gone.bounce.token == deferred.bounce.token


def test_same_refusal_is_classified_once(monkeypatch):
    calls = []
    real = record.classify
    monkeypatch.setattr(record, "classify", lambda ev: calls.append(ev) or real(ev))
    monkeypatch.setattr(record, "_CACHE", {})
    texts = ["550-5.1.1 The email account that you tried to reach does not exist. %s - gsmtp" % session
             for session in ("d2e1a72fcca58-7a1c3d7b4e5si2245613b3a.310", "a9f3c81bb0e12-5b7e1f00c2d3si7788.42")]
    first = build("x@gmail.com", texts[0] + " <x@gmail.com>")
    second = build("y@gmail.com", texts[1] + " <y@gmail.com>")
    assert first.bounce.reason == second.bounce.reason == "userunknown"
    assert len(calls) == 1
    third = build("z@gmail.com", "552-5.2.2 The recipient's inbox is out of storage space")
    assert third.bounce.reason == "mailboxfull" and len(calls) == 2
