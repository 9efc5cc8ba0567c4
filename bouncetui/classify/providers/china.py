"""Chinese providers: Tencent (QQ Mail, Tencent Exmail, Foxmail) and NetEase (163.com, 126.com,
yeah.net), as their help pages list their codes: QQ's help id=20022, NetEase's DT/RP/MI/IP codes.
"""

from __future__ import annotations

from bouncetui.classify.providers.rule import Provider, R

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
        # listed by its help page among its frequency limits; a deactivated mailbox has its own words
        # ("... is a deactivated mailbox", read by the wording step)
        R("ratelimited", r"mailbox unavailable or access denied"),
        R("userunknown", r"mailbox not found|invalid recipient"),
        R("filtered", r"rejected by recipients?"),
        R("spamdetected", r"\bspam\b|content (?:is )?denied|mail content"),
    ),
    mark=r"service\.mail\.qq\.com|service\.exmail\.qq\.com",
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
