"""bouncetui: find, decode, classify and triage bounce mail.

The public API:

    from bouncetui import scan, decode, Bounce
    for item in scan("~/Maildir"):      # Bounce records and ScanError entries
        ...
    records = decode(raw_bytes, origin="message.eml")
"""

import sys
import types

__version__ = "0.1.0"

from bouncetui.model import Bounce, ScanError  # noqa: E402
from bouncetui.pipeline import scan  # noqa: E402


class _Package(types.ModuleType):
    """`bouncetui.decode` is the decode function, imported when first asked for: the decoders take
    longer to import than a rescan answered from the cache takes to run, and the commands that
    decode nothing (help, triage, a warm rescan) need not import them."""

    @property
    def decode(self) -> types.FunctionType:
        replaced = self.__dict__.get("_decode_replaced")
        if replaced is not None:
            return replaced
        from bouncetui.decode import decode

        return decode

    @decode.setter
    def decode(self, value: object) -> None:
        # The import system records the sub-package `bouncetui.decode` here: the function stays.
        # Anything else (a test's stand-in) replaces the function.
        if not isinstance(value, types.ModuleType):
            self.__dict__["_decode_replaced"] = value


sys.modules[__name__].__class__ = _Package

__all__ = ["Bounce", "ScanError", "__version__", "decode", "scan"]
