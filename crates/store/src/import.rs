//! Bulk import of whole case histories: the fast path for `lots demo --scale`.
//!
//! A generated case is decided command by command in memory (`handelser::bestam`),
//! then stored here in large transactions with multi-row INSERTs. Rows come from
//! the same functions `Arenden::utfor` uses (hash chain, projections), so an
//! imported case is indistinguishable from one built through `utfor` and passes
//! `Arenden::verifiera`. Commands are not audited one by one: an import is not
//! somebody acting on a case, and the persons are synthetic.

use lots_domain::arende::{Arende, Handelse};
use lots_domain::ids::*;
use time::OffsetDateTime;

use crate::handelser::{
    ARENDE_MED_DIARIENUMMER, BEVAKNING, JOURNAL, UPPDRAG, arenderad, bevakningsrader, journalrad,
    uppdragsrad,
};
use crate::kedja::{HANDELSE, NOLLHASH, handelserad};
use crate::org::{PERSON, Person, personrad};
use crate::rapporter::{DELEGATIONSBESLUT, VANTAN, beslutsrader, vanterader};
use crate::{Arenden, Personer, StoreError, tidstext};

/// One command's events, as decided: who took the step and when.
#[derive(Debug, Clone)]
pub struct ImportSteg {
    pub aktor: AnvandarId,
    pub nu: OffsetDateTime,
    pub handelser: Vec<Handelse>,
}

/// A new case's whole history, oldest step first.
#[derive(Debug, Clone)]
pub struct ImportArende {
    pub id: ArendeId,
    pub steg: Vec<ImportSteg>,
}

/// What one `importera` stored.
#[derive(Debug, Clone, Copy, Default)]
pub struct Importerat {
    pub handelser: u64,
    pub journal: u64,
}

impl Personer<'_> {
    /// Stores synthetic persons in one transaction (`person.syntetisk` set).
    pub async fn importera_personer(&self, personer: &[Person]) -> Result<(), StoreError> {
        let rader: Vec<_> = personer.iter().map(|p| personrad(p, true)).collect();
        let mut tx = self.0.db.begin().await?;
        tx.infoga(PERSON, &rader).await?;
        let namn: Vec<_> = personer.iter().flat_map(crate::sok::namnrader).collect();
        tx.infoga(crate::sok::PERSONNAMN, &namn).await?;
        tx.commit().await
    }
}

impl Arenden<'_> {
    /// Stores new cases with their histories and projections in one transaction.
    pub async fn importera(
        &self,
        kommun: KommunId,
        arenden: &[ImportArende],
    ) -> Result<Importerat, StoreError> {
        let mut handelser = vec![];
        let mut journal = vec![];
        let mut arenderader = vec![];
        let mut bevakningar = vec![];
        let mut vantan = vec![];
        let mut beslut = vec![];
        let mut utbetalningar: Vec<Vec<crate::db::V>> = vec![];
        let mut fordjupade_val: Vec<Vec<crate::db::V>> = vec![];
        let mut manader: Vec<Vec<crate::db::V>> = vec![];
        let mut medsokande: Vec<Vec<crate::db::V>> = vec![];
        let mut avslut: Vec<Vec<crate::db::V>> = vec![];
        // One row per decision: a later order for the same decision replaces the earlier.
        let mut uppdrag: std::collections::HashMap<BeslutId, Vec<crate::db::V>> =
            Default::default();
        // The order's terms, as `utfor` projects them: replaced by a later order, and
        // none when the later order goes to a unit of no provider.
        let mut villkor: std::collections::HashMap<BeslutId, Option<Vec<crate::db::V>>> =
            Default::default();
        for x in arenden {
            let mut tillstand: Option<Arende> = None;
            let mut prev = NOLLHASH.to_owned();
            let mut seq = 0;
            let mut tid = String::new();
            for steg in &x.steg {
                tid = tidstext(steg.nu);
                for h in &steg.handelser {
                    match h {
                        Handelse::JournalInvandning { .. }
                        | Handelse::DokumentBifogat { .. }
                        | Handelse::BrevSkapat { .. } => {
                            return Err(StoreError::Korrupt(format!(
                                "importen tar inte händelsen {}",
                                h.kind()
                            )));
                        }
                        _ => {}
                    }
                    match tillstand.as_mut() {
                        Some(a) => a.tillampa(h),
                        None => tillstand = Arende::skapa(x.id, h),
                    }
                    let a = tillstand.as_ref().ok_or_else(|| {
                        StoreError::Korrupt(format!("{}: börjar inte med en aktualisering", x.id))
                    })?;
                    seq += 1;
                    let (rad, hash) = handelserad(x.id, seq, kommun, h, steg.aktor, &tid, &prev)?;
                    handelser.push(rad);
                    prev = hash;
                    if let Some(rad) = journalrad(a, h, kommun, steg.aktor, &tid) {
                        journal.push(rad);
                    }
                    if let (Handelse::Bestalld { beslut, .. }, Some(rad)) =
                        (h, uppdragsrad(a, h, kommun))
                    {
                        uppdrag.insert(*beslut, rad);
                    }
                    if let Handelse::Bestalld {
                        beslut,
                        villkor: vk,
                        ..
                    } = h
                    {
                        villkor.insert(
                            *beslut,
                            vk.as_ref().map(|vk| {
                                vec![
                                    crate::org::v(kommun),
                                    crate::org::v(beslut),
                                    crate::org::v(vk.utforare),
                                    vk.val.kod().into(),
                                    vk.prisenhet.kod().into(),
                                    crate::db::V::I(vk.beviljat_per_manad),
                                    tid.as_str().into(),
                                    crate::org::v(steg.aktor),
                                ]
                            }),
                        );
                    }
                }
            }
            let a = tillstand
                .ok_or_else(|| StoreError::Korrupt(format!("{}: saknar händelser", x.id)))?;
            arenderader.push(arenderad(&a, kommun, seq, &tid)?);
            bevakningar.extend(bevakningsrader(&a, kommun));
            vantan.extend(vanterader(&a, kommun));
            beslut.extend(beslutsrader(&a, kommun));
            utbetalningar.extend(crate::utbetalningar::utbetalningsrader(&a, kommun)?);
            fordjupade_val.extend(crate::fordjupad::fordjupade_valrader(&a, kommun));
            let alla: Vec<&Handelse> = x.steg.iter().flat_map(|s| &s.handelser).collect();
            manader.extend(crate::statistik::manadsrader(
                x.id, a.person, kommun, &alla,
            )?);
            medsokande.extend(crate::statistik::medsokanderader(x.id, kommun, &alla));
            avslut.extend(crate::statistik::avslutsrader(&a, kommun));
        }
        let mut tx = self.0.db.begin().await?;
        // Each case's diarienummer from its year's series, a block per year taken
        // in this transaction (column 8 of the row is `inkom`).
        let mut per_ar: std::collections::BTreeMap<i32, Vec<usize>> = Default::default();
        for (i, rad) in arenderader.iter().enumerate() {
            let ar = match rad.get(7) {
                Some(crate::db::V::T(Some(d))) => crate::las_datum(d)?.year(),
                _ => return Err(StoreError::Korrupt("ärendet saknar inkomstdatum".into())),
            };
            per_ar.entry(ar).or_default().push(i);
        }
        for (ar, index) in per_ar {
            let (prefix, forsta) =
                crate::namnd::ta_diarienummer(&mut tx, kommun, ar, index.len() as i64).await?;
            for (k, i) in index.into_iter().enumerate() {
                arenderader[i]
                    .push(crate::namnd::diarienummer(&prefix, ar, forsta + k as i64).into());
            }
        }
        // Parents first: journal, bevakning and the report rows refer to arende.
        tx.infoga(ARENDE_MED_DIARIENUMMER, &arenderader).await?;
        tx.infoga(HANDELSE, &handelser).await?;
        tx.infoga(BEVAKNING, &bevakningar).await?;
        tx.infoga(VANTAN, &vantan).await?;
        tx.infoga(DELEGATIONSBESLUT, &beslut).await?;
        tx.infoga(crate::utbetalningar::UTBETALNING, &utbetalningar)
            .await?;
        tx.infoga(crate::fordjupad::FORDJUPAD_VAL, &fordjupade_val)
            .await?;
        tx.infoga(crate::statistik::FORSORJNINGSSTOD_MANAD, &manader)
            .await?;
        tx.infoga(crate::statistik::FORSORJNINGSSTOD_AVSLUT, &avslut)
            .await?;
        tx.infoga(crate::statistik::FORSORJNINGSSTOD_MEDSOKANDE, &medsokande)
            .await?;
        let uppdrag: Vec<_> = uppdrag.into_values().collect();
        tx.infoga(UPPDRAG, &uppdrag).await?;
        let villkor: Vec<_> = villkor.into_values().flatten().collect();
        tx.infoga(
            "bestallningsvillkor (kommun, beslut, utforare, val, prisenhet, beviljat_per_manad, sparad, sparad_av)",
            &villkor,
        )
        .await?;
        tx.infoga(JOURNAL, &journal).await?;
        tx.commit().await?;
        Ok(Importerat {
            handelser: handelser.len() as u64,
            journal: journal.len() as u64,
        })
    }
}
