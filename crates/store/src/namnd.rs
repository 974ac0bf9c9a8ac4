//! The nämnd's own particulars for its letters, and the cases' diarienummer.
//!
//! The particulars (postal address, phone, e-mail, the competent förvaltningsrätt)
//! are per kommun and versioned: a change is a new version, old ones are kept, and
//! a letter records the version it was written with. A letter is not produced while
//! they are missing (FL 33 §: the appeal instructions must say where to send the
//! appeal and which court hears it).

use lots_domain::ids::*;
use time::{Date, OffsetDateTime};

use crate::db::{Rad, Tx};
use crate::kedja::{Aktor, Granskningspost, skriv_granskning};
use crate::org::v;
use crate::{Organisation, Store, StoreError, las_tid, tidstext};

/// The prefix of a diarienummer while the kommun has set none: socialnämnden.
pub const DIARIEPREFIX: &str = "SN";

/// What the systemförvaltare fills in, as one version.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Namnduppgifter {
    /// The nämnd's name as printed, e.g. "Socialnämnden".
    pub namnd: String,
    /// One address line per entry: where letters and appeals are sent.
    pub postadress: Vec<String>,
    pub telefon: String,
    /// Empty when the nämnd has no functional mailbox to print.
    pub epost: String,
    /// The court that hears appeals, e.g. "Förvaltningsrätten i Luleå".
    pub forvaltningsratt: String,
    /// The first part of the case's diarienummer, e.g. "SN".
    pub diarieprefix: String,
}

impl Namnduppgifter {
    /// What a letter needs and is missing, in Swedish, in the order of the form.
    pub fn saknas(&self) -> Vec<&'static str> {
        let mut ut = vec![];
        if self.namnd.trim().is_empty() {
            ut.push("nämndens namn");
        }
        if self.postadress.iter().all(|r| r.trim().is_empty()) {
            ut.push("postadress");
        }
        if self.telefon.trim().is_empty() {
            ut.push("telefonnummer");
        }
        if self.forvaltningsratt.trim().is_empty() {
            ut.push("förvaltningsrätt");
        }
        ut
    }

    /// The address lines, trimmed, without empty ones.
    pub fn adressrader(&self) -> Vec<String> {
        self.postadress
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// One stored version and who made it.
#[derive(Debug, Clone)]
pub struct NamnduppgifterVersion {
    pub version: i64,
    pub uppgifter: Namnduppgifter,
    pub andrad: OffsetDateTime,
    /// The name of the user who saved it; `None` when set at installation.
    pub andrad_av: Option<String>,
}

fn version_fran(r: &Rad) -> Result<NamnduppgifterVersion, StoreError> {
    Ok(NamnduppgifterVersion {
        version: r.int("version")?,
        uppgifter: Namnduppgifter {
            namnd: r.text("namnd")?,
            postadress: r.text("postadress")?.lines().map(str::to_owned).collect(),
            telefon: r.text("telefon")?,
            epost: r.opt_text("epost")?.unwrap_or_default(),
            forvaltningsratt: r.text("forvaltningsratt")?,
            diarieprefix: r.text("diarieprefix")?,
        },
        andrad: las_tid(&r.text("andrad")?)?,
        andrad_av: r.opt_text("andrad_av_namn")?,
    })
}

const VERSIONER: &str = "SELECT n.version, n.namnd, n.postadress, n.telefon, n.epost, n.forvaltningsratt, n.diarieprefix, n.andrad, u.namn AS andrad_av_namn \
     FROM namnduppgifter n LEFT JOIN anvandare u ON u.id = n.andrad_av AND u.kommun = n.kommun WHERE n.kommun = $1 ORDER BY n.version DESC";

/// The diarienummer's text: prefix, year and a five-digit running number.
pub fn diarienummer(prefix: &str, ar: i32, nummer: i64) -> String {
    let prefix = prefix.trim();
    let prefix = if prefix.is_empty() {
        DIARIEPREFIX
    } else {
        prefix
    };
    format!("{prefix} {ar}/{nummer:05}")
}

/// Takes `antal` numbers from the kommun's series for `ar` and returns the first.
/// Inside the caller's transaction: the row is locked until it commits, so two
/// cases created at once never get the same number.
pub(crate) async fn ta_diarienummer(
    tx: &mut Tx,
    kommun: KommunId,
    ar: i32,
    antal: i64,
) -> Result<(String, i64), StoreError> {
    let senaste = tx
        .fetch_optional(
            "INSERT INTO diarieserie (kommun, ar, senaste) VALUES ($1, $2, $3) \
             ON CONFLICT (kommun, ar) DO UPDATE SET senaste = diarieserie.senaste + $3 \
             RETURNING senaste",
            &[v(kommun), i64::from(ar).into(), antal.into()],
        )
        .await?
        .ok_or_else(|| StoreError::Korrupt("diarieserien gav inget nummer".into()))?
        .int("senaste")?;
    let prefix = tx
        .fetch_optional(
            "SELECT diarieprefix FROM namnduppgifter WHERE kommun = $1 ORDER BY version DESC LIMIT 1",
            &[v(kommun)],
        )
        .await?
        .map(|r| r.text("diarieprefix"))
        .transpose()?
        .unwrap_or_else(|| DIARIEPREFIX.to_owned());
    Ok((prefix, senaste - antal + 1))
}

/// Gives a new case its diarienummer, in the transaction that creates it.
pub(crate) async fn satt_diarienummer(
    tx: &mut Tx,
    kommun: KommunId,
    arende: ArendeId,
    inkom: Date,
) -> Result<(), StoreError> {
    let (prefix, nr) = ta_diarienummer(tx, kommun, inkom.year(), 1).await?;
    tx.execute(
        "UPDATE arende SET diarienummer = $3 WHERE kommun = $1 AND id = $2",
        &[
            v(kommun),
            v(arende),
            diarienummer(&prefix, inkom.year(), nr).into(),
        ],
    )
    .await?;
    Ok(())
}

impl Organisation<'_> {
    /// The kommun's particulars in force: the newest version, if any was saved.
    pub async fn namnduppgifter(
        &self,
        kommun: KommunId,
    ) -> Result<Option<NamnduppgifterVersion>, StoreError> {
        Ok(self
            .namnduppgifter_versioner(kommun)
            .await?
            .into_iter()
            .next())
    }

    /// Every version, newest first.
    pub async fn namnduppgifter_versioner(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<NamnduppgifterVersion>, StoreError> {
        self.0
            .db
            .fetch_all(VERSIONER, &[v(kommun)])
            .await?
            .iter()
            .map(version_fran)
            .collect()
    }

    /// Saves the particulars as a new version and returns its number. With an
    /// actor (the systemförvaltare's form) the change is audited in the same
    /// transaction; without one it is the installation's first setting.
    pub async fn spara_namnduppgifter(
        &self,
        kommun: KommunId,
        u: &Namnduppgifter,
        aktor: Option<&Aktor>,
        nu: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        let mut tx = self.0.db.begin().await?;
        let version = tx
            .fetch_optional(
                "SELECT COALESCE(MAX(version), 0) AS v FROM namnduppgifter WHERE kommun = $1",
                &[v(kommun)],
            )
            .await?
            .map(|r| r.int("v"))
            .transpose()?
            .unwrap_or(0)
            + 1;
        let tid = tidstext(nu);
        let prefix = Some(u.diarieprefix.trim())
            .filter(|p| !p.is_empty())
            .unwrap_or(DIARIEPREFIX);
        tx.execute(
            "INSERT INTO namnduppgifter (kommun, version, namnd, postadress, telefon, epost, forvaltningsratt, diarieprefix, andrad, andrad_av) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[
                v(kommun),
                version.into(),
                u.namnd.trim().into(),
                u.adressrader().join("\n").into(),
                u.telefon.trim().into(),
                u.epost.trim().into(),
                u.forvaltningsratt.trim().into(),
                prefix.into(),
                tid.as_str().into(),
                crate::db::V::T(aktor.map(|a| a.id.to_string())),
            ],
        )
        .await?;
        if let Some(aktor) = aktor {
            let post = Granskningspost::ny(format!("admin.namnd.andra:{version}"));
            skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        }
        tx.commit().await?;
        Ok(version)
    }
}

impl Store {
    /// Gives every case without a diarienummer one, oldest first, from the
    /// series of the year it came in: for the cases stored before diarienummer
    /// existed (`lots migrate`). Returns how many were numbered.
    pub(crate) async fn tilldela_diarienummer(&self) -> Result<usize, StoreError> {
        let rader = self
            .db
            .fetch_all(
                "SELECT id, kommun, inkom FROM arende WHERE diarienummer IS NULL ORDER BY inkom, id",
                &[],
            )
            .await?;
        let mut n = 0;
        for r in rader {
            let mut tx = self.db.begin().await?;
            satt_diarienummer(
                &mut tx,
                r.parse("kommun")?,
                r.parse("id")?,
                r.datum("inkom")?,
            )
            .await?;
            tx.commit().await?;
            n += 1;
        }
        Ok(n)
    }
}
