//! The summary for whoever takes over a case (issue 15, item 9): one page with the
//! household, what was approved last month and why, what the case waits for, its
//! deadlines and the goal agreed, so that a substitute does not start from scratch
//! and the person is not asked again for what was already settled. It reads the
//! case's state only, through the same door and audit as the case page.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use lots_domain::arende::bevakningar;
use lots_domain::forsorjningsstod::jobbstimulans::{self, Jobbstimulans};
use lots_domain::forsorjningsstod::riksnorm::Vuxna;
use lots_domain::tid::svensk_dag;

use super::Sida;
use crate::AppState;
use crate::atkomst::{self, ArendeSyfte, Oppnat};
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::visning::{berakningsrader, handlingsnamn, hinderrader, kr};

#[derive(Template, WebTemplate)]
#[template(path = "sammanfattning.html")]
struct SammanfattningSida {
    sida: Sida,
    arende: String,
    beteckning: String,
    person: String,
    /// Safety first, as on the case page (issue 20, item 4).
    sakerhet: Vec<String>,
    /// Kind, applied insatser, handläggare, status, in lines.
    om: Vec<String>,
    hushall: Vec<String>,
    /// The newest month: heading and lines.
    senaste: Option<(String, Vec<String>)>,
    manader: Vec<String>,
    /// The grundutredning's areas and its assessment.
    utredning: Vec<String>,
    /// The current plan toward self-sufficiency, the person's answer, the latest follow-up
    /// and the end of aid.
    plan: Vec<String>,
    jobbstimulans: Option<String>,
    /// Deadlines: text, date, overdue.
    frister: Vec<(String, String, bool)>,
    vantar_enskild: Vec<String>,
    vantar_namnden: Vec<String>,
    beslut: Vec<String>,
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let Oppnat { rad, arende: a, .. } =
        atkomst::oppna_arende(&s, &i, &id, ArendeSyfte::Lasa("arende.sammanfattning")).await?;
    let idag = svensk_dag(s.nu());

    let om = vec![
        format!("{}, inkom {}", a.typ.namn(), a.inkom),
        format!(
            "Gäller: {}",
            a.ansokta
                .iter()
                .map(|(i, _)| i.namn())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        format!(
            "Handläggare: {} ({})",
            rad.handlaggare_namn.as_deref().unwrap_or("ingen tilldelad"),
            rad.enhet_namn
        ),
        format!("Läge: {}", rad.status.namn()),
    ];

    let mut hushall = vec![];
    let mut senaste = None;
    let mut jobb = None;
    if let Some(b) = a.senaste_forsorjningsstod.as_deref() {
        let h = &b.underlag.hushall;
        hushall.push(match h.vuxna {
            Vuxna::Ensam => "En vuxen i ansökan".to_string(),
            Vuxna::Sambo => {
                "Två vuxna i ansökan (makar eller sambor, båda räknas och informeras)".to_string()
            }
        });
        for (n, barn) in h.barn.iter().enumerate() {
            let mut t = format!("Barn {}: {} år", n + 1, barn.alder);
            if barn.utan_lunch {
                t.push_str(", äter lunch i förskolan");
            }
            if barn.andel_procent < 100 {
                t.push_str(&format!(", bor här {} % av tiden", barn.andel_procent));
            }
            hushall.push(t);
        }
        if h.medboende > 0 {
            hushall.push(format!(
                "Delar bostaden med {} person(er) utanför ansökan",
                h.medboende
            ));
        }
        // How the household came to be as it is, newest change first, so whoever takes
        // over sees it without reading every month (issue 15, items 1 and 9).
        for (m, andringar) in a.hushallsandringar().into_iter().rev() {
            hushall.extend(crate::visning::hushallsrad(m, &andringar));
        }
        let m = &b.berakning;
        senaste = Some((
            format!(
                "{}: {} ({})",
                m.manad.namn(),
                kr(m.bistand()),
                m.utfall().text().to_lowercase()
            ),
            berakningsrader(m),
        ));
        // The next month's jobbstimulans, from the months with aid: this case's, those
        // paid in the person's other cases, and those from another kommun.
        let andra = s
            .store
            .arenden()
            .manader_med_utbetalning(rad.person, rad.id)
            .await?;
        let med_stod = a.manader_med_stod(andra, &b.underlag.annan_kommun);
        let nasta = m.manad.nasta();
        jobb = Some(match jobbstimulans::for_manad(&med_stod, nasta) {
            Jobbstimulans::Ja { nummer, till, .. } => format!(
                "Jobbstimulans gäller {}: månad {nummer} av 24, till och med {}.",
                nasta.namn(),
                till.namn()
            ),
            Jobbstimulans::Nej { i_folj } => format!(
                "Jobbstimulans gäller inte {} ({i_folj} månader i följd med försörjningsstöd före; sex behövs).",
                nasta.namn()
            ),
        });
    }
    // Each month with its försörjningshinder, so a change over time is seen at once.
    let manader = a
        .forsorjningsstod
        .iter()
        .rev()
        .map(|(m, belopp)| {
            let mut t = format!("{}: {}", m.namn(), kr(*belopp));
            if let Some((_, hinder)) = a.forsorjningshinder.iter().find(|(x, _)| x == m) {
                t.push_str(". ");
                t.push_str(&hinderrader(hinder).join(" "));
            }
            t
        })
        .collect();
    // The grundutredning, area by area in the guide's order, with what is not yet written.
    let mut utredning: Vec<String> = lots_domain::livsomrade::Livsomrade::for_arende(&a)
        .iter()
        .map(
            |o| match a.utredningsavsnitt.iter().find(|x| x.omrade == *o) {
                Some(x) => {
                    let mut t = format!("{} ({}): {}", o.namn(), x.datum, x.handlaggarens);
                    if !x.personens_ord.is_empty() {
                        t.push_str(&format!(" Personens ord: {}", x.personens_ord));
                    }
                    if !x.mal.is_empty() {
                        t.push_str(&format!(" Mål: {}", x.mal));
                    }
                    t
                }
                None => format!("{}: inte skrivet", o.namn()),
            },
        )
        .collect();
    if a.utredningsavsnitt.is_empty() {
        utredning.clear();
    }
    if let Some((d, text)) = &a.utredningsbedomning {
        utredning.push(format!("Bedömning ({d}): {text}"));
    }
    if let Some(f) = &a.forslag_till_beslut {
        utredning.push(crate::visning::forslag_till_beslut(f));
    }

    // The plan as it stands now: what a substitute needs before the next meeting.
    let mut plan: Vec<String> = vec![];
    if let Some(p) = a.planering.aktuell() {
        plan.push(format!("Version {} ({})", p.version, p.datum));
        plan.extend(
            crate::visning::sjalvforsorjningsplanrader(p)
                .into_iter()
                .map(|(etikett, text)| format!("{etikett}: {text}")),
        );
        plan.push(match a.planering.svar_pa_aktuell() {
            Some(s) if s.instammer => format!("Personen håller med ({}). {}", s.datum, s.synpunkt),
            Some(s) => format!(
                "Personen håller inte helt med ({}): {}",
                s.datum, s.synpunkt
            ),
            None => "Personen har inte svarat på den här versionen.".into(),
        });
        if let Some(u) = a.planering.uppfoljningar.last() {
            plan.push(format!(
                "Senaste uppföljning ({}): {}",
                u.datum,
                crate::visning::planuppfoljningsrader(&a, u).join(" ")
            ));
        }
    }
    if let Some((d, orsak)) = a.bistand_avslutat {
        plan.push(format!("Försörjningsstödet avslutat {d}: {}", orsak.text()));
    }

    let mut frister: Vec<(String, String, bool)> = bevakningar(&a)
        .into_iter()
        .map(|b| {
            (
                b.typ.namn().to_string(),
                b.datum.to_string(),
                b.datum < idag,
            )
        })
        .collect();
    frister.sort_by(|x, y| x.1.cmp(&y.1));

    let mut vantar_enskild: Vec<String> = a
        .kompletteringar
        .iter()
        .filter(|k| k.oppen())
        .map(|k| {
            let mut t = format!(
                "Begärt {}: {} senast {}",
                k.begard,
                handlingsnamn(&k.handlingar),
                k.senast
            );
            if !k.svar.is_empty() {
                t.push_str(" (inlämnat, väntar på att godtas)");
            }
            t
        })
        .collect();
    vantar_enskild.extend(a.vantande_kommuniceringar().map(|k| {
        format!(
            "Kommunicerat {}: svar senast {} ({})",
            k.datum, k.svar_senast, k.material
        )
    }));

    let mut vantar_namnden: Vec<String> = a
        .obeslutade_insatser()
        .iter()
        .map(|i| format!("Obeslutat: {}", i.namn()))
        .collect();
    if let Some((d, None)) = a.begaran_om_avgorande {
        vantar_namnden.push(format!(
            "Begäran om avgörande {d} (FL 12 §): besluta eller avslå inom fyra veckor"
        ));
    }
    vantar_namnden.extend(
        a.motesforfragningar
            .iter()
            .enumerate()
            .filter(|(n, _)| !a.mote_bokat(*n))
            .map(|(_, m)| format!("Mötesförfrågan {}: {}", m.datum, m.typ.namn())),
    );
    vantar_namnden.extend(
        a.obesvarade_meddelanden()
            .iter()
            .map(|m| format!("Obesvarat meddelande {}", m.datum)),
    );

    let beslut = a
        .beslut
        .iter()
        .rev()
        .map(|b| {
            let mut t = format!(
                "{} {}: {}",
                b.beslut.datum,
                b.beslut.insats.namn(),
                b.beslut.utfall.namn().to_lowercase()
            );
            if !b.beslut.mal.is_empty() {
                t.push_str(&format!(". Mål: {}", b.beslut.mal));
            }
            t
        })
        .collect();

    let mut sakerhet = super::arende::sakerhet(&rad, &a);
    sakerhet.extend(super::arende::skydd_mellan_vuxna(&s, &rad, &a).await?);
    Ok(SammanfattningSida {
        sida: Sida::av(&i),
        arende: rad.id.to_string(),
        beteckning: rad.beteckning(),
        person: rad.person_namn.clone(),
        sakerhet,
        om,
        hushall,
        senaste,
        manader,
        utredning,
        plan,
        jobbstimulans: jobb,
        frister,
        vantar_enskild,
        vantar_namnden,
        beslut,
    }
    .into_response())
}
