"""Hosting, mail and sending services: GoDaddy (its IBnnn codes), Zoho Mail, Facebook (its
response codes) and Amazon SES (its sending account and identities).
"""

from __future__ import annotations

from bouncetui.classify.providers.rule import Provider, R

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
