//! What the reports need, read from the tables the projection keeps for them: each wait of a
//! granted decision (`vantan`) and each decision (`delegationsbeslut`), with what the report may
//! say about the person (never the name) and what the policy needs of the case. The domain
//! computes the rows (`lots_domain::rapport::vantetider`, `arendets_beslut`) and selects from
//! them; the SQL narrows by the index only with conditions the domain's rule implies, so a
//! report reads the rows of its period and not every case the kommun has.

use lots_domain::arende::{Arende, Handelse};
use lots_domain::delegation::DelegationsRef;
use lots_domain::identitet::{Identitet, IdentitetsTyp};
use lots_domain::ids::{ArendeId, BeslutId, KommunId};
use lots_domain::insats::{InsatsTyp, Lagrum, Utfall};
use lots_domain::rapport::{
    Avidentifierad, Delegationsbeslut, Kvartal, Slut, Upphorande, Vantan, arendets_beslut,
    vantetider,
};
use time::Date;

use crate::db::{Rad, Tx, V};
use crate::org::v;
use crate::{Rapporter, Store, StoreError, datumtext};

/// A case listed in a report: what the policy needs to decide whether the user may open it,
/// and the audit to name it. Read from the case's row, not from its stored state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RapportArende {
    pub id: ArendeId,
    pub person: lots_domain::ids::PersonId,
    pub enhet: lots_domain::ids::EnhetId,
    pub handlaggare: Option<lots_domain::ids::AnvandarId>,
    /// The person has skyddade personuppgifter: the policy decides who may open the case.
    pub skyddad: bool,
}

/// A wait of a granted decision, with the person's sex and birth date.
#[derive(Debug, Clone)]
pub struct RapportVantan {
    pub vantan: Vantan,
    /// Its place among the case's waits, as `vantetider` gives them: the order of waits that
    /// the report's sorting does not tell apart.
    pub nr: i64,
    pub person: Avidentifierad,
    pub arende: RapportArende,
}

/// A decision, for the list to the nämnd.
#[derive(Debug, Clone)]
pub struct RapportBeslut {
    pub beslut: Delegationsbeslut,
    pub arende: RapportArende,
}

/// Where a decision stands in the list of delegated decisions: its day, case and decision, the
/// order the list is read in. A page of the list starts after one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Beslutsnyckel {
    pub datum: Date,
    pub arende: ArendeId,
    pub beslut: BeslutId,
}

impl Beslutsnyckel {
    pub fn av(b: &Delegationsbeslut) -> Self {
        Self {
            datum: b.datum,
            arende: b.arende,
            beslut: b.beslut,
        }
    }
}

/// The key's three values as the queries compare them; before every decision when `None`.
fn nyckelvarden(k: Option<Beslutsnyckel>) -> [V; 3] {
    match k {
        None => ["".into(), "".into(), "".into()],
        Some(k) => [datumtext(k.datum).into(), v(k.arende), v(k.beslut)],
    }
}

/// The reason given when an insats was interrupted: the folded case keeps only the dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Avbrottsorsak {
    pub beslut: BeslutId,
    pub datum: Date,
    pub orsak: String,
}

/// Rows per query when a report reads its rows page by page. Only a test changes it
/// (`provning::satt_rapportsida`), to read a few rows over several pages.
pub(crate) static SIDA: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(2_000);

fn sida() -> i64 {
    SIDA.load(std::sync::atomic::Ordering::Relaxed)
}

/// `slut_datum` of a wait that goes on: after every real day, so that "went on at or after
/// day d" is one range on the index.
pub(crate) const PAGAR: &str = "9999-12-31";

// ---------------------------------------------------------------------------
// The rows, as the projection writes them and the reports read them back
// ---------------------------------------------------------------------------

/// `vantan` with its columns, for `Tx::infoga`: the rows `vanterader` gives.
pub(crate) const VANTAN: &str = "vantan (arende, nr, kommun, person, beslut, insats, lagrum, \
     beslutsdatum, avbrott, tre_manader, slut, slut_datum, upphorande, skal)";

/// `delegationsbeslut` with its columns, for `Tx::infoga`: the rows `beslutsrader` gives.
pub(crate) const DELEGATIONSBESLUT: &str = "delegationsbeslut (arende, beslut, kommun, person, \
     datum, insats, utfall, lagrum, beslutsfattare, delegation_version, delegation_punkt, \
     efter_omprovning)";

fn slut_kod(s: Slut) -> &'static str {
    match s {
        Slut::Verkstallt(_) => "verkstallt",
        Slut::Aterupptaget(_) => "aterupptaget",
        Slut::Upphort(..) => "upphort",
    }
}

/// The case's rows in `vantan`: its waits, exactly as `vantetider` gives them.
pub(crate) fn vanterader(a: &Arende, kommun: KommunId) -> Vec<Vec<V>> {
    vantetider(a)
        .into_iter()
        .enumerate()
        .map(|(nr, w)| {
            vec![
                v(w.arende),
                (nr as i64).into(),
                v(kommun),
                v(w.person),
                v(w.beslut),
                w.insats.kod().into(),
                w.lagrum.kod().into(),
                datumtext(w.beslutsdatum).into(),
                V::T(w.avbrott.map(datumtext)),
                datumtext(w.tre_manader).into(),
                V::T(w.slut.map(|s| slut_kod(s).to_owned())),
                w.slut
                    .map_or_else(|| PAGAR.to_owned(), |s| datumtext(s.datum()))
                    .into(),
                V::T(w.slut.and_then(|s| match s {
                    Slut::Upphort(_, u) => Some(u.kod().to_owned()),
                    _ => None,
                })),
                V::T(w.skal),
            ]
        })
        .collect()
}

/// The case's rows in `delegationsbeslut`: every decision, as `arendets_beslut` gives them.
pub(crate) fn beslutsrader(a: &Arende, kommun: KommunId) -> Vec<Vec<V>> {
    arendets_beslut(a)
        .into_iter()
        .map(|b| {
            vec![
                v(b.arende),
                v(b.beslut),
                v(kommun),
                v(b.person),
                datumtext(b.datum).into(),
                b.insats.kod().into(),
                b.utfall.kod().into(),
                b.lagrum.kod().into(),
                v(b.beslutsfattare),
                b.delegation.version.into(),
                b.delegation.punkt.into(),
                b.efter_omprovning.into(),
            ]
        })
        .collect()
}

/// The case's rows in both report tables, as its state gives them now.
pub(crate) async fn skriv_rapportrader(
    tx: &mut Tx,
    a: &Arende,
    kommun: KommunId,
) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM vantan WHERE kommun = $1 AND arende = $2",
        &[v(kommun), v(a.id)],
    )
    .await?;
    tx.execute(
        "DELETE FROM delegationsbeslut WHERE kommun = $1 AND arende = $2",
        &[v(kommun), v(a.id)],
    )
    .await?;
    tx.infoga(VANTAN, &vanterader(a, kommun)).await?;
    tx.infoga(DELEGATIONSBESLUT, &beslutsrader(a, kommun)).await
}

fn okand(vad: &str, kod: &str) -> StoreError {
    StoreError::Korrupt(format!("okänd {vad}: {kod}"))
}

/// A row of `vantan` read back.
pub(crate) fn vantan_fran(r: &Rad) -> Result<Vantan, StoreError> {
    let insats = r.text("insats")?;
    let lagrum = r.text("lagrum")?;
    let slut = match r.opt_text("slut")? {
        None => None,
        Some(kod) => {
            let d = r.datum("slut_datum")?;
            Some(match kod.as_str() {
                "verkstallt" => Slut::Verkstallt(d),
                "aterupptaget" => Slut::Aterupptaget(d),
                "upphort" => {
                    let u = r.text("upphorande")?;
                    Slut::Upphort(
                        d,
                        Upphorande::fran_kod(&u).ok_or_else(|| okand("upphörandeorsak", &u))?,
                    )
                }
                _ => return Err(okand("slut på väntan", &kod)),
            })
        }
    };
    Ok(Vantan {
        arende: r.parse("arende")?,
        person: r.parse("person")?,
        beslut: r.parse("beslut")?,
        insats: InsatsTyp::fran_kod(&insats).ok_or_else(|| okand("insats", &insats))?,
        lagrum: Lagrum::fran_kod(&lagrum).ok_or_else(|| okand("lagrum", &lagrum))?,
        beslutsdatum: r.datum("beslutsdatum")?,
        avbrott: r
            .opt_text("avbrott")?
            .map(|d| crate::las_datum(&d))
            .transpose()?,
        tre_manader: r.datum("tre_manader")?,
        slut,
        skal: r.opt_text("skal")?,
    })
}

/// A row of `delegationsbeslut` read back.
pub(crate) fn delegationsbeslut_fran(r: &Rad) -> Result<Delegationsbeslut, StoreError> {
    let insats = r.text("insats")?;
    let utfall = r.text("utfall")?;
    let lagrum = r.text("lagrum")?;
    Ok(Delegationsbeslut {
        arende: r.parse("arende")?,
        person: r.parse("person")?,
        beslut: r.parse("beslut")?,
        datum: r.datum("datum")?,
        insats: InsatsTyp::fran_kod(&insats).ok_or_else(|| okand("insats", &insats))?,
        utfall: Utfall::fran_kod(&utfall).ok_or_else(|| okand("utfall", &utfall))?,
        lagrum: Lagrum::fran_kod(&lagrum).ok_or_else(|| okand("lagrum", &lagrum))?,
        beslutsfattare: r.parse("beslutsfattare")?,
        delegation: DelegationsRef {
            version: r.int("delegation_version")?,
            punkt: r.text("delegation_punkt")?,
        },
        efter_omprovning: r.int("efter_omprovning")? != 0,
    })
}

/// The case's waits and decisions as stored in the report tables, in the order the
/// projection wrote them: for `Arenden::verifiera`.
pub(crate) async fn lagrade_rapportrader(
    db: &crate::db::Db,
    arende: ArendeId,
) -> Result<(Vec<Vantan>, Vec<Delegationsbeslut>), StoreError> {
    let vantan = db
        .fetch_all(
            "SELECT * FROM vantan WHERE arende = $1 ORDER BY nr",
            &[v(arende)],
        )
        .await?
        .iter()
        .map(vantan_fran)
        .collect::<Result<_, _>>()?;
    let mut beslut: Vec<Delegationsbeslut> = db
        .fetch_all(
            "SELECT * FROM delegationsbeslut WHERE arende = $1",
            &[v(arende)],
        )
        .await?
        .iter()
        .map(delegationsbeslut_fran)
        .collect::<Result<_, _>>()?;
    beslut.sort_by_key(|b| b.beslut);
    Ok((vantan, beslut))
}

fn rapportarende(r: &Rad) -> Result<RapportArende, StoreError> {
    Ok(RapportArende {
        id: r.parse("arende")?,
        person: r.parse("person")?,
        enhet: r.parse("enhet")?,
        handlaggare: r.opt_parse("handlaggare")?,
        skyddad: r.int("skyddad")? != 0,
    })
}

fn avidentifierad(r: &Rad) -> Result<Avidentifierad, StoreError> {
    let typ = IdentitetsTyp::fran_kod(&r.text("identitet_typ")?)
        .ok_or_else(|| StoreError::Korrupt("okänd identitetstyp".into()))?;
    Ok(Avidentifierad::av(&Identitet::fran_lagrat(
        typ,
        r.text("identitet")?,
    )))
}

// ---------------------------------------------------------------------------
// The reports' queries
// ---------------------------------------------------------------------------

/// A wait with its case's enhet and handläggare and what the report may say about the person:
/// sex and birth date from the identity, never the name.
macro_rules! vantan_med_arende {
    () => {
        "SELECT v.arende, v.nr, v.person, v.beslut, v.insats, v.lagrum, v.beslutsdatum, v.avbrott, \
         v.tre_manader, v.slut, v.slut_datum, v.upphorande, v.skal, a.enhet, a.handlaggare, \
         p.identitet_typ, p.identitet, p.skyddad \
         FROM vantan v JOIN arende a ON a.id = v.arende AND a.kommun = v.kommun JOIN person p ON p.id = v.person AND p.kommun = v.kommun "
    };
}

/// Page after page in the order of the index `vantan_slut`, from the last row of the one
/// before (keyset); `$n` of the keyset follow the query's own parameters.
macro_rules! vantan_sida {
    ($villkor:literal, $n:literal, $m:literal, $o:literal, $p:literal, $q:literal) => {
        concat!(
            vantan_med_arende!(),
            "WHERE ",
            $villkor,
            " AND (v.slut_datum, v.tre_manader, v.arende, v.nr) > (",
            $n,
            ", ",
            $m,
            ", ",
            $o,
            ", ",
            $p,
            ") ORDER BY v.slut_datum, v.tre_manader, v.arende, v.nr LIMIT ",
            $q
        )
    };
}

impl Rapporter<'_> {
    /// Every wait of the kommun that may have a line in the report to IVO for `kvartal`, each
    /// given to `f`, read a page at a time.
    ///
    /// The invariant that keeps this right: the SQL only narrows by what the domain's rule
    /// (`lots_domain::rapport::ivo_post`) requires of every wait it reports — the three months
    /// ended before the quarter's last day (`rapporteras_fran() <= sista_dag`), the wait did
    /// not end before the quarter's first day, and it outlasted its three months
    /// (`forsenad`). A wait outside these has no line whatever else holds; which of the rest
    /// has a line, and in which section, the domain decides. Change that rule and this
    /// narrowing together.
    pub async fn ivo_vantetider(
        &self,
        kommun: KommunId,
        kvartal: Kvartal,
        f: impl FnMut(RapportVantan),
    ) -> Result<(), StoreError> {
        self.vantetider(
            vantan_sida!(
                "v.kommun = $1 AND v.slut_datum >= $2 AND v.tre_manader < $3 \
                 AND v.slut_datum > v.tre_manader",
                "$4",
                "$5",
                "$6",
                "$7",
                "$8"
            ),
            vec![
                v(kommun),
                datumtext(kvartal.forsta_dag()).into(),
                datumtext(kvartal.sista_dag()).into(),
            ],
            f,
        )
        .await
    }

    /// `ivo_vantetider` for one enhet's cases: the arbetsledare's view of the quarter so far
    /// (`lots_domain::rapport::ivo_post_hittills`). The same narrowing as the report, on the
    /// same index, with the case's enhet.
    pub async fn ivo_vantetider_enhet(
        &self,
        kommun: KommunId,
        enhet: lots_domain::ids::EnhetId,
        kvartal: Kvartal,
        f: impl FnMut(RapportVantan),
    ) -> Result<(), StoreError> {
        self.vantetider(
            vantan_sida!(
                "v.kommun = $1 AND v.slut_datum >= $2 AND v.tre_manader < $3 \
                 AND v.slut_datum > v.tre_manader AND a.enhet = $4",
                "$5",
                "$6",
                "$7",
                "$8",
                "$9"
            ),
            vec![
                v(kommun),
                datumtext(kvartal.forsta_dag()).into(),
                datumtext(kvartal.sista_dag()).into(),
                v(enhet),
            ],
            f,
        )
        .await
    }

    /// Every wait of the kommun that still went on, beyond its three months, at the end of
    /// `dag`, each given to `f`: what the statistics to kommunfullmäktige count
    /// (`KfStatistik::rakna`). The SQL is the domain's rule
    /// (`Vantan::vantar_efter_tre_manader`) as an index range; the domain still decides.
    pub async fn kf_vantetider(
        &self,
        kommun: KommunId,
        dag: Date,
        f: impl FnMut(RapportVantan),
    ) -> Result<(), StoreError> {
        self.vantetider(
            vantan_sida!(
                "v.kommun = $1 AND v.slut_datum > $2 AND v.tre_manader < $2",
                "$3",
                "$4",
                "$5",
                "$6",
                "$7"
            ),
            vec![v(kommun), datumtext(dag).into()],
            f,
        )
        .await
    }

    /// Runs a `vantan_sida!` query page by page: memory holds one page, whatever the kommun's
    /// size.
    async fn vantetider(
        &self,
        sql: &'static str,
        urval: Vec<V>,
        mut f: impl FnMut(RapportVantan),
    ) -> Result<(), StoreError> {
        let mut nyckel: Vec<V> = vec!["".into(), "".into(), "".into(), (-1i64).into()];
        let sida = sida();
        loop {
            let mut p = urval.clone();
            p.extend(nyckel.iter().cloned());
            p.push(sida.into());
            let rader = self.0.db.fetch_all(sql, &p).await?;
            if let Some(r) = rader.last() {
                nyckel = vec![
                    r.text("slut_datum")?.into(),
                    r.text("tre_manader")?.into(),
                    r.text("arende")?.into(),
                    r.int("nr")?.into(),
                ];
            }
            for r in &rader {
                f(RapportVantan {
                    vantan: vantan_fran(r)?,
                    nr: r.int("nr")?,
                    person: avidentifierad(r)?,
                    arende: rapportarende(r)?,
                });
            }
            if (rader.len() as i64) < sida {
                return Ok(());
            }
        }
    }

    /// Every decision of the kommun dated from `fran` to `till`, both included, each given to
    /// `f`, read a page at a time. The range is the domain's
    /// (`Delegationsbeslut::i_perioden`).
    pub async fn delegationsbeslut(
        &self,
        kommun: KommunId,
        fran: Date,
        till: Date,
        mut f: impl FnMut(RapportBeslut),
    ) -> Result<(), StoreError> {
        let mut efter = None;
        let sida = sida();
        loop {
            let rader = self
                .delegationsbeslut_sida(kommun, fran, till, efter, sida)
                .await?;
            let n = rader.len() as i64;
            efter = rader.last().map(|r| Beslutsnyckel::av(&r.beslut));
            rader.into_iter().for_each(&mut f);
            if n < sida {
                return Ok(());
            }
        }
    }

    /// At most `antal` decisions of the kommun dated from `fran` to `till`, in the order
    /// (datum, ärende, beslut), starting after `efter`: one range on the index
    /// `delegationsbeslut (kommun, datum)`, so a page costs the same in January as in December.
    pub async fn delegationsbeslut_sida(
        &self,
        kommun: KommunId,
        fran: Date,
        till: Date,
        efter: Option<Beslutsnyckel>,
        antal: i64,
    ) -> Result<Vec<RapportBeslut>, StoreError> {
        let mut p = vec![v(kommun), datumtext(fran).into(), datumtext(till).into()];
        p.extend(nyckelvarden(efter));
        p.push(antal.into());
        let rader = self
            .0
            .db
            .fetch_all(
                "SELECT d.arende, d.beslut, d.person, d.datum, d.insats, d.utfall, d.lagrum, \
                 d.beslutsfattare, d.delegation_version, d.delegation_punkt, d.efter_omprovning, \
                 a.enhet, a.handlaggare, p.skyddad \
                 FROM delegationsbeslut d JOIN arende a ON a.id = d.arende AND a.kommun = d.kommun JOIN person p ON p.id = d.person AND p.kommun = d.kommun \
                 WHERE d.kommun = $1 AND d.datum >= $2 AND d.datum <= $3 \
                 AND (d.datum, d.arende, d.beslut) > ($4, $5, $6) \
                 ORDER BY d.datum, d.arende, d.beslut LIMIT $7",
                &p,
            )
            .await?;
        rader
            .iter()
            .map(|r| {
                Ok(RapportBeslut {
                    beslut: delegationsbeslut_fran(r)?,
                    arende: rapportarende(r)?,
                })
            })
            .collect()
    }

    /// How many of the kommun's decisions dated from `fran` to `till` come up to and including
    /// `till_och_med` (all of them when `None`): a count over the same index range, so that a
    /// page can say where in the list it is.
    pub async fn antal_delegationsbeslut(
        &self,
        kommun: KommunId,
        fran: Date,
        till: Date,
        till_och_med: Option<Beslutsnyckel>,
    ) -> Result<i64, StoreError> {
        let mut p = vec![v(kommun), datumtext(fran).into(), datumtext(till).into()];
        let sql = match till_och_med {
            None => {
                "SELECT COUNT(*) AS n FROM delegationsbeslut \
                 WHERE kommun = $1 AND datum >= $2 AND datum <= $3"
            }
            Some(k) => {
                p.extend(nyckelvarden(Some(k)));
                "SELECT COUNT(*) AS n FROM delegationsbeslut \
                 WHERE kommun = $1 AND datum >= $2 AND datum <= $3 \
                 AND (datum, arende, beslut) <= ($4, $5, $6)"
            }
        };
        match self.0.db.fetch_optional(sql, &p).await? {
            Some(r) => r.int("n"),
            None => Ok(0),
        }
    }

    /// The reasons given for the interruptions of the insatser in the given cases, each case's
    /// in the order recorded: read by the case's own events, not the kommun's.
    pub async fn avbrottsorsaker(
        &self,
        kommun: KommunId,
        arenden: impl IntoIterator<Item = ArendeId>,
    ) -> Result<Vec<Avbrottsorsak>, StoreError> {
        let mut ut = vec![];
        for arende in arenden {
            let rader = self
                .0
                .db
                .fetch_all(
                    "SELECT payload FROM handelse WHERE kommun = $1 AND arende = $2 \
                     AND kind = 'verkstallighet_avbruten' ORDER BY seq",
                    &[v(kommun), v(arende)],
                )
                .await?;
            for r in &rader {
                if let Handelse::VerkstallighetAvbruten {
                    beslut,
                    datum,
                    orsak,
                } = serde_json::from_str::<Handelse>(&r.text("payload")?)?
                {
                    ut.push(Avbrottsorsak {
                        beslut,
                        datum,
                        orsak,
                    });
                }
            }
        }
        Ok(ut)
    }
}

impl Rapporter<'_> {
    /// For `/metrics`: open bevakningar whose day has passed, per enhet of the kommun.
    pub async fn forsenade_bevakningar_per_enhet(
        &self,
        kommun: KommunId,
        idag: Date,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        self.0
            .db
            .fetch_all(
                "SELECT e.namn, COUNT(*) AS n FROM bevakning b JOIN enhet e ON e.id = b.enhet AND e.kommun = b.kommun \
                 WHERE b.kommun = $1 AND b.datum < $2 GROUP BY e.namn ORDER BY e.namn",
                &[v(kommun), datumtext(idag).into()],
            )
            .await?
            .iter()
            .map(|r| Ok((r.text("namn")?, r.int("n")?)))
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Filling the tables for the cases stored before they existed
// ---------------------------------------------------------------------------

impl Store {
    /// Fills `vantan` and `delegationsbeslut` from the stored state of every case with a
    /// decision, while the row 'rapporttabeller' is in `uppgradering` (put there by the
    /// migration that made the tables; put it there again when what the rows hold changes).
    /// In transactions of `Store::uppgraderingsbit` cases in id order, each recording the last case done,
    /// so a `lots migrate` that is stopped goes on where it was; memory holds one batch.
    pub(crate) async fn fyll_rapporttabeller(&self) -> Result<(), StoreError> {
        const NAMN: &str = "rapporttabeller";
        let Some(mut senast) = self.uppgradering_kvar(NAMN).await? else {
            return Ok(());
        };
        let totalt = self
            .db
            .fetch_optional(
                "SELECT COUNT(*) AS n FROM arende a WHERE EXISTS (SELECT 1 FROM handelse h \
                 WHERE h.kommun = a.kommun AND h.arende = a.id AND h.kind = 'beslut_fattat')",
                &[],
            )
            .await?
            .map(|r| r.int("n"))
            .transpose()?
            .unwrap_or(0);
        let mut framsteg = crate::Framsteg::borja("filling the report tables", totalt, &senast);
        loop {
            let mut tx = self.db.begin().await?;
            // Cases with a decision: the others have no rows. The lock keeps a step on a
            // case of the batch (PostgreSQL) from writing its rows in between.
            let sql = if tx.ar_postgres() {
                "SELECT a.id, a.kommun, a.tillstand FROM arende a WHERE a.id > $1 AND EXISTS \
                 (SELECT 1 FROM handelse h WHERE h.kommun = a.kommun AND h.arende = a.id \
                 AND h.kind = 'beslut_fattat') ORDER BY a.id LIMIT $2 FOR UPDATE"
            } else {
                "SELECT a.id, a.kommun, a.tillstand FROM arende a WHERE a.id > $1 AND EXISTS \
                 (SELECT 1 FROM handelse h WHERE h.kommun = a.kommun AND h.arende = a.id \
                 AND h.kind = 'beslut_fattat') ORDER BY a.id LIMIT $2"
            };
            let rader = tx
                .fetch_all(
                    sql,
                    &[senast.as_str().into(), Self::uppgraderingsbit().into()],
                )
                .await?;
            let Some(sista) = rader.last().map(|r| r.text("id")).transpose()? else {
                tx.execute("DELETE FROM uppgradering WHERE namn = $1", &[NAMN.into()])
                    .await?;
                tx.commit().await?;
                break;
            };
            let mut vantan = vec![];
            let mut beslut = vec![];
            for r in &rader {
                let a: Arende = serde_json::from_str(&r.text("tillstand")?)?;
                let kommun: KommunId = r.parse("kommun")?;
                vantan.extend(vanterader(&a, kommun));
                beslut.extend(beslutsrader(&a, kommun));
            }
            // Whatever an earlier, stopped run left of this batch's range.
            let intervall = [senast.as_str().into(), sista.as_str().into()];
            tx.execute(
                "DELETE FROM vantan WHERE arende > $1 AND arende <= $2",
                &intervall,
            )
            .await?;
            tx.execute(
                "DELETE FROM delegationsbeslut WHERE arende > $1 AND arende <= $2",
                &intervall,
            )
            .await?;
            tx.infoga(VANTAN, &vantan).await?;
            tx.infoga(DELEGATIONSBESLUT, &beslut).await?;
            tx.execute(
                "UPDATE uppgradering SET senast = $2 WHERE namn = $1",
                &[NAMN.into(), sista.as_str().into()],
            )
            .await?;
            tx.commit().await?;
            framsteg.klar(rader.len(), &sista);
            senast = sista;
        }
        tracing::info!(arenden = framsteg.gjorda(), "report tables filled");
        Ok(())
    }
}
