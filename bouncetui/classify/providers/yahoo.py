"""Yahoo and AOL (one postmaster since 2017): Yahoo's bracketed codes ([TSS04], [TS01], [BL21],
[PH01]) and AOL's classic ones (DYN:T1, RTR:BL, RLY:B1, ...). Both check the recipient after DATA,
so their missing-mailbox replies there are no receive filter. Yahoo! JAPAN (yahoo.co.jp) is
another company and is not listed here.
"""

from __future__ import annotations

from bouncetui.classify.providers.rule import Provider, R

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
