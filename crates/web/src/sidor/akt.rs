//! The akt on paper (issue 20, item 9): a person's record, or a chosen part of it (the
//! journal, the decisions, the utredning), as a PDF for utlämnande or a SIP meeting. It holds
//! exactly what the viewer may read on the person page: the cases they may open, nothing of
//! cases kept from them by inre sekretess (OSL 26 kap. 1 §). Each case printed is audited as
//! read, with the purpose "utskrift", so loggkontroll finds the printout.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use lots_store::ArendeRad;

use super::arendepost;
use crate::AppState;
use crate::atkomst::{self, PersonSyfte};
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::policy::{self, ArendeResurs, Atgard};

/// The parts of the akt that can be printed on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Del {
    Alla,
    Journal,
    Beslut,
    Utredning,
}

impl Del {
    fn fran(q: &HashMap<String, String>) -> Result<Self, WebFel> {
        Ok(match q.get("del").map(String::as_str) {
            None | Some("alla") => Del::Alla,
            Some("journal") => Del::Journal,
            Some("beslut") => Del::Beslut,
            Some("utredning") => Del::Utredning,
            Some(_) => {
                return Err(WebFel::Ogiltig(
                    "Välj vad som ska skrivas ut: alla, journal, beslut eller utredning.".into(),
                ));
            }
        })
    }

    fn med(self, del: Del) -> bool {
        self == Del::Alla || self == del
    }

    fn namn(self) -> &'static str {
        match self {
            Del::Alla => "Personakt",
            Del::Journal => "Journal",
            Del::Beslut => "Beslut",
            Del::Utredning => "Utredning",
        }
    }
}

pub async fn pdf(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let del = Del::fran(&q)?;
    let oppnad = atkomst::oppna_person(&s, &i, &id, PersonSyfte::Lasa).await?;
    let p = oppnad.person;
    let arenden: Vec<ArendeRad> = oppnad
        .arenden
        .into_iter()
        .filter(|r| policy::far(&i.anvandare, Atgard::LasaArende(ArendeResurs::av(r))))
        .collect();
    let mut arendelista = vec![];
    let mut beslut = vec![];
    let mut utredning = vec![];
    let mut journal = vec![];
    for r in &arenden {
        let Some((_, a)) = s.store.arenden().arende(r.kommun, r.id).await? else {
            continue;
        };
        let dnr = r.beteckning();
        arendelista.push(vec![
            dnr.clone(),
            r.inkom.to_string(),
            a.ansokta
                .iter()
                .map(|(x, _)| x.namn())
                .collect::<Vec<_>>()
                .join(", "),
            a.status().namn().to_string(),
            r.enhet_namn.clone(),
        ]);
        if del.med(Del::Beslut) {
            beslut.extend(beslutsrader(&dnr, &a));
        }
        if del.med(Del::Utredning) {
            utredning.extend(utredningsrader(&dnr, &a));
        }
        if del.med(Del::Journal) {
            for j in s.store.arenden().journal_i_arende(r.kommun, r.id).await? {
                journal.push(vec![
                    dnr.clone(),
                    j.datum.to_string(),
                    j.forfattare.clone(),
                    j.text.clone(),
                ]);
            }
        }
    }
    // Every case on the paper is a read of it, for loggkontroll ("who saw person X").
    let poster: Vec<_> = arenden
        .iter()
        .map(|r| arendepost(&i, "akt.utskrift", r))
        .collect();
    if !poster.is_empty() {
        s.store
            .granskning()
            .logga_lasning(&i.aktor(), &poster, s.nu())
            .await?;
    }
    let mut sektioner = vec![sektion(
        "Ärenden",
        &["Diarienummer", "Inkom", "Insatser", "Läge", "Enhet"],
        arendelista,
        "Inga ärenden som du kan läsa.",
    )];
    if del.med(Del::Beslut) {
        sektioner.push(sektion(
            "Beslut",
            &[
                "Ärende",
                "Datum",
                "Insats",
                "Utfall",
                "Motivering",
                "Gäller",
            ],
            beslut,
            "Inga beslut.",
        ));
    }
    if del.med(Del::Utredning) {
        sektioner.push(sektion(
            "Utredning",
            &["Ärende", "Datum", "Livsområde", "Text"],
            utredning,
            "Ingen utredning per livsområde.",
        ));
    }
    if del.med(Del::Journal) {
        sektioner.push(sektion(
            "Journal",
            &["Ärende", "Datum", "Skriven av", "Anteckning"],
            journal,
            "Inga journalanteckningar.",
        ));
    }
    let idag = lots_domain::tid::svensk_dag(s.nu());
    let rapport = lots_documents::Rapport {
        kommun: s.kommunnamn(p.kommun).await?,
        titel: format!("{}: {} {}", del.namn(), p.fornamn, p.efternamn),
        undertitel: format!(
            "{}. Utskriven {idag} av {}.",
            p.identitet.visning(),
            i.anvandare.namn
        ),
        datum: idag,
        sektioner,
        noter: vec![
            "Utskriften visar det som den som skrev ut får läsa. Ärenden som omfattas av inre sekretess är inte med (OSL 26 kap. 1 §). Pröva sekretessen innan handlingen lämnas ut."
                .into(),
        ],
    };
    let pdf = lots_documents::rapport(&rapport).map_err(|e| {
        tracing::error!(error = %e, "akt pdf");
        WebFel::Ogiltig("Utskriften kunde inte göras. Försök igen om en stund.".into())
    })?;
    Ok(pdf_fil(
        &format!("{}-{idag}.pdf", del.namn().to_lowercase()),
        pdf,
    ))
}

/// The case's decisions as rows: ärende, datum, insats, utfall, motivering, whether it holds.
pub(super) fn beslutsrader(dnr: &str, a: &lots_domain::Arende) -> Vec<Vec<String>> {
    a.beslut
        .iter()
        .map(|b| {
            let x = &b.beslut;
            vec![
                dnr.to_string(),
                x.datum.to_string(),
                x.insats.namn().to_string(),
                x.utfall.namn().to_string(),
                x.motivering.clone(),
                if b.galler() {
                    "Gäller"
                } else {
                    "Ersatt eller upphävt"
                }
                .to_string(),
            ]
        })
        .collect()
}

/// The utredning per life area, its bedömning and the förslag till beslut, as rows: ärende,
/// datum, livsområde, text.
pub(super) fn utredningsrader(dnr: &str, a: &lots_domain::Arende) -> Vec<Vec<String>> {
    let mut ut = vec![];
    for x in &a.utredningsavsnitt {
        let mut text = x.handlaggarens.clone();
        if !x.personens_ord.is_empty() {
            text.push_str(&format!(" Personens ord: {}", x.personens_ord));
        }
        if !x.mal.is_empty() {
            text.push_str(&format!(" Mål: {}", x.mal));
        }
        ut.push(vec![
            dnr.to_string(),
            x.datum.to_string(),
            x.omrade.namn().to_string(),
            text,
        ]);
    }
    if let Some((d, text)) = &a.utredningsbedomning {
        ut.push(vec![
            dnr.to_string(),
            d.to_string(),
            "Bedömning".into(),
            text.clone(),
        ]);
        if let Some(f) = &a.forslag_till_beslut {
            ut.push(vec![
                dnr.to_string(),
                d.to_string(),
                "Förslag till beslut".into(),
                crate::visning::forslag_till_beslut(f),
            ]);
        }
    }
    ut
}

/// A PDF as a download that no cache keeps.
pub(super) fn pdf_fil(filnamn: &str, pdf: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filnamn}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        pdf,
    )
        .into_response()
}

/// One table of a printed report: heading, columns, rows, and what to say when it is empty.
pub(super) fn sektion(
    rubrik: &str,
    kolumner: &[&str],
    rader: Vec<Vec<String>>,
    tom: &str,
) -> lots_documents::Rapportsektion {
    lots_documents::Rapportsektion {
        rubrik: rubrik.into(),
        kolumner: kolumner.iter().map(|k| (*k).to_string()).collect(),
        rader,
        tom: tom.into(),
    }
}
