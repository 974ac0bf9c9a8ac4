//! The public calendar API: no personal data, no login (issue 3, item 3).
//! The rules are the domain's; this only parses, answers and describes.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use lots_domain::{frister, kalender};
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
            "title": "Lots kalender- och frist-API",
            "version": "1",
            "description": "Svenska helgdagar och lagstadgade frister. Ingen inloggning, inga personuppgifter. Källor: lag (1989:253) om allmänna helgdagar, lag (1930:173) om beräkning av lagstadgad tid, delgivningslagen (2010:1932), förvaltningslagen (2017:900) 44–45 §§, socialtjänstlagen (2025:400) 34 kap. 1 §."
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
            "/api/v1/frister/verkstallighet": { "get": {
                "summary": "Sista dagen av tremånadersfristen för verkställighet (SoL 34 kap. 1 §)",
                "parameters": [datumparameter("beslut", "Beslutsdatum")],
                "responses": svar(json!({ "tre_manader": d }))
            }}
        },
        "components": { "schemas": { "Fel": { "type": "object", "properties": { "fel": { "type": "string" }, "parameter": { "type": "string" } }, "required": ["fel", "parameter"] } } }
    }))
}
