//! Sources: files, directories, globs, stdin and URLs, read into raw documents.
//!
//! `read_input` reads exactly one file, URL (or `-`); `read_inputs` first expands directories
//! (recursively, sorted, hidden entries skipped) and globs. A file the user named explicitly
//! must be readable text, else it is an error; an empty, binary or unreadable file met while
//! expanding a directory or glob is skipped with a warning instead, so that one stray file in a
//! corpus folder does not stop the run.
//!
//! What an input is: `http://` and `https://` inputs are fetched (see [`crate::fetch`]) and read
//! by their content type; `.warc` and `.warc.gz` files are web archives ([`crate::warc`]);
//! `.rss`, `.atom` and `.xml` files, and any file or stdin that opens like a feed, are feeds
//! ([`crate::feeds`]); `.json`/`.jsonl` are records; the rest is HTML or text.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use parallax_model::{DocumentMeta, MediaType, RawDocument};

use crate::charset::decode_web;
use crate::decode::{decode, MAX_INPUT_BYTES};
use crate::error::{IngestError, Warning};
use crate::feeds::{self, FetchPage};
use crate::options::ReadOptions;
use crate::records::{self, JsonShape};
use crate::warc;

/// File extensions read when expanding a directory (compared case-insensitively); `.warc.gz`
/// is read too.
pub const READ_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "json", "jsonl", "ndjson", "html", "htm", "rss", "atom",
    "xml", "warc",
];

/// Extensions of feed files.
const FEED_EXTENSIONS: &[&str] = &["rss", "atom", "xml"];

/// True for an input that is fetched rather than read from disk.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What reading needs besides the input: options, and the fetcher built from them.
struct Context {
    #[cfg(feature = "net")]
    fetcher: crate::fetch::Fetcher,
}

impl Context {
    fn new(options: &ReadOptions) -> Self {
        #[cfg(not(feature = "net"))]
        let _ = options;
        Context {
            #[cfg(feature = "net")]
            fetcher: crate::fetch::Fetcher::new(options.allow_private, options.fetch.clone()),
        }
    }
}

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
    read_inputs_with(inputs, &ReadOptions::default())
}

/// Like [`read_inputs`], with options (`allow_private`, fetch limits).
pub fn read_inputs_with(
    inputs: &[String],
    options: &ReadOptions,
) -> Result<Vec<RawDocument>, IngestError> {
    let batch = load_inputs_with(inputs, options)?;
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
    load_inputs_with(inputs, &ReadOptions::default())
}

/// Like [`read_inputs_with`], returning warnings instead of printing them.
pub fn load_inputs_with(inputs: &[String], options: &ReadOptions) -> Result<Batch, IngestError> {
    let ctx = Context::new(options);
    let mut batch = Batch::default();
    for input in inputs {
        expand_into(input, &ctx, &mut batch)?;
    }
    Ok(batch)
}

/// Like [`read_input`], returning warnings instead of printing them.
pub fn load_input(input: &str) -> Result<Batch, IngestError> {
    load_input_with(input, &ReadOptions::default())
}

/// Like [`load_input`], with options.
pub fn load_input_with(input: &str, options: &ReadOptions) -> Result<Batch, IngestError> {
    let ctx = Context::new(options);
    let mut batch = Batch::default();
    let docs = read_one(input, &ctx, &mut batch.warnings)?;
    batch.documents = docs;
    Ok(batch)
}

fn print_warnings(warnings: &[Warning]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

fn expand_into(input: &str, ctx: &Context, batch: &mut Batch) -> Result<(), IngestError> {
    if input == "-" || is_url(input) {
        let docs = read_one(input, ctx, &mut batch.warnings)?;
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
        return read_expanded(&files, ctx, batch);
    }
    if path.exists() || !is_glob(input) {
        let docs = read_one(input, ctx, &mut batch.warnings)?;
        batch.documents.extend(docs);
        return Ok(());
    }
    let matches = glob_files(input, &mut batch.warnings)?;
    if matches.is_empty() {
        return Err(IngestError::NoMatch {
            pattern: input.to_string(),
        });
    }
    read_expanded(&matches, ctx, batch)
}

/// Reads files found by expansion: empty, binary, unsupported and malformed ones become
/// warnings.
fn read_expanded(files: &[PathBuf], ctx: &Context, batch: &mut Batch) -> Result<(), IngestError> {
    for file in files {
        let name = file.display().to_string();
        match read_one(&name, ctx, &mut batch.warnings) {
            Ok(docs) => batch.documents.extend(docs),
            Err(
                e @ (IngestError::Empty { .. }
                | IngestError::Binary { .. }
                | IngestError::Unsupported { .. }
                | IngestError::Malformed { .. }),
            ) => {
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
        || warc::is_warc_name(&path.to_string_lossy())
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Reads one URL, file or stdin, decodes it and splits feeds, archives and JSON records.
fn read_one(
    input: &str,
    ctx: &Context,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<RawDocument>, IngestError> {
    if is_url(input) {
        return read_url(input, ctx, warnings);
    }
    if input != "-" && warc::is_warc_name(input) {
        return warc::read_warc(input, warnings);
    }
    let bytes = if input == "-" {
        read_stdin()?
    } else {
        read_file(input)?
    };
    let ext = if input == "-" {
        None
    } else {
        extension(Path::new(input))
    };
    let feed_ext = ext.as_deref().is_some_and(|e| FEED_EXTENSIONS.contains(&e));
    let known_ext = ext.as_deref().is_some_and(|e| READ_EXTENSIONS.contains(&e));
    if feed_ext || (!known_ext && feeds::looks_like_feed(&lossy_head(&bytes))) {
        // Feeds declare their encoding in the XML declaration; honour it.
        let text = decode_web(input, &bytes, None, warnings)?;
        if !feeds::looks_like_feed(&text) {
            return Err(IngestError::Unsupported {
                input: input.to_string(),
                reason: "not an RSS or Atom feed".into(),
            });
        }
        return read_feed(input, &text, ctx, warnings);
    }
    let text = if matches!(ext.as_deref(), Some("html" | "htm")) {
        // Saved pages keep their charset in <meta>; honour it.
        decode_web(input, &bytes, None, warnings)?
    } else {
        decode(input, bytes, warnings)?
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

/// The first kilobyte as text, for sniffing.
fn lossy_head(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes.get(..1024).unwrap_or(bytes)).into_owned()
}

/// Fetches a URL and reads it by its content type.
#[cfg(feature = "net")]
fn read_url(
    input: &str,
    ctx: &Context,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<RawDocument>, IngestError> {
    use crate::fetch::ContentKind;
    let fetched = ctx.fetcher.fetch(input, warnings)?;
    let media_type = match fetched.kind {
        ContentKind::Feed => return read_feed(input, &fetched.body, ctx, warnings),
        ContentKind::Json => {
            return records::parse(input, &fetched.body, JsonShape::Document, warnings)
        }
        ContentKind::Html => MediaType::Html,
        ContentKind::Text => MediaType::Text,
    };
    Ok(vec![RawDocument {
        input: input.to_string(),
        media_type,
        body: fetched.body,
        meta: DocumentMeta {
            url: Some(fetched.url),
            ..DocumentMeta::default()
        },
    }])
}

#[cfg(not(feature = "net"))]
fn read_url(
    input: &str,
    _ctx: &Context,
    _warnings: &mut Vec<Warning>,
) -> Result<Vec<RawDocument>, IngestError> {
    Err(IngestError::Unsupported {
        input: input.to_string(),
        reason: "this build cannot fetch URLs (built without the `net` feature)".into(),
    })
}

/// Splits a feed into item documents, fetching link-only items when this build can.
fn read_feed(
    input: &str,
    text: &str,
    ctx: &Context,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<RawDocument>, IngestError> {
    #[cfg(feature = "net")]
    {
        let mut fetch = |link: &str, warnings: &mut Vec<Warning>| fetch_page(ctx, link, warnings);
        let fetch: &mut FetchPage<'_> = &mut fetch;
        feeds::parse_feed(input, text, Some(fetch), warnings)
    }
    #[cfg(not(feature = "net"))]
    {
        let _ = ctx;
        feeds::parse_feed(input, text, None::<&mut FetchPage<'_>>, warnings)
    }
}

/// The page behind a feed item's link; only pages and text count as articles.
#[cfg(feature = "net")]
fn fetch_page(
    ctx: &Context,
    link: &str,
    warnings: &mut Vec<Warning>,
) -> Result<feeds::FetchedPage, IngestError> {
    use crate::fetch::ContentKind;
    let fetched = ctx.fetcher.fetch(link, warnings)?;
    let media_type = match fetched.kind {
        ContentKind::Html => MediaType::Html,
        ContentKind::Text => MediaType::Text,
        ContentKind::Feed | ContentKind::Json => {
            return Err(IngestError::Unsupported {
                input: link.to_string(),
                reason: "the item's link is a feed or JSON, not a page".into(),
            })
        }
    };
    Ok(feeds::FetchedPage {
        url: fetched.url,
        body: fetched.body,
        media_type,
    })
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
    fn urls_are_recognised_by_scheme() {
        assert!(is_url("https://example.invalid/a?b=1"));
        assert!(is_url("HTTP://example.invalid/"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("ftp://example.invalid/"));
        assert!(!is_url("news/https.md"));
    }

    #[test]
    fn glob_characters_are_recognised() {
        assert!(is_glob("news/*.txt"));
        assert!(is_glob("a?.md"));
        assert!(!is_glob("news/a.txt"));
    }
}
