"""The SMTP stage weighs on a provider rule as on any wording: a spam verdict needs the message,
which a server reads only after DATA, so before it the verdict judges the client or the sender."""

from __future__ import annotations

import pytest

from bouncetui.classify import Evidence, classify

ZOHO_SPAM = "554 5.7.1 Email cannot be delivered. Reason: Email flagged as Spam."


def reason(**kw) -> str:
    kw.setdefault("action", "failed")
    return classify(Evidence(**kw))[0]


def test_zoho_spam_verdict_after_data_is_spam():
    assert reason(diagnostic=ZOHO_SPAM, command="DATA", status="5.7.1", rhost="mx.zoho.com",
                  destination="zohomail.com") == "spamdetected"


def test_zoho_spam_verdict_without_a_stage_is_spam():
    assert reason(diagnostic=ZOHO_SPAM, status="5.7.1", rhost="mx.zoho.com", destination="zohomail.com") \
        == "spamdetected"


def test_zoho_spam_verdict_at_rcpt_rejects_the_sender():
    assert reason(diagnostic=ZOHO_SPAM, command="RCPT", status="5.7.1", rhost="mx.zoho.com",
                  destination="zohomail.com") == "rejected"


@pytest.mark.parametrize(("command", "expected"), [
    ("CONN", "blocked"), ("EHLO", "blocked"), ("HELO", "blocked"), ("MAIL", "rejected"), ("RCPT", "rejected"),
])
def test_spam_verdict_before_data_judges_the_client_or_sender(command: str, expected: str):
    assert reason(diagnostic=ZOHO_SPAM, command=command, rhost="mx.zoho.com") == expected


def test_the_stage_meaning_is_the_same_without_a_provider():
    assert reason(diagnostic="550 5.7.1 Message rejected as spam", command="RCPT", status="5.7.1",
                  rhost="mx.example.org") == "rejected"
    assert reason(diagnostic="550 5.7.1 Message rejected as spam", command="DATA", status="5.7.1",
                  rhost="mx.example.org") == "spamdetected"


def test_why_names_the_provider_and_the_stage():
    _reason, why = classify(Evidence(action="failed", diagnostic=ZOHO_SPAM, command="RCPT", status="5.7.1",
                                     rhost="mx.zoho.com"))
    assert "Zoho" in why and "RCPT" in why
