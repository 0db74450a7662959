//! JSON and JSONL records to raw documents.
//!
//! A file holds one object, an array of objects, or one object per line (JSONL/NDJSON). A record
//! is `{"id"?, "url"?, "outlet"?, "title"?, "published"?, "text" or "html"}`; news-please records
//! (`maintext`, `date_publish`, `source_domain`) and the common `content`/`body` fields are read
//! too. Record `N` (1-based, counting every record including skipped ones, so numbers stay
//! stable) becomes the input `PATH#N`.
//!
//! Policy: malformed JSON is an error naming `PATH:LINE` (a broken dump should be noticed, not
//! half-read); a well-formed record without any text is skipped with a warning, because real
//! corpora (news-please above all) carry such records and one of them should not stop a run.

use parallax_model::{DocumentMeta, MediaType, RawDocument};
use serde_json::{Map, Value};

use crate::error::{IngestError, Warning};

/// Fields that may carry the article text, in order of preference.
const TEXT_FIELDS: &[&str] = &["text", "maintext", "content", "body"];
/// Fields that may carry the publication date.
const DATE_FIELDS: &[&str] = &["published", "date_publish", "date_published", "date"];
/// Fields that may name the outlet.
const OUTLET_FIELDS: &[&str] = &["outlet", "source_domain", "source"];

/// Whether a JSON file is one document or one record per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonShape {
    /// `.json`: one object or an array; falls back to lines when the first line is an object.
    Document,
    /// `.jsonl` / `.ndjson`: one object per line.
    Lines,
}

/// True when `text` looks like JSON records (used to sniff stdin and unknown extensions).
pub(crate) fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with('{') {
        return true;
    }
    // "[" also opens Markdown links, so require an array of objects.
    t.strip_prefix('[')
        .is_some_and(|rest| rest.trim_start().starts_with('{'))
}

/// Parses the records of `path` into raw documents.
pub(crate) fn parse(
    path: &str,
    text: &str,
    shape: JsonShape,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<RawDocument>, IngestError> {
    let values = match shape {
        JsonShape::Lines => parse_lines(path, text)?,
        JsonShape::Document => match serde_json::from_str::<Value>(text) {
            Ok(Value::Array(items)) => items,
            Ok(value) => vec![value],
            Err(err) => {
                if first_line_is_object(text) {
                    parse_lines(path, text)?
                } else {
                    return Err(IngestError::Json {
                        location: path.to_string(),
                        reason: err.to_string(),
                    });
                }
            }
        },
    };
    let mut docs = Vec::with_capacity(values.len());
    for (i, value) in values.into_iter().enumerate() {
        let input = format!("{path}#{}", i + 1);
        let Value::Object(obj) = value else {
            return Err(IngestError::Record {
                input,
                reason: "record is not a JSON object".into(),
            });
        };
        match record(input, &obj) {
            Ok(doc) => docs.push(doc),
            Err(skip) => warnings.push(skip),
        }
    }
    if docs.is_empty() && warnings.is_empty() {
        return Err(IngestError::Empty {
            input: path.to_string(),
        });
    }
    Ok(docs)
}

fn first_line_is_object(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))))
}

fn parse_lines(path: &str, text: &str) -> Result<Vec<Value>, IngestError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str::<Value>(line).map_err(|err| IngestError::Json {
            location: format!("{path}:{}", i + 1),
            reason: err.to_string(),
        })?;
        out.push(value);
    }
    Ok(out)
}

/// One record to a raw document, or the warning that says why it was skipped.
fn record(input: String, obj: &Map<String, Value>) -> Result<RawDocument, Warning> {
    let html = string_field(obj, &["html"]);
    let text = string_field(obj, TEXT_FIELDS);
    let (media_type, body) = match (html, text) {
        (Some(html), _) => (MediaType::Html, html),
        (None, Some(text)) => (MediaType::Text, text),
        (None, None) => {
            return Err(Warning::new(
                input,
                "record has no text (text, maintext, content, body or html); skipped",
            ))
        }
    };
    let meta = DocumentMeta {
        id: string_field(obj, &["id"]),
        url: string_field(obj, &["url"]),
        outlet: string_field(obj, OUTLET_FIELDS),
        title: string_field(obj, &["title"]),
        published: string_field(obj, DATE_FIELDS),
        crawled: None,
    };
    Ok(RawDocument {
        input,
        media_type,
        body,
        meta,
    })
}

/// The first of `names` that holds a non-blank string (numbers are accepted as strings, and an
/// object with a `name`, as in `"source": {"name": "…"}`, gives its name).
fn string_field(obj: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| match obj.get(*name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(inner) => match inner.get("name") {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            _ => None,
        },
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(text: &str, shape: JsonShape) -> (Result<Vec<RawDocument>, IngestError>, Vec<Warning>) {
        let mut warnings = Vec::new();
        let got = parse("in.json", text, shape, &mut warnings);
        (got, warnings)
    }

    #[test]
    fn single_object_is_record_one() {
        let (got, _) = docs(
            r#"{"id": 7, "title": "Harbour reopens", "text": "The harbour reopened."}"#,
            JsonShape::Document,
        );
        let got = got.unwrap_or_default();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].input, "in.json#1");
        assert_eq!(got[0].meta.id.as_deref(), Some("7"));
        assert_eq!(got[0].meta.title.as_deref(), Some("Harbour reopens"));
        assert_eq!(got[0].media_type, MediaType::Text);
    }

    #[test]
    fn array_of_objects_numbers_records() {
        let (got, _) = docs(
            r#"[{"text": "One."}, {"html": "<p>Two.</p>"}]"#,
            JsonShape::Document,
        );
        let got = got.unwrap_or_default();
        let inputs: Vec<&str> = got.iter().map(|d| d.input.as_str()).collect();
        assert_eq!(inputs, ["in.json#1", "in.json#2"]);
        assert_eq!(got[1].media_type, MediaType::Html);
    }

    #[test]
    fn news_please_fields_are_read() {
        let rec = r#"{"maintext": "Body.", "date_publish": "2021-03-04 08:00:00", "source_domain": "example.org", "url": "https://example.org/a", "title": "T"}"#;
        let (got, _) = docs(rec, JsonShape::Lines);
        let got = got.unwrap_or_default();
        assert_eq!(got[0].body, "Body.");
        assert_eq!(
            got[0].meta.published.as_deref(),
            Some("2021-03-04 08:00:00")
        );
        assert_eq!(got[0].meta.outlet.as_deref(), Some("example.org"));
        assert_eq!(got[0].meta.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn jsonl_skips_blank_lines_and_names_a_bad_line() {
        let (got, _) = docs("{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n", JsonShape::Lines);
        assert_eq!(got.map(|d| d.len()).ok(), Some(2));
        let (got, _) = docs("{\"text\": \"a\"}\n\n{\"text\": \n", JsonShape::Lines);
        let msg = got.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.starts_with("in.json:3: invalid JSON"), "{msg}");
    }

    #[test]
    fn json_file_holding_lines_falls_back_to_jsonl() {
        let (got, _) = docs(
            "{\"text\": \"a\"}\n{\"text\": \"b\"}\n",
            JsonShape::Document,
        );
        assert_eq!(got.map(|d| d.len()).ok(), Some(2));
    }

    #[test]
    fn record_without_text_is_skipped_with_a_warning() {
        let (got, warnings) = docs(
            "{\"text\": \"a\"}\n{\"maintext\": null, \"title\": \"x\"}\n",
            JsonShape::Lines,
        );
        assert_eq!(got.map(|d| d.len()).ok(), Some(1));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0]
            .to_string()
            .starts_with("in.json#2: record has no text"));
    }

    #[test]
    fn non_object_record_is_an_error() {
        let (got, _) = docs("[1, 2]", JsonShape::Document);
        let msg = got.err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(msg, "in.json#1: record is not a JSON object");
    }

    #[test]
    fn sniffing_tells_json_from_markdown() {
        assert!(looks_like_json("  {\"text\": 1}"));
        assert!(looks_like_json("[\n {\"text\": 1}]"));
        assert!(!looks_like_json("[remarks](#) opened the text"));
        assert!(!looks_like_json("Plain text"));
    }
}
