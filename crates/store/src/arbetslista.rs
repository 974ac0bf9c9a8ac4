//! The handläggare's work list (issue 20 item 6): their open cases with the insatser and
//! the next deadline, and their own reminders ("ring Åsa fredag").

use lots_domain::arende::BevakningsTyp;
use lots_domain::ids::{AnvandarId, ArendeId, KommunId};
use lots_domain::insats::InsatsTyp;
use time::{Date, OffsetDateTime};

use crate::las::{ArendeRad, arende_fraga, arende_rad};
use crate::org::v;
use crate::{Arenden, StoreError, datumtext, tidstext};

/// One case of the work list.
#[derive(Debug, Clone)]
pub struct ArbetslistaRad {
    pub arende: ArendeRad,
    /// The insatser applied for, in the order applied.
    pub insatser: Vec<InsatsTyp>,
    /// The case's next bevakning: its day and kind.
    pub nasta: Option<(Date, BevakningsTyp)>,
}

/// A reminder a handläggare wrote for themself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paminnelse {
    pub id: String,
    pub datum: Date,
    pub text: String,
    pub arende: Option<ArendeId>,
}

impl Arenden<'_> {
    /// The user's open cases, oldest first, each with its insatser and its next bevakning:
    /// one index range over the user's cases and a key lookup per case.
    pub async fn arbetslista(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
    ) -> Result<Vec<ArbetslistaRad>, StoreError> {
        const SQL: &str = arende_fraga!(
            ", a.insatser, (SELECT MIN(b.datum) FROM bevakning b WHERE b.arende = a.id AND b.kommun = a.kommun) AS frist_datum, \
             (SELECT b.typ FROM bevakning b WHERE b.arende = a.id AND b.kommun = a.kommun ORDER BY b.datum, b.typ LIMIT 1) AS frist_typ",
            "WHERE a.kommun = $1 AND a.handlaggare = $2 AND a.status <> 'avslutat' ORDER BY a.inkom, a.id"
        );
        self.0
            .db
            .fetch_all(SQL, &[v(kommun), v(anvandare)])
            .await?
            .iter()
            .map(|r| {
                let insatser = r
                    .text("insatser")?
                    .split(',')
                    .filter_map(InsatsTyp::fran_kod)
                    .fold(vec![], |mut ut, i| {
                        if !ut.contains(&i) {
                            ut.push(i);
                        }
                        ut
                    });
                let nasta = match (r.opt_text("frist_datum")?, r.opt_text("frist_typ")?) {
                    (Some(d), Some(t)) => Some((
                        crate::las_datum(&d)?,
                        BevakningsTyp::fran_kod(&t)
                            .ok_or_else(|| StoreError::Korrupt("okänd bevakning".into()))?,
                    )),
                    _ => None,
                };
                Ok(ArbetslistaRad {
                    arende: arende_rad(r)?,
                    insatser,
                    nasta,
                })
            })
            .collect()
    }

    /// Writes a reminder for its author.
    pub async fn skapa_paminnelse(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
        datum: Date,
        text: &str,
        arende: Option<ArendeId>,
        nu: OffsetDateTime,
    ) -> Result<String, StoreError> {
        let id = uuid::Uuid::now_v7().to_string();
        self.0
            .db
            .execute(
                "INSERT INTO paminnelse (kommun, id, anvandare, datum, text, arende, skapad) VALUES ($7, $1, $2, $3, $4, $5, $6)",
                &[
                    id.clone().into(),
                    v(anvandare),
                    datumtext(datum).into(),
                    text.into(),
                    crate::db::V::T(arende.map(|a| a.to_string())),
                    tidstext(nu).into(),
                    v(kommun),
                ],
            )
            .await?;
        Ok(id)
    }

    /// The author's reminders, by day.
    pub async fn paminnelser(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
    ) -> Result<Vec<Paminnelse>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT id, datum, text, arende FROM paminnelse WHERE kommun = $1 AND anvandare = $2 \
                 ORDER BY datum, skapad, id",
                &[v(kommun), v(anvandare)],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(Paminnelse {
                    id: r.text("id")?,
                    datum: r.datum("datum")?,
                    text: r.text("text")?,
                    arende: r.opt_parse("arende")?,
                })
            })
            .collect()
    }

    /// A reminder done is deleted: only its author's. Whether there was one.
    pub async fn paminnelse_klar(
        &self,
        kommun: KommunId,
        id: &str,
        anvandare: AnvandarId,
    ) -> Result<bool, StoreError> {
        let n = self
            .0
            .db
            .execute(
                "DELETE FROM paminnelse WHERE kommun = $3 AND id = $1 AND anvandare = $2",
                &[id.into(), v(anvandare), v(kommun)],
            )
            .await?;
        Ok(n > 0)
    }
}
