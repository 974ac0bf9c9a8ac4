//! Synpunkter och klagomål (issue 19 item 4; migration 0041): registered with a
//! diarienummer from the kommun's series, assigned, answered, handed to a Lex Sarah
//! investigation, and counted per quarter for the nämnd (`lots_domain::klagomal`). Every
//! query names the kommun; every write is one transaction with its history row and its
//! audit row. Who may read which is the web's policy; reads are audited there.

use lots_domain::ids::{AnvandarId, KlagomalId, KommunId, LexSarahId, PersonId};
use lots_domain::klagomal::{Inskick, Kanal, Kategori, Rapportrad, Slag, Utfall, svar_senast};
use lots_domain::tid::svensk_dag;
use time::{Date, OffsetDateTime};

use crate::db::{Rad, Tx, V};
use crate::kedja::{Aktor, Granskningspost, skriv_granskning};
use crate::namnd::{diarienummer, ta_diarienummer};
use crate::org::v;
use crate::{Store, StoreError, datumtext, las_tid, tidstext};

/// Synpunkter och klagomål: `store.klagomal()`.
#[derive(Debug, Clone, Copy)]
pub struct Klagomal<'a>(&'a Store);

impl Store {
    /// Synpunkter och klagomål, and the Lex Sarah reports handed over from them.
    pub fn klagomal(&self) -> Klagomal<'_> {
        Klagomal(self)
    }
}

/// A complaint or suggestion with what has come of it.
#[derive(Debug, Clone)]
pub struct KlagomalRad {
    pub id: KlagomalId,
    pub kommun: KommunId,
    /// The diarienummer the sender quotes.
    pub nummer: String,
    pub inkom: OffsetDateTime,
    pub inkom_dag: Date,
    pub svar_senast: Date,
    pub slag: Slag,
    pub kategori: Kategori,
    pub text: String,
    pub namn: String,
    pub kontakt: String,
    pub kanal: Kanal,
    /// The person on Mina sidor who sent it (they read the answer there).
    pub person: Option<PersonId>,
    /// The sender has skyddade personuppgifter: the audit row says so, as every row that
    /// names such a person does.
    pub person_skyddad: bool,
    pub ansvarig: Option<AnvandarId>,
    pub ansvarig_namn: Option<String>,
    pub besvarad: Option<Date>,
    pub besvarad_av_namn: Option<String>,
    pub utfall: Option<Utfall>,
    pub svar: Option<String>,
    pub lex_sarah: Option<LexSarahId>,
}

/// One thing that happened to a complaint.
#[derive(Debug, Clone)]
pub struct KlagomalHandelse {
    pub tid: OffsetDateTime,
    pub av_namn: Option<String>,
    pub vad: String,
    pub text: String,
}

/// A Lex Sarah report handed over from a complaint, as its receiver sees it.
#[derive(Debug, Clone)]
pub struct LexSarahRad {
    pub id: LexSarahId,
    pub klagomal: KlagomalId,
    pub nummer: String,
    pub registrerad: OffsetDateTime,
    pub registrerad_av_namn: Option<String>,
    pub mottagare: AnvandarId,
    pub skal: String,
    /// The day the receiver is to take it up by.
    pub bevakas: Date,
    pub mottagen: Option<OffsetDateTime>,
}

macro_rules! klagomal_fraga {
    ($villkor:literal) => {
        concat!(
            "SELECT k.id, k.kommun, k.nummer, k.inkom, k.inkom_dag, k.svar_senast, k.slag, k.kategori, k.text, \
             k.namn, k.kontakt, k.kanal, k.person, k.ansvarig, a.namn AS ansvarig_namn, k.besvarad_dag, \
             b.namn AS besvarad_av_namn, k.utfall, k.svar, k.lex_sarah, p.skyddad AS person_skyddad FROM klagomal k \
             LEFT JOIN anvandare a ON a.id = k.ansvarig AND a.kommun = k.kommun \
             LEFT JOIN person p ON p.id = k.person AND p.kommun = k.kommun \
             LEFT JOIN anvandare b ON b.id = k.besvarad_av AND b.kommun = k.kommun ",
            $villkor
        )
    };
}

fn korrupt(vad: &str) -> StoreError {
    StoreError::Korrupt(format!("klagomal.{vad}"))
}

fn fran_rad(r: &Rad) -> Result<KlagomalRad, StoreError> {
    Ok(KlagomalRad {
        id: r.parse("id")?,
        kommun: r.parse("kommun")?,
        nummer: r.text("nummer")?,
        inkom: las_tid(&r.text("inkom")?)?,
        inkom_dag: r.datum("inkom_dag")?,
        svar_senast: r.datum("svar_senast")?,
        slag: Slag::fran_kod(&r.text("slag")?).ok_or_else(|| korrupt("slag"))?,
        kategori: Kategori::fran_kod(&r.text("kategori")?).ok_or_else(|| korrupt("kategori"))?,
        text: r.text("text")?,
        namn: r.opt_text("namn")?.unwrap_or_default(),
        kontakt: r.opt_text("kontakt")?.unwrap_or_default(),
        kanal: Kanal::fran_kod(&r.text("kanal")?).ok_or_else(|| korrupt("kanal"))?,
        person: r.opt_parse("person")?,
        person_skyddad: r.opt_int("person_skyddad")?.unwrap_or(0) != 0,
        ansvarig: r.opt_parse("ansvarig")?,
        ansvarig_namn: r.opt_text("ansvarig_namn")?,
        besvarad: r
            .opt_text("besvarad_dag")?
            .map(|d| crate::las_datum(&d))
            .transpose()?,
        besvarad_av_namn: r.opt_text("besvarad_av_namn")?,
        utfall: r
            .opt_text("utfall")?
            .map(|u| Utfall::fran_kod(&u).ok_or_else(|| korrupt("utfall")))
            .transpose()?,
        svar: r.opt_text("svar")?,
        lex_sarah: r.opt_parse("lex_sarah")?,
    })
}

/// Appends a row to the complaint's history, and the act to the audit log.
async fn historik(
    tx: &mut Tx,
    store: &Store,
    k: &KlagomalRad,
    aktor: &Aktor,
    tid: &str,
    vad: &str,
    text: &str,
) -> Result<(), StoreError> {
    let nr = tx
        .fetch_optional(
            "SELECT COALESCE(MAX(nr), 0) + 1 AS nr FROM klagomal_historik WHERE kommun = $1 AND klagomal = $2",
            &[v(k.kommun), v(k.id)],
        )
        .await?
        .map(|r| r.int("nr"))
        .transpose()?
        .unwrap_or(1);
    tx.execute(
        "INSERT INTO klagomal_historik (kommun, klagomal, nr, tid, av, vad, text) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            v(k.kommun),
            v(k.id),
            nr.into(),
            tid.into(),
            v(aktor.id),
            vad.into(),
            text.into(),
        ],
    )
    .await?;
    let mut post = Granskningspost::ny(format!("klagomal.{vad}:{}", k.nummer));
    if let Some(p) = k.person {
        post = post.person(p, k.person_skyddad);
    }
    skriv_granskning(tx, &store.sakring, aktor, tid, &post).await
}

impl Klagomal<'_> {
    /// Registers what a sender wrote: its diarienummer from the kommun's series, and the
    /// day an answer is promised by. `aktor` is the account the act is recorded under (the
    /// kommun's Mina sidor account for the public page and Mina sidor).
    #[allow(clippy::too_many_arguments)]
    pub async fn registrera(
        &self,
        kommun: KommunId,
        inskick: &Inskick,
        kanal: Kanal,
        // The sender on Mina sidor, and whether they have skyddade personuppgifter.
        person: Option<(PersonId, bool)>,
        avsandare: &str,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<KlagomalRad, StoreError> {
        let dag = svensk_dag(nu);
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        let (prefix, nr) = ta_diarienummer(&mut tx, kommun, dag.year(), 1).await?;
        let k = KlagomalRad {
            id: KlagomalId::ny(),
            kommun,
            nummer: diarienummer(&prefix, dag.year(), nr),
            inkom: nu,
            inkom_dag: dag,
            svar_senast: svar_senast(dag),
            slag: inskick.slag,
            kategori: inskick.kategori,
            text: inskick.text.clone(),
            namn: inskick.namn.clone(),
            kontakt: inskick.kontakt.clone(),
            kanal,
            person: person.map(|(p, _)| p),
            person_skyddad: person.is_some_and(|(_, s)| s),
            ansvarig: None,
            ansvarig_namn: None,
            besvarad: None,
            besvarad_av_namn: None,
            utfall: None,
            svar: None,
            lex_sarah: None,
        };
        tx.execute(
            "INSERT INTO klagomal (kommun, id, nummer, inkom, inkom_dag, svar_senast, slag, kategori, text, namn, kontakt, kanal, person, avsandare) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            &[
                v(kommun),
                v(k.id),
                k.nummer.as_str().into(),
                tid.as_str().into(),
                datumtext(dag).into(),
                datumtext(k.svar_senast).into(),
                k.slag.kod().into(),
                k.kategori.kod().into(),
                k.text.as_str().into(),
                k.namn.as_str().into(),
                k.kontakt.as_str().into(),
                kanal.kod().into(),
                V::T(person.map(|(p, _)| p.to_string())),
                avsandare.into(),
            ],
        )
        .await?;
        historik(&mut tx, self.0, &k, aktor, &tid, "registrerad", "").await?;
        tx.commit().await?;
        Ok(k)
    }

    /// The kommun's complaints, newest first (at most `max`).
    pub async fn lista(&self, kommun: KommunId, max: i64) -> Result<Vec<KlagomalRad>, StoreError> {
        self.0
            .db
            .fetch_all(
                klagomal_fraga!("WHERE k.kommun = $1 ORDER BY k.inkom DESC, k.id LIMIT $2"),
                &[v(kommun), max.into()],
            )
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// The complaints assigned to `anvandare`, newest first.
    pub async fn tilldelade(
        &self,
        kommun: KommunId,
        anvandare: AnvandarId,
    ) -> Result<Vec<KlagomalRad>, StoreError> {
        self.0
            .db
            .fetch_all(
                klagomal_fraga!(
                    "WHERE k.kommun = $1 AND k.ansvarig = $2 ORDER BY k.inkom DESC, k.id"
                ),
                &[v(kommun), v(anvandare)],
            )
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// What the person sent from Mina sidor, newest first.
    pub async fn for_person(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Vec<KlagomalRad>, StoreError> {
        self.0
            .db
            .fetch_all(
                klagomal_fraga!(
                    "WHERE k.kommun = $1 AND k.person = $2 ORDER BY k.inkom DESC, k.id"
                ),
                &[v(kommun), v(person)],
            )
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// One of the kommun's complaints; another kommun's is, to this one, not there.
    pub async fn hamta(
        &self,
        kommun: KommunId,
        id: KlagomalId,
    ) -> Result<Option<KlagomalRad>, StoreError> {
        self.0
            .db
            .fetch_optional(
                klagomal_fraga!("WHERE k.kommun = $1 AND k.id = $2"),
                &[v(kommun), v(id)],
            )
            .await?
            .as_ref()
            .map(fran_rad)
            .transpose()
    }

    /// What happened to the complaint, oldest first.
    pub async fn historik(
        &self,
        kommun: KommunId,
        id: KlagomalId,
    ) -> Result<Vec<KlagomalHandelse>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT h.tid, u.namn AS av_namn, h.vad, h.text FROM klagomal_historik h \
                 LEFT JOIN anvandare u ON u.id = h.av AND u.kommun = h.kommun \
                 WHERE h.kommun = $1 AND h.klagomal = $2 ORDER BY h.nr",
                &[v(kommun), v(id)],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(KlagomalHandelse {
                    tid: las_tid(&r.text("tid")?)?,
                    av_namn: r.opt_text("av_namn")?,
                    vad: r.text("vad")?,
                    text: r.opt_text("text")?.unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Assigns the complaint to `ansvarig` (again): the earlier assignment stays in the history.
    pub async fn tilldela(
        &self,
        k: &KlagomalRad,
        ansvarig: AnvandarId,
        ansvarig_namn: &str,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        tx.execute(
            "UPDATE klagomal SET ansvarig = $3 WHERE kommun = $1 AND id = $2",
            &[v(k.kommun), v(k.id), v(ansvarig)],
        )
        .await?;
        historik(&mut tx, self.0, k, aktor, &tid, "tilldelad", ansvarig_namn).await?;
        tx.commit().await
    }

    /// The written answer and what came of it. Answered once: a second answer is refused
    /// (the first one is what the sender read).
    pub async fn besvara(
        &self,
        k: &KlagomalRad,
        utfall: Utfall,
        svar: &str,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        let n = tx
            .execute(
                "UPDATE klagomal SET besvarad_dag = $3, besvarad_av = $4, utfall = $5, svar = $6 \
                 WHERE kommun = $1 AND id = $2 AND besvarad_dag IS NULL",
                &[
                    v(k.kommun),
                    v(k.id),
                    datumtext(svensk_dag(nu)).into(),
                    v(aktor.id),
                    utfall.kod().into(),
                    svar.into(),
                ],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Konflikt("Synpunkten är redan besvarad.".into()));
        }
        // The outcome's code, so the history reads the same if its name is reworded.
        historik(&mut tx, self.0, k, aktor, &tid, "besvarad", utfall.kod()).await?;
        tx.commit().await
    }

    /// Hands the complaint to a Lex Sarah investigation: a registered rapport for
    /// `mottagare`, to be taken up by `bevakas`. Once per complaint.
    pub async fn till_lex_sarah(
        &self,
        k: &KlagomalRad,
        mottagare: AnvandarId,
        skal: &str,
        bevakas: Date,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<LexSarahId, StoreError> {
        let tid = tidstext(nu);
        let id = LexSarahId::ny();
        let mut tx = self.0.db.begin().await?;
        let n = tx
            .execute(
                "UPDATE klagomal SET lex_sarah = $3 WHERE kommun = $1 AND id = $2 AND lex_sarah IS NULL",
                &[v(k.kommun), v(k.id), v(id)],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Konflikt(
                "Synpunkten är redan lämnad till Lex Sarah-utredning.".into(),
            ));
        }
        tx.execute(
            "INSERT INTO lex_sarah_rapport (kommun, id, klagomal, registrerad, registrerad_av, mottagare, skal, bevakas) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                v(k.kommun),
                v(id),
                v(k.id),
                tid.as_str().into(),
                v(aktor.id),
                v(mottagare),
                skal.into(),
                datumtext(bevakas).into(),
            ],
        )
        .await?;
        historik(&mut tx, self.0, k, aktor, &tid, "lex_sarah", skal).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The Lex Sarah reports handed to `mottagare` and not yet marked received, by day.
    pub async fn lex_sarah_att_ta_emot(
        &self,
        kommun: KommunId,
        mottagare: AnvandarId,
    ) -> Result<Vec<LexSarahRad>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT l.id, l.klagomal, k.nummer, l.registrerad, u.namn AS registrerad_av_namn, l.mottagare, l.skal, l.bevakas, l.mottagen \
                 FROM lex_sarah_rapport l JOIN klagomal k ON k.id = l.klagomal AND k.kommun = l.kommun \
                 LEFT JOIN anvandare u ON u.id = l.registrerad_av AND u.kommun = l.kommun \
                 WHERE l.kommun = $1 AND l.mottagare = $2 AND l.mottagen IS NULL ORDER BY l.bevakas, l.id",
                &[v(kommun), v(mottagare)],
            )
            .await?
            .iter()
            .map(lex_sarah_fran)
            .collect()
    }

    /// The complaint's Lex Sarah report, if it was handed over.
    pub async fn lex_sarah(
        &self,
        kommun: KommunId,
        klagomal: KlagomalId,
    ) -> Result<Option<LexSarahRad>, StoreError> {
        self.0
            .db
            .fetch_optional(
                "SELECT l.id, l.klagomal, k.nummer, l.registrerad, u.namn AS registrerad_av_namn, l.mottagare, l.skal, l.bevakas, l.mottagen \
                 FROM lex_sarah_rapport l JOIN klagomal k ON k.id = l.klagomal AND k.kommun = l.kommun \
                 LEFT JOIN anvandare u ON u.id = l.registrerad_av AND u.kommun = l.kommun \
                 WHERE l.kommun = $1 AND l.klagomal = $2",
                &[v(kommun), v(klagomal)],
            )
            .await?
            .as_ref()
            .map(lex_sarah_fran)
            .transpose()
    }

    /// The receiver marks the report received: it leaves their list.
    pub async fn lex_sarah_mottagen(
        &self,
        k: &KlagomalRad,
        rapport: LexSarahId,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        let n = tx
            .execute(
                "UPDATE lex_sarah_rapport SET mottagen = $4 WHERE kommun = $1 AND id = $2 AND mottagare = $3 AND mottagen IS NULL",
                &[v(k.kommun), v(rapport), v(aktor.id), tid.as_str().into()],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Saknas);
        }
        historik(&mut tx, self.0, k, aktor, &tid, "lex_sarah_mottagen", "").await?;
        tx.commit().await
    }

    /// The complaints that came in from `fran` to `till`, as the quarterly report counts them.
    pub async fn rapportrader(
        &self,
        kommun: KommunId,
        fran: Date,
        till: Date,
    ) -> Result<Vec<Rapportrad>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT slag, kategori, inkom_dag, svar_senast, besvarad_dag, utfall, lex_sarah FROM klagomal \
                 WHERE kommun = $1 AND inkom_dag >= $2 AND inkom_dag <= $3",
                &[v(kommun), datumtext(fran).into(), datumtext(till).into()],
            )
            .await?
            .iter()
            .map(|r| {
                let besvarad = match (r.opt_text("besvarad_dag")?, r.opt_text("utfall")?) {
                    (Some(d), Some(u)) => Some((
                        crate::las_datum(&d)?,
                        Utfall::fran_kod(&u).ok_or_else(|| korrupt("utfall"))?,
                    )),
                    _ => None,
                };
                Ok(Rapportrad {
                    slag: Slag::fran_kod(&r.text("slag")?).ok_or_else(|| korrupt("slag"))?,
                    kategori: Kategori::fran_kod(&r.text("kategori")?)
                        .ok_or_else(|| korrupt("kategori"))?,
                    inkom: r.datum("inkom_dag")?,
                    svar_senast: r.datum("svar_senast")?,
                    besvarad,
                    lex_sarah: r.opt_text("lex_sarah")?.is_some(),
                })
            })
            .collect()
    }
}

fn lex_sarah_fran(r: &Rad) -> Result<LexSarahRad, StoreError> {
    Ok(LexSarahRad {
        id: r.parse("id")?,
        klagomal: r.parse("klagomal")?,
        nummer: r.text("nummer")?,
        registrerad: las_tid(&r.text("registrerad")?)?,
        registrerad_av_namn: r.opt_text("registrerad_av_namn")?,
        mottagare: r.parse("mottagare")?,
        skal: r.text("skal")?,
        bevakas: r.datum("bevakas")?,
        mottagen: r.opt_text("mottagen")?.map(|t| las_tid(&t)).transpose()?,
    })
}
