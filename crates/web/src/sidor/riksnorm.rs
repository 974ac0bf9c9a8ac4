//! The systemförvaltare's page for riksnorm tables (issue 15, item 2): the years Lots
//! ships with, the years the kommun has added, and a form for the next year. The form
//! is shown with what changes from the year before before it can be saved, and each
//! save is a new version, written to the audit log in the same transaction.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::forsorjningsstod::riksnorm::{self, Aldersgrupp, Forandring, Riksnorm, STORLEKAR};
use lots_store::StoreError;

use super::{Falt, Sida, fyll};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::{FaltFel, Formular};
use crate::policy::{self, Atgard};

/// The law's age bands for children's personal costs (SoF 12 kap. 2 §), with the
/// form fields for the amount and, up to six years, the lower amount without lunch.
const BAND: [(u8, u8, &str, Option<&str>); 8] = [
    (0, 0, "barn_0", Some("lunch_0")),
    (1, 2, "barn_1_2", Some("lunch_1_2")),
    (3, 3, "barn_3", Some("lunch_3")),
    (4, 6, "barn_4_6", Some("lunch_4_6")),
    (7, 10, "barn_7_10", None),
    (11, 14, "barn_11_14", None),
    (15, 18, "barn_15_18", None),
    (19, 20, "barn_19_20", None),
];

const GEMENSAMMA: [&str; STORLEKAR] = [
    "gemensamma_1",
    "gemensamma_2",
    "gemensamma_3",
    "gemensamma_4",
    "gemensamma_5",
    "gemensamma_6",
    "gemensamma_7",
];

/// One year in the overview.
struct Arsrad {
    ar: i32,
    ensam: i64,
    sambo: i64,
    /// Who added it and when, or that it ships with Lots.
    kalla: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "riksnorm.html")]
struct RiksnormSida {
    sida: Sida,
    ar: Vec<Arsrad>,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
    /// The preview: set when the form was checked and can be saved.
    forandringar: Option<(i32, Option<i32>, Vec<Forandring>)>,
    /// The kommun's guideline amounts for rent: (field, label, value), and the error.
    hyra: Vec<(&'static str, String, String)>,
    hyra_fel: Option<String>,
    /// The kommun's attest limit for payments, and the error of its form.
    attestgrans: String,
    attest_fel: Option<String>,
}

const HYRA: [&str; 7] = [
    "hyra_1", "hyra_2", "hyra_3", "hyra_4", "hyra_5", "hyra_6", "hyra_7",
];

fn aldrar(fran: u8, till: u8) -> String {
    if fran == till {
        format!("{fran} år")
    } else {
        format!("{fran}–{till} år")
    }
}

fn falt(mall: Option<&Riksnorm>) -> Vec<Falt> {
    let mut ut = vec![
        Falt::text("ar", "År")
            .kravs()
            .hjalp("Året tabellen gäller, till exempel 2027. Varje månad räknas med sitt eget års riksnorm.")
            .varde(mall.map(|m| (m.ar + 1).to_string()).unwrap_or_default()),
    ];
    for (fran, till, namn, lunch) in BAND {
        let g = mall.and_then(|m| m.barn.iter().find(|g| g.fran == fran && g.till == till));
        ut.push(
            Falt::text(
                namn,
                &format!("Personliga kostnader, barn {}", aldrar(fran, till)),
            )
            .kravs()
            .varde(g.map(|g| g.belopp.to_string()).unwrap_or_default()),
        );
        if let Some(lunch) = lunch {
            ut.push(
                Falt::text(
                    lunch,
                    &format!(
                        "Barn {} som inte äter lunch hemma fem vardagar",
                        aldrar(fran, till)
                    ),
                )
                .kravs()
                .hjalp("Det lägre beloppet för barn som äter lunch i förskolan.")
                .varde(
                    g.and_then(|g| g.utan_lunch)
                        .map(|b| b.to_string())
                        .unwrap_or_default(),
                ),
            );
        }
    }
    ut.push(
        Falt::text("ensamstaende", "Personliga kostnader, ensamstående vuxen")
            .kravs()
            .varde(mall.map(|m| m.ensamstaende.to_string()).unwrap_or_default()),
    );
    ut.push(
        Falt::text(
            "sambo",
            "Personliga kostnader, två vuxna som lever tillsammans",
        )
        .kravs()
        .varde(mall.map(|m| m.sambo.to_string()).unwrap_or_default()),
    );
    for (i, namn) in GEMENSAMMA.iter().enumerate() {
        let mut f = Falt::text(
            namn,
            &format!(
                "Hushållsgemensamma kostnader, {} {}",
                i + 1,
                if i == 0 { "person" } else { "personer" }
            ),
        )
        .kravs()
        .varde(
            mall.map(|m| m.gemensamma[i].to_string())
                .unwrap_or_default(),
        );
        if i + 1 == STORLEKAR {
            f = f.hjalp(
                "Varje person utöver sju lägger till skillnaden mellan sex och sju personer.",
            );
        }
        ut.push(f);
    }
    ut
}

/// Reads the form into a table, or says what is wrong beside each field.
fn las(f: &Formular) -> Result<Riksnorm, Vec<FaltFel>> {
    let mut fel = vec![];
    let mut belopp = |namn: &'static str| -> i64 {
        let text: String = f
            .text(namn)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        match text.parse::<i64>() {
            Ok(b) if (1..=100_000).contains(&b) => b,
            _ => {
                fel.push(FaltFel {
                    falt: namn,
                    text: "Skriv beloppet i hela kronor per månad, till exempel 3940.".into(),
                });
                0
            }
        }
    };
    let barn: Vec<Aldersgrupp> = BAND
        .iter()
        .map(|&(fran, till, namn, lunch)| Aldersgrupp {
            fran,
            till,
            belopp: belopp(namn),
            utan_lunch: lunch.map(&mut belopp),
        })
        .collect();
    let ensamstaende = belopp("ensamstaende");
    let sambo = belopp("sambo");
    let gemensamma = GEMENSAMMA.map(&mut belopp);
    let ar = match f.text("ar").trim().parse::<i32>() {
        Ok(a) if (2000..=2199).contains(&a) => a,
        _ => {
            fel.push(FaltFel {
                falt: "ar",
                text: "Skriv året med fyra siffror, till exempel 2027.".into(),
            });
            0
        }
    };
    if !fel.is_empty() {
        return Err(fel);
    }
    let tabell = Riksnorm {
        ar,
        barn,
        ensamstaende,
        sambo,
        gemensamma,
    };
    if let Err(e) = tabell.kontrollera() {
        let falt = match e {
            riksnorm::TabellFel::Ar => "ar",
            riksnorm::TabellFel::UtanLunch { fran, .. } => BAND
                .iter()
                .find(|b| b.0 == fran)
                .and_then(|b| b.3)
                .unwrap_or("barn_0"),
            riksnorm::TabellFel::Gemensamma => "gemensamma_1",
            _ => "barn_0",
        };
        return Err(vec![FaltFel {
            falt,
            text: e.to_string(),
        }]);
    }
    if riksnorm::foljer_med(ar) {
        return Err(vec![FaltFel {
            falt: "ar",
            text: format!(
                "Riksnormen för {ar} följer med Lots och kan inte ändras här. Välj ett senare år."
            ),
        }]);
    }
    Ok(tabell)
}

async fn sida(
    s: &AppState,
    i: &Inloggad,
    form: Option<(&Formular, &[FaltFel])>,
    forandringar: Option<(i32, Option<i32>, Vec<Forandring>)>,
) -> Result<Response, WebFel> {
    sida_med(s, i, form, forandringar, None, None).await
}

async fn sida_med(
    s: &AppState,
    i: &Inloggad,
    form: Option<(&Formular, &[FaltFel])>,
    forandringar: Option<(i32, Option<i32>, Vec<Forandring>)>,
    hyra_form: Option<(&Formular, String)>,
    attest_form: Option<(&Formular, String)>,
) -> Result<Response, WebFel> {
    let org = s.store.organisation();
    let sparade = org.hyresriktvarden(i.anvandare.kommun).await?;
    let hyra = HYRA
        .iter()
        .enumerate()
        .map(|(n, namn)| {
            let etikett = match n {
                0 => "1 person".to_string(),
                6 => "7 personer eller fler".to_string(),
                _ => format!("{} personer", n + 1),
            };
            let varde = match &hyra_form {
                Some((f, _)) => f.text(namn),
                None => sparade.map(|b| b[n].to_string()).unwrap_or_default(),
            };
            (*namn, etikett, varde)
        })
        .collect();
    let hyra_fel = hyra_form.map(|(_, fel)| fel);
    let attestgrans = match &attest_form {
        Some((f, _)) => f.text("attestgrans"),
        None => org
            .attestgrans(i.anvandare.kommun)
            .await?
            .unwrap_or(lots_domain::forsorjningsstod::utbetalning::ATTESTGRANS)
            .to_string(),
    };
    let attest_fel = attest_form.map(|(_, fel)| fel);
    let tillagda = org.riksnorm_tillagda(i.anvandare.kommun).await?;
    let alla = org.riksnormer(i.anvandare.kommun).await?;
    let ar = alla
        .iter()
        .rev()
        .map(|t| Arsrad {
            ar: t.ar,
            ensam: t.ensamstaende,
            sambo: t.sambo,
            kalla: match tillagda.iter().find(|x| x.tabell.ar == t.ar) {
                Some(x) => format!(
                    "Version {}, sparad {} av {}",
                    x.version,
                    lots_domain::tid::svensk_dag(x.sparad),
                    x.sparad_av.as_deref().unwrap_or("okänd")
                ),
                None => "Följer med Lots".into(),
            },
        })
        .collect();
    let mut falt = falt(alla.last());
    let fel = match form {
        Some((f, fel)) => fyll(&mut falt, f, fel),
        None => vec![],
    };
    let status = if fel.is_empty() && hyra_fel.is_none() && attest_fel.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        RiksnormSida {
            sida: Sida::av(i),
            ar,
            falt,
            fel,
            forandringar,
            hyra,
            hyra_fel,
            attestgrans,
            attest_fel,
        },
    )
        .into_response())
}

pub async fn visa(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::AdministreraAnvandare)?;
    sida(&s, &i, None, None).await
}

/// Checks the form and shows what changes (`atgard=forhandsgranska`), or saves it
/// (`atgard=spara`). Both check the whole table first.
pub async fn spara(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraAnvandare)?;
    if f.text("atgard") == "hyra" {
        return spara_hyra(&s, &i, &f).await;
    }
    if f.text("atgard") == "attest" {
        return spara_attestgrans(&s, &i, &f).await;
    }
    let tabell = match las(&f) {
        Ok(t) => t,
        Err(fel) => return sida(&s, &i, Some((&f, &fel)), None).await,
    };
    if f.text("atgard") != "spara" {
        let alla = s
            .store
            .organisation()
            .riksnormer(i.anvandare.kommun)
            .await?;
        let fore = alla.iter().rfind(|t| t.ar < tabell.ar);
        let forandringar = riksnorm::forandringar(fore, &tabell);
        return sida(
            &s,
            &i,
            Some((&f, &[])),
            Some((tabell.ar, fore.map(|t| t.ar), forandringar)),
        )
        .await;
    }
    match s
        .store
        .organisation()
        .spara_riksnorm(i.anvandare.kommun, &tabell, &i.aktor(), s.nu())
        .await
    {
        Ok(_) => Ok(Redirect::to("/admin/riksnorm").into_response()),
        Err(StoreError::Konflikt(text)) => {
            sida(&s, &i, Some((&f, &[FaltFel { falt: "ar", text }])), None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The kommun's guideline amounts for rent (SoL 12 kap. 7 § p. 2: a reasonable cost
/// for housing), one per household size.
async fn spara_hyra(s: &AppState, i: &Inloggad, f: &Formular) -> Result<Response, WebFel> {
    let mut belopp = [0i64; 7];
    for (n, namn) in HYRA.iter().enumerate() {
        let text: String = f
            .text(namn)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        match text.parse::<i64>() {
            Ok(b) if (1..=100_000).contains(&b) => belopp[n] = b,
            _ => {
                let fel =
                    "Skriv varje riktvärde i hela kronor per månad, till exempel 7500.".to_string();
                return sida_med(s, i, None, None, Some((f, fel)), None).await;
            }
        }
    }
    match s
        .store
        .organisation()
        .spara_hyresriktvarden(i.anvandare.kommun, &belopp, &i.aktor(), s.nu())
        .await
    {
        Ok(_) => Ok(Redirect::to("/admin/riksnorm").into_response()),
        Err(StoreError::Konflikt(text)) => sida_med(s, i, None, None, Some((f, text)), None).await,
        Err(e) => Err(e.into()),
    }
}

/// The amount above which a payment needs a second person's attest.
async fn spara_attestgrans(s: &AppState, i: &Inloggad, f: &Formular) -> Result<Response, WebFel> {
    let text: String = f
        .text("attestgrans")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let Ok(belopp) = text.parse::<i64>() else {
        let fel = "Skriv gränsen i hela kronor, till exempel 15000.".to_string();
        return sida_med(s, i, None, None, None, Some((f, fel))).await;
    };
    match s
        .store
        .organisation()
        .spara_attestgrans(i.anvandare.kommun, belopp, &i.aktor(), s.nu())
        .await
    {
        Ok(_) => Ok(Redirect::to("/admin/riksnorm").into_response()),
        Err(StoreError::Konflikt(text)) => sida_med(s, i, None, None, None, Some((f, text))).await,
        Err(e) => Err(e.into()),
    }
}
