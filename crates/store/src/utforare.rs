//! Utförare organisations, contracts, order terms, delivery and invoice lines (issue 17
//! items 5–6; migration 0033). All kommun data: every query names the kommun. Every
//! write is audited in its own transaction. Reads of delivery and invoices are for the
//! caller to audit (they name orders, hence persons, to whoever may see them).

use lots_domain::forsorjningsstod::Manad;
use lots_domain::ids::{
    AnvandarId, ArendeId, AvtalId, BeslutId, EnhetId, KommunId, PersonId, UtforarId,
};
use lots_domain::insats::InsatsTyp;
use lots_domain::utforare::{
    Avtal, Avvikelsehantering, Bestallning, Fakturarad, Leverans, Prisenhet, Regiform,
    Utforarorganisation, Val, avvikelsefrist,
};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::db::{Rad, V};
use crate::kedja::{Aktor, Granskningspost, skriv_granskning};
use crate::org::v;
use crate::{Organisation, StoreError, datumtext, tidstext};

/// The order's terms as stored beside the Bestalld event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bestallningsvillkor {
    pub beslut: BeslutId,
    pub utforare: UtforarId,
    pub val: Val,
    pub prisenhet: Prisenhet,
    pub beviljat_per_manad: Option<i64>,
}

fn korrupt(f: &str) -> StoreError {
    StoreError::Korrupt(format!("utforare: {f}"))
}

fn manad(r: &Rad, f: &str) -> Result<Manad, StoreError> {
    r.text(f)?.parse().map_err(|_| korrupt(f))
}

fn prisenhet(r: &Rad, f: &str) -> Result<Prisenhet, StoreError> {
    Prisenhet::fran_kod(&r.text(f)?).ok_or_else(|| korrupt(f))
}

fn opt(i: Option<i64>) -> V {
    V::I(i)
}

fn organisation_fran(r: &Rad) -> Result<Utforarorganisation, StoreError> {
    Ok(Utforarorganisation {
        id: r.parse("id")?,
        namn: r.text("namn")?,
        organisationsnummer: r.text("organisationsnummer")?,
        regiform: Regiform::fran_kod(&r.text("regiform")?).ok_or_else(|| korrupt("regiform"))?,
        ickevalsalternativ: r.int("ickevalsalternativ")? != 0,
    })
}

fn leverans_fran(r: &Rad) -> Result<Leverans, StoreError> {
    Ok(Leverans {
        beslut: r.parse("beslut")?,
        manad: manad(r, "manad")?,
        antal: r.int("antal")?,
    })
}

fn villkor_fran(r: &Rad) -> Result<Bestallningsvillkor, StoreError> {
    Ok(Bestallningsvillkor {
        beslut: r.parse("beslut")?,
        utforare: r.parse("utforare")?,
        val: Val::fran_kod(&r.text("val")?).ok_or_else(|| korrupt("val"))?,
        prisenhet: prisenhet(r, "prisenhet")?,
        beviljat_per_manad: r.opt_int("beviljat_per_manad")?,
    })
}

fn avtal_fran(r: &Rad) -> Result<Avtal, StoreError> {
    let insatser = r
        .text("insatser")?
        .split_whitespace()
        .map(|k| InsatsTyp::ALLA.into_iter().find(|i| i.kod() == k))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| korrupt("insatser"))?;
    Ok(Avtal {
        id: r.parse("id")?,
        utforare: r.parse("utforare")?,
        fran: r.datum("fran")?,
        till: r.datum("till")?,
        insatser,
        prisenhet: prisenhet(r, "prisenhet")?,
        pris: r.int("pris_ore")?,
        tak_per_manad: r.opt_int("tak_per_manad_ore")?,
    })
}

impl Organisation<'_> {
    async fn skriv(
        &self,
        sql: &'static str,
        varden: &[V],
        aktor: &Aktor,
        nu: OffsetDateTime,
        handling: String,
    ) -> Result<(), StoreError> {
        let mut tx = self.0.db.begin().await?;
        tx.execute(sql, varden).await?;
        skriv_granskning(
            &mut tx,
            &self.0.sakring,
            aktor,
            &tidstext(nu),
            &Granskningspost::ny(handling),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Registers a provider organisation of the kommun.
    pub async fn skapa_utforarorganisation(
        &self,
        kommun: KommunId,
        org: &Utforarorganisation,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.skriv(
            "INSERT INTO utforarorganisation (kommun, id, namn, organisationsnummer, regiform, ickevalsalternativ, skapad) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                v(kommun),
                v(org.id),
                org.namn.as_str().into(),
                org.organisationsnummer.as_str().into(),
                org.regiform.kod().into(),
                org.ickevalsalternativ.into(),
                tidstext(nu).into(),
            ],
            aktor,
            nu,
            format!("utforare.skapa:{}", org.id),
        )
        .await
    }

    /// The kommun's provider organisations, by name.
    pub async fn utforarorganisationer(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<Utforarorganisation>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT id, namn, organisationsnummer, regiform, ickevalsalternativ FROM utforarorganisation WHERE kommun = $1 ORDER BY LOWER(namn), id",
                &[v(kommun)],
            )
            .await?
            .iter()
            .map(organisation_fran)
            .collect()
    }

    /// One of the kommun's provider organisations; another kommun's is not there.
    pub async fn utforarorganisation(
        &self,
        kommun: KommunId,
        id: UtforarId,
    ) -> Result<Option<Utforarorganisation>, StoreError> {
        self.0
            .db
            .fetch_optional(
                "SELECT id, namn, organisationsnummer, regiform, ickevalsalternativ FROM utforarorganisation WHERE kommun = $1 AND id = $2",
                &[v(kommun), v(id)],
            )
            .await?
            .as_ref()
            .map(organisation_fran)
            .transpose()
    }

    /// Places an enhet under one of the kommun's provider organisations (its staff then
    /// act for that provider), or takes it out (`None`).
    pub async fn koppla_enhet_till_utforare(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
        utforare: Option<UtforarId>,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        if let Some(u) = utforare
            && !self
                .utforarorganisationer(kommun)
                .await?
                .iter()
                .any(|o| o.id == u)
        {
            return Err(StoreError::Saknas);
        }
        self.skriv(
            "UPDATE enhet SET utforarorganisation = $1 WHERE kommun = $2 AND id = $3",
            &[V::T(utforare.map(|u| u.to_string())), v(kommun), v(enhet)],
            aktor,
            nu,
            format!(
                "utforare.enhet:{enhet}:{}",
                utforare.map(|u| u.to_string()).unwrap_or_default()
            ),
        )
        .await
    }

    /// The provider organisation an enhet belongs to, if any.
    pub async fn enhetens_utforare(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
    ) -> Result<Option<UtforarId>, StoreError> {
        match self
            .0
            .db
            .fetch_optional(
                "SELECT utforarorganisation FROM enhet WHERE kommun = $1 AND id = $2",
                &[v(kommun), v(enhet)],
            )
            .await?
        {
            Some(r) => r.opt_parse("utforarorganisation"),
            None => Ok(None),
        }
    }

    /// Saves a contract of one of the kommun's providers.
    pub async fn spara_avtal(
        &self,
        kommun: KommunId,
        avtal: &Avtal,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let insatser: Vec<&str> = avtal.insatser.iter().map(|i| i.kod()).collect();
        self.skriv(
            "INSERT INTO avtal (kommun, id, utforare, fran, till, insatser, prisenhet, pris_ore, tak_per_manad_ore, sparad, sparad_av) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            &[
                v(kommun),
                v(avtal.id),
                v(avtal.utforare),
                datumtext(avtal.fran).into(),
                datumtext(avtal.till).into(),
                insatser.join(" ").into(),
                avtal.prisenhet.kod().into(),
                avtal.pris.into(),
                opt(avtal.tak_per_manad),
                tidstext(nu).into(),
                v(aktor.id),
            ],
            aktor,
            nu,
            format!("avtal.spara:{}:{}", avtal.utforare, avtal.id),
        )
        .await
    }

    /// One provider's contracts, oldest first.
    pub async fn avtal(
        &self,
        kommun: KommunId,
        utforare: UtforarId,
    ) -> Result<Vec<Avtal>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT id, utforare, fran, till, insatser, prisenhet, pris_ore, tak_per_manad_ore FROM avtal WHERE kommun = $1 AND utforare = $2 ORDER BY fran, id",
                &[v(kommun), v(utforare)],
            )
            .await?
            .iter()
            .map(avtal_fran)
            .collect()
    }

    /// Records the order's terms: the provider, the person's choice under LOV, and
    /// what was granted per month. Saved again, it replaces the terms.
    pub async fn spara_bestallningsvillkor(
        &self,
        kommun: KommunId,
        b: &Bestallningsvillkor,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let mut tx = self.0.db.begin().await?;
        tx.execute(
            "DELETE FROM bestallningsvillkor WHERE kommun = $1 AND beslut = $2",
            &[v(kommun), v(b.beslut)],
        )
        .await?;
        tx.execute(
            "INSERT INTO bestallningsvillkor (kommun, beslut, utforare, val, prisenhet, beviljat_per_manad, sparad, sparad_av) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                v(kommun),
                v(b.beslut),
                v(b.utforare),
                b.val.kod().into(),
                b.prisenhet.kod().into(),
                opt(b.beviljat_per_manad),
                tidstext(nu).into(),
                v(aktor.id),
            ],
        )
        .await?;
        let post = Granskningspost::ny(format!(
            "bestallning.villkor:{}:{}:{}",
            b.beslut,
            b.utforare,
            b.val.kod()
        ));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tidstext(nu), &post).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The terms of every order to one provider.
    pub async fn bestallningsvillkor(
        &self,
        kommun: KommunId,
        utforare: UtforarId,
    ) -> Result<Vec<Bestallningsvillkor>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT beslut, utforare, val, prisenhet, beviljat_per_manad FROM bestallningsvillkor WHERE kommun = $1 AND utforare = $2 ORDER BY beslut",
                &[v(kommun), v(utforare)],
            )
            .await?
            .iter()
            .map(villkor_fran)
            .collect()
    }

    /// The provider reports delivery against one of its orders. The caller has checked
    /// that the order is to this provider (the `/uppdrag` rule).
    pub async fn rapportera_leverans(
        &self,
        kommun: KommunId,
        utforare: UtforarId,
        l: &Leverans,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let id = Uuid::now_v7();
        self.skriv(
            "INSERT INTO leverans (kommun, id, utforare, beslut, manad, antal, rapporterad, rapporterad_av) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                v(kommun),
                v(id),
                v(utforare),
                v(l.beslut),
                l.manad.to_string().into(),
                l.antal.into(),
                tidstext(nu).into(),
                v(aktor.id),
            ],
            aktor,
            nu,
            format!("leverans.rapportera:{}:{}", l.beslut, l.manad),
        )
        .await
    }

    /// One provider's reported delivery for a month.
    pub async fn leveranser(
        &self,
        kommun: KommunId,
        utforare: UtforarId,
        period: Manad,
    ) -> Result<Vec<Leverans>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT beslut, manad, antal FROM leverans WHERE kommun = $1 AND utforare = $2 AND manad = $3 ORDER BY rapporterad, id",
                &[v(kommun), v(utforare), period.to_string().into()],
            )
            .await?
            .iter()
            .map(leverans_fran)
            .collect()
    }

    /// The delivery reported against one order, every month, oldest first.
    pub async fn leveranser_for_bestallning(
        &self,
        kommun: KommunId,
        beslut: BeslutId,
    ) -> Result<Vec<Leverans>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT beslut, manad, antal FROM leverans WHERE kommun = $1 AND beslut = $2 ORDER BY manad, rapporterad, id",
                &[v(kommun), v(beslut)],
            )
            .await?
            .iter()
            .map(leverans_fran)
            .collect()
    }

    /// The terms of one order, if it went to a provider organisation.
    pub async fn villkor_for_bestallning(
        &self,
        kommun: KommunId,
        beslut: BeslutId,
    ) -> Result<Option<Bestallningsvillkor>, StoreError> {
        self.0
            .db
            .fetch_optional(
                "SELECT beslut, utforare, val, prisenhet, beviljat_per_manad FROM bestallningsvillkor WHERE kommun = $1 AND beslut = $2",
                &[v(kommun), v(beslut)],
            )
            .await?
            .as_ref()
            .map(villkor_fran)
            .transpose()
    }

    /// Stores an invoice's lines, all or none, under a new invoice id.
    pub async fn las_in_faktura(
        &self,
        kommun: KommunId,
        utforare: UtforarId,
        rader: &[Fakturarad],
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<Uuid, StoreError> {
        let faktura = Uuid::now_v7();
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        for r in rader {
            tx.execute(
                "INSERT INTO fakturarad (kommun, faktura, rad, utforare, bestallning, manad, prisenhet, antal, a_pris_ore, inlast, inlast_av) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                &[
                    v(kommun),
                    v(faktura),
                    i64::try_from(r.rad).map_err(|_| korrupt("rad"))?.into(),
                    v(utforare),
                    r.bestallning.as_str().into(),
                    r.manad.to_string().into(),
                    r.enhet.kod().into(),
                    r.antal.into(),
                    r.a_pris.into(),
                    tid.as_str().into(),
                    v(aktor.id),
                ],
            )
            .await?;
        }
        let post = Granskningspost::ny(format!(
            "faktura.las_in:{utforare}:{faktura}:{}",
            rader.len()
        ));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await?;
        Ok(faktura)
    }

    /// One provider's invoice lines for a month, every invoice.
    pub async fn fakturarader(
        &self,
        kommun: KommunId,
        utforare: UtforarId,
        period: Manad,
    ) -> Result<Vec<Fakturarad>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT rad, bestallning, manad, prisenhet, antal, a_pris_ore FROM fakturarad WHERE kommun = $1 AND utforare = $2 AND manad = $3 ORDER BY inlast, faktura, rad",
                &[v(kommun), v(utforare), period.to_string().into()],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(Fakturarad {
                    rad: usize::try_from(r.int("rad")?).map_err(|_| korrupt("rad"))?,
                    bestallning: r.text("bestallning")?,
                    manad: manad(r, "manad")?,
                    enhet: prisenhet(r, "prisenhet")?,
                    antal: r.int("antal")?,
                    a_pris: r.int("a_pris_ore")?,
                })
            })
            .collect()
    }

    /// Everything reconciliation needs for one provider and month, with the decisions'
    /// insats and period taken from `beslut` (the caller reads the cases it may read).
    pub async fn avstamningsunderlag(
        &self,
        kommun: KommunId,
        utforare: UtforarId,
        period: Manad,
        beslut: impl Fn(BeslutId) -> Option<(InsatsTyp, Option<time::Date>, Option<time::Date>)>,
    ) -> Result<(Vec<Bestallning>, Vec<Avtal>, Vec<Leverans>, Vec<Fakturarad>), StoreError> {
        let bestallningar = self
            .bestallningsvillkor(kommun, utforare)
            .await?
            .into_iter()
            .filter_map(|b| {
                beslut(b.beslut).map(|(insats, fran, till)| Bestallning {
                    beslut: b.beslut,
                    utforare: b.utforare,
                    insats,
                    fran,
                    till,
                    beviljat_per_manad: b.beviljat_per_manad,
                })
            })
            .collect();
        Ok((
            bestallningar,
            self.avtal(kommun, utforare).await?,
            self.leveranser(kommun, utforare, period).await?,
            self.fakturarader(kommun, utforare, period).await?,
        ))
    }
}

/// A difference to flag (`Organisation::flagga_fakturaavvikelser`): the reconciliation's
/// difference on one order, for the beställande enhet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NyFakturaavvikelse {
    pub nyckel: String,
    pub beslut: BeslutId,
    pub arende: ArendeId,
    pub enhet: EnhetId,
    pub text: String,
}

/// A flagged difference as stored, with its case for the policy and the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fakturaavvikelse {
    pub id: Uuid,
    pub utforare: UtforarId,
    pub manad: Manad,
    pub nyckel: String,
    pub beslut: BeslutId,
    pub arende: ArendeId,
    pub enhet: EnhetId,
    pub text: String,
    pub flaggad: Date,
    pub frist: Date,
    pub betalningsdag: Date,
    /// `None` while open.
    pub hantering: Option<Avvikelsehantering>,
    pub motivering: Option<String>,
    pub person: PersonId,
    pub person_namn: String,
    pub person_skyddad: bool,
    pub handlaggare: Option<AnvandarId>,
    pub arende_enhet: EnhetId,
}

/// The flagged differences with their case and person, `$w` the condition.
macro_rules! avvikelse_fraga {
    ($w:literal) => {
        concat!(
            "SELECT f.id, f.utforare, f.manad, f.nyckel, f.beslut, f.arende, f.enhet, f.text, f.flaggad, f.frist, f.betalningsdag, f.hantering, f.motivering, \
             a.person, a.enhet AS arende_enhet, a.handlaggare, p.fornamn, p.efternamn, p.skyddad FROM fakturaavvikelse f \
             JOIN arende a ON a.id = f.arende AND a.kommun = f.kommun JOIN person p ON p.id = a.person AND p.kommun = a.kommun ",
            $w
        )
    };
}

fn fakturaavvikelse_fran(r: &Rad) -> Result<Fakturaavvikelse, StoreError> {
    Ok(Fakturaavvikelse {
        id: r.parse("id")?,
        utforare: r.parse("utforare")?,
        manad: manad(r, "manad")?,
        nyckel: r.text("nyckel")?,
        beslut: r.parse("beslut")?,
        arende: r.parse("arende")?,
        enhet: r.parse("enhet")?,
        text: r.text("text")?,
        flaggad: r.datum("flaggad")?,
        frist: r.datum("frist")?,
        betalningsdag: r.datum("betalningsdag")?,
        hantering: r
            .opt_text("hantering")?
            .map(|k| {
                Avvikelsehantering::fran_kod(&k)
                    .ok_or_else(|| StoreError::Korrupt(format!("okänd hantering {k}")))
            })
            .transpose()?,
        motivering: r.opt_text("motivering")?,
        person: r.parse("person")?,
        person_namn: format!("{} {}", r.text("fornamn")?, r.text("efternamn")?),
        person_skyddad: r.int("skyddad")? != 0,
        handlaggare: r.opt_parse("handlaggare")?,
        arende_enhet: r.parse("arende_enhet")?,
    })
}

impl Organisation<'_> {
    /// Ends a provider with `sista` as its last day (issue 17): the provider takes no new
    /// orders after it, and every contract of the provider that runs past it ends then
    /// too, as a new version of the contract (the old one is kept). Audited; one
    /// transaction. `Saknas` when the provider is not the kommun's.
    pub async fn avsluta_utforarorganisation(
        &self,
        kommun: KommunId,
        id: UtforarId,
        sista: Date,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        let n = tx
            .execute(
                "UPDATE utforarorganisation SET till = $3 WHERE kommun = $1 AND id = $2",
                &[v(kommun), v(id), datumtext(sista).into()],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Saknas);
        }
        let avtal: Vec<(Avtal, i64)> = tx
            .fetch_all(
                "SELECT id, utforare, fran, till, insatser, prisenhet, pris_ore, tak_per_manad_ore, version FROM avtal WHERE kommun = $1 AND utforare = $2",
                &[v(kommun), v(id)],
            )
            .await?
            .iter()
            .map(|r| Ok((avtal_fran(r)?, r.int("version")?)))
            .collect::<Result<_, StoreError>>()?;
        for (a, version) in avtal {
            if a.till <= sista {
                continue;
            }
            // A contract that had not begun ends the day before it would have.
            let till = if a.fran > sista {
                a.fran.previous_day().unwrap_or(a.fran)
            } else {
                sista
            };
            let ny = Avtal { till, ..a.clone() };
            skriv_avtalsversion(&mut tx, kommun, &a, version, &ny, aktor, &tid).await?;
        }
        let post = Granskningspost::ny(format!("utforare.avsluta:{id}:{sista}"));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await
    }

    /// The last day of each ended provider of the kommun.
    pub async fn utforarorganisationers_slut(
        &self,
        kommun: KommunId,
    ) -> Result<Vec<(UtforarId, Date)>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT id, till FROM utforarorganisation WHERE kommun = $1 AND till IS NOT NULL",
                &[v(kommun)],
            )
            .await?
            .iter()
            .map(|r| Ok((r.parse("id")?, r.datum("till")?)))
            .collect()
    }

    /// Every contract of the kommun's providers, as in force now.
    pub async fn alla_avtal(&self, kommun: KommunId) -> Result<Vec<Avtal>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT id, utforare, fran, till, insatser, prisenhet, pris_ore, tak_per_manad_ore FROM avtal WHERE kommun = $1 ORDER BY utforare, fran, id",
                &[v(kommun)],
            )
            .await?
            .iter()
            .map(avtal_fran)
            .collect()
    }

    /// Changes a contract's terms (issue 17): the terms replaced are kept as a version
    /// (`avtalsversion`), the change is audited, one transaction. The contract keeps its id
    /// and provider. Returns the new version; `Saknas` when the contract is not the
    /// provider's in the kommun.
    pub async fn andra_avtal(
        &self,
        kommun: KommunId,
        ny: &Avtal,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        let Some(rad) = tx
            .fetch_optional(
                "SELECT id, utforare, fran, till, insatser, prisenhet, pris_ore, tak_per_manad_ore, version FROM avtal WHERE kommun = $1 AND id = $2 AND utforare = $3",
                &[v(kommun), v(ny.id), v(ny.utforare)],
            )
            .await?
        else {
            return Err(StoreError::Saknas);
        };
        let gammal = avtal_fran(&rad)?;
        let version = rad.int("version")?;
        skriv_avtalsversion(&mut tx, kommun, &gammal, version, ny, aktor, &tid).await?;
        let post = Granskningspost::ny(format!(
            "avtal.andra:{}:{}:{}",
            ny.utforare,
            ny.id,
            version + 1
        ));
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await?;
        Ok(version + 1)
    }

    /// A contract's earlier versions, oldest first: (version, terms, saved).
    pub async fn avtalsversioner(
        &self,
        kommun: KommunId,
        avtal: AvtalId,
    ) -> Result<Vec<(i64, Avtal, String)>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT avtal AS id, utforare, fran, till, insatser, prisenhet, pris_ore, tak_per_manad_ore, version, sparad FROM avtalsversion WHERE kommun = $1 AND avtal = $2 ORDER BY version",
                &[v(kommun), v(avtal)],
            )
            .await?
            .iter()
            .map(|r| Ok((r.int("version")?, avtal_fran(r)?, r.text("sparad")?)))
            .collect()
    }

    /// Flags the differences of one provider's month (issue 17): each new difference
    /// becomes an open row for its beställande enhet, flagged today (Swedish time) with
    /// the deadline and payment day that follow (`avvikelsefrist`); one already flagged is left as it is; an open one the reconciliation no
    /// longer finds (the delivery was reported since) is closed as `stammer`. One
    /// transaction, audited without naming a person (the rows name orders only).
    #[allow(clippy::too_many_arguments)]
    pub async fn flagga_fakturaavvikelser(
        &self,
        kommun: KommunId,
        utforare: UtforarId,
        period: Manad,
        nya: &[NyFakturaavvikelse],
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<usize, StoreError> {
        let tid = tidstext(nu);
        let dag = lots_domain::tid::svensk_dag(nu);
        let (frist, betalningsdag) = avvikelsefrist(dag);
        let mut tx = self.0.db.begin().await?;
        let oppna: Vec<(String, String)> = tx
            .fetch_all(
                "SELECT id, nyckel FROM fakturaavvikelse WHERE kommun = $1 AND utforare = $2 AND manad = $3 AND hantering IS NULL",
                &[v(kommun), v(utforare), period.to_string().into()],
            )
            .await?
            .iter()
            .map(|r| Ok((r.text("id")?, r.text("nyckel")?)))
            .collect::<Result<_, StoreError>>()?;
        let mut flaggade = 0;
        for n in nya {
            flaggade += tx
                .execute(
                    "INSERT INTO fakturaavvikelse (kommun, id, utforare, manad, nyckel, beslut, arende, enhet, text, flaggad, frist, betalningsdag) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
                     ON CONFLICT (kommun, utforare, manad, nyckel) DO NOTHING",
                    &[
                        v(kommun),
                        v(Uuid::now_v7()),
                        v(utforare),
                        period.to_string().into(),
                        n.nyckel.as_str().into(),
                        v(n.beslut),
                        v(n.arende),
                        v(n.enhet),
                        n.text.as_str().into(),
                        datumtext(dag).into(),
                        datumtext(frist).into(),
                        datumtext(betalningsdag).into(),
                    ],
                )
                .await? as usize;
        }
        let mut stammer = 0;
        for (id, nyckel) in oppna {
            if nya.iter().any(|n| n.nyckel == nyckel) {
                continue;
            }
            stammer += tx
                .execute(
                    "UPDATE fakturaavvikelse SET hantering = $5, hanterad = $3, hanterad_av = $4 WHERE kommun = $1 AND id = $2 AND hantering IS NULL",
                    &[
                        v(kommun),
                        id.as_str().into(),
                        tid.as_str().into(),
                        v(aktor.id),
                        Avvikelsehantering::Stammer.kod().into(),
                    ],
                )
                .await?;
        }
        if flaggade > 0 || stammer > 0 {
            let post = Granskningspost::ny(format!(
                "fakturaavvikelse.flagga:{utforare}:{period}:{flaggade}:{stammer}"
            ));
            skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        }
        tx.commit().await?;
        Ok(flaggade)
    }

    /// The open differences for an enhet, deadline first: its bevakningar.
    pub async fn oppna_fakturaavvikelser(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
    ) -> Result<Vec<Fakturaavvikelse>, StoreError> {
        const SQL: &str = avvikelse_fraga!(
            "WHERE f.kommun = $1 AND f.enhet = $2 AND f.hantering IS NULL ORDER BY f.frist, f.id"
        );
        self.0
            .db
            .fetch_all(SQL, &[v(kommun), v(enhet)])
            .await?
            .iter()
            .map(fakturaavvikelse_fran)
            .collect()
    }

    /// Every flagged difference of a month, open or closed.
    pub async fn fakturaavvikelser(
        &self,
        kommun: KommunId,
        period: Manad,
    ) -> Result<Vec<Fakturaavvikelse>, StoreError> {
        const SQL: &str =
            avvikelse_fraga!("WHERE f.kommun = $1 AND f.manad = $2 ORDER BY f.frist, f.id");
        self.0
            .db
            .fetch_all(SQL, &[v(kommun), period.to_string().into()])
            .await?
            .iter()
            .map(fakturaavvikelse_fran)
            .collect()
    }

    /// One flagged difference.
    pub async fn fakturaavvikelse(
        &self,
        kommun: KommunId,
        id: Uuid,
    ) -> Result<Option<Fakturaavvikelse>, StoreError> {
        const SQL: &str = avvikelse_fraga!("WHERE f.kommun = $1 AND f.id = $2");
        self.0
            .db
            .fetch_optional(SQL, &[v(kommun), v(id)])
            .await?
            .as_ref()
            .map(fakturaavvikelse_fran)
            .transpose()
    }

    /// The beställare resolves an open difference: `godkand` (approved, with the reason)
    /// or `bestriden` (the line is disputed with the provider). Audited with the person
    /// and the case. `Saknas` when it is not open (resolved by someone else meanwhile).
    #[allow(clippy::too_many_arguments)]
    pub async fn hantera_fakturaavvikelse(
        &self,
        kommun: KommunId,
        a: &Fakturaavvikelse,
        hantering: Avvikelsehantering,
        motivering: &str,
        aktor: &Aktor,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let tid = tidstext(nu);
        let mut tx = self.0.db.begin().await?;
        let n = tx
            .execute(
                "UPDATE fakturaavvikelse SET hantering = $3, motivering = $4, hanterad = $5, hanterad_av = $6 WHERE kommun = $1 AND id = $2 AND hantering IS NULL",
                &[
                    v(kommun),
                    v(a.id),
                    hantering.kod().into(),
                    motivering.into(),
                    tid.as_str().into(),
                    v(aktor.id),
                ],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Saknas);
        }
        let post = Granskningspost::ny(format!("fakturaavvikelse.{}:{}", hantering.kod(), a.id))
            .person(a.person, a.person_skyddad)
            .arende(a.arende);
        skriv_granskning(&mut tx, &self.0.sakring, aktor, &tid, &post).await?;
        tx.commit().await
    }
}

/// Writes the terms `gammal` (at `version`) to `avtalsversion` and `ny` into `avtal` as
/// the next version, with an audit row.
async fn skriv_avtalsversion(
    tx: &mut crate::db::Tx,
    kommun: KommunId,
    gammal: &Avtal,
    version: i64,
    ny: &Avtal,
    aktor: &Aktor,
    tid: &str,
) -> Result<(), StoreError> {
    let koder = |a: &Avtal| {
        a.insatser
            .iter()
            .map(|i| i.kod())
            .collect::<Vec<_>>()
            .join(" ")
    };
    tx.execute(
        "INSERT INTO avtalsversion (kommun, avtal, version, utforare, fran, till, insatser, prisenhet, pris_ore, tak_per_manad_ore, sparad, sparad_av) \
         SELECT kommun, id, version, utforare, fran, till, insatser, prisenhet, pris_ore, tak_per_manad_ore, sparad, sparad_av FROM avtal WHERE kommun = $1 AND id = $2",
        &[v(kommun), v(gammal.id)],
    )
    .await?;
    let n = tx
        .execute(
            "UPDATE avtal SET fran = $3, till = $4, insatser = $5, prisenhet = $6, pris_ore = $7, tak_per_manad_ore = $8, sparad = $9, sparad_av = $10, version = $11 \
             WHERE kommun = $1 AND id = $2 AND version = $12",
            &[
                v(kommun),
                v(gammal.id),
                datumtext(ny.fran).into(),
                datumtext(ny.till).into(),
                koder(ny).into(),
                ny.prisenhet.kod().into(),
                ny.pris.into(),
                opt(ny.tak_per_manad),
                tid.into(),
                v(aktor.id),
                (version + 1).into(),
                version.into(),
            ],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::Konflikt("avtalet ändrades samtidigt".into()));
    }
    Ok(())
}
