//! Form bodies as name–value pairs, so repeated names (check boxes) survive.

use axum::extract::{FromRequest, Request};
use axum::http::HeaderMap;

use crate::fel::WebFel;

#[derive(Debug, Clone, Default)]
pub struct Formular {
    par: Vec<(String, String)>,
    headers: HeaderMap,
}

impl Formular {
    pub fn get(&self, namn: &str) -> Option<&str> {
        self.par
            .iter()
            .find(|(n, _)| n == namn)
            .map(|(_, v)| v.as_str())
    }

    /// The value, trimmed; empty when missing.
    pub fn text(&self, namn: &str) -> String {
        self.get(namn).unwrap_or_default().trim().to_owned()
    }

    pub fn alla(&self, namn: &str) -> Vec<&str> {
        self.par
            .iter()
            .filter(|(n, _)| n == namn)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn kryss(&self, namn: &str) -> bool {
        self.get(namn).is_some()
    }

    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    pub fn fran_par(par: Vec<(String, String)>) -> Self {
        Self {
            par,
            headers: HeaderMap::new(),
        }
    }
}

impl<S: Send + Sync> FromRequest<S> for Formular {
    type Rejection = WebFel;

    async fn from_request(req: Request, s: &S) -> Result<Self, WebFel> {
        let headers = req.headers().clone();
        let axum::Form(par) = axum::Form::<Vec<(String, String)>>::from_request(req, s)
            .await
            .map_err(|_| WebFel::Ogiltig("Formuläret kunde inte läsas.".into()))?;
        Ok(Self { par, headers })
    }
}
