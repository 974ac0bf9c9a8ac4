//! The catalogue of öppna insatser (issue 17 item 1; migration 0031). An entry is kommun
//! data, the nämnd's decision, read by the kommun's own staff only (every query names the
//! kommun): each save is a new version, old ones are kept, and the save is written to the
//! audit log in the same transaction.

use lots_domain::ids::{EnhetId, KommunId, OppenInsatsId};
use lots_domain::oppen_insats::{Besok, OppenInsats};
use time::{Date, OffsetDateTime};

use crate::db::Rad;
use crate::kedja::{Aktor, Granskningspost, skriv_granskning};
use crate::org::v;
use crate::riksnorm::nasta_version;
use crate::{Organisation, StoreError, datumtext, las_tid, tidstext};

/// One version of an entry, and who saved it.
#[derive(Debug, Clone)]
pub struct OppenInsatsRad {
    pub id: OppenInsatsId,
    pub version: i64,
    pub insats: OppenInsats,
    pub sparad: OffsetDateTime,
    pub sparad_av: Option<String>,
}

fn fran_rad(r: &Rad) -> Result<OppenInsatsRad, StoreError> {
    Ok(OppenInsatsRad {
        id: r
            .text("id")?
            .parse()
            .map_err(|_| StoreError::Korrupt("oppen_insats.id".into()))?,
        version: r.int("version")?,
        insats: serde_json::from_str(&r.text("innehall")?)?,
        sparad: las_tid(&r.text("sparad")?)?,
        sparad_av: r.opt_text("sparad_av_namn")?,
    })
}

macro_rules! valj {
    () => {
        "SELECT o.id, o.version, o.innehall, o.sparad, u.namn AS sparad_av_namn \
         FROM oppen_insats o LEFT JOIN anvandare u ON u.id = o.sparad_av AND u.kommun = o.kommun "
    };
}

/// The newest version of each of a kommun's entries.
const SENASTE: &str = concat!(
    valj!(),
    "WHERE o.kommun = $1 AND o.version = (SELECT MAX(version) FROM oppen_insats s WHERE s.kommun = o.kommun AND s.id = o.id) \
     ORDER BY LOWER(o.namn), o.id"
);

/// Every version of one entry, newest first.
const VERSIONER: &str = concat!(
    valj!(),
    "WHERE o.kommun = $1 AND o.id = $2 ORDER BY o.version DESC"
);

const SAMTIDIGT: &str =
    "Någon annan sparade insatsen samtidigt. Läs in sidan igen och gör ändringen på nytt.";

impl Organisation<'_> {
    /// The newest version of each of the kommun's öppna insatser, by name, whether in
    /// force or not (the caller asks `OppenInsats::galler`).
    pub async fn oppna_insatser(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<OppenInsatsRad>, StoreError> {
        self.0
            .db
            .fetch_all(SENASTE, &[v(kommun)])
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// Every version of one of the kommun's entries, newest first; empty when the kommun
    /// has none such (another kommun's entry is, to this one, not there).
    pub async fn oppen_insats_versioner(
        &self,
        kommun: KommunId,
        id: OppenInsatsId,
    ) -> Result<Vec<OppenInsatsRad>, StoreError> {
        self.0
            .db
            .fetch_all(VERSIONER, &[v(kommun), v(id)])
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// Saves an entry already checked (`OppenInsats::granska`): a new one (`id` None) or
    /// a new version of one of the kommun's own, with its audit row, in one transaction.
    /// Returns the entry's id and version.
    pub async fn spara_oppen_insats(
        &self,
        kommun: KommunId,
        id: Option<OppenInsatsId>,
        insats: &OppenInsats,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(OppenInsatsId, i64), StoreError> {
        if let Some(id) = id
            && self.oppen_insats_versioner(kommun, id).await?.is_empty()
        {
            return Err(StoreError::Saknas);
        }
        let id = id.unwrap_or_else(OppenInsatsId::ny);
        let mut tx = self.0.db.begin().await?;
        let version = nasta_version(
            &mut tx,
            "SELECT COALESCE(MAX(version), 0) AS v FROM oppen_insats WHERE kommun = $1 AND id = $2",
            &[v(kommun), v(id)],
        )
        .await?;
        let tid = tidstext(nu);
        let skrivet = tx
            .execute(
                "INSERT INTO oppen_insats (kommun, id, version, namn, integritet, giltig_fran, giltig_till, innehall, sparad, sparad_av) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                &[
                    v(kommun),
                    v(id),
                    version.into(),
                    insats.namn.trim().into(),
                    insats.integritet.kod().into(),
                    datumtext(insats.giltig_fran).into(),
                    insats.giltig_till.map(datumtext).into(),
                    serde_json::to_string(insats)?.into(),
                    tid.as_str().into(),
                    aktor.id.to_string().into(),
                ],
            )
            .await;
        match skrivet {
            Ok(_) => {}
            Err(e) if e.ar_unik_krock() => return Err(StoreError::Konflikt(SAMTIDIGT.into())),
            Err(e) => return Err(e),
        }
        let post = Granskningspost::ny(format!("oppen_insats.spara:{id}:{version}"));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await?;
        Ok((id, version))
    }
}

impl Organisation<'_> {
    /// Registers a visit at the desk, already checked (`OppenInsats::ta_emot`), with its
    /// audit row, in one transaction. Only the mode's own fields are written; the table's
    /// CHECK refuses anything else. The audit row names the entry, never a person: there
    /// is none.
    #[allow(clippy::too_many_arguments)]
    pub async fn registrera_oppet_besok(
        &self,
        kommun: KommunId,
        insats: OppenInsatsId,
        version: i64,
        utforare: EnhetId,
        dag: Date,
        besok: &Besok,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let (antal, kon, aldersgrupp, stadsdel, amne): (i64, _, _, _, _) = match besok {
            Besok::Minimal {
                kon,
                aldersgrupp,
                stadsdel,
            } => (
                1,
                Some(kon.kod().to_string()),
                Some(aldersgrupp.kod().to_string()),
                Some(stadsdel.clone()),
                None,
            ),
            Besok::Anonym { antal } => (i64::from(*antal), None, None, None, None),
            Besok::Radgivning { amne } => (1, None, None, None, Some(amne.kod().to_string())),
        };
        let id = uuid::Uuid::now_v7().to_string();
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        tx.execute(
            "INSERT INTO oppet_besok (id, kommun, insats, insats_version, utforare, dag, integritet, antal, kon, aldersgrupp, stadsdel, amne, registrerad, registrerad_av) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            &[
                id.as_str().into(),
                v(kommun),
                v(insats),
                version.into(),
                v(utforare),
                datumtext(dag).into(),
                besok.integritet().kod().into(),
                antal.into(),
                kon.into(),
                aldersgrupp.into(),
                stadsdel.into(),
                amne.into(),
                tid.as_str().into(),
                aktor.id.to_string().into(),
            ],
        )
        .await?;
        let post = Granskningspost::ny(format!("oppet_besok.registrera:{insats}:{id}"));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many came to an entry at an utförare on a day (visits, and persons in groups).
    pub async fn oppna_besok_antal(
        &self,
        kommun: KommunId,
        insats: OppenInsatsId,
        utforare: EnhetId,
        dag: Date,
    ) -> Result<i64, StoreError> {
        self.0
            .db
            .fetch_optional(
                "SELECT CAST(COALESCE(SUM(antal), 0) AS BIGINT) AS n FROM oppet_besok WHERE kommun = $1 AND insats = $2 AND utforare = $3 AND dag = $4",
                &[v(kommun), v(insats), v(utforare), datumtext(dag).into()],
            )
            .await?
            .map(|r| r.int("n"))
            .transpose()
            .map(|n| n.unwrap_or(0))
    }
}

/// A generated visit for `importera_oppna_besok` (`lots demo --scale`): the same rows the
/// desk writes, visit by visit.
#[derive(Debug, Clone)]
pub enum Importbesok {
    /// A minimal, anonymous or rådgivning visit (`registrera_oppet_besok`).
    Oppet {
        insats: OppenInsatsId,
        version: i64,
        utforare: EnhetId,
        dag: Date,
        besok: Besok,
    },
    /// A full-mode visit (`registrera_fullt_besok`): a journal entry, the person a
    /// participant from their first visit, `informerad` the first time it was ticked.
    Fullt {
        insats: OppenInsatsId,
        version: i64,
        person: lots_domain::ids::PersonId,
        utforare: EnhetId,
        dag: Date,
        text: String,
        informerad: bool,
    },
}

impl Organisation<'_> {
    /// Stores generated visits in one transaction with multi-row INSERTs: the rows of
    /// `registrera_oppet_besok` and `registrera_fullt_besok`, with one audit row for the
    /// import (an import is nobody acting on a person, and the persons are synthetic, as
    /// for `Arenden::importera`). Full visits must come in day order per person.
    pub async fn importera_oppna_besok(
        &self,
        kommun: KommunId,
        besok: &[Importbesok],
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        use std::collections::BTreeMap;
        let tid = tidstext(nu);
        let mut oppna = vec![];
        let mut journal = vec![];
        // (insats, person) -> (first day, first day informed)
        let mut deltagare: BTreeMap<(String, String), (Date, Option<Date>)> = BTreeMap::new();
        for b in besok {
            match b {
                Importbesok::Oppet {
                    insats,
                    version,
                    utforare,
                    dag,
                    besok,
                } => {
                    let (antal, kon, aldersgrupp, stadsdel, amne): (i64, _, _, _, _) = match besok {
                        Besok::Minimal {
                            kon,
                            aldersgrupp,
                            stadsdel,
                        } => (
                            1,
                            Some(kon.kod().to_string()),
                            Some(aldersgrupp.kod().to_string()),
                            Some(stadsdel.clone()),
                            None,
                        ),
                        Besok::Anonym { antal } => (i64::from(*antal), None, None, None, None),
                        Besok::Radgivning { amne } => {
                            (1, None, None, None, Some(amne.kod().to_string()))
                        }
                    };
                    oppna.push(vec![
                        uuid::Uuid::now_v7().to_string().into(),
                        v(kommun),
                        v(insats),
                        (*version).into(),
                        v(utforare),
                        datumtext(*dag).into(),
                        besok.integritet().kod().into(),
                        antal.into(),
                        kon.into(),
                        aldersgrupp.into(),
                        stadsdel.into(),
                        amne.into(),
                        tid.as_str().into(),
                        aktor.id.to_string().into(),
                    ]);
                }
                Importbesok::Fullt {
                    insats,
                    version,
                    person,
                    utforare,
                    dag,
                    text,
                    informerad,
                } => {
                    let d = deltagare
                        .entry((insats.to_string(), person.to_string()))
                        .or_insert((*dag, None));
                    d.0 = d.0.min(*dag);
                    if *informerad && d.1.is_none() {
                        d.1 = Some(*dag);
                    }
                    journal.push(vec![
                        v(kommun),
                        uuid::Uuid::now_v7().to_string().into(),
                        v(insats),
                        (*version).into(),
                        v(person),
                        v(utforare),
                        datumtext(*dag).into(),
                        text.as_str().into(),
                        tid.as_str().into(),
                        aktor.id.to_string().into(),
                    ]);
                }
            }
        }
        let mut tx = self.0.db.begin().await?;
        // A person may be a participant already, from an earlier import or the desk: their
        // first visit and the day they were informed stay as stored (visits come in day
        // order), and only an `informerad` the stored row lacks is added, as
        // `registrera_fullt_besok` does.
        let insatser: std::collections::BTreeSet<String> =
            deltagare.keys().map(|(i, _)| i.clone()).collect();
        for insats in insatser {
            let lagrade = tx
                .fetch_all(
                    "SELECT person, informerad FROM oppen_deltagare WHERE kommun = $1 AND insats = $2",
                    &[v(kommun), insats.as_str().into()],
                )
                .await?;
            for r in lagrade {
                let nyckel = (insats.clone(), r.text("person")?);
                let Some((_, informerad)) = deltagare.remove(&nyckel) else {
                    continue;
                };
                if let (Some(dag), None) = (informerad, r.opt_text("informerad")?) {
                    tx.execute(
                        "UPDATE oppen_deltagare SET informerad = $4, informerad_av = $5 \
                         WHERE kommun = $1 AND insats = $2 AND person = $3 AND informerad IS NULL",
                        &[
                            v(kommun),
                            nyckel.0.as_str().into(),
                            nyckel.1.as_str().into(),
                            datumtext(dag).into(),
                            aktor.id.to_string().into(),
                        ],
                    )
                    .await?;
                }
            }
        }
        let deltagare: Vec<_> = deltagare
            .into_iter()
            .map(|((insats, person), (forsta, informerad))| {
                vec![
                    v(kommun),
                    insats.into(),
                    person.into(),
                    datumtext(forsta).into(),
                    informerad.map(datumtext).into(),
                    informerad.map(|_| aktor.id.to_string()).into(),
                ]
            })
            .collect();
        tx.infoga(
            "oppet_besok (id, kommun, insats, insats_version, utforare, dag, integritet, antal, kon, aldersgrupp, stadsdel, amne, registrerad, registrerad_av)",
            &oppna,
        )
        .await?;
        tx.infoga(
            "oppen_deltagare (kommun, insats, person, forsta_besok, informerad, informerad_av)",
            &deltagare,
        )
        .await?;
        tx.infoga(
            "oppen_journal (kommun, id, insats, insats_version, person, utforare, dag, text, registrerad, registrerad_av)",
            &journal,
        )
        .await?;
        let post = Granskningspost::ny(format!(
            "oppet_besok.importera:{}:{}",
            oppna.len(),
            journal.len()
        ));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await
    }
}
