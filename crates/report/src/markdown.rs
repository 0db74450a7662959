//! The Markdown report: the same sections as the terminal report, as tables and lists.

use std::fmt::Write;

use parallax_model::{Comparison, DiffKind};

use crate::{clip, outlet, sentence_text};

/// Escapes characters that would break a Markdown table cell or start markup.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The comparison as a Markdown document.
pub fn render_markdown(c: &Comparison) -> String {
    let c = &crate::defang(c);
    let mut o = String::new();
    let _ = writeln!(o, "# Parallax comparison\n");
    let _ = writeln!(
        o,
        "| id | outlet | published | headline |\n|---|---|---|---|"
    );
    for a in &c.articles {
        let art = &a.article;
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            art.id,
            md(&art.outlet),
            md(art.published.as_deref().unwrap_or("—")),
            md(art.title.as_deref().unwrap_or(""))
        );
    }
    let summary = crate::text::summary_line(c, &crate::Style { color: false });
    let _ = writeln!(o, "\n**Summary.** {summary}");
    let _ = writeln!(o, "\n## Shared facts ({})\n", c.facts.len());
    for f in &c.facts {
        let _ = writeln!(o, "- **{}**", f.id);
        for m in &f.members {
            let sim = m
                .similarity
                .map(|s| format!(" ({s:.2})"))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "  - `{}`{}: {}",
                m.article,
                sim,
                md(sentence_text(c, &m.sentence))
            );
        }
    }
    let _ = writeln!(o, "\n## Only in one outlet\n");
    for (id, sentences) in &c.unique {
        if sentences.is_empty() {
            continue;
        }
        let _ = writeln!(o, "- **{}** ({})", id, md(outlet(c, id)));
        for s in sentences {
            let _ = writeln!(o, "  - {}", md(sentence_text(c, s)));
        }
    }
    let _ = writeln!(o, "\n## Quote ledger\n");
    let _ = writeln!(o, "| utterance | speaker | article | fidelity | similarity | rendering | flags |\n|---|---|---|---|---|---|---|");
    for u in &c.utterances {
        for r in &u.renderings {
            let flags: Vec<String> = r
                .inserted
                .iter()
                .map(|f| {
                    if f.text.is_empty() {
                        f.kind.clone()
                    } else {
                        format!("{}: “{}”", f.kind, f.text)
                    }
                })
                .collect();
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | “{}” | {} |",
                u.id,
                md(u.speaker.as_deref().unwrap_or("—")),
                r.article,
                format!("{:?}", r.fidelity).to_lowercase(),
                r.similarity.map(|s| format!("{s:.2}")).unwrap_or_default(),
                md(&clip(&r.text, 200)),
                md(&flags.join("; "))
            );
        }
    }
    let diffs: Vec<_> = c
        .utterances
        .iter()
        .flat_map(|u| u.renderings.iter().map(move |r| (u, r)))
        .filter(|(_, r)| !r.diff.is_empty() && r.diff.iter().any(|d| d.op != DiffKind::Equal))
        .collect();
    if !diffs.is_empty() {
        let _ = writeln!(o, "\n### Word differences against the reference\n");
        for (u, r) in diffs {
            let mut d = String::new();
            for op in &r.diff {
                match op.op {
                    DiffKind::Equal => d.push_str(&md(&op.text)),
                    DiffKind::Insert => d.push_str(&format!("**+{}+**", md(&op.text))),
                    DiffKind::Delete => d.push_str(&format!("~~{}~~", md(&op.text))),
                }
                d.push(' ');
            }
            let _ = writeln!(o, "- {} `{}`: {}", u.id, r.article, d.trim_end());
        }
    }
    let _ = writeln!(o, "\n## Figures\n");
    let _ = writeln!(
        o,
        "| verdict | subject | values | reason |\n|---|---|---|---|"
    );
    for fc in &c.figure_conflicts {
        let vals: Vec<String> = fc
            .values
            .iter()
            .map(|v| format!("`{}` {}", v.article, md(&v.text)))
            .collect();
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            format!("{:?}", fc.verdict).to_lowercase(),
            md(&fc.subject),
            vals.join("; "),
            md(fc.reason.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(o, "\n## Framing\n");
    let _ = writeln!(
        o,
        "| article | headline | attribution verbs | loaded terms | quoted |\n|---|---|---|---|---|"
    );
    for f in &c.framing {
        let verbs: Vec<String> = f
            .attribution_verbs
            .iter()
            .map(|(v, n)| format!("{v} {n}"))
            .collect();
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {:.0}% |",
            f.article,
            md(f.headline.as_deref().unwrap_or("")),
            md(&verbs.join(", ")),
            md(&f.loaded_terms.join(", ")),
            f.quoted_share * 100.0
        );
    }
    let _ = writeln!(o, "\n## Shared passages\n");
    for r in &c.reuse {
        let _ = writeln!(
            o,
            "- `{}` ↔ `{}`: {} characters in {} passage(s)",
            r.articles[0],
            r.articles[1],
            r.shared_chars,
            r.passages.len()
        );
    }
    o
}

/// One article's analysis as a Markdown document.
pub fn render_analysis_markdown(a: &parallax_model::AnalyzedArticle) -> String {
    let a = &crate::defang(a);
    let art = &a.article;
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", md(art.title.as_deref().unwrap_or(&art.outlet)));
    let _ = writeln!(
        o,
        "{} · published {} · language {} · {} sentences\n",
        md(&art.outlet),
        md(art.published.as_deref().unwrap_or("—")),
        md(art.language.as_deref().unwrap_or("—")),
        a.sentences.len()
    );
    let _ = writeln!(
        o,
        "## Quotes\n\n| id | kind | speaker | via | cue | words |\n|---|---|---|---|---|---|"
    );
    for q in &a.quotes {
        let (who, via) = q
            .speaker
            .as_ref()
            .map_or(("—".to_string(), String::new()), |s| {
                (
                    s.name.clone(),
                    format!("{}: {}", format!("{:?}", s.via).to_lowercase(), s.mention),
                )
            });
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | “{}” |",
            q.id,
            format!("{:?}", q.kind).to_lowercase(),
            md(&who),
            md(&via),
            md(q.cue.as_deref().unwrap_or("")),
            md(&clip(&q.text, 160))
        );
    }
    let _ = writeln!(
        o,
        "\n## Entities\n\n| kind | name | mentions |\n|---|---|---|"
    );
    for e in &a.entities {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            format!("{:?}", e.kind).to_lowercase(),
            md(&e.name),
            e.mentions.len()
        );
    }
    let _ = writeln!(
        o,
        "\n## Figures\n\n| id | approximation | figure | subject |\n|---|---|---|---|"
    );
    for f in &a.figures {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            f.id,
            format!("{:?}", f.approx).to_lowercase(),
            md(&f.text),
            md(f.subject.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(o, "\n## Dates\n\n| id | phrase | date |\n|---|---|---|");
    for d in &a.dates {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            d.id,
            md(&d.text),
            md(d.date.as_deref().unwrap_or("?"))
        );
    }
    o
}
