"""Wording about the sender and its server: relaying refused (`norelaying`), SPF/DKIM/DMARC
(`authfailure`), no reverse DNS (`requireptr`), reputation (`badreputation`), rate limits
(`ratelimited`), the sender address refused (`rejected`), the client blocked or block-listed
(`blocked`), TLS required or failed (`failedstarttls`), authentication and access (`securityerror`).

Regular expressions per reason, matched in the lower-cased diagnostic (classify.wording says in
which order the reasons are tried).
"""

from __future__ import annotations

WORDING: dict[str, tuple[str, ...]] = {
    "norelaying": (
        # qmail's rcpthosts ("that domain or user isn't in my list of allowed rcpthosts")
        r"isn'?t in my list of allowed rcpthost", r"authentication when attempting to send to a non-local",
        r"relay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|prohibited|disallowed)",
        r"not (?:permitted|allowed|authorized) to relay", r"unable to relay", r"we do not relay",
        r"relay not (?:permitted|allowed)", r"no relay", r"not configured to relay", r"relaying mail to .* is not allowed",
        r"cannot relay", r"that domain isn'?t in my list of allowed rcpthosts", r"this smtp server is not a relay", r"we don'?t handle mail for",
        r"not an open relay", r"as a relay", r"(?:中継|リレー)(?:が|を|は)?(?:拒否|許可されていません|できません)", r"not local host", r"specified domain is not allowed", r"(?:not|n't) in (?:my|the) (?:list of )?(?:rcpthosts|relay domains)", r"insecure mail relay", r"relay (?:is )?not available", r"not a gateway",
    ),
    "authfailure": (
        r"spf\.pobox\.com", r"\bspf settings", r"\bspf: \S+ is not allowed to send",
        r"\bdmarc\b", r"\bspf\b.{0,40}\b(?:fail|check|reject|denied|hard|soft|not pass|validation)",
        r"\bdkim\b.{0,40}\b(?:fail|invalid|reject|not pass|signature)", r"unauthenticated (?:e-?mail|mail) from",
        r"sender is unauthenticated", r"\bnot pass(?:ed)? (?:spf|dkim|dmarc)", r"sender policy framework",
        r"is not (?:authorized|allowed) to send (?:e-?mail|mail)? ?(?:on behalf|for)", r"\bspf (?:record|validation|check)",
        r"5\.7\.2[36]\b", r"authentication results", r"sender (?:address|domain) (?:failed|did not pass) authentication",
        # Gmail's "SPF authentication didn't pass for this message", as a relay may report it without
        # Gmail's other sentences
        r"\b(?:spf|dkim)\b.{0,40}\b(?:didn'?t|doesn'?t) pass",
    ),
    "requireptr": (
        r"dns ptr resource record", r"unresolvable relay host name",
        r"reverse dns", r"no ptr record", r"\bptr record", r"reverse (?:lookup|name|mapping|dns)",
        r"cannot find your (?:hostname|reverse)", r"client host .{0,40} rejected: cannot find your",
        r"\brdns\b", r"does not have a ptr", r"(?:ip|host) name lookup failed", r"unresolvable (?:ip|address|hostname)",
        r"5\.7\.25\b", r"no reverse", r"(?:domain|helo|hostname) .{0,40}mismatch(?:es)? (?:the )?client ip",
        r"not resolve your (?:ip|address)", r"please set up (?:a )?(?:ptr|reverse)", r"forward[- ]confirmed", r"unverif(?:y|i)able (?:sending )?ips?",
        r"(?:ip|client) (?:address )?(?:has )?no (?:dns|ptr|hostname)", r"you have no hostname",
    ),
    "badreputation": (
        r"reputation problems?",
        r"\bip reputation\b", r"(?:poor|low|bad|negative) (?:ip |sender |domain )?reputation",
        r"reputation (?:of|is too low)", r"sender score", r"rejected .{0,30}reputation",
    ),
    "ratelimited": (
        r"too many smtp sessions",
        r"too many (?:messages|connections|recipients|emails|mails|concurrent|sessions|errors|invalid)",
        r"rate limit", r"ratelimit", r"throttl", r"exceeded (?:the )?(?:maximum |allowed )?(?:rate|sending|number|connection)",
        r"too much mail", r"(?:sending|message|connection) (?:rate|limit) exceeded", r"temporarily deferred",
        r"connection limit", r"too fast", r"receiving mail too quickly",
        r"reached (?:your|the|its) (?:daily|hourly) (?:sending |message |recipient )?limit", r"frequency limit", r"receiving mail at a rate",
        r"has sent to too many", r"sending (?:quota|limit) exceeded", r"maximum connection limit", r"max emails per hour", r"try again slower",
        r"trop de connexions", r"temporarily rate limited", r"too many (?:recipients|rcpt)", r"please (?:slow down|try again later).{0,30}(?:rate|volume)",
        r"exceeded .{0,30}(?:limit|quota) (?:of|for) (?:messages|connections|recipients)",
        # Exchange's "421 4.3.2 The maximum number of concurrent server connections has exceeded a limit"
        r"maximum number of concurrent (?:server )?connections",
        # Yahoo's "421 Max message per connection reached, closing transmission channel"
        r"max(?:imum)? (?:number of )?messages? per (?:connection|session) (?:reached|exceeded)",
        # QQ Mail's "550 Mailbox unavailable or access denied", which its help lists among its frequency
        # limits (classify/providers/china.py)
        r"mailbox unavailable or access denied",
        # a provider's sending limits: "1日の送信数の上限を超えました", "短時間に大量のメールを送信"
        r"送信(?:数|件数|通数)(?:の)?(?:上限|制限)", r"送信(?:上限|制限)(?:を超え|に達)", r"短時間に(?:大量|多数)",
    ),
    "rejected": (
        # the sender refused: a sender address on a black list, an unsigned bounce (BATV), a bad From:;
        # Exchange's RESOLVER.RST.NotAuthorized: the recipient (a group) accepts only some senders
        r"resolver\.rst\.notauthorized",
        r"sender (?:e-?mail )?address (?:has been )?blacklisted", r"address that has been blacklisted",
        r"\(sender blacklisted\)", r"backscatter protection", r"provide a valid from",
        r"isn'?t on the recipient'?s list of senders", r"bogus mail from", r"without a valid sender domain",
        r"\[bouncedeny\]", r"送信(?:者|元)の?(?:メール)?(?:アドレス|ドメイン)(?:が|は|を)?(?:拒否|受け付けられません)", r"valid-address-filter", r"senderfilterconfig", r"envelope blocked",
        r"sender domain is empty", r"sender is in my black ?list", r"unsigned dsn",
        r"sender e-?mail address (?:rejected|refused|denied)",
        # RFC 7505's x.7.27 "Sender address has null MX": the sender's domain receives no mail (not the
        # recipient's, which is notaccept)
        r"sender(?:'s)? (?:address|domain)\b.{0,60}\bnull ?mx",
        r"sender (?:address |domain )?(?:rejected|refused|denied|blocked|not allowed|invalid|unknown)",
        # (not "Mail from IP 192.0.2.1 was rejected due to listing in Spamhaus": the client's address)
        r"(?:mail from(?! ip\b)|envelope sender|return path|sender domain|from address) .{0,30}(?:rejected|refused|denied|invalid|not)",
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
    ),
    "blocked": (
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
    ),
    "failedstarttls": (
        r"starttls (?:is )?required", r"must issue a starttls", r"\btls (?:is )?required", r"encryption required",
        r"requires? (?:a )?(?:secure|encrypted|tls) connection", r"starttls (?:failed|negotiation)", r"tls handshake",
        r"(?:certificate|cert) (?:verification|validation) failed", r"certificate (?:has )?expired", r"\bmta-sts\b", r"\bdane\b",
        # Exim's and Postfix's own words when TLS could not be set up
        r"attempt to start tls failed", r"cannot start tls", r"certificate verify failed", r"\bssl routines\b",
        r"server certificate not (?:verified|trusted)", r"\btls (?:v?\d\.\d )?or (?:later|higher|newer) is required",
        r"tls negotiation failed", r"tls session is required",
    ),
    "securityerror": (
        r"could not retrieve credentials",
        r"authentication turned on", r"authentification (?:requise|invalide)", r"not authorized to perform ses:",
        r"authentication (?:required|failed|failure|is required)", r"smtp auth(?:entication)? (?:required|is required)",
        r"turn on smtp authentication", r"without authentication", r"not authenticated", r"authrequired",
        r"must (?:be )?authenticate", r"unauthenticated sender", r"insecure", r"(?:sender|user) not authorized",
        r"authentication mechanism", r"you don'?t authenticate", r"authentication credentials invalid",
        r"not been authenticated", r"not subscribed to ses", r"executable files are not allowed", r"tls required but not supported",
        r"verification failure", r"requires? (?:smtp )?authentication", r"unauthorized", r"please authenticate", r"access (?:denied|refused)",
    ),
}
