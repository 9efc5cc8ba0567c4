"""Header fields read the same however a mailer wrote them: folded anywhere, with blanks after."""

from __future__ import annotations

from pathlib import Path

from bouncetui import decode

NOTICE = """\
From: MAILER-DAEMON@mail.example.de
To: noboru@example.jp
Subject: Unzustellbar: Hello
Date: Fri, 27 Nov 2026 13:00:09 +0900
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
{cte}

Ihre Nachricht konnte nicht zugestellt werden.

Empf=E4nger: jonas@example.de
Grund: Die E-Mail-Adresse des Empf=E4ngers wurde nicht gefunden.

--- Original message follows ---
From: noboru@example.jp
To: jonas@example.de
Subject: Hello
"""


def test_a_transfer_encoding_with_a_blank_after_it_or_folded_is_still_that_encoding():
    """"quoted-printable " and "Content-Transfer-Encoding:\\n quoted-printable": the standard
    library reads no encoding from either, and would leave "=E4" in the diagnostic."""
    written = [
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Transfer-Encoding: quoted-printable ",
        "Content-Transfer-Encoding:\n quoted-printable",
        "Content-Transfer-Encoding: Quoted-Printable\t",
    ]
    results = []
    for cte in written:
        (record,) = decode(NOTICE.format(cte=cte).encode("latin-1"))
        results.append((record.recipient, record.reason, record.diagnosticcode))
    assert results[0][0] == "jonas@example.de"
    assert "Empfänger" in results[0][2]
    assert results == [results[0]] * len(written)


DSN = """\
From: MAILER-DAEMON@mx.example.net
To: owner@example.jp
Subject: Undelivered Mail Returned to Sender
Date: Fri, 27 Nov 2026 13:00:09 +0900
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

Your message could not be delivered.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; gone@example.net
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <gone@example.net>: User unknown

--B
Content-Type: text/rfc822-headers

From: owner@example.jp
To: gone@example.net
Subject: {subject}
Message-ID: <subject-1@example.jp>

--B--
"""


def test_a_subject_folded_before_an_encoded_word_keeps_its_blank():
    """"[TEST]\\n =?ISO-2022-JP?B?...?=" unfolds to "[TEST] =?...?=": the blank is text."""
    one_line = "[TEST] =?ISO-2022-JP?B?GyRCJWYhPCU2ITxFUE8/GyhC?="
    for subject in (one_line, "[TEST]\n =?ISO-2022-JP?B?GyRCJWYhPCU2ITxFUE8/GyhC?=",
                    "[TEST]\n\t=?ISO-2022-JP?B?GyRCJWYhPCU2ITwbKEI=?=\n =?ISO-2022-JP?B?GyRCRVBPPxsoQg==?="):
        (record,) = decode(DSN.format(subject=subject).encode())
        assert record.subject == "[TEST] ユーザー登録", subject


FIXTURES = Path(__file__).resolve().parents[1] / "decode" / "fixtures" / "unseen"


def tagged(path: Path, tag: bytes) -> bytes:
    return path.read_bytes().replace(b"\nSubject: ", b"\nSubject: " + tag, 1)


def test_a_subject_tag_a_gateway_added_changes_nothing():
    """"[EXTERNAL] ", "***SPAM*** ", "{Spam?} " before the subject: decoders that know a mailer by
    its subject (MailMarshal's 'Undeliverable Mail: "...') still know it."""
    path = FIXTURES / "legacyservers" / "mailmarshal-two-recipients.eml"
    plain = [(r.recipient, r.reason, r.decodedby) for r in decode(path.read_bytes())]
    assert len(plain) == 2 and plain[0][2] == "MailMarshalSMTP"
    for tag in (b"[EXTERNAL] ", b"***SPAM*** ", b"{Spam?} ", b"[EXT]: [SUSPICIOUS] "):
        assert [(r.recipient, r.reason, r.decodedby) for r in decode(tagged(path, tag))] == plain, tag


def test_a_tagged_reply_about_a_bounce_is_still_a_reply():
    """A person answering ("Re: ...") is no bounce, with a tag before the Re: too."""
    for name in ("person-discussing-exim-bounce.eml", "postmaster-human-reply.eml"):
        path = FIXTURES / "negatives" / name
        assert decode(path.read_bytes()) == []
        assert decode(tagged(path, b"[EXTERNAL] ")) == [], name
