"""The Japanese mobile carriers: NTT docomo, au/KDDI and SoftBank.

They answer "550 Unknown user" both for a missing mailbox and for their receive filter (a
recipient's domain-designated reception, ドメイン指定受信): at RCPT it is the missing mailbox, after
DATA (or with status 5.2.0) the filter. au's "550 : User unknown" without the address is its
filter; "550 <addr>: User unknown" is a missing user. SoftBank's missing user is "550 Invalid
recipient"; its filter usually drops the mail without a bounce.
"""

from __future__ import annotations

from bouncetui.classify.providers.rule import Provider, R

DOCOMO = Provider(
    "docomo",
    ("docomo.ne.jp", "mopera.net", "docomo.blackberry.com", "dwmail.jp"),
    (
        R("userunknown", r"\S", status="5.0.911"),  # docomo's own status for a missing mailbox
        R("userunknown", r"unknown user|user unknown", status="5.1."),
        R("filtered", r"unknown user|user unknown", status="5.2."),
        R("userunknown", r"unknown user|user unknown", command="RCPT"),
        R("filtered", r"unknown user|user unknown", command="DATA"),
        R("mailboxfull", r"552 too much mail data"),
        # Neither RCPT nor a 5.1.x status: not the missing-mailbox answer, so the receive filter.
        R("filtered", r"unknown user|user unknown"),
        R("ratelimited", r"552 too many recipients"),
        R("syntaxerror", r"503 bad sequence of commands|504 command parameter not implemented"),
    ),
)


AU = Provider(
    "au/KDDI",
    ("ezweb.ne.jp", "au.com", "kddi.com", "ezweb.jp"),
    (
        R("filtered", r"(?:^|\b55\d )\s*:\s*user unknown"),  # "550 : User unknown": the receive filter
        R("userunknown", r"<[^>@\s]+@[^>\s]+>\s*:?\s*user unknown"),
        R("userunknown", r"user unknown", command="RCPT"),
        R("filtered", r"user unknown", command="DATA"),
    ),
)


SOFTBANK = Provider(
    "SoftBank",
    ("softbank.ne.jp", "i.softbank.jp", "vodafone.ne.jp", "disney.ne.jp"),
    (
        R("userunknown", r"invalid recipient"),
        R("filtered", r"unknown user|user unknown", command="DATA"),
    ),
)
