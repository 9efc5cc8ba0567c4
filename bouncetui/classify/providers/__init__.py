"""Provider rules: what a receiving provider's own wording and error codes mean.

A provider applies to a delivery when the remote host or the recipient's domain is one of its
`domains` (suffix match), or when the diagnostic names it (`mark`: its error-code page, its own
code prefix). Its rules are tried in order; the first whose pattern matches the diagnostic (and
whose SMTP stage and status class agree, when the rule names them) decides the reason (rule.py
says what a rule is).

One module of tables per family of providers, each saying where its rules come from:

    japan       NTT docomo, au/KDDI, SoftBank
    google      Gmail, Google Workspace, Google Groups
    microsoft   Exchange Online, Outlook.com, Hotmail
    yahoo       Yahoo and AOL
    apple       iCloud Mail
    china       Tencent (QQ Mail, Exmail), NetEase
    gateways    Mimecast, MessageLabs, Cloudflare Email Routing
    cable       Cox, Spectrum/Charter, Comcast
    europe      Mail.ru, i.ua, Orange/La Poste, T-Online
    services    GoDaddy, Zoho Mail, Facebook, Amazon SES

Sources: each provider's published error-code pages and the replies these providers actually
send. A provider that wraps a long reply over lines that each repeat the codes ("550-5.7.1 ", as
Gmail and Exchange Online do) is read with those prefixes removed, as the wording step reads it
(classify.unwrapped); a rule that names a reply code also matches the reply as written.
tests/unit/test_provider_replies*.py test a reply per documented code.

`PROVIDERS` is the one list the classifier reads. Its order matters where several providers
apply to one delivery (a Gmail reply relayed by a Microsoft host): the first listed whose
rule matches decides.
"""

from __future__ import annotations

from bouncetui.classify.providers.apple import APPLE
from bouncetui.classify.providers.cable import COMCAST, COX, SPECTRUM
from bouncetui.classify.providers.china import NETEASE, TENCENT
from bouncetui.classify.providers.europe import IUA, MAILRU, ORANGE, TONLINE
from bouncetui.classify.providers.gateways import CLOUDFLARE, MESSAGELABS, MIMECAST
from bouncetui.classify.providers.google import GOOGLE
from bouncetui.classify.providers.japan import AU, DOCOMO, SOFTBANK
from bouncetui.classify.providers.microsoft import MICROSOFT
from bouncetui.classify.providers.rule import Provider, ProviderRule
from bouncetui.classify.providers.services import AMAZON, FACEBOOK, GODADDY, ZOHO
from bouncetui.classify.providers.yahoo import YAHOO

__all__ = ["PROVIDERS", "Provider", "ProviderRule"]

# The order in which providers are tried when several apply: the carriers whose "user unknown"
# depends on the stage first, then the big mailbox providers, then gateways and the rest.
PROVIDERS: tuple[Provider, ...] = (
    DOCOMO, AU, SOFTBANK, GOOGLE, MICROSOFT, YAHOO, APPLE, TENCENT, MIMECAST, COX, SPECTRUM, COMCAST,
    MAILRU, GODADDY, ZOHO, FACEBOOK, IUA, ORANGE, MESSAGELABS, CLOUDFLARE, AMAZON, NETEASE,
    TONLINE,
)
