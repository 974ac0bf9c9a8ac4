//! Issue 17 item 8: on Mina sidor, the open services the person may use without applying
//! (the nämnd's catalogue of öppna insatser in force in the person's kommun), with their
//! conditions and who provides them. The entries are the nämnd's own words, in Swedish;
//! the labels follow the chosen language. The catalogue is kommun data; the person's own
//! visits to full-mode services (the only mode that keeps a person) are shown below it,
//! and that read is audited.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use lots_domain::oppen_insats::Omfattning;

use lots_store::Granskningspost;

use super::{Medborgare, Ram};
use crate::AppState;
use crate::fel::WebFel;

pub struct Tjanst {
    pub namn: String,
    /// (label, value) in plain words.
    pub rader: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/oppna.html")]
pub struct OppnaSida {
    pub ram: Ram,
    pub tjanster: Vec<Tjanst>,
    /// The person's own visits in full-mode services: (day, service, where, note).
    pub besok: Vec<(String, String, String, String)>,
}

pub async fn lista(State(s): State<AppState>, m: Medborgare) -> Result<Response, WebFel> {
    let t = m.t;
    let idag = super::idag(&s);
    let org = s.store.organisation();
    let kommun = m.person.kommun;
    let enheter = org.enheter(kommun).await?;
    let katalog = org.oppna_insatser(kommun).await?;
    // The person's own visits (issue 17 item 8): only the full mode keeps them.
    let egna = org.personens_oppna_besok(kommun, m.person.id).await?;
    if let Some(forsta) = egna.first() {
        let utforare = forsta.utforare_id;
        let post = Granskningspost::ny("mina_sidor.oppna_besok")
            .person(m.person.id, m.person.skyddad)
            .skal(Some(m.vem()));
        s.store
            .granskning()
            .logga_lasning(&m.aktor(utforare), &[post], s.nu())
            .await?;
    }
    let besok = egna
        .into_iter()
        .map(|b| {
            let namn = katalog
                .iter()
                .find(|r| r.id == b.insats)
                .map(|r| r.insats.namn.clone())
                .unwrap_or_default();
            (b.dag.to_string(), namn, b.utforare, b.text)
        })
        .collect();
    let tjanster = katalog
        .into_iter()
        .filter(|r| r.insats.galler(idag))
        .map(|r| {
            let i = r.insats;
            let alder = match (i.alder_fran, i.alder_till) {
                (None, None) => t.t("oppna-alla_aldrar").to_owned(),
                (Some(a), None) => t.f("oppna-alder_fran", &[("fran", a.to_string().as_str())]),
                (None, Some(b)) => t.f("oppna-alder_till", &[("till", b.to_string().as_str())]),
                (Some(a), Some(b)) => t.f(
                    "oppna-alder_mellan",
                    &[
                        ("fran", a.to_string().as_str()),
                        ("till", b.to_string().as_str()),
                    ],
                ),
            };
            let omfattning = match i.omfattning {
                Omfattning::Tillfallen(n) => {
                    t.f("oppna-tillfallen", &[("antal", n.to_string().as_str())])
                }
                Omfattning::Veckor(n) => t.f("oppna-veckor", &[("antal", n.to_string().as_str())]),
                Omfattning::Lopande => t.t("oppna-lopande").to_owned(),
            };
            let mut villkor = i.villkor.trim().to_owned();
            if i.bosatt_i_kommunen {
                villkor = format!("{villkor} {}", t.t("oppna-bosatt"))
                    .trim()
                    .to_owned();
            }
            let avgift = if i.avgift_kr == 0 {
                t.t("oppna-avgiftsfri").to_owned()
            } else {
                t.f("oppna-avgift", &[("kr", i.avgift_kr.to_string().as_str())])
            };
            let hos = i
                .utforare
                .iter()
                .filter_map(|u| enheter.iter().find(|e| e.id == *u))
                .map(|e| e.namn.clone())
                .collect::<Vec<_>>()
                .join(", ");
            let mut rader = vec![
                (t.t("oppna-for_vem").to_owned(), i.malgrupp),
                (t.t("oppna-alder").to_owned(), alder),
                (t.t("oppna-innehall").to_owned(), i.innehall),
                (t.t("oppna-omfattning").to_owned(), omfattning),
            ];
            if !villkor.is_empty() {
                rader.push((t.t("oppna-villkor").to_owned(), villkor));
            }
            rader.push((t.t("oppna-kostar").to_owned(), avgift));
            rader.push((
                t.t("oppna-dokumentation").to_owned(),
                t.t(&format!("oppna-integritet-{}", i.integritet.kod()))
                    .to_owned(),
            ));
            rader.push((t.t("oppna-hos").to_owned(), hos));
            Tjanst {
                namn: i.namn,
                rader,
            }
        })
        .collect();
    Ok(OppnaSida {
        ram: m.sida(),
        tjanster,
        besok,
    }
    .into_response())
}
