"""What a part's decoded text is cleaned of before decoders read it: HTML markup (a notice sent as
HTML only, `html_to_text`) and a footer a mailing list, a gateway or a signature appended to it
(`without_footer`). Message.part_text applies both.
"""

from __future__ import annotations

import re

# A footer at the end of a text: a separator line (Mailman's row of underscores, the signature
# dash-dash-space) and at most eight lines after it.
_FOOTER = re.compile(r"\n(?:_{20,}|--[ \t]?)[ \t]*\n(?:[^\n]*\n){0,8}[^\n]*\Z")
_FOOTER_TAIL = 1200


def without_footer(text: str) -> str:
    """The text without a footer appended to it: a mailing list's ("______" then the list's name and
    its addresses), a gateway's or a signature ("-- " then a few lines), when it ends the text."""
    tail = text[-_FOOTER_TAIL:]
    if "\n__" not in tail and "\n--" not in tail:
        return text
    m = _FOOTER.search(tail)
    if m is None:
        return text
    return text[: len(text) - len(tail) + m.start()].rstrip("\n") + "\n"


# HTML to text in four passes of one regular expression each (no Python call per tag; each starts
# with a literal "<", which the regular-expression engine searches for fast): a line break, a
# paragraph's, a division's or a row's end made a line break, taking the source's line break after
# it when the tag ends a line (the same break, written twice: the rows of a table stay one
# paragraph); a cell's end made a blank (the cells of a row, "宛先 | a@example.jp", stay apart);
# scripts and style sheets dropped (after the breaks: a break before one takes no blank after it);
# any other tag dropped.
_SCRIPT = re.compile(r"<((?i:script|style))\b[^<]*(?:<(?!/(?i:\1)>)[^<]*)*</(?i:\1)>")
_BREAK = re.compile(r"<(?:(?i:br)(?:\s*/?>[ \t]*\n?|[^>]*>)|/(?i:p|div|tr)(?:>[ \t]*\n?|[^>]*>))")
_CELL_END = re.compile(r"</(?i:t[dh])[^>]*>")
_ANY_TAG = re.compile(r"<[^>]+>")
_ENTITIES = {"&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&"}
_ENTITY = re.compile("|".join(_ENTITIES))


def html_to_text(html: str) -> str:
    """Enough of HTML to text for bounce bodies that come only as HTML."""
    if "<" in html:
        html = _BREAK.sub("\n", html)
        if "</" in html:
            html = _SCRIPT.sub("", _CELL_END.sub(" ", html))
        html = _ANY_TAG.sub("", html)
    if "&" in html:
        html = _ENTITY.sub(lambda m: _ENTITIES[m.group()], html)
    return html
