//! Applying on Mina sidor: the offers the nämnd publishes, a guided form kept as
//! a draft between visits, the documents that will be needed listed up front,
//! and a receipt. The case it starts is the same as one started on paper or at
//! a visit, with channel "digital".

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use lots_domain::arende::{Handelse, Kanal, Kommando, Ombud};
use lots_domain::ids::ArendeId;
use lots_domain::insats::InsatsTyp;

use super::{Medborgare, Ram, Texter, till};
use crate::AppState;
use crate::fel::WebFel;
use crate::formular::Formular;

/// What a person can apply for on Mina sidor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erbjudande {
    /// Stöd och behandling vid missbruk (SoL 11 kap. 1 §; seed 004).
    Missbruk,
    /// Ekonomiskt bistånd, försörjningsstöd (SoL 12 kap. 1 §; seed 001).
    EkonomisktBistand,
}

/// One field of an application form: (name, label key, help key, required, rows).
struct Falt {
    namn: &'static str,
    kravs: bool,
    rader: u8,
}

impl Erbjudande {
    pub const ALLA: [Self; 2] = [Self::Missbruk, Self::EkonomisktBistand];

    pub fn kod(self) -> &'static str {
        match self {
            Self::Missbruk => "missbruk",
            Self::EkonomisktBistand => "ekonomiskt-bistand",
        }
    }

    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|e| e.kod() == k)
    }

    pub fn namnnyckel(self) -> &'static str {
        match self {
            Self::Missbruk => "ansok-missbruk-namn",
            Self::EkonomisktBistand => "ansok-ekonomiskt-bistand-namn",
        }
    }

    fn insatser(self) -> Vec<InsatsTyp> {
        match self {
            Self::Missbruk => vec![InsatsTyp::Oppenvardsbehandling],
            Self::EkonomisktBistand => vec![InsatsTyp::Forsorjningsstod],
        }
    }

    fn falt(self) -> &'static [Falt] {
        match self {
            Self::Missbruk => &[
                Falt {
                    namn: "beskrivning",
                    kravs: true,
                    rader: 6,
                },
                Falt {
                    namn: "tidigare",
                    kravs: false,
                    rader: 3,
                },
                Falt {
                    namn: "kontakt",
                    kravs: false,
                    rader: 2,
                },
                Falt {
                    namn: "tolk",
                    kravs: false,
                    rader: 1,
                },
            ],
            Self::EkonomisktBistand => &[
                Falt {
                    namn: "manad",
                    kravs: true,
                    rader: 1,
                },
                Falt {
                    namn: "hushall",
                    kravs: true,
                    rader: 3,
                },
                Falt {
                    namn: "inkomster",
                    kravs: true,
                    rader: 3,
                },
                Falt {
                    namn: "utgifter",
                    kravs: true,
                    rader: 3,
                },
                Falt {
                    namn: "beskrivning",
                    kravs: false,
                    rader: 4,
                },
                Falt {
                    namn: "kontakt",
                    kravs: false,
                    rader: 2,
                },
                Falt {
                    namn: "tolk",
                    kravs: false,
                    rader: 1,
                },
            ],
        }
    }

    /// The documents the handläggare will need, listed before the person starts
    /// (seed 001: the utredning of ekonomiskt bistånd rests on these).
    fn handlingar(self) -> &'static [&'static str] {
        match self {
            Self::Missbruk => &["ansok-missbruk-handling_inga"],
            Self::EkonomisktBistand => &[
                "ansok-ekonomiskt-bistand-handling_id",
                "ansok-ekonomiskt-bistand-handling_hyra",
                "ansok-ekonomiskt-bistand-handling_konto",
                "ansok-ekonomiskt-bistand-handling_inkomst",
                "ansok-ekonomiskt-bistand-handling_af",
                "ansok-ekonomiskt-bistand-handling_utgifter",
            ],
        }
    }
}

/// Every text key the offers use, for the catalogue's test.
#[cfg(test)]
pub(super) fn nycklar() -> Vec<String> {
    let mut ut = vec![];
    for e in Erbjudande::ALLA {
        ut.push(e.namnnyckel().to_owned());
        ut.push(format!("ansok-{}-text", e.kod()));
        for f in e.falt() {
            ut.push(format!("ansok-{}-{}", e.kod(), f.namn));
            ut.push(format!("ansok-{}-{}_hjalp", e.kod(), f.namn));
            if f.kravs {
                ut.push(format!("ansok-{}-{}_fel", e.kod(), f.namn));
            }
        }
        ut.extend(e.handlingar().iter().map(|h| (*h).to_owned()));
    }
    ut
}

pub struct ErbjudandeRad {
    pub href: String,
    pub namn: String,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/ansok.html")]
pub struct ValSida {
    pub ram: Ram,
    pub erbjudanden: Vec<ErbjudandeRad>,
}

pub async fn val(m: Medborgare) -> Result<Response, WebFel> {
    let t = m.t;
    m.krav_agera()?;
    let erbjudanden = Erbjudande::ALLA
        .into_iter()
        .map(|e| ErbjudandeRad {
            href: format!("/mina-sidor/ansok/{}", e.kod()),
            namn: t.t(e.namnnyckel()).to_owned(),
            text: t.t(&format!("ansok-{}-text", e.kod())).to_owned(),
        })
        .collect();
    Ok(ValSida {
        ram: m.sida(),
        erbjudanden,
    }
    .into_response())
}

pub struct FormFalt {
    pub namn: &'static str,
    pub etikett: String,
    pub hjalp: String,
    pub kravs: bool,
    pub rader: u8,
    pub varde: String,
    pub fel: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/ansok_formular.html")]
pub struct FormularSida {
    pub ram: Ram,
    pub kod: &'static str,
    pub rubrik: String,
    pub handlingar: Vec<String>,
    pub falt: Vec<FormFalt>,
    pub fel: Vec<(String, String)>,
    pub notis: Option<String>,
}

fn formularsida(
    m: &Medborgare,
    e: Erbjudande,
    varden: &BTreeMap<String, String>,
    fel: Vec<(String, String)>,
    notis: Option<String>,
) -> Response {
    let t: &Texter = m.t;
    let falt = e
        .falt()
        .iter()
        .map(|f| FormFalt {
            namn: f.namn,
            etikett: t.t(&format!("ansok-{}-{}", e.kod(), f.namn)).to_owned(),
            hjalp: t
                .t(&format!("ansok-{}-{}_hjalp", e.kod(), f.namn))
                .to_owned(),
            kravs: f.kravs,
            rader: f.rader,
            varde: varden.get(f.namn).cloned().unwrap_or_default(),
            fel: fel
                .iter()
                .find(|(n, _)| n == f.namn)
                .map(|(_, t)| t.clone()),
        })
        .collect();
    let status = super::status_for(&fel);
    (
        status,
        FormularSida {
            ram: m.sida(),
            kod: e.kod(),
            rubrik: t.t(e.namnnyckel()).to_owned(),
            handlingar: e.handlingar().iter().map(|k| t.t(k).to_owned()).collect(),
            falt,
            fel,
            notis,
        },
    )
        .into_response()
}

pub async fn formular(
    State(s): State<AppState>,
    m: Medborgare,
    Path(kod): Path<String>,
) -> Result<Response, WebFel> {
    m.krav_agera()?;
    let e = Erbjudande::fran_kod(&kod).ok_or(WebFel::Saknas)?;
    let utkast = s
        .store
        .mina_sidor()
        .utkast(m.person.kommun, m.person.id)
        .await?
        .into_iter()
        .find(|(k, _, _)| k == e.kod());
    let (varden, notis) = match utkast {
        Some((_, json, andrad)) => (
            serde_json::from_str(&json).unwrap_or_default(),
            Some(m.t.f("ansok-utkast_sparat", &[("tid", &super::lokal_tid(andrad))])),
        ),
        None => (BTreeMap::new(), None),
    };
    Ok(formularsida(&m, e, &varden, vec![], notis))
}

/// Saves the draft ("spara") or sends the application ("skicka").
pub async fn spara(
    State(s): State<AppState>,
    m: Medborgare,
    Path(kod): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    m.krav_agera()?;
    let t = m.t;
    let e = Erbjudande::fran_kod(&kod).ok_or(WebFel::Saknas)?;
    let mut varden = BTreeMap::new();
    let mut fel = vec![];
    for falt in e.falt() {
        let v = f.text(falt.namn);
        if v.chars().count() > 5000 {
            fel.push((falt.namn.to_owned(), t.t("fel-for_lang").to_owned()));
        }
        varden.insert(falt.namn.to_owned(), v);
    }
    let json = serde_json::to_string(&varden).unwrap_or_default();
    if f.get("skicka").is_none() {
        if !fel.is_empty() {
            return Ok(formularsida(&m, e, &varden, fel, None));
        }
        s.store
            .mina_sidor()
            .spara_utkast(m.person.kommun, m.person.id, e.kod(), &json, s.nu())
            .await?;
        let notis = t.f("ansok-utkast_sparat", &[("tid", &super::lokal_tid(s.nu()))]);
        return Ok(formularsida(&m, e, &varden, vec![], Some(notis)));
    }
    for falt in e.falt() {
        if falt.kravs && varden.get(falt.namn).is_none_or(|v| v.is_empty()) {
            fel.push((
                falt.namn.to_owned(),
                t.t(&format!("ansok-{}-{}_fel", e.kod(), falt.namn))
                    .to_owned(),
            ));
        }
    }
    if !fel.is_empty() {
        return Ok(formularsida(&m, e, &varden, fel, None));
    }
    let Some(enhet) = s
        .store
        .mina_sidor()
        .mottagande_enhet(m.person.kommun, e.kod())
        .await?
    else {
        return Err(WebFel::Saknas);
    };
    // The answers, labelled, as the application's text: what the handläggare
    // reads, in Swedish whatever language the form was filled in.
    let sv = super::texter::svenska();
    let beskrivning = e
        .falt()
        .iter()
        .filter_map(|falt| {
            let v = varden.get(falt.namn)?;
            (!v.is_empty()).then(|| {
                format!(
                    "{}\n{}",
                    sv.t(&format!("ansok-{}-{}", e.kod(), falt.namn)),
                    v
                )
            })
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let idag = super::idag(&s);
    let ombud = m.fullmakt.as_ref().map(|f| Ombud {
        namn: f.ombud_namn.clone(),
        kontakt: sv.t("ansok-ombud_kontakt").to_owned(),
        fullmakt_omfattning: sv.t("fullmakt-omfattning_fora_talan").to_owned(),
        fullmakt_datum: lots_domain::tid::svensk_dag(f.registrerad),
        muntlig: false,
    });
    let h = Handelse::AnsokanRegistrerad {
        person: m.person.id,
        enhet,
        handlaggare: None,
        kanal: Kanal::Digital,
        inkom: idag,
        insatser: e.insatser(),
        beskrivning,
        ombud,
    };
    let id = ArendeId::ny();
    let nu = s.nu();
    let steg = lots_steg::Steg {
        aktor: m.aktor(enhet),
        arende: id,
        kommandon: vec![Kommando::Aktualisera(h)],
        bilagor: vec![],
        nu,
        idag,
        vem: Some(m.vem()),
        lasning: None,
        skriv_brev: true,
    };
    let kommun_namn = s.kommunnamn(m.person.kommun).await?;
    match lots_steg::ta_steg(&s.store, &kommun_namn, steg).await {
        Ok(_) => {}
        Err(lots_steg::Stegfel::Store(e)) => return Err(e.into()),
        Err(avvisad) => {
            let fel = super::arenden::avvisning_for_personen(
                m.t,
                Some(lots_domain::arende::KommandoTyp::Aktualisera),
                avvisad,
            );
            return Ok(formularsida(&m, e, &varden, fel, None));
        }
    }
    s.store
        .mina_sidor()
        .ta_bort_utkast(m.person.kommun, m.person.id, e.kod())
        .await?;
    Ok(till(&format!("/mina-sidor/kvitto/{id}")))
}
