//! The HTTP(S) fetcher: SSRF-safe, bounded in time, size and redirects.
//!
//! Every hop, the first and each redirect, goes through the same steps: parse the URL (http and
//! https only), resolve the host ourselves, refuse any address that is not public unicast (see
//! [`crate::address`]) unless private addresses are allowed, then connect to exactly the
//! addresses that passed, pinned with reqwest's `resolve_to_addrs`, so that a second DNS answer
//! (DNS rebinding) cannot swap them. Redirects are never followed by reqwest; we follow them
//! here so each target is checked before any connection is made to it. Proxies from the
//! environment are ignored: a proxy would connect on our behalf to addresses we never checked.
//!
//! The body is read in chunks and counted after decompression (gzip, brotli), so neither a
//! lying `Content-Length` nor a compression bomb can exhaust memory. Text is decoded by the
//! charset of `Content-Type`, then `<meta charset>`, then sniffing.

use std::io::Read;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, Response};
use reqwest::header::{ACCEPT, CONTENT_TYPE, LOCATION};
use url::{Host, Url};

use crate::address::non_public_reason;
use crate::charset::decode_web;
use crate::error::{IngestError, Warning};
use crate::options::FetchLimits;

/// What a fetched body is, from its `Content-Type` (sniffed when the type is missing or vague).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// An HTML page.
    Html,
    /// Plain text or Markdown.
    Text,
    /// An RSS, Atom or JSON feed.
    Feed,
    /// JSON or JSONL records.
    Json,
}

/// A fetched document, decoded to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The address the body came from, after redirects.
    pub url: String,
    /// The `Content-Type` header, when the server sent one.
    pub content_type: Option<String>,
    /// What the body is.
    pub kind: ContentKind,
    /// The body as text.
    pub body: String,
}

/// Fetches URLs under an SSRF policy and limits; build once, fetch many.
#[derive(Debug, Clone)]
pub struct Fetcher {
    allow_private: bool,
    limits: FetchLimits,
}

impl Fetcher {
    /// A fetcher that refuses non-public addresses unless `allow_private` (or unless listed in
    /// `limits.allowed_addresses`).
    pub fn new(allow_private: bool, limits: FetchLimits) -> Self {
        Fetcher {
            allow_private,
            limits,
        }
    }

    /// Fetches `url`. Errors are [`IngestError::Fetch`] naming `url` as given, with the hop that
    /// failed in the reason when a redirect led there.
    pub fn fetch(&self, url: &str, warnings: &mut Vec<Warning>) -> Result<Fetched, IngestError> {
        let fail = |reason: String| IngestError::Fetch {
            url: url.to_string(),
            reason,
        };
        let deadline = Instant::now() + self.limits.timeout;
        let mut current = parse_url(url.trim()).map_err(fail)?;
        let mut hops = 0;
        loop {
            let response = self.request(&current, deadline).map_err(|reason| {
                if hops == 0 {
                    fail(reason)
                } else {
                    fail(format!("redirect to {current}: {reason}"))
                }
            })?;
            let status = response.status();
            if status.is_redirection() {
                let Some(location) = response
                    .headers()
                    .get(LOCATION)
                    .and_then(|l| l.to_str().ok())
                else {
                    return Err(fail(format!("HTTP {status} without a Location header")));
                };
                hops += 1;
                if hops > self.limits.max_redirects {
                    return Err(fail(format!(
                        "too many redirects (more than {})",
                        self.limits.max_redirects
                    )));
                }
                let next = current
                    .join(location.trim())
                    .map_err(|e| fail(format!("bad redirect target {location:?} ({e})")))?;
                if !matches!(next.scheme(), "http" | "https") {
                    return Err(fail(format!(
                        "redirect to {next} refused: only http and https are fetched"
                    )));
                }
                current = next;
                continue;
            }
            if !status.is_success() {
                return Err(fail(format!("HTTP {status}")));
            }
            return self.read(url, current, response, warnings);
        }
    }

    /// Resolves, checks and sends one request without following redirects.
    fn request(&self, url: &Url, deadline: Instant) -> Result<Response, String> {
        let addrs = self.resolve(url, deadline)?;
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(timed_out(self.limits.timeout));
        }
        let mut builder = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .user_agent(self.limits.user_agent.clone())
            .connect_timeout(self.limits.connect_timeout.min(remaining))
            .timeout(remaining);
        if let Some(Host::Domain(domain)) = url.host() {
            builder = builder.resolve_to_addrs(domain, &addrs);
        }
        let client = builder.build().map_err(|e| one_line(&e))?;
        client
            .get(url.clone())
            .header(
                ACCEPT,
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
                 application/xml;q=0.9,text/plain;q=0.8,application/json;q=0.8,*/*;q=0.5",
            )
            .send()
            .map_err(|e| {
                if e.is_timeout() {
                    timed_out(self.limits.timeout)
                } else {
                    one_line(&e)
                }
            })
    }

    /// The addresses of the URL's host that policy allows; an error names the first refused.
    fn resolve(&self, url: &Url, deadline: Instant) -> Result<Vec<SocketAddr>, String> {
        let port = url
            .port_or_known_default()
            .ok_or_else(|| "no port for this scheme".to_string())?;
        let addrs: Vec<SocketAddr> = match url.host() {
            Some(Host::Ipv4(ip)) => vec![SocketAddr::new(IpAddr::V4(ip), port)],
            Some(Host::Ipv6(ip)) => vec![SocketAddr::new(IpAddr::V6(ip), port)],
            Some(Host::Domain(domain)) => lookup(domain, port, deadline, self.limits.timeout)?,
            None => return Err("no host".into()),
        };
        if self.allow_private {
            return Ok(addrs);
        }
        let mut refused = None;
        let allowed: Vec<SocketAddr> = addrs
            .into_iter()
            .filter(|a| {
                let ip = a.ip();
                match non_public_reason(ip) {
                    Some(_) if self.limits.allowed_addresses.contains(&ip) => true,
                    Some(reason) => {
                        refused.get_or_insert((ip, reason));
                        false
                    }
                    None => true,
                }
            })
            .collect();
        match (allowed.is_empty(), refused) {
            (false, _) => Ok(allowed),
            (true, Some((ip, reason))) => Err(format!(
                "refused: {ip} is a {reason} address (use --allow-private to fetch it)"
            )),
            (true, None) => Err("the host has no address".into()),
        }
    }

    /// Reads the body under the size cap and decodes it.
    fn read(
        &self,
        input: &str,
        url: Url,
        response: Response,
        warnings: &mut Vec<Warning>,
    ) -> Result<Fetched, IngestError> {
        let fail = |reason: String| IngestError::Fetch {
            url: input.to_string(),
            reason,
        };
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let declared = classify(content_type.as_deref()).map_err(fail)?;
        let max = self.limits.max_bytes;
        if response.content_length().is_some_and(|len| len > max) {
            return Err(fail(too_large(max)));
        }
        let bytes = read_capped(response, max).map_err(|e| match e {
            ReadError::TooLarge => fail(too_large(max)),
            ReadError::Io(e) if is_timeout(&e) => fail(timed_out(self.limits.timeout)),
            ReadError::Io(e) => fail(format!("reading the body failed ({})", one_line(&e))),
        })?;
        let body = decode_web(input, &bytes, content_type.as_deref(), warnings)?;
        let kind = match declared {
            Some(kind) => kind,
            None => sniff_kind(&body),
        };
        Ok(Fetched {
            url: url.to_string(),
            content_type,
            kind,
            body,
        })
    }
}

fn parse_url(url: &str) -> Result<Url, String> {
    let parsed = Url::parse(url).map_err(|e| format!("not a valid URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("only http and https URLs are fetched".into());
    }
    Ok(parsed)
}

/// The kind a `Content-Type` announces; `Ok(None)` when it must be sniffed from the body.
fn classify(content_type: Option<&str>) -> Result<Option<ContentKind>, String> {
    let Some(ct) = content_type else {
        return Ok(None);
    };
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let kind = match mime.as_str() {
        "text/html" | "application/xhtml+xml" => ContentKind::Html,
        "application/rss+xml"
        | "application/atom+xml"
        | "application/rdf+xml"
        | "application/feed+json" => ContentKind::Feed,
        "application/json" | "application/x-ndjson" | "application/jsonl" | "text/json" => {
            ContentKind::Json
        }
        // Vague types: XML may be a feed or not, plain text may hold anything.
        "" | "text/plain" | "text/xml" | "application/xml" | "application/octet-stream" => {
            return Ok(None)
        }
        m if m.starts_with("text/") => ContentKind::Text,
        m => return Err(format!("unsupported content type {m}")),
    };
    Ok(Some(kind))
}

/// The kind of a body whose type was vague: a feed, JSON records, HTML, else text.
pub(crate) fn sniff_kind(body: &str) -> ContentKind {
    if crate::feeds::looks_like_feed(body) {
        ContentKind::Feed
    } else if crate::records::looks_like_json(body) {
        ContentKind::Json
    } else if crate::sources::sniff_media_type(body) == parallax_model::MediaType::Html {
        ContentKind::Html
    } else {
        ContentKind::Text
    }
}

enum ReadError {
    TooLarge,
    Io(std::io::Error),
}

/// Reads at most `max` bytes (plus one to detect excess), counting while streaming.
fn read_capped(response: Response, max: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    response
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

fn too_large(max: u64) -> String {
    format!("response larger than the {max}-byte limit")
}

fn timed_out(limit: Duration) -> String {
    format!("timed out (limit {:.1} s)", limit.as_secs_f64())
}

/// The system resolver has no timeout of its own: the lookup runs on a helper thread and is
/// abandoned (left to finish in the background) when the deadline passes first.
fn lookup(
    domain: &str,
    port: u16,
    deadline: Instant,
    limit: Duration,
) -> Result<Vec<SocketAddr>, String> {
    let host = domain.to_string();
    let resolve = move || {
        (host.as_str(), port)
            .to_socket_addrs()
            .map(|a| a.collect::<Vec<_>>())
    };
    within_deadline(domain, resolve, deadline, limit)
}

/// Runs `resolve` on a helper thread and waits for it until `deadline` at most.
fn within_deadline(
    domain: &str,
    resolve: impl FnOnce() -> std::io::Result<Vec<SocketAddr>> + Send + 'static,
    deadline: Instant,
    limit: Duration,
) -> Result<Vec<SocketAddr>, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("parallax-dns".into())
        .spawn(move || {
            // The receiver may have given up; nothing to do then.
            let _ = tx.send(resolve());
        })
        .map_err(|e| format!("cannot resolve {domain} ({e})"))?;
    let wait = deadline.saturating_duration_since(Instant::now());
    match rx.recv_timeout(wait) {
        Ok(Ok(addrs)) => Ok(addrs),
        Ok(Err(e)) => Err(format!("cannot resolve {domain} ({e})")),
        Err(_) => Err(format!("cannot resolve {domain}: {}", timed_out(limit))),
    }
}

fn is_timeout(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::TimedOut {
        return true;
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = e.get_ref().map(|s| s as _);
    while let Some(s) = source {
        if s.downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
        {
            return true;
        }
        source = s.source();
    }
    false
}

/// An error and its causes on one line (reqwest nests the useful part several levels deep).
fn one_line(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_classified() {
        let cases = [
            ("text/html; charset=utf-8", Ok(Some(ContentKind::Html))),
            ("application/rss+xml", Ok(Some(ContentKind::Feed))),
            ("Application/Atom+XML", Ok(Some(ContentKind::Feed))),
            ("application/json", Ok(Some(ContentKind::Json))),
            ("text/markdown", Ok(Some(ContentKind::Text))),
            ("text/xml", Ok(None)),
            ("text/plain", Ok(None)),
            (
                "image/png",
                Err("unsupported content type image/png".to_string()),
            ),
        ];
        for (ct, want) in cases {
            assert_eq!(classify(Some(ct)), want, "{ct}");
        }
        assert_eq!(classify(None), Ok(None));
    }

    #[test]
    fn a_lookup_past_its_deadline_is_a_timeout_not_a_hang() {
        // A resolver that hangs for 5 s, a deadline 100 ms away: the fetch gives up at the
        // deadline with a timeout naming the host.
        let slow = || {
            std::thread::sleep(Duration::from_secs(5));
            Ok(Vec::new())
        };
        let started = Instant::now();
        let deadline = started + Duration::from_millis(100);
        let got = within_deadline("news.example", slow, deadline, Duration::from_millis(100));
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "waited for the resolver"
        );
        let err = got.expect_err("a timeout");
        assert!(err.contains("news.example"), "{err}");
        assert_eq!(
            err,
            format!(
                "cannot resolve news.example: {}",
                timed_out(Duration::from_millis(100))
            )
        );
        // An answer before the deadline is passed on.
        let quick = || Ok(vec![SocketAddr::from(([203, 0, 113, 7], 80))]);
        let got = within_deadline(
            "news.example",
            quick,
            Instant::now() + Duration::from_secs(5),
            Duration::from_secs(5),
        );
        assert_eq!(got, Ok(vec![SocketAddr::from(([203, 0, 113, 7], 80))]));
    }

    #[test]
    fn only_http_urls_are_fetched() {
        assert!(parse_url("file:///etc/passwd").is_err());
        assert!(parse_url("ftp://example.invalid/a").is_err());
        assert!(parse_url("not a url").is_err());
        assert!(parse_url("https://example.invalid/a").is_ok());
    }

    #[test]
    fn refused_addresses_are_named() {
        let fetcher = Fetcher::new(false, FetchLimits::default());
        let cases = [
            ("http://10.0.0.1/", "10.0.0.1 is a private address"),
            ("http://[::1]:8080/", "::1 is a loopback address"),
            (
                "http://[::ffff:7f00:1]/",
                "::ffff:127.0.0.1 is a loopback address",
            ),
            ("http://169.254.169.254/latest/", "link-local"),
            ("http://0x7f.1/", "127.0.0.1 is a loopback address"),
        ];
        for (url, want) in cases {
            let parsed = parse_url(url).expect("test URL parses");
            let got = fetcher.resolve(&parsed, Instant::now() + Duration::from_secs(5));
            assert!(
                got.as_ref().is_err_and(|e| e.contains(want)),
                "{url}: {got:?}"
            );
        }
    }
}
