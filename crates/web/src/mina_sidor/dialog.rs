//! The dialogue with the handläggare: requests for documents (komplettering),
//! secure messages, and asking for a meeting.

use axum::response::Response;
use lots_domain::Arende;
use lots_domain::arende::Handelse;

use super::{Medborgare, Texter};
use crate::fel::WebFel;

/// Requests waiting for the person: (href, text).
pub fn att_gora(_a: &Arende, _t: &Texter) -> Vec<(String, String)> {
    vec![]
}

/// The receipt's texts for the dialogue's events.
pub fn kvittotext(_h: &Handelse) -> Option<(&'static str, &'static str)> {
    None
}

pub async fn komplettering_sida(_m: Medborgare) -> Result<Response, WebFel> {
    Err(WebFel::Saknas)
}
pub async fn lamna_komplettering(_m: Medborgare) -> Result<Response, WebFel> {
    Err(WebFel::Saknas)
}
pub async fn meddelanden(_m: Medborgare) -> Result<Response, WebFel> {
    Err(WebFel::Saknas)
}
pub async fn skicka_meddelande(_m: Medborgare) -> Result<Response, WebFel> {
    Err(WebFel::Saknas)
}
pub async fn mote_sida(_m: Medborgare) -> Result<Response, WebFel> {
    Err(WebFel::Saknas)
}
pub async fn begar_mote(_m: Medborgare) -> Result<Response, WebFel> {
    Err(WebFel::Saknas)
}
