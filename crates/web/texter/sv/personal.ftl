### Personalens arbetsyta, på svenska. Rubriker och knappar heter som i lagen och
### i handläggarnas vardag. { $namn } och liknande fylls i av programmet; där ett
### antal visas väljer { $antal -> [one] … *[other] … } rätt form.
### Meddelandena är grupperade efter mallen i crates/web/templates/ som visar dem.

## bas
bas-hoppa = Hoppa till innehållet
bas-sidfot = Lots – ärendehantering för socialtjänsten

## meny
meny-huvudmeny = Huvudmeny
meny-start = Start
meny-sok = Sök person
meny-rapporter = Rapporter
meny-delegationsordning = Delegationsordning
meny-anvandare = Användare och enheter
meny-behorigheter = Behörigheter som väntar
meny-loggkontroll = Loggkontroll
meny-uppdrag = Uppdrag
meny-byt_losenord = Byt lösenord
meny-tvastegsverifiering = Tvåstegsverifiering
meny-logga_ut = Logga ut

## start
start-titel = Start
start-hej = Hej { $namn }
start-idag = I dag är det { $datum }.
start-bevakningar = Mina bevakningar
start-inga_bevakningar = Du har inga bevakningar.
start-bevakningar_tabell = Bevakningar, försenade först och sedan efter datum
start-datum = Datum
start-vad = Vad
start-person = Person
start-lage = Läge
start-forsenad = Försenad
start-i_dag = I dag
start-kommande = Kommande
start-mina_arenden = Mina ärenden
start-inga_arenden = Du har inga öppna ärenden.
start-otilldelade = Ärenden i enheten utan handläggare
start-registreringsforsok = Försök att registrera personer med skyddade personuppgifter
start-registreringsforsok_ingress = Någon utan behörighet försökte registrera en av de här personerna de senaste 30 dagarna. Kontakta den som försökte, så att det som kom in för personen tas om hand.
start-registreringsforsok_tabell = Registreringsförsök, senaste först
start-tidpunkt = Tidpunkt
start-vem = Vem försökte

## arendelista
arendelista-diarienummer = Diarienummer
arendelista-inkom = Inkom
arendelista-person = Person
arendelista-status = Status
arendelista-enhet = Enhet
arendelista-handlaggare = Handläggare
arendelista-ingen = Ingen

## fel (and the error page's headings and texts from fel.rs)
fel-till_start = Till startsidan
fel-nekad = Du har inte behörighet
fel-saknas = Sidan finns inte
fel-saknas_text = Kontrollera adressen, eller gå tillbaka till startsidan.
fel-ogiltig = Något blev fel i förfrågan
fel-for_manga = För många försök
fel-intern = Något gick fel hos oss
fel-intern_text = Ingenting sparades. Försök igen om en stund. Kontakta systemförvaltaren om felet kvarstår.

## utloggad
utloggad-titel = Utloggad
utloggad-rubrik = Du är utloggad från Lots
utloggad-vidare = Du skickas nu vidare till kommunens inloggningstjänst för att logga ut där också.
utloggad-lank = Logga ut från kommunens inloggning


## sok
sok-titel = Sök person
sok-registrerat = Registrerat. Ärendet finns nu hos enheten.
sok-fraga = Personnummer, samordningsnummer, reservnummer eller namn
sok-fraga_hjalp = Till exempel 19640823-3234 eller Anna Svensson.
sok-sok = Sök
sok-traffar = Träffar
sok-forfina =
    { $antal ->
        [one] Fler än { $antal } person matchar.
       *[other] Fler än { $antal } personer matchar.
    } Förfina sökningen: skriv fler bokstäver, både förnamn och efternamn, eller personnumret.
sok-ingen = Ingen person hittades.
sok-namn = Namn
sok-identitet = Identitet
sok-inkommet = Inkommet
sok-registrera = Registrera ansökan eller anmälan
sok-for = för { $namn }
sok-ny_person = Registrera en ny person
sok-registrera_nummer = Registrera en ny person med nummer { $nummer }
nytt-dubbletter_rubrik =
    { $antal ->
        [one] Personen har redan ett öppet ärende som kan gälla samma sak
       *[other] Personen har redan { $antal } öppna ärenden som kan gälla samma sak
    }
nytt-dubbletter_ingress = Gäller ansökan samma behov, lägg till den i det öppna ärendet så att behovet utreds i ett ärende. Det som står om ansökan med personens egna ord följer inte med dit; skriv det i ärendets journal.
nytt-dubbletter_status = Status
nytt-dubbletter_insatser = Ansökt om
nytt-dubbletter_grund = Det visas här eftersom ärendet { $grund }.
nytt-dubbletter_lagg_till = Lägg till ansökan om { $insats } i ärende { $arende }
nytt-dubbletter_steg = Registrera ansökan om ytterligare insats i ärendet
nytt-dubbletter_i = { $arende }
nytt-registrera_anda = Registrera ändå som nytt ärende
nytt-registrera_anda_hjalp = Kryssa i om ansökan gäller något annat än ärendena ovan. Annars sparas inget nytt ärende.

## person
person-gallring = Gallring
person-skyddad = Skyddade personuppgifter
person-skyddad_ja = Ja. Adressen visas inte.
person-adress = Adress
person-nytt_arende = Registrera nytt ärende
person-arenden = Ärenden
person-inga_arenden = Personen har inga ärenden som du har tillgång till.
person-andra_enheter = Ärenden hos andra enheter visas inte här (inre sekretess, OSL 26 kap. 1 §).
person-fullmakter = Ombud med fullmakt
person-inga_fullmakter = Personen har inte gett någon fullmakt för Mina sidor.
person-vantar = Väntar på godkännande
person-vantar_kollega = av en kollega som också arbetar med personens ärenden.
person-fullmaktsdokument = Den undertecknade fullmakten
person-godkann = Godkänn
person-fullmakten_for = fullmakten för { $vem }
person-aterkalla = Återkalla
person-ny_fullmakt = Registrera en fullmakt som kommit in på papper
person-journal = Journal
person-ingen_journal = Inga journalanteckningar.

## journallista
journallista-rattar = Rättar
journallista-tidigare = en tidigare anteckning
journallista-rattad = Den här anteckningen har rättats. Originalet visas oförändrat.
journallista-invandning = Den enskilde menar att anteckningen är fel ({ $datum }, registrerat av { $vem }):
journallista-rattelse = rättelse

## arende
arende-titel = Ärende – { $namn }
arende-till_person = Till { $namn }
arende-annan_enhet = Ärendet tillhör en annan enhet.
arende-annan_enhet_skal = Du öppnade det med skälet: { $skal }. Din åtkomst är loggad.
arende-ingen_tilldelad = Ingen tilldelad
arende-ansokta = Ansökta insatser
arende-steg = Vad du kan göra nu
arende-inga_steg = Inga steg är öppna i ärendet just nu.
arende-vantar = Det ärendet väntar på
arende-vantar_enskilde = väntar på den enskilde
arende-avslut_hinder = Ärendet kan inte avslutas än.
arende-forsenad = försenad
arende-dialog = Dialog med den enskilde
arende-kompletteringar = Begärda kompletteringar
arende-moten = Önskade möten
arende-bokat = bokat
arende-ska_bokas = ska bokas
arende-meddelanden = Meddelanden
arende-obesvarat = obesvarat, svar utlovat senast { $datum }
arende-beslut = Beslut
arende-plan = Genomförandeplan
arende-dokument = Dokument
arende-ingen_journal = Inga journalanteckningar i ärendet.
arende-partsinsyn = Vad personen ser på Mina sidor
arende-partsinsyn_text = En anteckning som nämner någon annan, till exempel den som anmälde eller lämnade uppgifter, ska inte visas för personen (OSL 26 kap. 1 och 5 §§). Utan prövning visas anteckningar i en ansökan men inte i en anmälan eller information. Personen får veta att något undanhålls och hur hen kan begära att få läsa det.
arende-visas = visas för personen
arende-undanhalls = undanhålls
arende-utan_provning = utan prövning
arende-undanhall = Undanhåll, nämner tredje person
arende-visa = Visa för personen
arende-handelser = Händelser
arende-historik_nyast = Hela historiken, den senaste händelsen först
arende-historik_aldst = Hela historiken, den äldsta händelsen först
arende-visa_aldst_forst = Visa den äldsta händelsen först
arende-visa_nyast_forst = Visa den senaste händelsen först
arende-till_anteckningen = Läs anteckningen i journalen
arende-kort_personen = Personen
arende-kort_skyddad = skyddade personuppgifter
arende-kort_borjan = Så började ärendet
arende-kort_senast = Senast
arende-kort_nasta_rubrik = Nästa
arende-kort_nasta = { $vad } senast { $datum }
arende-kort_enskilde = Väntar på den enskilde
arende-kort_komplettering = Begärd komplettering senast { $datum }
arende-kort_kommunicering = Svar på kommunicering senast { $datum }
arende-kort_beslut = Beslut som gäller

## sida: lists shown a page at a time, newest first (the case's history also oldest first)
sida-visa_aldre_journal = Visa äldre journalanteckningar
sida-aldre_journal = Du ser äldre journalanteckningar.
sida-senaste_journal = Visa de senaste anteckningarna
sida-inga_aldre_journal = Det finns inga äldre journalanteckningar.
sida-visa_aldre_handelser = Visa äldre händelser
sida-aldre_handelser = Du ser äldre händelser.
sida-senaste_handelser = Visa de senaste händelserna
sida-inga_aldre_handelser = Det finns inga äldre händelser.
sida-visa_senare_handelser = Visa senare händelser
sida-senare_handelser = Du ser senare händelser.
sida-forsta_handelser = Visa de första händelserna
sida-inga_senare_handelser = Det finns inga senare händelser.

## steg
steg-tillbaka = Tillbaka till { $vart }
steg-flikar = Vad har kommit in?

## falt
falt-felrubrik = Uppgifterna behöver rättas
falt-kravs = måste fyllas i
falt-inget_valt = Inget valt

## logga_in
logga_in-titel = Logga in
logga_in-oidc = Logga in med kommunens inloggning
logga_in-lokalt = Eller logga in med lokalt konto
logga_in-anvandarnamn = Användarnamn
logga_in-losenord = Lösenord
logga_in-kommun = Kommun
logga_in-valj_kommun = Välj kommun

## logga_in_kod
logga_in_kod-titel = Skriv koden
logga_in_kod-rubrik = Skriv koden från din app
logga_in_kod-kod = Kod (sex siffror)
logga_in_kod-hjalp = Öppna appen för tvåstegsverifiering på din telefon och skriv koden som visas för Lots.
logga_in_kod-borja_om = Börja om med användarnamn och lösenord

## losenord
losenord-bytt = Lösenordet är bytt. Du har loggats ut på alla andra datorer.
losenord-nuvarande = Nuvarande lösenord
losenord-nytt = Nytt lösenord
losenord-nytt_hjalp = Minst { $min } och högst { $max } tecken. Det behöver inte ha siffror eller specialtecken: några ord i en följd som bara du vet är ett bra lösenord. Vanliga lösenord och ditt användarnamn går inte att använda.
losenord-nytt_igen = Nytt lösenord igen

## tvastegsverifiering
tvasteg-pa = Tvåstegsverifiering är påslagen för ditt konto. Vid varje inloggning skriver du koden från appen efter lösenordet.
tvasteg-tappat = Har du bytt eller tappat telefonen? Kontakta systemförvaltaren, som kan stänga av tvåstegsverifieringen så att du kan lägga in den på nytt.
tvasteg-kravs = Lots kräver ett andra steg vid inloggning. Lägg in Lots i en app för tvåstegsverifiering (till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP) innan du fortsätter.
tvasteg-felrubrik = Koden behöver rättas
tvasteg-skanna = Skanna QR-koden med appen, eller skriv in nyckeln för hand.
tvasteg-nyckel = Nyckel:
tvasteg-kontotyp = Kontotyp: tidsbaserad. Mellanrummen i nyckeln spelar ingen roll.
tvasteg-lank = Länk för appar som tar emot en länk
tvasteg-kod = Skriv koden som appen visar (sex siffror)
tvasteg-sla_pa = Slå på tvåstegsverifiering

## aktivera
aktivera-titel = Aktivera ditt konto
aktivera-ogiltig = Länken fungerar inte. Den kan redan vara använd eller för gammal. Be systemförvaltaren om en ny länk.
aktivera-vantar = Ditt lösenord är sparat. Du kan logga in när en andra person har godkänt din behörighet. Systemförvaltaren berättar när det är klart.
aktivera-till_inloggning = Till inloggningen
aktivera-ingress = Välj ett lösenord för kontot { $konto }. Bara du ska känna till det.
aktivera-nytt_hjalp = Minst { $min } och högst { $max } tecken. Några ord i en följd som bara du vet är ett bra lösenord. Vanliga lösenord och ditt användarnamn går inte att använda.
aktivera-spara = Spara lösenordet

## aktiveringslank
aktiveringslank-titel = Aktiveringslänk
aktiveringslank-rubrik = Aktiveringslänk för { $namn }
aktiveringslank-ge =
    Ge länken till { $namn } ({ $konto }) på ett säkert sätt, till exempel personligen. Den visas bara den här gången, fungerar en gång och i { $antal ->
        [one] { $antal } timme.
       *[other] { $antal } timmar.
    }
aktiveringslank-lank = Länk (lägg till Lots adress först):
aktiveringslank-sjalv = Med länken väljer användaren själv sitt lösenord och ställer sedan in tvåstegsverifiering. Du ser aldrig lösenordet.
aktiveringslank-vantar = Kontot är stängt tills en annan person har godkänt behörigheten: en annan systemförvaltare eller en arbetsledare på enheten. Se
aktiveringslank-stangt = Kontot är stängt. Om en behörighet väntar på godkännande syns den under
aktiveringslank-tillbaka = Tillbaka till användare och enheter

## admin
admin-ingress = Här lägger du upp konton och enheter och ger behörigheter. Varje ändring sparas i granskningsloggen.
admin-nytt_konto = Nytt konto
admin-ny_enhet = Ny enhet
admin-namnd = Nämndens uppgifter för breven
admin-namnd_text = : postadress, telefon, e-post, förvaltningsrätt och diarieprefix.
admin-riksnorm = Riksnormen för försörjningsstöd
admin-riksnorm_text = : beloppen per år, och nästa års tabell när regeringen har beslutat den.
admin-fyra_ogon = Ett nytt konto får en aktiveringslänk som användaren själv väljer lösenord med. En roll eller rätten att se skyddade personer gäller först när en annan systemförvaltare eller en arbetsledare på enheten har godkänt den:
admin-konton = Konton
admin-konton_tabell = Konton, tabell som kan rullas i sidled
admin-antal_konton =
    { $antal ->
        [one] { $antal } konto
       *[other] { $antal } konton
    }
admin-roll = Roll
admin-skyddade = Skyddade personer
admin-far_se = Får se
admin-aktivt = Aktivt
admin-stangt = Stängt
admin-ny_lank = Ny länk för { $konto }
admin-enheter = Enheter
admin-utforare = utförare
admin-tar_emot = tar emot ansökningar från Mina sidor

## behorigheter
behorigheter-ingress = En roll eller rätten att se personer med skyddade personuppgifter gäller först när en andra person har godkänt den: en annan systemförvaltare eller en arbetsledare på enheten. Den som begärde kan inte godkänna, och ingen godkänner för sig själv.
behorigheter-inga = Inga behörigheter väntar.
behorigheter-tabell = Behörigheter som väntar, tabell som kan rullas i sidled
behorigheter-antal = { $antal } väntar
behorigheter-konto = Konto
behorigheter-begard_av = Begärd av
behorigheter-godkann_for = Godkänn för { $konto }
behorigheter-nagon_annan = Någon annan godkänner

## delegation
delegation-ingress = Nämndens beslut om vem som får fatta vilka beslut. Varje ändring blir en ny version. Gamla versioner finns kvar, och varje beslut visar vilken version och punkt det fattades enligt.
delegation-version = Version { $version }, gäller från { $datum }
delegation-galler_nu = gäller nu
delegation-punkt = Punkt
delegation-beskrivning = Beskrivning
delegation-insatser = Insatser
delegation-utfall = Utfall
delegation-far_besluta = Får besluta
delegation-ny_version = Ny version
delegation-sparades_inte = Versionen sparades inte
delegation-giltig_fran = Gäller från
delegation-hjalp = Töm fältet Punkt för att ta bort en punkt. Inga kryss för insatser eller utfall betyder alla.
delegation-ny_punkt = Ny punkt
delegation-punkt_nr = Punkt { $punkt }
delegation-spara = Spara ny version

## namnd
sammanfattning-titel = Sammanfattning { $beteckning }
sammanfattning-tillbaka = Tillbaka till ärendet
sammanfattning-rubrik = Sammanfattning för den som tar över
sammanfattning-ingress = { $person }, ärende { $beteckning }. Allt här kommer från ärendet: det som redan är godtaget och bedömt ska inte begäras eller bedömas igen utan ett skriftligt skäl.
sammanfattning-arendet = Ärendet
sammanfattning-hushallet = Hushållet
sammanfattning-senaste = Senast beräknade månad
arende-sakerhet = Säkerhet
arende-sakerhet_skyddad = Personen har skyddade personuppgifter. Lämna aldrig ut adress eller andra uppgifter som kan röja var personen bor.
arende-sakerhet_anmalan = En anmälan kom in { $datum } och är inte förhandsbedömd. Vad den säger står under Så började ärendet.
arende-sakerhet_text = Screeningen för våld i nära relation var positiv ({ $datum }). Den visas aldrig på Mina sidor. Tänk på det i brev, vid gemensamma möten och när någon annan har fullmakt.
arende-sakerhet_skyddad_gemensam = Sökande har skyddade personuppgifter och ansöker gemensamt med en medsökande, som ser månadernas ansökan, beräkning och beslut på Mina sidor. Skriv inget i beräkningen, beslutet eller utbetalningen som kan röja var sökande bor, till exempel adress eller hyresvärd. Sökandes egna texter och bilagornas namn visas inte för den medsökande.
arende-sakerhet_medsokande_skyddad = Medsökande har skyddade personuppgifter. Sökande ser den gemensamma ansökan på Mina sidor: skriv inget i beräkningen, beslutet eller utbetalningen som kan röja var den medsökande bor. Den medsökandes egna kommentarer visas inte för sökande.
sammanfattning-manader = Beräknade månader
sammanfattning-utredning = Utredningen per livsområde
sammanfattning-plan = Planen mot egen försörjning
sammanfattning-frister = Frister och bevakningar
sammanfattning-inga_frister = Inga bevakningar.
sammanfattning-passerad = (passerad)
sammanfattning-enskild = Väntar på den enskilde
sammanfattning-oss = Väntar på oss
sammanfattning-inget = Inget.
sammanfattning-beslut = Beslut och överenskomna mål
sammanfattning-inga_beslut = Inga beslut ännu.
sammanfattning-lank = Sammanfattning för den som tar över
meny-utbetalningar = Utbetalningar
utbetalningar-titel = Utbetalningar av försörjningsstöd
utbetalningar-ingress = Enhetens planerade utbetalningar som inte har skickats. En manuell utbetalning och en utbetalning över kommunens gräns ska attesteras av någon annan än den som registrerade den. Hämta betalfilen, lämna den till banken och registrera sedan att utbetalningarna har skickats. Den enskilde ser dagen på Mina sidor och får veta om en utbetalning är sen.
utbetalningar-attest = Väntar på attest
utbetalningar-klara = Klara att skicka
utbetalningar-inga = Inga.
utbetalningar-kol_dag = Utbetalningsdag
utbetalningar-kol_person = Person
utbetalningar-kol_till = Till
utbetalningar-kol_belopp = Belopp
utbetalningar-kol_manad = Månad
utbetalningar-sen = (sen)
utbetalningar-summa = Sammanlagt { $summa }
utbetalningar-hamta = Hämta betalfil (ISO 20022 pain.001)
utbetalningar-inget_konto = Kommunens bankgiro för utbetalningar är inte inställt, så ingen betalfil kan skapas. Be systemförvaltaren ställa in det.
utbetalningar-datum = Dagen betalfilen lämnades till banken
utbetalningar-registrera = Registrera att utbetalningarna i listan har skickats
riksnorm-titel = Riksnormen
riksnorm-hyra = Kommunens riktvärden för hyra
riksnorm-hyra_text = Högsta hyra per månad som godtas utan särskild bedömning, efter hur många som ingår i ansökan. En högre hyra godkänns bara med handläggarens skriftliga bedömning. Ändringen loggas.
riksnorm-hyra_spara = Spara riktvärdena
riksnorm-attest = Attest av utbetalningar
riksnorm-attest_falt = Gräns för attest, kronor
riksnorm-attest_text = En utbetalning över gränsen, och varje manuell utbetalning, ska attesteras av någon annan än den som registrerade den innan den skickas. Gäller utbetalningar som planeras efter ändringen. Ändringen loggas.
riksnorm-attest_spara = Spara gränsen
riksnorm-ingress = Försörjningsstöd räknas med riksnormen för det år månaden gäller (12 kap. 7 § socialtjänstlagen, 12 kap. 2–3 §§ socialtjänstförordningen). Lots har med sig de år som var kända när versionen släpptes. När regeringen har beslutat nästa års belopp lägger du till dem här, utan att vänta på en ny version av Lots. Du ser vad som ändras innan du sparar, och ändringen loggas.
riksnorm-ar = År som Lots räknar med
riksnorm-ar_antal =
    { $antal ->
        [one] { $antal } år
       *[other] { $antal } år, det senaste först
    }
riksnorm-kol_ar = År
riksnorm-kol_ensam = Ensamstående vuxen
riksnorm-kol_sambo = Två vuxna
riksnorm-kol_kalla = Källa
riksnorm-ny = Lägg till ett år
riksnorm-ny_text = Formuläret är ifyllt med det senaste årets belopp. Skriv in de nya beloppen och granska ändringarna innan du sparar.
riksnorm-forhandsgranska = Granska ändringarna
riksnorm-spara = Spara riksnormen för { $ar }
riksnorm-andringar = Det här ändras för { $ar }
riksnorm-andringar_jamfort = Jämfört med { $fore }.
riksnorm-andringar_forsta = Det finns inget tidigare år att jämföra med.
riksnorm-kol_post = Belopp
riksnorm-kol_fore = Före
riksnorm-kol_efter = Efter
riksnorm-kol_skillnad = Skillnad
riksnorm-kronor = { $belopp } kr
namnd-titel = Nämndens uppgifter
namnd-ingress = Uppgifterna skrivs i varje beslut, kommuniceringsbrev och kontrollmeddelande. Den enskilde ska kunna se vart ett överklagande ska skickas, vilken förvaltningsrätt som prövar det och hur hen når nämnden (33 § förvaltningslagen). Lots skapar inga brev innan postadress, telefonnummer och förvaltningsrätt är ifyllda.
namnd-galler = Gäller nu: version { $version }. När du sparar blir det en ny version; de gamla sparas, och varje brev visar vilken version det skrevs med. Ändringen loggas.
namnd-saknas = Uppgifterna saknas.
namnd-saknas_text = Inga brev kan skapas förrän du har fyllt i dem.
namnd-tidigare = Tidigare versioner
namnd-antal =
    { $antal ->
        [one] { $antal } version
       *[other] { $antal } versioner, den nyaste först
    }
namnd-version = Version
namnd-sparad = Sparad
namnd-av = Av
namnd-namnd = Nämnd
namnd-postadress = Postadress
namnd-telefon = Telefon
namnd-epost = E-post
namnd-forvaltningsratt = Förvaltningsrätt
namnd-diarieprefix = Diarieprefix

## loggkontroll
loggkontroll-ingress = Granska vem som har tagit del av uppgifter i Lots. Varje granskning du gör sparas också i loggen.
loggkontroll-visa = Visa
loggkontroll-csv = Ladda ner som CSV
loggkontroll-inga = Inga poster i loggen matchar.
loggkontroll-begransat =
    { $antal ->
        [one] Här visas den senaste posten.
       *[other] Här visas de { $antal } senaste posterna.
    } Ladda ner CSV-filen för att få alla.
loggkontroll-tabell = Loggposter, tabell som kan rullas i sidled
loggkontroll-antal =
    { $antal ->
        [one] { $antal } post
       *[other] { $antal } poster, nyast först
    }
loggkontroll-tid = Tid
loggkontroll-anvandare = Användare
loggkontroll-atgard = Åtgärd
loggkontroll-arende = Ärende
loggkontroll-skal = Skäl
loggkontroll-flaggor = Flaggor

## uppdrag
uppdrag-rubrik = Uppdrag till din enhet
uppdrag-ingress = Här ser du de insatser som nämnden har beställt av din enhet. Du ser vad uppdraget innehåller, inte resten av ärendet.
uppdrag-inga = Inga uppdrag är beställda av din enhet.
uppdrag-antal = Uppdrag ({ $antal })
uppdrag-bestallt = Beställt
uppdrag-insats = Insats
uppdrag-upprattad = Upprättad { $datum }
uppdrag-saknas = Saknas – skriv den med personen

## uppdrag_plan
uppdrag_plan-tillbaka = Tillbaka till uppdraget
uppdrag_plan-ingress = Gör planen tillsammans med den enskilde, utifrån nämndens beställning. Den enskilde ser planen på Mina sidor och handläggaren i ärendet. En ny version ersätter planen; alla versioner sparas i ärendet.
uppdrag_plan-nuvarande = Nuvarande plan
uppdrag_plan-ingen = Ingen genomförandeplan är skriven än.
uppdrag_plan-skriv = Skriv planen
uppdrag_plan-ny_version = Skriv en ny version
uppdrag_plan-spara = Spara planen

## uppdrag_visa
uppdrag_visa-alla = Alla uppdrag
uppdrag_visa-ingen = Ingen genomförandeplan är skriven än. Gör den tillsammans med den enskilde.
uppdrag_visa-skriv = Skriv genomförandeplan
uppdrag_visa-andra = Ändra genomförandeplanen

## rapporter
rapporter-ingress = Rapporter som nämnden lämnar enligt lag. Varje rapport kan laddas ner som CSV-fil för Excel.
rapporter-ivo = Ej verkställda beslut till IVO och revisorerna
rapporter-ivo_text = per kvartal, avidentifierad (SoL 34 kap. 1–2 §§). Senast avslutade kvartal är { $kvartal }.
rapporter-kf = Statistik över ej verkställda beslut till kommunfullmäktige
rapporter-kf_text = per kvartal (SoL 34 kap. 3 §).
rapporter-delegation = Delegationsbeslut
rapporter-delegation_text = beslut fattade på delegation under en period, för anmälan till nämnden.
rapporter-eb = Ekonomiskt bistånd till Socialstyrelsen
rapporter-eb_text = per månad, med kontroll av vad som saknas innan filen kan skickas (HSLF-FS 2015:30). Ska lämnas senast den 15:e månaden efter.

## rapport_kvartal
rapport_kvartal-valj = Välj kvartal
rapport_kvartal-ar = År
rapport_kvartal-kvartal = Kvartal
rapport_kvartal-kvartal_nr = Kvartal { $nr }
rapport_kvartal-visa = Visa rapporten

## rapport_delegation (and shared report texts: rapport-…)
rapport_delegation-titel = Delegationsbeslut { $fran } – { $till }
rapport-alla = Alla rapporter
rapport_delegation-ingress = Beslut som fattats med stöd av nämndens delegationsordning och som anmäls till nämnden. Listan innehåller inga namn på enskilda; ärendet anges med sitt id.
rapport_delegation-period = Välj period
rapport_delegation-fran = Från och med
rapport_delegation-till = Till och med
rapport_delegation-visa = Visa listan
rapport-pdf = Ladda ner som PDF
rapport_delegation-inga = Inga beslut fattades under perioden.
rapport_delegation-tabell = Delegationsbeslut { $fran } – { $till } ({ $antal } beslut)
rapport-beslutsdatum = Beslutsdatum
rapport-lagrum = Lagrum
rapport_delegation-beslutsfattare = Beslutsfattare
rapport_delegation-version = version { $version }
rapport_delegation-visar = Här visas beslut { $forsta }–{ $sista } av { $antal }. Hela perioden finns i filerna.
rapport_delegation-sidor = Sidor i listan
rapport_delegation-forsta = Första sidan
rapport_delegation-nasta = Nästa sida
rapport-annan_enhet = Annan enhet

## rapport_ivo
rapport_ivo-titel = Ej verkställda beslut, { $kvartal }
rapport_ivo-ingress = Rapport till Inspektionen för vård och omsorg (IVO) och kommunens revisorer enligt 34 kap. 1–2 §§ socialtjänstlagen (2025:400): gynnande beslut om bistånd enligt 11 kap. 1 § eller 12 kap. 1 § som inte verkställts inom tre månader, { $fran } – { $till }.
rapport_ivo-avidentifierad = Rapporten är avidentifierad: personen anges med kön, födelseår och ett id med födelsedatum och löpnummer (ÅÅÅÅMMDD-Tnnn) som bara gäller i den här rapporten. Saknas skäl till dröjsmålet fyller handläggaren i det i ärendet innan rapporten skickas. Kolumnen Ärende finns bara på den här sidan, inte i filen som skickas.
rapport_ivo-inga = Inga beslut.
rapport-rulla = { $tabell }, tabell som kan rullas i sidled
rapport_ivo-id = Id
rapport_ivo-kon = Kön
rapport_ivo-fodelsear = Födelseår
rapport_ivo-avbrott = Avbrott från
rapport_ivo-tre_manader = Tre månader gick ut
rapport_ivo-vantetid = Väntetid (dagar)
rapport_ivo-skal = Skäl till dröjsmålet
rapport_ivo-verkstallt = Verkställt
rapport_ivo-upphort = Upphört
rapport_ivo-forst = Först rapporterat
rapport_ivo-skal_saknas = Skäl saknas
rapport_ivo-oppna = Öppna
rapport_ivo-arendet_for = ärendet för { $id }

## rapport_kf
rapport_kf-titel = Statistik över ej verkställda beslut, { $kvartal }
rapport_kf-ingress = Rapport till kommunfullmäktige enligt 34 kap. 3 § socialtjänstlagen (2025:400): gynnande beslut om bistånd enligt 11 kap. 1 § eller 12 kap. 1 § som inte verkställts inom tre månader och som fortfarande inte var verkställda vid kvartalets slut, { $datum }.
rapport_kf-efter_insats = Efter insats
rapport_kf-inga = Inga ej verkställda beslut.
rapport_kf-tabell_insats = Ej verkställda beslut efter insats och kön, { $kvartal }
rapport_kf-kvinnor = Kvinnor
rapport_kf-man = Män
rapport_kf-okant = Okänt kön
rapport_kf-summa = Totalt
rapport_kf-efter_tid = Efter tid sedan beslutet
rapport_kf-tid_text = Tiden räknas från beslutsdagen, och för en insats som avbrutits från dagen för avbrottet, till kvartalets sista dag.
rapport_kf-tabell_tid = Ej verkställda beslut efter tid sedan beslutet och kön, { $kvartal }
rapport_kf-tid = Tid sedan beslutet
rapport_kf-totalt =
    ej verkställda beslut den { $datum }: { $kvinnor ->
        [one] { $kvinnor } kvinna
       *[other] { $kvinnor } kvinnor
    }, { $man ->
        [one] { $man } man
       *[other] { $man } män
    }{ $okant ->
        [0] {""}
       *[other] {" "}och { $okant } med okänt kön
    }. Av dem gäller { $avbrott ->
        [one] { $avbrott } insats
       *[other] { $avbrott } insatser
    } som avbrutits och inte återupptagits.

## rapport_eb
rapport_eb-titel = Ekonomiskt bistånd till Socialstyrelsen, { $manad }
rapport_eb-ingress = Månadsstatistik enligt Socialstyrelsens föreskrifter (HSLF-FS 2015:30) 3–4 §§: utbetalt ekonomiskt bistånd per hushåll, försörjningshinder för varje vuxen och varför biståndet upphörde, för den månad biståndet avser. Filen har en rad per vuxen i varje hushåll och innehåller personnummer.
rapport_eb-valj = Välj månad
rapport_eb-manad = Månad (ÅÅÅÅ-MM)
rapport_eb-visa = Visa statistiken
rapport_eb-sista_dag = Ska lämnas till Socialstyrelsen senast { $datum }.
rapport_eb-forsenad = Sista dagen har passerat.
rapport_eb-kontroll = Kontroll före leverans
rapport_eb-klar = Inget saknas. Filen kan hämtas och skickas.
rapport_eb-saknas = Det här måste åtgärdas innan filen kan hämtas:
rapport_eb-oppna = Öppna ärendet
rapport_eb-fil = Hämta filen till Socialstyrelsen
rapport_eb-manaden = Månaden i siffror
rapport_eb-hushall = Hushåll
rapport_eb-vuxna = Vuxna
rapport_eb-barn = Barn
rapport_eb-personer = Personer
rapport_eb-utbetalt = Utbetalt
rapport_eb-utan_hinder = Vuxna utan försörjningshinder
rapport_eb-avslutade = Hushåll där biståndet upphörde
rapport_eb-hinder = Vuxna efter försörjningshinder, { $manad }
rapport_eb-hinder_antal = Antal vuxna
rapport_eb-hinder_grupp = Försörjningshinder
rapport_eb-kol_manad = Månad
rapport_eb-tolv = De senaste tolv månaderna
rapport_eb-tabell_tolv = Ekonomiskt bistånd per månad, { $fran } – { $till }
rapport_eb-diagram_hushall = Hushåll per månad
rapport_eb-diagram_belopp = Utbetalt per månad
rapport_eb-diagram_text = Diagrammet visar samma siffror som tabellen.

## Det du skrev finns kvar när inloggningen gått ut
sparat-logga_in = Du hann bli utloggad, men det du skrev är sparat. Logga in igen så kommer du tillbaka till det.
sparat-titel = Sparade formulär och utkast
sparat-utloggad = Det du skrev innan du blev utloggad
sparat-ingress = Inloggningen gick ut medan du skrev. Formuläret sparades åt dig och finns här i några timmar. När du fortsätter kommer formuläret tillbaka ifyllt: kontrollera det och spara.
sparat-skickat = Skickat { $nar }
sparat-fortsatt = Fortsätt med formuläret
sparat-kopiera = Det här formuläret kan inte fyllas i av sig självt. Kopiera texten och fyll i formuläret igen.
sparat-start = Till startsidan
sparat-aterstallt = Det du skrev innan du blev utloggad är tillbaka. Kontrollera det och spara.
sparat-ta_bort = Ta bort
sparat-borttaget = Det sparade formuläret är borttaget.

## Utkast: en lång text sparad för att skrivas klart senare
meny-utkast = Mina utkast
utkast-spara = Spara utkast
utkast-hjalp = Spara utkast sparar det du har skrivit utan att något händer i ärendet. Bara du kan se utkastet, och det tas bort efter 30 dagar.
utkast-finns = Du har ett utkast sparat { $tid }
utkast-aterstall = Återställ utkastet
utkast-ta_bort = Ta bort utkastet
utkast-sparat = Utkastet är sparat { $tid }. Bara du kan se det. Det finns kvar till { $datum } om du inte sparar det igen.
utkast-aterstallt = Utkastet från { $tid } är återställt. Skriv klart och spara: då tas utkastet bort.
utkast-saknas = Utkastet finns inte längre. Det kan ha tagits bort eller blivit för gammalt.
utkast-borttaget = Utkastet är borttaget.
utkast-for_stort = Utkastet är för stort för att sparas. Korta texten, eller spara steget.
utkast-for_manga = Du har redan { $antal } sparade utkast. Ta bort några under Mina utkast och försök igen.
utkast-rubrik = Dina utkast
utkast-ingress = Texter du har sparat som utkast i ett steg. Bara du kan se dem. Ett utkast tas bort när du sparar steget från det, och av sig självt 30 dagar efter att du sparade det senast.
utkast-inga = Du har inga sparade utkast.
utkast-kort = { $steg }: { $vem }
utkast-okant_arende = ett ärende du inte kan öppna nu
utkast-sparat_nar = Sparat { $tid }. Tas bort { $datum }.
utkast-oppna = Öppna utkastet

## Varning innan inloggningen går ut (static/session.js)
session-varning_rubrik = Du loggas snart ut
session-varning_text = Du har inte sparat eller bytt sida på en stund, så du loggas ut kl. { $tid }. Det du har skrivit finns kvar. Vill du fortsätta vara inloggad?
session-slut_rubrik = Inloggningen kan inte förlängas mer
session-slut_text = Du har varit inloggad länge och loggas ut kl. { $tid }. Spara det du skriver. Det du sparar efter det kommer tillbaka när du har loggat in igen.
session-ute_rubrik = Du har loggats ut
session-ute_text = Det du har skrivit finns kvar på sidan. När du sparar får du logga in igen, och sedan kommer det du skrev tillbaka.
session-forlang = Fortsätt vara inloggad
session-stang = Stäng

## Akten på papper
person-skriv_ut = Skriv ut som PDF, för utlämnande eller SIP:
person-skriv_ut_alla = hela akten
person-skriv_ut_journal = journalen
person-skriv_ut_beslut = besluten
person-skriv_ut_utredning = utredningen
person-registerutdrag = Registerutdrag (PDF)
person-registerutdrag_forklaring = när personen begär ut alla sina personuppgifter. Utdraget tar med alla kommunens ärenden och markerar det som ska prövas innan det skickas.
person-registerutdrag_rubrik = Registerutdrag
person-inga_begaranden = Personen har inte begärt något registerutdrag.
person-begaran_kom_in = Begäran kom in
person-begaran_forsenad = Försenad:
person-begaran_senast = Ska besvaras senast
person-begaran_ansvarig = Ansvarig:
person-begaran_besvara = Besvara
person-begaran_forlang = Förläng tiden
person-begaran_ta_over = Ta över
person-begaran_fran = begäran från { $dag }
person-begaran_ny = Registrera en begäran om registerutdrag

## The arbetsledare's overview of the enhet (issue 20 item 7)
meny-enhet = Min enhet
enhet-rubrik = Översikt: { $enhet }
enhet-ingress = Enhetens öppna ärenden, fristerna och väntetiderna som de ser ut i dag, { $idag }. Klicka på en siffra för att se ärendena.
enhet-per_handlaggare = Ärenden per handläggare
enhet-per_handlaggare_text = Öppna ärenden är ärenden som inte är avslutade. Passerade bevakningar räknar ärenden där en bevakning har ett datum före i dag. Ej verkställda räknar beviljade beslut som ännu inte har börjat verkställas, eller som har avbrutits och inte återupptagits; datumet är den dag det äldsta av dem beslutades eller avbröts.
enhet-handlaggare = Handläggare
enhet-oppna = Öppna ärenden
enhet-sena = Med passerad bevakning
enhet-ej_verkstallda = Ej verkställda beslut
enhet-aldsta = Väntar sedan (äldsta)
enhet-utan_handlaggare = Utan handläggare
enhet-lank_oppna = { $antal } öppna ärenden, { $namn }
enhet-lank_sena = { $antal } ärenden med passerad bevakning, { $namn }
enhet-lank_ej_verkstallda = { $antal } ej verkställda beslut, { $namn }
enhet-tider = Handläggningstider
enhet-tider_beslut = Från att ärendet kom in till beslut, för beslut de senaste { $dagar } dagarna (omprövningar räknas inte, ett beslutstillfälle per ärende och dag)
enhet-tider_ansokningar = Öppna ansökningar som ännu inte har beslut: hur länge de har väntat i dag, räknat från att de kom in
enhet-spridning = { $antal } beslut. Median { $median } dagar, längst { $langst } dagar.
enhet-spridning_idag = { $antal } ansökningar. Median { $median } dagar, längst { $langst } dagar.
enhet-inga_beslut = Inga beslut under perioden.
enhet-inga_ansokningar = Inga öppna ansökningar utan beslut.
enhet-kvartal = Ej verkställda beslut i { $kvartal } hittills ({ $antal })
enhet-kvartal_text = Beslut som inte verkställts inom tre månader och som har väntat någon gång under kvartalet, enligt samma regel som rapporten till IVO (SoL 34 kap. 1 §), men räknat till och med i dag. Rapporten lämnas när kvartalet är slut.
enhet-kvartal_inga = Inga beslut har väntat längre än tre månader under kvartalet hittills.
enhet-arende = Ärende
enhet-vantar_sedan = Väntar sedan
enhet-lista_oppna = Öppna ärenden
enhet-lista_sena = Ärenden med passerad bevakning
enhet-lista_ej_verkstallda = Ärenden med ej verkställda beslut
enhet-lista_tom = Inga ärenden.
enhet-avkortad = Listan visar de 500 äldsta ärendena.
enhet-valj = Välj
enhet-valj_arende = Välj ärende { $arende }
enhet-person = Person
enhet-status = Status
enhet-nasta = Nästa frist
enhet-passerad = passerad
enhet-flytta_till = Ny handläggare
enhet-valj_handlaggare = Välj handläggare
enhet-flytta_valda = Flytta valda ärenden
enhet-overlamning = Lämna över alla öppna ärenden
enhet-overlamning_text = Till exempel inför semestern: alla öppna ärenden som en handläggare har flyttas till en annan handläggare vid enheten. Varje ärende får en egen händelse i sin tidslinje.
enhet-fran = Från handläggare
enhet-flytta_alla = Flytta alla öppna ärenden
enhet-utfall = Resultat av flytten
enhet-utfall_flyttat = Flyttat:
enhet-utfall_nekat = Inte flyttat:
enhet-flyttat = ärendet har nu { $namn } som handläggare.
enhet-nekad_annan_enhet = ärendet hör inte till din enhet och har inte flyttats.
enhet-nekad_saknas = det finns inget sådant ärende.
enhet-inget_flyttat = Inget ärende flyttades
enhet-fel_mottagare = Välj en aktiv handläggare eller arbetsledare vid din enhet som ny handläggare.
enhet-fel_inga = Välj minst ett ärende, eller en handläggare vars ärenden ska lämnas över.
enhet-delegationsordning = Läs delegationsordningen
enhet-ersattare = Vem ersätter vem
enhet-ersattare_text = När en handläggare är borta, till exempel på semester, anger du vem som har hand om ärendena och till och med vilken dag. Den enskilde ser på Mina sidor vem som ersätter sin handläggare och till när. Ärendena byter inte handläggare.
enhet-ersattare_inga = Ingen ersätter någon just nu.
enhet-ersattare_rad = { $ersattare } ersätter { $handlaggare } till och med { $till }.
enhet-ersattare_avsluta = Avsluta ersättningen för { $handlaggare }
enhet-ersattare_borta = Handläggaren som är borta
enhet-ersattare_vem = Den som ersätter
enhet-ersattare_till = Till och med
enhet-ersattare_spara = Spara ersättningen
enhet-ersattare_fel = Ersättningen sparades inte
enhet-ersattare_fel_borta = Välj handläggaren som är borta bland enhetens handläggare.
enhet-ersattare_fel_ersattare = Välj den som ersätter bland enhetens aktiva handläggare och arbetsledare.
enhet-ersattare_fel_samma = Välj en annan person som ersättare än den som är borta.
enhet-ersattare_fel_datum = Skriv sista dagen som ÅÅÅÅ-MM-DD.
enhet-ersattare_fel_passerat = Sista dagen har redan passerat. Välj i dag eller en senare dag.
enhet-ersattare_fel_langt = Välj en sista dag inom ett år. Är handläggaren borta längre, byt handläggare i ärendena.
start-bevakningar_alla = Alla mina bevakningar och påminnelser
start-inga_bevakningar_idag = Inget är försenat och inget ska göras i dag.
start-visa_kommande = Visa också de { $antal } kommande
start-visa_idag = Visa bara det som är försenat eller ska göras i dag
start-paminnelse_klar = Klar
start-ny_paminnelse = Skriv en påminnelse till dig själv
start-paminnelse_hjalp = Bara du ser dina påminnelser. Skriv det som hör till ärendet i journalen.
start-paminnelse_datum = Dag
start-paminnelse_text = Påminnelse, till exempel ”ring Åsa fredag”
start-paminnelse_arende = Ärende (valfritt)
start-paminnelse_inget = Inget ärende
start-paminnelse_spara = Spara påminnelsen
start-filter = Välj vilka ärenden som visas
start-kol_status = Status
start-kol_insats = Insats
start-kol_frist = Nästa frist
start-kol_inkom = Inkom
start-alla = Alla
start-bara_sena = Bara ärenden med en försenad frist
start-visa = Visa
start-traffar = { $antal } av dina { $oppna } öppna ärenden visas.
start-arbetslista_tabell = Mina öppna ärenden. Välj en kolumnrubrik för att sortera efter den.
start-sidor = Sidor i listan
start-foregaende = Föregående sida
start-nasta = Nästa sida
start-sida_av = Sida { $sida } av { $sidor }
start-tathet_kompakt = Visa tätare (för breda skärmar)
start-tathet_normal = Visa med normalt avstånd

# The kommun's text blocks for motiveringar (issue 20 item 5)
meny-textblock = Textblock
meny-oppna-insatser = Öppna insatser
meny-mottagning = Mottagning
textblock-titel = Textblock för motiveringar
textblock-ingress = Kommunens färdiga formuleringar för vanliga motiveringar. Handläggaren infogar ett block i beslutets motivering eller i utredningens bedömning och skriver sedan till det som gäller just den här personen. Ett beslut ska alltid säga vilka omständigheter som avgjort i det enskilda fallet (32 § förvaltningslagen). Varje ändring sparas som en ny version och loggas.
textblock-las_bara = Arbetsledaren lägger till och ändrar blocken. Du väljer ett block i beslutsformuläret eller i formuläret för utredningens bedömning.
textblock-i_bruk = Block som används
textblock-inga = Kommunen har inga textblock ännu.
textblock-avvecklade = Avvecklade block
textblock-avvecklade_text = Avvecklade block finns kvar med alla sina versioner men visas inte i formulären.
textblock-nytt = Nytt textblock
textblock-spara_nytt = Spara textblocket
textblock-falt_titel = Rubrik
textblock-falt_titel_hjalp = Det handläggaren ser i listan, till exempel ”Avslag – inkomst över norm”.
textblock-falt_text = Text
textblock-falt_text_hjalp = Skriv så att den enskilde förstår: vilka bestämmelser som gäller och vad som brukar avgöra. Lämna det som gäller personen till handläggaren.
textblock-kalla = Version { $version }, sparad { $datum } av { $namn }
textblock-okand = okänd
textblock-tillbaka = Tillbaka till textblocken
textblock-ar_avvecklat = Blocket är avvecklat och visas inte i formulären.
textblock-avvecklat = avvecklat
textblock-texten = Text
textblock-andra = Ändra blocket
textblock-andra_text = Ändringen sparas som en ny version. Beslut och bedömningar som redan skrivits ändras inte.
textblock-spara_andring = Spara ändringen
textblock-avveckla_rubrik = Avveckla blocket
textblock-avveckla_text = Ett avvecklat block visas inte längre i formulären. Det finns kvar här och kan tas i bruk igen.
textblock-avveckla = Avveckla blocket
textblock-ta_i_bruk_rubrik = Ta i bruk igen
textblock-ta_i_bruk_text = Blocket visas då i formulären igen.
textblock-ta_i_bruk = Ta blocket i bruk igen
textblock-versioner = Versioner
steg-textblock = Textblock
steg-textblock_hjalp = Välj ett av kommunens textblock och tryck på Infoga textblocket. Texten läggs sist i fältet { $falt }, och det du redan skrivit finns kvar. Ingenting sparas förrän du sparar formuläret. Skriv sedan till det som gäller just den här personen.
steg-infoga_textblock = Infoga textblocket
steg-textblock_valj = Välj ett textblock i listan.
steg-textblock_infogat = Textblocket ”{ $titel }” är infogat sist i texten. Läs igenom det och anpassa det till personen. Ingenting är sparat ännu.
steg-textblock_for_langt = Med textblocket blir texten { $antal } tecken, och fältet rymmer högst { $max }. Korta texten först.
steg-forhandsgranska = Förhandsgranska brevet
steg-forhandsgranska_hjalp = Visar beslutsbrevet som PDF så som det blir med det du skrivit. Ingenting sparas och ingenting skickas; förhandsgranskningen är märkt så på varje sida.

## Öppna insatser (issue 17): the nämnd's catalogue of insatser without a needs assessment.
oppna-titel = Öppna insatser
oppna-ingress = Insatser som nämnden erbjuder utan individuell behovsprövning: den enskilde kan komma direkt, utan att ansöka, på de villkor nämnden har bestämt. Här finns nämndens beslut om varje insats. Varje ändring sparas som en ny version och loggas. Det som enligt 11 kap. 6 § socialtjänstlagen alltid kräver en individuell behovsprövning kan inte sparas här.
oppna-las_bara = Systemförvaltaren för in nämndens beslut om öppna insatser. Den som är utanför villkoren kan alltid ansöka om bistånd.
oppna-katalogen = Nämndens öppna insatser
oppna-inga = Nämnden har inga öppna insatser ännu.
oppna-ny = Ny öppen insats
oppna-ny_text = För in nämndens beslut om insatsen som det är fattat.
oppna-spara_ny = Spara insatsen
oppna-tillbaka = Tillbaka till öppna insatser
oppna-andra = Ny version
oppna-andra_text = När nämnden ändrar sitt beslut sparas ändringen som en ny version. Tidigare versioner finns kvar.
oppna-spara_andring = Spara den nya versionen
oppna-versioner = Versioner
oppna-galler = Gäller
oppna-galler_fran = Gäller från { $datum }
oppna-gallde_till = Gällde till { $datum }
oppna-kalla = Version { $version }, sparad { $datum } av { $namn }
oppna-alla_aldrar = Alla åldrar
oppna-alder = Ålder
oppna-alder_fran = Från { $fran } år
oppna-alder_till = Till och med { $till } år
oppna-alder_mellan = { $fran }–{ $till } år
oppna-okand_enhet = okänd enhet
oppna-avgiftsfri = Ingen avgift
oppna-avgift_kr = { $kr } kronor per tillfälle
oppna-fran_och_med = Från och med { $datum }
oppna-period = Gäller
oppna-villkor_bosatt = Den enskilde ska bo i kommunen.
oppna-inga_villkor = Inga villkor
oppna-falt_namn = Namn
oppna-falt_art = Slag av insats
oppna-falt_art_hjalp = Vård eller boende utanför hemmet, kontaktperson, ekonomiskt bistånd och vård i LVM-hem eller särskilt ungdomshem kräver alltid en individuell behovsprövning (11 kap. 6 § socialtjänstlagen) och kan inte sparas här.
oppna-falt_malgrupp = Målgrupp
oppna-falt_alder_fran = Lägsta ålder
oppna-falt_alder_till = Högsta ålder
oppna-falt_alder_hjalp = I hela år. Lämna tomt om nämnden inte har bestämt någon gräns.
oppna-falt_innehall = Innehåll
oppna-falt_omfattning = Omfattning
oppna-omfattning_tillfallen = Ett antal tillfällen
oppna-omfattning_veckor = Ett antal veckor
oppna-omfattning_lopande = Ingen gräns
oppna-falt_omfattning_antal = Antal tillfällen eller veckor
oppna-falt_omfattning_antal_hjalp = Till exempel 10. När gränsen är nådd får den enskilde välja att avsluta eller ansöka om bistånd.
oppna-falt_villkor = Villkor
oppna-falt_villkor_hjalp = Villkor för att ta del av insatsen, som den enskilde och utföraren läser dem.
oppna-falt_bosatt = Den enskilde ska bo i kommunen
oppna-falt_avgift = Avgift i kronor per tillfälle
oppna-falt_avgift_hjalp = 0 om insatsen är avgiftsfri.
oppna-falt_integritet = Dokumentation
oppna-falt_integritet_hjalp = Hur mycket som får registreras om den som använder insatsen. Minimal: bara juridiskt kön, åldersgrupp och stadsdel. Anonym: bara antal besök. Rådgivning: kontakten och ämnet, ingen person.
oppna-falt_stadsdelar = Stadsdelar
oppna-falt_stadsdelar_hjalp = En per rad. Vid minimal dokumentation registreras besöket med en av dessa stadsdelar eller ”Annan kommun”.
oppna-falt_utforare = Utförare
oppna-falt_utforare_hjalp = De av kommunens enheter som är utförare och ger insatsen.
oppna-falt_giltig_fran = Gäller från
oppna-falt_giltig_till = Gäller till och med
oppna-falt_giltig_till_hjalp = Lämna tomt om nämnden inte har bestämt något slutdatum.
oppna-fel_heltal = Skriv ett heltal, till exempel 10.
oppna-fel_art = Välj vilket slag av insats det är.
oppna-fel_integritet = Välj hur mycket som får dokumenteras.
oppna-fel_antal = Skriv hur många tillfällen eller veckor.
oppna-fel_omfattning = Välj omfattning.
oppna-fel_utforare = Välj utförare i listan.

## The utförare's desk for öppna insatser (issue 17 items 2–3).
mottagning-titel = Mottagning för öppna insatser
mottagning-ingress = Registrera ett besök eller ett grupptillfälle. Formuläret frågar bara efter det nämnden har beslutat att insatsen får dokumentera. Om personen inte uppfyller villkoren säger svaret det, och personen kan alltid ansöka om bistånd.
mottagning-inga = Din enhet ger inga öppna insatser som gäller i dag.
mottagning-idag = Registrerade i dag: { $antal }
mottagning-registrerad = Besöket är registrerat.
mottagning-utanfor = Personen uppfyller inte villkoren för insatsen
mottagning-formella_vagen = Besöket registreras inte. Berätta att personen kan ansöka om bistånd hos socialtjänsten, på Mina sidor eller genom att ringa eller skriva. Ansökan prövas individuellt.
mottagning-kon = Juridiskt kön
mottagning-aldersgrupp = Åldersgrupp
mottagning-stadsdel = Stadsdel
mottagning-antal = Antal som kom
mottagning-antal_hjalp = Vid ett grupptillfälle: hur många deltog. Inget annat registreras.
mottagning-amne = Ämne
mottagning-registrera = Registrera
mottagning-fel_falt = Fyll i alla fält.
mottagning-full_hjalp = Full dokumentation: besöket antecknas i personens journal i insatsen. Finns personen inte i Lots registreras hen med namnet du skriver.
mottagning-identitet = Personnummer eller samordningsnummer
mottagning-reservnummer = Reservnummer: personen saknar person- och samordningsnummer
mottagning-fornamn = Förnamn
mottagning-efternamn = Efternamn
mottagning-bosatt = Bor personen i kommunen?
mottagning-ja = Ja
mottagning-nej = Nej
mottagning-informerad = Jag har berättat att personen kan ansöka om bistånd
mottagning-anteckning = Anteckning
mottagning-fel_rubrik = Besöket är inte registrerat
mottagning-fel_bosatt = Svara om personen bor i kommunen.
mottagning-fel_val = Välj att avsluta eller att ansöka.
mottagning-fel_samtidigt = Någon annan registrerade samtidigt. Försök igen.
mottagning-till_ansokan = Personen vill ansöka om bistånd
mottagning-till_orosanmalan = Gör en orosanmälan
mottagning-till_uppfoljning = Uppföljning på gruppnivå
mottagning-socialtjansten = socialtjänsten
mottagning-ansokan_kvitto = Ansökan är registrerad och finns nu hos { $enhet }. En handläggare tar kontakt med personen.
mottagning-orosanmalan_kvitto = Orosanmälan är registrerad och finns nu hos { $enhet }, som gör en förhandsbedömning.
mottagning-ansokan_ingress = Personen ansöker om bistånd och ansökan prövas individuellt. Registrera bara det personen själv väljer att berätta nu. Besöken i den här insatsen kopplas inte till ansökan, och du ser inte ärendet efteråt.
mottagning-ansokan_ingress_kand = Ansökan registreras för
mottagning-oro_ingress = Alla som arbetar här ska genast anmäla till socialnämnden om de får veta något som kan innebära att ett barn far illa (19 kap. 1 § socialtjänstlagen). Det gäller också i anonyma insatser. Anmälan ska säga vem oron gäller. Den registreras med ditt namn hos den enhet som tar emot orosanmälningar och bedöms där.
mottagning-oro_ingen_enhet = Kommunen har ingen enhet som tar emot orosanmälningar. Ring socialtjänsten och kontakta din arbetsledare.
mottagning-tillbaka = Tillbaka till mottagningen
mottagning-omfattning = Omfattning använd
mottagning-forsta = Första besöket
mottagning-informerad_rubrik = Informerad om rätten att ansöka om bistånd
mottagning-informerad_ja = Ja, { $datum }
mottagning-informerad_nej = Inte ännu. Berätta att personen kan ansöka om bistånd, och kryssa i det vid nästa besök.
mottagning-val_rubrik = Val vid omfattningens gräns
mottagning-valet = Omfattningen är nådd
mottagning-valet_text = Insatsen har nått den gräns nämnden har bestämt. Personen väljer, tillsammans med er, att avsluta eller att ansöka om bistånd. En ansökan prövas individuellt.
mottagning-val_ansoka = Personen vill ansöka om bistånd
mottagning-val_avsluta = Avsluta insatsen
mottagning-nasta_sista = Nästa besök är det sista inom omfattningen.
mottagning-nasta_forbrukad = Omfattningen är använd. Fler besök kräver en ansökan om bistånd.
mottagning-nytt_besok = Registrera besök
mottagning-journal = Besök och anteckningar
mottagning-inga_besok = Inga besök ännu.
mottagning-besok_utan_anteckning = Besök.
mottagning-datum = Datum
mottagning-utforare = Utförare
uppfoljning-titel = Öppna insatser: uppföljning på gruppnivå
uppfoljning-ingress = Antal per insats, utförare och period. Här finns aldrig någon enskild person.
uppfoljning-fran = Från och med
uppfoljning-till = Till och med
uppfoljning-visa = Visa
uppfoljning-csv = Hämta som CSV
uppfoljning-pdf = Hämta som PDF
uppfoljning-inga = Inga besök under perioden.

## Utförare as organisations, delivery, invoices and reconciliation (issue 17 items 5–6)
meny-utforare = Utförare och avtal
meny-fakturor = Fakturor
meny-avvikelser = Fakturaavvikelser
utf-titel = Utförare och avtal
utf-ingress = Kommunens utförare i egen regi, i valfrihetssystem (LOV) och upphandlade (LOU), med deras avtal. Beställningar går till utförarens enheter genom uppdragen, och utföraren ser bara det som beställts av den.
utf-las_bara = Arbetsledaren lägger till utförare, avtal och enheter.
utf-inga = Kommunen har inga utförare registrerade ännu.
utf-lista = Kommunens utförare
utf-namn = Namn
utf-orgnr = Organisationsnummer
utf-regiform = Regiform
utf-ickeval = Ickevalsalternativ
utf-ja = Ja
utf-nej = Nej
utf-ny = Ny utförare
utf-spara = Spara utföraren
utf-alla = Alla utförare
utf-enheter = Utförarens enheter
utf-inga_enheter = Ingen enhet hör till utföraren ännu. Utan enhet kan ingen beställning gå till utföraren.
utf-koppla = Lägg enheten under utföraren
utf-avtal = Avtal
utf-inga_avtal = Utföraren har inga avtal.
utf-period = Period
utf-insatser = Insats
utf-pris = Pris
utf-tak = Tak
utf-nytt_avtal = Nytt avtal
utf-spara_avtal = Spara avtalet
utf-avstamning_manad = Månad (ÅÅÅÅ-MM)
utf-avstamning_visa = Visa månaden
utf-slut = Sista dag för beställningar
utf-upphort = upphört
utf-att_flytta = Pågående beställningar att flytta
utf-att_flytta_ingress = Utföraren tar inte emot nya beställningar för de här insatserna. Beställaren flyttar en beställning genom att beställa insatsen på nytt från en annan utförare i ärendet.
utf-varfor = Varför
utf-avsluta = Avsluta utföraren
utf-avsluta_knapp = Avsluta utföraren
utf-versioner = Tidigare versioner
utf-inga_versioner = Avtalet har inte ändrats.
utf-version = Version
utf-sparad = Sparad
utf-andra_avtal = Ändra avtalets villkor
utf-spara_andring = Spara ändringen
utf-avsluta_avtal = Avsluta avtalet
utf-avsluta_avtal_knapp = Avsluta avtalet
avst-titel = Avstämning: { $utforare }, { $manad }
avst-ingress = Varje fakturarad prövas mot beställningen, den rapporterade leveransen, beslutets period och avtalet innan fakturan betalas. Avvikelserna visas också för beställaren under Fakturaavvikelser. Raderna numreras i den ordning de visas här.
avst-csv = Hämta avstämningen som CSV
avst-antal_avvikelser = { $antal ->
    [one] { $antal } avvikelse
   *[other] { $antal } avvikelser
}
avst-ovriga = Avvikelser för månaden
avst-faktura = Fakturarader
avst-inga_rader = Inga fakturarader för månaden.
avst-summa = Fakturerat totalt { $summa }
avst-rad = Rad
avst-bestallning = Beställning
avst-bestallare = Beställare
avst-antal = Antal
avst-a_pris = À-pris
avst-belopp = Belopp
avst-avvikelser = Avvikelser
avst-stammer = Stämmer
avst-levererat = Rapporterad leverans
avst-ingen_leverans = Ingen leverans rapporterad för månaden.
avv-titel = Fakturaavvikelser på dina beställningar, { $manad }
avv-ingress = Skillnader mellan beviljat, levererat och fakturerat för insatser som beställts i dina ärenden. Ta upp dem med utföraren innan fakturan betalas.
avv-inga = Inga avvikelser på dina beställningar den månaden.
avv-flaggade = Att hantera före betalning
avv-flaggade_ingress = Varje avvikelse på en beställning från din enhet är en bevakning med en sista dag före fakturans betalningsdag. Godkänn den med en motivering eller bestrid raden hos utföraren.
avv-inga_flaggade = Inga avvikelser att hantera för månaden.
avv-frist = Hanteras senast
avv-sen = försenad
avv-betalningsdag = Fakturan ska betalas
avv-hantering = Hanterad
avv-hantera = Vad gör du med avvikelsen?
avv-godkann = Godkänn avvikelsen
avv-bestrid = Bestrid raden hos utföraren
avv-motivering = Motivering
avv-motivering_hjalp = Krävs när du godkänner. Skriv varför avvikelsen är i sin ordning, eller vad du bestrider.
avv-spara = Spara
start-fakturaavvikelse = Fakturaavvikelse
avv-utforare = Utförare
leverans-rubrik = Leverans
leverans-beviljat = Beviljat enligt beställningen: { $beviljat }.
leverans-ingen = Ingen leverans rapporterad ännu.
leverans-rapporterat = Rapporterad leverans per månad
leverans-manad = Månad
leverans-levererat = Levererat
leverans-rapportera = Rapportera leverans i { $enhet }
leverans-skicka = Rapportera leveransen
fakt-titel = Fakturor
fakt-ingress = Fakturarader från { $utforare } till nämnden. Raderna stäms av mot beställningarna, den rapporterade leveransen och avtalet innan fakturan betalas.
fakt-inlasta = { $antal ->
    [one] { $antal } fakturarad togs emot.
   *[other] { $antal } fakturarader togs emot.
}
fakt-fil = Skicka en CSV-fil
fakt-format = Filen ska vara sparad som CSV UTF-8 med semikolon mellan kolumnerna. Första raden är rubrikerna { $kolumner }. Kolumnerna är beställningens referens som den står på uppdraget, månaden (ÅÅÅÅ-MM), enheten (timme, dygn eller tillfalle), antalet och à-priset i kronor. Är någon rad fel tas ingenting emot, och varje fel visas med rad och kolumn.
fakt-filfel = Filen togs inte emot. Rätta raderna och skicka den igen:
fakt-valj_fil = Fakturafil (CSV)
fakt-skicka_fil = Skicka filen
fakt-rad = Skriv in en fakturarad
fakt-skicka_rad = Skicka raden
fakt-skickade = Skickade fakturarader, { $manad }
uppdrag-fakturor = Fakturor: skicka fakturarader till nämnden

## Synpunkter och klagomål (klagomal_lista.html, klagomal.html, rapport_klagomal.html; issue 19 item 4)
meny-klagomal = Synpunkter
rapporter-klagomal = Synpunkter och klagomål
rapporter-klagomal_text = per kvartal till nämnden: antal per kategori och utfall, besvarade i tid eller inte (SOSFS 2011:9 5 kap. 6 §).
klagomal-titel = Synpunkter och klagomål
klagomal-ingress_alla = Synpunkter och klagomål till socialtjänsten, från Mina sidor och från webben utan inloggning. Tilldela varje synpunkt till någon som utreder och svarar. Tilldela inte den som klagomålet gäller.
klagomal-ingress_egna = Synpunkter och klagomål som du ska utreda och besvara.
klagomal-inga = Det finns inga synpunkter här.
klagomal-tabell = Synpunkter, de senaste först
klagomal-nummer = Nummer
klagomal-inkom = Kom in
klagomal-vad = Vad
klagomal-ansvarig = Utreds av
klagomal-status = Läge
klagomal-tillbaka = Alla synpunkter
klagomal-rubrik = Synpunkt { $nummer }
klagomal-svar_senast = Svar utlovat senast
klagomal-avsandare = Avsändare
klagomal-fran_mina_sidor = inloggad på Mina sidor, läser svaret där
klagomal-kontakt = Kontakt
klagomal-text = Det avsändaren skrev
klagomal-svaret = Svaret
klagomal-utfall = Vad utredningen ledde till
klagomal-lex_sarah = Lex Sarah
klagomal-ta_emot = Jag har tagit emot rapporten
klagomal-tilldela = Tilldela
klagomal-tilldela_hjalp = Välj någon som inte är den klagomålet gäller.
klagomal-valj = Välj
klagomal-tilldela_knapp = Tilldela
klagomal-besvara = Besvara
klagomal-svar = Svar till avsändaren
klagomal-svar_hjalp_mina_sidor = Avsändaren läser svaret på Mina sidor. Skriv enkelt och respektfullt.
klagomal-svar_hjalp = Svaret sparas här. Har avsändaren lämnat kontaktuppgifter, ge svaret på det sättet också.
klagomal-besvara_knapp = Spara svaret
klagomal-lex_sarah_knapp = Kan vara ett missförhållande – lämna till Lex Sarah-utredning
klagomal-lex_sarah_ingress = Visar synpunkten ett missförhållande eller en påtaglig risk för ett, ska det rapporteras genast (SoL 27 kap.). Lots avgör aldrig det själv. Skriv varför och välj vem som tar emot rapporter om missförhållanden. Hen får rapporten som en bevakning i dag.
klagomal-lex_sarah_skal = Varför kan det vara ett missförhållande?
klagomal-lex_sarah_mottagare = Tar emot rapporten
klagomal-historik = Det här har hänt
klagomal-rapport_ingress = Synpunkter och klagomål som kom in under kvartalet, och vad de ledde till. Svarstiden är { $veckor } veckor. Antal från 1 till 4 visas som ”färre än 5”, och ibland en cell till, så att ingen kan pekas ut.
klagomal-rapport_pagar = Kvartalet pågår. Siffrorna gäller hittills.
klagomal-rapport_ar = År
klagomal-rapport_kvartal = Kvartal
klagomal-rapport_visa = Visa
klagomal-rapport_tabell = Synpunkter och klagomål, { $kvartal }
klagomal-rapport_grupp = Grupp
klagomal-rapport_antal = Antal
klagomal-rapport_csv = Ladda ner som CSV
