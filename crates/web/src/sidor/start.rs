use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::ids::{ArendeId, PersonId};
use lots_domain::tid::svensk_dag;
use lots_store::ArendeRad;
use time::Date;

use super::Sida;
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::policy::{self, Handling};

pub struct BevakningVy {
    pub datum: Date,
    pub vad: &'static str,
    pub arende: ArendeId,
    pub person: String,
    pub forsenad: bool,
    pub idag: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "start.html")]
struct Start {
    sida: Sida,
    idag: Date,
    bevakningar: Vec<BevakningVy>,
    arenden: Vec<ArendeRad>,
    otilldelade: Vec<ArendeRad>,
}

pub async fn start(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    if !policy::far(&i.anvandare, Handling::Arbetsyta) {
        // Roles without a case workspace start at the person search (registrator) or get a plain page.
        return if policy::far(&i.anvandare, Handling::SokaPerson) {
            Ok(Redirect::to("/personer/sok").into_response())
        } else {
            Err(WebFel::Nekad(
                "Din roll har ingen ärendeöversikt. Använd de sidor din roll har tillgång till."
                    .into(),
            ))
        };
    }
    let nu = s.nu();
    let idag = svensk_dag(nu);
    let a = &i.anvandare;
    let bevakningar = s.store.mina_bevakningar(a.kommun, a.id).await?;
    let arenden = s.store.mina_arenden(a.kommun, a.id).await?;
    let otilldelade = s.store.otilldelade_arenden(a.kommun, a.enhet).await?;
    let mut loggade: Vec<(Option<PersonId>, Option<ArendeId>)> = vec![];
    loggade.extend(bevakningar.iter().map(|b| (Some(b.person), Some(b.arende))));
    loggade.extend(
        arenden
            .iter()
            .chain(otilldelade.iter())
            .map(|r| (Some(r.person), Some(r.id))),
    );
    s.store
        .logga_lasning(&i.aktor(), "start.lista", &loggade, nu)
        .await?;
    let sida = Start {
        sida: Sida::av(&i),
        idag,
        bevakningar: bevakningar
            .into_iter()
            .map(|b| BevakningVy {
                datum: b.datum,
                vad: b.typ.namn(),
                arende: b.arende,
                person: b.person_namn,
                forsenad: b.datum < idag,
                idag: b.datum == idag,
            })
            .collect(),
        arenden,
        otilldelade,
    };
    Ok(sida.into_response())
}
