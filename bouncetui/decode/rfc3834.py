"""RFC 3834 automatic responses: out-of-office and vacation replies (reason `vacation`).

An auto-reply says Auto-Submitted: auto-replied (or Precedence: auto_reply; or, with an auto-reply
subject, X-Autoreply, or Precedence: bulk or junk as vacation(1) writes it, from no mailing list).
Exchange's out-of-office replies carry only X-Auto-Response-Suppress (and Auto-Submitted:
auto-generated), which its notifications carry too: they count with a subject that starts with a
reply label in any of the languages in PREFIXES ("Automatische Antwort:", "Automatisch antwoord:"),
or with auto-reply words in a reply (In-Reply-To). With no mark at all, a subject labelled automatic
("Out of Office AutoReply:", as Exchange 2003 wrote it) is one, and so is a reply labelled "Out of
office:" (which a person also writes, about being away). Apple's X-Apple-Action: vacation is one.

The recipient is the person who is away (the reply's From); the addresser is whom it answered
(its To). Mailer-daemon mail is never an
auto-reply here: MTAs mark their bounces auto-replied too, and those belong to the bounce decoders;
nor is a mailing list's own notice ("awaits moderator approval").
Read receipts (report-type=disposition-notification) are neither.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.report import Delivery, Report

NAME = "RFC3834"

# The labels mail programs put before the subject of an automatic reply ("Automatic reply: X"), in
# the languages Outlook/Exchange, Lotus Notes, Zimbra, Gmail and webmail responders write them:
# labels that say the reply was automatic, which no person types ...
AUTOMATIC = (
    "automatic reply", "auto reply", "autoreply", "auto-reply", "auto response", "autoresponse",
    "auto-response", "out of office autoreply", "automatische antwort", "automatisch antwoord",
    "réponse automatique", "respuesta automática", "risposta automatica", "resposta automática",
    "odpowiedź automatyczna", "automatiskt svar", "automatisk svar", "autosvar",
    "automaattinen vastaus", "automatická odpověď", "automatická odpoveď", "automatikus válasz",
    "răspuns automat", "автоматический ответ", "автоматична відповідь", "otomatik yanıt",
    "αυτόματη απάντηση", "自動応答", "自動返信", "自动回复", "自動回覆", "자동 회신", "자동 응답",
)
# ... and labels that say the person is away, which a person may also write ("Out of office: Friday").
AWAY = (
    "out of office", "out of the office", "abwesenheitsnotiz", "afwezig", "absent du bureau",
    "absente du bureau", "fuera de la oficina", "fuori sede",
)
PREFIXES = AUTOMATIC + AWAY
# Prefixes too short or common to name an automatic reply without a header that marks one
# ("Auto: 2019 hatchback for sale").
WEAK_PREFIXES = ("auto",)
# Other subject words of automatic replies, anywhere in the subject ("Away until May 5").
_WORDS = (
    r"\b(?:auto(?:matic)?[ -]?(?:reply|response|answer|antwort)|out of (?:the )?office|away from"
    r"|vacation|on leave|on holiday|abwesenheit\w*|absence|r[ée]ponse automatique|respuesta autom[aá]tica"
    r"|risposta automatica|resposta autom[aá]tica|away until)\b|自動応答|自動返信|不在|休暇"
)
_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af]")


def _alternatives(phrases: tuple[str, ...]) -> str:
    """A regex alternation of phrases, each bounded as a word unless it is CJK (no word breaks)."""
    return "|".join(re.escape(p) if _CJK.search(p) else r"\b%s\b" % re.escape(p)
                    for p in sorted(phrases, key=len, reverse=True))


_SUBJECT = re.compile(_WORDS + "|" + _alternatives(PREFIXES), re.IGNORECASE)
# A subject that starts with one of the labels, then a colon or nothing more (a "[EXT]" tag first).
_LABEL = r"^\s*(?:\[[^\]]{1,20}\]\s*)?(?:%s)\s*(?:[:：]|$)"
_PREFIX = re.compile(_LABEL % _alternatives(PREFIXES), re.IGNORECASE)
_ANY_PREFIX = re.compile(_LABEL % _alternatives(PREFIXES + WEAK_PREFIXES), re.IGNORECASE)
_AUTOMATIC_PREFIX = re.compile(_LABEL % _alternatives(AUTOMATIC), re.IGNORECASE)
_BULK = ("bulk", "junk")
_LIST_FIELDS = ("List-Id", "List-Unsubscribe", "List-Post")
_LIST_ROBOT = re.compile(r"[-+](?:owner|bounces|request|admin)(?:\+[^@]*)?@", re.I)
_DAEMON = re.compile(r"mailer-daemon|postmaster|mail delivery (?:system|subsystem)|^\s*<?>?\s*$", re.IGNORECASE)


# Fields only responders set; they still need an auto-reply subject, as they always have.
_RESPONDER_FIELDS = ("X-Autoreply", "X-Autorespond")
# Marks that other automatic mail carries too (Exchange marks its notifications auto-generated and
# sets X-Auto-Response-Suppress on them; a portal's "Your vacation request was approved" has
# both): with them, a subject that starts with a reply label, or auto-reply words in a reply.
_GENERATED = ("auto-generated", "auto-notified")
_REPLY_FIELDS = ("In-Reply-To", "References")


def is_auto_reply(message: Message) -> bool:
    auto = message.header("Auto-Submitted").lower()
    if auto.startswith("auto-replied"):
        return True
    precedence = message.header("Precedence").lower()
    if precedence == "auto_reply":
        return True
    subject = message.subject
    listed = any(message.header(f) for f in _LIST_FIELDS)
    if precedence in _BULK:
        # vacation(1) and many responders mark their replies bulk or junk; so do mailing lists and
        # newsletters, which name themselves in List-* fields
        return bool(_SUBJECT.search(subject)) and not listed
    if message.header("X-Apple-Action").strip().lower() == "vacation":
        return True  # Apple iCloud Mail's vacation reply
    if any(message.header(f) for f in _RESPONDER_FIELDS):
        return bool(_SUBJECT.search(subject))
    replying = any(message.header(f) for f in _REPLY_FIELDS)
    if auto.startswith(_GENERATED) or message.header("X-Auto-Response-Suppress"):
        return bool(_ANY_PREFIX.match(subject)) or (replying and bool(_SUBJECT.search(subject)))
    # no mark at all (Exchange 2003's "Out of Office AutoReply:", responders that set no field): a
    # label that says the reply is automatic, or one that says the person is away on a reply
    if listed:
        return False
    return bool(_AUTOMATIC_PREFIX.match(subject)) or (replying and bool(_PREFIX.match(subject)))


def labelled_auto_reply(message: Message) -> bool:
    """An auto-reply whose subject starts with a reply label ("Automatic reply: Undeliverable: ..."),
    whatever the subject it answered says."""
    return bool(_ANY_PREFIX.match(message.subject)) and is_auto_reply(message)


def decode(message: Message) -> Report | None:
    if message.report_type or message.content_type == "multipart/report":
        return None
    if not is_auto_reply(message) or _DAEMON.search(message.sender) or _LIST_ROBOT.search(message.sender) \
            or message.header("X-Mailman-Version"):
        return None  # a mailing list's own notice (held for moderation, subscription) is no vacation
    recipient = clean_address(message.sender) or clean_address(message.header("Reply-To"))
    if not recipient:
        return None
    report = Report(NAME, original=message.original, fields={"x-replied-to": clean_address(message.header("To"))})
    text = " ".join(message.body.split())[:500]
    report.deliveries.append(Delivery(recipient=recipient, reason="vacation", diagnostic=text))
    return report
