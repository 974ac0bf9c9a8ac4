//! The forms of the steps of aktualisering: ansökan, anmälan, information,
//! förhandsbedömning, handläggare and återkallelse: each step's fields, and
//! beside them how its input becomes the domain's command. Rules about the
//! values live in the domain.

use super::*;

/// What the form says above its fields, before the user fills them in.
pub(super) fn ingress(typ: KommandoTyp, akt: Option<AktualiseringsTyp>) -> &'static str {
    match (typ, akt) {
        (KommandoTyp::Aktualisera, Some(AktualiseringsTyp::Anmalan)) => {
            "En anmälan från någon annan än personen själv. Den förhandsbedöms innan utredning inleds."
        }
        (KommandoTyp::Aktualisera, Some(AktualiseringsTyp::Information)) => {
            "Information som kommit in på annat sätt och kan leda till att nämnden behöver agera (SoL 14 kap. 2 §)."
        }
        (KommandoTyp::Aktualisera, _) => {
            "En ansökan kan vara skriftlig eller muntlig och komma på papper, per telefon, vid besök eller digitalt. Alla vägar är lika giltiga."
        }
        _ => "",
    }
}

/// The fields of this phase's facts that lie inside a payload (`Ombud`,
/// `Anmalare`), by the domain's path to them.
pub(super) fn falt_for(fakta: &str) -> Option<&'static str> {
    Some(match fakta {
        "ombud.namn" => "ombud_namn",
        "ombud.fullmakt_omfattning" => "fullmakt_omfattning",
        "ombud.fullmakt_datum" => "fullmakt_datum",
        "anmalare.namn" => "anmalare_namn",
        _ => return None,
    })
}

/// The form that starts a case: an ansökan, an anmälan or information.
pub(super) fn aktualisering_falt(typ: AktualiseringsTyp, ctx: &FaltKontext) -> Vec<Falt> {
    let mut f = vec![
        Falt::datum("inkom", "Inkom").kravs().varde(ctx.idag),
        Falt::val(
            "kanal",
            "Hur kom det in?",
            "radio",
            par(&Kanal::ALLA, Kanal::kod, Kanal::namn),
        )
        .kravs()
        .varde("besok"),
    ];
    match typ {
        AktualiseringsTyp::Ansokan => {
            f.push(
                Falt::val(
                    "insatser",
                    "Vad ansöker personen om?",
                    "checkboxes",
                    par(&InsatsTyp::ALLA, InsatsTyp::kod, InsatsTyp::namn),
                )
                .kravs(),
            );
            f.push(Falt::textarea("beskrivning", "Ansökan med personens egna ord").hjalp("Skriv det personen berättade, och när och av vem uppgifterna lämnades (FL 27 §)."));
            f.push(
                Falt::kryss("ombud", "Ansökan lämnades av ett ombud")
                    .hjalp("Fyll då i uppgifterna om ombudet och fullmakten nedan."),
            );
            f.push(Falt::text("ombud_namn", "Ombudets namn"));
            f.push(Falt::text("ombud_kontakt", "Ombudets telefon eller adress"));
            f.push(Falt::textarea(
                "fullmakt_omfattning",
                "Vad fullmakten omfattar",
            ));
            f.push(Falt::datum("fullmakt_datum", "Fullmaktens datum"));
            f.push(Falt::kryss(
                "fullmakt_muntlig",
                "Fullmakten lämnades muntligt och dokumenteras här",
            ));
        }
        AktualiseringsTyp::Anmalan => {
            f.push(Falt::textarea("beskrivning", "Vad anmälan gäller").kravs());
            f.push(Falt::kryss("anonym", "Anmälaren är anonym"));
            f.push(Falt::text("anmalare_namn", "Anmälarens namn"));
            f.push(Falt::text(
                "anmalare_relation",
                "Anmälarens relation eller yrkesroll",
            ));
            f.push(Falt::text(
                "anmalare_kontakt",
                "Anmälarens telefon eller adress",
            ));
        }
        AktualiseringsTyp::Information => {
            f.push(Falt::text("kalla", "Varifrån kom informationen?").kravs());
            f.push(Falt::textarea("beskrivning", "Vad informationen gäller").kravs());
        }
    }
    let myndighet: Vec<(String, String)> = ctx
        .enheter
        .iter()
        .filter(|e| !e.utforare)
        .map(|e| (e.id.to_string(), e.namn.clone()))
        .collect();
    f.push(
        Falt::val("enhet", "Enhet som ska handlägga", "select", myndighet)
            .kravs()
            .varde(ctx.mig.enhet),
    );
    let mut h = Falt::val("handlaggare", "Handläggare", "select", handlaggare_val(ctx));
    if matches!(ctx.mig.roll, lots_domain::organisation::Roll::Handlaggare) {
        h = h.varde(ctx.mig.id);
    }
    f.push(h);
    f
}

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(
    typ: KommandoTyp,
    aktualisering: Option<AktualiseringsTyp>,
    a: &Arende,
    ctx: &FaltKontext,
) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::Aktualisera => falt_aktualisera(aktualisering, ctx),
        T::AnsokInsats => falt_ansok_insats(ctx),
        T::Forhandsbedom => falt_forhandsbedom(ctx),
        T::AterkallaAnsokan => falt_aterkalla_ansokan(a, ctx),
        T::TilldelaHandlaggare => falt_tilldela_handlaggare(ctx),
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(
    typ: KommandoTyp,
    aktualisering: Option<AktualiseringsTyp>,
    l: &mut Lasare,
    ctx: &FaltKontext,
) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::Aktualisera => tolka_aktualisera(aktualisering, l, ctx),
        T::AnsokInsats => tolka_ansok_insats(l),
        T::Forhandsbedom => tolka_forhandsbedom(l),
        T::AterkallaAnsokan => tolka_aterkalla_ansokan(l),
        T::TilldelaHandlaggare => tolka_tilldela_handlaggare(l, ctx),
        _ => None,
    }
}

fn falt_aktualisera(aktualisering: Option<AktualiseringsTyp>, ctx: &FaltKontext) -> Vec<Falt> {
    aktualisering_falt(aktualisering.unwrap_or(AktualiseringsTyp::Ansokan), ctx)
}

fn tolka_aktualisera(
    aktualisering: Option<AktualiseringsTyp>,
    l: &mut Lasare,
    ctx: &FaltKontext,
) -> Option<Kommando> {
    let f = l.f;
    let inkom = l.datum("inkom");
    let kanal = l.kod("kanal", Kanal::fran_kod, "Välj hur det kom in.");
    let enhet: Option<EnhetId> = l.id("enhet", "Välj enhet.");
    let enhet = match enhet {
        Some(e) if !kan_halla_arende(ctx, e) => {
            l.fel(
                "enhet",
                "Välj en av kommunens enheter som handlägger ärenden.",
            );
            None
        }
        e => e,
    };
    let handlaggare: Option<AnvandarId> = match l.text("handlaggare").as_str() {
        "" => None,
        t => match (t.parse::<AnvandarId>(), enhet) {
            (Ok(h), Some(e))
                if ctx
                    .anvandare
                    .iter()
                    .any(|u| u.id == h && kan_tilldelas(u, e)) =>
            {
                Some(h)
            }
            (_, None) => None,
            _ => {
                l.fel(
                    "handlaggare",
                    "Välj en aktiv handläggare eller arbetsledare vid den valda enheten.",
                );
                None
            }
        },
    };
    let person = ctx.person;
    let beskrivning = l.text("beskrivning");
    match aktualisering.unwrap_or(AktualiseringsTyp::Ansokan) {
        AktualiseringsTyp::Ansokan => {
            let mut insatser = vec![];
            for v in f.alla("insatser") {
                match InsatsTyp::fran_kod(v) {
                    Some(i) => insatser.push(i),
                    None => l.fel("insatser", "Okänd insats."),
                }
            }
            let ombud = if l.kryss("ombud") {
                let fullmakt_datum = l.datum("fullmakt_datum");
                fullmakt_datum.map(|fullmakt_datum| Ombud {
                    namn: l.text("ombud_namn"),
                    kontakt: l.text("ombud_kontakt"),
                    fullmakt_omfattning: l.text("fullmakt_omfattning"),
                    fullmakt_datum,
                    muntlig: l.kryss("fullmakt_muntlig"),
                })
            } else {
                None
            };
            match (inkom, kanal, enhet) {
                (Some(inkom), Some(kanal), Some(enhet)) => {
                    Some(Kommando::Aktualisera(Handelse::AnsokanRegistrerad {
                        person,
                        enhet,
                        handlaggare,
                        kanal,
                        inkom,
                        insatser,
                        beskrivning,
                        ombud,
                    }))
                }
                _ => None,
            }
        }
        AktualiseringsTyp::Anmalan => {
            let anmalare = if l.kryss("anonym") {
                Anmalare::Anonym
            } else {
                Anmalare::Namngiven {
                    namn: l.text("anmalare_namn"),
                    relation: l.text("anmalare_relation"),
                    kontakt: l.text("anmalare_kontakt"),
                }
            };
            match (inkom, kanal, enhet) {
                (Some(inkom), Some(kanal), Some(enhet)) => {
                    Some(Kommando::Aktualisera(Handelse::AnmalanRegistrerad {
                        person,
                        enhet,
                        handlaggare,
                        kanal,
                        inkom,
                        anmalare,
                        beskrivning,
                    }))
                }
                _ => None,
            }
        }
        AktualiseringsTyp::Information => match (inkom, kanal, enhet) {
            (Some(inkom), Some(kanal), Some(enhet)) => {
                Some(Kommando::Aktualisera(Handelse::InformationRegistrerad {
                    person,
                    enhet,
                    handlaggare,
                    kanal,
                    inkom,
                    kalla: l.text("kalla"),
                    beskrivning,
                }))
            }
            _ => None,
        },
    }
}

fn falt_ansok_insats(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::val(
            "insats",
            "Insats",
            "select",
            par(&InsatsTyp::ALLA, InsatsTyp::kod, InsatsTyp::namn),
        )
        .kravs(),
        datumfalt(idag),
        Falt::val(
            "kanal",
            "Hur kom ansökan in?",
            "radio",
            par(&Kanal::ALLA, Kanal::kod, Kanal::namn),
        )
        .kravs()
        .varde("besok"),
    ]
}

fn tolka_ansok_insats(l: &mut Lasare) -> Option<Kommando> {
    let insats = l.kod("insats", InsatsTyp::fran_kod, "Välj insats.");
    let datum = l.datum("datum");
    let kanal = l.kod("kanal", Kanal::fran_kod, "Välj hur ansökan kom in.");
    match (insats, datum, kanal) {
        (Some(insats), Some(datum), Some(kanal)) => Some(Kommando::AnsokInsats {
            insats,
            datum,
            kanal,
        }),
        _ => None,
    }
}

fn falt_forhandsbedom(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        datumfalt(idag),
        Falt::val(
            "utfall",
            "Bedömning",
            "radio",
            [
                ("inled_utredning".to_string(), "Inled utredning".to_string()),
                ("inled_ej".to_string(), "Inled inte utredning".to_string()),
            ],
        )
        .kravs(),
        Falt::textarea("skal", "Skäl för bedömningen").kravs(),
    ]
}

fn tolka_forhandsbedom(l: &mut Lasare) -> Option<Kommando> {
    let datum = l.datum("datum");
    let utfall = l.kod(
        "utfall",
        |k| match k {
            "inled_utredning" => Some(ForhandsbedomningsUtfall::InledUtredning),
            "inled_ej" => Some(ForhandsbedomningsUtfall::InledEj),
            _ => None,
        },
        "Välj om utredning ska inledas.",
    );
    match (datum, utfall) {
        (Some(datum), Some(utfall)) => Some(Kommando::Forhandsbedom {
            datum,
            utfall,
            skal: l.text("skal"),
        }),
        _ => None,
    }
}

fn falt_aterkalla_ansokan(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::val(
            "insats",
            "Vilken ansökan återkallas?",
            "select",
            a.obeslutade_insatser()
                .iter()
                .map(|i| (i.kod().to_string(), i.namn().to_string())),
        )
        .kravs(),
        Falt::datum("datum", "När återkallade den enskilde ansökan?")
            .kravs()
            .varde(idag),
        Falt::val(
            "kanal",
            "Hur?",
            "radio",
            par(&Kanal::ALLA, Kanal::kod, Kanal::namn),
        )
        .kravs()
        .varde("telefon"),
        Falt::textarea("kommentar", "Vad den enskilde sa")
            .hjalp("Krävs när ansökan återkallades muntligt (FL 27 §)."),
    ]
}

fn tolka_aterkalla_ansokan(l: &mut Lasare) -> Option<Kommando> {
    let insats = l.kod(
        "insats",
        InsatsTyp::fran_kod,
        "Välj vilken ansökan som återkallas.",
    );
    let datum = l.datum("datum");
    let kanal = l.kod("kanal", Kanal::fran_kod, "Välj hur ansökan återkallades.");
    match (insats, datum, kanal) {
        (Some(insats), Some(datum), Some(kanal)) => {
            Some(Kommando::AterkallaAnsokan(AterkallelseUppgifter {
                insats,
                datum,
                kanal,
                kommentar: l.text("kommentar"),
            }))
        }
        _ => None,
    }
}

fn falt_tilldela_handlaggare(ctx: &FaltKontext) -> Vec<Falt> {
    vec![
        Falt::val(
            "handlaggare",
            "Ny handläggare",
            "select",
            handlaggare_val(ctx),
        )
        .kravs(),
    ]
}

fn tolka_tilldela_handlaggare(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    let h: Option<AnvandarId> = l.id("handlaggare", "Välj handläggare.");
    let h = h.filter(|h| {
        ctx.anvandare
            .iter()
            .any(|u| u.id == *h && ctx.arende.is_some_and(|a| kan_tilldelas(u, a.enhet)))
    });
    if h.is_none() && l.fel.is_empty() {
        l.fel(
            "handlaggare",
            "Välj en aktiv handläggare eller arbetsledare vid ärendets enhet.",
        );
    }
    h.map(|handlaggare| Kommando::TilldelaHandlaggare { handlaggare })
}
