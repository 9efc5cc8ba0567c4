"""Openwave (Critical Path) InterMail notices from any operator: "Mail System Error - Returned Mail".

The same software that writes au's Postmaster notices (see `ezweb`) runs at ISPs and carriers
elsewhere; their notices open with

    This Message was undeliverable due to the following reason:

then one of the software's sentences ("Each of the following recipients was rejected by a remote
mail server.", "Your message was not delivered within 5 days: Host mx.example.org is not
responding.", "The user(s) account is disabled.", ...) and the recipients, as "Recipient: <a>"
with the server's reason, or bare after "The following recipients did not receive this
message:". They are read as au's are; this decoder takes those from any mail system's sender.
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta import ezweb
from bouncetui.decode.mta.common import is_notification, wrapped
from bouncetui.decode.report import Report

NAME = "InterMail"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("this message was undeliverable due to the following reason",)

_BANNER = wrapped(r"^\s*This Message was undeliverable due to the following reason:", re.I | re.M)  # also wrapped


def decode(message: Message) -> Report | None:
    if not is_notification(message) or not _BANNER.search(message.body):
        return None
    return ezweb.decode_notice(message, NAME)
