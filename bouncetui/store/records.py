"""How records are kept in the cache, and how they come back out: eagerly, as text, or built on demand.

A message's records are cached twice (`encode` gives both, "\n" between them, as one string; the
table keeps them in two columns, see `split`): as JSON, each record a list of its field values
after origin and position, to build Bounce objects from; and as text, each record's JSON Lines line
without the fields a scan sets, one record a line (JSON keeps no raw newline): what `scan --format
jsonl` writes between the record's position and its end, with its backscatter as the spam tag
alone decides it (',"timestamp":...,"token":"...","backscatter":false'). A scan writing JSON Lines
takes the records of unchanged files as that text (`CachedLines`): origin and position go in front,
and only a record that the scan's own domains mark as backscatter has its last word changed.

A file's row also keeps its messages' record tokens (`token_word`), so a scan can hand
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
from json.decoder import scanstring
from json.encoder import encode_basestring

from bouncetui.formats import record_middle
from bouncetui.model import FIELD_NAMES, Bounce, ScanError

STORED_FIELDS = FIELD_NAMES[2:]  # after origin and position, which a replay sets
assert FIELD_NAMES[:2] == ("origin", "position")
TOKEN_AT = STORED_FIELDS.index("token")
FETCH_CHUNK = 900  # content hashes per IN (...) when building records
NO_RECORD, ERROR, UNKNOWN = "-", "!", "?"  # token words that are not tokens
Item = Bounce | ScanError
# A record not built yet: (origin, position, content hash of its message, its index there, token)
Ref = tuple[str, int, str, int, str]


# How a cached record's line ends, by whether the spam tag in its subject makes it backscatter.
ENDS = (',"backscatter":false', ',"backscatter":true')
NOT_MARKED, MARKED = ENDS
DOMAIN_KEY, TOKEN_KEY = ',"senderdomain":"', ',"token":"'  # (a raw '"' is always one of the line's own)


def encode(result: list[Bounce] | ScanError, limits: str = "") -> str:
    """Records as cached: their JSON, each a list of its field values after origin and position
    (the cache version covers model.FIELD_NAMES), then "\n" and each one's line of text (see the
    module docstring); an error is kept with the limits it was decoded under."""
    if isinstance(result, ScanError):
        return json.dumps({"error": result.error, "limits": limits}, ensure_ascii=False)
    # imported here: the classifier comes with it, which records read back from the cache never need
    from bouncetui.classify.backscatter import spam_tag
    rows = [[getattr(record, name) for name in STORED_FIELDS] for record in result]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + "".join(
        ["\n" + record_middle(record) + ENDS[bool(spam_tag(record.subject))] for record in result])


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
        if _not_a_word(token):
            return UNKNOWN  # empty, or not one word
        tokens.append(token)
    return ",".join(tokens) if tokens else NO_RECORD


def text_token_word(text: str) -> str:
    """token_word of a message's records given as their text ("": it has none)."""
    tokens = [_field(line, TOKEN_KEY) for line in text.split("\n")] if text else []
    if any(map(_not_a_word, tokens)):
        return UNKNOWN
    return ",".join(tokens) if tokens else NO_RECORD


def _not_a_word(token: str) -> bool:
    return "," in token or token.split() != [token] or token in (NO_RECORD, ERROR, UNKNOWN)


def bounce(origin: str, position: int, row: list) -> Bounce:
    """The record a stored row holds, at its origin and position."""
    return Bounce(origin, position, *row)


parse = json.JSONDecoder().raw_decode  # json.loads without its wrapper: a third faster on small records


def replay(payload: str, origin: str, position: int) -> list[Item]:
    data = parse(payload)[0]
    if isinstance(data, dict):
        return [ScanError(origin, position, data["error"])]
    return [bounce(origin, position, row) for row in data]


def split(payload: str) -> tuple[str, str | None]:
    """An encoded message as the table keeps it: (its records' JSON, their text, None for an error)."""
    if payload.startswith("{"):
        return payload, None
    rows, _, text = payload.partition("\n")
    return rows, text


def as_text(payload: str) -> str:
    """An encoded message as a scan for text reads it: its records' text, or its error's JSON."""
    return payload if payload.startswith("{") else payload.partition("\n")[2]


def senderdomain(line: str) -> str:
    """The senderdomain in a cached record's line."""
    return _field(line, DOMAIN_KEY)


def _field(line: str, key: str) -> str:
    """A string field of a cached record's line, by its key (DOMAIN_KEY, TOKEN_KEY)."""
    return scanstring(line, line.index(key) + len(key))[0]


class CachedLines:
    """Records of unchanged files as the cache keeps their text, for a scan that writes JSON Lines:
    `messages` holds (origin, position, the text of the message's records, never empty).
    `foreign`, when set (see classify.backscatter.mark), says whether a sender domain makes a
    record backscatter."""

    __slots__ = ("messages", "foreign")

    def __init__(self, messages: list[tuple[str, int, str]], foreign: Callable[[str], bool] | None = None) -> None:
        self.messages = messages
        self.foreign = foreign

    def __len__(self) -> int:
        return sum(text.count("\n") for _, _, text in self.messages) + len(self.messages)

    def senderdomains(self, limit: int) -> list[str]:
        """The sender domains of the first `limit` records."""
        out: list[str] = []
        for _, _, text in self.messages:
            for line in text.split("\n"):
                if len(out) >= limit:
                    return out
                out.append(senderdomain(line))
        return out

    def marked(self, foreign: Callable[[str], bool] | None) -> CachedLines:
        return CachedLines(self.messages, foreign)

    def jsonl(self) -> tuple[list[str], int]:
        """The records' JSON Lines text (what formats.record_line writes for each), as one string
        per message (its records' lines), and the number of records. A list, written line by line
        (TextIOWrapper encodes each: most lines are ASCII, and a copy of the whole text joined is
        stored as wide as its widest character)."""
        messages = self.messages
        enc = encode_basestring
        # One line per message (an f-string is built in one allocation); then the messages with
        # several records, and those with a record the own domains mark, are written again one by one.
        lines = [f'{{"origin":{enc(origin)},"position":{position:d}{text}}}\n' for origin, position, text in messages]
        foreign = self.foreign
        if foreign is None:
            again = [i for i, message in enumerate(messages) if "\n" in message[2]]
        else:
            again = [i for i, (_, _, text) in enumerate(messages)
                     if "\n" in text or (text.endswith(NOT_MARKED) and foreign(senderdomain(text)))]
        count = len(lines)
        for i in again:
            origin, position, text = messages[i]
            head = '{"origin":' + encode_basestring(origin) + ',"position":' + int.__repr__(position)
            records = text.split("\n")
            if foreign is not None:
                records = [line[: -len(NOT_MARKED)] + MARKED if line.endswith(NOT_MARKED)
                           and foreign(senderdomain(line)) else line for line in records]
            lines[i] = "".join([head + line + "}\n" for line in records])
            count += len(records) - 1
        return lines, count




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
