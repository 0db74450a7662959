use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Article;

/// A byte range `[start, end)` into [`Article::text`], serialised as `[start, end]`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct Span(pub usize, pub usize);

impl Span {
    /// Start offset.
    pub fn start(self) -> usize {
        self.0
    }
    /// End offset (exclusive).
    pub fn end(self) -> usize {
        self.1
    }
    /// The spanned text; empty if the span does not fit `text`.
    pub fn of(self, text: &str) -> &str {
        text.get(self.0..self.1).unwrap_or("")
    }
}

/// One sentence of the article text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Sentence {
    /// `<article>:s<n>`, numbered from 1 in text order.
    pub id: String,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Index of the paragraph (into `AnalyzedArticle::paragraphs`) that holds the sentence.
    pub paragraph: usize,
}

/// How a quotation sits in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full quotation of speech, usually a clause or more, attributed to a speaker.
    Direct,
    /// A quoted fragment of speech inside a sentence of narration.
    Partial,
    /// A scare quote or a quoted term, name or title: not speech.
    Term,
    /// A quotation in the headline.
    Headline,
    /// Reported speech without quotation marks ("X said that …").
    Indirect,
}

/// How a speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerVia {
    /// Named next to the cue ("Putin said").
    Explicit,
    /// A pronoun resolved to the nearest compatible person.
    Pronoun,
    /// A role noun ("the Russian president") resolved to the person holding the role.
    Role,
    /// No cue in reach; taken from the surrounding quotes or narration.
    Context,
}

/// Who a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Speaker {
    /// Canonical name of the person or organisation (the fullest form in the article).
    pub name: String,
    /// The words in the text that point to the speaker ("he", "the Russian president").
    pub mention: String,
    /// How the mention was resolved.
    pub via: SpeakerVia,
    /// Byte span of the mention, when it is in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A quotation: words the article presents as someone's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// `<article>:q<n>`, numbered from 1 in text order.
    pub id: String,
    /// Start of the quoted words (inside the marks); into `title` for a headline quote.
    pub start: usize,
    /// End of the quoted words (inside the marks).
    pub end: usize,
    /// The quoted words, without the marks; parts of a quote split by an attribution or by
    /// paragraphs are joined with a space.
    pub text: String,
    /// Direct, partial, term, headline or indirect.
    pub kind: QuoteKind,
    /// The speaker, or null when none could be found.
    pub speaker: Option<Speaker>,
    /// Attribution verb or phrase, or null.
    pub cue: Option<String>,
    /// The spans that make up the quote when it is split (by "he said", or across paragraphs);
    /// a single span otherwise.
    pub parts: Vec<Span>,
}

/// Kind of named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation: party, agency, company, outlet, channel.
    Org,
    /// A place.
    Place,
    /// Anything else named.
    Other,
}

/// A named entity and every place it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    /// Canonical name (the fullest form in the article).
    pub name: String,
    /// Person, org, place or other.
    pub kind: EntityKind,
    /// Spans of every mention, including short forms and resolved role nouns.
    pub mentions: Vec<Span>,
}

/// How exact a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Approx {
    /// Stated as an exact number.
    Exact,
    /// "about", "some", "nearly", "hundreds of".
    About,
    /// "more than", "at least", "over".
    AtLeast,
    /// "fewer than", "up to", "at most".
    AtMost,
    /// "between 10 and 20", "10-20".
    Range,
}

/// A number in the text, with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// `<article>:f<n>`.
    pub id: String,
    /// Start of the figure phrase.
    pub start: usize,
    /// End of the figure phrase.
    pub end: usize,
    /// The figure phrase as written ("more than 300,000 reservists").
    pub text: String,
    /// The value (the lower bound of a range).
    pub value: f64,
    /// Upper bound of a range, or of an "about" figure's plausible spread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// How exact the value is.
    pub approx: Approx,
    /// What is counted or measured ("reservists", "percent", "USD"), when stated.
    pub unit: Option<String>,
    /// A short description of what the figure is about ("reservists called up").
    pub subject: Option<String>,
}

/// A date in the text, resolved to a calendar date where possible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// `<article>:d<n>`.
    pub id: String,
    /// Start of the date phrase.
    pub start: usize,
    /// End of the date phrase.
    pub end: usize,
    /// The phrase as written ("on Friday", "9 November").
    pub text: String,
    /// Resolved date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when it cannot be resolved.
    pub date: Option<String>,
    /// True when resolved against the article's publication date ("on Friday", "yesterday").
    pub relative: bool,
}

/// An article with everything the analyzer found in it. Serialises flat: the article's fields
/// followed by the analysis fields, as in the comparison contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AnalyzedArticle {
    /// The cleaned article.
    #[serde(flatten)]
    pub article: Article,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Quotations in text order. Headline quotes come first; their `start`/`end`/`parts` are
    /// offsets into `title`, not `text`.
    pub quotes: Vec<Quote>,
    /// Named entities.
    pub entities: Vec<Entity>,
    /// Numbers with their units and subjects.
    pub figures: Vec<Figure>,
    /// Dates.
    pub dates: Vec<DateMention>,
}

impl AnalyzedArticle {
    /// Index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }

    /// Text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        let s = &self.sentences[i];
        self.article.text.get(s.start..s.end).unwrap_or("")
    }
}
