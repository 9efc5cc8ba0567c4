"""Unseen formats, Microsoft 365 in German, as a mail client saves the NDR (its text and HTML
alternatives only, quoted-printable UTF-8): "Diagnoseinformationen für Administratoren",
"Generierender Server", "Der Remoteserver hat '...' zurückgegeben". The labels are Exchange's as
known; the sentences around them are not verified word for word.
"""

from __future__ import annotations

from tests.decode.unseen import check, records


def test_decodes_every_field() -> None:
    check('m365localized/office365-de-saved-without-dsn.eml', [
        ('jonas.weber@fabrikam-example.de', '5.1.10', '550', '', 'userunknown', True),
    ])


def test_reporting_host_is_the_generating_server() -> None:
    (rec,) = records('m365localized/office365-de-saved-without-dsn.eml')
    assert (rec.decodedby, rec.lhost) == ('Office365', 'fr2p281mb0123.deup281.prod.outlook.com')
