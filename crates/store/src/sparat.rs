//! Forms kept across an ended session (issue 20, item 1: nothing typed is lost). A staff
//! member whose session timed out while writing posts the form anyway; the web layer keeps
//! it here for that user, and gives it back after the next login. Only the same user can
//! take it, once, within `SPARAS`.

use lots_domain::ids::AnvandarId;
use time::{Duration, OffsetDateTime};

use crate::{Inloggning, StoreError, las_tid, tidstext};

/// How long a kept form waits for its user: long enough for a lunch break or a meeting, short
/// enough that typed personal data does not linger.
pub const SPARAS: Duration = Duration::hours(4);

/// A kept form: where it was posted, and what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SparatFormular {
    pub id: String,
    pub sokvag: String,
    pub falt: Vec<(String, String)>,
    pub skapad: OffsetDateTime,
}

fn fran(r: &crate::db::Rad) -> Result<SparatFormular, StoreError> {
    Ok(SparatFormular {
        id: r.text("id")?,
        sokvag: r.text("sokvag")?,
        falt: serde_json::from_str(&r.text("falt")?)?,
        skapad: las_tid(&r.text("skapad")?)?,
    })
}

impl Inloggning<'_> {
    /// Keeps a form for `anvandare`; returns its id.
    pub async fn spara_formular(
        &self,
        anvandare: AnvandarId,
        sokvag: &str,
        falt: &[(String, String)],
        nu: OffsetDateTime,
    ) -> Result<String, StoreError> {
        let id = uuid::Uuid::now_v7().to_string();
        self.0
            .db
            .execute(
                "INSERT INTO sparat_formular (id, anvandare, sokvag, falt, skapad) VALUES ($1, $2, $3, $4, $5)",
                &[
                    id.clone().into(),
                    anvandare.to_string().into(),
                    sokvag.into(),
                    serde_json::to_string(falt)?.into(),
                    tidstext(nu).into(),
                ],
            )
            .await?;
        Ok(id)
    }

    /// The user's kept forms that have not expired, oldest first. Expired ones are removed.
    pub async fn sparade_formular(
        &self,
        anvandare: AnvandarId,
        nu: OffsetDateTime,
    ) -> Result<Vec<SparatFormular>, StoreError> {
        self.0
            .db
            .execute(
                "DELETE FROM sparat_formular WHERE skapad < $1",
                &[tidstext(nu - SPARAS).into()],
            )
            .await?;
        self.0
            .db
            .fetch_all(
                "SELECT id, sokvag, falt, skapad FROM sparat_formular WHERE anvandare = $1 ORDER BY skapad, id",
                &[anvandare.to_string().into()],
            )
            .await?
            .iter()
            .map(fran)
            .collect()
    }

    /// Takes a kept form back to the page it was posted to: only its own user, only before
    /// it expires, only once.
    pub async fn ta_sparat_formular(
        &self,
        id: &str,
        anvandare: AnvandarId,
        sokvag: &str,
        nu: OffsetDateTime,
    ) -> Result<Option<SparatFormular>, StoreError> {
        let nycklar = [
            id.into(),
            anvandare.to_string().into(),
            sokvag.into(),
            tidstext(nu - SPARAS).into(),
        ];
        let Some(r) = self
            .0
            .db
            .fetch_optional(
                "SELECT id, sokvag, falt, skapad FROM sparat_formular \
                 WHERE id = $1 AND anvandare = $2 AND sokvag = $3 AND skapad >= $4",
                &nycklar,
            )
            .await?
        else {
            return Ok(None);
        };
        self.0
            .db
            .execute(
                "DELETE FROM sparat_formular WHERE id = $1 AND anvandare = $2",
                &[id.into(), anvandare.to_string().into()],
            )
            .await?;
        fran(&r).map(Some)
    }
}
