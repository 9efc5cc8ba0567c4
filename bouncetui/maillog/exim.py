"""Exim log lines: the mainlog ("2026-11-26 08:00:00 ID ...") and the same lines sent to syslog.

Shapes read (after the time, an optional ".mmm", an optional " +0100" zone and " [PID]"):

- `ID <= sender ... id=MESSAGE-ID` arrival; `ID <= <> R=ORIGID ...` is the bounce Exim generated
  for message ORIGID;
- `ID => r@x [<orig@y>] R=router T=transport H=host [IP] ...` delivered; `->` another address
  delivered in the same batch; `*>` delivery suppressed;
- `ID ** r@x [<orig@y>] R=... T=... H=host [IP]: SMTP error from remote mail server after
  RCPT TO:<r@x>: 550 ...` failed (`: retry timeout exceeded` means the deferrals expired);
- `ID == r@x R=... T=... defer (110): Connection timed out` deferred;
- `ID Completed`;
- `H=(helo) [IP] F=<s> rejected RCPT <r>: relay not permitted` (also "temporarily rejected").

Exim IDs are 16 characters (`1abcDE-0001Ab-Cd`), 23 since Exim 4.97 (`1abcDE-0000000ABC-0000`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bouncetui.decode.fields import find_command
from bouncetui.maillog.base import Parser

_FLAGS = {"**": "bounced", "==": "deferred", "=>": "sent", "->": "sent", "*>": "sent"}
_EXPIRY = ("retry timeout exceeded",)
_STALE_DEFERRAL = "retry time not reached"
_FIELD = re.compile(r" (?P<key>[A-Za-z]+)=(?P<value>\S+)")
_REPLY = re.compile(r"SMTP error from remote mail server after [^:]*?(?::<[^>]*>)?(?: [A-Z]+=\S+)*: (.*)$", re.S)
_REJECT = re.compile(r"(?:^| )H=(?P<client>.*?) F=<(?P<sender>[^>]*)>(?: .*?)?"
                     r" (?:temporarily )?rejected RCPT <(?P<rcpt>[^>]*)>: ?(?P<reply>.*)$", re.S)
_CONFIRMATION = re.compile(r' C="([^"]*)"')
_HOST = re.compile(r" H=(?:\()?([^\s()\[]+)")


def is_mainlog_line(line: str) -> bool:
    """"2026-11-26 08:00:00 ..." — Exim's own log (rather than a syslog line)."""
    return line[10:11] == " " and line[4:5] == "-" and line[13:14] == ":" and line[:4].isdigit()


def time_end(line: str, p: int) -> int:
    """The end of an Exim time that starts at p: the seconds, a fraction and a zone."""
    e = p + 19
    if line[e:e + 1] == ".":
        e += 1
        while line[e:e + 1].isdigit():
            e += 1
    if line[e:e + 2] in (" +", " -") and line[e + 2:e + 6].isdigit():
        e += 6
    return e


def client_host(text: str) -> str:
    """"mail.example.net (helo) [192.0.2.9]" -> "mail.example.net"; "(helo) [192.0.2.9]" (no
    reverse DNS: the HELO name is the client's claim) -> "192.0.2.9"."""
    words = text.split()
    if words and not words[0].startswith(("(", "[")):
        return words[0].lower()
    ip = next((w for w in words if w.startswith("[")), "")
    return ip.strip("[]").partition("]")[0]


class EximParser(Parser):
    decodedby = "Exim log"

    def handler(self, program: str) -> Callable[[str, int, int, int], bool]:
        return self.syslog

    def mainlog(self, line: str, lineno: int) -> bool:
        e = time_end(line, 0)
        return self.body(line, e, line[:e], "", lineno)

    def syslog(self, line: str, k: int, s: int, lineno: int) -> bool:
        p = k + 3
        if is_mainlog_line(line[p:p + 20]):
            e = time_end(line, p)
            _, host = self.stamp_host(line[:s])
            return self.body(line, e, line[p:e], host, lineno)
        text, _, host = line[:s].rstrip().rpartition(" ")
        return self.body(line, k + 2, text, host, lineno)

    def body(self, line: str, p: int, when: str, host: str, lineno: int) -> bool:
        """The part after the time: `[PID] ID FLAG ...` or a line without a message ID."""
        if line[p:p + 2] == " [":
            p = line.find("]", p) + 1
        q = line.find(" ", p + 1)
        ident = line[p + 1:q]
        if q < 0 or len(ident) not in (16, 23) or ident[6] != "-":
            if line.find("rejected RCPT <", p) > 0:
                return self.reject(line, p, when, host, lineno)
            return False
        flag = line[q + 1:q + 3]
        logstatus = _FLAGS.get(flag)
        if logstatus is None:
            if flag == "<=":
                return self.arrival(line, q + 4, ident)
            if line.startswith("Completed", q + 1):
                msg = self.messages.get(ident)
                if msg is not None and not msg.pending:
                    del self.messages[ident]
                return True
            return False
        msg = self.messages.get(ident)
        if self.skips_success(logstatus, msg):
            return True
        return self.delivery(line, q + 4, ident, logstatus, when, host, lineno)

    def arrival(self, line: str, p: int, ident: str) -> bool:
        sender = line[p:line.find(" ", p)] if line.find(" ", p) > 0 else line[p:].strip()
        msg = self.message(ident)
        msg.sender = "" if sender == "<>" else sender.strip("<>")
        for m in _FIELD.finditer(line, p):
            key = m.group("key")
            if key == "id":
                msg.messageid = m.group("value").strip("<>")
            elif key == "R" and sender == "<>":  # the bounce of message R
                original = self.messages.get(m.group("value"))
                if original is not None:
                    self.notify(original, ident)
        return True

    def delivery(self, line: str, p: int, ident: str, logstatus: str, when: str, host: str,
                 lineno: int) -> bool:
        rest = line[p:].rstrip("\r\n")
        sp = rest.find(" ")
        address, tail = (rest, "") if sp < 0 else (rest[:sp], rest[sp:])
        if address.endswith(":"):
            address, tail = address[:-1], ":" + tail
        alias = ""
        if tail.startswith(" <"):
            e = tail.find(">")
            alias, tail = tail[2:e], tail[e + 1:]
        fields, _, text = tail.partition(": ")
        msg = self.message(ident)
        key = address.lower()
        if logstatus == "deferred" and text.startswith(_STALE_DEFERRAL) and key in msg.pending:
            return True  # no new attempt: keep the deferral that says why
        stamp = self.clock.stamp(when)
        if logstatus == "bounced" and text.startswith(_EXPIRY):
            if key in msg.pending:
                self.expire_pending(msg, stamp, only=key)
                return True
            logstatus = "expired"
        if logstatus == "sent":  # the remote's acceptance, C="250 ...", when logged
            accepted = _CONFIRMATION.search(tail)
            text = accepted.group(1) if accepted else ""
        m = _REPLY.search(text)
        rhost = _HOST.search(fields)
        record = self.record(
            line, lineno, logstatus=logstatus, stamp=stamp, recipient=address, queueid=ident, alias=alias,
            addresser=msg.sender, messageid=msg.messageid, diagnostic=m.group(1) if m else text,
            diagnostictype="SMTP" if m else "", command=find_command(text),
            rhost=rhost.group(1).lower() if rhost else "", lhost=host)
        self.settle(msg, record)
        return True

    def reject(self, line: str, p: int, when: str, host: str, lineno: int) -> bool:
        m = _REJECT.search(line, p)
        if not m:
            return False
        self.collector.add(self.record(
            line, lineno, logstatus="rejected", stamp=self.clock.stamp(when), recipient=m.group("rcpt"),
            addresser=m.group("sender"), diagnostic=m.group("reply").strip(), diagnostictype="SMTP",
            command="RCPT", rhost=client_host(m.group("client")), lhost=host))
        return True
