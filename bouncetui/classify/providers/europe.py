"""European providers: Mail.ru, i.ua (its numbered error pages), Orange and La Poste (their OFR,
OUK and LPN codes) and Deutsche Telekom's T-Online (the code in parentheses at the end).
"""

from __future__ import annotations

from bouncetui.classify.providers.rule import Provider, R

MAILRU = Provider(
    "Mail.ru",
    ("mail.ru", "inbox.ru", "list.ru", "bk.ru", "internet.ru"),
    (
        # Mail.ru refuses a recipient at the end of DATA: "550 Message was not accepted -- invalid
        # mailbox.  Local mailbox ADDR is unavailable: user not found" is a missing user there, not a
        # receive filter; "...: account is disabled" a disabled one.
        R("suspend", r"is unavailable: account is (?:disabled|blocked)"),
        R("userunknown", r"invalid mailbox|is unavailable: user not found"),
        R("spamdetected", r"spam message rejected"),
    ),
    mark=r"help\.mail\.ru/|message was not accepted -- invalid mailbox",
)


IUA = Provider(
    "i.ua",
    ("i.ua", "email.ua"),
    (
        # http://mail.i.ua/err/N/, as its error pages number them
        R("norelaying", r"\.i\.ua/err/0?[16]\b"),  # no mail gateway; use your provider's SMTP
        R("userunknown", r"\.i\.ua/err/0?2\b|no such user"),
        R("suspend", r"\.i\.ua/err/0?3\b|frozen"),  # not used for more than three months
        R("mailboxfull", r"\.i\.ua/err/0?4\b|mailbox is full"),
        R("ratelimited", r"\.i\.ua/err/0?5\b"),  # the sending limit
        R("blocked", r"\.i\.ua/err/(?:0?7|0?9)\b"),  # a wrong HELO; the IP on a black list
        R("rejected", r"\.i\.ua/err/0?8\b"),  # the sender address could not be checked
        R("filtered", r"\.i\.ua/err/10\b"),  # not in the recipient's address list
    ),
    mark=r"\.i\.ua/err/",
)


def _orange(codes: str) -> str:
    """Orange's and La Poste's reply codes: "OFR_416", "OFR006_102", "LPN007_416", "LPN105-104",
    "LPNAAA_101", "OUK_513", or the bare "[416]" Orange appends."""
    return r"\b(?:LPN(?:AAA)?|OFR|OUK)(?:\d{3})?[-_]?(?:%s)\b|\[(?:%s)\]" % (codes, codes)


ORANGE = Provider(
    "Orange/France Télécom",
    ("orange.fr", "wanadoo.fr", "laposte.net", "orange.com", "francetelecom.fr", "voila.fr"),
    (
        R("userunknown", _orange("416|418") + r"|invalid recipient|adresse destinataire invalide"),
        R("mailboxfull", _orange("417") + r"|boite du destinataire pleine"),
        R("suspend", _orange("420|426") + r"|recipient account is blocked|compte du destinataire est bloque|"
                                          r"archived recipient"),
        R("ratelimited", _orange("104") + r"|trop de connexions"),
        R("securityerror", _orange("305|402")),  # an invalid authentication code; authentication required
        R("authfailure", _orange("401|517")),  # SPF: not allowed to send; DMARC verification failed
        R("rejected", _orange("403|405|415|421")),  # "Emetteur invalide", "Mail from not owned by user"
        R("emailtoolarge", _orange("514")),
        R("spamdetected", _orange("50[6-9]|511")),  # "Mail rejete. Mail rejected."
        R("systemerror", _orange("50[0-5]")),
        R("blocked", _orange("10[0-9]|510|999") + r"|client host blocked|adresse ip source bloquee"),
        R("policyviolation", _orange(r"6\d\d")),
        R("ratelimited", r"\bLPN\d+_5\d\d\b|too many"),
    ),
    mark=r"\bOFR\d*_\d+|\bLPN\d+_\d+|\bLPNAAA_\d+|\bOUK_\d+",
)


TONLINE = Provider(
    "T-Online",
    ("t-online.de", "magenta.de"),
    (
        # "554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster ... tosa@rx.t-online.de ...) (BL)":
        # the code in parentheses at the end says why; BL is its block list.
        R("blocked", r"\(BL\)"),
    ),
    mark=r"tosa@rx\.t-online\.de",
)
