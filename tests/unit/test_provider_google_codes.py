"""Gmail's codes that mean what Gmail says, not what RFC 3463's registry says: 4.7.29 and 5.7.29 are
its TLS requirement (the registry's 5.7.29 is an ARC failure), whatever sentence comes with them."""

from __future__ import annotations

import pytest

from bouncetui.classify import Evidence, classify

GMAIL = "gmail-smtp-in.l.google.com"


def reason(status: str, diagnostic: str, rhost: str) -> str:
    return classify(Evidence(action="failed", status=status, replycode=diagnostic[:3], diagnostic=diagnostic,
                             rhost=rhost))[0]


@pytest.mark.parametrize(("status", "text"), [
    ("5.7.29", "550-5.7.29 Your email has been blocked because the sender is not using a TLS connection. - gsmtp"),
    ("4.7.29", "421-4.7.29 Your email has been rate limited because this message wasn't sent over a TLS "
               "connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections. - gsmtp"),
])
def test_gmails_x_7_29_is_its_tls_requirement(status: str, text: str) -> None:
    assert reason(status, text, GMAIL) == "failedstarttls"


def test_another_servers_5_7_29_keeps_the_registrys_meaning() -> None:
    assert reason("5.7.29", "550 5.7.29 ARC validation failure", "mx.example.org") == "authfailure"
