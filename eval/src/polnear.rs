//! PolNeAR accuracy for quotations and speakers.
//!
//! ```text
//! parallax-eval polnear DATASET_DIR [--split test|dev|train] [--out FILE] [--floor F]
//! ```
//!
//! Reads `data/<split>/text/*.txt` and the brat annotations in `data/<split>/attributions/`
//! (one file per article × annotator; the annotator whose id sorts first is used), runs the
//! analyzer over every article, and scores its quotations against the gold attributions:
//! direct quotations (overlap, token and exact F1, speaker and cue accuracy), indirect
//! attributions (content and source F1), per outlet, per predicted kind, beside a naive
//! quotation-mark baseline, with an error list of document ids and byte offsets (never article
//! text). `--floor F` fails the run when the quoted-speech overlap F1 (the headline figure:
//! quoted segments of attributed content, see [`quoted_segments`]) is below `F`.
//!
//! Two readings of "direct quotations". PolNeAR annotates the whole attributed content; a
//! content is *direct* when it lies inside quotation marks, *mixed* when narration surrounds
//! quoted words ("said that the plan was “a disaster”"), *indirect* without marks.
//! - The headline figure scores the *quoted segments* of attributed content: every
//!   quotation-mark region inside a gold content of any class (so the quoted words of a mixed
//!   content count), against our kinds `direct` and `partial` (quoted words presented as
//!   someone's speech). Scare quotes and titles that nobody is credited with are not segments.
//!   On this reading the naive every-quoted-segment baseline scores about 0.95, the figure
//!   the issue quotes for it.
//! - The strict reading scores whole direct contents against our kind `direct` alone (rows in
//!   the report; the naive baseline scores about 0.7 there).
//!
//! `indirect` (reported speech, marks or not inside) is scored against mixed and indirect
//! gold; `term` and `headline` are not speech and are not scored.

// The brat reader sits beside this file as `eval/src/brat.rs` (it is not PolNeAR-specific);
// declared here so the binary's root stays untouched.
#[path = "brat.rs"]
mod brat;
mod marks;
mod report;
mod score;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use parallax_analyze::Analyzer;
use parallax_model::{Article, QuoteKind, SpeakerVia};

use marks::Region;
use score::{DocScore, DocWords, Gold, Predicted, Tally};

/// How a gold content relates to quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GoldClass {
    /// Every piece lies between one pair of quotation marks (marks themselves and punctuation
    /// just outside them allowed).
    Direct,
    /// Holds quoted words but also narration ("that the plan was a “disaster”").
    Mixed,
    /// No quotation marks at all.
    Indirect,
}

/// A prediction with its kind.
pub struct Pred {
    /// Kind the analyzer gave it.
    pub kind: QuoteKind,
    /// How the speaker was found, when there is one.
    pub via: Option<SpeakerVia>,
    /// Spans, speaker and cue.
    pub p: Predicted,
}

/// One scored article.
pub struct Doc {
    /// File stem.
    pub id: String,
    /// Publisher from the metadata.
    pub outlet: String,
    /// The article text (used for span arithmetic only; reports never print it).
    pub text: String,
    /// Gold attributions and their classes.
    pub gold: Vec<(Gold, GoldClass)>,
    /// The analyzer's quotations with usable spans.
    pub preds: Vec<Pred>,
    /// Quotation-mark regions (the baseline's predictions).
    pub regions: Vec<Region>,
    /// Byte offset of the end of the first line (the headline).
    pub first_line_end: usize,
    /// Ours, kind Direct, against direct gold: the headline figure (see the kind mapping in
    /// the module docs).
    pub direct: DocScore,
    /// Ours, kinds Direct and Partial, against direct gold.
    pub direct_partial: DocScore,
    /// Baseline against direct gold.
    pub baseline: DocScore,
    /// Ours, kinds Direct and Partial, against direct and mixed gold (any content holding
    /// quoted words).
    pub quoted: DocScore,
    /// Baseline against direct and mixed gold.
    pub quoted_baseline: DocScore,
    /// Ours, kind Indirect, against mixed and indirect gold.
    pub indirect: DocScore,
    /// Quoted segments of attributed content (the quotation-mark regions that lie inside a
    /// gold content of any class), with that content's source and cue.
    pub segment_gold: Vec<Gold>,
    /// Ours, kinds Direct and Partial, against the quoted segments.
    pub segments: DocScore,
    /// Baseline against the quoted segments.
    pub segments_baseline: DocScore,
}

/// Everything one run measured.
pub struct Evaluation {
    /// The split scored.
    pub split: String,
    /// Scored articles, in file order.
    pub docs: Vec<Doc>,
    /// Articles without any annotation file.
    pub unannotated: usize,
    /// Gold spans whose offsets do not fit their text.
    pub bad_gold_offsets: usize,
    /// Predicted quotes dropped because their spans do not fit the text (or are headline
    /// quotes with offsets into a title the harness never sets).
    pub bad_pred_spans: Vec<(String, usize, usize)>,
}

impl Evaluation {
    /// Sum of one score over all documents.
    pub fn total(&self, pick: impl Fn(&Doc) -> &DocScore) -> Tally {
        let mut t = Tally::default();
        for d in &self.docs {
            t += pick(d).tally;
        }
        t
    }
}

/// Runs the PolNeAR evaluation.
pub fn run(args: &[String]) -> Result<()> {
    let (split, rest) = take_split(args)?;
    let opts = crate::parse_options(&rest)?;
    let started = Instant::now();
    let eval = evaluate(&opts.dir, &split)?;
    let elapsed = started.elapsed();
    let ours = eval.total(|d| &d.direct);
    let base = eval.total(|d| &d.baseline);
    say!(
        "polnear {split}: {} articles in {:.2}s; strict direct quotes: overlap F1 {:.3} \
         (baseline {:.3}), exact F1 {:.3}, speaker acc {:.3} over {} matched",
        eval.docs.len(),
        elapsed.as_secs_f64(),
        ours.overlap().f,
        base.overlap().f,
        ours.exact().f,
        ours.speaker_acc(),
        ours.speaker_n,
    );
    let seg = eval.total(|d| &d.segments);
    let seg_base = eval.total(|d| &d.segments_baseline);
    say!(
        "  quoted segments: P {:.3} R {:.3} F1 {:.3} (baseline {:.3}), exact F1 {:.3}, \
         speaker acc {:.3} over {} (named {:.3} over {})",
        seg.overlap().p,
        seg.overlap().r,
        seg.overlap().f,
        seg_base.overlap().f,
        seg.exact().f,
        seg.speaker_acc(),
        seg.speaker_n,
        seg.named_acc(),
        seg.named_n,
    );
    let ind = eval.total(|d| &d.indirect);
    say!(
        "  indirect: content overlap F1 {:.3} (P {:.3} R {:.3}), source F1 {:.3}",
        ind.overlap().f,
        ind.overlap().p,
        ind.overlap().r,
        ind.source().f
    );
    if let Some(out) = &opts.out {
        let command = format!(
            "cargo run --release -p parallax-eval -- polnear {} --split {split} --out {}",
            opts.dir.display(),
            out.display()
        );
        fs::write(out, report::render(&eval, &command))
            .with_context(|| format!("{}: cannot write the report", out.display()))?;
        say!("report written to {}", out.display());
    }
    if let Some(floor) = opts.floor {
        if seg.overlap().f < floor {
            // A score under the floor is a finding, not a crash: one line, exit code 1.
            eprintln!(
                "polnear: quoted-speech overlap F1 {:.4} is below the floor {floor}",
                seg.overlap().f
            );
            std::process::exit(1);
        }
    }
    Ok(())
}

/// Pulls `--split NAME` out of the arguments (default `test`).
fn take_split(args: &[String]) -> Result<(String, Vec<String>)> {
    let mut split = "test".to_string();
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--split" {
            match it.next().map(String::as_str) {
                Some(s @ ("test" | "dev" | "train")) => split = s.to_string(),
                other => bail!("--split needs test, dev or train, not {other:?}"),
            }
        } else {
            rest.push(a.clone());
        }
    }
    Ok((split, rest))
}

/// Publisher per file stem, from `data/metadata.tsv`.
fn publishers(dir: &Path) -> Result<HashMap<String, String>> {
    let path = dir.join("data/metadata.tsv");
    let tsv = fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(file), Some(publisher)) = (col("filename"), col("publisher")) else {
        bail!("{}: no filename/publisher columns", path.display());
    };
    Ok(lines
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((f.get(file)?.to_string(), f.get(publisher)?.to_string()))
        })
        .collect())
}

/// The annotation file per article stem: the annotator id that sorts first.
fn annotation_files(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for entry in fs::read_dir(dir).with_context(|| format!("{}", dir.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".ann") else {
            continue;
        };
        let Some((article, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        let slot = out
            .entry(article.to_string())
            .or_insert_with(|| name.clone());
        if name < *slot {
            *slot = name;
        }
    }
    Ok(out)
}

/// Loads the split, runs the analyzer and scores every article.
pub fn evaluate(dir: &Path, split: &str) -> Result<Evaluation> {
    let publishers = publishers(dir)?;
    let base = dir.join("data").join(split);
    let anns = annotation_files(&base.join("attributions"))?;
    let mut texts: Vec<String> = fs::read_dir(base.join("text"))
        .with_context(|| format!("{}", base.join("text").display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
        .collect();
    texts.sort();
    let analyzer = Analyzer::new();
    let mut eval = Evaluation {
        split: split.to_string(),
        docs: Vec::new(),
        unannotated: 0,
        bad_gold_offsets: 0,
        bad_pred_spans: Vec::new(),
    };
    for id in texts {
        let Some(ann_name) = anns.get(&id) else {
            eval.unannotated += 1;
            continue;
        };
        let text_path = base.join("text").join(format!("{id}.txt"));
        let text = fs::read_to_string(&text_path)
            .with_context(|| format!("{}: not readable as UTF-8", text_path.display()))?;
        let ann_path = base.join("attributions").join(ann_name);
        let ann =
            fs::read_to_string(&ann_path).with_context(|| format!("{}", ann_path.display()))?;
        let outlet = publishers
            .get(&id)
            .cloned()
            .unwrap_or_else(|| "unknown".to_string());
        let doc = score_article(&analyzer, &mut eval, id, outlet, &text, &ann);
        eval.docs.push(doc);
    }
    if eval.docs.is_empty() {
        bail!("{}: no annotated articles", base.display());
    }
    if let Some(path) = std::env::var_os("PARALLAX_POLNEAR_DUMP") {
        fs::write(&path, dump(&eval)).with_context(|| "cannot write the dump".to_string())?;
    }
    Ok(eval)
}

/// Gold, predictions and scores of one article.
fn score_article(
    analyzer: &Analyzer,
    eval: &mut Evaluation,
    id: String,
    outlet: String,
    text: &str,
    ann: &str,
) -> Doc {
    let map = brat::CharToByte::new(text);
    let regions = marks::quoted_regions(text);
    let mut gold = Vec::new();
    for a in brat::attributions(&brat::parse(ann)) {
        let mut bytes = |segs: &[(usize, usize)]| -> Option<Vec<(usize, usize)>> {
            let out: Option<Vec<_>> = segs.iter().map(|&s| map.range(s)).collect();
            if out.is_none() {
                eval.bad_gold_offsets += 1;
            }
            out
        };
        let (Some(content), Some(source), Some(cue)) =
            (bytes(&a.content), bytes(&a.source), bytes(&a.cue))
        else {
            continue;
        };
        let g = Gold {
            content,
            source,
            cue,
        };
        let class = classify(text, &regions, &g.content);
        gold.push((g, class));
    }
    let article = Article {
        id: id.clone(),
        input: format!("{id}.txt"),
        outlet: outlet.clone(),
        text: text.to_string(),
        ..Default::default()
    };
    let analyzed = analyzer.analyze(article);
    let mut preds = Vec::new();
    for q in analyzed.quotes {
        let mut parts: Vec<(usize, usize)> = q.parts.iter().map(|s| (s.0, s.1)).collect();
        if parts.is_empty() {
            parts.push((q.start, q.end));
        }
        let fits = |&(s, e): &(usize, usize)| s <= e && text.get(s..e).is_some();
        if q.kind == QuoteKind::Headline || !parts.iter().all(fits) {
            eval.bad_pred_spans.push((id.clone(), q.start, q.end));
            continue;
        }
        let speaker_span = q.speaker.as_ref().and_then(|s| s.span).map(|s| (s.0, s.1));
        let speaker_span = speaker_span.filter(fits);
        let via = q.speaker.as_ref().map(|s| s.via);
        let speaker = q.speaker.map(|s| (s.name, s.mention));
        let p = Predicted {
            parts,
            speaker_span,
            speaker,
            cue: q.cue,
        };
        preds.push(Pred {
            kind: q.kind,
            via,
            p,
        });
    }
    let baseline: Vec<Predicted> = regions
        .iter()
        .filter_map(|r| trim_span(text, r.inner_start, r.inner_end))
        .map(|span| Predicted {
            parts: vec![span],
            ..Default::default()
        })
        .collect();

    let words = DocWords::new(text);
    let direct_gold: Vec<&Gold> = gold
        .iter()
        .filter(|(_, c)| *c == GoldClass::Direct)
        .map(|(g, _)| g)
        .collect();
    let other_gold: Vec<&Gold> = gold
        .iter()
        .filter(|(_, c)| *c != GoldClass::Direct)
        .map(|(g, _)| g)
        .collect();
    let of_kinds = |kinds: &[QuoteKind]| -> Vec<&Predicted> {
        preds
            .iter()
            .filter(|p| kinds.contains(&p.kind))
            .map(|p| &p.p)
            .collect()
    };
    let direct = score::score_doc(&words, &direct_gold, &of_kinds(&[QuoteKind::Direct]));
    let direct_partial = score::score_doc(
        &words,
        &direct_gold,
        &of_kinds(&[QuoteKind::Direct, QuoteKind::Partial]),
    );
    let base_refs: Vec<&Predicted> = baseline.iter().collect();
    let baseline = score::score_doc(&words, &direct_gold, &base_refs);
    let indirect = score::score_doc(&words, &other_gold, &of_kinds(&[QuoteKind::Indirect]));
    let quoted_gold: Vec<&Gold> = gold
        .iter()
        .filter(|(_, c)| *c != GoldClass::Indirect)
        .map(|(g, _)| g)
        .collect();
    let quoted = score::score_doc(
        &words,
        &quoted_gold,
        &of_kinds(&[QuoteKind::Direct, QuoteKind::Partial]),
    );
    let quoted_baseline = score::score_doc(&words, &quoted_gold, &base_refs);
    let segment_gold = quoted_segments(text, &regions, &gold);
    let segment_refs: Vec<&Gold> = segment_gold.iter().collect();
    let segments = score::score_doc(
        &words,
        &segment_refs,
        &of_kinds(&[QuoteKind::Direct, QuoteKind::Partial]),
    );
    let segments_baseline = score::score_doc(&words, &segment_refs, &base_refs);
    let first_line_end = text.find('\n').unwrap_or(text.len());
    Doc {
        id,
        outlet,
        text: text.to_string(),
        gold,
        preds,
        regions,
        first_line_end,
        direct,
        direct_partial,
        baseline,
        indirect,
        quoted,
        quoted_baseline,
        segment_gold,
        segments,
        segments_baseline,
    }
}

/// The quoted segments of attributed content: every quotation-mark region whose words
/// overlap a gold content, cut to the part the content covers, with the source and cue of
/// the content that covers most of it. This reads the issue's "Content spans inside
/// quotation marks" as the quoted words themselves, whether the content around them is a
/// whole quotation (direct) or narration with a partial quote (mixed); a scare quote or a
/// title that no annotator attributed is not a segment.
pub fn quoted_segments(text: &str, regions: &[Region], gold: &[(Gold, GoldClass)]) -> Vec<Gold> {
    let mut out = Vec::new();
    for r in regions {
        let Some((rs, re)) = trim_span(text, r.inner_start, r.inner_end) else {
            continue;
        };
        let mut best: Option<(usize, (usize, usize), &Gold)> = None;
        for (g, _) in gold {
            let mut cut: Option<(usize, usize)> = None;
            let mut covered = 0;
            for &(cs, ce) in &g.content {
                let (s, e) = (cs.max(rs), ce.min(re));
                if s < e {
                    covered += e - s;
                    cut = Some(cut.map_or((s, e), |(a, b)| (a.min(s), b.max(e))));
                }
            }
            let Some(cut) = cut.and_then(|(s, e)| trim_span(text, s, e)) else {
                continue;
            };
            if !text
                .get(cut.0..cut.1)
                .is_some_and(|w| w.chars().any(char::is_alphanumeric))
            {
                continue;
            }
            if !matches!(best, Some((n, _, _)) if n >= covered) {
                best = Some((covered, cut, g));
            }
        }
        if let Some((_, cut, g)) = best {
            out.push(Gold {
                content: vec![cut],
                source: g.source.clone(),
                cue: g.cue.clone(),
            });
        }
    }
    out
}

/// Offsets only, one JSON line per article, for error analysis outside the harness (set
/// `PARALLAX_POLNEAR_DUMP=FILE`); article text is never written.
fn dump(eval: &Evaluation) -> String {
    let mut out = String::new();
    for d in &eval.docs {
        let gold: Vec<_> = d
            .gold
            .iter()
            .map(|(g, c)| {
                serde_json::json!({"class": format!("{c:?}"), "content": g.content,
                                   "source": g.source, "cue": g.cue})
            })
            .collect();
        let preds: Vec<_> = d
            .preds
            .iter()
            .map(|p| {
                serde_json::json!({"kind": format!("{:?}", p.kind), "parts": p.p.parts,
                                   "speaker": p.p.speaker, "speaker_span": p.p.speaker_span,
                                   "cue": p.p.cue, "via": p.via.map(|v| format!("{v:?}"))})
            })
            .collect();
        let line = serde_json::json!({"id": d.id, "gold": gold, "preds": preds});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// `[s, e)` without surrounding whitespace; `None` when nothing is left.
fn trim_span(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let piece = text.get(s..e)?;
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    (!trimmed.is_empty()).then_some((s + lead, s + lead + trimmed.len()))
}

/// The direct-quote rule: every piece of the content, trimmed of whitespace (and, failing
/// that, of punctuation at its ends), starts at or after an opening mark and ends at or before
/// the matching closing mark of one region. Content that is not direct but overlaps quoted
/// words is mixed; the rest is indirect.
pub fn classify(text: &str, regions: &[Region], content: &[(usize, usize)]) -> GoldClass {
    let inside = |(s, e): (usize, usize)| {
        let i = regions.partition_point(|r| r.open <= s);
        i > 0 && regions.get(i - 1).is_some_and(|r| e <= r.close_end)
    };
    let strip = |s: usize, e: usize| -> Option<(usize, usize)> {
        let piece = text.get(s..e)?;
        let is_edge = |c: char| c.is_whitespace() || ".,;:!?—–-".contains(c);
        let lead = piece.len() - piece.trim_start_matches(is_edge).len();
        let kept = piece.trim_matches(is_edge);
        (!kept.is_empty()).then_some((s + lead, s + lead + kept.len()))
    };
    let mut direct = !content.is_empty();
    for &(s, e) in content {
        let Some(ws) = trim_span(text, s, e) else {
            continue;
        };
        if !inside(ws) && !strip(ws.0, ws.1).is_some_and(inside) {
            direct = false;
        }
    }
    if direct {
        return GoldClass::Direct;
    }
    let quoted = content.iter().any(|&(s, e)| {
        let i = regions.partition_point(|r| r.inner_end <= s);
        regions.get(i).is_some_and(|r| r.inner_start < e)
    });
    if quoted {
        GoldClass::Mixed
    } else {
        GoldClass::Indirect
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, needle: &str) -> (usize, usize) {
        let s = text.find(needle).unwrap();
        (s, s + needle.len())
    }

    #[test]
    fn classifies_gold_contents() {
        let text = "“The dam holds,” Ruiz said, “and will hold.” She called it a “miracle” \
                    and said the river had dropped. “Good news.”.";
        let regions = marks::quoted_regions(text);
        let cases: [(&str, &[&str], GoldClass); 8] = [
            ("marks included", &["“The dam holds,”"], GoldClass::Direct),
            ("marks excluded", &["The dam holds"], GoldClass::Direct),
            (
                "two parts of a split quote",
                &["The dam holds,", "and will hold."],
                GoldClass::Direct,
            ),
            ("fragment inside the marks", &["dam"], GoldClass::Direct),
            (
                "punctuation after the close",
                &["“Good news.”."],
                GoldClass::Direct,
            ),
            (
                "narration around a scare quote",
                &["it a “miracle”"],
                GoldClass::Mixed,
            ),
            (
                "quote plus cue in one span",
                &["“The dam holds,” Ruiz"],
                GoldClass::Mixed,
            ),
            ("no marks", &["the river had dropped"], GoldClass::Indirect),
        ];
        for (name, pieces, want) in cases {
            let content: Vec<_> = pieces.iter().map(|p| span(text, p)).collect();
            assert_eq!(classify(text, &regions, &content), want, "{name}");
        }
    }

    #[test]
    fn split_flag_is_taken_out_of_the_arguments() {
        let args: Vec<String> = ["DIR", "--split", "dev", "--floor", "0.5"]
            .map(String::from)
            .into();
        let (split, rest) = take_split(&args).unwrap();
        assert_eq!(split, "dev");
        assert_eq!(rest, ["DIR", "--floor", "0.5"]);
        let bad: Vec<String> = ["DIR", "--split", "valid"].map(String::from).into();
        assert!(take_split(&bad).is_err());
        assert_eq!(take_split(&[]).unwrap().0, "test");
    }

    #[test]
    fn trims_whitespace_only_spans_to_nothing() {
        assert_eq!(trim_span("a   b", 1, 4), None);
        assert_eq!(trim_span("a  bc ", 1, 6), Some((3, 5)));
        assert_eq!(trim_span("“x”", 1, 2), None, "not a char boundary");
    }
}
