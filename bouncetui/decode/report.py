"""What a decoder hands back: a Report of per-recipient Deliveries, before classification.

Every decoder (RFC 3464, ARF, RFC 3834, and one per MTA in `decode/mta/`) is a module with
`NAME` (the `decodedby` value) and `decode(message) -> Report | None`. A decoder fills what its
format states; `decode.assemble` derives the rest (reply code from the diagnostic, the command,
the reason) the same way for every format.
"""

from __future__ import annotations

import email.message
from dataclasses import dataclass, field


@dataclass
class Delivery:
    """One recipient's delivery status as the report states it (strings, "" when absent)."""

    recipient: str = ""
    alias: str = ""  # Original-Recipient, or the address before forwarding
    action: str = ""  # failed, delayed, delivered, relayed, expanded
    status: str = ""  # enhanced status code, "5.1.1"
    replycode: str = ""  # SMTP reply code, "550"
    diagnostic: str = ""  # the remote server's words
    diagnostictype: str = ""  # "SMTP", "X-Unix", "X-Postfix", ...
    command: str = ""  # the SMTP command it failed at
    rhost: str = ""  # the remote MTA
    lhost: str = ""  # the reporting MTA
    date: str = ""  # Last-Attempt-Date or Arrival-Date, as written
    reason: str = ""  # when the format itself names the reason
    feedbacktype: str = ""
    spec: str = ""  # "SMTP" etc. when the decoder knows the diagnostic is an SMTP reply


@dataclass
class Report:
    """A decoded report: who decoded it, every recipient in it, and the message that bounced."""

    decodedby: str
    deliveries: list[Delivery] = field(default_factory=list)
    original: email.message.Message | None = None  # headers of the returned message
    fields: dict[str, str] = field(default_factory=dict)  # per-message fields (Reporting-MTA, ...)
