//! What the reports need: the cases of the kommun that have a decision, with what the report may
//! say about the person (never the name). The domain selects (`lots_domain::rapport`).

use lots_domain::arende::{Arende, Handelse};
use lots_domain::identitet::{Identitet, IdentitetsTyp};
use lots_domain::ids::{BeslutId, KommunId};
use lots_domain::rapport::Avidentifierad;
use time::Date;

use crate::org::v;
use crate::{Rapporter, StoreError, datumtext};

/// A case with a decision, and the person's sex and birth date.
#[derive(Debug, Clone)]
pub struct RapportArende {
    pub arende: Arende,
    pub person: Avidentifierad,
    /// The person has skyddade personuppgifter: the policy decides who may open the case.
    pub skyddad: bool,
}

/// The reason given when an insats was interrupted: the folded case keeps only the dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Avbrottsorsak {
    pub beslut: BeslutId,
    pub datum: Date,
    pub orsak: String,
}

impl Rapporter<'_> {
    /// Every case of the kommun with at least one decision, oldest first.
    pub async fn arenden_med_beslut(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<RapportArende>, StoreError> {
        self.0.db
            .fetch_all(
                "SELECT a.tillstand, p.identitet_typ, p.identitet, p.skyddad FROM arende a JOIN person p ON p.id = a.person \
                 WHERE a.kommun = $1 AND a.id IN \
                 (SELECT h.arende FROM handelse h WHERE h.kommun = $1 AND h.kind = 'beslut_fattat') \
                 ORDER BY a.inkom, a.id",
                &[v(kommun)],
            )
            .await?
            .iter()
            .map(|r| {
                let typ = IdentitetsTyp::fran_kod(&r.text("identitet_typ")?)
                    .ok_or_else(|| StoreError::Korrupt("okänd identitetstyp".into()))?;
                let identitet = Identitet::fran_lagrat(typ, r.text("identitet")?);
                Ok(RapportArende {
                    arende: serde_json::from_str(&r.text("tillstand")?)?,
                    person: Avidentifierad::av(&identitet),
                    skyddad: r.int("skyddad")? != 0,
                })
            })
            .collect()
    }

    /// The reasons for every interruption of an insats in the kommun.
    pub async fn avbrottsorsaker(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<Avbrottsorsak>, StoreError> {
        let rader = self
            .0
            .db
            .fetch_all(
                "SELECT payload FROM handelse WHERE kommun = $1 AND kind = 'verkstallighet_avbruten' ORDER BY arende, seq",
                &[v(kommun)],
            )
            .await?;
        let mut ut = Vec::with_capacity(rader.len());
        for r in &rader {
            if let Handelse::VerkstallighetAvbruten {
                beslut,
                datum,
                orsak,
            } = serde_json::from_str::<Handelse>(&r.text("payload")?)?
            {
                ut.push(Avbrottsorsak {
                    beslut,
                    datum,
                    orsak,
                });
            }
        }
        Ok(ut)
    }
}

impl Rapporter<'_> {
    /// For `/metrics`: open bevakningar whose day has passed, per enhet of the kommun.
    pub async fn forsenade_bevakningar_per_enhet(
        &self,
        kommun: KommunId,
        idag: Date,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT e.namn, COUNT(*) AS n FROM bevakning b JOIN enhet e ON e.id = b.enhet \
                 WHERE b.kommun = $1 AND b.datum < $2 GROUP BY e.namn ORDER BY e.namn",
                &[v(kommun), datumtext(idag).into()],
            )
            .await?
            .iter()
            .map(|r| Ok((r.text("namn")?, r.int("n")?)))
            .collect()
    }
}
