"""A bounce a person forwarded inline: the message it carries, rebuilt from the forward.

Mail clients forward inline by writing a separator line and the forwarded message's main header
fields into the new message's text, the forwarded text below them, and its attachments (a
delivery-status part, the returned original) as attachments of the forward:

    ---------- Forwarded message ---------          (Gmail; Thunderbird: "-------- Forwarded
    From: Mail Delivery Subsystem <mailer-daemon@...>  Message --------"; Apple Mail: "Begin
    Date: Thu, 26 Nov 2026 07:45:10 +0000             forwarded message:"; Outlook: "-----Original
    Subject: Delivery Status Notification (Failure)    Message-----" with "Sent:" for the date;
    To: someone@example.org                            Outlook on the web: a rule of underscores)

    <the notice's text>

Clients in other languages write the separator and the field names in them ("-----Message
d'origine-----", "De :", "Envoyé :", "Objet :"; "Von:", "Betreff:"; "差出人:", "件名:").

`inline_forward(message)` gives the bytes of a message with those header fields, the text below
them, and the forward's report and original parts (a multipart/report when one of them is a
delivery-status part); None when the text has no such separator and header block.

The rebuilt message also carries the field `X-Bouncetui-Inline-Forward` (FIELD): its other header
fields (X-Mailer, X-MS-Exchange-*, X-Failed-Recipients, Received, ...) are not absent but unknown,
as the forward did not show them. A decoder that recognises its notices by such a field declares
FIELD_NAME among its HEADERS (or SIGNS) and, in a message that has it (`is_inline_forward`),
recognises them by their text's own structure and wording instead.
"""

from __future__ import annotations

import email.message
import re

from bouncetui.decode.message import ORIGINAL_TYPES, TEXT_REPORT_TYPES, Message, raw_parts

_SEPARATOR = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:Forwarded message|Forwarded Message|Original Message|Message transféré|"
    r"Message d'origine|Weitergeleitete Nachricht|Ursprüngliche Nachricht|Mensaje reenviado|Mensaje original|"
    r"Messaggio originale|Messaggio inoltrato|"
    r"転送メッセージ|転送されたメッセージ|元のメッセージ)[ \t]*-{2,}|Begin forwarded message:|"
    r"Début du message réexpédié ?:|Anfang der weitergeleiteten Nachricht:|"
    # Outlook on the web and the new Outlook: a rule of underscores above the fields
    r"_{20,})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# The forwarded block's field names as clients write them, in the forwarder's language (Outlook's
# "Sent", "De :"/"Envoyé :"/"À :"/"Objet :", "Von:"/"Gesendet:"/"An:"/"Betreff:", "差出人:"/"送信日時:"/
# "宛先:"/"件名:"; Thunderbird's "Sujet :"/"Pour :", "Fecha:", "日付:"; Apple Mail's "Datum:"), each with
# the field it stands for
_NAMES = {
    "from": "From", "de": "From", "von": "From", "da": "From", "差出人": "From",
    "date": "Date", "sent": "Date", "envoyé": "Date", "gesendet": "Date", "datum": "Date", "enviado": "Date",
    "inviato": "Date", "fecha": "Date", "data": "Date", "送信日時": "Date", "日付": "Date",
    "subject": "Subject", "objet": "Subject", "sujet": "Subject", "betreff": "Subject", "asunto": "Subject",
    "oggetto": "Subject", "assunto": "Subject", "件名": "Subject",
    "to": "To", "à": "To", "pour": "To", "an": "To", "para": "To", "a": "To", "宛先": "To",
    "cc": "Cc", "reply-to": "Reply-To", "message-id": "Message-ID",
}
# (bold as some clients write them in the text: "*From:*")
_FIELD = re.compile(r"^[ \t]*\*?(?P<name>%s)\*?[ \t]*[:：]\*?[ \t]*(?P<value>.*)$"
                    % "|".join(sorted((re.escape(n) for n in _NAMES), key=len, reverse=True)), re.IGNORECASE)
# A date as RFC 5322 writes it: a time and the zone it is in
_ZONED_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|UT|GMT|[ECMP][SD]T)\b")
# or the notice's own date copied as it was written, in RFC 5322's order (day, month, year, time)
# but without a zone: no client writes its own form so ("Thu, Feb 23, 2012 at 10:50 PM")
_RFC_DATE = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+"
                       r"\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?$", re.IGNORECASE)
_REPORT_PART = re.compile(rb"(?im)^content-type:[ \t]*message/(?:global-)?delivery-status")
_BOUNDARY = "bouncetui-forwarded-0"
FIELD = "X-Bouncetui-Inline-Forward"
FIELD_NAME = FIELD.lower()  # as HEADERS and SIGNS name it
_CARRIED = frozenset(TEXT_REPORT_TYPES) | frozenset(ORIGINAL_TYPES)


def _header_block(lines: list[str]) -> tuple[list[str], int] | None:
    """(the header fields, the index of the first body line) at the top of `lines`, or None."""
    fields: list[str] = []
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and lines[i].strip():
        m = _FIELD.match(lines[i])
        if m:
            name = _NAMES[m.group("name").lower()]
            value = m.group("value").strip()
            if name.lower() != "date" or _ZONED_TIME.search(value) or _RFC_DATE.match(value):
                fields.append("%s: %s" % (name, value))
            # else a client's own form of the date ("Friday, November 27, 2026 6:44 PM", in the
            # forwarder's zone, which it does not say): the bounce's time is taken from elsewhere
        elif fields and (lines[i][:1] in (" ", "\t") or (i + 1 < len(lines) and _FIELD.match(lines[i + 1]))):
            # a field folded in the forward's text, or wrapped at another width (a line between
            # two fields that is not one)
            fields[-1] += " " + lines[i].strip()
        else:
            break
        i += 1
    if not any(f.lower().startswith("from:") for f in fields):
        return None
    return fields, i


def _is_attachment(part: email.message.Message) -> bool:
    return str(part.get("Content-Disposition", "")).strip().lower().startswith("attachment")


def _carried_parts(message: Message) -> list[bytes]:
    """The forward's report and original parts (delivery-status, returned message or headers) and
    its attachments (a report saved as details.txt), wherever they are in its tree: as their bytes
    stand in it when they are parts of its top-level multipart, else written again from the parsed
    part."""
    if not message.msg.is_multipart():
        return []
    top = message.msg.get_payload()
    raw = [piece.strip(b"\n") for piece in raw_parts(message) or ()]
    found = []
    # typed as Message types them: a delivery-status part a client saved as text is one
    for ctype, part in message.typed_parts:
        if ctype not in _CARRIED and not _is_attachment(part):
            continue
        index = next((i for i, sub in enumerate(top) if sub is part), None)
        if index is not None and len(raw) == len(top):
            found.append(raw[index])
        else:
            try:
                found.append(part.as_bytes().strip(b"\n"))
            except (LookupError, UnicodeError, ValueError, TypeError):
                continue  # a part that cannot be written again: left out
    return found


def is_inline_forward(message: Message) -> bool:
    """Whether the message is one `inline_forward` rebuilt: its header holds only the forward's
    copy of a few fields, so a field it lacks may have been in the notice."""
    return message.msg.get(FIELD) is not None


def inline_forward(message: Message) -> bytes | None:
    """The forwarded message's bytes, rebuilt from an inline forward (see the module docstring)."""
    text = message.text_of("text/plain") or message.body
    sep = _SEPARATOR.search(text)
    if sep is None:
        return None
    lines = text[sep.end():].split("\n")[1:]
    block = _header_block(lines)
    if block is None:
        return None
    fields, start = block
    body = "\n".join(lines[start:]).strip("\n") + "\n"
    head = "\n".join(fields) + "\n%s: yes\nMIME-Version: 1.0\n" % FIELD
    text_part = ("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body).encode()
    others = _carried_parts(message)
    if not others:
        return (head + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n").encode() + \
            body.encode()
    report = any(_REPORT_PART.search(part.split(b"\n\n", 1)[0]) for part in others)
    ctype = ('multipart/report; report-type=delivery-status; boundary="%s"' if report
             else 'multipart/mixed; boundary="%s"') % _BOUNDARY
    delimiter = b"\n--" + _BOUNDARY.encode() + b"\n"
    out = (head + "Content-Type: " + ctype + "\n").encode() + delimiter
    out += delimiter.join([text_part] + others)  # the text with its last newline, as a MIME writer leaves it
    return out + b"\n--" + _BOUNDARY.encode() + b"--\n"
