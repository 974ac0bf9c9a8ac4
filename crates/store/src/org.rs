//! Organisation, staff accounts, sessions, persons and the delegationsordning.

use lots_domain::delegation::{Delegationsordning, Delegationspunkt};
use lots_domain::identitet::{Identitet, IdentitetsTyp};
use lots_domain::ids::*;
use lots_domain::organisation::Roll;
use time::{Date, OffsetDateTime};

use crate::db::{Rad, V};
use crate::{Inloggning, Organisation, Personer, StoreError, datumtext, las_tid, tidstext};

#[derive(Debug, Clone)]
pub struct Enhet {
    pub id: EnhetId,
    pub namn: String,
    pub utforare: bool,
    /// The Mina sidor offers whose digital applications come here (codes, space-separated).
    pub tar_emot: String,
    /// The provider organisation the unit belongs to, if any (issue 17 item 5).
    pub utforarorganisation: Option<lots_domain::ids::UtforarId>,
}

/// A kommun as the `kommun` table holds it: its code (e.g. "1480") and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kommun {
    pub id: KommunId,
    pub kod: String,
    pub namn: String,
}

#[derive(Debug, Clone)]
pub struct Anvandare {
    pub id: AnvandarId,
    pub kommun: KommunId,
    pub enhet: EnhetId,
    pub anvandarnamn: String,
    pub namn: String,
    pub roll: Roll,
    pub losenord: String,
    pub aktiv: bool,
    /// May see persons with skyddade personuppgifter (given explicitly, never by role).
    pub skyddad_behorighet: bool,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: PersonId,
    pub kommun: KommunId,
    pub identitet: Identitet,
    pub fornamn: String,
    pub efternamn: String,
    pub adress: String,
    pub skyddad: bool,
}

impl Person {
    pub fn namn(&self) -> String {
        format!("{} {}", self.fornamn, self.efternamn)
    }
}

#[derive(Debug, Clone)]
pub struct Session {
    pub anvandare: Anvandare,
    pub csrf: String,
    pub skapad: OffsetDateTime,
    pub senast: OffsetDateTime,
    /// 'klar' once logged in; 'kod' or 'registrering' while the second factor is missing.
    pub steg: String,
    /// A TOTP secret shown for setup, not yet confirmed.
    pub totp_ny: Option<String>,
    /// The identity provider's ID token, for its logout.
    pub id_token: Option<String>,
}

/// The columns of `anvandare` that `anvandare_fran` reads: one column list for
/// every reader of whole staff accounts, so a new column cannot be forgotten in one.
macro_rules! anvandare_kolumner {
    () => {
        "id, kommun, enhet, anvandarnamn, namn, roll, losenord, aktiv, skyddad_behorighet"
    };
}

/// A query for whole staff accounts, with a condition.
macro_rules! anvandare_fraga {
    ($villkor:literal) => {
        concat!(
            "SELECT ",
            $crate::org::anvandare_kolumner!(),
            " FROM anvandare ",
            $villkor
        )
    };
}
pub(crate) use {anvandare_fraga, anvandare_kolumner};

pub(crate) fn anvandare_fran(r: &Rad) -> Result<Anvandare, StoreError> {
    Ok(Anvandare {
        id: r.parse("id")?,
        kommun: r.parse("kommun")?,
        enhet: r.parse("enhet")?,
        anvandarnamn: r.text("anvandarnamn")?,
        namn: r.text("namn")?,
        roll: Roll::fran_kod(&r.text("roll")?)
            .ok_or_else(|| StoreError::Korrupt("okänd roll".into()))?,
        losenord: r.text("losenord")?,
        aktiv: r.int("aktiv")? != 0,
        skyddad_behorighet: r.int("skyddad_behorighet")? != 0,
    })
}

/// The columns of `person` that `person_fran` reads: every query for whole
/// persons lists them from here, so a new column is added in one place.
macro_rules! person_kolumner {
    () => {
        "id, kommun, identitet_typ, identitet, fornamn, efternamn, adress, skyddad"
    };
}
pub(crate) use person_kolumner;

/// `person` with its columns, for `Tx::infoga`: the rows `personrad` gives.
pub(crate) const PERSON: &str = concat!("person (", person_kolumner!(), ", syntetisk)");

/// A person's row in `person`, in `PERSON`'s column order.
pub(crate) fn personrad(p: &Person, syntetisk: bool) -> Vec<V> {
    vec![
        p.id.to_string().into(),
        p.kommun.to_string().into(),
        p.identitet.typ().kod().into(),
        p.identitet.varde().into(),
        p.fornamn.as_str().into(),
        p.efternamn.as_str().into(),
        p.adress.as_str().into(),
        p.skyddad.into(),
        syntetisk.into(),
    ]
}

pub(crate) fn person_fran(r: &Rad) -> Result<Person, StoreError> {
    let typ = IdentitetsTyp::fran_kod(&r.text("identitet_typ")?)
        .ok_or_else(|| StoreError::Korrupt("okänd identitetstyp".into()))?;
    Ok(Person {
        id: r.parse("id")?,
        kommun: r.parse("kommun")?,
        identitet: Identitet::fran_lagrat(typ, r.text("identitet")?),
        fornamn: r.text("fornamn")?,
        efternamn: r.text("efternamn")?,
        adress: r.text("adress")?,
        skyddad: r.int("skyddad")? != 0,
    })
}

impl Organisation<'_> {
    pub async fn skapa_kommun(
        &self,
        id: KommunId,
        kod: &str,
        namn: &str,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "INSERT INTO kommun (id, kod, namn) VALUES ($1, $2, $3)",
                &[id.to_string().into(), kod.into(), namn.into()],
            )
            .await
            .map(|_| ())
    }

    /// Every kommun in the database, by code: the kommuner a server may serve.
    pub async fn kommuner(&self) -> Result<Vec<Kommun>, StoreError> {
        self.0
            .db
            .fetch_all("SELECT id, kod, namn FROM kommun ORDER BY kod", &[])
            .await?
            .iter()
            .map(|r| {
                Ok(Kommun {
                    id: r.parse("id")?,
                    kod: r.text("kod")?,
                    namn: r.text("namn")?,
                })
            })
            .collect()
    }

    /// The kommun's name, as letters and reports print it.
    pub async fn kommunnamn(&self, kommun: KommunId) -> Result<Option<String>, StoreError> {
        self.0
            .db
            .fetch_optional(
                "SELECT namn FROM kommun WHERE id = $1",
                &[kommun.to_string().into()],
            )
            .await?
            .map(|r| r.text("namn"))
            .transpose()
    }

    /// The municipality this installation serves (the first one registered).
    pub async fn kommun(&self) -> Result<Option<(KommunId, String)>, StoreError> {
        let rad = self
            .0
            .db
            .fetch_optional("SELECT id, namn FROM kommun ORDER BY kod LIMIT 1", &[])
            .await?;
        rad.map(|r| Ok((r.parse("id")?, r.text("namn")?)))
            .transpose()
    }

    pub async fn skapa_namnd(
        &self,
        id: uuid::Uuid,
        kommun: KommunId,
        namn: &str,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "INSERT INTO namnd (id, kommun, namn) VALUES ($1, $2, $3)",
                &[
                    id.to_string().into(),
                    kommun.to_string().into(),
                    namn.into(),
                ],
            )
            .await
            .map(|_| ())
    }

    pub async fn skapa_enhet(
        &self,
        id: EnhetId,
        kommun: KommunId,
        namnd: uuid::Uuid,
        namn: &str,
        utforare: bool,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "INSERT INTO enhet (id, kommun, namnd, namn, utforare) VALUES ($1, $2, $3, $4, $5)",
                &[
                    id.to_string().into(),
                    kommun.to_string().into(),
                    namnd.to_string().into(),
                    namn.into(),
                    utforare.into(),
                ],
            )
            .await
            .map(|_| ())
    }

    /// The kommun's nämnder: (id, name).
    pub async fn namnder(&self, kommun: KommunId) -> Result<Vec<(uuid::Uuid, String)>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT id, namn FROM namnd WHERE kommun = $1 ORDER BY namn",
                &[kommun.to_string().into()],
            )
            .await?
            .iter()
            .map(|r| Ok((r.parse("id")?, r.text("namn")?)))
            .collect()
    }

    pub async fn enheter(&self, kommun: KommunId) -> Result<Vec<Enhet>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT id, namn, utforare, tar_emot, utforarorganisation FROM enhet WHERE kommun = $1 ORDER BY namn",
                &[kommun.to_string().into()],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(Enhet {
                    id: r.parse("id")?,
                    namn: r.text("namn")?,
                    utforare: r.int("utforare")? != 0,
                    tar_emot: r.text("tar_emot")?,
                    utforarorganisation: r.opt_parse("utforarorganisation")?,
                })
            })
            .collect()
    }

    pub async fn skapa_anvandare(&self, a: &Anvandare) -> Result<(), StoreError> {
        self.0.db
            .execute(
                "INSERT INTO anvandare (id, kommun, enhet, anvandarnamn, namn, roll, losenord, aktiv, skyddad_behorighet) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                &[
                    a.id.to_string().into(),
                    a.kommun.to_string().into(),
                    a.enhet.to_string().into(),
                    a.anvandarnamn.as_str().into(),
                    a.namn.as_str().into(),
                    a.roll.kod().into(),
                    a.losenord.as_str().into(),
                    a.aktiv.into(),
                    a.skyddad_behorighet.into(),
                ],
            )
            .await
            .map(|_| ())
    }

    /// A user name is unique within its kommun only (issue 18 item 8): two kommuner on
    /// one database may each have their "anna.s".
    pub async fn anvandare_med_namn(
        &self,
        kommun: KommunId,
        anvandarnamn: &str,
    ) -> Result<Option<Anvandare>, StoreError> {
        const SQL: &str = anvandare_fraga!("WHERE kommun = $1 AND anvandarnamn = $2");
        self.0
            .db
            .fetch_optional(SQL, &[kommun.to_string().into(), anvandarnamn.into()])
            .await?
            .as_ref()
            .map(anvandare_fran)
            .transpose()
    }

    pub async fn anvandare(
        &self,
        kommun: KommunId,
        id: AnvandarId,
    ) -> Result<Option<Anvandare>, StoreError> {
        self.0
            .db
            .fetch_optional(
                anvandare_fraga!("WHERE kommun = $1 AND id = $2"),
                &[kommun.to_string().into(), id.to_string().into()],
            )
            .await?
            .as_ref()
            .map(anvandare_fran)
            .transpose()
    }

    /// The users of `ids` in the kommun, in one statement whatever their number:
    /// the ids go as one JSON parameter, so its text does not change with them.
    pub async fn anvandare_av(
        &self,
        kommun: KommunId,
        ids: &[AnvandarId],
    ) -> Result<Vec<Anvandare>, StoreError> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = if self.0.db.ar_postgres() {
            // `= ANY` of an array: an index lookup per id, where `IN (SELECT …)` made a
            // hash join over every user of the kommun.
            anvandare_fraga!(
                "WHERE kommun = $1 AND id = ANY (ARRAY(SELECT json_array_elements_text($2::json))) ORDER BY id"
            )
        } else {
            anvandare_fraga!(
                "WHERE kommun = $1 AND id IN (SELECT value FROM json_each($2)) ORDER BY id"
            )
        };
        let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
        self.0
            .db
            .fetch_all(
                sql,
                &[
                    kommun.to_string().into(),
                    serde_json::to_string(&ids)?.into(),
                ],
            )
            .await?
            .iter()
            .map(anvandare_fran)
            .collect()
    }

    pub async fn alla_anvandare(&self, kommun: KommunId) -> Result<Vec<Anvandare>, StoreError> {
        self.0
            .db
            .fetch_all(
                anvandare_fraga!("WHERE kommun = $1 ORDER BY namn"),
                &[kommun.to_string().into()],
            )
            .await?
            .iter()
            .map(anvandare_fran)
            .collect()
    }

    /// The systemförvaltare changes a user's role, enhet, status or protected-person right.
    pub async fn andra_anvandare(&self, a: &Anvandare) -> Result<(), StoreError> {
        let n = self
            .0
            .db
            .execute(
                "UPDATE anvandare SET enhet = $2, namn = $3, roll = $4, aktiv = $5, skyddad_behorighet = $6 WHERE id = $1 AND kommun = $7",
                &[
                    a.id.to_string().into(),
                    a.enhet.to_string().into(),
                    a.namn.as_str().into(),
                    a.roll.kod().into(),
                    a.aktiv.into(),
                    a.skyddad_behorighet.into(),
                    a.kommun.to_string().into(),
                ],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Saknas);
        }
        // A changed role or a removed right must take effect at once, not at next login.
        self.0.db
            .execute(
                "DELETE FROM atkomstskal WHERE session IN (SELECT id FROM session WHERE anvandare = $1)",
                &[a.id.to_string().into()],
            )
            .await?;
        self.0
            .db
            .execute(
                "DELETE FROM session WHERE anvandare = $1 AND $2 = 0",
                &[a.id.to_string().into(), a.aktiv.into()],
            )
            .await
            .map(|_| ())
    }

    pub async fn spara_delegationsordning(
        &self,
        kommun: KommunId,
        giltig_fran: Date,
        punkter: &[Delegationspunkt],
    ) -> Result<i64, StoreError> {
        let mut tx = self.0.db.begin().await?;
        let version = tx
            .fetch_optional(
                "SELECT COALESCE(MAX(version), 0) AS v FROM delegationsordning WHERE kommun = $1",
                &[kommun.to_string().into()],
            )
            .await?
            .map(|r| r.int("v"))
            .transpose()?
            .unwrap_or(0)
            + 1;
        tx.execute(
            "INSERT INTO delegationsordning (kommun, version, giltig_fran, punkter) VALUES ($1, $2, $3, $4)",
            &[kommun.to_string().into(), version.into(), datumtext(giltig_fran).into(), serde_json::to_string(punkter)?.into()],
        )
        .await?;
        tx.commit().await?;
        Ok(version)
    }

    /// The delegationsordning in force on `idag`, as a command would read it: for
    /// a letter that must name the point a decision is taken under before the step
    /// is stored (the step's own transaction reads it again).
    pub async fn delegationsordning_i_kraft(
        &self,
        kommun: KommunId,
        idag: Date,
    ) -> Result<Delegationsordning, StoreError> {
        let r = self
            .0
            .db
            .fetch_optional(
                DELEGATIONSORDNING_I_KRAFT,
                &[kommun.to_string().into(), datumtext(idag).into()],
            )
            .await?;
        delegationsordning_fran(r)
    }

    /// Every version, newest first: (version, in force from, points).
    pub async fn delegationsordningar(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<(i64, Date, Vec<Delegationspunkt>)>, StoreError> {
        self.0.db
            .fetch_all(
                "SELECT version, giltig_fran, punkter FROM delegationsordning WHERE kommun = $1 ORDER BY version DESC",
                &[kommun.to_string().into()],
            )
            .await?
            .iter()
            .map(|r| Ok((r.int("version")?, r.datum("giltig_fran")?, serde_json::from_str(&r.text("punkter")?)?)))
            .collect()
    }
}

impl Inloggning<'_> {
    /// `id` is the hash of the session token: the token itself is never stored.
    pub async fn skapa_session(
        &self,
        id: &str,
        anvandare: AnvandarId,
        csrf: &str,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.0.db
            .execute(
                "INSERT INTO session (id, anvandare, csrf, skapad, senast) VALUES ($1, $2, $3, $4, $4)",
                &[id.into(), anvandare.to_string().into(), csrf.into(), tidstext(nu).into()],
            )
            .await
            .map(|_| ())
    }

    pub async fn session(&self, id: &str) -> Result<Option<Session>, StoreError> {
        let Some(r) = self
            .0
            .db
            .fetch_optional(
                concat!(
                    "SELECT a.*, s.csrf, s.skapad, s.senast, s.steg, s.totp_ny, s.id_token \
                     FROM session s JOIN (SELECT ",
                    anvandare_kolumner!(),
                    " FROM anvandare) a ON a.id = s.anvandare WHERE s.id = $1"
                ),
                &[id.into()],
            )
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(Session {
            anvandare: anvandare_fran(&r)?,
            csrf: r.text("csrf")?,
            skapad: las_tid(&r.text("skapad")?)?,
            senast: las_tid(&r.text("senast")?)?,
            steg: r.text("steg")?,
            totp_ny: r.opt_text("totp_ny")?,
            id_token: r.opt_text("id_token")?,
        }))
    }

    pub async fn rora_session(&self, id: &str, nu: OffsetDateTime) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "UPDATE session SET senast = $2 WHERE id = $1",
                &[id.into(), tidstext(nu).into()],
            )
            .await
            .map(|_| ())
    }

    pub async fn ta_bort_session(&self, id: &str) -> Result<(), StoreError> {
        self.0
            .db
            .execute("DELETE FROM atkomstskal WHERE session = $1", &[id.into()])
            .await?;
        self.0
            .db
            .execute("DELETE FROM session WHERE id = $1", &[id.into()])
            .await
            .map(|_| ())
    }

    /// A reason stated for opening a case outside one's enhet (inre sekretess).
    pub async fn spara_atkomstskal(
        &self,
        session: &str,
        arende: ArendeId,
        skal: &str,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.0.db
            .execute(
                "INSERT INTO atkomstskal (session, arende, skal, given) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (session, arende) DO UPDATE SET skal = excluded.skal, given = excluded.given",
                &[session.into(), v(arende), skal.into(), tidstext(nu).into()],
            )
            .await
            .map(|_| ())
    }

    /// The reason stated in this session for this case, and when it was given.
    pub async fn atkomstskal(
        &self,
        session: &str,
        arende: ArendeId,
    ) -> Result<Option<(String, OffsetDateTime)>, StoreError> {
        self.0
            .db
            .fetch_optional(
                "SELECT skal, given FROM atkomstskal WHERE session = $1 AND arende = $2",
                &[session.into(), v(arende)],
            )
            .await?
            .map(|r| Ok((r.text("skal")?, las_tid(&r.text("given")?)?)))
            .transpose()
    }
}

impl Personer<'_> {
    /// Stores a person with the words their name is searched by (`sok::namnord`).
    pub async fn skapa_person(&self, p: &Person, syntetisk: bool) -> Result<(), StoreError> {
        let mut tx = self.0.db.begin().await?;
        tx.infoga(PERSON, &[personrad(p, syntetisk)]).await?;
        tx.infoga(crate::sok::PERSONNAMN, &crate::sok::namnrader(p))
            .await?;
        tx.commit().await
    }

    /// Up to `max` of the kommun's persons, in no particular order: whom
    /// `lots bench` searches for.
    pub async fn urval(&self, kommun: KommunId, max: i64) -> Result<Vec<Person>, StoreError> {
        self.0
            .db
            .fetch_all(
                concat!(
                    "SELECT ",
                    person_kolumner!(),
                    " FROM person WHERE kommun = $1 LIMIT $2"
                ),
                &[v(kommun), max.into()],
            )
            .await?
            .iter()
            .map(person_fran)
            .collect()
    }

    pub async fn person(
        &self,
        kommun: KommunId,
        id: PersonId,
    ) -> Result<Option<Person>, StoreError> {
        self.0
            .db
            .fetch_optional(
                concat!(
                    "SELECT ",
                    person_kolumner!(),
                    " FROM person WHERE kommun = $1 AND id = $2"
                ),
                &[kommun.to_string().into(), id.to_string().into()],
            )
            .await?
            .as_ref()
            .map(person_fran)
            .transpose()
    }

    pub async fn person_med_identitet(
        &self,
        kommun: KommunId,
        identitet: &Identitet,
    ) -> Result<Option<Person>, StoreError> {
        self.person_med_nummer(kommun, identitet.varde()).await
    }

    pub async fn antal_personer(&self, kommun: KommunId) -> Result<i64, StoreError> {
        let r = self
            .0
            .db
            .fetch_optional(
                "SELECT COUNT(*) AS n FROM person WHERE kommun = $1",
                &[kommun.to_string().into()],
            )
            .await?;
        r.map(|r| r.int("n")).transpose().map(|n| n.unwrap_or(0))
    }
}

pub(crate) fn v(id: impl ToString) -> V {
    V::T(Some(id.to_string()))
}

/// The delegationsordning in force on `idag`: the newest version from that day or
/// earlier. Read inside the command's transaction, so the decision and the version
/// it records agree.
pub(crate) async fn las_delegationsordning(
    tx: &mut crate::db::Tx,
    kommun: KommunId,
    idag: Date,
) -> Result<Delegationsordning, StoreError> {
    let r = tx
        .fetch_optional(
            DELEGATIONSORDNING_I_KRAFT,
            &[kommun.to_string().into(), datumtext(idag).into()],
        )
        .await?;
    delegationsordning_fran(r)
}

/// The version in force on a day ($2) in a kommun ($1): the newest from that day or earlier.
const DELEGATIONSORDNING_I_KRAFT: &str = "SELECT version, punkter FROM delegationsordning \
     WHERE kommun = $1 AND giltig_fran <= $2 ORDER BY version DESC LIMIT 1";

fn delegationsordning_fran(r: Option<Rad>) -> Result<Delegationsordning, StoreError> {
    match r {
        // Deny by default: without a delegationsordning nobody may decide.
        None => Ok(Delegationsordning {
            version: 0,
            punkter: vec![],
        }),
        Some(r) => Ok(Delegationsordning {
            version: r.int("version")?,
            punkter: serde_json::from_str(&r.text("punkter")?)?,
        }),
    }
}
