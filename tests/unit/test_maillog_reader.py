"""Reading log files: compressed rotations, their order, state carried across files, stdin-like
line sources and the count of lines no parser knows."""

from __future__ import annotations

import bz2
import calendar
import gzip
import lzma
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.maillog import Reader, read_logs, rotation_order
from bouncetui.maillog.timestamps import Clock

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "maillog"
LINES = (FIXTURES / "postfix.log").read_text(encoding="utf-8").splitlines(keepends=True)
SPLIT = next(i for i, line in enumerate(LINES) if "status=expired" in line)  # expiry in the newer file


pytestmark = pytest.mark.usefixtures("utc")  # log times are local time


def write(path: Path, lines, opener=open) -> str:
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.writelines(lines)
    stamp = calendar.timegm((2026, 11, 30, 12, 0, 0))
    os.utime(path, (stamp, stamp))
    return str(path)


def outcomes(scan):
    return sorted((r.recipient, r.logstatus, r.notification) for r in scan.records)


def test_gzip_rotation_read_oldest_first_carries_deferrals_over(tmp_path):
    whole = read_logs(write(tmp_path / "whole.log", LINES))
    current = write(tmp_path / "maillog", LINES[SPLIT:])
    rotated = write(tmp_path / "maillog.1.gz", LINES[:SPLIT], gzip.open)
    split = read_logs([current, rotated])  # given newest first, as a shell glob lists them
    assert [Path(f.path).name for f in split.files] == ["maillog.1.gz", "maillog"]
    assert outcomes(split) == outcomes(whole)
    slow = [r for r in split.records if r.recipient == "slow@example.com"]
    assert [(r.logstatus, Path(r.bounce.origin).name) for r in slow] == [("expired", "maillog.1.gz")]


@pytest.mark.parametrize("opener", [gzip.open, bz2.open, lzma.open])
def test_compression_is_recognised_by_content_not_name(tmp_path, opener):
    plain = read_logs(write(tmp_path / "plain", LINES))
    packed = read_logs(write(tmp_path / "no-suffix", LINES, opener))
    assert outcomes(packed) == outcomes(plain) and len(plain.records) == 17


def test_rotation_order():
    assert rotation_order(["/l/maillog", "/l/maillog.1", "/l/maillog.2.gz", "/l/maillog.10.gz"]) == [
        "/l/maillog.10.gz", "/l/maillog.2.gz", "/l/maillog.1", "/l/maillog"]
    assert rotation_order(["/l/mail.log", "/l/mail.log-20261122.gz", "/l/mail.log-20261115"]) == [
        "/l/mail.log-20261115", "/l/mail.log-20261122.gz", "/l/mail.log"]
    # different logs keep the order given
    assert rotation_order(["/a/exim_mainlog", "/b/maillog.1", "/b/maillog"]) == [
        "/a/exim_mainlog", "/b/maillog.1", "/b/maillog"]


def test_lines_from_any_iterable_and_unknown_lines_counted():
    reader = Reader()
    stats = reader.read_lines(iter(LINES + ["\n", "garbage ]: line\n", "Nov  5 kernel: oops\n"]),
                              "-", Clock(calendar.timegm((2026, 11, 30, 0, 0, 0))))
    assert stats.path == "-" and stats.lines == len(LINES) + 3
    assert stats.unknown == 3 + 3
    assert len(reader.records()) == 17


def test_empty_file(tmp_path):
    scan = read_logs(write(tmp_path / "empty", []))
    assert scan.records == [] and scan.lines == 0 and scan.unknown == 0


ALL_LINES = [line for name in ("postfix.log", "sendmail.log", "exim_mainlog", "timestamps.log")
             for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines(keepends=True)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ALL_LINES), st.integers(0, 400),
                          st.sampled_from(["", ">", "<", "]: ", ", ", "=", "(", ": ", "[", "\x1b[2J",
                                           "status=expired", ": removed", " notification: ", ": to=<"])),
                min_size=1, max_size=30))
def test_garbled_lines_never_stop_the_read(edits):
    lines = [line[:cut] + insert + line[cut:] for line, cut, insert in edits]
    reader = Reader(include_sent=True)
    stats = reader.read_lines(lines, "-", Clock(calendar.timegm((2026, 11, 30, 0, 0, 0))))
    assert stats.lines == len(lines) == stats.used + stats.ignored + stats.unknown
    for record in reader.records():
        assert record.to_dict()["logstatus"] in ("bounced", "deferred", "expired", "rejected", "sent")


def test_truncated_gzip_keeps_what_was_read_and_says_why(tmp_path):
    whole = tmp_path / "whole.gz"
    write(whole, LINES * 40, gzip.open)
    data = whole.read_bytes()
    cut = tmp_path / "maillog.1.gz"
    cut.write_bytes(data[: len(data) // 2])
    later = write(tmp_path / "maillog", LINES)
    scan = read_logs([later, str(cut)])
    broken, current = scan.files
    assert broken.error == "truncated compressed file" and 0 < broken.lines < len(LINES) * 40
    assert current.error == "" and current.lines == len(LINES)
    assert len(scan.records) > 17


def test_a_directory_is_no_log(tmp_path):
    scan = read_logs(str(tmp_path))
    assert scan.files[0].error and scan.records == []
