//! The catalogue of öppna insatser (issue 17 item 1; migration 0031). An entry is kommun
//! data, the nämnd's decision, read by the kommun's own staff only (every query names the
//! kommun): each save is a new version, old ones are kept, and the save is written to the
//! audit log in the same transaction.

use lots_domain::ids::{KommunId, OppenInsatsId};
use lots_domain::oppen_insats::OppenInsats;
use time::OffsetDateTime;

use crate::db::Rad;
use crate::kedja::{Aktor, Granskningspost, skriv_granskning};
use crate::org::v;
use crate::riksnorm::nasta_version;
use crate::{Organisation, StoreError, datumtext, las_tid, tidstext};

/// One version of an entry, and who saved it.
#[derive(Debug, Clone)]
pub struct OppenInsatsRad {
    pub id: OppenInsatsId,
    pub version: i64,
    pub insats: OppenInsats,
    pub sparad: OffsetDateTime,
    pub sparad_av: Option<String>,
}

fn fran_rad(r: &Rad) -> Result<OppenInsatsRad, StoreError> {
    Ok(OppenInsatsRad {
        id: r
            .text("id")?
            .parse()
            .map_err(|_| StoreError::Korrupt("oppen_insats.id".into()))?,
        version: r.int("version")?,
        insats: serde_json::from_str(&r.text("innehall")?)?,
        sparad: las_tid(&r.text("sparad")?)?,
        sparad_av: r.opt_text("sparad_av_namn")?,
    })
}

macro_rules! valj {
    () => {
        "SELECT o.id, o.version, o.innehall, o.sparad, u.namn AS sparad_av_namn \
         FROM oppen_insats o LEFT JOIN anvandare u ON u.id = o.sparad_av "
    };
}

/// The newest version of each of a kommun's entries.
const SENASTE: &str = concat!(
    valj!(),
    "WHERE o.kommun = $1 AND o.version = (SELECT MAX(version) FROM oppen_insats s WHERE s.kommun = o.kommun AND s.id = o.id) \
     ORDER BY LOWER(o.namn), o.id"
);

/// Every version of one entry, newest first.
const VERSIONER: &str = concat!(
    valj!(),
    "WHERE o.kommun = $1 AND o.id = $2 ORDER BY o.version DESC"
);

const SAMTIDIGT: &str =
    "Någon annan sparade insatsen samtidigt. Läs in sidan igen och gör ändringen på nytt.";

impl Organisation<'_> {
    /// The newest version of each of the kommun's öppna insatser, by name, whether in
    /// force or not (the caller asks `OppenInsats::galler`).
    pub async fn oppna_insatser(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<OppenInsatsRad>, StoreError> {
        self.0
            .db
            .fetch_all(SENASTE, &[v(kommun)])
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// Every version of one of the kommun's entries, newest first; empty when the kommun
    /// has none such (another kommun's entry is, to this one, not there).
    pub async fn oppen_insats_versioner(
        &self,
        kommun: KommunId,
        id: OppenInsatsId,
    ) -> Result<Vec<OppenInsatsRad>, StoreError> {
        self.0
            .db
            .fetch_all(VERSIONER, &[v(kommun), v(id)])
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// Saves an entry already checked (`OppenInsats::granska`): a new one (`id` None) or
    /// a new version of one of the kommun's own, with its audit row, in one transaction.
    /// Returns the entry's id and version.
    pub async fn spara_oppen_insats(
        &self,
        kommun: KommunId,
        id: Option<OppenInsatsId>,
        insats: &OppenInsats,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(OppenInsatsId, i64), StoreError> {
        if let Some(id) = id
            && self.oppen_insats_versioner(kommun, id).await?.is_empty()
        {
            return Err(StoreError::Saknas);
        }
        let id = id.unwrap_or_else(OppenInsatsId::ny);
        let mut tx = self.0.db.begin().await?;
        let version = nasta_version(
            &mut tx,
            "SELECT COALESCE(MAX(version), 0) AS v FROM oppen_insats WHERE kommun = $1 AND id = $2",
            &[v(kommun), v(id)],
        )
        .await?;
        let tid = tidstext(nu);
        let skrivet = tx
            .execute(
                "INSERT INTO oppen_insats (kommun, id, version, namn, integritet, giltig_fran, giltig_till, innehall, sparad, sparad_av) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                &[
                    v(kommun),
                    v(id),
                    version.into(),
                    insats.namn.trim().into(),
                    insats.integritet.kod().into(),
                    datumtext(insats.giltig_fran).into(),
                    insats.giltig_till.map(datumtext).into(),
                    serde_json::to_string(insats)?.into(),
                    tid.as_str().into(),
                    aktor.id.to_string().into(),
                ],
            )
            .await;
        match skrivet {
            Ok(_) => {}
            Err(e) if e.ar_unik_krock() => return Err(StoreError::Konflikt(SAMTIDIGT.into())),
            Err(e) => return Err(e),
        }
        let post = Granskningspost::ny(format!("oppen_insats.spara:{id}:{version}"));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await?;
        Ok((id, version))
    }
}
