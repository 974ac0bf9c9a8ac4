//! The steps of a case: one form page and one POST handler for every kind of step.

use std::collections::HashMap;

use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::arende::{AktualiseringsTyp, Arende, Handlingstyp, Kommando, KommandoTyp, kan};
use lots_domain::ids::{ArendeId, DokumentId, PersonId};
use lots_domain::tid::svensk_dag;
use lots_store::{Anvandare, ArendeRad, Bilaga, Enhet, JournalRad};
use sha2::{Digest, Sha256};

use super::formular::{FaltKontext, falt, ingress, tolka};
use super::person::Formularsida;
use super::{Sida, fyll};
use crate::AppState;
use crate::atkomst::{self, ArendeSyfte, Stegsvar};
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::{FaltFel, Formular, Formularfel};
use crate::policy::{self, Atgard};

/// What a step's form needs to know besides the case.
pub struct Stegkontext {
    pub person: PersonId,
    pub rad: Option<ArendeRad>,
    pub arende: Option<Arende>,
    pub anvandare: Vec<Anvandare>,
    pub enheter: Vec<Enhet>,
    /// The kommun's provider organisations: read only for an order.
    pub utforarorganisationer: Vec<lots_domain::utforare::Utforarorganisation>,
    /// The providers' contracts and the ended providers' last days: read only for an order.
    pub avtal: Vec<lots_domain::utforare::Avtal>,
    pub utforarslut: Vec<(lots_domain::ids::UtforarId, time::Date)>,
    pub journal: Vec<JournalRad>,
    /// The kinds of document already accepted for the person, in any case (newest first).
    pub godtagna: Vec<(Handlingstyp, time::Date, ArendeId)>,
    /// The case's documents by name: read only for kommunicering.
    pub dokument: Vec<(DokumentId, String)>,
    /// The kommun's riksnorm tables: read only for the försörjningsstöd step.
    pub riksnorm: Vec<lots_domain::forsorjningsstod::riksnorm::Riksnorm>,
    pub hyresriktvarden: Option<lots_store::Hyresriktvarden>,
    pub andra_manader: Vec<lots_domain::forsorjningsstod::Manad>,
    pub andra_val: Vec<lots_domain::forsorjningsstod::fordjupad::FordjupadVal>,
    pub kon: Option<lots_domain::identitet::Kon>,
    pub attestgrans: i64,
    /// The assessment instrument whose items the form shows (`?instrument=` or the form).
    pub instrument: Option<lots_domain::instrument::Instrument>,
    pub idag: time::Date,
    /// The user's own drafts of this step's form (`crate::sparat`), newest first.
    pub utkast: Vec<lots_store::SparatFormular>,
    /// The kommun's text blocks in use: read only for the forms they are inserted in
    /// (`infoga_i`).
    pub textblock: Vec<lots_store::TextblockRad>,
    /// Skyddade personuppgifter between the adults of a joint application: read only for
    /// the steps that write what both adults see (`arende::skydd_mellan_vuxna`).
    pub skydd: Vec<String>,
}

/// The field of a step's form that the kommun's text blocks are inserted in (issue 20
/// item 5): the decision's motivering and the utredning's bedömning.
pub fn infoga_i(typ: KommandoTyp) -> Option<&'static str> {
    match typ {
        KommandoTyp::FattaBeslut => Some("motivering"),
        KommandoTyp::BedomGrundutredning => Some("bedomning"),
        _ => None,
    }
}

/// What the submit button named `atgard` asks of a step's form besides taking the step.
const INFOGA: &str = "infoga_textblock";
const FORHANDSGRANSKA: &str = "forhandsgranska";

/// The steps whose letter can be previewed from their form: a decision.
fn kan_forhandsgranskas(typ: KommandoTyp) -> bool {
    typ == KommandoTyp::FattaBeslut
}

/// Steps staff take on the case page. A case starts from the person page, a
/// letter is stored by Lots with its step, a meeting is something the person
/// asks for on Mina sidor, and the genomförandeplan is the utförare's, written
/// on the order (seed 004 §2.8.1).
pub fn for_personal(typ: KommandoTyp) -> bool {
    !matches!(
        typ,
        KommandoTyp::Aktualisera
            | KommandoTyp::RegistreraBrev
            | KommandoTyp::BegarMote
            | KommandoTyp::BegarHandlaggarbyte
            | KommandoTyp::UpprattaGenomforandeplan
    )
}

/// What a step's form chooses among, beyond the case: the kommun's staff
/// (assigning a case, a föredragande), its enheter (where a case or an order
/// goes) or the case's journal (what a correction or an objection concerns).
/// Only those forms read them (`formular`), so no other step pays for reading them:
/// a journal entry is not slower in a kommun of a thousand staff.
fn behover(typ: KommandoTyp) -> (bool, bool, bool) {
    use KommandoTyp as T;
    let anvandare = matches!(
        typ,
        T::Aktualisera | T::TilldelaHandlaggare | T::FattaBeslut | T::BesvaraHandlaggarbyte
    );
    let enheter = matches!(
        typ,
        T::Aktualisera | T::TilldelaHandlaggare | T::Bestall | T::BesvaraHandlaggarbyte
    );
    let journal = matches!(typ, T::RattaJournal | T::RegistreraInvandning);
    (anvandare, enheter, journal)
}

impl Stegkontext {
    /// The form's context for a step of type `typ`, with what that form reads
    /// (`behover`): the case's journal is read here only for the steps that choose an entry.
    pub async fn ladda(
        s: &AppState,
        i: &Inloggad,
        typ: KommandoTyp,
        person: PersonId,
        arende: Option<(ArendeRad, Arende)>,
    ) -> Result<Self, WebFel> {
        let (rad, arende) = match arende {
            Some((r, a)) => (Some(r), Some(a)),
            None => (None, None),
        };
        let (med_anvandare, med_enheter, med_journal) = behover(typ);
        let org = s.store.organisation();
        let kommun = i.anvandare.kommun;
        // Jobbstimulans counts the months paid in the person's other cases too.
        let andra_manader = match &rad {
            Some(r) if typ == KommandoTyp::BeraknaForsorjningsstod => {
                s.store
                    .arenden()
                    .manader_med_utbetalning(r.person, r.id)
                    .await?
            }
            _ => vec![],
        };
        // A choice about a deepened investigation made in another case answers the same run.
        let andra_val = match &rad {
            Some(r) if typ == KommandoTyp::BeraknaForsorjningsstod => {
                s.store.arenden().fordjupade_val(r.person, r.id).await?
            }
            _ => vec![],
        };
        let skydd = match (&rad, &arende) {
            (Some(r), Some(a))
                if matches!(
                    typ,
                    KommandoTyp::BeraknaForsorjningsstod
                        | KommandoTyp::AnsokManad
                        | KommandoTyp::FattaBeslut
                        | KommandoTyp::PlaneraUtbetalning
                ) =>
            {
                super::arende::skydd_mellan_vuxna(s, r, a).await?
            }
            _ => vec![],
        };
        let kon = if typ == KommandoTyp::RegistreraInstrument {
            s.store
                .personer()
                .person(i.anvandare.kommun, person)
                .await?
                .and_then(|p| p.identitet.kon())
        } else {
            None
        };
        Ok(Self {
            kon,
            skydd,
            person,
            anvandare: if med_anvandare {
                org.alla_anvandare(kommun).await?
            } else {
                vec![]
            },
            enheter: if med_enheter {
                org.enheter(kommun).await?
            } else {
                vec![]
            },
            utforarorganisationer: if typ == KommandoTyp::Bestall {
                org.utforarorganisationer(kommun).await?
            } else {
                vec![]
            },
            avtal: if typ == KommandoTyp::Bestall {
                org.alla_avtal(kommun).await?
            } else {
                vec![]
            },
            utforarslut: if typ == KommandoTyp::Bestall {
                org.utforarorganisationers_slut(kommun).await?
            } else {
                vec![]
            },
            journal: match &rad {
                Some(r) if med_journal => {
                    s.store.arenden().journal_i_arende(r.kommun, r.id).await?
                }
                _ => vec![],
            },
            rad,
            arende,
            godtagna: vec![],
            dokument: vec![],
            riksnorm: if typ == KommandoTyp::BeraknaForsorjningsstod {
                org.riksnormer(kommun).await?
            } else {
                vec![]
            },
            hyresriktvarden: if typ == KommandoTyp::BeraknaForsorjningsstod {
                org.hyresriktvarden(kommun).await?
            } else {
                None
            },
            andra_manader,
            andra_val,
            attestgrans: if typ == KommandoTyp::PlaneraUtbetalning {
                org.attestgrans(kommun)
                    .await?
                    .unwrap_or(lots_domain::forsorjningsstod::utbetalning::ATTESTGRANS)
            } else {
                lots_domain::forsorjningsstod::utbetalning::ATTESTGRANS
            },
            instrument: None,
            idag: svensk_dag(s.nu()),
            utkast: vec![],
            textblock: if infoga_i(typ).is_some()
                && policy::far(&i.anvandare, Atgard::LasaTextblock)
            {
                org.textblock(kommun)
                    .await?
                    .into_iter()
                    .filter(|b| !b.avvecklad)
                    .collect()
            } else {
                vec![]
            },
        })
    }

    /// The form's context: what the step's fields and parser read.
    pub(crate) fn falt_kontext<'a>(&'a self, i: &'a Inloggad) -> FaltKontext<'a> {
        FaltKontext {
            arende: self.arende.as_ref(),
            person: self.person,
            idag: self.idag,
            mig: &i.anvandare,
            anvandare: &self.anvandare,
            enheter: &self.enheter,
            utforarorganisationer: &self.utforarorganisationer,
            avtal: &self.avtal,
            utforarslut: &self.utforarslut,
            journal: &self.journal,
            godtagna: &self.godtagna,
            dokument: &self.dokument,
            riksnorm: &self.riksnorm,
            hyresriktvarden: self.hyresriktvarden,
            andra_manader: &self.andra_manader,
            andra_val: &self.andra_val,
            kon: self.kon,
            attestgrans: self.attestgrans,
            instrument: self.instrument,
        }
    }
}

/// Whether the rules would take the step as it is: asked only when a warning stands, so a
/// step they refuse shows their refusal rather than a warning about a detail.
async fn regler_godtar(
    s: &AppState,
    i: &Inloggad,
    k: &Stegkontext,
    kommando: &Kommando,
) -> Result<bool, Formularfel> {
    let idag = svensk_dag(s.nu());
    let ordning = s
        .store
        .organisation()
        .delegationsordning_i_kraft(i.anvandare.kommun, idag)
        .await?;
    let ctx = lots_domain::arende::Kontext {
        idag,
        aktor: i.anvandare.id,
        roll: i.anvandare.roll,
        delegationsordning: &ordning,
    };
    Ok(lots_domain::arende::handle(k.arende.as_ref(), kommando.clone(), &ctx).is_ok())
}

/// The box that confirms what a plausibility warning asked about (`rimlighet`).
const TROTS_VARNING: &str = "trots_varning";

#[allow(clippy::too_many_arguments)]
pub fn visa_formular(
    i: &Inloggad,
    k: &Stegkontext,
    typ: KommandoTyp,
    akt: Option<AktualiseringsTyp>,
    f: &Formular,
    fel: &[FaltFel],
    meddelande: Option<String>,
    notis: Option<String>,
    status: Option<StatusCode>,
) -> Response {
    let mut faltlista = falt(typ, akt, &k.falt_kontext(i));
    // The kommun's text blocks right after the field they are inserted in, with the button
    // that inserts the chosen one (`infoga_textblock`): no JavaScript needed.
    if let Some(mal) = infoga_i(typ)
        && !k.textblock.is_empty()
        && let Some(plats) = faltlista.iter().position(|x| x.namn == mal)
    {
        let etikett = faltlista[plats].etikett.to_lowercase();
        faltlista.insert(
            plats + 1,
            super::Falt::val(
                "textblock",
                &crate::texter::t("steg-textblock"),
                "textblock",
                k.textblock
                    .iter()
                    .map(|b| (b.id.to_string(), b.titel.clone())),
            )
            .hjalp(&crate::texter::f(
                "steg-textblock_hjalp",
                &[("falt", etikett.as_str())],
            )),
        );
    }
    if fel.iter().any(|x| x.falt == TROTS_VARNING) {
        faltlista.push(super::Falt::kryss(
            TROTS_VARNING,
            "Uppgifterna stämmer: spara ändå",
        ));
    }
    let sammanfattning = if status.is_some() {
        fyll(&mut faltlista, f, fel)
    } else {
        // A fresh form starts with what the link that opened it chose (a bevakning's
        // step: `arende::steglank`), but only a value among the field's own choices.
        for x in &mut faltlista {
            if let Some(v) = f.get(x.namn)
                && x.alternativ.iter().any(|a| a.varde == v)
            {
                let v = v.to_owned();
                x.satt_varde(&[v]);
            }
        }
        vec![]
    };
    let (rubrik, tillbaka, tillbaka_text, action, lankar) = match (&k.rad, akt) {
        (Some(r), _) => (
            format!("{} – {}", typ.namn(), r.person_namn),
            format!("/arenden/{}", r.id),
            "ärendet".to_string(),
            format!("/arenden/{}/steg/{}", r.id, typ.kod()),
            instrumentlankar(r.id, typ, k.instrument),
        ),
        (None, akt) => {
            let akt = akt.unwrap_or(AktualiseringsTyp::Ansokan);
            let kod = |a: AktualiseringsTyp| match a {
                AktualiseringsTyp::Ansokan => "ansokan",
                AktualiseringsTyp::Anmalan => "anmalan",
                AktualiseringsTyp::Information => "information",
            };
            let bas = format!("/personer/{}/arenden/nytt", k.person);
            let lankar = [
                AktualiseringsTyp::Ansokan,
                AktualiseringsTyp::Anmalan,
                AktualiseringsTyp::Information,
            ]
            .into_iter()
            .map(|a| {
                (
                    format!("{bas}?typ={}", kod(a)),
                    a.namn().to_string(),
                    a == akt,
                )
            })
            .collect();
            (
                format!("Registrera {}", akt.namn().to_lowercase()),
                format!("/personer/{}", k.person),
                "personen".into(),
                format!("{bas}?typ={}", kod(akt)),
                lankar,
            )
        }
    };
    // A step with a long text keeps drafts: the user's others are offered above the form.
    let utkast = match &k.rad {
        Some(r) if crate::sparat::har_utkast(typ) => {
            let fran = f
                .get(crate::sparat::UTKAST_FALT)
                .filter(|v| !v.is_empty())
                .map(str::to_owned);
            Some(crate::sparat::Utkastdel {
                andra: k
                    .utkast
                    .iter()
                    .filter(|u| fran.as_deref() != Some(u.id.as_str()))
                    .map(|u| (u.id.clone(), crate::visning::lokal_tid(u.skapad)))
                    .collect(),
                action: format!("{}/utkast", crate::sparat::stegsokvag(r.id, typ)),
                fran,
            })
        }
        _ => None,
    };
    let sida = Formularsida {
        sida: Sida::av(i),
        rubrik,
        ingress: ingress(typ, akt).into(),
        tillbaka,
        tillbaka_text,
        action,
        knapp: if typ == KommandoTyp::AvslutaArende {
            "Avsluta ärendet"
        } else {
            "Spara"
        },
        multipart: matches!(typ, KommandoTyp::BifogaDokument | KommandoTyp::AnsokManad),
        forhandsgranska: k.rad.is_some() && kan_forhandsgranskas(typ),
        meddelande,
        // The warning about protected personal data stands above the form it concerns.
        notis: notis.or_else(|| (!k.skydd.is_empty()).then(|| k.skydd.join(" "))),
        falt: faltlista,
        fel: sammanfattning,
        lankar,
        utkast,
    };
    match status {
        Some(s) => (s, sida).into_response(),
        None => sida.into_response(),
    }
}

/// The form again, with why it was not stored: errors beside their fields, or
/// one message above them. A failure that is not the form's is answered as such.
pub fn visa_formularfel(
    i: &Inloggad,
    k: &Stegkontext,
    typ: KommandoTyp,
    akt: Option<AktualiseringsTyp>,
    f: &Formular,
    fel: Formularfel,
) -> Result<Response, WebFel> {
    let (falt, meddelande, status) = fel.att_visa()?;
    Ok(visa_formular(
        i,
        k,
        typ,
        akt,
        f,
        &falt,
        meddelande,
        None,
        Some(status),
    ))
}

/// Runs a submitted step and answers: a redirect to the case, or the form again
/// with every error beside its field. Nothing is stored when it refuses.
#[allow(clippy::too_many_arguments)]
pub async fn formularsvar(
    s: &AppState,
    i: &Inloggad,
    k: &Stegkontext,
    arende: ArendeId,
    typ: KommandoTyp,
    akt: Option<AktualiseringsTyp>,
    f: &Formular,
    bilaga: Option<(Kommando, Bilaga)>,
) -> Result<Response, WebFel> {
    match utfor_steg(s, i, k, arende, typ, akt, f, bilaga, vec![], None).await {
        Ok(till) => Ok(till.into_response()),
        Err(fel) => visa_formularfel(i, k, typ, akt, f, fel),
    }
}

#[allow(clippy::too_many_arguments)]
async fn utfor_steg(
    s: &AppState,
    i: &Inloggad,
    k: &Stegkontext,
    arende: ArendeId,
    typ: KommandoTyp,
    akt: Option<AktualiseringsTyp>,
    f: &Formular,
    bilaga: Option<(Kommando, Bilaga)>,
    bifogade: Vec<crate::uppladdning::Bifogad>,
    lasning: Option<lots_store::Granskningspost>,
) -> Result<Redirect, Formularfel> {
    let (mut kommando, bilaga) = match bilaga {
        Some((kommando, b)) => (kommando, Some(b)),
        None => (tolka(typ, akt, f, &k.falt_kontext(i))?, None),
    };
    // Documents sent with a monthly application are attached first, in the same step.
    let mut kommandon = vec![];
    let mut bilagor: Vec<Bilaga> = bilaga.into_iter().collect();
    if let Kommando::AnsokManad(a) = &mut kommando {
        for b in bifogade {
            a.bilagor.push(b.bilaga);
            kommandon.push(b.kommando);
            bilagor.push(b.fil);
        }
    }
    // What is allowed but looks like a slip is said once; the handläggare confirms it. A
    // step the rules refuse anyway gets their refusal, not a warning first.
    if !f.kryss(TROTS_VARNING) {
        let varningar = lots_domain::arende::rimlighet::varningar(k.arende.as_ref(), &kommando);
        if !varningar.is_empty() && regler_godtar(s, i, k, &kommando).await? {
            let mut fel: Vec<FaltFel> = varningar
                .into_iter()
                .map(|v| FaltFel {
                    falt: super::formular::falt_for(v.fakta),
                    text: v.text,
                })
                .collect();
            fel.push(FaltFel {
                falt: TROTS_VARNING,
                text: "Stämmer uppgifterna? Kryssa i här och spara igen.".into(),
            });
            return Err(Formularfel::Falt(fel));
        }
    }
    let nu = s.nu();
    let steg = lots_steg::Steg {
        aktor: i.aktor(),
        arende,
        kommandon: {
            kommandon.push(kommando);
            kommandon
        },
        bilagor,
        nu,
        idag: svensk_dag(nu),
        vem: None,
        lasning,
        skriv_brev: true,
    };
    // The case as the handler read it to check access decides the letters: not read again.
    let lage = k.rad.clone().zip(k.arende.clone());
    let kommun_namn = s.kommunnamn(i.anvandare.kommun).await?;
    let utfort = lots_steg::ta_steg_med(&s.store, &kommun_namn, steg, lage).await?;
    // A registrator registers what arrives but does not read the case: back to the search.
    let skyddad = match &k.rad {
        Some(rad) => rad.person_skyddad,
        None => s
            .store
            .personer()
            .person(i.anvandare.kommun, k.person)
            .await?
            .is_some_and(|p| p.skyddad),
    };
    let resurs = policy::ArendeResurs {
        enhet: utfort.arende.enhet,
        handlaggare: utfort.arende.handlaggare,
        skyddad,
        skal: false,
    };
    let far_lasa = policy::far(&i.anvandare, Atgard::LasaArende(resurs));
    let till = if far_lasa {
        format!("/arenden/{arende}")
    } else {
        "/personer/sok?registrerat=1".to_string()
    };
    Ok(Redirect::to(&till))
}

fn id_for(k: &Stegkontext) -> Result<ArendeId, WebFel> {
    k.rad.as_ref().map(|r| r.id).ok_or(WebFel::Saknas)
}

/// A step's form's context: the case opened for the step, its read logged
/// (`atkomst::oppna_arende_och`: the form's own reads run while the log commits,
/// and the context comes back only once the read is durable).
pub(crate) async fn steg_kontext(
    s: &AppState,
    i: &Inloggad,
    id: &str,
    steg: &str,
) -> Result<(KommandoTyp, Stegkontext), WebFel> {
    let (typ, id) = stegets(id, steg)?;
    // The step's form shows the case and its journal: a read like any other, logged.
    atkomst::oppna_arende_och(s, i, id, ArendeSyfte::Steg(typ), |oppnat| async move {
        Ok((typ, stegkontext(s, i, typ, oppnat).await?))
    })
    .await
}

/// The step a staff member may take from `/arenden/{id}/steg/{steg}`, and its case.
fn stegets(id: &str, steg: &str) -> Result<(KommandoTyp, ArendeId), WebFel> {
    let typ = KommandoTyp::fran_kod(steg)
        .filter(|t| for_personal(*t))
        .ok_or(WebFel::Saknas)?;
    let id: ArendeId = id.parse().map_err(|_| WebFel::Saknas)?;
    Ok((typ, id))
}

/// What a step's form shows of the opened case.
async fn stegkontext(
    s: &AppState,
    i: &Inloggad,
    typ: KommandoTyp,
    oppnat: atkomst::Oppnat,
) -> Result<Stegkontext, WebFel> {
    let (rad, a) = (oppnat.rad, oppnat.arende);
    let person = rad.person;
    let mut k = Stegkontext::ladda(s, i, typ, person, Some((rad, a))).await?;
    // Only a request for documents, and a monthly application with its documents, ask
    // what the person has handed in before:
    // it reads all the person's cases, so no other step pays for it.
    if matches!(
        typ,
        KommandoTyp::BegarKomplettering | KommandoTyp::AnsokManad
    ) {
        k.godtagna = s
            .store
            .arenden()
            .godtagna_handlingar(i.anvandare.kommun, person)
            .await?;
    }
    // Kommunicering chooses among the case's documents what goes with the letter.
    if typ == KommandoTyp::Kommunicera {
        k.dokument = lots_steg::dokumentnamn(
            &s.store
                .arenden()
                .dokumenthandelser(i.anvandare.kommun, id_for(&k)?)
                .await?,
        );
    }
    // The user's own drafts of this form, read only after the case's access check.
    if crate::sparat::har_utkast(typ) {
        k.utkast = s
            .store
            .inloggning()
            .utkast_for_sida(
                i.anvandare.kommun,
                i.anvandare.id,
                &crate::sparat::stegsokvag(id_for(&k)?, typ),
                s.nu(),
            )
            .await?;
    }
    Ok(k)
}

/// The assessment instruments above their form, each a link to its own items.
fn instrumentlankar(
    arende: ArendeId,
    typ: KommandoTyp,
    vald: Option<lots_domain::instrument::Instrument>,
) -> Vec<(String, String, bool)> {
    use lots_domain::instrument::Instrument;
    if typ != KommandoTyp::RegistreraInstrument {
        return vec![];
    }
    let vald = vald.unwrap_or(Instrument::ALLA[0]);
    Instrument::ALLA
        .iter()
        .map(|x| {
            (
                format!(
                    "/arenden/{arende}/steg/{}?instrument={}",
                    typ.kod(),
                    x.kod()
                ),
                x.namn().to_string(),
                *x == vald,
            )
        })
        .collect()
}

pub async fn sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, steg)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let (typ, mut k) = steg_kontext(&s, &i, &id, &steg).await?;
    k.instrument = q
        .get("instrument")
        .and_then(|x| lots_domain::instrument::Instrument::fran_kod(x));
    // A form kept across an ended session comes back filled (`crate::sparat`): only the
    // user's own, only for this step's page, once.
    if let Some(sparat) = q.get("aterstall") {
        let sokvag = format!("/arenden/{id}/steg/{steg}");
        if let Some(f) = s
            .store
            .inloggning()
            .ta_sparat_formular(i.anvandare.kommun, sparat, i.anvandare.id, &sokvag, s.nu())
            .await?
        {
            let formular = Formular::fran_par(f.falt);
            k.instrument =
                lots_domain::instrument::Instrument::fran_kod(&formular.text("instrument"));
            let meddelande = match kan(k.arende.as_ref(), typ) {
                Ok(()) => crate::texter::t("sparat-aterstallt"),
                Err(t) => t,
            };
            return Ok(visa_formular(
                &i,
                &k,
                typ,
                None,
                &formular,
                &[],
                Some(meddelande),
                None,
                Some(StatusCode::OK),
            ));
        }
    }
    // A draft comes back into the form (`crate::sparat`): only the user's own, only of this
    // step's page, and only after the case's access check above. It stays kept until the
    // step is taken from it.
    if let Some(id) = q.get("utkast")
        && crate::sparat::har_utkast(typ)
    {
        let sokvag = crate::sparat::stegsokvag(id_for(&k)?, typ);
        let utkast = s
            .store
            .inloggning()
            .utkast(i.anvandare.kommun, id, i.anvandare.id, &sokvag, s.nu())
            .await?;
        let Some(u) = utkast else {
            return Ok(visa_formular(
                &i,
                &k,
                typ,
                None,
                &Formular::default(),
                &[],
                None,
                Some(crate::texter::t("utkast-saknas")),
                None,
            ));
        };
        let tid = crate::visning::lokal_tid(u.skapad);
        let notis = if q.contains_key("sparat") {
            crate::texter::f(
                "utkast-sparat",
                &[
                    ("tid", &tid),
                    ("datum", &crate::sparat::datum(u.slag.upphor(u.skapad))),
                ],
            )
        } else {
            crate::texter::f("utkast-aterstallt", &[("tid", &tid)])
        };
        let mut par = u.falt;
        par.push((crate::sparat::UTKAST_FALT.to_owned(), u.id));
        // A step the case no longer allows says so; the text stays to copy.
        let (meddelande, status) = match kan(k.arende.as_ref(), typ) {
            Ok(()) => (None, StatusCode::OK),
            Err(t) => (Some(t), StatusCode::CONFLICT),
        };
        return Ok(visa_formular(
            &i,
            &k,
            typ,
            None,
            &Formular::fran_par(par),
            &[],
            meddelande,
            Some(notis),
            Some(status),
        ));
    }
    let notis = q
        .contains_key("borttaget")
        .then(|| crate::texter::t("utkast-borttaget"));
    let (meddelande, status) = match kan(k.arende.as_ref(), typ) {
        Ok(()) => (None, None),
        Err(t) => (Some(t), Some(StatusCode::CONFLICT)),
    };
    // A bevakning's link opens its step with the decision or bevakning it concerns
    // chosen (`arende::steglank`); the choices are the form's own, so nothing else is.
    let valt = Formular::fran_par(
        ["beslut", "nyckel"]
            .into_iter()
            .filter_map(|n| Some((n.to_owned(), q.get(n)?.clone())))
            .collect(),
    );
    Ok(visa_formular(
        &i,
        &k,
        typ,
        None,
        &valt,
        &[],
        meddelande,
        notis,
        status,
    ))
}

pub async fn utfor(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, steg)): Path<(String, String)>,
    crate::uppladdning::FormularMedFiler(f, filer): crate::uppladdning::FormularMedFiler,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let (typ, id) = stegets(&id, &steg)?;
    // A preview is opened for what it is: allowed exactly when the step is, logged as a read.
    let syfte = if f.text("atgard") == FORHANDSGRANSKA && kan_forhandsgranskas(typ) {
        ArendeSyfte::Forhandsgranska(typ)
    } else {
        ArendeSyfte::Steg(typ)
    };
    // A step taken logs the read of the case in its own transaction; anything
    // that shows the case again leaves once the read is logged on its own.
    let (s, i, f) = (&s, &i, &f);
    atkomst::oppna_arende_for_steg(s, i, id, syfte, |oppnat, lasning| async move {
        let k = stegkontext(s, i, typ, oppnat).await?;
        ta_steget(s, i, typ, k, f, filer, lasning).await
    })
    .await
}

/// The step `typ` taken from its form `f`, with the read of the case to log in
/// its transaction; or the form again with what was wrong.
async fn ta_steget(
    s: &AppState,
    i: &Inloggad,
    typ: KommandoTyp,
    mut k: Stegkontext,
    f: &Formular,
    filer: Vec<(String, crate::uppladdning::Fil)>,
    lasning: Option<lots_store::Granskningspost>,
) -> Result<Stegsvar, WebFel> {
    let atgard = f.text("atgard");
    k.instrument = lots_domain::instrument::Instrument::fran_kod(&f.text("instrument"));
    let arende = k.rad.as_ref().map(|r| r.id).ok_or(WebFel::Saknas)?;
    // Inserting a text block and previewing the letter take no step (issue 20 item 5).
    match atgard.as_str() {
        INFOGA if infoga_i(typ).is_some() => {
            return infoga_textblock(i, &k, typ, f).map(Stegsvar::Visar);
        }
        FORHANDSGRANSKA if kan_forhandsgranskas(typ) => {
            return forhandsgranska(s, i, &k, typ, f).await.map(Stegsvar::Visar);
        }
        _ => {}
    }
    // Only a monthly application registered from paper takes files with its form
    // (issue 15, item 7); any other step's form has no file field.
    let bifogade = if typ == KommandoTyp::AnsokManad {
        match crate::uppladdning::manadsbilagor(f, filer, "Dokument") {
            Ok(b) => b,
            Err(v) => {
                let fel: Vec<FaltFel> = v
                    .into_iter()
                    .filter_map(|(falt, e)| {
                        let falt = super::formular::bilagefalt(&falt)?;
                        Some(FaltFel {
                            falt,
                            text: match e {
                                crate::uppladdning::Bilagefel::Fil(t) => t.into(),
                                crate::uppladdning::Bilagefel::Typ => {
                                    "Välj vad dokumentet är.".into()
                                }
                            },
                        })
                    })
                    .collect();
                return visa_formularfel(i, &k, typ, None, f, Formularfel::Falt(fel))
                    .map(Stegsvar::Visar);
            }
        }
    } else {
        vec![]
    };
    match utfor_steg(s, i, &k, arende, typ, None, f, None, bifogade, lasning).await {
        Ok(till) => {
            // Taken from a draft: the draft has done its work (only the user's own, of this page).
            if let Some(utkast) = f.get(crate::sparat::UTKAST_FALT)
                && crate::sparat::har_utkast(typ)
                && let Err(e) = s
                    .store
                    .inloggning()
                    .ta_bort_utkast(
                        i.anvandare.kommun,
                        utkast,
                        i.anvandare.id,
                        &crate::sparat::stegsokvag(arende, typ),
                    )
                    .await
            {
                // The step is stored: a draft left behind expires by itself, and the user
                // can delete it. Not worth an error page for a step that succeeded.
                tracing::error!(error = %e, "a draft could not be deleted after its step");
            }
            Ok(Stegsvar::Tagen(till))
        }
        Err(fel) => visa_formularfel(i, &k, typ, None, f, fel).map(Stegsvar::Visar),
    }
}

/// The form again with everything typed kept and the chosen text block added at the end
/// of the field it belongs in (`infoga_i`). No step is taken, nothing is stored.
fn infoga_textblock(
    i: &Inloggad,
    k: &Stegkontext,
    typ: KommandoTyp,
    f: &Formular,
) -> Result<Response, WebFel> {
    let Some(mal) = infoga_i(typ) else {
        return Err(WebFel::Saknas);
    };
    let vald = f.text("textblock");
    // Only a block of the user's own kommun, in use: another id is no block.
    let Some(block) = k.textblock.iter().find(|b| b.id.to_string() == vald) else {
        let fel = FaltFel {
            falt: "textblock",
            text: crate::texter::t("steg-textblock_valj"),
        };
        return visa_formularfel(i, k, typ, None, f, vec![fel].into());
    };
    let text = lots_domain::textblock::infoga(f.get(mal).unwrap_or_default(), &block.text);
    let max = crate::formular::langsta(mal);
    let n = text.chars().count();
    if n > max {
        let fel = FaltFel {
            falt: mal,
            text: crate::texter::f(
                "steg-textblock_for_langt",
                &[
                    ("max", max.to_string().as_str()),
                    ("antal", n.to_string().as_str()),
                ],
            ),
        };
        return visa_formularfel(i, k, typ, None, f, vec![fel].into());
    }
    let notis = crate::texter::f("steg-textblock_infogat", &[("titel", block.titel.as_str())]);
    let sida = visa_formular(
        i,
        k,
        typ,
        None,
        &f.med(mal, text),
        &[],
        None,
        Some(notis),
        Some(StatusCode::OK),
    );
    // Never kept by the browser's cache: the page holds what the user typed.
    Ok(([(header::CACHE_CONTROL, "no-store")], sida).into_response())
}

/// The letter the decision in the form would lead to, as a PDF marked as a preview. The
/// form is read and the rules asked exactly as for the step, so bad input gets the step's
/// own errors beside the fields; nothing is stored and no event recorded.
async fn forhandsgranska(
    s: &AppState,
    i: &Inloggad,
    k: &Stegkontext,
    typ: KommandoTyp,
    f: &Formular,
) -> Result<Response, WebFel> {
    let pdf = async {
        let kommando = tolka(typ, None, f, &k.falt_kontext(i))?;
        let (Some(rad), Some(arende)) = (&k.rad, &k.arende) else {
            return Err(Formularfel::Annat(WebFel::Saknas));
        };
        let kommun_namn = s.kommunnamn(i.anvandare.kommun).await?;
        let pdf = lots_steg::forhandsgranska_beslutsbrev(
            &s.store,
            &kommun_namn,
            &i.aktor(),
            svensk_dag(s.nu()),
            (rad, arende),
            kommando,
        )
        .await?;
        Ok::<_, Formularfel>(pdf)
    }
    .await;
    match pdf {
        Ok(pdf) => Ok((
            [
                (header::CONTENT_TYPE, "application/pdf"),
                (
                    header::CONTENT_DISPOSITION,
                    "inline; filename=\"forhandsgranskning-beslut.pdf\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            pdf,
        )
            .into_response()),
        Err(fel) => visa_formularfel(i, k, typ, None, f, fel),
    }
}

pub async fn dokument_sida(
    state: State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    sida(
        state,
        i,
        Path((id, "dokument".into())),
        Query(HashMap::new()),
    )
    .await
}

/// The uploaded file and what its first bytes say it is. The browser's word is not trusted.
fn las_fil(fil: Option<crate::uppladdning::Fil>) -> Result<(Vec<u8>, &'static str), Vec<FaltFel>> {
    let fel = |text: &str| {
        vec![FaltFel {
            falt: "fil",
            text: text.into(),
        }]
    };
    let Some(x) = fil else {
        return Err(fel("Välj en fil."));
    };
    if let Some(text) = crate::uppladdning::fel_i(&x) {
        return Err(fel(text));
    }
    match crate::uppladdning::innehallstyp(&x.innehall) {
        Some(typ) => Ok((x.innehall, typ)),
        None => Err(vec![]),
    }
}

pub async fn ladda_upp(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Response, WebFel> {
    let (typ, k) = steg_kontext(&s, &i, &id, "dokument").await?;
    let (f, fil) = crate::uppladdning::las(m).await?;
    i.kontrollera_csrf(&f)?;
    let namn = Some(f.text("namn"))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| fil.as_ref().map(|x| x.namn.clone()).unwrap_or_default());
    let (fil, innehallstyp) = match las_fil(fil) {
        Ok(fil) => fil,
        Err(fel) => return visa_formularfel(&i, &k, typ, None, &f, fel.into()),
    };
    let dokument = DokumentId::ny();
    let kommando = Kommando::BifogaDokument {
        dokument,
        namn,
        sha256: hex::encode(Sha256::digest(&fil)),
        storlek: fil.len() as u64,
        innehallstyp: innehallstyp.into(),
    };
    let arende = k.rad.as_ref().map(|r| r.id).ok_or(WebFel::Saknas)?;
    formularsvar(
        &s,
        &i,
        &k,
        arende,
        typ,
        None,
        &f,
        Some((
            kommando,
            Bilaga {
                dokument,
                innehall: fil,
            },
        )),
    )
    .await
}

pub async fn hamta_dokument(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let (d, _) = atkomst::oppna_dokument(&s, &i, &id).await?;
    let filnamn: String = d
        .namn
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.'))
        .collect();
    let disposition = format!(
        "attachment; filename=\"{}\"",
        if filnamn.is_empty() {
            "dokument"
        } else {
            &filnamn
        }
    );
    Ok((
        [
            (header::CONTENT_TYPE, d.innehallstyp),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::HeaderName::from_static("x-content-sha256"),
                d.sha256,
            ),
        ],
        d.innehall,
    )
        .into_response())
}
