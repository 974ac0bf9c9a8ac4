//! The audit log (granskningsloggen): who read or changed what, about which
//! person and case (DESIGN.md principle 4; OSL 26 kap., SoL 14 kap. 7 §).
//!
//! Every row is appended to one of its kommun's hash chains (`kedja.rs`, "The
//! chains"), so a changed, removed or reordered row is found by `lots verify-log`.
//! Writes log in their own transaction; reads log before the response leaves
//! (`Granskning::logga_lasning`). A list view logs one row for the request,
//! naming every record it showed in `granskning_post`; loggkontroll reads a list
//! row as its records, so "who saw person X" is answered per record as before.
//! With a key configured each row also carries a MAC, and every chain's head is
//! anchored outside the database (`loggsakring.rs`), so that a rewritten and
//! rehashed chain, or one cut short with its head moved back, is found too.
//!
//! What `verifiera_logg` proves, per kommun: every chain runs from seq 1 without
//! a gap, each row's hash follows from its fields, its list records (in order)
//! and the row before; from a chain's stamped keyed-from point every row carries
//! a valid MAC naming the chain and place; every head another chain's row names
//! is there with that hash, as is every anchored head; each chain's head row is
//! its last row; and no row or list record stands outside the chains.

use lots_domain::ids::*;
use lots_domain::organisation::Roll;
use time::OffsetDateTime;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use tokio::sync::{mpsc, oneshot};

use crate::db::{Db, Rad, Tx, V};
use crate::kedja::{
    Aktor, Granskningspost, Granskningsrad, Hanvisning, LASKEDJA, Laskedjelage, Listpost, NOLLHASH,
    Namner, SISTA_KEDJAN, granskning_kolumner, granskningsrader, hanvisningstext, kedjehuvuden,
    kedjenamn, las_laskedjan, radhash, skriv_i_kedja, skriv_laskedjan_direkt, tolka_hanvisningar,
    tolka_kedjenamn,
};
use crate::loggsakring::{
    Ankare, Loggsakring, Stampelkontroll, gransstampel_delar, las_ankare, radstampel_delar,
    skriv_ankare,
};
use crate::org::v;
use crate::{Granskning, StoreError, las_tid, tidstext};

/// What `lots verify-log` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loggkontroll {
    /// Every chain holds: `poster` rows in all.
    Hel { poster: i64 },
    /// The first row whose hash or place does not follow from the one before, or
    /// that another chain or an anchor says otherwise of: its chain and place
    /// (0 when the fault is not at a place, such as a list record without its row).
    Bruten {
        kedja: i64,
        seq: i64,
        tidpunkt: String,
        orsak: &'static str,
    },
}

/// One record of the audit log as loggkontroll shows it: a plain row, or one of
/// a list row's records (with the row's who, when and what).
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

/// The audit row of a refused registration of a person the user may not see.
pub const REGISTRERING_NEKAD: &str = "person.registrering.nekad";

/// A query of the audit log's records: the plain rows (`g`, their record on the
/// row) and the list rows' records (`r`, the record in `granskning_post`), with
/// the same columns, so that every reader sees one record per line whichever way
/// it was written. The conditions are given twice since they name `g` or `r`.
/// Ordered by the caller on `tidpunkt, kedja, seq, nr` (seq is per chain).
macro_rules! poster_fraga {
    ($kolumner:literal, $rad:literal, $post:literal) => {
        concat!(
            "SELECT g.tidpunkt AS tidpunkt, g.kedja AS kedja, g.seq AS seq, 0 AS nr, g.person, g.arende, g.utanfor, g.skyddad, ",
            $kolumner,
            " FROM granskning g WHERE g.poster IS NULL AND ",
            $rad,
            " UNION ALL SELECT g.tidpunkt, g.kedja, g.seq, r.nr, r.person, r.arende, r.utanfor, r.skyddad, ",
            $kolumner,
            " FROM granskning g JOIN granskning_post r ON r.kommun = g.kommun AND r.granskning = g.id WHERE ",
            $post
        )
    };
}

/// A loggkontroll query (`poster_fraga`, with the names of user, enhet and
/// person joined in each half): the columns `loggrad` reads, written once.
macro_rules! loggrad_fraga {
    ($rad:literal, $post:literal, $slut:literal) => {
        concat!(
            "SELECT g.tidpunkt AS tidpunkt, g.kedja AS kedja, g.seq AS seq, 0 AS nr, g.anvandare, u.namn AS anvandare_namn, g.roll, ",
            "e.namn AS enhet_namn, g.handling, g.person, p.fornamn, p.efternamn, g.arende, g.skal, ",
            "g.utanfor, g.skyddad FROM granskning g ",
            "LEFT JOIN anvandare u ON u.id = g.anvandare AND u.kommun = g.kommun LEFT JOIN enhet e ON e.id = g.enhet AND e.kommun = g.kommun ",
            "LEFT JOIN person p ON p.id = g.person AND p.kommun = g.kommun WHERE g.poster IS NULL AND ",
            $rad,
            " UNION ALL SELECT g.tidpunkt, g.kedja, g.seq, r.nr, g.anvandare, u.namn AS anvandare_namn, g.roll, ",
            "e.namn AS enhet_namn, g.handling, r.person, p.fornamn, p.efternamn, r.arende, g.skal, ",
            "r.utanfor, r.skyddad FROM granskning g ",
            "JOIN granskning_post r ON r.kommun = g.kommun AND r.granskning = g.id ",
            "LEFT JOIN anvandare u ON u.id = g.anvandare AND u.kommun = g.kommun LEFT JOIN enhet e ON e.id = g.enhet AND e.kommun = g.kommun ",
            "LEFT JOIN person p ON p.id = r.person AND p.kommun = r.kommun WHERE ",
            $post,
            " ",
            $slut
        )
    };
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

/// One request's read-audit records, waiting for their group's commit.
struct Jobb {
    aktor: Aktor,
    tid: String,
    poster: Vec<Granskningspost>,
    klar: oneshot::Sender<Result<(), String>>,
    /// When the request handed its records over: what it waited is until the commit.
    lamnad: Instant,
}

/// What the group writer has done since the process started, for the operator's metrics
/// (`/metrics`): how many groups, requests and records it committed, how long requests
/// waited for their commit and how long the commits took. Sums and counts, so that the
/// mean batch and the mean wait follow, as Prometheus's own summaries do. One writer per
/// process, so process-wide.
#[derive(Debug)]
pub struct Gruppstatistik {
    pub grupper: AtomicU64,
    pub begaran: AtomicU64,
    pub poster: AtomicU64,
    pub vantan_mikrosekunder: AtomicU64,
    pub skrivning_mikrosekunder: AtomicU64,
}

pub static GRUPPSTATISTIK: Gruppstatistik = Gruppstatistik {
    grupper: AtomicU64::new(0),
    begaran: AtomicU64::new(0),
    poster: AtomicU64::new(0),
    vantan_mikrosekunder: AtomicU64::new(0),
    skrivning_mikrosekunder: AtomicU64::new(0),
};

fn mikros(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX)
}

/// Group commit for the read-audit log. Every read must be logged durably before
/// its response leaves, and a chain's head makes appends one at a time; so the
/// reads that arrive while one group commits are written together in the next
/// transaction, with one fsync, and each waits for that commit. Nothing is added
/// to a lone request's latency: a group is whatever is queued when the writer is
/// free. Reads go in chain 0, which no step's transaction locks, so reads and
/// steps do not wait for each other.
#[derive(Clone)]
pub(crate) struct Gruppskrivare {
    ko: mpsc::Sender<Jobb>,
}

impl std::fmt::Debug for Gruppskrivare {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Gruppskrivare")
    }
}

/// The most records one group commit writes; more wait for the next.
const MAX_GRUPP: usize = 2_000;

/// The other chains' heads the group writer last named, per kommun and chain: a
/// head that has not moved is not named again.
type Namnda = HashMap<(KommunId, i64), i64>;

/// Chain 0 of each kommun as the group writer last left it (PostgreSQL).
type Kanda = HashMap<KommunId, Laskedjelage>;

impl Gruppskrivare {
    pub(crate) fn starta(db: Db, sakring: Arc<Loggsakring>) -> Self {
        let (ko, mut mottagare) = mpsc::channel::<Jobb>(4_096);
        tokio::spawn(async move {
            let mut namnda = Namnda::new();
            let mut kanda = Kanda::new();
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
                let borjan = Instant::now();
                let svar = skriv_grupp(&db, &sakring, &grupp, &mut namnda, &mut kanda)
                    .await
                    .map_err(|e| {
                        tracing::error!(error = ?e, rader, "audit group commit failed");
                        e.to_string()
                    });
                let s = &GRUPPSTATISTIK;
                s.grupper.fetch_add(1, Ordering::Relaxed);
                s.begaran.fetch_add(grupp.len() as u64, Ordering::Relaxed);
                s.poster.fetch_add(rader as u64, Ordering::Relaxed);
                s.skrivning_mikrosekunder
                    .fetch_add(mikros(borjan.elapsed()), Ordering::Relaxed);
                let vantan: u64 = grupp.iter().map(|j| mikros(j.lamnad.elapsed())).sum();
                s.vantan_mikrosekunder.fetch_add(vantan, Ordering::Relaxed);
                for j in grupp {
                    // A request that gave up waiting has nobody to tell.
                    let _ = j.klar.send(svar.clone());
                }
            }
        });
        Self { ko }
    }
}

/// Writes a group's rows in chain 0 of each kommun, the first naming the heads of
/// the kommun's other chains that moved since the writer last named them (read
/// as committed, without waiting for their writers).
///
/// On PostgreSQL a kommun's rows are first tried as one statement from the head
/// the writer last left (`skriv_laskedjan_direkt`); only when that head has moved
/// (another process wrote) or the kommun's MACs change do they take the locked
/// transaction below, and the writer reads the head afresh for its next group.
async fn skriv_grupp(
    db: &Db,
    sakring: &Loggsakring,
    grupp: &[Jobb],
    namnda: &mut Namnda,
    kanda: &mut Kanda,
) -> Result<(), StoreError> {
    let mut kommuner: Vec<KommunId> = grupp.iter().map(|j| j.aktor.kommun).collect();
    kommuner.sort();
    kommuner.dedup();
    let mut kvar = vec![];
    for kommun in kommuner {
        let rader: Vec<Granskningsrad> = grupp
            .iter()
            .filter(|j| j.aktor.kommun == kommun)
            .flat_map(|j| granskningsrader(&j.aktor, &j.tid, &j.poster))
            .collect();
        if !(db.ar_postgres() && skriv_direkt(db, sakring, kommun, &rader, namnda, kanda).await?) {
            kvar.push((kommun, rader));
        }
    }
    if kvar.is_empty() {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    let mut nya = vec![];
    for (kommun, rader) in kvar {
        let huvuden: Vec<Hanvisning> = kedjehuvuden(&mut tx, &kommun.to_string())
            .await?
            .into_iter()
            .filter(|(kedja, seq, _)| {
                *kedja != LASKEDJA && namnda.get(&(kommun, *kedja)) != Some(seq)
            })
            .collect();
        skriv_i_kedja(
            &mut tx,
            sakring,
            kommun,
            LASKEDJA,
            &rader,
            Namner::Huvuden(hanvisningstext(&huvuden)),
        )
        .await?;
        nya.extend(huvuden.into_iter().map(|(k, seq, _)| ((kommun, k), seq)));
    }
    tx.commit().await?;
    namnda.extend(nya);
    Ok(())
}

/// The kommun's rows in one statement from chain 0's head as the writer knows it
/// (read afresh when it does not); false, with nothing written, when they must
/// take the locked way.
async fn skriv_direkt(
    db: &Db,
    sakring: &Loggsakring,
    kommun: KommunId,
    rader: &[Granskningsrad<'_>],
    namnda: &mut Namnda,
    kanda: &mut Kanda,
) -> Result<bool, StoreError> {
    // Taken out: if the write fails or finds the head moved, the next group reads it afresh.
    let lage = match kanda.remove(&kommun) {
        Some(lage) => lage,
        None => match las_laskedjan(db, sakring, kommun).await? {
            Some(lage) => lage,
            None => return Ok(false),
        },
    };
    let namner: Vec<Hanvisning> = lage
        .andra
        .iter()
        .filter(|(kedja, seq, _)| namnda.get(&(kommun, *kedja)) != Some(seq))
        .cloned()
        .collect();
    let Some(nytt) = skriv_laskedjan_direkt(db, sakring, kommun, rader, &lage, &namner).await?
    else {
        return Ok(false);
    };
    namnda.extend(namner.into_iter().map(|(k, seq, _)| ((kommun, k), seq)));
    kanda.insert(kommun, nytt);
    Ok(true)
}

impl Granskning<'_> {
    /// Records reads of personal data, durably, before the response leaves
    /// (DESIGN.md principle 4). The records of one handling and reason are one
    /// row naming them all: a list view logs one row for the records it returned.
    /// Returns once the rows are committed; an error means nothing may be shown.
    pub async fn logga_lasning(
        &self,
        aktor: &Aktor,
        poster: &[Granskningspost],
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        // Off only in `lots bench`'s own server on synthetic data (Store::utan_lasgranskning_for_matning).
        if poster.is_empty() || !self.0.lasgranskning {
            return Ok(());
        }
        let (klar, svar) = oneshot::channel();
        let jobb = Jobb {
            aktor: aktor.clone(),
            tid: tidstext(nu),
            poster: poster.to_vec(),
            klar,
            lamnad: Instant::now(),
        };
        let stangd = || StoreError::Korrupt("granskningsloggen tar inte emot poster".into());
        self.0.logg.ko.send(jobb).await.map_err(|_| stangd())?;
        svar.await
            .map_err(|_| stangd())?
            .map_err(StoreError::Loggning)
    }

    /// Audit records about a person, newest first: (handling, user).
    pub async fn granskningar_for_person(
        &self,
        person: PersonId,
    ) -> Result<Vec<(String, AnvandarId)>, StoreError> {
        const SQL: &str = concat!(
            poster_fraga!("g.handling, g.anvandare", "g.person = $1", "r.person = $1"),
            " ORDER BY tidpunkt DESC, kedja DESC, seq DESC, nr"
        );
        self.0
            .db
            .fetch_all(SQL, &[v(person)])
            .await?
            .iter()
            .map(|r| Ok((r.text("handling")?, r.parse("anvandare")?)))
            .collect()
    }

    /// Audit records by a user, oldest first: (person, case) as stored.
    pub async fn granskningar_for_anvandare(
        &self,
        anvandare: AnvandarId,
    ) -> Result<Vec<(Option<String>, Option<String>)>, StoreError> {
        const SQL: &str = concat!(
            poster_fraga!("g.anvandare", "g.anvandare = $1", "g.anvandare = $1"),
            " ORDER BY tidpunkt, kedja, seq, nr"
        );
        self.0
            .db
            .fetch_all(SQL, &[v(anvandare)])
            .await?
            .iter()
            .map(|r| Ok((r.opt_text("person")?, r.opt_text("arende")?)))
            .collect()
    }

    /// Refusals by a user, oldest first: (handling, person, case, reason) as stored.
    pub async fn nekanden_for_anvandare(
        &self,
        anvandare: AnvandarId,
    ) -> Result<Vec<(String, Option<String>, Option<String>, Option<String>)>, StoreError> {
        const SQL: &str = concat!(
            poster_fraga!(
                "g.handling, g.skal",
                "g.anvandare = $1 AND g.handling LIKE '%nekad'",
                "g.anvandare = $1 AND g.handling LIKE '%nekad'"
            ),
            " ORDER BY tidpunkt, kedja, seq, nr"
        );
        self.0
            .db
            .fetch_all(SQL, &[v(anvandare)])
            .await?
            .iter()
            .map(|r| {
                Ok((
                    r.text("handling")?,
                    r.opt_text("person")?,
                    r.opt_text("arende")?,
                    r.opt_text("skal")?,
                ))
            })
            .collect()
    }

    /// Loggkontroll: the audit records that match, newest first, at most `max`:
    /// a list row's records one by one, each filtered on its own person and flags.
    pub async fn sok_logg(
        &self,
        kommun: KommunId,
        filter: &Loggfilter,
        max: i64,
    ) -> Result<Vec<Loggrad>, StoreError> {
        // One statement for every filter: an unset filter is NULL or 0 and matches all.
        const SQL: &str = loggrad_fraga!(
            "g.kommun = $1 AND g.tidpunkt >= $2 AND g.tidpunkt < $3 \
             AND ($4 IS NULL OR g.person = $4) AND ($5 IS NULL OR g.anvandare = $5) \
             AND ($6 = 0 OR g.utanfor = 1) AND ($7 = 0 OR g.skyddad = 1)",
            "g.kommun = $1 AND r.kommun = $1 AND g.tidpunkt >= $2 AND g.tidpunkt < $3 \
             AND ($4 IS NULL OR r.person = $4) AND ($5 IS NULL OR g.anvandare = $5) \
             AND ($6 = 0 OR r.utanfor = 1) AND ($7 = 0 OR r.skyddad = 1)",
            "ORDER BY tidpunkt DESC, kedja DESC, seq DESC, nr LIMIT $8"
        );
        self.0
            .db
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

    /// Attempts since `fran` to register a person the registering user could not
    /// see (skyddade personuppgifter), newest first, at most 50: those with the
    /// right see them, so that what arrived is not lost (issue 12).
    pub async fn registreringsforsok(
        &self,
        kommun: KommunId,
        fran: OffsetDateTime,
    ) -> Result<Vec<Loggrad>, StoreError> {
        const SQL: &str = loggrad_fraga!(
            "g.kommun = $1 AND g.handling = $2 AND g.tidpunkt >= $3",
            "g.kommun = $1 AND g.handling = $2 AND g.tidpunkt >= $3",
            "ORDER BY tidpunkt DESC, kedja DESC, seq DESC, nr LIMIT 50"
        );
        self.0
            .db
            .fetch_all(
                SQL,
                &[
                    v(kommun),
                    V::T(Some(REGISTRERING_NEKAD.into())),
                    tidstext(fran).into(),
                ],
            )
            .await?
            .iter()
            .map(loggrad)
            .collect()
    }

    /// Walks every chain of a kommun's audit log and reports the first broken link.
    pub async fn verifiera_logg(&self, kommun: KommunId) -> Result<Loggkontroll, StoreError> {
        Ok(self.verifiera_logg_utforligt(kommun).await?.resultat)
    }

    /// `verifiera_logg`, and what was checked: each chain's hashes (a list row's
    /// with its records); with a key, each row's MAC from the chain's keyed-from
    /// point on; every head a row of another chain names; with an anchor file,
    /// every anchored head; that each chain's head is its last row, by place and
    /// by hash; and that no row or list record stands outside the chains.
    pub async fn verifiera_logg_utforligt(
        &self,
        kommun: KommunId,
    ) -> Result<Loggverifiering, StoreError> {
        let k = kommun.to_string();
        let mut svar = Loggverifiering {
            resultat: Loggkontroll::Hel { poster: 0 },
            kedjor: 0,
            listposter: 0,
            hanvisningar: 0,
            nycklade: 0,
            onycklade: 0,
            ankare: 0,
            utan_nyckel: !self.0.sakring.har_nyckel(),
            utan_ankarfil: self.0.sakring.ankarfil.is_none(),
        };
        // The anchors are read before the rows: heads only grow, so every anchor
        // read is at or behind the rows read after it.
        let mut ankare: BTreeMap<(i64, i64), Ankare> = BTreeMap::new();
        if let Some(fil) = &self.0.sakring.ankarfil {
            for rad in las_ankare(fil).await?.unwrap_or_default() {
                let Ok(a) = rad else {
                    svar.resultat = bruten(0, 0, "", "ankarfilen har en rad som inte går att läsa");
                    return Ok(svar);
                };
                let kedja = match tolka_kedjenamn(&a.kedja) {
                    Some((namn, kedja)) if namn == k => kedja,
                    _ => continue,
                };
                if !svar.utan_nyckel {
                    let fel = match a.kontrollera(&self.0.sakring) {
                        Stampelkontroll::Stammer => None,
                        Stampelkontroll::Fel => Some("ett ankare har ändrats"),
                        Stampelkontroll::OkandNyckel => Some("ett ankare har en okänd nyckel"),
                    };
                    if let Some(orsak) = fel {
                        svar.resultat = bruten(kedja, a.seq, &a.tid, orsak);
                        return Ok(svar);
                    }
                }
                if let Some(tidigare) = ankare.get(&(kedja, a.seq))
                    && tidigare.hash != a.hash
                {
                    svar.resultat =
                        bruten(kedja, a.seq, &a.tid, "två ankare säger olika om samma post");
                    return Ok(svar);
                }
                svar.ankare += 1;
                ankare.insert((kedja, a.seq), a);
            }
        }
        // One snapshot of heads and rows, so that a concurrent append is not
        // taken for a broken head. (On SQLite `begin` takes the write lock: the
        // walk holds off writers until it is done.)
        let mut tx = self.0.db.begin().await?;
        if tx.ar_postgres() {
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", &[])
                .await?;
        }
        let resultat = self.verifiera_i(&mut tx, &k, &ankare, &mut svar).await?;
        tx.commit().await?;
        svar.resultat = resultat;
        Ok(svar)
    }

    async fn verifiera_i(
        &self,
        tx: &mut Tx,
        k: &str,
        ankare: &BTreeMap<(i64, i64), Ankare>,
        svar: &mut Loggverifiering,
    ) -> Result<Loggkontroll, StoreError> {
        let huvuden: BTreeMap<i64, Rad> = tx
            .fetch_all(
                "SELECT kedja, seq, hash, nycklad_fran, nycklad_stampel FROM granskning_kedja WHERE kommun = $1",
                &[k.into()],
            )
            .await?
            .into_iter()
            .map(|h| Ok((h.int("kedja")?, h)))
            .collect::<Result<_, StoreError>>()?;
        // The heads other chains' rows name: (chain, seq) → hash. Read first, so
        // each chain's walk can check them as it passes; the naming rows' own
        // hashes are checked in their walk.
        let mut namnda: BTreeMap<(i64, i64), String> = BTreeMap::new();
        // Per chain, the last place a keyed row of another chain named: its
        // unkeyed rows up to there are held by that row's MAC.
        let mut fasta: BTreeMap<i64, i64> = BTreeMap::new();
        let (mut fran_kedja, mut fran_seq) = (i64::MIN, i64::MIN);
        loop {
            let sida = tx
                .fetch_all(
                    "SELECT kedja, seq, tidpunkt, hanvisningar, mac FROM granskning \
                     WHERE kommun = $1 AND hanvisningar IS NOT NULL AND (kedja > $2 OR (kedja = $2 AND seq > $3)) \
                     ORDER BY kedja, seq LIMIT $4",
                    &[k.into(), fran_kedja.into(), fran_seq.into(), SIDA.into()],
                )
                .await?;
            for r in &sida {
                let (kedja, seq) = (r.int("kedja")?, r.int("seq")?);
                (fran_kedja, fran_seq) = (kedja, seq);
                let Some(lista) = tolka_hanvisningar(&r.text("hanvisningar")?) else {
                    return Ok(bruten(
                        kedja,
                        seq,
                        &r.text("tidpunkt")?,
                        "posten har en hänvisning som inte går att läsa",
                    ));
                };
                let nycklad = r.opt_text("mac")?.is_some();
                for (till_kedja, till_seq, hash) in lista {
                    svar.hanvisningar += 1;
                    if nycklad {
                        let fast = fasta.entry(till_kedja).or_default();
                        *fast = (*fast).max(till_seq);
                    }
                    match namnda.get(&(till_kedja, till_seq)) {
                        Some(tidigare) if *tidigare != hash => {
                            return Ok(bruten(
                                till_kedja,
                                till_seq,
                                "",
                                "två kedjor säger olika om samma post",
                            ));
                        }
                        Some(_) => {}
                        None => {
                            namnda.insert((till_kedja, till_seq), hash);
                        }
                    }
                }
            }
            if (sida.len() as i64) < SIDA {
                break;
            }
        }
        let kedjor: BTreeSet<i64> = (LASKEDJA..=SISTA_KEDJAN)
            .chain(huvuden.keys().copied())
            .chain(ankare.keys().map(|(kedja, _)| *kedja))
            .chain(namnda.keys().map(|(kedja, _)| *kedja))
            .collect();
        // Once any chain of the kommun is keyed (its keyed-from point checked in
        // its walk), an unkeyed row must be before its chain's point or held by a
        // keyed row of another chain: else it could have been added since.
        let nycklad = !svar.utan_nyckel
            && huvuden
                .values()
                .any(|h| h.opt_int("nycklad_fran").ok().flatten().is_some());
        for &kedja in &kedjor {
            let gang = Kedjegang {
                k,
                kedja,
                huvud: huvuden.get(&kedja),
                ankare,
                namnda: &namnda,
                onycklad_till: match nycklad {
                    true => fasta.get(&kedja).copied().unwrap_or(0),
                    false => i64::MAX,
                },
            };
            if let Some(fel) = self.gaa_kedja(tx, &gang, svar).await? {
                return Ok(fel);
            }
        }
        // Every row walked is keyed or unkeyed legacy.
        let antal = svar.nycklade + svar.onycklade;
        // Rows the walks did not reach: outside the chains Lots writes, or without
        // a place (written before the chain began, issue 4).
        let alla = tx
            .fetch_optional(
                "SELECT COUNT(*) AS n FROM granskning WHERE kommun = $1",
                &[k.into()],
            )
            .await?
            .map(|r| r.int("n"))
            .transpose()?
            .unwrap_or(0);
        if alla != antal {
            let forsta = kedjor.first().copied().unwrap_or(LASKEDJA);
            let sista = kedjor.last().copied().unwrap_or(SISTA_KEDJAN);
            let utanfor = tx
                .fetch_optional(
                    "SELECT kedja, seq, tidpunkt FROM granskning WHERE kommun = $1 \
                     AND (seq IS NULL OR seq < 1 OR kedja < $2 OR kedja > $3) LIMIT 1",
                    &[k.into(), forsta.into(), sista.into()],
                )
                .await?;
            return Ok(match utanfor {
                Some(r) if r.opt_int("seq")?.is_none() => bruten(
                    r.int("kedja")?,
                    0,
                    &r.text("tidpunkt")?,
                    "posten saknar plats i kedjan",
                ),
                Some(r) => bruten(
                    r.int("kedja")?,
                    r.int("seq")?,
                    &r.text("tidpunkt")?,
                    "posten står utanför kedjorna",
                ),
                None => bruten(0, 0, "", "loggen har fler poster än kedjorna"),
            });
        }
        let listposter = tx
            .fetch_optional(
                "SELECT COUNT(*) AS n FROM granskning_post WHERE kommun = $1",
                &[k.into()],
            )
            .await?
            .map(|r| r.int("n"))
            .transpose()?
            .unwrap_or(0);
        if listposter != svar.listposter {
            return Ok(bruten(
                0,
                0,
                "",
                "en post i en lista hör inte till någon rad i loggen",
            ));
        }
        Ok(Loggkontroll::Hel { poster: antal })
    }

    /// Walks one chain from seq 1, with its list records, page by page (so a long
    /// log is not held in memory); None if it holds.
    async fn gaa_kedja(
        &self,
        tx: &mut Tx,
        g: &Kedjegang<'_>,
        svar: &mut Loggverifiering,
    ) -> Result<Option<Loggkontroll>, StoreError> {
        let (k, kedja) = (g.k, g.kedja);
        let namn = kedjenamn(k, kedja);
        // Rows from this place on must carry a valid MAC. Rows before it were
        // written before the key and are held by the first keyed row's link to
        // them; the place is stamped, so it cannot be moved on.
        let mut nycklad_fran = i64::MAX;
        if let Some(h) = g.huvud
            && let Some(fran) = h.opt_int("nycklad_fran")?
            && !svar.utan_nyckel
        {
            let stampel = h.opt_text("nycklad_stampel")?.unwrap_or_default();
            let frantext = fran.to_string();
            let fel = match self
                .0
                .sakring
                .kontrollera(&stampel, &gransstampel_delar(&namn, &frantext))
            {
                Stampelkontroll::Stammer => None,
                Stampelkontroll::Fel => Some("gränsen för onycklade poster har ändrats"),
                Stampelkontroll::OkandNyckel => {
                    Some("gränsen för onycklade poster har en okänd nyckel")
                }
            };
            match fel {
                None => nycklad_fran = fran,
                Some(orsak) => return Ok(Some(bruten(kedja, fran, "", orsak))),
            }
        }
        let mut prev = NOLLHASH.to_string();
        let mut vantad: i64 = 1;
        let mut nycklad = false;
        loop {
            let rader = tx
                .fetch_all(
                    concat!(
                        "SELECT ",
                        granskning_kolumner!(),
                        " FROM granskning WHERE kommun = $1 AND kedja = $2 AND seq >= $3 ORDER BY seq LIMIT $4"
                    ),
                    &[k.into(), kedja.into(), vantad.into(), SIDA.into()],
                )
                .await?;
            let (Some(forsta), Some(sista)) = (rader.first(), rader.last()) else {
                break;
            };
            // The page's list records, by row.
            let mut listor: HashMap<String, Vec<(i64, Listpost)>> = HashMap::new();
            for r in tx
                .fetch_all(
                    "SELECT r.granskning, r.nr, r.person, r.arende, r.utanfor, r.skyddad \
                     FROM granskning g JOIN granskning_post r ON r.kommun = g.kommun AND r.granskning = g.id \
                     WHERE g.kommun = $1 AND g.kedja = $2 AND g.seq >= $3 AND g.seq <= $4 ORDER BY g.seq, r.nr",
                    &[
                        k.into(),
                        kedja.into(),
                        forsta.int("seq")?.into(),
                        sista.int("seq")?.into(),
                    ],
                )
                .await?
            {
                listor
                    .entry(r.text("granskning")?)
                    .or_default()
                    .push((r.int("nr")?, Listpost::fran_rad(&r)?));
            }
            for r in &rader {
                let tidpunkt = r.text("tidpunkt")?;
                let seq = r.int("seq")?;
                if seq != vantad {
                    return Ok(Some(bruten(kedja, vantad, &tidpunkt, "en post saknas")));
                }
                let poster = listor.remove(&r.text("id")?).unwrap_or_default();
                let lista: Option<Vec<Listpost>> = match r.opt_int("poster")? {
                    None if poster.is_empty() => None,
                    // Records added to a plain row.
                    None => return Ok(Some(bruten(kedja, seq, &tidpunkt, "posten har ändrats"))),
                    Some(n)
                        if n == poster.len() as i64
                            && poster.iter().zip(1..).all(|((nr, _), i)| *nr == i) =>
                    {
                        Some(poster.into_iter().map(|(_, p)| p).collect())
                    }
                    Some(_) => {
                        return Ok(Some(bruten(
                            kedja,
                            seq,
                            &tidpunkt,
                            "posten eller en post i dess lista har ändrats",
                        )));
                    }
                };
                let lagrad = r.opt_text("hash")?;
                if r.opt_text("prev_hash")?.as_deref() != Some(prev.as_str())
                    || lagrad.is_none()
                    || radhash(r, lista.as_deref(), &prev, k).ok() != lagrad
                {
                    let orsak = if lista.is_some() {
                        "posten eller en post i dess lista har ändrats"
                    } else {
                        "posten har ändrats"
                    };
                    return Ok(Some(bruten(kedja, seq, &tidpunkt, orsak)));
                }
                let lagrad = lagrad.unwrap_or_default();
                let seqtext = seq.to_string();
                match r.opt_text("mac")? {
                    // Lots writes no unkeyed row once the kommun's log is keyed:
                    // one after the chain's stamped point or a keyed row, or in a
                    // chain never keyed but not held by another chain's keyed row,
                    // was added since.
                    None if nycklad
                        || (seq >= nycklad_fran
                            || (nycklad_fran == i64::MAX && seq > g.onycklad_till)) =>
                    {
                        return Ok(Some(bruten(
                            kedja,
                            seq,
                            &tidpunkt,
                            "posten saknar nyckelstämpel",
                        )));
                    }
                    None => svar.onycklade += 1,
                    Some(_) if svar.utan_nyckel => {
                        nycklad = true;
                        svar.nycklade += 1
                    }
                    Some(mac) => {
                        let fel = match self
                            .0
                            .sakring
                            .kontrollera(&mac, &radstampel_delar(&namn, &seqtext, &lagrad))
                        {
                            Stampelkontroll::Stammer => None,
                            Stampelkontroll::Fel => {
                                Some("posten har ändrats (nyckelstämpeln stämmer inte)")
                            }
                            Stampelkontroll::OkandNyckel => Some("posten har en okänd nyckel"),
                        };
                        if let Some(orsak) = fel {
                            return Ok(Some(bruten(kedja, seq, &tidpunkt, orsak)));
                        }
                        nycklad = true;
                        svar.nycklade += 1;
                    }
                }
                if let Some(a) = g.ankare.get(&(kedja, seq))
                    && a.hash != lagrad
                {
                    return Ok(Some(bruten(
                        kedja,
                        seq,
                        &tidpunkt,
                        "posten skiljer sig från ankaret",
                    )));
                }
                if let Some(hash) = g.namnda.get(&(kedja, seq))
                    && *hash != lagrad
                {
                    return Ok(Some(bruten(
                        kedja,
                        seq,
                        &tidpunkt,
                        "posten skiljer sig från vad en annan kedja säger om den",
                    )));
                }
                svar.listposter += lista.map_or(0, |l| l.len() as i64);
                prev = lagrad;
                vantad += 1;
            }
            if (rader.len() as i64) < SIDA {
                break;
            }
        }
        let sista = vantad - 1;
        if sista > 0 {
            svar.kedjor += 1;
        }
        // Rows cut from the end with the head moved back along: the anchor
        // outside the database, or another chain's row, still names the lost rows.
        if let Some((_, a)) = g
            .ankare
            .range((kedja, sista + 1)..=(kedja, i64::MAX))
            .last()
        {
            return Ok(Some(bruten(
                kedja,
                sista + 1,
                &a.tid,
                "poster i slutet saknas enligt ankaret",
            )));
        }
        if g.namnda
            .range((kedja, sista + 1)..=(kedja, i64::MAX))
            .next()
            .is_some()
        {
            return Ok(Some(bruten(
                kedja,
                sista + 1,
                "",
                "poster i slutet saknas enligt en annan kedja",
            )));
        }
        match g.huvud {
            None if sista > 0 => {
                return Ok(Some(bruten(kedja, sista, "", "kedjans huvud saknas")));
            }
            None => {}
            Some(h) => {
                let seq = h.int("seq")?;
                if seq > sista {
                    // A removed last row leaves the head ahead of the rows.
                    return Ok(Some(bruten(kedja, sista + 1, "", "poster i slutet saknas")));
                }
                if seq != sista || h.text("hash")? != prev {
                    return Ok(Some(bruten(kedja, seq, "", "kedjans huvud har flyttats")));
                }
            }
        }
        Ok(None)
    }

    /// Appends an anchor of every chain head that moved since the last anchor
    /// this process wrote, to the configured anchor file, and forces it to disk.
    /// Does nothing without a key and a file. Returns the anchors written.
    pub async fn ankra_logg(&self, nu: OffsetDateTime) -> Result<Vec<Ankare>, StoreError> {
        let (Some(nyckel), Some(fil)) = (&self.0.sakring.nyckel, &self.0.sakring.ankarfil) else {
            return Ok(vec![]);
        };
        let huvuden = self
            .0
            .db
            .fetch_all(
                "SELECT kommun, kedja, seq, hash FROM granskning_kedja WHERE seq > 0 ORDER BY kommun, kedja",
                &[],
            )
            .await?;
        let mut senast = self.0.senaste_ankare.lock().await;
        let mut nya = vec![];
        for h in huvuden {
            let kedja = kedjenamn(&h.text("kommun")?, h.int("kedja")?);
            let seq = h.int("seq")?;
            if senast.get(&kedja) == Some(&seq) {
                continue;
            }
            nya.push(Ankare::ny(
                nyckel,
                kedja,
                seq,
                h.text("hash")?,
                tidstext(nu),
            ));
        }
        if !nya.is_empty() {
            skriv_ankare(fil, &nya).await?;
            for a in &nya {
                senast.insert(a.kedja.clone(), a.seq);
            }
        }
        Ok(nya)
    }

    /// Whether any chain has keyed rows: then Lots must not run without the key.
    pub async fn logg_ar_nycklad(&self) -> Result<bool, StoreError> {
        Ok(self
            .0
            .db
            .fetch_optional(
                "SELECT kommun FROM granskning_kedja WHERE nycklad_fran IS NOT NULL",
                &[],
            )
            .await?
            .is_some())
    }
}

/// Rows read per query when a chain is walked.
const SIDA: i64 = 5_000;

fn bruten(kedja: i64, seq: i64, tidpunkt: &str, orsak: &'static str) -> Loggkontroll {
    Loggkontroll::Bruten {
        kedja,
        seq,
        tidpunkt: tidpunkt.to_string(),
        orsak,
    }
}

/// What one chain's walk checks against.
struct Kedjegang<'a> {
    k: &'a str,
    kedja: i64,
    huvud: Option<&'a Rad>,
    ankare: &'a BTreeMap<(i64, i64), Ankare>,
    namnda: &'a BTreeMap<(i64, i64), String>,
    /// The last place an unkeyed row may have besides those before the chain's
    /// own keyed-from point: i64::MAX while no chain of the kommun is keyed.
    onycklad_till: i64,
}

/// What `lots verify-log` checked, besides its verdict.
#[derive(Debug, Clone)]
pub struct Loggverifiering {
    pub resultat: Loggkontroll,
    /// Chains with rows.
    pub kedjor: usize,
    /// Records named by list rows (each covered by its row's hash).
    pub listposter: i64,
    /// Other chains' heads named by rows, each found with its hash.
    pub hanvisningar: usize,
    /// Rows with a MAC (checked, unless `utan_nyckel`).
    pub nycklade: i64,
    /// Rows written before the key (held by the hash chain and the first keyed row).
    pub onycklade: i64,
    /// Anchors of this kommun's chains found and checked.
    pub ankare: usize,
    /// No key was configured: the MACs were not checked.
    pub utan_nyckel: bool,
    /// No anchor file was configured: a chain cut short with its head moved back
    /// is found only as far as another chain names it.
    pub utan_ankarfil: bool,
}
