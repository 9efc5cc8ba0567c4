"""A notice whose text was wrapped at another width (another version of the mailer, a gateway)
decodes as the same notice: banners and sentences are matched with each blank standing for any run
of whitespace, line breaks included, and a message no MTA's decoder recognised is offered again to
those whose SIGNS it mentions across a line break.

The hand-written notices below are written as the mailers write them and then wrapped at 40
columns; the fixtures named here are wrapped at 60 by the transformation the metamorphic tests use.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bouncetui import decode
from bouncetui.decode.message import normalize_newlines
from bouncetui.decode.mta.common import wrapped
from tests.decode.test_mta_appliances import TRENDMICRO, TRENDMICRO_UNABLE
from tests.decode.test_mta_office365 import TEXT_ONLY as OFFICE365
from tests.decode.test_mta_outlook import DSN as OUTLOOK
from tests.generalization.survey import differences, records
from tests.generalization.transforms import rewrap_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def wrap(text: bytes, width: int = 40) -> bytes:
    """Each line longer than `width` broken at its last blank before it, as a mailer wraps."""
    out = []
    for line in text.split(b"\n"):
        while len(line) > width and b" " in line[1:width]:
            cut = line.rfind(b" ", 1, width)
            out.append(line[:cut])
            line = line[cut + 1:]
        out.append(line)
    return b"\n".join(out)


def test_a_blank_of_a_wrapped_pattern_matches_a_line_break_and_its_indentation():
    pattern = wrapped(r"^This is an automatically generated Delivery Status Notification\.")
    assert pattern.search("This is an automatically generated\n   Delivery Status Notification.")
    assert pattern.search("This is an  automatically generated Delivery Status Notification.")


def test_a_blank_of_a_wrapped_pattern_is_never_empty():
    assert not wrapped(r"delivery status notification").search("delivery statusnotification")


def test_a_blank_inside_a_character_class_stays_a_blank():
    pattern = wrapped(r"from [^ ]+ host")
    assert pattern.search("from relay.example\nhost")
    assert not pattern.search("from relay example host")


def test_a_wrapped_outlook_notice_is_still_outlooks_with_its_whole_sentence():
    head, _, rest = OUTLOOK.partition(b"charset=unicode-1-1-utf-7\n")
    text, _, rest = rest.partition(b"--H\n")
    (record,) = decode(head + b"charset=unicode-1-1-utf-7\n" + wrap(text) + b"--H\n" + rest, "outlook.eml")
    assert record.decodedby == "Outlook"
    assert record.diagnosticcode == ("Unable to deliver message to the following recipients, due to being "
                                     "unable to connect successfully to the destination mail server.")


@pytest.mark.parametrize("notice", [TRENDMICRO, TRENDMICRO_UNABLE])
def test_interscans_wrapped_reply_and_sentence_are_read_whole(notice):
    head, _, text = notice.partition(b"\n\n")
    (before,) = decode(notice, "interscan.eml")
    (after,) = decode(head + b"\n\n" + wrap(text), "interscan.eml")
    assert wrap(text) != text
    assert (after.decodedby, after.recipient, after.diagnosticcode) == (
        "TrendMicro", before.recipient, before.diagnosticcode)


def test_office365s_quoted_reply_wrapped_onto_the_next_line_is_read_whole():
    line = b"Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'"
    assert line in OFFICE365
    (before,) = decode(OFFICE365, "office365.eml")
    (after,) = decode(OFFICE365.replace(line, wrap(line, 60)), "office365.eml")
    assert after.decodedby == "Office365"
    assert after.diagnosticcode == before.diagnosticcode == (
        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")


@pytest.mark.parametrize("name", [
    "unseen/legacyservers/courier-dns-violates-rfc1035.eml",
    "unseen/legacyservers/courier-no-such-domain.eml",
    "unseen/servers/courier-rcpt.eml",
    "unseen/legacyservers/messagingserver-illegal-host.eml",
    "unseen/opensmtpd/opensmtpd.eml",
    "unseen/servers/dovecot-lda-quota-reject.eml",
    "unseen/servers/sieve-reject.eml",
    "unseen/exim/delay-warning.eml",
    "unseen/servers/haraka-bounce.eml",
])
def test_a_fixture_wrapped_at_60_columns_gives_the_same_records(name):
    data = normalize_newlines((FIXTURES / name).read_bytes())
    out = rewrap_text(data)
    assert out is not None and out != data
    before = records(data)
    assert before, "the fixture is a report"
    assert differences(before, records(out)) == []
