"""Microsoft Exchange on premises: 2003's plain-text notices and 2007's localised NDR with a DSN."""

from __future__ import annotations

from bouncetui import decode

EXCHANGE2003 = b"""\
From: System Administrator <postmaster@corp.example.com>
To: sender@example.org
Subject: Undeliverable: budget
X-Mailer: Internet Mail Service (5.5.2653.19)
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="NP"

--NP
Content-Type: text/plain; charset="iso-8859-1"

Your message

  To:      first@corp.example.com
  Subject: budget
  Sent:    Mon, 2 Nov 2026 09:00:00 +0100

did not reach the following recipient(s):

first@corp.example.com on Mon, 2 Nov 2026 09:00:05 +0100
    The recipient name is not recognized
\tThe MTS-ID of the original message is: c=us;a= ;p=corp;l=MAIL0000
    MSEXCH:IMS:CORP:SITE:MAIL 0 (000C05A6) Unknown Recipient
second@corp.example.com on Mon, 2 Nov 2026 09:00:05 +0100
    The recipient name is not recognized

--NP
Content-Type: message/rfc822

From: sender@example.org
To: first@corp.example.com
Subject: budget

numbers
--NP--
"""

EXCHANGE2007 = """\
From: postmaster@corp.example.fr
To: sender@example.org
Subject: Non remis : rapport
Content-Language: fr-FR
X-MS-Exchange-Message-Is-Ndr:
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain; charset="utf-8"

\u00c9chec de la remise pour ces destinataires ou groupes :

absent@corp.example.fr

Informations de diagnostic pour les administrateurs :

Serveur de g\u00e9n\u00e9ration : MAIL01.corp.example.fr
Receiving server: mx.corp.example.fr (192.0.2.30)

absent@corp.example.fr
Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'

--B
Content-Type: message/delivery-status

Reporting-MTA: dns;MAIL01.corp.example.fr

Final-recipient: RFC822; absent@corp.example.fr
Action: failed
Status: 5.1.1

--B
Content-Type: text/rfc822-headers

From: sender@example.org
To: absent@corp.example.fr
Subject: rapport

--B--
""".encode()


def test_exchange2003_recipients_and_their_explanations():
    first, second = decode(EXCHANGE2003)
    assert (first.decodedby, first.recipient) == ("Exchange2003", "first@corp.example.com")
    assert first.diagnosticcode.startswith("The recipient name is not recognized MSEXCH:IMS:")
    assert "MTS-ID" not in first.diagnosticcode
    assert first.reason == "userunknown"  # Exchange's own words for a missing recipient
    assert (second.recipient, second.diagnosticcode) == ("second@corp.example.com", "The recipient name is not recognized")
    assert first.addresser == "sender@example.org"


def test_exchange2007_localised_text_completes_the_dsn():
    (rec,) = decode(EXCHANGE2007)
    assert (rec.decodedby, rec.recipient, rec.deliverystatus) == ("Exchange2007", "absent@corp.example.fr", "5.1.1")
    assert rec.diagnosticcode == "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"
    assert (rec.replycode, rec.rhost, rec.lhost) == ("550", "mx.corp.example.fr", "mail01.corp.example.fr")


EXPIRED = b"""\
From: postmaster@corp.example.com
Subject: Undeliverable: report
Content-Language: en-US
X-MS-Exchange-Message-Is-Ndr:
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="E"

--E
Content-Type: text/plain; charset="us-ascii"

Delivery has failed to these recipients or groups:

far@example.net

Diagnostic information for administrators:

Generating server: mail.corp.example.com
Receiving server: mx.example.net (192.0.2.3)

far@example.net
11/2/2026 8:05:56 PM - Remote Server at mx.example.net (192.0.2.3) returned '550 4.4.7 QUEUE.Expired; message expired'
11/2/2026 7:58:27 PM - Remote Server at mx.example.net (192.0.2.3) returned '451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped." Attempted failover to alternate host, but that did not succeed.'

--E
Content-Type: message/delivery-status

Reporting-MTA: dns;mail.corp.example.com

Final-recipient: RFC822; far@example.net
Action: failed
Status: 4.4.7
Remote-MTA: dns;mx.example.net
Diagnostic-code: smtp;550 4.4.7 QUEUE.Expired; message expired

--E--
"""


def test_exchange_queue_expiry_keeps_the_cause():
    (rec,) = decode(EXPIRED)
    assert (rec.reason, rec.deliverystatus, rec.replycode) == ("expired", "4.4.2", "451")  # the remote's own code
    assert rec.diagnosticcode.startswith("451 4.4.0 Primary target IP address responded with")
