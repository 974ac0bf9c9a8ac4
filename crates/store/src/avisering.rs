//! Aviseringar (issue 19 item 3): the person's choice of being told by e-mail or SMS,
//! the code that verifies the address, and the outbox the step fills in its own
//! transaction and `lots serve`'s worker empties after commit (docs/avisering.md).
//! Every statement names the kommun: both tables are distributed by it.

use lots_domain::avisering::{Kanal, SAMLA};
use lots_domain::ids::{KommunId, PersonId};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::db::{Rad, Tx};
use crate::org::v;
use crate::{Store, StoreError, las_tid, tidstext};

/// Aviseringar: the person's choice and the outbox.
#[derive(Debug, Clone, Copy)]
pub struct Aviseringar<'a>(&'a Store);

impl Store {
    /// Aviseringar: the person's choice of channel and the outbox the worker sends from.
    pub fn avisering(&self) -> Aviseringar<'_> {
        Aviseringar(self)
    }
}

/// Times in the outbox are compared as text: whole seconds keep RFC 3339 in order.
fn sekundtext(t: OffsetDateTime) -> String {
    tidstext(t.replace_nanosecond(0).unwrap_or(t))
}

/// The person's choice as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aviseringsval {
    /// The channel and address in use, confirmed by a code; None: not told.
    pub aktiv: Option<(Kanal, String)>,
    /// The language the notification is written in (Mina sidor's language code).
    pub sprak: String,
    /// A new channel and address waiting for its code, and until when the code holds.
    pub vantar: Option<(Kanal, String, OffsetDateTime)>,
}

/// What a code typed on Mina sidor gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kodsvar {
    /// The address is confirmed and in use from now.
    Bekraftad,
    /// Wrong code; this many tries are left.
    Fel { kvar: i64 },
    /// No code waits, it has expired or was tried too often: ask for a new one.
    Ogiltig,
}

/// A notification due to be sent, with where it goes (None: the person has turned
/// notifications off since).
#[derive(Debug, Clone)]
pub struct Utkorgspost {
    pub kommun: KommunId,
    pub id: String,
    pub person: PersonId,
    pub forsok: i64,
    /// (channel, address, language).
    pub mottagare: Option<(Kanal, String, String)>,
}

/// One row of the outbox as a test or the person's page reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utkorgsrad {
    pub status: String,
    pub forsok: i64,
    pub kanal: Option<String>,
    pub utfall: Option<String>,
}

/// The code's hash, bound to the kommun and the person, so a hash read from the
/// database is of no use for anyone else's code.
fn kodhash(kommun: KommunId, person: PersonId, kod: &str) -> String {
    hex::encode(Sha256::digest(format!("{kommun}:{person}:{}", kod.trim())))
}

fn kanal(r: &Rad, kolumn: &str) -> Result<Option<Kanal>, StoreError> {
    r.opt_text(kolumn)?
        .map(|k| Kanal::fran_kod(&k).ok_or_else(|| StoreError::Korrupt(format!("okänd kanal {k}"))))
        .transpose()
}

/// Writes the notification of a step that tells the person, in the step's
/// transaction: only when the person has a confirmed channel, and only when none
/// waits already (that one tells of this step too: `SAMLA`). `ON CONFLICT DO
/// NOTHING` lets two steps at once for the same person meet the partial unique index
/// without either step failing.
pub(crate) async fn lagg_i_utkorg(
    tx: &mut Tx,
    kommun: KommunId,
    person: PersonId,
    nu: OffsetDateTime,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO avisering_utkorg (kommun, id, person, skapad, skicka_efter, forsok, status) \
         SELECT kommun, $3, person, $4, $5, 0, 'vantar' FROM avisering_val \
         WHERE kommun = $1 AND person = $2 AND adress IS NOT NULL \
         ON CONFLICT DO NOTHING",
        &[
            v(kommun),
            v(person),
            uuid::Uuid::now_v7().to_string().into(),
            sekundtext(nu).into(),
            sekundtext(nu + SAMLA).into(),
        ],
    )
    .await?;
    Ok(())
}

impl Aviseringar<'_> {
    /// The person's choice, if they ever made one.
    pub async fn val(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Option<Aviseringsval>, StoreError> {
        let Some(r) = self
            .0
            .db
            .fetch_optional(
                "SELECT kanal, adress, sprak, ny_kanal, ny_adress, kod_giltig_till FROM avisering_val \
                 WHERE kommun = $1 AND person = $2",
                &[v(kommun), v(person)],
            )
            .await?
        else {
            return Ok(None);
        };
        let aktiv = match (kanal(&r, "kanal")?, r.opt_text("adress")?) {
            (Some(k), Some(a)) => Some((k, a)),
            _ => None,
        };
        let vantar = match (
            kanal(&r, "ny_kanal")?,
            r.opt_text("ny_adress")?,
            r.opt_text("kod_giltig_till")?,
        ) {
            (Some(k), Some(a), Some(t)) => Some((k, a, las_tid(&t)?)),
            _ => None,
        };
        Ok(Some(Aviseringsval {
            aktiv,
            sprak: r.text("sprak")?,
            vantar,
        }))
    }

    /// A new channel and address, waiting for `kod` (sent to it) until `giltig_till`.
    /// The address in use, if any, goes on being used until the code is typed.
    #[allow(clippy::too_many_arguments)]
    pub async fn begar_kod(
        &self,
        kommun: KommunId,
        person: PersonId,
        ny: Kanal,
        adress: &str,
        sprak: &str,
        kod: &str,
        giltig_till: OffsetDateTime,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "INSERT INTO avisering_val (kommun, person, sprak, ny_kanal, ny_adress, kod_hash, kod_giltig_till, kod_forsok, andrad) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8) \
                 ON CONFLICT (kommun, person) DO UPDATE SET sprak = $3, ny_kanal = $4, ny_adress = $5, \
                 kod_hash = $6, kod_giltig_till = $7, kod_forsok = 0, andrad = $8",
                &[
                    v(kommun),
                    v(person),
                    sprak.into(),
                    ny.kod().into(),
                    adress.into(),
                    kodhash(kommun, person, kod).into(),
                    sekundtext(giltig_till).into(),
                    sekundtext(nu).into(),
                ],
            )
            .await?;
        Ok(())
    }

    /// The code typed: when it is the one sent, the waiting address is the one in use
    /// from now. Each wrong try counts; after `KOD_FORSOK` the code is void.
    pub async fn bekrafta_kod(
        &self,
        kommun: KommunId,
        person: PersonId,
        kod: &str,
        nu: OffsetDateTime,
    ) -> Result<Kodsvar, StoreError> {
        let mut tx = self.0.db.begin().await?;
        let Some(r) = tx
            .fetch_optional(
                "SELECT kod_hash, kod_giltig_till, kod_forsok FROM avisering_val \
                 WHERE kommun = $1 AND person = $2",
                &[v(kommun), v(person)],
            )
            .await?
        else {
            return Ok(Kodsvar::Ogiltig);
        };
        let (Some(hash), Some(giltig)) = (r.opt_text("kod_hash")?, r.opt_text("kod_giltig_till")?)
        else {
            return Ok(Kodsvar::Ogiltig);
        };
        let forsok = r.int("kod_forsok")?;
        if las_tid(&giltig)? < nu || forsok >= lots_domain::avisering::KOD_FORSOK {
            return Ok(Kodsvar::Ogiltig);
        }
        if hash != kodhash(kommun, person, kod) {
            tx.execute(
                "UPDATE avisering_val SET kod_forsok = kod_forsok + 1 WHERE kommun = $1 AND person = $2",
                &[v(kommun), v(person)],
            )
            .await?;
            tx.commit().await?;
            let kvar = lots_domain::avisering::KOD_FORSOK - forsok - 1;
            return Ok(if kvar > 0 {
                Kodsvar::Fel { kvar }
            } else {
                Kodsvar::Ogiltig
            });
        }
        tx.execute(
            "UPDATE avisering_val SET kanal = ny_kanal, adress = ny_adress, verifierad = $3, \
             ny_kanal = NULL, ny_adress = NULL, kod_hash = NULL, kod_giltig_till = NULL, kod_forsok = 0, andrad = $3 \
             WHERE kommun = $1 AND person = $2",
            &[v(kommun), v(person), sekundtext(nu).into()],
        )
        .await?;
        tx.commit().await?;
        Ok(Kodsvar::Bekraftad)
    }

    /// Turns notifications off: the address is deleted (nothing is kept that is not
    /// used) and what waits in the outbox is not sent.
    pub async fn stang_av(
        &self,
        kommun: KommunId,
        person: PersonId,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let mut tx = self.0.db.begin().await?;
        tx.execute(
            "DELETE FROM avisering_val WHERE kommun = $1 AND person = $2",
            &[v(kommun), v(person)],
        )
        .await?;
        tx.execute(
            "UPDATE avisering_utkorg SET status = 'avbruten', klar = $3, utfall = 'avstängd av personen' \
             WHERE kommun = $1 AND person = $2 AND status = 'vantar'",
            &[v(kommun), v(person), sekundtext(nu).into()],
        )
        .await?;
        tx.commit().await
    }

    /// The kommun's notifications due at `nu`, oldest first, at most `antal`.
    pub async fn forfallna(
        &self,
        kommun: KommunId,
        nu: OffsetDateTime,
        antal: i64,
    ) -> Result<Vec<Utkorgspost>, StoreError> {
        let rader = self
            .0
            .db
            .fetch_all(
                "SELECT u.id, u.person, u.forsok, a.kanal, a.adress, a.sprak \
                 FROM avisering_utkorg u LEFT JOIN avisering_val a ON a.kommun = u.kommun AND a.person = u.person \
                 WHERE u.kommun = $1 AND u.status = 'vantar' AND u.skicka_efter <= $2 \
                 ORDER BY u.skicka_efter, u.id LIMIT $3",
                &[v(kommun), sekundtext(nu).into(), antal.into()],
            )
            .await?;
        rader
            .iter()
            .map(|r| {
                let mottagare = match (kanal(r, "kanal")?, r.opt_text("adress")?) {
                    (Some(k), Some(a)) => Some((k, a, r.opt_text("sprak")?.unwrap_or_default())),
                    _ => None,
                };
                Ok(Utkorgspost {
                    kommun,
                    id: r.text("id")?,
                    person: r.parse("person")?,
                    forsok: r.int("forsok")?,
                    mottagare,
                })
            })
            .collect()
    }

    /// Takes a due notification for sending: counts the attempt and moves its time to
    /// `till`, so another server (or this one after a crash) tries it only if this
    /// attempt never records its outcome. False when someone else took it first.
    pub async fn ta(&self, post: &Utkorgspost, till: OffsetDateTime) -> Result<bool, StoreError> {
        let n = self
            .0
            .db
            .execute(
                "UPDATE avisering_utkorg SET forsok = forsok + 1, skicka_efter = $4 \
                 WHERE kommun = $1 AND id = $2 AND status = 'vantar' AND forsok = $3",
                &[
                    v(post.kommun),
                    post.id.as_str().into(),
                    post.forsok.into(),
                    sekundtext(till).into(),
                ],
            )
            .await?;
        Ok(n == 1)
    }

    /// Records how an attempt went: `status` is `skickad`, `avbruten` or `misslyckad`
    /// (done), or `vantar` with the time of the next attempt. `utfall` names no person
    /// and no address.
    pub async fn registrera(
        &self,
        post: &Utkorgspost,
        status: &str,
        nasta: Option<OffsetDateTime>,
        utfall: &str,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let kanal = post.mottagare.as_ref().map(|(k, _, _)| k.kod().to_owned());
        let klar = (status != "vantar").then(|| sekundtext(nu));
        self.0
            .db
            .execute(
                "UPDATE avisering_utkorg SET status = $3, skicka_efter = COALESCE($4, skicka_efter), \
                 kanal = $5, klar = $6, utfall = $7 WHERE kommun = $1 AND id = $2",
                &[
                    v(post.kommun),
                    post.id.as_str().into(),
                    status.into(),
                    nasta.map(sekundtext).into(),
                    kanal.into(),
                    klar.into(),
                    utfall.chars().take(300).collect::<String>().into(),
                ],
            )
            .await?;
        Ok(())
    }

    /// The person's notifications, newest first.
    pub async fn utkorg_for_person(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Vec<Utkorgsrad>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT status, forsok, kanal, utfall FROM avisering_utkorg \
                 WHERE kommun = $1 AND person = $2 ORDER BY skapad DESC, id DESC",
                &[v(kommun), v(person)],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(Utkorgsrad {
                    status: r.text("status")?,
                    forsok: r.int("forsok")?,
                    kanal: r.opt_text("kanal")?,
                    utfall: r.opt_text("utfall")?,
                })
            })
            .collect()
    }
}
