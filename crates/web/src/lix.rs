//! Läsbarhetsindex (LIX, Björnsson 1968): how hard a Swedish text is to read, for the goal
//! that Mina sidor reads at LIX 35 or less (issue 19 item 6; "lättläst" is below 30, an
//! ordinary newspaper 40–50).
//!
//! LIX = words / sentences + 100 × long words / words, where a long word has more than six
//! letters. How Lots counts, where the formula leaves a choice:
//! - a word is a whitespace-separated token with at least one letter, its punctuation
//!   trimmed ("HVB-hem" is one word; "2026-03-03" and "0480-45 00 00" are none);
//! - letters are alphabetic characters, so digits never make a word long;
//! - a sentence ends at `.`, `!`, `?` or `:`, and at the end of a line of text that has
//!   none: a heading, a list item, a label or a button is read on its own, as the usual
//!   LIX tools count a line break.
//!
//! [`synlig_text`] gives the text a page shows from its HTML, one block element per line;
//! [`sidans_lix`] measures a page: its text with each line read once (the same list of
//! choices repeated for a second and third row, or a link repeated, is read once).

/// A text's LIX, or None for a text without words.
pub fn lix(text: &str) -> Option<f64> {
    let mut ord = 0usize;
    let mut langa = 0usize;
    let mut meningar = 0usize;
    for rad in text.lines() {
        let mut oavslutad = false;
        for token in rad.split_whitespace() {
            let ordet = token.trim_matches(|c: char| !c.is_alphanumeric());
            if ordet.chars().any(char::is_alphabetic) {
                ord += 1;
                if ordet.chars().filter(|c| c.is_alphabetic()).count() > 6 {
                    langa += 1;
                }
                oavslutad = true;
            }
            let slut = token.trim_end_matches(['"', '\'', ')', ']', '»', '”']);
            if slut.ends_with(['.', '!', '?', ':']) && oavslutad {
                meningar += 1;
                oavslutad = false;
            }
        }
        if oavslutad {
            meningar += 1;
        }
    }
    (ord > 0).then(|| ord as f64 / meningar.max(1) as f64 + 100.0 * langa as f64 / ord as f64)
}

/// A page's LIX: [`synlig_text`] with each distinct line once, then [`lix`].
pub fn sidans_lix(html: &str) -> Option<f64> {
    let mut sedda = std::collections::HashSet::new();
    let text: Vec<String> = synlig_text(html)
        .lines()
        .filter(|l| sedda.insert(l.to_string()))
        .map(str::to_owned)
        .collect();
    lix(&text.join("\n"))
}

/// The elements whose start and end break the text into lines (a block of its own).
const BLOCK: &[&str] = &[
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "td",
    "th",
    "caption",
    "label",
    "button",
    "option",
    "legend",
    "div",
    "section",
    "header",
    "footer",
    "nav",
    "form",
    "tr",
    "ul",
    "ol",
    "dl",
    "main",
    "br",
    "summary",
    "details",
    "fieldset",
    "select",
    "textarea",
    "table",
    "article",
    "aside",
    "figcaption",
];

/// The text a page shows: the body without its tags, scripts and styles, entities decoded,
/// one block element per line. The head (and so the title) is left out.
pub fn synlig_text(html: &str) -> String {
    let kropp = match html.find("<body") {
        Some(i) => &html[i..],
        None => html,
    };
    let mut ut = String::with_capacity(kropp.len() / 2);
    let mut rest = kropp;
    while let Some(i) = rest.find('<') {
        ut.push_str(&rest[..i]);
        rest = &rest[i..];
        let slut = rest.find('>').map_or(rest.len(), |j| j + 1);
        let tagg = &rest[1..slut.saturating_sub(1).max(1)];
        let namn: String = tagg
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &rest[slut..];
        // Skip what a script or style holds: it is not shown.
        if (namn == "script" || namn == "style") && !tagg.starts_with('/') {
            let stang = format!("</{namn}");
            rest = match rest.find(&stang) {
                Some(j) => &rest[j..],
                None => "",
            };
            continue;
        }
        if BLOCK.contains(&namn.as_str()) {
            ut.push('\n');
        }
    }
    ut.push_str(rest);
    let text = avkoda(&ut);
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn avkoda(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Björnsson's formula on a text counted by hand: 8 words, 2 sentences, 4 long
    /// words ("handläggare", "skriver", "beslutet", "skriftligt"): 8/2 + 100·4/8 = 54.
    #[test]
    fn lix_enligt_formeln() {
        let t = "Din handläggare skriver beslutet. Du får det skriftligt.";
        assert_eq!(lix(t), Some(54.0));
        assert_eq!(lix("2026-03-03 0480-45"), None, "numbers are no words");
    }

    /// A line without a full stop is a sentence of its own (a heading, a button).
    #[test]
    fn rad_utan_punkt_ar_en_mening() {
        assert_eq!(lix("Mina sidor\nLogga in"), Some(2.0));
        assert_eq!(lix("Mina sidor Logga in"), Some(4.0));
    }

    #[test]
    fn en_upprepad_rad_lases_en_gang() {
        let html = "<body><p>Välj en</p><select><option>Etableringsersättning</option></select><select><option>Etableringsersättning</option></select></body>";
        // 3 words, 2 sentences, 1 long: 3/2 + 100/3.
        let v = sidans_lix(html).unwrap();
        assert!((v - (1.5 + 100.0 / 3.0)).abs() < 1e-9, "{v}");
    }

    #[test]
    fn synlig_text_utan_taggar_och_skript() {
        let html = "<html><head><title>Titel</title></head><body><h1>Rubrik</h1><p>En <strong>fet</strong> text &amp; mer.</p><script>var x = 1;</script><ul><li>Ett</li><li>Två</li></ul><select><option>A B</option><option>C</option></select></body></html>";
        assert_eq!(
            synlig_text(html),
            "Rubrik\nEn fet text & mer.\nEtt\nTvå\nA B\nC"
        );
    }
}
