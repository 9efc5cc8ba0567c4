"""The big receiving providers' documented SMTP replies: the reason and hard/soft each one gets.

One case per reply, the text as the provider's own error-code page (or its widely seen bounces)
words it, given to the classifier as a reporting MTA would: the remote host, the recipient's
domain, the status code and the SMTP stage. Sources: Gmail's "SMTP errors and codes" reference;
Microsoft's "Email non-delivery reports and SMTP errors in Exchange Online" and Outlook.com's
postmaster replies; Yahoo's postmaster error codes; Apple's iCloud postmaster page; QQ Mail's help;
Cox's, GoDaddy's, Mimecast's and Orange's error-code pages.
"""

from __future__ import annotations

import pytest

from bouncetui.classify import Evidence, classify
from bouncetui.model import is_hard

GMAIL = ("gmail-smtp-in.l.google.com", "gmail.com")
WORKSPACE = ("aspmx.l.google.com", "example.org")
OUTLOOK = ("outlook-com.olc.protection.outlook.com", "outlook.com")
EXO = ("example-org.mail.protection.outlook.com", "example.org")
YAHOO = ("mta6.am0.yahoodns.net", "yahoo.com")
AOL = ("mx-aol.mail.gm0.yahoodns.net", "aol.com")
ICLOUD = ("mx01.mail.icloud.com", "icloud.com")
QQ = ("mx3.qq.com", "qq.com")
COX = ("cxr.mx.a.cloudfilter.net", "cox.net")
GODADDY = ("smtp.secureserver.net", "example.com")
MIMECAST = ("eu-smtp-inbound-1.mimecast.com", "example.co.uk")
ORANGE = ("smtp-in.orange.fr", "orange.fr")


def _case(where, status, command, diagnostic, expected, name):
    rhost, destination = where
    return pytest.param(rhost, destination, status, command, diagnostic, expected, id=name)


GOOGLE_REPLIES = [
    _case(GMAIL, "5.1.1", "RCPT", "550-5.1.1 The email account that you tried to reach does not exist. Please try "
          "double-checking the recipient's email address for typos or unnecessary spaces.", "userunknown", "5.1.1"),
    _case(GMAIL, "5.2.1", "RCPT", "550-5.2.1 The email account that you tried to reach is disabled.",
          "suspend", "5.2.1-disabled"),
    _case(GMAIL, "4.2.2", "RCPT", "452-4.2.2 The email account that you tried to reach is over quota. Please direct "
          "the recipient to Clear Google Drive space & increase storage.", "mailboxfull", "4.2.2"),
    _case(GMAIL, "5.2.2", "RCPT", "552-5.2.2 The email account that you tried to reach is over quota.",
          "mailboxfull", "5.2.2"),
    _case(GMAIL, "4.2.1", "RCPT", "450-4.2.1 The user you are trying to contact is receiving mail too quickly. "
          "Please resend your message at a later time. If the user is able to receive mail at that time, your "
          "message will be delivered.", "ratelimited", "4.2.1-too-quickly"),
    _case(GMAIL, "4.2.1", "RCPT", "450-4.2.1 The user you are trying to contact is receiving mail at a rate that "
          "prevents additional messages from being delivered. Please resend your message at a later time.",
          "ratelimited", "4.2.1-rate"),
    _case(WORKSPACE, "4.2.1", "MAIL", "450-4.2.1 Peak SMTP relay limit exceeded for customer. This is a temporary "
          "error.", "ratelimited", "4.2.1-relay-peak"),
    _case(WORKSPACE, "5.4.5", "MAIL", "550-5.4.5 Daily SMTP relay limit exceeded for user.", "ratelimited",
          "5.4.5-relay-daily"),
    _case(GMAIL, "5.4.5", "MAIL", "550 5.4.5 Daily sending quota exceeded.", "ratelimited", "5.4.5-quota"),
    _case(WORKSPACE, "5.7.1", "MAIL", "550-5.7.1 Daily SMTP relay limit exceeded for customer.", "ratelimited",
          "5.7.1-relay-customer"),
    _case(GMAIL, "4.5.3", "RCPT", "452-4.5.3 Your message has too many recipients.", "ratelimited",
          "4.5.3-recipients"),
    _case(WORKSPACE, "4.3.0", "RCPT", "451-4.3.0 Multiple destination domains per transaction is unsupported. "
          "Please try again.", "ratelimited", "4.3.0-domains"),
    _case(GMAIL, "4.7.0", "RCPT", "421-4.7.0 IP not in whitelist for RCPT domain, closing connection.", "blocked",
          "4.7.0-whitelist"),
    _case(GMAIL, "4.7.0", "DATA", "421-4.7.0 Our system has detected an unusual rate of unsolicited mail "
          "originating from your IP address. To protect our users from spam, mail sent from your IP address has "
          "been temporarily blocked.", "blocked", "4.7.0-unusual-rate"),
    _case(GMAIL, "4.7.0", "HELO", "421-4.7.0 Try again later, closing connection.", "blocked", "4.7.0-dos"),
    _case(WORKSPACE, "4.7.0", "RCPT", "421-4.7.0 TLS required for RCPT domain, closing connection.",
          "failedstarttls", "4.7.0-tls"),
    _case(GMAIL, "4.7.0", "DATA", "421-4.7.0 This message is suspicious due to the very low reputation of the "
          "sending IP address/domain. To protect our users from spam, mail sent from your IP address has been "
          "temporarily rate limited.", "badreputation", "4.7.0-low-reputation"),
    _case(GMAIL, "4.7.28", "DATA", "421-4.7.28 Our system has detected an unusual rate of unsolicited mail "
          "originating from your IP address. To protect our users from spam, mail sent from your IP address has "
          "been temporarily rate limited.", "ratelimited", "4.7.28"),
    _case(GMAIL, "5.7.28", "DATA", "550-5.7.28 Our system has detected an unusual rate of unsolicited mail "
          "originating from your IP address. To protect our users from spam, mail sent from your IP address has "
          "been blocked.", "blocked", "5.7.28"),
    _case(GMAIL, "5.7.1", "DATA", "550-5.7.1 The IP you're using to send mail is not authorized to send email "
          "directly to our servers. Please use the SMTP relay at your service provider instead.", "blocked",
          "5.7.1-direct"),
    _case(GMAIL, "5.7.1", "DATA", "550-5.7.1 Our system has detected that this message is likely unsolicited mail. "
          "To reduce the amount of spam sent to Gmail, this message has been blocked.", "spamdetected",
          "5.7.1-unsolicited"),
    _case(GMAIL, "5.7.1", "DATA", "550-5.7.1 Our system has detected that this message is likely suspicious due to "
          "the very low reputation of the sending IP address. To best protect our users from spam, the message has "
          "been blocked.", "badreputation", "5.7.1-ip-reputation"),
    _case(GMAIL, "5.7.1", "DATA", "550-5.7.1 Our system has detected that this message is likely suspicious due to "
          "the very low reputation of the sending domain. To best protect our users from spam, the message has "
          "been blocked.", "badreputation", "5.7.1-domain-reputation"),
    _case(WORKSPACE, "5.7.1", "RCPT", "550-5.7.1 The user or domain that you are sending to (or from) has a policy "
          "that prohibited the mail that you sent. Please contact your domain administrator for further details.",
          "policyviolation", "5.7.1-domain-policy"),
    _case(WORKSPACE, "5.7.1", "MAIL", "550 5.7.1 Unauthenticated email is not accepted from this domain.",
          "authfailure", "5.7.1-unauthenticated-domain"),
    _case(WORKSPACE, "5.7.1", "MAIL", "550 5.7.1 Invalid credentials for relay.", "securityerror",
          "5.7.1-relay-credentials"),
    _case(WORKSPACE, "5.7.0", "MAIL", "550-5.7.0 Mail relay denied [192.0.2.1]. Invalid credentials for relay for "
          "one of the domains in: example.org (as obtained from HELO and MAIL FROM). Email is being sent from a "
          "domain or IP address which isn't registered in your Workspace account.", "norelaying",
          "5.7.0-relay-denied"),
    _case(WORKSPACE, "5.7.0", "MAIL", "550 5.7.0 Mail Sending denied. This error occurs if the sender account is "
          "disabled or not registered within your Google Workspace domain.", "rejected", "5.7.0-sending-denied"),
    _case(GMAIL, "5.7.25", "DATA", "550-5.7.25 [192.0.2.1] The IP address sending this message does not have a PTR "
          "record setup, or the corresponding forward DNS entry does not point to the sending IP. As a policy, "
          "Gmail does not accept messages from IPs with missing PTR records.", "requireptr", "5.7.25"),
    _case(GMAIL, "5.7.26", "DATA", "550-5.7.26 Unauthenticated email from example.org is not accepted due to "
          "domain's DMARC policy. Please contact the administrator of example.org domain.", "authfailure",
          "5.7.26-dmarc"),
    _case(GMAIL, "5.7.26", "DATA", "550-5.7.26 This message does not have authentication information or fails to "
          "pass authentication checks (SPF or DKIM). To best protect our users from spam, the message has been "
          "blocked.", "authfailure", "5.7.26-checks"),
    _case(GMAIL, "5.7.26", "DATA", "550-5.7.26 This message fails to pass SPF checks for an SPF record with a hard "
          "fail policy (-all). To best protect our users from spam and phishing, the message has been blocked.",
          "authfailure", "5.7.26-spf-hardfail"),
    _case(GMAIL, "5.7.26", "DATA", "550-5.7.26 This mail has been blocked because the sender is unauthenticated. "
          "Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: "
          "DKIM = did not pass SPF [example.org] with ip: [192.0.2.1] = did not pass", "authfailure",
          "5.7.26-unauthenticated"),
    _case(GMAIL, "4.7.26", "DATA", "421-4.7.26 This mail has been rate limited because it is unauthenticated. "
          "Gmail requires all senders to authenticate with either SPF or DKIM.", "authfailure",
          "4.7.26-rate-limited-unauthenticated"),
    _case(GMAIL, "4.7.27", "DATA", "421-4.7.27 Your email has been rate limited because SPF authentication didn't "
          "pass for this message. Gmail requires all bulk email senders to authenticate with SPF.", "authfailure",
          "4.7.27-spf"),
    _case(GMAIL, "4.7.29", "DATA", "421-4.7.29 Your email has been rate limited because this message wasn't sent "
          "over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections.",
          "failedstarttls", "4.7.29-tls"),
    _case(GMAIL, "4.7.30", "DATA", "421-4.7.30 Your email has been rate limited because DKIM authentication didn't "
          "pass for this message. Gmail requires all bulk email senders to authenticate with DKIM.", "authfailure",
          "4.7.30-dkim"),
    _case(GMAIL, "4.7.32", "DATA", "421-4.7.32 Your email has been rate limited because the From: header (RFC5322) "
          "in this message isn't aligned with either the authenticated SPF or DKIM organizational domain.",
          "authfailure", "4.7.32-alignment"),
    _case(GMAIL, "5.7.32", "DATA", "550-5.7.32 Your email has been blocked because the From: header (RFC5322) in "
          "this message isn't aligned with either the authenticated SPF or DKIM organizational domain.",
          "authfailure", "5.7.32-alignment"),
    _case(GMAIL, "5.7.1", "DATA", "550-5.7.1 Messages with multiple addresses in From: header are not accepted.",
          "notcompliantrfc", "5.7.1-multiple-from"),
    _case(GMAIL, "5.7.1", "DATA", "550-5.7.1 This message is not RFC 5322 compliant. There are multiple Subject "
          "headers. To reduce the amount of spam sent to Gmail, this message has been blocked.", "notcompliantrfc",
          "5.7.1-rfc5322"),
    _case(GMAIL, "5.7.0", "DATA", "552-5.7.0 This message was blocked because its content presents a potential "
          "security issue. Please visit https://support.google.com/mail/?p=BlockedMessage to review our message "
          "content and attachment content guidelines.", "policyviolation", "5.7.0-security-issue"),
    _case(GMAIL, "5.7.0", "DATA", "552-5.7.0 Our system detected an illegal attachment on your message.",
          "policyviolation", "5.7.0-illegal-attachment"),
    _case(GMAIL, "5.2.3", "DATA", "552-5.2.3 Your message exceeded Google's message size limits.", "emailtoolarge",
          "5.2.3"),
    _case(GMAIL, "5.6.0", "DATA", "554-5.6.0 Message exceeded 50 hops, this may indicate a mail loop.",
          "networkerror", "5.6.0-hops"),
    _case(GMAIL, "5.6.0", "DATA", "554 5.6.0 Mail message is malformed. Not accepted.", "contenterror",
          "5.6.0-malformed"),
    _case(WORKSPACE, "5.1.2", "RCPT", "553-5.1.2 We weren't able to find the recipient domain. Please check for any "
          "spelling errors, and make sure you didn't enter any spaces, periods, or other punctuation after the "
          "recipient's email address.", "hostunknown", "5.1.2"),
    _case(GMAIL, "4.4.2", "DATA", "451 4.4.2 Timeout - closing connection.", "expired", "4.4.2"),
    _case(GMAIL, "4.3.0", "MAIL", "421-4.3.0 Temporary System Problem. Try again later.", "systemerror", "4.3.0"),
    _case(GMAIL, "4.4.5", "CONN", "421-4.4.5 Server busy, try again later.", "systemerror", "4.4.5"),
    _case(GMAIL, "4.3.0", "DATA", "451-4.3.0 Mail server temporarily rejected message.", "systemerror",
          "4.3.0-temporarily-rejected"),
    _case(GMAIL, "5.7.0", "MAIL", "530-5.7.0 Must issue a STARTTLS command first.", "failedstarttls", "5.7.0-tls"),
    _case(WORKSPACE, "5.7.1", "MAIL", "535-5.7.1 Username and Password not accepted.", "securityerror",
          "5.7.1-password"),
    _case(WORKSPACE, "5.7.1", "MAIL", "535-5.7.1 Application-specific password required.", "securityerror",
          "5.7.1-app-password"),
    _case(WORKSPACE, "5.7.1", "MAIL", "535-5.7.1 Please log in with your web browser and then try again.",
          "securityerror", "5.7.1-web-login"),
    _case(WORKSPACE, "5.5.1", "MAIL", "530-5.5.1 Authentication Required.", "securityerror", "5.5.1-auth"),
    _case(GMAIL, "5.5.4", "HELO", "501-5.5.4 HELO/EHLO argument is invalid.", "blocked", "5.5.4-helo"),
    _case(GMAIL, "5.2.2", "RCPT", "552-5.2.2 The recipient's inbox is out of storage space and inactive. Please "
          "direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm", "mailboxfull",
          "5.2.2-out-of-storage"),
]

MICROSOFT_REPLIES = [
    _case(EXO, "5.7.1", "RCPT", "550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus. To "
          "request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1 (AS3130). "
          "[BN1NAM02FT123.eop-nam02.prod.protection.outlook.com]", "blocked", "5.7.1-spamhaus"),
    _case(OUTLOOK, "5.7.1", "MAIL", "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact "
          "your Internet service provider since part of their network is on our block list (S3150). You can also "
          "refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.", "blocked", "S3150"),
    _case(OUTLOOK, "5.7.1", "MAIL", "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact "
          "your Internet service provider since part of their network is on our block list (S3140). You can also "
          "refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.", "blocked", "S3140"),
    _case(OUTLOOK, "4.7.650", "MAIL", "451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due "
          "to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)",
          "badreputation", "4.7.650"),
    _case(EXO, "5.7.606", "RCPT", "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal "
          "from this list please visit https://sender.office.com/ and follow the directions.", "blocked", "5.7.606"),
    _case(EXO, "5.7.649", "RCPT", "550 5.7.649 Access denied, banned sending IP [192.0.2.1]. To request removal "
          "from this list please visit https://sender.office.com/ and follow the directions.", "blocked", "5.7.649"),
    _case(EXO, "5.4.1", "RCPT", "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
          "[BN8NAM12FT064.eop-nam12.prod.protection.outlook.com]", "userunknown", "5.4.1-AS201806281"),
    _case(EXO, "5.1.10", "RCPT", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address "
          "lookup", "userunknown", "5.1.10"),
    _case(EXO, "5.1.1", "RCPT", "550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found", "userunknown", "5.1.1"),
    _case(EXO, "5.7.520", "RCPT", "550 5.7.520 Access denied, Your organization does not allow external "
          "forwarding. Please contact your administrator for further assistance. AS(7555)", "policyviolation",
          "5.7.520"),
    _case(EXO, "5.7.708", "MAIL", "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this "
          "IP.", "blocked", "5.7.708"),
    _case(EXO, "5.7.750", "MAIL", "550 5.7.750 Service unavailable. Client blocked from sending from unregistered "
          "domains.", "blocked", "5.7.750"),
    _case(EXO, "5.7.705", "MAIL", "550 5.7.705 Access denied, tenant has exceeded threshold.", "ratelimited",
          "5.7.705"),
    _case(EXO, "5.7.501", "MAIL", "550 5.7.501 Service unavailable. Spam abuse detected from IP range.", "blocked",
          "5.7.501"),
    _case(EXO, "5.7.511", "MAIL", "550 5.7.511 Access denied, banned sender[192.0.2.1]. To request removal from "
          "this list, forward this message to delist@microsoft.com.", "blocked", "5.7.511"),
    _case(EXO, "5.7.513", "MAIL", "550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by example.org "
          "using Customer Block list (AS16012607).", "blocked", "5.7.513"),
    _case(EXO, "5.7.510", "MAIL", "550 5.7.510 Access denied, example.org does not accept email over IPv6.",
          "blocked", "5.7.510"),
    _case(EXO, "5.7.506", "HELO", "550 5.7.506 Access denied, Bad HELO.", "blocked", "5.7.506"),
    _case(EXO, "5.7.505", "RCPT", "550 5.7.505 Access denied, banned recipient.", "suspend", "5.7.505"),
    _case(EXO, "5.7.509", "DATA", "550 5.7.509 Access denied, sending domain [EXAMPLE.NET] does not pass DMARC "
          "verification and has a DMARC policy of reject.", "authfailure", "5.7.509"),
    _case(EXO, "5.7.23", "DATA", "550 5.7.23 The message was rejected because of Sender Policy Framework violation.",
          "authfailure", "5.7.23"),
    _case(EXO, "4.7.26", "DATA", "450 4.7.26 Access denied, a message sent over IPv6 [2001:db8::1] must pass either "
          "SPF or DKIM validation, this message is not signed.", "authfailure", "4.7.26-ipv6"),
    _case(EXO, "5.7.25", "MAIL", "550 5.7.25 Access denied, the sending IPv6 address [2001:db8::1] must have a "
          "reverse DNS record.", "requireptr", "5.7.25"),
    _case(EXO, "5.7.512", "DATA", "550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant.",
          "notcompliantrfc", "5.7.512"),
    _case(EXO, "5.7.350", "DATA", "550 5.7.350 Remote server returned message detected as spam -> 554 5.7.1 The "
          "message from (<sender@example.net>) with the subject of (Offer) matches a profile the Internet "
          "community may consider spam.", "spamdetected", "5.7.350"),
    _case(EXO, "5.2.2", "DATA", "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException."
          "MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception",
          "mailboxfull", "5.2.2-mailbox-full"),
    _case(EXO, "5.2.2", "DATA", "554 5.2.2 mailbox full; STOREDRV.Submission.Exception:"
          "SubmissionQuotaExceededException; Failed to process message due to a permanent exception",
          "ratelimited", "5.2.2-submission-quota"),
    _case(EXO, "5.2.122", "RCPT", "550 5.2.122 The recipient has exceeded their limit for the number of messages "
          "they can receive per hour.", "ratelimited", "5.2.122"),
    _case(EXO, "5.1.90", "RCPT", "550 5.1.90 Your message can't be sent because you've reached your daily limit "
          "for message recipients.", "ratelimited", "5.1.90"),
    _case(EXO, "4.4.7", "", "550 4.4.7 QUEUE.Expired; message expired", "expired", "4.4.7"),
    _case(EXO, "5.4.316", "", "550 5.4.316 Message expired, connection refused(Socket error code 10061)",
          "expired", "5.4.316"),
    _case(EXO, "5.4.310", "", "550 5.4.310 DNS domain example.invalid does not exist "
          "[Message=InfoDomainNonexistent] [LastAttemptedServerName=example.invalid]", "hostunknown", "5.4.310"),
    _case(EXO, "5.4.14", "", "554 5.4.14 Hop count exceeded - possible mail loop ATTR34", "networkerror",
          "5.4.14"),
    _case(EXO, "5.7.57", "MAIL", "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL "
          "FROM", "securityerror", "5.7.57"),
    _case(EXO, "5.7.57", "MAIL", "530 5.7.57 Client not authenticated to send mail.", "securityerror",
          "5.7.57-newer"),
    _case(EXO, "5.7.124", "RCPT", "550 5.7.124 RESOLVER.RST.NotAuthorizedToSend; sender not in allowed-senders "
          "list", "rejected", "5.7.124"),
    _case(EXO, "5.7.133", "RCPT", "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication "
          "required; Delivery restriction check failed as sender not authenticated", "rejected", "5.7.133"),
    _case(EXO, "5.7.321", "", "451 5.7.321 starttls-not-supported: Destination mail server must support TLS to "
          "receive mail.", "failedstarttls", "5.7.321"),
    _case(EXO, "5.3.4", "DATA", "552 5.3.4 Message size exceeds fixed maximum message size", "emailtoolarge",
          "5.3.4"),
    _case(EXO, "5.2.3", "RCPT", "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient",
          "emailtoolarge", "5.2.3"),
    _case(OUTLOOK, "5.5.0", "RCPT", "550 Requested action not taken: mailbox unavailable "
          "(-1234567890:1234:-2147467259)", "userunknown", "mailbox-unavailable"),
    _case(OUTLOOK, "5.5.0", "", "554 The mail could not be delivered to the recipient because the domain is not "
          "reachable. Please check the domain and try again", "hostunknown", "domain-not-reachable"),
]

YAHOO_REPLIES = [
    _case(YAHOO, "5.0.0", "RCPT", "554 delivery error: dd This user doesn't have a yahoo.com account "
          "(someone@yahoo.com) [0] - mta1061.mail.ne1.yahoo.com", "userunknown", "dd-no-account"),
    _case(AOL, "5.0.0", "RCPT", "554 delivery error: dd Requested mailbox is not available - "
          "mta1234.mail.gq1.yahoo.com", "userunknown", "dd-not-available"),
    _case(YAHOO, "5.0.0", "RCPT", "554 delivery error: dd Sorry your message to someone@yahoo.com cannot be "
          "delivered. This account has been disabled or discontinued [#102]. - mta1234.mail.bf1.yahoo.com",
          "suspend", "dd-disabled"),
    _case(YAHOO, "5.0.0", "RCPT", "552 1 Requested mail action aborted, mailbox not found", "userunknown",
          "mailbox-not-found"),
    _case(YAHOO, "4.7.0", "MAIL", "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to "
          "unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
          "badreputation", "TSS04"),
    _case(YAHOO, "4.7.0", "MAIL", "421 4.7.0 [TSS09] All messages from 192.0.2.1 will be permanently deferred; "
          "Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes", "blocked", "TSS09"),
    _case(YAHOO, "4.7.1", "MAIL", "421 4.7.1 [TS01] Messages from 192.0.2.1 temporarily deferred due to user "
          "complaints - 4.16.55.1; see http://postmaster.yahoo.com/421-ts01.html", "badreputation", "TS01"),
    _case(YAHOO, "4.7.1", "MAIL", "421 4.7.1 [TS02] Messages from 192.0.2.1 temporarily deferred due to excessive "
          "volume; see http://postmaster.yahoo.com/421-ts02.html", "ratelimited", "TS02"),
    _case(YAHOO, "5.7.1", "MAIL", "553 5.7.1 [TS03] All messages from 192.0.2.1 will be permanently deferred; "
          "Retrying will NOT succeed. See http://postmaster.yahoo.com/421-ts03.html", "blocked", "TS03"),
    _case(YAHOO, "5.7.1", "CONN", "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, because the "
          "ip is in Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html", "blocked", "BL21"),
    _case(YAHOO, "5.7.9", "DATA", "554 5.7.9 Message not accepted for policy reasons. See "
          "https://postmaster.yahooinc.com/error-codes", "policyviolation", "5.7.9-policy"),
    _case(YAHOO, "5.7.9", "DATA", "550 5.7.9 This mail has been blocked because the sender is unauthenticated. "
          "Yahoo requires all senders to authenticate with either SPF or DKIM.", "authfailure",
          "5.7.9-unauthenticated"),
    _case(AOL, "5.7.1", "DATA", "554 5.7.1 [PH01] Email not accepted for policy reasons. Please visit "
          "https://postmaster.yahooinc.com/error-codes", "policyviolation", "PH01"),
]

APPLE_REPLIES = [
    _case(ICLOUD, "5.1.1", "RCPT", "550 5.1.1 <someone@icloud.com>: user does not exist", "userunknown",
          "user-does-not-exist"),
    _case(ICLOUD, "5.1.1", "RCPT", "550 5.1.1 <someone@icloud.com>: inactive email address", "userunknown",
          "inactive-address"),
    _case(ICLOUD, "5.1.1", "RCPT", "550 5.1.1 unknown or illegal alias: someone@icloud.com", "userunknown",
          "illegal-alias"),
    _case(ICLOUD, "5.1.6", "RCPT", "550 5.1.6 recipient no longer on server: someone@icloud.com", "hasmoved",
          "no-longer-on-server"),
    _case(ICLOUD, "5.2.2", "RCPT", "552 5.2.2 <someone@icloud.com>: user is over quota", "mailboxfull",
          "over-quota"),
    _case(ICLOUD, "5.2.1", "RCPT", "550 5.2.1 <someone@icloud.com>: user is inactive", "suspend", "user-inactive"),
    _case(ICLOUD, "5.7.1", "DATA", "554 5.7.1 Your message was rejected due to example.org's DMARC policy. See "
          "https://support.apple.com/en-us/HT204137 for info", "authfailure", "dmarc"),
    _case(ICLOUD, "5.7.1", "DATA", "554 5.7.1 [HME1] This message was blocked for failing both SPF and DKIM "
          "authentication checks. See https://support.apple.com/en-us/HT204137 for mailing best practices",
          "authfailure", "HME1"),
    _case(ICLOUD, "5.7.1", "MAIL", "554 5.7.1 [CS01] Message rejected due to local policy. Please visit "
          "https://support.apple.com/en-us/HT204137", "blocked", "CS01"),
    _case(ICLOUD, "5.7.1", "DATA", "554 5.7.1 [HM08] Message rejected due to local policy. Please visit "
          "https://support.apple.com/en-us/HT204137", "policyviolation", "HM08"),
    _case(ICLOUD, "5.7.1", "MAIL", "550 5.7.1 Mail from IP 192.0.2.1 was rejected due to listing in Spamhaus SBL. "
          "For details please see http://www.spamhaus.org/query/bl?ip=192.0.2.1", "blocked", "spamhaus"),
    _case(ICLOUD, "5.7.1", "RCPT", "554 5.7.1 <someone@icloud.com>: Relay access denied", "norelaying",
          "relay-denied"),
]

TENCENT_REPLIES = [
    _case(QQ, "", "RCPT", "550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022"
          "&&no=1000728", "userunknown", "mailbox-not-found"),
    _case(QQ, "", "MAIL", "550 Ip frequency limited [ABCDEF Blocked IP 192.0.2.1]. "
          "http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725", "ratelimited",
          "ip-frequency"),
    _case(QQ, "", "MAIL", "550 Domain frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022"
          "&&no=1000725", "ratelimited", "domain-frequency"),
    _case(QQ, "", "MAIL", "550 Sender frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022"
          "&&no=1000725", "ratelimited", "sender-frequency"),
    _case(QQ, "", "CONN", "550 Connection frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1"
          "&&id=20022&&no=1000725", "ratelimited", "connection-frequency"),
    _case(QQ, "", "DATA", "550 Mail content denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022"
          "&&no=1000726", "spamdetected", "content-denied"),
    _case(QQ, "", "DATA", "550 Message too large. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022"
          "&&no=1000729", "emailtoolarge", "too-large"),
    _case(QQ, "", "RCPT", "550 Mail is rejected by recipients. http://service.mail.qq.com/cgi-bin/help?subtype=1"
          "&&id=20022&&no=1000733", "filtered", "rejected-by-recipients"),
    _case(QQ, "", "DATA", "550 DMARC check failed. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022"
          "&&no=1000751", "authfailure", "dmarc"),
    _case(QQ, "", "MAIL", "550 SPF check failed. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022"
          "&&no=1000755", "authfailure", "spf"),
    _case(QQ, "", "MAIL", "550 Suspected spam ip, please try again later", "blocked", "spam-ip"),
    _case(QQ, "", "DATA", "550 Suspected bounce attacks. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022"
          "&&no=1000756", "blocked", "bounce-attacks"),
]

COX_REPLIES = [
    _case(COX, "5.1.0", "MAIL", "550 5.1.0 <bounce@example.net> sender rejected. Refer to Error Codes section at "
          "https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#CXSNDR",
          "rejected", "CXSNDR"),
    _case(COX, "", "CONN", "554 cxr.mx.a.cloudfilter.net cox.net 192.0.2.1 blocked. Refer to Error Codes section "
          "at https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#CXBL",
          "blocked", "CXBL"),
    _case(COX, "", "MAIL", "554 192.0.2.1 rejected. Refer to Error Codes section at "
          "https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#CXMJ",
          "securityerror", "CXMJ"),
    _case(COX, "", "CONN", "554 192.0.2.1 rejected. Refer to Error Codes section at "
          "https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#IPBL0001",
          "blocked", "IPBL0001"),
    _case(COX, "", "DATA", "552 URL rejected. Refer to Error Codes section at "
          "https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#URLBL1001",
          "spamdetected", "URLBL1001"),
    _case(COX, "", "CONN", "421 cox.net too many sessions from 192.0.2.1", "ratelimited", "too-many-sessions"),
    _case(COX, "", "CONN", "554 rejected - no rDNS", "requireptr", "no-rdns"),
    _case(COX, "5.1.1", "RCPT", "550 5.1.1 <someone@cox.net> recipient rejected", "userunknown",
          "recipient-rejected"),
]

GODADDY_REPLIES = [
    _case(GODADDY, "", "CONN", "554 Connection refused. This IP has a poor reputation on Cloudmark Sender "
          "Intelligence (CSI). IB103", "badreputation", "IB103"),
    _case(GODADDY, "", "CONN", "554 Connection refused. This IP is listed on the Spamhaus Block List (SBL). IB104",
          "blocked", "IB104"),
    _case(GODADDY, "", "CONN", "421 Connection refused, too many sessions from This IP. Please lower the number of "
          "concurrent sessions. IB007", "ratelimited", "IB007"),
    _case(GODADDY, "", "CONN", "421 Temporarily rejected. Reverse DNS for this IP failed. IB108", "requireptr",
          "IB108"),
    _case(GODADDY, "", "DATA", "552 This message has been rejected due to content judged to be spam by the "
          "Internet community. IB212", "spamdetected", "IB212"),
    _case(GODADDY, "", "MAIL", "535 Authentication not allowed on IBSMTP Servers. IB401", "securityerror", "IB401"),
    _case(GODADDY, "", "MAIL", "550 someone@example.net Blank From: addresses are not allowed. Please provide a "
          "valid From. IB501", "rejected", "IB501"),
    _case(GODADDY, "", "MAIL", "550 This IP has sent too many messages this hour. IB504", "ratelimited", "IB504"),
    _case(GODADDY, "", "DATA", "552 Virus infected message rejected. IB705", "virusdetected", "IB705"),
]

MIMECAST_REPLIES = [
    _case(MIMECAST, "", "MAIL", "550 Rejected by header based Anti-Spoofing policy: someone@example.co.uk - "
          "https://community.mimecast.com/docs/DOC-1369#550 [AbCdEf.uk23]", "policyviolation", "anti-spoofing"),
    _case(MIMECAST, "", "MAIL", "550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550 "
          "[AbCdEf.uk23]", "filtered", "user-entry"),
    _case(MIMECAST, "", "MAIL", "550 Administrative prohibition envelope blocked - "
          "https://community.mimecast.com/docs/DOC-1369#550", "rejected", "admin-prohibition"),
    _case(MIMECAST, "", "MAIL", "550 SPF Sender Invalid - envelope rejected - "
          "https://community.mimecast.com/docs/DOC-1369#550", "authfailure", "spf"),
    _case(MIMECAST, "", "DATA", "554 email rejected due to security policies - MCSpamSignature.sa.2.2",
          "virusdetected", "security-policies"),
    _case(MIMECAST, "", "RCPT", "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550",
          "userunknown", "invalid-recipient"),
    _case(MIMECAST, "", "RCPT", "451 Recipient temporarily unavailable - "
          "https://community.mimecast.com/docs/DOC-1369#451", "blocked", "greylisted"),
    _case(MIMECAST, "", "DATA", "554 Maximum email size exceeded - https://community.mimecast.com/docs/DOC-1369#554",
          "emailtoolarge", "too-large"),
    _case(MIMECAST, "", "MAIL", "550 Local CT IP Reputation - (reject) - "
          "https://community.mimecast.com/docs/DOC-1369#550", "badreputation", "ip-reputation"),
    _case(MIMECAST, "", "MAIL", "553 This route requires encryption (TLS) - "
          "https://community.mimecast.com/docs/DOC-1369#553", "failedstarttls", "tls"),
]

HOTMAIL = ("mx1.hotmail.com", "hotmail.com")
COMCAST = ("mx1.comcast.net", "comcast.net")
SPECTRUM = ("mx.charter.net", "charter.net")

# Hotmail's classic codes, still in old mailboxes: "550 SC-001 (BAY004-MC1F12) ..."
HOTMAIL_CLASSIC_REPLIES = [
    _case(HOTMAIL, "", "MAIL", "421 RP-001 (SNT004-MC3F7) Unfortunately, some messages from 192.0.2.1 weren't sent. "
          "Please try again. We have limits for how many messages can be sent per hour and per day. You can also "
          "refer to http://mail.live.com/mail/troubleshooting.aspx#errors.", "ratelimited", "RP-001"),
    _case(HOTMAIL, "", "MAIL", "550 SC-001 (BAY004-MC1F12) Unfortunately, messages from 192.0.2.1 weren't sent. "
          "Please contact your Internet service provider since part of their network is on our block list. You can "
          "also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.", "blocked", "SC-001"),
    _case(HOTMAIL, "", "MAIL", "550 SC-002 (COL004-MC1F33) Mail rejected by Windows Live Hotmail for policy "
          "reasons. The mail server IP connecting to Windows Live Hotmail has exhibited namespace mining behavior. "
          "If you are not an email/network admin please contact your E-mail/Internet Service Provider for help.",
          "blocked", "SC-002"),
    _case(HOTMAIL, "", "MAIL", "550 SC-003 (BAY004-MC4F23) Mail rejected by Windows Live Hotmail for policy "
          "reasons. Your IP address appears to be an open proxy. If you are not an email/network admin please "
          "contact your E-mail/Internet Service Provider for help.", "blocked", "SC-003"),
    _case(HOTMAIL, "", "MAIL", "550 SC-004 (BAY004-MC2F33) Mail rejected by Windows Live Hotmail for policy "
          "reasons. A block has been placed against your IP address because we have received complaints "
          "concerning mail coming from that IP address.", "blocked", "SC-004"),
    _case(HOTMAIL, "", "MAIL", "550 DY-001 (SNT004-MC1F19) Unfortunately, messages from 192.0.2.1 weren't sent. "
          "Please contact your Internet service provider. You can tell them that Hotmail does not relay "
          "dynamically-assigned IP ranges. You can also refer your provider to "
          "http://mail.live.com/mail/troubleshooting.aspx#errors.", "blocked", "DY-001"),
    _case(HOTMAIL, "4.7.500", "MAIL", "451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77714) "
          "[DM6NAM12FT012.eop-nam12.prod.protection.outlook.com]", "ratelimited", "4.7.500-S77714"),
]

MORE_MICROSOFT_REPLIES = [
    # a group that accepts only authenticated senders: the authentication it requires is missing
    _case(EXO, "5.7.1", "RCPT", "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required [Stage: "
          "CreateMessage]", "securityerror", "RESOLVER.RST.AuthRequired"),
    _case(EXO, "5.7.1", "RCPT", "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized [Stage: CreateMessage]",
          "rejected", "RESOLVER.RST.NotAuthorized"),
    _case(EXO, "5.7.1", "RCPT", "550 5.7.1 Delivery not authorized, message refused", "rejected",
          "5.7.1-not-authorized"),
    _case(EXO, "4.7.0", "MAIL", "451 4.7.0 Temporary server error. Please try again later. PRX4 NextHop: Primary "
          "Mailbox Database", "systemerror", "4.7.0-PRX4"),
    _case(EXO, "5.4.1", "RCPT", "550 5.4.1 Relay Access Denied ATTR35 "
          "[BN1NAM02FT012.eop-nam02.prod.protection.outlook.com]", "norelaying", "5.4.1-relay"),
    _case(EXO, "5.7.64", "RCPT", "550 5.7.64 TenantAttribution; Relay Access Denied "
          "[BN1NAM02FT012.eop-nam02.prod.protection.outlook.com]", "norelaying", "5.7.64"),
]

OTHER_PROVIDER_REPLIES = [
    _case(COMCAST, "5.7.1", "CONN", "554 5.7.1 [192.0.2.1] Comcast block for spam. Please see "
          "http://postmaster.comcast.net/smtp-error-codes.php#BL000000", "blocked", "comcast-BL000000"),
    _case(COMCAST, "4.1.0", "MAIL", "421 4.1.0 [192.0.2.1] Throttled - try again later. Please see "
          "http://postmaster.comcast.net/smtp-error-codes.php#RL000001", "ratelimited", "comcast-RL000001"),
    _case(COMCAST, "5.1.1", "RCPT", "550 5.1.1 <someone@comcast.net> Not our Customer", "userunknown",
          "comcast-not-our-customer"),
    _case(COMCAST, "", "CONN", "554 resimta-ch2-18v.sys.comcast.net comcast 192.0.2.1 Comcast requires that all mail "
          "servers must have a PTR record with a valid Reverse DNS entry. Currently your mail server does not fill "
          "that requirement. For more information, refer to: http://postmaster.comcast.net/smtp-error-codes.php#554",
          "requireptr", "comcast-ptr"),
    _case(SPECTRUM, "5.1.0", "MAIL", "550 5.1.0 <bounce@example.net> sender rejected. Please see "
          "https://www.spectrum.net/support/internet/understanding-email-error-codes for more information. "
          "AUP#I-1000", "blocked", "spectrum-1000"),
    _case(SPECTRUM, "5.1.0", "MAIL", "550 5.1.0 <bounce@example.net> sender rejected. Please see "
          "https://www.spectrum.net/support/internet/understanding-email-error-codes for more information. "
          "AUP#I-1220", "blocked", "spectrum-1220"),
    _case(SPECTRUM, "5.1.0", "MAIL", "550 5.1.0 <bounce@example.net> sender rejected. Please see "
          "https://www.spectrum.net/support/internet/understanding-email-error-codes for more information. "
          "AUP#I-1530", "emailtoolarge", "spectrum-1530"),
    _case(("mx0a-001.pphosted.com", "example.com"), "5.7.0", "CONN", "554 5.7.0 Blocked - see "
          "https://ipcheck.proofpoint.com/?ip=192.0.2.1", "blocked", "proofpoint-ipcheck"),
    _case(("mx.yandex.ru", "yandex.ru"), "5.7.1", "RCPT", "550 5.7.1 No such user!", "userunknown",
          "yandex-no-such-user"),
    _case(("mx.yandex.ru", "yandex.ru"), "5.7.1", "DATA", "554 5.7.1 [2] Message rejected under suspicion of SPAM; "
          "https://ya.cc/1IrBc 1234567890-AbCdEfGh", "spamdetected", "yandex-spam"),
    _case(("mxs.mail.ru", "mail.ru"), "", "RCPT", "550 Message was not accepted -- invalid mailbox.  Local mailbox "
          "someone@mail.ru is unavailable: user not found", "userunknown", "mailru-user-not-found"),
    _case(("mxs.mail.ru", "mail.ru"), "", "RCPT", "550 Message was not accepted -- invalid mailbox.  Local mailbox "
          "someone@mail.ru is unavailable: account is disabled", "suspend", "mailru-disabled"),
    _case(("mxs.mail.ru", "mail.ru"), "", "DATA", "550 spam message rejected. Please visit "
          "http://help.mail.ru/notspam-support/id?c=AbCdEf or report details to abuse@corp.mail.ru. Error code: "
          "AbCdEf. ID: 1234.", "spamdetected", "mailru-spam"),
    _case(("mx00.emig.gmx.net", "gmx.net"), "", "RCPT", "550 Requested action not taken: mailbox unavailable",
          "userunknown", "gmx-mailbox-unavailable"),
    _case(("mx-ha02.web.de", "web.de"), "", "CONN", "554-IP address is block listed. For explanation visit "
          "http://postmaster.web.de/error-messages?ip=192.0.2.1&c=bl", "blocked", "webde-block-listed"),
    _case(("mx.zoho.com", "zoho.com"), "5.1.1", "RCPT", "550 5.1.1 User does not exist - <someone@zoho.com>",
          "userunknown", "zoho-user"),
    _case(("mx.zoho.com", "zoho.com"), "5.4.1", "RCPT", "541 5.4.1 Mail rejected by destination domain",
          "rejected", "zoho-destination-domain"),
    # the Japanese carriers (docomo's "Unknown user" at RCPT and after DATA; au's with and without the address)
    _case(("mfsmax.docomo.ne.jp", "docomo.ne.jp"), "5.0.0", "RCPT", "550 Unknown user someone@docomo.ne.jp",
          "userunknown", "docomo-rcpt"),
    _case(("mfsmax.docomo.ne.jp", "docomo.ne.jp"), "5.2.0", "DATA", "550 Unknown user someone@docomo.ne.jp",
          "filtered", "docomo-data"),
    _case(("lsean.ezweb.ne.jp", "ezweb.ne.jp"), "5.0.0", "DATA", "550 : User unknown", "filtered", "au-filter"),
    _case(("msmx.au.com", "au.com"), "5.0.0", "RCPT", "550 <someone@au.com>: User unknown", "userunknown",
          "au-user"),
    _case(("mx.softbank.ne.jp", "softbank.ne.jp"), "5.0.0", "RCPT", "550 Invalid recipient: <someone@softbank.ne.jp>",
          "userunknown", "softbank-user"),
]

ORANGE_REPLIES = [
    _case(ORANGE, "5.1.1", "RCPT", "550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. "
          "OFR_416 [416]", "userunknown", "OFR_416"),
    _case(ORANGE, "5.1.1", "RCPT", "552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]",
          "mailboxfull", "OFR_417"),
    _case(ORANGE, "4.0.0", "CONN", "421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration. "
          "Too many connections, slow down. OFR005_104 [104]", "ratelimited", "OFR005_104"),
    _case(ORANGE, "5.1.0", "MAIL", "501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]", "rejected",
          "OFR004_405"),
    _case(ORANGE, "5.5.0", "RCPT", "550 5.5.0 Boite du destinataire archivee. Archived recipient. LPN007_420",
          "suspend", "LPN007_420"),
]


@pytest.mark.parametrize(
    "rhost,destination,status,command,diagnostic,expected",
    GOOGLE_REPLIES + MICROSOFT_REPLIES + YAHOO_REPLIES + APPLE_REPLIES + TENCENT_REPLIES + COX_REPLIES
    + GODADDY_REPLIES + MIMECAST_REPLIES + ORANGE_REPLIES + HOTMAIL_CLASSIC_REPLIES + MORE_MICROSOFT_REPLIES
    + OTHER_PROVIDER_REPLIES,
)
def test_a_documented_reply_gets_its_reason(rhost, destination, status, command, diagnostic, expected):
    got, why = classify(Evidence(action="failed", rhost=rhost, destination=destination, status=status,
                                 command=command, diagnostic=diagnostic, replycode=diagnostic[:3]))
    assert got == expected, why
    # hard or soft follows the reason: a missing user or domain is hard, a temporary refusal never
    assert is_hard(got, status, diagnostic[:3]) == (expected in ("userunknown", "hostunknown", "hasmoved"))


# Gmail sends a long reply over several lines, each starting with the codes ("550-5.7.1 "), and the
# reporting MTA joins them: a sentence's words may have such a prefix between them. The line breaks
# are those of Gmail's own replies.
GMAIL_WRAPPED = [
    pytest.param("5.7.1", "DATA", (
        "550-5.7.1 [192.0.2.1      12] Our system has detected an unusual rate of",
        "550-5.7.1 unsolicited mail originating from your IP address. To protect our",
        "550-5.7.1 users from spam, mail sent from your IP address has been blocked.",
        "550-5.7.1 Please visit",
        "550 5.7.1  https://support.google.com/mail/?p=UnsolicitedIPError"), "blocked", id="5.7.1-unusual-rate"),
    pytest.param("4.7.0", "DATA", (
        "421-4.7.0 [192.0.2.1      15] Our system has detected an unusual rate of",
        "421-4.7.0 unsolicited mail originating from your IP address. To protect our",
        "421-4.7.0 users from spam, mail sent from your IP address has been temporarily",
        "421-4.7.0 blocked. Please visit",
        "421-4.7.0  https://support.google.com/mail/?p=UnsolicitedMessageError to",
        "421 4.7.0  review our Bulk Email Senders Guidelines."), "blocked", id="4.7.0-unusual-rate"),
    pytest.param("4.7.28", "DATA", (
        "421-4.7.28 [192.0.2.1      15] Our system has detected an unusual rate of",
        "421-4.7.28 unsolicited mail originating from your IP address. To protect our",
        "421-4.7.28 users from spam, mail sent from your IP address has been temporarily",
        "421-4.7.28 rate limited. Please visit",
        "421-4.7.28  https://support.google.com/mail/?p=UnsolicitedRateLimitError to",
        "421 4.7.28  review our Bulk Email Senders Guidelines."), "ratelimited", id="4.7.28-unusual-rate"),
    pytest.param("5.7.26", "DATA", (
        "550-5.7.26 This mail is unauthenticated, which poses a security risk to the",
        "550-5.7.26 sender and Gmail users, and has been blocked. The sender must",
        "550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,",
        "550-5.7.26 DKIM checks did not pass and SPF check for [example.org] did not",
        "550-5.7.26 pass with ip: [192.0.2.1]. The sender should visit",
        "550-5.7.26  https://support.google.com/mail/answer/81126#authentication for",
        "550 5.7.26 instructions on setting up authentication."), "authfailure", id="5.7.26-unauthenticated"),
    pytest.param("4.7.26", "DATA", (
        "421-4.7.26 This mail is unauthenticated, which poses a security risk to the",
        "421-4.7.26 sender and Gmail users, and has been rate limited. The sender must",
        "421-4.7.26 authenticate with at least one of SPF or DKIM. For this message,",
        "421-4.7.26 DKIM checks did not pass and SPF check for [example.org] did not",
        "421-4.7.26 pass with ip: [192.0.2.1]. The sender should visit",
        "421-4.7.26  https://support.google.com/mail/answer/81126#authentication for",
        "421 4.7.26 instructions on setting up authentication."), "authfailure", id="4.7.26-unauthenticated"),
    pytest.param("5.7.1", "DATA", (
        "550-5.7.1 [192.0.2.1] Our system has detected that this message is",
        "550-5.7.1 likely suspicious due to the very low reputation of the sending IP",
        "550-5.7.1 address. To best protect our users from spam, the message has been",
        "550-5.7.1 blocked. Please visit",
        "550 5.7.1  https://support.google.com/mail/answer/188131 for more information."), "badreputation",
        id="5.7.1-low-reputation"),
    pytest.param("5.7.1", "DATA", (
        "550-5.7.1 [192.0.2.1      12] Our system has detected that this message is",
        "550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,",
        "550-5.7.1 this message has been blocked. Please visit",
        "550-5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError",
        "550 5.7.1  for more information."), "spamdetected", id="5.7.1-unsolicited"),
    pytest.param("5.1.1", "RCPT", (
        "550-5.1.1 The email account that you tried to reach does not exist. Please try",
        "550-5.1.1 double-checking the recipient's email address for typos or",
        "550-5.1.1 unnecessary spaces. Learn more at",
        "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser"), "userunknown", id="5.1.1"),
    pytest.param("5.7.25", "DATA", (
        "550-5.7.25 [192.0.2.1] The IP address sending this message does not have a",
        "550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not",
        "550-5.7.25 point to the sending IP. As a policy, Gmail does not accept messages",
        "550 5.7.25 from IPs with missing PTR records."), "requireptr", id="5.7.25"),
]


@pytest.mark.parametrize("status,command,lines,expected", GMAIL_WRAPPED)
def test_a_wrapped_gmail_reply_gets_the_reason_of_its_sentences(status, command, lines, expected):
    diagnostic = " ".join(line.strip() for line in lines)
    got, why = classify(Evidence(action="failed", rhost=GMAIL[0], destination=GMAIL[1], status=status,
                                 command=command, diagnostic=diagnostic, replycode=diagnostic[:3]))
    assert got == expected, why


@pytest.mark.parametrize("diagnostic,expected", [
    ("550 SC-004 (BAY004-MC2F33) Mail rejected by Windows Live Hotmail for policy reasons. A block has been placed "
     "against your IP address because we have received complaints concerning mail coming from that IP address.",
     "blocked"),
    ("554 5.7.1 [192.0.2.1] Comcast block for spam. Please see "
     "http://postmaster.comcast.net/smtp-error-codes.php#BL000000", "blocked"),
])
def test_a_provider_code_is_read_when_a_relay_lost_the_remote_host(diagnostic, expected):
    got, why = classify(Evidence(action="failed", rhost="relay.example.net", destination="example.org",
                                 diagnostic=diagnostic, replycode=diagnostic[:3]))
    assert got == expected, why
    assert "provider" in why
