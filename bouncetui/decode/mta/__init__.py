"""Decoders for reporting MTAs and providers whose reports are not (only) RFC 3464.

One module per MTA or provider family. Each has `NAME` (its `decodedby` value) and
`decode(message) -> Report | None`, returning None quickly for mail it does not recognise.
They are tried in the order of `DECODERS` below, before the generic RFC 3464 decoder: a decoder
that recognises its MTA by a header comes before those that recognise theirs by wording only.
"""

from __future__ import annotations

from types import ModuleType

from bouncetui.decode.mta import (
    activehunter,
    amazonses,
    amazonworkmail,
    biglobe,
    courier,
    domino,
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
    imailserver,
    kddi,
    mailru,
    messagingserver,
    mfilter,
    mimecast,
    notes,
    office365,
    opensmtpd,
    outlook,
    postfix,
    qmail,
    receivingses,
    sendgrid,
    sendmail,
    v5sendmail,
    verizon,
    x1,
    x2,
    x3,
    x4,
    x5,
    x6,
    yahoo,
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
    kddi,
    biglobe,
    verizon,
    zoho,
    # Mail server software recognised by its headers (X-Mailer, X-MS-Exchange-*) and structure.
    exchange2007,
    exchange2003,
    imailserver,
    activehunter,
    fml,
    mimecast,
    # Mail server software recognised by the banner or wording of its own notification text.
    postfix,
    sendmail,
    exim,
    qmail,
    dragonfly,
    opensmtpd,
    courier,
    v5sendmail,
    domino,
    notes,
    messagingserver,
    mfilter,
    # Unnamed MTAs and gateways, recognised by wording only (Sisimai's X1 to X6).
    x5,
    x1,
    x2,
    x3,
    x4,
    x6,
)
