"""Decoders for reporting MTAs and providers whose reports are not (only) RFC 3464.

One module per MTA or provider family. Each has `NAME` (its `decodedby` value) and
`decode(message) -> Report | None`, returning None quickly for mail it does not recognise.
They are tried in the order of `DECODERS` below, before the generic RFC 3464 decoder: a decoder
that recognises its MTA by a header comes before those that recognise theirs by wording only.

A decoder that recognises its reports by wording declares it as `SIGNS`: lowercase ASCII words
(literal parts of its patterns), one of which every message it recognises contains. `find_report`
offers such a decoder only a message whose `Message.folded` text (the names of its header
fields, the decoded subject, the body and the first text/plain part, case-folded, each run of
whitespace one blank, so that a sign wrapped onto two lines is found) mentions a sign, so most messages skip most decoders after a substring test or two instead of a few regular
expression searches. A sign must be a word the decoder's own test needs, never a hint; a header
is a sign by its name ("x-failed-recipients"), as header values other than the subject are not
in that text.
A decoder recognised by a header field of its own declares instead `HEADERS`: the lowercase names
of the fields one of which it requires (as `email.message.Message.get` finds them, whatever their
case); `find_report` offers it only a message that has one, a set look-up instead of a search of
the whole text.
tests/decode/test_signs.py offers every decoder every fixture and corpus message to prove both.
"""

from __future__ import annotations

from types import ModuleType

from bouncetui.decode.mta import (
    activehunter,
    amavis,
    amazonses,
    amazonworkmail,
    apachejames,
    barracuda,
    biglobe,
    courier,
    domino,
    dovecot,
    dragonfly,
    einsundeins,
    exchange2003,
    exchange2007,
    exim,
    ezweb,
    fml,
    gmail,
    gmx,
    googlegroups,
    googleworkspace,
    hmailserver,
    imailserver,
    intermail,
    kddi,
    mailfoundry,
    mailmarshal,
    mailru,
    mcafee,
    mdaemon,
    messagelabs,
    messagingserver,
    mfilter,
    mimecast,
    mxlogic,
    notes,
    office365,
    opensmtpd,
    outlook,
    postfix,
    powermta,
    qmail,
    receivingses,
    sendgrid,
    sendmail,
    surfcontrol,
    trendmicro,
    v5sendmail,
    verizon,
    x1,
    x2,
    x3,
    x4,
    x5,
    x6,
    yahoo,
    yandex,
    zoho,
)

DECODERS: tuple[ModuleType, ...] = (
    # Hosted providers and carriers, recognised by their sender and their notices' own wording;
    # first, because several run common MTA software (Exim at Mail.ru, GMX and 1&1) underneath.
    yahoo,
    amazonworkmail,
    receivingses,
    amazonses,
    sendgrid,
    office365,
    outlook,
    googlegroups,
    googleworkspace,
    gmail,
    mailru,
    gmx,
    einsundeins,
    ezweb,
    intermail,
    kddi,
    biglobe,
    verizon,
    zoho,
    # Mail servers and gateways recognised by their own headers (X-Mailer, X-MS-Exchange-*,
    # X-AHMAILID, X-Yandex-*, X-MX-Bounce, X-NAI-Header, ...) or subject; before the banner-based
    # ones, as several wrap another MTA's text (Yandex: Postfix, MX Logic: Exim, ActiveHunter: Sendmail).
    exchange2007,
    exchange2003,
    imailserver,
    activehunter,
    fml,
    mimecast,
    yandex,
    mxlogic,
    surfcontrol,
    mcafee,
    powermta,
    amavis,
    trendmicro,
    barracuda,
    mailmarshal,
    # Mail server software recognised by the banner or wording of its own notification text.
    postfix,
    sendmail,
    exim,
    apachejames,
    qmail,
    dragonfly,
    opensmtpd,
    courier,
    v5sendmail,
    domino,
    notes,
    messagingserver,
    mfilter,
    mailfoundry,
    messagelabs,
    hmailserver,
    mdaemon,
    # Dovecot's and Sieve's rejections are disposition notifications, not delivery reports: it
    # claims only those whose disposition is "deleted" with Dovecot's "automatically rejected".
    dovecot,
    # Unnamed MTAs and gateways, recognised by wording only (Sisimai's X1 to X6).
    x5,
    x1,
    x2,
    x3,
    x4,
    x6,
)
