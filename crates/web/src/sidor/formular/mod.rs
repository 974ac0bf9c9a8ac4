//! The form of each step: which fields it has, and how its input becomes a
//! typed domain command (parse at the edge, STYLE.md 1). Rules about the
//! values live in the domain; here only the shape of the input is checked.
//!
//! One module a phase of a case, as the domain's rules are (docs/design.md):
//! in it each step's fields stand beside the code that parses them. This module
//! holds what they share (the context, the choices, the reader of fields) and
//! dispatches by the step's phase. Adding a step is a `falt_<step>` and a
//! `tolka_<step>` side by side in its phase's module, and an arm for each in
//! that module's `falt` and `tolka` (and its `ingress`, if the form says more).

mod aktualisering;
mod avslut;
mod beslut;
mod dialog;
mod forsorjningsstod;
mod journal;
mod overklagande;
mod uppfoljning;
mod utredning;
mod verkstallighet;

pub(super) use std::str::FromStr;

pub(super) use lots_domain::arende::*;
pub(super) use lots_domain::frister::Fl45Undantag;
pub(super) use lots_domain::ids::*;
pub(super) use lots_domain::insats::{InsatsTyp, Lagrum, Utfall};
pub(super) use lots_store::{Anvandare, Enhet, JournalRad};
pub(super) use time::Date;

pub(super) use super::Falt;
pub(super) use crate::formular::{FaltFel, Formular};

pub struct FaltKontext<'a> {
    pub arende: Option<&'a Arende>,
    pub person: PersonId,
    pub idag: Date,
    pub mig: &'a Anvandare,
    pub anvandare: &'a [Anvandare],
    pub enheter: &'a [Enhet],
    /// The kommun's provider organisations: read for an order only.
    pub utforarorganisationer: &'a [lots_domain::utforare::Utforarorganisation],
    /// The providers' contracts and the ended providers' last days: read for an order only.
    pub avtal: &'a [lots_domain::utforare::Avtal],
    pub utforarslut: &'a [(UtforarId, Date)],
    pub journal: &'a [JournalRad],
    /// The kinds of document already accepted for the person (newest first).
    pub godtagna: &'a [(Handlingstyp, Date, ArendeId)],
    /// The case's documents by name, for kommunicering (what is sent with the letter).
    pub dokument: &'a [(DokumentId, String)],
    /// The riksnorm tables the kommun computes with: read only for the försörjningsstöd step.
    pub riksnorm: &'a [lots_domain::forsorjningsstod::riksnorm::Riksnorm],
    /// The kommun's guideline amounts for rent, if set: read with the riksnorm.
    pub hyresriktvarden: Option<lots_store::Hyresriktvarden>,
    /// Months the person was paid försörjningsstöd in other cases: read with the riksnorm.
    pub andra_manader: &'a [lots_domain::forsorjningsstod::Manad],
    /// The person's legal sex from their identity, for the instruments' cut-offs: read for
    /// that step only.
    pub kon: Option<lots_domain::identitet::Kon>,
    /// Choices about a deepened investigation in the person's other cases: read with the riksnorm.
    pub andra_val: &'a [lots_domain::forsorjningsstod::fordjupad::FordjupadVal],
    /// The kommun's attest limit for payments: read for planning a payment only.
    pub attestgrans: i64,
    /// The assessment instrument chosen above its form: read for that step only.
    pub instrument: Option<lots_domain::instrument::Instrument>,
}

pub(super) fn par<T: Copy>(
    alla: &[T],
    kod: fn(T) -> &'static str,
    namn: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    alla.iter()
        .map(|x| (kod(*x).to_string(), namn(*x).to_string()))
        .collect()
}

pub(super) fn beslut_text(b: &BeslutLage) -> String {
    format!(
        "{} – {} ({})",
        b.beslut.insats.namn(),
        b.beslut.utfall.namn().to_lowercase(),
        b.beslut.datum
    )
}

pub(super) fn beslut_falt(a: &Arende, typ: KommandoTyp) -> Falt {
    let kandidater = kandidater(a, typ);
    let mut f = Falt::val(
        "beslut",
        "Beslut",
        "select",
        kandidater
            .iter()
            .map(|b| (b.id().to_string(), beslut_text(b))),
    )
    .kravs();
    if let Some(b) = kandidater.first() {
        f = f.varde(b.id());
    }
    f
}

/// An enhet that may hold a case: one of the kommun's myndighet units, never an
/// utförare (issue 12: a crafted POST must not place a case elsewhere).
pub(super) fn kan_halla_arende(ctx: &FaltKontext, enhet: EnhetId) -> bool {
    ctx.enheter.iter().any(|e| e.id == enhet && !e.utforare)
}

/// An account a case of `enhet` may be assigned to: active, a handläggare or an
/// arbetsledare, of that enhet (issue 12: not the registrator, not anyone else in
/// the kommun). The fördelning of cases happens within the enhet.
pub(super) fn kan_tilldelas(u: &Anvandare, enhet: EnhetId) -> bool {
    u.aktiv
        && u.enhet == enhet
        && matches!(
            u.roll,
            lots_domain::organisation::Roll::Handlaggare
                | lots_domain::organisation::Roll::Arbetsledare
        )
}

/// Whom a case may be assigned to: of its enhet when there is a case, else of
/// any unit that may hold one (the form for a new case names the unit of each).
pub(super) fn handlaggare_val(ctx: &FaltKontext) -> Vec<(String, String)> {
    ctx.anvandare
        .iter()
        .filter(|u| match ctx.arende {
            Some(a) => kan_tilldelas(u, a.enhet),
            None => kan_halla_arende(ctx, u.enhet) && kan_tilldelas(u, u.enhet),
        })
        .map(|u| {
            let enhet = ctx
                .enheter
                .iter()
                .find(|e| e.id == u.enhet)
                .map(|e| e.namn.as_str())
                .unwrap_or("");
            (u.id.to_string(), format!("{} ({})", u.namn, enhet))
        })
        .collect()
}

/// The catalogue of documents, each already accepted for the person marked with the day.
pub(super) fn handlingstyp_val(ctx: &FaltKontext) -> Vec<(String, String)> {
    Handlingstyp::ALLA
        .iter()
        .map(|t| {
            let text = match ctx.godtagna.iter().find(|(x, _, _)| x == t) {
                Some((_, datum, _)) => format!("{} – redan inlämnad {datum}", t.namn()),
                None => t.namn().to_string(),
            };
            (t.kod().to_string(), text)
        })
        .collect()
}

/// A request for komplettering as a choice: when it was made and what it asks for.
pub(super) fn komplettering_text(k: &Komplettering) -> String {
    let mut vad: Vec<&str> = k
        .handlingar
        .iter()
        .filter(|t| **t != Handlingstyp::Annat)
        .map(|t| t.namn())
        .collect();
    if !k.beskrivning.is_empty() {
        vad.push(&k.beskrivning);
    }
    let vad: String = vad.join(", ").chars().take(80).collect();
    let inlamnat = k
        .svar
        .first()
        .map(|s| format!(", lämnat {}", s.datum))
        .unwrap_or_default();
    format!("Begärd {} (senast {}{inlamnat}): {vad}", k.begard, k.senast)
}

pub(super) fn journal_val(ctx: &FaltKontext) -> Vec<(String, String)> {
    ctx.journal
        .iter()
        .map(|j| {
            let kort: String = j.text.chars().take(60).collect();
            (
                j.id.to_string(),
                format!("{} {}: {kort}", j.datum, j.forfattare),
            )
        })
        .collect()
}

/// Reads a date field as the steps do, for a form outside the steps: required
/// or not, each error added to `fel`.
pub fn las_datum(
    f: &Formular,
    namn: &'static str,
    kravs: bool,
    fel: &mut Vec<FaltFel>,
) -> Option<Date> {
    let mut l = Lasare { f, fel: vec![] };
    let d = if kravs {
        l.datum(namn)
    } else {
        l.valfritt_datum(namn)
    };
    fel.extend(l.fel);
    d
}

/// Reads fields, gathering every error.
pub(super) struct Lasare<'a> {
    pub(super) f: &'a Formular,
    pub(super) fel: Vec<FaltFel>,
}

impl<'a> Lasare<'a> {
    pub(super) fn fel(&mut self, falt: &'static str, text: &str) {
        self.fel.push(FaltFel {
            falt,
            text: text.into(),
        });
    }
    pub(super) fn text(&self, namn: &str) -> String {
        self.f.text(namn)
    }
    pub(super) fn datum(&mut self, namn: &'static str) -> Option<Date> {
        let t = self.f.text(namn);
        if t.is_empty() {
            self.fel(namn, "Ange ett datum.");
            return None;
        }
        self.valfritt_datum(namn)
    }
    pub(super) fn valfritt_datum(&mut self, namn: &'static str) -> Option<Date> {
        let t = self.f.text(namn);
        if t.is_empty() {
            return None;
        }
        match Date::parse(
            &t,
            time::macros::format_description!("[year]-[month]-[day]"),
        ) {
            Ok(d) => Some(d),
            Err(_) => {
                self.fel(
                    namn,
                    "Datumet ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern.",
                );
                None
            }
        }
    }
    /// A time of day as the browser's time field sends it, "13:30".
    pub(super) fn klockslag(&mut self, namn: &'static str) -> Option<time::Time> {
        let t = self.f.text(namn);
        if t.is_empty() {
            self.fel(namn, "Ange ett klockslag.");
            return None;
        }
        match time::Time::parse(
            t.trim(),
            time::macros::format_description!("[hour]:[minute]"),
        ) {
            Ok(k) => Some(k),
            Err(_) => {
                self.fel(namn, "Klockslaget ska skrivas TT:MM, till exempel 13:30.");
                None
            }
        }
    }
    pub(super) fn kod<T>(
        &mut self,
        namn: &'static str,
        fran: fn(&str) -> Option<T>,
        text: &str,
    ) -> Option<T> {
        let v = fran(&self.text(namn));
        if v.is_none() {
            self.fel(namn, text);
        }
        v
    }
    pub(super) fn id<T: FromStr>(&mut self, namn: &'static str, text: &str) -> Option<T> {
        let v = self.text(namn).parse().ok();
        if v.is_none() {
            self.fel(namn, text);
        }
        v
    }
    pub(super) fn kryss(&self, namn: &str) -> bool {
        self.f.kryss(namn)
    }
}

/// The fields of a step's form, with sensible defaults. Without a case, the
/// form is the one that starts one.
pub fn falt(
    typ: KommandoTyp,
    aktualisering: Option<AktualiseringsTyp>,
    ctx: &FaltKontext,
) -> Vec<Falt> {
    let Some(a) = ctx.arende else {
        return aktualisering::aktualisering_falt(
            aktualisering.unwrap_or(AktualiseringsTyp::Ansokan),
            ctx,
        );
    };
    match typ.fas() {
        Fas::Aktualisering => aktualisering::falt(typ, aktualisering, a, ctx),
        Fas::Utredning => utredning::falt(typ, a, ctx),
        Fas::Beslut => beslut::falt(typ, a, ctx),
        Fas::Overklagande => overklagande::falt(typ, a, ctx),
        Fas::Verkstallighet => verkstallighet::falt(typ, a, ctx),
        Fas::Uppfoljning => uppfoljning::falt(typ, a, ctx),
        Fas::Journal => journal::falt(typ, a, ctx),
        Fas::Dialog => dialog::falt(typ, a, ctx),
        Fas::Avslut => avslut::falt(typ, a, ctx),
    }
}

/// What a step's form says above its fields (the law it follows, what to write).
pub fn ingress(typ: KommandoTyp, aktualisering: Option<AktualiseringsTyp>) -> &'static str {
    match typ.fas() {
        Fas::Aktualisering => aktualisering::ingress(typ, aktualisering),
        Fas::Beslut => beslut::ingress(typ),
        Fas::Overklagande => overklagande::ingress(typ),
        Fas::Avslut => avslut::ingress(typ),
        Fas::Dialog => dialog::ingress(typ),
        Fas::Journal => journal::ingress(typ),
        _ => "",
    }
}

/// Parses a step's form into a command, or every error beside its field.
pub fn tolka(
    typ: KommandoTyp,
    aktualisering: Option<AktualiseringsTyp>,
    f: &Formular,
    ctx: &FaltKontext,
) -> Result<Kommando, Vec<FaltFel>> {
    let mut l = Lasare { f, fel: vec![] };
    let k = match typ.fas() {
        Fas::Aktualisering => aktualisering::tolka(typ, aktualisering, &mut l, ctx),
        Fas::Utredning => utredning::tolka(typ, &mut l, ctx),
        Fas::Beslut => beslut::tolka(typ, &mut l, ctx),
        Fas::Overklagande => overklagande::tolka(typ, &mut l, ctx),
        Fas::Verkstallighet => verkstallighet::tolka(typ, &mut l, ctx),
        Fas::Uppfoljning => uppfoljning::tolka(typ, &mut l, ctx),
        Fas::Journal => journal::tolka(typ, &mut l, ctx),
        Fas::Dialog => dialog::tolka(typ, &mut l, ctx),
        Fas::Avslut => avslut::tolka(typ, &mut l, ctx),
    };
    match k {
        Some(k) if l.fel.is_empty() => Ok(k),
        _ => {
            if l.fel.is_empty() {
                l.fel("innehall", "Uppgifterna är ofullständiga.");
            }
            Err(l.fel)
        }
    }
}

/// The form's field for a fact the domain's rules refuse. Most facts are
/// named as their field; those inside a payload are named by their path there.
pub fn falt_for(fakta: &'static str) -> &'static str {
    aktualisering::falt_for(fakta)
        .or_else(|| beslut::falt_for(fakta))
        .or_else(|| forsorjningsstod::falt_for(fakta))
        .or_else(|| uppfoljning::falt_for(fakta))
        .or_else(|| utredning::falt_for(fakta))
        .unwrap_or(fakta)
}

/// The day a step happened, today unless the user says otherwise.
pub(super) fn datumfalt(idag: Date) -> Falt {
    Falt::datum("datum", "Datum").kravs().varde(idag)
}

/// Said when a step's decision is missing or not one the step may take.
pub(super) const VALJ_BESLUT: &str = "Välj ett beslut.";

/// The monthly application's attachment field named `namn`, if it is one.
pub fn bilagefalt(namn: &str) -> Option<&'static str> {
    forsorjningsstod::bilagefalt(namn)
}
