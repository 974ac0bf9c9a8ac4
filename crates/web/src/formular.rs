//! Form bodies as name–value pairs, so repeated names (check boxes) survive.
//!
//! Every form in Lots is read here, so this is where every text field gets its
//! upper length (issue 12, item 6): a value over its field's limit refuses the
//! whole form before a handler, and so before any database work, sees it. The
//! pages give the same limits as `maxlength`, so a browser never sends more;
//! only a crafted request meets the refusal.

use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode};
use lots_domain::arende::Avvisning;
use lots_store::StoreError;

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

    /// Whether `namn` was sent with exactly `varde`: a choice to show as chosen again.
    pub fn ar(&self, namn: &str, varde: &str) -> bool {
        self.get(namn) == Some(varde)
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

    /// The same form with `namn` holding `varde` alone (added when it was missing): a
    /// form shown again with something filled in for the user, as a text block inserted.
    pub fn med(&self, namn: &str, varde: String) -> Self {
        let mut par: Vec<(String, String)> = self
            .par
            .iter()
            .filter(|(n, _)| n != namn)
            .cloned()
            .collect();
        par.push((namn.to_owned(), varde));
        Self {
            par,
            headers: self.headers.clone(),
        }
    }

    /// Every name and value, in the order sent.
    pub fn par(&self) -> &[(String, String)] {
        &self.par
    }

    pub fn fran_par(par: Vec<(String, String)>) -> Self {
        Self {
            par,
            headers: HeaderMap::new(),
        }
    }

    /// A form read from a multipart body, with the request's headers kept as an
    /// ordinary form's are.
    pub fn med_headers(par: Vec<(String, String)>, headers: HeaderMap) -> Self {
        Self { par, headers }
    }
}

/// Names and one-line values: a person's or account's name, a reporter.
pub const NAMN: usize = 200;
/// A personnummer, samordningsnummer or reservnummer, as typed.
pub const NUMMER: usize = 40;
/// A person search: a whole number or parts of a name.
pub const SOKNING: usize = 100;
/// An address or contact details.
pub const KONTAKT: usize = 400;
/// A stated reason (inre sekretess, a refusal, a withdrawal).
pub const SKAL: usize = 1_000;
/// Free text of the record: journal entries, motivations, plans, letters' texts.
pub const TEXT: usize = 20_000;
/// Passwords: above the password rules' own maximum (256), so that those rules
/// can say so beside the field.
pub const LOSENORD: usize = 1_000;
/// Any other field: codes, ids, dates, choices, tokens.
pub const OVRIGT: usize = 500;

/// The most characters `namn` may hold.
pub fn langsta(namn: &str) -> usize {
    match namn {
        "fornamn" | "efternamn" | "namn" | "anvandarnamn" | "ombud_namn" | "anmalare_namn"
        | "anmalare_relation" => NAMN,
        "personnummer" | "identitet" | "nummer" => NUMMER,
        "fraga" => SOKNING,
        "adress" | "ombud_kontakt" | "anmalare_kontakt" | "kalla" | "malnummer" | "kontakt" => {
            KONTAKT
        }
        // A reduced norm's reason is a stated reason like any other.
        "skal" | "orsak" | "norm_skal" => SKAL,
        // `beskrivning` is also the person's own account in an application on Mina sidor.
        // `uppdrag` is the order to the utförare: what they need to know, often at length.
        "text"
        | "uppdrag"
        | "beskrivning"
        | "motivering"
        | "mal"
        | "omfattning"
        | "svar"
        | "synpunkter"
        | "enskildes_synpunkt"
        | "andring"
        | "genomforande"
        | "delaktighet"
        | "material"
        | "handlingar"
        | "kommentar"
        | "tidigare"
        | "hushall"
        | "inkomster"
        | "utgifter"
        | "ovrigt"
        | "personens_del"
        | "socialtjanstens_del"
        | "samverkan"
        | "uppfoljningssatt"
        | "delmal"
        | "enskildes_berattelse"
        | "synpunkt"
        // The utredning's life areas and bedömning, and the decision's other texts: the long
        // texts a draft is for (issue 20, item 1).
        | "personens_ord"
        | "handlaggarens"
        | "bedomning"
        | "avslagen_del"
        | "kommunicering_obehovlig"
        | "forslag"
        // An öppen insats in the catalogue: the nämnd's words (issue 17).
        | "malgrupp"
        | "insatsens_innehall"
        | "villkor"
        | "stadsdelar" => TEXT,
        "losenord" | "nytt" | "nytt_igen" | "nuvarande" => LOSENORD,
        _ => OVRIGT,
    }
}

/// The field's name as the user knows it, for the refusal.
fn etikett(namn: &str) -> &str {
    match namn {
        "fornamn" => "Förnamn",
        "efternamn" => "Efternamn",
        "namn" => "Namn",
        "anvandarnamn" => "Användarnamn",
        "personnummer" | "identitet" | "nummer" => "Personnummer",
        "fraga" => "Sök",
        "adress" => "Adress",
        "skal" | "orsak" => "Skäl",
        "beskrivning" => "Beskrivning",
        "text" => "Text",
        "motivering" => "Motivering",
        "losenord" | "nytt" | "nytt_igen" | "nuvarande" => "Lösenord",
        annat => annat,
    }
}

/// The first field over its limit, as the Swedish text to show.
pub fn for_lang(par: &[(String, String)]) -> Option<String> {
    par.iter().find_map(|(namn, varde)| {
        let max = langsta(namn);
        // Bytes bound characters from above: count only when it may matter.
        (varde.len() > max && varde.chars().count() > max).then(|| {
            format!(
                "Fältet ”{}” får vara högst {max} tecken. Det som skickades var längre; korta texten och försök igen.",
                etikett(namn)
            )
        })
    })
}

impl<S: Send + Sync> FromRequest<S> for Formular {
    type Rejection = WebFel;

    async fn from_request(req: Request, s: &S) -> Result<Self, WebFel> {
        let headers = req.headers().clone();
        let axum::Form(par) = axum::Form::<Vec<(String, String)>>::from_request(req, s)
            .await
            .map_err(|_| WebFel::Ogiltig("Formuläret kunde inte läsas.".into()))?;
        if let Some(text) = for_lang(&par) {
            return Err(WebFel::Ogiltig(text));
        }
        Ok(Self { par, headers })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NAMN_I_FORMULAREN: &[&str] = &[
        "fornamn",
        "efternamn",
        "namn",
        "anvandarnamn",
        "identitet",
        "nummer",
        "fraga",
        "adress",
        "skal",
        "beskrivning",
        "text",
        "motivering",
        "mal",
        "svar",
        "losenord",
        "_csrf",
        "roll",
        "datum",
        "okant_falt",
    ];

    fn falt() -> impl Strategy<Value = String> {
        prop::sample::select(NAMN_I_FORMULAREN).prop_map(String::from)
    }

    /// A value of `n` characters, some of them multi-byte (å, ä, ö).
    fn varde(n: usize) -> String {
        "åaöb".chars().cycle().take(n).collect()
    }

    /// The long texts of the forms with drafts (the journal, the utredning's life areas and
    /// bedömning, the decision) hold as much as any text of the record.
    #[test]
    fn utkastens_langa_texter_far_vara_langa() {
        for namn in [
            "text",
            "personens_ord",
            "handlaggarens",
            "mal",
            "bedomning",
            "omfattning",
            "avslagen_del",
            "motivering",
            "kommunicering_obehovlig",
        ] {
            assert_eq!(langsta(namn), TEXT, "{namn}");
        }
    }

    /// The order to an utförare is a text of the record; a reduced norm's reason a reason.
    #[test]
    fn uppdrag_och_normskal_ar_inte_ovriga_falt() {
        assert_eq!(langsta("uppdrag"), TEXT);
        assert_eq!(langsta("norm_skal"), SKAL);
    }

    proptest! {
        /// No value over its field's limit gets past the form reader.
        #[test]
        fn over_gransen_nekas(namn in falt(), over in 1usize..200, ovriga in prop::collection::vec((falt(), 0usize..50), 0..5)) {
            let mut par: Vec<(String, String)> = ovriga.into_iter().map(|(n, l)| (n, varde(l))).collect();
            par.push((namn.clone(), varde(langsta(&namn) + over)));
            prop_assert!(for_lang(&par).is_some());
        }

        /// Every value within its limit is let through, counted in characters, not bytes.
        #[test]
        fn inom_gransen_godtas(namn in falt(), under in 0usize..200) {
            let max = langsta(&namn);
            let par = vec![(namn, varde(max.saturating_sub(under)))];
            prop_assert!(for_lang(&par).is_none());
        }
    }

    #[tokio::test]
    async fn formularet_nekas_innan_hanteraren_ser_det() {
        let kropp = format!("_csrf=x&fraga={}", "a".repeat(60_000));
        let req = axum::http::Request::builder()
            .method("POST")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(axum::body::Body::from(kropp))
            .unwrap();
        let fel = Formular::from_request(req, &()).await.unwrap_err();
        assert!(matches!(fel, WebFel::Ogiltig(t) if t.contains("högst 100 tecken")));
    }
}

/// An error beside one field of a form: the field's name in the form, and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaltFel {
    pub falt: &'static str,
    pub text: String,
}

/// Why a submitted form is shown again instead of being stored: errors beside
/// its fields, one message above them with the status the page answers with, or
/// a failure that is not the form's to show (answered as any other error).
#[derive(Debug)]
pub enum Formularfel {
    Falt(Vec<FaltFel>),
    Meddelande(String, StatusCode),
    Annat(WebFel),
}

/// Said when two writes to one case crossed: the second is refused whole.
pub const SAMTIDIG_ANDRING: &str = "Någon annan ändrade ärendet samtidigt. Ingenting sparades. Kontrollera ärendet och försök igen.";

impl Formularfel {
    /// What the form shows again: the errors beside its fields, the message
    /// above them and the status. A failure that is not the form's stays one.
    pub fn att_visa(self) -> Result<(Vec<FaltFel>, Option<String>, StatusCode), WebFel> {
        match self {
            Formularfel::Falt(fel) => Ok((fel, None, StatusCode::UNPROCESSABLE_ENTITY)),
            Formularfel::Meddelande(t, status) => Ok((vec![], Some(t), status)),
            Formularfel::Annat(e) => Err(e),
        }
    }
}

impl From<Vec<FaltFel>> for Formularfel {
    fn from(fel: Vec<FaltFel>) -> Self {
        Formularfel::Falt(fel)
    }
}

impl From<Avvisning> for Formularfel {
    fn from(a: Avvisning) -> Self {
        match a {
            Avvisning::Fakta(fel) => Formularfel::Falt(
                fel.into_iter()
                    .map(|f| FaltFel {
                        falt: crate::sidor::formular::falt_for(f.fakta),
                        text: f.text,
                    })
                    .collect(),
            ),
            Avvisning::Tillstand(t) => Formularfel::Meddelande(t, StatusCode::CONFLICT),
            Avvisning::Delegation(t) => Formularfel::Meddelande(t, StatusCode::FORBIDDEN),
        }
    }
}

impl From<StoreError> for Formularfel {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Avvisad(a) => a.into(),
            e if e.ar_unik_krock() => {
                Formularfel::Meddelande(SAMTIDIG_ANDRING.into(), StatusCode::CONFLICT)
            }
            e => Formularfel::Annat(e.into()),
        }
    }
}

impl From<lots_steg::Stegfel> for Formularfel {
    fn from(e: lots_steg::Stegfel) -> Self {
        match e {
            lots_steg::Stegfel::Avvisad(a) => a.into(),
            // A letter the step needs could not be written: nothing was stored.
            lots_steg::Stegfel::Brev(t) => {
                Formularfel::Meddelande(t, StatusCode::UNPROCESSABLE_ENTITY)
            }
            lots_steg::Stegfel::Samtidigt => {
                Formularfel::Meddelande(SAMTIDIG_ANDRING.into(), StatusCode::CONFLICT)
            }
            lots_steg::Stegfel::Store(e) => e.into(),
        }
    }
}

impl From<WebFel> for Formularfel {
    fn from(e: WebFel) -> Self {
        Formularfel::Annat(e)
    }
}

/// A unit enum's serde name, as a form's option value: one spelling for the form, the
/// stored event and the API.
pub fn serde_kod<T: serde::Serialize>(x: T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The value of a form's option back as the enum; `None` for anything else.
pub fn fran_serde_kod<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}
