//! Errors and warnings of ingestion. Every message is one line that starts with the input it is
//! about, so the CLI can print it as is: `INPUT: reason`.

use std::fmt;

/// Why an input could not be read or turned into an article.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("{input}: no such file")]
    NotFound {
        /// The input as given.
        input: String,
    },
    /// The file has no bytes, or only whitespace.
    #[error("{input}: empty file")]
    Empty {
        /// The input as given.
        input: String,
    },
    /// The bytes are not text (NUL bytes or mostly control characters).
    #[error("{input}: binary file, not text")]
    Binary {
        /// The input as given.
        input: String,
    },
    /// The input is over the size cap.
    #[error("{input}: too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// The input as given.
        input: String,
        /// Its size in bytes (at least `limit + 1` when read from a stream).
        size: u64,
        /// The cap in bytes.
        limit: u64,
    },
    /// An operating-system error while reading.
    #[error("{input}: {source}")]
    Io {
        /// The input as given.
        input: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A glob pattern that matched no file.
    #[error("{pattern}: no files match")]
    NoMatch {
        /// The pattern as given.
        pattern: String,
    },
    /// A glob pattern that does not parse.
    #[error("{pattern}: bad glob pattern ({reason})")]
    BadPattern {
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A directory without any file Parallax reads.
    #[error("{input}: no text, Markdown, HTML or JSON files in this directory")]
    EmptyDirectory {
        /// The directory as given.
        input: String,
    },
    /// Malformed JSON; `location` is `PATH` or `PATH:LINE` for JSONL.
    #[error("{location}: invalid JSON ({reason})")]
    Json {
        /// `PATH` or `PATH:LINE`.
        location: String,
        /// The parser's message.
        reason: String,
    },
    /// A JSON record that is valid JSON but not a usable record (`PATH#N`).
    #[error("{input}: {reason}")]
    Record {
        /// `PATH#N`.
        input: String,
        /// What is wrong with the record.
        reason: String,
    },
    /// A kind of document this build cannot extract yet.
    #[error("{input}: {reason}")]
    Unsupported {
        /// The input as given.
        input: String,
        /// What is missing.
        reason: String,
    },
    /// A URL that was refused or could not be fetched (SSRF guard, HTTP status, size, time).
    #[error("{url}: {reason}")]
    Fetch {
        /// The URL as given (or the redirect hop that failed, when it differs).
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// A feed or web archive whose structure cannot be read.
    #[error("{input}: {reason}")]
    Malformed {
        /// The input as given.
        input: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Cleaning left no article text.
    #[error("{input}: no article text after cleaning")]
    NoText {
        /// The input as given.
        input: String,
    },
}

impl IngestError {
    pub(crate) fn io(input: &str, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::NotFound {
            return IngestError::NotFound {
                input: input.to_string(),
            };
        }
        IngestError::Io {
            input: input.to_string(),
            source,
        }
    }
}

/// Something the reader worked around instead of failing (a lossy decode, a skipped record or
/// file), so that no input is dropped or changed silently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The input concerned (`PATH`, `PATH#N` or `PATH:LINE`).
    pub input: String,
    /// What happened.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(input: impl Into<String>, message: impl Into<String>) -> Self {
        Warning {
            input: input.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_line_and_start_with_the_input() {
        let cases = [
            IngestError::NotFound {
                input: "a.txt".into(),
            },
            IngestError::Empty {
                input: "a.txt".into(),
            },
            IngestError::Binary {
                input: "a.txt".into(),
            },
            IngestError::TooLarge {
                input: "a.txt".into(),
                size: 10,
                limit: 5,
            },
            IngestError::NoMatch {
                pattern: "a.txt".into(),
            },
            IngestError::Json {
                location: "a.txt".into(),
                reason: "x".into(),
            },
            IngestError::Unsupported {
                input: "a.txt".into(),
                reason: "x".into(),
            },
        ];
        for e in cases {
            let msg = e.to_string();
            assert!(msg.starts_with("a.txt: "), "{msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
    }
}
