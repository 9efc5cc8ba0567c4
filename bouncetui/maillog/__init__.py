"""Mail logs: the failed, deferred, expired and rejected recipients Postfix, Sendmail and Exim
logged, as records shaped like bounces, and their correlation with the bounce mails that came back.

    from bouncetui.maillog import read_logs
    scan = read_logs(["/var/log/mail.log.1.gz", "/var/log/mail.log"])
    for record in scan.records:          # LogRecord: .bounce, .logstatus, .queueid, ...
        ...
    scan.files                            # per-file line counts (used, ignored, unknown)

Modules: reader (files and dispatch), postfix / sendmail / exim (line shapes), timestamps,
record (LogRecord), correlate (log records against bounce records).
"""

from bouncetui.maillog.reader import FileStats, LogScan, Reader, read_logs, rotation_order
from bouncetui.maillog.record import LOG_FIELDS, RECORD_FIELDS, LogRecord

__all__ = ["LOG_FIELDS", "RECORD_FIELDS", "FileStats", "LogRecord", "LogScan", "Reader", "read_logs",
           "rotation_order"]
