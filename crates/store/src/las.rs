//! Queries for pages, read from the projections, and the audit of reads.

use lots_domain::arende::{Arende, BevakningsTyp, Handelse, Status};
use lots_domain::ids::*;
use time::{Date, OffsetDateTime};

use crate::db::Rad;
use crate::handelser::LagradHandelse;
use crate::org::v;
use crate::{Arenden, Organisation, Personer, StoreError, las_tid};

#[derive(Debug, Clone)]
pub struct ArendeRad {
    pub id: ArendeId,
    pub person: PersonId,
    pub person_namn: String,
    pub person_skyddad: bool,
    /// The kommun whose case it is: a case of another kommun is, to a user, not there.
    pub kommun: KommunId,
    pub enhet: EnhetId,
    pub enhet_namn: String,
    pub handlaggare: Option<AnvandarId>,
    pub handlaggare_namn: Option<String>,
    pub status: Status,
    pub inkom: Date,
    /// The case's diarienummer, e.g. "SN 2026/00042": what staff and the person
    /// see and what every letter prints (the id stays in the URLs).
    pub diarienummer: Option<String>,
}

impl ArendeRad {
    /// The diarienummer, or the id for a case not yet numbered.
    pub fn beteckning(&self) -> String {
        self.diarienummer
            .clone()
            .unwrap_or_else(|| self.id.to_string())
    }
}

#[derive(Debug, Clone)]
pub struct BevakningRad {
    pub arende: ArendeId,
    pub person: PersonId,
    pub person_namn: String,
    pub person_skyddad: bool,
    pub enhet: EnhetId,
    pub handlaggare: Option<AnvandarId>,
    pub typ: BevakningsTyp,
    pub datum: Date,
}

#[derive(Debug, Clone)]
pub struct Invandning {
    pub datum: Date,
    pub text: String,
    pub registrerad_av: String,
}

#[derive(Debug, Clone)]
pub struct JournalRad {
    pub id: JournalId,
    pub arende: ArendeId,
    pub datum: Date,
    pub text: String,
    pub forfattare: String,
    pub skriven: OffsetDateTime,
    pub rattar: Option<JournalId>,
    pub rattad_av: Vec<JournalId>,
    pub invandningar: Vec<Invandning>,
    /// The handläggare's partsinsyn review of the entry, if made: shown to the
    /// person on Mina sidor (true) or withheld (false) (issue 12).
    pub provning: Option<bool>,
}

/// A page of a list, and whether there are more rows beyond it in the order read.
#[derive(Debug, Clone)]
pub struct Sidvis<T> {
    pub rader: Vec<T>,
    pub fler: bool,
}

/// Where a page of a case's events starts, and which way it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handelsestart {
    /// Newest first: the newest events, or those older than this seq ("Visa äldre").
    Nyast(Option<i64>),
    /// Oldest first: the first events, or those newer than this seq ("Visa senare").
    Aldst(Option<i64>),
}

/// Where a page of a journal starts, newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Journalstart {
    /// The newest entries.
    Senaste,
    /// The entries older than this one ("Visa äldre").
    Fore(JournalId),
    /// This entry and those older: where a link to an entry leads.
    Fran(JournalId),
}

#[derive(Debug, Clone)]
pub struct Dokument {
    pub id: DokumentId,
    pub arende: ArendeId,
    pub namn: String,
    pub innehallstyp: String,
    pub sha256: String,
    pub innehall: Vec<u8>,
}

/// The columns an event is shown with, and who acted by name.
macro_rules! handelse_fraga {
    () => {
        "SELECT h.seq, h.payload, h.aktor, COALESCE(u.namn, '') AS aktor_namn, h.tidpunkt FROM handelse h \
         LEFT JOIN anvandare u ON u.id = h.aktor AND u.kommun = h.kommun "
    };
}

/// The columns a journal entry is shown with: its author by name and the
/// partsinsyn review, each a lookup by key.
macro_rules! journal_fraga {
    () => {
        "SELECT j.id, j.arende, j.datum, j.text, COALESCE(u.namn, '') AS forfattare, j.skriven, j.rattar, \
         p.visas AS provning FROM journal j LEFT JOIN anvandare u ON u.id = j.forfattare AND u.kommun = j.kommun \
         LEFT JOIN journal_partsinsyn p ON p.anteckning = j.id AND p.kommun = j.kommun "
    };
}

/// The journal's order, newest first: the entry's day, then when it was
/// written, then its id so that no two entries tie (the key pages go by).
macro_rules! journal_ordning {
    () => {
        " ORDER BY j.datum DESC, j.skriven DESC, j.id DESC"
    };
}

pub(crate) fn arende_rad(r: &Rad) -> Result<ArendeRad, StoreError> {
    Ok(ArendeRad {
        id: r.parse("id")?,
        person: r.parse("person")?,
        person_namn: format!("{} {}", r.text("fornamn")?, r.text("efternamn")?),
        person_skyddad: r.int("skyddad")? != 0,
        kommun: r.parse("kommun")?,
        enhet: r.parse("enhet")?,
        enhet_namn: r.text("enhet_namn")?,
        handlaggare: r.opt_parse("handlaggare")?,
        handlaggare_namn: r.opt_text("handlaggare_namn")?,
        status: Status::fran_kod(&r.text("status")?)
            .ok_or_else(|| StoreError::Korrupt("okänd status".into()))?,
        inkom: r.datum("inkom")?,
        diarienummer: r.opt_text("diarienummer")?,
    })
}

/// The case list query with a condition: one column list for every case list
/// (and the state, for the one case a page shows).
macro_rules! arende_fraga {
    ($villkor:literal) => {
        arende_fraga!("", $villkor)
    };
    ($extra:literal, $villkor:literal) => {
        concat!(
            "SELECT a.id, a.person, p.fornamn, p.efternamn, p.skyddad, a.kommun, a.enhet, e.namn AS enhet_namn, ",
            "a.handlaggare, u.namn AS handlaggare_namn, a.status, a.inkom, a.diarienummer",
            $extra,
            " FROM arende a ",
            "JOIN person p ON p.id = a.person AND p.kommun = a.kommun JOIN enhet e ON e.id = a.enhet AND e.kommun = a.kommun LEFT JOIN anvandare u ON u.id = a.handlaggare AND u.kommun = a.kommun ",
            $villkor
        )
    };
}

pub(crate) use arende_fraga;

impl Arenden<'_> {
    /// Open cases assigned to a handläggare, oldest first.
    pub async fn mina_arenden(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
    ) -> Result<Vec<ArendeRad>, StoreError> {
        const SQL: &str = arende_fraga!(
            "WHERE a.kommun = $1 AND a.handlaggare = $2 AND a.status <> 'avslutat' ORDER BY a.inkom, a.id"
        );
        self.0
            .db
            .fetch_all(SQL, &[v(kommun), v(anvandare)])
            .await?
            .iter()
            .map(arende_rad)
            .collect()
    }

    /// Open cases of an enhet that nobody has been assigned.
    pub async fn otilldelade_arenden(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
    ) -> Result<Vec<ArendeRad>, StoreError> {
        const SQL: &str = arende_fraga!(
            "WHERE a.kommun = $1 AND a.enhet = $2 AND a.handlaggare IS NULL AND a.status <> 'avslutat' ORDER BY a.inkom, a.id"
        );
        self.0
            .db
            .fetch_all(SQL, &[v(kommun), v(enhet)])
            .await?
            .iter()
            .map(arende_rad)
            .collect()
    }

    pub async fn personens_arenden(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Vec<ArendeRad>, StoreError> {
        const SQL: &str =
            arende_fraga!("WHERE a.kommun = $1 AND a.person = $2 ORDER BY a.inkom DESC, a.id");
        self.0
            .db
            .fetch_all(SQL, &[v(kommun), v(person)])
            .await?
            .iter()
            .map(arende_rad)
            .collect()
    }

    /// The person's cases with their state as projected, newest first: two
    /// queries whatever the number of cases.
    pub async fn personens_arenden_med_tillstand(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Vec<(ArendeRad, Arende)>, StoreError> {
        let rader = self.personens_arenden(kommun, person).await?;
        let mut tillstand: std::collections::HashMap<ArendeId, Arende> = self
            .0
            .db
            .fetch_all(
                "SELECT id, tillstand FROM arende WHERE kommun = $1 AND person = $2",
                &[v(kommun), v(person)],
            )
            .await?
            .iter()
            .map(|r| Ok((r.parse("id")?, serde_json::from_str(&r.text("tillstand")?)?)))
            .collect::<Result<_, StoreError>>()?;
        rader
            .into_iter()
            .map(|r| {
                let a = tillstand.remove(&r.id).ok_or(StoreError::Saknas)?;
                Ok((r, a))
            })
            .collect()
    }

    /// The case's row and its state as projected.
    /// Every case a handläggare holds, closed ones too, with its state: the
    /// cases `lots bench` sends its simulated handläggare to.
    pub async fn handlaggarens_arenden_med_tillstand(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
    ) -> Result<Vec<(ArendeId, Arende)>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT id, tillstand FROM arende WHERE kommun = $1 AND handlaggare = $2 ORDER BY inkom, id",
                &[v(kommun), v(anvandare)],
            )
            .await?
            .iter()
            .map(|r| Ok((r.parse("id")?, serde_json::from_str(&r.text("tillstand")?)?)))
            .collect()
    }

    /// How many cases and events the database holds, all kommuner: the size
    /// `lots bench` reports its figures against.
    pub async fn antal_arenden_och_handelser(&self) -> Result<(i64, i64), StoreError> {
        let r = self
            .0
            .db
            .fetch_optional(
                "SELECT (SELECT COUNT(*) FROM arende) AS arenden, (SELECT COUNT(*) FROM handelse) AS handelser",
                &[],
            )
            .await?
            .ok_or_else(|| StoreError::Korrupt("räkningen gav ingen rad".into()))?;
        Ok((r.int("arenden")?, r.int("handelser")?))
    }

    /// The case's row and its state as projected: one query.
    pub async fn arende(
        &self,
        kommun: KommunId,
        id: ArendeId,
    ) -> Result<Option<(ArendeRad, Arende)>, StoreError> {
        const SQL: &str = arende_fraga!(", a.tillstand", "WHERE a.kommun = $1 AND a.id = $2");
        let Some(r) = self.0.db.fetch_optional(SQL, &[v(kommun), v(id)]).await? else {
            return Ok(None);
        };
        Ok(Some((
            arende_rad(&r)?,
            serde_json::from_str(&r.text("tillstand")?)?,
        )))
    }

    /// The case's whole history, oldest first: for checks and exports, not for
    /// pages (a page shows `handelser_sida`).
    pub async fn handelser(
        &self,
        kommun: KommunId,
        arende: ArendeId,
    ) -> Result<Vec<LagradHandelse>, StoreError> {
        self.0
            .db
            .fetch_all(
                concat!(
                    handelse_fraga!(),
                    "WHERE h.kommun = $1 AND h.arende = $2 ORDER BY h.seq"
                ),
                &[v(kommun), v(arende)],
            )
            .await?
            .iter()
            .map(lagrad_handelse)
            .collect()
    }

    /// A page of the case's events, `antal` of them from `start` on, in the order it
    /// names: an index range on the event's key (`PRIMARY KEY (kommun, arende, seq)`) read in
    /// either direction, whatever the history's length.
    pub async fn handelser_sida(
        &self,
        kommun: KommunId,
        arende: ArendeId,
        start: Handelsestart,
        antal: usize,
    ) -> Result<Sidvis<LagradHandelse>, StoreError> {
        let (sql, grans) = match start {
            Handelsestart::Nyast(fore) => (
                concat!(
                    handelse_fraga!(),
                    "WHERE h.kommun = $1 AND h.arende = $2 AND h.seq < $3 ORDER BY h.seq DESC LIMIT $4"
                ),
                fore.unwrap_or(i64::MAX),
            ),
            Handelsestart::Aldst(efter) => (
                concat!(
                    handelse_fraga!(),
                    "WHERE h.kommun = $1 AND h.arende = $2 AND h.seq > $3 ORDER BY h.seq ASC LIMIT $4"
                ),
                efter.unwrap_or(i64::MIN),
            ),
        };
        let rader = self
            .0
            .db
            .fetch_all(
                sql,
                &[
                    v(kommun),
                    v(arende),
                    grans.into(),
                    (antal as i64 + 1).into(),
                ],
            )
            .await?;
        let fler = rader.len() > antal;
        Ok(Sidvis {
            rader: rader
                .iter()
                .take(antal)
                .map(lagrad_handelse)
                .collect::<Result<_, _>>()?,
            fler,
        })
    }

    /// The events that attach a document or store a letter, oldest first: the
    /// case's documents, read through the partial index `handelse_dokument`.
    pub async fn dokumenthandelser(
        &self,
        kommun: KommunId,
        arende: ArendeId,
    ) -> Result<Vec<LagradHandelse>, StoreError> {
        self.0
            .db
            .fetch_all(
                concat!(
                    handelse_fraga!(),
                    "WHERE h.kommun = $1 AND h.arende = $2 AND h.kind IN ('dokument_bifogat', 'brev_skapat') ORDER BY h.seq"
                ),
                &[v(kommun), v(arende)],
            )
            .await?
            .iter()
            .map(lagrad_handelse)
            .collect()
    }

    /// A page of the case's journal, newest first, with its corrections, the
    /// person's objections and the partsinsyn reviews of the entries shown.
    /// None when `start` names an entry that is not the case's.
    pub async fn journal_sida(
        &self,
        kommun: KommunId,
        arende: ArendeId,
        start: Journalstart,
        antal: usize,
    ) -> Result<Option<Sidvis<JournalRad>>, StoreError> {
        journal_sida(
            self.0,
            kommun,
            Journalagare::Arende(arende),
            start,
            antal,
            |_| true,
        )
        .await
    }

    /// Whether the entry is one of the case's: a lookup by its key.
    pub async fn journalanteckning_i(
        &self,
        arende: ArendeId,
        anteckning: JournalId,
    ) -> Result<bool, StoreError> {
        Ok(self
            .0
            .db
            .fetch_optional(
                "SELECT id FROM journal WHERE id = $1 AND arende = $2",
                &[v(anteckning), v(arende)],
            )
            .await?
            .is_some())
    }

    /// Every entry of the case's journal, newest first, without corrections and
    /// objections: what a correction or an objection is chosen among, by day,
    /// author and text. One index range, over this case only.
    pub async fn journal_i_arende(
        &self,
        kommun: KommunId,
        arende: ArendeId,
    ) -> Result<Vec<JournalRad>, StoreError> {
        let rader = self
            .0
            .db
            .fetch_all(
                concat!(
                    journal_fraga!(),
                    "WHERE j.kommun = $1 AND j.arende = $2",
                    journal_ordning!()
                ),
                &[v(kommun), v(arende)],
            )
            .await?;
        rader
            .iter()
            .map(|r| journalrad_fran(r).map(|(j, _)| j))
            .collect()
    }

    /// A handläggare's bevakningar: overdue first, then by date.
    pub async fn mina_bevakningar(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
    ) -> Result<Vec<BevakningRad>, StoreError> {
        self.0.db
            .fetch_all(
                "SELECT b.arende, a.person, p.fornamn, p.efternamn, p.skyddad, a.enhet, a.handlaggare, b.typ, b.datum FROM bevakning b \
                 JOIN arende a ON a.id = b.arende AND a.kommun = b.kommun JOIN person p ON p.id = a.person AND p.kommun = a.kommun \
                 WHERE b.kommun = $1 AND b.ansvarig = $2 ORDER BY b.datum, b.typ, b.arende",
                &[v(kommun), v(anvandare)],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(BevakningRad {
                    arende: r.parse("arende")?,
                    person: r.parse("person")?,
                    person_namn: format!("{} {}", r.text("fornamn")?, r.text("efternamn")?),
                    person_skyddad: r.int("skyddad")? != 0,
                    enhet: r.parse("enhet")?,
                    handlaggare: r.opt_parse("handlaggare")?,
                    typ: BevakningsTyp::fran_kod(&r.text("typ")?).ok_or_else(|| StoreError::Korrupt("okänd bevakning".into()))?,
                    datum: r.datum("datum")?,
                })
            })
            .collect()
    }

    /// The bevakningar of the enhet's cases that are the arbetsledare's to clear
    /// (`BevakningsTyp::for_arbetsledare`: a request for another handläggare), by day.
    pub async fn arbetsledarens_bevakningar(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
    ) -> Result<Vec<BevakningRad>, StoreError> {
        let typer: Vec<&str> = BevakningsTyp::ALLA
            .into_iter()
            .filter(|t| t.for_arbetsledare())
            .map(|t| t.kod())
            .collect();
        let mut ut = vec![];
        for typ in typer {
            let rader = self.0.db
                .fetch_all(
                    "SELECT b.arende, a.person, p.fornamn, p.efternamn, p.skyddad, a.enhet, a.handlaggare, b.typ, b.datum FROM bevakning b \
                     JOIN arende a ON a.id = b.arende AND a.kommun = b.kommun JOIN person p ON p.id = a.person AND p.kommun = a.kommun \
                     WHERE b.kommun = $1 AND b.enhet = $2 AND b.typ = $3 ORDER BY b.datum, b.arende",
                    &[v(kommun), v(enhet), typ.into()],
                )
                .await?;
            for r in &rader {
                ut.push(BevakningRad {
                    arende: r.parse("arende")?,
                    person: r.parse("person")?,
                    person_namn: format!("{} {}", r.text("fornamn")?, r.text("efternamn")?),
                    person_skyddad: r.int("skyddad")? != 0,
                    enhet: r.parse("enhet")?,
                    handlaggare: r.opt_parse("handlaggare")?,
                    typ: BevakningsTyp::fran_kod(&r.text("typ")?)
                        .ok_or_else(|| StoreError::Korrupt("okänd bevakning".into()))?,
                    datum: r.datum("datum")?,
                });
            }
        }
        ut.sort_by_key(|b| b.datum);
        Ok(ut)
    }

    pub async fn dokument(
        &self,
        kommun: KommunId,
        id: DokumentId,
    ) -> Result<Option<Dokument>, StoreError> {
        self.0.db
            .fetch_optional("SELECT id, arende, namn, innehallstyp, sha256, innehall FROM dokument WHERE kommun = $1 AND id = $2", &[v(kommun), v(id)])
            .await?
            .map(|r| {
                Ok(Dokument {
                    id: r.parse("id")?,
                    arende: r.parse("arende")?,
                    namn: r.text("namn")?,
                    innehallstyp: r.text("innehallstyp")?,
                    sha256: r.text("sha256")?,
                    innehall: r.bytes("innehall")?,
                })
            })
            .transpose()
    }

    /// The orders sent to an utförare unit, newest case first, with each case's state.
    pub async fn uppdrag_for_enhet(
        &self,
        kommun: KommunId,
        utforare: EnhetId,
    ) -> Result<Vec<UppdragRad>, StoreError> {
        self.0.db
            .fetch_all(
                "SELECT u.beslut, u.utforare, a.id AS arende, a.person, p.fornamn, p.efternamn, p.skyddad, a.tillstand \
                 FROM uppdrag u JOIN arende a ON a.id = u.arende AND a.kommun = u.kommun JOIN person p ON p.id = a.person AND p.kommun = a.kommun \
                 WHERE u.kommun = $1 AND u.utforare = $2 ORDER BY a.inkom DESC, u.beslut",
                &[v(kommun), v(utforare)],
            )
            .await?
            .iter()
            .map(uppdrag_rad)
            .collect()
    }

    /// Every order placed with the provider organisation `utforare` (found through its
    /// terms, `bestallningsvillkor`), by decision: one query, whatever their number.
    pub async fn uppdrag_for_utforare(
        &self,
        kommun: KommunId,
        utforare: UtforarId,
    ) -> Result<Vec<UppdragRad>, StoreError> {
        self.0.db
            .fetch_all(
                "SELECT u.beslut, u.utforare, a.id AS arende, a.person, p.fornamn, p.efternamn, p.skyddad, a.tillstand \
                 FROM bestallningsvillkor b JOIN uppdrag u ON u.beslut = b.beslut AND u.kommun = b.kommun \
                 JOIN arende a ON a.id = u.arende AND a.kommun = u.kommun JOIN person p ON p.id = a.person AND p.kommun = a.kommun \
                 WHERE b.kommun = $1 AND b.utforare = $2 ORDER BY b.beslut",
                &[v(kommun), v(utforare)],
            )
            .await?
            .iter()
            .map(uppdrag_rad)
            .collect()
    }

    /// The order `beslut` of `kommun`: another kommun's order is, to it, not there.
    pub async fn uppdrag(
        &self,
        kommun: KommunId,
        beslut: BeslutId,
    ) -> Result<Option<UppdragRad>, StoreError> {
        self.0.db
            .fetch_optional(
                "SELECT u.beslut, u.utforare, a.id AS arende, a.person, p.fornamn, p.efternamn, p.skyddad, a.tillstand \
                 FROM uppdrag u JOIN arende a ON a.id = u.arende AND a.kommun = u.kommun \
                 JOIN person p ON p.id = a.person AND p.kommun = a.kommun WHERE u.kommun = $1 AND u.beslut = $2",
                &[v(kommun), v(beslut)],
            )
            .await?
            .as_ref()
            .map(uppdrag_rad)
            .transpose()
    }
}

impl Personer<'_> {
    /// The person's whole journal across all cases, newest first, with
    /// corrections and objections: for Mina sidor and the checks. A staff page
    /// shows `journal_sida`.
    pub async fn journal_for_person(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Vec<JournalRad>, StoreError> {
        let rader = self
            .0
            .db
            .fetch_all(
                concat!(
                    journal_fraga!(),
                    "WHERE j.kommun = $1 AND j.person = $2",
                    journal_ordning!()
                ),
                &[v(kommun), v(person)],
            )
            .await?;
        let mut ut: Vec<JournalRad> = rader
            .iter()
            .map(|r| journalrad_fran(r).map(|(j, _)| j))
            .collect::<Result<_, StoreError>>()?;
        let rattelser: Vec<(JournalId, JournalId)> = ut
            .iter()
            .filter_map(|j| j.rattar.map(|r| (r, j.id)))
            .collect();
        let invandningar = self
            .0
            .db
            .fetch_all(
                "SELECT i.anteckning, i.datum, i.text, COALESCE(u.namn, '') AS namn FROM journal_invandning i \
                 JOIN journal j ON j.id = i.anteckning AND j.kommun = i.kommun LEFT JOIN anvandare u ON u.id = i.registrerad_av AND u.kommun = i.kommun \
                 WHERE j.kommun = $1 AND j.person = $2 ORDER BY i.anteckning, i.seq",
                &[v(kommun), v(person)],
            )
            .await?;
        koppla(&mut ut, rattelser, &invandningar)?;
        Ok(ut)
    }

    /// A page of the person's journal in the cases `synlig` lets the reader see,
    /// newest first. Entries of other cases are skipped in batches of a page,
    /// so a reader who sees every case reads one page's worth of rows.
    /// None when `start` names an entry that is not the person's.
    pub async fn journal_sida(
        &self,
        kommun: KommunId,
        person: PersonId,
        start: Journalstart,
        antal: usize,
        synlig: impl Fn(ArendeId) -> bool,
    ) -> Result<Option<Sidvis<JournalRad>>, StoreError> {
        journal_sida(
            self.0,
            kommun,
            Journalagare::Person(person),
            start,
            antal,
            synlig,
        )
        .await
    }

    /// The last day anything was entered in the person's file (SoL 16 kap.: gallring counts from it).
    pub async fn sista_anteckning(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Option<Date>, StoreError> {
        let r = self
            .0
            .db
            .fetch_optional(crate::gallring::SISTA_ANTECKNING, &[v(person), v(kommun)])
            .await?;
        crate::gallring::sista_anteckning_fran(r.as_ref())
    }
}

impl Organisation<'_> {
    pub async fn kommunkod(&self, kommun: KommunId) -> Result<String, StoreError> {
        self.0
            .db
            .fetch_optional("SELECT kod FROM kommun WHERE id = $1", &[v(kommun)])
            .await?
            .ok_or(StoreError::Saknas)?
            .text("kod")
    }
}

/// An order sent to an utförare (SoL 11 kap.: the decision is enforced by the unit it names).
#[derive(Debug, Clone)]
pub struct UppdragRad {
    pub beslut: BeslutId,
    pub utforare: EnhetId,
    pub arende: ArendeId,
    pub person: PersonId,
    pub person_namn: String,
    pub person_skyddad: bool,
    /// The case's state: the decision and its enforcement are read from it.
    pub tillstand: Arende,
}

fn uppdrag_rad(r: &Rad) -> Result<UppdragRad, StoreError> {
    Ok(UppdragRad {
        beslut: r.parse("beslut")?,
        utforare: r.parse("utforare")?,
        arende: r.parse("arende")?,
        person: r.parse("person")?,
        person_namn: format!("{} {}", r.text("fornamn")?, r.text("efternamn")?),
        person_skyddad: r.int("skyddad")? != 0,
        tillstand: serde_json::from_str(&r.text("tillstand")?)?,
    })
}

fn lagrad_handelse(r: &Rad) -> Result<LagradHandelse, StoreError> {
    Ok(LagradHandelse {
        seq: r.int("seq")?,
        handelse: serde_json::from_str::<Handelse>(&r.text("payload")?)?,
        aktor: r.parse("aktor")?,
        aktor_namn: r.text("aktor_namn")?,
        tidpunkt: las_tid(&r.text("tidpunkt")?)?,
    })
}

/// Whose journal a page is of.
#[derive(Debug, Clone, Copy)]
enum Journalagare {
    Arende(ArendeId),
    Person(PersonId),
}

/// An entry's place in the journal's order, as stored: (datum, skriven, id).
type Journalnyckel = (String, String, String);

/// The statements of a journal page, for one kind of owner: the owner's key
/// column is the only difference, and each is an index range on
/// (owner, datum, skriven, id): `journal_arende` or `journal_person_tid`.
struct Journalsatser {
    nyckel: &'static str,
    senaste: &'static str,
    fore: &'static str,
    fran: &'static str,
    rattelser: &'static str,
    invandningar: &'static str,
}

macro_rules! journalsatser {
    ($agare:literal) => {
        Journalsatser {
            nyckel: concat!(
                "SELECT datum, skriven FROM journal WHERE kommun = $1 AND id = $2 AND ",
                $agare,
                " = $3"
            ),
            senaste: concat!(
                journal_fraga!(),
                "WHERE j.kommun = $1 AND j.",
                $agare,
                " = $2",
                journal_ordning!(),
                " LIMIT $3"
            ),
            fore: concat!(
                journal_fraga!(),
                "WHERE j.kommun = $1 AND j.",
                $agare,
                " = $2 AND (j.datum, j.skriven, j.id) < ($3, $4, $5)",
                journal_ordning!(),
                " LIMIT $6"
            ),
            fran: concat!(
                journal_fraga!(),
                "WHERE j.kommun = $1 AND j.",
                $agare,
                " = $2 AND (j.datum, j.skriven, j.id) <= ($3, $4, $5)",
                journal_ordning!(),
                " LIMIT $6"
            ),
            // The entries between the page's oldest and newest, inclusive, are
            // the page's (for a person's page, with those of cases not shown).
            rattelser: concat!(
                "SELECT r.rattar, r.id FROM journal j JOIN journal r ON r.rattar = j.id AND r.kommun = j.kommun WHERE j.kommun = $1 AND j.",
                $agare,
                " = $2 AND (j.datum, j.skriven, j.id) >= ($3, $4, $5) AND (j.datum, j.skriven, j.id) <= ($6, $7, $8) \
                 ORDER BY r.skriven, r.id"
            ),
            invandningar: concat!(
                "SELECT i.anteckning, i.datum, i.text, COALESCE(u.namn, '') AS namn FROM journal j \
                 JOIN journal_invandning i ON i.anteckning = j.id AND i.kommun = j.kommun LEFT JOIN anvandare u ON u.id = i.registrerad_av AND u.kommun = i.kommun WHERE j.kommun = $1 AND j.",
                $agare,
                " = $2 AND (j.datum, j.skriven, j.id) >= ($3, $4, $5) AND (j.datum, j.skriven, j.id) <= ($6, $7, $8) \
                 ORDER BY i.anteckning, i.seq"
            ),
        }
    };
}

const ARENDETS_JOURNAL: Journalsatser = journalsatser!("arende");
const PERSONENS_JOURNAL: Journalsatser = journalsatser!("person");

fn journalrad_fran(r: &Rad) -> Result<(JournalRad, Journalnyckel), StoreError> {
    let datum = r.text("datum")?;
    let skriven = r.text("skriven")?;
    let id = r.text("id")?;
    let rad = JournalRad {
        id: r.parse("id")?,
        arende: r.parse("arende")?,
        datum: crate::las_datum(&datum)?,
        text: r.text("text")?,
        forfattare: r.text("forfattare")?,
        skriven: las_tid(&skriven)?,
        rattar: r.opt_parse("rattar")?,
        rattad_av: vec![],
        invandningar: vec![],
        provning: r.opt_int("provning")?.map(|x| x != 0),
    };
    Ok((rad, (datum, skriven, id)))
}

/// Hangs corrections (original, correction) and objections on the entries
/// they concern, by id.
fn koppla(
    ut: &mut [JournalRad],
    rattelser: Vec<(JournalId, JournalId)>,
    invandningar: &[Rad],
) -> Result<(), StoreError> {
    let plats: std::collections::HashMap<JournalId, usize> =
        ut.iter().enumerate().map(|(i, j)| (j.id, i)).collect();
    for (original, rattelse) in rattelser {
        if let Some(&i) = plats.get(&original) {
            ut[i].rattad_av.push(rattelse);
        }
    }
    for r in invandningar {
        let id: JournalId = r.parse("anteckning")?;
        if let Some(&i) = plats.get(&id) {
            ut[i].invandningar.push(Invandning {
                datum: r.datum("datum")?,
                text: r.text("text")?,
                registrerad_av: r.text("namn")?,
            });
        }
    }
    Ok(())
}

async fn journal_sida(
    store: &crate::Store,
    kommun: KommunId,
    agare: Journalagare,
    start: Journalstart,
    antal: usize,
    synlig: impl Fn(ArendeId) -> bool,
) -> Result<Option<Sidvis<JournalRad>>, StoreError> {
    let (satser, agar_id) = match agare {
        Journalagare::Arende(a) => (&ARENDETS_JOURNAL, a.to_string()),
        Journalagare::Person(p) => (&PERSONENS_JOURNAL, p.to_string()),
    };
    let db = &store.db;
    // The start entry's key, and whether it is itself on the page.
    let mut fran: Option<(Journalnyckel, bool)> = match start {
        Journalstart::Senaste => None,
        Journalstart::Fore(id) | Journalstart::Fran(id) => {
            let Some(r) = db
                .fetch_optional(satser.nyckel, &[v(kommun), v(id), agar_id.as_str().into()])
                .await?
            else {
                return Ok(None);
            };
            let nyckel = (r.text("datum")?, r.text("skriven")?, id.to_string());
            Some((nyckel, matches!(start, Journalstart::Fran(_))))
        }
    };
    let parti = antal as i64 + 1;
    let mut visade: Vec<(JournalRad, Journalnyckel)> = vec![];
    let fler = loop {
        let rader = match &fran {
            None => {
                db.fetch_all(
                    satser.senaste,
                    &[v(kommun), agar_id.as_str().into(), parti.into()],
                )
                .await?
            }
            Some(((datum, skriven, id), inklusive)) => {
                let sql = if *inklusive { satser.fran } else { satser.fore };
                db.fetch_all(
                    sql,
                    &[
                        v(kommun),
                        agar_id.as_str().into(),
                        datum.as_str().into(),
                        skriven.as_str().into(),
                        id.as_str().into(),
                        parti.into(),
                    ],
                )
                .await?
            }
        };
        let sista = rader.len() < parti as usize;
        let mut nasta = None;
        for r in &rader {
            let (j, nyckel) = journalrad_fran(r)?;
            nasta = Some(nyckel.clone());
            if synlig(j.arende) {
                visade.push((j, nyckel));
            }
        }
        if visade.len() > antal {
            break true;
        }
        match nasta {
            Some(n) if !sista => fran = Some((n, false)),
            _ => break false,
        }
    };
    visade.truncate(antal);
    let (Some((_, nyast)), Some((_, aldst))) = (visade.first(), visade.last()) else {
        return Ok(Some(Sidvis {
            rader: vec![],
            fler,
        }));
    };
    let spann = [
        v(kommun),
        agar_id.as_str().into(),
        aldst.0.as_str().into(),
        aldst.1.as_str().into(),
        aldst.2.as_str().into(),
        nyast.0.as_str().into(),
        nyast.1.as_str().into(),
        nyast.2.as_str().into(),
    ];
    let rattelser = db
        .fetch_all(satser.rattelser, &spann)
        .await?
        .iter()
        .map(|r| Ok((r.parse("rattar")?, r.parse("id")?)))
        .collect::<Result<Vec<(JournalId, JournalId)>, StoreError>>()?;
    let invandningar = db.fetch_all(satser.invandningar, &spann).await?;
    let mut rader: Vec<JournalRad> = visade.into_iter().map(|(j, _)| j).collect();
    koppla(&mut rader, rattelser, &invandningar)?;
    Ok(Some(Sidvis { rader, fler }))
}
