"""Benchmark: read a generated 1,000,000-line Postfix log and print lines per second.

    .venv/bin/python bench/maillog.py [--lines N] [--all]

The log (written to a temporary directory and removed afterwards) follows a realistic sending:
per message smtpd connect/client/disconnect, cleanup message-id, qmgr from/removed and one
delivery line; about 5% of the recipients bounce, 4% are deferred (most then delivered, some
expired), and a few smtpd rejects and unrelated lines are mixed in. Measures; never fails.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time

from bouncetui.maillog import read_logs

MONTH = "Nov"


def stamp(t: int) -> str:
    day, rest = divmod(t, 86400)
    return "%s %2d %02d:%02d:%02d" % (MONTH, day + 1, rest // 3600, (rest // 60) % 60, rest % 60)


def generate(path: str, lines: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    written = 0
    t = 0
    n = 0
    later: list[tuple[int, str]] = []  # (time, line) for retries and expiries
    with open(path, "w", encoding="utf-8") as out:
        def emit(text: str) -> None:
            nonlocal written
            out.write("%s mail %s\n" % (stamp(t), text))
            written += 1

        while written < lines:
            n += 1
            t += rng.choice((0, 0, 1))
            qid = "%X" % (0x4A0000000 + n * 7919)
            pid = 1000 + n % 50
            rcpt = "user%d@%s" % (n, rng.choice(("example.com", "example.org", "example.net", "example.jp")))
            emit("postfix/smtpd[%d]: connect from client%d.example.com[198.51.100.%d]" % (pid, n % 200, n % 250))
            emit("postfix/smtpd[%d]: %s: client=client%d.example.com[198.51.100.%d]" % (pid, qid, n % 200, n % 250))
            emit("postfix/cleanup[%d]: %s: message-id=<%d.%s@example.jp>" % (pid + 1, qid, 20261105000000 + n, qid))
            emit("postfix/qmgr[99]: %s: from=<news@example.jp>, size=%d, nrcpt=1 (queue active)" % (qid, 2000 + n % 5000))
            emit("postfix/smtpd[%d]: disconnect from client%d.example.com[198.51.100.%d] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5" % (pid, n % 200, n % 250))
            roll = rng.random()
            head = "postfix/smtp[%d]: %s: to=<%s>, relay=mx.%s[192.0.2.%d]:25, delay=0.%d, delays=0.01/0/0.1/0.2, dsn=" % (
                pid + 2, qid, rcpt, rcpt.split("@")[1], n % 250, n % 10)
            if roll < 0.05:
                emit(head + "5.1.1, status=bounced (host mx.%s[192.0.2.1] said: 550 5.1.1 <%s>: Recipient address rejected: User unknown (in reply to RCPT TO command))" % (rcpt.split("@")[1], rcpt))
                emit("postfix/bounce[98]: %s: sender non-delivery notification: B%s" % (qid, qid))
                emit("postfix/qmgr[99]: %s: removed" % qid)
            elif roll < 0.09:
                emit(head + "4.7.1, status=deferred (host mx.%s[192.0.2.1] said: 451 4.7.1 Greylisted, try again later (in reply to RCPT TO command))" % rcpt.split("@")[1])
                if roll < 0.085:
                    later.append((t + 300, head + "2.0.0, status=sent (250 2.0.0 OK)"))
                    later.append((t + 300, "postfix/qmgr[99]: %s: removed" % qid))
                else:
                    later.append((t + 3000, "postfix/qmgr[99]: %s: from=<news@example.jp>, status=expired, returned to sender" % qid))
                    later.append((t + 3000, "postfix/bounce[98]: %s: sender non-delivery notification: B%s" % (qid, qid)))
            else:
                emit(head + "2.0.0, status=sent (250 2.0.0 OK id=%d)" % n)
                emit("postfix/qmgr[99]: %s: removed" % qid)
            if n % 97 == 0:
                emit("postfix/smtpd[%d]: NOQUEUE: reject: RCPT from unknown[203.0.113.%d]: 554 5.7.1 <x%d@elsewhere.example>: Relay access denied; from=<spam@bad.example> to=<x%d@elsewhere.example> proto=ESMTP helo=<bad>" % (pid, n % 250, n, n))
            if n % 53 == 0:
                emit("dovecot: imap-login: Login: user=<user%d>, method=PLAIN" % n)
            while later and later[0][0] <= t:
                _, text = later.pop(0)
                emit(text)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--all", action="store_true", help="also keep delivered recipients")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "maillog")
        written = generate(path, args.lines)
        size = os.path.getsize(path)
        started, cpu = time.perf_counter(), time.process_time()
        scan = read_logs(path, include_sent=args.all)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    stats = scan.files[0]
    print("%d lines (%.1f MB) in %.2f s: %d lines/s (CPU time %.2f s: %d lines/s; the difference is"
          " other load on the machine)" % (written, size / 1e6, elapsed, written / elapsed, cpu, written / cpu))
    print("%d records; used %d, ignored %d, unknown %d lines" % (
        len(scan.records), stats.used, stats.ignored, stats.unknown))


if __name__ == "__main__":
    main()
