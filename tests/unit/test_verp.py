"""Return paths: VERP shapes decoded to the failed recipient, SRS and BATV unwrapped."""

from __future__ import annotations

import pytest

from bouncetui.verp import decode_verp, failed_recipient, unwrap, unwrap_batv, unwrap_srs


@pytest.mark.parametrize("address, recipient", [
    ("list+user=example.com@origin.example", "user@example.com"),              # Postfix +=
    ("<news+jo.e=example.co.jp@mail.example.jp>", "jo.e@example.co.jp"),
    ("list-bounces+user=example.com@lists.example", "user@example.com"),       # Mailman
    ("my-list-bounces+first-last=example.org@lists.example", "first-last@example.org"),
    ("list-return-42-user=example.com@lists.example", "user@example.com"),     # ezmlm
    ("bounce-user=example.com@host.example", "user@example.com"),              # qmail
    ("SRS0=HHH=TT=example.org=list+user=example.com@fwd.example", "user@example.com"),  # VERP inside SRS
    ("prvs=1234abcdef=list-return-7-u=example.net@lists.example", "u@example.net"),    # VERP inside BATV
])
def test_verp_shapes(address, recipient):
    assert decode_verp(address) == recipient


@pytest.mark.parametrize("address", [
    "plain@example.com", "first-last@example.com", "a=b@example.com", "list+tag@example.com",
    "list+user=nodot@origin.example", "", "not an address",
])
def test_not_verp(address):
    assert decode_verp(address) == ""


def test_a_known_qmail_prefix_settles_where_it_ends():
    assert decode_verp("my-list-first-last=example.org@host.example") == "list-first-last@example.org"
    assert decode_verp("my-list-first-last=example.org@host.example", prefix="my-list") == "first-last@example.org"


@pytest.mark.parametrize("address, inner", [
    ("SRS0=HHH=TT=example.com=user@fwd.example", "user@example.com"),
    ("srs0+HHH=TT=example.com=user@fwd.example", "user@example.com"),
    ("SRS1=HHH=fwd0.example==HHH=TT=example.com=user@fwd1.example", "user@example.com"),
    ("user@example.com", "user@example.com"),
])
def test_srs(address, inner):
    assert unwrap_srs(address) == inner


@pytest.mark.parametrize("address, inner", [
    ("prvs=1234abcdef=user@example.com", "user@example.com"),
    ("PRVS=1234ABCDEF=user@example.com", "user@example.com"),
    ("prvs=user=1234abcdef@example.com", "user@example.com"),  # the older order
    ("btv1==0b4e1d4d9a5==user@example.com", "user@example.com"),
    ("prvs-like@example.com", "prvs-like@example.com"),
])
def test_batv(address, inner):
    assert unwrap_batv(address) == inner


def test_unwrap_nested_wrappers():
    assert unwrap("SRS0=HHH=TT=example.com=prvs=1234abcdef=user@fwd.example") == "user@example.com"


def test_failed_recipient_takes_the_first_decodable_candidate():
    assert failed_recipient(["news@example.jp", "other@example.jp, list+a=example.net@example.jp",
                             "list+b=example.net@example.jp"]) == "a@example.net"
    assert failed_recipient(["news@example.jp", ""]) == ""
