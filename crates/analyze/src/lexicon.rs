//! The analyzer's word lists (see `data/README.md`), parsed once.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A multiply-rotate hasher for the lexicon's short keys. Lookups run for nearly every word
/// of an article, and SipHash (the default, built against hostile keys) was a tenth of the
/// time of quote extraction; the keys here are our own word lists.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set keyed with [`WordHasher`].
pub type HashSet<T> = StdHashSet<T, BuildHasherDefault<WordHasher>>;
/// A map keyed with [`WordHasher`].
pub type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Grammatical gender, for pronoun agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he / him / his
    Male,
    /// she / her / hers
    Female,
}

/// What an attribution cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Reports speech: said, told, claimed.
    Speech,
    /// Names something: called, dubbed, referred to … as.
    Naming,
    /// Introduces a source: according to.
    Source,
}

/// All word lists of the analyzer.
pub struct Lexicon {
    /// Cue form (lower-case) → (lemma, class).
    pub cues: HashMap<String, (String, CueClass)>,
    /// Cue lemma → class: the base form, a cue only after "to" ("went on to say"), since many
    /// base forms are also nouns ("a call", "the state").
    pub cue_lemmas: HashMap<String, CueClass>,
    /// Titles as written, without a trailing period; multiword titles included.
    pub titles: HashSet<String>,
    /// Role nouns, lower-case.
    pub roles: HashSet<String>,
    /// Organisation marker words.
    pub org_words: HashSet<String>,
    /// Place names.
    pub places: HashSet<String>,
    /// Given name → gender.
    pub first_names: HashMap<String, Gender>,
    /// Verbs of belief and evidence that attribute a clause (indirect attributions only).
    pub report_verbs: HashSet<String>,
}

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// The shared lexicon.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::load)
    }

    fn load() -> Lexicon {
        let mut cues = HashMap::default();
        for l in lines(include_str!("../data/cues.tsv")) {
            let cols: Vec<&str> = l.split('\t').collect();
            if let [form, lemma, class] = cols[..] {
                let class = match class {
                    "naming" => CueClass::Naming,
                    "source" => CueClass::Source,
                    _ => CueClass::Speech,
                };
                cues.insert(form.to_string(), (lemma.to_string(), class));
            }
        }
        let set = |src: &str| lines(src).map(str::to_string).collect::<HashSet<_>>();
        let mut first_names = HashMap::default();
        for l in lines(include_str!("../data/first_names.tsv")) {
            if let Some((name, g)) = l.split_once('\t') {
                let g = if g.trim() == "f" {
                    Gender::Female
                } else {
                    Gender::Male
                };
                first_names.entry(name.to_string()).or_insert(g);
            }
        }
        let cue_lemmas = cues
            .values()
            .map(|(lemma, class)| (lemma.clone(), *class))
            .collect();
        Lexicon {
            cues,
            cue_lemmas,
            titles: set(include_str!("../data/titles.txt")),
            roles: set(include_str!("../data/roles.txt")),
            org_words: set(include_str!("../data/org_words.txt")),
            places: set(include_str!("../data/places.txt")),
            first_names,
            report_verbs: set(include_str!("../data/report_verbs.txt")),
        }
    }

    /// The cue class of a lower-case word form.
    pub fn cue(&self, form: &str) -> Option<CueClass> {
        self.cues.get(form).map(|(_, c)| *c)
    }

    /// The cue class of a lower-case base form ("say", "accuse").
    pub fn cue_lemma(&self, lemma: &str) -> Option<CueClass> {
        self.cue_lemmas.get(lemma).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_every_list() {
        let lex = Lexicon::get();
        assert_eq!(lex.cue("said"), Some(CueClass::Speech));
        assert_eq!(lex.cue("dubbed"), Some(CueClass::Naming));
        assert!(lex.titles.contains("Prime Minister"));
        assert!(lex.roles.contains("spokeswoman"));
        assert!(lex.places.contains("Ukraine"));
        assert_eq!(lex.first_names.get("Olga"), Some(&Gender::Female));
        assert!(lex.org_words.contains("Council"));
        assert!(lex.report_verbs.contains("believes"));
    }
}
