//! Group-level follow-up of öppna insatser (issue 17 item 7): per service and provider
//! and period, the visits, unique persons (only where the mode keeps a person), legal
//! sex and age band, district, the scope used, and the steps into the formal route,
//! as a page, CSV and PDF. Counts only, never a person, and small cells suppressed by
//! the rule in `lots_domain::oppen_uppfoljning` (1–4 shown as "färre än 5", with a
//! second cell hidden where a total would give one away). The policy decides whose
//! rows the user sees (`policy::uppfoljning_omfattar`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use lots_domain::identitet::Kon as IdKon;
use lots_domain::ids::{EnhetId, OppenInsatsId, PersonId};
use lots_domain::oppen_insats::{Aldersgrupp, Integritet, Kon, Omfattning, alder};
use lots_domain::oppen_uppfoljning::{Cell, MINSTA_ANTAL, fordelning};
use lots_domain::tid::svensk_dag;
use lots_store::Granskningspost;
use time::Date;

use super::Sida;
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::policy::{self, Atgard};

/// One table of the follow-up: its heading, columns and rows.
pub struct Tabell {
    pub rubrik: String,
    pub kolumner: Vec<String>,
    pub rader: Vec<Vec<String>>,
}

/// The follow-up of one period.
pub struct Uppfoljning {
    pub fran: Date,
    pub till: Date,
    pub tabeller: Vec<Tabell>,
}

/// The rule, as the page, the CSV's reader and the PDF state it.
pub const REGEL: &str = "Små tal visas inte: ett antal från 1 till 4 visas som ”färre än 5”, så att ingen enskild kan pekas ut. Där antalen summeras till en summa som visas döljs också det minsta andra antalet, så att ett dolt tal inte kan räknas fram ur summan. Är summan mindre än 5 döljs den och alla antal utom nollor. Unika personer räknas bara i insatser med full dokumentation; i de andra finns ingen person att räkna.";

#[derive(Default)]
struct Rad {
    integritet: Option<Integritet>,
    besok: i64,
    /// Full mode: the persons, each with their legal sex and age band (from the identity).
    personer: BTreeMap<PersonId, (Option<Kon>, Option<Aldersgrupp>)>,
    /// Minimal mode: visits per sex, age band and district.
    kon: HashMap<Kon, i64>,
    aldersgrupp: HashMap<Aldersgrupp, i64>,
    stadsdel: BTreeMap<String, i64>,
    nadde_gransen: i64,
    ansokningar: i64,
    orosanmalningar: i64,
}

fn period(q: &HashMap<String, String>, idag: Date) -> Result<(Date, Date), WebFel> {
    let las = |namn: &str| -> Result<Option<Date>, WebFel> {
        match q.get(namn).map(|s| s.trim()).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
                .map(Some)
                .map_err(|_| WebFel::Ogiltig("Skriv datumen som ÅÅÅÅ-MM-DD.".into())),
        }
    };
    let fran = las("fran")?.unwrap_or_else(|| idag.replace_day(1).unwrap_or(idag));
    let till = las("till")?.unwrap_or(idag);
    if till < fran {
        return Err(WebFel::Ogiltig(
            "Periodens sista dag kan inte vara före den första.".into(),
        ));
    }
    Ok((fran, till))
}

fn aldersgrupp(a: u32) -> Option<Aldersgrupp> {
    Aldersgrupp::ALLA.into_iter().find(|g| {
        let (l, h) = g.intervall();
        l <= a && a <= h
    })
}

/// Builds the follow-up of the period as the user may see it, and audits that it was
/// shown (it names no person).
async fn bygg(
    s: &AppState,
    i: &Inloggad,
    q: &HashMap<String, String>,
    handling: &str,
) -> Result<Uppfoljning, WebFel> {
    policy::krav(&i.anvandare, Atgard::OppenUppfoljning)?;
    let a = &i.anvandare;
    let kommun = a.kommun;
    let (fran, till) = period(q, svensk_dag(s.nu()))?;
    let org = s.store.organisation();
    let insatser: HashMap<OppenInsatsId, lots_store::OppenInsatsRad> = org
        .oppna_insatser(kommun)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let enheter: HashMap<EnhetId, String> = org
        .enheter(kommun)
        .await?
        .into_iter()
        .map(|e| (e.id, e.namn))
        .collect();
    let mut rader: BTreeMap<(String, String, OppenInsatsId, EnhetId), Rad> = BTreeMap::new();
    let nyckel = |insats: OppenInsatsId, enhet: EnhetId| {
        (
            insatser
                .get(&insats)
                .map(|r| r.insats.namn.clone())
                .unwrap_or_default(),
            enheter.get(&enhet).cloned().unwrap_or_default(),
            insats,
            enhet,
        )
    };
    for g in org.oppna_besok_grupper(kommun, fran, till).await? {
        if !policy::uppfoljning_omfattar(a, g.utforare) {
            continue;
        }
        let r = rader.entry(nyckel(g.insats, g.utforare)).or_default();
        r.integritet = insatser.get(&g.insats).map(|x| x.insats.integritet);
        r.besok += g.antal;
        if let Some(k) = g.kon.as_deref().and_then(Kon::fran_kod) {
            *r.kon.entry(k).or_default() += g.antal;
        }
        if let Some(ag) = g.aldersgrupp.as_deref().and_then(Aldersgrupp::fran_kod) {
            *r.aldersgrupp.entry(ag).or_default() += g.antal;
        }
        if let Some(sd) = g.stadsdel {
            *r.stadsdel.entry(sd).or_default() += g.antal;
        }
    }
    // Full mode: every visit up to the period's end, so that the scope a person has used
    // counts their visits before the period too.
    let mut historik: BTreeMap<(OppenInsatsId, PersonId), Vec<Date>> = BTreeMap::new();
    for b in org
        .fulla_besok(kommun, time::macros::date!(1900 - 01 - 01), till)
        .await?
    {
        historik
            .entry((b.insats, b.person))
            .or_default()
            .push(b.dag);
        if b.dag < fran || !policy::uppfoljning_omfattar(a, b.utforare) {
            continue;
        }
        let r = rader.entry(nyckel(b.insats, b.utforare)).or_default();
        r.integritet = Some(Integritet::Full);
        r.besok += 1;
        let kon = b.identitet.kon().map(|k| match k {
            IdKon::Kvinna => Kon::Kvinna,
            IdKon::Man => Kon::Man,
        });
        let ag = b
            .identitet
            .fodelsedatum()
            .and_then(|f| aldersgrupp(alder(f, till)));
        r.personer.insert(b.person, (kon, ag));
    }
    // The scope used: persons of the row whose visits up to the period's end reached the
    // entry's limit (the 10th session, the 12th week).
    for ((_, _, insats, _), r) in rader.iter_mut() {
        let Some(e) = insatser.get(insats) else {
            continue;
        };
        for p in r.personer.keys() {
            let dagar = historik.get(&(*insats, *p)).cloned().unwrap_or_default();
            let (Some(forsta), Some(sista)) = (dagar.iter().min(), dagar.iter().max()) else {
                continue;
            };
            let nadd = match e.insats.omfattning {
                Omfattning::Tillfallen(n) => dagar.len() >= n as usize,
                Omfattning::Veckor(n) => (*sista - *forsta).whole_days() / 7 + 1 >= i64::from(n),
                Omfattning::Lopande => false,
            };
            if nadd {
                r.nadde_gransen += 1;
            }
        }
    }
    for o in org.oppna_overgangar(kommun, fran, till).await? {
        if !policy::uppfoljning_omfattar(a, o.utforare) {
            continue;
        }
        let r = rader.entry(nyckel(o.insats, o.utforare)).or_default();
        r.integritet = r
            .integritet
            .or_else(|| insatser.get(&o.insats).map(|x| x.insats.integritet));
        match o.slag.as_str() {
            "ansokan" => r.ansokningar += o.antal,
            _ => r.orosanmalningar += o.antal,
        }
    }
    // The choices at the scope limit, per service (the choice is the person's, not the
    // provider's): shown in the service's rows the user sees.
    let mut val: HashMap<(OppenInsatsId, String), i64> = HashMap::new();
    for (insats, v, n) in org.oppna_val(kommun, fran, till).await? {
        val.insert((insats, v), n);
    }
    s.store
        .granskning()
        .logga_lasning(
            &i.aktor(),
            &[Granskningspost::ny(format!("{handling}:{fran}:{till}"))],
            s.nu(),
        )
        .await?;

    let streck = "–".to_string();
    let mut oversikt = vec![];
    let mut kon_rader = vec![];
    let mut alder_rader = vec![];
    let mut stadsdel_rader = vec![];
    let mut insatser_visade = BTreeSet::new();
    for ((namn, enhet, insats, _), r) in &rader {
        let full = r.integritet == Some(Integritet::Full);
        let minimal = r.integritet == Some(Integritet::Minimal);
        let lage = r.integritet.map(|x| x.namn()).unwrap_or_default();
        let forsta_gangen = insatser_visade.insert(*insats);
        let val_cell = |v: &str| {
            if full && forsta_gangen {
                Cell::ensam(val.get(&(*insats, v.to_string())).copied().unwrap_or(0)).text()
            } else {
                streck.clone()
            }
        };
        oversikt.push(vec![
            namn.clone(),
            enhet.clone(),
            lage.to_string(),
            Cell::ensam(r.besok).text(),
            if full {
                Cell::ensam(r.personer.len() as i64).text()
            } else {
                streck.clone()
            },
            if full {
                Cell::ensam(r.nadde_gransen).text()
            } else {
                streck.clone()
            },
            val_cell("avsluta"),
            val_cell("ansoka"),
            Cell::ensam(r.ansokningar).text(),
            Cell::ensam(r.orosanmalningar).text(),
        ]);
        // Sex and age band: per person in the full mode, per visit in the minimal mode;
        // the other modes keep neither.
        let (kon, ag, total, per): (Vec<i64>, Vec<i64>, i64, &str) = if full {
            let k = Kon::ALLA
                .iter()
                .map(|k| r.personer.values().filter(|(x, _)| *x == Some(*k)).count() as i64)
                .collect();
            let g = Aldersgrupp::ALLA
                .iter()
                .map(|g| r.personer.values().filter(|(_, x)| *x == Some(*g)).count() as i64)
                .collect();
            (k, g, r.personer.len() as i64, "personer")
        } else if minimal {
            (
                Kon::ALLA
                    .iter()
                    .map(|k| r.kon.get(k).copied().unwrap_or(0))
                    .collect(),
                Aldersgrupp::ALLA
                    .iter()
                    .map(|g| r.aldersgrupp.get(g).copied().unwrap_or(0))
                    .collect(),
                r.besok,
                "besök",
            )
        } else {
            continue;
        };
        // A person without a birth date or legal sex in the register (a reservnummer)
        // is counted as "okänt", so that the cells still add up to the total.
        let mut kon = kon;
        kon.push(total - kon.iter().sum::<i64>());
        let (celler, t) = fordelning(&kon, total);
        let mut rad = vec![namn.clone(), enhet.clone(), per.to_string()];
        rad.extend(celler.iter().map(|c| c.text()));
        rad.push(t.text());
        kon_rader.push(rad);
        let mut ag = ag;
        ag.push(total - ag.iter().sum::<i64>());
        let (celler, t) = fordelning(&ag, total);
        let mut rad = vec![namn.clone(), enhet.clone(), per.to_string()];
        rad.extend(celler.iter().map(|c| c.text()));
        rad.push(t.text());
        alder_rader.push(rad);
        if minimal {
            let namnen: Vec<&String> = r.stadsdel.keys().collect();
            let antal: Vec<i64> = r.stadsdel.values().copied().collect();
            let (celler, t) = fordelning(&antal, r.besok);
            for (sd, c) in namnen.iter().zip(celler) {
                stadsdel_rader.push(vec![namn.clone(), enhet.clone(), (*sd).clone(), c.text()]);
            }
            stadsdel_rader.push(vec![
                namn.clone(),
                enhet.clone(),
                "Summa".to_string(),
                t.text(),
            ]);
        }
    }
    let kol = |x: &[&str]| x.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let mut kon_kolumner = kol(&["Insats", "Utförare", "Räknat i"]);
    kon_kolumner.extend(Kon::ALLA.iter().map(|k| k.namn().to_string()));
    kon_kolumner.extend(kol(&["Okänt", "Summa"]));
    let mut alder_kolumner = kol(&["Insats", "Utförare", "Räknat i"]);
    alder_kolumner.extend(Aldersgrupp::ALLA.iter().map(|g| g.namn()));
    alder_kolumner.extend(kol(&["Okänd", "Summa"]));
    Ok(Uppfoljning {
        fran,
        till,
        tabeller: vec![
            Tabell {
                rubrik: "Översikt".into(),
                kolumner: kol(&[
                    "Insats",
                    "Utförare",
                    "Dokumentation",
                    "Besök",
                    "Unika personer",
                    "Nådde omfattningens gräns",
                    "Valde att avsluta",
                    "Valde att ansöka",
                    "Ansökningar från mottagningen",
                    "Orosanmälningar",
                ]),
                rader: oversikt,
            },
            Tabell {
                rubrik: "Juridiskt kön".into(),
                kolumner: kon_kolumner,
                rader: kon_rader,
            },
            Tabell {
                rubrik: "Åldersgrupp".into(),
                kolumner: alder_kolumner,
                rader: alder_rader,
            },
            Tabell {
                rubrik: "Stadsdel (minimal dokumentation)".into(),
                kolumner: kol(&["Insats", "Utförare", "Stadsdel", "Besök"]),
                rader: stadsdel_rader,
            },
        ],
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "oppen_uppfoljning.html")]
struct UppfoljningSida {
    sida: Sida,
    u: Uppfoljning,
    regel: &'static str,
    fraga: String,
}

pub async fn sida(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let u = bygg(&s, &i, &q, "oppen_uppfoljning.visa").await?;
    let fraga = format!("fran={}&till={}", u.fran, u.till);
    Ok(UppfoljningSida {
        sida: Sida::av(&i),
        u,
        regel: REGEL,
        fraga,
    }
    .into_response())
}

pub async fn csv(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let u = bygg(&s, &i, &q, "oppen_uppfoljning.csv").await?;
    let mut rader = vec![];
    for t in &u.tabeller {
        rader.push(vec![t.rubrik.clone()]);
        rader.push(t.kolumner.clone());
        rader.extend(t.rader.iter().cloned());
        rader.push(vec![]);
    }
    rader.push(vec![REGEL.to_string()]);
    Ok(super::rapporter::csv_svar(
        &format!("uppfoljning-oppna-insatser-{}-{}.csv", u.fran, u.till),
        &rader,
    ))
}

pub async fn pdf(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let u = bygg(&s, &i, &q, "oppen_uppfoljning.pdf").await?;
    let rapport = lots_documents::Rapport {
        kommun: s.kommunnamn(i.anvandare.kommun).await?,
        titel: "Öppna insatser: uppföljning på gruppnivå".into(),
        undertitel: format!("{} – {}", u.fran, u.till),
        datum: svensk_dag(s.nu()),
        sektioner: u
            .tabeller
            .into_iter()
            .map(|t| lots_documents::Rapportsektion {
                rubrik: t.rubrik,
                kolumner: t.kolumner,
                rader: t.rader,
                tom: "Inga besök under perioden.".into(),
            })
            .collect(),
        noter: vec![
            REGEL.to_string(),
            format!(
                "Minsta antal som visas: {MINSTA_ANTAL}. Öppna insatser ges utan individuell behovsprövning (11 kap. 5 § socialtjänstlagen)."
            ),
        ],
    };
    let pdf = lots_documents::rapport(&rapport).map_err(|e| {
        tracing::error!(error = %e, "follow-up pdf");
        WebFel::Ogiltig(
            "Uppföljningen kunde inte göras om till PDF. Hämta den som CSV i stället.".into(),
        )
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"uppfoljning-oppna-insatser-{}-{}.pdf\"",
                    u.fran, u.till
                ),
            ),
        ],
        pdf,
    )
        .into_response())
}
