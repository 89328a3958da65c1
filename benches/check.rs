//! `cargo bench --bench check [-- COUNT]`: builds a tree of COUNT dossiers (default 2000) by
//! copying the five samples with their real attachments, then times, in the same run:
//!
//! - the floor: a `find`-like walk that only stats every file, and a walk that opens every file
//!   and reads its first 8 KiB on as many threads as the tool uses;
//! - `check` + JSON through the library, on those threads and on one;
//! - peak memory of the `check` binary at 1,000 and 10,000 dossiers (flat in N);
//! - `score`, `timeline`, and `render` (md, docx, pdf) per dossier or document.
//!
//! It prints each time with its ratio to the floor; speed targets are ratios to a floor
//! measured on the same machine in the same run, never absolute times.

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NAMES: [&str; 5] = [
    "e-archive",
    "e-licensing",
    "esedo",
    "gbd-fl",
    "internet-gateway",
];

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(2000);
    let tree = tempfile::tempdir().expect("temp dir");
    let start = Instant::now();
    generate(tree.path(), count);
    eprintln!("generated {count} dossiers in {:.2?}", start.elapsed());
    let files = all_files(tree.path());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let request = dossier_judge::CheckRequest {
        paths: vec![tree.path().to_path_buf()],
        today,
        ..Default::default()
    };
    // Warm-up: the page cache holds the tree, so the runs measure the tool, not the disk.
    dossier_judge::check(&request).expect("check runs");

    let stat_walk = median(|| {
        let n: u64 = walk(tree.path())
            .iter()
            .map(|p| std::fs::symlink_metadata(p).map_or(0, |m| m.len()))
            .sum();
        std::hint::black_box(n);
    });
    let read_walk = median(|| {
        let n: usize = files
            .par_iter()
            .map(|p| {
                use std::io::Read;
                let mut buf = [0u8; 8192];
                std::fs::File::open(p).map_or(0, |mut f| f.read(&mut buf).unwrap_or(0))
            })
            .sum();
        std::hint::black_box(n);
    });
    // As `dossier check --format json` runs: judged in chunks, entries made in parallel and
    // streamed in order.
    let check = |req: &dossier_judge::CheckRequest| {
        let run = dossier_judge::prepare(req).expect("check runs");
        let mut stream = dossier_report::json::Stream::default();
        let mut out = std::io::sink();
        let mut n = 0;
        let entry = |d: dossier_judge::judge::DossierReport| {
            dossier_report::json::entry(&d, dossier_model::lang::Lang::En)
        };
        run.map_in_chunks(512, entry, |entries| {
            n += entries.len();
            for e in &entries {
                use std::io::Write;
                out.write_all(stream.entry(e).as_bytes()).unwrap();
            }
        });
        assert_eq!(n, count);
    };
    let tool = median(|| check(&request));
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| median(|| check(&request)));
    let threads = rayon::current_num_threads();
    println!(
        "{count} dossiers, {} files, {threads} threads, warm cache:",
        files.len()
    );
    println!("  floor, stat every file (find -printf):   {stat_walk:>10.2?}");
    println!("  floor, open + read 8 KiB of every file:  {read_walk:>10.2?}");
    println!(
        "  check + JSON:                             {tool:>10.2?}  = {:.1}x the stat floor, {:.1}x the read floor, {:.0} µs per dossier",
        ratio(tool, stat_walk),
        ratio(tool, read_walk),
        tool.as_secs_f64() * 1e6 / count as f64
    );
    println!(
        "  check + JSON on one thread:               {one_thread:>10.2?}  = {:.2}x the time on {threads}",
        ratio(one_thread, tool)
    );

    commands(tree.path(), today);
    memory();
}

/// Score, timeline and render, per dossier or document.
fn commands(tree: &Path, today: chrono::NaiveDate) {
    let hundred = tempfile::tempdir().unwrap();
    generate(hundred.path(), 100);
    let request = dossier_judge::CheckRequest {
        paths: vec![hundred.path().to_path_buf()],
        today,
        ..Default::default()
    };
    let report = dossier_judge::check(&request).unwrap();
    let per = |d: Duration, n: usize| d / n as u32;
    let score = median(|| {
        std::hint::black_box(dossier_judge::score(&request).unwrap());
    });
    println!(
        "  score (judge + explain data), 100:        {score:>10.2?}  = {:.2?} per dossier",
        per(score, 100)
    );
    let calendar = dossier_model::calendar::Calendar::built_in();
    let timeline = median(|| {
        for d in report.dossiers.iter().filter_map(|d| d.judged()) {
            std::hint::black_box(dossier_judge::timeline::steps(d, &calendar, today));
        }
    });
    println!("  timeline steps, 100 judged:               {timeline:>10.2?}");
    for (format, name) in [
        (dossier_render::Format::Md, "md"),
        (dossier_render::Format::Docx, "docx"),
        (dossier_render::Format::Pdf, "pdf"),
    ] {
        let req = dossier_render::RenderRequest {
            document: dossier_render::Document::Decision,
            format,
            lang: dossier_model::lang::Lang::Ru,
            template: None,
            today,
            skip_unfit: false,
            final_acts: false,
        };
        let t = median(|| {
            let drafts = dossier_render::render_all(&req, &report.dossiers).unwrap();
            assert!(drafts.iter().all(|d| d.result.is_ok()));
            std::hint::black_box(drafts);
        });
        println!(
            "  render decision --format {name:<4} 100 drafts: {t:>10.2?}  = {:.2?} per document",
            per(t, 100)
        );
    }
    let _ = tree;
}

/// Peak resident memory of the `check` binary over 1,000 and 10,000 dossiers (needs the
/// release binary and /usr/bin/time; skipped without them).
fn memory() {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/dossier");
    if !bin.exists() || !Path::new("/usr/bin/time").exists() {
        println!("  peak memory: skipped (no target/release/dossier or /usr/bin/time)");
        return;
    }
    let mut peaks = Vec::new();
    for n in [1000, 10_000] {
        let tree = tempfile::tempdir().unwrap();
        generate(tree.path(), n);
        let out = std::process::Command::new("/usr/bin/time")
            .args(["-f", "%M"])
            .arg(&bin)
            .args(["check", "--format", "json", "--today", "2026-11-23"])
            .arg(tree.path())
            .stdout(std::process::Stdio::null())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let kb: u64 = err
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or(0);
        peaks.push(kb);
        println!(
            "  peak memory of `check --format json`, {n:>6} dossiers: {:>6.1} MB",
            kb as f64 / 1000.0
        );
    }
    println!(
        "  peak memory at 10,000 / at 1,000:         {:.2}x",
        peaks[1] as f64 / peaks[0].max(1) as f64
    );
}

fn generate(root: &Path, count: usize) {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-dossiers");
    for i in 0..count {
        let name = NAMES[i % NAMES.len()];
        copy_dir(
            &samples.join(name),
            &root.join(format!("body-{:03}/{name}-{i:05}", i / 50)),
        );
    }
}

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

fn walk(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .collect()
}

fn all_files(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}
