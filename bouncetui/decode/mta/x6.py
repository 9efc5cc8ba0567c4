"""X6: an unnamed MTA's "We had trouble delivering your message. Full details follow:".

    1 error(s):

    SMTP Server <mx.example.org> rejected recipient <user@example.org> (Error following RCPT
    command). It responded as follows: [550 5.1.1 User unknown]

    The following recipients returned permanent errors: user@example.org. Reason: SMTP Server
    <192.0.2.1> refused to accept your message (DATA), with the following error message: [554 ...]

The remote host, the command and the reply are taken from each error line. The same server's
notice may come without the opening sentence, with the subject "There was an error sending your
mail" and the count ("2 error(s):") before its error lines.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message, parse_headers, part_text
from bouncetui.decode.mta.common import collapse, is_notification
from bouncetui.decode.report import Delivery, Report

NAME = "X6"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("we had trouble delivering your message. full details follow:", "there was an error sending your mail")

_BANNER = re.compile(r"^We had trouble delivering your message\. Full details follow:", re.MULTILINE)
_SUBJECT = re.compile(r"^There was an error sending your mail", re.IGNORECASE)
_COUNT = re.compile(r"^\d+ ?error\(s\):", re.MULTILINE)
_REJECTED = re.compile(
    r"SMTP Server <(?P<host>[^>]+)> rejected recipient <(?P<rcpt>[^>]+)> \(Error following (?P<cmd>[A-Z]+) command\)"
    r"\. It responded as follows: \[(?P<reply>[^\]]*)\]",
    re.IGNORECASE,
)
_REFUSED = re.compile(
    r"The following recipients returned permanent errors: (?P<rcpt>.+?)\. Reason: SMTP Server <(?P<host>[^>]+)> "
    r"refused to accept your message \((?P<cmd>[A-Z]+)\), with the following error message: \[(?P<reply>[^\]]*)\]",
    re.IGNORECASE,
)


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    body = message.text_of("text/plain") or message.body
    if not _BANNER.search(body) and not (_SUBJECT.match(message.subject) and _COUNT.search(body)):
        return None
    deliveries = []
    found = []
    for line in body.split("\n\n"):
        line = collapse(line)
        found.extend(m for pattern in (_REJECTED, _REFUSED) for m in pattern.finditer(line))
    for m in found:
        for rcpt in m.group("rcpt").split(","):
            if clean_address(rcpt):
                deliveries.append(
                    Delivery(
                        recipient=clean_address(rcpt),
                        rhost=m.group("host").lower(),
                        command=m.group("cmd").upper(),
                        diagnostic=m.group("reply"),
                        replycode=find_replycode(m.group("reply")[:4]),
                    )
                )
    if not deliveries:
        return None
    notice = message.find("text/plain")  # the notice's text (HTML when it came only as HTML)
    texts = [p for p in message.parts if p.get_content_type() == "text/plain" and p is not notice]
    original = message.original
    if original is None and texts:  # the headers come back as a text attachment
        original = parse_headers(part_text(texts[0]))
    return Report(NAME, deliveries, original)
