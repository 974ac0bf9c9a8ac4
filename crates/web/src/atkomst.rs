//! Åtkomst: the one way a handler gets a case, a person, a document, an order
//! or an account. Each loader checks that the thing belongs to the user's
//! kommun, asks the policy (`policy::avgor`), and writes the refusal to the
//! audit log with the policy's reason, the same way everywhere; loaders that
//! show content log the access too. Handlers never load these from the store
//! themselves, so a new page cannot forget a check.
//!
//! What the user may not see is, to them, not there (`WebFel::Saknas`): another
//! kommun's matters and persons with skyddade personuppgifter (OSL 21 kap. 3 §,
//! 26 kap. 1 §). A case of the user's own kommun outside their enhet is refused
//! openly, or opened after a stated reason (inre sekretess).

use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::arende::{Arende, KommandoTyp};
use lots_domain::ids::{AnvandarId, ArendeId, BeslutId, DokumentId, PersonId};
use lots_domain::tid::svensk_dag;
use lots_store::{
    Anvandare, ArendeRad, Dokument, Fullmakt, Granskningspost, Medborgarsession, Person, UppdragRad,
};

use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::mina_sidor::Medborgare;
use crate::policy::{self, ArendeResurs, Atgard, MedborgarHandling, Nekande};
use crate::sidor::{arendepost, personpost};

/// How long a stated reason opens the case: an hour, then it is asked again
/// (issue 12: a reason is for one case and one need, not a session).
pub const SKAL_GILTIGT: time::Duration = time::Duration::hours(1);

/// A record looked up within the user's kommun and not found there: it belongs to another
/// kommun or does not exist, and the user is told neither.
const INTE_I_KOMMUNEN: &str =
    "nekad: finns inte i kommunen (hör till en annan kommun eller finns inte)";

/// Writes the user's access to the audit log, durably, before the answer leaves.
async fn logga(s: &AppState, i: &Inloggad, post: Granskningspost) -> Result<(), WebFel> {
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[post], s.nu())
        .await?;
    Ok(())
}

/// Writes a refusal to the audit log, durably, before the answer leaves.
async fn logga_nekande(
    s: &AppState,
    i: &Inloggad,
    post: Granskningspost,
    orsak: &str,
) -> Result<(), WebFel> {
    logga(s, i, post.utanfor(true).skal(Some(orsak.to_owned()))).await
}

/// The policy's answer to a refused `h`, as a handler returns it.
fn nekad_svar(h: Atgard, n: Nekande) -> WebFel {
    tracing::warn!(handling = ?h, orsak = ?n, "access refused");
    match n {
        Nekande::Skyddad => WebFel::Saknas,
        _ => policy::nekad(),
    }
}

// ---------------------------------------------------------------------------
// Cases

/// A case the policy let the user open, with the reason they stated if one was needed.
pub struct Oppnat {
    pub rad: ArendeRad,
    pub arende: Arende,
    pub skal: Option<String>,
}

impl Oppnat {
    /// The audit row for reading it: flagged and with the reason when outside the enhet.
    pub fn post(&self, i: &Inloggad, handling: &str) -> Granskningspost {
        arendepost(i, handling, &self.rad).skal(self.skal.clone())
    }

    pub fn resurs(&self) -> ArendeResurs {
        ArendeResurs::av(&self.rad).med_skal(self.skal.is_some())
    }
}

/// What the user opens a case for.
#[derive(Debug, Clone, Copy)]
pub enum ArendeSyfte {
    /// To read it; the access is logged under this name.
    Lasa(&'static str),
    /// To take this step (its form shows the case: logged as `arende.steg`).
    Steg(KommandoTyp),
    /// To preview the letter this step would lead to (issue 20 item 5): allowed exactly
    /// when the step is, and logged as a read (`arende.forhandsgranskning`).
    Forhandsgranska(KommandoTyp),
    /// To decide whether an entry of its journal is shown to the person.
    ProvaPartsinsyn,
    /// To state a reason for opening it: nothing of the case is shown yet.
    AngeSkal,
}

/// The case `id`, if the user may open it for `syfte`.
pub async fn oppna_arende(
    s: &AppState,
    i: &Inloggad,
    id: &str,
    syfte: ArendeSyfte,
) -> Result<Oppnat, WebFel> {
    let id: ArendeId = id.parse().map_err(|_| WebFel::Saknas)?;
    oppna_arende_id(s, i, id, syfte).await
}

/// The case `id` opened for `syfte`: every check passed (a refusal logged) and,
/// for a read, the read durably logged before the case is returned.
pub async fn oppna_arende_id(
    s: &AppState,
    i: &Inloggad,
    id: ArendeId,
    syfte: ArendeSyfte,
) -> Result<Oppnat, WebFel> {
    oppna_arende_och(s, i, id, syfte, |oppnat| async move { Ok(oppnat) }).await
}

/// The case `id` opened for `syfte` as `oppna_arende_id` does, handed to `sedan`
/// while the read is being logged: the page's further reads, or the step, need
/// not wait for the log's commit. What `sedan` returns, and so anything shown,
/// comes back only once the read is durably logged (DESIGN.md principle 4): the
/// case itself never leaves this function but through `sedan`, and a log that
/// fails fails the request whatever `sedan` made.
pub async fn oppna_arende_och<T, Fut>(
    s: &AppState,
    i: &Inloggad,
    id: ArendeId,
    syfte: ArendeSyfte,
    sedan: impl FnOnce(Oppnat) -> Fut,
) -> Result<T, WebFel>
where
    Fut: std::future::Future<Output = Result<T, WebFel>>,
{
    let (oppnat, post) = prova_arende(s, i, id, syfte).await?;
    let Some(post) = post else {
        return sedan(oppnat).await;
    };
    let ((), svar) = tokio::try_join!(logga(s, i, post), sedan(oppnat))?;
    Ok(svar)
}

/// What a step's handler answers, opened by `oppna_arende_for_steg`.
pub enum Stegsvar {
    /// The step was taken, and its transaction logged the read it was opened
    /// with (`lots_steg::Steg::lasning`). A redirect shows nothing of the case.
    Tagen(Redirect),
    /// An answer that shows the case: its form again with what was wrong, a
    /// preview. It leaves only once the read is durably logged.
    Visar(Response),
}

/// The case `id` opened for a step (`syfte`), handed to `sedan` with the read to
/// log in the step's own transaction (`lots_steg::Steg::lasning`): a step taken
/// costs one durable commit, not two. Only a redirect leaves without the read
/// being logged here (`Stegsvar::Tagen`), and a redirect shows nothing of the
/// case; anything that shows it is answered once the read is logged on its own
/// (DESIGN.md principle 4), whatever became of the step.
pub async fn oppna_arende_for_steg<Fut>(
    s: &AppState,
    i: &Inloggad,
    id: ArendeId,
    syfte: ArendeSyfte,
    sedan: impl FnOnce(Oppnat, Option<Granskningspost>) -> Fut,
) -> Result<Response, WebFel>
where
    Fut: std::future::Future<Output = Result<Stegsvar, WebFel>>,
{
    let (oppnat, post) = prova_arende(s, i, id, syfte).await?;
    match sedan(oppnat, post.clone()).await? {
        Stegsvar::Tagen(till) => Ok(till.into_response()),
        Stegsvar::Visar(svar) => {
            if let Some(post) = post {
                logga(s, i, post).await?;
            }
            Ok(svar)
        }
    }
}

/// The checks of `oppna_arende_id`, with every refusal logged: the case, and the
/// read to log before anything of it is shown (None for a purpose that logs its
/// own act).
async fn prova_arende(
    s: &AppState,
    i: &Inloggad,
    id: ArendeId,
    syfte: ArendeSyfte,
) -> Result<(Oppnat, Option<Granskningspost>), WebFel> {
    // Read within the user's own kommun only, as a person is (oppna_person_id): another
    // kommun's case is not found, and the attempt is logged naming the id that was tried.
    let Some((rad, arende)) = s.store.arenden().arende(i.anvandare.kommun, id).await? else {
        logga_nekande(
            s,
            i,
            Granskningspost::ny("arende.nekad").arende(id),
            INTE_I_KOMMUNEN,
        )
        .await?;
        return Err(WebFel::Saknas);
    };
    let resurs = ArendeResurs::av(&rad);
    let a = &i.anvandare;
    if let ArendeSyfte::AngeSkal = syfte {
        if !policy::kan_ange_skal(a, &resurs) {
            let n = policy::avgor(a, Atgard::LasaArende(resurs))
                .err()
                .unwrap_or(Nekande::Roll);
            logga_nekande(s, i, arendepost(i, "arende.nekad", &rad), n.text()).await?;
            return Err(WebFel::Nekad("Du har inte tillgång till ärendet.".into()));
        }
        let oppnat = Oppnat {
            rad,
            arende,
            skal: None,
        };
        return Ok((oppnat, None));
    }
    // A stated reason holds for this case and for an hour (issue 12): a new
    // need, later, is a new reason, not a session-long key.
    let skal = if policy::kan_ange_skal(a, &resurs) {
        s.store
            .inloggning()
            .atkomstskal(&i.session_id, rad.id)
            .await?
            .filter(|(_, given)| s.nu() - *given < SKAL_GILTIGT)
            .map(|(skal, _)| skal)
    } else {
        None
    };
    let resurs = resurs.med_skal(skal.is_some());
    if let Err(n) = policy::avgor(a, Atgard::LasaArende(resurs)) {
        logga_nekande(s, i, arendepost(i, "arende.nekad", &rad), n.text()).await?;
        if n == Nekande::KraverSkal {
            return Err(WebFel::KraverSkal(rad.id));
        }
        return Err(WebFel::Nekad("Du har inte tillgång till ärendet.".into()));
    }
    let oppnat = Oppnat { rad, arende, skal };
    let (handling, atgard) = match syfte {
        ArendeSyfte::Lasa(h) => (h, None),
        ArendeSyfte::Steg(typ) => (
            "arende.steg",
            Some(Atgard::Steg(ArendeResurs::av(&oppnat.rad), typ)),
        ),
        ArendeSyfte::Forhandsgranska(typ) => (
            "arende.forhandsgranskning",
            Some(Atgard::Steg(ArendeResurs::av(&oppnat.rad), typ)),
        ),
        ArendeSyfte::ProvaPartsinsyn => (
            "arende.partsinsyn",
            Some(Atgard::ProvaPartsinsyn(oppnat.resurs())),
        ),
        ArendeSyfte::AngeSkal => unreachable!("handled above"),
    };
    if let Some(h) = atgard
        && let Err(n) = policy::avgor(a, h)
    {
        logga_nekande(s, i, oppnat.post(i, &format!("{handling}.nekad")), n.text()).await?;
        return Err(nekad_svar(h, n));
    }
    // Prövning logs its own act; a read, a step's form and a preview are logged by
    // `oppna_arende_id`, `oppna_arende_och` or `oppna_arende_for_steg`, before
    // anything is shown.
    let post = match syfte {
        ArendeSyfte::Lasa(_) | ArendeSyfte::Steg(_) | ArendeSyfte::Forhandsgranska(_) => {
            Some(oppnat.post(i, handling))
        }
        ArendeSyfte::ProvaPartsinsyn | ArendeSyfte::AngeSkal => None,
    };
    Ok((oppnat, post))
}

/// A document and the case it belongs to, if the user may read that case.
pub async fn oppna_dokument(
    s: &AppState,
    i: &Inloggad,
    id: &str,
) -> Result<(Dokument, Oppnat), WebFel> {
    let id: DokumentId = id.parse().map_err(|_| WebFel::Saknas)?;
    let d = s
        .store
        .arenden()
        .dokument(i.anvandare.kommun, id)
        .await?
        .ok_or(WebFel::Saknas)?;
    let oppnat = oppna_arende_id(s, i, d.arende, ArendeSyfte::Lasa("dokument.hamta")).await?;
    Ok((d, oppnat))
}

// ---------------------------------------------------------------------------
// Persons

/// What the user opens a person for.
#[derive(Debug, Clone, Copy)]
pub enum PersonSyfte {
    /// The person page: the register entry, and the cases the user may read.
    Lasa,
    /// To start a case about the person (an ansökan, anmälan or information).
    Aktualisera,
    /// To see, register, approve or revoke the person's fullmakter.
    Fullmakt,
}

/// A person the user may open, with their cases and whether the user acts on
/// one of them (`policy::agerar_for`: the ground for fullmakter and for seeing
/// what happens elsewhere).
pub struct OppnadPerson {
    pub person: Person,
    /// All the person's cases in this kommun; filter by `LasaArende` before showing.
    pub arenden: Vec<ArendeRad>,
    pub agerar: bool,
}

pub async fn oppna_person(
    s: &AppState,
    i: &Inloggad,
    id: &str,
    syfte: PersonSyfte,
) -> Result<OppnadPerson, WebFel> {
    let id: PersonId = id.parse().map_err(|_| WebFel::Saknas)?;
    oppna_person_id(s, i, id, syfte).await
}

pub async fn oppna_person_id(
    s: &AppState,
    i: &Inloggad,
    id: PersonId,
    syfte: PersonSyfte,
) -> Result<OppnadPerson, WebFel> {
    let a = &i.anvandare;
    // Read within the user's own kommun only (docs/citus.md): another kommun's person is
    // not found, and the attempt is logged as one, naming no one.
    let Some(p) = s.store.personer().person(a.kommun, id).await? else {
        logga_nekande(s, i, Granskningspost::ny("person.nekad"), INTE_I_KOMMUNEN).await?;
        return Err(WebFel::Saknas);
    };
    // Not even the existence of a protected person is told to someone without the right.
    let se = Atgard::SePerson { skyddad: p.skyddad };
    if let Err(n) = policy::avgor(a, se) {
        logga_nekande(s, i, personpost("person.nekad", &p), n.text()).await?;
        return Err(match n {
            Nekande::Skyddad => WebFel::Saknas,
            _ => nekad_svar(se, n),
        });
    }
    let h = match syfte {
        PersonSyfte::Lasa => Some(Atgard::LasaPerson { skyddad: p.skyddad }),
        PersonSyfte::Aktualisera => Some(Atgard::Aktualisera),
        // Each fullmakt act asks the policy with `agerar`, known below.
        PersonSyfte::Fullmakt => None,
    };
    if let Some(h) = h
        && let Err(n) = policy::avgor(a, h)
    {
        logga_nekande(s, i, personpost("person.nekad", &p), n.text()).await?;
        return Err(nekad_svar(h, n));
    }
    let arenden = match syfte {
        PersonSyfte::Aktualisera => vec![],
        _ => s.store.arenden().personens_arenden(a.kommun, p.id).await?,
    };
    let agerar = policy::agerar_for(a, arenden.iter().map(ArendeResurs::av));
    match syfte {
        PersonSyfte::Lasa => {
            // Read without acting on any of the person's cases, while they have
            // cases elsewhere: flagged (inre sekretess, issue 12).
            let utanfor = !agerar && !arenden.is_empty();
            logga(s, i, personpost("person.visa", &p).utanfor(utanfor)).await?;
        }
        PersonSyfte::Aktualisera => {
            // The form shows the person's name and number.
            logga(s, i, personpost("person.aktualisera", &p)).await?;
        }
        PersonSyfte::Fullmakt => {}
    }
    Ok(OppnadPerson {
        person: p,
        arenden,
        agerar,
    })
}

// ---------------------------------------------------------------------------
// Orders to an utförare

/// What an utförare opens an order for.
#[derive(Debug, Clone, Copy)]
pub enum UppdragSyfte {
    /// Read the order.
    Lasa,
    /// Write or revise its genomförandeplan.
    SkrivaPlan,
    /// Report delivery against it; `leverantor`: the user's unit belongs to a provider
    /// organisation, which the delivery is reported for.
    RapporteraLeverans { leverantor: bool },
}

/// An order sent to the user's utförare unit. Only the user's kommun's orders are
/// looked up: another kommun's is not there, and its refusal would otherwise name
/// that kommun's person in this kommun's log (issue 18 item 8).
pub async fn oppna_uppdrag(
    s: &AppState,
    i: &Inloggad,
    id: &str,
    syfte: UppdragSyfte,
) -> Result<UppdragRad, WebFel> {
    let id: BeslutId = id.parse().map_err(|_| WebFel::Saknas)?;
    let r = s
        .store
        .arenden()
        .uppdrag(i.anvandare.kommun, id)
        .await?
        .ok_or(WebFel::Saknas)?;
    let h = match syfte {
        UppdragSyfte::Lasa => Atgard::LasaUppdrag {
            utforare: r.utforare,
            skyddad: r.person_skyddad,
        },
        UppdragSyfte::SkrivaPlan => Atgard::SkrivaGenomforandeplan {
            utforare: r.utforare,
            skyddad: r.person_skyddad,
        },
        UppdragSyfte::RapporteraLeverans { leverantor } => Atgard::RapporteraLeverans {
            utforare: r.utforare,
            skyddad: r.person_skyddad,
            leverantor,
        },
    };
    let skickat = !r.tillstand.beslut.is_empty();
    let beslut = if skickat {
        policy::avgor(&i.anvandare, h)
    } else {
        Err(Nekande::Roll)
    };
    if let Err(n) = beslut {
        let post = Granskningspost::ny("uppdrag.nekad")
            .person(r.person, r.person_skyddad)
            .arende(r.arende);
        logga_nekande(s, i, post, n.text()).await?;
        tracing::warn!(handling = ?h, orsak = ?n, "access refused");
        return Err(WebFel::Nekad(match syfte {
            UppdragSyfte::Lasa => "Uppdraget är inte skickat till din enhet.".into(),
            UppdragSyfte::SkrivaPlan => {
                "Bara utförarna på den enhet som fått uppdraget kan skriva genomförandeplanen."
                    .into()
            }
            UppdragSyfte::RapporteraLeverans { .. } => {
                "Bara utförare hos den utförare som fått uppdraget kan rapportera leverans mot det."
                    .into()
            }
        }));
    }
    Ok(r)
}

// ---------------------------------------------------------------------------
// Staff accounts

/// A staff account of the user's kommun, for the systemförvaltare. Mina sidor's
/// technical account is not a staff account and is never offered.
pub async fn oppna_konto(s: &AppState, i: &Inloggad, id: &str) -> Result<Anvandare, WebFel> {
    let h = Atgard::AdministreraAnvandare;
    if let Err(n) = policy::avgor(&i.anvandare, h) {
        logga_nekande(s, i, Granskningspost::ny("konto.nekad"), n.text()).await?;
        return Err(nekad_svar(h, n));
    }
    let id: AnvandarId = id.parse().map_err(|_| WebFel::Saknas)?;
    let Some(konto) = s
        .store
        .organisation()
        .anvandare(i.anvandare.kommun, id)
        .await?
    else {
        logga_nekande(s, i, Granskningspost::ny("konto.nekad"), INTE_I_KOMMUNEN).await?;
        return Err(WebFel::Saknas);
    };
    if konto.anvandarnamn == lots_store::MINA_SIDOR_KONTO {
        return Err(WebFel::Saknas);
    }
    Ok(konto)
}

// ---------------------------------------------------------------------------
// Mina sidor

/// The person whose matters a Mina sidor visitor follows, and the fullmakt they
/// follow them under (None: their own). Checked on every request, so a revoked
/// or expired fullmakt stops at once (FL 14 §); a session that no longer holds
/// is ended.
pub async fn oppna_huvudman(
    s: &AppState,
    session: &Medborgarsession,
    person: PersonId,
) -> Result<(Person, Option<Fullmakt>), WebFel> {
    let utloggad = || async {
        s.store
            .mina_sidor()
            .ta_bort_medborgarsession(&session.id)
            .await?;
        Ok::<_, WebFel>(WebFel::MinaSidorEjInloggad)
    };
    let fullmakt = match session.fullmakt {
        None => None,
        Some(f) => {
            let idag = svensk_dag(s.nu());
            match s.store.mina_sidor().fullmakt(f).await? {
                Some(f)
                    if f.galler(idag)
                        && f.person == person
                        && f.ombud_identitet == session.identitet =>
                {
                    Some(f)
                }
                _ => return Err(utloggad().await?),
            }
        }
    };
    let p = s
        .store
        .personer()
        .person(session.kommun, person)
        .await?
        .ok_or(WebFel::Saknas)?;
    if fullmakt.is_none() && p.identitet.varde() != session.identitet {
        return Err(WebFel::MinaSidorEjInloggad);
    }
    Ok((p, fullmakt))
}

/// A case on Mina sidor, if it is about the person the visitor follows.
/// Anything else is refused as if it did not exist, and the attempt is logged
/// with the person it concerned and who tried.
pub async fn oppna_arende_for_medborgare(
    s: &AppState,
    m: &Medborgare,
    id: ArendeId,
    handling: &str,
) -> Result<(ArendeRad, Arende), WebFel> {
    let Some((rad, a)) = s.store.arenden().arende(m.person.kommun, id).await? else {
        return Err(WebFel::Saknas);
    };
    let aktor = m.aktor(rad.enhet);
    if !m.far(MedborgarHandling::Lasa { person: rad.person }) {
        let post = Granskningspost::ny("mina_sidor.nekad")
            .person(rad.person, rad.person_skyddad)
            .arende(rad.id)
            .utanfor(true)
            .skal(Some(format!(
                "{}; inloggad {}",
                m.vem(),
                m.session.identitet
            )));
        s.store
            .granskning()
            .logga_lasning(&aktor, &[post], s.nu())
            .await?;
        tracing::warn!(arende = %id, "Mina sidor: refused a case of another person");
        return Err(WebFel::Saknas);
    }
    let post = Granskningspost::ny(handling)
        .person(rad.person, rad.person_skyddad)
        .arende(rad.id)
        .skal(Some(m.vem()));
    s.store
        .granskning()
        .logga_lasning(&aktor, &[post], s.nu())
        .await?;
    Ok((rad, a))
}
