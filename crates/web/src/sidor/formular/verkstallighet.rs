//! The forms of the steps of verkställighet: each step's fields, and beside
//! them how its input becomes the domain's command. Rules about the values live
//! in the domain.

use lots_domain::forsorjningsstod::utbetalning::{Konto, Mottagare, Utbetalning};

use super::*;

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::StartaVerkstallighet | T::AterupptaVerkstallighet => {
            falt_starta_eller_ateruppta_verkstallighet(typ, a, ctx)
        }
        T::Bestall => falt_bestall(typ, a, ctx),
        T::AvbrytVerkstallighet | T::AvslutaVerkstallighet => {
            falt_avbryt_eller_avsluta_verkstallighet(typ, a, ctx)
        }
        T::RegistreraEjVerkstallt => falt_registrera_ej_verkstallt(typ, a, ctx),
        T::RegistreraUpphorande => falt_registrera_upphorande(typ, a, ctx),
        T::UpprattaGenomforandeplan => falt_uppratta_genomforandeplan(),
        T::PlaneraUtbetalning => falt_planera_utbetalning(typ, a, ctx),
        T::AttesteraUtbetalning | T::RegistreraUtbetald | T::MakuleraUtbetalning => {
            falt_utbetalning(typ, a, ctx)
        }
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::StartaVerkstallighet | T::AterupptaVerkstallighet => {
            tolka_starta_eller_ateruppta_verkstallighet(typ, l)
        }
        T::Bestall => tolka_bestall(l, ctx),
        T::AvbrytVerkstallighet | T::AvslutaVerkstallighet => {
            tolka_avbryt_eller_avsluta_verkstallighet(typ, l)
        }
        T::RegistreraEjVerkstallt => tolka_registrera_ej_verkstallt(l),
        T::RegistreraUpphorande => tolka_registrera_upphorande(l),
        T::UpprattaGenomforandeplan => tolka_uppratta_genomforandeplan(l),
        T::PlaneraUtbetalning => tolka_planera_utbetalning(l, ctx),
        T::AttesteraUtbetalning | T::RegistreraUtbetald | T::MakuleraUtbetalning => {
            tolka_utbetalning(typ, l)
        }
        _ => None,
    }
}

fn utbetalningstext(u: &Utbetalning) -> String {
    let till = match &u.mottagare {
        Mottagare::Enskild => "den enskilde".to_string(),
        Mottagare::Hyresvard { namn } => format!("hyresvärden {namn}"),
    };
    format!(
        "{} till {till}, {}, den {} ({}{})",
        crate::visning::kr(u.belopp),
        u.konto.text(),
        u.dag,
        u.manad.namn(),
        if u.manuell { ", manuell" } else { "" }
    )
}

fn falt_planera_utbetalning(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let kvar = a
        .senaste_forsorjningsstod
        .as_deref()
        .map(|s| {
            let planerat: i64 = a
                .utbetalningar
                .iter()
                .filter(|u| u.manad == s.berakning.manad && u.makulerad.is_none())
                .map(|u| u.belopp)
                .sum();
            (s.berakning.bistand() - planerat).max(0)
        })
        .unwrap_or(0);
    vec![
        beslut_falt(a, typ),
        Falt::val(
            "mottagare",
            "Till vem",
            "radio",
            [
                ("enskild".to_string(), "Den enskildes eget konto".to_string()),
                ("hyresvard".to_string(), "Hyresvärden, för hyran".to_string()),
            ],
        )
        .kravs()
        .varde("enskild"),
        Falt::text("hyresvard", "Hyresvärdens namn").hjalp("Bara när hyran betalas direkt till hyresvärden."),
        Falt::text("konto", "Konto")
            .kravs()
            .hjalp("Clearingnummer och kontonummer, till exempel 8327-9, 123 456 789-0, eller ett bankgironummer."),
        Falt::kryss("bankgiro", "Kontot är ett bankgironummer"),
        Falt::text("belopp", "Belopp i kronor")
            .kravs()
            .hjalp("Högst det som återstår av månadens beräknade försörjningsstöd.")
            .varde(kvar),
        Falt::datum("dag", "Utbetalningsdag").kravs().hjalp("Dagen pengarna ska finnas hos mottagaren. Den enskilde ser dagen på Mina sidor.").varde(ctx.idag),
        Falt::kryss("manuell", "Manuell utbetalning, utanför den vanliga utbetalningen")
            .hjalp(&format!(
                "En manuell utbetalning, och en utbetalning över {}, ska attesteras av en annan person innan den skickas.",
                crate::visning::kr(ctx.attestgrans)
            )),
    ]
}

fn tolka_planera_utbetalning(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let mottagare = match l.text("mottagare").as_str() {
        "enskild" => Some(Mottagare::Enskild),
        "hyresvard" => Some(Mottagare::Hyresvard {
            namn: l.text("hyresvard"),
        }),
        _ => {
            l.fel("mottagare", "Välj vem som ska få pengarna.");
            None
        }
    };
    let konto = Konto::tolka(&l.text("konto"), l.kryss("bankgiro"));
    if konto.is_none() {
        l.fel(
            "konto",
            "Skriv clearingnummer och kontonummer med siffror, eller ett bankgironummer med sju eller åtta siffror.",
        );
    }
    let belopp: Option<i64> = {
        let t: String = l
            .text("belopp")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        match t.parse::<i64>() {
            Ok(b) if (1..=10_000_000).contains(&b) => Some(b),
            _ => {
                l.fel("belopp", "Skriv beloppet i hela kronor, större än noll.");
                None
            }
        }
    };
    let dag = l.datum("dag");
    match (beslut, mottagare, konto, belopp, dag) {
        (Some(beslut), Some(mottagare), Some(konto), Some(belopp), Some(dag)) => {
            Some(Kommando::PlaneraUtbetalning {
                id: UtbetalningId::ny(),
                beslut,
                mottagare,
                konto,
                belopp,
                dag,
                manuell: l.kryss("manuell"),
                attestgrans: ctx.attestgrans,
            })
        }
        _ => None,
    }
}

fn falt_utbetalning(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let valbara = a.utbetalningar.iter().filter(|u| match typ {
        KommandoTyp::AttesteraUtbetalning => u.vantar_pa_attest(),
        KommandoTyp::MakuleraUtbetalning => u.vantar(),
        _ => u.klar_att_skicka(),
    });
    let alt: Vec<(String, String)> = valbara
        .map(|u| (u.id.to_string(), utbetalningstext(u)))
        .collect();
    let forsta = alt.first().map(|x| x.0.clone()).unwrap_or_default();
    let mut falt = vec![
        Falt::val("utbetalning", "Utbetalning", "radio", alt)
            .kravs()
            .varde(forsta),
        datumfalt(ctx.idag),
    ];
    if typ == KommandoTyp::MakuleraUtbetalning {
        falt.push(
            Falt::textarea("skal", "Varför makuleras utbetalningen?")
                .kravs()
                .hjalp("Till exempel fel konto eller fel belopp. Planera sedan en ny utbetalning."),
        );
    }
    falt
}

fn tolka_utbetalning(typ: KommandoTyp, l: &mut Lasare) -> Option<Kommando> {
    let utbetalning = l.id("utbetalning", "Välj en utbetalning i listan.");
    let datum = l.datum("datum");
    let (utbetalning, datum) = (utbetalning?, datum?);
    Some(match typ {
        KommandoTyp::AttesteraUtbetalning => Kommando::AttesteraUtbetalning { utbetalning, datum },
        KommandoTyp::MakuleraUtbetalning => Kommando::MakuleraUtbetalning {
            utbetalning,
            datum,
            skal: l.text("skal"),
        },
        _ => Kommando::RegistreraUtbetald { utbetalning, datum },
    })
}

fn falt_starta_eller_ateruppta_verkstallighet(
    typ: KommandoTyp,
    a: &Arende,
    ctx: &FaltKontext,
) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![beslut_falt(a, typ), datumfalt(idag)]
}

fn tolka_starta_eller_ateruppta_verkstallighet(
    typ: KommandoTyp,
    l: &mut Lasare,
) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => Some(match typ {
            KommandoTyp::StartaVerkstallighet => Kommando::StartaVerkstallighet { beslut, datum },
            _ => Kommando::AterupptaVerkstallighet { beslut, datum },
        }),
        _ => None,
    }
}

fn falt_bestall(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use lots_domain::utforare::{Prisenhet, Regiform};
    let idag = ctx.idag;
    let organisation = |e: &Enhet| {
        e.utforarorganisation
            .and_then(|u| ctx.utforarorganisationer.iter().find(|o| o.id == u))
    };
    let mut falt = vec![
        beslut_falt(a, typ),
        // No unit is preselected: the first may be an external LOV provider, and under
        // LOV the person chooses, or gets the nämnd's ickevalsalternativ when they do not
        // (LOV 9 kap. 1–2 §§). The empty first option makes the beställare choose.
        Falt::val(
            "utforare",
            "Utförare",
            "select",
            std::iter::once((String::new(), "Välj utförare".to_string())).chain(
                ctx.enheter.iter().filter(|e| e.utforare).map(|e| {
                    let namn = match organisation(e) {
                        Some(o) if o.ickevalsalternativ => format!(
                            "{}: {} ({}, ickevalsalternativ)",
                            o.namn,
                            e.namn,
                            o.regiform.namn()
                        ),
                        Some(o) => format!("{}: {} ({})", o.namn, e.namn, o.regiform.namn()),
                        None => e.namn.clone(),
                    };
                    (e.id.to_string(), namn)
                }),
            ),
        )
        .kravs(),
        datumfalt(idag),
        Falt::textarea("uppdrag", "Uppdraget: vad utföraren behöver veta").kravs(),
    ];
    // The terms are asked only when some unit belongs to a provider organisation.
    if ctx.enheter.iter().any(|e| organisation(e).is_some()) {
        if ctx
            .utforarorganisationer
            .iter()
            .any(|o| o.regiform == Regiform::Lov)
        {
            falt.push(
                Falt::val(
                    "val",
                    "Den enskildes val (bara för utförare i valfrihetssystem, LOV)",
                    "radio",
                    [
                        (
                            "valt".to_string(),
                            "Den enskilde valde utföraren".to_string(),
                        ),
                        (
                            "ickeval".to_string(),
                            "Den enskilde valde inte: nämndens ickevalsalternativ".to_string(),
                        ),
                    ],
                )
                .hjalp("LOV 9 kap. 2 §: den som inte väljer får ickevalsalternativet."),
            );
        }
        falt.push(
            Falt::val(
                "prisenhet",
                "Utföraren rapporterar och fakturerar i",
                "select",
                Prisenhet::ALLA
                    .into_iter()
                    .map(|p| (p.kod().to_string(), p.namn().to_string())),
            )
            .hjalp(
                "Gäller utförare som är organisationer med avtal. Välj samma enhet som avtalet.",
            ),
        );
        falt.push(
            Falt::text("beviljat", "Beviljat per månad")
                .hjalp("Antal timmar, dygn eller tillfällen per kalendermånad enligt beslutet, till exempel 20 eller 12,5. Lämna tomt om omfattningen inte är ett antal."),
        );
    }
    falt
}

fn tolka_bestall(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use lots_domain::utforare::{Prisenhet, Val, Villkor, kontrollera_villkor, las_decimal};
    let beslut = l.id("beslut", VALJ_BESLUT);
    let utforare: Option<EnhetId> = l.id("utforare", "Välj utförare.");
    let enhet = utforare.and_then(|u| ctx.enheter.iter().find(|e| e.id == u && e.utforare));
    if enhet.is_none() && !l.fel.iter().any(|e| e.falt == "utforare") {
        l.fel("utforare", "Välj utförare.");
    }
    let datum = l.datum("datum");
    // An order to a unit of a provider organisation carries its terms (issue 17 item 5).
    let organisation = enhet
        .and_then(|e| e.utforarorganisation)
        .and_then(|u| ctx.utforarorganisationer.iter().find(|o| o.id == u));
    let mut villkor = None;
    // An ended provider or contract takes no new orders (issue 17).
    if let (Some(o), Some(b), Some(d)) = (organisation, beslut, datum)
        && let Some(lage) = ctx.arende.and_then(|a| a.beslut_lage(b))
    {
        let slut = ctx
            .utforarslut
            .iter()
            .find(|(u, _)| *u == o.id)
            .map(|(_, d)| *d);
        let avtal: Vec<_> = ctx
            .avtal
            .iter()
            .filter(|a| a.utforare == o.id)
            .cloned()
            .collect();
        if let Err(text) = lots_domain::utforare::kan_bestallas(slut, &avtal, lage.beslut.insats, d)
        {
            l.fel("utforare", text);
        }
    }
    if let Some(o) = organisation {
        let val = match l.text("val").as_str() {
            "valt" => Val::Valt,
            "ickeval" => Val::Ickeval,
            _ => Val::EjValfrihet,
        };
        let prisenhet = Prisenhet::fran_kod(&l.text("prisenhet"));
        if prisenhet.is_none() {
            l.fel(
                "prisenhet",
                "Välj om utföraren rapporterar i timmar, dygn eller tillfällen.",
            );
        }
        let text = l.text("beviljat");
        let beviljat = if text.trim().is_empty() {
            None
        } else {
            let b = las_decimal(&text).filter(|b| *b > 0);
            if b.is_none() {
                l.fel(
                    "beviljat",
                    "Skriv antalet per månad som ett tal större än noll med högst två decimaler, till exempel 12,5.",
                );
            }
            b
        };
        if let Some(prisenhet) = prisenhet {
            let v = Villkor {
                utforare: o.id,
                val,
                prisenhet,
                beviljat_per_manad: beviljat,
            };
            match kontrollera_villkor(o, &v) {
                Ok(()) => villkor = Some(v),
                Err(text) => l.fel("val", text),
            }
        }
    }
    match (beslut, enhet, datum) {
        (Some(beslut), Some(enhet), Some(datum)) if l.fel.is_empty() => Some(Kommando::Bestall {
            beslut,
            utforare: enhet.id,
            datum,
            uppdrag: l.text("uppdrag"),
            villkor,
        }),
        _ => None,
    }
}

fn falt_avbryt_eller_avsluta_verkstallighet(
    typ: KommandoTyp,
    a: &Arende,
    ctx: &FaltKontext,
) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        datumfalt(idag),
        Falt::textarea("orsak", "Orsak").kravs(),
    ]
}

fn tolka_avbryt_eller_avsluta_verkstallighet(typ: KommandoTyp, l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    let orsak = l.text("orsak");
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => Some(if typ == KommandoTyp::AvbrytVerkstallighet {
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

fn falt_registrera_ej_verkstallt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        datumfalt(idag),
        Falt::textarea("skal", "Varför dröjer verkställigheten?").kravs().hjalp("Skälet rapporteras till IVO med beslutet. Det avslutar inte skyldigheten att verkställa (SoL 34 kap. 1 §)."),
    ]
}

fn tolka_registrera_ej_verkstallt(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
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

fn falt_registrera_upphorande(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        Falt::datum("datum", "Från vilken dag").kravs().varde(idag),
        Falt::val(
            "orsak",
            "Varför ska beslutet inte verkställas?",
            "radio",
            par(
                &Upphorandeorsak::ALLA,
                Upphorandeorsak::kod,
                Upphorandeorsak::namn,
            ),
        )
        .kravs(),
        Falt::textarea("kommentar", "Kommentar")
            .hjalp("Till exempel när och hur den enskilde tackade nej."),
    ]
}

fn tolka_registrera_upphorande(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
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

fn falt_uppratta_genomforandeplan() -> Vec<Falt> {
    vec![]
}

fn tolka_uppratta_genomforandeplan(l: &mut Lasare) -> Option<Kommando> {
    l.fel(
        "innehall",
        "Genomförandeplanen skrivs av utföraren, under Uppdrag.",
    );
    None
}
