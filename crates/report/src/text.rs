//! The terminal report.

use std::fmt::Write;

use parallax_model::{AnalyzedArticle, Comparison, DiffKind, Fidelity, Verdict};

use crate::{clip, outlet, sentence_text, Style};

fn fidelity_label(f: Fidelity, st: &Style) -> String {
    let name = format!("{:<13}", format!("{f:?}").to_lowercase());
    match f {
        Fidelity::Reference | Fidelity::Verbatim => st.green(&name),
        Fidelity::Variant | Fidelity::Truncated | Fidelity::Extended => st.yellow(&name),
        Fidelity::Altered | Fidelity::Spliced | Fidelity::Misattributed => st.red(&name),
    }
}

/// One line of what stands out: the numbers a reader checks first.
/// The summary's counts as one line (without its label).
pub(crate) fn summary_line(c: &Comparison, st: &Style) -> String {
    let unique: usize = c.unique.values().map(Vec::len).sum();
    let shared = c
        .utterances
        .iter()
        .filter(|u| u.renderings.len() > 1)
        .count();
    let count = |f: Fidelity| {
        c.utterances
            .iter()
            .flat_map(|u| &u.renderings)
            .filter(|r| r.fidelity == f)
            .count()
    };
    let mut changed = Vec::new();
    for (f, name) in [
        (Fidelity::Spliced, "spliced"),
        (Fidelity::Misattributed, "misattributed"),
        (Fidelity::Altered, "altered"),
        (Fidelity::Truncated, "truncated"),
        (Fidelity::Variant, "variant"),
    ] {
        let n = count(f);
        if n > 0 {
            let label = format!("{n} {name}");
            let serious = matches!(
                f,
                Fidelity::Spliced | Fidelity::Misattributed | Fidelity::Altered
            );
            changed.push(if serious { st.red(&label) } else { label });
        }
    }
    let conflicts = c
        .figure_conflicts
        .iter()
        .filter(|f| f.verdict == Verdict::Conflict)
        .count();
    let conflicts_text = format!("{conflicts} figure conflict{}", plural(conflicts));
    let passages: usize = c.reuse.iter().map(|r| r.passages.len()).sum();
    format!(
        "{} shared facts, {} sentences only one outlet has · {} utterances, {} quoted by several outlets{} · {} · {} copied passage{}",
        c.facts.len(),
        unique,
        c.utterances.len(),
        shared,
        if changed.is_empty() { String::new() } else { format!(" ({})", changed.join(", ")) },
        if conflicts > 0 { st.red(&conflicts_text) } else { conflicts_text },
        passages,
        plural(passages),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The comparison as a readable terminal report.
pub fn render_text(c: &Comparison, st: Style) -> String {
    let c = &crate::defang(c);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        st.bold(&format!("Parallax — {} reports compared", c.articles.len()))
    );
    for a in &c.articles {
        let art = &a.article;
        let _ = writeln!(
            o,
            "  {}  {}  {}  {}",
            st.cyan(&art.id),
            st.bold(&art.outlet),
            art.published.as_deref().unwrap_or("—"),
            art.title
                .as_deref()
                .map(|t| format!("“{}”", clip(t, 80)))
                .unwrap_or_default()
        );
    }

    let _ = writeln!(o, "\n{} {}", st.bold("SUMMARY"), summary_line(c, &st));
    let _ = writeln!(
        o,
        "\n{}",
        st.bold(&format!("SHARED FACTS ({})", c.facts.len()))
    );
    for f in &c.facts {
        let ids: Vec<String> = f.members.iter().map(|m| m.article.clone()).collect();
        let _ = writeln!(o, "  {} {}", st.cyan(&f.id), st.dim(&ids.join(" · ")));
        for m in &f.members {
            let sim = m
                .similarity
                .map(|s| format!(" ({s:.2})"))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "     {}{} {}",
                st.cyan(&m.article),
                st.dim(&sim),
                clip(sentence_text(c, &m.sentence), 110)
            );
        }
    }

    let _ = writeln!(o, "\n{}", st.bold("ONLY IN ONE OUTLET"));
    for (id, sentences) in &c.unique {
        if sentences.is_empty() {
            continue;
        }
        let _ = writeln!(
            o,
            "  {} {} ({})",
            st.cyan(id),
            outlet(c, id),
            sentences.len()
        );
        for s in sentences {
            let _ = writeln!(o, "     • {}", clip(sentence_text(c, s), 110));
        }
    }

    let shared: Vec<_> = c
        .utterances
        .iter()
        .filter(|u| u.renderings.len() > 1)
        .collect();
    let _ = writeln!(
        o,
        "\n{}",
        st.bold(&format!(
            "QUOTE LEDGER ({} utterances, {} carried by several outlets)",
            c.utterances.len(),
            shared.len()
        ))
    );
    for u in &c.utterances {
        let _ = writeln!(
            o,
            "  {} {}",
            st.cyan(&u.id),
            st.bold(u.speaker.as_deref().unwrap_or("unknown speaker"))
        );
        for r in &u.renderings {
            let sim = r
                .similarity
                .map(|s| format!("{s:.2}"))
                .unwrap_or_else(|| "    ".into());
            let _ = writeln!(
                o,
                "     {} {} {} “{}”",
                st.cyan(&r.article),
                fidelity_label(r.fidelity, &st),
                st.dim(&sim),
                clip(&r.text, 100)
            );
            if matches!(
                r.fidelity,
                Fidelity::Variant | Fidelity::Altered | Fidelity::Spliced
            ) && !r.diff.is_empty()
            {
                let mut d = String::new();
                for op in &r.diff {
                    match op.op {
                        DiffKind::Equal => d.push_str(&clip(&op.text, 40)),
                        DiffKind::Insert => d.push_str(&st.green(&format!("{{+{}+}}", op.text))),
                        DiffKind::Delete => d.push_str(&st.red(&format!("[-{}-]", op.text))),
                    }
                    d.push(' ');
                }
                let _ = writeln!(o, "        {} {}", st.dim("diff:"), d.trim_end());
            }
            for f in &r.inserted {
                let what = if f.text.is_empty() {
                    String::new()
                } else {
                    format!(": “{}”", f.text)
                };
                let who = if f.kind == "speaker-differs" {
                    format!(
                        " ({} vs {})",
                        r.speaker.as_deref().unwrap_or("?"),
                        u.speaker.as_deref().unwrap_or("?")
                    )
                } else {
                    String::new()
                };
                let _ = writeln!(
                    o,
                    "        {} {}{}{}",
                    st.yellow("flag:"),
                    f.kind,
                    what,
                    who
                );
            }
        }
    }

    let _ = writeln!(
        o,
        "\n{}",
        st.bold(&format!("FIGURES ({})", c.figure_conflicts.len()))
    );
    for fc in &c.figure_conflicts {
        let verdict = match fc.verdict {
            Verdict::Conflict => st.red("conflict  "),
            Verdict::Compatible => st.green("compatible"),
        };
        let vals: Vec<String> = fc
            .values
            .iter()
            .map(|v| format!("{} “{}”", st.cyan(&v.article), v.text))
            .collect();
        let _ = writeln!(
            o,
            "  {} {}: {}",
            verdict,
            st.bold(&fc.subject),
            vals.join(" · ")
        );
        if let Some(r) = &fc.reason {
            let _ = writeln!(o, "             {}", st.dim(r));
        }
    }

    let _ = writeln!(o, "\n{}", st.bold("FRAMING"));
    for f in &c.framing {
        let _ = writeln!(
            o,
            "  {} {}",
            st.cyan(&f.article),
            f.headline
                .as_deref()
                .map(|h| format!("“{}”", clip(h, 90)))
                .unwrap_or_default()
        );
        let verbs: Vec<String> = f
            .attribution_verbs
            .iter()
            .map(|(v, n)| format!("{v} {n}"))
            .collect();
        if !verbs.is_empty() {
            let _ = writeln!(o, "     verbs: {}", verbs.join(", "));
        }
        if !f.loaded_verbs.is_empty() {
            let _ = writeln!(
                o,
                "     {} {}",
                st.yellow("loaded verbs:"),
                f.loaded_verbs.join(", ")
            );
        }
        if !f.loaded_terms.is_empty() {
            let _ = writeln!(
                o,
                "     {} {}",
                st.yellow("loaded terms:"),
                f.loaded_terms.join(", ")
            );
        }
        let voices = if f.voices.is_empty() {
            "—".to_string()
        } else {
            f.voices.join(", ")
        };
        let _ = writeln!(
            o,
            "     quoted: {:.0}% of text; voices: {}",
            f.quoted_share * 100.0,
            voices
        );
    }

    let _ = writeln!(
        o,
        "\n{}",
        st.bold(&format!("SHARED PASSAGES ({})", c.reuse.len()))
    );
    for r in &c.reuse {
        let _ = writeln!(
            o,
            "  {} ↔ {}: {} characters in {} passage(s)",
            st.cyan(&r.articles[0]),
            st.cyan(&r.articles[1]),
            r.shared_chars,
            r.passages.len()
        );
        for p in &r.passages {
            if let Some([s, e]) = p.get(&r.articles[0]) {
                let text = c
                    .articles
                    .iter()
                    .find(|a| a.article.id == r.articles[0])
                    .and_then(|a| a.article.text.get(*s..*e))
                    .unwrap_or("");
                let _ = writeln!(o, "     “{}”", clip(text, 110));
            }
        }
    }
    o
}

/// One article's analysis as a readable report.
pub fn render_analysis(a: &AnalyzedArticle, st: Style) -> String {
    let a = &crate::defang(a);
    let mut o = String::new();
    let art = &a.article;
    let _ = writeln!(
        o,
        "{} {}",
        st.bold(&art.outlet),
        art.title
            .as_deref()
            .map(|t| format!("“{t}”"))
            .unwrap_or_default()
    );
    let _ = writeln!(
        o,
        "  published {} · language {} · {} paragraphs · {} sentences · {} removed",
        art.published.as_deref().unwrap_or("—"),
        art.language.as_deref().unwrap_or("—"),
        a.paragraphs.len(),
        a.sentences.len(),
        art.removed.len()
    );
    let _ = writeln!(o, "\n{}", st.bold(&format!("QUOTES ({})", a.quotes.len())));
    for q in &a.quotes {
        let who = q
            .speaker
            .as_ref()
            .map(|s| format!("{} (via {:?}: “{}”)", s.name, s.via, s.mention).to_lowercase_via())
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(
            o,
            "  {} {:<9} {} {} “{}”",
            st.cyan(&q.id),
            format!("{:?}", q.kind).to_lowercase(),
            st.bold(&who),
            st.dim(q.cue.as_deref().unwrap_or("")),
            clip(&q.text, 90)
        );
    }
    let _ = writeln!(
        o,
        "\n{}",
        st.bold(&format!("ENTITIES ({})", a.entities.len()))
    );
    for e in &a.entities {
        let _ = writeln!(
            o,
            "  {:<7} {} ×{}",
            format!("{:?}", e.kind).to_lowercase(),
            e.name,
            e.mentions.len()
        );
    }
    let _ = writeln!(
        o,
        "\n{}",
        st.bold(&format!("FIGURES ({})", a.figures.len()))
    );
    for f in &a.figures {
        let _ = writeln!(
            o,
            "  {} {:<9} {} — {}",
            st.cyan(&f.id),
            format!("{:?}", f.approx).to_lowercase(),
            f.text,
            f.subject.as_deref().unwrap_or("?")
        );
    }
    let _ = writeln!(o, "\n{}", st.bold(&format!("DATES ({})", a.dates.len())));
    for d in &a.dates {
        let _ = writeln!(
            o,
            "  {} {} → {}",
            st.cyan(&d.id),
            d.text,
            d.date.as_deref().unwrap_or("?")
        );
    }
    o
}

trait ViaLower {
    fn to_lowercase_via(self) -> String;
}

impl ViaLower for String {
    /// Lower-cases only the `via` word ("Pronoun" → "pronoun"), not the names.
    fn to_lowercase_via(self) -> String {
        ["Explicit", "Pronoun", "Role", "Context"]
            .iter()
            .fold(self, |s, v| {
                s.replace(&format!("via {v}"), &format!("via {}", v.to_lowercase()))
            })
    }
}
