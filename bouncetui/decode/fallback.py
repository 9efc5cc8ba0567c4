"""Last-resort decoding of plain-text bounces that no MTA-specific decoder recognised.

Applies only to mail that announces itself as a bounce: sent by a mailer-daemon or postmaster, or
with a bounce subject ("Returned mail", "Undeliverable", "failure notice", ...); never to a reply
("Re: ...") nor a person's automatic reply ("Automatic reply: Undeliverable: ..."), which
rfc3834 decodes. When only the subject says so, an address counts only with a server's reply code or
status code next to it: a person writing about a returned mail names addresses too. The text before the
returned original is searched for recipient addresses that are neither the bounce's own sender nor
its addressee; the lines around each address are its diagnostic, or, in a list of addresses each
with its own reason ("a@b (user not found)", "<c@d>: 552 Mailbox full"), its own line; for an
address alone in its list entry ("SMTP <a@b>"), the lead-in before it and the details after it. The returned original is read
from a message/rfc822 part or from the header block after the text.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message, parse_headers
from bouncetui.decode.report import Delivery, Report
from bouncetui.decode.rfc3834 import labelled_auto_reply

NAME = "PlainText"

# A notifier's name: "Mail Delivery System", "Internet Mail Delivery", not "Mail Delivery Academy".
_DAEMON = re.compile(
    r"mailer-daemon|postmaster|mail delivery(?:\s+(?:system|subsystem|service|agent|software|program))?\s*(?:[\"')<]|$)"
    r"|mail administrator|mailer_daemon|\bmta\b", re.I)
_SUBJECT = re.compile(
    r"undeliver|returned mail|returning (?:message )?to sender|failure notice|delivery (?:status )?notif"
    r"|delivery fail|mail delivery|non-?delivery|could not be delivered|mail failed|failed mail"
    r"|delivery problem|message not delivered|not delivered|bounced|unzustellbar|non remis"
    r"|nicht zugestellt|non distribu|no (?:se puede )?entreg|mensaje no entregado"
    r"|zustellung fehlgeschlagen|[ée]chec de (?:la )?(?:remise|distribution)|error de entrega|no se pudo entregar"
    r"|(?:送信|配送)(?:エラー|失敗|不能)|エラーメール|不達|未達"
    r"|配信(?:不能|エラー|失敗)|未配達|届きませんでした|返送|(?:配信|送信|配達)(?:でき|出来)ませんでした",
    re.I,
)
# Lines that start the returned original in plain-text bounces.
_ORIGINAL_MARK = re.compile(
    r"^(?:[-=|_ ]*(?:below this line is a copy|message text follows|original message follows"
    r"|this is a copy of the|original message|unsent message below|the original message"
    r"|returned message|message headers follow|headers of the original)"
    r"|content-type:\s*message/rfc822"
    # Japanese, German, French, Spanish separators: "------ 元のメッセージ ------", "【元のメール】",
    # "--- Ursprüngliche Nachricht ---", "--- Message d'origine ---", "--- Mensaje original ---"
    # (or the words alone on their line: "元のメッセージ:")
    r"|\s*(?:[-=_|*―─━－]{2,}|【)?\s*(?:元の|オリジナル|返送された)(?:メッセージ|メール)(?:の?\s*ヘッダー?)?"
    r"(?:[^\n]*(?:[-=_|*―─━－]{2,}|】)[ \t]*$|[ \t]*[:：]?[ \t]*$)"
    r"|[-=_ ]{2,}(?:ursprüngliche nachricht|message d'origine|message original|mensaje original))",
    re.I | re.M,
)
# A line that names the sender of the returned mail, not a recipient ("送信者: a@b", "Absender: a@b")
_SENDER_LINE = re.compile(
    r"^\s*(?:差出人|送信者|送信元|発信者|Absender|Exp[ée]diteur|Remitente|Sender|Originator)"
    r"(?:\s*(?:の)?(?:メール)?アドレス|\s+address)?\s*[:：]",
    re.I,
)
_HEADER_START = re.compile(r"^(?:Return-Path|Received|Message-I[Dd]|From|Date|Subject|To|X-[\w-]+):\s", re.M)
_BOUNCE_WORDS = re.compile(
    r"unknown|no such|not found|invalid|reject|refused|denied|full|quota|fail|error|unable|could not"
    r"|couldn't|cannot|can't|not exist|does not|doesn't|disabled|blocked|undeliver|host|domain|mailbox"
    r"|did not reach|timed out|expired|problem"
    # Japanese notices: not found, does not exist, could not deliver, full, refused, error
    r"|見つかりません|存在しません|(?:配信|送信|配達|受信)(?:でき|出来)ません|いっぱい|満杯|容量|拒否|エラー|不明"
    # German, French, Spanish notices: unknown, not found, not delivered, full, refused, does not exist
    r"|unbekannt|nicht gefunden|nicht zugestellt|existiert nicht|abgelehnt|fehlgeschlagen|\bvoll\b"
    r"|inconnu|introuvable|pas pu être remis|n'existe pas|pleine|refusé|rejeté"
    r"|desconocid|no se ha encontrado|no encontrad|no se ha podido entregar|no existe|lleno|rechazad",
    re.I,
)
# A reply code or an enhanced status code: what a mail server, not a person, writes about a failure.
# (a reply code is followed by its status code or its words: "550 5.1.1", "550-User", not "555 0199")
_SMTP_CODE = re.compile(r"(?<![\d.])(?:[45]\d\d[ -](?:[245]\.\d|[^\d\s])|#?[45]\.\d{1,3}\.\d{1,3}(?![\d]|\.\d))")
_REPLY = re.compile(r"^\s*(?:re|aw|sv|antw|vs|odp|ynt|返信|回复|答复)\s*(?:\[\d+\])?\s*[:：]", re.I)
# "お問い合わせは support@... まで", "For help, contact help@...": an address to write to, not a recipient
# ("could not contact the host for a@b" does name a recipient: only the words of an invitation count)
_CONTACT = re.compile(
    r"(?:お?問い?合わ?せ|連絡先|ご連絡|please contact|contact us|for (?:help|assistance|questions|inquiries)"
    r"|\binquir|\bkontakt|contactez|contacte)[^@]{0,40}$",
    re.I,
)
_ROLE = re.compile(r"^(?:mailer-daemon|postmaster|mailer_daemon|root|abuse|noreply|no-reply)@", re.I)


def _split_original(body: str) -> tuple[str, str]:
    """(the bounce's own text, the returned original's text or "")."""
    m = _ORIGINAL_MARK.search(body)
    if m:
        start = body.find("\n", m.start())
        return body[: m.start()], body[start + 1 :] if start >= 0 else ""
    run = _returned_headers(body)
    if run >= 0:
        return body[:run], body[run:]
    return body, ""


# A run of three or more header lines (folded lines included) at the start of a line.
_HEADER_RUN = re.compile(r"^(?:[A-Za-z][\w-]*:[ \t][^\n]*\n?|[ \t]+\S[^\n]*\n?){3,}", re.M)
_RUN_FROM = re.compile(r"^From:", re.M)
_RUN_DATED = re.compile(r"^(?:Date|Message-ID):", re.M | re.I)


def _returned_headers(body: str) -> int:
    """Where the returned original's header block starts when no separator line announces it (a
    line of the notice's own words that no pattern knows): the last run of header lines with a From
    and a Date or Message-ID, which a mailer copies from the original; -1 when there is none."""
    if "From:" not in body:
        return -1
    found = -1
    for run in _HEADER_RUN.finditer(body):
        block = run.group()
        if _RUN_FROM.search(block) and _RUN_DATED.search(block):
            found = run.start()
    return found


def _paragraph(lines: list[str], i: int) -> str:
    """The paragraph around line i (at most five lines either side), whitespace collapsed."""
    start = i
    while start > 0 and i - start < 5 and lines[start - 1].strip() and lines[start - 1].strip(" -=#*|_"):
        start -= 1
    end = i + 1
    while end < len(lines) and end - i < 6 and lines[end].strip():
        end += 1
    return " ".join(" ".join(line.strip() for line in lines[start:end]).split())


_SEPARATOR = re.compile(r"^\s*\|?[-=_*]{3,}")


def _block(lines: list[str], start: int, step: int) -> tuple[str, int]:
    """The paragraph next to line `start` in direction `step` (+1 after it, -1 before it), past the
    blank lines between, with the index of its line farthest from `start`; ("", start) if none."""
    i = start + step
    while 0 <= i < len(lines) and not lines[i].strip():
        i += step
    found = []
    while 0 <= i < len(lines) and lines[i].strip() and len(found) < 8:
        found.append(lines[i].strip())
        i += step
    if step < 0:
        found.reverse()
    return " ".join(" ".join(found).split()), i - step


# What a list entry holds besides its address: a transport name, brackets, punctuation ("SMTP <a@b>").
_ENTRY_REST = re.compile(r"^[\W_]*(?:smtp|rfc822|to|recipient)?[\W_]*$", re.I)


def _with_context(lines: list[str], i: int, address: str, diagnostic: str) -> str:
    """A paragraph that is a list entry naming only the address ("SMTP <a@b>", the address alone)
    joined to what says why it failed: the lead-in before it ("The following destination addresses
    were unknown:") and the text after it ("Technical details of the failure:" and its paragraph),
    up to the returned original or another address."""
    if not _ENTRY_REST.match(diagnostic.replace(address, " ")):
        return diagnostic
    first = i
    while first > 0 and lines[first - 1].strip():
        first -= 1
    before, _ = _block(lines, first, -1)
    last = i
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    after, end = _block(lines, last, 1)
    if after.endswith(":") and len(after) < 80:
        more, _ = _block(lines, end, 1)  # a heading ("Technical details of the failure:")
        after = (after + " " + more).strip()
    parts = []
    if before.rstrip().endswith(":") and _BOUNCE_WORDS.search(before):
        parts.append(before)
    parts.append(diagnostic)
    if after and (_BOUNCE_WORDS.search(after) or _SMTP_CODE.search(after)) and "@" not in after.replace(address, ""):
        parts.append(after)
    return " ".join(parts)


def _own_lines(lines: list[str], i: int, address: str) -> str:
    """The reason an address's own line gives in a list of failed addresses, each with its own
    ("mark@example.org (user not found)", "quinn@example.net ... unknown host"): its line and
    the lines under it up to the next address, blank line or separator; "" when the line itself
    says nothing of a failure or the paragraph names no other address."""
    if not _BOUNCE_WORDS.search(lines[i].replace(address, " ")):
        return ""
    start, end = i, i + 1
    while start > 0 and i - start < 5 and lines[start - 1].strip() and "@" not in lines[start - 1]:
        start -= 1
    while end < len(lines) and end - i < 6 and lines[end].strip() and "@" not in lines[end] \
            and not _SEPARATOR.match(lines[end]):
        end += 1
    neighbours = lines[max(0, i - 5):i] + lines[i + 1:i + 6]
    if not any("@" in line and clean_address(line).lower() not in ("", address.lower()) for line in neighbours):
        return ""  # the only address around: the paragraph is its own
    block = lines[i:min(end, i + 4)]  # its line and at most three under it
    return " ".join(" ".join(line.strip() for line in block).split())


def decode(message: Message) -> Report | None:
    if _REPLY.match(message.subject):
        return None  # "Re: Mail delivery failed ...", even from a postmaster: someone answering
    from_daemon = bool(_DAEMON.search(message.sender))
    if not (from_daemon or _SUBJECT.search(message.subject)):
        return None
    if not from_daemon and labelled_auto_reply(message):
        return None  # "Automatic reply: Undeliverable: ...": a person's responder, an auto-reply
    if message.content_type not in ("text/plain", "multipart/mixed", "multipart/alternative", "text/html"):
        return None
    own = {clean_address(message.sender).lower(), clean_address(message.header("To")).lower(),
           clean_address(message.header("Return-Path")).lower()}
    text, original_text = _split_original(message.body)
    lines = text.split("\n")
    deliveries: list[Delivery] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if "@" not in line or _HEADER_START.match(line) or _SENDER_LINE.match(line):
            continue
        address = clean_address(line)
        key = address.lower()
        if not address or key in own or key in seen or _ROLE.match(address):
            continue
        at = line.find(address)
        if at > 0 and _CONTACT.search(line[:at]):
            continue
        diagnostic = _own_lines(lines, i, address) or _with_context(lines, i, address, _paragraph(lines, i))
        if not _BOUNCE_WORDS.search(diagnostic) and not _BOUNCE_WORDS.search(" ".join(lines[max(0, i - 3):i])):
            continue
        if not from_daemon and not _SMTP_CODE.search(diagnostic):
            continue  # a person's mail with a bounce-like subject: only a server's reply makes it one
        seen.add(key)
        deliveries.append(Delivery(recipient=address, diagnostic=diagnostic))
    if not deliveries:
        return None
    original = message.original
    if original is None and original_text:
        at = _HEADER_START.search(original_text)
        if at:
            original = parse_headers(original_text[at.start():])
    return Report(NAME, deliveries, original)
