//! Password rules after NIST SP 800-63B-4 (2025), 3.1.1.2 "Password Verifiers",
//! and the page where a logged-in user changes their password.
//!
//! - Minimum length: 8 when the password is one factor of two, 15 when it may be
//!   used alone. Lots requires TOTP by default, so 8; an installation that makes
//!   TOTP optional gets 15.
//! - At least 64 characters accepted; we take 256. Every Unicode code point
//!   counts as one character; spaces are allowed.
//! - No composition rules and no periodic expiry (both SHALL NOT).
//! - Checked against a blocklist of common and breached passwords, and against
//!   context words (the user name).

use std::collections::HashSet;
use std::sync::LazyLock;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::AppState;
use crate::auth::{Inloggad, verifiera_losenord};
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::sidor::Sida;

pub const MAX_LANGD: usize = 256;

/// 19 640 common passwords: Django's `common-passwords.txt` (BSD licence; the list
/// by Royce Williams, from breach corpora), plus a short Swedish list of our own.
static VANLIGA: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/vanliga-losenord.txt")
        .lines()
        .chain(include_str!("../data/svenska-vanliga-losenord.txt").lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
});

/// Why a new password is refused, in plain Swedish; `None` when it is accepted.
pub fn kontrollera(nytt: &str, anvandarnamn: &str, min: usize) -> Option<String> {
    let langd = nytt.chars().count();
    if langd < min {
        return Some(format!(
            "Lösenordet måste ha minst {min} tecken. Det du skrev har {langd}."
        ));
    }
    if langd > MAX_LANGD {
        return Some(format!("Lösenordet får ha högst {MAX_LANGD} tecken."));
    }
    let litet = nytt.to_lowercase();
    if VANLIGA.contains(litet.as_str()) {
        return Some(
            "Lösenordet är för vanligt: det finns i listor som används för att gissa lösenord. Välj ett annat, gärna flera ord i en följd."
                .into(),
        );
    }
    let namn = anvandarnamn.to_lowercase();
    if namn.chars().count() >= 3 && litet.contains(&namn) {
        return Some("Lösenordet får inte innehålla ditt användarnamn.".into());
    }
    if nytt
        .chars()
        .all(|c| c == nytt.chars().next().unwrap_or(' '))
    {
        return Some("Lösenordet får inte bestå av ett och samma tecken.".into());
    }
    None
}

#[derive(Template, WebTemplate)]
#[template(path = "losenord.html")]
pub struct LosenordSida {
    pub sida: Sida,
    pub min: usize,
    pub max: usize,
    /// (field id, message)
    pub fel: Vec<(&'static str, String)>,
    pub bytt: bool,
}

impl LosenordSida {
    fn fel_for(&self, falt: &str) -> Option<&str> {
        self.fel
            .iter()
            .find(|(f, _)| *f == falt)
            .map(|(_, t)| t.as_str())
    }
    pub fn fel_nuvarande(&self) -> Option<&str> {
        self.fel_for("nuvarande")
    }
    pub fn fel_nytt(&self) -> Option<&str> {
        self.fel_for("nytt")
    }
    pub fn fel_igen(&self) -> Option<&str> {
        self.fel_for("nytt_igen")
    }
}

#[derive(serde::Deserialize)]
pub struct Fraga {
    bytt: Option<String>,
}

pub async fn sida(
    State(s): State<AppState>,
    i: Inloggad,
    axum::extract::Query(q): axum::extract::Query<Fraga>,
) -> LosenordSida {
    LosenordSida {
        sida: Sida::av(&i),
        min: s.inloggning.min_losenordslangd(),
        max: MAX_LANGD,
        fel: vec![],
        bytt: q.bytt.is_some(),
    }
}

/// Changes the password: the current one is required (NIST SP 800-63B-4 3.1.1.2),
/// a wrong one counts towards the lockout, and every other session of the user ends.
pub async fn byt(State(s): State<AppState>, i: Inloggad, f: Formular) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let nuvarande = f.get("nuvarande").unwrap_or_default();
    let nytt = f.get("nytt").unwrap_or_default();
    let igen = f.get("nytt_igen").unwrap_or_default();
    let min = s.inloggning.min_losenordslangd();
    let nyckel = crate::auth::forsoksnyckel(i.anvandare.kommun, &i.anvandare.anvandarnamn);
    let nu = s.nu();
    let mut fel = vec![];
    if let Some(tid) = crate::auth::sparrad(&s, &nyckel, nu).await? {
        fel.push(("nuvarande", crate::auth::sparrtext(tid)));
    } else if !verifiera_losenord(nuvarande, &i.anvandare.losenord).await {
        let text = match crate::auth::misslyckat(&s, &nyckel, nu).await? {
            Some(tid) => crate::auth::sparrtext(tid),
            None => "Det nuvarande lösenordet stämmer inte.".into(),
        };
        fel.push(("nuvarande", text));
    }
    if let Some(t) = kontrollera(nytt, &i.anvandare.anvandarnamn, min) {
        fel.push(("nytt", t));
    } else if nytt == nuvarande {
        fel.push((
            "nytt",
            "Det nya lösenordet måste skilja sig från det nuvarande.".into(),
        ));
    }
    if nytt != igen {
        fel.push((
            "nytt_igen",
            "Lösenorden är inte lika. Skriv det nya lösenordet två gånger.".into(),
        ));
    }
    if !fel.is_empty() {
        let sida = LosenordSida {
            sida: Sida::av(&i),
            min,
            max: MAX_LANGD,
            fel,
            bytt: false,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, sida).into_response());
    }
    let nytt = nytt.to_owned();
    let hash = tokio::task::spawn_blocking(move || crate::auth::hasha_losenord(&nytt))
        .await
        .map_err(|e| WebFel::Ogiltig(format!("internt fel: {e}")))?
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            WebFel::Ogiltig("Lösenordet kunde inte sparas. Försök igen.".into())
        })?;
    s.store
        .inloggning()
        .byt_losenord(i.anvandare.id, &hash)
        .await?;
    s.store
        .inloggning()
        .nollstall_inloggningsforsok(&nyckel)
        .await?;
    // Whoever knew the old password is logged out everywhere else (OWASP ASVS 3.3.3).
    s.store
        .inloggning()
        .ta_bort_andra_sessioner(i.anvandare.id, &i.session_id)
        .await?;
    tracing::info!(anvandare = %i.anvandare.id, "password changed");
    Ok(Redirect::to("/losenord?bytt=1").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reglerna() {
        assert!(kontrollera("kort", "anna", 8).unwrap().contains("minst 8"));
        assert!(
            kontrollera("password", "anna", 8)
                .unwrap()
                .contains("för vanligt")
        );
        assert!(
            kontrollera("Lösenord123", "anna", 8)
                .unwrap()
                .contains("för vanligt")
        );
        assert!(
            kontrollera("anna-svensson-42", "anna", 8)
                .unwrap()
                .contains("användarnamn")
        );
        assert!(kontrollera("aaaaaaaaaaaa", "anna", 8).is_some());
        assert!(
            kontrollera(&"x1".repeat(200), "anna", 8)
                .unwrap()
                .contains("högst")
        );
        // No composition rules: lower-case words with spaces are fine.
        assert_eq!(kontrollera("blå cykel vid sjön", "anna", 15), None);
        // Every code point is one character.
        assert_eq!(kontrollera("åäöåäöåä", "anna", 8), None);
    }
}
