"""`python -m bouncetui` runs the command line."""

import sys

from bouncetui.cli import main

sys.exit(main())
