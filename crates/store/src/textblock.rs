//! The kommun's text blocks (issue 20 item 5; migration 0027). A block is kommun data,
//! read by the kommun's own staff only (every query names the kommun): each save is a new
//! version, old ones are kept, and the save is written to the audit log in the same
//! transaction. Retiring a block, or taking it back, is a version too.

use lots_domain::ids::{KommunId, TextblockId};
use lots_domain::textblock::Textblock;
use time::OffsetDateTime;

use crate::db::Rad;
use crate::kedja::{Aktor, Granskningspost, skriv_granskning};
use crate::org::v;
use crate::riksnorm::nasta_version;
use crate::{Organisation, StoreError, las_tid, tidstext};

/// One version of a block, and who saved it.
#[derive(Debug, Clone)]
pub struct TextblockRad {
    pub id: TextblockId,
    pub version: i64,
    pub titel: String,
    pub text: String,
    /// Retired: kept and listed, but no longer offered in the forms.
    pub avvecklad: bool,
    pub sparad: OffsetDateTime,
    pub sparad_av: Option<String>,
}

fn fran_rad(r: &Rad) -> Result<TextblockRad, StoreError> {
    Ok(TextblockRad {
        id: r
            .text("id")?
            .parse()
            .map_err(|_| StoreError::Korrupt("textblock.id".into()))?,
        version: r.int("version")?,
        titel: r.text("titel")?,
        text: r.text("text")?,
        avvecklad: r.int("avvecklad")? != 0,
        sparad: las_tid(&r.text("sparad")?)?,
        sparad_av: r.opt_text("sparad_av_namn")?,
    })
}

/// The columns of a version and its saver's name, for `concat!` (the queries are static).
macro_rules! valj {
    () => {
        "SELECT t.id, t.version, t.titel, t.text, t.avvecklad, t.sparad, u.namn AS sparad_av_namn \
         FROM textblock t LEFT JOIN anvandare u ON u.id = t.sparad_av AND u.kommun = t.kommun "
    };
}

/// The newest version of each of a kommun's blocks.
const SENASTE: &str = concat!(
    valj!(),
    "WHERE t.kommun = $1 AND t.version = (SELECT MAX(version) FROM textblock s WHERE s.kommun = t.kommun AND s.id = t.id) \
     ORDER BY LOWER(t.titel), t.id"
);

/// Every version of one block, newest first.
const VERSIONER: &str = concat!(
    valj!(),
    "WHERE t.kommun = $1 AND t.id = $2 ORDER BY t.version DESC"
);

/// When two saves of the same block meet, the second finds its version taken.
const SAMTIDIGT: &str =
    "Någon annan sparade blocket samtidigt. Läs in sidan igen och gör ändringen på nytt.";

impl Organisation<'_> {
    /// The newest version of each of the kommun's blocks, retired ones included, by title.
    pub async fn textblock(&self, kommun: KommunId) -> Result<Vec<TextblockRad>, StoreError> {
        self.0
            .db
            .fetch_all(SENASTE, &[v(kommun)])
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// Every version of one of the kommun's blocks, newest first; empty when the kommun
    /// has no such block (another kommun's block is, to this one, not there).
    pub async fn textblock_versioner(
        &self,
        kommun: KommunId,
        id: TextblockId,
    ) -> Result<Vec<TextblockRad>, StoreError> {
        self.0
            .db
            .fetch_all(VERSIONER, &[v(kommun), v(id)])
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// Saves a block: a new one (`id` None) or a new version of one of the kommun's own,
    /// which stays retired or in use as it was. Returns the block's id and version.
    pub async fn spara_textblock(
        &self,
        kommun: KommunId,
        id: Option<TextblockId>,
        block: &Textblock,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(TextblockId, i64), StoreError> {
        let avvecklad = match id {
            Some(id) => {
                self.textblock_versioner(kommun, id)
                    .await?
                    .first()
                    .ok_or(StoreError::Saknas)?
                    .avvecklad
            }
            None => false,
        };
        let id = id.unwrap_or_else(TextblockId::ny);
        let version = self
            .skriv_version(
                kommun,
                id,
                block.titel(),
                block.text(),
                avvecklad,
                aktor,
                nu,
                "textblock.spara",
            )
            .await?;
        Ok((id, version))
    }

    /// Retires one of the kommun's blocks (`avvecklad`), or takes it back into use, as a
    /// new version with the same words. Returns the version.
    pub async fn avveckla_textblock(
        &self,
        kommun: KommunId,
        id: TextblockId,
        avvecklad: bool,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        let versioner = self.textblock_versioner(kommun, id).await?;
        let senaste = versioner.first().ok_or(StoreError::Saknas)?;
        if senaste.avvecklad == avvecklad {
            return Err(StoreError::Konflikt(
                if avvecklad {
                    "Blocket är redan avvecklat."
                } else {
                    "Blocket används redan."
                }
                .into(),
            ));
        }
        let handling = if avvecklad {
            "textblock.avveckla"
        } else {
            "textblock.ta_i_bruk"
        };
        self.skriv_version(
            kommun,
            id,
            &senaste.titel,
            &senaste.text,
            avvecklad,
            aktor,
            nu,
            handling,
        )
        .await
    }

    /// One version, with its audit row, in one transaction.
    #[allow(clippy::too_many_arguments)]
    async fn skriv_version(
        &self,
        kommun: KommunId,
        id: TextblockId,
        titel: &str,
        text: &str,
        avvecklad: bool,
        aktor: &Aktor,
        nu: OffsetDateTime,
        handling: &str,
    ) -> Result<i64, StoreError> {
        let mut tx = self.0.db.begin().await?;
        let version = nasta_version(
            &mut tx,
            "SELECT COALESCE(MAX(version), 0) AS v FROM textblock WHERE kommun = $1 AND id = $2",
            &[v(kommun), v(id)],
        )
        .await?;
        let tid = tidstext(nu);
        let skrivet = tx
            .execute(
                "INSERT INTO textblock (kommun, id, version, titel, text, avvecklad, sparad, sparad_av) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &[
                    v(kommun),
                    v(id),
                    version.into(),
                    titel.into(),
                    text.into(),
                    avvecklad.into(),
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
        let post = Granskningspost::ny(format!("{handling}:{id}:{version}"));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await?;
        Ok(version)
    }
}
