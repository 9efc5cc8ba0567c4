"""--watch's signature of the mail folders: it changes when a message comes, goes or is renamed,
or a small folder's file is written in place, and not otherwise."""

from __future__ import annotations

import os
import time
from pathlib import Path

from bouncetui.tui.folder_watch import FolderWatch

OLD = 1_700_000_000  # a time well in the past: the folders are not "changed just now"


def settled(*paths: Path) -> None:
    for path in paths:
        os.utime(path, (OLD, OLD))


def mail_folders(tmp_path: Path) -> tuple[Path, Path]:
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    for n in range(5):
        (maildir / "cur" / ("%d.M%dP1.host:2,S" % (OLD + n, n))).write_bytes(b"From: x\n\nbody %d\n" % n)
    mboxes = tmp_path / "mboxes"
    mboxes.mkdir()
    (mboxes / "bounces.mbox").write_bytes(b"From x\nSubject: a\n\nbody\n")
    settled(*(p for p in tmp_path.rglob("*")), tmp_path)
    return maildir, mboxes


def test_each_kind_of_change_changes_the_signature_and_nothing_else_does(tmp_path):
    maildir, mboxes = mail_folders(tmp_path)
    watch = FolderWatch([str(maildir), str(mboxes)], small=3)  # cur/ (5 files) is a big folder here
    changes = [
        lambda: (maildir / "new" / "1800000000.M9P1.host").write_bytes(b"new"),  # a message comes
        lambda: next((maildir / "cur").iterdir()).unlink(),  # one goes
        lambda: os.rename(next(iter(sorted((maildir / "cur").iterdir()))),
                          maildir / "cur" / "renamed:2,RS"),  # one is renamed (a flag)
        lambda: (mboxes / "bounces.mbox").write_bytes(b"From x\n\nbody\nFrom y\n\nmore\n"),  # written in place
    ]
    signature = watch.signature()
    for change in changes:
        assert watch.signature() == signature  # nothing changed
        change()
        new = watch.signature()
        assert new != signature
        settled(*(p for p in tmp_path.rglob("*")), tmp_path)
        signature = watch.signature()


def test_what_a_scan_would_not_read_is_not_watched(tmp_path):
    maildir, mboxes = mail_folders(tmp_path)
    watch = FolderWatch([str(maildir), str(mboxes)])
    signature = watch.signature()
    (maildir / "tmp" / "being-delivered").write_bytes(b"half")  # Maildir's tmp/: not a message yet
    (mboxes / ".bounces.mbox.swp").write_bytes(b"editor")  # a dot file
    settled(maildir / "tmp", mboxes)
    assert watch.signature() == signature


def test_a_folder_changed_just_now_is_listed_again_whatever_its_time(tmp_path):
    maildir, _ = mail_folders(tmp_path)
    watch = FolderWatch([str(maildir)], small=3)
    now = time.time_ns()
    os.utime(maildir / "cur", ns=(now, now))
    signature = watch.signature()
    (maildir / "cur" / "another:2,S").write_bytes(b"x")
    os.utime(maildir / "cur", ns=(now, now))  # the same time: a change within one clock tick
    assert watch.signature() != signature
