//! Letters written from the case's stored facts when a step needs one: the decision
//! letter when a decision is sent, the control message of förenklad delgivning, the
//! kommuniceringsbrev, and the letters of a late appeal dismissed (FL 45 §) and of a
//! request for a decision rejected (FL 12 §). Each goes into the personakt with its
//! hash in the same transaction as the step (issue 3, item 4), and none is written
//! without the nämnd's particulars (issue 11, item 7).
//!
//! Which letters a step makes due, and with which facts, is the domain's rule
//! (`lots_domain::arende::brev_for_steg`); this module only writes them, for
//! the step service (`crate::ta_steg`).

use lots_documents as dok;
use lots_domain::arende::{Arende, Brev, BrevTyp, Kommando};
use lots_domain::ids::{AnvandarId, BeslutId, DokumentId};
use lots_domain::insats::Utfall;
use lots_store::{Anvandare, Bilaga, NamnduppgifterVersion, Person};
use sha2::{Digest, Sha256};

/// Who sends, as printed on every letter.
pub struct Avsandare<'a> {
    pub kommun: &'a str,
    pub enhet: &'a str,
    pub anvandare: &'a [Anvandare],
    /// The nämnd's particulars in force (`Organisation::namnduppgifter`). A letter is
    /// refused while they are missing: FL 33 § asks for appeal instructions that
    /// say where to send the appeal, and the person must be able to call.
    pub uppgifter: Option<&'a NamnduppgifterVersion>,
    /// The case's diarienummer, printed on every letter.
    pub diarienummer: &'a str,
    /// Who takes the step: a step that is itself a decision (FL 45 §, FL 12 §)
    /// names them as its decision-maker.
    pub beslutsfattare: AnvandarId,
    /// The case's documents by name, for a kommuniceringsbrev that lists what it encloses.
    pub dokument: &'a [(DokumentId, String)],
}

/// The text shown on the step's form when the particulars are missing. The
/// handläggare's input stays in the form.
pub fn uppgifter_saknas(saknas: &[&str]) -> String {
    format!(
        "Brevet kan inte skapas eftersom nämndens uppgifter för breven saknas: {}. \
         Systemförvaltaren fyller i dem under Administration, Nämndens uppgifter. \
         Ingenting sparades; det du skrev finns kvar i formuläret.",
        saknas.join(", ")
    )
}

impl Avsandare<'_> {
    /// The sender as printed, and the version of the particulars used.
    fn namnd(&self) -> Result<(dok::Namnd, i64), String> {
        let Some(u) = self.uppgifter else {
            return Err(uppgifter_saknas(&[
                "postadress",
                "telefonnummer",
                "förvaltningsrätt",
            ]));
        };
        let saknas = u.uppgifter.saknas();
        if !saknas.is_empty() {
            return Err(uppgifter_saknas(&saknas));
        }
        let x = &u.uppgifter;
        Ok((
            dok::Namnd {
                kommun: self.kommun.to_string(),
                namnd: x.namnd.trim().to_string(),
                enhet: Some(self.enhet.to_string()),
                postadress: x.adressrader(),
                telefon: x.telefon.trim().to_string(),
                epost: Some(x.epost.trim().to_string()).filter(|e| !e.is_empty()),
            },
            u.version,
        ))
    }

    /// The court that hears an appeal, as the particulars name it.
    fn forvaltningsratt(&self) -> String {
        self.uppgifter
            .map(|u| u.uppgifter.forvaltningsratt.trim().to_string())
            .unwrap_or_default()
    }

    fn person(&self, id: Option<AnvandarId>) -> (String, String) {
        id.and_then(|id| self.anvandare.iter().find(|a| a.id == id))
            .map(|a| (a.namn.clone(), a.roll.namn().to_string()))
            .unwrap_or_else(|| ("Socialtjänsten".into(), "Handläggare".into()))
    }

    fn kontakt(&self, a: &Arende) -> dok::Kontakt {
        let (namn, titel) = self.person(a.handlaggare);
        dok::Kontakt {
            namn,
            titel,
            telefon: None,
            epost: None,
        }
    }
}

fn mottagare(p: &Person) -> dok::Mottagare {
    dok::Mottagare {
        namn: p.namn(),
        personnummer: p.identitet.varde().to_string(),
        adress: if p.skyddad {
            vec![]
        } else {
            p.adress
                .lines()
                .map(str::to_owned)
                .filter(|l| !l.trim().is_empty())
                .collect()
        },
        skyddade_personuppgifter: p.skyddad,
    }
}

fn bilaga(
    typ: BrevTyp,
    datum: time::Date,
    pdf: Vec<u8>,
    (beslut, kommunicering): (
        Option<lots_domain::ids::BeslutId>,
        Option<lots_domain::ids::KommuniceringId>,
    ),
    namnduppgifter: i64,
) -> (Kommando, Bilaga) {
    let dokument = DokumentId::ny();
    let k = Kommando::RegistreraBrev {
        dokument,
        typ,
        datum,
        sha256: hex::encode(Sha256::digest(&pdf)),
        storlek: pdf.len() as u64,
        beslut,
        kommunicering,
        namnduppgifter: Some(namnduppgifter),
    };
    (
        k,
        Bilaga {
            dokument,
            innehall: pdf,
        },
    )
}

/// Why a letter could not be written, said as what to do (issue 20, item 8: no raw technical
/// message). Nothing of the step is stored when the letter fails.
fn brevfel(e: dok::DokumentFel) -> String {
    use dok::DokumentFel as F;
    let vad = match e {
        F::SaknasUppgift(falt) => {
            format!("Brevet kan inte skrivas förrän {falt} är ifyllt. Fyll i det och försök igen.")
        }
        F::Personnummer => "Personens nummer har fel form för ett brev. Rätta numret på personsidan och försök igen.".into(),
        F::TeckenSaknas => "Texten innehåller tecken som brevet inte kan visa, till exempel emoji eller kinesiska tecken. Ta bort dem och försök igen.".into(),
        F::Datum => "Ett datum i beslutet kan inte skrivas i ett brev. Kontrollera datumen och försök igen.".into(),
        F::Serialisering(_) | F::Typst(_) | F::Pdf(_) => {
            tracing::error!(error = %e, "letter could not be rendered");
            "Brevet kunde inte skapas på grund av ett fel i Lots. Kontakta systemförvaltaren.".into()
        }
    };
    format!("{vad} Ingenting sparades.")
}

/// Writes one letter the domain found due, from the case as it stood before the step.
pub(crate) fn skriv(
    brev: &Brev,
    a: &Arende,
    p: &Person,
    fran: &Avsandare,
) -> Result<(Kommando, Bilaga), String> {
    let (pdf, version) = rendera(brev, a, p, fran, false)?;
    Ok(bilaga(
        brev.typ(),
        brev.datum(),
        pdf,
        brev.hor_till(),
        version,
    ))
}

/// The letter's PDF and the version of the nämnd's particulars it printed. A
/// `forhandsgranskning` is a decision letter marked as a preview on every page.
pub(crate) fn rendera(
    brev: &Brev,
    a: &Arende,
    p: &Person,
    fran: &Avsandare,
    forhandsgranskning: bool,
) -> Result<(Vec<u8>, i64), String> {
    let fel = brevfel;
    let arende = fran.diarienummer.to_string();
    let beslut_lage = |id: BeslutId| {
        a.beslut_lage(id)
            .ok_or_else(|| "Beslutet finns inte i ärendet. Ingenting sparades.".to_string())
    };
    let (avsandare, version) = fran.namnd()?;
    let pdf = match brev {
        Brev::Beslutsbrev {
            beslut,
            sista_dag_att_overklaga,
            ..
        } => {
            let x = &beslut_lage(*beslut)?.beslut;
            let (beslutsfattare, titel) = fran.person(Some(x.beslutsfattare));
            let text = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
            let brev = dok::Beslutsbrev {
                avsandare,
                beslutsdatum: x.datum,
                mottagare: mottagare(p),
                arende,
                ansokan: x.insats.namn().to_string(),
                ansokningsdatum: a
                    .ansokta
                    .iter()
                    .find(|(i, _)| *i == x.insats)
                    .map(|(_, d)| *d),
                utfall: match x.utfall {
                    Utfall::Bifall => dok::Beslutsutfall::Bifall,
                    Utfall::DelvisBifall => dok::Beslutsutfall::DelvisBifall,
                    Utfall::Avslag => dok::Beslutsutfall::Avslag,
                    Utfall::Avvisning => dok::Beslutsutfall::Avvisning,
                },
                insats: x.insats.namn().to_string(),
                lagrum: x.lagrum.text().to_string(),
                mal: text(&x.mal),
                omfattning: text(&x.omfattning),
                period: x.period_fran.map(|fran| dok::Period {
                    fran,
                    till: x.period_till,
                }),
                // FL 32 §: the refused part as the decision names it; decisions from
                // before it was recorded (and omprövningar) say it in general terms.
                avslagen_del: (x.utfall == Utfall::DelvisBifall).then(|| {
                    text(&x.avslagen_del).unwrap_or_else(|| {
                        "Det du ansökte om utöver det som beviljas ovan.".to_string()
                    })
                }),
                motivering: x.motivering.clone(),
                beslutsfattare: dok::Tjansteperson {
                    namn: beslutsfattare,
                    titel,
                },
                delegation: Some(dok::Delegation {
                    punkt: x.delegation.punkt.clone(),
                    version: x.delegation.version.to_string(),
                }),
                // FL 31 §: printed where one took part.
                foredragande: x.foredragande.map(|id| {
                    let (namn, titel) = fran.person(Some(id));
                    dok::Tjansteperson { namn, titel }
                }),
                forvaltningsratt: fran.forvaltningsratt(),
                sista_dag_att_overklaga: *sista_dag_att_overklaga,
                kontakt: fran.kontakt(a),
                forhandsgranskning,
            };
            dok::beslutsbrev(&brev).map_err(fel)?
        }
        Brev::Kontrollmeddelande {
            beslut,
            datum,
            skickat,
            delgiven,
        } => {
            let x = &beslut_lage(*beslut)?.beslut;
            let kontroll = dok::Kontrollmeddelande {
                avsandare,
                datum: *datum,
                mottagare: mottagare(p),
                arende,
                handling: format!("Beslut om {}", x.insats.namn().to_lowercase()),
                handlingens_datum: Some(x.datum),
                skickad: *skickat,
                anses_delgiven: Some(*delgiven),
                kontakt: fran.kontakt(a),
            };
            dok::kontrollmeddelande(&kontroll).map_err(fel)?
        }
        Brev::Kommuniceringsbrev {
            datum,
            material,
            bifogat,
            tillgangligt,
            svara_senast,
            ..
        } => {
            let brev = dok::Kommuniceringsbrev {
                avsandare,
                datum: *datum,
                mottagare: mottagare(p),
                arende,
                arendet_galler: a
                    .ansokta
                    .iter()
                    .map(|(i, _)| i.namn())
                    .collect::<Vec<_>>()
                    .join(", "),
                material: material.clone(),
                bifogat: bifogat
                    .iter()
                    .map(|d| {
                        fran.dokument
                            .iter()
                            .find(|(id, _)| id == d)
                            .map(|(_, namn)| namn.clone())
                            .unwrap_or_else(|| "Dokument i ärendet".to_string())
                    })
                    .collect(),
                tillgangligt: tillgangligt.clone(),
                svara_senast: *svara_senast,
                kontakt: fran.kontakt(a),
            };
            dok::kommuniceringsbrev(&brev).map_err(fel)?
        }
        Brev::Avvisningsbeslut {
            beslut,
            datum,
            inkom,
            delgiven,
            sista_dag,
        } => {
            let b = beslut_lage(*beslut)?;
            let (namn, titel) = fran.person(Some(fran.beslutsfattare));
            let brev = dok::Processbeslut {
                avsandare,
                beslutsdatum: *datum,
                mottagare: mottagare(p),
                arende,
                slag: dok::Processbeslutsslag::AvvisatOverklagande {
                    overklagat_beslut: format!(
                        "beslutet den {} om {}",
                        b.beslut.datum,
                        b.beslut.insats.namn().to_lowercase()
                    ),
                    inkom: *inkom,
                    delgiven: *delgiven,
                    sista_dag: *sista_dag,
                },
                motivering: String::new(),
                beslutsfattare: dok::Tjansteperson { namn, titel },
                delegation: None,
                forvaltningsratt: fran.forvaltningsratt(),
                kontakt: fran.kontakt(a),
            };
            dok::processbeslut(&brev).map_err(fel)?
        }
        Brev::BeslutOmBegaranOmAvgorande {
            datum,
            begard,
            insatser,
            motivering,
            delegation,
        } => {
            let (namn, titel) = fran.person(Some(fran.beslutsfattare));
            let brev = dok::Processbeslut {
                avsandare,
                beslutsdatum: *datum,
                mottagare: mottagare(p),
                arende,
                slag: dok::Processbeslutsslag::AvslagenBegaranOmAvgorande {
                    begard: *begard,
                    arendet_galler: format!(
                        "ditt ärende om {}",
                        insatser
                            .iter()
                            .map(|i| i.namn().to_lowercase())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                },
                motivering: motivering.clone(),
                beslutsfattare: dok::Tjansteperson { namn, titel },
                delegation: delegation.as_ref().map(|d| dok::Delegation {
                    punkt: d.punkt.clone(),
                    version: d.version.to_string(),
                }),
                forvaltningsratt: fran.forvaltningsratt(),
                kontakt: fran.kontakt(a),
            };
            dok::processbeslut(&brev).map_err(fel)?
        }
    };
    Ok((pdf, version))
}

#[cfg(test)]
mod brevfel_tests {
    use super::*;

    /// The handläggare reads what to do, never the renderer's own words.
    #[test]
    fn felet_sags_som_vad_som_ska_goras() {
        let t = brevfel(dok::DokumentFel::SaknasUppgift("motivering"));
        assert_eq!(
            t,
            "Brevet kan inte skrivas förrän motivering är ifyllt. Fyll i det och försök igen. Ingenting sparades."
        );
        let t = brevfel(dok::DokumentFel::Typst("unexpected token at 3:14".into()));
        assert!(!t.contains("token"), "{t}");
        assert!(t.contains("Kontakta systemförvaltaren"));
        assert!(brevfel(dok::DokumentFel::TeckenSaknas).contains("Ta bort dem"));
    }
}
