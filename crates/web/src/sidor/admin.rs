//! The systemförvaltare's pages: staff accounts and units. No case content is
//! reached from here. Every change is written to the audit log, so who gave whom
//! which role or the protected-person right can always be answered.

use crate::formular::FaltFel;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::ids::{AnvandarId, EnhetId};
use lots_domain::organisation::Roll;
use lots_store::{Anvandare, Enhet, Enhetskontakt, Granskningspost};

use super::person::Formularsida;
use super::{Falt, Sida, fyll};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, Atgard};

#[derive(Template, WebTemplate)]
#[template(path = "admin.html")]
struct Oversikt {
    sida: Sida,
    /// The systemförvaltare's own account: no activation link for it.
    sida_anvandare: AnvandarId,
    anvandare: Vec<(Anvandare, String)>,
    enheter: Vec<Enhet>,
}

fn enhetsnamn(enheter: &[Enhet], id: EnhetId) -> String {
    enheter
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.namn.clone())
        .unwrap_or_default()
}

pub async fn oversikt(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::AdministreraAnvandare)?;
    let kommun = i.anvandare.kommun;
    let enheter = s.store.organisation().enheter(kommun).await?;
    let anvandare = s
        .store
        .organisation()
        .alla_anvandare(kommun)
        .await?
        .into_iter()
        // The account the person's own acts are recorded under is nobody's to administer.
        .filter(|a| a.anvandarnamn != lots_store::MINA_SIDOR_KONTO)
        .map(|a| {
            let e = enhetsnamn(&enheter, a.enhet);
            (a, e)
        })
        .collect();
    Ok(Oversikt {
        sida: Sida::av(&i),
        sida_anvandare: i.anvandare.id,
        anvandare,
        enheter,
    }
    .into_response())
}

fn anvandarfalt(enheter: &[Enhet], ny: bool) -> Vec<Falt> {
    let mut falt = vec![Falt::text("namn", "Namn").kravs()];
    if ny {
        falt.push(
            Falt::text("anvandarnamn", "Användarnamn")
                .kravs()
                .hjalp("Små bokstäver, siffror, punkt och bindestreck."),
        );
    }
    falt.push(
        Falt::val(
            "roll",
            "Roll",
            "select",
            Roll::ALLA.map(|r| (r.kod().to_string(), r.namn().to_string())),
        )
        .kravs(),
    );
    falt.push(
        Falt::val(
            "enhet",
            "Enhet",
            "select",
            enheter.iter().map(|e| (e.id.to_string(), e.namn.clone())),
        )
        .kravs(),
    );
    falt.push(
        Falt::kryss(
            "skyddad_behorighet",
            "Får se personer med skyddade personuppgifter",
        )
        .hjalp("Ge bara den rätten till den som behöver den i sitt arbete."),
    );
    // No password field: the user sets their own through a one-time link (issue 12).
    if !ny {
        falt.push(Falt::kryss("aktiv", "Kontot är aktivt"));
    }
    falt
}

fn formsida(
    i: &Inloggad,
    rubrik: &str,
    action: String,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
) -> Formularsida {
    Formularsida {
        sida: Sida::av(i),
        rubrik: rubrik.into(),
        ingress: String::new(),
        tillbaka: "/admin/anvandare".into(),
        tillbaka_text: "användare och enheter".into(),
        action,
        knapp: "Spara",
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

/// Reads role, enhet and right from the form; pushes an error per bad field.
fn las_behorighet(
    f: &Formular,
    enheter: &[Enhet],
    fel: &mut Vec<FaltFel>,
) -> Option<(Roll, EnhetId)> {
    let roll = f.get("roll").and_then(Roll::fran_kod);
    if roll.is_none() {
        fel.push(FaltFel {
            falt: "roll",
            text: "Välj en roll.".into(),
        });
    }
    let enhet = f
        .get("enhet")
        .and_then(|e| e.parse::<EnhetId>().ok())
        .filter(|e| enheter.iter().any(|x| x.id == *e));
    if enhet.is_none() {
        fel.push(FaltFel {
            falt: "enhet",
            text: "Välj en enhet.".into(),
        });
    }
    if f.text("namn").is_empty() {
        fel.push(FaltFel {
            falt: "namn",
            text: "Skriv namnet.".into(),
        });
    }
    roll.zip(enhet)
}

async fn logga(s: &AppState, i: &Inloggad, handling: &str) -> Result<(), WebFel> {
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[Granskningspost::ny(handling)], s.nu())
        .await?;
    Ok(())
}

pub async fn ny_sida(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::AdministreraAnvandare)?;
    let enheter = s.store.organisation().enheter(i.anvandare.kommun).await?;
    Ok(formsida(
        &i,
        "Nytt konto",
        "/admin/anvandare/ny".into(),
        anvandarfalt(&enheter, true),
        vec![],
    )
    .into_response())
}

pub async fn skapa(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraAnvandare)?;
    let enheter = s.store.organisation().enheter(i.anvandare.kommun).await?;
    let mut fel = vec![];
    let behorighet = las_behorighet(&f, &enheter, &mut fel);
    let anvandarnamn = f.text("anvandarnamn").to_lowercase();
    if anvandarnamn.is_empty()
        || !anvandarnamn
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-'))
    {
        fel.push(FaltFel {
            falt: "anvandarnamn",
            text: "Användarnamnet får bara ha små bokstäver a–z, siffror, punkt och bindestreck."
                .into(),
        });
    }
    if let (Some((roll, enhet)), true) = (behorighet, fel.is_empty()) {
        // The account starts closed and without the right; what was asked for is
        // a request a second person approves (four eyes, OSL 26 kap. 1 §). Its
        // password is no hash at all, so nothing logs in until the link is used.
        let a = Anvandare {
            id: AnvandarId::ny(),
            kommun: i.anvandare.kommun,
            enhet,
            anvandarnamn,
            namn: f.text("namn"),
            roll,
            losenord: String::new(),
            aktiv: false,
            skyddad_behorighet: false,
        };
        match s.store.organisation().skapa_anvandare(&a).await {
            Ok(()) => {
                logga(&s, &i, &format!("admin.anvandare.skapa:{}", a.id)).await?;
                let begaran = super::konto::begar(
                    &s,
                    &i,
                    &Anvandare {
                        aktiv: true,
                        skyddad_behorighet: f.kryss("skyddad_behorighet"),
                        ..a.clone()
                    },
                )
                .await?;
                return super::konto::visa_ny_lank(&s, &i, &a, Some(begaran)).await;
            }
            Err(e) if e.ar_unik_krock() => fel.push(FaltFel {
                falt: "anvandarnamn",
                text: "Användarnamnet finns redan.".into(),
            }),
            Err(e) => return Err(e.into()),
        }
    }
    let mut falt = anvandarfalt(&enheter, true);
    let sammanfattning = fyll(&mut falt, &f, &fel);
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        formsida(
            &i,
            "Nytt konto",
            "/admin/anvandare/ny".into(),
            falt,
            sammanfattning,
        ),
    )
        .into_response())
}

async fn hamta(s: &AppState, i: &Inloggad, id: &str) -> Result<Anvandare, WebFel> {
    crate::atkomst::oppna_konto(s, i, id).await
}

pub async fn andra_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let a = hamta(&s, &i, &id).await?;
    let enheter = s.store.organisation().enheter(i.anvandare.kommun).await?;
    let mut falt = anvandarfalt(&enheter, false);
    for x in &mut falt {
        let varde = match x.namn {
            "namn" => a.namn.clone(),
            "roll" => a.roll.kod().to_string(),
            "enhet" => a.enhet.to_string(),
            "skyddad_behorighet" if a.skyddad_behorighet => "ja".into(),
            "aktiv" if a.aktiv => "ja".into(),
            _ => continue,
        };
        *x = std::mem::replace(x, Falt::text("", "")).varde(varde);
    }
    Ok(formsida(
        &i,
        &format!("Ändra {} ({})", a.namn, a.anvandarnamn),
        format!("/admin/anvandare/{}", a.id),
        falt,
        vec![],
    )
    .into_response())
}

pub async fn andra(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let a = hamta(&s, &i, &id).await?;
    let enheter = s.store.organisation().enheter(i.anvandare.kommun).await?;
    let mut fel = vec![];
    let behorighet = las_behorighet(&f, &enheter, &mut fel);
    // Nobody locks the last way in: a systemförvaltare cannot remove their own role or account.
    if a.id == i.anvandare.id
        && (f.get("roll") != Some(Roll::Systemforvaltare.kod()) || !f.kryss("aktiv"))
    {
        fel.push(FaltFel { falt: "roll", text: "Du kan inte ta bort din egen roll som systemförvaltare eller stänga ditt eget konto.".into() });
    }
    if let (Some((roll, enhet)), true) = (behorighet, fel.is_empty()) {
        let ny = Anvandare {
            enhet,
            roll,
            namn: f.text("namn"),
            aktiv: f.kryss("aktiv"),
            skyddad_behorighet: f.kryss("skyddad_behorighet"),
            ..a.clone()
        };
        if policy::ger_mer(Some(&a), &ny) {
            // A grant waits for a second person; the name changes now, and a
            // right taken away goes at once (the account keeps no more than it had).
            let bara_namn = Anvandare {
                namn: ny.namn.clone(),
                skyddad_behorighet: a.skyddad_behorighet && ny.skyddad_behorighet,
                ..a
            };
            s.store.organisation().andra_anvandare(&bara_namn).await?;
            logga(&s, &i, &format!("admin.anvandare.andra:{}", ny.id)).await?;
            super::konto::begar(&s, &i, &ny).await?;
            return Ok(Redirect::to("/behorigheter").into_response());
        }
        s.store.organisation().andra_anvandare(&ny).await?;
        logga(&s, &i, &format!("admin.anvandare.andra:{}", ny.id)).await?;
        return Ok(Redirect::to("/admin/anvandare").into_response());
    }
    let mut falt = anvandarfalt(&enheter, false);
    let sammanfattning = fyll(&mut falt, &f, &fel);
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        formsida(
            &i,
            &format!("Ändra {}", a.namn),
            format!("/admin/anvandare/{}", a.id),
            falt,
            sammanfattning,
        ),
    )
        .into_response())
}

fn enhetsfalt() -> Vec<Falt> {
    vec![
        Falt::text("namn", "Enhetens namn").kravs(),
        Falt::kryss("utforare", "Enheten är en utförare")
            .hjalp("Utförare tar emot beställningar av insatser."),
        tar_emot_falt(""),
    ]
}

/// What an enhet may receive: Mina sidor's applications and the desk's orosanmälningar.
fn tar_emot_koder() -> Vec<(String, String)> {
    let mut k = crate::mina_sidor::erbjudanden();
    k.extend(super::mottagning_steg::orosanmalningar());
    k
}

/// Which offers' digital applications the enhet receives: (code, name).
fn tar_emot_falt(varde: &str) -> Falt {
    let mut f = Falt::val(
        "tar_emot",
        "Tar emot ansökningar från Mina sidor och orosanmälningar",
        "checkboxes",
        tar_emot_koder(),
    )
    .hjalp("Ansökningar som görs digitalt, och orosanmälningar från mottagningarna för öppna insatser, hamnar hos den här enheten.");
    for a in &mut f.alternativ {
        a.vald = varde.split_whitespace().any(|k| k == a.varde);
    }
    f
}

/// The offers ticked in the form, known codes only.
fn las_tar_emot(f: &Formular) -> String {
    f.alla("tar_emot")
        .into_iter()
        .filter(|k| tar_emot_koder().iter().any(|(e, _)| e == k))
        .collect::<Vec<_>>()
        .join(" ")
}

async fn enhet_att_andra(s: &AppState, i: &Inloggad, id: &str) -> Result<Enhet, WebFel> {
    policy::krav(&i.anvandare, Atgard::AdministreraAnvandare)?;
    let id: EnhetId = id.parse().map_err(|_| WebFel::Saknas)?;
    s.store
        .organisation()
        .enheter(i.anvandare.kommun)
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(WebFel::Saknas)
}

/// The enhet's contact settings as fields (issue 19 item 1): how the person reaches it,
/// shown on Mina sidor with their case, their decisions and the error pages.
fn kontaktfalt(k: &Enhetskontakt) -> Vec<Falt> {
    vec![
        Falt::text("telefon", "Telefon")
            .hjalp("Numret personen ringer, till exempel 0480-45 00 00.")
            .varde(&k.telefon),
        Falt::text("telefontider", "Telefontider")
            .hjalp("Till exempel: Måndag–fredag 9–12. Krävs när ett telefonnummer finns.")
            .varde(&k.telefontider),
        Falt::text("besoksadress", "Besöksadress").varde(&k.besoksadress),
        Falt::text("besokstider", "Besökstider")
            .hjalp("Till exempel: Tisdag och torsdag 13–15, eller efter bokning.")
            .varde(&k.besokstider),
        Falt::text("epost", "E-post för frågor")
            .hjalp("Personen uppmanas att inte skriva känsliga uppgifter i e-post; det gör de under Meddelanden på Mina sidor.")
            .varde(&k.epost),
        Falt::textarea("boka_mote", "Så bokar man ett möte")
            .hjalp("Till exempel: Ring oss, eller be om ett möte på Mina sidor.")
            .varde(&k.boka_mote),
        Falt::text("kontaktperson", "Kontaktperson")
            .hjalp("För en utförare: den som personen frågar efter. Visas på Mina sidor när en insats pågår.")
            .varde(&k.kontaktperson),
    ]
}

/// Longest a one-line contact setting may be; the booking text may be longer.
const KONTAKT_MAX: usize = 200;
const BOKA_MAX: usize = 1000;

/// Reads and checks the contact settings; each bad field gets a clear Swedish error.
fn las_kontakt(f: &Formular, fel: &mut Vec<FaltFel>) -> Enhetskontakt {
    let k = Enhetskontakt {
        telefon: f.text("telefon"),
        telefontider: f.text("telefontider"),
        besoksadress: f.text("besoksadress"),
        besokstider: f.text("besokstider"),
        epost: f.text("epost"),
        boka_mote: f.text("boka_mote"),
        kontaktperson: f.text("kontaktperson"),
    };
    for (falt, varde) in [
        ("telefon", &k.telefon),
        ("telefontider", &k.telefontider),
        ("besoksadress", &k.besoksadress),
        ("besokstider", &k.besokstider),
        ("epost", &k.epost),
        ("kontaktperson", &k.kontaktperson),
    ] {
        if varde.chars().count() > KONTAKT_MAX {
            fel.push(FaltFel {
                falt,
                text: format!("Skriv högst {KONTAKT_MAX} tecken."),
            });
        }
    }
    if k.boka_mote.chars().count() > BOKA_MAX {
        fel.push(FaltFel {
            falt: "boka_mote",
            text: format!("Skriv högst {BOKA_MAX} tecken."),
        });
    }
    if !k.telefon.is_empty() && !telefon_ok(&k.telefon) {
        fel.push(FaltFel {
            falt: "telefon",
            text: "Skriv telefonnumret med siffror, till exempel 0480-45 00 00 eller +46 480 45 00 00.".into(),
        });
    }
    if !k.telefon.is_empty() && k.telefontider.is_empty() {
        fel.push(FaltFel {
            falt: "telefontider",
            text: "Skriv när man kan ringa, till exempel Måndag–fredag 9–12.".into(),
        });
    }
    if !k.epost.is_empty() && !epost_ok(&k.epost) {
        fel.push(FaltFel {
            falt: "epost",
            text: "Skriv en hel e-postadress, till exempel socialtjansten@kommun.se.".into(),
        });
    }
    k
}

/// A phone number as people write it: digits, with spaces, hyphens, one leading plus and
/// brackets around an area code; six to fifteen digits (ITU-T E.164 holds at most fifteen).
fn telefon_ok(t: &str) -> bool {
    let siffror = t.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&siffror)
        && t.chars().enumerate().all(|(i, c)| {
            c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && i == 0)
        })
}

/// An e-mail address as Lots reads one everywhere (`lots_domain::avisering::tolka_epost`).
fn epost_ok(e: &str) -> bool {
    lots_domain::avisering::tolka_epost(e).is_ok()
}

pub async fn andra_enhet_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let e = enhet_att_andra(&s, &i, &id).await?;
    let kontakt = s
        .store
        .organisation()
        .enhetskontakt(i.anvandare.kommun, e.id)
        .await?;
    let mut falt = vec![tar_emot_falt(&e.tar_emot)];
    falt.extend(kontaktfalt(&kontakt));
    Ok(formsida(
        &i,
        &format!("Enheten {}", e.namn),
        format!("/admin/enheter/{}", e.id),
        falt,
        vec![],
    )
    .into_response())
}

pub async fn andra_enhet(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let e = enhet_att_andra(&s, &i, &id).await?;
    let mut fel = vec![];
    let kontakt = las_kontakt(&f, &mut fel);
    if !fel.is_empty() {
        // Nothing is saved: neither what the enhet receives nor how it is reached.
        let mut falt = vec![tar_emot_falt(&e.tar_emot)];
        falt.extend(kontaktfalt(&Enhetskontakt::default()));
        let sammanfattning = fyll(&mut falt, &f, &fel);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            formsida(
                &i,
                &format!("Enheten {}", e.namn),
                format!("/admin/enheter/{}", e.id),
                falt,
                sammanfattning,
            ),
        )
            .into_response());
    }
    s.store
        .organisation()
        .satt_tar_emot(e.id, &las_tar_emot(&f))
        .await?;
    logga(&s, &i, &format!("admin.enhet.tar_emot:{}", e.id)).await?;
    let fore = s
        .store
        .organisation()
        .enhetskontakt(i.anvandare.kommun, e.id)
        .await?;
    if fore != kontakt {
        s.store
            .organisation()
            .spara_enhetskontakt(i.anvandare.kommun, e.id, &kontakt, i.anvandare.id, s.nu())
            .await?;
        logga(&s, &i, &format!("admin.enhet.kontakt:{}", e.id)).await?;
    }
    Ok(Redirect::to("/admin/anvandare").into_response())
}

pub async fn ny_enhet_sida(i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::AdministreraAnvandare)?;
    Ok(formsida(
        &i,
        "Ny enhet",
        "/admin/enheter/ny".into(),
        enhetsfalt(),
        vec![],
    )
    .into_response())
}

pub async fn skapa_enhet(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraAnvandare)?;
    let kommun = i.anvandare.kommun;
    let namn = f.text("namn");
    let mut fel = vec![];
    if namn.is_empty() {
        fel.push(FaltFel {
            falt: "namn",
            text: "Skriv enhetens namn.".into(),
        });
    } else if s
        .store
        .organisation()
        .enheter(kommun)
        .await?
        .iter()
        .any(|e| e.namn.eq_ignore_ascii_case(&namn))
    {
        fel.push(FaltFel {
            falt: "namn",
            text: "Det finns redan en enhet med det namnet.".into(),
        });
    }
    let namnd = s
        .store
        .organisation()
        .namnder(kommun)
        .await?
        .into_iter()
        .next();
    match (namnd, fel.is_empty()) {
        (Some((namnd, _)), true) => {
            let id = EnhetId::ny();
            s.store
                .organisation()
                .skapa_enhet(id, kommun, namnd, &namn, f.kryss("utforare"))
                .await?;
            s.store
                .organisation()
                .satt_tar_emot(id, &las_tar_emot(&f))
                .await?;
            logga(&s, &i, &format!("admin.enhet.skapa:{id}")).await?;
            Ok(Redirect::to("/admin/anvandare").into_response())
        }
        (None, true) => Err(WebFel::Ogiltig(
            "Kommunen har ingen nämnd att lägga enheten under.".into(),
        )),
        _ => {
            let mut falt = enhetsfalt();
            let sammanfattning = fyll(&mut falt, &f, &fel);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                formsida(
                    &i,
                    "Ny enhet",
                    "/admin/enheter/ny".into(),
                    falt,
                    sammanfattning,
                ),
            )
                .into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{epost_ok, telefon_ok};

    #[test]
    fn telefonnummer_som_man_skriver_dem() {
        for ok in [
            "0480-45 00 00",
            "+46 480 45 00 00",
            "(0480) 450000",
            "020-123 456",
        ] {
            assert!(telefon_ok(ok), "{ok}");
        }
        for fel in [
            "ring oss",
            "12345",
            "0480-45 00 00 eller 0480-1",
            "46+480450000",
            "0480/450000",
        ] {
            assert!(!telefon_ok(fel), "{fel}");
        }
    }

    #[test]
    fn epost_med_snabel_a_och_doman() {
        assert!(epost_ok("socialtjansten@kalmar.se"));
        for fel in [
            "socialtjansten",
            "@kalmar.se",
            "a@kalmar",
            "a b@kalmar.se",
            "a@b@c.se",
            "a@.se",
        ] {
            assert!(!epost_ok(fel), "{fel}");
        }
    }
}
