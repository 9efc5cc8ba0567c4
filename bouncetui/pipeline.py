"""The scan: every message under some paths, decoded into Bounce records, errors kept.

    for item in scan(["~/Maildir"]):
        if isinstance(item, ScanError): report it; else: a Bounce

A message that makes a decoder fail becomes a ScanError naming its origin; the scan goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bouncetui.decode import decode
from bouncetui.model import Bounce, ScanError
from bouncetui.sources import RawMessage, iter_messages


def decode_raw(item: RawMessage) -> list[Bounce] | ScanError:
    """Decode one message; any failure becomes a ScanError instead of an exception."""
    try:
        return decode(item.data, item.origin, item.position)
    except RecursionError:
        return ScanError(item.origin, item.position, "message nested too deeply to decode")
    except Exception as exc:  # a decoder bug must not stop the scan or lose the message
        return ScanError(item.origin, item.position, "cannot decode: %s: %s" % (type(exc).__name__, exc))


def scan(paths: str | Iterable[str]) -> Iterator[Bounce | ScanError]:
    """Bounce records and ScanError entries for every message under `paths`, in order."""
    if isinstance(paths, str):
        paths = [paths]
    for path in paths:
        for item in iter_messages(path):
            if isinstance(item, ScanError):
                yield item
                continue
            result = decode_raw(item)
            if isinstance(result, ScanError):
                yield result
            else:
                yield from result
