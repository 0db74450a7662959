//! WARC and WARC.gz files (web archives such as Common Crawl's CC-NEWS) to raw documents.
//!
//! The reader streams: it holds one record at a time (at most [`MAX_RECORD_BYTES`]; larger
//! records are skipped unread), so a multi-gigabyte archive is read in bounded memory. Gzip
//! files are read with `MultiGzDecoder`, since WARC.gz files are one gzip member per record.
//! Only `response` records become documents: their HTTP status line and headers are parsed, and
//! non-2xx and non-HTML responses are skipped (counted in one warning, since an archive holds
//! many). The body is decoded by the charset of its HTTP `Content-Type`, else its `<meta
//! charset>`, else sniffing. `WARC-Target-URI` becomes the URL and `WARC-Date` the fallback
//! publication date. Record `N` (1-based, counting every record so numbers stay stable) becomes
//! the input `PATH#N`.
//!
//! A truncated or corrupt file gives the documents read so far and a warning, not an error: a
//! crawl interrupted mid-file is still worth reading.
//!
//! The parser is our own, not the `warc` crate's: we need to stop cleanly on a truncated gzip
//! member and skip oversized records without buffering them, and the format is simple.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

use flate2::read::MultiGzDecoder;
use parallax_model::{DocumentMeta, MediaType, RawDocument};

use crate::charset::decode_web;
use crate::error::{IngestError, Warning};

/// The largest record read; bigger ones are skipped with a warning.
pub const MAX_RECORD_BYTES: u64 = 20 * 1024 * 1024;
/// The longest header line accepted; a longer one means the file is not WARC.
const MAX_LINE: u64 = 64 * 1024;
/// Header lines per record or HTTP response before giving up on it.
const MAX_HEADERS: usize = 1000;

/// True for a name that is read as a web archive (`.warc`, `.warc.gz`, case-insensitive).
pub fn is_warc_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".warc") || lower.ends_with(".warc.gz")
}

/// Opens a WARC or WARC.gz file (gzip is recognised by its magic bytes, not its name) as a
/// stream of documents.
pub fn open_warc(path: &str) -> Result<WarcDocuments<Box<dyn BufRead>>, IngestError> {
    let file = File::open(path).map_err(|e| IngestError::io(path, e))?;
    let mut buffered = BufReader::with_capacity(64 * 1024, file);
    let head = buffered.fill_buf().map_err(|e| IngestError::io(path, e))?;
    if head.is_empty() {
        return Err(IngestError::Empty {
            input: path.to_string(),
        });
    }
    let reader: Box<dyn BufRead> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::with_capacity(
            64 * 1024,
            MultiGzDecoder::new(buffered),
        ))
    } else {
        Box::new(buffered)
    };
    Ok(WarcDocuments::new(path, reader))
}

/// Reads every document of a WARC file. A file that holds no WARC record at all is an error;
/// a truncated one gives what was read and a warning.
pub fn read_warc(path: &str, warnings: &mut Vec<Warning>) -> Result<Vec<RawDocument>, IngestError> {
    let mut records = open_warc(path)?;
    let mut docs = Vec::new();
    for item in records.by_ref() {
        match item {
            Ok(doc) => docs.push(doc),
            Err(w) => warnings.push(w),
        }
    }
    if records.records() == 0 {
        let reason = warnings
            .pop()
            .map(|w| w.message)
            .unwrap_or_else(|| "no WARC records".into());
        return Err(IngestError::Malformed {
            input: path.to_string(),
            reason,
        });
    }
    Ok(docs)
}

/// An iterator over the HTML responses of a WARC stream. Items are documents, or warnings for
/// what was skipped; the stream ends after the last record, or after a warning when the file is
/// truncated or corrupt.
pub struct WarcDocuments<R> {
    input: String,
    reader: R,
    records: usize,
    done: bool,
    skipped_status: usize,
    skipped_type: usize,
    lossy: usize,
}

impl<R: BufRead> WarcDocuments<R> {
    /// Reads records of `input` (the name used in document inputs and warnings) from `reader`,
    /// which must already be decompressed.
    pub fn new(input: &str, reader: R) -> Self {
        WarcDocuments {
            input: input.to_string(),
            reader,
            records: 0,
            done: false,
            skipped_status: 0,
            skipped_type: 0,
            lossy: 0,
        }
    }

    /// How many WARC records were read so far (of any type).
    pub fn records(&self) -> usize {
        self.records
    }

    /// Reads the next record; `Ok(None)` at the end of the stream.
    fn next_record(&mut self) -> Result<Option<Record>, String> {
        let mut line = Vec::new();
        // Records are separated by blank lines; skip them.
        loop {
            line.clear();
            let n = read_line(&mut self.reader, &mut line).map_err(|e| e.to_string())?;
            if n == 0 {
                return Ok(None);
            }
            if !trim_eol(&line).is_empty() {
                break;
            }
        }
        if !trim_eol(&line).starts_with(b"WARC/") {
            return Err("not a WARC record (no WARC/ version line)".into());
        }
        let headers = read_headers(&mut self.reader).map_err(|e| e.to_string())?;
        let length = header(&headers, "content-length")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .ok_or("WARC record without a valid Content-Length")?;
        self.records += 1;
        let kind = header(&headers, "warc-type").unwrap_or_default();
        let wanted = kind.eq_ignore_ascii_case("response") && length <= MAX_RECORD_BYTES;
        let block = if wanted {
            let mut block = Vec::with_capacity(length as usize);
            (&mut self.reader)
                .take(length)
                .read_to_end(&mut block)
                .map_err(|e| e.to_string())?;
            if (block.len() as u64) < length {
                return Err("file ends inside a record".into());
            }
            Some(block)
        } else {
            let copied = io::copy(&mut (&mut self.reader).take(length), &mut io::sink())
                .map_err(|e| e.to_string())?;
            if copied < length {
                return Err("file ends inside a record".into());
            }
            None
        };
        Ok(Some(Record {
            number: self.records,
            kind,
            length,
            headers,
            block,
        }))
    }

    /// The document of a response record, or why it was skipped.
    fn document(&mut self, record: Record) -> Option<Result<RawDocument, Warning>> {
        let input = format!("{}#{}", self.input, record.number);
        if !record.kind.eq_ignore_ascii_case("response") {
            return None;
        }
        let Some(block) = record.block else {
            return Some(Err(Warning::new(
                input,
                format!(
                    "record of {} bytes is over the {MAX_RECORD_BYTES}-byte limit; skipped",
                    record.length
                ),
            )));
        };
        let Some(http) = parse_http(&block) else {
            return Some(Err(Warning::new(
                input,
                "response without an HTTP head; skipped",
            )));
        };
        if !(200..300).contains(&http.status) {
            self.skipped_status += 1;
            return None;
        }
        let payload = block.get(http.body_start..).unwrap_or_default();
        let payload = match unwrap_transfer(payload, &http) {
            Ok(p) => p,
            Err(reason) => return Some(Err(Warning::new(input, format!("{reason}; skipped")))),
        };
        let html_type = http.content_type.as_deref().map(is_html_type);
        let mut warnings = Vec::new();
        let body = match decode_web(
            &input,
            &payload,
            http.content_type.as_deref(),
            &mut warnings,
        ) {
            Ok(body) => body,
            Err(_) => {
                self.skipped_type += 1;
                return None;
            }
        };
        let is_html =
            html_type.unwrap_or_else(|| crate::sources::sniff_media_type(&body) == MediaType::Html);
        if !is_html {
            self.skipped_type += 1;
            return None;
        }
        // Counted rather than reported one by one: an archive can hold thousands.
        if !warnings.is_empty() {
            self.lossy += 1;
        }
        let uri = header(&record.headers, "warc-target-uri")
            .map(|u| {
                u.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            })
            .filter(|u| !u.is_empty());
        let date = header(&record.headers, "warc-date")
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty());
        let id = header(&record.headers, "warc-record-id")
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty());
        Some(Ok(RawDocument {
            input,
            media_type: MediaType::Html,
            body,
            meta: DocumentMeta {
                id,
                url: uri,
                outlet: None,
                title: None,
                published: None,
                crawled: date,
            },
        }))
    }

    fn summary(&self) -> Option<Warning> {
        let (status, kind, lossy) = (self.skipped_status, self.skipped_type, self.lossy);
        let mut parts = Vec::new();
        if status + kind > 0 {
            parts.push(format!(
                "skipped {} response record(s): {status} not 2xx, {kind} not HTML",
                status + kind
            ));
        }
        if lossy > 0 {
            parts.push(format!(
                "{lossy} record(s) had invalid bytes for their charset (replacement characters)"
            ));
        }
        (!parts.is_empty()).then(|| Warning::new(&self.input, parts.join("; ")))
    }
}

impl<R: BufRead> Iterator for WarcDocuments<R> {
    type Item = Result<RawDocument, Warning>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Ok(Some(record)) => {
                    if let Some(item) = self.document(record) {
                        return Some(item);
                    }
                }
                Ok(None) => {
                    self.done = true;
                    return self.summary().map(Err);
                }
                Err(reason) => {
                    self.done = true;
                    let message = if self.records == 0 {
                        reason
                    } else {
                        format!(
                            "truncated or corrupt after record {} ({reason}); kept what was read",
                            self.records
                        )
                    };
                    return Some(Err(Warning::new(&self.input, message)));
                }
            }
        }
        None
    }
}

struct Record {
    number: usize,
    kind: String,
    length: u64,
    headers: Vec<(String, String)>,
    block: Option<Vec<u8>>,
}

struct HttpHead {
    status: u16,
    content_type: Option<String>,
    chunked: bool,
    gzip: bool,
    body_start: usize,
}

/// Reads one line (with its end) of at most `MAX_LINE` bytes; returns its length, 0 at EOF.
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let n = reader.take(MAX_LINE).read_until(b'\n', line)?;
    if n as u64 == MAX_LINE && line.last() != Some(&b'\n') {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "header line too long",
        ));
    }
    Ok(n)
}

fn read_headers(reader: &mut impl BufRead) -> io::Result<Vec<(String, String)>> {
    let mut headers = Vec::new();
    let mut line = Vec::new();
    for _ in 0..MAX_HEADERS {
        line.clear();
        if read_line(reader, &mut line)? == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "file ends inside a record header",
            ));
        }
        let text = trim_eol(&line);
        if text.is_empty() {
            return Ok(headers);
        }
        if let Some((name, value)) = split_header(text) {
            headers.push((name, value));
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidData,
        "too many header lines",
    ))
}

fn split_header(line: &[u8]) -> Option<(String, String)> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = String::from_utf8_lossy(line.get(..colon)?)
        .trim()
        .to_ascii_lowercase();
    let value = String::from_utf8_lossy(line.get(colon + 1..)?)
        .trim()
        .to_string();
    Some((name, value))
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Parses the HTTP status line and headers at the start of a response block.
fn parse_http(block: &[u8]) -> Option<HttpHead> {
    let mut pos = 0;
    let mut lines = Vec::new();
    loop {
        let rest = block.get(pos..)?;
        let end = rest.iter().position(|&b| b == b'\n')?;
        let line = trim_eol(rest.get(..=end)?);
        pos += end + 1;
        if line.is_empty() {
            break;
        }
        if lines.len() > MAX_HEADERS {
            return None;
        }
        lines.push(line);
    }
    let status_line = String::from_utf8_lossy(lines.first()?);
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let status = parts.next()?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .iter()
        .skip(1)
        .filter_map(|l| split_header(l))
        .collect();
    let has = |name: &str, token: &str| {
        header(&headers, name).is_some_and(|v| v.to_ascii_lowercase().contains(token))
    };
    Some(HttpHead {
        status,
        content_type: header(&headers, "content-type"),
        chunked: has("transfer-encoding", "chunked"),
        gzip: has("content-encoding", "gzip"),
        body_start: pos,
    })
}

fn is_html_type(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime == "text/html" || mime == "application/xhtml+xml"
}

/// Undoes chunked transfer coding and gzip content coding when the payload still carries them
/// (archivers differ: Common Crawl stores payloads decoded but keeps the original headers, so
/// each is applied only when the bytes actually look encoded).
fn unwrap_transfer(payload: &[u8], http: &HttpHead) -> Result<Vec<u8>, String> {
    let mut bytes = payload.to_vec();
    if http.chunked {
        if let Some(joined) = dechunk(&bytes) {
            bytes = joined;
        }
    }
    if http.gzip && bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        MultiGzDecoder::new(bytes.as_slice())
            .take(MAX_RECORD_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("gzip payload does not decompress ({e})"))?;
        if out.len() as u64 > MAX_RECORD_BYTES {
            return Err(format!("payload over the {MAX_RECORD_BYTES}-byte limit"));
        }
        bytes = out;
    }
    Ok(bytes)
}

/// Joins chunked transfer coding; `None` when the bytes are not chunked after all.
fn dechunk(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut pos = 0;
    loop {
        let rest = bytes.get(pos..)?;
        let end = rest.iter().position(|&b| b == b'\n')?;
        let size_line = String::from_utf8_lossy(trim_eol(rest.get(..=end)?)).into_owned();
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        pos += end + 1;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(bytes.get(pos..pos.checked_add(size)?)?);
        pos += size;
        // The CRLF after each chunk.
        let after = bytes.get(pos..).unwrap_or_default();
        pos += if after.starts_with(b"\r\n") {
            2
        } else if after.starts_with(b"\n") {
            1
        } else {
            0
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warc_names() {
        assert!(is_warc_name("CC-NEWS-20240101.warc.gz"));
        assert!(is_warc_name("crawl.WARC"));
        assert!(!is_warc_name("notes.gz"));
        assert!(!is_warc_name("warc.txt"));
    }

    #[test]
    fn http_head_is_parsed() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
                      Transfer-Encoding: chunked\r\n\r\n<p>x</p>";
        let head = parse_http(block).expect("head parses");
        assert_eq!(head.status, 200);
        assert_eq!(
            head.content_type.as_deref(),
            Some("text/html; charset=utf-8")
        );
        assert!(head.chunked && !head.gzip);
        assert_eq!(block.get(head.body_start..), Some(&b"<p>x</p>"[..]));
    }

    #[test]
    fn chunked_payloads_are_joined_and_plain_ones_left_alone() {
        assert_eq!(
            dechunk(b"4\r\n<p>a\r\n4;x=y\r\n</p>\r\n0\r\n\r\n"),
            Some(b"<p>a</p>".to_vec())
        );
        assert_eq!(dechunk(b"<p>not chunked</p>"), None);
        assert_eq!(dechunk(b"ffffffffffff\r\nab"), None);
    }

    #[test]
    fn odd_heads_do_not_parse() {
        for block in [
            &b""[..],
            b"HTTP/1.1",
            b"GET / HTTP/1.1\r\n\r\n",
            b"HTTP/1.1 abc\r\n\r\n",
        ] {
            assert!(parse_http(block).is_none());
        }
    }
}
