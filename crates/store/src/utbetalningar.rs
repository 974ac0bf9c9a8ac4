//! The payments projection (issue 15, item 8): each case's payments as rows, so the
//! unit's list of payments to attest and send is an index range. The case's events
//! stay the truth; these rows are rewritten from its state in the step's transaction.

use lots_domain::Arende;
use lots_domain::forsorjningsstod::utbetalning::{Konto, Mottagare};
use lots_domain::ids::{ArendeId, EnhetId, KommunId, PersonId, UtbetalningId};
use time::Date;

use crate::db::{Rad, Tx, V};
use crate::org::v;
use crate::{Arenden, StoreError};

pub(crate) const UTBETALNING: &str = "utbetalning (id, kommun, enhet, arende, person, beslut, manad, hyresvard, konto, belopp, dag, lage, registrerad_av)";

/// The case's payment rows, as its state gives them now.
pub(crate) async fn skriv_utbetalningar(
    tx: &mut Tx,
    a: &Arende,
    kommun: KommunId,
) -> Result<(), StoreError> {
    tx.execute("DELETE FROM utbetalning WHERE arende = $1", &[v(a.id)])
        .await?;
    tx.infoga(UTBETALNING, &utbetalningsrader(a, kommun)?).await
}

/// The rows of `utbetalning` for a case, for `Tx::infoga`.
pub(crate) fn utbetalningsrader(a: &Arende, kommun: KommunId) -> Result<Vec<Vec<V>>, StoreError> {
    let mut rader: Vec<Vec<V>> = Vec::with_capacity(a.utbetalningar.len());
    for u in &a.utbetalningar {
        rader.push(vec![
            v(u.id),
            v(kommun),
            v(a.enhet),
            v(a.id),
            v(a.person),
            v(u.beslut),
            u.manad.to_string().into(),
            V::T(match &u.mottagare {
                Mottagare::Enskild => None,
                Mottagare::Hyresvard { namn } => Some(namn.clone()),
            }),
            serde_json::to_string(&u.konto)?.into(),
            u.belopp.into(),
            u.dag.to_string().into(),
            u.lage().kod().into(),
            v(u.registrerad_av),
        ]);
    }
    Ok(rader)
}

/// A payment as the unit's list shows it.
#[derive(Debug, Clone)]
pub struct UtbetalningRad {
    pub id: UtbetalningId,
    pub arende: ArendeId,
    pub person: PersonId,
    pub person_namn: String,
    pub person_skyddad: bool,
    pub enhet: EnhetId,
    pub handlaggare: Option<lots_domain::ids::AnvandarId>,
    pub manad: String,
    /// `None`: to the person; else the landlord.
    pub hyresvard: Option<String>,
    pub konto: Konto,
    pub belopp: i64,
    pub dag: Date,
    /// "attest" or "klar".
    pub lage: String,
}

fn rad(r: &Rad) -> Result<UtbetalningRad, StoreError> {
    Ok(UtbetalningRad {
        id: r.parse("id")?,
        arende: r.parse("arende")?,
        person: r.parse("person")?,
        person_namn: format!("{} {}", r.text("fornamn")?, r.text("efternamn")?),
        person_skyddad: r.int("skyddad")? != 0,
        enhet: r.parse("enhet")?,
        handlaggare: r.opt_parse("handlaggare")?,
        manad: r.text("manad")?,
        hyresvard: r.opt_text("hyresvard")?,
        konto: serde_json::from_str(&r.text("konto")?)?,
        belopp: r.int("belopp")?,
        dag: r.datum("dag")?,
        lage: r.text("lage")?,
    })
}

impl Arenden<'_> {
    /// The months in which the person was paid försörjningsstöd in cases other than
    /// `utom`: what jobbstimulans counts besides the case's own months.
    pub async fn manader_med_utbetalning(
        &self,
        person: PersonId,
        utom: ArendeId,
    ) -> Result<Vec<lots_domain::forsorjningsstod::Manad>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT DISTINCT manad FROM utbetalning WHERE person = $1 AND lage = 'skickad' AND arende <> $2",
                &[v(person), v(utom)],
            )
            .await?
            .iter()
            .map(|r| r.parse("manad"))
            .collect()
    }

    /// The unit's payments still to go out (waiting for attest, or ready), by day.
    pub async fn utbetalningar_att_gora(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
    ) -> Result<Vec<UtbetalningRad>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT u.id, u.arende, u.person, u.enhet, u.manad, u.hyresvard, u.konto, u.belopp, u.dag, u.lage, \
                 p.fornamn, p.efternamn, p.skyddad, a.handlaggare \
                 FROM utbetalning u JOIN person p ON p.id = u.person AND p.kommun = u.kommun JOIN arende a ON a.id = u.arende AND a.kommun = u.kommun \
                 WHERE u.kommun = $1 AND u.enhet = $2 AND u.lage IN ('attest', 'klar') \
                 ORDER BY u.dag, u.id",
                &[v(kommun), v(enhet)],
            )
            .await?
            .iter()
            .map(rad)
            .collect()
    }
}
