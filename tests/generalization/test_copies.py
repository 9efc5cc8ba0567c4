"""What people, lists and mail stores do to a copy of a bounce does not change what it says: a
list's footer appended to the notice's text is not part of any diagnostic."""

from __future__ import annotations

from pathlib import Path

from bouncetui import decode
from bouncetui.decode.message import without_footer

FIXTURES = Path(__file__).parent / "fixtures" / "copies"

MAILMAN = ("\n_______________________________________________\nops mailing list -- ops@lists.example.org\n"
           "To unsubscribe send an email to ops-leave@lists.example.org\n")


def test_a_list_footer_is_not_part_of_the_diagnostic():
    (record,) = decode((FIXTURES / "exim-list-footer.eml").read_bytes(), "footer")
    assert record.diagnosticcode == "autoreply: cannot open /home/nina/.vacation.msg: Permission denied"
    assert (record.recipient, record.reason) == ("nina@example.com", "mailererror")


def test_footers_and_signatures_at_the_end_are_cut():
    notice = "Delivery failed for a@example.org:\n550 5.1.1 User unknown\n"
    assert without_footer(notice + MAILMAN) == notice
    assert without_footer(notice + "-- \nThe postmaster of example.org\nhttps://example.org/help\n") == notice
    assert without_footer(notice + "--\nGoogle Groups footer line\n") == notice


def test_text_that_only_looks_like_a_footer_stays():
    notice = "Delivery failed for a@example.org:\n550 5.1.1 User unknown\n"
    assert without_footer(notice) == notice
    # a separator with more than a footer's few lines after it is the text itself
    long_tail = notice + "--\n" + "".join("line %d\n" % n for n in range(12))
    assert without_footer(long_tail) == long_tail
    # a rule of dashes or underscores inside the text, not at its end
    ruled = "Header\n______________________________\n" + "".join("row %d\n" % n for n in range(12))
    assert without_footer(ruled) == ruled
