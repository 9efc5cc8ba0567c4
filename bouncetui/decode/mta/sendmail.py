"""Sendmail (8.x) bounces: "----- The following addresses had permanent fatal errors -----".

The text part lists the failed addresses, each with "(reason: ...)" and "(expanded from: ...)",
then "----- Transcript of session follows -----" with `... while talking to HOST.:`, `>>> RCPT
To:<a>` and `<<< 550 ...` lines, which tell the remote host and the SMTP command answered. The
RFC 3464 part, when present, is the base; the text fills what it lacks. Sendmail computes the
Status field itself (4.4.7 when the queue item expired, 5.1.1 for any 550 to RCPT), so the
enhanced code the remote server wrote in its reply wins over it. A bounce forwarded inline with
"> " quoting is read after unquoting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bouncetui.decode.fields import clean_address, find_replycode, find_status, host_of
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import (
    collapse,
    command_of,
    dsn_deliveries,
    is_notification,
    original_or_inline,
    unquote,
    wrapped,
)
from bouncetui.decode.report import Delivery, Report
from bouncetui.decode.rfc3464 import parse_fields

NAME = "Sendmail"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = (" had permanent fatal errors", " had transient non-fatal errors", "transcript of session follows")

_SUBJECTS = re.compile(
    r"^(?:Fwd?:\s*)?(?:Returned mail:|Postmaster notify:|Warning: could not send message|"
    r"Mail could not be delivered)",
    re.IGNORECASE,
)
# The banners, also wrapped at another width (a relay or client rewrapping the text)
_ERRORS = wrapped(
    r"^\s*-{3,}\s*The following addresses? had (?:permanent fatal|transient non-fatal) errors\s*-{3,}",
    re.MULTILINE | re.IGNORECASE,
)
_TRANSCRIPT = wrapped(r"^\s*-{3,}\s*Transcript of session follows\s*-{3,}", re.MULTILINE | re.IGNORECASE)
# A banner ends a section: dashes, words and dashes on a line, or on up to three lines when wrapped
_SECTION_END = re.compile(r"^[ \t]*-{3,}[ \t]*\S.*(?:\n.*){0,2}?-{3,}\s*$|^--\S", re.MULTILINE)
_TALKING = re.compile(r"^\.\.\. while talking to\s+([^\s:]+?)\.?:\s*$", re.IGNORECASE)
# "... while talking to HOST.:" broken over lines: made one line again before the transcript is read
_TALKING_WRAPPED = re.compile(r"^\.\.\.[ \t]+while\s+talking\s+to\s+[^\s:]+?\.?:[ \t]*$", re.MULTILINE | re.IGNORECASE)
# One target of a transcript line: "<a@b>", a program or file '"|/usr/bin/procmail"', or (old
# versions) a bare "a@b"
_TARGET = r'(?:<[^>]+>|"[^"]*"|[^\s<>",]+@[^\s<>",]+)'
# "550 5.1.1 <a>... User unknown"; a batch of recipients delivered together shares one line:
# "<a>,<b>... Deferred: Connection refused by mx.example.org."
_ADDR_LINE = re.compile(
    r"^(?:(?P<code>[245]\d\d)(?:[ -](?P<status>[245]\.\d{1,3}\.\d{1,3}))?\s+)?"
    r"(?P<targets>" + _TARGET + r"(?:,\s*" + _TARGET + r")*)\.\.\.\s*(?P<text>.*)$"
)
_TARGETS = re.compile(_TARGET)
_CONTINUED = re.compile(r"^[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s+)?")
_MARKERS = (
    re.compile(r"^\s*-{3,}\s*(?:Original message|Unsent message|Message header)s?\s*follows?\s*-{3,}", re.M | re.I),
    re.compile(r"^(?=Return-Path:\s*<)", re.M | re.I),  # a forwarded copy: the headers follow the fields
)


@dataclass
class Step:
    """What the transcript says about one recipient: host, command, the reply or local error."""

    rhost: str = ""
    command: str = ""
    reply: str = ""


def section(text: str, start: re.Pattern[str]) -> str:
    m = start.search(text)
    if not m:
        return ""
    rest = text[m.end() :]
    end = _SECTION_END.search(rest)
    return rest[: end.start()] if end else rest


def failed_addresses(text: str) -> list[tuple[str, str, str]]:
    """[(recipient, reason text, expanded-from alias)] from the list of failed addresses."""
    found: list[list[str]] = []
    wrapped_reason: str | None = None  # a "(reason: ..." line whose parenthesis is still open
    for line in section(text, _ERRORS).split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if wrapped_reason is not None and line[:1].isspace() and not stripped.startswith(("(reason:", "(expanded from:")):
            # "(reason: ..." wrapped onto the indented lines below it: up to its closing parenthesis
            wrapped_reason += " " + stripped
            if wrapped_reason.count("(") <= wrapped_reason.count(")"):
                found[-1][1], wrapped_reason = wrapped_reason[len("(reason:") :].rstrip(")").strip(), None
            continue
        wrapped_reason = None
        if stripped.startswith("(reason:") and found:
            found[-1][1] = stripped[len("(reason:") :].rstrip(")").strip()
            if stripped.count("(") > stripped.count(")"):
                wrapped_reason = stripped
        elif stripped.startswith("(expanded from:") and found:
            found[-1][2] = clean_address(stripped[len("(expanded from:") :])
        elif not line[:1].isspace() or stripped.startswith("<"):
            found.append([stripped, "", ""])
    result = []
    for target, reason, alias in found:
        recipient = clean_address(target)
        if recipient:
            result.append((recipient, reason, alias))
        elif alias:  # a program or file: the address it was expanded from failed
            result.append((alias, reason, ""))
    return result


def program_targets(report: str, body: str) -> dict[str, str]:
    """{recipient: the program ("|/path ...") its mail went to}: X-Actual-Recipient or the failed list."""
    found: dict[str, str] = {}
    if "|" in report and "x-actual-recipient" in report.lower():  # else no block names a program
        _, blocks = parse_fields(report)
        for b in blocks:
            actual = b.get("x-actual-recipient", "").split(";", 1)[-1].strip()
            if actual.startswith("|"):
                found[clean_address(b.get("final-recipient", "")).lower()] = actual.lower()
    if "|" not in body:
        return {k: v for k, v in found.items() if k}
    lines = section(body, _ERRORS).split("\n")
    for i, line in enumerate(lines):
        if line.strip().strip('"').startswith("|"):
            for follow in lines[i + 1 : i + 4]:
                if follow.strip().startswith("(expanded from:"):
                    address = clean_address(follow.strip()[len("(expanded from:") :]).lower()
                    found.setdefault(address, line.strip().strip('"').lower())
    return {k: v for k, v in found.items() if k}


_FAILURE_REPLY = re.compile(r"^[45]\d\d[ -]")


def target_keys(targets: str) -> list[str]:
    """The lowercase keys of the targets of one transcript line: addresses, or programs unquoted."""
    return [t.strip("<>\"").lower() for t in _TARGETS.findall(targets)]


def transcript_steps(text: str) -> tuple[dict[str, Step], list[Step], list[str]]:
    """({recipient or program: Step}, every failing Step, the lines of no recipient) from the
    session transcript.

    A reply before any command of a connection answered the connection itself (the greeting).
    Lines that are neither protocol nor an address line are a local mailer's own output
    ("smrsh: "procmail" not available for sendmail programs"); they explain the address line that
    follows them, or the failure line without an address that closes them. Lines left over say
    something of the whole message ("Message could not be delivered for 5 days").
    """
    steps: dict[str, Step] = {}
    rhost = command = ""
    reply: list[str] = []
    notes: list[str] = []
    loose: list[str] = []
    failing: list[Step] = []
    continued = False
    lines = section(text, _TRANSCRIPT)
    if "while\n" in lines or "talking\n" in lines or "to\n" in lines:
        lines = _TALKING_WRAPPED.sub(lambda m: collapse(m.group()), lines)
    for line in lines.split("\n"):
        line = line.rstrip()
        talking = _TALKING.match(line)
        if talking:
            rhost, command, reply, notes = host_of(talking.group(1)), "CONN", [], []
        elif line.startswith(">>>"):
            verb = line[3:].split()
            command = verb[0].upper() if verb else ""
            reply = []
        elif line.startswith("<<<"):
            words = line[3:].strip()
            reply.append(_CONTINUED.sub("", words) if reply and continued else words)
            continued = words[3:4] == "-"
            if words[:1] in ("4", "5") and words[3:4] != "-":
                failing.append(Step(rhost, command, collapse(" ".join(reply))))
        else:
            m = _ADDR_LINE.match(line.strip())
            if m:
                said = collapse(" ".join(reply)) if reply and reply[-1][:1] in ("4", "5") else ""
                local = collapse(" ".join([*notes, line.strip() if m.group("code") else m.group("text")]))
                # Sendmail's own words before any command of the connection: not the greeting's answer
                stage = command if said or command != "CONN" else ""
                for key in target_keys(m.group("targets")):
                    steps.setdefault(key, Step(rhost, stage, said or local))
                for note in notes:
                    loose.remove(note)
                notes = []
            elif _FAILURE_REPLY.match(line) and reply:
                # Sendmail's summary of the reply ("554 5.0.0 Service unavailable") closes the
                # connection: the lines after it (a "Host unknown" of another recipient) are not its
                rhost = command = ""
                reply = []
            elif _FAILURE_REPLY.match(line) and not failing:
                failing.append(Step(rhost, command, collapse(" ".join([*notes, line]))))
                for note in notes:
                    loose.remove(note)
                notes = []  # the local mailer's output it closes is its own
            elif line.strip() and not reply:
                notes.append(line.strip())
                loose.append(line.strip())
            elif line.strip() and not _FAILURE_REPLY.match(line):
                loose.append(line.strip())
    return steps, failing, loose


def program_step(program: str, steps: dict[str, Step]) -> Step | None:
    """The step of the line naming `program`; X-Actual-Recipient may add "@host" to its words."""
    if not program:
        return None
    return steps.get(program) or next((s for k, s in steps.items() if k[:1] == "|" and program.startswith(k)), None)


def step_for(diagnostic: str, failing: list[Step], fallback: bool) -> Step:
    """The failing step whose reply is the diagnostic, else (with `fallback`) the last one."""
    head = collapse(diagnostic)[:40]
    for step in failing:
        if head and step.reply.startswith(head):
            return step
    return failing[-1] if failing and fallback else Step()


_REPLY_STATUS = re.compile(r"^[245]\d\d[ -]([245]\.\d{1,3}\.\d{1,3})\b")


def sendmail_status(diagnostic: str, status: str) -> str:
    """The enhanced code after the reply code in the remote's words, when precise; else `status`."""
    m = _REPLY_STATUS.match(diagnostic)
    if m and not m.group(1).endswith(".0.0") and (not status or status[0] == m.group(1)[0]):
        return m.group(1)
    return status


def decode(message: Message) -> Report | None:
    if not (is_notification(message) or _SUBJECTS.match(message.subject)):
        return None  # a person quoting a bounce is not one
    body = message.text_of("text/plain") or message.body
    if not (_SUBJECTS.match(message.subject) or _ERRORS.search(body) or _TRANSCRIPT.search(body)):
        return None
    if not (_ERRORS.search(body) or _TRANSCRIPT.search(body)):
        quoted = unquote(body)
        if not (_ERRORS.search(quoted) or _TRANSCRIPT.search(quoted)):
            return None
        body = quoted
    if not _ERRORS.search(body) and not message.find("message/delivery-status"):
        return None  # a bare transcript without the DSN part is V5 Sendmail's format
    report_text = message.text_of("message/delivery-status", "message/global-delivery-status")
    fields, deliveries = dsn_deliveries(report_text or body)
    listed = failed_addresses(body)
    programs = program_targets(report_text or body, body)
    steps, failing, loose = transcript_steps(body)
    if not deliveries:
        deliveries = [Delivery(recipient=rcpt, alias=alias) for rcpt, _, alias in listed]
    reasons = {rcpt.lower(): reason for rcpt, reason, _ in listed}
    single = len(deliveries) == 1
    for delivery in deliveries:
        key = delivery.recipient.lower()
        step = steps.get(key) or steps.get(delivery.alias.lower()) or program_step(programs.get(key, ""), steps)
        if step is None and key in programs:  # a local mailer's failure line that does not name it
            step = next((s for s in failing if not s.rhost), None)
        own = step is not None
        if step is None:  # the failing step its own words (the Diagnostic-Code, the "(reason: ...)") quote
            step = step_for(delivery.diagnostic or reasons.get(key, ""), failing, single)
            if not step.reply and single and len(steps) == 1:
                step = next(iter(steps.values()))  # the one recipient, the one address line
        diagnostic = delivery.diagnostic
        if not diagnostic.strip() or exit_code(diagnostic):  # "X-Unix; 255", "SMTP; "
            first = (step.reply, reasons.get(key, "")) if own else (reasons.get(key, ""), step.reply)
            # words first; then, with no line of its own, what the transcript says of the whole
            # message (not other recipients' lines); a bare exit status last
            diagnostic = next((t for t in first if t.strip() and not exit_code(t)), "") or " ".join(loose) or diagnostic
        if step.reply and len(step.reply) > len(diagnostic) and step.reply.startswith(collapse(diagnostic)[:40]):
            diagnostic = step.reply  # the Diagnostic-Code keeps only the first line of a reply
        delivery.diagnostic = collapse(diagnostic)
        delivery.rhost = delivery.rhost or step.rhost
        delivery.command = delivery.command or step.command or command_of(delivery.diagnostic)
        delivery.status = sendmail_status(delivery.diagnostic, delivery.status or find_status(delivery.diagnostic))
        if key in programs:
            delivery.reason = "mailererror"  # the mailer was a program (a pipe), and it failed
        if not find_replycode(delivery.diagnostic) and step.reply:
            delivery.replycode = find_replycode(step.reply[:4])
    if not deliveries:
        return None
    original = original_or_inline(message, body, _MARKERS)
    return Report(NAME, deliveries, original, fields)


_FAILURE_CODE = re.compile(r"[45]\d\d")


def exit_code(text: str) -> bool:
    """A local mailer's exit status ("75"), not words and not a bare SMTP reply code ("421")."""
    text = text.strip()
    return text.isdigit() and not _FAILURE_CODE.fullmatch(text)
