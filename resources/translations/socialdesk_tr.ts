<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../ui/accounts.py" line="242"/>
        <location filename="../../ui/accounts.py" line="243"/>
        <source>Accounts</source>
        <translation>Hesaplar</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="248"/>
        <source>Account</source>
        <translation>Hesap</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="248"/>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="248"/>
        <source>Today</source>
        <translation>Bugün</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="248"/>
        <source>Every</source>
        <translation>Sıklık</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="249"/>
        <location filename="../../ui/accounts.py" line="293"/>
        <source>Keywords</source>
        <translation>Anahtar sözcükler</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="251"/>
        <source>Connected accounts</source>
        <translation>Bağlı hesaplar</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="264"/>
        <source>Add X account…</source>
        <translation>X hesabı ekle…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="265"/>
        <source>Add Reddit account…</source>
        <translation>Reddit hesabı ekle…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="267"/>
        <source>Test connection</source>
        <translation>Bağlantıyı sına</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="268"/>
        <source>Reconnect…</source>
        <translation>Yeniden bağla…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="269"/>
        <source>Remove</source>
        <translation>Kaldır</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="276"/>
        <source>Poll interval in seconds</source>
        <translation>Saniye cinsinden yoklama aralığı</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="279"/>
        <source>Daily request budget</source>
        <translation>Günlük istek bütçesi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="283"/>
        <source>Estimated credits per request</source>
        <translation>İstek başına tahmini kredi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="285"/>
        <source>Keywords, separated by commas</source>
        <translation>Anahtar sözcükler, virgülle ayrılmış</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="287"/>
        <source>Exclusions, separated by commas</source>
        <translation>Hariç tutulanlar, virgülle ayrılmış</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="289"/>
        <source>Subreddits, separated by commas</source>
        <translation>Subredditler, virgülle ayrılmış</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="290"/>
        <source>Poll every</source>
        <translation>Yoklama sıklığı</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="291"/>
        <source>Requests a day at most</source>
        <translation>Günde en çok istek</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="292"/>
        <source>Credits per request</source>
        <translation>İstek başına kredi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="294"/>
        <source>Exclude</source>
        <translation>Hariç tut</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="295"/>
        <source>Subreddits (Reddit)</source>
        <translation>Subredditler (Reddit)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="299"/>
        <source>Save settings</source>
        <translation>Ayarları kaydet</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="306"/>
        <source>Accounts status</source>
        <translation>Hesap durumu</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="346"/>
        <source>{0} of {1} requests · {2} credits</source>
        <translation>{0} / {1} istek · {2} kredi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="451"/>
        <source>Connecting {0}…</source>
        <translation>{0} bağlanıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="475"/>
        <source>Sign in in your browser. If it did not open, go to:</source>
        <translation>Tarayıcınızda oturum açın. Açılmadıysa şu adrese gidin:</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="487"/>
        <source>Testing {0}…</source>
        <translation>{0} sınanıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="519"/>
        <source>Reconnecting {0}…</source>
        <translation>{0} yeniden bağlanıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="530"/>
        <source>Remove account</source>
        <translation>Hesabı kaldır</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="532"/>
        <source>Disconnect {0} and delete its secrets from the keyring? Its messages stay.</source>
        <translation>{0} bağlantısı kesilsin ve gizli bilgileri anahtarlıktan silinsin mi? İletileri kalır.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="542"/>
        <source>Removing {0}…</source>
        <translation>{0} kaldırılıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="545"/>
        <source>{0} removed; its messages stay.</source>
        <translation>{0} kaldırıldı; iletileri kalıyor.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="567"/>
        <source>{0}: settings saved.</source>
        <translation>{0}: ayarlar kaydedildi.</translation>
    </message>
</context>
<context>
    <name>AiDialog</name>
    <message>
        <location filename="../../ui/ai_dialog.py" line="123"/>
        <location filename="../../ui/ai_dialog.py" line="124"/>
        <source>AI drafts</source>
        <translation>Yapay zekâ taslakları</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="130"/>
        <source>Drafts from an OpenAI-compatible chat endpoint: a server on this computer (Ollama, llama.cpp) or a hosted one. Each draft is a suggestion an agent edits; nothing is sent as it is. The conversation drafted for goes to the endpoint.</source>
        <translation>Taslaklar OpenAI uyumlu bir sohbet uç noktasından gelir: bu bilgisayardaki bir sunucu (Ollama, llama.cpp) ya da barındırılan bir hizmet. Her taslak, temsilcinin düzenleyeceği bir öneridir; hiçbir şey olduğu gibi gönderilmez. Taslak hazırlanan konuşma uç noktaya gönderilir.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="139"/>
        <source>&amp;Offer AI drafts in the composer</source>
        <translation>&amp;Yanıt kutusunda yapay zekâ taslakları öner</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="140"/>
        <source>Offer AI drafts in the composer</source>
        <translation>Yanıt kutusunda yapay zekâ taslakları öner</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="146"/>
        <source>Endpoint URL</source>
        <translation>Uç nokta URL’si</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="149"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="155"/>
        <source>Timeout in seconds</source>
        <translation>Saniye cinsinden zaman aşımı</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="158"/>
        <source>Drafts each time</source>
        <translation>Her istekte taslak sayısı</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="161"/>
        <source>API key</source>
        <translation>API anahtarı</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="165"/>
        <source>&amp;Forget the key</source>
        <translation>Anahtarı u&amp;nut</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="167"/>
        <source>Forget the key</source>
        <translation>Anahtarı unut</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="175"/>
        <source>Key state</source>
        <translation>Anahtar durumu</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="178"/>
        <source>API &amp;key</source>
        <translation>API &amp;anahtarı</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="180"/>
        <source>Endpoint &amp;URL</source>
        <translation>Uç nokta &amp;URL’si</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="181"/>
        <source>&amp;Model</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="182"/>
        <source>&amp;Timeout</source>
        <translation>&amp;Zaman aşımı</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="183"/>
        <source>&amp;Drafts each time</source>
        <translation>Her istekte &amp;taslak sayısı</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="189"/>
        <source>Where the conversations go</source>
        <translation>Konuşmaların gittiği yer</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="194"/>
        <source>Security warning</source>
        <translation>Güvenlik uyarısı</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="198"/>
        <source>Test &amp;connection</source>
        <translation>Bağlantıyı &amp;sına</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="200"/>
        <source>Test connection</source>
        <translation>Bağlantıyı sına</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="204"/>
        <source>Connection test result</source>
        <translation>Bağlantı sınaması sonucu</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="213"/>
        <source>AI settings problem</source>
        <translation>Yapay zekâ ayarları sorunu</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="218"/>
        <source>AI settings status</source>
        <translation>Yapay zekâ ayarları durumu</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="229"/>
        <source>&amp;Save</source>
        <translation>&amp;Kaydet</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="230"/>
        <source>Save</source>
        <translation>Kaydet</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="233"/>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="247"/>
        <source>Reading the AI settings…</source>
        <translation>Yapay zekâ ayarları okunuyor…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="283"/>
        <source>No endpoint yet: give its base URL, such as {0}</source>
        <translation>Henüz uç nokta yok: temel URL’sini girin, örneğin {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="286"/>
        <source>A server on this computer: conversations stay here.</source>
        <translation>Bu bilgisayardaki bir sunucu: konuşmalar burada kalır.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="289"/>
        <source>Each conversation drafted for is sent to {0}.</source>
        <translation>Taslak hazırlanan her konuşma {0} adresine gönderilir.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="293"/>
        <source>Warning: {0} is plain http to another computer. Customer messages (and any key) would cross the network unencrypted; use https if the server offers it.</source>
        <translation>Uyarı: {0}, başka bir bilgisayara şifrelenmemiş http bağlantısıdır. Müşteri mesajları (ve varsa anahtar) ağda şifrelenmeden iletilir; sunucu destekliyorsa https kullanın.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="311"/>
        <source>No key can be saved on this computer: {0}</source>
        <translation>Bu bilgisayarda anahtar kaydedilemiyor: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="313"/>
        <source>Cannot tell whether a key is saved: {0}</source>
        <translation>Kayıtlı bir anahtar olup olmadığı anlaşılamıyor: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="315"/>
        <source>The key typed goes to the OS keyring when you save.</source>
        <translation>Yazdığınız anahtar, kaydettiğinizde işletim sisteminin anahtarlığına gider.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="317"/>
        <source>Give the endpoint&apos;s URL first: a key belongs to one endpoint.</source>
        <translation>Önce uç noktanın URL’sini girin: her anahtar tek bir uç noktaya aittir.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="320"/>
        <source>The key saved for {0} is not sent to {1}: type one here if it needs one.</source>
        <translation>{0} için kayıtlı anahtar {1} adresine gönderilmez: gerekiyorsa buraya bir anahtar yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="324"/>
        <source>Type the key for {0} here if it needs one (a server on this computer needs none).</source>
        <translation>{0} anahtar gerektiriyorsa anahtarı buraya yazın (bu bilgisayardaki bir sunucu anahtar gerektirmez).</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="328"/>
        <source>A key is saved for {0} in the OS keyring. Type a new one to replace it.</source>
        <translation>{0} için işletim sisteminin anahtarlığında kayıtlı bir anahtar var. Değiştirmek için yenisini yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="332"/>
        <source>No key is saved for {0} (a server on this computer needs none).</source>
        <translation>{0} için kayıtlı anahtar yok (bu bilgisayardaki bir sunucu anahtar gerektirmez).</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="336"/>
        <source>Saved: type to replace it</source>
        <translation>Kayıtlı: değiştirmek için yazın</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="338"/>
        <source>Not shown again once saved</source>
        <translation>Kaydedildikten sonra bir daha gösterilmez</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="401"/>
        <source>The AI settings could not be read: {0}</source>
        <translation>Yapay zekâ ayarları okunamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="410"/>
        <source>Not saved: AI drafts need the endpoint&apos;s URL and a model first.</source>
        <translation>Kaydedilmedi: yapay zekâ taslakları için önce uç noktanın URL’si ve bir model gerekir.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="416"/>
        <source>Not saved: {0}</source>
        <translation>Kaydedilmedi: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="420"/>
        <source>Not saved: give the endpoint&apos;s URL before its key.</source>
        <translation>Kaydedilmedi: anahtardan önce uç noktanın URL’sini girin.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="424"/>
        <source>Not saved: the key has spaces or control characters in it.</source>
        <translation>Kaydedilmedi: anahtarda boşluk veya kontrol karakterleri var.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="451"/>
        <source>The settings are saved, but the key is not: {0}. Type the key again once the keyring works.</source>
        <translation>Ayarlar kaydedildi, ancak anahtar kaydedilmedi: {0}. Anahtarlık çalışır hâle gelince anahtarı yeniden yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="458"/>
        <source>Saved. AI drafts are on.</source>
        <translation>Kaydedildi. Yapay zekâ taslakları açık.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="460"/>
        <source>Saved. AI drafts are off.</source>
        <translation>Kaydedildi. Yapay zekâ taslakları kapalı.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="468"/>
        <source>Not saved: {0}. What you typed is kept.</source>
        <translation>Kaydedilmedi: {0}. Yazdıklarınız korunuyor.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="472"/>
        <source>Saving…</source>
        <translation>Kaydediliyor…</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="492"/>
        <source>Forgot the key for {0}.</source>
        <translation>{0} için anahtar unutuldu.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="509"/>
        <source>Give the endpoint&apos;s URL and a model first.</source>
        <translation>Önce uç noktanın URL’sini ve bir model girin.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="528"/>
        <source> (set as {0})</source>
        <translation> (ayarlanan: {0})</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="534"/>
        <source>OK: {0} answers as {1}</source>
        <translation>Tamam: {0}, {1} olarak yanıt veriyor</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="542"/>
        <source>No answer: {0}</source>
        <translation>Yanıt yok: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ai_dialog.py" line="548"/>
        <source>Asking {0}…</source>
        <translation>{0} sorgulanıyor…</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <location filename="../../ui/composer.py" line="398"/>
        <source>Checks</source>
        <translation>Denetimler</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="429"/>
        <source>✓ All checks pass</source>
        <translation>✓ Tüm denetimlerden geçti</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="443"/>
        <source>Check</source>
        <translation>Denetim</translation>
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
    <name>Composer</name>
    <message>
        <location filename="../../ui/composer.py" line="452"/>
        <source>Reply box: send</source>
        <translation>Yanıt kutusu: gönder</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="453"/>
        <source>Reply box: use suggestion 1, 2 or 3</source>
        <translation>Yanıt kutusu: 1., 2. veya 3. öneriyi kullan</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="455"/>
        <source>Reply box: expand a snippet&apos;s shortcode</source>
        <translation>Yanıt kutusu: kısa kodu kısa metne dönüştür</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="456"/>
        <source>;code then Space or Tab</source>
        <translation>;kod ardından Space veya Tab</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="458"/>
        <source>Reply box: next or previous field to fill</source>
        <translation>Yanıt kutusu: doldurulacak sonraki veya önceki alan</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="459"/>
        <source>Reply box: undo a snippet</source>
        <translation>Yanıt kutusu: kısa metni geri al</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/accounts.py" line="72"/>
        <source>Connect an X account</source>
        <translation>Bir X hesabı bağla</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="74"/>
        <source>Connect a Reddit account</source>
        <translation>Bir Reddit hesabı bağla</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="80"/>
        <source>Account handle</source>
        <translation>Hesap adı</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="82"/>
        <source>Account</source>
        <translation>Hesap</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="84"/>
        <source>Sign-in method</source>
        <translation>Oturum açma yöntemi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="86"/>
        <source>Sign in through the browser (OAuth 2.0)</source>
        <translation>Tarayıcıyla oturum aç (OAuth 2.0)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="87"/>
        <source>Paste OAuth 2.0 tokens</source>
        <translation>OAuth 2.0 belirteçlerini yapıştır</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="88"/>
        <source>Paste OAuth 1.0a tokens</source>
        <translation>OAuth 1.0a belirteçlerini yapıştır</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="90"/>
        <source>Sign in through the browser</source>
        <translation>Tarayıcıyla oturum aç</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="91"/>
        <source>Paste a refresh token of a Reddit app</source>
        <translation>Bir Reddit uygulamasının yenileme belirtecini yapıştır</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="95"/>
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="119"/>
        <source>Loopback port</source>
        <translation>Geri dönüş bağlantı noktası</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="120"/>
        <source>Callback port</source>
        <translation>Geri çağırma bağlantı noktası</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="122"/>
        <location filename="../../ui/accounts.py" line="124"/>
        <source>Check the connection now</source>
        <translation>Bağlantıyı şimdi sına</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="143"/>
        <source>API key (consumer key)</source>
        <translation>API anahtarı (tüketici anahtarı)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="144"/>
        <source>API key secret (consumer secret)</source>
        <translation>API anahtarı gizli anahtarı (tüketici gizli anahtarı)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="175"/>
        <source>Your browser opens X. First register this callback URL with the X app:</source>
        <translation>Tarayıcınız X’i açar. Önce bu geri çağırma adresini X uygulamasına kaydedin:</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="181"/>
        <source>Your browser opens Reddit. First set this as the redirect URI of the Reddit app (an installed app):</source>
        <translation>Tarayıcınız Reddit’i açar. Önce bunu Reddit uygulamasının (kurulu uygulama) yönlendirme adresi yapın:</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="145"/>
        <source>Access token</source>
        <translation>Erişim belirteci</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="146"/>
        <source>Access token secret</source>
        <translation>Erişim belirteci gizli anahtarı</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="147"/>
        <source>Refresh token</source>
        <translation>Yenileme belirteci</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="148"/>
        <source>Client id</source>
        <translation>İstemci kimliği</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="149"/>
        <source>Client secret</source>
        <translation>İstemci gizli anahtarı</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="169"/>
        <source>{0} (optional)</source>
        <translation>{0} (isteğe bağlı)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="187"/>
        <source>Leave the client secret empty for an installed app.</source>
        <translation>Kurulu bir uygulama için istemci gizli anahtarını boş bırakın.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="190"/>
        <source>Without a refresh token and client id the token cannot be renewed.</source>
        <translation>Yenileme belirteci ve istemci kimliği olmadan belirteç yenilenemez.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="211"/>
        <source>{0}: needed.</source>
        <translation>{0}: gerekli.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="206"/>
        <source>Give the account&apos;s handle.</source>
        <translation>Hesabın adını girin.</translation>
    </message>
</context>
<context>
    <name>ConversationController</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="508"/>
        <source>Nothing selected</source>
        <translation>Hiçbir şey seçili değil</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="593"/>
        <source>public</source>
        <translation>herkese açık</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="593"/>
        <location filename="../../ui/conversation_pane.py" line="661"/>
        <source>direct message</source>
        <translation>özel mesaj</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="594"/>
        <source>unassigned</source>
        <translation>atanmamış</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="608"/>
        <source>{0} followers</source>
        <translation>{0} takipçi</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="610"/>
        <source>first seen {0}</source>
        <translation>ilk görülme {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="613"/>
        <source>The brand started this conversation.</source>
        <translation>Bu konuşmayı marka başlattı.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="622"/>
        <source>No earlier conversations</source>
        <translation>Önceki konuşma yok</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="624"/>
        <source>Tags: {0}</source>
        <translation>Etiketler: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="624"/>
        <source>No tags</source>
        <translation>Etiket yok</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="657"/>
        <source>Brand</source>
        <translation>Marka</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="657"/>
        <source>Customer</source>
        <translation>Müşteri</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="669"/>
        <source>Link: {0}</source>
        <translation>Bağlantı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="677"/>
        <source>Direct message {0} · {1}</source>
        <translation>Özel mesaj {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="679"/>
        <source>Reply {0} · {1}</source>
        <translation>Yanıt {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="699"/>
        <source>Not sent: {0}</source>
        <translation>Gönderilmedi: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="701"/>
        <source>Not known whether it went out: {0}</source>
        <translation>Gönderilip gönderilmediği bilinmiyor: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="702"/>
        <source>Waiting: {0}</source>
        <translation>Bekliyor: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="757"/>
        <source>The playbooks could not be read: {0}</source>
        <translation>Senaryo rehberleri okunamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="766"/>
        <source>Finding suggestions…</source>
        <translation>Öneriler hazırlanıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="805"/>
        <source>No AI draft: {0}</source>
        <translation>Yapay zekâ taslağı yok: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="812"/>
        <source>Suggestions could not be made: {0}</source>
        <translation>Öneri hazırlanamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="835"/>
        <source>The library has no template called {0}</source>
        <translation>Kitaplıkta {0} adlı bir şablon yok</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="873"/>
        <source>Sends as: {0}</source>
        <translation>Gönderilecek metin: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="926"/>
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} karakter</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="1000"/>
        <source>The reply was not queued: {0}</source>
        <translation>Yanıt sıraya alınamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="1009"/>
        <source>The reply was not retried: {0}</source>
        <translation>Yanıt yeniden denenemedi: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="1027"/>
        <source>The reply could not be taken back: {0}</source>
        <translation>Yanıt geri alınamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="1037"/>
        <source>Reply {0} was taken out of the outbox to edit; its text: {1}</source>
        <translation>Yanıt {0}, düzenlenmek üzere giden kutusundan çıkarıldı; metni: {1}</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="294"/>
        <source>Conversation</source>
        <translation>Konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="301"/>
        <source>Thread</source>
        <translation>Yazışma</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="302"/>
        <source>Why it is here</source>
        <translation>Neden burada</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="303"/>
        <location filename="../../ui/conversation_pane.py" line="329"/>
        <source>Author</source>
        <translation>Yazar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="305"/>
        <source>Earlier conversations</source>
        <translation>Önceki konuşmalar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="307"/>
        <source>Tags</source>
        <translation>Etiketler</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="309"/>
        <source>Notes</source>
        <translation>Notlar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="312"/>
        <source>Details</source>
        <translation>Ayrıntılar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="313"/>
        <source>Detail tabs</source>
        <translation>Ayrıntı sekmeleri</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="327"/>
        <source>Why here</source>
        <translation>Neden burada</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="328"/>
        <source>Playbook</source>
        <translation>Senaryo rehberi</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="330"/>
        <source>Notes and tags</source>
        <translation>Notlar ve etiketler</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="334"/>
        <source>Reply area</source>
        <translation>Yanıt alanı</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="338"/>
        <source>Reply</source>
        <translation>Yanıtla</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="341"/>
        <source>Write a reply  ( r )   Ctrl+Enter sends
;shortcode then Space inserts a snippet · Tab goes to the next field</source>
        <translation>Bir yanıt yazın  ( r )   Ctrl+Enter gönderir
;kısakod ardından Space kısa metni ekler · Tab sonraki alana geçer</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="346"/>
        <source>Sends as</source>
        <translation>Gönderilecek metin</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="355"/>
        <source>Characters</source>
        <translation>Karakterler</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="356"/>
        <source>Send as DM</source>
        <translation>Özel mesajla gönder</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="357"/>
        <source>Send as a direct message</source>
        <translation>Özel mesaj olarak gönder</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="359"/>
        <source>Send this reply privately to the author instead of in public</source>
        <translation>Bu yanıtı herkese açık yerine yazara özel olarak gönder</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="362"/>
        <source>Send</source>
        <translation>Gönder</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="363"/>
        <source>Send reply</source>
        <translation>Yanıtı gönder</translation>
    </message>
</context>
<context>
    <name>ConversationsDialog</name>
    <message>
        <location filename="../../ui/wallboard.py" line="397"/>
        <source>Summary</source>
        <translation>Özet</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="398"/>
        <source>Loading {0} conversations…</source>
        <translation>{0} konuşma yükleniyor…</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="400"/>
        <source>Conversations</source>
        <translation>Konuşmalar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="406"/>
        <source>Conversation</source>
        <translation>Konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="407"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="408"/>
        <source>Account</source>
        <translation>Hesap</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="409"/>
        <source>Agent</source>
        <translation>Temsilci</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="410"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="411"/>
        <source>First response</source>
        <translation>İlk yanıt</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="412"/>
        <source>Waiting</source>
        <translation>Bekleme</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="413"/>
        <source>Within target</source>
        <translation>Hedef sürede</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="417"/>
        <source>Hint</source>
        <translation>İpucu</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="418"/>
        <source>Enter or double-click opens a conversation in the main window.</source>
        <translation>Enter veya çift tıklama konuşmayı ana pencerede açar.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="447"/>
        <source>yes</source>
        <translation>evet</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="447"/>
        <source>late</source>
        <translation>gecikti</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="469"/>
        <source>1 conversation today</source>
        <translation>Bugün 1 konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="471"/>
        <source>{0} conversations today</source>
        <translation>Bugün {0} konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="476"/>
        <source>Could not list the conversations: {0}</source>
        <translation>Konuşmalar listelenemedi: {0}</translation>
    </message>
</context>
<context>
    <name>DistributionChart</name>
    <message>
        <location filename="../../ui/wallboard.py" line="581"/>
        <source>First-response distribution</source>
        <translation>İlk yanıt dağılımı</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="587"/>
        <location filename="../../ui/wallboard.py" line="596"/>
        <source>Conversations</source>
        <translation>Konuşmalar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="591"/>
        <source>Minutes to first response</source>
        <translation>İlk yanıt süresi (dk)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="613"/>
        <source>Click a bar, or choose one with Left and Right and press Enter, to list its conversations.</source>
        <translation>Konuşmalarını listelemek için bir çubuğa tıklayın ya da Sol ve Sağ ile birini seçip Enter&apos;a basın.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="631"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="641"/>
        <source>First response {0} min and longer</source>
        <translation>İlk yanıt {0} dk ve üzeri</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="642"/>
        <source>First response {0}–{1} min</source>
        <translation>İlk yanıt {0}–{1} dk</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="675"/>
        <source>Target {0}</source>
        <translation>Hedef süre {0}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="678"/>
        <source>Customers expect {0} (benchmark)</source>
        <translation>Müşteri beklentisi {0} (kıyaslama)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="684"/>
        <source>First responses today: none yet</source>
        <translation>Bugünkü ilk yanıtlar: henüz yok</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="687"/>
        <source>First responses today: {0} (the last bar holds {1} and longer)</source>
        <translation>Bugünkü ilk yanıtlar: {0} (son çubuk {1} ve üzerini içerir)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="692"/>
        <source>First responses today: {0}</source>
        <translation>Bugünkü ilk yanıtlar: {0}</translation>
    </message>
</context>
<context>
    <name>DraftStrip</name>
    <message>
        <location filename="../../ui/composer.py" line="329"/>
        <location filename="../../ui/composer.py" line="332"/>
        <source>Suggestions</source>
        <translation>Öneriler</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="343"/>
        <source>Suggestion {0}</source>
        <translation>Öneri {0}</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="350"/>
        <source>About the suggestions</source>
        <translation>Öneriler hakkında</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="368"/>
        <source>Suggestions  (Ctrl+1 to Ctrl+{0})</source>
        <translation>Öneriler  (Ctrl+1 – Ctrl+{0})</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="370"/>
        <source>Suggestion  (Ctrl+1)</source>
        <translation>Öneri  (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="372"/>
        <source>No suggestions for this conversation</source>
        <translation>Bu konuşma için öneri yok</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="378"/>
        <source>{0} · Ctrl+{1}</source>
        <translation>{0} · Ctrl+{1}</translation>
    </message>
</context>
<context>
    <name>FailedReplies</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="233"/>
        <source>Replies not sent</source>
        <translation>Gönderilemeyen yanıtlar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="264"/>
        <source>no reason given</source>
        <translation>neden belirtilmedi</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="266"/>
        <source>Not sent: {0}</source>
        <translation>Gönderilmedi: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="268"/>
        <source>Not known whether it went out: {0}</source>
        <translation>Gönderilip gönderilmediği bilinmiyor: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="272"/>
        <source>Why the reply was not sent</source>
        <translation>Yanıtın neden gönderilmediği</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="275"/>
        <source>Retry</source>
        <translation>Yeniden dene</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="275"/>
        <source>Check again</source>
        <translation>Yeniden denetle</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="278"/>
        <source>Retry the reply</source>
        <translation>Yanıtı yeniden dene</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="282"/>
        <source>Edit</source>
        <translation>Düzenle</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="284"/>
        <source>Edit the reply</source>
        <translation>Yanıtı düzenle</translation>
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
        <location filename="../../ui/inbox_model.py" line="77"/>
        <source>Priority</source>
        <translation>Öncelik</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="78"/>
        <source>Network</source>
        <translation>Ağ</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="79"/>
        <source>Author</source>
        <translation>Yazar</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="80"/>
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="81"/>
        <source>Sentiment</source>
        <translation>Duygu</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="82"/>
        <source>Intent</source>
        <translation>Amaç</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="83"/>
        <source>Waiting</source>
        <translation>Bekleme</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="84"/>
        <source>Assignee</source>
        <translation>Atanan</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="85"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="112"/>
        <source>answered</source>
        <translation>yanıtlandı</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="115"/>
        <source>{0} left</source>
        <translation>{0} kaldı</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="119"/>
        <source>late</source>
        <translation>gecikti</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>new</source>
        <translation>yeni</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <source>open</source>
        <translation>açık</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>pending</source>
        <translation>beklemede</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>resolved</source>
        <translation>çözüldü</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <location filename="../../ui/labels.py" line="62"/>
        <source>spam</source>
        <translation>istenmeyen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>queued</source>
        <translation>sırada</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>sending</source>
        <translation>gönderiliyor</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>sent</source>
        <translation>gönderildi</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>outcome unknown</source>
        <translation>sonucu bilinmiyor</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>draft</source>
        <translation>taslak</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Empty</source>
        <translation>Boş</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>To fill in</source>
        <translation>Doldurulacaklar</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Length</source>
        <translation>Uzunluk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>Personal details</source>
        <translation>Kişisel bilgiler</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Tone</source>
        <translation>Ton</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Words to avoid</source>
        <translation>Kaçınılacak sözcükler</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Repeated text</source>
        <translation>Yinelenen metin</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>Snippet not expanded</source>
        <translation>Kısa metin açılmadı</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>complaint</source>
        <translation>şikâyet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>question</source>
        <translation>soru</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>request</source>
        <translation>istek</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>praise</source>
        <translation>övgü</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>feedback</source>
        <translation>geri bildirim</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>other</source>
        <translation>diğer</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>delivery</source>
        <translation>teslimat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>billing</source>
        <translation>fatura</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>account access</source>
        <translation>hesap erişimi</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>product defect</source>
        <translation>ürün kusuru</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>outage</source>
        <translation>kesinti</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>staff behaviour</source>
        <translation>personel tutumu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>{0} min</source>
        <translation>{0} dk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89"/>
        <source>{0} h</source>
        <translation>{0} sa</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>{0} d</source>
        <translation>{0} g</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../ui/library_dialog.py" line="74"/>
        <source>{0} is not UTF-8 text.</source>
        <translation>{0} UTF-8 metni değil.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="219"/>
        <source>Unsaved changes</source>
        <translation>Kaydedilmemiş değişiklikler</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="220"/>
        <source>Drop your unsaved changes to {0}?</source>
        <translation>{0} için kaydedilmemiş değişiklikleriniz silinsin mi?</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="300"/>
        <source>Not saved: {0}</source>
        <translation>Kaydedilmedi: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="309"/>
        <source>Saved {0}.</source>
        <translation>{0} kaydedildi.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="317"/>
        <source>Not saved: {0}. What you typed is kept.</source>
        <translation>Kaydedilmedi: {0}. Yazdıklarınız korunuyor.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="323"/>
        <source>Saving…</source>
        <translation>Kaydediliyor…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="330"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON dosyaları (*.json);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1130"/>
        <location filename="../../ui/library_dialog.py" line="1131"/>
        <source>Snippets and templates</source>
        <translation>Kısa metinler ve şablonlar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1135"/>
        <location filename="../../ui/library_dialog.py" line="1136"/>
        <source>Reply library pages</source>
        <translation>Yanıt kitaplığı sayfaları</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1139"/>
        <source>Snippets and te&amp;mplates</source>
        <translation>Kısa metinler ve şa&amp;blonlar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1140"/>
        <source>&amp;Playbooks</source>
        <translation>S&amp;enaryo rehberleri</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1145"/>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>SocialDesk — {0}</source>
        <translation>SocialDesk — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>Import progress</source>
        <translation>İçe aktarma durumu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>Next conversation (or Down)</source>
        <translation>Sonraki konuşma (veya Aşağı)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>Previous conversation (or Up)</source>
        <translation>Önceki konuşma (veya Yukarı)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>Open the conversation</source>
        <translation>Konuşmayı aç</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>Reply</source>
        <translation>Yanıtla</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Resolve</source>
        <translation>Çözüldü olarak kapat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>Set pending</source>
        <translation>Beklemeye al</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>Reopen</source>
        <translation>Yeniden aç</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>Mark as spam</source>
        <translation>İstenmeyen olarak işaretle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>Assign to me</source>
        <translation>Bana ata</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Unassign</source>
        <translation>Atamayı kaldır</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Tag (a leading - removes)</source>
        <translation>Etiketle (başa - koymak kaldırır)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>Add a note</source>
        <translation>Not ekle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>Mark complaint / not a complaint</source>
        <translation>Şikâyet / şikâyet değil olarak işaretle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>Open the message&apos;s link in the browser</source>
        <translation>Mesajdaki bağlantıyı tarayıcıda aç</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>Search</source>
        <translation>Ara</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>Back to the list; in the list, clear the search</source>
        <translation>Listeye dön; listedeyken aramayı temizle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>Command palette</source>
        <translation>Komut paleti</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>Keyboard shortcuts</source>
        <translation>Klavye kısayolları</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Show: {0}</source>
        <translation>Göster: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Desktop notifications on or off</source>
        <translation>Masaüstü bildirimlerini aç veya kapat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>Import conversations from a file…</source>
        <translation>Konuşmaları dosyadan içe aktar…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>Accounts…</source>
        <translation>Hesaplar…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>Service levels…</source>
        <translation>Hizmet düzeyleri…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>Brand voice…</source>
        <translation>Marka sesi…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>Snippets and templates…</source>
        <translation>Kısa metinler ve şablonlar…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308"/>
        <source>AI drafts…</source>
        <translation>Yapay zekâ taslakları…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>Wallboard: response times today</source>
        <translation>İzleme panosu: bugünkü yanıt süreleri</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Quit</source>
        <translation>Çık</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="323"/>
        <source>&amp;Go</source>
        <translation>&amp;Git</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>&amp;Conversation</source>
        <translation>&amp;Konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>&amp;Settings</source>
        <translation>&amp;Ayarlar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="415"/>
        <source>Conversation {0}: {1}</source>
        <translation>Konuşma {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>Conversation {0} is yours</source>
        <translation>Konuşma {0} artık sizde</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="435"/>
        <source>Conversation {0} is unassigned</source>
        <translation>Konuşma {0} artık atanmamış</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="443"/>
        <source>Tag</source>
        <translation>Etiket</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="443"/>
        <source>Tag (start with - to remove):</source>
        <translation>Etiket (kaldırmak için - ile başlayın):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="451"/>
        <source>Tags updated on conversation {0}</source>
        <translation>Konuşma {0} etiketleri güncellendi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="465"/>
        <source>Note added to conversation {0}</source>
        <translation>Konuşma {0} için not eklendi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="489"/>
        <source>Still recording the previous label</source>
        <translation>Önceki işaret hâlâ kaydediliyor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="491"/>
        <location filename="../../ui/main_window.py" line="584"/>
        <source>not a complaint</source>
        <translation>şikâyet değil</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="491"/>
        <location filename="../../ui/main_window.py" line="584"/>
        <source>a complaint</source>
        <translation>şikâyet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="493"/>
        <source>Marking message {0} as {1}…</source>
        <translation>Mesaj {0}, {1} olarak işaretleniyor…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="502"/>
        <source>This conversation has no web link</source>
        <translation>Bu konuşmada web bağlantısı yok</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="507"/>
        <source>No web browser could open {0}. Set a default browser in your desktop&apos;s settings, or copy the link from the conversation.</source>
        <translation>{0} bağlantısını açacak bir web tarayıcısı bulunamadı. Masaüstü ayarlarınızdan varsayılan bir tarayıcı seçin ya da bağlantıyı konuşmadan kopyalayın.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>An import is already running</source>
        <translation>Zaten bir içe aktarma sürüyor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="522"/>
        <source>Import conversations</source>
        <translation>Konuşmaları içe aktar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="524"/>
        <source>Conversations (*.jsonl *.json *.csv);;All files (*)</source>
        <translation>Konuşmalar (*.jsonl *.json *.csv);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="581"/>
        <source>Reply queued in the outbox ({0})</source>
        <translation>Yanıt giden kutusunda sırada ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="586"/>
        <source>Message {0} marked {1}; {2}; {3} open items rescored</source>
        <translation>Mesaj {0}: {1}; {2}; {3} açık öğe yeniden puanlandı</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="598"/>
        <source>Sync state</source>
        <translation>Eşitleme durumu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="642"/>
        <source>Conversation {0} is not in this view; it is shown on the right</source>
        <translation>Konuşma {0} bu görünümde yok; sağda gösteriliyor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="689"/>
        <source>1 reply sent</source>
        <translation>1 yanıt gönderildi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="689"/>
        <source>{0} replies sent</source>
        <translation>{0} yanıt gönderildi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="694"/>
        <source>A reply could not be sent: open its conversation to retry or edit it</source>
        <translation>Bir yanıt gönderilemedi: yeniden denemek ya da düzenlemek için konuşmasını açın</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="703"/>
        <source>{0} new · {1} requests</source>
        <translation>{0} yeni · {1} istek</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="718"/>
        <source>Importing {0}…</source>
        <translation>{0} içe aktarılıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="745"/>
        <source>{0}: 1 match</source>
        <translation>{0}: 1 eşleşme</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="747"/>
        <source>{0}: {1}{2} matches</source>
        <translation>{0}: {1}{2} eşleşme</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="757"/>
        <source>{0}: 1 conversation · {1} in the inbox wait for a reply</source>
        <translation>{0}: 1 konuşma · gelen kutusunda {1} yanıt bekliyor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="761"/>
        <source>{0}: {1} conversations · {2} in the inbox wait for a reply</source>
        <translation>{0}: {1} konuşma · gelen kutusunda {2} yanıt bekliyor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="767"/>
        <source>{0}: 1 conversation</source>
        <translation>{0}: 1 konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="769"/>
        <source>{0}: {1}{2} conversations</source>
        <translation>{0}: {1}{2} konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="782"/>
        <source>{0} connected</source>
        <translation>{0} bağlı</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="784"/>
        <source>none connected · Settings &gt; Accounts, or File &gt; Import</source>
        <translation>bağlı hesap yok · Ayarlar &gt; Hesaplar veya Dosya &gt; İçe aktar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="786"/>
        <source>none yet · Settings &gt; Accounts, or File &gt; Import</source>
        <translation>henüz yok · Ayarlar &gt; Hesaplar veya Dosya &gt; İçe aktar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="787"/>
        <location filename="../../ui/main_window.py" line="789"/>
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
    <name>PlaybookView</name>
    <message>
        <location filename="../../ui/conversation_pane.py" line="102"/>
        <source>Playbook</source>
        <translation>Senaryo rehberi</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="109"/>
        <source>Playbooks that fit</source>
        <translation>Uygun senaryo rehberleri</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="110"/>
        <source>Playbook title</source>
        <translation>Senaryo rehberi başlığı</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="114"/>
        <source>Playbook summary</source>
        <translation>Senaryo rehberi özeti</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="115"/>
        <source>Playbook steps</source>
        <translation>Senaryo rehberi adımları</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="116"/>
        <source>Things to avoid</source>
        <translation>Kaçınılacaklar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="117"/>
        <location filename="../../ui/conversation_pane.py" line="119"/>
        <source>Recommended templates</source>
        <translation>Önerilen şablonlar</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="162"/>
        <source>No playbook fits this conversation</source>
        <translation>Bu konuşmaya uyan bir senaryo rehberi yok</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="192"/>
        <source>Avoid:</source>
        <translation>Kaçının:</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="202"/>
        <source>{0} (not in the library)</source>
        <translation>{0} (kitaplıkta yok)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_pane.py" line="206"/>
        <source>Templates  (Enter or double-click inserts one)</source>
        <translation>Şablonlar  (Enter veya çift tıklama şablonu ekler)</translation>
    </message>
</context>
<context>
    <name>PlaybooksPage</name>
    <message>
        <location filename="../../ui/library_dialog.py" line="800"/>
        <source>Playbooks</source>
        <translation>Senaryo rehberleri</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="800"/>
        <location filename="../../ui/library_dialog.py" line="811"/>
        <source>Title</source>
        <translation>Başlık</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="800"/>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="800"/>
        <source>Source</source>
        <translation>Kaynak</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="808"/>
        <source>Playbook name</source>
        <translation>Senaryo rehberi adı</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="809"/>
        <source>A short key, such as outage</source>
        <translation>Kısa bir anahtar, örneğin outage</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="813"/>
        <source>Summary</source>
        <translation>Özet</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="815"/>
        <source>When the intent is</source>
        <translation>Amaç şuysa</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="818"/>
        <source>When the topic is</source>
        <translation>Konu şuysa</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="820"/>
        <source>First for any an&amp;gry customer</source>
        <translation>Ö&amp;fkeli her müşteride ilk sırada</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="821"/>
        <source>First for any angry customer</source>
        <translation>Öfkeli her müşteride ilk sırada</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="822"/>
        <source>Steps, one a line</source>
        <translation>Adımlar, her satıra bir tane</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="823"/>
        <source>Things to avoid, one a line</source>
        <translation>Kaçınılacaklar, her satıra bir tane</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="824"/>
        <source>Templates to offer, one a line</source>
        <translation>Önerilecek şablonlar, her satıra bir tane</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="825"/>
        <source>&amp;Name</source>
        <translation>&amp;Ad</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="826"/>
        <source>&amp;Title</source>
        <translation>Baş&amp;lık</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="827"/>
        <source>S&amp;ummary</source>
        <translation>Ö&amp;zet</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="828"/>
        <source>Intents</source>
        <translation>Amaçlar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="829"/>
        <source>Topics</source>
        <translation>Konular</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="831"/>
        <source>St&amp;eps</source>
        <translation>Adı&amp;mlar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="832"/>
        <source>A&amp;void</source>
        <translation>Kaçı&amp;nılacaklar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="833"/>
        <source>Templ&amp;ates</source>
        <translation>Şabl&amp;onlar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="837"/>
        <source>Steps, things to avoid and templates: one a line. A playbook with no intent, topic or angry tick is shown when no other playbook fits.</source>
        <translation>Adımlar, kaçınılacaklar ve şablonlar: her satıra bir tane. Hiçbir amaç, konu ya da öfkeli müşteri işareti olmayan bir senaryo rehberi, başka hiçbir rehber uymadığında gösterilir.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="844"/>
        <source>Playbook problem</source>
        <translation>Senaryo rehberi sorunu</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="847"/>
        <source>Ne&amp;w</source>
        <translation>&amp;Yeni</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="848"/>
        <source>&amp;Save</source>
        <translation>&amp;Kaydet</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="849"/>
        <source>De&amp;lete</source>
        <translation>&amp;Sil</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="851"/>
        <source>&amp;Reset all to shipped…</source>
        <translation>Tümünü yerleşik &amp;hâline döndür…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="860"/>
        <source>&amp;Import…</source>
        <translation>İçe ak&amp;tar…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="861"/>
        <location filename="../../ui/library_dialog.py" line="862"/>
        <source>Importing replaces every playbook</source>
        <translation>İçe aktarma tüm senaryo rehberlerinin yerine geçer</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="865"/>
        <source>E&amp;xport…</source>
        <translation>&amp;Dışa aktar…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="866"/>
        <source>Playbooks status</source>
        <translation>Senaryo rehberleri durumu</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="934"/>
        <source>the new playbook</source>
        <translation>yeni senaryo rehberi</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="964"/>
        <source>The playbooks could not be read: {0}</source>
        <translation>Senaryo rehberleri okunamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="970"/>
        <source>shipped</source>
        <translation>yerleşik</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="971"/>
        <source>edited</source>
        <translation>düzenlenmiş</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="972"/>
        <source>own</source>
        <translation>özel</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1037"/>
        <source>Delete playbook</source>
        <translation>Senaryo rehberini sil</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1038"/>
        <source>Delete the playbook {0}?</source>
        <translation>{0} senaryo rehberi silinsin mi?</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1045"/>
        <source>Deleted {0}.</source>
        <translation>{0} silindi.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1048"/>
        <source>Deleting…</source>
        <translation>Siliniyor…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1052"/>
        <source>Reset playbooks</source>
        <translation>Senaryo rehberlerini sıfırla</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1054"/>
        <source>Put every playbook back as shipped? The team&apos;s edits, additions and deletions are lost.</source>
        <translation>Tüm senaryo rehberleri yerleşik hâline döndürülsün mü? Ekibin yaptığı düzenlemeler, eklemeler ve silmeler kaybolur.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1063"/>
        <source>The playbooks are back as shipped.</source>
        <translation>Senaryo rehberleri yerleşik hâline döndürüldü.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1066"/>
        <source>Resetting…</source>
        <translation>Sıfırlanıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1069"/>
        <source>Import playbooks</source>
        <translation>Senaryo rehberlerini içe aktar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1074"/>
        <source>Replace the playbooks</source>
        <translation>Senaryo rehberlerini değiştir</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1075"/>
        <source>Make the playbooks exactly what the file holds? The others are deleted.</source>
        <translation>Senaryo rehberleri tam olarak dosyadakilerle değiştirilsin mi? Diğerleri silinir.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1085"/>
        <source>{0}: {1} playbooks imported.</source>
        <translation>{0}: {1} senaryo rehberi içe aktarıldı.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1089"/>
        <source>Nothing was imported: {0}</source>
        <translation>Hiçbir şey içe aktarılmadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1091"/>
        <source>Importing {0}…</source>
        <translation>{0} içe aktarılıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1094"/>
        <source>Export playbooks</source>
        <translation>Senaryo rehberlerini dışa aktar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1105"/>
        <source>Wrote {0} playbooks to {1}.</source>
        <translation>{0} senaryo rehberi {1} dosyasına yazıldı.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1108"/>
        <source>Nothing was exported: {0}</source>
        <translation>Hiçbir şey dışa aktarılmadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="1112"/>
        <source>Exporting…</source>
        <translation>Dışa aktarılıyor…</translation>
    </message>
</context>
<context>
    <name>ServiceLevelsDialog</name>
    <message>
        <location filename="../../ui/service_levels.py" line="182"/>
        <source>{0}: first response</source>
        <translation>{0}: ilk yanıt</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="186"/>
        <source>{0}: next response</source>
        <translation>{0}: sonraki yanıt</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="190"/>
        <source>{0}: resolution</source>
        <translation>{0}: çözüm</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="200"/>
        <source>{0}: goal in percent</source>
        <translation>{0}: yüzde olarak hedef oran</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="204"/>
        <source>{0}: business hours clock</source>
        <translation>{0}: çalışma saati sayacı</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="209"/>
        <source>The clock runs only in business hours</source>
        <translation>Sayaç yalnızca çalışma saatlerinde işler</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="216"/>
        <source>{0}: default or custom</source>
        <translation>{0}: varsayılan veya özel</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="221"/>
        <source>Reset to default</source>
        <translation>Varsayılana sıfırla</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="225"/>
        <source>{0}: reset to default</source>
        <translation>{0}: varsayılana sıfırla</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="232"/>
        <source>{0}: problem</source>
        <translation>{0}: sorun</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="272"/>
        <location filename="../../ui/service_levels.py" line="273"/>
        <source>Service levels</source>
        <translation>Hizmet düzeyleri</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="279"/>
        <source>Service levels pages</source>
        <translation>Hizmet düzeyleri sayfaları</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="284"/>
        <source>&amp;Policies</source>
        <translation>P&amp;olitikalar</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="285"/>
        <source>&amp;Business hours</source>
        <translation>&amp;Çalışma saatleri</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="292"/>
        <source>Service levels status</source>
        <translation>Hizmet düzeyleri durumu</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="301"/>
        <source>&amp;Save</source>
        <translation>&amp;Kaydet</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="304"/>
        <source>Appl&amp;y</source>
        <translation>&amp;Uygula</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="316"/>
        <source>Reading the service levels…</source>
        <translation>Hizmet düzeyleri okunuyor…</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="325"/>
        <source>Account</source>
        <translation>Hesap</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="327"/>
        <source>&amp;Account</source>
        <translation>&amp;Hesap</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="337"/>
        <source>Published benchmark</source>
        <translation>Yayımlanmış kıyaslama</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="343"/>
        <source>Conversation</source>
        <translation>Konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="343"/>
        <location filename="../../ui/service_levels.py" line="531"/>
        <source>First response</source>
        <translation>İlk yanıt</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="343"/>
        <location filename="../../ui/service_levels.py" line="532"/>
        <source>Next response</source>
        <translation>Sonraki yanıt</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="344"/>
        <location filename="../../ui/service_levels.py" line="533"/>
        <source>Resolution</source>
        <translation>Çözüm</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="344"/>
        <source>Goal</source>
        <translation>Hedef oran</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="344"/>
        <source>Business
hours clock</source>
        <translation>Çalışma saati
sayacı</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="345"/>
        <source>Policy</source>
        <translation>Politika</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="355"/>
        <source>Public &amp;complaint</source>
        <translation>Herkese açık &amp;şikâyet</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="356"/>
        <source>&amp;Other public</source>
        <translation>&amp;Diğer herkese açık</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="357"/>
        <source>&amp;Direct message</source>
        <translation>Ö&amp;zel mesaj</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="358"/>
        <source>&amp;Keyword hit</source>
        <translation>&amp;Anahtar kelime eşleşmesi</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="379"/>
        <source>Durations as 15m, 1h 30m or 2d. The goal is the share of conversations to answer within the first-response target. With the business hours clock a target counts only working time (see Business hours).</source>
        <translation>Süreleri 15m, 1h 30m veya 2d biçiminde yazın (m: dakika, h: saat, d: gün). Hedef oran, ilk yanıt hedef süresi içinde yanıtlanması gereken konuşmaların payıdır. Çalışma saati sayacı açıkken hedef süre yalnızca çalışma zamanını sayar (bkz. Çalışma saatleri).</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="390"/>
        <source>R&amp;eset all to defaults</source>
        <translation>&amp;Tümünü varsayılana sıfırla</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="392"/>
        <source>Reset all to defaults</source>
        <translation>Tümünü varsayılana sıfırla</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="451"/>
        <source>The policies could not be read: {0}</source>
        <translation>Politikalar okunamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="459"/>
        <source>No accounts yet: connect one in Settings &gt; Accounts, or import conversations (File &gt; Import). Business hours can be set already.</source>
        <translation>Henüz hesap yok: Ayarlar &gt; Hesaplar’dan bir hesap bağlayın ya da konuşmaları içe aktarın (Dosya &gt; İçe aktar). Çalışma saatleri şimdiden ayarlanabilir.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="467"/>
        <source>No published benchmark for {0}.</source>
        <translation>{0} için yayımlanmış kıyaslama yok.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="472"/>
        <source>No published benchmark for {0}; the defaults borrow: customers expect a reply within {1} (source: {2}).</source>
        <translation>{0} için yayımlanmış bir kıyaslama yok; varsayılanlar ödünç alınmıştır: müşteriler {1} içinde yanıt bekliyor (kaynak: {2}).</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="479"/>
        <source>Published benchmark for {0}: customers expect a reply within {1}; businesses answer in {2} on average (source: {3}).</source>
        <translation>{0} için yayımlanmış kıyaslama: müşteriler {1} içinde yanıt bekliyor; işletmeler ortalama {2} içinde yanıt veriyor (kaynak: {3}).</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="541"/>
        <source>{0}: {1} is not a duration; write it as 15m, 1h 30m or 2d</source>
        <translation>{0}: {1} bir süre değil; 15m, 1h 30m veya 2d biçiminde yazın</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="542"/>
        <source>nothing</source>
        <translation>boş alan</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="556"/>
        <source>custom</source>
        <translation>özel</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="556"/>
        <source>default</source>
        <translation>varsayılan</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="558"/>
        <source>not saved</source>
        <translation>kaydedilmedi</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="560"/>
        <source>{0}, not saved</source>
        <translation>{0}, kaydedilmedi</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="595"/>
        <source>&amp;Round the clock (every hour counts)</source>
        <translation>Kesi&amp;ntisiz (her saat sayılır)</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="596"/>
        <source>Round the clock</source>
        <translation>Kesintisiz</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="604"/>
        <source>Time zone</source>
        <translation>Saat dilimi</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="610"/>
        <source>Time &amp;zone</source>
        <translation>Saat &amp;dilimi</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="612"/>
        <source>Time zone problem</source>
        <translation>Saat dilimi sorunu</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="617"/>
        <source>&amp;Monday</source>
        <translation>&amp;Pazartesi</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="617"/>
        <source>&amp;Tuesday</source>
        <translation>&amp;Salı</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="617"/>
        <source>&amp;Wednesday</source>
        <translation>Ça&amp;rşamba</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="617"/>
        <source>T&amp;hursday</source>
        <translation>Perşem&amp;be</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="618"/>
        <source>&amp;Friday</source>
        <translation>&amp;Cuma</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="618"/>
        <source>S&amp;aturday</source>
        <translation>Cu&amp;martesi</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="618"/>
        <source>S&amp;unday</source>
        <translation>Pa&amp;zar</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="625"/>
        <source>closed</source>
        <translation>kapalı</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="626"/>
        <source>{0} shifts</source>
        <translation>{0} vardiyaları</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="628"/>
        <source>Shifts such as 09:00-17:00, 18:00-22:00; 22:00-06:00 runs overnight</source>
        <translation>Vardiyalar, örneğin 09:00-17:00, 18:00-22:00; 22:00-06:00 ertesi sabaha kadar sürer</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="632"/>
        <source>{0} problem</source>
        <translation>{0} sorunu</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="643"/>
        <source>Ho&amp;lidays (no shift starts)</source>
        <translation>&amp;Tatiller (vardiya başlamaz)</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="645"/>
        <source>Holidays</source>
        <translation>Tatiller</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="652"/>
        <source>Holiday to add</source>
        <translation>Eklenecek tatil</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="653"/>
        <source>A&amp;dd</source>
        <translation>&amp;Ekle</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="654"/>
        <source>Add holiday</source>
        <translation>Tatil ekle</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="655"/>
        <source>Remo&amp;ve</source>
        <translation>Ka&amp;ldır</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="656"/>
        <source>Remove selected holidays</source>
        <translation>Seçili tatilleri kaldır</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="657"/>
        <source>&amp;Import iCalendar…</source>
        <translation>iCalendar içe &amp;aktar…</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="658"/>
        <source>Import holidays from an iCalendar file</source>
        <translation>Tatilleri bir iCalendar dosyasından içe aktar</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="671"/>
        <source>Business hours problem</source>
        <translation>Çalışma saatleri sorunu</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="677"/>
        <source>Business hours summary</source>
        <translation>Çalışma saatleri özeti</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="762"/>
        <source>Every hour counts: {0}.</source>
        <translation>Her saat sayılır: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="772"/>
        <source>{0} is not a time zone: pick one from the list, such as Europe/Berlin</source>
        <translation>{0} bir saat dilimi değil: listeden birini seçin, örneğin Europe/Istanbul</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="773"/>
        <source>An empty field</source>
        <translation>Boş alan</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="789"/>
        <source>Fix the marked fields to see the schedule.</source>
        <translation>Çizelgeyi görmek için işaretli alanları düzeltin.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="793"/>
        <source>Never open: give at least one shift, or choose round the clock.</source>
        <translation>Hiç açık değil: en az bir vardiya girin ya da kesintisiz çalışmayı seçin.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="799"/>
        <source>Open {0}; {1} holiday(s).</source>
        <translation>Açık: {0}; {1} tatil.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="801"/>
        <source>Open {0}; no holidays.</source>
        <translation>Açık: {0}; tatil yok.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="830"/>
        <source>Import holidays</source>
        <translation>Tatilleri içe aktar</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="832"/>
        <source>iCalendar files (*.ics *.ical);;All files (*)</source>
        <translation>iCalendar dosyaları (*.ics *.ical);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="848"/>
        <source>{0}: {1} holiday(s), {2} new. Save to keep them.</source>
        <translation>{0}: {1} tatil, {2} yeni. Korumak için kaydedin.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="857"/>
        <source>{0} is not a calendar of holidays: {1}</source>
        <translation>{0} bir tatil takvimi değil: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="859"/>
        <source>{0} could not be read: {1}</source>
        <translation>{0} okunamadı: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="861"/>
        <source>{0} could not be imported: {1}</source>
        <translation>{0} içe aktarılamadı: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="905"/>
        <source>The service levels could not be read: {0}</source>
        <translation>Hizmet düzeyleri okunamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="954"/>
        <source>Not saved: a policy needs fixing (see the marked row).</source>
        <translation>Kaydedilmedi: bir politikanın düzeltilmesi gerekiyor (işaretli satıra bakın).</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="958"/>
        <source>Not saved: the business hours need fixing.</source>
        <translation>Kaydedilmedi: çalışma saatlerinin düzeltilmesi gerekiyor.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="966"/>
        <source>Nothing to save.</source>
        <translation>Kaydedilecek bir değişiklik yok.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="990"/>
        <source>Saved.</source>
        <translation>Kaydedildi.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="998"/>
        <source>Not saved: {0}. What you typed is kept; try again.</source>
        <translation>Kaydedilmedi: {0}. Yazdıklarınız korunuyor; yeniden deneyin.</translation>
    </message>
    <message>
        <location filename="../../ui/service_levels.py" line="1004"/>
        <source>Saving…</source>
        <translation>Kaydediliyor…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/actions.py" line="155"/>
        <location filename="../../ui/actions.py" line="156"/>
        <source>Keyboard shortcuts</source>
        <translation>Klavye kısayolları</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="160"/>
        <source>Shortcuts</source>
        <translation>Kısayollar</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="161"/>
        <source>Action</source>
        <translation>Eylem</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="161"/>
        <source>Keys</source>
        <translation>Tuşlar</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <location filename="../../ui/library_dialog.py" line="382"/>
        <source>Search templates and snippets</source>
        <translation>Şablonlarda ve kısa metinlerde ara</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="383"/>
        <source>Search names, shortcodes and text</source>
        <translation>Adlarda, kısa kodlarda ve metinlerde ara</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="388"/>
        <source>Templates and snippets</source>
        <translation>Şablonlar ve kısa metinler</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="389"/>
        <location filename="../../ui/library_dialog.py" line="402"/>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="389"/>
        <location filename="../../ui/library_dialog.py" line="408"/>
        <source>Shortcode</source>
        <translation>Kısa kod</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="389"/>
        <location filename="../../ui/library_dialog.py" line="404"/>
        <source>Type</source>
        <translation>Tür</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="389"/>
        <source>Source</source>
        <translation>Kaynak</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="393"/>
        <source>How many are shown</source>
        <translation>Gösterilen sayısı</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="405"/>
        <source>Template: a reply the drafter suggests</source>
        <translation>Şablon: öneri olarak sunulan bir yanıt</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="406"/>
        <source>Snippet: text an agent calls up by its shortcode</source>
        <translation>Kısa metin: temsilcinin kısa koduyla çağırdığı metin</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="409"/>
        <source>;refund (optional)</source>
        <translation>;refund (isteğe bağlı)</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="411"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="412"/>
        <source>Public replies and private messages</source>
        <translation>Herkese açık yanıtlar ve özel mesajlar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="413"/>
        <source>Public replies only</source>
        <translation>Yalnızca herkese açık yanıtlar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="414"/>
        <source>Private messages only</source>
        <translation>Yalnızca özel mesajlar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="416"/>
        <source>When in a conversation</source>
        <translation>Konuşmada ne zaman</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="417"/>
        <source>Any time</source>
        <translation>Her zaman</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="418"/>
        <source>Before our first reply</source>
        <translation>İlk yanıtımızdan önce</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="419"/>
        <source>After our first reply</source>
        <translation>İlk yanıtımızdan sonra</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="421"/>
        <location filename="../../ui/library_dialog.py" line="441"/>
        <source>Intents</source>
        <translation>Amaçlar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="424"/>
        <location filename="../../ui/library_dialog.py" line="442"/>
        <source>Topics</source>
        <translation>Konular</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="427"/>
        <location filename="../../ui/library_dialog.py" line="443"/>
        <source>Networks</source>
        <translation>Ağlar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="430"/>
        <source>Description</source>
        <translation>Açıklama</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="431"/>
        <source>When to use it (optional)</source>
        <translation>Ne zaman kullanılacağı (isteğe bağlı)</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="433"/>
        <source>Text</source>
        <translation>Metin</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="436"/>
        <source>&amp;Name</source>
        <translation>&amp;Ad</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="437"/>
        <source>T&amp;ype</source>
        <translation>Tü&amp;r</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="438"/>
        <source>S&amp;hortcode</source>
        <translation>Kısa k&amp;od</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="439"/>
        <source>&amp;Channel</source>
        <translation>Ka&amp;nal</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="440"/>
        <source>When in a con&amp;versation</source>
        <translation>Konuşmada ne &amp;zaman</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="444"/>
        <source>&amp;Description</source>
        <translation>Açık&amp;lama</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="445"/>
        <source>&amp;Text</source>
        <translation>&amp;Metin</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="450"/>
        <source>Unticked intents, topics or networks mean any. In the text, these tokens are filled in from the conversation: {0}. Write [[what goes here]] for a field the agent fills in.</source>
        <translation>Amaçlarda, konularda veya ağlarda hiçbiri işaretlenmemişse tümü geçerli sayılır. Metinde şu değişkenler konuşmadan doldurulur: {0}. Temsilcinin dolduracağı bir alan için [[buraya ne gelecek]] yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="458"/>
        <source>Template problem</source>
        <translation>Şablon sorunu</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="461"/>
        <source>Ne&amp;w</source>
        <translation>&amp;Yeni</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="462"/>
        <source>&amp;Save</source>
        <translation>&amp;Kaydet</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="463"/>
        <source>De&amp;lete</source>
        <translation>&amp;Sil</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="465"/>
        <source>&amp;Restore shipped</source>
        <translation>Yerleşik &amp;hâline döndür</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="467"/>
        <source>Rest&amp;ore deleted…</source>
        <translation>Silinenleri geri &amp;getir…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="477"/>
        <source>&amp;Import…</source>
        <translation>İçe ak&amp;tar…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="478"/>
        <location filename="../../ui/library_dialog.py" line="479"/>
        <source>Importing replaces the whole library</source>
        <translation>İçe aktarma tüm kitaplığın yerine geçer</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="482"/>
        <source>E&amp;xport…</source>
        <translation>&amp;Dışa aktar…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="483"/>
        <source>Templates status</source>
        <translation>Şablonlar durumu</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="564"/>
        <source>the new template</source>
        <translation>yeni şablon</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="598"/>
        <source>The library could not be read: {0}</source>
        <translation>Kitaplık okunamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="604"/>
        <source>shipped</source>
        <translation>yerleşik</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="605"/>
        <source>edited</source>
        <translation>düzenlenmiş</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="606"/>
        <source>own</source>
        <translation>özel</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="608"/>
        <source>template</source>
        <translation>şablon</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="608"/>
        <source>snippet</source>
        <translation>kısa metin</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="632"/>
        <source>{0} of {1} shown</source>
        <translation>{0} / {1} gösteriliyor</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="675"/>
        <source>Delete {0}? It is a shipped template: Restore deleted brings it back.</source>
        <translation>{0} silinsin mi? Bu yerleşik bir şablon: Silinenleri geri getir ile geri getirilebilir.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="677"/>
        <source>Delete {0}? It cannot be brought back.</source>
        <translation>{0} silinsin mi? Geri getirilemez.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="679"/>
        <source>Delete template</source>
        <translation>Şablonu sil</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="685"/>
        <source>Deleted {0}.</source>
        <translation>{0} silindi.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="688"/>
        <source>Deleting…</source>
        <translation>Siliniyor…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="695"/>
        <source>Restore shipped</source>
        <translation>Yerleşik hâline döndür</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="696"/>
        <source>Put {0} back as shipped? The team&apos;s changes to it are lost.</source>
        <translation>{0} yerleşik hâline döndürülsün mü? Ekibin üzerinde yaptığı değişiklikler kaybolur.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="708"/>
        <source>Restore deleted</source>
        <translation>Silinenleri geri getir</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="709"/>
        <source>Shipped template to bring back:</source>
        <translation>Geri getirilecek yerleşik şablon:</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="726"/>
        <source>{0} is back as shipped.</source>
        <translation>{0} yerleşik hâline döndürüldü.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="729"/>
        <source>Restoring…</source>
        <translation>Geri getiriliyor…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="732"/>
        <source>Import templates</source>
        <translation>Şablonları içe aktar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="737"/>
        <source>Replace the library</source>
        <translation>Kitaplığı değiştir</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="739"/>
        <source>Make the library exactly what the file holds? Templates not in the file are deleted.</source>
        <translation>Kitaplık tam olarak dosyadakilerle değiştirilsin mi? Dosyada olmayan şablonlar silinir.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="751"/>
        <source>{0}: {1} added, {2} updated, {3} unchanged</source>
        <translation>{0}: {1} eklendi, {2} güncellendi, {3} değişmedi</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="755"/>
        <source>, {0} removed</source>
        <translation>, {0} kaldırıldı</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="760"/>
        <source>Nothing was imported: {0}</source>
        <translation>Hiçbir şey içe aktarılmadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="762"/>
        <source>Importing {0}…</source>
        <translation>{0} içe aktarılıyor…</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="765"/>
        <source>Export templates</source>
        <translation>Şablonları dışa aktar</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="776"/>
        <source>Wrote {0} templates to {1}.</source>
        <translation>{0} şablon {1} dosyasına yazıldı.</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="779"/>
        <source>Nothing was exported: {0}</source>
        <translation>Hiçbir şey dışa aktarılmadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/library_dialog.py" line="783"/>
        <source>Exporting…</source>
        <translation>Dışa aktarılıyor…</translation>
    </message>
</context>
<context>
    <name>TileWidget</name>
    <message>
        <location filename="../../ui/wallboard.py" line="203"/>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="204"/>
        <source>Pace</source>
        <translation>Gidişat</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="206"/>
        <source>Conversations</source>
        <translation>Konuşmalar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="207"/>
        <source>First response</source>
        <translation>İlk yanıt</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="208"/>
        <source>Within target</source>
        <translation>Hedef sürede</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="209"/>
        <source>Breaches and backlog</source>
        <translation>İhlaller ve bekleyenler</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="236"/>
        <source>1 conversation</source>
        <translation>1 konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="238"/>
        <source>{0} conversations</source>
        <translation>{0} konuşma</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="241"/>
        <source>First response: p50 {0} · p90 {1}</source>
        <translation>İlk yanıt: p50 {0} · p90 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="247"/>
        <source>Within target: {0} (goal {1})</source>
        <translation>Hedef sürede: {0} (hedef {1})</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="252"/>
        <source>{0} breached · {1} waiting</source>
        <translation>{0} ihlal · {1} bekliyor</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="258"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="262"/>
        <source>Enter or click lists these conversations.</source>
        <translation>Enter veya tıklama bu konuşmaları listeler.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../ui/wallboard.py" line="774"/>
        <location filename="../../ui/wallboard.py" line="778"/>
        <source>Daily trend</source>
        <translation>Günlük eğilim</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="782"/>
        <location filename="../../ui/wallboard.py" line="789"/>
        <source>Within target (%)</source>
        <translation>Hedef sürede (%)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="784"/>
        <source>Goal</source>
        <translation>Hedef</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="816"/>
        <source>Click a day, or choose one with Left and Right and press Enter, to list its conversations.</source>
        <translation>Konuşmalarını listelemek için bir güne tıklayın ya da Sol ve Sağ ile birini seçip Enter&apos;a basın.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="833"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="839"/>
        <source>Conversations of {0}</source>
        <translation>{0} tarihli konuşmalar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="848"/>
        <source>Hours</source>
        <translation>Saat</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="849"/>
        <source>p50 (h)</source>
        <translation>p50 (sa)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="850"/>
        <source>p90 (h)</source>
        <translation>p90 (sa)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="852"/>
        <source>Minutes</source>
        <translation>Dakika</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="853"/>
        <source>p50 (min)</source>
        <translation>p50 (dk)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="854"/>
        <source>p90 (min)</source>
        <translation>p90 (dk)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="868"/>
        <source>Goal {0}</source>
        <translation>Hedef {0}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="886"/>
        <source>First response by day, the last {0} days</source>
        <translation>Günlere göre ilk yanıt, son {0} gün</translation>
    </message>
</context>
<context>
    <name>VoiceDialog</name>
    <message>
        <location filename="../../ui/voice_dialog.py" line="81"/>
        <location filename="../../ui/voice_dialog.py" line="82"/>
        <source>Brand voice</source>
        <translation>Marka sesi</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="88"/>
        <source>Whose voice</source>
        <translation>Kimin sesi</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="90"/>
        <source>&amp;Voice of</source>
        <translation>Kimi&amp;n sesi</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="95"/>
        <source>Where the voice comes from</source>
        <translation>Sesin kaynağı</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="106"/>
        <source>Brand name</source>
        <translation>Marka adı</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="107"/>
        <source>Empty: the account&apos;s own name</source>
        <translation>Boşsa: hesabın kendi adı</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="108"/>
        <source>Persona</source>
        <translation>Kişilik</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="110"/>
        <source>Formality</source>
        <translation>Resmiyet düzeyi</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="112"/>
        <source>Casual</source>
        <translation>Samimi</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="113"/>
        <source>Neutral</source>
        <translation>Nötr</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="114"/>
        <source>Formal</source>
        <translation>Resmî</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="119"/>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="121"/>
        <source>None</source>
        <translation>Hiç</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="122"/>
        <source>Sparingly</source>
        <translation>Ölçülü</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="123"/>
        <source>Freely</source>
        <translation>Serbestçe</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="127"/>
        <source>Greetings, one a line</source>
        <translation>Selamlamalar, her satıra bir tane</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="129"/>
        <source>Sign-off</source>
        <translation>İmza</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="130"/>
        <source>Thanks, one a line</source>
        <translation>Teşekkürler, her satıra bir tane</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="131"/>
        <source>&amp;Brand name</source>
        <translation>&amp;Marka adı</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="132"/>
        <source>&amp;Persona</source>
        <translation>Kişi&amp;lik</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="133"/>
        <source>&amp;Formality</source>
        <translation>Resmi&amp;yet düzeyi</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="134"/>
        <source>&amp;Emoji</source>
        <translation>Emo&amp;ji</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="135"/>
        <source>&amp;Greetings</source>
        <translation>&amp;Selamlamalar</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="136"/>
        <source>Sig&amp;n-off</source>
        <translation>İm&amp;za</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="137"/>
        <source>T&amp;hanks</source>
        <translation>&amp;Teşekkürler</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="139"/>
        <source>Apologies, one a line</source>
        <translation>Özürler, her satıra bir tane</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="140"/>
        <source>Empathy, one a line</source>
        <translation>Empati, her satıra bir tane</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="141"/>
        <source>Words to prefer, one a line</source>
        <translation>Tercih edilecek sözcükler, her satıra bir tane</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="142"/>
        <source>Words to avoid, one a line</source>
        <translation>Kaçınılacak sözcükler, her satıra bir tane</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="143"/>
        <source>Public contact details, one a line</source>
        <translation>Herkese açık iletişim bilgileri, her satıra bir tane</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="144"/>
        <source>&amp;Apologies</source>
        <translation>Özü&amp;rler</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="145"/>
        <source>E&amp;mpathy</source>
        <translation>Em&amp;pati</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="146"/>
        <source>Prefe&amp;r</source>
        <translation>Terci&amp;h edilecekler</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="147"/>
        <source>Av&amp;oid</source>
        <translation>Kaçınıla&amp;caklar</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="148"/>
        <source>P&amp;ublic details</source>
        <translation>Herkese açık &amp;bilgiler</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="159"/>
        <source>X post</source>
        <translation>X gönderisi</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="160"/>
        <source>X direct message</source>
        <translation>X özel mesajı</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="161"/>
        <source>Reddit comment</source>
        <translation>Reddit yorumu</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="162"/>
        <source>Reddit private message</source>
        <translation>Reddit özel mesajı</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="170"/>
        <source>{0}: most characters</source>
        <translation>{0}: en çok karakter</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="172"/>
        <source>At most {0} characters on this network</source>
        <translation>Bu ağda en çok {0} karakter</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="180"/>
        <source>Out-of-hours text</source>
        <translation>Mesai dışı metni</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="181"/>
        <source>Length limits</source>
        <translation>Uzunluk sınırları</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="182"/>
        <source>Out-of-hours te&amp;xt</source>
        <translation>Mesai &amp;dışı metni</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="187"/>
        <source>Greetings, apologies, empathy, thanks, the sign-off and the out-of-hours text may use these tokens: {0}. Words to prefer and avoid guide the drafts and the checks; public contact details may appear in a public reply without a personal-data warning.</source>
        <translation>Selamlamalar, özürler, empati, teşekkürler, imza ve mesai dışı metni şu değişkenleri kullanabilir: {0}. Tercih edilecek ve kaçınılacak sözcükler taslaklara ve denetimlere yön verir; herkese açık iletişim bilgileri, kişisel veri uyarısı olmadan herkese açık bir yanıtta yer alabilir.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="197"/>
        <source>Out-of-hours acknowledgement</source>
        <translation>Mesai dışı alındı yanıtı</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="201"/>
        <source>Ac&amp;knowledge messages that arrive while the team is away</source>
        <translation>Ekip yokken gelen mesajlara &amp;alındı yanıtı gönder</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="203"/>
        <source>Out-of-hours acknowledgement on</source>
        <translation>Mesai dışı alındı yanıtı açık</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="206"/>
        <source>Acknowledgements an hour at most</source>
        <translation>Saat başına en çok alındı yanıtı</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="207"/>
        <source>A&amp;t most</source>
        <translation>Saat başına &amp;en çok</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="213"/>
        <source>an hour for this account</source>
        <translation>(bu hesap için)</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="218"/>
        <source>Sends the out-of-hours text above once per conversation, outside the business hours of Settings &gt; Service levels; never to spam, and never once an agent has answered.</source>
        <translation>Yukarıdaki mesai dışı metnini, Ayarlar &gt; Hizmet düzeyleri’ndeki çalışma saatleri dışında her konuşmaya bir kez gönderir; istenmeyen mesajlara ve bir temsilci yanıt verdikten sonra asla göndermez.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="232"/>
        <source>Voice problem</source>
        <translation>Marka sesi sorunu</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="237"/>
        <source>Brand voice status</source>
        <translation>Marka sesi durumu</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="241"/>
        <source>&amp;Save</source>
        <translation>&amp;Kaydet</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="242"/>
        <source>Reset to &amp;default…</source>
        <translation>&amp;Varsayılana sıfırla…</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="245"/>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="252"/>
        <source>Reading the brand voice…</source>
        <translation>Marka sesi okunuyor…</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="331"/>
        <source>Every account without a voice of its own speaks in this one.</source>
        <translation>Kendi sesi olmayan her hesap bu sesle konuşur.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="334"/>
        <source>The shipped default, which every account speaks in until the workspace has its own: save to make it so.</source>
        <translation>Yerleşik varsayılan: çalışma alanının kendi sesi olana dek her hesap bu sesle konuşur. Çalışma alanının sesi yapmak için kaydedin.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="339"/>
        <source>This account has a voice of its own.</source>
        <translation>Bu hesabın kendi sesi var.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="342"/>
        <source>This account speaks in the workspace default; save to give it a voice of its own.</source>
        <translation>Bu hesap çalışma alanının varsayılan sesiyle konuşuyor; ona kendi sesini vermek için kaydedin.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="346"/>
        <source>This account speaks in the shipped default; save to give it a voice of its own.</source>
        <translation>Bu hesap yerleşik varsayılan sesle konuşuyor; ona kendi sesini vermek için kaydedin.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="399"/>
        <source>the workspace default</source>
        <translation>çalışma alanı varsayılanı</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="412"/>
        <source>Workspace default (every account without its own)</source>
        <translation>Çalışma alanı varsayılanı (kendi sesi olmayan her hesap)</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="420"/>
        <source>The accounts could not be read: {0}</source>
        <translation>Hesaplar okunamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="442"/>
        <source>The voice could not be read: {0}</source>
        <translation>Ses okunamadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="472"/>
        <source>Unsaved changes</source>
        <translation>Kaydedilmemiş değişiklikler</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="473"/>
        <source>Drop your unsaved changes to the voice of {0}?</source>
        <translation>{0} için sesteki kaydedilmemiş değişiklikleriniz silinsin mi?</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="488"/>
        <source>Not saved: {0}</source>
        <translation>Kaydedilmedi: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="496"/>
        <source>Nothing to save: this is the voice in force.</source>
        <translation>Kaydedilecek bir şey yok: geçerli ses zaten bu.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="514"/>
        <source>Saved the voice of {0}.</source>
        <translation>{0} için ses kaydedildi.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="520"/>
        <source>Not saved: {0}. What you typed is kept.</source>
        <translation>Kaydedilmedi: {0}. Yazdıklarınız korunuyor.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="524"/>
        <source>Saving…</source>
        <translation>Kaydediliyor…</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="533"/>
        <source>Drop the workspace&apos;s own default voice? Accounts without their own then speak in the shipped default.</source>
        <translation>Çalışma alanının kendi varsayılan sesi kaldırılsın mı? Kendi sesi olmayan hesaplar bundan sonra yerleşik varsayılan sesle konuşur.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="537"/>
        <source>Drop the voice of {0}? It then speaks in the workspace default.</source>
        <translation>{0} için tanımlı ses kaldırılsın mı? Hesap bundan sonra çalışma alanının varsayılan sesiyle konuşur.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="543"/>
        <source>Reset to default</source>
        <translation>Varsayılana sıfırla</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="562"/>
        <source>{0} is back to the default voice.</source>
        <translation>{0} varsayılan sese döndü.</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="567"/>
        <source>Not reset: {0}</source>
        <translation>Sıfırlanmadı: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/voice_dialog.py" line="570"/>
        <source>Resetting…</source>
        <translation>Sıfırlanıyor…</translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <location filename="../../ui/wallboard.py" line="108"/>
        <source>on pace</source>
        <translation>yolunda</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="109"/>
        <source>close</source>
        <comment>pace: close to the goal</comment>
        <translation>sınırda</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="110"/>
        <source>behind</source>
        <translation>geride</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="111"/>
        <source>not judged yet</source>
        <translation>henüz belirsiz</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="117"/>
        <source>All channels</source>
        <translation>Tüm kanallar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="119"/>
        <source>Unassigned</source>
        <translation>Atanmamış</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="129"/>
        <source>{0} s</source>
        <translation>{0} sn</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="137"/>
        <source>overdue</source>
        <translation>süresi doldu</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="148"/>
        <source>{0}%</source>
        <translation>%{0}</translation>
    </message>
</context>
<context>
    <name>WallboardWindow</name>
    <message>
        <location filename="../../ui/wallboard.py" line="960"/>
        <source>Wallboard — response times</source>
        <translation>İzleme panosu — yanıt süreleri</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="961"/>
        <location filename="../../ui/wallboard.py" line="976"/>
        <source>Wallboard</source>
        <translation>İzleme panosu</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="977"/>
        <source>Response times today</source>
        <translation>Bugünkü yanıt süreleri</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="978"/>
        <source>Last updated</source>
        <translation>Son güncelleme</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="979"/>
        <source>Loading…</source>
        <translation>Yükleniyor…</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="980"/>
        <source>Error</source>
        <translation>Hata</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="984"/>
        <source>Refresh (F5)</source>
        <translation>Yenile (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="985"/>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="996"/>
        <location filename="../../ui/wallboard.py" line="1080"/>
        <source>Channels</source>
        <translation>Kanallar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="997"/>
        <location filename="../../ui/wallboard.py" line="1062"/>
        <location filename="../../ui/wallboard.py" line="1082"/>
        <source>Agents</source>
        <translation>Temsilciler</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1003"/>
        <source>Next breaches</source>
        <translation>Yaklaşan ihlaller</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1008"/>
        <source>Due in</source>
        <translation>Kalan süre</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1008"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1008"/>
        <source>Account</source>
        <translation>Hesap</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1008"/>
        <source>Author</source>
        <translation>Yazar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1009"/>
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1015"/>
        <source>Overdue</source>
        <translation>Süresi dolanlar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1016"/>
        <source>Enter or click lists these conversations.</source>
        <translation>Enter veya tıklama bu konuşmaları listeler.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1021"/>
        <source>Next to breach</source>
        <translation>İhlale yaklaşanlar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1033"/>
        <source>Agents today</source>
        <translation>Temsilciler (bugün)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1036"/>
        <source>Agent</source>
        <translation>Temsilci</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1037"/>
        <source>Pace</source>
        <translation>Gidişat</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1038"/>
        <source>Conversations</source>
        <translation>Konuşmalar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1039"/>
        <source>First response p50</source>
        <translation>İlk yanıt p50</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1040"/>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1041"/>
        <source>Within target</source>
        <translation>Hedef sürede</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1042"/>
        <source>Breaches</source>
        <translation>İhlaller</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1043"/>
        <source>Backlog</source>
        <translation>Bekleyen</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1044"/>
        <source>Handle time p50</source>
        <translation>İşlem süresi p50</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1133"/>
        <source>Could not update the wallboard: {0}</source>
        <translation>İzleme panosu güncellenemedi: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1138"/>
        <source>Not loaded</source>
        <translation>Yüklenmedi</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1150"/>
        <source>since {0} · updated {1}</source>
        <translation>başlangıç: {0} · güncelleme: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1156"/>
        <source>No conversations today yet.</source>
        <translation>Bugün henüz konuşma yok.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1159"/>
        <source>No agent has answered a conversation today yet.</source>
        <translation>Bugün henüz hiçbir temsilci bir konuşmayı yanıtlamadı.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1221"/>
        <source>1 already overdue</source>
        <translation>1 konuşmanın süresi zaten doldu</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1223"/>
        <source>{0} already overdue</source>
        <translation>{0} konuşmanın süresi zaten doldu</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1227"/>
        <source>nothing else waiting falls due</source>
        <translation>süresi dolacak başka bekleyen konuşma yok</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1279"/>
        <source>{0}: today&apos;s conversations</source>
        <translation>{0}: bugünkü konuşmalar</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard.py" line="1308"/>
        <source>Already overdue</source>
        <translation>Süresi zaten dolanlar</translation>
    </message>
</context>
</TS>
