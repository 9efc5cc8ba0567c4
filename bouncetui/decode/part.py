"""The message class of the fast MIME parser: a compat32 Message that answers its lookups from a cache.

Decoders ask every part the same few questions many times (a header, the content type, a
Content-Type parameter); the standard class scans its header list and re-parses Content-Type on
every call. `Part` computes each answer once and forgets them all on any change to its headers, so
its answers are always the standard class's. decode.mimeparse builds trees of it, and hands it to
the standard parser as the class of what that builds.
"""

from __future__ import annotations

import email.message
import re
from collections.abc import KeysView

_MUTATORS = ("__setitem__", "__delitem__", "set_raw", "replace_header", "add_header", "set_param",
             "del_param", "set_type", "set_boundary", "set_charset", "set_default_type")


class Part(email.message.Message):
    """An email.message.Message that answers get(), get_content_type() and the Content-Type
    parameters (get_param, get_boundary, get_content_charset, ...) from a cache.

    Decoders ask the same few questions of every part many times; the standard class scans the
    header list and re-parses Content-Type on every call. Any change to the headers empties the
    cache, so the answers stay those of the standard class.
    """

    _index: dict[str, object] | None = None
    _ctype: str | None = None
    _ascii = False  # every header value is an ASCII string (set by the parser, forgotten on change)
    # Of a tree this parser built: (its parts, the depth of the deepest) as decode.check_structure
    # counts them (the root at depth 0, nothing inside a report part's field blocks); None else.
    _shape: tuple[int, int] | None = None

    def get(self, name, failobj=None):  # type: ignore[override]
        index = self._index
        if index is None:
            if self._ascii:
                # compat32's header_fetch_parse returns an ASCII string as it is (only
                # surrogate-escaped 8-bit bytes become a Header); the first of a name counts
                index = {key.lower(): value for key, value in reversed(self._headers)}
            else:
                index = {}
                fetch = self.policy.header_fetch_parse
                for key, value in self._headers:
                    lowered = key.lower()
                    if lowered not in index:
                        index[lowered] = fetch(key, value)
            self._index = index
        return index.get(name.lower(), failobj)

    def names(self) -> KeysView[str]:
        """The names of its fields, lowered: the keys of the index get() reads (`name in
        part.names()` when get(name) finds a field), with no set built of them."""
        if self._index is None:
            self.get("")
        return self._index.keys()

    def __getitem__(self, name):
        return self.get(name)

    def __contains__(self, name):
        return self.get(name) is not None

    def get_content_type(self) -> str:
        ctype = self._ctype
        if ctype is None:
            # email.message.Message.get_content_type, with its _splitparam inlined
            value = self.get("content-type", _ABSENT)
            if value is _ABSENT:
                ctype = self.get_default_type()
            else:
                ctype = _CTYPES.get(value) if type(value) is str else None
                if ctype is None:
                    ctype = str(value).partition(";")[0].strip().lower()
                    if ctype.count("/") != 1:
                        ctype = "text/plain"
                    if type(value) is str:
                        if len(_CTYPES) >= _PARAMS_KEPT:
                            _CTYPES.clear()
                        _CTYPES[value] = ctype
            self._ctype = ctype
        return ctype

    def get_content_maintype(self) -> str:
        return self.get_content_type().partition("/")[0]

    def get_content_subtype(self) -> str:
        return self.get_content_type().partition("/")[2]

    def _get_params_preserve(self, failobj, header):
        """The standard parameter list of `header` (a new list each time), parsed once per
        distinct header value: most parts of a mailbox have the same few Content-Types."""
        value = self.get(header, _ABSENT)
        if value is _ABSENT:
            return failobj
        if type(value) is not str:
            return super()._get_params_preserve(failobj, header)
        return list(self._params(value, header)[0])

    def _params(self, value: str, header: str) -> tuple[tuple, dict]:
        """What is kept for a header's value: its standard parameter list, and each parameter's
        value as it stands and unquoted (what get_param returns) by its lowered name, the first
        of a name (the one get_param's loop would find)."""
        kept = _PARAMS.get(value)
        if kept is None:
            if len(_PARAMS) >= _PARAMS_KEPT:
                _PARAMS.clear()
            found = _plain_params(value)
            if found is None:
                found = super()._get_params_preserve(None, header)
            by_name: dict[str, tuple] = {}
            for key, text in found:
                by_name.setdefault(key.lower(), (text, _unquotevalue(text)))
            kept = _PARAMS[value] = (tuple(found), by_name)
        return kept

    def get_param(self, param, failobj=None, header="content-type", unquote=True):
        """email.message.Message.get_param, read from what is kept for the header's value (see
        _params) after one look-up of the header (not two: `in`, then get)."""
        value = self.get(header)
        if value is None:
            return failobj  # where the standard method's `header not in self` answers
        if type(value) is not str:
            return super().get_param(param, failobj, header, unquote)
        found = self._params(value, header)[1].get(param.lower())
        if found is None:
            return failobj
        return found[1] if unquote else found[0]

    def _forget(self) -> None:
        self._index = None
        self._ctype = None
        self._ascii = False


_ABSENT = object()
_unquotevalue = email.message._unquotevalue
# What makes a parameter value need email's own parser: RFC 2231, backslashes, brackets.
_NOT_PLAIN = re.compile(r"[*\\<]")


def _plain_params(value: str) -> list[tuple[str, str]] | None:
    """email.message.Message._get_params_preserve for a value with no star, backslash or angle
    bracket in it, and no quote but around a whole parameter value (most Content-Types: each
    message's boundary is new, so the cache below does not help there): what its _parseparam,
    split and utils.decode_params give, in one pass. None for any other value."""
    if _NOT_PLAIN.search(value):
        return None
    params = []
    for piece in value.split(";"):
        name, equals, text = piece.partition("=")
        if equals:
            text = text.strip()
            if '"' in piece:
                # a quoted value: one quote at each end and none elsewhere (then no ";" inside it,
                # and decode_params' unquote and quote give its inside back), not in the type
                if not params or piece.count('"') != 2 or len(text) < 2 or text[0] != '"' or text[-1] != '"':
                    return None
                text = text[1:-1]
            params.append((name.strip().lower(), text))
        else:
            if '"' in piece:
                return None
            params.append((piece.strip(), ""))
    # decode_params keeps the first (the type) as it is and quotes the values of the others
    return params[:1] + [(name, '"%s"' % text) for name, text in params[1:]]


# Content types by Content-Type value (a pure function of the value); emptied when full.
_CTYPES: dict[str, str] = {}
# What _params keeps by header value (a pure function of the value); emptied when full.
_PARAMS: dict[str, tuple[tuple, dict]] = {}
_PARAMS_KEPT = 4096


def _uncaching(name: str):
    base = getattr(email.message.Message, name)

    def method(self, *args, **kwargs):
        self._forget()
        try:
            return base(self, *args, **kwargs)
        finally:
            self._forget()

    method.__name__ = name
    method.__doc__ = base.__doc__
    return method


for _name in _MUTATORS:
    setattr(Part, _name, _uncaching(_name))
