"""Apple: iCloud Mail (icloud.com, me.com, mac.com) and custom domains hosted there, as its
postmaster page (support.apple.com 102322, formerly HT204137) and its replies word them. Its
bracketed codes ([CS01], [HM08], [HME1]) name it when the remote host was lost.
"""

from __future__ import annotations

from bouncetui.classify.providers.rule import Provider, R

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
