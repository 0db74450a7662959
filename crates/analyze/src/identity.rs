//! Speaker identity across a corpus: "Putin", "Vladimir Putin", "President Putin" and "the
//! Russian leader" are one person for the quote ledger.
//!
//! [`canonical_key`] folds one name (titles, possessives, case, spacing). [`SpeakerIndex`]
//! merges the keys it is given into people: a bare surname joins the one full name that ends
//! with it, a full name absorbs the bare surname seen before it, and a role phrase that an
//! article resolved to a person ("the Russian leader" → "Vladimir Putin") becomes a variant of
//! that person, unless other articles resolved the same phrase to someone else (then it names
//! nobody: "the president" differs from country to country).

use std::collections::HashMap;

use parallax_model::{AnalyzedArticle, SpeakerVia};

use crate::lexicon::Lexicon;

/// Words dropped from the front of a role phrase.
const LEADING: &[&str] = &["the", "a", "an", "his", "her", "its", "their"];

/// The comparison key of a name or role phrase: lower case, titles and a leading determiner
/// dropped, possessive "'s" dropped, curly apostrophes straightened, spaces collapsed.
/// "President Vladimir Putin's" → "vladimir putin"; "the Russian leader" → "russian leader".
pub fn canonical_key(name: &str) -> String {
    let lex = Lexicon::get();
    let cleaned = name.replace('’', "'");
    let mut parts: Vec<&str> = cleaned.split_whitespace().collect();
    // Titles go only when a name is left after them ("President" alone stays a role).
    while parts.len() > 1 {
        let first = parts[0].trim_end_matches('.');
        let two = parts.get(1).map(|n| format!("{first} {n}"));
        if two.as_deref().is_some_and(|t| lex.titles.contains(t)) && parts.len() > 2 {
            parts.drain(..2);
        } else if lex.titles.contains(first) || LEADING.contains(&first.to_lowercase().as_str()) {
            parts.remove(0);
        } else {
            break;
        }
    }
    let joined = parts.join(" ").to_lowercase();
    let joined = joined.strip_suffix("'s").unwrap_or(&joined);
    joined
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// One person (or organisation) and the names it goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The fullest name seen, as written (titles dropped).
    pub canonical: String,
    /// Every distinct form seen, as written, first seen first.
    pub variants: Vec<String>,
}

/// Merges speaker names across articles. Build one per corpus, feed it every article.
#[derive(Debug, Default, Clone)]
pub struct SpeakerIndex {
    people: Vec<Identity>,
    /// Key → index into `people` (merged entries are redirected).
    by_key: HashMap<String, usize>,
    /// Role key → person, or `None` when articles disagree.
    roles: HashMap<String, Option<usize>>,
}

impl SpeakerIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a name and returns the index of its person.
    pub fn insert(&mut self, name: &str) -> usize {
        let key = canonical_key(name);
        let display = strip_titles(name);
        if let Some(&i) = self.by_key.get(&key) {
            self.add_variant(i, name);
            return i;
        }
        let words: Vec<&str> = key.split(' ').collect();
        let i = if words.len() == 1 {
            // A bare surname joins the one full name ending with it.
            let mut owners = self.full_names_ending_with(&key);
            owners.dedup();
            match owners[..] {
                [one] => one,
                _ => self.push(display),
            }
        } else {
            let surname = words.last().copied().unwrap_or_default().to_string();
            match self.by_key.get(&surname).copied() {
                // The full name absorbs a bare surname seen earlier, unless that surname
                // already belongs to another full name.
                Some(j) if self.people[j].canonical.split_whitespace().count() == 1 => {
                    self.people[j].canonical = display;
                    j
                }
                _ => self.push(display),
            }
        };
        self.by_key.insert(key, i);
        self.add_variant(i, name);
        i
    }

    /// Records that `role` (e.g. "the Russian leader") stood for `name` in some article.
    pub fn alias(&mut self, role: &str, name: &str) {
        let i = self.insert(name);
        let key = canonical_key(role);
        if key.is_empty() || self.by_key.get(&key).is_some_and(|&j| j == i) {
            return;
        }
        match self.roles.get(&key) {
            None => {
                self.roles.insert(key, Some(i));
                self.add_variant(i, role);
            }
            Some(Some(j)) if *j == i => {}
            Some(_) => {
                // Two people under one role: the phrase identifies nobody.
                if let Some(Some(j)) = self.roles.insert(key, None) {
                    self.people[j]
                        .variants
                        .retain(|v| canonical_key(v) != canonical_key(role));
                }
            }
        }
    }

    /// Adds the speakers of one analysed article: names, and role mentions resolved to a name.
    pub fn add_article(&mut self, article: &AnalyzedArticle) {
        for q in &article.quotes {
            let Some(s) = &q.speaker else { continue };
            if s.via == SpeakerVia::Role && canonical_key(&s.mention) != canonical_key(&s.name) {
                self.alias(&s.mention, &s.name);
            } else {
                self.insert(&s.name);
            }
        }
    }

    /// The person a name or role phrase refers to, if known.
    pub fn get(&self, name: &str) -> Option<&Identity> {
        let key = canonical_key(name);
        let i = self
            .by_key
            .get(&key)
            .copied()
            .or_else(|| self.roles.get(&key).copied().flatten())?;
        self.people.get(i)
    }

    /// The canonical name for `name`: the fullest form of its person, or `name` itself.
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.get(name).map_or(name, |p| p.canonical.as_str())
    }

    /// Every person, in order of first mention.
    pub fn identities(&self) -> impl Iterator<Item = &Identity> {
        let mut seen = vec![false; self.people.len()];
        let mut order: Vec<usize> = Vec::new();
        // Merged people are not removed, only left without keys; list those still reachable.
        let mut live: Vec<usize> = self.by_key.values().copied().collect();
        live.sort_unstable();
        for i in live {
            if !seen[i] {
                seen[i] = true;
                order.push(i);
            }
        }
        order.into_iter().filter_map(|i| self.people.get(i))
    }

    fn push(&mut self, canonical: String) -> usize {
        self.people.push(Identity {
            canonical,
            variants: Vec::new(),
        });
        self.people.len() - 1
    }

    fn add_variant(&mut self, i: usize, form: &str) {
        let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(p) = self.people.get_mut(i) {
            if !p.variants.contains(&form) {
                p.variants.push(form);
            }
        }
    }

    fn full_names_ending_with(&self, surname: &str) -> Vec<usize> {
        let mut owners: Vec<usize> = self
            .by_key
            .iter()
            .filter(|(k, _)| k.contains(' ') && k.rsplit(' ').next() == Some(surname))
            .map(|(_, &i)| i)
            .collect();
        owners.sort_unstable();
        owners
    }
}

/// `name` without leading titles, as written.
fn strip_titles(name: &str) -> String {
    let lex = Lexicon::get();
    let parts: Vec<&str> = name.split_whitespace().collect();
    let mut i = 0;
    while i + 1 < parts.len() && lex.titles.contains(parts[i].trim_end_matches('.')) {
        i += 1;
    }
    let out = parts[i..].join(" ");
    out.strip_suffix("’s")
        .or_else(|| out.strip_suffix("'s"))
        .unwrap_or(&out)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let cases = [
            ("full name", "Vladimir Putin", "vladimir putin"),
            (
                "title dropped",
                "President Vladimir Putin",
                "vladimir putin",
            ),
            ("possessive dropped", "Putin’s", "putin"),
            ("role phrase", "the Russian leader", "russian leader"),
            ("spaces collapsed", "  Ana   Ruiz ", "ana ruiz"),
            ("title alone stays", "President", "president"),
            ("empty", "", ""),
        ];
        for (name, input, want) in cases {
            assert_eq!(canonical_key(input), want, "{name}");
        }
    }

    #[test]
    fn variants_merge_into_one_person() {
        let mut ix = SpeakerIndex::new();
        let a = ix.insert("Ruiz");
        let b = ix.insert("Mayor Ana Ruiz");
        let c = ix.insert("Ana Ruiz");
        ix.alias("the harbour town's mayor", "Ana Ruiz");
        assert_eq!((a, b), (b, c));
        assert_eq!(ix.canonical("Ruiz"), "Ana Ruiz");
        assert_eq!(ix.canonical("the harbour town's mayor"), "Ana Ruiz");
        let p = ix.get("Ana Ruiz").unwrap();
        assert!(p.variants.len() >= 3, "{p:?}");
    }

    #[test]
    fn ambiguous_surname_and_role_stay_apart() {
        let mut ix = SpeakerIndex::new();
        ix.insert("Ana Ruiz");
        ix.insert("Tomas Ruiz");
        let bare = ix.insert("Ruiz");
        assert_ne!(Some(bare), ix.by_key.get("ana ruiz").copied());
        ix.alias("the president", "Ana Ruiz");
        ix.alias("the president", "Piet Vos");
        assert!(ix.get("the president").is_none());
        assert_eq!(ix.canonical("the president"), "the president");
    }
}
