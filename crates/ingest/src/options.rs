//! Options of reading inputs: what the fetcher may reach and how long and how much it may read.

use std::net::IpAddr;
use std::time::Duration;

/// The User-Agent sent with every request, so that sites can tell who is fetching.
pub const USER_AGENT: &str = concat!(
    "parallax/",
    env!("CARGO_PKG_VERSION"),
    " (+",
    env!("CARGO_PKG_REPOSITORY"),
    ")"
);

/// How inputs are read. `ReadOptions::default()` is what [`crate::read_inputs`] uses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadOptions {
    /// Fetch private, loopback, link-local and other non-public addresses too (`--allow-private`).
    /// Off by default: a URL in a feed or a redirect must not reach into the user's network.
    pub allow_private: bool,
    /// Limits of the HTTP fetcher.
    pub fetch: FetchLimits,
}

/// Time, size and redirect limits of the fetcher, and the addresses it may reach besides the
/// public internet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchLimits {
    /// Time to establish one connection.
    pub connect_timeout: Duration,
    /// Time for the whole fetch, redirects and body included.
    pub timeout: Duration,
    /// Largest body read, in bytes, counted after decompression while streaming.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Non-public addresses allowed one by one without `allow_private` (say, one intranet
    /// host); every other non-public address stays refused.
    pub allowed_addresses: Vec<IpAddr>,
    /// The User-Agent header.
    pub user_agent: String,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: 20 * 1024 * 1024,
            max_redirects: 5,
            allowed_addresses: Vec::new(),
            user_agent: USER_AGENT.to_string(),
        }
    }
}
