"""The explorer's search without the screen: fuzzy ranking and the filter bar's query."""

from __future__ import annotations

from bouncetui.tui import filtering, fuzzy
from tests.functional.tui_support import fixed_records

ADDRESSES = [
    "takana@docomo.ne.jp", "user@example.com", "tanaka.t@docomo.ne.jp", "kobayashi@docomo.ne.jp",
    "tanaka@example.jp", "nakata@ezweb.ne.jp",
]


def ranked(query: str) -> list[str]:
    return [ADDRESSES[i] for i in fuzzy.search(query, ADDRESSES)]


def test_a_typo_still_finds_the_address_and_ranks_it_first():
    assert ranked("tanak@docomo")[0] == "tanaka.t@docomo.ne.jp"
    assert ranked("tanka@docomo")[0] == "tanaka.t@docomo.ne.jp"  # a letter left out
    assert ranked("tanaak.t@docomo")[0] == "tanaka.t@docomo.ne.jp"  # two letters swapped


def test_unrelated_addresses_are_not_matched():
    found = ranked("tanak@docomo")
    assert "user@example.com" not in found and "nakata@ezweb.ne.jp" not in found


def test_exact_substrings_come_first_and_prefixes_before_them():
    found = ranked("docomo")
    assert set(found) == {a for a in ADDRESSES if "docomo" in a}
    assert ranked("tanaka")[:2] == ["tanaka@example.jp", "tanaka.t@docomo.ne.jp"]


def test_search_is_case_insensitive_and_keeps_every_row_of_an_address():
    keys = ["Tanaka.T@docomo.ne.jp", "other@example.com", "tanaka.t@docomo.ne.jp"]
    assert sorted(fuzzy.search("TANAKA.T", keys)) == [0, 2]


def test_index_search_restricted_to_allowed_rows():
    index = fuzzy.RecipientIndex()
    index.extend(ADDRESSES, 0)
    assert index.search("docomo", allowed=[2, 4]) == [2]


def test_query_splits_field_terms_from_fuzzy_text():
    query = filtering.parse("reason:filtered -hard tanak@docomo")
    assert query.fuzzy == "tanak@docomo"
    records = fixed_records()
    chosen = query.select(range(len(records)), records, {}, set())
    assert [records[i].recipient for i in chosen] == ["tanaka.t@docomo.ne.jp"]


def test_marked_and_negated_marked():
    records = fixed_records()
    marked = filtering.parse("marked").select(range(len(records)), records, {}, {1, 3})
    unmarked = filtering.parse("-marked").select(range(len(records)), records, {}, {1, 3})
    assert marked == [1, 3]
    assert len(unmarked) == len(records) - 2 and 1 not in unmarked


def test_an_unknown_field_is_an_error_not_a_filter():
    query = filtering.parse("colour:red")
    assert query.error and "colour" in query.error


def test_typing_letter_by_letter_finds_what_the_whole_query_finds():
    index = fuzzy.RecipientIndex()
    index.extend(ADDRESSES, 0)
    typed = ""
    for letter in "tanaka.t@docomo":
        typed += letter
        assert index.search(typed) == fuzzy.search(typed, ADDRESSES), typed
    index.extend(["tanaka.t@docomo.ne.jp.example", "xtanaka.t@docomo.ne.jp"], len(ADDRESSES))  # names arrive
    assert index.search(typed) == fuzzy.search(typed, [*ADDRESSES, "tanaka.t@docomo.ne.jp.example",
                                                       "xtanaka.t@docomo.ne.jp"])
    assert index.search("tanaka") == fuzzy.search("tanaka", [*ADDRESSES, "tanaka.t@docomo.ne.jp.example",
                                                              "xtanaka.t@docomo.ne.jp"])


def test_a_typo_with_its_domain_among_a_few_allowed_rows():
    index = fuzzy.RecipientIndex()
    index.extend(ADDRESSES * 3, 0)  # enough rows that a few allowed ones are indexed on their own
    found = index.search("tanak@docomo", allowed=[0, 2, 4, 5])
    assert found and found[0] == 2 and set(found) <= {0, 2, 4, 5}
    assert 4 not in found  # tanaka@example.jp: not the typed domain
