//! A month of försörjningsstöd as a household applies for it and the handläggare
//! calculates, decides and pays it (issue 15), for the scale generator's cases. The steps
//! are the commands the web sends: the monthly application (`AnsokManad`), the calculation
//! by the month's own riksnorm with a result per line (`BeraknaForsorjningsstod`), the
//! decision, and the payments (`PlaneraUtbetalning`, an attest above the limit,
//! `RegistreraUtbetald`). So the projections (decisions, payments, the monthly statistics,
//! the medsökande's months) are filled as in real use.

use std::cell::RefCell;
use std::rc::Rc;

use anyhow::Context;
use lots_domain::arende::{Handlingstyp, Kommando};
use lots_domain::forsorjningsstod::berakning::{
    Bekraftelse, Kostnadsslag, Manadsansokan, Manadsberakning, Manadsbilaga, Post, Underlag,
    Utfall as Radutfall,
};
use lots_domain::forsorjningsstod::fordjupad::FordjupadVal;
use lots_domain::forsorjningsstod::riksnorm::Riksnorm;
use lots_domain::forsorjningsstod::utbetalning::{ATTESTGRANS, Konto, Mottagare};
use lots_domain::forsorjningsstod::{Kronor, Manad};
use lots_domain::ids::{BeslutId, DokumentId, UtbetalningId};
use lots_domain::insats::Utfall;
use lots_store::Aktor;
use time::Duration;

use super::Fall;

/// One month of a household's försörjningsstöd: what the household applies for, and what
/// the handläggare's calculation is made from. The month and the days are set when the case
/// is driven, from the day it is decided.
pub(crate) struct Manadsfall<'a> {
    pub ansokan: Manadsansokan,
    pub underlag: Underlag,
    /// The rent is paid straight to this landlord (the person's wish, or to keep the home).
    pub hyresvard: Option<&'static str>,
    /// Who attests a payment above the kommun's limit (four eyes): never the handläggare.
    pub attestant: &'a Aktor,
    /// The account the person's own acts on Mina sidor are recorded under.
    pub enskild: &'a Aktor,
    /// Sent on paper and registered by the handläggare (both adults signed a joint one);
    /// otherwise sent on Mina sidor, where the medsökande confirms a joint one.
    pub papper: bool,
    /// Shared by the months of one household's run, one case a month.
    pub lopp: Rc<RefCell<Lopp>>,
}

/// What the earlier months of a run leave for the next: the months with aid (jobbstimulans
/// counts them across cases, SoL 12 kap. 8 §) and the choice about a deepened investigation
/// after six months in a row, which a later month does not ask again.
#[derive(Default)]
pub(crate) struct Lopp {
    pub manader: Vec<Manad>,
    pub val: Vec<FordjupadVal>,
}

/// The month's result as the decision states it.
pub(crate) fn utfall(b: &Manadsberakning) -> Utfall {
    match b.utfall() {
        Radutfall::Bifall => Utfall::Bifall,
        Radutfall::DelvisBifall => Utfall::DelvisBifall,
        Radutfall::Avslag => Utfall::Avslag,
    }
}

/// The decision's scope, from the calculation: the amount and what it is made of.
pub(crate) fn omfattning(b: &Manadsberakning) -> String {
    format!(
        "Försörjningsstöd för {} med {} kr: riksnorm {} kr och godkända kostnader, minus hushållets inkomster {} kr, enligt beräkningen rad för rad.",
        b.manad.namn(),
        b.bistand(),
        b.norm.norm,
        b.inkomst
    )
}

/// What was refused, line by line, as the letter must say it (FL 32 §).
pub(crate) fn avslagen_del(b: &Manadsberakning) -> String {
    b.overklagbara()
        .map(|r| {
            format!(
                "{}: sökt {} kr, beviljat {} kr. {}",
                r.post.text(),
                r.ansokt,
                r.godkant,
                r.skal
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Fall<'_, '_> {
    /// The household's application for `manad`, sent on day `n` ago.
    pub(super) async fn ansok_manad(
        &mut self,
        mf: &Manadsfall<'_>,
        manad: Manad,
        n: i64,
    ) -> anyhow::Result<()> {
        let datum = self.dag(n);
        let mut ansokan = Manadsansokan {
            manad,
            datum,
            ..mf.ansokan.clone()
        };
        for (i, x) in ansokan.insattningar.iter_mut().enumerate() {
            x.datum = insattningsdag(manad, i);
        }
        let medsokande = ansokan.medsokande.clone();
        if mf.papper {
            return self.steg(n, Kommando::AnsokManad(Box::new(ansokan))).await;
        }
        self.kor(mf.enskild, n, Kommando::AnsokManad(Box::new(ansokan)))
            .await?;
        // The medsökande confirms the joint application with their own login, the same day.
        if let Some(medsokande) = medsokande {
            self.kor(
                mf.enskild,
                n,
                Kommando::BekraftaGemensamAnsokan(Bekraftelse {
                    manad,
                    datum,
                    medsokande,
                    stammer: true,
                    text: String::new(),
                }),
            )
            .await?;
        }
        Ok(())
    }

    /// Calculates `manad` on day `n` ago with its own year's riksnorm, and takes a stand on a
    /// deepened investigation when the month ends six months in a row. `None` when Lots has
    /// no table for the year: the month is then not decided (SoL 12 kap. 1 §).
    pub(super) async fn berakna_manad(
        &mut self,
        mf: &Manadsfall<'_>,
        manad: Manad,
        n: i64,
    ) -> anyhow::Result<Option<Manadsberakning>> {
        let Some(tabell) = Riksnorm::inbyggda()
            .into_iter()
            .find(|t| t.ar == manad.ar())
        else {
            return Ok(None);
        };
        let (andra_manader, andra_val) = {
            let l = mf.lopp.borrow();
            (l.manader.clone(), l.val.clone())
        };
        let mut underlag = Underlag {
            manad,
            ..mf.underlag.clone()
        };
        for (i, x) in underlag.insattningar.iter_mut().enumerate() {
            x.datum = insattningsdag(manad, i);
        }
        let datum = self.dag(n);
        self.steg(
            n,
            Kommando::BeraknaForsorjningsstod {
                datum,
                underlag: Box::new(underlag),
                tabell: Box::new(tabell),
                andra_manader,
                andra_val,
            },
        )
        .await?;
        let b = self
            .arende()?
            .senaste_forsorjningsstod
            .as_ref()
            .map(|s| s.berakning.clone())
            .context("beräkningen saknas i ärendet")?;
        // Six months in a row: the handläggare chooses whether to deepen the investigation.
        if let Some(foljd) = self.arende()?.fordjupad_vantar() {
            let inleds = (self.nr + foljd.fran.nr() as usize).is_multiple_of(3);
            let skal = if inleds {
                "Sex månader i följd. Arbetsförmågan och hindren mot arbete behöver utredas närmare: FIA och kontakt med Arbetsförmedlingen."
            } else {
                "Sex månader i följd, men planen mot egen försörjning följs och en anställning väntas inom kort. En fördjupad utredning tillför inget nu."
            };
            self.steg(
                n,
                Kommando::ValjFordjupadUtredning {
                    datum,
                    inleds,
                    skal: skal.into(),
                },
            )
            .await?;
        }
        let mut l = mf.lopp.borrow_mut();
        for v in &self.arende()?.fordjupad {
            if !l.val.contains(v) {
                l.val.push(v.clone());
            }
        }
        if b.bistand() > 0 {
            l.manader.push(manad);
        }
        Ok(Some(b))
    }

    /// Pays a granted month what its calculation gives: the approved rent to the landlord
    /// when the household asked for that, the rest to the person's account. A payment above
    /// the kommun's limit is attested by a second person before it is sent.
    pub(super) async fn betala_manad(
        &mut self,
        mf: &Manadsfall<'_>,
        beslut: BeslutId,
        n: i64,
    ) -> anyhow::Result<()> {
        let a = self.arende()?;
        let Some(b) = a.beslut_lage(beslut) else {
            return Ok(());
        };
        let manad = Manad::for_dag(b.beslut.period_fran.unwrap_or(b.beslut.datum));
        let Some(&(_, belopp)) = a.forsorjningsstod.iter().find(|(m, _)| *m == manad) else {
            return Ok(());
        };
        let hyra: Kronor = a
            .senaste_forsorjningsstod
            .as_ref()
            .filter(|s| s.berakning.manad == manad)
            .map(|s| {
                s.berakning
                    .rader
                    .iter()
                    .filter(|r| r.post == Post::Kostnad(Kostnadsslag::Boende))
                    .map(|r| r.godkant)
                    .sum()
            })
            .unwrap_or(0);
        let egen = Konto::Bank {
            clearing: "6000".into(),
            nummer: format!("{:010}", 1_000_000 + self.nr as u64),
        };
        let mut delar: Vec<(Mottagare, Konto, Kronor)> = vec![];
        match mf.hyresvard {
            Some(namn) if hyra > 0 && hyra <= belopp => {
                delar.push((
                    Mottagare::Hyresvard { namn: namn.into() },
                    Konto::Bankgiro("50501055".into()),
                    hyra,
                ));
                delar.push((Mottagare::Enskild, egen, belopp - hyra));
            }
            _ => delar.push((Mottagare::Enskild, egen, belopp)),
        }
        let dag = self.dag(n);
        for (mottagare, konto, belopp) in delar.into_iter().filter(|(_, _, b)| *b > 0) {
            let id = UtbetalningId::ny();
            self.steg(
                n,
                Kommando::PlaneraUtbetalning {
                    id,
                    beslut,
                    mottagare,
                    konto,
                    belopp,
                    dag,
                    manuell: false,
                    attestgrans: ATTESTGRANS,
                },
            )
            .await?;
            if belopp > ATTESTGRANS {
                self.kor(
                    mf.attestant,
                    n,
                    Kommando::AttesteraUtbetalning {
                        utbetalning: id,
                        datum: dag,
                    },
                )
                .await?;
            }
            self.steg(
                n,
                Kommando::RegistreraUtbetald {
                    utbetalning: id,
                    datum: dag,
                },
            )
            .await?;
        }
        Ok(())
    }
}

impl Fall<'_, '_> {
    /// The household applies for the month on Mina sidor on day `n` ago and sends documents
    /// with it, as `/mina-sidor/arenden/{id}/manadsansokan` does: each file attached to the
    /// case and the application in one step. Only for the demo proper: the bulk import of the
    /// scale generator stores no files.
    pub(super) async fn ansok_pa_mina_sidor(
        &mut self,
        enskild: &Aktor,
        n: i64,
        mut ansokan: Manadsansokan,
        filer: Vec<(Handlingstyp, String, Vec<u8>)>,
    ) -> anyhow::Result<()> {
        use sha2::{Digest, Sha256};
        let mut kommandon = vec![];
        let mut bilagor = vec![];
        for (handling, namn, innehall) in filer {
            let dokument = DokumentId::ny();
            kommandon.push(Kommando::BifogaDokument {
                dokument,
                namn: namn.clone(),
                sha256: hex::encode(Sha256::digest(&innehall)),
                storlek: innehall.len() as u64,
                innehallstyp: "application/pdf".into(),
            });
            ansokan.bilagor.push(Manadsbilaga {
                dokument,
                handling,
                namn,
            });
            bilagor.push(lots_store::Bilaga { dokument, innehall });
        }
        kommandon.push(Kommando::AnsokManad(Box::new(ansokan)));
        self.kor_med_filer(enskild, n, kommandon, bilagor).await
    }
}

/// A one-page PDF with a heading and lines (Helvetica, WinAnsi): the demo's bank statements
/// and rent notices, so that a newcomer opens a real document from the application.
pub(super) fn demopdf(rubrik: &str, rader: &[String]) -> Vec<u8> {
    // WinAnsi is Latin-1 for the letters Swedish needs; parentheses and backslashes escaped.
    let latin1 = |s: &str| -> Vec<u8> {
        let mut ut = vec![];
        for c in s.chars() {
            match c {
                '(' | ')' | '\\' => {
                    ut.push(b'\\');
                    ut.push(c as u8);
                }
                c if (c as u32) < 256 => ut.push(c as u32 as u8),
                _ => ut.push(b'?'),
            }
        }
        ut
    };
    let mut innehall = b"BT /F1 16 Tf 60 780 Td (".to_vec();
    innehall.extend(latin1(rubrik));
    innehall.extend(b") Tj ET\n");
    for (i, r) in rader.iter().enumerate() {
        innehall.extend(format!("BT /F1 11 Tf 60 {} Td (", 750 - 18 * i as i64).as_bytes());
        innehall.extend(latin1(r));
        innehall.extend(b") Tj ET\n");
    }
    let objekt: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        {
            let mut x = format!("<< /Length {} >>\nstream\n", innehall.len()).into_bytes();
            x.extend(&innehall);
            x.extend(b"\nendstream");
            x
        },
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut lagen = vec![];
    for (i, o) in objekt.iter().enumerate() {
        lagen.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend(o);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objekt.len() + 1).as_bytes());
    for l in lagen {
        pdf.extend(format!("{l:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objekt.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// A deposit on the bank statement the application comes with: in the month before.
fn insattningsdag(manad: Manad, i: usize) -> time::Date {
    manad.foregaende().forsta_dagen() + Duration::days(12 + 5 * i as i64)
}
