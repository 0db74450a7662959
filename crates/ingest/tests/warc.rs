//! WARC and WARC.gz inputs on synthetic archives built here (fictional pages).

use std::io::Write;
use std::path::PathBuf;

use flate2::{write::GzEncoder, Compression};
use parallax_ingest::warc::WarcDocuments;
use parallax_ingest::{load_inputs, IngestError, MediaType};

fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2031-03-03T07:00:00Z\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

const PAGE: &str = "<!DOCTYPE html><html><head><title>Ferry resumes</title></head>\
                    <body><p>The ferry resumed service on Monday.</p></body></html>";

/// The records of one synthetic crawl, in order.
fn records() -> Vec<Vec<u8>> {
    let (cyrillic, _, _) =
        encoding_rs::WINDOWS_1251.encode("<html><body><p>Паром вышел из гавани.</p></body></html>");
    let chunked =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n\
                    10\r\n<html><p>Chunked\r\nf\r\n page body.</p>\r\n0\r\n\r\n";
    vec![
        record("warcinfo", "", b"software: synthetic\r\n"),
        record(
            "request",
            "https://baycourier.example/ferry",
            b"GET /ferry HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            "https://baycourier.example/ferry",
            &http("200 OK", "text/html; charset=utf-8", PAGE.as_bytes()),
        ),
        record(
            "response",
            "https://baycourier.example/gone",
            &http("404 Not Found", "text/html", b"<p>missing</p>"),
        ),
        record(
            "response",
            "https://baycourier.example/logo.png",
            &http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n\0\0\0"),
        ),
        record(
            "response",
            "<https://ternpost.example/ru>",
            &http("200 OK", "text/html; charset=windows-1251", &cyrillic),
        ),
        record("response", "https://ternpost.example/chunked", chunked),
    ]
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-warc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(r).expect("compress");
        out.extend(enc.finish().expect("compress"));
    }
    out
}

fn check_full_crawl(path: &str) {
    let batch = load_inputs(&[path.to_string()]).expect("read");
    let inputs: Vec<String> = batch.documents.iter().map(|d| d.input.clone()).collect();
    assert_eq!(
        inputs,
        vec![
            format!("{path}#3"),
            format!("{path}#6"),
            format!("{path}#7")
        ],
        "only 2xx HTML responses, numbered by record"
    );
    let ferry = &batch.documents[0];
    assert_eq!(ferry.body, PAGE);
    assert_eq!(ferry.media_type, MediaType::Html);
    assert_eq!(
        ferry.meta.url.as_deref(),
        Some("https://baycourier.example/ferry")
    );
    // The archive's date is when the page was crawled: a fallback after the page's own date.
    assert_eq!(ferry.meta.published, None);
    assert_eq!(ferry.meta.crawled.as_deref(), Some("2031-03-03T07:00:00Z"));
    let ru = &batch.documents[1];
    assert!(ru.body.contains("Паром вышел из гавани."), "{}", ru.body);
    assert_eq!(ru.meta.url.as_deref(), Some("https://ternpost.example/ru"));
    assert_eq!(batch.documents[2].body, "<html><p>Chunked page body.</p>");
    assert!(
        batch
            .warnings
            .iter()
            .any(|w| w.message.contains("1 not 2xx, 1 not HTML")),
        "{:?}",
        batch.warnings
    );
}

#[test]
fn plain_warc_gives_html_responses() {
    let dir = scratch("plain");
    let path = dir.join("crawl.warc");
    std::fs::write(&path, records().concat()).expect("write");
    check_full_crawl(&path.display().to_string());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gzip_member_per_record_gives_the_same() {
    let dir = scratch("gz");
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, gzip_members(&records())).expect("write");
    check_full_crawl(&path.display().to_string());
    // Directory expansion picks up .warc.gz files.
    let batch = load_inputs(&[dir.display().to_string()]).expect("read dir");
    assert_eq!(batch.documents.len(), 3);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn truncated_gzip_keeps_what_was_read_and_warns() {
    let dir = scratch("truncated");
    let path = dir.join("cut.warc.gz");
    let full = gzip_members(&records());
    let last = gzip_members(&records()[6..]);
    // Cut halfway into the last member.
    let cut = full.len() - last.len() / 2;
    std::fs::write(&path, &full[..cut]).expect("write");
    let name = path.display().to_string();
    let batch = load_inputs(std::slice::from_ref(&name)).expect("best effort, not an error");
    let inputs: Vec<String> = batch.documents.iter().map(|d| d.input.clone()).collect();
    assert_eq!(inputs, vec![format!("{name}#3"), format!("{name}#6")]);
    assert!(
        batch
            .warnings
            .iter()
            .any(|w| w.input == name && w.message.contains("truncated or corrupt after record 6")),
        "{:?}",
        batch.warnings
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn truncated_plain_warc_inside_a_record() {
    let bytes = records().concat();
    let cut = bytes.len() - 30;
    let mut docs = WarcDocuments::new("mem.warc", &bytes[..cut]);
    let items: Vec<_> = docs.by_ref().collect();
    let ok: Vec<String> = items
        .iter()
        .filter_map(|i| i.as_ref().ok().map(|d| d.input.clone()))
        .collect();
    assert_eq!(ok, vec!["mem.warc#3", "mem.warc#6"]);
    let last = items
        .last()
        .and_then(|i| i.as_ref().err())
        .expect("a warning ends the stream");
    assert!(last.message.contains("file ends inside a record"), "{last}");
}

#[test]
fn a_file_that_is_not_warc_is_an_error() {
    let dir = scratch("notwarc");
    let path = dir.join("notes.warc");
    std::fs::write(&path, "Just some notes about the ferry.\n").expect("write");
    let name = path.display().to_string();
    let err = load_inputs(std::slice::from_ref(&name)).expect_err("not WARC");
    assert!(matches!(err, IngestError::Malformed { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with(&format!("{name}: not a WARC record")),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn garbage_never_panics() {
    let inputs: [&[u8]; 6] = [
        b"",
        b"WARC/1.0\r\n",
        b"WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200\r\n\r\n\xff\xfe\x00\x01\r\n\r\n",
        &[0x1f, 0x8b, 0x08, 0x00, 0x01],
    ];
    for bytes in inputs {
        let _ = WarcDocuments::new("g.warc", bytes).count();
    }
}
