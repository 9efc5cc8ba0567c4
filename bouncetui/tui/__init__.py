"""The explorer: a Textual app to investigate and triage bounces from the keyboard."""
