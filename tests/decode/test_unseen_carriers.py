"""Unseen formats, Japanese carriers and European providers' own notices: au EZweb's over-quota,
disabled-account and not-delivered-within notices, KDDI au one net's relay error and missing domain,
Biglobe's user unknown and its message-count limit at a cable ISP on its system (tmtv.ne.jp), GMX's
retry timeout and 1&1's size limit.

Biglobe's "Mail Delivery Failed... User unknown", with no stage or status, reads as the receive
filter, as the carriers' filters answer with these very words.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('carriers/biglobe-tmtv-message-limit.eml', [
        ('hanako@tmtv.ne.jp', '', '', '', 'mailboxfull', False),
    ]),
    ('carriers/biglobe-user-unknown.eml', [
        ('nobody@mxr.biglobe.ne.jp', '', '', '', 'filtered', False),
    ]),
    ('carriers/einsundeins-size-limit.eml', [
        ('big@example.org', '', '', '', 'emailtoolarge', False),
    ]),
    ('carriers/ezweb-account-disabled.eml', [
        ('unpaid@ezweb.ne.jp', '', '', '', 'suspend', False),
    ]),
    ('carriers/ezweb-not-delivered-within.eml', [
        ('late@ezweb.ne.jp', '', '', '', 'expired', False),
    ]),
    ('carriers/ezweb-over-quota.eml', [
        ('full-box@ezweb.ne.jp', '', '', '', 'mailboxfull', False),
    ]),
    ('carriers/gmx-retry-timeout.eml', [
        ('slow@example.jp', '', '', '', 'expired', False),
    ]),
    ('carriers/kddi-domain-doesnt-exist.eml', [
        ('neko@nxdomain.example', '', '', '', 'hostunknown', True),
    ]),
    ('carriers/kddi-relay-error.eml', [
        ('kijitora@example.org', '5.7.1', '550', '', 'norelaying', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
