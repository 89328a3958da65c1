//! Hostile input is normal input: every reproducer of the attack on the release binary, each
//! asserting its exact outcome; the resource cases run under a memory ceiling (RLIMIT_DATA,
//! set with `prlimit`) and a time limit, and none may panic, abort or hang.

use crate::support::*;
use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The memory ceiling of every hostile run: the issue's 100 MB.
const CEILING: u64 = 100 * 1000 * 1000;
/// Generous for a debug build on a loaded CI machine; the release binary takes well under 1 s.
const TIME_LIMIT: Duration = Duration::from_secs(20);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary under the memory ceiling and the time limit; a run that is killed, panics
/// (101) or aborts fails the test.
fn limited(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Run {
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    let mut cmd = Command::new("prlimit");
    cmd.arg(format!("--data={CEILING}:{CEILING}"))
        .arg("--")
        .arg(&bin);
    for a in args {
        cmd.arg(a.as_ref());
    }
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        if k.starts_with("DOSSIER_")
            || k.starts_with("LC_")
            || k.starts_with("CLICOLOR")
            || k == "LANG"
            || k == "NO_COLOR"
        {
            cmd.env_remove(&k);
        }
    }
    let mut child = cmd
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("prlimit runs");
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!(
                "the run took longer than {TIME_LIMIT:?}: {args:?}",
                args = args
                    .iter()
                    .map(|a| a.as_ref().to_os_string())
                    .collect::<Vec<OsString>>()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    };
    assert!(
        matches!(run.code, Some(0..=2)),
        "exit {:?} (killed, panicked or aborted)\n{}",
        run.code,
        run.stderr
    );
    run
}

fn check_json(dir: &Path) -> (i32, serde_json::Value) {
    let run = limited(&[&"check", &"--format", &"json", &"--today", &TODAY, &dir]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr));
    (run.code.unwrap(), v)
}

/// A dossier whose technical documentation is `bytes`; the verdict of that document.
fn judged_as(bytes: &[u8]) -> serde_json::Value {
    let f = Fixture::information_system();
    f.file("docs/tz.pdf", bytes);
    let (_, v) = check_json(f.path());
    document_in(&v["dossiers"][0], "technical-documentation")
}

fn assert_not_present(doc: &serde_json::Value, why: &str) {
    assert_ne!(doc["status"], "present", "{why}: {doc}");
}

/// A sparse file of `size` bytes starting with `head` (and ending with `tail`).
fn sparse(path: &Path, head: &[u8], size: u64, tail: &[u8]) {
    let mut f = std::fs::File::create(path).unwrap();
    f.write_all(head).unwrap();
    f.set_len(size - tail.len() as u64).unwrap();
    use std::io::Seek;
    f.seek(std::io::SeekFrom::End(0)).unwrap();
    f.write_all(tail).unwrap();
}

/// A PDF whose cross-reference stream inflates to `inflated` bytes (a compression bomb).
fn pdf_with_bomb_xref(inflated: usize) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..inflated >> 20 {
        z.write_all(&zeros).unwrap();
    }
    let data = z.finish().unwrap();
    let mut out = b"%PDF-1.5\n".to_vec();
    let at = out.len();
    out.extend_from_slice(
        format!(
            "1 0 obj\n<< /Type /XRef /Size 2 /W [1 4 2] /Filter /FlateDecode /Length {} >>\nstream\n",
            data.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&data);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{at}\n%%EOF\n").as_bytes());
    out
}

// --- Containment -----------------------------------------------------------------------------

#[test]
fn a_symlink_race_never_reads_outside_the_dossier() {
    let f = Fixture::information_system();
    let outside = tempfile::tempdir().unwrap();
    put(outside.path(), "secret.pdf", &pdf("outside", 7));
    put(outside.path(), "docs/tz.pdf", &pdf("outside", 7));
    // `docs` is a link to the real folder inside; in it, `tz.pdf` is a link to a document
    // beside it. A thread flips the file link to the outside secret and back, and the folder
    // link to an outside folder and back, each by an atomic rename.
    let real = f.path().join("docs-real");
    std::fs::rename(f.path().join("docs"), &real).unwrap();
    std::fs::rename(real.join("tz.pdf"), real.join("inside.pdf")).unwrap();
    put(&real, "inside.pdf", &pdf("inside", 1));
    let flip = |link: &Path, to: &Path| {
        let tmp = link.with_extension("flip");
        let _ = std::fs::remove_file(&tmp);
        std::os::unix::fs::symlink(to, &tmp).unwrap();
        std::fs::rename(&tmp, link).unwrap();
    };
    flip(&f.path().join("docs"), Path::new("docs-real"));
    flip(&real.join("tz.pdf"), Path::new("inside.pdf"));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flipper = {
        let stop = stop.clone();
        let (docs, file) = (f.path().join("docs"), real.join("tz.pdf"));
        let (secret, outside_docs) = (
            outside.path().join("secret.pdf"),
            outside.path().join("docs"),
        );
        std::thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                let file_to = if n.is_multiple_of(2) {
                    Path::new("inside.pdf")
                } else {
                    secret.as_path()
                };
                flip(&file, file_to);
                let docs_to = if n.is_multiple_of(3) {
                    outside_docs.as_path()
                } else {
                    Path::new("docs-real")
                };
                flip(&docs, docs_to);
            }
        })
    };
    let (mut outside_reads, mut refused, mut counted) = (0, 0, 0);
    for _ in 0..60 {
        let out = dossier()
            .args(["check", "--format", "json", "--today", TODAY])
            .arg(f.path())
            .timeout(TIME_LIMIT)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let doc = document_in(&v["dossiers"][0], "technical-documentation");
        if doc["pages"] == 7 {
            outside_reads += 1;
        } else if doc["status"] == "present" {
            counted += 1;
        } else {
            refused += 1;
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    flipper.join().unwrap();
    assert_eq!(outside_reads, 0, "pages of the outside PDF were counted");
    // The race really ran: the check saw the inside file and the link out, both.
    assert!(
        counted > 0 && refused > 0,
        "counted {counted}, refused {refused}"
    );
}

#[test]
fn a_link_to_an_outside_fifo_never_hangs() {
    let f = Fixture::information_system();
    let outside = tempfile::tempdir().unwrap();
    let fifo = outside.path().join("pipe");
    make_fifo(&fifo);
    std::fs::remove_file(f.path().join("docs/tz.pdf")).unwrap();
    std::os::unix::fs::symlink(&fifo, f.path().join("docs/tz.pdf")).unwrap();
    let (_, v) = check_json(f.path());
    let doc = document_in(&v["dossiers"][0], "technical-documentation");
    assert_eq!(doc["status"], "invalid", "{doc}");
    assert!(
        doc["message"].as_str().unwrap().contains("outside"),
        "{doc}"
    );
}

#[test]
fn a_fifo_inside_the_dossier_is_not_a_document_and_never_hangs() {
    let f = Fixture::information_system();
    std::fs::remove_file(f.path().join("docs/tz.pdf")).unwrap();
    make_fifo(&f.path().join("docs/tz.pdf"));
    let doc = document_in(
        &check_json(f.path()).1["dossiers"][0],
        "technical-documentation",
    );
    assert_eq!(doc["status"], "invalid", "{doc}");
    assert!(
        doc["message"].as_str().unwrap().contains("special file"),
        "{doc}"
    );
}

// --- Settings stay in their tree -------------------------------------------------------------

#[test]
fn a_siblings_settings_never_change_a_verdict_and_a_broken_one_spoils_only_its_own() {
    let tree = tempfile::tempdir().unwrap();
    let honest = tree.path().join("honest");
    let lax = tree.path().join("lax");
    let broken = tree.path().join("broken");
    for d in [&honest, &lax, &broken] {
        let f = Fixture::information_system();
        copy_dir(f.path(), d);
    }
    // Every dossier fails the criteria as written: 1.1 only.
    for d in [&honest, &lax, &broken] {
        let y = std::fs::read_to_string(d.join("dossier.yaml")).unwrap();
        let y = y
            .replace("  unified_transport_environment: true\n", "")
            .replace("  active_registered_users: 1001\n", "");
        std::fs::write(d.join("dossier.yaml"), y).unwrap();
    }
    // A sibling loads an edition that passes anything.
    let lax_edition = dossier_model::edition::Editions::built_in_text("order-29-2024")
        .unwrap()
        .replace("min_total = 3", "min_total = 0")
        .replace("min_group_points = 1", "min_group_points = 0");
    std::fs::write(lax.join("lax.toml"), lax_edition).unwrap();
    std::fs::write(lax.join("dossier.toml"), "editions = [\"lax.toml\"]\n").unwrap();
    std::fs::write(broken.join("dossier.toml"), "nonsense = 1\n").unwrap();
    let (code, v) = check_json(tree.path());
    assert_eq!(code, 2, "a broken dossier.toml makes the run exit 2");
    let by_path = |name: &str| {
        v["dossiers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"].as_str().unwrap().ends_with(name))
            .unwrap()
            .clone()
    };
    assert_eq!(by_path("honest")["outcome"], "refuse", "{v}");
    assert_eq!(by_path("lax")["outcome"], "include", "{v}");
    let b = by_path("broken");
    assert_eq!(b["outcome"], "invalid");
    assert_eq!(b["diagnostics"][0]["code"], "settings.invalid", "{b}");
}

#[test]
fn an_untrusted_settings_file_is_ignored_with_a_warning_and_root_stops_the_lookup() {
    let tree = tempfile::tempdir().unwrap();
    let inner = tree.path().join("team");
    let d = inner.join("esedo");
    copy_dir(Fixture::information_system().path(), &d);
    use std::os::unix::fs::PermissionsExt;
    // Group-writable: not applied.
    std::fs::write(inner.join("dossier.toml"), "lang = \"ru\"\n").unwrap();
    std::fs::set_permissions(
        inner.join("dossier.toml"),
        std::fs::Permissions::from_mode(0o664),
    )
    .unwrap();
    let (_, v) = check_json(&d);
    let warn = diagnostics(&v["dossiers"][0], "settings.ignored");
    assert_eq!(warn.len(), 1, "{v}");
    // `root = true` in the team's file: the file above it never applies.
    std::fs::set_permissions(
        inner.join("dossier.toml"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::fs::write(inner.join("dossier.toml"), "root = true\n").unwrap();
    std::fs::write(tree.path().join("dossier.toml"), "bogus = 1\n").unwrap();
    let (code, v) = check_json(&d);
    assert_eq!(code, 0, "{v}");
    assert!(diagnostics(&v["dossiers"][0], "settings.ignored").is_empty());
}

#[test]
fn settings_that_name_a_device_or_a_fifo_are_refused_at_once() {
    // (An absolute path such as /dev/zero is refused before anything is opened: see
    // settings_read_nothing_outside_their_tree. A FIFO inside the tree is opened, not read.)
    let f = Fixture::information_system();
    make_fifo(&f.path().join("pipe.toml"));
    f.file("dossier.toml", "editions = [\"pipe.toml\"]\n".as_bytes());
    let (code, v) = check_json(f.path());
    assert_eq!(code, 2);
    let e = &v["dossiers"][0]["diagnostics"][0];
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("not a regular file"),
        "{e}"
    );
}

// --- Memory and time bounded by the input ------------------------------------------------------

#[test]
fn forty_thousand_unknown_document_ids_are_reported_within_bounds() {
    let mut f = Fixture::information_system();
    let mut extra = String::new();
    for i in 0..40_000 {
        extra.push_str(&format!("  x{i}: a.pdf\n"));
    }
    f.edit("documents:\n", &format!("documents:\n{extra}"));
    let (code, v) = check_json(f.path());
    assert_eq!(code, 2);
    let d = &v["dossiers"][0]["diagnostics"];
    assert_eq!(
        d.as_array().unwrap().len(),
        101,
        "100 findings and one that counts the rest"
    );
    assert_eq!(d[100]["code"], "findings.truncated");
}

#[test]
fn a_sparse_two_gib_pdf_without_xref_at_its_end_is_damaged_at_once() {
    let f = Fixture::information_system();
    sparse(
        &f.path().join("docs/tz.pdf"),
        b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n",
        2 << 30,
        b"",
    );
    let doc = document_in(
        &check_json(f.path()).1["dossiers"][0],
        "technical-documentation",
    );
    assert_eq!(doc["status"], "invalid", "{doc}");
    assert!(
        doc["message"].as_str().unwrap().contains("startxref"),
        "{doc}"
    );
}

#[test]
fn a_sparse_four_gib_pdf_whose_startxref_points_nowhere_is_damaged_at_once() {
    let f = Fixture::information_system();
    sparse(
        &f.path().join("docs/tz.pdf"),
        b"%PDF-1.4\n",
        4 << 30,
        b"\nstartxref\n1000\n%%EOF\n",
    );
    let doc = document_in(
        &check_json(f.path()).1["dossiers"][0],
        "technical-documentation",
    );
    assert_eq!(doc["status"], "invalid", "{doc}");
}

#[test]
fn an_eight_gib_file_starting_like_a_zip_is_damaged_at_once() {
    let f = Fixture::information_system();
    sparse(&f.path().join("docs/tz.pdf"), b"PK\x03\x04", 8 << 30, b"");
    let doc = document_in(
        &check_json(f.path()).1["dossiers"][0],
        "technical-documentation",
    );
    assert_eq!(doc["status"], "invalid", "{doc}");
    assert!(
        doc["message"].as_str().unwrap().contains("end record"),
        "{doc}"
    );
}

#[test]
fn a_compression_bomb_in_the_xref_stream_stays_under_the_ceiling() {
    let doc = judged_as(&pdf_with_bomb_xref(512 << 20));
    assert_eq!(doc["status"], "invalid", "{doc}");
    assert!(doc["message"].as_str().unwrap().contains("limit"), "{doc}");
}

#[test]
fn a_zip_claiming_too_many_entries_is_damaged() {
    let mut z = zip_of(&[("word/document.xml", "<w/>".into())]);
    let at = z.windows(4).rposition(|w| w == b"PK\x05\x06").unwrap();
    z[at + 10..at + 12].copy_from_slice(&60_000u16.to_le_bytes());
    z[at + 8..at + 10].copy_from_slice(&60_000u16.to_le_bytes());
    let doc = judged_as(&z);
    assert_eq!(doc["status"], "invalid", "{doc}");
}

// --- Documents are what they claim to be -------------------------------------------------------

#[test]
fn stubs_of_images_and_rtf_are_not_documents() {
    for (name, bytes) in [
        ("3-byte JPEG", &b"\xff\xd8\xff"[..]),
        ("8-byte PNG", &b"\x89PNG\r\n\x1a\n"[..]),
        ("5-byte RTF", &b"{\\rtf"[..]),
    ] {
        assert_not_present(&judged_as(bytes), name);
    }
}

#[test]
fn office_files_whose_main_part_is_empty_or_broken_are_not_documents() {
    let empty = zip_of(&[("word/document.xml", String::new())]);
    assert_not_present(&judged_as(&empty), "empty document.xml");
    // A main part that claims deflate but holds garbage.
    let mut garbage = zip_of(&[(
        "word/document.xml",
        "this is no deflate stream at all".into(),
    )]);
    for sig in [&b"PK\x03\x04"[..], &b"PK\x01\x02"[..]] {
        let at = garbage.windows(4).position(|w| w == sig).unwrap();
        let method = if sig[2] == 3 { at + 8 } else { at + 10 };
        garbage[method] = 8;
    }
    assert_not_present(&judged_as(&garbage), "main part does not inflate");
    // An OpenDocument file whose mimetype entry is flagged encrypted.
    let mut odt = zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text".into()),
        ("content.xml", "<x/>".into()),
    ]);
    for sig in [&b"PK\x03\x04"[..], &b"PK\x01\x02"[..]] {
        let at = odt.windows(4).position(|w| w == sig).unwrap();
        let flags = if sig[2] == 3 { at + 6 } else { at + 8 };
        odt[flags] |= 1;
    }
    assert_not_present(&judged_as(&odt), "encrypted ODT");
}

#[test]
fn an_ole_file_with_an_impossible_fat_count_is_not_a_document() {
    let mut c = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    c.create_stream("WordDocument")
        .unwrap()
        .write_all(b"text")
        .unwrap();
    let mut ole = c.into_inner().into_inner();
    ole[44..48].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_not_present(&judged_as(&ole), "FAT count beyond the file");
}

#[test]
fn a_page_count_the_page_tree_does_not_hold_is_damage() {
    for (pages, declared) in [(1, 500), (1, 4_294_967_295), (0, 0)] {
        let doc = judged_as(&crate::pdf::classic(pages, declared));
        assert_eq!(doc["status"], "invalid", "{pages}/{declared}: {doc}");
    }
    let doc = judged_as(&crate::pdf::classic(3, 3));
    assert_eq!(
        (doc["status"].clone(), doc["pages"].clone()),
        ("present".into(), 3.into())
    );
}

#[test]
fn the_same_file_listed_twice_counts_once() {
    let mut f = Fixture::information_system();
    f.file("docs/tz.pdf", &pdf("tz", 2));
    f.edit(
        "technical-documentation: docs/tz.pdf",
        "technical-documentation: [docs/tz.pdf, docs/tz.pdf, docs/./tz.pdf, docs/tz.pdf]",
    );
    let (_, v) = f.check_json();
    let doc = document_in(&v, "technical-documentation");
    assert_eq!(doc["pages"], 2, "{doc}");
    assert_eq!(diagnostics(&v, "document.duplicate").len(), 3, "{v}");
}

// --- Editions and templates --------------------------------------------------------------------

#[test]
fn an_enormous_period_or_an_edition_without_grounds_is_refused_at_its_line() {
    let huge = amended_edition("working_days = 5", "working_days = 4294967295");
    let run = limited(&[
        &"rules",
        &"show",
        &"--rules",
        &huge.path(),
        &"order-29-2024",
    ]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("rules.invalid") && run.stderr.contains("366"),
        "{}",
        run.stderr
    );
    let text = dossier_model::edition::Editions::built_in_text("order-29-2024").unwrap();
    let no_grounds: String = text
        .split("\n[[")
        .filter(|t| !t.starts_with("ground]]"))
        .collect::<Vec<_>>()
        .join("\n[[");
    let f = edition_file(&no_grounds);
    let run = limited(&[&"rules", &"list", &"--rules", &f.path()]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("[[ground]]"), "{}", run.stderr);
}

#[test]
fn an_edition_with_many_more_rows_gives_a_greedy_set_at_once() {
    let mut rows = String::new();
    for i in 0..30 {
        rows.push_str(&format!(
            "\n[[criterion]]\nid = \"9.{i}\"\ngroup = \"3\"\napplies_to = [\"information-system\"]\nfact = \"e_services\"\nop = \">\"\nthreshold = {}\nwording = {{ en = \"x\", ru = \"x\", kk = \"x\" }}\n",
            1000 + i
        ));
    }
    let text = dossier_model::edition::Editions::built_in_text("order-29-2024").unwrap();
    let f = edition_file(&format!("{text}{rows}"));
    let d = Fixture::information_system();
    let mut y = d.yaml.clone();
    y = y.replace("  active_registered_users: 1001\n", "");
    std::fs::write(d.path().join("dossier.yaml"), y).unwrap();
    let run = limited(&[
        &"score",
        &"--format",
        &"json",
        &"--today",
        &TODAY,
        &"--rules",
        &f.path(),
        &d.path(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["score"]["to_pass_partial"], true, "{v}");
    assert_eq!(v["score"]["to_pass"].as_array().unwrap().len(), 1);
}

#[test]
fn a_template_that_would_grow_without_bound_is_refused() {
    let f = Fixture::information_system();
    let loop_doubling = {
        let mut t = String::from("{% for s0 in [object.name] %}");
        for i in 1..=26 {
            t.push_str(&format!("{{% for s{i} in [s{p} ~ s{p}] %}}", p = i - 1));
        }
        t.push_str("{{ s26 }}");
        t.push_str(&"{% endfor %}".repeat(27));
        t
    };
    let cases: Vec<(&str, &str)> = vec![
        ("doubling", "{% set s = \"x\" %}{% set s = s ~ s %}{{ s }}"),
        ("repeat", "{{ \"x\" * 100000000 }}"),
        // A one-item loop is an assignment: 26 doublings would build a 1 GiB string.
        ("loop-doubling", &loop_doubling),
        // A `}}` inside a string literal does not end the tag.
        (
            "string-hides-operator",
            "{{ \"}}\" ~ (\"x\" * 1000000000) }}",
        ),
        // Lists grow by `+`.
        (
            "list-doubling",
            "{% for l in [[1] + [1]] %}{{ l }}{% endfor %}",
        ),
        (
            "loops",
            "{% for a in filings %}{% for b in filings %}{% for c in filings %}{{ object.name }}{% endfor %}{% endfor %}{% endfor %}",
        ),
    ];
    for (name, body) in cases {
        let mut t = tempfile::Builder::new().suffix(".md").tempfile().unwrap();
        t.write_all(body.as_bytes()).unwrap();
        let run = limited(&[
            &"render",
            &"application",
            &"--lang",
            &"ru",
            &"--today",
            &TODAY,
            &"--template",
            &t.path(),
            &f.path(),
        ]);
        if name == "loops" {
            // Bounded by the dossier: it renders.
            assert_eq!(run.code, Some(0), "{name}: {}", run.stderr);
        } else {
            assert_eq!(run.code, Some(2), "{name}");
            assert!(
                run.stderr.contains("template.error"),
                "{name}: {}",
                run.stderr
            );
        }
    }
}

// --- Panics, writing, output hygiene -----------------------------------------------------------

#[test]
fn score_json_of_a_link_to_a_dossier_works() {
    let f = Fixture::information_system();
    let links = tempfile::tempdir().unwrap();
    let link = links.path().join("L");
    std::os::unix::fs::symlink(f.path(), &link).unwrap();
    let run = limited(&[&"score", &"--format", &"json", &"--today", &TODAY, &link]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["outcome"], "include", "{v}");
    // A link to a dossier inside a tree is judged, not skipped.
    let tree = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(f.path(), tree.path().join("linked")).unwrap();
    let (code, v) = check_json(tree.path());
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["dossiers"].as_array().unwrap().len(), 1);
}

#[test]
fn out_dir_names_never_collide() {
    let tree = tempfile::tempdir().unwrap();
    for d in ["a/esedo", "b/esedo"] {
        copy_dir(Fixture::information_system().path(), &tree.path().join(d));
    }
    let out = tempfile::tempdir().unwrap();
    let run = limited(&[
        &"render",
        &"application",
        &"--lang",
        &"kk",
        &"--today",
        &TODAY,
        &"--out-dir",
        &out.path(),
        &tree.path().join("a/esedo"),
        &tree.path().join("b/esedo"),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let names = file_names(out.path());
    assert_eq!(
        names,
        ["a-esedo.application.kk.md", "b-esedo.application.kk.md"]
    );
}

#[test]
fn force_replaces_only_a_regular_file() {
    let f = Fixture::information_system();
    let out = tempfile::tempdir().unwrap();
    let fifo = out.path().join("pipe.md");
    make_fifo(&fifo);
    let target = out.path().join("target.md");
    std::fs::write(&target, "keep").unwrap();
    let link = out.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for path in [&fifo, &link] {
        let run = limited(&[
            &"render",
            &"application",
            &"--today",
            &TODAY,
            &"--force",
            &"-o",
            path,
            &f.path(),
        ]);
        assert_eq!(run.code, Some(2));
        assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
        assert!(!run.stderr.contains(".dossier-tmp"), "{}", run.stderr);
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn control_characters_never_reach_the_terminal_raw() {
    let mut f = Fixture::information_system();
    f.edit(
        "ru: \"Тестовая система\"",
        "ru: \"Система\\e[31m FORGED\\nline\"",
    );
    let run = limited(&[&"check", &"--lang", &"ru", &"--today", &TODAY, &f.path()]);
    assert!(!run.stdout.contains('\u{1b}') && !run.stderr.contains('\u{1b}'));
    // Control characters in text are an error of the file, at their line.
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    let (_, v) = check_json(f.path());
    let e = &v["dossiers"][0]["diagnostics"][0];
    assert_eq!(e["code"], "yaml.type", "{e}");
    let mut g = Fixture::information_system();
    g.edit("kk: \"Сынақ жүйесі\"", "kk: \"a\\u0000b\"");
    assert_eq!(check_json(g.path()).0, 2);
}

// --- Strict YAML, and a place for every error --------------------------------------------------

#[test]
fn what_the_format_does_not_allow_is_refused() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "merge key",
            "state_body:\n  name: \"Министерство\"\n",
            "base: &b {name: \"Министерство\"}\nstate_body:\n  <<: *b\n",
        ),
        (
            "binary tag",
            "name: \"Министерство\"",
            "name: !!binary 0JzQuNC90LjRgdGC0LXRgNGB0YLQstC+",
        ),
        (
            "local tag",
            "name: \"Министерство\"",
            "name: !foo \"Министерство\"",
        ),
        ("quoted schema", "schema: 1", "schema: \"1\""),
        ("hex schema", "schema: 1", "schema: 0x1"),
        (
            "negative year",
            "architecture: conforms",
            "architecture: conforms\n  received: -0001-05-01",
        ),
        (
            "spaced date",
            "architecture: conforms",
            "architecture: conforms\n  received: \"  28-05-01\"",
        ),
        (
            "unpadded date",
            "architecture: conforms",
            "architecture: conforms\n  received: \"2028- 5- 1\"",
        ),
        (
            "year zero",
            "architecture: conforms",
            "architecture: conforms\n  received: 0000-05-01",
        ),
        (
            "huge count",
            "active_registered_users: 1001",
            "active_registered_users: 1e300",
        ),
        ("empty name", "name: \"Министерство\"", "name: \"  \""),
        (
            "issued after valid_until",
            "security-test-protocol: docs/protocol.pdf",
            "security-test-protocol:\n    files: [docs/protocol.pdf]\n    issued: 2026-01-01\n    valid_until: 2025-01-01",
        ),
    ];
    for (name, from, to) in cases {
        let mut f = Fixture::information_system();
        f.edit(from, to);
        let (code, v) = check_json(f.path());
        assert_eq!(code, 2, "{name} passed: {v}");
        let e = &v["dossiers"][0]["diagnostics"][0];
        assert!(e["line"].is_number(), "{name}: no line: {e}");
    }
}

#[test]
fn every_yaml_error_has_a_line_and_a_column() {
    let f = Fixture::information_system();
    let good = f.yaml.clone();
    let cases: Vec<(&str, String)> = vec![
        (
            "tab in indentation",
            good.replacen("  name: \"Министерство\"", "\tname: \"Министерство\"", 1),
        ),
        (
            "unclosed quote",
            good.replacen("\"Министерство\"", "\"Министерство", 1),
        ),
        ("NUL", good.replacen("kind:", "ki\0nd:", 1)),
        ("simple key", good.replacen("review:", "review: a: b: c", 1)),
        (
            "unknown anchor",
            good.replacen("architecture: conforms", "architecture: *nowhere", 1),
        ),
    ];
    for (name, text) in cases {
        std::fs::write(f.path().join("dossier.yaml"), &text).unwrap();
        let (code, v) = check_json(f.path());
        assert_eq!(code, 2, "{name}");
        let e = &v["dossiers"][0]["diagnostics"][0];
        assert!(
            e["line"].is_number() && e["column"].is_number(),
            "{name}: {e}"
        );
    }
    // CR-only line endings: the error on line 36 is reported on line 36.
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    while lines.len() < 40 {
        lines.push("# padding".into());
    }
    lines[35] = "bogus_key: 1".into();
    std::fs::write(f.path().join("dossier.yaml"), lines.join("\r")).unwrap();
    let (_, v) = check_json(f.path());
    let e = &v["dossiers"][0]["diagnostics"][0];
    assert_eq!(e["line"], 36, "{e}");
}

/// A real archive of the esedo sample, unpacked into `dir`: returns the archive and the folder.
fn packed_esedo(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let archive = dir.join("esedo.zip");
    let out = dossier()
        .args(["pack", "--today", TODAY, "-o"])
        .arg(&archive)
        .arg(root().join("sample-dossiers/esedo"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let unpacked = dir.join("unpacked");
    zip::ZipArchive::new(std::fs::File::open(&archive).unwrap())
        .unwrap()
        .extract(&unpacked)
        .unwrap();
    (archive, unpacked.join("esedo"))
}

/// The archive again, with `name`'s bytes replaced by `bytes`.
fn repacked(archive: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(archive).unwrap()).unwrap();
    let out = archive.with_file_name(format!("{}.zip", name.replace(['/', '.'], "-")));
    let mut w = zip::ZipWriter::new(std::fs::File::create(&out).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let entry_name = entry.name().to_string();
        w.start_file(&entry_name, options).unwrap();
        if entry_name.ends_with(name) {
            w.write_all(bytes).unwrap();
        } else {
            std::io::copy(&mut entry, &mut w).unwrap();
        }
    }
    w.finish().unwrap();
    out
}

#[test]
fn verify_never_follows_a_name_in_the_sums_out_of_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, _) = packed_esedo(dir.path());
    let zero = "0".repeat(64);
    for name in [
        "../../../../../../../../../../dev/zero",
        "/dev/zero",
        "/etc/passwd",
        "documents/../../../../../../../etc/passwd",
    ] {
        let sums = format!("{zero}  {name}\n");
        let hostile = repacked(&archive, "SHA256SUMS", sums.as_bytes());
        let run = limited(&[&"verify", &"--lang", &"en", &hostile]);
        assert_eq!(run.code, Some(2), "{name}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains(name), "{name}: {}", run.stderr);
        assert!(run.stderr.contains("SHA256SUMS"), "{name}: {}", run.stderr);
    }
}

#[test]
fn verify_of_a_folder_never_reads_a_fifo_a_link_out_or_a_huge_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let (_, folder) = packed_esedo(dir.path());
    let zero = "0".repeat(64);
    let sums_path = folder.join("SHA256SUMS");
    let sums = std::fs::read_to_string(&sums_path).unwrap();

    // A FIFO named in the sums.
    make_fifo(&folder.join("pipe"));
    std::fs::write(&sums_path, format!("{sums}{zero}  pipe\n")).unwrap();
    let run = limited(&[&"verify", &"--lang", &"en", &folder]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("pipe"), "{}", run.stderr);
    std::fs::remove_file(folder.join("pipe")).unwrap();

    // A link out named in the sums.
    std::os::unix::fs::symlink("/etc/passwd", folder.join("passwd")).unwrap();
    std::fs::write(&sums_path, format!("{sums}{zero}  passwd\n")).unwrap();
    let run = limited(&[&"verify", &"--lang", &"en", &folder]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("passwd"), "{}", run.stderr);
    std::fs::remove_file(folder.join("passwd")).unwrap();
    std::fs::write(&sums_path, &sums).unwrap();

    // manifest.json a link to /dev/zero.
    let manifest = folder.join("manifest.json");
    let kept = std::fs::read(&manifest).unwrap();
    std::fs::remove_file(&manifest).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &manifest).unwrap();
    let run = limited(&[&"verify", &"--lang", &"en", &folder]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("manifest.json"), "{}", run.stderr);
    std::fs::remove_file(&manifest).unwrap();

    // 300 MiB of JSON (sparse: nothing is written, and nothing may be read).
    let f = std::fs::File::create(&manifest).unwrap();
    f.set_len(300 << 20).unwrap();
    let run = limited(&[&"verify", &"--lang", &"en", &folder]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("manifest.json"), "{}", run.stderr);
    std::fs::write(&manifest, kept).unwrap();

    let run = limited(&[&"verify", &"--lang", &"en", &folder]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
}

#[test]
fn verify_refuses_a_large_manifest_inside_an_archive() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, _) = packed_esedo(dir.path());
    let mut big = b"{\"files\": [".to_vec();
    big.resize(300 << 20, b' ');
    let hostile = repacked(&archive, "manifest.json", &big);
    let run = limited(&[&"verify", &"--lang", &"en", &hostile]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
}

/// Replaces every occurrence of `from` with `to` (the same length) in `bytes`.
fn patched(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let mut out = bytes.to_vec();
    let mut i = 0;
    let mut n = 0;
    while let Some(p) = out[i..].windows(from.len()).position(|w| w == from) {
        out[i + p..i + p + from.len()].copy_from_slice(to);
        i += p + from.len();
        n += 1;
    }
    assert!(n > 0, "nothing to patch");
    out
}

/// Where the central directory's record of the `nth` entry starts, and the end record.
fn records(zip: &[u8]) -> (Vec<usize>, usize) {
    let end = zip.windows(4).rposition(|w| w == b"PK\x05\x06").unwrap();
    // The directory where the end record says, read record by record: a stored document (a
    // Word file is a ZIP) holds signatures of its own that a scan would take for ours.
    let u16_at = |i: usize| usize::from(u16::from_le_bytes([zip[i], zip[i + 1]]));
    let count = u16_at(end + 10);
    let mut at = u32::from_le_bytes(zip[end + 16..end + 20].try_into().unwrap()) as usize;
    let mut central = Vec::with_capacity(count);
    for _ in 0..count {
        assert_eq!(&zip[at..at + 4], b"PK\x01\x02");
        central.push(at);
        at += 46 + u16_at(at + 28) + u16_at(at + 30) + u16_at(at + 32);
    }
    (central, end)
}

fn verify_bytes(dir: &Path, name: &str, bytes: &[u8]) -> Run {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    limited(&[&"verify", &"--lang", &"en", &path])
}

#[test]
fn verify_refuses_an_archive_whose_directory_and_entries_disagree() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, _) = packed_esedo(dir.path());
    let bytes = std::fs::read(&archive).unwrap();
    let (central, end) = records(&bytes);
    let layout = "do not agree";

    // One more record in the directory than the end record counts (unzip extracts it).
    let mut fewer = bytes.clone();
    for at in [end + 8, end + 10] {
        let n = u16::from_le_bytes([fewer[at], fewer[at + 1]]) - 1;
        fewer[at..at + 2].copy_from_slice(&n.to_le_bytes());
    }
    let run = verify_bytes(dir.path(), "fewer.zip", &fewer);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains(layout), "{}", run.stderr);

    // Two names, one local header (data shared by two names).
    let mut shared = bytes.clone();
    let second = central[1] + 42;
    shared[second..second + 4].copy_from_slice(&0u32.to_le_bytes());
    let run = verify_bytes(dir.path(), "shared.zip", &shared);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains(layout), "{}", run.stderr);

    // A compressed size that lies.
    let mut lying = bytes.clone();
    let size_at = central[0] + 20;
    let n = u32::from_le_bytes(lying[size_at..size_at + 4].try_into().unwrap()) + 7;
    lying[size_at..size_at + 4].copy_from_slice(&n.to_le_bytes());
    let run = verify_bytes(dir.path(), "lying.zip", &lying);
    assert_eq!(run.code, Some(2), "{}", run.stderr);

    // Bytes hidden between entries: a local entry no directory record reaches.
    let mut hidden = bytes[..central[0]].to_vec();
    let cd_offset = central[0];
    hidden.extend_from_slice(b"PK\x03\x04 a hidden entry");
    let shift = hidden.len() - cd_offset;
    hidden.extend_from_slice(&bytes[cd_offset..]);
    let new_end = end + shift;
    let offset = u32::try_from(cd_offset + shift).unwrap();
    hidden[new_end + 16..new_end + 20].copy_from_slice(&offset.to_le_bytes());
    let run = verify_bytes(dir.path(), "hidden.zip", &hidden);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains(layout), "{}", run.stderr);
}

#[test]
fn verify_refuses_the_same_name_twice() {
    let dir = tempfile::tempdir().unwrap();
    let twice = patched(
        &zip_of(&[
            ("a/manifest.json", "{}".into()),
            ("a/x.pdf", "1".into()),
            ("a/y.pdf", "2".into()),
        ]),
        b"a/y.pdf",
        b"a/x.pdf",
    );
    let run = verify_bytes(dir.path(), "twice.zip", &twice);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("twice"), "{}", run.stderr);
}

#[test]
fn verify_bounds_what_an_archive_unpacks_to_in_all() {
    let dir = tempfile::tempdir().unwrap();
    // 300 entries of 1 MiB of zeros: each alone looks harmless, together 300 MiB.
    let path = dir.path().join("many.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let zeros = vec![0u8; 1 << 20];
    for i in 0..300 {
        z.start_file(format!("a/{i:03}.pdf"), o).unwrap();
        z.write_all(&zeros).unwrap();
    }
    z.finish().unwrap();
    let run = limited(&[&"verify", &"--lang", &"en", &path]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("ZIP bomb"), "{}", run.stderr);
}

#[test]
fn a_file_named_fifteen_thousand_times_in_the_sums_is_hashed_once() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, _) = packed_esedo(dir.path());
    let line = format!("{}  application.kk.pdf\n", "0".repeat(64));
    let hostile = repacked(&archive, "SHA256SUMS", line.repeat(15_000).as_bytes());
    let started = Instant::now();
    let run = limited(&[&"verify", &"--lang", &"en", &hostile]);
    // Differences (the sums are wrong), each named once.
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(
        run.stdout.matches("application.kk.pdf").count(),
        1,
        "{}",
        run.stdout
    );
    assert!(started.elapsed() < TIME_LIMIT);
}

/// Characters that change how a line reads without showing themselves.
const DECEPTIVE: &[char] = &[
    '\u{1b}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200b}', '\u{feff}',
];

fn shows_none(text: &str, what: &str) {
    assert!(
        !text.chars().any(|c| DECEPTIVE.contains(&c)),
        "{what}: a deceptive character reached the terminal raw:\n{text:?}"
    );
}

#[test]
fn bidi_and_invisible_characters_never_reach_the_terminal_raw() {
    // In dossier.yaml text: refused at its line, as other controls are.
    let mut f = Fixture::information_system();
    f.edit("ru: \"Тестовая система\"", "ru: \"Система \u{202e}акгдоп\"");
    let (code, v) = check_json(f.path());
    assert_eq!(code, 2);
    assert_eq!(
        v["dossiers"][0]["diagnostics"][0]["code"], "yaml.type",
        "{v}"
    );
    // In a folder name: escaped wherever it is printed.
    let tree = tempfile::tempdir().unwrap();
    let odd = tree
        .path()
        .join("esedo\u{202e}fdp.\u{200b}\u{2066}x\u{2069}");
    copy_dir(Fixture::information_system().path(), &odd);
    let run = limited(&[&"check", &"--lang", &"en", &"--today", &TODAY, &tree.path()]);
    shows_none(&run.stdout, "check");
    shows_none(&run.stderr, "check");
    assert!(run.stdout.contains("202e"), "{}", run.stdout);
    let out = tempfile::tempdir().unwrap();
    let archive = out.path().join("x.zip");
    let run = limited(&[&"pack", &"--today", &TODAY, &"-o", &archive, &odd]);
    shows_none(&run.stderr, "pack");
    assert!(run.stderr.contains("202e"), "{}", run.stderr);
    let run = limited(&[&"verify", &"--lang", &"en", &archive]);
    shows_none(&run.stdout, "verify");
    // In an edition's titles: escaped by rules list and rules show.
    let rules = amended_edition(
        "title = { en = \"",
        // TOML escapes: the title holds a real ESC and a real U+202E.
        "title = { en = \"\\u001b[31mFORGED\\u202e ",
    );
    for args in [
        &["rules", "list"][..],
        &["rules", "show", "order-29-2024"][..],
    ] {
        let mut all: Vec<&dyn AsRef<std::ffi::OsStr>> = args
            .iter()
            .map(|a| a as &dyn AsRef<std::ffi::OsStr>)
            .collect();
        all.push(&"--rules");
        let path = rules.path();
        all.push(&path);
        let run = limited(&all);
        shows_none(&run.stdout, "rules");
        assert!(run.stdout.contains("FORGED"), "{}", run.stdout);
    }
}

#[test]
fn settings_read_nothing_outside_their_tree() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "password = \"SECRET-LINE\"\n").unwrap();
    let tree = tempfile::tempdir().unwrap();
    let d = tree.path().join("team/esedo");
    copy_dir(Fixture::information_system().path(), &d);
    let settings = tree.path().join("team/dossier.toml");
    // A path that climbs out, and an absolute one: refused at their line, nothing read.
    let up = "../".repeat(12) + &secret.display().to_string()[1..];
    for named in [up, secret.display().to_string()] {
        std::fs::write(&settings, format!("editions = [\"{named}\"]\n")).unwrap();
        let run = limited(&[&"check", &"--lang", &"en", &"--today", &TODAY, &d]);
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        assert!(!run.stderr.contains("SECRET-LINE") && !run.stdout.contains("SECRET-LINE"));
        assert!(
            run.stderr.contains("is not a path inside"),
            "{}",
            run.stderr
        );
    }
    // A link inside the tree that leads out.
    std::fs::create_dir_all(tree.path().join("team/rules")).unwrap();
    std::os::unix::fs::symlink(&secret, tree.path().join("team/rules/x.toml")).unwrap();
    std::fs::write(&settings, "editions = [\"rules/x.toml\"]\n").unwrap();
    let run = limited(&[&"check", &"--lang", &"en", &"--today", &TODAY, &d]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(!run.stderr.contains("SECRET-LINE") && !run.stdout.contains("SECRET-LINE"));
    assert!(
        run.stderr.contains("leads out of its folder"),
        "{}",
        run.stderr
    );
    // A templates folder linked out: the draft is refused, the secret never becomes it.
    std::os::unix::fs::symlink(outside.path(), tree.path().join("team/templates")).unwrap();
    std::fs::write(outside.path().join("application.ru.md"), "SECRET-LINE\n").unwrap();
    std::fs::write(&settings, "templates = \"templates\"\n").unwrap();
    let run = limited(&[
        &"render",
        &"application",
        &"--lang",
        &"ru",
        &"--today",
        &TODAY,
        &d,
    ]);
    assert!(!run.stdout.contains("SECRET-LINE"), "{}", run.stdout);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
}
