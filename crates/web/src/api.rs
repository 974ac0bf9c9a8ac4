//! The public API: no personal data, no login. The calendar and time limits (issue 3,
//! item 3) and the riksnorm (issue 15, item 10). The rules are the domain's; this only
//! parses, answers and describes.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use lots_domain::forsorjningsstod::riksnorm::{
    HOGSTA_ALDER_UTAN_LUNCH, HOGSTA_BARNALDER, HushallsFel, NormBarn, NormHushall, Vuxna,
};
use lots_domain::{frister, kalender};
use lots_store::PublikRiksnorm;

use crate::AppState;
use serde_json::{Value, json};
use time::Date;

/// A 400 with a structured error that names the parameter.
pub struct ApiFel {
    parameter: String,
    text: String,
}

fn fel(parameter: &str, text: &str) -> ApiFel {
    ApiFel {
        parameter: parameter.into(),
        text: text.into(),
    }
}

impl IntoResponse for ApiFel {
    fn into_response(self) -> Response {
        (
            StatusCode::BAD_REQUEST,
            Json(json!({ "fel": self.text, "parameter": self.parameter })),
        )
            .into_response()
    }
}

type Svar = Result<Json<Value>, ApiFel>;

fn datum(q: &HashMap<String, String>, namn: &str) -> Result<Date, ApiFel> {
    let Some(v) = q.get(namn) else {
        return Err(fel(namn, &format!("Parametern {namn} saknas.")));
    };
    Date::parse(v, time::macros::format_description!("[year]-[month]-[day]")).map_err(|_| {
        fel(
            namn,
            &format!("{namn} ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD."),
        )
    })
}

const FORSTA_AR: i32 = 1900;
const SISTA_AR: i32 = 2199;

pub async fn kalender_ar(Path(ar): Path<String>) -> Svar {
    let ar: i32 = match ar.parse() {
        Ok(a) if (FORSTA_AR..=SISTA_AR).contains(&a) => a,
        _ => {
            return Err(fel(
                "år",
                &format!("År ska vara ett heltal från {FORSTA_AR} till {SISTA_AR}."),
            ));
        }
    };
    let lista = |v: Vec<kalender::Helgdag>| -> Vec<Value> {
        v.into_iter()
            .map(|h| json!({ "datum": h.datum.to_string(), "namn": h.namn }))
            .collect()
    };
    Ok(Json(json!({
        "helgdagar": lista(kalender::helgdagar(ar)),
        "ej_vardagar": lista(kalender::ej_vardagar(ar)),
    })))
}

pub async fn delgivning(Query(q): Query<HashMap<String, String>>) -> Svar {
    let f = frister::forenklad_delgivning(datum(&q, "skickat")?);
    Ok(Json(
        json!({ "kontrollmeddelande": f.kontrollmeddelande.to_string(), "delgiven": f.delgiven.to_string() }),
    ))
}

pub async fn overklagande(Query(q): Query<HashMap<String, String>>) -> Svar {
    if q.contains_key("delgiven") {
        let d = datum(&q, "delgiven")?;
        return Ok(Json(
            json!({ "sista_dag": frister::sista_dag_overklagande(d).to_string() }),
        ));
    }
    match q.get("delgivning").map(String::as_str) {
        Some("forenklad") => {}
        Some(_) => {
            return Err(fel(
                "delgivning",
                "Bara delgivning=forenklad räknas från skickat datum.",
            ));
        }
        None if q.contains_key("skickat") => {
            return Err(fel(
                "delgivning",
                "Ange delgivning=forenklad, eller delgiven=ÅÅÅÅ-MM-DD.",
            ));
        }
        None => {
            return Err(fel(
                "delgiven",
                "Ange delgiven=ÅÅÅÅ-MM-DD, eller skickat=ÅÅÅÅ-MM-DD&delgivning=forenklad.",
            ));
        }
    }
    let delgiven = frister::forenklad_delgivning(datum(&q, "skickat")?).delgiven;
    Ok(Json(
        json!({ "delgiven": delgiven.to_string(), "sista_dag": frister::sista_dag_overklagande(delgiven).to_string() }),
    ))
}

pub async fn rattidsprovning(Query(q): Query<HashMap<String, String>>) -> Svar {
    let delgiven = datum(&q, "delgiven")?;
    let inkom = datum(&q, "inkom")?;
    let p = frister::rattidsprovning(delgiven, inkom, None);
    Ok(Json(
        json!({ "i_tid": p.i_tid, "sista_dag": p.sista_dag.to_string() }),
    ))
}

pub async fn verkstallighet(Query(q): Query<HashMap<String, String>>) -> Svar {
    let b = datum(&q, "beslut")?;
    Ok(Json(
        json!({ "tre_manader": frister::verkstallighet_tre_manader(b).to_string() }),
    ))
}

/// A query's parameters, each named once: a repeated parameter is ambiguous, so it is an
/// error rather than a guess at which one was meant.
fn parametrar(par: Vec<(String, String)>) -> Result<HashMap<String, String>, ApiFel> {
    let mut ut = HashMap::new();
    for (k, v) in par {
        if ut.contains_key(&k) {
            return Err(fel(&k, &format!("Parametern {k} får bara anges en gång.")));
        }
        ut.insert(k, v);
    }
    Ok(ut)
}

/// A comma-separated list of whole numbers; empty means none.
fn tallista(q: &HashMap<String, String>, namn: &str, text: &str) -> Result<Vec<u32>, ApiFel> {
    let Some(v) = q.get(namn).map(|v| v.trim()).filter(|v| !v.is_empty()) else {
        return Ok(vec![]);
    };
    v.split(',')
        .map(|d| {
            let d = d.trim();
            if d.is_empty() || !d.bytes().all(|b| b.is_ascii_digit()) {
                return Err(fel(namn, text));
            }
            d.parse::<u32>().map_err(|_| fel(namn, text))
        })
        .collect()
}

/// The riksnorm for a household (SoL 12 kap. 7 §; SoF 12 kap. 2–3 §§), kronor per month.
pub async fn riksnorm(
    State(s): State<AppState>,
    Path(ar): Path<String>,
    Query(par): Query<Vec<(String, String)>>,
) -> Result<Json<Value>, Response> {
    let q = parametrar(par).map_err(IntoResponse::into_response)?;
    let ogiltigt_ar = || {
        fel(
            "år",
            "År ska vara ett år som Lots har riksnormen för, till exempel 2026.",
        )
    };
    let ar: i32 = match ar.trim().parse() {
        Ok(a) if (FORSTA_AR..=SISTA_AR).contains(&a) => a,
        _ => return Err(ogiltigt_ar().into_response()),
    };
    let vuxna = match q.get("vuxna").map(String::as_str) {
        Some("ensam") => Vuxna::Ensam,
        Some("sambo") => Vuxna::Sambo,
        Some(_) => {
            return Err(fel("vuxna", "vuxna ska vara ensam eller sambo.").into_response());
        }
        None => {
            return Err(
                fel("vuxna", "Parametern vuxna saknas: ange ensam eller sambo.").into_response(),
            );
        }
    };
    let barntext = format!(
        "barn ska vara barnens åldrar i hela år, 0–{HOGSTA_BARNALDER}, åtskilda med kommatecken, till exempel barn=5,8."
    );
    let aldrar = tallista(&q, "barn", &barntext).map_err(IntoResponse::into_response)?;
    let lunchtext = format!(
        "utan_lunch ska vara positioner (från 0) i barn för barn upp till {HOGSTA_ALDER_UTAN_LUNCH} år som inte äter lunch hemma fem vardagar, till exempel utan_lunch=0."
    );
    let utan_lunch = tallista(&q, "utan_lunch", &lunchtext).map_err(IntoResponse::into_response)?;
    // The ages and the lunch rule are the domain's (kontrollera_hushall); here only
    // what does not even make a household: an age beyond a byte, a position beyond the list.
    let mut barn = Vec::with_capacity(aldrar.len());
    for a in aldrar {
        let Ok(a) = u8::try_from(a) else {
            return Err(fel("barn", &barntext).into_response());
        };
        barn.push(NormBarn::heltid(a));
    }
    for p in utan_lunch {
        match barn.get_mut(p as usize) {
            Some(b) => b.utan_lunch = true,
            None => return Err(fel("utan_lunch", &lunchtext).into_response()),
        }
    }
    let tabell = match s.store.riksnorm_publik(ar).await {
        Ok(PublikRiksnorm::Finns(t)) => t,
        Ok(PublikRiksnorm::Saknas) => return Err(ogiltigt_ar().into_response()),
        Ok(PublikRiksnorm::Oenig) => {
            return Err(fel(
                "år",
                "Kommunerna i den här installationen har sparat olika belopp för året. Fråga systemförvaltaren.",
            )
            .into_response());
        }
        Err(e) => return Err(crate::fel::WebFel::from(e).into_response()),
    };
    let hushall = NormHushall {
        vuxna,
        barn,
        medboende: 0,
    };
    match tabell.berakna(&hushall) {
        Ok(n) => Ok(Json(
            json!({ "personliga": n.personliga, "gemensamma": n.gemensamma, "norm": n.norm }),
        )),
        Err(HushallsFel::UtanLunch { .. }) => Err(fel("utan_lunch", &lunchtext).into_response()),
        Err(e @ HushallsFel::ForStort) => Err(fel("barn", &e.to_string()).into_response()),
        Err(_) => Err(fel("barn", &barntext).into_response()),
    }
}

fn datumparameter(namn: &str, beskrivning: &str) -> Value {
    json!({ "name": namn, "in": "query", "required": true, "description": beskrivning, "schema": { "type": "string", "format": "date" } })
}

fn svar(egenskaper: Value) -> Value {
    json!({
        "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "object", "properties": egenskaper } } } },
        "400": { "description": "Ogiltig parameter", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Fel" } } } }
    })
}

pub async fn openapi() -> Json<Value> {
    let d = json!({ "type": "string", "format": "date" });
    let dag = json!({ "type": "object", "properties": { "datum": d, "namn": { "type": "string" } }, "required": ["datum", "namn"] });
    Json(json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Lots kalender-, frist- och riksnorm-API",
            "version": "1",
            "description": "Svenska helgdagar, lagstadgade frister och riksnormen för försörjningsstöd. Ingen inloggning, inga personuppgifter. Källor: lag (1989:253) om allmänna helgdagar, lag (1930:173) om beräkning av lagstadgad tid, delgivningslagen (2010:1932), förvaltningslagen (2017:900) 44–45 §§, socialtjänstlagen (2025:400) 12 kap. 7 § och 34 kap. 1 §, socialtjänstförordningen (2025:468) 12 kap. 2–3 §§."
        },
        "paths": {
            "/api/v1/kalender/{år}": { "get": {
                "summary": "Helgdagar och dagar som likställs med helgdag ett år",
                "parameters": [{ "name": "år", "in": "path", "required": true, "schema": { "type": "integer", "minimum": FORSTA_AR, "maximum": SISTA_AR } }],
                "responses": svar(json!({ "helgdagar": { "type": "array", "items": dag }, "ej_vardagar": { "type": "array", "items": dag } }))
            }},
            "/api/v1/frister/delgivning": { "get": {
                "summary": "Förenklad delgivning: sista dag för kontrollmeddelandet och delgivningsdag",
                "description": "Kontrollmeddelandet ska skickas senast närmast följande arbetsdag (22 § delgivningslagen). Lots räknar midsommarafton, julafton och nyårsafton som arbetsdagar (den strängare läsningen), så att ett kontrollmeddelande som skickas senast den dagen aldrig är för sent. Den enskilde är delgiven två veckor efter att handlingen skickades, om kontrollmeddelandet har skickats.",
                "parameters": [datumparameter("skickat", "Dagen handlingen skickades")],
                "responses": svar(json!({ "kontrollmeddelande": d, "delgiven": d }))
            }},
            "/api/v1/frister/overklagande": { "get": {
                "summary": "Sista dag att överklaga (FL 44 §)",
                "parameters": [
                    { "name": "delgiven", "in": "query", "required": false, "schema": { "type": "string", "format": "date" } },
                    { "name": "skickat", "in": "query", "required": false, "schema": { "type": "string", "format": "date" } },
                    { "name": "delgivning", "in": "query", "required": false, "schema": { "type": "string", "enum": ["forenklad"] } }
                ],
                "responses": svar(json!({ "delgiven": d, "sista_dag": d }))
            }},
            "/api/v1/frister/rattidsprovning": { "get": {
                "summary": "Kom överklagandet in i tid? (FL 44–45 §§)",
                "parameters": [datumparameter("delgiven", "Delgivningsdag"), datumparameter("inkom", "Dagen överklagandet kom in till nämnden")],
                "responses": svar(json!({ "i_tid": { "type": "boolean" }, "sista_dag": d }))
            }},
            "/api/v1/riksnorm/{år}": { "get": {
                "summary": "Riksnormen för ett hushåll, kronor per månad (12 kap. 7 § socialtjänstlagen, 12 kap. 2–3 §§ socialtjänstförordningen)",
                "description": "Personliga kostnader för de vuxna och barnen, hushållsgemensamma kostnader efter hushållets storlek (varje person utöver sju lägger till skillnaden mellan sex och sju personer) och summan. Ett år Lots inte har riksnormen för ger 400.",
                "parameters": [
                    { "name": "år", "in": "path", "required": true, "schema": { "type": "integer", "minimum": FORSTA_AR, "maximum": SISTA_AR } },
                    { "name": "vuxna", "in": "query", "required": true, "schema": { "type": "string", "enum": ["ensam", "sambo"] }, "description": "En vuxen, eller två vuxna som är gifta eller sambor" },
                    { "name": "barn", "in": "query", "required": false, "schema": { "type": "string", "pattern": "^([0-9]+(,[0-9]+)*)?$" }, "description": "Barnens åldrar i hela år (0–20), åtskilda med kommatecken, till exempel 5,8" },
                    { "name": "utan_lunch", "in": "query", "required": false, "schema": { "type": "string", "pattern": "^([0-9]+(,[0-9]+)*)?$" }, "description": "Positioner (från 0) i barn för barn 0–6 år som inte äter lunch hemma fem vardagar (äter i förskolan)" }
                ],
                "responses": svar(json!({ "personliga": { "type": "integer" }, "gemensamma": { "type": "integer" }, "norm": { "type": "integer" } }))
            }},
            "/api/v1/frister/verkstallighet": { "get": {
                "summary": "Sista dagen av tremånadersfristen för verkställighet (SoL 34 kap. 1 §)",
                "parameters": [datumparameter("beslut", "Beslutsdatum")],
                "responses": svar(json!({ "tre_manader": d }))
            }}
        },
        "components": { "schemas": { "Fel": { "type": "object", "properties": { "fel": { "type": "string" }, "parameter": { "type": "string" } }, "required": ["fel", "parameter"] } } }
    }))
}
