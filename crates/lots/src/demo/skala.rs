//! `lots demo --scale`: a synthetic municipality of a chosen size, for `lots bench`.
//!
//! The shape follows a large city's adult social services: most persons are only
//! in the register, those on försörjningsstöd apply month after month (one case
//! a month), others have one or two cases about substance use or housing, and a
//! small part of all cases is open, spread over every state of the process.
//!
//! Each case is driven through the same machinery as the small demo (`Demo::standard`)
//! and so through the domain rules, but decided in memory (`Store`'s `bestam`) and
//! stored in bulk with `Arenden::importera`: generation of chunk k+1 overlaps the
//! import of chunk k, and memory stays bounded by two chunks.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::time::Instant;

use anyhow::{Context, anyhow, bail};
use lots_domain::arende::Avslutsorsak;
use lots_domain::delegation::Delegationsordning;
use lots_domain::identitet::Identitet;
use lots_domain::ids::*;
use lots_domain::insats::Utfall;
use lots_domain::organisation::Roll;
use lots_domain::tid::svensk_dag;
use lots_store::{Aktor, Anvandare, Importerat, Person, Store};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use time::OffsetDateTime;
use time::macros::date;

use super::*;

/// The password of every generated account.
pub const LOSENORD_SKALA: &str = "skala1234";
/// The kommun's name: plainly not a real one.
pub const KOMMUN_NAMN: &str = "Storstad (syntetisk)";
const FRO_SKALA: u64 = 150_000;
/// Cases per transaction (and per generated chunk).
const BIT: usize = 2_000;

/// How large a municipality to generate.
#[derive(Debug, Clone)]
pub struct Skala {
    pub namn: String,
    pub personer: usize,
    pub arenden: usize,
    pub personal: usize,
}

impl Skala {
    /// `stockholm` (150 000 persons, 500 000 cases, 1 000 staff), `medel`, `liten`,
    /// or a number of persons with cases and staff in the same proportions.
    pub fn tolka(s: &str) -> anyhow::Result<Self> {
        let (personer, namn) = match s {
            "stockholm" => (150_000, s.to_owned()),
            "medel" => (15_000, s.to_owned()),
            "liten" => (1_500, s.to_owned()),
            n => {
                let n: usize = n.parse().map_err(|_| {
                    anyhow!(
                        "okänd skala {n}: ange stockholm, medel, liten eller ett antal personer"
                    )
                })?;
                if n < 30 {
                    bail!("skalan måste vara minst 30 personer");
                }
                (n, format!("{n} personer"))
            }
        };
        Ok(Self {
            namn,
            personer,
            arenden: personer * 10 / 3,
            personal: (personer / 150).max(12),
        })
    }
}

/// What a unit does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slag {
    Ekonomi,
    Vuxen,
    Utforare,
}

struct Grupp {
    slag: Slag,
    arbetsledare: Aktor,
    handlaggare: Vec<Aktor>,
}

const STADSDELAR: &[&str] = &[
    "Norr",
    "Söder",
    "Väster",
    "Öster",
    "Centrum",
    "Hamnen",
    "Parken",
    "Bergen",
    "Dalen",
    "Ängen",
    "Skogen",
    "Sjöstaden",
];

/// The insatser of adult services, with how often each is applied for.
fn vuxenmallar() -> [(&'static Mall, u32); 10] {
    [
        (&ALKOHOL, 22),
        (&NARKOTIKA, 12),
        (&SPEL, 5),
        (&BOENDESTOD, 16),
        (&KONTAKTPERSON, 12),
        (&SYSSELSATTNING, 10),
        (&CASE_MANAGER, 8),
        (&HVB, 7),
        (&STODBOENDE, 6),
        (&TANDVARD, 2),
    ]
}

pub async fn generera(store: &Store, skala: &Skala) -> anyhow::Result<String> {
    if let Some((_, namn)) = store.organisation().kommun().await? {
        bail!(
            "Databasen har redan en kommun ({namn}). Syntetisk data läggs bara in i en tom databas."
        );
    }
    let klocka = Instant::now();
    let nu = OffsetDateTime::now_utc();
    let idag = svensk_dag(nu);
    let mut rng = StdRng::seed_from_u64(FRO_SKALA);

    let kommun = KommunId::ny();
    store
        .organisation()
        .skapa_kommun(kommun, "9998", KOMMUN_NAMN)
        .await?;
    let namnd = uuid::Uuid::now_v7();
    store
        .organisation()
        .skapa_namnd(namnd, kommun, "Socialnämnden i Storstad")
        .await?;
    store
        .organisation()
        .spara_namnduppgifter(
            kommun,
            &lots_store::Namnduppgifter {
                namnd: "Socialnämnden i Storstad".into(),
                postadress: vec!["Box 200".into(), "999 98 Storstad".into()],
                telefon: "0999-20 00 00".into(),
                epost: String::new(),
                forvaltningsratt: "Förvaltningsrätten i Stockholm".into(),
                diarieprefix: "SN".into(),
            },
            None,
            nu,
        )
        .await?;

    // Units of about fifty staff: four in ten on ekonomiskt bistånd, four on
    // adult substance use and housing, two carrying out insatser.
    let antal_enheter = (skala.personal / 50).max(3);
    let hash = tokio::task::spawn_blocking(|| lots_web::hasha_losenord(LOSENORD_SKALA))
        .await?
        .map_err(|e| anyhow!("kunde inte hasha lösenordet: {e}"))?;
    let mut grupper: Vec<Grupp> = vec![];
    let mut nr_anstalld = 0;
    let mut konto = |enhet: EnhetId, roll: Roll, rng: &mut StdRng| {
        nr_anstalld += 1;
        let kvinna = rng.random_bool(0.7);
        let fornamn = if kvinna { FORNAMN_KVINNOR } else { FORNAMN_MAN }
            .choose(rng)
            .copied()
            .unwrap_or("Kim");
        let efternamn = EFTERNAMN.choose(rng).copied().unwrap_or("Lots");
        // The role's first two letters: ha0002 is a handläggare, ar0001 an arbetsledare.
        let prefix: String = roll.kod().chars().take(2).collect();
        Anvandare {
            id: AnvandarId::ny(),
            kommun,
            enhet,
            anvandarnamn: format!("{prefix}{nr_anstalld:04}"),
            namn: format!("{fornamn} {efternamn}"),
            roll,
            losenord: hash.clone(),
            aktiv: true,
            // The load test's staff work every case of their enhet, the protected ones too.
            skyddad_behorighet: matches!(roll, Roll::Handlaggare | Roll::Arbetsledare),
        }
    };
    let mut anvandare = vec![];
    let per_enhet = skala.personal / antal_enheter;
    for i in 0..antal_enheter {
        let slag = match i % 5 {
            0 | 2 => Slag::Ekonomi,
            1 | 3 => Slag::Vuxen,
            _ => Slag::Utforare,
        };
        let omrade = STADSDELAR[i % STADSDELAR.len()];
        let lopnr = i / STADSDELAR.len() + 1;
        let namn = match slag {
            Slag::Ekonomi => format!("Ekonomiskt bistånd {omrade} {lopnr}"),
            Slag::Vuxen => format!("Vuxenenheten {omrade} {lopnr}"),
            Slag::Utforare => format!("Öppenvården {omrade} {lopnr} (egen regi)"),
        };
        let enhet = EnhetId::ny();
        store
            .organisation()
            .skapa_enhet(enhet, kommun, namnd, &namn, slag == Slag::Utforare)
            .await?;
        let (ledar_roll, roll) = match slag {
            Slag::Utforare => (Roll::Arbetsledare, Roll::Utforare),
            _ => (Roll::Arbetsledare, Roll::Handlaggare),
        };
        let al = konto(enhet, ledar_roll, &mut rng);
        let mut hl = vec![];
        for _ in 1..per_enhet.max(2) {
            hl.push(konto(enhet, roll, &mut rng));
        }
        let aktor = Aktor::from;
        grupper.push(Grupp {
            slag,
            arbetsledare: aktor(&al),
            handlaggare: hl.iter().map(aktor).collect(),
        });
        anvandare.push(al);
        anvandare.extend(hl);
    }
    let forsta = grupper[0].arbetsledare.enhet;
    anvandare.push(konto(forsta, Roll::Registrator, &mut rng));
    anvandare.push(konto(forsta, Roll::Systemforvaltare, &mut rng));
    for a in &anvandare {
        store.organisation().skapa_anvandare(a).await?;
    }
    eprintln!(
        "{} enheter och {} användare skapade.",
        grupper.len(),
        anvandare.len()
    );

    // In force long before the oldest generated case.
    let giltig_fran = date!(2020 - 01 - 01);
    let version = store
        .organisation()
        .spara_delegationsordning(kommun, giltig_fran, &delegationspunkter())
        .await?;

    let personer = skapa_personer_skala(store, kommun, idag, skala.personer, &mut rng).await?;
    eprintln!(
        "{} syntetiska personer inlagda ({:.0} s).",
        personer.len(),
        klocka.elapsed().as_secs_f64()
    );

    let ekonomi: Vec<&Grupp> = grupper.iter().filter(|g| g.slag == Slag::Ekonomi).collect();
    let vuxen: Vec<&Grupp> = grupper.iter().filter(|g| g.slag == Slag::Vuxen).collect();
    let utforare: Vec<EnhetId> = grupper
        .iter()
        .filter(|g| g.slag == Slag::Utforare)
        .map(|g| g.arbetsledare.enhet)
        .collect();
    let forsta_hl = ekonomi[0].handlaggare[0].clone();
    let ovrig = |g: &Grupp| g.arbetsledare.clone();
    let d = Demo {
        store,
        idag,
        nu,
        e: Enheter {
            vm: vuxen[0].arbetsledare.enhet,
            eb: ekonomi[0].arbetsledare.enhet,
            mo: vuxen[0].arbetsledare.enhet,
            ov: utforare
                .first()
                .copied()
                .unwrap_or(vuxen[0].arbetsledare.enhet),
        },
        s: Personal {
            hl: forsta_hl.clone(),
            al: ovrig(vuxen[0]),
            pn: forsta_hl.clone(),
            ah: forsta_hl.clone(),
            ls: forsta_hl.clone(),
            ed: ovrig(ekonomi[0]),
            mw: forsta_hl.clone(),
            reg: forsta_hl,
        },
        personer: vec![],
        ordning: vec![],
        pos: Cell::new(0),
        antal: Cell::new(0),
        klara: RefCell::new(vec![]),
        minne: Some(Minne {
            ordning: Delegationsordning {
                version,
                punkter: delegationspunkter(),
            },
            historiker: RefCell::new(vec![]),
        }),
    };

    // Four in ten persons live on försörjningsstöd for a while: their cases come
    // in runs, one a month. The rest have a case about substance use or housing.
    let ekonomi_andel = 0.4;
    let mut gjorda = 0usize;
    let mut avvisade = 0usize;
    let mut forsta_fel: Option<String> = None;
    let mut summa = Importerat::default();
    let mut pagaende: Option<tokio::task::JoinHandle<anyhow::Result<Importerat>>> = None;
    let start_arenden = Instant::now();
    while gjorda < skala.arenden {
        let mut i_bit = 0;
        while i_bit < BIT && gjorda < skala.arenden {
            let p = personer
                .choose(&mut rng)
                .cloned()
                .context("inga personer")?;
            let planer = if rng.random_bool(ekonomi_andel) {
                let g = *ekonomi.choose(&mut rng).context("ingen enhet")?;
                planera_ekonomi(&mut rng, g, skala.arenden - gjorda)
            } else {
                let g = *vuxen.choose(&mut rng).context("ingen enhet")?;
                vec![planera_vuxen(&mut rng, g)]
            };
            for plan in planer {
                gjorda += 1;
                i_bit += 1;
                let x = Std {
                    person: Some(p.clone()),
                    ..plan
                };
                if let Err(e) = d.enkel(x).await {
                    avvisade += 1;
                    forsta_fel.get_or_insert_with(|| format!("{e:#}"));
                }
            }
        }
        let bit = std::mem::take(
            &mut *d
                .minne
                .as_ref()
                .context("minnet saknas")?
                .historiker
                .borrow_mut(),
        );
        if let Some(h) = pagaende.take() {
            let x = h.await??;
            summa.handelser += x.handelser;
            summa.journal += x.journal;
        }
        let s2 = store.clone();
        pagaende = Some(tokio::spawn(async move {
            Ok(s2.arenden().importera(kommun, &bit).await?)
        }));
        let sek = start_arenden.elapsed().as_secs_f64();
        eprintln!(
            "ärenden {gjorda}/{} ({:.0} %), händelser {} och journalanteckningar {} lagrade, {:.0} ärenden/s, {:.0} s",
            skala.arenden,
            100.0 * gjorda as f64 / skala.arenden as f64,
            summa.handelser,
            summa.journal,
            gjorda as f64 / sek.max(0.001),
            klocka.elapsed().as_secs_f64()
        );
    }
    if let Some(h) = pagaende.take() {
        let x = h.await??;
        summa.handelser += x.handelser;
        summa.journal += x.journal;
    }
    if let Some(fel) = &forsta_fel {
        eprintln!(
            "{avvisade} planerade ärenden avvisades av reglerna och hoppades över; det första: {fel}"
        );
    }
    // Fresh statistics, so the planner knows the tables' new sizes.
    store.analysera().await?;

    // STYLE.md 10 at small scale; at large scale it would take longer than the generation.
    if skala.arenden <= 5_000 {
        let problem = store.arenden().verifiera().await?;
        if !problem.is_empty() {
            bail!(
                "Den syntetiska datan är inte konsistent: {}",
                problem.join("; ")
            );
        }
    }
    let tid = klocka.elapsed().as_secs_f64();
    Ok(format!(
        "Syntetisk kommun {KOMMUN_NAMN} (skala {}) är inlagd på {tid:.0} s.\n\
         – {} enheter, {} användare, {} syntetiska personer.\n\
         – {} ärenden ({avvisade} avvisade), {} händelser och {} journalanteckningar: {} sammanlagt.\n\
         Alla konton har lösenordet {LOSENORD_SKALA}; användarnamnen börjar med rollen: ha… handläggare, ar… arbetsledare, ut… utförare.",
        skala.namn,
        grupper.len(),
        anvandare.len(),
        personer.len(),
        gjorda - avvisade,
        summa.handelser,
        summa.journal,
        summa.handelser + summa.journal,
    ))
}

/// A run of monthly försörjningsstöd cases, the newest possibly still open.
fn planera_ekonomi<'a>(rng: &mut StdRng, g: &'a Grupp, kvar: usize) -> Vec<Std<'a>> {
    let hl = g.handlaggare.choose(rng).unwrap_or(&g.arbetsledare);
    let manader = rng.random_range(1..=12usize).min(kvar.max(1));
    // The newest application came in `slut` months ago (0: this month). Within the two
    // years Lots has riksnorm tables for: a month without its year's norm is not decided.
    let senaste = if rng.random_bool(0.3) {
        0
    } else {
        rng.random_range(1..=12)
    };
    let mut ut = vec![];
    for m in (0..manader).rev() {
        let manad = senaste + m as i64;
        let s = manad * 30 + rng.random_range(0..8);
        let stopp = if s >= 45 {
            Stopp::Avslutad {
                slut: (s - 10 - 25).max(2),
                orsak: Avslutsorsak::InsatsAvslutad,
            }
        } else {
            oppet_stopp(rng, s, &TIDER_EKONOMI)
        };
        let mut x = Std::ny(hl, &FORSORJNING, s, stopp);
        x.beslutare = Some(hl);
        x.extra_journal = rng.random_range(1..=3);
        if rng.random_ratio(1, 25) {
            x.utfall = Utfall::Avslag;
            x.motivering = Some(
                "{n} har inkomster över riksnormen för månaden och kan själv tillgodose sitt behov. \
                 Ansökan om försörjningsstöd avslås.",
            );
        }
        ut.push(x);
    }
    ut
}

/// One case about substance use or housing, closed unless it is recent.
fn planera_vuxen<'a>(rng: &mut StdRng, g: &'a Grupp) -> Std<'a> {
    let hl = g.handlaggare.choose(rng).unwrap_or(&g.arbetsledare);
    let mall = vuxenmallar()
        .choose_weighted(rng, |(_, w)| *w)
        .map(|(m, _)| *m)
        .unwrap_or(&ALKOHOL);
    let s = if rng.random_bool(0.88) {
        rng.random_range(120..1_095)
    } else {
        rng.random_range(0..240)
    };
    let start = s - TIDER_VUXEN.start;
    let stopp = if s >= 120 && start > 12 && rng.random_bool(0.9) {
        let langd = i64::from(mall.manader.max(1)) * 30;
        Stopp::Avslutad {
            slut: (start - langd).max(2).min(start - 8),
            orsak: if rng.random_bool(0.3) {
                Avslutsorsak::MalUppnatt
            } else {
                Avslutsorsak::InsatsAvslutad
            },
        }
    } else {
        oppet_stopp(rng, s, &TIDER_VUXEN)
    };
    let mut x = Std::ny(hl, mall, s, stopp);
    x.extra_journal = rng.random_range(2..=6);
    x.beslutare = Some(if mall.insats.heldygnsvard() {
        &g.arbetsledare
    } else {
        hl
    });
    if rng.random_ratio(1, 30) {
        x.utfall = Utfall::Avslag;
        x.motivering = Some(TRANING_AVSLAG);
    }
    x
}

/// Where an open case `s` days old stands: as far as its age allows.
fn oppet_stopp(rng: &mut StdRng, s: i64, t: &Tider) -> Stopp {
    let mojliga: Vec<Stopp> = [
        (s <= 10).then_some(Stopp::Registrerad),
        (s >= t.journal).then_some(Stopp::Utredning),
        (s >= t.journal + t.svarsfrist + 3 && s < t.avslutad + 10)
            .then_some(Stopp::Kommunicerad { svar: -2 }),
        (s >= t.avslutad && s < t.beslut + 20).then_some(Stopp::BeslutVantar),
        (s >= t.beslut).then_some(Stopp::Beslutad),
        (s >= t.bestall).then_some(Stopp::Bestalld),
        (s >= t.start).then_some(Stopp::Verkstalls { nasta: None }),
        (s >= t.start + 100).then_some(Stopp::Verkstalls { nasta: Some(-20) }),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Most open cases with a decision are being carried out; a few wait.
    let vikt = |x: &Stopp| match x {
        Stopp::Verkstalls { .. } => 6,
        Stopp::Beslutad | Stopp::Bestalld => 1,
        _ => 2,
    };
    mojliga
        .choose_weighted(rng, vikt)
        .copied()
        .unwrap_or(Stopp::Registrerad)
}

/// Persons in chunks, each chunk one transaction.
async fn skapa_personer_skala(
    store: &Store,
    kommun: KommunId,
    idag: time::Date,
    antal: usize,
    rng: &mut StdRng,
) -> anyhow::Result<Vec<DemoPerson>> {
    let mut sedda = HashSet::with_capacity(antal);
    let mut ut = Vec::with_capacity(antal);
    let mut bit = Vec::with_capacity(10_000);
    for i in 0..antal {
        let kvinna = rng.random_bool(0.45);
        let samordning = rng.random_ratio(1, 50);
        let lista = if kvinna { FORNAMN_KVINNOR } else { FORNAMN_MAN };
        let fornamn = lista.choose(rng).copied().unwrap_or("Kim");
        let efternamn = EFTERNAMN.choose(rng).copied().unwrap_or("Lots");
        let identitet: Identitet = loop {
            let id = slumpa_nummer(rng, idag, kvinna, samordning)?;
            if sedda.insert(id.varde().to_owned()) {
                break id;
            }
        };
        let skyddad = rng.random_ratio(1, 200);
        let adress = if skyddad {
            String::new()
        } else {
            let (gata, postnummer) = GATOR
                .choose(rng)
                .copied()
                .unwrap_or(("Storgatan", "999 31"));
            format!(
                "{gata} {}, {postnummer} Storstad",
                rng.random_range(1..=120)
            )
        };
        let p = Person {
            id: PersonId::ny(),
            kommun,
            identitet,
            fornamn: fornamn.to_owned(),
            efternamn: efternamn.to_owned(),
            adress,
            skyddad,
        };
        ut.push(DemoPerson {
            id: p.id,
            fornamn: p.fornamn.clone(),
            kvinna,
        });
        bit.push(p);
        if bit.len() == 10_000 || i + 1 == antal {
            store.personer().importera_personer(&bit).await?;
            bit.clear();
        }
    }
    Ok(ut)
}
