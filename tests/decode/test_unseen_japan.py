"""Unseen formats, Japanese ISPs and carriers: a Postfix with a Japanese (ISO-2022-JP) template reporting
docomo, au and SoftBank refusals, Sendmail and Exim reporting the carriers' receive filters after
DATA, and plain-text notices in ISO-2022-JP (one bilingual), Shift_JIS, EUC-JP with full-width
punctuation and unlabelled EUC-JP.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('japan/exim-to-au-filter.eml', [
        ('haruto@au.com', '5.0.0', '550', 'DATA', 'filtered', False),
        ('sora@softbank.ne.jp', '5.0.0', '550', 'RCPT', 'userunknown', True),
    ]),
    ('japan/notice-bilingual-iso2022jp.eml', [
        ('takeshi@example.ne.jp', '5.2.2', '552', '', 'mailboxfull', False),
        ('naoko@example.or.jp', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('japan/notice-eucjp-fullwidth-punctuation.eml', [
        ('ryo@example.jp', '5.1.1', '550', '', 'userunknown', True),
        ('mika@example.jp', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('japan/notice-eucjp-unlabelled-host-unknown.eml', [
        ('satoshi@no-such-domain.example.jp', '', '', '', 'hostunknown', True),
    ]),
    ('japan/notice-iso2022jp-user-not-found.eml', [
        ('kenji@example.co.jp', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('japan/notice-shiftjis-mailbox-full.eml', [
        ('megumi@example.or.jp', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('japan/postfix-ja-template-carriers.eml', [
        ('hanako@docomo.ne.jp', '5.0.0', '550', 'DATA', 'filtered', False),
        ('taro@au.com', '5.0.0', '550', 'RCPT', 'userunknown', True),
        ('jiro@i.softbank.jp', '5.0.0', '550', 'RCPT', 'userunknown', True),
    ]),
    ('japan/sendmail-to-docomo-filter.eml', [
        ('yuki@docomo.ne.jp', '5.2.0', '550', 'DATA', 'filtered', False),
        ('kaito@ezweb.ne.jp', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
