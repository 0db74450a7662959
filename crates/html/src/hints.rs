//! What an element's `class`, `id` and `role` say about it: outlet furniture (share bars,
//! related links, newsletter boxes, comments, cookie banners), captions and credits, or the
//! article body itself.
//!
//! The lists are generic web vocabulary, not any one site's class names: a pattern earns its
//! place by being common across publishing systems.

use once_cell::sync::Lazy;
use regex::Regex;

/// What the markup hints an element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    /// Furniture around the article: drop it.
    Furniture,
    /// A figure caption or photo credit: keep it out of the text, list it in captions.
    Caption,
    /// Likely the article body.
    Content,
    /// Nothing either way.
    Neutral,
}

/// Furniture named in class or id. Matched against the lowercased `class id` string; `\b`
/// does not split on `_`, so word edges are spelled out where a short word needs them.
static FURNITURE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        comment|disqus|share|sharing|social|sociable|
        related|recommend|trending|popular|most-read|mostread|more-stories|morestories|
        read-?more|also-?read|see-?also|more-?from|next-?article|prev-?article|pager|pagination|
        newsletter|subscri|signup|sign-up|regist|paywall|
        promo|advert|sponsor|outbrain|taboola|
        cookie|consent|gdpr|
        sidebar|widget|masthead|breadcrumb|skip-?link|
        (?:^|[\s_-])(?:nav|navbar|menu|footer|header|banner|toolbar|ad|ads|adv|tags?|topics|keywords|
            author-?bio|bio|byline|dateline|timestamp|meta|print|hidden|sr-only|screen-?reader|
            modal|popup|overlay|alert|rating|poll|jump|tools)(?:$|[\s_-])|
        visually-?hidden|author-(?:info|box|card)|about-?the-?author|post-?meta|entry-?meta|
        article-?meta|article-?tools|article-?footer|post-?footer|
        (?:^|[\s_-])(?:inline-)?(?:rel|recirc|teaser)(?:$|[\s_-])
        ",
    )
    .expect("static pattern compiles")
});

/// Captions and credits.
static CAPTION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"caption|credit|(?:^|[\s_-])(?:wp-caption|photo-?desc|image-?desc|img-?desc)")
        .expect("static pattern compiles")
});

/// Names publishing systems give the article body.
static CONTENT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"article-?body|articlebody|story-?body|storybody|post-?body|entry-?content|post-?content|
        |article-?content|article-?text|story-?content|story-?text|body-?text|main-?content|
        |content-?body|rich-?text|richtext|prose",
    )
    .expect("static pattern compiles")
});

/// Classifies an element from its lowercased `class id` string, its `role` and its tag.
pub(crate) fn hint(class_id: &str, role: Option<&str>, itemprop: Option<&str>) -> Hint {
    if itemprop == Some("articleBody") || role == Some("main") {
        return Hint::Content;
    }
    if matches!(
        role,
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "alert")
    ) {
        return Hint::Furniture;
    }
    if class_id.trim().is_empty() {
        return Hint::Neutral;
    }
    if CONTENT.is_match(class_id) {
        return Hint::Content;
    }
    if CAPTION.is_match(class_id) {
        return Hint::Caption;
    }
    if FURNITURE.is_match(class_id) {
        return Hint::Furniture;
    }
    Hint::Neutral
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        for re in [&*FURNITURE, &*CAPTION, &*CONTENT] {
            assert!(!re.as_str().is_empty());
            assert!(!re.is_match("zzzz qqqq"), "{}", re.as_str());
        }
    }

    #[test]
    fn classifies_common_names() {
        let cases = [
            ("share_bar", "article-share-bar", None, Hint::Furniture),
            ("related_links", "related-stories", None, Hint::Furniture),
            ("newsletter_box", "newsletter-signup", None, Hint::Furniture),
            ("short_ad_token", "ad slot", None, Hint::Furniture),
            (
                "ad_inside_word_is_not_ad",
                "headline loaded",
                None,
                Hint::Neutral,
            ),
            ("nav_role", "", Some("navigation"), Hint::Furniture),
            ("caption", "image-caption", None, Hint::Caption),
            ("article_body", "article-body", None, Hint::Content),
            (
                "entry_content",
                "entry-content clearfix",
                None,
                Hint::Content,
            ),
            ("main_role", "", Some("main"), Hint::Content),
            ("plain", "wrapper", None, Hint::Neutral),
            ("empty", "", None, Hint::Neutral),
        ];
        for (name, class_id, role, want) in cases {
            assert_eq!(hint(class_id, role, None), want, "{name}");
        }
    }
}
