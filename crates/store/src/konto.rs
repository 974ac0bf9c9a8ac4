//! Account activation links and grants waiting for a second person's approval
//! (issue 12 item 2): a systemförvaltare never sets a password, and cannot give
//! itself, or anyone, case content alone.

use lots_domain::ids::{AnvandarId, EnhetId, KommunId};
use lots_domain::organisation::Roll;
use time::OffsetDateTime;

use crate::org::v;
use crate::{Organisation, StoreError, las_tid, tidstext};

/// A grant waiting for (or given) approval.
#[derive(Debug, Clone)]
pub struct Behorighetsbegaran {
    pub id: uuid::Uuid,
    pub anvandare: AnvandarId,
    pub roll: Roll,
    pub enhet: EnhetId,
    pub skyddad_behorighet: bool,
    pub aktiv: bool,
    pub begard_av: AnvandarId,
    pub begard: OffsetDateTime,
}

fn begaran_fran(r: &crate::db::Rad) -> Result<Behorighetsbegaran, StoreError> {
    Ok(Behorighetsbegaran {
        id: r.parse("id")?,
        anvandare: r.parse("anvandare")?,
        roll: Roll::fran_kod(&r.text("roll")?)
            .ok_or_else(|| StoreError::Korrupt("okänd roll".into()))?,
        enhet: r.parse("enhet")?,
        skyddad_behorighet: r.int("skyddad_behorighet")? != 0,
        aktiv: r.int("aktiv")? != 0,
        begard_av: r.parse("begard_av")?,
        begard: las_tid(&r.text("begard")?)?,
    })
}

impl Organisation<'_> {
    /// Stores a new activation link (by the hash of its token) and retires the
    /// account's earlier unused links: only the newest one works.
    pub async fn skapa_kontoaktivering(
        &self,
        token_hash: &str,
        anvandare: AnvandarId,
        skapad_av: AnvandarId,
        nu: OffsetDateTime,
        giltig_till: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let mut tx = self.0.db.begin().await?;
        tx.execute(
            "UPDATE kontoaktivering SET anvand = $2 WHERE anvandare = $1 AND anvand IS NULL",
            &[v(anvandare), tidstext(nu).into()],
        )
        .await?;
        tx.execute(
            "INSERT INTO kontoaktivering (token_hash, anvandare, skapad, giltig_till, skapad_av) VALUES ($1, $2, $3, $4, $5)",
            &[
                token_hash.into(),
                v(anvandare),
                tidstext(nu).into(),
                tidstext(giltig_till).into(),
                v(skapad_av),
            ],
        )
        .await?;
        tx.commit().await
    }

    /// The account an unused, unexpired link belongs to, with its kommun. Found by the
    /// link's secret before anything else is known, like the session (docs/citus.md):
    /// the one statement of this path that reads `anvandare` without a kommun.
    pub async fn kontoaktivering(
        &self,
        token_hash: &str,
        nu: OffsetDateTime,
    ) -> Result<Option<(KommunId, AnvandarId)>, StoreError> {
        let r = self
            .0
            .db
            .fetch_optional(
                "SELECT k.anvandare, a.kommun, k.giltig_till FROM kontoaktivering k JOIN anvandare a ON a.id = k.anvandare WHERE k.token_hash = $1 AND k.anvand IS NULL",
                &[token_hash.into()],
            )
            .await?;
        let Some(r) = r else { return Ok(None) };
        if las_tid(&r.text("giltig_till")?)? <= nu {
            return Ok(None);
        }
        Ok(Some((r.parse("kommun")?, r.parse("anvandare")?)))
    }

    /// Uses the link up and sets the password the user chose, in one transaction:
    /// the conditional UPDATE lets only one of two racing requests win.
    /// The old second factor goes too, so that the user sets up their own.
    pub async fn anvand_kontoaktivering(
        &self,
        token_hash: &str,
        losenord_hash: &str,
        nu: OffsetDateTime,
    ) -> Result<Option<AnvandarId>, StoreError> {
        let Some((kommun, anvandare)) = self.kontoaktivering(token_hash, nu).await? else {
            return Ok(None);
        };
        let mut tx = self.0.db.begin().await?;
        let n = tx
            .execute(
                "UPDATE kontoaktivering SET anvand = $2 WHERE token_hash = $1 AND anvand IS NULL",
                &[token_hash.into(), tidstext(nu).into()],
            )
            .await?;
        if n != 1 {
            return Ok(None);
        }
        tx.execute(
            "UPDATE anvandare SET losenord = $2, totp_hemlighet = NULL, totp_senaste_steg = NULL WHERE id = $1 AND kommun = $3",
            &[v(anvandare), losenord_hash.into(), v(kommun)],
        )
        .await?;
        tx.execute(
            "DELETE FROM atkomstskal WHERE session IN (SELECT id FROM session WHERE anvandare = $1)",
            &[v(anvandare)],
        )
        .await?;
        tx.execute("DELETE FROM session WHERE anvandare = $1", &[v(anvandare)])
            .await?;
        tx.commit().await?;
        Ok(Some(anvandare))
    }

    /// A new request; an older pending one for the same account is replaced.
    pub async fn begar_behorighet(
        &self,
        kommun: KommunId,
        b: &Behorighetsbegaran,
    ) -> Result<(), StoreError> {
        let mut tx = self.0.db.begin().await?;
        tx.execute(
            "DELETE FROM behorighetsbegaran WHERE kommun = $1 AND anvandare = $2 AND godkand IS NULL",
            &[v(kommun), v(b.anvandare)],
        )
        .await?;
        tx.execute(
            "INSERT INTO behorighetsbegaran (id, kommun, anvandare, roll, enhet, skyddad_behorighet, aktiv, begard_av, begard) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                v(b.id),
                v(kommun),
                v(b.anvandare),
                b.roll.kod().into(),
                v(b.enhet),
                b.skyddad_behorighet.into(),
                b.aktiv.into(),
                v(b.begard_av),
                tidstext(b.begard).into(),
            ],
        )
        .await?;
        tx.commit().await
    }

    /// The kommun's pending requests, oldest first.
    pub async fn vantande_behorigheter(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<Behorighetsbegaran>, StoreError> {
        self.0.db
            .fetch_all(
                "SELECT id, anvandare, roll, enhet, skyddad_behorighet, aktiv, begard_av, begard FROM behorighetsbegaran \
                 WHERE kommun = $1 AND godkand IS NULL ORDER BY begard",
                &[v(kommun)],
            )
            .await?
            .iter()
            .map(begaran_fran)
            .collect()
    }

    /// Approves a pending request and gives the account what it asked for. The
    /// SQL repeats the rule that neither the requester nor the account itself
    /// approves (and the table's CHECK a third time). None when nothing pending matched.
    pub async fn godkann_behorighet(
        &self,
        id: uuid::Uuid,
        godkand_av: AnvandarId,
        nu: OffsetDateTime,
    ) -> Result<Option<Behorighetsbegaran>, StoreError> {
        let mut tx = self.0.db.begin().await?;
        let Some(r) = tx
            .fetch_optional(
                "UPDATE behorighetsbegaran SET godkand = $3, godkand_av = $2 \
                 WHERE id = $1 AND godkand IS NULL AND begard_av <> $2 AND anvandare <> $2 \
                 RETURNING id, anvandare, roll, enhet, skyddad_behorighet, aktiv, begard_av, begard",
                &[v(id), v(godkand_av), tidstext(nu).into()],
            )
            .await?
        else {
            return Ok(None);
        };
        let b = begaran_fran(&r)?;
        tx.execute(
            "UPDATE anvandare SET roll = $2, enhet = $3, skyddad_behorighet = $4, aktiv = $5 WHERE id = $1",
            &[
                v(b.anvandare),
                b.roll.kod().into(),
                v(b.enhet),
                b.skyddad_behorighet.into(),
                b.aktiv.into(),
            ],
        )
        .await?;
        // The new role takes effect at once, not at next login.
        tx.execute(
            "DELETE FROM atkomstskal WHERE session IN (SELECT id FROM session WHERE anvandare = $1)",
            &[v(b.anvandare)],
        )
        .await?;
        tx.commit().await?;
        Ok(Some(b))
    }
}
