//! `cargo bench --bench check [-- COUNT]`: builds a tree of COUNT dossiers (default 2000) by
//! copying the five samples with their real attachments, then times, in the same run:
//!
//! - the floor: a walk of the tree that opens, fstats and reads the first 8 KiB of every file
//!   on as many threads as the tool uses (what a C program with `fts` and two threads does),
//!   in CPU time and in wall time, and a `find`-like walk that only stats;
//! - `check` + JSON through the library, on those threads and on one (target: 2.5x the floor
//!   in CPU);
//! - peak memory of the `check` binary at 1,000 and 10,000 dossiers in the table, JSON, HTML
//!   and CSV, to standard output and with `-o` (target: 1.3x);
//! - start-up: `check` of one dossier per process against `/bin/true` per process;
//! - `score`, `timeline`, and `render` (md, docx, pdf) per dossier or document, and the PDF
//!   against LibreOffice converting the same Word file (when `soffice` is there);
//! - `pack` of a 200 MB dossier against SHA-256 + a stored ZIP of its files (target: 1.5x), and
//!   `verify` of that archive against hashing every entry of it.
//!
//! `-- check`, `-- startup`, `-- memory` or `-- pack` runs that part alone. It prints each time with its
//! ratio to the floor; speed targets are ratios to a floor
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `-- startup`, `-- memory`, `-- pack`: that part alone.
    for (part, run) in [
        ("startup", startup as fn()),
        ("memory", memory),
        ("pack", pack),
    ] {
        if args.iter().any(|a| a == part) {
            run();
            return;
        }
    }
    let count: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(2000);
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
    let bodies: Vec<PathBuf> = std::fs::read_dir(tree.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let floor = || {
        let n: usize = bodies.par_iter().map(|b| read_tree(b)).sum();
        std::hint::black_box(n);
    };
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
        let mut text = String::new();
        run.map_in_chunks(512, entry, |entries| {
            n += entries.len();
            for e in &entries {
                stream.push(e, &mut text);
            }
            use std::io::Write;
            out.write_all(text.as_bytes()).unwrap();
            text.clear();
        });
        assert_eq!(n, count);
    };
    // The floor and the tool alternated, so a drift of the machine (another process, the
    // page cache, the CPU's clock) weighs on both alike.
    let [(read_walk, read_cpu), (tool, tool_cpu)] =
        alternated_medians(9, [&floor, &|| check(&request)]);
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
    println!("  floor, walk + open + fstat + read 8 KiB: {read_walk:>10.2?}  ({read_cpu:.2?} CPU)");
    println!(
        "  check + JSON:                             {tool:>10.2?}  ({tool_cpu:.2?} CPU) = {:.2}x the floor in CPU, {:.2}x in wall time, {:.0} µs per dossier",
        ratio(tool_cpu, read_cpu),
        ratio(tool, read_walk),
        tool.as_secs_f64() * 1e6 / count as f64
    );
    println!(
        "  check + JSON on one thread:               {one_thread:>10.2?}  = {:.2}x the time on {threads}",
        ratio(one_thread, tool)
    );

    // `-- check`: this part alone (to profile it).
    if args.iter().any(|a| a == "check") {
        return;
    }
    commands(tree.path(), today);
    startup();
    memory();
    pack();
}

/// The floor's walk of one folder: every file opened, fstat'ed and its first 8 KiB read.
fn read_tree(dir: &Path) -> usize {
    use std::io::Read;
    let mut n = 0;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    for e in entries.flatten() {
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            n += read_tree(&e.path());
        } else if let Ok(mut f) = std::fs::File::open(e.path()) {
            let mut buf = [0u8; 8192];
            let len = f.metadata().map_or(0, |m| m.len()) as usize;
            n += len.min(f.read(&mut buf).unwrap_or(0));
        }
    }
    n
}

/// Start-up: `check` of one dossier, one process each, against `/bin/true` one process each.
fn startup() {
    let bin = Path::new(env!("CARGO_BIN_EXE_dossier"));
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-dossiers/esedo");
    let per_process = |cmd: &mut dyn FnMut() -> std::process::Command| {
        let runs = 40;
        median(|| {
            for _ in 0..runs {
                let status = cmd()
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status()
                    .unwrap();
                std::hint::black_box(status);
            }
        }) / runs
    };
    let floor = per_process(&mut || std::process::Command::new("/bin/true"));
    let tool = per_process(&mut || {
        let mut c = std::process::Command::new(bin);
        c.args(["check", "--format", "json", "--today", "2026-11-23"])
            .arg(&sample);
        c
    });
    println!("  floor, /bin/true per process:             {floor:>10.2?}");
    println!(
        "  check of one dossier per process:         {tool:>10.2?}  = {:.2}x the floor, {:.2?} above it",
        ratio(tool, floor),
        tool.saturating_sub(floor)
    );
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
        if format == dossier_render::Format::Pdf {
            libreoffice(&report, today, per(t, 100));
        }
    }
    let _ = tree;
}

/// The PDF renderer against LibreOffice converting the same draft as a Word file (skipped
/// without `soffice`).
fn libreoffice(report: &dossier_judge::CheckReport, today: chrono::NaiveDate, ours: Duration) {
    let Some(soffice) = ["/usr/bin/soffice", "/usr/bin/libreoffice"]
        .into_iter()
        .find(|p| Path::new(p).exists())
    else {
        println!("  LibreOffice: skipped (no soffice)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let docx = dossier_render::render(
        dossier_render::Document::Decision,
        &report.dossiers[0],
        dossier_model::lang::Lang::Ru,
        dossier_render::Format::Docx,
        today,
        None,
    )
    .unwrap();
    let file = dir.path().join("decision.docx");
    std::fs::write(&file, docx).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let convert = || {
        let out = std::process::Command::new(soffice)
            .arg(&profile)
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir.path())
            .arg(&file)
            .output()
            .unwrap();
        assert!(out.status.success());
    };
    // The first run creates the profile.
    convert();
    let floor = median(convert);
    println!(
        "  LibreOffice, the same decision from Word to PDF: {floor:>10.2?}  = {:.0}x our PDF renderer",
        ratio(floor, ours)
    );
}

/// Peak resident memory of the `check` binary over 1,000 and 10,000 dossiers, in each text
/// format, to standard output and with `-o` (skipped without /usr/bin/time).
fn memory() {
    let bin = Path::new(env!("CARGO_BIN_EXE_dossier"));
    if !Path::new("/usr/bin/time").exists() {
        println!("  peak memory: skipped (no /usr/bin/time)");
        return;
    }
    let trees: Vec<(usize, tempfile::TempDir)> = [1000, 10_000]
        .into_iter()
        .map(|n| {
            let tree = tempfile::tempdir().unwrap();
            generate(tree.path(), n);
            (n, tree)
        })
        .collect();
    let out = tempfile::tempdir().unwrap();
    let mut worst: f64 = 0.0;
    println!("  peak memory of `check` at 1,000 and 10,000 dossiers, and their ratio:");
    for format in ["human", "json", "html", "csv"] {
        for to_file in [false, true] {
            let mut peaks = Vec::new();
            for (n, tree) in &trees {
                // The median of three runs: a peak varies by a megabyte or two from run to run
                // (threads, allocator arenas).
                let mut runs: Vec<u64> = (0..3)
                    .map(|_| {
                        let report = out.path().join(format!("{format}-{n}"));
                        let _ = std::fs::remove_file(&report);
                        let mut cmd = std::process::Command::new("/usr/bin/time");
                        cmd.args(["-f", "%M"]).arg(bin).args([
                            "check",
                            "--format",
                            format,
                            "--today",
                            "2026-11-23",
                        ]);
                        if to_file {
                            cmd.arg("-o").arg(&report);
                        }
                        let run = cmd
                            .arg(tree.path())
                            .stdout(std::process::Stdio::null())
                            .output()
                            .unwrap();
                        let err = String::from_utf8_lossy(&run.stderr);
                        err.lines()
                            .last()
                            .and_then(|l| l.trim().parse().ok())
                            .unwrap_or(0)
                    })
                    .collect();
                runs.sort_unstable();
                peaks.push(runs[1]);
            }
            let r = peaks[1] as f64 / peaks[0].max(1) as f64;
            worst = worst.max(r);
            println!(
                "    {format:<5} {:<7} {:>6.1} MB  {:>6.1} MB  = {r:.2}x",
                if to_file { "-o FILE" } else { "stdout" },
                peaks[0] as f64 / 1000.0,
                peaks[1] as f64 / 1000.0,
            );
        }
    }
    println!("  peak memory at 10,000 / at 1,000, the worst: {worst:.2}x");
}

/// `pack` of a 200 MB dossier (the esedo sample with four 50 MB PDFs) against its floor: the
/// SHA-256 of every file and a stored ZIP of them (what `sha256sum` and `zip -0` do), in the
/// same run.
fn pack() {
    use std::io::Write;
    let bin = Path::new(env!("CARGO_BIN_EXE_dossier"));
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
        let out = std::process::Command::new(bin)
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
    // verify: every entry read out of the archive and hashed is its floor (`sha256sum -c` of
    // the unpacked files, without writing them).
    let floor = median(|| {
        use sha2::Digest;
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&archive).unwrap()).unwrap();
        let mut buf = vec![0u8; 1 << 16];
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let mut h = sha2::Sha256::new();
            loop {
                let n = entry.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                h.update(&buf[..n]);
            }
            std::hint::black_box(h.finalize());
        }
    });
    let tool = median(|| {
        let out = std::process::Command::new(bin)
            .arg("verify")
            .arg(&archive)
            .output()
            .unwrap();
        assert!(
            out.status.code().is_some_and(|c| c < 2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    });
    println!("  floor, every entry of the archive hashed: {floor:>10.2?}");
    println!(
        "  verify of that archive:                   {tool:>10.2?}  = {:.2}x the floor",
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

/// The median wall time and the median CPU time of the process (every thread) of five runs.
/// Wall and CPU time of each function, run in turn `rounds` times: the median of each.
fn alternated_medians<const N: usize>(
    rounds: usize,
    fs: [&dyn Fn(); N],
) -> [(Duration, Duration); N] {
    let mut runs: [Vec<(Duration, Duration)>; N] = std::array::from_fn(|_| Vec::new());
    for _ in 0..rounds {
        for (f, times) in fs.iter().zip(runs.iter_mut()) {
            let (start, start_cpu) = (Instant::now(), process_cpu());
            f();
            times.push((start.elapsed(), process_cpu() - start_cpu));
        }
    }
    runs.map(|times| {
        let mut walls: Vec<Duration> = times.iter().map(|t| t.0).collect();
        let mut cpus: Vec<Duration> = times.iter().map(|t| t.1).collect();
        walls.sort();
        cpus.sort();
        (walls[walls.len() / 2], cpus[cpus.len() / 2])
    })
}

fn process_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
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
