//! Who the person can reach (issue 19 item 1): each enhet's contact settings, set by the
//! systemförvaltare, and who covers for a handläggare while they are away, set by the
//! arbetsledare. Both are read on Mina sidor; neither holds anything about a client.

use lots_domain::ids::{AnvandarId, EnhetId, KommunId};
use time::{Date, OffsetDateTime};

use crate::db::Rad;
use crate::org::v;
use crate::{Organisation, StoreError, datumtext, tidstext};

/// How to reach an enhet. Empty fields are not set; the page says only what is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Enhetskontakt {
    pub telefon: String,
    pub telefontider: String,
    pub besoksadress: String,
    pub besokstider: String,
    /// For questions that are not sensitive: e-mail is not a secure channel.
    pub epost: String,
    pub boka_mote: String,
    /// The person to ask for, for a provider's enhet: the one who carries out the insats.
    pub kontaktperson: String,
}

impl Enhetskontakt {
    /// Nothing is set: the page says how to reach the socialtjänst some other way.
    pub fn ar_tom(&self) -> bool {
        *self == Self::default()
    }
}

/// Who covers for a handläggare, and until which day (inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ersattare {
    pub handlaggare: AnvandarId,
    pub ersattare: AnvandarId,
    pub till: Date,
}

fn kontakt_fran(r: &Rad) -> Result<Enhetskontakt, StoreError> {
    Ok(Enhetskontakt {
        telefon: r.text("telefon")?,
        telefontider: r.text("telefontider")?,
        besoksadress: r.text("besoksadress")?,
        besokstider: r.text("besokstider")?,
        epost: r.text("epost")?,
        boka_mote: r.text("boka_mote")?,
        kontaktperson: r.text("kontaktperson")?,
    })
}

impl Organisation<'_> {
    /// The enhet's contact settings; empty when none are set.
    pub async fn enhetskontakt(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
    ) -> Result<Enhetskontakt, StoreError> {
        let r = self
            .0
            .db
            .fetch_optional(
                "SELECT telefon, telefontider, besoksadress, besokstider, epost, boka_mote, kontaktperson \
                 FROM enhetskontakt WHERE kommun = $1 AND enhet = $2",
                &[v(kommun), v(enhet)],
            )
            .await?;
        r.as_ref()
            .map(kontakt_fran)
            .transpose()
            .map(Option::unwrap_or_default)
    }

    /// Sets the enhet's contact settings; `av` is who did it, for the row (the audit log
    /// has the act too).
    pub async fn spara_enhetskontakt(
        &self,
        kommun: KommunId,
        enhet: EnhetId,
        k: &Enhetskontakt,
        av: AnvandarId,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "INSERT INTO enhetskontakt (kommun, enhet, telefon, telefontider, besoksadress, besokstider, epost, boka_mote, kontaktperson, andrad, andrad_av) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                 ON CONFLICT (kommun, enhet) DO UPDATE SET telefon = excluded.telefon, telefontider = excluded.telefontider, \
                 besoksadress = excluded.besoksadress, besokstider = excluded.besokstider, epost = excluded.epost, \
                 boka_mote = excluded.boka_mote, kontaktperson = excluded.kontaktperson, andrad = excluded.andrad, andrad_av = excluded.andrad_av",
                &[
                    v(kommun),
                    v(enhet),
                    k.telefon.as_str().into(),
                    k.telefontider.as_str().into(),
                    k.besoksadress.as_str().into(),
                    k.besokstider.as_str().into(),
                    k.epost.as_str().into(),
                    k.boka_mote.as_str().into(),
                    k.kontaktperson.as_str().into(),
                    tidstext(nu).into(),
                    v(av),
                ],
            )
            .await
            .map(|_| ())
    }

    /// The covers in the kommun that hold on `idag` or later, by handläggare.
    pub async fn ersattare(
        &self,
        kommun: KommunId,
        idag: Date,
    ) -> Result<Vec<Ersattare>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT handlaggare, ersattare, till FROM ersattare WHERE kommun = $1 AND till >= $2 ORDER BY till",
                &[v(kommun), datumtext(idag).into()],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(Ersattare {
                    handlaggare: r.parse("handlaggare")?,
                    ersattare: r.parse("ersattare")?,
                    till: r.datum("till")?,
                })
            })
            .collect()
    }

    /// Who covers for `handlaggare` on `idag`, if anyone.
    pub async fn ersattare_for(
        &self,
        kommun: KommunId,
        handlaggare: AnvandarId,
        idag: Date,
    ) -> Result<Option<Ersattare>, StoreError> {
        let r = self
            .0
            .db
            .fetch_optional(
                "SELECT handlaggare, ersattare, till FROM ersattare WHERE kommun = $1 AND handlaggare = $2 AND till >= $3",
                &[v(kommun), v(handlaggare), datumtext(idag).into()],
            )
            .await?;
        r.map(|r| {
            Ok(Ersattare {
                handlaggare: r.parse("handlaggare")?,
                ersattare: r.parse("ersattare")?,
                till: r.datum("till")?,
            })
        })
        .transpose()
    }

    /// Sets who covers for a handläggare until a day; replaces an earlier cover.
    pub async fn satt_ersattare(
        &self,
        kommun: KommunId,
        e: &Ersattare,
        av: AnvandarId,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.0
            .db
            .execute(
                "INSERT INTO ersattare (kommun, handlaggare, ersattare, till, satt, satt_av) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (kommun, handlaggare) DO UPDATE SET ersattare = excluded.ersattare, till = excluded.till, \
                 satt = excluded.satt, satt_av = excluded.satt_av",
                &[
                    v(kommun),
                    v(e.handlaggare),
                    v(e.ersattare),
                    datumtext(e.till).into(),
                    tidstext(nu).into(),
                    v(av),
                ],
            )
            .await
            .map(|_| ())
    }

    /// Ends a cover before its day (the handläggare is back).
    pub async fn avsluta_ersattare(
        &self,
        kommun: KommunId,
        handlaggare: AnvandarId,
    ) -> Result<bool, StoreError> {
        self.0
            .db
            .execute(
                "DELETE FROM ersattare WHERE kommun = $1 AND handlaggare = $2",
                &[v(kommun), v(handlaggare)],
            )
            .await
            .map(|n| n > 0)
    }
}
