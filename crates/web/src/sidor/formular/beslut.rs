//! The forms of the steps of beslut and delgivning: each step's fields, and
//! beside them how its input becomes the domain's command. Rules about the
//! values live in the domain.

use super::*;

/// The facts of this phase that lie inside a payload, by the domain's path to them.
pub(super) fn falt_for(fakta: &str) -> Option<&'static str> {
    Some(match fakta {
        // DelgL 23 §: the day the person was told beforehand, with this step.
        "forhandsinformation.datum" => "forhandsinformation_datum",
        _ => return None,
    })
}

/// What the form says above its fields, before the user fills them in.
pub(super) fn ingress(typ: KommandoTyp) -> &'static str {
    match typ {
        KommandoTyp::FattaBeslut => {
            "Ett beslut för varje ansökt insats. Beslutet ska gå att förstå för den enskilde: vad som beslutats, varför och med stöd av vilken bestämmelse."
        }
        _ => "",
    }
}

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::FattaBeslut => falt_fatta_beslut(a, ctx),
        T::SkickaBeslut => falt_skicka_beslut(typ, a, ctx),
        T::RegistreraDelgivning => falt_registrera_delgivning(typ, a, ctx),
        T::InformeraOmForenkladDelgivning => falt_informera_om_forenklad_delgivning(ctx),
        T::RegistreraKontrollmeddelande => falt_registrera_kontrollmeddelande(typ, a, ctx),
        T::RegistreraMisslyckadDelgivning => falt_registrera_misslyckad_delgivning(typ, a, ctx),
        T::RattaDatum => falt_ratta_datum(typ, a),
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::FattaBeslut => tolka_fatta_beslut(l, ctx),
        T::SkickaBeslut => tolka_skicka_beslut(l),
        T::RegistreraDelgivning => tolka_registrera_delgivning(l),
        T::InformeraOmForenkladDelgivning => tolka_informera_om_forenklad_delgivning(l),
        T::RegistreraKontrollmeddelande => tolka_registrera_kontrollmeddelande(l),
        T::RegistreraMisslyckadDelgivning => tolka_registrera_misslyckad_delgivning(l),
        T::RattaDatum => tolka_ratta_datum(l),
        _ => None,
    }
}

fn falt_fatta_beslut(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    let obeslutade = a.obeslutade_insatser();
    let forsta = obeslutade.first().copied();
    let mut falt = vec![
        Falt::val("insats", "Insats", "select", obeslutade.iter().map(|i| (i.kod().to_string(), i.namn().to_string())))
            .kravs()
            .varde(forsta.map(|i| i.kod()).unwrap_or("")),
        Falt::val("utfall", "Beslut", "radio", par(&Utfall::ALLA, Utfall::kod, Utfall::namn)).kravs(),
        Falt::val("lagrum", "Lagrum", "select", par(&Lagrum::ALLA, Lagrum::kod, Lagrum::text))
            .kravs()
            .varde(forsta.map(|i| i.lagrum().kod()).unwrap_or("")),
        Falt::textarea("mal", "Mål med insatsen").hjalp("Krävs vid bifall."),
        Falt::textarea("omfattning", "Omfattning och frekvens").hjalp("Krävs vid bifall."),
        Falt::datum("period_fran", "Gäller från"),
        Falt::datum("period_till", "Gäller till och med"),
        Falt::textarea("avslagen_del", "Det som avslås")
            .hjalp("Krävs vid delvis bifall: vad den enskilde ansökte om och vilken del som inte beviljas (FL 32 §)."),
        Falt::textarea("motivering", "Motivering").kravs().hjalp("Vilka bestämmelser som tillämpats och vilka omständigheter som avgjort (FL 32 §)."),
        Falt::val(
            "foredragande",
            "Föredragande",
            "select",
            ctx.anvandare
                .iter()
                .filter(|u| u.aktiv && u.anvandarnamn != lots_store::MINA_SIDOR_KONTO)
                .map(|u| (u.id.to_string(), format!("{}, {}", u.namn, u.roll.namn().to_lowercase()))),
        )
        .hjalp("Den som föredrog ärendet, om någon gjorde det. Namnet står i beslutet (FL 31 §)."),
        datumfalt(idag),
        Falt::textarea("kommunicering_obehovlig", "Om underlaget inte kommunicerats: varför det uppenbart är obehövligt").hjalp("Bara om beslutet går emot den enskilde utan att hen fått svara (FL 25 §)."),
    ];
    if forsta == Some(InsatsTyp::Forsorjningsstod)
        && let Some(b) = a.senaste_forsorjningsstod.as_deref()
    {
        fran_berakning(&mut falt, &b.berakning);
    } else if let Some((datum, bedomning)) = &a.utredningsbedomning
        && let Some(x) = falt.iter_mut().find(|x| x.namn == "motivering")
    {
        // The utredning's assessment is where the motivering starts (issue 20, item 5): the
        // handläggare adds the provisions and what decided it, rather than writing it twice.
        *x = std::mem::replace(x, Falt::text("", "")).varde(bedomning);
        x.hjalp = format!(
            "Ifyllt från utredningens bedömning ({datum}). Lägg till vilka bestämmelser som tillämpats och vilka omständigheter som avgjort (FL 32 §)."
        );
    }
    // The utredning's förslag till beslut (issue 20 item 5): its outcome is chosen, unless
    // a calculation already chose one, and its words stand beside the choice.
    if let Some(f) = &a.forslag_till_beslut
        && let Some(x) = falt.iter_mut().find(|x| x.namn == "utfall")
    {
        if let Some(u) = f.utfall
            && x.varde.is_empty()
        {
            *x = std::mem::replace(x, Falt::text("", "")).varde(u.kod());
        }
        x.hjalp = format!(
            "Utredningens {}. Beslutet är ditt: välj det utfall som beslutas.",
            crate::visning::forslag_till_beslut(f).replacen("Förslag", "förslag", 1)
        );
    }
    falt
}

/// A decision on försörjningsstöd starts from the month's calculation: the result,
/// the month as the period, every line in the omfattning, what was refused and why
/// (FL 32 §), so the letter shows the same lines as the case page and Mina sidor.
fn fran_berakning(
    falt: &mut [Falt],
    b: &lots_domain::forsorjningsstod::berakning::Manadsberakning,
) {
    use lots_domain::forsorjningsstod::berakning::Utfall as Radutfall;
    let satt = |falt: &mut [Falt], namn: &str, varde: String| {
        if let Some(x) = falt.iter_mut().find(|x| x.namn == namn) {
            *x = std::mem::replace(x, Falt::text("", "")).varde(varde);
        }
    };
    let utfall = match b.utfall() {
        Radutfall::Bifall => Utfall::Bifall,
        Radutfall::DelvisBifall => Utfall::DelvisBifall,
        Radutfall::Avslag => Utfall::Avslag,
    };
    satt(falt, "utfall", utfall.kod().to_string());
    satt(
        falt,
        "mal",
        format!(
            "Att hushållet har en skälig levnadsnivå under {} (12 kap. 1 § socialtjänstlagen).",
            b.manad.namn()
        ),
    );
    let forsta = b.manad.forsta_dagen();
    satt(falt, "period_fran", forsta.to_string());
    let sista = b
        .manad
        .nasta()
        .forsta_dagen()
        .previous_day()
        .unwrap_or(forsta);
    satt(falt, "period_till", sista.to_string());
    let mut omfattning = vec![format!(
        "Försörjningsstöd för {} med {}.",
        b.manad.namn(),
        crate::visning::kr(b.bistand())
    )];
    omfattning.extend(crate::visning::berakningsrader(b));
    satt(falt, "omfattning", omfattning.join("\n"));
    let avslaget: Vec<String> = b
        .overklagbara()
        .map(|r| {
            format!(
                "{}: sökt {}, beviljat {}. {}",
                crate::visning::radtext(r, b.manad),
                crate::visning::kr(r.ansokt),
                crate::visning::kr(r.godkant),
                r.skal
            )
        })
        .collect();
    satt(falt, "avslagen_del", avslaget.join("\n"));
    let mut motivering = vec![
        "Försörjningsstödet är beräknat enligt riksnormen för hushållet och de skäliga kostnader som godkänts, minus hushållets inkomster (12 kap. 1 och 7 §§ socialtjänstlagen).".to_string(),
    ];
    motivering.extend(
        b.overklagbara()
            .map(|r| format!("{}: {}", crate::visning::radtext(r, b.manad), r.skal)),
    );
    if b.resultat < 0 {
        motivering.push(format!(
            "Hushållets inkomster ({}) är högre än behovet ({}).",
            crate::visning::kr(b.inkomst),
            crate::visning::kr(b.behov)
        ));
    }
    satt(falt, "motivering", motivering.join("\n"));
    if let Some(x) = falt.iter_mut().find(|x| x.namn == "omfattning") {
        x.hjalp = format!(
            "Ifyllt från beräkningen för {}. Ändra inte beloppen här; beräkna månaden igen om något ändrats.",
            b.manad.namn()
        );
    }
}

fn tolka_fatta_beslut(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    let insats = l.kod("insats", InsatsTyp::fran_kod, "Välj insats.");
    let utfall = l.kod("utfall", Utfall::fran_kod, "Välj beslut.");
    let lagrum = l.kod("lagrum", Lagrum::fran_kod, "Välj lagrum.");
    let period_fran = l.valfritt_datum("period_fran");
    let period_till = l.valfritt_datum("period_till");
    let datum = l.datum("datum");
    // FL 31 §: a föredragande is one of the kommun's own accounts.
    let foredragande = match l.text("foredragande").as_str() {
        "" => None,
        t => {
            let id = t
                .parse::<AnvandarId>()
                .ok()
                .filter(|id| ctx.anvandare.iter().any(|u| u.id == *id));
            if id.is_none() {
                l.fel("foredragande", "Välj föredragande i listan.");
            }
            id
        }
    };
    match (insats, utfall, lagrum, datum) {
        (Some(insats), Some(utfall), Some(lagrum), Some(datum)) => Some(Kommando::FattaBeslut {
            id: BeslutId::ny(),
            insats,
            utfall,
            lagrum,
            mal: l.text("mal"),
            omfattning: l.text("omfattning"),
            period_fran,
            period_till,
            motivering: l.text("motivering"),
            datum,
            kommunicering_obehovlig: Some(l.text("kommunicering_obehovlig"))
                .filter(|s| !s.is_empty()),
            foredragande,
            avslagen_del: l.text("avslagen_del"),
        }),
        _ => None,
    }
}

fn falt_skicka_beslut(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        datumfalt(idag),
        Falt::val("satt", "Hur skickades beslutet?", "radio", par(&Utskickssatt::ALLA, Utskickssatt::kod, Utskickssatt::namn)).kravs().varde("brev"),
        Falt::kryss("forenklad_delgivning", "Förenklad delgivning").hjalp("Kontrollmeddelandet ska skickas senast nästa arbetsdag och registreras. Först då räknas personen som delgiven, två veckor efter att beslutet skickades."),
        match a.forhandsinformerad {
            Some(d) => Falt::datum("forhandsinformation_datum", "Personen fick veta i förväg att förenklad delgivning kan användas")
                .varde(d)
                .hjalp("Redan registrerat (23 § delgivningslagen)."),
            None => Falt::datum("forhandsinformation_datum", "Vid förenklad delgivning: när fick personen veta i förväg att den kan användas?")
                .hjalp("Krävs för förenklad delgivning (23 § delgivningslagen)."),
        },
        Falt::val("forhandsinformation_kanal", "Hur fick personen veta det?", "radio", par(&Kanal::ALLA, Kanal::kod, Kanal::namn)).varde("besok"),
    ]
}

fn tolka_skicka_beslut(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    let satt = l.kod(
        "satt",
        Utskickssatt::fran_kod,
        "Välj hur beslutet skickades.",
    );
    let forenklad_delgivning = l.kryss("forenklad_delgivning");
    let info_datum = if forenklad_delgivning {
        l.valfritt_datum("forhandsinformation_datum")
    } else {
        None
    };
    let info_kanal = Kanal::fran_kod(&l.text("forhandsinformation_kanal")).unwrap_or(Kanal::Besok);
    match (beslut, datum, satt) {
        (Some(beslut), Some(datum), Some(satt)) => Some(Kommando::SkickaBeslut {
            beslut,
            datum,
            satt,
            forenklad_delgivning,
            forhandsinformation: info_datum.map(|d| (d, info_kanal)),
        }),
        _ => None,
    }
}

fn falt_registrera_delgivning(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        datumfalt(idag),
        Falt::text("satt", "Hur delgavs beslutet?")
            .kravs()
            .hjalp("Till exempel: mottagningsbevis, personlig delgivning."),
    ]
}

fn tolka_registrera_delgivning(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => Some(Kommando::RegistreraDelgivning {
            beslut,
            datum,
            satt: l.text("satt"),
        }),
        _ => None,
    }
}

fn falt_informera_om_forenklad_delgivning(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::datum("datum", "När fick den enskilde veta det?")
            .kravs()
            .varde(idag),
        Falt::val(
            "kanal",
            "Hur?",
            "radio",
            par(&Kanal::ALLA, Kanal::kod, Kanal::namn),
        )
        .kravs()
        .varde("besok"),
    ]
}

fn tolka_informera_om_forenklad_delgivning(l: &mut Lasare) -> Option<Kommando> {
    let datum = l.datum("datum");
    let kanal = l.kod(
        "kanal",
        Kanal::fran_kod,
        "Välj hur den enskilde fick veta det.",
    );
    match (datum, kanal) {
        (Some(datum), Some(kanal)) => {
            Some(Kommando::InformeraOmForenkladDelgivning { datum, kanal })
        }
        _ => None,
    }
}

fn falt_registrera_kontrollmeddelande(
    typ: KommandoTyp,
    a: &Arende,
    ctx: &FaltKontext,
) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        Falt::datum("datum", "Kontrollmeddelandet skickades")
            .kravs()
            .varde(idag)
            .hjalp(
                "Senast första arbetsdagen efter att beslutet skickades (22 § delgivningslagen).",
            ),
    ]
}

fn tolka_registrera_kontrollmeddelande(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => {
            Some(Kommando::RegistreraKontrollmeddelande { beslut, datum })
        }
        _ => None,
    }
}

fn falt_registrera_misslyckad_delgivning(
    typ: KommandoTyp,
    a: &Arende,
    ctx: &FaltKontext,
) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        datumfalt(idag),
        Falt::textarea("skal", "Vad hände?").kravs().hjalp("Till exempel att brevet kom tillbaka eller att adressen var fel. Beslutet ska sedan skickas igen."),
    ]
}

fn tolka_registrera_misslyckad_delgivning(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => Some(Kommando::RegistreraMisslyckadDelgivning(
            MisslyckadDelgivningUppgifter {
                beslut,
                datum,
                skal: l.text("skal"),
            },
        )),
        _ => None,
    }
}

fn falt_ratta_datum(typ: KommandoTyp, a: &Arende) -> Vec<Falt> {
    vec![
        beslut_falt(a, typ),
        Falt::val(
            "vad",
            "Vilket datum är fel?",
            "radio",
            par(&RattatDatum::ALLA, RattatDatum::kod, RattatDatum::namn),
        )
        .kravs(),
        Falt::datum("datum", "Rätt datum").kravs(),
        Falt::textarea("skal", "Varför rättas datumet?")
            .kravs()
            .hjalp("Det felaktiga datumet finns kvar i händelserna. Alla bevakningar räknas om."),
    ]
}

fn tolka_ratta_datum(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let vad = l.kod(
        "vad",
        RattatDatum::fran_kod,
        "Välj vilket datum som är fel.",
    );
    let datum = l.datum("datum");
    match (beslut, vad, datum) {
        (Some(beslut), Some(vad), Some(datum)) => Some(Kommando::RattaDatum {
            beslut,
            vad,
            datum,
            skal: l.text("skal"),
        }),
        _ => None,
    }
}
