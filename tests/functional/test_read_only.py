"""The user's mail is never modified: scan, triage, export and maillog leave every byte and mtime."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.conftest import CORPUS, SAMPLE_MAIL


def snapshot(root):
    state = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            data = open(path, "rb").read() if os.path.isfile(path) else b""
            state[os.path.relpath(path, root)] = (st.st_mode, st.st_mtime_ns, data)
    return state


def bouncetui(*args, env, stdin=None):
    proc = subprocess.run([sys.executable, "-m", "bouncetui", *args], capture_output=True, env=env,
                          input=stdin, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


def test_scan_triage_export_and_maillog_leave_the_mail_untouched(tmp_path):
    mail = tmp_path / "mail"
    shutil.copytree(SAMPLE_MAIL, mail / "sample")
    if CORPUS.is_dir():  # a slice of the real corpus when it is there
        shutil.copytree(CORPUS / "maildir" / "bsd", mail / "corpus", dirs_exist_ok=True,
                        ignore=lambda d, names: [n for n in names if not n.startswith(("lhost-p", "rhost-"))])
        shutil.copy(CORPUS / "mailbox" / "mbox-0", mail / "mbox-0")
    for i, path in enumerate(sorted(p for p in mail.rglob("*") if p.is_file())):
        os.utime(path, ns=(1_700_000_000_000_000_000 + i, 1_700_000_000_000_000_000 + i))
    before = snapshot(mail)
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    db = str(tmp_path / "state.db")

    rows = [json.loads(line) for line in bouncetui("scan", "--format", "jsonl", "--db", db, str(mail), env=env).splitlines()]
    assert rows
    bouncetui("scan", "--format", "csv", "--no-cache", str(mail), env=env)
    tokens = "\n".join(r["token"] for r in rows[:5]).encode()
    bouncetui("triage", "--db", db, "--state", "suppress", "--note", "checked", "-", env=env, stdin=tokens)
    bouncetui("export", "--db", db, "--output", str(tmp_path / "all.csv"), str(mail), env=env)
    bouncetui("export", "--db", db, "--suppression", "--output", str(tmp_path / "stop.csv"), str(mail), env=env)
    bouncetui("maillog", str(mail / "sample" / "maillog"), "--bounces", str(mail / "sample"), env=env)

    assert (tmp_path / "stop.csv").read_text().count("\n") > 1
    after = snapshot(mail)
    assert after.keys() == before.keys()  # nothing created or removed next to the mail
    changed = [path for path in before if before[path] != after[path]]
    assert changed == []
