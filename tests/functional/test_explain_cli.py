"""`bouncetui explain`: run through the real command line, output captured."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from bouncetui.catalog import REASONS
from bouncetui.cli import main


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("COLUMNS", raising=False)


def explain(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["explain", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_explain_reason(capsys):
    status, out, err = explain(capsys, "userunknown")
    assert status == 0 and err == ""
    assert out.startswith("userunknown — User unknown  (hard bounce)\n")
    for heading in ("What happened", "Whose side", "Typical codes", "Typical wording", "What to do", "Suppression"):
        assert "\n%s\n" % heading in out
    assert "5.1.1" in out and "suppress now" in out


def test_output_off_a_terminal_is_plain_text(capsys):
    status, out, _ = explain(capsys, "userunknown", "5.7.26", "550", "--lang", "ja")
    assert status == 0
    assert "\x1b" not in out
    for line in out.splitlines():
        assert line == line.rstrip()
        assert cell_len(line) <= 80
        assert not line.lstrip().startswith(("。", "、", ")", "」"))


def test_explain_status_code_in_japanese(capsys):
    status, out, err = explain(capsys, "5.7.26", "--lang", "ja")
    assert status == 0 and err == ""
    assert out.startswith("5.7.26 — 複数の認証チェックに失敗")
    assert "恒久的な失敗" in out and "セキュリティ・ポリシーの状態" in out
    assert "RFC 7372" in out and "authfailure" in out


def test_explain_reply_code(capsys):
    status, out, _ = explain(capsys, "550")
    assert status == 0
    assert out.startswith("550 — Requested action not taken: mailbox unavailable")
    assert "Permanent negative completion" in out and "userunknown" in out


def test_explain_reply_and_status_together(capsys):
    status, out, _ = explain(capsys, "550 5.1.1")
    assert status == 0
    assert "550 — " in out and "5.1.1 — Bad destination mailbox address" in out


def test_unregistered_detail_is_explained_by_its_parts(capsys):
    status, out, _ = explain(capsys, "5.4.316")
    assert status == 0
    assert "Network and routing status" in out and "not a registered code" in out


def test_unknown_word_exits_1_with_suggestions(capsys):
    status, out, err = explain(capsys, "usrunknown")
    assert status == 1 and out == ""
    assert "usrunknown" in err and "userunknown" in err


def test_unknown_word_in_japanese(capsys):
    status, _, err = explain(capsys, "zzzz", "--lang", "ja")
    assert status == 1
    assert "不明な理由またはコード" in err and "--list" in err


def test_known_words_are_explained_even_when_one_is_unknown(capsys):
    status, out, err = explain(capsys, "mailboxfull", "usrunknown")
    assert status == 1
    assert out.startswith("mailboxfull — ") and "userunknown" in err


def test_language_follows_the_locale(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    status, out, _ = explain(capsys, "mailboxfull")
    assert status == 0
    assert "メールボックス容量超過" in out and "14日以上" in out
    status, out, _ = explain(capsys, "mailboxfull", "--lang", "en")
    assert "Mailbox full" in out


def test_list_every_reason(capsys):
    status, out, _ = explain(capsys, "--list")
    assert status == 0
    names = [line.split()[0] for line in out.splitlines()[1:] if line.startswith("  ") and line[2] != " "]
    assert names == list(REASONS)


def test_carrier_notes(capsys):
    status, out, _ = explain(capsys, "--carriers", "--lang", "ja")
    assert status == 0 and "ドメイン指定受信" in out and "ソフトバンク" in out
    status, out, _ = explain(capsys, "user@ezweb.ne.jp")
    assert status == 0 and out.startswith("Japanese carrier notes") and "au / KDDI" in out


def test_nothing_to_explain_is_a_usage_error(capsys):
    status, _, err = explain(capsys)
    assert status == 1 and "--list" in err


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", REASONS)
def test_every_reason_explains(capsys, name, lang):
    status, out, _ = explain(capsys, name, "--lang", lang)
    assert status == 0 and out.startswith(name + " — ")
