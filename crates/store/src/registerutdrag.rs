//! Begäran om registerutdrag (issue 18 item 7; migration 0044): registered with the day it
//! came in, answered for by one handläggare, extended once with a reason, and answered
//! (`lots_domain::registerutdrag`). Every query names the kommun; every write is one
//! transaction with its audit row, which names the person. Who may do which is the web's
//! policy.

use lots_domain::ids::{AnvandarId, EnhetId, KommunId, PersonId, RegisterutdragId};
use lots_domain::registerutdrag::{Kanal, Utfall, svar_senast};
use time::{Date, OffsetDateTime};

use crate::db::{Rad, V};
use crate::kedja::{Aktor, Granskningspost, skriv_granskning};
use crate::org::v;
use crate::{Person, Store, StoreError, datumtext, las_datum, las_tid, tidstext};

/// Begäran om registerutdrag: `store.registerutdrag()`.
#[derive(Debug, Clone, Copy)]
pub struct Registerutdrag<'a>(&'a Store);

impl Store {
    /// Requests for a registerutdrag (GDPR art. 15) and their answers.
    pub fn registerutdrag(&self) -> Registerutdrag<'_> {
        Registerutdrag(self)
    }
}

/// One request, with what has come of it.
#[derive(Debug, Clone)]
pub struct Registerutdragsbegaran {
    pub id: RegisterutdragId,
    pub kommun: KommunId,
    pub person: PersonId,
    pub person_namn: String,
    pub person_skyddad: bool,
    pub enhet: EnhetId,
    pub mottagen: Date,
    pub kanal: Kanal,
    pub registrerad: OffsetDateTime,
    pub registrerad_av_namn: String,
    pub ansvarig: AnvandarId,
    pub ansvarig_namn: String,
    /// One month after it came in (art. 12.3).
    pub svar_senast: Date,
    pub forlangd_till: Option<Date>,
    pub forlangning_skal: Option<String>,
    pub besvarad: Option<Date>,
    pub besvarad_av_namn: Option<String>,
    pub utfall: Option<Utfall>,
    pub skal: Option<String>,
}

impl Registerutdragsbegaran {
    /// The day the answer is owed by now: the extension's, if there is one.
    pub fn senast(&self) -> Date {
        self.forlangd_till.unwrap_or(self.svar_senast)
    }

    /// Still unanswered after the day it was owed by.
    pub fn forsenad(&self, idag: Date) -> bool {
        self.besvarad.is_none() && self.senast() < idag
    }
}

macro_rules! fraga {
    ($villkor:literal) => {
        concat!(
            "SELECT r.id, r.kommun, r.person, p.fornamn, p.efternamn, p.skyddad, r.enhet, r.mottagen, r.kanal, \
             r.registrerad, g.namn AS registrerad_av_namn, r.ansvarig, a.namn AS ansvarig_namn, r.svar_senast, \
             r.forlangd_till, r.forlangning_skal, r.besvarad, b.namn AS besvarad_av_namn, r.utfall, r.skal \
             FROM registerutdragsbegaran r \
             JOIN person p ON p.id = r.person AND p.kommun = r.kommun \
             LEFT JOIN anvandare g ON g.id = r.registrerad_av AND g.kommun = r.kommun \
             LEFT JOIN anvandare a ON a.id = r.ansvarig AND a.kommun = r.kommun \
             LEFT JOIN anvandare b ON b.id = r.besvarad_av AND b.kommun = r.kommun ",
            $villkor
        )
    };
}

fn korrupt(vad: &str) -> StoreError {
    StoreError::Korrupt(format!("registerutdragsbegaran.{vad}"))
}

fn opt_datum(r: &Rad, kol: &str) -> Result<Option<Date>, StoreError> {
    r.opt_text(kol)?.map(|d| las_datum(&d)).transpose()
}

fn fran_rad(r: &Rad) -> Result<Registerutdragsbegaran, StoreError> {
    Ok(Registerutdragsbegaran {
        id: r.parse("id")?,
        kommun: r.parse("kommun")?,
        person: r.parse("person")?,
        person_namn: format!("{} {}", r.text("fornamn")?, r.text("efternamn")?),
        person_skyddad: r.opt_int("skyddad")?.unwrap_or(0) != 0,
        enhet: r.parse("enhet")?,
        mottagen: r.datum("mottagen")?,
        kanal: Kanal::fran_kod(&r.text("kanal")?).ok_or_else(|| korrupt("kanal"))?,
        registrerad: las_tid(&r.text("registrerad")?)?,
        registrerad_av_namn: r.opt_text("registrerad_av_namn")?.unwrap_or_default(),
        ansvarig: r.parse("ansvarig")?,
        ansvarig_namn: r.opt_text("ansvarig_namn")?.unwrap_or_default(),
        svar_senast: r.datum("svar_senast")?,
        forlangd_till: opt_datum(r, "forlangd_till")?,
        forlangning_skal: r.opt_text("forlangning_skal")?,
        besvarad: opt_datum(r, "besvarad")?,
        besvarad_av_namn: r.opt_text("besvarad_av_namn")?,
        utfall: r
            .opt_text("utfall")?
            .map(|u| Utfall::fran_kod(&u).ok_or_else(|| korrupt("utfall")))
            .transpose()?,
        skal: r.opt_text("skal")?,
    })
}

/// The audit row of an act on request `id` about `person`.
fn post(id: RegisterutdragId, person: PersonId, skyddad: bool, vad: &str) -> Granskningspost {
    Granskningspost::ny(format!("registerutdrag.{vad}:{id}")).person(person, skyddad)
}

impl Registerutdrag<'_> {
    /// Registers a request from `person` that came in on `mottagen`, answered for by the
    /// one who registers it, at their enhet.
    pub async fn registrera(
        &self,
        person: &Person,
        mottagen: Date,
        kanal: Kanal,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<RegisterutdragId, StoreError> {
        let id = RegisterutdragId::ny();
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        tx.execute(
            "INSERT INTO registerutdragsbegaran (kommun, id, person, enhet, mottagen, kanal, registrerad, registrerad_av, ansvarig, svar_senast) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)",
            &[
                v(person.kommun),
                v(id),
                v(person.id),
                v(aktor.enhet),
                datumtext(mottagen).into(),
                kanal.kod().into(),
                tid.as_str().into(),
                v(aktor.id),
                datumtext(svar_senast(mottagen)).into(),
            ],
        )
        .await?;
        let post = post(id, person.id, person.skyddad, "registrerad");
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The person's requests, newest first.
    pub async fn for_person(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Vec<Registerutdragsbegaran>, StoreError> {
        self.0
            .db
            .fetch_all(
                fraga!("WHERE r.kommun = $1 AND r.person = $2 ORDER BY r.mottagen DESC, r.id"),
                &[v(kommun), v(person)],
            )
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    /// The open requests `ansvarig` answers for, the first due first: their start page.
    pub async fn oppna_for(
        &self,
        kommun: KommunId,
        ansvarig: AnvandarId,
    ) -> Result<Vec<Registerutdragsbegaran>, StoreError> {
        self.0
            .db
            .fetch_all(
                fraga!(
                    "WHERE r.kommun = $1 AND r.ansvarig = $2 AND r.besvarad IS NULL \
                     ORDER BY COALESCE(r.forlangd_till, r.svar_senast), r.id"
                ),
                &[v(kommun), v(ansvarig)],
            )
            .await?
            .iter()
            .map(fran_rad)
            .collect()
    }

    pub async fn hamta(
        &self,
        kommun: KommunId,
        id: RegisterutdragId,
    ) -> Result<Option<Registerutdragsbegaran>, StoreError> {
        self.0
            .db
            .fetch_optional(
                fraga!("WHERE r.kommun = $1 AND r.id = $2"),
                &[v(kommun), v(id)],
            )
            .await?
            .as_ref()
            .map(fran_rad)
            .transpose()
    }

    /// `aktor` answers for the request from now on (the one who registered it is away).
    pub async fn ta_over(
        &self,
        b: &Registerutdragsbegaran,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.andra(
            b,
            aktor,
            nu,
            "ansvarig",
            "UPDATE registerutdragsbegaran SET ansvarig = $3 WHERE kommun = $1 AND id = $2 AND besvarad IS NULL",
            vec![v(aktor.id)],
        )
        .await
    }

    /// Extends the last day to `till`, with the reason told to the person. Only once, and
    /// only while unanswered.
    pub async fn forlang(
        &self,
        b: &Registerutdragsbegaran,
        till: Date,
        skal: &str,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.andra(
            b,
            aktor,
            nu,
            "forlangd",
            "UPDATE registerutdragsbegaran SET forlangd_till = $3, forlangning_skal = $4, forlangd_av = $5 \
             WHERE kommun = $1 AND id = $2 AND besvarad IS NULL AND forlangd_till IS NULL",
            vec![datumtext(till).into(), skal.trim().into(), v(aktor.id)],
        )
        .await
    }

    /// Records the answer, once.
    pub async fn besvara(
        &self,
        b: &Registerutdragsbegaran,
        besvarad: Date,
        utfall: Utfall,
        skal: &str,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.andra(
            b,
            aktor,
            nu,
            utfall.kod(),
            "UPDATE registerutdragsbegaran SET besvarad = $3, besvarad_av = $4, utfall = $5, skal = $6 \
             WHERE kommun = $1 AND id = $2 AND besvarad IS NULL",
            vec![
                datumtext(besvarad).into(),
                v(aktor.id),
                utfall.kod().into(),
                skal.trim().into(),
            ],
        )
        .await
    }

    /// One change to a request (`sql`, with the kommun and id as `$1`, `$2` and `varden`
    /// after them) and its audit row, in one transaction. The statement's own condition
    /// says whether the change may still be made, so two at once cannot both succeed: the
    /// second is a conflict and changes nothing.
    async fn andra(
        &self,
        b: &Registerutdragsbegaran,
        aktor: &Aktor,
        nu: OffsetDateTime,
        vad: &str,
        sql: &'static str,
        varden: Vec<V>,
    ) -> Result<(), StoreError> {
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        let mut alla = vec![v(b.kommun), v(b.id)];
        alla.extend(varden);
        if tx.execute(sql, &alla).await? == 0 {
            return Err(StoreError::Konflikt(format!(
                "registerutdragsbegaran {}: {vad} kan inte göras längre",
                b.id
            )));
        }
        let post = post(b.id, b.person, b.person_skyddad, vad);
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await
    }
}
