"""The explorer: a Textual app to investigate and triage bounces from the keyboard.

`bouncetui PATH` (bouncetui/commands/open.py) builds a Backend and runs BounceApp. The pieces:

    app.py              the App: global keys (q, ?, Ctrl+T), themes, the key config, the main screen
    backend.py          records and triage: the store (bouncetui.store), else a plain scan; exports
    records.py          the loaded records, duplicates collapsed; views are index arrays into it
    columns.py          the list's columns as data; which fit a terminal width; row colour classes
    filtering.py        the filter bar's query: bouncetui.query's field terms + fuzzy free text
    fuzzy.py            typo-tolerant recipient search and the index of distinct recipients
    keys.py             keys.toml (binding id -> keys) and the binding list for the help screen
    prefs.py            the remembered theme and language
    commands.py         Ctrl+P palette: every command, sorts, reasons and domains as quick filters
    actions.py          the main screen's bigger actions: dialogs, raw view, $PAGER, copy, export
    rawmail.py          the raw view's content: headers, MIME tree, decoded text parts
    maillog_view.py     --maillog: the logs read and correlated, and their text for the panes
    messages.py         what workers post to the main screen
    screens/            main (+ background: --watch, --maillog), help, raw, stats, maillog, dialogs
    widgets/            bounce_list (line-API virtual list + column header), details, reason_panel,
                        filter_bar (with completion), status_bar
    bouncetui.tcss      the one stylesheet

The main screen owns the state (records, the shown index array, sort, query, marks, triage,
language) and hands it down; widgets report with messages. Scanning, filtering and sorting, the
original headers of the selected record, --watch and the mail log run in thread workers that only
post messages. Every text that comes from mail is shown through bouncetui.textsafe and as Rich
Text, never as markup.
"""
