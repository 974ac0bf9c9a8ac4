//! The desk's full mode, its steps into the formal route, and the group follow-up of
//! öppna insatser (issue 17 items 2–4, 7, 8; migration 0035). Every row is kommun data
//! and every query names the kommun.
//!
//! Only the full mode keeps a person (`oppen_deltagare`, `oppen_journal`); the steps
//! into the formal route and the orosanmälningar are counted in `oppen_overgang`
//! without a person, a case or a time of day, so nothing joins a minimal or anonymous
//! service's visits to the person who later applied.

use lots_domain::identitet::{Identitet, IdentitetsTyp};
use lots_domain::ids::{EnhetId, KommunId, OppenInsatsId, PersonId};
use time::{Date, OffsetDateTime};

use crate::db::Rad;
use crate::kedja::{Aktor, Granskningspost, skriv_granskning};
use crate::org::v;
use crate::{Organisation, StoreError, datumtext, las_datum, tidstext};

/// A person in a full-mode service: what the desk shows before a visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OppenDeltagare {
    pub forsta_besok: Date,
    /// Visits registered in the service.
    pub besok: i64,
    pub senaste_besok: Option<Date>,
    /// The day the person was told they may apply for bistånd.
    pub informerad: Option<Date>,
    /// The choice made at the scope limit: "avsluta" or "ansoka", and its day.
    pub val: Option<(String, Date)>,
}

/// One full-mode visit, as the journal of the person in the service shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OppetJournalbesok {
    pub insats: OppenInsatsId,
    pub dag: Date,
    pub text: String,
    /// The provider's name, and its id.
    pub utforare: String,
    pub utforare_id: EnhetId,
}

/// A step from the desk that the follow-up counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overgang {
    /// Into the formal route: an ansökan registered at the desk.
    Ansokan,
    /// An orosanmälan made at the desk.
    Orosanmalan,
}

impl Overgang {
    pub fn kod(self) -> &'static str {
        match self {
            Overgang::Ansokan => "ansokan",
            Overgang::Orosanmalan => "orosanmalan",
        }
    }
}

/// Counts of the minimal, anonymous and rådgivning visits, grouped: one row per service,
/// provider, mode and the mode's own fields, with how many came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BesoksGrupp {
    pub insats: OppenInsatsId,
    pub utforare: EnhetId,
    pub kon: Option<String>,
    pub aldersgrupp: Option<String>,
    pub stadsdel: Option<String>,
    pub antal: i64,
}

/// A full-mode visit for the follow-up: the person only as a key to count unique
/// persons, with the two traits the follow-up counts by (from the identity).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FulltBesok {
    pub insats: OppenInsatsId,
    pub utforare: EnhetId,
    pub person: PersonId,
    pub identitet: Identitet,
    pub dag: Date,
}

/// Counts of steps into the formal route and orosanmälningar per service and provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OvergangsGrupp {
    pub insats: OppenInsatsId,
    pub utforare: EnhetId,
    pub slag: String,
    pub antal: i64,
}

fn deltagare(r: &Rad) -> Result<OppenDeltagare, StoreError> {
    let val = match (r.opt_text("val")?, r.opt_text("val_dag")?) {
        (Some(v), Some(d)) => Some((v, las_datum(&d)?)),
        _ => None,
    };
    Ok(OppenDeltagare {
        forsta_besok: las_datum(&r.text("forsta_besok")?)?,
        besok: r.int("besok")?,
        senaste_besok: r.opt_text("senaste")?.map(|d| las_datum(&d)).transpose()?,
        informerad: r
            .opt_text("informerad")?
            .map(|d| las_datum(&d))
            .transpose()?,
        val,
    })
}

const DELTAGARE: &str = "SELECT d.forsta_besok, d.informerad, d.val, d.val_dag, \
     (SELECT CAST(COUNT(*) AS BIGINT) FROM oppen_journal j WHERE j.kommun = d.kommun AND j.insats = d.insats AND j.person = d.person) AS besok, \
     (SELECT MAX(j.dag) FROM oppen_journal j WHERE j.kommun = d.kommun AND j.insats = d.insats AND j.person = d.person) AS senaste \
     FROM oppen_deltagare d WHERE d.kommun = $1 AND d.insats = $2 AND d.person = $3";

impl Organisation<'_> {
    /// The person in the full-mode service, if they have come before. Not audited here:
    /// the caller shows it, and writes the row that names the person.
    pub async fn oppen_deltagare(
        &self,
        kommun: KommunId,
        insats: OppenInsatsId,
        person: PersonId,
    ) -> Result<Option<OppenDeltagare>, StoreError> {
        self.0
            .db
            .fetch_optional(DELTAGARE, &[v(kommun), v(insats), v(person)])
            .await?
            .map(|r| deltagare(&r))
            .transpose()
    }

    /// Registers a full-mode visit, already checked (`OppenInsats::ta_emot_person`): the
    /// person becomes a participant on their first visit, the visit is their journal
    /// entry in the service, and `informerad` records, the first time only, that the
    /// person was told they may apply for bistånd. Audited with the person, in one
    /// transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn registrera_fullt_besok(
        &self,
        kommun: KommunId,
        insats: OppenInsatsId,
        version: i64,
        person: PersonId,
        skyddad: bool,
        utforare: EnhetId,
        dag: Date,
        text: &str,
        informerad: bool,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        let finns = tx
            .fetch_optional(
                "SELECT informerad FROM oppen_deltagare WHERE kommun = $1 AND insats = $2 AND person = $3",
                &[v(kommun), v(insats), v(person)],
            )
            .await?;
        match finns {
            None => {
                tx.execute(
                    "INSERT INTO oppen_deltagare (kommun, insats, person, forsta_besok, informerad, informerad_av) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    &[
                        v(kommun),
                        v(insats),
                        v(person),
                        datumtext(dag).into(),
                        informerad.then(|| datumtext(dag)).into(),
                        informerad.then(|| aktor.id.to_string()).into(),
                    ],
                )
                .await?;
            }
            Some(r) if informerad && r.opt_text("informerad")?.is_none() => {
                tx.execute(
                    "UPDATE oppen_deltagare SET informerad = $4, informerad_av = $5 \
                     WHERE kommun = $1 AND insats = $2 AND person = $3 AND informerad IS NULL",
                    &[
                        v(kommun),
                        v(insats),
                        v(person),
                        datumtext(dag).into(),
                        aktor.id.to_string().into(),
                    ],
                )
                .await?;
            }
            Some(_) => {}
        }
        let id = uuid::Uuid::now_v7().to_string();
        tx.execute(
            "INSERT INTO oppen_journal (kommun, id, insats, insats_version, person, utforare, dag, text, registrerad, registrerad_av) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[
                v(kommun),
                id.as_str().into(),
                v(insats),
                version.into(),
                v(person),
                v(utforare),
                datumtext(dag).into(),
                text.into(),
                tid.as_str().into(),
                aktor.id.to_string().into(),
            ],
        )
        .await?;
        let post = Granskningspost::ny(format!("oppen_journal.registrera:{insats}:{id}"))
            .person(person, skyddad);
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await
    }

    /// Records the choice at the scope limit (issue 17 item 3): "avsluta" or "ansoka".
    /// Audited with the person. `Saknas` when the person is no participant.
    #[allow(clippy::too_many_arguments)]
    pub async fn satt_oppet_val(
        &self,
        kommun: KommunId,
        insats: OppenInsatsId,
        person: PersonId,
        skyddad: bool,
        val: &str,
        dag: Date,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        let n = tx
            .execute(
                "UPDATE oppen_deltagare SET val = $4, val_dag = $5 WHERE kommun = $1 AND insats = $2 AND person = $3",
                &[
                    v(kommun),
                    v(insats),
                    v(person),
                    val.into(),
                    datumtext(dag).into(),
                ],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Saknas);
        }
        let post = Granskningspost::ny(format!("oppen_deltagare.val:{insats}:{val}"))
            .person(person, skyddad);
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await
    }

    /// Counts one step from the desk into the formal route or one orosanmälan: the
    /// service, the provider and the day, nothing else (see the module).
    pub async fn rakna_overgang(
        &self,
        kommun: KommunId,
        insats: OppenInsatsId,
        utforare: EnhetId,
        dag: Date,
        slag: Overgang,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "INSERT INTO oppen_overgang (kommun, id, insats, utforare, dag, slag) VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    v(kommun),
                    uuid::Uuid::now_v7().to_string().into(),
                    v(insats),
                    v(utforare),
                    datumtext(dag).into(),
                    slag.kod().into(),
                ],
            )
            .await?;
        Ok(())
    }

    /// The person's own full-mode visits in the kommun, newest first (Mina sidor,
    /// issue 17 item 8). The caller audits the read.
    pub async fn personens_oppna_besok(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Vec<OppetJournalbesok>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT j.insats, j.dag, j.text, j.utforare, e.namn FROM oppen_journal j JOIN enhet e ON e.id = j.utforare \
                 WHERE j.kommun = $1 AND j.person = $2 ORDER BY j.dag DESC, j.id DESC",
                &[v(kommun), v(person)],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(OppetJournalbesok {
                    insats: r.parse("insats")?,
                    dag: las_datum(&r.text("dag")?)?,
                    text: r.text("text")?,
                    utforare: r.text("namn")?,
                    utforare_id: r.parse("utforare")?,
                })
            })
            .collect()
    }

    /// The person's visits in one service, newest first, for the desk.
    pub async fn deltagarens_besok(
        &self,
        kommun: KommunId,
        insats: OppenInsatsId,
        person: PersonId,
    ) -> Result<Vec<OppetJournalbesok>, StoreError> {
        Ok(self
            .personens_oppna_besok(kommun, person)
            .await?
            .into_iter()
            .filter(|b| b.insats == insats)
            .collect())
    }

    /// The minimal, anonymous and rådgivning visits from `fran` to `till`, grouped.
    pub async fn oppna_besok_grupper(
        &self,
        kommun: KommunId,
        fran: Date,
        till: Date,
    ) -> Result<Vec<BesoksGrupp>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT insats, utforare, kon, aldersgrupp, stadsdel, CAST(SUM(antal) AS BIGINT) AS antal FROM oppet_besok \
                 WHERE kommun = $1 AND dag >= $2 AND dag <= $3 \
                 GROUP BY insats, utforare, kon, aldersgrupp, stadsdel",
                &[v(kommun), datumtext(fran).into(), datumtext(till).into()],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(BesoksGrupp {
                    insats: r.parse("insats")?,
                    utforare: r.parse("utforare")?,
                    kon: r.opt_text("kon")?,
                    aldersgrupp: r.opt_text("aldersgrupp")?,
                    stadsdel: r.opt_text("stadsdel")?,
                    antal: r.int("antal")?,
                })
            })
            .collect()
    }

    /// The full-mode visits from `fran` to `till`, for counting (never shown one by one).
    pub async fn fulla_besok(
        &self,
        kommun: KommunId,
        fran: Date,
        till: Date,
    ) -> Result<Vec<FulltBesok>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT j.insats, j.utforare, j.person, j.dag, p.identitet, p.identitet_typ FROM oppen_journal j \
                 JOIN person p ON p.kommun = j.kommun AND p.id = j.person \
                 WHERE j.kommun = $1 AND j.dag >= $2 AND j.dag <= $3",
                &[v(kommun), datumtext(fran).into(), datumtext(till).into()],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(FulltBesok {
                    insats: r.parse("insats")?,
                    utforare: r.parse("utforare")?,
                    person: r.parse("person")?,
                    identitet: Identitet::fran_lagrat(
                        IdentitetsTyp::fran_kod(&r.text("identitet_typ")?)
                            .ok_or_else(|| StoreError::Korrupt("okänd identitetstyp".into()))?,
                        r.text("identitet")?,
                    ),
                    dag: las_datum(&r.text("dag")?)?,
                })
            })
            .collect()
    }

    /// The choices at the scope limit made from `fran` to `till`: (service, choice, count).
    pub async fn oppna_val(
        &self,
        kommun: KommunId,
        fran: Date,
        till: Date,
    ) -> Result<Vec<(OppenInsatsId, String, i64)>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT insats, val, CAST(COUNT(*) AS BIGINT) AS antal FROM oppen_deltagare \
                 WHERE kommun = $1 AND val IS NOT NULL AND val_dag >= $2 AND val_dag <= $3 GROUP BY insats, val",
                &[v(kommun), datumtext(fran).into(), datumtext(till).into()],
            )
            .await?
            .iter()
            .map(|r| Ok((r.parse("insats")?, r.text("val")?, r.int("antal")?)))
            .collect()
    }

    /// The steps into the formal route and the orosanmälningar from `fran` to `till`.
    pub async fn oppna_overgangar(
        &self,
        kommun: KommunId,
        fran: Date,
        till: Date,
    ) -> Result<Vec<OvergangsGrupp>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT insats, utforare, slag, CAST(COUNT(*) AS BIGINT) AS antal FROM oppen_overgang \
                 WHERE kommun = $1 AND dag >= $2 AND dag <= $3 GROUP BY insats, utforare, slag",
                &[v(kommun), datumtext(fran).into(), datumtext(till).into()],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(OvergangsGrupp {
                    insats: r.parse("insats")?,
                    utforare: r.parse("utforare")?,
                    slag: r.text("slag")?,
                    antal: r.int("antal")?,
                })
            })
            .collect()
    }
}
