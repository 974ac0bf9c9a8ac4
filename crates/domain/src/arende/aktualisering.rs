//! Aktualisering: how a case starts (an ansökan, an anmälan or other
//! information, SoL 11 kap. 1 §, SoL 14 kap. 1–2 §§), the förhandsbedömning of
//! what was not an application, further applications in the same case, the
//! person's withdrawal of one (återkallelse), and who handles the case.

use serde::{Deserialize, Serialize};

use super::kommando::{Fel, fel_fas, tillstand};
use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AktualiseringsTyp {
    Ansokan,
    Anmalan,
    Information,
}

impl AktualiseringsTyp {
    pub fn namn(self) -> &'static str {
        match self {
            Self::Ansokan => "Ansökan",
            Self::Anmalan => "Anmälan",
            Self::Information => "Övrig information",
        }
    }
}

/// Why an open case may be the one a new ansökan belongs in (issue 20, item 2): it
/// is handled by the enhet the new case would go to, and/or the person has
/// already applied for some of the same insatser in it. A second case about the
/// same need splits the investigation, the journal and the time limits in two;
/// a further ansökan is added to the open case instead (SoL 11 kap. 1 §: one
/// investigation of the need, `Kommando::AnsokInsats`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MojligDubblett {
    pub samma_enhet: bool,
    /// The insatser of the new ansökan already applied for in the open case and
    /// not withdrawn.
    pub samma_insatser: Vec<InsatsTyp>,
}

/// Whether `oppet` may be a duplicate of a new ansökan to `enhet` for `insatser`:
/// the one rule the new-case form asks. A closed case never is (a new need after
/// avslut is a new case); an open one is when it is handled by the same enhet or
/// has one of the same insatser applied for.
pub fn mojlig_dubblett(
    oppet: &Arende,
    enhet: Option<EnhetId>,
    insatser: &[InsatsTyp],
) -> Option<MojligDubblett> {
    if oppet.status() == Status::Avslutat {
        return None;
    }
    let samma_enhet = enhet == Some(oppet.enhet);
    let mut samma_insatser: Vec<InsatsTyp> = vec![];
    for i in insatser {
        // Withdrawn as often as applied for: no longer applied for in the case.
        let ansokt = oppet.ansokta.iter().filter(|(a, _)| a == i).count();
        let aterkallat = oppet.aterkallade.iter().filter(|(a, _)| a == i).count();
        if ansokt > aterkallat && !samma_insatser.contains(i) {
            samma_insatser.push(*i);
        }
    }
    (samma_enhet || !samma_insatser.is_empty()).then_some(MojligDubblett {
        samma_enhet,
        samma_insatser,
    })
}

/// The person withdraws the application for an insats (återkallelse): the
/// insats needs no decision any more. When and how it was said is recorded
/// (FL 27 §). The step and its event carry the same facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AterkallelseUppgifter {
    pub insats: InsatsTyp,
    pub datum: Date,
    pub kanal: Kanal,
    pub kommentar: String,
}

impl Arende {
    /// The state a case starts in from its first event.
    pub fn skapa(id: ArendeId, forsta: &Handelse) -> Option<Self> {
        let (typ, person, enhet, handlaggare, inkom, ansokta) = match forsta {
            Handelse::AnsokanRegistrerad {
                person,
                enhet,
                handlaggare,
                inkom,
                insatser,
                ..
            } => (
                AktualiseringsTyp::Ansokan,
                *person,
                *enhet,
                *handlaggare,
                *inkom,
                insatser.iter().map(|i| (*i, *inkom)).collect(),
            ),
            Handelse::AnmalanRegistrerad {
                person,
                enhet,
                handlaggare,
                inkom,
                ..
            } => (
                AktualiseringsTyp::Anmalan,
                *person,
                *enhet,
                *handlaggare,
                *inkom,
                vec![],
            ),
            Handelse::InformationRegistrerad {
                person,
                enhet,
                handlaggare,
                inkom,
                ..
            } => (
                AktualiseringsTyp::Information,
                *person,
                *enhet,
                *handlaggare,
                *inkom,
                vec![],
            ),
            _ => return None,
        };
        Some(Self {
            id,
            person,
            enhet,
            handlaggare,
            typ,
            inkom,
            ansokta,
            forhandsbedomning: None,
            utredning_inledd: None,
            utredning_avslutad: None,
            kommuniceringar: vec![],
            beslut: vec![],
            uppfoljningar: vec![],
            kvitterade: vec![],
            journal: vec![],
            avslut: None,
            begaran_om_avgorande: None,
            dokument: vec![],
            meddelanden: vec![],
            kompletteringar: vec![],
            motesforfragningar: vec![],
            handlaggarbyten: vec![],
            genomforandeplaner: vec![],
            forsorjningsstod: vec![],
            senaste_forsorjningsstod: None,
            hushall: vec![],
            utbetalningar: vec![],
            manadsansokningar: vec![],
            bekraftelser: vec![],
            planering: Default::default(),
            bistand_avslutat: None,
            forsorjningshinder: vec![],
            fordjupad: vec![],
            skyddsrutiner: vec![],
            utredningsavsnitt: vec![],
            utredningsbedomning: None,
            forslag_till_beslut: None,
            aterkallade: vec![],
            forhandsinformerad: None,
            drojsmal: vec![],
            beslut_vantas: None,
        })
    }
}

/// The first step of a case: the event that starts it, checked.
pub(super) fn aktualisera(
    h: Handelse,
    idag: Date,
    fel: &mut Fel,
) -> Result<Vec<Handelse>, Avvisning> {
    match &h {
        Handelse::AnsokanRegistrerad {
            inkom,
            insatser,
            beskrivning: _,
            ombud,
            ..
        } => {
            fel.inte_framtid(*inkom, idag, "inkom");
            fel.om(
                insatser.is_empty(),
                "insatser",
                "Välj minst en insats som ansökan gäller.",
            );
            if let Some(o) = ombud {
                fel.text_kravs(&o.namn, "ombud.namn", "Skriv ombudets namn.");
                fel.text_kravs(
                    &o.fullmakt_omfattning,
                    "ombud.fullmakt_omfattning",
                    "Skriv vad fullmakten omfattar.",
                );
                fel.inte_framtid(o.fullmakt_datum, idag, "ombud.fullmakt_datum");
            }
        }
        Handelse::AnmalanRegistrerad {
            inkom,
            anmalare,
            beskrivning,
            ..
        } => {
            fel.inte_framtid(*inkom, idag, "inkom");
            fel.text_kravs(beskrivning, "beskrivning", "Skriv vad anmälan gäller.");
            if let Anmalare::Namngiven { namn, .. } = anmalare {
                fel.text_kravs(
                    namn,
                    "anmalare.namn",
                    "Skriv anmälarens namn, eller välj anonym anmälare.",
                );
            }
        }
        Handelse::InformationRegistrerad {
            inkom,
            kalla,
            beskrivning,
            ..
        } => {
            fel.inte_framtid(*inkom, idag, "inkom");
            fel.text_kravs(kalla, "kalla", "Skriv varifrån informationen kom.");
            fel.text_kravs(
                beskrivning,
                "beskrivning",
                "Skriv vad informationen gäller.",
            );
        }
        _ => {
            return Err(Avvisning::Tillstand(
                "Ett ärende börjar med en ansökan, en anmälan eller annan information.".into(),
            ));
        }
    }
    fel.klart()?;
    Ok(vec![h])
}

pub(super) fn kan(a: &Arende, typ: KommandoTyp) -> Result<(), String> {
    use KommandoTyp as T;
    match typ {
        T::Forhandsbedom => {
            if a.typ == AktualiseringsTyp::Ansokan {
                tillstand("En ansökan utreds utan förhandsbedömning (SoL 14 kap. 2 §).")
            } else if a.forhandsbedomning.is_some() {
                tillstand("Förhandsbedömningen är redan gjord.")
            } else {
                Ok(())
            }
        }
        T::AterkallaAnsokan => {
            if a.obeslutade_insatser().is_empty() {
                tillstand("Det finns ingen obeslutad ansökan att återkalla.")
            } else {
                Ok(())
            }
        }
        // Aktualisera is decided before any case exists (`kommando::kan`).
        _ => Ok(()),
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
        Kommando::Aktualisera(_) => unreachable!("kan() refuses Aktualisera on a case"),
        Kommando::AnsokInsats {
            insats,
            datum,
            kanal,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            vec![Handelse::InsatsAnsokt {
                insats,
                datum,
                kanal,
            }]
        }
        Kommando::Forhandsbedom {
            datum,
            utfall,
            skal,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "att anmälan kom in");
            fel.text_kravs(&skal, "skal", "Skriv skälen för bedömningen.");
            let mut h = vec![Handelse::Forhandsbedomd {
                datum,
                utfall,
                skal,
            }];
            match utfall {
                // SoL 14 kap. 2 §: open an utredning without delay.
                ForhandsbedomningsUtfall::InledUtredning => h.push(Handelse::UtredningInledd {
                    datum,
                    beslut_vantas: a.standard_beslut_vantas(datum),
                }),
                ForhandsbedomningsUtfall::InledEj => h.push(Handelse::ArendeAvslutat {
                    datum,
                    orsak: Avslutsorsak::InledsEj,
                    kommentar: String::new(),
                }),
            }
            h
        }
        Kommando::AterkallaAnsokan(x) => {
            fel.om(
                !a.obeslutade_insatser().contains(&x.insats),
                "insats",
                "Välj en ansökt insats som inte har något beslut.",
            );
            let ansokt = a
                .ansokta
                .iter()
                .filter(|(i, _)| *i == x.insats)
                .map(|(_, d)| *d)
                .min()
                .unwrap_or(a.inkom);
            fel.inte_fore(x.datum, ansokt, "datum", "ansökan");
            fel.inte_framtid(x.datum, idag, "datum");
            // FL 27 §: what the person said orally is written down with when and how.
            fel.om(
                x.kanal != Kanal::Papper
                    && x.kanal != Kanal::Digital
                    && x.kommentar.trim().is_empty(),
                "kommentar",
                "Skriv vad den enskilde sa, när hen återkallade ansökan muntligt (FL 27 §).",
            );
            vec![Handelse::AnsokanAterkallad(x)]
        }
        Kommando::TilldelaHandlaggare { handlaggare } => {
            fel.om(
                a.handlaggare == Some(handlaggare),
                "handlaggare",
                "Den handläggaren har redan ärendet.",
            );
            vec![Handelse::HandlaggareTilldelad { handlaggare }]
        }
        annan => return Err(fel_fas(&annan)),
    })
}

impl Arende {
    pub(super) fn tillampa_aktualisering(&mut self, h: &Handelse) {
        match h {
            Handelse::AnsokanRegistrerad { .. }
            | Handelse::AnmalanRegistrerad { .. }
            | Handelse::InformationRegistrerad { .. } => {}
            Handelse::InsatsAnsokt { insats, datum, .. } => self.ansokta.push((*insats, *datum)),
            Handelse::Forhandsbedomd { utfall, .. } => self.forhandsbedomning = Some(*utfall),
            Handelse::AnsokanAterkallad(AterkallelseUppgifter { insats, datum, .. }) => {
                self.aterkallade.push((*insats, *datum))
            }
            Handelse::HandlaggareTilldelad { handlaggare } => self.handlaggare = Some(*handlaggare),
            // Events of other phases are folded there (`Arende::tillampa`).
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;

    #[test]
    fn mojlig_dubblett_samma_enhet_eller_samma_insats_i_ett_oppet_arende() {
        let oppet = ansokan_registrerad();
        let a = oppet.arende();
        let annan = EnhetId(uuid::Uuid::from_u128(99));
        assert_eq!(
            mojlig_dubblett(a, Some(ENHET), &[]),
            Some(MojligDubblett {
                samma_enhet: true,
                samma_insatser: vec![],
            })
        );
        assert_eq!(
            mojlig_dubblett(
                a,
                Some(annan),
                &[
                    InsatsTyp::Kontaktperson,
                    InsatsTyp::Oppenvardsbehandling,
                    InsatsTyp::Oppenvardsbehandling
                ]
            ),
            Some(MojligDubblett {
                samma_enhet: false,
                samma_insatser: vec![InsatsTyp::Oppenvardsbehandling],
            })
        );
        assert_eq!(
            mojlig_dubblett(a, Some(annan), &[InsatsTyp::Kontaktperson]),
            None
        );
        // Withdrawn: no longer applied for, though the enhet still matches.
        let aterkallad = ansokan_aterkallad();
        assert_eq!(
            mojlig_dubblett(
                aterkallad.arende(),
                Some(annan),
                &[InsatsTyp::Oppenvardsbehandling]
            ),
            None
        );
        // A closed case is never a duplicate: a new need is a new case.
        let avslutat = aterkallad.med(avsluta(date!(2026 - 01 - 21)));
        assert_eq!(avslutat.arende().status(), Status::Avslutat);
        assert_eq!(
            mojlig_dubblett(
                avslutat.arende(),
                Some(ENHET),
                &[InsatsTyp::Oppenvardsbehandling]
            ),
            None
        );
    }

    #[test]
    fn ansokan_utan_insats_vagras() {
        let r = handle(None, ansokan(date!(2026 - 01 - 12), vec![]), &ktx());
        assert_eq!(falt(r), vec!["insatser"]);
    }

    #[test]
    fn ett_arende_borjar_bara_med_en_aktualisering() {
        let r = handle(
            None,
            Kommando::Aktualisera(Handelse::UtredningInledd {
                datum: IDAG,
                beslut_vantas: None,
            }),
            &ktx(),
        );
        assert!(matches!(r, Err(Avvisning::Tillstand(_))), "{r:?}");
        assert_eq!(
            Arende::fran_handelser(
                ARENDE,
                &[Handelse::UtredningInledd {
                    datum: IDAG,
                    beslut_vantas: None,
                }],
            ),
            None
        );
    }

    #[test]
    fn forhandsbedomning_inled_utredning_oppnar_utredning_sol_14_kap_2() {
        let mut f = anmalan_vantar_forhandsbedomning();
        let h = f.steg(Kommando::Forhandsbedom {
            datum: date!(2026 - 01 - 14),
            utfall: ForhandsbedomningsUtfall::InledUtredning,
            skal: "Oron är allvarlig".into(),
        });
        assert_eq!(
            h[1],
            Handelse::UtredningInledd {
                datum: date!(2026 - 01 - 14),
                beslut_vantas: None,
            }
        );
        assert_eq!(f.arende().status(), Status::Utredning);
    }

    #[test]
    fn forhandsbedomning_inled_ej_avslutar_med_inleds_ej() {
        let f = anmalan_inled_ej();
        assert_eq!(
            f.arende().avslut,
            Some((date!(2026 - 01 - 14), Avslutsorsak::InledsEj))
        );
        assert!(bevakningar(f.arende()).is_empty());
    }

    #[test]
    fn tilldelning_till_samma_handlaggare_vagras() {
        let f = ansokan_registrerad();
        assert_eq!(
            falt(f.forsok(Kommando::TilldelaHandlaggare {
                handlaggare: HANDLAGGARE
            })),
            vec!["handlaggare"]
        );
        let mut f = f;
        f.steg(Kommando::TilldelaHandlaggare {
            handlaggare: HANDLAGGARE_2,
        });
        assert_eq!(f.arende().handlaggare, Some(HANDLAGGARE_2));
    }

    #[test]
    fn ytterligare_ansokan_kraver_eget_beslut() {
        let mut f = bifall_fattat();
        assert!(f.kan(T::FattaBeslut).is_err());
        f.steg(Kommando::AnsokInsats {
            insats: InsatsTyp::Kontaktperson,
            datum: date!(2026 - 02 - 10),
            kanal: Kanal::Besok,
        });
        assert_eq!(
            f.arende().obeslutade_insatser(),
            vec![InsatsTyp::Kontaktperson]
        );
        assert_eq!(f.arende().status(), Status::BeslutVantar);
        // A decision must concern an insats still awaiting one.
        let r = f.forsok(fatta(
            B_NY,
            InsatsTyp::Oppenvardsbehandling,
            Utfall::Bifall,
            date!(2026 - 02 - 11),
        ));
        assert_eq!(falt(r), vec!["insats"]);
        assert!(
            f.forsok(fatta(
                B_NY,
                InsatsTyp::Kontaktperson,
                Utfall::Bifall,
                date!(2026 - 02 - 11)
            ))
            .is_ok()
        );
    }
}
