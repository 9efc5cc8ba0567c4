"""Microsoft: Exchange Online (Microsoft 365), Outlook.com and Hotmail.

Sources: Exchange Online's "non-delivery reports and SMTP errors" reference (5.7.5xx access
denied, 5.7.7xx tenant limits, 5.2.12x recipient limits, DANE's 5.7.32x), Outlook.com's S31xx
block-list and AS(nnnn) codes, and Hotmail's classic SC/DY/RP codes. Its own tokens
(RESOLVER.ADR.RecipNotFound, STOREDRV.Deliver, AS(7230), its datacentre host names) name it when
a relay lost the remote host, and so do its own status codes (a three-digit detail: 5.2.121,
5.7.510, ...) and its documented sentences (CODES, OWN_WORDS), when a reply comes without its host
tag or relayed by another MTA.
"""

from __future__ import annotations

from dataclasses import dataclass

from bouncetui.classify.providers.rule import Provider, ProviderRule, R


@dataclass(frozen=True)
class Code:
    """One row of Exchange Online's NDR reference: its status code(s), the reason they mean, and
    the wording Microsoft documents for them (a regular expression, "" when it is no sentence of
    Microsoft's own)."""

    codes: str  # a regular expression for the code(s), "5\\.2\\.12[12]"
    reason: str
    wording: str = ""
    own: bool = True  # the code is Microsoft's alone (a three-digit detail): it names Microsoft


# Exchange Online's "Email non-delivery reports and SMTP errors" reference, code by code: the one
# place its codes are read. Read after the rules below, which hold its wording (and the codes whose
# meaning depends on it): "4.7.500 Server busy" is Outlook.com's rate limit, the same code with
# "Access denied, please try again later" a restricted IP; 4.7.650 its IP reputation. A code whose
# detail has three digits is Microsoft's own extension of RFC 3463 (no other MTA in use answers with
# 5.2.121 or 5.7.510), and so are the sentences listed here: either names Microsoft in a reply
# relayed by another MTA or written without its host tag (CODE_MARK), as its host names do.
CODES: tuple[Code, ...] = (
    Code(r"4\.4\.316", "networkerror"),  # "Connection refused [Message=Socket error code 10061]"
    Code(r"5\.4\.316|5\.4\.300", "expired", r"message expired, connection refused"),
    Code(r"5\.4\.310", "hostunknown"),  # "DNS domain example.org does not exist"
    Code(r"[45]\.4\.312", "networkerror"),  # "DNS query failed"
    # the sending IP temporarily restricted for suspicious activity (4.7.650: for its reputation;
    # 4.7.500 "Server busy": a rate limit; both read by the rules above)
    Code(r"4\.7\.[56]\d\d|4\.7\.8[5-9]\d", "blocked", r"access denied, please try again later"),
    Code(r"5\.0\.350", "policyviolation", r"x-dg-ref header is too long"),
    # the recipient's per-hour receive limits: from one sender (121), in total (122)
    Code(r"5\.2\.12[12]", "ratelimited", r"per hour message receive limit(?: from specific sender)? exceeded"),
    # groups and mailboxes that take mail only from authenticated (internal) or listed senders
    Code(r"5\.7\.124|5\.7\.13[3-6]", "rejected",
         r"sender (?:was )?not authenticated (?:by organization|for (?:group|mailbox|public folder|mail user))|"
         r"sender was not authenticated when sending to this (?:group|mailbox|public folder|mail user)|"
         r"sender not in allowed-senders list"),
    # the sender's account banned for spam (501-503; older Exchange: "banned sender" without an IP),
    # Exchange Online's outbound spam block (5.1.8)
    Code(r"5\.7\.50[1-3]", "rejected",
         r"access denied, (?:spam abuse detected|bad outbound sender|banned sender(?!\s*\[))"),
    Code(r"5\.7\.505", "suspend", r"access denied, banned recipient"),
    Code(r"5\.7\.50[67]|5\.7\.51[013]", "blocked",
         r"access denied, (?:bad helo|rejected by recipient)|does not accept email over ipv6|"
         r"access denied, banned sender\s*\["),  # 5.7.511: the IP banned (without it: the account)
    Code(r"5\.7\.508", "ratelimited", r"has exceeded permitted limits within"),
    Code(r"5\.7\.509|5\.7\.515", "authfailure",
         r"does not pass dmarc verification|doesn't meet the required authentication level"),
    Code(r"5\.7\.512", "notcompliantrfc", r"must be rfc 5322 section 3\.6\.2 compliant"),
    Code(r"5\.7\.520", "policyviolation", r"does not allow external forwarding"),
    Code(r"5\.7\.6[0-4]\d", "blocked", r"access denied, banned sending ip"),
    # the tenant over its thresholds (700-749; 708: traffic not accepted from its IP), and 750: it
    # sends from domains it has not added and validated
    Code(r"5\.7\.708", "blocked", r"access denied, traffic not accepted from this ip"),
    Code(r"5\.7\.7[0-4]\d", "ratelimited", r"tenant has exceeded threshold"),
    Code(r"5\.7\.750", "rejected", r"client blocked from sending from unregistered domains"),
    Code(r"[45]\.7\.32[1-5]", "failedstarttls"),  # DANE and DNSSEC checks of the destination
    Code(r"5\.3\.190", "systemerror"),  # journaling to Microsoft 365 not supported
    # a loop: the recipient domain's MX record points back to Exchange Online (a code other MTAs
    # may use: it names no one)
    Code(r"5\.4\.8", "networkerror", own=False),
)


def _code(codes: str) -> str:
    """`codes` as a status code on its own: not a piece of an IP address or a version number."""
    return r"(?<![\d.])(?:%s)(?!\.?\d)" % codes


CODE_RULES: tuple[ProviderRule, ...] = tuple(
    R(c.reason, _code(c.codes) + ("|" + c.wording if c.wording else "")) for c in CODES)
# Microsoft's own sentences and tokens under a standard code, which name it as well: the sender's
# submission quota (5.2.2, no full mailbox), its classic "5.7.1 Client was not authenticated" (the
# server relays for its own users only), the tenant attribution of Exchange Online's inbound
# connectors (5.7.51, 5.7.64).
OWN_WORDS: tuple[str, ...] = (
    r"submission ?quota ?exceeded", r"\b5\.7\.1 client was not authenticated\b",
    r"\btenant(?:inbound)?attribution\b",
)
CODE_MARK = "|".join([_code("|".join(c.codes for c in CODES if c.own))] + [c.wording for c in CODES if c.wording]
                     + list(OWN_WORDS))

MICROSOFT = Provider(
    "Microsoft",
    ("outlook.com", "hotmail.com", "live.com", "msn.com", "hotmail.co.jp", "outlook.jp",
     "protection.outlook.com", "office365.com", "microsoft.com",
     # its consumer domains in other countries
     "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es", "hotmail.be", "hotmail.nl",
     "hotmail.ca", "hotmail.com.br", "hotmail.com.ar", "hotmail.com.mx", "live.co.uk", "live.fr", "live.de",
     "live.it", "live.nl", "live.ca", "live.com.au", "live.jp", "outlook.fr", "outlook.de", "outlook.es",
     "outlook.it", "outlook.com.br", "windowslive.com", "passport.com"),
    (
        # 4.7.650 "... temporarily rate limited due to IP reputation" (Outlook.com's (S775))
        R("badreputation", r"4\.7\.650|ip reputation"),
        # Hotmail's classic codes ("550 SC-001 (BAY004-MC1F12) ..."): SC-001 to SC-004 and DY-001/002 refuse
        # the client (its network on a block list, namespace mining, an open proxy, complaints about the
        # IP, a dynamic range); RP-001 to RP-003 are its hourly and daily limits. Its later replies say
        # the same without a code ("Hotmail does not relay dynamically-assigned IP ranges").
        R("blocked", r"\bSC-00[1-4]\b|\bDY-00[12]\b|does not relay dynamically-assigned ip ranges"),
        R("ratelimited", r"\bRP-00[1-3]\b|limits for how many messages can be sent"),
        # Exchange Online's NDR reference: 4.7.500-899 "Access denied, please try again later" is an IP
        # restricted for suspicious activity; 5.7.506 bad HELO; 5.7.507 the IP blocked by the recipient's
        # organisation; 5.7.510 no mail over IPv6; 5.7.51 RestrictDomainsToIPAddresses; 5.5.4 an invalid
        # HELO domain name.
        R("blocked", r"access denied, please try again later|"
                     r"access denied, bad helo|does not accept email over ipv6|\b5\.7\.51\b|"
                     r"\b5\.5\.4 invalid domain name"),
        # DANE and DNSSEC checks of the destination (5.7.321-325): the secure channel could not be set up.
        R("failedstarttls", r"tlsa-invalid|dnssec-invalid|certificate-expired|"
                            r"certificate-host-mismatch|starttls-not-supported"),
        # The recipient's own limits on what it receives: 5.2.121/5.2.122 per-hour limits, the
        # mailbox's delivery thread limit, 5.7.508 "exceeded permitted limits".
        R("ratelimited", r"message receive limit|exceeded their limit for|thread limit exceeded|"
                         r"exceeded permitted limits"),
        # Groups and mailboxes that accept only authenticated (internal) senders or a list of senders:
        # 5.7.12, 5.7.124, 5.7.133-136 (RESOLVER.RST.*): the sender is not allowed there.
        R("rejected", r"\b5\.7\.12\b|sender not in allowed-senders list|"
                      r"sender (?:was )?not authenticated (?:by organization|for (?:group|mailbox|public folder))"),
        R("suspend", r"banned recipient"),
        R("spamdetected", r"content filter agent quarantined"),
        R("policyviolation", r"x-dg-ref header|\b5\.7\.9\d\d\b"),
        R("norelaying", r"\b5\.7\.1 client was not authenticated\b"),
        R("userunknown", r"single label domains not accepted|invalid x\.400 address"),
        R("syntaxerror", r"\b5\.3\.3 unrecognized command"),
        # 5.4.11 "Agent generated message depth exceeded": the message kept being regenerated by an agent
        R("contenterror", r"invalid message content|agent generated message depth exceeded"),
        R("systemerror", r"\b4\.3\.2 service not active|address ambiguous|misconfigured forwarding address|"
                         r"failed to be replicated|agent busy"),
        # The sender's own limits: "SubmissionQuotaExceededException" comes with 5.2.2, which is
        # no full mailbox here; 5.1.90 is the daily recipient limit.
        R("ratelimited", r"submissionquotaexceeded|submission quota|5\.1\.90\b|reached your daily limit"),
        # the store driver's own exception for a mailbox over its quota, under 5.2.2 or (Exchange 2010
        # and 2013 on premises) the undefined 5.2.0 that alone reads as a receive filter
        R("mailboxfull", r"(?<!submission)quotaexceededexception|mapiexception(?:shutoff)?quotaexceeded"),
        R("policyviolation", r"does not allow external forwarding"),
        R("rejected", r"all recipient addresses rejected"),
        # 5.7.511 "Access denied, banned sender[IP]" (removal through delist@microsoft.com) and "Spam
        # abuse detected from IP range": the sending IP or its network is banned.
        R("blocked", r"banned sender\s*\[\d|spam abuse detected from ip"),
        # Exchange Online's 5.7.501-503 "Access denied, spam abuse detected" ("the sending account has
        # been banned due to detected spam activity"; older Exchange: "banned sender") and 5.7.750
        # "Client blocked from sending from unregistered domains" (the tenant sends as domains it has
        # not added and validated): the sender's account or domain is refused, not its IP.
        R("rejected", r"spam abuse detected|banned sender|unregistered domain"),
        R("userunknown", r"recip(?:ient)?notfound|recipient not found|5\.4\.1 .{0,80}recipient address rejected: "
                         r"access denied|5\.1\.10|requested action not taken: mailbox unavailable"),
        # "part of their network is on our block list (S3150)", and (S3113) to (S3115), (S3140) with the
        # same words: the client's network on Outlook.com's block list
        R("blocked", r"banned sending ip|\(S311[3-5]\)|\(S3150\)|\(S3140\)|\(S3160\)|blocked using|"
                     r"traffic not accepted from this ip|block list"),
        R("authfailure", r"does not pass dmarc|dmarc policy"),
        R("norelaying", r"5\.7\.54\b|5\.7\.64\b|unable to relay|relay access denied"),
        R("notcompliantrfc", r"rfc 5322 section"),
        R("ratelimited", r"exceeded (?:the )?(?:sending|message|recipient) (?:rate|limit)|"
                         r"4\.7\.500|server busy"),
        R("hostunknown", r"domain is not reachable|dns domain .{0,40} does not exist"),
        R("expired", r"message expired"),
        R("networkerror", r"5\.4\.14|hop count exceeded|routing loop|dns query failed"),
        R("securityerror", r"5\.7\.57|not authenticated to send anonymous mail"),
        R("contenterror", r"5\.6\.211|invalid mime"),
    ) + CODE_RULES,
    # Its hosts and its own tokens: RESOLVER.ADR.RecipNotFound, STOREDRV.Deliver..., AS(7230).
    mark=r"postmaster\.live\.com|sender\.office\.com|go\.microsoft\.com|\.prod\.outlook\.com|"
         r"protection\.outlook\.com|\.prod\.exchangelabs\.com|aka\.ms/exo|"
         r"\b(?:RESOLVER|STOREDRV|QUEUE)\.[A-Z]\w+|\bAS\(\d{3,}\)|"
         r"\b(?:SC|DY|OU|RP)-00\d \([A-Z]{3}\d+-MC\w+\)" + "|" + CODE_MARK,
)
