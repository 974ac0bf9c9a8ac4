//! Journal and personakt: journal entries, their corrections (the original
//! stays readable) and the person's objections (SoL 14 kap.), documents
//! attached to the case, and the letters Lots generated, kept with their hash.
//! Documentation goes on after the case is closed (SoL 14 kap. 3 §).

use super::kommando::{Fel, fel_fas, tillstand};
use super::*;

pub(super) fn kan(a: &Arende, typ: KommandoTyp) -> Result<(), String> {
    use KommandoTyp as T;
    match typ {
        T::RattaJournal | T::RegistreraInvandning => {
            if a.journal.is_empty() {
                tillstand("Ärendet har inga journalanteckningar.")
            } else {
                Ok(())
            }
        }
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
        Kommando::SkrivJournal { id, datum, text } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&text, "text", "Skriv anteckningen.");
            vec![Handelse::JournalAntecknad {
                id,
                datum,
                text,
                rattar: None,
            }]
        }
        Kommando::RattaJournal {
            id,
            rattar,
            datum,
            text,
        } => {
            // SoL 14 kap.; DESIGN.md principle 2: the original stays readable.
            fel.om(
                !a.journal.contains(&rattar),
                "rattar",
                "Välj anteckningen som ska rättas.",
            );
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&text, "text", "Skriv den rättade texten.");
            vec![Handelse::JournalAntecknad {
                id,
                datum,
                text,
                rattar: Some(rattar),
            }]
        }
        Kommando::RegistreraInvandning {
            anteckning,
            datum,
            text,
        } => {
            // SoL 14 kap. 6 §: the person's view that an entry is wrong is noted beside it.
            fel.om(
                !a.journal.contains(&anteckning),
                "anteckning",
                "Välj anteckningen som invändningen gäller.",
            );
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&text, "text", "Skriv vad den enskilde menar är fel.");
            vec![Handelse::JournalInvandning {
                anteckning,
                datum,
                text,
            }]
        }
        Kommando::BifogaDokument {
            dokument,
            namn,
            sha256,
            storlek,
            innehallstyp,
        } => {
            fel.text_kravs(&namn, "namn", "Dokumentet behöver ett namn.");
            vec![Handelse::DokumentBifogat {
                dokument,
                namn,
                sha256,
                storlek,
                innehallstyp,
            }]
        }
        Kommando::RegistreraBrev {
            dokument,
            typ,
            datum,
            sha256,
            storlek,
            beslut,
            kommunicering,
            namnduppgifter,
        } => {
            // The letter belongs to something in the case: a decision or a kommunicering.
            let finns = match (beslut, kommunicering) {
                (Some(b), _) => a.beslut_lage(b).is_some(),
                (None, Some(k)) => a.kommuniceringar.iter().any(|x| x.id == k),
                // FL 12 §: the letter of a rejected request for a decision.
                (None, None) => {
                    typ == BrevTyp::BeslutOmBegaranOmAvgorande
                        && matches!(a.begaran_om_avgorande, Some((_, Some(_))))
                }
            };
            fel.om(
                !finns,
                "brev",
                "Brevet hör inte till något beslut eller någon kommunicering i ärendet.",
            );
            vec![Handelse::BrevSkapat {
                dokument,
                typ,
                datum,
                sha256,
                storlek,
                beslut,
                kommunicering,
                namnduppgifter,
            }]
        }
        annan => return Err(fel_fas(&annan)),
    })
}

impl Arende {
    pub(super) fn tillampa_journal(&mut self, h: &Handelse) {
        match h {
            Handelse::BrevSkapat { .. } => {}
            Handelse::DokumentBifogat { dokument, .. } => self.dokument.push(*dokument),
            Handelse::JournalAntecknad { id, .. } => self.journal.push(*id),
            Handelse::JournalInvandning { .. } => {}
            // Events of other phases are folded there (`Arende::tillampa`).
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;

    #[test]
    fn sol_14_kap_journalrattelse_behaller_originalet() {
        let mut f = utredning_pagar();
        let h = f.steg(Kommando::RattaJournal {
            id: J2,
            rattar: J1,
            datum: date!(2026 - 01 - 20),
            text: "Rättat datum".into(),
        });
        assert_eq!(
            h,
            vec![Handelse::JournalAntecknad {
                id: J2,
                datum: date!(2026 - 01 - 20),
                text: "Rättat datum".into(),
                rattar: Some(J1)
            }]
        );
        assert_eq!(f.arende().journal, vec![J1, J2]);
        assert!(f.logg.iter().any(|h| matches!(
            h,
            Handelse::JournalAntecknad {
                id: J1,
                rattar: None,
                ..
            }
        )));
        // Only an existing entry can be corrected.
        let r = f.forsok(Kommando::RattaJournal {
            id: JournalId(Uuid::from_u128(303)),
            rattar: J_OKAND,
            datum: IDAG,
            text: "x".into(),
        });
        assert_eq!(falt(r), vec!["rattar"]);
    }

    #[test]
    fn sol_14_kap_6_invandning_galler_en_befintlig_anteckning() {
        let f = utredning_pagar();
        let h = f.forsok(Kommando::RegistreraInvandning {
            anteckning: J1,
            datum: IDAG,
            text: "Det stämmer inte".into(),
        });
        assert_eq!(
            h,
            Ok(vec![Handelse::JournalInvandning {
                anteckning: J1,
                datum: IDAG,
                text: "Det stämmer inte".into()
            }])
        );
        let r = f.forsok(Kommando::RegistreraInvandning {
            anteckning: J_OKAND,
            datum: IDAG,
            text: "x".into(),
        });
        assert_eq!(falt(r), vec!["anteckning"]);
    }

    #[test]
    fn sol_14_kap_3_dokumentation_fortsatter_efter_avslut() {
        let mut f = avslutat();
        f.steg(Kommando::SkrivJournal {
            id: J2,
            datum: IDAG,
            text: "Samtal efter avslut".into(),
        });
        f.steg(Kommando::RegistreraInvandning {
            anteckning: J2,
            datum: IDAG,
            text: "Fel".into(),
        });
        assert!(f.arende().avslutat());
    }
}
