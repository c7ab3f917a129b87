//! Web addresses: resolving a relative address against the page's, and the host of an address.
//!
//! In: addresses as pages write them (`../images/a.jpg`, `//img.example.com/a.jpg`, `/a.jpg`,
//! `https://…`). Out: absolute addresses ([`resolve`]) and hosts ([`host`]).
//! Rules: RFC 3986 §5.2 — a reference with a scheme stands as written; `//host/…` takes the base's
//! scheme; `/path` the base's scheme and authority; anything else is merged with the base's path
//! and its dot segments removed; a query or fragment alone replaces the base's. The base must be
//! absolute (a scheme and `//`), else nothing resolves. White space around an address and inside
//! it (line breaks in a long `src`) is dropped, as browsers do.

/// `reference` resolved against the absolute address `base`, or `None` when `base` is not
/// absolute (or `reference` is empty).
///
/// ```
/// # use xinwen::url::resolve;
/// let base = "https://news.example.com/a/b/page.html?x=1";
/// assert_eq!(resolve(base, "../img/1.jpg").as_deref(), Some("https://news.example.com/a/img/1.jpg"));
/// assert_eq!(resolve(base, "//cdn.example.com/1.jpg").as_deref(), Some("https://cdn.example.com/1.jpg"));
/// assert_eq!(resolve(base, "/1.jpg").as_deref(), Some("https://news.example.com/1.jpg"));
/// assert_eq!(resolve("page.html", "1.jpg"), None);
/// ```
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let reference = clean(reference);
    if reference.is_empty() {
        return None;
    }
    let base = clean(base);
    let (scheme, rest) = split_scheme(&base)?;
    let rest = rest.strip_prefix("//")?;
    if split_scheme(&reference).is_some() {
        return Some(reference);
    }
    if let Some(net) = reference.strip_prefix("//") {
        return Some(format!("{scheme}://{net}"));
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let path_end = tail.find(['?', '#']).unwrap_or(tail.len());
    let (path, query_and_fragment) = tail.split_at(path_end);
    let query = query_and_fragment.split('#').next().unwrap_or("");
    let root = format!("{scheme}://{authority}");
    if reference.starts_with('#') {
        return Some(format!("{root}{path}{query}{reference}"));
    }
    if reference.starts_with('?') {
        return Some(format!("{root}{path}{reference}"));
    }
    let (ref_path, ref_rest) = reference.split_at(reference.find(['?', '#']).unwrap_or(reference.len()));
    let merged = if ref_path.starts_with('/') {
        ref_path.to_string()
    } else {
        // the base's path up to its last `/` (or `/` for an empty path), then the reference's
        let dir = path.rfind('/').map_or("/", |k| &path[..=k]);
        format!("{dir}{ref_path}")
    };
    Some(format!("{root}{}{ref_rest}", remove_dots(&merged)))
}

/// Whether `address` is absolute: a scheme and `//` (`https://…`).
pub fn is_absolute(address: &str) -> bool {
    split_scheme(address.trim()).is_some_and(|(_, rest)| rest.starts_with("//"))
}

/// The host of an absolute address, lower-cased, without user information or port.
///
/// ```
/// assert_eq!(xinwen::url::host("https://News.Example.com:8080/a").as_deref(), Some("news.example.com"));
/// assert_eq!(xinwen::url::host("/a/b"), None);
/// ```
pub fn host(address: &str) -> Option<String> {
    let (_, rest) = split_scheme(address.trim())?;
    let rest = rest.strip_prefix("//")?;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    // a port after the host (an IPv6 literal keeps its colons inside brackets)
    let host = match host.rfind(':') {
        Some(k) if !host[k..].contains(']') => &host[..k],
        _ => host,
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The address without white space (browsers drop line breaks and tabs inside URLs, and trim).
fn clean(address: &str) -> String {
    address.trim().chars().filter(|c| !matches!(c, '\n' | '\r' | '\t')).collect()
}

/// The scheme (`https`) and what follows its colon, when the address starts with one.
fn split_scheme(address: &str) -> Option<(&str, &str)> {
    let colon = address.find(':')?;
    let scheme = &address[..colon];
    let valid = !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| (scheme, &address[colon + 1..]))
}

/// A path without its `.` and `..` segments (RFC 3986 §5.2.4).
fn remove_dots(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (k, seg) in segments.iter().enumerate() {
        let last = k + 1 == segments.len();
        match *seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_as_rfc_3986_does() {
        // RFC 3986 §5.4.1's normal examples
        let base = "http://a/b/c/d;p?q";
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("g:h", "g:h"),
        ] {
            assert_eq!(resolve(base, r).as_deref(), Some(want), "should resolve {r:?}");
        }
    }

    #[test]
    fn keeps_what_cannot_resolve() {
        assert_eq!(resolve("", "a.jpg"), None, "should need a base");
        assert_eq!(resolve("/news/1.html", "a.jpg"), None, "should need an absolute base");
        assert_eq!(resolve("https://a.example/x", " "), None, "should need a reference");
        assert_eq!(
            resolve("https://a.example", "img/1.jpg").as_deref(),
            Some("https://a.example/img/1.jpg"),
            "should read an empty path as /"
        );
        assert_eq!(
            resolve("https://a.example/x/", " /img/\n1.jpg ").as_deref(),
            Some("https://a.example/img/1.jpg"),
            "should drop white space"
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(host("http://user@Example.COM:80/x").as_deref(), Some("example.com"));
        assert_eq!(host("https://[::1]:8080/").as_deref(), Some("[::1]"));
        assert_eq!(host("mailto:someone@example.com"), None, "should need an authority");
        assert!(is_absolute("https://x.example/") && !is_absolute("//x.example/"), "should tell absolute addresses");
    }
}
