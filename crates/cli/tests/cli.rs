//! The `parallax` binary end to end: exit codes, one-line errors that name the input, and the
//! outputs on the bundled examples.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run parallax")
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn one_line_error(o: &Output, input: &str, reason: &str) {
    let e = stderr(o);
    let lines: Vec<&str> = e.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line expected: {e:?}");
    assert!(
        lines[0].contains(input) && lines[0].contains(reason),
        "{e:?} should name {input:?} and {reason:?}"
    );
}

#[test]
fn compare_examples_json_follows_the_contract() {
    let o = parallax(&["compare", "examples/harbor-fire/", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema"], "parallax.comparison/1");
    assert_eq!(v["articles"].as_array().unwrap().len(), 3);
    for key in [
        "facts",
        "unique",
        "utterances",
        "figure_conflicts",
        "framing",
        "reuse",
    ] {
        assert!(!v[key].is_null(), "missing {key}");
    }
    assert_eq!(v["articles"][0]["id"], "a1");
}

#[test]
fn markdown_and_text_formats_render() {
    let md = parallax(&["compare", "examples/river-accord/", "-f", "md"]);
    assert!(md.status.success(), "{}", stderr(&md));
    assert!(String::from_utf8_lossy(&md.stdout).contains("## Quote ledger"));
    let text = parallax(&["compare", "examples/river-accord/"]);
    let out = String::from_utf8_lossy(&text.stdout);
    assert!(
        out.contains("QUOTE LEDGER") && !out.contains('\x1b'),
        "plain text without colour when piped"
    );
}

#[test]
fn output_file_is_written() {
    let dir = scratch("out");
    let file = dir.join("report.md");
    let o = parallax(&[
        "compare",
        "examples/harbor-fire/",
        "-f",
        "md",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .starts_with("# Parallax comparison"));
    assert!(o.stdout.is_empty());
}

#[test]
fn missing_file_is_a_usage_error_naming_it() {
    let o = parallax(&[
        "compare",
        "no/such/file.txt",
        "examples/harbor-fire/coastal-herald.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    one_line_error(&o, "no/such/file.txt", "no such file");
}

#[test]
fn empty_file_is_refused() {
    let dir = scratch("empty");
    let f = dir.join("empty.txt");
    std::fs::write(&f, "").unwrap();
    let o = parallax(&["analyze", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    one_line_error(&o, "empty.txt", "empty");
}

#[test]
fn binary_file_is_refused() {
    let dir = scratch("binary");
    let f = dir.join("image.txt");
    std::fs::write(
        &f,
        [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3, 0, 0],
    )
    .unwrap();
    let o = parallax(&[
        "compare",
        f.to_str().unwrap(),
        "examples/harbor-fire/coastal-herald.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    one_line_error(&o, "image.txt", "binary");
}

#[test]
fn invalid_utf8_is_read_with_a_warning() {
    let dir = scratch("latin1");
    let f = dir.join("latin1.txt");
    std::fs::write(
        &f,
        b"Caf\xe9 owners met the mayor on Friday.\n\nShe said the r\xe9forme would pass.\n",
    )
    .unwrap();
    let o = parallax(&["analyze", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("latin1.txt"),
        "a warning names the input: {}",
        stderr(&o)
    );
}

#[test]
fn single_article_prints_analysis_and_exits_one() {
    let o = parallax(&["compare", "examples/harbor-fire/coastal-herald.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("QUOTES"));
    one_line_error(&o, "coastal-herald.txt", "needs at least two articles");
}

#[test]
fn contradictory_or_unknown_flags_are_usage_errors() {
    let o = parallax(&[
        "compare",
        "examples/harbor-fire/",
        "--format",
        "json",
        "--format",
        "md",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = parallax(&["compare", "examples/harbor-fire/", "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("yaml"));
}

#[test]
fn analyze_json_prints_one_article_object_per_line() {
    let o = parallax(&["analyze", "examples/harbor-fire/", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines
        .iter()
        .all(|a| a["quotes"].is_array() && a["sentences"].is_array() && a["text"].is_string()));
}

#[test]
fn stdin_is_an_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["analyze", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("“We are ready,” Mayor Ana Ruiz said.\n".as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["quotes"][0]["speaker"]["name"], "Ana Ruiz");
}

#[test]
fn large_text_file_gives_a_result() {
    // 50 MB of prose: a best-effort result, not a hang or a crash (bounded by the test's own
    // time; speed itself is measured in benches).
    let dir = scratch("large");
    let f = dir.join("large.txt");
    let para = "The council met on Tuesday and agreed to rebuild the pier, the mayor said. “We will start in May,” she said.\n\n";
    let body = para.repeat(50 * 1024 * 1024 / para.len());
    std::fs::write(&f, body).unwrap();
    let o = parallax(&[
        "extract",
        f.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        dir.join("out.json").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

/// Serves one canned HTML page on 127.0.0.1 for a bounded time; counts connections.
fn loopback_page(body: &'static str) -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{Read, Write};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let hits = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    std::thread::spawn(move || {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while std::time::Instant::now() < deadline && counter.load(Ordering::SeqCst) < 5 {
            let Ok((mut stream, _)) = listener.accept() else {
                std::thread::sleep(std::time::Duration::from_millis(5));
                continue;
            };
            counter.fetch_add(1, Ordering::SeqCst);
            let _ = stream.set_nonblocking(false);
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(5)));
            let mut head = Vec::new();
            let mut buf = [0u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let reply = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    (port, hits)
}

#[test]
fn loopback_url_is_refused_without_allow_private() {
    const PAGE: &str = "<!DOCTYPE html><html><head><title>Pier Reopens After Storm</title></head><body><article>\
        <h1>Pier Reopens After Storm</h1><p>The pier at Marlow Bay reopened on Monday after a week of repairs, the harbour office said.</p>\
        <p>“We are glad to welcome walkers back,” said harbour master Ines Varga.</p></article></body></html>";
    let (port, hits) = loopback_page(PAGE);
    let url = format!("http://127.0.0.1:{port}/");
    let o = parallax(&["extract", &url]);
    assert_eq!(o.status.code(), Some(2));
    one_line_error(&o, &url, "refused");
    assert!(stderr(&o).contains("--allow-private"), "{}", stderr(&o));
    assert_eq!(
        hits.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "nothing was sent"
    );
    // With the flag (global: before or after the subcommand) the page is fetched and extracted.
    let o = parallax(&["--allow-private", "extract", &url, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["text"]
            .as_str()
            .unwrap_or("")
            .contains("reopened on Monday"),
        "{v}"
    );
    assert_eq!(v["url"], url.as_str());
}

fn warc_record(uri: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2031-03-03T07:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn warc_archive_streams_articles_and_skips_empty_records() {
    let dir = scratch("warc");
    let file = dir.join("crawl.warc");
    let mut body = warc_record(
        "https://bay.example/ferry",
        "<html><body><article><p>The ferry to Tern Island resumed on Monday after a week of storms, the operator said.</p><p>Crews cleared the slipway overnight.</p></article></body></html>",
    );
    body.extend(warc_record(
        "https://bay.example/empty",
        "<html><body></body></html>",
    ));
    std::fs::write(&file, body).unwrap();
    let o = parallax(&["extract", file.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_eq!(lines[0]["url"], "https://bay.example/ferry");
    assert_eq!(
        lines[0]["published"], "2031-03-03",
        "the crawl date is the last resort"
    );
    assert!(
        stderr(&o).contains("crawl.warc#2"),
        "the empty record is named: {}",
        stderr(&o)
    );
}

#[test]
fn terminal_controls_in_articles_are_not_replayed() {
    // An article that tries to clear the screen and retitle the terminal.
    let dir = scratch("escape");
    let f = dir.join("hostile.txt");
    std::fs::write(
        &f,
        "Harbour Reopens\n\nThe harbour reopened\x1b[2J on Monday, \x1b]0;pwned\x07the mayor said.\n\n“We are ready\x1b[31m,” Mayor Ana Ruiz said.\n",
    )
    .unwrap();
    for args in [
        ["analyze", "--color", "always"],
        ["analyze", "--format", "md"],
    ] {
        let o = parallax(&[args[0], f.to_str().unwrap(), args[1], args[2]]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            !out.contains("\x1b[2J") && !out.contains("\x1b]0") && !out.contains('\x07'),
            "{out:?}"
        );
    }
}

#[test]
fn schema_prints_the_contract() {
    let o = parallax(&["schema"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["properties"]["utterances"].is_object());
}

#[test]
fn analyze_markdown_has_tables() {
    let o = parallax(&[
        "analyze",
        "examples/harbor-fire/coastal-herald.txt",
        "--format",
        "md",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("# Fire destroys"), "{out}");
    assert!(out.contains("## Quotes\n\n| id | kind | speaker |") && out.contains("| a1:q"));
}
