//! The actor and the hash chains: who acts, and how what they did is appended
//! so that it cannot be changed unseen.
//!
//! Two chains are kept, both here: each case's events (`handelse`, chained per
//! case by `kedjehash`) and each kommun's audit log (`granskning`, chained per
//! kommun by `granskningshash`, with a MAC per row when a key is configured,
//! `loggsakring.rs`). `handelser.rs` appends events and `granskning.rs` reads and
//! verifies the audit log; both take the actor, the hashes and the appends from
//! this module, which depends on neither.

use lots_domain::arende::{Handelse, SCHEMA_VERSION};
use lots_domain::ids::*;
use lots_domain::organisation::Roll;
use sha2::{Digest, Sha256};

use crate::StoreError;
use crate::db::{Rad, Tx, V};
use crate::loggsakring::{Loggsakring, gransstampel_delar, radstampel_delar};
use crate::org::v;

/// Who acts: the identity the web layer resolved for the request.
#[derive(Debug, Clone)]
pub struct Aktor {
    pub id: AnvandarId,
    pub kommun: KommunId,
    pub enhet: EnhetId,
    pub roll: Roll,
}

impl From<&crate::Anvandare> for Aktor {
    fn from(a: &crate::Anvandare) -> Self {
        Self {
            id: a.id,
            kommun: a.kommun,
            enhet: a.enhet,
            roll: a.roll,
        }
    }
}

pub(crate) const NOLLHASH: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";

pub(crate) fn kedjehash(
    prev: &str,
    arende: ArendeId,
    seq: i64,
    kind: &str,
    payload: &str,
    aktor: AnvandarId,
    tidpunkt: &str,
) -> String {
    let mut h = Sha256::new();
    for del in [
        prev,
        &arende.to_string(),
        &seq.to_string(),
        kind,
        payload,
        &aktor.to_string(),
        tidpunkt,
    ] {
        h.update(del.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

/// `handelse` with its columns, for `Tx::infoga`: the rows `handelserad` gives.
pub(crate) const HANDELSE: &str = "handelse (arende, seq, kommun, id, kind, schema_version, payload, aktor, tidpunkt, prev_hash, hash)";

/// An event's row in `handelse`, chained to the hash before it: (row, its hash).
#[allow(clippy::too_many_arguments)]
pub(crate) fn handelserad(
    arende_id: ArendeId,
    seq: i64,
    kommun: KommunId,
    h: &Handelse,
    aktor: AnvandarId,
    tid: &str,
    prev: &str,
) -> Result<(Vec<V>, String), StoreError> {
    let payload = serde_json::to_string(h)?;
    let hash = kedjehash(prev, arende_id, seq, h.kind(), &payload, aktor, tid);
    Ok((
        vec![
            v(arende_id),
            seq.into(),
            v(kommun),
            v(uuid::Uuid::now_v7()),
            h.kind().into(),
            SCHEMA_VERSION.into(),
            payload.into(),
            v(aktor),
            tid.into(),
            prev.into(),
            hash.as_str().into(),
        ],
        hash,
    ))
}

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

/// The kommun's chain head (last seq and hash, and the first seq that must
/// carry a MAC), locked for the rest of the transaction so that rows get their
/// places one writer at a time.
async fn las_kedjehuvud(
    tx: &mut Tx,
    kommun: &str,
) -> Result<(i64, String, Option<i64>), StoreError> {
    tx.execute(
        "INSERT INTO granskning_kedja (kommun, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (kommun) DO NOTHING",
        &[kommun.into(), NOLLHASH.into()],
    )
    .await?;
    let huvud = if tx.ar_postgres() {
        tx.fetch_optional(
            "SELECT seq, hash, nycklad_fran FROM granskning_kedja WHERE kommun = $1 FOR UPDATE",
            &[kommun.into()],
        )
        .await?
    } else {
        tx.fetch_optional(
            "SELECT seq, hash, nycklad_fran FROM granskning_kedja WHERE kommun = $1",
            &[kommun.into()],
        )
        .await?
    }
    .ok_or_else(|| StoreError::Korrupt("granskningskedjan saknas".into()))?;
    Ok((
        huvud.int("seq")?,
        huvud.text("hash")?,
        huvud.opt_int("nycklad_fran")?,
    ))
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

/// The columns of `granskning`, in the order `granskningsrad` gives them: for
/// the append here and for every reader of whole rows (`granskning_radhash`).
macro_rules! granskning_kolumner {
    () => {
        "id, kommun, tidpunkt, anvandare, roll, enhet, handling, person, arende, skal, utanfor, skyddad, seq, prev_hash, hash, mac"
    };
}
pub(crate) use granskning_kolumner;

/// `granskning` with its columns, for `Tx::infoga`.
const GRANSKNING: &str = concat!("granskning (", granskning_kolumner!(), ")");

/// The row that follows `prev` at `seq` in the chain, and its hash.
fn granskningsrad(
    sakring: &Loggsakring,
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
    let seqtext = seq.to_string();
    let mac = sakring
        .nyckel
        .as_ref()
        .map(|n| n.stampel(&radstampel_delar(&kommun, &seqtext, &hash)));
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
        V::T(mac),
    ];
    (rad, hash)
}

/// Appends audit rows to their kommun's hash chain: each chain's head is read
/// and locked once, the rows are inserted together, and the head moved once.
pub(crate) async fn skriv_granskningar(
    tx: &mut Tx,
    sakring: &Loggsakring,
    poster: &[(&Aktor, &str, &Granskningspost)],
) -> Result<(), StoreError> {
    let mut kommuner: Vec<KommunId> = poster.iter().map(|(a, _, _)| a.kommun).collect();
    kommuner.sort();
    kommuner.dedup();
    for kommun in kommuner {
        let k = kommun.to_string();
        let (mut seq, mut prev, nycklad_fran) = las_kedjehuvud(tx, &k).await?;
        match (&sakring.nyckel, nycklad_fran) {
            // Fail closed: an unkeyed row after keyed ones would break the chain's
            // proof, and a read that cannot be logged may not be shown.
            (None, Some(_)) => {
                return Err(StoreError::Loggning(
                    "granskningsloggen är nycklad men nyckeln (LOTS_GRANSKNING_NYCKEL) saknas"
                        .into(),
                ));
            }
            // The first keyed row: the rows before it are unkeyed legacy, and
            // the stamped point says where they end (see `verifiera_logg`).
            (Some(n), None) => {
                let fran = (seq + 1).to_string();
                let stampel = n.stampel(&gransstampel_delar(&k, &fran));
                tx.execute(
                    "UPDATE granskning_kedja SET nycklad_fran = $2, nycklad_stampel = $3 WHERE kommun = $1",
                    &[k.as_str().into(), (seq + 1).into(), stampel.into()],
                )
                .await?;
            }
            _ => {}
        }
        let mut rader = vec![];
        for (aktor, tid, post) in poster.iter().filter(|(a, _, _)| a.kommun == kommun) {
            seq += 1;
            let (rad, hash) = granskningsrad(sakring, aktor, tid, post, seq, prev);
            rader.push(rad);
            prev = hash;
        }
        tx.infoga(GRANSKNING, &rader).await?;
        satt_kedjehuvud(tx, &k, seq, prev).await?;
    }
    Ok(())
}

/// Appends one audit row to the kommun's hash chain.
pub(crate) async fn skriv_granskning(
    tx: &mut Tx,
    sakring: &Loggsakring,
    aktor: &Aktor,
    tid: &str,
    post: &Granskningspost,
) -> Result<(), StoreError> {
    skriv_granskningar(tx, sakring, &[(aktor, tid, post)]).await
}

/// The chain hash of a stored audit row that follows `prev`. Open to the tests
/// (`provning`) because the algorithm is no secret (the tests play an attacker
/// who knows it); only the MAC key is.
pub fn granskning_radhash(r: &Rad, prev: &str, kommun: &str) -> Result<String, StoreError> {
    let post = Granskningspost {
        handling: r.text("handling")?,
        person: r.opt_parse("person")?,
        arende: r.opt_parse("arende")?,
        skal: r.opt_text("skal")?,
        utanfor: r.int("utanfor")? != 0,
        skyddad: r.int("skyddad")? != 0,
    };
    Ok(granskningshash(
        prev,
        r.int("seq")?,
        kommun,
        &r.text("tidpunkt")?,
        &r.text("anvandare")?,
        &r.text("roll")?,
        &r.text("enhet")?,
        &post,
    ))
}
