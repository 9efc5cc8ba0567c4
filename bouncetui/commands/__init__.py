"""Sub-commands of the `bouncetui` command line: one module each, listed in bouncetui/cli.py."""
