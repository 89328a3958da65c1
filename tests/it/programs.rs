//! The drafts opened in the programs people open them with: LibreOffice (Word files), Chromium
//! (HTML), qpdf and poppler (PDF). `.ci/run` installs them from the distribution when missing
//! and then sets `DOSSIER_REQUIRE_PROGRAMS`, under which a missing program fails its test;
//! otherwise (a plain `cargo test` on a machine without them) it skips with a loud message.

use crate::support::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The program on PATH, or None (a loud skip); fails when `.ci/run` said they are installed.
fn program(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("DOSSIER_REQUIRE_PROGRAMS").is_none(),
            "{name} is missing although .ci/run installed the programs"
        );
        eprintln!("SKIPPED: {name} is not installed; the real-program checks did not run");
    }
    found
}

/// Every draft of every sample, a 2016-edition and a decommissioned dossier, in one format and
/// both languages, into `dir`.
fn render_every_draft(dir: &Path, format: &str, extra: &[&Path]) -> Vec<PathBuf> {
    for lang in ["kk", "ru"] {
        let run = dossier()
            .args(["render", "all", "--lang", lang, "--format", format])
            .args(["--today", "2026-11-24", "--out-dir"])
            .arg(dir)
            .arg(root().join("sample-dossiers"))
            .args(extra)
            .output()
            .unwrap();
        assert!(
            run.status.code().unwrap() < 2,
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == format))
        .collect();
    files.sort();
    // 14 drafts fit the five samples in each language.
    assert!(files.len() >= 28, "only {} drafts", files.len());
    files
}

fn extra_dossiers() -> (Fixture, Fixture) {
    let ended = Fixture::decommissioned();
    (ended, Fixture::information_system_2016())
}

fn pages(pdfinfo: &Path, pdf: &Path) -> usize {
    let out = Command::new(pdfinfo).arg(pdf).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap_or_else(|| panic!("no page count for {}: {text}", pdf.display()))
        .trim()
        .parse()
        .unwrap()
}

/// Our own PDF of the same draft (`x.docx` → `x.pdf` rendered by dossier).
/// Another program's PDF of a draft has our PDF's page count, give or take `slack`.
fn same_pages(pdfinfo: &Path, theirs: &Path, ours: &Path, who: &str, slack: usize) {
    let (a, b) = (pages(pdfinfo, theirs), pages(pdfinfo, ours));
    assert!(
        a.abs_diff(b) <= slack,
        "{}: {who} {a} pages, our PDF {b}",
        ours.display()
    );
}

fn own_pdf(dir: &Path, file: &Path) -> PathBuf {
    dir.join(file.with_extension("pdf").file_name().unwrap())
}

#[test]
fn every_word_file_opens_in_libreoffice_with_the_pdf_page_count() {
    let (ended, old) = extra_dossiers();
    same_pages_in_libreoffice(&[ended.path(), old.path()]);
    // Again with the requisites a dossier.toml gives every draft: the authorized body's name
    // heading the acts, the place, the executor line of the letters.
    let settings = tempfile::tempdir().unwrap();
    let file = settings.path().join("dossier.toml");
    std::fs::write(
        &file,
        "addressee = { kk = \"Қазақстан Республикасы Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі\", ru = \"Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан\" }\ncity = { kk = \"Астана қаласы\", ru = \"г. Астана\" }\n[executor]\nname = \"Ахметова А.Б.\"\nphone = \"+7 7172 74 00 00\"\n",
    )
    .unwrap();
    same_pages_in_libreoffice(&[ended.path(), old.path(), Path::new("--config"), &file]);
}

/// Renders every draft as Word and PDF (`extra` after the samples) and has LibreOffice lay
/// each Word file out: the same page count as our PDF.
fn same_pages_in_libreoffice(extra: &[&Path]) {
    let (Some(soffice), Some(pdfinfo)) = (program("soffice"), program("pdfinfo")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let docx = render_every_draft(dir.path(), "docx", extra);
    render_every_draft(dir.path(), "pdf", extra);
    let converted = dir.path().join("lo");
    let profile = dir.path().join("profile");
    // One LibreOffice start for the whole batch keeps the suite within the CI budget.
    let run = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&converted)
        .args(&docx)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for file in &docx {
        let lo = converted.join(file.with_extension("pdf").file_name().unwrap());
        assert!(
            lo.is_file(),
            "LibreOffice did not convert {}",
            file.display()
        );
        // The Word file is laid out with the PDF's geometry: the same pages, every draft.
        same_pages(&pdfinfo, &lo, &own_pdf(dir.path(), file), "LibreOffice", 0);
    }
}

/// Chromium prints `html` to `pdf`, headless, without its own header and footer.
fn print_in_chromium(chromium: &Path, html: &Path, pdf: &Path) -> std::process::Output {
    Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap()
}

#[test]
fn html_prints_to_a4_in_chromium_with_the_pdf_page_count() {
    let chromium = program("chromium").or_else(|| program("chromium-browser"));
    let (Some(chromium), Some(pdfinfo)) = (chromium, program("pdfinfo")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = render_every_draft(dir.path(), "html", &[]);
    render_every_draft(dir.path(), "pdf", &[]);
    // A sample of the drafts: Chromium starts once per file, about a second each.
    for file in html.iter().step_by(3) {
        let printed = dir.path().join("chromium.pdf");
        let run = print_in_chromium(&chromium, file, &printed);
        assert!(
            printed.is_file(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let info = Command::new(&pdfinfo).arg(&printed).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("(A4)"), "not A4: {info}");
        same_pages(
            &pdfinfo,
            &printed,
            &own_pdf(dir.path(), file),
            "Chromium",
            1,
        );
        std::fs::remove_file(&printed).unwrap();
    }
}

/// Each sample and a part of its object's name in Kazakh and Russian (from its dossier.yaml).
const OBJECT_NAMES: &[(&str, &str, &str)] = &[
    (
        "e-archive",
        "электрондық мұрағаты",
        "Электронный архив документов",
    ),
    ("e-licensing", "Е-лицензиялау", "Е-лицензирование"),
    (
        "esedo",
        "электрондық құжат айналымы жүйесі",
        "электронного документооборота",
    ),
    ("gbd-fl", "Жеке тұлғалар", "Физические лица"),
    (
        "internet-gateway",
        "бірыңғай шлюзі",
        "шлюз доступа к Интернету",
    ),
];

#[test]
fn every_pdf_passes_qpdf_embeds_subset_fonts_with_tounicode_and_carries_the_name() {
    let (Some(qpdf), Some(pdffonts), Some(pdftotext)) =
        (program("qpdf"), program("pdffonts"), program("pdftotext"))
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for file in render_every_draft(dir.path(), "pdf", &[]) {
        let name = file.display();
        let check = Command::new(&qpdf)
            .arg("--check")
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        let fonts = Command::new(&pdffonts).arg(&file).output().unwrap();
        let fonts = String::from_utf8_lossy(&fonts.stdout);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{name}: no fonts");
        for row in rows {
            // name type encoding emb sub uni …: every font embedded, subset, with ToUnicode.
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{name}: {row}");
            assert!(cols[0].contains('+'), "{name}: not a subset: {row}");
        }
        let text = Command::new(&pdftotext)
            .arg(&file)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // `<sample>.<document>.<lang>.pdf`: the sample's object name, in the draft's language.
        let stem = file.file_name().unwrap().to_string_lossy().to_string();
        let parts: Vec<&str> = stem.split('.').collect();
        let (sample, lang) = (parts[0], parts[2]);
        let (_, kk, ru) = OBJECT_NAMES
            .iter()
            .find(|(s, _, _)| *s == sample)
            .unwrap_or_else(|| panic!("{name}: not a sample"));
        let needle = if lang == "kk" { kk } else { ru };
        assert!(
            text.contains(needle),
            "{name}: the object's name ({needle}) is not in the text:\n{text}"
        );
    }
}

/// PDF/A-2b: no validator ships with the distribution, so the parts we can see are checked
/// here (docs/limits.md says what is and is not verified): the XMP claims part 2, level B;
/// an sRGB OutputIntent with an embedded profile; no encryption, JavaScript, embedded files
/// or transparency groups.
#[test]
fn every_pdf_carries_the_pdfa_2b_markers_and_none_of_the_forbidden_features() {
    let dir = tempfile::tempdir().unwrap();
    for file in render_every_draft(dir.path(), "pdf", &[]) {
        let name = file.display();
        let bytes = std::fs::read(&file).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        assert!(!doc.is_encrypted(), "{name}: encrypted");
        let catalog = doc.catalog().unwrap();
        let meta = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
        let xmp = doc.get_object(meta).unwrap().as_stream().unwrap();
        let xmp = String::from_utf8_lossy(&xmp.content);
        assert!(
            (xmp.contains("<pdfaid:part>2</pdfaid:part>") || xmp.contains("pdfaid:part=\"2\""))
                && (xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>")
                    || xmp.contains("pdfaid:conformance=\"B\"")),
            "{name}: no PDF/A-2b claim in the XMP:\n{xmp}"
        );
        let intents = doc
            .dereference(catalog.get(b"OutputIntents").unwrap())
            .unwrap()
            .1
            .as_array()
            .unwrap();
        let intent = doc.dereference(&intents[0]).unwrap().1.as_dict().unwrap();
        assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
        assert!(
            intent.get(b"DestOutputProfile").is_ok(),
            "{name}: no ICC profile"
        );
        for forbidden in [&b"/JavaScript"[..], b"/JS ", b"/EmbeddedFile", b"/Launch"] {
            assert!(
                !bytes.windows(forbidden.len()).any(|w| w == forbidden),
                "{name}: carries {}",
                String::from_utf8_lossy(forbidden)
            );
        }
    }
}

/// The names of `node`'s child elements, in order.
fn child_names<'a>(node: roxmltree::Node<'a, 'a>) -> Vec<&'a str> {
    node.children()
        .filter(|c| c.is_element())
        .map(|c| c.tag_name().name())
        .collect()
}

/// `names` follow the order of `schema` (names not listed there fail too).
fn in_schema_order(names: &[&str], schema: &[&str]) -> Result<(), String> {
    let mut last = 0;
    for n in names {
        let i = schema
            .iter()
            .position(|s| s == n)
            .ok_or_else(|| format!("{n} is not expected here: {names:?}"))?;
        if i < last {
            return Err(format!("{n} out of order: {names:?}"));
        }
        last = i;
    }
    Ok(())
}

// ECMA-376 Part 1 (transitional), the sequences of CT_PPr, CT_RPr, CT_TblPr, CT_Style and
// CT_TcPr, as far as a writer could use them.
const PPR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];
const RPR: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
];
const TBLPR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
];
const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];
const TCPR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
];

#[test]
fn word_xml_follows_the_schema_order_with_a_table_grid_and_real_footnotes() {
    let (ended, old) = extra_dossiers();
    let dir = tempfile::tempdir().unwrap();
    let files = render_every_draft(dir.path(), "docx", &[ended.path(), old.path()]);
    // A custom template with a footnote: it must land in footnotes.xml, not the body.
    let template = dir.path().join("order.md");
    std::fs::write(
        &template,
        "# ПРИКАЗ (ПРОЕКТ)\n\nТекст[^a].\n\n[^a]: Сноска.\n",
    )
    .unwrap();
    let with_note = dir.path().join("note.docx");
    dossier()
        .args([
            "render",
            "order",
            "--lang",
            "ru",
            "--today",
            "2026-11-24",
            "--template",
        ])
        .arg(&template)
        .arg("-o")
        .arg(&with_note)
        .arg(root().join("sample-dossiers/esedo"))
        .assert()
        .code(0);
    for file in files.iter().chain([&with_note]) {
        let name = file.display();
        let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
        let mut part = |p: &str| {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(p).unwrap(), &mut s).unwrap();
            s
        };
        let (document, styles, footnotes, core) = (
            part("word/document.xml"),
            part("word/styles.xml"),
            part("word/footnotes.xml"),
            part("docProps/core.xml"),
        );
        for xml in [&document, &styles] {
            let tree = roxmltree::Document::parse(xml).unwrap();
            for node in tree.descendants().filter(|n| n.is_element()) {
                let order = match node.tag_name().name() {
                    "pPr" => PPR,
                    "rPr" => RPR,
                    "tblPr" => TBLPR,
                    "style" => STYLE,
                    "tcPr" => TCPR,
                    _ => continue,
                };
                if let Err(e) = in_schema_order(&child_names(node), order) {
                    panic!("{name}: {e}");
                }
            }
            for grid in tree.descendants().filter(|n| {
                n.has_tag_name((
                    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "tblGrid",
                ))
            }) {
                assert!(!child_names(grid).is_empty(), "{name}: empty tblGrid");
            }
        }
        assert!(
            styles.contains(r#"w:default="1" w:styleId="Normal""#),
            "{name}"
        );
        assert!(styles.contains("<w:lang "), "{name}: no language");
        assert!(
            !core.contains("1970") && !core.contains("unknown"),
            "{name}: {core}"
        );
        assert!(
            !document.contains("Liberation"),
            "{name}: a font Windows lacks"
        );
        if file == &with_note {
            assert!(
                document.contains("<w:footnoteReference w:id=\"1\"/>"),
                "{document}"
            );
            assert!(footnotes.contains("Сноска."), "{footnotes}");
            assert!(!document.contains("Сноска."), "the footnote is in the body");
        }
    }
}

/// `check` over the samples in `format`, to a file in `dir`.
fn check_to_file(dir: &Path, format: &str, extra: &[&str]) -> PathBuf {
    let file = dir.join(format!("report.{format}"));
    let run = dossier()
        .args(["check", "--today", TODAY, "--format", format, "-o"])
        .arg(&file)
        .args(extra)
        .arg("sample-dossiers")
        .output()
        .unwrap();
    assert!(file.is_file(), "{}", String::from_utf8_lossy(&run.stderr));
    file
}

#[test]
fn csv_opens_in_libreoffice_calc_as_a_table_of_every_row() {
    let Some(soffice) = program("soffice") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let csv = check_to_file(dir.path(), "csv", &[]);
    let lines = std::fs::read_to_string(&csv).unwrap().lines().count();
    // Header plus one row per requirement: 8 for each of the four information systems, 7 for
    // the hardware-software complex.
    assert_eq!(lines, 1 + 4 * 8 + 7);
    let profile = dir.path().join("profile");
    let run = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        // CSV filter: comma-separated, UTF-8 (76), first line read as data like the rest.
        .args([
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&csv)
        .output()
        .unwrap();
    let xlsx = dir.path().join("report.xlsx");
    assert!(xlsx.is_file(), "{}", String::from_utf8_lossy(&run.stderr));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    let doc = roxmltree::Document::parse(&sheet).unwrap();
    let rows: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("row"))
        .collect();
    assert_eq!(rows.len(), lines, "rows in Calc");
    // Every row has the thirteen columns: no field was split at a comma inside it.
    for row in &rows {
        let cells = row.children().filter(|n| n.has_tag_name("c")).count();
        assert!(cells <= 13, "{cells} cells");
    }
    let shared = {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/sharedStrings.xml").unwrap(), &mut s)
            .unwrap();
        s
    };
    assert!(
        shared.contains("Министерство цифрового развития, инноваций"),
        "a name with commas stays one cell"
    );
}

#[test]
fn junit_validates_against_the_junit_schema() {
    let Some(xmllint) = program("xmllint") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let xml = check_to_file(dir.path(), "junit", &[]);
    let run = Command::new(xmllint)
        .args(["--noout", "--schema"])
        .arg(root().join("tests/data/junit.xsd"))
        .arg(&xml)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // The schema is not a formality: a test case without a name is refused.
    let broken = dir.path().join("broken.xml");
    std::fs::write(
        &broken,
        std::fs::read_to_string(&xml)
            .unwrap()
            .replacen(" name=\"3(1)", " label=\"3(1)", 1),
    )
    .unwrap();
    let run = Command::new(program("xmllint").unwrap())
        .args(["--noout", "--schema"])
        .arg(root().join("tests/data/junit.xsd"))
        .arg(&broken)
        .output()
        .unwrap();
    assert!(!run.status.success());
}

#[test]
fn the_portfolio_page_renders_in_chromium_with_its_text_and_no_script() {
    let chromium = program("chromium").or_else(|| program("chromium-browser"));
    let (Some(chromium), Some(pdfinfo)) = (chromium, program("pdfinfo")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = check_to_file(dir.path(), "html", &["--lang", "ru"]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"));
    assert!(page.contains("<svg"), "the chart is inline SVG");
    let shot = dir.path().join("page.png");
    let run = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .args([
            "--window-size=1024,1400",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&run.stderr);
    assert!(!log.contains("CONSOLE"), "console messages: {log}");
    let png = std::fs::read(&shot).unwrap();
    // The PNG header gives the size: the whole window was painted.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1024, 1400));
    let dom = Command::new(&chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    for text in [
        "Итоги по государственным органам",
        "sample-dossiers/e-licensing",
        "Ближайшие сроки по Правилам",
        "Министерство юстиции Республики Казахстан",
    ] {
        assert!(dom.contains(text), "{text} not on the page");
    }
    // It prints on A4.
    let printed = dir.path().join("page.pdf");
    print_in_chromium(&chromium, &html, &printed);
    let info = Command::new(&pdfinfo).arg(&printed).output().unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("(A4)"));
}

/// SARIF from `check --format sarif` validates against the published SARIF 2.1.0 schema
/// (tests/data/sarif-schema-2.1.0.json, from oasis-tcs/sarif-spec), with python3-jsonschema;
/// the schema is not a formality: a result without its message is refused.
#[test]
fn sarif_validates_against_the_published_2_1_0_schema() {
    let Some(python) = system_python("jsonschema") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sarif = check_to_file(dir.path(), "sarif", &[]);
    let validate = |file: &Path| {
        Command::new(&python)
            .args([
                "-c",
                "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))",
            ])
            .arg(root().join("tests/data/sarif-schema-2.1.0.json"))
            .arg(file)
            .output()
            .unwrap()
    };
    let run = validate(&sarif);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    // Each result points at the file and line the finding carries, under a rule of its code.
    let rules: Vec<&str> = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for r in results {
        assert!(rules.contains(&r["ruleId"].as_str().unwrap()), "{r}");
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            uri.ends_with("dossier.yaml") || uri.contains("/docs/"),
            "{r}"
        );
    }
    let broken = dir.path().join("broken.sarif");
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    std::fs::write(&broken, bad.to_string()).unwrap();
    assert!(!validate(&broken).status.success());
}

/// The distribution's Python when it has `modules` (comma-separated; `.ci/run` installs them
/// from the distribution's packages); None is a loud skip.
fn system_python(modules: &str) -> Option<PathBuf> {
    let python = PathBuf::from("/usr/bin/python3");
    let ok = Command::new(&python)
        .args(["-c", &format!("import {modules}")])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("DOSSIER_REQUIRE_PROGRAMS").is_none(),
            "/usr/bin/python3 lacks {modules} although .ci/run installed them"
        );
        eprintln!("SKIPPED: /usr/bin/python3 with {modules} is not installed");
        return None;
    }
    Some(python)
}

/// Validates each YAML file against a schema as an editor's YAML language server would (dates
/// stay strings); prints `path: ERROR-PATH` for each error.
const VALIDATE_YAML: &str = r#"
import json, sys, yaml, jsonschema
class L(yaml.SafeLoader): pass
L.yaml_implicit_resolvers = {k: [r for r in v if r[0] != 'tag:yaml.org,2002:timestamp'] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
for f in sys.argv[2:]:
    for e in v.iter_errors(yaml.load(open(f), Loader=L)):
        print(f + ": /" + "/".join(str(p) for p in e.absolute_path))
"#;

/// Issue 22 item 5: `dossier schema` is a JSON Schema (draft 2020-12) every sample validates
/// against, which rejects a broken dossier at the path of its mistake; `--report` validates
/// `check --format json`.
#[test]
fn the_dossier_schema_validates_every_sample_and_rejects_a_broken_one() {
    let Some(python) = system_python("jsonschema, yaml") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("dossier.schema.json");
    let run = dossier()
        .args(["schema", "-o"])
        .arg(&schema)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let samples: Vec<PathBuf> = std::fs::read_dir(root().join("sample-dossiers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.join("dossier.yaml"))
        .collect();
    let out = Command::new(&python)
        .args(["-c", VALIDATE_YAML])
        .arg(&schema)
        .args(&samples)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "", "samples rejected");
    // Broken: a fact of the wrong type, a document of another kind, an unknown key.
    let broken = dir.path().join("broken.yaml");
    let text = std::fs::read_to_string(root().join("sample-dossiers/esedo/dossier.yaml"))
        .unwrap()
        .replace(
            "active_registered_users: ",
            "active_registered_users: many # ",
        )
        .replace("documents:\n", "documents:\n  specifications: docs/x.pdf\n")
        .replace("schema: 1\n", "schema: 1\nfactz: {}\n");
    std::fs::write(&broken, text).unwrap();
    let out = Command::new(&python)
        .args(["-c", VALIDATE_YAML])
        .arg(&schema)
        .arg(&broken)
        .output()
        .unwrap();
    let errors = String::from_utf8_lossy(&out.stdout);
    for path in [
        "/facts/active_registered_users",
        "/documents",
        "broken.yaml: /\n",
    ] {
        assert!(errors.contains(path), "{path} not among:\n{errors}");
    }
    // The report's schema validates the report.
    let report_schema = dir.path().join("report.schema.json");
    dossier()
        .args(["schema", "--report", "-o"])
        .arg(&report_schema)
        .output()
        .unwrap();
    let report = check_to_file(dir.path(), "json", &[]);
    let out = Command::new(&python)
        .args([
            "-c",
            "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))",
        ])
        .arg(&report_schema)
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `init` names the schema it writes in the modeline editors read.
#[test]
fn init_writes_the_schema_its_dossier_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new");
    let run = dossier()
        .args(["init", "--kind", "information-system"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let yaml = std::fs::read_to_string(path.join("dossier.yaml")).unwrap();
    assert!(
        yaml.starts_with("# yaml-language-server: $schema=dossier.schema.json\n"),
        "{yaml}"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path.join("dossier.schema.json")).unwrap())
            .unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

/// Issue 22 item 7: `check --format xlsx` is a workbook a spreadsheet library reads back — a
/// sheet per view, header rows frozen, dates as dates, counts as numbers, yes/no as booleans, no
/// formula — and LibreOffice Calc opens.
#[test]
fn the_workbook_reads_back_with_typed_cells_and_opens_in_calc() {
    let Some(python) = system_python("openpyxl") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let book = check_to_file(dir.path(), "xlsx", &[]);
    let script = r#"
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["dossiers", "documents", "findings"], wb.sheetnames
for ws in wb.worksheets:
    assert ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
    assert ws.auto_filter.ref, ws.title
    for row in ws.iter_rows():
        for c in row:
            assert c.data_type != "f", (ws.title, c.coordinate, c.value)
d = wb["dossiers"]
head = [c.value for c in d[1]]
assert head[:6] == ["path", "object", "state_body", "kind", "edition", "outcome"], head
rows = list(d.iter_rows(min_row=2, values_only=True))
assert len(rows) == 5, rows
esedo = [r for r in rows if r[0].endswith("esedo")][0]
col = {name: i for i, name in enumerate(head)}
assert isinstance(esedo[col["score"]], (int, float)) and esedo[col["score"]] == 7, esedo
assert esedo[col["ready"]] is True, esedo
assert isinstance(esedo[col["application_date"]], datetime.datetime), esedo
assert d.column_dimensions["B"].width > 20
docs = list(wb["documents"].iter_rows(min_row=2, values_only=True))
assert any(isinstance(r[6], datetime.datetime) for r in docs), "no valid_until date"
print("ok", len(rows), len(docs))
"#;
    let out = Command::new(&python)
        .args(["-c", script])
        .arg(&book)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let Some(soffice) = program("soffice") else {
        return;
    };
    let converted = dir.path().join("calc");
    let run = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        ))
        // Comma-separated, quoted with ", in UTF-8 (76): the first sheet.
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
        ])
        .arg(&converted)
        .arg(&book)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let csv = std::fs::read_to_string(converted.join("report.csv")).unwrap();
    assert!(csv.starts_with("path,object,state_body"), "{csv}");
    assert_eq!(csv.lines().count(), 6, "{csv}");
}
