//! Name search (issue 12, items 3 and 4): every part of a first or last name is
//! folded here in Rust into `personnamn`, the same on both databases, and found
//! by prefix as a range on its index. SQLite's LOWER() folds ASCII only, so a
//! search in SQL for "öberg" never found "Öberg"; and a range has no wildcards,
//! so `%` and `_` in a query are only characters.

use crate::db::V;
use crate::org::{Person, person_fran, person_kolumner, v};
use crate::{Personer, Store, StoreError};

/// A name folded for search: lower case (all of Unicode, not just ASCII), the
/// Swedish letters å, ä, ö kept as the letters they are, other accents dropped
/// (é → e, ü → u; ø → ö and æ → ä as Nordic spellings of the same letters).
pub fn vik(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' | 'č' => 'c',
            'ñ' => 'n',
            'š' => 's',
            'ž' => 'z',
            'ø' => 'ö',
            'æ' => 'ä',
            annat => annat,
        })
        .collect()
}

/// The words a name is found by: each part of the first and last names, split
/// at spaces and hyphens ("Lind-Öberg" is found by "lind" and by "öberg").
pub fn namnord(fornamn: &str, efternamn: &str) -> Vec<String> {
    let mut ord: Vec<String> = ord_i(&format!("{fornamn} {efternamn}"));
    ord.sort();
    ord.dedup();
    ord
}

/// The folded words of a text, split at spaces and hyphens.
pub fn ord_i(text: &str) -> Vec<String> {
    vik(text)
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|o| !o.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `personnamn` with its columns, for `Tx::infoga`: the rows `namnrader` gives.
pub(crate) const PERSONNAMN: &str = "personnamn (kommun, ord, person)";

/// The rows of `personnamn` for a person: (kommun, ord, person).
pub(crate) fn namnrader(p: &Person) -> Vec<Vec<V>> {
    namnord(&p.fornamn, &p.efternamn)
        .into_iter()
        .map(|o| vec![v(p.kommun), o.into(), v(p.id)])
        .collect()
}

/// The upper end of a prefix's range: every word that starts with `prefix` is
/// below it in byte order (SQLite's BINARY, PostgreSQL's "C" collation).
fn over(prefix: &str) -> String {
    format!("{prefix}{}", char::MAX)
}

impl Personer<'_> {
    /// Persons whose names have a part starting with each of the query's words
    /// (at most three), folded as `vik` folds; at most `max`, by name.
    pub async fn sok_personer(
        &self,
        kommun: lots_domain::ids::KommunId,
        text: &str,
        max: i64,
    ) -> Result<Vec<Person>, StoreError> {
        let mut ord: Vec<String> = ord_i(text);
        // The longest word drives the search through the index.
        ord.sort_by_key(|o| std::cmp::Reverse(o.chars().count()));
        ord.truncate(3);
        let Some(forsta) = ord.first().cloned() else {
            return Ok(vec![]);
        };
        // A missing word is the empty prefix: every name part starts with it.
        let andra = ord.get(1).cloned().unwrap_or_default();
        let tredje = ord.get(2).cloned().unwrap_or_default();
        let (over1, over2, over3) = (over(&forsta), over(&andra), over(&tredje));
        self.0.db
            .fetch_all(
                concat!(
"SELECT ", person_kolumner!(), " FROM person p \
                 WHERE p.kommun = $1 \
                 AND p.id IN (SELECT person FROM personnamn WHERE kommun = $1 AND ord >= $2 AND ord < $3) \
                 AND EXISTS (SELECT 1 FROM personnamn n WHERE n.person = p.id AND n.ord >= $4 AND n.ord < $5) \
                 AND EXISTS (SELECT 1 FROM personnamn n WHERE n.person = p.id AND n.ord >= $6 AND n.ord < $7) \
                 ORDER BY efternamn, fornamn, id LIMIT $8"
),
                &[
                    v(kommun),
                    forsta.into(),
                    over1.into(),
                    andra.into(),
                    over2.into(),
                    tredje.into(),
                    over3.into(),
                    max.into(),
                ],
            )
            .await?
            .iter()
            .map(person_fran)
            .collect()
    }
}

impl Store {
    /// Fills `personnamn` for the persons stored before it existed: once, at
    /// `lots migrate`, while the row 'personnamn' is in `uppgradering`.
    pub(crate) async fn fyll_personnamn(&self) -> Result<(), StoreError> {
        if self.uppgradering_kvar("personnamn").await?.is_none() {
            return Ok(());
        }
        let personer: Vec<Person> = self
            .db
            .fetch_all(
                concat!(
                    "SELECT ",
                    person_kolumner!(),
                    " FROM person p \
                 WHERE NOT EXISTS (SELECT 1 FROM personnamn n WHERE n.person = p.id)"
                ),
                &[],
            )
            .await?
            .iter()
            .map(person_fran)
            .collect::<Result<_, _>>()?;
        let rader: Vec<Vec<V>> = personer.iter().flat_map(namnrader).collect();
        let mut tx = self.db.begin().await?;
        tx.infoga(crate::sok::PERSONNAMN, &rader).await?;
        tx.execute("DELETE FROM uppgradering WHERE namn = 'personnamn'", &[])
            .await?;
        tx.commit().await?;
        if !personer.is_empty() {
            tracing::info!(personer = personer.len(), "name search keys filled in");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svenska_bokstaver_och_accenter() {
        assert_eq!(vik("ÖBERG"), "öberg");
        assert_eq!(vik("Åsa Ärlig"), "åsa ärlig");
        assert_eq!(vik("Renée Müller"), "renee muller");
        assert_eq!(vik("Søren Ærø"), "sören ärö");
        assert_eq!(
            namnord("Anna Maria", "Lind-Öberg"),
            ["anna", "lind", "maria", "öberg"]
        );
        assert_eq!(namnord("Anna", "Anna"), ["anna"]);
    }

    #[test]
    fn intervallet_tar_alla_med_prefixet_och_inga_andra() {
        let ovre = over("öb");
        for o in ["öb", "öberg", "öbü", "öb\u{10FFFE}"] {
            assert!(o >= "öb" && o < ovre.as_str(), "{o}");
        }
        for o in ["öa", "öc", "ö", "oberg", "öc"] {
            assert!(!(o >= "öb" && o < ovre.as_str()), "{o}");
        }
    }
}
