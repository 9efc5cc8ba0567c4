"""Security gateways and mail routing services that answer for their customers' domains:
Mimecast (its documented SMTP codes), Symantec's MessageLabs and Cloudflare Email Routing (its
postmaster page). A customer's domain rarely names the gateway: its remote host or its help links
in the reply do.
"""

from __future__ import annotations

from bouncetui.classify.providers.rule import Provider, R

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
