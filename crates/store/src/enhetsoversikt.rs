//! What the arbetsledare's overview of an enhet reads (issue 20 item 7): per handläggare
//! the open cases, the cases with a bevakning past its day and the granted decisions not
//! yet carried out; the enhet's handläggningstider; and the cases behind each number.
//!
//! Every query is a range of one enhet's rows on an index (`arende_oppna_enhet`,
//! `bevakning_enhet`, migration 0025; `vantan_slut` and `delegationsbeslut_datum` from
//! 0015), never a scan of the kommun's cases: a kommun of 500 000 cases answers as fast as
//! a small one (BENCHMARKS.md). The rules (what is late, what counts as not carried out,
//! how a median is taken) stay in the domain; the SQL counts rows the projection keeps.

use std::collections::BTreeMap;

use lots_domain::ids::{AnvandarId, ArendeId, EnhetId, KommunId};
use lots_domain::insats::InsatsTyp;
use time::Date;

use crate::db::Rad;
use crate::las::arende_rad;
use crate::org::v;
use crate::rapporter::PAGAR;
use crate::{ArendeRad, Rapporter, StoreError, datumtext};

/// One handläggare's numbers in the enhet, or those of the cases without one (`None`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandlaggarSiffror {
    /// Open cases (not avslutade).
    pub oppna: i64,
    /// Open cases with a bevakning whose day is before today.
    pub sena: i64,
    /// Granted decisions (waits, `vantan`) not carried out today: never started, or
    /// interrupted and not resumed.
    pub ej_verkstallda: i64,
    /// The day the longest of those waits began.
    pub aldsta_beslut: Option<Date>,
}

/// Which of the enhet's open cases a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urval {
    Oppna,
    /// With a bevakning whose day is before today.
    Sena,
    /// With a granted decision not carried out.
    EjVerkstallda,
}

/// Whose cases a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vems {
    Alla,
    UtanHandlaggare,
    Handlaggare(AnvandarId),
}

/// A case in the overview's list.
#[derive(Debug, Clone)]
pub struct EnhetensArende {
    pub rad: ArendeRad,
    /// What was applied for (or what the case is about).
    pub insatser: Vec<InsatsTyp>,
    /// The next bevakning's day, if any.
    pub nasta: Option<Date>,
}

/// The columns of a case in the list, with its insatser (kept on the case row) and its next
/// bevakning (a lookup on the bevakning table's key). `$3` is the list's limit; a list of
/// late or unenforced cases names `$4` (today, or the end day of a wait that goes on), and
/// one handläggare's list names the next placeholder after those.
macro_rules! lista {
    ($($villkor:expr),*) => {
        concat!(
            "SELECT a.id, a.person, p.fornamn, p.efternamn, p.skyddad, a.kommun, a.enhet, e.namn AS enhet_namn, ",
            "a.handlaggare, u.namn AS handlaggare_namn, a.status, a.inkom, a.diarienummer, a.insatser, ",
            "(SELECT MIN(b.datum) FROM bevakning b WHERE b.arende = a.id AND b.kommun = a.kommun) AS nasta ",
            "FROM arende a JOIN person p ON p.id = a.person AND p.kommun = a.kommun JOIN enhet e ON e.id = a.enhet AND e.kommun = a.kommun ",
            "LEFT JOIN anvandare u ON u.id = a.handlaggare AND u.kommun = a.kommun ",
            "WHERE a.kommun = $1 AND a.enhet = $2 AND a.status <> 'avslutat' ",
            $($villkor,)*
            " ORDER BY a.inkom, a.id LIMIT $3"
        )
    };
}

/// With a bevakning whose day is before `$4`.
macro_rules! sena {
    () => {
        " AND EXISTS (SELECT 1 FROM bevakning b WHERE b.arende = a.id AND b.kommun = a.kommun AND b.datum < $4)"
    };
}

/// With a wait whose end day is `$4` (one that goes on).
macro_rules! ej_verkstallda {
    () => {
        " AND EXISTS (SELECT 1 FROM vantan w WHERE w.arende = a.id AND w.slut_datum = $4)"
    };
}

const ALLA: [&str; 3] = [lista!(), lista!(sena!()), lista!(ej_verkstallda!())];
const UTAN: [&str; 3] = [
    lista!(" AND a.handlaggare IS NULL"),
    lista!(" AND a.handlaggare IS NULL", sena!()),
    lista!(" AND a.handlaggare IS NULL", ej_verkstallda!()),
];
const HANDLAGGARE: [&str; 3] = [
    lista!(" AND a.handlaggare = $4"),
    lista!(" AND a.handlaggare = $5", sena!()),
    lista!(" AND a.handlaggare = $5", ej_verkstallda!()),
];

fn enhetens_arende(r: &Rad) -> Result<EnhetensArende, StoreError> {
    Ok(EnhetensArende {
        rad: arende_rad(r)?,
        insatser: r
            .text("insatser")?
            .split(',')
            .filter_map(InsatsTyp::fran_kod)
            .collect(),
        nasta: r
            .opt_text("nasta")?
            .map(|t| crate::las_datum(&t))
            .transpose()?,
    })
}

impl Rapporter<'_> {
    /// The enhet's numbers per handläggare (`None`: the cases nobody is assigned) on `idag`.
    /// Three grouped queries, each a range of the enhet's rows on an index.
    pub async fn enhetens_siffror(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
        idag: Date,
        med_skyddade: bool,
    ) -> Result<BTreeMap<Option<AnvandarId>, HandlaggarSiffror>, StoreError> {
        let db = &self.0.db;
        // Not even a count tells someone without the right that a person with skyddade
        // personuppgifter has a case here (the rule the person search follows too).
        let skyddade = i64::from(med_skyddade);
        let mut ut: BTreeMap<Option<AnvandarId>, HandlaggarSiffror> = BTreeMap::new();
        for r in db
            .fetch_all(
                "SELECT a.handlaggare, COUNT(*) AS n FROM arende a \
                 JOIN person p ON p.id = a.person AND p.kommun = a.kommun \
                 WHERE a.kommun = $1 AND a.enhet = $2 AND a.status <> 'avslutat' \
                 AND (p.skyddad = 0 OR $3 = 1) \
                 GROUP BY a.handlaggare",
                &[v(kommun), v(enhet), skyddade.into()],
            )
            .await?
        {
            ut.entry(r.opt_parse("handlaggare")?).or_default().oppna = r.int("n")?;
        }
        for r in db
            .fetch_all(
                "SELECT a.handlaggare, COUNT(DISTINCT b.arende) AS n FROM bevakning b \
                 JOIN arende a ON a.id = b.arende AND a.kommun = b.kommun JOIN person p ON p.id = a.person AND p.kommun = a.kommun \
                 WHERE b.kommun = $1 AND b.enhet = $2 AND b.datum < $3 AND a.status <> 'avslutat' \
                 AND (p.skyddad = 0 OR $4 = 1) \
                 GROUP BY a.handlaggare",
                &[v(kommun), v(enhet), datumtext(idag).into(), skyddade.into()],
            )
            .await?
        {
            ut.entry(r.opt_parse("handlaggare")?).or_default().sena = r.int("n")?;
        }
        // The waits that go on: few in any kommun, found on `vantan_slut` by their end day.
        for r in db
            .fetch_all(
                "SELECT a.handlaggare, COUNT(*) AS n, MIN(COALESCE(v.avbrott, v.beslutsdatum)) AS aldst \
                 FROM vantan v JOIN arende a ON a.id = v.arende AND a.kommun = v.kommun JOIN person p ON p.id = a.person AND p.kommun = a.kommun \
                 WHERE v.kommun = $1 AND v.slut_datum = $2 AND a.enhet = $3 \
                 AND (p.skyddad = 0 OR $4 = 1) \
                 GROUP BY a.handlaggare",
                &[v(kommun), PAGAR.into(), v(enhet), skyddade.into()],
            )
            .await?
        {
            let s = ut.entry(r.opt_parse("handlaggare")?).or_default();
            s.ej_verkstallda = r.int("n")?;
            s.aldsta_beslut = r
                .opt_text("aldst")?
                .map(|t| crate::las_datum(&t))
                .transpose()?;
        }
        Ok(ut)
    }

    /// The enhet's decisions dated from `fran` to `till` (not those after omprövning), as
    /// (the day the case came in, the day of the decision), one per case and day.
    pub async fn enhetens_beslutstider(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
        fran: Date,
        till: Date,
        med_skyddade: bool,
    ) -> Result<Vec<(Date, Date)>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT DISTINCT d.arende, d.datum, a.inkom FROM delegationsbeslut d \
                 JOIN arende a ON a.id = d.arende AND a.kommun = d.kommun JOIN person p ON p.id = a.person AND p.kommun = a.kommun \
                 WHERE d.kommun = $1 AND d.datum >= $2 AND d.datum <= $3 AND a.enhet = $4 \
                 AND d.efter_omprovning = 0 AND (p.skyddad = 0 OR $5 = 1)",
                &[
                    v(kommun),
                    datumtext(fran).into(),
                    datumtext(till).into(),
                    v(enhet),
                    i64::from(med_skyddade).into(),
                ],
            )
            .await?
            .iter()
            .map(|r| Ok((r.datum("inkom")?, r.datum("datum")?)))
            .collect()
    }

    /// The day each of the enhet's open ansökningar came in that has no decision yet
    /// (förhandsbedömning, aktualiserad, utredning, beslut väntar).
    pub async fn enhetens_oavgjorda_ansokningar(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
        med_skyddade: bool,
    ) -> Result<Vec<Date>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT a.inkom FROM arende a JOIN person p ON p.id = a.person AND p.kommun = a.kommun \
                 WHERE a.kommun = $1 AND a.enhet = $2 \
                 AND a.status <> 'avslutat' AND a.typ = 'ansokan' \
                 AND a.status IN ('forhandsbedomning', 'aktualiserad', 'utredning', 'beslut_vantar') \
                 AND (p.skyddad = 0 OR $3 = 1)",
                &[v(kommun), v(enhet), i64::from(med_skyddade).into()],
            )
            .await?
            .iter()
            .map(|r| r.datum("inkom"))
            .collect()
    }

    /// The enhet's open cases of the chosen kind, oldest first, at most `grans`.
    pub async fn enhetens_arenden(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
        urval: Urval,
        vems: Vems,
        idag: Date,
        grans: i64,
    ) -> Result<Vec<EnhetensArende>, StoreError> {
        let nr = match urval {
            Urval::Oppna => 0,
            Urval::Sena => 1,
            Urval::EjVerkstallda => 2,
        };
        let sql = match vems {
            Vems::Alla => ALLA[nr],
            Vems::UtanHandlaggare => UTAN[nr],
            Vems::Handlaggare(_) => HANDLAGGARE[nr],
        };
        // Exactly the placeholders the query names, in their order (`lista!`).
        let mut p = vec![v(kommun), v(enhet), grans.into()];
        match urval {
            Urval::Oppna => {}
            Urval::Sena => p.push(datumtext(idag).into()),
            Urval::EjVerkstallda => p.push(PAGAR.into()),
        }
        if let Vems::Handlaggare(h) = vems {
            p.push(v(h));
        }
        self.0
            .db
            .fetch_all(sql, &p)
            .await?
            .iter()
            .map(enhetens_arende)
            .collect()
    }

    /// The ids of a handläggare's open cases in the enhet: what a hand-over moves.
    pub async fn handlaggarens_oppna_i_enhet(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
        handlaggare: AnvandarId,
    ) -> Result<Vec<ArendeId>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT a.id FROM arende a WHERE a.kommun = $1 AND a.enhet = $2 \
                 AND a.handlaggare = $3 AND a.status <> 'avslutat' ORDER BY a.inkom, a.id",
                &[v(kommun), v(enhet), v(handlaggare)],
            )
            .await?
            .iter()
            .map(|r| r.parse("id"))
            .collect()
    }
}
