"""Metamorphic tests: what a real copy of a bounce goes through on its way does not change its records.

Each transformation of `transforms.TRANSFORMS` (re-encoding the text parts, other boundaries,
refolded or renamed header fields, CRLF, more Received fields, other date forms, the original as
headers only, other charset labels, Japanese text in another encoding, the notice's text wrapped at
another width, ...) is applied to a sample
of the hand-written fixtures and, where ../shared exists, of the corpus: the records decoded from
each result must equal those of the message as it is. The sample is fixed per transformation (the
same messages on every run) and kept small; `python -m tests.generalization.survey` runs every
transformation over everything.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest

from bouncetui.decode.message import normalize_newlines
from tests.conftest import CORPUS
from tests.generalization.survey import differences, message_files, records
from tests.generalization.transforms import TRANSFORMS

ROOT = Path(__file__).resolve().parents[2]
HAND_WRITTEN = [ROOT / "tests" / "decode" / "fixtures", ROOT / "tests" / "generalization" / "fixtures",
                ROOT / "tests" / "fixtures" / "bounces"]
CORPUS_DIRS = [CORPUS / "maildir" / "bsd", CORPUS / "maildir" / "err", CORPUS / "maildir" / "not"]
SAMPLE = 100  # messages per transformation (of those it changes)


@cache
def pool() -> tuple[Path, ...]:
    return tuple(message_files(HAND_WRITTEN) + (message_files(CORPUS_DIRS) if CORPUS.is_dir() else []))


@cache
def original(path: Path) -> tuple[bytes, tuple]:
    data = normalize_newlines(path.read_bytes())
    return data, tuple(tuple(sorted(r.items())) for r in records(data))


def sample(name: str):
    """(path, transformed bytes) for up to SAMPLE messages the transformation changes."""
    paths = list(pool())
    random.Random(name).shuffle(paths)
    taken = 0
    for path in paths:
        data, _ = original(path)
        out = TRANSFORMS[name](data)
        if out is None:
            continue
        yield path, out
        taken += 1
        if taken >= SAMPLE:
            return


def compose(*names: str):
    def transform(data: bytes) -> bytes | None:
        out = data
        for name in names:
            out = TRANSFORMS[name](out) or out
        return out if out != data else None

    return transform


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_a_transformation_leaves_the_records_as_they_were(name):
    changed = []
    count = 0
    for path, out in sample(name):
        count += 1
        _, before = original(path)
        after = records(out)
        diff = differences([dict(r) for r in before], after)
        if diff:
            changed.append("%s: %s" % (path.relative_to(path.parents[1]), "; ".join(diff[:3])))
    assert count, "%s changed no message of the sample" % name
    assert not changed, "%s changed the records of %d of %d messages:\n%s" % (
        name, len(changed), count, "\n".join(changed[:10]))


def test_several_transformations_at_once_leave_the_records_as_they_were():
    """What a message meets on a long way: another boundary, re-encoded in QP, refolded, with
    capital field names, CRLF line ends and a relay's Received on top."""
    steps = ("boundaries", "text_qp", "fold_narrow", "names_upper", "extra_received", "crlf")
    transform = compose(*steps)
    paths = list(pool())
    random.Random("compose").shuffle(paths)
    changed = []
    for path in paths[:SAMPLE]:
        data, before = original(path)
        out = transform(data)
        diff = differences([dict(r) for r in before], records(out)) if out else []
        if diff:
            changed.append("%s: %s" % (path.name, "; ".join(diff[:3])))
    assert not changed, "\n".join(changed[:10])


def test_the_sample_reaches_reports_and_not_only_plain_mail():
    """The pool holds real reports (a sample of only non-reports would prove nothing)."""
    with_records = sum(1 for path in pool() if original(path)[1])
    assert with_records >= 150
