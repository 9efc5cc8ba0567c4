"""Provider rules read a multi-line reply as one text: a provider's documented sentence wrapped over
continuation lines ("550-5.7.1 ...", then "550 5.7.1 ...") is still its sentence."""

from __future__ import annotations

from bouncetui.classify import Evidence, classify


def decide(diagnostic: str, **kw) -> tuple[str, str]:
    kw.setdefault("action", "failed")
    return classify(Evidence(diagnostic=diagnostic, **kw))


def test_yahoo_complaints_sentence_wrapped_over_two_lines_is_bad_reputation():
    reason, why = decide(
        "421-4.7.0 Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user\n"
        "421 4.7.0 complaints; see https://postmaster.yahooinc.com/error-codes",
        status="4.7.0", rhost="mta7.am0.yahoodns.net", destination="yahoo.com")
    assert reason == "badreputation"
    assert "provider Yahoo" in why and "'unexpected volume or user complaints'" in why


def test_microsoft_block_list_wrapped_between_its_two_words_is_blocked():
    reason, why = decide(
        "550-5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet\n"
        "550-5.7.1 service provider since part of their network is on our block\n"
        "550 5.7.1 list.",
        status="5.7.1", rhost="mx1.example.mail.protection.outlook.com", destination="outlook.com")
    assert (reason, "provider Microsoft" in why) == ("blocked", True)


def test_a_rule_naming_a_reply_code_still_reads_the_codes_as_written():
    # Mimecast's "501 Invalid address" at the start of the reply: the code is the rule's own words
    reason, _why = decide("501 Invalid address", rhost="eu-smtp-inbound-1.mimecast.com",
                          destination="example.com")
    assert reason == "userunknown"


def test_a_sentence_on_one_line_is_quoted_as_written():
    _reason, why = decide("550 5.7.1 Your organization does not allow external forwarding.",
                          status="5.7.1", rhost="mx.protection.outlook.com", destination="outlook.com")
    assert "'does not allow external forwarding'" in why
