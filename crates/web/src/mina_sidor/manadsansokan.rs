//! The person's monthly application for försörjningsstöd on Mina sidor (issue 15,
//! item 7): the amounts applied for, incomes, and each deposit on the bank statement
//! with what it was, in the person's own words. The next month starts from the last
//! ("same as last month?"): only what changed needs changing. The handläggare's
//! calculation then starts from it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use lots_domain::arende::Kommando;
use lots_domain::forsorjningsstod::Manad;
use lots_domain::forsorjningsstod::berakning::{
    Forklaring, Inkomst, Inkomstslag, Insattning, Kostnadsslag, Manadsansokan,
};
use lots_domain::ids::ArendeId;

use super::{Medborgare, Ram, till};
use crate::AppState;
use crate::fel::WebFel;
use crate::formular::{Formular, fran_serde_kod as fran_kod, serde_kod as kod};
use crate::uppladdning::{self, FormularMedFiler};

/// The costs the form asks for: kind and field.
const KOSTNADER: [(Kostnadsslag, &str); 5] = [
    (Kostnadsslag::Boende, "hyra"),
    (Kostnadsslag::Hushallsel, "el"),
    (Kostnadsslag::Arbetsresor, "resor"),
    (Kostnadsslag::Hemforsakring, "forsakring"),
    (Kostnadsslag::FackOchAkassa, "fack"),
];
const INKOMSTER: usize = 3;
const INSATTNINGAR: usize = 2;

/// One line of the form: field name, label, value.
pub struct Rad {
    pub namn: String,
    pub etikett: String,
    pub varde: String,
}

pub struct InkomstRad {
    pub n: usize,
    pub vem: String,
    pub slag: String,
    pub belopp: String,
}

/// One file field of the form and the kind chosen for it.
pub struct BilageRad {
    pub n: usize,
    pub typ: String,
}

pub struct InsattningsRad {
    pub n: usize,
    pub datum: String,
    pub belopp: String,
    pub forklaring: String,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/manadsansokan.html")]
pub struct AnsokanSida {
    pub ram: Ram,
    pub arende: ArendeId,
    pub manad: String,
    /// The other adult of a joint application, as a personnummer.
    pub medsokande: String,
    pub ifyllt_fran: Option<String>,
    pub kostnader: Vec<Rad>,
    pub inkomster: Vec<InkomstRad>,
    pub insattningar: Vec<InsattningsRad>,
    pub inkomstslag: Vec<(String, String)>,
    pub forklaringar: Vec<(String, String)>,
    pub ovrigt: String,
    pub bilagor: Vec<BilageRad>,
    /// The kinds of document, each already accepted for the person marked so.
    pub handlingar: Vec<(String, String)>,
    /// What the person has handed in and had accepted: not asked for again (item 7).
    pub redan: Vec<String>,
    pub fel: Vec<(String, String)>,
}

/// The kinds of document accepted for the person, in any case (newest first).
type Godtagna = [(lots_domain::arende::Handlingstyp, time::Date, ArendeId)];

/// The month to apply for: the one after the newest applied for or calculated, or
/// this month.
fn nasta_manad(a: &lots_domain::Arende, idag: time::Date) -> Manad {
    let senast = a
        .manadsansokningar
        .iter()
        .map(|x| x.manad)
        .chain(a.forsorjningsstod.iter().map(|(m, _)| *m))
        .max();
    let denna = Manad::for_dag(idag);
    senast.map_or(denna, |m| m.nasta().max(denna))
}

fn sida(
    m: &Medborgare,
    arende: ArendeId,
    a: &lots_domain::Arende,
    idag: time::Date,
    f: Option<&Formular>,
    godtagna: &Godtagna,
    fel: Vec<(String, String)>,
) -> Response {
    let t = m.t;
    let forst_godtagen = |h: lots_domain::arende::Handlingstyp| {
        godtagna
            .iter()
            .filter(|(x, _, _)| *x == h)
            .map(|(_, d, _)| *d)
            .min()
    };
    // "Same as last month?": the newest application, or the amounts the last
    // calculation was applied for with.
    let forra: Option<Manadsansokan> = a.manadsansokningar.last().cloned().or_else(|| {
        a.senaste_forsorjningsstod
            .as_deref()
            .map(|s| Manadsansokan {
                manad: s.underlag.manad,
                datum: idag,
                kostnader: s
                    .underlag
                    .rader
                    .iter()
                    .filter_map(|r| match r.post {
                        lots_domain::forsorjningsstod::berakning::Post::Kostnad(k) => {
                            Some((k, r.ansokt))
                        }
                        _ => None,
                    })
                    .collect(),
                inkomster: s.underlag.inkomster.clone(),
                insattningar: vec![],
                ovrigt: String::new(),
                bilagor: vec![],
                medsokande: s.underlag.medsokande.clone(),
                bada_undertecknat: false,
            })
    });
    let varde = |namn: &str, standard: String| match f {
        Some(f) => f.text(namn),
        None => standard,
    };
    let kostnader = KOSTNADER
        .iter()
        .map(|(k, namn)| {
            let std = forra
                .as_ref()
                .and_then(|x| x.kostnader.iter().find(|(kk, _)| kk == k))
                .map(|(_, b)| b.to_string())
                .unwrap_or_default();
            Rad {
                namn: namn.to_string(),
                etikett: t.t(&format!("manadsansokan-{namn}")).to_owned(),
                varde: varde(namn, std),
            }
        })
        .collect();
    let inkomster = (1..=INKOMSTER)
        .map(|n| {
            let i = forra.as_ref().and_then(|x| x.inkomster.get(n - 1));
            InkomstRad {
                n,
                vem: varde(
                    &format!("ink{n}_vem"),
                    i.map(|i| i.medlem.clone()).unwrap_or_default(),
                ),
                slag: varde(
                    &format!("ink{n}_slag"),
                    i.map(|i| kod(i.slag)).unwrap_or_default(),
                ),
                belopp: varde(
                    &format!("ink{n}_belopp"),
                    i.map(|i| i.belopp.to_string()).unwrap_or_default(),
                ),
            }
        })
        .collect();
    let insattningar = (1..=INSATTNINGAR)
        .map(|n| InsattningsRad {
            n,
            datum: varde(&format!("ins{n}_datum"), String::new()),
            belopp: varde(&format!("ins{n}_belopp"), String::new()),
            forklaring: varde(&format!("ins{n}_forklaring"), String::new()),
            text: varde(&format!("ins{n}_text"), String::new()),
        })
        .collect();
    let manad = nasta_manad(a, idag);
    (
        super::status_for(&fel),
        AnsokanSida {
            ram: m.sida(),
            arende,
            manad: varde("manad", manad.to_string()),
            medsokande: varde(
                "medsokande",
                forra
                    .as_ref()
                    .and_then(|x| x.medsokande.as_ref())
                    .map(|i| i.visning())
                    .unwrap_or_default(),
            ),
            ifyllt_fran: forra
                .as_ref()
                .map(|x| super::berakning::manad(x.manad, m.t)),
            kostnader,
            inkomster,
            insattningar,
            inkomstslag: Inkomstslag::ALLA
                .iter()
                .map(|s| (kod(*s), super::berakning::inkomstslag(*s, m.t)))
                .collect(),
            forklaringar: Forklaring::ALLA
                .iter()
                .map(|s| (kod(*s), super::berakning::forklaring(*s, m.t)))
                .collect(),
            ovrigt: varde("ovrigt", String::new()),
            bilagor: (1..=crate::uppladdning::MANADSBILAGOR)
                .map(|n| BilageRad {
                    n,
                    typ: varde(&format!("bil{n}_typ"), String::new()),
                })
                .collect(),
            handlingar: lots_domain::arende::Handlingstyp::ALLA
                .iter()
                .map(|h| {
                    let text = match forst_godtagen(*h) {
                        Some(d) => t.f(
                            "manadsansokan-redan_val",
                            &[("handling", &t.handling(*h)), ("datum", &d.to_string())],
                        ),
                        None => t.handling(*h),
                    };
                    (h.kod().to_owned(), text)
                })
                .collect(),
            redan: lots_domain::arende::Handlingstyp::ALLA
                .iter()
                .filter_map(|h| {
                    let d = forst_godtagen(*h)?;
                    Some(t.f(
                        "manadsansokan-redan_rad",
                        &[("handling", &t.handling(*h)), ("datum", &d.to_string())],
                    ))
                })
                .collect(),
            fel,
        },
    )
        .into_response()
}

fn id(s: &str) -> Result<ArendeId, WebFel> {
    s.parse().map_err(|_| WebFel::Saknas)
}

pub async fn visa(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
) -> Result<Response, WebFel> {
    m.krav_agera()?;
    let (rad, a) = m.arende(&s, id(&aid)?, "mina_sidor.manadsansokan").await?;
    let godtagna = s
        .store
        .arenden()
        .godtagna_handlingar(rad.kommun, rad.person)
        .await?;
    Ok(sida(
        &m,
        rad.id,
        &a,
        super::idag(&s),
        None,
        &godtagna,
        vec![],
    ))
}

pub async fn skicka(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
    FormularMedFiler(f, filer): FormularMedFiler,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    m.krav_agera()?;
    let t = m.t;
    let (rad, a) = m.arende(&s, id(&aid)?, "mina_sidor.manadsansokan").await?;
    let godtagna = s
        .store
        .arenden()
        .godtagna_handlingar(rad.kommun, rad.person)
        .await?;
    let idag = super::idag(&s);
    let mut fel: Vec<(String, String)> = vec![];
    let belopp = |namn: &str, fel: &mut Vec<(String, String)>| -> Option<i64> {
        let text: String = f
            .text(namn)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if text.is_empty() {
            return None;
        }
        match text.parse::<i64>() {
            Ok(b) if (0..=1_000_000).contains(&b) => Some(b),
            _ => {
                fel.push((namn.to_owned(), t.t("manadsansokan-fel_belopp").to_owned()));
                None
            }
        }
    };
    let manad = match f.text("manad").parse::<Manad>() {
        Ok(m) => Some(m),
        Err(_) => {
            fel.push(("manad".into(), t.t("manadsansokan-fel_manad").to_owned()));
            None
        }
    };
    // The other adult of a joint application: they confirm it with their own login.
    let medsokande = Some(f.text("medsokande"))
        .filter(|x| !x.trim().is_empty())
        .and_then(
            |x| match lots_domain::identitet::Identitet::tolka(&x, idag) {
                Ok(i) if i != m.person.identitet => Some(i),
                _ => {
                    fel.push((
                        "medsokande".into(),
                        t.t("manadsansokan-fel_medsokande").to_owned(),
                    ));
                    None
                }
            },
        );
    let mut kostnader = vec![];
    for (k, namn) in KOSTNADER {
        if let Some(b) = belopp(namn, &mut fel) {
            kostnader.push((k, b));
        }
    }
    let mut inkomster = vec![];
    for n in 1..=INKOMSTER {
        let Some(b) = belopp(&format!("ink{n}_belopp"), &mut fel) else {
            continue;
        };
        let slag =
            fran_kod::<Inkomstslag>(&f.text(&format!("ink{n}_slag"))).unwrap_or(Inkomstslag::Ovrig);
        let vem = Some(f.text(&format!("ink{n}_vem")))
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| "Sökande".into());
        inkomster.push(Inkomst {
            medlem: vem,
            slag,
            belopp: b,
        });
    }
    let mut insattningar = vec![];
    for n in 1..=INSATTNINGAR {
        let datumtext = f.text(&format!("ins{n}_datum"));
        let b = belopp(&format!("ins{n}_belopp"), &mut fel);
        if datumtext.is_empty() && b.is_none() {
            continue;
        }
        let datum = time::Date::parse(
            &datumtext,
            time::macros::format_description!("[year]-[month]-[day]"),
        );
        match (datum, b) {
            (Ok(datum), Some(b)) => insattningar.push(Insattning {
                medlem: "Sökande".into(),
                datum,
                belopp: b,
                forklaring: fran_kod(&f.text(&format!("ins{n}_forklaring"))),
                personens_text: f.text(&format!("ins{n}_text")),
                beslut: None,
            }),
            _ => fel.push((
                format!("ins{n}_datum"),
                t.t("manadsansokan-fel_insattning").to_owned(),
            )),
        }
    }
    // The documents sent with it, each checked by its content; nothing is stored if one
    // is refused.
    let bifogade = match uppladdning::manadsbilagor(&f, filer, &t.t("dialog-dokument")) {
        Ok(b) => b,
        Err(v) => {
            for (falt, e) in v {
                let text = match e {
                    uppladdning::Bilagefel::Fil(_) => t.t("dialog-fel_fil"),
                    uppladdning::Bilagefel::Typ => t.t("manadsansokan-fel_bilaga_typ"),
                };
                fel.push((falt, text));
            }
            vec![]
        }
    };
    if kostnader.is_empty()
        && inkomster.is_empty()
        && bifogade.is_empty()
        && f.text("ovrigt").trim().is_empty()
        && fel.is_empty()
    {
        fel.push(("hyra".into(), t.t("manadsansokan-fel_tom").to_owned()));
    }
    let Some(manad) = manad.filter(|_| fel.is_empty()) else {
        return Ok(sida(&m, rad.id, &a, idag, Some(&f), &godtagna, fel));
    };
    let mut kommandon = vec![];
    let mut filer = vec![];
    let mut bilagor = vec![];
    for b in bifogade {
        kommandon.push(b.kommando);
        filer.push(b.fil);
        bilagor.push(b.bilaga);
    }
    let k = Kommando::AnsokManad(Box::new(Manadsansokan {
        manad,
        datum: idag,
        kostnader,
        inkomster,
        insattningar,
        ovrigt: f.text("ovrigt"),
        bilagor,
        medsokande,
        bada_undertecknat: false,
    }));
    kommandon.push(k);
    // The files and the application are stored in one step: all or nothing.
    match super::arenden::utfor(&s, &m, &rad, kommandon, filer).await? {
        Ok(_) => Ok(till(&format!("/mina-sidor/kvitto/{}", rad.id))),
        Err(fel) => Ok(sida(&m, rad.id, &a, idag, Some(&f), &godtagna, fel)),
    }
}
