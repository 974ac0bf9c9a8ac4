//! Fullmakt: a person lets an ombud act for them (FL 14 §). On Mina sidor the
//! ombud logs in as themselves and acts within what the fullmakt allows; the
//! person sees every fullmakt and can revoke it at once.

use time::Date;

/// What a fullmakt lets the ombud do on Mina sidor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Omfattning {
    /// Follow the matters: read cases, decisions, letters and messages.
    Lasa,
    /// Also act: apply, answer requests and kommuniceringar, appeal, write messages
    /// (FL 14 §: an ombud may act for the person in the matter).
    ForaTalan,
}

impl Omfattning {
    pub const ALLA: [Self; 2] = [Self::Lasa, Self::ForaTalan];
    pub fn kod(self) -> &'static str {
        match self {
            Self::Lasa => "lasa",
            Self::ForaTalan => "fora_talan",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|o| o.kod() == k)
    }
}

/// Whether a fullmakt holds on a day: approved, not revoked, and not past its
/// last day. One registered by staff from paper is approved by a second staff
/// member before it holds (four eyes); one the person gives holds at once.
pub fn galler(godkand: bool, aterkallad: bool, giltig_till: Option<Date>, idag: Date) -> bool {
    godkand && !aterkallad && giltig_till.is_none_or(|t| idag <= t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn aterkallad_utgangen_eller_ej_godkand_galler_inte() {
        let d = date!(2026 - 11 - 30);
        assert!(galler(true, false, None, d));
        assert!(galler(true, false, Some(d), d));
        assert!(!galler(true, false, Some(date!(2026 - 11 - 29)), d));
        assert!(!galler(true, true, None, d));
        assert!(!galler(false, false, None, d));
    }

    #[test]
    fn koderna_gar_att_lasa_tillbaka() {
        for o in Omfattning::ALLA {
            assert_eq!(Omfattning::fran_kod(o.kod()), Some(o));
        }
    }
}
