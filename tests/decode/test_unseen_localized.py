"""Unseen formats, localized notices: bounces in the reader's language and in the encodings Japanese and
European mail really arrives in.

- Gmail's notice in Japanese (base64 UTF-8), German and French (quoted-printable), Spanish (a delay
  notice), each with its delivery-status part; and a Japanese notice whose delivery-status part is
  empty (Google refused the mail itself), where the remote server's words follow the localized
  "The response from the remote server was:" ("リモート サーバーからの応答:"). Google's headlines
  and explanations are written from its localized notices as known; the exact sentences, and the
  localized "response" labels other than Japanese, are not documented and may differ.
- Exchange on premises in Japanese (RESOLVER.ADR.RecipNotFound in the administrators' section;
  "リモート サーバーから '...' が返されました" with no Diagnostic-Code), Microsoft 365 in French
  and Spanish, and in Japanese without a delivery-status part. The labels ("管理者用の診断情報",
  "生成元サーバー", "Informations de diagnostic pour les administrateurs", ...) are Exchange's as
  known; the French and Spanish sentences around them are not verified word for word.
- Postfix with a Japanese (ISO-2022-JP) bounce template reporting refusals by Yahoo! JAPAN,
  @nifty, OCN and BIGLOBE and a domain that does not exist: the replies are standard Postfix
  wording, since these providers do not document their exact reply texts.
- Plain-text notices of Japanese mail servers in every encoding: Shift_JIS labelled ISO-2022-JP
  (a charset that lies), ISO-2022-JP with no MIME headers at all, ISO-2022-JP in base64,
  Shift_JIS in quoted-printable, EUC-JP in base64, UTF-8 in quoted-printable and 8-bit, JIS under
  a us-ascii label, ISO-2022-JP as Windows writes it (NEC characters such as ① and ㈱, which
  Python's codec refuses), an address with the notice's words written straight after it
  ("kenji@example.co.jpへのメールは"), a footer naming a contact address that is no recipient
  ("お問い合わせは support@... まで"), a notice sent to a list's bounce address that names the
  mail's sender on a "送信者:" line (no recipient), from a sender that is no mailer-daemon (only the folded MIME-encoded subject
  says it is a bounce), a multipart/mixed notice in Shift_JIS whose attached original has raw
  (unencoded) ISO-2022-JP headers, an HTML-only notice in Shift_JIS laid out as a table; the reasons come from Japanese wording alone (no reply code): a missing
  user or account, a suspended address, a virus, a full mailbox, a size limit, a retry period that ran out, a spam verdict, the
  recipient's refusal settings, a domain that does not exist. The layout is the common one of
  such notices (宛先 / 理由 lines, then the original's headers), not one provider's.
- Notices from senders that are no mailer-daemon, recognised by their subject alone (a Shift_JIS
  subject in Q encoding, "【送信エラー】"; German "Zustellung fehlgeschlagen") and a server's reply.
- German (Latin-1, quoted-printable), French (Latin-1, quoted-printable) and Spanish (UTF-8,
  base64) plain-text notices with no reply code, and a French one in UTF-8 under an ISO-8859-1
  label (a mailer's default label).
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('localized/gmail-ja-address-not-found.eml', [
        ('yuki.sato@example.co.jp', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('localized/gmail-de-address-not-found.eml', [
        ('lena.mueller@example.de', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('localized/gmail-fr-mailbox-full.eml', [
        ('camille@example.fr', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('localized/gmail-es-delivery-incomplete.eml', [
        ('pablo@example.es', '4.4.1', '', '', 'expired', False),
    ]),
    ('localized/gmail-ja-send-mail-as-no-dsn.eml', [
        ('kenta@example.jp', '5.7.8', '535', 'EHLO', 'rejected', False),
    ]),
    ('localized/exchange-ja-onprem-recipnotfound.eml', [
        ('kimura@corp.example.co.jp', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('localized/exchange-ja-onprem-remote-returned.eml', [
        ('mori@example.ne.jp', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('localized/office365-fr-recipient-not-found.eml', [
        ('hugo.martin@fabrikam-example.fr', '5.1.10', '550', '', 'userunknown', True),
    ]),
    ('localized/office365-es-mailbox-full.eml', [
        ('lucia@example.es', '5.2.2', '554', '', 'mailboxfull', False),
    ]),
    ('localized/office365-ja-without-dsn.eml', [
        ('tsubasa@example.ne.jp', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('localized/postfix-ja-template-isps.eml', [
        ('akira@yahoo.co.jp', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('emi@nifty.com', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
        ('goro@ocn.ne.jp', '5.7.1', '554', 'DATA', 'spamdetected', False),
        ('ichika@biglobe.ne.jp', '5.3.4', '552', 'DATA', 'emailtoolarge', False),
        ('jun@no-such-isp.example.jp', '5.4.4', '', '', 'hostunknown', True),
    ]),
    ('localized/notice-shiftjis-labelled-iso2022jp.eml', [
        ('takumi@example.co.jp', '', '', '', 'userunknown', True),
    ]),
    ('localized/notice-jis-without-charset.eml', [
        ('hina@example.ne.jp', '', '', '', 'filtered', False),
    ]),
    ('localized/notice-iso2022jp-base64-quota.eml', [
        ('sakura@example.or.jp', '', '', '', 'mailboxfull', False),
    ]),
    ('localized/notice-shiftjis-qp-too-large.eml', [
        ('daiki@example.jp', '', '', '', 'emailtoolarge', False),
    ]),
    ('localized/notice-eucjp-base64-expired.eml', [
        ('ren@example.co.jp', '', '', '', 'expired', False),
    ]),
    ('localized/notice-utf8-qp-spam.eml', [
        ('yua@example.ne.jp', '', '', '', 'spamdetected', False),
    ]),
    ('localized/notice-iso2022jp-domain-not-found.eml', [
        ('sota@no-such-domain.example.jp', '', '', '', 'hostunknown', True),
    ]),
    ('localized/notice-utf8-account-missing.eml', [
        ('mio@example.jp', '', '', '', 'userunknown', True),
    ]),
    ('localized/notice-iso2022jp-windows-characters.eml', [
        ('nozomi@example.co.jp', '', '', '', 'mailboxfull', False),
    ]),
    ('localized/notice-utf8-address-then-words.eml', [
        ('kenji@example.co.jp', '', '', '', 'userunknown', True),
    ]),
    ('localized/notice-utf8-support-footer.eml', [
        ('kenta@example.co.jp', '', '', '', 'userunknown', True),
    ]),
    ('localized/notice-iso2022jp-sender-line.eml', [
        ('yuto@example.co.jp', '', '', '', 'mailboxfull', False),
    ]),
    ('localized/notice-iso2022jp-folded-subject.eml', [
        ('aoi@example.co.jp', '4.2.2', '452', '', 'mailboxfull', False),
    ]),
    ('localized/notice-multipart-raw-jis-headers.eml', [
        ('kouki@example.ne.jp', '', '', '', 'suspend', False),
    ]),
    ('localized/notice-html-shiftjis-virus.eml', [
        ('haru@example.co.jp', '', '', '', 'virusdetected', False),
    ]),
    ('localized/notice-shiftjis-q-subject-eucjp-body.eml', [
        ('kaede@example.co.jp', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('localized/notice-de-zustellung-fehlgeschlagen.eml', [
        ('felix@example.de', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('localized/notice-de-latin1-qp-unknown.eml', [
        ('jonas@example.de', '', '', '', 'userunknown', True),
    ]),
    ('localized/notice-fr-latin1-qp-full.eml', [
        ('ines@example.fr', '', '', '', 'mailboxfull', False),
    ]),
    ('localized/notice-fr-utf8-labelled-latin1.eml', [
        ('theo@example.fr', '', '', '', 'userunknown', True),
    ]),
    ('localized/notice-es-utf8-base64-unknown.eml', [
        ('marta@example.es', '', '', '', 'userunknown', True),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


# The diagnostic a user reads, in proper Unicode whatever the notice's encoding (no JIS escapes, no
# mojibake), and the returned original's subject found after a localized separator.
READABLE: list[tuple[str, str, str]] = [
    ('localized/notice-shiftjis-labelled-iso2022jp.eml', '宛先のユーザーが存在しません', 'ご案内'),
    ('localized/notice-jis-without-charset.eml', '受信者の設定により受信を拒否されました', 'ご案内'),
    ('localized/notice-iso2022jp-base64-quota.eml', 'メールボックスの容量が不足している', 'ご案内'),
    ('localized/notice-shiftjis-qp-too-large.eml', 'メールのサイズが制限を超えている', 'ご案内'),
    ('localized/notice-eucjp-base64-expired.eml', '一定時間内に配信できなかった', 'ご案内'),
    ('localized/notice-utf8-qp-spam.eml', '迷惑メールと判定された', 'ご案内'),
    ('localized/notice-iso2022jp-folded-subject.eml', '宛先のメールボックスがいっぱいです', 'ご案内'),
    ('localized/notice-iso2022jp-windows-characters.eml', '① 宛先: nozomi@example.co.jp', 'Re: ご案内'),
    ('localized/notice-multipart-raw-jis-headers.eml', 'このメールアドレスは現在利用停止中です', '打ち合わせの件'),
    ('localized/notice-html-shiftjis-virus.eml', '添付ファイルからウイルスが検出された', ''),
    ('localized/notice-de-latin1-qp-unknown.eml', 'Adresse des Empfängers wurde nicht gefunden', 'Hello'),
    ('localized/notice-fr-latin1-qp-full.eml', 'boîte aux lettres du destinataire est pleine', 'Hello'),
    ('localized/notice-fr-utf8-labelled-latin1.eml', "destinataire inconnu (l'adresse n'existe pas)", 'Hello'),
    ('localized/notice-es-utf8-base64-unknown.eml', 'no se ha encontrado la dirección', 'Hello'),
    ('localized/office365-ja-without-dsn.eml', 'User unknown in local recipient table', '打ち合わせ'),
    ('localized/gmail-ja-send-mail-as-no-dsn.eml', '535 5.7.8 Error: authentication failed', 'test'),
    ('localized/postfix-ja-template-isps.eml', 'User unknown', 'お知らせ'),
]


@pytest.mark.parametrize(("name", "words", "subject"), READABLE, ids=[r[0] for r in READABLE])
def test_diagnostic_and_subject_are_readable(name: str, words: str, subject: str) -> None:
    first = records(name)[0]
    assert words in first.diagnosticcode
    assert "\x1b" not in first.diagnosticcode and "\ufffd" not in first.diagnosticcode
    assert first.subject == subject


def test_a_person_writing_about_an_undelivered_mail_is_no_bounce() -> None:
    """A Japanese mail with a bounce-like subject ("不達メールの件") that names an address and says
    it was not found, but quotes no server's reply: a person's mail, not a notice."""
    assert records('localized/negative-person-writes-about-bounce.eml') == []
