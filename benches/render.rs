//! `cargo bench --bench render`: time to render the PDF application of one sample dossier,
//! after start-up (the dossier judged and the fonts' metrics loaded once). Target: well under
//! 50 ms per document.

use dossier_render as render;
use dossier_render::{Document, Format};
use std::time::Instant;

fn main() {
    let request = dossier_judge::CheckRequest {
        paths: vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-dossiers/esedo")],
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        edition: None,
        rules: vec![],
        what_if: Default::default(),
        config: None,
        built_in_wins: false,
        threads: None,
    };
    let report = dossier_judge::check(&request).expect("check runs");
    let d = &report.dossiers[0];
    let draw = || {
        render::render(
            Document::Application,
            d,
            dossier_model::lang::Lang::Kk,
            Format::Pdf,
            request.today,
            None,
        )
        .expect("renders")
    };
    // Start-up: the first render loads the font metrics.
    let first = Instant::now();
    let bytes = draw();
    eprintln!(
        "first render (with start-up): {:.2?}, {} bytes",
        first.elapsed(),
        bytes.len()
    );
    let runs = 50;
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(draw());
    }
    let each = start.elapsed() / runs;
    println!("PDF application: {each:.2?} per document after start-up");
    for (format, name) in [(Format::Docx, "DOCX"), (Format::Html, "HTML")] {
        let start = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(
                render::render(
                    Document::Application,
                    d,
                    dossier_model::lang::Lang::Kk,
                    format,
                    request.today,
                    None,
                )
                .unwrap(),
            );
        }
        println!(
            "{name} application: {:.2?} per document",
            start.elapsed() / runs
        );
    }
    if each.as_millis() >= 50 {
        eprintln!("SLOWER THAN TARGET: 50 ms");
        std::process::exit(1);
    }
}
