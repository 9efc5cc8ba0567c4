"""A report that the recipient's domain has neither an MX nor an address record: there is no host
to deliver to, whoever words it."""

from __future__ import annotations

from bouncetui.classify import Evidence, classify


def reason(diagnostic: str, **kw) -> str:
    return classify(Evidence(action="failed", diagnostic=diagnostic, **kw))[0]


def test_no_mx_or_a_records_is_an_unknown_host():
    assert reason("No MX or A records for no-mx-example.net") == "hostunknown"


def test_no_mx_or_a_records_with_a_temporary_status_is_a_dns_failure():
    assert reason("451 4.4.3 No MX or A records for example.net", status="4.4.3", replycode="451") == "networkerror"
