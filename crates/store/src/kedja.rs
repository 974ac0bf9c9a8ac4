//! The actor and the hash chains: who acts, and how what they did is appended
//! so that it cannot be changed unseen.
//!
//! Two kinds of chain are kept, both here: each case's events (`handelse`,
//! chained per case by `kedjehash`) and each kommun's audit log (`granskning`,
//! in a few chains per kommun by `granskningshash`, with a MAC per row when a key
//! is configured, `loggsakring.rs`; why several and how they hold each other, see
//! "The chains" below). `handelser.rs` appends events and `granskning.rs` reads
//! and verifies the audit log; both take the actor, the hashes and the appends
//! from this module, which depends on neither.

use lots_domain::arende::{Handelse, SCHEMA_VERSION};
use lots_domain::ids::*;
use lots_domain::organisation::Roll;
use sha2::{Digest, Sha256};

use crate::StoreError;
use crate::db::{Db, Rad, Tx, V, som_json};
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
/// The accesses of one request with the same handling and reason are written as
/// one row naming them all (`granskningsrader`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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

    fn listpost(&self) -> Listpost {
        Listpost {
            person: self.person.map(|p| p.to_string()),
            arende: self.arende.map(|a| a.to_string()),
            utanfor: self.utanfor,
            skyddad: self.skyddad,
        }
    }
}

// The chains: the kedjor of a kommun's audit log. One chain per kommun made every
// writer of the kommun wait for the one before it to commit: its head was locked
// (`SELECT … FOR UPDATE`) from the first audit row to the commit, and every read
// and every step writes one. Now a kommun has several chains, each with its own
// head and its own `seq` from 1, so writers of different chains do not wait for
// each other on PostgreSQL (on SQLite there is one writer at a time anyway, and
// the chains are as correct there):
//
// - chain 0: the reads, written by the group writer (`granskning.rs`), and every
//   row written before the log had chains (migration 0016), with its hash as written;
// - chains 1–8: the audit rows a write transaction writes itself (a step's, a
//   reception visit's, the nämnd's particulars'): a step's by its case, a write
//   without a case in one at random (`skrivkedja`), so that writes in different
//   chains commit in parallel. All of one transaction's rows go in the chain its
//   first row took, so no transaction holds one chain's head while it waits for
//   another's, and two writers can never wait for each other's chains;
// - chain 9: until 5 December 2026, every write without a case, one after the
//   other: 600 reception visits a second waited each for the one before to commit.
//   Its rows stay, and are verified as every chain's are.
//
// Chains are tied to each other: the first row the group writer writes in a
// transaction names the heads (chain, seq, hash) of the kommun's other chains
// that moved since it last named them, and a step's row names chain 0's head,
// each read as committed, without a lock (`hanvisningar`, in the row's hash).
// `verifiera_logg` checks that every row so named is there with that hash; so a
// chain cut short, or a row in it changed or reordered, is found from the other
// chains even without the anchor file, as far as they have named it.
//
// A chain's first row with a MAC names every other chain's head: once a kommun's
// log is keyed, an unkeyed row is valid only before its chain's keyed-from point
// or up to a head a keyed row named, so no chain can be given unkeyed rows later.
// The anchor file (`loggsakring.rs`) pins every chain's head by name: `<kommun>`
// for chain 0 (as before, so old anchors still hold), `<kommun>.<n>` for chain n;
// a row's MAC names its chain the same way, so a row moved to another chain is
// found too.

/// The chain reads are logged in, and where every row written before chains were
/// partitioned is.
pub(crate) const LASKEDJA: i64 = 0;
/// Write transactions append in chains 1..=SKRIVKEDJOR.
const SKRIVKEDJOR: u128 = 8;
/// The highest chain Lots has written: `verifiera_logg` walks 0..=it, rows or
/// not. Chain 9 took the writes without a case until 5 December 2026.
pub(crate) const SISTA_KEDJAN: i64 = 9;

/// The chain a write transaction's audit rows go in, chosen by its first row:
/// by its case, so that steps on cases in different chains do not wait for each
/// other, and at random for a write without a case. Which chain a row is in is
/// stored with it; verification never recomputes this, so it may change without
/// breaking a chain.
fn skrivkedja(arende: Option<ArendeId>) -> i64 {
    // The low bits of a UUIDv7 are random, a case's id as a fresh one.
    let slump = match arende {
        Some(a) => a.0.as_u128(),
        None => uuid::Uuid::now_v7().as_u128(),
    };
    1 + (slump % SKRIVKEDJOR) as i64
}

/// A chain's name in MACs and anchors: the kommun for chain 0, so that the rows
/// and anchors written before there were chains keep theirs; `<kommun>.<n>` else.
pub(crate) fn kedjenamn(kommun: &str, kedja: i64) -> String {
    if kedja == LASKEDJA {
        kommun.to_string()
    } else {
        format!("{kommun}.{kedja}")
    }
}

/// The kommun and chain a chain's name says (`kedjenamn` back).
pub(crate) fn tolka_kedjenamn(namn: &str) -> Option<(&str, i64)> {
    match namn.split_once('.') {
        None => Some((namn, LASKEDJA)),
        Some((kommun, text)) => text
            .parse::<i64>()
            .ok()
            .filter(|n| *n > LASKEDJA && n.to_string() == text)
            .map(|n| (kommun, n)),
    }
}

/// One record a list row names, as stored in `granskning_post` and hashed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Listpost {
    pub person: Option<String>,
    pub arende: Option<String>,
    pub utanfor: bool,
    pub skyddad: bool,
}

impl Listpost {
    pub(crate) fn fran_rad(r: &Rad) -> Result<Self, StoreError> {
        Ok(Self {
            person: r.opt_text("person")?,
            arende: r.opt_text("arende")?,
            utanfor: r.int("utanfor")? != 0,
            skyddad: r.int("skyddad")? != 0,
        })
    }
}

/// A head another chain's row names: (chain, seq, hash).
pub(crate) type Hanvisning = (i64, i64, String);

/// `hanvisningar` as stored: `<chain>:<seq>:<hash>` separated by spaces; None if none.
pub(crate) fn hanvisningstext(huvuden: &[Hanvisning]) -> Option<String> {
    (!huvuden.is_empty()).then(|| {
        huvuden
            .iter()
            .map(|(kedja, seq, hash)| format!("{kedja}:{seq}:{hash}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// `hanvisningstext` back; None if any part does not read.
pub(crate) fn tolka_hanvisningar(text: &str) -> Option<Vec<Hanvisning>> {
    text.split(' ')
        .map(|del| {
            let mut f = del.splitn(3, ':');
            let kedja = f.next()?.parse().ok()?;
            let seq = f.next()?.parse().ok()?;
            let hash = f.next()?;
            (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| (kedja, seq, hash.to_string()))
        })
        .collect()
}

/// What an audit row's hash covers. The fields added since the chain began
/// (issue 4) enter the hash only when set, so every row keeps the hash it was
/// written with: the reason and flags (issue 4), the chain when not 0, a list's
/// records in order, and the other chains' heads the row names (issue 14).
struct Hashdelar<'a> {
    prev: &'a str,
    kedja: i64,
    seq: i64,
    kommun: &'a str,
    tid: &'a str,
    anvandare: &'a str,
    roll: &'a str,
    enhet: &'a str,
    handling: &'a str,
    /// The row's own record; a list row has none (its records are in `lista`).
    post: &'a Listpost,
    skal: Option<&'a str>,
    lista: Option<&'a [Listpost]>,
    hanvisningar: Option<&'a str>,
}

fn granskningshash(d: &Hashdelar) -> String {
    let mut h = Sha256::new();
    for del in [
        d.prev,
        &d.seq.to_string(),
        d.kommun,
        d.tid,
        d.anvandare,
        d.roll,
        d.enhet,
        d.handling,
        d.post.person.as_deref().unwrap_or_default(),
        d.post.arende.as_deref().unwrap_or_default(),
    ] {
        h.update(del.as_bytes());
        h.update([0u8]);
    }
    if let Some(skal) = d.skal {
        h.update(b"skal=");
        h.update(skal.as_bytes());
        h.update([0u8]);
    }
    if d.post.utanfor {
        h.update(b"utanfor\0");
    }
    if d.post.skyddad {
        h.update(b"skyddad\0");
    }
    if d.kedja != LASKEDJA {
        h.update(format!("kedja={}\0", d.kedja).as_bytes());
    }
    if let Some(lista) = d.lista {
        h.update(format!("poster={}\0", lista.len()).as_bytes());
        for p in lista {
            for del in [
                p.person.as_deref().unwrap_or_default(),
                p.arende.as_deref().unwrap_or_default(),
                if p.utanfor { "1" } else { "0" },
                if p.skyddad { "1" } else { "0" },
            ] {
                h.update(del.as_bytes());
                h.update([0u8]);
            }
        }
    }
    if let Some(text) = d.hanvisningar {
        h.update(b"hanvisningar=");
        h.update(text.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

/// A chain's head, locked for the rest of the transaction so that its rows get
/// their places one writer at a time (only this chain's writers wait for the
/// lock), with what an append needs to know of the kommun's other chains.
struct Kedjehuvud {
    seq: i64,
    hash: String,
    /// The first seq of this chain that must carry a MAC.
    nycklad_fran: Option<i64>,
    /// Some chain of the kommun carries MACs.
    nagon_nycklad: bool,
    /// Chain 0's head as committed, for a write's row to name.
    laskedjan: Option<Hanvisning>,
}

/// The head and the rest in one statement: an append costs one round trip
/// before its rows, where it cost four (create the head, lock it, look for a
/// keyed chain, read chain 0's head), each a wait on PostgreSQL.
macro_rules! kedjehuvud_sql {
    ($las:literal) => {
        concat!(
            "SELECT h.seq, h.hash, h.nycklad_fran, \
             EXISTS (SELECT 1 FROM granskning_kedja n WHERE n.kommun = $1 AND n.nycklad_fran IS NOT NULL) AS nagon_nycklad, \
             l.seq AS las_seq, l.hash AS las_hash \
             FROM granskning_kedja h LEFT JOIN granskning_kedja l ON l.kommun = h.kommun AND l.kedja = 0 AND l.seq > 0 \
             WHERE h.kommun = $1 AND h.kedja = $2",
            $las
        )
    };
}

async fn las_kedjehuvud(tx: &mut Tx, kommun: &str, kedja: i64) -> Result<Kedjehuvud, StoreError> {
    for forsok in 0..2 {
        let sql = if tx.ar_postgres() {
            kedjehuvud_sql!(" FOR UPDATE OF h")
        } else {
            kedjehuvud_sql!("")
        };
        if let Some(r) = tx
            .fetch_optional(sql, &[kommun.into(), kedja.into()])
            .await?
        {
            let laskedjan = match r.opt_int("las_seq")? {
                Some(seq) => Some((LASKEDJA, seq, r.text("las_hash")?)),
                None => None,
            };
            return Ok(Kedjehuvud {
                seq: r.int("seq")?,
                hash: r.text("hash")?,
                nycklad_fran: r.opt_int("nycklad_fran")?,
                nagon_nycklad: r.int("nagon_nycklad")? != 0,
                laskedjan,
            });
        }
        // The chain's first row of the kommun: its head starts at 0.
        if forsok == 0 {
            tx.execute(
                "INSERT INTO granskning_kedja (kommun, kedja, seq, hash) VALUES ($1, $2, 0, $3) ON CONFLICT (kommun, kedja) DO NOTHING",
                &[kommun.into(), kedja.into(), NOLLHASH.into()],
            )
            .await?;
        }
    }
    Err(StoreError::Korrupt("granskningskedjan saknas".into()))
}

/// What the first row of an append names of the other chains' heads.
pub(crate) enum Namner {
    /// The heads the group writer found moved since it last named them.
    Huvuden(Option<String>),
    /// Chain 0's head as committed: a write's row.
    Laskedjan,
}

/// The kommun's chain heads as committed, without a lock: (chain, seq, hash),
/// for a row to name. A committed head's row is committed, so whoever sees the
/// naming row sees the named one.
pub(crate) async fn kedjehuvuden(tx: &mut Tx, kommun: &str) -> Result<Vec<Hanvisning>, StoreError> {
    tx.fetch_all(
        "SELECT kedja, seq, hash FROM granskning_kedja WHERE kommun = $1 AND seq > 0 ORDER BY kedja",
        &[kommun.into()],
    )
    .await?
    .iter()
    .map(|r| Ok((r.int("kedja")?, r.int("seq")?, r.text("hash")?)))
    .collect()
}

/// The columns of `granskning`, in the order `granskningsrad` gives them: for
/// the append here and for every reader of whole rows (`granskning_radhash`).
macro_rules! granskning_kolumner {
    () => {
        "id, kommun, tidpunkt, anvandare, roll, enhet, handling, person, arende, skal, utanfor, skyddad, kedja, seq, prev_hash, hash, mac, poster, hanvisningar"
    };
}
pub(crate) use granskning_kolumner;

/// `granskning` with its columns, for `Tx::infoga`.
const GRANSKNING: &str = concat!("granskning (", granskning_kolumner!(), ")");

/// The columns of `granskning_post`, in the order `granskningsrad` gives a list
/// row's records.
macro_rules! granskning_post_kolumner {
    () => {
        "kommun, granskning, nr, person, arende, utanfor, skyddad"
    };
}

/// A list row's records, for `Tx::infoga`: `nr` from 1 in the list's order.
const GRANSKNING_POST: &str = concat!("granskning_post (", granskning_post_kolumner!(), ")");

/// One audit row to append: who, when, and the accesses it names. One access is
/// a plain row (the only kind before issue 14); several, of the same handling and
/// reason, are one row with its records in `granskning_post`.
pub(crate) struct Granskningsrad<'a> {
    pub aktor: &'a Aktor,
    pub tid: &'a str,
    pub poster: Vec<&'a Granskningspost>,
}

/// A request's accesses as rows: one row per handling and reason, naming each
/// record once, in the order first logged.
pub(crate) fn granskningsrader<'a>(
    aktor: &'a Aktor,
    tid: &'a str,
    poster: &'a [Granskningspost],
) -> Vec<Granskningsrad<'a>> {
    let mut rader: Vec<Granskningsrad<'a>> = vec![];
    let mut sedda = std::collections::HashSet::new();
    for p in poster {
        if !sedda.insert(p) {
            continue;
        }
        match rader
            .iter_mut()
            .find(|r| r.poster[0].handling == p.handling && r.poster[0].skal == p.skal)
        {
            Some(r) => r.poster.push(p),
            None => rader.push(Granskningsrad {
                aktor,
                tid,
                poster: vec![p],
            }),
        }
    }
    rader
}

/// The row that follows `prev` at `seq` in chain `kedja`, its list records, and its hash.
fn granskningsrad(
    sakring: &Loggsakring,
    kedja: i64,
    rad: &Granskningsrad,
    seq: i64,
    prev: String,
    hanvisningar: Option<&str>,
) -> (Vec<V>, Vec<Vec<V>>, String) {
    let aktor = rad.aktor;
    let forsta = rad.poster[0];
    let kommun = aktor.kommun.to_string();
    let (anvandare, enhet) = (aktor.id.to_string(), aktor.enhet.to_string());
    let lista: Option<Vec<Listpost>> =
        (rad.poster.len() > 1).then(|| rad.poster.iter().map(|p| p.listpost()).collect());
    let post = match &lista {
        Some(_) => Listpost::default(),
        None => forsta.listpost(),
    };
    let hash = granskningshash(&Hashdelar {
        prev: &prev,
        kedja,
        seq,
        kommun: &kommun,
        tid: rad.tid,
        anvandare: &anvandare,
        roll: aktor.roll.kod(),
        enhet: &enhet,
        handling: &forsta.handling,
        post: &post,
        skal: forsta.skal.as_deref(),
        lista: lista.as_deref(),
        hanvisningar,
    });
    let seqtext = seq.to_string();
    let mac = sakring.nyckel.as_ref().map(|n| {
        n.stampel(&radstampel_delar(
            &kedjenamn(&kommun, kedja),
            &seqtext,
            &hash,
        ))
    });
    let id = uuid::Uuid::now_v7().to_string();
    let poster: Vec<Vec<V>> = lista
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, p)| {
            vec![
                kommun.as_str().into(),
                id.as_str().into(),
                (i as i64 + 1).into(),
                V::T(p.person.clone()),
                V::T(p.arende.clone()),
                p.utanfor.into(),
                p.skyddad.into(),
            ]
        })
        .collect();
    let varden = vec![
        id.into(),
        kommun.into(),
        rad.tid.into(),
        anvandare.into(),
        aktor.roll.kod().into(),
        enhet.into(),
        forsta.handling.as_str().into(),
        V::T(post.person),
        V::T(post.arende),
        V::T(forsta.skal.clone()),
        post.utanfor.into(),
        post.skyddad.into(),
        kedja.into(),
        seq.into(),
        prev.into(),
        hash.as_str().into(),
        V::T(mac),
        V::I(lista.as_ref().map(|l| l.len() as i64)),
        V::T(hanvisningar.map(str::to_owned)),
    ];
    (varden, poster, hash)
}

fn utan_nyckel() -> StoreError {
    StoreError::Loggning(
        "granskningsloggen är nycklad men nyckeln (LOTS_GRANSKNING_NYCKEL) saknas".into(),
    )
}

/// Refuses rows that a chain of `kommun` cannot take: another kommun's, or one
/// naming no access.
fn kommunens_rader(kommun: KommunId, rader: &[Granskningsrad<'_>]) -> Result<(), StoreError> {
    if rader
        .iter()
        .any(|r| r.aktor.kommun != kommun || r.poster.is_empty())
    {
        return Err(StoreError::Korrupt(
            "en granskningsrad hör inte till kedjans kommun eller namnger ingen åtkomst".into(),
        ));
    }
    Ok(())
}

/// The rows that follow (`seq`, `prev`) in chain `kedja`, the first naming
/// `hanvisningar`: their values, their list records, and the new head.
fn kedjerader(
    sakring: &Loggsakring,
    kedja: i64,
    rader: &[Granskningsrad<'_>],
    mut seq: i64,
    mut prev: String,
    hanvisningar: Option<&str>,
) -> (Vec<Vec<V>>, Vec<Vec<V>>, i64, String) {
    let mut varden = Vec::with_capacity(rader.len());
    let mut listor = vec![];
    for (i, rad) in rader.iter().enumerate() {
        seq += 1;
        let namner = if i == 0 { hanvisningar } else { None };
        let (v, poster, hash) = granskningsrad(sakring, kedja, rad, seq, prev, namner);
        varden.push(v);
        listor.extend(poster);
        prev = hash;
    }
    (varden, listor, seq, prev)
}

/// Appends rows of one kommun to one of its chains: the head is read and locked
/// once, the rows (the first naming `hanvisningar`) and their list records are
/// inserted together, and the head moved once.
pub(crate) async fn skriv_i_kedja(
    tx: &mut Tx,
    sakring: &Loggsakring,
    kommun: KommunId,
    kedja: i64,
    rader: &[Granskningsrad<'_>],
    namner: Namner,
) -> Result<(), StoreError> {
    if rader.is_empty() {
        return Ok(());
    }
    kommunens_rader(kommun, rader)?;
    let k = kommun.to_string();
    let huvud = las_kedjehuvud(tx, &k, kedja).await?;
    let (seq, prev) = (huvud.seq, huvud.hash);
    let mut hanvisningar = match namner {
        Namner::Huvuden(h) => h,
        Namner::Laskedjan => hanvisningstext(huvud.laskedjan.as_slice()),
    };
    match (&sakring.nyckel, huvud.nycklad_fran) {
        // Fail closed: an unkeyed row after keyed ones would break the proof, and
        // a read that cannot be logged may not be shown. Any keyed chain of the
        // kommun counts, or a server without the key could go on in another chain.
        (None, Some(_)) => return Err(utan_nyckel()),
        (None, None) if huvud.nagon_nycklad => return Err(utan_nyckel()),
        (None, None) => {}
        // The chain's first keyed row: the rows before it are unkeyed legacy,
        // and the stamped point says where they end (see `verifiera_logg`). It
        // names every other chain's head too, so their unkeyed rows up to now are
        // held by a keyed row, and an unkeyed row added later to any chain is found.
        (Some(n), None) => {
            let fran = (seq + 1).to_string();
            let stampel = n.stampel(&gransstampel_delar(&kedjenamn(&k, kedja), &fran));
            tx.execute(
                "UPDATE granskning_kedja SET nycklad_fran = $3, nycklad_stampel = $4 WHERE kommun = $1 AND kedja = $2",
                &[k.as_str().into(), kedja.into(), (seq + 1).into(), stampel.into()],
            )
            .await?;
            let andra: Vec<Hanvisning> = kedjehuvuden(tx, &k)
                .await?
                .into_iter()
                .filter(|(annan, _, _)| *annan != kedja)
                .collect();
            hanvisningar = hanvisningstext(&andra);
        }
        (Some(_), Some(_)) => {}
    }
    let (varden, listor, seq, prev) =
        kedjerader(sakring, kedja, rader, seq, prev, hanvisningar.as_deref());
    tx.infoga(GRANSKNING, &varden).await?;
    if !listor.is_empty() {
        tx.infoga(GRANSKNING_POST, &listor).await?;
    }
    tx.execute(
        "UPDATE granskning_kedja SET seq = $3, hash = $4 WHERE kommun = $1 AND kedja = $2",
        &[k.as_str().into(), kedja.into(), seq.into(), prev.into()],
    )
    .await
    .map(|_| ())
}

/// What the group writer knows of a kommun's chain 0 since it last appended there
/// or read it: the head, whether the chain carries MACs, and the kommun's other
/// chains' heads as committed then, for its next row to name.
#[derive(Debug, Clone)]
pub(crate) struct Laskedjelage {
    seq: i64,
    hash: String,
    nycklad: bool,
    pub(crate) andra: Vec<Hanvisning>,
}

/// Chain 0's head and the kommun's other heads as committed, without a lock, for
/// `skriv_laskedjan_direkt`; None when the append must take the locked way
/// (`skriv_i_kedja`): the kommun has no chain 0 yet, or its MACs must begin here
/// or must be refused for want of the key.
pub(crate) async fn las_laskedjan(
    db: &Db,
    sakring: &Loggsakring,
    kommun: KommunId,
) -> Result<Option<Laskedjelage>, StoreError> {
    let rader = db
        .fetch_all(
            "SELECT kedja, seq, hash, nycklad_fran FROM granskning_kedja WHERE kommun = $1 ORDER BY kedja",
            &[v(kommun)],
        )
        .await?;
    let (mut laskedjan, mut andra, mut nagon_nycklad) = (None, vec![], false);
    for r in &rader {
        let (kedja, seq, hash) = (r.int("kedja")?, r.int("seq")?, r.text("hash")?);
        let nycklad = r.opt_int("nycklad_fran")?.is_some();
        nagon_nycklad |= nycklad;
        if kedja == LASKEDJA {
            laskedjan = Some((seq, hash, nycklad));
        } else if seq > 0 {
            andra.push((kedja, seq, hash));
        }
    }
    let Some((seq, hash, nycklad)) = laskedjan else {
        return Ok(None);
    };
    let direkt = match sakring.nyckel {
        Some(_) => nycklad,
        None => !nagon_nycklad,
    };
    Ok(direkt.then_some(Laskedjelage {
        seq,
        hash,
        nycklad,
        andra,
    }))
}

/// The group writer's append to chain 0 as one statement on PostgreSQL: the head
/// moves only from where the writer last left it, and with the same MAC state
/// (keyed, or no chain of the kommun keyed); the rows and their list records are
/// written only if it moved. One statement is one transaction and one round trip,
/// where BEGIN, the locked head, the other heads, the rows, their records, the new
/// head and COMMIT were seven to nine, each 2.5–3 ms under load (BENCHMARKS.md,
/// "Round trips, not statements"). The rows' text is a parameter (`som_json`), so
/// the statement is prepared once; they are read as the tables' own row types, so
/// the columns' types are the schema's. The last part reads the other chains' heads as
/// committed before the statement, for the next group to name.
const LASKEDJAN_DIREKT: &str = concat!(
    "WITH huvud AS (UPDATE granskning_kedja SET seq = $4, hash = $5 \
     WHERE kommun = $1 AND kedja = 0 AND seq = $2 AND hash = $3 AND CASE WHEN $6 = 1 \
     THEN nycklad_fran IS NOT NULL \
     ELSE NOT EXISTS (SELECT 1 FROM granskning_kedja n WHERE n.kommun = $1 AND n.nycklad_fran IS NOT NULL) END \
     RETURNING 1), \
     rader AS (INSERT INTO granskning (",
    granskning_kolumner!(),
    ") SELECT ",
    granskning_kolumner!(),
    " FROM json_populate_recordset(NULL::granskning, $7::json) WHERE EXISTS (SELECT 1 FROM huvud)), \
     poster AS (INSERT INTO granskning_post (",
    granskning_post_kolumner!(),
    ") SELECT ",
    granskning_post_kolumner!(),
    " FROM json_populate_recordset(NULL::granskning_post, $8::json) WHERE EXISTS (SELECT 1 FROM huvud)) \
     SELECT s.skrev, k.kedja, k.seq, k.hash FROM (SELECT count(*) AS skrev FROM huvud) s \
     LEFT JOIN granskning_kedja k ON k.kommun = $1 AND k.kedja <> 0 AND k.seq > 0 ORDER BY k.kedja"
);

/// Appends a kommun's read rows to chain 0 from where `lage` says its head is, the
/// first row naming `namner`, in one statement (`LASKEDJAN_DIREKT`); PostgreSQL
/// only. The new state, or None, with nothing written, when the head was no longer
/// there (another process appended, or the kommun's MACs changed): then the
/// locked way (`skriv_i_kedja`) must write the rows.
pub(crate) async fn skriv_laskedjan_direkt(
    db: &Db,
    sakring: &Loggsakring,
    kommun: KommunId,
    rader: &[Granskningsrad<'_>],
    lage: &Laskedjelage,
    namner: &[Hanvisning],
) -> Result<Option<Laskedjelage>, StoreError> {
    kommunens_rader(kommun, rader)?;
    let hanvisningar = hanvisningstext(namner);
    let (varden, listor, seq, hash) = kedjerader(
        sakring,
        LASKEDJA,
        rader,
        lage.seq,
        lage.hash.clone(),
        hanvisningar.as_deref(),
    );
    let svar = db
        .fetch_all(
            LASKEDJAN_DIREKT,
            &[
                v(kommun),
                lage.seq.into(),
                lage.hash.as_str().into(),
                seq.into(),
                hash.as_str().into(),
                lage.nycklad.into(),
                som_json(GRANSKNING, &varden)?.into(),
                som_json(GRANSKNING_POST, &listor)?.into(),
            ],
        )
        .await?;
    if svar.first().map(|r| r.int("skrev")).transpose()? != Some(1) {
        return Ok(None);
    }
    let mut andra = vec![];
    for r in &svar {
        if let Some(kedja) = r.opt_int("kedja")? {
            andra.push((kedja, r.int("seq")?, r.text("hash")?));
        }
    }
    Ok(Some(Laskedjelage {
        seq,
        hash,
        nycklad: lage.nycklad,
        andra,
    }))
}

/// Appends one audit row in a step's (or another write's) own transaction, to
/// the transaction's chain (`skrivkedja`, fixed by its first row), naming chain
/// 0's head as committed: so writes on different cases do not wait for each
/// other's chain, and chain 0 cut short below a head a step named is found
/// (`verifiera_logg`).
pub(crate) async fn skriv_granskning(
    tx: &mut Tx,
    sakring: &Loggsakring,
    aktor: &Aktor,
    tid: &str,
    post: &Granskningspost,
) -> Result<(), StoreError> {
    skriv_granskningar(tx, sakring, aktor, tid, std::slice::from_ref(post)).await
}

/// `skriv_granskning` for several accesses of one act, each its own row, appended
/// to the chain together: one read of the chain's head and one update of it, not
/// one per row.
pub(crate) async fn skriv_granskningar(
    tx: &mut Tx,
    sakring: &Loggsakring,
    aktor: &Aktor,
    tid: &str,
    poster: &[Granskningspost],
) -> Result<(), StoreError> {
    let Some(forsta) = poster.first() else {
        return Ok(());
    };
    let kedja = *tx
        .granskningskedja
        .get_or_insert_with(|| skrivkedja(forsta.arende));
    let rader: Vec<Granskningsrad> = poster
        .iter()
        .map(|post| Granskningsrad {
            aktor,
            tid,
            poster: vec![post],
        })
        .collect();
    skriv_i_kedja(tx, sakring, aktor.kommun, kedja, &rader, Namner::Laskedjan).await
}

/// The chain hash of a stored audit row that follows `prev`, with its list
/// records (`person`, `arende`, `utanfor`, `skyddad`) in order when it is a list
/// (`poster` set). Open to the tests (`provning`) because the algorithm is no
/// secret (the tests play an attacker who knows it); only the MAC key is.
#[cfg(feature = "provning")]
pub fn granskning_radhash(
    r: &Rad,
    lista: &[Rad],
    prev: &str,
    kommun: &str,
) -> Result<String, StoreError> {
    let lista = match r.opt_int("poster")? {
        Some(_) => Some(
            lista
                .iter()
                .map(Listpost::fran_rad)
                .collect::<Result<Vec<_>, _>>()?,
        ),
        None => None,
    };
    radhash(r, lista.as_deref(), prev, kommun)
}

/// `granskning_radhash` with the list records read.
pub(crate) fn radhash(
    r: &Rad,
    lista: Option<&[Listpost]>,
    prev: &str,
    kommun: &str,
) -> Result<String, StoreError> {
    let post = Listpost::fran_rad(r)?;
    let skal = r.opt_text("skal")?;
    let hanvisningar = r.opt_text("hanvisningar")?;
    Ok(granskningshash(&Hashdelar {
        prev,
        kedja: r.int("kedja")?,
        seq: r.int("seq")?,
        kommun,
        tid: &r.text("tidpunkt")?,
        anvandare: &r.text("anvandare")?,
        roll: &r.text("roll")?,
        enhet: &r.text("enhet")?,
        handling: &r.text("handling")?,
        post: &post,
        skal: skal.as_deref(),
        lista,
        hanvisningar: hanvisningar.as_deref(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The row hash as written before chains and lists (issue 4 and 12), kept
    /// here to show that such rows keep their hash.
    #[allow(clippy::too_many_arguments)]
    fn hash_fore_kedjorna(
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

    fn delar<'a>(
        post: &'a Listpost,
        p: &'a Granskningspost,
        kedja: i64,
        lista: Option<&'a [Listpost]>,
        hanvisningar: Option<&'a str>,
    ) -> Hashdelar<'a> {
        Hashdelar {
            prev: NOLLHASH,
            kedja,
            seq: 7,
            kommun: "k",
            tid: "2026-01-01T00:00:00Z",
            anvandare: "u",
            roll: "HL",
            enhet: "e",
            handling: &p.handling,
            post,
            skal: p.skal.as_deref(),
            lista,
            hanvisningar,
        }
    }

    #[test]
    fn rader_fran_fore_kedjorna_behaller_sin_hash() {
        let bas = Granskningspost::ny("arende.visa")
            .person(PersonId::ny(), false)
            .arende(ArendeId::ny());
        for p in [
            bas.clone(),
            bas.clone().utanfor(true),
            bas.clone().skal(Some("Samtycke".into())),
            Granskningspost {
                skyddad: true,
                ..bas.clone()
            },
            Granskningspost::ny("inloggning"),
        ] {
            let post = p.listpost();
            assert_eq!(
                granskningshash(&delar(&post, &p, LASKEDJA, None, None)),
                hash_fore_kedjorna(NOLLHASH, 7, "k", "2026-01-01T00:00:00Z", "u", "HL", "e", &p)
            );
        }
    }

    #[test]
    fn kedjan_listan_och_hanvisningarna_ar_i_hashen() {
        let p = Granskningspost::ny("start.lista");
        let tom = Listpost::default();
        let a = Granskningspost::ny("x")
            .person(PersonId::ny(), false)
            .listpost();
        let b = Granskningspost::ny("x")
            .person(PersonId::ny(), true)
            .listpost();
        let grund = granskningshash(&delar(&tom, &p, LASKEDJA, None, None));
        let mut sedda = vec![grund];
        for d in [
            delar(&tom, &p, 3, None, None),
            delar(&tom, &p, LASKEDJA, Some(&[]), None),
            delar(&tom, &p, LASKEDJA, Some(&[a.clone(), b.clone()][..]), None),
            delar(&tom, &p, LASKEDJA, Some(&[b.clone(), a.clone()][..]), None),
            delar(&tom, &p, LASKEDJA, Some(&[a.clone()][..]), None),
            delar(&tom, &p, LASKEDJA, None, Some("1:4:ab")),
            delar(&tom, &p, LASKEDJA, None, Some("1:5:ab")),
        ] {
            let h = granskningshash(&d);
            assert!(!sedda.contains(&h), "two different rows share a hash");
            sedda.push(h);
        }
    }

    #[test]
    fn en_forfragans_poster_blir_en_rad_per_handling() {
        let aktor = Aktor {
            id: AnvandarId::ny(),
            kommun: KommunId::ny(),
            enhet: EnhetId::ny(),
            roll: Roll::Handlaggare,
        };
        let (p1, p2) = (PersonId::ny(), PersonId::ny());
        let poster = [
            Granskningspost::ny("start.lista").person(p1, false),
            Granskningspost::ny("start.registreringsforsok").person(p2, true),
            Granskningspost::ny("start.lista").person(p2, false),
            Granskningspost::ny("start.lista").person(p1, false),
            Granskningspost::ny("start.lista")
                .person(p1, false)
                .skal(Some("skäl".into())),
        ];
        let rader = granskningsrader(&aktor, "t", &poster);
        let form: Vec<(&str, usize)> = rader
            .iter()
            .map(|r| (r.poster[0].handling.as_str(), r.poster.len()))
            .collect();
        assert_eq!(
            form,
            [
                ("start.lista", 2),
                ("start.registreringsforsok", 1),
                ("start.lista", 1)
            ]
        );
    }

    #[test]
    fn kedjenamn_och_hanvisningar_tolkas_tillbaka() {
        assert_eq!(kedjenamn("k", 0), "k");
        assert_eq!(kedjenamn("k", 3), "k.3");
        assert_eq!(tolka_kedjenamn("k"), Some(("k", 0)));
        assert_eq!(tolka_kedjenamn("k.3"), Some(("k", 3)));
        assert_eq!(tolka_kedjenamn("k.0"), None);
        assert_eq!(tolka_kedjenamn("k.03"), None);
        assert_eq!(tolka_kedjenamn("k.x"), None);
        let h = "ab".repeat(32);
        let lista = vec![(1, 4, h.clone()), (9, 12, h.clone())];
        let text = hanvisningstext(&lista).unwrap();
        assert_eq!(tolka_hanvisningar(&text), Some(lista));
        assert_eq!(hanvisningstext(&[]), None);
        assert_eq!(tolka_hanvisningar("1:4"), None);
        assert_eq!(tolka_hanvisningar(&format!("1:x:{h}")), None);
        assert_eq!(tolka_hanvisningar("1:4:ab"), None);
    }
}
