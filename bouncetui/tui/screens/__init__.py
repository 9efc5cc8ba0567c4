"""The explorer's screens: main (list, details, reason), help, raw message, stats, dialogs."""
