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
    pack();
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

/// `pack` of a 200 MB dossier (the esedo sample with four 50 MB PDFs) against its floor: the
/// SHA-256 of every file and a stored ZIP of them (what `sha256sum` and `zip -0` do), in the
/// same run (needs the release binary; skipped without it).
fn pack() {
    use std::io::Write;
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/dossier");
    if !bin.exists() {
        println!("  pack: skipped (no target/release/dossier)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("esedo");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-dossiers/esedo"),
        &dossier,
    );
    // Four large, valid PDFs: one page whose content stream is 50 MB of noise (incompressible,
    // as real scans are).
    let mut noise = vec![0u8; 50 << 20];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for b in &mut noise {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        *b = x as u8;
    }
    for name in [
        "description",
        "commissioning-act",
        "deployment-scope",
        "operation-manual",
    ] {
        let mut pdf = b"%PDF-1.7\n".to_vec();
        let objects: [Vec<u8>; 4] = [
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
            [
                format!("<< /Length {} >>\nstream\n", noise.len()).as_bytes(),
                &noise,
                b"\nendstream",
            ]
            .concat(),
        ];
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            pdf.extend_from_slice(o);
            pdf.extend_from_slice(b"\nendobj\n");
        }
        let xref = pdf.len();
        pdf.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
        for o in offsets {
            pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(
            format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
        );
        std::fs::write(dossier.join(format!("docs/{name}.pdf")), pdf).unwrap();
    }
    let files = all_files(&dossier);
    let floor = median(|| {
        use sha2::Digest;
        for f in &files {
            use std::io::Read;
            let mut h = sha2::Sha256::new();
            let mut r = std::fs::File::open(f).unwrap();
            let mut buf = vec![0u8; 1 << 16];
            loop {
                let n = r.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                h.update(&buf[..n]);
            }
            std::hint::black_box(h.finalize());
        }
        let out = std::fs::File::create(dir.path().join("floor.zip")).unwrap();
        let mut zip = zip::ZipWriter::new(out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for f in &files {
            zip.start_file(
                f.strip_prefix(dir.path()).unwrap().to_string_lossy(),
                stored,
            )
            .unwrap();
            std::io::copy(&mut std::fs::File::open(f).unwrap(), &mut zip).unwrap();
        }
        zip.finish().unwrap().flush().unwrap();
    });
    let archive = dir.path().join("out.zip");
    let tool = median(|| {
        let _ = std::fs::remove_file(&archive);
        let out = std::process::Command::new(&bin)
            .args(["pack", "--today", "2026-11-23", "-o"])
            .arg(&archive)
            .arg(&dossier)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    });
    println!("  floor, SHA-256 of every file + a stored ZIP, 200 MB: {floor:>10.2?}");
    println!(
        "  pack of the same dossier:                 {tool:>10.2?}  = {:.2}x the floor",
        ratio(tool, floor)
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
