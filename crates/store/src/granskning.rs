//! The audit log (granskningsloggen): who read or changed what, about which
//! person and case (DESIGN.md principle 4; OSL 26 kap., SoL 14 kap. 7 §).
//!
//! Every row is appended to the kommun's hash chain, so a changed or removed row
//! is found by `lots verify-log`. Writes log in their own transaction; reads log
//! before the response leaves (`Store::logga_lasning`).

use lots_domain::ids::*;
use lots_domain::organisation::Roll;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use tokio::sync::{mpsc, oneshot};

use crate::db::{Db, Rad, Tx, V};
use crate::handelser::{Aktor, NOLLHASH};
use crate::org::v;
use crate::{Store, StoreError, las_tid, tidstext};

/// One access to log. Built with `Granskningspost::ny(handling).person(..)…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Granskningspost {
    pub handling: String,
    pub person: Option<PersonId>,
    pub arende: Option<ArendeId>,
    /// The reason the user stated, where one was required (inre sekretess).
    pub skal: Option<String>,
    /// The access reached outside the user's own cases and enhet.
    pub utanfor: bool,
    /// The person has skyddade personuppgifter.
    pub skyddad: bool,
}

impl Granskningspost {
    pub fn ny(handling: impl Into<String>) -> Self {
        Self {
            handling: handling.into(),
            person: None,
            arende: None,
            skal: None,
            utanfor: false,
            skyddad: false,
        }
    }
    pub fn person(mut self, person: PersonId, skyddad: bool) -> Self {
        self.person = Some(person);
        self.skyddad = skyddad;
        self
    }
    pub fn arende(mut self, arende: ArendeId) -> Self {
        self.arende = Some(arende);
        self
    }
    pub fn utanfor(mut self, utanfor: bool) -> Self {
        self.utanfor = utanfor;
        self
    }
    pub fn skal(mut self, skal: Option<String>) -> Self {
        self.skal = skal;
        self
    }
}

/// The hash of one audit row, chained to the one before it. The fields added
/// with issue 4 (reason and flags) enter the hash only when set, so rows written
/// before them keep the hash they were written with.
#[allow(clippy::too_many_arguments)]
fn granskningshash(
    prev: &str,
    seq: i64,
    kommun: &str,
    tid: &str,
    anvandare: &str,
    roll: &str,
    enhet: &str,
    post: &Granskningspost,
) -> String {
    let person = post.person.map(|p| p.to_string()).unwrap_or_default();
    let arende = post.arende.map(|a| a.to_string()).unwrap_or_default();
    let mut h = Sha256::new();
    for del in [
        prev,
        &seq.to_string(),
        kommun,
        tid,
        anvandare,
        roll,
        enhet,
        &post.handling,
        &person,
        &arende,
    ] {
        h.update(del.as_bytes());
        h.update([0u8]);
    }
    if let Some(skal) = &post.skal {
        h.update(b"skal=");
        h.update(skal.as_bytes());
        h.update([0u8]);
    }
    if post.utanfor {
        h.update(b"utanfor\0");
    }
    if post.skyddad {
        h.update(b"skyddad\0");
    }
    hex::encode(h.finalize())
}

/// The kommun's chain head (last seq and hash), locked for the rest of the
/// transaction so that rows get their places one writer at a time.
async fn las_kedjehuvud(tx: &mut Tx, kommun: &str) -> Result<(i64, String), StoreError> {
    tx.execute(
        "INSERT INTO granskning_kedja (kommun, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (kommun) DO NOTHING",
        &[kommun.into(), NOLLHASH.into()],
    )
    .await?;
    let huvud = if tx.ar_postgres() {
        tx.fetch_optional(
            "SELECT seq, hash FROM granskning_kedja WHERE kommun = $1 FOR UPDATE",
            &[kommun.into()],
        )
        .await?
    } else {
        tx.fetch_optional(
            "SELECT seq, hash FROM granskning_kedja WHERE kommun = $1",
            &[kommun.into()],
        )
        .await?
    }
    .ok_or_else(|| StoreError::Korrupt("granskningskedjan saknas".into()))?;
    Ok((huvud.int("seq")?, huvud.text("hash")?))
}

async fn satt_kedjehuvud(
    tx: &mut Tx,
    kommun: &str,
    seq: i64,
    hash: String,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE granskning_kedja SET seq = $2, hash = $3 WHERE kommun = $1",
        &[kommun.into(), seq.into(), hash.into()],
    )
    .await
    .map(|_| ())
}

const GRANSKNING_KOLUMNER: &str = "granskning (id, kommun, tidpunkt, anvandare, roll, enhet, handling, person, arende, skal, utanfor, skyddad, seq, prev_hash, hash)";

/// The row that follows `prev` at `seq` in the chain, and its hash.
fn granskningsrad(
    aktor: &Aktor,
    tid: &str,
    post: &Granskningspost,
    seq: i64,
    prev: String,
) -> (Vec<V>, String) {
    let kommun = aktor.kommun.to_string();
    let (anvandare, enhet) = (aktor.id.to_string(), aktor.enhet.to_string());
    let hash = granskningshash(
        &prev,
        seq,
        &kommun,
        tid,
        &anvandare,
        aktor.roll.kod(),
        &enhet,
        post,
    );
    let rad = vec![
        v(uuid::Uuid::now_v7()),
        kommun.into(),
        tid.into(),
        anvandare.into(),
        aktor.roll.kod().into(),
        enhet.into(),
        post.handling.as_str().into(),
        V::T(post.person.map(|p| p.to_string())),
        V::T(post.arende.map(|a| a.to_string())),
        V::T(post.skal.clone()),
        post.utanfor.into(),
        post.skyddad.into(),
        seq.into(),
        prev.into(),
        hash.as_str().into(),
    ];
    (rad, hash)
}

/// Appends audit rows to their kommun's hash chain: each chain's head is read
/// and locked once, the rows are inserted together, and the head moved once.
pub(crate) async fn skriv_granskningar(
    tx: &mut Tx,
    poster: &[(&Aktor, &str, &Granskningspost)],
) -> Result<(), StoreError> {
    let mut kommuner: Vec<KommunId> = poster.iter().map(|(a, _, _)| a.kommun).collect();
    kommuner.sort();
    kommuner.dedup();
    for kommun in kommuner {
        let k = kommun.to_string();
        let (mut seq, mut prev) = las_kedjehuvud(tx, &k).await?;
        let mut rader = vec![];
        for (aktor, tid, post) in poster.iter().filter(|(a, _, _)| a.kommun == kommun) {
            seq += 1;
            let (rad, hash) = granskningsrad(aktor, tid, post, seq, prev);
            rader.push(rad);
            prev = hash;
        }
        tx.infoga(GRANSKNING_KOLUMNER, 15, &rader).await?;
        satt_kedjehuvud(tx, &k, seq, prev).await?;
    }
    Ok(())
}

/// Appends one audit row to the kommun's hash chain.
pub(crate) async fn skriv_granskning(
    tx: &mut Tx,
    aktor: &Aktor,
    tid: &str,
    post: &Granskningspost,
) -> Result<(), StoreError> {
    skriv_granskningar(tx, &[(aktor, tid, post)]).await
}

/// What `lots verify-log` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loggkontroll {
    Hel {
        poster: i64,
    },
    /// The first row whose hash or place does not follow from the one before.
    Bruten {
        seq: i64,
        tidpunkt: String,
        orsak: &'static str,
    },
}

/// One row of the audit log as loggkontroll shows it.
#[derive(Debug, Clone)]
pub struct Loggrad {
    pub tidpunkt: OffsetDateTime,
    pub anvandare: AnvandarId,
    pub anvandare_namn: String,
    pub roll: Roll,
    pub enhet_namn: String,
    pub handling: String,
    pub person: Option<PersonId>,
    pub person_namn: Option<String>,
    pub arende: Option<ArendeId>,
    pub skal: Option<String>,
    pub utanfor: bool,
    pub skyddad: bool,
}

/// Which rows loggkontroll asks for. `fran` and `till` are instants (till exclusive).
#[derive(Debug, Clone)]
pub struct Loggfilter {
    pub fran: OffsetDateTime,
    pub till: OffsetDateTime,
    pub person: Option<PersonId>,
    pub anvandare: Option<AnvandarId>,
    /// Only accesses outside the user's own cases and enhet.
    pub bara_utanfor: bool,
    /// Only accesses to persons with skyddade personuppgifter.
    pub bara_skyddade: bool,
}

fn loggrad(r: &Rad) -> Result<Loggrad, StoreError> {
    Ok(Loggrad {
        tidpunkt: las_tid(&r.text("tidpunkt")?)?,
        anvandare: r.parse("anvandare")?,
        anvandare_namn: r.opt_text("anvandare_namn")?.unwrap_or_default(),
        roll: Roll::fran_kod(&r.text("roll")?)
            .ok_or_else(|| StoreError::Korrupt("okänd roll".into()))?,
        enhet_namn: r.opt_text("enhet_namn")?.unwrap_or_default(),
        handling: r.text("handling")?,
        person: r.opt_parse("person")?,
        person_namn: match (r.opt_text("fornamn")?, r.opt_text("efternamn")?) {
            (Some(f), Some(e)) => Some(format!("{f} {e}")),
            _ => None,
        },
        arende: r.opt_parse("arende")?,
        skal: r.opt_text("skal")?,
        utanfor: r.int("utanfor")? != 0,
        skyddad: r.int("skyddad")? != 0,
    })
}

/// One request's read-audit rows, waiting for their group's commit.
struct Jobb {
    aktor: Aktor,
    tid: String,
    poster: Vec<Granskningspost>,
    klar: oneshot::Sender<Result<(), String>>,
}

/// Group commit for the read-audit log. Every read must be logged durably before
/// its response leaves, and the chain head makes appends one at a time; so the
/// reads that arrive while one group commits are written together in the next
/// transaction, with one fsync, and each waits for that commit. Nothing is added
/// to a lone request's latency: a group is whatever is queued when the writer is free.
#[derive(Clone)]
pub(crate) struct Gruppskrivare {
    ko: mpsc::Sender<Jobb>,
}

impl std::fmt::Debug for Gruppskrivare {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Gruppskrivare")
    }
}

/// The most rows one group commit writes; more wait for the next.
const MAX_GRUPP: usize = 2_000;

impl Gruppskrivare {
    pub(crate) fn starta(db: Db) -> Self {
        let (ko, mut mottagare) = mpsc::channel::<Jobb>(4_096);
        tokio::spawn(async move {
            while let Some(forsta) = mottagare.recv().await {
                let mut grupp = vec![forsta];
                let mut rader = grupp[0].poster.len();
                while rader < MAX_GRUPP {
                    match mottagare.try_recv() {
                        Ok(j) => {
                            rader += j.poster.len();
                            grupp.push(j);
                        }
                        Err(_) => break,
                    }
                }
                let svar = skriv_grupp(&db, &grupp).await.map_err(|e| {
                    tracing::error!(error = ?e, rader, "audit group commit failed");
                    e.to_string()
                });
                for j in grupp {
                    // A request that gave up waiting has nobody to tell.
                    let _ = j.klar.send(svar.clone());
                }
            }
        });
        Self { ko }
    }
}

async fn skriv_grupp(db: &Db, grupp: &[Jobb]) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let poster: Vec<(&Aktor, &str, &Granskningspost)> = grupp
        .iter()
        .flat_map(|j| j.poster.iter().map(move |p| (&j.aktor, j.tid.as_str(), p)))
        .collect();
    skriv_granskningar(&mut tx, &poster).await?;
    tx.commit().await
}

impl Store {
    /// Records reads of personal data, durably, before the response leaves
    /// (DESIGN.md principle 4). A list logs one row per record it returned.
    /// Returns once the rows are committed; an error means nothing may be shown.
    pub async fn logga_lasning(
        &self,
        aktor: &Aktor,
        poster: &[Granskningspost],
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        // Off only in `lots bench`'s own server on synthetic data (Store::utan_lasgranskning_for_matning).
        if poster.is_empty() || !self.lasgranskning {
            return Ok(());
        }
        let (klar, svar) = oneshot::channel();
        let jobb = Jobb {
            aktor: aktor.clone(),
            tid: tidstext(nu),
            poster: poster.to_vec(),
            klar,
        };
        let stangd = || StoreError::Korrupt("granskningsloggen tar inte emot poster".into());
        self.logg.ko.send(jobb).await.map_err(|_| stangd())?;
        svar.await
            .map_err(|_| stangd())?
            .map_err(StoreError::Loggning)
    }

    /// Audit rows about a person, newest first: (handling, user).
    pub async fn granskningar_for_person(
        &self,
        person: PersonId,
    ) -> Result<Vec<(String, AnvandarId)>, StoreError> {
        self.db
            .fetch_all(
                "SELECT handling, anvandare FROM granskning WHERE person = $1 ORDER BY seq DESC",
                &[v(person)],
            )
            .await?
            .iter()
            .map(|r| Ok((r.text("handling")?, r.parse("anvandare")?)))
            .collect()
    }

    /// Audit rows by a user: (person, case) as stored.
    pub async fn granskningar_for_anvandare(
        &self,
        anvandare: AnvandarId,
    ) -> Result<Vec<(Option<String>, Option<String>)>, StoreError> {
        self.db
            .fetch_all(
                "SELECT person, arende FROM granskning WHERE anvandare = $1 ORDER BY seq",
                &[v(anvandare)],
            )
            .await?
            .iter()
            .map(|r| Ok((r.opt_text("person")?, r.opt_text("arende")?)))
            .collect()
    }

    /// Loggkontroll: the audit rows that match, newest first, at most `max`.
    pub async fn sok_logg(
        &self,
        kommun: KommunId,
        filter: &Loggfilter,
        max: i64,
    ) -> Result<Vec<Loggrad>, StoreError> {
        // One statement for every filter: an unset filter is NULL or 0 and matches all.
        const SQL: &str = "SELECT g.tidpunkt, g.anvandare, u.namn AS anvandare_namn, g.roll, e.namn AS enhet_namn, g.handling, \
             g.person, p.fornamn, p.efternamn, g.arende, g.skal, g.utanfor, g.skyddad FROM granskning g \
             LEFT JOIN anvandare u ON u.id = g.anvandare LEFT JOIN enhet e ON e.id = g.enhet \
             LEFT JOIN person p ON p.id = g.person \
             WHERE g.kommun = $1 AND g.tidpunkt >= $2 AND g.tidpunkt < $3 \
             AND ($4 IS NULL OR g.person = $4) AND ($5 IS NULL OR g.anvandare = $5) \
             AND ($6 = 0 OR g.utanfor = 1) AND ($7 = 0 OR g.skyddad = 1) \
             ORDER BY g.seq DESC LIMIT $8";
        self.db
            .fetch_all(
                SQL,
                &[
                    v(kommun),
                    tidstext(filter.fran).into(),
                    tidstext(filter.till).into(),
                    V::T(filter.person.map(|p| p.to_string())),
                    V::T(filter.anvandare.map(|a| a.to_string())),
                    filter.bara_utanfor.into(),
                    filter.bara_skyddade.into(),
                    max.into(),
                ],
            )
            .await?
            .iter()
            .map(loggrad)
            .collect()
    }

    /// Walks a kommun's audit chain from the start and reports the first broken link.
    pub async fn verifiera_logg(&self, kommun: KommunId) -> Result<Loggkontroll, StoreError> {
        let k = kommun.to_string();
        let rader = self
            .db
            .fetch_all(
                "SELECT seq, tidpunkt, anvandare, roll, enhet, handling, person, arende, skal, utanfor, skyddad, prev_hash, hash \
                 FROM granskning WHERE kommun = $1 ORDER BY seq",
                &[k.as_str().into()],
            )
            .await?;
        let mut prev = NOLLHASH.to_string();
        let mut vantad = 1;
        for r in &rader {
            let tidpunkt = r.text("tidpunkt")?;
            let Some(seq) = r.opt_int("seq")? else {
                return Ok(Loggkontroll::Bruten {
                    seq: 0,
                    tidpunkt,
                    orsak: "posten saknar plats i kedjan",
                });
            };
            if seq != vantad {
                return Ok(Loggkontroll::Bruten {
                    seq: vantad,
                    tidpunkt,
                    orsak: "en post saknas",
                });
            }
            // A value that no longer parses has been changed: report it, do not fail.
            let post = (|| -> Result<Granskningspost, StoreError> {
                Ok(Granskningspost {
                    handling: r.text("handling")?,
                    person: r.opt_parse("person")?,
                    arende: r.opt_parse("arende")?,
                    skal: r.opt_text("skal")?,
                    utanfor: r.int("utanfor")? != 0,
                    skyddad: r.int("skyddad")? != 0,
                })
            })();
            let hash = post.map(|post| {
                granskningshash(
                    &prev,
                    seq,
                    &k,
                    &tidpunkt,
                    &r.text("anvandare").unwrap_or_default(),
                    &r.text("roll").unwrap_or_default(),
                    &r.text("enhet").unwrap_or_default(),
                    &post,
                )
            });
            let lagrad = r.opt_text("hash")?;
            if r.opt_text("prev_hash")?.as_deref() != Some(prev.as_str())
                || hash.as_ref().ok() != lagrad.as_ref()
            {
                return Ok(Loggkontroll::Bruten {
                    seq,
                    tidpunkt,
                    orsak: "posten har ändrats",
                });
            }
            prev = lagrad.unwrap_or_default();
            vantad += 1;
        }
        // A removed last row leaves the head ahead of the rows.
        let huvud = self
            .db
            .fetch_optional(
                "SELECT seq FROM granskning_kedja WHERE kommun = $1",
                &[k.as_str().into()],
            )
            .await?;
        if let Some(h) = huvud
            && h.int("seq")? != vantad - 1
        {
            return Ok(Loggkontroll::Bruten {
                seq: vantad,
                tidpunkt: String::new(),
                orsak: "poster i slutet saknas",
            });
        }
        Ok(Loggkontroll::Hel { poster: vantad - 1 })
    }
}
