//! The months of försörjningsstöd as rows (issue 16, item 7), for the monthly statistics to
//! Socialstyrelsen (HSLF-FS 2015:30 3 §). A month's household is only in that month's
//! `ForsorjningsstodBeraknat` event (the case's state keeps the newest month's alone), so the
//! row is written from the event itself, in the step's transaction; a new calculation of the
//! same month replaces it. What was paid for the month comes from `utbetalning` when read.

use lots_domain::Arende;
use lots_domain::arende::Handelse;
use lots_domain::forsorjningsstod::Manad;
use lots_domain::forsorjningsstod::hinder::Forsorjningshinder;
use lots_domain::forsorjningsstod::plan::Slutorsak;
use lots_domain::forsorjningsstod::riksnorm::Vuxna;
use lots_domain::forsorjningsstod::statistik::Manadsrad;
use lots_domain::identitet::{Identitet, IdentitetsTyp};
use lots_domain::ids::{ArendeId, KommunId, PersonId};

use crate::db::{Tx, V};
use crate::org::v;
use crate::{RapportArende, Rapporter, StoreError};

pub(crate) const FORSORJNINGSSTOD_MANAD: &str = "forsorjningsstod_manad (arende, kommun, person, manad, vuxna, barn, belopp, hinder, medsokande)";

/// The row of a month's calculation, if the event is one: (month, row).
pub(crate) fn manadsrad(
    arende: ArendeId,
    person: PersonId,
    kommun: KommunId,
    h: &Handelse,
) -> Result<Option<(Manad, Vec<V>)>, StoreError> {
    let Handelse::ForsorjningsstodBeraknat {
        underlag,
        berakning,
        ..
    } = h
    else {
        return Ok(None);
    };
    let m = berakning.manad;
    let vuxna = match underlag.hushall.vuxna {
        Vuxna::Ensam => "ensam",
        Vuxna::Sambo => "sambo",
    };
    Ok(Some((
        m,
        vec![
            v(arende),
            v(kommun),
            v(person),
            m.to_string().into(),
            vuxna.into(),
            (underlag.hushall.barn.len() as i64).into(),
            berakning.bistand().into(),
            serde_json::to_string(&underlag.forsorjningshinder)?.into(),
            // Only a personnummer or samordningsnummer identifies an adult to the register.
            underlag
                .medsokande
                .as_ref()
                .filter(|i| i.typ() != IdentitetsTyp::Reservnummer)
                .map(|i| i.varde().to_owned())
                .into(),
        ],
    )))
}

/// Writes the rows of the months the step's events calculated, each replacing the month's row.
pub(crate) async fn skriv_manader(
    tx: &mut Tx,
    arende: ArendeId,
    person: PersonId,
    kommun: KommunId,
    handelser: &[Handelse],
) -> Result<(), StoreError> {
    for h in handelser {
        if let Some((m, rad)) = manadsrad(arende, person, kommun, h)? {
            tx.execute(
                "DELETE FROM forsorjningsstod_manad WHERE arende = $1 AND manad = $2",
                &[v(arende), m.to_string().into()],
            )
            .await?;
            tx.infoga(FORSORJNINGSSTOD_MANAD, &[rad]).await?;
        }
        if let Some((m, vem)) = manadens_medsokande(h) {
            tx.execute(
                "DELETE FROM forsorjningsstod_medsokande WHERE arende = $1 AND manad = $2",
                &[v(arende), m.to_string().into()],
            )
            .await?;
            if let Some(vem) = vem {
                tx.infoga(
                    FORSORJNINGSSTOD_MEDSOKANDE,
                    &[medsokanderad(arende, kommun, m, vem)],
                )
                .await?;
            }
        }
    }
    Ok(())
}

pub(crate) const FORSORJNINGSSTOD_MEDSOKANDE: &str =
    "forsorjningsstod_medsokande (arende, kommun, manad, identitet)";

/// The medsökande of the month, from the application or the calculation, whichever came
/// last (issue 15, item 1): what lets them see the joint application on Mina sidor.
fn manadens_medsokande(h: &Handelse) -> Option<(Manad, Option<&Identitet>)> {
    match h {
        Handelse::ManadsansokanInlamnad(a) => Some((a.manad, a.medsokande.as_ref())),
        Handelse::ForsorjningsstodBeraknat {
            underlag,
            berakning,
            ..
        } => Some((berakning.manad, underlag.medsokande.as_ref())),
        _ => None,
    }
}

fn medsokanderad(arende: ArendeId, kommun: KommunId, m: Manad, vem: &Identitet) -> Vec<V> {
    vec![
        v(arende),
        v(kommun),
        m.to_string().into(),
        vem.varde().into(),
    ]
}

/// The rows of `forsorjningsstod_medsokande` for a whole history (the bulk import): each
/// month's last word on who the medsökande is, as `skriv_manader` leaves it step by step.
pub(crate) fn medsokanderader(
    arende: ArendeId,
    kommun: KommunId,
    handelser: &[&Handelse],
) -> Vec<Vec<V>> {
    let mut per_manad: std::collections::BTreeMap<Manad, Option<&Identitet>> = Default::default();
    for h in handelser {
        if let Some((m, vem)) = manadens_medsokande(h) {
            per_manad.insert(m, vem);
        }
    }
    per_manad
        .into_iter()
        .filter_map(|(m, vem)| vem.map(|vem| medsokanderad(arende, kommun, m, vem)))
        .collect()
}

pub(crate) const FORSORJNINGSSTOD_AVSLUT: &str =
    "forsorjningsstod_avslut (arende, kommun, manad, datum, orsak)";

/// The row of `forsorjningsstod_avslut` for a case whose aid ended: reported with the case's
/// last month with aid at or before the day it ended (the month of that day if none).
pub(crate) fn avslutsrader(a: &Arende, kommun: KommunId) -> Vec<Vec<V>> {
    let Some((datum, orsak)) = a.bistand_avslutat else {
        return vec![];
    };
    let slut = Manad::for_dag(datum);
    let manad = a
        .forsorjningsstod
        .iter()
        .filter(|(m, belopp)| *belopp > 0 && *m <= slut)
        .map(|(m, _)| *m)
        .max()
        .unwrap_or(slut);
    vec![vec![
        v(a.id),
        v(kommun),
        manad.to_string().into(),
        datum.to_string().into(),
        orsak.kod().into(),
    ]]
}

/// The case's end of aid, as its state gives it now.
pub(crate) async fn skriv_avslut(
    tx: &mut Tx,
    a: &Arende,
    kommun: KommunId,
) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM forsorjningsstod_avslut WHERE arende = $1",
        &[v(a.id)],
    )
    .await?;
    tx.infoga(FORSORJNINGSSTOD_AVSLUT, &avslutsrader(a, kommun))
        .await
}

/// A case's rows from its whole history, the newest calculation of each month: for the import.
pub(crate) fn manadsrader(
    arende: ArendeId,
    person: PersonId,
    kommun: KommunId,
    handelser: &[&Handelse],
) -> Result<Vec<Vec<V>>, StoreError> {
    let mut per: std::collections::BTreeMap<Manad, Vec<V>> = Default::default();
    for h in handelser {
        if let Some((m, rad)) = manadsrad(arende, person, kommun, h)? {
            per.insert(m, rad);
        }
    }
    Ok(per.into_values().collect())
}

/// The select of the months, with the case's diarienummer, the applicant's number and what
/// was paid for the month (sent) and is still to go out (planned, not sent). PostgreSQL sums
/// BIGINT as NUMERIC: the cast keeps both databases' answer an integer.
const MANADER: &str = "SELECT f.arende, f.person, f.manad, f.vuxna, f.barn, f.belopp, f.hinder, f.medsokande, \
     a.diarienummer, a.enhet, a.handlaggare, p.identitet_typ, p.identitet, p.skyddad, s.orsak, \
     CAST(COALESCE((SELECT SUM(u.belopp) FROM utbetalning u WHERE u.arende = f.arende AND u.kommun = f.kommun \
       AND u.manad = f.manad AND u.lage = 'skickad'), 0) AS BIGINT) AS utbetalt, \
     CAST(COALESCE((SELECT SUM(u.belopp) FROM utbetalning u WHERE u.arende = f.arende AND u.kommun = f.kommun \
       AND u.manad = f.manad AND u.lage IN ('attest', 'klar')), 0) AS BIGINT) AS ej_skickat \
     FROM forsorjningsstod_manad f JOIN arende a ON a.id = f.arende AND a.kommun = f.kommun \
     JOIN person p ON p.id = f.person AND p.kommun = f.kommun \
     LEFT JOIN forsorjningsstod_avslut s ON s.arende = f.arende AND s.kommun = f.kommun AND s.manad = f.manad \
     WHERE f.kommun = $1 AND f.manad >= $2 AND f.manad <= $3 \
     ORDER BY f.manad, f.arende";

fn las(r: &crate::db::Rad) -> Result<(Manadsrad, RapportArende), StoreError> {
    let hinder: Vec<String> = serde_json::from_str(&r.text("hinder")?)?;
    // Only a personnummer or samordningsnummer identifies the person to the register.
    let personnummer = match IdentitetsTyp::fran_kod(&r.text("identitet_typ")?) {
        Some(IdentitetsTyp::Personnummer | IdentitetsTyp::Samordningsnummer) => {
            Some(r.text("identitet")?)
        }
        _ => None,
    };
    let arende = RapportArende {
        id: r.parse("arende")?,
        person: r.parse("person")?,
        enhet: r.parse("enhet")?,
        handlaggare: r.opt_parse("handlaggare")?,
        skyddad: r.int("skyddad")? != 0,
    };
    let rad = Manadsrad {
        arende: arende.id,
        diarienummer: r.opt_text("diarienummer")?,
        person: r.parse("person")?,
        personnummer,
        medsokande: r.opt_text("medsokande")?,
        manad: r.parse("manad")?,
        vuxna: match r.text("vuxna")?.as_str() {
            "sambo" => Vuxna::Sambo,
            _ => Vuxna::Ensam,
        },
        barn: u32::try_from(r.int("barn")?).unwrap_or(0),
        beraknat: r.int("belopp")?,
        utbetalt: r.int("utbetalt")?,
        ej_skickat: r.int("ej_skickat")?,
        hinder: hinder
            .iter()
            .filter_map(|k| Forsorjningshinder::fran_kod(k))
            .collect(),
        avslut: r
            .opt_text("orsak")?
            .as_deref()
            .and_then(Slutorsak::fran_kod),
    };
    Ok((rad, arende))
}

impl Rapporter<'_> {
    /// The kommun's months of försörjningsstöd from `fran` to `till`, both included, each with
    /// its case as the policy and the audit need it.
    pub async fn forsorjningsstod_manader(
        &self,
        kommun: KommunId,
        fran: Manad,
        till: Manad,
    ) -> Result<Vec<(Manadsrad, RapportArende)>, StoreError> {
        self.0
            .db
            .fetch_all(
                MANADER,
                &[v(kommun), fran.to_string().into(), till.to_string().into()],
            )
            .await?
            .iter()
            .map(las)
            .collect()
    }
}
