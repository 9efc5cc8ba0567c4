"""Gmail / Google Workspace reports whose delivery-status part names no recipient.

Google's current reports are multipart/report from mailer-daemon@googlemail.com with a headline
("** Address not found **", "** Message not delivered **", "** Message blocked **", "** Delivery
incomplete **"), Google's explanation, then "The response was:" or "The response from the remote
server was:" and the words of the server that refused. When their delivery-status part carries the
RFC 3464 fields the generic decoder reads them; when it is empty (mail Google refused itself, such
as a misconfigured "Send mail as" address, or a notice saved without that part) the recipients come
from X-Failed-Recipients and the diagnostic from the text: each recipient's from the headline's
section whose explanation names it (a notice for several recipients gives each its own), else from
the first; Google's state name in it ("(SENT_MAIL)") gives the SMTP stage.

Google's explanation links to the help topic of the failure ("support.google.com/mail/?p=
CustomFromDenied"): a topic that names the cause settles the reason, as the remote server's words
after "The response was:" often do not (a "Send mail as" server that refused to authenticate is the
sender's misconfigured address, not a blocked client).
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import wrapped
from bouncetui.decode.mta.provider_common import collapse, dsn, failed_recipients, sender_matches
from bouncetui.decode.report import Delivery, Report

NAME = "GoogleWorkspace"

_SENDER = re.compile(r"mailer-daemon@(?:googlemail|gmail|google)\.com", re.IGNORECASE)
_SENDER_WORDS = ("@googlemail.com", "@gmail.com", "@google.com")  # one is in every match of _SENDER (see sender_matches)
# find_report offers a message only when its senders hold one of them (decode needs one first)
SENDERS = _SENDER_WORDS
# (the headline and "The response was:" may be wrapped at another width: see common.wrapped)
_HEADLINE = re.compile(r"^\s*\*\*\s*(?P<title>[^*\n]+?(?:\n[^*\n]+?)?)\s*\*\*[ \t]*$", re.MULTILINE)
# "The response was:" in the languages Google writes the notice in (the sender's account language)
_RESPONSE = wrapped(
    r"^\s*(?:The response (?:from the remote server )?was|(?:リモート\s?サーバーからの)?応答|"
    r"Die Antwort (?:des Remote-Servers )?(?:war|lautete)|La réponse (?:du serveur distant )?était|"
    r"La respuesta (?:del servidor remoto )?fue)\s*[:：]\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_DELAYED = re.compile(r"incomplete|delayed|not yet", re.IGNORECASE)
# Google names the SMTP state it had reached in its own errors: "Unspecified Error (SENT_MAIL)".
_STATE = re.compile(r"\((?:SENT|RCVD)_(?P<state>[A-Z_]+)\)")
# Google's help topics ("?p=NAME" in the explanation's "Learn more" link) that name a cause.
HELP_TOPICS = {
    "NoSuchUser": "userunknown",
    "DisabledUser": "suspend",
    "OverQuotaPerm": "mailboxfull",
    "OverQuotaTemp": "mailboxfull",
    "CustomFromDenied": "rejected",
    "DmarcRejection": "authfailure",
    "RfcMessageNonCompliant": "notcompliantrfc",
    "ReceivingRatePerm": "ratelimited",
    "ReceivingRate": "ratelimited",
    "UnsolicitedMessageError": "spamdetected",
    "UnsolicitedRateLimitError": "ratelimited",
    "MaxSizeError": "emailtoolarge",
}
_TOPIC = re.compile(r"support\.google\.com/(?:mail|a)/(?:[^\s\"'<>?]*)\?p=(?P<topic>[A-Za-z]+)")
STATE_COMMANDS = {
    "GREETING": "CONN",
    "EHLO": "EHLO",
    "SECOND_EHLO": "EHLO",
    "HELO": "HELO",
    "STARTTLS": "STARTTLS",
    "AUTH": "EHLO",
    "MAIL": "MAIL",
    "RCPT": "RCPT",
    "DATA": "DATA",
    "BODY": "DATA",
    "DOT": "DATA",
}


def _section(body: str, headline: re.Match[str], end: int) -> tuple[str, str, str, str]:
    """(explanation, diagnostic, action, reason) of one headline's section, body[headline.end():end]."""
    response = _RESPONSE.search(body, headline.end(), end)
    explanation = body[headline.end() : response.start() if response else end]
    said = body[response.end() : end] if response else explanation  # the server's words, else Google's
    diagnostic = collapse(said.strip("\n").split("\n\n", 1)[0])
    action = "delayed" if _DELAYED.search(headline.group("title")) else "failed"
    topic = _TOPIC.search(body, headline.end(), response.start() if response else end)
    reason = HELP_TOPICS.get(topic.group("topic"), "") if topic else ""
    return explanation, diagnostic, action, reason


_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def _named(sections: list[tuple[str, str, str, str]]) -> list[str]:
    """The first address each section's explanation names, each once."""
    found: list[str] = []
    for explanation, *_rest in sections:
        m = _ADDRESS.search(explanation)
        if m and m.group(0).rstrip(".").lower() not in (a.lower() for a in found):
            found.append(m.group(0).rstrip("."))
    return found


def decode(message: Message) -> Report | None:
    if not sender_matches(message, _SENDER, _SENDER_WORDS):
        return None
    body = message.body
    headline = _HEADLINE.search(body)
    if not headline:
        return None
    _, deliveries = dsn(message)
    if any(d.recipient for d in deliveries):
        return None  # a complete RFC 3464 report: the generic decoder reads it
    # One section per headline: a notice for several recipients may give each its own ("** Address
    # not found **" for one, "** Message not delivered **" for another), naming it in the explanation.
    headlines = [headline, *_HEADLINE.finditer(body, headline.end())]
    ends = [h.start() for h in headlines[1:]] + [len(body)]
    sections = [_section(body, h, end) for h, end in zip(headlines, ends)]
    # X-Failed-Recipients; without it (a notice forwarded inline shows no such field) the address
    # each explanation names ("Your message wasn't delivered to ADDRESS because ...")
    recipients = failed_recipients(message) or _named(sections)
    if not recipients:
        return None
    report = Report(NAME, original=message.original)
    for recipient in recipients:
        named = [s for s in sections if recipient.lower() in s[0].lower()]
        _explanation, diagnostic, action, reason = named[0] if named else sections[0]
        state = _STATE.search(diagnostic)
        command = STATE_COMMANDS.get(state.group("state"), "") if state else ""
        report.deliveries.append(Delivery(recipient=recipient, action=action, diagnostic=diagnostic,
                                            command=command, reason=reason))
    return report
