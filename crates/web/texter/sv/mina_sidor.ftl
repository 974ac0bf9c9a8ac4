### Mina sidor på svenska. Korta meningar och vardagliga ord: den som läser kan
### vara i kris, eller ha svenska som andraspråk. { $namn } fylls i av programmet,
### och där ett antal visas väljer { $antal -> [one] … *[other] … } rätt form.
### Svenska är källspråket: varje annat språk har samma meddelanden.

# Språkets namn på språket självt, i sidfotens språkval.
sprak-namn = Svenska
# Skriftens riktning: ltr, eller rtl för till exempel arabiska.
sprak-riktning = ltr

## ram
ram-mina_sidor = Mina sidor
ram-hoppa = Hoppa till innehållet
ram-meny = Meny för Mina sidor
ram-mina_arenden = Mina ärenden
ram-ansok = Ansök
ram-journal = Min akt
ram-fullmakter = Fullmakter
ram-aviseringar = Aviseringar
ram-logga_ut = Logga ut
ram-du_ar_ombud = Du är ombud för
ram-byt = Byt person
ram-sidfot = Mina sidor hos socialtjänsten. Behöver du hjälp? Ring kommunens växel och fråga efter socialtjänsten.

## fel
fel-nekad = Det går inte
fel-ogiltig = Något blev fel
fel-samtidigt = Någon ändrade ärendet samtidigt. Ingenting sparades. Försök igen.
fel-saknas = Sidan finns inte
fel-saknas_text = Sidan finns inte, eller så har du inte tillgång till den. Gå tillbaka till Mina sidor.
fel-for_manga = För många försök
fel-intern = Något gick fel hos oss
fel-intern_text = Ingenting sparades. Försök igen om en stund. Ring socialtjänsten om det inte går.
fel-till_start = Till Mina sidor
fel-rubrik = Något behöver rättas
fel-formular_gammalt = Sidan har varit öppen för länge. Gå tillbaka, ladda om sidan och försök igen.
fel-fullmakt_lasa = Din fullmakt gäller bara att läsa. Du kan inte göra det här för personen.
fel-val = Välj ett av alternativen.
fel-for_lang = Texten är för lång. Skriv kortare, eller dela upp den.

## logga_in
logga_in-titel = Logga in
logga_in-rubrik = Logga in på Mina sidor
logga_in-ingress = Här ser du dina ärenden hos socialtjänsten. Du kan ansöka, svara på frågor, läsa beslut och överklaga.
logga_in-eid = Logga in med BankID eller Freja eID
logga_in-test_rubrik = Testinloggning (bara i demo)
logga_in-test_text = Det här är en demo med påhittade personer. Välj vem du vill vara. Riktiga personer kan aldrig väljas här.
logga_in-test_val = Logga in som
logga_in-test_knapp = Logga in
logga_in-kommun = Kommun
logga_in-valj_kommun = Välj kommun
logga_in-fel_kommun = Välj din kommun och försök igen.
logga_in-fel_ingen_eid = Din kommun har inte BankID eller Freja eID här. Kontakta socialtjänsten.
logga_in-ar_ombud = är ombud för någon
logga_in-ingen_metod = Inloggningen är inte igång just nu. Kontakta socialtjänsten.
logga_in-utan_eid_rubrik = Har du inte BankID eller Freja eID?
logga_in-utan_eid = Du kan alltid skicka brev, ringa eller komma på besök. Ditt ärende blir likadant. Du kan också ge någon du litar på en fullmakt att följa ditt ärende åt dig.
logga_in-fel_testperson = Välj en av de påhittade personerna i listan.
logga_in-fel_eid = Inloggningen blev inte klar. Försök igen från början.
logga_in-utloggad = Du är utloggad. Stäng webbläsaren om du använder en dator som andra också använder.

## valj
valj-titel = Välj person
valj-rubrik = Vems ärenden vill du se?
valj-fraga = Välj
valj-egna = Mina egna ärenden
valj-for_person = { $namn } (du har fullmakt)
valj-knapp = Fortsätt
valj-okand_rubrik = Vi har inga ärenden om dig
valj-okand_text = Du finns inte hos oss ännu. Du kan ansöka om stöd här.
valj-okand_knapp = Gå till ansökan

## oversikt
oversikt-titel = Mina ärenden
oversikt-rubrik = Mina ärenden
oversikt-ingress = Här ser du dina ärenden, vad som har hänt och vad som händer sedan.
oversikt-inga = Du har inga ärenden hos oss just nu.
oversikt-diarienummer = Diarienummer
oversikt-inkom = Kom in
oversikt-handlaggare = Handläggare
oversikt-att_gora = Det här behöver du göra
oversikt-svara_kommunicering = Läs utredningen och säg vad du tycker. Svara senast { $datum }.
oversikt-utkast_rubrik = Ansökningar du har påbörjat
oversikt-utkast = { $insats } – sparad { $datum }
oversikt-registerutdrag_rubrik = Dina begäranden om registerutdrag
oversikt-registerutdrag_vantar = Din begäran kom in { $mottagen }. Du ska få svar senast { $datum }.
oversikt-registerutdrag_besvarat = Din begäran från { $mottagen } besvarades { $datum }.
oversikt-ansok = Ansök om stöd

## arendetyp
arendetyp-ansokan = Ansökan
arendetyp-anmalan = Anmälan
arendetyp-information = Information

## arende
arende-tillbaka = Tillbaka till mina ärenden
arende-tillbaka_arende = Tillbaka till ärendet
arende-handlaggare = Din handläggare
arende-ingen_handlaggare = Ingen handläggare är utsedd ännu
arende-sedan = sedan
arende-enhet = Enhet
arende-diarienummer = Diarienummer
arende-inkom = Kom in
arende-att_gora = Det här behöver du göra
arende-nasta = Det här händer sedan
arende-beslut = Beslut
arende-beslut_rad = { $datum }: { $insats } – { $utfall }
arende-plan = Mål och plan
arende-inga_mal = Inga mål är skrivna ännu. Du kan be om ett möte för att prata om dina mål.
arende-eget_mal = Ditt mål: { $mal }
arende-beslutat_mal = Mål för { $insats }: { $mal }
arende-plan_rubrik = Din plan för { $insats }
arende-plan_gjord = Du gjorde planen tillsammans med { $enhet } den { $datum }.
arende-plan_andrad = Du och { $enhet } ändrade planen senast { $datum }.
arende-plan_mal = Dina mål
arende-plan_genomforande = Det här ska göras
arende-plan_delaktighet = Så är du med
arende-plan_uppfoljning = Nästa uppföljning
arende-plan_ingen_uppfoljning = Inte bestämd än. Fråga din handläggare.
arende-plan_fel = Stämmer inte planen? Säg det till { $enhet }, eller skriv till din handläggare.
arende-meddelanden = Meddelanden till och från din handläggare
arende-be_om_mote = Be om ett möte
arende-annan_handlaggare = Be om en annan handläggare
arende-historik = Det här har hänt
arende-begar_avgorande = Begär att nämnden avgör ärendet

## lage
lage-utbetalning = Pengarna ska finnas på kontot senast { $datum }.
lage-utbetalning_sen = Utbetalningen skulle ha kommit { $datum } men har inte skickats. Vi har fått en påminnelse; hör av dig om du behöver hjälp med hyran.
lage-mottaget = Vi har tagit emot ärendet.
lage-utreds = Vi utreder ditt ärende.
lage-beslutat = Nämnden har fattat beslut.
lage-avslutat = Ärendet avslutades { $datum }.
lage-nasta_beslut = När utredningen är klar fattar nämnden beslut. Du får beslutet skriftligt.
lage-svara_senast = Du kan lämna synpunkter på utredningen. Svara senast { $datum }.
lage-overklaga_senast = Vill du överklaga beslutet? Gör det senast { $datum }.
lage-verkstallighet_senast = Insatsen ska ha börjat senast { $datum }.
lage-ej_verkstallt = Insatsen skulle ha börjat senast { $datum }, men har inte börjat. Det har gått för lång tid. Nämnden måste rapportera det till Inspektionen för vård och omsorg (IVO). Du kan fråga din handläggare varför, och du kan själv kontakta IVO.
lage-uppfoljning = Nästa uppföljning: { $datum }.
lage-uppfoljning_sen = Uppföljningen skulle ha gjorts senast { $datum }. Du kan be om ett möte.
lage-begaran = Nämnden ska avgöra ärendet, eller svara dig, senast { $datum }.
lage-begaran_sen = Nämnden skulle ha svarat på din begäran senast { $datum }. Det har inte hänt. Du kan överklaga dröjsmålet till förvaltningsrätten.
lage-meddelande_svar = Din handläggare svarar på ditt meddelande senast { $datum }.
lage-meddelande_sent = Du skulle ha fått svar på ditt meddelande senast { $datum }. Du kan ringa till enheten.
lage-granskas = Din handläggare går igenom det du skickade in.
lage-mote_svar = Din handläggare hör av sig om mötet senast { $datum }.
lage-mote_sent = Din handläggare skulle ha hört av sig om mötet senast { $datum }. Du kan ringa till enheten.
lage-byte = Du får svar på din fråga om en annan handläggare senast { $datum }.
lage-byte_sent = Du skulle ha fått svar på din fråga om en annan handläggare senast { $datum }. Du kan ringa till enheten och fråga efter chefen.
lage-sex_manader = Det har gått mer än sex månader utan beslut. Du kan begära att nämnden avgör ärendet. Då måste nämnden avgöra det, eller svara dig, inom fyra veckor.
lage-drojsmal = Beslutet dröjer. Nämnden räknar med att besluta senast { $datum }.

## tidslinje
tidslinje-ansokan = Vi tog emot din ansökan
tidslinje-ansokan_text = Du ansökte om { $insatser }. Ansökan kom in via { $kanal }.
tidslinje-anmalan = En anmälan kom in
tidslinje-anmalan_sekretess = Vem som gjorde anmälan och vad den säger visas inte här. Det kan vara hemligt enligt lag (offentlighets- och sekretesslagen 26 kap. 5 §). Du kan be din handläggare att få läsa den.
tidslinje-information = Vi fick information om dig
tidslinje-information_sekretess = Varifrån informationen kom och vad den säger visas inte här. Det kan vara hemligt. Du kan be din handläggare att få läsa den.
tidslinje-insats_ansokt = Du ansökte om mer stöd
tidslinje-ska_utredas = Vi bestämde att utreda ditt ärende
tidslinje-utreds_inte = Vi bestämde att inte starta en utredning
tidslinje-utredning = Utredningen började
tidslinje-utredning_text = Vi samlar in det som behövs för att nämnden ska kunna fatta beslut.
tidslinje-synpunkter = Dina synpunkter och mål skrevs ner
tidslinje-dina_mal = Dina mål: { $mal }
tidslinje-dokument = Ett dokument lades till i ärendet
tidslinje-dokument_fran_dig = Du skickade in ett dokument
tidslinje-dokument_kopia = Dokumentet visas inte här. Det kan innehålla uppgifter om andra, som din handläggare först måste gå igenom. Du har rätt att be om en kopia.
tidslinje-utredning_klar = Utredningen är klar
tidslinje-kommunicerad = Du fick läsa utredningen
tidslinje-kommunicerad_text = Du kan säga vad du tycker innan nämnden beslutar. Svara senast { $datum }.
tidslinje-svara = Läs och svara
tidslinje-las_underlaget = Läs utredningen
tidslinje-svar_inkom = Ditt svar kom in
tidslinje-beslut = Nämnden fattade beslut
tidslinje-beslut_text = { $insats }: { $utfall }.
tidslinje-las_beslutet = Läs beslutet och skälen
tidslinje-beslut_skickat = Beslutet skickades till dig
tidslinje-delgivet = Du har fått beslutet
tidslinje-sista_dag = Sista dag att överklaga: { $datum }.
tidslinje-overklagande = Ditt överklagande kom in
tidslinje-i_tid = Överklagandet kom in i tid
tidslinje-for_sent = Överklagandet kom in för sent
tidslinje-avvisat = Överklagandet avvisades eftersom det kom in för sent
tidslinje-omprovat = Nämnden prövade beslutet igen
tidslinje-omprovat_andrat = Nämnden ändrade beslutet.
tidslinje-omprovat_samma = Nämnden ändrade inte beslutet. Överklagandet skickas till förvaltningsrätten.
tidslinje-forfallit = Överklagandet behövs inte längre, eftersom nämnden ändrade beslutet som du ville
tidslinje-overlamnat = Överklagandet skickades till förvaltningsrätten
tidslinje-dom = Förvaltningsrätten har dömt
tidslinje-bestalld = Insatsen beställdes
tidslinje-startad = Insatsen började
tidslinje-avbruten = Insatsen gjorde uppehåll
tidslinje-aterupptagen = Insatsen började igen
tidslinje-insats_slut = Insatsen avslutades
tidslinje-verkstalls_ej = Insatsen har inte kunnat börja
tidslinje-uppfoljd = Uppföljning
tidslinje-nasta_uppfoljning = Nästa uppföljning: { $datum }.
tidslinje-plan_skriven = Genomförandeplanen skrevs
tidslinje-plan_andrad = Genomförandeplanen ändrades
tidslinje-plan_text = Planen för { $insats } säger vilka mål du har och vad som ska göras.
tidslinje-las_planen = Läs planen
tidslinje-ny_handlaggare = Du fick en ny handläggare
tidslinje-avslutat = Ärendet avslutades
tidslinje-oppna_brevet = Öppna brevet
tidslinje-begaran = Du begärde att nämnden ska avgöra ärendet
tidslinje-begaran_text = Nämnden ska avgöra ärendet, eller svara dig, senast { $datum }.
tidslinje-begaran_avslagen = Nämnden sa nej till din begäran om avgörande
tidslinje-byte = Du bad om en annan handläggare
tidslinje-byte_text = Chefen svarar dig skriftligt senast { $datum }.
tidslinje-byte_las = Läs mer om din fråga
tidslinje-byte_beviljad = Du får en annan handläggare
tidslinje-byte_avslagen = Du får inte byta handläggare nu
tidslinje-aterkallad = Du återkallade din ansökan
tidslinje-aterkallad_text = Ansökan om { $insats } är återkallad. Nämnden fattar inget beslut om den.
tidslinje-forhandsinformation = Du fick veta hur beslut kan skickas till dig
tidslinje-forhandsinformation_text = Beslut kan skickas med förenklad delgivning. Då kommer beslutet först, och dagen efter ett brev som säger att beslutet har skickats. Du räknas ha fått beslutet två veckor efter att det skickades.
tidslinje-kontrollmeddelande = Ett kontrollbrev om beslutet skickades till dig
tidslinje-kontrollmeddelande_text = Du räknas ha fått beslutet { $datum }. Har du inte fått beslutet? Kontakta din handläggare direkt.
tidslinje-delgivning_misslyckad = Beslutet kom inte fram till dig
tidslinje-delgivning_misslyckad_text = Vi skickar beslutet till dig igen. Tiden för att överklaga börjar inte förrän du har fått det.
tidslinje-upphort = Insatsen blir inte av
tidslinje-forsorjningsstod = Försörjningsstöd beräknat för { $manad }: { $belopp }
tidslinje-utbetalning = Utbetalning av försörjningsstöd för { $manad }
tidslinje-utbetalning_text = { $belopp } till { $till }. Pengarna ska finnas där { $dag }. Hör av dig till din handläggare om de inte har kommit.
tidslinje-utbetalning_skickad = Utbetalningen har skickats till banken
tidslinje-utbetalning_makulerad = En planerad utbetalning har makulerats
arende-manadsansokan = Ansök om försörjningsstöd för nästa månad
lage-manadsansokan = Din månadsansökan har kommit in. Handläggaren räknar på den och fattar beslut.
tidslinje-manadsansokan = Du ansökte om försörjningsstöd för { $manad }
tidslinje-gemensam_bekraftad = Din make, maka eller sambo bekräftade er gemensamma ansökan för { $manad }
tidslinje-gemensam_invand = Din make, maka eller sambo skrev att något i er gemensamma ansökan för { $manad } är fel
tidslinje-gemensam_text_skyddad = Det som din make, maka eller sambo skrev visas inte här, för att skydda uppgifter om var hen bor. Handläggaren har läst det.
manadsansokan-titel = Ansök om försörjningsstöd för en månad
manadsansokan-tillbaka = Tillbaka till ärendet
manadsansokan-ingress = Skriv vad du söker för och vad du har fått in under månaden. Du behöver inte fylla i det som inte gäller dig.
manadsansokan-samma = Formuläret är ifyllt som din ansökan för { $manad }. Ändra bara det som har ändrats.
manadsansokan-manad = Månad
manadsansokan-manad_hjalp = Skrivs ÅÅÅÅ-MM, till exempel 2026-04.
manadsansokan-kostnader = Kostnader du söker för
manadsansokan-kronor = Hela kronor per månad.
manadsansokan-hyra = Hyra eller avgift för bostaden
manadsansokan-el = Hushållsel
manadsansokan-resor = Resor till och från arbetet
manadsansokan-forsakring = Hemförsäkring
manadsansokan-fack = Fackförening och a-kassa
manadsansokan-inkomster = Inkomster under månaden
manadsansokan-inkomster_hjalp = Din egen och andras i hushållet, till exempel lön, a-kassa, barnbidrag eller bostadsbidrag.
manadsansokan-inkomst_vem = Inkomst { $n }: vems
manadsansokan-inkomst_slag = Inkomst { $n }: vilken sorts inkomst
manadsansokan-inkomst_belopp = Inkomst { $n }: belopp i kronor
manadsansokan-insattningar = Andra insättningar på kontot
manadsansokan-insattningar_hjalp = Skriv vad insättningen var, till exempel ett lån du ska betala tillbaka eller en överföring mellan dina egna konton. Handläggaren räknar den inte som inkomst utan att ha läst vad du skrivit.
manadsansokan-insattning_datum = Insättning { $n }: datum
manadsansokan-insattning_belopp = Insättning { $n }: belopp i kronor
manadsansokan-insattning_vad = Insättning { $n }: vad var det
manadsansokan-insattning_text = Insättning { $n }: med egna ord
manadsansokan-ovrigt = Något annat du söker för eller vill säga
manadsansokan-vad_hander = Handläggaren räknar på din ansökan och skickar ett beslut. Du ser beräkningen rad för rad här på Mina sidor.
manadsansokan-skicka = Skicka ansökan
manadsansokan-fel_belopp = Skriv beloppet i hela kronor, till exempel 6480.
manadsansokan-fel_manad = Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-04.
manadsansokan-fel_insattning = Skriv både datum och belopp för insättningen.
manadsansokan-fel_tom = Skriv minst en kostnad, en inkomst eller något i rutan längst ned.
tidslinje-drojsmal = Beslutet dröjer
tidslinje-drojsmal_text = Skälet: { $skal } Nämnden räknar med att besluta senast { $datum }.
tidslinje-instrument = Bedömning med { $instrument }
tidslinje-fordjupad = Din situation utreds djupare
tidslinje-fordjupad_inte = Handläggaren har tagit ställning till en fördjupad utredning
tidslinje-livsomrade = Utredningen: { $omrade }
tidslinje-dina_ord = Det du berättade: { $text }
tidslinje-bedomning = Utredningens bedömning
tidslinje-forslag = Förslag till beslut: { $forslag }
tidslinje-omprovat_eget = Nämnden prövade sitt beslut på eget initiativ
tidslinje-omprovat_eget_samma = Nämnden ändrade inte beslutet.

## upphor
upphor-tackat_nej = Du tackade nej till insatsen.
upphor-flyttat = Du har flyttat från kommunen.
upphor-avliden = Personen har avlidit.

## kanal
kanal-papper = brev
kanal-telefon = telefon
kanal-besok = besök
kanal-digital = Mina sidor

## utskick
utskick-brev = Med post.
utskick-digitalt = Här på Mina sidor.
utskick-personligen = Du fick det personligen.

## dom
dom-avslag = Förvaltningsrätten sa nej till överklagandet. Nämndens beslut gäller.
dom-bifall = Förvaltningsrätten gav dig rätt.
dom-aterforvisning = Förvaltningsrätten skickade tillbaka ärendet till nämnden för ett nytt beslut.

## brev
brev-beslutsbrev = Ett beslut skickades till dig
brev-kommuniceringsbrev = Utredningen skickades till dig
brev-kontrollmeddelande = Ett kontrollbrev om beslutet skickades till dig
brev-avvisningsbeslut = Ett beslut om ditt överklagande skickades till dig
brev-beslut_begaran = Ett beslut om din begäran om avgörande skickades till dig

## beslut
beslut-titel = Beslut
beslut-tillbaka = Tillbaka till ärendet
beslut-rubrik = Beslut
beslut-beslutet = Beslutet
beslut-datum = Datum
beslut-mal = Mål
beslut-omfattning = Omfattning
beslut-period = Gäller
beslut-fran = från { $datum }
beslut-lagrum = Enligt lag
beslut-varfor = Varför nämnden beslutade så
beslut-brev = Öppna beslutsbrevet (PDF)
beslut-overklaga_rubrik = Om du inte håller med
beslut-overklaga_text = Du kan överklaga beslutet. Då prövar förvaltningsrätten det. Det kostar inget. Du behöver inte ha en advokat.
beslut-bifall_text = Du fick det du ansökte om. Om du ändå inte håller med om något, prata med din handläggare.
beslut-sista_dag = Sista dag att överklaga är { $datum }.
beslut-tiden_gatt_ut = Sista dag att överklaga var { $datum }. Du kan ändå skicka ett överklagande. Nämnden prövar då om det kom in i tid.
beslut-tre_veckor = Du har tre veckor på dig att överklaga, räknat från dagen du fick beslutet.
beslut-overklagat = Ditt överklagande kom in { $datum }.
beslut-dom = Förvaltningsrätten dömde { $datum }: { $utfall }
beslut-hos_domstolen = Överklagandet är hos förvaltningsrätten.
beslut-overklaga_knapp = Överklaga beslutet

## overklaga
overklaga-titel = Överklaga
overklaga-tillbaka = Tillbaka till beslutet
overklaga-rubrik = Överklaga beslutet
overklaga-ingress = Skriv med egna ord. Det räcker att du säger vad du vill ändra och varför. Nämnden prövar först beslutet igen. Om nämnden inte ändrar det, skickas ditt överklagande till förvaltningsrätten.
overklaga-for_sent = Tiden för att överklaga har gått ut. Du kan skicka ändå. Nämnden prövar om det finns skäl att ta upp det.
overklaga-andring = Hur vill du att beslutet ska ändras?
overklaga-andring_hjalp = Till exempel: Jag vill få bistånd till hyran för december.
overklaga-skal = Varför tycker du att beslutet är fel?
overklaga-skal_hjalp = Berätta det du tycker att nämnden har missat. Du kan skicka papper senare.
overklaga-vad_hander = När du skickar får du ett kvitto med datum och tid. Det visar att överklagandet kom in till nämnden.
overklaga-skicka = Skicka överklagandet
overklaga-fel_andring = Skriv hur du vill att beslutet ska ändras.
overklaga-fel_skal = Skriv varför du tycker att beslutet är fel.
overklaga-text =
    Jag vill att beslutet ändras så här:
    { $andring }

    Skäl:
    { $skal }
overklaga-ombud = (Skickat av ombud { $namn } via Mina sidor.)

## kommunicering
kommunicering-titel = Läs utredningen
kommunicering-rubrik = Läs utredningen och säg vad du tycker
kommunicering-ingress = Innan nämnden beslutar har du rätt att läsa det som ska ligga till grund för beslutet, och säga vad du tycker.
kommunicering-svara_senast = Svara senast
kommunicering-underlaget = Det här står i utredningen
kommunicering-brev = Öppna brevet (PDF)
kommunicering-ditt_svar = Ditt svar
kommunicering-svar = Vad vill du säga?
kommunicering-svar_hjalp = Skriv om något är fel, eller om något saknas.
kommunicering-skicka = Skicka svaret
kommunicering-fel_tomt = Skriv ditt svar.

## kvitto
kvitto-titel = Kvitto
kvitto-rubrik = Tack. Vi har tagit emot det.
kvitto-vad = Vad
kvitto-tid = Tid
kvitto-arende = Ärendenummer
kvitto-nasta_rubrik = Vad händer nu?
kvitto-till_arendet = Gå till ärendet
kvitto-ansokan = Ansökan
kvitto-ansokan_nasta = En handläggare läser din ansökan. Du ser här när något händer. Om du har papper som behövs, får du en begäran här.
kvitto-overklagande = Överklagande
kvitto-overklagande_nasta = Nämnden prövar först om överklagandet kom in i tid, och om beslutet ska ändras. Om inte, skickas det till förvaltningsrätten.
kvitto-svar = Svar på utredningen
kvitto-svar_nasta = Ditt svar finns nu i ärendet. Nämnden läser det innan beslut.
kvitto-begaran = Begäran om avgörande
kvitto-begaran_nasta = Nämnden ska avgöra ärendet, eller svara dig, inom fyra veckor.
kvitto-invandning = Din invändning mot en anteckning
kvitto-invandning_nasta = Din invändning sparas bredvid anteckningen. Personalen ser den.
kvitto-komplettering = Det du skickade in
kvitto-komplettering_nasta = Din handläggare går igenom det. Du ser här när det är godkänt.
kvitto-mote = Önskan om möte
kvitto-mote_nasta = Din handläggare hör av sig för att bestämma en tid, inom två arbetsdagar.
kvitto-byte = Fråga om en annan handläggare
kvitto-byte_nasta = Chefen för enheten läser din fråga. Du får ett skriftligt svar här på Mina sidor inom fem arbetsdagar.
kvitto-manadsansokan = Månadsansökan
kvitto-manadsansokan_nasta = Handläggaren räknar på din ansökan och fattar beslut. Du ser beräkningen rad för rad och dagen pengarna kommer här på Mina sidor.
kvitto-annat = Det du skickade
kvitto-annat_nasta = Det finns nu i ärendet.

## journal
journal-titel = Min akt
journal-rubrik = Min akt
journal-ingress = Här är det som personalen har skrivit om dig. Om något är fel kan du skriva vad du tycker. Det sparas bredvid anteckningen.
journal-undanhallna =
    { $antal ->
        [one] { $antal } anteckning visas
       *[other] { $antal } anteckningar visas
    } inte här. De kan nämna någon annan än du, till exempel den som gjorde en anmälan eller lämnade uppgifter om dig, och det kan vara hemligt enligt lag. Du har rätt att be att få läsa dem: skriv till din handläggare under Meddelanden i ärendet, eller ring. Nämnden prövar då vad du kan få ta del av, och du får ett beslut som du kan överklaga om du nekas.
journal-inga = Det finns inga anteckningar att visa.
journal-rattad = Den här anteckningen har rättats.
journal-din_invandning = Din invändning
journal-stammer_inte = Det här stämmer inte

## invandning
invandning-titel = Det här stämmer inte
invandning-tillbaka = Tillbaka till min akt
invandning-rubrik = Säg vad som är fel
invandning-ingress = Anteckningen ändras inte. Din text sparas bredvid den, och personalen ser den varje gång de läser anteckningen.
invandning-text = Vad är fel?
invandning-hjalp = Skriv med egna ord vad som är fel, och hur det egentligen är.
invandning-skicka = Spara min invändning
invandning-fel_tom = Skriv vad som är fel.

## fullmakt
fullmakt-titel = Fullmakter
fullmakt-rubrik = Fullmakter
fullmakt-ingress = Med en fullmakt kan någon du litar på följa ditt ärende åt dig, till exempel en anhörig eller en stödperson. Du kan ta tillbaka fullmakten när du vill. Den slutar gälla direkt.
fullmakt-inga = Du har inte gett någon fullmakt.
fullmakt-ombud = Ombud
fullmakt-far = Får
fullmakt-giltig = Gäller
fullmakt-status = Status
fullmakt-registrerad = Lämnad
fullmakt-av_dig = Av dig här, { $datum }
fullmakt-av_personal = På papper, registrerad av { $namn } { $datum }
fullmakt-galler = Gäller
fullmakt-utgangen = Har gått ut
fullmakt-aterkallad = Tagen tillbaka { $datum }
fullmakt-tills_vidare = Tills vidare
fullmakt-till = Till och med { $datum }
fullmakt-aterkalla = Ta tillbaka
fullmakt-ny_rubrik = Ge någon en fullmakt
fullmakt-namn = Ombudets namn
fullmakt-nummer = Ombudets personnummer
fullmakt-nummer_hjalp = Ombudet loggar in med sitt eget BankID eller Freja eID. Skriv 12 siffror, till exempel 19800101-1234.
fullmakt-omfattning = Vad får ombudet göra?
fullmakt-omfattning_lasa = Läsa: följa mina ärenden, beslut och brev
fullmakt-omfattning_fora_talan = Läsa och agera: även ansöka, svara, skicka meddelanden och överklaga åt mig
fullmakt-giltig_till = Gäller till och med (frivilligt)
fullmakt-giltig_hjalp = Lämna tomt om fullmakten ska gälla tills du tar tillbaka den.
fullmakt-ge = Ge fullmakt
fullmakt-sparad = Fullmakten är sparad. Ombudet kan nu logga in.
fullmakt-aterkallad_notis = Fullmakten är tagen tillbaka. Ombudet kommer inte längre åt dina ärenden.
fullmakt-bara_personen = Bara personen själv kan se och ändra sina fullmakter.
fullmakt-fel_nummer = Personnumret stämmer inte: { $fel }
fullmakt-fel_sig_sjalv = Du kan inte ge en fullmakt till dig själv.
fullmakt-fel_namn = Skriv ombudets namn.
fullmakt-fel_omfattning = Välj vad ombudet får göra.
fullmakt-vantar = Registrerad av personalen, gäller när en andra person hos oss har kontrollerat den
fullmakt-personal_notis = { $namn } hos oss registrerade { $datum } en fullmakt på papper för { $ombud }. Om du inte har gett den fullmakten, ta tillbaka den här och kontakta oss.
fullmakt-fel_datum = Skriv ett datum som inte har passerat, eller lämna tomt.

## ansok
ansok-titel = Ansök
ansok-rubrik = Ansök om stöd
ansok-ingress = Välj vad du vill ansöka om. Du kan spara och fortsätta en annan gång.
ansok-andra_satt = Du kan också ansöka med brev, per telefon eller på besök. Det blir samma ärende.
ansok-tillbaka = Tillbaka till ansökningar
ansok-ansok_om = Ansök om
ansok-handlingar_rubrik = Papper som behövs
ansok-handlingar_text = Du behöver inte ha allt nu. Du kan skicka ansökan ändå. Din handläggare säger till om något saknas, och du kan skicka det här senare.
ansok-dina_uppgifter = Dina uppgifter
ansok-frivilligt = frivilligt
ansok-innan_du_skickar = När du skickar får du ett kvitto med datum och tid.
ansok-skicka = Skicka ansökan
ansok-spara = Spara och fortsätt senare
ansok-utkast_sparat = Ditt utkast är sparat ({ $tid }). Ansökan är inte skickad än.
ansok-ombud_kontakt = Via Mina sidor

## ansok.missbruk
ansok-missbruk-namn = Stöd och behandling vid missbruk
ansok-missbruk-text = Om du dricker för mycket, använder droger eller spelar om pengar och vill ha hjälp. Samtal, behandling eller boende med stöd.
ansok-missbruk-beskrivning = Vad vill du ha hjälp med?
ansok-missbruk-beskrivning_hjalp = Skriv med egna ord. Det räcker med några meningar.
ansok-missbruk-beskrivning_fel = Skriv vad du vill ha hjälp med.
ansok-missbruk-tidigare = Har du fått hjälp förut?
ansok-missbruk-tidigare_hjalp = Till exempel behandling, vård eller stöd från andra.
ansok-missbruk-kontakt = Hur når vi dig bäst?
ansok-missbruk-kontakt_hjalp = Telefonnummer och vilken tid på dagen som passar.
ansok-missbruk-tolk = Behöver du tolk? Vilket språk?
ansok-missbruk-tolk_hjalp = Tolk är gratis.
ansok-missbruk-handling_inga = Du behöver inte skicka några papper för att ansöka. Har du intyg från vården kan du ta med dem.

## ansok.ekonomiskt-bistand
ansok-ekonomiskt-bistand-namn = Ekonomiskt bistånd
ansok-ekonomiskt-bistand-text = Om du inte har pengar till det du behöver för att leva, till exempel mat och hyra.
ansok-ekonomiskt-bistand-manad = Vilken månad söker du för?
ansok-ekonomiskt-bistand-manad_hjalp = Till exempel: december 2026.
ansok-ekonomiskt-bistand-manad_fel = Skriv vilken månad du söker för.
ansok-ekonomiskt-bistand-hushall = Vilka bor i ditt hushåll?
ansok-ekonomiskt-bistand-hushall_hjalp = Skriv vuxna och barn som bor med dig.
ansok-ekonomiskt-bistand-hushall_fel = Skriv vilka som bor i hushållet, eller att du bor ensam.
ansok-ekonomiskt-bistand-inkomster = Vilka inkomster har hushållet?
ansok-ekonomiskt-bistand-inkomster_hjalp = Till exempel lön, a-kassa, sjukpenning, studiemedel, bostadsbidrag. Skriv 0 om ni inte har några.
ansok-ekonomiskt-bistand-inkomster_fel = Skriv hushållets inkomster, eller 0.
ansok-ekonomiskt-bistand-utgifter = Vilka utgifter har hushållet?
ansok-ekonomiskt-bistand-utgifter_hjalp = Till exempel hyra, el, hemförsäkring, barnomsorg.
ansok-ekonomiskt-bistand-utgifter_fel = Skriv hushållets utgifter, till exempel hyran.
ansok-ekonomiskt-bistand-beskrivning = Vill du berätta något mer?
ansok-ekonomiskt-bistand-beskrivning_hjalp = Till exempel varför du söker, eller om något är akut.
ansok-ekonomiskt-bistand-kontakt = Hur når vi dig bäst?
ansok-ekonomiskt-bistand-kontakt_hjalp = Telefonnummer och vilken tid på dagen som passar.
ansok-ekonomiskt-bistand-tolk = Behöver du tolk? Vilket språk?
ansok-ekonomiskt-bistand-tolk_hjalp = Tolk är gratis.
ansok-ekonomiskt-bistand-handling_id = Id-handling, till exempel körkort, pass eller id-kort
ansok-ekonomiskt-bistand-handling_hyra = Hyresavi eller hyreskontrakt
ansok-ekonomiskt-bistand-handling_konto = Kontoutdrag för alla konton, för de senaste tre månaderna
ansok-ekonomiskt-bistand-handling_inkomst = Lönespecifikation, eller beslut från Försäkringskassan, a-kassan eller CSN
ansok-ekonomiskt-bistand-handling_af = Om du söker arbete: din planering från Arbetsförmedlingen
ansok-ekonomiskt-bistand-handling_utgifter = Kvitton eller räkningar för andra utgifter du söker för

## dialog
dialog-nytt_fran_handlaggaren = Läs meddelandet från din handläggare ({ $datum }).
dialog-skicka_in = Skicka in: { $vad }. Senast { $datum }.
dialog-senast = Skicka senast { $datum }.
dialog-begard = Vi bad dig skicka in något
dialog-oppna_begaran = Se vad vi behöver
dialog-lamnad = Du skickade in det vi bad om
dialog-godtagen = Det du skickade in är godkänt
dialog-mote_begart = Du bad om ett möte
dialog-mote_uppfoljning = Ett möte för att följa upp.
dialog-mote_personligt = Ett personligt möte med din handläggare.
dialog-dokument = Dokument
dialog-igen = Du har redan lämnat in { $vad }. Din handläggare behöver det igen, och skriver varför: { $skal }
dialog-komplettering_titel = Skicka in
dialog-komplettering_rubrik = Det här behöver vi från dig
dialog-ar_godtagen = Klart. Det du skickade in godkändes
dialog-vi_behover = Vi behöver
dialog-beskrivning = Mer om vad vi behöver
dialog-godtas = Det här går bra att skicka
dialog-senast_rubrik = Skicka senast
dialog-det_du_skickat = Det du har skickat
dialog-skicka_rubrik = Skicka in
dialog-fil = Välj en fil (frivilligt)
dialog-fil_hjalp = PDF, JPEG eller PNG, högst 10 MB. Du kan ta ett foto av pappret med mobilen.
dialog-text = Skriv något (frivilligt)
dialog-text_hjalp = Till exempel om något saknas och varför.
dialog-skicka = Skicka
dialog-fel_tomt = Välj en fil, eller skriv något.
dialog-fel_fil = Filen måste vara en PDF, JPEG eller PNG, och högst 10 MB.
dialog-meddelanden_titel = Meddelanden
dialog-meddelanden_rubrik = Meddelanden
dialog-skickat = Ditt meddelande är skickat.
dialog-svarstid =
    Vi svarar inom { $dagar ->
        [one] { $dagar } arbetsdag
       *[other] { $dagar } arbetsdagar
    }.
dialog-svar_senast = Du får svar senast { $datum }.
dialog-inga_meddelanden = Inga meddelanden ännu.
dialog-nytt_meddelande = Skriv ett meddelande till din handläggare
dialog-meddelande_hjalp = Skriv inte om något är akut. Ring 112 vid fara, eller socialjouren på kvällar och helger.
dialog-skicka_meddelande = Skicka meddelandet
dialog-fel_meddelande = Skriv ditt meddelande.
dialog-handlaggaren = Din handläggare
dialog-du = Du
dialog-ombud = { $namn } (ombud)
dialog-mote_titel = Be om ett möte
dialog-mote_rubrik = Be om ett möte
dialog-mote_ingress = Din handläggare hör av sig för att bestämma en tid.
dialog-mote_vilket = Vilket möte vill du ha?
dialog-mote_text = Vad vill du prata om?
dialog-mote_text_hjalp = Skriv också om du behöver tolk, eller om vissa tider inte passar.
dialog-mote_skicka = Be om mötet
dialog-fel_motestyp = Välj vilket möte du vill ha.

# The domain's names, as the person reads them.
## insats
insats-forsorjningsstod = Ekonomiskt bistånd – försörjningsstöd
insats-ekonomiskt_bistand_ovrigt = Ekonomiskt bistånd – livsföring i övrigt
insats-oppenvardsbehandling = Behandling i öppenvård vid missbruk
insats-stod_i_boendet = Stöd i boendet
insats-kontaktperson = Kontaktperson
insats-sysselsattning = Sysselsättning
insats-case_manager = Case manager (en person som samordnar ditt stöd)
insats-hvb = Behandlingshem (HVB)
insats-stodboende = Stödboende
insats-familjehem = Familjehem
insats-traningslagenhet = Träningslägenhet

## utfall
utfall-bifall = Beviljat
utfall-delvis_bifall = Delvis beviljat
utfall-avslag = Avslag
utfall-avvisning = Avvisat

## handling
handling-kontoutdrag = Kontoutdrag för de senaste tre månaderna
handling-hyresavi = Hyresavi eller hyreskontrakt
handling-lonespecifikation = Lönespecifikation
handling-beslut_forsakringskassan = Beslut från Försäkringskassan
handling-beslut_csn = Beslut från CSN
handling-lakarintyg = Läkarintyg
handling-handlingsplan_arbetsformedlingen = Handlingsplan från Arbetsförmedlingen
handling-id_handling = Id-handling
handling-annat = Annat

## avslutsorsak
avslutsorsak-mal_uppnatt = Målen är nådda.
avslutsorsak-insats_avslutad = Insatsen är avslutad.
avslutsorsak-beslut_utan_insats = Nämnden har beslutat. Det finns ingen insats att starta.
avslutsorsak-ansokan_atertagen = Du tog tillbaka ansökan.
avslutsorsak-inleds_ej = Ingen utredning startades.
avslutsorsak-flyttat = Du har flyttat från kommunen.
avslutsorsak-avliden = Personen har avlidit.
avslutsorsak-annat = Av annat skäl.

## Planen mot egen försörjning
arende-egen_plan = Din plan mot egen försörjning
arende-las_planen = Läs din plan och säg vad du tycker
plan-titel = Din plan mot egen försörjning
plan-gjord = Du och din handläggare gjorde planen den { $datum }.
plan-andrad = Du och din handläggare ändrade planen den { $datum }.
plan-mal = Målet
plan-delmal = Delmål { $nr }
plan-aktivitet = Det här ska göras
plan-aktivitet_text = { $vad }. Ansvarar: { $vem }.
plan-din_del = Det du gör
plan-socialtjanstens_del = Det socialtjänsten gör
plan-samverkan = Andra som hjälper till
plan-uppfoljning = Uppföljning
plan-uppfoljning_text = Senast { $datum }: { $hur }
plan-du_instammer = Du sa den { $datum } att du håller med om planen.
plan-du_instammer_inte = Du sa den { $datum } att du inte håller med om allt i planen.
plan-din_synpunkt = Du skrev: { $text }
plan-senaste_uppfoljning = Senaste uppföljningen
plan-uppfoljd = Planen följdes upp den { $datum }.
plan-narvaro = Du var med { $deltog } gånger av { $planerat }.
plan-din_berattelse = Det du berättade: { $text }
plan-vad_tycker_du = Vad tycker du om planen?
plan-haller_du_med = Håller du med om planen?
plan-ja = Ja, jag håller med.
plan-nej = Nej, inte om allt.
plan-synpunkt = Vad tycker du?
plan-synpunkt_hjalp = Skriv vad som är bra och vad du vill ändra. Du måste skriva något om du inte håller med.
plan-skicka = Skicka ditt svar
plan-be_om_mote = Be om ett möte om planen
plan-fel_val = Välj om du håller med om planen.
plan-fel_version = Planen kunde inte läsas. Ladda om sidan och försök igen.
plan-ansvarig-personen = du själv
plan-ansvarig-socialtjansten = socialtjänsten
plan-ansvarig-arbetsformedlingen = Arbetsförmedlingen
plan-ansvarig-forsakringskassan = Försäkringskassan
plan-ansvarig-varden = vården
plan-ansvarig-annan = någon annan
dialog-mote_planen = Ett möte om min plan mot egen försörjning.
tidslinje-sjalvforsorjningsplan = Din plan mot egen försörjning skrevs (version { $version })
tidslinje-plan_besvarad = Du svarade på planen
tidslinje-plan_uppfoljd = Planen följdes upp
tidslinje-bistand_slut = Ditt försörjningsstöd avslutades
slutorsak-arbete = Du har fått arbete.
slutorsak-studier = Du studerar med studiestöd.
slutorsak-pension = Du har pension.
slutorsak-flyttat = Du har flyttat från kommunen.
slutorsak-annan_ersattning = Du får en annan ersättning.
slutorsak-annat = Annat skäl.
kvitto-plan = Ditt svar på planen mot egen försörjning
kvitto-plan_nasta = Din handläggare läser ditt svar och tar upp det med dig vid nästa möte om planen.

## Beräkningen av försörjningsstöd, rad för rad
manad-1 = januari { $ar }
manad-2 = februari { $ar }
manad-3 = mars { $ar }
manad-4 = april { $ar }
manad-5 = maj { $ar }
manad-6 = juni { $ar }
manad-7 = juli { $ar }
manad-8 = augusti { $ar }
manad-9 = september { $ar }
manad-10 = oktober { $ar }
manad-11 = november { $ar }
manad-12 = december { $ar }
norm-vuxen = Personliga kostnader, vuxen
norm-sambo = Personliga kostnader, två vuxna som lever tillsammans
norm-barn = Personliga kostnader, barn { $alder } år
norm-barn_lunch = , äter lunch i förskolan
norm-barn_andel = , bor här { $andel } % av tiden
norm-gemensamma = Hushållsgemensamma kostnader, { $alla } personer
norm-gemensamma_delat = Hushållsgemensamma kostnader, { $egna } av { $alla } personer i ett delat boende ({ $hela } delat med { $alla })
post-riksnorm = Riksnormen
post-riksnorm_for = Riksnormen för { $manad }
post-boende = Boende (hyra eller avgift)
post-hushallsel = Hushållsel
post-arbetsresor = Arbetsresor
post-hemforsakring = Hemförsäkring
post-fack_och_akassa = Fackförening och a-kassa
post-tandvard = Tandvård
post-glasogon = Glasögon
post-lakarvard_och_medicin = Läkarvård och medicin
post-hemutrustning = Möbler och hemutrustning
post-annat = Annat
inkomstslag-lon = Lön
inkomstslag-akassa = A-kassa
inkomstslag-sjukpenning = Sjukpenning
inkomstslag-aktivitetsstod = Aktivitetsstöd
inkomstslag-etableringsersattning = Etableringsersättning
inkomstslag-bostadsbidrag = Bostadsbidrag
inkomstslag-barnbidrag = Barnbidrag
inkomstslag-underhallsstod = Underhållsstöd
inkomstslag-studiemedel = Studiemedel
inkomstslag-pension = Pension
inkomstslag-ovrig = Annan inkomst
forklaring-lan = Lån som ska betalas tillbaka
forklaring-gava = Gåva
forklaring-aterbetalning = Återbetalning
forklaring-kronofogden = Togs av Kronofogden
forklaring-egen_overforing = Överföring mellan egna konton
forklaring-annat = Annat
berakning-rad = { $post }: du sökte { $sokt }, { $godkant } godkändes
berakning-delvis = {" "}(beviljas delvis)
berakning-avslag = {" "}(avslås)
berakning-skal = . Skäl: { $skal }
berakning-insattning = insättning { $datum } ({ $forklaring })
berakning-ingen_forklaring = ingen förklaring lämnad
berakning-inkomst = Inkomst, { $kalla } ({ $medlem }): { $belopp }
berakning-raknas = , räknas { $belopp }
berakning-jobbstimulans_rad = . 25 % räknas inte (jobbstimulans, 12 kap. 8 § socialtjänstlagen)
berakning-summa = Godkänt behov { $behov } − inkomster { $inkomst } = { $resultat }
berakning-over_behov = Inkomsterna är högre än behovet: inget försörjningsstöd för månaden.
berakning-jobbstimulans = Jobbstimulans gäller (12 kap. 8 § socialtjänstlagen): { $kvar } månader kvar efter denna.
ansokan-insattning = Insättning { $datum }: { $belopp } ({ $forklaring })
ansokan-ovrigt = Övrigt: { $text }
livsomrade-egna_forsok = Egna försök att lösa situationen
livsomrade-arbete_och_utbildning = Arbete och utbildning
livsomrade-fysisk_och_psykisk_halsa = Fysisk och psykisk hälsa
livsomrade-egna_mal_och_planer = Egna mål och planer
livsomrade-boende = Boende
livsomrade-familj = Familj
livsomrade-intressen_och_natverk = Intressen och nätverk
livsomrade-ekonomi = Ekonomi, också skulder
livsomrade-social_situation = Social situation
livsomrade-barnen = Barnens situation
livsomrade-asi_fysisk_halsa = Fysisk hälsa
livsomrade-asi_arbete_och_forsorjning = Arbete och försörjning
livsomrade-asi_alkohol = Alkohol
livsomrade-asi_narkotika = Narkotika
livsomrade-asi_rattslig_situation = Rättslig situation
livsomrade-asi_familj_och_umgange = Familj och umgänge
livsomrade-asi_psykisk_halsa = Psykisk hälsa
lage-mote_bokat = Du har ett möte { $datum } klockan { $tid }. Plats: { $plats }. Kan du inte komma, skriv ett meddelande eller ring enheten.
dialog-mote_bokat = Ditt möte är bokat
dialog-mote_nar = { $datum } klockan { $tid }
dialog-mote_plats = Plats: { $plats }

# Issue 15: attachments with the monthly application, changes of the household
ansokan-bilaga = Skickat med: { $namn } ({ $handling })
hushall-andrades = Hushållet ändrades från { $manad }: { $vad }.
hushall-sambo_borjade = två vuxna (makar eller sambor) söker nu tillsammans
hushall-sambo_slutade = en vuxen söker nu ensam
hushall-barn_fott = ett barn har fötts
hushall-barn_in = ett barn, { $alder } år, har flyttat in
hushall-barn_ut = ett barn, { $alder } år, har flyttat ut
hushall-vaxelvis_borjade = barnet som är { $alder } år bor nu växelvis, här { $andel } % av månaden
hushall-vaxelvis_slutade = barnet som är { $alder } år bor nu här hela månaden
hushall-vaxelvis_andrad = barnet som är { $alder } år bor här { $till } % av månaden i stället för { $fran } %
hushall-medboende_in = { $antal } fler delar bostaden utan att vara sambo
hushall-medboende_ut = { $antal } färre delar bostaden utan att vara sambo
manadsansokan-bilagor = Dokument du skickar med
manadsansokan-bilagor_hjalp = Till exempel kontoutdrag, hyresavi eller lönespecifikation. PDF, JPEG eller PNG, högst 10 MB sammanlagt. Välj vad varje dokument är.
manadsansokan-bilaga_fil = Dokument { $n }
manadsansokan-bilaga_typ = Dokument { $n }: vad är det
manadsansokan-redan = Det här har du redan lämnat in och det är godkänt. Du behöver inte skicka det igen:
manadsansokan-redan_rad = { $handling } (godkänt { $datum })
manadsansokan-redan_val = { $handling } – redan inlämnad { $datum }
manadsansokan-fel_bilaga_typ = Välj vad dokumentet är.

## Öppna insatser (issue 17 item 8): help without applying.
oppna-titel = Hjälp utan att ansöka
oppna-rubrik = Hjälp du kan få utan att ansöka
oppna-ingress = Det här kan du använda direkt, utan att ansöka och utan utredning. Kontakta stället som ger hjälpen. Du kan alltid ansöka om bistånd i stället eller senare.
oppna-inga = Kommunen har ingen sådan hjälp just nu.
oppna-lank = Hjälp du kan få utan att ansöka
oppna-for_vem = För vem
oppna-alder = Ålder
oppna-alla_aldrar = Alla åldrar
oppna-alder_fran = Från { $fran } år
oppna-alder_till = Till och med { $till } år
oppna-alder_mellan = { $fran }–{ $till } år
oppna-innehall = Vad du får
oppna-omfattning = Hur mycket
oppna-tillfallen = Högst { $antal } tillfällen
oppna-veckor = Högst { $antal } veckor
oppna-lopande = Så länge du behöver
oppna-villkor = Villkor
oppna-bosatt = Du ska bo i kommunen.
oppna-kostar = Kostnad
oppna-avgiftsfri = Gratis
oppna-avgift = { $kr } kronor per gång
oppna-dokumentation = Vad som skrivs ner om dig
oppna-integritet-full = Dina uppgifter och det du får skrivs ner i din akt, som när du har ansökt.
oppna-integritet-minimal = Bara kön, åldersgrupp och stadsdel. Inte ditt namn eller personnummer.
oppna-integritet-anonym = Ingenting om dig. Bara hur många som kommer.
oppna-integritet-radgivning = Ingenting om dig. Bara vad samtalet handlade om.
oppna-hos = Var
oppna-ansok = Vill du hellre ansöka om bistånd?

manadsansokan-medsokande = Din make, maka eller sambo: personnummer
manadsansokan-medsokande_hjalp = Bara om ni söker tillsammans. Skriv ÅÅÅÅMMDD-NNNN. Hen bekräftar ansökan när hen loggar in på Mina sidor och ser då bara er gemensamma ansökan och beslutet.
manadsansokan-fel_medsokande = Skriv ett giltigt personnummer för din make, maka eller sambo, inte ditt eget.

## Gemensam ansökan om försörjningsstöd, som medsökande ser den
gemensam-titel = Gemensam ansökan om försörjningsstöd
gemensam-tillbaka = Tillbaka till Mina ärenden
gemensam-oversikt_rubrik = Ansökningar där du är medsökande
gemensam-manader = Månader
gemensam-ingress = Du och din make, maka eller sambo söker försörjningsstöd tillsammans. Ni är båda parter i ansökan och i beslutet. Här ser du bara er gemensamma ansökan, beräkningen och beslutet.
gemensam-skyddad = Det som den andra personen har skrivit eller skickat med visas inte här, för att skydda uppgifter om var personen bor. Beloppen, beräkningen och beslutet ser du som vanligt. Fråga handläggaren om du behöver veta mer.
gemensam-ansokan = Det här söker ni för
gemensam-undertecknad = Ni har båda skrivit under ansökan.
gemensam-bekraftad = Du bekräftade den { $datum } att ansökan stämmer.
gemensam-invand = Du skrev den { $datum } att något i ansökan är fel: { $text }
gemensam-vantar = Läs ansökan och svara om den stämmer. Handläggaren väntar på ditt svar.
gemensam-stammer_fraga = Stämmer ansökan?
gemensam-ja = Ja, ansökan stämmer
gemensam-nej = Nej, något är fel
gemensam-text = Vad är fel?
gemensam-text_hjalp = Skriv kort vad som är fel. Du behöver bara skriva om du svarar nej.
gemensam-skicka = Skicka svaret
gemensam-berakning = Så räknade vi
gemensam-beslut = Beslut
gemensam-overklaga_hur = Skriv till socialnämnden om du vill överklaga. Skriv vilket beslut det gäller, vad du vill ändra och varför. Du kan överklaga även om det är din make, maka eller sambo som har ärendet.
gemensam-inget_beslut = Det finns inget beslut för månaden än.
gemensam-fel_manad = Ansökan för den månaden finns inte längre. Ladda om sidan.
gemensam-fel_val = Välj om ansökan stämmer.
gemensam-fel_text = Skriv vad som är fel i ansökan.
oppna-dina_besok = Dina besök
oppna-dina_besok_text = Besök i hjälp där dina uppgifter skrivs ner. Tycker du att något är fel kan du säga det till stället som ger hjälpen, så antecknas det.
oppna-besok_datum = Datum
oppna-besok_insats = Hjälp
oppna-besok_anteckning = Anteckning

## Ask for another handläggare (mina_sidor/handlaggarbyte.html)
byte-titel = Be om en annan handläggare
byte-rubrik = Be om en annan handläggare
byte-ingress = Du har rätt att be om en annan handläggare. Du behöver inte säga varför. Chefen för enheten läser din fråga och svarar dig skriftligt. Din handläggare kan inte svara på frågan själv.
byte-svarstid =
    Du får svar inom { $dagar ->
        [one] { $dagar } arbetsdag
       *[other] { $dagar } arbetsdagar
    }.
byte-skal = Varför vill du byta?
byte-skal_hjalp = Skriv gärna vad som inte fungerar. Det hjälper chefen att hitta en bra lösning.
byte-skicka = Skicka frågan
byte-vantar = Du har frågat om en annan handläggare. Du får svar senast { $datum }.
byte-beviljad = Du får en annan handläggare (svar { $datum })
byte-avslagen = Du får inte byta handläggare nu (svar { $datum })

## Synpunkter och klagomål (mina_sidor/synpunkter.html, synpunkt_kvitto.html)
synpunkt-titel = Synpunkter och klagomål
synpunkt-rubrik = Lämna en synpunkt eller ett klagomål
synpunkt-ingress = Vad tycker du om socialtjänsten? Du kan klaga, ge förslag eller ge beröm. Du behöver inte logga in och inte säga vem du är.
synpunkt-vad_hander_rubrik = Det här händer med det du skriver
synpunkt-vad_hander_1 = Vi registrerar det och du får ett nummer. Spara numret.
synpunkt-svarstid =
    Vi svarar inom { $veckor ->
        [one] { $veckor } vecka
       *[other] { $veckor } veckor
    } om du lämnar ett sätt att nå dig.
synpunkt-vad_hander_2 = Några få personer som arbetar med klagomål läser det. Det kan vara chefer. Klagar du på din handläggare är det inte hen som läser.
synpunkt-vad_hander_3 = Nämnden får varje kvartal veta hur många som klagat och om vad. Där står inga namn.
synpunkt-vad_hander_4 = Det du skriver blir en allmän handling. Uppgifter om dig skyddas av sekretess.
synpunkt-kommun = Kommun
synpunkt-valj = Välj
synpunkt-slag = Vad vill du lämna?
synpunkt-slag_klagomal = Ett klagomål
synpunkt-slag_forslag = Ett förslag
synpunkt-slag_berom = Beröm
synpunkt-kategori = Vad gäller det?
synpunkt-kategori_bemotande = Hur jag blev bemött
synpunkt-kategori_handlaggning = Handläggning och beslut
synpunkt-kategori_tillganglighet = Att nå socialtjänsten
synpunkt-kategori_insats = Stöd och insatser
synpunkt-kategori_information = Information
synpunkt-kategori_annat = Något annat
synpunkt-text = Skriv här
synpunkt-text_hjalp = Berätta vad som hände och när. Skriv gärna vad du vill ska bli bättre.
synpunkt-namn = Ditt namn
synpunkt-kontakt = Telefon eller e-post
synpunkt-kontakt_hjalp = Skriv det om du vill ha svar. Annars kan vi inte svara dig.
synpunkt-utan_namn = Skicka utan mitt namn
synpunkt-utan_namn_hjalp = Då vet vi inte vem du är. Du ser inte svaret här.
synpunkt-skicka = Skicka
synpunkt-tidigare = Det du skickat förut
synpunkt-skickad = Skickat { $datum }.
synpunkt-svar_rubrik = Svar { $datum }
synpunkt-svar_vantar = Du får svar senast { $datum }.
synpunkt-for_manga = Många har skickat från samma plats nyss. Vänta en stund och försök igen.
synpunkt-fel_kommun = Välj vilken kommun det gäller.
synpunkt-fel_slag = Välj vad du vill lämna.
synpunkt-fel_kategori = Välj vad det gäller.
synpunkt-fel_text = Skriv vad du vill säga.
synpunkt-kvitto_titel = Tack
synpunkt-kvitto_rubrik = Tack! Vi har fått det du skrev
synpunkt-kvitto_nummer = Ditt nummer
synpunkt-kvitto_svar = Svar senast
synpunkt-kvitto_spara = Spara numret. Ange det om du kontaktar oss.
synpunkt-kvitto_inloggad = Du ser svaret här på Mina sidor.
synpunkt-kvitto_se = Se det du skickat
synpunkt-kvitto_kontakt = Vi svarar dig på det sätt du skrev.
synpunkt-kvitto_anonym = Du har inte lämnat något sätt att nå dig. Därför kan vi inte svara dig. Vi läser ändå det du skrev.
ram-synpunkter = Synpunkter och klagomål
## Vem du når och när (issue 19)
kontakt-rubrik = Så når du oss
kontakt-rubrik_enhet = { $enhet }
kontakt-rubrik_utforare = { $enhet } ger stödet
kontakt-kontaktperson = Fråga efter
kontakt-telefon = Telefon
kontakt-telefontider = Du kan ringa
kontakt-besoksadress = Adress
kontakt-besokstider = Du kan komma
kontakt-boka = Boka ett möte
kontakt-epost = E-post
kontakt-epost_varning = Skriv inget känsligt i e-post. Skriv hellre ett meddelande i ditt ärende.
kontakt-saknas = Här finns inget nummer ännu. Skriv ett meddelande i ditt ärende, eller ring kommunens växel.
kontakt-ersattare = { $handlaggare } är borta just nu. Till och med { $datum } har { $namn } hand om ditt ärende.
kontakt-lank = Så når du oss
kontakt-diarienummer = Säg ditt diarienummer när du hör av dig: { $diarienummer }.
kontakt-fragor_beslut = Har du frågor om beslutet?
arende-insatser = Ditt stöd nu
lage-beslut_vantas = Vi räknar med att du får beslut senast { $datum }.
lage-beslut_sent = Du skulle ha fått beslut senast { $datum }. Det har inte kommit. Fråga din handläggare när det kommer.
tidslinje-beslut_vantas = Vi räknar med att du får beslut senast { $datum }.
pagar-forsorjningsstod = Du får försörjningsstöd sedan { $datum }.
pagar-ekonomiskt_bistand_ovrigt = Du får ekonomiskt bistånd sedan { $datum }.
pagar-oppenvardsbehandling = Du går i behandling sedan { $datum }.
pagar-stod_i_boendet = Du får stöd i boendet sedan { $datum }.
pagar-kontaktperson = Du har en kontaktperson sedan { $datum }.
pagar-sysselsattning = Du har sysselsättning sedan { $datum }.
pagar-case_manager = Du har en case manager sedan { $datum }.
pagar-hvb = Du bor på ett HVB-hem sedan { $datum }.
pagar-stodboende = Du bor i ett stödboende sedan { $datum }.
pagar-familjehem = Du bor i ett familjehem sedan { $datum }.
pagar-traningslagenhet = Du bor i en träningslägenhet sedan { $datum }.

## När något inte går: med dina ord, inte personalens (issue 19)
avvisning-tillstand = Det går inte att göra det här i ärendet just nu. Ladda om sidan och se hur ärendet står. Fråga din handläggare om du undrar varför.
avvisning-fakta = Något av det du skrev behöver ändras. Se över det och försök igen.
avvisning-fakta_datum = Datumet stämmer inte. Se över det och försök igen.
avvisning-fakta_synpunkt = Skriv vad du tycker ska ändras i planen.
avvisning-fakta_version = Planen har ändrats sedan du läste den. Läs den nya planen och svara igen.
avvisning-fakta_text = Se över texten och försök igen.
avvisning-annat = Det gick inte. Ingenting sparades. Försök igen, eller hör av dig till din handläggare.
avvisning-begaran-om-avgorande = Du kan inte be nämnden avgöra ärendet nu. Det går bara en gång i varje ärende, och bara när ärendet inte är avgjort.
avvisning-overklagande = Det går inte att överklaga det här beslutet här. Skriv till din handläggare, så hjälper vi dig.
avvisning-svar = Det går inte att svara på det här längre. Ladda om sidan och se hur ärendet står.
avvisning-aktualisera = Ansökan kunde inte tas emot. Ingenting sparades. Försök igen, eller hör av dig till oss.
# Aviseringar (issue 19 item 3). A notification says only that something is new: never
# a name, a case, an insats or the social services (OSL 26 kap. 1 §, lots_domain::avisering).
avisering-titel = Aviseringar
avisering-rubrik = Få besked när något är nytt
avisering-ingress = Vi kan skicka ett mejl eller ett sms när det finns något nytt för dig här. Till exempel ett beslut, ett meddelande eller en tid för möte.
avisering-innehall = I mejlet eller sms:et står bara att det finns något nytt på Mina sidor. Där står aldrig vad det gäller. Tänk på att den som kan läsa din mejl eller din telefon ser att du fått ett sådant meddelande.
avisering-skyddad = Du har skyddade personuppgifter. Välj en adress eller ett nummer som bara du kan läsa.
avisering-inga_kanaler = Kommunen skickar inga mejl eller sms än. Titta in här ibland för att se om något är nytt.
avisering-nu_rubrik = Så får du besked nu
avisering-aktiv = Vi skickar { $kanal } till { $adress }.
avisering-av = Du får inga mejl eller sms från oss.
avisering-stang_av = Stäng av
avisering-kod_rubrik = Skriv in koden
avisering-kod_skickad = Vi har skickat en kod med { $kanal } till { $adress }. Koden gäller i 15 minuter.
avisering-kod = Kod
avisering-bekrafta = Bekräfta
avisering-valj_rubrik = Slå på
avisering-byt_rubrik = Byt adress eller nummer
avisering-kanal = Hur vill du få besked?
avisering-kanal_epost = mejl
avisering-kanal_sms = sms
avisering-adress = Mejladress eller mobilnummer
avisering-adress_hjalp = Vi skickar en kod dit. Du skriver in koden här. Först då börjar vi skicka.
avisering-skicka_kod = Skicka kod
avisering-notis_kod = Vi har skickat en kod. Skriv in den nedan.
avisering-notis_pa = Klart. Nu får du besked när något är nytt.
avisering-notis_av = Klart. Nu får du inga mejl eller sms från oss. Adressen är borttagen.
avisering-bara_personen = Bara personen själv kan välja hur hon eller han får besked.
avisering-fel_kanal = Välj mejl eller sms.
avisering-fel_tom = Skriv din mejladress eller ditt mobilnummer.
avisering-fel_epost = Det ser inte ut som en mejladress. Skriv till exempel namn@exempel.se.
avisering-fel_mobil = Det ser inte ut som ett svenskt mobilnummer. Skriv till exempel 070-123 45 67.
avisering-fel_vanta = Vi skickade nyss en kod. Vänta en minut innan du ber om en ny.
avisering-fel_skicka = Vi kunde inte skicka koden just nu. Se om adressen är rätt och försök igen om en stund.
avisering-fel_kodform = Koden har sex siffror. Skriv in den igen.
avisering-fel_kod =
    Koden stämmer inte. Du kan försöka { $kvar ->
        [one] en gång till.
       *[other] { $kvar } gånger till.
    }
avisering-fel_kod_ogiltig = Koden gäller inte längre. Be om en ny kod.
avisering-amne = Nytt på Mina sidor
avisering-text = Hej! Det finns något nytt för dig på Mina sidor. Logga in som du brukar för att läsa. Vi skriver aldrig här vad det gäller. Du kan stänga av de här meddelandena på Mina sidor.
avisering-kod_amne = Din kod till Mina sidor
avisering-kod_text = Din kod är { $kod }. Skriv in den på Mina sidor. Koden gäller i 15 minuter. Bad du inte om en kod? Då kan du bortse från det här.
