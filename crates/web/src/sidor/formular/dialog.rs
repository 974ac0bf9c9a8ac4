//! The forms of the steps of dialog with the person: meddelanden and
//! kompletteringar: each step's fields, and beside them how its input becomes
//! the domain's command. Rules about the values live in the domain.

use super::*;

/// What the form says above its fields, before the user fills them in.
pub(super) fn ingress(typ: KommandoTyp) -> &'static str {
    match typ {
        KommandoTyp::SkickaMeddelande => {
            "Den enskilde läser meddelandet på Mina sidor. Skriv så att det går att förstå utan att ha läst ärendet."
        }
        KommandoTyp::BegarKomplettering => {
            "Begär bara det som behövs för utredningen (FL 9 §). En handling som redan lämnats in och godtagits begärs inte igen utan att du skriver varför."
        }
        KommandoTyp::BokaMote => {
            "Den enskilde ser dag, tid och plats på Mina sidor. Skriv platsen så att den går att hitta: adress, våning och vem hen frågar efter, eller att ni ringer eller ses på video."
        }
        KommandoTyp::BesvaraHandlaggarbyte => {
            "Den enskilde läser ditt svar på Mina sidor. Svara inom fem arbetsdagar från begäran. Beviljas begäran får ärendet den nya handläggaren direkt. Avslås den, skriv skälen så att den enskilde förstår dem."
        }
        KommandoTyp::LamnaKomplettering => {
            "För det den enskilde lämnat in på papper eller i receptionen. Skanna handlingarna och bifoga dem som dokument i ärendet."
        }
        _ => "",
    }
}

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::SkickaMeddelande => falt_skicka_meddelande(),
        T::BegarKomplettering => falt_begar_komplettering(ctx),
        T::LamnaKomplettering => falt_lamna_komplettering(a, ctx),
        T::GodtaKomplettering => falt_godta_komplettering(a, ctx),
        T::BegarMote => falt_begar_mote(),
        T::BokaMote => falt_boka_mote(a, ctx),
        T::BegarHandlaggarbyte => vec![],
        T::BesvaraHandlaggarbyte => falt_besvara_handlaggarbyte(a, ctx),
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::SkickaMeddelande => tolka_skicka_meddelande(l, ctx),
        T::BegarKomplettering => tolka_begar_komplettering(l, ctx),
        T::LamnaKomplettering => tolka_lamna_komplettering(l),
        T::GodtaKomplettering => tolka_godta_komplettering(l),
        T::BegarMote => tolka_begar_mote(l),
        T::BokaMote => tolka_boka_mote(l),
        T::BegarHandlaggarbyte => {
            l.fel(
                "innehall",
                "Den enskilde ber om en annan handläggare på Mina sidor.",
            );
            None
        }
        T::BesvaraHandlaggarbyte => tolka_besvara_handlaggarbyte(l, ctx),
        _ => None,
    }
}

fn falt_skicka_meddelande() -> Vec<Falt> {
    vec![
        Falt::textarea("text", "Meddelande")
            .kravs()
            .hjalp(&format!("Högst {MEDDELANDE_MAX_TECKEN} tecken.")),
    ]
}

fn tolka_skicka_meddelande(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    Some(Kommando::SkickaMeddelande {
        id: MeddelandeId::ny(),
        datum: ctx.idag,
        fran: Avsandare::Handlaggare,
        text: l.text("text"),
    })
}

fn falt_begar_komplettering(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::val(
            "handlingar",
            "Vad behöver den enskilde lämna in?",
            "checkboxes",
            handlingstyp_val(ctx),
        ),
        Falt::textarea("beskrivning", "Beskriv vad som behövs")
            .hjalp("Krävs om du väljer Annat eller inte väljer någon handling."),
        Falt::text("godtas", "Vad godtas?")
            .kravs()
            .varde("PDF, foto eller kopia"),
        Falt::datum("senast", "Lämnas senast")
            .kravs()
            .varde(idag + time::Duration::days(14))
            .hjalp("Om dagen är en lördag, söndag eller helgdag flyttas den till nästa vardag."),
        Falt::textarea(
            "skal",
            "Om en handling redan är inlämnad: varför behövs den igen?",
        ),
    ]
}

fn tolka_begar_komplettering(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    let f = l.f;
    let mut handlingar = vec![];
    for v in f.alla("handlingar") {
        match Handlingstyp::fran_kod(v) {
            Some(t) => handlingar.push(t),
            None => l.fel("handlingar", "Okänd handling."),
        }
    }
    let senast = l.datum("senast");
    senast.map(|senast| Kommando::BegarKomplettering {
        id: KompletteringId::ny(),
        datum: ctx.idag,
        handlingar,
        beskrivning: l.text("beskrivning"),
        godtas: l.text("godtas"),
        senast,
        skal_trots_inlamnad: Some(l.text("skal")).filter(|s| !s.is_empty()),
        redan_inlamnade: ctx.godtagna.iter().map(|(t, _, _)| *t).collect(),
    })
}

fn falt_lamna_komplettering(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::val(
            "begaran",
            "Begäran om komplettering",
            "select",
            a.kompletteringar
                .iter()
                .filter(|k| k.oppen())
                .map(|k| (k.id.to_string(), komplettering_text(k))),
        )
        .kravs(),
        Falt::datum("datum", "Lämnades in").kravs().varde(idag),
        Falt::textarea("text", "Vad den enskilde lämnade in")
            .kravs()
            .hjalp("Skanna handlingarna och bifoga dem med Bifoga dokument."),
    ]
}

fn tolka_lamna_komplettering(l: &mut Lasare) -> Option<Kommando> {
    let begaran = l.id("begaran", "Välj begäran om komplettering.");
    let datum = l.datum("datum");
    match (begaran, datum) {
        // On paper, at reception: the person's own answer, registered by staff.
        (Some(begaran), Some(datum)) => Some(Kommando::LamnaKomplettering {
            begaran,
            datum,
            fran: Avsandare::Enskild { ombud: None },
            text: l.text("text"),
            dokument: vec![],
        }),
        _ => None,
    }
}

fn falt_godta_komplettering(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::val(
            "begaran",
            "Inlämnad komplettering",
            "select",
            a.kompletteringar
                .iter()
                .filter(|k| k.oppen() && !k.svar.is_empty())
                .map(|k| (k.id.to_string(), komplettering_text(k))),
        )
        .kravs(),
        datumfalt(idag),
    ]
}

fn tolka_godta_komplettering(l: &mut Lasare) -> Option<Kommando> {
    let begaran = l.id("begaran", "Välj kompletteringen.");
    let datum = l.datum("datum");
    match (begaran, datum) {
        (Some(begaran), Some(datum)) => Some(Kommando::GodtaKomplettering { begaran, datum }),
        _ => None,
    }
}

fn falt_begar_mote() -> Vec<Falt> {
    vec![]
}

fn tolka_begar_mote(l: &mut Lasare) -> Option<Kommando> {
    l.fel("innehall", "Den enskilde begär möte på Mina sidor.");
    None
}

fn falt_boka_mote(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let forslag = ctx.idag + time::Duration::days(7);
    // A request not yet booked comes first: it is what the bevakning asks for.
    let mut val: Vec<(usize, &Motesforfragan)> = a.bokningsbara_moten().collect();
    val.sort_by_key(|(_, m)| m.bokat.is_some());
    let forsta = val.first().map(|(n, _)| n.to_string()).unwrap_or_default();
    vec![
        Falt::val(
            "forfragan",
            "Mötet som den enskilde bett om",
            "select",
            val.into_iter().map(|(n, m)| (n.to_string(), motestext(m))),
        )
        .kravs()
        .varde(forsta),
        Falt::datum("datum", "Dag för mötet").kravs().varde(forslag),
        Falt::klockslag("klockslag", "Klockslag")
            .kravs()
            .hjalp("Skriv tiden som TT:MM, till exempel 13:30."),
        Falt::text("plats", "Plats").kravs().hjalp(if a.skyddsrutiner.is_empty() {
            "Den enskilde ser platsen på Mina sidor."
        } else {
            // The FREDA flag: whoever uses violence may read along on the person's phone.
            "En screening för våld i nära relation var positiv i ärendet, och den som utövar våld kan läsa med på Mina sidor. Skriv bara det den enskilde själv vill ha där, eller ge tid och plats på annat sätt och kvittera i stället."
        }),
    ]
}

/// A request as the handläggare chooses it: when it came, what about, and whether booked.
fn motestext(m: &Motesforfragan) -> String {
    let mut t = format!("Begärt {}: {}", m.datum, m.typ.namn());
    if !m.text.trim().is_empty() {
        let kort: String = m.text.chars().take(60).collect();
        t.push_str(&format!(" – ”{kort}”"));
    }
    if let Some(b) = &m.bokat {
        t.push_str(&format!(
            " (bokat {} kl. {}, boka om)",
            b.datum,
            crate::visning::klockslag(b.klockslag)
        ));
    }
    t
}

fn tolka_boka_mote(l: &mut Lasare) -> Option<Kommando> {
    let forfragan = l.id("forfragan", "Välj mötet som den enskilde bett om.");
    let datum = l.datum("datum");
    let klockslag = l.klockslag("klockslag");
    match (forfragan, datum, klockslag) {
        (Some(forfragan), Some(datum), Some(klockslag)) => Some(Kommando::BokaMote {
            forfragan,
            datum,
            klockslag,
            plats: l.text("plats"),
        }),
        _ => None,
    }
}

/// The request waiting for an answer, as the arbetsledare reads it, and the answer's fields.
fn falt_besvara_handlaggarbyte(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let Some((n, b)) = a.vantande_handlaggarbyte() else {
        return vec![];
    };
    let om = b
        .handlaggare
        .and_then(|h| ctx.anvandare.iter().find(|u| u.id == h))
        .map(|u| u.namn.clone())
        .unwrap_or_else(|| "ingen handläggare".into());
    let skal = if b.skal.trim().is_empty() {
        "Den enskilde angav inget skäl.".to_owned()
    } else {
        format!("Den enskildes skäl: ”{}”", b.skal)
    };
    let fran = match &b.fran {
        Avsandare::Enskild { ombud: Some(o) } => format!(" (genom ombudet {o})"),
        _ => String::new(),
    };
    let val: Vec<(String, String)> = super::handlaggare_val(ctx)
        .into_iter()
        .filter(|(id, _)| b.handlaggare.map(|h| h.to_string()).as_deref() != Some(id.as_str()))
        .collect();
    vec![
        Falt::val(
            "begaran",
            "Begäran",
            "radio",
            [(
                n.to_string(),
                format!(
                    "Begärd {}{fran}, gäller {om}. {skal} Svara senast {}.",
                    b.datum,
                    lots_domain::arende::handlaggarbyte_svar_senast(b.datum)
                ),
            )],
        )
        .kravs()
        .varde(n.to_string()),
        Falt::val(
            "beviljad",
            "Ditt svar",
            "radio",
            [
                ("ja".to_owned(), "Beviljas: ärendet får en ny handläggare".to_owned()),
                ("nej".to_owned(), "Avslås".to_owned()),
            ],
        )
        .kravs(),
        Falt::val("ny_handlaggare", "Ny handläggare (om begäran beviljas)", "select", val),
        Falt::textarea("motivering", "Svar till den enskilde")
            .kravs()
            .hjalp("Den enskilde läser svaret. Skriv vem som tar över och när, eller varför begäran avslås."),
        datumfalt(ctx.idag),
    ]
}

fn tolka_besvara_handlaggarbyte(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    let begaran = l.id("begaran", "Välj begäran som du besvarar.");
    let beviljad = match l.text("beviljad").as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => {
            l.fel("beviljad", "Välj om begäran beviljas eller avslås.");
            None
        }
    };
    // Only someone the case may be assigned to: active, of its enhet (as `tilldela`).
    let ny_handlaggare: Option<AnvandarId> = match l.text("ny_handlaggare").trim() {
        "" => None,
        t => {
            let h = t.parse().ok().filter(|h: &AnvandarId| {
                ctx.anvandare.iter().any(|u| {
                    u.id == *h && ctx.arende.is_some_and(|a| super::kan_tilldelas(u, a.enhet))
                })
            });
            if h.is_none() {
                l.fel(
                    "ny_handlaggare",
                    "Välj en aktiv handläggare eller arbetsledare vid ärendets enhet.",
                );
            }
            h
        }
    };
    let datum = l.datum("datum");
    match (begaran, beviljad, datum) {
        (Some(begaran), Some(beviljad), Some(datum)) => Some(Kommando::BesvaraHandlaggarbyte {
            begaran,
            datum,
            beviljad,
            ny_handlaggare,
            motivering: l.text("motivering"),
        }),
        _ => None,
    }
}
