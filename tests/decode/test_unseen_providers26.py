"""Unseen formats, the big providers' own reports and their replies relayed by other MTAs: Amazon SES's
notifications in the forms SNS delivers them (an "Email-JSON" subscription's envelope with the
notification as a string, event publishing's eventType, a quoted-printable body) and its documented
subtypes (Transient MailboxFull, MessageTooLarge, AttachmentRejected; Permanent Suppressed and
OnAccountSuppressionList; a DeliveryDelay event for two recipients; a complaint and a Reject (virus)
event); its mail report for two recipients (an expiry quoting the last remote reply, Outlook.com's
5.5.0); SES receiving's receipt-rule bounces (CRLF); Amazon WorkMail's notice (Exchange Online's
5.4.1, an SES expiry); Gmail's current notices (a final failure after retries beside an unknown
address, CRLF line ends and text/rfc822-headers, and the same saved without its delivery-status
part; "Delivery incomplete" on a DNS SERVFAIL; a remote size limit) and Gmail's replies as Exim
relays them (DisabledUser, MaxSizeError, a recipient domain's policy, DMARC, a sending domain's low
reputation); a Google Groups refusal for a Workspace group in German, base64; Exchange Online NDRs
saved without their delivery-status part in Italian and Brazilian Portuguese (5.7.133 group
restriction, 5.1.10, a remote full mailbox), and an on-premises Exchange 2016 NDR saved the same way
in Dutch; an Exchange 2013 store driver's quota exception under 5.2.0; Yahoo's "Failure Notice" with
its bracketed stage tags and its "No MX or A records for"; Orange's OFR codes and the US cable
providers' block-list codes relayed by Postfix; Zoho's spam verdict at RCPT TO and after DATA (a
verdict before DATA judges the sender, not the message); Oracle Communications Messaging Server's
report for three recipients (a local quota, two remote refusals).
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('providers26/ses-email-json-envelope-mailboxfull.eml', [
        ('mia.wong@example.org', '4.2.2', '452', '', 'mailboxfull', False),
    ]),
    ('providers26/ses-event-onaccountsuppressionlist-qp.eml', [
        ('olivier@example.net', '5.1.1', '', '', 'suppressed', False),
    ]),
    ('providers26/ses-permanent-suppressed.eml', [
        ('gone.away@example.com', '5.1.1', '', '', 'suppressed', False),
    ]),
    ('providers26/ses-transient-attachmentrejected.eml', [
        ('paul.reader@gmail.com', '5.7.0', '552', '', 'policyviolation', False),
    ]),
    ('providers26/ses-transient-messagetoolarge.eml', [
        ('archive@example.org', '5.3.4', '552', '', 'emailtoolarge', False),
    ]),
    ('providers26/ses-event-deliverydelay-two.eml', [
        ('nina@example.net', '4.3.0', '451', '', 'systemerror', False),
        ('omar@example.jp', '4.7.1', '450', '', 'blocked', False),
    ]),
    ('providers26/ses-event-complaint-abuse.eml', [
        ('yuki@example.jp', '', '', '', 'feedback', False),
    ]),
    # SES found a virus and sent the message to no one (its Reject event)
    ('providers26/ses-event-reject-virus.eml', [
        ('ken@example.jp', '', '', '', 'virusdetected', False),
        ('rin@example.jp', '', '', '', 'virusdetected', False),
    ]),
    # SES receiving: a receipt rule's Bounce action with its documented templates, CRLF
    ('providers26/receivingses-receipt-rule-bounces-crlf.eml', [
        ('archive@inbox.receiver-example.org', '5.2.2', '552', '', 'mailboxfull', False),
        ('intake@inbox.receiver-example.org', '5.3.4', '552', '', 'emailtoolarge', False),
    ]),
    # WorkMail: Exchange Online's directory-based edge blocking (5.4.1), and SES's expiry quoting the
    # last remote reply
    ('providers26/amazonworkmail-access-denied-and-expired.eml', [
        ('eric@fabrikam-example.com', '5.4.1', '550', '', 'userunknown', True),
        ('fran@slow-example.net', '4.4.2', '421', '', 'expired', False),
    ]),
    ('providers26/ses-mail-dsn-two-recipients.eml', [
        ('wes@example.org', '4.4.7', '421', '', 'expired', False),
        ('xena@outlook-example.com', '5.5.0', '550', '', 'userunknown', True),
    ]),
    ('providers26/gmail-final-connect-and-unknown-crlf.eml', [
        ('board@slow-example.org', '4.4.1', '', '', 'expired', False),
        ('treasurer@example.net', '5.1.1', '550', '', 'userunknown', True),
    ]),
    # the same notice as a mail client saved it, without the delivery-status part: each recipient's
    # own section of the text
    ('providers26/gmail-two-recipients-saved-without-dsn.eml', [
        ('board@slow-example.org', '', '', '', 'expired', False),
        ('treasurer@example.net', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('providers26/gmail-delivery-incomplete-dns.eml', [
        ('orders@broken-dns-example.jp', '4.4.3', '', '', 'networkerror', False),
    ]),
    ('providers26/gmail-remote-message-too-large.eml', [
        ('print@shop-example.org', '5.3.4', '552', '', 'emailtoolarge', False),
    ]),
    ('providers26/exim-to-gmail-replies.eml', [
        ('old.member@gmail.com', '5.2.1', '550', 'RCPT', 'suspend', False),
        ('photos.member@gmail.com', '5.2.3', '552', 'DATA', 'emailtoolarge', False),
        ('staff@workspace-example.com', '5.7.1', '550', 'DATA', 'policyviolation', False),
        ('press@workspace-example.net', '5.7.26', '550', 'DATA', 'authfailure', False),
        ('volunteer@gmail.com', '5.7.1', '550', 'DATA', 'badreputation', False),
    ]),
    ('providers26/googlegroups-workspace-de-base64.eml', [
        ('vorstand@firma-example.de', '', '', '', 'rejected', False),
    ]),
    ('providers26/office365-it-saved-group-restriction.eml', [
        ('consiglio@fabrikam-example.it', '5.7.133', '550', '', 'rejected', False),
    ]),
    ('providers26/office365-ptbr-saved-two-recipients.eml', [
        ('joao@fabrikam-example.com.br', '5.1.10', '550', '', 'userunknown', True),
        ('beatriz@example.com.br', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('providers26/exchange2016-nl-saved-without-dsn.eml', [
        ('piet@example.nl', '5.1.1', '550', '', 'userunknown', True),
    ]),
    # the store driver's quota exception under Exchange 2013's undefined 5.2.0: a full mailbox
    ('providers26/exchange2013-storedrv-quota-5.2.0.eml', [
        ('mara.keller@corp-example.com', '5.2.0', '554', '', 'mailboxfull', False),
    ]),
    ('providers26/yahoo-failure-notice-three.eml', [
        ('sam@example.org', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('tina@example.net', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
        ('uma@example.jp', '5.7.1', '554', 'DATA', 'spamdetected', False),
    ]),
    # Yahoo's own words when the domain has no mail host, and a refusal at the connection
    ('providers26/yahoo-failure-notice-no-mx.eml', [
        ('vic@no-mx-example.net', '', '', '', 'hostunknown', True),
        ('wanda@example.org', '4.7.0', '421', 'CONN', 'ratelimited', False),
    ]),
    # US cable providers' block-list codes (Comcast's #BL, Cox's AUP#CX, Spectrum's AUP#In-)
    ('providers26/postfix-to-us-isps.eml', [
        ('gary@comcast.net', '5.0.0', '554', 'CONN', 'blocked', False),
        ('holly@cox.net', '5.0.0', '554', 'CONN', 'blocked', False),
        ('ivan@charter.net', '5.7.1', '554', 'CONN', 'blocked', False),
    ]),
    ('providers26/postfix-to-orange.eml', [
        ('claire.martin@orange.fr', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('denis.petit@wanadoo.fr', '5.1.1', '552', 'RCPT', 'mailboxfull', False),
        ('eloise@orange.fr', '5.0.0', '550', 'CONN', 'blocked', False),
    ]),
    # the same Zoho spam verdict at RCPT TO (before the message: the sender is refused) and after DATA
    ('providers26/postfix-to-zoho-spam-stages.eml', [
        ('arjun@zohomail.in', '5.7.1', '554', 'RCPT', 'rejected', False),
        ('bela@company-example.in', '5.7.1', '554', 'DATA', 'spamdetected', False),
        ('chitra@zohomail.in', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
    ('providers26/messagingserver-three-recipients.eml', [
        ('student.a@univ-example.edu', '5.2.2', '', '', 'mailboxfull', False),
        ('visitor@example.com', '5.1.1', '550', '', 'userunknown', True),
        ('partner@example.net', '5.7.1', '554', '', 'norelaying', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


@pytest.mark.parametrize("name", ["providers26/office365-it-saved-group-restriction.eml",
                                  "providers26/office365-ptbr-saved-two-recipients.eml"])
def test_exchange_online_ndr_in_other_languages_is_exchange_onlines(name: str) -> None:
    """An Exchange Online NDR in Italian or Portuguese is read as Exchange Online's (its generating
    server in Microsoft's datacentres), not as an on-premises Exchange's."""
    got = {(r.decodedby, r.lhost) for r in records(name)}
    assert len(got) == 1
    decodedby, lhost = got.pop()
    assert decodedby == "Office365"
    assert lhost.endswith(".prod.outlook.com")


def test_exchange_ndr_in_dutch_is_read_from_its_administrators_section() -> None:
    """Exchange's Dutch labels ("Diagnostische informatie voor beheerders", "Genererende server",
    "De externe server heeft '...' geretourneerd"): the remote reply alone, and the remote host."""
    (rec,) = records("providers26/exchange2016-nl-saved-without-dsn.eml")
    assert (rec.decodedby, rec.rhost, rec.lhost) == ("Exchange2007", "mx.example.nl", "ex01.fabrikam-example.nl")
    assert rec.diagnosticcode.startswith("550 5.1.1 <piet@example.nl>")


def test_ses_envelope_and_event_keep_the_original_message() -> None:
    """The SNS envelope's inner notification and an event's mail object give the original's sender,
    subject and Message-ID."""
    (rec,) = records("providers26/ses-email-json-envelope-mailboxfull.eml")
    assert (rec.decodedby, rec.subject, rec.messageid, rec.action) == (
        "AmazonSES", "November digest", "digest-2026-11-4471@mail.shop-example.com", "failed")
    (rec,) = records("providers26/ses-event-complaint-abuse.eml")
    assert (rec.feedbacktype, rec.subject, rec.addresser) == ("abuse", "Black Friday", "shop@store-example.jp")
    (rec,) = records("providers26/ses-event-onaccountsuppressionlist-qp.eml")
    assert (rec.decodedby, rec.subject, rec.addresser) == ("AmazonSES", "Your invoice is ready",
                                                          "billing@accounts-example.com")
