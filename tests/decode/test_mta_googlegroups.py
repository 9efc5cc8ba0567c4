"""Google Groups' refusals: the group is the recipient, the reason is the refused post."""

from __future__ import annotations

from bouncetui import decode

REFUSAL = """\
From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: carol@example.org
Subject: Delivery Status Notification (Failure)
Date: Wed, 04 Nov 2026 09:00:00 +0000
X-Failed-Recipients: hiking-club@googlegroups.com
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: 8bit

Hallo carol@example.org,

die Gruppe, die Sie kontaktieren wollten (hiking-club), existiert möglicherweise nicht.

 * Der Gruppenname ist eventuell falsch geschrieben.

Weitere Informationen: https://groups.google.com/support/

Google Groups

----- Original message -----

From: Carol <carol@example.org>
To: hiking-club@googlegroups.com
Subject: Saturday walk
Message-ID: <walk-42@example.org>
""".encode()


def test_group_refusal_is_a_rejected_post_to_the_group():
    (record,) = decode(REFUSAL, "groups.eml")
    assert record.decodedby == "GoogleGroups"
    assert record.recipient == "hiking-club@googlegroups.com"
    assert record.reason == "rejected"
    assert record.hardbounce is False
    assert record.addresser == "carol@example.org"
    assert record.messageid == "walk-42@example.org"
    assert "existiert" in record.diagnosticcode
    assert "Gruppenname" not in record.diagnosticcode  # the advice list is left out


def test_a_gmail_notice_without_the_groups_signature_is_not_claimed():
    plain = REFUSAL.replace(b"Google Groups\n", b"").replace(b"https://groups.google.com/support/", b"")
    assert all(r.decodedby != "GoogleGroups" for r in decode(plain, "x.eml"))
