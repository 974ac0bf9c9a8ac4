//! Forms kept for their writer (issue 20, item 1: nothing typed is lost), of two kinds
//! (`Slag`). A staff member whose session timed out while writing posts the form anyway;
//! the web layer keeps it here for that user, and gives it back after the next login: only
//! the same user can take it, once, within `SPARAS`. A draft (utkast) is a step's form its
//! writer saved on purpose to finish later: kept `UTKAST_SPARAS`, restored as often as
//! wanted, removed when the step is taken from it or its writer deletes it. Neither kind is
//! ever read for anyone but its writer.

use lots_domain::ids::{AnvandarId, KommunId};
use time::{Duration, OffsetDateTime};

use crate::{Inloggning, StoreError, las_tid, tidstext};

/// How long a kept form waits for its user: long enough for a lunch break or a meeting, short
/// enough that typed personal data does not linger.
pub const SPARAS: Duration = Duration::hours(4);

/// How long a draft waits for its writer. It holds personal data typed about a case, so it
/// is kept no longer than finishing a text plausibly takes (an utredning written over a few
/// weeks, a holiday in between) and is then removed by itself; a month, counted from the
/// last time it was saved. Only its writer ever reads it.
pub const UTKAST_SPARAS: Duration = Duration::days(30);

/// The most drafts one user keeps at a time: far above any working day's need, and a bound
/// on what one account can store.
pub const UTKAST_PER_ANVANDARE: i64 = 50;

/// What a kept form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slag {
    /// Posted after its session ended: taken once, within `SPARAS`.
    Utgangen,
    /// A draft its writer saved: kept `UTKAST_SPARAS` from its last save.
    Utkast,
}

impl Slag {
    /// When a form of this kind saved at `skapad` is no longer kept.
    pub fn upphor(self, skapad: OffsetDateTime) -> OffsetDateTime {
        skapad
            + match self {
                Slag::Utgangen => SPARAS,
                Slag::Utkast => UTKAST_SPARAS,
            }
    }
}

/// A kept form: where it was posted, and what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SparatFormular {
    pub id: String,
    pub slag: Slag,
    pub sokvag: String,
    pub falt: Vec<(String, String)>,
    /// When it was kept: for a draft, its last save.
    pub skapad: OffsetDateTime,
}

/// Whether a draft was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Utkastsvar {
    /// Kept under this id.
    Sparat(String),
    /// The user already keeps `UTKAST_PER_ANVANDARE` drafts: nothing was kept.
    ForManga,
}

fn fran(r: &crate::db::Rad) -> Result<SparatFormular, StoreError> {
    let slag = match r.text("slag")?.as_str() {
        "utgangen" => Slag::Utgangen,
        "utkast" => Slag::Utkast,
        annat => {
            return Err(StoreError::Korrupt(format!(
                "sparat_formular: okänt slag {annat}"
            )));
        }
    };
    Ok(SparatFormular {
        id: r.text("id")?,
        slag,
        sokvag: r.text("sokvag")?,
        falt: serde_json::from_str(&r.text("falt")?)?,
        skapad: las_tid(&r.text("skapad")?)?,
    })
}

impl Inloggning<'_> {
    /// Keeps a form posted after `anvandare`'s session ended; returns its id.
    pub async fn spara_formular(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
        sokvag: &str,
        falt: &[(String, String)],
        nu: OffsetDateTime,
    ) -> Result<String, StoreError> {
        let id = uuid::Uuid::now_v7().to_string();
        self.0
            .db
            .execute(
                "INSERT INTO sparat_formular (kommun, id, anvandare, sokvag, falt, skapad) VALUES ($6, $1, $2, $3, $4, $5)",
                &[
                    id.clone().into(),
                    anvandare.to_string().into(),
                    sokvag.into(),
                    serde_json::to_string(falt)?.into(),
                    tidstext(nu).into(),
                    kommun.to_string().into(),
                ],
            )
            .await?;
        Ok(id)
    }

    /// Removes every kept form of either kind that has expired; returns how many. `serve`
    /// runs it regularly, so typed personal data does not outlive its time when its writer
    /// never comes back. A sweep over every kommun the database holds, on purpose (on
    /// Citus a multi-shard delete, docs/citus.md).
    pub async fn rensa_sparade_formular(&self, nu: OffsetDateTime) -> Result<u64, StoreError> {
        self.0
            .db
            .execute(
                "DELETE FROM sparat_formular WHERE (slag = 'utgangen' AND skapad < $1) \
                 OR (slag = 'utkast' AND skapad < $2)",
                &[
                    tidstext(nu - SPARAS).into(),
                    tidstext(nu - UTKAST_SPARAS).into(),
                ],
            )
            .await
    }

    /// The user's kept forms of both kinds that have not expired, oldest first. Expired ones
    /// are removed.
    pub async fn sparade_formular(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
        nu: OffsetDateTime,
    ) -> Result<Vec<SparatFormular>, StoreError> {
        // The kommun's expired forms only: the page names one kommun (docs/citus.md).
        self.0
            .db
            .execute(
                "DELETE FROM sparat_formular WHERE kommun = $3 AND ((slag = 'utgangen' AND skapad < $1) \
                 OR (slag = 'utkast' AND skapad < $2))",
                &[
                    tidstext(nu - SPARAS).into(),
                    tidstext(nu - UTKAST_SPARAS).into(),
                    kommun.to_string().into(),
                ],
            )
            .await?;
        self.0
            .db
            .fetch_all(
                "SELECT id, slag, sokvag, falt, skapad FROM sparat_formular WHERE kommun = $2 AND anvandare = $1 ORDER BY skapad, id",
                &[anvandare.to_string().into(), kommun.to_string().into()],
            )
            .await?
            .iter()
            .map(fran)
            .collect()
    }

    /// Whether a form kept across an ended session waits for the user (the login goes to it first).
    pub async fn har_utgangna_formular(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
        nu: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        Ok(self
            .0
            .db
            .fetch_optional(
                "SELECT id FROM sparat_formular WHERE kommun = $3 AND anvandare = $1 AND slag = 'utgangen' AND skapad >= $2",
                &[
                    anvandare.to_string().into(),
                    tidstext(nu - SPARAS).into(),
                    kommun.to_string().into(),
                ],
            )
            .await?
            .is_some())
    }

    /// Keeps a draft of the form at `sokvag` for `anvandare`. `ersatter` is the draft the
    /// form was restored from: saved again, it is that draft, updated; otherwise a new one
    /// is kept beside any others, so a draft is never overwritten by a form that did not
    /// start from it.
    pub async fn spara_utkast(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
        sokvag: &str,
        falt: &[(String, String)],
        ersatter: Option<&str>,
        nu: OffsetDateTime,
    ) -> Result<Utkastsvar, StoreError> {
        let json = serde_json::to_string(falt)?;
        if let Some(id) = ersatter {
            let n = self
                .0
                .db
                .execute(
                    "UPDATE sparat_formular SET falt = $1, skapad = $2 \
                     WHERE kommun = $7 AND id = $3 AND anvandare = $4 AND sokvag = $5 AND slag = 'utkast' AND skapad >= $6",
                    &[
                        json.clone().into(),
                        tidstext(nu).into(),
                        id.into(),
                        anvandare.to_string().into(),
                        sokvag.into(),
                        tidstext(nu - UTKAST_SPARAS).into(),
                        kommun.to_string().into(),
                    ],
                )
                .await?;
            if n == 1 {
                return Ok(Utkastsvar::Sparat(id.to_owned()));
            }
        }
        let antal = self
            .0
            .db
            .fetch_optional(
                "SELECT COUNT(*) AS n FROM sparat_formular WHERE kommun = $3 AND anvandare = $1 AND slag = 'utkast' AND skapad >= $2",
                &[
                    anvandare.to_string().into(),
                    tidstext(nu - UTKAST_SPARAS).into(),
                    kommun.to_string().into(),
                ],
            )
            .await?
            .map(|r| r.int("n"))
            .transpose()?
            .unwrap_or(0);
        if antal >= UTKAST_PER_ANVANDARE {
            return Ok(Utkastsvar::ForManga);
        }
        let id = uuid::Uuid::now_v7().to_string();
        self.0
            .db
            .execute(
                "INSERT INTO sparat_formular (kommun, id, anvandare, sokvag, falt, skapad, slag) VALUES ($6, $1, $2, $3, $4, $5, 'utkast')",
                &[
                    id.clone().into(),
                    anvandare.to_string().into(),
                    sokvag.into(),
                    json.into(),
                    tidstext(nu).into(),
                    kommun.to_string().into(),
                ],
            )
            .await?;
        Ok(Utkastsvar::Sparat(id))
    }

    /// The user's drafts of the form at `sokvag` that have not expired, newest first.
    pub async fn utkast_for_sida(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
        sokvag: &str,
        nu: OffsetDateTime,
    ) -> Result<Vec<SparatFormular>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT id, slag, sokvag, falt, skapad FROM sparat_formular \
                 WHERE kommun = $4 AND anvandare = $1 AND sokvag = $2 AND slag = 'utkast' AND skapad >= $3 \
                 ORDER BY skapad DESC, id DESC",
                &[
                    anvandare.to_string().into(),
                    sokvag.into(),
                    tidstext(nu - UTKAST_SPARAS).into(),
                    kommun.to_string().into(),
                ],
            )
            .await?
            .iter()
            .map(fran)
            .collect()
    }

    /// One draft, for the page it belongs to: only its writer's, only before it expires.
    /// It stays kept (restoring it again, or from another tab, works).
    pub async fn utkast(
        &self,
        kommun: KommunId,
        id: &str,
        anvandare: AnvandarId,
        sokvag: &str,
        nu: OffsetDateTime,
    ) -> Result<Option<SparatFormular>, StoreError> {
        self.0
            .db
            .fetch_optional(
                "SELECT id, slag, sokvag, falt, skapad FROM sparat_formular \
                 WHERE kommun = $5 AND id = $1 AND anvandare = $2 AND sokvag = $3 AND slag = 'utkast' AND skapad >= $4",
                &[
                    id.into(),
                    anvandare.to_string().into(),
                    sokvag.into(),
                    tidstext(nu - UTKAST_SPARAS).into(),
                    kommun.to_string().into(),
                ],
            )
            .await?
            .as_ref()
            .map(fran)
            .transpose()
    }

    /// Removes a kept form of either kind, if it is the user's; returns what it was.
    pub async fn ta_bort_sparat(
        &self,
        kommun: KommunId,
        id: &str,
        anvandare: AnvandarId,
    ) -> Result<Option<SparatFormular>, StoreError> {
        let nycklar = [
            id.into(),
            anvandare.to_string().into(),
            kommun.to_string().into(),
        ];
        let Some(r) = self
            .0
            .db
            .fetch_optional(
                "SELECT id, slag, sokvag, falt, skapad FROM sparat_formular WHERE kommun = $3 AND id = $1 AND anvandare = $2",
                &nycklar,
            )
            .await?
        else {
            return Ok(None);
        };
        self.0
            .db
            .execute(
                "DELETE FROM sparat_formular WHERE kommun = $3 AND id = $1 AND anvandare = $2",
                &nycklar,
            )
            .await?;
        fran(&r).map(Some)
    }

    /// Removes the draft a step was taken from: only the user's, only of that page.
    pub async fn ta_bort_utkast(
        &self,
        kommun: KommunId,
        id: &str,
        anvandare: AnvandarId,
        sokvag: &str,
    ) -> Result<bool, StoreError> {
        Ok(self
            .0
            .db
            .execute(
                "DELETE FROM sparat_formular WHERE kommun = $4 AND id = $1 AND anvandare = $2 AND sokvag = $3 AND slag = 'utkast'",
                &[
                    id.into(),
                    anvandare.to_string().into(),
                    sokvag.into(),
                    kommun.to_string().into(),
                ],
            )
            .await?
            == 1)
    }

    /// Takes a kept form back to the page it was posted to: only its own user, only before
    /// it expires, only once.
    pub async fn ta_sparat_formular(
        &self,
        kommun: KommunId,
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
            kommun.to_string().into(),
        ];
        let Some(r) = self
            .0
            .db
            .fetch_optional(
                "SELECT id, slag, sokvag, falt, skapad FROM sparat_formular \
                 WHERE kommun = $5 AND id = $1 AND anvandare = $2 AND sokvag = $3 AND slag = 'utgangen' AND skapad >= $4",
                &nycklar,
            )
            .await?
        else {
            return Ok(None);
        };
        self.0
            .db
            .execute(
                "DELETE FROM sparat_formular WHERE kommun = $3 AND id = $1 AND anvandare = $2",
                &[
                    id.into(),
                    anvandare.to_string().into(),
                    kommun.to_string().into(),
                ],
            )
            .await?;
        fran(&r).map(Some)
    }
}
