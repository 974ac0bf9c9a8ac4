//! What of a case the person is shown on Mina sidor without a handläggare
//! looking first. A party has the right to the case's material (FL 10 §), but
//! some of it may be secret from the party itself, and is then said to be
//! withheld rather than shown (OSL 10 kap. 3 §: the person may ask for it, and
//! the nämnd tries the request).

use super::{AktualiseringsTyp, Arende, Handelse};

/// Why part of an event is not shown to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undanhallet {
    /// Who made a report, and what it says (OSL 26 kap. 5 §).
    Anmalare,
    /// Where information about the person came from, and what it says.
    Uppgiftslamnare,
    /// A document the staff added: it may hold what others said about the
    /// person, reviewed for secrecy before a copy is handed out (OSL 26 kap. 1 §).
    Dokument,
}

/// What of the event is withheld from the person. `fran_enskild`: the person
/// (or their ombud) caused it, so nothing of it is withheld from them.
pub fn undanhallet(h: &Handelse, fran_enskild: bool) -> Option<Undanhallet> {
    match h {
        Handelse::AnmalanRegistrerad { .. } => Some(Undanhallet::Anmalare),
        Handelse::InformationRegistrerad { .. } => Some(Undanhallet::Uppgiftslamnare),
        Handelse::DokumentBifogat { .. } if !fran_enskild => Some(Undanhallet::Dokument),
        _ => None,
    }
}

/// Whether the event appears on Mina sidor at all. A screening for violence in a close
/// relationship (FREDA) never does, not even as something withheld: whoever uses violence may
/// read along, through the person's phone, a fullmakt or a joint application, and that the
/// questions were asked can itself put the person at risk (Socialstyrelsen's FREDA manual;
/// OSL 26 kap. 1 §). It stays in the record, and the person can ask the handläggare for it.
pub fn visas_for_enskild(h: &Handelse) -> bool {
    !matches!(h, Handelse::InstrumentRegistrerat { resultat, .. } if resultat.dolj_for_partner())
}

/// Whether the case's journal entries are shown to the person by default. A case
/// that began with a report, or with information from someone else (a landlord's
/// call), may name that source anywhere in its notes (OSL 26 kap. 5 §), so its
/// entries wait for a handläggare's review; an ansökan's are shown.
pub fn journal_visas(a: &Arende) -> bool {
    a.typ == AktualiseringsTyp::Ansokan
}

/// Whether one journal entry is shown to the person: the handläggare's review of
/// that entry when there is one (`provning`: shown, or withheld because it
/// names a third party, OSL 26 kap. 1 §), else the case's default.
pub fn anteckning_visas(a: &Arende, provning: Option<bool>) -> bool {
    provning.unwrap_or_else(|| journal_visas(a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::DokumentId;

    #[test]
    fn andras_dokument_undanhalls_egna_inte() {
        let h = Handelse::DokumentBifogat {
            dokument: DokumentId::ny(),
            namn: "Intyg".into(),
            sha256: String::new(),
            storlek: 1,
            innehallstyp: "application/pdf".into(),
        };
        assert_eq!(undanhallet(&h, false), Some(Undanhallet::Dokument));
        assert_eq!(undanhallet(&h, true), None);
        let h = Handelse::UtredningInledd {
            datum: time::macros::date!(2026 - 03 - 03),
            beslut_vantas: None,
        };
        assert_eq!(undanhallet(&h, false), None);
    }

    #[test]
    fn freda_visas_aldrig_pa_mina_sidor_audit_gor_det() {
        use crate::instrument::{Instrument, Svar, poangsatt};
        let h = |instrument, svar: Vec<u8>| {
            let svar = Svar::ny(instrument, svar, true);
            Handelse::InstrumentRegistrerat {
                datum: time::macros::date!(2026 - 03 - 03),
                resultat: Box::new(poangsatt(&svar, None).unwrap()),
                svar: Box::new(svar),
            }
        };
        assert!(!visas_for_enskild(&h(Instrument::Freda, vec![1, 0, 0])));
        // Even a negative screening: that the questions were asked is itself sensitive.
        assert!(!visas_for_enskild(&h(Instrument::Freda, vec![0, 0, 0])));
        assert!(visas_for_enskild(&h(Instrument::Audit, vec![0; 10])));
    }
}
