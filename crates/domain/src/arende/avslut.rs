//! Avslut: a case is closed only when nothing is owed: every application
//! decided or withdrawn, every decision sent and carried out (or ended for a
//! reason that ends the duty), no follow-up or appeal pending (DOMAIN.md,
//! The process). An appeal arriving later opens it again.

use super::kommando::{Fel, fel_fas};
use super::*;

impl Arende {
    pub fn avslutat(&self) -> bool {
        self.avslut.is_some()
    }

    /// Why the case cannot be closed now, if it cannot (DOMAIN.md, The process:
    /// never closed while a follow-up is owed or a decision is unenforced without
    /// a recorded reason).
    pub fn hinder_for_avslut(&self) -> Vec<String> {
        let mut hinder = vec![];
        // An application is a right to a decision: every applied insats ends in a
        // decision or in the person's own withdrawal (FL 12 §, SoL 11 kap. 1 §).
        for insats in self.obeslutade_insatser() {
            hinder.push(format!(
                "Ansökan om {} är inte avgjord. Fatta beslut, eller registrera att den enskilde har återkallat ansökan.",
                insats.namn()
            ));
        }
        // A planned payment is money the person counts on: it goes out, or the case stays.
        for u in self.utbetalningar.iter().filter(|u| u.vantar()) {
            hinder.push(format!(
                "Utbetalningen på {} kr för {} är inte skickad.",
                u.belopp,
                u.manad.namn()
            ));
        }
        for b in self.gallande_beslut() {
            let namn = b.beslut.insats.namn();
            if b.oskickat() {
                hinder.push(format!(
                    "Beslutet om {namn} är inte skickat till den enskilde (FL 33 §). Utan det börjar ingen överklagandetid."
                ));
            }
            if b.vantar_kontrollmeddelande() {
                hinder.push(format!(
                    "Kontrollmeddelandet för beslutet om {namn} är inte registrerat som skickat (DelgL 22 §)."
                ));
            }
            // SoL 34 kap. 1–2 §§: a reason for the delay does not end the duty to carry
            // the decision out; only doing so, or a reason that ends it, does.
            if b.beviljar() && b.verkstallighet.vantar() {
                hinder.push(format!(
                    "Beslutet om {namn} är inte verkställt. Registrera att insatsen har börjat, eller att den inte ska verkställas (den enskilde har tackat nej, flyttat eller avlidit) (SoL 34 kap. 1 §)."
                ));
            }
            if b.verkstallighet.pagar() {
                hinder.push(format!(
                    "Insatsen {namn} pågår. Avsluta verkställigheten först."
                ));
            }
            if b.overklagande.as_ref().is_some_and(|o| o.pagar()) {
                hinder.push(format!(
                    "Överklagandet av beslutet om {namn} är inte avgjort."
                ));
            }
        }
        // The person asked for another handläggare: closing the case must not be the way
        // the request goes unanswered (issue 19 item 5).
        if self.vantande_handlaggarbyte().is_some() {
            hinder.push(
                "Den enskilde har bett om en annan handläggare. Arbetsledaren besvarar begäran först."
                    .into(),
            );
        }
        if self.uppfoljning_skuld() {
            hinder.push("En uppföljning återstår (seed 004: varje insats följs upp, även när den avslutas).".into());
        }
        if self.utredning_inledd.is_some()
            && self.utredning_avslutad.is_none()
            && !self.beslut.is_empty()
        {
            hinder.push("Utredningen är inte avslutad.".into());
        }
        hinder
    }
}

pub(super) fn kan(a: &Arende, _typ: KommandoTyp) -> Result<(), String> {
    let hinder = a.hinder_for_avslut();
    if hinder.is_empty() {
        Ok(())
    } else {
        Err(hinder.join(" "))
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
        Kommando::AvslutaArende {
            datum,
            orsak,
            kommentar,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            fel.om(
                orsak == Avslutsorsak::InledsEj,
                "orsak",
                "Skälet Utredning inleds inte ges bara av en förhandsbedömning.",
            );
            fel.om(
                orsak == Avslutsorsak::Annat && kommentar.trim().is_empty(),
                "kommentar",
                "Skriv skälet när du väljer Annat skäl.",
            );
            vec![Handelse::ArendeAvslutat {
                datum,
                orsak,
                kommentar,
            }]
        }
        annan => return Err(fel_fas(&annan)),
    })
}

impl Arende {
    pub(super) fn tillampa_avslut(&mut self, h: &Handelse) {
        if let Handelse::ArendeAvslutat { datum, orsak, .. } = h {
            self.avslut = Some((*datum, *orsak));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;

    #[test]
    fn avslut_vagras_nar_bifall_inte_verkstallts_utan_skal() {
        let f = bifall_fattat();
        let fel = f.kan(T::AvslutaArende).unwrap_err();
        assert!(fel.contains("SoL 34 kap. 1 §"), "{fel}");
        assert_eq!(f.forsok(avsluta(IDAG)), Err(Avvisning::Tillstand(fel)));
    }

    #[test]
    fn avslut_vagras_medan_insatsen_pagar() {
        for f in [verkstallighet_pagar(), avbrutet()] {
            let fel = f.kan(T::AvslutaArende).unwrap_err();
            assert!(fel.contains("pågår"), "{fel}");
        }
    }

    #[test]
    fn avslut_vagras_medan_uppfoljning_aterstar() {
        // Carried out and ended, never followed up.
        let f = verkstallighet_avslutad();
        assert!(f.arende().uppfoljning_skuld());
        let fel = f.kan(T::AvslutaArende).unwrap_err();
        assert!(fel.contains("uppföljning"), "{fel}");
        // Followed up, but the follow-up booked another.
        let f = verkstallighet_avslutad().med(uppfoljning(
            Some(B_BIFALL),
            date!(2026 - 06 - 01),
            Some(date!(2026 - 09 - 01)),
        ));
        assert!(f.arende().uppfoljning_skuld());
        assert!(f.kan(T::AvslutaArende).is_err());
        // The final follow-up books none: the case can be closed.
        let f = f.med(uppfoljning(Some(B_BIFALL), date!(2026 - 06 - 10), None));
        assert!(!f.arende().uppfoljning_skuld());
        assert_eq!(f.kan(T::AvslutaArende), Ok(()));
    }

    #[test]
    fn avslut_med_annat_skal_kraver_kommentar() {
        let f = avslag_delgivet();
        let k = |kommentar: &str| Kommando::AvslutaArende {
            datum: IDAG,
            orsak: Avslutsorsak::Annat,
            kommentar: kommentar.into(),
        };
        assert_eq!(falt(f.forsok(k(" "))), vec!["kommentar"]);
        assert!(f.forsok(k("Personen har flyttat utomlands")).is_ok());
    }

    /// Avslutsorsak::VALBARA: "InledsEj comes only from a förhandsbedömning".
    #[test]
    fn avslut_med_inleds_ej_bara_fran_forhandsbedomning() {
        let f = ansokan_registrerad();
        let r = f.forsok(Kommando::AvslutaArende {
            datum: IDAG,
            orsak: Avslutsorsak::InledsEj,
            kommentar: String::new(),
        });
        assert!(r.is_err(), "{r:?}");
    }

    /// Every applied insats ends in a decision or in the person's own withdrawal before the
    /// case is closed; a closing reason does not replace either.
    #[test]
    fn avslut_vagras_med_obeslutad_ansokan_och_tillats_efter_aterkallelse() {
        let f = utredning_avslutad();
        for orsak in [Avslutsorsak::MalUppnatt, Avslutsorsak::BeslutUtanInsats] {
            let r = f.forsok(Kommando::AvslutaArende {
                datum: IDAG,
                orsak,
                kommentar: String::new(),
            });
            let Err(Avvisning::Tillstand(text)) = r else {
                panic!("{orsak:?}: closed with an undecided application: {r:?}")
            };
            assert!(text.contains("inte avgjord"), "{text}");
        }
        // Two insatser applied for, one decided: still refused for the other.
        let g = utredning_avslutad()
            .med(Kommando::AnsokInsats {
                insats: InsatsTyp::Kontaktperson,
                datum: date!(2026 - 02 - 03),
                kanal: Kanal::Papper,
            })
            .med(fatta(
                B_BIFALL,
                InsatsTyp::Oppenvardsbehandling,
                Utfall::Bifall,
                date!(2026 - 02 - 05),
            ));
        assert!(
            g.arende()
                .hinder_for_avslut()
                .iter()
                .any(|h| h.contains("Kontaktperson"))
        );
        // A withdrawal is a recorded fact with its day and how it was made.
        let mut h = f.clone();
        let e = h.steg(aterkalla(
            InsatsTyp::Oppenvardsbehandling,
            date!(2026 - 02 - 10),
        ));
        assert!(matches!(
            &e[0],
            Handelse::AnsokanAterkallad(AterkallelseUppgifter { kanal: Kanal::Telefon, kommentar, .. }) if !kommentar.is_empty()
        ));
        assert!(h.arende().obeslutade_insatser().is_empty());
        h.steg(avsluta(date!(2026 - 02 - 11)));
        // FL 27 §: an oral withdrawal is written down.
        let r = f.forsok(Kommando::AterkallaAnsokan(AterkallelseUppgifter {
            insats: InsatsTyp::Oppenvardsbehandling,
            datum: date!(2026 - 02 - 10),
            kanal: Kanal::Telefon,
            kommentar: " ".into(),
        }));
        assert_eq!(falt(r), vec!["kommentar"]);
        // Only an insats that was applied for and is undecided can be withdrawn.
        let r = f.forsok(aterkalla(InsatsTyp::Hvb, date!(2026 - 02 - 10)));
        assert_eq!(falt(r), vec!["insats"]);
    }
}
