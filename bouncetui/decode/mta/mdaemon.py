"""MDaemon bounces: "The attached message had PERMANENT fatal delivery errors!" and a dated
session transcript between "--- Session Transcript ---" and "--- End Transcript ---".

    ... --> RCPT To:<user@example.net>
    ... <-- 550 5.1.1 User unknown

The failed recipient is the one of the last RCPT before the failing reply, else the "*  To:" line;
the last command sent before the failing reply is the stage.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, is_notification, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "MDaemon"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("the attached message had ",)

# (also wrapped at another width: see common.wrapped)
_BANNER = wrapped(r"The attached message had (PERMANENT fatal|TEMPORARY non-fatal|transient) delivery errors", re.I)
_TRANSCRIPT = re.compile(r"^-{3}\s*Session Transcript\s*-{3}\s*$(.*?)(?:^-{3}\s*End Transcript\s*-{3}|\Z)",
                         re.MULTILINE | re.DOTALL | re.IGNORECASE)
# each line of the transcript starts with its time: " Tue 2026-11-24 15:03:10.010: "
_STAMPED = re.compile(r"\n(?=\s*\w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d)")
_SENT = re.compile(r"-->\s*(\S+)(.*)$")
_GOT = re.compile(r"<--\s*(.*)$")
_TO = re.compile(r":\s*\*\s+To:\s*(.+)$")
_STAGES = {"RCPT": "RCPT", "MAIL": "MAIL", "DATA": "DATA", "EHLO": "EHLO", "HELO": "HELO", "STARTTLS": "STARTTLS"}


def decode(message: Message) -> Report | None:
    body = message.text_of("text/plain") or message.body
    banner = _BANNER.search(body)
    if not banner or not is_notification(message):
        return None
    transcript = _TRANSCRIPT.search(body)
    if not transcript:
        return None
    command = rcpt = to = reply = failed_command = failed_rcpt = ""
    for line in _STAMPED.split(transcript.group(1)):
        line = collapse(line)  # a line wrapped at another width, made one again
        sent, got, header = _SENT.search(line), _GOT.search(line), _TO.search(line)
        if header and not to:
            to = clean_address(header.group(1))
        if sent:
            command = _STAGES.get(sent.group(1).upper().rstrip(":"), command)
            if command == "RCPT":
                rcpt = clean_address(sent.group(2))
        elif got and got.group(1)[:1] in ("4", "5") and not reply:
            reply, failed_command, failed_rcpt = collapse(got.group(1)), command, rcpt
    recipient = (failed_rcpt if failed_command == "RCPT" else "") or rcpt or to
    if not recipient:
        return None
    delivery = Delivery(
        recipient=recipient,
        diagnostic=reply,
        replycode=find_replycode(reply[:4]),
        command=failed_command,
        action="failed" if banner.group(1).upper().startswith("PERMANENT") else "delayed",
    )
    return Report(NAME, [delivery], message.original)
