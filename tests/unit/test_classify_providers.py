"""Provider rules and the order of evidence: what a provider's own wording and codes mean."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.classify import Evidence, classify, providers


def reason(**kw) -> str:
    kw.setdefault("action", "failed")
    return classify(Evidence(**kw))[0]


# -- Japanese carriers ----------------------------------------------------------------------------

def test_docomo_unknown_user_at_rcpt_is_a_missing_user():
    assert reason(diagnostic="550 Unknown user someone@docomo.ne.jp", command="RCPT",
                  rhost="mfsmax.docomo.ne.jp", destination="docomo.ne.jp") == "userunknown"


def test_docomo_unknown_user_after_data_is_the_receive_filter():
    assert reason(diagnostic="550 Unknown user someone@docomo.ne.jp", command="DATA",
                  rhost="mfsmax.docomo.ne.jp", destination="docomo.ne.jp") == "filtered"


def test_docomo_status_5_2_0_is_the_receive_filter_whatever_the_stage_said():
    assert reason(diagnostic="550 Unknown user someone@docomo.ne.jp", status="5.2.0",
                  destination="docomo.ne.jp") == "filtered"


def test_au_user_unknown_without_the_address_is_the_filter():
    assert reason(diagnostic="550 : User unknown", rhost="lsean.ezweb.ne.jp", destination="ezweb.ne.jp") == "filtered"


def test_au_user_unknown_with_the_address_is_a_missing_user():
    assert reason(diagnostic="550 <someone@au.com>: User unknown", rhost="msmx.au.com",
                  destination="au.com") == "userunknown"


def test_softbank_invalid_recipient():
    assert reason(diagnostic="550 Invalid recipient: <someone@softbank.ne.jp>",
                  destination="softbank.ne.jp") == "userunknown"


def test_the_same_words_elsewhere_are_not_read_by_a_carrier_rule():
    # Not a carrier: a plain "user unknown" at RCPT is a missing user by the wording table.
    why = classify(Evidence(action="failed", diagnostic="550 : User unknown", command="RCPT",
                            destination="example.org"))[1]
    assert "au" not in why


# -- other providers -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "rhost,destination,status,diagnostic,expected",
    [
        ("gmail-smtp-in.l.google.com", "gmail.com", "5.2.1",
         "550-5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages",
         "ratelimited"),
        ("aspmx.l.google.com", "example.com", "5.2.1",
         "550-5.2.1 The email account that you tried to reach is inactive.", "suspend"),
        ("gmail-smtp-in.l.google.com", "gmail.com", "5.7.1",
         "550-5.7.1 Our system has detected that this message is likely suspicious due to the very low "
         "reputation of the sending IP address. To best protect our users from spam", "badreputation"),
        ("", "example.org", "4.0.0",
         "DNS Error: DNS type 'mx' lookup of example.org responded with code SERVFAIL "
         "https://support.google.com/mail/answer/7720", "networkerror"),
        ("example.org.mail.protection.outlook.com", "example.org", "5.4.1",
         "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)", "userunknown"),
        ("example.com.mail.protection.outlook.com", "example.com", "5.7.606",
         "550 5.7.606 Access denied, banned sending IP [192.0.2.1]", "blocked"),
        ("outlook-com.olc.protection.outlook.com", "outlook.com", "4.7.650",
         "451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation. (S3113)",
         "badreputation"),
        ("mta5.am0.yahoodns.net", "yahoo.com", "4.7.0",
         "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints",
         "badreputation"),
        ("mta5.am0.yahoodns.net", "yahoo.com", "5.7.9",
         "554 5.7.9 Message not accepted for policy reasons.", "policyviolation"),
        ("mx.aol.com", "aol.com", "", "421 DYN:T1 http://postmaster.aol.com", "blocked"),
        ("mta7.am0.yahoodns.net", "yahoo.com", "5.0.0",
         "554 delivery error: dd Sorry your message to a@yahoo.com cannot be delivered. This account has been "
         "disabled or discontinued [#102].", "suspend"),
        ("mta7.am0.yahoodns.net", "yahoo.com", "5.7.1",
         "553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed.",
         "blocked"),
        ("gmail-smtp-in.l.google.com", "gmail.com", "5.7.1",
         "550-5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address.",
         "blocked"),
        ("gmail-smtp-in.l.google.com", "gmail.com", "4.7.28",
         "421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP. Mail sent "
         "from your IP address has been temporarily rate limited.", "ratelimited"),
        ("example-com.mail.protection.outlook.com", "example.com", "5.1.1",
         "550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found", "userunknown"),
        ("mx01.mail.icloud.com", "icloud.com", "5.7.1",
         "554 5.7.1 Your message was rejected due to example.org's DMARC policy.", "authfailure"),
        ("mx3.qq.com", "qq.com", "", "550 Ip frequency limited. Blocked IP 192.0.2.1", "ratelimited"),
        ("us-smtp-inbound-1.mimecast.com", "example.co.uk", "", "554 Host network not allowed", "policyviolation"),
        ("cxr.mx.a.cloudfilter.net", "cox.net", "5.1.0", "550 5.1.0 sender rejected. AUP#CXBL", "blocked"),
        ("", "example.com", "5.1.0",
         "550 5.1.0 sender rejected. https://www.spectrum.net/support/internet/understanding-email-error-codes AUP#In-1310",
         "ratelimited"),
        ("smtp.secureserver.net", "example.com", "5.1.1",
         "550 5.1.1 <a@example.com> - 192.0.2.1 has sent to too many recipients this hour. IB607", "ratelimited"),
        ("smtpin.zoho.com", "zoho.com", "5.1.1", "550 5.1.1 User does not exist - <a@zoho.com>", "userunknown"),
        ("", "facebook.com", "5.1.1",
         "550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes Refused due to recipient preferences", "filtered"),
        ("mx3.email.ua", "i.ua", "", "550 Mailbox is frozen. See http://mail.i.ua/err/3/", "suspend"),
        ("smtp-in.orange.fr", "orange.fr", "4.0.0",
         "550 Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102]",
         "blocked"),
        ("", "example.com", "5.0.0",
         "550-Please turn on SMTP Authentication in your mail client. cluster.messagelabs.com", "securityerror"),
    ],
)
def test_provider_rules(rhost, destination, status, diagnostic, expected):
    got, why = classify(Evidence(action="failed", rhost=rhost, destination=destination, status=status,
                                 diagnostic=diagnostic))
    assert got == expected, why


def test_every_provider_has_domains_and_rules():
    for provider in providers.PROVIDERS:
        assert provider.domains and provider.rules, provider.name


# -- the order of evidence -------------------------------------------------------------------------

def test_delivered_action_wins():
    assert reason(action="delivered", status="2.0.0", diagnostic="250 OK") == "delivered"


def test_a_reason_stated_by_the_format_is_kept():
    assert reason(stated_reason="vacation", diagnostic="I am away until Monday") == "vacation"


def test_firm_status_beats_vague_wording():
    assert reason(status="5.1.1", diagnostic="550 5.1.1 rejected") == "userunknown"


def test_firm_status_gives_way_to_relaying_wording():
    assert reason(status="5.1.1", diagnostic="554 5.1.1 <a@example.org>: Relay access denied") == "norelaying"


def test_user_unknown_after_data_is_a_filter_anywhere():
    assert reason(status="5.0.0", command="DATA", diagnostic="550 User unknown") == "filtered"


def test_user_unknown_without_stage_or_status_is_not_proof_of_a_missing_mailbox():
    assert reason(diagnostic="550 Unknown user a@example.org") == "filtered"
    assert reason(diagnostic="550 Unknown user a@example.org", command="RCPT") == "userunknown"
    assert reason(diagnostic="550 Unknown user a@example.org", status="5.1.1") == "userunknown"


def test_user_unknown_with_firm_status_stays_a_missing_user_after_data():
    assert reason(status="5.1.1", command="DATA", diagnostic="550 5.1.1 User unknown") == "userunknown"


def test_refused_at_connection_is_blocked():
    assert reason(command="CONN", diagnostic="550 Access denied") == "blocked"


def test_refused_at_mail_from_is_the_sender_rejected():
    assert reason(command="MAIL", status="5.1.0", diagnostic="553 5.1.0 example.com does not exist") == "rejected"


def test_local_mailer_failure():
    assert reason(status="5.1.1", diagnostictype="X-Unix",
                  diagnostic="procmail: Couldn't create /var/spool/mail/a") == "mailererror"


def test_connection_timeouts_are_expiry_in_a_failed_delivery_and_in_a_delay_notice():
    # the queue keeps retrying a host that does not answer: the delivery is expiring, whether the
    # notice is the warning (delayed) or the final bounce (failed)
    text = "connect to mx.example.org[192.0.2.1]:25: Connection timed out"
    assert reason(action="failed", status="4.4.1", diagnostic=text) == "expired"
    assert reason(action="delayed", status="4.4.1", diagnostic=text) == "expired"
    # a refusal that names the network fault stays a network error
    assert reason(action="delayed", status="4.4.1",
                  diagnostic="connect to mx.example.org[192.0.2.1]:25: No route to host") == "networkerror"


def test_temporary_failure_without_wording_expired():
    assert reason(action="delayed", status="4.0.0") == "expired"


def test_unplaceable_permanent_failure_is_onhold_and_nothing_is_undefined():
    assert reason(status="5.0.0", diagnostic="550 computer says no") == "onhold"
    assert classify(Evidence())[0] == "undefined"


def test_the_rule_is_named():
    _, why = classify(Evidence(action="failed", status="5.2.2", diagnostic="552 5.2.2 Mailbox full"))
    assert why == "status 5.2.2"


# -- robustness -------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(diagnostic=st.text(max_size=400), status=st.sampled_from(["", "5.0.0", "5.1.1", "4.4.7", "5.7.1", "2.0.0"]),
       command=st.sampled_from(["", "RCPT", "DATA", "MAIL", "CONN", "EHLO"]),
       rhost=st.sampled_from(["", "mfsmax.docomo.ne.jp", "aspmx.l.google.com", "mx.example.org"]))
def test_any_text_gets_a_reason_and_a_rule(diagnostic, status, command, rhost):
    reason_, why = classify(Evidence(action="failed", status=status, diagnostic=diagnostic, command=command,
                                     rhost=rhost))
    assert reason_ and why


# -- Mimecast's envelope blocks ---------------------------------------------------------------------

MIMECAST_HOST = "eu-smtp-inbound-1.mimecast.com"


def test_mimecast_envelope_blocked_by_a_user_entry_is_the_recipients_own_filter():
    assert reason(diagnostic="550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550",
                  rhost=MIMECAST_HOST, command="RCPT") == "filtered"


def test_mimecast_envelope_blocked_by_a_policy_entry_rejects_the_sender():
    assert reason(diagnostic="550 Envelope blocked - Policy Entry - https://community.mimecast.com/docs/DOC-1369#550",
                  rhost=MIMECAST_HOST, command="RCPT") == "rejected"


def test_mimecast_anti_spoofing_is_still_a_policy_violation():
    assert reason(diagnostic="550 Rejected by header based Anti-Spoofing policy: a@example.com",
                  rhost=MIMECAST_HOST, command="DATA") == "policyviolation"


def test_yahoos_bracketed_codes_name_it_without_its_host():
    """A relay's report may lose the remote host; [TSS04] alone still says Yahoo."""
    assert reason(diagnostic="421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected "
                             "volume or user complaints", status="4.7.0", action="delayed") == "badreputation"
    assert reason(diagnostic="421 4.7.0 Messages from 192.0.2.1 temporarily deferred", status="4.7.0",
                  action="delayed") == "ratelimited"


# -- Microsoft's own tokens name it when no host does ----------------------------------------------

def test_microsofts_submission_quota_is_the_senders_limit_not_a_full_mailbox():
    assert reason(diagnostic="554 5.2.2 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed "
                             "to process message", status="5.2.2", destination="example.net") == "ratelimited"
    assert reason(diagnostic="554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException",
                  status="5.2.2", destination="example.net") == "mailboxfull"


def test_microsoft_codes_apply_when_its_datacentre_is_named():
    text = "550 5.7.705 Access denied, tenant has exceeded threshold. [AM9PR01MB7777.eurprd01.prod.exchangelabs.com]"
    assert reason(diagnostic=text, status="5.7.705", destination="example.net") == "ratelimited"
    assert reason(diagnostic="550 5.7.705 Access denied, tenant has exceeded threshold.", status="5.7.705",
                  destination="example.net") == "securityerror"


def test_gmail_rate_limits_for_failed_authentication_are_authentication_failures():
    text = ("421-4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. "
            "- gsmtp")
    assert reason(diagnostic=text, status="4.7.27", action="delayed", rhost="gmail-smtp-in.l.google.com") == "authfailure"
    assert reason(diagnostic="421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating "
                             "from your IP address. - gsmtp", status="4.7.28", action="delayed",
                  rhost="gmail-smtp-in.l.google.com") == "ratelimited"


def test_netease_codes():
    assert reason(diagnostic="554 DT:SPM 163mx18,NsCowAB--.1S2 1700000000, please see "
                             "http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1", destination="163.com") \
        == "spamdetected"
    assert reason(diagnostic="451 RP:CEL 192.0.2.1 rate limited", destination="126.com", action="delayed") \
        == "ratelimited"
    assert reason(diagnostic="550 User not found: a@163.com", destination="163.com") == "userunknown"


def test_t_online_names_its_block_list_in_parentheses():
    text = ("554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact "
            "tosa@rx.t-online.de to clarify.) (BL)")
    assert reason(diagnostic=text, command="MAIL", destination="t-online.de") == "blocked"
