//! The one access policy (DESIGN.md principle 3; STYLE.md 5). Every read and
//! write of personal data asks here; handlers never check roles themselves.
//! Deny by default: what is not granted below is refused.

use lots_domain::arende::KommandoTyp;
use lots_domain::ids::{AnvandarId, EnhetId};
use lots_domain::organisation::Roll;
use lots_store::Anvandare;

use crate::fel::WebFel;

/// What a case looks like to the policy.
#[derive(Debug, Clone, Copy)]
pub struct ArendeResurs {
    pub enhet: EnhetId,
    pub handlaggare: Option<AnvandarId>,
}

#[derive(Debug, Clone, Copy)]
pub enum Handling {
    /// Search the person register and see who is registered.
    SokaPerson,
    /// Register a new person.
    RegistreraPerson,
    /// Open a person's page (cases and journal are filtered per case).
    LasaPerson,
    /// Start a case: an ansökan, anmälan or information arriving.
    Aktualisera,
    /// Read a case's content: timeline, decisions, journal, documents.
    LasaArende(ArendeResurs),
    /// Take a step in a case.
    Steg(ArendeResurs, KommandoTyp),
    /// See the start page's own cases and bevakningar.
    Arbetsyta,
    /// The nämnd's reports: ej verkställda beslut (SoL 34 kap.), delegated decisions.
    Rapporter,
    /// Edit the delegationsordning (a new version; old ones stay).
    AdministreraDelegation,
}

fn handlagger_arendet(a: &Anvandare, r: &ArendeResurs) -> bool {
    match a.roll {
        // A handläggare acts on cases in their enhet and on cases assigned to them.
        Roll::Handlaggare => r.enhet == a.enhet || r.handlaggare == Some(a.id),
        // An arbetsledare leads their enhet.
        Roll::Arbetsledare => r.enhet == a.enhet,
        _ => false,
    }
}

pub fn far(a: &Anvandare, h: Handling) -> bool {
    use Roll::*;
    if !a.aktiv {
        return false;
    }
    match h {
        Handling::SokaPerson | Handling::RegistreraPerson | Handling::Aktualisera => {
            matches!(a.roll, Handlaggare | Arbetsledare | Registrator)
        }
        Handling::LasaPerson | Handling::Arbetsyta => matches!(a.roll, Handlaggare | Arbetsledare),
        Handling::Rapporter => a.roll == Arbetsledare,
        Handling::AdministreraDelegation => a.roll == Systemforvaltare,
        Handling::LasaArende(r) => handlagger_arendet(a, &r),
        // Fördelning: moving a case to another handläggare is done within its enhet.
        Handling::Steg(r, KommandoTyp::TilldelaHandlaggare) => {
            handlagger_arendet(a, &r) && r.enhet == a.enhet
        }
        Handling::Steg(r, _) => handlagger_arendet(a, &r),
    }
}

/// `far`, as a result a handler can `?`.
pub fn krav(a: &Anvandare, h: Handling) -> Result<(), WebFel> {
    if far(a, h) {
        Ok(())
    } else {
        tracing::warn!(anvandare = %a.id, handling = ?h, "access refused");
        Err(WebFel::Nekad(
            "Din roll ger inte tillgång till det här. Kontakta din arbetsledare om du behöver det."
                .into(),
        ))
    }
}
