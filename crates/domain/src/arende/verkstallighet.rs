//! Verkställighet: a granted decision is ordered from an utförare, started,
//! interrupted, resumed and ended; a delay is explained, or the duty ends
//! because the person declined, moved or died (SoL 34 kap. 1–2 §§); and the
//! utförare's genomförandeplan, made with the person (seed 004 §2.8.1).

use serde::{Deserialize, Serialize};

use super::kommando::{Fel, fel_fas, per_beslut, valt_beslut};
use super::*;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Verkstallighet {
    pub bestalld: Option<(Date, EnhetId)>,
    pub paborjad: Option<Date>,
    /// Interruptions: start and, once resumed, the day it resumed.
    pub avbrott: Vec<(Date, Option<Date>)>,
    pub avslutad: Option<Date>,
    /// The latest reason recorded for the delay (SoL 34 kap. 1 §: reported with the
    /// decision). It explains the delay; it does not end the duty to carry it out.
    pub verkstalls_ej: Option<(Date, String)>,
    /// The decision will never be carried out, for a reason that ends the duty
    /// (the person declined, moved away or died), and the day that happened.
    #[serde(default)]
    pub upphort: Option<(Date, Upphorandeorsak)>,
}

impl Verkstallighet {
    pub fn avbruten(&self) -> Option<Date> {
        self.avbrott
            .last()
            .and_then(|(fran, till)| till.is_none().then_some(*fran))
    }
    pub fn pagar(&self) -> bool {
        self.paborjad.is_some() && self.avslutad.is_none()
    }

    /// The day the insats began, while the person gets it: begun, not ended, and not
    /// interrupted now. What Mina sidor says as "Du får … sedan …" (issue 19 item 2).
    pub fn ges_sedan(&self) -> Option<Date> {
        self.paborjad
            .filter(|_| self.pagar() && self.avbruten().is_none())
    }

    /// Still owed: not started, and not ended for a reason that ends the duty.
    pub fn vantar(&self) -> bool {
        self.paborjad.is_none() && self.upphort.is_none()
    }
}

/// The utförare's plan for carrying out an ordered insats, made with the person
/// (seed 004 §2.8.1: built on the person's self-determination, made by the
/// utförare together with the person from the nämnd's order, with goals from the
/// person's needs; SOSFS 2014:5 on documenting how an insats is carried out).
/// The state holds the latest version per decision; every version stays in the
/// case's history as its own event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Genomforandeplan {
    pub beslut: BeslutId,
    /// 1 for the first plan, counting up with every revision.
    pub version: u32,
    pub datum: Date,
    /// The person's goals, in their own words.
    pub mal: String,
    /// How the insats is carried out: what is done, by whom, when.
    pub genomforande: String,
    /// How the person took part, and what they think of the plan.
    pub delaktighet: String,
    /// When the plan is followed up with the person.
    pub uppfoljning: Option<Date>,
}

/// The longest text of one field of a genomförandeplan: as long as a message.
pub const PLAN_MAX_TECKEN: usize = MEDDELANDE_MAX_TECKEN;

/// A granted decision will not be carried out, for a reason that ends the duty
/// to report it (SoL 34 kap. 1–2 §§): the person declined, moved or died, and
/// the day. The step and its event carry the same facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpphorandeUppgifter {
    pub beslut: BeslutId,
    pub datum: Date,
    pub orsak: Upphorandeorsak,
    pub kommentar: String,
}

impl Arende {
    /// The current genomförandeplan of an ordered insats, if one has been made.
    pub fn genomforandeplan(&self, beslut: BeslutId) -> Option<&Genomforandeplan> {
        self.genomforandeplaner.iter().find(|p| p.beslut == beslut)
    }
}

pub(super) fn kandidat(typ: KommandoTyp, b: &BeslutLage) -> bool {
    use KommandoTyp as T;
    let v = &b.verkstallighet;
    match typ {
        T::Bestall => b.beviljar() && v.bestalld.is_none() && v.upphort.is_none(),
        T::StartaVerkstallighet => v.bestalld.is_some() && v.paborjad.is_none(),
        T::AvbrytVerkstallighet => v.ges_sedan().is_some(),
        T::AterupptaVerkstallighet => v.pagar() && v.avbruten().is_some(),
        T::AvslutaVerkstallighet => v.pagar(),
        // SoL 34 kap. 1 §: the reason for the delay may change while it lasts.
        T::RegistreraEjVerkstallt | T::RegistreraUpphorande => b.beviljar() && v.vantar(),
        // seed 004 §2.8.1: the utförare plans from the nämnd's order, for
        // as long as the insats goes on; a plan may come before the start.
        T::UpprattaGenomforandeplan => {
            b.beviljar() && v.bestalld.is_some() && v.avslutad.is_none() && v.upphort.is_none()
        }
        // Försörjningsstöd is carried out by paying it.
        T::PlaneraUtbetalning => {
            b.beviljar() && b.beslut.insats == InsatsTyp::Forsorjningsstod && v.upphort.is_none()
        }
        _ => false,
    }
}

pub(super) fn kan(a: &Arende, typ: KommandoTyp) -> Result<(), String> {
    use KommandoTyp as T;
    match typ {
        T::AttesteraUtbetalning => {
            if a.utbetalningar.iter().any(Utbetalning::vantar_pa_attest) {
                Ok(())
            } else {
                super::kommando::tillstand("Ingen utbetalning väntar på attest.")
            }
        }
        T::RegistreraUtbetald => {
            if a.utbetalningar.iter().any(Utbetalning::klar_att_skicka) {
                Ok(())
            } else {
                super::kommando::tillstand("Ingen utbetalning är klar att skicka.")
            }
        }
        T::MakuleraUtbetalning => {
            if a.utbetalningar.iter().any(Utbetalning::vantar) {
                Ok(())
            } else {
                super::kommando::tillstand("Ingen planerad utbetalning väntar.")
            }
        }
        _ => per_beslut(a, typ),
    }
}

fn utbetalningen(a: &Arende, id: UtbetalningId) -> Result<&Utbetalning, Avvisning> {
    a.utbetalningar.iter().find(|u| u.id == id).ok_or_else(|| {
        Avvisning::Fakta(vec![super::kommando::Faktafel {
            fakta: "utbetalning",
            text: "Välj en utbetalning i listan.".into(),
        }])
    })
}

pub(super) fn handle(
    a: &Arende,
    kommando: Kommando,
    ctx: &Kontext,
    fel: &mut Fel,
) -> Result<Vec<Handelse>, Avvisning> {
    let idag = ctx.idag;
    Ok(match kommando {
        Kommando::Bestall {
            beslut,
            utforare,
            datum,
            uppdrag,
            villkor,
        } => {
            let b = valt_beslut(a, KommandoTyp::Bestall, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &uppdrag,
                "uppdrag",
                "Beskriv uppdraget: vad utföraren behöver veta.",
            );
            // SoL 4 kap. 1 §: the decision sets the scope; a granted zero is no order.
            fel.om(
                villkor
                    .and_then(|v| v.beviljat_per_manad)
                    .is_some_and(|b| b <= 0),
                "beviljat",
                "Det beviljade per månad ska vara mer än noll, eller lämnas tomt.",
            );
            vec![Handelse::Bestalld {
                beslut,
                utforare,
                datum,
                uppdrag,
                villkor,
            }]
        }
        Kommando::StartaVerkstallighet { beslut, datum } => {
            let b = valt_beslut(a, KommandoTyp::StartaVerkstallighet, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            vec![Handelse::VerkstallighetPaborjad { beslut, datum }]
        }
        Kommando::AvbrytVerkstallighet {
            beslut,
            datum,
            orsak,
        } => {
            let b = valt_beslut(a, KommandoTyp::AvbrytVerkstallighet, beslut)?;
            if let Some(start) = b.verkstallighet.paborjad {
                fel.inte_fore(datum, start, "datum", "att insatsen började");
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&orsak, "orsak", "Skriv orsaken till avbrottet.");
            vec![Handelse::VerkstallighetAvbruten {
                beslut,
                datum,
                orsak,
            }]
        }
        Kommando::AterupptaVerkstallighet { beslut, datum } => {
            let b = valt_beslut(a, KommandoTyp::AterupptaVerkstallighet, beslut)?;
            if let Some(avbrott) = b.verkstallighet.avbruten() {
                fel.inte_fore(datum, avbrott, "datum", "avbrottet");
            }
            fel.inte_framtid(datum, idag, "datum");
            vec![Handelse::VerkstallighetAterupptagen { beslut, datum }]
        }
        Kommando::AvslutaVerkstallighet {
            beslut,
            datum,
            orsak,
        } => {
            let b = valt_beslut(a, KommandoTyp::AvslutaVerkstallighet, beslut)?;
            if let Some(start) = b.verkstallighet.paborjad {
                fel.inte_fore(datum, start, "datum", "att insatsen började");
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&orsak, "orsak", "Skriv varför insatsen avslutades.");
            vec![Handelse::VerkstallighetAvslutad {
                beslut,
                datum,
                orsak,
            }]
        }
        Kommando::RegistreraEjVerkstallt {
            beslut,
            datum,
            skal,
        } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraEjVerkstallt, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &skal,
                "skal",
                "Skriv varför verkställigheten dröjer, till exempel att det saknas en ledig plats.",
            );
            vec![Handelse::VerkstallsEj {
                beslut,
                datum,
                skal,
            }]
        }
        Kommando::RegistreraUpphorande(u) => {
            let b = valt_beslut(a, KommandoTyp::RegistreraUpphorande, u.beslut)?;
            fel.inte_fore(u.datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(u.datum, idag, "datum");
            vec![Handelse::VerkstallighetUpphort(u)]
        }
        Kommando::UpprattaGenomforandeplan {
            beslut,
            datum,
            mal,
            genomforande,
            delaktighet,
            uppfoljning,
        } => {
            let b = valt_beslut(a, KommandoTyp::UpprattaGenomforandeplan, beslut)?;
            fel.inte_framtid(datum, idag, "datum");
            if let Some((bestalld, _)) = b.verkstallighet.bestalld {
                fel.inte_fore(datum, bestalld, "datum", "beställningen");
            }
            // seed 004 §2.8.1: goals for the insats from the person's needs; SOSFS
            // 2014:5: how the insats is carried out is documented.
            fel.text_kravs(
                &mal,
                "mal",
                "Skriv den enskildes mål, gärna med hens egna ord.",
            );
            fel.text_kravs(
                &genomforande,
                "genomforande",
                "Skriv hur insatsen genomförs: vad som görs, av vem och när.",
            );
            fel.inte_for_lang(&mal, "mal");
            fel.inte_for_lang(&genomforande, "genomforande");
            fel.inte_for_lang(&delaktighet, "delaktighet");
            if let Some(u) = uppfoljning {
                fel.om(
                    u < datum,
                    "uppfoljning",
                    "Uppföljningen kan inte ligga före planens datum.",
                );
            }
            vec![Handelse::GenomforandeplanUpprattad {
                beslut,
                datum,
                mal: mal.trim().to_owned(),
                genomforande: genomforande.trim().to_owned(),
                delaktighet: delaktighet.trim().to_owned(),
                uppfoljning,
            }]
        }
        Kommando::PlaneraUtbetalning {
            id,
            beslut,
            mottagare,
            konto,
            belopp,
            dag,
            manuell,
            attestgrans,
        } => {
            let b = valt_beslut(a, KommandoTyp::PlaneraUtbetalning, beslut)?;
            fel.inte_fore(dag, b.beslut.datum, "dag", "beslutsdagen");
            let manad = Manad::for_dag(b.beslut.period_fran.unwrap_or(b.beslut.datum));
            // The decision pays what the month's calculation approved, never more.
            match a.forsorjningsstod.iter().find(|(m, _)| *m == manad) {
                None => fel.om(
                    true,
                    "beslut",
                    format!(
                        "Beräkna försörjningsstödet för {} först: en utbetalning kan inte vara större än det beräknade.",
                        manad.namn()
                    ),
                ),
                Some((_, beviljat)) => {
                    let planerat: Kronor = a
                        .utbetalningar
                        .iter()
                        .filter(|u| u.beslut == beslut && u.makulerad.is_none())
                        .map(|u| u.belopp)
                        .sum();
                    fel.om(belopp <= 0, "belopp", "Skriv ett belopp större än noll.");
                    fel.om(
                        belopp > 0 && planerat + belopp > *beviljat,
                        "belopp",
                        format!(
                            "Beräkningen för {} ger {beviljat} kr och {planerat} kr är redan planerat: högst {} kr kan betalas ut till.",
                            manad.namn(),
                            (*beviljat - planerat).max(0)
                        ),
                    );
                }
            }
            if let Mottagare::Hyresvard { namn } = &mottagare {
                fel.om(
                    namn.trim().is_empty(),
                    "mottagare",
                    "Skriv hyresvärdens namn.",
                );
            }
            vec![Handelse::UtbetalningPlanerad(Box::new(Utbetalning {
                id,
                beslut,
                manad,
                mottagare,
                konto,
                belopp,
                dag,
                manuell,
                attestgrans,
                registrerad_av: ctx.aktor,
                attest: None,
                skickad: None,
                makulerad: None,
            }))]
        }
        Kommando::AttesteraUtbetalning { utbetalning, datum } => {
            let u = utbetalningen(a, utbetalning)?;
            fel.inte_framtid(datum, idag, "datum");
            fel.om(
                !u.vantar_pa_attest(),
                "utbetalning",
                "Utbetalningen väntar inte på attest.",
            );
            // Four eyes: the one who registered a payment never attests it.
            fel.om(
                u.registrerad_av == ctx.aktor,
                "utbetalning",
                "Du registrerade utbetalningen och kan inte själv attestera den. En annan person ska granska den.",
            );
            vec![Handelse::UtbetalningAttesterad {
                utbetalning,
                datum,
                av: ctx.aktor,
            }]
        }
        Kommando::RegistreraUtbetald { utbetalning, datum } => {
            let u = utbetalningen(a, utbetalning)?;
            fel.inte_framtid(datum, idag, "datum");
            fel.om(
                !u.vantar(),
                "utbetalning",
                "Utbetalningen är redan skickad eller makulerad.",
            );
            fel.om(
                u.vantar() && !u.klar_att_skicka(),
                "utbetalning",
                "Utbetalningen ska attesteras av en annan person innan den skickas.",
            );
            vec![Handelse::UtbetalningSkickad { utbetalning, datum }]
        }
        Kommando::MakuleraUtbetalning {
            utbetalning,
            datum,
            skal,
        } => {
            let u = utbetalningen(a, utbetalning)?;
            fel.inte_framtid(datum, idag, "datum");
            fel.om(
                !u.vantar(),
                "utbetalning",
                "Bara en utbetalning som inte har skickats kan makuleras.",
            );
            fel.text_kravs(&skal, "skal", "Skriv varför utbetalningen makuleras.");
            vec![Handelse::UtbetalningMakulerad {
                utbetalning,
                datum,
                skal: skal.trim().to_owned(),
            }]
        }
        annan => return Err(fel_fas(&annan)),
    })
}

impl Arende {
    fn utbetalning_mut(&mut self, id: UtbetalningId) -> Option<&mut Utbetalning> {
        self.utbetalningar.iter_mut().find(|u| u.id == id)
    }

    pub(super) fn tillampa_verkstallighet(&mut self, h: &Handelse) {
        match h {
            Handelse::UtbetalningPlanerad(u) => self.utbetalningar.push((**u).clone()),
            Handelse::UtbetalningAttesterad {
                utbetalning,
                datum,
                av,
            } => {
                if let Some(u) = self.utbetalning_mut(*utbetalning) {
                    u.attest = Some((*av, *datum));
                }
            }
            Handelse::UtbetalningMakulerad {
                utbetalning,
                datum,
                skal,
            } => {
                if let Some(u) = self.utbetalning_mut(*utbetalning) {
                    u.makulerad = Some((*datum, skal.clone()));
                }
            }
            Handelse::UtbetalningSkickad { utbetalning, datum } => {
                let Some(u) = self.utbetalning_mut(*utbetalning) else {
                    return;
                };
                u.skickad = Some(*datum);
                let beslut = u.beslut;
                // Försörjningsstöd is carried out when it is paid: the first payment sent
                // is the day the decision was enforced (SoL 34 kap. 1–2 §§), so a paid
                // month never stands as ej verkställt in the report to IVO.
                // An insats the handläggare started and runs as such (ordered, started)
                // is ended by its own step.
                if let Some(b) = self.beslut_mut(beslut) {
                    let v = &mut b.verkstallighet;
                    if v.paborjad.is_none() {
                        v.paborjad = Some(*datum);
                        v.avslutad.get_or_insert(*datum);
                    }
                }
            }
            Handelse::VerkstallighetUpphort(UpphorandeUppgifter {
                beslut,
                datum,
                orsak,
                ..
            }) => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.upphort = Some((*datum, *orsak));
                }
            }
            Handelse::Bestalld {
                beslut,
                utforare,
                datum,
                ..
            } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.bestalld = Some((*datum, *utforare));
                }
            }
            Handelse::VerkstallighetPaborjad { beslut, datum } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.paborjad = Some(*datum);
                }
            }
            Handelse::VerkstallighetAvbruten { beslut, datum, .. } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.avbrott.push((*datum, None));
                }
            }
            Handelse::VerkstallighetAterupptagen { beslut, datum } => {
                if let Some(sista) = self
                    .beslut_mut(*beslut)
                    .and_then(|b| b.verkstallighet.avbrott.last_mut())
                {
                    sista.1 = Some(*datum);
                }
            }
            Handelse::VerkstallighetAvslutad { beslut, datum, .. } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.avslutad = Some(*datum);
                }
            }
            Handelse::VerkstallsEj {
                beslut,
                datum,
                skal,
            } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.verkstalls_ej = Some((*datum, skal.clone()));
                }
            }
            Handelse::GenomforandeplanUpprattad {
                beslut,
                datum,
                mal,
                genomforande,
                delaktighet,
                uppfoljning,
            } => {
                let version = self.genomforandeplan(*beslut).map_or(1, |p| p.version + 1);
                let plan = Genomforandeplan {
                    beslut: *beslut,
                    version,
                    datum: *datum,
                    mal: mal.clone(),
                    genomforande: genomforande.clone(),
                    delaktighet: delaktighet.clone(),
                    uppfoljning: *uppfoljning,
                };
                // A new version replaces the plan; the earlier ones stay in the history.
                match self
                    .genomforandeplaner
                    .iter_mut()
                    .find(|p| p.beslut == *beslut)
                {
                    Some(p) => *p = plan,
                    None => self.genomforandeplaner.push(plan),
                }
            }
            // Events of other phases are folded there (`Arende::tillampa`).
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;

    /// SoL 34 kap. 1–2 §§: a reason for the delay explains it and is reported with it; it
    /// does not end the duty. Only a reason that ends it (declined, moved, died) does.
    #[test]
    fn sol_34_skal_for_drojsmal_avslutar_inte_men_upphorande_gor_det() {
        let mut f = bifall_skickat_forenklad();
        f.steg(Kommando::RegistreraEjVerkstallt {
            beslut: B_BIFALL,
            datum: date!(2026 - 03 - 01),
            skal: "Väntar på ledig plats".into(),
        });
        assert!(
            f.arende()
                .hinder_for_avslut()
                .iter()
                .any(|h| h.contains("SoL 34 kap. 1 §"))
        );
        assert_eq!(av_typ(f.arende(), BevakningsTyp::Verkstallighet).len(), 1);
        assert!(f.kan(T::Bestall).is_ok());
        // The reason may change while the delay lasts.
        assert!(f.kan(T::RegistreraEjVerkstallt).is_ok());
        f.steg(Kommando::RegistreraUpphorande(UpphorandeUppgifter {
            beslut: B_BIFALL,
            datum: date!(2026 - 03 - 02),
            orsak: Upphorandeorsak::TackatNej,
            kommentar: "Vill inte ha behandling nu".into(),
        }));
        assert_eq!(f.arende().hinder_for_avslut(), Vec::<String>::new());
        // No longer watched for enforcement; no longer to be ordered.
        assert!(av_typ(f.arende(), BevakningsTyp::Verkstallighet).is_empty());
        assert!(f.kan(T::Bestall).is_err());
        f.steg(avsluta(date!(2026 - 03 - 02)));
        assert_eq!(f.arende().status(), Status::Avslutat);
    }

    #[test]
    fn genomforandeplan_bara_for_bestalld_insats_som_inte_slutat() {
        // Granted but not ordered: the utförare has nothing to plan from.
        assert!(bifall_fattat().kan(T::UpprattaGenomforandeplan).is_err());
        // Ordered: the plan may come before the insats starts.
        assert!(bestallt().kan(T::UpprattaGenomforandeplan).is_ok());
        assert!(
            verkstallighet_pagar()
                .kan(T::UpprattaGenomforandeplan)
                .is_ok()
        );
        // Ended: nothing more to plan.
        let f = verkstallighet_avslutad();
        assert!(f.kan(T::UpprattaGenomforandeplan).is_err());
        assert!(matches!(
            f.forsok(plan(date!(2026 - 06 - 01), None)),
            Err(Avvisning::Tillstand(_))
        ));
        // A refused decision is never ordered, and is not a candidate.
        let f = avslag_delgivet();
        let r = handle(
            f.a.as_ref(),
            Kommando::UpprattaGenomforandeplan {
                beslut: B_AVSLAG,
                datum: date!(2026 - 03 - 01),
                mal: "m".into(),
                genomforande: "g".into(),
                delaktighet: String::new(),
                uppfoljning: None,
            },
            &ktx(),
        );
        assert!(matches!(r, Err(Avvisning::Tillstand(_))), "{r:?}");
    }

    #[test]
    fn genomforandeplan_kraver_mal_och_genomforande() {
        let f = bestallt();
        let r = f.forsok(Kommando::UpprattaGenomforandeplan {
            beslut: B_BIFALL,
            datum: date!(2026 - 02 - 20),
            mal: "  ".into(),
            genomforande: String::new(),
            delaktighet: String::new(),
            uppfoljning: None,
        });
        assert_eq!(falt(r), vec!["mal", "genomforande"]);
        // The person's part may be left out; the plan is still a plan.
        let h = f.forsok(Kommando::UpprattaGenomforandeplan {
            beslut: B_BIFALL,
            datum: date!(2026 - 02 - 20),
            mal: " Jag vill sova bättre ".into(),
            genomforande: "Samtal".into(),
            delaktighet: String::new(),
            uppfoljning: None,
        });
        let h = h.expect("accepted");
        assert!(
            matches!(&h[..], [Handelse::GenomforandeplanUpprattad { mal, .. }] if mal == "Jag vill sova bättre")
        );
    }

    #[test]
    fn genomforandeplan_datum_och_langd() {
        let f = bestallt();
        // Not in the future, not before the order (9 February).
        assert_eq!(falt(f.forsok(plan(dag_efter(IDAG), None))), vec!["datum"]);
        assert_eq!(
            falt(f.forsok(plan(date!(2026 - 02 - 08), None))),
            vec!["datum"]
        );
        // The follow-up not before the plan; the same day is allowed.
        assert_eq!(
            falt(f.forsok(plan(date!(2026 - 03 - 10), Some(date!(2026 - 03 - 09))))),
            vec!["uppfoljning"]
        );
        assert!(
            f.forsok(plan(date!(2026 - 03 - 10), Some(date!(2026 - 03 - 10))))
                .is_ok()
        );
        let lang = "a".repeat(PLAN_MAX_TECKEN + 1);
        let r = f.forsok(Kommando::UpprattaGenomforandeplan {
            beslut: B_BIFALL,
            datum: date!(2026 - 02 - 20),
            mal: lang.clone(),
            genomforande: lang.clone(),
            delaktighet: lang,
            uppfoljning: None,
        });
        assert_eq!(falt(r), vec!["mal", "genomforande", "delaktighet"]);
    }

    #[test]
    fn genomforandeplan_ny_version_ersatter_den_gamla() {
        let mut f = verkstallighet_pagar().med(plan(date!(2026 - 02 - 20), None));
        let p = f.arende().genomforandeplan(B_BIFALL).expect("a plan");
        assert_eq!((p.version, p.datum), (1, date!(2026 - 02 - 20)));
        f.steg(Kommando::UpprattaGenomforandeplan {
            beslut: B_BIFALL,
            datum: date!(2026 - 03 - 20),
            mal: "Jag vill ha en egen bostad".into(),
            genomforande: "Samtal och hjälp att söka bostad".into(),
            delaktighet: "Vi skrev planen tillsammans".into(),
            uppfoljning: Some(date!(2026 - 04 - 20)),
        });
        let a = f.arende();
        assert_eq!(a.genomforandeplaner.len(), 1, "one plan per insats");
        let p = a.genomforandeplan(B_BIFALL).expect("a plan");
        assert_eq!(p.version, 2);
        assert_eq!(p.mal, "Jag vill ha en egen bostad");
        assert_eq!(p.uppfoljning, Some(date!(2026 - 04 - 20)));
        // Both versions are in the history, and folding it gives the same state.
        let versioner = f
            .logg
            .iter()
            .filter(|h| matches!(h, Handelse::GenomforandeplanUpprattad { .. }))
            .count();
        assert_eq!(versioner, 2);
        assert_eq!(Arende::fran_handelser(ARENDE, &f.logg).as_ref(), Some(a));
    }

    #[test]
    fn genomforandeplan_saknas_i_gammalt_lagrat_tillstand() {
        // A state stored before plans existed reads as a case without plans.
        let a = verkstallighet_pagar().arende().clone();
        let mut json = serde_json::to_value(&a).unwrap();
        json.as_object_mut().unwrap().remove("genomforandeplaner");
        let last: Arende = serde_json::from_value(json).unwrap();
        assert_eq!(last, a);
    }

    #[test]
    fn genomforandeplan_uppfoljning_bevakas() {
        // Running since 16 February without follow-up: due 16 May by the three-month rule.
        let f = verkstallighet_pagar();
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::Uppfoljning),
            vec![date!(2026 - 05 - 16)]
        );
        // The plan agrees on an earlier day: that is the day watched, one bevakning.
        let f = f.med(plan(date!(2026 - 02 - 20), Some(date!(2026 - 04 - 01))));
        let b = av_typ(f.arende(), BevakningsTyp::Uppfoljning);
        assert_eq!(
            b,
            vec![Bevakning {
                nyckel: format!("uppfoljning:plan:{B_BIFALL}"),
                typ: BevakningsTyp::Uppfoljning,
                datum: date!(2026 - 04 - 01),
                beslut: Some(B_BIFALL),
            }]
        );
        // A later agreed day does not postpone the three-month rule.
        let sen =
            verkstallighet_pagar().med(plan(date!(2026 - 02 - 20), Some(date!(2026 - 07 - 01))));
        assert_eq!(
            bevakning_av(sen.arende(), BevakningsTyp::Uppfoljning),
            vec![date!(2026 - 05 - 16)]
        );
        // Followed up: the plan's day is met; the follow-up's own booking is watched.
        let f = f.med(uppfoljning(
            Some(B_BIFALL),
            date!(2026 - 04 - 01),
            Some(date!(2026 - 07 - 01)),
        ));
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::Uppfoljning),
            vec![date!(2026 - 07 - 01)]
        );
        // The plan revised at that meeting, with an earlier follow-up: it is watched.
        let f = f.med(plan(date!(2026 - 04 - 01), Some(date!(2026 - 06 - 01))));
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::Uppfoljning),
            vec![date!(2026 - 06 - 01)]
        );
        // The insats ends: the follow-up at the end is owed, not the plan's.
        let f = f.med(Kommando::AvslutaVerkstallighet {
            beslut: B_BIFALL,
            datum: date!(2026 - 05 - 29),
            orsak: "Klar".into(),
        });
        assert!(f.arende().planerade_uppfoljningar().is_empty());
    }

    #[test]
    fn genomforandeplan_fore_start_bevakas() {
        // Ordered, not started: the three-month rule for follow-up has not begun,
        // but the day agreed in the plan is watched.
        let f = bestallt();
        assert!(bevakning_av(f.arende(), BevakningsTyp::Uppfoljning).is_empty());
        let f = f.med(plan(date!(2026 - 02 - 12), Some(date!(2026 - 05 - 12))));
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::Uppfoljning),
            vec![date!(2026 - 05 - 12)]
        );
        // A follow-up of another insats does not meet it; one of the whole case does.
        let annan = BeslutId(Uuid::from_u128(999));
        let mut a = f.arende().clone();
        a.uppfoljningar.push(Uppfoljning {
            beslut: Some(annan),
            datum: date!(2026 - 03 - 01),
            maluppfyllelse: Maluppfyllelse::Uppnatt,
            nasta: None,
        });
        assert_eq!(
            a.planerade_uppfoljningar(),
            vec![(B_BIFALL, date!(2026 - 05 - 12))]
        );
        a.uppfoljningar.push(Uppfoljning {
            beslut: None,
            datum: date!(2026 - 03 - 01),
            maluppfyllelse: Maluppfyllelse::Uppnatt,
            nasta: None,
        });
        assert!(a.planerade_uppfoljningar().is_empty());
    }

    /// seed 004 §4.2: heldygnsvård normally at most three months before a review; §4.2.5:
    /// träningslägenhet at most four years. Both are watched and confirmed by kvittering.
    #[test]
    fn seed_004_placering_tre_manader_och_traningslagenhet_fyra_ar() {
        let f = placering(InsatsTyp::Hvb, None);
        let b = av_typ(f.arende(), BevakningsTyp::Placeringstid);
        assert_eq!(b.len(), 1);
        // fatta() grants from the decision day, 5 February.
        assert_eq!(b[0].datum, date!(2026 - 05 - 05));
        assert!(BevakningsTyp::Placeringstid.kan_kvitteras());
        // Granted for three months or less: the period's own end brings a new decision.
        let f = placering(InsatsTyp::Hvb, Some(date!(2026 - 04 - 30)));
        assert!(av_typ(f.arende(), BevakningsTyp::Placeringstid).is_empty());
        let f = placering(InsatsTyp::Traningslagenhet, None);
        let b = av_typ(f.arende(), BevakningsTyp::Traningslagenhet);
        assert_eq!(b[0].datum, date!(2030 - 02 - 05));
        assert!(av_typ(f.arende(), BevakningsTyp::Placeringstid).is_empty());
        // Kvitterad: gone.
        let mut f = placering(InsatsTyp::Hvb, None);
        f.steg(Kommando::KvitteraBevakning {
            nyckel: format!("placeringstid:{B_BIFALL}"),
            datum: IDAG,
        });
        assert!(av_typ(f.arende(), BevakningsTyp::Placeringstid).is_empty());
    }
}
