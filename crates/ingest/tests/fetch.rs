//! The fetcher against servers this test starts on 127.0.0.1 (canned HTTP responses); no other
//! address ever receives a packet: redirects to private addresses must be refused before any
//! connection is made.
#![cfg(feature = "net")]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use parallax_ingest::{
    load_inputs_with, ContentKind, FetchLimits, Fetcher, IngestError, MediaType, ReadOptions,
};

/// What the test server does with a request for a path.
enum Reply {
    /// Send these bytes and close.
    Bytes(Vec<u8>),
    /// Accept and never answer (until the server gives up).
    Hang,
}

struct Server {
    port: u16,
    hits: Arc<AtomicUsize>,
    requests: Arc<Mutex<Vec<String>>>,
}

/// Serves on `ip` (a loopback address) for a bounded time and number of connections.
fn serve_on(ip: &str, handler: impl Fn(&str, u16) -> Reply + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind((ip, 0)).expect("bind loopback");
    let port = listener.local_addr().expect("local addr").port();
    listener.set_nonblocking(true).expect("nonblocking");
    let hits = Arc::new(AtomicUsize::new(0));
    let requests = Arc::new(Mutex::new(Vec::new()));
    let (h, r) = (hits.clone(), requests.clone());
    let handler = Arc::new(handler);
    thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline && h.load(Ordering::SeqCst) < 50 {
            match listener.accept() {
                Ok((stream, _)) => {
                    h.fetch_add(1, Ordering::SeqCst);
                    let (handler, r) = (handler.clone(), r.clone());
                    thread::spawn(move || answer(stream, port, &*handler, &r));
                }
                Err(_) => thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    Server {
        port,
        hits,
        requests,
    }
}

fn serve(handler: impl Fn(&str, u16) -> Reply + Send + Sync + 'static) -> Server {
    serve_on("127.0.0.1", handler)
}

fn answer(
    mut stream: TcpStream,
    port: u16,
    handler: &(dyn Fn(&str, u16) -> Reply + Send + Sync),
    requests: &Mutex<Vec<String>>,
) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 64 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    requests.lock().expect("lock").push(head);
    match handler(&path, port) {
        Reply::Bytes(bytes) => {
            let _ = stream.write_all(&bytes);
        }
        Reply::Hang => thread::sleep(Duration::from_secs(5)),
    }
}

fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut out = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    Reply::Bytes(bytes)
}

fn html(body: &str) -> Reply {
    response(
        "200 OK",
        &[("Content-Type", "text/html; charset=utf-8")],
        body.as_bytes(),
    )
}

fn redirect(to: &str) -> Reply {
    response("302 Found", &[("Location", to)], b"")
}

/// Limits that keep tests fast.
fn limits() -> FetchLimits {
    FetchLimits {
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_secs(5),
        ..FetchLimits::default()
    }
}

fn open_fetcher() -> Fetcher {
    Fetcher::new(true, limits())
}

/// A fetcher that refuses private addresses but may reach the test server on 127.0.0.1, so
/// that redirects from it to other non-public addresses can be tested.
fn guarded_fetcher() -> Fetcher {
    Fetcher::new(
        false,
        FetchLimits {
            allowed_addresses: vec!["127.0.0.1".parse().expect("ip")],
            ..limits()
        },
    )
}

fn fetch_err(fetcher: &Fetcher, url: &str) -> String {
    match fetcher.fetch(url, &mut Vec::new()) {
        Ok(f) => panic!("{url}: expected an error, fetched {:?}", f.url),
        Err(e) => {
            assert!(matches!(e, IngestError::Fetch { .. }), "{e:?}");
            let msg = e.to_string();
            assert!(msg.starts_with(&format!("{url}: ")), "names the URL: {msg}");
            assert!(!msg.contains('\n'), "one line: {msg}");
            msg
        }
    }
}

const PAGE: &str = "<!DOCTYPE html><html><head><title>Pier reopens</title></head>\
                    <body><p>The pier at Marlow Bay reopened on Monday.</p></body></html>";

#[test]
fn plain_page_is_fetched_with_our_user_agent() {
    let server = serve(|_, _| html(PAGE));
    let url = format!("http://127.0.0.1:{}/story", server.port);
    let got = open_fetcher()
        .fetch(&url, &mut Vec::new())
        .expect("fetched");
    assert_eq!(got.body, PAGE);
    assert_eq!(got.kind, ContentKind::Html);
    assert_eq!(got.url, url);
    let requests = server.requests.lock().expect("lock");
    let head = requests.first().expect("one request").to_ascii_lowercase();
    assert!(head.contains("user-agent: parallax/"), "{head}");
    assert!(
        head.contains("accept-encoding:") && head.contains("gzip"),
        "{head}"
    );
}

#[test]
fn gzip_body_is_decompressed() {
    use flate2::{write::GzEncoder, Compression};
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(PAGE.as_bytes()).expect("compress");
    let gz = enc.finish().expect("compress");
    let server = serve(move |_, _| {
        response(
            "200 OK",
            &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            &gz,
        )
    });
    let url = format!("http://127.0.0.1:{}/", server.port);
    let got = open_fetcher()
        .fetch(&url, &mut Vec::new())
        .expect("fetched");
    assert_eq!(got.body, PAGE);
}

#[test]
fn brotli_body_is_decompressed() {
    let mut br = Vec::new();
    {
        let mut enc = brotli::CompressorWriter::new(&mut br, 4096, 5, 22);
        enc.write_all(PAGE.as_bytes()).expect("compress");
    }
    let server = serve(move |_, _| {
        response(
            "200 OK",
            &[("Content-Type", "text/html"), ("Content-Encoding", "br")],
            &br,
        )
    });
    let url = format!("http://127.0.0.1:{}/", server.port);
    let got = open_fetcher()
        .fetch(&url, &mut Vec::new())
        .expect("fetched");
    assert_eq!(got.body, PAGE);
    let requests = server.requests.lock().expect("lock");
    let head = requests.first().expect("one request").to_ascii_lowercase();
    let offered = head
        .lines()
        .find(|l| l.starts_with("accept-encoding:"))
        .is_some_and(|l| l.split([':', ',', ' ']).any(|t| t == "br"));
    assert!(offered, "brotli is offered: {head}");
}

#[test]
fn charsets_from_header_and_meta_are_honoured() {
    let cyrillic = "<p>Паром вышел из гавани на рассвете.</p>";
    let (w1251, _, _) = encoding_rs::WINDOWS_1251.encode(cyrillic);
    let w1251 = w1251.into_owned();
    let latin = "<html><head><meta charset=\"iso-8859-1\"></head><p>Le café a rouvert.</p></html>";
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(latin);
    let latin1 = latin1.into_owned();
    let server = serve(move |path, _| match path {
        "/ru" => response(
            "200 OK",
            &[("Content-Type", "text/html; charset=windows-1251")],
            &w1251,
        ),
        _ => response("200 OK", &[("Content-Type", "text/html")], &latin1),
    });
    let fetcher = open_fetcher();
    let ru = fetcher
        .fetch(
            &format!("http://127.0.0.1:{}/ru", server.port),
            &mut Vec::new(),
        )
        .expect("fetched");
    assert_eq!(ru.body, cyrillic);
    let mut warnings = Vec::new();
    let fr = fetcher
        .fetch(
            &format!("http://127.0.0.1:{}/fr", server.port),
            &mut warnings,
        )
        .expect("fetched");
    assert_eq!(fr.body, latin);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn size_cap_is_enforced_while_streaming() {
    use flate2::{write::GzEncoder, Compression};
    let big = "<p>".to_string() + &"word ".repeat(4000) + "</p>";
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(&vec![b' '; 1_000_000]).expect("compress");
    let bomb = enc.finish().expect("compress");
    let server = serve(move |path, _| match path {
        "/declared" => html(&big),
        // No Content-Length: the body ends when the connection closes.
        "/undeclared" => Reply::Bytes(
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n{big}")
                .into_bytes(),
        ),
        _ => response(
            "200 OK",
            &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            &bomb,
        ),
    });
    let fetcher = Fetcher::new(
        true,
        FetchLimits {
            max_bytes: 10_000,
            ..limits()
        },
    );
    for path in ["/declared", "/undeclared", "/bomb"] {
        let url = format!("http://127.0.0.1:{}{path}", server.port);
        let msg = fetch_err(&fetcher, &url);
        assert!(
            msg.contains("larger than the 10000-byte limit"),
            "{path}: {msg}"
        );
    }
}

#[test]
fn redirects_are_followed_and_capped() {
    let server = serve(|path, _| {
        if path == "/old" {
            return redirect("/new");
        }
        if let Some(n) = path.strip_prefix("/loop/") {
            let n: usize = n.parse().unwrap_or(0);
            return redirect(&format!("/loop/{}", n + 1));
        }
        html(PAGE)
    });
    let fetcher = Fetcher::new(
        true,
        FetchLimits {
            max_redirects: 3,
            ..limits()
        },
    );
    let got = fetcher
        .fetch(
            &format!("http://127.0.0.1:{}/old", server.port),
            &mut Vec::new(),
        )
        .expect("fetched");
    assert_eq!(got.url, format!("http://127.0.0.1:{}/new", server.port));
    assert_eq!(got.body, PAGE);
    let msg = fetch_err(
        &fetcher,
        &format!("http://127.0.0.1:{}/loop/0", server.port),
    );
    assert!(msg.contains("too many redirects (more than 3)"), "{msg}");
}

#[test]
fn loopback_is_refused_without_allow_private() {
    let server = serve(|_, _| html(PAGE));
    let fetcher = Fetcher::new(false, limits());
    for url in [
        format!("http://127.0.0.1:{}/", server.port),
        format!("http://localhost:{}/", server.port),
        format!("http://[::ffff:127.0.0.1]:{}/", server.port),
    ] {
        let msg = fetch_err(&fetcher, &url);
        assert!(msg.contains("refused") && msg.contains("loopback"), "{msg}");
        assert!(msg.contains("--allow-private"), "{msg}");
    }
    assert_eq!(
        server.hits.load(Ordering::SeqCst),
        0,
        "no connection was made"
    );
}

#[test]
fn redirects_to_private_addresses_are_refused_before_connecting() {
    // A second listener on 127.0.0.2 proves that a refused target receives nothing.
    let decoy = serve_on("127.0.0.2", |_, _| html(PAGE));
    let decoy_port = decoy.port;
    let server = serve(move |path, _| match path {
        "/to-ten" => redirect("http://10.0.0.1/internal"),
        "/to-metadata" => redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-loopback" => redirect(&format!("http://127.0.0.2:{decoy_port}/")),
        "/to-mapped" => redirect(&format!("http://[::ffff:127.0.0.2]:{decoy_port}/")),
        "/to-v6-loopback" => redirect("http://[::1]/"),
        "/to-cgnat" => redirect("http://100.64.0.7/"),
        _ => html(PAGE),
    });
    let fetcher = guarded_fetcher();
    let cases = [
        ("/to-ten", "10.0.0.1 is a private address"),
        ("/to-metadata", "169.254.169.254 is a link-local address"),
        ("/to-loopback", "127.0.0.2 is a loopback address"),
        ("/to-mapped", "127.0.0.2 is a loopback address"),
        ("/to-v6-loopback", "::1 is a loopback address"),
        ("/to-cgnat", "carrier-grade NAT"),
    ];
    for (path, want) in cases {
        let url = format!("http://127.0.0.1:{}{path}", server.port);
        let started = Instant::now();
        let msg = fetch_err(&fetcher, &url);
        assert!(
            msg.contains("redirect to http") && msg.contains("refused"),
            "{msg}"
        );
        assert!(msg.contains(want), "{path}: {msg}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{path}: refused at once"
        );
    }
    assert_eq!(
        decoy.hits.load(Ordering::SeqCst),
        0,
        "the decoy got no connection"
    );
    // The allowed first hop itself works.
    let ok = fetcher.fetch(
        &format!("http://127.0.0.1:{}/page", server.port),
        &mut Vec::new(),
    );
    assert!(ok.is_ok(), "{ok:?}");
}

#[test]
fn silent_server_times_out() {
    let server = serve(|_, _| Reply::Hang);
    let fetcher = Fetcher::new(
        true,
        FetchLimits {
            timeout: Duration::from_millis(800),
            ..limits()
        },
    );
    let started = Instant::now();
    let msg = fetch_err(&fetcher, &format!("http://127.0.0.1:{}/", server.port));
    assert!(msg.contains("timed out"), "{msg}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn error_statuses_and_unsupported_types_are_errors() {
    let server = serve(|path, _| match path {
        "/missing" => response("404 Not Found", &[("Content-Type", "text/html")], b"gone"),
        _ => response("200 OK", &[("Content-Type", "image/png")], b"\x89PNG"),
    });
    let fetcher = open_fetcher();
    let msg = fetch_err(
        &fetcher,
        &format!("http://127.0.0.1:{}/missing", server.port),
    );
    assert!(msg.contains("HTTP 404"), "{msg}");
    let msg = fetch_err(&fetcher, &format!("http://127.0.0.1:{}/photo", server.port));
    assert!(msg.contains("unsupported content type image/png"), "{msg}");
}

#[test]
fn url_inputs_are_read_by_content_type() {
    let feed = |port: u16| {
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bay Courier</title>\
             <item><title>Pier reopens</title><link>http://127.0.0.1:{port}/pier</link>\
             <description>Short teaser.</description></item></channel></rss>"
        )
    };
    let server = serve(move |path, port| match path {
        "/feed" => response(
            "200 OK",
            &[("Content-Type", "application/rss+xml")],
            feed(port).as_bytes(),
        ),
        "/records" => response(
            "200 OK",
            &[("Content-Type", "application/x-ndjson")],
            b"{\"text\": \"The ferry left at dawn.\"}\n{\"text\": \"The ferry came back.\"}\n",
        ),
        "/notes" => response(
            "200 OK",
            &[("Content-Type", "text/plain")],
            b"The council met on Tuesday.",
        ),
        _ => html(PAGE),
    });
    let options = ReadOptions {
        allow_private: true,
        fetch: limits(),
    };
    let base = format!("http://127.0.0.1:{}", server.port);
    let batch = load_inputs_with(
        &[
            format!("{base}/pier"),
            format!("{base}/feed"),
            format!("{base}/records"),
            format!("{base}/notes"),
        ],
        &options,
    )
    .expect("read");
    let docs = &batch.documents;
    let kinds: Vec<(&str, MediaType)> = docs
        .iter()
        .map(|d| (d.input.as_str(), d.media_type))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (format!("{base}/pier").as_str(), MediaType::Html),
            (format!("{base}/feed#1").as_str(), MediaType::Html),
            (format!("{base}/records#1").as_str(), MediaType::Text),
            (format!("{base}/records#2").as_str(), MediaType::Text),
            (format!("{base}/notes").as_str(), MediaType::Text),
        ]
    );
    // The link-only feed item was fetched: its body is the page, its title the item's.
    let item = &docs[1];
    assert_eq!(item.body, PAGE);
    assert_eq!(item.meta.title.as_deref(), Some("Pier reopens"));
    assert_eq!(
        item.meta.url.as_deref(),
        Some(format!("{base}/pier").as_str())
    );
    // Without allow_private the same URL is an error naming it.
    let err =
        load_inputs_with(&[format!("{base}/pier")], &ReadOptions::default()).expect_err("refused");
    assert!(
        err.to_string()
            .starts_with(&format!("{base}/pier: refused")),
        "{err}"
    );
}
