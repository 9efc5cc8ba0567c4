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


def test_microsoft_codes_apply_when_its_datacentre_or_its_own_code_is_named():
    text = "550 5.7.705 Access denied, tenant has exceeded threshold. [AM9PR01MB7777.eurprd01.prod.exchangelabs.com]"
    assert reason(diagnostic=text, status="5.7.705", destination="example.net") == "ratelimited"
    # without the datacentre: 5.7.705 (a three-digit detail) is Microsoft's own code and names it
    assert reason(diagnostic="550 5.7.705 Refused.", status="5.7.705", destination="example.net") == "ratelimited"
    # a standard code with words of no one in particular stays a generic security refusal
    assert reason(diagnostic="550 5.7.1 Access denied.", status="5.7.1", destination="example.net") \
        == "securityerror"


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


# -- each provider's documented codes and wording -----------------------------------------------------
# (the codes and replies their error pages list, as Sisimai 4.25's rhost tables also collect them;
# where that table's reason differs from ours the row says why)
GMAIL, EXO, MIMECAST_MX = "gmail-smtp-in.l.google.com", "example-org.mail.protection.outlook.com", "us-smtp-inbound-1.mimecast.com"
COX_MX, SPECTRUM_MX, GODADDY_MX = "cxr.mx.a.cloudfilter.net", "mx.charter.net", "mx1.secureserver.net"
DOCUMENTED: list[tuple[str, str, str, str, str, str]] = [
    # (rhost, destination, status, SMTP command, diagnostic, reason)
    (GMAIL, "gmail.com", "4.7.0", "", "421-4.7.0 Our system has detected an unusual rate of unsolicited mail originating "
     "from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily "
     "blocked.", "blocked"),
    (GMAIL, "gmail.com", "4.7.0", "", "421-4.7.0 Try again later, closing connection. (EHLO)", "blocked"),
    (GMAIL, "gmail.com", "4.7.0", "", "421-4.7.0 IP not in whitelist for RCPT domain, closing connection.", "blocked"),
    (GMAIL, "gmail.com", "4.4.2", "", "451-4.4.2 Timeout - closing connection.", "expired"),
    (GMAIL, "gmail.com", "5.6.0", "", "554-5.6.0 Message exceeded 50 hops, this may indicate a mail loop.", "networkerror"),
    (GMAIL, "gmail.com", "5.7.0", "", "550-5.7.0 Mail Sending denied. This error occurs if the sender account is "
     "disabled or not registered within your Google Workspace domain.", "rejected"),
    (GMAIL, "gmail.com", "5.7.8", "", "535-5.7.8 Username and Password not accepted.", "securityerror"),
    (GMAIL, "gmail.com", "4.5.0", "", "451-4.5.0 SMTP protocol violation, visit RFC 2821", "syntaxerror"),
    (GMAIL, "gmail.com", "5.7.0", "", "554-5.7.0 Too many unauthenticated commands.", "syntaxerror"),
    (GMAIL, "gmail.com", "4.3.0", "", "421-4.3.0 Temporary System Problem. Try again later.", "systemerror"),
    (GMAIL, "gmail.com", "4.4.5", "", "421-4.4.5 Server busy, try again later.", "systemerror"),
    (GMAIL, "gmail.com", "4.2.1", "", "450-4.2.1 Peak SMTP relay limit exceeded for customer.", "ratelimited"),
    (GMAIL, "gmail.com", "5.4.5", "", "550-5.4.5 Daily SMTP relay limit exceeded for user.", "ratelimited"),
    (GMAIL, "gmail.com", "4.3.0", "", "451-4.3.0 Multiple destination domains per transaction is unsupported.",
     "ratelimited"),
    # Gmail's own words for a missing domain: the domain, so hostunknown (the table says userunknown)
    (GMAIL, "example.org", "5.1.2", "", "553-5.1.2 We weren't able to find the recipient domain.", "hostunknown"),
    # a STARTTLS requirement is failedstarttls here (the table, written before that reason, says syntaxerror)
    (GMAIL, "gmail.com", "5.7.0", "", "530-5.7.0 Must issue a STARTTLS command first.", "failedstarttls"),
    (EXO, "example.org", "4.7.850", "", "451 4.7.850 Access denied, please try again later.", "blocked"),
    (EXO, "example.org", "5.7.506", "", "550 5.7.506 Access denied, Bad HELO", "blocked"),
    (EXO, "example.org", "5.7.507", "", "550 5.7.507 Access denied, rejected by recipient", "blocked"),
    (EXO, "example.org", "5.7.510", "", "550 5.7.510 Access denied, example.org does not accept email over IPv6",
     "blocked"),
    (EXO, "example.org", "5.5.4", "", "550 5.5.4 Invalid domain name", "blocked"),
    # DANE and DNSSEC failures of the destination: no secure channel, failedstarttls (the table: blocked)
    (EXO, "example.org", "5.7.323", "", "550 5.7.323 tlsa-invalid: The domain failed DANE validation", "failedstarttls"),
    (EXO, "example.org", "5.7.322", "", "550 5.7.322 certificate-expired: Destination mail server's certificate is "
     "expired", "failedstarttls"),
    (EXO, "example.org", "5.2.122", "", "550 5.2.122 The recipient has exceeded their limit for the number of "
     "messages they can receive per hour", "ratelimited"),
    (EXO, "example.org", "4.3.2", "", "432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded", "ratelimited"),
    (EXO, "example.org", "5.7.133", "", "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication "
     "required; Delivery restriction check failed because the sender was not authenticated when sending to this "
     "group", "rejected"),
    (EXO, "example.org", "5.7.124", "", "550 5.7.124 Sender not in allowed-senders list", "rejected"),
    (EXO, "example.org", "5.7.505", "", "550 5.7.505 Access denied, banned recipient", "suspend"),
    (EXO, "example.org", "5.2.1", "", "550 5.2.1 Content Filter agent quarantined this message", "spamdetected"),
    (EXO, "example.org", "5.7.900", "", "550 5.7.900 Delivery not authorized, message refused", "policyviolation"),
    (EXO, "example.org", "5.0.350", "", "550 5.0.350 Generic error, x-dg-ref header is too long", "policyviolation"),
    (EXO, "example.org", "5.3.3", "", "550 5.3.3 Unrecognized command", "syntaxerror"),
    (EXO, "example.org", "5.1.4", "", "550 5.1.4 Destination mailbox address ambiguous", "systemerror"),
    (EXO, "example.org", "5.2.14", "", "550 5.2.14 Misconfigured forwarding address", "systemerror"),
    (EXO, "example.org", "5.1.6", "", "550 5.1.6 Recipient addresses in single label domains not accepted",
     "userunknown"),
    (EXO, "example.org", "5.4.312", "", "550 5.4.312 DNS query failed", "networkerror"),
    (MIMECAST_MX, "example.org", "4.0.0", "", "451 Recipient Temporarily Unavailable", "blocked"),
    (MIMECAST_MX, "example.org", "4.0.0", "", "451 Internal resources are temporarily unavailable", "blocked"),
    (MIMECAST_MX, "example.org", "5.0.0", "", "553 This route requires encryption (TLS)", "failedstarttls"),
    (MIMECAST_MX, "example.org", "5.0.0", "", "535 Incorrect authentication data", "securityerror"),
    (MIMECAST_MX, "example.org", "4.0.0", "", "451 Account inbounds disabled", "notaccept"),
    (MIMECAST_MX, "example.org", "4.0.0", "", "451 Account service is temporarily unavailable", "ratelimited"),
    (MIMECAST_MX, "example.org", "5.0.0", "", "554 Mail loop detected", "networkerror"),
    (MIMECAST_MX, "example.org", "4.0.0", "", "451 Unable to process connection at this time", "systemerror"),
    (MIMECAST_MX, "example.org", "5.0.0", "", "550 Envelope rejected - Block policy for envelope from address",
     "rejected"),
    (MIMECAST_MX, "example.org", "5.0.0", "", "550 DMARC Sender Invalid - envelope rejected", "authfailure"),
    # Mimecast's "Sender address blocked" names the sender's address on a blocked-senders list: rejected
    (MIMECAST_MX, "example.org", "4.0.0", "", "421 Sender address blocked", "rejected"),
    (COX_MX, "cox.net", "5.0.0", "", "550 5.1.0 Email sending limited due to suspicious account activity AUP#CXTHRT",
     "securityerror"),
    (COX_MX, "cox.net", "5.1.0", "", "550 5.1.0 sender rejected AUP#CXSNDR", "rejected"),
    (COX_MX, "cox.net", "4.0.0", "", "421 too many sessions from 192.0.2.1 AUP#CXCNCT", "ratelimited"),
    (COX_MX, "cox.net", "5.0.0", "", "554 Message rejected: URL blocklisted AUP#URLBL011", "spamdetected"),
    (COX_MX, "cox.net", "5.0.0", "", "554 192.0.2.1 rejected - no rDNS", "requireptr"),
    (COX_MX, "cox.net", "5.0.0", "", "552 attachment extension is forbidden", "policyviolation"),
    (COX_MX, "cox.net", "5.1.0", "", "550 5.1.0 sender rejected", "rejected"),
    (COX_MX, "cox.net", "5.1.1", "", "550 5.1.1 recipient rejected", "userunknown"),
    (SPECTRUM_MX, "charter.net", "5.0.0", "", "554 Your IP address has been blocked. AUP#In-1000", "blocked"),
    (SPECTRUM_MX, "charter.net", "5.0.0", "", "554 AUP#Out-1010 account blocked from sending", "rejected"),
    (SPECTRUM_MX, "charter.net", "5.0.0", "", "554 IPv6 is not processed AUP#In-1260", "networkerror"),
    (SPECTRUM_MX, "charter.net", "5.0.0", "", "554 AUP#In-1170 against the domain's security policies",
     "policyviolation"),
    (SPECTRUM_MX, "charter.net", "5.0.0", "", "554 AUP#Out-1530 message larger than 20MB", "emailtoolarge"),
    (SPECTRUM_MX, "charter.net", "5.0.0", "", "554 AUP#Out-1550 too many recipients", "ratelimited"),
    (SPECTRUM_MX, "charter.net", "5.0.0", "", "554 AUP#Out-1560 too many invalid recipients", "policyviolation"),
    (GODADDY_MX, "example.com", "5.0.0", "", "554 Connection refused. This IP has a poor reputation on Cloudmark "
     "Sender Intelligence (CSI). IB103", "badreputation"),
    (GODADDY_MX, "example.com", "4.0.0", "", "421 Temporarily rejected. Reverse DNS for this IP failed. IB108",
     "requireptr"),
    (GODADDY_MX, "example.com", "5.0.0", "", "554 This IP has been temporarily blocked for attempting to mail too many "
     "invalid recipients. IB112", "blocked"),
    (GODADDY_MX, "example.com", "5.0.0", "", "535 Authentication not allowed on IBSMTP Servers. IB401", "securityerror"),
    (GODADDY_MX, "example.com", "5.0.0", "", "550 a@example.com Blank From: addresses are not allowed. Please "
     "provide a valid From. IB501", "rejected"),
    (GODADDY_MX, "example.com", "5.0.0", "", "552 Virus infected message rejected. IB705", "virusdetected"),
    (GODADDY_MX, "example.com", "5.0.0", "", "550 This IP has sent too many messages this hour. IB504", "ratelimited"),
    (GODADDY_MX, "example.com", "5.0.0", "", "550 Account storage limit", "mailboxfull"),
    ("mx.i.ua", "i.ua", "5.0.0", "", "550 Mailbox is full. See http://mail.i.ua/err/4/", "mailboxfull"),
    ("mx.i.ua", "i.ua", "5.0.0", "", "550 Letter sending limit is exceeded. http://mail.i.ua/err/5/", "ratelimited"),
    ("mx.i.ua", "i.ua", "5.0.0", "", "550 Use SMTP of your provider. http://mail.i.ua/err/6/", "norelaying"),
    ("mx.i.ua", "i.ua", "5.0.0", "", "550 Not in the list. http://mail.i.ua/err/10/", "filtered"),
    ("", "facebook.com", "5.1.1", "", "550 5.1.1 INT-P1 http://postmaster.facebook.com/response_codes", "userunknown"),
    ("", "facebook.com", "5.0.0", "", "550 5.7.1 POL-P5 http://postmaster.facebook.com/response_codes", "virusdetected"),
    ("", "facebook.com", "5.0.0", "", "550 5.1.8 DNS-P1 http://postmaster.facebook.com/response_codes", "rejected"),
    ("", "facebook.com", "4.0.0", "", "450 4.2.1 RCP-T4 http://postmaster.facebook.com/response_codes", "suspend"),
    ("", "facebook.com", "4.0.0", "", "451 4.3.0 RCP-T1 http://postmaster.facebook.com/response_codes", "systemerror"),
    # "not accepting messages from your mail server" for hours blocks the client (the table: notaccept,
    # which here is a destination that accepts no mail at all)
    ("", "facebook.com", "5.0.0", "", "550 5.7.1 POL-P3 http://postmaster.facebook.com/response_codes", "blocked"),
    ("mx3.qq.com", "qq.com", "5.0.0", "", "550 DMARC check failed", "authfailure"),
    ("mx3.qq.com", "qq.com", "5.0.0", "", "550 Suspected spam ip", "blocked"),
    ("mx3.qq.com", "qq.com", "5.0.0", "", "550 Connection denied", "ratelimited"),
    ("mx3.qq.com", "qq.com", "5.0.0", "", "501 Bad address syntax", "syntaxerror"),
    ("smtp-in.orange.fr", "orange.fr", "5.1.1", "", "550 5.1.1 Adresse d au moins un destinataire invalide. Invalid "
     "recipient. OFR_416 [416]", "userunknown"),
    ("smtp-in.orange.fr", "orange.fr", "5.2.2", "", "552 5.1.1 Boite du destinataire pleine. Recipient overquota. "
     "OFR_417 [417]", "mailboxfull"),
    ("smtp-in.laposte.net", "laposte.net", "4.0.0", "", "421 mwinf5c79 ME Trop de connexions, veuillez verifier votre "
     "configuration. Too many connections, slow down. LPN105_104", "ratelimited"),
    ("smtp-in.laposte.net", "laposte.net", "5.0.0", "", "550 5.5.0 Authentification requise. Authentication "
     "Required. LPN105_402", "securityerror"),
    ("smtp-in.laposte.net", "laposte.net", "5.0.0", "", "571 5.7.1 Message refused, DMARC verification Failed. "
     "LPN007_517", "authfailure"),
    ("smtp-in.orange.fr", "orange.fr", "5.0.0", "", "501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]",
     "rejected"),
    ("smtp-in.laposte.net", "laposte.net", "5.0.0", "", "550 5.5.0 Service refuse. Veuillez essayer plus tard. "
     "service refused, please try later. LPN005_510", "blocked"),
    ("smtp-in.orange.fr", "orange.fr", "5.0.0", "", "552 Taille limite du message atteinte. OFR_514", "emailtoolarge"),
    ("mfsmax.docomo.ne.jp", "docomo.ne.jp", "5.0.911", "", "550 Unknown user a@docomo.ne.jp", "userunknown"),
    ("mfsmax.docomo.ne.jp", "docomo.ne.jp", "5.0.0", "", "503 Bad sequence of commands", "syntaxerror"),
    ("163mx01.mxmail.netease.com", "163.com", "5.0.0", "",
     "554 Your message was rejected, see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1", "spamdetected"),
    # its IP code still says the client is blocked, whatever help page it links
    ("163mx01.mxmail.netease.com", "163.com", "5.0.0", "",
     "554 IP:192.0.2.1 http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1", "blocked"),
]


@pytest.mark.parametrize(("rhost", "destination", "status", "command", "diagnostic", "expected"), DOCUMENTED,
                         ids=[row[4][:60] for row in DOCUMENTED])
def test_each_providers_documented_codes(rhost, destination, status, command, diagnostic, expected):
    got, why = classify(Evidence(action="failed", rhost=rhost, destination=destination, status=status,
                                 command=command, diagnostic=diagnostic, replycode=diagnostic[:3]))
    assert got == expected, why


@pytest.mark.parametrize("domain", ["yahoo.com.br", "yahoo.ca", "aol.co.uk", "ymail.com"])
def test_yahoos_regional_domains_are_yahoos(domain):
    text = "554 delivery error: dd This user doesn't have a %s account (a@%s) [0]" % (domain, domain)
    got, why = classify(Evidence(action="failed", destination=domain, diagnostic=text))
    assert (got, why.split(" (")[0]) == ("userunknown", "provider Yahoo")


def test_yahoo_japan_is_not_yahoo():
    """yahoo.co.jp is Yahoo! JAPAN's (another company's) mail: Yahoo's rules do not apply to it."""
    _, why = classify(Evidence(action="failed", destination="yahoo.co.jp",
                               diagnostic="554 delivery error: dd This user doesn't have a yahoo.co.jp account"))
    assert "Yahoo" not in why


@pytest.mark.parametrize("domain", ["hotmail.fr", "live.co.uk", "outlook.de", "hotmail.com.br"])
def test_microsofts_regional_domains_are_microsofts(domain):
    got, why = classify(Evidence(action="failed", destination=domain,
                                 diagnostic="550 5.7.520 Access denied, Your organization does not allow external forwarding"))
    assert (got, why.split(" (")[0]) == ("policyviolation", "provider Microsoft")
