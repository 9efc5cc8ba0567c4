"""Sendmail log lines (programs sendmail, sm-mta, sm-msp-queue).

Shapes read (after the syslog header "TIME HOST sendmail[PID]: "):

- `QID: from=<s>, size=N, class=N, nrcpts=N, msgid=<m>, proto=ESMTP, daemon=MTA, relay=H [IP]`
- `QID: to=<r>[,<r2>...], [ctladdr=..., ]delay=HH:MM:SS, xdelay=HH:MM:SS, mailer=esmtp, pri=N,
  relay=H. [IP], dsn=5.1.1, stat=User unknown` (stat=Sent (...), stat=Deferred: ...);
- `QID: NDRQID: DSN: User unknown` (the bounce sendmail generated; "Cannot send message for 5
  days" means the deferred recipients expired; "Warning: could not send message for past ..." is
  a delay warning), and the older `return to sender:`;
- `QID: ruleset=check_rcpt, arg1=<r>, relay=H [IP], reject=550 5.7.1 <r>... Relaying denied`.
"""

from __future__ import annotations

from collections.abc import Callable

from bouncetui.maillog.base import Parser, no_queue

_BY_CLASS = {"2": "sent", "4": "deferred", "5": "bounced"}
# stat= prefixes when there is no dsn=; "queued" (queue-only delivery mode) is no attempt at all
_BY_STAT = (("Sent", "sent"), ("Deferred", "deferred"), ("queued", ""))
_EXPIRY = ("Cannot send message for", "Cannot send message within")
_NOTICES = (": DSN: ", ": return to sender: ")


def _fields(text: str) -> dict[str, str]:
    """"a=1, b=x y, c=2" -> {"a": "1", "b": "x y", "c": "2"} (values may hold spaces)."""
    out: dict[str, str] = {}
    for item in text.split(", "):
        key, sep, value = item.partition("=")
        if sep:
            out[key.strip()] = value
    return out


def _relay_host(relay: str) -> str:
    host = relay.split(" ")[0].strip("[]").rstrip(".").lower()
    return "" if host in ("local", "localhost") else host


class SendmailParser(Parser):
    decodedby = "Sendmail log"

    def handler(self, program: str) -> Callable[[str, int, int, int], bool]:
        return self.line

    def line(self, line: str, k: int, s: int, lineno: int) -> bool:
        a = line.find(": to=", k)
        if a > 0:
            return self.delivery(line, k, s, lineno, a)
        a = line.find(": from=", k)
        if a > 0:
            queueid = line[k + 3:a]
            f = _fields(line[a + 2:].rstrip())
            msg = self.message(queueid)
            msg.sender = f.get("from", "").strip("<>")
            msg.messageid = f.get("msgid", "").strip("<>")
            return True
        for notice in _NOTICES:
            a = line.find(notice, k)
            if a > 0:
                return self.notice(line, k, s, a, len(notice))
        if line.find(": ruleset=check_rcpt, ", k) > 0 and line.find(", reject=", k) > 0:
            return self.reject(line, k, s, lineno)
        return False

    def delivery(self, line: str, k: int, s: int, lineno: int, a: int) -> bool:
        queueid = line[k + 3:a]
        j = line.find(", stat=", a)
        if j < 0:
            return False
        stat = line[j + 7:].rstrip()
        f = _fields(line[a + 2:j])
        dsn = f.get("dsn", "")
        logstatus = _BY_CLASS.get(dsn[:1]) or next((v for p, v in _BY_STAT if stat.startswith(p)), "bounced")
        if not logstatus:
            return True
        msg = self.messages.get(queueid)
        if self.skips_success(logstatus, msg):
            return True
        if msg is None:
            msg = self.message(queueid)
        diagnostic = stat.partition(": ")[2] if stat.startswith("Deferred: ") else stat
        stamp, host = self.stamp_host(line[:s])
        for recipient in f.get("to", "").split(","):
            record = self.record(
                line, lineno, logstatus=logstatus, stamp=stamp, recipient=recipient.strip().strip("<>"),
                queueid=queueid, addresser=msg.sender, messageid=msg.messageid, status=dsn,
                diagnostic=diagnostic, rhost=_relay_host(f.get("relay", "")), lhost=host)
            self.settle(msg, record)
        return True

    def notice(self, line: str, k: int, s: int, a: int, width: int) -> bool:
        """`QID: NDRQID: DSN: text` — sendmail generated a bounce or a delay warning."""
        head = line[k + 3:a]
        queueid, _, ndr = head.partition(": ")
        msg = self.messages.get(queueid)
        if msg is None or not ndr:
            return True
        text = line[a + width:]
        if text.startswith("Warning:"):
            self.notify(msg, ndr, delay=True)
            return True
        if any(text.startswith(p) for p in _EXPIRY):
            stamp, _ = self.stamp_host(line[:s])
            self.expire_pending(msg, stamp)
        self.notify(msg, ndr)
        return True

    def reject(self, line: str, k: int, s: int, lineno: int) -> bool:
        a = line.find(": ruleset=", k)
        queueid = line[k + 3:a]
        f = _fields(line[a + 2:].rstrip())
        reply = f.get("reject", "")
        msg = self.messages.get(queueid)
        stamp, host = self.stamp_host(line[:s])
        self.collector.add(self.record(
            line, lineno, logstatus="rejected", stamp=stamp, recipient=f.get("arg1", "").strip("<>"),
            queueid=no_queue(queueid),
            addresser=msg.sender if msg else "", messageid=msg.messageid if msg else "",
            diagnostic=reply, diagnostictype="SMTP", command="RCPT",
            rhost=_relay_host(f.get("relay", "")), lhost=host))
        return True
