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

/// The form's text fields and every file chosen, each with its field's name: for a
/// form that takes several files (the monthly application's attachments, issue 15).
pub async fn las_flera(mut m: Multipart) -> Result<(Formular, Vec<(String, Fil)>), WebFel> {
    let mut par = vec![];
    let mut filer = vec![];
    while let Some(falt) = m.next_field().await.map_err(|_| {
        WebFel::Ogiltig("Uppladdningen kunde inte läsas. Filen får vara högst 10 MB.".into())
    })? {
        let namn = falt.name().unwrap_or_default().to_owned();
        if let Some(filnamn) = falt.file_name().map(str::to_owned) {
            let data = falt
                .bytes()
                .await
                .map_err(|_| WebFel::Ogiltig("Filen får vara högst 10 MB.".into()))?;
            // A file input left empty is sent with no name and no bytes.
            if !data.is_empty() {
                filer.push((
                    namn,
                    Fil {
                        namn: filnamn,
                        innehall: data.to_vec(),
                    },
                ));
            }
        } else {
            let text = falt
                .text()
                .await
                .map_err(|_| WebFel::Ogiltig("Formuläret kunde inte läsas.".into()))?;
            par.push((namn, text));
        }
    }
    Ok((Formular::fran_par(par), filer))
}

/// A form that may carry files: sent as multipart when files were chosen, or as an
/// ordinary form (no JavaScript, an older client, a test) with none. The same length
/// limits apply to its text fields either way.
pub struct FormularMedFiler(pub Formular, pub Vec<(String, Fil)>);

impl<S: Send + Sync> axum::extract::FromRequest<S> for FormularMedFiler {
    type Rejection = WebFel;

    async fn from_request(req: axum::extract::Request, s: &S) -> Result<Self, WebFel> {
        let multipart = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if !multipart {
            return Ok(Self(Formular::from_request(req, s).await?, vec![]));
        }
        let headers = req.headers().clone();
        let m = Multipart::from_request(req, s)
            .await
            .map_err(|_| WebFel::Ogiltig("Formuläret kunde inte läsas.".into()))?;
        let (f, filer) = las_flera(m).await?;
        let par = f.par().to_vec();
        if let Some(text) = crate::formular::for_lang(&par) {
            return Err(WebFel::Ogiltig(text));
        }
        Ok(Self(Formular::med_headers(par, headers), filer))
    }
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

/// How many documents the monthly application's form offers (issue 15, item 7).
pub const MANADSBILAGOR: usize = 3;

/// Why an attachment to the monthly application cannot be taken.
pub enum Bilagefel {
    /// The file itself: too large, or not a PDF, JPEG or PNG (in Swedish).
    Fil(&'static str),
    /// A file with no kind of document chosen.
    Typ,
}

/// A document sent with the monthly application: what the application records, the step
/// that attaches it to the case, and its bytes.
pub struct Bifogad {
    pub bilaga: lots_domain::forsorjningsstod::berakning::Manadsbilaga,
    pub kommando: lots_domain::arende::Kommando,
    pub fil: lots_store::Bilaga,
}

/// The monthly application's attachments from fields `bil{n}_fil` and `bil{n}_typ`
/// (a `Handlingstyp` code), each file checked by its content like any upload. Every
/// problem is reported, field by field; nothing is taken unless all can be.
pub fn manadsbilagor(
    f: &Formular,
    filer: Vec<(String, Fil)>,
    standardnamn: &str,
) -> Result<Vec<Bifogad>, Vec<(String, Bilagefel)>> {
    use lots_domain::arende::{Handlingstyp, Kommando};
    use lots_domain::ids::DokumentId;
    use sha2::{Digest, Sha256};
    let mut ut = vec![];
    let mut fel = vec![];
    for (falt, fil) in filer {
        let Some(n) = (1..=MANADSBILAGOR).find(|n| falt == format!("bil{n}_fil")) else {
            continue;
        };
        if let Some(text) = fel_i(&fil) {
            fel.push((falt, Bilagefel::Fil(text)));
            continue;
        }
        let Some(handling) = Handlingstyp::fran_kod(&f.text(&format!("bil{n}_typ"))) else {
            fel.push((format!("bil{n}_typ"), Bilagefel::Typ));
            continue;
        };
        let dokument = DokumentId::ny();
        let namn: String = if fil.namn.trim().is_empty() {
            standardnamn.to_owned()
        } else {
            fil.namn.chars().take(200).collect()
        };
        ut.push(Bifogad {
            bilaga: lots_domain::forsorjningsstod::berakning::Manadsbilaga {
                dokument,
                handling,
                namn: namn.clone(),
            },
            kommando: Kommando::BifogaDokument {
                dokument,
                namn,
                sha256: hex::encode(Sha256::digest(&fil.innehall)),
                storlek: fil.innehall.len() as u64,
                innehallstyp: innehallstyp(&fil.innehall).unwrap_or_default().into(),
            },
            fil: lots_store::Bilaga {
                dokument,
                innehall: fil.innehall,
            },
        });
    }
    if fel.is_empty() { Ok(ut) } else { Err(fel) }
}
