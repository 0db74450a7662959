//! `parallax`: compare how news outlets report the same event.
//!
//! Exit codes: 0 ok; 1 nothing to compare (fewer than two articles); 2 bad usage or unreadable
//! input, with a one-line error naming the input and the reason.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use parallax_compare::{CompareConfig, Comparer};
use parallax_model::Article;
use parallax_report::Style;

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Compare how news outlets report the same event"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Fetch URLs on private, loopback and link-local addresses too (refused by default, after
    /// DNS resolution and on every redirect).
    #[arg(long, global = true)]
    allow_private: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Md,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
struct Output {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: Format,
    /// Write to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Colour in the text format (auto: only on a terminal, and never when NO_COLOR is set).
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
}

#[derive(Subcommand)]
enum Command {
    /// Compare reports of one event: shared and unique facts, the quote ledger, figure
    /// conflicts, framing and shared passages.
    Compare {
        /// Files, directories, globs, URLs, or - for standard input (text, Markdown, HTML, JSON,
        /// JSONL, RSS/Atom feeds, WARC/WARC.gz).
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<String>,
        #[command(flatten)]
        out: Output,
    },
    /// Analyze each article: sentences, quotes with speakers, entities, figures, dates.
    Analyze {
        /// Files, directories, globs, URLs, or - for standard input.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<String>,
        #[command(flatten)]
        out: Output,
    },
    /// Print the JSON Schema of `compare --format json` (the parallax.comparison/1 contract).
    Schema,
    /// Extract the clean article text and metadata only.
    Extract {
        /// Files, directories, globs, URLs, or - for standard input.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<String>,
        #[command(flatten)]
        out: Output,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("parallax: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Reads and extracts every input, numbering articles a1, a2, … in input order.
fn load(inputs: &[String], read: &parallax_ingest::ReadOptions) -> Result<Vec<Article>> {
    let docs = parallax_ingest::read_inputs_with(inputs, read)?;
    let mut articles = Vec::with_capacity(docs.len());
    for doc in &docs {
        let Some(mut a) = extract_one(doc)? else {
            continue;
        };
        a.id = format!("a{}", articles.len() + 1);
        articles.push(a);
    }
    parallax_ingest::mark_outlet_boilerplate(&mut articles);
    Ok(articles)
}

/// Extracts one document. A named file that yields no article is an error; one record of a
/// feed, archive or JSONL file (`INPUT#N`) that yields none is skipped with a warning, so one
/// empty page does not stop a corpus.
fn extract_one(doc: &parallax_model::RawDocument) -> Result<Option<Article>> {
    match parallax_ingest::extract(doc) {
        Ok(a) => Ok(Some(a)),
        Err(e) if doc.input.contains('#') => {
            eprintln!("warning: {e}; skipped");
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs `each` on every article of `inputs`, in order. WARC archives are streamed record by
/// record, so an archive of any size runs in bounded memory; other inputs are read together
/// (outlet boilerplate needs them side by side).
fn for_each_article(
    inputs: &[String],
    read: &parallax_ingest::ReadOptions,
    mut each: impl FnMut(Article) -> Result<()>,
) -> Result<()> {
    let (archives, others): (Vec<String>, Vec<String>) = inputs
        .iter()
        .cloned()
        .partition(|i| parallax_ingest::is_warc_name(i) && std::path::Path::new(i).is_file());
    let mut n = 0;
    if !others.is_empty() {
        for mut a in load(&others, read)? {
            n += 1;
            a.id = format!("a{n}");
            each(a)?;
        }
    }
    for archive in &archives {
        for item in parallax_ingest::open_warc(archive)? {
            match item {
                Ok(doc) => {
                    if let Some(mut a) = extract_one(&doc)? {
                        n += 1;
                        a.id = format!("a{n}");
                        each(a)?;
                    }
                }
                Err(warning) => eprintln!("warning: {warning}"),
            }
        }
    }
    Ok(())
}

/// Where output goes: the `-o` file or standard output.
fn writer(out: &Output) -> Result<Box<dyn Write>> {
    Ok(match &out.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot write", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

/// Writes, treating a closed pipe (`parallax … | head`) as the reader being done.
fn write_out(w: &mut dyn Write, text: &str) -> Result<bool> {
    match w.write_all(text.as_bytes()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e).context("output"),
    }
}

fn style(out: &Output) -> Style {
    let to_terminal = out.output.is_none() && std::io::stdout().is_terminal();
    match out.color {
        ColorChoice::Always => Style { color: true },
        ColorChoice::Never => Style { color: false },
        ColorChoice::Auto => Style::detect(to_terminal),
    }
}

fn emit(out: &Output, text: &str) -> Result<()> {
    match &out.output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("{}: cannot write", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
            {
                // A closed pipe (`parallax … | head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("standard output"),
            }
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let read = parallax_ingest::ReadOptions {
        allow_private: cli.allow_private,
        ..Default::default()
    };
    match cli.command {
        Command::Compare { inputs, out } => {
            let articles = load(&inputs, &read)?;
            let comparer = Comparer::new(CompareConfig::default());
            if articles.len() < 2 {
                // Still useful: show what the one article holds, then say why we stop.
                let analyzed: Vec<_> = articles
                    .into_iter()
                    .map(|a| comparer.analyzer().analyze(a))
                    .collect();
                let text = match out.format {
                    Format::Json => {
                        analyzed
                            .iter()
                            .map(parallax_report::render_article_json)
                            .collect::<Vec<_>>()
                            .join("\n")
                            + "\n"
                    }
                    _ => analyzed
                        .iter()
                        .map(|a| parallax_report::render_analysis(a, style(&out)))
                        .collect(),
                };
                emit(&out, &text)?;
                eprintln!(
                    "parallax: {}: a comparison needs at least two articles; found {}",
                    inputs.join(" "),
                    analyzed.len()
                );
                return Ok(ExitCode::from(1));
            }
            let comparison = comparer.compare(articles);
            let text = match out.format {
                Format::Text => parallax_report::render_text(&comparison, style(&out)),
                Format::Json => parallax_report::render_json(&comparison) + "\n",
                Format::Md => parallax_report::render_markdown(&comparison),
            };
            emit(&out, &text)?;
        }
        Command::Analyze { inputs, out } => {
            let analyzer = parallax_analyze::Analyzer::new();
            let st = style(&out);
            let mut w = writer(&out)?;
            let mut open = true;
            for_each_article(&inputs, &read, |a| {
                if open {
                    let a = analyzer.analyze(a);
                    let text = match out.format {
                        Format::Json => parallax_report::render_article_json(&a) + "\n",
                        Format::Text => parallax_report::render_analysis(&a, st) + "\n",
                        Format::Md => parallax_report::render_analysis_markdown(&a) + "\n",
                    };
                    open = write_out(&mut w, &text)?;
                }
                Ok(())
            })?;
            let _ = w.flush();
        }
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&parallax_model::comparison_schema())?;
            let mut w = std::io::stdout().lock();
            // A full disk or closed pipe is an error line, not a panic (println! would panic).
            if write_out(&mut w, &(schema + "\n"))? {
                w.flush().context("standard output")?;
            }
        }
        Command::Extract { inputs, out } => {
            let mut w = writer(&out)?;
            let mut open = true;
            for_each_article(&inputs, &read, |a| {
                if open {
                    let text = match out.format {
                        Format::Json => serde_json::to_string(&a)? + "\n",
                        Format::Text | Format::Md => {
                            let title = a.title.as_deref().unwrap_or(&a.outlet);
                            format!("# {title}\n\n{}\n\n", a.text)
                        }
                    };
                    open = write_out(&mut w, &text)?;
                }
                Ok(())
            })?;
            let _ = w.flush();
        }
    }
    Ok(ExitCode::SUCCESS)
}
