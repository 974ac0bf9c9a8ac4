//! Gallring: when a person's records are deleted, and what keeps them (`lots gallra`).
//!
//! SoL 16 kap. (DOMAIN.md, Time limits): the entries of a personakt are deleted five years
//! after the last entry in it, at the latest by the end of the following calendar year
//! ([`frister::gallringsdatum`]). SoF 13 kap. 1 §: kept for research are every personakt of
//! the exempt kommuner and those of persons born on the 5th, 15th or 25th of a month.
//!
//! What else keeps a personakt, and why (each a [`Behalls`]):
//!
//! * A matter not finished: an open case, a granted decision not carried out (it is still
//!   owed, and reported under SoL 34 kap. until it is), an appeal not yet decided. The five
//!   years count from the last entry, and such a case will have more; until then deleting
//!   it would take the person's right with it.
//! * A reservnummer: it gives no birth date, so whether the person is in the research
//!   sample of SoF 13 kap. 1 § cannot be known. Deleting is irreversible and would destroy
//!   an allmän handling the statute orders kept if the person was born on one of those
//!   days; keeping is reversible (once the person's identity is established, the record
//!   gets the personnummer and the rule applies). So Lots keeps these records and lists
//!   them for the nämnd's archive officer to decide on; it never guesses a birth date.
//! * Documents about children that the statute keeps from gallring (SoL 16 kap.: among
//!   them those about a child placed in a familjehem, HVB or stödboende, and those about
//!   faderskap, föräldraskap, adoption, vårdnad, boende and umgänge). Lots is built for the
//!   adult social services and holds no case of the family-law kinds; a placement is
//!   possible in Lots, and one granted to someone who was under 18 on the decision day is
//!   such a document. Lots then keeps the whole personakt (it does not split one person's
//!   records) and lists it for the archive officer.
//!
//! The rule is a pure function of the facts; `lots_store::gallring` gathers them.

use time::Date;

use crate::arende::Arende;
use crate::frister;
use crate::identitet::{Identitet, IdentitetsTyp};

/// Why a person's records are kept today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behalls {
    /// SoF 13 kap. 1 §: every personakt of the kommun is kept for research.
    Kommun,
    /// SoF 13 kap. 1 §: born on the 5th, 15th or 25th, kept for research.
    Fodelsedag,
    /// A reservnummer gives no birth date: the research exception cannot be ruled out.
    Reservnummer,
    /// A case is still open.
    OppetArende,
    /// A granted decision is not carried out (SoL 34 kap.: still owed and reportable).
    EjVerkstalltBeslut,
    /// An appeal still waits for the nämnd or the court.
    PagaendeOverklagande,
    /// A placement (familjehem, HVB, stödboende) granted to a child (SoL 16 kap.).
    PlaceringAvBarn,
    /// Nothing is entered in the personakt yet.
    IngetAntecknat,
    /// The five years since the last entry have not passed.
    InteForfallen,
}

impl Behalls {
    pub fn kod(self) -> &'static str {
        match self {
            Behalls::Kommun => "kommun",
            Behalls::Fodelsedag => "fodelsedag",
            Behalls::Reservnummer => "reservnummer",
            Behalls::OppetArende => "oppet_arende",
            Behalls::EjVerkstalltBeslut => "ej_verkstallt_beslut",
            Behalls::PagaendeOverklagande => "pagaende_overklagande",
            Behalls::PlaceringAvBarn => "placering_av_barn",
            Behalls::IngetAntecknat => "inget_antecknat",
            Behalls::InteForfallen => "inte_forfallen",
        }
    }

    /// The reason in words, for the operator and the archive officer.
    pub fn text(self) -> &'static str {
        match self {
            Behalls::Kommun => "kommunens personakter bevaras för forskning (SoF 13 kap. 1 §)",
            Behalls::Fodelsedag => {
                "personen är född den 5, 15 eller 25 och akten bevaras för forskning (SoF 13 kap. 1 §)"
            }
            Behalls::Reservnummer => {
                "reservnummer: födelsedagen är okänd, så forskningsundantaget (SoF 13 kap. 1 §) kan inte uteslutas; arkivansvarig prövar"
            }
            Behalls::OppetArende => "ett ärende är öppet",
            Behalls::EjVerkstalltBeslut => "ett beviljat beslut är inte verkställt (SoL 34 kap.)",
            Behalls::PagaendeOverklagande => "ett överklagande är inte avgjort",
            Behalls::PlaceringAvBarn => {
                "akten rör placering av ett barn och gallras inte (SoL 16 kap.); arkivansvarig prövar"
            }
            Behalls::IngetAntecknat => "inget är antecknat i akten",
            Behalls::InteForfallen => "fem år har inte gått sedan sista anteckningen",
        }
    }
}

/// The gallring of one person's records on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Provning {
    /// The last entry in the personakt.
    pub sista_anteckning: Option<Date>,
    /// The last day the records may be kept, when no exception applies.
    pub gallras_senast: Option<Date>,
    /// `None`: the records are due for gallring today.
    pub behalls: Option<Behalls>,
}

impl Provning {
    pub fn forfallen(&self) -> bool {
        self.behalls.is_none()
    }
}

/// What keeps the records because of one of the person's cases, if anything.
pub fn arendehinder(a: &Arende, fodd: Option<Date>) -> Option<Behalls> {
    if a.status() != crate::arende::Status::Avslutat {
        return Some(Behalls::OppetArende);
    }
    if a.beslut
        .iter()
        .any(|b| b.overklagande.as_ref().is_some_and(|o| o.pagar()))
    {
        return Some(Behalls::PagaendeOverklagande);
    }
    // SoL 34 kap. 1 §: a granted decision not carried out stays owed (and reportable)
    // until it is carried out or the duty ends (`upphort`).
    if a.beslut.iter().any(|b| {
        b.beviljar() && (b.verkstallighet.vantar() || b.verkstallighet.avbruten().is_some())
    }) {
        return Some(Behalls::EjVerkstalltBeslut);
    }
    // SoL 16 kap.: documents about a child placed in a familjehem, HVB or stödboende are not
    // deleted. A child: under 18 on the decision day (föräldrabalken 9 kap. 1 §).
    if let Some(fodd) = fodd
        && a.beslut.iter().any(|b| {
            b.beviljar()
                && b.beslut.insats.heldygnsvard()
                && b.beslut.datum < frister::plus_ar(fodd, 18)
        })
    {
        return Some(Behalls::PlaceringAvBarn);
    }
    None
}

/// The gallring of a person with `identitet` in the kommun with `kommunkod` on `idag`, whose
/// personakt's last entry was `sista_anteckning` and whose cases are `arenden`.
///
/// Due (`behalls: None`) once five years have passed since the last entry (SoL 16 kap.;
/// lag (1930:173) 1 §: the period ends on the same date five years later, so from the day
/// after). A yearly run early in the year removes everything that became due in the year
/// before, well before [`frister::gallringsdatum`], the last day the law allows.
pub fn prova(
    identitet: &Identitet,
    kommunkod: &str,
    sista_anteckning: Option<Date>,
    arenden: &[Arende],
    idag: Date,
) -> Provning {
    let fodd = identitet.fodelsedatum();
    let dag = fodd.map(|d| d.day()).unwrap_or(0);
    let gallras_senast = sista_anteckning.and_then(|s| {
        frister::gallringsdatum(s, dag, frister::gallring_undantagen_kommun(kommunkod))
    });
    let behalls = arenden
        .iter()
        .find_map(|a| arendehinder(a, fodd))
        .or(match frister::gallring_undantag(dag, kommunkod) {
            Some(frister::GallringsUndantag::Kommun) => Some(Behalls::Kommun),
            Some(frister::GallringsUndantag::Fodelsedag) => Some(Behalls::Fodelsedag),
            None => None,
        })
        .or((identitet.typ() == IdentitetsTyp::Reservnummer).then_some(Behalls::Reservnummer))
        .or(match sista_anteckning {
            None => Some(Behalls::IngetAntecknat),
            Some(s) if idag <= frister::plus_ar(s, 5) => Some(Behalls::InteForfallen),
            Some(_) => None,
        });
    Provning {
        sista_anteckning,
        gallras_senast,
        behalls,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn pnr(text: &str) -> Identitet {
        Identitet::tolka(text, date!(2026 - 12 - 04)).unwrap()
    }

    #[test]
    fn fem_ar_efter_sista_anteckningen() {
        // 1980-01-01: Luhn-valid, not born on the 5th, 15th or 25th.
        let p = pnr("198001012387");
        let sista = Some(date!(2020 - 03 - 10));
        let pa = |idag| prova(&p, "0180", sista, &[], idag);
        assert_eq!(
            pa(date!(2025 - 03 - 10)).behalls,
            Some(Behalls::InteForfallen)
        );
        assert!(pa(date!(2025 - 03 - 11)).forfallen());
        assert_eq!(
            pa(date!(2025 - 03 - 11)).gallras_senast,
            Some(date!(2026 - 12 - 31))
        );
        assert_eq!(
            prova(&p, "0180", None, &[], date!(2030 - 01 - 01)).behalls,
            Some(Behalls::IngetAntecknat)
        );
    }

    #[test]
    fn undantagen_for_forskning_och_reservnummer() {
        let sista = Some(date!(2010 - 01 - 01));
        let idag = date!(2026 - 12 - 04);
        assert_eq!(
            prova(&pnr("198001152381"), "0180", sista, &[], idag).behalls,
            Some(Behalls::Fodelsedag)
        );
        assert_eq!(
            prova(&pnr("198001012387"), "1480", sista, &[], idag).behalls,
            Some(Behalls::Kommun)
        );
        let r = Identitet::reservnummer("19800101-t123").unwrap();
        assert_eq!(
            prova(&r, "0180", sista, &[], idag).behalls,
            Some(Behalls::Reservnummer)
        );
    }
}
