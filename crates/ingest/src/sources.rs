//! Sources: files, directories, globs and stdin, read into raw documents.
//!
//! `read_input` reads exactly one file (or `-`); `read_inputs` first expands directories
//! (recursively, sorted, hidden entries skipped) and globs. A file the user named explicitly
//! must be readable text, else it is an error; an empty or binary file met while expanding a
//! directory or glob is skipped with a warning instead, so that one stray file in a corpus
//! folder does not stop the run.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use parallax_model::{DocumentMeta, MediaType, RawDocument};

use crate::decode::{decode, MAX_INPUT_BYTES};
use crate::error::{IngestError, Warning};
use crate::records::{self, JsonShape};

/// File extensions read when expanding a directory (compared case-insensitively).
pub const READ_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "json", "jsonl", "ndjson", "html", "htm",
];

/// Raw documents read from inputs, with the warnings met on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    /// The documents, in input order (directory entries sorted, records in file order).
    pub documents: Vec<RawDocument>,
    /// What was worked around: lossy decodes, skipped records and files.
    pub warnings: Vec<Warning>,
}

/// Expands user inputs (paths, directories, globs, "-" for stdin) into raw documents.
///
/// Warnings (lossy decoding, skipped records or files) are printed to stderr, one line each;
/// use [`load_inputs`] to receive them as data instead.
pub fn read_inputs(inputs: &[String]) -> Result<Vec<RawDocument>, IngestError> {
    let batch = load_inputs(inputs)?;
    print_warnings(&batch.warnings);
    Ok(batch.documents)
}

/// Reads one input (no expansion): a file path or "-" for stdin. A JSON or JSONL file gives one
/// document per record. Warnings are printed to stderr; see [`load_input`].
pub fn read_input(input: &str) -> Result<Vec<RawDocument>, IngestError> {
    let batch = load_input(input)?;
    print_warnings(&batch.warnings);
    Ok(batch.documents)
}

/// Like [`read_inputs`], returning warnings instead of printing them.
pub fn load_inputs(inputs: &[String]) -> Result<Batch, IngestError> {
    let mut batch = Batch::default();
    for input in inputs {
        expand_into(input, &mut batch)?;
    }
    Ok(batch)
}

/// Like [`read_input`], returning warnings instead of printing them.
pub fn load_input(input: &str) -> Result<Batch, IngestError> {
    let mut batch = Batch::default();
    let docs = read_one(input, &mut batch.warnings)?;
    batch.documents = docs;
    Ok(batch)
}

fn print_warnings(warnings: &[Warning]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

fn expand_into(input: &str, batch: &mut Batch) -> Result<(), IngestError> {
    if input == "-" {
        let docs = read_one(input, &mut batch.warnings)?;
        batch.documents.extend(docs);
        return Ok(());
    }
    let path = Path::new(input);
    if path.is_dir() {
        let mut files = Vec::new();
        walk(path, &mut files, &mut batch.warnings)?;
        if files.is_empty() {
            return Err(IngestError::EmptyDirectory {
                input: input.to_string(),
            });
        }
        return read_expanded(&files, batch);
    }
    if path.exists() || !is_glob(input) {
        let docs = read_one(input, &mut batch.warnings)?;
        batch.documents.extend(docs);
        return Ok(());
    }
    let matches = glob_files(input, &mut batch.warnings)?;
    if matches.is_empty() {
        return Err(IngestError::NoMatch {
            pattern: input.to_string(),
        });
    }
    read_expanded(&matches, batch)
}

/// Reads files found by expansion: empty and binary ones become warnings.
fn read_expanded(files: &[PathBuf], batch: &mut Batch) -> Result<(), IngestError> {
    for file in files {
        let name = file.display().to_string();
        match read_one(&name, &mut batch.warnings) {
            Ok(docs) => batch.documents.extend(docs),
            Err(e @ (IngestError::Empty { .. } | IngestError::Binary { .. })) => {
                let reason = e.to_string();
                let reason = reason
                    .strip_prefix(&format!("{name}: "))
                    .unwrap_or(&reason)
                    .to_string();
                batch
                    .warnings
                    .push(Warning::new(name, format!("{reason}; skipped")));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn is_glob(input: &str) -> bool {
    input.contains(['*', '?', '['])
}

fn glob_files(pattern: &str, warnings: &mut Vec<Warning>) -> Result<Vec<PathBuf>, IngestError> {
    let options = glob::MatchOptions {
        require_literal_leading_dot: true,
        ..Default::default()
    };
    let paths = glob::glob_with(pattern, options).map_err(|e| IngestError::BadPattern {
        pattern: pattern.to_string(),
        reason: e.msg.to_string(),
    })?;
    let mut out = Vec::new();
    for entry in paths {
        let path = entry.map_err(|e| {
            let input = e.path().display().to_string();
            IngestError::io(&input, e.into())
        })?;
        if path.is_dir() {
            walk(&path, &mut out, warnings)?;
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

/// Collects readable files under `dir`, depth first, sorted by name. Symlinked directories are
/// not followed (a link cycle would never end), which a warning reports.
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    warnings: &mut Vec<Warning>,
) -> Result<(), IngestError> {
    let name = dir.display().to_string();
    let entries = fs::read_dir(dir).map_err(|e| IngestError::io(&name, e))?;
    let mut entries: Vec<fs::DirEntry> = entries
        .collect::<Result<_, _>>()
        .map_err(|e| IngestError::io(&name, e))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let file_type = entry
            .file_type()
            .map_err(|e| IngestError::io(&path.display().to_string(), e))?;
        if file_type.is_dir() {
            walk(&path, out, warnings)?;
        } else if file_type.is_symlink() && path.is_dir() {
            warnings.push(Warning::new(
                path.display().to_string(),
                "symlinked directory not followed",
            ));
        } else if has_read_extension(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn has_read_extension(path: &Path) -> bool {
    extension(path).is_some_and(|ext| READ_EXTENSIONS.contains(&ext.as_str()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Reads one file or stdin, decodes it and splits JSON records.
fn read_one(input: &str, warnings: &mut Vec<Warning>) -> Result<Vec<RawDocument>, IngestError> {
    let bytes = if input == "-" {
        read_stdin()?
    } else {
        read_file(input)?
    };
    let text = decode(input, bytes, warnings)?;
    let ext = if input == "-" {
        None
    } else {
        extension(Path::new(input))
    };
    let shape = match ext.as_deref() {
        Some("json") => Some(JsonShape::Document),
        Some("jsonl" | "ndjson") => Some(JsonShape::Lines),
        Some("html" | "htm") => None,
        Some(e) if READ_EXTENSIONS.contains(&e) => None,
        // stdin and unknown extensions: sniff.
        _ if records::looks_like_json(&text) => Some(JsonShape::Document),
        _ => None,
    };
    if let Some(shape) = shape {
        return records::parse(input, &text, shape, warnings);
    }
    let media_type = match ext.as_deref() {
        Some("html" | "htm") => MediaType::Html,
        _ => sniff_media_type(&text),
    };
    Ok(vec![RawDocument {
        input: input.to_string(),
        media_type,
        body: text,
        meta: DocumentMeta::default(),
    }])
}

fn read_file(input: &str) -> Result<Vec<u8>, IngestError> {
    let meta = fs::metadata(input).map_err(|e| IngestError::io(input, e))?;
    if meta.is_dir() {
        return Err(IngestError::Unsupported {
            input: input.to_string(),
            reason: "is a directory (directories are expanded by read_inputs)".into(),
        });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(IngestError::TooLarge {
            input: input.to_string(),
            size: meta.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let file = fs::File::open(input).map_err(|e| IngestError::io(input, e))?;
    read_capped(input, file)
}

fn read_stdin() -> Result<Vec<u8>, IngestError> {
    read_capped("-", std::io::stdin().lock())
}

/// Reads at most one byte past the cap, so a stream (or a file that grows) cannot exhaust memory.
fn read_capped(input: &str, reader: impl Read) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::io(input, e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(IngestError::TooLarge {
            input: input.to_string(),
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(bytes)
}

/// HTML when the text opens with a doctype or `<html>` tag (after whitespace), else text.
pub fn sniff_media_type(text: &str) -> MediaType {
    let head: String = text
        .trim_start()
        .chars()
        .take(14)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        MediaType::Html
    } else {
        MediaType::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! sniff {
        ($name:ident, $text:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(sniff_media_type($text), $want);
            }
        };
    }

    sniff!(
        doctype_is_html,
        "\n  <!DOCTYPE html><html></html>",
        MediaType::Html
    );
    sniff!(html_tag_is_html, "<html lang=\"en\">", MediaType::Html);
    sniff!(
        prose_is_text,
        "The council met on Tuesday.",
        MediaType::Text
    );
    sniff!(other_tag_is_text, "<p>Just a fragment</p>", MediaType::Text);
    sniff!(short_and_non_ascii_is_text, "<ht€", MediaType::Text);

    #[test]
    fn glob_characters_are_recognised() {
        assert!(is_glob("news/*.txt"));
        assert!(is_glob("a?.md"));
        assert!(!is_glob("news/a.txt"));
    }
}
