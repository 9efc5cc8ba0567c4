"""When the circumstances change what the words mean: the SMTP stage a reply came at, a notice
without a stage, a local mailer's diagnostic type (X-Unix).

Data for the classifier's stage and mailer steps (see bouncetui.classify).
"""

from __future__ import annotations

# The stage rule (a "user unknown" not in reply to RCPT is a receive filter) reads SMTP replies, whose
# "550 Unknown user" a filter sends too. A notice's own sentence in the reader's language ("宛先の
# ユーザーが存在しません", "Adresse wurde nicht gefunden", "adresse introuvable", "no se ha encontrado
# la dirección") is the reporting server's verdict that the mailbox does not exist: no filter.
STAGELESS_UNKNOWN = (
    r"存在しません|存在しない|見つかりません|(?:宛先|受信者|受取人)(?:が)?不明|(?:いません|おりません)"
    r"|nicht gefunden|existiert nicht|introuvable|n'existe pas|no se (?:ha )?encontr|no existe"
    r"|unbekannt|inconnu|desconocid|sconosciut|desconhecid|inexistente|inesistente|inexistant"
)

# A status of x.0.0 ("other or undefined", RFC 3463) says no more than its class: with no stage it
# proves no missing mailbox either, and the very words the carriers' receive filters answer with
# ("550 User unknown", "550 Unknown user ADDR") are read as a filter there too, as with no status.
# Other words of a missing mailbox ("No such user", "does not exist") are no filter's reply.
UNDEFINED_STATUS = frozenset({"5.0.0", "4.0.0"})
FILTER_REPLY = r"\buser unknown\b|\bunknown user\b"

# Diagnostic types of the reporting MTA's own verdict, not a reply it relays: with no SMTP stage,
# Postfix's local(8) 'unknown user: "x"' (under the 5.0.0 of Postfix before 2.3) is its own lookup
# of the mailbox, no receive filter's words.
OWN_VERDICT_TYPES = frozenset({"X-POSTFIX"})

# At these stages some reasons mean something else: refused at the connection it is the client
# that is blocked; refused at MAIL FROM it is the sender that is rejected, whatever the words.
# A spam verdict needs the message, which a server reads only after DATA: before it (the
# connection, HELO, MAIL FROM, RCPT TO) "flagged as spam" judges the client or the sender, from
# their history, not this message. A provider's rule giving one of these reasons is read through
# STAGE_MEANS too (its other reasons are what its documentation says they are at any stage).
NEEDS_THE_MESSAGE = frozenset({"spamdetected"})
STAGE_MEANS: dict[str, dict[str, str]] = {
    "CONN": {"rejected": "blocked", "securityerror": "blocked", "systemerror": "blocked", "spamdetected": "blocked"},
    "MAIL": {"hostunknown": "rejected", "userunknown": "rejected", "spamdetected": "rejected"},
    "RCPT": {"spamdetected": "rejected"},
    "HELO": {"hostunknown": "blocked", "rejected": "blocked", "syntaxerror": "blocked", "spamdetected": "blocked"},
    "EHLO": {"hostunknown": "blocked", "rejected": "blocked", "syntaxerror": "blocked", "spamdetected": "blocked"},
}

# Postfix's restriction prefix naming the sender's address (smtpd_delay_reject moves sender checks
# to RCPT): the words after it ("User unknown in local recipient table", "Domain not found") are
# about the sender's address, so the sender is rejected, whatever the stage.
SENDER_PREFIX = r"\bsender address rejected:"
SENDER_MEANS = {"userunknown": "rejected", "hostunknown": "rejected"}

# Words that mean one thing at one stage: "Access denied" to MAIL FROM refuses the sender.
STAGE_PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "MAIL": ((r"access (?:denied|refused)", "rejected"),),
}

# A local mailer failure still says so when the program's words name one of these reasons.
MAILER_KEEPS = frozenset({"mailboxfull", "emailtoolarge", "systemfull", "systemerror"})

# Diagnostic types that say the local mailer (a pipe, a program, the local delivery agent) failed.
MAILER_TYPES = frozenset({"X-UNIX", "X-LOCAL"})
