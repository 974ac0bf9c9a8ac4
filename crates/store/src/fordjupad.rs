//! The choices about a deepened investigation (issue 16, item 4) as rows, so the month
//! calculated in the person's next case knows a run of aid was already answered. The case's
//! events stay the truth; these rows are rewritten from its state in the step's transaction.

use lots_domain::Arende;
use lots_domain::forsorjningsstod::fordjupad::FordjupadVal;
use lots_domain::ids::{ArendeId, KommunId, PersonId};

use crate::db::{Tx, V};
use crate::org::v;
use crate::{Arenden, StoreError};

pub(crate) const FORDJUPAD_VAL: &str =
    "fordjupad_val (arende, person, kommun, fran, datum, inleds, skal)";

/// The case's choices about a deepened investigation, as its state gives them now.
pub(crate) async fn skriv_fordjupade_val(
    tx: &mut Tx,
    a: &Arende,
    kommun: KommunId,
) -> Result<(), StoreError> {
    tx.execute("DELETE FROM fordjupad_val WHERE arende = $1", &[v(a.id)])
        .await?;
    tx.infoga(FORDJUPAD_VAL, &fordjupade_valrader(a, kommun))
        .await
}

/// The rows of `fordjupad_val` for a case: its choices, one per run of aid.
pub(crate) fn fordjupade_valrader(a: &Arende, kommun: KommunId) -> Vec<Vec<V>> {
    a.fordjupad
        .iter()
        .map(|val| {
            vec![
                v(a.id),
                v(a.person),
                v(kommun),
                val.fran.to_string().into(),
                val.datum.to_string().into(),
                i64::from(val.inleds).into(),
                val.skal.clone().into(),
            ]
        })
        .collect()
}

impl Arenden<'_> {
    /// The choices about a deepened investigation made in the person's other cases, so the
    /// month's calculation does not ask again for a run already answered.
    pub async fn fordjupade_val(
        &self,
        person: PersonId,
        utom: ArendeId,
    ) -> Result<Vec<FordjupadVal>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT fran, datum, inleds, skal FROM fordjupad_val WHERE person = $1 AND arende <> $2",
                &[v(person), v(utom)],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(FordjupadVal {
                    fran: r.parse("fran")?,
                    datum: crate::las_datum(&r.text("datum")?)?,
                    inleds: r.int("inleds")? != 0,
                    skal: r.text("skal")?,
                })
            })
            .collect()
    }
}
