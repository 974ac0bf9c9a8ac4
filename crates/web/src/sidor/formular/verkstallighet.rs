//! The forms of the steps of verkställighet: each step's fields, and beside them how its
//! input becomes the domain's command. Rules about the values live in the domain.

use super::*;

/// The fields of this phase's steps, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    let idag = ctx.idag;
    let datum = || Falt::datum("datum", "Datum").kravs().varde(idag);
    match typ {
        T::StartaVerkstallighet | T::AterupptaVerkstallighet => vec![beslut_falt(a, typ), datum()],
        T::Bestall => vec![
            beslut_falt(a, typ),
            Falt::val("utforare", "Utförare", "select", ctx.enheter.iter().filter(|e| e.utforare).map(|e| (e.id.to_string(), e.namn.clone()))).kravs(),
            datum(),
            Falt::textarea("uppdrag", "Uppdraget: vad utföraren behöver veta").kravs(),
        ],
        T::AvbrytVerkstallighet | T::AvslutaVerkstallighet => vec![beslut_falt(a, typ), datum(), Falt::textarea("orsak", "Orsak").kravs()],
        T::RegistreraEjVerkstallt => vec![
            beslut_falt(a, typ),
            datum(),
            Falt::textarea("skal", "Varför dröjer verkställigheten?").kravs().hjalp("Skälet rapporteras till IVO med beslutet. Det avslutar inte skyldigheten att verkställa (SoL 34 kap. 1 §)."),
        ],
        T::RegistreraUpphorande => vec![
            beslut_falt(a, typ),
            Falt::datum("datum", "Från vilken dag").kravs().varde(idag),
            Falt::val("orsak", "Varför ska beslutet inte verkställas?", "radio", par(&Upphorandeorsak::ALLA, Upphorandeorsak::kod, Upphorandeorsak::namn)).kravs(),
            Falt::textarea("kommentar", "Kommentar").hjalp("Till exempel när och hur den enskilde tackade nej."),
        ],
        T::UpprattaGenomforandeplan => vec![],
        _ => vec![],
    }
}

/// Parses the form of one of this phase's steps; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    let valj_beslut = "Välj ett beslut.";
    match typ {
        T::StartaVerkstallighet | T::AterupptaVerkstallighet => {
            let beslut = l.id("beslut", valj_beslut);
            let datum = l.datum("datum");
            match (beslut, datum) {
                (Some(beslut), Some(datum)) => Some(match typ {
                    T::StartaVerkstallighet => Kommando::StartaVerkstallighet { beslut, datum },
                    _ => Kommando::AterupptaVerkstallighet { beslut, datum },
                }),
                _ => None,
            }
        }
        T::Bestall => {
            let beslut = l.id("beslut", valj_beslut);
            let utforare: Option<EnhetId> = l.id("utforare", "Välj utförare.");
            let utforare =
                utforare.filter(|u| ctx.enheter.iter().any(|e| e.id == *u && e.utforare));
            if utforare.is_none() && !l.fel.iter().any(|e| e.falt == "utforare") {
                l.fel("utforare", "Välj utförare.");
            }
            let datum = l.datum("datum");
            match (beslut, utforare, datum) {
                (Some(beslut), Some(utforare), Some(datum)) => Some(Kommando::Bestall {
                    beslut,
                    utforare,
                    datum,
                    uppdrag: l.text("uppdrag"),
                }),
                _ => None,
            }
        }
        T::AvbrytVerkstallighet | T::AvslutaVerkstallighet => {
            let beslut = l.id("beslut", valj_beslut);
            let datum = l.datum("datum");
            let orsak = l.text("orsak");
            match (beslut, datum) {
                (Some(beslut), Some(datum)) => Some(if typ == T::AvbrytVerkstallighet {
                    Kommando::AvbrytVerkstallighet {
                        beslut,
                        datum,
                        orsak,
                    }
                } else {
                    Kommando::AvslutaVerkstallighet {
                        beslut,
                        datum,
                        orsak,
                    }
                }),
                _ => None,
            }
        }
        T::RegistreraEjVerkstallt => {
            let beslut = l.id("beslut", valj_beslut);
            let datum = l.datum("datum");
            match (beslut, datum) {
                (Some(beslut), Some(datum)) => Some(Kommando::RegistreraEjVerkstallt {
                    beslut,
                    datum,
                    skal: l.text("skal"),
                }),
                _ => None,
            }
        }
        T::UpprattaGenomforandeplan => {
            l.fel(
                "innehall",
                "Genomförandeplanen skrivs av utföraren, under Uppdrag.",
            );
            None
        }
        T::RegistreraUpphorande => {
            let beslut = l.id("beslut", valj_beslut);
            let datum = l.datum("datum");
            let orsak = l.kod(
                "orsak",
                Upphorandeorsak::fran_kod,
                "Välj varför beslutet inte ska verkställas.",
            );
            match (beslut, datum, orsak) {
                (Some(beslut), Some(datum), Some(orsak)) => {
                    Some(Kommando::RegistreraUpphorande(UpphorandeUppgifter {
                        beslut,
                        datum,
                        orsak,
                        kommentar: l.text("kommentar"),
                    }))
                }
                _ => None,
            }
        }
        _ => None,
    }
}
