//! Riksnorm tables a kommun has added (issue 15, item 2). The years Lots ships
//! with are the domain's ([`Riksnorm::inbyggda`]) and cannot be replaced here: a
//! correction of a shipped year comes with a release, so that every kommun computes
//! the same law. A later year is added by the kommun's systemförvaltare, versioned,
//! and audited in the same transaction.

use lots_domain::forsorjningsstod::riksnorm::Riksnorm;
use lots_domain::ids::KommunId;
use time::OffsetDateTime;

use crate::db::Rad;
use crate::kedja::{Aktor, Granskningspost, skriv_granskning};
use crate::org::v;
use crate::{Organisation, Store, StoreError, las_tid, tidstext};

/// The next version number: one above the highest that `sql` (a `MAX(version)`
/// as `v`, 0 when none) finds, read in the transaction that inserts it.
pub(crate) async fn nasta_version(
    tx: &mut crate::db::Tx,
    sql: &'static str,
    params: &[crate::db::V],
) -> Result<i64, StoreError> {
    Ok(tx
        .fetch_optional(sql, params)
        .await?
        .map(|r| r.int("v"))
        .transpose()?
        .unwrap_or(0)
        + 1)
}

/// An added year's newest version, and who saved it.
#[derive(Debug, Clone)]
pub struct TillagdRiksnorm {
    pub tabell: Riksnorm,
    pub version: i64,
    pub sparad: OffsetDateTime,
    pub sparad_av: Option<String>,
}

fn fran_rad(r: &Rad) -> Result<TillagdRiksnorm, StoreError> {
    Ok(TillagdRiksnorm {
        tabell: serde_json::from_str(&r.text("tabell")?)?,
        version: r.int("version")?,
        sparad: las_tid(&r.text("sparad")?)?,
        sparad_av: r.opt_text("sparad_av_namn")?,
    })
}

/// The newest version of each added year, newest year first.
const TILLAGDA: &str = "SELECT r.ar, r.version, r.tabell, r.sparad, u.namn AS sparad_av_namn FROM riksnorm r \
     LEFT JOIN anvandare u ON u.id = r.sparad_av AND u.kommun = r.kommun \
     WHERE r.kommun = $1 AND r.version = (SELECT MAX(version) FROM riksnorm s WHERE s.kommun = r.kommun AND s.ar = r.ar) \
     ORDER BY r.ar DESC";

impl Organisation<'_> {
    /// The years the kommun has added, newest version of each.
    pub async fn riksnorm_tillagda(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<TillagdRiksnorm>, StoreError> {
        self.0
            .db
            .fetch_all(TILLAGDA, &[v(kommun)])
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// Every table the kommun computes with: the shipped years and its own, by year.
    pub async fn riksnormer(&self, kommun: KommunId) -> Result<Vec<Riksnorm>, StoreError> {
        let mut alla = Riksnorm::inbyggda();
        for t in self.riksnorm_tillagda(kommun).await? {
            if !alla.iter().any(|a| a.ar == t.tabell.ar) {
                alla.push(t.tabell);
            }
        }
        alla.sort_by_key(|t| t.ar);
        Ok(alla)
    }

    /// Saves a year's table as a new version and returns the version. The table is
    /// checked first; a shipped year is refused.
    pub async fn spara_riksnorm(
        &self,
        kommun: KommunId,
        tabell: &Riksnorm,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        tabell
            .kontrollera()
            .map_err(|e| StoreError::Konflikt(e.to_string()))?;
        if lots_domain::forsorjningsstod::riksnorm::foljer_med(tabell.ar) {
            return Err(StoreError::Konflikt(format!(
                "Riksnormen för {} följer med Lots och kan inte ändras här.",
                tabell.ar
            )));
        }
        let mut tx = self.0.db.begin().await?;
        let version = nasta_version(
            &mut tx,
            "SELECT COALESCE(MAX(version), 0) AS v FROM riksnorm WHERE kommun = $1 AND ar = $2",
            &[v(kommun), i64::from(tabell.ar).into()],
        )
        .await?;
        let tid = tidstext(nu);
        tx.execute(
            "INSERT INTO riksnorm (kommun, ar, version, tabell, sparad, sparad_av) VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                v(kommun),
                i64::from(tabell.ar).into(),
                version.into(),
                serde_json::to_string(tabell)?.into(),
                tid.as_str().into(),
                aktor.id.to_string().into(),
            ],
        )
        .await?;
        let post = Granskningspost::ny(format!("admin.riksnorm.spara:{}:{version}", tabell.ar));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await?;
        Ok(version)
    }
}

/// The kommun's guideline amounts for rent, household sizes 1–7 (7: seven or more).
pub type Hyresriktvarden = [i64; 7];

impl Organisation<'_> {
    /// The newest guideline amounts for rent, if the kommun has set any.
    pub async fn hyresriktvarden(
        &self,
        kommun: KommunId,
    ) -> Result<Option<Hyresriktvarden>, StoreError> {
        self.0
            .db
            .fetch_optional(
                "SELECT belopp FROM hyresriktvarden WHERE kommun = $1 ORDER BY version DESC LIMIT 1",
                &[v(kommun)],
            )
            .await?
            .map(|r| Ok(serde_json::from_str(&r.text("belopp")?)?))
            .transpose()
    }

    /// Saves the guideline amounts as a new version, audited in the same transaction.
    pub async fn spara_hyresriktvarden(
        &self,
        kommun: KommunId,
        belopp: &Hyresriktvarden,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        if belopp.iter().any(|b| !(1..=100_000).contains(b)) {
            return Err(StoreError::Konflikt(
                "Varje riktvärde ska vara ett belopp i hela kronor, 1–100 000.".into(),
            ));
        }
        let mut tx = self.0.db.begin().await?;
        let version = nasta_version(
            &mut tx,
            "SELECT COALESCE(MAX(version), 0) AS v FROM hyresriktvarden WHERE kommun = $1",
            &[v(kommun)],
        )
        .await?;
        let tid = tidstext(nu);
        tx.execute(
            "INSERT INTO hyresriktvarden (kommun, version, belopp, sparad, sparad_av) VALUES ($1, $2, $3, $4, $5)",
            &[
                v(kommun),
                version.into(),
                serde_json::to_string(belopp)?.into(),
                tid.as_str().into(),
                aktor.id.to_string().into(),
            ],
        )
        .await?;
        let post = Granskningspost::ny(format!("admin.hyresriktvarden.spara:{version}"));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await?;
        Ok(version)
    }
}

impl Organisation<'_> {
    /// The kommun's attest limit for payments, if it has set one.
    pub async fn attestgrans(&self, kommun: KommunId) -> Result<Option<i64>, StoreError> {
        self.0
            .db
            .fetch_optional(
                "SELECT belopp FROM attestgrans WHERE kommun = $1 ORDER BY version DESC LIMIT 1",
                &[v(kommun)],
            )
            .await?
            .map(|r| r.int("belopp"))
            .transpose()
    }

    /// Saves the attest limit as a new version, audited in the same transaction.
    pub async fn spara_attestgrans(
        &self,
        kommun: KommunId,
        belopp: i64,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        if !(0..=1_000_000).contains(&belopp) {
            return Err(StoreError::Konflikt(
                "Gränsen ska vara ett belopp i hela kronor, 0–1 000 000.".into(),
            ));
        }
        let mut tx = self.0.db.begin().await?;
        let version = nasta_version(
            &mut tx,
            "SELECT COALESCE(MAX(version), 0) AS v FROM attestgrans WHERE kommun = $1",
            &[v(kommun)],
        )
        .await?;
        let tid = tidstext(nu);
        tx.execute(
            "INSERT INTO attestgrans (kommun, version, belopp, sparad, sparad_av) VALUES ($1, $2, $3, $4, $5)",
            &[
                v(kommun),
                version.into(),
                belopp.into(),
                tid.as_str().into(),
                aktor.id.to_string().into(),
            ],
        )
        .await?;
        let post = Granskningspost::ny(format!("admin.attestgrans.spara:{version}"));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await?;
        Ok(version)
    }
}

/// What the public API answers for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublikRiksnorm {
    Finns(Riksnorm),
    Saknas,
    /// Kommuner in this installation have saved different amounts for the year: the
    /// national norm is one, so the API answers none rather than pick one.
    Oenig,
}

impl Store {
    /// The national table for a year, for the public API: a shipped year, or a year
    /// added in this installation on which every kommun that added it agrees.
    pub async fn riksnorm_publik(&self, ar: i32) -> Result<PublikRiksnorm, StoreError> {
        if let Some(t) = Riksnorm::inbyggda().into_iter().find(|t| t.ar == ar) {
            return Ok(PublikRiksnorm::Finns(t));
        }
        let rader = self
            .db
            .fetch_all(
                "SELECT r.tabell FROM riksnorm r WHERE r.ar = $1 \
                 AND r.version = (SELECT MAX(version) FROM riksnorm s WHERE s.kommun = r.kommun AND s.ar = r.ar)",
                &[i64::from(ar).into()],
            )
            .await?;
        let mut tabeller = rader
            .iter()
            .map(|r| Ok(serde_json::from_str::<Riksnorm>(&r.text("tabell")?)?))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let Some(forsta) = tabeller.pop() else {
            return Ok(PublikRiksnorm::Saknas);
        };
        if tabeller.iter().any(|t| *t != forsta) {
            return Ok(PublikRiksnorm::Oenig);
        }
        Ok(PublikRiksnorm::Finns(forsta))
    }
}
