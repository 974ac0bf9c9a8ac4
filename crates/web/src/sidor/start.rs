use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::ids::ArendeId;
use lots_domain::tid::svensk_dag;
use lots_store::{ArendeRad, BevakningRad, Granskningspost};
use time::Date;

use super::{Sida, arendepost};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::policy::{self, ArendeResurs, Atgard};

pub struct BevakningVy {
    pub datum: Date,
    pub vad: &'static str,
    /// The bevakning's kind, for the link to the step that clears it.
    pub typ: &'static str,
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
    /// Refused registrations of protected persons, for those with the right (issue 12).
    registreringsforsok: Vec<Registreringsforsok>,
}

pub struct Registreringsforsok {
    tidpunkt: String,
    person: lots_domain::ids::PersonId,
    namn: String,
    vem: String,
}

fn resurs(b: &BevakningRad) -> ArendeResurs {
    ArendeResurs {
        enhet: b.enhet,
        handlaggare: b.handlaggare,
        skyddad: b.person_skyddad,
        skal: false,
    }
}

pub async fn start(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    if !policy::far(&i.anvandare, Atgard::Arbetsyta) {
        // Roles without a case workspace start on their own first page.
        let a = &i.anvandare;
        let hem = [
            (Atgard::SokaPerson, "/personer/sok"),
            (
                Atgard::LasaUppdrag {
                    utforare: a.enhet,
                    skyddad: false,
                },
                "/uppdrag",
            ),
            (Atgard::Loggkontroll, "/loggkontroll"),
            (Atgard::AdministreraAnvandare, "/admin/anvandare"),
        ]
        .into_iter()
        .find(|(h, _)| policy::far(a, *h));
        return match hem {
            Some((_, sokvag)) => Ok(Redirect::to(sokvag).into_response()),
            None => Err(WebFel::Nekad(
                "Ditt konto har ingen sida i Lots. Kontakta systemförvaltaren.".into(),
            )),
        };
    }
    let nu = s.nu();
    let idag = svensk_dag(nu);
    let a = &i.anvandare;
    // The queries narrow to the user's own cases; the policy has the last word on each row.
    let far = |r: &ArendeRad| policy::far(a, Atgard::LasaArende(ArendeResurs::av(r)));
    let arenden: Vec<ArendeRad> = s
        .store
        .arenden()
        .mina_arenden(a.kommun, a.id)
        .await?
        .into_iter()
        .filter(far)
        .collect();
    let otilldelade: Vec<ArendeRad> = s
        .store
        .arenden()
        .otilldelade_arenden(a.kommun, a.enhet)
        .await?
        .into_iter()
        .filter(far)
        .collect();
    let bevakningar: Vec<_> = s
        .store
        .arenden()
        .mina_bevakningar(a.kommun, a.id)
        .await?
        .into_iter()
        .filter(|b| policy::far(a, Atgard::LasaArende(resurs(b))))
        .collect();
    // Someone without the right tried to register a protected person: what came in
    // for the person must reach those who may handle it (issue 12).
    let registreringsforsok: Vec<Registreringsforsok> =
        if policy::far(a, Atgard::SePerson { skyddad: true }) {
            s.store
                .granskning()
                .registreringsforsok(a.kommun, nu - time::Duration::days(30))
                .await?
                .into_iter()
                .filter_map(|r| {
                    Some(Registreringsforsok {
                        tidpunkt: crate::visning::lokal_tid(r.tidpunkt),
                        person: r.person?,
                        namn: r.person_namn.unwrap_or_default(),
                        vem: format!("{} ({})", r.anvandare_namn, r.enhet_namn),
                    })
                })
                .collect()
        } else {
            vec![]
        };
    let mut loggade: Vec<Granskningspost> = bevakningar
        .iter()
        .map(|b| {
            Granskningspost::ny("start.lista")
                .person(b.person, b.person_skyddad)
                .arende(b.arende)
                .utanfor(policy::utanfor(a, &resurs(b)))
        })
        .collect();
    loggade.extend(
        registreringsforsok
            .iter()
            .map(|r| Granskningspost::ny("start.registreringsforsok").person(r.person, true)),
    );
    loggade.extend(
        arenden
            .iter()
            .chain(otilldelade.iter())
            .map(|r| arendepost(&i, "start.lista", r)),
    );
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &loggade, nu)
        .await?;
    let sida = Start {
        sida: Sida::av(&i),
        idag,
        bevakningar: bevakningar
            .into_iter()
            .map(|b| BevakningVy {
                datum: b.datum,
                vad: b.typ.namn(),
                typ: b.typ.kod(),
                arende: b.arende,
                person: b.person_namn,
                forsenad: b.datum < idag,
                idag: b.datum == idag,
            })
            .collect(),
        arenden,
        otilldelade,
        registreringsforsok,
    };
    Ok(sida.into_response())
}
