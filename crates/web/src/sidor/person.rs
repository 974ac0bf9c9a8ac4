use std::collections::{HashMap, HashSet};

use crate::formular::FaltFel;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::frister;
use lots_domain::identitet::Identitet;
use lots_domain::ids::{ArendeId, JournalId, PersonId};
use lots_domain::tid::svensk_dag;
use lots_store::{ArendeRad, JournalRad, Journalstart, Person};
use serde::Deserialize;

use super::{Falt, Sida, arendepost, fyll, personpost};
use crate::AppState;
use crate::atkomst::{self, OppnadPerson, PersonSyfte};
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, ArendeResurs, Atgard};

#[derive(Template, WebTemplate)]
#[template(path = "sok.html")]
struct Sok {
    sida: Sida,
    fraga: String,
    fel: Option<String>,
    sokt: bool,
    /// More persons match than are shown: the user is asked to refine the search.
    forfina: bool,
    /// (id, name, may open, identity shown)
    traffar: Vec<(PersonId, String, bool, String)>,
    registrerat: bool,
    far_aktualisera: bool,
    /// The personnummer or samordningsnummer searched for when no one the user may
    /// see has it: carried into "Registrera person". The same whether or not a
    /// person hidden from the user has it, so the page tells nothing about them.
    registrera_nummer: Option<String>,
}

#[derive(Deserialize)]
pub struct SokFraga {
    registrerat: Option<String>,
}

pub async fn sok_sida(
    State(_s): State<AppState>,
    i: Inloggad,
    Query(q): Query<SokFraga>,
) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::SokaPerson)?;
    Ok(Sok {
        sida: Sida::av(&i),
        fraga: String::new(),
        fel: None,
        sokt: false,
        forfina: false,
        traffar: vec![],
        registrerat: q.registrerat.is_some(),
        far_aktualisera: policy::far(&i.anvandare, Atgard::Aktualisera),
        registrera_nummer: None,
    }
    .into_response())
}

/// At most this many hits are shown for a name; more asks for a refined search,
/// so that a search is a look-up and not a listing of the register (issue 12).
const MAX_TRAFFAR: i64 = 20;

/// Search is a POST so a personnummer never lands in a URL or an access log.
pub async fn sok(State(s): State<AppState>, i: Inloggad, f: Formular) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::SokaPerson)?;
    let nu = s.nu();
    // A user who searches faster than a person can read is harvesting (issue 4, item 5).
    if let Err(tid) = s
        .inloggning
        .sok
        .forsok(&s.store, i.anvandare.id, nu)
        .await?
    {
        tracing::warn!(anvandare = %i.anvandare.id, "person search rate limit reached");
        return Err(WebFel::ForMangaForsok(format!(
            "Du har gjort många sökningar på kort tid. Vänta {} och sök igen.",
            crate::begransning::minuter(tid)
        )));
    }
    let fraga = f.text("fraga");
    let a = &i.anvandare;
    let ser_siffror = fraga.chars().filter(|c| c.is_ascii_digit()).count() >= 6;
    // A valid personnummer or samordningsnummer searched for: offered to
    // "Registrera person" if no one the user may see has it.
    let mut sokt_nummer: Option<Identitet> = None;
    let traffar: Result<Vec<Person>, String> = if fraga.is_empty() {
        Err("Skriv ett nummer eller ett namn.".into())
    } else if ser_siffror {
        match Identitet::tolka(&fraga, svensk_dag(nu)) {
            Ok(id) => {
                let hittad = s
                    .store
                    .personer()
                    .person_med_identitet(a.kommun, &id)
                    .await?;
                sokt_nummer = Some(id);
                Ok(hittad.into_iter().collect())
            }
            // Not a valid personnummer: it may still be a reservnummer, which has no check digit.
            Err(e) => {
                let reserv = match Identitet::reservnummer(&fraga) {
                    Ok(r) => {
                        s.store
                            .personer()
                            .person_med_identitet(a.kommun, &r)
                            .await?
                    }
                    Err(_) => None,
                };
                match reserv {
                    Some(p) => Ok(vec![p]),
                    None => Err(e.to_string()),
                }
            }
        }
    } else {
        // A meaningful query only (issue 12): `%`, `_` or one letter must not list
        // the register. Letters only, at least one word of two letters or more
        // (further words narrow the search), and the answer is capped with a
        // request to refine it.
        let ord = lots_store::sok::ord_i(&fraga);
        let bokstaver = |o: &String| o.chars().all(|c| c.is_alphabetic() || c == '\'');
        if !ord.iter().all(bokstaver) || !ord.iter().any(|o| o.chars().count() >= 2) {
            Err(
                "Skriv ett helt personnummer, eller minst två bokstäver av förnamnet eller efternamnet."
                    .into(),
            )
        } else {
            // Without the right, persons with skyddade personuppgifter are left out
            // by the query itself, so that they do not count toward "refine your
            // search" either (OSL 21 kap. 3 §).
            let med_skyddade = policy::far(a, Atgard::SePerson { skyddad: true });
            Ok(s.store
                .personer()
                .sok_personer(a.kommun, &fraga, med_skyddade, MAX_TRAFFAR + 1)
                .await?)
        }
    };
    let (fel, traffar) = match traffar {
        Ok(t) => (None, t),
        Err(e) => (Some(e), vec![]),
    };
    let forfina = traffar.len() as i64 > MAX_TRAFFAR;
    // A protected person is not there for a user without the right: not even as a hit.
    let traffar: Vec<Person> = traffar
        .into_iter()
        .filter(|p| policy::far(a, Atgard::SePerson { skyddad: p.skyddad }))
        .take(MAX_TRAFFAR as usize)
        .collect();
    let loggade: Vec<_> = traffar
        .iter()
        .map(|p| personpost("person.sok", p))
        .collect();
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &loggade, nu)
        .await?;
    let status = if fel.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let registrera_nummer = sokt_nummer
        .filter(|_| traffar.is_empty() && policy::far(a, Atgard::RegistreraPerson))
        .map(|id| id.visning());
    let sida = Sok {
        sida: Sida::av(&i),
        registrera_nummer,
        fraga,
        fel,
        sokt: true,
        forfina,
        registrerat: false,
        far_aktualisera: policy::far(a, Atgard::Aktualisera),
        traffar: traffar
            .into_iter()
            .map(|p| {
                let far_lasa = policy::far(a, Atgard::LasaPerson { skyddad: p.skyddad });
                (p.id, p.namn(), far_lasa, p.identitet.visning())
            })
            .collect(),
    };
    Ok((status, sida).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "steg.html")]
pub struct Formularsida {
    pub sida: Sida,
    pub rubrik: String,
    pub ingress: String,
    pub tillbaka: String,
    pub tillbaka_text: String,
    pub action: String,
    pub knapp: &'static str,
    pub multipart: bool,
    /// Offer "Förhandsgranska brevet" beside the button (a decision's form).
    pub forhandsgranska: bool,
    pub meddelande: Option<String>,
    /// A neutral word above the form (a draft saved or restored).
    pub notis: Option<String>,
    pub falt: Vec<Falt>,
    pub fel: Vec<(String, String)>,
    /// Choices of form shown above it: (href, text, current).
    pub lankar: Vec<(String, String, bool)>,
    /// A step form with a long text: its drafts, and the button that saves one.
    pub utkast: Option<crate::sparat::Utkastdel>,
}

fn personfalt() -> Vec<Falt> {
    vec![
        Falt::val(
            "identitet_typ",
            "Typ av nummer",
            "radio",
            [
                (
                    "personnummer".to_string(),
                    "Personnummer eller samordningsnummer".to_string(),
                ),
                ("reservnummer".to_string(), "Reservnummer".to_string()),
            ],
        )
        .varde("personnummer")
        .kravs(),
        Falt::text("identitet", "Nummer")
            .kravs()
            .hjalp("ÅÅÅÅMMDD-NNNN. Ett reservnummer får innehålla bokstäver."),
        Falt::text("fornamn", "Förnamn").kravs(),
        Falt::text("efternamn", "Efternamn").kravs(),
        Falt::text("adress", "Adress"),
        Falt::kryss("skyddad", "Personen har skyddade personuppgifter")
            .hjalp("Adressen sparas då inte i Lots."),
    ]
}

fn personsida(i: &Inloggad, falt: Vec<Falt>, fel: Vec<(String, String)>) -> Formularsida {
    Formularsida {
        sida: Sida::av(i),
        rubrik: "Registrera person".into(),
        ingress: "Registrera en person som inte finns i Lots. Sök först, så att ingen registreras två gånger.".into(),
        tillbaka: "/personer/sok".into(),
        tillbaka_text: "sökningen".into(),
        action: "/personer/ny".into(),
        knapp: "Registrera",
        multipart: false,
        forhandsgranska: false,
        meddelande: None,
        falt,
        fel,
        lankar: vec![],
        notis: None,
        utkast: None,
    }
}

/// The answer when a number cannot be registered and the user may not be told
/// why: the same whether or not a protected person has it.
const EJ_REGISTRERBAR: &str =
    "Numret kan inte registreras här. Kontrollera numret; stämmer det, kontakta din arbetsledare.";

pub async fn ny_sida(i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::RegistreraPerson)?;
    Ok(personsida(&i, personfalt(), vec![]).into_response())
}

pub async fn skapa(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::RegistreraPerson)?;
    let idag = svensk_dag(s.nu());
    // "Registrera person" from a search that found no one (issue 20, item 2): the
    // form with the number searched for, nothing registered yet. Posted, not a
    // query parameter, so that the personnummer stays out of URLs and access logs
    // (docs/design.md). The number is read as the form reads it; one that is not
    // a valid personnummer or samordningsnummer is left out.
    if f.get("forifyll").is_some() {
        let nummer = Identitet::tolka(&f.text("identitet"), idag).ok();
        let falt = personfalt()
            .into_iter()
            .map(|x| match &nummer {
                Some(id) if x.namn == "identitet" => x.varde(id.visning()),
                _ => x,
            })
            .collect();
        return Ok(personsida(&i, falt, vec![]).into_response());
    }
    let mut fel = vec![];
    let nummer = f.text("identitet");
    let identitet = match f.get("identitet_typ") {
        Some("reservnummer") => Identitet::reservnummer(&nummer),
        _ => Identitet::tolka(&nummer, idag),
    };
    if let Err(e) = &identitet {
        fel.push(FaltFel {
            falt: "identitet",
            text: e.to_string(),
        });
    }
    for (falt, text) in [
        ("fornamn", "Skriv förnamnet."),
        ("efternamn", "Skriv efternamnet."),
    ] {
        if f.text(falt).is_empty() {
            fel.push(FaltFel {
                falt,
                text: text.into(),
            });
        }
    }
    let skyddad = f.kryss("skyddad");
    if let (Ok(id), true) = (&identitet, fel.is_empty()) {
        let befintlig = s
            .store
            .personer()
            .person_med_identitet(i.anvandare.kommun, id)
            .await?;
        if let Some(b) = befintlig {
            if policy::far(&i.anvandare, Atgard::SePerson { skyddad: b.skyddad }) {
                fel.push(FaltFel {
                    falt: "identitet",
                    text: "En person med det numret finns redan. Sök fram personen i stället."
                        .into(),
                });
            } else {
                // Not even that a person with skyddade personuppgifter exists is told
                // to a user without the right (OSL 21 kap. 3 §, 26 kap. 1 §): no
                // "already exists". The attempt is logged with the person, flagged.
                // Those with the right see the attempt on their start page, so
                // that what arrived for the person is not lost (issue 12).
                // Not the name typed: a logggranskare without the right must not learn it.
                let forsok = "Registreringsförsök utan behörighet".to_string();
                s.store
                    .granskning()
                    .logga_lasning(
                        &i.aktor(),
                        &[personpost(lots_store::REGISTRERING_NEKAD, &b).skal(Some(forsok))],
                        s.nu(),
                    )
                    .await?;
                fel.push(FaltFel {
                    falt: "identitet",
                    text: EJ_REGISTRERBAR.into(),
                });
            }
        } else {
            let p = Person {
                id: PersonId::ny(),
                kommun: i.anvandare.kommun,
                identitet: id.clone(),
                fornamn: f.text("fornamn"),
                efternamn: f.text("efternamn"),
                adress: if skyddad {
                    String::new()
                } else {
                    f.text("adress")
                },
                skyddad,
            };
            match s.store.personer().skapa_person(&p, false).await {
                Ok(()) => {
                    s.store
                        .granskning()
                        .logga_lasning(&i.aktor(), &[personpost("person.registrera", &p)], s.nu())
                        .await?;
                    let till =
                        if policy::far(&i.anvandare, Atgard::LasaPerson { skyddad: p.skyddad }) {
                            format!("/personer/{}", p.id)
                        } else {
                            format!("/personer/{}/arenden/nytt", p.id)
                        };
                    return Ok(Redirect::to(&till).into_response());
                }
                // Registered by someone else a moment ago, perhaps as protected.
                Err(e) if e.ar_unik_krock() => fel.push(FaltFel {
                    falt: "identitet",
                    text: EJ_REGISTRERBAR.into(),
                }),
                Err(e) => return Err(e.into()),
            }
        }
    }
    let mut falt = personfalt();
    let sammanfattning = fyll(&mut falt, &f, &fel);
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        personsida(&i, falt, sammanfattning),
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "person.html")]
struct PersonSida {
    sida: Sida,
    id: PersonId,
    namn: String,
    identitet_typ: &'static str,
    identitet: String,
    adress: String,
    skyddad: bool,
    far_aktualisera: bool,
    arenden: Vec<ArendeRad>,
    /// The user acts on one of the person's cases: gallring and fullmakter are shown.
    agerar: bool,
    /// The newest entries of the cases shown (or older ones, paged).
    journal: Vec<JournalRad>,
    journal_aldre: Option<String>,
    journal_senaste: Option<String>,
    gallring: String,
    /// Fullmakter for Mina sidor that hold today or wait for approval (FL 14 §).
    fullmakter: Vec<PersonFullmakt>,
    far_registrera_fullmakt: bool,
    far_aterkalla_fullmakt: bool,
    far_lasa_fullmaktsdokument: bool,
    /// Requests for a registerutdrag, newest first, for those who may handle them.
    registerutdrag: Vec<BegaranVy>,
    far_registerutdrag: bool,
}

/// A request for a registerutdrag as the person page lists it.
struct BegaranVy {
    id: String,
    mottagen: String,
    /// The day the answer is owed by, and whether it has passed.
    senast: String,
    forsenad: bool,
    ansvarig: String,
    egen: bool,
    forlangning: Option<String>,
    /// "Lämnat 2026-09-20 av …", once answered.
    svar: Option<String>,
}

impl PersonSida {
    /// Where "Rättar en tidigare anteckning" leads, as on the case page.
    fn rattar_href(&self, original: &JournalId) -> String {
        super::arende::journal_href(&self.journal, &format!("/personer/{}", self.id), original)
    }
}

struct PersonFullmakt {
    id: String,
    text: String,
    /// Registered from paper, waiting for a second staff member's approval.
    vantar: bool,
    far_godkanna: bool,
    /// Registered from paper: the signed document is kept.
    dokument: bool,
}

/// When the file may be thinned out (SoL 16 kap.; SoF 13 kap. 1 §), in words.
pub(super) async fn gallringstext(s: &AppState, p: &Person) -> Result<String, WebFel> {
    let kod = s.store.organisation().kommunkod(p.kommun).await?;
    let dag = p.identitet.fodelsedatum().map(|d| d.day()).unwrap_or(0);
    let reservnummer = p.identitet.typ() == lots_domain::identitet::IdentitetsTyp::Reservnummer;
    Ok(match frister::gallring_undantag(dag, &kod) {
        // lots_domain::gallring: without a birth date the research exception cannot be ruled out.
        None if reservnummer => "Gallras inte utan prövning: ett reservnummer ger ingen födelsedag, så forskningsundantaget (SoF 13 kap. 1 §) kan inte uteslutas.".into(),
        Some(frister::GallringsUndantag::Kommun) => {
            "Gallras inte: kommunens personakter bevaras för forskning (SoF 13 kap. 1 §).".into()
        }
        Some(frister::GallringsUndantag::Fodelsedag) => {
            "Gallras inte: personer födda den 5, 15 eller 25 bevaras för forskning (SoF 13 kap. 1 §).".into()
        }
        None => match s.store.personer().sista_anteckning(p.kommun, p.id).await? {
            Some(sista) => match frister::gallringsdatum(sista, dag, false) {
                Some(d) => format!("Senaste anteckning {sista}. Gallras senast {d} om inget nytt antecknas (SoL 16 kap.)."),
                None => "Gallras inte (SoF 13 kap. 1 §).".into(),
            },
            None => "Inget är antecknat ännu.".into(),
        },
    })
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let start = super::arende::journalstart(&q)?;
    let OppnadPerson {
        person: p,
        arenden: alla,
        agerar,
    } = atkomst::oppna_person(&s, &i, &id, PersonSyfte::Lasa).await?;
    let id = p.id;
    // Inre sekretess (OSL 26 kap. 1 §), as on the case page: a user who acts on
    // none of the person's cases sees the register entry and nothing of the
    // cases elsewhere: not how many there are, not when the last note was
    // written, not who holds a fullmakt. Their read is flagged when the person
    // has cases elsewhere (issue 12); the loader logged it.
    let arenden: Vec<ArendeRad> = alla
        .into_iter()
        .filter(|r| policy::far(&i.anvandare, Atgard::LasaArende(ArendeResurs::av(r))))
        .collect();
    let synliga: HashSet<ArendeId> = arenden.iter().map(|r| r.id).collect();
    // The newest entries of the cases shown, a page at a time (issue 14).
    let journalsida = if synliga.is_empty() {
        lots_store::Sidvis {
            rader: vec![],
            fler: false,
        }
    } else {
        s.store
            .personer()
            .journal_sida(
                i.anvandare.kommun,
                id,
                start,
                super::arende::PER_SIDA,
                |a| synliga.contains(&a),
            )
            .await?
            .ok_or_else(super::arende::okand_journalstart)?
    };
    let journal = journalsida.rader;
    let journal_aldre = journal
        .last()
        .filter(|_| journalsida.fler)
        .map(|j| format!("/personer/{id}?journal_fore={}#rubrik-journal", j.id));
    let journal_senaste =
        (start != Journalstart::Senaste).then(|| format!("/personer/{id}#rubrik-journal"));
    let gallring = if agerar {
        gallringstext(&s, &p).await?
    } else {
        "Visas för den som arbetar med något av personens ärenden.".into()
    };
    let idag = svensk_dag(s.nu());
    let fullmakter: Vec<PersonFullmakt> = if !agerar {
        vec![]
    } else {
        s.store
            .mina_sidor()
            .fullmakter_for_person(i.anvandare.kommun, id)
            .await?
            .into_iter()
            .filter(|f| f.galler(idag) || f.vantar())
            .map(|f| {
                let omfattning = match f.omfattning {
                    lots_domain::fullmakt::Omfattning::Lasa => "får läsa",
                    lots_domain::fullmakt::Omfattning::ForaTalan => "får läsa och föra talan",
                };
                let mut text = match f.giltig_till {
                    Some(d) => format!("{} ({omfattning}, till och med {d})", f.ombud_namn),
                    None => format!("{} ({omfattning}, tills vidare)", f.ombud_namn),
                };
                if !f.av_personen() {
                    text.push_str(&format!(
                        ". Registrerad från papper av {} {}",
                        f.registrerad_av,
                        svensk_dag(f.registrerad)
                    ));
                }
                let vantar = f.vantar();
                if let Some((_, av)) = &f.godkand
                    && !f.av_personen()
                {
                    text.push_str(&format!(", godkänd av {av}"));
                }
                let far_godkanna = vantar
                    && policy::far(
                        &i.anvandare,
                        Atgard::GodkannaFullmakt {
                            skyddad: p.skyddad,
                            agerar,
                            egen: f.registrerad_av_anvandare == Some(i.anvandare.id),
                        },
                    );
                PersonFullmakt {
                    id: f.id.to_string(),
                    text,
                    vantar,
                    far_godkanna,
                    dokument: !f.av_personen(),
                }
            })
            .collect()
    };
    let far_registerutdrag = policy::far(
        &i.anvandare,
        Atgard::Registerutdrag {
            skyddad: p.skyddad,
            agerar,
        },
    );
    let registerutdrag = if far_registerutdrag {
        s.store
            .registerutdrag()
            .for_person(i.anvandare.kommun, id)
            .await?
            .into_iter()
            .map(|b| BegaranVy {
                id: b.id.to_string(),
                mottagen: format!("{} ({})", b.mottagen, b.kanal.namn().to_lowercase()),
                senast: b.senast().to_string(),
                forsenad: b.forsenad(idag),
                egen: b.ansvarig == i.anvandare.id,
                ansvarig: b.ansvarig_namn.clone(),
                forlangning: b.forlangd_till.map(|d| {
                    format!(
                        "Förlängd från {} till {d}: {}",
                        b.svar_senast,
                        b.forlangning_skal.clone().unwrap_or_default()
                    )
                }),
                svar: b.besvarad.map(|d| {
                    let mut t = format!(
                        "{} {d} av {}",
                        b.utfall.map(|u| u.namn()).unwrap_or_default(),
                        b.besvarad_av_namn.clone().unwrap_or_default()
                    );
                    if let Some(skal) = b.skal.as_deref().filter(|x| !x.is_empty()) {
                        t.push_str(&format!(". Skäl: {skal}"));
                    }
                    t
                }),
            })
            .collect()
    } else {
        vec![]
    };
    let loggade: Vec<_> = arenden
        .iter()
        .map(|r| arendepost(&i, "person.visa", r))
        .collect();
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &loggade, s.nu())
        .await?;
    let sida = PersonSida {
        sida: Sida::av(&i),
        id,
        namn: p.namn(),
        identitet_typ: p.identitet.typ().namn(),
        identitet: p.identitet.visning(),
        adress: if p.skyddad {
            String::new()
        } else {
            p.adress.clone()
        },
        skyddad: p.skyddad,
        far_aktualisera: policy::far(&i.anvandare, Atgard::Aktualisera),
        agerar,
        arenden,
        journal,
        journal_aldre,
        journal_senaste,
        gallring,
        fullmakter,
        far_registrera_fullmakt: policy::far(
            &i.anvandare,
            Atgard::RegistreraFullmakt {
                skyddad: p.skyddad,
                agerar,
            },
        ),
        far_aterkalla_fullmakt: policy::far(
            &i.anvandare,
            Atgard::AterkallaFullmakt { skyddad: p.skyddad },
        ),
        far_lasa_fullmaktsdokument: policy::far(
            &i.anvandare,
            Atgard::LasaFullmaktsdokument {
                skyddad: p.skyddad,
                agerar,
            },
        ),
        registerutdrag,
        far_registerutdrag,
    };
    Ok(sida.into_response())
}
