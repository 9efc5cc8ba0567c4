"""Unseen formats, ESP notifications: Amazon SES's bounce notification as an SNS e-mail subscription delivers it
(JSON in the body).
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('esp/ses-sns-permanent-general.eml', [
        ('carla@example.net', '5.1.1', '550', '', 'userunknown', True),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
