### Mina sidor in English. Short sentences and everyday words, as in Swedish. The
### case record itself stays in Swedish: what a person writes is stored as written.

# The language's name in the language itself, for the footer's choice of language.
sprak-namn = English
# The direction of the script: ltr, or rtl for Arabic, for example.
sprak-riktning = ltr

## ram
ram-mina_sidor = My pages
ram-hoppa = Skip to content
ram-meny = Menu for My pages
ram-mina_arenden = My matters
ram-ansok = Apply
ram-journal = My file
ram-fullmakter = Powers of attorney
ram-aviseringar = Notifications
ram-logga_ut = Log out
ram-du_ar_ombud = You are acting for
ram-byt = Change person
ram-sidfot = My pages at the social services. Do you need help? Call the municipality's switchboard and ask for the social services.

## fel
fel-nekad = That is not possible
fel-ogiltig = Something went wrong
fel-samtidigt = Someone changed the case at the same time. Nothing was saved. Please try again.
fel-saknas = The page does not exist
fel-saknas_text = The page does not exist, or you do not have access to it. Go back to My pages.
fel-for_manga = Too many attempts
fel-intern = Something went wrong on our side
fel-intern_text = Nothing was saved. Try again in a while. Call the social services if it still does not work.
fel-till_start = To My pages
fel-rubrik = Something needs to be corrected
fel-formular_gammalt = The page has been open too long. Go back, reload the page and try again.
fel-fullmakt_lasa = Your power of attorney only lets you read. You cannot do this for the person.
fel-val = Choose one of the options.
fel-for_lang = The text is too long. Write less, or split it up.

## logga_in
logga_in-titel = Log in
logga_in-rubrik = Log in to My pages
logga_in-ingress = Here you see your matters with the social services. You can apply, answer questions, read decisions and appeal.
logga_in-eid = Log in with BankID or Freja eID
logga_in-test_rubrik = Test login (demo only)
logga_in-test_text = This is a demo with made-up people. Choose who you want to be. Real people can never be chosen here.
logga_in-test_val = Log in as
logga_in-test_knapp = Log in
logga_in-kommun = Municipality
logga_in-valj_kommun = Choose your municipality
logga_in-fel_kommun = Choose your municipality and try again.
logga_in-fel_ingen_eid = Your municipality has no BankID or Freja eID login here. Contact the social services.
logga_in-ar_ombud = acts for someone
logga_in-ingen_metod = Login is not available right now. Contact the social services.
logga_in-utan_eid_rubrik = Don't have BankID or Freja eID?
logga_in-utan_eid = You can always send a letter, call or visit. Your matter is handled the same way. You can also give someone you trust a power of attorney to follow your matter for you.
logga_in-fel_testperson = Choose one of the made-up people in the list.
logga_in-fel_eid = The login did not finish. Please start again.
logga_in-utloggad = You are logged out. Close the browser if others also use this computer.

## valj
valj-titel = Choose person
valj-rubrik = Whose matters do you want to see?
valj-fraga = Choose
valj-egna = My own matters
valj-for_person = { $namn } (you have a power of attorney)
valj-knapp = Continue
valj-okand_rubrik = We have no matters about you
valj-okand_text = You are not known to us yet. You can apply for support here.
valj-okand_knapp = Go to the application

## oversikt
oversikt-titel = My matters
oversikt-rubrik = My matters
oversikt-ingress = Here you see your matters, what has happened and what happens next.
oversikt-inga = You have no matters with us right now.
oversikt-diarienummer = Reference number
oversikt-inkom = Received
oversikt-handlaggare = Case worker
oversikt-att_gora = What you need to do
oversikt-svara_kommunicering = Read the investigation and say what you think. Answer by { $datum }.
oversikt-utkast_rubrik = Applications you have started
oversikt-utkast = { $insats } – saved { $datum }
oversikt-registerutdrag_rubrik = Your requests for a copy of your personal data
oversikt-registerutdrag_vantar = Your request arrived on { $mottagen }. You will get an answer by { $datum } at the latest.
oversikt-registerutdrag_besvarat = Your request of { $mottagen } was answered on { $datum }.
oversikt-ansok = Apply for support

## arendetyp
arendetyp-ansokan = Application
arendetyp-anmalan = Report
arendetyp-information = Information

## arende
arende-tillbaka = Back to my matters
arende-tillbaka_arende = Back to the matter
arende-handlaggare = Your case worker
arende-ingen_handlaggare = No case worker has been assigned yet
arende-sedan = since
arende-enhet = Unit
arende-diarienummer = Reference number
arende-inkom = Received
arende-att_gora = What you need to do
arende-nasta = What happens next
arende-beslut = Decisions
arende-beslut_rad = { $datum }: { $insats } – { $utfall }
arende-plan = Goals and plan
arende-inga_mal = No goals have been written yet. You can ask for a meeting to talk about your goals.
arende-eget_mal = Your goal: { $mal }
arende-beslutat_mal = Goal for { $insats }: { $mal }
arende-meddelanden = Messages to and from your case worker
arende-be_om_mote = Ask for a meeting
arende-annan_handlaggare = Ask for another case worker
arende-historik = What has happened
arende-begar_avgorande = Ask the board to decide the matter
arende-plan_rubrik = Your plan for { $insats }
arende-plan_gjord = You made the plan together with { $enhet } on { $datum }.
arende-plan_andrad = You and { $enhet } last changed the plan on { $datum }.
arende-plan_mal = Your goals
arende-plan_genomforande = What will be done
arende-plan_delaktighet = Your part
arende-plan_uppfoljning = Next follow-up
arende-plan_ingen_uppfoljning = Not decided yet. Ask your case worker.
arende-plan_fel = Is the plan not right? Tell { $enhet }, or write to your case worker.

## lage
lage-utbetalning = The money should be in the account by { $datum }.
lage-utbetalning_sen = The payment was due on { $datum } but has not been sent. We have been reminded; contact us if you need help with the rent.
lage-mottaget = We have received the matter.
lage-utreds = We are investigating your matter.
lage-beslutat = The board has made a decision.
lage-avslutat = The matter was closed on { $datum }.
lage-nasta_beslut = When the investigation is finished, the board decides. You get the decision in writing.
lage-svara_senast = You can comment on the investigation. Answer by { $datum }.
lage-overklaga_senast = Do you want to appeal the decision? Do it by { $datum }.
lage-verkstallighet_senast = The support should have started by { $datum }.
lage-ej_verkstallt = The support should have started by { $datum }, but it has not. It has taken too long. The board must report this to the Health and Social Care Inspectorate (IVO). You can ask your case worker why, and you can contact IVO yourself.
lage-uppfoljning = Next follow-up: { $datum }.
lage-uppfoljning_sen = The follow-up should have been done by { $datum }. You can ask for a meeting.
lage-begaran = The board must decide the matter, or answer you, by { $datum }.
lage-begaran_sen = The board should have answered your request by { $datum }. It has not. You can appeal the delay to the administrative court.
lage-meddelande_svar = Your case worker answers your message by { $datum }.
lage-meddelande_sent = You should have had an answer to your message by { $datum }. You can call the unit.
lage-granskas = Your case worker is going through what you sent.
lage-mote_svar = Your case worker will contact you about the meeting by { $datum }.
lage-mote_sent = Your case worker should have contacted you about the meeting by { $datum }. You can call the unit.
lage-byte = You will get an answer about another case worker by { $datum }.
lage-byte_sent = You should have had an answer about another case worker by { $datum }. You can call the unit and ask for the manager.
lage-sex_manader = More than six months have passed without a decision. You can ask the board to decide the matter. The board must then decide it, or answer you, within four weeks.
lage-drojsmal = The decision is delayed. The board expects to decide by { $datum }.

## tidslinje
tidslinje-ansokan = We received your application
tidslinje-ansokan_text = You applied for { $insatser }. The application came by { $kanal }.
tidslinje-anmalan = A report came in
tidslinje-anmalan_sekretess = Who made the report and what it says is not shown here. It may be secret by law (Public Access to Information and Secrecy Act, chapter 26, section 5). You can ask your case worker to read it.
tidslinje-information = We received information about you
tidslinje-information_sekretess = Where the information came from and what it says is not shown here. It may be secret. You can ask your case worker to read it.
tidslinje-insats_ansokt = You applied for more support
tidslinje-ska_utredas = We decided to investigate your matter
tidslinje-utreds_inte = We decided not to start an investigation
tidslinje-utredning = The investigation started
tidslinje-utredning_text = We gather what the board needs to make a decision.
tidslinje-synpunkter = Your views and goals were written down
tidslinje-dina_mal = Your goals: { $mal }
tidslinje-dokument = A document was added to the matter
tidslinje-dokument_fran_dig = You sent in a document
tidslinje-dokument_kopia = The document is not shown here. It may contain information about others, which your case worker must go through first. You have the right to ask for a copy.
tidslinje-utredning_klar = The investigation is finished
tidslinje-kommunicerad = You were given the investigation to read
tidslinje-kommunicerad_text = You can say what you think before the board decides. Answer by { $datum }.
tidslinje-svara = Read and answer
tidslinje-las_underlaget = Read the investigation
tidslinje-svar_inkom = Your answer arrived
tidslinje-beslut = The board made a decision
tidslinje-beslut_text = { $insats }: { $utfall }.
tidslinje-las_beslutet = Read the decision and the reasons
tidslinje-beslut_skickat = The decision was sent to you
tidslinje-delgivet = You have received the decision
tidslinje-sista_dag = Last day to appeal: { $datum }.
tidslinje-overklagande = Your appeal arrived
tidslinje-i_tid = The appeal arrived in time
tidslinje-for_sent = The appeal arrived too late
tidslinje-avvisat = The appeal was dismissed because it arrived too late
tidslinje-omprovat = The board reviewed the decision again
tidslinje-omprovat_andrat = The board changed the decision.
tidslinje-omprovat_samma = The board did not change the decision. The appeal is sent to the administrative court.
tidslinje-forfallit = The appeal is no longer needed, because the board changed the decision as you wanted
tidslinje-overlamnat = The appeal was sent to the administrative court
tidslinje-dom = The administrative court has ruled
tidslinje-bestalld = The support was ordered
tidslinje-startad = The support started
tidslinje-avbruten = The support paused
tidslinje-aterupptagen = The support started again
tidslinje-insats_slut = The support ended
tidslinje-verkstalls_ej = The support has not been able to start
tidslinje-uppfoljd = Follow-up
tidslinje-nasta_uppfoljning = Next follow-up: { $datum }.
tidslinje-ny_handlaggare = You got a new case worker
tidslinje-avslutat = The matter was closed
tidslinje-oppna_brevet = Open the letter
tidslinje-begaran = You asked the board to decide the matter
tidslinje-begaran_text = The board must decide the matter, or answer you, by { $datum }.
tidslinje-begaran_avslagen = The board said no to your request for a decision
tidslinje-byte = You asked for another case worker
tidslinje-byte_text = The manager will answer you in writing by { $datum }.
tidslinje-byte_las = Read more about your request
tidslinje-byte_beviljad = You will get another case worker
tidslinje-byte_avslagen = You cannot change case worker now
tidslinje-plan_skriven = The implementation plan was written
tidslinje-plan_andrad = The implementation plan was changed
tidslinje-plan_text = The plan for { $insats } says what your goals are and what will be done.
tidslinje-las_planen = Read the plan
tidslinje-aterkallad = You withdrew your application
tidslinje-aterkallad_text = The application for { $insats } is withdrawn. The board will not decide on it.
tidslinje-forhandsinformation = You were told how decisions can be sent to you
tidslinje-forhandsinformation_text = Decisions can be sent by simplified service. The decision comes first, and the day after a letter saying that the decision has been sent. You count as having received the decision two weeks after it was sent.
tidslinje-kontrollmeddelande = A control letter about the decision was sent to you
tidslinje-kontrollmeddelande_text = You count as having received the decision on { $datum }. Have you not received the decision? Contact your case worker at once.
tidslinje-delgivning_misslyckad = The decision did not reach you
tidslinje-delgivning_misslyckad_text = We will send the decision to you again. The time to appeal does not start until you have received it.
tidslinje-upphort = The support will not take place
tidslinje-forsorjningsstod = Financial support calculated for { $manad }: { $belopp }
tidslinje-utbetalning = Payment of financial support for { $manad }
tidslinje-utbetalning_text = { $belopp } to { $till }. The money should be there on { $dag }. Contact your case worker if it has not arrived.
tidslinje-utbetalning_skickad = The payment has been sent to the bank
tidslinje-utbetalning_makulerad = A planned payment has been cancelled
arende-manadsansokan = Apply for financial support for next month
lage-manadsansokan = Your monthly application has arrived. The case worker will calculate it and make a decision.
tidslinje-manadsansokan = You applied for financial support for { $manad }
tidslinje-gemensam_bekraftad = Your spouse or partner confirmed your joint application for { $manad }
tidslinje-gemensam_invand = Your spouse or partner wrote that something in your joint application for { $manad } is wrong
tidslinje-gemensam_text_skyddad = What your spouse or partner wrote is not shown here, to protect information about where they live. Your case worker has read it.
manadsansokan-titel = Apply for financial support for a month
manadsansokan-tillbaka = Back to the case
manadsansokan-ingress = Write what you are applying for and what you received during the month. You do not need to fill in what does not apply to you.
manadsansokan-samma = The form is filled in as your application for { $manad }. Change only what has changed.
manadsansokan-manad = Month
manadsansokan-manad_hjalp = Written YYYY-MM, for example 2026-04.
manadsansokan-kostnader = Costs you apply for
manadsansokan-kronor = Whole kronor per month.
manadsansokan-hyra = Rent or fee for your home
manadsansokan-el = Household electricity
manadsansokan-resor = Travel to and from work
manadsansokan-forsakring = Home insurance
manadsansokan-fack = Trade union and unemployment fund
manadsansokan-inkomster = Income during the month
manadsansokan-inkomster_hjalp = Your own and others' in the household, for example salary, unemployment benefit, child benefit or housing allowance.
manadsansokan-inkomst_vem = Income { $n }: whose
manadsansokan-inkomst_slag = Income { $n }: what kind
manadsansokan-inkomst_belopp = Income { $n }: amount in kronor
manadsansokan-insattningar = Other deposits in your account
manadsansokan-insattningar_hjalp = Write what the deposit was, for example a loan you will pay back or a transfer between your own accounts. The case worker does not count it as income without reading what you wrote.
manadsansokan-insattning_datum = Deposit { $n }: date
manadsansokan-insattning_belopp = Deposit { $n }: amount in kronor
manadsansokan-insattning_vad = Deposit { $n }: what it was
manadsansokan-insattning_text = Deposit { $n }: in your own words
manadsansokan-ovrigt = Anything else you apply for or want to say
manadsansokan-vad_hander = The case worker calculates your application and sends a decision. You see the calculation line by line here on Mina sidor.
manadsansokan-skicka = Send the application
manadsansokan-fel_belopp = Write the amount in whole kronor, for example 6480.
manadsansokan-fel_manad = Write the month as YYYY-MM, for example 2026-04.
manadsansokan-fel_insattning = Write both the date and the amount of the deposit.
manadsansokan-fel_tom = Write at least one cost, one income or something in the box at the bottom.
tidslinje-drojsmal = The decision is delayed
tidslinje-drojsmal_text = The reason: { $skal } The board expects to decide by { $datum }.
tidslinje-instrument = Assessment with { $instrument }
tidslinje-fordjupad = Your situation will be investigated more closely
tidslinje-fordjupad_inte = Your case worker has considered a closer investigation
tidslinje-livsomrade = The investigation: { $omrade }
tidslinje-dina_ord = What you told us: { $text }
tidslinje-bedomning = The investigation's assessment
tidslinje-forslag = Proposed decision: { $forslag }
tidslinje-omprovat_eget = The board reconsidered its decision on its own initiative
tidslinje-omprovat_eget_samma = The board did not change the decision.

## upphor
upphor-tackat_nej = You said no to the support.
upphor-flyttat = You have moved from the municipality.
upphor-avliden = The person has died.

## kanal
kanal-papper = letter
kanal-telefon = phone
kanal-besok = a visit
kanal-digital = My pages

## utskick
utskick-brev = By post.
utskick-digitalt = Here on My pages.
utskick-personligen = You got it in person.

## dom
dom-avslag = The administrative court said no to the appeal. The board's decision stands.
dom-bifall = The administrative court found in your favour.
dom-aterforvisning = The administrative court sent the matter back to the board for a new decision.

## brev
brev-beslutsbrev = A decision was sent to you
brev-kommuniceringsbrev = The investigation was sent to you
brev-kontrollmeddelande = A control letter about the decision was sent to you
brev-avvisningsbeslut = A decision about your appeal was sent to you
brev-beslut_begaran = A decision about your request for a decision was sent to you

## beslut
beslut-titel = Decision
beslut-tillbaka = Back to the matter
beslut-rubrik = Decision
beslut-beslutet = The decision
beslut-datum = Date
beslut-mal = Goal
beslut-omfattning = Extent
beslut-period = Valid
beslut-fran = from { $datum }
beslut-lagrum = By law
beslut-varfor = Why the board decided this
beslut-brev = Open the decision letter (PDF)
beslut-overklaga_rubrik = If you do not agree
beslut-overklaga_text = You can appeal the decision. The administrative court then reviews it. It costs nothing. You do not need a lawyer.
beslut-bifall_text = You got what you applied for. If you still disagree with something, talk to your case worker.
beslut-sista_dag = The last day to appeal is { $datum }.
beslut-tiden_gatt_ut = The last day to appeal was { $datum }. You can still send an appeal. The board then decides whether it arrived in time.
beslut-tre_veckor = You have three weeks to appeal, counted from the day you received the decision.
beslut-overklagat = Your appeal arrived on { $datum }.
beslut-dom = The administrative court ruled on { $datum }: { $utfall }
beslut-hos_domstolen = The appeal is with the administrative court.
beslut-overklaga_knapp = Appeal the decision

## overklaga
overklaga-titel = Appeal
overklaga-tillbaka = Back to the decision
overklaga-rubrik = Appeal the decision
overklaga-ingress = Write in your own words. It is enough to say what you want changed and why. The board first reviews the decision again. If the board does not change it, your appeal is sent to the administrative court.
overklaga-for_sent = The time to appeal has run out. You can send it anyway. The board decides whether there are reasons to take it up.
overklaga-andring = How do you want the decision changed?
overklaga-andring_hjalp = For example: I want support for the rent for December.
overklaga-skal = Why do you think the decision is wrong?
overklaga-skal_hjalp = Say what you think the board has missed. You can send papers later.
overklaga-vad_hander = When you send it, you get a receipt with the date and time. It shows that the appeal reached the board.
overklaga-skicka = Send the appeal
overklaga-fel_andring = Write how you want the decision changed.
overklaga-fel_skal = Write why you think the decision is wrong.
overklaga-text =
    Jag vill att beslutet ändras så här:
    { $andring }

    Skäl:
    { $skal }
overklaga-ombud = (Skickat av ombud { $namn } via Mina sidor.)

## kommunicering
kommunicering-titel = Read the investigation
kommunicering-rubrik = Read the investigation and say what you think
kommunicering-ingress = Before the board decides, you have the right to read what the decision will be based on, and to say what you think.
kommunicering-svara_senast = Answer by
kommunicering-underlaget = What the investigation says
kommunicering-brev = Open the letter (PDF)
kommunicering-ditt_svar = Your answer
kommunicering-svar = What do you want to say?
kommunicering-svar_hjalp = Write if something is wrong, or if something is missing.
kommunicering-skicka = Send the answer
kommunicering-fel_tomt = Write your answer.

## kvitto
kvitto-titel = Receipt
kvitto-rubrik = Thank you. We have received it.
kvitto-vad = What
kvitto-tid = Time
kvitto-arende = Matter number
kvitto-nasta_rubrik = What happens now?
kvitto-till_arendet = Go to the matter
kvitto-ansokan = Application
kvitto-ansokan_nasta = A case worker reads your application. You see here when something happens. If papers are needed, you get a request here.
kvitto-overklagande = Appeal
kvitto-overklagande_nasta = The board first checks whether the appeal arrived in time, and whether the decision should be changed. If not, it is sent to the administrative court.
kvitto-svar = Answer to the investigation
kvitto-svar_nasta = Your answer is now in the matter. The board reads it before deciding.
kvitto-begaran = Request for a decision
kvitto-begaran_nasta = The board must decide the matter, or answer you, within four weeks.
kvitto-invandning = Your objection to an entry
kvitto-invandning_nasta = Your objection is kept next to the entry. The staff see it.
kvitto-komplettering = What you sent in
kvitto-komplettering_nasta = Your case worker goes through it. You see here when it is approved.
kvitto-mote = Request for a meeting
kvitto-mote_nasta = Your case worker will contact you to set a time, within two working days.
kvitto-byte = Request for another case worker
kvitto-byte_nasta = The manager of the unit reads your request. You will get a written answer here on My pages within five working days.
kvitto-manadsansokan = Monthly application
kvitto-manadsansokan_nasta = The case worker calculates your application and makes a decision. You will see the calculation line by line and the day the money comes here on Mina sidor.
kvitto-annat = What you sent
kvitto-annat_nasta = It is now in the matter.

## journal
journal-titel = My file
journal-rubrik = My file
journal-ingress = This is what the staff have written about you. If something is wrong, you can write what you think. It is kept next to the entry.
journal-undanhallna =
    { $antal ->
        [one] { $antal } entry is
       *[other] { $antal } entries are
    } not shown here. They may name someone other than you, for example whoever made a report or gave information about you, and that may be secret by law. You have the right to ask to read them: write to your case officer under Messages in the case, or call. The board then decides what you may see, and if you are refused you get a decision that you can appeal.
journal-inga = There are no entries to show.
journal-rattad = This entry has been corrected.
journal-din_invandning = Your objection
journal-stammer_inte = This is not right

## invandning
invandning-titel = This is not right
invandning-tillbaka = Back to my file
invandning-rubrik = Say what is wrong
invandning-ingress = The entry is not changed. Your text is kept next to it, and the staff see it every time they read the entry.
invandning-text = What is wrong?
invandning-hjalp = Write in your own words what is wrong, and how it really is.
invandning-skicka = Save my objection
invandning-fel_tom = Write what is wrong.

## fullmakt
fullmakt-titel = Powers of attorney
fullmakt-rubrik = Powers of attorney
fullmakt-ingress = With a power of attorney, someone you trust can follow your matter for you, for example a relative or a support person. You can take it back whenever you want. It stops at once.
fullmakt-inga = You have not given anyone a power of attorney.
fullmakt-ombud = Representative
fullmakt-far = May
fullmakt-giltig = Valid
fullmakt-status = Status
fullmakt-registrerad = Given
fullmakt-av_dig = By you here, { $datum }
fullmakt-av_personal = On paper, registered by { $namn } { $datum }
fullmakt-galler = Valid
fullmakt-utgangen = Has expired
fullmakt-aterkallad = Taken back { $datum }
fullmakt-tills_vidare = Until further notice
fullmakt-till = Until { $datum }
fullmakt-aterkalla = Take back
fullmakt-ny_rubrik = Give someone a power of attorney
fullmakt-namn = The representative's name
fullmakt-nummer = The representative's personal identity number
fullmakt-nummer_hjalp = The representative logs in with their own BankID or Freja eID. Write 12 digits, for example 19800101-1234.
fullmakt-omfattning = What may the representative do?
fullmakt-omfattning_lasa = Read: follow my matters, decisions and letters
fullmakt-omfattning_fora_talan = Read and act: also apply, answer, send messages and appeal for me
fullmakt-giltig_till = Valid until (optional)
fullmakt-giltig_hjalp = Leave empty if it should be valid until you take it back.
fullmakt-ge = Give power of attorney
fullmakt-sparad = The power of attorney is saved. The representative can now log in.
fullmakt-aterkallad_notis = The power of attorney is taken back. The representative can no longer reach your matters.
fullmakt-bara_personen = Only the person themselves can see and change their powers of attorney.
fullmakt-fel_nummer = The personal identity number is not right: { $fel }
fullmakt-fel_sig_sjalv = You cannot give a power of attorney to yourself.
fullmakt-fel_namn = Write the representative's name.
fullmakt-fel_omfattning = Choose what the representative may do.
fullmakt-vantar = Registered by our staff; valid once a second person here has checked it
fullmakt-personal_notis = { $namn } here registered a paper power of attorney for { $ombud } on { $datum }. If you did not give it, take it back here and contact us.
fullmakt-fel_datum = Write a date that has not passed, or leave it empty.

## ansok
ansok-titel = Apply
ansok-rubrik = Apply for support
ansok-ingress = Choose what you want to apply for. You can save and continue another time.
ansok-andra_satt = You can also apply by letter, by phone or at a visit. It becomes the same matter.
ansok-tillbaka = Back to applications
ansok-ansok_om = Apply for
ansok-handlingar_rubrik = Papers that are needed
ansok-handlingar_text = You do not need to have everything now. You can send the application anyway. Your case worker tells you if something is missing, and you can send it here later.
ansok-dina_uppgifter = Your details
ansok-frivilligt = optional
ansok-innan_du_skickar = When you send it, you get a receipt with the date and time.
ansok-skicka = Send the application
ansok-spara = Save and continue later
ansok-utkast_sparat = Your draft is saved ({ $tid }). The application has not been sent yet.
ansok-ombud_kontakt = Via Mina sidor

## ansok.missbruk
ansok-missbruk-namn = Support and treatment for substance abuse
ansok-missbruk-text = If you drink too much, use drugs or gamble and want help. Talks, treatment or housing with support.
ansok-missbruk-beskrivning = What do you want help with?
ansok-missbruk-beskrivning_hjalp = Write in your own words. A few sentences are enough.
ansok-missbruk-beskrivning_fel = Write what you want help with.
ansok-missbruk-tidigare = Have you had help before?
ansok-missbruk-tidigare_hjalp = For example treatment, care or support from others.
ansok-missbruk-kontakt = How can we best reach you?
ansok-missbruk-kontakt_hjalp = Phone number and what time of day suits you.
ansok-missbruk-tolk = Do you need an interpreter? Which language?
ansok-missbruk-tolk_hjalp = An interpreter is free.
ansok-missbruk-handling_inga = You do not need to send any papers to apply. If you have certificates from health care, you can bring them.

## ansok.ekonomiskt-bistand
ansok-ekonomiskt-bistand-namn = Financial assistance
ansok-ekonomiskt-bistand-text = If you do not have money for what you need to live, for example food and rent.
ansok-ekonomiskt-bistand-manad = Which month are you applying for?
ansok-ekonomiskt-bistand-manad_hjalp = For example: December 2026.
ansok-ekonomiskt-bistand-manad_fel = Write which month you are applying for.
ansok-ekonomiskt-bistand-hushall = Who lives in your household?
ansok-ekonomiskt-bistand-hushall_hjalp = Write the adults and children who live with you.
ansok-ekonomiskt-bistand-hushall_fel = Write who lives in the household, or that you live alone.
ansok-ekonomiskt-bistand-inkomster = What income does the household have?
ansok-ekonomiskt-bistand-inkomster_hjalp = For example salary, unemployment benefit, sickness benefit, student aid, housing allowance. Write 0 if you have none.
ansok-ekonomiskt-bistand-inkomster_fel = Write the household's income, or 0.
ansok-ekonomiskt-bistand-utgifter = What costs does the household have?
ansok-ekonomiskt-bistand-utgifter_hjalp = For example rent, electricity, home insurance, childcare.
ansok-ekonomiskt-bistand-utgifter_fel = Write the household's costs, for example the rent.
ansok-ekonomiskt-bistand-beskrivning = Is there anything else you want to tell us?
ansok-ekonomiskt-bistand-beskrivning_hjalp = For example why you are applying, or if something is urgent.
ansok-ekonomiskt-bistand-kontakt = How can we best reach you?
ansok-ekonomiskt-bistand-kontakt_hjalp = Phone number and what time of day suits you.
ansok-ekonomiskt-bistand-tolk = Do you need an interpreter? Which language?
ansok-ekonomiskt-bistand-tolk_hjalp = An interpreter is free.
ansok-ekonomiskt-bistand-handling_id = Identity document, for example driving licence, passport or ID card
ansok-ekonomiskt-bistand-handling_hyra = Rent notice or rental contract
ansok-ekonomiskt-bistand-handling_konto = Bank statements for all accounts, for the last three months
ansok-ekonomiskt-bistand-handling_inkomst = Pay slip, or decisions from the Social Insurance Agency, the unemployment fund or CSN
ansok-ekonomiskt-bistand-handling_af = If you are looking for work: your plan from the Public Employment Service
ansok-ekonomiskt-bistand-handling_utgifter = Receipts or bills for other costs you are applying for

## dialog
dialog-nytt_fran_handlaggaren = Read the message from your case worker ({ $datum }).
dialog-skicka_in = Send in: { $vad }. By { $datum }.
dialog-senast = Send by { $datum }.
dialog-begard = We asked you to send something in
dialog-oppna_begaran = See what we need
dialog-lamnad = You sent in what we asked for
dialog-godtagen = What you sent in is approved
dialog-mote_begart = You asked for a meeting
dialog-mote_uppfoljning = A meeting to follow up.
dialog-mote_personligt = A personal meeting with your case worker.
dialog-dokument = Document
dialog-igen = You have already sent in { $vad }. Your case worker needs it again, and writes why: { $skal }
dialog-komplettering_titel = Send in
dialog-komplettering_rubrik = This is what we need from you
dialog-ar_godtagen = Done. What you sent in was approved
dialog-vi_behover = We need
dialog-beskrivning = More about what we need
dialog-godtas = This is fine to send
dialog-senast_rubrik = Send by
dialog-det_du_skickat = What you have sent
dialog-skicka_rubrik = Send in
dialog-fil = Choose a file (optional)
dialog-fil_hjalp = PDF, JPEG or PNG, at most 10 MB. You can take a photo of the paper with your phone.
dialog-text = Write something (optional)
dialog-text_hjalp = For example if something is missing and why.
dialog-skicka = Send
dialog-fel_tomt = Choose a file, or write something.
dialog-fel_fil = The file must be a PDF, JPEG or PNG, and at most 10 MB.
dialog-meddelanden_titel = Messages
dialog-meddelanden_rubrik = Messages
dialog-skickat = Your message has been sent.
dialog-svarstid =
    We answer within { $dagar ->
        [one] { $dagar } working day
       *[other] { $dagar } working days
    }.
dialog-svar_senast = You will get an answer by { $datum }.
dialog-inga_meddelanden = No messages yet.
dialog-nytt_meddelande = Write a message to your case worker
dialog-meddelande_hjalp = Do not write if something is urgent. Call 112 in danger, or the social emergency service in the evenings and at weekends.
dialog-skicka_meddelande = Send the message
dialog-fel_meddelande = Write your message.
dialog-handlaggaren = Your case worker
dialog-du = You
dialog-ombud = { $namn } (representative)
dialog-mote_titel = Ask for a meeting
dialog-mote_rubrik = Ask for a meeting
dialog-mote_ingress = Your case worker will contact you to set a time.
dialog-mote_vilket = What meeting do you want?
dialog-mote_text = What do you want to talk about?
dialog-mote_text_hjalp = Also write if you need an interpreter, or if some times do not suit you.
dialog-mote_skicka = Ask for the meeting
dialog-fel_motestyp = Choose which meeting you want.

## insats
insats-forsorjningsstod = Financial assistance – income support
insats-ekonomiskt_bistand_ovrigt = Financial assistance – other living costs
insats-oppenvardsbehandling = Outpatient treatment for substance abuse
insats-stod_i_boendet = Support in your home
insats-kontaktperson = Contact person
insats-sysselsattning = Daily activity
insats-case_manager = Case manager (a person who coordinates your support)
insats-hvb = Treatment home (HVB)
insats-stodboende = Supported housing
insats-familjehem = Foster home
insats-traningslagenhet = Training flat

## utfall
utfall-bifall = Granted
utfall-delvis_bifall = Partly granted
utfall-avslag = Refused
utfall-avvisning = Dismissed

## handling
handling-kontoutdrag = Bank statements for the last three months
handling-hyresavi = Rent notice or rental contract
handling-lonespecifikation = Pay slip
handling-beslut_forsakringskassan = Decision from the Social Insurance Agency
handling-beslut_csn = Decision from CSN
handling-lakarintyg = Medical certificate
handling-handlingsplan_arbetsformedlingen = Action plan from the Public Employment Service
handling-id_handling = Identity document
handling-annat = Other

## avslutsorsak
avslutsorsak-mal_uppnatt = The goals are reached.
avslutsorsak-insats_avslutad = The support has ended.
avslutsorsak-beslut_utan_insats = The board has decided. There is no support to start.
avslutsorsak-ansokan_atertagen = You withdrew the application.
avslutsorsak-inleds_ej = No investigation was started.
avslutsorsak-flyttat = You have moved from the municipality.
avslutsorsak-avliden = The person has died.
avslutsorsak-annat = For another reason.

## The plan toward supporting yourself
arende-egen_plan = Your plan toward supporting yourself
arende-las_planen = Read your plan and say what you think
plan-titel = Your plan toward supporting yourself
plan-gjord = You and your case worker made the plan on { $datum }.
plan-andrad = You and your case worker changed the plan on { $datum }.
plan-mal = The goal
plan-delmal = Step { $nr }
plan-aktivitet = What will be done
plan-aktivitet_text = { $vad }. Responsible: { $vem }.
plan-din_del = What you do
plan-socialtjanstens_del = What the social services do
plan-samverkan = Others who help
plan-uppfoljning = Follow-up
plan-uppfoljning_text = By { $datum }: { $hur }
plan-du_instammer = On { $datum } you said that you agree with the plan.
plan-du_instammer_inte = On { $datum } you said that you do not agree with all of the plan.
plan-din_synpunkt = You wrote: { $text }
plan-senaste_uppfoljning = The latest follow-up
plan-uppfoljd = The plan was followed up on { $datum }.
plan-narvaro = You took part { $deltog } times out of { $planerat }.
plan-din_berattelse = What you told us: { $text }
plan-vad_tycker_du = What do you think of the plan?
plan-haller_du_med = Do you agree with the plan?
plan-ja = Yes, I agree.
plan-nej = No, not with all of it.
plan-synpunkt = What do you think?
plan-synpunkt_hjalp = Write what is good and what you want to change. You must write something if you do not agree.
plan-skicka = Send your answer
plan-be_om_mote = Ask for a meeting about the plan
plan-fel_val = Choose whether you agree with the plan.
plan-fel_version = The plan could not be read. Reload the page and try again.
plan-ansvarig-personen = you
plan-ansvarig-socialtjansten = the social services
plan-ansvarig-arbetsformedlingen = the Public Employment Service (Arbetsförmedlingen)
plan-ansvarig-forsakringskassan = the Social Insurance Agency (Försäkringskassan)
plan-ansvarig-varden = the health services
plan-ansvarig-annan = someone else
dialog-mote_planen = A meeting about my plan toward supporting myself.
tidslinje-sjalvforsorjningsplan = Your plan toward supporting yourself was written (version { $version })
tidslinje-plan_besvarad = You answered the plan
tidslinje-plan_uppfoljd = The plan was followed up
tidslinje-bistand_slut = Your financial support has ended
slutorsak-arbete = You have found work.
slutorsak-studier = You are studying with student aid.
slutorsak-pension = You have a pension.
slutorsak-flyttat = You have moved from the municipality.
slutorsak-annan_ersattning = You receive another benefit.
slutorsak-annat = Another reason.
kvitto-plan = Your answer to the plan toward supporting yourself
kvitto-plan_nasta = Your case worker reads your answer and talks about it with you at the next meeting about the plan.

## The calculation of financial support, line by line
manad-1 = January { $ar }
manad-2 = February { $ar }
manad-3 = March { $ar }
manad-4 = April { $ar }
manad-5 = May { $ar }
manad-6 = June { $ar }
manad-7 = July { $ar }
manad-8 = August { $ar }
manad-9 = September { $ar }
manad-10 = October { $ar }
manad-11 = November { $ar }
manad-12 = December { $ar }
norm-vuxen = Personal costs, adult
norm-sambo = Personal costs, two adults living together
norm-barn = Personal costs, child aged { $alder }
norm-barn_lunch = , eats lunch at preschool
norm-barn_andel = , lives here { $andel } % of the time
norm-gemensamma = Household costs, { $alla } people
norm-gemensamma_delat = Household costs, { $egna } of { $alla } people in a shared home ({ $hela } divided by { $alla })
post-riksnorm = The national standard amount (riksnormen)
post-riksnorm_for = The national standard amount (riksnormen) for { $manad }
post-boende = Housing (rent or fee)
post-hushallsel = Household electricity
post-arbetsresor = Travel to work
post-hemforsakring = Home insurance
post-fack_och_akassa = Trade union and unemployment fund
post-tandvard = Dental care
post-glasogon = Glasses
post-lakarvard_och_medicin = Medical care and medicine
post-hemutrustning = Furniture and household items
post-annat = Other
inkomstslag-lon = Salary
inkomstslag-akassa = Unemployment benefit (a-kassa)
inkomstslag-sjukpenning = Sickness benefit
inkomstslag-aktivitetsstod = Activity support
inkomstslag-etableringsersattning = Establishment allowance
inkomstslag-bostadsbidrag = Housing allowance
inkomstslag-barnbidrag = Child allowance
inkomstslag-underhallsstod = Maintenance support
inkomstslag-studiemedel = Student aid
inkomstslag-pension = Pension
inkomstslag-ovrig = Other income
forklaring-lan = A loan to be paid back
forklaring-gava = A gift
forklaring-aterbetalning = A refund
forklaring-kronofogden = Taken by the Enforcement Authority (Kronofogden)
forklaring-egen_overforing = A transfer between my own accounts
forklaring-annat = Something else
berakning-rad = { $post }: you applied for { $sokt }, { $godkant } was approved
berakning-delvis = {" "}(partly granted)
berakning-avslag = {" "}(refused)
berakning-skal = . Reason: { $skal }
berakning-insattning = deposit { $datum } ({ $forklaring })
berakning-ingen_forklaring = no explanation given
berakning-inkomst = Income, { $kalla } ({ $medlem }): { $belopp }
berakning-raknas = , counted { $belopp }
berakning-jobbstimulans_rad = . 25 % is not counted (work incentive, chapter 12 section 8 of the Social Services Act)
berakning-summa = Approved need { $behov } − income { $inkomst } = { $resultat }
berakning-over_behov = Your income is higher than your need: no financial support for the month.
berakning-jobbstimulans = The work incentive applies (chapter 12 section 8 of the Social Services Act): { $kvar } months left after this one.
ansokan-insattning = Deposit { $datum }: { $belopp } ({ $forklaring })
ansokan-ovrigt = Other: { $text }
livsomrade-egna_forsok = What you have tried yourself
livsomrade-arbete_och_utbildning = Work and education
livsomrade-fysisk_och_psykisk_halsa = Physical and mental health
livsomrade-egna_mal_och_planer = Your own goals and plans
livsomrade-boende = Housing
livsomrade-familj = Family
livsomrade-intressen_och_natverk = Interests and people around you
livsomrade-ekonomi = Finances, including debts
livsomrade-social_situation = Social situation
livsomrade-barnen = The children's situation
livsomrade-asi_fysisk_halsa = Physical health
livsomrade-asi_arbete_och_forsorjning = Work and income
livsomrade-asi_alkohol = Alcohol
livsomrade-asi_narkotika = Drugs
livsomrade-asi_rattslig_situation = Legal situation
livsomrade-asi_familj_och_umgange = Family and relationships
livsomrade-asi_psykisk_halsa = Mental health
lage-mote_bokat = You have a meeting on { $datum } at { $tid }. Place: { $plats }. If you cannot come, send a message or call the unit.
dialog-mote_bokat = Your meeting is booked
dialog-mote_nar = { $datum } at { $tid }
dialog-mote_plats = Place: { $plats }

# Issue 15: attachments with the monthly application, changes of the household
ansokan-bilaga = Sent with it: { $namn } ({ $handling })
hushall-andrades = The household changed from { $manad }: { $vad }.
hushall-sambo_borjade = two adults (married or cohabiting) now apply together
hushall-sambo_slutade = one adult now applies alone
hushall-barn_fott = a child was born
hushall-barn_in = a child aged { $alder } moved in
hushall-barn_ut = a child aged { $alder } moved out
hushall-vaxelvis_borjade = the child aged { $alder } now lives here part of the time, { $andel } % of the month
hushall-vaxelvis_slutade = the child aged { $alder } now lives here all month
hushall-vaxelvis_andrad = the child aged { $alder } lives here { $till } % of the month instead of { $fran } %
hushall-medboende_in = { $antal } more people share the home without being a partner
hushall-medboende_ut = { $antal } fewer people share the home without being a partner
manadsansokan-bilagor = Documents you send with it
manadsansokan-bilagor_hjalp = For example bank statements, a rent notice or a pay slip. PDF, JPEG or PNG, at most 10 MB in total. Choose what each document is.
manadsansokan-bilaga_fil = Document { $n }
manadsansokan-bilaga_typ = Document { $n }: what is it
manadsansokan-redan = You have already handed these in and they were accepted. You do not need to send them again:
manadsansokan-redan_rad = { $handling } (accepted { $datum })
manadsansokan-redan_val = { $handling } – already handed in { $datum }
manadsansokan-fel_bilaga_typ = Choose what the document is.

## Öppna insatser (issue 17 item 8): help without applying.
oppna-titel = Help without applying
oppna-rubrik = Help you can get without applying
oppna-ingress = You can use these straight away, without applying and without an investigation. Contact the place that gives the help. You can always apply for support instead, or later. The descriptions are the municipality's own, in Swedish.
oppna-inga = The municipality has no such help at the moment.
oppna-lank = Help you can get without applying
oppna-for_vem = For whom
oppna-alder = Age
oppna-alla_aldrar = All ages
oppna-alder_fran = From { $fran } years
oppna-alder_till = Up to and including { $till } years
oppna-alder_mellan = { $fran }–{ $till } years
oppna-innehall = What you get
oppna-omfattning = How much
oppna-tillfallen = At most { $antal } sessions
oppna-veckor = At most { $antal } weeks
oppna-lopande = As long as you need
oppna-villkor = Conditions
oppna-bosatt = You must live in the municipality.
oppna-kostar = Cost
oppna-avgiftsfri = Free
oppna-avgift = { $kr } kronor per visit
oppna-dokumentation = What is written down about you
oppna-integritet-full = Your details and the help you get are written in your file, as when you apply.
oppna-integritet-minimal = Only sex, age group and district. Not your name or personal identity number.
oppna-integritet-anonym = Nothing about you. Only how many come.
oppna-integritet-radgivning = Nothing about you. Only what the conversation was about.
oppna-hos = Where
oppna-ansok = Would you rather apply for support?

manadsansokan-medsokande = Your spouse or partner: personal identity number
manadsansokan-medsokande_hjalp = Only if you apply together. Write YYYYMMDD-NNNN. They confirm the application when they log in to My pages, and see only your joint application and the decision.
manadsansokan-fel_medsokande = Write a valid personal identity number for your spouse or partner, not your own.

## Joint application for financial support, as the co-applicant sees it
gemensam-titel = Joint application for financial support
gemensam-tillbaka = Back to My cases
gemensam-oversikt_rubrik = Applications where you are co-applicant
gemensam-manader = Months
gemensam-ingress = You and your spouse or partner apply for financial support together. You are both parties to the application and to the decision. Here you see only your joint application, the calculation and the decision.
gemensam-skyddad = What the other person wrote or sent with the application is not shown here, to protect information about where they live. You see the amounts, the calculation and the decision as usual. Ask your case worker if you need to know more.
gemensam-ansokan = What you apply for
gemensam-undertecknad = You have both signed the application.
gemensam-bekraftad = You confirmed on { $datum } that the application is right.
gemensam-invand = You wrote on { $datum } that something in the application is wrong: { $text }
gemensam-vantar = Read the application and answer whether it is right. Your caseworker is waiting for your answer.
gemensam-stammer_fraga = Is the application right?
gemensam-ja = Yes, the application is right
gemensam-nej = No, something is wrong
gemensam-text = What is wrong?
gemensam-text_hjalp = Write briefly what is wrong. You only need to write if you answer no.
gemensam-skicka = Send your answer
gemensam-berakning = How we calculated
gemensam-beslut = Decision
gemensam-overklaga_hur = Write to the social welfare committee if you want to appeal. Say which decision it is, what you want changed and why. You can appeal even though the case is your spouse's or partner's.
gemensam-inget_beslut = There is no decision for the month yet.
gemensam-fel_manad = The application for that month no longer exists. Reload the page.
gemensam-fel_val = Choose whether the application is right.
gemensam-fel_text = Write what is wrong in the application.
oppna-dina_besok = Your visits
oppna-dina_besok_text = Visits to help where your details are written down. If you think something is wrong, tell the place that gives the help, and it will be noted.
oppna-besok_datum = Date
oppna-besok_insats = Help
oppna-besok_anteckning = Note

## Ask for another handläggare (mina_sidor/handlaggarbyte.html)
byte-titel = Ask for another case worker
byte-rubrik = Ask for another case worker
byte-ingress = You have the right to ask for another case worker. You do not need to say why. The manager of the unit reads your request and answers you in writing. Your case worker cannot answer the request.
byte-svarstid =
    You will get an answer within { $dagar ->
        [one] { $dagar } working day
       *[other] { $dagar } working days
    }.
byte-skal = Why do you want to change?
byte-skal_hjalp = Please write what is not working. It helps the manager find a good solution.
byte-skicka = Send the request
byte-vantar = You have asked for another case worker. You will get an answer by { $datum }.
byte-beviljad = You will get another case worker (answer { $datum })
byte-avslagen = You cannot change case worker now (answer { $datum })

## Synpunkter och klagomål (mina_sidor/synpunkter.html, synpunkt_kvitto.html)
synpunkt-titel = Comments and complaints
synpunkt-rubrik = Leave a comment or a complaint
synpunkt-ingress = What do you think of the social services? You can complain, make a suggestion or give praise. You do not need to log in or say who you are.
synpunkt-vad_hander_rubrik = This is what happens with what you write
synpunkt-vad_hander_1 = We register it and you get a number. Keep the number.
synpunkt-svarstid =
    We answer within { $veckor ->
        [one] { $veckor } week
       *[other] { $veckor } weeks
    } if you leave a way to reach you.
synpunkt-vad_hander_2 = A few people who work with complaints read it. They may be managers. If you complain about your case worker, they do not read it.
synpunkt-vad_hander_3 = Every quarter the board learns how many complained and about what. No names are given.
synpunkt-vad_hander_4 = What you write becomes a public document. Information about you is protected by secrecy.
synpunkt-kommun = Municipality
synpunkt-valj = Choose
synpunkt-slag = What do you want to leave?
synpunkt-slag_klagomal = A complaint
synpunkt-slag_forslag = A suggestion
synpunkt-slag_berom = Praise
synpunkt-kategori = What is it about?
synpunkt-kategori_bemotande = How I was treated
synpunkt-kategori_handlaggning = Handling and decisions
synpunkt-kategori_tillganglighet = Reaching the social services
synpunkt-kategori_insats = Support and services
synpunkt-kategori_information = Information
synpunkt-kategori_annat = Something else
synpunkt-text = Write here
synpunkt-text_hjalp = Tell us what happened and when. Please write what you want to be better.
synpunkt-namn = Your name
synpunkt-kontakt = Phone or e-mail
synpunkt-kontakt_hjalp = Write it if you want an answer. Otherwise we cannot answer you.
synpunkt-utan_namn = Send without my name
synpunkt-utan_namn_hjalp = Then we do not know who you are. You will not see the answer here.
synpunkt-skicka = Send
synpunkt-tidigare = What you have sent before
synpunkt-skickad = Sent { $datum }.
synpunkt-svar_rubrik = Answer { $datum }
synpunkt-svar_vantar = You will get an answer by { $datum }.
synpunkt-for_manga = Many have sent from the same place just now. Wait a while and try again.
synpunkt-fel_kommun = Choose which municipality it is about.
synpunkt-fel_slag = Choose what you want to leave.
synpunkt-fel_kategori = Choose what it is about.
synpunkt-fel_text = Write what you want to say.
synpunkt-kvitto_titel = Thank you
synpunkt-kvitto_rubrik = Thank you! We have received what you wrote
synpunkt-kvitto_nummer = Your number
synpunkt-kvitto_svar = Answer by
synpunkt-kvitto_spara = Keep the number. Give it if you contact us.
synpunkt-kvitto_inloggad = You will see the answer here on My pages.
synpunkt-kvitto_se = See what you have sent
synpunkt-kvitto_kontakt = We will answer you the way you wrote.
synpunkt-kvitto_anonym = You have not left a way to reach you. So we cannot answer you. We still read what you wrote.
ram-synpunkter = Comments and complaints
## Whom you reach and when (issue 19)
kontakt-rubrik = How to reach us
kontakt-rubrik_enhet = { $enhet }
kontakt-rubrik_utforare = { $enhet } gives the support
kontakt-kontaktperson = Ask for
kontakt-telefon = Phone
kontakt-telefontider = You can call
kontakt-besoksadress = Address
kontakt-besokstider = You can visit
kontakt-boka = Book a meeting
kontakt-epost = E-mail
kontakt-epost_varning = Do not write anything private in an e-mail. Write a message in your case instead.
kontakt-saknas = There is no number here yet. Write a message in your case, or call the main number of the municipality.
kontakt-ersattare = { $handlaggare } is away just now. Up to and including { $datum }, { $namn } takes care of your case.
kontakt-lank = How to reach us
kontakt-diarienummer = Give your case number when you get in touch: { $diarienummer }.
kontakt-fragor_beslut = Do you have questions about the decision?
arende-insatser = Your support now
lage-beslut_vantas = We expect you to get a decision by { $datum }.
lage-beslut_sent = You should have had a decision by { $datum }. It has not come. Ask your case worker when it will come.
tidslinje-beslut_vantas = We expect you to get a decision by { $datum }.
pagar-forsorjningsstod = You have had income support since { $datum }.
pagar-ekonomiskt_bistand_ovrigt = You have had financial aid since { $datum }.
pagar-oppenvardsbehandling = You have been in treatment since { $datum }.
pagar-stod_i_boendet = You have had support in your home since { $datum }.
pagar-kontaktperson = You have had a contact person since { $datum }.
pagar-sysselsattning = You have had daily activity since { $datum }.
pagar-case_manager = You have had a case manager since { $datum }.
pagar-hvb = You have lived in a care home (HVB) since { $datum }.
pagar-stodboende = You have lived in supported housing since { $datum }.
pagar-familjehem = You have lived in a foster home since { $datum }.
pagar-traningslagenhet = You have lived in a training flat since { $datum }.

## When something cannot be done: in your words, not the staff's (issue 19)
avvisning-tillstand = This cannot be done in your case just now. Reload the page to see where your case stands. Ask your case worker if you wonder why.
avvisning-fakta = Something you wrote needs to be changed. Look it over and try again.
avvisning-fakta_datum = The date is not right. Look it over and try again.
avvisning-fakta_synpunkt = Write what you think should change in the plan.
avvisning-fakta_version = The plan has changed since you read it. Read the new plan and answer again.
avvisning-fakta_text = Look over the text and try again.
avvisning-annat = That did not work. Nothing was saved. Try again, or get in touch with your case worker.
avvisning-begaran-om-avgorande = You cannot ask the board to decide your case now. You can do it only once in each case, and only while the case is not decided.
avvisning-overklagande = This decision cannot be appealed here. Write to your case worker, and we will help you.
avvisning-svar = You can no longer answer this. Reload the page to see where your case stands.
avvisning-aktualisera = Your application could not be received. Nothing was saved. Try again, or get in touch with us.
# Notifications (issue 19 item 3).
avisering-titel = Notifications
avisering-rubrik = Be told when something is new
avisering-ingress = We can send an e-mail or a text message when there is something new for you here. For example a decision, a message or a time for a meeting.
avisering-innehall = The e-mail or text only says that there is something new on Mina sidor. It never says what it is about. Remember that anyone who can read your e-mail or your phone sees that you got such a message.
avisering-skyddad = Your personal details are protected. Choose an address or a number that only you can read.
avisering-inga_kanaler = The municipality does not send e-mails or texts yet. Look in here now and then to see if something is new.
avisering-nu_rubrik = How you are told now
avisering-aktiv = We send { $kanal } to { $adress }.
avisering-av = You get no e-mails or texts from us.
avisering-stang_av = Turn off
avisering-kod_rubrik = Enter the code
avisering-kod_skickad = We have sent a code by { $kanal } to { $adress }. The code is valid for 15 minutes.
avisering-kod = Code
avisering-bekrafta = Confirm
avisering-valj_rubrik = Turn on
avisering-byt_rubrik = Change address or number
avisering-kanal = How do you want to be told?
avisering-kanal_epost = e-mail
avisering-kanal_sms = text message
avisering-adress = E-mail address or mobile number
avisering-adress_hjalp = We send a code there. You enter the code here. Only then do we start sending.
avisering-skicka_kod = Send code
avisering-notis_kod = We have sent a code. Enter it below.
avisering-notis_pa = Done. Now you are told when something is new.
avisering-notis_av = Done. You get no e-mails or texts from us now. The address is deleted.
avisering-bara_personen = Only the person can choose how they are told.
avisering-fel_kanal = Choose e-mail or text message.
avisering-fel_tom = Enter your e-mail address or your mobile number.
avisering-fel_epost = That does not look like an e-mail address. Write for example name@example.com.
avisering-fel_mobil = That does not look like a Swedish mobile number. Write for example 070-123 45 67.
avisering-fel_vanta = We just sent a code. Wait a minute before you ask for a new one.
avisering-fel_skicka = We could not send the code just now. Check that the address is right and try again in a while.
avisering-fel_kodform = The code has six digits. Enter it again.
avisering-fel_kod =
    The code is wrong. You can try { $kvar ->
        [one] once more.
       *[other] { $kvar } more times.
    }
avisering-fel_kod_ogiltig = The code is no longer valid. Ask for a new code.
avisering-amne = New on Mina sidor
avisering-text = Hello! There is something new for you on Mina sidor. Log in as usual to read it. We never write here what it is about. You can turn off these messages on Mina sidor.
avisering-kod_amne = Your code for Mina sidor
avisering-kod_text = Your code is { $kod }. Enter it on Mina sidor. The code is valid for 15 minutes. Did you not ask for a code? Then you can ignore this.
