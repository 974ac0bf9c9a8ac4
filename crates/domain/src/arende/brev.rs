//! Which letters a step makes due, and with which facts. The rule of each
//! letter sits in the phase that owns the step (`beslut`, `utredning`,
//! `overklagande`); this module names the letters and asks each phase.
//!
//! The answer is a plain description: what to write, not how. Rendering the
//! letter (the nämnd's particulars, the recipient's address, the PDF) happens
//! outside the domain, from this description and the case's state before the step.

use time::Date;

use super::{Arende, BrevTyp, Handelse};
use crate::delegation::DelegationsRef;
use crate::ids::{BeslutId, DokumentId, KommuniceringId};
use crate::insats::InsatsTyp;

/// A letter due after a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Brev {
    /// FL 33 §: the decision with appeal instructions, when it is sent.
    Beslutsbrev {
        beslut: BeslutId,
        /// The day it is sent.
        datum: Date,
        /// FL 44 §: the last day to appeal, known in advance only under
        /// förenklad delgivning (DelgL 24 §).
        sista_dag_att_overklaga: Option<Date>,
    },
    /// DelgL 22 §: the kontrollmeddelande of a förenklad delgivning.
    Kontrollmeddelande {
        beslut: BeslutId,
        /// The day it goes out: the working day after the decision was sent.
        datum: Date,
        /// The day the decision was sent.
        skickat: Date,
        /// DelgL 24 §: the day the person counts as served.
        delgiven: Date,
    },
    /// FL 25 §: the material of a kommunicering, sent by letter or on Mina sidor.
    Kommuniceringsbrev {
        kommunicering: KommuniceringId,
        datum: Date,
        /// The material, one line each.
        material: Vec<String>,
        /// The case's documents enclosed, exactly those recorded.
        bifogat: Vec<DokumentId>,
        /// How the material was otherwise made available, if recorded.
        tillgangligt: Option<String>,
        /// The last day to answer (lag (1930:173) 2 §, as stored).
        svara_senast: Date,
    },
    /// FL 45 §: a late appeal dismissed, in a decision that can be appealed.
    Avvisningsbeslut {
        beslut: BeslutId,
        datum: Date,
        /// The day the appeal came in.
        inkom: Date,
        /// The day the appealed decision was served.
        delgiven: Date,
        /// The last day the appeal could have come in.
        sista_dag: Date,
    },
    /// FL 12 §: a request for a decision rejected, in a decision that can be appealed.
    BeslutOmBegaranOmAvgorande {
        datum: Date,
        /// The day the person asked.
        begard: Date,
        /// The undecided applications the request was about.
        insatser: Vec<InsatsTyp>,
        motivering: String,
        /// The point of the delegationsordning the rejection was made under.
        delegation: Option<DelegationsRef>,
    },
}

impl Brev {
    pub fn typ(&self) -> BrevTyp {
        match self {
            Brev::Beslutsbrev { .. } => BrevTyp::Beslutsbrev,
            Brev::Kontrollmeddelande { .. } => BrevTyp::Kontrollmeddelande,
            Brev::Kommuniceringsbrev { .. } => BrevTyp::Kommuniceringsbrev,
            Brev::Avvisningsbeslut { .. } => BrevTyp::Avvisningsbeslut,
            Brev::BeslutOmBegaranOmAvgorande { .. } => BrevTyp::BeslutOmBegaranOmAvgorande,
        }
    }

    /// The letter's date.
    pub fn datum(&self) -> Date {
        match self {
            Brev::Beslutsbrev { datum, .. }
            | Brev::Kontrollmeddelande { datum, .. }
            | Brev::Kommuniceringsbrev { datum, .. }
            | Brev::Avvisningsbeslut { datum, .. }
            | Brev::BeslutOmBegaranOmAvgorande { datum, .. } => *datum,
        }
    }

    /// What the letter belongs to in the case: a decision, a kommunicering, or
    /// (a rejected request for a decision) the case itself.
    pub fn hor_till(&self) -> (Option<BeslutId>, Option<KommuniceringId>) {
        match self {
            Brev::Beslutsbrev { beslut, .. }
            | Brev::Kontrollmeddelande { beslut, .. }
            | Brev::Avvisningsbeslut { beslut, .. } => (Some(*beslut), None),
            Brev::Kommuniceringsbrev { kommunicering, .. } => (None, Some(*kommunicering)),
            Brev::BeslutOmBegaranOmAvgorande { .. } => (None, None),
        }
    }
}

/// The letters due after a step: `fore` is the case before the step, `handelser`
/// the events `handle` returned for it. Letters come in the order of the events.
pub fn brev_for_steg(fore: &Arende, handelser: &[Handelse]) -> Vec<Brev> {
    let mut ut = vec![];
    for h in handelser {
        super::beslut::brev(fore, h, &mut ut);
        super::utredning::brev(fore, h, &mut ut);
        super::overklagande::brev(fore, h, handelser, &mut ut);
    }
    ut
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;

    /// The letters due after a step that must be accepted, from the state before it.
    fn brev_efter(f: &Fall, k: Kommando) -> Vec<Brev> {
        let h = f.forsok(k).expect("the step is accepted");
        brev_for_steg(f.arende(), &h)
    }

    #[test]
    fn delgl_22_forenklad_delgivning_ger_beslutsbrev_och_kontrollmeddelande() {
        let skicka = |forenklad_delgivning| Kommando::SkickaBeslut {
            beslut: B_BIFALL,
            datum: date!(2026 - 02 - 06),
            satt: Utskickssatt::Brev,
            forenklad_delgivning,
            forhandsinformation: Some((date!(2026 - 01 - 13), Kanal::Besok)),
        };
        // Sent Friday 6 February: kontrollmeddelande Monday 9 February, served
        // 20 February, last day to appeal 13 March (DelgL 22 och 24 §§, FL 44 §).
        assert_eq!(
            brev_efter(&bifall_fattat(), skicka(true)),
            [
                Brev::Beslutsbrev {
                    beslut: B_BIFALL,
                    datum: date!(2026 - 02 - 06),
                    sista_dag_att_overklaga: Some(date!(2026 - 03 - 13)),
                },
                Brev::Kontrollmeddelande {
                    beslut: B_BIFALL,
                    datum: date!(2026 - 02 - 09),
                    skickat: date!(2026 - 02 - 06),
                    delgiven: date!(2026 - 02 - 20),
                },
            ]
        );
        // Without it, the served day is not known in advance: no last day is printed.
        assert_eq!(
            brev_efter(&bifall_fattat(), skicka(false)),
            [Brev::Beslutsbrev {
                beslut: B_BIFALL,
                datum: date!(2026 - 02 - 06),
                sista_dag_att_overklaga: None,
            }]
        );
    }

    #[test]
    fn fl_25_kommuniceringsbrev_bara_nar_materialet_skickas() {
        let kommunicera = |satt| Kommando::Kommunicera {
            id: K1,
            datum: date!(2026 - 02 - 03),
            material: "Utredningen\n\n  Läkarintyget ".into(),
            satt,
            svar_senast: date!(2026 - 02 - 14),
            bifogat: vec![],
            tillgangligt: " ".into(),
        };
        let brev = brev_efter(&utredning_avslutad(), kommunicera(Kommunikationssatt::Brev));
        assert_eq!(
            brev,
            [Brev::Kommuniceringsbrev {
                kommunicering: K1,
                datum: date!(2026 - 02 - 03),
                material: vec!["Utredningen".into(), "Läkarintyget".into()],
                bifogat: vec![],
                tillgangligt: None,
                // Saturday 14 February moves to Monday (lag (1930:173) 2 §).
                svara_senast: date!(2026 - 02 - 16),
            }]
        );
        assert_eq!(brev[0].typ(), BrevTyp::Kommuniceringsbrev);
        assert_eq!(brev[0].hor_till(), (None, Some(K1)));
        assert!(
            brev_efter(&utredning_avslutad(), kommunicera(Kommunikationssatt::Mote)).is_empty()
        );
    }

    #[test]
    fn fl_45_avvisat_overklagande_ger_avvisningsbeslut() {
        // Served 20 February; last day Friday 13 March; came in Monday 16 March.
        let sent = overklagat_den(date!(2026 - 03 - 16));
        let prova = Kommando::ProvaRattidighet {
            beslut: B_AVSLAG,
            datum: date!(2026 - 03 - 17),
            undantag: None,
        };
        assert_eq!(
            brev_efter(&sent, prova.clone()),
            [Brev::Avvisningsbeslut {
                beslut: B_AVSLAG,
                datum: date!(2026 - 03 - 17),
                inkom: date!(2026 - 03 - 16),
                delgiven: date!(2026 - 02 - 20),
                sista_dag: date!(2026 - 03 - 13),
            }]
        );
        // In time: nothing is dismissed, and no letter is due.
        assert!(brev_efter(&overklagat_den(date!(2026 - 03 - 13)), prova).is_empty());
    }

    #[test]
    fn steg_utan_brev_ger_inga() {
        let f = bifall_fattat();
        assert!(
            brev_efter(
                &f,
                Kommando::SkrivJournal {
                    id: J1,
                    datum: IDAG,
                    text: "Samtal".into(),
                }
            )
            .is_empty()
        );
    }
}
