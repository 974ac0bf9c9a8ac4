//! `lots demo --scale`: öppna insatser and external providers in proportion to the
//! municipality (issue 17). A reception unit in egen regi with its receptionists (the
//! accounts `lots bench` registers visits with); the nämnd's catalogue, provided by the
//! reception and the kommun's other utförare units; eight weeks of visits in each privacy
//! mode, checked by the catalogue's rules (`OppenInsats::ta_emot`, `ta_emot_person`) and
//! stored in bulk (`Organisation::importera_oppna_besok`); a few steps into the formal
//! route and orosanmälningar, registered as cases as the desk registers them; and LOV and
//! LOU providers with contracts, orders decided through the domain in memory and imported
//! with the other cases, last month's delivery and invoices where some lines do not
//! match, flagged to the beställare as the invoice page flags them.

use lots_domain::forsorjningsstod::Manad;
use lots_domain::oppen_insats::{Aldersgrupp, Amne, Besok, Deltagande, Integritet, Kon};
use lots_domain::utforare::{
    Avtal, Fakturarad, Leverans, Prisenhet, Regiform, Utforarorganisation, Val, Villkor,
};
use lots_store::{Importbesok, Overgang};

use super::*;

const KR: i64 = 100;
/// Visits per stored chunk.
const BESOKSBIT: usize = 10_000;

/// The accounts and units made before the persons and cases.
pub(super) struct Mottagning {
    pub enhet: EnhetId,
    /// The receptionists and their names.
    pub receptionister: Vec<(Aktor, String)>,
    pub leverantorer: Vec<(Utforarorganisation, EnhetId, Aktor)>,
}

fn konto(kommun: KommunId, enhet: EnhetId, namn: String, hash: &str, nr: usize) -> Anvandare {
    Anvandare {
        id: AnvandarId::ny(),
        kommun,
        enhet,
        anvandarnamn: namn,
        namn: format!(
            "{} {}",
            FORNAMN_KVINNOR[nr % FORNAMN_KVINNOR.len()],
            EFTERNAMN[(nr * 7) % EFTERNAMN.len()]
        ),
        roll: Roll::Utforare,
        losenord: hash.into(),
        aktiv: true,
        skyddad_behorighet: false,
    }
}

/// The reception unit with its receptionists (`utm001` …, the utförare role) and the
/// external providers with a unit and a login each (`utl001` …): two at small scale, one
/// more per 15 000 persons, every other one under LOV (the first of those the nämnd's
/// ickevalsalternativ) and the rest procured under LOU.
#[allow(clippy::too_many_arguments)]
pub(super) async fn enheter_och_konton(
    store: &Store,
    kommun: KommunId,
    namnd: uuid::Uuid,
    personer: usize,
    personal: usize,
    hash: &str,
    al: &Aktor,
    nu: OffsetDateTime,
) -> anyhow::Result<Mottagning> {
    let o = store.organisation();
    let enhet = EnhetId::ny();
    o.skapa_enhet(
        enhet,
        kommun,
        namnd,
        "Mottagningen för öppna insatser (egen regi)",
        true,
    )
    .await?;
    let mut receptionister = vec![];
    for k in 0..(personal / 150).max(2) {
        let a = konto(kommun, enhet, format!("utm{:03}", k + 1), hash, k);
        o.skapa_anvandare(&a).await?;
        receptionister.push((Aktor::from(&a), a.namn.clone()));
    }
    let mut leverantorer = vec![];
    let antal = 2 + personer / 15_000;
    for k in 0..antal {
        let lov = k % 2 == 0;
        let namn = if lov {
            format!("Valfrihet Omsorg {} AB", k / 2 + 1)
        } else {
            format!("Stödbolaget {} AB", k / 2 + 1)
        };
        let org = Utforarorganisation {
            id: UtforarId::ny(),
            organisationsnummer: organisationsnummer(k),
            namn: namn.clone(),
            regiform: if lov { Regiform::Lov } else { Regiform::Lou },
            ickevalsalternativ: k == 0,
        };
        o.skapa_utforarorganisation(kommun, &org, al, nu).await?;
        let e = EnhetId::ny();
        o.skapa_enhet(e, kommun, namnd, &format!("{namn}, mottagningen"), true)
            .await?;
        o.koppla_enhet_till_utforare(kommun, e, Some(org.id), al, nu)
            .await?;
        let a = konto(kommun, e, format!("utl{:03}", k + 1), hash, k + 50);
        o.skapa_anvandare(&a).await?;
        leverantorer.push((org, e, Aktor::from(&a)));
    }
    Ok(Mottagning {
        enhet,
        receptionister,
        leverantorer,
    })
}

/// A valid organisationsnummer (Luhn check digit) in the 559 series, one per provider.
fn organisationsnummer(k: usize) -> String {
    let nio = format!("559{:06}", 100_000 + k);
    format!("{}-{}{}", &nio[..6], &nio[6..], luhn(&nio))
}

/// What the generator reports.
pub(super) struct Resultat {
    pub besok: usize,
    pub fulla: usize,
    pub overgangar: usize,
    pub bestallningar: usize,
    pub fakturarader: usize,
    pub avvikelser: usize,
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn fyll(
    d: &Demo<'_>,
    kommun: KommunId,
    m: &Mottagning,
    ovriga_utforare: &[EnhetId],
    personer: &[(DemoPerson, Identitet, bool)],
    vuxen: &[(EnhetId, Vec<Aktor>)],
    sf: &Aktor,
    rng: &mut StdRng,
) -> anyhow::Result<Resultat> {
    let store = d.store;
    let o = store.organisation();
    let nu = d.nu;
    let idag = d.idag;
    let mut utforare = vec![m.enhet];
    utforare.extend_from_slice(ovriga_utforare);

    // The catalogue: the demo's four entries, provided by every utförare unit in egen regi.
    let mut katalog = vec![];
    for mut insats in super::oppna::katalog(m.enhet) {
        insats.utforare = utforare.clone();
        if insats.integritet == Integritet::Minimal {
            insats.stadsdelar = STADSDELAR_SKALA.iter().map(|s| s.to_string()).collect();
        }
        if !insats.granska(&utforare).is_empty() {
            bail!("den syntetiska öppna insatsen {} är ogiltig", insats.namn);
        }
        let (id, version) = o.spara_oppen_insats(kommun, None, &insats, sf, nu).await?;
        katalog.push((id, version, insats));
    }
    let hitta = |i: Integritet| {
        katalog
            .iter()
            .filter(move |(_, _, x)| x.integritet == i)
            .collect::<Vec<_>>()
    };
    let (full, minimal, anonym, radgivning) = (
        hitta(Integritet::Full),
        hitta(Integritet::Minimal),
        hitta(Integritet::Anonym),
        hitta(Integritet::Radgivning),
    );
    // Most visits are at the reception; the other units have a share.
    let var = |rng: &mut StdRng| -> EnhetId {
        if rng.random_bool(0.7) {
            m.enhet
        } else {
            *utforare.choose(rng).unwrap_or(&m.enhet)
        }
    };
    let receptionist = |rng: &mut StdRng| m.receptionister.choose(rng).cloned();
    let dag = |rng: &mut StdRng| {
        let mut x = idag - Duration::days(rng.random_range(1..=56));
        while !kalender::vardag(x) {
            x = x.previous_day().unwrap_or(x);
        }
        x
    };
    let n = personer.len();
    let mut besok: Vec<Importbesok> = vec![];
    let mut antal = 0;
    let mut fulla = 0;
    let (aktor, _) = receptionist(rng).context("mottagningen saknar konton")?;
    // Minimal: legal sex, age band and district, a quarter of the persons' number.
    for _ in 0..n / 4 {
        let Some((id, version, insats)) = minimal.choose(rng) else {
            break;
        };
        let band = if insats.alder_till == Some(29) {
            Aldersgrupp::UngVuxen
        } else {
            *Aldersgrupp::ALLA[2..6]
                .choose(rng)
                .unwrap_or(&Aldersgrupp::Vuxen35)
        };
        let b = Besok::Minimal {
            kon: *Kon::ALLA.choose(rng).unwrap_or(&Kon::Kvinna),
            aldersgrupp: band,
            stadsdel: STADSDELAR_SKALA
                .choose(rng)
                .copied()
                .unwrap_or("Centrum")
                .to_string(),
        };
        let datum = dag(rng);
        if insats.ta_emot(datum, &b).is_ok() {
            besok.push(Importbesok::Oppet {
                insats: *id,
                version: *version,
                utforare: var(rng),
                dag: datum,
                besok: b,
            });
            antal += 1;
        }
        spara(&o, kommun, &mut besok, &aktor, nu, false).await?;
    }
    // Anonymous group sessions (a count) and counselling contacts (a topic).
    let grupper = (n / 200).max(2);
    for k in 0..grupper + (n / 20).max(3) {
        let (lista, b) = if k < grupper {
            (
                &anonym,
                Besok::Anonym {
                    antal: rng.random_range(2..=15),
                },
            )
        } else {
            (
                &radgivning,
                Besok::Radgivning {
                    amne: *Amne::ALLA.choose(rng).unwrap_or(&Amne::Alkohol),
                },
            )
        };
        // The demo catalogue's counselling line is anonymous: its contacts are counts too.
        let lista = if lista.is_empty() { &anonym } else { lista };
        let Some((id, version, insats)) = lista.choose(rng) else {
            continue;
        };
        let b = if insats.integritet == Integritet::Anonym {
            Besok::Anonym {
                antal: match b {
                    Besok::Anonym { antal } => antal,
                    _ => 1,
                },
            }
        } else {
            b
        };
        let datum = dag(rng);
        if insats.ta_emot(datum, &b).is_ok() {
            besok.push(Importbesok::Oppet {
                insats: *id,
                version: *version,
                utforare: var(rng),
                dag: datum,
                besok: b,
            });
            antal += 1;
        }
        spara(&o, kommun, &mut besok, &aktor, nu, false).await?;
    }
    // Full mode: persons from the register (not protected: the receptionists have no right
    // to them), one to eight visits a week apart, as far as the conditions and the scope
    // let them (`ta_emot_person`).
    if let Some((id, version, insats)) = full.first() {
        for _ in 0..(n / 100).max(3) {
            let (p, identitet, skyddad) = &personer[rng.random_range(0..n)];
            if *skyddad {
                continue;
            }
            let ggr = rng.random_range(1..=8i64);
            let forsta = dag(rng).min(idag - Duration::days(7 * ggr));
            let var_enhet = var(rng);
            for k in 0..ggr {
                let datum = forsta + Duration::days(7 * k);
                let del = Deltagande {
                    fodd: identitet.fodelsedatum(),
                    bosatt: Some(true),
                    anvanda: k as u32,
                    forsta: (k > 0).then_some(forsta),
                };
                if insats.ta_emot_person(datum, &del).is_err() {
                    break;
                }
                besok.push(Importbesok::Fullt {
                    insats: *id,
                    version: *version,
                    person: p.id,
                    utforare: var_enhet,
                    dag: datum,
                    text: format!(
                        "Gruppträff {}. {} deltog och berättade om veckan. (Syntetisk.)",
                        k + 1,
                        p.fornamn
                    ),
                    informerad: k == 0,
                });
                fulla += 1;
            }
            spara(&o, kommun, &mut besok, &aktor, nu, false).await?;
        }
    }
    spara(&o, kommun, &mut besok, &aktor, nu, true).await?;

    // A few steps into the formal route and orosanmälningar from the desk: registered as
    // cases as the desk registers them (the receptionist's step), and counted for the
    // follow-up (`oppen_overgang`), nothing joining them to the visits.
    let (vm, vuxen_hl) = vuxen.first().context("ingen vuxenenhet")?;
    let mut overgangar = 0;
    let narkotika = InsatsTyp::Oppenvardsbehandling;
    for k in 0..(n / 1_000).max(3) + (n / 1_500).max(2) {
        let oro = k >= (n / 1_000).max(3);
        let (p, _, skyddad) = &personer[rng.random_range(0..n)];
        if *skyddad {
            continue;
        }
        let (reg, reg_namn) = receptionist(rng).context("mottagningen saknar konton")?;
        let hl = vuxen_hl.choose(rng).cloned().unwrap_or_else(|| reg.clone());
        let dagar = rng.random_range(1..=40);
        let (id, _, _) = katalog.choose(rng).context("katalogen är tom")?;
        let f = if oro {
            d.oppna(
                p.clone(),
                &reg,
                &hl,
                dagar,
                anmalan(
                    *vm,
                    None,
                    Kanal::Digital,
                    namngiven(&reg_namn, "Personal vid mottagningen", "Mottagningen för öppna insatser"),
                    "Orosanmälan från mottagningen: {n} berättade om en situation som kan innebära risk. (Syntetisk.)",
                ),
            )
            .await
        } else {
            d.oppna(
                p.clone(),
                &reg,
                &hl,
                dagar,
                ansokan(
                    *vm,
                    None,
                    Kanal::Besok,
                    vec![narkotika],
                    "{n} vill ha mer stöd än mottagningen ger och ansöker om behandling. (Syntetisk.)",
                ),
            )
            .await
        };
        let Ok(f) = f else { continue };
        f.klar().await?;
        o.rakna_overgang(
            kommun,
            *id,
            m.enhet,
            d.dag(dagar),
            if oro {
                Overgang::Orosanmalan
            } else {
                Overgang::Ansokan
            },
        )
        .await?;
        overgangar += 1;
    }

    // The providers: a contract each, orders from the adult units, decided in memory and
    // imported with the rest.
    let mut ordrar: Vec<(usize, BeslutId, i64)> = vec![];
    let per_leverantor = (n / 1_000).max(3);
    for (nr, (org, enhet, _)) in m.leverantorer.iter().enumerate() {
        let (insats, prisenhet, pris, tak) = if org.regiform == Regiform::Lov {
            (
                InsatsTyp::Oppenvardsbehandling,
                Prisenhet::Tillfalle,
                650 * KR,
                None,
            )
        } else {
            (
                InsatsTyp::StodIBoendet,
                Prisenhet::Timme,
                480 * KR,
                Some(60_000 * KR * per_leverantor as i64 / 3),
            )
        };
        let avtal = Avtal {
            id: AvtalId::ny(),
            utforare: org.id,
            fran: date!(2025 - 01 - 01),
            till: idag + Duration::days(730),
            insatser: vec![insats],
            prisenhet,
            pris,
            tak_per_manad: tak,
        };
        o.spara_avtal(kommun, &avtal, sf, nu).await?;
        for _ in 0..per_leverantor {
            let (p, _, skyddad) = &personer[rng.random_range(0..n)];
            if *skyddad {
                continue;
            }
            let (enhet_vm, hls) = vuxen.choose(rng).context("ingen vuxenenhet")?;
            let Some(hl) = hls.choose(rng).cloned() else {
                continue;
            };
            let beviljat = if prisenhet == Prisenhet::Tillfalle {
                rng.random_range(4..=8) * 100
            } else {
                rng.random_range(8..=20) * 100
            };
            let Ok(b) = bestall(
                d, p, *enhet_vm, &hl, insats, *enhet, org, prisenhet, beviljat,
            )
            .await
            else {
                continue;
            };
            ordrar.push((nr, b, beviljat));
        }
    }
    let bestallningar = ordrar.len();

    // Import what the steps above decided in memory: the desk's cases and the orders.
    let bit = std::mem::take(
        &mut *d
            .minne
            .as_ref()
            .context("minnet saknas")?
            .historiker
            .borrow_mut(),
    );
    store.arenden().importera(kommun, &bit).await?;

    // Last month's delivery as granted (now and then more), and an invoice per provider
    // where a few lines bill more than was delivered and one names no order.
    let manad = Manad::for_dag(idag).foregaende();
    let mut fakturarader = 0;
    let mut avvikelser = 0;
    for (nr, (org, _, aktor)) in m.leverantorer.iter().enumerate() {
        let (prisenhet, pris) = if org.regiform == Regiform::Lov {
            (Prisenhet::Tillfalle, 650 * KR)
        } else {
            (Prisenhet::Timme, 480 * KR)
        };
        let mut rader = vec![];
        for (k, (_, b, beviljat)) in ordrar.iter().filter(|(x, _, _)| *x == nr).enumerate() {
            let levererat = if k % 9 == 4 {
                beviljat + 100
            } else {
                *beviljat
            };
            o.rapportera_leverans(
                kommun,
                org.id,
                &Leverans {
                    beslut: *b,
                    manad,
                    antal: levererat,
                },
                aktor,
                nu,
            )
            .await?;
            let fakturerat = if k % 7 == 2 {
                levererat + 200
            } else {
                levererat
            };
            rader.push(Fakturarad {
                rad: rader.len() + 2,
                bestallning: b.to_string(),
                manad,
                enhet: prisenhet,
                antal: fakturerat,
                a_pris: pris,
            });
        }
        rader.push(Fakturarad {
            rad: rader.len() + 2,
            bestallning: format!("Kundnr {}", 4400 + nr),
            manad,
            enhet: prisenhet,
            antal: 300,
            a_pris: pris,
        });
        fakturarader += rader.len();
        o.las_in_faktura(kommun, org.id, &rader, aktor, nu).await?;
        avvikelser += lots_web::flagga_avvikelser(store, kommun, org.id, manad, aktor, nu).await?;
    }
    Ok(Resultat {
        besok: antal,
        fulla,
        overgangar,
        bestallningar,
        fakturarader,
        avvikelser,
    })
}

/// Stores the visits gathered so far when they fill a chunk, or all of them (`tvinga`).
async fn spara(
    o: &lots_store::Organisation<'_>,
    kommun: KommunId,
    besok: &mut Vec<Importbesok>,
    aktor: &Aktor,
    nu: OffsetDateTime,
    tvinga: bool,
) -> anyhow::Result<()> {
    if besok.len() >= BESOKSBIT || (tvinga && !besok.is_empty()) {
        o.importera_oppna_besok(kommun, besok, aktor, nu).await?;
        besok.clear();
    }
    Ok(())
}

/// One order to a provider, as the handläggare takes it: an application, a short
/// investigation, a decision for six months from about four months ago, sent, ordered
/// with the terms (the person's choice under LOV) and started.
#[allow(clippy::too_many_arguments)]
async fn bestall(
    d: &Demo<'_>,
    p: &DemoPerson,
    enhet: EnhetId,
    hl: &Aktor,
    insats: InsatsTyp,
    utforare: EnhetId,
    org: &Utforarorganisation,
    prisenhet: Prisenhet,
    beviljat: i64,
) -> anyhow::Result<BeslutId> {
    let mut f = d
        .oppna(
            p.clone(),
            hl,
            hl,
            130,
            ansokan(
                enhet,
                Some(hl),
                Kanal::Besok,
                vec![insats],
                "{n} söker stöd och vill ha det av en utförare {han} själv väljer. (Syntetisk.)",
            ),
        )
        .await?;
    f.inled(128).await?;
    f.avsluta_utredning(122).await?;
    let b = f
        .beslut(
            hl,
            120,
            Beslutsforslag {
                insats,
                utfall: Utfall::Bifall,
                mal: "{n} klarar sin vardag med stödet.",
                omfattning: "Enligt utredningens förslag, per månad.",
                manader: Some(6),
                motivering: "{n} behöver insatsen för att uppnå en skälig levnadsnivå. Behovet kan inte tillgodoses på annat sätt.",
            },
        )
        .await?;
    f.skicka(b, 119, Utskickssatt::Brev, false).await?;
    // LOV 9 kap. 1–2 §§: most choose; the one who does not gets the ickevalsalternativ.
    let val = match org.regiform {
        Regiform::Lov if org.ickevalsalternativ && p.fornamn.len().is_multiple_of(3) => {
            Val::Ickeval
        }
        Regiform::Lov => Val::Valt,
        _ => Val::EjValfrihet,
    };
    let uppdrag = f.t("Insatsen enligt beslutet. Kontakta {n} på telefon. (Syntetisk.)");
    let k = Kommando::Bestall {
        beslut: b,
        utforare,
        datum: f.dag(118),
        uppdrag,
        villkor: Some(Villkor {
            utforare: org.id,
            val,
            prisenhet,
            beviljat_per_manad: Some(beviljat),
        }),
    };
    f.steg(118, k).await?;
    f.starta(b, 110).await?;
    f.klar().await?;
    Ok(b)
}

/// The districts of the synthetic municipality (the same as the units').
const STADSDELAR_SKALA: &[&str] = &[
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
