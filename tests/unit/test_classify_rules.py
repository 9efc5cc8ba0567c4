"""The classifier's tables: the status table, the wording table of every reason, hard/soft."""

from __future__ import annotations

import pytest

from bouncetui.classify import match_wording, statuscodes, wording
from bouncetui.model import is_hard

# For every reason in wording.PATTERNS: replies that must be read as that reason, and replies that
# must not (close wording that means something else).
EXAMPLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "suppressed": (
        ("550 5.1.1 Amazon SES did not send the message to this address because it is on the suppression list "
         "for your account.", "Recipient address was suppressed after earlier hard bounces",
         "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an "
         "invalid address."),
        ("550 5.1.1 User unknown", "Unsubscribe from this list"),
    ),
    "mailboxfull": (
        ("552 5.2.2 <a@example.jp>... Mailbox Full", "452 4.2.2 user is over quota",
         "The recipient's inbox is out of storage space", "User mailbox exceeds allowed size: a@example.jp",
         "メールボックスがいっぱいです", "Postfach voll", "550 Caixa postal cheia", "552 La casella di posta è piena",
         "552 Почтовый ящик переполнен", "550 收件人邮箱空间已满"),
        ("552 5.3.4 Message size exceeds fixed limit", "The mailbox you tried to reach is disabled",
         "550 Caixa postal desativada", "550 邮箱不存在"),
    ),
    "emailtoolarge": (
        ("552 5.3.4 Message size exceeds fixed maximum message size", "Message too large for this recipient",
         "500 Line limit exceeded"),
        ("552 5.2.2 Mailbox full", "Line 3: syntax error", "500 Line too long"),
    ),
    "suspend": (
        ("550 5.2.1 The email account that you tried to reach is disabled", "550 Mailbox is frozen.",
         "Recipient address rejected: User a@example.com temporary locked"),
        ("550 5.1.1 No such user", "452 Mailbox full"),
    ),
    "hasmoved": (
        ("550 5.1.6 User has moved to b@example.net", "551 User not local; the address has changed"),
        ("550 No such user here",),
    ),
    "norelaying": (
        ("554 5.7.1 <a@example.jp>: Relay access denied", "550 This system is not configured to relay mail",
         "550 5.7.1 Unable to relay for a@example.org"),
        ("550 5.1.1 user unknown", "550 sender rejected"),
    ),
    "authfailure": (
        ("550 5.7.26 Unauthenticated email from example.com is not accepted due to its DMARC policy",
         "550 5.7.23 SPF check failed for 192.0.2.1"),
        ("550 5.7.1 Relaying denied", "554 Message rejected as spam"),
    ),
    "requireptr": (
        ("550 5.7.25 The IP address sending this message does not have a PTR record setup",
         "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]"),
        ("550 5.7.1 Client host rejected: blocked using zen.spamhaus.org",),
    ),
    "notcompliantrfc": (
        ("550 5.7.1 This message is not RFC 5322 compliant", "Messages with multiple addresses in From: header are not accepted",
         "550-5.7.1 [192.0.2.1] Messages missing a valid Message-ID header are not accepted."),
        ("550 5.7.1 Message rejected as spam", "550 5.7.1 Sender is missing in the whitelist"),
    ),
    "badreputation": (
        ("451 4.7.650 The mail server has been temporarily rate limited due to IP reputation",
         "550 Rejected: low reputation of the sending domain"),
        ("550 5.7.1 Service unavailable; client host blocked using bl.spamcop.net",),
    ),
    "ratelimited": (
        ("421 4.7.0 Too many connections from your IP", "550 5.2.1 receiving mail at a rate that prevents delivery",
         "450 4.7.1 Rate limit exceeded, try again later",
         "450-4.2.1 The user you are trying to contact is receiving mail too quickly.",
         "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients."),
        ("550 5.1.1 User unknown", "451 Temporary local problem", "452 4.2.2 The user is receiving too much mail data"),
    ),
    "virusdetected": (
        ("550 5.7.1 Message contains a virus (Eicar-Test-Signature)", "554 Malware detected in attachment",
         "554 5.7.1 Malicious content detected"),
        ("554 5.7.1 Message rejected as spam",),
    ),
    "spamdetected": (
        ("554 5.7.1 Message rejected as spam", "550 5.7.1 Message content rejected, UBE, id=00000-22"),
        ("550 5.1.1 No such user", "550 5.7.1 Access denied"),
    ),
    "policyviolation": (
        ("554 5.7.9 Message not accepted for policy reasons", "550 Message rejected: attachment type not allowed"),
        ("550 5.1.1 No such user", "550 5.7.26 DMARC policy reject"),
    ),
    "onhold": (
        ("550 5.0.0 Your message is on hold.", "452 Message held for review"),
        ("550 5.1.1 No such user", "421 Try again later"),
    ),
    "userunknown": (
        ("550 5.1.1 <a@example.jp>... User Unknown", "550 No such recipient", "550 Recipient address rejected: User unknown in local recipient table",
         "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
         "宛先のアドレスが存在しません", "550 Benutzer unbekannt", "550 Utilisateur inconnu",
         "The email account that you tried to reach does not exist.",
         "Your message wasn't delivered to a@example.it because the address couldn't be found.",
         "550 Usuário desconhecido", "550 Utente sconosciuto", "550 Пользователь не найден", "550 收件人不存在",
         "550 존재하지 않는 사용자", "550 Empfänger unbekannt", "550 邮箱不存在"),
        ("550 5.7.1 Relay access denied", "552 Mailbox full", "There was an error delivering your mail to <userunknown@example.org>.",
         "550 Пользователь заблокирован", "550 用户已被冻结"),
    ),
    "filtered": (
        ("550 Refused due to recipient preferences", "550 Mail rejected by the recipient's filter",
         "受信拒否設定により配信できませんでした", "550 5.7.1 Your message was rejected by this user and was not delivered.",
         "550 5.7.1 Rejected by Sieve filter"),
        ("550 5.1.1 No such user", "550 Message rejected by the user's mail server for spam"),
    ),
    "rejected": (
        ("550 5.1.8 Sender address rejected: Domain not found", "553 Sender verify failed",
         "550 Unroutable sender address"),
        ("550 5.1.1 Recipient address rejected: User unknown",),
    ),
    "hostunknown": (
        ("Host or domain name not found. Name service error for name=example.jp type=A: Host not found",
         "550 Unrouteable address", "553 neko.example.com does not exist",
         "all relevant MX records point to non-existent hosts"),
        ("550 5.1.1 <a@example.com> does not exist", "550 5.1.1 user unknown"),
    ),
    "blocked": (
        ("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
         "550 5.7.1 IP address blacklisted by recipient", "421 Service refused, please try later. OFR_999",
         "Greylisted, see http://postgrey.example/help",
         "451 4.7.1 Greylisting in action, please come back later",
         "554 resimta-po-12v.sys.comcast.net 192.0.2.1 found on one or more DNSBLs, see http://postmaster.example"),
        ("550 5.1.1 User unknown", "552 Mailbox full", "550 5.7.1 Message rejected: grey market pharmacy"),
    ),
    "failedstarttls": (
        ("530 5.7.0 Must issue a STARTTLS command first", "451 4.7.5 TLS handshake failed",
         "a TLS session is required, but an attempt to start TLS failed", "Cannot start TLS: handshake failure",
         "TLS session: (SSL_connect): error:0A000086:SSL routines::certificate verify failed",
         "Server certificate not verified", "550 5.7.1 TLS 1.2 or later is required"),
        ("550 5.7.1 Relaying denied", "550 5.7.1 Message delivered over TLS was rejected as spam"),
    ),
    "securityerror": (
        ("530 5.7.0 Authentication required", "550-Please turn on SMTP Authentication in your mail client"),
        ("550 5.7.26 DMARC policy reject", "550 5.1.1 User unknown"),
    ),
    "systemfull": (
        ("452 4.3.1 Insufficient system storage", "452 4.4.5 Insufficient disk space; try again later"),
        ("552 5.2.2 Mailbox full",),
    ),
    "notaccept": (
        ("556 5.1.10 Recipient address has null MX", "The domain example.org doesn't receive email according to the administrator"),
        ("550 5.1.1 No such user",),
    ),
    "expired": (
        ("Message expired: unable to deliver in 840 minutes", "retry timeout exceeded",
         "connect to mx.example.org[192.0.2.1]:25: Connection timed out"),
        ("550 5.1.1 User unknown", "No route to host"),
    ),
    "networkerror": (
        ("connect to mx.example.org[192.0.2.1]:25: No route to host", "Hop count exceeded - possible mail loop",
         "Name service error for name=example.org type=MX: Malformed or unexpected name server reply",
         'Too many "Received" headers - suspected mail loop', "Remote host closed connection in response to end of data",
         "host lookup did not complete"),
        ("Connection timed out", "550 5.1.1 No such user", "550 Mail from a closed mailing list is not accepted"),
    ),
    "contenterror": (
        ("554 5.6.0 Invalid MIME structure", "550 5.6.9 Invalid header: Content-Type",
         "message has lines too long for transport"),
        ("552 Message size exceeds fixed maximum message size",),
    ),
    "mailererror": (
        ("procmail: Couldn't create /var/spool/mail/a", "unknown mailer error 255"),
        ("550 5.1.1 User unknown",),
    ),
    "systemerror": (
        ("451 4.3.0 Temporary local problem - please try later", "553 5.3.5 system config error",
         "mail for example.org loops back to myself"),
        ("550 5.1.1 User unknown",),
    ),
    "syntaxerror": (
        ("500 5.5.1 Command unrecognized", "503 5.5.1 Bad sequence of commands"),
        ("550 5.1.1 User unknown",),
    ),
}


def test_every_reason_table_has_examples_both_ways():
    for reason, _ in wording.PATTERNS:
        positives, negatives = EXAMPLES[reason]
        assert positives and negatives, reason


@pytest.mark.parametrize(
    "reason,text", [(r, t) for r, (pos, _) in EXAMPLES.items() for t in pos]
)
def test_wording_is_read_as_its_reason(reason, text):
    found = match_wording(text)
    assert found is not None and found[0] == reason, (text, found)


@pytest.mark.parametrize(
    "reason,text", [(r, t) for r, (_, neg) in EXAMPLES.items() for t in neg]
)
def test_close_wording_is_not_that_reason(reason, text):
    found = match_wording(text)
    assert found is None or found[0] != reason, (text, found)


def test_every_pattern_reason_is_a_known_reason():
    known = {"authfailure", "badreputation", "blocked", "contenterror", "delivered", "emailtoolarge", "expired",
             "failedstarttls", "feedback", "filtered", "hasmoved", "hostunknown", "mailboxfull", "mailererror",
             "networkerror", "norelaying", "notaccept", "notcompliantrfc", "onhold", "policyviolation",
             "ratelimited", "rejected", "requireptr", "securityerror", "spamdetected", "suspend", "syntaxerror",
             "suppressed", "systemerror", "systemfull", "undefined", "userunknown", "vacation", "virusdetected"}
    assert {reason for reason, _ in wording.PATTERNS} <= known
    assert set(statuscodes.STATUS.values()) <= known


@pytest.mark.parametrize(
    "status,reason",
    [("5.1.1", "userunknown"), ("5.1.2", "hostunknown"), ("5.1.6", "hasmoved"), ("5.2.2", "mailboxfull"),
     ("5.3.4", "emailtoolarge"), ("5.7.26", "authfailure"), ("5.7.25", "requireptr"), ("5.1.8", "rejected"),
     ("4.4.7", "expired"), ("5.7.13", "suspend"), ("5.7.27", "rejected"), ("5.7.17", "hasmoved"),
     ("5.7.23", "authfailure"), ("5.7.30", "failedstarttls"), ("5.5.3", "ratelimited")],
)
def test_status_table(status, reason):
    assert statuscodes.STATUS[status] == reason


def test_vague_and_reused_codes_are_ambiguous():
    for status in ("5.0.0", "4.0.0", "5.7.1", "5.2.1", "5.1.10", "5.4.1", "5.5.0", "5.7.27"):
        assert status in statuscodes.AMBIGUOUS_STATUS
    for status in ("5.1.1", "5.2.2", "5.7.26"):
        assert status not in statuscodes.AMBIGUOUS_STATUS


def test_directory_failure_4_4_3_is_read_from_the_words():
    """4.4.3 covers a DNS failure and an unreachable directory server alike."""
    from bouncetui.classify import Evidence, classify

    dns = Evidence(action="failed", status="4.4.3", diagnostic="Host or domain name not found. Name service "
                   "error for name=example.org type=MX: Host not found, try again")
    ldap = Evidence(action="failed", status="4.4.3", diagnostic="Unable to contact LDAP server. (#4.4.3)")
    assert classify(dns)[0] == "networkerror"
    assert classify(ldap)[0] == "systemerror"


@pytest.mark.parametrize(
    "reason,status,replycode,hard",
    [("userunknown", "5.1.1", "550", True), ("hostunknown", "5.1.2", "", True), ("hasmoved", "5.1.6", "551", True),
     ("userunknown", "4.1.1", "450", True), ("notaccept", "5.1.10", "556", True), ("notaccept", "4.0.0", "", False),
     ("notaccept", "", "421", False), ("mailboxfull", "5.2.2", "552", False), ("filtered", "5.2.0", "550", False),
     ("blocked", "5.7.1", "554", False), ("expired", "4.4.7", "", False)],
)
def test_hard_and_soft(reason, status, replycode, hard):
    assert is_hard(reason, status, replycode) is hard


def test_the_receive_filter_reading_of_user_unknown_words_after_data_yields_to_other_words():
    """After DATA "user unknown" words mean a receive filter, but not when the reply's own words,
    read after the restriction prefix, name another reason."""
    from bouncetui.classify import Evidence, classify

    spam = Evidence(action="failed", status="5.7.1", command="DATA",
                    diagnostic="550 5.7.1 Recipient address rejected: Message was identified as spam.")
    unknown = Evidence(action="failed", status="5.0.0", command="DATA", diagnostic="550 Unknown user a@example.jp")
    assert classify(spam)[0] == "spamdetected"
    assert classify(unknown)[0] == "filtered"


def test_a_greylisting_refusal_is_no_missing_user():
    """"Recipient address rejected: Greylisted" is read after the restriction prefix: a temporary
    refusal of the client, not a hard bounce for a missing mailbox."""
    from bouncetui.classify import Evidence, classify

    ev = Evidence(action="delayed", status="4.2.0", replycode="450", command="RCPT",
                  diagnostic="450 4.2.0 <a@example.net>: Recipient address rejected: Greylisted, see "
                             "http://postgrey.example/help/example.net.html")
    reason = classify(ev)[0]
    assert reason == "blocked"
    assert not is_hard(reason, "4.2.0", "450")


def test_a_tls_failure_stated_as_a_cryptographic_failure_is_failedstarttls():
    """4.7.5 alone is a security error; Postfix's words with it say TLS could not be started."""
    from bouncetui.classify import Evidence, classify

    assert classify(Evidence(action="failed", status="4.7.5", diagnostic="Cannot start TLS: handshake failure"))[0] \
        == "failedstarttls"
    assert classify(Evidence(action="failed", status="4.7.5", diagnostic="Cryptographic failure"))[0] == "securityerror"


# Replies in the wording other mail servers document (the phrase lists of Sisimai 4.25's reason
# modules), each read as the reason it means here. Where that list and ours disagree, ours is
# chosen on purpose and the row says why.
SERVER_WORDING: list[tuple[str, str]] = [
    ("552 5.2.2 Mailbox quota usage exceeded", "mailboxfull"),
    ("452 4.2.2 Not enough storage space in the mailbox of a@example.org", "mailboxfull"),
    ("552 Sorry, the user is over the quota", "mailboxfull"),
    ("552 Message would be over the allowed quota", "mailboxfull"),
    # "mail file" is the mailbox file: its size limit is a full mailbox, not a large message
    ("552 Mail file size exceeds the maximum size allowed for mail delivery", "mailboxfull"),
    ("552 5.3.4 Message exceeded maximum inbound message size", "emailtoolarge"),
    ("552 5.3.4 Size limit reached", "emailtoolarge"),
    ("552 Taille limite du message atteinte", "emailtoolarge"),
    ("550 5.2.1 Account a@example.com is currently suspended", "suspend"),
    ("554 delivery error: dd Due to extended inactivity new mail is not currently being accepted for this mailbox",
     "suspend"),
    ("550 IP/domain reputation problems", "badreputation"),
    ("550 5.7.1 Client host rejected: Bad DNS PTR resource record", "requireptr"),
    ("450 4.7.1 Client host rejected: unresolvable relay host name", "requireptr"),
    ("550 Please see http://spf.pobox.com/why.html?sender=a%40example.jp", "authfailure"),
    ("550 5.7.1 Please inspect your SPF settings", "authfailure"),
    ("550 SPF: 192.0.2.1 is not allowed to send mail. A_401", "authfailure"),
    ("421 Too many SMTP sessions for this host", "ratelimited"),
    ("550 5.7.1 Blacklisted URL in message", "spamdetected"),
    ("554 5.7.1 Content filter rejection", "spamdetected"),
    ("550 Mail content denied", "spamdetected"),
    ("550 Reject bulk.advertising", "spamdetected"),
    ("550 5.7.1 Spamming not allowed", "spamdetected"),
    ("451 4.7.1 Your message has been temporarily blocked by our filter", "spamdetected"),
    ("550 5.7.1 Your email breaches local URIBL policy", "spamdetected"),
    ("554 Message refused by MailMarshal SpamProfiler", "spamdetected"),
    # amavis's BANNED names a forbidden file type: the site's policy, no spam verdict
    ("554 5.7.0 Rejecting banned content", "policyviolation"),
    # an executable attachment is refused by policy; no virus was found in it
    ("552 5.7.0 This message was blocked because it has a potentially executable attachment", "policyviolation"),
    ("550 5.7.1 Message bounced due to organizational settings", "policyviolation"),
    ("550 You have exceeded the allowable number of posts without solving a captcha", "policyviolation"),
    ("550 Can't accept user", "userunknown"),
    ("550 The user's email name is not found", "userunknown"),
    ("550 #5.1.1 bad address a@example.org", "userunknown"),
    ("550 Address invalid", "userunknown"),
    ("550 <a@example.org> not found", "userunknown"),
    ("550 5.1.1 The email account a@example.org does not exist at the organization this message was sent to",
     "userunknown"),
    ("550 Address not present in directory", "userunknown"),
    ("550 Bad-recipient", "userunknown"),
    ("550 Destination addresses were unknown", "userunknown"),
    ("550 Mailbox neko does not exist", "userunknown"),
    ("550 Mailbox a@example.org unavailable", "userunknown"),
    ("550 Mailbox invalid", "userunknown"),
    ("550 Requested action not taken: mailbox is unavailable", "userunknown"),
    ("550 User neko was not found", "userunknown"),
    ("550 Recipient a@example.org was not found in LDAP", "userunknown"),
    ("550 RCPT <a@example.org> does not exist", "userunknown"),
    ("550 No 'neko' in name directory", "userunknown"),
    ("550 No thank you rejected: Account Unavailable: a@example.org", "userunknown"),
    ("550 No valid recipients, bye", "userunknown"),
    ("550 Non-existent user", "userunknown"),
    ("550 Recipient not exist", "userunknown"),
    ("553 sorry, this recipient is in my badrecipientto list (#5.7.1)", "userunknown"),
    ("550 Unknown local-part a in domain example.org", "userunknown"),
    ("550 This account is protected by a challenge-response system", "filtered"),
    ("550 We failed to deliver mail because the following address recipient id refuse to receive mail", "filtered"),
    ("550 Envelope blocked \u2013 User Entry", "filtered"),
    # delivery restrictions of a group or mailbox: only some senders may send to it
    ("550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized", "rejected"),
    ("550 Access denied (sender blacklisted)", "rejected"),
    ("553 Sender address has been blacklisted", "rejected"),
    ("550 Backscatter protection detected an invalid or expired email address", "rejected"),
    ("550 From: Domain is invalid. Please provide a valid From:", "rejected"),
    ("550 Your message was rejected because the sender isn't on the recipient's list of senders to accept mail from",
     "rejected"),
    ("553 Bogus mail from", "rejected"),
    ("550 Connections not accepted from servers without a valid sender domain", "rejected"),
    ("550 Denied [BOUNCEDENY]", "rejected"),
    ("550 Denied by SecuMail valid-address-filter", "rejected"),
    ("550 Your email address is on SenderFilterConfig list", "rejected"),
    ("550 Envelope blocked \u2013 Admin Entry", "rejected"),  # ("Policy Entry" reads as policyviolation)
    ("550 Sender domain is empty", "rejected"),
    ("550 Sender is in my black list", "rejected"),
    ("550 Transaction failed unsigned DSN for a@example.jp", "rejected"),
    ("550 Sender email address rejected", "rejected"),
    ("550 Mail domain mentioned in email address is unknown", "hostunknown"),
    ("550 Blocked", "blocked"),
    ("550 Rejected (a@example.jp:blocked)", "blocked"),
    ("554 Client host [192.0.2.1] blocked using bl.example.org", "blocked"),
    ("550 Extreme bad IP profile", "blocked"),
    ("554 Go away", "blocked"),
    ("550 192.0.2.1 is in an ExampleRBL on rbl.example.org", "blocked"),
    ("550 Mail server at 192.0.2.1 is blocked", "blocked"),
    ("550 Your server requires confirmation", "blocked"),
    ("550 Listed in work.drbl.example.ru", "blocked"),
    ("550 Sender IP address rejected", "blocked"),
    ("550 Bad sender IP address", "blocked"),
    ("550 Your access to submit messages to this e-mail system has been rejected", "blocked"),
    # qmail's rcpthosts: the server does not take mail for that domain, whether or not it says "or user"
    ("553 sorry, that domain or user isn't in my list of allowed rcpthosts (#5.7.1)", "norelaying"),
    ("553 sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts (#5.7.1)", "norelaying"),
    ("530 This mail server requires authentication when attempting to send to a non-local e-mail address",
     "norelaying"),
    ("530 Authentication turned on in your email client", "securityerror"),
    ("550 Authentification requise. ofr_402", "securityerror"),
    ("554 User arn:aws:iam::1:user/a is not authorized to perform ses:SendRawEmail on resource", "securityerror"),
    ("451 Could not load DRD for domain example.org", "systemerror"),
    ("451 Remote server is misconfigured", "systemerror"),
    ("552 Message header size exceeds limit", "contenterror"),
    # Exim's, OpenSMTPD's and Verizon's own words, when another MTA passes them on
    ("retry time not reached for any host: error: quota exceed", "mailboxfull"),
    ("all host address lookups failed permanently", "hostunknown"),
    ("malformed address: a@ may not follow <b@example.org>", "syntaxerror"),
    ('expected word or "<" in address', "syntaxerror"),
    ("delivery to pipe forbidden", "systemerror"),
    ("LMTP error after end of data: 451 4.3.0 Temporary failure", "systemerror"),
    ("Destination seem to reject all mails", "notaccept"),
    ("No valid route to remote MX", "networkerror"),
    ("Could not retrieve credentials", "securityerror"),
    ("No valid recipients for this MM", "userunknown"),
]


@pytest.mark.parametrize(("text", "reason"), SERVER_WORDING, ids=[t for t, _ in SERVER_WORDING])
def test_other_servers_documented_wording(text, reason):
    found = match_wording(text)
    assert found is not None and found[0] == reason, (text, found)


# Close wording that must not be read as those reasons.
SERVER_WORDING_NOT: list[tuple[str, str]] = [
    ("550 Recipient domain does not exist", "userunknown"),  # the domain, not the mailbox
    ("550 Mailbox is unavailable for a while", "userunknown"),  # suspended, not missing
    ("550 Sender address invalid", "userunknown"),
    ("550 5.7.1 Message rejected: mailbox size limit exceeded", "emailtoolarge"),  # a full mailbox
    ("550 Bad sender IP address", "rejected"),  # the client, not the sender address
    ("550 Recipient address rejected: User unknown", "rejected"),
]


@pytest.mark.parametrize(("text", "reason"), SERVER_WORDING_NOT, ids=[t for t, _ in SERVER_WORDING_NOT])
def test_other_servers_close_wording_is_not_that_reason(text, reason):
    found = match_wording(text)
    assert found is None or found[0] != reason, (text, found)


# The wording of localized notices (Japanese ISPs' and mail servers' own notices, Gmail's and
# Microsoft's in the reader's language, German/French/Spanish servers), read as the reason it names.
LOCALIZED_WORDING: list[tuple[str, str]] = [
    ("受信者のメールボックスの容量が不足しているため、配信できませんでした。", "mailboxfull"),
    ("保存容量の上限に達しているため受信できません", "mailboxfull"),
    ("la boîte aux lettres du destinataire est pleine", "mailboxfull"),
    ("el buzón del destinatario está lleno", "mailboxfull"),
    ("メールのサイズが制限を超えているため、配信できませんでした。", "emailtoolarge"),
    ("メッセージのサイズが大きすぎます", "emailtoolarge"),
    ("指定されたアカウントは存在しません。", "userunknown"),
    ("メールボックスが見つかりません", "userunknown"),
    ("Die E-Mail-Adresse des Empfängers wurde nicht gefunden.", "userunknown"),
    ("550 Empfänger existiert nicht", "userunknown"),
    ("L'adresse e-mail est introuvable", "userunknown"),
    ("no se ha encontrado la dirección de correo del destinatario", "userunknown"),
    ("受信者の設定により受信を拒否されました。", "filtered"),
    ("受取人様の受信設定により配信できませんでした", "filtered"),
    ("宛先のドメインが存在しません。", "hostunknown"),
    ("ドメイン名が見つかりません", "hostunknown"),
    ("存在しないドメインです", "hostunknown"),
    ("ドメインが存在しないため配信できません", "hostunknown"),
    ("迷惑メールと判定されたため、受信を拒否されました。", "spamdetected"),
    ("スパムとして検出されました", "spamdetected"),
    ("一定時間内に配信できなかったため、送信を中止しました。", "expired"),
    ("配送の有効期限が切れました", "expired"),
    ("サーバーへの接続がタイムアウトしました", "expired"),
    ("接続タイムアウト", "networkerror"),
    ("サーバーに接続できません", "networkerror"),
    ("このメールアドレスは現在利用停止中です。", "suspend"),
    ("アカウントが無効です", "suspend"),
    ("添付ファイルからウイルスが検出されたため、配信を中止しました。", "virusdetected"),
    ("中継を拒否しました", "norelaying"),
    ("送信者のアドレスが拒否されました", "rejected"),
    ("送信元IPアドレスからの接続を拒否しました", "blocked"),
    ("送信元のＩＰアドレスは拒否されています", "blocked"),
    ("ブラックリストに登録されています", "blocked"),
    ("システムエラーのため配信できませんでした", "systemerror"),
    ("一時的なエラーが発生しました", "systemerror"),
    ("メールボックスの容量制限を超えています", "mailboxfull"),
    ("受信ボックスがいっぱいです", "mailboxfull"),
    ("受信者がPCメール拒否を設定しています", "filtered"),
    ("URL付きメール拒否の設定により受信できません", "filtered"),
    ("なりすましメール拒否設定により受信できません", "filtered"),
    ("このアドレスからの受信が許可されていないため", "filtered"),
    ("宛先のメールサーバーが見つかりません", "hostunknown"),
    ("ホスト名が見つかりません", "hostunknown"),
    ("受取人不明", "userunknown"),
    ("1日の送信数の上限を超えました", "ratelimited"),
    ("短時間に大量のメールを送信したため、一時的に送信を制限しています", "ratelimited"),
    ("送信サイズの制限を超えています", "emailtoolarge"),
    ("550 Postfach gesperrt", "suspend"),
    ("550 Konto ist deaktiviert", "suspend"),
    ("550 5.2.1 Compte désactivé", "suspend"),
    ("550 Cuenta suspendida", "suspend"),
    ("552 Message trop volumineux", "emailtoolarge"),
    ("552 Mensaje demasiado grande", "emailtoolarge"),
    ("550 5.1.1 Utilisateur inexistant", "userunknown"),
    ("550 Boîte aux lettres inexistante", "userunknown"),
    ("550 El usuario no existe", "userunknown"),
    ("550 Die Domain example.de existiert nicht", "hostunknown"),
    ("Le domaine example.fr est introuvable", "hostunknown"),
    ("El dominio no existe", "hostunknown"),
]


@pytest.mark.parametrize(("text", "reason"), LOCALIZED_WORDING, ids=[t for t, _ in LOCALIZED_WORDING])
def test_localized_wording(text, reason):
    found = match_wording(text)
    assert found is not None and found[0] == reason, (text, found)


LOCALIZED_WORDING_NOT: list[tuple[str, str]] = [
    ("宛先のドメインが存在しません。", "userunknown"),  # the domain, not the mailbox
    ("存在しないドメインです", "userunknown"),
    ("メールボックスの容量が不足しています", "emailtoolarge"),  # a full mailbox, not a big message
    ("メールのサイズが制限を超えています", "mailboxfull"),
    ("メールボックスの容量制限を超えています", "emailtoolarge"),  # the mailbox's limit, not the message's
    ("メールボックスのサイズの上限を超えています", "emailtoolarge"),
    ("宛先のメールサーバーが見つかりません", "userunknown"),  # the server, not the mailbox
    ("550 Die Domain example.de existiert nicht", "userunknown"),
    ("El dominio no existe", "userunknown"),
    ("550 Compte bloqué", "blocked"),  # the recipient's account, not the sending client
    ("迷惑メールフィルタの設定により受信を拒否しました", "spamdetected"),  # the recipient's filter
    ("受信者の設定により受信を拒否されました", "blocked"),  # the recipient refused, not the client
    ("Die Adresse wurde nicht gefunden", "hostunknown"),
    ("このメールはウイルスチェック済みです", "virusdetected"),  # a footer, not a verdict
    ("送信者のアドレスが拒否されました", "blocked"),  # the sender address, not the client
    ("送信元IPアドレスからの接続を拒否しました", "rejected"),  # the client, not the sender address
]


@pytest.mark.parametrize(("text", "reason"), LOCALIZED_WORDING_NOT, ids=[t for t, _ in LOCALIZED_WORDING_NOT])
def test_localized_close_wording_is_not_that_reason(text, reason):
    found = match_wording(text)
    assert found is None or found[0] != reason, (text, found)


def test_a_notice_saying_the_mailbox_does_not_exist_is_no_receive_filter():
    """With no SMTP stage and no status, an SMTP reply's "550 Unknown user" may be a carrier's
    receive filter; a notice's own sentence that the mailbox does not exist is not."""
    from bouncetui.classify import Evidence, classify

    for sentence in ("宛先: a@example.jp 理由: 宛先のユーザーが存在しません。",
                     "Grund: Die E-Mail-Adresse des Empfängers wurde nicht gefunden.",
                     "Motivo: no se ha encontrado la dirección de correo del destinatario.",
                     "Raison : destinataire inconnu"):
        assert classify(Evidence(action="failed", diagnostic=sentence))[0] == "userunknown", sentence
    assert classify(Evidence(action="failed", diagnostic="550 Unknown user a@example.jp"))[0] == "filtered"


@pytest.mark.parametrize("code", ["4.1.9", "4.5.5", "4.6.2", "4.6.5", "4.7.6", "4.7.7", "4.7.12", "4.7.15", "4.7.16"])
def test_transient_forms_of_permanent_codes_mean_the_same(code):
    """RFC 3463 defines each code for both classes: a 4.x.y means what its 5.x.y does (soft)."""
    assert statuscodes.STATUS[code] == statuscodes.STATUS["5" + code[1:]]
    assert not is_hard(statuscodes.STATUS[code], code, "451")
