"""Mail sources: every container format, every line ending, unreadable files, never a write."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import sys

import pytest

from bouncetui.model import ScanError
from bouncetui.sources import iter_files, iter_messages, read_file, read_stream, split_mbox

MSG = b"From: a@example.com\nTo: b@example.net\nSubject: %s\n\nbody %s\n"


def msg(n: int) -> bytes:
    return MSG % (str(n).encode(), str(n).encode())


def subjects(items) -> list[str]:
    out = []
    for item in items:
        assert not isinstance(item, ScanError), item
        for line in item.data.split(b"\n"):
            if line.startswith(b"Subject: "):
                out.append(line[9:].decode())
    return out


def test_maildir_reads_cur_and_new_and_ignores_tmp_and_dot_files(tmp_path):
    for sub in ("cur", "new", "tmp"):
        (tmp_path / sub).mkdir()
    (tmp_path / "cur" / "1700000000.M1P1.host:2,S").write_bytes(msg(1))
    (tmp_path / "new" / "1700000001.M2P1.host").write_bytes(msg(2))
    (tmp_path / "tmp" / "1700000002.M3P1.host").write_bytes(msg(3))
    (tmp_path / "cur" / ".hidden").write_bytes(msg(4))
    (tmp_path / "maillog").write_bytes(b"Nov  5 10:00:01 mx1 postfix/qmgr[1]: ABC: removed\n")
    (tmp_path / "dovecot-uidlist").write_bytes(msg(5))
    assert sorted(subjects(iter_messages(str(tmp_path)))) == ["1", "2"]
    assert sorted(os.path.basename(e.path) for e in iter_files(str(tmp_path))) == [
        "1700000000.M1P1.host:2,S", "1700000001.M2P1.host"]


def test_mbox_splits_on_from_lines_and_unquotes(tmp_path):
    box = (
        b"From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n" + msg(1) +
        b">From the desk of nobody\n\n"
        b"From MAILER-DAEMON Thu Sep 18 17:55:04 2008\n" + msg(2)
    )
    path = tmp_path / "mbox"
    path.write_bytes(box)
    items = list(iter_messages(str(path)))
    assert [i.position for i in items] == [1, 2]
    assert subjects(items) == ["1", "2"]
    assert b"\nFrom the desk of nobody\n" in items[0].data
    assert all(i.origin == str(path) for i in items)


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_mbox_with_crlf_or_bare_cr(newline):
    box = b"From x Thu Sep 18 17:54:04 2008\n" + msg(1) + b"\nFrom y Thu Sep 18 17:54:04 2008\n" + msg(2)
    parts = split_mbox(box.replace(b"\n", newline))
    assert len(parts) == 2
    assert parts[1].startswith(b"From: a@example.com\n")


def test_a_from_header_is_not_an_mbox(tmp_path):
    path = tmp_path / "one.eml"
    path.write_bytes(b"From: x@example.com\nSubject: 1\n\nhi\n")
    assert [i.position for i in iter_messages(str(path))] == [1]


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress, lzma.compress])
def test_compressed_message_and_mailbox(tmp_path, compress):
    (tmp_path / "m.eml.z").write_bytes(compress(msg(7)))
    box = b"From a Thu Sep 18 17:54:04 2008\n" + msg(8) + b"\nFrom b Thu Sep 18 17:54:04 2008\n" + msg(9)
    (tmp_path / "box").write_bytes(compress(box))
    assert sorted(subjects(iter_messages(str(tmp_path)))) == ["7", "8", "9"]


def test_mh_folder_and_any_file_names(tmp_path):
    (tmp_path / "1").write_bytes(msg(1))
    (tmp_path / "2").write_bytes(msg(2))
    (tmp_path / ".mh_sequences").write_text("unseen: 2\n")
    sub = tmp_path / "archive"
    sub.mkdir()
    (sub / "bounce.txt").write_bytes(msg(3))
    (sub / "x.msg").write_bytes(msg(4))
    assert sorted(subjects(iter_messages(str(tmp_path)))) == ["1", "2", "3", "4"]


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(msg(5))))
    assert subjects(iter_messages("-")) == ["5"]


def test_unreadable_file_is_reported_and_scan_goes_on(tmp_path, monkeypatch):
    good = tmp_path / "good.eml"
    good.write_bytes(msg(1))
    bad = tmp_path / "bad.eml"
    bad.write_bytes(msg(2))
    real_open = open

    def guarded_open(path, *args, **kwargs):  # as for a file of mode 000 (root reads those anyway)
        if str(path) == str(bad):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    items = list(iter_messages(str(tmp_path)))
    errors = [i for i in items if isinstance(i, ScanError)]
    assert [e.origin for e in errors] == [str(bad)]
    assert errors[0].error == "Permission denied"
    assert subjects(i for i in items if not isinstance(i, ScanError)) == ["1"]


def test_io_error_while_reading_is_reported(tmp_path, monkeypatch):
    (tmp_path / "a.eml").write_bytes(msg(1))
    (tmp_path / "b.eml").write_bytes(msg(2))
    real_open = open

    def failing_open(path, *args, **kwargs):
        if str(path).endswith("a.eml"):
            raise OSError(5, "Input/output error")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    items = list(iter_messages(str(tmp_path)))
    assert isinstance(items[0], ScanError) and items[0].error == "Input/output error"
    assert subjects(items[1:]) == ["2"]


def test_missing_path_is_an_error_entry(tmp_path):
    items = list(iter_files(str(tmp_path / "nope")))
    assert len(items) == 1 and isinstance(items[0], ScanError)


def test_symlink_loop_does_not_hang(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "m.eml").write_bytes(msg(1))
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    assert subjects(iter_messages(str(tmp_path))) == ["1"]


def test_reading_never_changes_the_mail(tmp_path):
    path = tmp_path / "m.eml"
    path.write_bytes(msg(1))
    os.utime(path, (1_600_000_000, 1_600_000_000))
    before = (path.read_bytes(), os.stat(path).st_mtime)
    list(iter_messages(str(tmp_path)))
    assert (path.read_bytes(), os.stat(path).st_mtime) == before


def test_empty_files_give_nothing(tmp_path):
    (tmp_path / "empty").write_bytes(b"")
    (tmp_path / "blank").write_bytes(b"\n\n")
    assert list(iter_messages(str(tmp_path))) == []


@pytest.mark.parametrize("data", [b"", b"\n\n", b" \t\r\n\x0b\x0c" * 3])
def test_a_blank_stream_gives_nothing(data):
    assert list(read_stream(io.BytesIO(data), "-")) == []


def test_a_stream_with_any_text_among_blanks_is_a_message():
    data = b"\n\t \x0bSubject: x\n\n"
    assert [(item.origin, item.position, item.data) for item in read_stream(io.BytesIO(data), "-")] == [("-", 1, data)]


@pytest.mark.parametrize("batch", [1, 2, 256])
def test_a_tree_is_listed_by_name_folder_by_folder_with_each_file_as_stat_says(tmp_path, monkeypatch, batch):
    import bouncetui.sources as sources

    monkeypatch.setattr(sources, "BATCH", batch)  # files come in lists of this many: same order
    for name in ("b/y.eml", "b/x/deep.eml", "a.eml", "c.eml", "d/z.eml", "b/.dot", "e/f/g.eml", "b0.eml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(msg(len(name)))
    (tmp_path / "d" / "empty").write_bytes(b"")
    os.symlink(tmp_path / "c.eml", tmp_path / "d" / "link.eml")  # a link is listed as the file it names
    os.symlink(tmp_path / "gone", tmp_path / "d" / "dangling")  # ... and a dangling one not at all
    os.utime(tmp_path / "c.eml", (1_600_000_000, 1_600_000_000.25))
    entries = list(iter_files(str(tmp_path) + "/"))
    names = [os.path.relpath(e.path, tmp_path) for e in entries]
    assert names == ["a.eml", "b/x/deep.eml", "b/y.eml", "b0.eml", "c.eml", "d/link.eml", "d/z.eml", "e/f/g.eml"]
    assert entries[0].path == str(tmp_path) + "/a.eml"  # joined as os.path.join joins
    for entry in entries:
        st = os.stat(entry.path)
        assert (entry.size, entry.mtime) == (st.st_size, st.st_mtime) and entry.size > 0
    assert entries[4].mtime == 1_600_000_000.25


def test_a_folder_is_listed_in_the_order_of_its_names_whatever_order_the_system_gives(tmp_path, monkeypatch):
    import bouncetui.sources as sources

    names = ["%d.M%dP1.host:2,S" % (1700000000 + i, i) for i in range(60)]
    for name in names:
        (tmp_path / name).write_bytes(msg(1))
    real_scandir = os.scandir

    class Reversed:  # the entries in another order than their names'
        def __init__(self, path):
            self.inner = real_scandir(path)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.inner.close()

        def __iter__(self):
            return iter(sorted(self.inner, key=lambda entry: entry.name, reverse=True))

    monkeypatch.setattr(sources.os, "scandir", Reversed)
    assert [os.path.basename(entry.path) for entry in iter_files(str(tmp_path))] == sorted(names)


def test_a_message_moved_from_new_to_cur_mid_scan_is_still_read(tmp_path):
    for sub in ("cur", "new", "tmp"):
        (tmp_path / sub).mkdir()
    (tmp_path / "new" / "1700000001.M2P1.host").write_bytes(msg(2))
    (tmp_path / "new" / "1700000002.M3P1.host").write_bytes(msg(3))
    files = list(iter_files(str(tmp_path)))
    # a mail reader marks the first message seen between our listing and our reading
    os.rename(tmp_path / "new" / "1700000001.M2P1.host", tmp_path / "cur" / "1700000001.M2P1.host:2,S")
    items = [m for entry in files for m in read_file(entry.path)]
    assert subjects(items) == ["2", "3"]
    assert items[0].origin.endswith("cur/1700000001.M2P1.host:2,S")


def test_a_message_deleted_mid_scan_is_reported(tmp_path):
    from bouncetui.pipeline import decode_file

    path = tmp_path / "gone.eml"
    path.write_bytes(msg(1))
    (entry,) = list(iter_files(str(path)))
    path.unlink()
    (error,) = decode_file(entry.path)
    assert isinstance(error, ScanError) and error.origin == str(path)
    assert error.error == "No such file or directory"


def test_mbox_from_line_with_a_date_needs_no_empty_line_before_it():
    box = (b"From a@example.com Thu Jul  2 12:05:05 2020\n" + msg(1) + b"--end--\n"
           b"From b@example.com  Thu Jul  2 12:05:06 2020\n" + msg(2) + b"From the list: not a separator\n")
    parts = list(read_stream(io.BytesIO(box), "box"))
    assert [p.position for p in parts] == [1, 2]
    assert parts[1].data.endswith(b"From the list: not a separator\n")


@pytest.mark.parametrize("size", [20, 8192, 8193, 64 * 1024 + 9000, 200_000])
def test_a_message_file_at_the_size_limit_is_read_and_one_byte_more_is_refused(tmp_path, size):
    path = tmp_path / "message.eml"
    path.write_bytes(b"Subject: x\n\n" + b"y" * (size - 12))
    assert [m.data for m in read_file(str(path), size)] == [path.read_bytes()]
    with pytest.raises(ValueError, match="size limit of %d bytes" % (size - 1)):
        list(read_file(str(path), size - 1))


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress, lzma.compress])
def test_a_damaged_compressed_file_is_reported_and_the_scan_goes_on(tmp_path, compress):
    packed = compress(msg(1) * 50)
    (tmp_path / "a-damaged").write_bytes(packed[: len(packed) // 2] + b"\0" * 64)
    (tmp_path / "b.eml").write_bytes(msg(2))
    items = list(iter_messages(str(tmp_path)))
    assert isinstance(items[0], ScanError) and items[0].origin == str(tmp_path / "a-damaged")
    assert subjects(items[1:]) == ["2"]


def test_files_in_lists_are_the_files_one_by_one(tmp_path, monkeypatch):
    from bouncetui import sources

    monkeypatch.setattr(sources, "BATCH", 3)
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "Maildir" / sub).mkdir(parents=True)
    for n in range(7):
        (tmp_path / "Maildir" / "cur" / ("17000000%02d.M%dP1.host:2,S" % (n, n))).write_bytes(msg(n))
    (tmp_path / "Maildir" / "new" / "1700000099.M9P1.host").write_bytes(msg(9))
    (tmp_path / "one.eml").write_bytes(msg(1))
    for path in (str(tmp_path), str(tmp_path / "one.eml"), str(tmp_path / "missing")):
        lists = list(sources.iter_file_lists(path))
        assert [item for batch in lists for item in batch] == list(iter_files(path))
        assert all(0 < len(batch) <= 3 for batch in lists)
    assert len(list(iter_files(str(tmp_path)))) == 9
