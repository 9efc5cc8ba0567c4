"""Google: Gmail, Google Workspace and Google Groups, as their SMTP error reference words them.

Gmail's codes mean what Gmail says, not always what RFC 3463 and its registry say: its 5.7.27 is
the sending domain's SPF failure, 5.7.29 a missing TLS connection, 5.7.30 a DKIM failure, 5.7.28
its unsolicited-rate limit. Its sender requirements (2024) rate-limit or block mail that is not
authenticated, aligned or sent over TLS; the rules read the cause, not the limit.
"""

from __future__ import annotations

from bouncetui.classify.providers.rule import Provider, R, phrase

GOOGLE = Provider(
    "Google",
    ("google.com", "gmail.com", "googlemail.com", "googlegroups.com"),
    (
        R("spamdetected", r"rejected due to spam classification"),
        # its RFC 5322 refusals ("Messages missing a valid messageId header are not accepted. To reduce the
        # amount of spam sent to Gmail, ..."): the header, not the spam the sentence after it mentions
        R("notcompliantrfc", phrase("not rfc 5322 compliant") + "|" + phrase("not rfc5322 compliant") + "|"
                             + phrase("messages missing a valid") + "|"
                             r"rfcmessagenoncompliant|multiple addresses in from"),
        # Gmail's protocol refusals (its SMTP error reference): commands out of order or unknown.
        R("syntaxerror", phrase("too many unauthenticated commands") + "|"
                         r"smtp protocol violation|no identity changes permitted|unrecognized authentication type|"
                         r"too many unrecognized commands|unimplemented command|"
                         r"(?:ehlo/helo|mail|rcpt) first|optional argument not permitted|starttls may not be repeated"),
        # "... unusual rate of unsolicited mail ... has been temporarily blocked" (421 or 550) blocks the
        # client; the 4.7.28 variant says "temporarily rate limited" instead.
        R("ratelimited", phrase("unusual rate of unsolicited mail"), status="4.7.28"),
        R("ratelimited", phrase("unusual rate of unsolicited mail") + ".*" + phrase("rate limited")),
        R("blocked", phrase("unusual rate of unsolicited mail")),
        R("blocked", phrase("try again later, closing connection") + "|" + phrase("ip not in whitelist for rcpt domain")),
        # Google Workspace's SMTP relay limits and per-transaction limits
        R("ratelimited", phrase("relay limit exceeded") + "|" + phrase("multiple destination domains per transaction")
                         + "|" + phrase("sending quota exceeded")),
        R("rejected", r"mail sending denied"),
        # "Mail relay denied [ip]. Invalid credentials for relay for one of the domains in: ...": the
        # Workspace SMTP relay does not know the sending domain or IP.
        R("norelaying", r"mail relay denied"),
        R("securityerror", r"cannot decode response|application-specific password required|"
                           r"username and password not accepted|invalid credentials for relay"),
        R("expired", phrase("timeout - closing connection")),
        R("networkerror", r"exceeded \d+ hops|may indicate a mail loop"),
        R("systemerror", r"temporary system problem|server busy|mail server temporarily rejected message"),
        # The sender requirements (2024): "rate limited because SPF authentication didn't pass",
        # "... the From: header isn't aligned with ... SPF or DKIM", "This mail is unauthenticated ...
        # and has been rate limited": the cause is authentication; so is a low reputation the cause of
        # "very low reputation of the sending IP ... temporarily rate limited", and TLS of "rate
        # limited because this message wasn't sent over a TLS connection".
        R("authfailure", phrase("(?:spf|dkim) authentication didn'?t pass") + "|"
                         + phrase("isn'?t aligned with either the authenticated") + "|"
                         + phrase("isn'?t aligned with the authenticated") + "|" + phrase("is unauthenticated")),
        R("badreputation", phrase("low reputation")),
        R("failedstarttls", phrase("sent over a tls connection")),
        # Gmail's 4.7.29 and 5.7.29 are its TLS requirement (RFC 3463's registry: ARC), whatever the wording
        R("failedstarttls", r"\btls\b", status="4.7.29"),
        R("failedstarttls", r"\btls\b", status="5.7.29"),
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
    mark=r"support\.google\.com/(?:mail|a)/|\bgsmtp\b|" + phrase("gmail requires all") + "|"
         + phrase("unusual rate of unsolicited mail") + "|" + phrase("aligned with either the authenticated"),
)
