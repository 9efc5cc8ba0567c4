"""Wording about the message itself: too large (`emailtoolarge`), not RFC 5322 compliant
(`notcompliantrfc`), carrying a virus (`virusdetected`), judged spam (`spamdetected`), against the
receiving side's policy (`policyviolation`), or malformed (`contenterror`).

Regular expressions per reason, matched in the lower-cased diagnostic (classify.wording says in
which order the reasons are tried).
"""

from __future__ import annotations

WORDING: dict[str, tuple[str, ...]] = {
    "emailtoolarge": (
        r"maximum (?:inbound |outbound )?message size", r"\bsize limit\b", r"taille limite du message",
        r"message (?:is )?too (?:large|big|long)", r"message size (?:exceeds|too large|limit)",
        r"exceeds? (?:the )?(?:maximum |fixed )?(?:allowed )?(?:message )?size", r"message length exceeds",
        r"mail (?:is )?too (?:large|big)", r"too large for", r"size (?:limit )?exceeded", r"maximum message size",
        r"message exceeds (?:the )?(?:local )?limit", r"message file too big", r"(?:メール|メッセージ)?サイズ(?:が|を)(?:超過|超え|オーバー)",
        r"(?:メール|メッセージ)の?サイズ(?:が|は)?(?:制限|上限|規定|大きすぎ)", r"(?:サイズ|容量)制限を超え",
        r"サイズ(?:の)?(?:制限|上限)を(?:超|オーバー)",
        r"message (?:est )?trop (?:volumineux|gros)", r"mensaje (?:es )?demasiado grande", r"nachricht (?:ist )?zu gro(?:ß|ss)", r"size of (?:the )?message exceeds",
        # a limit on the lines of a message ("500 Line limit exceeded" after end of data)
        r"line (?:count )?limit exceeded",
    ),
    "notcompliantrfc": (
        r"rfc ?5322", r"rfc ?2822", r"rfc ?822", r"not (?:rfc )?compliant", r"duplicate header",
        r"multiple (?:from|date|subject|message-id|to|sender|reply-to) (?:headers|fields)",
        r"multiple (?:subject|from|date|message-id) headers", r"multiple addresses in from",
        r"missing (?:date|from|message-id|required) header", r"missing (?:a )?valid (?:message-id|date|from)\b", r"(?:header|headers) (?:are )?not rfc",
        # Gmail's "Messages missing a valid address in From: header, or having no From: header, are not accepted."
        r"missing a valid address in (?:the )?from:? header",
        r"bare (?:lf|linefeed|newline)s?", r"bare cr", r"non-?compliant",
    ),
    "virusdetected": (
        r"\bvirus\b", r"\bmalware\b", r"\btrojan\b", r"\binfected\b", r"\bworm\b", r"harmful (?:content|software)",
        r"\bmalicious (?:content|code|attachment|file|software|payload)",
        r"ウ[イィ]ルス(?:が|を)?(?:検出|検知|感染|発見|含まれ)",
    ),
    "spamdetected": (
        # content judged as spam by a filter or a URL block list (URIBL), or a "spam profiler"
        r"blacklisted url", r"\burl .{0,30}blacklisted", r"content filter rejection", r"mail content denied",
        r"bulk\.advertising", r"rejecting mail content", r"\bspamming\b",
        r"blocked by (?:our|the) (?:spam |content )?filter", r"\buribl\b", r"spamprofiler",
        r"\bspam\b", r"junk (?:mail|e-?mail)", r"unsolicited", r"\bbulk (?:mail|e-?mail)", r"\bube\b", r"\buce\b",
        r"classified as (?:spam|junk)", r"spam-?like", r"spamassassin", r"looks like spam", r"spam score",
        r"content (?:rejected|refused)", r"message content rejected", r"rejected by (?:the )?content filter",
        r"message (?:has been |was )?(?:rejected|refused|blocked) (?:because|as|due to) .{0,30}(?:spam|suspicious)",
        r"mail rejete|mail rejected\. ofr", r"unacceptable content", r"looks suspicious", r"appears to be unsolicited",
        r"迷惑メール(?:と|として)(?:判定|判断|認識|検出|扱)", r"スパム(?:メール)?(?:と|として)?(?:判定|判断|認識|検出)",
        r"high probability of spam", r"recurrent pattern detection", r"reject, id=", r"anti-?spam", r"mass mailer", r"suspicious (?:content|message|mail|url|link)", r"\bphishing\b",
    ),
    "policyviolation": (
        r"banned content", r"potentially executable attachment", r"organizational settings",
        r"without solving a captcha",
        r"policy (?:reason|violation|rejection)", r"for policy reasons", r"local policy", r"security polic(?:y|ies)",
        r"content presents a potential", r"\bviolat(?:es|ed|ion)\b", r"\bprohibited\b", r"acceptable use",
        r"\baup\b", r"not allowed by (?:the )?(?:recipient|organization|domain)", r"attachment (?:type )?(?:is )?not allowed",
        r"blocked (?:file|attachment)", r"message (?:was )?blocked because its content", r"header error",
        r"host network not allowed", r"organization'?s policy", r"policy", r"content restrictions?",
        r"banned attachment", r"banned file type", r"illegal attachment", r"message filtered", r"not accepting mail with ",
        r"do not accept messages containing", r"attachment .{0,20}(?:not allowed|banned|blocked|prohibited)",
    ),
    "contenterror": (
        r"header size exceeds",
        r"content (?:type|encoding|error)", r"\bmime\b.{0,20}(?:error|invalid|malformed)", r"invalid mime",
        r"header (?:syntax|too long|lines? too long)", r"invalid (?:header|character|content)",
        r"8-?bit (?:data|characters) (?:not|in)", r"lines? too long", r"message (?:has )?malformed",
        r"attachment", r"(?:body|content) (?:is )?(?:malformed|corrupt)", r"\bmedia error\b", r"improper use of 8-bit data", r"mime complexity", r"unnecessary base64",
        r"improperly-formatted binary", r"header size, or recipient list, exceeds",
    ),
}
