//! The second factor for local accounts: time-based one-time passwords
//! (RFC 6238, with the parameters every authenticator app supports: SHA-1,
//! six digits, 30-second steps).

use qrcode::QrCode;
use qrcode::render::svg;
use time::OffsetDateTime;
use totp_rs::{Algorithm, Secret, TOTP};

/// RFC 6238 4.1: X, the time step.
const STEG_SEKUNDER: i64 = 30;
const SIFFROR: usize = 6;
/// RFC 6238 5.2: accept the step before and after, for clock drift and typing time.
const TILLATEN_AVVIKELSE: i64 = 1;
const UTFARDARE: &str = "Lots";

/// A new random secret, base32 as the apps take it. 160 bits (RFC 4226 4, R6).
pub fn ny_hemlighet() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

fn totp(hemlighet: &str, konto: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(hemlighet.to_owned()).to_bytes().ok()?;
    // The otpauth label may not hold a colon (Key Uri Format).
    let konto = konto.replace(':', "");
    TOTP::new(
        Algorithm::SHA1,
        SIFFROR,
        0,
        STEG_SEKUNDER as u64,
        bytes,
        Some(UTFARDARE.into()),
        konto,
    )
    .ok()
}

/// The time step a code belongs to, among the steps allowed around `nu`.
/// The caller then records the step, so the same code is never accepted twice.
pub fn matchande_steg(hemlighet: &str, kod: &str, nu: OffsetDateTime) -> Option<i64> {
    let kod: String = kod.chars().filter(|c| !c.is_whitespace()).collect();
    if kod.len() != SIFFROR || !kod.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let t = totp(hemlighet, "x")?;
    let nu_steg = nu.unix_timestamp() / STEG_SEKUNDER;
    (nu_steg - TILLATEN_AVVIKELSE..=nu_steg + TILLATEN_AVVIKELSE)
        .filter(|s| *s >= 0)
        // `check` compares in constant time.
        .find(|s| t.check(&kod, (s * STEG_SEKUNDER) as u64))
}

/// What the setup page shows: the secret in groups of four, the otpauth URI and a QR code of it.
pub struct Registrering {
    pub hemlighet_grupperad: String,
    pub uri: String,
    /// An inline SVG image, or empty if it could not be drawn (the text still works).
    pub qr_svg: String,
}

pub fn registrering(hemlighet: &str, konto: &str) -> Registrering {
    let uri = totp(hemlighet, konto)
        .map(|t| t.get_url())
        .unwrap_or_default();
    let hemlighet_grupperad = hemlighet
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    let qr_svg = QrCode::new(uri.as_bytes())
        .map(|q| {
            q.render::<svg::Color>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build()
        })
        .map(|s| {
            // Inline in the page: no XML declaration; an accessible name for screen readers.
            let s = match s.find("<svg") {
                Some(i) => s[i..].to_owned(),
                None => s,
            };
            s.replacen(
                "<svg",
                "<svg role=\"img\" aria-label=\"QR-kod med samma nyckel som texten nedan\"",
                1,
            )
        })
        .unwrap_or_default();
    Registrering {
        hemlighet_grupperad,
        uri,
        qr_svg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B: the SHA-1 test key, truncated here to six digits.
    #[test]
    fn rfc6238_testvektor() {
        let nyckel = Secret::Raw(b"12345678901234567890".to_vec()).to_encoded();
        let Secret::Encoded(b32) = nyckel else {
            panic!("encoded")
        };
        let t = OffsetDateTime::from_unix_timestamp(59).expect("time");
        // 94287082 in the RFC's eight digits.
        assert_eq!(matchande_steg(&b32, "287082", t), Some(1));
        assert_eq!(matchande_steg(&b32, "287083", t), None);
        assert_eq!(matchande_steg(&b32, "28708", t), None);
        // One step of drift either way is accepted, two are not.
        let t2 = OffsetDateTime::from_unix_timestamp(59 + 30).expect("time");
        assert_eq!(matchande_steg(&b32, "287082", t2), Some(1));
        let t3 = OffsetDateTime::from_unix_timestamp(59 + 60).expect("time");
        assert_eq!(matchande_steg(&b32, "287082", t3), None);
    }

    #[test]
    fn registreringen_har_uri_och_bild() {
        let h = ny_hemlighet();
        assert_eq!(h.len(), 32);
        let r = registrering(&h, "anna");
        assert!(r.uri.starts_with("otpauth://totp/Lots:anna?"), "{}", r.uri);
        assert!(r.qr_svg.starts_with("<svg role=\"img\""));
    }
}
