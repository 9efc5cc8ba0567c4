"""How records are kept in the cache, and how they come back out: eagerly, or built on demand.

A message's records are cached as JSON (each record a list of its field values after origin and
position); a file's row also keeps its messages' record tokens (`token_word`), so a scan can hand
out the records of unchanged files without reading their JSON: a `CachedFiles` chunk says which
records there are (origin, position, token) and `RecordSource.build` makes the Bounce objects when
someone asks (a list showing a row, a filter reading every record). A record whose cached JSON is
gone by then (another bouncetui emptied the cache) is decoded again from its message.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from bouncetui.model import FIELD_NAMES, Bounce, ScanError

STORED_FIELDS = FIELD_NAMES[2:]  # after origin and position, which a replay sets
assert FIELD_NAMES[:2] == ("origin", "position")
TOKEN_AT = STORED_FIELDS.index("token")
FETCH_CHUNK = 900  # content hashes per IN (...) when building records
NO_RECORD, ERROR, UNKNOWN = "-", "!", "?"  # token words that are not tokens
Item = Bounce | ScanError
# A record not built yet: (origin, position, content hash of its message, its index there, token)
Ref = tuple[str, int, str, int, str]


def encode(result: list[Bounce] | ScanError, limits: str = "") -> str:
    """Records as cached: each a list of its field values after origin and position (the cache
    version covers model.FIELD_NAMES); an error is kept with the limits it was decoded under."""
    if isinstance(result, ScanError):
        return json.dumps({"error": result.error, "limits": limits}, ensure_ascii=False)
    rows = [[getattr(record, name) for name in STORED_FIELDS] for record in result]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def token_word(result: Sequence[Item] | ScanError) -> str:
    """One message's records as a word of a file row's `tokens`: their tokens joined by ','
    ('-' when it has none, '!' for an error, '?' when a token could not stand in a word)."""
    if isinstance(result, ScanError):
        return ERROR
    tokens = []
    for record in result:
        if isinstance(record, ScanError):
            return ERROR
        token = record.token
        if "," in token or token.split() != [token] or token in (NO_RECORD, ERROR, UNKNOWN):
            return UNKNOWN  # empty, or not one word
        tokens.append(token)
    return ",".join(tokens) if tokens else NO_RECORD


def _record_builder() -> Callable[[str, int, list], Bounce]:
    """A function making Bounce(origin, position, *row) without the frozen dataclass's __init__
    (one object.__setattr__ call per field): it fills each slot through its descriptor, one
    statement per field, generated once (as dataclasses generates __init__): 2.9 us instead of 6.5."""
    names = ("origin", "position", *STORED_FIELDS)
    env: dict = {"_new": object.__new__, "Bounce": Bounce, "_set_trace": Bounce.trace.__set__}
    env.update(("_set_%d" % i, getattr(Bounce, name).__set__) for i, name in enumerate(names))
    values = ["origin", "position"] + ["row[%d]" % i for i in range(len(STORED_FIELDS))]
    body = "".join("    _set_%d(record, %s)\n" % (i, value) for i, value in enumerate(values))
    exec("def build(origin, position, row):\n    record = _new(Bounce)\n%s    _set_trace(record, ())\n"
         "    return record\n" % body, env)
    return env["build"]


bounce = _record_builder()
parse = json.JSONDecoder().raw_decode  # json.loads without its wrapper: a third faster on small records


def replay(payload: str, origin: str, position: int) -> list[Item]:
    data = parse(payload)[0]
    if isinstance(data, dict):
        return [ScanError(origin, position, data["error"])]
    return [bounce(origin, position, row) for row in data]


def usable(hashes: Sequence[str], words: Sequence[str]) -> bool:
    """True if a file row's token words say what every message holds (no error, nothing unknown)."""
    return len(words) == len(hashes) and not any(w == ERROR or w == UNKNOWN or not w for w in words)


class RecordSource:
    """Builds cached records on demand from one database (a connection of its own, used under a
    lock, so any thread may ask)."""

    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        self._connect = connect
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.closed = False

    def build(self, refs: Sequence[Ref]) -> list[Bounce]:
        """The records `refs` name, in order."""
        payloads = self._fetch(list(dict.fromkeys(ref[2] for ref in refs)))
        parsed: dict[str, object] = {}
        out: list[Bounce] = []
        for origin, position, digest, k, token in refs:
            rows = parsed.get(digest)
            if rows is None and digest in payloads:
                rows = parsed[digest] = parse(payloads[digest])[0]
            row = rows[k] if isinstance(rows, list) and k < len(rows) else None
            if row is None or row[TOKEN_AT] != token:  # the cache changed since: find it again
                row = next((r for r in rows if r[TOKEN_AT] == token), None) if isinstance(rows, list) else None
            out.append(bounce(origin, position, row) if row is not None else again(origin, position, k, token))
        return out

    def _fetch(self, digests: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        with self._lock:
            try:
                if self._conn is None:
                    if self.closed:
                        return found
                    self._conn = self._connect()
                for i in range(0, len(digests), FETCH_CHUNK):
                    chunk = digests[i : i + FETCH_CHUNK]
                    query = "SELECT hash, records FROM messages WHERE hash IN (%s)" % ",".join("?" * len(chunk))
                    found.update(self._conn.execute(query, chunk).fetchall())
            except Exception:  # noqa: BLE001 - a database that cannot be read: the records are decoded again
                pass
        return found

    def close(self) -> None:
        with self._lock:
            self.closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def again(origin: str, position: int, k: int, token: str) -> Bounce:
    """A record whose cached form is gone, decoded again from its message; if that fails too, a
    record that says so (its token kept, so triage still finds it)."""
    from bouncetui.pipeline import decode_file

    try:
        found = [r for r in decode_file(origin) if isinstance(r, Bounce) and r.position == position]
    except Exception:  # noqa: BLE001 - whatever went wrong, the placeholder below says it
        found = []
    for record in found:
        if record.token == token:
            return record
    if k < len(found):
        return found[k]
    return Bounce(origin, position, token=token,
                  diagnosticcode="this record is no longer in the cache and its message could not be decoded again")


@dataclass(frozen=True, slots=True)
class CachedFiles:
    """Records of unchanged files, not built yet: (path, hashes, token words) per file, both
    space-separated as the cache keeps them; `source` builds them."""

    source: RecordSource
    files: list[tuple[str, str, str]]

    def refs(self) -> Iterator[Ref]:
        """Every record the files hold, in order."""
        for path, hashes, tokens in self.files:
            if " " not in hashes and "," not in tokens:
                if tokens != NO_RECORD:
                    yield path, 1, hashes, 0, tokens
                continue
            for position, (digest, word) in enumerate(zip(hashes.split(), tokens.split()), 1):
                if word != NO_RECORD:
                    for k, token in enumerate(word.split(",")):
                        yield path, position, digest, k, token

    def simple(self) -> bool:
        """True if every file holds one message with one record (a Maildir of bounces): then
        the i-th record is the i-th file's, and its ref is `ref(i)`."""
        tokens = [file[2] for file in self.files]
        return " " not in "".join([file[1] for file in self.files]) and "," not in "".join(tokens) \
            and NO_RECORD not in tokens

    def ref(self, i: int) -> Ref:
        """The i-th file's record, in a simple chunk."""
        path, digest, token = self.files[i]
        return path, 1, digest, 0, token

    def build(self) -> list[Bounce]:
        return self.source.build(list(self.refs()))
