//! Renders the three letters and checks them with poppler-utils (`pdftotext`, `pdfinfo`,
//! `pdffonts`) and `qpdf --check`. Install with `apt-get install -y poppler-utils qpdf`.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::Instant;

use lots_documents::{
    Beslutsbrev, Beslutsutfall, Delegation, DokumentFel, Dokumentmotor, Kommuniceringsbrev,
    Kontakt, Kontrollmeddelande, Mottagare, Namnd, Period, Processbeslut, Processbeslutsslag,
    Tjansteperson,
};
use time::macros::date;

static MOTOR: LazyLock<Dokumentmotor> =
    LazyLock::new(|| Dokumentmotor::ny().expect("dokumentmotorn ska gå att bygga"));

// ---------------------------------------------------------------- example data

fn namnd() -> Namnd {
    Namnd {
        kommun: "Älvsby kommun".into(),
        namnd: "Socialnämnden".into(),
        enhet: Some("Socialförvaltningen, Vuxenenheten".into()),
        postadress: vec!["Box 114".into(), "942 22 Älvsbyn".into()],
        telefon: "0929-170 00".into(),
        epost: Some("socialtjansten@alvsby.example".into()),
    }
}

fn mottagare() -> Mottagare {
    Mottagare {
        namn: "Åsa Öberg-Lindström".into(),
        personnummer: "196408233234".into(),
        adress: vec!["Storgatan 7 B".into(), "942 31 Älvsbyn".into()],
        skyddade_personuppgifter: false,
    }
}

fn skyddad() -> Mottagare {
    Mottagare {
        adress: vec!["Hemliga vägen 3".into(), "123 45 Gömstad".into()],
        skyddade_personuppgifter: true,
        ..mottagare()
    }
}

fn kontakt() -> Kontakt {
    Kontakt {
        namn: "Jörgen Säll".into(),
        titel: "socialsekreterare".into(),
        telefon: Some("0929-171 23".into()),
        epost: Some("jorgen.sall@alvsby.example".into()),
    }
}

fn avslag() -> Beslutsbrev {
    Beslutsbrev {
        avsandare: namnd(),
        beslutsdatum: date!(2026 - 03 - 10),
        mottagare: mottagare(),
        arende: "SN 2026/0142".into(),
        ansokan: "stödboende".into(),
        ansokningsdatum: Some(date!(2026 - 02 - 02)),
        utfall: Beslutsutfall::Avslag,
        insats: "Stödboende på Björkgården".into(),
        lagrum: "11 kap. 1 § socialtjänstlagen (2025:400)".into(),
        mal: None,
        omfattning: None,
        period: None,
        avslagen_del: None,
        motivering: "Du har egen bostad med förstahandskontrakt.\n\n\
                     Ditt behov av stöd i vardagen kan tillgodoses genom boendestöd i hemmet. \
                     Nämnden bedömer därför att du inte har rätt till stödboende."
            .into(),
        beslutsfattare: Tjansteperson {
            namn: "Märta Ådahl".into(),
            titel: "enhetschef".into(),
        },
        delegation: Some(Delegation {
            punkt: "3.2.1".into(),
            version: "beslutad 2025-12-10".into(),
        }),
        foredragande: Some(Tjansteperson {
            namn: "Jörgen Säll".into(),
            titel: "socialsekreterare".into(),
        }),
        forvaltningsratt: "Förvaltningsrätten i Luleå".into(),
        sista_dag_att_overklaga: Some(date!(2026 - 04 - 21)),
        kontakt: kontakt(),
        forhandsgranskning: false,
    }
}

fn bifall() -> Beslutsbrev {
    Beslutsbrev {
        utfall: Beslutsutfall::Bifall,
        insats: "Kontaktperson".into(),
        ansokan: "kontaktperson".into(),
        mal: Some("Att du får ett socialt sammanhang och stöd att hålla dig drogfri.".into()),
        omfattning: Some("Två träffar i månaden, cirka tre timmar per träff.".into()),
        period: Some(Period {
            fran: date!(2026 - 03 - 15),
            till: Some(date!(2026 - 09 - 14)),
        }),
        motivering: "Du behöver stöd för att bryta din isolering. Nämnden bedömer att en \
                     kontaktperson tillgodoser behovet."
            .into(),
        sista_dag_att_overklaga: None,
        ..avslag()
    }
}

fn kommunicering() -> Kommuniceringsbrev {
    Kommuniceringsbrev {
        avsandare: namnd(),
        datum: date!(2026 - 03 - 02),
        mottagare: mottagare(),
        arende: "SN 2026/0142".into(),
        arendet_galler: "din ansökan om stödboende".into(),
        material: vec![
            "Utredning daterad 2026-02-27".into(),
            "Läkarintyg från Älvsby hälsocentral, 2026-02-12".into(),
            "Anteckningar från hembesök 2026-02-20".into(),
        ],
        bifogat: vec!["Utredning daterad 2026-02-27".into()],
        tillgangligt: Some("Läkarintyget kan läsas på Mina sidor.".into()),
        svara_senast: date!(2026 - 03 - 16),
        kontakt: kontakt(),
    }
}

fn kontroll() -> Kontrollmeddelande {
    Kontrollmeddelande {
        avsandare: namnd(),
        datum: date!(2026 - 03 - 11),
        mottagare: mottagare(),
        arende: "SN 2026/0142".into(),
        handling: "Beslut om stödboende".into(),
        handlingens_datum: Some(date!(2026 - 03 - 10)),
        skickad: date!(2026 - 03 - 10),
        anses_delgiven: Some(date!(2026 - 03 - 24)),
        kontakt: kontakt(),
    }
}

// ---------------------------------------------------------------- tools

fn verktyg(namn: &str, args: &[&str], pdf: &[u8]) -> (bool, String) {
    static N: AtomicUsize = AtomicUsize::new(0);
    let fil: PathBuf = std::env::temp_dir().join(format!(
        "lots-documents-{}-{}.pdf",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::write(&fil, pdf).expect("skriva temporär pdf");
    let mut cmd = Command::new(namn);
    cmd.args(args).arg(&fil);
    if namn == "pdftotext" {
        cmd.arg("-");
    }
    let ut = cmd.output().unwrap_or_else(|e| {
        panic!(
            "kunde inte köra `{namn}` ({e}); installera verktygen med \
             `apt-get install -y poppler-utils qpdf`"
        )
    });
    let _ = std::fs::remove_file(&fil);
    let mut text = String::from_utf8(ut.stdout).expect("utdata ska vara UTF-8");
    text.push_str(&String::from_utf8_lossy(&ut.stderr));
    (ut.status.success(), text)
}

/// The text of the PDF with all whitespace runs collapsed to one space.
fn text(pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF-"), "utdata ska börja med %PDF-");
    let (ok, t) = verktyg("pdftotext", &["-enc", "UTF-8"], pdf);
    assert!(ok, "pdftotext misslyckades: {t}");
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn innehaller(text: &str, delar: &[&str]) {
    let saknas: Vec<_> = delar.iter().filter(|d| !text.contains(*d)).collect();
    assert!(
        saknas.is_empty(),
        "saknas i texten: {saknas:?}\n--- text ---\n{text}"
    );
}

fn saknar(text: &str, delar: &[&str]) {
    let finns: Vec<_> = delar.iter().filter(|d| text.contains(*d)).collect();
    assert!(
        finns.is_empty(),
        "ska inte finnas i texten: {finns:?}\n--- text ---\n{text}"
    );
}

fn qpdf_ok(pdf: &[u8]) {
    let (ok, ut) = verktyg("qpdf", &["--check"], pdf);
    assert!(ok, "qpdf --check misslyckades:\n{ut}");
    assert!(
        ut.contains("No syntax or stream encoding errors"),
        "qpdf:\n{ut}"
    );
}

// ---------------------------------------------------------------- beslutsbrev

#[test]
fn avslag_innehaller_allt_som_kravs() {
    let t = text(&MOTOR.beslutsbrev(&avslag()).expect("rendera avslag"));
    innehaller(
        &t,
        &[
            // who sends, when, to whom
            "Älvsby kommun",
            "Socialnämnden",
            "Socialförvaltningen, Vuxenenheten",
            "Datum: 2026-03-10",
            "Åsa Öberg-Lindström",
            "Storgatan 7 B",
            "942 31 Älvsbyn",
            "19640823-3234",
            "Ärende: SN 2026/0142",
            // what was applied for and decided
            "Beslut om stödboende",
            "Du har ansökt om stödboende.",
            "Vi fick din ansökan den 2 februari 2026.",
            "Socialnämnden avslår din ansökan.",
            "Avslag",
            "Stödboende på Björkgården",
            "11 kap. 1 § socialtjänstlagen (2025:400)",
            // motivering, both paragraphs
            "Du har egen bostad med förstahandskontrakt.",
            "Nämnden bedömer därför att du inte har rätt till stödboende.",
            // who decided, under which delegation, who presented
            "Märta Ådahl, enhetschef, har fattat beslutet.",
            "punkt 3.2.1 i nämndens delegationsordning (beslutad 2025-12-10)",
            "Föredragande: Jörgen Säll, socialsekreterare.",
            // appeal instructions
            "Så överklagar du",
            "Det ska vara skriftligt.",
            "Förvaltningsrätten i Luleå",
            "till nämnden, inte till domstolen",
            "Box 114",
            "942 22 Älvsbyn",
            "inom tre veckor från den dag då du fick del av beslutet",
            "Sista dag att överklaga: tisdag 21 april 2026",
            "vilket beslut du överklagar: beslutet den 2026-03-10 i ärende SN 2026/0142",
            "vilken ändring du vill ha",
            "varför du tycker att beslutet ska ändras",
            "ditt namn och personnummer",
            "din adress och ditt telefonnummer",
            "din underskrift",
            "Vill du ha hjälp att överklaga? Kontakta Jörgen Säll på telefon 0929-171 23.",
            // contact
            "jorgen.sall@alvsby.example",
            "Sida 1 av",
        ],
    );
    // A refused insats has no goal, scope or period.
    saknar(&t, &["Mål med insatsen", "Omfattning", "Från och med"]);
}

#[test]
fn bifall_har_mal_omfattning_period_och_ingen_overklagandehanvisning() {
    let t = text(&MOTOR.beslutsbrev(&bifall()).expect("rendera bifall"));
    innehaller(
        &t,
        &[
            "Socialnämnden beviljar din ansökan.",
            "Bifall",
            "Kontaktperson",
            "Mål med insatsen",
            "Att du får ett socialt sammanhang och stöd att hålla dig drogfri.",
            "Två träffar i månaden, cirka tre timmar per träff.",
            "Från och med 15 mars 2026 till och med 14 september 2026",
            "Skälen för beslutet",
            "Märta Ådahl, enhetschef, har fattat beslutet.",
        ],
    );
    saknar(
        &t,
        &[
            "verklag",
            "Förvaltningsrätten",
            "förvaltningsrätten",
            "Sista dag",
        ],
    );
}

#[test]
fn bifall_tills_vidare() {
    let mut b = bifall();
    b.period = Some(Period {
        fran: date!(2026 - 03 - 15),
        till: None,
    });
    let t = text(&MOTOR.beslutsbrev(&b).expect("rendera"));
    innehaller(&t, &["Från och med 15 mars 2026 och tills vidare"]);
}

#[test]
fn delvis_bifall_och_avvisning_har_overklagandehanvisning() {
    let mut delvis = bifall();
    delvis.utfall = Beslutsutfall::DelvisBifall;
    delvis.avslagen_del = Some("Kontaktperson varje vecka.".into());
    delvis.sista_dag_att_overklaga = None;
    let t = text(&MOTOR.beslutsbrev(&delvis).expect("rendera delvis bifall"));
    innehaller(
        &t,
        &[
            "beviljar en del av din ansökan",
            "Delvis bifall",
            "Det här får du inte",
            "Kontaktperson varje vecka.",
            "Mål med insatsen",
            "Så överklagar du",
            "inom tre veckor",
            "Förvaltningsrätten i Luleå",
        ],
    );
    // Without a computed last day the letter states only the rule.
    saknar(&t, &["Sista dag att överklaga"]);

    let mut avvisning = avslag();
    avvisning.utfall = Beslutsutfall::Avvisning;
    let t = text(&MOTOR.beslutsbrev(&avvisning).expect("rendera avvisning"));
    innehaller(
        &t,
        &[
            "Socialnämnden avvisar din ansökan.",
            "Avvisning",
            "inte har prövat",
            "Så överklagar du",
            "Sista dag att överklaga: tisdag 21 april 2026",
        ],
    );
}

#[test]
fn beslut_utan_delegation_och_foredragande() {
    let mut b = avslag();
    b.delegation = None;
    b.foredragande = None;
    b.beslutsfattare = Tjansteperson {
        namn: "Socialnämndens arbetsutskott".into(),
        titel: "ordförande Eva Ek".into(),
    };
    let t = text(&MOTOR.beslutsbrev(&b).expect("rendera"));
    saknar(&t, &["delegation", "Föredragande"]);
}

// ---------------------------------------------------------------- skyddade personuppgifter

#[test]
fn skyddad_person_far_ingen_adress_i_nagot_brev() {
    let mut beslut = avslag();
    beslut.mottagare = skyddad();
    let mut komm = kommunicering();
    komm.mottagare = skyddad();
    let mut kontr = kontroll();
    kontr.mottagare = skyddad();

    for pdf in [
        MOTOR.beslutsbrev(&beslut).expect("beslut"),
        MOTOR.kommuniceringsbrev(&komm).expect("kommunicering"),
        MOTOR.kontrollmeddelande(&kontr).expect("kontroll"),
    ] {
        let t = text(&pdf);
        innehaller(&t, &["Åsa Öberg-Lindström", "19640823-3234"]);
        saknar(&t, &["Hemliga vägen", "Gömstad", "123 45"]);
        let (_, meta) = verktyg("pdfinfo", &["-meta"], &pdf);
        saknar(&meta, &["Hemliga vägen", "Gömstad"]);
        qpdf_ok(&pdf);
    }
}

// ---------------------------------------------------------------- kommunicering, kontroll

#[test]
fn kommuniceringsbrev_innehall() {
    let t = text(&MOTOR.kommuniceringsbrev(&kommunicering()).expect("rendera"));
    innehaller(
        &t,
        &[
            "Älvsby kommun",
            "Datum: 2026-03-02",
            "Åsa Öberg-Lindström",
            "19640823-3234",
            "SN 2026/0142",
            "Socialnämnden ska snart fatta beslut om din ansökan om stödboende.",
            "Utredning daterad 2026-02-27",
            "Läkarintyg från Älvsby hälsocentral, 2026-02-12",
            "Anteckningar från hembesök 2026-02-20",
            "Med det här brevet skickar vi:",
            "Så kan du ta del av materialet: Läkarintyget kan läsas på Mina sidor.",
            "Skriv till oss.",
            "Box 114",
            "socialtjansten@alvsby.example",
            "Ring Jörgen Säll på telefon 0929-171 23.",
            "Boka ett möte med Jörgen Säll.",
            "Svara senast: måndag 16 mars 2026",
            "25 § förvaltningslagen (2017:900)",
        ],
    );
    saknar(&t, &["Så överklagar du"]);

    let mut utan = kommunicering();
    utan.bifogat = vec![];
    utan.tillgangligt = None;
    let t = text(&MOTOR.kommuniceringsbrev(&utan).expect("rendera"));
    innehaller(
        &t,
        &[
            "Inget av materialet skickas med det här brevet.",
            "Vill du läsa materialet? Kontakta oss, så får du en kopia.",
        ],
    );
    // FL 25 §: nothing recorded as enclosed, so the letter never claims it is.
    saknar(&t, &["Med det här brevet skickar vi"]);
}

#[test]
fn kontrollmeddelande_innehall() {
    let t = text(&MOTOR.kontrollmeddelande(&kontroll()).expect("rendera"));
    innehaller(
        &t,
        &[
            "Kontrollmeddelande",
            "Datum: 2026-03-11",
            "Åsa Öberg-Lindström",
            "19640823-3234",
            "Den 10 mars 2026 skickade vi en handling till dig med post:",
            "Beslut om stödboende, daterad 10 mars 2026",
            "förenklad delgivning",
            "två veckor efter den dag då vi skickade handlingen",
            "Du räknas som delgiven den 24 mars 2026.",
            "Har du inte fått handlingen?",
            "Kontakta nämnden genast: ring 0929-170 00",
            "Då skickar vi handlingen till dig igen.",
            "Vänta inte.",
            "22–24 §§ delgivningslagen (2010:1932)",
            "0929-171 23",
            "Box 114",
        ],
    );
}

// ---------------------------------------------------------------- PDF properties

#[test]
fn pdf_struktur_metadata_och_typsnitt() {
    let brev = [
        (
            "Beslut om stödboende",
            MOTOR.beslutsbrev(&avslag()).expect("beslut"),
        ),
        (
            "Underrättelse om material inför beslut",
            MOTOR
                .kommuniceringsbrev(&kommunicering())
                .expect("kommunicering"),
        ),
        (
            "Kontrollmeddelande – förenklad delgivning",
            MOTOR.kontrollmeddelande(&kontroll()).expect("kontroll"),
        ),
    ];
    // For a look by eye: LOTS_DOKUMENT_UT=/tmp/brev cargo test -p lots-documents
    if let Some(ut) = std::env::var_os("LOTS_DOKUMENT_UT") {
        std::fs::create_dir_all(&ut).expect("skapa utkatalog");
        for (namn, (_, pdf)) in ["beslutsbrev", "kommuniceringsbrev", "kontrollmeddelande"]
            .iter()
            .zip(&brev)
        {
            std::fs::write(PathBuf::from(&ut).join(format!("{namn}.pdf")), pdf)
                .expect("skriva pdf");
        }
        let mut b = bifall();
        b.mottagare = skyddad();
        let pdf = MOTOR.beslutsbrev(&b).expect("bifall");
        std::fs::write(
            PathBuf::from(&ut).join("beslutsbrev-bifall-skyddad.pdf"),
            pdf,
        )
        .expect("skriva pdf");
    }
    for (titel, pdf) in &brev {
        assert!(pdf.starts_with(b"%PDF-"));
        qpdf_ok(pdf);

        let (ok, info) = verktyg("pdfinfo", &[], pdf);
        assert!(ok, "pdfinfo: {info}");
        let info: String = info
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") + "\n")
            .collect();
        innehaller(
            &info,
            &[
                &format!("Title: {titel}"),
                "Tagged: yes",
                "Creator: Lots",
                "Author: Älvsby kommun",
            ],
        );

        let (_, meta) = verktyg("pdfinfo", &["-meta"], pdf);
        innehaller(
            &meta,
            &[
                "<pdfaid:part>2</pdfaid:part>",
                "<pdfaid:conformance>B</pdfaid:conformance>",
                "<rdf:li>sv-SE</rdf:li>",
            ],
        );

        // Every font embedded.
        let (ok, fonter) = verktyg("pdffonts", &[], pdf);
        assert!(ok, "pdffonts: {fonter}");
        let rader: Vec<_> = fonter.lines().skip(2).collect();
        assert!(!rader.is_empty(), "inga typsnitt?\n{fonter}");
        for rad in rader {
            let kolumner: Vec<_> = rad.split_whitespace().collect();
            // name type [encoding] emb sub uni object ID: emb is the fifth column from the end.
            let emb = kolumner[kolumner.len() - 5];
            assert_eq!(emb, "yes", "typsnittet är inte inbäddat: {rad}");
        }
    }
    // The creation date is the letter's date, not the clock.
    let (_, info) = verktyg("pdfinfo", &["-isodates"], &brev[0].1);
    assert!(
        info.contains("2026-03-10"),
        "CreationDate ska vara beslutsdatum:\n{info}"
    );
}

#[test]
fn samma_indata_ger_samma_bytes() {
    let a = MOTOR.beslutsbrev(&avslag()).expect("a");
    let b = MOTOR.beslutsbrev(&avslag()).expect("b");
    assert!(a == b, "två renderingar av samma beslut skiljer sig");

    // A separately built engine gives the same bytes too.
    let annan = Dokumentmotor::ny().expect("motor");
    assert!(
        annan.beslutsbrev(&avslag()).expect("c") == a,
        "ny motor gav andra bytes"
    );
    assert!(
        annan.kommuniceringsbrev(&kommunicering()).expect("d")
            == MOTOR.kommuniceringsbrev(&kommunicering()).expect("e")
    );
    assert!(
        annan.kontrollmeddelande(&kontroll()).expect("f")
            == MOTOR.kontrollmeddelande(&kontroll()).expect("g")
    );

    // Different input, different bytes.
    assert!(MOTOR.beslutsbrev(&bifall()).expect("h") != a);
}

#[test]
fn markup_i_data_skrivs_ut_bokstavligt() {
    let mut b = avslag();
    b.motivering = "#panic(\"x\") och *bold* och ] och [ och _kursiv_ och $x^2$ och <etikett> \
                    och @ref och // inte kommentar och \\ och #let a = 1"
        .into();
    b.insats = "#set page(width: 1cm)]".into();
    b.mottagare.namn = "*Fet* #Namn".into();
    let t = text(
        &MOTOR
            .beslutsbrev(&b)
            .expect("markup i data ska inte tolkas"),
    );
    innehaller(
        &t,
        &[
            "#panic(\"x\") och *bold* och ] och [ och _kursiv_ och $x^2$ och <etikett> och @ref \
             och // inte kommentar och \\ och #let a = 1",
            "#set page(width: 1cm)]",
            "*Fet* #Namn",
        ],
    );
}

#[test]
fn lang_motivering_ger_flera_sidor() {
    let mut b = avslag();
    b.motivering = (1..=40)
        .map(|i| {
            format!("Stycke {i}. Nämnden har gått igenom underlaget och väger in omständigheterna.")
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let pdf = MOTOR.beslutsbrev(&b).expect("rendera");
    let t = text(&pdf);
    innehaller(
        &t,
        &[
            "Stycke 40.",
            "Sida 1 av",
            "Sida 2 av",
            "Sista dag att överklaga",
        ],
    );
    qpdf_ok(&pdf);
}

/// A preview from the decision form (issue 20 item 5) says on every page that it is not
/// the letter sent; the letter itself never says so.
#[test]
fn forhandsgranskning_markeras_pa_varje_sida() {
    let mut b = avslag();
    b.forhandsgranskning = true;
    b.motivering = (1..=40)
        .map(|i| format!("Stycke {i}. Nämnden har gått igenom underlaget."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let pdf = MOTOR.beslutsbrev(&b).expect("rendera");
    let t = text(&pdf);
    // Each page's footer says "Sida N av M".
    let sidor = t.matches("Sida ").count();
    assert!(sidor >= 2, "{t}");
    assert_eq!(
        t.matches("Förhandsgranskning – inte skickat").count(),
        sidor + 1,
        "en gång per sida och en gång i rutan: {t}"
    );
    innehaller(
        &t,
        &["Beslutet är inte fattat och brevet har inte skickats."],
    );
    qpdf_ok(&pdf);
    saknar(
        &text(&MOTOR.beslutsbrev(&avslag()).expect("brev")),
        &["Förhandsgranskning"],
    );
}

// ---------------------------------------------------------------- validation

#[test]
fn ofullstandigt_underlag_avvisas() {
    let mut b = avslag();
    b.motivering = " \n\n ".into();
    assert!(matches!(
        MOTOR.beslutsbrev(&b),
        Err(DokumentFel::SaknasUppgift("motivering"))
    ));

    let mut b = bifall();
    b.mal = None;
    assert!(matches!(
        MOTOR.beslutsbrev(&b),
        Err(DokumentFel::SaknasUppgift(_))
    ));

    let mut b = bifall();
    b.period = None;
    assert!(matches!(
        MOTOR.beslutsbrev(&b),
        Err(DokumentFel::SaknasUppgift("period"))
    ));

    let mut b = bifall();
    b.utfall = Beslutsutfall::DelvisBifall;
    assert!(matches!(
        MOTOR.beslutsbrev(&b),
        Err(DokumentFel::SaknasUppgift(_))
    ));

    let mut b = avslag();
    b.forvaltningsratt = String::new();
    assert!(matches!(
        MOTOR.beslutsbrev(&b),
        Err(DokumentFel::SaknasUppgift("förvaltningsrätt"))
    ));

    let mut b = avslag();
    b.mottagare.personnummer = "640823-3234".into();
    let fel = MOTOR.beslutsbrev(&b).expect_err("tiosiffrigt personnummer");
    assert!(matches!(fel, DokumentFel::Personnummer));
    assert!(
        !fel.to_string().contains("3234"),
        "felet ska inte innehålla personnumret"
    );

    let mut k = kommunicering();
    k.material.clear();
    assert!(matches!(
        MOTOR.kommuniceringsbrev(&k),
        Err(DokumentFel::SaknasUppgift(_))
    ));
    let mut k = kommunicering();
    k.svara_senast = date!(2026 - 03 - 01);
    assert!(matches!(
        MOTOR.kommuniceringsbrev(&k),
        Err(DokumentFel::Datum)
    ));
}

#[test]
fn reservnummer_och_separator() {
    let mut b = avslag();
    b.mottagare.personnummer = "19800101-t123".into();
    let t = text(&MOTOR.beslutsbrev(&b).expect("rendera"));
    innehaller(&t, &["19800101-T123"]);
}

// ---------------------------------------------------------------- sharing and speed

#[test]
fn motorn_delas_mellan_tradar() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Dokumentmotor>();

    let motor = Arc::new(Dokumentmotor::ny().expect("motor"));
    let facit = motor.beslutsbrev(&avslag()).expect("facit");
    let tradar: Vec<_> = (0..4)
        .map(|i| {
            let motor = Arc::clone(&motor);
            std::thread::spawn(move || {
                if i % 2 == 0 {
                    motor.beslutsbrev(&avslag()).expect("beslut")
                } else {
                    motor.beslutsbrev(&bifall()).expect("bifall")
                }
            })
        })
        .collect();
    for (i, t) in tradar.into_iter().enumerate() {
        let pdf = t.join().expect("tråden");
        assert_eq!(pdf == facit, i % 2 == 0);
    }
}

#[test]
fn fria_funktioner_anvander_delad_motor() {
    let a = lots_documents::beslutsbrev(&avslag()).expect("beslut");
    assert!(a == MOTOR.beslutsbrev(&avslag()).expect("beslut"));
    assert!(lots_documents::kommuniceringsbrev(&kommunicering()).is_ok());
    assert!(lots_documents::kontrollmeddelande(&kontroll()).is_ok());
}

/// Reports the warm render time; not an assertion. Run with `-- --nocapture` to see it.
#[test]
fn renderingstid() {
    let start = Instant::now();
    let motor = Dokumentmotor::ny().expect("motor");
    let bygg = start.elapsed();
    let start = Instant::now();
    motor.beslutsbrev(&avslag()).expect("första");
    let forsta = start.elapsed();

    let n = 20;
    let mut tider = Vec::new();
    for i in 0..n {
        // Vary the data so no render is a pure cache hit.
        let mut b = avslag();
        b.arende = format!("SN 2026/{i:04}");
        let start = Instant::now();
        let pdf = motor.beslutsbrev(&b).expect("rendera");
        tider.push(start.elapsed());
        assert!(pdf.starts_with(b"%PDF-"));
    }
    tider.sort();
    let storlek = motor.beslutsbrev(&avslag()).expect("storlek").len();
    println!(
        "renderingstid: motor {:.1} ms, första brevet {:.1} ms, varmt median {:.1} ms \
         (min {:.1}, max {:.1}) över {n} beslutsbrev, {} kB",
        bygg.as_secs_f64() * 1e3,
        forsta.as_secs_f64() * 1e3,
        tider[n / 2].as_secs_f64() * 1e3,
        tider[0].as_secs_f64() * 1e3,
        tider[n - 1].as_secs_f64() * 1e3,
        storlek / 1024,
    );
}

#[test]
fn skrifter_som_typsnitten_tacker_och_inte() {
    for namn in [
        "Zoë Ñúñez Çelik",
        "Ольга Иванова",
        "Γιώργος Παπαδόπουλος",
        "Øystein Ærø",
    ] {
        let mut b = avslag();
        b.mottagare.namn = namn.into();
        let t = text(
            &MOTOR
                .beslutsbrev(&b)
                .expect("latin, kyrillisk och grekisk skrift"),
        );
        innehaller(&t, &[namn]);
    }
    // PDF/A forbids missing glyphs; the embedded fonts have no CJK or emoji. The error must
    // say so without quoting the text (it may be personal data).
    for namn in ["李小龍", "Anna 😀"] {
        let mut b = avslag();
        b.mottagare.namn = namn.into();
        let fel = MOTOR.beslutsbrev(&b).expect_err("tecken utan typsnitt");
        assert!(matches!(fel, DokumentFel::TeckenSaknas), "{fel:?}");
        let meddelande = format!("{fel} {fel:?}");
        assert!(
            !meddelande.contains('李') && !meddelande.contains('😀'),
            "{meddelande}"
        );
    }
}

#[test]
fn rapport_med_tabell_och_tom_sektion() {
    let r = lots_documents::Rapport {
        kommun: "Lotsby kommun".into(),
        titel: "Ej verkställda beslut, kvartal 3 2026".into(),
        undertitel: "Rapport till IVO enligt 34 kap. 1 § socialtjänstlagen".into(),
        datum: time::macros::date!(2026 - 10 - 05),
        sektioner: vec![
            lots_documents::Rapportsektion {
                rubrik: "Ej verkställda".into(),
                kolumner: vec!["Beslutsdatum".into(), "Insats".into(), "Skäl".into()],
                rader: vec![vec![
                    "2026-03-02".into(),
                    "Kontaktperson".into(),
                    "Ingen ledig kontaktperson #panic(\"x\")".into(),
                ]],
                tom: "Inga.".into(),
            },
            lots_documents::Rapportsektion {
                rubrik: "Verkställda efter rapportering".into(),
                kolumner: vec!["Beslutsdatum".into(), "Verkställt".into()],
                rader: vec![],
                tom: "Inga beslut har verkställts efter rapportering.".into(),
            },
        ],
        noter: vec!["Källa: Lots.".into()],
    };
    let pdf = lots_documents::rapport(&r).expect("render");
    assert!(pdf.starts_with(b"%PDF"));
    let dir = tempfile_dir();
    let fil = dir.join("rapport.pdf");
    std::fs::write(&fil, &pdf).unwrap();
    let ut = std::process::Command::new("pdftotext")
        .args([fil.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&ut.stdout);
    for del in [
        "Ej verkställda beslut, kvartal 3 2026",
        "Kontaktperson",
        "#panic(\"x\")",
        "Inga beslut har verkställts efter rapportering.",
        "Källa: Lots.",
    ] {
        assert!(text.contains(del), "{del}: {text}");
    }
    let ratt = lots_documents::Rapport {
        sektioner: vec![lots_documents::Rapportsektion {
            rader: vec![vec!["bara en".into()]],
            ..r.sektioner[0].clone()
        }],
        ..r
    };
    assert!(
        lots_documents::rapport(&ratt).is_err(),
        "rows must match the columns"
    );
}

fn tempfile_dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("lots-rapport-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn avvisning() -> Processbeslut {
    Processbeslut {
        avsandare: namnd(),
        beslutsdatum: date!(2026 - 04 - 28),
        mottagare: mottagare(),
        arende: "SN 2026/0142".into(),
        slag: Processbeslutsslag::AvvisatOverklagande {
            overklagat_beslut: "beslutet den 10 mars 2026 om stödboende".into(),
            inkom: date!(2026 - 04 - 22),
            delgiven: date!(2026 - 03 - 31),
            sista_dag: date!(2026 - 04 - 21),
        },
        motivering: String::new(),
        beslutsfattare: Tjansteperson {
            namn: "Märta Ådahl".into(),
            titel: "enhetschef".into(),
        },
        delegation: None,
        forvaltningsratt: "Förvaltningsrätten i Luleå".into(),
        kontakt: kontakt(),
    }
}

/// Issue 11, item 8: the decisions about the handling (FL 45 §, FL 12 §) are letters
/// with appeal instructions, the court and where to send the appeal.
#[test]
fn processbeslut_innehall() {
    let pdf = MOTOR.processbeslut(&avvisning()).expect("rendera");
    qpdf_ok(&pdf);
    let t = text(&pdf);
    innehaller(
        &t,
        &[
            "Beslut om ditt överklagande",
            "Nämnden avvisar ditt överklagande av beslutet den 10 mars 2026 om stödboende.",
            "Sista dagen var tisdag 21 april 2026.",
            "Ditt överklagande kom in den 22 april 2026.",
            "44 och 45 §§ förvaltningslagen (2017:900)",
            "Så överklagar du",
            "Förvaltningsrätten i Luleå",
            "Box 114",
            "0929-171 23",
            "SN 2026/0142",
        ],
    );
    // An appeal that came in on time is never dismissed.
    let mut i_tid = avvisning();
    i_tid.slag = Processbeslutsslag::AvvisatOverklagande {
        overklagat_beslut: "beslutet".into(),
        inkom: date!(2026 - 04 - 21),
        delgiven: date!(2026 - 03 - 31),
        sista_dag: date!(2026 - 04 - 21),
    };
    assert!(matches!(
        MOTOR.processbeslut(&i_tid),
        Err(DokumentFel::Datum)
    ));

    let begaran = Processbeslut {
        slag: Processbeslutsslag::AvslagenBegaranOmAvgorande {
            begard: date!(2026 - 04 - 14),
            arendet_galler: "ditt ärende om stödboende".into(),
        },
        motivering: "Vi väntar på läkarintyget.".into(),
        delegation: Some(Delegation {
            punkt: "3.2.1".into(),
            version: "7".into(),
        }),
        ..avvisning()
    };
    let t = text(&MOTOR.processbeslut(&begaran).expect("rendera"));
    innehaller(
        &t,
        &[
            "Beslut om din begäran om avgörande",
            "Nämnden avslår din begäran den 14 april 2026 om att ditt ärende om stödboende ska avgöras.",
            "Vi väntar på läkarintyget.",
            "12 § förvaltningslagen (2017:900)",
            "punkt 3.2.1",
            "Så överklagar du",
        ],
    );
    let utan_skal = Processbeslut {
        motivering: " ".into(),
        ..begaran
    };
    assert!(matches!(
        MOTOR.processbeslut(&utan_skal),
        Err(DokumentFel::SaknasUppgift("motivering"))
    ));
}
