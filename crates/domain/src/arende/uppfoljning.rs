//! Uppföljning: every insats is followed up while it runs and when it ends
//! (seed 004 §2.9), at the times a genomförandeplan agreed (seed 004 §2.8.1);
//! the handläggare's kvittering of a bevakning that asks for one; and for försörjningsstöd
//! the plan toward self-sufficiency, its follow-ups and the end of aid with its reason
//! (`forsorjningsstod::plan`).

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

/// The plan toward self-sufficiency and the end of aid belong to a case of försörjningsstöd.
fn galler_forsorjningsstod(a: &Arende) -> Result<(), String> {
    if a.ansokta
        .iter()
        .any(|(i, _)| *i == crate::insats::InsatsTyp::Forsorjningsstod)
    {
        Ok(())
    } else {
        tillstand("Ärendet gäller inte försörjningsstöd.")
    }
}

pub(super) fn kan(a: &Arende, typ: KommandoTyp) -> Result<(), String> {
    match typ {
        KommandoTyp::SkrivPlan => galler_forsorjningsstod(a),
        KommandoTyp::SvaraPaPlan | KommandoTyp::FoljUppPlan => {
            galler_forsorjningsstod(a)?;
            if a.planering.aktuell().is_none() {
                tillstand("Det finns ingen plan ännu. Skriv planen först.")
            } else {
                Ok(())
            }
        }
        KommandoTyp::AvslutaForsorjningsstod => {
            galler_forsorjningsstod(a)?;
            if a.forsorjningsstod.is_empty() {
                tillstand("Ingen månad med försörjningsstöd är beräknad i ärendet.")
            } else if a.bistand_avslutat.is_some() {
                tillstand("Försörjningsstödet är redan avslutat.")
            } else {
                Ok(())
            }
        }
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
        Kommando::SkrivPlan(mut plan) => {
            skriv_plan(a, &plan, idag, fel);
            plan.version = a.planering.aktuell().map_or(1, |p| p.version + 1);
            vec![Handelse::PlanSkriven(plan)]
        }
        Kommando::SvaraPaPlan {
            datum,
            version,
            instammer,
            synpunkt,
            fran,
        } => {
            fel.enskild(&fran, "Svaret på planen");
            fel.inte_framtid(datum, idag, "datum");
            let aktuell = a.planering.aktuell().map_or(0, |p| p.version);
            // The person answers the version they read: a newer one may say something else.
            fel.om(
                version != aktuell,
                "version",
                "Planen har ändrats sedan du läste den. Läs den nya versionen och svara igen.",
            );
            if !instammer {
                fel.text_kravs(
                    &synpunkt,
                    "synpunkt",
                    "Skriv vad du tycker ska ändras i planen.",
                );
            }
            fel.inte_for_lang(&synpunkt, "synpunkt");
            vec![Handelse::PlanBesvarad {
                svar: crate::forsorjningsstod::plan::Plansvar {
                    datum,
                    version,
                    instammer,
                    synpunkt,
                },
                fran,
            }]
        }
        Kommando::FoljUppPlan(mut u) => {
            folj_upp_plan(a, &u, idag, fel);
            u.version = a.planering.aktuell().map_or(0, |p| p.version);
            vec![Handelse::PlanUppfoljd(u)]
        }
        Kommando::AvslutaForsorjningsstod {
            datum,
            orsak,
            kommentar,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            fel.om(
                orsak == crate::forsorjningsstod::plan::Slutorsak::Annat
                    && kommentar.trim().is_empty(),
                "kommentar",
                "Skriv skälet när du väljer Annat skäl.",
            );
            fel.inte_for_lang(&kommentar, "kommentar");
            vec![Handelse::ForsorjningsstodAvslutat {
                datum,
                orsak,
                kommentar,
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

/// A plan is made with the person: the goal, the person's part and the socialtjänst's part
/// are all written, every activity says what it is, and the follow-up has a day and a way
/// (SoL 3 kap. 5 §; Socialstyrelsen, *Att utreda behov av försörjningsstöd*, planering).
fn skriv_plan(
    a: &Arende,
    p: &crate::forsorjningsstod::plan::Sjalvforsorjningsplan,
    idag: Date,
    fel: &mut Fel,
) {
    fel.inte_framtid(p.datum, idag, "datum");
    fel.inte_fore(p.datum, a.inkom, "datum", "ärendets start");
    fel.text_kravs(
        &p.mal,
        "mal",
        "Skriv planens mål, gärna med personens egna ord.",
    );
    fel.text_kravs(
        &p.personens_del,
        "personens_del",
        "Skriv vad personen själv gör.",
    );
    fel.text_kravs(
        &p.socialtjanstens_del,
        "socialtjanstens_del",
        "Skriv vad socialtjänsten gör.",
    );
    fel.text_kravs(
        &p.uppfoljningssatt,
        "uppfoljningssatt",
        "Skriv hur planen följs upp, till exempel vid ett möte.",
    );
    fel.om(
        p.aktiviteter.is_empty(),
        "aktiviteter",
        "Skriv minst en aktivitet.",
    );
    fel.om(
        p.aktiviteter
            .iter()
            .any(|x| x.beskrivning.trim().is_empty()),
        "aktiviteter",
        "Skriv vad varje aktivitet är.",
    );
    fel.om(
        p.uppfoljning <= p.datum,
        "uppfoljning",
        "Uppföljningen måste ligga efter planens datum.",
    );
    for (text, fakta) in [
        (&p.mal, "mal"),
        (&p.personens_del, "personens_del"),
        (&p.socialtjanstens_del, "socialtjanstens_del"),
        (&p.samverkan, "samverkan"),
        (&p.uppfoljningssatt, "uppfoljningssatt"),
    ] {
        fel.inte_for_lang(text, fakta);
    }
    fel.om(
        p.delmal
            .iter()
            .chain(p.aktiviteter.iter().map(|x| &x.beskrivning))
            .any(|t| t.chars().count() > MEDDELANDE_MAX_TECKEN),
        "aktiviteter",
        format!("Ett delmål eller en aktivitet får vara högst {MEDDELANDE_MAX_TECKEN} tecken."),
    );
}

/// A follow-up counts what was planned and done, and holds the person's own account of
/// whether it helps (seed 001: followed up both by numbers and by the person's view).
fn folj_upp_plan(
    a: &Arende,
    u: &crate::forsorjningsstod::plan::Planuppfoljning,
    idag: Date,
    fel: &mut Fel,
) {
    let Some(plan) = a.planering.aktuell() else {
        return;
    };
    fel.inte_framtid(u.datum, idag, "datum");
    fel.inte_fore(u.datum, plan.datum, "datum", "planens datum");
    fel.om(
        u.deltagande
            .iter()
            .any(|d| d.aktivitet >= plan.aktiviteter.len()),
        "deltagande",
        "Välj bland planens aktiviteter.",
    );
    fel.om(
        u.uppnadda_delmal.iter().any(|i| *i >= plan.delmal.len()),
        "uppnadda_delmal",
        "Välj bland planens delmål.",
    );
    fel.text_kravs(
        &u.enskildes_berattelse,
        "enskildes_berattelse",
        "Skriv vad personen själv säger om hur det går, eller att hen inte ville säga något.",
    );
    fel.inte_for_lang(&u.enskildes_berattelse, "enskildes_berattelse");
    fel.inte_for_lang(&u.kommentar, "kommentar");
    if let Some(n) = u.nasta {
        fel.om(
            n <= u.datum,
            "nasta",
            "Nästa uppföljning måste vara efter den här.",
        );
    }
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
            Handelse::PlanSkriven(p) => self.planering.versioner.push((**p).clone()),
            Handelse::PlanBesvarad { svar, .. } => self.planering.svar.push(svar.clone()),
            Handelse::PlanUppfoljd(u) => self.planering.uppfoljningar.push((**u).clone()),
            Handelse::ForsorjningsstodAvslutat { datum, orsak, .. } => {
                self.bistand_avslutat = Some((*datum, *orsak));
            }
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

    mod plan {
        use crate::arende::testfall::*;
        use crate::forsorjningsstod::plan::{Hjalper, Slutorsak};

        fn fs() -> Fall {
            Fall::ny().med(ansokan(
                date!(2026 - 01 - 05),
                vec![InsatsTyp::Forsorjningsstod],
            ))
        }

        fn planerat() -> Fall {
            fs().med(sjalvforsorjningsplan(
                date!(2026 - 03 - 02),
                date!(2026 - 04 - 01),
            ))
        }

        #[test]
        fn planen_galler_forsorjningsstod_och_kraver_bada_parternas_del() {
            assert!(ansokan_registrerad().kan(T::SkrivPlan).is_err());
            let Kommando::SkrivPlan(mut p) =
                sjalvforsorjningsplan(date!(2026 - 03 - 02), date!(2026 - 03 - 02))
            else {
                unreachable!()
            };
            p.personens_del = " ".into();
            p.socialtjanstens_del.clear();
            p.aktiviteter[1].beskrivning.clear();
            let mut f = falt(fs().forsok(Kommando::SkrivPlan(p)));
            f.sort_unstable();
            assert_eq!(
                f,
                vec![
                    "aktiviteter",
                    "personens_del",
                    "socialtjanstens_del",
                    "uppfoljning"
                ]
            );
        }

        #[test]
        fn en_revidering_ar_en_ny_version_och_den_gamla_finns_kvar() {
            let f = planerat().med(sjalvforsorjningsplan(
                date!(2026 - 04 - 01),
                date!(2026 - 05 - 04),
            ));
            let p = &f.arende().planering;
            assert_eq!(
                p.versioner.iter().map(|v| v.version).collect::<Vec<_>>(),
                vec![1, 2]
            );
            assert_eq!(p.nasta_uppfoljning(), Some(date!(2026 - 05 - 04)));
        }

        #[test]
        fn personen_svarar_pa_den_version_hen_last() {
            let f = planerat();
            assert!(fs().kan(T::SvaraPaPlan).is_err());
            let svar = |version, instammer, synpunkt: &str| Kommando::SvaraPaPlan {
                datum: IDAG,
                version,
                instammer,
                synpunkt: synpunkt.into(),
                fran: enskild(),
            };
            // An old version, and disagreeing without saying what: both refused.
            assert_eq!(falt(f.forsok(svar(0, true, ""))), vec!["version"]);
            assert_eq!(falt(f.forsok(svar(1, false, " "))), vec!["synpunkt"]);
            let f = f.med(svar(1, false, "Jag vill börja med sfi."));
            let s = f.arende().planering.svar_pa_aktuell().expect("an answer");
            assert!(!s.instammer);
            // A handläggare cannot answer in the person's name.
            let r = f.forsok(Kommando::SvaraPaPlan {
                datum: IDAG,
                version: 1,
                instammer: true,
                synpunkt: String::new(),
                fran: Avsandare::Handlaggare,
            });
            assert_eq!(falt(r), vec!["fran"]);
            // A new version has no answer yet.
            let f = f.med(sjalvforsorjningsplan(
                date!(2026 - 04 - 01),
                date!(2026 - 05 - 04),
            ));
            assert!(f.arende().planering.svar_pa_aktuell().is_none());
        }

        #[test]
        fn uppfoljningen_raknar_och_har_personens_egen_rost() {
            let f = planerat();
            assert_eq!(
                bevakning_av(f.arende(), BevakningsTyp::PlanUppfoljning),
                vec![date!(2026 - 04 - 01)]
            );
            let Kommando::FoljUppPlan(mut u) = planuppfoljning(date!(2026 - 04 - 01), None) else {
                unreachable!()
            };
            u.enskildes_berattelse.clear();
            u.deltagande[0].aktivitet = 2;
            u.uppnadda_delmal = vec![5];
            let mut fel = falt(f.forsok(Kommando::FoljUppPlan(u)));
            fel.sort_unstable();
            assert_eq!(
                fel,
                vec!["deltagande", "enskildes_berattelse", "uppnadda_delmal"]
            );
            let f = f.med(planuppfoljning(
                date!(2026 - 04 - 01),
                Some(date!(2026 - 06 - 01)),
            ));
            let u = f
                .arende()
                .planering
                .uppfoljningar
                .last()
                .expect("followed up");
            assert_eq!(
                (u.version, u.narvaro(), u.hjalper),
                (1, (3, 4), Hjalper::Delvis)
            );
            assert_eq!(
                bevakning_av(f.arende(), BevakningsTyp::PlanUppfoljning),
                vec![date!(2026 - 06 - 01)]
            );
            // Followed up without a next day: nothing more is watched for this version.
            let g = planerat().med(planuppfoljning(date!(2026 - 04 - 01), None));
            assert!(bevakning_av(g.arende(), BevakningsTyp::PlanUppfoljning).is_empty());
        }

        #[test]
        fn bistandet_avslutas_med_skal_och_borjar_om_med_en_ny_manad() {
            let f = planerat();
            // Nothing calculated yet: there is no aid to end.
            assert!(f.kan(T::AvslutaForsorjningsstod).is_err());
            let f = f.med(manadsberakning(
                date!(2026 - 03 - 03),
                crate::forsorjningsstod::Manad::ny(2026, 3).unwrap(),
                6_000,
            ));
            let r = f.forsok(Kommando::AvslutaForsorjningsstod {
                datum: date!(2026 - 04 - 20),
                orsak: Slutorsak::Annat,
                kommentar: String::new(),
            });
            assert_eq!(falt(r), vec!["kommentar"]);
            let f = f.med(Kommando::AvslutaForsorjningsstod {
                datum: date!(2026 - 04 - 20),
                orsak: Slutorsak::Arbete,
                kommentar: "Fast anställning på lager".into(),
            });
            assert_eq!(
                f.arende().bistand_avslutat,
                Some((date!(2026 - 04 - 20), Slutorsak::Arbete))
            );
            assert!(f.kan(T::AvslutaForsorjningsstod).is_err());
            // The plan is no longer followed up once aid has ended.
            assert!(bevakning_av(f.arende(), BevakningsTyp::PlanUppfoljning).is_empty());
            // A month after the end calculated again: aid has started again.
            let f = f.med(manadsberakning(
                date!(2026 - 06 - 01),
                crate::forsorjningsstod::Manad::ny(2026, 6).unwrap(),
                6_000,
            ));
            assert_eq!(f.arende().bistand_avslutat, None);
        }
    }
}
