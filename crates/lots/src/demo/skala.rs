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
use std::rc::Rc;
use std::time::Instant;

use anyhow::{Context, anyhow, bail};
use lots_domain::arende::Avslutsorsak;
use lots_domain::delegation::Delegationsordning;
use lots_domain::forsorjningsstod::berakning::{
    Forklaring, Inkomst, Inkomstslag, Insattning, InsattningsBeslut, Kostnadsslag, Livsforingsslag,
    Manadsansokan, Post, Rad, Underlag,
};
use lots_domain::forsorjningsstod::hinder::Forsorjningshinder;
use lots_domain::forsorjningsstod::riksnorm::{NormBarn, NormHushall, Vuxna};
use lots_domain::forsorjningsstod::{Kronor, Manad};
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

use super::manad::{Lopp, Manadsfall};
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
    // The reception for öppna insatser and the external providers, with their accounts
    // (issue 17). Their own accounts and names draw nothing from `rng`, so every person
    // and case below is what it was without them.
    let sf = anvandare
        .iter()
        .find(|a| a.roll == Roll::Systemforvaltare)
        .map(Aktor::from)
        .context("ingen systemförvaltare")?;
    let mottagning = super::skala_oppna::enheter_och_konton(
        store,
        kommun,
        namnd,
        skala.personer,
        skala.personal,
        &hash,
        &grupper[0].arbetsledare,
        nu,
    )
    .await?;
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

    let (personer, identiteter, skyddade) =
        skapa_personer_skala(store, kommun, idag, skala.personer, &mut rng).await?;
    // The person's own acts on Mina sidor (the monthly application, the medsökande's word).
    let enskild = store.mina_sidor().mina_sidor_konto(kommun).await?;
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
            let i = rng.random_range(0..personer.len());
            let p = personer[i].clone();
            let planer = if rng.random_bool(ekonomi_andel) {
                let g = *ekonomi.choose(&mut rng).context("ingen enhet")?;
                // A couple's other adult: another person of the register.
                let j = rng.random_range(0..personer.len());
                let medsokande = (j != i).then(|| identiteter[j].clone());
                planera_ekonomi(&mut rng, g, skala.arenden - gjorda, medsokande, &enskild)
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
    // Öppna insatser and the providers (issue 17), after the cases: its own random
    // stream, so the cases are the same as without it.
    let mut rng_oppna = StdRng::seed_from_u64(FRO_SKALA + 17);
    let register: Vec<(DemoPerson, Identitet, bool)> = personer
        .iter()
        .cloned()
        .zip(identiteter.iter().cloned())
        .zip(skyddade.iter().copied())
        .map(|((p, i), s)| (p, i, s))
        .collect();
    let vuxenenheter: Vec<(EnhetId, Vec<Aktor>)> = vuxen
        .iter()
        .map(|g| (g.arbetsledare.enhet, g.handlaggare.clone()))
        .collect();
    let oppna = super::skala_oppna::fyll(
        &d,
        kommun,
        &mottagning,
        &utforare,
        &register,
        &vuxenenheter,
        &sf,
        &mut rng_oppna,
    )
    .await?;
    eprintln!(
        "Öppna insatser: {} besök och {} journalanteckningar i full dokumentation, {} övergångar; {} beställningar hos {} utförare, {} fakturarader, {} avvikelser ({:.0} s).",
        oppna.besok,
        oppna.fulla,
        oppna.overgangar,
        oppna.bestallningar,
        mottagning.leverantorer.len(),
        oppna.fakturarader,
        oppna.avvikelser,
        klocka.elapsed().as_secs_f64()
    );
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
         – Öppna insatser: {} besök, {} i full dokumentation, {} övergångar till den formella vägen; {} utförare under LOV och LOU med {} beställningar och {} fakturarader ({} avvikelser att hantera).\n\
         Alla konton har lösenordet {LOSENORD_SKALA}; användarnamnen börjar med rollen: ha… handläggare, ar… arbetsledare, ut… utförare (utm… mottagningen för öppna insatser, utl… utförare under LOV och LOU).",
        skala.namn,
        grupper.len() + 1 + mottagning.leverantorer.len(),
        anvandare.len() + mottagning.receptionister.len() + mottagning.leverantorer.len(),
        personer.len(),
        gjorda - avvisade,
        summa.handelser,
        summa.journal,
        summa.handelser + summa.journal,
        oppna.besok,
        oppna.fulla,
        oppna.overgangar,
        mottagning.leverantorer.len(),
        oppna.bestallningar,
        oppna.fakturarader,
        oppna.avvikelser,
    ))
}

/// A run of monthly försörjningsstöd cases, the newest possibly still open: one household
/// applying month after month (one case a month), each month applied for, calculated by its
/// own year's riksnorm line by line, decided and paid.
fn planera_ekonomi<'a>(
    rng: &mut StdRng,
    g: &'a Grupp,
    kvar: usize,
    medsokande: Option<Identitet>,
    enskild: &'a Aktor,
) -> Vec<Std<'a>> {
    let hl = g.handlaggare.choose(rng).unwrap_or(&g.arbetsledare);
    let manader = rng.random_range(1..=12usize).min(kvar.max(1));
    // The newest application came in `slut` months ago (0: this month). Within the two
    // years Lots has riksnorm tables for: a month without its year's norm is not decided.
    let senaste = if rng.random_bool(0.3) {
        0
    } else {
        rng.random_range(1..=12)
    };
    let hushall = Hushallsplan::slumpa(rng, medsokande);
    let lopp = Rc::new(RefCell::new(Lopp::default()));
    let mut ut = vec![];
    for m in (0..manader).rev() {
        let manad = senaste + m as i64;
        let mut s = manad * 30 + rng.random_range(0..8);
        let stopp = if s >= 45 {
            Stopp::Avslutad {
                slut: (s - 10 - 25).max(2),
                orsak: Avslutsorsak::InsatsAvslutad,
            }
        } else if manad == 0 && rng.random_bool(0.5) {
            // This month's applications: in a week the utredning is done and the month
            // waits to be calculated and decided (what `lots bench` measures).
            s = TIDER_EKONOMI.avslutad + rng.random_range(0..6);
            Stopp::BeslutVantar
        } else {
            oppet_stopp(rng, s, &TIDER_EKONOMI)
        };
        let mut x = Std::ny(hl, &FORSORJNING, s, stopp);
        x.beslutare = Some(hl);
        x.extra_journal = rng.random_range(1..=3);
        let (mf, utfall) = hushall.manad(rng, &g.arbetsledare, enskild, lopp.clone());
        x.utfall = utfall;
        x.motivering = Some(match utfall {
            Utfall::Avslag => {
                "{n} har inkomster över riksnormen för månaden och kan själv tillgodose sitt behov. \
                 Ansökan om försörjningsstöd avslås."
            }
            Utfall::DelvisBifall => {
                "Hushållets inkomster räcker inte till behovet enligt riksnormen och de skäliga kostnaderna. \
                 Försörjningsstöd beviljas enligt beräkningen. Det som inte beviljas framgår rad för rad \
                 med skälet (12 kap. 1 § socialtjänstlagen)."
            }
            _ => {
                "Hushållets inkomster räcker inte till behovet enligt riksnormen och de skäliga kostnaderna. \
                 Försörjningsstöd beviljas enligt beräkningen rad för rad."
            }
        });
        x.manadsfall = Some(mf);
        ut.push(x);
    }
    ut
}

/// The landlords a household may ask to have the rent paid to.
const HYRESVARDAR: &[&str] = &[
    "Storstadshem AB",
    "Bostadsbolaget Hamnen",
    "Fastighets AB Ängen",
];

/// A household on försörjningsstöd, the same from month to month: who lives there, what it
/// costs and what comes in. Each month adds what is the month's own.
struct Hushallsplan {
    hushall: NormHushall,
    medsokande: Option<Identitet>,
    /// The reasonable costs applied for each month (SoL 12 kap. 7 § p. 2), approved in full.
    kostnader: Vec<(Kostnadsslag, Kronor)>,
    inkomster: Vec<Inkomst>,
    hinder: Vec<Forsorjningshinder>,
    hyresvard: Option<&'static str>,
    /// Applies on paper, registered by the handläggare (both adults sign a joint one); else on
    /// Mina sidor, where the medsökande confirms a joint one.
    papper: bool,
}

impl Hushallsplan {
    /// Single adults, adults sharing a flat, single parents and couples, in the
    /// proportions of a large city's ekonomiskt bistånd. A couple's other adult is a
    /// person of the register (`medsokande`).
    fn slumpa(rng: &mut StdRng, medsokande: Option<Identitet>) -> Self {
        use Forsorjningshinder as H;
        let ensam_hinder = [
            H::ArbetslosUtanErsattning,
            H::ArbetslosOtillrackligErsattning,
            H::ArbetslosVantarErsattning,
            H::ArbetslosEtableringsersattning,
            H::SjukskrivenVantarErsattning,
            H::NedsattArbetsformaga,
            H::SocialaSkal,
        ];
        let hinder = |rng: &mut StdRng| *ensam_hinder.choose(rng).unwrap_or(&H::Annat);
        let barn = |rng: &mut StdRng, n: usize| -> Vec<NormBarn> {
            (0..n)
                .map(|_| {
                    let alder = rng.random_range(0..=17u8);
                    NormBarn {
                        alder,
                        utan_lunch: (1..=6).contains(&alder) && rng.random_bool(0.8),
                        andel_procent: if rng.random_ratio(1, 8) { 50 } else { 100 },
                    }
                })
                .collect()
        };
        let sokande = "Sökande".to_owned();
        let x = rng.random_range(0..100);
        let (vuxna, barn, medboende, medsokande) = match (x, medsokande) {
            (0..45, _) => (Vuxna::Ensam, vec![], 0, None),
            (45..60, _) => (Vuxna::Ensam, vec![], rng.random_range(1..=2), None),
            (60..80, _) | (_, None) => {
                let n = rng.random_range(1..=3);
                (Vuxna::Ensam, barn(rng, n), 0, None)
            }
            (_, Some(m)) => {
                let n = rng.random_range(0..=3);
                (Vuxna::Sambo, barn(rng, n), 0, Some(m))
            }
        };
        let antal = 1 + usize::from(vuxna == Vuxna::Sambo) + barn.len();
        let hyra = if medboende > 0 {
            rng.random_range(30..=50) * 100
        } else {
            rng.random_range(45..=70) * 100 + antal as i64 * rng.random_range(6..=12) * 100
        };
        let mut kostnader = vec![(Kostnadsslag::Boende, hyra)];
        if rng.random_bool(0.7) {
            kostnader.push((Kostnadsslag::Hushallsel, rng.random_range(25..=70) * 10));
        }
        if rng.random_bool(0.6) {
            kostnader.push((Kostnadsslag::Hemforsakring, rng.random_range(10..=25) * 10));
        }
        let mut inkomster = vec![];
        let mut hinderlista = vec![hinder(rng)];
        if !barn.is_empty() {
            // Barnbidrag 1 250 kr a child, with the flerbarnstillägg (SFB 15 kap.).
            let tillagg = match barn.len() {
                2 => 150,
                3 => 730,
                _ => 0,
            };
            inkomster.push(Inkomst {
                medlem: sokande.clone(),
                slag: Inkomstslag::Barnbidrag,
                belopp: 1_250 * barn.len() as i64 + tillagg,
            });
            if vuxna == Vuxna::Ensam && rng.random_bool(0.6) {
                inkomster.push(Inkomst {
                    medlem: sokande.clone(),
                    slag: Inkomstslag::Underhallsstod,
                    belopp: 1_673 * barn.len() as i64,
                });
            }
            if rng.random_bool(0.5) {
                inkomster.push(Inkomst {
                    medlem: sokande.clone(),
                    slag: Inkomstslag::Bostadsbidrag,
                    belopp: rng.random_range(12..=30) * 100,
                });
            }
        }
        match hinderlista[0] {
            H::ArbetslosOtillrackligErsattning => inkomster.push(Inkomst {
                medlem: sokande.clone(),
                slag: Inkomstslag::Akassa,
                belopp: rng.random_range(20..=45) * 100,
            }),
            H::ArbetslosEtableringsersattning => inkomster.push(Inkomst {
                medlem: sokande.clone(),
                slag: Inkomstslag::Etableringsersattning,
                belopp: rng.random_range(20..=40) * 100,
            }),
            _ => {}
        }
        if vuxna == Vuxna::Sambo {
            // Often one of the two works, not enough for the household.
            if rng.random_bool(0.5) {
                hinderlista.push(H::ArbetarOtillrackligInkomst);
                inkomster.push(Inkomst {
                    medlem: "Medsökande".into(),
                    slag: Inkomstslag::Lon,
                    belopp: rng.random_range(40..=120) * 100,
                });
                kostnader.push((Kostnadsslag::Arbetsresor, 970));
            } else if barn.iter().any(|b| b.alder < 2) {
                hinderlista.push(H::Foraldraledig);
            } else {
                hinderlista.push(hinder(rng));
            }
        }
        let hyresvard = rng
            .random_bool(0.25)
            .then(|| *HYRESVARDAR.choose(rng).unwrap_or(&"Storstadshem AB"));
        Self {
            hushall: NormHushall {
                vuxna,
                barn,
                medboende,
            },
            medsokande,
            kostnader,
            inkomster,
            hinder: hinderlista,
            hyresvard,
            papper: rng.random_bool(0.3),
        }
    }

    /// One month: the application and the calculation's underlag, with what is the month's own
    /// (glasses or a dental bill, a deposit to explain, now and then an inheritance that
    /// covers the month), and the result the calculation will give.
    fn manad<'a>(
        &self,
        rng: &mut StdRng,
        attestant: &'a Aktor,
        enskild: &'a Aktor,
        lopp: Rc<RefCell<Lopp>>,
    ) -> (Manadsfall<'a>, Utfall) {
        let mut inkomster = self.inkomster.clone();
        let mut rader: Vec<Rad> = self
            .kostnader
            .iter()
            .map(|(slag, belopp)| Rad {
                post: Post::Kostnad(*slag),
                beskrivning: String::new(),
                ansokt: *belopp,
                godkant: *belopp,
                skal: String::new(),
            })
            .collect();
        let mut ovrigt = String::new();
        let mut utfall = Utfall::Bifall;
        let x = rng.random_range(0..100);
        if x < 4 {
            // An inheritance paid out this month covers the need: avslag.
            utfall = Utfall::Avslag;
            inkomster.push(Inkomst {
                medlem: "Sökande".into(),
                slag: Inkomstslag::Ovrig,
                belopp: 45_000,
            });
            ovrigt = "Jag har fått ut ett arv den här månaden.".into();
        } else if x < 12 {
            // Glasses or dental care, applied for with a quote and partly approved.
            let (slag, sokt, godkant, beskrivning, skal) = if rng.random_bool(0.5) {
                (
                    Livsforingsslag::Glasogon,
                    2_800,
                    1_900,
                    "Glasögon enligt optikerns kostnadsförslag",
                    "Skälig kostnad för glasögon med enkla bågar enligt riktlinjerna är 1 900 kr.",
                )
            } else {
                (
                    Livsforingsslag::Tandvard,
                    6_400,
                    3_200,
                    "Tandvård enligt kostnadsförslag",
                    "Det akuta i kostnadsförslaget är 3 200 kr enligt förtroendetandläkaren. Resten är inte nödvändigt nu.",
                )
            };
            utfall = Utfall::DelvisBifall;
            ovrigt = format!("{beskrivning}: {sokt} kr. Kostnadsförslaget bifogas.");
            rader.push(Rad {
                post: Post::Livsforing(slag),
                beskrivning: beskrivning.into(),
                ansokt: sokt,
                godkant,
                skal: skal.into(),
            });
        } else if x < 15 {
            // A bed, approved in full.
            ovrigt = "Sängen har gått sönder. Jag söker pengar till en ny säng.".into();
            rader.push(Rad {
                post: Post::Livsforing(Livsforingsslag::Hemutrustning),
                beskrivning: "Säng".into(),
                ansokt: 2_500,
                godkant: 2_500,
                skal: String::new(),
            });
        }
        // A deposit on the bank statement, labelled by the person and ruled on with a reason
        // (seed 003: never counted as income without asking).
        let insattning = rng.random_ratio(1, 20).then(|| {
            let (forklaring, text, skal) = match rng.random_range(0..3) {
                0 => (
                    Forklaring::Gava,
                    "Pengar från mamma till vinterkläder till barnen.",
                    "En engångsgåva för ett särskilt behov räknas inte som inkomst.",
                ),
                1 => (
                    Forklaring::Lan,
                    "Lån av en vän till tandläkaren, betalas tillbaka nästa månad.",
                    "Lånet ska betalas tillbaka och räknas inte som inkomst.",
                ),
                _ => (
                    Forklaring::EgenOverforing,
                    "Från mitt sparkonto till lönekontot, samma pengar.",
                    "En överföring mellan egna konton är inte en inkomst.",
                ),
            };
            Insattning {
                medlem: "Sökande".into(),
                datum: time::Date::MIN,
                belopp: rng.random_range(5..=30) * 100,
                forklaring: Some(forklaring),
                personens_text: text.into(),
                beslut: Some(InsattningsBeslut {
                    raknas_som_inkomst: false,
                    skal: skal.into(),
                }),
            }
        });
        let insattningar: Vec<Insattning> = insattning.into_iter().collect();
        let ansokan = Manadsansokan {
            manad: Manad::for_dag(time::Date::MIN),
            datum: time::Date::MIN,
            kostnader: rader
                .iter()
                .filter_map(|r| match r.post {
                    Post::Kostnad(k) => Some((k, r.ansokt)),
                    _ => None,
                })
                .collect(),
            inkomster: inkomster.clone(),
            insattningar: insattningar
                .iter()
                .map(|i| Insattning {
                    beslut: None,
                    ..i.clone()
                })
                .collect(),
            ovrigt,
            bilagor: vec![],
            medsokande: self.medsokande.clone(),
            bada_undertecknat: self.medsokande.is_some() && self.papper,
        };
        let underlag = Underlag {
            manad: ansokan.manad,
            hushall: self.hushall.clone(),
            reducerad_norm: None,
            rader,
            inkomster,
            insattningar,
            tillgangar: vec![],
            annan_kommun: vec![],
            hyrestak: None,
            forsorjningshinder: self.hinder.clone(),
            medsokande: self.medsokande.clone(),
        };
        (
            Manadsfall {
                ansokan,
                underlag,
                hyresvard: self.hyresvard,
                attestant,
                enskild,
                papper: self.papper,
                lopp,
            },
            utfall,
        )
    }
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
) -> anyhow::Result<(Vec<DemoPerson>, Vec<Identitet>, Vec<bool>)> {
    let mut sedda = HashSet::with_capacity(antal);
    let mut ut = Vec::with_capacity(antal);
    let mut identiteter = Vec::with_capacity(antal);
    let mut skyddade = Vec::with_capacity(antal);
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
        identiteter.push(p.identitet.clone());
        skyddade.push(p.skyddad);
        bit.push(p);
        if bit.len() == 10_000 || i + 1 == antal {
            store.personer().importera_personer(&bit).await?;
            bit.clear();
        }
    }
    Ok((ut, identiteter, skyddade))
}
