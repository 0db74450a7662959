//! Which IP addresses the fetcher may connect to (the SSRF guard's policy).
//!
//! A URL handed to Parallax, or found in a feed or a redirect, must not make it reach into the
//! user's own network or cloud metadata services. Every address a host resolves to is checked
//! here; only public unicast addresses pass unless the user allows private ones. IPv6 forms that
//! embed an IPv4 address (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`,
//! 6to4 `2002::/16`) are judged by the IPv4 address inside, since that is where they lead.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why `ip` is not a public unicast address (`"loopback"`, `"private"`, …), or `None` when it
/// is one.
pub fn non_public_reason(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => v4_reason(v4),
        IpAddr::V6(v6) => v6_reason(v6),
    }
}

fn v4_reason(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    let reason = if ip.is_loopback() {
        "loopback"
    } else if ip.is_private() {
        "private"
    } else if ip.is_link_local() {
        "link-local"
    } else if ip.is_multicast() {
        "multicast"
    } else if ip.is_unspecified() || a == 0 {
        "unspecified"
    } else if ip.is_broadcast() {
        "broadcast"
    } else if a == 100 && (64..128).contains(&b) {
        "shared (carrier-grade NAT)"
    } else if ip.is_documentation() {
        "documentation"
    } else if (a == 192 && b == 0 && c == 0) || (a == 198 && (b == 18 || b == 19)) || a >= 240 {
        // IETF protocol assignments, benchmarking, and the old class E.
        "reserved"
    } else {
        return None;
    };
    Some(reason)
}

fn v6_reason(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = embedded_v4(ip) {
        return v4_reason(v4);
    }
    let first = ip.segments()[0];
    let reason = if ip.is_loopback() {
        "loopback"
    } else if ip.is_unspecified() {
        "unspecified"
    } else if ip.is_multicast() {
        "multicast"
    } else if first & 0xfe00 == 0xfc00 {
        "private (unique local)"
    } else if first & 0xffc0 == 0xfe80 || first & 0xffc0 == 0xfec0 {
        // fec0::/10 is the deprecated site-local range, private in practice.
        "link-local"
    } else if first == 0x2001 && ip.segments()[1] == 0x0db8 {
        "documentation"
    } else {
        return None;
    };
    Some(reason)
}

/// The IPv4 address an IPv6 address stands for, when it is one of the embedding forms.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let tail = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    let head_zero = s[..5].iter().all(|&x| x == 0);
    if head_zero && s[5] == 0xffff {
        return Some(tail); // IPv4-mapped
    }
    if head_zero && s[5] == 0 && !ip.is_loopback() && !ip.is_unspecified() {
        return Some(tail); // IPv4-compatible (deprecated)
    }
    if s[0] == 0x0064 && s[1] == 0xff9b && s[2..6].iter().all(|&x| x == 0) {
        return Some(tail); // NAT64 well-known prefix
    }
    if s[0] == 0x2002 {
        let v4 = Ipv4Addr::new((s[1] >> 8) as u8, s[1] as u8, (s[2] >> 8) as u8, s[2] as u8);
        return Some(v4); // 6to4
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($name:ident, $addr:expr, $want:expr) => {
            #[test]
            fn $name() {
                let ip: IpAddr = $addr.parse().expect("test address parses");
                assert_eq!(non_public_reason(ip), $want, "{ip}");
            }
        };
    }

    case!(public_v4, "93.184.216.34", None);
    case!(public_v6, "2606:4700::1111", None);
    case!(ten_slash_eight, "10.0.0.1", Some("private"));
    case!(one_seven_two_sixteen, "172.16.5.4", Some("private"));
    case!(one_seven_two_thirty_two_is_public, "172.32.0.1", None);
    case!(one_nine_two_one_six_eight, "192.168.1.1", Some("private"));
    case!(loopback_v4, "127.0.0.1", Some("loopback"));
    case!(loopback_v4_other, "127.0.0.2", Some("loopback"));
    case!(metadata_service, "169.254.169.254", Some("link-local"));
    case!(multicast_v4, "224.0.0.1", Some("multicast"));
    case!(unspecified_v4, "0.0.0.0", Some("unspecified"));
    case!(this_network, "0.1.2.3", Some("unspecified"));
    case!(broadcast, "255.255.255.255", Some("broadcast"));
    case!(cgnat, "100.64.0.1", Some("shared (carrier-grade NAT)"));
    case!(
        cgnat_end,
        "100.127.255.254",
        Some("shared (carrier-grade NAT)")
    );
    case!(after_cgnat_is_public, "100.128.0.1", None);
    case!(benchmarking, "198.18.0.1", Some("reserved"));
    case!(loopback_v6, "::1", Some("loopback"));
    case!(unspecified_v6, "::", Some("unspecified"));
    case!(unique_local, "fd12:3456::1", Some("private (unique local)"));
    case!(link_local_v6, "fe80::1", Some("link-local"));
    case!(multicast_v6, "ff02::1", Some("multicast"));
    case!(mapped_loopback, "::ffff:127.0.0.1", Some("loopback"));
    case!(mapped_private, "::ffff:10.1.2.3", Some("private"));
    case!(
        mapped_metadata,
        "::ffff:169.254.169.254",
        Some("link-local")
    );
    case!(mapped_public, "::ffff:93.184.216.34", None);
    case!(compatible_private, "::10.0.0.1", Some("private"));
    case!(nat64_private, "64:ff9b::a00:1", Some("private"));
    case!(six_to_four_loopback, "2002:7f00:1::", Some("loopback"));
    case!(documentation_v6, "2001:db8::1", Some("documentation"));
}
