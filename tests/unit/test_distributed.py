"""`scan --dask`: decoding on a Dask cluster gives the records of a local scan, in the same order.

Runs a local cluster of two worker processes; skipped when Dask is not installed (it is the
optional extra `bouncetui[dask]`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bouncetui import distributed as cluster_scan
from bouncetui.cli import main
from bouncetui.model import Bounce
from bouncetui.pipeline import scan
from tests.conftest import SAMPLE_MAIL, sample_mail_present

distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install 'bouncetui[dask]')")
pytestmark = pytest.mark.skipif(not sample_mail_present(), reason="sample_mail/ not present")


@pytest.fixture(scope="module")
def address():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def mail(tmp_path: Path) -> Path:
    """sample_mail's messages as a Maildir, again as one mbox, and an unreadable file."""
    seeds = [p.read_bytes() for p in sorted((SAMPLE_MAIL / "cur").iterdir()) if p.is_file()]
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "box" / sub).mkdir(parents=True)
    for i, data in enumerate(seeds * 3):
        (tmp_path / "box" / "cur" / ("%03d.msg:2,S" % i)).write_bytes(data)
    (tmp_path / "box" / "mbox").write_bytes(b"".join(
        b"From MAILER-DAEMON Thu Nov 26 08:00:00 2026\n" + data.rstrip(b"\n") + b"\n\n" for data in seeds))
    (tmp_path / "box" / "cur" / "broken.msg:2,S").write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    return tmp_path / "box"


def rows(items) -> list[tuple]:
    return [(i.origin, i.position, i.recipient, i.reason, i.token) if isinstance(i, Bounce)
            else ("error", i.origin, i.error) for i in items]


def test_cluster_records_equal_local_records_in_order(address: str, mail: Path) -> None:
    client = cluster_scan.connect(address)
    try:
        remote = list(cluster_scan.scan([str(mail)], client))
    finally:
        client.close()
    local = list(scan([str(mail)], jobs=1))
    assert rows(remote) == rows(local)
    assert any(r[0] == "error" and r[1].endswith("broken.msg:2,S") for r in rows(remote))
    assert sum(isinstance(i, Bounce) for i in remote) > 50


def test_scan_command_with_dask_writes_the_local_output(address: str, mail: Path, capsys) -> None:
    assert main(["scan", "--format", "jsonl", "--no-cache", "--jobs", "1", str(mail)]) == 0
    local = capsys.readouterr().out
    assert main(["scan", "--format", "jsonl", "--dask", address, str(mail)]) == 0
    remote = capsys.readouterr().out
    assert remote == local and len(local.splitlines()) > 50
    assert json.loads(remote.splitlines()[0])["origin"].startswith(str(mail))


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    with pytest.raises(cluster_scan.ClusterError, match="cannot reach the Dask scheduler"):
        cluster_scan.connect("tcp://127.0.0.1:9", timeout=2)
