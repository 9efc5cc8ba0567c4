"""Wording about the recipient's mailbox: missing (`userunknown`), full (`mailboxfull`), suspended
or disabled (`suspend`), moved (`hasmoved`), behind the recipient's own filter (`filtered`), or on
a sending service's suppression list (`suppressed`).

Regular expressions per reason, matched in the lower-cased diagnostic (classify.wording says in
which order the reasons are tried).
"""

from __future__ import annotations

WORDING: dict[str, tuple[str, ...]] = {
    "suppressed": (
        r"on the (?:account(?:-level)? |global |your )?suppression list", r"(?:address|recipient) (?:is|was) suppressed",
        r"suppressed (?:address|recipient)", r"previously (?:bounced|hard[- ]bounced) address",
        r"has suppressed sending to this address",
    ),
    "mailboxfull": (
        # Exim's own "error: quota exceed"
        r"\bquota exceed\b",
        # Postfix local(8)/virtual(8) past mailbox_size_limit or virtual_mailbox_limit (EFBIG):
        # "cannot update mailbox ... error writing message: File too large"
        r"error writing message: file too large",
        # more mail servers' words for a full mailbox ("mail file" is the mailbox file)
        r"quota usage exceeded", r"not enough storage space", r"over the (?:allowed )?quota",
        r"mail file size exceeds",
        r"mail ?box (?:is )?full", r"mailbox (?:size|storage)? ?(?:limit )?(?:exceeded|is over)", r"over ?quota",
        r"quota (?:exceeded|full|violation)", r"exceeded (?:his/her |the |their |its )?(?:storage|quota|mailbox)",
        r"(?:mailbox|user|recipient|account) has exceeded", r"insufficient (?:disk )?(?:space|storage) for (?:the )?(?:user|mailbox|recipient)",
        r"disk quota", r"mail ?box (?:is )?over", r"storage (?:allocation )?exceeded",
        r"account is full", r"inbox is full", r"full mailbox", r"does not have enough space", r"not (?:enough|sufficient) disk space",
        r"space has been used up", r"too many messages on the server", r"would exceed (?:the )?maximum allowed storage",
        r"exceeding (?:its |their )?(?:mailbox )?quota", r"exceeding receiving limits", r"boite du destinataire pleine", r"out of storage space", r"too much mail data",
        r"not enough (?:space|storage) (?:in|on) (?:the )?(?:mailbox|account)", r"mailfolder is full",
        r"user(?:'s)? (?:mailbox|disk) (?:is )?full", r"mailbox exceeds", r"exceeds? (?:the )?(?:mailbox|recipient'?s?) (?:quota|size)",
        r"容量(?:が|を)?(?:超過|いっぱい|オーバー|超え)", r"メールボックスが(?:いっぱい|一杯|満杯)",
        # Japanese notices: "the mailbox's capacity is insufficient", "has reached its capacity limit"
        r"(?:メールボックス|メールボックスの容量|保存容量|ディスク容量|容量)(?:が|の)?(?:不足|上限に達)",
        r"(?:メールボックス|受信ボックス|受信箱)(?:の|が|は)?(?:容量|サイズ)(?:の)?(?:制限|上限)", r"受信(?:ボックス|箱)が(?:いっぱい|一杯|満杯)",
        r"bo[iî]te (?:aux lettres |de r[ée]ception )?(?:du destinataire |de \S+ )?(?:est )?pleine",
        r"buz[oó]n (?:de correo )?(?:del destinatario |de \S+ )?(?:est[aá] )?lleno",
        r"postfach (?:ist )?voll", r"bo[iî]te (?:aux lettres )?(?:est )?pleine", r"buz[oó]n (?:est[aá] )?lleno",
        r"mailbox (?:ist )?voll", r"caixa (?:postal|de correio) (?:est[aá] )?cheia", r"casella (?:di posta )?(?:[eè] )?piena",
        r"ящик (?:\w+ )?переполнен", r"邮箱(?:空间|容量)?已满", r"메일함이 (?:가득 )?(?:찼|꽉)",
    ),
    "suspend": (
        # "due to extended inactivity new mail is not currently being accepted": an account gone dormant
        r"is currently suspended", r"\bhas been suspended\b", r"due to extended inactivity",
        r"(?:mailbox|account|user|recipient|address)(?: is| has been)? (?:currently )?(?:disabled|suspended|inactive|deactivated|"
        r"locked|frozen|terminated|expired|closed|not active|on hold|temporar(?:il)?y (?:locked|disabled|blocked))",
        r"account (?:that you tried to reach )?(?:is|has been) (?:disabled|inactive)",
        r"recipient account is blocked", r"service (?:is )?suspended", r"temporary locked",
        r"disabled (?:mailbox|account|recipient)", r"inactive (?:mailbox|account|user)",
        r"user (?:account )?(?:has )?(?:been )?(?:suspended|disabled)", r"this account has been (?:suspended|disabled|blocked)",
        r"mailbox (?:is )?(?:unavailable|currently unavailable) for", r"is a deactivated mailbox",
        r"no longer accepts mail", r"archived recipient", r"boite du destinataire archivee", r"mailbox disabled",
        r"user or domain is disabled", r"disabled or discontinued", r"account is locked", r"temporarily inactive",
        r"suspend(?:ed)? the service",
        # Japanese notices: "this address is suspended", "the account is disabled / frozen"
        r"(?:利用|使用)(?:を)?停止",
        r"(?:postfach|konto|benutzer|account) (?:\S+ )?(?:ist |wurde )?(?:gesperrt|deaktiviert)",
        r"(?:compte|bo[iî]te aux lettres) (?:\S+ )?(?:est |a été )?(?:d[ée]sactiv[ée]e?|suspendue?|bloqu[ée]e?)",
        r"(?:cuenta|buz[oó]n) (?:\S+ )?(?:est[aá] |ha sido )?(?:desactivad[oa]|suspendid[oa]|bloquead[oa])", r"(?:アカウント|メールアドレス|アドレス|メールボックス)(?:が|は)(?:現在)?(?:停止|無効|凍結|休止)",
    ),
    "hasmoved": (
        r"has moved (?:to|;)", r"address (?:has )?changed", r"\bmoved to\b", r"user has moved",
        r"has been replaced by", r"new address is",
        # RFC 5321's 551: "User not local; please try <forward-path>", the address it moved to
        r"user not local; please try",
    ),
    "userunknown": (
        r"no valid recipients for this mm",
        # more servers' words for a missing mailbox ("mailbox NAME does not exist", "user NAME was not found")
        r"can'?t accept user", r"email name is not found", r"#?5\.1\.1 bad address",
        r"^\s*5\d\d[ -](?:5\.\d\.\d+ )?address invalid", r"<address>>? not found",
        r"does not exist at the organization", r"not present in directory", r"bad[-_]recipient",
        r"destination addresses were unknown", r"destination server rejected recipients",
        r"(?:mailbox|user|recipient|account|rcpt) (?!domain\b)\S+ (?:does not exist|was not found)",
        r"mailbox invalid", r"mailbox is unavailable", r"mailbox <address> unavailable",
        r"\bno .{1,60} in name directory", r"rejected: account unavailable", r"no valid recipients, bye",
        r"non-?existent (?:user|recipient|mailbox|address)", r"recipient (?:does )?not exist", r"badrecipientto",
        r"spectator does not exist", r"unknown local-part",
        r"user ?unknown", r"unknown user", r"no such (?:user|recipient|mailbox|account|address|local user|person)",
        r"(?:user|recipient|mailbox|address|account|addressee)(?: address)? (?:does not|doesn'?t|did not) exist",
        r"(?:user|recipient|mailbox|account|address) (?:was )?(?:not found|unknown|not known|not listed)",
        r"invalid (?:recipient|mailbox|user|address|e-?mail address|destination)",
        r"unknown (?:recipient|mailbox|local ?part|address|account|e-?mail)", r"mailbox unavailable",
        r"recipient address rejected", r"(?<!sender )(?<!from )(?<!ip )(?<!sender email )\baddress rejected\b", r"not a valid (?:mailbox|recipient|user|address)",
        r"no mailbox", r"mailbox not found", r"user not found", r"undeliverable address",
        r"addressee unknown", r"is not a known user", r"bad recipient", r"recipientnotfound", r"recipient not found",
        r"does not have an? .{0,40}account", r"doesn'?t have an? .{0,40}account",
        r"recipient rejected", r"no (?:such )?mailbox here", r"mailbox (?:does not|doesn'?t) exist",
        r"not our customer", r"user (?:is )?not (?:local|here|known)", r"address unknown", r"unknown or illegal alias",
        r"destination (?:address|mailbox) (?:is )?(?:invalid|unknown)", r"(?:account|user|mailbox) (?:is )?not (?:exist|available)",
        r"\bdd this user\b", r"宛先不明", r"(?:アドレス|ユーザー?|宛先|アカウント|メールボックス|受信者)(?:が|は)(?:存在しません|見つかりません)",
        r"(?:受信者|受取人|ユーザー?)(?:が)?不明",
        r"adresse\b.{0,40}\bnicht gefunden", r"(?:empf[aä]nger|benutzer|postfach|adresse) (?:\S+ )?existiert nicht",
        r"adresse .{0,40}introuvable", r"destinataire introuvable",
        r"(?:utilisateur|destinataire|bo[iî]te aux lettres|adresse) (?:\S+ )?inexistante?",
        r"(?:usuario|buz[oó]n|cuenta|destinatario) (?:\S+ )?no existe",
        r"no se (?:ha )?(?:encontrado|encontr[oó]) la direcci[oó]n", r"direcci[oó]n (?:de correo )?no (?:encontrada|existe|v[aá]lida)",
        r"benutzer unbekannt", r"unbekannter (?:benutzer|empf[aä]nger)", r"utilisateur inconnu", r"destinataire inconnu",
        r"usuario desconocido", r"does not exist here",
        r"usu[aá]rio (?:desconhecido|inexistente|n[aã]o existe)", r"utente (?:sconosciuto|inesistente)",
        r"destinatario (?:inexistente|sconosciuto|desconocido)", r"empf[aä]nger (?:ist )?unbekannt",
        r"adresse (?:e-?mail )?inconnue", r"пользовател[ья] (?:не найден|не существует)", r"нет такого пользователя",
        r"(?:用户|收件人|收信人|邮箱)(?:名|地址)?不存在", r"존재하지 않는 (?:사용자|계정|주소)", r"該当するユーザー?(?:は|が)(?:いません|存在しません)", r"can'?t accept mail for", r"no account by that name",
        r"no mail ?box (?:available|by that name|found)", r"not a local address", r"not found in directory",
        r"recipient is not local", r"recipient not ok", r"badrcptto", r"validrcptto", r"there is no one at this address",
        r"wrong or no longer valid", r"missing home directory", r"nessun utente", r"no existe (?:dicha persona|ese usuario)",
        r"invalid or unknown virtual user", r"envelope recipient has been denied", r"mailbox not present",
        r"is not an active address", r"not a valid user", r"no such (?:mail drop|e-?mail address)", r"not listed in (?:the )?(?:domino directory|public name|(?:the )?address book|directory)", r"(?<!ドメインが)(?<!ドメインは)存在しない(?!ドメイン)|宛先(?:が|は)(?:不明|見つかりません)",
        r"^\s*5\d\d\s+(?:\S+@\S+|<address>)\s+rejected\s*$",
        # Gmail's notices: "The email account that you tried to reach does not exist",
        # "Your message wasn't delivered to ... because the address couldn't be found"
        r"account (?:that )?you tried to reach (?:does not|doesn['’]?t) exist",
        r"address (?:couldn['’]?t|could not|cannot|can['’]?t) be found",
    ),
    "filtered": (
        r"this account is protected by", r"refuse to receive mail",
        r"envelope blocked [-\u2013] user entry",
        r"\bfiltered\b", r"rejected by (?:the )?recipient", r"refused by (?:the )?recipient",
        r"recipient (?:has )?(?:refused|rejected|blocked|denied)", r"sender (?:is )?(?:not allowed|blocked|rejected) by (?:the )?recipient",
        r"recipient preferences", r"by (?:the )?recipient'?s? (?:request|settings|preferences)",
        r"domain (?:is )?blocked by (?:the )?recipient", r"receiving (?:is )?(?:refused|rejected)",
        r"blocked by (?:the )?user", r"受信拒否", r"迷惑メール(?:フィルタ|設定)", r"指定受信",
        r"受信(?:を|が)拒否", r"(?:受信者|受取人)(?:様)?の(?:受信)?設定により", r"拒否設定",
        # the carriers' receive settings: refuse mail from PCs, with URLs, spoofed mail; allow-lists
        r"pcメール(?:拒否|規制)", r"パソコン(?:から)?の?メール(?:を)?拒否", r"url付き(?:メール)?(?:拒否|規制)",
        r"なりすまし(?:メール)?(?:拒否|規制)", r"受信(?:が)?許可されていない", r"only accepting mail from specific",
        r"due to the recipient'?s policy", r"\buser reject", r"not accepting any mail", r"due to user rules",
        r"blocked by the recipient", r"has restricted sms e-?mail", r"rejected by (?:this|the) user\b",
        r"(?:rejected|refused|discarded) by (?:a |the )?(?:user'?s? |recipient'?s? )?sieve",
    ),
}
