"""Importing this module compiles the classifier's tables: a fork server imports it once, so the
worker processes it forks start with them compiled instead of compiling them each."""

from bouncetui.classify import ready

ready()
