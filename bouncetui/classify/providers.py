"""Provider rules: what a receiving provider's own wording and error codes mean.

A provider applies to a delivery when the remote host or the recipient's domain is one of its
`domains` (suffix match), or when the diagnostic names it (`mark`: its error-code page, its own
code prefix). Its rules are tried in order; the first whose pattern matches the diagnostic (and
whose SMTP stage and status class agree, when the rule names them) decides the reason.

Sources: each provider's published error-code pages (Gmail's SMTP error reference, Microsoft's
Exchange Online NDR codes and S31xx/AS(nnnn) block-list codes, Yahoo's postmaster error codes,
AOL's classic codes, Apple's iCloud postmaster page, QQ Mail's help, Mimecast's SMTP codes, Cox's
and Spectrum's AUP codes, NetEase's DT/RP/MI codes, GoDaddy's IBnnn codes, Orange's OFR and La
Poste's LPN codes, Facebook's response codes, Comcast's SMTP error codes, Hotmail's classic
SC/DY/RP codes, Cloudflare Email Routing's postmaster page) and the replies these providers actually
send. A provider that wraps a long reply over lines that each repeat the codes ("550-5.7.1 ", as
Gmail and Exchange Online do) is read with those prefixes removed, as the wording step reads it
(classify.unwrapped); a rule that names a reply code also matches the reply as written.
tests/unit/test_provider_replies*.py test a reply per documented code.

Japanese carriers answer "550 Unknown user" both for a missing mailbox and for their receive filter:
at RCPT it is the missing mailbox, after DATA (or with status 5.2.0) the filter. au's "550 : User
unknown" without the address is its filter; "550 <addr>: User unknown" is a missing user.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProviderRule:
    """One row: the wording (regular expression, case-insensitive) and the reason it means."""

    reason: str
    pattern: str
    command: str = ""  # "" any stage; else the stage it must have failed at ("RCPT", "DATA", ...)
    status: str = ""  # "" any; else a prefix the status code must have ("4.", "5.2.0")


@dataclass(frozen=True)
class Provider:
    name: str
    domains: tuple[str, ...]  # remote hosts or recipient domains, suffix match
    rules: tuple[ProviderRule, ...]
    mark: str = ""  # a regular expression naming the provider in the diagnostic itself


R = ProviderRule


def _phrase(words: str) -> str:
    """A regular expression for `words` (separated by blanks; each word plain or a regular expression
    without blanks) that also matches them broken over lines or spaced twice. (A wrapped reply's
    continuation prefixes, "550-5.7.1 ", are removed before the rules read it: classify.unwrapped.)"""
    return r"\s+".join(words.split())


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
GOOGLE = Provider(
    "Google",
    ("google.com", "gmail.com", "googlemail.com", "googlegroups.com"),
    (
        R("spamdetected", r"rejected due to spam classification"),
        # its RFC 5322 refusals ("Messages missing a valid messageId header are not accepted. To reduce the
        # amount of spam sent to Gmail, ..."): the header, not the spam the sentence after it mentions
        R("notcompliantrfc", _phrase("not rfc 5322 compliant") + "|" + _phrase("not rfc5322 compliant") + "|"
                             + _phrase("messages missing a valid") + "|"
                             r"rfcmessagenoncompliant|multiple addresses in from"),
        # Gmail's protocol refusals (its SMTP error reference): commands out of order or unknown.
        R("syntaxerror", _phrase("too many unauthenticated commands") + "|"
                         r"smtp protocol violation|no identity changes permitted|unrecognized authentication type|"
                         r"too many unrecognized commands|unimplemented command|"
                         r"(?:ehlo/helo|mail|rcpt) first|optional argument not permitted|starttls may not be repeated"),
        # "... unusual rate of unsolicited mail ... has been temporarily blocked" (421 or 550) blocks the
        # client; the 4.7.28 variant says "temporarily rate limited" instead.
        R("ratelimited", _phrase("unusual rate of unsolicited mail"), status="4.7.28"),
        R("ratelimited", _phrase("unusual rate of unsolicited mail") + ".*" + _phrase("rate limited")),
        R("blocked", _phrase("unusual rate of unsolicited mail")),
        R("blocked", _phrase("try again later, closing connection") + "|" + _phrase("ip not in whitelist for rcpt domain")),
        # Google Workspace's SMTP relay limits and per-transaction limits
        R("ratelimited", _phrase("relay limit exceeded") + "|" + _phrase("multiple destination domains per transaction")
                         + "|" + _phrase("sending quota exceeded")),
        R("rejected", r"mail sending denied"),
        # "Mail relay denied [ip]. Invalid credentials for relay for one of the domains in: ...": the
        # Workspace SMTP relay does not know the sending domain or IP.
        R("norelaying", r"mail relay denied"),
        R("securityerror", r"cannot decode response|application-specific password required|"
                           r"username and password not accepted|invalid credentials for relay"),
        R("expired", _phrase("timeout - closing connection")),
        R("networkerror", r"exceeded \d+ hops|may indicate a mail loop"),
        R("systemerror", r"temporary system problem|server busy|mail server temporarily rejected message"),
        # The sender requirements (2024): "rate limited because SPF authentication didn't pass",
        # "... the From: header isn't aligned with ... SPF or DKIM", "This mail is unauthenticated ...
        # and has been rate limited": the cause is authentication; so is a low reputation the cause of
        # "very low reputation of the sending IP ... temporarily rate limited", and TLS of "rate
        # limited because this message wasn't sent over a TLS connection".
        R("authfailure", _phrase("(?:spf|dkim) authentication didn'?t pass") + "|"
                         + _phrase("isn'?t aligned with either the authenticated") + "|"
                         + _phrase("isn'?t aligned with the authenticated") + "|" + _phrase("is unauthenticated")),
        R("badreputation", _phrase("low reputation")),
        R("failedstarttls", _phrase("sent over a tls connection")),
        R("ratelimited", r"receiving mail at a rate|receivingrate|sending at a rate|unusual rate|"
                         r"rate limit|too many (?:messages|recipients)|sending (?:quota|limit) exceeded"),
        R("authfailure", r"unauthenticated|dmarc|\bspf\b|\bdkim\b|5\.7\.2[36]|authentication (?:information|checks)"),
        R("requireptr", r"\bptr record|5\.7\.25|reverse dns"),
        R("mailboxfull", r"out of storage space|overquota|over quota|inbox is full"),
        R("suspend", r"account that you tried to reach is (?:disabled|inactive)|disableduser|"
                     r"account(?: is)? (?:disabled|inactive)"),
        R("userunknown", r"account that you tried to reach does not exist|nosuchuser|"
                         r"does not exist\. please try double-checking"),
        R("virusdetected", r"\bvirus\b|malware|harmful software"),
        R("policyviolation", r"content presents a potential security issue|messagerejected|"
                             r"contains a link to a url|attachment .{0,30}(?:security|not allowed)"),
        R("badreputation", r"poor reputation|bad reputation"),
        R("spamdetected", r"likely unsolicited|unsolicitedmessage|nature of the content|\bspam\b"),
        R("blocked", r"not authorized to send (?:e-?mail )?directly|ip you're using|ipnotauthorized|"
                     r"blocklist|blacklist|block list"),
        R("hostunknown", r"\bdns error\b.*nxdomain", status="5."),
        R("networkerror", r"\bdns error\b", status="4."),
        R("notaccept", r"doesn'?t receive email|null mx"),
        R("expired", r"did not accept our requests to connect|could not connect to the recipient server"),
        R("spamdetected", r"rejected due to spam classification"),
    ),
    # Its help pages, its "gsmtp" signature, and sentences only Gmail writes (a relay that reports the
    # reply may lose the remote host and cut the signature): read by the rules above, its 5.7.27
    # (SPF), 5.7.29 (TLS), 5.7.30 (DKIM) and 5.7.28 mean what Gmail says, not what RFC 3463 and
    # its registry say.
    mark=r"support\.google\.com/(?:mail|a)/|\bgsmtp\b|" + _phrase("gmail requires all") + "|"
         + _phrase("unusual rate of unsolicited mail") + "|" + _phrase("aligned with either the authenticated"),
)
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
        R("badreputation", r"4\.7\.650|ip reputation|\(S3113\)|\(S3114\)|\(S3115\)"),
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
        R("blocked", r"access denied, please try again later|\b4\.7\.8[5-9]\d\b|\b5\.7\.50[67]\b|"
                     r"access denied, bad helo|\b5\.7\.510\b|does not accept email over ipv6|\b5\.7\.51\b|"
                     r"\b5\.5\.4 invalid domain name"),
        # DANE and DNSSEC checks of the destination (5.7.321-325): the secure channel could not be set up.
        R("failedstarttls", r"\b[45]\.7\.32[1-5]\b|tlsa-invalid|dnssec-invalid|certificate-expired|"
                            r"certificate-host-mismatch|starttls-not-supported"),
        # The recipient's own limits on what it receives: 5.2.121/5.2.122 per-hour limits, the
        # mailbox's delivery thread limit, 5.7.508 "exceeded permitted limits".
        R("ratelimited", r"\b5\.2\.12[12]\b|message receive limit|exceeded their limit for|thread limit exceeded|"
                         r"exceeded permitted limits"),
        # Groups and mailboxes that accept only authenticated (internal) senders or a list of senders:
        # 5.7.12, 5.7.124, 5.7.133-136 (RESOLVER.RST.*): the sender is not allowed there.
        R("rejected", r"\b5\.7\.12\b|\b5\.7\.124\b|\b5\.7\.13[3-6]\b|sender not in allowed-senders list|"
                      r"sender (?:was )?not authenticated (?:by organization|for (?:group|mailbox|public folder))"),
        R("suspend", r"\b5\.7\.505\b|banned recipient"),
        R("spamdetected", r"content filter agent quarantined"),
        R("policyviolation", r"\b5\.0\.350\b|x-dg-ref header|\b5\.7\.9\d\d\b"),
        R("norelaying", r"\b5\.7\.1 client was not authenticated\b"),
        R("userunknown", r"single label domains not accepted|invalid x\.400 address"),
        R("syntaxerror", r"\b5\.3\.3 unrecognized command"),
        # 5.4.11 "Agent generated message depth exceeded": the message kept being regenerated by an agent
        R("contenterror", r"invalid message content|agent generated message depth exceeded"),
        R("systemerror", r"\b4\.3\.2 service not active|\b5\.3\.190\b|address ambiguous|misconfigured forwarding address|"
                         r"failed to be replicated|agent busy"),
        # The sender's own limits: "SubmissionQuotaExceededException" comes with 5.2.2, which is
        # no full mailbox here; 5.1.90 is the daily recipient limit.
        R("ratelimited", r"submissionquotaexceeded|submission quota|5\.1\.90\b|reached your daily limit"),
        R("policyviolation", r"5\.7\.520|does not allow external forwarding"),
        R("rejected", r"all recipient addresses rejected"),
        R("blocked", r"5\.7\.50[01]|5\.7\.511|5\.7\.750|spam abuse detected|banned sender|unregistered domain"),
        R("userunknown", r"recip(?:ient)?notfound|recipient not found|5\.4\.1 .{0,80}recipient address rejected: "
                         r"access denied|5\.1\.10|requested action not taken: mailbox unavailable"),
        # "part of their network is on our block list (S3150)", and (S3140) with the same words
        R("blocked", r"5\.7\.6[0-4]\d|banned sending ip|\(S3150\)|\(S3140\)|\(S3160\)|blocked using|"
                     r"traffic not accepted from this ip|5\.7\.708|5\.7\.513|block list"),
        R("authfailure", r"5\.7\.509|5\.7\.515|does not pass dmarc|dmarc policy"),
        R("norelaying", r"5\.7\.54\b|5\.7\.64\b|unable to relay|relay access denied"),
        R("notcompliantrfc", r"5\.7\.512|rfc 5322 section"),
        R("ratelimited", r"5\.7\.70[05]|exceeded (?:the )?(?:sending|message|recipient) (?:rate|limit)|"
                         r"4\.7\.500|server busy"),
        R("hostunknown", r"domain is not reachable|5\.4\.310|dns domain .{0,40} does not exist"),
        R("expired", r"5\.4\.316|message expired"),
        R("networkerror", r"5\.4\.14|hop count exceeded|routing loop|\b[45]\.4\.312\b|dns query failed"),
        R("securityerror", r"5\.7\.57|not authenticated to send anonymous mail"),
        R("contenterror", r"5\.6\.211|invalid mime"),
    ),
    # Its hosts and its own tokens: RESOLVER.ADR.RecipNotFound, STOREDRV.Deliver..., AS(7230).
    mark=r"postmaster\.live\.com|sender\.office\.com|go\.microsoft\.com|\.prod\.outlook\.com|"
         r"protection\.outlook\.com|\.prod\.exchangelabs\.com|aka\.ms/exo|"
         r"\b(?:RESOLVER|STOREDRV|QUEUE)\.[A-Z]\w+|\bAS\(\d{3,}\)|"
         r"\b(?:SC|DY|OU|RP)-00\d \([A-Z]{3}\d+-MC\w+\)",
)
YAHOO = Provider(
    "Yahoo",
    ("yahoo.com", "yahoodns.net", "ymail.com", "rocketmail.com", "aol.com", "yahoo.co.uk",
     "yahoo.fr", "yahoo.de", "verizon.net", "aim.com",
     # Yahoo's and AOL's domains in other countries (not yahoo.co.jp: Yahoo! JAPAN is another company)
     "yahoo.ca", "yahoo.com.au", "yahoo.co.nz", "yahoo.co.in", "yahoo.in", "yahoo.es", "yahoo.it", "yahoo.ie",
     "yahoo.gr", "yahoo.se", "yahoo.dk", "yahoo.no", "yahoo.fi", "yahoo.pl", "yahoo.ro", "yahoo.com.br",
     "yahoo.com.mx", "yahoo.com.ar", "yahoo.com.sg", "yahoo.com.ph", "yahoo.co.id", "yahoo.com.tw",
     "yahoo.com.hk", "yahoo.com.vn", "yahoo.co.za", "aol.co.uk", "aol.de", "aol.fr", "netscape.net", "cs.com"),
    (
        R("blocked", r"\[bl2[123]\]|connections will not be accepted from|\[tss09\]|\[ts03\]|permanently deferred"),
        R("ratelimited", r"\[tssil\]|\[tss01\]|\[ts02\]|too many (?:connections|concurrent)"),
        R("badreputation", r"\[tss0[45]\]|\[ts01\]|unexpected volume or user complaints|excessive user complaints"),
        R("authfailure", r"sender is unauthenticated|dmarc|\bspf\b|\bdkim\b"),
        R("policyviolation", r"not accepted for policy reasons|\[ph01\]"),
        R("notcompliantrfc", r"headers are not rfc compliant"),
        R("suspend", r"user is terminated|disabled or discontinued|mailbox is disabled|"
                     r"account (?:is |has been )?(?:disabled|deactivated)"),
        # Yahoo and AOL check the recipient after DATA ("dd": a delivery error at the end of data), so
        # their missing-mailbox replies there are no receive filter
        R("userunknown", r"this user doesn'?t have a .{1,40} account|\bdd\b.{0,20}not a valid recipient|"
                         r"\bdd requested mailbox is not available|requested mail action aborted, mailbox not found"),
        R("norelaying", r"relaying denied"),
        R("mailboxfull", r"over quota|mailbox is full"),
        # AOL's classic codes
        R("blocked", r"\b(?:DYN:T1|RTR:BL|RTR:BB|RLY:B[1-3]|CON:B1|HVU:B1|IPTS0[14])\b"),
        R("requireptr", r"\b(?:DNS:NR|RLY:NS)\b"),
        R("ratelimited", r"\b(?:RTR:GE|RLY:CH|CON:T[1-4])\b"),
    ),
    # Yahoo's bracketed codes ([TSS04], [TS01], [TSSIL], [BL21], [PH01]) name it wherever they appear.
    mark=r"postmaster\.(?:yahooinc|verizonmedia|yahoo)\.com|postmaster\.aol\.com|help\.yahoo\.com|"
         r"\[(?:tss?\d\d|tssil|bl2[123]|ph01)\]",
)
APPLE = Provider(
    "Apple",
    ("icloud.com", "me.com", "mac.com", "mail.icloud.com", "apple.com"),
    (
        R("authfailure", r"dmarc|\bspf\b|\bdkim\b"),
        R("mailboxfull", r"over quota|mailbox is full"),
        R("suspend", r"user is inactive|account (?:is )?(?:disabled|inactive)"),
        R("userunknown", r"user unknown|recipient address rejected|no such user"),
        R("blocked", r"\[cs0[1-9]\]|blocked|reputation"),
        R("policyviolation", r"\[hm0[1-9]\]|local policy"),
    ),
    # its pages, and its bracketed codes ([CS01], [HM08], [HME1]) for a custom domain whose host was lost
    mark=r"support\.apple\.com/(?:en-us/)?HT204137|support\.apple\.com/(?:en-us/)?102322|\[(?:CS|HM)0\d\]|\[HME\d\]",
)
TENCENT = Provider(
    "Tencent",
    ("qq.com", "exmail.qq.com", "foxmail.com", "tencent.com"),
    (
        # QQ Mail's help (service.mail.qq.com, id=20022)
        R("authfailure", r"dmarc check failed|spf check failed"),
        R("blocked", r"suspected spam ip"),
        R("ratelimited", r"frequency limit|frequency of .{0,20}limited|too many|rate limit|connection denied"),
        R("blocked", r"bounce attack|ip (?:is )?(?:rejected|blocked)|blocked ip|smtp auth error"),
        R("mailboxfull", r"mailbox is full|quota exceeded|over quota"),
        R("emailtoolarge", r"message too large|mail size"),
        R("syntaxerror", r"bad address syntax"),
        R("suspend", r"mailbox unavailable or access denied"),
        R("userunknown", r"mailbox not found|invalid recipient"),
        R("filtered", r"rejected by recipients?"),
        R("spamdetected", r"\bspam\b|content (?:is )?denied|mail content"),
    ),
    mark=r"service\.mail\.qq\.com|service\.exmail\.qq\.com",
)
MIMECAST = Provider(
    "Mimecast",
    ("mimecast.com", "mimecast.co.za", "mimecast-offshore.com"),
    (
        # "Envelope blocked - User Entry": the recipient's own blocked-senders list; "- Policy
        # Entry" / "- Admin Entry" and "Blocked Sender": the organisation's list refuses the sender.
        R("filtered", r"envelope blocked [-\u2013] user entry"),
        R("rejected", r"envelope blocked|blocked sender|block policy for (?:envelope|header) from"),
        R("authfailure", r"(?:spf|dkim|dmarc) sender invalid"),
        R("virusdetected", r"rejected due to security polic|virus|malware"),
        # Its documented SMTP codes: 451 "Recipient temporarily unavailable" is its greylisting,
        # "Internal resources are temporarily unavailable" a temporary block of the sending IP.
        R("blocked", r"recipient temporarily unavailable|internal resources are temporarily unavailable|"
                     r"ip temporarily blacklisted"),
        R("failedstarttls", r"route requires (?:encryption|tls|high-strength ciphers)|invalid for this certificate"),
        R("securityerror", r"incorrect authentication data|submitter failed"),
        R("notaccept", r"account inbounds disabled"),
        # the sending customer's own account: outbound mail disabled, or a hostname it may not use; held
        # until the customer changes its configuration
        R("onhold", r"account outbounds disabled|hostname is not authorized"),
        R("ratelimited", r"account service is temporarily unavailable|outbound thread limit|too many recipients"),
        R("networkerror", r"mail loop detected"),
        R("systemerror", r"unable to process (?:connection|command|an email)|message ended early"),
        R("badreputation", r"ip reputation|reputation"),
        R("policyviolation", r"host network not allowed|anti-spoofing|policy"),
        R("spamdetected", r"spam"),
        R("userunknown", r"invalid recipient|recipient address rejected|user unknown|^\s*501 invalid address"),
        R("emailtoolarge", r"message too large|size"),
        R("requireptr", r"invalid helo|reverse dns|ptr"),
    ),
    mark=r"mimecast\.com/docs|community\.mimecast\.com|\bmimecast\b",
)
COX = Provider(
    "Cox",
    ("cox.net", "cloudfilter.net", "coxmail.com"),
    (
        # Cox's AUP# codes (its email error codes page) first: "sender rejected ... AUP#CDRBL" is a block.
        R("securityerror", r"AUP#(?:CXTHRT|CXMJ)\b"),  # sending limited for suspicious account activity
        R("rejected", r"AUP#(?:CXSNDR|CXSMTP)\b"),  # the sender's domain, an unverifiable sender
        R("ratelimited", r"AUP#(?:CXCNCT|CXMXRT|MXRT|CXRCPT|RT|RATE)\b"),
        R("requireptr", r"AUP#(?:CXDNS|DNS|PTR)\b|rejected - no rdns|dns check failure"),
        R("spamdetected", r"AUP#(?:URLBL\d*|CXSPAM|SPAM)\b"),
        R("blocked", r"AUP#(?:CDRBL|CXBL|BL|RBL|DNSBL|IPBL\d*|BLK|PBL)\b|too many bad commands|too many invalid recipients"),
        # Its wording without a code
        R("notaccept", r"esmtp server temporarily not available"),
        R("policyviolation", r"no data before greeting|attachment extension is forbidden"),
        R("ratelimited", r"too many sessions from|message threshold exceeded|requested action aborted: try again later"),
        R("userunknown", r"recipient rejected"),
        R("rejected", r"sender rejected"),  # "all sender domains must resolve to a valid MX or A record"
    ),
    mark=r"cox\.com/(?:residential/)?support|AUP#CX",
)
SPECTRUM = Provider(
    "Spectrum",
    ("charter.net", "spectrum.net", "rr.com", "twc.com", "brighthouse.com", "charter.com"),
    (
        # AUP#In-NNNN / AUP#Out-NNNN, as its "understanding email error codes" page groups them.
        R("blocked", r"AUP#[-a-z]*1000\b"),  # the IP blocked for suspicious activity
        R("rejected", r"AUP#[-a-z]*10(?:[1-7]\d|80)\b"),  # the sending account limited
        R("systemerror", r"AUP#[-a-z]*1090\b"),
        R("networkerror", r"AUP#[-a-z]*1260\b"),  # IPv6 connections are not processed
        R("blocked", r"AUP#[-a-z]*1(?:1[0-5]\d|2[0-5]\d)\b"),  # DNS of the IP, Cloudmark CSI, Spamhaus
        R("policyviolation", r"AUP#[-a-z]*1(?:1[6-9]\d|560)\b"),  # the domain's security policy, invalid recipients
        R("ratelimited", r"AUP#[-a-z]*1(?:[34]\d\d|54\d|55\d)\b"),  # connections, volume, recipients
        R("emailtoolarge", r"AUP#[-a-z]*1530\b"),
        R("rejected", r"AUP#[-a-z]*15[0-2]\d\b"),  # sending as another address or domain
    ),
    mark=r"spectrum\.net/support|charter\.net|AUP#(?:In|Out)-\d{4}",
)
COMCAST = Provider(
    "Comcast",
    ("comcast.net",),
    (
        # Its SMTP error codes page (postmaster.comcast.net/smtp-error-codes.php): BLnnnnnn the sending
        # IP on its own or a public block list ("Comcast block for spam"), RLnnnnnn its rate limits.
        R("blocked", r"#BL\d{6}\b|comcast block for spam"),
        R("ratelimited", r"#RL\d{6}\b"),
    ),
    mark=r"postmaster\.comcast\.net",
)
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
GODADDY = Provider(
    "GoDaddy",
    ("secureserver.net", "godaddy.com"),
    (
        # Its IBnnn codes, as its bounce page lists them
        R("ratelimited", r"\bIB(?:007|504|510|60[5-7])\b|too many (?:recipients|connections|sessions)"),
        R("badreputation", r"\bIB103\b"),  # a poor reputation on Cloudmark CSI
        R("requireptr", r"\bIB108\b"),  # reverse DNS of the IP failed
        R("authfailure", r"\bIB508\b|\bspf\b"),
        R("rejected", r"\bIB50[1-7]\b"),  # blank, IP-address or invalid From:
        R("securityerror", r"\bIB401\b"),
        R("spamdetected", r"\bIB212\b"),
        R("virusdetected", r"\bIB705\b"),
        R("expired", r"\bIB101\b|delivery timeout|wasn'?t able to establish an smtp connection"),
        R("blocked", r"\bIB(?:10[0-9]|11[0-3]|2\d\d)\b|spamhaus|rbl reject|blocked"),
        R("suspend", r"account disabled"),
        R("mailboxfull", r"account storage limit"),
        R("userunknown", r"account does not exist|recipient not found"),
    ),
    mark=r"x\.co/rlbounce|secureserver\.net|\bIB\d{3}\b",
)
ZOHO = Provider(
    "Zoho",
    ("zoho.com", "zohomail.com", "zoho.eu", "zoho.in", "zoho.jp", "zohomail.eu"),
    (
        R("userunknown", r"user does not exist|no such user|invalid recipient"),
        R("spamdetected", r"flagged as spam|spam"),
        R("rejected", r"mail rejected by destination domain"),
        R("norelaying", r"relaying disallowed"),
        R("ratelimited", r"unusual (?:sending )?activity|rate limit"),
        R("mailboxfull", r"quota|mailbox (?:is )?full"),
    ),
)
FACEBOOK = Provider(
    "Facebook",
    ("facebook.com", "fb.com", "facebookmail.com"),
    (
        # Its response codes (postmaster.facebook.com/response_codes)
        R("userunknown", r"\bRCP-P1\b|\bRCP-R1\b|\bINT-P[134]\b"),
        R("filtered", r"\bRCP-P[23]\b|recipient preferences"),
        R("suspend", r"\bRCP-P4\b|\bRCP-T4\b"),  # the address deactivated
        R("systemerror", r"\bRCP-T1\b|\bCON-T1\b|\bINT-T\d\b"),  # Facebook's own temporary issues
        R("ratelimited", r"\bRCP-T[23]\b|\bCON-T[2-4]\b|\bMSG-T[1-4]\b"),
        R("emailtoolarge", r"\bMSG-P1\b|\bINT-P2\b"),
        R("contenterror", r"\bMSG-P2\b"),
        R("notcompliantrfc", r"\bMSG-P3\b"),  # a header field that may appear once, repeated
        R("rejected", r"\bDNS-P[12]\b|\bDNS-T1\b"),  # the MAIL FROM domain does not exist or has no MX
        R("requireptr", r"\bDNS-P3\b|\bDNS-T2\b"),
        R("authfailure", r"\bPOL-P7\b"),
        R("virusdetected", r"\bPOL-P5\b"),
        R("spamdetected", r"\bPOL-P[68]\b"),  # a blocked URL
        # POL-P3/P4, POL-T1 to T3: "not accepting messages from your mail server" for hours: a block
        # of the client (Facebook still takes mail), not a destination that accepts none.
        R("blocked", r"\bPOL-[PT][1-4]\b"),
        R("systemerror", r"\bCON-P\d\b"),
    ),
    mark=r"postmaster\.facebook\.com",
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
MESSAGELABS = Provider(
    "MessageLabs",
    ("messagelabs.com", "symantec.com", "symanteccloud.com"),
    (
        R("securityerror", r"turn on smtp authentication|without authentication"),
        R("userunknown", r"^\s*5\d\d\s+\S+@\S+\s+rejected\b|no such user|invalid recipient"),
        R("blocked", r"blocked|\bpbl\b|spamhaus"),
        R("spamdetected", r"\bspam\b"),
    ),
    mark=r"messagelabs\.com",
)
CLOUDFLARE = Provider(
    "Cloudflare",
    ("cloudflare.net", "mx.cloudflare.net", "cloudflare.com"),
    (
        # "found on one or more DNSBLs, see .../email-routing/postmaster/#spam-and-abusive-traffic": the
        # client's address on a block list (the link's "spam" says nothing of the content)
        R("blocked", r"found on one or more dnsbls"),
        R("authfailure", r"dmarc|\bspf\b|\bdkim\b|not authenticated"),
        R("badreputation", r"reputation"),
        R("userunknown", r"unknown user|address does not exist|no such user"),
        R("ratelimited", r"rate limit|too many"),
        R("networkerror", r"upstream"),
    ),
    mark=r"developers\.cloudflare\.com/email-routing",
)

AMAZON = Provider(
    "Amazon SES",
    ("amazonaws.com", "amazonses.com"),
    (
        R("suppressed", r"suppression list"),
        R("norelaying", r"(?:address|domain|identit(?:y|ies)) (?:is |are )?not verified|failed the check in region"),
        R("suspend", r"sending (?:is )?paused|account (?:is )?(?:under review|suspended)"),
        R("ratelimited", r"maximum sending rate exceeded|daily message quota exceeded|throttling"),
    ),
    mark=r"\bamazon ses\b|docs\.aws\.amazon\.com/ses",
)
NETEASE = Provider(
    "NetEase",
    ("163.com", "126.com", "yeah.net", "netease.com", "188.com", "vip.163.com"),
    (
        # NetEase's bracket-less codes: DT (content), RP (rate policy), MI (mail information),
        # IP (the client), as its postmaster help pages list them.
        R("spamdetected", r"\bDT:SPM\b"),
        R("rejected", r"\bDT:SUM\b"),
        R("authfailure", r"\bMI:SPF\b|\bMI:DMA\b"),
        R("ratelimited", r"\bRP:(?:CEL|QRC|TRC|DRC|CTN|TRF)\b|\bMI:(?:CEL|DMC)\b"),
        R("blocked", r"\bIP:B\d\d\b|\bIP:\d{1,3}(?:\.\d{1,3}){3}\b|\bMI:NHD\b"),
        R("userunknown", r"user not found|mailbox not found"),
        R("suspend", r"user suspended|mailbox (?:is )?(?:frozen|suspended)"),
        # no code the rules above know, only its help page on spam (mail.163.com/help/help_spam_16.htm)
        R("spamdetected", r"help_spam_\d+"),
    ),
    mark=r"mail\.163\.com/help|\bDT:SPM\b|\bRP:(?:CEL|QRC|TRC|DRC|CTN)\b",
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

PROVIDERS: tuple[Provider, ...] = (
    DOCOMO, AU, SOFTBANK, GOOGLE, MICROSOFT, YAHOO, APPLE, TENCENT, MIMECAST, COX, SPECTRUM, COMCAST,
    MAILRU, GODADDY, ZOHO, FACEBOOK, IUA, ORANGE, MESSAGELABS, CLOUDFLARE, AMAZON, NETEASE,
    TONLINE,
)
