"""Postfix log lines: delivery results, the queue manager, cleanup, bounce and smtpd rejects.

Shapes read (after the syslog header "TIME HOST postfix/SERVICE[PID]: "):

- delivery (smtp, lmtp, local, virtual, pipe, error, retry, discard, qmgr):
  `QID: to=<r>[, orig_to=<o>], relay=H[IP]:PORT|none|local, [conn_use=N,] delay=T,
  delays=a/b/c/d, [tls=...,] dsn=X.Y.Z, status=STATUS (text)`; STATUS is sent, bounced,
  deferred, expired, undeliverable/deliverable (address probes) or SOFTBOUNCE; unknown key=value
  fields are ignored. A remote refusal reads `host H[IP] said: 550 ... (in reply to RCPT TO
  command)`.
- qmgr `QID: from=<s>, size=N, nrcpt=N (queue active)`, `QID: from=<s>, status=expired,
  returned to sender`, `QID: removed`;
- cleanup `QID: message-id=<...>`, and its `reject:`/`milter-reject:` of a header or body;
- bounce `QID: sender non-delivery notification: NDRQID` (also "sender delay notification" and
  "postmaster non-delivery notification");
- smtpd `NOQUEUE: reject: RCPT from H[IP]: 554 5.7.1 <r>: Relay access denied; from=<s> to=<r>
  proto=ESMTP helo=<h>` (also with a queue ID, and milter-reject).

Each handler checks cheap substrings before any regular expression, and returns whether the line
was used; lines it skips allocate nothing but the queue ID slice at most.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bouncetui.maillog.base import Parser, no_queue

# Postfix status -> logstatus
STATUSES = {
    "sent": "sent",
    "deliverable": "sent",
    "bounced": "bounced",
    "undeliverable": "bounced",
    "deferred": "deferred",
    "SOFTBOUNCE": "deferred",
    "expired": "expired",
}
# "host H[IP] said: 550 ... (in reply to RCPT TO command)"; "host H[IP] refused to talk to me: 554
# ..." is the greeting's refusal
_SAID = re.compile(r"^host (?P<host>[^\s\[]+)\[(?P<ip>[^\]]*)\](?::\d+)? (?P<verb>said|refused to talk to me):"
                   r" (?P<reply>.*?)(?: \(in reply to (?P<stage>.+?) command\))?$", re.S)
# "lost connection with H[IP] while sending RCPT TO", "conversation with H[IP] timed out while
# receiving the initial server greeting"
_WHILE = re.compile(r" while (?:sending|receiving) (?:the )?(?P<stage>RCPT TO|MAIL FROM|DATA command|"
                    r"end of data|message body|initial server greeting)", re.IGNORECASE)
_REJECT = re.compile(
    r"(?P<kind>milter-reject|reject): (?P<stage>[A-Z][A-Z-]*|header|body) .*?from "
    r"(?P<client>[^\s\[]+)\[(?P<ip>[^\]]*)\](?::\d+)?(?:: (?P<reply>.*?))?; "
    r"from=<(?P<sender>[^>]*)>(?: to=<(?P<to>[^>]*)>)?(?P<rest>.*)$", re.S)
_PEER = re.compile(r"(?:connect to|with|from) ([^\s\[]+)\[")
_STAGES = {"RCPT TO": "RCPT", "MAIL FROM": "MAIL", "END-OF-MESSAGE": "DATA", "end of DATA": "DATA",
           "CONNECT": "CONN", "header": "DATA", "body": "DATA", "DATA command": "DATA",
           "end of data": "DATA", "message body": "DATA", "initial server greeting": "CONN"}


def host_of_relay(relay: str) -> str:
    """"mx.example.com[192.0.2.1]:25" -> "mx.example.com"; none, local and transport names
    (virtual, dovecot: a local delivery agent's relay) -> ""."""
    host, bracket, _ = relay.partition("[")
    return host.lower() if bracket and host not in ("none", "local") else ""


class PostfixParser(Parser):
    decodedby = "Postfix log"

    def handler(self, service: str) -> Callable[[str, int, int, int], bool] | None:
        """The handler for one Postfix program ("smtp", "qmgr", ...); None for programs whose
        lines carry nothing for us."""
        return {
            "smtp": self.delivery, "lmtp": self.delivery, "local": self.delivery,
            "virtual": self.delivery, "pipe": self.delivery, "error": self.delivery,
            "retry": self.delivery, "discard": self.delivery, "qmgr": self.qmgr,
            "cleanup": self.cleanup, "bounce": self.bounce, "smtpd": self.smtpd,
        }.get(service)

    # -- delivery ------------------------------------------------------------------------------

    def delivery(self, line: str, k: int, s: int, lineno: int) -> bool:
        a = line.find(": to=<", k)
        if a < 0:
            return False
        j = line.find(", status=", a)
        if j < 0:
            return False
        queueid = line[k + 3:a]
        e = line.find(" ", j + 9)
        if e < 0:
            e = len(line.rstrip())
        logstatus = STATUSES.get(line[j + 9:e])
        if logstatus is None:
            return False
        msg = self.messages.get(queueid)
        if self.skips_success(logstatus, msg):
            return True
        fields = {}
        for item in line[a + 2:j].split(", "):
            key, _, value = item.partition("=")
            fields[key] = value
        rest = line[e:].strip()
        text = rest[1:-1] if rest.startswith("(") and rest.endswith(")") else rest
        recipient = fields.get("to", "").strip("<>")
        relay = fields.get("relay", "")
        rhost, diagnostic, dtype, command = host_of_relay(relay), text, "X-Postfix", ""
        said = _SAID.match(text) if text.startswith("host ") else None
        if not rhost:
            near = _PEER.search(text)
            rhost = near.group(1).lower() if near else ""
        if said:
            rhost, diagnostic, dtype = said.group("host").lower(), said.group("reply"), "SMTP"
            stage = said.group("stage") or ("CONNECT" if said.group("verb") != "said" else "")
            command = _STAGES.get(stage, stage.split()[0].upper() if stage else "")
        else:
            during = _WHILE.search(text)
            command = _STAGES.get(during.group("stage"), "") if during else ""
        if msg is None:
            msg = self.message(queueid)
        stamp, host = self.stamp_host(line[:s])
        record = self.record(
            line, lineno, logstatus=logstatus, stamp=stamp, recipient=recipient, queueid=queueid,
            alias=fields.get("orig_to", "").strip("<>"), addresser=msg.sender,
            messageid=msg.messageid, status=fields.get("dsn", ""), diagnostic=diagnostic,
            diagnostictype=dtype, command=command, rhost=rhost, lhost=host)
        self.settle(msg, record)
        return True

    # -- queue manager, cleanup, bounce ---------------------------------------------------------

    def qmgr(self, line: str, k: int, s: int, lineno: int) -> bool:
        a = line.find(": from=<", k)
        if a < 0:
            if line.find(": to=<", k) > 0:
                return self.delivery(line, k, s, lineno)
            r = line.find(": removed", k)
            if r > 0:
                self.messages.pop(line[k + 3:r], None)
                return True
            return False
        queueid = line[k + 3:a]
        b = line.find(">", a)
        sender = line[a + 8:b]
        msg = self.message(queueid)
        msg.sender = sender
        if line.find("status=expired", b) > 0:
            stamp, _ = self.stamp_host(line[:s])
            self.expire_pending(msg, stamp)
        return True

    def cleanup(self, line: str, k: int, s: int, lineno: int) -> bool:
        a = line.find(": message-id=", k)
        if a < 0:
            if line.find("reject: ", k) > 0:
                return self.reject(line, k, s, lineno)
            return False
        queueid = line[k + 3:a]
        value = line[a + 13:].strip().strip("<>")
        old = self.messages.get(queueid)
        if old is None or old.messageid or old.pending:  # a new message (queue IDs get reused)
            self.messages.pop(queueid, None)
            old = self.message(queueid)
        old.messageid = value
        return True

    def bounce(self, line: str, k: int, s: int, lineno: int) -> bool:
        a = line.find(" notification: ", k)
        if a < 0:
            return False
        e = line.find(": ", k + 3)  # "QID: sender non-delivery notification: NDRQID"
        kind = line[e + 2:a]
        # the sender's bounce or delay warning; not the postmaster's copy, nor a success notice
        # ("sender delivery status notification", asked for with NOTIFY=SUCCESS)
        if kind not in ("sender non-delivery", "sender delay"):
            return True
        msg = self.messages.get(line[k + 3:e])
        if msg is not None:
            self.notify(msg, line[a + 15:].strip(), delay=kind == "sender delay")
        return True

    # -- smtpd rejects -----------------------------------------------------------------------------

    def smtpd(self, line: str, k: int, s: int, lineno: int) -> bool:
        if line.find("reject: ", k) < 0:
            return False
        return self.reject(line, k, s, lineno)

    def reject(self, line: str, k: int, s: int, lineno: int) -> bool:
        m = _REJECT.search(line, k)
        if not m or not m.group("to"):
            return False
        reply = m.group("reply") or m.group("rest").partition(": ")[2]
        reply = reply.strip()
        queueid = no_queue(line[k + 3:line.find(": ", k + 3)])
        msg = self.messages.get(queueid) if queueid else None
        stage = m.group("stage")
        client = m.group("client").lower()
        client = m.group("ip") if client == "unknown" else client
        stamp, host = self.stamp_host(line[:s])
        record = self.record(
            line, lineno, logstatus="rejected", stamp=stamp, recipient=m.group("to"), queueid=queueid,
            addresser=m.group("sender"), messageid=msg.messageid if msg else "", diagnostic=reply,
            diagnostictype="SMTP", command=_STAGES.get(stage, stage), rhost=client,
            lhost=host)
        self.collector.add(record)
        return True
