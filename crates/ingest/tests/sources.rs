//! Sources on a real file system: files, directories, globs, JSON records, and the errors a
//! user sees. Each test works in its own folder under the system temp dir.

use std::fs;
use std::path::{Path, PathBuf};

use parallax_ingest::{
    extract, load_inputs, read_input, read_inputs, IngestError, MediaType, MAX_INPUT_BYTES,
};

/// A fresh, empty folder for one test, removed when the test ends.
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    if let Err(e) = fs::create_dir_all(&dir) {
        panic!("cannot create {}: {e}", dir.display());
    }
    Scratch(dir)
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) -> String {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        let _ = fs::create_dir_all(parent);
    }
    if let Err(e) = fs::write(&path, bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
    path.display().to_string()
}

fn error_of(inputs: &[String]) -> String {
    match read_inputs(inputs) {
        Ok(docs) => panic!("expected an error, got {} documents", docs.len()),
        Err(e) => e.to_string(),
    }
}

fn names(dir: &Path, docs: &[parallax_ingest::RawDocument]) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    docs.iter()
        .map(|d| {
            d.input
                .strip_prefix(&prefix)
                .unwrap_or(&d.input)
                .to_string()
        })
        .collect()
}

#[test]
fn directory_is_recursive_sorted_and_skips_hidden_and_foreign_files() {
    let dir = scratch("walk");
    write(&dir, "b.txt", b"Second.");
    write(&dir, "a.md", b"First.");
    write(&dir, "sub/c.TXT", b"Third.");
    write(&dir, "sub/d.html", b"<html><body>Fourth.</body></html>");
    write(&dir, ".hidden.txt", b"Hidden.");
    write(&dir, ".git/e.txt", b"Hidden dir.");
    write(&dir, "notes.csv", b"x,y");
    let docs = read_inputs(&[dir.display().to_string()]).unwrap_or_default();
    assert_eq!(
        names(&dir, &docs),
        ["a.md", "b.txt", "sub/c.TXT", "sub/d.html"]
    );
    assert_eq!(docs[3].media_type, MediaType::Html);
    assert_eq!(docs[0].body, "First.");
}

#[test]
fn glob_expands_and_an_empty_glob_is_an_error() {
    let dir = scratch("glob");
    write(&dir, "one.txt", b"One.");
    write(&dir, "two.txt", b"Two.");
    write(&dir, "three.md", b"Three.");
    let pattern = format!("{}/*.txt", dir.display());
    let docs = read_inputs(&[pattern]).unwrap_or_default();
    assert_eq!(names(&dir, &docs), ["one.txt", "two.txt"]);
    let nothing = format!("{}/*.nothing", dir.display());
    assert_eq!(
        error_of(std::slice::from_ref(&nothing)),
        format!("{nothing}: no files match")
    );
}

#[test]
fn missing_empty_and_binary_files_are_named_errors() {
    let dir = scratch("errors");
    let missing = dir.join("absent.txt").display().to_string();
    assert_eq!(
        error_of(std::slice::from_ref(&missing)),
        format!("{missing}: no such file")
    );
    let empty = write(&dir, "empty.txt", b"");
    assert_eq!(
        error_of(std::slice::from_ref(&empty)),
        format!("{empty}: empty file")
    );
    let binary = write(&dir, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(
        error_of(std::slice::from_ref(&binary)),
        format!("{binary}: binary file, not text")
    );
}

#[test]
fn directory_skips_empty_and_binary_files_with_warnings() {
    let dir = scratch("skip");
    write(&dir, "a.txt", b"Kept.");
    write(&dir, "b.txt", b"");
    write(&dir, "c.txt", b"\0\0\0");
    let batch = load_inputs(&[dir.display().to_string()]).unwrap_or_default();
    assert_eq!(names(&dir, &batch.documents), ["a.txt"]);
    let warnings: Vec<String> = batch.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].ends_with("b.txt: empty file; skipped"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].ends_with("c.txt: binary file, not text; skipped"),
        "{warnings:?}"
    );
}

#[test]
fn directory_without_readable_files_is_an_error() {
    let dir = scratch("nothing");
    write(&dir, "data.csv", b"a,b");
    let input = dir.display().to_string();
    assert_eq!(
        error_of(std::slice::from_ref(&input)),
        format!("{input}: no text, Markdown, HTML or JSON files in this directory")
    );
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = scratch("latin1");
    let path = write(&dir, "old.txt", b"Caf\xe9 owners met on Friday.");
    let batch = load_inputs(std::slice::from_ref(&path)).unwrap_or_default();
    assert_eq!(batch.documents.len(), 1);
    assert_eq!(batch.documents[0].body, "Caf\u{fffd} owners met on Friday.");
    assert_eq!(batch.warnings.len(), 1);
    assert!(batch.warnings[0]
        .to_string()
        .starts_with(&format!("{path}: invalid UTF-8")));
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let dir = scratch("huge");
    let path = dir.join("huge.txt");
    // A sparse file: the size check must not read it.
    let created = fs::File::create(&path).and_then(|f| f.set_len(MAX_INPUT_BYTES + 1));
    if created.is_err() {
        println!("skipped: cannot create a sparse file here");
        return;
    }
    let input = path.display().to_string();
    let err = read_input(&input).err();
    assert!(matches!(err, Some(IngestError::TooLarge { .. })), "{err:?}");
    let msg = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.starts_with(&format!("{input}: too large")), "{msg}");
    let _ = fs::remove_file(&path);
}

#[test]
fn jsonl_records_become_numbered_documents() {
    let dir = scratch("jsonl");
    let path = write(
        &dir,
        "dump.jsonl",
        concat!(
            "{\"url\": \"https://www.selden-post.example/a\", \"title\": \"Harbour Reopens\", \"text\": \"Ships returned.\"}\n",
            "\n",
            "{\"maintext\": \"Crowds cheered.\", \"source_domain\": \"quay.example\", \"date_publish\": \"2021-03-05 08:00:00\"}\n",
            "{\"html\": \"<p>Page.</p>\"}\n",
        )
        .as_bytes(),
    );
    let docs = read_inputs(std::slice::from_ref(&path)).unwrap_or_default();
    let inputs: Vec<&str> = docs.iter().map(|d| d.input.as_str()).collect();
    assert_eq!(
        inputs,
        [
            format!("{path}#1"),
            format!("{path}#2"),
            format!("{path}#3")
        ]
    );
    assert_eq!(docs[2].media_type, MediaType::Html);

    let first = extract(&docs[0]).ok();
    assert_eq!(
        first.as_ref().map(|a| a.outlet.as_str()),
        Some("selden-post.example")
    );
    assert_eq!(
        first.as_ref().and_then(|a| a.title.as_deref()),
        Some("Harbour Reopens")
    );
    let second = extract(&docs[1]).ok();
    assert_eq!(
        second.as_ref().map(|a| a.outlet.as_str()),
        Some("quay.example")
    );
    assert_eq!(
        second.as_ref().and_then(|a| a.published.as_deref()),
        Some("2021-03-05")
    );
}

#[test]
fn bad_jsonl_line_is_an_error_naming_the_line() {
    let dir = scratch("badjsonl");
    let path = write(
        &dir,
        "dump.ndjson",
        b"{\"text\": \"a\"}\n{\"text\": oops}\n",
    );
    let msg = error_of(std::slice::from_ref(&path));
    assert!(msg.starts_with(&format!("{path}:2: invalid JSON")), "{msg}");
}

#[test]
fn html_is_known_by_extension_or_sniffing() {
    let dir = scratch("html");
    let by_ext = write(&dir, "page.htm", b"<div>Fragment</div>");
    let sniffed = write(
        &dir,
        "saved.txt",
        b"\n<!DOCTYPE html><html><body>x</body></html>",
    );
    let plain = write(&dir, "plain.txt", b"Ships returned.");
    let docs = read_inputs(&[by_ext.clone(), sniffed, plain]).unwrap_or_default();
    let types: Vec<MediaType> = docs.iter().map(|d| d.media_type).collect();
    assert_eq!(types, [MediaType::Html, MediaType::Html, MediaType::Text]);
    // Both HTML documents go through the HTML extractor.
    let fragment = extract(&docs[0]).expect("fragment");
    assert_eq!(fragment.text, "Fragment");
}

#[test]
fn read_input_does_not_expand_directories() {
    let dir = scratch("noexpand");
    write(&dir, "a.txt", b"A.");
    let err = read_input(&dir.display().to_string()).err();
    assert!(
        matches!(err, Some(IngestError::Unsupported { .. })),
        "{err:?}"
    );
}

#[test]
fn inputs_keep_their_order() {
    let dir = scratch("order");
    let b = write(&dir, "b.txt", b"B.");
    let a = write(&dir, "a.txt", b"A.");
    let docs = read_inputs(&[b.clone(), a.clone()]).unwrap_or_default();
    let inputs: Vec<&str> = docs.iter().map(|d| d.input.as_str()).collect();
    assert_eq!(inputs, [b.as_str(), a.as_str()]);
}

#[test]
fn utf16_text_with_a_byte_order_mark_is_read() {
    let dir = scratch("utf16");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Ferry Returns\n\nThe ferry returned on Monday.\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let path = write(&dir, "windows.txt", &bytes);
    let docs = read_inputs(&[path]).expect("utf-16 file");
    assert!(docs[0].body.contains("The ferry returned on Monday."));
}
