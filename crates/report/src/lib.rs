//! Renderers of a [`Comparison`]: a coloured terminal report, JSON (the
//! `parallax.comparison/1` contract) and Markdown. Renderers only format; they decide nothing.

mod markdown;
mod style;
mod text;

pub use markdown::{render_analysis_markdown, render_markdown};
pub use style::Style;
pub use text::{render_analysis, render_text};

use parallax_model::{AnalyzedArticle, Comparison};

/// The comparison as pretty-printed JSON.
pub fn render_json(c: &Comparison) -> String {
    serde_json::to_string_pretty(c).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One analyzed article as a single JSON line (the article object of the contract).
pub fn render_article_json(a: &AnalyzedArticle) -> String {
    serde_json::to_string(a).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Article content with terminal control characters (ESC and the other C0/C1 controls, bar
/// newline and tab) replaced by spaces, so a hostile article cannot clear the screen, retitle
/// the terminal or forge colours. Each control is one byte or two, and a space per byte keeps
/// every byte offset of the findings valid.
pub(crate) fn defang<T: serde::Serialize + serde::de::DeserializeOwned + Clone>(value: &T) -> T {
    fn has_controls(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::String(s) => s.chars().any(is_control),
            serde_json::Value::Array(a) => a.iter().any(has_controls),
            serde_json::Value::Object(o) => o.values().any(has_controls),
            _ => false,
        }
    }
    fn clean(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) if s.chars().any(is_control) => {
                *s = s
                    .chars()
                    .flat_map(|c| {
                        let n = if is_control(c) { c.len_utf8() } else { 0 };
                        std::iter::repeat_n(' ', n).chain((n == 0).then_some(c))
                    })
                    .collect();
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(clean),
            serde_json::Value::Object(o) => o.values_mut().for_each(clean),
            _ => {}
        }
    }
    let Ok(mut v) = serde_json::to_value(value) else {
        return value.clone();
    };
    if !has_controls(&v) {
        return value.clone();
    }
    clean(&mut v);
    serde_json::from_value(v).unwrap_or_else(|_| value.clone())
}

fn is_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Text of sentence `id` (`a1:s3`) in `c`, if it exists.
pub(crate) fn sentence_text<'a>(c: &'a Comparison, id: &str) -> &'a str {
    let Some((art, _)) = id.split_once(':') else {
        return "";
    };
    let Some(a) = c.articles.iter().find(|a| a.article.id == art) else {
        return "";
    };
    a.sentences
        .iter()
        .position(|s| s.id == id)
        .map_or("", |i| a.sentence_text(i))
}

/// Outlet of article `id`.
pub(crate) fn outlet<'a>(c: &'a Comparison, id: &str) -> &'a str {
    c.articles
        .iter()
        .find(|a| a.article.id == id)
        .map_or("", |a| a.article.outlet.as_str())
}

/// Shortens `s` to about `max` characters at a word boundary.
pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}
