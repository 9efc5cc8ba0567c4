"""A provider decoder's _SENDER_WORDS never hide its notifier: every match of its _SENDER holds one.

`sender_matches` answers False without a regular-expression search when the message's folded
senders hold none of the words, so each word list must be necessary for its pattern: here
hypothesis writes text around strings the pattern matches, and the folded text must hold a word.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bouncetui.decode.message import Message, fold
from bouncetui.decode.mta.provider_common import sender_matches

mta = importlib.import_module("bouncetui.decode.mta")  # (bouncetui.decode is also a function's name)
MODULES = [importlib.import_module("bouncetui.decode.mta." + info.name) for info in pkgutil.iter_modules(mta.__path__)]
WITH_WORDS = [module for module in MODULES if hasattr(module, "_SENDER_WORDS")]


def test_providers_declare_sender_words() -> None:
    assert len(WITH_WORDS) >= 10
    for module in WITH_WORDS:
        assert module._SENDER_WORDS, module.__name__
        for word in module._SENDER_WORDS:
            assert word.isascii() and word == word.lower(), (module.__name__, word)


@pytest.mark.parametrize("module", WITH_WORDS, ids=lambda module: module.__name__.rsplit(".", 1)[1])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_match_of_the_sender_pattern_holds_a_word(module, data) -> None:  # type: ignore[no-untyped-def]
    text = data.draw(st.from_regex(module._SENDER))
    assert module._SENDER.search(text)
    assert any(word in fold(text) for word in module._SENDER_WORDS), text


def test_sender_matches_without_a_word_answers_false_and_with_one_searches() -> None:
    def message(sender: str, return_path: str = "") -> Message:
        raw = "From: %s\nReturn-Path: %s\nSubject: x\n\nbody\n" % (sender, return_path)
        return Message.parse(raw.encode())

    gmx = importlib.import_module("bouncetui.decode.mta.gmx")
    found = message("Mail Delivery System <MAILER-DAEMON@mout.GMX.net>")
    assert sender_matches(found, gmx._SENDER, gmx._SENDER_WORDS)
    assert sender_matches(message("x <a@b.example>", "<mailer-daemon@gmx.de>"), gmx._SENDER, gmx._SENDER_WORDS)
    # the words are only a necessary condition: the pattern still decides
    assert not sender_matches(message("someone@gmx.net"), gmx._SENDER, gmx._SENDER_WORDS)
    assert not sender_matches(message("MAILER-DAEMON@mx.example.org"), gmx._SENDER, gmx._SENDER_WORDS)
