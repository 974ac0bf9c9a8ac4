//! Uppföljning: every insats is followed up while it runs and when it ends
//! (seed 004 §2.9), at the times a genomförandeplan agreed (seed 004 §2.8.1);
//! and the handläggare's kvittering of a bevakning that asks for one.

use serde::{Deserialize, Serialize};

use super::kommando::{Fel, fel_fas, per_beslut, tillstand, valt_beslut};
use super::*;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uppfoljning {
    pub beslut: Option<BeslutId>,
    pub datum: Date,
    pub maluppfyllelse: Maluppfyllelse,
    pub nasta: Option<Date>,
}

impl Arende {
    /// Follow-ups agreed in a genomförandeplan and not yet made: (decision, day).
    /// Made means a follow-up of that insats (or of the whole case) after the plan
    /// was written, or on or after the agreed day. An insats that has ended, or
    /// is not carried out, has no plan to follow (its own follow-up at the end is
    /// `uppfoljningar_som_saknas`).
    pub fn planerade_uppfoljningar(&self) -> Vec<(BeslutId, Date)> {
        self.gallande_beslut()
            .filter(|b| {
                let v = &b.verkstallighet;
                v.avslutad.is_none() && v.upphort.is_none()
            })
            .filter_map(|b| {
                let plan = self.genomforandeplan(b.id())?;
                let nar = plan.uppfoljning?;
                let gjord = self.uppfoljningar.iter().any(|u| {
                    u.beslut.is_none_or(|x| x == b.id()) && (u.datum > plan.datum || u.datum >= nar)
                });
                (!gjord).then_some((b.id(), nar))
            })
            .collect()
    }

    /// A follow-up is owed when the latest one booked another, or when an insats
    /// has been carried out and not been followed up since it started.
    pub fn uppfoljning_skuld(&self) -> bool {
        if self.uppfoljningar.last().is_some_and(|u| u.nasta.is_some()) {
            return true;
        }
        !self.uppfoljningar_som_saknas().is_empty()
    }

    /// The next follow-up owed for each insats (seed 004 §2.9: every third month
    /// while it runs, and when it ends): (decision, day). A follow-up counts for an
    /// insats when it names that decision or the whole case. While the insats runs,
    /// the next is the day the latest follow-up booked or, if it booked none, three
    /// months after it: a follow-up without a next day does not end the duty.
    pub fn nasta_uppfoljningar(&self) -> Vec<(BeslutId, Date)> {
        self.gallande_beslut()
            .filter(|b| b.verkstallighet.upphort.is_none())
            .filter_map(|b| {
                let v = &b.verkstallighet;
                let start = v.paborjad?;
                let galler =
                    |u: &&Uppfoljning| u.beslut.is_none_or(|x| x == b.id()) && u.datum >= start;
                let senaste = self.uppfoljningar.iter().rev().find(galler);
                match v.avslutad {
                    // Ended: followed up at the end, once.
                    Some(slut) => senaste
                        .is_none_or(|u| u.datum < slut)
                        .then_some((b.id(), slut)),
                    None => Some((
                        b.id(),
                        match senaste {
                            Some(u) => u.nasta.unwrap_or_else(|| frister::plus_manader(u.datum, 3)),
                            None => frister::plus_manader(start, 3),
                        },
                    )),
                }
            })
            .collect()
    }

    /// Insatser that started, or ended, without a follow-up since (seed 004 §2.9:
    /// followed up during the insats and when it ends): (decision, day it is owed from).
    pub fn uppfoljningar_som_saknas(&self) -> Vec<(BeslutId, Date)> {
        self.gallande_beslut()
            .filter_map(|b| {
                let v = &b.verkstallighet;
                let fran = v.avslutad.or(v.paborjad)?;
                let gjord = self.uppfoljningar.iter().any(|u| u.datum >= fran);
                (!gjord).then_some((b.id(), fran))
            })
            .collect()
    }
}

pub(super) fn kandidat(typ: KommandoTyp, b: &BeslutLage) -> bool {
    match typ {
        KommandoTyp::RegistreraUppfoljning => b.verkstallighet.paborjad.is_some(),
        _ => false,
    }
}

pub(super) fn kan(a: &Arende, typ: KommandoTyp) -> Result<(), String> {
    match typ {
        KommandoTyp::KvitteraBevakning => {
            if bevakningar(a).iter().any(|b| b.typ.kan_kvitteras()) {
                Ok(())
            } else {
                tillstand("Ingen bevakning kan kvitteras.")
            }
        }
        _ => per_beslut(a, typ),
    }
}

pub(super) fn handle(
    a: &Arende,
    kommando: Kommando,
    ctx: &Kontext,
    fel: &mut Fel,
) -> Result<Vec<Handelse>, Avvisning> {
    let idag = ctx.idag;
    Ok(match kommando {
        Kommando::RegistreraUppfoljning {
            beslut,
            datum,
            maluppfyllelse,
            enskildes_synpunkt,
            kommentar,
            nasta,
        } => {
            if let Some(id) = beslut {
                valt_beslut(a, KommandoTyp::RegistreraUppfoljning, id)?;
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &enskildes_synpunkt,
                "enskildes_synpunkt",
                "Skriv vad den enskilde själv tycker, eller att hen inte ville säga något.",
            );
            if let Some(n) = nasta {
                fel.om(
                    n <= datum,
                    "nasta",
                    "Nästa uppföljning måste vara efter den här.",
                );
            }
            vec![Handelse::Uppfoljd {
                beslut,
                datum,
                maluppfyllelse,
                enskildes_synpunkt,
                kommentar,
                nasta,
            }]
        }
        Kommando::KvitteraBevakning { nyckel, datum } => {
            fel.inte_framtid(datum, idag, "datum");
            let finns = bevakningar(a)
                .iter()
                .any(|b| b.nyckel == nyckel && b.typ.kan_kvitteras());
            fel.om(!finns, "nyckel", "Välj en bevakning som kan kvitteras.");
            vec![Handelse::BevakningKvitterad { nyckel, datum }]
        }
        annan => return Err(fel_fas(&annan)),
    })
}

impl Arende {
    pub(super) fn tillampa_uppfoljning(&mut self, h: &Handelse) {
        match h {
            Handelse::Uppfoljd {
                beslut,
                datum,
                maluppfyllelse,
                nasta,
                ..
            } => self.uppfoljningar.push(Uppfoljning {
                beslut: *beslut,
                datum: *datum,
                maluppfyllelse: *maluppfyllelse,
                nasta: *nasta,
            }),
            Handelse::BevakningKvitterad { nyckel, .. } => self.kvitterade.push(nyckel.clone()),
            // Events of other phases are folded there (`Arende::tillampa`).
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;

    /// seed 004 §2.9: every insats is followed up "var tredje månad och vid avslut av insats".
    /// The hinder text itself says "även när den avslutas".
    #[test]
    fn seed_004_2_9_uppfoljning_kravs_vid_avslut_av_insats() {
        let f = verkstallighet_pagar()
            .med(uppfoljning(Some(B_BIFALL), date!(2026 - 05 - 15), None))
            .med(Kommando::AvslutaVerkstallighet {
                beslut: B_BIFALL,
                datum: date!(2026 - 05 - 29),
                orsak: "Behandlingen är klar".into(),
            });
        assert!(f.arende().uppfoljning_skuld());
        assert!(f.kan(T::AvslutaArende).is_err());
    }

    #[test]
    fn kvittering_i_framtiden_vagras() {
        let f = avslag_delgivet();
        let nyckel = format!("overklagande:{B_AVSLAG}");
        let r = f.forsok(Kommando::KvitteraBevakning {
            nyckel,
            datum: dag_efter(IDAG),
        });
        assert_eq!(falt(r), vec!["datum"]);
    }
}
