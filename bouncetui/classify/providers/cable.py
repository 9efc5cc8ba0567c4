"""US cable and internet providers: Cox (its AUP# codes), Spectrum/Charter (AUP#In-/Out-NNNN, as
its "understanding email error codes" page groups them) and Comcast (BL/RL codes of its SMTP
error codes page).
"""

from __future__ import annotations

from bouncetui.classify.providers.rule import Provider, R

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
