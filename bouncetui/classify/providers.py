"""Provider rules: what a receiving provider's own wording and error codes mean.

A provider applies to a delivery when the remote host or the recipient's domain is one of its
`domains` (suffix match), or when the diagnostic names it (`mark`: its error-code page, its own
code prefix). Its rules are tried in order; the first whose pattern matches the diagnostic (and
whose SMTP stage and status class agree, when the rule names them) decides the reason.

Sources: each provider's published error-code pages (Gmail's SMTP error reference, Microsoft's
Exchange Online NDR codes and S31xx/AS(nnnn) block-list codes, Yahoo's postmaster error codes,
AOL's classic codes, Apple's iCloud postmaster page, QQ Mail's help, Mimecast's SMTP codes, Cox's
and Spectrum's AUP codes, NetEase's DT/RP/MI codes, GoDaddy's IBnnn codes, Orange's OFR and La
Poste's LPN codes, Facebook's response codes) and the replies these providers actually send.

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

DOCOMO = Provider(
    "docomo",
    ("docomo.ne.jp", "mopera.net", "docomo.blackberry.com", "dwmail.jp"),
    (
        R("userunknown", r"unknown user|user unknown", status="5.1."),
        R("filtered", r"unknown user|user unknown", status="5.2."),
        R("userunknown", r"unknown user|user unknown", command="RCPT"),
        R("filtered", r"unknown user|user unknown", command="DATA"),
        R("mailboxfull", r"552 too much mail data"),
        # Neither RCPT nor a 5.1.x status: not the missing-mailbox answer, so the receive filter.
        R("filtered", r"unknown user|user unknown"),
        R("ratelimited", r"552 too many recipients"),
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
        R("notcompliantrfc", r"not rfc ?5322 compliant|rfcmessagenoncompliant|multiple addresses in from"),
        R("blocked", r"unusual rate of unsolicited mail", status="5."),
        # The sender requirements (2024): "rate limited because SPF authentication didn't pass",
        # "... the From: header isn't aligned with ... SPF or DKIM": the cause is authentication.
        R("authfailure", r"(?:spf|dkim) authentication didn'?t pass|isn'?t aligned with (?:either )?the authenticated|"
                         r"sender is unauthenticated"),
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
        R("badreputation", r"low reputation|poor reputation|bad reputation"),
        R("spamdetected", r"likely unsolicited|unsolicitedmessage|nature of the content|\bspam\b"),
        R("blocked", r"not authorized to send (?:e-?mail )?directly|ip you're using|ipnotauthorized|"
                     r"blocklist|blacklist|block list"),
        R("hostunknown", r"\bdns error\b.*nxdomain", status="5."),
        R("networkerror", r"\bdns error\b", status="4."),
        R("notaccept", r"doesn'?t receive email|null mx"),
        R("expired", r"did not accept our requests to connect|could not connect to the recipient server"),
        R("spamdetected", r"rejected due to spam classification"),
    ),
    mark=r"support\.google\.com/(?:mail|a)/|\bgsmtp\b",
)
MICROSOFT = Provider(
    "Microsoft",
    ("outlook.com", "hotmail.com", "live.com", "msn.com", "hotmail.co.jp", "outlook.jp",
     "protection.outlook.com", "office365.com", "microsoft.com"),
    (
        R("badreputation", r"4\.7\.650|ip reputation|\(S3113\)|\(S3114\)|\(S3115\)|\(S3140\)"),
        # The sender's own limits: "SubmissionQuotaExceededException" comes with 5.2.2, which is
        # no full mailbox here; 5.1.90 is the daily recipient limit.
        R("ratelimited", r"submissionquotaexceeded|submission quota|5\.1\.90\b|reached your daily limit"),
        R("policyviolation", r"5\.7\.520|does not allow external forwarding"),
        R("rejected", r"all recipient addresses rejected"),
        R("blocked", r"5\.7\.50[01]|5\.7\.511|5\.7\.750|spam abuse detected|banned sender|unregistered domain"),
        R("userunknown", r"recip(?:ient)?notfound|recipient not found|5\.4\.1 .{0,80}recipient address rejected: "
                         r"access denied|5\.1\.10|requested action not taken: mailbox unavailable"),
        R("blocked", r"5\.7\.6[0-4]\d|banned sending ip|\(S3150\)|\(S3160\)|blocked using|"
                     r"traffic not accepted from this ip|5\.7\.708|5\.7\.513|block list"),
        R("authfailure", r"5\.7\.509|5\.7\.515|does not pass dmarc|dmarc policy"),
        R("norelaying", r"5\.7\.54\b|5\.7\.64\b|unable to relay|relay access denied"),
        R("notcompliantrfc", r"5\.7\.512|rfc 5322 section"),
        R("ratelimited", r"5\.7\.70[05]|exceeded (?:the )?(?:sending|message|recipient) (?:rate|limit)|"
                         r"4\.7\.500|server busy"),
        R("hostunknown", r"domain is not reachable|5\.4\.310|dns domain .{0,40} does not exist"),
        R("expired", r"5\.4\.316|message expired"),
        R("networkerror", r"5\.4\.14|hop count exceeded|routing loop"),
        R("securityerror", r"5\.7\.57|not authenticated to send anonymous mail|5\.7\.13[3-6]"),
        R("contenterror", r"5\.6\.211|invalid mime"),
    ),
    # Its hosts and its own tokens: RESOLVER.ADR.RecipNotFound, STOREDRV.Deliver..., AS(7230).
    mark=r"postmaster\.live\.com|sender\.office\.com|go\.microsoft\.com|\.prod\.outlook\.com|"
         r"protection\.outlook\.com|\.prod\.exchangelabs\.com|aka\.ms/exo|"
         r"\b(?:RESOLVER|STOREDRV|QUEUE)\.[A-Z]\w+|\bAS\(\d{3,}\)",
)
YAHOO = Provider(
    "Yahoo",
    ("yahoo.com", "yahoodns.net", "ymail.com", "rocketmail.com", "aol.com", "yahoo.co.uk",
     "yahoo.fr", "yahoo.de", "verizon.net", "aim.com"),
    (
        R("blocked", r"\[bl2[123]\]|connections will not be accepted from|\[tss09\]|\[ts03\]|permanently deferred"),
        R("ratelimited", r"\[tssil\]|\[tss01\]|\[ts02\]|too many (?:connections|concurrent)"),
        R("badreputation", r"\[tss0[45]\]|\[ts01\]|unexpected volume or user complaints|excessive user complaints"),
        R("authfailure", r"sender is unauthenticated|dmarc|\bspf\b|\bdkim\b"),
        R("policyviolation", r"not accepted for policy reasons|\[ph01\]"),
        R("notcompliantrfc", r"headers are not rfc compliant"),
        R("suspend", r"user is terminated|disabled or discontinued|mailbox is disabled|"
                     r"account (?:is |has been )?(?:disabled|deactivated)"),
        R("userunknown", r"this user doesn'?t have a .{1,40} account|\bdd\b.{0,20}not a valid recipient"),
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
    mark=r"support\.apple\.com/(?:en-us/)?HT204137|support\.apple\.com/(?:en-us/)?102322",
)
TENCENT = Provider(
    "Tencent",
    ("qq.com", "exmail.qq.com", "foxmail.com", "tencent.com"),
    (
        R("ratelimited", r"frequency limit|frequency of .{0,20}limited|too many|rate limit"),
        R("mailboxfull", r"mailbox is full|quota exceeded|over quota"),
        R("emailtoolarge", r"message too large|mail size"),
        R("suspend", r"mailbox unavailable or access denied"),
        R("userunknown", r"mailbox not found|invalid recipient"),
        R("filtered", r"rejected by recipients?"),
        R("spamdetected", r"\bspam\b|content (?:is )?denied|mail content"),
        R("blocked", r"bounce attack|ip (?:is )?(?:rejected|blocked)|blocked ip|smtp auth error"),
    ),
    mark=r"service\.mail\.qq\.com|service\.exmail\.qq\.com",
)
MIMECAST = Provider(
    "Mimecast",
    ("mimecast.com", "mimecast.co.za", "mimecast-offshore.com"),
    (
        # "Envelope blocked - User Entry": the recipient's own blocked-senders list; "- Policy
        # Entry" / "- Admin Entry" and "Blocked Sender": the organisation's list refuses the sender.
        R("filtered", r"envelope blocked - user entry"),
        R("rejected", r"envelope blocked|blocked sender"),
        R("virusdetected", r"rejected due to security polic|virus|malware"),
        R("badreputation", r"ip reputation|reputation"),
        R("policyviolation", r"host network not allowed|anti-spoofing|policy"),
        R("spamdetected", r"spam"),
        R("userunknown", r"invalid recipient|recipient address rejected|user unknown"),
        R("emailtoolarge", r"message too large|size"),
        R("requireptr", r"invalid helo|reverse dns|ptr"),
    ),
    mark=r"mimecast\.com/docs|community\.mimecast\.com|\bmimecast\b",
)
COX = Provider(
    "Cox",
    ("cox.net", "cloudfilter.net", "coxmail.com"),
    (
        R("blocked", r"AUP#(?:CDRBL|CXBL|BL|RBL|DNSBL|IPBL\d*|CXSNDR|CXCNCT|CXSMTP|BLK|PBL)\b"),
        R("ratelimited", r"AUP#(?:CXMXRT|MXRT|CXRCPT|RT|RATE)"),
        R("requireptr", r"AUP#(?:CXDNS|DNS|PTR)"),
        R("spamdetected", r"AUP#(?:URLBL|CXSPAM|SPAM|CXTHRT)"),
        R("blocked", r"sender rejected"),
    ),
    mark=r"cox\.com/(?:residential/)?support|AUP#CX",
)
SPECTRUM = Provider(
    "Spectrum",
    ("charter.net", "spectrum.net", "rr.com", "twc.com", "brighthouse.com", "charter.com"),
    (
        R("ratelimited", r"AUP#(?:In|Out)-1[3-4]\d\d\b"),
        R("blocked", r"AUP#(?:In|Out)-1[0-2]\d\d\b"),
        R("notaccept", r"AUP#(?:In|Out)-1260\b"),
        R("rejected", r"AUP#(?:In|Out)-15\d\d\b"),
    ),
    mark=r"spectrum\.net/support|charter\.net",
)
GODADDY = Provider(
    "GoDaddy",
    ("secureserver.net", "godaddy.com"),
    (
        R("ratelimited", r"\bIB(?:103|111|112|401|605|606|607)\b|too many (?:recipients|connections)"),
        R("authfailure", r"\bIB508\b|\bspf\b"),
        R("rejected", r"\bIB50[1-7]\b"),
        R("blocked", r"\bIB(?:10[0-9]|110|113|2\d\d)\b|spamhaus|blocked"),
    ),
    mark=r"x\.co/rlbounce|secureserver\.net",
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
        R("userunknown", r"\bRCP-P1\b|\bRCP-R1\b"),
        R("filtered", r"\bRCP-P[23]\b|recipient preferences"),
        R("suspend", r"\bRCP-P4\b"),
        R("ratelimited", r"\bRCP-T[1-4]\b|\bCON-T[1-4]\b|\bMSG-T[1-4]\b"),
        R("emailtoolarge", r"\bMSG-P1\b"),
        R("contenterror", r"\bMSG-P2\b"),
        R("notcompliantrfc", r"\bMSG-P3\b"),
        R("requireptr", r"\bDNS-[PT][1-3]\b"),
        R("authfailure", r"\bPOL-P7\b"),
        R("spamdetected", r"\bPOL-P[68]\b"),
        R("policyviolation", r"\bPOL-P5\b"),
        R("blocked", r"\bPOL-[PT][1-4]\b"),
        R("systemerror", r"\b(?:CON|INT)-P\d\b"),
    ),
    mark=r"postmaster\.facebook\.com",
)
IUA = Provider(
    "i.ua",
    ("i.ua", "email.ua"),
    (
        R("suspend", r"mail\.i\.ua/err/3/|frozen"),
        R("mailboxfull", r"mail\.i\.ua/err/5/|mailbox is full"),
        R("ratelimited", r"mail\.i\.ua/err/6/"),
        R("userunknown", r"mail\.i\.ua/err/2/|no such user"),
        R("blocked", r"mail\.i\.ua/err/1/"),
        R("spamdetected", r"mail\.i\.ua/err/(?:4|7|8)/"),
    ),
    mark=r"mail\.i\.ua/err/",
)
ORANGE = Provider(
    "Orange/France Télécom",
    ("orange.fr", "wanadoo.fr", "laposte.net", "orange.com", "francetelecom.fr", "voila.fr"),
    (
        R("spamdetected", r"\bofr_?5(?:06|07|08|09|10|11)\b|\[50[6-9]\]"),
        R("blocked", r"\bofr\w*_?(?:\d+_)?(?:10[0-9]|999)\b|\[(?:10[0-9]|999)\]|client host blocked|"
                     r"adresse ip source bloquee"),
        R("systemerror", r"\bofr\w*_?(?:\d+_)?50[0-5]\b|\[50[0-5]\]"),
        R("userunknown", r"invalid recipient|adresse destinataire invalide|LPN007_416"),
        R("suspend", r"recipient account is blocked|compte du destinataire est bloque"),
        R("policyviolation", r"\bLPN\d+_6\d\d\b"),
        R("ratelimited", r"\bLPN\d+_5\d\d\b|too many"),
    ),
    mark=r"\bOFR\d*_\d+|\bLPN\d+_\d+",
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
    DOCOMO, AU, SOFTBANK, GOOGLE, MICROSOFT, YAHOO, APPLE, TENCENT, MIMECAST, COX, SPECTRUM,
    GODADDY, ZOHO, FACEBOOK, IUA, ORANGE, MESSAGELABS, CLOUDFLARE, AMAZON, NETEASE,
    TONLINE,
)
