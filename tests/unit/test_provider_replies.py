"""Gmail's and Microsoft's documented SMTP replies: the reason and hard/soft each one gets.

One case per reply, the text as the provider's own error-code page (or its widely seen bounces)
words it, given to the classifier as a reporting MTA would: the remote host, the recipient's
domain, the status code and the SMTP stage. Sources: Gmail's "SMTP errors and codes" reference
(and the line breaks of its multi-line replies); Microsoft's "Email non-delivery reports and SMTP
errors in Exchange Online", Outlook.com's and Hotmail's postmaster replies. The other providers:
test_provider_replies_others.py.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from bouncetui.classify import Evidence, classify
from tests.unit.provider_replies import EXO, GMAIL, HOTMAIL, OUTLOOK, WORKSPACE, case, check

GOOGLE_REPLIES = [
    case(GMAIL, "5.1.1", "RCPT", "550-5.1.1 The email account that you tried to reach does not exist. Please try "
          "double-checking the recipient's email address for typos or unnecessary spaces.", "userunknown", "5.1.1"),
    case(GMAIL, "5.2.1", "RCPT", "550-5.2.1 The email account that you tried to reach is disabled.",
          "suspend", "5.2.1-disabled"),
    case(GMAIL, "4.2.2", "RCPT", "452-4.2.2 The email account that you tried to reach is over quota. Please direct "
          "the recipient to Clear Google Drive space & increase storage.", "mailboxfull", "4.2.2"),
    case(GMAIL, "5.2.2", "RCPT", "552-5.2.2 The email account that you tried to reach is over quota.",
          "mailboxfull", "5.2.2"),
    case(GMAIL, "4.2.1", "RCPT", "450-4.2.1 The user you are trying to contact is receiving mail too quickly. "
          "Please resend your message at a later time. If the user is able to receive mail at that time, your "
          "message will be delivered.", "ratelimited", "4.2.1-too-quickly"),
    case(GMAIL, "4.2.1", "RCPT", "450-4.2.1 The user you are trying to contact is receiving mail at a rate that "
          "prevents additional messages from being delivered. Please resend your message at a later time.",
          "ratelimited", "4.2.1-rate"),
    case(WORKSPACE, "4.2.1", "MAIL", "450-4.2.1 Peak SMTP relay limit exceeded for customer. This is a temporary "
          "error.", "ratelimited", "4.2.1-relay-peak"),
    case(WORKSPACE, "5.4.5", "MAIL", "550-5.4.5 Daily SMTP relay limit exceeded for user.", "ratelimited",
          "5.4.5-relay-daily"),
    case(GMAIL, "5.4.5", "MAIL", "550 5.4.5 Daily sending quota exceeded.", "ratelimited", "5.4.5-quota"),
    case(WORKSPACE, "5.7.1", "MAIL", "550-5.7.1 Daily SMTP relay limit exceeded for customer.", "ratelimited",
          "5.7.1-relay-customer"),
    case(GMAIL, "4.5.3", "RCPT", "452-4.5.3 Your message has too many recipients.", "ratelimited",
          "4.5.3-recipients"),
    case(WORKSPACE, "4.3.0", "RCPT", "451-4.3.0 Multiple destination domains per transaction is unsupported. "
          "Please try again.", "ratelimited", "4.3.0-domains"),
    case(GMAIL, "4.7.0", "RCPT", "421-4.7.0 IP not in whitelist for RCPT domain, closing connection.", "blocked",
          "4.7.0-whitelist"),
    case(GMAIL, "4.7.0", "DATA", "421-4.7.0 Our system has detected an unusual rate of unsolicited mail "
          "originating from your IP address. To protect our users from spam, mail sent from your IP address has "
          "been temporarily blocked.", "blocked", "4.7.0-unusual-rate"),
    case(GMAIL, "4.7.0", "HELO", "421-4.7.0 Try again later, closing connection.", "blocked", "4.7.0-dos"),
    case(WORKSPACE, "4.7.0", "RCPT", "421-4.7.0 TLS required for RCPT domain, closing connection.",
          "failedstarttls", "4.7.0-tls"),
    case(GMAIL, "4.7.0", "DATA", "421-4.7.0 This message is suspicious due to the very low reputation of the "
          "sending IP address/domain. To protect our users from spam, mail sent from your IP address has been "
          "temporarily rate limited.", "badreputation", "4.7.0-low-reputation"),
    case(GMAIL, "4.7.28", "DATA", "421-4.7.28 Our system has detected an unusual rate of unsolicited mail "
          "originating from your IP address. To protect our users from spam, mail sent from your IP address has "
          "been temporarily rate limited.", "ratelimited", "4.7.28"),
    case(GMAIL, "5.7.28", "DATA", "550-5.7.28 Our system has detected an unusual rate of unsolicited mail "
          "originating from your IP address. To protect our users from spam, mail sent from your IP address has "
          "been blocked.", "blocked", "5.7.28"),
    case(GMAIL, "5.7.1", "DATA", "550-5.7.1 The IP you're using to send mail is not authorized to send email "
          "directly to our servers. Please use the SMTP relay at your service provider instead.", "blocked",
          "5.7.1-direct"),
    case(GMAIL, "5.7.1", "DATA", "550-5.7.1 Our system has detected that this message is likely unsolicited mail. "
          "To reduce the amount of spam sent to Gmail, this message has been blocked.", "spamdetected",
          "5.7.1-unsolicited"),
    case(GMAIL, "5.7.1", "DATA", "550-5.7.1 Our system has detected that this message is likely suspicious due to "
          "the very low reputation of the sending IP address. To best protect our users from spam, the message has "
          "been blocked.", "badreputation", "5.7.1-ip-reputation"),
    case(GMAIL, "5.7.1", "DATA", "550-5.7.1 Our system has detected that this message is likely suspicious due to "
          "the very low reputation of the sending domain. To best protect our users from spam, the message has "
          "been blocked.", "badreputation", "5.7.1-domain-reputation"),
    case(WORKSPACE, "5.7.1", "RCPT", "550-5.7.1 The user or domain that you are sending to (or from) has a policy "
          "that prohibited the mail that you sent. Please contact your domain administrator for further details.",
          "policyviolation", "5.7.1-domain-policy"),
    case(WORKSPACE, "5.7.1", "MAIL", "550 5.7.1 Unauthenticated email is not accepted from this domain.",
          "authfailure", "5.7.1-unauthenticated-domain"),
    case(WORKSPACE, "5.7.1", "MAIL", "550 5.7.1 Invalid credentials for relay.", "securityerror",
          "5.7.1-relay-credentials"),
    case(WORKSPACE, "5.7.0", "MAIL", "550-5.7.0 Mail relay denied [192.0.2.1]. Invalid credentials for relay for "
          "one of the domains in: example.org (as obtained from HELO and MAIL FROM). Email is being sent from a "
          "domain or IP address which isn't registered in your Workspace account.", "norelaying",
          "5.7.0-relay-denied"),
    case(WORKSPACE, "5.7.0", "MAIL", "550 5.7.0 Mail Sending denied. This error occurs if the sender account is "
          "disabled or not registered within your Google Workspace domain.", "rejected", "5.7.0-sending-denied"),
    case(GMAIL, "5.7.25", "DATA", "550-5.7.25 [192.0.2.1] The IP address sending this message does not have a PTR "
          "record setup, or the corresponding forward DNS entry does not point to the sending IP. As a policy, "
          "Gmail does not accept messages from IPs with missing PTR records.", "requireptr", "5.7.25"),
    case(GMAIL, "5.7.26", "DATA", "550-5.7.26 Unauthenticated email from example.org is not accepted due to "
          "domain's DMARC policy. Please contact the administrator of example.org domain.", "authfailure",
          "5.7.26-dmarc"),
    case(GMAIL, "5.7.26", "DATA", "550-5.7.26 This message does not have authentication information or fails to "
          "pass authentication checks (SPF or DKIM). To best protect our users from spam, the message has been "
          "blocked.", "authfailure", "5.7.26-checks"),
    case(GMAIL, "5.7.26", "DATA", "550-5.7.26 This message fails to pass SPF checks for an SPF record with a hard "
          "fail policy (-all). To best protect our users from spam and phishing, the message has been blocked.",
          "authfailure", "5.7.26-spf-hardfail"),
    case(GMAIL, "5.7.26", "DATA", "550-5.7.26 This mail has been blocked because the sender is unauthenticated. "
          "Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: "
          "DKIM = did not pass SPF [example.org] with ip: [192.0.2.1] = did not pass", "authfailure",
          "5.7.26-unauthenticated"),
    case(GMAIL, "4.7.26", "DATA", "421-4.7.26 This mail has been rate limited because it is unauthenticated. "
          "Gmail requires all senders to authenticate with either SPF or DKIM.", "authfailure",
          "4.7.26-rate-limited-unauthenticated"),
    case(GMAIL, "4.7.27", "DATA", "421-4.7.27 Your email has been rate limited because SPF authentication didn't "
          "pass for this message. Gmail requires all bulk email senders to authenticate with SPF.", "authfailure",
          "4.7.27-spf"),
    case(GMAIL, "4.7.29", "DATA", "421-4.7.29 Your email has been rate limited because this message wasn't sent "
          "over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections.",
          "failedstarttls", "4.7.29-tls"),
    case(GMAIL, "4.7.30", "DATA", "421-4.7.30 Your email has been rate limited because DKIM authentication didn't "
          "pass for this message. Gmail requires all bulk email senders to authenticate with DKIM.", "authfailure",
          "4.7.30-dkim"),
    case(GMAIL, "4.7.32", "DATA", "421-4.7.32 Your email has been rate limited because the From: header (RFC5322) "
          "in this message isn't aligned with either the authenticated SPF or DKIM organizational domain.",
          "authfailure", "4.7.32-alignment"),
    case(GMAIL, "5.7.32", "DATA", "550-5.7.32 Your email has been blocked because the From: header (RFC5322) in "
          "this message isn't aligned with either the authenticated SPF or DKIM organizational domain.",
          "authfailure", "5.7.32-alignment"),
    case(GMAIL, "5.7.1", "DATA", "550-5.7.1 Messages with multiple addresses in From: header are not accepted.",
          "notcompliantrfc", "5.7.1-multiple-from"),
    case(GMAIL, "5.7.1", "DATA", "550-5.7.1 This message is not RFC 5322 compliant. There are multiple Subject "
          "headers. To reduce the amount of spam sent to Gmail, this message has been blocked.", "notcompliantrfc",
          "5.7.1-rfc5322"),
    case(GMAIL, "5.7.1", "DATA", "550-5.7.1 [192.0.2.1] Messages missing a valid address in From: header, or having "
         "no From: header, are not accepted.", "notcompliantrfc", "5.7.1-from-missing"),
    case(GMAIL, "5.7.1", "DATA", "550-5.7.1 [192.0.2.1] Messages missing a valid Message-ID header are not "
         "accepted.", "notcompliantrfc", "5.7.1-message-id-missing"),
    case(GMAIL, "5.1.3", "RCPT", "553-5.1.3 The recipient address <someone@gmail> is not a valid RFC 5321 address.",
         "userunknown", "5.1.3"),
    case(GMAIL, "5.7.1", "MAIL", "550-5.7.1 Daily user sending quota exceeded.", "ratelimited",
         "5.7.1-user-sending-quota"),
    case(GMAIL, "5.7.0", "MAIL", "554-5.7.0 Too many unauthenticated commands.", "syntaxerror",
         "5.7.0-unauthenticated-commands"),
    case(GMAIL, "5.2.2", "RCPT", "552-5.2.2 The email account that you tried to reach is over quota and inactive.",
         "mailboxfull", "5.2.2-inactive"),
    case(GMAIL, "5.7.0", "DATA", "552-5.7.0 This message was blocked because its content presents a potential "
          "security issue. Please visit https://support.google.com/mail/?p=BlockedMessage to review our message "
          "content and attachment content guidelines.", "policyviolation", "5.7.0-security-issue"),
    case(GMAIL, "5.7.0", "DATA", "552-5.7.0 Our system detected an illegal attachment on your message.",
          "policyviolation", "5.7.0-illegal-attachment"),
    case(GMAIL, "5.2.3", "DATA", "552-5.2.3 Your message exceeded Google's message size limits.", "emailtoolarge",
          "5.2.3"),
    case(GMAIL, "5.6.0", "DATA", "554-5.6.0 Message exceeded 50 hops, this may indicate a mail loop.",
          "networkerror", "5.6.0-hops"),
    case(GMAIL, "5.6.0", "DATA", "554 5.6.0 Mail message is malformed. Not accepted.", "contenterror",
          "5.6.0-malformed"),
    case(WORKSPACE, "5.1.2", "RCPT", "553-5.1.2 We weren't able to find the recipient domain. Please check for any "
          "spelling errors, and make sure you didn't enter any spaces, periods, or other punctuation after the "
          "recipient's email address.", "hostunknown", "5.1.2"),
    case(GMAIL, "4.4.2", "DATA", "451 4.4.2 Timeout - closing connection.", "expired", "4.4.2"),
    case(GMAIL, "4.3.0", "MAIL", "421-4.3.0 Temporary System Problem. Try again later.", "systemerror", "4.3.0"),
    case(GMAIL, "4.4.5", "CONN", "421-4.4.5 Server busy, try again later.", "systemerror", "4.4.5"),
    case(GMAIL, "4.3.0", "DATA", "451-4.3.0 Mail server temporarily rejected message.", "systemerror",
          "4.3.0-temporarily-rejected"),
    case(GMAIL, "5.7.0", "MAIL", "530-5.7.0 Must issue a STARTTLS command first.", "failedstarttls", "5.7.0-tls"),
    case(WORKSPACE, "5.7.1", "MAIL", "535-5.7.1 Username and Password not accepted.", "securityerror",
          "5.7.1-password"),
    case(WORKSPACE, "5.7.1", "MAIL", "535-5.7.1 Application-specific password required.", "securityerror",
          "5.7.1-app-password"),
    case(WORKSPACE, "5.7.1", "MAIL", "535-5.7.1 Please log in with your web browser and then try again.",
          "securityerror", "5.7.1-web-login"),
    case(WORKSPACE, "5.5.1", "MAIL", "530-5.5.1 Authentication Required.", "securityerror", "5.5.1-auth"),
    case(GMAIL, "5.5.4", "HELO", "501-5.5.4 HELO/EHLO argument is invalid.", "blocked", "5.5.4-helo"),
    case(GMAIL, "5.2.2", "RCPT", "552-5.2.2 The recipient's inbox is out of storage space and inactive. Please "
          "direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm", "mailboxfull",
          "5.2.2-out-of-storage"),
]

MICROSOFT_REPLIES = [
    case(EXO, "5.7.1", "RCPT", "550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus. To "
          "request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1 (AS3130). "
          "[BN1NAM02FT123.eop-nam02.prod.protection.outlook.com]", "blocked", "5.7.1-spamhaus"),
    case(OUTLOOK, "5.7.1", "MAIL", "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact "
          "your Internet service provider since part of their network is on our block list (S3150). You can also "
          "refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.", "blocked", "S3150"),
    case(OUTLOOK, "5.7.1", "MAIL", "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact "
          "your Internet service provider since part of their network is on our block list (S3140). You can also "
          "refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.", "blocked", "S3140"),
    # (S3113) to (S3115) come with the same sentence as (S3140) and (S3150): the client's network is on
    # Outlook.com's block list, a block, not the reputation that 4.7.650 names (badreputation before)
    case(OUTLOOK, "5.7.1", "MAIL", "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact "
          "your Internet service provider since part of their network is on our block list (S3113). You can also "
          "refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.", "blocked", "S3113"),
    case(HOTMAIL, "5.7.1", "MAIL", "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact "
          "your Internet service provider since part of their network is on our block list (S3115).", "blocked",
          "S3115"),
    case(OUTLOOK, "5.7.1", "MAIL", "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. (S3114)",
          "blocked", "S3114-words-cut"),
    case(OUTLOOK, "4.7.650", "MAIL", "451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due "
          "to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)",
          "badreputation", "4.7.650"),
    case(EXO, "5.7.606", "RCPT", "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal "
          "from this list please visit https://sender.office.com/ and follow the directions.", "blocked", "5.7.606"),
    case(EXO, "5.7.649", "RCPT", "550 5.7.649 Access denied, banned sending IP [192.0.2.1]. To request removal "
          "from this list please visit https://sender.office.com/ and follow the directions.", "blocked", "5.7.649"),
    case(EXO, "5.4.1", "RCPT", "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
          "[BN8NAM12FT064.eop-nam12.prod.protection.outlook.com]", "userunknown", "5.4.1-AS201806281"),
    case(EXO, "5.1.10", "RCPT", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address "
          "lookup", "userunknown", "5.1.10"),
    case(EXO, "5.1.1", "RCPT", "550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found", "userunknown",
         "5.1.1-ExRecipNotFound"),
    case(EXO, "5.7.520", "RCPT", "550 5.7.520 Access denied, Your organization does not allow external "
          "forwarding. Please contact your administrator for further assistance. AS(7555)", "policyviolation",
          "5.7.520"),
    case(EXO, "5.7.708", "MAIL", "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this "
          "IP.", "blocked", "5.7.708"),
    # 5.7.750: "a suspicious number of messages from unprovisioned domains is coming from this tenant";
    # the remedy is to add and validate the sending domains: the sender's domain refused, not its IP
    # (blocked before)
    case(EXO, "5.7.750", "MAIL", "550 5.7.750 Service unavailable. Client blocked from sending from unregistered "
          "domains.", "rejected", "5.7.750"),
    case(EXO, "5.7.705", "MAIL", "550 5.7.705 Access denied, tenant has exceeded threshold.", "ratelimited",
          "5.7.705"),
    # "... from IP range": the client's network is banned, whatever the code
    case(EXO, "5.7.501", "MAIL", "550 5.7.501 Service unavailable. Spam abuse detected from IP range.", "blocked",
          "5.7.501-ip-range"),
    # Exchange Online's 5.7.501-503 as its NDR reference words them: "the sending account has been banned
    # due to detected spam activity" (older Exchange: "banned sender"): the sender refused, not its IP
    # (blocked before)
    case(EXO, "5.7.501", "MAIL", "550 5.7.501 Access denied, spam abuse detected", "rejected", "5.7.501"),
    case(EXO, "5.7.502", "MAIL", "550 5.7.502 Access denied, spam abuse detected", "rejected", "5.7.502"),
    case(EXO, "5.7.503", "MAIL", "550 5.7.503 Access denied, banned sender", "rejected", "5.7.503-banned-sender"),
    case(EXO, "5.7.511", "MAIL", "550 5.7.511 Access denied, banned sender[192.0.2.1]. To request removal from "
          "this list, forward this message to delist@microsoft.com.", "blocked", "5.7.511"),
    case(EXO, "5.7.513", "MAIL", "550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by example.org "
          "using Customer Block list (AS16012607).", "blocked", "5.7.513"),
    case(EXO, "5.7.510", "MAIL", "550 5.7.510 Access denied, example.org does not accept email over IPv6.",
          "blocked", "5.7.510"),
    case(EXO, "5.7.506", "HELO", "550 5.7.506 Access denied, Bad HELO.", "blocked", "5.7.506"),
    case(EXO, "5.7.505", "RCPT", "550 5.7.505 Access denied, banned recipient.", "suspend", "5.7.505"),
    case(EXO, "5.7.509", "DATA", "550 5.7.509 Access denied, sending domain [EXAMPLE.NET] does not pass DMARC "
          "verification and has a DMARC policy of reject.", "authfailure", "5.7.509"),
    case(EXO, "5.7.23", "DATA", "550 5.7.23 The message was rejected because of Sender Policy Framework violation.",
          "authfailure", "5.7.23"),
    case(EXO, "4.7.26", "DATA", "450 4.7.26 Access denied, a message sent over IPv6 [2001:db8::1] must pass either "
          "SPF or DKIM validation, this message is not signed.", "authfailure", "4.7.26-ipv6"),
    case(EXO, "5.7.25", "MAIL", "550 5.7.25 Access denied, the sending IPv6 address [2001:db8::1] must have a "
          "reverse DNS record.", "requireptr", "5.7.25-ipv6"),
    case(EXO, "5.7.512", "DATA", "550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant.",
          "notcompliantrfc", "5.7.512"),
    case(EXO, "5.7.350", "DATA", "550 5.7.350 Remote server returned message detected as spam -> 554 5.7.1 The "
          "message from (<sender@example.net>) with the subject of (Offer) matches a profile the Internet "
          "community may consider spam.", "spamdetected", "5.7.350"),
    case(EXO, "5.2.2", "DATA", "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException."
          "MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception",
          "mailboxfull", "5.2.2-mailbox-full"),
    case(EXO, "5.2.2", "DATA", "554 5.2.2 mailbox full; STOREDRV.Submission.Exception:"
          "SubmissionQuotaExceededException; Failed to process message due to a permanent exception",
          "ratelimited", "5.2.2-submission-quota"),
    case(EXO, "5.2.122", "RCPT", "550 5.2.122 The recipient has exceeded their limit for the number of messages "
          "they can receive per hour.", "ratelimited", "5.2.122"),
    case(EXO, "5.1.90", "RCPT", "550 5.1.90 Your message can't be sent because you've reached your daily limit "
          "for message recipients.", "ratelimited", "5.1.90"),
    case(EXO, "4.4.7", "", "550 4.4.7 QUEUE.Expired; message expired", "expired", "4.4.7"),
    case(EXO, "5.4.316", "", "550 5.4.316 Message expired, connection refused(Socket error code 10061)",
          "expired", "5.4.316"),
    case(EXO, "5.4.310", "", "550 5.4.310 DNS domain example.invalid does not exist "
          "[Message=InfoDomainNonexistent] [LastAttemptedServerName=example.invalid]", "hostunknown", "5.4.310"),
    case(EXO, "5.4.14", "", "554 5.4.14 Hop count exceeded - possible mail loop ATTR34", "networkerror",
          "5.4.14"),
    case(EXO, "5.7.57", "MAIL", "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL "
          "FROM", "securityerror", "5.7.57"),
    case(EXO, "5.7.57", "MAIL", "530 5.7.57 Client not authenticated to send mail.", "securityerror",
          "5.7.57-newer"),
    case(EXO, "5.7.124", "RCPT", "550 5.7.124 RESOLVER.RST.NotAuthorizedToSend; sender not in allowed-senders "
          "list", "rejected", "5.7.124"),
    case(EXO, "5.7.133", "RCPT", "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication "
          "required; Delivery restriction check failed as sender not authenticated", "rejected", "5.7.133"),
    case(EXO, "5.7.321", "", "451 5.7.321 starttls-not-supported: Destination mail server must support TLS to "
          "receive mail.", "failedstarttls", "5.7.321"),
    case(EXO, "5.3.4", "DATA", "552 5.3.4 Message size exceeds fixed maximum message size", "emailtoolarge",
          "5.3.4"),
    case(EXO, "5.2.3", "RCPT", "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient",
          "emailtoolarge", "5.2.3-RecipSizeLimit"),
    case(OUTLOOK, "5.5.0", "RCPT", "550 Requested action not taken: mailbox unavailable "
          "(-1234567890:1234:-2147467259)", "userunknown", "mailbox-unavailable"),
    case(OUTLOOK, "5.5.0", "", "554 The mail could not be delivered to the recipient because the domain is not "
          "reachable. Please check the domain and try again", "hostunknown", "domain-not-reachable"),
]

# Hotmail's classic codes, still in old mailboxes: "550 SC-001 (BAY004-MC1F12) ..."
HOTMAIL_CLASSIC_REPLIES = [
    case(HOTMAIL, "", "MAIL", "421 RP-001 (SNT004-MC3F7) Unfortunately, some messages from 192.0.2.1 weren't sent. "
          "Please try again. We have limits for how many messages can be sent per hour and per day. You can also "
          "refer to http://mail.live.com/mail/troubleshooting.aspx#errors.", "ratelimited", "RP-001"),
    case(HOTMAIL, "", "MAIL", "550 SC-001 (BAY004-MC1F12) Unfortunately, messages from 192.0.2.1 weren't sent. "
          "Please contact your Internet service provider since part of their network is on our block list. You can "
          "also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.", "blocked", "SC-001"),
    case(HOTMAIL, "", "MAIL", "550 SC-002 (COL004-MC1F33) Mail rejected by Windows Live Hotmail for policy "
          "reasons. The mail server IP connecting to Windows Live Hotmail has exhibited namespace mining behavior. "
          "If you are not an email/network admin please contact your E-mail/Internet Service Provider for help.",
          "blocked", "SC-002"),
    case(HOTMAIL, "", "MAIL", "550 SC-003 (BAY004-MC4F23) Mail rejected by Windows Live Hotmail for policy "
          "reasons. Your IP address appears to be an open proxy. If you are not an email/network admin please "
          "contact your E-mail/Internet Service Provider for help.", "blocked", "SC-003"),
    case(HOTMAIL, "", "MAIL", "550 SC-004 (BAY004-MC2F33) Mail rejected by Windows Live Hotmail for policy "
          "reasons. A block has been placed against your IP address because we have received complaints "
          "concerning mail coming from that IP address.", "blocked", "SC-004"),
    case(HOTMAIL, "", "MAIL", "550 DY-001 (SNT004-MC1F19) Unfortunately, messages from 192.0.2.1 weren't sent. "
          "Please contact your Internet service provider. You can tell them that Hotmail does not relay "
          "dynamically-assigned IP ranges. You can also refer your provider to "
          "http://mail.live.com/mail/troubleshooting.aspx#errors.", "blocked", "DY-001"),
    case(OUTLOOK, "5.7.1", "MAIL", "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact "
         "your Internet service provider. You can tell them that Hotmail does not relay dynamically-assigned IP "
         "ranges. You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.",
         "blocked", "dynamic-ranges"),
    case(HOTMAIL, "4.7.500", "MAIL", "451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77714) "
          "[DM6NAM12FT012.eop-nam12.prod.protection.outlook.com]", "ratelimited", "4.7.500-S77714"),
]

MORE_MICROSOFT_REPLIES = [
    case(OUTLOOK, "5.7.515", "DATA", "550 5.7.515 Access denied, sending domain [EXAMPLE.NET] does not meet the "
         "required authentication level.", "authfailure", "5.7.515"),
    case(EXO, "5.6.11", "DATA", "554 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, "
         "which cannot be sent via DATA", "notcompliantrfc", "5.6.11"),
    case(EXO, "5.7.13", "RCPT", "550 5.7.13 RESOLVER.RST.SenderNotAuthenticatedForPublicFolder; sender was not "
         "authenticated for public folder", "rejected", "5.7.13"),
    case(EXO, "5.7.12", "RCPT", "550 5.7.12 RESOLVER.RST.SenderNotAuthenticatedByOrganization; sender was not "
         "authenticated by organization", "rejected", "5.7.12"),
    case(EXO, "5.7.507", "CONN", "550 5.7.507 Access denied, rejected by recipient. The IP address 192.0.2.1 was "
         "blocked by the recipient organization.", "blocked", "5.7.507"),
    case(EXO, "5.7.900", "DATA", "550 5.7.900 Delivery not authorized, message refused. Please verify that the "
         "message was sent according to the organization's transport rules.", "policyviolation", "5.7.900"),
    case(EXO, "5.2.1", "DATA", "550 5.2.1 Content Filter agent quarantined this message", "spamdetected",
         "5.2.1-quarantined"),
    case(EXO, "5.7.1", "RCPT", "550 5.7.1 Client was not authenticated", "norelaying", "5.7.1-not-authenticated"),
    case(EXO, "5.1.0", "MAIL", "550 5.1.0 Sender denied", "rejected", "5.1.0-sender-denied"),
    case(EXO, "5.4.11", "DATA", "550 5.4.11 Agent generated message depth exceeded", "contenterror", "5.4.11"),
    # Exchange Server's receive connector (not a 4.3.2 "system not accepting network messages")
    case(("mail.example.org", "example.org"), "4.3.2", "CONN", "421 4.3.2 The maximum number of concurrent server "
         "connections has exceeded a limit, closing transmission channel", "ratelimited", "4.3.2-connections"),
    # a group that accepts only authenticated senders: the authentication it requires is missing
    case(EXO, "5.7.1", "RCPT", "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required [Stage: "
          "CreateMessage]", "securityerror", "RESOLVER.RST.AuthRequired"),
    case(EXO, "5.7.1", "RCPT", "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized [Stage: CreateMessage]",
          "rejected", "RESOLVER.RST.NotAuthorized"),
    case(EXO, "5.7.1", "RCPT", "550 5.7.1 Delivery not authorized, message refused", "rejected",
          "5.7.1-not-authorized"),
    case(EXO, "4.7.0", "MAIL", "451 4.7.0 Temporary server error. Please try again later. PRX4 NextHop: Primary "
          "Mailbox Database", "systemerror", "4.7.0-PRX4"),
    case(EXO, "5.4.1", "RCPT", "550 5.4.1 Relay Access Denied ATTR35 "
          "[BN1NAM02FT012.eop-nam02.prod.protection.outlook.com]", "norelaying", "5.4.1-relay"),
    case(EXO, "5.7.64", "RCPT", "550 5.7.64 TenantAttribution; Relay Access Denied "
          "[BN1NAM02FT012.eop-nam02.prod.protection.outlook.com]", "norelaying", "5.7.64"),
]


@pytest.mark.parametrize(
    "rhost,destination,status,command,diagnostic,expected",
    GOOGLE_REPLIES + MICROSOFT_REPLIES + HOTMAIL_CLASSIC_REPLIES + MORE_MICROSOFT_REPLIES,
)
def test_a_documented_reply_gets_its_reason(rhost, destination, status, command, diagnostic, expected):
    check(rhost, destination, status, command, diagnostic, expected)


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
    # (its help link, "?p=RfcMessageNonCompliant", cut by the reporting MTA: the sentence alone must tell)
    pytest.param("5.7.1", "DATA", (
        "550-5.7.1 [192.0.2.1] Our system has detected that this message is not RFC",
        "550-5.7.1 5322 compliant:",
        "550-5.7.1 'From' header is missing.",
        "550-5.7.1 To reduce the amount of spam sent to Gmail, this message has been",
        "550 5.7.1 blocked."), "notcompliantrfc", id="5.7.1-not-rfc-5322"),
    pytest.param("5.7.1", "DATA", (
        "550-5.7.1 [192.0.2.1] Messages missing a valid messageId header are not",
        "550-5.7.1 accepted. To reduce the amount of spam sent to Gmail, this message has",
        "550 5.7.1 been blocked."), "notcompliantrfc", id="5.7.1-messageid-missing"),
    pytest.param("5.7.1", "DATA", (
        "550-5.7.1 [192.0.2.1] Messages missing a valid address in From: header, or",
        "550-5.7.1 having no From: header, are not accepted. To reduce the amount of spam",
        "550 5.7.1 sent to Gmail, this message has been blocked."), "notcompliantrfc", id="5.7.1-from-missing"),
    pytest.param("4.7.27", "DATA", (
        "421-4.7.27 Your email has been rate limited because SPF authentication didn't",
        "421-4.7.27 pass for this message. Gmail requires all bulk email senders to",
        "421-4.7.27 authenticate with SPF. Authentication results: SPF [example.org]",
        "421-4.7.27 with ip: [192.0.2.1] = did not pass. For instructions on setting up",
        "421-4.7.27 authentication, go to",
        "421 4.7.27  https://support.google.com/mail/answer/81126#authentication"), "authfailure", id="4.7.27-spf"),
    pytest.param("4.7.30", "DATA", (
        "421-4.7.30 Your email has been rate limited because DKIM authentication didn't",
        "421-4.7.30 pass for this message. Gmail requires all bulk email senders to",
        "421-4.7.30 authenticate with DKIM. Authentication results: DKIM = did not pass.",
        "421-4.7.30 For instructions on setting up authentication, go to",
        "421 4.7.30  https://support.google.com/mail/answer/81126#authentication"), "authfailure", id="4.7.30-dkim"),
    pytest.param("4.7.29", "DATA", (
        "421-4.7.29 Your email has been rate limited because this message wasn't sent",
        "421-4.7.29 over a TLS connection. Gmail requires all bulk email senders to use",
        "421-4.7.29 TLS/SSL for SMTP connections."), "failedstarttls", id="4.7.29-tls"),
    pytest.param("4.7.32", "DATA", (
        "421-4.7.32 Your email has been rate limited because the From: header (RFC5322) in",
        "421-4.7.32 this message isn't aligned with either the authenticated SPF or DKIM",
        "421-4.7.32 organizational domain."), "authfailure", id="4.7.32-alignment"),
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
    pytest.param("5.7.0", "DATA", (
        "552-5.7.0 This message was blocked because its content presents a potential",
        "552-5.7.0 security issue. Please visit",
        "552-5.7.0  https://support.google.com/mail/?p=BlockedMessage to review our",
        "552 5.7.0 message content and attachment content guidelines."), "policyviolation", id="5.7.0-security-issue"),
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


# A relay (a smarthost, an ESP) may report Gmail's reply without Gmail's host or help link; Gmail's own
# sentences still name it, and its codes then mean what Gmail says: 5.7.27 is its SPF failure (not
# RFC 7505's null MX, a hard bounce), 5.7.29 its missing TLS, 5.7.30 its DKIM failure.
RELAYED_GMAIL = [
    pytest.param("5.7.27", "550-5.7.27 Your email has been blocked because SPF authentication didn't pass for this "
                 "message. Gmail requires all bulk email senders to authenticate with SPF.", "authfailure",
                 id="5.7.27"),
    pytest.param("4.7.27", "421-4.7.27 Your email has been rate limited because SPF authentication didn't pass for "
                 "this message. Gmail requires all bulk email senders to authenticate with SPF.", "authfailure",
                 id="4.7.27"),
    pytest.param("4.7.29", "421-4.7.29 Your email has been rate limited because this message wasn't sent over a TLS "
                 "connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections.",
                 "failedstarttls", id="4.7.29"),
    pytest.param("4.7.30", "421-4.7.30 Your email has been rate limited because DKIM authentication didn't pass for "
                 "this message. Gmail requires all bulk email senders to authenticate with DKIM.", "authfailure",
                 id="4.7.30"),
    pytest.param("5.7.28", "550-5.7.28 Our system has detected an unusual rate of unsolicited mail originating from "
                 "your IP address. To protect our users from spam, mail sent from your IP address has been blocked.",
                 "blocked", id="5.7.28"),
    pytest.param("5.7.32", "550-5.7.32 Your email has been blocked because the From: header (RFC5322) in this message "
                 "isn't aligned with either the authenticated SPF or DKIM organizational domain.", "authfailure",
                 id="5.7.32"),
]


@pytest.mark.parametrize("status,diagnostic,expected", RELAYED_GMAIL)
def test_a_gmail_reply_relayed_without_its_host_is_still_read_as_gmail(status, diagnostic, expected):
    check("smarthost.example.net", "example.org", status, "DATA", diagnostic, expected)


# The same replies through the whole decoder: a Postfix DSN whose Diagnostic-Code folds Gmail's
# multi-line reply over continuation lines, as Postfix writes it.
_POSTFIX_TO_GMAIL = """\
From: MAILER-DAEMON@mail.example.net (Mail Delivery System)
To: news@example.net
Subject: Undelivered Mail Returned to Sender
Date: Mon, 3 Mar 2025 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

This is the mail system at host mail.example.net.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.net
Arrival-Date: Mon, 3 Mar 2025 09:59:58 +0000

Final-Recipient: rfc822; reader@gmail.com
Original-Recipient: rfc822;reader@gmail.com
Action: failed
Status: 5.7.1
Remote-MTA: dns; gmail-smtp-in.l.google.com
Diagnostic-Code: smtp; 550-5.7.1 [192.0.2.1      12] Our system has detected an
    unusual rate of 550-5.7.1 unsolicited mail originating from your IP address.
    To protect our 550-5.7.1 users from spam, mail sent from your IP address has
    been blocked. 550-5.7.1 Please visit 550 5.7.1
    https://support.google.com/mail/?p=UnsolicitedIPError - gsmtp

--B
Content-Type: text/rfc822-headers

From: news@example.net
To: reader@gmail.com
Subject: Our news
Message-ID: <news-1@example.net>

--B--
"""


def test_a_wrapped_gmail_reply_in_a_postfix_report_is_a_block_of_the_client():
    from bouncetui import decode

    records = decode(_POSTFIX_TO_GMAIL.replace("\n", "\r\n").encode(), "postfix-to-gmail.eml")
    assert [(r.recipient, r.reason, r.hardbounce) for r in records] == [("reader@gmail.com", "blocked", False)]


def _wrapped_as_gmail(diagnostic: str, width: int, prefix: str) -> str | None:
    """The reply as Gmail sends it when it is longer than a line: its text (after `prefix`, the client's
    address Gmail may add) wrapped at `width` characters, every line but the last starting with
    "550-5.7.1 ", the last with "550 5.7.1 ", the lines joined by the reporting MTA; None if one line."""
    m = re.match(r"(\d{3})[- ](\d\.\d+\.\d+) (.*)", diagnostic)
    if m is None:
        return None
    code, status, text = m.groups()
    lines = textwrap.wrap(prefix + text, width)
    if len(lines) < 2:
        return None
    return " ".join("%s%s%s %s" % (code, "-" if i < len(lines) - 1 else " ", status, line)
                    for i, line in enumerate(lines))


@pytest.mark.parametrize("rhost,destination,status,command,diagnostic,expected", GOOGLE_REPLIES)
def test_a_gmail_reply_gets_the_same_reason_wherever_its_lines_break(rhost, destination, status, command,
                                                                      diagnostic, expected):
    for width in range(55, 80):
        for prefix in ("", "[192.0.2.1] ", "[2001:db8:1234::1      12] "):
            wrapped = _wrapped_as_gmail(diagnostic, width, prefix)
            if wrapped is None:
                continue
            got, why = classify(Evidence(action="failed", rhost=rhost, destination=destination, status=status,
                                         command=command, diagnostic=wrapped, replycode=wrapped[:3]))
            assert got == expected, (wrapped, why)
