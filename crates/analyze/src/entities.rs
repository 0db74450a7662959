//! Rule-based named entities: people, organisations, places.
//!
//! Capitalised runs of words are cut at sentence-initial function words, titles ("President",
//! "Mr.") and possessives, then classified from what surrounds them: a title or a role noun
//! before a name makes a person, an organisation word ("Council", "Ministry") an organisation,
//! the gazetteer a place, a common given name a person. Short forms join the full name they
//! abbreviate ("Putin" → "Vladimir Putin"), so later stages can resolve pronouns and role nouns
//! to one person.

use parallax_model::{Entity, EntityKind, Span};
use parallax_text::{is_stopword, words, Word};

use crate::lexicon::{Gender, HashSet, Lexicon};
use crate::name_shape::{
    cue_after_apposition, is_calendar, is_cap, is_place_shaped, org_word_follows, strip_possessive,
    word_after, word_before,
};

/// An entity with what the analyzer knows of it beyond the contract's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityInfo {
    /// Canonical name: the fullest form, without titles.
    pub name: String,
    /// Person, org, place, other.
    pub kind: EntityKind,
    /// Spans of every mention.
    pub mentions: Vec<Span>,
    /// Grammatical gender, when a title, given name or surname form tells it.
    pub gender: Option<Gender>,
    /// Titles and role nouns attached to the person ("president", "activist").
    pub roles: Vec<String>,
}

impl EntityInfo {
    /// A person, or a name with a person's shape that nothing else has claimed (two or three
    /// words of letters, kept as "other" for lack of evidence). Pronouns may point to it;
    /// the entity list does not call it a person.
    pub fn could_be_person(&self) -> bool {
        self.kind == EntityKind::Person
            || self.kind == EntityKind::Other && person_shaped(&self.name)
    }
}

/// Adds roles not held yet: a name mentioned a thousand times with its title keeps one role,
/// so role look-ups stay short.
fn extend_roles(held: &mut Vec<String>, new: Vec<String>) {
    for r in new {
        if !held.contains(&r) {
            held.push(r);
        }
    }
}

/// Two or three capitalised words of letters. Pronoun resolution asks this of every entity,
/// so plain ASCII names take a single byte pass.
fn person_shaped(name: &str) -> bool {
    if name.is_ascii() {
        let b = name.as_bytes();
        let mut words = 1;
        let mut at_start = true;
        for &c in b {
            if c == b' ' {
                if at_start {
                    return false;
                }
                words += 1;
                at_start = true;
            } else if at_start {
                if !c.is_ascii_uppercase() {
                    return false;
                }
                at_start = false;
            } else if !c.is_ascii_alphabetic() && c != b'-' {
                return false;
            }
        }
        return !at_start && (2..=3).contains(&words);
    }
    (2..=3).contains(&name.split(' ').count())
        && name
            .split(' ')
            .all(|w| is_cap(w) && w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// The entities of one article.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// Entities in order of first mention.
    pub list: Vec<EntityInfo>,
}

/// Lower-case words before a name that make it a person, beyond the role list.
const ORG_HINTS: &[&str] = &[
    "channel",
    "newspaper",
    "party",
    "group",
    "outlet",
    "agency",
    "company",
    "firm",
    "organization",
    "organisation",
    "website",
    "network",
    "broadcaster",
    "publication",
    "daily",
    "magazine",
    "bank",
];

/// Connectors allowed inside a name ("Council of Mothers and Wives", "Ludwig van Beethoven").
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "de", "van", "von", "der", "al", "bin", "la", "du", "del", "da",
    "di",
];

struct Run<'a> {
    words: Vec<Word<'a>>,
    sentence_initial: bool,
}

impl Entities {
    /// Finds the entities of `text`. `sentence_starts` are the byte offsets where sentences
    /// begin (capitalisation there says nothing).
    pub fn find(text: &str, sentence_starts: &[usize]) -> Entities {
        Self::find_in(text, &words(text), sentence_starts)
    }

    /// [`Entities::find`] with the words of `text` already split (`parallax_text::words`), so
    /// the stages of one article share them.
    pub fn find_in(text: &str, ws: &[Word], sentence_starts: &[usize]) -> Entities {
        let lex = Lexicon::get();
        let runs = capitalised_runs(text, ws, sentence_starts);
        let lower_words = openers_seen_in_lower_case(ws, &runs);
        let mut ents = Entities::default();
        // Candidates whose kind is unknown wait until every full name is known.
        let mut pending: Vec<(Vec<Word>, bool, Option<&str>)> = Vec::new();
        for run in runs {
            let mut ws: Vec<Word> = run.words;
            let initial_start = ws.first().map(|w| w.start);
            let mut opening_role: Option<String> = None;
            if run.sentence_initial {
                while ws.first().is_some_and(|w| {
                    !lex.titles.contains(w.text)
                        && (is_stopword(w.text) || is_common_opener(&lower_words, w.text))
                }) {
                    ws.remove(0);
                }
                // A capitalised role noun opening the sentence: "Activist Mira Holt said".
                if ws.len() >= 2
                    && lex.roles.contains(ws[0].text.to_lowercase().as_str())
                    && !lex.titles.contains(ws[0].text)
                {
                    opening_role = Some(ws[0].text.to_lowercase());
                    ws.remove(0);
                }
            }
            if ws.is_empty() {
                continue;
            }
            // Titles: the longest title prefix ending before the last word.
            let mut roles: Vec<String> = opening_role.iter().cloned().collect();
            let mut gender = None;
            let mut cut = 0;
            for i in 0..ws.len().saturating_sub(1) {
                let one = ws[i].text;
                // Two-word titles ("Prime Minister") read straight from the text: no allocation.
                let two = ws
                    .get(i + 1)
                    .filter(|n| text.get(ws[i].end..n.start) == Some(" "))
                    .and_then(|n| text.get(ws[i].start..n.end));
                if let Some(t) = two.filter(|t| lex.titles.contains(*t) && i + 2 < ws.len()) {
                    roles.push(t.to_lowercase());
                    cut = i + 2;
                    break;
                }
                if lex.titles.contains(one) {
                    roles.push(title_role(one));
                    gender = gender.or(title_gender(one));
                    cut = i + 1;
                }
            }
            let name_words: Vec<Word> = ws[cut..].to_vec();
            let Some(first) = name_words.first() else {
                continue;
            };
            let last = name_words.last().copied().unwrap_or(*first);
            let before = word_before(text, ws[0].start);
            let after = word_after(text, last.end).or_else(|| cue_after_apposition(text, last.end));
            let name = join_name(text, &name_words);
            let span = Span(first.start, strip_possessive_end(text, last));
            let has_org_word = name_words
                .iter()
                .any(|w| lex.org_words.contains(strip_possessive(w.text)))
                || lex.org_words.contains(name.as_str());
            let kind = if has_org_word {
                Some(EntityKind::Org)
            } else if !roles.is_empty() && name_words.len() >= 2 || cut > 0 {
                Some(EntityKind::Person)
            } else if lex.places.contains(name.as_str()) || is_place_shaped(&name_words) {
                Some(EntityKind::Place)
            } else if name_words.len() >= 2 && lex.first_names.contains_key(first.text) {
                Some(EntityKind::Person)
            } else if before.is_some_and(|b| lex.roles.contains(b) && !ORG_HINTS.contains(&b))
                && name_words.len() >= 2
            {
                roles.push(before.unwrap_or_default().to_string());
                Some(EntityKind::Person)
            } else if before.is_some_and(|b| ORG_HINTS.contains(&b)) {
                Some(EntityKind::Org)
            } else {
                None
            };
            match kind {
                Some(k) => {
                    let gender = gender.or_else(|| guess_gender(&name_words));
                    ents.add(name, k, span, gender, roles);
                }
                None => {
                    let initial = run.sentence_initial && initial_start == Some(first.start);
                    pending.push((name_words, initial, after))
                }
            }
        }
        // Second pass: short forms join known full names; unknown names followed by a speech
        // cue (also across an apposition) are taken for people; the rest are kept as "other"
        // when not sentence-initial. A capitalised pair is no evidence of a person on its own:
        // towns, streets and mastheads look the same ("Port Ellery", "Coastal Herald"); the
        // speaker stage promotes an "other" that it resolves as an explicit speaker.
        for (name_words, initial, after) in pending {
            let (Some(first), Some(last)) = (name_words.first(), name_words.last()) else {
                continue;
            };
            let name = join_name(text, &name_words);
            let span = Span(first.start, strip_possessive_end(text, *last));
            if let Some(i) = ents.person_by_surname(strip_possessive(last.text), span.0) {
                ents.list[i].mentions.push(span);
                continue;
            }
            let cue_after = after.is_some_and(|a| lex.cue(a).is_some());
            let kind = if cue_after && looks_like_person_name(&name_words) {
                EntityKind::Person
            } else {
                EntityKind::Other
            };
            if kind == EntityKind::Other && initial && name_words.len() < 2 {
                continue;
            }
            let gender = guess_gender(&name_words);
            ents.add(name, kind, span, gender, Vec::new());
        }
        for e in &mut ents.list {
            e.mentions.sort();
            e.mentions.dedup();
        }
        ents.list.sort_by_key(|e| e.mentions.first().copied());
        ents
    }

    fn add(
        &mut self,
        name: String,
        kind: EntityKind,
        span: Span,
        gender: Option<Gender>,
        roles: Vec<String>,
    ) {
        // A short form of a known person joins that person; a full form absorbs earlier
        // short forms.
        let n_words = name.split_whitespace().count();
        if kind == EntityKind::Person && n_words == 1 {
            // "Huma Abedin" seen without evidence, then "Abedin said": the same person.
            for e in &mut self.list {
                if e.kind == EntityKind::Other
                    && e.name.contains(' ')
                    && e.name.rsplit(' ').next() == Some(name.as_str())
                {
                    e.kind = EntityKind::Person;
                }
            }
            if let Some(i) = self.person_by_surname(&name, span.0) {
                let e = &mut self.list[i];
                e.mentions.push(span);
                extend_roles(&mut e.roles, roles);
                e.gender = e.gender.or(gender);
                return;
            }
        }
        if let Some(e) = self.list.iter_mut().find(|e| e.name == name) {
            e.mentions.push(span);
            extend_roles(&mut e.roles, roles);
            e.gender = e.gender.or(gender);
            if e.kind == EntityKind::Other {
                e.kind = kind;
            }
            return;
        }
        if kind == EntityKind::Person && n_words >= 2 {
            let surname = name.rsplit(' ').next().unwrap_or(&name).to_string();
            if let Some(i) = self.list.iter().position(|e| {
                e.name == surname && matches!(e.kind, EntityKind::Person | EntityKind::Other)
            }) {
                let mut e = self.list.remove(i);
                e.name = name;
                e.kind = kind;
                e.mentions.push(span);
                extend_roles(&mut e.roles, roles);
                e.gender = e.gender.or(gender);
                self.list.push(e);
                return;
            }
        }
        self.list.push(EntityInfo {
            name,
            kind,
            mentions: vec![span],
            gender,
            roles,
        });
    }

    /// The person whose surname is `surname`, preferring the one mentioned last before `at`.
    pub fn person_by_surname(&self, surname: &str, at: usize) -> Option<usize> {
        self.list
            .iter()
            .enumerate()
            // A byte comparison first: this runs for every short name in the article.
            .filter(|(_, e)| {
                e.kind == EntityKind::Person
                    && e.name.len() > surname.len()
                    && e.name.ends_with(surname)
                    && e.name[..e.name.len() - surname.len()].ends_with(' ')
            })
            .max_by_key(|(_, e)| {
                // Mentions are in text order (sorted once `find` returns): binary search.
                let k = e.mentions.partition_point(|m| m.0 <= at);
                k.checked_sub(1).map(|k| e.mentions[k].0)
            })
            .map(|(i, _)| i)
    }

    /// The entity with a mention overlapping `span` (mentions are sorted and do not overlap
    /// each other, so the only candidate is the last mention starting before `span` ends).
    pub fn at(&self, span: Span) -> Option<usize> {
        self.list.iter().position(|e| {
            let k = e.mentions.partition_point(|m| m.0 < span.1);
            k > 0 && span.0 < e.mentions[k - 1].1
        })
    }

    /// The entity named `name` (exactly, or by surname for people).
    pub fn by_name(&self, name: &str, at: usize) -> Option<usize> {
        self.list
            .iter()
            .position(|e| e.name == name)
            .or_else(|| self.person_by_surname(name.rsplit(' ').next().unwrap_or(name), at))
    }

    /// Into the contract's entity list.
    pub fn to_model(&self) -> Vec<Entity> {
        self.list
            .iter()
            .map(|e| Entity {
                name: e.name.clone(),
                kind: e.kind,
                mentions: e.mentions.clone(),
            })
            .collect()
    }
}

fn title_role(title: &str) -> String {
    let t = title.to_lowercase();
    match t.as_str() {
        "gen" => "general".into(),
        "sen" => "senator".into(),
        "rep" => "representative".into(),
        "gov" => "governor".into(),
        "col" => "colonel".into(),
        "lt" => "lieutenant".into(),
        "maj" => "major".into(),
        "capt" => "captain".into(),
        "sgt" => "sergeant".into(),
        "adm" => "admiral".into(),
        "prof" => "professor".into(),
        "dr" => "doctor".into(),
        _ => t,
    }
}

fn title_gender(title: &str) -> Option<Gender> {
    match title {
        "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Father" | "Congressman" | "Chairman" => {
            Some(Gender::Male)
        }
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess" | "Sister"
        | "Congresswoman" | "Chairwoman" => Some(Gender::Female),
        _ => None,
    }
}

/// Given name first; else a Slavic surname form, which marks gender in the ending.
fn guess_gender(name: &[Word]) -> Option<Gender> {
    let lex = Lexicon::get();
    if name.len() >= 2 {
        if let Some(g) = name.first().and_then(|w| lex.first_names.get(w.text)) {
            return Some(*g);
        }
        let last = strip_possessive(name.last()?.text);
        if ["ova", "eva", "ina", "aya", "ska"]
            .iter()
            .any(|s| last.ends_with(s))
        {
            return Some(Gender::Female);
        }
        if ["ov", "ev", "in", "sky", "ski"]
            .iter()
            .any(|s| last.ends_with(s))
        {
            return Some(Gender::Male);
        }
    }
    None
}

fn looks_like_person_name(name: &[Word]) -> bool {
    name.len() <= 3
        && name.iter().all(|w| {
            w.text
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
                && !CONNECTORS.contains(&w.text)
        })
}

/// The words of sentence-initial runs, lower-cased, that the text also writes in lower case.
/// Only these few candidates are hashed, and a word is hashed only when its length and first
/// byte match a candidate's: one cheap pass over the words (a set of every lower-case word of
/// the text cost more than the rest of entity finding).
fn openers_seen_in_lower_case(ws: &[Word], runs: &[Run]) -> HashSet<String> {
    let candidates: HashSet<String> = runs
        .iter()
        .filter(|r| r.sentence_initial)
        .flat_map(|r| r.words.iter().map(|w| w.text.to_lowercase()))
        .collect();
    let mut lens = [false; 64];
    let mut firsts = [false; 256];
    for c in &candidates {
        lens[c.len().min(63)] = true;
        firsts[usize::from(c.as_bytes().first().copied().unwrap_or(0))] = true;
    }
    let mut seen = HashSet::default();
    for w in ws {
        let b = w.text.as_bytes();
        if !lens[b.len().min(63)] || !firsts[usize::from(b.first().copied().unwrap_or(0))] {
            continue;
        }
        if w.text.chars().next().is_some_and(char::is_lowercase) && candidates.contains(w.text) {
            seen.insert(w.text.to_string());
        }
    }
    seen
}

/// True when `w` also appears in lower case in the text: a capitalised sentence opener, not a
/// name ("Anger built", "Sitting with the group").
fn is_common_opener(lower_words: &HashSet<String>, w: &str) -> bool {
    let lower = w.to_lowercase();
    if lower == w {
        return false;
    }
    if w.ends_with("ly") || w.ends_with("ing") {
        return true;
    }
    lower_words.contains(lower.as_str())
}

fn strip_possessive_end(_text: &str, w: Word) -> usize {
    w.start + strip_possessive(w.text).len()
}

fn join_name(text: &str, ws: &[Word]) -> String {
    let (Some(f), Some(l)) = (ws.first(), ws.last()) else {
        return String::new();
    };
    let end = strip_possessive_end(text, *l);
    let raw = text.get(f.start..end).unwrap_or("");
    // Most names are written with single spaces: copy them as they are.
    if !raw.contains(|c: char| c.is_whitespace() && c != ' ') && !raw.contains("  ") {
        return raw.to_string();
    }
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs of capitalised words separated only by spaces (and initials' periods), with inner
/// connectors.
fn capitalised_runs<'a>(text: &str, ws: &[Word<'a>], sentence_starts: &[usize]) -> Vec<Run<'a>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !is_cap(ws[i].text) || is_calendar(text, &ws[i]) {
            i += 1;
            continue;
        }
        let mut run = vec![ws[i]];
        let mut j = i + 1;
        while j < ws.len() {
            let prev = run[run.len() - 1];
            let gap = &text[prev.end..ws[j].start];
            let initial = prev.text.chars().count() == 1 && gap == ". ";
            // A possessive ends a name: "Russia's president".
            if prev.text.ends_with("’s") || prev.text.ends_with("'s") {
                break;
            }
            // "Port Ellery Fishers’ Cooperative": a plural possessive inside an organisation's
            // name joins it when an organisation word follows.
            let plural_possessive = (gap == "’ " || gap == "' ")
                && prev.text.ends_with('s')
                && org_word_follows(text, ws, j);
            if gap != " " && !initial && !plural_possessive {
                break;
            }
            let w = ws[j];
            if is_calendar(text, &w) {
                break;
            }
            if is_cap(w.text) {
                run.push(w);
                j += 1;
            } else if CONNECTORS.contains(&w.text)
                && ws
                    .get(j + 1)
                    .is_some_and(|n| is_cap(n.text) && &text[w.end..n.start] == " ")
            {
                run.push(w);
                run.push(ws[j + 1]);
                j += 2;
            } else {
                break;
            }
        }
        let start = run[0].start;
        // The sentence the run is in starts at the last sentence start at or before it
        // (starts are sorted); binary search keeps long articles linear.
        let k = sentence_starts.partition_point(|&s| s <= start);
        let sentence_initial = k > 0
            && text
                .get(sentence_starts[k - 1]..start)
                .is_some_and(|gap| gap.chars().all(|c| !c.is_alphanumeric()));
        // Split at connectors unless the run names an organisation.
        let lex = Lexicon::get();
        let is_org = run.iter().any(|w| lex.org_words.contains(w.text));
        if is_org {
            runs.push(Run {
                words: run,
                sentence_initial,
            });
        } else {
            let mut piece = Vec::new();
            let mut first = true;
            for w in run {
                if CONNECTORS.contains(&w.text)
                    && !matches!(
                        w.text,
                        "van"
                            | "von"
                            | "der"
                            | "de"
                            | "al"
                            | "bin"
                            | "la"
                            | "du"
                            | "del"
                            | "da"
                            | "di"
                    )
                {
                    if !piece.is_empty() {
                        runs.push(Run {
                            words: std::mem::take(&mut piece),
                            sentence_initial: sentence_initial && first,
                        });
                    }
                    first = false;
                    continue;
                }
                piece.push(w);
            }
            if !piece.is_empty() {
                runs.push(Run {
                    words: piece,
                    sentence_initial: sentence_initial && first,
                });
            }
        }
        i = j;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Entities {
        let starts: Vec<usize> = parallax_text::paragraphs(text)
            .into_iter()
            .flat_map(|(s, e)| parallax_text::sentences(text, s, e))
            .map(|(s, _)| s)
            .collect();
        Entities::find(text, &starts)
    }

    fn names(e: &Entities, kind: EntityKind) -> Vec<String> {
        e.list
            .iter()
            .filter(|x| x.kind == kind)
            .map(|x| x.name.clone())
            .collect()
    }

    #[test]
    fn titles_make_people_and_short_forms_join() {
        let t = "President Ana Ruiz met the crew. Later, Ruiz said the pier would reopen.";
        let e = find(t);
        assert_eq!(names(&e, EntityKind::Person), ["Ana Ruiz"]);
        let ruiz = &e.list[0];
        assert_eq!(ruiz.mentions.len(), 2);
        assert!(ruiz.roles.contains(&"president".to_string()));
        assert_eq!(ruiz.gender, Some(Gender::Female));
    }

    #[test]
    fn org_words_make_organisations_with_connectors() {
        let t = "She is a member of the Council of Harbour Pilots and Wardens, a union.";
        let e = find(t);
        assert_eq!(
            names(&e, EntityKind::Org),
            ["Council of Harbour Pilots and Wardens"]
        );
    }

    #[test]
    fn places_from_the_gazetteer() {
        let e = find("The ship sailed from Norway to Chile.");
        assert_eq!(names(&e, EntityKind::Place), ["Norway", "Chile"]);
    }

    #[test]
    fn role_noun_before_a_name_makes_a_person() {
        let e = find("The claims were echoed by activist Mira Holt on Friday.");
        assert_eq!(names(&e, EntityKind::Person), ["Mira Holt"]);
        assert!(e.list[0].roles.contains(&"activist".to_string()));
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let e = find(
            "Anger built across the region. Sitting at a table, officials waited. Anger is rare.",
        );
        assert!(e.list.is_empty(), "{:?}", e.list);
    }

    #[test]
    fn possessive_is_not_part_of_the_name() {
        let e = find("Then Tomas Brandt’s team left.");
        assert_eq!(e.list[0].name, "Tomas Brandt");
    }

    #[test]
    fn unknown_name_before_a_speech_cue_is_a_person() {
        let e = find("The plan, Kovalenko said, was sound.");
        assert_eq!(names(&e, EntityKind::Person), ["Kovalenko"]);
    }
}
