use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::AnalyzedArticle;

/// The result of comparing several reports of one event: the `parallax.comparison/1` contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Comparison {
    /// Always `parallax.comparison/1`.
    pub schema: String,
    /// The articles, analyzed, in input order.
    pub articles: Vec<AnalyzedArticle>,
    /// Sentences that two or more outlets share (the same fact).
    pub facts: Vec<Fact>,
    /// Per article: ids of sentences no other outlet corroborates.
    pub unique: BTreeMap<String, Vec<String>>,
    /// The quote ledger: each utterance and how every outlet rendered it.
    pub utterances: Vec<Utterance>,
    /// Figures about the same subject across outlets, with a verdict.
    pub figure_conflicts: Vec<FigureConflict>,
    /// How each article frames the event.
    pub framing: Vec<Framing>,
    /// Passages shared word for word between articles.
    pub reuse: Vec<Reuse>,
}

/// One fact: a group of sentences from different articles that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Fact {
    /// `F<n>`.
    pub id: String,
    /// The sentences; the first member is the anchor the others were matched against.
    pub members: Vec<FactMember>,
}

/// A sentence in a fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FactMember {
    /// Article id.
    pub article: String,
    /// Sentence id.
    pub sentence: String,
    /// Similarity to the anchor sentence (absent on the anchor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
}

/// How faithfully a rendering reproduces the reference rendering of an utterance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Fidelity {
    /// The rendering the others are compared with (the fullest one).
    Reference,
    /// The same words, case, punctuation, typographic quotes and ellipses aside.
    Verbatim,
    /// The same content in other words (another translation, synonyms).
    Variant,
    /// A contiguous part of the reference.
    Truncated,
    /// The reference plus more of the same speech.
    Extended,
    /// Words changed so that the meaning shifts (numbers, negation, intensity, subject).
    Altered,
    /// Joins separate remarks or carries words that are not speech.
    Spliced,
    /// The same words given to a different speaker.
    Misattributed,
}

/// One operation of a word diff against the reference rendering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DiffOp {
    /// `equal`, `insert` (only in this rendering) or `delete` (only in the reference).
    pub op: DiffKind,
    /// The words.
    pub text: String,
}

/// Kind of a diff operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    /// In both.
    Equal,
    /// Only in this rendering.
    Insert,
    /// Only in the reference.
    Delete,
}

/// Something worth a reader's attention in a rendering, with the words it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Flag {
    /// `narration-inside-quote`, `other-speaker-inside-quote`, `joins-separate-remarks`,
    /// `number-changed`, `negation-changed`, `speaker-differs`, …
    pub kind: String,
    /// The words concerned (e.g. the narration that was inserted).
    pub text: String,
}

/// How one article rendered an utterance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Rendering {
    /// Article id.
    pub article: String,
    /// Quote id.
    pub quote: String,
    /// The speaker this article gives, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The words of this rendering (the part of the quote that matches the utterance).
    pub text: String,
    /// Fidelity class against the reference rendering.
    pub fidelity: Fidelity,
    /// Similarity to the reference (absent on the reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// Word diff against the reference (absent on the reference).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<DiffOp>,
    /// Flag kinds, e.g. `narration-inside-quote`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
    /// The flags with the words each concerns, e.g. the inserted narration.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inserted: Vec<Flag>,
}

/// One utterance (something a speaker said) and its renderings across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Utterance {
    /// `U<n>`.
    pub id: String,
    /// The speaker most renderings give, or null.
    pub speaker: Option<String>,
    /// The renderings; the reference comes first.
    pub renderings: Vec<Rendering>,
}

/// Verdict on figures that count the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The values cannot all be true.
    Conflict,
    /// The values look different but can all be true (17 and "more than a dozen").
    Compatible,
}

/// Figures from different articles about one subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FigureConflict {
    /// What is counted.
    pub subject: String,
    /// Conflict or compatible.
    pub verdict: Verdict,
    /// The figures.
    pub values: Vec<FigureValue>,
    /// One line on why the verdict was reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// One figure in a [`FigureConflict`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FigureValue {
    /// Article id.
    pub article: String,
    /// Figure id.
    pub figure: String,
    /// The value.
    pub value: f64,
    /// The figure as written.
    pub text: String,
}

/// How one article frames the event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Framing {
    /// Article id.
    pub article: String,
    /// The headline, if any.
    pub headline: Option<String>,
    /// Count of each attribution verb (lemma) used for quotes and reported speech.
    pub attribution_verbs: BTreeMap<String, usize>,
    /// Attribution verbs that cast doubt or colour ("claimed", "admitted", "insisted").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub loaded_verbs: Vec<String>,
    /// Loaded terms found in the text, from the lexicon in `data/loaded_terms.tsv`.
    pub loaded_terms: Vec<String>,
    /// Share of the text (by bytes) inside quotation marks.
    pub quoted_share: f64,
    /// The speakers quoted, most-quoted first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voices: Vec<String>,
}

/// Text shared word for word between two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reuse {
    /// The two article ids.
    pub articles: [String; 2],
    /// Characters in the shared passages (measured in the first article).
    pub shared_chars: usize,
    /// Shared passages: for each, a byte range in each article, keyed by article id.
    pub passages: Vec<BTreeMap<String, [usize; 2]>>,
}
