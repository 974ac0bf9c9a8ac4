//! The demo municipality: Lotsby kommun with its socialnämnd, enheter, staff,
//! delegationsordning, 200 synthetic persons and about seventy cases in every
//! state of the process.
//!
//! Every case is driven through the domain rules with `Arenden::utfor`, step by
//! step as staff would take them; no event is ever written directly. A step is
//! recorded on the working day it happened (the `idag` it is checked against,
//! and a working-hours instant that day), counted back from today, so that the
//! bevakningar fall overdue, this week and later whenever the demo is loaded.
//! Everything else is deterministic: a fixed seed picks names and numbers.
//!
//! `lots demo --scale` (module `skala`) drives the same case machinery with the
//! same rules, but decides each case in memory and imports it in bulk.

mod manad;
mod oppna;
pub mod skala;
mod skala_oppna;
mod utforare;

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use anyhow::{Context, anyhow, bail};
use lots_domain::Avvisning;
use lots_domain::arende::Kontext;
use lots_domain::arende::{
    Anmalare, Arende, AterkallelseUppgifter, Avsandare, Avslutsorsak, BevakningsTyp, DomUtfall,
    ForhandsbedomningsUtfall, Handelse, Handlingstyp, Kanal, Kommando, Kommunikationssatt,
    Maluppfyllelse, Motestyp, NyttBeslut, Ombud, Status, UpphorandeUppgifter, Upphorandeorsak,
    Utskickssatt, bevakningar,
};
use lots_domain::delegation::{Delegationsordning, Delegationspunkt};
use lots_domain::identitet::{Identitet, luhn};
use lots_domain::ids::*;
use lots_domain::insats::{InsatsTyp, Utfall};
use lots_domain::organisation::Roll;
use lots_domain::tid::svensk_dag;
use lots_domain::{frister, kalender};
use lots_store::{Aktor, Anvandare, ImportArende, ImportSteg, Person, Store, StoreError, bestam};
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use time::macros::date;
use time::{Date, Duration, Month, OffsetDateTime};

/// The seed: the same demo every time.
const FRO: u64 = 9999;
const LOSENORD: &str = "demo1234";
const KOMMUN: &str = "Lotsby kommun";
const ANTAL_PERSONER: usize = 200;
/// Persons with skyddade personuppgifter, samordningsnummer and reservnummer, by index.
const SKYDDADE: [usize; 3] = [23, 88, 151];
const SAMORDNING: [usize; 2] = [57, 130];
const RESERV: usize = 177;

/// A person of the Mina sidor scenario: who the citizen portal is shown with, and
/// whom its browser test (e2e/tests/mina_sidor.spec.js) logs in as, one per screen width.
struct Scenarioperson {
    /// The index among the 200 persons the scenario person takes the place of. The
    /// random draws for that index are made all the same, so every other person
    /// and case is what it would have been. Both indices come last in the shuffled
    /// order the cases take persons from (`Demo::ordning`), far past where the
    /// cases reach (about 60 of 194), so taking them out changes no case.
    index: usize,
    fornamn: &'static str,
    efternamn: &'static str,
    kvinna: bool,
    /// Date of birth and birth number, its last digit even for a woman and odd for a
    /// man (the second-last of the personnummer); the Luhn check digit is added. No
    /// other person draws this number.
    nummer: &'static str,
}

const MINA_SIDOR: [Scenarioperson; 2] = [
    Scenarioperson {
        index: 111,
        fornamn: "Mira",
        efternamn: "Lind",
        kvinna: true,
        nummer: "19910412384",
    },
    Scenarioperson {
        index: 79,
        fornamn: "Adam",
        efternamn: "Ahl",
        kvinna: false,
        nummer: "19860923517",
    },
];

fn scenarioperson(i: usize) -> Option<&'static Scenarioperson> {
    MINA_SIDOR.iter().find(|s| s.index == i)
}

/// The scenario person's identity: a valid personnummer with its check digit.
fn scenarionummer(s: &Scenarioperson, idag: Date) -> anyhow::Result<Identitet> {
    let tolv = format!("{}{}", s.nummer, luhn(&s.nummer[2..]));
    Identitet::tolka(&tolv, idag).map_err(|e| anyhow!("scenariots nummer {tolv} är ogiltigt: {e}"))
}

/// The demo nämnd's particulars for its letters: a fictional address and number.
pub fn namnduppgifter() -> lots_store::Namnduppgifter {
    lots_store::Namnduppgifter {
        namnd: "Socialnämnden i Lotsby".into(),
        postadress: vec!["Box 100".into(), "999 99 Lotsby".into()],
        telefon: "0999-10 00 00".into(),
        epost: "socialnamnden@lotsby.example".into(),
        forvaltningsratt: "Förvaltningsrätten i Luleå".into(),
        diarieprefix: "SN".into(),
    }
}

/// The demo enheter's contact settings: fictional numbers in the 0999 series.
fn kontaktuppgifter(e: &Enheter) -> Vec<(EnhetId, lots_store::Enhetskontakt)> {
    let enhet =
        |telefon: &str, adress: &str, epost: &str, kontaktperson: &str| lots_store::Enhetskontakt {
            telefon: telefon.into(),
            telefontider: "Måndag–fredag 9–11 och 13–15".into(),
            besoksadress: adress.into(),
            besokstider: "Tisdag och torsdag 13–15, eller efter bokning".into(),
            epost: epost.into(),
            boka_mote: "Ring oss, eller be om ett möte under ditt ärende här.".into(),
            kontaktperson: kontaktperson.into(),
        };
    vec![
        (
            e.vm,
            enhet(
                "0999-10 10 10",
                "Storgatan 1, Lotsby",
                "vuxenenheten@lotsby.example",
                "",
            ),
        ),
        (
            e.eb,
            enhet(
                "0999-10 20 20",
                "Storgatan 1, Lotsby",
                "ekonomisktbistand@lotsby.example",
                "",
            ),
        ),
        (
            e.ov,
            enhet(
                "0999-10 30 30",
                "Lillgatan 4, Lotsby",
                "oppenvarden@lotsby.example",
                "Tove Lund",
            ),
        ),
    ]
}

/// The demo kommun's text blocks: (title, text).
const TEXTBLOCK: [(&str, &str); 3] = [
    (
        "Bifall – öppenvård",
        "Du har behov av stöd för att komma till rätta med ditt missbruk. Nämnden bedömer att behovet inte kan tillgodoses på annat sätt och att öppenvård ger dig en skälig levnadsnivå (11 kap. 1 § socialtjänstlagen).",
    ),
    (
        "Avslag – behovet tillgodoses på annat sätt",
        "Rätten till bistånd gäller ett behov som inte kan tillgodoses på annat sätt (11 kap. 1 § socialtjänstlagen). Nämnden bedömer att ditt behov kan tillgodoses på annat sätt, genom",
    ),
    (
        "Avslag försörjningsstöd – inkomster över normen",
        "Hushållets inkomster är högre än vad hushållet behöver enligt riksnormen och de skäliga kostnader som godkänts. Du har därför inte rätt till försörjningsstöd för månaden (12 kap. 1 § socialtjänstlagen).",
    ),
];

pub async fn fyll(store: &Store) -> anyhow::Result<String> {
    if let Some((_, namn)) = store.organisation().kommun().await? {
        bail!("Databasen har redan en kommun ({namn}). Demodata läggs bara in i en tom databas.");
    }
    let klocka = std::time::Instant::now();
    let nu = OffsetDateTime::now_utc();
    let idag = svensk_dag(nu);
    let mut rng = StdRng::seed_from_u64(FRO);

    let kommun = KommunId::ny();
    store
        .organisation()
        .skapa_kommun(kommun, "9999", KOMMUN)
        .await?;
    let namnd = uuid::Uuid::now_v7();
    store
        .organisation()
        .skapa_namnd(namnd, kommun, "Socialnämnden i Lotsby")
        .await?;
    // What every letter prints about the nämnd, and the appeal court (FL 33 §).
    store
        .organisation()
        .spara_namnduppgifter(kommun, &namnduppgifter(), None, nu)
        .await?;
    let enheter = Enheter {
        vm: EnhetId::ny(),
        eb: EnhetId::ny(),
        mo: EnhetId::ny(),
        ov: EnhetId::ny(),
    };
    for (id, namn, utforare) in [
        (enheter.vm, "Vuxenenheten missbruk", false),
        (enheter.eb, "Ekonomiskt bistånd", false),
        (enheter.mo, "Mottagningen", false),
        (enheter.ov, "Öppenvården Lotsby (egen regi)", true),
    ] {
        store
            .organisation()
            .skapa_enhet(id, kommun, namnd, namn, utforare)
            .await?;
    }
    // Who receives the applications made on Mina sidor.
    store
        .organisation()
        .satt_tar_emot(enheter.vm, "missbruk")
        .await?;
    store
        .organisation()
        .satt_tar_emot(enheter.eb, "ekonomiskt-bistand")
        .await?;
    // The intake unit receives the orosanmälningar made at the öppna insatser's desk.
    store
        .organisation()
        .satt_tar_emot(enheter.mo, "orosanmalan-barn orosanmalan-vuxen")
        .await?;

    // Hashing is deliberately slow: once, shared by every demo account.
    let hash = tokio::task::spawn_blocking(|| lots_web::hasha_losenord(LOSENORD))
        .await?
        .map_err(|e| anyhow!("kunde inte hasha demolösenordet: {e}"))?;
    let (vm, eb, mo, ov) = (
        "Vuxenenheten missbruk",
        "Ekonomiskt bistånd",
        "Mottagningen",
        "Öppenvården Lotsby (egen regi)",
    );
    // The five logins the demo is shown with first, then the other staff.
    let konton = [
        ("handlaggare", "Sara Lindqvist", Roll::Handlaggare, vm),
        ("arbetsledare", "Anders Holm", Roll::Arbetsledare, vm),
        ("registrator", "Maria Ek", Roll::Registrator, mo),
        ("utforare", "Johan Berg", Roll::Utforare, ov),
        (
            "systemforvaltare",
            "Karin Sjöberg",
            Roll::Systemforvaltare,
            mo,
        ),
        ("pernilla.nyberg", "Pernilla Nyberg", Roll::Handlaggare, vm),
        ("ahmed.hassan", "Ahmed Hassan", Roll::Handlaggare, eb),
        ("lena.strom", "Lena Ström", Roll::Handlaggare, eb),
        ("eva.dahl", "Eva Dahl", Roll::Arbetsledare, eb),
        ("mikael.wallin", "Mikael Wallin", Roll::Handlaggare, mo),
        ("granskare", "Ingrid Sandberg", Roll::Granskare, mo),
        ("tove.lund", "Tove Lund", Roll::Utforare, ov),
    ];
    let mut aktorer = Vec::with_capacity(konton.len());
    for (anvandarnamn, namn, roll, enhetsnamn) in konton {
        let enhet = match enhetsnamn {
            n if n == vm => enheter.vm,
            n if n == eb => enheter.eb,
            n if n == mo => enheter.mo,
            _ => enheter.ov,
        };
        let a = Anvandare {
            id: AnvandarId::ny(),
            kommun,
            enhet,
            anvandarnamn: anvandarnamn.into(),
            namn: namn.into(),
            roll,
            losenord: hash.clone(),
            aktiv: true,
            // The explicit right to see persons with skyddade personuppgifter: the two
            // who handle the demo's protected persons, and the auditor who checks access to them.
            skyddad_behorighet: matches!(
                anvandarnamn,
                "handlaggare" | "arbetsledare" | "granskare"
            ),
        };
        store.organisation().skapa_anvandare(&a).await?;
        aktorer.push(Aktor::from(&a));
    }
    let personal = Personal {
        hl: aktorer[0].clone(),
        al: aktorer[1].clone(),
        reg: aktorer[2].clone(),
        pn: aktorer[5].clone(),
        ah: aktorer[6].clone(),
        ls: aktorer[7].clone(),
        ed: aktorer[8].clone(),
        mw: aktorer[9].clone(),
    };

    store
        .organisation()
        .spara_delegationsordning(kommun, date!(2025 - 07 - 01), &delegationspunkter())
        .await?;
    // How the person reaches each enhet (issue 19 item 1), as the systemförvaltare set it;
    // and a summer cover: Ahmed Hassan has Lena Ström's cases for two weeks, which her
    // clients read on Mina sidor beside her name.
    for (enhet, k) in kontaktuppgifter(&enheter) {
        store
            .organisation()
            .spara_enhetskontakt(kommun, enhet, &k, personal.al.id, nu)
            .await?;
    }
    store
        .organisation()
        .satt_ersattare(
            kommun,
            &lots_store::Ersattare {
                handlaggare: personal.ls.id,
                ersattare: personal.ah.id,
                till: idag + time::Duration::days(14),
            },
            personal.ed.id,
            nu,
        )
        .await?;
    // The kommun's text blocks for common motiveringar, kept by the arbetsledare (issue 20
    // item 5); the handläggare inserts one and writes what holds for the person.
    for (titel, text) in TEXTBLOCK {
        let block = lots_domain::textblock::Textblock::ny(titel, text)
            .map_err(|_| anyhow!("demons textblock {titel} är ogiltigt"))?;
        store
            .organisation()
            .spara_textblock(kommun, None, &block, &personal.al, nu)
            .await?;
    }

    // The nämnd's öppna insatser and the visits to them (issue 17).
    oppna::fyll(
        store,
        kommun,
        enheter.ov,
        &aktorer[4],
        &aktorer[3],
        idag,
        nu,
    )
    .await?;

    let personer = skapa_personer(store, kommun, idag, &mut rng).await?;
    let mut ordning: Vec<usize> = (0..personer.len())
        .filter(|i| !SKYDDADE.contains(i) && !SAMORDNING.contains(i) && *i != RESERV)
        .collect();
    ordning.shuffle(&mut rng);
    // The scenario persons have only their own cases. Taken out after the shuffle,
    // which thus stays the same; they are at its end, past where the cases reach.
    ordning.retain(|i| scenarioperson(*i).is_none());

    let d = Demo {
        store,
        idag,
        nu,
        e: enheter,
        s: personal,
        personer,
        ordning,
        pos: Cell::new(0),
        antal: Cell::new(0),
        klara: RefCell::new(Vec::new()),
        minne: None,
    };
    vuxenenheten(&d).await?;
    overklaganden(&d).await?;
    ekonomiskt_bistand(&d).await?;
    mottagningen(&d).await?;
    forsorjningsstod_manader(&d).await?;
    let mina_sidor = mina_sidor(&d).await?;

    let ombud = fullmakt(&d).await?;
    // Providers under LOV and LOU, their orders, delivery and invoices (issue 17).
    let leverantorer = utforare::fyll(&d, kommun, namnd, &hash).await?;

    // STYLE.md 10: the hash chains and projections agree with the events.
    let problem = store.arenden().verifiera().await?;
    if !problem.is_empty() {
        bail!("Demodatan är inte konsistent: {}", problem.join("; "));
    }
    let mut ut = sammanfattning(&d, &konton, klocka.elapsed());
    ut.push('\n');
    ut.push_str(&ombud);
    ut.push_str(&mina_sidor);
    ut.push_str(&leverantorer);
    Ok(ut.trim_end().to_owned())
}

/// Households on försörjningsstöd over many months, each month calculated line by
/// line (issue 15): a family with children, a young adult sharing a flat, a couple
/// where one works (jobbstimulans from the seventh month) and a deposit the
/// handläggare ruled on. They come last, so the persons of every earlier case stay.
async fn forsorjningsstod_manader(d: &Demo<'_>) -> anyhow::Result<()> {
    use lots_domain::forsorjningsstod::Manad;
    use lots_domain::forsorjningsstod::berakning::{
        Forklaring, Inkomst, Inkomstslag, Insattning, InsattningsBeslut, Kostnadsslag,
        Livsforingsslag, Post, Rad, Underlag,
    };
    use lots_domain::forsorjningsstod::hinder::Forsorjningshinder as H;
    use lots_domain::forsorjningsstod::riksnorm::{NormBarn, NormHushall, Vuxna};
    use lots_domain::identitet::Kon;
    use lots_domain::instrument::{Instrument, Svar};

    let rad = |post, ansokt, godkant, skal: &str| Rad {
        post,
        beskrivning: String::new(),
        ansokt,
        godkant,
        skal: skal.into(),
    };
    let inkomst = |medlem: &str, slag, belopp| Inkomst {
        medlem: medlem.into(),
        slag,
        belopp,
    };
    let hushall = |vuxna, barn: Vec<NormBarn>, medboende| NormHushall {
        vuxna,
        barn,
        medboende,
    };
    // (handläggare, days since the ansökan, the days the months were calculated,
    // the month's underlag by its number in the series)
    type Manadsfn = Box<dyn Fn(usize, Manad) -> Underlag>;
    let hushall_lista: Vec<(&Aktor, i64, Vec<i64>, Manadsfn)> = vec![
        (
            &d.s.ah,
            130,
            vec![125, 95, 65, 35],
            Box::new(move |i, manad| Underlag {
                manad,
                hushall: hushall(
                    Vuxna::Sambo,
                    vec![
                        NormBarn {
                            alder: 5,
                            utan_lunch: true,
                            andel_procent: 100,
                        },
                        NormBarn::heltid(8),
                    ],
                    0,
                ),
                reducerad_norm: None,
                rader: {
                    let mut r = vec![
                        rad(Post::Kostnad(Kostnadsslag::Boende), 9_500, 9_500, ""),
                        rad(Post::Kostnad(Kostnadsslag::Hushallsel), 600, 600, ""),
                        rad(Post::Kostnad(Kostnadsslag::Hemforsakring), 180, 180, ""),
                    ];
                    if i == 1 {
                        r.push(Rad {
                            beskrivning: "Akut tandvård enligt kostnadsförslag".into(),
                            ..rad(
                                Post::Livsforing(Livsforingsslag::Tandvard),
                                4_000,
                                2_500,
                                "Det akuta i kostnadsförslaget är 2 500 kr. Resten är inte nödvändigt nu enligt förtroendetandläkaren.",
                            )
                        });
                    }
                    r
                },
                inkomster: vec![inkomst("Sökande", Inkomstslag::Barnbidrag, 2_650)],
                insattningar: vec![],
                tillgangar: vec![],
                annan_kommun: vec![],
                hyrestak: None,
                forsorjningshinder: vec![H::ArbetslosUtanErsattning, H::Foraldraledig],
                medsokande: medsokande("19880214-3464"),
            }),
        ),
        (
            &d.s.ls,
            100,
            vec![95, 65, 35],
            Box::new(move |_, manad| Underlag {
                manad,
                hushall: hushall(Vuxna::Ensam, vec![], 2),
                reducerad_norm: None,
                rader: vec![
                    rad(Post::Kostnad(Kostnadsslag::Boende), 3_800, 3_800, ""),
                    rad(Post::Kostnad(Kostnadsslag::Hemforsakring), 120, 120, ""),
                ],
                inkomster: vec![],
                insattningar: vec![],
                tillgangar: vec![],
                annan_kommun: vec![],
                hyrestak: None,
                forsorjningshinder: vec![H::SjukskrivenVantarErsattning],
                medsokande: None,
            }),
        ),
        (
            &d.s.ah,
            240,
            vec![235, 205, 175, 145, 115, 85, 55, 25],
            Box::new(move |_, manad| Underlag {
                manad,
                hushall: hushall(Vuxna::Sambo, vec![], 0),
                reducerad_norm: None,
                rader: vec![
                    rad(Post::Kostnad(Kostnadsslag::Boende), 7_200, 7_200, ""),
                    rad(Post::Kostnad(Kostnadsslag::Hushallsel), 400, 400, ""),
                    rad(Post::Kostnad(Kostnadsslag::Arbetsresor), 970, 970, ""),
                ],
                inkomster: vec![inkomst("Medsökande", Inkomstslag::Lon, 9_000)],
                insattningar: vec![],
                tillgangar: vec![],
                annan_kommun: vec![],
                hyrestak: None,
                forsorjningshinder: vec![H::NedsattArbetsformaga, H::ArbetarOtillrackligInkomst],
                medsokande: medsokande("19790611-3555"),
            }),
        ),
        (
            &d.s.ls,
            70,
            vec![65, 35],
            Box::new(move |i, manad| Underlag {
                manad,
                hushall: hushall(Vuxna::Ensam, vec![], 0),
                reducerad_norm: None,
                rader: vec![rad(Post::Kostnad(Kostnadsslag::Boende), 6_480, 6_480, "")],
                inkomster: vec![],
                insattningar: if i == 1 {
                    vec![Insattning {
                        medlem: "Sökande".into(),
                        datum: manad.forsta_dagen(),
                        belopp: 2_000,
                        forklaring: Some(Forklaring::Gava),
                        personens_text: "Mamma gav mig pengar till en vinterjacka.".into(),
                        beslut: Some(InsattningsBeslut {
                            raknas_som_inkomst: false,
                            skal: "En engångsgåva för ett särskilt behov (vinterkläder) räknas inte som inkomst."
                                .into(),
                        }),
                    }]
                } else {
                    vec![]
                },
                tillgangar: vec![],
                annan_kommun: vec![],
                hyrestak: None,
                forsorjningshinder: vec![H::ArbetslosEtableringsersattning],
                medsokande: None,
            }),
        ),
    ];
    // The person's own acts on Mina sidor are recorded under this account.
    let mut enskild = d.store.mina_sidor().mina_sidor_konto(d.s.ah.kommun).await?;
    enskild.enhet = d.s.ah.enhet;
    for (nr, (agare, s, dagar, underlag)) in hushall_lista.into_iter().enumerate() {
        let (mut f, _) = d
            .standard(Std::ny(agare, &FORSORJNING, s, Stopp::Utredning))
            .await?;
        // The new applicant: the grundutredning across the life areas, before the first month.
        if nr == 1
            && let Some(forsta) = dagar.first()
        {
            grundutredning(&mut f, *forsta).await?;
        }
        for (i, n) in dagar.into_iter().enumerate() {
            // The family and the one with the deposit apply on Mina sidor two days before the
            // month is calculated, with the bank statement and the rent notice, and label the
            // deposit themselves; the family's medsökande confirms the next day (issue 15,
            // item 7). The others' months came on paper.
            if matches!(nr, 0 | 3) {
                let manad = Manad::for_dag(f.dag(n));
                if lots_domain::forsorjningsstod::riksnorm::Riksnorm::inbyggda()
                    .iter()
                    .any(|t| t.ar == manad.ar())
                {
                    manadsansokan_pa_mina_sidor(&mut f, &enskild, n + 2, &underlag(i, manad))
                        .await?;
                }
            }
            // A month is computed with its own year's norm: a year Lots does not ship
            // is left out of the demo rather than computed with another year's.
            if !f.berakna(n, |u| *u = underlag(i, u.manad)).await? {
                continue;
            }
            // Between the months, in the order they happened.
            match (nr, i) {
                // The family: the mother answered yes to a FREDA question at the second month's
                // meeting. The handläggare did the risk assessment and confirmed it; the screening
                // is in the record and never on Mina sidor, where the partner could read along.
                (0, 0) => {
                    let dag = f.dag(100);
                    f.steg(
                        100,
                        Kommando::RegistreraInstrument {
                            datum: dag,
                            svar: Box::new(Svar::ny(Instrument::Freda, vec![0, 1, 0], true)),
                            kon: Some(Kon::Kvinna),
                        },
                    )
                    .await?;
                    f.steg(
                        99,
                        Kommando::KvitteraBevakning {
                            nyckel: format!("skydd:{dag}"),
                            datum: f.dag(99),
                        },
                    )
                    .await?;
                }
                // The couple at month eight: a deepened investigation with FIA after the sixth.
                (2, 5) => {
                    f.steg(
                        80,
                        Kommando::ValjFordjupadUtredning {
                            datum: f.dag(80),
                            inleds: true,
                            skal: "Sex månader i följd. Oklar arbetsförmåga hos sökande: FIA och kontakt med vårdcentralen om läkarintyg.".into(),
                        },
                    )
                    .await?;
                    f.steg(
                        60,
                        Kommando::RegistreraInstrument {
                            datum: f.dag(60),
                            svar: Box::new(Svar {
                                egen_skattning: vec![
                                    Some(3),
                                    Some(2),
                                    Some(4),
                                    Some(3),
                                    Some(2),
                                    Some(1),
                                    Some(2),
                                    Some(3),
                                    Some(2),
                                    Some(3),
                                    Some(2),
                                    Some(2),
                                    Some(3),
                                    Some(2),
                                ],
                                ..Svar::ny(
                                    Instrument::Fia,
                                    vec![2, 2, 4, 3, 2, 1, 2, 3, 2, 3, 2, 2, 4, 2],
                                    true,
                                )
                            }),
                            kon: None,
                        },
                    )
                    .await?;
                    f.steg(58, sjalvforsorjningsplan(f.dag(58))).await?;
                }
                // Month eight: the plan followed up, by numbers and in the person's words.
                (2, 6) => {
                    use lots_domain::forsorjningsstod::plan::{
                        Deltagande, Hjalper, Planuppfoljning,
                    };
                    let datum = f.dag(30);
                    f.steg(
                        30,
                        Kommando::FoljUppPlan(Box::new(Planuppfoljning {
                            datum,
                            version: 0,
                            deltagande: vec![
                                Deltagande { aktivitet: 0, planerat: 8, deltagit: 7 },
                                Deltagande { aktivitet: 1, planerat: 4, deltagit: 2 },
                            ],
                            ansokningar: 5,
                            uppnadda_delmal: vec![0],
                            enskildes_berattelse: "Rusta och matcha går bra. Praktiken var svår de veckor ryggen värkte.".into(),
                            hjalper: Hjalper::Delvis,
                            kommentar: "Läkarintyget om ryggen väntas; praktiken anpassas till halvtid.".into(),
                            nasta: Some(datum + Duration::days(45)),
                        })),
                    )
                    .await?;
                }
                _ => {}
            }
        }
        f.klar().await?;
    }
    Ok(())
}

/// The household's own application for the month the calculation `u` is made for, sent on
/// Mina sidor on day `n` ago: the amounts as applied for, the incomes, each deposit with the
/// person's label and words (not yet ruled on), and a bank statement and a rent notice as PDFs.
/// A joint application is confirmed by the medsökande the next day.
async fn manadsansokan_pa_mina_sidor(
    f: &mut Fall<'_, '_>,
    enskild: &Aktor,
    n: i64,
    u: &lots_domain::forsorjningsstod::berakning::Underlag,
) -> anyhow::Result<()> {
    use lots_domain::forsorjningsstod::berakning::{
        Bekraftelse, Insattning, Kostnadsslag, Manadsansokan, Post,
    };
    let kostnad = |k| {
        u.rader
            .iter()
            .find(|r| r.post == Post::Kostnad(k))
            .map(|r| r.ansokt)
    };
    let ovrigt: Vec<String> = u
        .rader
        .iter()
        .filter(|r| matches!(r.post, Post::Livsforing(_)))
        .map(|r| {
            format!(
                "{}: {} kr. Kostnadsförslaget visar jag på mötet.",
                r.beskrivning, r.ansokt
            )
        })
        .collect();
    let ansokan = Manadsansokan {
        manad: u.manad,
        datum: f.dag(n),
        kostnader: u
            .rader
            .iter()
            .filter_map(|r| match r.post {
                Post::Kostnad(k) => Some((k, r.ansokt)),
                _ => None,
            })
            .collect(),
        inkomster: u.inkomster.clone(),
        insattningar: u
            .insattningar
            .iter()
            .map(|i| Insattning {
                beslut: None,
                ..i.clone()
            })
            .collect(),
        ovrigt: ovrigt.join(" "),
        bilagor: vec![],
        medsokande: u.medsokande.clone(),
        bada_undertecknat: false,
    };
    let manad = u.manad.namn();
    let mut utdrag = vec![format!("Kontohavare: {}", f.person.fornamn)];
    utdrag.extend(u.inkomster.iter().map(|i| {
        format!(
            "Insättning: {} {} kr ({})",
            i.slag.text(),
            i.belopp,
            i.medlem
        )
    }));
    utdrag.extend(
        u.insattningar
            .iter()
            .map(|i| format!("{}  Insättning: {} kr", i.datum, i.belopp)),
    );
    if let Some(hyra) = kostnad(Kostnadsslag::Boende) {
        utdrag.push(format!("Autogiro hyra: -{hyra} kr"));
    }
    let mut filer = vec![(
        Handlingstyp::Kontoutdrag,
        format!("kontoutdrag-{}.pdf", u.manad),
        manad::demopdf(&format!("Kontoutdrag, Lotsby Sparbank ({manad})"), &utdrag),
    )];
    if let Some(hyra) = kostnad(Kostnadsslag::Boende) {
        filer.push((
            Handlingstyp::Hyresavi,
            format!("hyresavi-{}.pdf", u.manad),
            manad::demopdf(
                &format!("Hyresavi {manad}, Lotsbyhem AB"),
                &[
                    format!("Hyra: {hyra} kr"),
                    "Att betala senast sista vardagen före månadens början.".into(),
                    "Bankgiro 5050-1055".into(),
                ],
            ),
        ));
    }
    f.ansok_pa_mina_sidor(enskild, n, ansokan, filer).await?;
    if let Some(medsokande) = u.medsokande.clone() {
        let datum = f.dag(n - 1);
        f.kor(
            enskild,
            n - 1,
            Kommando::BekraftaGemensamAnsokan(Bekraftelse {
                manad: u.manad,
                datum,
                medsokande,
                stammer: true,
                text: String::new(),
            }),
        )
        .await?;
    }
    Ok(())
}

/// A co-applicant's number in a joint application: fixed, valid and drawn by no demo person.
fn medsokande(nummer: &str) -> Option<Identitet> {
    Identitet::tolka(nummer, date!(2026 - 01 - 01)).ok()
}

/// The couple's plan after the deepened investigation: Arbetsförmedlingen's programme and a
/// praktik, with the person's part and the socialtjänst's part written side by side.
fn sjalvforsorjningsplan(datum: Date) -> Kommando {
    use lots_domain::forsorjningsstod::plan::{
        Aktivitet, Aktivitetstyp, Ansvarig, Sjalvforsorjningsplan,
    };
    Kommando::SkrivPlan(Box::new(Sjalvforsorjningsplan {
        version: 0,
        datum,
        mal: "Ett arbete på deltid inom lager eller butik, och sedan heltid.".into(),
        delmal: vec![
            "Klart besked om arbetsförmågan från vårdcentralen".into(),
            "Praktik på halvtid i tre månader".into(),
        ],
        aktiviteter: vec![
            Aktivitet {
                typ: Aktivitetstyp::Arbetsformedlingen,
                beskrivning: "Rusta och matcha, två dagar i veckan".into(),
                ansvarig: Ansvarig::Arbetsformedlingen,
            },
            Aktivitet {
                typ: Aktivitetstyp::Praktik,
                beskrivning: "Praktik i kommunens återbruk".into(),
                ansvarig: Ansvarig::Socialtjansten,
            },
            Aktivitet {
                typ: Aktivitetstyp::Behandling,
                beskrivning: "Fysioterapi för ryggen på vårdcentralen".into(),
                ansvarig: Ansvarig::Varden,
            },
        ],
        personens_del: "Går till Rusta och matcha och praktiken, söker fem jobb i månaden och bokar tid på vårdcentralen.".into(),
        socialtjanstens_del: "Ordnar praktikplatsen, betalar busskortet till praktiken och följer upp varje månad.".into(),
        samverkan: "Arbetsförmedlingen ansvarar för Rusta och matcha; vårdcentralen för läkarintyget. Vi ses alla tre vid uppföljningen.".into(),
        uppfoljning: datum + Duration::days(28),
        uppfoljningssatt: "Trepartsmöte med Arbetsförmedlingen".into(),
    }))
}

/// A new applicant's grundutredning across the life areas, in the person's own words beside
/// the handläggare's, ended by the assessment (three areas are enough to show it), in the
/// days before the first month (`forsta` days ago) is calculated.
async fn grundutredning(f: &mut Fall<'_, '_>, forsta: i64) -> anyhow::Result<()> {
    use lots_domain::livsomrade::{Avsnitt, Livsomrade};
    let avsnitt = [
        (
            Livsomrade::ArbeteOchUtbildning,
            "Jag var sjuksköterska hemma. Jag vill arbeta i vården här.",
            "Sjuksköterskeexamen från hemlandet, inte validerad. Sfi nivå C klar.",
            "Arbeta som undersköterska medan legitimationen prövas.",
        ),
        (
            Livsomrade::Boende,
            "Vi bor i andra hand och kontraktet går ut i juni.",
            "Andrahandskontrakt till 30 juni; anmäld till bostadsförmedlingen.",
            "",
        ),
        (
            Livsomrade::FysiskOchPsykiskHalsa,
            "Jag sover dåligt men mår bättre sedan jag började på sfi.",
            "Ingen kontakt med vården. Berättar om sömnproblem.",
            "Prata med vårdcentralen om sömnen.",
        ),
    ];
    for (omrade, personens_ord, handlaggarens, mal) in avsnitt {
        let n = forsta + 2;
        let datum = f.dag(n);
        f.steg(
            n,
            Kommando::SkrivUtredningsavsnitt(Avsnitt {
                datum,
                omrade,
                personens_ord: personens_ord.into(),
                handlaggarens: handlaggarens.into(),
                mal: mal.into(),
            }),
        )
        .await?;
    }
    let n = forsta + 1;
    f.steg(
        n,
        Kommando::BedomGrundutredning {
            datum: f.dag(n),
            bedomning: "Hindret är en utbildning som inte är validerad. Vägen är undersköterskearbete nu och validering parallellt; försörjningsstöd behövs under tiden.".into(),
            forslag: Some(lots_domain::arende::ForslagTillBeslut {
                utfall: Some(lots_domain::insats::Utfall::Bifall),
                text: "Försörjningsstöd beviljas enligt månadens beräkning.".into(),
            }),
        },
    )
    .await
}

/// A line approved as applied for.
fn demorad(
    post: lots_domain::forsorjningsstod::berakning::Post,
    belopp: i64,
) -> lots_domain::forsorjningsstod::berakning::Rad {
    lots_domain::forsorjningsstod::berakning::Rad {
        post,
        beskrivning: String::new(),
        ansokt: belopp,
        godkant: belopp,
        skal: String::new(),
    }
}

/// A fullmakt on Mina sidor: the first scenario person (Mira Lind, who has a
/// decided case) lets another person act for her, so the demo shows an ombud too,
/// and she comes right after the ombud in the test login's list. Returns a line
/// for the summary.
async fn fullmakt(d: &Demo<'_>) -> anyhow::Result<String> {
    let mut vanliga = vec![];
    for (i, dp) in d.personer.iter().enumerate() {
        if SKYDDADE.contains(&i) || SAMORDNING.contains(&i) || i == RESERV {
            continue;
        }
        if let Some(p) = d.store.personer().person(d.s.hl.kommun, dp.id).await? {
            vanliga.push((i, p));
        }
    }
    let Some((_, huvudman)) = vanliga.iter().find(|(i, _)| *i == MINA_SIDOR[0].index) else {
        bail!("scenariopersonen {} saknas", MINA_SIDOR[0].fornamn);
    };
    let Some((_, ombud)) = vanliga
        .iter()
        .rev()
        .find(|(i, _)| scenarioperson(*i).is_none())
    else {
        return Ok(String::new());
    };
    d.store
        .mina_sidor()
        .registrera_fullmakt(
            &lots_store::Fullmakt {
                id: uuid::Uuid::now_v7(),
                kommun: huvudman.kommun,
                person: huvudman.id,
                ombud_identitet: ombud.identitet.varde().to_owned(),
                ombud_namn: ombud.namn(),
                omfattning: lots_domain::fullmakt::Omfattning::ForaTalan,
                giltig_till: None,
                registrerad: d.nu,
                registrerad_av: "personen".into(),
                registrerad_av_anvandare: None,
                godkand: Some((d.nu, "personen".into())),
                aterkallad: None,
            },
            None,
        )
        .await?;
    Ok(format!(
        "Mina sidor (/mina-sidor) har en testinloggning med de syntetiska personerna. {} är ombud för {}.\n",
        ombud.namn(),
        huvudman.namn()
    ))
}

fn delegationspunkter() -> Vec<Delegationspunkt> {
    use InsatsTyp::*;
    vec![
        Delegationspunkt {
            punkt: "3.1".into(),
            beskrivning: "Beslut om ekonomiskt bistånd i form av försörjningsstöd enligt 12 kap. 1 § SoL, \
                          bifall, delvis bifall, avslag och avvisning"
                .into(),
            insatser: vec![Forsorjningsstod],
            utfall: vec![],
            roller: vec![Roll::Handlaggare, Roll::Arbetsledare],
        },
        Delegationspunkt {
            punkt: "3.2".into(),
            beskrivning: "Beslut om ekonomiskt bistånd till livsföringen i övrigt enligt 12 kap. 1 § SoL \
                          (till exempel tandvård, hemutrustning, hyresskuld)"
                .into(),
            insatser: vec![EkonomisktBistandOvrigt],
            utfall: vec![],
            roller: vec![Roll::Handlaggare, Roll::Arbetsledare],
        },
        Delegationspunkt {
            punkt: "4.1".into(),
            beskrivning: "Beslut om bistånd i form av öppenvårdsinsatser och stöd vid missbruk enligt 11 kap. 1 § SoL: \
                          öppenvårdsbehandling, stöd i boendet, kontaktperson, sysselsättning och case manager"
                .into(),
            insatser: vec![Oppenvardsbehandling, StodIBoendet, Kontaktperson, Sysselsattning, CaseManager],
            utfall: vec![],
            roller: vec![Roll::Handlaggare, Roll::Arbetsledare],
        },
        Delegationspunkt {
            punkt: "4.2".into(),
            beskrivning: "Beslut om bistånd i form av heldygnsvård enligt 11 kap. 1 § SoL: hem för vård eller boende, \
                          stödboende, familjehem och träningslägenhet"
                .into(),
            insatser: InsatsTyp::ALLA.into_iter().filter(|i| i.heldygnsvard()).collect(),
            utfall: vec![],
            roller: vec![Roll::Arbetsledare],
        },
    ]
}

// ---------------------------------------------------------------------------
// Persons

const FORNAMN_KVINNOR: &[&str] = &[
    "Anna",
    "Eva",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Emma",
    "Kristina",
    "Elin",
    "Johanna",
    "Linnéa",
    "Ida",
    "Malin",
    "Sofia",
    "Hanna",
    "Ingrid",
    "Birgitta",
    "Marie",
    "Camilla",
    "Jenny",
    "Fatima",
    "Amina",
    "Agnes",
    "Sanna",
    "Therese",
    "Ulrika",
    "Margareta",
    "Helena",
    "Jessica",
    "Nadia",
    "Petra",
    "Åsa",
    "Monica",
    "Gunilla",
    "Annika",
];
const FORNAMN_MAN: &[&str] = &[
    "Lars", "Anders", "Johan", "Per", "Erik", "Karl", "Mikael", "Peter", "Jan", "Thomas", "Daniel",
    "Fredrik", "Stefan", "Hans", "Mats", "Magnus", "Niklas", "Jonas", "Markus", "Oskar", "Ali",
    "Mohammed", "Björn", "Göran", "Kjell", "Ulf", "Bengt", "Rickard", "Patrik", "Tobias", "Emil",
    "Viktor", "Simon", "Omar", "Leif",
];
const EFTERNAMN: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Lindström",
    "Olofsson",
    "Lindgren",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Henriksson",
    "Forsberg",
    "Engström",
    "Danielsson",
    "Håkansson",
    "Eklund",
    "Hassan",
    "Öberg",
    "Nyström",
    "Holmberg",
    "Strand",
    "Åberg",
    "Hedlund",
    "Kaya",
    "Yilmaz",
    "Nieminen",
    "Korhonen",
    "Sundberg",
    "Björk",
    "Isaksson",
];
/// Streets of Lotsby, with their postnummer (999 xx is not in use in Sweden).
const GATOR: &[(&str, &str)] = &[
    ("Storgatan", "999 31"),
    ("Kyrkvägen", "999 31"),
    ("Hamnvägen", "999 30"),
    ("Sjögatan", "999 30"),
    ("Lotsgatan", "999 32"),
    ("Björkvägen", "999 33"),
    ("Granstigen", "999 33"),
    ("Skolgatan", "999 32"),
    ("Ängsvägen", "999 35"),
    ("Tallbacken", "999 35"),
    ("Fyrvaktarvägen", "999 36"),
    ("Norra Strandvägen", "999 40"),
];

#[derive(Debug, Clone)]
struct DemoPerson {
    id: PersonId,
    fornamn: String,
    kvinna: bool,
}

async fn skapa_personer(
    store: &Store,
    kommun: KommunId,
    idag: Date,
    rng: &mut StdRng,
) -> anyhow::Result<Vec<DemoPerson>> {
    let mut sedda = HashSet::new();
    // The scenario persons' numbers are never drawn for anyone else.
    for s in &MINA_SIDOR {
        sedda.insert(scenarionummer(s, idag)?.varde().to_owned());
    }
    let mut ut = Vec::with_capacity(ANTAL_PERSONER);
    for i in 0..ANTAL_PERSONER {
        let samordning = SAMORDNING.iter().position(|s| *s == i);
        let (fornamn, efternamn, kvinna) = match samordning {
            Some(0) => ("Andrzej".to_owned(), "Nowak".to_owned(), false),
            Some(_) => ("Ioana".to_owned(), "Popescu".to_owned(), true),
            None if i == RESERV => ("Dmytro".to_owned(), "Kovalenko".to_owned(), false),
            None => {
                let kvinna = rng.random_bool(0.45);
                let lista = if kvinna { FORNAMN_KVINNOR } else { FORNAMN_MAN };
                let fornamn = lista.choose(rng).copied().unwrap_or("Kim");
                let efternamn = EFTERNAMN.choose(rng).copied().unwrap_or("Lots");
                (fornamn.to_owned(), efternamn.to_owned(), kvinna)
            }
        };
        let identitet = if i == RESERV {
            Identitet::reservnummer("19910527-T104").map_err(|e| anyhow!("reservnummer: {e}"))?
        } else {
            loop {
                let id = slumpa_nummer(rng, idag, kvinna, samordning.is_some())?;
                if sedda.insert(id.varde().to_owned()) {
                    break id;
                }
            }
        };
        let skyddad = SKYDDADE.contains(&i);
        let adress = if skyddad {
            String::new()
        } else if samordning == Some(0) {
            "c/o Härbärget Fyren, Hamnvägen 3, 999 30 Lotsby".to_owned()
        } else if samordning.is_some() {
            "Lotsgatan 12 lgh 1003, 999 32 Lotsby".to_owned()
        } else if i == RESERV {
            "Saknar känd adress".to_owned()
        } else {
            let (gata, postnummer) = GATOR
                .choose(rng)
                .copied()
                .unwrap_or(("Storgatan", "999 31"));
            let nummer = rng.random_range(1..=64);
            if rng.random_bool(0.5) {
                let lgh = 1000 + 100 * rng.random_range(1..=3) + rng.random_range(1..=4);
                format!("{gata} {nummer} lgh {lgh}, {postnummer} Lotsby")
            } else {
                format!("{gata} {nummer}, {postnummer} Lotsby")
            }
        };
        // Drawn like the others above, so the draws after it stay the same; then named.
        let (fornamn, efternamn, kvinna, identitet) = match scenarioperson(i) {
            Some(s) => (
                s.fornamn.to_owned(),
                s.efternamn.to_owned(),
                s.kvinna,
                scenarionummer(s, idag)?,
            ),
            None => (fornamn, efternamn, kvinna, identitet),
        };
        let p = Person {
            id: PersonId::ny(),
            kommun,
            identitet,
            fornamn: fornamn.clone(),
            efternamn,
            adress,
            skyddad,
        };
        store.personer().skapa_person(&p, true).await?;
        ut.push(DemoPerson {
            id: p.id,
            fornamn,
            kvinna,
        });
    }
    Ok(ut)
}

/// A valid synthetic personnummer (or samordningsnummer: day + 60) born 1950–2006,
/// its second-last digit odd for a man and even for a woman, Luhn check digit last.
fn slumpa_nummer(
    rng: &mut StdRng,
    idag: Date,
    kvinna: bool,
    samordning: bool,
) -> anyhow::Result<Identitet> {
    let ar: i32 = rng.random_range(1950..=2006);
    let manad = Month::try_from(rng.random_range(1u8..=12))?;
    let dag = rng.random_range(1..=manad.length(ar));
    let dag = if samordning { dag + 60 } else { dag };
    let nnn: u32 = rng.random_range(0..500) * 2 + u32::from(!kvinna);
    let nio = format!("{:02}{:02}{dag:02}{nnn:03}", ar % 100, u8::from(manad));
    let tolv = format!(
        "{ar:04}{:02}{dag:02}{nnn:03}{}",
        u8::from(manad),
        luhn(&nio)
    );
    Identitet::tolka(&tolv, idag).map_err(|e| anyhow!("genererat nummer {tolv} är ogiltigt: {e}"))
}

/// Why the rules refused a step, for the error message.
fn avvisningstext(e: StoreError) -> String {
    match e {
        StoreError::Avvisad(Avvisning::Fakta(fel)) => fel
            .iter()
            .map(|f| format!("{}: {}", f.fakta, f.text))
            .collect::<Vec<_>>()
            .join("; "),
        StoreError::Avvisad(a) => a.to_string(),
        annat => format!("{annat:?}"),
    }
}

// ---------------------------------------------------------------------------
// The machinery: a case is a `Fall`, driven one command at a time.

struct Enheter {
    /// Vuxenenheten missbruk.
    vm: EnhetId,
    /// Ekonomiskt bistånd.
    eb: EnhetId,
    /// Mottagningen.
    mo: EnhetId,
    /// Öppenvården Lotsby (egen regi), the utförare.
    ov: EnhetId,
}

/// The staff who act in the cases.
struct Personal {
    /// Sara Lindqvist, handläggare, Vuxenenheten (login `handlaggare`).
    hl: Aktor,
    /// Anders Holm, arbetsledare, Vuxenenheten (login `arbetsledare`).
    al: Aktor,
    /// Pernilla Nyberg, handläggare, Vuxenenheten.
    pn: Aktor,
    /// Ahmed Hassan, handläggare, Ekonomiskt bistånd.
    ah: Aktor,
    /// Lena Ström, handläggare, Ekonomiskt bistånd.
    ls: Aktor,
    /// Eva Dahl, arbetsledare, Ekonomiskt bistånd.
    ed: Aktor,
    /// Mikael Wallin, handläggare, Mottagningen.
    mw: Aktor,
    /// Maria Ek, registrator (login `registrator`).
    reg: Aktor,
}

struct Demo<'s> {
    store: &'s Store,
    idag: Date,
    nu: OffsetDateTime,
    e: Enheter,
    s: Personal,
    personer: Vec<DemoPerson>,
    /// Indices of ordinary persons, in the order cases take them.
    ordning: Vec<usize>,
    pos: Cell<usize>,
    antal: Cell<usize>,
    /// The final state of every case.
    klara: RefCell<Vec<Arende>>,
    /// Set for `lots demo --scale`: cases are decided in memory and collected
    /// for `Arenden::importera` instead of being stored step by step.
    minne: Option<Minne>,
}

/// The in-memory side of a generated case: the delegationsordning the store
/// would read, and the finished histories waiting to be imported.
struct Minne {
    ordning: Delegationsordning,
    historiker: RefCell<Vec<ImportArende>>,
}

impl<'s> Demo<'s> {
    /// The working day on or before the day `n` days ago: staff take their steps
    /// on vardagar. Never after today, and a larger `n` never gives a later day,
    /// so a case's steps stay in order.
    fn dag(&self, n: i64) -> Date {
        let mut d = self.frist(n);
        while !kalender::vardag(d) {
            d = d.previous_day().unwrap_or(d);
        }
        d
    }

    /// The day `n` days ago as it is (negative: in the future), for deadlines.
    fn frist(&self, n: i64) -> Date {
        self.idag - Duration::days(n)
    }

    /// The next ordinary person.
    fn person(&self) -> DemoPerson {
        let i = self.pos.get();
        self.pos.set(i + 1);
        self.personer[self.ordning[i % self.ordning.len()]].clone()
    }

    fn skyddad(&self, k: usize) -> DemoPerson {
        self.personer[SKYDDADE[k]].clone()
    }

    fn samordning(&self, k: usize) -> DemoPerson {
        self.personer[SAMORDNING[k]].clone()
    }

    fn reserv(&self) -> DemoPerson {
        self.personer[RESERV].clone()
    }

    /// Registers the aktualisering that starts a case. `handelse` builds the
    /// event from the person and the day it came in.
    async fn oppna<'d>(
        &'d self,
        person: DemoPerson,
        registrerar: &Aktor,
        handlaggare: &Aktor,
        n: i64,
        handelse: impl FnOnce(&DemoPerson, Date) -> Handelse,
    ) -> anyhow::Result<Fall<'d, 's>> {
        let nr = self.antal.get() + 1;
        self.antal.set(nr);
        let mut f = Fall {
            d: self,
            nr,
            id: ArendeId::ny(),
            aktor: handlaggare.clone(),
            person,
            a: None,
            senast: None,
            klocka: None,
            logg: vec![],
            brev: false,
            avslagen_del: None,
        };
        let h = handelse(&f.person, self.dag(n));
        let vem = registrerar.clone();
        f.kor(&vem, n, Kommando::Aktualisera(h)).await?;
        Ok(f)
    }
}

/// A decision to take, before the person's name is filled in.
struct Beslutsforslag<'t> {
    insats: InsatsTyp,
    utfall: Utfall,
    mal: &'t str,
    omfattning: &'t str,
    /// The period from the decision day, in months; `Some(0)`: from the decision day, open-ended.
    manader: Option<u32>,
    motivering: &'t str,
}

/// Fills in the person: {n} first name, {ns} its genitive, {han}/{Han}, {hans}, {honom}.
fn fyll_i(mall: &str, p: &DemoPerson) -> String {
    let (han, stor, hans, honom) = if p.kvinna {
        ("hon", "Hon", "hennes", "henne")
    } else {
        ("han", "Han", "hans", "honom")
    };
    let genitiv = if p.fornamn.ends_with(['s', 'x', 'z']) {
        p.fornamn.clone()
    } else {
        format!("{}s", p.fornamn)
    };
    mall.replace("{ns}", &genitiv)
        .replace("{n}", &p.fornamn)
        .replace("{Han}", stor)
        .replace("{han}", han)
        .replace("{hans}", hans)
        .replace("{honom}", honom)
}

struct Fall<'d, 's> {
    d: &'d Demo<'s>,
    nr: usize,
    id: ArendeId,
    /// The handläggare: who takes the steps unless someone else is named.
    aktor: Aktor,
    person: DemoPerson,
    a: Option<Arende>,
    senast: Option<Date>,
    klocka: Option<(Date, u32)>,
    /// The steps taken, when the case is decided in memory.
    logg: Vec<ImportSteg>,
    /// Write the letters the staff's steps write (decision, kommunicering), as
    /// PDFs in the personakt. Only for the Mina sidor scenarios: rendering every
    /// demo case's letters would make the demo slow to start.
    brev: bool,
    /// What a delvis bifall refuses, when the case says it itself (a calculated month).
    avslagen_del: Option<String>,
}

impl Fall<'_, '_> {
    fn t(&self, mall: &str) -> String {
        fyll_i(mall, &self.person)
    }

    fn dag(&self, n: i64) -> Date {
        self.d.dag(n)
    }

    fn arende(&self) -> anyhow::Result<&Arende> {
        self.a
            .as_ref()
            .ok_or_else(|| anyhow!("demoärende {} saknar tillstånd", self.nr))
    }

    /// A working-hours instant on `datum`, later for every step the same day, never after now.
    fn tidpunkt(&mut self, datum: Date) -> OffsetDateTime {
        let minut = match self.klocka {
            Some((d, m)) if d == datum => m + 3 + (self.nr as u32 % 7),
            _ => 7 * 60 + (self.nr as u32 * 37) % 300,
        }
        .min(23 * 60 + 59);
        self.klocka = Some((datum, minut));
        datum
            .with_hms((minut / 60) as u8, (minut % 60) as u8, 0)
            .map(|t| t.assume_utc())
            .unwrap_or(self.d.nu)
            .min(self.d.nu)
    }

    /// Takes a step `n` days ago as `vem`. An appeal period that has run out by
    /// then is acknowledged first, as the handläggare would.
    async fn kor(&mut self, vem: &Aktor, n: i64, k: Kommando) -> anyhow::Result<()> {
        let datum = self.dag(n);
        if datum > self.d.idag {
            bail!(
                "demoärende {}: steget {} ligger i framtiden ({datum})",
                self.nr,
                k.typ().kod()
            );
        }
        if let Some(senast) = self.senast
            && datum < senast
        {
            bail!(
                "demoärende {}: steget {} ({datum}) ligger före föregående steg ({senast})",
                self.nr,
                k.typ().kod()
            );
        }
        let passerade: Vec<(String, Date)> = self
            .a
            .as_ref()
            .map(|a| {
                bevakningar(a)
                    .into_iter()
                    .filter(|b| b.typ == BevakningsTyp::Overklagandetid && b.datum < datum)
                    .map(|b| (b.nyckel, b.datum))
                    .collect()
            })
            .unwrap_or_default();
        let handlaggare = self.aktor.clone();
        for (nyckel, sista) in passerade {
            let dag = kalender::forsta_vardag_efter(sista).min(datum);
            self.utfor(
                &handlaggare,
                dag,
                Kommando::KvitteraBevakning { nyckel, datum: dag },
            )
            .await?;
        }
        self.utfor(vem, datum, k).await
    }

    async fn utfor(&mut self, vem: &Aktor, datum: Date, k: Kommando) -> anyhow::Result<()> {
        let typ = k.typ();
        let nu = self.tidpunkt(datum);
        if let Some(m) = &self.d.minne {
            let ctx = Kontext {
                idag: datum,
                aktor: vem.id,
                roll: vem.roll,
                delegationsordning: &m.ordning,
            };
            let handelser = bestam(&mut self.a, self.id, k, &ctx).map_err(|e| {
                anyhow!(
                    "syntetiskt ärende {}, steget {} den {datum}: {}",
                    self.nr,
                    typ.kod(),
                    avvisningstext(StoreError::Avvisad(e))
                )
            })?;
            self.logg.push(ImportSteg {
                aktor: vem.id,
                nu,
                handelser,
            });
            self.senast = Some(datum);
            return Ok(());
        }
        let steg = lots_steg::Steg {
            aktor: vem.clone(),
            arende: self.id,
            kommandon: vec![k],
            bilagor: vec![],
            nu,
            idag: datum,
            vem: None,
            lasning: None,
            skriv_brev: self.brev,
        };
        let ut = lots_steg::ta_steg(self.d.store, KOMMUN, steg)
            .await
            .map_err(|e| {
                let orsak = match e {
                    lots_steg::Stegfel::Avvisad(a) => avvisningstext(StoreError::Avvisad(a)),
                    lots_steg::Stegfel::Store(e) => avvisningstext(e),
                    annat => annat.to_string(),
                };
                anyhow!(
                    "demoärende {} ({}), steget {} den {datum}: {orsak}",
                    self.nr,
                    self.person.fornamn,
                    typ.kod()
                )
            })?;
        self.a = Some(ut.arende);
        self.senast = Some(datum);
        Ok(())
    }

    /// Takes a step of several commands with files `n` days ago as `vem`, in one transaction
    /// as the web does (documents sent with an application). Only stored step by step: the
    /// scale generator's bulk import takes no files.
    async fn kor_med_filer(
        &mut self,
        vem: &Aktor,
        n: i64,
        kommandon: Vec<Kommando>,
        bilagor: Vec<lots_store::Bilaga>,
    ) -> anyhow::Result<()> {
        let datum = self.dag(n);
        if self.d.minne.is_some() {
            bail!("demoärende {}: filer lagras bara steg för steg", self.nr);
        }
        if let Some(senast) = self.senast
            && datum < senast
        {
            bail!(
                "demoärende {}: steget med filer ({datum}) ligger före föregående steg ({senast})",
                self.nr
            );
        }
        let nu = self.tidpunkt(datum);
        let steg = lots_steg::Steg {
            aktor: vem.clone(),
            arende: self.id,
            kommandon,
            bilagor,
            nu,
            idag: datum,
            vem: None,
            lasning: None,
            skriv_brev: self.brev,
        };
        let ut = lots_steg::ta_steg(self.d.store, KOMMUN, steg)
            .await
            .map_err(|e| anyhow!("demoärende {}, steg med filer den {datum}: {e}", self.nr))?;
        self.a = Some(ut.arende);
        self.senast = Some(datum);
        Ok(())
    }

    async fn steg(&mut self, n: i64, k: Kommando) -> anyhow::Result<()> {
        let vem = self.aktor.clone();
        self.kor(&vem, n, k).await
    }

    /// Försörjningsstöd for the month of day `n` ago: a single adult with the rent and
    /// electricity of the FORSORJNING template (2026: 5 220 + 6 480 + 310 = 12 010 kr).
    async fn berakna_ensam(&mut self, n: i64) -> anyhow::Result<bool> {
        use lots_domain::forsorjningsstod::berakning::{Kostnadsslag, Post};
        use lots_domain::forsorjningsstod::hinder::Forsorjningshinder;
        self.berakna(n, |u| {
            u.rader = vec![
                demorad(Post::Kostnad(Kostnadsslag::Boende), 6_480),
                demorad(Post::Kostnad(Kostnadsslag::Hushallsel), 310),
            ];
            u.forsorjningshinder = vec![Forsorjningshinder::ArbetslosOtillrackligErsattning];
        })
        .await
    }

    /// The month of day `n` ago for a single adult, as `fyll` sets it out. A month of a year
    /// Lots has no riksnorm for is not calculated (`false`).
    async fn berakna(
        &mut self,
        n: i64,
        fyll: impl FnOnce(&mut lots_domain::forsorjningsstod::berakning::Underlag),
    ) -> anyhow::Result<bool> {
        use lots_domain::forsorjningsstod::Manad;
        use lots_domain::forsorjningsstod::berakning::Underlag;
        use lots_domain::forsorjningsstod::riksnorm::{NormHushall, Riksnorm, Vuxna};
        let datum = self.dag(n);
        let manad = Manad::for_dag(datum);
        let Some(tabell) = Riksnorm::inbyggda()
            .into_iter()
            .find(|t| t.ar == manad.ar())
        else {
            return Ok(false);
        };
        let mut underlag = Underlag {
            manad,
            hushall: NormHushall {
                vuxna: Vuxna::Ensam,
                barn: vec![],
                medboende: 0,
            },
            reducerad_norm: None,
            rader: vec![],
            inkomster: vec![],
            insattningar: vec![],
            tillgangar: vec![],
            annan_kommun: vec![],
            hyrestak: None,
            forsorjningshinder: vec![],
            medsokande: None,
        };
        fyll(&mut underlag);
        self.steg(
            n,
            Kommando::BeraknaForsorjningsstod {
                datum,
                underlag: Box::new(underlag),
                tabell: Box::new(tabell),
                andra_manader: vec![],
                andra_val: vec![],
            },
        )
        .await?;
        Ok(true)
    }

    /// Pays a granted försörjningsstöd decision what its month's calculation gives,
    /// to the person's account, planned and sent on day `n` ago.
    async fn betala(&mut self, beslut: BeslutId, n: i64) -> anyhow::Result<()> {
        use lots_domain::forsorjningsstod::Manad;
        use lots_domain::forsorjningsstod::utbetalning::{Konto, Mottagare};
        let a = self.arende()?;
        let Some(b) = a.beslut_lage(beslut) else {
            return Ok(());
        };
        let manad = Manad::for_dag(b.beslut.period_fran.unwrap_or(b.beslut.datum));
        let Some(&(_, belopp)) = a.forsorjningsstod.iter().find(|(m, _)| *m == manad) else {
            return Ok(());
        };
        if belopp <= 0 {
            return Ok(());
        }
        let id = UtbetalningId::ny();
        let dag = self.dag(n);
        self.steg(
            n,
            Kommando::PlaneraUtbetalning {
                id,
                beslut,
                mottagare: Mottagare::Enskild,
                konto: Konto::Bank {
                    clearing: "6000".into(),
                    nummer: format!("{:010}", 1_000_000 + self.nr as u64),
                },
                belopp,
                dag,
                manuell: false,
                attestgrans: lots_domain::forsorjningsstod::utbetalning::ATTESTGRANS,
            },
        )
        .await?;
        self.steg(
            n,
            Kommando::RegistreraUtbetald {
                utbetalning: id,
                datum: dag,
            },
        )
        .await
    }

    async fn journal(&mut self, n: i64, text: &str) -> anyhow::Result<JournalId> {
        let id = JournalId::ny();
        let text = self.t(text);
        self.steg(
            n,
            Kommando::SkrivJournal {
                id,
                datum: self.dag(n),
                text,
            },
        )
        .await?;
        Ok(id)
    }

    async fn inled(&mut self, n: i64) -> anyhow::Result<()> {
        self.steg(
            n,
            Kommando::InledUtredning {
                datum: self.dag(n),
                beslut_vantas: None,
            },
        )
        .await
    }

    async fn forhandsbedom(&mut self, n: i64, inled: bool, skal: &str) -> anyhow::Result<()> {
        let utfall = if inled {
            ForhandsbedomningsUtfall::InledUtredning
        } else {
            ForhandsbedomningsUtfall::InledEj
        };
        let skal = self.t(skal);
        self.steg(
            n,
            Kommando::Forhandsbedom {
                datum: self.dag(n),
                utfall,
                skal,
            },
        )
        .await
    }

    async fn tilldela(&mut self, vem: &Aktor, n: i64, ny: &Aktor) -> anyhow::Result<()> {
        self.kor(vem, n, Kommando::TilldelaHandlaggare { handlaggare: ny.id })
            .await?;
        self.aktor = ny.clone();
        Ok(())
    }

    async fn synpunkter(&mut self, n: i64, synpunkter: &str, mal: &str) -> anyhow::Result<()> {
        let (synpunkter, mal) = (self.t(synpunkter), self.t(mal));
        self.steg(
            n,
            Kommando::RegistreraSynpunkter {
                datum: self.dag(n),
                synpunkter,
                mal,
            },
        )
        .await
    }

    async fn avsluta_utredning(&mut self, n: i64) -> anyhow::Result<()> {
        self.steg(n, Kommando::AvslutaUtredning { datum: self.dag(n) })
            .await
    }

    /// Kommunicerar `n` days ago with the reply due `svar` days ago (negative: ahead).
    async fn kommunicera(
        &mut self,
        n: i64,
        material: &str,
        satt: Kommunikationssatt,
        svar: i64,
    ) -> anyhow::Result<KommuniceringId> {
        let id = KommuniceringId::ny();
        let material = self.t(material);
        let k = Kommando::Kommunicera {
            id,
            datum: self.dag(n),
            material,
            satt,
            svar_senast: self.d.frist(svar),
            bifogat: vec![],
            tillgangligt: "Utredningen kan läsas på Mina sidor, eller visas vid ett möte.".into(),
        };
        self.steg(n, k).await?;
        Ok(id)
    }

    async fn svar(&mut self, k: KommuniceringId, n: i64, text: &str) -> anyhow::Result<()> {
        let svar = self.t(text);
        self.steg(
            n,
            Kommando::RegistreraSvar {
                kommunicering: k,
                datum: self.dag(n),
                svar,
            },
        )
        .await
    }

    async fn beslut(
        &mut self,
        vem: &Aktor,
        n: i64,
        b: Beslutsforslag<'_>,
    ) -> anyhow::Result<BeslutId> {
        let id = BeslutId::ny();
        let datum = self.dag(n);
        let (period_fran, period_till) = match b.manader {
            Some(0) => (Some(datum), None),
            Some(m) => (Some(datum), frister::plus_manader(datum, m).previous_day()),
            None => (None, None),
        };
        let k = Kommando::FattaBeslut {
            id,
            insats: b.insats,
            utfall: b.utfall,
            lagrum: b.insats.lagrum(),
            mal: self.t(b.mal),
            omfattning: self.t(b.omfattning),
            period_fran,
            period_till,
            motivering: self.t(b.motivering),
            datum,
            kommunicering_obehovlig: None,
            foredragande: None,
            avslagen_del: if b.utfall == Utfall::DelvisBifall {
                self.avslagen_del
                    .take()
                    .unwrap_or_else(|| self.t(avslagen_del(b.insats)))
            } else {
                String::new()
            },
        };
        self.kor(vem, n, k).await?;
        Ok(id)
    }

    /// Sends the decision: with förenklad delgivning (the person was told
    /// beforehand, seed 004 §2.3) when it goes against the person.
    async fn skicka(
        &mut self,
        beslut: BeslutId,
        n: i64,
        satt: Utskickssatt,
        forenklad: bool,
    ) -> anyhow::Result<()> {
        // DelgL 23 §: told at the application that förenklad delgivning may be used.
        let informerad = self.arende()?.inkom;
        let skickat = self.dag(n);
        let k = Kommando::SkickaBeslut {
            beslut,
            datum: skickat,
            satt,
            forenklad_delgivning: forenklad,
            forhandsinformation: forenklad.then_some((informerad, Kanal::Besok)),
        };
        self.steg(n, k).await?;
        // DelgL 22 §: the kontrollmeddelande goes out by the next working day, when
        // that day has come. Later steps may still be dated before it.
        let kontroll = frister::forenklad_delgivning(skickat).kontrollmeddelande;
        if forenklad && kontroll <= self.d.idag {
            let senast = self.senast;
            let vem = self.aktor.clone();
            self.utfor(
                &vem,
                kontroll,
                Kommando::RegistreraKontrollmeddelande {
                    beslut,
                    datum: kontroll,
                },
            )
            .await?;
            self.senast = senast;
        }
        Ok(())
    }

    async fn bestall(
        &mut self,
        beslut: BeslutId,
        n: i64,
        utforare: EnhetId,
        uppdrag: &str,
    ) -> anyhow::Result<()> {
        let uppdrag = self.t(uppdrag);
        self.steg(
            n,
            Kommando::Bestall {
                beslut,
                utforare,
                datum: self.dag(n),
                uppdrag,
                villkor: None,
            },
        )
        .await
    }

    async fn starta(&mut self, beslut: BeslutId, n: i64) -> anyhow::Result<()> {
        self.steg(
            n,
            Kommando::StartaVerkstallighet {
                beslut,
                datum: self.dag(n),
            },
        )
        .await
    }

    async fn avbryt(&mut self, beslut: BeslutId, n: i64, orsak: &str) -> anyhow::Result<()> {
        let orsak = self.t(orsak);
        self.steg(
            n,
            Kommando::AvbrytVerkstallighet {
                beslut,
                datum: self.dag(n),
                orsak,
            },
        )
        .await
    }

    async fn ateruppta(&mut self, beslut: BeslutId, n: i64) -> anyhow::Result<()> {
        self.steg(
            n,
            Kommando::AterupptaVerkstallighet {
                beslut,
                datum: self.dag(n),
            },
        )
        .await
    }

    async fn avsluta_verkstallighet(
        &mut self,
        beslut: BeslutId,
        n: i64,
        orsak: &str,
    ) -> anyhow::Result<()> {
        let orsak = self.t(orsak);
        self.steg(
            n,
            Kommando::AvslutaVerkstallighet {
                beslut,
                datum: self.dag(n),
                orsak,
            },
        )
        .await
    }

    async fn uppfoljning(
        &mut self,
        beslut: BeslutId,
        n: i64,
        maluppfyllelse: Maluppfyllelse,
        texter: (&str, &str),
        nasta: Option<i64>,
    ) -> anyhow::Result<()> {
        let k = Kommando::RegistreraUppfoljning {
            beslut: Some(beslut),
            datum: self.dag(n),
            maluppfyllelse,
            enskildes_synpunkt: self.t(texter.0),
            kommentar: self.t(texter.1),
            nasta: nasta.map(|x| kalender::nasta_vardag(self.d.frist(x))),
        };
        self.steg(n, k).await
    }

    async fn overklaga(&mut self, beslut: BeslutId, n: i64, text: &str) -> anyhow::Result<()> {
        let text = self.t(text);
        self.steg(
            n,
            Kommando::RegistreraOverklagande {
                beslut,
                inkom: self.dag(n),
                text,
            },
        )
        .await
    }

    async fn avsluta(
        &mut self,
        n: i64,
        orsak: Avslutsorsak,
        kommentar: &str,
    ) -> anyhow::Result<()> {
        let kommentar = self.t(kommentar);
        self.steg(
            n,
            Kommando::AvslutaArende {
                datum: self.dag(n),
                orsak,
                kommentar,
            },
        )
        .await
    }

    /// The last day to appeal a decision in the case, once it is served.
    fn sista_dag(&self, beslut: BeslutId) -> anyhow::Result<Date> {
        self.arende()?
            .beslut_lage(beslut)
            .and_then(|b| b.sista_dag_overklagande())
            .ok_or_else(|| anyhow!("demoärende {}: beslutet är inte delgivet", self.nr))
    }

    /// Done: appeal periods that ran out more than a week ago are acknowledged,
    /// and the final state is kept for the summary.
    async fn klar(mut self) -> anyhow::Result<()> {
        let gransen = self.d.idag - Duration::days(7);
        let passerade: Vec<(String, Date)> = bevakningar(self.arende()?)
            .into_iter()
            .filter(|b| b.typ == BevakningsTyp::Overklagandetid && b.datum < gransen)
            .map(|b| (b.nyckel, b.datum))
            .collect();
        let handlaggare = self.aktor.clone();
        for (nyckel, sista) in passerade {
            let dag = kalender::forsta_vardag_efter(sista);
            self.utfor(
                &handlaggare,
                dag,
                Kommando::KvitteraBevakning { nyckel, datum: dag },
            )
            .await?;
        }
        let a = self
            .a
            .take()
            .ok_or_else(|| anyhow!("demoärende {} saknar tillstånd", self.nr))?;
        if let Some(m) = &self.d.minne {
            m.historiker.borrow_mut().push(ImportArende {
                id: self.id,
                steg: std::mem::take(&mut self.logg),
            });
            return Ok(());
        }
        self.d.klara.borrow_mut().push(a);
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Texts per insats (seed 004). {n} etc. are filled in per person, see `Fall::t`.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Utforare {
    /// Öppenvården Lotsby (egen regi).
    Oppenvarden,
    /// The case's own enhet: placements bought under ramavtal, and payments.
    Myndigheten,
}

struct Mall {
    insats: InsatsTyp,
    ansokan: &'static str,
    synpunkter: &'static str,
    mal: &'static str,
    omfattning: &'static str,
    motivering: &'static str,
    uppdrag: &'static str,
    manader: u32,
    utforare: Utforare,
    ekonomi: bool,
}

const ALKOHOL: Mall = Mall {
    insats: InsatsTyp::Oppenvardsbehandling,
    ansokan: "{n} ansöker om behandling för sitt alkoholbruk. {Han} berättar att drickandet har ökat det senaste året \
              och att {han} nu dricker varje dag. {Han} vill ha behandling på hemmaplan.",
    synpunkter: "{n} vill ha individuell behandling dagtid och vill inte delta i grupp till en början. {Han} vill att \
                 {hans} vuxna barn ska få veta att {han} söker hjälp.",
    mal: "{n} är nykter, sover bättre och har återgått till arbete eller annan sysselsättning.",
    omfattning: "CRA individuellt en gång i veckan under sex månader, med alkoholtest (PEth) en gång i månaden.",
    motivering: "Av utredningen framgår att {n} har ett beroende av alkohol (AUDIT 26 poäng, ASI genomförd) som {han} \
                 inte själv kan komma till rätta med. {n} är motiverad till förändring och behovet bedöms kunna \
                 tillgodoses genom öppenvårdsbehandling. Genom insatsen tillförsäkras {n} en skälig levnadsnivå.",
    uppdrag: "Öppenvårdsbehandling med CRA enligt beslut. {n} har ett alkoholberoende sedan flera år och arbetar deltid. \
              Mål enligt beslut: nykterhet och återgång i arbete. {n} önskar tider på förmiddagen. Genomförandeplan \
              upprättas med {n} inom tre veckor och skickas till handläggaren.",
    manader: 6,
    utforare: Utforare::Oppenvarden,
    ekonomi: false,
};

const NARKOTIKA: Mall = Mall {
    insats: InsatsTyp::Oppenvardsbehandling,
    ansokan: "{n} ansöker om stöd för att sluta använda cannabis och amfetamin. {Han} har nyligen avslutat en \
              avgiftning på beroendemottagningen och vill ha fortsatt behandling.",
    synpunkter: "{n} vill gå i återfallsprevention i grupp och tycker att det är viktigt att träffa andra i samma \
                 situation. {Han} är positiv till urinprov.",
    mal: "{n} är drogfri och har redskap för att hantera situationer med risk för återfall.",
    omfattning: "Återfallsprevention i grupp en gång i veckan under 16 veckor samt individuella samtal varannan vecka. \
                 Urinprov vid behov.",
    motivering: "Utredningen visar ett beroende av cannabis och amfetamin (DUDIT 29 poäng). {n} har genomgått avgiftning \
                 och behöver fortsatt behandling för att behålla sin drogfrihet. Behovet kan tillgodoses genom \
                 öppenvård.",
    uppdrag: "Återfallsprevention (ÅP) i grupp samt individuella samtal enligt beslut. {n} har nyligen avgiftats och \
              har läkarkontakt på beroendemottagningen. Urinprov tas vid behov. Kontakta handläggaren om {n} uteblir \
              två gånger i följd.",
    manader: 4,
    utforare: Utforare::Oppenvarden,
    ekonomi: false,
};

const SPEL: Mall = Mall {
    insats: InsatsTyp::Oppenvardsbehandling,
    ansokan: "{n} ansöker om behandling för spel om pengar. {Han} har spelskulder på cirka 180 000 kr och har stängt \
              av sig via Spelpaus men fortsätter att spela på utländska sajter.",
    synpunkter: "{n} vill ha enskilda samtal och önskar att {hans} partner får vara med vid något tillfälle. {Han} har \
                 redan kontakt med budget- och skuldrådgivningen.",
    mal: "{n} har slutat spela om pengar och har en plan för sina skulder.",
    omfattning: "Spelprogrammet: tio enskilda samtal under tre månader.",
    motivering: "Utredningen visar ett spelberoende som påverkar {ns} ekonomi och relationer. {n} är motiverad och \
                 behovet kan tillgodoses genom spelprogrammet i öppenvården.",
    uppdrag: "Spelprogrammet enligt beslut, tio enskilda samtal. {n} har kontakt med budget- och skuldrådgivningen. \
              Partnern kan delta vid något samtal om {n} vill det.",
    manader: 3,
    utforare: Utforare::Oppenvarden,
    ekonomi: false,
};

const BOENDESTOD: Mall = Mall {
    insats: InsatsTyp::StodIBoendet,
    ansokan: "{n} ansöker om stöd i boendet. {Han} har fått en varning från hyresvärden för störningar och sena hyror \
              och behöver hjälp att få ordning på vardagen.",
    synpunkter: "{n} vill ha stöd med ekonomi, post och kontakter med hyresvärden. {Han} vill att besöken sker på \
                 förmiddagen.",
    mal: "{n} behåller sin bostad, betalar hyran i tid och har struktur i vardagen.",
    omfattning: "Stöd i boendet två gånger i veckan, cirka två timmar per tillfälle, under sex månader.",
    motivering: "Utredningen visar att {n} på grund av sitt missbruk har svårt att sköta sitt boende och sin ekonomi \
                 och riskerar att förlora bostaden. Behovet kan inte tillgodoses på annat sätt. Insatsen bedöms ge \
                 {n} en skälig levnadsnivå.",
    uppdrag: "Stöd i boendet två gånger i veckan. {n} har en varning från hyresvärden. Fokus på ekonomi, post och \
              kontakter med hyresvärden. {n} har hund; meddela besök i förväg.",
    manader: 6,
    utforare: Utforare::Oppenvarden,
    ekonomi: false,
};

const KONTAKTPERSON: Mall = Mall {
    insats: InsatsTyp::Kontaktperson,
    ansokan: "{n} ansöker om en kontaktperson. {Han} har varit nykter i fyra månader men känner sig ensam och har få \
              sociala kontakter utanför missbruket.",
    synpunkter: "{n} önskar en kontaktperson som är något äldre och som tycker om att vara ute i naturen. {Han} vill \
                 träffas en gång i veckan.",
    mal: "{n} har ett socialt sammanhang utan alkohol och droger och har brutit sin isolering.",
    omfattning: "Kontaktperson fyra timmar per vecka under tolv månader.",
    motivering: "Utredningen visar att {n} är socialt isolerad och att isoleringen ökar risken för återfall. Behovet \
                 av stöd kan inte tillgodoses av nätverket. Insatsen bedöms ge {n} en skälig levnadsnivå.",
    uppdrag: "Kontaktperson fyra timmar per vecka. {n} önskar en något äldre kontaktperson med intresse för \
              friluftsliv. Mål: bryta isoleringen och bygga ett drogfritt socialt nätverk.",
    manader: 12,
    utforare: Utforare::Oppenvarden,
    ekonomi: false,
};

const SYSSELSATTNING: Mall = Mall {
    insats: InsatsTyp::Sysselsattning,
    ansokan: "{n} ansöker om sysselsättning. {Han} har avslutat behandling och behöver något meningsfullt att göra på \
              dagarna för att inte falla tillbaka.",
    synpunkter: "{n} vill helst arbeta med händerna, gärna i snickeriet eller med trädgård. {Han} orkar i nuläget \
                 halvtid.",
    mal: "{n} har en meningsfull och strukturerad vardag och närmar sig arbetsmarknaden.",
    omfattning: "Sysselsättning på Verkstan fyra timmar per dag, fyra dagar i veckan, under sex månader.",
    motivering: "Utredningen visar att {n} saknar sysselsättning och att en strukturerad vardag i nykter och drogfri \
                 miljö behövs för att {han} ska behålla sin nykterhet. Behovet kan inte tillgodoses på annat sätt.",
    uppdrag: "Sysselsättning i snickeriet på Verkstan enligt beslut, halvtid. {n} har nyligen avslutat \
              öppenvårdsbehandling och behöver struktur. Samverkan med Arbetsförmedlingen planeras efter tre månader.",
    manader: 6,
    utforare: Utforare::Oppenvarden,
    ekonomi: false,
};

const CASE_MANAGER: Mall = Mall {
    insats: InsatsTyp::CaseManager,
    ansokan: "{n} ansöker om stöd av case manager. {Han} har kontakt med psykiatrin, beroendemottagningen, \
              Försäkringskassan och Kronofogden och har svårt att hålla ordning på alla kontakter.",
    synpunkter: "{n} vill ha en person som hjälper {honom} att samordna kontakterna. {Han} samtycker till att en SIP \
                 upprättas.",
    mal: "{n} har en samordnad vård och behåller kontakten med vård och stöd.",
    omfattning: "Case manager med kontakt minst en gång i veckan under tolv månader.",
    motivering: "{n} har samsjuklighet med beroende och psykisk ohälsa och många vårdkontakter. Utredningen visar att \
                 {han} behöver samordnat stöd för att behålla kontakten med vården. Behovet kan inte tillgodoses på \
                 annat sätt.",
    uppdrag: "Case manager enligt beslut. {n} har kontakt med psykiatrin och beroendemottagningen; SIP ska upprättas. \
              {n} samtycker till samverkan med regionen och Försäkringskassan.",
    manader: 12,
    utforare: Utforare::Oppenvarden,
    ekonomi: false,
};

const HVB: Mall = Mall {
    insats: InsatsTyp::Hvb,
    ansokan: "{n} ansöker om behandling på behandlingshem. {Han} har under lång tid druckit dagligen och flera \
              öppenvårdsförsök har avbrutits. {Han} har nyligen vårdats på sjukhus för abstinenskramper.",
    synpunkter: "{n} vill till ett behandlingshem utanför Lotsby för att komma bort från sitt umgänge. {Han} önskar ett \
                 HVB med 12-stegsinriktning.",
    mal: "{n} är nykter, har påbörjat en stabil drogfri livsstil och har en plan för fortsatt behandling på hemmaplan.",
    omfattning: "Placering på HVB med 12-stegsbehandling i tre månader, därefter uppföljning.",
    motivering: "Utredningen visar ett allvarligt alkoholberoende med upprepade avbrutna öppenvårdsbehandlingar och \
                 medicinska komplikationer. Öppenvårdsinsatser har prövats utan resultat och behovet kan i nuläget \
                 bara tillgodoses genom heldygnsvård. Enligt riktlinjerna beviljas placering i regel i högst tre \
                 månader.",
    uppdrag: "Placering på Nybygården behandlingshem (HVB, ramavtal) med 12-stegsbehandling i tre månader. {n} har haft \
              abstinenskramper; läkarkontakt vid inskrivning. Vårdplan upprättas av handläggaren, genomförandeplan av \
              behandlingshemmet inom två veckor.",
    manader: 3,
    utforare: Utforare::Myndigheten,
    ekonomi: false,
};

const STODBOENDE: Mall = Mall {
    insats: InsatsTyp::Stodboende,
    ansokan: "{n} ansöker om plats på stödboende. {Han} har avslutat behandling på HVB och saknar bostad efter \
              utskrivningen.",
    synpunkter: "{n} vill bo kvar i Lotsby för att ha nära till sina barn. {Han} kan tänka sig ett drogfritt \
                 stödboende och vill fortsätta i eftervård.",
    mal: "{n} är drogfri, har ett stabilt boende och förbereder sig för eget boende.",
    omfattning: "Plats på stödboende med stöd dagtid i sex månader, i kombination med eftervård i öppenvården.",
    motivering: "Utredningen visar att {n} efter avslutad behandling behöver ett drogfritt boende med stöd i vardagen \
                 för att behålla sin nykterhet. Insatsen kombineras med eftervård i öppenvården. Behovet kan inte \
                 tillgodoses på annat sätt.",
    uppdrag: "Plats på Stödboendet Ekbacken (extern leverantör, ramavtal) i sex månader. {n} deltar i eftervård i \
              öppenvården. Boendet rapporterar återfall till handläggaren samma dag.",
    manader: 6,
    utforare: Utforare::Myndigheten,
    ekonomi: false,
};

const TRANINGSLAGENHET: Mall = Mall {
    insats: InsatsTyp::Traningslagenhet,
    ansokan: "{n} ansöker om träningslägenhet. {Han} bor för närvarande hos en vän och har inget eget kontrakt.",
    synpunkter: "{n} anser att {han} behöver en egen bostad för att kunna hålla sig nykter och vill inte bo på \
                 stödboende.",
    mal: "{n} har ett eget boende och klarar att sköta det.",
    omfattning: "Träningslägenhet med stöd i boendet, ett år i taget.",
    motivering: "Utredningen visar att {n} behöver omfattande stöd och tillsyn i sitt boende.",
    uppdrag: "Träningslägenhet enligt beslut.",
    manader: 12,
    utforare: Utforare::Myndigheten,
    ekonomi: false,
};

const FORSORJNING: Mall = Mall {
    insats: InsatsTyp::Forsorjningsstod,
    ansokan: "{n} ansöker om försörjningsstöd för {manad}. {Han} är inskriven på Arbetsförmedlingen och väntar på \
              besked om ersättning från a-kassan.",
    synpunkter: "{n} vill komma ut i arbete och är intresserad av praktik via kommunens arbetsmarknadsenhet.",
    mal: "{n} har sin försörjning tryggad under månaden och arbetar mot egen försörjning.",
    omfattning: "Försörjningsstöd enligt riksnormen för ensamstående (5 220 kr) samt hyra 6 480 kr och hushållsel \
                 310 kr, sammanlagt 12 010 kr.",
    motivering: "{n} saknar inkomster och tillgångar och kan inte själv tillgodose sitt behov. {Han} står till \
                 arbetsmarknadens förfogande. Försörjningsstöd beviljas enligt riksnormen för ensamstående samt \
                 faktiska och skäliga kostnader för boende och hushållsel.",
    uppdrag: "Utbetalning av försörjningsstöd till {ns} bankkonto.",
    manader: 1,
    utforare: Utforare::Myndigheten,
    ekonomi: true,
};

const TANDVARD: Mall = Mall {
    insats: InsatsTyp::EkonomisktBistandOvrigt,
    ansokan: "{n} ansöker om ekonomiskt bistånd till tandvård enligt kostnadsförslag på 14 200 kr. {Han} har värk och \
              har fått akut hjälp en gång.",
    synpunkter: "{n} vill få tänderna åtgärdade så att {han} kan äta normalt och slippa värken.",
    mal: "{n} får nödvändig tandvård och blir smärtfri.",
    omfattning: "Bistånd till tandvård med 14 200 kr enligt kostnadsförslag, betalas direkt till Folktandvården Lotsby.",
    motivering: "{n} saknar medel att betala nödvändig tandvård. Behandlingen är enligt förtroendetandläkaren \
                 nödvändig och kostnaden skälig.",
    uppdrag: "Utbetalning direkt till Folktandvården Lotsby mot faktura.",
    manader: 0,
    utforare: Utforare::Myndigheten,
    ekonomi: true,
};

const JOURNAL_START: &[&str] = &[
    "Inledande samtal med {n} på kontoret. {n} berättade om sin situation och vad {han} vill ha hjälp med. \
     Information lämnades om hur en utredning går till, om sekretess och om rätten att ta del av handlingar. {n} \
     samtyckte till att kontakt tas med vårdcentralen.",
    "Första besök. {n} kom i tid och var nykter. {Han} beskrev sitt bruk av alkohol och droger de senaste åren. Vi gick \
     igenom vilka uppgifter som behövs och vilka kontakter {n} ger samtycke till att vi tar.",
    "Telefonsamtal med {n} för att boka första möte. {n} lät orolig och berättade att {han} har svårt att sova. Tid \
     bokad nästa vecka; {n} informerades om att {han} får ta med en stödperson.",
    "Samtal med {n} och {hans} syster, som {n} själv bjudit in. Systern beskriver att {n} har isolerat sig det senaste \
     halvåret. {n} vill att systern får vara med även fortsättningsvis.",
];

const JOURNAL_UTREDNING: &[&str] = &[
    "ASI-grundintervju genomförd tillsammans med {n}. Högst skattade problemområden är alkohol och psykisk hälsa. {n} \
     var öppen och samarbetsvillig men blev trött mot slutet. Resultatet återkopplas vid nästa möte.",
    "AUDIT och DUDIT genomförda. {n} känner igen sig i resultatet och säger att det är alkoholen {han} i första hand \
     vill arbeta med. Provsvar från vårdcentralen (PEth) inväntas.",
    "Samtal med sjuksköterska på beroendemottagningen, Region Lotsby, efter {ns} samtycke. {n} är inskriven där för \
     abstinensbehandling. Vi kom överens om att föreslå en SIP; {n} är positiv till det.",
    "Hembesök hos {n} tillsammans med kollega. Lägenheten var städad och {n} verkade nykter. Vi pratade om hur dagarna \
     ser ut och om kontakten med {hans} vuxna barn.",
    "{n} uteblev från bokat möte. Har sökt {honom} per telefon utan svar. Brev skickat med ny tid och information om \
     att utredningen fortsätter.",
];

const JOURNAL_VERKSTALLIGHET: &[&str] = &[
    "Trepartssamtal med {n} och behandlare på Öppenvården Lotsby. Genomförandeplanen är upprättad och undertecknad. \
     {n} har kommit till alla inbokade träffar hittills.",
    "Telefonkontakt med utföraren som meddelar att insatsen har kommit igång. {n} har träffat sin kontakt två gånger \
     och uttrycker sig positivt.",
    "Avstämning med {n} per telefon. {Han} berättar att de första veckorna har varit tuffa men att stödet hjälper. \
     Nästa uppföljning är bokad.",
];

const JOURNAL_PLACERING: &str = "Vårdplan upprättad tillsammans med {n} och kontaktperson på boendet. {n} har kommit till \
     ro och deltar i programmet. Nästa avstämning sker via Teams om en månad.";

const JOURNAL_EKONOMI: &[&str] = &[
    "Nybesök. {n} har lämnat in ansökan med kontoutdrag och hyresavi. Vi gick igenom inkomster och utgifter. {n} är \
     inskriven på Arbetsförmedlingen och informerades om kravet att stå till arbetsmarknadens förfogande.",
    "Kompletterande uppgifter har kommit in: besked från a-kassan och hyresavi. Beräkning enligt riksnormen gjord.",
    "Telefonsamtal med {n} som undrar när utbetalning sker. Informerat om handläggningstiden och om att beslutet \
     skickas via Mina sidor.",
];

const UPPFOLJNING_LOPANDE: &[(&str, &str)] = &[
    (
        "{n} tycker att insatsen hjälper och vill fortsätta. {Han} har haft ett kortare återfall men tog själv kontakt \
         med sin behandlare.",
        "ASI-uppföljning genomförd. Förbättring inom områdena alkohol och familj/umgänge. Insatsen fortsätter enligt \
         beslut.",
    ),
    (
        "{n} är nöjd med stödet men önskar tider senare på dagen.",
        "Utföraren rapporterar god närvaro. Målen är delvis uppnådda; genomförandeplanen revideras.",
    ),
    (
        "{n} säger att {han} mår bättre och sover bättre. {Han} vill fortsätta i samma omfattning.",
        "Uppföljning med {n} och utföraren. Insatsen fungerar och fortsätter enligt beslut.",
    ),
];

const UPPFOLJNING_SLUT: (&str, &str) = (
    "{n} är nöjd med insatsen och känner sig redo att avsluta. {Han} vet hur {han} tar kontakt igen vid behov.",
    "Målen i beslutet är uppnådda. Avslutande ASI visar förbättring inom samtliga problemområden.",
);

const UPPFOLJNING_EKONOMI: (&str, &str) = (
    "{n} har inga synpunkter på handläggningen.",
    "Bistånd utbetalt enligt beslut. {n} har fått en visstidsanställning och räknar med att klara sig på egen hand.",
);

fn manadsnamn(d: Date) -> &'static str {
    lots_domain::tid::manadsnamn(d.month())
}

// ---------------------------------------------------------------------------
// The standard case: an ansökan taken through the process up to a stage.

#[derive(Clone, Copy)]
enum Stopp {
    Registrerad,
    Utredning,
    /// Kommunicerat; the reply is due `svar` days ago (negative: ahead).
    Kommunicerad {
        svar: i64,
    },
    BeslutVantar,
    Beslutad,
    Bestalld,
    /// Insatsen pågår. `nasta`: the next booked follow-up, days ago (negative:
    /// ahead), after follow-ups every third month; `None`: none made yet.
    Verkstalls {
        nasta: Option<i64>,
    },
    /// The insats ended `slut` days ago, was followed up and the case closed.
    Avslutad {
        slut: i64,
        orsak: Avslutsorsak,
    },
}

/// Days after the ansökan for each step.
struct Tider {
    inled: i64,
    synpunkter: i64,
    journal: i64,
    kommunicera: i64,
    svarsfrist: i64,
    svar: i64,
    avslutad: i64,
    beslut: i64,
    bestall: i64,
    start: i64,
}

const TIDER_VUXEN: Tider = Tider {
    inled: 1,
    synpunkter: 4,
    journal: 9,
    kommunicera: 15,
    svarsfrist: 10,
    svar: 19,
    avslutad: 20,
    beslut: 21,
    bestall: 23,
    start: 28,
};
const TIDER_EKONOMI: Tider = Tider {
    inled: 0,
    synpunkter: 1,
    journal: 3,
    kommunicera: 4,
    svarsfrist: 7,
    svar: 6,
    avslutad: 8,
    beslut: 9,
    bestall: 9,
    start: 10,
};

struct Std<'a> {
    agare: &'a Aktor,
    mall: &'a Mall,
    /// The ansökan came in `s` days ago.
    s: i64,
    stopp: Stopp,
    kanal: Kanal,
    /// Who registered it, if not the handläggare (the registrator).
    registrerar: Option<&'a Aktor>,
    /// Registered without a handläggare: waits for the arbetsledare to assign it.
    otilldelad: bool,
    ombud: Option<Ombud>,
    person: Option<DemoPerson>,
    beslutare: Option<&'a Aktor>,
    utfall: Utfall,
    omfattning: Option<&'a str>,
    motivering: Option<&'a str>,
    manader: Option<u32>,
    /// An interruption `n` days ago with its reason, resumed `m` days ago.
    avbrott: Option<(i64, Option<i64>, &'static str)>,
    /// More journal entries during the utredning (the scale generator's cases).
    extra_journal: usize,
    /// Försörjningsstöd applied for, calculated and paid for the household's month (the
    /// scale generator's cases); without it a single adult's month is calculated.
    manadsfall: Option<manad::Manadsfall<'a>>,
}

impl<'a> Std<'a> {
    fn ny(agare: &'a Aktor, mall: &'a Mall, s: i64, stopp: Stopp) -> Self {
        Self {
            agare,
            mall,
            s,
            stopp,
            kanal: if mall.ekonomi {
                Kanal::Digital
            } else {
                Kanal::Besok
            },
            registrerar: None,
            otilldelad: false,
            ombud: None,
            person: None,
            beslutare: None,
            utfall: Utfall::Bifall,
            omfattning: None,
            motivering: None,
            manader: None,
            avbrott: None,
            extra_journal: 0,
            manadsfall: None,
        }
    }
}

enum Forlopp {
    Uppfoljning { nasta: Option<i64>, slut: bool },
    Avbrott(&'static str),
    Ateruppta,
}

impl<'s> Demo<'s> {
    async fn enkel(&self, x: Std<'_>) -> anyhow::Result<()> {
        self.standard(x).await?.0.klar().await
    }

    async fn standard<'d>(
        &'d self,
        x: Std<'_>,
    ) -> anyhow::Result<(Fall<'d, 's>, Option<BeslutId>)> {
        let m = x.mall;
        let t = if m.ekonomi {
            &TIDER_EKONOMI
        } else {
            &TIDER_VUXEN
        };
        let s = x.s;
        let person = x.person.clone().unwrap_or_else(|| self.person());
        let registrerar = x.registrerar.unwrap_or(x.agare);
        let handlaggare = (!x.otilldelad).then_some(x.agare.id);
        let enhet = x.agare.enhet;
        let inkom = self.dag(s);
        let manad = manadsnamn(inkom);
        let (kanal, ombud) = (x.kanal, x.ombud.clone());
        let mut f = self
            .oppna(person, registrerar, x.agare, s, |p, inkom| {
                Handelse::AnsokanRegistrerad {
                    person: p.id,
                    enhet,
                    handlaggare,
                    kanal,
                    inkom,
                    insatser: vec![m.insats],
                    beskrivning: fyll_i(&m.ansokan.replace("{manad}", manad), p),
                    ombud,
                }
            })
            .await?;
        let nr = f.nr;
        // The month applied for is the one the case is decided in; the household's
        // application comes with the case (on Mina sidor, or on paper).
        let manad = lots_domain::forsorjningsstod::Manad::for_dag(self.dag(s - t.beslut));
        if let Some(mf) = &x.manadsfall {
            f.ansok_manad(mf, manad, s).await?;
        }
        if matches!(x.stopp, Stopp::Registrerad) {
            return Ok((f, None));
        }
        let pool_journal = if m.ekonomi {
            JOURNAL_EKONOMI
        } else {
            JOURNAL_START
        };
        f.inled(s - t.inled).await?;
        f.journal(s - t.inled, pool_journal[nr % pool_journal.len()])
            .await?;
        if s - t.synpunkter >= 0 {
            f.synpunkter(s - t.synpunkter, m.synpunkter, m.mal).await?;
        }
        if s - t.journal >= 0 {
            let pool = if m.ekonomi {
                JOURNAL_EKONOMI
            } else {
                JOURNAL_UTREDNING
            };
            f.journal(s - t.journal, pool[(nr + 1) % pool.len()])
                .await?;
            // Spread over the days before the kommunicering, never past today.
            let dagar = (t.kommunicera - t.journal).max(1);
            for i in 0..x.extra_journal {
                let n = (s - t.journal - (i as i64 * dagar) / x.extra_journal as i64).max(0);
                f.journal(n, pool[(nr + 2 + i) % pool.len()]).await?;
            }
        }
        if matches!(x.stopp, Stopp::Utredning) {
            return Ok((f, None));
        }
        let material = if m.ekonomi {
            "Beräkning av försörjningsstöd och bedömning inför beslut."
        } else {
            "Utredning enligt 11 kap. 1 § SoL med bedömning och förslag till beslut."
        };
        if let Stopp::Kommunicerad { svar } = x.stopp {
            f.kommunicera(
                svar + t.svarsfrist,
                material,
                Kommunikationssatt::Brev,
                svar,
            )
            .await?;
            return Ok((f, None));
        }
        let negativt = x.utfall.negativt();
        if !m.ekonomi || negativt {
            let satt = if m.ekonomi {
                Kommunikationssatt::Digitalt
            } else {
                Kommunikationssatt::Mote
            };
            let k = f
                .kommunicera(
                    s - t.kommunicera,
                    material,
                    satt,
                    s - t.kommunicera - t.svarsfrist,
                )
                .await?;
            let svar = if negativt {
                "{n} har tagit del av underlaget och håller inte med om bedömningen. {Han} vidhåller sin ansökan."
            } else {
                "{n} har tagit del av utredningen och instämmer i bedömningen. Inga tillägg."
            };
            f.svar(k, s - t.svar, svar).await?;
        }
        f.avsluta_utredning(s - t.avslutad).await?;
        if matches!(x.stopp, Stopp::BeslutVantar) {
            return Ok((f, None));
        }
        // Försörjningsstöd is calculated for the month before it is decided (issue 15).
        // A month of a year Lots has no riksnorm for cannot be calculated, so it is not
        // decided either (SoL 12 kap. 1 §): the case waits for its decision.
        let mut omfattning = x.omfattning.map(str::to_owned);
        match &x.manadsfall {
            Some(mf) => {
                let Some(b) = f.berakna_manad(mf, manad, s - t.beslut).await? else {
                    return Ok((f, None));
                };
                // The decision follows the calculation's result per line: the plan that
                // chose whether to communicate first must have foreseen it.
                let utfall = manad::utfall(&b);
                if utfall != x.utfall {
                    bail!(
                        "syntetiskt ärende {nr}: beräkningen för {} gav {}, planen {}",
                        b.manad.namn(),
                        utfall.kod(),
                        x.utfall.kod()
                    );
                }
                omfattning = Some(manad::omfattning(&b));
                if utfall == Utfall::DelvisBifall {
                    f.avslagen_del = Some(manad::avslagen_del(&b));
                }
            }
            None => {
                if m.insats == InsatsTyp::Forsorjningsstod && !f.berakna_ensam(s - t.beslut).await?
                {
                    return Ok((f, None));
                }
            }
        }
        let beslutare = x.beslutare.unwrap_or(if m.insats.heldygnsvard() {
            &self.s.al
        } else {
            x.agare
        });
        let b = f
            .beslut(
                beslutare,
                s - t.beslut,
                Beslutsforslag {
                    insats: m.insats,
                    utfall: x.utfall,
                    mal: if x.utfall.beviljar() { m.mal } else { "" },
                    omfattning: if x.utfall.beviljar() {
                        omfattning.as_deref().unwrap_or(m.omfattning)
                    } else {
                        ""
                    },
                    manader: x
                        .utfall
                        .beviljar()
                        .then_some(x.manader.unwrap_or(m.manader)),
                    motivering: x.motivering.unwrap_or(m.motivering),
                },
            )
            .await?;
        let satt = if m.ekonomi {
            Utskickssatt::Digitalt
        } else {
            Utskickssatt::Brev
        };
        f.skicka(b, s - t.beslut, satt, negativt).await?;
        if matches!(x.stopp, Stopp::Beslutad) || !x.utfall.beviljar() {
            return Ok((f, Some(b)));
        }
        let utforare = match m.utforare {
            Utforare::Oppenvarden => self.e.ov,
            Utforare::Myndigheten => f.arende()?.enhet,
        };
        f.bestall(b, s - t.bestall, utforare, m.uppdrag).await?;
        if matches!(x.stopp, Stopp::Bestalld) {
            return Ok((f, Some(b)));
        }
        let start = s - t.start;
        f.starta(b, start).await?;
        match &x.manadsfall {
            Some(mf) => f.betala_manad(mf, b, start).await?,
            None if m.insats == InsatsTyp::Forsorjningsstod => f.betala(b, start).await?,
            None => {}
        }

        // What happens while the insats runs, in date order.
        let mut handelser: Vec<(i64, Forlopp)> = vec![];
        let (slut, nasta_bokad) = match x.stopp {
            Stopp::Verkstalls { nasta } => (None, nasta),
            Stopp::Avslutad { slut, .. } => (Some(slut), None),
            _ => (None, None),
        };
        let bokar = slut.is_some() || nasta_bokad.is_some();
        let mut u = start - 91;
        while bokar && u >= slut.map_or(3, |x| x + 4) {
            handelser.push((
                u,
                Forlopp::Uppfoljning {
                    nasta: None,
                    slut: false,
                },
            ));
            u -= 91;
        }
        if let Some(slut) = slut {
            handelser.push((
                slut - 1,
                Forlopp::Uppfoljning {
                    nasta: None,
                    slut: true,
                },
            ));
        }
        let antal_uppf = handelser.len();
        for i in 0..antal_uppf {
            let nasta = if i + 1 < antal_uppf {
                Some(handelser[i + 1].0)
            } else {
                nasta_bokad
            };
            if let Forlopp::Uppfoljning {
                nasta: n,
                slut: false,
            } = &mut handelser[i].1
            {
                *n = nasta;
            }
        }
        if nasta_bokad.is_some() && antal_uppf == 0 {
            bail!("demoärende {nr}: ingen uppföljning hinner göras före den bokade");
        }
        if let Some((avbrott, ater, orsak)) = x.avbrott {
            handelser.push((avbrott, Forlopp::Avbrott(orsak)));
            if let Some(ater) = ater {
                handelser.push((ater, Forlopp::Ateruppta));
            }
        }
        let verkst_journal = if m.insats.heldygnsvard() {
            JOURNAL_PLACERING
        } else {
            JOURNAL_VERKSTALLIGHET[nr % JOURNAL_VERKSTALLIGHET.len()]
        };
        if !m.ekonomi && start - 7 >= slut.map_or(0, |x| x + 1) {
            f.journal(start - 7, verkst_journal).await?;
        }
        handelser.sort_by_key(|(n, _)| -n);
        let mut lopande = nr;
        for (n, h) in handelser {
            match h {
                Forlopp::Uppfoljning { slut: true, .. } => {
                    let orsak_text = match x.stopp {
                        Stopp::Avslutad {
                            orsak: Avslutsorsak::Flyttat,
                            ..
                        } => "{n} har flyttat till annan kommun. Insatsen avslutas.",
                        _ if m.ekonomi => "Utbetalning gjord för hela beslutsperioden.",
                        _ => "Insatsen avslutad enligt plan.",
                    };
                    f.avsluta_verkstallighet(b, n + 1, orsak_text).await?;
                    let (texter, mu) = if m.ekonomi {
                        (UPPFOLJNING_EKONOMI, Maluppfyllelse::Uppnatt)
                    } else if matches!(
                        x.stopp,
                        Stopp::Avslutad {
                            orsak: Avslutsorsak::MalUppnatt,
                            ..
                        }
                    ) {
                        (UPPFOLJNING_SLUT, Maluppfyllelse::Uppnatt)
                    } else {
                        (
                            UPPFOLJNING_LOPANDE[nr % UPPFOLJNING_LOPANDE.len()],
                            Maluppfyllelse::DelvisUppnatt,
                        )
                    };
                    f.uppfoljning(b, n, mu, texter, None).await?;
                }
                Forlopp::Uppfoljning { nasta, slut: false } => {
                    let texter = UPPFOLJNING_LOPANDE[lopande % UPPFOLJNING_LOPANDE.len()];
                    lopande += 1;
                    f.uppfoljning(b, n, Maluppfyllelse::DelvisUppnatt, texter, nasta)
                        .await?;
                }
                Forlopp::Avbrott(orsak) => f.avbryt(b, n, orsak).await?,
                Forlopp::Ateruppta => f.ateruppta(b, n).await?,
            }
        }
        if let Stopp::Avslutad { slut, orsak } = x.stopp {
            let kommentar = match orsak {
                Avslutsorsak::Flyttat => {
                    "{n} har flyttat från kommunen. Information om att söka stöd i den nya kommunen har lämnats."
                }
                _ => "",
            };
            f.avsluta(slut - 2, orsak, kommentar).await?;
        }
        Ok((f, Some(b)))
    }
}

// ---------------------------------------------------------------------------
// Texts for single decisions.

const HVB_SEX_MANADER: Mall = Mall {
    ansokan: "{n} ansöker om behandling på behandlingshem i sex månader. {Han} har druckit dagligen i flera år och två \
              öppenvårdsbehandlingar har avbrutits. {Han} har nyligen vårdats på sjukhus för abstinens.",
    ..HVB
};
const HVB_DELVIS_OMFATTNING: &str = "Placering på HVB med 12-stegsbehandling i tre månader. Ansökan om placering i \
     sex månader avslås i övrigt.";
const HVB_DELVIS_MOTIVERING: &str = "Utredningen visar ett omfattande alkoholberoende där öppenvård har prövats utan \
     resultat, och {n} behöver heldygnsvård. Enligt socialnämndens riktlinjer beviljas placering i regel i högst tre \
     månader, varefter behovet följs upp. Det finns inte skäl att redan nu bevilja en längre placering. Ansökan bifalls \
     därför delvis.";
const TRANING_AVSLAG: &str = "Träningslägenhet beviljas i tränings- och rehabiliteringssyfte till den som behöver \
     omfattande stöd och tillsyn i sitt boende. Utredningen visar att {n} klarar sitt boende och sin vardag utan sådant \
     stöd och att behovet i första hand gäller en bostad. Bostadslöshet är i sig inte skäl för insatsen, och behovet \
     kan tillgodoses på annat sätt genom bostadskö och stöd att söka bostad. {n} har därför inte rätt till bistånd i \
     form av träningslägenhet enligt 11 kap. 1 § socialtjänstlagen.";
const TANDVARD_DELVIS_OMFATTNING: &str = "Bistånd till akut och nödvändig tandvård (extraktion och rotfyllning) med \
     9 800 kr, betalas direkt till Folktandvården Lotsby. Ansökan om bistånd till krona avslås.";
const TANDVARD_DELVIS_MOTIVERING: &str = "Bistånd beviljas för den akuta och nödvändiga behandlingen enligt \
     förtroendetandläkarens bedömning. Behandling med krona bedöms inte nödvändig för att {n} ska tillförsäkras en \
     skälig levnadsnivå, eftersom en billigare behandling ger godtagbar funktion. Ansökan avslås i den delen.";

/// The refused part of the demo's delvis bifall, as the letter names it (FL 32 §).
fn avslagen_del(insats: InsatsTyp) -> &'static str {
    match insats {
        InsatsTyp::Hvb => {
            "{n} ansökte om placering på HVB i sex månader. Placering efter de första tre månaderna avslås."
        }
        InsatsTyp::EkonomisktBistandOvrigt => {
            "{n} ansökte om bistånd till tandvård med krona. Bistånd till kronan avslås."
        }
        _ => "Det {n} ansökte om utöver det som beviljas.",
    }
}

fn ansokan<'p>(
    enhet: EnhetId,
    handlaggare: Option<&'p Aktor>,
    kanal: Kanal,
    insatser: Vec<InsatsTyp>,
    text: &'p str,
) -> impl FnOnce(&DemoPerson, Date) -> Handelse + 'p {
    move |p, inkom| Handelse::AnsokanRegistrerad {
        person: p.id,
        enhet,
        handlaggare: handlaggare.map(|h| h.id),
        kanal,
        inkom,
        insatser,
        beskrivning: fyll_i(text, p),
        ombud: None,
    }
}

fn anmalan<'p>(
    enhet: EnhetId,
    handlaggare: Option<&'p Aktor>,
    kanal: Kanal,
    anmalare: Anmalare,
    text: &'p str,
) -> impl FnOnce(&DemoPerson, Date) -> Handelse + 'p {
    move |p, inkom| Handelse::AnmalanRegistrerad {
        person: p.id,
        enhet,
        handlaggare: handlaggare.map(|h| h.id),
        kanal,
        inkom,
        anmalare,
        beskrivning: fyll_i(text, p),
    }
}

fn namngiven(namn: &str, relation: &str, kontakt: &str) -> Anmalare {
    Anmalare::Namngiven {
        namn: namn.into(),
        relation: relation.into(),
        kontakt: kontakt.into(),
    }
}

// ---------------------------------------------------------------------------
// Vuxenenheten missbruk: most open cases belong to `handlaggare`.

async fn vuxenenheten(d: &Demo<'_>) -> anyhow::Result<()> {
    use Stopp::*;
    let (hl, al, pn, reg) = (&d.s.hl, &d.s.al, &d.s.pn, &d.s.reg);

    // Newly registered ansökningar, by different channels, two through an ombud.
    d.enkel(Std::ny(hl, &ALKOHOL, 2, Registrerad)).await?;
    d.enkel(Std {
        registrerar: Some(reg),
        otilldelad: true,
        kanal: Kanal::Papper,
        ombud: Some(Ombud {
            namn: "Karin Ahlgren (syster)".into(),
            kontakt: "070-174 06 12".into(),
            fullmakt_omfattning:
                "Att föra min talan i ärendet om stöd i boendet, ta del av handlingar och ta emot \
                                  beslut för min räkning."
                    .into(),
            fullmakt_datum: d.dag(7),
            muntlig: false,
        }),
        ..Std::ny(hl, &BOENDESTOD, 4, Registrerad)
    })
    .await?;
    d.enkel(Std {
        kanal: Kanal::Telefon,
        ombud: Some(Ombud {
            namn: "Lisa Ek, stödperson vid Brukarföreningen Lotsby".into(),
            kontakt: "070-174 06 45".into(),
            fullmakt_omfattning: "Att vara kontakt gentemot socialtjänsten och delta i möten. Muntlig fullmakt lämnad \
                                  av den enskilde vid telefonsamtal och dokumenterad av handläggaren."
                .into(),
            fullmakt_datum: d.dag(1),
            muntlig: true,
        }),
        ..Std::ny(hl, &CASE_MANAGER, 1, Registrerad)
    })
    .await?;
    d.enkel(Std {
        registrerar: Some(reg),
        kanal: Kanal::Digital,
        ..Std::ny(hl, &SPEL, 0, Registrerad)
    })
    .await?;
    let (mut f, _) = d
        .standard(Std {
            registrerar: Some(reg),
            otilldelad: true,
            kanal: Kanal::Papper,
            ..Std::ny(hl, &SYSSELSATTNING, 6, Registrerad)
        })
        .await?;
    f.tilldela(al, 5, hl).await?;
    f.journal(5, "Ringt {n} och bokat ett första samtal på torsdag. {n} vill gärna komma igång snabbt och har frågat om \
                  snickeriet på Verkstan.")
        .await?;
    f.klar().await?;

    // Utredningar under arbete.
    d.enkel(Std::ny(hl, &NARKOTIKA, 25, Utredning)).await?;
    let (mut f, _) = d.standard(Std::ny(hl, &HVB, 40, Utredning)).await?;
    f.journal(15, "SIP-möte med {n}, beroendemottagningen och psykiatrin. Regionen ansvarar för abstinensbehandling och \
                   läkemedel; socialtjänsten för utredningen om behandlingshem. {n} deltog aktivt och godkände planen.")
        .await?;
    f.journal(8, "Kontakt med Nybygården om möjlig plats. De kan ta emot om cirka tre veckor. {n} informerad om att \
                  beslut fattas av arbetsledaren enligt delegationsordningen.")
        .await?;
    f.klar().await?;
    let mut f = d
        .oppna(
            d.person(),
            hl,
            hl,
            12,
            ansokan(
                d.e.vm,
                Some(hl),
                Kanal::Besok,
                vec![InsatsTyp::StodIBoendet, InsatsTyp::Kontaktperson],
                "{n} ansöker om stöd i boendet och om en kontaktperson. {Han} har nyligen flyttat till egen lägenhet \
                 efter tid på stödboende och vill ha hjälp att klara boendet och att bryta sin ensamhet.",
            ),
        )
        .await?;
    f.inled(11).await?;
    f.journal(11, JOURNAL_START[1]).await?;
    f.synpunkter(
        6,
        "{n} vill ha stöd i boendet några gånger i veckan i början och en kontaktperson att gå på \
                     promenader och AA-möten med.",
        "{n} bor kvar i sin lägenhet och har ett socialt nätverk utan alkohol.",
    )
    .await?;
    f.klar().await?;
    d.enkel(Std {
        person: Some(d.skyddad(0)),
        ..Std::ny(hl, &KONTAKTPERSON, 18, Utredning)
    })
    .await?;

    // Kommunicerat: the reply is due this week, and one is overdue.
    d.enkel(Std::ny(hl, &KONTAKTPERSON, 45, Kommunicerad { svar: -3 }))
        .await?;
    let (mut f, _) = d
        .standard(Std::ny(hl, &TRANINGSLAGENHET, 60, Kommunicerad { svar: 6 }))
        .await?;
    f.journal(4, "{n} har inte hört av sig om kommuniceringen. Sökt {honom} per telefon två gånger utan svar. \
                  Beslut fattas om inget svar kommer in i veckan.")
        .await?;
    f.klar().await?;

    // Utredningen klar, beslut väntar (HVB: arbetsledaren beslutar).
    d.enkel(Std::ny(hl, &ALKOHOL, 30, BeslutVantar)).await?;
    d.enkel(Std::ny(hl, &HVB, 28, BeslutVantar)).await?;

    // Beslutat.
    d.enkel(Std::ny(hl, &BOENDESTOD, 24, Beslutad)).await?;
    d.enkel(Std {
        utfall: Utfall::Avslag,
        motivering: Some(TRANING_AVSLAG),
        ..Std::ny(hl, &TRANINGSLAGENHET, 31, Beslutad)
    })
    .await?;

    // Beställt, inte påbörjat: one past three months (reportable to IVO), one close to it.
    d.enkel(Std::ny(hl, &SYSSELSATTNING, 35, Bestalld)).await?;
    let (mut f, _) = d
        .standard(Std::ny(hl, &KONTAKTPERSON, 160, Bestalld))
        .await?;
    f.journal(120, "Utföraren meddelar att det för närvarande inte finns någon lämplig kontaktperson. Rekrytering pågår \
                    via annons och Brukarföreningen.")
        .await?;
    f.journal(60, "Två tänkbara kontaktpersoner har tackat nej. {n} är informerad om dröjsmålet, om att beslutet \
                   rapporteras som ej verkställt till IVO och om att {han} själv kan kontakta IVO.")
        .await?;
    f.klar().await?;
    let (mut f, _) = d.standard(Std::ny(hl, &STODBOENDE, 101, Bestalld)).await?;
    f.journal(40, "Stödboendet Ekbacken har ingen ledig plats. Plats beräknas bli ledig inom en månad. {n} bor under \
                   tiden kvar hos sin mamma och deltar i eftervård.")
        .await?;
    f.klar().await?;

    // Insatser som pågår, with follow-ups overdue, due this week and later.
    d.enkel(Std::ny(hl, &ALKOHOL, 126, Verkstalls { nasta: None }))
        .await?;
    d.enkel(Std::ny(
        hl,
        &BOENDESTOD,
        180,
        Verkstalls { nasta: Some(-3) },
    ))
    .await?;
    d.enkel(Std::ny(
        hl,
        &CASE_MANAGER,
        290,
        Verkstalls { nasta: Some(10) },
    ))
    .await?;
    d.enkel(Std::ny(hl, &HVB, 70, Verkstalls { nasta: None }))
        .await?;
    d.enkel(Std {
        avbrott: Some((
            9,
            None,
            "{n} har återfallit och uteblivit från tre behandlingstillfällen. Utföraren har inte nått {honom}.",
        )),
        ..Std::ny(hl, &NARKOTIKA, 150, Verkstalls { nasta: Some(-60) })
    })
    .await?;
    d.enkel(Std {
        avbrott: Some((
            100,
            Some(80),
            "{n} är inlagd på sjukhus efter en fallolycka och kan inte delta på Verkstan.",
        )),
        ..Std::ny(hl, &SYSSELSATTNING, 180, Verkstalls { nasta: Some(-30) })
    })
    .await?;
    d.enkel(Std {
        utfall: Utfall::DelvisBifall,
        manader: Some(3),
        omfattning: Some(HVB_DELVIS_OMFATTNING),
        motivering: Some(HVB_DELVIS_MOTIVERING),
        ..Std::ny(hl, &HVB_SEX_MANADER, 60, Verkstalls { nasta: None })
    })
    .await?;

    // Avslutade.
    d.enkel(Std::ny(
        hl,
        &ALKOHOL,
        300,
        Avslutad {
            slut: 90,
            orsak: Avslutsorsak::MalUppnatt,
        },
    ))
    .await?;
    d.enkel(Std::ny(
        hl,
        &SPEL,
        200,
        Avslutad {
            slut: 100,
            orsak: Avslutsorsak::MalUppnatt,
        },
    ))
    .await?;
    d.enkel(Std::ny(
        hl,
        &KONTAKTPERSON,
        240,
        Avslutad {
            slut: 20,
            orsak: Avslutsorsak::Flyttat,
        },
    ))
    .await?;
    d.enkel(Std::ny(
        hl,
        &NARKOTIKA,
        260,
        Avslutad {
            slut: 120,
            orsak: Avslutsorsak::MalUppnatt,
        },
    ))
    .await?;

    // Anmälningar to the enhet.
    let f = d
        .oppna(
            d.person(),
            reg,
            hl,
            3,
            anmalan(
                d.e.vm,
                Some(hl),
                Kanal::Telefon,
                namngiven("Per Sundberg, Lotsby Bygg AB", "Arbetsgivare", "070-174 06 71"),
                "{ns} chef ringer med oro. {n} har kommit berusad till arbetet vid flera tillfällen den senaste månaden \
                 och har hög frånvaro. Chefen har berättat för {n} att han kontaktar socialtjänsten.",
            ),
        )
        .await?;
    f.klar().await?;
    let mut f = d
        .oppna(
            d.person(),
            hl,
            hl,
            20,
            anmalan(
                d.e.vm,
                Some(hl),
                Kanal::Telefon,
                namngiven("Anna Sjödin", "Dotter", "070-174 06 23"),
                "Dottern är orolig för {ns} alkoholvanor efter att {han} varit berusad på ett familjekalas och kört \
                 bil därifrån.",
            ),
        )
        .await?;
    f.journal(18, "Samtal med {n} på kontoret. {n} berättar att {han} druckit för mycket vid kalaset men förnekar att \
                   {han} körde bil. {Han} dricker enligt egen uppgift ett par glas vin i veckan; AUDIT 5 poäng.")
        .await?;
    f.forhandsbedom(
        17,
        false,
        "{n} har arbete och bostad och inga tidigare kontakter med socialtjänsten. AUDIT visar inte riskbruk. {n} har \
         fått information om öppenvårdens rådgivning och tackar nej till vidare kontakt. Utredning inleds inte.",
    )
    .await?;
    f.klar().await?;
    let mut f = d
        .oppna(
            d.person(),
            reg,
            hl,
            50,
            anmalan(
                d.e.vm,
                Some(hl),
                Kanal::Papper,
                namngiven("Polismyndigheten, lokalpolisområde Lotsby", "Myndighet (6 § LVM)", "114 14"),
                "Anmälan enligt 6 § LVM. {n} har omhändertagits enligt LOB fyra gånger sedan i somras, senast efter att \
                 ha hittats medvetslös av kyla vid busstationen. Polisen bedömer att {n} kan vara i behov av vård.",
            ),
        )
        .await?;
    f.forhandsbedom(
        48,
        true,
        "Uppgifterna tyder på ett fortgående missbruk med allvarlig fara för {ns} hälsa. Utredning inleds enligt 14 kap. \
         2 § SoL och 7 § LVM.",
    )
    .await?;
    f.journal(47, "Sökt {n} per telefon och brev. Ingen kontakt. Kontaktat hemtjänsten som känner {honom} sedan \
                   tidigare; de lovar att be {honom} höra av sig.")
        .await?;
    f.journal(44, "Hembesök. {n} öppnade och var nykter men skakig. {Han} säger att {han} inte orkar mer och vill till \
                   behandlingshem frivilligt. Informerat om skillnaden mellan vård enligt SoL och LVM.")
        .await?;
    f.steg(
        38,
        Kommando::AnsokInsats {
            insats: InsatsTyp::Hvb,
            datum: d.dag(38),
            kanal: Kanal::Besok,
        },
    )
    .await?;
    f.synpunkter(38, HVB.synpunkter, HVB.mal).await?;
    f.journal(30, JOURNAL_UTREDNING[0]).await?;
    f.kommunicera(
        8,
        "Utredning enligt 11 kap. 1 § SoL och 7 § LVM med bedömning och förslag till beslut om HVB.",
        Kommunikationssatt::Mote,
        -6,
    )
    .await?;
    f.klar().await?;

    // Pernilla Nyberg's cases.
    d.enkel(Std {
        kanal: Kanal::Telefon,
        ..Std::ny(pn, &SYSSELSATTNING, 3, Registrerad)
    })
    .await?;
    d.enkel(Std::ny(pn, &ALKOHOL, 15, Utredning)).await?;
    d.enkel(Std::ny(pn, &NARKOTIKA, 27, BeslutVantar)).await?;
    d.enkel(Std::ny(pn, &SPEL, 50, Verkstalls { nasta: None }))
        .await?;
    d.enkel(Std::ny(pn, &BOENDESTOD, 110, Verkstalls { nasta: None }))
        .await?;
    d.enkel(Std::ny(
        pn,
        &CASE_MANAGER,
        330,
        Avslutad {
            slut: 30,
            orsak: Avslutsorsak::MalUppnatt,
        },
    ))
    .await?;
    let (mut f, b) = d
        .standard(Std::ny(pn, &KONTAKTPERSON, 95, Bestalld))
        .await?;
    let b = b.context("beslut saknas")?;
    f.journal(60, "{n} har träffat den föreslagna kontaktpersonen två gånger men vill inte fortsätta. {Han} säger att \
                   {han} har fått nya vänner genom AA och inte behöver insatsen längre.")
        .await?;
    f.steg(
        55,
        Kommando::RegistreraUpphorande(UpphorandeUppgifter {
            beslut: b,
            datum: d.dag(55),
            orsak: Upphorandeorsak::TackatNej,
            kommentar: f.t("{n} har tackat nej till beviljad kontaktperson och vill inte att insatsen verkställs. {Han} har \
                       informerats om att {han} kan ansöka igen."),
        }),
    )
    .await?;
    f.avsluta(
        54,
        Avslutsorsak::Annat,
        "{n} har tackat nej till beviljad insats.",
    )
    .await?;
    f.klar().await?;
    let (mut f, _) = d.standard(Std::ny(pn, &NARKOTIKA, 70, Utredning)).await?;
    f.journal(58, "{n} ringer och återkallar sin ansökan. {Han} har fått plats i Kriminalvårdens behandlingsprogram \
                   och vill inte ha två behandlingar samtidigt. Informerat om att {han} kan ansöka igen.")
        .await?;
    for insats in f.arende()?.obeslutade_insatser() {
        let kommentar = f.t("{n} ringde och återkallade ansökan.");
        f.steg(
            58,
            Kommando::AterkallaAnsokan(AterkallelseUppgifter {
                insats,
                datum: d.dag(58),
                kanal: Kanal::Telefon,
                kommentar,
            }),
        )
        .await?;
    }
    f.avsluta(58, Avslutsorsak::AnsokanAtertagen, "").await?;
    f.klar().await
}

// ---------------------------------------------------------------------------
// Appeals: the whole chain, one at the court, one granted by the court.

async fn overklaganden(d: &Demo<'_>) -> anyhow::Result<()> {
    let (hl, al) = (&d.s.hl, &d.s.al);
    let person = d.person();

    // Avslag på HVB → överklagat → rättidsprövat → omprövat → överlämnat → dom; then öppenvård.
    let mut f = d
        .oppna(
            person.clone(),
            hl,
            hl,
            170,
            ansokan(
                d.e.vm,
                Some(hl),
                Kanal::Besok,
                vec![InsatsTyp::Hvb],
                "{n} ansöker om behandling på behandlingshem. {Han} har druckit dagligen det senaste året och har \
                 nyligen vårdats på sjukhus för abstinens. {Han} gick i öppenvård 2021 men avbröt.",
            ),
        )
        .await?;
    f.inled(169).await?;
    f.journal(169, JOURNAL_START[0]).await?;
    f.synpunkter(165, "{n} vill till behandlingshem och anser att öppenvård inte räcker. {Han} vill komma bort från \
                       Lotsby en tid.", HVB.mal)
        .await?;
    f.journal(158, JOURNAL_UTREDNING[0]).await?;
    let j = f
        .journal(150, "Erbjöd {n} öppenvårdsbehandling med CRA i väntan på utredningen. {n} tackade nej och vill bara ha \
                       behandlingshem.")
        .await?;
    let k = f
        .kommunicera(
            140,
            "Utredning med bedömning och förslag till beslut: avslag på HVB och erbjudande om öppenvårdsbehandling.",
            Kommunikationssatt::Mote,
            126,
        )
        .await?;
    f.svar(k, 131, "{n} har tagit del av utredningen och håller inte med. {Han} anser att {han} prövat öppenvård 2021 \
                    utan resultat och säger att {han} kommer att överklaga ett avslag.")
        .await?;
    f.steg(
        131,
        Kommando::RegistreraInvandning {
            anteckning: j,
            datum: d.dag(131),
            text: f.t("{n} tackade inte nej till öppenvård, utan sa att {han} inte tror att det räcker för \
                       {honom}."),
        },
    )
    .await?;
    f.avsluta_utredning(130).await?;
    let b = f
        .beslut(
            al,
            128,
            Beslutsforslag {
                insats: InsatsTyp::Hvb,
                utfall: Utfall::Avslag,
                mal: "",
                omfattning: "",
                manader: None,
                motivering: "Enligt socialnämndens riktlinjer ska öppenvårdsinsatser prövas innan placering i \
                             heldygnsvård. Utredningen visar att {n} inte har prövat öppenvårdsbehandling de senaste \
                             fyra åren och att {han} har bostad och ett visst nätverk. Behovet av vård bedöms i nuläget \
                             kunna tillgodoses genom öppenvårdsbehandling, som {n} har erbjudits. {n} har därför inte \
                             rätt till bistånd i form av HVB enligt 11 kap. 1 § socialtjänstlagen.",
            },
        )
        .await?;
    f.skicka(b, 128, Utskickssatt::Brev, true).await?;
    f.overklaga(b, 105, "{n} överklagar beslutet och begär att förvaltningsrätten beviljar behandling på HVB. {Han} \
                         anför att tidigare öppenvård inte hjälpt och att {hans} hälsa har försämrats.")
        .await?;
    f.kor(
        al,
        104,
        Kommando::ProvaRattidighet {
            beslut: b,
            datum: d.dag(104),
            undantag: None,
        },
    )
    .await?;
    f.kor(
        al,
        103,
        Kommando::Omprova {
            beslut: b,
            datum: d.dag(103),
            motivering: "Överklagandet innehåller inga nya omständigheter. Nämnden finner inte skäl att ändra beslutet \
                         (38 § förvaltningslagen)."
                .into(),
            nytt: None,
            eget_initiativ: false,
            grund: None,
            till_nackdel: None,
        },
    )
    .await?;
    f.steg(
        102,
        Kommando::Overlamna {
            beslut: b,
            datum: d.dag(102),
        },
    )
    .await?;
    f.journal(102, "Överklagandet har överlämnats till förvaltningsrätten tillsammans med akten och nämndens yttrande.")
        .await?;
    let dom = d.dag(40);
    f.steg(
        40,
        Kommando::RegistreraDom {
            beslut: b,
            datum: dom,
            utfall: DomUtfall::Avslag,
            malnummer: format!("Mål nr 4127-{:02}", dom.year() % 100),
        },
    )
    .await?;
    f.journal(38, "Förvaltningsrätten har avslagit överklagandet. {n} informerad per telefon om domen och om \
                   möjligheten att överklaga till kammarrätten. {n} har efter ny ansökan börjat i öppenvården.")
        .await?;
    f.avsluta(
        35,
        Avslutsorsak::BeslutUtanInsats,
        "Avslaget står fast efter dom i förvaltningsrätten.",
    )
    .await?;
    f.klar().await?;
    d.enkel(Std {
        person: Some(person),
        ..Std::ny(hl, &ALKOHOL, 100, Stopp::Verkstalls { nasta: None })
    })
    .await?;

    // Avslag på stödboende, överklagat; the court grants it and the decision must now be carried out.
    let mut f = d
        .oppna(
            d.person(),
            hl,
            hl,
            150,
            ansokan(
                d.e.vm,
                Some(hl),
                Kanal::Besok,
                vec![InsatsTyp::Stodboende],
                STODBOENDE.ansokan,
            ),
        )
        .await?;
    f.inled(149).await?;
    f.journal(149, JOURNAL_START[2]).await?;
    f.synpunkter(145, STODBOENDE.synpunkter, STODBOENDE.mal)
        .await?;
    f.journal(140, JOURNAL_UTREDNING[2]).await?;
    let k = f
        .kommunicera(
            130,
            "Utredning med bedömning och förslag till beslut om avslag på stödboende.",
            Kommunikationssatt::Brev,
            120,
        )
        .await?;
    f.svar(k, 128, "{n} svarar skriftligt att {han} behöver ett drogfritt boende för att klara sig efter behandlingen \
                    och att {han} inte har någonstans att bo.")
        .await?;
    f.avsluta_utredning(127).await?;
    let b = f
        .beslut(
            al,
            126,
            Beslutsforslag {
                insats: InsatsTyp::Stodboende,
                utfall: Utfall::Avslag,
                mal: "",
                omfattning: "",
                manader: None,
                motivering: "Stödboende beviljas i kombination med annan öppenvårdsbehandling till den som behöver ett \
                             drogfritt boende med stöd. {n} har tackat nej till eftervård, och utredningen visar att \
                             {hans} behov i första hand gäller en bostad, vilket kan tillgodoses genom bostadskö och \
                             stöd att söka bostad. {n} har därför inte rätt till bistånd i form av stödboende.",
            },
        )
        .await?;
    f.skicka(b, 126, Utskickssatt::Brev, true).await?;
    f.overklaga(
        b,
        100,
        "{n} överklagar och anför att {han} nu har börjat i eftervård och saknar bostad efter \
                         behandlingen.",
    )
    .await?;
    f.kor(
        al,
        99,
        Kommando::ProvaRattidighet {
            beslut: b,
            datum: d.dag(99),
            undantag: None,
        },
    )
    .await?;
    f.steg(
        97,
        Kommando::Overlamna {
            beslut: b,
            datum: d.dag(97),
        },
    )
    .await?;
    let dom = d.dag(20);
    f.steg(
        20,
        Kommando::RegistreraDom {
            beslut: b,
            datum: dom,
            utfall: DomUtfall::Bifall,
            malnummer: format!("Mål nr 3388-{:02}", dom.year() % 100),
        },
    )
    .await?;
    f.journal(19, "Förvaltningsrätten har bifallit överklagandet: {n} har rätt till stödboende. Domen ska verkställas \
                   utan dröjsmål. Förfrågan om plats skickad till Stödboendet Ekbacken.")
        .await?;
    f.bestall(b, 18, d.e.vm, STODBOENDE.uppdrag).await?;
    f.klar().await
}

// ---------------------------------------------------------------------------
// Ekonomiskt bistånd.

async fn ekonomiskt_bistand(d: &Demo<'_>) -> anyhow::Result<()> {
    use Stopp::*;
    let (ah, ls, ed) = (&d.s.ah, &d.s.ls, &d.s.ed);

    d.enkel(Std::ny(ah, &FORSORJNING, 1, Registrerad)).await?;
    d.enkel(Std {
        kanal: Kanal::Besok,
        person: Some(d.samordning(0)),
        ..Std::ny(ah, &FORSORJNING, 3, Registrerad)
    })
    .await?;
    d.enkel(Std {
        kanal: Kanal::Besok,
        person: Some(d.samordning(1)),
        ..Std::ny(ls, &FORSORJNING, 2, Registrerad)
    })
    .await?;
    d.enkel(Std::ny(ah, &FORSORJNING, 6, Utredning)).await?;
    d.enkel(Std {
        person: Some(d.skyddad(1)),
        ..Std::ny(ls, &FORSORJNING, 9, Utredning)
    })
    .await?;
    d.enkel(Std::ny(ah, &FORSORJNING, 12, Kommunicerad { svar: -1 }))
        .await?;
    d.enkel(Std::ny(ls, &FORSORJNING, 10, Beslutad)).await?;
    d.enkel(Std::ny(ah, &FORSORJNING, 15, Verkstalls { nasta: None }))
        .await?;
    d.enkel(Std::ny(
        ah,
        &FORSORJNING,
        45,
        Avslutad {
            slut: 4,
            orsak: Avslutsorsak::InsatsAvslutad,
        },
    ))
    .await?;
    d.enkel(Std::ny(
        ls,
        &FORSORJNING,
        110,
        Avslutad {
            slut: 70,
            orsak: Avslutsorsak::InsatsAvslutad,
        },
    ))
    .await?;
    d.enkel(Std {
        beslutare: Some(ed),
        utfall: Utfall::DelvisBifall,
        omfattning: Some(TANDVARD_DELVIS_OMFATTNING),
        motivering: Some(TANDVARD_DELVIS_MOTIVERING),
        ..Std::ny(
            ls,
            &TANDVARD,
            40,
            Avslutad {
                slut: 29,
                orsak: Avslutsorsak::InsatsAvslutad,
            },
        )
    })
    .await?;

    // Avslag, överklagat; at omprövning the nämnd changes its decision as asked and the appeal lapses.
    let (mut f, _) = d
        .standard(Std {
            kanal: Kanal::Papper,
            ..Std::ny(ls, &TANDVARD, 80, Utredning)
        })
        .await?;
    let k = f
        .kommunicera(
            76,
            "Förtroendetandläkarens yttrande över kostnadsförslaget och bedömning inför beslut.",
            Kommunikationssatt::Brev,
            69,
        )
        .await?;
    f.svar(
        k,
        74,
        "{n} ringer och säger att {han} inte har råd med någon del av behandlingen själv.",
    )
    .await?;
    f.avsluta_utredning(72).await?;
    let b = f
        .beslut(
            ls,
            71,
            Beslutsforslag {
                insats: InsatsTyp::EkonomisktBistandOvrigt,
                utfall: Utfall::Avslag,
                mal: "",
                omfattning: "",
                manader: None,
                motivering: "Kostnadsförslaget avser i huvudsak en bro. Förtroendetandläkaren bedömer att \
                             behandlingen inte är nödvändig för att {n} ska tillförsäkras en skälig levnadsnivå, \
                             eftersom en billigare behandling ger godtagbar funktion. {n} har därför inte rätt till \
                             bistånd enligt 12 kap. 1 § socialtjänstlagen för den sökta behandlingen.",
            },
        )
        .await?;
    f.skicka(b, 71, Utskickssatt::Brev, true).await?;
    f.overklaga(
        b,
        50,
        "{n} överklagar och bifogar ett nytt kostnadsförslag från Folktandvården, där bron har ersatts av en \
         avtagbar protes för 6 900 kr.",
    )
    .await?;
    f.steg(
        49,
        Kommando::ProvaRattidighet {
            beslut: b,
            datum: d.dag(49),
            undantag: None,
        },
    )
    .await?;
    let nytt = BeslutId::ny();
    let dag = d.dag(47);
    f.steg(
        47,
        Kommando::Omprova {
            beslut: b,
            datum: dag,
            motivering: f.t(
                "Av det nya kostnadsförslaget framgår en billigare behandling som förtroendetandläkaren bedömer \
                 nödvändig. Beslutet ändras enligt 38 § förvaltningslagen och bistånd beviljas till protesen. \
                 Överklagandet förfaller därmed (46 § förvaltningslagen).",
            ),
            nytt: Some(NyttBeslut {
                id: nytt,
                utfall: Utfall::Bifall,
                mal: f.t("{n} kan tugga och äta normalt och är smärtfri."),
                omfattning: "Bistånd till avtagbar protes med 6 900 kr enligt kostnadsförslag, betalas direkt \
                             till Folktandvården Lotsby."
                    .into(),
                period_fran: Some(dag),
                period_till: None,
                avslagen_del: "Det som inte beviljas".into(),
            }),
            eget_initiativ: false,
            grund: None,
            till_nackdel: None,
        },
    )
    .await?;
    f.skicka(nytt, 47, Utskickssatt::Brev, false).await?;
    f.bestall(nytt, 47, d.e.eb, TANDVARD.uppdrag).await?;
    f.starta(nytt, 30).await?;
    f.avsluta_verkstallighet(nytt, 30, "Fakturan från Folktandvården är betald.")
        .await?;
    f.uppfoljning(
        nytt,
        25,
        Maluppfyllelse::Uppnatt,
        (
            "{n} har fått sin protes och är nöjd.",
            "Behandlingen är genomförd enligt beslutet.",
        ),
        None,
    )
    .await?;
    f.avsluta(25, Avslutsorsak::MalUppnatt, "").await?;
    f.klar().await?;

    // Avslag, överklagat, at the court now.
    let (mut f, _) = d.standard(Std::ny(ls, &FORSORJNING, 75, Utredning)).await?;
    f.journal(70, "Kontroll i vägtrafikregistret visar att {n} äger en personbil, årsmodell 2019. {n} uppger att bilen \
                   behövs för att ta sig till arbetsintervjuer.")
        .await?;
    let k = f
        .kommunicera(
            68,
            "Bedömning av tillgångar: personbil värderad till cirka 85 000 kr.",
            Kommunikationssatt::Digitalt,
            61,
        )
        .await?;
    f.svar(k, 63, "{n} svarar att bilen är nödvändig eftersom {han} bor utanför tätorten där bussen går två gånger om \
                   dagen.")
        .await?;
    f.avsluta_utredning(62).await?;
    f.berakna(62, |u| {
        use lots_domain::forsorjningsstod::berakning::{Kostnadsslag, Post, Tillgang, Tillgangsslag};
        u.rader = vec![demorad(Post::Kostnad(Kostnadsslag::Boende), 5_900)];
        u.tillgangar = vec![Tillgang {
            medlem: "Sökande".into(),
            slag: Tillgangsslag::Bil,
            varde: 85_000,
            bedomning: "Personbil, årsmodell 2019, cirka 85 000 kr. Inte nödvändig för arbete; kollektivtrafik finns."
                .into(),
            konsekvens: "Bilen ska säljas och pengarna användas till försörjningen först. Bistånd avslås."
                .into(),
        }];
        u.forsorjningshinder = vec![
            lots_domain::forsorjningsstod::hinder::Forsorjningshinder::ArbetslosUtanErsattning,
        ];
    })
    .await?;
    let b = f
        .beslut(
            ls,
            62,
            Beslutsforslag {
                insats: InsatsTyp::Forsorjningsstod,
                utfall: Utfall::Avslag,
                mal: "",
                omfattning: "",
                manader: None,
                motivering: "Ekonomiskt bistånd är ett yttersta skyddsnät. {n} äger en personbil med ett uppskattat \
                             marknadsvärde av 85 000 kr. Bilen bedöms inte nödvändig för arbete eller av andra särskilda \
                             skäl, eftersom det finns kollektivtrafik till Lotsby centrum. {n} kan därmed tillgodose \
                             sitt behov genom att sälja bilen och har inte rätt till bistånd enligt 12 kap. 1 § \
                             socialtjänstlagen.",
            },
        )
        .await?;
    f.skicka(b, 62, Utskickssatt::Digitalt, true).await?;
    f.overklaga(b, 40, "{n} överklagar och anför att bilen behövs för att {han} ska kunna ta ett erbjudet arbete med \
                        skift i Nyby, dit det saknas kollektivtrafik tidigt på morgonen.")
        .await?;
    f.steg(
        39,
        Kommando::ProvaRattidighet {
            beslut: b,
            datum: d.dag(39),
            undantag: None,
        },
    )
    .await?;
    f.steg(
        38,
        Kommando::Omprova {
            beslut: b,
            datum: d.dag(38),
            motivering: "Uppgiften om arbetserbjudandet är inte styrkt. Nämnden finner inte skäl att ändra beslutet."
                .into(),
            nytt: None,
            eget_initiativ: false,
            grund: None,
            till_nackdel: None,
        },
    )
    .await?;
    f.steg(
        36,
        Kommando::Overlamna {
            beslut: b,
            datum: d.dag(36),
        },
    )
    .await?;
    f.klar().await?;

    // Avslag, not appealed in time; the case is closed, a late appeal comes in and is dismissed.
    let (mut f, _) = d
        .standard(Std::ny(ah, &FORSORJNING, 100, Utredning))
        .await?;
    let k = f
        .kommunicera(
            96,
            "Beräkning av hushållets inkomster och kostnader för månaden.",
            Kommunikationssatt::Digitalt,
            89,
        )
        .await?;
    f.svar(
        k,
        92,
        "{n} har inget att tillägga om beräkningen men anser att lönen inte räcker till allt.",
    )
    .await?;
    f.avsluta_utredning(91).await?;
    // Income above the need: 5 220 + 7 300 + 430 = 12 950 kr against 15 950 kr.
    f.berakna(90, |u| {
        use lots_domain::forsorjningsstod::berakning::{Inkomst, Inkomstslag, Kostnadsslag, Post};
        u.rader = vec![
            demorad(Post::Kostnad(Kostnadsslag::Boende), 7_300),
            demorad(Post::Kostnad(Kostnadsslag::Hushallsel), 430),
        ];
        u.inkomster = vec![
            Inkomst {
                medlem: "Sökande".into(),
                slag: Inkomstslag::Lon,
                belopp: 14_350,
            },
            Inkomst {
                medlem: "Sökande".into(),
                slag: Inkomstslag::Bostadsbidrag,
                belopp: 1_600,
            },
        ];
        u.forsorjningshinder = vec![
            lots_domain::forsorjningsstod::hinder::Forsorjningshinder::ArbetarOtillrackligInkomst,
        ];
    })
    .await?;
    let b = f
        .beslut(
            ah,
            90,
            Beslutsforslag {
                insats: InsatsTyp::Forsorjningsstod,
                utfall: Utfall::Avslag,
                mal: "",
                omfattning: "",
                manader: None,
                motivering: "Hushållets inkomster under månaden (lön 14 350 kr och bostadsbidrag 1 600 kr) överstiger \
                             riksnormen och de skäliga kostnaderna för boende och hushållsel (sammanlagt 12 950 kr). \
                             {n} kan därmed själv tillgodose sitt behov och har inte rätt till försörjningsstöd enligt \
                             12 kap. 1 § socialtjänstlagen.",
            },
        )
        .await?;
    f.skicka(b, 90, Utskickssatt::Digitalt, true).await?;
    let sista = f.sista_dag(b)?;
    let efter = (d.idag - sista).whole_days() - 5;
    f.avsluta(
        efter,
        Avslutsorsak::BeslutUtanInsats,
        "Avslag; inget överklagande har kommit in.",
    )
    .await?;
    f.overklaga(
        b,
        30,
        "{n} överklagar avslaget på försörjningsstöd. Överklagandet kom in per post.",
    )
    .await?;
    f.steg(
        29,
        Kommando::ProvaRattidighet {
            beslut: b,
            datum: d.dag(29),
            undantag: None,
        },
    )
    .await?;
    f.journal(
        29,
        &format!(
            "Överklagandet kom in efter överklagandetidens utgång (sista dag {sista}). Förseningen beror inte på \
             felaktig överklagandehänvisning och överklagandet har inte kommit in till förvaltningsrätten i tid \
             (45 § förvaltningslagen). Överklagandet avvisas; {{n}} informerad om beslutet."
        ),
    )
    .await?;
    f.avsluta(
        28,
        Avslutsorsak::BeslutUtanInsats,
        "Överklagandet avvisat som för sent inkommet.",
    )
    .await?;
    f.klar().await?;

    // Avvisning of an incomplete application; the appeal period ends next week.
    let mut f = d
        .oppna(
            d.person(),
            ls,
            ls,
            48,
            ansokan(
                d.e.eb,
                Some(ls),
                Kanal::Papper,
                vec![InsatsTyp::EkonomisktBistandOvrigt],
                "{n} ansöker om bistånd till hemutrustning (säng och köksbord) efter flytt till egen lägenhet. Ansökan \
                 saknar underskrift och uppgifter om inkomster.",
            ),
        )
        .await?;
    f.inled(47).await?;
    f.kommunicera(
        46,
        "Föreläggande att komplettera ansökan med underskrift, kontoutdrag för tre månader och hyreskontrakt (20 § \
         förvaltningslagen). Ansökan kan annars komma att avvisas.",
        Kommunikationssatt::Brev,
        32,
    )
    .await?;
    f.journal(
        30,
        "Ingen komplettering har kommit in. Sökt {n} per telefon två gånger utan svar.",
    )
    .await?;
    f.avsluta_utredning(29).await?;
    let b = f
        .beslut(
            ls,
            28,
            Beslutsforslag {
                insats: InsatsTyp::EkonomisktBistandOvrigt,
                utfall: Utfall::Avvisning,
                mal: "",
                omfattning: "",
                manader: None,
                motivering: "Ansökan är så ofullständig att den inte kan prövas i sak. {n} har förelagts att komplettera \
                             ansökan med underskrift och uppgifter om inkomster men har inte gjort det inom angiven tid. \
                             Ansökan avvisas med stöd av 20 § förvaltningslagen.",
            },
        )
        .await?;
    f.skicka(b, 28, Utskickssatt::Brev, true).await?;
    f.klar().await?;

    // Underrättelse från hyresvärden: vräkning förhindras med bistånd till hyresskulden.
    let mut f = d
        .oppna(d.person(), ah, ah, 22, |p, inkom| Handelse::InformationRegistrerad {
            person: p.id,
            enhet: d.e.eb,
            handlaggare: Some(ah.id),
            kanal: Kanal::Papper,
            inkom,
            kalla: "Lotsbyhem AB (hyresvärd)".into(),
            beskrivning: fyll_i(
                "Underrättelse från hyresvärden: {n} har sagts upp från sin lägenhet på grund av obetald hyra för två \
                 månader, sammanlagt 14 860 kr. Återvinningsfristen är tre veckor från delgivningen av uppsägningen.",
                p,
            ),
        })
        .await?;
    f.forhandsbedom(
        21,
        true,
        "Risk för vräkning. Nämnden ska genast inleda utredning (14 kap. 2 § SoL) och kontakta hyresgästen innan \
         återvinningsfristen gått ut.",
    )
    .await?;
    f.journal(21, "Ringt {n} och berättat om underrättelsen. {n} visste om skulden men har inte vågat öppna posten. \
                   Besök bokat i morgon.")
        .await?;
    f.steg(
        20,
        Kommando::AnsokInsats {
            insats: InsatsTyp::EkonomisktBistandOvrigt,
            datum: d.dag(20),
            kanal: Kanal::Besok,
        },
    )
    .await?;
    f.synpunkter(20, "{n} vill för allt i världen behålla lägenheten och går med på att hyran dras via autogiro.", "{n} \
                      behåller sin bostad.")
        .await?;
    f.journal(19, "Kontakt med hyresvärden: skulden är 14 860 kr och hyresrätten kan återvinnas om skulden betalas före \
                   fristens utgång. {n} har ingen egen möjlighet att betala.")
        .await?;
    f.avsluta_utredning(16).await?;
    let b = f
        .beslut(
            ah,
            16,
            Beslutsforslag {
                insats: InsatsTyp::EkonomisktBistandOvrigt,
                utfall: Utfall::Bifall,
                mal: "{n} behåller sin bostad.",
                omfattning: "Engångsbelopp 14 860 kr för obetald hyra, betalas direkt till hyresvärden.",
                manader: Some(0),
                motivering: "{n} riskerar att förlora sin bostad och saknar egna medel att betala skulden. Att behålla \
                             bostaden är avgörande för {ns} möjligheter att klara sig. Bistånd beviljas för att \
                             återvinna hyresrätten.",
            },
        )
        .await?;
    f.skicka(b, 16, Utskickssatt::Brev, false).await?;
    f.bestall(
        b,
        16,
        d.e.eb,
        "Utbetalning av 14 860 kr direkt till Lotsbyhem AB enligt avi.",
    )
    .await?;
    f.starta(b, 15).await?;
    f.avsluta_verkstallighet(b, 15, "Utbetalt till hyresvärden.")
        .await?;
    f.journal(14, "Hyresvärden bekräftar att skulden är betald och att hyresrätten är återvunnen. {n} har anmält \
                   autogiro och fått tid hos budget- och skuldrådgivningen.")
        .await?;
    f.klar().await
}

// ---------------------------------------------------------------------------
// Mottagningen: anmälningar waiting for förhandsbedömning, and some assessed.

async fn mottagningen(d: &Demo<'_>) -> anyhow::Result<()> {
    let (mw, reg, hl, pn) = (&d.s.mw, &d.s.reg, &d.s.hl, &d.s.pn);
    let mo = d.e.mo;

    let vantande = [
        (
            d.person(),
            reg,
            None,
            1,
            Kanal::Telefon,
            namngiven("Eva Karlsson", "Granne", "070-174 06 88"),
            "Grannen ringer och berättar att {n} under flera veckor varit synbart berusad i trapphuset och att det hörs \
             bråk från lägenheten nattetid. Grannen är orolig för {ns} hälsa.",
        ),
        (
            d.person(),
            reg,
            None,
            3,
            Kanal::Digital,
            Anmalare::Anonym,
            "Anonym anmälan via e-tjänsten: {n} ska ha börjat använda narkotika, ha slutat gå till arbetet och ha stora \
             skulder. Uppgiftslämnaren uppger att {n} har tappat kontakten med sin familj.",
        ),
        (
            d.person(),
            mw,
            Some(mw),
            5,
            Kanal::Papper,
            namngiven(
                "Akutmottagningen, Lotsby lasarett",
                "Hälso- och sjukvård (6 § LVM)",
                "0999-120 00",
            ),
            "Anmälan enligt 6 § LVM: {n} har sökt akut tre gånger den senaste månaden för alkoholförgiftning och avböjer \
             erbjuden behandling. Läkaren bedömer att {ns} hälsa är i allvarlig fara.",
        ),
        (
            d.reserv(),
            reg,
            None,
            2,
            Kanal::Telefon,
            namngiven(
                "Polismyndigheten, lokalpolisområde Lotsby",
                "Myndighet",
                "114 14",
            ),
            "Underrättelse från polisen: {n} omhändertogs enligt LOB natten till söndag, kraftigt berusad vid \
             resecentrum. {Han} saknar svenskt personnummer och uppger att {han} arbetat i Sverige under sommaren. \
             Tredje omhändertagandet sedan augusti.",
        ),
    ];
    for (person, registrerar, handlaggare, n, kanal, anmalare, text) in vantande {
        let aktor = handlaggare.unwrap_or(mw);
        d.oppna(
            person,
            registrerar,
            aktor,
            n,
            anmalan(mo, handlaggare, kanal, anmalare, text),
        )
        .await?
        .klar()
        .await?;
    }

    let mut f = d
        .oppna(
            d.person(),
            mw,
            mw,
            40,
            anmalan(
                mo,
                Some(mw),
                Kanal::Papper,
                namngiven("Polismyndigheten, lokalpolisområde Lotsby", "Myndighet", "114 14"),
                "Underrättelse om omhändertagande enligt LOB efter en fest i samband med studentfirande. {n} var kraftigt \
                 berusad men samarbetsvillig.",
            ),
        )
        .await?;
    f.journal(39, "Brev skickat till {n} med information om omhändertagandet och erbjudande om samtal. {n} ringde samma \
                   dag och ville gärna prata.")
        .await?;
    f.forhandsbedom(
        38,
        false,
        "Samtal med {n}, som beskriver händelsen som en engångsföreteelse. Inga tidigare uppgifter hos socialtjänsten. {n} \
         har fått information om rådgivningen i öppenvården. Utredning inleds inte.",
    )
    .await?;
    f.klar().await?;

    let mut f = d
        .oppna(
            d.person(),
            mw,
            mw,
            70,
            anmalan(
                mo,
                Some(mw),
                Kanal::Telefon,
                namngiven("Jonas Eklund", "Son", "070-174 06 34"),
                "Sonen är orolig för att {n} dricker för mycket sedan {hans} make gick bort i våras.",
            ),
        )
        .await?;
    f.forhandsbedom(
        66,
        false,
        "Samtal med {n}, som berättar att {han} har haft en svår period men fått stöd genom sorgegrupp i Svenska kyrkan och \
         av sin läkare. AUDIT visar inte riskbruk. Utredning inleds inte; {n} vet var {han} kan vända sig.",
    )
    .await?;
    f.klar().await?;

    // Assessed by Mottagningen, then handed to Vuxenenheten; one journal entry is corrected.
    let mut f = d
        .oppna(
            d.person(),
            mw,
            mw,
            35,
            anmalan(
                mo,
                Some(mw),
                Kanal::Telefon,
                namngiven("Distriktssköterska, Lotsby vårdcentral", "Hälso- och sjukvård", "0999-121 40"),
                "Vårdcentralen ringer efter samtycke från {n}. {n} har förhöjda levervärden och berättar att {han} \
                 dricker en flaska vin om dagen. {Han} vill ha hjälp men vet inte hur {han} ska ta kontakt.",
            ),
        )
        .await?;
    f.forhandsbedom(33, true, "{n} själv vill ha hjälp och uppgifterna visar ett skadligt bruk av alkohol. Utredning inleds.")
        .await?;
    f.tilldela(mw, 32, hl).await?;
    let j = f
        .journal(30, "Första samtal med {n} på kontoret. AUDIT genomförd: 12 poäng. {n} vill i första hand ha samtal på \
                      hemmaplan.")
        .await?;
    f.steg(
        29,
        Kommando::RattaJournal {
            id: JournalId::ny(),
            rattar: j,
            datum: d.dag(29),
            text: f.t("Första samtal med {n} på kontoret. AUDIT genomförd: 21 poäng (rättat, siffrorna blev omkastade). \
                       {n} vill i första hand ha samtal på hemmaplan."),
        },
    )
    .await?;
    f.synpunkter(25, ALKOHOL.synpunkter, ALKOHOL.mal).await?;
    f.journal(15, JOURNAL_UTREDNING[3]).await?;
    f.klar().await?;

    let mut f = d
        .oppna(d.person(), mw, mw, 26, |p, inkom| Handelse::InformationRegistrerad {
            person: p.id,
            enhet: mo,
            handlaggare: Some(mw.id),
            kanal: Kanal::Digital,
            inkom,
            kalla: "Frivården Lotsby, Kriminalvården".into(),
            beskrivning: fyll_i(
                "Frivården begär socialtjänstens bedömning inför en möjlig dom till kontraktsvård för {n}, som är \
                 misstänkt för narkotikabrott och vill gå i behandling.",
                p,
            ),
        })
        .await?;
    f.forhandsbedom(
        24,
        true,
        "Underlag om behandling behövs inför huvudförhandlingen. Utredning inleds.",
    )
    .await?;
    f.tilldela(mw, 23, pn).await?;
    f.journal(20, "Samtal med {n} och frivårdsinspektören. {n} är motiverad till behandling och har varit drogfri i tre \
                   veckor enligt urinprov.")
        .await?;
    f.synpunkter(14, NARKOTIKA.synpunkter, NARKOTIKA.mal)
        .await?;
    f.klar().await
}

// ---------------------------------------------------------------------------
// Mina sidor: the scenario persons' own matters, for showing the citizen portal.

/// Each scenario person has two cases at Ekonomiskt bistånd: an avslag served
/// recently enough that the appeal time (FL 44 §) is still open, and a new
/// application waiting for documents the handläggare asked for, with a message
/// from the handläggare. Returns lines for the summary.
async fn mina_sidor(d: &Demo<'_>) -> anyhow::Result<String> {
    let mut ut = String::from("Visa Mina sidor som:\n");
    for (s, handlaggare) in MINA_SIDOR.iter().zip([&d.s.ls, &d.s.ah]) {
        let person = d.personer[s.index].clone();
        let sista = mina_sidor_avslag(d, person.clone(), handlaggare).await?;
        let senast = mina_sidor_komplettering(d, person.clone(), handlaggare).await?;
        ut.push_str(&format!(
            "  {} {}: ett avslag som går att överklaga till och med {sista}, och en begäran om \
             kontoutdrag och hyresavi att skicka in senast {senast}.\n",
            s.fornamn, s.efternamn
        ));
        if s.index == MINA_SIDOR[0].index {
            mina_sidor_plan(d, person).await?;
            ut.push_str(&format!(
                "  {} har också stöd i boendet från Öppenvården, med en genomförandeplan.\n",
                s.fornamn
            ));
        }
    }
    Ok(ut)
}

/// Stöd i boendet, granted and ordered from the in-house provider, who made the
/// genomförandeplan with the person (seed 004): what Mina sidor shows under
/// "Mål och plan".
async fn mina_sidor_plan(d: &Demo<'_>, person: DemoPerson) -> anyhow::Result<()> {
    let pn = &d.s.pn;
    let utforare = d
        .store
        .organisation()
        .anvandare_med_namn(pn.kommun, "tove.lund")
        .await?
        .ok_or_else(|| anyhow!("demots utförare saknas"))?;
    let ut = Aktor::from(&utforare);
    let mut f = d
        .oppna(
            person,
            pn,
            pn,
            80,
            ansokan(
                d.e.vm,
                Some(pn),
                Kanal::Besok,
                vec![InsatsTyp::StodIBoendet],
                "{n} ansöker om stöd i boendet. {Han} har svårt att få ordning på räkningar och städning sedan \
                 flytten, och vill klara sitt boende själv.",
            ),
        )
        .await?;
    f.inled(79).await?;
    f.synpunkter(
        75,
        "{n} vill ha hjälp några timmar i veckan, helst på förmiddagen.",
        "{n} vill betala sina räkningar i tid och trivas i lägenheten.",
    )
    .await?;
    f.avsluta_utredning(70).await?;
    let b = f
        .beslut(
            pn,
            68,
            Beslutsforslag {
                insats: InsatsTyp::StodIBoendet,
                utfall: Utfall::Bifall,
                mal: "{n} klarar sitt boende och sina räkningar själv.",
                omfattning: "Fyra timmar i veckan",
                manader: Some(6),
                motivering: "{n} behöver stöd för att klara sitt boende. Behovet kan inte tillgodoses på annat sätt.",
            },
        )
        .await?;
    f.skicka(b, 67, Utskickssatt::Brev, false).await?;
    f.bestall(
        b,
        66,
        d.e.ov,
        "Stöd i boendet fyra timmar i veckan, förmiddagar.",
    )
    .await?;
    f.starta(b, 60).await?;
    let uppfoljning = d.dag(-30);
    let k = Kommando::UpprattaGenomforandeplan {
        beslut: b,
        datum: d.dag(59),
        mal: f.t("Betala räkningarna i tid varje månad. Ha ordning i köket och kunna bjuda hem sin syster."),
        genomforande: f.t(
            "Boendestödjaren kommer tisdag och torsdag förmiddag. Första månaden går vi igenom räkningarna \
             tillsammans och lägger upp autogiro. Sedan handlar och städar vi tillsammans en gång i veckan.",
        ),
        delaktighet: f.t("{n} har själv valt dagarna och vad vi börjar med. {n} håller i sin egen kalender."),
        uppfoljning: Some(uppfoljning),
    };
    f.kor(&ut, 59, k).await?;
    f.klar().await
}

/// Hemutrustning refused because the person has savings; sent with förenklad
/// delgivning three weeks ago, so it counts as served a week ago and the last
/// day to appeal is two weeks ahead. Returns that day.
async fn mina_sidor_avslag(d: &Demo<'_>, person: DemoPerson, hl: &Aktor) -> anyhow::Result<Date> {
    let mut f = d
        .oppna(
            person,
            hl,
            hl,
            33,
            ansokan(
                d.e.eb,
                Some(hl),
                Kanal::Digital,
                vec![InsatsTyp::EkonomisktBistandOvrigt],
                "{n} ansöker om ekonomiskt bistånd till hemutrustning, en säng och en soffa för sammanlagt \
                 9 400 kr. {Han} har flyttat till en egen lägenhet och sover på en madrass på golvet.",
            ),
        )
        .await?;
    f.brev = true;
    f.inled(32).await?;
    f.journal(
        32,
        "Telefonsamtal med {n}. {Han} flyttade in i lägenheten förra månaden. Vi gick igenom vilka papper som \
         behövs, och {n} skickar kontoutdrag för de senaste tre månaderna.",
    )
    .await?;
    f.synpunkter(
        31,
        "{n} säger att {han} har sparat pengar till en resa och inte vill använda dem till möbler.",
        "{n} vill ha ett ordnat hem, där {han} kan sova ordentligt och ta emot sin systers barn.",
    )
    .await?;
    f.journal(
        29,
        "Kontoutdragen visar ett sparkonto med 14 600 kr. {n} bekräftar att pengarna är {hans} egna och att \
         {han} kan ta ut dem när {han} vill.",
    )
    .await?;
    let k = f
        .kommunicera(
            27,
            "Kontoutdrag som visar sparade medel, och bedömningen att {n} kan köpa sängen och soffan för dem.",
            Kommunikationssatt::Digitalt,
            20,
        )
        .await?;
    f.svar(
        k,
        23,
        "{n} skriver att sparpengarna är till en resa för att hälsa på sin mamma, och att {han} inte har råd \
         med både resan och möblerna.",
    )
    .await?;
    f.avsluta_utredning(22).await?;
    let b = f
        .beslut(
            hl,
            21,
            Beslutsforslag {
                insats: InsatsTyp::EkonomisktBistandOvrigt,
                utfall: Utfall::Avslag,
                mal: "",
                omfattning: "",
                manader: None,
                motivering: "{n} har sparade pengar, 14 600 kr, som {han} själv förfogar över. Bistånd ges bara \
                             när behovet inte kan tillgodoses på annat sätt. {n} kan köpa en säng och en soffa \
                             för sina sparade pengar. En resa för att hälsa på en anhörig går inte före det. {n} \
                             har därför inte rätt till bistånd enligt 12 kap. 1 § socialtjänstlagen till \
                             hemutrustningen.",
            },
        )
        .await?;
    f.skicka(b, 21, Utskickssatt::Digitalt, true).await?;
    let sista = f.sista_dag(b)?;
    if sista < d.idag {
        bail!("scenariots avslag går inte längre att överklaga ({sista})");
    }
    f.klar().await?;
    Ok(sista)
}

/// A new application for försörjningsstöd: the handläggare has asked for bank
/// statements and a rent notice, due a week ahead, and written to the person
/// about it. Returns the last day.
async fn mina_sidor_komplettering(
    d: &Demo<'_>,
    person: DemoPerson,
    hl: &Aktor,
) -> anyhow::Result<Date> {
    let manad = manadsnamn(d.dag(5));
    let person_id = person.id;
    let mut f = d
        .oppna(
            person,
            hl,
            hl,
            5,
            ansokan(
                d.e.eb,
                Some(hl),
                Kanal::Digital,
                vec![InsatsTyp::Forsorjningsstod],
                &format!(
                    "{{n}} ansöker om försörjningsstöd för {manad}. {{Han}} har förlorat sitt extrajobb och \
                     väntar på besked om ersättning från a-kassan."
                ),
            ),
        )
        .await?;
    f.inled(4).await?;
    f.journal(
        4,
        "Ansökan läst. Kontoutdrag och hyresavi saknas. Begär in dem, och beskedet från a-kassan när det har kommit.",
    )
    .await?;
    let redan_inlamnade = d
        .store
        .arenden()
        .godtagna_handlingar(d.s.hl.kommun, person_id)
        .await?
        .into_iter()
        .map(|(t, _, _)| t)
        .collect();
    let senast = d.frist(-7);
    f.steg(
        4,
        Kommando::BegarKomplettering {
            id: KompletteringId::ny(),
            datum: d.dag(4),
            handlingar: vec![Handlingstyp::Kontoutdrag, Handlingstyp::Hyresavi],
            beskrivning: "Skicka också beskedet från a-kassan när du har fått det.".into(),
            godtas: "PDF, eller ett foto av pappret med mobilen.".into(),
            senast,
            skal_trots_inlamnad: None,
            redan_inlamnade,
        },
    )
    .await?;
    let text = f.t(
        "Hej {n}! Jag är din handläggare. Jag behöver dina kontoutdrag för de senaste tre månaderna och din \
         hyresavi för att kunna räkna på din ansökan. Du kan skicka dem här på Mina sidor, ett foto med mobilen \
         går bra. Hör av dig här om du har frågor.",
    );
    f.steg(
        4,
        Kommando::SkickaMeddelande {
            id: MeddelandeId::ny(),
            datum: d.dag(4),
            fran: Avsandare::Handlaggare,
            text,
        },
    )
    .await?;
    // The first meeting's plan, for the person to read and answer on Mina sidor.
    f.steg(3, sjalvforsorjningsplan(d.dag(3))).await?;
    // The person asked on Mina sidor to meet, and the handläggare booked it: the day, time
    // and place are what Mina sidor shows first (issue 20 item 6).
    let mut enskild = d.store.mina_sidor().mina_sidor_konto(hl.kommun).await?;
    enskild.enhet = hl.enhet;
    f.kor(
        &enskild,
        2,
        Kommando::BegarMote {
            datum: d.dag(2),
            typ: Motestyp::Personligt,
            fran: Avsandare::Enskild { ombud: None },
            text: "Jag vill gärna prata om a-kassan. Förmiddagar passar bäst.".into(),
        },
    )
    .await?;
    f.steg(
        1,
        Kommando::BokaMote {
            forfragan: 0,
            datum: lots_domain::kalender::forsta_vardag_efter(d.dag(-5)),
            klockslag: time::macros::time!(10:00),
            plats:
                "Socialkontoret, Storgatan 1, plan 2. Fråga efter din handläggare i receptionen."
                    .into(),
        },
    )
    .await?;
    let senast = f
        .arende()?
        .kompletteringar
        .last()
        .map(|k| k.senast)
        .unwrap_or(senast);
    f.klar().await?;
    Ok(senast)
}

// ---------------------------------------------------------------------------

fn sammanfattning(
    d: &Demo<'_>,
    konton: &[(&str, &str, Roll, &str)],
    tid: std::time::Duration,
) -> String {
    let klara = d.klara.borrow();
    let idag = d.idag;
    let mut per_status = vec![];
    for s in Status::ALLA {
        let n = klara.iter().filter(|a| a.status() == s).count();
        if n > 0 {
            per_status.push(format!("{} {n}", s.namn().to_lowercase()));
        }
    }
    let (mut forsenade, mut veckan, mut senare) = (0, 0, 0);
    for b in klara.iter().flat_map(bevakningar) {
        if b.datum < idag {
            forsenade += 1;
        } else if b.datum <= idag + Duration::days(7) {
            veckan += 1;
        } else {
            senare += 1;
        }
    }
    let oppna = klara.iter().filter(|a| !a.avslutat()).count();
    let mina = klara
        .iter()
        .filter(|a| !a.avslutat() && a.handlaggare == Some(d.s.hl.id))
        .count();
    let mut ut = format!(
        "Demodata för Lotsby kommun (kommunkod 9999) är inlagd på {:.1} s.\n\
         – Socialnämnden i Lotsby: Vuxenenheten missbruk, Ekonomiskt bistånd, Mottagningen och Öppenvården Lotsby (egen regi, utförare).\n\
         – {} användare och en delegationsordning som gäller från 2025-07-01.\n\
         – {} syntetiska personer, varav {} med skyddade personuppgifter, {} med samordningsnummer och 1 med reservnummer.\n\
         – {} ärenden: {} öppna och {} avslutade ({}).\n\
         – Bevakningar: {forsenade} försenade, {veckan} inom en vecka och {senare} senare.\n\
         Inloggning, lösenord {LOSENORD} för alla:\n",
        tid.as_secs_f64(),
        konton.len(),
        d.personer.len(),
        SKYDDADE.len(),
        SAMORDNING.len(),
        klara.len(),
        oppna,
        klara.len() - oppna,
        per_status.join(", "),
    );
    for (anvandarnamn, namn, roll, enhet) in konton {
        let extra = if *anvandarnamn == "handlaggare" {
            format!(" – {mina} öppna ärenden")
        } else {
            String::new()
        };
        ut.push_str(&format!(
            "  {anvandarnamn:<17} {namn}, {}, {enhet}{extra}\n",
            roll.namn().to_lowercase()
        ));
    }
    ut.trim_end().to_owned()
}
