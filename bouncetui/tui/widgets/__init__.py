"""The explorer's widgets: the virtual bounce list, details, reason panel, filter and status bars."""
