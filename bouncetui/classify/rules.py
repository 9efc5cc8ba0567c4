"""The classifier's tables: enhanced status codes and diagnostic wording, each mapped to a reason.

Data, not branches. `STATUS` maps a status code to a reason; codes in `AMBIGUOUS_STATUS` are used
only when no wording matched (x.0.0 says nothing, 5.7.1 covers everything from spam to relaying).
`PATTERNS` is a list of (reason, regular expressions), tried in order; the first match wins, so
narrow reasons come before broad ones.
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
    "5.7.27": "notaccept",
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

# The stage rule (a "user unknown" not in reply to RCPT is a receive filter) reads SMTP replies, whose
# "550 Unknown user" a filter sends too. A notice's own sentence in the reader's language ("宛先の
# ユーザーが存在しません", "Adresse wurde nicht gefunden", "adresse introuvable", "no se ha encontrado
# la dirección") is the reporting server's verdict that the mailbox does not exist: no filter.
STAGELESS_UNKNOWN = (
    r"存在しません|存在しない|見つかりません|(?:宛先|受信者|受取人)(?:が)?不明|(?:いません|おりません)"
    r"|nicht gefunden|existiert nicht|introuvable|n'existe pas|no se (?:ha )?encontr|no existe"
    r"|unbekannt|inconnu|desconocid|sconosciut|desconhecid|inexistente|inesistente|inexistant"
)

# A missing host that the resolver itself calls temporary ("Host not found, try again") is a DNS
# failure, not proof that the domain does not exist; so is any with a 4xx status.
TEMPORARY_DNS = r"not found, try again"

# When no wording matched: the status class alone (x.6 content, x.7 security), then the action.
CLASS_FALLBACK: tuple[tuple[str, str], ...] = (
    ("5.6.", "contenterror"), ("4.6.", "contenterror"),
    ("5.7.", "securityerror"), ("4.7.", "securityerror"),
)

# At these stages some reasons mean something else: refused at the connection it is the client
# that is blocked; refused at MAIL FROM it is the sender that is rejected, whatever the words.
STAGE_MEANS: dict[str, dict[str, str]] = {
    "CONN": {"rejected": "blocked", "securityerror": "blocked", "systemerror": "blocked"},
    "MAIL": {"hostunknown": "rejected", "userunknown": "rejected"},
    "HELO": {"hostunknown": "blocked", "rejected": "blocked", "syntaxerror": "blocked"},
    "EHLO": {"hostunknown": "blocked", "rejected": "blocked", "syntaxerror": "blocked"},
}

# Words that mean one thing at one stage: "Access denied" to MAIL FROM refuses the sender.
STAGE_PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "MAIL": ((r"access (?:denied|refused)", "rejected"),),
}

# A local mailer failure still says so when the program's words name one of these reasons.
MAILER_KEEPS = frozenset({"mailboxfull", "emailtoolarge", "systemfull", "systemerror"})

# Diagnostic types that say the local mailer (a pipe, a program, the local delivery agent) failed.
MAILER_TYPES = frozenset({"X-UNIX", "X-LOCAL"})

# (reason, patterns): tried in this order against the diagnostic text (case-insensitive); the
# first match wins, so narrow reasons come before broad ones. Every reason's table is exercised
# by tests/unit/test_classify_rules.py with wording that must and must not match.
PATTERNS: list[tuple[str, tuple[str, ...]]] = [
    ("suppressed", (
        r"on the (?:account(?:-level)? |global |your )?suppression list", r"(?:address|recipient) (?:is|was) suppressed",
        r"suppressed (?:address|recipient)", r"previously (?:bounced|hard[- ]bounced) address",
        r"has suppressed sending to this address",
    )),
    ("mailboxfull", (
        # Exim's own "error: quota exceed"
        r"\bquota exceed\b",
        # more mail servers' words for a full mailbox ("mail file" is the mailbox file)
        r"quota usage exceeded", r"not enough storage space", r"over the (?:allowed )?quota",
        r"mail file size exceeds",
        r"mail ?box (?:is )?full", r"mailbox (?:size|storage)? ?(?:limit )?(?:exceeded|is over)", r"over ?quota",
        r"quota (?:exceeded|full|violation)", r"exceeded (?:his/her |the |their |its )?(?:storage|quota|mailbox)",
        r"(?:mailbox|user|recipient|account) has exceeded", r"insufficient (?:disk )?(?:space|storage) for (?:the )?(?:user|mailbox|recipient)",
        r"disk quota", r"mail ?box (?:is )?over", r"storage (?:allocation )?exceeded",
        r"account is full", r"inbox is full", r"full mailbox", r"does not have enough space", r"not (?:enough|sufficient) disk space",
        r"space has been used up", r"too many messages on the server", r"would exceed (?:the )?maximum allowed storage",
        r"exceeding (?:its |their )?(?:mailbox )?quota", r"exceeding receiving limits", r"boite du destinataire pleine", r"out of storage space", r"too much mail data",
        r"not enough (?:space|storage) (?:in|on) (?:the )?(?:mailbox|account)", r"mailfolder is full",
        r"user(?:'s)? (?:mailbox|disk) (?:is )?full", r"mailbox exceeds", r"exceeds? (?:the )?(?:mailbox|recipient'?s?) (?:quota|size)",
        r"容量(?:が|を)?(?:超過|いっぱい|オーバー|超え)", r"メールボックスが(?:いっぱい|一杯|満杯)",
        # Japanese notices: "the mailbox's capacity is insufficient", "has reached its capacity limit"
        r"(?:メールボックス|メールボックスの容量|保存容量|ディスク容量|容量)(?:が|の)?(?:不足|上限に達)",
        r"(?:メールボックス|受信ボックス|受信箱)(?:の|が|は)?(?:容量|サイズ)(?:の)?(?:制限|上限)", r"受信(?:ボックス|箱)が(?:いっぱい|一杯|満杯)",
        r"bo[iî]te (?:aux lettres |de r[ée]ception )?(?:du destinataire |de \S+ )?(?:est )?pleine",
        r"buz[oó]n (?:de correo )?(?:del destinatario |de \S+ )?(?:est[aá] )?lleno",
        r"postfach (?:ist )?voll", r"bo[iî]te (?:aux lettres )?(?:est )?pleine", r"buz[oó]n (?:est[aá] )?lleno",
        r"mailbox (?:ist )?voll", r"caixa (?:postal|de correio) (?:est[aá] )?cheia", r"casella (?:di posta )?(?:[eè] )?piena",
        r"ящик (?:\w+ )?переполнен", r"邮箱(?:空间|容量)?已满", r"메일함이 (?:가득 )?(?:찼|꽉)",
    )),
    ("emailtoolarge", (
        r"maximum (?:inbound |outbound )?message size", r"\bsize limit\b", r"taille limite du message",
        r"message (?:is )?too (?:large|big|long)", r"message size (?:exceeds|too large|limit)",
        r"exceeds? (?:the )?(?:maximum |fixed )?(?:allowed )?(?:message )?size", r"message length exceeds",
        r"mail (?:is )?too (?:large|big)", r"too large for", r"size (?:limit )?exceeded", r"maximum message size",
        r"message exceeds (?:the )?(?:local )?limit", r"message file too big", r"(?:メール|メッセージ)?サイズ(?:が|を)(?:超過|超え|オーバー)",
        r"(?:メール|メッセージ)の?サイズ(?:が|は)?(?:制限|上限|規定|大きすぎ)", r"(?:サイズ|容量)制限を超え",
        r"サイズ(?:の)?(?:制限|上限)を(?:超|オーバー)",
        r"message (?:est )?trop (?:volumineux|gros)", r"mensaje (?:es )?demasiado grande", r"nachricht (?:ist )?zu gro(?:ß|ss)", r"size of (?:the )?message exceeds",
        # a limit on the lines of a message ("500 Line limit exceeded" after end of data)
        r"line (?:count )?limit exceeded",
    )),
    ("suspend", (
        # "due to extended inactivity new mail is not currently being accepted": an account gone dormant
        r"is currently suspended", r"\bhas been suspended\b", r"due to extended inactivity",
        r"(?:mailbox|account|user|recipient|address)(?: is| has been)? (?:currently )?(?:disabled|suspended|inactive|deactivated|"
        r"locked|frozen|terminated|expired|closed|not active|on hold|temporar(?:il)?y (?:locked|disabled|blocked))",
        r"account (?:that you tried to reach )?(?:is|has been) (?:disabled|inactive)",
        r"recipient account is blocked", r"service (?:is )?suspended", r"temporary locked",
        r"disabled (?:mailbox|account|recipient)", r"inactive (?:mailbox|account|user)",
        r"user (?:account )?(?:has )?(?:been )?(?:suspended|disabled)", r"this account has been (?:suspended|disabled|blocked)",
        r"mailbox (?:is )?(?:unavailable|currently unavailable) for", r"is a deactivated mailbox",
        r"no longer accepts mail", r"archived recipient", r"boite du destinataire archivee", r"mailbox disabled",
        r"user or domain is disabled", r"disabled or discontinued", r"account is locked", r"temporarily inactive",
        r"suspend(?:ed)? the service", r"mailbox unavailable or access denied",
        # Japanese notices: "this address is suspended", "the account is disabled / frozen"
        r"(?:利用|使用)(?:を)?停止",
        r"(?:postfach|konto|benutzer|account) (?:\S+ )?(?:ist |wurde )?(?:gesperrt|deaktiviert)",
        r"(?:compte|bo[iî]te aux lettres) (?:\S+ )?(?:est |a été )?(?:d[ée]sactiv[ée]e?|suspendue?|bloqu[ée]e?)",
        r"(?:cuenta|buz[oó]n) (?:\S+ )?(?:est[aá] |ha sido )?(?:desactivad[oa]|suspendid[oa]|bloquead[oa])", r"(?:アカウント|メールアドレス|アドレス|メールボックス)(?:が|は)(?:現在)?(?:停止|無効|凍結|休止)",
    )),
    ("hasmoved", (
        r"has moved (?:to|;)", r"address (?:has )?changed", r"\bmoved to\b", r"user has moved",
        r"has been replaced by", r"new address is",
    )),
    ("norelaying", (
        # qmail's rcpthosts ("that domain or user isn't in my list of allowed rcpthosts")
        r"isn'?t in my list of allowed rcpthost", r"authentication when attempting to send to a non-local",
        r"relay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|prohibited|disallowed)",
        r"not (?:permitted|allowed|authorized) to relay", r"unable to relay", r"we do not relay",
        r"relay not (?:permitted|allowed)", r"no relay", r"not configured to relay", r"relaying mail to .* is not allowed",
        r"cannot relay", r"that domain isn'?t in my list of allowed rcpthosts", r"this smtp server is not a relay", r"we don'?t handle mail for",
        r"not an open relay", r"as a relay", r"(?:中継|リレー)(?:が|を|は)?(?:拒否|許可されていません|できません)", r"not local host", r"specified domain is not allowed", r"(?:not|n't) in (?:my|the) (?:list of )?(?:rcpthosts|relay domains)", r"insecure mail relay", r"relay (?:is )?not available", r"not a gateway",
    )),
    ("notcompliantrfc", (
        r"rfc ?5322", r"rfc ?2822", r"rfc ?822", r"not (?:rfc )?compliant", r"duplicate header",
        r"multiple (?:from|date|subject|message-id|to|sender|reply-to) (?:headers|fields)",
        r"multiple (?:subject|from|date|message-id) headers", r"multiple addresses in from",
        r"missing (?:date|from|message-id|required) header", r"missing (?:a )?valid (?:message-id|date|from)\b", r"(?:header|headers) (?:are )?not rfc",
        r"bare (?:lf|linefeed|newline)s?", r"bare cr", r"non-?compliant",
    )),
    ("authfailure", (
        r"spf\.pobox\.com", r"\bspf settings", r"\bspf: \S+ is not allowed to send",
        r"\bdmarc\b", r"\bspf\b.{0,40}\b(?:fail|check|reject|denied|hard|soft|not pass|validation)",
        r"\bdkim\b.{0,40}\b(?:fail|invalid|reject|not pass|signature)", r"unauthenticated (?:e-?mail|mail) from",
        r"sender is unauthenticated", r"\bnot pass(?:ed)? (?:spf|dkim|dmarc)", r"sender policy framework",
        r"is not (?:authorized|allowed) to send (?:e-?mail|mail)? ?(?:on behalf|for)", r"\bspf (?:record|validation|check)",
        r"5\.7\.2[36]\b", r"authentication results", r"sender (?:address|domain) (?:failed|did not pass) authentication",
    )),
    ("requireptr", (
        r"dns ptr resource record", r"unresolvable relay host name",
        r"reverse dns", r"no ptr record", r"\bptr record", r"reverse (?:lookup|name|mapping|dns)",
        r"cannot find your (?:hostname|reverse)", r"client host .{0,40} rejected: cannot find your",
        r"\brdns\b", r"does not have a ptr", r"(?:ip|host) name lookup failed", r"unresolvable (?:ip|address|hostname)",
        r"5\.7\.25\b", r"no reverse", r"(?:domain|helo|hostname) .{0,40}mismatch(?:es)? (?:the )?client ip",
        r"not resolve your (?:ip|address)", r"please set up (?:a )?(?:ptr|reverse)", r"forward[- ]confirmed", r"unverif(?:y|i)able (?:sending )?ips?",
        r"(?:ip|client) (?:address )?(?:has )?no (?:dns|ptr|hostname)", r"you have no hostname",
    )),
    ("badreputation", (
        r"reputation problems?",
        r"\bip reputation\b", r"(?:poor|low|bad|negative) (?:ip |sender |domain )?reputation",
        r"reputation (?:of|is too low)", r"sender score", r"rejected .{0,30}reputation",
    )),
    ("ratelimited", (
        r"too many smtp sessions",
        r"too many (?:messages|connections|recipients|emails|mails|concurrent|sessions|errors|invalid)",
        r"rate limit", r"ratelimit", r"throttl", r"exceeded (?:the )?(?:maximum |allowed )?(?:rate|sending|number|connection)",
        r"too much mail", r"(?:sending|message|connection) (?:rate|limit) exceeded", r"temporarily deferred",
        r"connection limit", r"too fast", r"receiving mail too quickly",
        r"reached (?:your|the|its) (?:daily|hourly) (?:sending |message |recipient )?limit", r"frequency limit", r"receiving mail at a rate",
        r"has sent to too many", r"sending (?:quota|limit) exceeded", r"maximum connection limit", r"max emails per hour", r"try again slower",
        r"trop de connexions", r"temporarily rate limited", r"too many (?:recipients|rcpt)", r"please (?:slow down|try again later).{0,30}(?:rate|volume)",
        r"exceeded .{0,30}(?:limit|quota) (?:of|for) (?:messages|connections|recipients)",
        # a provider's sending limits: "1日の送信数の上限を超えました", "短時間に大量のメールを送信"
        r"送信(?:数|件数|通数)(?:の)?(?:上限|制限)", r"送信(?:上限|制限)(?:を超え|に達)", r"短時間に(?:大量|多数)",
    )),
    ("virusdetected", (
        r"\bvirus\b", r"\bmalware\b", r"\btrojan\b", r"\binfected\b", r"\bworm\b", r"harmful (?:content|software)",
        r"\bmalicious (?:content|code|attachment|file|software|payload)",
        r"ウ[イィ]ルス(?:が|を)?(?:検出|検知|感染|発見|含まれ)",
    )),
    ("spamdetected", (
        # content judged as spam by a filter or a URL block list (URIBL), or a "spam profiler"
        r"blacklisted url", r"\burl .{0,30}blacklisted", r"content filter rejection", r"mail content denied",
        r"bulk\.advertising", r"rejecting mail content", r"\bspamming\b",
        r"blocked by (?:our|the) (?:spam |content )?filter", r"\buribl\b", r"spamprofiler",
        r"\bspam\b", r"junk (?:mail|e-?mail)", r"unsolicited", r"\bbulk (?:mail|e-?mail)", r"\bube\b", r"\buce\b",
        r"classified as (?:spam|junk)", r"spam-?like", r"spamassassin", r"looks like spam", r"spam score",
        r"content (?:rejected|refused)", r"message content rejected", r"rejected by (?:the )?content filter",
        r"message (?:has been |was )?(?:rejected|refused|blocked) (?:because|as|due to) .{0,30}(?:spam|suspicious)",
        r"mail rejete|mail rejected\. ofr", r"unacceptable content", r"looks suspicious", r"appears to be unsolicited",
        r"迷惑メール(?:と|として)(?:判定|判断|認識|検出|扱)", r"スパム(?:メール)?(?:と|として)?(?:判定|判断|認識|検出)",
        r"high probability of spam", r"recurrent pattern detection", r"reject, id=", r"anti-?spam", r"mass mailer", r"suspicious (?:content|message|mail|url|link)", r"\bphishing\b",
    )),
    ("policyviolation", (
        r"banned content", r"potentially executable attachment", r"organizational settings",
        r"without solving a captcha",
        r"policy (?:reason|violation|rejection)", r"for policy reasons", r"local policy", r"security polic(?:y|ies)",
        r"content presents a potential", r"\bviolat(?:es|ed|ion)\b", r"\bprohibited\b", r"acceptable use",
        r"\baup\b", r"not allowed by (?:the )?(?:recipient|organization|domain)", r"attachment (?:type )?(?:is )?not allowed",
        r"blocked (?:file|attachment)", r"message (?:was )?blocked because its content", r"header error",
        r"host network not allowed", r"organization'?s policy", r"policy", r"content restrictions?",
        r"banned attachment", r"banned file type", r"illegal attachment", r"message filtered", r"not accepting mail with ",
        r"do not accept messages containing", r"attachment .{0,20}(?:not allowed|banned|blocked|prohibited)",
    )),
    ("userunknown", (
        r"no valid recipients for this mm",
        # more servers' words for a missing mailbox ("mailbox NAME does not exist", "user NAME was not found")
        r"can'?t accept user", r"email name is not found", r"#?5\.1\.1 bad address",
        r"^\s*5\d\d[ -](?:5\.\d\.\d+ )?address invalid", r"<address>>? not found",
        r"does not exist at the organization", r"not present in directory", r"bad[-_]recipient",
        r"destination addresses were unknown", r"destination server rejected recipients",
        r"(?:mailbox|user|recipient|account|rcpt) (?!domain\b)\S+ (?:does not exist|was not found)",
        r"mailbox invalid", r"mailbox is unavailable", r"mailbox <address> unavailable",
        r"\bno .{1,60} in name directory", r"rejected: account unavailable", r"no valid recipients, bye",
        r"non-?existent (?:user|recipient|mailbox|address)", r"recipient (?:does )?not exist", r"badrecipientto",
        r"spectator does not exist", r"unknown local-part",
        r"user ?unknown", r"unknown user", r"no such (?:user|recipient|mailbox|account|address|local user|person)",
        r"(?:user|recipient|mailbox|address|account|addressee)(?: address)? (?:does not|doesn'?t|did not) exist",
        r"(?:user|recipient|mailbox|account|address) (?:was )?(?:not found|unknown|not known|not listed)",
        r"invalid (?:recipient|mailbox|user|address|e-?mail address|destination)",
        r"unknown (?:recipient|mailbox|local ?part|address|account|e-?mail)", r"mailbox unavailable",
        r"recipient address rejected", r"(?<!sender )(?<!from )(?<!ip )(?<!sender email )\baddress rejected\b", r"not a valid (?:mailbox|recipient|user|address)",
        r"no mailbox", r"mailbox not found", r"user not found", r"undeliverable address",
        r"addressee unknown", r"is not a known user", r"bad recipient", r"recipientnotfound", r"recipient not found",
        r"does not have an? .{0,40}account", r"doesn'?t have an? .{0,40}account",
        r"recipient rejected", r"no (?:such )?mailbox here", r"mailbox (?:does not|doesn'?t) exist",
        r"not our customer", r"user (?:is )?not (?:local|here|known)", r"address unknown", r"unknown or illegal alias",
        r"destination (?:address|mailbox) (?:is )?(?:invalid|unknown)", r"(?:account|user|mailbox) (?:is )?not (?:exist|available)",
        r"\bdd this user\b", r"宛先不明", r"(?:アドレス|ユーザー?|宛先|アカウント|メールボックス|受信者)(?:が|は)(?:存在しません|見つかりません)",
        r"(?:受信者|受取人)(?:が)?不明",
        r"adresse\b.{0,40}\bnicht gefunden", r"(?:empf[aä]nger|benutzer|postfach|adresse) (?:\S+ )?existiert nicht",
        r"adresse .{0,40}introuvable", r"destinataire introuvable",
        r"(?:utilisateur|destinataire|bo[iî]te aux lettres|adresse) (?:\S+ )?inexistante?",
        r"(?:usuario|buz[oó]n|cuenta|destinatario) (?:\S+ )?no existe",
        r"no se (?:ha )?(?:encontrado|encontr[oó]) la direcci[oó]n", r"direcci[oó]n (?:de correo )?no (?:encontrada|existe|v[aá]lida)",
        r"benutzer unbekannt", r"unbekannter (?:benutzer|empf[aä]nger)", r"utilisateur inconnu", r"destinataire inconnu",
        r"usuario desconocido", r"does not exist here",
        r"usu[aá]rio (?:desconhecido|inexistente|n[aã]o existe)", r"utente (?:sconosciuto|inesistente)",
        r"destinatario (?:inexistente|sconosciuto|desconocido)", r"empf[aä]nger (?:ist )?unbekannt",
        r"adresse (?:e-?mail )?inconnue", r"пользовател[ья] (?:не найден|не существует)", r"нет такого пользователя",
        r"(?:用户|收件人|收信人|邮箱)(?:名|地址)?不存在", r"존재하지 않는 (?:사용자|계정|주소)", r"該当するユーザー?(?:は|が)(?:いません|存在しません)", r"can'?t accept mail for", r"no account by that name",
        r"no mail ?box (?:available|by that name|found)", r"not a local address", r"not found in directory",
        r"recipient is not local", r"recipient not ok", r"badrcptto", r"validrcptto", r"there is no one at this address",
        r"wrong or no longer valid", r"missing home directory", r"nessun utente", r"no existe (?:dicha persona|ese usuario)",
        r"invalid or unknown virtual user", r"envelope recipient has been denied", r"mailbox not present",
        r"is not an active address", r"not a valid user", r"no such (?:mail drop|e-?mail address)", r"not listed in (?:the )?(?:domino directory|public name|(?:the )?address book|directory)", r"(?<!ドメインが)(?<!ドメインは)存在しない(?!ドメイン)|宛先(?:が|は)(?:不明|見つかりません)",
        r"^\s*5\d\d\s+(?:\S+@\S+|<address>)\s+rejected\s*$",
        # Gmail's notices: "The email account that you tried to reach does not exist",
        # "Your message wasn't delivered to ... because the address couldn't be found"
        r"account (?:that )?you tried to reach (?:does not|doesn['’]?t) exist",
        r"address (?:couldn['’]?t|could not|cannot|can['’]?t) be found",
    )),
    ("filtered", (
        r"this account is protected by", r"refuse to receive mail",
        r"envelope blocked [-\u2013] user entry",
        r"\bfiltered\b", r"rejected by (?:the )?recipient", r"refused by (?:the )?recipient",
        r"recipient (?:has )?(?:refused|rejected|blocked|denied)", r"sender (?:is )?(?:not allowed|blocked|rejected) by (?:the )?recipient",
        r"recipient preferences", r"by (?:the )?recipient'?s? (?:request|settings|preferences)",
        r"domain (?:is )?blocked by (?:the )?recipient", r"receiving (?:is )?(?:refused|rejected)",
        r"blocked by (?:the )?user", r"受信拒否", r"迷惑メール(?:フィルタ|設定)", r"指定受信",
        r"受信(?:を|が)拒否", r"(?:受信者|受取人)(?:様)?の(?:受信)?設定により", r"拒否設定",
        # the carriers' receive settings: refuse mail from PCs, with URLs, spoofed mail; allow-lists
        r"pcメール(?:拒否|規制)", r"パソコン(?:から)?の?メール(?:を)?拒否", r"url付き(?:メール)?(?:拒否|規制)",
        r"なりすまし(?:メール)?(?:拒否|規制)", r"受信(?:が)?許可されていない", r"only accepting mail from specific",
        r"due to the recipient'?s policy", r"\buser reject", r"not accepting any mail", r"due to user rules",
        r"blocked by the recipient", r"has restricted sms e-?mail", r"rejected by (?:this|the) user\b",
        r"(?:rejected|refused|discarded) by (?:a |the )?(?:user'?s? |recipient'?s? )?sieve",
    )),
    ("rejected", (
        # the sender refused: a sender address on a black list, an unsigned bounce (BATV), a bad From:;
        # Exchange's RESOLVER.RST.NotAuthorized: the recipient (a group) accepts only some senders
        r"resolver\.rst\.notauthorized",
        r"sender (?:e-?mail )?address (?:has been )?blacklisted", r"address that has been blacklisted",
        r"\(sender blacklisted\)", r"backscatter protection", r"provide a valid from",
        r"isn'?t on the recipient'?s list of senders", r"bogus mail from", r"without a valid sender domain",
        r"\[bouncedeny\]", r"送信(?:者|元)の?(?:メール)?(?:アドレス|ドメイン)(?:が|は|を)?(?:拒否|受け付けられません)", r"valid-address-filter", r"senderfilterconfig", r"envelope blocked",
        r"sender domain is empty", r"sender is in my black ?list", r"unsigned dsn",
        r"sender e-?mail address (?:rejected|refused|denied)",
        r"sender (?:address |domain )?(?:rejected|refused|denied|blocked|not allowed|invalid|unknown)",
        r"(?:mail from|envelope sender|return path|sender domain|from address) .{0,30}(?:rejected|refused|denied|invalid|not)",
        r"domain of sender address", r"\bsender (?:is )?(?:on|in) (?:the|a|your) (?:blacklist|block ?list|deny ?list)",
        r"mail rejected by destination", r"message refused", r"not authorized, message refused",
        r"delivery not authorized", r"rejected for (?:the|this) recipient", r"\brejected\b.{0,20}\bsender\b",
        r"administrative prohibition", r"unknown sender", r"sender verify failed", r"sender verification failed",
        r"bad sender(?! ip)", r"invalid sender", r"purported responsible address", r"not a registered gateway user",
        r"all recipient addresses rejected", r"members-only list", r"closed mailing list", r"not allowed to post to this",
        r"null sender is not allowed", r"empty envelope senders", r"returned mail not accepted", r"no third-party dsns",
        r"badmailfrom", r"sender is spammer", r"sender not pre-approved", r"this server does not accept mail from",
        r"\bbatv\b", r"mail from not owned by user", r"fully qualified email address required", r"emetteur invalide",
        r"(?:unroutable|unrouteable|unverified|unknown|invalid|bad) sender(?! ip)", r"sender address (?:is )?(?:invalid|unknown)", r"your (?:email|e-mail) address .{0,30}(?:has been )?(?:rejected|blocked)",
    )),
    ("hostunknown", (
        # Exim's own words when no address of the host could be found
        r"all host address lookups failed permanently",
        r"domain mentioned in email address is unknown",
        r"host (?:or domain name )?not found", r"domain (?:does not exist|not found|name not found|unknown)",
        r"no such domain", r"unknown (?:host|domain)", r"name or service not known",
        r"unroute?able (?:address|domain)", r"domain must exist", r"account or domain may not exist",
        r"unknown domain name", r"host unreachable", r"(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,} does not exist", r"no mx host", r"host unknown", r"\bnxdomain\b",
        r"bad destination (?:mailbox address|system address)", r"domain is not reachable", r"unresolvable domain",
        r"domain (?:name )?(?:is )?(?:invalid|not registered)", r"recipient domain (?:does not exist|not found)",
        r"dns lookup (?:failed|error) for", r"no a records? (?:for|found)",
        r"invalid domain", r"mx records point to non-existent hosts", r"ドメイン(?:名)?(?:が|は)(?:存在しません|存在しない|見つかりません)", r"存在しないドメイン",
        r"(?:宛先|送信先)?(?:の)?(?:ホスト|メールサーバー?)(?:名)?(?:が|は)(?:見つかりません|存在しません)",
        r"domain (?:\S+ )?existiert nicht", r"domaine (?:\S+ )?(?:est )?(?:inexistant|introuvable|n'existe pas)",
        r"dominio (?:\S+ )?(?:no existe|inexistente|no encontrado)", r"domain (?:has )?no mail (?:server|exchanger)",
    )),
    ("blocked", (
        # "550 Blocked", "(a@b:blocked)", DNSBLs named by their host
        r"^\s*5\d\d[ -](?:5\.\d\.\d+ )?blocked\b", r":blocked\)", r"blocked using\b", r"bad ip profile",
        r"\bgo away\b", r"is in an? \S*rbl\b", r"mail server at \S+ is blocked", r"server requires confirmation",
        r"dsbl\.org", r"\bdrbl\b", r"access to submit messages to this e-mail system has been rejected",
        r"has not passed validation", r"\bbad sender ip\b",
        r"\bblacklist", r"\bblocklist", r"\bblock ?list(?:ed)?\b", r"\bdenylist", r"\brbl\b", r"\bdnsbls?\b", r"\brbls?\b",
        r"spamhaus", r"spamcop", r"\bsorbs\b", r"barracuda(?:central)?", r"abuseat", r"cbl\.", r"\bpbl\b",
        r"client host .{0,60}(?:blocked|rejected|refused)", r"(?:ip|address|host|connection|client) .{0,40}(?:blocked|banned|blacklisted|listed)",
        r"(?:blocked|banned|refused|rejected|denied) .{0,30}(?:ip|client host|your host|your server|the server|sending host|sending server)\b",
        r"\bbanned\b", r"your ip", r"use (?:the|your) (?:smtp|mail|outgoing) server of your (?:isp|provider)", r"(?:ip|address|host|you are|sender|server) .{0,30}listed (?:at|on|in) ",
        r"listed (?:at|on|in) (?:the )?(?:rbl|dnsbl|blacklist|block ?list|spamhaus|spamcop|sorbs)", r"(?:dynamic|residential|dial-?up) (?:ip|address|range|pool)",
        r"(?:ip|host) (?:address )?(?:is )?not (?:allowed|permitted|authorized)", r"may not be (?:a )?mail exchanger",
        r"service refused", r"not accepting connections", r"no access from (?:mail )?server", r"\bopen relay\b",
        r"invalid ip\b", r"ip not in whitelist", r"is in a black ?list", r"not currently accepting mail from your ip",
        r"rejecting open proxy", r"looks suspiciously like (?:a )?spammer", r"too many spams from your ip",
        r"not allowed to connect", r"do not accept mail from dynamic", r"temporary blacklisted", r"confirm this mail server",
        r"sender ip address rejected", r"blocked - see http", r"you are sending spam", r"too many unwanted messages", r"too many bounces", r"blocked for (?:abuse|spam)",
        r"\bbloque", r"ブラックリスト", r"送信元(?:の)?(?:ip|ｉｐ)(?:アドレス)?(?:が|は|を|から)?.{0,10}拒否", r"\brejected\b.{0,40}\bhelo\b", r"\bhelo\b.{0,40}\b(?:rejected|refused|denied|invalid)",
        # greylisting: the client is refused until it proves it retries ("Greylisted, see ...")
        r"\bgr[ea]y ?list(?:ed|ing)\b",
    )),
    ("failedstarttls", (
        r"starttls (?:is )?required", r"must issue a starttls", r"\btls (?:is )?required", r"encryption required",
        r"requires? (?:a )?(?:secure|encrypted|tls) connection", r"starttls (?:failed|negotiation)", r"tls handshake",
        r"(?:certificate|cert) (?:verification|validation) failed", r"certificate (?:has )?expired", r"\bmta-sts\b", r"\bdane\b",
        # Exim's and Postfix's own words when TLS could not be set up
        r"attempt to start tls failed", r"cannot start tls", r"certificate verify failed", r"\bssl routines\b",
        r"server certificate not (?:verified|trusted)", r"\btls (?:v?\d\.\d )?or (?:later|higher|newer) is required",
        r"tls negotiation failed", r"tls session is required",
    )),
    ("securityerror", (
        r"could not retrieve credentials",
        r"authentication turned on", r"authentification (?:requise|invalide)", r"not authorized to perform ses:",
        r"authentication (?:required|failed|failure|is required)", r"smtp auth(?:entication)? (?:required|is required)",
        r"turn on smtp authentication", r"without authentication", r"not authenticated", r"authrequired",
        r"must (?:be )?authenticate", r"unauthenticated sender", r"insecure", r"(?:sender|user) not authorized",
        r"authentication mechanism", r"you don'?t authenticate", r"authentication credentials invalid",
        r"not been authenticated", r"not subscribed to ses", r"executable files are not allowed", r"tls required but not supported",
        r"verification failure", r"requires? (?:smtp )?authentication", r"unauthorized", r"please authenticate", r"access (?:denied|refused)",
    )),
    ("systemfull", (r"system (?:is )?full", r"insufficient system (?:storage|resources)", r"disk full",
                    r"insufficient disk space", r"out of (?:disk|storage) space", r"no space left on device",
                    r"mail system full", r"system resources")),
    ("notaccept", (
        # OpenSMTPD's "Destination seem to reject all mails"
        r"reject all mails",
        r"does not accept (?:e-?mail|mail|messages)", r"not accepting (?:e-?)?mail", r"null mx", r"nullmx",
        r"accepts no mail", r"no mail (?:service|accepted)", r"doesn'?t receive (?:e-?)?mail", r"does not receive mail",
        r"rejects all mail", r"no mx records? (?:found )?for domain", r"mail receiving disabled", r"no route for current request",
        r"host does not accept mail", r"this domain has no mx", r"smtp protocol returned a permanent error", r"indicated no smtp service", r"mail (?:is )?not accepted (?:for|here)",
    )),
    ("expired", (
        r"(?:delivery|message) (?:time|has )?expired", r"retry time(?:out)? (?:not )?(?:reached|exceeded)",
        r"could not be delivered (?:for|within)", r"\bgave up\b", r"(?:too long|remained) in (?:the )?queue",
        r"delivery time expired", r"was not delivered (?:for|within)", r"\bexpired\b", r"retry timeout exceeded",
        r"(?:connection|operation|message|session) timed out", r"server did not respond",
        r"did not accept our requests to connect", r"(?:wasn't|was not|unable to be) able to establish an smtp connection",
        r"unable to connect (?:successfully )?to the destination",
        r"could not connect to (?:the )?(?:recipient|destination)", r"unable to deliver (?:message )?after multiple",
        r"have been failing for a long time", r"giving up on", r"could not find a gateway for", r"failed to deliver to domain",
        r"一定(?:の)?(?:時間|期間)(?:内に|が経過|を過ぎ)", r"(?:配信|配送|送信)(?:の)?(?:有効)?期限(?:が|を)(?:切れ|過ぎ|超)",
        r"タイムアウトしました",
        r"delivery attempts will continue", r"server did not accept the message", r"numerous attempts to deliver", r"not been collected", r"has been delayed", r"delivery attempts? (?:will )?(?:continue|failed) .{0,30}(?:days|hours)",
    )),
    ("networkerror", (
        # OpenSMTPD's own words for a destination it could not route to
        r"address family mismatch on destination mxs", r"all routes to destination blocked",
        r"no valid route to (?:destination|remote mx)", r"could not retrieve source address",
        r"bad dns lookup error code",
        r"connection (?:reset|closed|lost|dropped)", r"\btimeout\b", r"network (?:is )?unreachable",
        r"closed (?:the )?connection", r"host lookup did not complete", r"suspected mail loop",
        r"too many \"?received\"? headers",
        r"no route to host", r"dns (?:error|failure|timeout|server failure)", r"lost connection", r"could not connect",
        r"connection refused", r"routing loop", r"mail forwarding loop", r"forwarding loop count", r"message looping",
        r"dns records for the destination computer could not be found", r"could not connect and send",
        r"unable to resolve route", r"unrouteable mail domain", r"malformed name server reply", r"too many hops", r"hop count exceeded",
        r"malformed or unexpected name server reply", r"name service error", r"temporary (?:dns|lookup) failure",
        r"servfail", r"タイムアウト", r"接続(?:でき|出来)ません", r"host name lookup failure", r"host is unreachable", r"unable to connect", r"broken pipe",
    )),
    ("contenterror", (
        r"header size exceeds",
        r"content (?:type|encoding|error)", r"\bmime\b.{0,20}(?:error|invalid|malformed)", r"invalid mime",
        r"header (?:syntax|too long|lines? too long)", r"invalid (?:header|character|content)",
        r"8-?bit (?:data|characters) (?:not|in)", r"lines? too long", r"message (?:has )?malformed",
        r"attachment", r"(?:body|content) (?:is )?(?:malformed|corrupt)", r"\bmedia error\b", r"improper use of 8-bit data", r"mime complexity", r"unnecessary base64",
        r"improperly-formatted binary", r"header size, or recipient list, exceeds",
    )),
    ("systemerror", (
        # Exim's refusals of its own configuration
        r"delivery to (?:file|pipe) forbidden", r"lmtp error after ",
        r"could not load drd", r"server is misconfigured",
        r"system (?:error|failure|problem|config(?:uration)? error)", r"internal (?:server )?error", r"server error",
        r"temporary (?:failure|error|problem|local problem)", r"local error", r"configuration error",
        r"service (?:(?:is )?(?:temporarily )?(?:not )?available|unavailable)", r"resources temporarily unavailable",
        r"try again later", r"too many (?:hops|forwards)", r"service (?:is )?currently unavailable",
        r"insufficient permission", r"loops back to myself", r"loop was found in the mail exchanger",
        r"would create a mail loop", r"(?:aliasing|forwarding) loop broken", r"can'?t create user output file",
        r"interrupted system call", r"timeout waiting for input", r"encountered an error while being processed", r"mailbox (?:is )?(?:temporarily )?busy",
        r"queue (?:file )?(?:write )?error", r"システム(?:エラー|障害)", r"一時的な(?:エラー|障害)", r"transaction failed", r"i/o error", r"unexpected error", r"system config",
    )),
    ("mailererror", (
        r"\bmailer\b.{0,30}(?:error|failed)", r"command (?:died|failed|output)", r"exit (?:status|code)", r"procmail",
        r"\bpipe to\b", r"\bmailer error\b", r"unknown mailer error", r"local (?:delivery|mailer) (?:agent )?(?:error|failed)",
        r"\bsignal \d+\b", r"program (?:exited|failed)", r"\bcommand not found\b",
    )),
    ("syntaxerror", (
        # Exim's own words for an address it could not parse
        r"angle-brackets nested too deep", r'expected word or \"<\"', r"domain missing in source-routed address",
        r"malformed address:",
        r"syntax error", r"command unrecognized", r"unrecognized command", r"bad sequence of commands",
        r"command not (?:implemented|recognized)", r"parameter (?:not implemented|unrecognized|error)",
        r"invalid (?:command|argument|parameter)", r"line too long",
    )),
    ("onhold", (r"\bon hold\b", r"\bheld for (?:review|moderation)\b")),
]
