import { defineMessages } from '../define.js';

export const core = defineMessages({
  ja: {
    'role.chair': '本部長',
    'role.secretariat': '事務局',
    'role.member': '部員',
    'role.delegate': '代理',
    'role.guest': 'ゲスト',
    'help.title': 'Honbu でできること',
    /** The command word that lists the commands, as the fallback suggests it. */
    'help.word': 'ヘルプ',
    'help.whoami': '{name} さん（{role}{department}）',
    'help.howto': 'コマンドをそのまま送ってください。チャネルでは @Honbu を付けてください。',
    'help.examples': '例',
    'cmd.help': '使い方を表示します',
    'cmd.whoami': 'あなたの登録情報（役割・部署）を表示します',
    'cmd.directory': '名簿（登録されている人と役割）を表示します',
    'cmd.directorySet': '名簿に人を追加・変更します：名簿登録 UPN 役割 部署 氏名',
    unknown: '「{text}」は分かりませんでした。「{help}」と送ると、使える操作の一覧が出ます。',
    'unknown.suggest': '「{text}」は分かりませんでした。もしかして「{suggestion}」ですか？',
    notAllowed: '申し訳ありません。この操作は{roles}のみが行えます。',
    'notAllowed.guest':
      '申し訳ありません。この操作は推進本部の名簿に登録された方のみが行えます。ルールの質問とヘルプはご利用いただけます。登録は事務局にご依頼ください。',
    'error.apology':
      '申し訳ありません。処理中に問題が起きました。もう一度お試しください。解決しない場合は事務局にご連絡ください。（参照番号: {ref}）',
    'error.badAction': 'このカードの操作は受け付けられませんでした。カードを開き直してください。',
    'action.done': '受け付けました。',
    'invoke.unsupported': 'Honbu はこの操作に対応していません。',
    welcome:
      'Honbu（行政情報化推進本部アシスタント）です。会議のお知らせ、アンケート、宿題の確認、ルールの照会をお手伝いします。「ヘルプ」と送ると使い方が表示されます。',
    whoami: '{name}（{upn}）: {role}{department}',
    'whoami.guest':
      'あなたは名簿に登録されていません（ゲスト）。ルールの照会とヘルプは使えます。登録は事務局にご依頼ください。',
    'cmd.deadLetters': '送れなかったお知らせの一覧を表示し、再送します',
    'deadLetters.title': '送信できなかったお知らせ',
    'deadLetters.none': '送信に失敗したお知らせはありません。',
    'deadLetters.count': '{count} 件のお知らせが、再試行しても送れませんでした。',
    'deadLetters.detail': '予定 {due} ・ 試行 {attempts} 回 ・ {reason}',
    'deadLetters.resend': '再送する',
    'deadLetters.expired': '{until} までに届かず、期限切れになりました（再送すると遅れて届きます）',
    'deadLetters.notDead':
      'このお知らせは再送の対象ではありません（すでに再送済みか、送信済みです）。',
    'directory.title': '名簿',
    'directory.row': '{name}（{upn}）{role}{department}',
    'directory.usage':
      '使い方: 名簿登録 UPN 役割 部署 氏名（役割は chair/本部長, secretariat/事務局, member/部員, delegate/代理）',
    'directory.invalidUpn': '「{upn}」はサインイン名（メールアドレス形式）として読めません。',
    'directory.unknownRole':
      '役割「{role}」が分かりません。本部長・事務局・部員・代理 のいずれかを指定してください。',
    'directory.unknownDepartment':
      '部署「{department}」が名簿にありません。登録済みの部署: {departments}',
    'directory.departmentRequired': '部員と代理には部署が必要です。',
    'directory.created': '{name}（{upn}）を{role}{department}として登録しました。',
    'directory.updated': '{name}（{upn}）を{role}{department}に変更しました。',
  },
  en: {
    'role.chair': 'Chair',
    'role.secretariat': 'Secretariat',
    'role.member': 'Member',
    'role.delegate': 'Delegate',
    'role.guest': 'Guest',
    'help.title': 'What Honbu can do for you',
    'help.word': 'help',
    'help.whoami': '{name} ({role}{department})',
    'help.howto': 'Send a command as it is. In a channel, @mention Honbu first.',
    'help.examples': 'Examples',
    'cmd.help': 'Shows this help',
    'cmd.whoami': 'Shows your directory entry (role and department)',
    'cmd.directory': 'Lists the directory (people and roles)',
    'cmd.directorySet': 'Adds or changes a person: directory set UPN ROLE DEPARTMENT NAME',
    unknown: 'Sorry, I did not understand "{text}". Send "{help}" to see what I can do.',
    'unknown.suggest': 'Sorry, I did not understand "{text}". Did you mean "{suggestion}"?',
    notAllowed: 'Sorry, only {roles} can do this.',
    'notAllowed.guest':
      'Sorry, this is for people in the committee directory. You can still ask policy questions and get help; ask the secretariat to register you.',
    'error.apology':
      'Sorry, something went wrong while handling that. Please try again; if it keeps happening, contact the secretariat (reference: {ref}).',
    'error.badAction': 'This card action could not be accepted. Please reopen the card.',
    'action.done': 'Done.',
    'invoke.unsupported': 'Honbu does not support this action.',
    welcome:
      'Hello, I am Honbu, the steering committee assistant: meeting reminders, surveys, action items and policy look-ups. Send "help" to see what I can do.',
    whoami: '{name} ({upn}): {role}{department}',
    'whoami.guest':
      'You are not in the committee directory (guest). You can ask policy questions and get help; ask the secretariat to register you.',
    'cmd.deadLetters': 'Lists messages that could not be delivered, to send them again',
    'deadLetters.title': 'Messages that could not be sent',
    'deadLetters.none': 'No message has failed.',
    'deadLetters.count':
      '{count, plural, one {# message} other {# messages}} could not be sent, even after retries.',
    'deadLetters.detail': 'Due {due} · {attempts} attempts · {reason}',
    'deadLetters.resend': 'Send again',
    'deadLetters.expired':
      'Not delivered before {until}, when it expired (sending it again delivers it late)',
    'deadLetters.notDead':
      'This message cannot be sent again (it was already resent or delivered).',
    'directory.title': 'Directory',
    'directory.row': '{name} ({upn}) {role}{department}',
    'directory.usage':
      'Usage: directory set UPN ROLE DEPARTMENT NAME (ROLE is chair, secretariat, member or delegate)',
    'directory.invalidUpn': '"{upn}" does not look like a sign-in name (an email address).',
    'directory.unknownRole': 'Unknown role "{role}". Use chair, secretariat, member or delegate.',
    'directory.unknownDepartment':
      'There is no department "{department}". Known departments: {departments}',
    'directory.departmentRequired': 'Members and delegates need a department.',
    'directory.created': 'Added {name} ({upn}) as {role}{department}.',
    'directory.updated': 'Changed {name} ({upn}) to {role}{department}.',
  },
});
