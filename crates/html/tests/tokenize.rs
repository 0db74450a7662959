//! Our tokenizer against html5ever's: on every case both feed an html5ever tree builder, and the
//! tokens (text joined, parse errors left out) and the trees must be the same, or ours must give
//! up (the page is then parsed by html5ever alone). Each case also says which of the two it
//! expects, so a case that silently starts giving up (slower, not wrong) fails too.

use parallax_html::{compare_tokenizers, Agreement};
use proptest::prelude::*;

/// A page around `body`, in standards mode.
fn page(body: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>Harbour</title></head><body>{body}</body></html>")
}

#[test]
fn tokens_and_trees_match_html5ever() {
    // (name, page, whether our tokenizer reads it itself)
    let cases: Vec<(&str, String, bool)> = vec![
        ("plain_paragraphs", page("<p>The ferry sailed.</p><p>It came back.</p>"), true),
        ("entities_with_semicolon", page("<p>Fish &amp; chips &lt;3 &quot;now&quot; &#8217; &#x2014;</p>"), true),
        ("entities_without_semicolon", page("<p>Fish &amp chips &copy 2031 &notit; &AMP &lt</p>"), true),
        ("unknown_and_bare_ampersands", page("<p>R&D &zzz; & &#; &#x; &;</p>"), true),
        ("numeric_edge_values", page("<p>&#0; &#128; &#129; &#xD800; &#1114112; &#65534; &#13;</p>"), true),
        ("two_char_entity", page("<p>&NotEqualTilde; &nvlt;</p>"), true),
        ("unquoted_attributes", page("<div class=lead id=x-1 data-n=3>Text</div>"), true),
        ("attribute_without_value", page("<input disabled checked = ><p hidden>x</p>"), true),
        ("duplicate_attributes_first_wins", page("<p class=a CLASS=b class='c'>x</p>"), true),
        ("many_attributes_with_duplicates", page(&format!("<p {}>x</p>", (0..60).map(|k| format!("a{} b{k}=1", k % 7)).collect::<Vec<_>>().join(" "))), true),
        ("end_tag_with_space", page("<p>one</p ><p>two</p\n>"), true),
        ("end_tag_with_attributes", page("<p>one</p class=x><b>two</b/>"), true),
        ("uppercase_tags_and_attributes", page("<DIV CLASS=\"Lead\"><P ID=X>Text</P></DIV>"), true),
        ("non_ascii_names", page("<p dåta=1 ñ>x</p><tág>y</tág>"), true),
        ("references_in_attributes", page("<a title=\"a &amp; b &lt c\" alt='&#169;'>x</a>"), true),
        ("ampersand_in_url", page("<a href=\"/q?a=1&amp;b=2&copy=3&lang=en&not=4\">x</a><a href=/q?x=1&amp=2>y</a>"), true),
        ("quote_and_equals_in_names", page("<p a\"b=1 'c=2 =d=3 e<f=4>x</p>"), true),
        ("slash_inside_tag", page("<p / class=x/ id=y / >x</p><br/><img src=a.png/>"), true),
        ("crlf_normalised", page("<p>one\r\ntwo\rthree</p>\r\n<pre>\r\nx</pre><textarea>\r\ny</textarea>").replace("\n", "\r\n"), true),
        ("pre_and_textarea_first_newline", page("<pre>\n\nx</pre><textarea>\ny</textarea><listing>\nz</listing>"), true),
        // Regressions: html5ever's parse error (for `</>`, for a reference without `;`) is a
        // token, and the newline skip after `<pre>` applies only to the very next token.
        ("pre_newline_after_empty_end_tag", page("<pre></>\nx</pre>"), true),
        ("pre_newline_from_unterminated_reference", page("<pre>&#10x</pre><textarea>&#xA y</textarea><pre>&#10;z</pre>"), true),
        ("title_rcdata_with_references", "<html><head><title>A &amp; B <b>not a tag</b> </titlex> </title></head></html>".to_string(), true),
        ("textarea_rcdata", page("<textarea>a <p> &lt; </textarea >b"), true),
        ("style_and_xmp_rawtext", page("<style>p > a { x: '</p>' }</style><xmp><b>&amp;</xmp>"), true),
        ("noscript_is_raw_with_scripting", page("<noscript><p>a &amp; b</p></noscript>"), true),
        ("iframe_and_noembed_raw", page("<iframe><p>x</iframe><noembed>&amp;<b></noembed><noframes>y</noframes>"), true),
        ("script_with_markup_inside", page("<script>if (a < b && c > d) { s = '</scrip' + 't>'; }</script>x"), true),
        ("script_end_tag_case", page("<script>var a = 1;</SCRIPT >after"), true),
        ("script_end_needs_delimiter", page("<script>x</scripts> y </script/>z"), true),
        ("escaped_script", page("<script><!-- document.write('<p>x</p>'); //--></script>after"), true),
        ("escaped_script_with_end_tag_inside", page("<script><!-- a </script> b --></script>c"), true),
        ("double_escaped_script", page("<script><!-- <script> x </script> y --> z </script>after"), true),
        ("double_escaped_unclosed", page("<script><!--<script>--></script>after</script>z"), true),
        ("escape_open_and_close_at_once", page("<script><!--></script>after"), true),
        ("escaped_dashes", page("<script><!-- a --- b ---></script>c<script><!-- <scripty> </script>d"), true),
        ("script_unclosed_at_end", page("<script>var never = 'closed';"), true),
        ("comments_in_odd_forms", page("<!----><!--><!---><!-- a -- b --><!-- c --!><!-- d ---><!--<!-- e -->x"), true),
        ("bogus_comments", page("<?php echo 1 ?><!x-y><![if !IE]></ x><![endif]>text"), true),
        ("cdata_outside_foreign_content", page("<![CDATA[ a > b ]]>x"), true),
        ("empty_end_tag_and_lone_brackets", page("a</>b < c <> d <3 e</"), true),
        ("self_closing_foreign_elements", page("<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><circle r=1 /></svg><math><mi/></math><p>x</p>"), true),
        ("svg_title_and_style", page("<svg><title>t &amp; <b>x</b></title><style>a{}</style></svg>y"), true),
        ("foreign_attribute_names", page("<svg xlink:href=\"#a\" viewbox=\"0 0 1 1\" XML:LANG=en><use xlink:href=#b /></svg>"), true),
        ("tables_with_text", page("<table> x <tr><td>a</td> y </tr>\n</table>"), true),
        ("misnested_formatting", page("<p><b>one<i>two</b>three</i></p><a><div><a>x</a></div></a>"), true),
        ("select_and_options", page("<select><option>a<option>b</select><p>x</p>"), true),
        ("template_content", page("<template><p>x</p></template>y"), true),
        ("frameset_page", "<html><frameset><frame src=a></frameset></html>".to_string(), true),
        ("non_latin_text", page("<p>«Привет», — сказал он. 東京の港 ٣٤ ج</p>"), true),
        ("byte_order_mark_at_start", format!("\u{feff}{}", page("<p>x</p>")), true),
        ("byte_order_mark_after_script", page("<script>x</script>\u{feff}y\u{feff}"), true),
        ("doctype_lowercase_and_spaces", "<!doctype   HTML  ><p>x".to_string(), true),
        ("doctype_public_and_system", "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><table><p>x</table>".to_string(), true),
        ("doctype_quirks_public", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p><table>x</table>".to_string(), true),
        ("doctype_system_only", "<!DOCTYPE html SYSTEM 'about:legacy-compat'><p>x".to_string(), true),
        ("doctype_without_name", "<!DOCTYPE><p><table>x</table>".to_string(), true),
        ("doctype_id_cut_by_bracket", "<!DOCTYPE html PUBLIC \"abc><p>x".to_string(), true),
        ("no_doctype_quirks", "<p><table>x</table>".to_string(), true),
        ("empty_page", String::new(), true),
        ("text_only", "just words & more".to_string(), true),
        ("plaintext_gives_up", page("<plaintext><p>x</p>"), false),
        ("nul_gives_up", page("<p>a\u{0}b</p>"), false),
        ("cdata_in_svg_gives_up", page("<svg><![CDATA[ x < y ]]></svg>"), false),
        ("bogus_doctype_gives_up", "<!DOCTYPE html bogus><p>x".to_string(), false),
        ("tag_cut_off_gives_up", page("<p>x</p><a href=\"y"), false),
        ("comment_cut_off_gives_up", page("<p>x</p><!-- never closed"), false),
    ];
    for (name, html, ours) in cases {
        match compare_tokenizers(&html) {
            Ok(Agreement::Same) => assert!(ours, "{name}: expected our tokenizer to give up"),
            Ok(Agreement::GaveUp(why)) => {
                assert!(!ours, "{name}: our tokenizer gave up ({why})")
            }
            Err(diff) => panic!("{name}: {diff}"),
        }
    }
}

/// Pieces that exercise the tokenizer's states: tags in every case, references, quotes, raw
/// text elements, comments, foreign content, newlines in both conventions.
const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "</p >",
    "<P CLASS=x>",
    "<div id='a'>",
    "</div>",
    "<b>",
    "</b>",
    "<i>",
    "<a href=\"/q?a=1&copy=2\">",
    "</a>",
    "<br/>",
    "<img src=x alt=\"&amp;\">",
    "&amp",
    "&amp;",
    "&notit;",
    "&#x41;",
    "&#128;",
    "&",
    "#",
    ";",
    "x",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "é",
    "\u{feff}",
    "'",
    "\"",
    "=",
    "<",
    ">",
    "/",
    "-",
    "!",
    "?",
    "<!--",
    "-->",
    "--!>",
    "<!",
    "<?x>",
    "</ x>",
    "</>",
    "<!DOCTYPE html>",
    "<script>",
    "</script>",
    "</SCRIPT>",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<textarea>",
    "</textarea>",
    "<pre>",
    "<table>",
    "<tr>",
    "<td>",
    "</table>",
    "<svg>",
    "<path/>",
    "</svg>",
    "<math>",
    "<mi>",
    "</math>",
    "<noscript>",
    "</noscript>",
    "<select>",
    "<option>",
    "<template>",
    "</template>",
    "<iframe>",
    "</iframe>",
    "<xmp>",
    "<![CDATA[",
    "]]>",
    "<frameset>",
    "<li>",
    "<ul>",
    "<h1>",
    "<form>",
    "<!DOCTYPE",
    "<!doctype ",
    " html",
    " PUBLIC",
    " system ",
    "\"-//W3C//DTD HTML 4.01//EN\"",
    "'about:x'",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn random_markup_matches_html5ever(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)) {
        let html: String = pieces.concat();
        let result = compare_tokenizers(&html);
        prop_assert!(result.is_ok(), "{:?}: {:?}", html, result);
    }

    #[test]
    fn random_text_matches_html5ever(html in "[<>/!?&#;=a-zA-Z0-9 \"'\\-\r\n\u{feff}é]{0,60}") {
        let result = compare_tokenizers(&html);
        prop_assert!(result.is_ok(), "{:?}: {:?}", html, result);
    }
}
