//! The one access policy (DESIGN.md principle 3; STYLE.md 5). Every read and
//! write of personal data asks here; handlers never check roles themselves.
//! Deny by default: what is not granted below is refused.
//!
//! The whole policy in words, and the table the authorization test checks it
//! against, is `crates/lots/tests/http/behorighetsmatris.md`.

use lots_domain::arende::KommandoTyp;
use lots_domain::fullmakt::Omfattning;
use lots_domain::ids::{AnvandarId, EnhetId, PersonId};
use lots_domain::organisation::Roll;
use lots_store::{Anvandare, ArendeRad};

use crate::fel::WebFel;

/// What a case looks like to the policy.
#[derive(Debug, Clone, Copy)]
pub struct ArendeResurs {
    pub enhet: EnhetId,
    pub handlaggare: Option<AnvandarId>,
    /// The person has skyddade personuppgifter.
    pub skyddad: bool,
    /// The user has stated a reason for this case in this session (inre sekretess).
    pub skal: bool,
}

impl ArendeResurs {
    pub fn av(r: &ArendeRad) -> Self {
        Self {
            enhet: r.enhet,
            handlaggare: r.handlaggare,
            skyddad: r.person_skyddad,
            skal: false,
        }
    }
    pub fn med_skal(mut self, skal: bool) -> Self {
        self.skal = skal;
        self
    }
}

/// An action the policy is asked about (åtgärd; not `Handlingstyp`, which is a
/// document the person hands in).
#[derive(Debug, Clone, Copy)]
pub enum Atgard {
    /// See the unit's payments of försörjningsstöd to attest and send, and take out
    /// the payment file; each row is still shown only if its case's steps are the user's.
    HanteraUtbetalningar,
    /// Search the person register and see who is registered.
    SokaPerson,
    /// See that a person exists, in a search hit or a list.
    SePerson { skyddad: bool },
    /// Register a new person.
    RegistreraPerson,
    /// Open a person's page (cases and journal are filtered per case).
    LasaPerson { skyddad: bool },
    /// Start a case: an ansökan, anmälan or information arriving.
    Aktualisera,
    /// Read a case's content: timeline, decisions, journal, documents.
    LasaArende(ArendeResurs),
    /// Take a step in a case.
    Steg(ArendeResurs, KommandoTyp),
    /// Decide whether a journal entry of the case is shown to the person on Mina
    /// sidor or withheld because it names a third party (OSL 26 kap. 1 §): those
    /// who act in the case, as for its steps.
    ProvaPartsinsyn(ArendeResurs),
    /// See the start page's own cases and bevakningar.
    Arbetsyta,
    /// The nämnd's reports: ej verkställda beslut (SoL 34 kap.), delegated decisions.
    Rapporter,
    /// The arbetsledare's overview of their enhet: its cases per handläggare, waiting
    /// times, the quarter's ej verkställda so far, and moving cases between the enhet's
    /// handläggare in bulk (issue 20 item 7). Each case moved is still its own step,
    /// checked as `Steg(_, TilldelaHandlaggare)`.
    Enhetsoversikt,
    /// Read the kommun's text blocks for motiveringar and insert them in a form (issue 20
    /// item 5): those who write decisions and utredningar. Kommun data, no case content;
    /// a block of another kommun is, to the user, not there.
    LasaTextblock,
    /// Add, change, retire the kommun's text blocks: the arbetsledare, who answers for
    /// how the unit's decisions are reasoned.
    AdministreraTextblock,
    /// Read the delegationsordning: who may decide what (issue 20 item 7: the
    /// arbetsledare leads the decisions made under it).
    LasaDelegation,
    /// Edit the delegationsordning (a new version; old ones stay).
    AdministreraDelegation,
    /// Read the catalogue of öppna insatser (issue 17 item 1): the nämnd's decisions on
    /// the insatser offered without a needs assessment. Kommun data, no person: those
    /// who tell people about them or provide them, and the systemförvaltare.
    LasaOppnaInsatser,
    /// Add an öppen insats or a new version of one: the systemförvaltare, who records
    /// the nämnd's decisions in Lots as for the delegationsordning and the riksnorm.
    AdministreraOppnaInsatser,
    /// The utförare's desk for öppna insatser (issue 17 item 3): the entries the user's
    /// enhet provides, with a form for each.
    Mottagning,
    /// Register a visit to an öppen insats: the utförare of an enhet that provides it
    /// (`levererar`). Nothing about a person is registered beyond the entry's mode.
    RegistreraOppetBesok { levererar: bool },
    /// From the desk into the formal route (issue 17 item 2): register an ansökan with
    /// what the person chooses to tell, at the enhet they apply to. Only the utförare of
    /// an enhet that provides the service; the case is then the myndighet's, and the
    /// utförare does not read it.
    AnsokanFranMottagning { levererar: bool },
    /// An orosanmälan from the desk (SoL 19 kap. 1 §; issue 17 item 4): in every mode,
    /// by the utförare of an enhet that provides the service. It becomes an anmälan at
    /// the enhet that receives such reports, which the utförare does not read.
    OrosanmalanFranMottagning { levererar: bool },
    /// The group follow-up of öppna insatser (issue 17 item 7): counts, never a person.
    /// The arbetsledare sees every service and provider of the kommun; an utförare its
    /// own enhet's (`uppfoljning_omfattar`).
    OppenUppfoljning,
    /// Create and change staff accounts and units, grant the protected-person right.
    AdministreraAnvandare,
    /// See the grants waiting for a second person's approval.
    SeBehorighetsbegaran,
    /// Approve a grant of a role or of the protected-person right (four eyes,
    /// issue 12): a systemförvaltare, or an arbetsledare of the enhet the grant
    /// is for; never the one who asked for it, never the account it is for.
    GodkannBehorighet {
        begard_av: AnvandarId,
        anvandare: AnvandarId,
        enhet: EnhetId,
    },
    /// Read the audit log (loggkontroll).
    Loggkontroll,
    /// See who a log row is about: a protected person's name only with the right.
    SePersonILogg { skyddad: bool },
    /// See the orders sent to an utförare unit, and what each contains.
    LasaUppdrag { utforare: EnhetId, skyddad: bool },
    /// Register a fullmakt that came in on paper or at a visit (FL 14 §). It lets
    /// the ombud read the person's cases on Mina sidor, so only staff who already
    /// act on one of the person's cases (`agerar`, see `agerar_for`) register it.
    RegistreraFullmakt { skyddad: bool, agerar: bool },
    /// Approve a fullmakt registered from paper: a second staff member who also
    /// acts on the person's cases, never the one who registered it (`egen`).
    GodkannaFullmakt {
        skyddad: bool,
        agerar: bool,
        egen: bool,
    },
    /// Read the signed fullmakt registered from paper: those who may register one.
    LasaFullmaktsdokument { skyddad: bool, agerar: bool },
    /// Make a registerutdrag (GDPR art. 15): it lists every case of the kommun, so only
    /// staff who act on one of the person's cases, the ground for seeing cases elsewhere.
    Registerutdrag { skyddad: bool, agerar: bool },
    /// Revoke a fullmakt the person has taken back by letter or at a visit: it only
    /// ends access, so the staff who may see the person may do it.
    AterkallaFullmakt { skyddad: bool },
    /// Write the genomförandeplan of an order, with the person: the utförare of the
    /// unit the insats was ordered from (seed 004 §2.8.1).
    SkrivaGenomforandeplan { utforare: EnhetId, skyddad: bool },
    /// See the kommun's provider organisations and their contracts (issue 17 item 5):
    /// kommun data, no person. Those who order from them and the systemförvaltare.
    LasaUtforare,
    /// Register providers, their contracts and units: the arbetsledare. Choosing and
    /// pricing providers is the nämnd's business, not the running of the system, and
    /// the arbetsledare answers for the orders placed under them (docs/utforare.md).
    AdministreraUtforare,
    /// Report delivery against an order (issue 17 item 6): the utförare of the unit the
    /// order went to, when that unit belongs to a provider organisation (`leverantor`).
    RapporteraLeverans {
        utforare: EnhetId,
        skyddad: bool,
        leverantor: bool,
    },
    /// Send the provider's invoice lines, as a CSV file or entered: an utförare on a
    /// unit of a provider organisation, for that organisation only.
    LamnaFaktura { leverantor: bool },
    /// The reconciliation of granted, delivered and billed per provider and month,
    /// before payment: the arbetsledare. It names orders of every enhet, so each line
    /// links to its case only when the case is the reader's to open.
    Avstamning,
    /// See the list of synpunkter och klagomål: the kommun's, or those assigned to the user
    /// (issue 19 item 4).
    KlagomalLista,
    /// Read every complaint of the kommun and assign them: those who receive complaints.
    HanteraKlagomal,
    /// Read one complaint; `tilldelad`: it is assigned to the user. Not every handläggare:
    /// a complaint may be about them.
    LasaKlagomal { tilldelad: bool },
    /// Answer one complaint in writing.
    BesvaraKlagomal { tilldelad: bool },
    /// Mark a Lex Sarah report received; `mottagare`: it was handed to the user.
    TaEmotLexSarah { mottagare: bool },
}

/// Skyddade personuppgifter: visible only with the explicit right, whatever the role.
fn ser_skyddad(a: &Anvandare, skyddad: bool) -> bool {
    !skyddad || a.skyddad_behorighet
}

/// The case is the user's own: in their enhet or assigned to them.
fn eget(a: &Anvandare, r: &ArendeResurs) -> bool {
    match a.roll {
        // A handläggare acts on cases in their enhet and on cases assigned to them.
        Roll::Handlaggare => r.enhet == a.enhet || r.handlaggare == Some(a.id),
        // An arbetsledare leads their enhet.
        Roll::Arbetsledare => r.enhet == a.enhet,
        _ => false,
    }
}

/// The user acts on at least one of the person's cases (may take steps in it):
/// the ground for registering or approving a fullmakt for the person.
pub fn agerar_for(a: &Anvandare, arenden: impl IntoIterator<Item = ArendeResurs>) -> bool {
    arenden
        .into_iter()
        .any(|r| ser_skyddad(a, r.skyddad) && eget(a, &r))
}

/// A case outside the user's own cases and enhet: reached only with a stated reason
/// (inre sekretess, OSL 26 kap. 1 §), and then flagged in the audit log.
pub fn utanfor(a: &Anvandare, r: &ArendeResurs) -> bool {
    !eget(a, r)
}

/// The user may state a reason to open this case: a handläggare or arbetsledare
/// outside the case's enhet, with the right to see the person.
pub fn kan_ange_skal(a: &Anvandare, r: &ArendeResurs) -> bool {
    a.aktiv
        && matches!(a.roll, Roll::Handlaggare | Roll::Arbetsledare)
        && !eget(a, r)
        && ser_skyddad(a, r.skyddad)
}

/// Why the policy refused: recorded with the refusal in the audit log, so that
/// loggkontroll can tell a curious look from a misconfigured role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nekande {
    /// The account is closed.
    Inaktiv,
    /// The person has skyddade personuppgifter and the user lacks the right.
    Skyddad,
    /// The case is outside the user's own cases and enhet; a stated reason
    /// would open it to read (inre sekretess, OSL 26 kap. 1 §).
    KraverSkal,
    /// The case is outside the user's own cases and enhet, and no reason opens it.
    AnnanEnhet,
    /// The user's role or relation to the matter gives no such right.
    Roll,
}

impl Nekande {
    /// The refusal's reason as the audit log records it.
    pub fn text(self) -> &'static str {
        match self {
            Nekande::Inaktiv => "nekad: kontot är avslutat",
            Nekande::Skyddad => "nekad: skyddade personuppgifter utan behörighet",
            Nekande::KraverSkal => "nekad: annan enhet, inget skäl angivet",
            Nekande::AnnanEnhet => "nekad: annan enhet",
            Nekande::Roll => "nekad: rollen ger inte behörighet",
        }
    }
}

/// The policy's decision with its reason: `Ok` when `h` is allowed.
pub fn avgor(a: &Anvandare, h: Atgard) -> Result<(), Nekande> {
    if far(a, h) {
        return Ok(());
    }
    if !a.aktiv {
        return Err(Nekande::Inaktiv);
    }
    let skyddad = match h {
        Atgard::SePerson { skyddad }
        | Atgard::LasaPerson { skyddad }
        | Atgard::AterkallaFullmakt { skyddad }
        | Atgard::RegistreraFullmakt { skyddad, .. }
        | Atgard::LasaFullmaktsdokument { skyddad, .. }
        | Atgard::GodkannaFullmakt { skyddad, .. }
        | Atgard::SePersonILogg { skyddad }
        | Atgard::LasaUppdrag { skyddad, .. }
        | Atgard::RapporteraLeverans { skyddad, .. }
        | Atgard::SkrivaGenomforandeplan { skyddad, .. } => skyddad,
        Atgard::LasaArende(r) | Atgard::Steg(r, _) | Atgard::ProvaPartsinsyn(r) => r.skyddad,
        _ => false,
    };
    if !ser_skyddad(a, skyddad) {
        return Err(Nekande::Skyddad);
    }
    match h {
        Atgard::LasaArende(r) if kan_ange_skal(a, &r) => Err(Nekande::KraverSkal),
        Atgard::LasaArende(r) | Atgard::Steg(r, _) | Atgard::ProvaPartsinsyn(r)
            if matches!(a.roll, Roll::Handlaggare | Roll::Arbetsledare) && !eget(a, &r) =>
        {
            Err(Nekande::AnnanEnhet)
        }
        _ => Err(Nekande::Roll),
    }
}

pub fn far(a: &Anvandare, h: Atgard) -> bool {
    use Roll::*;
    if !a.aktiv {
        return false;
    }
    match h {
        Atgard::HanteraUtbetalningar => matches!(a.roll, Handlaggare | Arbetsledare),
        Atgard::SokaPerson | Atgard::RegistreraPerson | Atgard::Aktualisera => {
            matches!(a.roll, Handlaggare | Arbetsledare | Registrator)
        }
        Atgard::SePerson { skyddad } | Atgard::AterkallaFullmakt { skyddad } => {
            matches!(a.roll, Handlaggare | Arbetsledare | Registrator) && ser_skyddad(a, skyddad)
        }
        // A fullmakt opens the person's cases to the ombud on Mina sidor: only those
        // who already act on the person's cases may grant it (issue 12), and a
        // second of them approves it (four eyes), never the one who registered it.
        Atgard::RegistreraFullmakt { skyddad, agerar }
        | Atgard::LasaFullmaktsdokument { skyddad, agerar }
        | Atgard::Registerutdrag { skyddad, agerar } => {
            matches!(a.roll, Handlaggare | Arbetsledare) && ser_skyddad(a, skyddad) && agerar
        }
        Atgard::GodkannaFullmakt {
            skyddad,
            agerar,
            egen,
        } => {
            matches!(a.roll, Handlaggare | Arbetsledare)
                && ser_skyddad(a, skyddad)
                && agerar
                && !egen
        }
        Atgard::LasaPerson { skyddad } => {
            matches!(a.roll, Handlaggare | Arbetsledare) && ser_skyddad(a, skyddad)
        }
        Atgard::Arbetsyta => matches!(a.roll, Handlaggare | Arbetsledare),
        Atgard::Rapporter | Atgard::Enhetsoversikt | Atgard::AdministreraTextblock => {
            a.roll == Arbetsledare
        }
        Atgard::LasaTextblock => matches!(a.roll, Handlaggare | Arbetsledare),
        Atgard::LasaDelegation => matches!(a.roll, Systemforvaltare | Arbetsledare),
        Atgard::AdministreraDelegation | Atgard::AdministreraAnvandare => {
            a.roll == Systemforvaltare
        }
        Atgard::SeBehorighetsbegaran => matches!(a.roll, Systemforvaltare | Arbetsledare),
        Atgard::LasaOppnaInsatser => {
            matches!(
                a.roll,
                Handlaggare | Arbetsledare | Utforare | Systemforvaltare
            )
        }
        Atgard::AdministreraOppnaInsatser => a.roll == Systemforvaltare,
        Atgard::Mottagning => a.roll == Utforare,
        Atgard::RegistreraOppetBesok { levererar }
        | Atgard::AnsokanFranMottagning { levererar }
        | Atgard::OrosanmalanFranMottagning { levererar } => a.roll == Utforare && levererar,
        Atgard::OppenUppfoljning => matches!(a.roll, Arbetsledare | Utforare),
        Atgard::GodkannBehorighet {
            begard_av,
            anvandare,
            enhet,
        } => {
            a.id != begard_av
                && a.id != anvandare
                && (a.roll == Systemforvaltare || (a.roll == Arbetsledare && a.enhet == enhet))
        }
        Atgard::Loggkontroll => a.roll == Granskare,
        Atgard::SePersonILogg { skyddad } => a.roll == Granskare && ser_skyddad(a, skyddad),
        Atgard::LasaUppdrag { utforare, skyddad }
        | Atgard::SkrivaGenomforandeplan { utforare, skyddad } => {
            a.roll == Utforare && a.enhet == utforare && ser_skyddad(a, skyddad)
        }
        Atgard::LasaUtforare => matches!(a.roll, Handlaggare | Arbetsledare | Systemforvaltare),
        Atgard::AdministreraUtforare | Atgard::Avstamning => a.roll == Arbetsledare,
        Atgard::RapporteraLeverans {
            utforare,
            skyddad,
            leverantor,
        } => a.roll == Utforare && a.enhet == utforare && leverantor && ser_skyddad(a, skyddad),
        Atgard::LamnaFaktura { leverantor } => a.roll == Utforare && leverantor,
        // Synpunkter och klagomål (SOSFS 2011:9 5 kap. 3 §): the arbetsledare and the
        // registrator receive and assign them; a handläggare sees only those assigned to
        // them, since a complaint may be about a handläggare (issue 19 item 4).
        Atgard::KlagomalLista => matches!(a.roll, Handlaggare | Arbetsledare | Registrator),
        Atgard::HanteraKlagomal => matches!(a.roll, Arbetsledare | Registrator),
        Atgard::LasaKlagomal { tilldelad } => {
            matches!(a.roll, Arbetsledare | Registrator) || (tilldelad && a.roll == Handlaggare)
        }
        // The registrator registers and assigns; answering is the investigation's, so the
        // arbetsledare's or whoever it is assigned to.
        Atgard::BesvaraKlagomal { tilldelad } => {
            a.roll == Arbetsledare || (tilldelad && matches!(a.roll, Handlaggare | Registrator))
        }
        Atgard::TaEmotLexSarah { mottagare } => mottagare && a.roll == Arbetsledare,
        Atgard::LasaArende(r) => {
            ser_skyddad(a, r.skyddad) && (eget(a, &r) || (r.skal && kan_ange_skal(a, &r)))
        }
        // A stated reason opens a case to read, never to act in: steps stay with its enhet.
        // Fördelning: moving a case to another handläggare is done within its enhet.
        Atgard::Steg(r, KommandoTyp::TilldelaHandlaggare) => {
            ser_skyddad(a, r.skyddad) && eget(a, &r) && r.enhet == a.enhet
        }
        // A request for another handläggare is answered by an arbetsledare of the case's
        // enhet, never by the case's handläggare, even one who is also an arbetsledare:
        // the request is about them (issue 19 item 5; FL 16 §).
        Atgard::Steg(r, KommandoTyp::BesvaraHandlaggarbyte) => {
            ser_skyddad(a, r.skyddad)
                && a.roll == Arbetsledare
                && r.enhet == a.enhet
                && r.handlaggare != Some(a.id)
        }
        Atgard::Steg(r, _) | Atgard::ProvaPartsinsyn(r) => ser_skyddad(a, r.skyddad) && eget(a, &r),
    }
}

/// Whether the group follow-up shown to the user includes the rows of provider `enhet`:
/// the arbetsledare's covers the kommun, an utförare's only its own enhet.
pub fn uppfoljning_omfattar(a: &Anvandare, enhet: EnhetId) -> bool {
    far(a, Atgard::OppenUppfoljning) && (a.roll == Roll::Arbetsledare || a.enhet == enhet)
}

/// `far`, as a result a handler can `?`.
pub fn krav(a: &Anvandare, h: Atgard) -> Result<(), WebFel> {
    if far(a, h) {
        Ok(())
    } else {
        tracing::warn!(anvandare = %a.id, handling = ?h, "access refused");
        Err(nekad())
    }
}

/// The answer to a refused action, the same wherever the policy says no.
pub fn nekad() -> WebFel {
    WebFel::Nekad(
        "Din roll ger inte tillgång till det här. Kontakta din arbetsledare om du behöver det."
            .into(),
    )
}

/// What a visitor on Mina sidor may do with the matters they follow.
#[derive(Debug, Clone, Copy)]
pub enum MedborgarHandling {
    /// Read a case; `person` is whom the case is about.
    Lasa { person: PersonId },
    /// Apply, answer, write, appeal in a case about `person`.
    Agera { person: PersonId },
    /// See, give and revoke the fullmakter of the one followed.
    HanteraFullmakter,
    /// Choose, verify and turn off notifications by e-mail or SMS: the person's own
    /// contact details, so the person's alone, never an ombud's (issue 19 item 3).
    ValjaAviseringar,
    /// Read and confirm a joint application for försörjningsstöd in another person's case;
    /// `namnd`: the huvudman is named medsökande in it. Only those months, nothing else of
    /// the case (`mina_sidor::gemensam`).
    GemensamAnsokan { namnd: bool },
}

/// Mina sidor's policy, deny by default. The visitor follows `huvudman`'s
/// matters, their own (`fullmakt` None) or under a fullmakt that holds today
/// (FL 14 §): reading needs any fullmakt, acting one that lets the ombud föra
/// talan, and only the person decides who may act for them.
pub fn medborgare_far(
    huvudman: PersonId,
    fullmakt: Option<Omfattning>,
    h: MedborgarHandling,
) -> bool {
    match h {
        MedborgarHandling::Lasa { person } => person == huvudman,
        MedborgarHandling::Agera { person } => {
            person == huvudman && fullmakt.is_none_or(|o| o == Omfattning::ForaTalan)
        }
        MedborgarHandling::HanteraFullmakter | MedborgarHandling::ValjaAviseringar => {
            fullmakt.is_none()
        }
        MedborgarHandling::GemensamAnsokan { namnd } => namnd,
    }
}

/// Whether changing an account from `fore` to `efter` gives it more than it had,
/// so that a second person must approve it (issue 12 item 2). Every role in Lots
/// counts: handläggare, arbetsledare and utförare read case content, the
/// registrator reads the person register, the logggranskare reads who looked at
/// whom, and a systemförvaltare approves grants. So does the protected-person
/// right, and opening a closed account again. `fore` is None for a new account.
pub fn ger_mer(fore: Option<&Anvandare>, efter: &Anvandare) -> bool {
    if !efter.aktiv {
        return false;
    }
    match fore {
        None => true,
        Some(f) => {
            !f.aktiv
                || f.roll != efter.roll
                || f.enhet != efter.enhet
                || (efter.skyddad_behorighet && !f.skyddad_behorighet)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mina_sidor_las_egna_agera_med_fora_talan_fullmakter_bara_sjalv() {
        let p = PersonId::ny();
        let annan = PersonId::ny();
        let lasa = Some(Omfattning::Lasa);
        let fora = Some(Omfattning::ForaTalan);
        for f in [None, lasa, fora] {
            assert!(medborgare_far(p, f, MedborgarHandling::Lasa { person: p }));
            assert!(!medborgare_far(
                p,
                f,
                MedborgarHandling::Lasa { person: annan }
            ));
            assert!(!medborgare_far(
                p,
                f,
                MedborgarHandling::Agera { person: annan }
            ));
        }
        assert!(medborgare_far(
            p,
            None,
            MedborgarHandling::Agera { person: p }
        ));
        assert!(medborgare_far(
            p,
            fora,
            MedborgarHandling::Agera { person: p }
        ));
        assert!(!medborgare_far(
            p,
            lasa,
            MedborgarHandling::Agera { person: p }
        ));
        assert!(medborgare_far(
            p,
            None,
            MedborgarHandling::HanteraFullmakter
        ));
        assert!(!medborgare_far(
            p,
            fora,
            MedborgarHandling::HanteraFullmakter
        ));
    }
}
