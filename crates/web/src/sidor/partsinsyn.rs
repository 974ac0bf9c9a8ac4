//! Partsinsyn per journal entry (issue 12): the handläggare decides whether an
//! entry is shown to the person on Mina sidor, or withheld because it names a
//! third party, such as who made a report or gave information (OSL 26 kap. 1
//! och 5 §§). Without a decision the case type decides
//! (`partsinsyn::anteckning_visas`): an ansökan's entries are shown, those of an
//! anmälan or information case withheld. The person is told on Mina sidor how
//! many are withheld and how to ask for them (FL 10 §, OSL 10 kap. 3 §).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::ids::JournalId;

use super::arendepost;
use crate::AppState;
use crate::atkomst::{self, ArendeSyfte};
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;

pub async fn prova(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, anteckning)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let oppnat = atkomst::oppna_arende(&s, &i, &id, ArendeSyfte::ProvaPartsinsyn).await?;
    let rad = &oppnat.rad;
    let anteckning: JournalId = anteckning.parse().map_err(|_| WebFel::Saknas)?;
    if !s
        .store
        .arenden()
        .journalanteckning_i(rad.id, anteckning)
        .await?
    {
        return Err(WebFel::Saknas);
    }
    let visas = match f.get("visas") {
        Some("ja") => true,
        Some("nej") => false,
        _ => {
            return Err(WebFel::Ogiltig(
                "Välj om anteckningen ska visas för personen.".into(),
            ));
        }
    };
    let nu = s.nu();
    s.store
        .mina_sidor()
        .prova_anteckning(i.anvandare.kommun, anteckning, visas, &i.anvandare.namn, nu)
        .await?;
    let post = arendepost(&i, "arende.partsinsyn", rad).skal(Some(format!(
        "Anteckning {anteckning}: {}",
        if visas {
            "visas för personen"
        } else {
            "undanhålls, nämner tredje person"
        }
    )));
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[post], nu)
        .await?;
    Ok(Redirect::to(&format!("/arenden/{}#partsinsyn", rad.id)).into_response())
}
