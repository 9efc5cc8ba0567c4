"""Field helpers shared by the decoders."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.decode.fields import (
    _REPLY,
    clean_address,
    find_all_status,
    find_command,
    find_replycode,
    find_status,
    host_of,
)


@pytest.mark.parametrize("text, address", [
    ("rfc822; user@example.com", "user@example.com"),
    ("RFC822;<User@Example.COM>", "User@Example.COM"),
    ('"Taro Yamada" <taro@example.jp>', "taro@example.jp"),
    ("taro@example.jp (Taro)", "taro@example.jp"),
    ("utf-8; 山田@例え.jp", "山田@例え.jp"),
    ("<mailto:someone@example.org>", "someone@example.org"),
    ('rfc822; "john..doe"@example.org', '"john..doe"@example.org'),
    ("no address here", ""),
    ("", ""),
])
def test_clean_address(text, address):
    assert clean_address(text) == address


@pytest.mark.parametrize("text, status", [
    ("550 5.1.1 <a@b>: user unknown", "5.1.1"),
    ("host 192.0.2.1 said: 550 5.7.26 unauthenticated", "5.7.26"),
    ("connect to 192.0.2.1:25: refused", ""),
    ("#5.1.10 RESOLVER.ADR.RecipientNotFound", "5.1.10"),
])
def test_find_status(text, status):
    assert find_status(text) == status


@pytest.mark.parametrize("text, code", [
    ("550 5.1.1 user unknown", "550"),
    ("said: 421-4.7.0 [TSS04] try later", "421"),
    ("host [2606:2800:220:1:248:1893:25c8:1946] said: 550 5.1.1 x", "550"),
    ("5.1.1 user unknown", ""),
    ("relay 192.0.2.250 timed out", ""),
])
def test_find_replycode(text, code):
    assert find_replycode(text) == code


@pytest.mark.parametrize("text, command", [
    ("550 user unknown (in reply to RCPT TO command)", "RCPT"),
    ("552 too big (in reply to end of DATA command)", "DATA"),
    ("SMTP error from remote mail server after MAIL FROM:<a@b> SIZE=1:", "MAIL"),
    (">>> DATA <<< 550 Unknown user", "DATA"),
    ("host not found", ""),
    # the stage named first wins, whichever wording names it
    ("MAIL FROM: accepted, then 550 in reply to RCPT TO command", "MAIL"),
    ("metadata lost; 451 after pipelined RCPT TO, then DATA:", "RCPT"),
    ("Remote server said, after initial connection: 421 busy", "CONN"),
    ("550 répertoire inconnu (in reply to rcpt to command)", "RCPT"),
    ("helo command rejected: need fully-qualified hostname", "HELO"),
    ("550 unknown user in our metadata: x", ""),
])
def test_find_command(text, command):
    assert find_command(text) == command


def test_host_of():
    assert host_of("dns; MX.Example.COM.") == "mx.example.com"
    assert host_of("mx.example.net [192.0.2.1]") == "mx.example.net"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("別のアドレス(taro.yamada@example.net)があればお知らせください。", "taro.yamada@example.net"),
        ("宛先：kenji@example.co.jp", "kenji@example.co.jp"),
        ("宛先:kenji@example.co.jp", "kenji@example.co.jp"),
        ("「kenji@example.co.jp」", "kenji@example.co.jp"),
        ("<kenji@example.co.jp>、", "kenji@example.co.jp"),
        ("用户@例子.广告", "用户@例子.广告"),  # SMTPUTF8 letters stay
        # words written straight after the address end it; an internationalised domain stays whole
        ("kenji@example.co.jpは存在しません", "kenji@example.co.jp"),
        ("kenji@example.co.jp宛のメールは", "kenji@example.co.jp"),
        ("a@日本語.jp", "a@日本語.jp"),
    ],
)
def test_cjk_punctuation_is_never_part_of_an_address(text, address):
    assert clean_address(text) == address


def test_a_reply_code_in_full_width_parentheses_is_found():
    assert find_replycode("ユーザーが見つかりません（550 5.1.1 <a@example.jp>... User unknown）") == "550"


# The status and reply-code patterns as first written, with the boundary in front: the patterns in
# use test it behind their first digit and must find the same codes at the same places.
_STATUS_WRITTEN = re.compile(r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)")
_REPLY_WRITTEN = re.compile(r"(?:^|[\s(\[:;<>\"'#（：「])([245][0-5][0-9])(?=[\s\-:;,.)\]）」]|$)")
CODE_PIECES = st.sampled_from(["550", "451", "5.1.1", "4.7.0", "5", ".", "-", " ", "'", "#", "x", "：", "(",
                               "0", "25", "5.2", "\n", "1234", "2", "）", "「", "55", ":"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(CODE_PIECES, max_size=14).map("".join))
def test_codes_are_found_where_the_written_patterns_find_them(text: str) -> None:
    assert find_all_status(text) == ["%s.%s.%s" % m.groups() for m in _STATUS_WRITTEN.finditer(text)]
    assert [(m.group(1), m.start(1)) for m in _REPLY.finditer(text)] == [
        (m.group(1), m.start(1)) for m in _REPLY_WRITTEN.finditer(text)]


_ADDRESS_PIECES = ["a", "B", "0", "_", "+", "=", "-", ".", "..", "@", "@example.jp", "x.org", " ", ";", "rfc822;", "<",
                   ">", '"', "'", "(", ")", ",", ":", "mailto:", "é", "用户", "\t", "[", "]"]


_PLAIN_PIECES = ["a", "B", "0", "_", "+", "=", "-", ".", "@", "@example.jp", "Neko <", " <", ">", " "]
_EDGES = ["a@b.", ".a@b", "a@b-", "-a@b", "a@", "@b", "a@b@c", "a..b@c", "a@.b", "a@b..", "rfc822; a@b.", " a@b ",
          "<a@b.>", "a@b", "=?@x", "a+b=c@d_e", "Neko <a@b.c>", "Neko <a@b.c> x", "Neko <a@b>", "Neko <a@.b.c>",
          "Neko <a@b.c.>", "N@k <a@b.c>", '"N" <a@b.c>', '"a"@b.c <d@e.f>', "Neko<a@b.c", "Neko <.a@b.c>",
          "Neko < a@b.c>", "Neko <a@b.c >", "用户 <a@b.c>", "rfc822; Neko <a@b.c>"]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_PLAIN_PIECES), max_size=8), st.lists(st.sampled_from(_ADDRESS_PIECES),
                                                                                max_size=10)))
def test_a_plain_address_is_given_back_as_every_step_would_give_it(pieces: list[str]) -> None:
    """clean_address gives a text that is a plain address (fields._PLAIN_ADDRESS) back at once:
    what its steps give for it, for any text (compared with the steps alone)."""
    import bouncetui.decode.fields  # noqa: F401  (the package's name is the decode function)

    fields = sys.modules["bouncetui.decode.fields"]
    for text in ["".join(pieces)] + _EDGES:
        _same_without_shortcut(fields, text)


def _same_without_shortcut(fields: object, text: str) -> None:
    shortcut = clean_address(text)
    plain, named = fields._PLAIN_ADDRESS, fields._NAMED_ADDRESS  # type: ignore[attr-defined]
    try:
        # patterns that never match: every step taken
        fields._PLAIN_ADDRESS = fields._NAMED_ADDRESS = re.compile(r"(?!)")  # type: ignore[attr-defined]
        assert shortcut == clean_address(text), text
    finally:
        fields._PLAIN_ADDRESS, fields._NAMED_ADDRESS = plain, named  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["kijitora@example.jp", "rfc822; neko+tag=x@mx.example.co.jp", "<a-b_c@d.example>"])
def test_plain_addresses_take_the_shortcut(text: str) -> None:
    import bouncetui.decode.fields  # noqa: F401

    fields = sys.modules["bouncetui.decode.fields"]
    address = clean_address(text)
    assert fields._PLAIN_ADDRESS.fullmatch(address) and address in text
