//! Reading an upload: a multipart form with one file, its content checked by its
//! first bytes (not by its name or the browser's word), for staff and Mina sidor alike.

use axum::extract::Multipart;

use crate::MAX_UPPLADDNING;
use crate::fel::WebFel;
use crate::formular::Formular;

/// A file from a form: its name as sent and its bytes (never empty).
pub struct Fil {
    pub namn: String,
    pub innehall: Vec<u8>,
}

/// The form's text fields, and the file in the field `fil` if one was chosen.
pub async fn las(mut m: Multipart) -> Result<(Formular, Option<Fil>), WebFel> {
    let mut par = vec![];
    let mut fil = None;
    while let Some(falt) = m.next_field().await.map_err(|_| {
        WebFel::Ogiltig("Uppladdningen kunde inte läsas. Filen får vara högst 10 MB.".into())
    })? {
        let namn = falt.name().unwrap_or_default().to_owned();
        if namn == "fil" {
            let filnamn = falt.file_name().unwrap_or_default().to_owned();
            let data = falt
                .bytes()
                .await
                .map_err(|_| WebFel::Ogiltig("Filen får vara högst 10 MB.".into()))?;
            if !data.is_empty() {
                fil = Some(Fil {
                    namn: filnamn,
                    innehall: data.to_vec(),
                });
            }
        } else {
            let text = falt
                .text()
                .await
                .map_err(|_| WebFel::Ogiltig("Formuläret kunde inte läsas.".into()))?;
            par.push((namn, text));
        }
    }
    Ok((Formular::fran_par(par), fil))
}

/// The content type a file's first bytes show: PDF, PNG or JPEG, nothing else.
pub fn innehallstyp(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if b.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// Why a file cannot be taken, in Swedish; None when it can.
pub fn fel_i(f: &Fil) -> Option<&'static str> {
    if f.innehall.len() > MAX_UPPLADDNING {
        Some("Filen är större än 10 MB.")
    } else if innehallstyp(&f.innehall).is_none() {
        Some("Filen måste vara en PDF, JPEG eller PNG.")
    } else {
        None
    }
}
