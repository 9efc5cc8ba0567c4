"""qmail bounces: "Hi. This is the qmail-send program at HOST." and its variants.

Each failed recipient is a paragraph that starts with `<addr>:`; what follows is qmail-remote's
(or qmail-local's) wording, which tells the SMTP stage ("does not like recipient" is RCPT,
"sender was rejected" is MAIL, "failed after I sent the message" is DATA, ...), the remote
host's IP address and, after "Remote host said:", the remote server's reply. qmail writes its own
enhanced status as "(#5.1.1)". The returned message follows "--- Below this line is a copy of
the message." (or "--- Enclosed is a copy ...").
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, find_in_notification, original_or_inline, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "qmail"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = (
    "hi. this is the qmail",
    "hi. this is the mail transport agent",
    "hi. this is the mail delivery agent",
    "i'm afraid i wasn't able to deliver your message to the following addresses",
    "this is the machine generated message from mail service",
    "sorry, we were unable to deliver your message to the following address",
    "su mensaje no pudo ser entregado",
    "this is the mail delivery agent at",
    "we're sorry. there's a problem with the e-mail address",
)

# (also wrapped at another width: see common.wrapped)
_BANNER = wrapped(
    r"^(?:Hi\. This is the (?:qmail-send|qmail|mail transport agent|mail delivery agent) program at |"
    r"Hi\. This is the mail (?:transport|delivery) agent at |"
    r"I'm afraid I wasn't able to deliver your message to the following addresses|"
    # the wording of qmail-based providers' bounces
    r"This is the machine generated message from mail service|"
    r"Sorry, we were unable to deliver your message to the following address|"
    r"Su mensaje no pudo ser entregado|"
    r"This is the mail delivery agent at |"
    r"We're sorry\. There's a problem with the e-mail address)",
    re.MULTILINE | re.IGNORECASE,
)
END = wrapped(  # (also wrapped at another width: see common.wrapped)
    r"^--- (?:Below this line is (?:a copy of the message|the original message)|"
    r"Enclosed is a copy of the message|Below the next line is a copy of the message|Original message follows)",
    re.MULTILINE | re.IGNORECASE,
)
_RECIPIENT = re.compile(r"^<([^>\s]*@[^>\s]*)>:[ \t]*$", re.MULTILINE)
_SAID = re.compile(r"\b(?:Remote host said|remote host \S+ said):\s*", re.IGNORECASE)
_QMAIL_STATUS = re.compile(r"\(#([245]\.\d{1,3}\.\d{1,3})\)")
_IP = r"(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]+:[0-9a-f:]+)"
# qmail-remote's wording: (pattern, command); the first group, when present, is the remote host.
_STAGES = (
    (re.compile(r"Connected to " + _IP + r" but greeting failed", re.I), "CONN"),
    (re.compile(r"Connected to " + _IP + r" but my name was rejected", re.I), "HELO"),
    (re.compile(r"Connected to " + _IP + r" but sender was rejected", re.I), "MAIL"),
    (re.compile(_IP + r" does not like recipient", re.I), "RCPT"),
    (re.compile(_IP + r" failed on DATA command", re.I), "DATA"),
    (re.compile(_IP + r" failed after I sent the message", re.I), "DATA"),
    (re.compile(r"most progress was RCPT TO response; remote host " + _IP, re.I), "RCPT"),
    (re.compile(r"most progress was MAIL FROM response; remote host " + _IP, re.I), "MAIL"),
    (re.compile(r"most progress was (?:greeting|HELO|EHLO)\S* response; remote host " + _IP, re.I), "CONN"),
    (re.compile(r"wasn't able to establish an SMTP connection()", re.I), "CONN"),
    (re.compile(r"(?:STARTTLS|TLS) (?:proto|connect|negotiation)\S* failed()", re.I), "STARTTLS"),
)
# qmail's own words (not a remote server's) that name the reason outright.
_OWN_REASONS = (
    (re.compile(r"Sorry, I couldn't find any host (?:named|by that name)", re.I), "hostunknown"),
    (re.compile(r"Sorry, I couldn't find a mail exchanger or IP address", re.I), "notaccept"),
    (re.compile(r"Sorry, I wasn't able to establish an SMTP connection", re.I), "networkerror"),
    (re.compile(r"Sorry, no mailbox here by that name", re.I), "userunknown"),
    # qmail-ldap's own refusals
    (re.compile(r"Mailaddress is administrative?le?y disabled", re.I), "suspend"),
    (re.compile(r"The message exc?eeded the maximum size the user accepts", re.I), "emailtoolarge"),
    (re.compile(r"Unable to contact LDAP server|Unable to login into LDAP server|Temporary failure in LDAP lookup|"
                r"Timeout while performing search on LDAP server|Illegal value in LDAP attribute|"
                r"LDAP attribute is not given but mandatory|Too many results returned but needs to be unique|"
                r"(?:Permanent|Temporary) error while executing qmail-forward|Automatic homedir creator crashed|"
                r"Temporary error in automatic homedir creation", re.I), "systemerror"),
    # an MX pointing back at this host
    (re.compile(r"Although I'm listed as a best-preference MX or A for that host", re.I), "networkerror"),
    # qmail-send gave up on its own: the queue lifetime ran out
    (re.compile(r"this message has been in the queue too long", re.I), "expired"),
)
_BOILERPLATE = re.compile(
    r"\s*(?:Giving up on \S+|I'm not going to try again; this message has been in the queue too long\.)\s*",
    re.IGNORECASE,
)


_OTHER_MXES = re.compile(r"\s*\(Other MXes tried:[^)]*\)")
_BEFORE_CONTINUED = re.compile(r"\s+(?=[245]\d\d-\d\.)")


def paragraph(text: str) -> Delivery:
    """What qmail wrote about one recipient, as a Delivery without the recipient."""
    text = collapse(text)
    command = rhost = ""
    for pattern, stage in _STAGES:
        m = pattern.search(text)
        if m:
            command, rhost = stage, (m.group(1) if m.groups() else "")
            break
    said = _SAID.search(text)
    diagnostic = text[said.end() :] if said else text
    # (qmail's closing words, unless they are all it wrote: "this message has been in the queue too long")
    diagnostic = _BOILERPLATE.sub(" ", diagnostic).strip() or ("" if said else text)
    diagnostic = _OTHER_MXES.sub("", diagnostic)  # a qmail patch's note
    status = _QMAIL_STATUS.search(text)
    if said and status and status.group(1) not in diagnostic:
        diagnostic = "%s (#%s)" % (diagnostic, status.group(1))
    diagnostic = _BEFORE_CONTINUED.sub(" ", diagnostic)
    reason = "" if said else next((r for p, r in _OWN_REASONS if p.search(text)), "")
    return Delivery(
        action="failed",  # qmail-send returns a message only when it has given up
        reason=reason,
        diagnostic=diagnostic,
        command=command,
        rhost=rhost,
        replycode=find_replycode(diagnostic[:4]) if said else "",
        spec="SMTP" if said else "",
    )


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BANNER_HOST = re.compile(r"[^\n]*? at ([A-Za-z0-9.-]+?)\.?\s*$")


def read(message: Message, body: str, start: int) -> Report | None:
    """The qmail-style paragraphs of `body` after `start`, up to the copy of the message."""
    end = END.search(body, start)
    text = body[start : end.start() if end else len(body)]
    starts: list[re.Match[str]] = []
    for m in _RECIPIENT.finditer(text):
        if starts and m.group(1).lower() == starts[-1].group(1).lower() and \
                not _BLANK_LINE.search(text, starts[-1].end(), m.start()):
            continue  # the address in its own reply, wrapped onto a line of its own: not another paragraph
        starts.append(m)
    deliveries = []
    banner = body[:start].rsplit("\n", 1)[-1]
    # the banner's line, or its last two when it was wrapped before the host
    lhost = _BANNER_HOST.match(banner) or _BANNER_HOST.match(" ".join(body[:start].rsplit("\n", 2)[-2:]))
    for i, m in enumerate(starts):
        recipient = clean_address(m.group(1))
        if not recipient:
            continue
        stop = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        delivery = paragraph(text[m.end() : stop])
        delivery.recipient = recipient
        delivery.lhost = lhost.group(1).lower() if lhost and "." in lhost.group(1) else ""
        deliveries.append(delivery)
    if not deliveries:
        return None
    markers = (END,)
    original = original_or_inline(message, body, markers) or original_or_inline(message, message.body, markers)
    return Report(NAME, deliveries, original)


def decode(message: Message) -> Report | None:
    found = find_in_notification(message, _BANNER)
    if found is None:
        return None  # not a mail system's notice (a person quoting a bounce is not one), or not this one
    body, banner = found
    line_end = body.find("\n", banner.end())  # the line the banner ends on (it may be wrapped)
    return read(message, body, line_end if line_end > 0 else banner.end())
