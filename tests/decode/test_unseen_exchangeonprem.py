"""Unseen formats, Exchange Server 2010-2019 on premises: the "Delivery has failed to these
recipients or groups" NDR with its "Diagnostic information for administrators" section, in
Exchange 2010's "HOST #550 ... ##" form and 2013-2019's "Remote Server returned '...'" form:
a remote refusal and a nonexistent domain (SMTPSEND.DNS.NonExistentDomain), QUEUE.Expired with its
HTML twin, a full mailbox as the store driver reports it (STOREDRV ... QuotaExceededException), a
size limit on the route (ROUTING.SizeLimit) and a group restricted to authenticated senders
(RESOLVER.RST.AuthRequired), and an NDR as a mail client saves it, its text and HTML alternatives
only (no delivery-status part): Exchange 2007's ("recipients or distribution lists", "Sent by
Microsoft Exchange Server 2007", "#550 ... ##"), and 2016's with a remote refusal and "5.4.316 Message expired", and a
Japanese one sent as ISO-2022-JP text alone ("管理者用の診断情報", "リモート サーバーから '...' が返されました").

A delay notice ("Delivery is delayed to these recipients or groups", "400 4.4.7 Message delayed")
is a delay (expired, as Microsoft 365's own), and the relay notice ("Delivery to these recipients
or groups is complete, but no delivery notification was sent by the destination server") a
delivery, no failure.

QUEUE.Expired's "550 4.4.7" gives no reply code: the code's class contradicts the status, as in the
dev corpus's own QUEUE.Expired notice.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('exchangeonprem/ex2010-remote-and-dns.eml', [
        ('greta@example.net', '5.1.1', '550', '', 'userunknown', True),
        ('hugo@no-such-domain.example', '5.4.4', '554', '', 'hostunknown', True),
    ]),
    ('exchangeonprem/ex2013-queue-expired.eml', [
        ('jonas@example.com', '4.4.7', '', '', 'expired', False),
    ]),
    ('exchangeonprem/ex2016-storedrv-quota.eml', [
        ('lena.vogt@corp.example.org', '5.2.2', '554', '', 'mailboxfull', False),
    ]),
    ('exchangeonprem/ex2019-size-and-group-restriction.eml', [
        ('nils.berg@corp.example.org', '5.3.4', '550', '', 'emailtoolarge', False),
        ('allstaff@corp.example.org', '5.7.1', '550', '', 'securityerror', False),
    ]),
    ('exchangeonprem/ex2016-saved-without-dsn.eml', [
        ('pablo@example.net', '5.1.1', '550', '', 'userunknown', True),
        ('quentin@example.com', '5.4.316', '550', '', 'expired', False),
    ]),
    ('exchangeonprem/ex2013-delivery-delayed.eml', [
        ('jonas@example.com', '4.4.7', '400', '', 'expired', False),
    ]),
    ('exchangeonprem/ex2016-relayed-no-notification.eml', [
        ('pablo@example.net', '2.0.0', '', '', 'delivered', False),
    ]),
    ('exchangeonprem/ex2007-saved-distribution-lists.eml', [
        ('sam.old@corp.example.org', '5.1.1', '550', '', 'userunknown', True),
        ('tina@example.net', '5.7.1', '554', '', 'norelaying', False),
    ]),
    ('exchangeonprem/ex2016-ja-saved-text-only.eml', [
        ('taro.yamada@example.co.jp', '5.1.1', '550', '', 'userunknown', True),
        ('hanako@partner.example.jp', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


@pytest.mark.parametrize(("name", "hosts"), [
    # Exchange 2010's "mx1.example.net #550 ... ##": the host the reply came from; none for a DNS failure
    ('exchangeonprem/ex2010-remote-and-dns.eml', [('mx1.example.net', 'exhub01.corp.example.org'),
                                                  ('', 'exhub01.corp.example.org')]),
    # without a delivery-status part: the remote host from the recipient's own entry only (the
    # other recipient's "Remote Server at ..." is not its), the reporting host from "Generating server"
    ('exchangeonprem/ex2016-saved-without-dsn.eml', [('mx.example.net', 'ex16-02.corp.example.org'),
                                                     ('', 'ex16-02.corp.example.org')]),
    ('exchangeonprem/ex2007-saved-distribution-lists.eml', [('', 'ex07hub.corp.example.org'),
                                                            ('mx.example.net', 'ex07hub.corp.example.org')]),
])
def test_remote_and_reporting_hosts(name: str, hosts: list[tuple[str, str]]) -> None:
    assert [(r.rhost, r.lhost) for r in records(name)] == hosts


@pytest.mark.parametrize(("name", "original"), [
    ('exchangeonprem/ex2016-saved-without-dsn.eml', ('Delivery note 4471', 'dn4471@EX16-02.corp.example.org')),
    ('exchangeonprem/ex2016-ja-saved-text-only.eml', ('見積書の件', 'mitsumori.1125@corp.example.co.jp')),
    ('exchangeonprem/ex2007-saved-distribution-lists.eml', ('Travel request', 'travel.1123@EX07MBX.corp.example.org')),
])
def test_saved_ndr_is_read_as_exchange(name: str, original: tuple[str, str]) -> None:
    """An NDR without its delivery-status part is still Exchange's, read from its own sections:
    its diagnostic is the remote server's reply alone, and the returned message is the one whose
    headers it quotes."""
    got = records(name)
    assert {r.decodedby for r in got} == {"Exchange2007"}
    assert all(r.diagnosticcode.startswith("55") for r in got)
    assert {(r.subject, r.messageid) for r in got} == {original}


@pytest.mark.parametrize(("name", "action"), [
    ('exchangeonprem/ex2013-delivery-delayed.eml', 'delayed'),
    ('exchangeonprem/ex2016-relayed-no-notification.eml', 'relayed'),
])
def test_delay_and_relay_notices_keep_their_action(name: str, action: str) -> None:
    assert [(r.action, r.rhost) for r in records(name)] == [(action, 'mx.example.com' if action == 'delayed'
                                                                else 'mx.example.net')]
