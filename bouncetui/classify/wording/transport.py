"""Wording about the way to the recipient and the systems on it: no such host (`hostunknown`), a
host that takes no mail (`notaccept`), given up in the queue (`expired`), the network or DNS
(`networkerror`), a full or failing mail system (`systemfull`, `systemerror`), a local mailer
(`mailererror`), the SMTP dialogue itself (`syntaxerror`), mail held for review (`onhold`).

Regular expressions per reason, matched in the lower-cased diagnostic (classify.wording says in
which order the reasons are tried).
"""

from __future__ import annotations

WORDING: dict[str, tuple[str, ...]] = {
    "hostunknown": (
        # Exim's own words when no address of the host could be found
        r"all host address lookups failed permanently",
        # Apache James's: "There are no DNS entries for the hostname H.  I cannot determine where to send"
        r"no dns entries for the hostname",
        r"domain mentioned in email address is unknown",
        r"host (?:or domain name )?not found", r"domain (?:does not exist|not found|name not found|unknown)",
        r"no such domain", r"unknown (?:host|domain)", r"name or service not known",
        r"unroute?able (?:address|domain)", r"domain must exist", r"account or domain may not exist",
        r"unknown domain name", r"host unreachable", r"(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,} does not exist", r"no mx host", r"host unknown", r"\bnxdomain\b",
        r"bad destination (?:mailbox address|system address)", r"domain is not reachable", r"unresolvable domain",
        r"domain (?:name )?(?:is )?(?:invalid|not registered)", r"recipient domain (?:does not exist|not found)",
        r"dns lookup (?:failed|error) for", r"no a records? (?:for|found)",
        # neither an MX nor an address record: no host to deliver to (Yahoo's "No MX or A records for")
        r"no mx or a records? (?:for|found)",
        r"invalid domain", r"mx records point to non-existent hosts", r"ドメイン(?:名)?(?:が|は)(?:存在しません|存在しない|見つかりません)", r"存在しないドメイン",
        r"(?:宛先|送信先)?(?:の)?(?:ホスト|メールサーバー?)(?:名)?(?:が|は)(?:見つかりません|存在しません)",
        r"domain (?:\S+ )?existiert nicht", r"domaine (?:\S+ )?(?:est )?(?:inexistant|introuvable|n'existe pas)",
        r"dominio (?:\S+ )?(?:no existe|inexistente|no encontrado)", r"domain (?:has )?no mail (?:server|exchanger)",
    ),
    "systemfull": (r"system (?:is )?full", r"insufficient system (?:storage|resources)", r"disk full",
                  r"insufficient disk space", r"out of (?:disk|storage) space", r"no space left on device",
                  r"mail system full", r"system resources"),
    "notaccept": (
        # OpenSMTPD's "Destination seem to reject all mails"
        r"reject all mails",
        r"does not accept (?:e-?mail|mail|messages)", r"not accepting (?:e-?)?mail", r"null mx", r"nullmx",
        r"accepts no mail", r"no mail (?:service|accepted)", r"doesn'?t receive (?:e-?)?mail", r"does not receive mail",
        r"rejects all mail", r"no mx records? (?:found )?for domain", r"mail receiving disabled", r"no route for current request",
        r"host does not accept mail", r"this domain has no mx", r"smtp protocol returned a permanent error", r"indicated no smtp service", r"mail (?:is )?not accepted (?:for|here)",
    ),
    "expired": (
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
    ),
    "networkerror": (
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
    ),
    "systemerror": (
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
    ),
    "mailererror": (
        r"\bmailer\b.{0,30}(?:error|failed)", r"command (?:died|failed|output)", r"exit (?:status|code)", r"procmail",
        r"\bpipe to\b", r"\bmailer error\b", r"unknown mailer error", r"local (?:delivery|mailer) (?:agent )?(?:error|failed)",
        r"\bsignal \d+\b", r"program (?:exited|failed)", r"\bcommand not found\b",
    ),
    "syntaxerror": (
        # Exim's own words for an address it could not parse
        r"angle-brackets nested too deep", r'expected word or \"<\"', r"domain missing in source-routed address",
        r"malformed address:",
        r"syntax error", r"command unrecognized", r"unrecognized command", r"bad sequence of commands",
        r"command not (?:implemented|recognized)", r"parameter (?:not implemented|unrecognized|error)",
        r"invalid (?:command|argument|parameter)", r"line too long",
    ),
    "onhold": (r"\bon hold\b", r"\bheld for (?:review|moderation)\b"),
}

# A missing host that the resolver itself calls temporary ("Host not found, try again") is a DNS
# failure, not proof that the domain does not exist; so is any with a 4xx status.
TEMPORARY_DNS = r"not found, try again"
