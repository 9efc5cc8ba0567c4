"""Hostile and broken input: nothing crashes, hangs or is lost, and damaged reports still decode.

`make test` runs a short, fixed-seed pass; `make fuzz` runs a long one (FUZZ_ITERATIONS, FUZZ_SEED).
"""

from __future__ import annotations

import gzip
import os
import random
import tracemalloc
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bouncetui.limits import Limits
from bouncetui.model import Bounce, ScanError
from bouncetui.pipeline import decode_file, decode_raw, scan
from bouncetui.sources import RawMessage
from tests.conftest import CORPUS, SAMPLE_MAIL
from tests.fuzz.mutate import many_recipients, mutate, nested_rfc822

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "decode" / "fixtures"
ITERATIONS = int(os.environ.get("FUZZ_ITERATIONS", "300"))
SEED = int(os.environ.get("FUZZ_SEED", "20261127"))


def seeds() -> list[bytes]:
    paths = sorted(p for p in FIXTURES.rglob("*") if p.is_file())
    for sub in ("cur", "new"):
        if (SAMPLE_MAIL / sub).is_dir():
            paths += sorted((SAMPLE_MAIL / sub).iterdir())
    if CORPUS.is_dir():
        paths += sorted((CORPUS / "maildir" / "bsd").iterdir())[::7]
    return [p.read_bytes() for p in paths if p.is_file()]


def check(result) -> None:
    """A decode either gives Bounce records or one ScanError with a readable reason."""
    if isinstance(result, ScanError):
        assert result.error and result.origin == "fuzz"
        return
    assert isinstance(result, list)
    for record in result:
        assert isinstance(record, Bounce)
        record.to_json()  # every record serialises
        assert "\x00" not in record.reason


def test_mutated_messages_never_crash_the_decoder():
    rng = random.Random(SEED)
    corpus = seeds()
    assert corpus
    for i in range(ITERATIONS):
        data = mutate(rng.choice(corpus), rng)
        check(decode_raw(RawMessage("fuzz", i + 1, data)))


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_random_binary_never_crashes(data):
    check(decode_raw(RawMessage("fuzz", 1, data)))


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None)
@given(st.lists(st.sampled_from([
    "From: MAILER-DAEMON@example.org", "Content-Type: multipart/report; boundary=x",
    "--x", "--x--", "Content-Type: message/delivery-status", "Content-Type: message/rfc822",
    "Final-Recipient: rfc822; a@example.com", "Action: failed", "Status: 5.1.1", "Status: 9.9.9.9",
    "Diagnostic-Code: smtp; 550 5.1.1 user unknown", "", " folded", "Subject: Undelivered Mail",
    "Original-Recipient: ;", "Final-Recipient:", "<a@b>:", "Remote host said: 550", "\x1b[2J",
]), max_size=60))
def test_report_shaped_nonsense_never_crashes(lines):
    check(decode_raw(RawMessage("fuzz", 1, "\n".join(lines).encode())))


def test_a_truncated_report_keeps_its_intact_recipients():
    raw = (FIXTURES / "rfc" / "postfix-dsn-two-recipients.eml").read_bytes()
    cut = raw[: raw.index(b"final-recipient: RFC822; full-box")]  # the second block and the rest lost
    result = decode_raw(RawMessage("fuzz", 1, cut))
    assert [r.recipient for r in result] == ["no-such-user@example.net"]
    assert result[0].reason == "userunknown"


def test_a_report_without_its_closing_boundary_still_decodes():
    raw = (FIXTURES / "rfc" / "postfix-dsn-two-recipients.eml").read_bytes()
    broken = raw.replace(b"--4Bx1Yz0AbcZ.1764032405/mx1.example.jp--", b"")
    result = decode_raw(RawMessage("fuzz", 1, broken))
    assert [r.recipient for r in result] == ["no-such-user@example.net", "full-box@example.org"]


def test_deep_nesting_is_an_error_entry_not_a_crash():
    result = decode_raw(RawMessage("fuzz", 1, nested_rfc822(60)))
    assert isinstance(result, ScanError) and "--max-depth" in result.error
    shallow = decode_raw(RawMessage("fuzz", 1, nested_rfc822(3)))
    assert [r.recipient for r in shallow] == ["user2@example.net"]


def test_a_one_megabyte_header_line():
    raw = b"From: MAILER-DAEMON@example.org\nX-Junk: " + b"a" * (1 << 20) + b"\n" + \
        (FIXTURES / "rfc" / "postfix-dsn-two-recipients.eml").read_bytes()
    result = decode_raw(RawMessage("fuzz", 1, raw))
    assert isinstance(result, list)


def test_five_thousand_recipients_in_one_report():
    tracemalloc.start()
    result = decode_raw(RawMessage("fuzz", 1, many_recipients(5000)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(result) == 5000 and {r.reason for r in result} == {"userunknown"}
    assert peak < 200 * 1024 * 1024


def test_recipient_limit_is_a_clear_error():
    result = decode_raw(RawMessage("fuzz", 1, many_recipients(50)), Limits(max_recipients=10))
    assert isinstance(result, ScanError) and "--max-recipients" in result.error


def test_a_100_megabyte_message_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.eml"
    with open(path, "wb") as fh:
        fh.write(b"From: MAILER-DAEMON@example.org\nSubject: x\n\n")
        line = b"x" * 1023 + b"\n"
        for _ in range(100 * 1024):
            fh.write(line)
    tracemalloc.start()
    (error,) = decode_file(str(path), Limits(max_bytes=8 * 1024 * 1024))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(error, ScanError) and "size limit" in error.error
    assert peak < 64 * 1024 * 1024


def test_a_gzip_bomb_is_refused(tmp_path):
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip container
    chunks = [compressor.compress(b"\0" * (1 << 20)) for _ in range(256)]  # 256 MB of zeros
    chunks.append(compressor.flush())
    (tmp_path / "bomb.gz").write_bytes(b"".join(chunks))
    (tmp_path / "fine.eml.gz").write_bytes(gzip.compress((FIXTURES / "rfc" / "success-dsn.eml").read_bytes()))
    items = list(scan(str(tmp_path), limits=Limits(max_bytes=16 * 1024 * 1024)))
    errors = [i for i in items if isinstance(i, ScanError)]
    assert [e.origin.endswith("bomb.gz") for e in errors] == [True]
    assert "size limit" in errors[0].error
    assert [i.reason for i in items if isinstance(i, Bounce)] == ["delivered"]


def test_time_budget_turns_a_slow_decode_into_an_error(monkeypatch):
    import time

    import bouncetui.pipeline as pipeline

    def slow(*args, **kwargs):
        time.sleep(5)
        return []

    monkeypatch.setattr(pipeline, "decode", slow)
    result = decode_raw(RawMessage("fuzz", 1, b"x"), Limits(seconds=0.2))
    assert isinstance(result, ScanError) and "longer than 0.2 s" in result.error


@pytest.mark.parametrize("garbage", [b"\x00" * 1000, os.urandom(0) + bytes(range(256)) * 8, b"\r" * 500])
def test_binary_files_in_a_maildir_are_harmless(tmp_path, garbage):
    for sub in ("cur", "new", "tmp"):
        (tmp_path / sub).mkdir()
    (tmp_path / "cur" / "1.host:2,").write_bytes(garbage)
    assert all(isinstance(i, (Bounce, ScanError)) for i in scan(str(tmp_path)))


def test_time_budget_is_enforced_in_a_worker_thread_too(monkeypatch):
    import threading

    import bouncetui.pipeline as pipeline

    def spin(*args, **kwargs):  # pure Python work that never ends by itself
        while True:
            sum(range(1000))

    monkeypatch.setattr(pipeline, "decode", spin)
    results = []
    worker = threading.Thread(target=lambda: results.append(
        decode_raw(RawMessage("fuzz", 1, b"x"), Limits(seconds=0.3))))
    worker.start()
    worker.join(20)
    assert not worker.is_alive()
    (result,) = results
    assert isinstance(result, ScanError) and "time budget" in result.error
