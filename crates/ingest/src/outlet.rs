//! Naming the outlet: the domain of the article's URL, else what the source said, else the
//! file stem of the input.

use std::path::Path;

/// Host of `url` in lower case, without a port, credentials or a leading `www.`; `None` when
/// `url` has no host.
pub fn domain_of(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = match url.find("://") {
        Some(i) => url.get(i + 3..)?,
        None => url.strip_prefix("//").unwrap_or(url),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = match host.strip_prefix('[') {
        // An IPv6 literal keeps its colons.
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .map(str::to_string)
        .unwrap_or(host);
    let plausible = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
        && (host.contains('.') || host.contains(':') || host == "localhost");
    plausible.then_some(host)
}

/// The file stem of an input (`dir/a.txt#3` → `a`); `stdin` for `-`.
pub fn input_stem(input: &str) -> String {
    // A record input is `PATH#N`; only strip the suffix when it is a record number, since '#'
    // may occur in file names.
    let path = match input.rsplit_once('#') {
        Some((path, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => path,
        _ => input,
    };
    if path == "-" {
        return "stdin".to_string();
    }
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| path.to_string())
}

/// Outlet of an article: URL domain, else `given`, else the input's file stem.
pub fn outlet_for(url: Option<&str>, given: Option<&str>, input: &str) -> String {
    if let Some(domain) = url.and_then(domain_of) {
        return domain;
    }
    if let Some(given) = given.map(str::trim).filter(|g| !g.is_empty()) {
        return given.strip_prefix("www.").unwrap_or(given).to_string();
    }
    input_stem(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! domain {
        ($name:ident, $url:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(domain_of($url).as_deref(), $want);
            }
        };
    }

    domain!(
        strips_www_and_path,
        "https://www.example-news.com/2022/11/25/a-b",
        Some("example-news.com")
    );
    domain!(
        keeps_subdomain,
        "http://world.example.org?x=1",
        Some("world.example.org")
    );
    domain!(
        drops_port_and_credentials,
        "https://user:pw@News.Example.net:8443/a",
        Some("news.example.net")
    );
    domain!(
        scheme_relative,
        "//cdn.example.com/x",
        Some("cdn.example.com")
    );
    domain!(bare_domain, "example.com/story", Some("example.com"));
    domain!(not_a_url, "#", None);
    domain!(empty, "", None);
    domain!(words_are_not_a_host, "see the remarks", None);

    macro_rules! stem {
        ($name:ident, $input:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(input_stem($input), $want);
            }
        };
    }

    stem!(file_stem, "dir/sub/report_1.txt", "report_1");
    stem!(record_suffix_dropped, "dump/news.jsonl#12", "news");
    stem!(hash_in_name_kept, "a#b.txt", "a#b");
    stem!(stdin_named, "-", "stdin");
    stem!(stdin_record, "-#2", "stdin");

    #[test]
    fn outlet_prefers_url_then_given_then_stem() {
        assert_eq!(
            outlet_for(Some("https://www.a.com/x"), Some("B"), "c.txt"),
            "a.com"
        );
        assert_eq!(outlet_for(None, Some("www.b.org"), "c.txt"), "b.org");
        assert_eq!(outlet_for(Some("#"), None, "dir/c.txt"), "c");
    }
}
