"""A rescan that writes JSON Lines takes the cached records as text: what it prints is what a scan
without the cache prints, for every format, with the backscatter marks of this scan (own domains
given or inferred), and a database of the previous cache schema is upgraded keeping its triage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bouncetui.classify import backscatter
from bouncetui.cli import main
from bouncetui.formats import LINE_ENDS, line_head, record_line, record_middle
from bouncetui.model import Bounce
from bouncetui.store import Store, cache, schema
from bouncetui.store.records import CachedLines, as_text, encode, text_token_word, token_word

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "bounces"
FORMATS = ("jsonl", "json", "csv")


def scan(capsys, *args: str) -> str:
    assert main(["scan", *args]) == 0
    return capsys.readouterr().out


def own_and_foreign(target: Path, own: int = 24, foreign: int = 2) -> Path:
    """A Maildir of bounces about mail from shop.example.jp, and a few about mail from another
    domain (the backscatter inference marks those)."""
    new = target / "new"
    new.mkdir(parents=True)
    (target / "cur").mkdir()
    template = (FIXTURE / "new" / "1764061200.M110P1.mx1").read_bytes()
    for i in range(own + foreign):
        data = template if i < own else template.replace(b"shop.example.jp", b"elsewhere.example.net")
        (new / ("1764%06d.M%dP1.mx1" % (i, i))).write_bytes(b"X-Copy: %d\n" % i + data)
    return target


@pytest.mark.parametrize("own", [[], ["--own-domain", "shop.example.jp"], ["--own-domain", "example.org"]])
def test_a_rescan_prints_what_a_scan_without_the_cache_prints(capsys, tmp_path, own):
    folder = own_and_foreign(tmp_path / "Maildir")
    shutil.copytree(FIXTURE / "cur", folder / "cur", dirs_exist_ok=True)  # one has a spam tag
    db = str(tmp_path / "db")
    fresh = {fmt: scan(capsys, "--no-cache", "--format", fmt, *own, str(folder)) for fmt in FORMATS}
    assert scan(capsys, "--db", db, "--format", "jsonl", *own, str(folder)) == fresh["jsonl"]  # decoded
    for fmt in FORMATS:
        assert scan(capsys, "--db", db, "--format", fmt, *own, str(folder)) == fresh[fmt], fmt  # cached


def test_inferred_own_domains_mark_cached_records_as_backscatter(capsys, tmp_path):
    folder = own_and_foreign(tmp_path / "Maildir")
    db = str(tmp_path / "db")
    scan(capsys, "--db", db, "--format", "jsonl", str(folder))
    warm = scan(capsys, "--db", db, "--format", "jsonl", str(folder)).splitlines()
    marked = [line for line in warm if line.endswith('"backscatter":true}')]
    assert len(warm) == 26 and len(marked) == 2
    assert all('"senderdomain":"elsewhere.example.net"' in line for line in marked)


def test_a_rescan_in_jsonl_notices_changed_added_renamed_and_deleted_files(capsys, tmp_path):
    folder = own_and_foreign(tmp_path / "Maildir", own=22, foreign=0)
    db = str(tmp_path / "db")
    scan(capsys, "--db", db, "--format", "jsonl", str(folder))
    files = sorted((folder / "new").iterdir())
    files[0].unlink()
    files[1].rename(folder / "cur" / (files[1].name + ":2,S"))
    files[2].write_bytes(files[2].read_bytes().replace(b"shop.example.jp", b"outlet.example.jp"))
    shutil.copy(files[3], folder / "new" / "1799999999.M1P1.mx1")
    warm = scan(capsys, "--db", db, "--format", "jsonl", str(folder))
    assert warm == scan(capsys, "--no-cache", "--format", "jsonl", str(folder))
    assert "outlet.example.jp" in warm and str(files[0]) not in warm and str(files[1]) not in warm


def test_a_rescan_in_jsonl_lists_the_cached_errors_in_their_place(capsys, tmp_path):
    folder = own_and_foreign(tmp_path / "Maildir", own=21, foreign=0)
    big = sorted((folder / "new").iterdir())[5]
    big.write_bytes(b"X-Padding: " + b"x" * 20000 + b"\n" + big.read_bytes())  # over --max-size
    db = str(tmp_path / "db")
    runs = []
    for cache_args in (["--no-cache"], ["--db", db], ["--db", db]):
        assert main(["scan", "--format", "jsonl", "--max-size", "15000", *cache_args, str(folder)]) == 0
        runs.append(capsys.readouterr())
    assert runs[0] == runs[1] == runs[2]
    assert len(runs[0].out.splitlines()) == 20 and big.name in runs[0].err


@pytest.mark.parametrize("window", [7, 512])
def test_a_mailbox_rescan_in_parts_marks_what_a_scan_without_the_cache_marks(capsys, tmp_path, monkeypatch, window):
    folder = own_and_foreign(tmp_path / "Maildir", own=14, foreign=3)
    mbox = tmp_path / "bounces.mbox"
    mbox.write_bytes(b"".join(b"From MAILER-DAEMON Thu Nov 27 00:00:00 2026\n" + path.read_bytes() + b"\n"
                              for path in sorted((folder / "new").iterdir())))
    monkeypatch.setattr(cache, "TEXT_MESSAGES", 4)  # the text comes in chunks of 4 messages ...
    monkeypatch.setattr(backscatter, "WINDOW", window)  # ... and the inference may end inside one
    db = str(tmp_path / "db")
    fresh = scan(capsys, "--no-cache", "--format", "jsonl", str(mbox))
    scan(capsys, "--db", db, "--format", "jsonl", str(mbox))
    warm = scan(capsys, "--db", db, "--format", "jsonl", str(mbox))
    assert warm == fresh and len(warm.splitlines()) == 17 and '"position":17,' in warm
    assert scan(capsys, "--db", db, "--format", "json", str(mbox)) == scan(capsys, "--no-cache", "--format", "json",
                                                                          str(mbox))


ODD = Bounce(origin='/mail/cur/"quoted" \\ name:2,S', position=7, timestamp=1764061200,
             addresser="a@shop.example.jp", senderdomain="Shop.Example.JP", recipient='x"y\\z@example.org',
             diagnosticcode='550 5.1.1 line one\nline two\t\x00\x1f \u2028 ü 日本 ,"subject":"x" {"origin":1} \\', subject="[SPAM] hi",
             hardbounce=True, token="0123abc", backscatter=True)


@pytest.mark.parametrize("record", [ODD, ODD.replace(backscatter=False), Bounce(origin="m")])
def test_a_line_is_its_head_middle_and_end(record):
    assert line_head(record.origin, record.position) + record_middle(record) + LINE_ENDS[record.backscatter] \
        == record_line(record)


@pytest.mark.parametrize("own", [None, frozenset({"example.net"}), frozenset({"shop.example.jp"})])
def test_cached_text_gives_the_lines_of_the_marked_records(own):
    records = [ODD.replace(subject="hello", position=1), ODD.replace(senderdomain="", position=1),
               ODD.replace(senderdomain="sub.example.net", position=1)]
    assert as_text(encode([])) == ""  # a message without records has no text: it is left out
    chunk = CachedLines([("/a/b", 1, as_text(encode(records))), ("/a/d", 2, as_text(encode(records[:1])))])
    assert len(chunk) == 4
    assert chunk.senderdomains(3) == ["Shop.Example.JP", "", "sub.example.net"]
    expected = [backscatter._marked(r.replace(origin=o, position=p), own)
                for o, p, rs in (("/a/b", 1, records), ("/a/d", 2, records[:1])) for r in rs]
    lines, count = chunk.marked(backscatter.foreign(own)).jsonl()
    assert ("".join(lines), count) == ("".join(map(record_line, expected)), 4) and len(lines) == 2  # one a message
    ones = [(ODD.origin, 9, as_text(encode(records[:1]))), ("/a/e", 1, as_text(encode(records[2:])))]
    expected = [backscatter._marked(r.replace(origin=o, position=p), own)
                for (o, p, _), r in zip(ones, (records[0], records[2]))]
    lines, count = CachedLines(ones).marked(backscatter.foreign(own)).jsonl()
    assert (lines, count) == (list(map(record_line, expected)), 2)


@pytest.mark.parametrize("tokens", [["0123abc"], ["a1", "b2", "c3"], [], ["with space"], ["a,b"], ["!"]])
def test_token_words_from_text_are_those_from_records(tokens):
    records = [ODD.replace(token=token) for token in tokens]
    assert text_token_word(as_text(encode(records))) == token_word(records)


def test_a_database_of_the_previous_schema_is_emptied_and_keeps_its_triage(tmp_path, monkeypatch, capsys):
    folder = own_and_foreign(tmp_path / "Maildir", own=3, foreign=0)
    db = tmp_path / "db"
    fresh = scan(capsys, "--no-cache", "--format", "jsonl", str(folder))
    with monkeypatch.context() as patch:
        patch.setattr(schema, "SCHEMA", schema.SCHEMA - 1)  # as the previous release wrote it
        with Store(db) as old:
            tokens = [r.token for r in old.scan([str(folder)])]
            old.set_triage(tokens[:2], state="suppress", note="asked by phone")
    decoded: list[str] = []
    real = cache.decode_raw
    monkeypatch.setattr(cache, "decode_raw", lambda message, *a, **k: decoded.append(message.origin)
                        or real(message, *a, **k))
    assert scan(capsys, "--db", str(db), "--format", "jsonl", str(folder)) == fresh
    assert len(decoded) == 3  # the old cache was dropped: everything decoded again
    assert scan(capsys, "--db", str(db), "--format", "jsonl", str(folder)) == fresh
    assert len(decoded) == 3  # and cached anew
    with Store(db) as new:
        kept = new.triage()
    assert set(kept) == set(tokens[:2]) and {t.note for t in kept.values()} == {"asked by phone"}
