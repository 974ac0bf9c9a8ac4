//! The audit log (granskningsloggen): who read or changed what, about which
//! person and case (DESIGN.md principle 4; OSL 26 kap., SoL 14 kap. 7 §).
//!
//! Every row is appended to the kommun's hash chain, so a changed or removed row
//! is found by `lots verify-log`. Writes log in their own transaction; reads log
//! before the response leaves (`Granskning::logga_lasning`). With a key configured
//! each row also carries a MAC, and the chain heads are anchored outside the
//! database (`loggsakring.rs`), so that a rewritten and rehashed chain, or one
//! cut short with its head moved back, is found too.

use lots_domain::ids::*;
use lots_domain::organisation::Roll;
use time::OffsetDateTime;

use std::collections::BTreeMap;
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use crate::db::{Db, Rad, V};
use crate::kedja::{
    Aktor, Granskningspost, NOLLHASH, granskning_kolumner, granskning_radhash, skriv_granskningar,
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

/// The audit row of a refused registration of a person the user may not see.
pub const REGISTRERING_NEKAD: &str = "person.registrering.nekad";

/// A loggkontroll query with a condition: the row `loggrad` reads, written once.
macro_rules! loggrad_fraga {
    ($villkor:literal) => {
        concat!(
            "SELECT g.tidpunkt, g.anvandare, u.namn AS anvandare_namn, g.roll, e.namn AS enhet_namn, g.handling, ",
            "g.person, p.fornamn, p.efternamn, g.arende, g.skal, g.utanfor, g.skyddad FROM granskning g ",
            "LEFT JOIN anvandare u ON u.id = g.anvandare LEFT JOIN enhet e ON e.id = g.enhet ",
            "LEFT JOIN person p ON p.id = g.person ",
            $villkor
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
    pub(crate) fn starta(db: Db, sakring: Arc<Loggsakring>) -> Self {
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
                let svar = skriv_grupp(&db, &sakring, &grupp).await.map_err(|e| {
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

async fn skriv_grupp(db: &Db, sakring: &Loggsakring, grupp: &[Jobb]) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let poster: Vec<(&Aktor, &str, &Granskningspost)> = grupp
        .iter()
        .flat_map(|j| j.poster.iter().map(move |p| (&j.aktor, j.tid.as_str(), p)))
        .collect();
    skriv_granskningar(&mut tx, sakring, &poster).await?;
    tx.commit().await
}

impl Granskning<'_> {
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
        if poster.is_empty() || !self.0.lasgranskning {
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
        self.0.logg.ko.send(jobb).await.map_err(|_| stangd())?;
        svar.await
            .map_err(|_| stangd())?
            .map_err(StoreError::Loggning)
    }

    /// Audit rows about a person, newest first: (handling, user).
    pub async fn granskningar_for_person(
        &self,
        person: PersonId,
    ) -> Result<Vec<(String, AnvandarId)>, StoreError> {
        self.0
            .db
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
        self.0
            .db
            .fetch_all(
                "SELECT person, arende FROM granskning WHERE anvandare = $1 ORDER BY seq",
                &[v(anvandare)],
            )
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
        self.0
            .db
            .fetch_all(
                "SELECT handling, person, arende, skal FROM granskning \
                 WHERE anvandare = $1 AND handling LIKE '%nekad' ORDER BY seq",
                &[v(anvandare)],
            )
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

    /// Loggkontroll: the audit rows that match, newest first, at most `max`.
    pub async fn sok_logg(
        &self,
        kommun: KommunId,
        filter: &Loggfilter,
        max: i64,
    ) -> Result<Vec<Loggrad>, StoreError> {
        // One statement for every filter: an unset filter is NULL or 0 and matches all.
        const SQL: &str = loggrad_fraga!(
            "WHERE g.kommun = $1 AND g.tidpunkt >= $2 AND g.tidpunkt < $3 \
             AND ($4 IS NULL OR g.person = $4) AND ($5 IS NULL OR g.anvandare = $5) \
             AND ($6 = 0 OR g.utanfor = 1) AND ($7 = 0 OR g.skyddad = 1) \
             ORDER BY g.seq DESC LIMIT $8"
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
            "WHERE g.kommun = $1 AND g.handling = $2 AND g.tidpunkt >= $3 \
             ORDER BY g.tidpunkt DESC LIMIT 50"
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

    /// Walks a kommun's audit chain from the start and reports the first broken link.
    pub async fn verifiera_logg(&self, kommun: KommunId) -> Result<Loggkontroll, StoreError> {
        Ok(self.verifiera_logg_utforligt(kommun).await?.resultat)
    }

    /// `verifiera_logg`, and what was checked: the hash chain; with a key, each
    /// row's MAC from the chain's keyed-from point on; with an anchor file, that
    /// every anchored head is still in the chain with the same hash; and that
    /// the chain's head is its last row, by place and by hash.
    pub async fn verifiera_logg_utforligt(
        &self,
        kommun: KommunId,
    ) -> Result<Loggverifiering, StoreError> {
        let k = kommun.to_string();
        let mut svar = Loggverifiering {
            resultat: Loggkontroll::Hel { poster: 0 },
            nycklade: 0,
            onycklade: 0,
            ankare: 0,
            utan_nyckel: !self.0.sakring.har_nyckel(),
            utan_ankarfil: self.0.sakring.ankarfil.is_none(),
        };
        let bruten = |seq: i64, tidpunkt: &str, orsak: &'static str| Loggkontroll::Bruten {
            seq,
            tidpunkt: tidpunkt.to_string(),
            orsak,
        };
        // The anchors are read before the rows: heads only grow, so every anchor
        // read is at or behind the rows read after it.
        let mut ankare: BTreeMap<i64, Ankare> = BTreeMap::new();
        if let Some(fil) = &self.0.sakring.ankarfil {
            for rad in las_ankare(fil).await?.unwrap_or_default() {
                let Ok(a) = rad else {
                    svar.resultat = bruten(0, "", "ankarfilen har en rad som inte går att läsa");
                    return Ok(svar);
                };
                if a.kedja != k {
                    continue;
                }
                if !svar.utan_nyckel {
                    match a.kontrollera(&self.0.sakring) {
                        Stampelkontroll::Stammer => {}
                        Stampelkontroll::Fel => {
                            svar.resultat = bruten(a.seq, &a.tid, "ett ankare har ändrats");
                            return Ok(svar);
                        }
                        Stampelkontroll::OkandNyckel => {
                            svar.resultat = bruten(a.seq, &a.tid, "ett ankare har en okänd nyckel");
                            return Ok(svar);
                        }
                    }
                }
                if let Some(tidigare) = ankare.get(&a.seq)
                    && tidigare.hash != a.hash
                {
                    svar.resultat = bruten(a.seq, &a.tid, "två ankare säger olika om samma post");
                    return Ok(svar);
                }
                svar.ankare += 1;
                ankare.insert(a.seq, a);
            }
        }
        // One snapshot of head and rows, so that a concurrent append is not
        // taken for a broken head.
        let mut tx = self.0.db.begin().await?;
        if tx.ar_postgres() {
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", &[])
                .await?;
        }
        let huvud = tx
            .fetch_optional(
                "SELECT seq, hash, nycklad_fran, nycklad_stampel FROM granskning_kedja WHERE kommun = $1",
                &[k.as_str().into()],
            )
            .await?;
        let rader = tx
            .fetch_all(
                concat!(
                    "SELECT ",
                    granskning_kolumner!(),
                    " FROM granskning WHERE kommun = $1 ORDER BY seq"
                ),
                &[k.as_str().into()],
            )
            .await?;
        tx.commit().await?;
        // Rows from this place on must carry a valid MAC. Rows before it were
        // written before the key and are held by the first keyed row's link to
        // them; the place is stamped, so it cannot be moved on.
        let mut nycklad_fran = i64::MAX;
        if let Some(h) = &huvud
            && let Some(fran) = h.opt_int("nycklad_fran")?
            && !svar.utan_nyckel
        {
            let stampel = h.opt_text("nycklad_stampel")?.unwrap_or_default();
            let frantext = fran.to_string();
            match self
                .0
                .sakring
                .kontrollera(&stampel, &gransstampel_delar(&k, &frantext))
            {
                Stampelkontroll::Stammer => nycklad_fran = fran,
                Stampelkontroll::Fel => {
                    svar.resultat = bruten(fran, "", "gränsen för onycklade poster har ändrats");
                    return Ok(svar);
                }
                Stampelkontroll::OkandNyckel => {
                    svar.resultat =
                        bruten(fran, "", "gränsen för onycklade poster har en okänd nyckel");
                    return Ok(svar);
                }
            }
        }
        let mut prev = NOLLHASH.to_string();
        let mut vantad = 1;
        for r in &rader {
            let tidpunkt = r.text("tidpunkt")?;
            let Some(seq) = r.opt_int("seq")? else {
                svar.resultat = bruten(0, &tidpunkt, "posten saknar plats i kedjan");
                return Ok(svar);
            };
            if seq != vantad {
                svar.resultat = bruten(vantad, &tidpunkt, "en post saknas");
                return Ok(svar);
            }
            let lagrad = r.opt_text("hash")?;
            if r.opt_text("prev_hash")?.as_deref() != Some(prev.as_str())
                || lagrad.is_none()
                || granskning_radhash(r, &prev, &k).ok() != lagrad
            {
                svar.resultat = bruten(seq, &tidpunkt, "posten har ändrats");
                return Ok(svar);
            }
            let lagrad = lagrad.unwrap_or_default();
            let seqtext = seq.to_string();
            match r.opt_text("mac")? {
                None if seq >= nycklad_fran => {
                    svar.resultat = bruten(seq, &tidpunkt, "posten saknar nyckelstämpel");
                    return Ok(svar);
                }
                None => svar.onycklade += 1,
                Some(_) if svar.utan_nyckel => svar.nycklade += 1,
                Some(mac) => match self
                    .0
                    .sakring
                    .kontrollera(&mac, &radstampel_delar(&k, &seqtext, &lagrad))
                {
                    Stampelkontroll::Stammer => svar.nycklade += 1,
                    Stampelkontroll::Fel => {
                        svar.resultat = bruten(
                            seq,
                            &tidpunkt,
                            "posten har ändrats (nyckelstämpeln stämmer inte)",
                        );
                        return Ok(svar);
                    }
                    Stampelkontroll::OkandNyckel => {
                        svar.resultat = bruten(seq, &tidpunkt, "posten har en okänd nyckel");
                        return Ok(svar);
                    }
                },
            }
            if let Some(a) = ankare.get(&seq)
                && a.hash != lagrad
            {
                svar.resultat = bruten(seq, &tidpunkt, "posten skiljer sig från ankaret");
                return Ok(svar);
            }
            prev = lagrad;
            vantad += 1;
        }
        let sista = vantad - 1;
        // Rows cut from the end with the head moved back along: the anchor
        // outside the database still names the lost rows.
        if let Some((&seq, a)) = ankare.last_key_value()
            && seq > sista
        {
            svar.resultat = bruten(sista + 1, &a.tid, "poster i slutet saknas enligt ankaret");
            return Ok(svar);
        }
        match &huvud {
            None if sista > 0 => {
                svar.resultat = bruten(sista, "", "kedjans huvud saknas");
                return Ok(svar);
            }
            None => {}
            Some(h) => {
                let seq = h.int("seq")?;
                if seq > sista {
                    // A removed last row leaves the head ahead of the rows.
                    svar.resultat = bruten(sista + 1, "", "poster i slutet saknas");
                    return Ok(svar);
                }
                if seq != sista || h.text("hash")? != prev {
                    svar.resultat = bruten(seq, "", "kedjans huvud har flyttats");
                    return Ok(svar);
                }
            }
        }
        svar.resultat = Loggkontroll::Hel { poster: sista };
        Ok(svar)
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
                "SELECT kommun, seq, hash FROM granskning_kedja WHERE seq > 0 ORDER BY kommun",
                &[],
            )
            .await?;
        let mut senast = self.0.senaste_ankare.lock().await;
        let mut nya = vec![];
        for h in huvuden {
            let (kedja, seq) = (h.text("kommun")?, h.int("seq")?);
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

/// What `lots verify-log` checked, besides its verdict.
#[derive(Debug, Clone)]
pub struct Loggverifiering {
    pub resultat: Loggkontroll,
    /// Rows with a MAC (checked, unless `utan_nyckel`).
    pub nycklade: i64,
    /// Rows written before the key (held by the hash chain and the first keyed row).
    pub onycklade: i64,
    /// Anchors of this chain found and checked.
    pub ankare: usize,
    /// No key was configured: the MACs were not checked.
    pub utan_nyckel: bool,
    /// No anchor file was configured: a chain cut short with its head moved back is not found.
    pub utan_ankarfil: bool,
}
