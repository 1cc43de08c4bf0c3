<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../ui/accounts.py" line="243"/>
        <location filename="../../ui/accounts.py" line="244"/>
        <source>Accounts</source>
        <translation>Hesaplar</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="249"/>
        <source>Account</source>
        <translation>Hesap</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="249"/>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="249"/>
        <source>Today</source>
        <translation>Bugün</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="249"/>
        <source>Every</source>
        <translation>Sıklık</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="250"/>
        <location filename="../../ui/accounts.py" line="294"/>
        <source>Keywords</source>
        <translation>Anahtar sözcükler</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="252"/>
        <source>Connected accounts</source>
        <translation>Bağlı hesaplar</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="265"/>
        <source>Add X account…</source>
        <translation>X hesabı ekle…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="266"/>
        <source>Add Reddit account…</source>
        <translation>Reddit hesabı ekle…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="268"/>
        <source>Test connection</source>
        <translation>Bağlantıyı sına</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="269"/>
        <source>Reconnect…</source>
        <translation>Yeniden bağla…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="270"/>
        <source>Remove</source>
        <translation>Kaldır</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="277"/>
        <source>Poll interval in seconds</source>
        <translation>Saniye cinsinden yoklama aralığı</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="280"/>
        <source>Daily request budget</source>
        <translation>Günlük istek bütçesi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="284"/>
        <source>Estimated credits per request</source>
        <translation>İstek başına tahmini kredi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="286"/>
        <source>Keywords, separated by commas</source>
        <translation>Anahtar sözcükler, virgülle ayrılmış</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="288"/>
        <source>Exclusions, separated by commas</source>
        <translation>Hariç tutulanlar, virgülle ayrılmış</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="290"/>
        <source>Subreddits, separated by commas</source>
        <translation>Subredditler, virgülle ayrılmış</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="291"/>
        <source>Poll every</source>
        <translation>Yoklama sıklığı</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="292"/>
        <source>Requests a day at most</source>
        <translation>Günde en çok istek</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="293"/>
        <source>Credits per request</source>
        <translation>İstek başına kredi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="295"/>
        <source>Exclude</source>
        <translation>Hariç tut</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="296"/>
        <source>Subreddits (Reddit)</source>
        <translation>Subredditler (Reddit)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="300"/>
        <source>Save settings</source>
        <translation>Ayarları kaydet</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="307"/>
        <source>Accounts status</source>
        <translation>Hesap durumu</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="347"/>
        <source>{0} of {1} requests · {2} credits</source>
        <translation>{0} / {1} istek · {2} kredi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="452"/>
        <source>Connecting {0}…</source>
        <translation>{0} bağlanıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="476"/>
        <source>Sign in in your browser. If it did not open, go to:</source>
        <translation>Tarayıcınızda oturum açın. Açılmadıysa şu adrese gidin:</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="488"/>
        <source>Testing {0}…</source>
        <translation>{0} sınanıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="520"/>
        <source>Reconnecting {0}…</source>
        <translation>{0} yeniden bağlanıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="531"/>
        <source>Remove account</source>
        <translation>Hesabı kaldır</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="533"/>
        <source>Disconnect {0} and delete its secrets from the keyring? Its messages stay.</source>
        <translation>{0} bağlantısı kesilsin ve gizli bilgileri anahtarlıktan silinsin mi? İletileri kalır.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="543"/>
        <source>Removing {0}…</source>
        <translation>{0} kaldırılıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="546"/>
        <source>{0} removed; its messages stay.</source>
        <translation>{0} kaldırıldı; iletileri kalıyor.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="568"/>
        <source>{0}: settings saved.</source>
        <translation>{0}: ayarlar kaydedildi.</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../ui/actions.py" line="75"/>
        <location filename="../../ui/actions.py" line="76"/>
        <source>Command palette</source>
        <translation>Komut paleti</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="78"/>
        <source>Filter commands</source>
        <translation>Komutları süz</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="79"/>
        <source>Type a command</source>
        <translation>Bir komut yazın</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="81"/>
        <source>Commands</source>
        <translation>Komutlar</translation>
    </message>
</context>
<context>
    <name>ComplaintMarker</name>
    <message>
        <location filename="../../ui/labelling.py" line="68"/>
        <source>Could not record the label: {0}</source>
        <translation>Etiket kaydedilemedi: {0}</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/accounts.py" line="73"/>
        <source>Connect an X account</source>
        <translation>Bir X hesabı bağla</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="75"/>
        <source>Connect a Reddit account</source>
        <translation>Bir Reddit hesabı bağla</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="81"/>
        <source>Account handle</source>
        <translation>Hesap adı</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="83"/>
        <source>Account</source>
        <translation>Hesap</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="85"/>
        <source>Sign-in method</source>
        <translation>Oturum açma yöntemi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="87"/>
        <source>Sign in through the browser (OAuth 2.0)</source>
        <translation>Tarayıcıyla oturum aç (OAuth 2.0)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="88"/>
        <source>Paste OAuth 2.0 tokens</source>
        <translation>OAuth 2.0 belirteçlerini yapıştır</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="89"/>
        <source>Paste OAuth 1.0a tokens</source>
        <translation>OAuth 1.0a belirteçlerini yapıştır</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="91"/>
        <source>Sign in through the browser</source>
        <translation>Tarayıcıyla oturum aç</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="92"/>
        <source>Paste a refresh token of a Reddit app</source>
        <translation>Bir Reddit uygulamasının yenileme belirtecini yapıştır</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="96"/>
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="120"/>
        <source>Loopback port</source>
        <translation>Geri dönüş bağlantı noktası</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="121"/>
        <source>Callback port</source>
        <translation>Geri çağırma bağlantı noktası</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="123"/>
        <location filename="../../ui/accounts.py" line="125"/>
        <source>Check the connection now</source>
        <translation>Bağlantıyı şimdi sına</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="144"/>
        <source>API key (consumer key)</source>
        <translation>API anahtarı (tüketici anahtarı)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="145"/>
        <source>API key secret (consumer secret)</source>
        <translation>API anahtarı gizli anahtarı (tüketici gizli anahtarı)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="176"/>
        <source>Your browser opens X. First register this callback URL with the X app:</source>
        <translation>Tarayıcınız X’i açar. Önce bu geri çağırma adresini X uygulamasına kaydedin:</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="182"/>
        <source>Your browser opens Reddit. First set this as the redirect URI of the Reddit app (an installed app):</source>
        <translation>Tarayıcınız Reddit’i açar. Önce bunu Reddit uygulamasının (kurulu uygulama) yönlendirme adresi yapın:</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="146"/>
        <source>Access token</source>
        <translation>Erişim belirteci</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="147"/>
        <source>Access token secret</source>
        <translation>Erişim belirteci gizli anahtarı</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="148"/>
        <source>Refresh token</source>
        <translation>Yenileme belirteci</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="149"/>
        <source>Client id</source>
        <translation>İstemci kimliği</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="150"/>
        <source>Client secret</source>
        <translation>İstemci gizli anahtarı</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="170"/>
        <source>{0} (optional)</source>
        <translation>{0} (isteğe bağlı)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="188"/>
        <source>Leave the client secret empty for an installed app.</source>
        <translation>Kurulu bir uygulama için istemci gizli anahtarını boş bırakın.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="191"/>
        <source>Without a refresh token and client id the token cannot be renewed.</source>
        <translation>Yenileme belirteci ve istemci kimliği olmadan belirteç yenilenemez.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="212"/>
        <source>{0}: needed.</source>
        <translation>{0}: gerekli.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="207"/>
        <source>Give the account&apos;s handle.</source>
        <translation>Hesabın adını girin.</translation>
    </message>
</context>
<context>
    <name>ConversationController</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="149"/>
        <source>Nothing selected</source>
        <translation>Hiçbir şey seçili değil</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="189"/>
        <source>public</source>
        <translation>herkese açık</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="189"/>
        <source>direct message</source>
        <translation>özel mesaj</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="190"/>
        <source>unassigned</source>
        <translation>atanmamış</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="203"/>
        <source>{0} followers</source>
        <translation>{0} takipçi</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="205"/>
        <source>first seen {0}</source>
        <translation>ilk görülme {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="208"/>
        <source>The brand started this conversation.</source>
        <translation>Bu konuşmayı marka başlattı.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="217"/>
        <source>No earlier conversations</source>
        <translation>Önceki konuşma yok</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="219"/>
        <source>Tags: {0}</source>
        <translation>Etiketler: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="219"/>
        <source>No tags</source>
        <translation>Etiket yok</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="250"/>
        <source>Brand</source>
        <translation>Marka</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="250"/>
        <source>Customer</source>
        <translation>Müşteri</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="259"/>
        <source>Link: {0}</source>
        <translation>Bağlantı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="267"/>
        <source>Reply {0} · {1}</source>
        <translation>Yanıt {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="283"/>
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} karakter</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="321"/>
        <source>The reply was not queued: {0}</source>
        <translation>Yanıt sıraya alınamadı: {0}</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="47"/>
        <source>Conversation</source>
        <translation>Konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="54"/>
        <source>Thread</source>
        <translation>Yazışma</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="55"/>
        <source>Why it is here</source>
        <translation>Neden burada</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="56"/>
        <location filename="../../ui/conversation_pane.py" line="80"/>
        <source>Author</source>
        <translation>Yazar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="58"/>
        <source>Earlier conversations</source>
        <translation>Önceki konuşmalar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="60"/>
        <source>Tags</source>
        <translation>Etiketler</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="62"/>
        <source>Notes</source>
        <translation>Notlar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="65"/>
        <source>Details</source>
        <translation>Ayrıntılar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="66"/>
        <source>Detail tabs</source>
        <translation>Ayrıntı sekmeleri</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="79"/>
        <source>Why here</source>
        <translation>Neden burada</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="81"/>
        <source>Notes and tags</source>
        <translation>Notlar ve etiketler</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="83"/>
        <source>Reply</source>
        <translation>Yanıtla</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="84"/>
        <source>Write a reply  ( r )   Ctrl+Enter sends</source>
        <translation>Bir yanıt yazın  ( r )   Ctrl+Enter gönderir</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="86"/>
        <source>Characters</source>
        <translation>Karakterler</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="87"/>
        <source>Send</source>
        <translation>Gönder</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="88"/>
        <source>Send reply</source>
        <translation>Yanıtı gönder</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <location filename="../../ui/importer.py" line="116"/>
        <source>The import could not start ({0}).</source>
        <translation>İçe aktarma başlatılamadı ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="134"/>
        <source>The import of {0} stopped unexpectedly; see logs/socialdesk.log in the workspace folder. Importing the file again adds what is missing.</source>
        <translation>{0} içe aktarımı beklenmedik şekilde durdu; çalışma alanı klasöründeki logs/socialdesk.log dosyasına bakın. Dosyayı yeniden içe aktarmak eksik olanları ekler.</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="140"/>
        <source>exit code {0}</source>
        <translation>çıkış kodu {0}</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="141"/>
        <source>Could not import {0}: {1}</source>
        <translation>{0} içe aktarılamadı: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="144"/>
        <source>Imported {0}. New messages: {1}; new conversations: {2}; already there: {3}.</source>
        <translation>{0} içe aktarıldı. Yeni mesaj: {1}; yeni konuşma: {2}; zaten var olan: {3}.</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="153"/>
        <source>Bad rows skipped: {0}, for example: {1}</source>
        <translation>Atlanan hatalı satır: {0}, örneğin: {1}</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <location filename="../../ui/inbox_pane.py" line="44"/>
        <source>Search messages and authors  ( / )</source>
        <translation>Mesajlarda ve yazarlarda ara  ( / )</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_pane.py" line="45"/>
        <source>Search</source>
        <translation>Ara</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_pane.py" line="48"/>
        <source>Sort</source>
        <translation>Sırala</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_pane.py" line="50"/>
        <source>Priority</source>
        <translation>Öncelik</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_pane.py" line="51"/>
        <source>Longest waiting</source>
        <translation>En uzun bekleyen</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_pane.py" line="52"/>
        <source>Newest</source>
        <translation>En yeni</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_pane.py" line="57"/>
        <source>Inbox summary</source>
        <translation>Gelen kutusu özeti</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_pane.py" line="59"/>
        <source>Inbox</source>
        <translation>Gelen kutusu</translation>
    </message>
</context>
<context>
    <name>InboxTableModel</name>
    <message>
        <location filename="../../ui/inbox_model.py" line="79"/>
        <source>Priority</source>
        <translation>Öncelik</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="80"/>
        <source>Network</source>
        <translation>Ağ</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="81"/>
        <source>Author</source>
        <translation>Yazar</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="82"/>
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="83"/>
        <source>Sentiment</source>
        <translation>Duygu</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="84"/>
        <source>Intent</source>
        <translation>Amaç</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="85"/>
        <source>Waiting</source>
        <translation>Bekleme</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="86"/>
        <source>Assignee</source>
        <translation>Atanan</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="87"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="117"/>
        <source>answered</source>
        <translation>yanıtlandı</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="121"/>
        <source>{0} left</source>
        <translation>{0} kaldı</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="125"/>
        <source>late</source>
        <translation>gecikti</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>new</source>
        <translation>yeni</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>open</source>
        <translation>açık</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>pending</source>
        <translation>beklemede</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>resolved</source>
        <translation>çözüldü</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <location filename="../../ui/labels.py" line="41"/>
        <source>spam</source>
        <translation>istenmeyen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>queued</source>
        <translation>sırada</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>sending</source>
        <translation>gönderiliyor</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>sent</source>
        <translation>gönderildi</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>complaint</source>
        <translation>şikâyet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>question</source>
        <translation>soru</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>request</source>
        <translation>istek</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>praise</source>
        <translation>övgü</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>feedback</source>
        <translation>geri bildirim</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>other</source>
        <translation>diğer</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>delivery</source>
        <translation>teslimat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>billing</source>
        <translation>fatura</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>account access</source>
        <translation>hesap erişimi</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>product defect</source>
        <translation>ürün kusuru</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>outage</source>
        <translation>kesinti</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54"/>
        <source>staff behaviour</source>
        <translation>personel tutumu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>{0} min</source>
        <translation>{0} dk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>{0} h</source>
        <translation>{0} sa</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>{0} d</source>
        <translation>{0} g</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>SocialDesk — {0}</source>
        <translation>SocialDesk — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>Import progress</source>
        <translation>İçe aktarma durumu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>Next conversation (or Down)</source>
        <translation>Sonraki konuşma (veya Aşağı)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Previous conversation (or Up)</source>
        <translation>Önceki konuşma (veya Yukarı)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>Open the conversation</source>
        <translation>Konuşmayı aç</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>Reply</source>
        <translation>Yanıtla</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>Resolve</source>
        <translation>Çözüldü olarak kapat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>Set pending</source>
        <translation>Beklemeye al</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Reopen</source>
        <translation>Yeniden aç</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Mark as spam</source>
        <translation>İstenmeyen olarak işaretle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>Assign to me</source>
        <translation>Bana ata</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>Unassign</source>
        <translation>Atamayı kaldır</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Tag (a leading - removes)</source>
        <translation>Etiketle (başa - koymak kaldırır)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>Add a note</source>
        <translation>Not ekle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>Mark complaint / not a complaint</source>
        <translation>Şikâyet / şikâyet değil olarak işaretle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>Open the message&apos;s link in the browser</source>
        <translation>Mesajdaki bağlantıyı tarayıcıda aç</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>Search</source>
        <translation>Ara</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Back to the list; in the list, clear the search</source>
        <translation>Listeye dön; listedeyken aramayı temizle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>Command palette</source>
        <translation>Komut paleti</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>Keyboard shortcuts</source>
        <translation>Klavye kısayolları</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Show: {0}</source>
        <translation>Göster: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>Desktop notifications on or off</source>
        <translation>Masaüstü bildirimlerini aç veya kapat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>Import conversations from a file…</source>
        <translation>Konuşmaları dosyadan içe aktar…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>Accounts…</source>
        <translation>Hesaplar…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Quit</source>
        <translation>Çık</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>&amp;Go</source>
        <translation>&amp;Git</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>&amp;Conversation</source>
        <translation>&amp;Konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>&amp;Settings</source>
        <translation>&amp;Ayarlar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>Conversation {0}: {1}</source>
        <translation>Konuşma {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>Conversation {0} is yours</source>
        <translation>Konuşma {0} artık sizde</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>Conversation {0} is unassigned</source>
        <translation>Konuşma {0} artık atanmamış</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387"/>
        <source>Tag</source>
        <translation>Etiket</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387"/>
        <source>Tag (start with - to remove):</source>
        <translation>Etiket (kaldırmak için - ile başlayın):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="395"/>
        <source>Tags updated on conversation {0}</source>
        <translation>Konuşma {0} etiketleri güncellendi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409"/>
        <source>Note added to conversation {0}</source>
        <translation>Konuşma {0} için not eklendi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="433"/>
        <source>Still recording the previous label</source>
        <translation>Önceki işaret hâlâ kaydediliyor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="435"/>
        <location filename="../../ui/main_window.py" line="528"/>
        <source>not a complaint</source>
        <translation>şikâyet değil</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="435"/>
        <location filename="../../ui/main_window.py" line="528"/>
        <source>a complaint</source>
        <translation>şikâyet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="437"/>
        <source>Marking message {0} as {1}…</source>
        <translation>Mesaj {0}, {1} olarak işaretleniyor…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="446"/>
        <source>This conversation has no web link</source>
        <translation>Bu konuşmada web bağlantısı yok</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="451"/>
        <source>No web browser could open {0}. Set a default browser in your desktop&apos;s settings, or copy the link from the conversation.</source>
        <translation>{0} bağlantısını açacak bir web tarayıcısı bulunamadı. Masaüstü ayarlarınızdan varsayılan bir tarayıcı seçin ya da bağlantıyı konuşmadan kopyalayın.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="462"/>
        <source>An import is already running</source>
        <translation>Zaten bir içe aktarma sürüyor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466"/>
        <source>Import conversations</source>
        <translation>Konuşmaları içe aktar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="468"/>
        <source>Conversations (*.jsonl *.json *.csv);;All files (*)</source>
        <translation>Konuşmalar (*.jsonl *.json *.csv);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="525"/>
        <source>Reply queued in the outbox ({0})</source>
        <translation>Yanıt giden kutusunda sırada ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="530"/>
        <source>Message {0} marked {1}; {2}; {3} open items rescored</source>
        <translation>Mesaj {0}: {1}; {2}; {3} açık öğe yeniden puanlandı</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="542"/>
        <source>Sync state</source>
        <translation>Eşitleme durumu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="566"/>
        <source>{0} new · {1} requests</source>
        <translation>{0} yeni · {1} istek</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="581"/>
        <source>Importing {0}…</source>
        <translation>{0} içe aktarılıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="608"/>
        <source>{0}: 1 match</source>
        <translation>{0}: 1 eşleşme</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="610"/>
        <source>{0}: {1}{2} matches</source>
        <translation>{0}: {1}{2} eşleşme</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="620"/>
        <source>{0}: 1 conversation · {1} in the inbox wait for a reply</source>
        <translation>{0}: 1 konuşma · gelen kutusunda {1} yanıt bekliyor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="624"/>
        <source>{0}: {1} conversations · {2} in the inbox wait for a reply</source>
        <translation>{0}: {1} konuşma · gelen kutusunda {2} yanıt bekliyor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="630"/>
        <source>{0}: 1 conversation</source>
        <translation>{0}: 1 konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="632"/>
        <source>{0}: {1}{2} conversations</source>
        <translation>{0}: {1}{2} konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="645"/>
        <source>{0} connected</source>
        <translation>{0} bağlı</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="647"/>
        <source>none connected · Settings &gt; Accounts, or File &gt; Import</source>
        <translation>bağlı hesap yok · Ayarlar &gt; Hesaplar veya Dosya &gt; İçe aktar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="649"/>
        <source>none yet · Settings &gt; Accounts, or File &gt; Import</source>
        <translation>henüz yok · Ayarlar &gt; Hesaplar veya Dosya &gt; İçe aktar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="650"/>
        <location filename="../../ui/main_window.py" line="652"/>
        <source>Accounts</source>
        <translation>Hesaplar</translation>
    </message>
</context>
<context>
    <name>Nav</name>
    <message>
        <location filename="../../ui/nav.py" line="28"/>
        <source>Needs reply</source>
        <translation>Yanıt bekleyenler</translation>
    </message>
    <message>
        <location filename="../../ui/nav.py" line="29"/>
        <source>Complaints</source>
        <translation>Şikâyetler</translation>
    </message>
    <message>
        <location filename="../../ui/nav.py" line="30"/>
        <source>Mine</source>
        <translation>Benimkiler</translation>
    </message>
    <message>
        <location filename="../../ui/nav.py" line="31"/>
        <source>Unassigned</source>
        <translation>Atanmamışlar</translation>
    </message>
    <message>
        <location filename="../../ui/nav.py" line="32"/>
        <source>Direct messages</source>
        <translation>Özel mesajlar</translation>
    </message>
    <message>
        <location filename="../../ui/nav.py" line="33"/>
        <source>Public</source>
        <translation>Herkese açık</translation>
    </message>
    <message>
        <location filename="../../ui/nav.py" line="34"/>
        <source>Keyword hits</source>
        <translation>Anahtar kelime eşleşmeleri</translation>
    </message>
    <message>
        <location filename="../../ui/nav.py" line="35"/>
        <source>Pending</source>
        <translation>Beklemede</translation>
    </message>
    <message>
        <location filename="../../ui/nav.py" line="36"/>
        <source>Resolved</source>
        <translation>Çözüldü</translation>
    </message>
    <message>
        <location filename="../../ui/nav.py" line="37"/>
        <source>Spam</source>
        <translation>İstenmeyen</translation>
    </message>
</context>
<context>
    <name>NavController</name>
    <message>
        <location filename="../../ui/nav.py" line="107"/>
        <source>Views</source>
        <translation>Görünümler</translation>
    </message>
    <message>
        <location filename="../../ui/nav.py" line="108"/>
        <source>Networks and accounts</source>
        <translation>Ağlar ve hesaplar</translation>
    </message>
</context>
<context>
    <name>NavPane</name>
    <message>
        <location filename="../../ui/nav.py" line="71"/>
        <source>Views</source>
        <translation>Görünümler</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="21"/>
        <source>Note</source>
        <translation>Not</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="22"/>
        <source>Add a note</source>
        <translation>Not ekle</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="23"/>
        <source>Only your team sees notes. Ctrl+Enter saves.</source>
        <translation>Notları yalnızca ekibiniz görür. Ctrl+Enter kaydeder.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="25"/>
        <source>Note text</source>
        <translation>Not metni</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../ui/notices.py" line="21"/>
        <source>Notices</source>
        <translation>Uyarılar</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="44"/>
        <source>Notice</source>
        <translation>Uyarı</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="45"/>
        <source>Dismiss</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="46"/>
        <source>Dismiss notice</source>
        <translation>Uyarıyı kapat</translation>
    </message>
</context>
<context>
    <name>Notify</name>
    <message>
        <location filename="../../ui/notify.py" line="22"/>
        <source>Due in {0}: {1}</source>
        <translation>{0} içinde süresi doluyor: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/notify.py" line="26"/>
        <source>Public complaint from {0}</source>
        <translation>{0} kullanıcısından herkese açık şikâyet</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/actions.py" line="147"/>
        <location filename="../../ui/actions.py" line="148"/>
        <source>Keyboard shortcuts</source>
        <translation>Klavye kısayolları</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="151"/>
        <source>Shortcuts</source>
        <translation>Kısayollar</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="152"/>
        <source>Action</source>
        <translation>Eylem</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="152"/>
        <source>Keys</source>
        <translation>Tuşlar</translation>
    </message>
</context>
</TS>
