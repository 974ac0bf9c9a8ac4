//! The form of each step: which fields it has, and how its input becomes a
//! typed domain command (parse at the edge, STYLE.md 1). Rules about the
//! values live in the domain; here only the shape of the input is checked.

use std::str::FromStr;

use lots_domain::arende::*;
use lots_domain::frister::Fl45Undantag;
use lots_domain::ids::*;
use lots_domain::insats::{InsatsTyp, Lagrum, Utfall};
use lots_store::{Anvandare, Enhet, JournalRad};
use time::Date;

use super::Falt;
use crate::formular::Formular;

pub struct FaltKontext<'a> {
    pub arende: Option<&'a Arende>,
    pub person: PersonId,
    pub idag: Date,
    pub mig: &'a Anvandare,
    pub anvandare: &'a [Anvandare],
    pub enheter: &'a [Enhet],
    pub journal: &'a [JournalRad],
    /// The kinds of document already accepted for the person (newest first).
    pub godtagna: &'a [(Handlingstyp, Date, ArendeId)],
    /// The case's documents by name, for kommunicering (what is sent with the letter).
    pub dokument: &'a [(DokumentId, String)],
}

fn par<T: Copy>(
    alla: &[T],
    kod: fn(T) -> &'static str,
    namn: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    alla.iter()
        .map(|x| (kod(*x).to_string(), namn(*x).to_string()))
        .collect()
}

fn beslut_text(b: &BeslutLage) -> String {
    format!(
        "{} – {} ({})",
        b.beslut.insats.namn(),
        b.beslut.utfall.namn().to_lowercase(),
        b.beslut.datum
    )
}

fn beslut_falt(a: &Arende, typ: KommandoTyp) -> Falt {
    let kandidater = kandidater(a, typ);
    let mut f = Falt::val(
        "beslut",
        "Beslut",
        "select",
        kandidater
            .iter()
            .map(|b| (b.id().to_string(), beslut_text(b))),
    )
    .kravs();
    if let Some(b) = kandidater.first() {
        f = f.varde(b.id());
    }
    f
}

/// An enhet that may hold a case: one of the kommun's myndighet units, never an
/// utförare (issue 12: a crafted POST must not place a case elsewhere).
fn kan_halla_arende(ctx: &FaltKontext, enhet: EnhetId) -> bool {
    ctx.enheter.iter().any(|e| e.id == enhet && !e.utforare)
}

/// An account a case of `enhet` may be assigned to: active, a handläggare or an
/// arbetsledare, of that enhet (issue 12: not the registrator, not anyone else in
/// the kommun). The fördelning of cases happens within the enhet.
fn kan_tilldelas(u: &Anvandare, enhet: EnhetId) -> bool {
    u.aktiv
        && u.enhet == enhet
        && matches!(
            u.roll,
            lots_domain::organisation::Roll::Handlaggare
                | lots_domain::organisation::Roll::Arbetsledare
        )
}

/// Whom a case may be assigned to: of its enhet when there is a case, else of
/// any unit that may hold one (the form for a new case names the unit of each).
fn handlaggare_val(ctx: &FaltKontext) -> Vec<(String, String)> {
    ctx.anvandare
        .iter()
        .filter(|u| match ctx.arende {
            Some(a) => kan_tilldelas(u, a.enhet),
            None => kan_halla_arende(ctx, u.enhet) && kan_tilldelas(u, u.enhet),
        })
        .map(|u| {
            let enhet = ctx
                .enheter
                .iter()
                .find(|e| e.id == u.enhet)
                .map(|e| e.namn.as_str())
                .unwrap_or("");
            (u.id.to_string(), format!("{} ({})", u.namn, enhet))
        })
        .collect()
}

fn aktualisering_falt(typ: AktualiseringsTyp, ctx: &FaltKontext) -> Vec<Falt> {
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

/// The fields of a step's form, with sensible defaults.
pub fn falt(
    typ: KommandoTyp,
    aktualisering: Option<AktualiseringsTyp>,
    ctx: &FaltKontext,
) -> Vec<Falt> {
    use KommandoTyp as T;
    let idag = ctx.idag;
    let datum = || Falt::datum("datum", "Datum").kravs().varde(idag);
    let Some(a) = ctx.arende else {
        return aktualisering_falt(aktualisering.unwrap_or(AktualiseringsTyp::Ansokan), ctx);
    };
    match typ {
        T::Aktualisera => aktualisering_falt(aktualisering.unwrap_or(AktualiseringsTyp::Ansokan), ctx),
        T::AnsokInsats => vec![
            Falt::val("insats", "Insats", "select", par(&InsatsTyp::ALLA, InsatsTyp::kod, InsatsTyp::namn)).kravs(),
            datum(),
            Falt::val("kanal", "Hur kom ansökan in?", "radio", par(&Kanal::ALLA, Kanal::kod, Kanal::namn)).kravs().varde("besok"),
        ],
        T::Forhandsbedom => vec![
            datum(),
            Falt::val(
                "utfall",
                "Bedömning",
                "radio",
                [("inled_utredning".to_string(), "Inled utredning".to_string()), ("inled_ej".to_string(), "Inled inte utredning".to_string())],
            )
            .kravs(),
            Falt::textarea("skal", "Skäl för bedömningen").kravs(),
        ],
        T::InledUtredning | T::AvslutaUtredning => vec![datum()],
        T::RegistreraSynpunkter => vec![
            datum(),
            Falt::textarea("synpunkter", "Den enskildes egen syn på sin situation"),
            Falt::textarea("mal", "Den enskildes egna mål"),
        ],
        T::BifogaDokument => vec![
            Falt::text("namn", "Dokumentets namn").kravs().hjalp("Till exempel Läkarintyg eller Hyreskontrakt."),
            Falt::fil("fil", "Fil").kravs().hjalp("PDF, JPEG eller PNG, högst 10 MB."),
        ],
        T::Kommunicera => vec![
            datum(),
            Falt::textarea("material", "Vilket material kommunicerades?").kravs(),
            Falt::val("satt", "Hur?", "radio", par(&Kommunikationssatt::ALLA, Kommunikationssatt::kod, Kommunikationssatt::namn)).kravs().varde("brev"),
            // FL 25 §: the letter says exactly what was enclosed and how the rest can be read.
            Falt::val("bifogat", "Dokument som skickas med brevet", "checkboxes", ctx.dokument.iter().map(|(id, namn)| (id.to_string(), namn.clone())))
                .hjalp("Brevet räknar upp just de dokument du väljer här. Bifoga dokumentet till ärendet först om det saknas."),
            Falt::text("tillgangligt", "Hur kan den enskilde annars ta del av materialet?")
                .hjalp("Till exempel: kan läsas på Mina sidor, visades vid möte den 2 april. Lämna tomt om allt skickas med."),
            Falt::datum("svar_senast", "Svar senast")
                .kravs()
                .varde(idag + time::Duration::days(14))
                .hjalp("Om dagen är en lördag, söndag eller helgdag flyttas den till nästa vardag."),
        ],
        T::RegistreraSvar => vec![
            Falt::val(
                "kommunicering",
                "Kommunicering",
                "select",
                a.kommuniceringar.iter().filter(|k| k.svar.is_none()).map(|k| (k.id.to_string(), format!("{} (svar senast {})", k.datum, k.svar_senast))),
            )
            .kravs(),
            datum(),
            Falt::textarea("svar", "Den enskildes svar").kravs(),
        ],
        T::FattaBeslut => {
            let obeslutade = a.obeslutade_insatser();
            let forsta = obeslutade.first().copied();
            vec![
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
                datum(),
                Falt::textarea("kommunicering_obehovlig", "Om underlaget inte kommunicerats: varför det uppenbart är obehövligt").hjalp("Bara om beslutet går emot den enskilde utan att hen fått svara (FL 25 §)."),
            ]
        }
        T::SkickaBeslut => vec![
            beslut_falt(a, typ),
            datum(),
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
        ],
        T::RegistreraDelgivning => vec![beslut_falt(a, typ), datum(), Falt::text("satt", "Hur delgavs beslutet?").kravs().hjalp("Till exempel: mottagningsbevis, personlig delgivning.")],
        T::RegistreraOverklagande => vec![
            beslut_falt(a, typ),
            Falt::datum("inkom", "Överklagandet kom in till nämnden").kravs().varde(idag),
            Falt::textarea("text", "Vad överklagandet gäller").kravs(),
        ],
        T::ProvaRattidighet => vec![
            beslut_falt(a, typ),
            datum(),
            Falt::val(
                "undantag",
                "Om överklagandet kom in för sent: gäller något undantag i 45 § förvaltningslagen?",
                "radio",
                [
                    ("".to_string(), "Inget undantag".to_string()),
                    ("felaktig_overklagandehanvisning".to_string(), "Förseningen beror på att nämnden gett fel besked om hur man överklagar".to_string()),
                    ("inkom_till_domstolen_i_tid".to_string(), "Överklagandet kom in till förvaltningsrätten i tid".to_string()),
                ],
            )
            .varde(""),
        ],
        T::Omprova | T::OmprovaEgetInitiativ => vec![
            beslut_falt(a, typ),
            datum(),
            Falt::textarea("motivering", "Skäl vid omprövningen").kravs(),
            Falt::val("andra", "Ändras beslutet?", "radio", [("nej".to_string(), "Nej, beslutet står fast".to_string()), ("ja".to_string(), "Ja, beslutet ändras".to_string())]).kravs().varde("nej"),
            Falt::val("nytt_utfall", "Nytt beslut (om det ändras)", "select", par(&Utfall::ALLA, Utfall::kod, Utfall::namn)),
            Falt::textarea("mal", "Mål med insatsen (om det ändras)"),
            Falt::textarea("omfattning", "Omfattning (om det ändras)"),
            Falt::datum("period_fran", "Gäller från (om det ändras)"),
            Falt::datum("period_till", "Gäller till och med (om det ändras)"),
            Falt::textarea("avslagen_del", "Det som avslås (om det ändras till delvis bifall)").hjalp("Vad den enskilde ansökte om och vilken del som inte beviljas (FL 32 §)."),
            Falt::val("till_nackdel", "Är ändringen till nackdel för den enskilde?", "radio", [("".to_string(), "Lots bedömer det".to_string()), ("ja".to_string(), "Ja".to_string()), ("nej".to_string(), "Nej".to_string())])
                .varde("")
                .hjalp("Behöver bara anges när utfallet är detsamma men omfattningen eller målet ändras."),
            Falt::val("grund", "Om ändringen är till nackdel: vilken grund i 37 § förvaltningslagen gäller?", "radio",
                std::iter::once((String::new(), "Ingen: beslutet ändras inte till nackdel".to_string())).chain(par(&Fl37Grund::ALLA, Fl37Grund::kod, Fl37Grund::namn)))
                .varde("")
                .hjalp("Ett beslut får ändras till nackdel för den enskilde bara i dessa fall."),
        ],
        T::Overlamna | T::StartaVerkstallighet | T::AterupptaVerkstallighet => vec![beslut_falt(a, typ), datum()],
        T::RegistreraDom => vec![
            beslut_falt(a, typ),
            datum(),
            Falt::val("utfall", "Domstolens avgörande", "radio", par(&DomUtfall::ALLA, DomUtfall::kod, DomUtfall::namn)).kravs(),
            Falt::text("malnummer", "Målnummer").kravs(),
        ],
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
        T::AterkallaAnsokan => vec![
            Falt::val("insats", "Vilken ansökan återkallas?", "select", a.obeslutade_insatser().iter().map(|i| (i.kod().to_string(), i.namn().to_string()))).kravs(),
            Falt::datum("datum", "När återkallade den enskilde ansökan?").kravs().varde(idag),
            Falt::val("kanal", "Hur?", "radio", par(&Kanal::ALLA, Kanal::kod, Kanal::namn)).kravs().varde("telefon"),
            Falt::textarea("kommentar", "Vad den enskilde sa").hjalp("Krävs när ansökan återkallades muntligt (FL 27 §)."),
        ],
        T::InformeraOmForenkladDelgivning => vec![
            Falt::datum("datum", "När fick den enskilde veta det?").kravs().varde(idag),
            Falt::val("kanal", "Hur?", "radio", par(&Kanal::ALLA, Kanal::kod, Kanal::namn)).kravs().varde("besok"),
        ],
        T::RegistreraKontrollmeddelande => vec![
            beslut_falt(a, typ),
            Falt::datum("datum", "Kontrollmeddelandet skickades").kravs().varde(idag).hjalp("Senast första arbetsdagen efter att beslutet skickades (22 § delgivningslagen)."),
        ],
        T::RegistreraMisslyckadDelgivning => vec![
            beslut_falt(a, typ),
            datum(),
            Falt::textarea("skal", "Vad hände?").kravs().hjalp("Till exempel att brevet kom tillbaka eller att adressen var fel. Beslutet ska sedan skickas igen."),
        ],
        T::MeddelaDrojsmal => vec![
            Falt::datum("datum", "När fick den enskilde beskedet?").kravs().varde(idag),
            Falt::textarea("skal", "Varför dröjer beslutet?").kravs(),
            Falt::datum("nytt_datum", "När väntas beslutet nu?").kravs(),
            Falt::val("satt", "Hur fick den enskilde beskedet?", "radio", par(&Kommunikationssatt::ALLA, Kommunikationssatt::kod, Kommunikationssatt::namn)).kravs().varde("brev"),
        ],
        T::RegistreraUppfoljning => {
            let mut b = beslut_falt(a, typ);
            b.kravs = false;
            vec![
                b,
                datum(),
                Falt::val("maluppfyllelse", "Hur går det med målen?", "radio", par(&Maluppfyllelse::ALLA, Maluppfyllelse::kod, Maluppfyllelse::namn)).kravs(),
                Falt::textarea("enskildes_synpunkt", "Den enskildes egen bedömning").kravs(),
                Falt::textarea("kommentar", "Handläggarens kommentar"),
                Falt::datum("nasta", "Nästa uppföljning").hjalp("Lämna tomt om det inte behövs någon fler uppföljning."),
            ]
        }
        T::KvitteraBevakning => vec![
            Falt::val(
                "nyckel",
                "Bevakning",
                "select",
                bevakningar(a).into_iter().filter(|b| b.typ.kan_kvitteras()).map(|b| (b.nyckel.clone(), format!("{} {}", b.typ.namn(), b.datum))),
            )
            .kravs(),
            datum(),
        ],
        T::TilldelaHandlaggare => vec![Falt::val("handlaggare", "Ny handläggare", "select", handlaggare_val(ctx)).kravs()],
        T::SkrivJournal => vec![datum(), Falt::textarea("text", "Anteckning").kravs()],
        T::RattaJournal => vec![
            Falt::val("rattar", "Anteckning som rättas", "select", journal_val(ctx)).kravs(),
            datum(),
            Falt::textarea("text", "Rättad text").kravs().hjalp("Originalet finns kvar och går att läsa."),
        ],
        T::RegistreraInvandning => vec![
            Falt::val("anteckning", "Anteckningen som den enskilde menar är fel", "select", journal_val(ctx)).kravs(),
            datum(),
            Falt::textarea("text", "Vad den enskilde menar är fel, med hens egna ord").kravs(),
        ],
        T::RattaDatum => vec![
            beslut_falt(a, typ),
            Falt::val("vad", "Vilket datum är fel?", "radio", par(&RattatDatum::ALLA, RattatDatum::kod, RattatDatum::namn)).kravs(),
            Falt::datum("datum", "Rätt datum").kravs(),
            Falt::textarea("skal", "Varför rättas datumet?").kravs().hjalp("Det felaktiga datumet finns kvar i händelserna. Alla bevakningar räknas om."),
        ],
        T::RegistreraBrev => vec![],
        T::BegarAvgorande => vec![Falt::datum("datum", "Begäran kom in").kravs().varde(idag)],
        T::AvslaBegaranOmAvgorande => vec![
            datum(),
            Falt::textarea("motivering", "Varför kan ärendet inte avgöras nu?").kravs().hjalp("Ett avslag på begäran kan överklagas särskilt (FL 12 §)."),
        ],
        T::SkickaMeddelande => vec![
            Falt::textarea("text", "Meddelande").kravs().hjalp(&format!("Högst {MEDDELANDE_MAX_TECKEN} tecken.")),
        ],
        T::BegarKomplettering => vec![
            Falt::val("handlingar", "Vad behöver den enskilde lämna in?", "checkboxes", handlingstyp_val(ctx)),
            Falt::textarea("beskrivning", "Beskriv vad som behövs").hjalp("Krävs om du väljer Annat eller inte väljer någon handling."),
            Falt::text("godtas", "Vad godtas?").kravs().varde("PDF, foto eller kopia"),
            Falt::datum("senast", "Lämnas senast")
                .kravs()
                .varde(idag + time::Duration::days(14))
                .hjalp("Om dagen är en lördag, söndag eller helgdag flyttas den till nästa vardag."),
            Falt::textarea("skal", "Om en handling redan är inlämnad: varför behövs den igen?"),
        ],
        T::LamnaKomplettering => vec![
            Falt::val("begaran", "Begäran om komplettering", "select", a.kompletteringar.iter().filter(|k| k.oppen()).map(|k| (k.id.to_string(), komplettering_text(k)))).kravs(),
            Falt::datum("datum", "Lämnades in").kravs().varde(idag),
            Falt::textarea("text", "Vad den enskilde lämnade in").kravs().hjalp("Skanna handlingarna och bifoga dem med Bifoga dokument."),
        ],
        T::GodtaKomplettering => vec![
            Falt::val("begaran", "Inlämnad komplettering", "select", a.kompletteringar.iter().filter(|k| k.oppen() && !k.svar.is_empty()).map(|k| (k.id.to_string(), komplettering_text(k)))).kravs(),
            datum(),
        ],
        T::BegarMote | T::UpprattaGenomforandeplan => vec![],
        T::AvslutaArende => vec![
            datum(),
            Falt::val("orsak", "Varför avslutas ärendet?", "radio", par(&Avslutsorsak::VALBARA, Avslutsorsak::kod, Avslutsorsak::namn)).kravs(),
            Falt::textarea("kommentar", "Kommentar"),
        ],
    }
}

/// The catalogue of documents, each already accepted for the person marked with the day.
fn handlingstyp_val(ctx: &FaltKontext) -> Vec<(String, String)> {
    Handlingstyp::ALLA
        .iter()
        .map(|t| {
            let text = match ctx.godtagna.iter().find(|(x, _, _)| x == t) {
                Some((_, datum, _)) => format!("{} – redan inlämnad {datum}", t.namn()),
                None => t.namn().to_string(),
            };
            (t.kod().to_string(), text)
        })
        .collect()
}

/// A request for komplettering as a choice: when it was made and what it asks for.
fn komplettering_text(k: &Komplettering) -> String {
    let mut vad: Vec<&str> = k
        .handlingar
        .iter()
        .filter(|t| **t != Handlingstyp::Annat)
        .map(|t| t.namn())
        .collect();
    if !k.beskrivning.is_empty() {
        vad.push(&k.beskrivning);
    }
    let vad: String = vad.join(", ").chars().take(80).collect();
    let inlamnat = k
        .svar
        .first()
        .map(|s| format!(", lämnat {}", s.datum))
        .unwrap_or_default();
    format!("Begärd {} (senast {}{inlamnat}): {vad}", k.begard, k.senast)
}

fn journal_val(ctx: &FaltKontext) -> Vec<(String, String)> {
    ctx.journal
        .iter()
        .map(|j| {
            let kort: String = j.text.chars().take(60).collect();
            (
                j.id.to_string(),
                format!("{} {}: {kort}", j.datum, j.forfattare),
            )
        })
        .collect()
}

/// Reads a date field as the steps do, for a form outside the steps: required
/// or not, each error added to `fel`.
pub fn las_datum(
    f: &Formular,
    namn: &'static str,
    kravs: bool,
    fel: &mut Vec<FaltFel>,
) -> Option<Date> {
    let mut l = Lasare { f, fel: vec![] };
    let d = if kravs {
        l.datum(namn)
    } else {
        l.valfritt_datum(namn)
    };
    fel.extend(l.fel);
    d
}

/// Reads fields, gathering every error.
struct Lasare<'a> {
    f: &'a Formular,
    fel: Vec<FaltFel>,
}

impl<'a> Lasare<'a> {
    fn fel(&mut self, falt: &'static str, text: &str) {
        self.fel.push(FaltFel {
            falt,
            text: text.into(),
        });
    }
    fn text(&self, namn: &str) -> String {
        self.f.text(namn)
    }
    fn datum(&mut self, namn: &'static str) -> Option<Date> {
        let t = self.f.text(namn);
        if t.is_empty() {
            self.fel(namn, "Ange ett datum.");
            return None;
        }
        self.valfritt_datum(namn)
    }
    fn valfritt_datum(&mut self, namn: &'static str) -> Option<Date> {
        let t = self.f.text(namn);
        if t.is_empty() {
            return None;
        }
        match Date::parse(
            &t,
            time::macros::format_description!("[year]-[month]-[day]"),
        ) {
            Ok(d) => Some(d),
            Err(_) => {
                self.fel(
                    namn,
                    "Datumet ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern.",
                );
                None
            }
        }
    }
    fn kod<T>(&mut self, namn: &'static str, fran: fn(&str) -> Option<T>, text: &str) -> Option<T> {
        let v = fran(&self.text(namn));
        if v.is_none() {
            self.fel(namn, text);
        }
        v
    }
    fn id<T: FromStr>(&mut self, namn: &'static str, text: &str) -> Option<T> {
        let v = self.text(namn).parse().ok();
        if v.is_none() {
            self.fel(namn, text);
        }
        v
    }
    fn kryss(&self, namn: &str) -> bool {
        self.f.kryss(namn)
    }
}

/// Parses a step's form into a command. `ny_id` gives fresh ids for what it creates.
pub fn tolka(
    typ: KommandoTyp,
    aktualisering: Option<AktualiseringsTyp>,
    f: &Formular,
    ctx: &FaltKontext,
) -> Result<Kommando, Vec<FaltFel>> {
    use KommandoTyp as T;
    let mut l = Lasare { f, fel: vec![] };
    let valj_beslut = "Välj ett beslut.";
    let k: Option<Kommando> = match typ {
        T::Aktualisera => {
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
        T::AnsokInsats => {
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
        T::Forhandsbedom => {
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
        T::InledUtredning => l
            .datum("datum")
            .map(|datum| Kommando::InledUtredning { datum }),
        T::AvslutaUtredning => l
            .datum("datum")
            .map(|datum| Kommando::AvslutaUtredning { datum }),
        T::RegistreraSynpunkter => l
            .datum("datum")
            .map(|datum| Kommando::RegistreraSynpunkter {
                datum,
                synpunkter: l.text("synpunkter"),
                mal: l.text("mal"),
            }),
        T::BifogaDokument => {
            l.fel("fil", "Dokument laddas upp med sitt eget formulär.");
            None
        }
        T::Kommunicera => {
            let datum = l.datum("datum");
            let satt = l.kod(
                "satt",
                Kommunikationssatt::fran_kod,
                "Välj hur materialet kommunicerades.",
            );
            let svar_senast = l.datum("svar_senast");
            match (datum, satt, svar_senast) {
                (Some(datum), Some(satt), Some(svar_senast)) => {
                    let mut bifogat = vec![];
                    for v in f.alla("bifogat") {
                        match v.parse::<DokumentId>() {
                            Ok(d) => bifogat.push(d),
                            Err(_) => l.fel("bifogat", "Välj bland ärendets dokument."),
                        }
                    }
                    Some(Kommando::Kommunicera {
                        id: KommuniceringId::ny(),
                        datum,
                        material: l.text("material"),
                        satt,
                        svar_senast,
                        bifogat,
                        tillgangligt: l.text("tillgangligt"),
                    })
                }
                _ => None,
            }
        }
        T::RegistreraSvar => {
            let kommunicering = l.id("kommunicering", "Välj kommunicering.");
            let datum = l.datum("datum");
            match (kommunicering, datum) {
                (Some(kommunicering), Some(datum)) => Some(Kommando::RegistreraSvar {
                    kommunicering,
                    datum,
                    svar: l.text("svar"),
                }),
                _ => None,
            }
        }
        T::FattaBeslut => {
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
                (Some(insats), Some(utfall), Some(lagrum), Some(datum)) => {
                    Some(Kommando::FattaBeslut {
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
                    })
                }
                _ => None,
            }
        }
        T::SkickaBeslut => {
            let beslut = l.id("beslut", valj_beslut);
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
            let info_kanal =
                Kanal::fran_kod(&l.text("forhandsinformation_kanal")).unwrap_or(Kanal::Besok);
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
        T::RegistreraDelgivning => {
            let beslut = l.id("beslut", valj_beslut);
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
        T::RegistreraOverklagande => {
            let beslut = l.id("beslut", valj_beslut);
            let inkom = l.datum("inkom");
            match (beslut, inkom) {
                (Some(beslut), Some(inkom)) => Some(Kommando::RegistreraOverklagande {
                    beslut,
                    inkom,
                    text: l.text("text"),
                }),
                _ => None,
            }
        }
        T::ProvaRattidighet => {
            let beslut = l.id("beslut", valj_beslut);
            let datum = l.datum("datum");
            let undantag = match l.text("undantag").as_str() {
                "felaktig_overklagandehanvisning" => {
                    Some(Fl45Undantag::FelaktigOverklagandehanvisning)
                }
                "inkom_till_domstolen_i_tid" => Some(Fl45Undantag::InkomTillDomstolenITid),
                _ => None,
            };
            match (beslut, datum) {
                (Some(beslut), Some(datum)) => Some(Kommando::ProvaRattidighet {
                    beslut,
                    datum,
                    undantag,
                }),
                _ => None,
            }
        }
        T::Omprova | T::OmprovaEgetInitiativ => {
            let beslut = l.id("beslut", valj_beslut);
            let datum = l.datum("datum");
            let nytt = if l.text("andra") == "ja" {
                let utfall = l.kod("nytt_utfall", Utfall::fran_kod, "Välj det nya beslutet.");
                let period_fran = l.valfritt_datum("period_fran");
                let period_till = l.valfritt_datum("period_till");
                utfall.map(|utfall| NyttBeslut {
                    id: BeslutId::ny(),
                    utfall,
                    mal: l.text("mal"),
                    omfattning: l.text("omfattning"),
                    period_fran,
                    period_till,
                    avslagen_del: l.text("avslagen_del"),
                })
            } else {
                None
            };
            let grund = match l.text("grund").as_str() {
                "" => None,
                _ => l.kod("grund", Fl37Grund::fran_kod, "Välj en grund i listan."),
            };
            let till_nackdel = match l.text("till_nackdel").as_str() {
                "ja" => Some(true),
                "nej" => Some(false),
                _ => None,
            };
            match (beslut, datum) {
                (Some(beslut), Some(datum)) => Some(Kommando::Omprova {
                    beslut,
                    datum,
                    motivering: l.text("motivering"),
                    nytt,
                    eget_initiativ: typ == T::OmprovaEgetInitiativ,
                    grund,
                    till_nackdel,
                }),
                _ => None,
            }
        }
        T::Overlamna | T::StartaVerkstallighet | T::AterupptaVerkstallighet => {
            let beslut = l.id("beslut", valj_beslut);
            let datum = l.datum("datum");
            match (beslut, datum) {
                (Some(beslut), Some(datum)) => Some(match typ {
                    T::Overlamna => Kommando::Overlamna { beslut, datum },
                    T::StartaVerkstallighet => Kommando::StartaVerkstallighet { beslut, datum },
                    _ => Kommando::AterupptaVerkstallighet { beslut, datum },
                }),
                _ => None,
            }
        }
        T::RegistreraDom => {
            let beslut = l.id("beslut", valj_beslut);
            let datum = l.datum("datum");
            let utfall = l.kod("utfall", DomUtfall::fran_kod, "Välj domstolens avgörande.");
            match (beslut, datum, utfall) {
                (Some(beslut), Some(datum), Some(utfall)) => Some(Kommando::RegistreraDom {
                    beslut,
                    datum,
                    utfall,
                    malnummer: l.text("malnummer"),
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
        T::RegistreraUppfoljning => {
            let beslut: Option<BeslutId> = l.text("beslut").parse().ok();
            let datum = l.datum("datum");
            let maluppfyllelse = l.kod(
                "maluppfyllelse",
                Maluppfyllelse::fran_kod,
                "Välj hur det går med målen.",
            );
            let nasta = l.valfritt_datum("nasta");
            match (datum, maluppfyllelse) {
                (Some(datum), Some(maluppfyllelse)) => Some(Kommando::RegistreraUppfoljning {
                    beslut,
                    datum,
                    maluppfyllelse,
                    enskildes_synpunkt: l.text("enskildes_synpunkt"),
                    kommentar: l.text("kommentar"),
                    nasta,
                }),
                _ => None,
            }
        }
        T::KvitteraBevakning => l.datum("datum").map(|datum| Kommando::KvitteraBevakning {
            nyckel: l.text("nyckel"),
            datum,
        }),
        T::TilldelaHandlaggare => {
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
        T::SkrivJournal => l.datum("datum").map(|datum| Kommando::SkrivJournal {
            id: JournalId::ny(),
            datum,
            text: l.text("text"),
        }),
        T::RattaJournal => {
            let rattar = l.id("rattar", "Välj anteckningen som ska rättas.");
            let datum = l.datum("datum");
            match (rattar, datum) {
                (Some(rattar), Some(datum)) => Some(Kommando::RattaJournal {
                    id: JournalId::ny(),
                    rattar,
                    datum,
                    text: l.text("text"),
                }),
                _ => None,
            }
        }
        T::RegistreraInvandning => {
            let anteckning = l.id("anteckning", "Välj anteckningen.");
            let datum = l.datum("datum");
            match (anteckning, datum) {
                (Some(anteckning), Some(datum)) => Some(Kommando::RegistreraInvandning {
                    anteckning,
                    datum,
                    text: l.text("text"),
                }),
                _ => None,
            }
        }
        T::RattaDatum => {
            let beslut = l.id("beslut", valj_beslut);
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
        T::RegistreraBrev => {
            l.fel("innehall", "Brev skapas av Lots när ett steg kräver det.");
            None
        }
        T::BegarAvgorande => l
            .datum("datum")
            .map(|datum| Kommando::BegarAvgorande { datum }),
        T::AvslaBegaranOmAvgorande => {
            l.datum("datum")
                .map(|datum| Kommando::AvslaBegaranOmAvgorande {
                    datum,
                    motivering: l.text("motivering"),
                })
        }
        T::SkickaMeddelande => Some(Kommando::SkickaMeddelande {
            id: MeddelandeId::ny(),
            datum: ctx.idag,
            fran: Avsandare::Handlaggare,
            text: l.text("text"),
        }),
        T::BegarKomplettering => {
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
        T::LamnaKomplettering => {
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
        T::GodtaKomplettering => {
            let begaran = l.id("begaran", "Välj kompletteringen.");
            let datum = l.datum("datum");
            match (begaran, datum) {
                (Some(begaran), Some(datum)) => {
                    Some(Kommando::GodtaKomplettering { begaran, datum })
                }
                _ => None,
            }
        }
        T::BegarMote => {
            l.fel("innehall", "Den enskilde begär möte på Mina sidor.");
            None
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
        T::AterkallaAnsokan => {
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
        T::InformeraOmForenkladDelgivning => {
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
        T::RegistreraKontrollmeddelande => {
            let beslut = l.id("beslut", valj_beslut);
            let datum = l.datum("datum");
            match (beslut, datum) {
                (Some(beslut), Some(datum)) => {
                    Some(Kommando::RegistreraKontrollmeddelande { beslut, datum })
                }
                _ => None,
            }
        }
        T::RegistreraMisslyckadDelgivning => {
            let beslut = l.id("beslut", valj_beslut);
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
        T::MeddelaDrojsmal => {
            let datum = l.datum("datum");
            let nytt_datum = l.datum("nytt_datum");
            let satt = l.kod(
                "satt",
                Kommunikationssatt::fran_kod,
                "Välj hur den enskilde fick beskedet.",
            );
            match (datum, nytt_datum, satt) {
                (Some(datum), Some(nytt_datum), Some(satt)) => {
                    Some(Kommando::MeddelaDrojsmal(DrojsmalUppgifter {
                        datum,
                        skal: l.text("skal"),
                        nytt_datum,
                        satt,
                    }))
                }
                _ => None,
            }
        }
        T::AvslutaArende => {
            let datum = l.datum("datum");
            let orsak = l.kod(
                "orsak",
                Avslutsorsak::fran_kod,
                "Välj varför ärendet avslutas.",
            );
            match (datum, orsak) {
                (Some(datum), Some(orsak)) => Some(Kommando::AvslutaArende {
                    datum,
                    orsak,
                    kommentar: l.text("kommentar"),
                }),
                _ => None,
            }
        }
    };
    match k {
        Some(k) if l.fel.is_empty() => Ok(k),
        _ => {
            if l.fel.is_empty() {
                l.fel("innehall", "Uppgifterna är ofullständiga.");
            }
            Err(l.fel)
        }
    }
}
