//! Mina sidor: the person's sessions, the fullmakter they gave, application
//! drafts, and the account the person's own acts are recorded under.

use lots_domain::fullmakt::{self, Omfattning};
use lots_domain::ids::*;
use lots_domain::organisation::Roll;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::db::Rad;
use crate::org::{anvandare_fraga, anvandare_fran, person_fran, person_kolumner, v};
use crate::{
    Aktor, MinaSidor, Organisation, Person, Personer, StoreError, datumtext, las_datum, las_tid,
    tidstext,
};

/// The user name of the account the person's own acts on Mina sidor are recorded
/// under: events need an actor, and the person is not a member of staff. Who
/// exactly acted (the person, or which ombud) is in the audit row's reason.
pub const MINA_SIDOR_KONTO: &str = "mina-sidor";

#[derive(Debug, Clone)]
pub struct Medborgarsession {
    pub id: String,
    pub kommun: KommunId,
    /// Who logged in: the person, or an ombud.
    pub identitet: String,
    pub namn: String,
    /// 'eid' or 'test'.
    pub metod: String,
    /// Whose matters are shown; chosen after login.
    pub person: Option<PersonId>,
    /// Set when the one logged in acts for someone else.
    pub fullmakt: Option<Uuid>,
    pub csrf: String,
    pub id_token: Option<String>,
    pub skapad: OffsetDateTime,
    pub senast: OffsetDateTime,
}

#[derive(Debug, Clone)]
pub struct Fullmakt {
    pub id: Uuid,
    pub kommun: KommunId,
    pub person: PersonId,
    pub ombud_identitet: String,
    pub ombud_namn: String,
    pub omfattning: Omfattning,
    pub giltig_till: Option<Date>,
    pub registrerad: OffsetDateTime,
    /// 'personen' when given on Mina sidor, else the staff member's name.
    pub registrerad_av: String,
    /// The staff account that registered it from paper; None when the person gave it.
    pub registrerad_av_anvandare: Option<AnvandarId>,
    /// When it was approved, and by whom (a name, or 'personen'). A fullmakt
    /// registered by staff holds only once a second staff member has approved it.
    pub godkand: Option<(OffsetDateTime, String)>,
    pub aterkallad: Option<OffsetDateTime>,
}

/// The scanned, signed fullmakt a staff member registered.
#[derive(Debug, Clone)]
pub struct Fullmaktsdokument {
    pub namn: String,
    pub innehallstyp: String,
    pub sha256: String,
    pub innehall: Vec<u8>,
}

impl Fullmakt {
    pub fn galler(&self, idag: Date) -> bool {
        fullmakt::galler(
            self.godkand.is_some(),
            self.aterkallad.is_some(),
            self.giltig_till,
            idag,
        )
    }

    /// Registered by staff and not yet approved by a second staff member.
    pub fn vantar(&self) -> bool {
        self.godkand.is_none() && self.aterkallad.is_none()
    }

    /// Given by the person on Mina sidor (not registered by staff from paper).
    pub fn av_personen(&self) -> bool {
        self.registrerad_av_anvandare.is_none() && self.registrerad_av == "personen"
    }
}

fn fullmakt_fran(r: &Rad) -> Result<Fullmakt, StoreError> {
    Ok(Fullmakt {
        id: r.parse("id")?,
        kommun: r.parse("kommun")?,
        person: r.parse("person")?,
        ombud_identitet: r.text("ombud_identitet")?,
        ombud_namn: r.text("ombud_namn")?,
        omfattning: Omfattning::fran_kod(&r.text("omfattning")?)
            .ok_or_else(|| StoreError::Korrupt("okänd fullmaktsomfattning".into()))?,
        giltig_till: r
            .opt_text("giltig_till")?
            .map(|d| las_datum(&d))
            .transpose()?,
        registrerad: las_tid(&r.text("registrerad")?)?,
        registrerad_av: r.text("registrerad_av")?,
        registrerad_av_anvandare: r.opt_parse("registrerad_av_anvandare")?,
        godkand: match (r.opt_text("godkand")?, r.opt_text("godkand_av")?) {
            (Some(t), av) => Some((las_tid(&t)?, av.unwrap_or_default())),
            (None, _) => None,
        },
        aterkallad: r.opt_text("aterkallad")?.map(|t| las_tid(&t)).transpose()?,
    })
}

fn session_fran(r: &Rad) -> Result<Medborgarsession, StoreError> {
    Ok(Medborgarsession {
        id: r.text("id")?,
        kommun: r.parse("kommun")?,
        identitet: r.text("identitet")?,
        namn: r.text("namn")?,
        metod: r.text("metod")?,
        person: r.opt_parse("person")?,
        fullmakt: r.opt_parse("fullmakt")?,
        csrf: r.text("csrf")?,
        id_token: r.opt_text("id_token")?,
        skapad: las_tid(&r.text("skapad")?)?,
        senast: las_tid(&r.text("senast")?)?,
    })
}

/// One column list for every reader of `fullmakt`.
macro_rules! fullmakt_fraga {
    ($villkor:literal) => {
        concat!(
            "SELECT id, kommun, person, ombud_identitet, ombud_namn, omfattning, giltig_till, registrerad, registrerad_av, registrerad_av_anvandare, godkand, godkand_av, aterkallad FROM fullmakt ",
            $villkor
        )
    };
}

impl MinaSidor<'_> {
    /// `id` is the hash of the cookie token; the token itself is never stored.
    #[allow(clippy::too_many_arguments)]
    pub async fn skapa_medborgarsession(
        &self,
        id: &str,
        kommun: KommunId,
        identitet: &str,
        namn: &str,
        metod: &str,
        csrf: &str,
        id_token: Option<&str>,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.0.db
            .execute(
                "INSERT INTO medborgarsession (id, kommun, identitet, namn, metod, csrf, id_token, skapad, senast) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
                &[
                    id.into(),
                    v(kommun),
                    identitet.into(),
                    namn.into(),
                    metod.into(),
                    csrf.into(),
                    id_token.map(str::to_owned).into(),
                    tidstext(nu).into(),
                ],
            )
            .await
            .map(|_| ())
    }

    pub async fn medborgarsession(&self, id: &str) -> Result<Option<Medborgarsession>, StoreError> {
        self.0.db
            .fetch_optional(
                "SELECT id, kommun, identitet, namn, metod, person, fullmakt, csrf, id_token, skapad, senast FROM medborgarsession WHERE id = $1",
                &[id.into()],
            )
            .await?
            .as_ref()
            .map(session_fran)
            .transpose()
    }

    /// Whose matters the session shows, and under which fullmakt (None: one's own).
    pub async fn valj_huvudman(
        &self,
        session: &str,
        person: PersonId,
        fullmakt: Option<Uuid>,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "UPDATE medborgarsession SET person = $2, fullmakt = $3 WHERE id = $1",
                &[
                    session.into(),
                    v(person),
                    fullmakt.map(|f| f.to_string()).into(),
                ],
            )
            .await
            .map(|_| ())
    }

    pub async fn rora_medborgarsession(
        &self,
        id: &str,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "UPDATE medborgarsession SET senast = $2 WHERE id = $1",
                &[id.into(), tidstext(nu).into()],
            )
            .await
            .map(|_| ())
    }

    pub async fn ta_bort_medborgarsession(&self, id: &str) -> Result<(), StoreError> {
        self.0
            .db
            .execute("DELETE FROM medborgarsession WHERE id = $1", &[id.into()])
            .await
            .map(|_| ())
    }

    /// Stores a fullmakt, with the signed document when staff registered it from paper.
    pub async fn registrera_fullmakt(
        &self,
        f: &Fullmakt,
        dokument: Option<&Fullmaktsdokument>,
    ) -> Result<(), StoreError> {
        let mut tx = self.0.db.begin().await?;
        tx.execute(
            "INSERT INTO fullmakt (id, kommun, person, ombud_identitet, ombud_namn, omfattning, giltig_till, registrerad, registrerad_av, registrerad_av_anvandare, godkand, godkand_av) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            &[
                f.id.to_string().into(),
                v(f.kommun),
                v(f.person),
                f.ombud_identitet.as_str().into(),
                f.ombud_namn.as_str().into(),
                f.omfattning.kod().into(),
                f.giltig_till.map(datumtext).into(),
                tidstext(f.registrerad).into(),
                f.registrerad_av.as_str().into(),
                f.registrerad_av_anvandare.map(|a| a.to_string()).into(),
                f.godkand.as_ref().map(|(t, _)| tidstext(*t)).into(),
                f.godkand.as_ref().map(|(_, av)| av.clone()).into(),
            ],
        )
        .await?;
        if let Some(d) = dokument {
            tx.execute(
                "INSERT INTO fullmaktsdokument (kommun, fullmakt, namn, innehallstyp, sha256, innehall) VALUES ($6, $1, $2, $3, $4, $5)",
                &[
                    f.id.to_string().into(),
                    d.namn.as_str().into(),
                    d.innehallstyp.as_str().into(),
                    d.sha256.as_str().into(),
                    crate::db::V::B(d.innehall.clone()),
                    v(f.kommun),
                ],
            )
            .await?;
        }
        tx.commit().await
    }

    /// The second staff member approves a fullmakt registered from paper (four
    /// eyes). Never the one who registered it: refused here too, whatever the
    /// caller checked. Returns false when there was nothing to approve.
    pub async fn godkann_fullmakt(
        &self,
        id: Uuid,
        person: PersonId,
        av: AnvandarId,
        av_namn: &str,
        nu: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let n = self
            .0
            .db
            .execute(
                "UPDATE fullmakt SET godkand = $4, godkand_av = $5, godkand_av_anvandare = $3 \
                 WHERE id = $1 AND person = $2 AND godkand IS NULL AND aterkallad IS NULL \
                 AND registrerad_av_anvandare IS NOT NULL AND registrerad_av_anvandare <> $3",
                &[
                    id.to_string().into(),
                    v(person),
                    v(av),
                    tidstext(nu).into(),
                    av_namn.into(),
                ],
            )
            .await?;
        Ok(n == 1)
    }

    pub async fn fullmaktsdokument(
        &self,
        kommun: KommunId,
        fullmakt: Uuid,
    ) -> Result<Option<Fullmaktsdokument>, StoreError> {
        self.0.db
            .fetch_optional(
                "SELECT namn, innehallstyp, sha256, innehall FROM fullmaktsdokument WHERE kommun = $2 AND fullmakt = $1",
                &[fullmakt.to_string().into(), v(kommun)],
            )
            .await?
            .map(|r| {
                Ok(Fullmaktsdokument {
                    namn: r.text("namn")?,
                    innehallstyp: r.text("innehallstyp")?,
                    sha256: r.text("sha256")?,
                    innehall: r.bytes("innehall")?,
                })
            })
            .transpose()
    }

    pub async fn fullmakt(&self, id: Uuid) -> Result<Option<Fullmakt>, StoreError> {
        let sql = fullmakt_fraga!("WHERE id = $1");
        self.0
            .db
            .fetch_optional(sql, &[id.to_string().into()])
            .await?
            .as_ref()
            .map(fullmakt_fran)
            .transpose()
    }

    /// Every fullmakt the person has given, revoked ones too, newest first.
    pub async fn fullmakter_for_person(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Vec<Fullmakt>, StoreError> {
        let sql = fullmakt_fraga!("WHERE kommun = $1 AND person = $2 ORDER BY registrerad DESC");
        self.0
            .db
            .fetch_all(sql, &[v(kommun), v(person)])
            .await?
            .iter()
            .map(fullmakt_fran)
            .collect()
    }

    /// The fullmakter an ombud holds in this kommun that are not revoked.
    pub async fn fullmakter_for_ombud(
        &self,
        kommun: KommunId,
        identitet: &str,
    ) -> Result<Vec<Fullmakt>, StoreError> {
        let sql = fullmakt_fraga!(
            "WHERE kommun = $1 AND ombud_identitet = $2 AND aterkallad IS NULL ORDER BY registrerad"
        );
        self.0
            .db
            .fetch_all(sql, &[v(kommun), identitet.into()])
            .await?
            .iter()
            .map(fullmakt_fran)
            .collect()
    }

    /// Revokes at once: the ombud's sessions under it end in the same transaction.
    /// Returns false when the fullmakt is not the person's or already revoked.
    pub async fn aterkalla_fullmakt(
        &self,
        id: Uuid,
        person: PersonId,
        nu: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let mut tx = self.0.db.begin().await?;
        let n = tx
            .execute(
                "UPDATE fullmakt SET aterkallad = $3 WHERE id = $1 AND person = $2 AND aterkallad IS NULL",
                &[id.to_string().into(), v(person), tidstext(nu).into()],
            )
            .await?;
        tx.execute(
            "DELETE FROM medborgarsession WHERE fullmakt = $1",
            &[id.to_string().into()],
        )
        .await?;
        tx.commit().await?;
        Ok(n == 1)
    }

    pub async fn spara_utkast(
        &self,
        kommun: KommunId,
        person: PersonId,
        insats: &str,
        innehall: &str,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.0.db
            .execute(
                "INSERT INTO ansokningsutkast (kommun, person, insats, innehall, andrad) VALUES ($5, $1, $2, $3, $4) \
                 ON CONFLICT (kommun, person, insats) DO UPDATE SET innehall = excluded.innehall, andrad = excluded.andrad",
                &[
                    v(person),
                    insats.into(),
                    innehall.into(),
                    tidstext(nu).into(),
                    v(kommun),
                ],
            )
            .await
            .map(|_| ())
    }

    /// The months of joint försörjningsstöd applications in this kommun that name `identitet`
    /// (as `Identitet::varde`) as medsökande, by case, oldest month first (issue 15, item 1):
    /// all that a medsökande may see of another person's case.
    pub async fn gemensamma_manader(
        &self,
        kommun: KommunId,
        identitet: &str,
    ) -> Result<Vec<(ArendeId, lots_domain::forsorjningsstod::Manad)>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT arende, manad FROM forsorjningsstod_medsokande WHERE kommun = $1 AND identitet = $2 ORDER BY arende, manad",
                &[v(kommun), identitet.into()],
            )
            .await?
            .iter()
            .map(|r| {
                let manad = r.text("manad")?;
                Ok((
                    r.parse("arende")?,
                    manad
                        .parse()
                        .map_err(|_| StoreError::Korrupt(format!("månad {manad}")))?,
                ))
            })
            .collect()
    }

    /// The person's drafts: (insats code, form as JSON, last changed).
    pub async fn utkast(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<Vec<(String, String, OffsetDateTime)>, StoreError> {
        self.0.db
            .fetch_all(
                "SELECT insats, innehall, andrad FROM ansokningsutkast WHERE kommun = $2 AND person = $1 ORDER BY andrad DESC",
                &[v(person), v(kommun)],
            )
            .await?
            .iter()
            .map(|r| {
                Ok((
                    r.text("insats")?,
                    r.text("innehall")?,
                    las_tid(&r.text("andrad")?)?,
                ))
            })
            .collect()
    }

    pub async fn ta_bort_utkast(
        &self,
        kommun: KommunId,
        person: PersonId,
        insats: &str,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "DELETE FROM ansokningsutkast WHERE kommun = $3 AND person = $1 AND insats = $2",
                &[v(person), insats.into(), v(kommun)],
            )
            .await
            .map(|_| ())
    }

    /// The account the person's own acts are recorded under (the caller sets the
    /// enhet of the case at hand). Made on first use, placed in the kommun's first
    /// enhet; it cannot log in (no password, inactive).
    pub async fn mina_sidor_konto(&self, kommun: KommunId) -> Result<Aktor, StoreError> {
        let hitta = || async {
            self.0
                .db
                .fetch_optional(
                    // One such account per kommun: the name is unique within its kommun only.
                    anvandare_fraga!("WHERE kommun = $1 AND anvandarnamn = $2"),
                    &[v(kommun), MINA_SIDOR_KONTO.into()],
                )
                .await?
                .as_ref()
                .map(anvandare_fran)
                .transpose()
        };
        let konto = match hitta().await? {
            Some(a) => a,
            None => {
                let enhet: EnhetId = self
                    .0
                    .db
                    .fetch_optional(
                        "SELECT id FROM enhet WHERE kommun = $1 ORDER BY namn LIMIT 1",
                        &[v(kommun)],
                    )
                    .await?
                    .ok_or_else(|| StoreError::Korrupt("kommunen har ingen enhet".into()))?
                    .parse("id")?;
                let res = self
                    .0
                    .db
                    .execute(
                        "INSERT INTO anvandare (id, kommun, enhet, anvandarnamn, namn, roll, losenord, aktiv) \
                         VALUES ($1, $2, $3, $4, $5, $6, '!', 0)",
                        &[
                            v(AnvandarId::ny()),
                            v(kommun),
                            v(enhet),
                            MINA_SIDOR_KONTO.into(),
                            "Den enskilde (Mina sidor)".into(),
                            Roll::Registrator.kod().into(),
                        ],
                    )
                    .await;
                // Two first requests at once: the other one made it.
                if let Err(e) = res
                    && !e.ar_unik_krock()
                {
                    return Err(e);
                }
                hitta()
                    .await?
                    .ok_or_else(|| StoreError::Korrupt("kontot för Mina sidor saknas".into()))?
            }
        };
        Ok(Aktor {
            id: konto.id,
            kommun,
            enhet: konto.enhet,
            roll: konto.roll,
        })
    }

    /// The handläggare's partsinsyn reviews of the person's journal entries:
    /// entry → shown on Mina sidor (true) or withheld (false).
    pub async fn journalprovningar(
        &self,
        kommun: KommunId,
        person: PersonId,
    ) -> Result<std::collections::HashMap<JournalId, bool>, StoreError> {
        self.0.db
            .fetch_all(
                "SELECT p.anteckning, p.visas FROM journal_partsinsyn p JOIN journal j ON j.id = p.anteckning AND j.kommun = p.kommun WHERE j.kommun = $1 AND j.person = $2",
                &[v(kommun), v(person)],
            )
            .await?
            .iter()
            .map(|r| Ok((r.parse("anteckning")?, r.int("visas")? != 0)))
            .collect()
    }

    /// Records the handläggare's review of one entry: shown to the person on Mina
    /// sidor, or withheld because it names a third party (OSL 26 kap. 1 §). A new
    /// review replaces the last; who and when are kept with it.
    pub async fn prova_anteckning(
        &self,
        kommun: KommunId,
        anteckning: JournalId,
        visas: bool,
        av: &str,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.0.db
            .execute(
                "INSERT INTO journal_partsinsyn (anteckning, kommun, visas, provad_av, provad) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (kommun, anteckning) DO UPDATE SET visas = excluded.visas, provad_av = excluded.provad_av, provad = excluded.provad",
                &[
                    v(anteckning),
                    v(kommun),
                    visas.into(),
                    av.into(),
                    tidstext(nu).into(),
                ],
            )
            .await
            .map(|_| ())
    }

    /// The enhet that receives digital applications for an offer: the one set to
    /// receive it, else the first enhet that is not an utförare.
    pub async fn mottagande_enhet(
        &self,
        kommun: KommunId,
        erbjudande: &str,
    ) -> Result<Option<EnhetId>, StoreError> {
        let rader = self
            .0
            .db
            .fetch_all(
                "SELECT id, tar_emot FROM enhet WHERE kommun = $1 AND utforare = 0 ORDER BY namn",
                &[v(kommun)],
            )
            .await?;
        let mut forsta = None;
        for r in &rader {
            let id: EnhetId = r.parse("id")?;
            forsta.get_or_insert(id);
            if r.text("tar_emot")?
                .split_whitespace()
                .any(|k| k == erbjudande)
            {
                return Ok(Some(id));
            }
        }
        Ok(forsta)
    }
}

impl Personer<'_> {
    /// The person with this number (as stored) in this kommun.
    pub async fn person_med_nummer(
        &self,
        kommun: KommunId,
        identitet: &str,
    ) -> Result<Option<Person>, StoreError> {
        self.0
            .db
            .fetch_optional(
                concat!(
                    "SELECT ",
                    person_kolumner!(),
                    " FROM person WHERE kommun = $1 AND identitet = $2"
                ),
                &[v(kommun), identitet.into()],
            )
            .await?
            .as_ref()
            .map(person_fran)
            .transpose()
    }

    /// Synthetic persons only: the demo's test login offers nothing else, so it
    /// can never open a real person's matters.
    pub async fn syntetiska_personer(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<(Person, bool)>, StoreError> {
        let rader = self
            .0
            .db
            .fetch_all(
                concat!(
"SELECT ", person_kolumner!(), ", \
                 (SELECT COUNT(*) FROM fullmakt f WHERE f.kommun = p.kommun AND f.ombud_identitet = p.identitet AND f.aterkallad IS NULL) AS ombud, \
                 (SELECT COUNT(*) FROM fullmakt f WHERE f.person = p.id AND f.aterkallad IS NULL) AS huvudman \
                 FROM person p WHERE kommun = $1 AND syntetisk = 1 ORDER BY ombud DESC, huvudman DESC, efternamn, fornamn LIMIT 60"
),
                &[v(kommun)],
            )
            .await?;
        rader
            .iter()
            .map(|r| Ok((person_fran(r)?, r.int("ombud")? > 0)))
            .collect()
    }

    /// A synthetic person with this number: the only ones the demo's test login opens.
    pub async fn syntetisk_person(
        &self,
        kommun: KommunId,
        identitet: &str,
    ) -> Result<Option<Person>, StoreError> {
        self.0
            .db
            .fetch_optional(
                concat!(
                    "SELECT ",
                    person_kolumner!(),
                    " FROM person WHERE kommun = $1 AND identitet = $2 AND syntetisk = 1"
                ),
                &[v(kommun), identitet.into()],
            )
            .await?
            .as_ref()
            .map(person_fran)
            .transpose()
    }
}

impl Organisation<'_> {
    pub async fn satt_tar_emot(&self, enhet: EnhetId, erbjudanden: &str) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "UPDATE enhet SET tar_emot = $2 WHERE id = $1",
                &[v(enhet), erbjudanden.into()],
            )
            .await
            .map(|_| ())
    }
}
