//! Reads for the dialogue with the person (messages, komplettering) that span
//! the person's cases. Everything is read from the cases' projected states:
//! the dialogue has no tables of its own.

use lots_domain::arende::{Arende, Handlingstyp};
use lots_domain::ids::{ArendeId, KommunId, PersonId};
use time::Date;

use crate::org::v;
use crate::{Arenden, StoreError};

impl Arenden<'_> {
    /// The kinds of document accepted in any of the person's cases: (kind, day
    /// accepted, case), newest first. A handläggare who asks for one of them again
    /// must say why (`Kommando::BegarKomplettering::redan_inlamnade`). Not audited
    /// here: the caller audits the step or page that uses it.
    pub async fn godtagna_handlingar(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Vec<(Handlingstyp, Date, ArendeId)>, StoreError> {
        let rader = self
            .0
            .db
            .fetch_all(
                "SELECT id, tillstand FROM arende WHERE kommun = $1 AND person = $2 ORDER BY id",
                &[v(kommun), v(person)],
            )
            .await?;
        let mut ut = vec![];
        for r in rader {
            let id: ArendeId = r.parse("id")?;
            let a: Arende = serde_json::from_str(&r.text("tillstand")?)?;
            ut.extend(
                a.godtagna_handlingar()
                    .into_iter()
                    .map(|(typ, datum)| (typ, datum, id)),
            );
        }
        ut.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)).then(x.2.cmp(&y.2)));
        Ok(ut)
    }
}
