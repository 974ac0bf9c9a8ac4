//! Loggkontroll: the auditor's questions to the audit log (SoL 14 kap. 7 §;
//! OSL 26 kap.; Socialstyrelsens föreskrifter om informationssäkerhet, HSLF-FS 2016:40
//! 4 kap. 9 §, on systematic log checks). Reading the log is itself logged.
//!
//! One form, sent by POST so a personnummer never lands in a URL; each answer is
//! also a CSV file. A list view is one row in the log naming every record it
//! showed; here, as in the CSV file, it is one line per record (`sok_logg`), so
//! "who saw this person" and the flags are answered per record.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use lots_domain::arende::KommandoTyp;
use lots_domain::identitet::Identitet;
use lots_domain::ids::AnvandarId;
use lots_domain::tid::{svensk_dag, svensk_offset};
use lots_store::{Granskningspost, Loggfilter, Loggrad};
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time};

use super::rapporter::{csv_svar, las_datum};
use super::{Falt, Sida, fyll};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::FaltFel;
use crate::formular::Formular;
use crate::policy::{self, Atgard};

/// Rows on the page; the CSV file holds up to `MAX_CSV`.
const MAX_SIDA: i64 = 500;
const MAX_CSV: i64 = 100_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fraga {
    Person,
    Anvandare,
    Utanfor,
    Skyddade,
}

impl Fraga {
    const ALLA: [Fraga; 4] = [
        Fraga::Person,
        Fraga::Anvandare,
        Fraga::Utanfor,
        Fraga::Skyddade,
    ];
    fn kod(self) -> &'static str {
        match self {
            Fraga::Person => "person",
            Fraga::Anvandare => "anvandare",
            Fraga::Utanfor => "utanfor",
            Fraga::Skyddade => "skyddade",
        }
    }
    fn namn(self) -> &'static str {
        match self {
            Fraga::Person => "Vem har tagit del av uppgifter om en person",
            Fraga::Anvandare => "Vad en användare har tagit del av",
            Fraga::Utanfor => "Åtkomst utanför egna ärenden och egen enhet",
            Fraga::Skyddade => "Åtkomst till personer med skyddade personuppgifter",
        }
    }
}

/// What an audit row's action code means, in words.
pub fn handlingstext(kod: &str) -> String {
    let fast = match kod {
        "arende.visa" => Some("Öppnade ärendet"),
        "arende.steg" => Some("Öppnade ett steg i ärendet"),
        "arende.bevakning" => Some("Följde en bevakning till steget i ärendet"),
        "arende.nekad" => Some("Nekades att öppna ärendet"),
        "arende.skal" => Some("Angav skäl för att öppna ärendet"),
        "arende.partsinsyn" => Some("Prövade om en journalanteckning visas för personen"),
        "person.visa" => Some("Öppnade personens sida"),
        "person.sok" => Some("Fick personen som sökträff"),
        "person.nekad" => Some("Nekades att se personen"),
        "person.registrera" => Some("Registrerade personen"),
        "person.registrering.nekad" => {
            Some("Försökte registrera personen utan behörighet (skyddade personuppgifter)")
        }
        "person.aktualisera" => Some("Öppnade formuläret för ett nytt ärende om personen"),
        "arende.steg.nekad" => Some("Nekades att ta ett steg i ärendet"),
        "arende.partsinsyn.nekad" => Some("Nekades att pröva partsinsyn i ärendet"),
        "konto.nekad" => Some("Nekades att öppna ett konto"),
        "start.registreringsforsok" => Some("Såg ett registreringsförsök på startsidan"),
        "start.lista" => Some("Såg ärendet på startsidan"),
        "dokument.hamta" => Some("Hämtade ett dokument"),
        "uppdrag.lista" => Some("Såg uppdraget i listan"),
        "uppdrag.visa" => Some("Öppnade uppdraget"),
        "uppdrag.plan" => Some("Öppnade eller skrev genomförandeplanen"),
        "uppdrag.nekad" => Some("Nekades att öppna uppdraget"),
        "inloggning" => Some("Loggade in"),
        "person.fullmakt.registrera" => Some("Registrerade en fullmakt"),
        "person.fullmakt.aterkalla" => Some("Återkallade en fullmakt"),
        "person.fullmakt.godkann" => Some("Godkände en fullmakt (andra person)"),
        "person.fullmakt.dokument" => Some("Hämtade en undertecknad fullmakt"),
        "mina_sidor.inloggning" => Some("Mina sidor: loggade in"),
        "mina_sidor.oversikt" => Some("Mina sidor: såg ärendet i översikten"),
        "mina_sidor.arende" => Some("Mina sidor: öppnade ärendet"),
        "mina_sidor.beslut" => Some("Mina sidor: läste ett beslut"),
        "mina_sidor.kommunicering" => Some("Mina sidor: läste en kommunicering"),
        "mina_sidor.komplettering" => Some("Mina sidor: läste en begäran om komplettering"),
        "mina_sidor.meddelanden" => Some("Mina sidor: läste meddelandena"),
        "mina_sidor.dokument" => Some("Mina sidor: hämtade ett dokument"),
        "mina_sidor.kvitto" => Some("Mina sidor: såg ett kvitto"),
        "mina_sidor.journal" => Some("Mina sidor: läste journalen"),
        "mina_sidor.handling" => Some("Mina sidor: lämnade in något i ärendet"),
        "mina_sidor.nekad" => Some("Mina sidor: nekades att öppna någon annans ärende"),
        _ => None,
    };
    if let Some(t) = fast {
        return t.into();
    }
    if let Some(steg) = kod.strip_prefix("arende.")
        && let Some(t) = KommandoTyp::fran_kod(steg)
    {
        return format!("Steg: {}", t.namn());
    }
    if kod.starts_with("rapport.") {
        return "Såg ärendet i en rapport".into();
    }
    if kod.starts_with("loggkontroll.") {
        return "Läste granskningsloggen".into();
    }
    if kod.starts_with("admin.anvandare.") {
        return "Ändrade eller lade upp ett konto".into();
    }
    if kod.starts_with("admin.enhet.") {
        return "Ändrade eller lade upp en enhet".into();
    }
    if kod.starts_with("delegationsordning.") {
        return "Sparade en version av delegationsordningen".into();
    }
    kod.into()
}

struct Rad {
    tid: String,
    anvandare: String,
    roll: &'static str,
    enhet: String,
    handling: String,
    person: String,
    arende: String,
    skal: String,
    flaggor: String,
}

fn rad(i: &Inloggad, r: &Loggrad) -> Rad {
    let lokal = r.tidpunkt.to_offset(svensk_offset(r.tidpunkt));
    let mut flaggor = vec![];
    if r.utanfor {
        flaggor.push("utanför egen enhet");
    }
    if r.skyddad {
        flaggor.push("skyddad person");
    }
    if r.skal
        .as_deref()
        .is_some_and(|s| s.starts_with(crate::mina_sidor::OMBUD_I_LOGGEN))
    {
        flaggor.push("ombud med fullmakt");
    }
    Rad {
        tid: format!(
            "{} {:02}:{:02}:{:02}",
            lokal.date(),
            lokal.hour(),
            lokal.minute(),
            lokal.second()
        ),
        anvandare: r.anvandare_namn.clone(),
        roll: r.roll.namn(),
        enhet: r.enhet_namn.clone(),
        handling: handlingstext(&r.handling),
        person: if policy::far(&i.anvandare, Atgard::SePersonILogg { skyddad: r.skyddad }) {
            r.person_namn.clone().unwrap_or_default()
        } else {
            "Person med skyddade personuppgifter".into()
        },
        arende: r.arende.map(|a| a.to_string()).unwrap_or_default(),
        skal: r.skal.clone().unwrap_or_default(),
        flaggor: flaggor.join(", "),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "loggkontroll.html")]
struct Loggsida {
    sida: Sida,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
    /// The answer: its heading, rows, and whether more rows exist than shown.
    svar: Option<(String, Vec<Rad>, bool)>,
}

/// The start of a Swedish day as an instant.
fn dagens_borjan(d: Date) -> OffsetDateTime {
    let lokal = PrimitiveDateTime::new(d, Time::MIDNIGHT);
    // The offset at noon that day is the day's offset, whichever side of a DST change.
    let mitt = lokal.assume_utc() + Duration::hours(12);
    lokal.assume_offset(svensk_offset(mitt))
}

async fn sida(
    s: &AppState,
    i: &Inloggad,
    f: &Formular,
    fel: &[FaltFel],
    svar: Option<(String, Vec<Rad>, bool)>,
) -> Result<Loggsida, WebFel> {
    let idag = svensk_dag(s.nu());
    let anvandare = s
        .store
        .organisation()
        .alla_anvandare(i.anvandare.kommun)
        .await?
        .into_iter()
        .map(|a| (a.id.to_string(), format!("{} ({})", a.namn, a.roll.namn())));
    let mut falt = vec![
        Falt::val(
            "fraga",
            "Vad vill du granska?",
            "radio",
            Fraga::ALLA.map(|q| (q.kod().to_string(), q.namn().to_string())),
        )
        .varde("person")
        .kravs(),
        Falt::text("personnummer", "Personens nummer")
            .hjalp("Bara när du granskar en person. ÅÅÅÅMMDD-NNNN, eller reservnummer."),
        Falt::val("anvandare", "Användare", "select", anvandare)
            .hjalp("Bara när du granskar en användare."),
        Falt::datum("fran", "Från och med")
            .varde(idag - Duration::days(30))
            .kravs(),
        Falt::datum("till", "Till och med").varde(idag).kravs(),
    ];
    let fel = if f.get("fraga").is_some() {
        fyll(&mut falt, f, fel)
    } else {
        vec![]
    };
    Ok(Loggsida {
        sida: Sida::av(i),
        falt,
        fel,
        svar,
    })
}

pub async fn visa(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::Loggkontroll)?;
    Ok(sida(&s, &i, &Formular::default(), &[], None)
        .await?
        .into_response())
}

pub async fn sok(State(s): State<AppState>, i: Inloggad, f: Formular) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::Loggkontroll)?;
    let nu = s.nu();
    let kommun = i.anvandare.kommun;
    let mut fel: Vec<FaltFel> = vec![];
    let mut felet = |falt: &'static str, text: &str| {
        fel.push(FaltFel {
            falt,
            text: text.into(),
        })
    };
    let fraga = Fraga::ALLA
        .into_iter()
        .find(|q| Some(q.kod()) == f.get("fraga"));
    if fraga.is_none() {
        felet("fraga", "Välj vad du vill granska.");
    }
    let fran = las_datum(f.get("fran").unwrap_or("").trim());
    let till = las_datum(f.get("till").unwrap_or("").trim());
    if fran.is_none() {
        felet("fran", "Skriv från-datumet som ÅÅÅÅ-MM-DD.");
    }
    if till.is_none() {
        felet("till", "Skriv till-datumet som ÅÅÅÅ-MM-DD.");
    }
    if let (Some(a), Some(b)) = (fran, till)
        && b < a
    {
        felet("till", "Till-datumet kan inte ligga före från-datumet.");
    }
    let mut person = None;
    let mut anvandare: Option<AnvandarId> = None;
    match fraga {
        Some(Fraga::Person) => {
            let nummer = f.text("personnummer");
            let id = Identitet::tolka(&nummer, svensk_dag(nu))
                .or_else(|_| Identitet::reservnummer(&nummer));
            match id {
                Ok(id) => match s.store.personer().person_med_identitet(kommun, &id).await? {
                    // A protected person is not there for an auditor without the
                    // right, as on every other path (issue 12, OSL 21 kap. 3 §);
                    // the accesses to protected persons are the "skyddade" question.
                    Some(p)
                        if policy::far(
                            &i.anvandare,
                            Atgard::SePersonILogg { skyddad: p.skyddad },
                        ) =>
                    {
                        person = Some(p)
                    }
                    _ => felet("personnummer", "Ingen person med det numret finns i Lots."),
                },
                Err(e) => felet("personnummer", &e.to_string()),
            }
        }
        Some(Fraga::Anvandare) => {
            let vald = f.get("anvandare").and_then(|a| a.parse().ok());
            match s
                .store
                .organisation()
                .alla_anvandare(kommun)
                .await?
                .iter()
                .find(|a| Some(a.id) == vald)
            {
                Some(a) => anvandare = Some(a.id),
                None => felet("anvandare", "Välj en användare."),
            }
        }
        _ => {}
    }
    let (Some(fraga), Some(fran), Some(till), true) = (fraga, fran, till, fel.is_empty()) else {
        let sida = sida(&s, &i, &f, &fel, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, sida).into_response());
    };
    let filter = Loggfilter {
        fran: dagens_borjan(fran),
        till: dagens_borjan(till + Duration::days(1)),
        person: person.as_ref().map(|p| p.id),
        anvandare,
        bara_utanfor: fraga == Fraga::Utanfor,
        bara_skyddade: fraga == Fraga::Skyddade,
    };
    let csv = f.get("format") == Some("csv");
    let max = if csv { MAX_CSV } else { MAX_SIDA };
    let rader = s.store.granskning().sok_logg(kommun, &filter, max).await?;
    // Reading the log is itself logged, with the person asked about.
    let mut post = Granskningspost::ny(format!("loggkontroll.{}", fraga.kod()));
    if let Some(p) = &person {
        post = post.person(p.id, p.skyddad);
    }
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[post], nu)
        .await?;
    let rader: Vec<Rad> = rader.iter().map(|r| rad(&i, r)).collect();
    if csv {
        let mut tabell = vec![
            [
                "Tid",
                "Användare",
                "Roll",
                "Enhet",
                "Åtgärd",
                "Person",
                "Ärende",
                "Skäl",
                "Flaggor",
            ]
            .map(String::from)
            .to_vec(),
        ];
        for r in rader {
            tabell.push(vec![
                r.tid,
                r.anvandare,
                r.roll.into(),
                r.enhet,
                r.handling,
                r.person,
                r.arende,
                r.skal,
                r.flaggor,
            ]);
        }
        return Ok(csv_svar(
            &format!("loggkontroll-{}-{fran}-{till}.csv", fraga.kod()),
            &tabell,
        ));
    }
    let mut rubrik = format!("{}, {fran} – {till}", fraga.namn());
    if let Some(p) = &person {
        let namn = if policy::far(&i.anvandare, Atgard::SePersonILogg { skyddad: p.skyddad }) {
            p.namn()
        } else {
            "person med skyddade personuppgifter".into()
        };
        rubrik = format!("{rubrik}: {namn}");
    }
    let fler = rader.len() as i64 >= MAX_SIDA;
    let sida = sida(&s, &i, &f, &[], Some((rubrik, rader, fler))).await?;
    Ok(sida.into_response())
}
