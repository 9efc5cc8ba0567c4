"""Delivery-status fields are read as the line-by-line regular expression reads them.

`rfc3464.parse_fields` splits each line at its first colon and looks the name up instead of
matching `_FIELD` against every line, and `unfold` skips its loop for text with no continuation
line. Every DSN decoder reads its recipients through them, so both are compared with the plain
forms below on generated text: field names of every case, blanks of every kind (Unicode ones
too, which str.strip() and the pattern's \\s both take for blanks), folded and indented lines,
lines with no colon or with colons in their values, a free-text field continued on a line
with no indentation.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.decode import rfc3464


def unfold_reference(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.split("\n"):
        if line[:1] in (" ", "\t") and lines and lines[-1].strip():
            lines[-1] = lines[-1].rstrip() + " " + line.strip()
        else:
            lines.append(line.rstrip())
    return lines


def parse_fields_reference(text: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    message: dict[str, str] = {}
    recipients: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    last = ""
    for line in unfold_reference(text):
        if not line.strip():
            current = None
            last = ""
            continue
        m = rfc3464._FIELD.match(line.strip())
        if not m:
            if last and current is not None and not line.strip().startswith("--"):
                current[last] = (current[last] + " " + line.strip()).lstrip()
            continue
        name, value = m.group(1).lower(), m.group(2).strip()
        last = ""
        if name in rfc3464.PER_RECIPIENT:
            if current is None or name in current:
                current = {}
                recipients.append(current)
            if name not in current:
                current[name] = value
                last = name if name in rfc3464.CONTINUED else ""
        elif name in rfc3464.PER_MESSAGE:
            message.setdefault(name, value)
    return message, [r for r in recipients if r.get("final-recipient") or r.get("original-recipient")]


NAMES = sorted(rfc3464.PER_RECIPIENT | rfc3464.PER_MESSAGE) + ["Final-Recipient", "ACTION", "x-unknown", "9bad", "a b"]
BLANKS = " \t\x0b\x0c\x1c\u00a0\u2028\u3000"
FREE = st.text(alphabet="aZ9-;:@. <>" + BLANKS + "\u00e9\u0130", max_size=12) | st.just("--B")
LINE = st.one_of(
    st.builds(lambda lead, name, gap, colon, value: lead + name + gap + colon + value,
              st.sampled_from(["", "", " ", "\t", "\u00a0", "\x1c"]), st.sampled_from(NAMES),
              st.sampled_from(["", "", " ", "\t", "\u3000", "x"]), st.sampled_from([":", ":", ": ", ":\u00a0", ""]),
              FREE),
    FREE,
    st.sampled_from(["", " ", "\t", "  \t", "\u3000"]),
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(LINE, max_size=14))
def test_fields_are_read_as_the_pattern_reads_them(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert rfc3464.unfold(text) == unfold_reference(text)
    assert rfc3464.parse_fields(text) == parse_fields_reference(text)


def test_a_long_text_before_a_colon_is_no_name_and_is_not_kept() -> None:
    text = "Final-Recipient: rfc822; a@example.org\n" + "x" * 500 + ": y\nAction: failed\n"
    assert rfc3464.parse_fields(text) == parse_fields_reference(text)
    assert ("x" * 500) not in rfc3464._NAMES
