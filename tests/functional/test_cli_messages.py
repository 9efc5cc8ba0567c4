"""The commands speak alike: a usage error is "bouncetui COMMAND: error: ..." with exit 1, a missing
path is named with exit 2, and `bouncetui --help` states the exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouncetui.cli import main

LOG = Path(__file__).resolve().parent.parent / "fixtures" / "maillog" / "postfix.log"


@pytest.mark.parametrize("args", [
    ["export"],
    ["export", "--filter", "reasn:userunknown", str(LOG)],
    ["triage", "--state", "ignore", "alice@example.net"],
    ["maillog", "-", str(LOG)],
    ["maillog", str(LOG), "--bounces", "-"],
    ["explain"],
])
def test_a_usage_error_names_the_command_and_exits_1(capsys, args):
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("bouncetui %s: error: " % args[0]), err


@pytest.mark.parametrize("command", ["scan", "export", "maillog"])
def test_a_missing_path_is_named_and_exits_2(capsys, tmp_path, command):
    missing = str(tmp_path / "nowhere")
    assert main([command, missing]) == 2
    assert capsys.readouterr().err == "bouncetui: %s: no such file or directory\n" % missing


def test_help_states_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "0 done, 1 usage error, 2 a path that does not exist, 3 the database cannot be used" in text


@pytest.mark.parametrize("command", ["export", "maillog"])
def test_an_output_inside_what_is_read_is_refused_and_nothing_is_written(capsys, tmp_path, command):
    folder = tmp_path / "read"
    folder.mkdir()
    source = folder / "mail.log"
    source.write_bytes(LOG.read_bytes())
    for target in (source, folder / "new.csv"):
        assert main([command, str(folder), "-o", str(target)]) == 1
        assert "inside" in capsys.readouterr().err
    assert source.read_bytes() == LOG.read_bytes() and not (folder / "new.csv").exists()


@pytest.mark.parametrize("command", ["export", "maillog"])
@pytest.mark.parametrize("jobs", ["0", "two"])
def test_jobs_must_be_a_whole_number_of_at_least_one(capsys, command, jobs):
    with pytest.raises(SystemExit) as exited:
        main([command, "--jobs", jobs, str(LOG)])
    assert exited.value.code == 1
    assert "argument -j/--jobs: takes a whole number of at least 1, not %r" % jobs in capsys.readouterr().err
