//! Gallring (issue 18, item 6; SoL 16 kap.; SoF 13 kap. 1 §): finding the persons whose
//! records are due (`lots_domain::gallring::prova` decides) and deleting those records, a
//! person at a time, each in one transaction. `lots gallra` runs it; docs/gallring.md says
//! what remains and why.
//!
//! Every table of the schema is classified here (`PERSONTABELLER`, [`BEHALLNA_TABELLER`]): either it holds a person's
//! records and its rows are deleted by a condition on the person, or it is kept, with the
//! reason. [`Gallring::oklassade_tabeller`] names any table not classified, and the run
//! refuses to start while there is one: a new table cannot be forgotten.
//!
//! The audit log (`granskning`, `granskning_post`, `granskning_kedja`) is not part of the
//! personakt: it is the nämnd's record of who read and did what, kept for its own purpose
//! (loggkontroll) and its own retention. Its rows are not touched, so every chain, MAC and
//! anchor verifies exactly as before. They name the person and the case by their surrogate
//! ids only (UUIDs that, once the rows here are gone, resolve to nothing in Lots); the
//! tombstone in `gallrad_person` keeps that id with a keyed MAC of the identity number, so
//! a loggkontroll asked by the person can still find their rows ([`Gallring::gallrad_med_identitet`]).
//! A case's events are chained per case only: deleting all of a case's events takes its
//! whole chain, and no other chain names it.

use lots_domain::Arende;
use lots_domain::gallring::{Provning, prova};
use lots_domain::identitet::{Identitet, IdentitetsTyp};
use lots_domain::ids::{KommunId, PersonId};
use time::{Date, OffsetDateTime};

use crate::db::{Tx, V};
use crate::org::v;
use crate::{Store, StoreError, datumtext, las_datum, las_tid, tidstext};

/// Gallring: what is due and the run that deletes it.
#[derive(Debug, Clone, Copy)]
pub struct Gallring<'a>(pub(crate) &'a Store);

impl Store {
    /// Gallring: what is due and the run that deletes it (`lots gallra`).
    pub fn gallring(&self) -> Gallring<'_> {
        Gallring(self)
    }
}

/// A table that holds a person's records: its rows of person `$1` in kommun `$2` are counted
/// and deleted by one condition, which names the kommun (docs/citus.md: every statement on a
/// kommun's table does). In deletion order: rows that reference others first.
struct Persontabell {
    namn: &'static str,
    /// What the rows are, in the run's report.
    kategori: &'static str,
    rakna: &'static str,
    radera: &'static str,
}

/// The person's cases, for a condition on a table's `arende`.
macro_rules! arenden {
    () => {
        "(SELECT id FROM arende WHERE kommun = $2 AND person = $1)"
    };
}

macro_rules! persontabell {
    ($namn:literal, $kategori:literal, $villkor:expr) => {
        Persontabell {
            namn: $namn,
            kategori: $kategori,
            rakna: concat!(
                "SELECT COUNT(*) AS n FROM ",
                $namn,
                " WHERE kommun = $2 AND (",
                $villkor,
                ")"
            ),
            radera: concat!(
                "DELETE FROM ",
                $namn,
                " WHERE kommun = $2 AND (",
                $villkor,
                ")"
            ),
        }
    };
    // A table without a kommun column (a session's, docs/citus.md "Not distributed"): its
    // condition reaches the kommun through the rows it names.
    (lokal $namn:literal, $kategori:literal, $villkor:expr) => {
        Persontabell {
            namn: $namn,
            kategori: $kategori,
            rakna: concat!("SELECT COUNT(*) AS n FROM ", $namn, " WHERE ", $villkor),
            radera: concat!("DELETE FROM ", $namn, " WHERE ", $villkor),
        }
    };
}

/// The tables that hold a person's records, in deletion order.
const PERSONTABELLER: &[Persontabell] = &[
    persontabell!(
        "journal_invandning",
        "journalanteckningar",
        concat!(
            "anteckning IN (SELECT id FROM journal WHERE kommun = $2 AND (person = $1 OR arende IN ",
            arenden!(),
            "))"
        )
    ),
    persontabell!(
        "journal_partsinsyn",
        "journalanteckningar",
        concat!(
            "anteckning IN (SELECT id FROM journal WHERE kommun = $2 AND (person = $1 OR arende IN ",
            arenden!(),
            "))"
        )
    ),
    persontabell!(
        "journal",
        "journalanteckningar",
        concat!("person = $1 OR arende IN ", arenden!())
    ),
    persontabell!(
        "bevakning",
        "bevakningar",
        concat!("arende IN ", arenden!())
    ),
    persontabell!("dokument", "dokument", concat!("arende IN ", arenden!())),
    persontabell!(
        lokal "atkomstskal",
        "åtkomstskäl",
        concat!("arende IN ", arenden!())
    ),
    // The provider's delivery and the order's terms belong to the order, so to the person's
    // case; found through `uppdrag` before it goes.
    persontabell!(
        "leverans",
        "leveranser",
        concat!(
            "beslut IN (SELECT beslut FROM uppdrag WHERE kommun = $2 AND arende IN ",
            arenden!(),
            ")"
        )
    ),
    persontabell!(
        "bestallningsvillkor",
        "beställningar",
        concat!(
            "beslut IN (SELECT beslut FROM uppdrag WHERE kommun = $2 AND arende IN ",
            arenden!(),
            ")"
        )
    ),
    // A flagged invoice difference names the order and the case (issue 17).
    persontabell!(
        "fakturaavvikelse",
        "fakturaavvikelser",
        concat!("arende IN ", arenden!())
    ),
    persontabell!(
        "uppdrag",
        "beställningar",
        concat!("arende IN ", arenden!())
    ),
    persontabell!("vantan", "rapportrader", concat!("arende IN ", arenden!())),
    persontabell!(
        "delegationsbeslut",
        "rapportrader",
        concat!("arende IN ", arenden!())
    ),
    persontabell!(
        "fordjupad_val",
        "rapportrader",
        concat!("person = $1 OR arende IN ", arenden!())
    ),
    persontabell!(
        "forsorjningsstod_manad",
        "rapportrader",
        concat!("person = $1 OR arende IN ", arenden!())
    ),
    persontabell!(
        "forsorjningsstod_avslut",
        "rapportrader",
        concat!("arende IN ", arenden!())
    ),
    // The joint months of the person's cases, with the medsökande's number: part of the
    // applicant's personakt, so they go with it.
    persontabell!(
        "forsorjningsstod_medsokande",
        "gemensamma ansökningar",
        concat!("arende IN ", arenden!())
    ),
    persontabell!(
        "utbetalning",
        "utbetalningar",
        concat!("person = $1 OR arende IN ", arenden!())
    ),
    persontabell!(
        "paminnelse",
        "påminnelser",
        concat!("arende IN ", arenden!())
    ),
    persontabell!("handelse", "händelser", concat!("arende IN ", arenden!())),
    persontabell!("arende", "ärenden", "person = $1"),
    persontabell!(
        "fullmaktsdokument",
        "dokument",
        "fullmakt IN (SELECT id FROM fullmakt WHERE kommun = $2 AND person = $1)"
    ),
    persontabell!("fullmakt", "fullmakter", "person = $1"),
    // The person's visits to a full-mode öppen insats are their journal there (issue 17).
    persontabell!("oppen_journal", "journalanteckningar", "person = $1"),
    persontabell!("oppen_deltagare", "öppna insatser", "person = $1"),
    // The person's choice of notifications (the address is contact data) and what was sent
    // them (issue 19 item 3).
    persontabell!("avisering_utkorg", "aviseringar", "person = $1"),
    persontabell!("avisering_val", "aviseringar", "person = $1"),
    persontabell!("ansokningsutkast", "ansökningsutkast", "person = $1"),
    // The person's requests for a registerutdrag and how they were answered (issue 18
    // item 7): part of what is kept about them, so they go with it.
    persontabell!("registerutdragsbegaran", "registerutdrag", "person = $1"),
    persontabell!(
        "medborgarsession",
        "sessioner",
        "person = $1 OR identitet = (SELECT identitet FROM person WHERE kommun = $2 AND id = $1)"
    ),
    persontabell!("personnamn", "namnsökning", "person = $1"),
    persontabell!("person", "personer", "id = $1"),
];

/// The person's (`$1`, in kommun `$2`) last entry of each kind: a journal entry, a change to
/// one of their cases, a visit to a full-mode öppen insats. The person page reads it as the
/// run does (`Personer::sista_anteckning`), so the date it shows is the run's.
pub(crate) const SISTA_ANTECKNING: &str = "SELECT MAX(j.datum) AS journal, \
     (SELECT MAX(a.uppdaterad) FROM arende a WHERE a.kommun = $2 AND a.person = $1) AS arende, \
     (SELECT MAX(o.dag) FROM oppen_journal o WHERE o.kommun = $2 AND o.person = $1) AS oppen \
     FROM journal j WHERE j.kommun = $2 AND j.person = $1";

/// The last entry that [`SISTA_ANTECKNING`]'s row names: the latest of the three.
pub(crate) fn sista_anteckning_fran(
    r: Option<&crate::db::Rad>,
) -> Result<Option<Date>, StoreError> {
    let Some(r) = r else { return Ok(None) };
    let journal = r.opt_text("journal")?.map(|d| las_datum(&d)).transpose()?;
    let arende = r
        .opt_text("arende")?
        .map(|t| las_tid(&t).map(lots_domain::tid::svensk_dag))
        .transpose()?;
    // A visit to a full-mode öppen insats is an entry in the personakt too.
    let oppen = r.opt_text("oppen")?.map(|d| las_datum(&d)).transpose()?;
    Ok(journal.max(arende).max(oppen))
}

/// The messages among the events (a category of their own in the report).
const RAKNA_MEDDELANDEN: &str = concat!(
    "SELECT COUNT(*) AS n FROM handelse WHERE kommun = $2 AND kind = 'meddelande_skickat' AND arende IN ",
    arenden!()
);

/// The tables kept whole, and why.
pub const BEHALLNA_TABELLER: &[(&str, &str)] = &[
    (
        "granskning",
        "granskningsloggen: inte en del av personakten, egen bevarandetid",
    ),
    (
        "granskning_post",
        "granskningsloggen: inte en del av personakten, egen bevarandetid",
    ),
    ("granskning_kedja", "granskningsloggens kedjehuvuden"),
    (
        "gallrad_person",
        "gravstenen: vad loggkontrollen behöver efter gallringen",
    ),
    ("kommun", "organisationen"),
    ("namnd", "organisationen"),
    ("enhet", "organisationen"),
    ("enhetskontakt", "organisationen: hur enheten nås"),
    ("ersattare", "personalens frånvaro: vem som ersätter vem"),
    ("anvandare", "personalens konton"),
    ("session", "personalens inloggningar"),
    ("kontoaktivering", "personalens konton"),
    ("behorighetsbegaran", "personalens behörigheter"),
    (
        "inloggningsforsok",
        "hash av inskrivna användarnamn, rensas av sig själv",
    ),
    ("oidc_forfragan", "inloggningar på väg, rensas av sig själv"),
    ("hastighetsgrans", "hash av adresser, rensas av sig själv"),
    ("delegationsordning", "nämndens beslut"),
    ("namnduppgifter", "nämndens uppgifter"),
    ("diarieserie", "diariets löpnummer"),
    ("riksnorm", "kommunens data"),
    ("hyresriktvarden", "kommunens data"),
    ("attestgrans", "kommunens data"),
    ("textblock", "kommunens data"),
    // Synpunkter och klagomål are the nämnd's quality work (SOSFS 2011:9 5 kap. 3 §, 6 §),
    // not part of a personakt: kept as the kommun's dokumenthanteringsplan says, like the
    // audit log. A row names a Mina sidor sender by surrogate id only (issue 19 item 4).
    (
        "klagomal",
        "kvalitetsarbetet: synpunkter och klagomål (SOSFS 2011:9 5 kap.)",
    ),
    (
        "klagomal_historik",
        "kvalitetsarbetet: vad som hänt med en synpunkt eller ett klagomål",
    ),
    (
        "lex_sarah_rapport",
        "kvalitetsarbetet: rapporter om missförhållanden (SoL 27 kap.)",
    ),
    ("utforarorganisation", "organisationen: utförarna"),
    (
        "oppen_insats",
        "nämndens beslut: katalogen över öppna insatser",
    ),
    (
        "oppet_besok",
        "besök i öppna insatser utan person: bara kön, åldersgrupp, stadsdel eller ett antal, ingen identitet",
    ),
    (
        "oppen_overgang",
        "steg från en öppen insats till en ansökan eller orosanmälan, räknade utan person eller ärende",
    ),
    ("avtal", "organisationen: avtalen med utförarna"),
    ("avtalsversion", "organisationen: avtalens tidigare villkor"),
    (
        "fakturarad",
        "räkenskapsinformation, med egen bevarandetid (bokföringslagen 7 kap. 2 §); raden bär bara beställningens id, inget namn",
    ),
    (
        "sparat_formular",
        "personalens sparade formulär och utkast: knutna till en användare, tas bort efter högst 30 dagar",
    ),
    ("tillstandsversion", "schemats version"),
    ("uppgradering", "schemats uppgraderingar"),
    ("_sqlx_migrations", "schemats migreringar"),
];

/// The tables `PERSONTABELLER` deletes from, in order.
pub fn persontabeller() -> impl Iterator<Item = &'static str> {
    PERSONTABELLER.iter().map(|t| t.namn)
}

/// One table's rows of a person: (table, category, rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Radantal {
    pub tabell: &'static str,
    pub kategori: &'static str,
    pub antal: i64,
}

/// A person, the gallring of their records today, and (when due) what would go.
#[derive(Debug, Clone)]
pub struct Gallringsfall {
    pub person: PersonId,
    pub identitet_typ: IdentitetsTyp,
    pub provning: Provning,
    /// Rows per table; empty unless due.
    pub rader: Vec<Radantal>,
    /// The messages among the events.
    pub meddelanden: i64,
}

impl Gallring<'_> {
    /// The tables of the database that neither `PERSONTABELLER` nor [`BEHALLNA_TABELLER`] classifies: while there is one,
    /// gallring cannot know whether it holds a person's records and refuses to run.
    pub async fn oklassade_tabeller(&self) -> Result<Vec<String>, StoreError> {
        let rader = if self.0.db.ar_postgres() {
            self.0
                .db
                .fetch_all(
                    "SELECT table_name AS namn FROM information_schema.tables \
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
                    &[],
                )
                .await?
        } else {
            self.0
                .db
                .fetch_all(
                    "SELECT name AS namn FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                    &[],
                )
                .await?
        };
        let mut oklassade = vec![];
        for r in &rader {
            let namn = r.text("namn")?;
            let klassad = persontabeller().any(|t| t == namn)
                || BEHALLNA_TABELLER.iter().any(|(t, _)| *t == namn);
            if !klassad {
                oklassade.push(namn);
            }
        }
        Ok(oklassade)
    }

    /// Every person of the kommun and the gallring of their records on `idag`, with what
    /// would be deleted of those due. Reads; changes nothing.
    pub async fn provning(
        &self,
        kommun: KommunId,
        idag: Date,
    ) -> Result<Vec<Gallringsfall>, StoreError> {
        let kod = self.0.organisation().kommunkod(kommun).await?;
        let mut fall = vec![];
        let mut senast = String::new();
        loop {
            let personer = self
                .0
                .db
                .fetch_all(
                    "SELECT id, identitet_typ, identitet FROM person WHERE kommun = $1 AND id > $2 ORDER BY id LIMIT 500",
                    &[v(kommun), senast.as_str().into()],
                )
                .await?;
            for r in &personer {
                let person: PersonId = r.parse("id")?;
                let identitet = identitet_fran(r)?;
                // A transaction per person: the decision and the counts see the same rows.
                let mut tx = self.0.db.begin().await?;
                let provning = prova_i(&mut tx, kommun, person, &identitet, &kod, idag).await?;
                let (rader, meddelanden) = if provning.forfallen() {
                    rakna_i(&mut tx, kommun, person).await?
                } else {
                    (vec![], 0)
                };
                tx.commit().await?;
                fall.push(Gallringsfall {
                    person,
                    identitet_typ: identitet.typ(),
                    provning,
                    rader,
                    meddelanden,
                });
            }
            match personer.last() {
                Some(r) if personer.len() == 500 => senast = r.text("id")?,
                _ => return Ok(fall),
            }
        }
    }

    /// Deletes a due person's records in one transaction, and leaves the tombstone. The
    /// gallring is decided again inside the transaction (on PostgreSQL with the person's
    /// row locked; SQLite's transaction holds the write lock), so a step taken since the
    /// list was made keeps the records. Returns the rows deleted per table, or `None` when
    /// the person is not (or no longer) due, and nothing was deleted.
    pub async fn gallra_person(
        &self,
        kommun: KommunId,
        person: PersonId,
        idag: Date,
        nu: OffsetDateTime,
    ) -> Result<Option<Vec<Radantal>>, StoreError> {
        let kod = self.0.organisation().kommunkod(kommun).await?;
        let mut tx = self.0.db.begin().await?;
        let rad = if tx.ar_postgres() {
            tx.fetch_optional(
                "SELECT id, identitet_typ, identitet FROM person WHERE id = $1 AND kommun = $2 FOR UPDATE",
                &[v(person), v(kommun)],
            )
            .await?
        } else {
            tx.fetch_optional(
                "SELECT id, identitet_typ, identitet FROM person WHERE id = $1 AND kommun = $2",
                &[v(person), v(kommun)],
            )
            .await?
        };
        let Some(rad) = rad else {
            return Ok(None);
        };
        let identitet = identitet_fran(&rad)?;
        let provning = prova_i(&mut tx, kommun, person, &identitet, &kod, idag).await?;
        let Some(sista) = provning.sista_anteckning.filter(|_| provning.forfallen()) else {
            return Ok(None);
        };
        // The tombstone first: its MAC is of the identity read above.
        let mac = self
            .0
            .sakring
            .nyckel
            .as_ref()
            .map(|n| n.stampel(&identitetsdelar(&kommun.to_string(), identitet.varde())));
        tx.execute(
            "INSERT INTO gallrad_person (person, kommun, gallrad, sista_anteckning, identitet_mac) VALUES ($1, $2, $3, $4, $5)",
            &[v(person), v(kommun), tidstext(nu).into(), datumtext(sista).into(), V::T(mac)],
        )
        .await?;
        let mut rader = vec![];
        for t in PERSONTABELLER {
            let antal = tx.execute(t.radera, &[v(person), v(kommun)]).await?;
            rader.push(Radantal {
                tabell: t.namn,
                kategori: t.kategori,
                antal: antal as i64,
            });
        }
        tx.commit().await?;
        Ok(Some(rader))
    }

    /// The surrogate ids of the persons gallrade in the kommun whose identity number was
    /// `identitet`, for a loggkontroll: the audit log's rows name them. Needs the audit
    /// log's key (current or an old one); without it the tombstones name nobody.
    pub async fn gallrad_med_identitet(
        &self,
        kommun: KommunId,
        identitet: &Identitet,
    ) -> Result<Vec<(PersonId, OffsetDateTime)>, StoreError> {
        let k = kommun.to_string();
        let mut svar = vec![];
        let nycklar = self
            .0
            .sakring
            .nyckel
            .iter()
            .chain(self.0.sakring.gamla_nycklar.iter());
        for n in nycklar {
            let mac = n.stampel(&identitetsdelar(&k, identitet.varde()));
            for r in self
                .0
                .db
                .fetch_all(
                    "SELECT person, gallrad FROM gallrad_person WHERE kommun = $1 AND identitet_mac = $2 ORDER BY gallrad",
                    &[k.as_str().into(), mac.into()],
                )
                .await?
            {
                svar.push((r.parse("person")?, las_tid(&r.text("gallrad")?)?));
            }
        }
        Ok(svar)
    }

    /// The persons gallrade in the kommun: (surrogate id, when, the last entry they had).
    pub async fn gallrade(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<(PersonId, OffsetDateTime, Date)>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT person, gallrad, sista_anteckning FROM gallrad_person WHERE kommun = $1 ORDER BY gallrad, person",
                &[v(kommun)],
            )
            .await?
            .iter()
            .map(|r| {
                Ok((
                    r.parse("person")?,
                    las_tid(&r.text("gallrad")?)?,
                    las_datum(&r.text("sista_anteckning")?)?,
                ))
            })
            .collect()
    }
}

/// The parts of the tombstone's MAC: a domain of its own, apart from the audit rows' MACs.
fn identitetsdelar<'a>(kommun: &'a str, identitet: &'a str) -> [&'a [u8]; 3] {
    [
        b"lots-gallrad-person",
        kommun.as_bytes(),
        identitet.as_bytes(),
    ]
}

fn identitet_fran(r: &crate::db::Rad) -> Result<Identitet, StoreError> {
    let typ = IdentitetsTyp::fran_kod(&r.text("identitet_typ")?)
        .ok_or_else(|| StoreError::Korrupt("okänd identitetstyp".into()))?;
    Ok(Identitet::fran_lagrat(typ, r.text("identitet")?))
}

fn rakna(r: &Option<crate::db::Rad>) -> Result<i64, StoreError> {
    r.as_ref()
        .map(|r| r.int("n"))
        .transpose()
        .map(|n| n.unwrap_or(0))
}

/// The person's rows per table, and the messages among their events.
async fn rakna_i(
    tx: &mut Tx,
    kommun: KommunId,
    person: PersonId,
) -> Result<(Vec<Radantal>, i64), StoreError> {
    let nycklar = [v(person), v(kommun)];
    let mut rader = vec![];
    for t in PERSONTABELLER {
        let antal = rakna(&tx.fetch_optional(t.rakna, &nycklar).await?)?;
        rader.push(Radantal {
            tabell: t.namn,
            kategori: t.kategori,
            antal,
        });
    }
    let meddelanden = rakna(&tx.fetch_optional(RAKNA_MEDDELANDEN, &nycklar).await?)?;
    Ok((rader, meddelanden))
}

/// The facts of a person's gallring, read as the transaction sees them, and the decision.
/// The last entry is read as `Personer::sista_anteckning` reads it for the person page.
async fn prova_i(
    tx: &mut Tx,
    kommun: KommunId,
    person: PersonId,
    identitet: &Identitet,
    kommunkod: &str,
    idag: Date,
) -> Result<Provning, StoreError> {
    let r = tx
        .fetch_optional(SISTA_ANTECKNING, &[v(person), v(kommun)])
        .await?;
    let sista = sista_anteckning_fran(r.as_ref())?;
    let arenden = tx
        .fetch_all(
            "SELECT tillstand FROM arende WHERE kommun = $2 AND person = $1",
            &[v(person), v(kommun)],
        )
        .await?
        .iter()
        .map(|r| Ok(serde_json::from_str::<Arende>(&r.text("tillstand")?)?))
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(prova(identitet, kommunkod, sista, &arenden, idag))
}
