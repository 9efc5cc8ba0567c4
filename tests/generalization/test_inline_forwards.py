"""A bounce a colleague forwarded inline is decoded as the bounce it carries, by the decoder of the
MTA that wrote it, though the forward kept only the notice's From, Date, Subject and To.

Decoders that recognise their notices by a header field of their own (X-MS-Exchange-*, X-Mailer,
X-MX-Bounce, X-Failed-Recipients, ...) recognise a forwarded one by its text; a notice that was not
forwarded still needs the header. What a forward cannot keep is listed by `copies.forward_loss`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bouncetui import decode
from tests.generalization.copies import forward_inline, forward_inline_all, forward_loss
from tests.generalization.survey import differences, message_files, records
from tests.generalization.transforms import EXPLORATORY, TRANSFORMS

ROOT = Path(__file__).resolve().parents[2]
FORWARDED = Path(__file__).parent / "fixtures" / "forwarded"
HAND_WRITTEN = [ROOT / "tests" / "decode" / "fixtures", ROOT / "tests" / "generalization" / "fixtures",
                ROOT / "tests" / "fixtures" / "bounces"]

# (fixture, (recipient, reason, status, reply code, decoded by))
CASES = [
    # Outlook in French: "-----Message d'origine-----", "De :", "Envoyé :", "À :", "Objet :"
    ("outlook-fr-forwarded-exchange-ndr.eml",
     ("paul.durand@client.example.com", "userunknown", "5.1.1", "550", "Exchange2007")),
    # Outlook in Japanese: "差出人:", "送信日時:", "宛先:", "件名:"; an Office 365 notice in Japanese
    ("outlook-ja-forwarded-office365-ndr.eml",
     ("tsubasa@example.ne.jp", "userunknown", "5.1.1", "550", "Office365")),
    # Thunderbird's "-------- Forwarded Message --------" with tab-separated fields
    ("thunderbird-forwarded-google-groups.eml",
     ("team-ops@googlegroups.com", "rejected", "", "", "GoogleGroups")),
    # Apple Mail's "Begin forwarded message:", its own date form ("27 November 2026 at ...")
    ("apple-mail-forwarded-mxlogic.eml",
     ("orders@customer.example.com", "userunknown", "5.1.1", "550", "MXLogic")),
    ("gmail-forwarded-imail.eml", ("sales@example.net", "userunknown", "5.1.1", "550", "IMailServer")),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_forwarded_notice_is_decoded_by_its_mtas_decoder(name, expected):
    (record,) = decode((FORWARDED / name).read_bytes(), name)
    assert (record.recipient, record.reason, record.deliverystatus, record.replycode, record.decodedby) == expected
    assert record.addresser != "helpdesk@contoso-example.co.jp"  # the notice's addressee, not the forward's


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_an_inline_forward_forwarded_again_as_an_attachment(name, expected):
    # A colleague's forward passed on to the postmaster as an attached message: the attached
    # message is itself an inline forward, and the bounce inside it is still the one read.
    forward = (FORWARDED / name).read_bytes().replace(b"\r\n", b"\n").rstrip(b"\n")
    attached = (b"From: Ops <ops@example.org>\nTo: postmaster@example.org\nSubject: Fwd: returned mail\n"
                b"Date: Sat, 28 Nov 2026 06:00:00 +0000\nMIME-Version: 1.0\n"
                b'Content-Type: multipart/mixed; boundary="b-1"\n\n--b-1\nContent-Type: text/plain\n\n'
                b"See below.\n\n--b-1\nContent-Type: message/rfc822\n\n" + forward + b"\n\n--b-1--\n")
    (record,) = decode(attached, name)
    assert (record.recipient, record.reason, record.deliverystatus, record.replycode, record.decodedby) == expected


def test_the_group_is_the_one_the_google_groups_text_names():
    """The returned post went to the group and a person: the group named in the text is the
    recipient that failed (X-Failed-Recipients, which said so, is not in a forward)."""
    (record,) = decode((FORWARDED / "thunderbird-forwarded-google-groups.eml").read_bytes(), "gg")
    assert (record.recipient, record.messageid) == ("team-ops@googlegroups.com", "maint-0412@example.jp")


def test_the_notices_time_not_the_forwards():
    """A client's own date form (Apple Mail's "27 November 2026 at 23:45:10 GMT+9") is not read;
    the time comes from the notice's returned message, not from the forward's Date."""
    (record,) = decode((FORWARDED / "apple-mail-forwarded-mxlogic.eml").read_bytes(), "mxl")
    assert record.timestamp == 1795790700  # Fri, 27 Nov 2026 23:45:00 +0900, the returned message's


def test_without_a_forward_the_header_is_still_required():
    """The same IMail text with no X-Mailer, not forwarded, is not taken for IMail's."""
    data = (FORWARDED / "gmail-forwarded-imail.eml").read_bytes()
    notice = data.split(b"---------- Forwarded message ---------\n", 1)[1]
    records_ = decode(notice, "bare")
    assert records_ and all(r.decodedby != "IMailServer" for r in records_)


def test_every_hand_written_notice_survives_an_inline_forward():
    """Each hand-written fixture, forwarded inline, gives the records it gives as it is (those
    whose records a forward cannot keep aside, see forward_loss)."""
    changed = []
    count = 0
    for path in message_files(HAND_WRITTEN):
        data = path.read_bytes().replace(b"\r\n", b"\n")
        out = forward_inline(data)
        if out is None:
            continue
        count += 1
        diff = differences(records(data), records(out))
        if diff:
            changed.append("%s: %s" % (path.name, "; ".join(diff[:3])))
    assert count > 200
    assert changed == []


# What a client does to the forward itself: sends its text as HTML only, saves the delivery-status
# attachment as text ("details.txt"), writes CRLF. McAfee's notice, forwarded without X-NAI-Header,
# is McAfee's by the name of its delivery-status part, which a client that renames it loses.
AFTER_FORWARD = {"text_as_html": (), "dsn_as_text": ("McAfee",), "crlf": ()}


@pytest.mark.parametrize("name", sorted(AFTER_FORWARD))
def test_a_forward_as_clients_write_it_keeps_the_records(name):
    every = {**TRANSFORMS, **EXPLORATORY}
    changed = []
    for path in message_files(HAND_WRITTEN):
        data = path.read_bytes().replace(b"\r\n", b"\n")
        forwarded = forward_inline(data)
        out = every[name](forwarded) if forwarded is not None else None
        if out is None:
            continue
        before = records(data)
        if any(r.get("decodedby") in AFTER_FORWARD[name] for r in before):
            continue
        diff = differences(before, records(out))
        if diff:
            changed.append("%s: %s" % (path.name, "; ".join(diff[:3])))
    assert changed == []


@pytest.mark.parametrize(("fixture", "loss"), [
    ("tests/decode/fixtures/unseen/localized/gmail-ja-send-mail-as-no-dsn.eml",
     "a recipient named only in X-Failed-Recipients"),
    ("tests/decode/fixtures/unseen/webproviders/zoho-two-recipients.eml", "no Date field in RFC 5322 form"),
    ("tests/generalization/fixtures/domain/vac-bulk.eml", "an auto-reply by its header fields"),
    ("tests/generalization/fixtures/copies/dsn-without-to-x-original-to.eml", "the addresser only in X-Original-To"),
])
def test_what_a_forward_cannot_keep_is_named(fixture, loss):
    """These lose what their records are made of in a forward: forward_loss says why, and
    forward_inline (the metamorphic tests' transformation) leaves them out."""
    data = (ROOT / fixture).read_bytes()
    assert forward_loss(data) == loss
    assert forward_inline(data) is None and forward_inline_all(data) is not None
    assert differences(records(data), records(forward_inline_all(data)))


BLOCKS = {
    "Outlook on the web": "________________________________\nFrom: {sender}\nSent: Friday, November 27, 2026 "
                          "6:44 PM\nTo: ken@example.co.jp\nSubject: {subject}\n",
    "Thunderbird in French": "-------- Message transféré --------\nSujet : \t{subject}\nDate : \t{date}\n"
                             "De : \t{sender}\nPour : \tken@example.co.jp\n",
    "Outlook in German": "-----Ursprüngliche Nachricht-----\nVon: {sender}\nGesendet: Freitag, 27. November 2026 "
                         "18:44\nAn: ken@example.co.jp\nBetreff: {subject}\n",
    "Apple Mail in Japanese": "Begin forwarded message:\n\n差出人: {sender}\n件名: {subject}\n日付: 2026年11月27日 "
                              "18:44:10 JST\n宛先: ken@example.co.jp\n",
}


@pytest.mark.parametrize("client", sorted(BLOCKS))
def test_the_forwarded_block_as_each_client_writes_it(client):
    """The notice's sender, subject and (in RFC 5322 form only) date, whatever the client and its
    language call the fields."""
    from bouncetui.decode.forwarded import inline_forward
    from bouncetui.decode.message import Message

    block = BLOCKS[client].format(sender="Mail Delivery System <MAILER-DAEMON@mx.example.net>",
                                  subject="Undelivered Mail Returned to Sender",
                                  date="Fri, 27 Nov 2026 18:44:10 +0900")
    forward = ("From: Ken <ken@example.co.jp>\nTo: help@example.co.jp\nSubject: Fwd: Undelivered Mail\n"
               "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nPlease look.\n\n" + block +
               "\nThis is the mail system at host mx.example.net.\n").encode()
    rebuilt = Message.parse(inline_forward(Message.parse(forward)))
    assert rebuilt.sender == "Mail Delivery System <MAILER-DAEMON@mx.example.net>"
    assert rebuilt.subject == "Undelivered Mail Returned to Sender"
    assert rebuilt.header("Date") == ("Fri, 27 Nov 2026 18:44:10 +0900" if "{date}" in BLOCKS[client] else "")
    assert rebuilt.body.startswith("This is the mail system")
