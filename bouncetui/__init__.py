"""bouncetui: find, decode, classify and triage bounce mail.

The public API:

    from bouncetui import scan, decode, Bounce
    for item in scan("~/Maildir"):      # Bounce records and ScanError entries
        ...
    records = decode(raw_bytes, origin="message.eml")
"""

__version__ = "0.1.0"

from bouncetui.model import Bounce, ScanError  # noqa: E402
from bouncetui.pipeline import decode, scan  # noqa: E402

__all__ = ["Bounce", "ScanError", "decode", "scan", "__version__"]
