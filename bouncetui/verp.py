"""Return-path decoding: the failed recipient hidden in a VERP address, and the sender inside SRS
and BATV wrappers. Pure functions over address strings; nothing here reads mail.

VERP shapes (`decode_verp`), for the recipient user@example.com:

- Postfix, default delimiters `+=`:  `list+user=example.com@origin.example`
- Mailman (2 and 3):                  `list-bounces+user=example.com@lists.example`
- ezmlm:                              `list-return-42-user=example.com@lists.example`
- qmail (`prefix-@host-@[]`):         `prefix-user=example.com@host.example`

Wrappers (`unwrap`), around an address addr@domain:

- SRS0: `SRS0=HHH=TT=domain=addr@forwarder` (the first separator may also be `+` or `-`)
- SRS1: `SRS1=HHH=forwarder0==HHH=TT=domain=addr@forwarder1` (a forwarder's SRS0, re-wrapped)
- BATV: `prvs=TAG=addr@domain` (also the older `prvs=addr=TAG@domain`), and `btv1==TAG==addr@domain`

`failed_recipient(candidates)` applies both to the addresses a bounce was delivered to
(Delivered-To, X-Original-To, To) and returns the first recipient found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9-]{2,63}$|^\[[0-9.:A-Fa-f]+\]$")
_SRS0 = re.compile(r"^SRS0[=+-]([^=]*)=([^=]*)=([^=]+)=(.+)$", re.IGNORECASE)
_SRS1 = re.compile(r"^SRS1[=+-]([^=]*)=([^=]+)=[=+-](.+)$", re.IGNORECASE)
# The BATV tag: key digit, 3-digit day, 6 hex digits of hash; some signers use other hex lengths.
_BATV_TAG = re.compile(r"^[0-9]{4}[0-9a-fA-F]{6}$")
_LOOSE_TAG = re.compile(r"^[0-9a-fA-F]{6,}$")
_PRVS = re.compile(r"^prvs=([^=]+)=(.+)$", re.IGNORECASE)
_BTV1 = re.compile(r"^btv1==([^=]+)==(.+)$", re.IGNORECASE)
_EZMLM = re.compile(r"^(.+?)-return-\d+-(.+)=([^=]+)$", re.IGNORECASE)
_MAILMAN = re.compile(r"^(.+?)-bounces\+(.+)=([^=]+)$", re.IGNORECASE)


def _split(address: str) -> tuple[str, str]:
    address = address.strip().strip("<>").strip()
    local, at, domain = address.rpartition("@")
    return (local, domain) if at else ("", address)


def is_domain(text: str) -> bool:
    return bool(_DOMAIN.match(text))


def _join(local: str, domain: str) -> str:
    return "%s@%s" % (local, domain) if local and is_domain(domain) else ""


def unwrap_srs(address: str) -> str:
    """The original sender inside an SRS0/SRS1 address; `address` itself when it is none."""
    local, domain = _split(address)
    m = _SRS1.match(local)
    if m:  # SRS1=HHH=forwarder0==HHH=TT=domain=addr -> the SRS0 part at forwarder0
        return unwrap_srs("SRS0=%s@%s" % (m.group(3), m.group(2)))
    m = _SRS0.match(local)
    if m:
        return _join(m.group(4), m.group(3)) or address
    return address


def unwrap_batv(address: str) -> str:
    """The address inside a BATV wrapper (prvs=TAG=addr@domain, btv1==TAG==addr@domain)."""
    local, domain = _split(address)
    m = _BTV1.match(local)
    if m:
        return _join(m.group(2), domain) or address
    m = _PRVS.match(local)
    if m:
        first, second = m.group(1), m.group(2)
        for tag in (_BATV_TAG, _LOOSE_TAG):
            if tag.match(first):
                return _join(second, domain) or address
            if tag.match(second):  # the older prvs=addr=TAG
                return _join(first, domain) or address
        return _join(second, domain) or address
    return address


def unwrap(address: str) -> str:
    """Unwrap SRS and BATV, repeatedly (a forwarder may SRS-wrap a BATV-tagged sender)."""
    for _ in range(4):
        inner = unwrap_batv(unwrap_srs(address))
        if inner == address:
            break
        address = inner
    return address


def decode_verp(address: str, prefix: str = "") -> str:
    """The recipient a VERP return path encodes, or "" when `address` is no VERP address.

    `prefix` (the local part before the delimiter, e.g. "bounce" for qmail's `bounce-@host-@[]`)
    settles where a qmail-style prefix ends; without it the first "-" is taken."""
    local, _ = _split(unwrap(address))
    if not local or "=" not in local:
        return ""
    if prefix and local.lower().startswith(prefix.lower()) and local[len(prefix):len(prefix) + 1] in "+-":
        user, _, domain = local[len(prefix) + 1:].rpartition("=")
        return _join(user, domain)
    for pattern in (_EZMLM, _MAILMAN):
        m = pattern.match(local)
        if m:
            return _join(m.group(2), m.group(3))
    for delimiter in "+-":  # Postfix list+user=domain, then qmail prefix-user=domain
        head, sep, rest = local.partition(delimiter)
        if sep and head and "=" in rest:
            user, _, domain = rest.rpartition("=")
            found = _join(user, domain)
            if found:
                return found
    return ""


def failed_recipient(candidates: Iterable[str], prefix: str = "") -> str:
    """The first recipient decoded from a bounce's own recipients (Delivered-To, X-Original-To,
    To, in that order of trust), or ""."""
    for candidate in candidates:
        for part in (candidate or "").split(","):
            found = decode_verp(part.strip(), prefix)
            if found:
                return found
    return ""
