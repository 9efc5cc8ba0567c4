"""bouncetui: find, decode, classify and triage bounce mail.

The public API:

    from bouncetui import scan, decode, Bounce
    for item in scan("~/Maildir"):      # Bounce records and ScanError entries
        ...
    records = decode(raw_bytes, origin="message.eml")
"""

__version__ = "0.1.0"

from bouncetui.decode import decode
from bouncetui.model import Bounce, ScanError
from bouncetui.pipeline import scan

__all__ = ["Bounce", "ScanError", "__version__", "decode", "scan"]
