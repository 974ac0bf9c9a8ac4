//! Utförare organisations, contracts, order terms, delivery and invoice lines (issue 17
//! items 5–6; migration 0033). All kommun data: every query names the kommun. Every
//! write is audited in its own transaction. Reads of delivery and invoices are for the
//! caller to audit (they name orders, hence persons, to whoever may see them).

use lots_domain::forsorjningsstod::Manad;
use lots_domain::ids::{BeslutId, EnhetId, KommunId, UtforarId};
use lots_domain::insats::InsatsTyp;
use lots_domain::utforare::{
    Avtal, Bestallning, Fakturarad, Leverans, Prisenhet, Regiform, Utforarorganisation, Val,
};
use time::OffsetDateTime;
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
