"""Exchange's encapsulated addresses in a report's Final-Recipient are not the recipient's address."""

from __future__ import annotations

import pytest

from bouncetui.decode.rfc3464 import unencapsulated


@pytest.mark.parametrize(
    ("address", "original", "expected"),
    [
        ("IMCEASMTP-jo+2Esmith+40example+2Ecom@EURPRD01.PROD.OUTLOOK.COM", "", "jo.smith@example.com"),
        ("IMCEAEX-_o=ExchangeLabs_ou=Exchange+20Administrative+20Group_cn=Recipients_cn=abc-zoe@NAMPRD01.PROD.OUTLOOK.COM",
         "zoe@example.com", "zoe@example.com"),
        ("zoe@example.com", "alias@example.com", "zoe@example.com"),
        ("imceaexample@example.com", "", "imceaexample@example.com"),  # a local part that merely starts so
    ],
)
def test_unencapsulated(address: str, original: str, expected: str) -> None:
    assert unencapsulated(address, original) == expected
