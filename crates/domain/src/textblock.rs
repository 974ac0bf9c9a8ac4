//! The kommun's text blocks (textblock, standardtexter; issue 20 item 5): wordings the
//! arbetsledare keeps for common motiveringar, which a handläggare inserts into a
//! decision's motivering or the utredning's bedömning and then adapts to the person.
//!
//! A block is kommun data, not case data: it names no person. What it says becomes part of
//! a case only when the handläggare inserts it and takes the step, so a decision still
//! states the circumstances of the individual case (FL 32 §); the block is a start.

/// The longest title, in characters: a title is chosen from a list.
pub const TITEL_MAX_TECKEN: usize = 120;
/// The longest text, in characters: a few paragraphs of a motivering.
pub const TEXT_MAX_TECKEN: usize = 5000;

/// A block's content, checked: a title and a text, both present and within their lengths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Textblock {
    titel: String,
    text: String,
}

/// What is wrong with a block, with the form field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextblockFel {
    pub falt: &'static str,
    pub text: String,
}

impl Textblock {
    /// The block as typed, trimmed, or every error beside its field.
    pub fn ny(titel: &str, text: &str) -> Result<Self, Vec<TextblockFel>> {
        let titel = titel.trim();
        let text = text.trim();
        let mut fel = vec![];
        if titel.is_empty() {
            fel.push(TextblockFel {
                falt: "titel",
                text: "Skriv en rubrik som gör blocket lätt att hitta i listan.".into(),
            });
        } else if titel.chars().count() > TITEL_MAX_TECKEN {
            fel.push(TextblockFel {
                falt: "titel",
                text: format!("Rubriken får vara högst {TITEL_MAX_TECKEN} tecken."),
            });
        }
        let n = text.chars().count();
        if text.is_empty() {
            fel.push(TextblockFel {
                falt: "text",
                text: "Skriv blockets text.".into(),
            });
        } else if n > TEXT_MAX_TECKEN {
            fel.push(TextblockFel {
                falt: "text",
                text: format!("Texten får vara högst {TEXT_MAX_TECKEN} tecken. Den är {n} tecken."),
            });
        }
        if fel.is_empty() {
            Ok(Self {
                titel: titel.to_owned(),
                text: text.to_owned(),
            })
        } else {
            Err(fel)
        }
    }

    pub fn titel(&self) -> &str {
        &self.titel
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

/// `befintlig` with `block` added after it as a paragraph of its own: what was typed is
/// kept as it is, and the block starts after a blank line unless the field is empty.
pub fn infoga(befintlig: &str, block: &str) -> String {
    let fore = befintlig.trim_end();
    let block = block.trim();
    if fore.is_empty() {
        block.to_owned()
    } else if block.is_empty() {
        fore.to_owned()
    } else {
        format!("{fore}\n\n{block}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rubrik_och_text_kravs_och_har_en_langsta_langd() {
        let fel = Textblock::ny(" ", "").unwrap_err();
        assert_eq!(
            fel.iter().map(|f| f.falt).collect::<Vec<_>>(),
            vec!["titel", "text"]
        );
        let lang = "å".repeat(TEXT_MAX_TECKEN + 1);
        let fel = Textblock::ny("Avslag, eget arbete", &lang).unwrap_err();
        assert_eq!(fel.len(), 1);
        assert!(fel[0].text.contains("högst 5000 tecken"), "{}", fel[0].text);
        let b = Textblock::ny(" Avslag, eget arbete ", " Du har inkomst. ").unwrap();
        assert_eq!(
            (b.titel(), b.text()),
            ("Avslag, eget arbete", "Du har inkomst.")
        );
        assert!(Textblock::ny(&"x".repeat(TITEL_MAX_TECKEN), "t").is_ok());
        assert!(Textblock::ny(&"x".repeat(TITEL_MAX_TECKEN + 1), "t").is_err());
    }

    #[test]
    fn infogat_block_kommer_efter_det_som_skrivits() {
        assert_eq!(infoga("", "Blocket."), "Blocket.");
        assert_eq!(
            infoga("Det jag skrev.\n", "Blocket."),
            "Det jag skrev.\n\nBlocket."
        );
        assert_eq!(infoga("  Indraget först", "B"), "  Indraget först\n\nB");
        assert_eq!(infoga("Text", "  "), "Text");
    }
}
