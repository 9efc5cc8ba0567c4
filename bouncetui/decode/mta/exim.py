"""Exim bounces: "This message was created automatically by mail delivery software."

After "The following address(es) failed:" (or, in a delay warning, "...has not yet been
delivered...:") each address stands on its own line indented two spaces, followed by lines
indented further that say what happened:

      user@example.org
        (ultimately generated from alias@example.net)
        host mx.example.org [192.0.2.1]
        SMTP error from remote mail server after RCPT TO:<user@example.org>:
        550 5.1.1 user unknown

The copy of the message follows "------ This is a copy of the message...". An address without a
domain, a pipe or a file is matched with the X-Failed-Recipients header. Some Exim versions add
an RFC 3464 part; its fields are the base then.

An administrator may replace the texts around the list (bounce_message_file, warn_message_file:
another language, other sentences); Exim still writes the list itself and the
X-Failed-Recipients header, so the list is found by one of those addresses on a line of its own,
indented two spaces. An address hidden by its alias (hide_child_in_errmsg) is "an undisclosed
address": the remote server's refusal may still name it in its RCPT TO. A router's own refusal of
a local address (a redirect's ":fail: No Such User Here") is this server's verdict, not a remote
filter's reply.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import (
    collapse,
    command_of,
    dsn_deliveries,
    is_notification,
    original_or_inline,
    wrapped,
)
from bouncetui.decode.report import Delivery, Report

NAME = "Exim"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = (
    "this message was created automatically by mail delivery software",
    "this message was created automatically by the smtp relay on",
    "x-failed-recipients",
    # Exim's own lines under an address, in a customized template forwarded without its header
    "smtp error from remote ",
    "lmtp error after ",
    "delay reason: ",
    "retry timeout exceeded",
    "unrouteable address",
)

_SUBJECTS = re.compile(
    r"(?:Mail delivery failed|Mail failure|Warning: message \S+ delayed|Delivery Status Notification)",
    re.IGNORECASE,
)
_BANNER = wrapped(
    r"^This message was created automatically by (?:mail delivery software|the SMTP relay on)",
    re.MULTILINE | re.IGNORECASE,
)
_START = wrapped(
    r"(?:following\s+address(?:\(es\)|es)?\s+failed|"
    r"address(?:\(es\)|es)? to which the message has not yet been delivered (?:is|are)|"
    r"following address(?:\(es\)|es)? (?:has|have) not yet been delivered)[^\n]*:\s*\n",
    re.IGNORECASE,
)
_END = wrapped(
    r"^(?:------ |The following text was generated during the delivery attempt|"
    r"No action is required on your part|Reporting-MTA:)",
    re.MULTILINE | re.IGNORECASE,
)
# a section's text: its lines up to the next "------ " line or the end (a lazy ".*?" before a
# look-ahead for them gave the same, trying the look-ahead at every character)
_GENERATED_TEXT = re.compile(r"^------ (.+?)\s*-{6}\s*\n((?:(?!------ )[^\n]*+(?:\n|\Z))*+)", re.MULTILINE | re.DOTALL)
_MARKERS = (
    wrapped(r"^-{3,} This is a copy of (?:the|your) message.*$", re.MULTILINE | re.IGNORECASE),
    wrapped(r"^-{3,} The header of the original message is following.*$", re.MULTILINE | re.IGNORECASE),
    wrapped(r"^-{3,} The body of the message is .*$", re.MULTILINE | re.IGNORECASE),
    # a customized template's own words between Exim's dashes: the last such line
    re.compile(r"^-{6} [^\n]*-{6}[ \t]*$(?![\s\S]*^-{6} [^\n]*-{6}[ \t]*$)", re.MULTILINE),
)
_HOST = re.compile(r"\bhost\s+(\S+)\s+\[[^\]]*\](?::\d+)?:?\s*", re.IGNORECASE)
_SMTP_ERROR = re.compile(
    r"SMTP error from remote (?:mail server|mailer|server) (?:after "
    r"(?:(?:pipelined\s+)?(?:RCPT TO|MAIL FROM):\s*<[^>]*>[^:]*|(?:EHLO|HELO)\s+\S+?|[A-Za-z ]+?):\s*"
    # the newer form: "for RCPT TO command, host: mx.example.org (192.0.2.1) reason: 550 ..."
    r"|for [A-Za-z ]+? command,?\s*(?:host:?\s*(?P<host>[\w.-]+)\s*(?:[(\[][^)\]]*[)\]])?\s*)?(?:reason:)?\s*)",
    re.IGNORECASE,
)
_GENERATED = re.compile(r"\(?(?:ultimately )?generated (?:from|by)\s+(\S+?)\)?(?:\s|$)", re.IGNORECASE)
_DELAY = re.compile(r"^Delay reason:\s*", re.IGNORECASE)


_RCPT_TO = re.compile(r"\bRCPT TO:\s*<([^<>@\s]+@[^<>@\s]+)>", re.IGNORECASE)
_LISTED = re.compile(r"^  (\S[^\n]*?)[ \t]*$", re.MULTILINE)
# A router's refusal of a local address, in place of a remote reply: (words, reason)
_OWN_VERDICTS = (
    (re.compile(r"^(?:no such (?:user|mailbox|account)|unknown (?:user|local[- ]part)|user unknown)\b", re.I),
     "userunknown"),
)

_LOCAL_DELIVERIES = ("pipe to ", "save to ")


# Lines Exim itself writes under an address, whatever the template around the list says, that are
# a sign (see SIGNS): a notice with neither Exim's opening sentence nor its X-Failed-Recipients
# header is Exim's only by one of these ...
_OWN_LINES = (
    r"SMTP error from remote (?:mail server|mailer|server) ", r"LMTP error after ", r"Delay reason: ",
    r"retry timeout exceeded", r"Unrouteable address",
)
_EXIM_OWN = re.compile(r"\n    (?:%s)" % "|".join(_OWN_LINES), re.IGNORECASE)
# ... and all it writes there (a remote host, the address an alias was generated from)
_EXIM_SAYS = re.compile(
    r"\n    (?:%s)" % "|".join((*_OWN_LINES, r"host \S+ \[[^\]\n]+\]", r"\(?(?:ultimately )?generated (?:from|by) ")),
    re.IGNORECASE,
)


def _list_start(text: str, failed: list[str]) -> int:
    """Where the list of addresses begins: after Exim's own sentence, else (a customized template)
    at the first line that is an address alone, indented two spaces: one of the
    X-Failed-Recipients addresses, or one that Exim's own explanation lines follow."""
    m = _START.search(text)
    if m:
        return m.end()
    wanted = {address.lower() for address in failed}
    for line in _LISTED.finditer(text):
        address = clean_address(line.group(1)).lower()
        if address and (address in wanted or _EXIM_SAYS.match(text, line.end())):
            return line.start()
    return -1


def entries(text: str, failed: list[str] | None = None) -> list[tuple[str, list[str]]]:
    """[(address line, [explanation lines])] from the list of failed addresses."""
    start = _list_start(text, failed or [])
    if start < 0:
        return []
    rest = text[start:]
    end = _END.search(rest)
    found: list[tuple[str, list[str]]] = []
    for line in (rest[: end.start()] if end else rest).split("\n"):
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        if indent <= 2 and found and not line.startswith("  "):
            break  # prose after the list
        if indent <= 2 and found and found[-1][0].startswith(_LOCAL_DELIVERIES) and not found[-1][1]:
            # a pipe's command or a file's path wrapped onto the next line: Exim itself writes
            # each on one line, with its "generated by" line below (a pipe or file is an alias's)
            found[-1] = (found[-1][0] + " " + line.strip(), [])
        elif indent <= 2:
            found.append((line.strip(), []))
        elif found:
            found[-1][1].append(line.strip())
    return found


def explain(lines: list[str]) -> tuple[str, str, str, str]:
    """(diagnostic, rhost, command, generated-from address) from one address's explanation."""
    alias = ""
    kept = []
    for line in lines:
        g = _GENERATED.match(line)
        if g:
            alias = clean_address(g.group(1)) or g.group(1)
            continue
        kept.append(_DELAY.sub("", line))
    text = collapse(" ".join(kept))
    command = command_of(text)
    host = _HOST.search(text)
    rhost = host.group(1).lower().rstrip(".") if host else ""
    error = _SMTP_ERROR.search(text)
    if not rhost and error and error.group("host"):
        rhost = error.group("host").lower().rstrip(".")
    diagnostic = _SMTP_ERROR.sub("", text)
    if host:
        diagnostic = _HOST.sub("", diagnostic, count=1)
    return diagnostic.strip(), rhost, command, alias


def _own_verdict(diagnostic: str, rhost: str, command: str) -> str:
    """The reason a router's refusal names ("No Such User Here"), when no remote host replied."""
    if rhost or command or find_replycode(diagnostic[:4]):
        return ""
    return next((reason for words, reason in _OWN_VERDICTS if words.search(diagnostic)), "")


def decode(message: Message) -> Report | None:
    if not (is_notification(message) or _SUBJECTS.search(message.subject)):
        return None  # a person quoting a bounce is not one
    body = message.text_of("text/plain") or message.body
    failed_header = message.header("X-Failed-Recipients")
    if not (_BANNER.search(body) or failed_header or _EXIM_OWN.search(body)):
        return None
    failed = [address for address in map(clean_address, failed_header.split(",")) if address]
    listed = entries(body, failed)
    if not listed:
        return None
    generated = {collapse(head): collapse(text) for head, text in _GENERATED_TEXT.findall(body)}
    # a delay warning: every address is delayed (Exim writes "Delay reason:" in warnings only, and
    # a warn_message_file's own sentences may say "not yet been delivered" in another language)
    delayed = "not yet been delivered" in body.lower() or any(
        _DELAY.match(line) for _, lines in listed for line in lines)
    texts: list[Delivery] = []
    for index, (head, lines) in enumerate(listed):
        diagnostic, rhost, command, alias = explain(lines)
        recipient = clean_address(head) if "@" in head and not head.startswith(("pipe to", "save to")) else ""
        named = _RCPT_TO.search(" ".join(lines)) if "@" not in head else None
        if named:  # "an undisclosed address" the remote server refused by its name
            recipient = clean_address(named.group(1))
        if not recipient and alias and "@" in alias:
            recipient, alias = alias, ""
        if not recipient:
            local = head.split("@")[0].lower()
            same = [a for a in failed if a.split("@")[0].lower() == local]
            recipient = same[0] if same else failed[index] if len(failed) == len(listed) else ""
        if not diagnostic:
            diagnostic = next((t for h, t in generated.items() if h.startswith(collapse(head))), "")
        if not recipient:
            continue
        texts.append(
            Delivery(
                recipient=recipient,
                alias=alias if "@" in alias and alias.lower() != recipient.lower() else "",
                diagnostic=diagnostic,
                rhost=rhost,
                command=command,
                replycode=find_replycode(diagnostic[:4]),
                action="delayed" if delayed else "failed",  # a bounce, not a warning: Exim gave up
                # the local command failed, or a router refused the address on its own
                reason="mailererror" if head.startswith("pipe to") else _own_verdict(diagnostic, rhost, command),
            )
        )
    fields, deliveries = dsn_deliveries(message.text_of("message/delivery-status"))
    by_address = {d.recipient.lower(): d for d in texts}
    if deliveries and all(d.recipient for d in deliveries):
        for delivery in deliveries:
            said = by_address.get(delivery.recipient.lower()) or (texts[0] if len(texts) == 1 else None)
            if said is None:
                continue
            delivery.recipient = said.recipient if "|" in delivery.recipient else delivery.recipient
            delivery.command = delivery.command or said.command
            delivery.rhost = delivery.rhost or said.rhost
            delivery.alias = delivery.alias or said.alias
            delivery.reason = delivery.reason or said.reason
            if not delivery.diagnostic or len(said.diagnostic) > len(delivery.diagnostic):
                delivery.diagnostic = said.diagnostic
    else:
        if len(deliveries) == len(texts):  # a pipe's or a file's block: the same list, in its order
            for said, block in zip(texts, deliveries):
                said.status = said.status or block.status
        deliveries = texts
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_or_inline(message, message.body, _MARKERS), fields)
