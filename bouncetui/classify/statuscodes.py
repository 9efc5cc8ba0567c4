"""What an enhanced status code (RFC 3463) says about the reason, and when it says too little.

`STATUS` maps a status code to a reason. Codes in `AMBIGUOUS_STATUS` are consulted only when no
wording matched (x.0.0 says nothing, 5.7.1 covers everything from spam to relaying); a firm code
still gives way to wording naming one of its `STATUS_GIVES_WAY` reasons; `CLASS_FALLBACK` is the
status class alone, when nothing else spoke.
"""

from __future__ import annotations

STATUS: dict[str, str] = {
    # x.1 addressing
    "5.1.0": "rejected",
    "5.1.1": "userunknown",
    "5.1.2": "hostunknown",
    "5.1.3": "userunknown",
    "5.1.4": "userunknown",
    "5.1.5": "userunknown",
    "5.1.6": "hasmoved",
    "5.1.7": "rejected",
    "5.1.8": "rejected",
    "5.1.9": "systemerror",
    "5.1.10": "notaccept",
    "4.1.1": "userunknown",
    "4.1.2": "hostunknown",
    "4.1.7": "rejected",
    "4.1.8": "rejected",
    # the transient forms of permanent codes below, which a few servers send (RFC 3463 lists both)
    "4.1.9": "systemerror",
    "4.5.5": "syntaxerror",
    "4.6.2": "contenterror",
    "4.6.5": "contenterror",
    "4.7.6": "securityerror",
    "4.7.7": "securityerror",
    "4.7.12": "securityerror",
    "4.7.15": "policyviolation",
    "4.7.16": "emailtoolarge",
    # x.2 mailbox
    "5.2.0": "filtered",
    "5.2.1": "suspend",
    "5.2.2": "mailboxfull",
    "5.2.3": "emailtoolarge",
    "5.2.4": "systemerror",
    "4.2.0": "systemerror",
    "4.2.1": "suspend",
    "4.2.2": "mailboxfull",
    "4.2.3": "emailtoolarge",
    "4.2.4": "systemerror",
    # x.3 mail system
    "5.3.0": "systemerror",
    "5.3.1": "systemfull",
    "5.3.2": "notaccept",
    "5.3.3": "systemerror",
    "5.3.4": "emailtoolarge",
    "5.3.5": "systemerror",
    "4.3.0": "systemerror",
    "4.3.1": "systemfull",
    "4.3.2": "notaccept",
    "4.3.3": "systemerror",
    "4.3.4": "emailtoolarge",
    "4.3.5": "systemerror",
    # x.4 network and routing
    "5.4.0": "networkerror",
    "5.4.1": "networkerror",
    "5.4.2": "networkerror",
    "5.4.3": "systemerror",
    "5.4.4": "hostunknown",
    "5.4.5": "networkerror",
    "5.4.6": "networkerror",
    "5.4.7": "expired",
    "4.4.0": "expired",
    "4.4.1": "expired",
    "4.4.2": "expired",
    "4.4.3": "systemerror",
    "4.4.4": "hostunknown",
    "4.4.5": "systemfull",
    "4.4.6": "networkerror",
    "4.4.7": "expired",
    # x.5 protocol
    "5.5.0": "syntaxerror",
    "5.5.1": "syntaxerror",
    "5.5.2": "syntaxerror",
    "5.5.3": "ratelimited",
    "5.5.4": "syntaxerror",
    "5.5.5": "syntaxerror",
    "5.5.6": "syntaxerror",
    "4.5.0": "syntaxerror",
    "4.5.3": "ratelimited",
    # x.6 content
    "5.6.0": "contenterror",
    "5.6.1": "contenterror",
    "5.6.2": "contenterror",
    "5.6.3": "contenterror",
    "5.6.4": "contenterror",
    "5.6.5": "contenterror",
    "5.6.6": "contenterror",
    "5.6.7": "contenterror",
    "5.6.8": "contenterror",
    "5.6.9": "contenterror",
    "5.6.10": "contenterror",
    # x.7 security and policy
    "5.7.0": "securityerror",
    "5.7.1": "securityerror",
    "5.7.2": "rejected",
    "5.7.3": "securityerror",
    "5.7.4": "securityerror",
    "5.7.5": "securityerror",
    "5.7.6": "securityerror",
    "5.7.7": "securityerror",
    "5.7.8": "securityerror",
    "5.7.9": "securityerror",
    "5.7.10": "failedstarttls",
    "5.7.11": "failedstarttls",
    "5.7.13": "suspend",
    "5.7.14": "securityerror",
    "5.7.12": "securityerror",
    "5.7.15": "policyviolation",
    "5.7.16": "emailtoolarge",
    "5.7.17": "hasmoved",
    "5.7.18": "hasmoved",
    "5.7.19": "securityerror",
    "5.7.20": "authfailure",
    "5.7.21": "authfailure",
    "5.7.22": "authfailure",
    "5.7.23": "authfailure",
    "5.7.24": "authfailure",
    "5.7.25": "requireptr",
    "5.7.26": "authfailure",
    # RFC 7505: "Sender address has null MX": the envelope sender's domain receives no mail, so the
    # receiver refused the sender (the recipient is fine). Ambiguous below: see there.
    "5.7.27": "rejected",
    "5.7.28": "ratelimited",
    "5.7.29": "authfailure",
    "4.7.24": "authfailure",
    "4.7.29": "authfailure",
    "5.7.30": "failedstarttls",
    "4.7.0": "securityerror",
    "4.7.1": "securityerror",
    "4.7.5": "securityerror",
    "4.7.10": "failedstarttls",
    "4.7.25": "requireptr",
    "4.7.26": "authfailure",
    "4.7.28": "ratelimited",
    # Gmail's "421 4.7.27 ... rate limited because SPF authentication didn't pass" (RFC 7505 defines
    # no transient null MX): the sending domain's SPF. Ambiguous below: the words decide first.
    "4.7.27": "authfailure",
    "5.7.51": "securityerror",
    "5.7.54": "norelaying",
    "5.7.64": "norelaying",
    "5.7.509": "authfailure",
    "5.7.515": "authfailure",
    "4.7.650": "badreputation",
    "5.4.316": "expired",
    "5.1.351": "userunknown",
    "4.4.8": "expired",
    "5.4.8": "expired",
}

# Codes that carry too little meaning on their own: consulted only after the wording. Besides the
# x.0.0 "other" codes these are codes providers reuse for something else than RFC 3463 says
# (Microsoft's 5.1.10 and 5.4.1 for a missing recipient, Gmail's 5.2.1 for a rate limit, 5.7.1 for
# everything from spam to relaying).
AMBIGUOUS_STATUS = frozenset(
    {
        "5.0.0", "4.0.0", "5.1.0", "4.1.0", "5.2.0", "4.2.0", "5.3.0", "4.3.0", "5.4.0", "4.4.0",
        "5.5.0", "4.5.0", "5.6.0", "4.6.0", "5.7.0", "4.7.0",
        "5.1.3", "5.1.10", "5.2.1", "4.2.1", "5.2.4", "4.3.2", "5.3.5", "4.4.2", "5.4.1",
        "5.4.4", "5.4.6", "5.5.1", "5.5.2", "5.5.4", "5.6.1", "5.7.1", "4.7.1", "5.7.9",
        "5.1.351",
        # 4.4.3 "directory server failure": a DNS failure ("Host not found, try again") as well
        # as an unreachable LDAP or other directory; the words say which.
        "4.4.3",
        # x.7.27 has three meanings in the wild, which the words tell apart: RFC 7505's null MX of
        # the sender's domain ("Sender address rejected: ... (nullMX)": rejected, soft); Sendmail's
        # null MX of the recipient's domain ("550 Host does not accept mail": notaccept, hard); Gmail's
        # SPF failure of the sending domain, also when a relay reports it without Gmail's sentences
        # ("... SPF authentication didn't pass", "does not pass SPF": authfailure, soft). With no
        # telling words, 5.7.27 is what RFC 7505 registered and 4.7.27 what Gmail uses it for.
        "5.7.27", "4.7.27",
    }
)

# A firm status code still gives way to wording that names one of these reasons: "550 5.1.1
# <a@b>: Relay access denied" is about relaying, whatever status the reporting MTA guessed.
STATUS_GIVES_WAY: dict[str, frozenset[str]] = {
    "userunknown": frozenset({"norelaying", "blocked", "mailboxfull", "hasmoved", "rejected",
                              "notaccept", "ratelimited", "suspend", "spamdetected", "mailererror",
                              "suppressed"}),
    "hostunknown": frozenset({"notaccept", "networkerror"}),
    "mailboxfull": frozenset(),
    # x.7.5 "cryptographic failure" and the like: the words say when it was TLS that failed.
    "securityerror": frozenset({"failedstarttls"}),
    "expired": frozenset({"blocked", "systemfull", "mailboxfull", "hostunknown", "networkerror",
                          "userunknown", "ratelimited", "rejected", "badreputation", "spamdetected",
                          "requireptr", "authfailure", "notaccept", "securityerror", "policyviolation"}),
}

# When no wording matched: the status class alone (x.6 content, x.7 security), then the action.
CLASS_FALLBACK: tuple[tuple[str, str], ...] = (
    ("5.6.", "contenterror"), ("4.6.", "contenterror"),
    ("5.7.", "securityerror"), ("4.7.", "securityerror"),
)
