//! Payments of försörjningsstöd: what a decision pays, to whom and when; a second
//! person's attest where the kommun asks for one (four eyes); and the payment file
//! to the bank in ISO 20022 pain.001 (customer credit transfer initiation).
//!
//! A payment is planned from a granted decision, never above what the month's
//! calculation approved, to the person's own account or, for the rent, directly to
//! the landlord. A manual payment (outside the regular run) or one above the
//! kommun's limit needs an attest by someone other than the one who registered it
//! before it may be sent. Every plan, attest and sending is an event of the case,
//! so a change of payee or account is in the history and the audit log.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{Kronor, Manad};
use crate::ids::{AnvandarId, BeslutId, UtbetalningId};

/// Above this amount a payment needs a second person's attest, unless the kommun has
/// set its own limit.
pub const ATTESTGRANS: Kronor = 15_000;

fn standardgrans() -> Kronor {
    ATTESTGRANS
}

/// Who receives the money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "slag", rename_all = "snake_case")]
pub enum Mottagare {
    /// The person, to their own account.
    Enskild,
    /// The landlord, for the rent (the person's wish, or to keep the home).
    Hyresvard { namn: String },
}

/// A Swedish account: a bank account with clearing number, or a bankgiro number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "slag", content = "nummer", rename_all = "snake_case")]
pub enum Konto {
    /// Clearing number (4 or 5 digits) and account number, digits only.
    Bank { clearing: String, nummer: String },
    /// Bankgiro: 7 or 8 digits.
    Bankgiro(String),
}

impl Konto {
    /// Reads "8327-9, 123 456 789-0" or "5050-1055": digits with spaces and dashes,
    /// a bankgiro when `bankgiro` is set.
    pub fn tolka(text: &str, bankgiro: bool) -> Option<Konto> {
        let siffror: String = text.chars().filter(char::is_ascii_digit).collect();
        let ovrigt_ok = text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | ','));
        if !ovrigt_ok {
            return None;
        }
        if bankgiro {
            return (7..=8)
                .contains(&siffror.len())
                .then_some(Konto::Bankgiro(siffror));
        }
        // Swedbank's clearing numbers starting with 8 have a fifth check digit.
        let clearinglangd = if siffror.starts_with('8') { 5 } else { 4 };
        if siffror.len() < clearinglangd + 6 || siffror.len() > clearinglangd + 12 {
            return None;
        }
        let (c, n) = siffror.split_at(clearinglangd);
        Some(Konto::Bank {
            clearing: c.into(),
            nummer: n.into(),
        })
    }

    /// As it is shown: in full to staff.
    pub fn text(&self) -> String {
        match self {
            Konto::Bank { clearing, nummer } => format!("{clearing}-{nummer}"),
            Konto::Bankgiro(n) => {
                let (a, b) = n.split_at(n.len() - 4);
                format!("bankgiro {a}-{b}")
            }
        }
    }

    /// As the person sees it on Mina sidor: enough to recognise it, no more.
    pub fn maskerat(&self) -> String {
        let (slag, nummer) = match self {
            Konto::Bank { nummer, .. } => ("konto", nummer),
            Konto::Bankgiro(n) => ("bankgiro", n),
        };
        let slut: String = nummer
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("{slag} som slutar på {slut}")
    }
}

/// A payment and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Utbetalning {
    pub id: UtbetalningId,
    pub beslut: BeslutId,
    pub manad: Manad,
    pub mottagare: Mottagare,
    pub konto: Konto,
    pub belopp: Kronor,
    /// The day the money is to reach the receiver.
    pub dag: Date,
    /// Outside the regular payment run.
    pub manuell: bool,
    /// The kommun's attest limit when the payment was planned: above it, four eyes.
    #[serde(default = "standardgrans")]
    pub attestgrans: Kronor,
    pub registrerad_av: AnvandarId,
    #[serde(default)]
    pub attest: Option<(AnvandarId, Date)>,
    #[serde(default)]
    pub skickad: Option<Date>,
    /// Cancelled before it was sent, the day and why: a wrong account or amount is
    /// cancelled and planned anew, never edited, so the history shows both.
    #[serde(default)]
    pub makulerad: Option<(Date, String)>,
}

impl Utbetalning {
    /// Four eyes: a manual payment, or one above the limit.
    pub fn kraver_attest(&self) -> bool {
        self.manuell || self.belopp > self.attestgrans
    }

    /// Planned and still to go out: not sent, not cancelled.
    pub fn vantar(&self) -> bool {
        self.skickad.is_none() && self.makulerad.is_none()
    }

    /// Waits for a second person's attest.
    pub fn vantar_pa_attest(&self) -> bool {
        self.vantar() && self.attest.is_none() && self.kraver_attest()
    }

    /// May go to the bank now.
    pub fn klar_att_skicka(&self) -> bool {
        self.vantar() && (self.attest.is_some() || !self.kraver_attest())
    }

    /// Where it stands.
    pub fn lage(&self) -> Lage {
        if self.makulerad.is_some() {
            Lage::Makulerad
        } else if self.skickad.is_some() {
            Lage::Skickad
        } else if self.vantar_pa_attest() {
            Lage::Attest
        } else {
            Lage::Klar
        }
    }
}

/// Where a payment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lage {
    /// Waits for a second person's attest.
    Attest,
    /// May go to the bank.
    Klar,
    Skickad,
    Makulerad,
}

impl Lage {
    /// As stored in the payments projection.
    pub fn kod(self) -> &'static str {
        match self {
            Lage::Attest => "attest",
            Lage::Klar => "klar",
            Lage::Skickad => "skickad",
            Lage::Makulerad => "makulerad",
        }
    }
}

/// One payment in a file, with the receiver's name as the bank shall show it.
pub struct Betalningsrad<'a> {
    pub id: UtbetalningId,
    pub konto: &'a Konto,
    pub belopp: Kronor,
    pub dag: Date,
    pub mottagarnamn: &'a str,
    /// The text on the receiver's statement, e.g. the month (never a personnummer).
    pub meddelande: &'a str,
}

impl<'a> Betalningsrad<'a> {
    pub fn av(u: &'a Utbetalning, mottagarnamn: &'a str, meddelande: &'a str) -> Self {
        Self {
            id: u.id,
            konto: &u.konto,
            belopp: u.belopp,
            dag: u.dag,
            mottagarnamn,
            meddelande,
        }
    }
}

fn xml(text: &str) -> String {
    let mut ut = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => ut.push_str("&amp;"),
            '<' => ut.push_str("&lt;"),
            '>' => ut.push_str("&gt;"),
            '"' => ut.push_str("&quot;"),
            '\'' => ut.push_str("&apos;"),
            c if c.is_control() => {}
            c => ut.push(c),
        }
    }
    ut
}

fn kontoelement(k: &Konto) -> String {
    match k {
        Konto::Bank { clearing, nummer } => format!(
            "<Id><Othr><Id>{clearing}{nummer}</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id>"
        ),
        Konto::Bankgiro(n) => {
            format!("<Id><Othr><Id>{n}</Id><SchmeNm><Prtry>BGNR</Prtry></SchmeNm></Othr></Id>")
        }
    }
}

/// The payment file: one pain.001.001.03 message with one payment information block
/// per execution day, in Swedish kronor from the kommun's account. `skapad` is the
/// creation time as ISO 8601 (the caller's clock), `meddelande_id` unique per file.
pub fn pain001(
    meddelande_id: &str,
    skapad: &str,
    avsandare: &str,
    avsandarkonto: &Konto,
    rader: &[Betalningsrad<'_>],
) -> String {
    let summa: Kronor = rader.iter().map(|r| r.belopp).sum();
    let mut dagar: Vec<Date> = rader.iter().map(|r| r.dag).collect();
    dagar.sort();
    dagar.dedup();
    let mut x = String::new();
    x.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    x.push('\n');
    x.push_str(r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#);
    x.push_str("<CstmrCdtTrfInitn><GrpHdr>");
    x.push_str(&format!(
        "<MsgId>{}</MsgId><CreDtTm>{}</CreDtTm><NbOfTxs>{}</NbOfTxs><CtrlSum>{}.00</CtrlSum><InitgPty><Nm>{}</Nm></InitgPty>",
        xml(meddelande_id),
        xml(skapad),
        rader.len(),
        summa,
        xml(avsandare)
    ));
    x.push_str("</GrpHdr>");
    for (n, dag) in dagar.iter().enumerate() {
        let dagens: Vec<&Betalningsrad> = rader.iter().filter(|r| r.dag == *dag).collect();
        let dagsumma: Kronor = dagens.iter().map(|r| r.belopp).sum();
        x.push_str(&format!(
            "<PmtInf><PmtInfId>{}-{}</PmtInfId><PmtMtd>TRF</PmtMtd><NbOfTxs>{}</NbOfTxs><CtrlSum>{}.00</CtrlSum>\
             <ReqdExctnDt>{}</ReqdExctnDt><Dbtr><Nm>{}</Nm></Dbtr><DbtrAcct>{}<Ccy>SEK</Ccy></DbtrAcct>\
             <DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>",
            xml(meddelande_id),
            n + 1,
            dagens.len(),
            dagsumma,
            dag,
            xml(avsandare),
            kontoelement(avsandarkonto)
        ));
        for r in dagens {
            x.push_str(&format!(
                "<CdtTrfTxInf><PmtId><EndToEndId>{}</EndToEndId></PmtId><Amt><InstdAmt Ccy=\"SEK\">{}.00</InstdAmt></Amt>\
                 <Cdtr><Nm>{}</Nm></Cdtr><CdtrAcct>{}</CdtrAcct><RmtInf><Ustrd>{}</Ustrd></RmtInf></CdtTrfTxInf>",
                r.id.0.simple(),
                r.belopp,
                xml(r.mottagarnamn),
                kontoelement(r.konto),
                xml(r.meddelande)
            ));
        }
        x.push_str("</PmtInf>");
    }
    x.push_str("</CstmrCdtTrfInitn></Document>\n");
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn betalning(belopp: Kronor, manuell: bool, dag: Date) -> Utbetalning {
        Utbetalning {
            id: UtbetalningId::ny(),
            beslut: BeslutId::ny(),
            manad: Manad::ny(2026, 3).unwrap(),
            mottagare: Mottagare::Enskild,
            konto: Konto::tolka("8327-9, 123 456 789-0", false).unwrap(),
            belopp,
            dag,
            manuell,
            attestgrans: ATTESTGRANS,
            registrerad_av: AnvandarId::ny(),
            attest: None,
            skickad: None,
            makulerad: None,
        }
    }

    #[test]
    fn konton() {
        assert_eq!(
            Konto::tolka("8327-9, 123 456 789-0", false),
            Some(Konto::Bank {
                clearing: "83279".into(),
                nummer: "1234567890".into()
            })
        );
        assert_eq!(
            Konto::tolka("6000 123456789", false).map(|k| k.text()),
            Some("6000-123456789".into())
        );
        assert_eq!(
            Konto::tolka("5050-1055", true).map(|k| k.text()),
            Some("bankgiro 5050-1055".into())
        );
        assert_eq!(Konto::tolka("123", false), None);
        assert_eq!(Konto::tolka("6000-12345x", false), None);
        assert_eq!(Konto::tolka("12345", true), None);
        assert_eq!(
            Konto::tolka("6000 123456789", false).unwrap().maskerat(),
            "konto som slutar på 6789"
        );
    }

    #[test]
    fn fyra_ogon() {
        let d = date!(2026 - 03 - 25);
        assert!(!betalning(12_000, false, d).kraver_attest());
        assert!(betalning(ATTESTGRANS + 1, false, d).kraver_attest());
        assert!(betalning(500, true, d).kraver_attest());
        let mut b = betalning(500, true, d);
        assert!(!b.klar_att_skicka());
        assert_eq!(b.lage(), Lage::Attest);
        b.attest = Some((AnvandarId::ny(), d));
        assert!(b.klar_att_skicka());
        b.skickad = Some(d);
        assert!(!b.klar_att_skicka());
    }

    #[test]
    fn betalfilen_ar_en_pain001_som_gar_att_lasa() {
        let a = betalning(12_500, false, date!(2026 - 03 - 25));
        let mut b = betalning(9_500, false, date!(2026 - 03 - 27));
        b.mottagare = Mottagare::Hyresvard {
            namn: "Bostäder & Co <AB>".into(),
        };
        b.konto = Konto::tolka("5050-1055", true).unwrap();
        let kommunkonto = Konto::tolka("5555-1234", true).unwrap();
        let fil = pain001(
            "LOTS-20260320-1",
            "2026-03-20T10:00:00",
            "Lotsby kommun",
            &kommunkonto,
            &[
                Betalningsrad::av(&a, "Dana Ek", "Försörjningsstöd mars 2026"),
                Betalningsrad::av(&b, "Bostäder & Co <AB>", "Hyra mars 2026"),
            ],
        );
        let doc = roxmltree::Document::parse(&fil).expect("well-formed XML");
        let rot = doc.root_element();
        assert_eq!(rot.tag_name().name(), "Document");
        assert_eq!(
            rot.tag_name().namespace(),
            Some("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03")
        );
        let text = |namn: &str| -> Vec<String> {
            doc.descendants()
                .filter(|n| n.has_tag_name(namn))
                .filter_map(|n| n.text().map(str::to_owned))
                .collect()
        };
        assert_eq!(text("NbOfTxs")[0], "2");
        assert_eq!(text("CtrlSum")[0], "22000.00");
        // One payment information block per execution day, each summing its own.
        assert_eq!(text("ReqdExctnDt"), ["2026-03-25", "2026-03-27"]);
        assert_eq!(text("CtrlSum")[1..], ["12500.00", "9500.00"]);
        assert_eq!(text("InstdAmt"), ["12500.00", "9500.00"]);
        assert!(
            text("Nm").contains(&"Bostäder & Co <AB>".to_string()),
            "escaped and read back"
        );
        assert!(text("Prtry").contains(&"BGNR".to_string()));
        assert!(text("Ustrd").contains(&"Hyra mars 2026".to_string()));
        // The order of the group header's elements, as the schema has them.
        let grp: Vec<&str> = doc
            .descendants()
            .find(|n| n.has_tag_name("GrpHdr"))
            .unwrap()
            .children()
            .filter(|n| n.is_element())
            .map(|n| n.tag_name().name())
            .collect();
        assert_eq!(grp, ["MsgId", "CreDtTm", "NbOfTxs", "CtrlSum", "InitgPty"]);
    }
}
