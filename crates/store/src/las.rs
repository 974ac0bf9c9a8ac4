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

fn arende_rad(r: &Rad) -> Result<ArendeRad, StoreError> {
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

/// The case list query with a condition: one column list for every case list.
macro_rules! arende_fraga {
    ($villkor:literal) => {
        concat!(
            "SELECT a.id, a.person, p.fornamn, p.efternamn, p.skyddad, a.kommun, a.enhet, e.namn AS enhet_namn, ",
            "a.handlaggare, u.namn AS handlaggare_namn, a.status, a.inkom, a.diarienummer FROM arende a ",
            "JOIN person p ON p.id = a.person JOIN enhet e ON e.id = a.enhet LEFT JOIN anvandare u ON u.id = a.handlaggare ",
            $villkor
        )
    };
}

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

    pub async fn personens_arenden(&self, person: PersonId) -> Result<Vec<ArendeRad>, StoreError> {
        const SQL: &str = arende_fraga!("WHERE a.person = $1 ORDER BY a.inkom DESC, a.id");
        self.0
            .db
            .fetch_all(SQL, &[v(person)])
            .await?
            .iter()
            .map(arende_rad)
            .collect()
    }

    /// The person's cases with their state as projected, newest first: two
    /// queries whatever the number of cases.
    pub async fn personens_arenden_med_tillstand(
        &self,
        person: PersonId,
    ) -> Result<Vec<(ArendeRad, Arende)>, StoreError> {
        let rader = self.personens_arenden(person).await?;
        let mut tillstand: std::collections::HashMap<ArendeId, Arende> = self
            .0
            .db
            .fetch_all(
                "SELECT id, tillstand FROM arende WHERE person = $1",
                &[v(person)],
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

    pub async fn arende(&self, id: ArendeId) -> Result<Option<(ArendeRad, Arende)>, StoreError> {
        const SQL: &str = arende_fraga!("WHERE a.id = $1");
        let Some(r) = self.0.db.fetch_optional(SQL, &[v(id)]).await? else {
            return Ok(None);
        };
        let tillstand = self
            .0
            .db
            .fetch_optional("SELECT tillstand FROM arende WHERE id = $1", &[v(id)])
            .await?
            .ok_or(StoreError::Saknas)?
            .text("tillstand")?;
        Ok(Some((arende_rad(&r)?, serde_json::from_str(&tillstand)?)))
    }

    pub async fn handelser(&self, arende: ArendeId) -> Result<Vec<LagradHandelse>, StoreError> {
        self.0.db
            .fetch_all(
                "SELECT h.seq, h.payload, h.aktor, COALESCE(u.namn, '') AS aktor_namn, h.tidpunkt FROM handelse h \
                 LEFT JOIN anvandare u ON u.id = h.aktor WHERE h.arende = $1 ORDER BY h.seq",
                &[v(arende)],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(LagradHandelse {
                    seq: r.int("seq")?,
                    handelse: serde_json::from_str::<Handelse>(&r.text("payload")?)?,
                    aktor: r.parse("aktor")?,
                    aktor_namn: r.text("aktor_namn")?,
                    tidpunkt: las_tid(&r.text("tidpunkt")?)?,
                })
            })
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
                 JOIN arende a ON a.id = b.arende JOIN person p ON p.id = a.person \
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

    pub async fn dokument(&self, id: DokumentId) -> Result<Option<Dokument>, StoreError> {
        self.0.db
            .fetch_optional("SELECT id, arende, namn, innehallstyp, sha256, innehall FROM dokument WHERE id = $1", &[v(id)])
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
                 FROM uppdrag u JOIN arende a ON a.id = u.arende JOIN person p ON p.id = a.person \
                 WHERE u.kommun = $1 AND u.utforare = $2 ORDER BY a.inkom DESC, u.beslut",
                &[v(kommun), v(utforare)],
            )
            .await?
            .iter()
            .map(uppdrag_rad)
            .collect()
    }

    pub async fn uppdrag(&self, beslut: BeslutId) -> Result<Option<UppdragRad>, StoreError> {
        self.0.db
            .fetch_optional(
                "SELECT u.beslut, u.utforare, a.id AS arende, a.person, p.fornamn, p.efternamn, p.skyddad, a.tillstand \
                 FROM uppdrag u JOIN arende a ON a.id = u.arende JOIN person p ON p.id = a.person WHERE u.beslut = $1",
                &[v(beslut)],
            )
            .await?
            .as_ref()
            .map(uppdrag_rad)
            .transpose()
    }
}

impl Personer<'_> {
    pub async fn journal_for_person(
        &self,
        person: PersonId,
    ) -> Result<Vec<JournalRad>, StoreError> {
        let rader = self
            .0
            .db
            .fetch_all(
                "SELECT j.id, j.arende, j.datum, j.text, COALESCE(u.namn, '') AS forfattare, j.skriven, j.rattar FROM journal j \
                 LEFT JOIN anvandare u ON u.id = j.forfattare WHERE j.person = $1 ORDER BY j.datum DESC, j.skriven DESC",
                &[v(person)],
            )
            .await?;
        let invandningar = self
            .0
            .db
            .fetch_all(
                "SELECT i.anteckning, i.datum, i.text, COALESCE(u.namn, '') AS namn FROM journal_invandning i \
                 JOIN journal j ON j.id = i.anteckning LEFT JOIN anvandare u ON u.id = i.registrerad_av \
                 WHERE j.person = $1 ORDER BY i.anteckning, i.seq",
                &[v(person)],
            )
            .await?;
        let mut ut: Vec<JournalRad> = rader
            .iter()
            .map(|r| {
                Ok(JournalRad {
                    id: r.parse("id")?,
                    arende: r.parse("arende")?,
                    datum: r.datum("datum")?,
                    text: r.text("text")?,
                    forfattare: r.text("forfattare")?,
                    skriven: las_tid(&r.text("skriven")?)?,
                    rattar: r.opt_parse("rattar")?,
                    rattad_av: vec![],
                    invandningar: vec![],
                })
            })
            .collect::<Result<_, StoreError>>()?;
        let rattelser: Vec<(JournalId, JournalId)> = ut
            .iter()
            .filter_map(|j| j.rattar.map(|r| (r, j.id)))
            .collect();
        for (original, rattelse) in rattelser {
            if let Some(o) = ut.iter_mut().find(|j| j.id == original) {
                o.rattad_av.push(rattelse);
            }
        }
        for i in &invandningar {
            let id: JournalId = i.parse("anteckning")?;
            if let Some(j) = ut.iter_mut().find(|j| j.id == id) {
                j.invandningar.push(Invandning {
                    datum: i.datum("datum")?,
                    text: i.text("text")?,
                    registrerad_av: i.text("namn")?,
                });
            }
        }
        Ok(ut)
    }

    /// The last day anything was entered in the person's file (SoL 16 kap.: gallring counts from it).
    pub async fn sista_anteckning(&self, person: PersonId) -> Result<Option<Date>, StoreError> {
        let r = self
            .0
            .db
            .fetch_optional(
                "SELECT MAX(j.datum) AS journal, (SELECT MAX(a.uppdaterad) FROM arende a WHERE a.person = $1) AS arende \
                 FROM journal j WHERE j.person = $1",
                &[v(person)],
            )
            .await?;
        let Some(r) = r else { return Ok(None) };
        let journal = r
            .opt_text("journal")?
            .map(|d| crate::las_datum(&d))
            .transpose()?;
        let arende = r
            .opt_text("arende")?
            .map(|t| crate::las_tid(&t).map(lots_domain::tid::svensk_dag))
            .transpose()?;
        Ok(journal.max(arende))
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
