"""The classifier's tables: enhanced status codes and diagnostic wording, each mapped to a reason.

Data, not branches. `STATUS` maps a status code to a reason; codes in `AMBIGUOUS_STATUS` are used
only when no wording matched (x.0.0 says nothing, 5.7.1 covers everything from spam to relaying).
`PATTERNS` is a list of (reason, regular expressions), tried in order; the first match wins, so
narrow reasons come before broad ones.
"""

from __future__ import annotations

STATUS: dict[str, str] = {
    # x.1 addressing
    "5.1.0": "userunknown",
    "5.1.1": "userunknown",
    "5.1.2": "hostunknown",
    "5.1.3": "userunknown",
    "5.1.4": "userunknown",
    "5.1.5": "userunknown",
    "5.1.6": "hasmoved",
    "5.1.7": "rejected",
    "5.1.8": "rejected",
    "5.1.9": "systemerror",
    "5.1.10": "hostunknown",
    "4.1.1": "userunknown",
    "4.1.2": "hostunknown",
    "4.1.7": "rejected",
    "4.1.8": "rejected",
    # x.2 mailbox
    "5.2.0": "filtered",
    "5.2.1": "suspend",
    "5.2.2": "mailboxfull",
    "5.2.3": "emailtoolarge",
    "5.2.4": "systemerror",
    "4.2.0": "onhold",
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
    "4.4.0": "networkerror",
    "4.4.1": "networkerror",
    "4.4.2": "networkerror",
    "4.4.3": "systemerror",
    "4.4.4": "hostunknown",
    "4.4.5": "systemfull",
    "4.4.6": "networkerror",
    "4.4.7": "expired",
    # x.5 protocol
    "5.5.0": "syntaxerror",
    "5.5.1": "syntaxerror",
    "5.5.2": "syntaxerror",
    "5.5.3": "syntaxerror",
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
    "5.7.1": "rejected",
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
    "5.7.15": "authfailure",
    "5.7.16": "authfailure",
    "5.7.17": "authfailure",
    "5.7.18": "authfailure",
    "5.7.19": "authfailure",
    "5.7.20": "authfailure",
    "5.7.21": "authfailure",
    "5.7.22": "authfailure",
    "5.7.23": "authfailure",
    "5.7.24": "authfailure",
    "5.7.25": "requireptr",
    "5.7.26": "authfailure",
    "5.7.27": "notaccept",
    "5.7.28": "ratelimited",
    "5.7.30": "failedstarttls",
    "4.7.0": "securityerror",
    "4.7.1": "blocked",
    "4.7.5": "securityerror",
    "4.7.10": "failedstarttls",
    "4.7.25": "requireptr",
    "4.7.26": "authfailure",
    "4.7.28": "ratelimited",
}

# Codes that carry too little meaning on their own: consulted only after the wording.
AMBIGUOUS_STATUS = frozenset(
    {
        "5.0.0", "4.0.0", "5.1.0", "5.2.0", "5.3.0", "4.3.0", "5.4.0", "4.4.0", "5.5.0", "4.5.0",
        "5.6.0", "5.7.0", "4.7.0", "5.7.1", "4.7.1", "5.2.1", "5.1.3", "5.5.1", "5.5.2", "5.5.4",
        "5.1.8", "5.1.7", "5.2.4", "4.2.0", "4.4.1", "4.4.2", "5.3.4", "5.4.1", "5.4.6",
        "5.3.5", "5.7.27",
    }
)

# (reason, patterns): tried in this order against the diagnostic text (case-insensitive).
PATTERNS: list[tuple[str, tuple[str, ...]]] = [
    ("authfailure", (
        r"\bdmarc\b.*\b(?:policy|reject|fail)", r"\bspf\b.*\b(?:fail|check|reject|denied)",
        r"\bdkim\b.*\b(?:fail|invalid|reject)", r"unauthenticated (?:email|mail|sender)",
        r"\bnot pass(?:ed)? (?:spf|dkim|dmarc)", r"sender policy framework",
        r"authentication (?:failed|failure|required)", r"is not authorized to send mail",
        r"\bspf (?:record|validation|check)", r"5\.7\.2[36]\b",
    )),
    ("requireptr", (
        r"reverse dns", r"no ptr record", r"\bptr record\b", r"reverse (?:lookup|name|mapping)",
        r"cannot find your hostname", r"client host .* rejected: cannot find your",
        r"rdns", r"does not have a ptr", r"domain name lookup failed",
        r"unresolvable (?:ip|address|hostname)", r"5\.7\.25\b", r"ip name lookup failed",
    )),
    ("failedstarttls", (
        r"starttls (?:is )?required", r"must issue a starttls", r"tls (?:is )?required",
        r"encryption required", r"requires? (?:a )?(?:secure|encrypted|tls) connection",
        r"starttls failed", r"tls handshake failed",
    )),
    ("virusdetected", (
        r"\bvirus\b", r"\bmalware\b", r"\btrojan\b", r"infected", r"\bworm\b", r"phishing",
    )),
    ("spamdetected", (
        r"\bspam\b", r"junk mail", r"unsolicited", r"bulk (?:mail|e-?mail)", r"message (?:content )?rejected as spam",
        r"content filter", r"spam-?like", r"classified as (?:spam|junk)", r"suspicious", r"spamassassin",
        r"\buce\b", r"looks like spam",
    )),
    ("badreputation", (
        r"\breputation\b", r"poor reputation", r"low reputation", r"sender score",
    )),
    ("blocked", (
        r"\bblock(?:ed|list|listed)\b", r"\bblacklist", r"\bdenylist", r"\brbl\b", r"\bdnsbl\b",
        r"spamhaus", r"spamcop", r"barracuda", r"sorbs", r"\bbanned\b", r"your ip", r"client host .* blocked",
        r"connection (?:refused|rejected)", r"access denied", r"not allowed to send",
        r"poor reputation", r"listed (?:at|on|in)", r"\bip\b.*\b(?:rejected|refused)",
    )),
    ("ratelimited", (
        r"too many (?:messages|connections|recipients|emails|mails)", r"rate limit", r"ratelimit",
        r"throttl", r"exceeded (?:the )?(?:maximum|rate|sending)", r"try again later.*too many",
        r"too much mail", r"(?:sending|message) (?:rate|limit) exceeded", r"temporarily deferred",
        r"connection limit", r"too fast",
    )),
    ("mailboxfull", (
        r"mailbox (?:is )?full", r"over ?quota", r"quota (?:exceeded|full)", r"exceeded (?:storage|quota)",
        r"mailbox size limit", r"insufficient (?:system )?storage", r"disk quota", r"mail ?box (?:is )?over",
        r"storage (?:allocation )?exceeded", r"mailbox has exceeded", r"user has exceeded",
        r"account is full", r"not enough (?:space|storage)", r"no space left",
        r"容量(?:が|を)?(?:超過|いっぱい)",
    )),
    ("emailtoolarge", (
        r"message (?:is )?too (?:large|big)", r"message size exceeds", r"exceeds (?:the )?(?:maximum )?(?:message )?size",
        r"size limit", r"message length exceeds", r"mail too large", r"too large for",
    )),
    ("suspend", (
        r"(?:mailbox|account|user) (?:is )?(?:disabled|suspended|inactive|deactivated|locked|frozen|blocked)",
        r"account (?:has been )?(?:disabled|suspended|expired|closed)", r"mailbox (?:is )?(?:unavailable|inactive)",
        r"recipient (?:is )?(?:suspended|disabled|inactive)", r"service (?:is )?suspended",
    )),
    ("hasmoved", (r"has moved", r"address (?:has )?changed", r"\bmoved to\b", r"new address")),
    ("norelaying", (
        r"relay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|prohibited)", r"not permitted to relay",
        r"unable to relay", r"we do not relay", r"relay not", r"no relay",
    )),
    ("hostunknown", (
        r"host (?:or domain name )?not found", r"domain (?:does not exist|not found|name not found)",
        r"no such domain", r"unknown (?:host|domain)", r"name or service not known",
        r"unrouteable (?:address|domain)", r"no mx (?:record|host)", r"domain .* does not accept mail",
        r"host unknown", r"nxdomain", r"bad destination (?:mailbox address|system address)",
        r"recipient domain", r"dns lookup failed",
    )),
    ("userunknown", (
        r"user ?unknown", r"unknown user", r"no such (?:user|recipient|mailbox|account|address)",
        r"(?:user|recipient|mailbox|address|account) (?:does not|doesn'?t) exist",
        r"(?:user|recipient|mailbox|account) (?:not found|unknown|not known)", r"invalid (?:recipient|mailbox|user|address)",
        r"unknown (?:recipient|mailbox|local ?part|address|account)", r"mailbox unavailable",
        r"recipient address rejected", r"address rejected", r"not a valid (?:mailbox|recipient|user)",
        r"no mailbox", r"mailbox not found", r"user not found", r"undeliverable address",
        r"addressee unknown", r"is not a known user", r"no such person", r"bad recipient",
        r"resolver\.adr\.recipientnotfound", r"recipient not found", r"does not have an account",
        r"unrouteable address", r"recipient rejected",
    )),
    ("filtered", (
        r"filtered", r"\bfilter\b", r"rejected by (?:the )?recipient", r"refused by (?:the )?recipient",
        r"recipient (?:has )?(?:refused|rejected|blocked)", r"sender (?:is )?(?:not allowed|blocked|rejected) by recipient",
    )),
    ("policyviolation", (
        r"policy", r"prohibited", r"not (?:allowed|permitted) by", r"violat",
    )),
    ("contenterror", (
        r"content", r"attachment", r"mime", r"header (?:error|syntax|too long)", r"invalid (?:header|character)",
        r"8-?bit", r"line too long",
    )),
    ("notcompliantrfc", (
        r"rfc ?5322", r"rfc ?2822", r"rfc ?822", r"not (?:rfc )?compliant", r"duplicate header",
        r"multiple (?:from|date|subject|message-id) headers", r"missing (?:date|from|message-id) header",
    )),
    ("syntaxerror", (
        r"syntax error", r"command unrecognized", r"unrecognized command", r"bad sequence of commands",
        r"command not (?:implemented|recognized)", r"parameter", r"line too long",
    )),
    ("notaccept", (
        r"does not accept (?:e-?mail|mail|messages)", r"not accepting (?:e-?)?mail", r"null mx",
        r"accepts no mail", r"no mail (?:service|accepted)",
    )),
    ("systemfull", (r"system (?:is )?full", r"insufficient system (?:storage|resources)", r"disk full")),
    ("networkerror", (
        r"connection (?:timed out|reset|closed|lost)", r"timed? ?out", r"network (?:is )?unreachable",
        r"no route to host", r"dns (?:error|failure|timeout)", r"lost connection", r"could not connect",
        r"connection refused", r"routing loop", r"mail loop", r"too many hops", r"hop count exceeded",
    )),
    ("mailererror", (
        r"\bmailer\b.*(?:error|failed)", r"command (?:died|failed)", r"exit (?:status|code)", r"procmail",
        r"x-unix", r"pipe to",
    )),
    ("systemerror", (
        r"system error", r"internal (?:server )?error", r"server error", r"temporary failure",
        r"local error", r"configuration error", r"service (?:not )?available", r"try again later",
        r"resources temporarily unavailable",
    )),
    ("expired", (
        r"(?:delivery|message) (?:time|has )?expired", r"retry time(?:out)? (?:not )?(?:reached|exceeded)",
        r"could not be delivered (?:for|within)", r"gave up", r"too long in (?:the )?queue",
        r"delivery time expired", r"was not delivered (?:for|within)", r"has been delayed",
    )),
]
