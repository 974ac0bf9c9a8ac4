//! Appending events and keeping the projections in step, in one transaction.

use lots_domain::arende::{self, Arende, Handelse, Kommando, Kontext, bevakningar};
use lots_domain::ids::*;
use lots_domain::rapport::{arendets_beslut, vantetider};
use sha2::{Digest, Sha256};
use time::{Date, OffsetDateTime};

use crate::db::{Tx, V};
use crate::kedja::{
    Aktor, Granskningspost, HANDELSE, NOLLHASH, handelserad, kedjehash, skriv_granskningar,
};
use crate::org::v;
use crate::rapporter::{lagrade_rapportrader, skriv_rapportrader};
use crate::{Arenden, Store, StoreError, TILLSTANDSVERSION, datumtext, tidstext};

/// An uploaded file that a `BifogaDokument` command refers to.
#[derive(Debug, Clone)]
pub struct Bilaga {
    pub dokument: DokumentId,
    pub innehall: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct Utfort {
    pub handelser: Vec<Handelse>,
    pub arende: Arende,
}

#[derive(Debug, Clone)]
pub struct LagradHandelse {
    pub seq: i64,
    pub handelse: Handelse,
    pub aktor: AnvandarId,
    pub aktor_namn: String,
    pub tidpunkt: OffsetDateTime,
}

/// Reads a case's whole history inside a transaction: (events, last seq, last hash).
async fn las_historik(
    tx: &mut Tx,
    arende: ArendeId,
) -> Result<(Vec<Handelse>, i64, String), StoreError> {
    let rader = tx
        .fetch_all(
            "SELECT seq, payload, hash FROM handelse WHERE arende = $1 ORDER BY seq",
            &[v(arende)],
        )
        .await?;
    let mut ut = Vec::with_capacity(rader.len());
    let mut seq = 0;
    let mut hash = NOLLHASH.to_owned();
    for r in &rader {
        ut.push(serde_json::from_str::<Handelse>(&r.text("payload")?)?);
        seq = r.int("seq")?;
        hash = r.text("hash")?;
    }
    Ok((ut, seq, hash))
}

/// The case's stored state, its last seq and the hash of its last event: what a
/// step starts from. Two index lookups, whatever the length of the history; the
/// state is the projection `projicera` keeps with every step (and `lots migrate`
/// re-derives when the state's shape changes), checked against the events by
/// `Arenden::verifiera`.
async fn las_lage(
    tx: &mut Tx,
    kommun: KommunId,
    arende: ArendeId,
) -> Result<(Option<Arende>, i64, String), StoreError> {
    let Some(r) = tx
        .fetch_optional(
            "SELECT tillstand, senast_seq FROM arende WHERE kommun = $1 AND id = $2",
            &[v(kommun), v(arende)],
        )
        .await?
    else {
        return Ok((None, 0, NOLLHASH.to_owned()));
    };
    let seq = r.int("senast_seq")?;
    let tillstand: Arende = serde_json::from_str(&r.text("tillstand")?)?;
    let hash = tx
        .fetch_optional(
            "SELECT hash FROM handelse WHERE kommun = $1 AND arende = $2 AND seq = $3",
            &[v(kommun), v(arende), seq.into()],
        )
        .await?
        .ok_or_else(|| StoreError::Korrupt(format!("ärende {arende}: händelse {seq} saknas")))?
        .text("hash")?;
    Ok((Some(tillstand), seq, hash))
}

/// Lets the domain decide one command and folds the events it gives into the
/// state: the one step both `Arenden::utfor` and the synthetic generator take, so a
/// generated history is one the rules would have accepted.
pub fn bestam(
    tillstand: &mut Option<Arende>,
    arende_id: ArendeId,
    kommando: Kommando,
    ctx: &Kontext,
) -> Result<Vec<Handelse>, lots_domain::Avvisning> {
    let handelser = arende::handle(tillstand.as_ref(), kommando, ctx)?;
    for h in &handelser {
        match tillstand.as_mut() {
            Some(a) => a.tillampa(h),
            None => *tillstand = Arende::skapa(arende_id, h),
        }
    }
    Ok(handelser)
}

impl Arenden<'_> {
    /// Runs one command on one case (DESIGN.md, "How a command flows").
    pub async fn utfor(
        &self,
        aktor: &Aktor,
        arende_id: ArendeId,
        kommando: Kommando,
        nu: OffsetDateTime,
        idag: Date,
        bilaga: Option<Bilaga>,
    ) -> Result<Utfort, StoreError> {
        self.utfor_flera(
            aktor,
            arende_id,
            vec![kommando],
            nu,
            idag,
            bilaga.into_iter().collect(),
        )
        .await
    }

    /// Runs several commands on one case in one transaction, each against the
    /// state the previous one left: a step and the letter it produces are stored
    /// together or not at all.
    pub async fn utfor_flera(
        &self,
        aktor: &Aktor,
        arende_id: ArendeId,
        kommandon: Vec<Kommando>,
        nu: OffsetDateTime,
        idag: Date,
        bilagor: Vec<Bilaga>,
    ) -> Result<Utfort, StoreError> {
        self.utfor_for(aktor, None, None, arende_id, kommandon, nu, idag, bilagor)
            .await
    }

    /// `utfor_flera`, with who acted when it is not the account itself: on Mina
    /// sidor the person or their ombud (`vem`). It is written on the step's audit
    /// rows, in the step's transaction, so the act and who did it are stored
    /// together or not at all. `lasning` is the read of the case the step was
    /// taken from (its form's handler opened it): logged first in the same
    /// transaction, so a step costs one durable commit, not one for its read and
    /// one for itself, and neither is stored without the other.
    #[allow(clippy::too_many_arguments)]
    pub async fn utfor_for(
        &self,
        aktor: &Aktor,
        vem: Option<&str>,
        lasning: Option<&Granskningspost>,
        arende_id: ArendeId,
        kommandon: Vec<Kommando>,
        nu: OffsetDateTime,
        idag: Date,
        bilagor: Vec<Bilaga>,
    ) -> Result<Utfort, StoreError> {
        let mut tx = self.0.db.begin().await?;
        if tx.ar_postgres() {
            // Serialise commands on the same case; SQLite's BEGIN IMMEDIATE already does.
            tx.execute(
                "SELECT id FROM arende WHERE kommun = $1 AND id = $2 FOR UPDATE",
                &[v(aktor.kommun), v(arende_id)],
            )
            .await?;
        }
        // The stored state, not a fold of the whole history: a step costs the same
        // in a case's first week and in its tenth year. Only the acting user's kommun's
        // case (issue 18 item 8).
        let (fore, mut seq, mut prev) = las_lage(&mut tx, aktor.kommun, arende_id).await?;
        let ordning = crate::org::las_delegationsordning(&mut tx, aktor.kommun, idag).await?;
        let ctx = Kontext {
            idag,
            aktor: aktor.id,
            roll: aktor.roll,
            delegationsordning: &ordning,
        };
        let tid = tidstext(nu);
        let mut efter = fore.clone();
        let mut nya = vec![];
        let mut typer = vec![];
        for kommando in kommandon {
            typer.push(kommando.typ());
            let handelser =
                bestam(&mut efter, arende_id, kommando, &ctx).map_err(StoreError::Avvisad)?;
            nya.extend(handelser);
        }
        let mut rader = Vec::with_capacity(nya.len());
        for h in &nya {
            seq += 1;
            let (rad, hash) = handelserad(arende_id, seq, aktor.kommun, h, aktor.id, &tid, &prev)?;
            rader.push(rad);
            prev = hash;
        }
        tx.infoga(HANDELSE, &rader).await?;
        let efter =
            efter.ok_or_else(|| StoreError::Korrupt("ärendet saknar aktualisering".into()))?;
        // The report rows follow from the case's decisions alone (`rapporter::vanterader`):
        // a step that leaves them as they were, a journal entry say, need not rewrite them.
        let beslut_andrade = fore
            .as_ref()
            .map_or(!efter.beslut.is_empty(), |f| f.beslut != efter.beslut);
        projicera(
            &mut tx,
            aktor,
            &efter,
            &nya,
            seq,
            &tid,
            bilagor,
            beslut_andrade,
        )
        .await?;
        // The unit's payment list follows the case's payments and its unit (issue 15, item 8).
        if fore.as_ref().map_or(!efter.utbetalningar.is_empty(), |f| {
            f.utbetalningar != efter.utbetalningar || f.enhet != efter.enhet
        }) {
            crate::utbetalningar::skriv_utbetalningar(&mut tx, &efter, aktor.kommun).await?;
        }
        // The person's next case reads the choices about a deepened investigation (issue 16).
        if fore.as_ref().map_or(!efter.fordjupad.is_empty(), |f| {
            f.fordjupad != efter.fordjupad
        }) {
            crate::fordjupad::skriv_fordjupade_val(&mut tx, &efter, aktor.kommun).await?;
        }
        // The months calculated, for the statistics to Socialstyrelsen (issue 16, item 7).
        crate::statistik::skriv_manader(&mut tx, arende_id, efter.person, aktor.kommun, &nya)
            .await?;
        if fore.as_ref().map_or(efter.bistand_avslutat.is_some(), |f| {
            f.bistand_avslutat != efter.bistand_avslutat
                || f.forsorjningsstod != efter.forsorjningsstod
        }) {
            crate::statistik::skriv_avslut(&mut tx, &efter, aktor.kommun).await?;
        }
        // A step that tells the person (a decision, a request, a message …) leaves a
        // notification in the outbox, in this transaction: sent after commit by the
        // worker, so a mail server that is down never holds up or loses the step
        // (issue 19 item 3, docs/avisering.md).
        if nya.iter().any(lots_domain::avisering::ger_avisering) {
            crate::avisering::lagg_i_utkorg(&mut tx, aktor.kommun, efter.person, nu).await?;
        }
        if fore.is_none() {
            // The new case's diarienummer, in the transaction that creates it.
            crate::namnd::satt_diarienummer(&mut tx, aktor.kommun, arende_id, efter.inkom).await?;
        }
        let skyddad = tx
            .fetch_optional(
                "SELECT skyddad FROM person WHERE kommun = $1 AND id = $2",
                &[v(aktor.kommun), v(efter.person)],
            )
            .await?
            .map(|r| r.int("skyddad"))
            .transpose()?
            .unwrap_or(0)
            != 0;
        // Off, like every read's log, only in `lots bench`'s own server when it measures the audit.
        let mut poster: Vec<Granskningspost> = lasning
            .filter(|_| self.0.lasgranskning)
            .cloned()
            .into_iter()
            .collect();
        for typ in typer {
            // An act on Mina sidor is named as such in loggkontroll, with who acted.
            let handling = match vem {
                Some(_) => "mina_sidor.handling".to_owned(),
                None => format!("arende.{}", typ.kod()),
            };
            poster.push(
                Granskningspost::ny(handling)
                    .person(efter.person, skyddad)
                    .arende(arende_id)
                    .skal(vem.map(str::to_owned)),
            );
        }
        skriv_granskningar(&mut tx, &self.0.sakring, aktor, &tid, &poster).await?;
        tx.commit().await?;
        Ok(Utfort {
            handelser: nya,
            arende: efter,
        })
    }

    /// Checks every case: its hash chain, and that its projections equal what
    /// its events give (STYLE.md 10). Returns the problems found. Reads the cases
    /// a batch at a time in id order.
    pub async fn verifiera(&self) -> Result<Vec<String>, StoreError> {
        let mut problem = vec![];
        let mut senast = String::new();
        loop {
            let rader = self
                .0
                .db
                .fetch_all(
                    "SELECT id, tillstand, status, senast_seq, insatser FROM arende WHERE id > $1 ORDER BY id LIMIT $2",
                    &[senast.as_str().into(), VERIFIERA_BIT.into()],
                )
                .await?;
            for r in &rader {
                self.verifiera_arende(r, &mut problem).await?;
            }
            match rader.last() {
                Some(r) if rader.len() as i64 == VERIFIERA_BIT => senast = r.text("id")?,
                _ => return Ok(problem),
            }
        }
    }

    async fn verifiera_arende(
        &self,
        r: &crate::db::Rad,
        problem: &mut Vec<String>,
    ) -> Result<(), StoreError> {
        let id: ArendeId = r.parse("id")?;
        let rader = self
            .0
            .db
            .fetch_all("SELECT seq, kind, payload, aktor, tidpunkt, prev_hash, hash FROM handelse WHERE arende = $1 ORDER BY seq", &[v(id)])
            .await?;
        let mut prev = NOLLHASH.to_owned();
        let mut handelser = vec![];
        for (i, h) in rader.iter().enumerate() {
            let seq = h.int("seq")?;
            if seq != i as i64 + 1 {
                problem.push(format!("{id}: lucka i historiken vid {seq}"));
            }
            let payload = h.text("payload")?;
            let vantad = kedjehash(
                &prev,
                id,
                seq,
                &h.text("kind")?,
                &payload,
                h.parse("aktor")?,
                &h.text("tidpunkt")?,
            );
            if h.text("prev_hash")? != prev || h.text("hash")? != vantad {
                problem.push(format!("{id}: hashkedjan bryts vid händelse {seq}"));
            }
            prev = h.text("hash")?;
            handelser.push(serde_json::from_str::<Handelse>(&payload)?);
        }
        let Some(a) = Arende::fran_handelser(id, &handelser) else {
            problem.push(format!("{id}: historiken börjar inte med en aktualisering"));
            return Ok(());
        };
        let lagrad: Arende = serde_json::from_str(&r.text("tillstand")?)?;
        if lagrad != a {
            problem.push(format!(
                "{id}: lagrat tillstånd skiljer sig från händelserna"
            ));
        }
        if r.text("status")? != a.status().kod() {
            problem.push(format!("{id}: lagrad status skiljer sig från händelserna"));
        }
        if r.text("insatser")? != insatser_text(&a) {
            problem.push(format!(
                "{id}: lagrade insatser skiljer sig från händelserna"
            ));
        }
        if r.int("senast_seq")? != handelser.len() as i64 {
            problem.push(format!("{id}: senast_seq stämmer inte"));
        }
        let mut vantade: Vec<(String, String)> = bevakningar(&a)
            .into_iter()
            .map(|b| (b.nyckel, datumtext(b.datum)))
            .collect();
        let mut lagrade: Vec<(String, String)> = self
            .0
            .db
            .fetch_all(
                "SELECT nyckel, datum FROM bevakning WHERE arende = $1",
                &[v(id)],
            )
            .await?
            .iter()
            .map(|b| Ok((b.text("nyckel")?, b.text("datum")?)))
            .collect::<Result<_, StoreError>>()?;
        vantade.sort();
        lagrade.sort();
        if vantade != lagrade {
            problem.push(format!("{id}: bevakningarna stämmer inte med händelserna"));
        }
        // The report tables hold what the domain derives from the events.
        let (vantan, beslut) = lagrade_rapportrader(&self.0.db, id).await?;
        if vantan != vantetider(&a) {
            problem.push(format!(
                "{id}: väntetiderna i rapporttabellen stämmer inte med händelserna"
            ));
        }
        let mut vantade_beslut = arendets_beslut(&a);
        vantade_beslut.sort_by_key(|b| b.beslut);
        if beslut != vantade_beslut {
            problem.push(format!(
                "{id}: besluten i rapporttabellen stämmer inte med händelserna"
            ));
        }
        Ok(())
    }
}

/// Cases per query when `verifiera` reads them.
const VERIFIERA_BIT: i64 = 500;

impl Store {
    /// Folds every case again from its events and stores the derived state, status,
    /// bevakningar and report rows anew where they differ: for when the domain has
    /// come to derive more from the same events (`TILLSTANDSVERSION`). Returns how
    /// many cases changed.
    ///
    /// In transactions of `Store::uppgraderingsbit` cases in id order, each recording the
    /// last case done in `uppgradering` (the row 'tillstandsversion N'), so a `lots
    /// migrate` that is stopped goes on where it was; memory holds one batch. When
    /// all are done the stored version is raised and the row removed, in one
    /// transaction.
    pub(crate) async fn projicera_om(&self) -> Result<usize, StoreError> {
        let namn = format!("tillstandsversion {TILLSTANDSVERSION}");
        // A stopped run for another version is of no use: every case is folded by these rules.
        self.db
            .execute(
                "DELETE FROM uppgradering WHERE namn LIKE 'tillstandsversion %' AND namn <> $1",
                &[namn.as_str().into()],
            )
            .await?;
        self.db
            .execute(
                "INSERT INTO uppgradering (namn) VALUES ($1) ON CONFLICT (namn) DO NOTHING",
                &[namn.as_str().into()],
            )
            .await?;
        let mut senast = self.uppgradering_kvar(&namn).await?.unwrap_or_default();
        let totalt = self
            .db
            .fetch_optional("SELECT COUNT(*) AS n FROM arende", &[])
            .await?
            .map(|r| r.int("n"))
            .transpose()?
            .unwrap_or(0);
        let mut framsteg = crate::Framsteg::borja(
            "deriving the case state anew from the events",
            totalt,
            &senast,
        );
        let mut andrade = 0;
        loop {
            let mut tx = self.db.begin().await?;
            // The lock keeps a step on a case of the batch (PostgreSQL) from writing in between.
            let sql = if tx.ar_postgres() {
                "SELECT id, kommun, tillstand FROM arende WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE"
            } else {
                "SELECT id, kommun, tillstand FROM arende WHERE id > $1 ORDER BY id LIMIT $2"
            };
            let rader = tx
                .fetch_all(
                    sql,
                    &[senast.as_str().into(), Self::uppgraderingsbit().into()],
                )
                .await?;
            let Some(sista) = rader.last().map(|r| r.text("id")).transpose()? else {
                tx.execute(
                    "UPDATE tillstandsversion SET version = $1",
                    &[TILLSTANDSVERSION.into()],
                )
                .await?;
                tx.execute(
                    "DELETE FROM uppgradering WHERE namn = $1",
                    &[namn.as_str().into()],
                )
                .await?;
                tx.commit().await?;
                break;
            };
            for r in &rader {
                let id: ArendeId = r.parse("id")?;
                let kommun: KommunId = r.parse("kommun")?;
                let (historik, _, _) = las_historik(&mut tx, id).await?;
                let Some(a) = Arende::fran_handelser(id, &historik) else {
                    continue;
                };
                let gammal: Option<Arende> = serde_json::from_str(&r.text("tillstand")?).ok();
                if gammal.as_ref() == Some(&a) {
                    continue;
                }
                tx.execute(
                    "UPDATE arende SET tillstand = $2, status = $3, insatser = $4 WHERE id = $1",
                    &[
                        v(id),
                        serde_json::to_string(&a)?.into(),
                        a.status().kod().into(),
                        insatser_text(&a).into(),
                    ],
                )
                .await?;
                skriv_bevakningar(&mut tx, &a, kommun).await?;
                skriv_rapportrader(&mut tx, &a, kommun).await?;
                andrade += 1;
            }
            tx.execute(
                "UPDATE uppgradering SET senast = $2 WHERE namn = $1",
                &[namn.as_str().into(), sista.as_str().into()],
            )
            .await?;
            tx.commit().await?;
            framsteg.klar(rader.len(), &sista);
            senast = sista;
        }
        Ok(andrade)
    }
}

// The projection rules, as rows. `projicera` writes them one command at a time and
// `Arenden::importera` in bulk; both take them from here.

/// The columns of `arende` that `arenderad` gives, in its order.
macro_rules! arende_kolumner {
    () => {
        "id, kommun, person, enhet, handlaggare, typ, status, inkom, senast_seq, uppdaterad, tillstand, insatser"
    };
}

/// `arende` with its columns and the diarienummer, for the import's `Tx::infoga`.
pub(crate) const ARENDE_MED_DIARIENUMMER: &str =
    concat!("arende (", arende_kolumner!(), ", diarienummer)");

/// `bevakning` with its columns, for `Tx::infoga`: the rows `bevakningsrader` gives.
pub(crate) const BEVAKNING: &str =
    "bevakning (arende, nyckel, kommun, typ, datum, beslut, ansvarig, enhet)";

/// `journal` with its columns, for `Tx::infoga`: the rows `journalrad` gives.
pub(crate) const JOURNAL: &str =
    "journal (id, kommun, arende, person, datum, text, forfattare, skriven, rattar)";

/// The columns of `uppdrag` that `uppdragsrad` gives, in its order.
macro_rules! uppdrag_kolumner {
    () => {
        "beslut, kommun, arende, utforare"
    };
}

/// `uppdrag` with its columns, for the import's `Tx::infoga`.
pub(crate) const UPPDRAG: &str = concat!("uppdrag (", uppdrag_kolumner!(), ")");

/// The case's row in `arende`, in the column order of the table.
pub(crate) fn arenderad(
    a: &Arende,
    kommun: KommunId,
    seq: i64,
    tid: &str,
) -> Result<Vec<V>, StoreError> {
    let typ = serde_json::to_value(a.typ)?
        .as_str()
        .unwrap_or_default()
        .to_owned();
    Ok(vec![
        v(a.id),
        v(kommun),
        v(a.person),
        v(a.enhet),
        V::T(a.handlaggare.map(|h| h.to_string())),
        typ.into(),
        a.status().kod().into(),
        datumtext(a.inkom).into(),
        seq.into(),
        tid.into(),
        serde_json::to_string(a)?.into(),
        insatser_text(a).into(),
    ])
}

/// The insatser applied for, as the work list shows and filters them: their codes in the
/// order applied, each once.
pub(crate) fn insatser_text(a: &Arende) -> String {
    let mut koder: Vec<&'static str> = vec![];
    for (i, _) in &a.ansokta {
        if !koder.contains(&i.kod()) {
            koder.push(i.kod());
        }
    }
    koder.join(",")
}

/// The case's rows in `bevakning`.
pub(crate) fn bevakningsrader(a: &Arende, kommun: KommunId) -> Vec<Vec<V>> {
    bevakningar(a)
        .into_iter()
        .map(|b| {
            vec![
                v(a.id),
                b.nyckel.into(),
                v(kommun),
                b.typ.kod().into(),
                datumtext(b.datum).into(),
                V::T(b.beslut.map(|x| x.to_string())),
                // A request for another handläggare is the enhet's arbetsledare's to
                // answer, never on the handläggare's own list (issue 19 item 5).
                V::T(
                    a.handlaggare
                        .filter(|_| !b.typ.for_arbetsledare())
                        .map(|h| h.to_string()),
                ),
                v(a.enhet),
            ]
        })
        .collect()
}

/// A journal entry's row in `journal`, if the event is one.
pub(crate) fn journalrad(
    a: &Arende,
    h: &Handelse,
    kommun: KommunId,
    forfattare: AnvandarId,
    tid: &str,
) -> Option<Vec<V>> {
    let Handelse::JournalAntecknad {
        id,
        datum,
        text,
        rattar,
    } = h
    else {
        return None;
    };
    Some(vec![
        v(id),
        v(kommun),
        v(a.id),
        v(a.person),
        datumtext(*datum).into(),
        text.as_str().into(),
        v(forfattare),
        tid.into(),
        V::T(rattar.map(|r| r.to_string())),
    ])
}

/// An order's row in `uppdrag`, if the event sends one: what the utförare's unit may see.
pub(crate) fn uppdragsrad(a: &Arende, h: &Handelse, kommun: KommunId) -> Option<Vec<V>> {
    let Handelse::Bestalld {
        beslut, utforare, ..
    } = h
    else {
        return None;
    };
    Some(vec![v(beslut), v(kommun), v(a.id), v(utforare)])
}

/// The case's bevakningar, as its state gives them now.
async fn skriv_bevakningar(tx: &mut Tx, a: &Arende, kommun: KommunId) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM bevakning WHERE kommun = $1 AND arende = $2",
        &[v(kommun), v(a.id)],
    )
    .await?;
    tx.infoga(BEVAKNING, &bevakningsrader(a, kommun)).await
}

#[allow(clippy::too_many_arguments)]
async fn projicera(
    tx: &mut Tx,
    aktor: &Aktor,
    a: &Arende,
    nya: &[Handelse],
    seq: i64,
    tid: &str,
    bilagor: Vec<Bilaga>,
    beslut_andrade: bool,
) -> Result<(), StoreError> {
    tx.execute(
        concat!(
            "INSERT INTO arende (",
            arende_kolumner!(),
            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
         ON CONFLICT (kommun, id) DO UPDATE SET handlaggare = excluded.handlaggare, status = excluded.status, \
         senast_seq = excluded.senast_seq, uppdaterad = excluded.uppdaterad, tillstand = excluded.tillstand, \
         insatser = excluded.insatser"
        ),
        &arenderad(a, aktor.kommun, seq, tid)?,
    )
    .await?;
    skriv_bevakningar(tx, a, aktor.kommun).await?;
    if beslut_andrade {
        skriv_rapportrader(tx, a, aktor.kommun).await?;
    }
    let mut bilagor = bilagor;
    // The stored bytes must be the ones the event's hash names.
    let mut innehall_for = |dokument: DokumentId, sha256: &str| -> Result<Vec<u8>, StoreError> {
        let i = bilagor
            .iter()
            .position(|b| b.dokument == dokument)
            .ok_or_else(|| StoreError::Korrupt("dokumentet saknar innehåll".into()))?;
        let b = bilagor.swap_remove(i);
        if hex::encode(Sha256::digest(&b.innehall)) != sha256 {
            return Err(StoreError::Korrupt("dokumentets hash stämmer inte".into()));
        }
        Ok(b.innehall)
    };
    for h in nya {
        match h {
            Handelse::JournalAntecknad { .. } => {
                if let Some(rad) = journalrad(a, h, aktor.kommun, aktor.id, tid) {
                    tx.infoga(JOURNAL, &[rad]).await?;
                }
            }
            Handelse::JournalInvandning {
                anteckning,
                datum,
                text,
            } => {
                let n = tx
                    .fetch_optional(
                        "SELECT COUNT(*) AS n FROM journal_invandning WHERE anteckning = $1",
                        &[v(anteckning)],
                    )
                    .await?
                    .map(|r| r.int("n"))
                    .transpose()?
                    .unwrap_or(0);
                tx.execute(
                    "INSERT INTO journal_invandning (anteckning, seq, kommun, datum, text, registrerad_av, registrerad) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    &[v(anteckning), (n + 1).into(), v(aktor.kommun), datumtext(*datum).into(), text.as_str().into(), v(aktor.id), tid.into()],
                )
                .await?;
            }
            Handelse::DokumentBifogat {
                dokument,
                namn,
                sha256,
                storlek,
                innehallstyp,
            } => {
                let innehall = innehall_for(*dokument, sha256)?;
                tx.execute(
                    "INSERT INTO dokument (id, kommun, arende, namn, innehallstyp, storlek, sha256, innehall) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &[
                        v(dokument),
                        v(aktor.kommun),
                        v(a.id),
                        namn.as_str().into(),
                        innehallstyp.as_str().into(),
                        (*storlek as i64).into(),
                        sha256.as_str().into(),
                        V::B(innehall),
                    ],
                )
                .await?;
            }
            Handelse::BrevSkapat {
                dokument,
                typ,
                datum,
                sha256,
                storlek,
                ..
            } => {
                let innehall = innehall_for(*dokument, sha256)?;
                tx.execute(
                    "INSERT INTO dokument (id, kommun, arende, namn, innehallstyp, storlek, sha256, innehall) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &[
                        v(dokument),
                        v(aktor.kommun),
                        v(a.id),
                        format!("{} {datum}.pdf", typ.namn()).into(),
                        "application/pdf".into(),
                        (*storlek as i64).into(),
                        sha256.as_str().into(),
                        V::B(innehall),
                    ],
                )
                .await?;
            }
            Handelse::Bestalld { .. } => {
                if let Some(rad) = uppdragsrad(a, h, aktor.kommun) {
                    tx.execute(
                        concat!(
                            "INSERT INTO uppdrag (",
                            uppdrag_kolumner!(),
                            ") VALUES ($1, $2, $3, $4) \
                             ON CONFLICT (kommun, beslut) DO UPDATE SET utforare = excluded.utforare"
                        ),
                        &rad,
                    )
                    .await?;
                }
                // The order's terms go with the order, in its transaction: an order
                // sent again replaces them, to a unit of no provider it leaves none.
                if let Handelse::Bestalld {
                    beslut, villkor, ..
                } = h
                {
                    tx.execute(
                        "DELETE FROM bestallningsvillkor WHERE kommun = $1 AND beslut = $2",
                        &[v(aktor.kommun), v(beslut)],
                    )
                    .await?;
                    if let Some(vk) = villkor {
                        tx.execute(
                            "INSERT INTO bestallningsvillkor (kommun, beslut, utforare, val, prisenhet, beviljat_per_manad, sparad, sparad_av) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                            &[
                                v(aktor.kommun),
                                v(beslut),
                                v(vk.utforare),
                                vk.val.kod().into(),
                                vk.prisenhet.kod().into(),
                                V::I(vk.beviljat_per_manad),
                                tid.into(),
                                v(aktor.id),
                            ],
                        )
                        .await?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}
