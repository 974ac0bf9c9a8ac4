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
fn fel(parameter: &str, text: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({ "fel": text, "parameter": parameter })),
    )
        .into_response()
}

fn datum(q: &HashMap<String, String>, namn: &str) -> Result<Date, Response> {
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

pub async fn kalender_ar(Path(ar): Path<String>) -> Response {
    let ar: i32 = match ar.parse() {
        Ok(a) if (FORSTA_AR..=SISTA_AR).contains(&a) => a,
        _ => {
            return fel(
                "år",
                &format!("År ska vara ett heltal från {FORSTA_AR} till {SISTA_AR}."),
            );
        }
    };
    let lista = |v: Vec<kalender::Helgdag>| -> Vec<Value> {
        v.into_iter()
            .map(|h| json!({ "datum": h.datum.to_string(), "namn": h.namn }))
            .collect()
    };
    Json(json!({
        "helgdagar": lista(kalender::helgdagar(ar)),
        "ej_vardagar": lista(kalender::ej_vardagar(ar)),
    }))
    .into_response()
}

pub async fn delgivning(Query(q): Query<HashMap<String, String>>) -> Response {
    match datum(&q, "skickat") {
        Ok(skickat) => {
            let f = frister::forenklad_delgivning(skickat);
            Json(json!({ "kontrollmeddelande": f.kontrollmeddelande.to_string(), "delgiven": f.delgiven.to_string() })).into_response()
        }
        Err(r) => r,
    }
}

pub async fn overklagande(Query(q): Query<HashMap<String, String>>) -> Response {
    if q.contains_key("delgiven") {
        return match datum(&q, "delgiven") {
            Ok(d) => Json(json!({ "sista_dag": frister::sista_dag_overklagande(d).to_string() }))
                .into_response(),
            Err(r) => r,
        };
    }
    match q.get("delgivning").map(String::as_str) {
        Some("forenklad") => {}
        Some(_) => {
            return fel(
                "delgivning",
                "Bara delgivning=forenklad räknas från skickat datum.",
            );
        }
        None if q.contains_key("skickat") => {
            return fel(
                "delgivning",
                "Ange delgivning=forenklad, eller delgiven=ÅÅÅÅ-MM-DD.",
            );
        }
        None => {
            return fel(
                "delgiven",
                "Ange delgiven=ÅÅÅÅ-MM-DD, eller skickat=ÅÅÅÅ-MM-DD&delgivning=forenklad.",
            );
        }
    }
    match datum(&q, "skickat") {
        Ok(skickat) => {
            let delgiven = frister::forenklad_delgivning(skickat).delgiven;
            Json(json!({ "delgiven": delgiven.to_string(), "sista_dag": frister::sista_dag_overklagande(delgiven).to_string() })).into_response()
        }
        Err(r) => r,
    }
}

pub async fn rattidsprovning(Query(q): Query<HashMap<String, String>>) -> Response {
    let delgiven = match datum(&q, "delgiven") {
        Ok(d) => d,
        Err(r) => return r,
    };
    let inkom = match datum(&q, "inkom") {
        Ok(d) => d,
        Err(r) => return r,
    };
    let p = frister::rattidsprovning(delgiven, inkom, None);
    Json(json!({ "i_tid": p.i_tid, "sista_dag": p.sista_dag.to_string() })).into_response()
}

pub async fn verkstallighet(Query(q): Query<HashMap<String, String>>) -> Response {
    match datum(&q, "beslut") {
        Ok(b) => Json(json!({ "tre_manader": frister::verkstallighet_tre_manader(b).to_string() }))
            .into_response(),
        Err(r) => r,
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
                "summary": "Förenklad delgivning: kontrollmeddelande och delgivningsdag",
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
