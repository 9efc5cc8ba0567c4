"""Importing this module builds the classifier's tables: a fork server imports it once, so the
worker processes it forks start with them built instead of building them each (their regular
expressions are compiled in each worker as it first searches them: see classify.ready)."""

from bouncetui.classify import ready

ready()
